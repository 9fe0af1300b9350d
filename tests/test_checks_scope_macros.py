"""`check --since` on the changes a bibliography's maintainer makes: a @string renamed or removed that entries
still name, an entry moved to a file the settings do not read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import git_repo

from litreview.cli import main

STRINGS = '@string{jn = "Journal of Tests"}\n\n'
ARTICLE = ("@article{old2001,\n  author = {Roe, Rita},\n  title = {Good},\n  journal = jn,\n  year = {2001},\n"
           "  doi = {10.1234/good},\n}\n")
BOOK = "@book{book2003,\n  author = {Poe, Paul},\n  title = {Kept},\n  publisher = {P},\n  year = {2003},\n}\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A review whose refs.bib defines @string jn (line 1), which old2001 (lines 3-10) names for its journal."""
    write(tmp_path / "refs.bib", STRINGS + ARTICLE + "\n" + BOOK)
    write(tmp_path / "essay.md", "# One\n\nA claim [@old2001]. Another [@book2003].\n")
    write(tmp_path / "litreview.toml", 'essay = "essay.md"\nbibliography = "refs.bib"\n')
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def checked(*args: str, capsys) -> tuple[int, dict, str]:
    status = main(["check", "--no-cache", "--format", "json", "--since", "base", *args])
    out, err = capsys.readouterr()
    return status, json.loads(out), err


def test_a_string_the_change_renamed_says_so_and_leaves_the_entry_compared(repo: Path, capsys) -> None:
    # A macro renamed under the entries that name it: the field is empty for BibTeX, and the entry is read whole.
    # It was called unreadable ("could not be read ... not compared"), and the hint said to define the macro.
    write(repo / "refs.bib", STRINGS.replace("{jn =", "{jts =") + ARTICLE + "\n" + BOOK)
    status, report, err = checked(capsys=capsys)
    assert status == 1
    [found] = report["findings"]
    assert (found["code"], found["key"], found["line"]) == ("LR100", "old2001", 6)
    assert found["hint"] == ("This change renamed @string 'jn' to 'jts' on line 1, and this field still names 'jn': "
                             "write jts here, or give the @string its old name back")
    assert "could not be read" not in err
    assert "unreadable_entries" not in report["summary"] and report["summary"]["fixed"] == 0


def test_a_renamed_strings_annotation_sits_on_the_line_the_change_rewrote(repo: Path, capsys) -> None:
    write(repo / "refs.bib", STRINGS.replace("{jn =", "{jts =") + ARTICLE + "\n" + BOOK)
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    out = capsys.readouterr().out
    assert "::error file=refs.bib,line=1,title=LR100 bibtex-syntax::[old2001]" in out
    assert "(line 6 names it)%0Ahint: This change renamed @string 'jn' to 'jts' on line 1" in out
    assert "could not be read" not in out


def test_a_string_the_change_removed_says_so(repo: Path, capsys) -> None:
    write(repo / "refs.bib", ARTICLE + "\n" + BOOK)
    status, report, _ = checked(capsys=capsys)
    assert status == 1
    [found] = report["findings"]
    assert (found["code"], found["line"]) == ("LR100", 4)
    assert found["hint"] == ("This change removed @string 'jn' (line 1 of the base), which this field still names: "
                             "define it again, or write the value in full")


def test_a_new_entry_naming_a_string_no_file_defined_keeps_the_usual_hint(repo: Path, capsys) -> None:
    added = ARTICLE.replace("old2001", "new2002").replace("= jn", "= jx").replace("good", "new")
    write(repo / "refs.bib", STRINGS + ARTICLE + "\n" + BOOK + "\n" + added)
    status, report, err = checked(capsys=capsys)
    assert status == 1
    codes = {(f["code"], f["key"]): f for f in report["findings"]}
    assert codes[("LR100", "new2002")]["hint"].startswith("Write journal = {jx} if it is text")
    assert "could not be read" not in err


def test_an_entry_moved_to_a_file_the_settings_do_not_read_says_where(repo: Path, capsys) -> None:
    # Moved to a new file the settings do not name: "This change removed the entry" read as a deletion.
    write(repo / "refs.bib", STRINGS + ARTICLE)
    write(repo / "more.bib", BOOK)
    status, report, _ = checked(capsys=capsys)
    assert status == 1
    [found] = report["findings"]
    assert (found["code"], found["message"]) == ("LR300", "citation '@book2003' matches no entry")
    assert found["hint"] == ("This change moved the entry 'book2003' to more.bib, which is not read: no bibliography "
                             "setting names it; add it to bibliography = [...] in litreview.toml, or move the entry "
                             "back")
    write(repo / "litreview.toml", 'essay = "essay.md"\nbibliography = ["refs.bib", "more.bib"]\n')
    status, report, _ = checked(capsys=capsys)
    assert (status, report["findings"]) == (0, [])
