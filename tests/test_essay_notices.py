"""What the manuscript readers notice: a file not in UTF-8 read in its certain encoding (LR315), an empty
key in a LaTeX citation (LR316), a LaTeX citation command in a Markdown manuscript (LR317), a front matter
field given twice (LR319), a merge conflict git left in a manuscript file (LR322)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.checks.notices import check_notices
from litreview.errors import EssayError
from litreview.essay import load_essay


def _keys(essay) -> list[list[str]]:
    return [[c.key for c in claim.citations or ()] for claim in essay.claims]


def _found(essay) -> list[tuple[str, str, int | None]]:
    return [(f.code, Path(f.file or "").name, f.line) for f in check_notices(essay)]


# -- LR315: encodings ---------------------------------------------------------------------------------------

def test_latex_declaring_latin1_is_read_as_declared(tmp_path: Path) -> None:
    (tmp_path / "p.tex").write_bytes("\\documentclass{article}\n\\usepackage[latin1]{inputenc}\n\\begin{document}\n"
                                     "Dvořák is not here, but Müller's café is \\citep{m}.\n\\end{document}\n"
                                     .replace("ř", "r").encode("latin_1"))
    essay = load_essay(tmp_path / "p.tex")
    assert [(c.text, c.line) for c in essay.claims] == [("Dvorák is not here, but Müller's café is [@{m}].", 4)]
    found = check_notices(essay)
    assert [(f.code, f.line) for f in found] == [("LR315", 1)]
    assert "ISO-8859-1" in found[0].message and "\\usepackage[latin1]{inputenc}" in found[0].message
    assert "iconv -f ISO-8859-1 -t UTF-8 " in found[0].hint


def test_an_input_is_read_in_the_encoding_the_main_file_declares(tmp_path: Path) -> None:
    (tmp_path / "main.tex").write_text("\\usepackage[ansinew]{inputenc}\n\\begin{document}\n\\input{ch}\n"
                                       "\\end{document}\n", encoding="ascii")
    (tmp_path / "ch.tex").write_bytes("Intro.\n\nHe said \u201cso\u201d \\cite{a}.\n".encode("cp1252"))
    essay = load_essay(tmp_path / "main.tex")
    assert [(c.text, c.line, Path(c.file or "").name) for c in essay.claims][-1] == \
        ("He said \u201cso\u201d [@{a}].", 3, "ch.tex")
    assert _found(essay) == [("LR315", "ch.tex", 1)]


def test_a_commented_declaration_declares_nothing(tmp_path: Path) -> None:
    # è reads as č in Windows-1250: no reading is certain, so the file is refused with the command to convert it.
    (tmp_path / "p.tex").write_bytes("% \\usepackage[latin1]{inputenc}\nLa pièce à côté \\cite{a}.\n"
                                     .encode("latin_1"))
    with pytest.raises(EssayError) as caught:
        load_essay(tmp_path / "p.tex")
    assert caught.value.line == 2 and "not valid UTF-8" in caught.value.message
    assert "iconv" in (caught.value.hint or "")


def test_a_declaration_the_bytes_do_not_fit_is_refused(tmp_path: Path) -> None:
    # Windows quotes (0x93, 0x94) are control characters in ISO-8859-1: LaTeX's latin1 rejects them too.
    (tmp_path / "p.tex").write_bytes("\\usepackage[latin1]{inputenc}\nHe said \u201cso\u201d \\cite{a}.\n"
                                     .encode("cp1252"))
    with pytest.raises(EssayError, match="not valid UTF-8"):
        load_essay(tmp_path / "p.tex")


def test_markdown_whose_bytes_fit_one_reading_is_read(tmp_path: Path) -> None:
    (tmp_path / "e.md").write_bytes("# Größe\n\nMüller schreibt über Bäume [@m].\n".encode("cp1252"))
    essay = load_essay(tmp_path / "e.md")
    assert [(c.text, c.line) for c in essay.claims] == [("Größe", 1), ("Müller schreibt über Bäume [@m].", 3)]
    found = check_notices(essay)
    assert [(f.code, f.line) for f in found] == [("LR315", 1)] and "declares no encoding" in found[0].message


def test_manubot_file_not_in_utf8(tmp_path: Path) -> None:
    (tmp_path / "01.intro.md").write_text("First [@a].\n", encoding="utf-8")
    (tmp_path / "02.main.md").write_bytes("Müller schreibt über Bäume [@m]. Größe zählt.\n\nÄhnlich sieht es "
                                          "bei Städten aus, sagt Kühn [@k].\n".encode("latin_1"))
    essay = load_essay(tmp_path)
    assert _keys(essay) == [["a"], ["m"], [], ["k"]]
    assert _found(essay) == [("LR315", "02.main.md", 1)]


def test_utf8_files_have_no_notice(tmp_path: Path) -> None:
    (tmp_path / "e.md").write_text("Müller [@m].\n", encoding="utf-8")
    assert check_notices(load_essay(tmp_path / "e.md")) == []


# -- LR316: empty keys ---------------------------------------------------------------------------------------

def test_empty_key_before_another_is_a_finding_at_its_line(tmp_path: Path) -> None:
    # pandoc refuses \citep{,a} and \cite{a,,b} ("unexpected ,"); it reads \cite{a,} as \cite{a}.
    (tmp_path / "p.tex").write_text("\\begin{document}\nFirst one\n\\citep{,a} here.\nThen \\cite{b, ,c}.\n\n"
                                    "Last \\cite{d,}.\n\\end{document}\n", encoding="utf-8")
    essay = load_essay(tmp_path / "p.tex")
    assert _keys(essay) == [["a"], ["b", "c"], ["d"]]
    found = check_notices(essay)
    assert [(f.code, f.line) for f in found] == [("LR316", 3), ("LR316", 4)]
    assert "\\citep{,a}" in found[0].message


# -- LR323: keys in braces ----------------------------------------------------------------------------------

def test_a_key_in_braces_is_read_as_latex_reads_it_and_is_a_finding_at_its_line(tmp_path: Path) -> None:
    # pandoc refuses \cite{{a}} ("unexpected {"); LaTeX's \cite splits the keys as delimited arguments, which lose
    # the braces around them, and cites a (and b for {b}c's leading group: bc).
    (tmp_path / "p.tex").write_text("\\begin{document}\nFirst \\cite{{a}}.\nThen \\citep{x, {b}c}.\n\n"
                                    "Last \\cite{d}.\n\\end{document}\n", encoding="utf-8")
    essay = load_essay(tmp_path / "p.tex")
    assert _keys(essay) == [["a"], ["x", "bc"], ["d"]]
    found = check_notices(essay)
    assert [(f.code, f.line) for f in found] == [("LR323", 2), ("LR323", 3)]
    assert "\\cite{{a}}" in found[0].message and "braces" in found[0].hint


# -- LR317: raw LaTeX citations in Markdown -------------------------------------------------------------------

def test_latex_citation_in_markdown_is_a_finding_at_its_line(tmp_path: Path) -> None:
    # pandoc's markdown reader keeps \citep{b} as RawInline (Format "tex"): no Cite, dropped in HTML.
    (tmp_path / "e.Rmd").write_text("A first [@a] and\nthen \\citep[p. 3]{b, c}.\n\nCode `\\cite{x}`, math "
                                    "$\\cite{y}$, an escape \\\\cite{z}.\n", encoding="utf-8")
    essay = load_essay(tmp_path / "e.Rmd")
    assert _keys(essay) == [["a"], []]
    found = check_notices(essay)
    assert [(f.code, f.line, f.claim_id) for f in found] == [("LR317", 2, "p1-s1")]
    assert found[0].message.startswith("\\citep[p. 3]{b, c} is raw LaTeX")
    assert "[@b; @c]" in found[0].hint


def test_latex_citation_in_latex_is_no_finding(tmp_path: Path) -> None:
    (tmp_path / "p.tex").write_text("Text \\citep{b}.\n", encoding="utf-8")
    assert check_notices(load_essay(tmp_path / "p.tex")) == []


def test_quarto_include_not_in_utf8(tmp_path: Path) -> None:
    (tmp_path / "doc.qmd").write_text("Intro [@a].\n\n{{< include _part.qmd >}}\n", encoding="utf-8")
    (tmp_path / "_part.qmd").write_bytes("Müller schreibt über Bäume [@m]. Größe zählt.\n\nÄhnlich sieht es "
                                         "bei Städten aus, sagt Kühn [@k].\n".encode("latin_1"))
    essay = load_essay(tmp_path / "doc.qmd")
    assert _keys(essay) == [["a"], ["m"], [], ["k"]]
    assert _found(essay) == [("LR315", "_part.qmd", 1)]


# -- LR318: a citation in another's suffix ---------------------------------------------------------------------

def test_a_citation_in_a_suffix_is_a_finding_with_the_bracket_to_write(tmp_path: Path) -> None:
    # pandoc 3 reads "@b" after "@a, " as part of @a's suffix, and its citeproc prints only "Bob (2002)" for the
    # whole bracket (checked with pypandoc-binary): @a, and @c before it, are gone from the rendered text.
    (tmp_path / "e.md").write_text(
        "Text [@a, @b]. More [@c; @a,\n@b p. 4]. See [see @a and @b].\n\n"
        "Mail [@a, write to x@b.org]. Fine [@a; @b]. In text @a [p. 3; @b] too.\n", encoding="utf-8")
    found = check_notices(load_essay(tmp_path / "e.md"))
    assert [(f.code, f.line, f.claim_id) for f in found] == [
        ("LR318", 1, "p1-s1"), ("LR318", 1, "p1-s2"), ("LR318", 2, "p1-s3")]
    assert [f.hint.rpartition(": ")[2] for f in found] == ["[@a; @b]", "[@c; @a; @b p. 4]", "[see @a; @b]"]
    assert "@c and @a vanish" in found[1].message


def test_a_bracket_of_keys_parted_by_commas_is_one_finding_naming_the_one_pandoc_prints(tmp_path: Path) -> None:
    # pandoc 3.9 with --citeproc prints "Text Cc (2003)." for "[@a, @b, @c]" and "Dd (2004)" for "[@a, @b; @c, @d]"
    # (checked with pypandoc-binary): the last citation of the bracket alone. Each comma was a finding of its own,
    # each saying a different key was the one printed, and each hint mended one comma and left the others.
    (tmp_path / "e.md").write_text("Text [@a, @b, @c].\n\nMore [@a, @b; @c, @d].\n\nSame [@a, @a].\n",
                                   encoding="utf-8")
    found = check_notices(load_essay(tmp_path / "e.md"))
    assert [(f.code, f.line) for f in found] == [("LR318", 1), ("LR318", 3), ("LR318", 5)]
    assert found[0].message == ("[@a, @b, @c] holds @b and @c in a citation's suffix: pandoc prints only @c's citation "
                                "there, and @a and @b vanish from the rendered text")
    assert [f.hint.rpartition(": ")[2] for f in found] == ["[@a; @b; @c]", "[@a; @b; @c; @d]", "[@a; @a]"]
    assert "@a, @b and @c vanish" in found[1].message
    assert found[2].message.endswith("pandoc prints only @a's citation there")
    # The keys that vanish are named in the bracket's order, a key that begins another ("@a" in "@ab") too.
    (tmp_path / "e.md").write_text("Text [@ab, @b, @a, @c].\n", encoding="utf-8")
    assert "and @ab, @b and @a vanish" in check_notices(load_essay(tmp_path / "e.md"))[0].message


def test_a_citation_in_a_citations_own_bracket_is_a_finding_too(tmp_path: Path) -> None:
    # pandoc 3.9 with --citeproc prints "Text (Beta 2002)." and "Three (Beta 2002).": a citation in another's suffix
    # or prefix, in brackets of its own, is printed alone there too.
    (tmp_path / "e.md").write_text("Text [@a, see [@b] and more].\n\nThree [see [@b] @a].\n", encoding="utf-8")
    found = check_notices(load_essay(tmp_path / "e.md"))
    assert [(f.code, f.line) for f in found] == [("LR318", 1), ("LR318", 3)]
    assert [f.hint.rpartition(": ")[2] for f in found] == ["[@a, see; @b and more]", "[see @b; @a]"]
    assert "in a citation's prefix" in found[1].message


def test_a_citation_in_a_suffix_in_latex_is_no_finding(tmp_path: Path) -> None:
    (tmp_path / "p.tex").write_text("Text \\citep[see][and @b]{a}.\n", encoding="utf-8")
    assert [f for f in check_notices(load_essay(tmp_path / "p.tex")) if f.code == "LR318"] == []


# -- LR319: a front matter field given twice --------------------------------------------------------------

@pytest.mark.parametrize("name", ["p.md", "p.Rmd", "p.qmd"])
def test_a_field_given_twice_is_read_as_pandoc_reads_it(tmp_path: Path, name: str) -> None:
    # pandoc keeps the last value and warns; the rest of the manuscript is read, not refused.
    (tmp_path / name).write_text("---\ntitle: A study\nbibliography: a.bib\nlang: en\nbibliography: b.bib\n---\n\n"
                                 "Realists disagree [@holsti2004].\n", encoding="utf-8")
    essay = load_essay(tmp_path / name)
    assert essay.meta["bibliography"] == "b.bib" and _keys(essay)[-1] == ["holsti2004"]
    found = check_notices(essay)
    assert [(f.code, Path(f.file or "").name, f.line) for f in found] == [("LR319", name, 5)]
    assert "bibliography" in found[0].message and "last" in found[0].message
    assert "bibliography: [first, second]" in found[0].hint


def test_a_nested_field_given_twice_is_noted_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text("---\nauthor:\n  - name: Ann Roe\n    name: Ann B. Roe\n---\n\nText.\n",
                                   encoding="utf-8")
    essay = load_essay(tmp_path / "p.md")
    assert essay.meta["author"] == [{"name": "Ann B. Roe"}]
    assert [(f.code, f.line) for f in check_notices(essay)] == [("LR319", 4)]


def test_a_front_matter_without_repeats_notes_nothing(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text("---\nbibliography: [a.bib, b.bib]\n---\n\nText [@a].\n", encoding="utf-8")
    assert check_notices(load_essay(tmp_path / "p.md")) == []


# -- LR320: a placeholder where a citation belongs -----------------------------------------------------------

@pytest.mark.parametrize("name", ["p.md", "p.tex"])
def test_a_citation_placeholder_left_in_the_text_is_a_finding(tmp_path: Path, name: str) -> None:
    # "the AI4D project [CITE] have made progress": pandoc prints the placeholder as written, and nothing said so.
    (tmp_path / name).write_text("Masakhane and the AI4D project [CITE] made progress.\n\nOthers did too [citation "
                                 "needed], and more (REF).\n\nSee the [reference manual] and [REF: 3] and [TODO].\n",
                                 encoding="utf-8")
    found = [f for f in check_notices(load_essay(tmp_path / name)) if f.code == "LR320"]
    assert [(f.line, f.claim_id, f.message.split("'")[1]) for f in found] == [
        (1, "p1-s1", "[CITE]"), (3, "p2-s1", "[citation needed]"), (3, "p2-s1", "(REF)")]
    # In the document's own syntax: a Markdown writer was told of \cite{key}, a LaTeX one of [@key].
    assert found[0].hint == ("Cite the work (\\cite{key}), or delete the placeholder" if name == "p.tex" else
                             "Cite the work ([@key]), or delete the placeholder")


@pytest.mark.parametrize("name", ["p.md", "p.tex"])
def test_a_cite_placeholder_with_a_note_is_a_finding(tmp_path: Path, name: str) -> None:
    # "[CITE-CHECK: ... to be sourced before submission.]", a draft's note where a citation belongs, was no
    # finding; "[REF: 3]" may point at anything and stays none, as does a bracket that only mentions citing.
    (tmp_path / name).write_text("Dunes formed in two phases. [CITE-CHECK: dates of the dune\nlayers, to be "
                                 "sourced.]\n\nDurations have a prior. [CITE: survey of "
                                 "durations] Then [CITE NEEDED] and [REF: 3] and [we cite nothing].\n",
                                 encoding="utf-8")
    found = [f for f in check_notices(load_essay(tmp_path / name)) if f.code == "LR320"]
    assert [(f.line, f.message.split("'")[1]) for f in found] == [
        (1, "[CITE-CHECK: dates of the dune layers, to be sourced.]"),
        (4, "[CITE: survey of durations]"), (4, "[CITE NEEDED]")]


# -- LR322: merge conflicts in the manuscript -------------------------------------------------------------------

CONFLICT = "<<<<<<< HEAD\nStates balance power [@waltz].\n=======\nStates balance threats [@walt].\n>>>>>>> review\n"


def test_a_merge_conflict_in_a_markdown_manuscript_is_an_error_at_its_first_marker(tmp_path: Path) -> None:
    (tmp_path / "essay.md").write_text("---\ntitle: T\n---\n\nRealism explains war [@waltz].\n\n" + CONFLICT,
                                       encoding="utf-8")
    found = check_notices(load_essay(tmp_path / "essay.md"))
    assert [(f.code, Path(f.file or "").name, f.line, f.severity) for f in found] == [("LR322", "essay.md", 7, "error")]
    assert "======= (line 9)" in found[0].message and ">>>>>>> (line 11)" in found[0].message


def test_a_merge_conflict_in_a_latex_input_and_a_manubot_file_is_at_that_files_line(tmp_path: Path) -> None:
    (tmp_path / "main.tex").write_text("\\begin{document}\nWar \\cite{waltz}.\n\\input{ch}\n\\end{document}\n")
    (tmp_path / "ch.tex").write_text("Power \\cite{waltz}.\n" + CONFLICT.replace("[@waltz]", "").replace("[@walt]", ""))
    assert _found(load_essay(tmp_path / "main.tex")) == [("LR322", "ch.tex", 2)]
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.intro.md").write_text("Realism explains war [@waltz].\n")
    (content / "02.body.md").write_text("Power matters [@waltz].\n\n" + CONFLICT)
    assert _found(load_essay(content)) == [("LR322", "02.body.md", 3)]


def test_conflict_markers_shown_in_code_or_a_heading_underline_are_no_finding(tmp_path: Path) -> None:
    # A tutorial on git shows the markers in a code block; a line of = under a heading is a setext heading.
    (tmp_path / "essay.md").write_text("Resolving\n=======\n\nGit writes [@waltz]:\n\n```\n" + CONFLICT + "```\n",
                                       encoding="utf-8")
    assert _found(load_essay(tmp_path / "essay.md")) == []
    (tmp_path / "p.tex").write_text("\\begin{document}\nGit \\cite{w}.\n\\begin{verbatim}\n" + CONFLICT
                                    + "\\end{verbatim}\n\\end{document}\n")
    assert _found(load_essay(tmp_path / "p.tex")) == []


def test_conflict_markers_in_a_fence_within_a_longer_fence_or_in_an_html_comment_are_no_finding(tmp_path: Path) -> None:
    # A fence closes only on its own character repeated at least as often (CommonMark, pandoc): the ``` lines inside
    # a ```` block are its text. pandoc prints nothing of an HTML comment.
    essay = tmp_path / "essay.md"
    essay.write_text("Git writes [@waltz]:\n\n````markdown\n```\n" + CONFLICT + "```\n````\n\n<!--\n" + CONFLICT
                     + "-->\n\nAn aside <!-- to do\n" + CONFLICT + "--> ends.\n", encoding="utf-8")
    assert _found(load_essay(essay)) == []
    # A ``` line does not close a ```` block: the conflict after the block is the document's.
    essay.write_text("Git writes [@waltz]:\n\n````\n```\n````\n\n" + CONFLICT, encoding="utf-8")
    assert _found(load_essay(essay)) == [("LR322", "essay.md", 7)]


# -- LR324: a bibliography after the front matter of an R Markdown file ------------------------------------------

LATER = "---\ntitle: A study\noutput: html_document\n---\n\nRealists disagree [@holsti2004].\n\n---\n{field}\n---\n\nMore.\n"


@pytest.mark.parametrize(("name", "front", "field", "found"), [
    # rmarkdown::render decides from the front matter alone whether to run citeproc (pandoc reads the later block)
    ("p.Rmd", "", "bibliography: refs.bib", [("LR324", "p.Rmd", 9)]),
    ("p.Rmd", "", "link-citations: true\nreferences: refs.yaml", [("LR324", "p.Rmd", 10)]),
    # pandoc alone, or Quarto: nothing to say
    ("p.md", "", "bibliography: refs.bib", []),
    ("p.qmd", "", "bibliography: refs.bib", []),
    # the front matter names one too, or sets citeproc; rmarkdown's own look at the text ("bibliography:" with its
    # value on the next lines) finds the later one
    ("p.Rmd", "bibliography: a.bib\n", "bibliography: refs.bib", []),
    ("p.Rmd", "citeproc: true\n", "bibliography: refs.bib", []),
    ("p.Rmd", "", "bibliography:\n  - refs.bib", []),
    ("p.Rmd", "", "abstract: none", []),
])
def test_a_bibliography_only_in_a_later_block_of_an_r_markdown_file_is_noted(
        tmp_path: Path, name: str, front: str, field: str, found: list[tuple[str, str, int]]) -> None:
    (tmp_path / name).write_text(LATER.replace("output:", front + "output:").format(field=field), encoding="utf-8")
    essay = load_essay(tmp_path / name)
    assert ["holsti2004"] in _keys(essay)
    assert [x for x in _found(essay) if x[0] == "LR324"] == [(c, n, line + front.count("\n")) for c, n, line in found]
    if found:
        assert "rmarkdown::render" in check_notices(essay)[0].message


def test_a_raw_latex_citation_is_one_finding_not_an_unused_entry_and_an_unattributed_quotation_too(
        tmp_path: Path) -> None:
    # A Czech thesis chapter in Markdown cites with \citep, built through LaTeX: each command was LR317, and its entry
    # was also "no claim relies on it" (LR307) and the quotation it cites "has no attribution" (LR305), three findings
    # of one thing. LR317 alone tells it; an entry nothing cites and a quotation nothing cites are still told.
    from litreview.config import make_config
    from litreview.review import build_review

    (tmp_path / "ch.md").write_text(
        "Democracy, it was once said, is such that \"a people of gods would govern itself democratically, a perfect "
        "government does not suit men\" \\citealp[274]{rousseau}.\n\nThe report said that \"every household in the region had stopped "
        "sorting its waste by the end of the decade\" and no more.\n", encoding="utf-8")
    (tmp_path / "r.bib").write_text("@book{rousseau, author={Rousseau, Jean-Jacques}, title={Du contrat social}, "
                                    "year={1762}, publisher={Rey}}\n@book{katz, author={Katz, A}, title={K}, "
                                    "year={2000}, publisher={P}}\n", encoding="utf-8")
    found = build_review(make_config(root=tmp_path, essay="ch.md", bibliography="r.bib", claims="")).findings
    assert sorted((f.code, f.key or "") for f in found if f.code in ("LR305", "LR307", "LR308", "LR317")) == [
        ("LR305", ""), ("LR307", "katz"), ("LR317", "")]
    assert next(f for f in found if f.code == "LR305").line == 3


def test_a_latex_citation_in_a_raw_latex_environment_is_a_finding_not_an_unused_entry(tmp_path: Path) -> None:
    # A bookdown thesis quotes in \begin{citacao} ... \end{citacao} with \cite inside: pandoc keeps the whole block as
    # raw LaTeX, so only a LaTeX build cites it. The block's command was no LR317 and its entry an unused one (LR307).
    from litreview.config import make_config
    from litreview.review import build_review

    (tmp_path / "_bookdown.yml").write_text('rmd_files: ["a.Rmd", "b.Rmd"]\n', encoding="utf-8")
    (tmp_path / "a.Rmd").write_text("# A\n\nFirst [@roe].\n", encoding="utf-8")
    (tmp_path / "b.Rmd").write_text("# B\n\nFor Kuz [-@roe, 2]:\n\n\\begin{citacao}\nQuoted words, in a block.\n"
                                    "\\cite[p. 41]{kuz} \\textit{apud} \\cite{roe}.\n\\end{citacao}\n\nAfter it.\n",
                                    encoding="utf-8")
    essay = load_essay(tmp_path / "_bookdown.yml")
    found = check_notices(essay)
    assert [(f.code, Path(f.file or "").name, f.line, f.claim_id) for f in found] == [
        ("LR317", "b.Rmd", 7, "p4-s1"), ("LR317", "b.Rmd", 7, "p4-s1")]
    assert found[0].message.startswith("\\cite[p. 41]{kuz} is raw LaTeX") and "[@kuz]" in found[0].hint
    (tmp_path / "r.bib").write_text("@book{roe, author={Roe, A}, title={R}, year={2000}, publisher={P}}\n"
                                    "@book{kuz, author={Kuz, S}, title={K}, year={1966}, publisher={P}}\n"
                                    "@book{katz, author={Katz, A}, title={K}, year={2000}, publisher={P}}\n",
                                    encoding="utf-8")
    found = build_review(make_config(root=tmp_path, essay="_bookdown.yml", bibliography="r.bib", claims="")).findings
    assert sorted((f.code, f.key or "") for f in found if f.code in ("LR307", "LR317")) == [
        ("LR307", "katz"), ("LR317", ""), ("LR317", "")]


def test_a_latex_environment_in_a_code_block_is_no_raw_latex(tmp_path: Path) -> None:
    (tmp_path / "d.Rmd").write_text('Intro [@a].\n\n```{r}\nx <- "\n\n\\begin{table}\n\\cite{zz}\n\\end{table}"\n```\n\n'
                                    "```\n\n\\begin{quote}\n\\cite{yy}\n\\end{quote}\n```\n\nEnd \\cite{ok}.\n",
                                    encoding="utf-8")
    assert _found(load_essay(tmp_path / "d.Rmd")) == [("LR317", "d.Rmd", 18)]


def test_a_latex_citation_in_a_raw_latex_environment_nested_in_another_is_a_finding(tmp_path: Path) -> None:
    # pandoc keeps \begin{epigrafe} ... \end{epigrafe} whole as raw LaTeX, the environments inside it and a command's
    # argument too: a \cite there is read by a LaTeX build alone (LR317), one in a LaTeX comment by none.
    (tmp_path / "e.md").write_text("Intro [@a].\n\n\\begin{epigrafe}\n\t\\vspace*{\\fill}\n\t\\begin{flushright}\n"
                                   "\t\t\\textit{Quoted words \\cite[p. 41]{k}.}\n\t\t% \\cite{gone}\n"
                                   "\t\\end{flushright}\n\\end{epigrafe}\n\n\\begin{x}\\begin{y}\\cite{j}\\end{y}\\end{x}\n"
                                   "\nAfter it.\n", encoding="utf-8")
    found = check_notices(load_essay(tmp_path / "e.md"))
    assert [(f.code, f.line, f.message.split(" is ")[0]) for f in found] == [
        ("LR317", 6, "\\cite[p. 41]{k}"), ("LR317", 11, "\\cite{j}")]


# -- LR325: the settings file a document is rendered with cannot be read -----------------------------------------

DOCUMENT = "---\ntitle: A study\nbibliography: refs.bib\n---\n\nRealists disagree [@holsti2004].\n"


@pytest.mark.parametrize(("name", "settings", "text", "found"), [
    # rmarkdown::render reads _output.yml beside an R Markdown file, and stops on it
    ("p.Rmd", "_output.yml", "html_document:\n  toc: true\n  citation_package: [natbib\n", [("LR325", "_output.yml", 3)]),
    ("p.Rmd", "_output.yaml", "html_document:\n  toc: true\n toc_depth: 2\n", [("LR325", "_output.yaml", 3)]),
    # quarto render reads the project's _quarto.yml for each file of it
    ("p.qmd", "_quarto.yml", "project:\n  type: default\nformat:\n  pdf:\n    cite-method: [biblatex\n",
     [("LR325", "_quarto.yml", 5)]),
    # read as they are: nothing to say; pandoc alone reads no _output.yml
    ("p.Rmd", "_output.yml", "html_document:\n  toc: true\n", []),
    ("p.qmd", "_quarto.yml", "project:\n  type: default\n", []),
    ("p.md", "_output.yml", "html_document:\n  toc: [true\n", []),
])
def test_a_settings_file_that_is_no_valid_yaml_is_a_finding_naming_its_line(
        tmp_path: Path, name: str, settings: str, text: str, found: list[tuple[str, str, int]]) -> None:
    # It was read as no settings, silently: rmarkdown::render and quarto render stop on it, the document unrendered.
    (tmp_path / name).write_text(DOCUMENT, encoding="utf-8")
    (tmp_path / settings).write_text(text, encoding="utf-8")
    essay = load_essay(tmp_path / name)
    assert ["holsti2004"] in _keys(essay)
    assert [x for x in _found(essay) if x[0] == "LR325"] == found
    if found:
        [problem] = [f for f in check_notices(essay) if f.code == "LR325"]
        assert problem.severity == "error" and "not valid YAML" in problem.message
        assert ("rmarkdown::render" if name.endswith(".Rmd") else "quarto render") in problem.message
        assert problem.hint.startswith(f"Fix the YAML of {settings} on line {found[0][2]}")


@pytest.mark.parametrize(("name", "settings", "text", "line"), [
    ("p.qmd", "_quarto.yml", "project:\n  type: default\na: &a [*a]\n", 3),
    ("p.qmd", "_quarto.yml", "project:\n  type: default\nbib: &b refs.bib\nformat:\n  html:\n    other: *b\n", 6),
    ("p.Rmd", "_output.yml", "html_document: &html\n  toc: true\npdf_document: *html\n", 3),
])
def test_a_settings_file_with_yaml_aliases_is_said_to_be_read_without_claiming_it_does_not_render(
        tmp_path: Path, name: str, settings: str, text: str, line: int) -> None:
    # Quarto and rmarkdown read YAML aliases; litreview's loader refuses them (a bound on untrusted YAML). LR325
    # said "quarto render stops on it, so the document does not render", which was not true.
    (tmp_path / name).write_text(DOCUMENT, encoding="utf-8")
    (tmp_path / settings).write_text(text, encoding="utf-8")
    essay = load_essay(tmp_path / name)
    assert ["holsti2004"] in _keys(essay)
    [problem] = [f for f in check_notices(essay) if f.code == "LR325"]
    assert problem.line == line and "alias" in problem.message
    assert "stops on it" not in problem.message and "not valid YAML" not in problem.message
    assert "does not render" not in problem.message and f"without {settings}'s settings" in problem.message
    assert problem.hint.startswith("Write the value out instead of *") and f"{settings} on line {line}" in problem.hint


def test_a_bookdown_books_output_settings_that_are_no_valid_yaml_are_a_finding(tmp_path: Path) -> None:
    (tmp_path / "_bookdown.yml").write_text('rmd_files: ["index.Rmd"]\n', encoding="utf-8")
    (tmp_path / "index.Rmd").write_text(DOCUMENT, encoding="utf-8")
    (tmp_path / "_output.yml").write_text("bookdown::gitbook:\n  split_by: [chapter\n", encoding="utf-8")
    assert [x for x in _found(load_essay(tmp_path / "_bookdown.yml")) if x[0] == "LR325"] == [
        ("LR325", "_output.yml", 2)]
    (tmp_path / "_output.yml").write_text("bookdown::gitbook:\n  split_by: chapter\n", encoding="utf-8")
    assert [x for x in _found(load_essay(tmp_path / "_bookdown.yml")) if x[0] == "LR325"] == []
