"""A manuscript's file name as pandoc reads it: the extensions pandoc reads as Markdown (``.text``, ``.mkdn``,
``.mdwn``) and a name it does not know (``lit_review.pdc``, a gpp-preprocessed chapter) are Markdown, as pandoc reads
them; a name pandoc reads as another format (``paper.rst``, ``paper.html``) is refused with a message naming the file,
the format and how to convert it, not read as Markdown with its markup taken for sentences. The manuscript
benchmark takes what the reader takes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from litreview.cli import main
from litreview.errors import EssayError
from litreview.essay import load_essay
from litreview.pandoc_options import other_format, pandoc_inputs

ROOT = Path(__file__).resolve().parents[1]
TEXT = "# Review\n\nThe manuscript was copied in 1745 [@burrows2005, p. 277].\n"


@pytest.mark.parametrize("name", ["lit_review.pdc", "chapter.text", "chapter.mkdn", "chapter.mdwn", "chapter.txt",
                                  "chapter"])
def test_a_name_pandoc_reads_as_markdown_is_read_as_markdown(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(TEXT, encoding="utf-8")
    essay = load_essay(tmp_path / name)
    assert [c.key for claim in essay.claims for c in claim.citations] == ["burrows2005"]
    assert other_format(name) == ""


@pytest.mark.parametrize(("name", "form"), [("paper.rst", "reStructuredText"), ("paper.html", "HTML"),
                                            ("paper.org", "Org"), ("paper.adoc", "AsciiDoc"), ("paper.typ", "Typst")])
def test_a_name_pandoc_reads_as_another_format_is_refused_with_how_to_convert(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str,
        form: str) -> None:
    (tmp_path / name).write_text("Title\n=====\n\nSee :cite:`burrows2005`.\n", encoding="utf-8")
    with pytest.raises(EssayError) as raised:
        load_essay(tmp_path / name)
    said = str(raised.value) + " " + (raised.value.hint or "")
    assert name in said and f"as {form}" in said and f"pandoc {name} -t markdown -o paper.md" in said
    (tmp_path / "refs.bib").write_text("@book{burrows2005, author = {Burrows, Donald}, title = {Handel}, "
                                       "year = {2005}}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--essay", name, "--bib", "refs.bib"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert name in err and form in err and "Traceback" not in err


def test_a_build_file_joins_chapters_of_every_markdown_name_pandoc_knows() -> None:
    assert pandoc_inputs(["pandoc", "a.text", "b.mkdn", "c.mdwn", "d.rst", "-o", "out.pdf"], None) == [
        "a.text", "b.mkdn", "c.mdwn"]


def test_the_manuscript_benchmark_takes_a_listed_file_pandoc_reads_as_markdown(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.manuscript_dir import documents, form_of

    (tmp_path / "lit_review.pdc").write_text(TEXT, encoding="utf-8")
    (tmp_path / "paper.rst").write_text("Title\n=====\n", encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("name\tsource\tbib\nmusic\tlit_review.pdc\tthesis.json\n", encoding="utf-8")
    assert list(documents(tmp_path)) == [(tmp_path / "lit_review.pdc", "markdown")]
    assert form_of(tmp_path / "paper.rst") == ""
