"""pandoc's simple, multiline and grid tables, which CommonMark reads as paragraphs and rules: their rows and cells.

A row's cells are found by the columns its rules draw (a simple or multiline table's groups of dashes, a grid table's
``+``), as pandoc finds them; a cell of several lines (a multiline or grid table's) is one piece per line, since a
claim is a span of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from ..lazyre import lazy

Cell = list[tuple[int, int]]
"""A cell's pieces: (start, end) offsets of its text, one per line it takes."""

_GROUPS = lazy(r"-+")
_COLUMN_RULE = lazy(r"^[ \xa0]{0,3}-+(?:[ \t]+-+)+[ \t]*$")
"""Two or more groups of dashes: the columns of a simple or multiline table."""
_DASH_RULE = lazy(r"^[ \xa0]{0,3}-{3,}[ \t]*$")
_GRID_RULE = lazy(r"^[ \xa0]{0,3}\+(?:[-=:]+\+)+[ \t]*$")
_GRID_ROW = lazy(r"^[ \xa0]{0,3}[|+]")


def pandoc_tables(lines: Sequence[str], starts: Sequence[int],
                  taken: set[int]) -> Iterator[tuple[int, int, list[Cell], bool]]:
    """(first line, line past the table, a row's cells, whether it is the table's header) for each row of each
    simple, multiline or grid table of ``lines`` (``starts``: each line's offset), none of whose lines are in
    ``taken`` (code, math, HTML)."""
    n = 0
    while n < len(lines):
        found = _table_at(lines, n) if (n == 0 or not lines[n - 1].strip()) else None
        if found is None or any(k in taken for k in range(n, found[0])):
            n += 1
            continue
        end, rows = found
        # A simple or multiline table's first row is its header, unless its column rule opens it; a grid table's is
        # when a rule of "=" follows it.
        head = (any("=" in lines[k] for k in range(n + 1, end) if _GRID_RULE.match(lines[k]))
                if _GRID_RULE.match(lines[n]) else not _COLUMN_RULE.match(lines[n]))
        for at, row in enumerate(rows):
            cells = [[(starts[k] + a, starts[k] + b) for k, a, b in cell] for cell in row]
            if any(cells):
                yield n, end, cells, head and at == 0
        n = end


_Row = list[list[tuple[int, int, int]]]
"""A row's cells, each its pieces as (line, start, end in that line)."""


def _table_at(lines: Sequence[str], n: int) -> tuple[int, list[_Row]] | None:
    """(the line past it, its rows) of the table whose first line is ``n``, or None."""
    line = lines[n]
    if _GRID_RULE.match(line):
        return _grid(lines, n)
    if _DASH_RULE.match(line) and n + 1 < len(lines) and lines[n + 1].strip():
        return _multiline(lines, n)
    if _COLUMN_RULE.match(line):
        return _headerless(lines, n)
    if n + 1 < len(lines) and line.strip() and _COLUMN_RULE.match(lines[n + 1]):
        return _simple(lines, n)
    return None


def _columns(rule: str) -> list[tuple[int, int]]:
    """The columns a rule of dashes draws: each from its group's start to the next group's (the last to the end)."""
    groups = [m.start() for m in _GROUPS.finditer(rule)]
    return [(0 if i == 0 else at, groups[i + 1] if i + 1 < len(groups) else 1 << 30) for i, at in enumerate(groups)]


def _cells(lines: Sequence[str], rows: Sequence[int], columns: list[tuple[int, int]]) -> _Row:
    """The cells of a row of ``rows`` (line numbers) cut by ``columns``: each cell's non-blank pieces, stripped."""
    cells: _Row = [[] for _ in columns]
    for k in rows:
        text = lines[k]
        for i, (a, b) in enumerate(columns):
            piece = text[a:b]
            if piece.strip(" \t\xa0"):
                lead = len(piece) - len(piece.lstrip(" \t\xa0"))
                cells[i].append((k, a + lead, a + len(piece.rstrip(" \t\xa0"))))
    return cells


def _simple(lines: Sequence[str], n: int) -> tuple[int, list[_Row]] | None:
    """A simple table: its header's line, its column rule, a row a line (one at least) up to a blank line."""
    columns = _columns(lines[n + 1])
    end = n + 2
    while end < len(lines) and lines[end].strip() and not _COLUMN_RULE.match(lines[end]):
        end += 1
    if end == n + 2:
        return None  # no row: pandoc reads a paragraph
    rows = [n, *range(n + 2, end)]
    if end < len(lines) and _COLUMN_RULE.match(lines[end]):
        end += 1  # a closing rule
    return end, [_cells(lines, [k], columns) for k in rows]


