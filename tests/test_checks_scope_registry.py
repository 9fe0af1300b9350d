"""`check --since` with registry records: both sides are judged by the working tree's snapshot and this
run's registry settings, so what a registry newly says about an entry the change did not touch is not
the change's (fake registry on 127.0.0.1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import git, git_repo

from litreview.cli import main
from litreview.testing.fake_registry import FakeRegistry
from litreview.testing.helpers import FAKE_LIMITS

# The fake registry records a retraction of this work (LR204) and an expression of concern (LR205).
RETRACTED = """@article{quillfeather2019deterrence,
  author  = {Quillfeather, Ada and Okonkwo-Lind, Ben},
  title   = {Deterrence Games in Synthetic Alliances},
  journal = {Journal of Synthetic Security Studies},
  volume  = {7},
  number  = {1},
  pages   = {1--19},
  year    = {2019},
  doi     = {10.5555/lr.deterrence.2019},
}
"""
PLAIN = "@book{plain2001,\n  author = {Roe, Rita},\n  title = {Plain},\n  publisher = {P},\n  year = {2001},\n}\n"
SETTINGS = 'essay = ""\nbibliography = "refs.bib"\n'


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch):
    with FakeRegistry(limits=FAKE_LIMITS) as server:
        for name, value in server.env().items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("LITREVIEW_MAILTO", "tests@example.org")
        yield server


def start(folder: Path, bib: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    (folder / "litreview.toml").write_text(SETTINGS, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def new_codes(capsys, *args: str) -> tuple[int, set[tuple[str, str]]]:
    status = main(["check", "--no-cache", "--format", "json", "--metadata-dir", "snap", "--since", "base", *args])
    out, err = capsys.readouterr()
    assert out, err
    return status, {(f["code"], f["key"]) for f in json.loads(out)["findings"]}


def test_online_news_about_an_untouched_entry_is_not_the_change(fake, tmp_path: Path, monkeypatch, capsys) -> None:
    # The base's snapshot has no record yet; --online fetches one saying the old entry is retracted.
    repo = git_repo(start(tmp_path, RETRACTED, monkeypatch))
    (repo / "refs.bib").write_text(RETRACTED + "\n" + PLAIN, encoding="utf-8")
    status, found = new_codes(capsys, "--online")
    assert status == 0
    assert not {code for code, key in found if key == "quillfeather2019deterrence"}
    assert fake.count("/works/10.5555/lr.deterrence.2019") >= 1  # the record was fetched, and reported at neither side


def test_online_a_retracted_work_the_change_adds_is_new(fake, tmp_path: Path, monkeypatch, capsys) -> None:
    repo = git_repo(start(tmp_path, PLAIN, monkeypatch))
    (repo / "refs.bib").write_text(PLAIN + "\n" + RETRACTED, encoding="utf-8")
    status, found = new_codes(capsys, "--online")
    assert status == 1
    assert {("LR204", "quillfeather2019deterrence"), ("LR205", "quillfeather2019deterrence")} <= found


def test_the_base_reads_records_with_this_runs_registry_settings(fake, tmp_path: Path, monkeypatch, capsys) -> None:
    # A snapshot fetched from (and committed for) the registry the environment names: the base must not
    # ignore its records as foreign (LR220) because the environment was dropped for it.
    start(tmp_path, RETRACTED, monkeypatch)
    assert main(["fetch", "--metadata-dir", "snap", "--format", "json"]) == 0
    capsys.readouterr()
    repo = git_repo(tmp_path)
    (repo / "refs.bib").write_text(RETRACTED + "\n" + PLAIN, encoding="utf-8")
    status, found = new_codes(capsys)
    assert (status, {code for code, key in found if key == "quillfeather2019deterrence"}) == (0, set())


def test_a_snapshot_the_change_refreshes_does_not_blame_it_for_old_entries(fake, tmp_path: Path, monkeypatch,
                                                                           capsys) -> None:
    repo = git_repo(start(tmp_path, RETRACTED, monkeypatch))
    assert main(["fetch", "--metadata-dir", "snap", "--format", "json"]) == 0
    capsys.readouterr()
    git(repo, "add", "snap")  # the pull request commits the refreshed snapshot
    status, found = new_codes(capsys)
    assert (status, found) == (0, set())


def test_check_online_writes_to_a_snapshot_folder_it_names(fake, tmp_path: Path, monkeypatch, capsys) -> None:
    # A test server's records go only to a folder chosen for them, as `fetch --metadata-dir` allows.
    start(tmp_path, RETRACTED, monkeypatch)
    status = main(["check", "--no-cache", "--online", "--metadata-dir", "snap", "--format", "json"])
    out, err = capsys.readouterr()
    assert "refusing" not in err
    assert status == 1 and "LR204" in {f["code"] for f in json.loads(out)["findings"]}
    assert main(["check", "--no-cache", "--online", "--format", "json"]) == 2  # the review's own snapshot: refused
    assert "refusing to write records" in capsys.readouterr().err
