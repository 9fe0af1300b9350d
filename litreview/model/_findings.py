"""The finding type: one problem as data, with its severity.

Re-exported by ``litreview.model``; import it from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
"""Each severity's place, the most serious first (a severity unknown here ranks as its reader decides)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, as data: the CLI, CI and the site decide how to show it."""

    code: str
    """Stable code, e.g. ``LR101``."""
    severity: Severity
    """error, warning or info."""
    message: str
    """What is wrong, in one sentence."""
    hint: str = ""
    """What to do about it."""
    key: str | None = None
    """The entry concerned, if any."""
    claim_id: str | None = None
    """The claim concerned, if any."""
    file: str | None = None
    """File to point at."""
    line: int | None = None
    """1-based line in that file."""

    def in_file(self, file: str | None) -> Finding:
        """The same finding with ``file`` as its file's name (as ``dataclasses.replace``, which costs twice as
        much: reports give every finding a name relative to the project)."""
        return Finding(self.code, self.severity, self.message, self.hint, self.key, self.claim_id, file, self.line)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint or None,
            "key": self.key,
            "claim_id": self.claim_id,
            "file": self.file,
            "line": self.line,
        }
