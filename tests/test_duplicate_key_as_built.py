"""A key defined twice: pandoc (citeproc) uses the last entry with it, BibTeX and biber the first. The entry kept
follows the manuscript's build: the first for a LaTeX document, the last for a pandoc one; LR101 is at the copy the
build drops, in one file and across two."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.config import Config
from litreview.review import build_review

REFS = ("@book{roe, author = {Roe, Ann}, title = {The first copy}, publisher = {P}, year = {2001}}\n"
        "@book{other, author = {Lee, Kim}, title = {Another}, publisher = {P}, year = {2003}}\n"
        "@book{roe, author = {Roe, Ann}, title = {The second copy}, publisher = {P}, year = {2002}}\n")
LATEX = ("\\documentclass{article}\n\\begin{document}\nRoe says so \\cite{roe,other}.\n"
         "\\bibliography{FILES}\n\\end{document}\n")
MARKDOWN = "---\nbibliography: [FILES]\n---\n\nRoe says so [@roe; @other].\n"


def _review(tmp_path: Path, essay: str, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    listed = (",".join(n.removesuffix(".bib") for n in files) if essay.endswith(".tex") else ", ".join(files))
    (tmp_path / essay).write_text((LATEX if essay.endswith(".tex") else MARKDOWN).replace("FILES", listed),
                                  encoding="utf-8")
    return build_review(Config(root=tmp_path, essay=essay, bibliography=tuple(files), claims=""))


@pytest.mark.parametrize(("essay", "kept", "told_at"), [
    ("paper.tex", "The first copy", 3),  # BibTeX and biber: the first, the second a repeated entry
    ("paper.md", "The second copy", 1),  # pandoc: the last
])
def test_the_entry_kept_of_a_key_in_one_file_is_the_builds(tmp_path: Path, essay: str, kept: str,
                                                             told_at: int) -> None:
    review = _review(tmp_path, essay, {"refs.bib": REFS})
    roe = review.bibliography.get("roe")
    assert roe is not None and roe.title == kept
    assert [s.key for s in review.bibliography.sources] == (["other", "roe"] if essay.endswith(".md") else ["roe", "other"])
    told = [f for f in review.findings if f.code == "LR101"]
    assert [(f.key, f.line) for f in told] == [("roe", told_at)]
    if essay.endswith(".tex"):
        assert "BibTeX and biber use the first, on line 1" in told[0].message


def test_the_entry_kept_of_a_key_in_two_files_is_the_builds(tmp_path: Path) -> None:
    one = "@book{roe, author = {Roe, Ann}, title = {In a}, publisher = {P}, year = {2001}}\n"
    two = ("@book{other, author = {Lee, Kim}, title = {Another}, publisher = {P}, year = {2003}}\n"
           "@book{roe, author = {Roe, Ann}, title = {In b}, publisher = {P}, year = {2002}}\n")
    tex = _review(tmp_path, "paper.tex", {"a.bib": one, "b.bib": two})
    roe = tex.bibliography.get("roe")
    assert roe is not None and roe.title == "In a"
    told = [f for f in tex.findings if f.code == "LR101"]
    assert [(f.key, Path(f.file or "").name, f.line) for f in told] == [("roe", "b.bib", 2)]
    md = _review(tmp_path, "paper.md", {"a.bib": one, "b.bib": two})
    roe = md.bibliography.get("roe")
    assert roe is not None and roe.title == "In b"
    assert [(f.key, Path(f.file or "").name, f.line) for f in md.findings if f.code == "LR101"] == [("roe", "a.bib", 1)]


def test_an_entry_inheriting_from_a_key_defined_twice_inherits_from_the_builds_entry(tmp_path: Path) -> None:
    # A chapter's crossref names a book defined twice: BibTeX and biber resolve it to the first copy, the one kept
    # for a LaTeX document; the chapter inherited the last copy's year and title all the same.
    refs = ("@book{roe, author = {Roe, Ann}, title = {The first copy}, publisher = {P}, year = {2001}}\n"
            "@incollection{ch, author = {Lee, Kim}, title = {A chapter}, crossref = {roe}, pages = {1--2}}\n"
            "@book{roe, author = {Roe, Ann}, title = {The second copy}, publisher = {P}, year = {2002}}\n")
    for essay, kept in (("paper.tex", "The first copy"), ("paper.md", "The second copy")):
        chapter = _review(tmp_path, essay, {"refs.bib": refs}).bibliography.get("ch")
        assert chapter is not None
        assert (chapter.fields.get("booktitle"), chapter.year) == (kept, 2001 if kept == "The first copy" else 2002)


@pytest.mark.parametrize(("name", "front", "kept"), [
    # R Markdown built to PDF with natbib or biblatex: BibTeX or biber reads the .bib, and keeps the first copy
    ("paper.Rmd", "output:\n  pdf_document:\n    citation_package: natbib\n", "The first copy"),
    ("paper.Rmd", "output:\n  bookdown::pdf_document2:\n    citation_package: biblatex\n", "The first copy"),
    ("paper.qmd", "format:\n  pdf:\n    cite-method: biblatex\n", "The first copy"),
    ("paper.qmd", "cite-method: natbib\n", "The first copy"),
    # the close cases: citeproc (no citation_package, or citation_package: default) keeps the last
    ("paper.Rmd", "output: html_document\n", "The second copy"),
    ("paper.Rmd", "output:\n  pdf_document:\n    citation_package: default\n", "The second copy"),
    ("paper.qmd", "format: pdf\n", "The second copy"),
])
def test_a_pandoc_document_built_with_natbib_or_biblatex_keeps_the_first_entry_of_a_key(
        tmp_path: Path, name: str, front: str, kept: str) -> None:
    # The first of a key defined twice was chosen by the file's suffix alone: an R Markdown or Quarto document whose
    # PDF BibTeX or biber builds (citation_package, cite-method) was given pandoc's last entry.
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    (tmp_path / name).write_text(f"---\nbibliography: refs.bib\n{front}---\n\nRoe says so [@roe; @other].\n",
                                 encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay=name, bibliography=("refs.bib",), claims=""))
    roe = review.bibliography.get("roe")
    assert roe is not None and roe.title == kept
    told = [f for f in review.findings if f.code == "LR101"]
    assert [f.line for f in told] == [3 if kept == "The first copy" else 1]


@pytest.mark.parametrize(("files", "essay"), [
    # rmarkdown::render reads the output formats of _output.yml beside the document (its front matter names none)
    ({"paper.Rmd": "---\nbibliography: refs.bib\n---\n\nRoe says so [@roe; @other].\n",
      "_output.yml": "pdf_document:\n  citation_package: natbib\n"}, "paper.Rmd"),
    # a bookdown book: its _output.yml, whose pdf_book bookdown builds with biblatex
    ({"index.Rmd": "---\nbibliography: refs.bib\n---\n\nRoe says so [@roe; @other].\n",
      "_bookdown.yml": "rmd_files: [index.Rmd]\n",
      "_output.yml": "bookdown::gitbook: default\nbookdown::pdf_book:\n  citation_package: biblatex\n"}, "_bookdown.yml"),
    # a Quarto book whose PDF is built with biblatex
    ({"index.qmd": "# One\n\nRoe says so [@roe; @other].\n",
      "_quarto.yml": "project:\n  type: book\nbook:\n  chapters: [index.qmd]\nbibliography: refs.bib\n"
                     "format:\n  pdf:\n    cite-method: biblatex\n"}, "_quarto.yml"),
])
def test_a_book_or_document_whose_output_settings_build_it_with_bibtex_keeps_the_first_entry(
        tmp_path: Path, files: dict[str, str], essay: str) -> None:
    # The output formats given outside the front matter (_output.yml, a book's settings) were not read for the rule:
    # pandoc's last entry was kept where BibTeX or biber build the PDF and keep the first.
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay=essay, bibliography=("refs.bib",), claims=""))
    roe = review.bibliography.get("roe")
    assert roe is not None and roe.title == "The first copy"
    (tmp_path / "_output.yml").write_text("html_document: default\n", encoding="utf-8")  # the close case: no PDF
    if essay != "_quarto.yml":
        roe = build_review(Config(root=tmp_path, essay=essay, bibliography=("refs.bib",), claims="")).bibliography.get("roe")
        assert roe is not None and roe.title == "The second copy"
