"""Terminal layout for the table commands: a table when there is room, a list of records when narrow.

Text wraps at word boundaries only (a long URL or DOI stays whole on a line of its own, so it can
be copied); tables give each column at least its longest word, so no word is cut. The width is
$COLUMNS, else the terminal's, else 120 when the output is piped.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

NARROW = 100
"""Below this many columns, records are listed instead of tabulated."""
PIPED_WIDTH = 120
_MAX_WORD_WIDTH = 26  # a longer "word" (a URL, a DOI) may be folded in a table cell
_SHORT_WIDTH = 16  # a short column (type, status) wraps longer values rather than crowd out the prose


def output_width() -> int:
    """Columns available on standard output."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 20:
        return int(columns)
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size().columns, 40)
    return PIPED_WIDTH


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Lines of at most ``width`` columns, broken between words only."""
    lines: list[str] = []
    for paragraph in str(text).splitlines() or [""]:
        lines += textwrap.wrap(paragraph, width=width, initial_indent=indent, subsequent_indent=indent + "  ",
                               break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]
    return lines


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its heading and whether its values are identifiers (URLs, DOIs) that may fold."""

    name: str
    fold: bool = False
    justify: str = "left"
    grow: bool = False
    """A column of prose (a title, a sentence): it takes the room the others leave."""


def render(title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, width: int,
           heads: Sequence[int] = (0,), footer: str = "", narrow: int = NARROW) -> str:
    """The rows as a table (wide) or as records (below ``narrow`` columns); ``heads`` open a record.

    The values are a contributor's text: a terminal control character in one is shown as an escape."""
    from ..text import visible

    rows = [[visible(str(v)) for v in row] for row in rows]
    if not rows:  # the title's count says it: no empty box under it
        return "\n".join([title, *wrap(footer, width)] if footer else [title]) + "\n"
    widths = None if width < narrow else _fitted(columns, rows, width)
    if widths is None:  # narrow, or the columns' longest words do not fit side by side: rich would cut words
        return _records(title, columns, rows, width=width, heads=heads, footer=footer)
    return _table(title, columns, rows, width=width, footer=footer, widths=widths)


def _least(column: Column, values: Sequence[str]) -> int:
    """The narrowest a column may be: its heading or its longest word (a folded identifier up to its fold)."""
    longest = min(max((len(w) for v in values for w in str(v).split()), default=0), _MAX_WORD_WIDTH)
    return max(longest, len(column.name))


def _width_of(column: Column, values: Sequence[str]) -> int:
    """The width the table gives a column: the others' their widest line up to a cap; a prose column, which takes
    the room they leave, at least as much as a short column (a note 7 columns wide is a word a line)."""
    low = _least(column, values)
    widest = max((len(line) for v in values for line in str(v).splitlines()), default=0)
    return max(low, min(widest, _SHORT_WIDTH if column.grow or not column.fold else _MAX_WORD_WIDTH))


def _fitted(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int) -> list[int] | None:
    """The widest each column may be for the table to fit ``width`` with no word cut: the short columns give up
    room down to their longest word, the most spare first (rich would take it from the prose column instead, below
    its longest word); None when even their longest words, and the prose columns' least room, do not fit."""
    values = [[row[i] for row in rows] for i in range(len(columns))]
    widths = [_width_of(c, v) for c, v in zip(columns, values, strict=True)]
    least = [w if c.grow else _least(c, v) for c, v, w in zip(columns, values, widths, strict=True)]
    rules = 3 * len(columns) + 1
    if sum(least) + rules > width:
        return None
    excess = sum(widths) + rules - width
    for i in sorted(range(len(columns)), key=lambda i: least[i] - widths[i]):
        if excess <= 0:
            break
        cut = min(excess, widths[i] - least[i])
        widths[i] -= cut
        excess -= cut
    return widths


def _records(title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, width: int,
             heads: Sequence[int], footer: str) -> str:
    out = [title, ""]
    for row in rows:
        head = "  ".join(row[i] for i in heads if row[i])
        out += wrap(head, width)
        for i, (column, value) in enumerate(zip(columns, row, strict=True)):
            if i in heads or not value:
                continue
            for n, part in enumerate(str(value).splitlines()):
                label = f"{column.name}: " if n == 0 else " " * (len(column.name) + 2)
                out += wrap(label + part, width, indent="  ")
        out.append("")
    if footer:
        out += wrap(footer, width)
    return "\n".join(out).rstrip("\n") + "\n"


def _table(title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, width: int,
           footer: str, widths: Sequence[int]) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, expand=any(c.grow for c in columns))
    for i, column in enumerate(columns):
        if column.grow:  # the room the others leave, its least (``_fitted``) at the very least
            table.add_column(column.name, justify=column.justify, overflow="fold",  # type: ignore[arg-type]
                             min_width=widths[i], ratio=1)
        else:
            # Short columns keep their longest word; a long value wraps instead of crowding out the prose.
            table.add_column(column.name, justify=column.justify,  # type: ignore[arg-type]
                             overflow="fold" if column.fold else "ellipsis",
                             min_width=_least(column, [row[i] for row in rows]), max_width=widths[i])
    for row in rows:
        table.add_row(*(Text(str(v)) for v in row))
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None, highlight=False)
    console.print(table)
    if footer:
        console.print(footer)
    return buffer.getvalue()


def emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
