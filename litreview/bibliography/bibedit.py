"""Byte-preserving edits of one field in one BibTeX entry (for ``sync --write``).

The shared scanner (``bibliography.bibtex``) finds the entry that opens on a given line
and the span of each field's value; edits replace only those spans, so every other
byte stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from .bibtex import EntrySpan, FieldSpan, ScanError, escape, find_entry

BibEditError = ScanError
"""The entry could not be located or scanned; nothing is edited."""

__all__ = ["BibEditError", "Edit", "EntrySpan", "FieldSpan", "apply_edits", "bibtex_escape", "find_entry",
           "set_field"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


def set_field(text: str, entry: EntrySpan, name: str, value: str) -> list[Edit]:
    """Edits that give field ``name`` the (already BibTeX-escaped) ``value``, adding it if absent."""
    rendered = value if value.isdigit() else "{" + value + "}"
    existing = entry.field(name)
    if existing is not None:
        # Keep the delimiters the entry already uses for this field.
        first = text[existing.value_start]
        if first == "{" or (first == '"' and '"' in value):
            rendered = "{" + value + "}"
        elif first == '"':
            rendered = '"' + value + '"'
        return [Edit(existing.value_start, existing.value_end, rendered)]
    if not entry.fields:
        return [Edit(entry.body_end, entry.body_end, f"\n  {name} = {rendered}\n")]
    last = entry.fields[-1]
    line_start = text.rfind("\n", 0, last.name_start) + 1
    indent = text[line_start:last.name_start]
    if indent.strip():
        indent = "  "
    # Follow the entry's layout: "name = value" with '=' aligned like the last field.
    eq = text.find("=", last.name_start, last.value_start)
    before = " " if eq > 0 and text[eq - 1] == " " else ""
    after = " " if eq > 0 and text[eq + 1] == " " else ""
    pad = " " * max(0, (eq - last.name_start) - len(name) - len(before)) if before else ""
    line = f"{indent}{name}{pad}{before}={after}{rendered}"
    if last.comma_end > last.value_end:
        return [Edit(last.comma_end, last.comma_end, f"\n{line},")]
    return [Edit(last.value_end, last.value_end, f",\n{line}")]


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (computed on the same text), last first."""
    out = text
    # Last first keeps earlier offsets valid; among insertions at one point the later
    # edit goes in first, so they end up in the order given.
    ordered = sorted(enumerate(edits), key=lambda pair: (pair[1].start, pair[1].end, pair[0]), reverse=True)
    for _, e in ordered:
        out = out[: e.start] + e.new + out[e.end:]
    return out


def bibtex_escape(value: str) -> str:
    """Registry text as a BibTeX value (the one escape rule of ``bibliography.bibtex``)."""
    return escape(value)
