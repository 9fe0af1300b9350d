"""The readers on the scenario cases: Markdown as pandoc reads it, LaTeX, a Manubot content/ folder.

Expected keys are written by hand from the cases' text; where pandoc is installed (the test extra's
pypandoc-binary) the same cases are also read by pandoc, the oracle, and must agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzz.pandoc_diff import cite_ids, pandoc_ast, pandoc_path

from litreview.bibliography.load import load_bibliography
from litreview.checks.text import check_text
from litreview.essay import load_essay
from litreview.essay.manubot import manuscript_sources
from litreview.linking import link
from litreview.model import Essay

CASES = Path(__file__).resolve().parent / "cases"
MARKDOWN = CASES / "essay_markdown" / "essay.md"
LATEX = CASES / "essay_latex" / "main.tex"
MANUBOT = CASES / "essay_manubot" / "content"
# Cited in the Markdown and LaTeX cases (by hand, from the text); Alpha2001 and missing2099 have no entry.
CITED = {"heading2001", "alpha2001", "beta2002", "gamma2003", "delta:2004", "epsilon2005", "zeta2006", "eta2007",
         "table2008", "caption2009", "figure2010", "inline2011", "footnote2012", "list2013", "quote2014",
         "div2015", "linked2016", "Alpha2001", "missing2099"}


def cited(essay: Essay) -> set[str]:
    return {c.key for claim in essay.claims for c in claim.citations or ()}


def review(essay_path: Path, bib_path: Path | None):
    essay = load_essay(essay_path)
    bib = load_bibliography(bib_path) if bib_path else manuscript_sources(essay)
    linkage = link(essay, bib, None, metadata={})
    return essay, bib, linkage, check_text(bib, essay, linkage, essay_file=str(essay_path))


def test_markdown_reads_every_place_a_citation_can_stand() -> None:
    essay = load_essay(MARKDOWN)
    assert cited(essay) == CITED | {"fig:map"}
    assert essay.nocite == ("listed2001",) and essay.marked
    where = {c.key: claim.text for claim in essay.claims for c in claim.citations or ()}
    assert where["heading2001"] == "Origins of the theory [@heading2001]"
    assert where["table2008"] == "Panel data [@table2008]"  # one table cell
    assert where["footnote2012"] == "The data come from @footnote2012."


def test_markdown_findings_are_the_ones_pandoc_would_agree_with() -> None:
    _, _, linkage, findings = review(MARKDOWN, MARKDOWN.with_name("refs.bib"))
    confirmed = {lk.source_key for lk in linkage.links if lk.kind == "marker" and lk.status == "confirmed"}
    assert confirmed == CITED - {"Alpha2001", "missing2099"}
    codes = sorted((f.code, f.key or f.message) for f in findings if f.code.startswith("LR3"))
    assert codes == [("LR300", "citation '@missing2099' matches no entry"),
                     ("LR307", "unused2020"),  # listed2001 is in nocite: not unused
                     ("LR309", "alpha2001")]
    case = next(f for f in findings if f.code == "LR309")
    assert "@Alpha2001" in case.message and case.hint == "Write @alpha2001" and case.line == 49


def test_locators_and_prefixes_reach_the_links() -> None:
    _, _, linkage, _ = review(MARKDOWN, MARKDOWN.with_name("refs.bib"))
    by_key = {lk.source_key: lk for lk in linkage.links if lk.kind == "marker" and lk.status == "confirmed"}
    assert by_key["alpha2001"].locator == "pp. 33-35"
    assert by_key["alpha2001"].evidence == "[see @alpha2001, pp. 33-35; also @beta2002, chap. 1]"
    assert by_key["gamma2003"].locator == "p. 4"


def test_latex_commands_input_files_and_nocite() -> None:
    essay = load_essay(LATEX)
    assert cited(essay) == CITED  # not \cite in math, a comment or verbatim
    assert essay.nocite == ("listed2001",) and essay.format == "latex"
    results = next(c for c in essay.claims if "linked2016" in c.text)
    assert results.file is not None and results.file.endswith("results.tex") and results.line == 2  # (1: the heading)
    first = essay.claims[1]
    assert first.text == "Power is shared among states [see @{alpha2001}; @{beta2002}, pp. 33–35]."
    assert first.line == 9 and first.file is not None and first.file.endswith("main.tex")


def test_latex_findings() -> None:
    _, _, _, findings = review(LATEX, LATEX.with_name("refs.bib"))
    assert sorted((f.code, f.key) for f in findings if f.code in ("LR300", "LR307", "LR309")) == [
        ("LR300", None), ("LR307", "unused2020"), ("LR309", "alpha2001")]


def test_manubot_folder_identifiers_are_the_bibliography() -> None:
    essay, bib, linkage, findings = review(MANUBOT, None)
    assert essay.format == "manubot"
    assert [s.key for s in bib.sources] == [
        "doi:10.1038/NATURE14539", "tag:review", "pmid:27118048", "pmc:PMC6103790", "arxiv:1512.03385v2",
        "isbn:978-0-262-51763-8", "url:https://github.com/manubot/rootstock", "deep-review"]
    rootstock = bib.get("url:https://github.com/manubot/rootstock")
    assert rootstock is not None and rootstock.title == "manubot/rootstock GitHub repository"
    assert rootstock.year == 2019 and rootstock.authors[0].family == "Himmelstein"
    assert bib.get("tag:review").doi == "10.1101/142760"  # the tag's target, from citation-tags.tsv
    marker = {(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "marker"}
    # The alias and the DOI it stands for are one source; the Jinja2 comment and @fig: are no citations.
    assert ("p3-s3", "deep-review") in marker and len({k for _, k in marker}) == 8
    assert [f for f in findings if f.code in ("LR300", "LR307", "LR310")] == []
    assert essay.claim("p3-s2").file.endswith("01.intro.md") and essay.claim("p3-s2").line == 4


def test_manubot_identifiers_resolve_to_the_entries_that_carry_them(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{lecun2015, author = {LeCun, Yann}, title = {Deep Learning}, journal = {Nature},"
                   " year = {2015}, doi = {10.1038/nature14539}}\n"
                   "@misc{he2015, author = {He, Kaiming}, title = {Deep Residual Learning}, year = {2015},"
                   " eprint = {1512.03385}, archiveprefix = {arXiv}}\n", encoding="utf-8")
    essay = tmp_path / "paper.md"
    essay.write_text("Deep nets [@doi:10.1038/NATURE14539; @arxiv:1512.03385v2] and [@pmid:27118048].\n",
                     encoding="utf-8")
    _, _, linkage, findings = review(essay, bib)
    assert {lk.source_key for lk in linkage.links if lk.kind == "marker"} == {"lecun2015", "he2015"}
    missing = [f for f in findings if f.code == "LR310"]
    assert len(missing) == 1 and missing[0].hint == "Add the work: litreview add pmid:27118048"
    assert not [f for f in findings if f.code == "LR300"]


def test_check_reads_a_manubot_folder_from_the_command_line(tmp_path: Path) -> None:
    import contextlib
    import io

    from litreview.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--essay", str(MANUBOT), "--claims", "",
                     "--metadata-dir", str(tmp_path / "meta"), "--bib", str(tmp_path / "none.bib"),
                     "--format", "json"])
    report = json.loads(out.getvalue())
    assert code in (0, 1)
    assert not [f for f in report["findings"] if f["code"] in ("LR300", "LR307", "LR310")]


def test_manubot_compact_identifiers_of_trials_and_databases_are_sources(tmp_path: Path) -> None:
    # Manubot resolves a compact identifier (clinicaltrials:NCT..., pdb:..., as Bioregistry names them) through its
    # address: each was an LR300 error, "matches no entry".
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.md").write_text("## M\n\nTwo trials [@clinicaltrials:NCT01234567; @clinicaltrials:nct07654321] "
                                   "and a structure [@pdb:1ABC].\n", encoding="utf-8")
    _, bib, linkage, findings = review(content, None)
    assert [(s.key, s.url) for s in bib.sources] == [
        ("clinicaltrials:NCT01234567", "https://clinicaltrials.gov/study/NCT01234567"),
        ("clinicaltrials:nct07654321", "https://clinicaltrials.gov/study/NCT07654321"),
        ("pdb:1ABC", "https://www.rcsb.org/structure/1ABC")]
    assert len({lk.source_key for lk in linkage.links if lk.kind == "marker"}) == 3
    assert not [f for f in findings if f.code in ("LR300", "LR310")]
    # In a manuscript with a bibliography, the entry whose address is the trial's is the one cited.
    refs = tmp_path / "refs.bib"
    refs.write_text("@misc{trial, title = {A Trial}, year = {2020},"
                    " url = {https://clinicaltrials.gov/ct2/show/NCT01234567}}\n", encoding="utf-8")
    essay = tmp_path / "paper.md"
    essay.write_text("A trial [@clinicaltrials:NCT01234567].\n", encoding="utf-8")
    _, _, linkage, findings = review(essay, refs)
    assert {lk.source_key for lk in linkage.links if lk.kind == "marker"} == {"trial"}
    assert not [f for f in findings if f.code in ("LR300", "LR310")]
    essay.write_text("Another [@clinicaltrials:NCT07654321].\n", encoding="utf-8")
    _, _, _, findings = review(essay, refs)
    assert [f.hint for f in findings if f.code == "LR310"] == [
        "Add an entry whose url is https://clinicaltrials.gov/study/NCT07654321"]
    # A citation key of that prefix that is no accession is a key like any other.
    essay.write_text("Data [@geo:smith2010].\n", encoding="utf-8")
    _, _, _, findings = review(essay, refs)
    assert [f.code for f in findings if f.code in ("LR300", "LR310")] == ["LR300"]


# --- pandoc, the oracle ---------------------------------------------------------------

def _pandoc() -> str:
    found = pandoc_path()
    if found is None:
        pytest.skip("pandoc (pypandoc-binary, in the test extra) is not installed")
    return found


@pytest.mark.parametrize("path", [MARKDOWN, LATEX], ids=["markdown", "latex"])
def test_the_same_keys_as_pandoc(path: Path) -> None:
    fmt = "latex" if path.suffix == ".tex" else "markdown"
    ast = pandoc_ast(_pandoc(), path, fmt)
    assert set(cite_ids(ast["blocks"])) == cited(load_essay(path))


def test_the_front_matters_bibliography_is_used_when_none_is_configured(tmp_path: Path, monkeypatch) -> None:
    import contextlib
    import io

    from litreview.cli import main

    monkeypatch.chdir(tmp_path)  # no refs/bibliography.bib here: the essay's `bibliography: refs.bib` is read
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--essay", str(MARKDOWN), "--claims", "", "--metadata-dir", "meta",
              "--format", "json"])
    codes = {(f["code"], f.get("key")) for f in json.loads(out.getvalue())["findings"]}
    assert ("LR307", "unused2020") in codes and ("LR309", "alpha2001") in codes


# --- classes of disagreement with pandoc found by differential testing (tests/fuzz/test_fuzz_pandoc.py) ----
# Expected keys written by hand from pandoc 3.9's output on the same text.

@pytest.mark.parametrize(("text", "expected"), [
    # Pandoc reads the Markdown inside HTML blocks, but not inside <pre>, <script>, <style>, <textarea>.
    ('<div class="box">\nSentence @a here.\n</div>\n\n<div>inline @b</div>\n\n<p>@s</p>\n', {"a", "b", "s"}),
    ("<pre>\n@r\n</pre>\n\n<textarea>@t</textarea>\n\nText.\n", set()),
    # A raw LaTeX environment holds no citation, blank lines or not; it ends the definition before it.
    ("Text.\n\n\\begin{x}\n@m\n\nstill @n\n\\end{x}\n\nafter @o\n", {"o"}),
    ("Term\n:   Def.\n\n\\begin{figure}\n[@h]\n\\end{figure}\n\n    [@c] in code\n", set()),
    # Pandoc's list markers: what follows "#." or "a)" after a blank line and four spaces continues the item.
    ("#. item\n\n    cont @e\n\na) item\n\n    cont @b\n", {"e", "b"}),
    # Example lists: the label is no citation, nor a reference to it; an unknown label is one.
    ("(@ex8) An example @a.\n\nAs (@ex8) shows and (@other) too.\n", {"a", "other"}),
    # "a.@p" is an e-mail-like string even where the sentence splitter cut after "a.".
    ("a.@p and\nb.@q and c @r.\n", {"r"}),
    # A key with a "?" or "." inside is one key, not the end of a sentence.
    ("Waltz @aq4z?é [-@q5z] war and @b.c.d [p. 3] too.\n", {"aq4z?é", "q5z", "b.c.d"}),
    # Control characters that str.splitlines() breaks at do not shift the lines CommonMark reads.
    ("| War \x1e\x1c!\n| The theory [cf. @q17z; @q19z, 12] states.\n", {"q17z", "q19z"}),
])
def test_markdown_blocks_as_pandoc_reads_them(text: str, expected: set[str]) -> None:
    from litreview.essay import parse_essay

    assert cited(parse_essay(text)) == expected


def test_latex_commands_pandoc_reads_and_the_line_of_each_claim(tmp_path: Path) -> None:
    (tmp_path / "main.tex").write_text(
        "\\begin{document}\n\n"                      # 1-2
        "\\begin{itemize}\n"                         # 3
        "  \\item First \\Footcitetext{a}.\n"        # 4
        "  \\item Then \\footcitetexts[p.~3]{b}{c} and \\Supercite{d} and \\Citeyear{e}.\n"  # 5
        "\\end{itemize}\n\n"                         # 6-7
        "\\begin{figure}\n\\centering\n"             # 8-9
        "\\caption{A map \\Footcites{f}{g}.}\n"      # 10
        "\\end{figure}\n\\end{document}\n", encoding="utf-8")
    essay = load_essay(tmp_path / "main.tex")
    assert cited(essay) == set("abcdefg")
    assert {c.key: claim.line for claim in essay.claims for c in claim.citations or ()} == {
        "a": 4, "b": 5, "c": 5, "d": 5, "e": 5, "f": 10, "g": 10}


def test_manubot_identifier_sources_need_no_entry_fields_and_are_located_where_cited(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import contextlib
    import io

    from litreview.cli import main

    monkeypatch.chdir(tmp_path)  # no settings file, no bibliography file: the identifiers are the sources
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.md").write_text("## M\n\nCited [@doi:10.1371/journal.pbio.3000860].\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--essay", str(content), "--claims", "", "--metadata-dir", str(tmp_path / "meta"),
                     "--format", "json"])
    findings = json.loads(out.getvalue())["findings"]
    # The registry, not an entry, gives an identifier's title: offline that is LR209, not an error.
    assert not [f for f in findings if f["code"] in ("LR110", "LR111")]
    assert code == 0
    keyed = [f for f in findings if f["key"] == "doi:10.1371/journal.pbio.3000860"]
    assert keyed and all(f["file"].endswith("01.md") and f["line"] == 3 for f in keyed)
    # An identifier the author describes in manual-references.json is checked as an entry, where the item is.
    (content / "manual-references.json").write_text('[{"id": "doi:10.1371/journal.pbio.3000860", "type": "book"}]',
                                                    encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--essay", str(content), "--claims", "", "--metadata-dir", str(tmp_path / "meta"),
              "--format", "json", "--no-cache"])
    assert [(f["code"], f["file"], f["line"]) for f in json.loads(out.getvalue())["findings"]
            if f["code"] == "LR110"] == [("LR110", "content/manual-references.json", 1)]


def test_latex_generated_text_is_not_claimed_and_references_read_as_pandoc_renders_them(tmp_path: Path) -> None:
    (tmp_path / "p.tex").write_text(
        "\\documentclass{article}\n\\title{T}\n\\begin{document}\n\\maketitle\n\\tableofcontents\n\n"
        "Written \\today. See Section~\\ref{sec:x} and \\eqref{e1}, \\ref{a} \\ref{b} \\ref{c}.\n"  # line 7
        "The next line.\n\\end{document}\n", encoding="utf-8")
    claims = load_essay(tmp_path / "p.tex").claims
    # No title block, no date (the claims would change every day): pandoc shows a reference as [label]. The title
    # is read from \title, as pandoc's metadata.
    assert [(c.text, c.line) for c in claims] == [
        ("T", 2), ("Written.", 7), ("See Section [sec:x] and [e1], [a] [b] [c].", 7), ("The next line.", 8)]


@pytest.mark.parametrize("preamble", ["", "\\documentclass{article}\n\\input{glyphtounicode}\n"])
def test_latex_input_file_not_found_is_reported_at_its_line(tmp_path: Path, preamble: str) -> None:
    from litreview.checks.size import check_inputs

    (tmp_path / "p.tex").write_text(preamble + "\\begin{document}\n\\input{missing}\nText.\n\\end{document}\n",
                                    encoding="utf-8")
    found = check_inputs(load_essay(tmp_path / "p.tex"))
    # A TeX file named in the preamble (glyphtounicode) is not the project's: only the body's input counts.
    assert [(f.code, f.line, Path(f.file or "").name) for f in found] == [("LR314", preamble.count("\n") + 2, "p.tex")]
    assert "missing" in found[0].message and "\\input" in found[0].hint


def test_latex_inputs_inside_a_subfolder_are_named_from_the_main_files_folder(tmp_path: Path) -> None:
    from litreview.checks.size import check_inputs

    (tmp_path / "sections").mkdir()
    (tmp_path / "p.tex").write_text("\\begin{document}\n\\input{sections/a}\n\\end{document}\n", encoding="utf-8")
    # As TeX run in the main file's folder reads it: sections/b, not sections/sections/b; then beside a.tex (c).
    (tmp_path / "sections" / "a.tex").write_text("\\input{sections/b}\n\n\\input{c}\n", encoding="utf-8")
    (tmp_path / "sections" / "b.tex").write_text("Bee \\cite{kb}.\n", encoding="utf-8")
    (tmp_path / "sections" / "c.tex").write_text("Sea \\cite{kc}.\n", encoding="utf-8")
    essay = load_essay(tmp_path / "p.tex")
    assert [(c.text, Path(c.file or "").name, c.line) for c in essay.claims] == [
        ("Bee [@{kb}].", "b.tex", 1), ("Sea [@{kc}].", "c.tex", 1)]
    assert check_inputs(essay) == []


def test_latex_unresolved_citation_names_the_key(tmp_path: Path) -> None:
    (tmp_path / "p.tex").write_text("\\begin{document}\nAs \\textcite[see][12]{nokey} say.\n\\end{document}\n",
                                    encoding="utf-8")
    (tmp_path / "r.bib").write_text("@misc{other, title = {T}}\n", encoding="utf-8")
    _, _, _, findings = review(tmp_path / "p.tex", tmp_path / "r.bib")
    # Not "citation '@{nokey} [12]'": the pandoc form of the command is not what the author wrote.
    assert [(f.code, f.message, f.line) for f in findings if f.code == "LR300"] == [
        ("LR300", "no entry has the key 'nokey'", 2)]


def test_latex_in_text_citation_keeps_its_prenote_and_reads_its_postnote_as_pandoc(tmp_path: Path) -> None:
    # pandoc 3.9's AST: \textcite[see][p.~12]{k} is AuthorInText with prefix "see", suffix "p. 12" (no-break
    # space); biblatex prints "see Knuth (1984, p. 12)". The prenote was dropped and the ~ kept.
    (tmp_path / "p.tex").write_text(
        "\\begin{document}\nAs \\textcite[see][p.~12]{k} explains, \\citet[][p.~3]{l} and "
        "\\textcites[cf.][1]{k}[2]{l} agree.\n\\end{document}\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    assert claim.text == "As see @{k} [p. 12] explains, @{l} [p. 3] and cf. @{k} [1] [@{l}, 2] agree."
    assert [(c.key, c.mode, c.suffix) for c in claim.citations or ()] == [
        ("k", "author-in-text", "p. 12"), ("l", "author-in-text", "p. 3"), ("k", "author-in-text", "1"),
        ("l", "normal", "2")]


def test_latex_bibliography_commands_are_found_without_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys) -> None:
    # As latexmk hands them to biber or BibTeX: \addbibresource, or \bibliography{a,b} (in an \input file too).
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LITREVIEW_BIB", raising=False)
    (tmp_path / "a.bib").write_text("@book{ka, title = {A}, author = {Doe, J.}, year = {2001}, publisher = {P}}\n",
                                    encoding="utf-8")
    (tmp_path / "b.bib").write_text("@book{kb, title = {B}, author = {Roe, R.}, year = {2002}, publisher = {P}}\n",
                                    encoding="utf-8")
    (tmp_path / "p.tex").write_text("\\addbibresource{a.bib}\n\\begin{document}\nSee \\cite{ka}.\n\\end{document}\n",
                                    encoding="utf-8")
    assert load_essay(tmp_path / "p.tex").meta["bibliography"] == ["a.bib"]
    from litreview.essay.latex import bibliography_files

    assert bibliography_files("\\addglobalbib[datatype=bibtex]{g.bib}\\addsectionbib{s.bib}\\nobibliography{n,m.bib}") == [
        "g.bib", "s.bib", "n.bib", "m.bib"]
    assert main(["check", "--essay", "p.tex", "--claims", "", "--format", "json"]) == 0, capsys.readouterr()
    capsys.readouterr()
    (tmp_path / "end.tex").write_text("%\\bibliography{nope}\n\\bibliography{a,b}\n", encoding="utf-8")
    (tmp_path / "q.tex").write_text("\\begin{document}\nSee \\cite{ka,kb}.\n\\input{end}\n\\end{document}\n",
                                    encoding="utf-8")
    assert main(["check", "--essay", "q.tex", "--claims", "", "--format", "json"]) == 0, capsys.readouterr()
    capsys.readouterr()
    (tmp_path / "end.tex").write_text("\\bibliography{a,gone}\n", encoding="utf-8")
    assert main(["check", "--essay", "q.tex", "--claims", ""]) == 2
    err = capsys.readouterr().err
    assert "gone.bib: bibliography not found" in err and "q.tex names it" in err


def test_latex_subfiles_imports_and_two_inputs_on_a_line_are_all_read(tmp_path: Path) -> None:
    # A \subfile's own \end{document} ended the main document (what followed was lost, silently);
    # \import{dir}{file} (the import package) was not read; a second \input on a line was skipped.
    from litreview.checks.size import check_inputs

    (tmp_path / "ch").mkdir()
    (tmp_path / "parts").mkdir()
    (tmp_path / "main.tex").write_text(
        "\\documentclass{report}\n\\usepackage{subfiles}\n\\begin{document}\n\\subfile{ch/two}\n"
        "\\import{parts/}{three}\n\\subimport*{parts/}{five}\n\\input{ch/four}\\input{ch/six}\n\\end{document}\n",
        encoding="utf-8")
    (tmp_path / "ch" / "two.tex").write_text(
        "\\documentclass[../main.tex]{subfiles}\n\\begin{document}\nTwo \\cite{k2}.\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "parts" / "three.tex").write_text("Three \\cite{k3}.\n\n\\input{seven}\n", encoding="utf-8")
    (tmp_path / "parts" / "seven.tex").write_text("Seven \\cite{k7}.\n", encoding="utf-8")  # beside its importer
    (tmp_path / "parts" / "five.tex").write_text("Five \\cite{k5}.\n", encoding="utf-8")
    (tmp_path / "ch" / "four.tex").write_text("Four \\cite{k4}.\n\n", encoding="utf-8")
    (tmp_path / "ch" / "six.tex").write_text("Six \\cite{k6}.\n", encoding="utf-8")
    essay = load_essay(tmp_path / "main.tex")
    assert [(Path(c.file or "").name, c.line, cite.key) for c in essay.claims for cite in c.citations or ()] == [
        ("two.tex", 3, "k2"), ("three.tex", 1, "k3"), ("seven.tex", 1, "k7"), ("five.tex", 1, "k5"),
        ("four.tex", 1, "k4"), ("six.tex", 1, "k6")]
    assert check_inputs(essay) == []


def test_latex_headings_are_not_claim_text(tmp_path: Path) -> None:
    # pandoc reads \section{...} as a header: "§ INTRODUCTION First sentence" was one claim; a title is
    # a claim of its own, as a Markdown heading is.
    (tmp_path / "p.tex").write_text(
        "\\begin{document}\n\\section{Introduction}\nFirst sentence \\cite{a}.\n"
        "\\subsection*[Short]{The \\emph{Long} Title}Second \\cite{b}.\n\\chapter{C}\n\\end{document}\n",
        encoding="utf-8")
    claims = load_essay(tmp_path / "p.tex").claims
    assert [(c.text, c.line) for c in claims] == [("Introduction", 2), ("First sentence [@{a}].", 3),
                                                  ("The Long Title", 4), ("Second [@{b}].", 4), ("C", 5)]


def test_manubot_malformed_doi_is_reported_where_cited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # pandoc reads [@doi:10.1038/] as the id doi:10.1038 (manubot cite refuses it); it was no finding at all.
    import contextlib
    import io

    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "01.md").write_text("## M\n\nFine [@doi:10.1038/nature14539].\nBad [@doi:10.1038/].\n",
                                                encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"])
    bad = [(f["code"], f["key"], f["line"]) for f in json.loads(out.getvalue())["findings"] if f["severity"] == "error"]
    assert (code, bad) == (1, [("LR120", "doi:10.1038", 4)])


def test_manubot_identifiers_manubot_refuses_are_reported_where_cited(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # Manubot refuses a PubMed id with letters, an arXiv id of no form, a PMCID without PMC: no reference is made.
    # Such a citation was no finding at all (not even "not yet verified").
    import contextlib
    import io

    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "01.md").write_text(
        "## M\n\nFine [@pmid:19147090; @pmcid:PMC2701110; @arxiv:hep-th/9901001v2; @arxiv:2101.01234; "
        "@wikidata:Q42].\nBad [@pmid:0123; @arxiv:2001.99999x;\n@pmcid:12ab; @wikidata:foo].\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"])
    bad = [(f["code"], f["key"], f["line"]) for f in json.loads(out.getvalue())["findings"] if f["severity"] == "error"]
    assert (code, sorted(bad)) == (1, [("LR126", "arxiv:2001.99999x", 4), ("LR126", "pmcid:12ab", 4),
                                       ("LR126", "pmid:0123", 4), ("LR126", "wikidata:foo", 4)])


def test_latex_citations_inside_citetext_and_href_are_read_and_the_text_converted(tmp_path: Path) -> None:
    # pandoc 3.9 cites u8 in \citetext{t \citealp{u8}}; pylatexenc dropped \citetext's argument (the citation
    # with it) and failed on \href{url}{text}, which left the whole paragraph as raw LaTeX.
    (tmp_path / "u.tex").write_text(
        "\\begin{document}\nA \\textbf{bold \\cite{u1}} and \\citetext{see \\citealp{u8}}.\n"
        "C \\href{http://y}{z \\cite{u12}} and \\href[o]{http://x}{w}.\n\\end{document}\n", encoding="utf-8")
    claims = load_essay(tmp_path / "u.tex").claims
    assert [c.text for c in claims] == [  # \href a link, as pandoc reads it
        "A bold [@{u1}] and (see [@{u8}]).", "C [z [@{u12}]](<http://y>) and [w](<http://x>)."]
    assert [[x.key for x in c.citations] for c in claims] == [["u1", "u8"], ["u12"]]


def test_latex_a_citation_inside_another_ones_note_is_read(tmp_path: Path) -> None:
    # natbib's "see also \citealp{x}" in a postnote: LaTeX prints it, pandoc 3.9 reads a citation in the suffix (the
    # reader dropped the backslash and read "citealp{Allen1999}" as the note's text).
    (tmp_path / "n.tex").write_text(
        "\\begin{document}\nText \\citep[see][see also \\citealp{Allen1999}]{Bentham1789, Kant1797}. More "
        "\\citet[][and \\citealt{c1,c2} there]{d1}.\n\\end{document}\n", encoding="utf-8")
    claims = load_essay(tmp_path / "n.tex").claims
    assert [c.text for c in claims] == ["Text [see @{Bentham1789}; @{Kant1797}, see also @{Allen1999}].",
                                        "More @{d1} [and @{c1}, @{c2} there]."]
    assert [cite.key for c in claims for cite in c.citations or ()] == ["Bentham1789", "Kant1797", "Allen1999",
                                                                         "d1", "c1", "c2"]


def test_latex_a_citation_inside_an_mbox_is_read(tmp_path: Path) -> None:
    # pylatexenc printed \mbox{...} as nothing (pandoc cites u11); \makebox's width is no claim text.
    (tmp_path / "u.tex").write_text(
        "\\begin{document}\nA \\mbox{x \\cite{u11}} and \\makebox[2cm]{the box}.\n\\end{document}\n",
        encoding="utf-8")
    claims = load_essay(tmp_path / "u.tex").claims
    assert [cite.key for c in claims for cite in c.citations or ()] == ["u11"]
    assert claims[0].text == "A x [@{u11}] and the box."


def test_latex_parencite_star_is_year_only_as_pandoc_reads_it(tmp_path: Path) -> None:
    (tmp_path / "p.tex").write_text("\\begin{document}\nA \\parencite*{b2} and \\citet*{a1} and \\parencite{b3}"
                                    " and \\citeyear*{y1} \\citeyearpar*{y2}.\n\\end{document}\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    # (\citeyear* and \citeyearpar* were normal citations before: pandoc 3.9 reads them as the unstarred ones)
    assert [(c.key, c.mode) for c in claim.citations or ()] == [
        ("b2", "suppress-author"), ("a1", "author-in-text"), ("b3", "normal"), ("y1", "suppress-author"),
        ("y2", "suppress-author")]


def test_latex_text_between_iffalse_and_fi_is_not_read(tmp_path: Path) -> None:
    # TeX (and pandoc 3.9) skip it: a passage commented out this way was reviewed and its citations counted.
    (tmp_path / "p.tex").write_text("\\begin{document}\nKept \\cite{a}.\n\n\\iffalse\nHidden \\cite{b}.\n\\fi\n\n"
                                    "Also kept \\cite{c} \\hfill.\n\\end{document}\n", encoding="utf-8")
    assert [cite.key for c in load_essay(tmp_path / "p.tex").claims for cite in c.citations or ()] == ["a", "c"]


@pytest.mark.parametrize("table", [
    "Left    Right\n------  -----\na b     c",
    "----------------\nA       B\n------  --------\nrow     text\n        more\n----------------",
    "+-----+-----+\n| A   | B   |\n+=====+=====+\n| x   | y   |\n+-----+-----+",
])
def test_markdown_caption_after_a_table_is_no_definition(tmp_path: Path, table: str) -> None:
    # pandoc reads ": Caption" after a simple, multiline or grid table as the table's caption; CommonMark's
    # definition lists took it for a definition of the table's last row, and the indented code block after
    # it for the definition's text, whose "@code" was read as a citation. (pandoc 3.9 cites cap and real.)
    (tmp_path / "t.md").write_text(f"Opening.\n\n{table}\n\n: Caption [@cap]\n\n    [@code1] in code\n    @code2\n\n"
                                   "After [@real].\n", encoding="utf-8")
    assert [cite.key for c in load_essay(tmp_path / "t.md").claims for cite in c.citations or ()] == ["cap", "real"]


def test_markdown_footnote_reference_inside_a_superscript_is_none(tmp_path: Path) -> None:
    # pandoc reads "^?[^n1]" as the superscript "?[" and the text "n1]": note n1 is referenced nowhere and dropped
    # with its citation. 2^10^ is a superscript too; ^[...] an inline note. (pandoc 3.9 cites k1 and k3.)
    (tmp_path / "s.md").write_text("A ^?[^n1] b and 2^10^ and H~2~O[^n2] and x^[inline @k1]^ y.\n\n[^n1]: Note @k2.\n\n"
                                   "[^n2]: Note two @k3.\n", encoding="utf-8")
    assert [cite.key for c in load_essay(tmp_path / "s.md").claims for cite in c.citations or ()] == ["k1", "k3"]


def test_latex_skipped_text_opened_and_closed_on_one_line_leaves_the_rest_read(tmp_path: Path) -> None:
    # An \\iffalse ... \\fi or a verbatim or comment environment within one line: the closing on the same line
    # went unseen, and the rest of the document was skipped with it. TeX cites a, b, d, e, f and g; so does pandoc
    # 3.9, which reads h4 too (it does not know the verbatim* environment).
    (tmp_path / "p.tex").write_text(
        "\\begin{document}\nText \\iffalse hidden \\cite{h1} \\fi shown \\cite{a}.\nMore \\cite{b}.\n\n"
        "Next \\begin{comment}x \\cite{h2}\\end{comment} para \\cite{d}.\n"
        "\\begin{verbatim}\\cite{h3}\\end{verbatim}\nAfter \\cite{e}.\n\n"
        "\\begin{verbatim*}\n\\cite{h4}\n\\end{verbatim*} closing line \\cite{f}.\n\n"
        "Last \\cite{g}.\\nocite{n}\n\\end{document}\n", encoding="utf-8")
    essay = load_essay(tmp_path / "p.tex")
    assert [cite.key for c in essay.claims for cite in c.citations or ()] == ["a", "b", "d", "e", "f", "g"]
    assert essay.nocite == ("n",)


def test_manubot_raw_citation_without_a_manual_reference_is_an_error(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # manubot cannot resolve @raw:... without a manual-references.json item; it was no finding at all.
    import contextlib
    import io

    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.md").write_text("## M\n\nManual [@raw:mine2020] and [@raw:described].\n", encoding="utf-8")
    (content / "manual-references.json").write_text(
        '[{"id": "raw:described", "type": "book", "title": "T", "publisher": "P", '
        '"author": [{"family": "D", "given": "E"}], "issued": {"date-parts": [[2001]]}}]', encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"])
    errors = [(f["code"], f["key"], f["line"]) for f in json.loads(out.getvalue())["findings"] if f["severity"] == "error"]
    assert errors == [("LR310", "raw:mine2020", 3)]


def test_latex_an_input_file_is_read_no_further_than_endinput(tmp_path: Path) -> None:
    # TeX stops reading an \input file at \endinput: notes kept below it were reviewed and their citations counted.
    (tmp_path / "p.tex").write_text("\\begin{document}\n\\input{ch}\nAfter \\cite{c}.\n\\end{document}\n",
                                    encoding="utf-8")
    (tmp_path / "ch.tex").write_text("Kept \\cite{a}.\n\\endinput\nDraft notes \\cite{b}.\n", encoding="utf-8")
    assert [cite.key for c in load_essay(tmp_path / "p.tex").claims for cite in c.citations or ()] == ["a", "c"]


def test_latex_citation_commands_the_document_defines_are_expanded(tmp_path: Path) -> None:
    # pandoc's LaTeX reader expands a document's own macros; before, \mycite{w1} was read as the text "w1".
    path = tmp_path / "m.tex"
    path.write_text(
        "\\documentclass{article}\n\\newcommand{\\mycite}[1]{\\citep{#1}}\n\\newcommand\\seeref[2]{see \\citet[#2]{#1}}\n"
        "\\providecommand{\\ycite}[2][p.]{\\citeyear[#1]{#2}}\n\\def\\dcite#1{\\cite{#1}}\n\\let\\lcite\\citep\n"
        "\\newcommand{\\bold}[1]{\\textbf{#1}}\n\\newcommand{\\twice}[1]{\\mycite{#1}}\n\\begin{document}\n"
        "Wrapped \\mycite{w1}. Also \\seeref{w2}{p.~3}. And \\ycite{w3} and \\dcite{w4}.\n"  # line 10
        "Then \\lcite{w5} and \\bold{bold} and \\twice{\n  w6}.\n"  # lines 11-12: a use over two lines
        "Last \\mycite{w7}.\n\\end{document}\n", encoding="utf-8")  # line 13
    claims = load_essay(path).claims
    assert [(c.line, [(x.key, x.mode) for x in c.citations or ()]) for c in claims] == [
        (10, [("w1", "normal")]), (10, [("w2", "author-in-text")]),
        (10, [("w3", "suppress-author"), ("w4", "normal")]),
        (11, [("w5", "normal"), ("w6", "normal")]), (13, [("w7", "normal")])]
    assert claims[1].text == "Also see @{w2} [p. 3]." and "bold" in claims[3].text
    pandoc = pandoc_path()
    if pandoc is not None:
        assert list(cite_ids(pandoc_ast(pandoc, path, "latex"))) == [f"w{n}" for n in range(1, 8)]


def test_latex_citations_pandoc_ignores_but_biber_and_bibtex_print(tmp_path: Path) -> None:
    # Before: \citetitle{t1} read as the text "t1", its entry reported unused (LR307) though the PDF lists it.
    (tmp_path / "p.tex").write_text("\\begin{document}\nIn \\citetitle{t1} and \\Citetitle*{t2}, \\citeurl{u1}, "
                                    "\\citedate{d1}, \\citenum{n1}, \\citetalias{a1} \\citepalias{a2}.\n"
                                    "\\end{document}\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    assert [(c.key, c.mode) for c in claim.citations or ()] == [
        ("t1", "author-in-text"), ("t2", "author-in-text"), ("u1", "normal"), ("d1", "normal"), ("n1", "normal"),
        ("a1", "author-in-text"), ("a2", "normal")]


def test_latex_a_citation_right_after_a_commands_name_is_read(tmp_path: Path) -> None:
    # \protect\cite (common in captions) and \noindent\citet: the citation's mark was glued to the command's name
    # ("\protectXCITE..."), so the citation was lost and "0001X" left in the claim's text.
    (tmp_path / "p.tex").write_text("\\begin{document}\n\\noindent\\citet{n1} shows it.\n\\begin{figure}\\caption{A map "
                                    "\\protect\\cite{p1}.}\\end{figure}\n\\end{document}\n", encoding="utf-8")
    claims = load_essay(tmp_path / "p.tex").claims
    assert [(c.line, c.text, [x.key for x in c.citations or ()]) for c in claims] == [
        (2, "@{n1} shows it.", ["n1"]), (3, "A map [@{p1}].", ["p1"])]


@pytest.mark.parametrize("table", [
    # a simple table whose header and first rows are right-aligned four or more spaces in
    "           **Domain**     **Entry**     **Reference**\n--------------------    -----------    -------------\n"
    "              RAP1-Myb       1FEX               @r1\n     RAP1-RCT/TRF2       3K6G               @r2\n"
    "  TRF2-TRFH/Apollo       3BUA               @r3",
    # a multiline table, rows between blank lines
    "------------------------------\n      **A**    **B**\n--------  --------------------\n       x   @m1 and more\n"
    "          words\n\n       y   @m2\n------------------------------",
])
def test_markdown_indented_rows_of_a_simple_or_multiline_table_are_no_code(tmp_path: Path, table: str) -> None:
    # pandoc reads a table before indented code: its header and rows may start any number of spaces in. They
    # were read as an indented code block, with the citations in them. (pandoc 3.9 cites every key.)
    (tmp_path / "t.md").write_text(f"Opening.\n\n{table}\n\nAfter [@real].\n", encoding="utf-8")
    keys = [cite.key for c in load_essay(tmp_path / "t.md").claims for cite in c.citations or ()]
    assert keys == (["r1", "r2", "r3", "real"] if "r1" in table else ["m1", "m2", "real"])


def test_markdown_indented_table_header_after_indented_code_goes_on_with_the_code(tmp_path: Path) -> None:
    # An indented code block runs on over blank lines to the next indented line: a table header indented
    # four or more spaces right after it is code (pandoc 3.9 reads the rule as a line and the row as code).
    (tmp_path / "t.md").write_text("Opening.\n\n    code @c1\n\n         Left  Right\n-------------  -----\n"
                                   "     @c2 text  x\n\nAfter [@real].\n", encoding="utf-8")
    assert [cite.key for c in load_essay(tmp_path / "t.md").claims for cite in c.citations or ()] == ["real"]


@pytest.mark.parametrize(("cls", "expected"), [
    # pandoc 3.9: a section's label (right after its heading) by the sections' counters, a figure's and a table's (one
    # holding a tabular) by their own, after the chapter's number in a document of chapters; an equation's, a starred
    # section's and an undefined label as "[label]"; \pageref and \nameref as nothing. The page printed every
    # reference as "[label]". \autoref, \Cref and \cref print the kind's name too, as LaTeX does (pandoc drops it,
    # and "2 shows it." was read as the end of the sentence before).
    ("article", "See 1, 1.1, 1.1.0.1, [s:un], 1, 2, 1, [t:none], [e:x], [nope], Figure 1 and ."),
    ("report", "See 1.1, 1.1.1, 1.1.1.0.1, [s:un], 1.1, 2.1, 1.1, [t:none], [e:x], [nope], Figure 1.1 and ."),
])
def test_latex_references_print_the_numbers_pandoc_prints(tmp_path: Path, cls: str, expected: str) -> None:
    chapter = "\\chapter{One}\n" if cls == "report" else ""
    (tmp_path / "r.tex").write_text(
        f"\\documentclass{{{cls}}}\n\\begin{{document}}\n{chapter}\\section{{A}}\\label{{s:a}}\n"
        "\\subsection{B}\n\\label{s:b}\n\\paragraph{P}\\label{s:p}\n\\section*{U}\\label{s:un}\n"
        "See \\ref{s:a}, \\ref{s:b}, \\ref{s:p}, \\ref{s:un}, \\ref{f:a}, \\ref{f:b}, \\ref{t:a}, \\ref{t:none}, "
        "\\eqref{e:x}, \\ref{nope}, \\autoref{f:a} and \\pageref{f:a}\\nameref{s:a}.\n\n"
        "It is done. \\Cref{t:a} shows it. Then \\cref{s:b} does.\n\n"
        "\\begin{figure}\\caption{A.}\\label{f:a}\\end{figure}\n"
        "\\begin{table}\\caption{T.}\\label{t:a}\\begin{tabular}{l}a\\\\\\end{tabular}\\end{table}\n"
        "\\begin{table}\\caption{N.}\\label{t:none}\\end{table}\n"
        "\\begin{equation}a=b\\label{e:x}\\end{equation}\n"
        + ("\\chapter{Two}\n" if cls == "report" else "")
        + "\\begin{figure*}\\label{f:b}\\caption{B.}\\end{figure*}\n\\end{document}\n", encoding="utf-8")
    claims = [c.text for c in load_essay(tmp_path / "r.tex").claims]
    assert [c for c in claims if c.startswith("See")] == [expected]
    number = "1.1" if cls == "report" else "1"
    assert claims[claims.index("It is done."):][:3] == ["It is done.", f"Table {number} shows it.",
                                                         f"Then section {number}.1 does."]


def test_latex_lists_and_floats_are_blocks_of_their_own(tmp_path: Path) -> None:
    # pandoc 3.9 reads a list, each of its items, a figure and a quotation as blocks of their own, blank lines around
    # them or not; a paragraph ran on through them ("We have: * first [@{k1}] * second Then text goes on.").
    (tmp_path / "l.tex").write_text(
        "\\begin{document}\nWe have two points:\n\\begin{itemize}\n\\item first thing \\cite{k1}\n\\item second thing"
        "\n\\end{itemize}\nThen text goes on.\n\\begin{figure}[h]\n\\centering\\includegraphics{a.png}\n"
        "\\caption{A map of things.}\n\\end{figure}\nMore text \\footnote{A note:\n\\begin{itemize}\\item one\n"
        "\\end{itemize}} here.\n\\begin{description}\n\\item[Term] its meaning.\n\\end{description}\n"
        "\\begin{quote}Quoted words.\\end{quote}\n\\end{document}\n", encoding="utf-8")
    essay = load_essay(tmp_path / "l.tex")
    assert [[c.text for c in p.claims] for p in essay.paragraphs] == [
        ["We have two points:"], ["first thing [@{k1}]"], ["second thing"], ["Then text goes on."],
        ["A map of things."], ["More text ^[A note: * one] here."], ["Term its meaning."], ["Quoted words."]]
    assert [c.line for c in essay.claims] == [2, 4, 5, 7, 10, 12, 16, 18]


def test_manubot_a_key_without_prefix_is_the_manual_reference_of_that_id(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Manubot gives a key with no prefix (@roe2001Title) to citeproc as it is, and its manual references are read
    # as a bibliography: the item of that id is the source. Such keys were each "matches no entry" (LR300).
    import contextlib
    import io

    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.md").write_text("## M\r\n\r\nAs shown [@roe2001Title; @doi:10.1234/abcd].\r\n\r\nAgain "
                                   "[@roe2001Title], not [@absent2002].\r\n", encoding="utf-8")
    (content / "manual-references.json").write_text(
        '[{"id": "roe2001Title", "type": "book", "title": "A Title", "publisher": "P",\n'
        '  "author": [{"family": "Roe", "given": "Jane"}], "issued": {"date-parts": [[2001]]}},\n'
        ' {"id": "unusedItem", "type": "book", "title": "Other", "publisher": "P"}]\n', encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["links", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"])
    assert sorted({(x["claim_id"], x["source_key"]) for x in json.loads(out.getvalue()) if x["kind"] == "marker"}) == [
        ("p2-s1", "doi:10.1234/abcd"), ("p2-s1", "roe2001Title"), ("p3-s1", "roe2001Title")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"])
    errors = [(f["code"], f["line"], f["message"]) for f in json.loads(out.getvalue())["findings"]
              if f["severity"] == "error"]
    assert errors == [("LR300", 5, "citation '@absent2002' matches no entry")]


def test_manubot_manual_reference_problems_are_its_own_in_csl_terms(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # A manual reference is CSL-JSON, which citeproc reads with its rich text (<i>): its problems were put at the
    # citing sentence in BibTeX's words ("@article entry lacks journal"), and <i> in a title was LR141 html-in-field.
    import contextlib
    import io

    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.md").write_text("## M\n\nAs shown [@roe2001Title].\n", encoding="utf-8")
    (content / "manual-references.json").write_text(
        '[\n{"id": "roe2001Title", "type": "article-journal", "title": "On <i>Rattus</i> in rats",\n'
        ' "author": [{"family": "Roe", "given": "Jane"}], "issued": {"date-parts": [[2001]]}}\n]\n', encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"])
    found = [(f["code"], f["file"], f["line"], f["message"]) for f in json.loads(out.getvalue())["findings"]
             if f["severity"] != "info"]
    assert found == [("LR110", "content/manual-references.json", 2, "article-journal item lacks container-title")]
