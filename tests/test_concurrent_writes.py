"""No lost update, no partial file: real `litreview` processes racing and killed with SIGKILL.

CI runs a few trials of each; ``python bench/guarantees.py`` runs 100 races and 300 kills.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from litreview.cli import main

CASE = Path(__file__).parent / "cases" / "linking_prose"
TYPED = "\n@article{typed2020hand,\n  author = {Typed, Hand},\n  title = {Typed While Waiting},\n" \
        "  journal = {J},\n  year = {2020},\n  doi = {10.5555/typed.by.hand},\n}\n"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock are POSIX")


@pytest.fixture(scope="module")
def fake():
    fake_registry = pytest.importorskip("litreview.testing.fake_registry")
    with fake_registry.FakeRegistry(latency=0.2) as server:
        yield server


@pytest.mark.slow
def test_two_adds_at_once_lose_nothing(tmp_path: Path, fake) -> None:
    from litreview.testing.races import add_race

    for i in range(2):
        trial = add_race(tmp_path / f"t{i}", fake.env())
        assert trial.exits == (0, 0), trial.detail
        assert trial.lost == 0, trial.detail


@pytest.mark.slow
def test_two_link_decisions_at_once_lose_nothing(tmp_path: Path) -> None:
    from litreview.testing.races import links_race

    for i in range(2):
        folder = tmp_path / f"t{i}"
        folder.mkdir()
        trial = links_race(folder, CASE, [("p1-s1", "holsti2004taming"), ("p2-s1", "wendt1992anarchy")])
        assert trial.exits == (0, 0), trial.detail
        assert trial.lost == 0, trial.detail


@pytest.mark.slow
def test_killed_add_leaves_the_old_or_a_complete_bibliography(tmp_path: Path, fake) -> None:
    from litreview.testing.races import add_kill

    rng = random.Random(14)
    trials = [add_kill(tmp_path / f"k{i}", fake.env(), rng) for i in range(3)]
    assert sum(t.partial for t in trials) == 0, [t.detail for t in trials if t.partial]


@pytest.mark.slow
def test_killed_link_decision_leaves_the_old_or_a_complete_claims_file(tmp_path: Path) -> None:
    from litreview.testing.races import links_kill

    rng = random.Random(14)
    trials = []
    for i in range(3):
        folder = tmp_path / f"k{i}"
        folder.mkdir()
        trials.append(links_kill(folder, CASE, rng, "p1-s1", "holsti2004taming"))
    assert sum(t.partial for t in trials) == 0, [t.detail for t in trials if t.partial]


@pytest.mark.slow
def test_killed_fetch_leaves_only_complete_snapshot_files(tmp_path: Path, fake) -> None:
    from litreview.testing.races import fetch_kill

    rng = random.Random(14)
    trials = [fetch_kill(tmp_path / f"f{i}", fake.env(), rng) for i in range(3)]
    assert sum(t.partial for t in trials) == 0, [t.detail for t in trials if t.partial]


def _typing_registry(monkeypatch: pytest.MonkeyPatch, bib: Path, typed: str):
    """The real look-ups, but someone types an entry into the .bib while the registry answers."""
    from litreview.commands import add as add_module

    real = add_module.registry()

    def fetch_record(doi: str, config, **kwargs):
        record = real.fetch_record(doi, config, **kwargs)
        with bib.open("a", encoding="utf-8") as handle:
            handle.write(typed)
        return record

    typing = SimpleNamespace(**{**vars(real), "fetch_record": fetch_record})
    monkeypatch.setattr(add_module, "registry", lambda: typing)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake) -> Path:
    from litreview.testing.races import add_project

    bib = add_project(tmp_path)
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("LITREVIEW_METADATA_DIR", str(tmp_path / "fake-metadata"))
    monkeypatch.chdir(tmp_path)
    return bib


def test_entry_typed_while_add_waits_is_kept(project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from litreview.bibliography.load import load_bibliography

    _typing_registry(monkeypatch, project, TYPED)
    assert main(["add", "10.5555/lr.culture.2005"]) == 0
    keys = load_bibliography(project).keys
    assert "typed2020hand" in keys and "holsti2004taming" in keys and len(keys) == 3
    assert project.read_text(encoding="utf-8").index("typed2020hand") < project.read_text().index("lr.culture")


def test_same_work_typed_while_add_waits_is_refused(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys) -> None:
    """The registry's record is checked against the .bib as it is when written, not as it was read."""
    from litreview.bibliography.load import load_bibliography

    _typing_registry(monkeypatch, project, TYPED.replace("10.5555/typed.by.hand", "10.5555/lr.culture.2005"))
    assert main(["add", "10.5555/lr.culture.2005"]) == 1
    assert load_bibliography(project).keys == ("holsti2004taming", "typed2020hand")
    assert "already in the bibliography as 'typed2020hand'" in capsys.readouterr().err


