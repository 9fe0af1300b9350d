"""`litreview check` on the essay under review (refs/): the real problems, located, and no noise."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from litreview.bibliography.load import load_bibliography
from litreview.checks import check_review
from litreview.config import Config
from litreview.model import Review

ROOT = Path(__file__).parents[1]
EXPECTED = json.loads((ROOT / "tests" / "cases" / "checks_essay" / "expected.json").read_text(encoding="utf-8"))
NOW = datetime.fromisoformat(EXPECTED["now"])


def test_bibliography_findings_are_exactly_the_real_problems() -> None:
    bib = load_bibliography(ROOT / "refs" / "bibliography.bib")
    found = check_review(Review(bibliography=bib), Config(root=ROOT), now=NOW).findings
    assert [[f.code, f.key, f.line] for f in found] == EXPECTED["bibliography"]
    assert {f.file for f in found} == {"refs/bibliography.bib"}


@pytest.mark.slow
def test_full_check_on_the_essay(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from litreview.cli import main

    monkeypatch.chdir(ROOT)
    status = main(["check", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 1  # two entries lack required fields
    findings = data["findings"]
    assert all(f["file"] and f["line"] for f in findings), "every finding is located"
    essay = (ROOT / "refs" / "essay.md").read_text(encoding="utf-8").splitlines()
    for code, fragment, message in EXPECTED["text"]:
        hits = [f for f in findings if f["code"] == code and message in f["message"]]
        assert hits, f"{code} {message!r} not reported"
        assert all(f["file"] == "refs/essay.md" and fragment in essay[f["line"] - 1] for f in hits)
    bib_errors = {(f["code"], f["key"]) for f in findings if f["severity"] == "error"}
    assert {("LR110", "protocol2007modern"), ("LR110", "treverton2006toward")} <= bib_errors
