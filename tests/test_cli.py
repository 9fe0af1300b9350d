"""The command line: help, exit statuses and the JSON contract of `sources`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from litreview.cli import COMMANDS, main

SOURCE_KEYS = ["key", "type", "authors", "editors", "year", "title", "container", "publisher",
               "volume", "number", "pages", "doi", "url", "urldate"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_command_with_examples(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for name in COMMANDS:
        assert f"  {name} " in out
    assert "Examples:" in out


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help(capsys, name):
    code, out, _ = run(capsys, name, "--help")
    assert code == 0
    assert "Usage: litreview" in out and len(out.splitlines()) > 4


def test_sources_json_matches_the_essay_citations(capsys, root, cases, monkeypatch):
    monkeypatch.chdir(root)
    code, out, _ = run(capsys, "sources", "--format", "json")
    assert code == 0
    data = json.loads(out)
    expected = json.loads((cases / "essay_sources" / "expected.json").read_text())
    expected.pop("_about")
    assert [row["key"] for row in data] == list(expected)
    for row in data:
        assert list(row) == SOURCE_KEYS
        family = row["authors"][0]["family"] if row["authors"] else None
        assert [family, row["year"], row["doi"], row["url"]] == expected[row["key"]], row["key"]


def test_sources_csv_and_bibtex_round_trip(capsys, root, monkeypatch, tmp_path):
    monkeypatch.chdir(root)
    code, out, _ = run(capsys, "sources", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("key,type,authors")
    assert len(out.strip().splitlines()) == 25
    code, out, _ = run(capsys, "sources", "--format", "bibtex")
    assert code == 0
    copy = tmp_path / "copy.bib"
    copy.write_text(out)
    code, again, _ = run(capsys, "sources", "--bib", str(copy), "--format", "json")
    assert code == 0
    code, original, _ = run(capsys, "sources", "--format", "json")
    assert json.loads(again) == json.loads(original)


def test_a_broken_entry_costs_only_itself(capsys, cases):
    code, out, err = run(capsys, "sources", "--bib", str(cases / "bib_malformed" / "refs.bib"), "--format", "json")
    assert code == 0 and "smith2000first" in {s["key"] for s in json.loads(out)}
    assert "refs.bib:9: LR100" in err and "refs.bib:1: LR101" in err  # the earlier entry: pandoc uses the later
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["sources", "check", "links", "metadata"])
def test_missing_bib_exits_2(capsys, tmp_path, command):
    # The essay's front matter names another bibliography: a --bib that is missing is still an error.
    code, _, err = run(capsys, command, "--bib", str(tmp_path / "nope.bib"))
    assert code == 2 and "nope.bib: bibliography not found" in err


def test_bad_option_exits_2(capsys):
    code, _, _ = run(capsys, "sources", "--format", "yaml")
    assert code == 2


def test_console_script_runs_as_module(root):
    result = subprocess.run([sys.executable, "-m", "litreview", "sources", "--format", "json"],
                            cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) == 24


def test_missing_essay_is_an_error_but_empty_setting_skips_it(capsys, root, monkeypatch, tmp_path):
    monkeypatch.chdir(root)
    code, _, err = run(capsys, "check", "--essay", str(tmp_path / "missing.md"))
    assert code == 2 and "essay not found" in err
    code, out, _ = run(capsys, "check", "--essay", "", "--format", "json")
    findings = json.loads(out)["findings"]
    assert findings and all(not (f["file"] or "").endswith("essay.md") for f in findings)


def test_an_essay_given_as_an_argument_is_pointed_to_essay(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.tex").write_text("\\begin{document}\nText.\n\\end{document}\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "paper.tex")
    assert code == 2 and "hint: name the essay with --essay: litreview check --essay paper.tex" in err
    code, _, err = run(capsys, "check", "nothing-here")
    assert code == 2 and "hint" not in err  # not a file: only click's own message


@pytest.mark.parametrize(("name", "typed"), [("my paper.md", "'my paper.md'"), ("-draft.md", "./-draft.md")])
def test_the_essay_hint_names_a_file_as_a_shell_takes_it(capsys, tmp_path, monkeypatch, name, typed):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--", name)
    assert code == 2
    assert f"hint: name the essay with --essay: litreview check --essay {typed} " in err
    assert f"litreview init {typed})" in err


def test_import_of_a_missing_document_says_only_that(capsys, tmp_path, monkeypatch):
    # Not "set it with --bib/--essay" nor "litreview init": import reads the path it is given.
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "import", "nope.txt")
    assert code == 2 and "nope.txt: document not found" in err
    assert "--essay" not in err and "litreview init" not in err


def test_directory_option_runs_in_that_folder(capsys, root, monkeypatch, tmp_path):
    # As git -C and make -C: settings found from PATH, relative paths read from it (a hook run from the
    # repository's root for a review kept in a subfolder needs no shell to change folder).
    monkeypatch.chdir(tmp_path)
    code, here, _ = run(capsys, "-C", str(root), "sources", "--format", "json")
    monkeypatch.chdir(root)
    assert code == 0 and json.loads(here) == json.loads(run(capsys, "sources", "--format", "json")[1])
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--directory", str(root), "sources", "--bib", "refs/bibliography.bib")
    assert code == 0, err
    code, _, err = run(capsys, "-C", str(tmp_path / "nowhere"), "check")
    assert code == 2 and "nowhere" in err and "does not exist" in err
    for directory in (["-C", str(tmp_path)], [f"-C{tmp_path}"], [f"--directory={tmp_path}"]):
        code, _, err = run(capsys, *directory, "init", "missing.md")
        assert code == 2 and "no litreview.toml" not in err  # init itself is not told to run init