def _headerless(lines: Sequence[str], n: int) -> tuple[int, list[_Row]] | None:
    """A table opened by its column rule: a simple one's rows, one a line, or a multiline one's, blank lines
    between them, up to a closing rule."""
    columns = _columns(lines[n])
    if n + 1 >= len(lines) or not lines[n + 1].strip():
        return None  # its first row follows its rule
    end = n + 1
    while end < len(lines) and not (_COLUMN_RULE.match(lines[end]) or _DASH_RULE.match(lines[end])):
        if not lines[end].strip() and (end + 1 >= len(lines) or not lines[end + 1].strip()):
            return None  # two blank lines, or the text's end: no closing rule
        end += 1
    if end >= len(lines) or end == n + 1:
        return None
    body = list(range(n + 1, end))
    if any(not lines[k].strip() for k in body):
        return end + 1, [_cells(lines, group, columns) for group in _groups(lines, body)]
    return end + 1, [_cells(lines, [k], columns) for k in body]


def _multiline(lines: Sequence[str], n: int) -> tuple[int, list[_Row]] | None:
    """A multiline table: a rule of dashes, its header's lines, its column rule, rows (blank lines between them),
    a rule of dashes."""
    rule = n + 1
    while rule < len(lines) and lines[rule].strip() and not _COLUMN_RULE.match(lines[rule]):
        rule += 1
    if rule >= len(lines) or not _COLUMN_RULE.match(lines[rule]):
        return None
    columns = _columns(lines[rule])
    end = rule + 1
    while end < len(lines) and not _DASH_RULE.match(lines[end]):
        if not lines[end].strip() and (end + 1 >= len(lines) or not lines[end + 1].strip()):
            return None
        end += 1
    if end >= len(lines):
        return None
    rows = [_cells(lines, list(range(n + 1, rule)), columns)]
    rows += [_cells(lines, group, columns) for group in _groups(lines, list(range(rule + 1, end)))]
    return end + 1, rows


def _groups(lines: Sequence[str], body: list[int]) -> list[list[int]]:
    """``body``'s lines in runs that blank lines part: a multiline table's rows."""
    groups: list[list[int]] = [[]]
    for k in body:
        if lines[k].strip():
            groups[-1].append(k)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _grid(lines: Sequence[str], n: int) -> tuple[int, list[_Row]] | None:
    """A grid table: rows of ``|``-parted lines between ``+`` rules, the columns those of its first rule."""
    first = lines[n]
    plus = [m.start() for m in re.finditer(r"\+", first.rstrip())]
    columns = [(a + 1, b) for a, b in pairwise(plus)]
    rows: list[_Row] = []
    group: list[int] = []
    k = n + 1
    while k < len(lines) and _GRID_ROW.match(lines[k]):
        if _GRID_RULE.match(lines[k]):
            if group:
                rows.append(_cells(lines, group, columns))
            group = []
        else:
            group.append(k)
        k += 1
    if group or not rows:
        return None  # no closing rule
    return k, rows


_ROW_LEAD = lazy(r"(?:[ \t\xa0]*>)*[ \t\xa0]*\|?")
"""What a pipe table's row opens with: a block quote's markers, its indent, its first pipe."""
_BLANK = " \t\xa0"


def pipe_cells(line: str, at: int) -> list[Cell]:
    """The cells of a pipe table's row, ``line`` (at offset ``at`` of the text), as pandoc parts them: at each ``|``
    that is neither escaped (``\\|``) nor in a code span or TeX math (``a|b``, ``$|x|$``); each cell stripped, [] when
    blank. (markdown-it parts a row in its code spans and drops the backslash, so its cells are not the text's.)"""
    cells: list[Cell] = []
    lead = _ROW_LEAD.match(line)
    k = start = lead.end() if lead else 0
    while k <= len(line):
        ch = line[k] if k < len(line) else "|"
        if ch == "\\":
            k += 2
            continue
        if ch in "`$":
            past = _span_end(line, k)
            if past > k:
                k = past
                continue
        if ch == "|":
            piece = line[start:k]
            first = start + len(piece) - len(piece.lstrip(_BLANK))
            end = start + len(piece.rstrip(_BLANK))
            cells.append([(at + first, at + end)] if end > first else [])
            start = k + 1
        k += 1
    return cells[:-1] if len(cells) > 1 and not cells[-1] else cells  # a closing pipe's


def _span_end(line: str, k: int) -> int:
    """Past the code span or the TeX math that opens at ``line[k]`` (a backtick or a dollar), as pandoc reads them;
    past the run of backticks or dollars itself when it opens neither."""
    mark = line[k]
    n = len(line[k:]) - len(line[k:].lstrip(mark))
    if mark == "`":
        close = re.search(rf"(?<!`){'`' * n}(?!`)", line[k + n:])
        return k + n + close.end() if close else k + n
    if n >= 2:
        close_at = line.find("$$", k + 2)
        return close_at + 2 if close_at >= 0 else k + 2
    if k + 1 >= len(line) or line[k + 1] in _BLANK:
        return k + 1
    j = k + 1
    while j < len(line):
        if line[j] == "\\":
            j += 2
            continue
        if line[j] == "$" and line[j - 1] not in _BLANK and not line[j + 1:j + 2].isdigit():
            return j + 1
        j += 1
    return k + 1
