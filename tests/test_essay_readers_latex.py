"""The LaTeX reader on the scenario case and on short papers: citation commands, \\input files, headings, skipped
text, references, as pandoc (or BibTeX and biber) reads them.

Expected keys are written by hand from the text and, for the classes of disagreement found by differential testing
(tests/fuzz/test_fuzz_pandoc.py), from pandoc 3.9's output on the same text; the pandoc oracle's own comparison is
in test_essay_readers_markdown.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz.essay_cases import CITED, LATEX, cited, review
from fuzz.pandoc_diff import cite_ids, pandoc_ast, pandoc_path

from litreview.essay import load_essay
from litreview.essay.latex import parse_latex


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


def test_a_key_case_mismatch_is_mended_in_the_command_the_paper_wrote(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text("@book{Roe2001, author={Roe, Ann}, title={Power}, year={2001}}\n"
                                       "@book{doe2002, author={Doe, Bo}, title={States}, year={2002}}\n", encoding="utf-8")
    (tmp_path / "p.tex").write_text("\\begin{document}\nPower is shared \\autocite{roe2001, doe2002}.\n\n"
                                    "States differ \\citep[p.~3]{ roe2001 }.\n\\end{document}\n", encoding="utf-8")
    findings = review(tmp_path / "p.tex", tmp_path / "refs.bib")[3]
    assert [f.hint for f in findings if f.code == "LR309"] == ["Write \\autocite{Roe2001, doe2002}",
                                                              "Write \\citep[p.~3]{ Roe2001 }"]
    # An alias of the ids, which BibTeX does not read, is mended so too.
    (tmp_path / "refs.bib").write_text("@book{holsti2004, ids={h04}, author={Holsti, K.}, title={T}, year={2004}}\n",
                                       encoding="utf-8")
    (tmp_path / "p.tex").write_text("\\begin{document}\nText \\citet[p.~2]{h04}.\n\\bibliographystyle{plain}\n"
                                    "\\bibliography{refs}\n\\end{document}\n", encoding="utf-8")
    findings = review(tmp_path / "p.tex", tmp_path / "refs.bib")[3]
    assert [f.hint for f in findings if f.code == "LR300"] == ["Write \\citet[p.~2]{holsti2004}"]


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


def test_latex_package_settings_are_no_prose_and_a_caption_reads_as_its_long_form(tmp_path: Path) -> None:
    # "\captionsetup{font=small, labelfont=bf}\caption[]{.}" in a figure was a claim "font=small, labelfont=bf[].";
    # pandoc prints nothing of a package's settings, and a caption's long form alone.
    (tmp_path / "ch.tex").write_text(
        "\\captionsetup{font=small, labelfont=bf}\n\\sisetup{per-mode=symbol}\n\\graphicspath{{figures/}}\n"
        "\\addtocounter{page}{1}\n\\begin{figure}\n\\captionsetup[figure]{figurewithin = chapter}\n"
        "\\caption[Short form]{The long caption.}\n\\end{figure}\n\nReal text here.\n", encoding="utf-8")
    assert [c.text for c in load_essay(tmp_path / "ch.tex").claims] == ["The long caption.", "Real text here."]


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


def test_tex_quotation_marks_print_as_pandoc_prints_them_in_prose_and_in_a_citations_notes(tmp_path: Path) -> None:
    # A German chapter closes „…`` and ‚…` with TeX's backquotes, which pandoc's LaTeX reader prints as “ and ‘.
    # The claim kept a single backquote, which the essay page read as Markdown: "‚quantitativ` und ‚qualitativ`"
    # printed " und ‚qualitativ" as code; and a prenote kept its "``" as written.
    (tmp_path / "p.tex").write_text(
        "\\begin{document}\nDie Begriffe ‚quantitativ` und ‚qualitativ` sind ``alt''. Wörter zeigen "
        "\\autocite[„You shall know a word by the company it keeps.``][11]{firth} ihre Bedeutung.\n"
        "\\end{document}\n", encoding="utf-8")
    first, second = load_essay(tmp_path / "p.tex").claims
    assert first.text == "Die Begriffe ‚quantitativ‘ und ‚qualitativ‘ sind “alt”."
    assert second.text == "Wörter zeigen [„You shall know a word by the company it keeps.“ @{firth}, 11] ihre Bedeutung."
    assert [(c.key, c.prefix, c.suffix) for c in second.citations or ()] == [
        ("firth", "„You shall know a word by the company it keeps.“", "11")]


def test_a_single_tex_quotation_closes_with_its_right_mark() -> None:
    # "called `jitter', which" read "‘jitter'": opened with a curly mark, closed with a straight one.
    (claim,) = parse_latex("\\begin{document}\nA term called `jitter', the object's `best' fit, it's `Ann's'.\n"
                           "\\end{document}\n", "p.tex").claims
    assert claim.text == "A term called ‘jitter’, the object's ‘best’ fit, it's ‘Ann's’."


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
    # A normal citation in a note is one of its own in brackets, as pandoc reads it (NormalCitation); an in-text one
    # stays in the note's text.
    assert [c.text for c in claims] == ["Text [see @{Bentham1789}; @{Kant1797}, see also [@{Allen1999}]].",
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


def test_latex_a_table_cell_over_columns_or_rows_is_read_and_starred_verb_is_code(tmp_path: Path) -> None:
    # \multicolumn and \multirow were left out with their arguments (a table's "Source: \citet{s1}" with them);
    # \verb*|...| read its text as prose (the star taken for the delimiter). pandoc 3.9 reads the same keys.
    (tmp_path / "t.tex").write_text(
        "\\begin{document}\n\\begin{tabular}{ll}\na & \\cite{c1} \\\\\n"
        "\\multicolumn{2}{l}{Source: \\citet{s1}} \\\\\n\\multirow{2}{*}{\\citep{r1}} & b \\\\\n\\end{tabular}\n\n"
        "Code \\verb*|\\cite{v1}| and \\verb|\\cite{v2}| then \\cite{k1}.\n\\end{document}\n", encoding="utf-8")
    claims = load_essay(tmp_path / "t.tex").claims
    assert [cite.key for c in claims for cite in c.citations or ()] == ["c1", "s1", "r1", "k1"]
    assert any("Source: " in c.text for c in claims), [c.text for c in claims]


def test_latex_footnotetext_is_a_note_as_latex_sets_it(tmp_path: Path) -> None:
    # pandoc 3.9 drops \footnotetext with its citations; LaTeX sets it, the note of the \footnotemark before it.
    (tmp_path / "n.tex").write_text("\\begin{document}\nText\\footnotemark{} more \\cite{k1}.\n"
                                    "\\footnotetext{Note \\citep{n1}.}\nAfter \\footnote[2]{Other \\cite{n2}.}\n"
                                    "\\end{document}\n", encoding="utf-8")
    claims = load_essay(tmp_path / "n.tex").claims
    assert [cite.key for c in claims for cite in c.citations or ()] == ["k1", "n1", "n2"]


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



def test_page_style_commands_are_no_text(tmp_path: Path) -> None:
    # A thesis chapter's "\thispagestyle{firststyle}" after its \chapter: pandoc prints nothing of it, the essay
    # held a paragraph "firststyle" (a claim, on the page).
    (tmp_path / "ch.tex").write_text(
        "\\chapter{One}\n\\thispagestyle{firststyle}\n\\pagestyle{fancy}\n\\pagenumbering{arabic}\n"
        "\\markboth{Left}{Right}\n\\addcontentsline{toc}{chapter}{Intro}\n\nText here.\n", encoding="utf-8")
    assert [c.text for c in load_essay(tmp_path / "ch.tex").claims] == ["One", "Text here."]


def test_latex_sectioning_titles_are_marked_as_headings_by_their_depth() -> None:
    # The site prints them as headings (and the linkers suggest nothing for them); the paragraph after one is prose
    from litreview.essay.latex import parse_latex

    essay = parse_latex("\\begin{document}\n\\section{Realism}\nStates balance.\n\n\\subsection*{Critics}\n"
                        "Some disagree.\n\\end{document}\n")
    assert [(p.text, p.heading) for p in essay.paragraphs] == [("Realism", 3), ("States balance.", 0),
                                                               ("Critics", 4), ("Some disagree.", 0)]


def test_an_input_name_too_long_for_the_system_is_reported_not_found(tmp_path: Path) -> None:
    from litreview.checks.size import check_inputs

    (tmp_path / "p.tex").write_text("\\begin{document}\n\\input{" + "x" * 5000 + "}\nText.\n\\end{document}\n",
                                    encoding="utf-8")
    found = check_inputs(load_essay(tmp_path / "p.tex"))
    assert [(f.code, f.line) for f in found] == [("LR314", 2)]


def test_latex_text_macros_the_document_defines_are_expanded(tmp_path: Path) -> None:
    # Before, only citation macros were expanded: "This paper introduces \Name, a network" read "introduces , a
    # network", and "$p(\btheta \given \alpha)$" read "p(α)", another quantity. The math keeps its TeX, the
    # document's commands written out, as pandoc keeps it.
    path = tmp_path / "m.tex"
    path.write_text(
        "\\documentclass{article}\n\\newcommand{\\Name}{\\emph{dynoNet}}\n\\newcommand{\\given}{\\, | \\,}\n"
        "\\newcommand{\\btheta}{\\boldsymbol{\\theta}}\n\\def\\vect#1{\\mathbf{#1}}\n"
        "\\renewcommand{\\emph}[1]{\\textbf{#1}}\n\\title{\\Name: a network}\n\\begin{document}\n"
        "This paper introduces \\Name, a network \\cite{a}. The prior is $p(\\btheta \\given \\alpha)$ of $\\vect{x}$.\n"
        "\\end{document}\n", encoding="utf-8")
    claims = load_essay(path).claims
    assert [c.text for c in claims] == ["dynoNet: a network", "This paper introduces dynoNet, a network [@{a}].",
                                        "The prior is $p(\\boldsymbol{\\theta} \\, | \\, \\alpha)$ of $\\mathbf{x}$."]


def test_latex_commands_pylatexenc_misread_print_what_latex_prints(tmp_path: Path) -> None:
    # Each of these read wrong: an index entry's words doubled ("propaganda propaganda"), a margin note glued into the
    # sentence, \TeX and csquotes' and babel's marks lost, a skip's or a rule's length read as a word, \lipsum's
    # option, and babel's hyphenation point ("öffent"-lich") left in the word.
    path = tmp_path / "t.tex"
    path.write_text(
        "\\documentclass{tufte-book}\n\\begin{document}\n"
        "The propaganda\\index{propaganda} of \\TeX\\ works\\sidenote[][-2cm]{A side note.} well.\n\n"
        "\\vskip 1em\n\\noindent\\rule{\\textwidth}{1pt}\nDie \\glqq öffent\"-liche\\grqq{} und \\enquote{frische} "
        "Debatte\\marginnote[-1cm]{Am Rand.} nach \\S 3.\n\n\\lipsum[4]\nThe adjoint $\\overline{y}$ is no $y$.\n"
        "\\end{document}\n", encoding="utf-8")
    assert [c.text for c in load_essay(path).claims] == [
        "The propaganda of TeX works^[A side note.] well.",
        "Die „öffentliche“ und “frische” Debatte^[Am Rand.] nach §3.", "The adjoint $\\overline{y}$ is no $y$."]


def test_latex_paragraph_titles_are_headings_as_pandoc_reads_them(tmp_path: Path) -> None:
    # "\paragraph{Parameters} The tunable parameters..." read as one sentence, "Parameters The tunable parameters...".
    (tmp_path / "p.tex").write_text(
        "\\begin{document}\n\\section{Model}\n\\paragraph{Parameters} The tunable parameters are $a$ \\cite{k}.\n\n"
        "\\subparagraph*{Initial condition}\nThe operator starts at rest.\n\\end{document}\n", encoding="utf-8")
    essay = load_essay(tmp_path / "p.tex")
    assert [(p.heading, [c.text for c in p.claims]) for p in essay.paragraphs] == [
        (3, ["Model"]), (6, ["Parameters"]), (0, ["The tunable parameters are $a$ [@{k}]."]),
        (7, ["Initial condition"]), (0, ["The operator starts at rest."])]


def test_a_revtex_authors_address_and_email_are_no_claims(tmp_path: Path) -> None:
    # The revtex template's \email and \affiliation, in the body after \author, each made a claim of
    # "author1@you.com Your nice institute / university".
    (tmp_path / "ms.tex").write_text(
        "\\documentclass{revtex4-1}\n\\begin{document}\n\\title{Quasars}\n\\author{Ann One\\orcidlink{0000-0000}}\n"
        "\\email{ann@example.org}\n\\affiliation{Your nice institute}\n\\altaffiliation[Also at ]{Elsewhere}\n\n"
        "\\maketitle\nQuasars vary \\citep{k}.\n\\end{document}\n", encoding="utf-8")
    assert [c.text for c in load_essay(tmp_path / "ms.tex").claims] == ["Quasars", "Quasars vary [@{k}]."]


def test_a_chapters_own_definitions_print_nothing(tmp_path: Path) -> None:
    # A chapter defining its macros in its text: "\def\labelenumi{\arabic{enumi}.}" read as the claim "enumi." (and
    # "enumi.enumi." once its use inside it was expanded), "\def\foo#1{x#1}" as "#1x"; pandoc prints nothing of them.
    (tmp_path / "ch.tex").write_text("\\newcommand{\\Name}{dynoNet}\n\\def\\labelenumi{\\arabic{enumi}.}\n"
                                     "\\def\\foo#1{x#1}\n\nText \\Name{} and \\foo{y}.\n", encoding="utf-8")
    assert [(c.line, c.text) for c in load_essay(tmp_path / "ch.tex").claims] == [(5, "Text dynoNet and xy.")]


def test_a_drawing_prints_nothing_as_in_pandoc(tmp_path: Path) -> None:
    # A TikZ picture's node labels and coordinates read as a sentence ("at (0,0) Box B;"), in the text or from a macro
    # that draws one; pandoc keeps the drawing as raw LaTeX and prints nothing of it.
    (tmp_path / "d.tex").write_text(
        "\\documentclass{article}\n\\newcommand{\\diag}{\\begin{tikzpicture}\\node at (0,0) {Box A};\\end{tikzpicture}}\n"
        "\\begin{document}\nText \\diag{} here.\n\n\\begin{tikzpicture}\n\\node at (0,0) {Box B};\n\\end{tikzpicture}\n\n"
        "\\begin{picture}(10,10)\\put(0,0){Label}\\end{picture}Next.\n\\end{document}\n", encoding="utf-8")
    assert [c.text for c in load_essay(tmp_path / "d.tex").claims] == ["Text here.", "Next."]


def test_an_at_sign_in_latex_text_is_no_citation(tmp_path: Path) -> None:
    # An author's address written as "\texttt{\{a, b\}@host.ch}" read as a citation of "host.ch": pandoc's LaTeX reader
    # reads citations from the commands alone (pandoc 3.9 reads no citation here but "k", "n" and "m"), while a
    # Markdown reader takes "}@host.ch" for one.
    path = tmp_path / "p.tex"
    path.write_text(
        "\\documentclass{article}\n\\title{On @title and \\cite{m}}\n"
        "\\author{A. B\\\\ \\texttt{\\{a.b, c.d\\}@supsi.ch}}\n\\begin{document}\n\\maketitle\n"
        "Write to \\{a, b\\}@host.ch, (see)@other or [@bracket] and -@dash \\citep[see @note]{k}.\n"  # line 6
        "Mail me@home.ch \\cite{n@x}.\n\\end{document}\n", encoding="utf-8")
    essay = load_essay(path)
    assert sorted(c.key for claim in essay.claims for c in claim.citations or ()) == ["k", "m", "n@x"]
    assert any("@host.ch" in c.text for c in essay.claims)  # the text stays as written
    pandoc = pandoc_path()
    if pandoc is not None:
        assert sorted(cite_ids(pandoc_ast(pandoc, path, "latex"))) == ["k", "m", "n@x"]


def test_latex_a_citation_right_before_another_or_a_bracket_is_a_normal_citation(tmp_path: Path) -> None:
    # pandoc 3.9's AST: \cite{a}\cite{b} and \cite{x}[p.156] are NormalCitations, "[p.156]" text after them. Their
    # pandoc forms read as Markdown ("[@{a}][@{b}]", "[@{x}][p.156]") made the first one "@a" inside a link's label.
    (tmp_path / "p.tex").write_text("\\begin{document}\nTeX\\cite{a}\\cite{b} and this\\cite{x}[p.156] and "
                                    "\\citet{c}\\cite{d}{}.\n\\end{document}\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    assert [(c.key, c.mode, c.suffix) for c in claim.citations or ()] == [
        ("a", "normal", ""), ("b", "normal", ""), ("x", "normal", ""), ("c", "author-in-text", ""),
        ("d", "normal", "")]
    assert [claim.text[c.start:c.end] for c in claim.citations or ()][:3] == ["[@{a}]", "[@{b}]", "[@{x}]"]


def test_latex_biblatex_page_marks_in_a_postnote_are_dropped_as_pandoc_drops_them(tmp_path: Path) -> None:
    # pandoc 3.9's AST: the suffixes of \cite[199\psq]{a}, \cite[12 \psqq]{b} and \cite[\pno~3]{c} are "199", "12"
    # and " 3" (biblatex prints "199 f.", "12 ff.", "p. 3"); they were "199psq", "12 psqq" and "pno 3".
    (tmp_path / "p.tex").write_text("\\begin{document}\nA \\cite[199\\psq]{a}, \\cite[12 \\psqq]{b} and "
                                    "\\parencite[\\pno~3]{c}.\n\\end{document}\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    assert [(c.key, c.suffix) for c in claim.citations or ()] == [("a", "199"), ("b", "12"), ("c", "3")]


def test_latex_autocite_star_omits_the_author_as_pandoc_reads_it(tmp_path: Path) -> None:
    # pandoc 3.9's AST: "Busse \autocite*{b}" is a SuppressAuthor citation, as \parencite* is; it was a normal one.
    (tmp_path / "p.tex").write_text("\\begin{document}\nBusse \\autocite*{b} and \\autocite*[12]{c} and "
                                    "\\autocite{d}.\n\\end{document}\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    assert [(c.key, c.mode, c.suffix) for c in claim.citations or ()] == [
        ("b", "suppress-author", ""), ("c", "suppress-author", "12"), ("d", "normal", "")]


def test_latex_cite_star_after_names_written_by_hand_is_year_only(tmp_path: Path) -> None:
    # pandoc 3.9's AST: biblatex's "(Kanner i in., \cite*{k})" is a SuppressAuthor citation, the author written by
    # hand; the page printed "(Kanner i in., (Kanner et al. 1943))". The close cases: \cite and natbib's \citep*
    # (its full author list) stay normal citations.
    (tmp_path / "p.tex").write_text("\\begin{document}\nA (Kanner i in., \\cite*{k}) and \\Cite*[12]{c} and "
                                    "\\cite{d} and \\citep*{e}.\n\\end{document}\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    assert [(c.key, c.mode, c.suffix) for c in claim.citations or ()] == [
        ("k", "suppress-author", ""), ("c", "suppress-author", "12"), ("d", "normal", ""), ("e", "normal", "")]


def test_latex_a_semicolon_in_a_natbib_note_is_the_notes_not_a_separator(tmp_path: Path) -> None:
    # pandoc 3.9's AST: \citep[ARD;][]{g} is a NormalCitation with prefix "ARD;"; \citep[][p. 3; 4]{c,d} gives d the
    # suffix "p. 3; 4". Read as Markdown, "[ARD; @{g}]" had a part without a key: no bracket, "@g" in text.
    (tmp_path / "p.tex").write_text("\\begin{document}\nA \\citep[ARD;][]{g} and \\citep[see;][]{a,b} and "
                                    "\\citep[][p. 3; 4]{c,d}.\n\\end{document}\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    assert [(c.key, c.mode, c.prefix, c.suffix) for c in claim.citations or ()] == [
        ("g", "normal", "ARD;", ""), ("a", "normal", "see;", ""), ("b", "normal", "", ""), ("c", "normal", "", ""),
        ("d", "normal", "", "p. 3; 4")]


def test_latex_a_font_command_in_a_note_is_its_text_as_pandoc_prints_it(tmp_path: Path) -> None:
    # pandoc 3.9's AST: the suffix of \citep[][as in the \textsf{tinygp} package]{c} is "as in the tinygp package" (its
    # text in a Span); it was "as in the textsf{tinygp} package".
    (tmp_path / "p.tex").write_text("\\begin{document}\nA \\citep[][as in the \\textsf{tinygp} package]{c} and "
                                    "\\cite[\\emph{x} 3]{h}.\n\\end{document}\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    assert [(c.key, c.suffix) for c in claim.citations or ()] == [("c", "as in the tinygp package"), ("h", "x 3")]


def test_a_command_pandoc_does_not_know_is_left_out_with_its_arguments(tmp_path: Path) -> None:
    # A todonotes note and a thesis's own note command (defined in a preamble not read): their text and their citation
    # read as words of the sentence, "[inline]" too; pandoc keeps an unknown command as raw LaTeX and cites nothing
    # in it. A command pandoc prints the text of (\gls, \hl) keeps its text, math its TeX; tufte's \newthought stays read.
    path = tmp_path / "ch.tex"
    path.write_text("Acar et al. \\cite{sok} present it.\n\\todo{Read \\cite{sok} again}\n"
                    "\\todo[inline]{see \\cite{old}} Then \\hl{the \\gls{api}} and $\\tvec{x}$ \\todoCarlos{x \\cite{z}}"
                    "\\newthought{In short} they agree \\cite{b}.\n", encoding="utf-8")
    assert [(c.line, c.text) for c in load_essay(path).claims] == [
        (1, "Acar et al. [@{sok}] present it."), (3, "Then the api and $\\tvec{x}$ In short they agree [@{b}].")]
    pandoc = pandoc_path()
    if pandoc is not None:
        assert list(cite_ids(pandoc_ast(pandoc, path, "latex"))) == ["sok", "b"]


def test_a_subfigures_or_minipages_position_and_width_are_no_words(tmp_path: Path) -> None:
    # "\begin{subfigure}[t]{0.49\textwidth}" read "[t]0.49 A map of the village"; pandoc prints the box's text alone.
    path = tmp_path / "f.tex"
    path.write_text("\\begin{figure}\n\\begin{subfigure}[t]{0.49\\textwidth}\n\\caption{A map of the village.}\n"
                    "\\end{subfigure}\n\\begin{minipage}{.4\\linewidth}\nA second map \\citep{k}.\n\\end{minipage}\n"
                    "\\end{figure}\n", encoding="utf-8")
    assert [c.text for c in load_essay(path).claims] == ["A map of the village.", "A second map [@{k}]."]


def test_latex_cite_star_omits_the_author_as_pandoc_reads_it(tmp_path: Path) -> None:
    # pandoc 3.9's AST: biblatex's \cite* and \Cite* (the year alone, after a name written by hand: "Wing i Gould,
    # \cite*{w}") are SuppressAuthor citations, as \parencite* is; they were normal ones. \footcite* and \cite stay.
    (tmp_path / "p.tex").write_text("\\begin{document}\nA (Wing i Gould, \\cite*{w}; Roe \\Cite*[p.~3]{r,s}) and "
                                    "\\cite{n} and \\footcite*{f}.\n\\end{document}\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    assert [(c.key, c.mode, c.suffix) for c in claim.citations or ()] == [
        ("w", "suppress-author", ""), ("r", "suppress-author", ""), ("s", "suppress-author", "p. 3"),
        ("n", "normal", ""), ("f", "normal", "")]


def test_latex_multicite_notes_for_the_whole_list_as_pandoc_reads_them(tmp_path: Path) -> None:
    # pandoc 3.9's AST: \parencites(see)(ff.)[p.~3]{a}[p.~4]{b} gives a the prefix "see" and b the suffix "p. 4, ff."
    # (one parenthesis alone is the postnote); they were dropped. A parenthesis after the last key is text.
    (tmp_path / "p.tex").write_text(
        "\\begin{document}\nA \\parencites(see)(ff.)[p.~3]{a}[p.~4]{b} and \\textcites(end){c}{d} and "
        "\\parencites{e}{f} (aside).\n\\end{document}\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    assert [(c.key, c.mode, c.prefix, c.suffix) for c in claim.citations or ()] == [
        ("a", "normal", "see", "p. 3"), ("b", "normal", "", "p. 4, ff."), ("c", "author-in-text", "", ""),
        ("d", "normal", "", "end"), ("e", "normal", "", ""), ("f", "normal", "", "")]
    assert claim.text.endswith("[@{e}; @{f}] (aside).")


def test_latex_each_note_goes_to_its_own_groups_first_or_last_key_as_pandoc_gives_it(tmp_path: Path) -> None:
    # pandoc 3.9's AST: each group of \parencites[p.~3]{a}[p.~3]{b} keeps its postnote (the second was dropped as the
    # same as the first); \citet[see][p.~3]{x,y,z} gives y nothing and z "p. 3" (y had "see" and "p. 3" too).
    (tmp_path / "p.tex").write_text("\\begin{document}\nA \\parencites[p.~3]{a}[p.~3]{b} and "
                                    "\\citet[see][p.~3]{x,y,z} and \\citep[see][p.~3]{u,v}.\n\\end{document}\n",
                                    encoding="utf-8")
    (claim,) = load_essay(tmp_path / "p.tex").claims
    assert [(c.key, c.prefix, c.suffix) for c in claim.citations or ()] == [
        ("a", "", "p. 3"), ("b", "", "p. 3"), ("x", "", ""), ("y", "", ""), ("z", "", "p. 3"), ("u", "see", ""),
        ("v", "", "p. 3")]


@pytest.mark.parametrize(("command", "said"), [("\\include{missing}", "\\include"), ("\\input{missing}", "\\input"),
                                               ("\\subimport{parts/}{missing}", "\\subimport")])
def test_an_input_not_found_is_reported_with_the_command_that_named_it(tmp_path: Path, command: str, said: str) -> None:
    from litreview.checks.size import check_inputs

    (tmp_path / "p.tex").write_text(f"\\begin{{document}}\n{command}\nText.\n\\end{{document}}\n", encoding="utf-8")
    [found] = check_inputs(load_essay(tmp_path / "p.tex"))
    assert found.message.startswith(f"{said} file ") and found.hint.endswith(f"or remove the {said}")


@pytest.mark.parametrize(("main_preamble", "bibtex", "biblatex"), [
    ("\\bibliographystyle{plain}\n", True, False),
    ("\\usepackage{biblatex}\n", False, True),
    ("\\usepackage[backend=bibtex]{biblatex}\n", True, True),
    ("", True, False)])  # \bibliography{refs} with no style command (the class sets it): BibTeX's too
def test_a_chapter_alone_is_built_as_its_main_file_says(tmp_path: Path, main_preamble: str, bibtex: bool,
                                                       biblatex: bool) -> None:
    # The chapter names no bibliography: the main file it declares says how the thesis is built (BibTeX reads no
    # ids aliases, biblatex's data model), as it gives the chapter its bibliography.
    from litreview.essay import BIBLATEX, BIBTEX

    (tmp_path / "Thesis.tex").write_text(f"\\documentclass{{book}}\n{main_preamble}\\begin{{document}}\n"
                                         "\\include{ch/one}\n\\bibliography{refs}\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "ch").mkdir()
    (tmp_path / "ch/one.tex").write_text("% !TEX root = ../thesis.tex\n\\chapter{One}\nText \\cite{a}.\n",
                                         encoding="utf-8")
    meta = load_essay(tmp_path / "ch/one.tex").meta
    assert (bool(meta.get(BIBTEX)), bool(meta.get(BIBLATEX))) == (bibtex, biblatex)


def test_a_tex_root_in_another_case_is_the_one_file_of_that_name(tmp_path: Path) -> None:
    # TeX editors find "% !TEX root = main.tex" as Main.tex on a system whose names ignore case; so does litreview,
    # when one file matches (two that differ only in case: neither).
    from litreview.essay_bibliographies import named_bibliographies

    (tmp_path / "Main.tex").write_text("\\documentclass{book}\n\\begin{document}\n\\bibliography{refs}\n"
                                       "\\end{document}\n", encoding="utf-8")
    (tmp_path / "one.tex").write_text("% !TEX root = main.tex\nText \\cite{a}.\n", encoding="utf-8")
    assert [p.name for p in named_bibliographies(load_essay(tmp_path / "one.tex"))] == ["refs.bib"]
    (tmp_path / "MAIN.tex").write_text("\\documentclass{book}\n\\begin{document}\n\\bibliography{other}\n"
                                       "\\end{document}\n", encoding="utf-8")
    if not (tmp_path / "main.tex").is_file():  # (a file system that ignores case finds the name as written)
        assert named_bibliographies(load_essay(tmp_path / "one.tex")) == ()


def test_a_globbed_resource_matches_as_biber_globs_in_its_folder_only(tmp_path: Path) -> None:
    # biber's glob matches "**" as one folder, as "*" does (no walk down the tree), from the main file's folder,
    # whose own name is no pattern ("[draft]"); a pattern naming files outside the project matches none.
    from litreview.essay.latex_declarations import bibliography_files

    folder = tmp_path / "[draft]"
    for name in ("bib/a.bib", "bib/deep/b.bib", "bib/deep/er/c.bib"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("", encoding="utf-8")

    def files(pattern: str) -> list[str]:
        return bibliography_files(f"\\addbibresource[glob]{{{pattern}}}", folder)

    assert files("bib/*.bib") == ["bib/a.bib"]
    assert files("bib/**/*.bib") == ["bib/deep/b.bib"]
    assert files("/etc/*.bib") == ["/etc/*.bib"]
    assert files("~/*.bib") == ["~/*.bib"]


def test_a_tex_root_that_is_no_manuscript_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The chapter's "% !TEX root" line names any file: one larger than a manuscript is, or no regular file, is
    # not read for its bibliography.
    from litreview.checks import size
    from litreview.essay_bibliographies import named_bibliographies

    (tmp_path / "main.tex").write_text("\\documentclass{book}\n\\begin{document}\n\\bibliography{refs}\n"
                                       "\\end{document}\n" + "%\n" * 50, encoding="utf-8")
    (tmp_path / "one.tex").write_text("% !TEX root = main.tex\nText \\cite{a}.\n", encoding="utf-8")
    assert [p.name for p in named_bibliographies(load_essay(tmp_path / "one.tex"))] == ["refs.bib"]
    monkeypatch.setattr(size, "MAX_ESSAY", 100)
    assert named_bibliographies(load_essay(tmp_path / "one.tex")) == ()
    (tmp_path / "two.tex").write_text("% !TEX root = .\nText \\cite{a}.\n", encoding="utf-8")
    assert named_bibliographies(load_essay(tmp_path / "two.tex")) == ()


def test_a_notes_groups_signs_spaces_font_switches_and_references_print_as_pandoc_prints_them() -> None:
    # (pandoc 3.9: "p. 3", "see, e.g.,", "§ 3", "§§ 3–4", "¶ 2", "p. 4 f.", "p. 4, n. 3", "chap. 1", "[fig:x]";
    # an escaped brace stays.) Before: "p. {3}", "{see, e.g.,}", "S 3", "SS 3–4", "P 2", "p. 4,f.",
    # "p. 4, n. {itshape 3}", "chap. ref{sec:a}".
    text = ("\\section{Intro}\\label{sec:a}\n\nA \\citep[p.~{3}]{a}. B \\citep[{see, e.g.,}][]{b}. C \\parencite[\\S~3]{c}. "
            "D \\cite[\\S\\S~3--4]{d}. E \\cite[\\P~2]{e}. F \\cite[p.~4\\,f.]{f}. G \\cite[p.~4, n.~{\\itshape 3}]{g}. "
            "H \\cite[chap.~\\ref{sec:a}]{h}. I \\cite[\\ref{fig:x}]{i}. J \\cite[\\{x\\}]{j}. "
            "K \\citep[see also \\citealp{l}][]{k}.\n")
    essay = parse_latex(text, "paper.tex")
    notes = {c.key: (c.prefix, c.suffix) for claim in essay.claims for c in claim.citations}
    # (a normal citation in a prenote, a citation of its own, as pandoc reads it: before, "see also @{l}" took the
    # place of the note's key, k read in the text and l cited with "@{k}" as its suffix)
    assert [c.mode for claim in essay.claims for c in claim.citations if c.key in "kl"] == ["normal", "normal"]
    assert notes == {"a": ("", "p. 3"), "b": ("see, e.g.,", ""), "c": ("", "§ 3"), "d": ("", "§§ 3–4"),
                     "e": ("", "¶ 2"), "f": ("", "p. 4 f."), "g": ("", "p. 4, n. 3"), "h": ("", "chap. 1"),
                     "i": ("", "[fig:x]"), "j": ("", "{x}"), "k": ("see also [@{l}]", ""), "l": ("", "")}


def test_latex_sentences_are_found_in_the_reading_of_their_math(tmp_path: Path) -> None:
    # Inline math is kept as TeX ("$N$"); the sentences are found as in its reading ("points N. While" ends none, as
    # an initial would not), so the claims keep their ids; a sentence that opens with math starts at its dollar.
    path = tmp_path / "m.tex"
    path.write_text("\\begin{document}\nIt scales with the data points $N$. While this is slow, it is exact.\n"
                    "$\\sigma$ is the noise. Its size is $p < 0.05$ here.\n\\end{document}\n", encoding="utf-8")
    assert [(c.id, c.text) for c in load_essay(path).claims] == [
        ("p1-s1", "It scales with the data points $N$. While this is slow, it is exact."),
        ("p1-s2", "$\\sigma$ is the noise."), ("p1-s3", "Its size is $p < 0.05$ here.")]


def test_a_capital_after_display_math_begins_a_sentence() -> None:
    # "we see that \begin{align}...\end{align} Next, to help ..." (no full stop in the equation, as authors often
    # leave it): the display math is taken out of the paragraph's text, and the capital after it begins a sentence
    # (joined, one claim read "we see that Next, to help ..."); a lower-case word after it ("where") goes on.
    essay = parse_latex("\\documentclass{article}\n\\begin{document}\nMathematically, we see that\n\\begin{align}\n"
                        "g = h + \\nu\n\\end{align}\nNext, we project them \\citep{a}. The grade is\n"
                        "\\begin{equation}\ng = 1\n\\end{equation}\nwhere $g$ is small.\n\\end{document}\n", "essay.tex")
    assert [c.text for c in essay.claims] == ["Mathematically, we see that", "Next, we project them [@{a}].",
                                              "The grade is where $g$ is small."]
    assert [c.line for c in essay.claims] == [3, 7, 7]


def test_display_math_cuts_are_found_in_linear_time() -> None:
    # The cut after display math was a regex whose run of blanks was scanned again from every line break of it when
    # no letter followed: 20,000 line breaks then a digit took 30 s (quadratic).
    import time

    from litreview.essay.latex import _sentences_around_displays

    plain = "We see" + "\n" * 40_000 + "1 follows."
    start = time.perf_counter()
    _sentences_around_displays(plain, 0, len(plain))
    assert time.perf_counter() - start < 1.0
    plain = "We see it\n\nNext we go\n\n(1) on."
    assert [plain[a:b].strip() for a, b in _sentences_around_displays(plain, 0, len(plain))] == [
        "We see it", "Next we go\n\n(1) on."]


def test_a_csquotes_textquote_cites_its_source_argument() -> None:
    # csquotes' \textquote[cite][punct]{text} prints the quotation and, after it, its cite argument in parentheses:
    # "\textquote[{\cite{a}}]{words}" cites a in a LaTeX build. It was read as the words alone, the citation lost and
    # the quotation reported unattributed (LR305). (pandoc 3.9 drops the command, words and citation.)
    essay = parse_latex("\\documentclass{article}\n\\usepackage{csquotes}\n\\begin{document}\n"
                        "\\textquote[{\\cite[p.~3]{a}}]{Asset pricing explains the prices of claims} and more. "
                        "\\textquote{Plain words} too. \\textquote*[][.]{Inner words} here.\n\\end{document}\n",
                        "essay.tex")
    assert [(c.text, [x.key for x in c.citations or ()]) for c in essay.claims] == [
        ("“Asset pricing explains the prices of claims” ([@{a}, p. 3]) and more.", ["a"]),
        ("“Plain words” too.", []), ("‘Inner words’ here.", [])]


def test_a_cite_that_begins_a_sentence_after_a_full_stop_begins_a_claim() -> None:
    # "... increased earnings. \cite{schultz1961} then argue that ..." (a thesis's literature chapter): natbib's
    # \cite prints the authors' names (biblatex's too), the subject of a new sentence; pandoc reads it as a normal
    # citation, "[@{schultz1961}]", which a bracket after a full stop reads as the sentence before's. Its mode stays
    # pandoc's; a \citep there, or a \cite before a capital, stays with the sentence before.
    essay = parse_latex("\\documentclass{article}\n\\usepackage{natbib}\n\\begin{document}\n"
                        "It brings returns in earnings. \\cite{schultz1961} then argue that it is productivity. "
                        "It holds here. \\citep{a} then more follows. It ends here. \\cite{b} Next one.\n"
                        "\\end{document}\n", "essay.tex")
    assert [c.text for c in essay.claims] == [
        "It brings returns in earnings.", "[@{schultz1961}] then argue that it is productivity.",
        "It holds here. [@{a}] then more follows.", "It ends here. [@{b}]", "Next one."]
    assert [(c.key, c.mode) for c in essay.claims[1].citations or ()] == [("schultz1961", "normal")]


def test_a_tables_rows_are_claims_of_their_own() -> None:
    # A tabular listing studies, one \cite a row (a thesis's table of meta-analyses): its rows ran together and were cut
    # at the cells' full stops, each claim holding the end of one row and the citation of the next.
    essay = parse_latex("\\documentclass{article}\n\\begin{document}\n\\begin{table}\n\\caption{Existing studies}\n"
                        "\\begin{tabular}{lcc}\n\\textbf{Study} & \\textbf{AB} & \\textbf{PB} \\\\\n"
                        "\\cite{a} & . & . \\\\\n\\cite{b} & yes & . \\\\\n\\cite{c}  & . & yes \\\\\n"
                        "Number of studies: & 1 & 1 \\\\\n\\end{tabular}\n\\end{table}\n\n"
                        "As \\cite{a} shows,\\\\ it holds.\n\\end{document}\n", "essay.tex")
    cited = [([x.key for x in c.citations or ()], c.line) for c in essay.claims if c.citations]
    assert cited == [(["a"], 7), (["b"], 8), (["c"], 9), (["a"], 14)]
    assert [c.text for c in essay.claims][-1] == "As [@{a}] shows, it holds."  # a line break in prose goes on


@pytest.mark.parametrize("preamble", ["\\usepackage{endnotes}\n", "\\usepackage{endnotes}\n\\let\\footnote=\\endnote\n"])
def test_an_endnote_is_a_note_with_its_citations(preamble: str) -> None:
    # The endnotes package's \endnote{...} (an article moving its notes to the end: "\let\footnote=\endnote") is a
    # note LaTeX prints, citations and all; it was dropped (pandoc 3.9 drops a command it does not know with its
    # text), and the entries cited only there were reported as cited nowhere.
    note = "\\endnote" if "let" not in preamble else "\\footnote"
    essay = parse_latex(f"\\documentclass{{article}}\n\\usepackage{{natbib}}\n{preamble}\\begin{{document}}\n"
                        f"It holds.{note}{{A more recent study is by~\\cite{{addison2014}}.}} More here.\n"
                        "\\end{document}\n", "essay.tex")
    assert [[x.key for x in c.citations or ()] for c in essay.claims] == [["addison2014"], []]
    assert essay.claims[0].text.startswith("It holds.^[A more recent study is by")


def test_an_authblk_authors_mark_is_no_claim() -> None:
    # authblk's \author[a]{Name} in the body (an article's title block): pandoc reads the names as the author
    # metadata, no text; the marks were left as text, a claim "a]Valeria Cirillo b]Matteo Sostero".
    essay = parse_latex("\\documentclass{article}\n\\usepackage{authblk}\n\\begin{document}\n\\title{A title}\n"
                        "\\author[a]{Valeria Cirillo}\n\\author[b]{Matteo Sostero}\n\\affil[a]{INAPP, Rome}\n"
                        "\\maketitle\nText here.\n\\end{document}\n", "essay.tex")
    assert [c.text for c in essay.claims] == ["A title", "Text here."]


def test_a_macros_text_never_merges_with_the_command_before_it(tmp_path: Path) -> None:
    # "\bfseries\NazevPrace" read "X vs. Y": the expansion pasted onto the command before it made the one unknown
    # command "\bfseriesGenerace", its first word lost with it ("PRÁCE" for "SEMINÁRNÍ PRÁCE" likewise).
    path = tmp_path / "z.tex"
    path.write_text("\\def\\Nazev{Generace X vs. Y}\n\\newcommand{\\Typ}{SEMINÁRNÍ PRÁCE}\n\\begin{document}\n"
                    "{\\bfseries\\Nazev}\n\n{\\mdseries\\Typ}\n\n\\textbf{\\Nazev}\n\\end{document}\n", encoding="utf-8")
    assert [c.text for c in load_essay(path).claims] == ["Generace X vs. Y", "SEMINÁRNÍ PRÁCE", "Generace X vs. Y"]


def test_an_unknown_commands_option_holding_a_command_is_left_out_with_it(tmp_path: Path) -> None:
    # "\printglossary[type=\acronymtype, style=index, title=…]" read "[type=, style=index, title=…]" as a claim: the
    # command inside the option split it; pandoc prints nothing of either.
    path = tmp_path / "g.tex"
    path.write_text("\\printglossary[type=\\acronymtype, style=index, title=Seznam zkratek]\n\n"
                    "\\foo[a \\emph{x}, b={c]d}] Text two.\n\nA [bracket \\emph{stays}] here.\n", encoding="utf-8")
    assert [c.text for c in load_essay(path).claims] == ["Text two.", "A [bracket stays] here."]
    pandoc = pandoc_path()
    if pandoc is not None:
        import subprocess
        plain = subprocess.run([pandoc, "-f", "latex", "-t", "plain", str(path)], capture_output=True, text=True,
                               check=True).stdout
        assert plain.split() == ["Text", "two.", "A", "[bracket", "stays]", "here."]


def test_babels_czech_quotation_reads_as_latex_prints_it(tmp_path: Path) -> None:
    # \uv{…} (babel's Czech and Slovak quotation) was dropped, as pandoc 3.9 drops it: "Pojem , známý také jako
    # tzv. , začal". LaTeX prints „…“; "tzv." (so-called) ends no sentence before it.
    path = tmp_path / "c.tex"
    path.write_text("Pojem \\uv{marketingový mix}, známý také jako tzv. \\uv{4P}, začal \\cite{k}.\n", encoding="utf-8")
    assert [c.text for c in load_essay(path).claims] == ["Pojem „marketingový mix“, známý také jako tzv. „4P“, začal [@{k}]."]


def test_blanks_after_a_tex_parameter_or_before_today_are_read_in_linear_time() -> None:
    # "\\tolerance" then a run of blanks and no value: "\\s*=?\\s*" split the run both ways (8 s for 8,000
    # blanks); a blank run before no "\\today" was scanned again from each of its blanks.
    import time

    from litreview.essay.latex_cites import _DROP

    for text in ("\\tolerance" + " " * 40_000 + "x", "a" + " " * 40_000 + "x"):
        start = time.perf_counter()
        assert list(_DROP.finditer(text)) == []
        assert time.perf_counter() - start < 1.0
    assert [m.group() for m in _DROP.finditer("a \\tolerance = 1000 b \\overfullrule=0mm c  \\today d")] == [
        "\\tolerance = 1000", "\\overfullrule=0mm", "  \\today"]


def test_a_tex_parameter_set_in_the_text_prints_nothing_and_numprint_its_figure(tmp_path: Path) -> None:
    # "\footnotetext{\overfullrule=0mm Dostupné z…}" read "=0mm Dostupné z"; pandoc prints nothing of a parameter
    # set. "\numprint{3146} zpráv" read "odeslali zpráv", the claim's figure lost (pandoc drops it too; numprint
    # prints it).
    path = tmp_path / "n.tex"
    path.write_text("Odeslali \\numprint{3146} zpráv.\\footnote{\\overfullrule=0mm Dostupné z webu.} A \\tolerance 1000 "
                    "B \\parindent=0pt C $\\alpha=3$ D.\n", encoding="utf-8")
    assert [c.text for c in load_essay(path).claims] == ["Odeslali 3146 zpráv.^[Dostupné z webu.]", "A B C $\\alpha=3$ D."]
