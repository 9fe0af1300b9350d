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
from litreview.config import load_config
from litreview.errors import ConfigError, EssayError
from litreview.essay import load_essay
from litreview.pandoc_options import other_format, pandoc_inputs, reads_as_markdown

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


@pytest.mark.parametrize(("name", "markdown"), [
    ("ch1.pdc", True), ("ch1.md", True), ("ch1.Rmd", True), ("ch1.qmd", True), ("ch1.text", True), ("ch1", True),
    ("ch1.rst", False), ("ch1.html", False), ("ch1.tex", False), ("ch1.ipynb", False), ("refs.bib", False),
    ("refs.json", False), ("_quarto.yml", False), ("litreview.toml", False), ("apa.csl", False)])
def test_one_rule_says_which_files_pandoc_reads_as_markdown(name: str, markdown: bool) -> None:
    assert reads_as_markdown(name) is markdown


def test_the_settings_list_takes_every_file_pandoc_reads_as_markdown(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "intro.pdc").write_text("# Intro\n\nFirst [@a].\n", encoding="utf-8")
    (tmp_path / "method.text").write_text("# Method\n\nThen [@b].\n", encoding="utf-8")
    (tmp_path / "litreview.toml").write_text('essay = ["intro.pdc", "method.text"]\n', encoding="utf-8")
    config = load_config(tmp_path, env={})
    essay = load_essay(config.path("essay"))
    assert [(Path(c.file or "").name, [x.key for x in c.citations]) for c in essay.claims if c.citations] == [
        ("intro.pdc", ["a"]), ("method.text", ["b"])]
    (tmp_path / "litreview.toml").write_text('essay = ["intro.pdc", "method.rst"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"method\.rst") as raised:
        load_config(tmp_path, env={})
    assert "reStructuredText" in str(raised.value)


def test_the_mkdocs_essay_list_takes_every_file_pandoc_reads_as_markdown() -> None:
    from mkdocs.exceptions import PluginError

    from litreview.mkdocs_plugin import _essay_files

    assert _essay_files(["lit_review.pdc"], None) == "lit_review.pdc"
    with pytest.raises(PluginError, match=r"paper\.html") as raised:
        _essay_files(["paper.html"], None)
    assert "HTML" in str(raised.value)


def test_a_build_file_joins_chapters_pandoc_reads_as_markdown_by_a_name_it_does_not_know(tmp_path: Path) -> None:
    from litreview.essay import IN_BOOK

    assert pandoc_inputs(["pandoc", "a.pdc", "b.pdc", "c.rst", "2>&1", "2>pandoc.log", "$(OUT).x"], None) == [
        "a.pdc", "b.pdc"]
    (tmp_path / "a.pdc").write_text("# A\n\nFirst [@a].\n", encoding="utf-8")
    (tmp_path / "b.pdc").write_text("# B\n\nThen [@b].\n", encoding="utf-8")
    (tmp_path / "Makefile").write_text("all:\n\tpandoc a.pdc b.pdc -o out.pdf\n", encoding="utf-8")
    assert load_essay(tmp_path / "b.pdc").meta[IN_BOOK] == str(tmp_path / "Makefile")


def test_the_readme_shows_the_refusal_check_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "paper.rst").write_text("Title\n=====\n\nText.\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{a, title = {T}, year = {2000}}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--essay", "paper.rst", "--bib", "refs.bib"]) == 2
    printed = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert printed and all(line in readme for line in printed)
