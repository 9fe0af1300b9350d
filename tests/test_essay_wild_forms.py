"""Forms met in manuscripts from the wild, read as the manuscript's own tool reads them (pandoc, TeX).

Each snippet is written here for the test; the comment says what the tool does with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.errors import InputError
from litreview.essay import load_essay


def keys(path: Path) -> list[str]:
    return [cite.key for claim in load_essay(path).claims for cite in claim.citations or ()]


@pytest.mark.parametrize("line", [
    "See \\url{https://example.org/a%20b} and \\cite{k1}.",
    "See \\href{https://example.org/%7Euser}{the page} and \\cite{k1}.",
    "See\\footnote{At \\url{https://example.org/x%3Fy}.} and \\cite{k1}.",
    "See \\nolinkurl{example.org/50%} and \\cite{k1}.",
    "See \\verb|a%b| and \\cite{k1}.",
    "See \\lstinline[language=C]!printf(\"%d\")! and \\cite{k1}.",
    "See \\lstinline{50%} and \\cite{k1}.",
    "See \\mintinline{python}|'%s' % x| and \\cite{k1}.",
])
def test_latex_a_percent_in_an_address_or_verbatim_text_is_no_comment(tmp_path: Path, line: str) -> None:
    # TeX reads \url's, \href's address, \nolinkurl's, \verb's, \lstinline's and \mintinline's text verbatim,
    # and pandoc 3.9 cites k1 in each line; "%" was taken for a comment and the rest of the line was lost.
    (tmp_path / "p.tex").write_text(f"\\begin{{document}}\n{line}\n\\end{{document}}\n", encoding="utf-8")
    assert keys(tmp_path / "p.tex") == ["k1"]


def test_latex_a_percent_after_a_line_break_is_a_comment_and_an_escaped_one_is_not(tmp_path: Path) -> None:
    # "\\%" is a line break, then a comment (pandoc 3.9 cites nothing after it); "\\\%" a break and a percent.
    (tmp_path / "p.tex").write_text("\\begin{document}\nA \\\\% \\cite{gone}\nB \\\\\\% \\cite{kept}.\n\n"
                                    "D \\cite{last}.\n\\end{document}\n", encoding="utf-8")
    assert keys(tmp_path / "p.tex") == ["kept", "last"]


RMD_BLOCKS = (
    "---\ntitle: t\n---\n\nBefore [@a0].\n\n"
    "```{theorem, pyth, name=\"Pythagoras\"}\nIn a right triangle [@t1].\n```\n\n"
    "```{proof}\nSee @t2.\n```\n\n"
    "```{block2, type='rmdnote'}\nA boxed note [@t3].\n```\n\n"
    "```{asis, echo=FALSE}\nNot printed [@hidden1].\n```\n\n"
    "```{definition, eval=FALSE}\nNot run [@hidden2].\n```\n\n"
    "```{r}\nx <- \"[@code]\"\n```\n\nAfter [@a1].\n")


def test_rmarkdown_chunks_knitr_writes_as_markdown_are_read_as_prose(tmp_path: Path) -> None:
    # bookdown's theorem and proof engines, knitr's block2 and asis (with echo) write their content out as
    # Markdown, which pandoc then cites (bookdown::fence_theorems makes them fenced divs); pandoc alone reads
    # them as code. A chunk knitr does not print (echo=FALSE for asis, eval=FALSE) and R code stay unread.
    (tmp_path / "c.Rmd").write_text(RMD_BLOCKS, encoding="utf-8")
    essay = load_essay(tmp_path / "c.Rmd")
    assert [cite.key for claim in essay.claims for cite in claim.citations or ()] == [
        "a0", "t1", "t2", "t3", "a1"]
    lines = {cite.key: claim.line for claim in essay.claims for cite in claim.citations or ()}
    assert (lines["t1"], lines["t3"], lines["a1"]) == (8, 16, 31)


def test_bookdown_chapters_read_their_theorem_chunks_as_prose(tmp_path: Path) -> None:
    (tmp_path / "_bookdown.yml").write_text('rmd_files: ["index.Rmd", "02-ch.Rmd"]\n', encoding="utf-8")
    (tmp_path / "index.Rmd").write_text("---\ntitle: b\n---\n\n# Preface\n\nOpening [@p1].\n", encoding="utf-8")
    (tmp_path / "02-ch.Rmd").write_text("# Chapter\n\n```{lemma}\nA lemma [@l1].\n```\n", encoding="utf-8")
    essay = load_essay(tmp_path / "_bookdown.yml")
    found = [(cite.key, Path(claim.file or "").name, claim.line) for claim in essay.claims
             for cite in claim.citations or ()]
    assert found == [("p1", "index.Rmd", 7), ("l1", "02-ch.Rmd", 4)]


def test_quarto_and_knitr_forms_are_read_in_a_file_saved_with_windows_line_ends(tmp_path: Path) -> None:
    # Quarto and knitr read "\r\n" line ends as "\n": the include, the chunk's caption, the callout's title,
    # the child document and bookdown's theorem were all skipped in such a file (and a missing include unnoticed).
    def crlf(name: str, text: str) -> Path:
        (tmp_path / name).write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
        return tmp_path / name

    crlf("part.qmd", "Part [@p1].\n")
    crlf("kid.Rmd", "Kid [@k1].\n")
    qmd = crlf("a.qmd", "Intro [@a1].\n\n{{< include part.qmd >}}\n\n```{r}\n#| label: fig-a\n#| fig-cap: \"Cap [@c1]\"\n"
                        "plot(1)\n```\n\n::: {.callout-note title=\"Note [@c2]\"}\nBody [@c3].\n:::\n")
    rmd = crlf("b.Rmd", "B [@b1].\n\n```{r, child=\"kid.Rmd\"}\n```\n\n```{theorem}\nThm [@t1].\n```\n")
    assert keys(qmd) == ["a1", "p1", "c1", "c2", "c3"]
    assert keys(rmd) == ["b1", "k1", "t1"]
    with pytest.raises(InputError, match=r"gone\.qmd not found"):
        load_essay(crlf("c.qmd", "C [@x].\n\n{{< include gone.qmd >}}\n"))


def test_latex_typewriter_and_sans_serif_text_is_kept_and_an_input_listing_is_no_prose(tmp_path: Path) -> None:
    # pandoc 3.9 prints \texttt's, \textsf's, \textup's and \textmd's text ("a base class verde.BaseClass"); they
    # printed nothing ("a base class , which"). \lstinputlisting and \inputminted read a file of code, which pandoc
    # shows as a code block: its options were printed as a sentence ("[float, language=Python, ...]code/a.py").
    (tmp_path / "p.tex").write_text(
        "\\begin{document}\nA base class \\texttt{verde.BaseClass}, in \\textsf{Verde} (\\textup{up} and "
        "\\textmd{md}) \\citep{k1}.\n\n\\lstinputlisting[\n  float, language=Python,\n  caption={An example},\n"
        "  label=lst:a\n]{code/a.py}\n\\inputminted[linenos]{python}{code/b.py}\n\nAfter \\citep{k2}.\n"
        "\\end{document}\n", encoding="utf-8")
    assert [c.text for c in load_essay(tmp_path / "p.tex").claims] == [
        "A base class verde.BaseClass, in Verde (up and md) [@{k1}].", "After [@{k2}]."]


def test_an_image_alone_is_a_figure_whose_claims_are_its_caption(tmp_path: Path) -> None:
    # Pandoc makes an image alone in its paragraph a figure captioned by the image's text; the claims were the
    # markup, split where the caption's first sentence ended ("*](images/a.png){#fig:a width=90%}" a claim of its
    # own, shown raw). An image inside a sentence stays part of it.
    (tmp_path / "p.md").write_text("![*A map.* Drawn after [@k1].](images/a.png){#fig:a width=90%}\n\n"
                                   "![Plain](b.png \"t (x)\")\n\nSee ![icon](i.png) here [@k2].\n", encoding="utf-8")
    claims = load_essay(tmp_path / "p.md").claims
    assert [c.text for c in claims] == ["*A map.*", "Drawn after [@k1].", "Plain", "See ![icon](i.png) here [@k2]."]
    assert [c.text[x.start:x.end] for c in claims for x in c.citations or ()] == ["[@k1]", "[@k2]"]


@pytest.mark.parametrize(("child", "named"), [
    # knitr strips a child's front matter (its first line "---", through the next "---" line): pandoc never sees it
    ("---\nbibliography: child.bib\n---\n\nChild text [@b].\n", None),
    # a YAML block that is not on the child's first line stays in the knitted text: pandoc reads it as metadata
    ("\n---\nbibliography: child.bib\n---\n\nChild text [@b].\n", "child.bib"),
    ("Child text [@b].\n\n---\nbibliography: child.bib\n...\n", "child.bib"),
])
def test_a_knitr_childs_yaml_is_metadata_as_knitr_leaves_it_to_pandoc(tmp_path: Path, child: str,
                                                                     named: str | None) -> None:
    (tmp_path / "main.Rmd").write_text("---\ntitle: Main\n---\n\nMain text [@a].\n\n```{r, child = 'child.Rmd'}\n"
                                       "```\n", encoding="utf-8")
    (tmp_path / "child.Rmd").write_text(child, encoding="utf-8")
    essay = load_essay(tmp_path / "main.Rmd")
    assert essay.meta.get("bibliography") == named
    assert [c.text for c in essay.claims][-1] == "Child text [@b]."
