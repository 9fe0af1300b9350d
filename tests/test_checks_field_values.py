"""Bibliography checks on values as reference managers and hands write them: what pandoc, biber or BibTeX print
well is not reported, and a finding's hint says what to write for the value at hand."""

from __future__ import annotations

from datetime import UTC, datetime

from litreview.bibliography.csl import parse_csl
from litreview.bibliography.load import parse_bibliography
from litreview.checks import check_review
from litreview.config import Config
from litreview.model import Bibliography, Finding, Review

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def found(bib: Bibliography, code: str) -> list[Finding]:
    return [f for f in check_review(Review(bibliography=bib), Config(), now=NOW).findings if f.code == code]


def test_a_work_in_press_needs_no_year() -> None:
    # An article accepted but not out: CSL's status (pandoc's citeproc prints "in press" where the year goes) is
    # not a missing date. The close case: no status, no date.
    yaml = ("---\nreferences:\n- id: pressed\n  type: article-journal\n  author: [{family: Roe, given: Ann}]\n"
            "  title: Half-lines\n  container-title: Medium Aevum\n  status: In press\n"
            "- id: undated\n  type: article-journal\n  author: [{family: Roe, given: Ann}]\n  title: Other lines\n"
            "  container-title: Medium Aevum\n...\n")
    missing = found(parse_csl(yaml, "refs.yaml", yaml=True), "LR110")
    assert [f.key for f in missing] == ["undated"]
    assert "issued" in missing[0].message
