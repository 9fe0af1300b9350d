"""A bibliography, a PDF or a Word file given where `init` wants a manuscript, or `import` a reference list: the
error says what the file is and the command that does what the user meant, and nothing is written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from litreview.cli import main

BIB = "@book{waltz1979, author = {Waltz, Kenneth}, title = {Theory of International Politics}, year = {1979}}\n"
CSL = '[{"id": "waltz1979", "type": "book", "title": "Theory of International Politics"}]\n'


def _pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\xa4\xff\x00trailer\n")


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, " ".join((out.err + out.out).split())


@pytest.mark.parametrize(("name", "text"), [("refs.bib", BIB), ("refs.json", CSL)])
def test_init_on_a_bibliography_says_how_to_review_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], name: str,
                                                      text: str) -> None:
    # `litreview init refs.bib` said only "a .bib file is not a manuscript": the way to review a bibliography,
    # alone or with its essay, was in no message.
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, said = _run(["init", name], capsys)
    assert code == 2
    assert f"{name}: a bibliography, not a manuscript" in said
    assert f"litreview init --bib {name}" in said and f"litreview init paper.md --bib {name}" in said
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written
    code, _ = _run(["init", "--bib", name], capsys)  # the command it gives works
    assert code == 0


@pytest.mark.parametrize(("name", "make", "convert"), [
    ("paper.docx", _docx, "pandoc paper.docx -o paper.md"),
    ("paper.pdf", _pdf, "pdftotext paper.pdf paper.md"),
])
def test_init_on_a_word_or_pdf_file_says_how_to_convert_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str], name: str,
                                                            make: object, convert: str) -> None:
    assert callable(make)
    make(tmp_path / name)
    monkeypatch.chdir(tmp_path)
    code, said = _run(["init", name], capsys)
    assert code == 2 and f"{convert}" in said and "litreview init paper.md" in said
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_init_on_a_quarto_project_file_is_still_a_manuscript(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n",
                                          encoding="utf-8")
    (tmp_path / "index.qmd").write_text("# Intro\n\nStates balance.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, said = _run(["init", "_quarto.yml"], capsys)
    assert code == 0 and "not a manuscript" not in said


@pytest.mark.parametrize(("name", "make", "said_here"), [
    # a PDF was read as text: "not valid UTF-8 ... re-save the file as UTF-8", which no PDF can be
    ("paper.pdf", _pdf, "pdftotext paper.pdf - | litreview import -"),
    ("paper.docx", _docx, "pandoc paper.docx -t plain | litreview import -"),
])
def test_import_of_a_pdf_or_word_file_says_how_to_take_its_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str], name: str,
                                                                make: object, said_here: str) -> None:
    assert callable(make)
    make(tmp_path / name)
    monkeypatch.chdir(tmp_path)
    code, said = _run(["import", name], capsys)
    assert code == 2 and said_here in said and "UTF-8" not in said


@pytest.mark.parametrize(("name", "text"), [("refs.bib", BIB), ("refs.json", CSL)])
def test_import_of_a_bibliography_says_it_is_one_already(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str], name: str,
                                                         text: str) -> None:
    # A .bib was parsed as a reference list: each of its lines an entry, every field uncertain.
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, said = _run(["import", name], capsys)
    assert code == 2 and f"{name}: a bibliography already: there is no reference list to import" in said
    assert f"litreview init --bib {name}" in said
    assert _run(["import", name, "--whole"], capsys)[0] == 2  # its lines are no references, whichever way cut


def test_import_of_a_missing_bib_says_it_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, said = _run(["import", "refs.bib"], capsys)
    assert code == 2 and "not found" in said and "bibliography already" not in said


@pytest.mark.parametrize(("name", "text"), [
    ("thesis.tex", "\\documentclass{book}\n\\usepackage{biblatex}\n\\addbibresource{refs.bib}\n\\begin{document}\n"
                   "Waltz argued it \\cite{waltz1979}.\n\\printbibliography\n\\end{document}\n"),
    ("paper.md", "---\ntitle: T\nbibliography: refs.bib\n---\n\nWaltz argued it [@waltz1979].\n"),
])
def test_import_of_a_manuscript_whose_references_are_in_its_bib_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str,
        text: str) -> None:
    # A thesis that cites from a .bib holds no reference list: its lines (the preamble's too) were imported as 56
    # references, every field uncertain. The error names the bibliography and what to run instead.
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, said = _run(["import", name], capsys)
    assert code == 2 and f"{name}: no reference list to import: its references are in refs.bib" in said, said
    assert f"litreview init {name}" in said and "pandoc" in said
    # A reference section of its own is still imported; so is the whole file when asked.
    (tmp_path / name).write_text(text + "\nReferences\n\nWaltz, Kenneth. 1979. Theory of International Politics. "
                                 "Reading: Addison-Wesley.\n", encoding="utf-8")
    assert _run(["import", name], capsys)[0] == 0
