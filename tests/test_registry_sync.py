"""sync: corrections proposed from the snapshot, applied byte-for-byte only where accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.bibliography.bibedit import BibEditError, apply_edits, find_entry, set_field
from litreview.bibliography.load import parse_bibliography
from litreview.cli import main
from litreview.config import Config
from litreview.registry.fetch import fetch_all
from litreview.testing.fake_registry import FakeRegistry
from litreview.testing.helpers import FAKE_LIMITS, FAST_LIMITS, FAST_POLICY, bibliography_for

CASES = Path(__file__).resolve().parent / "cases"

TEXT = """% comment kept
@article{a,
  author = {Doe, Jane},
  title  = "Old {T}itle",
  year   = 2001,
  pages  = {1--2}
}

@book{b, title={X}, year={1999},}
"""


def test_find_entry_and_fields() -> None:
    entry = find_entry(TEXT, 2)
    assert entry.key == "a" and [f.name for f in entry.fields] == ["author", "title", "year", "pages"]
    title = entry.field("title")
    assert TEXT[title.value_start:title.value_end] == '"Old {T}itle"'
    with pytest.raises(BibEditError):
        find_entry(TEXT, 1)


def test_replace_keeps_delimiters_and_every_other_byte() -> None:
    entry = find_entry(TEXT, 2)
    edits = set_field(TEXT, entry, "title", "New Title") + set_field(TEXT, entry, "year", "2002")
    out = apply_edits(TEXT, edits)
    assert out == TEXT.replace('"Old {T}itle"', '"New Title"').replace("= 2001,", "= 2002,")


def test_adding_fields_follows_the_layout() -> None:
    entry = find_entry(TEXT, 2)
    out = apply_edits(TEXT, set_field(TEXT, entry, "doi", "10.1/x") + set_field(TEXT, entry, "volume", "3"))
    assert out == TEXT.replace("  pages  = {1--2}\n", "  pages  = {1--2},\n  doi    = {10.1/x},\n  volume = 3\n")
    one_line = find_entry(TEXT, 9)
    out = apply_edits(TEXT, set_field(TEXT, one_line, "doi", "10.1/y"))
    assert out == TEXT.replace("year={1999},}", "year={1999},\n  doi={10.1/y},}")  # one-line entry: 2-space indent


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """The demo bibliography in a folder, its snapshot fetched from the fake registry."""
    with FakeRegistry(limits=FAKE_LIMITS) as fake:
        text = bibliography_for(CASES / "registry_demo" / "refs.bib", fake.url)
        (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
        config = fake.configure(Config(root=tmp_path, metadata="metadata", mailto="t@example.org"))
        fetch_all(parse_bibliography(text, "refs.bib").sources, config, policy=FAST_POLICY, limits=FAST_LIMITS,
                  check_urls=False, foreign_ok=True)
        env = fake.env()
    # The records came from the fake: they count only while the settings point at it.
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    return tmp_path, text


ARGS = ["--bib", "refs.bib", "--metadata-dir", "metadata"]
TITLE_OLD = "  title   = {World Culture and Imagined},\n"
TITLE_NEW = "  title   = {World Culture and Imagined Military Power},\n"
YEAR_OLD, YEAR_NEW = "  year    = {2006},\n", "  year    = {2005},\n"
DOI_AFTER = "  year      = {2004},\n"
DOI_ADDED = "  year      = {2004},\n  doi       = {10.5555/lr.sovereigns},\n"


def test_dry_run_shows_a_diff_and_changes_nothing(workspace, capsys) -> None:
    folder, text = workspace
    assert main(["sync", *ARGS]) == 0
    out, err = capsys.readouterr()
    assert f"-{TITLE_OLD}+{TITLE_NEW}" in out and f"-{YEAR_OLD}" in out and f"+{YEAR_NEW}" in out
    assert "+  doi       = {10.5555/lr.sovereigns},\n" in out
    # What check fixes by itself comes too: an abbreviated page range, DOIs written as a link or labelled.
    assert "+  pages   = {448--488},\n" in out and "+  doi     = {10.5555/LR.CULTURE.2005},\n" in out
    assert "+  doi       = {10.5072/lr.dataset.1},\n" in out
    assert "6 proposed corrections" in err
    assert (folder / "refs.bib").read_text(encoding="utf-8") == text


def test_write_yes_applies_all_and_keeps_every_other_byte(workspace, capsys) -> None:
    folder, text = workspace
    assert main(["sync", *ARGS, "--write", "--yes"]) == 0
    expected = text.replace(TITLE_OLD, TITLE_NEW).replace(YEAR_OLD, YEAR_NEW).replace(DOI_AFTER, DOI_ADDED)
    expected = expected.replace("{448--88}", "{448--488}").replace("{https://doi.org/10.5555/LR.CULTURE.2005}",
                                                                   "{10.5555/LR.CULTURE.2005}")
    expected = expected.replace("{doi:10.5072/lr.dataset.1}", "{10.5072/lr.dataset.1}")
    assert (folder / "refs.bib").read_bytes() == expected.encode("utf-8")
    assert "applied 6 of 6" in capsys.readouterr().err


def test_write_asks_and_applies_only_what_is_accepted(workspace, capsys, monkeypatch) -> None:
    import io

    folder, text = workspace
    monkeypatch.setattr("sys.stdin", io.StringIO("n\ny\nn\n"))
    assert main(["sync", *ARGS, "--write"]) == 0
    assert (folder / "refs.bib").read_text(encoding="utf-8") == text.replace(YEAR_OLD, YEAR_NEW)


def test_ctrl_c_at_a_question_writes_nothing(workspace, capsys, monkeypatch) -> None:
    import click

    folder, text = workspace
    answers = iter(["y"])

    def prompt(*args, **kwargs):
        # click turns Ctrl-C at a prompt into Abort, with the KeyboardInterrupt as its context
        for answer in answers:
            return answer
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise click.Abort() from None

    monkeypatch.setattr(click, "prompt", prompt)
    assert main(["sync", *ARGS, "--write"]) == 130
    assert (folder / "refs.bib").read_text(encoding="utf-8") == text
    assert "nothing was written" in capsys.readouterr().err


def test_q_quits_writing_nothing_and_other_answers_are_asked_again(workspace, capsys, monkeypatch) -> None:
    import io

    folder, text = workspace
    monkeypatch.setattr("sys.stdin", io.StringIO("maybe\nY\n\nyes\nq\n"))
    assert main(["sync", *ARGS, "--write"]) == 0
    assert (folder / "refs.bib").read_text(encoding="utf-8") == text
    out, err = capsys.readouterr()
    assert out.count("? [y/N/q]: ") == 5 and "answer y (apply it), n (skip it) or q (quit, writing nothing)" in out
    assert err == "quit: nothing was written (2 accepted changes not applied)\n"


def test_write_help_names_the_answers(capsys) -> None:
    assert main(["sync", "--help"]) == 0
    assert "q to quit writing nothing" in " ".join(capsys.readouterr().out.split())


def test_json_lists_the_proposals(workspace, capsys) -> None:
    import json

    assert main(["sync", *ARGS, "--format", "json", "--field", "doi", "--key", "holmwood2004taming"]) == 0
    assert json.loads(capsys.readouterr().out) == [{
        "key": "holmwood2004taming", "field": "doi", "old": "", "new": "10.5555/lr.sovereigns",
        "reason": "suggested DOI (score 1.00: Taming the Imaginary Sovereigns: Institutional Change in Synthetic Politics)",
        "line": 27}]
    assert main(["sync", *ARGS, "--format", "json", "--field", "doi"]) == 0
    fixes = [c for c in json.loads(capsys.readouterr().out) if c["reason"].startswith("LR121")]
    assert [(c["old"], c["new"]) for c in fixes] == [("https://doi.org/10.5555/LR.CULTURE.2005", "10.5555/LR.CULTURE.2005"),
                                                    ("doi:10.5072/lr.dataset.1", "10.5072/lr.dataset.1")]


def test_nothing_to_propose_says_whether_the_snapshot_holds_any_record(tmp_path, monkeypatch, capsys) -> None:
    # Offline, before any fetch: the user is told the snapshot is empty, not asked to guess whether it is.
    (tmp_path / "refs.bib").write_text("@article{a, author={Doe, Jane}, title={T}, journal={J}, year={2001},"
                                       " doi={10.1234/abc}}\n@book{b, title={X}, year={1999}}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["sync", "--bib", "refs.bib", "--metadata-dir", "metadata", "--essay", ""]) == 0
    out = capsys.readouterr().out
    assert "no corrections to propose" in out and "if the snapshot is empty" not in out
    assert "(metadata) holds no registry record for any of the 2 entries" in out and "litreview fetch" in out


def test_nothing_to_propose_after_a_fetch_counts_the_records(workspace, capsys) -> None:
    # Every proposal limited away by --field: the records exist, and the message says how many entries have one.
    assert main(["sync", *ARGS, "--field", "publisher"]) == 0
    out = capsys.readouterr().out
    assert "no corrections to propose" in out and "no registry record for any" not in out
    assert "entries have a registry record in the snapshot" in out or "entry has a registry record" in out
