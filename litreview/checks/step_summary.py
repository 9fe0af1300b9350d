"""Findings as the Markdown job summary of a GitHub Actions step: the counts, then a table of findings.

GitHub shows only the first annotations of each level of a step on a pull request; the summary lists more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..model import SEVERITY_RANK, Finding
from ..text import clipped, markdown_code, markdown_text
from .formats import branch_point, checked_line, finding_name, fixed_count, summary_line

#: Findings the table lists; the others are counted on one line.
ROWS = 200
#: Characters of a message, a hint or a place shown in a cell (a cell is one line; the summary stays far under
#: the 1 MiB GitHub takes of a step's summary: 200 rows of at most about 3 KB).
_CELL = 300
_SEVERITY = {"error": "error", "warning": "warning", "info": "note"}


def cell(text: str, limit: int = _CELL, *, code: bool = False) -> str:
    """``text`` as one cell of a GitHub Markdown table, on one line, cut at ``limit`` characters: a code span with
    ``code`` (a place, a key, a finding's code: shown as they are), else Markdown text that shows as written
    (``markdown_text``: a message, a hint); each ``|`` escaped (a table splits cells at a ``|`` in a code span
    too, and GFM takes the escape out of the span before reading it)."""
    text = clipped(text, limit)
    return (markdown_code(text) if code else markdown_text(text)).replace("|", "\\|")


def render_step_summary(findings: Iterable[Finding], summary: Mapping[str, Any], *, rows: int = ROWS) -> str:
    """The summary's Markdown: a heading, the counts by severity, then the findings (errors first), at most
    ``rows`` of them and a line saying how many more and how to see them all."""
    every = sorted(findings, key=lambda f: SEVERITY_RANK.get(f.severity, 3))
    since = summary.get("since")
    lines = ["### litreview check", ""]
    if every or summary.get("suppressed") or not since:
        lines.append(markdown_text(summary_line(summary) if every or summary.get("suppressed")
                                   else f"No problems found{checked_line(summary)}."))
    else:
        said = "; ".join(part for part in (branch_point(summary), fixed_count(summary)) if part)
        lines.append(markdown_text(f"No new problems since {since} ({said})."))
    if every:
        title = "New findings (what this change adds)" if since else "Findings"
        lines += ["", f"#### {title}", "", "| Code | Severity | Where | Message | Hint |", "| --- | --- | --- | --- | --- |"]
        for f in every[:rows]:
            where = f"{f.file}:{f.line}" if f.file and f.line else (f.file or "")
            subject = f.key or f.claim_id
            message = f"{cell(subject, 80, code=True)}: {cell(f.message)}" if subject else cell(f.message)
            lines.append(f"| {cell(f'{f.code} {finding_name(f)}'.strip(), code=True)} | "
                         f"{_SEVERITY.get(f.severity, f.severity)} | {cell(where, code=True)} | {message} | "
                         f"{cell(f.hint or '')} |")
        if len(every) > rows:
            command = "litreview check --since <base>" if since else "litreview check"
            lines += ["", f"… and {len(every) - rows} more not shown here: run `{command}` locally to see them all "
                          "(`--format json` lists every one)."]
    return "\n".join(lines) + "\n\n"


__all__ = ["ROWS", "cell", "render_step_summary"]
