"""Entries that `litreview import` wrote with fields it was unsure of (LR144).

The importer puts ``% uncertain: title, year`` on the line above such an entry; the mark stays
until a person has checked the fields and deletes it.
"""

from __future__ import annotations

from ..lazyre import lazy
from ..model import Bibliography, Finding
from .catalogue import finding

_MARK = lazy(r"^%\s*uncertain:\s*(?P<fields>[\w ,]+?)\s*$")
_ENTRY = lazy(r"^\s*@\s*(?P<type>\w+)\s*[{(]\s*(?P<key>[^,\s]+)\s*,")


def unsure_marks(text: str) -> dict[str, tuple[str, ...]]:
    """Citation key -> fields named by the ``% uncertain:`` line just above its entry."""
    out: dict[str, tuple[str, ...]] = {}
    pending: tuple[str, ...] = ()
    for line in text.splitlines():
        if (m := _MARK.match(line.strip())) is not None:
            pending = tuple(f.strip() for f in m.group("fields").split(",") if f.strip())
            continue
        if (m := _ENTRY.match(line)) is not None and pending:
            out[m.group("key")] = pending
        if line.strip():
            pending = ()
    return out


def check_unsure_imports(bib: Bibliography) -> list[Finding]:
    """One LR144 finding per entry still marked unsure, naming the fields to verify."""
    marks = {file: unsure_marks(text) for file, text in bib.files if "uncertain:" in text}
    if not marks:
        return []
    found = []
    for source in bib.sources:
        fields = marks.get(source.file, {}).get(source.key)
        if fields:
            found.append(finding("LR144", f"imported with unsure fields: {', '.join(fields)}",
                                 hint=f"Check {', '.join(fields)} against the source, then delete the "
                                      "'% uncertain:' line above the entry.",
                                 key=source.key, file=source.file, line=source.line))
    return found
