"""The required-field checks (LR110, LR111) read an entry as the tool that prints the document's bibliography does:
pandoc's citeproc for a Markdown, Quarto or R Markdown manuscript, biblatex for one that asks for it and for a
LaTeX paper that loads it, BibTeX's standard styles for a LaTeX paper with \\bibliographystyle."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from litreview.checks import check_review
from litreview.checks.renderers import BIBER, BIBTEX, CITEPROC, renderer_of
from litreview.config import Config
from litreview.essay import load_essay
from litreview.review import build_review

NOW = datetime(2026, 1, 1, tzinfo=UTC)
# What the user trial found: a report whose issuing body is written as its publisher (as Zotero exports it).
REPORT = "@techreport{wb2018,\n  author = {Roe, Ann},\n  title = {Social Cohesion},\n  publisher = {World Bank},\n  year = {2018}\n}\n"
# biblatex's names for the journal and the date, which BibTeX's standard styles do not read.
BIBLATEX_ARTICLE = ("@article{doe2020,\n  author = {Doe, Jane},\n  title = {Fast},\n  journaltitle = {Nature},\n"
                    "  date = {2020-05}\n}\n")
QUARTO = "---\ntitle: T\nbibliography: refs.bib\n---\n\nReports say so [@wb2018; @doe2020].\n"
RMD_BIBLATEX = ("---\ntitle: T\nbibliography: refs.bib\noutput:\n  pdf_document:\n    citation_package: biblatex\n---\n\n"
                "Reports say so [@wb2018; @doe2020].\n")
TEX_BIBLATEX = ("\\documentclass{article}\n\\usepackage[style=authoryear]{biblatex}\n\\addbibresource{refs.bib}\n"
                "\\begin{document}\nReports say so \\autocite{wb2018,doe2020}.\n\\printbibliography\n\\end{document}\n")
TEX_NATBIB = ("\\documentclass{article}\n\\usepackage{natbib}\n\\begin{document}\nReports say so "
              "\\citep{wb2018,doe2020}.\n\\bibliographystyle{plainnat}\n\\bibliography{refs}\n\\end{document}\n")


def _required(tmp_path: Path, name: str, text: str, bib: str) -> dict[str, tuple[str, str, str, int | None]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay=name, bibliography="refs.bib", claims=""), now=NOW,
                          with_checks=False)
    return {f.key or "": (f.code, f.message, f.hint, f.line) for f in check_review(review, Config(root=tmp_path),
                                                                                  now=NOW).findings
            if f.code in ("LR110", "LR111")}


def test_a_quarto_manuscript_reads_a_reports_publisher_as_pandoc_does(tmp_path: Path) -> None:
    # pandoc -f biblatex -t csljson gives the report "publisher": "World Bank", and citeproc prints it.
    assert _required(tmp_path, "paper.qmd", QUARTO, REPORT + BIBLATEX_ARTICLE) == {}


def test_r_markdown_with_biblatex_wants_the_institution(tmp_path: Path) -> None:
    found = _required(tmp_path, "paper.Rmd", RMD_BIBLATEX, REPORT + BIBLATEX_ARTICLE)
    assert found == {"wb2018": ("LR110", "@techreport entry lacks institution: biblatex (biber) prints no publisher "
                                "of a @techreport entry (paper.Rmd's citation_package: biblatex)",
                                "Rename publisher to institution", 1)}


def test_latex_with_biblatex_reads_its_own_names(tmp_path: Path) -> None:
    found = _required(tmp_path, "paper.tex", TEX_BIBLATEX, REPORT + BIBLATEX_ARTICLE)
    assert set(found) == {"wb2018"}  # journaltitle and date are biblatex's: the article lacks nothing
    assert found["wb2018"][2] == "Rename publisher to institution"
    assert "paper.tex is built with biblatex" in found["wb2018"][1]


def test_latex_with_a_bibtex_style_reads_no_biblatex_names(tmp_path: Path) -> None:
    found = _required(tmp_path, "paper.tex", TEX_NATBIB, REPORT + BIBLATEX_ARTICLE)
    assert found["doe2020"] == ("LR110", "@article entry lacks journal, year: BibTeX's styles print no journaltitle "
                                "or date of a @article entry (paper.tex is built with BibTeX: \\bibliography without biblatex)",
                                "Rename journaltitle to journal; add year = {2020} beside the date: BibTeX's styles "
                                "read no date", 7)
    assert found["wb2018"][2] == "Rename publisher to institution"


def test_biblatex_with_the_bibtex_backend_keeps_biblatex_names(tmp_path: Path) -> None:
    tex = TEX_BIBLATEX.replace("[style=authoryear]", "[backend=bibtex,style=authoryear]")
    assert set(_required(tmp_path, "paper.tex", tex, BIBLATEX_ARTICLE)) == set()


def test_a_bibliography_alone_keeps_the_finding_and_says_pandoc_reads_it(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(REPORT, encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="", bibliography="refs.bib", claims=""), now=NOW,
                          with_checks=False)
    [found] = [f for f in check_review(review, Config(root=tmp_path), now=NOW).findings if f.code == "LR110"]
    assert (found.file, found.line, found.severity) == ("refs.bib", 1, "error")
    assert found.message == ("@techreport entry lacks institution: BibTeX and biber print no publisher in its place, "
                             "pandoc's citeproc does: for a document pandoc renders (Markdown, Quarto, R Markdown) "
                             "nothing is missing")
    assert found.hint == "Rename publisher to institution, which BibTeX, biber and pandoc all read"


def test_a_conference_entrys_booktitle_pandoc_does_not_read(tmp_path: Path) -> None:
    # pandoc reads @conference as no type and drops its booktitle (pandoc -f biblatex -t csljson: no container-title)
    bib = "@conference{c1,\n  author = {Doe, Jo},\n  title = {Fast},\n  booktitle = {Proc. of X},\n  year = {2019}\n}\n"
    found = _required(tmp_path, "paper.md", "---\nbibliography: refs.bib\n---\n\nSo [@c1].\n", bib)
    assert found["c1"][1].startswith("@conference entry lacks booktitle: pandoc's citeproc reads no booktitle")
    assert found["c1"][2] == "Make the entry @inproceedings, whose booktitle pandoc reads"
    assert _required(tmp_path, "paper.tex", TEX_BIBLATEX.replace("wb2018,doe2020", "c1"), bib) == {}


def test_a_books_publisher_as_each_renderer_reads_it(tmp_path: Path) -> None:
    bib = "@book{b1,\n  author = {Doe, Jo},\n  title = {Slow},\n  organization = {UNESCO},\n  year = {2019}\n}\n"
    assert _required(tmp_path, "paper.qmd", QUARTO.replace("wb2018; @doe2020", "b1"), bib) == {}
    found = _required(tmp_path, "paper.tex", TEX_BIBLATEX.replace("wb2018,doe2020", "b1"), bib)
    assert found["b1"][:3] == ("LR111", "@book entry names no publisher for the book: biblatex (biber) prints no "
                               "organization of a @book entry (paper.tex is built with biblatex)",
                               "Rename organization to publisher")


@pytest.mark.parametrize(("name", "text", "tool"), [
    ("a.qmd", "---\nformat:\n  html: default\n  pdf:\n    cite-method: biblatex\n---\n\nText.\n", BIBER),
    ("a.qmd", "---\ncite-method: natbib\n---\n\nText.\n", BIBTEX),
    ("a.qmd", "---\nformat:\n  pdf:\n    cite-method: citeproc\n---\n\nText.\n", CITEPROC),
    ("a.Rmd", "---\noutput:\n  bookdown::pdf_book:\n    citation_package: natbib\n---\n\nText.\n", BIBTEX),
    ("a.Rmd", "---\noutput: pdf_document\n---\n\nText.\n", CITEPROC),
    ("a.md", "Text.\n", CITEPROC),
    ("a.tex", TEX_NATBIB, BIBTEX),
    ("a.tex", TEX_BIBLATEX, BIBER),
])
def test_the_renderer_is_told_by_the_document(tmp_path: Path, name: str, text: str, tool: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    found = renderer_of(load_essay(tmp_path / name))
    assert found is not None and found.name == tool


def test_no_document_no_renderer() -> None:
    assert renderer_of(None) is None


def test_a_chapter_of_a_quarto_project_follows_the_projects_cite_method(tmp_path: Path) -> None:
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  chapters: [index.qmd, ch1.qmd]\n"
                                          "format:\n  pdf:\n    cite-method: biblatex\n", encoding="utf-8")
    (tmp_path / "index.qmd").write_text("# Preface\n\nText.\n", encoding="utf-8")
    found = _required(tmp_path, "ch1.qmd", QUARTO, REPORT)
    assert found["wb2018"][1].endswith("(its Quarto project's cite-method: biblatex)")
    (tmp_path / "ch1.qmd").write_text(QUARTO.replace("---\n\n", "cite-method: citeproc\n---\n\n"), encoding="utf-8")
    found_own = renderer_of(load_essay(tmp_path / "ch1.qmd"))
    assert found_own is not None and found_own.name == CITEPROC  # the file's own setting wins


@pytest.mark.parametrize(("files", "essay"), [
    ({"paper.Rmd": "---\nbibliography: refs.bib\n---\n\nText.\n"}, "paper.Rmd"),
    ({"index.Rmd": "---\nbibliography: refs.bib\n---\n\nText.\n", "_bookdown.yml": "rmd_files: [index.Rmd]\n"},
     "_bookdown.yml"),
])
def test_the_output_settings_file_that_tells_the_renderer_is_named_as_such(tmp_path: Path, files: dict[str, str],
                                                                           essay: str) -> None:
    # An R Markdown document's or bookdown book's _output.yml was named "its Quarto project" in the messages that
    # say what tells who prints the bibliography.
    for name, text in {**files, "_output.yml": "pdf_document:\n  citation_package: biblatex\n"}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    renderer = renderer_of(load_essay(tmp_path / essay))
    assert renderer is not None and renderer.because == "its _output.yml's citation_package: biblatex"
