"""A CSL file that does not parse as a whole, cut at its top-level items so that one broken item costs only itself.

pandoc refuses the whole file; the checks still read every item that parses alone, so one pasted item with a
syntax error is one finding at its line, not one "no entry" for every citation of the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_YAML_ITEM = re.compile(r"^( *)-(?:[ \t]|$)")
_YAML_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_YAML_UNDER = re.compile(r"^(?:references|items)[ \t]*:")
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\[\]{}]')


def yaml_items(text: str) -> list[tuple[int, int]] | None:
    """The items of a CSL-YAML text as (first line, end line) 0-based, end excluded: each starts with ``-`` at the
    indentation of the list's first item (under ``references:`` when the file has one); the list ends at a
    ``---`` or ``...`` line, or at a line indented less (under ``references:``, a key at its indentation too).
    None without items."""
    lines = text.split("\n")
    start = next((n + 1 for n, line in enumerate(lines) if _YAML_UNDER.match(line)), 0)
    found = next((m for n in range(start, len(lines)) if (m := _YAML_ITEM.match(lines[n]))), None)
    if found is None:
        return None
    first, indent = lines.index(found.string, start), len(found.group(1))
    items: list[tuple[int, int]] = []
    begun = first
    below = max(indent, 1) if start else indent  # a line indented less ends the list (a key after references:)
    for n in range(first + 1, len(lines) + 1):
        line = lines[n] if n < len(lines) else "---"
        body = line.lstrip(" ")
        item = len(line) - len(body) == indent and _YAML_ITEM.match(line)
        ends = bool(_YAML_END.match(line)) or (not item and body.strip() != "" and not body.startswith(("#", "\t"))
                                               and len(line) - len(body) < below)
        if ends or item:
            items.append((begun, n))
            begun = n
        if ends:
            break
    return items


def json_items(text: str) -> tuple[list[tuple[int, int]], int] | None:
    """The objects of a CSL-JSON text's top-level array as (start, end) offsets, end excluded, found by a
    bracket scan that skips strings, and the offset of the array's closing ``]``; None when the text is no
    array, its array never closes, or it holds anything but objects and commas."""
    opening = len(text) - len(text.lstrip())
    if text[opening:opening + 1] != "[":
        return None
    items: list[tuple[int, int]] = []
    depth, begun, last = 0, -1, opening + 1
    for match in _JSON_TOKEN.finditer(text, opening):
        token = match.group()
        if token in "[{":
            if depth == 1:
                if token == "[" or text[last:match.start()].strip(" \t\r\n,"):
                    return None  # a list, or text, among the items
                begun = match.start()
            depth += 1
        elif token in "]}":
            depth -= 1
            if depth == 1 and token == "}" and begun >= 0:
                items.append((begun, match.end()))
                begun, last = -1, match.end()
            elif depth == 0:
                return (items, match.start()) if not text[last:match.start()].strip(" \t\r\n,") else None
            elif depth < 0:
                return None
    return None


def masked(text: str, spans: list[tuple[int, int]], keep: Callable[[int], bool], close: int) -> str:
    """A JSON ``text`` whose array holds the objects at ``spans`` that ``keep`` (by index) alone, each at its place
    (the rest blanked but its line breaks, a comma after each kept object but the last, ``close`` the array's
    ``]``), so that every line stays the line it was."""
    out = list(text)
    if not spans:
        return text
    for at in range(spans[0][0], close):
        if out[at] not in "\r\n":
            out[at] = " "
    kept = [(s, e) for n, (s, e) in enumerate(spans) if keep(n)]
    for n, (s, e) in enumerate(kept):
        out[s:e] = text[s:e]
        if n < len(kept) - 1:
            out[e - 1] = text[e - 1] + ","  # (one list item longer: the offsets after it are no longer used)
    return "".join(out)


def json_gaps(text: str, spans: list[tuple[int, int]], close: int) -> list[tuple[int, str]]:
    """The mistakes between the objects at ``spans`` of a JSON array closed at ``close``, as (offset, what Python's
    json says of it): a comma missing or doubled between two, a comma after the last."""
    out: list[tuple[int, str]] = []
    for n, (_, end) in enumerate(spans):
        upto = spans[n + 1][0] if n + 1 < len(spans) else close
        commas = [end + k for k, c in enumerate(text[end:upto]) if c == ","]
        if upto == close:
            out += [(at, "Expecting value") for at in commas[:-1]]
            if commas:
                out.append((commas[-1], "Illegal trailing comma before end of array"))
        elif not commas:
            out.append((upto, "Expecting ','"))
        else:
            out += [(at, "Expecting value") for at in commas[1:]]
    return out
