"""Byte-preserving edits of one field in one BibTeX entry (for ``sync --write``).

A small scanner finds the entry that opens on a given line and the span of each
field's value; edits replace only those spans, so every other byte stays as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = re.compile(r"[A-Za-z0-9_:.+\-]+")


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """Where one field sits in the text: its name, the whole value, and the line's indent."""

    name: str
    name_start: int
    value_start: int
    value_end: int
    comma_end: int
    """Offset just past the comma after the value (== value_end when there is none)."""


@dataclass(frozen=True, slots=True)
class EntrySpan:
    key: str
    start: int
    body_end: int
    """Offset of the entry's closing delimiter."""
    fields: tuple[FieldSpan, ...]

    def field(self, name: str) -> FieldSpan | None:
        for f in self.fields:
            if f.name.lower() == name.lower():
                return f
        return None


class BibEditError(ValueError):
    """The entry could not be located or scanned; nothing is edited."""


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _balanced(text: str, i: int, close: str) -> int:
    """Offset just past the delimiter closing the group that starts at ``i``."""
    depth = 0
    j = i
    while j < len(text):
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if close == "}" and depth == 0:
                return j + 1
        elif c == '"' and close == '"' and depth == 0 and j > i:
            return j + 1
        j += 1
    raise BibEditError("unbalanced braces")


def _value_end(text: str, i: int) -> int:
    """End of a field value: parts in braces, quotes or bare words joined by '#'."""
    while True:
        i = _skip_ws(text, i)
        if i >= len(text):
            raise BibEditError("value runs past the end of the file")
        if text[i] == "{":
            i = _balanced(text, i, "}")
        elif text[i] == '"':
            i = _balanced(text, i, '"')
        else:
            m = _NAME.match(text, i)
            if not m:
                raise BibEditError(f"unexpected {text[i]!r} in a value")
            i = m.end()
        j = _skip_ws(text, i)
        if j < len(text) and text[j] == "#":
            i = j + 1
            continue
        return i


def find_entry(text: str, line: int) -> EntrySpan:
    """The entry whose ``@type{key,`` starts on ``line`` (1-based)."""
    if line < 1:
        raise BibEditError(f"bad line {line}")
    offset = 0
    for _ in range(line - 1):
        nl = text.find("\n", offset)
        if nl < 0:
            raise BibEditError(f"the file has fewer than {line} lines")
        offset = nl + 1
    at = text.find("@", offset)
    if at < 0 or text.count("\n", offset, at) > 0:
        raise BibEditError(f"no entry starts on line {line}")
    open_at = at + 1
    while open_at < len(text) and text[open_at] not in "{(":
        open_at += 1
    closer = "}" if text[open_at] == "{" else ")"
    i = _skip_ws(text, open_at + 1)
    m = _NAME.match(text, i)
    if not m:
        raise BibEditError(f"entry on line {line} has no key")
    key = m.group(0)
    i = _skip_ws(text, m.end())
    fields: list[FieldSpan] = []
    while i < len(text):
        if text[i] == ",":
            i = _skip_ws(text, i + 1)
            continue
        if text[i] == closer:
            return EntrySpan(key, at, i, tuple(fields))
        m = _NAME.match(text, i)
        if not m:
            raise BibEditError(f"unexpected {text[i]!r} in entry {key}")
        j = _skip_ws(text, m.end())
        if j >= len(text) or text[j] != "=":
            raise BibEditError(f"field {m.group(0)} in entry {key} has no '='")
        vstart = _skip_ws(text, j + 1)
        vend = _value_end(text, vstart)
        k = _skip_ws(text, vend)
        comma_end = k + 1 if k < len(text) and text[k] == "," else vend
        fields.append(FieldSpan(m.group(0).lower(), m.start(), vstart, vend, comma_end))
        i = _skip_ws(text, comma_end)
    raise BibEditError(f"entry {key} is not closed")


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


_SPECIALS = re.compile(r"(?<!\\)([&%$#_])")


def bibtex_escape(value: str) -> str:
    """Registry text as a BibTeX value: specials escaped, stray braces and backslashes dropped."""
    text = value.replace("\\", "").replace("{", "").replace("}", "")
    return _SPECIALS.sub(r"\\\1", text)
