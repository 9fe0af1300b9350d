"""A crossref or xdata naming an entry of another bibliography file of the same manuscript: biber resolves them
across a document's files (the children inherit booktitle, publisher, year); pandoc reads each file alone."""

from __future__ import annotations

from pathlib import Path

from litreview.config import Config
from litreview.review import build_review

PROCEEDINGS = """@proceedings{icse2020,
  title = {Proceedings of the Conference on Careful Testing},
  editor = {Rivers, Ann and Stone, Bo},
  publisher = {Small Press},
  address = {Leeds},
  year = {2020},
}
"""
PAPERS = """@inproceedings{smith2020,
  author = {Smith, Jane and Doe, John},
  title = {Testing things carefully},
  pages = {1--10},
  crossref = {icse2020},
}
"""
SHARED = "@xdata{press, publisher = {Small Press}, location = {Leeds}, year = {2019}}\n"
BOOK = "@book{lee2019, author = {Lee, Kim}, title = {A book of tests}, xdata = {press}, related = {icse2020}}\n"
MARKDOWN = "---\nbibliography: [{files}]\n---\n\nTesting matters [@smith2020; @lee2019].\n"
LATEX = ("\\documentclass{article}\n\\begin{document}\nTesting matters \\cite{smith2020,lee2019}.\n"
         "\\bibliography{{{files}}}\n\\end{document}\n")


def _review(tmp_path: Path, essay: str, *files: tuple[str, str]):
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
    names = [name for name, _ in files]
    if essay.endswith(".md"):
        text = MARKDOWN.replace("{files}", ", ".join(names))
    else:
        text = LATEX.replace("{{{files}}}", "{" + ",".join(n.removesuffix(".bib") for n in names) + "}")
    (tmp_path / essay).write_text(text, encoding="utf-8")
    return build_review(Config(root=tmp_path, essay=essay, bibliography=tuple(names), claims=""))


def _codes(review, *codes: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.severity, f.key) for f in review.findings if f.code in codes]


def test_a_child_inherits_from_its_parent_in_another_file_as_biber_reads_them(tmp_path: Path) -> None:
    # Both orders: the parent's file given first or last.
    for order in (("papers.bib", PAPERS), ("procs.bib", PROCEEDINGS)), (("procs.bib", PROCEEDINGS), ("papers.bib", PAPERS)):
        review = _review(tmp_path, "paper.tex", *order)
        source = next(s for s in review.bibliography.sources if s.key == "smith2020")
        assert (source.container, source.publisher, source.year) == (
            "Proceedings of the Conference on Careful Testing", "Small Press", 2020)
        assert source.field("editor") == "Rivers, Ann and Stone, Bo"
        assert source.line_of("booktitle") == 1  # inherited: the entry's line, in its own file
        assert source.file is not None and source.file.endswith("papers.bib")
        # No missing booktitle or year (LR110), no missing publisher (LR111), no dangling crossref (LR112).
        assert _codes(review, "LR110", "LR111", "LR112") == []


def test_xdata_and_related_naming_another_file_are_no_dangling_links(tmp_path: Path) -> None:
    review = _review(tmp_path, "paper.tex", ("books.bib", BOOK), ("shared.bib", SHARED + PROCEEDINGS))
    source = next(s for s in review.bibliography.sources if s.key == "lee2019")
    assert (source.publisher, source.year, source.field("location")) == ("Small Press", 2019, "Leeds")
    assert _codes(review, "LR110", "LR111", "LR112") == []


def test_a_parent_no_file_holds_is_still_dangling(tmp_path: Path) -> None:
    review = _review(tmp_path, "paper.tex", ("papers.bib", PAPERS), ("books.bib", BOOK), ("other.bib", SHARED))
    assert ("LR112", "error", "smith2020") in _codes(review, "LR112")
    assert sorted(f.message for f in review.findings if f.code == "LR112") == [
        "crossref names no entry of the bibliography: 'icse2020'", "related names no entry of the bibliography: 'icse2020'"]


def test_a_manuscript_pandoc_builds_is_told_that_pandoc_does_not_inherit_across_files(tmp_path: Path) -> None:
    # pandoc 3 prints smith2020 as "Smith, Jane, and John Doe. n.d. “Testing Things Carefully.” 1–10." when the
    # proceedings are in another --bibliography file; biber inherits them.
    review = _review(tmp_path, "essay.md", ("papers.bib", PAPERS), ("books.bib", BOOK),
                     ("shared.bib", SHARED + PROCEEDINGS))
    told = [f for f in review.findings if f.code == "LR112"]
    assert [(f.severity, f.key, Path(f.file or "").name, f.line) for f in told] == [
        ("warning", "lee2019", "books.bib", 1), ("warning", "smith2020", "papers.bib", 5)]
    assert told[1].message == ("crossref names 'icse2020', an entry of shared.bib: biber inherits its fields across "
                               "the files, pandoc reads each file alone and prints this entry without them")
    assert _codes(review, "LR110", "LR111") == []
    # In one file, pandoc inherits too: nothing to tell.
    review = _review(tmp_path, "essay.md", ("all.bib", PAPERS + BOOK + SHARED + PROCEEDINGS))
    assert _codes(review, "LR110", "LR111", "LR112") == []
