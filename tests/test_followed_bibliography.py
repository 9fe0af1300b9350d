"""A bibliography that follows the essay: `init` leaves the setting out when the essay names its files, so that a
file the front matter adds or renames later is read (a copied setting went stale: LR321); `add` writes to the
files the essay names, and the cache keys on them."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from litreview import cache
from litreview.cli import main
from litreview.config import load_config
from litreview.review import bibliography_files, build_review

ENTRY = "@book{{{key},\n  author = {{Doe, Jane}},\n  title = {{A Book}},\n  publisher = {{Pub}},\n  year = {{2001}},\n}}\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(ENTRY.format(key="a"), encoding="utf-8")
    (tmp_path / "more.bib").write_text(ENTRY.format(key="b"), encoding="utf-8")
    (tmp_path / "paper.md").write_text("---\ntitle: P\nbibliography: refs.bib\n---\n\nText [@a].\n", encoding="utf-8")
    return tmp_path


def _codes() -> set[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--format", "json", "--no-cache"])
    return {f["code"] for f in json.loads(out.getvalue())["findings"]}


def test_init_leaves_the_bibliography_the_essay_names_out_and_a_later_change_is_followed(here: Path) -> None:
    assert main(["init", "paper.md"]) == 0
    settings = (here / "litreview.toml").read_text(encoding="utf-8")
    assert "\nbibliography =" not in settings and '# followed when it names others; bibliography = "refs.bib"' in settings
    # "would fix them" read as "would repair them": the setting pins the files, whatever the essay names later
    assert 'bibliography = "refs.bib" would pin them (these files, whatever paper.md names later)' in settings
    assert bibliography_files(load_config(here, env={})) == (here / "refs.bib",)
    # The author adds a file to the front matter: it is read (a setting copied by init gave LR321 and LR300).
    (here / "paper.md").write_text("---\ntitle: P\nbibliography: [refs.bib, more.bib]\n---\n\nText [@a; @b].\n",
                                   encoding="utf-8")
    assert not _codes() & {"LR300", "LR321"}
    assert bibliography_files(load_config(here, env={})) == (here / "refs.bib", here / "more.bib")


@pytest.mark.parametrize("how", ["--bib", "default-exists"])
def test_a_bibliography_given_or_the_default_file_is_written_down(here: Path, how: str) -> None:
    if how == "default-exists":  # refs/bibliography.bib would be read instead of the essay's: the setting says which
        (here / "refs").mkdir()
        (here / "refs" / "bibliography.bib").write_text(ENTRY.format(key="z"), encoding="utf-8")
        assert main(["init", "paper.md"]) == 0
        assert 'bibliography = "refs.bib"' in (here / "litreview.toml").read_text(encoding="utf-8")
    else:
        assert main(["init", "paper.md", "--bib", "more.bib"]) == 0
        assert 'bibliography = "more.bib"' in (here / "litreview.toml").read_text(encoding="utf-8")


def test_add_writes_to_the_file_the_essay_names(here: Path) -> None:
    from litreview.commands._options import bibliography_to_write

    (here / "litreview.toml").write_text('essay = "paper.md"\n', encoding="utf-8")
    # Not refs/bibliography.bib: once written, it would be read instead of the essay's file.
    assert bibliography_to_write(load_config(here, env={}), "litreview add") == here / "refs.bib"


def test_a_followed_bibliography_is_cached_and_a_change_to_it_misses(here: Path) -> None:
    (here / "litreview.toml").write_text('essay = "paper.md"\nclaims = ""\n', encoding="utf-8")
    config = load_config(here, env={})
    build_review(config, cache=True)  # a cold run records the files the essay names
    key = cache.input_key(config)
    assert key is not None and cache.input_key(config) == key
    (here / "refs.bib").write_text(ENTRY.format(key="a") + ENTRY.format(key="c"), encoding="utf-8")
    assert cache.input_key(config) not in (None, key)
    (here / "paper.md").write_text("---\nbibliography: more.bib\n---\n\nText [@b].\n", encoding="utf-8")
    assert cache.input_key(config) is None  # the essay changed: which files it names is known after a build


def test_the_input_key_reads_the_essay_once_when_the_bibliography_follows_it(here: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # The key read the essay for itself and again for the digest that says whether the followed files still hold.
    (here / "litreview.toml").write_text('essay = "paper.md"\nclaims = ""\n', encoding="utf-8")
    config = load_config(here, env={})
    build_review(config, cache=True)  # a cold run records the files the essay names
    key = cache.input_key(config)
    reads: list[str] = []
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        reads.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    assert key is not None and cache.input_key(config) == key
    assert reads.count("paper.md") == 1 and reads.count("refs.bib") == 1


def test_a_mistyped_bib_option_is_answered_with_the_option_to_give(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "check --bib rfes.bib": the hint spoke of the settings file and ended "or give it with --bib", naming no file
    # for the option the user had just mistyped.
    assert main(["check", "--essay", "paper.md", "--bib", "rfes.bib", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "rfes.bib: bibliography not found" in err and "give it with --bib refs.bib" in err


def test_an_essay_naming_no_bibliography_is_said_to_name_none(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A misspelt key ("bibliograpy:") left the default refs/bibliography.bib "not found", with the hint to check a
    # path nobody wrote.
    (here / "paper.md").write_text("---\ntitle: P\nbibliograpy: refs.bib\n---\n\nText [@a].\n", encoding="utf-8")
    assert main(["check", "--essay", "paper.md", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: refs/bibliography.bib: bibliography not found")
    assert "paper.md names no bibliography file" in err and "name the file in paper.md" in err


def test_a_bibliography_renamed_without_its_name_in_the_front_matter_stops_at_that_line(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The stop named the manuscript alone; in a long front matter the bibliography: key is the line to fix. A name in
    # a list is found on its own line.
    (here / "refs.bib").rename(here / "renamed.bib")
    assert main(["check", "--essay", "paper.md", "--no-cache"]) == 2
    assert "paper.md names it on line 3: fix the name there" in capsys.readouterr().err
    (here / "paper.md").write_text("---\ntitle: P\nbibliography:\n  - more.bib\n  - refs.bib\n---\n\nText [@a].\n",
                                   encoding="utf-8")
    assert main(["check", "--essay", "paper.md", "--no-cache"]) == 2
    assert "paper.md names it on line 5: fix the name there" in capsys.readouterr().err


@pytest.mark.parametrize("how", ["option", "setting"])
def test_a_missing_essay_is_named_not_the_default_bibliography(here: Path, capsys: pytest.CaptureFixture[str],
                                                               how: str) -> None:
    # A mistyped essay with no bibliography setting stopped on "refs/bibliography.bib: bibliography not found", a
    # file nobody wrote, and never named the essay.
    if how == "setting":
        (here / "litreview.toml").write_text('essay = "papr.md"\n', encoding="utf-8")
    assert main(["check", "--no-cache", *(["--essay", "papr.md"] if how == "option" else [])]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: papr.md: essay not found") and "bibliography" not in err


def test_a_bibliography_the_essay_names_that_is_a_folder_is_said_to_be_one(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "refs.bib: bibliography not found" sent the user looking for a file that is there, as a folder.
    (here / "refs.bib").unlink()
    (here / "refs.bib").mkdir()
    assert main(["check", "--essay", "paper.md", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: refs.bib: bibliography is a folder, not a file")
    assert "paper.md names it on line 3" in err


@pytest.mark.parametrize("names", ["front matter", "Makefile"])
def test_a_followed_bibliography_outside_the_project_is_cached_and_a_change_to_it_misses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, names: str) -> None:
    # The file the essay (or the build file pandoc runs) names sits in a folder beside the project's, shared by
    # several papers: an edit to it must miss as an edit to one inside does.
    (tmp_path / "shared").mkdir()
    project = tmp_path / "paper"
    project.mkdir()
    monkeypatch.chdir(project)
    (tmp_path / "shared" / "refs.bib").write_text(ENTRY.format(key="a"), encoding="utf-8")
    if names == "Makefile":
        (project / "paper.md").write_text("Text [@a; @c].\n", encoding="utf-8")
        (project / "Makefile").write_text("all:\n\tpandoc paper.md --citeproc --bibliography ../shared/refs.bib\n",
                                          encoding="utf-8")
    else:
        (project / "paper.md").write_text("---\nbibliography: ../shared/refs.bib\n---\n\nText [@a; @c].\n",
                                          encoding="utf-8")
    (project / "litreview.toml").write_text(f'essay = "{"Makefile" if names == "Makefile" else "paper.md"}"\n'
                                            'claims = ""\n', encoding="utf-8")
    config = load_config(project, env={})
    build_review(config, cache=True)
    key = cache.input_key(config)
    assert key is not None and cache.input_key(config) == key
    (tmp_path / "shared" / "refs.bib").write_text(ENTRY.format(key="a") + ENTRY.format(key="c"), encoding="utf-8")
    assert cache.input_key(config) not in (None, key)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--format", "json"])
    assert "LR300" not in {f["code"] for f in json.loads(out.getvalue())["findings"]}


def test_a_latex_bibliography_named_by_jobname_is_the_main_files_own(here: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # \bibliography{\jobname} names termpaper.bib for termpaper.tex (TeX's \jobname is the file LaTeX runs on): init
    # said "\jobname.bib does not exist", wrote the .bib beside it down, and check warned LR321 on every run.
    (here / "termpaper.bib").write_text(ENTRY.format(key="a"), encoding="utf-8")
    (here / "termpaper.tex").write_text("\\documentclass{article}\n\\begin{document}\nText \\cite{a}.\n"
                                        "\\bibliographystyle{unsrt}\n\\bibliography{\\jobname}\n\\end{document}\n",
                                        encoding="utf-8")
    assert main(["init", "termpaper.tex"]) == 0
    assert "jobname" not in capsys.readouterr().err
    assert "\nbibliography =" not in (here / "litreview.toml").read_text(encoding="utf-8")
    assert bibliography_files(load_config(here, env={})) == (here / "termpaper.bib",)
    assert not _codes() & {"LR300", "LR307", "LR321"}
    # A name around it: \jobname-refs.
    (here / "termpaper-refs.bib").write_text(ENTRY.format(key="b"), encoding="utf-8")
    (here / "termpaper.tex").write_text("\\documentclass{article}\n\\begin{document}\nText \\cite{a,b}.\n"
                                        "\\bibliography{\\jobname, \\jobname-refs}\n\\end{document}\n",
                                        encoding="utf-8")
    assert not _codes() & {"LR300", "LR321"}


@pytest.mark.parametrize("written", ['!expr here::here("refs.bib")', "\"`r here::here('refs.bib')`\""])
def test_a_bibliography_given_by_r_code_is_said_to_be_r_code(here: Path, capsys: pytest.CaptureFixture[str],
                                                              written: str) -> None:
    # R Markdown's "bibliography: !expr here::here(...)" (or knitr's inline "`r ...`") is rightly no file name, but the
    # message said the document names no bibliography file: it names one by R code, which litreview does not run.
    (here / "paper.Rmd").write_text(f"---\ntitle: P\nbibliography: {written}\n---\n\nText [@a].\n", encoding="utf-8")
    assert main(["check", "--essay", "paper.Rmd", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: paper.Rmd:3: the bibliography is given by R code, which litreview does not run")
    assert "here::here(" in err and "names no bibliography file" not in err
    assert "--bib" in err and "litreview.toml" in err
