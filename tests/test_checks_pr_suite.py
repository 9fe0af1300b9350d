"""A scripted pull-request suite for `check --since`: each case edits the bundled review in a git
repository and states, by hand, which findings the edit introduces.

For every case `check --since base` must report exactly those findings (0 misses, 0 false
alarms), and each of them must also be in a full `check` of the working tree. Run this file
as a script to print the table:  python tests/test_checks_pr_suite.py
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import git_repo

from litreview.cli import main

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = """[tool.litreview]
essay = "refs/essay.md"
bibliography = "refs/bibliography.bib"
claims = "refs/claims.yaml"
metadata = "refs/metadata"
"""
BIB, ESSAY, CLAIMS = "refs/bibliography.bib", "refs/essay.md", "refs/claims.yaml"
HOLSTI = "K.J. Holsti qualified international relations as “organized relations between established entities.” "
TREVERTON = "@techreport{treverton2006toward,"
NEW_BOOK = """
@book{jervis1976perception,
  author    = {Jervis, Robert},
  title     = {Perception and Misperception in International Politics},
  publisher = {Princeton University Press},
  address   = {Princeton},
  year      = {1976},
}
"""
OFF_TOPIC = """
@book{carson1951sea,
  author    = {Carson, Rachel},
  title     = {The Sea Around Us},
  publisher = {Oxford University Press},
  address   = {New York},
  year      = {1951},
}
"""
JERVIS_SENTENCE = " Robert Jervis showed how misperception shapes alliances [@jervis1976perception]."


def edit(path: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    """Replace ``old`` by ``new`` in one file; the case fails if ``old`` is not there."""
    def apply(repo: Path) -> None:
        p = repo / path
        text = p.read_text(encoding="utf-8")
        assert old in text, f"{path}: {old[:40]!r} not found"
        p.write_text(text.replace(old, new, count), encoding="utf-8")
    return apply


def append(path: str, text: str) -> Callable[[Path], None]:
    def apply(repo: Path) -> None:
        p = repo / path
        p.write_text(p.read_text(encoding="utf-8") + text, encoding="utf-8")
    return apply


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(repo: Path) -> None:
        for step in steps:
            step(repo)
    return apply


@dataclass(frozen=True)
class Case:
    name: str
    change: Callable[[Path], None]
    new: frozenset[tuple[str, str]]
    """(code, entry key or claim id) of each finding the change introduces, derived by hand."""
    fixed: int | None = None
    """How many findings the change removes, when the case is about that."""


def case(name: str, change: Callable[[Path], None], *new: tuple[str, str], fixed: int | None = None) -> Case:
    return Case(name, change, frozenset(new), fixed)


CASES = [
    # -- entries added -----------------------------------------------------------------------------
    case("add a complete entry and cite it", both(append(BIB, NEW_BOOK), edit(ESSAY, "as well. ", "as well." +
         JERVIS_SENTENCE + " "))),
    # An unused entry on the essay's topic may be a topical suggestion (LR308, whichever the linker
    # decides) or unused (LR307); one off the topic is unused.
    case("add an entry nobody cites", append(BIB, OFF_TOPIC), ("LR307", "carson1951sea")),
    case("add an uncited entry on the essay's topic", append(BIB, NEW_BOOK), ("LR307|LR308", "jervis1976perception")),
    case("add an entry without a publisher", both(append(BIB, NEW_BOOK.replace(
         "  publisher = {Princeton University Press},\n", "")), edit(ESSAY, "as well. ", "as well." +
         JERVIS_SENTENCE + " ")), ("LR111", "jervis1976perception")),
    case("add an entry repeating another's DOI", append(BIB, "\n@article{vincent1988copy,\n  author = {Vincent, R. J.},\n"
         "  title = {Hedley Bull and Order in International Politics},\n  journal = {Millennium},\n"
         "  year = {1988},\n  volume = {17},\n  number = {2},\n  pages = {195--213},\n"
         "  doi = {10.1177/03058298880170020701},\n}\n"),
         # Not also LR107 (same work): the shared DOI already says so. The topical linker suggests it.
         ("LR106", "vincent1988copy"), ("LR308", "vincent1988copy"), ("LR209", "vincent1988copy")),
    case("add a citation to a key with no entry", edit(ESSAY, "as well. ", "as well. Alliances endure "
         "[@snyder1997alliance]. "), ("LR300", "snyder1997alliance")),
    case("add a broken entry (missing brace)", append(BIB, "\n@book{broken2020,\n  title = {Broken,\n  year = {2020},\n}\n"),
         ("LR100", ""), ("LR307", "broken2020")),  # the loader keeps what it can read of the entry
    # -- entries edited ----------------------------------------------------------------------------
    # RAND registers DOIs, so naming it as the institution brings a new note (LR137); and the essay's
    # "A related RAND think tank report" now names the entry, so it is no longer unused: 2 fixed.
    case("fix an entry's missing institution", edit(BIB, TREVERTON + "\n", TREVERTON + "\n  institution = {RAND},\n"),
         ("LR137", "treverton2006toward"), fixed=2),
    case("abbreviate a page range", edit(BIB, "pages   = {195--213}", "pages   = {195--99}"),
         ("LR138", "vincent1988hedley")),
    case("break a DOI", edit(BIB, "10.1177/03058298880170020701", "10.1177/0305829888 0170020701"),
         ("LR120", "vincent1988hedley")),
    case("move an entry to the end of the file", lambda repo: _move_entry(repo, "uscode10")),
    # -- entries deleted and renamed ---------------------------------------------------------------
    case("delete an entry no claim relies on", lambda repo: _delete_entry(repo, "bauer2011pragmatism"), fixed=2),
    case("delete an entry a curated link names", lambda repo: _delete_entry(repo, "holsti2004taming"),
         # The essay names Holsti twice; with his entry gone both are authorities without an entry.
         ("LR401", "holsti2004taming"), ("LR302", "^K.J. Holsti is"), ("LR302", "^Holsti is")),
    case("rename a key (claims.yaml still names the old one)", edit(BIB, "@book{holsti2004taming,", "@book{holsti2004,"),
         ("LR401", "holsti2004taming")),
    case("rename a key and its curated link", both(edit(BIB, "@book{holsti2004taming,", "@book{holsti2004,"),
         edit(CLAIMS, "source: holsti2004taming", "source: holsti2004"))),
    # -- sentences ---------------------------------------------------------------------------------
    case("delete the Holsti sentence (orphans a curated link)", edit(ESSAY, HOLSTI, ""),
         ("LR400", "holsti2004taming")),
    case("add a paragraph at the top (every claim id moves)", edit(ESSAY, "\nThe pursuit of security",
         "\nAlliances are older than states. They outlast the wars that made them.\n\nThe pursuit of security")),
    case("reword a sentence that keeps its old problem", edit(ESSAY, "Since first entering the IR discourse in the 1940s",
         "Since it first entered the IR discourse in the 1940s")),
    case("name an authority with no entry", edit(ESSAY, "as well. ", "as well. As Glenn Snyder argues, alliances "
         "are bargains. "), ("LR302", "Glenn Snyder")),
    case("add an unattributed quotation", edit(ESSAY, "as well. ", "as well. Alliances are “a promise of mutual "
         "support in war.” "), ("LR305", "promise of mutual")),
    case("misname a title", edit(ESSAY, "as outlined by Holsti.", "as outlined by Holsti in Taming the Sovreigns."),
         ("LR306", "holsti2004taming")),
    case("delete a sentence with an old problem", edit(ESSAY, "Since first entering the IR discourse in the 1940s "
         "under the tutelage of Hans Morgenthau, John Mearsheimer, and Kenneth Waltz. ", ""), fixed=3),
    case("rewrap a paragraph over several lines", edit(ESSAY, "international partnerships. K.J. Holsti",
         "international partnerships.\nK.J. Holsti")),
    # -- settings ----------------------------------------------------------------------------------
    case("lower a code's severity in the settings", append("pyproject.toml", 'severity = { LR307 = "warning" }\n')),
    case("suppress a code in the settings", append("pyproject.toml", 'suppress = ["LR308"]\n')),
    case("raise a code's severity (old findings reappear as errors)", append(
         "pyproject.toml", 'severity = { LR137 = "error" }\n'),
         ("LR137", "bauer2011pragmatism"), ("LR137", "bull2012anarchical"), ("LR137", "grotius2012hugo"),
         ("LR137", "holsti2004taming"), ("LR137", "moroney2009framework"), ("LR137", "paul2004international"),
         ("LR137", "wendt2014social"), fixed=0),
    # -- claims.yaml -------------------------------------------------------------------------------
    case("typo in a curated link's source key", edit(CLAIMS, "source: paul2004international",
         "source: paul2004internatonal"), ("LR401", "paul2004internatonal")),
    case("edit a curated link's note", edit(CLAIMS, "no page given.", "no page is given.")),
    # The first entry with a suggested link at the base (picked when the case runs, as the linkers'
    # suggestions change): rejecting its suggestions leaves it unused (LR307) if nothing else links it.
    case("reject an entry's suggested links", lambda repo: _reject_suggestions(repo), ("LR307", "$rejected")),
    case("curate a link whose anchor is not in the essay", append(CLAIMS, "  - claim: p2-s1\n"
         "    source: bull2012anarchical\n    status: confirmed\n    anchor:\n"
         "      exact: A sentence that was never written.\n"), ("LR400", "bull2012anarchical")),
]


# -- held aside: another manuscript (a JOSS paper with citation markers), cases written before the
# first run and never used to tune the matching; reported separately. --------------------------------------
HELD_ASIDE_SOURCE = ROOT.parent / "shared" / "corpus" / "manuscripts" / "joss-mwarp1d" / "paper"
HELD_SETTINGS = """[tool.litreview]
essay = "paper/paper.md"
bibliography = "paper/paper.bib"
claims = "paper/claims.yaml"
metadata = "paper/metadata"
"""
P_MD, P_BIB = "paper/paper.md", "paper/paper.bib"
QIN_SENTENCE = ("Manual registration may also be necessary when algorithmic registration fails or requires manual "
                "interaction [@Qin:2009].")
HELD_ASIDE = [
    case("held: cite a key with no entry", edit(P_MD, "[@Qin:2009]", "[@Qin:2009; @Nobody:2020]"),
         ("LR300", "Nobody:2020")),
    case("held: delete a cited entry", lambda repo: _delete_entry(repo, "Qin:2009", P_BIB), ("LR300", "Qin:2009")),
    case("held: rename a key in the .bib only", edit(P_BIB, "@article{Iosifescu:1997,", "@article{Iosifescu1997,"),
         ("LR300", "Iosifescu:1997"), ("LR307", "Iosifescu1997")),
    case("held: rename a key in the .bib and the paper", both(
         edit(P_BIB, "@article{Iosifescu:1997,", "@article{Iosifescu1997,"),
         edit(P_MD, "@Iosifescu:1997", "@Iosifescu1997"))),
    case("held: a new paragraph above the summary", edit(P_MD, "# Summary\n\n",
         "# Summary\n\nThis paragraph was added first. It moves every sentence below it.\n\n")),
    case("held: delete the only sentence citing an entry", edit(P_MD, " " + QIN_SENTENCE, ""),
         ("LR307", "Qin:2009")),
    case("held: add an entry nobody cites", append(P_BIB, OFF_TOPIC), ("LR307", "carson1951sea")),
    case("held: reword a sentence, keeping its citations", edit(P_MD, "Manual registration may also be necessary",
         "Manual registration may be needed as well")),
    case("held: abbreviate a page range", edit(P_BIB, "pages = {724--738}", "pages = {724--38}"),
         ("LR138", "Buckner:2004")),
    case("held: move an entry to the end", lambda repo: _move_entry(repo, "Buckner:2004", P_BIB)),
]


PICKED: dict[str, str] = {}


def _reject_suggestions(repo: Path) -> None:
    rows = _links_json()
    by_key: dict[str, list[dict]] = {}
    for row in rows:
        by_key.setdefault(row["source_key"], []).append(row)
    key = next(k for k, rs in sorted(by_key.items()) if any(r["status"] == "suggested" for r in rs))
    suggested = [r for r in by_key[key] if r["status"] == "suggested"]
    PICKED["$rejected"] = key if len(suggested) == len(by_key[key]) else None  # None: still used, nothing new
    # Anchored as `links --reject` writes them (an entry without one is LR403, new in its own right).
    lines = [f"  - claim: {r['claim_id']}\n    source: {key}\n    status: rejected\n    note: not about this\n"
             f"    anchor:\n      exact: {json.dumps(r['text'])}\n" for r in suggested]
    append(CLAIMS, "".join(lines))(repo)


def _links_json() -> list[dict]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["links", "--format", "json"]) == 0
    return json.loads(out.getvalue())


def _entry_span(text: str, key: str) -> tuple[int, int]:
    start = text.rindex("\n@", 0, text.index("{" + key + ",")) + 1
    end = text.find("\n@", start + 1)
    return start, (len(text) if end < 0 else end + 1)


def _delete_entry(repo: Path, key: str, bib: str = BIB) -> None:
    p = repo / bib
    text = p.read_text(encoding="utf-8")
    start, end = _entry_span(text, key)
    p.write_text(text[:start] + text[end:], encoding="utf-8")


def _move_entry(repo: Path, key: str, bib: str = BIB) -> None:
    p = repo / bib
    text = p.read_text(encoding="utf-8")
    start, end = _entry_span(text, key)
    entry = text[start:end].rstrip("\n") + "\n"
    p.write_text(text[:start] + text[end:].rstrip("\n") + "\n\n" + entry, encoding="utf-8")


def make_repo(where: Path, held_aside: bool = False) -> Path:
    if held_aside:
        shutil.copytree(HELD_ASIDE_SOURCE, where / "paper")
        (where / "pyproject.toml").write_text(HELD_SETTINGS, encoding="utf-8")
    else:
        shutil.copytree(ROOT / "refs", where / "refs")
        (where / "pyproject.toml").write_text(SETTINGS, encoding="utf-8")
    git_repo(where)
    return where


def _check(*args: str) -> tuple[int, dict]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["check", "--format", "json", "--no-cache", *args])
    return status, json.loads(out.getvalue())


def _subject(f: dict) -> tuple[str, str]:
    return f["code"], f["key"] or f["claim_id"] or ""


def _matches(expected: tuple[str, str], f: dict) -> bool:
    codes, subject = expected
    subject = PICKED.get(subject, subject)
    if f["code"] not in codes.split("|"):
        return False
    if f["key"] == subject or (not subject and not f["key"]):
        return True
    # A claim is named by a fragment of the message (ids move); "^..." is the message's start.
    if subject.startswith("^"):
        return f["message"].startswith(subject[1:])
    return bool(subject) and subject in f["message"]


@dataclass
class Outcome:
    case: Case
    full_errors: int
    reported: list[dict]
    fixed: int
    status: int
    misses: list[tuple[str, str]]
    false_alarms: list[dict]
    not_in_full: list[dict]


def run_case(c: Case, repo: Path) -> Outcome:
    c.change(repo)
    _, full = _check()
    status, scoped = _check("--since", "base")
    reported = scoped["findings"]
    expected = [e for e in c.new if PICKED.get(e[1], e[1]) is not None]
    misses = [e for e in expected if not any(_matches(e, f) for f in reported)]
    false_alarms = [f for f in reported if not any(_matches(e, f) for e in expected)]
    # The same findings as the full check's; the hint may say what the change did (a key it renamed).
    full_set = {json.dumps({**f, "hint": ""}, sort_keys=True) for f in full["findings"]}
    not_in_full = [f for f in reported if json.dumps({**f, "hint": ""}, sort_keys=True) not in full_set]
    return Outcome(c, full["summary"]["errors"], reported, scoped["summary"]["fixed"], status, misses,
                   false_alarms, not_in_full)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return make_repo(tmp_path_factory.mktemp("pr-base") / "repo")


@pytest.fixture(scope="module")
def pristine_held_aside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not HELD_ASIDE_SOURCE.is_dir():
        pytest.skip("the shared corpus (../shared/corpus/manuscripts) is not beside the repository")
    return make_repo(tmp_path_factory.mktemp("pr-held") / "repo", held_aside=True)


def test_the_suite_has_at_least_twenty_cases() -> None:
    assert len(CASES) >= 20
    assert len({c.name for c in CASES}) == len(CASES)
    assert sum(1 for c in CASES if c.new) >= 10 and sum(1 for c in CASES if not c.new) >= 8


@pytest.mark.slow
@pytest.mark.parametrize("c", CASES, ids=[c.name for c in CASES])
def test_since_reports_exactly_the_new_findings(c: Case, pristine: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(pristine, repo)
    monkeypatch.chdir(repo)
    outcome = run_case(c, repo)
    assert outcome.misses == [], "new findings not reported"
    assert outcome.false_alarms == [], "old findings blamed on the change"
    assert outcome.not_in_full == []
    new_errors = [f for f in outcome.reported if f["severity"] == "error"]
    assert outcome.status == (1 if new_errors else 0)
    if c.fixed is not None:
        assert outcome.fixed == c.fixed


@pytest.mark.slow
@pytest.mark.parametrize("c", HELD_ASIDE, ids=[c.name for c in HELD_ASIDE])
def test_held_aside_cases(c: Case, pristine_held_aside: Path, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(pristine_held_aside, repo)
    monkeypatch.chdir(repo)
    outcome = run_case(c, repo)
    assert outcome.misses == [] and outcome.false_alarms == [] and outcome.not_in_full == []


def table(outcomes: list[Outcome]) -> str:
    head = f"{'case':<55} {'full errors':>11} {'expected':>8} {'reported':>8} {'misses':>6} {'false':>5} {'fixed':>5} {'exit':>4}"
    rows = [head, "-" * len(head)]
    for o in outcomes:
        expected = sum(1 for e in o.case.new if PICKED.get(e[1], e[1]) is not None)
        rows.append(f"{o.case.name[:55]:<55} {o.full_errors:>11} {expected:>8} {len(o.reported):>8} "
                    f"{len(o.misses):>6} {len(o.false_alarms):>5} {o.fixed:>5} {o.status:>4}")
    rows.append("-" * len(head))
    rows.append(f"{len(outcomes)} cases: {sum(len(o.misses) for o in outcomes)} misses, "
                f"{sum(len(o.false_alarms) for o in outcomes)} false alarms")
    return "\n".join(rows)


if __name__ == "__main__":
    import os
    import tempfile

    suites = [("development (the bundled review; the matching was tuned on it)", CASES, False)]
    if HELD_ASIDE_SOURCE.is_dir():
        suites.append(("held aside (joss-mwarp1d from the shared corpus; never tuned on)", HELD_ASIDE, True))
    with tempfile.TemporaryDirectory() as tmp:
        for title, cases, held in suites:
            outcomes = []
            pristine_repo = make_repo(Path(tmp) / f"pristine-{held}", held_aside=held)
            for i, c in enumerate(cases):
                repo = Path(tmp) / f"case{i}-{held}"
                shutil.copytree(pristine_repo, repo)
                os.chdir(repo)
                o = run_case(c, repo)
                outcomes.append(o)
                for f in o.false_alarms:
                    print(f"  false alarm in {c.name!r}: {f['code']} {f['key']} {f['claim_id']} {f['message']}",
                          file=sys.stderr)
                for e in o.misses:
                    print(f"  miss in {c.name!r}: {e}", file=sys.stderr)
            os.chdir(ROOT)
            print(f"\n{title}\n{table(outcomes)}")
