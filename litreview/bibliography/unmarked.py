"""Entries written without their ``@`` ("misc{juknis2022," on a line of its own, fields after it): BibTeX, biber,
pybtex and pandoc read text outside entries as a comment, so they skip such an entry without a word (LR163)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator
from typing import NamedTuple

from ..lazyre import lazy
from .bibtex import ENTRY_START, FIELD_NAME, body_end
from .bibtex_comments import COMMAND_START

_OPENING = lazy(r"^[ \t]*([A-Za-z]+)[ \t]*([{(])[ \t]*([^\s,{}()=\"#%@]+)[ \t]*,", re.M)
"""A line that opens an entry but for its @: a type, its ``{`` or ``(``, a key and a comma."""
_FIELD = lazy(rf"\s*{FIELD_NAME}\s*=")
"""The first field after the key: ``author =`` (prose that happens to hold "book{x," has none)."""


class Unmarked(NamedTuple):
    """An entry written without its @."""

    at: int
    """Offset of the line's first character."""
    kind: str
    """Its type as written ("misc")."""
    key: str
    """Its key."""


def unmarked_entries(text: str, types: Collection[str]) -> Iterator[Unmarked]:
    """The entries of ``text`` written without their @, outside every entry and @comment: a line that opens with one
    of ``types`` (lower case), its brace or parenthesis and a key, then a field."""
    if not _OPENING.search(text):
        return  # (most files: no scan of the entries' extents)
    starts = [m.end() - 1 for m in ENTRY_START.finditer(text)]
    ends = []
    for at, limit in zip(starts, [*starts[1:], len(text)][:len(starts)], strict=True):
        command = COMMAND_START.match(text, at, limit)
        end = body_end(text, command.end() - 1, limit) if command else -1
        ends.append(limit if end < 0 else end)  # an entry that nothing closes runs to the next @
    for m in _OPENING.finditer(text):
        n = bisect.bisect_right(starts, m.start())
        if n and m.start() < ends[n - 1]:
            continue  # inside an entry's value or a @comment
        if m.group(1).lower() in types and _FIELD.match(text, m.end()):
            yield Unmarked(m.start() + len(m.group()) - len(m.group().lstrip(" \t")), m.group(1), m.group(3))