def test_same_work_typed_into_another_bibliography_while_add_waits_is_refused(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """With several bibliographies, the others are re-read under the lock too: the work typed into
    one of them meanwhile is a duplicate, and the written file is left as it was."""
    from litreview.bibliography.load import load_bibliography

    other = project.parent / "other.bib"
    other.write_text("", encoding="utf-8")
    (project.parents[1] / "pyproject.toml").write_text(
        '[tool.litreview]\nbibliography = ["refs/bibliography.bib", "refs/other.bib"]\nmetadata = "refs/metadata"\n',
        encoding="utf-8")
    _typing_registry(monkeypatch, other, TYPED.replace("10.5555/typed.by.hand", "10.5555/lr.culture.2005"))
    before = project.read_bytes()
    assert main(["add", "10.5555/lr.culture.2005"]) == 1
    assert project.read_bytes() == before
    assert load_bibliography(other).keys == ("typed2020hand",)
    assert "already in the bibliography as 'typed2020hand'" in capsys.readouterr().err


def test_add_force_keeps_force_when_the_bib_changed_meanwhile(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys) -> None:
    """The re-check under the lock is the same check: --force still adds a retracted work."""
    from litreview.bibliography.load import load_bibliography

    _typing_registry(monkeypatch, project, TYPED)
    assert main(["add", "--force", "10.5555/lr.deterrence.2019"]) == 0, capsys.readouterr().err
    assert len(load_bibliography(project).keys) == 3


def test_add_waiting_on_the_lock_says_so_then_gives_up_with_exit_2(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys) -> None:
    """Another writer holding the .bib's lock: a notice after a few seconds, then exit 2 naming the file."""
    from litreview import safewrite

    monkeypatch.setattr(safewrite, "LOCK_TIMEOUT", 1.0)
    monkeypatch.setattr(safewrite, "NOTICE_AFTER", 0.2)
    before = project.read_bytes()
    with safewrite.locked(project):  # flock locks an open file, so this holds it against the command too
        assert main(["add", "10.5555/lr.culture.2005"]) == 2
    err = capsys.readouterr().err
    assert "waiting for another litreview command to finish writing" in err and "bibliography.bib" in err
    assert "error: " in err and "nothing was written" in err and "wait for it to finish" in err
    assert project.read_bytes() == before


def test_claims_file_changed_by_another_program_is_refused(tmp_path: Path) -> None:
    """A decision written over an edit made meanwhile (outside litreview's lock) is refused, not lost."""
    from litreview.bibliography.load import load_bibliography
    from litreview.errors import LitreviewError
    from litreview.essay import load_essay
    from litreview.linking import curated

    for name in ("essay.md", "refs.bib"):
        (tmp_path / name).write_bytes((CASE / name).read_bytes())
    claims = tmp_path / "claims.yaml"
    claims.write_text("links: []\n", encoding="utf-8")

    def editor_saves_after_the_read(path: Path) -> curated.CuratedLinks:
        current = curated.load_curated(path)
        claims.write_text("# edited by hand\nlinks: []\n", encoding="utf-8")
        return current

    with pytest.raises(LitreviewError, match="changed while litreview was writing it; nothing was written"):
        curated.accept(claims, load_essay(tmp_path / "essay.md"), "p1-s1", "holsti2004taming",
                       bibliography=load_bibliography(tmp_path / "refs.bib"), read=editor_saves_after_the_read)
    assert claims.read_text(encoding="utf-8") == "# edited by hand\nlinks: []\n"
    assert main(["links", "--essay", str(tmp_path / "essay.md"), "--bib", str(tmp_path / "refs.bib"),
                 "--claims", str(claims), "--accept", "p1-s1", "holsti2004taming"]) == 0  # without the race


def test_a_reference_added_offline_is_checked_against_what_was_typed_meanwhile(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """No registry reachable: the reference is added as parsed, and re-checked under the lock like a record."""
    from litreview.bibliography.load import load_bibliography
    from litreview.commands import add as add_module
    from litreview.errors import OfflineError

    def search_reference(text: str, config, **kwargs):
        with project.open("a", encoding="utf-8") as handle:
            handle.write(TYPED)
        raise OfflineError("cannot search the registry: the network is unreachable (test)")

    monkeypatch.setattr(add_module, "registry", lambda: SimpleNamespace(search_reference=search_reference))
    assert main(["add", "--reference", "Typed, Hand. 2020. Typed While Waiting. J 1: 1-2."]) == 1
    assert load_bibliography(project).keys == ("holsti2004taming", "typed2020hand")
    assert "already in the bibliography as 'typed2020hand'" in capsys.readouterr().err
    assert main(["add", "--reference", "Other, Ann. 2021. Not Typed. J 2: 3-4."]) == 0  # typed again meanwhile
    text = project.read_text(encoding="utf-8")
    assert text.count("typed2020hand") == 2 and text.rindex("typed2020hand") < text.index("@article{other2021not,")
