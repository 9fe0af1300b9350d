"""Pull-request scope: `check --since REF` reports only findings on what changed since the ref."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.checks.scope import Scope, changed_claims, changed_entries, changed_lines
from litreview.cli import main
from litreview.model import Claim, Essay, Finding, Paragraph, TextQuoteSelector

CASE = Path(__file__).parent / "cases" / "checks_scope"


def test_changed_lines() -> None:
    assert changed_lines("a\nb\nc\n", "a\nB\nc\nd\n") == {2, 4}
    assert changed_lines(None, "a\nb\n") == {1, 2}
    assert changed_lines("a\nb\n", "a\nb\n") == frozenset()


def test_changed_entries_by_key_and_fields() -> None:
    old = parse_bibliography("@book{a, title={A}, year={2001}}\n@book{b, title={B}, year={2002}}\n")
    new = parse_bibliography("@book{b, title={B}, year={2003}}\n@book{a, title={A}, year={2001}}\n"
                             "@book{c, title={C}, year={2004}}\n")
    assert changed_entries(old, new) == {"b", "c"}  # moving a is not a change
    assert changed_entries(None, new) == {"a", "b", "c"}


def test_changed_claims_ignore_spacing() -> None:
    def claim(cid: str, text: str) -> Claim:
        return Claim(cid, 1, int(cid[-1]), text, TextQuoteSelector(text), 1)

    essay = Essay("e.md", "", paragraphs=(Paragraph(1, "", 1, (claim("p1-s1", "Kept   as it was."),
                                                              claim("p1-s2", "Reworded sentence."))),))
    assert changed_claims("Kept as\nit was. Original sentence.", essay) == {"p1-s2"}


def test_scope_covers_keys_claims_and_new_lines() -> None:
    scope = Scope(keys=frozenset({"new2020"}), claims=frozenset({"p2-s1"}),
                  lines={"refs/bibliography.bib": frozenset({40})})
    assert scope.covers(Finding("LR110", "error", "m", key="new2020"))
    assert scope.covers(Finding("LR302", "warning", "m", claim_id="p2-s1"))
    assert scope.covers(Finding("LR100", "error", "m", file="refs/bibliography.bib", line=40))
    assert not scope.covers(Finding("LR100", "error", "m", file="refs/bibliography.bib", line=39))
    assert not scope.covers(Finding("LR110", "error", "m", key="old2001"))


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=cwd,
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.copytree(CASE / "base", tmp_path, dirs_exist_ok=True)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "tag", "base")
    shutil.copytree(CASE / "change", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report(*args: str, capsys) -> tuple[int, dict]:
    status = main(["check", "--format", "json", *args])
    return status, json.loads(capsys.readouterr().out)


@pytest.mark.slow
def test_since_narrows_to_the_change(repo: Path, capsys) -> None:
    _, everything = report(capsys=capsys)
    keys_all = {f["key"] for f in everything["findings"]}
    assert "protocol2007modern" in keys_all  # an old problem, untouched by the change

    status, scoped = report("--since", "base", capsys=capsys)
    found = {(f["code"], f["key"], f["claim_id"]) for f in scoped["findings"]}
    # The new entry lacks its institution; the reworded sentence names an authority with no entry.
    assert ("LR110", "treverton2006toward", None) in found
    assert ("LR302", None, "p1-s2") in found
    assert all(f["key"] == "treverton2006toward" or f["claim_id"] == "p1-s2" for f in scoped["findings"])
    assert scoped["summary"]["since"] == "base"
    assert status == 1


def test_unknown_ref_exits_2(repo: Path, capsys) -> None:
    assert main(["check", "--since", "no-such-branch"]) == 2
    assert "unknown git ref 'no-such-branch'" in capsys.readouterr().err


def test_since_outside_a_repository_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    shutil.copytree(CASE / "base", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["check", "--since", "main"]) == 2


def test_scope_covers_both_sides_of_a_duplicate_and_only_changed_claims_in_the_essay() -> None:
    scope = Scope(keys=frozenset({"copy1988"}), claims=frozenset({"p1-s3"}),
                  lines={"refs/essay.md": frozenset({5})}, duplicate_of={"orig1988": "copy1988"},
                  essay_file="refs/essay.md")
    # The copy was inserted above the original, so the finding names the original.
    assert scope.covers(Finding("LR106", "error", "m", key="orig1988"))
    assert not scope.covers(Finding("LR307", "error", "m", key="orig1988"))
    # Line 5 is a whole paragraph: a finding on an untouched sentence in it is not the change's.
    assert scope.covers(Finding("LR302", "warning", "m", claim_id="p1-s3", file="refs/essay.md", line=5))
    assert not scope.covers(Finding("LR305", "warning", "m", claim_id="p1-s1", file="refs/essay.md", line=5))
    assert not scope.covers(Finding("LR306", "warning", "m", key="old2012", claim_id="p1-s2",
                                    file="refs/essay.md", line=5))
    # Findings on other files still go by their lines (claims.yaml entries name a claim too).
    scope = Scope(lines={"refs/claims.yaml": frozenset({3})}, essay_file="refs/essay.md")
    assert scope.covers(Finding("LR401", "error", "m", key="nokey", claim_id="p1-s1", file="refs/claims.yaml",
                                line=3))


BRANCH_CASE = Path(__file__).parent / "cases" / "checks_scope_branch"


@pytest.mark.slow
def test_since_a_branch_that_moved_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.copytree(BRANCH_CASE / "base", tmp_path, dirs_exist_ok=True)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "branch", "pr")
    git(tmp_path, "branch", "-M", "trunk")
    shutil.copytree(BRANCH_CASE / "main", tmp_path, dirs_exist_ok=True)
    git(tmp_path, "commit", "-q", "-am", "the base branch rewords a sentence")
    git(tmp_path, "checkout", "-q", "pr")
    shutil.copytree(BRANCH_CASE / "change", tmp_path, dirs_exist_ok=True)
    git(tmp_path, "commit", "-q", "-am", "the pull request")
    monkeypatch.chdir(tmp_path)

    _, everything = report("--no-cache", capsys=capsys)
    every = {(f["code"], f["key"], f["claim_id"]) for f in everything["findings"]}
    # Old problems the change must not be blamed for.
    assert ("LR305", None, "p1-s1") in every
    assert ("LR302", None, "p2-s1") in every

    _, scoped = report("--no-cache", "--since", "trunk", capsys=capsys)
    found = {(f["code"], f["key"], f["claim_id"]) for f in scoped["findings"]}
    assert ("LR302", None, "p1-s3") in found  # Charles Tilly, in the added sentence
    assert ("LR106", "vincent1988hedley", None) in found  # the copy sits above the original
    assert {f["claim_id"] for f in scoped["findings"]} == {None, "p1-s3"}
    assert {f["key"] for f in scoped["findings"]} == {None, "vincent1988bull", "vincent1988hedley"}
    assert [f["code"] for f in scoped["findings"] if f["key"] == "vincent1988hedley"] == ["LR106"]
    assert all(f["line"] in (5, 8, 16) for f in scoped["findings"])


def test_since_counts_only_the_suppressions_the_change_would_show(repo: Path, capsys) -> None:
    config = repo / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8")
                      + 'suppress_entries = {protocol2007modern = ["LR110"], treverton2006toward = ["LR110"]}\n',
                      encoding="utf-8")
    _, everything = report("--no-cache", capsys=capsys)
    assert everything["summary"]["suppressed"] == 2
    _, scoped = report("--no-cache", "--since", "base", capsys=capsys)
    assert scoped["summary"]["suppressed"] == 1  # the new entry's; the old entry's is not the change's
