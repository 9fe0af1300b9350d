"""A bookdown book (`_bookdown.yml`): its chapters read as one essay, index.Rmd's bibliography for the book and
for a chapter checked alone, as bookdown merges the chapters and gives them index.Rmd's front matter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.cache import input_key
from litreview.cli import main
from litreview.config import load_config, make_config
from litreview.errors import EssayError
from litreview.essay import load_essay
from litreview.essay.bookdown import chapter_files
from litreview.review import bibliography_files

BOOK = "@book{{{key},\n  author = {{Doe, Jane}},\n  title = {{T {key}}},\n  publisher = {{P}},\n  year = {{2001}},\n}}\n"
CHAPTERS = {
    "index.Rmd": "---\ntitle: \"A Minimal Book\"\nsite: bookdown::bookdown_site\nbibliography: [book.bib, packages.bib]\n"
                 "---\n\n# Prerequisites\n\nThis book uses R [@R-base].\n\n```{r}\nx <- '@notacitation'\n```\n",
    "02-methods.Rmd": "# Methods {#methods}\n\nAs in \\@ref(intro), we follow @knuth1984 [p. 3].\n",
    "01-intro.Rmd": "# Introduction {#intro}\n\nSee Figure \\@ref(fig:map).\n\nWe cite [@lamport1986; @ghost2020].\n",
    "_draft.Rmd": "# Draft\n\nNot merged [@draft2020].\n",
}


@pytest.fixture
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LITREVIEW_BIB", raising=False)
    for name, text in CHAPTERS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "_bookdown.yml").write_text('book_filename: "minimal"\n', encoding="utf-8")
    (tmp_path / "book.bib").write_text(BOOK.format(key="knuth1984") + BOOK.format(key="lamport1986"),
                                       encoding="utf-8")
    (tmp_path / "packages.bib").write_text(BOOK.format(key="R-base"), encoding="utf-8")
    return tmp_path


def test_the_chapters_in_bookdowns_order(book: Path) -> None:
    # index.Rmd first, then by name; _draft.Rmd skipped (bookdown's rule without rmd_files).
    assert [p.name for p in chapter_files(book / "_bookdown.yml")] == ["index.Rmd", "01-intro.Rmd", "02-methods.Rmd"]
    (book / "_bookdown.yml").write_text("rmd_files:\n  html: [index.Rmd, 02-methods.Rmd]\n  latex: [index.Rmd]\n",
                                        encoding="utf-8")
    assert [p.name for p in chapter_files(book / "_bookdown.yml")] == ["index.Rmd", "02-methods.Rmd"]


def test_a_missing_chapter_is_reported_at_the_line_that_lists_it(book: Path) -> None:
    (book / "_bookdown.yml").write_text('book_filename: "minimal"\nrmd_files: ["index.Rmd", "01-intro.Rmd",\n'
                                        '  "chapters/09-gone.Rmd"]\n', encoding="utf-8")
    with pytest.raises(EssayError) as err:
        load_essay(book / "_bookdown.yml")
    assert (err.value.path, err.value.line, err.value.message) == (str(book / "_bookdown.yml"), 3,
                                                                  "chapter chapters/09-gone.Rmd not found")
    assert "take it out of rmd_files: in _bookdown.yml" in err.value.hint


def test_each_claim_in_its_chapter_and_the_books_bibliography(book: Path) -> None:
    essay = load_essay(book / "_bookdown.yml")
    cited = [(Path(c.file or "").name, c.line, cite.key) for c in essay.claims for cite in c.citations or ()]
    assert cited == [("index.Rmd", 9, "R-base"), ("01-intro.Rmd", 5, "lamport1986"),
                     ("01-intro.Rmd", 5, "ghost2020"), ("02-methods.Rmd", 3, "knuth1984")]
    assert essay.meta["bibliography"] == ["book.bib", "packages.bib"] and essay.meta["title"] == "A Minimal Book"


def test_check_the_book_and_one_chapter_alone(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--essay", "_bookdown.yml", "--claims", "", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["code"], Path(f["file"]).name, f["line"]) for f in found] == [("LR300", "01-intro.Rmd", 5)]
    # A chapter alone has index.Rmd's bibliography, as bookdown gives it (entries cited elsewhere: LR307, a warning:
    # the chapter alone cannot tell whether another chapter cites them, so the check does not fail on them).
    assert main(["check", "--essay", "02-methods.Rmd", "--claims", "", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)["findings"]
    assert sorted((f["code"], f["key"], f["severity"]) for f in found) == [("LR307", "R-base", "warning"),
                                                                          ("LR307", "lamport1986", "warning")]
    assert all("--essay _bookdown.yml reviews them together" in f["message"] for f in found)


def test_init_takes_the_book_its_bibliographies_and_title(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "_bookdown.yml"]) == 0
    config = load_config(book, env={})
    # The settings leave the bibliography out: the files index.Rmd names are read, and followed.
    assert config.essay == "_bookdown.yml" and bibliography_files(config) == (book / "book.bib", book / "packages.bib")
    assert 'site_name: "Review: A Minimal Book"' in (book / "mkdocs.yml").read_text(encoding="utf-8")


def test_init_of_one_chapter_keeps_the_books_bibliography_and_says_so(book: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "01-intro.Rmd"]) == 0
    assert load_config(book, env={}).bibliography == ("book.bib", "packages.bib")
    assert "`litreview init _bookdown.yml` reviews the book's chapters together" in capsys.readouterr().out


def test_a_chapter_edit_changes_the_cache_key(book: Path) -> None:
    config = make_config(root=book, essay="_bookdown.yml", bibliography="book.bib")
    before = input_key(config)
    (book / "02-methods.Rmd").write_text("# Methods\n\nChanged [@knuth1984].\n", encoding="utf-8")
    assert before is not None and input_key(config) not in (None, before)


def test_a_book_without_chapters_or_with_one_missing_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "_bookdown.yml").write_text("book_filename: x\n", encoding="utf-8")
    with pytest.raises(EssayError, match="no chapters"):
        load_essay(tmp_path / "_bookdown.yml")
    (tmp_path / "_bookdown.yml").write_text("rmd_files: [index.Rmd, gone.Rmd]\n", encoding="utf-8")
    (tmp_path / "index.Rmd").write_text("# I\n\nText.\n", encoding="utf-8")
    with pytest.raises(EssayError) as exc:
        load_essay(tmp_path / "_bookdown.yml")
    # At the line of the settings that lists it, naming it: the file the author edits to fix it.
    assert (exc.value.path, exc.value.line) == (str(tmp_path / "_bookdown.yml"), 1)
    assert "gone.Rmd not found" in exc.value.message and "rmd_files" in exc.value.hint


def test_a_chapters_yaml_block_sets_the_books_bibliography_and_references(book: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # bookdown joins the chapters as written, YAML blocks and all; pandoc 3.9 reads the joined text with the later
    # block's bibliography (only knuth1984 and lamport1986 found: "R-base not found") and its references.
    (book / "02-methods.Rmd").write_text(
        "---\nbibliography: book.bib\nreferences:\n- id: inline2020\n  type: book\n  title: Inline\n"
        "  publisher: P\n  issued: {date-parts: [[2020]]}\n  author: [{family: Roe, given: Ann}]\n---\n\n"
        "# Methods {#methods}\n\nWe follow @knuth1984 [p. 3] and @inline2020.\n", encoding="utf-8")
    essay = load_essay(book / "_bookdown.yml")
    assert essay.meta["bibliography"] == "book.bib" and essay.meta["title"] == "A Minimal Book"
    assert main(["check", "--essay", "_bookdown.yml", "--claims", "", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert sorted((f["code"], f.get("key") or f["message"].split("'")[1]) for f in found) == [
        ("LR300", "@R-base"), ("LR300", "@ghost2020")]
    # A chapter checked alone is built within the book: the same bibliography and references.
    assert main(["check", "--essay", "01-intro.Rmd", "--claims", "", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert sorted(f["code"] for f in found) == ["LR300", "LR307", "LR307"]
