"""Markdown as pandoc reads it: block structure from markdown-it-py (CommonMark, pipe tables,
footnotes, math) and ``md_tables`` (simple, multiline and grid tables), claims in paragraphs, headings, list items,
quotes, table cells and footnotes.

Nothing in code, math, HTML comments or raw HTML is read as a citation (``cites.mask_inline``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from typing import Any, NamedTuple

from ..errors import EssayError
from ..lazyre import lazy
from ..model import Claim, Essay, Paragraph
from ..spans import blanked_spans
from ..text import HARD_BREAK
from .cites import MASK, blank_keys, crossref_kinds, is_crossref, mask_inline, raw_tex_alone
from .front import file_front
from .md_blocks import commonmark, parser, without_stops_in_math
from .md_notes import NOTE_DEFINITIONS, NoteDefinition
from .md_tables import Cell, pandoc_tables, pipe_cells
from .segment import follow_paragraph, make_claim, sentences, split_lines
from .yaml_meta import document_meta, nocite_keys

_NEWLINE = lazy(r"\n")
# A closing sequence starts where its run of blanks starts: the same leftmost match, in linear time
# (tried at every blank of a long run, the search was quadratic).
_ATX_CLOSE = lazy(r"(?<![ \t])[ \t]+#+[ \t]*$|^#+[ \t]*$")
_HEADING_ATTRS = lazy(r"[ \t]*\{[#.\-][^{}]*\}[ \t]*$")
"""pandoc's and Quarto's heading attributes (``{#sec-intro}``, ``{.unnumbered}``, ``{-}``): not prose, nor when
glued to the text (pandoc reads ``# Title{.center}`` as the heading "Title")."""
# Four columns in (md_blocks.commonmark keeps a pandoc table's indented rows out of code as no-break spaces)
_INDENTED = lazy(r"[ \xa0]{4}|[ \xa0]{0,3}\t")
_RAW_HTML = lazy(r"\s*<(?:!|\?|(?:pre|script|style|textarea)\b)", re.I)
# No citation right after a letter, digit or full stop, even where a sentence was cut between them.
_GLUED_AFTER = lazy(r"[^\W_]|[.@]")


def parse_markdown(text: str, path: str = "<string>", *, file: str | None = None) -> Essay:
    """Split Markdown text into front matter, paragraphs and sentence claims."""
    if not text.strip():
        raise EssayError("essay is empty", path=path, line=1,
                         hint="write the essay as Markdown paragraphs separated by blank lines")
    meta, body, body_line = document_meta(text, path)
    notes: list[NoteDefinition] = []
    paragraphs = read_body(body, body_line, file=file, notes=notes)
    if not paragraphs:
        raise EssayError("essay has no paragraphs", path=path, line=body_line,
                         hint="separate paragraphs of prose with blank lines; headings and code are skipped")
    front = file_front(text, meta, body_line, file=file)
    essay = markdown_essay(path, body, meta, front + paragraphs, body_line=body_line)
    if not notes:
        return essay
    from . import noted
    from .md_note_labels import note_notices

    return noted(essay, note_notices(body, notes, lambda k: (file or path, body_line + k)))


def markdown_essay(path: str, body: str, meta: dict[str, Any], paragraphs: list[Paragraph], *,
                   body_line: int = 1) -> Essay:
    """The essay of Markdown paragraphs read by one of the Markdown readers (a file, a book, a notebook).
    Citation items whose key is a label of a cross-reference kind the front matter declares (Quarto's
    ``crossref: custom``) are left out, as Quarto reads them."""
    essay = Essay(path=path, body=body, meta=meta, paragraphs=tuple(paragraphs), body_line=body_line,
                  format="markdown", nocite=nocite_keys(meta))
    return without_crossrefs(essay, crossref_kinds(meta))


def without_crossrefs(essay: Essay, kinds: tuple[str, ...]) -> Essay:
    """``essay`` without the citation items that are labels of the cross-reference ``kinds``
    (``cites.crossref_kinds``), and whether it marks its citations at all (``Essay.marked``) read again."""
    paragraphs = essay.paragraphs
    if kinds:
        paragraphs = tuple(_without_crossrefs(p, kinds) for p in paragraphs)
    return replace(essay, paragraphs=paragraphs, marked=any(c.citations for p in paragraphs for c in p.claims))


def _without_crossrefs(paragraph: Paragraph, kinds: tuple[str, ...]) -> Paragraph:
    claims = tuple(replace(c, citations=tuple(x for x in c.citations if not is_crossref(x.key, kinds)))
                   if c.citations and any(is_crossref(x.key, kinds) for x in c.citations) else c
                   for c in paragraph.claims)
    return replace(paragraph, claims=claims)


def read_body(body: str, body_line: int, *, first: int = 1, file: str | None = None,
              notes: list[NoteDefinition] | None = None) -> list[Paragraph]:
    """The paragraphs of a Markdown body, numbered from ``first``; the footnote definitions read (printed or not:
    ``md_notes.note_definitions``) added to ``notes`` when it is given."""
    source = commonmark(body)
    paragraphs: list[Paragraph] = []
    number = first
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(body)]
    plain = without_stops_in_math(blank_keys(body))  # no sentence ends inside a key or display math
    tables: dict[int, int] = {}  # a table's offset -> the number of its first row
    leading: list[str] = []  # display math before the first paragraph
    marks: list[tuple[int, int]] = []
    units = sorted(_units(source, marks, notes), key=lambda u: u[0])
    if marks:  # a quote's markers, a line block's bars: no text of the claims, nor of their paragraph
        body, source, plain = (blanked_spans(x, [(a, b) for a, b in marks if b > a]) for x in (body, source, plain))
        breaks = {a for a, b in marks if a == b}  # a line block's lines: its paragraph's text keeps them apart
        if breaks:
            body = "".join(HARD_BREAK if a in breaks else body[a:b]
                           for a, b in pairwise(sorted({0, len(body), *breaks, *(i + 1 for i in breaks)})))
    for start, end, spans, note, level, row in units:
        if level == _DISPLAY:
            follow_paragraph(paragraphs, leading, _display_text(body[start:end]))
            continue
        table = row is not None
        if spans == [(start, end)] and not table:  # a figure: its caption is the paragraph
            start, end = _figure_caption(source, start, end)
            spans = [(start, end)]
        unit = mask_inline(source[start:end]) if row is None else ""
        claims: list[Claim] = []
        for span_start, span_end in spans:
            # A table's cell is one claim: no prose to split into sentences (pandoc reads a Table); so is a heading,
            # which names a section ("## 2.2. Objectius específics": its number ends no sentence).
            for a, b in [(span_start, span_end)] if table or level > 0 else sentences(plain, span_start, span_end):
                line = body_line + bisect_right(line_starts, a) - 1
                # A table's cell is read alone: the row's span holds the other columns.
                masked = unit[a - start:b - start] if row is None else mask_inline(source[a:b])
                before = unit[a - start - 1] if row is None else source[a - 1]
                if masked.startswith("@") and a > start and _GLUED_AFTER.match(before):
                    masked = MASK + masked[1:]
                if row is None and raw_tex_alone(body[a:b]):
                    continue  # (``\\newpage``: pandoc's raw TeX, no text of an HTML page)
                claims.append(make_claim(body, body_line, number, len(claims) + 1, a, b,
                                         masked=masked, file=file, line=line))
        if not claims:
            continue
        text, cells = _row_text(body, row.cells) if row is not None else (body[start:end].strip(), ())
        paragraphs.append(Paragraph(number=number, text=text,
                                    line=body_line + bisect_right(line_starts, start) - 1, claims=tuple(claims),
                                    note=note, heading=0 if table else level, cells=cells,
                                    table=tables.setdefault(row.table, number) if row is not None else 0,
                                    header=row is not None and row.header, before=tuple(leading)))
        leading = []
        number += 1
    return paragraphs


def _display_text(written: str) -> str:
    """A display math block as written, from its first ``$$`` to its last (a quote's or list's markers before it
    left out)."""
    first, last = written.find("$$"), written.rfind("$$")
    return written[first:last + 2] if 0 <= first < last else written.strip()


def _row_text(body: str, cells: list[Cell]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A table's row as a paragraph's text, its cells parted by " | " (a cell of several lines one line), and each
    cell's span in that text: the page prints the cells the reader found, not the text parted again."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for cell in cells:
        part = " ".join(body[a:b] for a, b in cell)
        at += 3 if parts else 0
        spans.append((at, at + len(part)))
        parts.append(part)
        at += len(part)
    return " | ".join(parts), tuple(spans)


_IMAGE_TAIL = lazy(r"\((?:[^()\n]|\([^()\n]*\))*\)(?:\{[^{}]*\})?\s*")


def _figure_caption(source: str, start: int, end: int) -> tuple[int, int]:
    """The span of an image's caption when ``source[start:end]`` is an image alone (``![A *map*.](a.png){#fig:a}``),
    which pandoc makes a figure whose caption is the image's text; else the span itself. The claims are the
    caption's sentences, not its markup (the page showed "*](images/a.png){#fig:a width=90%}")."""
    if not source.startswith("![", start):
        return start, end
    depth = 0
    at = start + 1
    while at < end:
        ch = source[at]
        if ch == "\\":
            at += 2
            continue
        depth += (ch == "[") - (ch == "]")
        if depth == 0:
            break
        at += 1
    if depth != 0 or at <= start + 2:
        return start, end
    tail = _IMAGE_TAIL.match(source, at + 1)
    return (start + 2, at) if tail is not None and tail.end() >= end else (start, end)


_ROW = -1
"""The level :func:`_units` gives a table's row (its spans are its cells)."""
_DISPLAY = -2
"""The level :func:`_units` gives display math alone (``$$ ... $$``, pandoc's paragraph of math): no claim, its text
kept for the paragraph before it (``Paragraph.after``)."""


class _TableRow(NamedTuple):
    cells: list[Cell]
    table: int
    """Its table's offset in the text: the rows of one table share it."""
    header: bool


_Unit = tuple[int, int, list[tuple[int, int]], str, int, _TableRow | None]
_TAKEN = frozenset({"fence", "code_block", "html_block", "math_block", "math_block_eqno"})
"""Blocks whose lines hold no table."""


def _units(source: str, marks: list[tuple[int, int]], notes: list[NoteDefinition] | None = None) -> Iterator[_Unit]:
    """(start, end, spans to split into sentences, the label of the note it is in or "", its level when it is a
    heading's text, ``_ROW`` for a table's row, else 0, a table's row: its cells, its table, whether it is the
    header, else None) for each block of text, in token order; the spans of markup that is no text of a block
    added to ``marks`` (``_container_marks``), the footnote definitions to ``notes``."""
    starts = [0]
    for line in split_lines(source, keepends=True):
        starts.append(starts[-1] + len(line))
    lines = split_lines(source)
    env: dict[str, Any] = {}
    tokens = parser().parse(source, env)
    if notes is not None:
        notes.extend(env.get(NOTE_DEFINITIONS) or ())
    in_table: set[int] = set()
    if "-" in source:
        taken = {k for tok in tokens if tok.type in _TAKEN and tok.map for k in range(*tok.map)}
        for first, past, cells, header in pandoc_tables(lines, starts, taken):
            in_table.update(range(first, past))
            pieces = [piece for cell in cells for piece in cell]
            yield pieces[0][0], pieces[-1][1], pieces, "", _ROW, _TableRow(cells, starts[first], header)
    row: list[Cell] = []  # a pipe table's row's cells, from its tr_open to its tr_close
    table = 0  # the pipe table's offset
    header = False
    heading = 0
    note = ""
    marks.extend(_container_marks(source, tokens, lines, starts))
    for tok in tokens:
        if in_table and tok.map and tok.map[0] in in_table and tok.type in ("inline", "html_block"):
            continue
        if tok.type == "footnote_open":
            note = str(tok.meta.get("label") or "")
        elif tok.type == "footnote_close":
            note = ""
        elif tok.type == "heading_open":
            heading = int(tok.tag[1:])
            if tok.markup[:1] != "#" and tok.map and _INDENTED.match(lines[tok.map[0]]):
                heading = -1  # a multiline table's last row over its closing dashes: pandoc reads a table
        elif tok.type == "heading_close":
            heading = 0
        elif tok.type == "table_open" and tok.map:
            table = starts[tok.map[0]]
        elif tok.type in ("thead_open", "thead_close"):
            header = tok.type == "thead_open"
        elif tok.type == "tr_open" and tok.map:
            # The row's cells as pandoc parts them, not markdown-it's (which parts a code span, drops "\\|" escapes)
            row = pipe_cells(lines[tok.map[0]], starts[tok.map[0]])
        elif tok.type == "tr_close":
            pieces = [piece for cell in row for piece in cell]
            if pieces:
                yield pieces[0][0], pieces[-1][1], pieces, note, _ROW, _TableRow(row, table, header)
            row = []
        elif row:
            continue  # a cell's text
        elif (tok.type == "html_block" and tok.map and not _RAW_HTML.match(tok.content)
              and any(ch.isalnum() for ch in mask_inline(tok.content).replace(MASK, ""))):
            # Pandoc reads the Markdown in an HTML block (tags masked), but not in <pre>, <script>, comments.
            first, last = tok.map[0], min(tok.map[1], len(lines)) - 1
            start = starts[first] + len(lines[first]) - len(lines[first].lstrip())
            end = starts[last] + len(lines[last].rstrip())
            if end > start:
                yield start, end, [(start, end)], note, 0, None
        elif tok.type == "math_block" and tok.map:
            first, last = tok.map[0], min(tok.map[1], len(lines)) - 1
            if first <= last:
                yield starts[first], starts[last] + len(lines[last]), [], note, _DISPLAY, None
        elif tok.type == "inline" and tok.map:
            span = _inline_span(tok.content, tok.map, lines, starts, heading != 0)
            if span is not None:
                spans = _stanzas(span, tok.map, lines, starts) if _is_line_block(tok) else [span]
                yield span[0], span[1], spans, note, max(heading, 0), None


_QUOTE_MARKERS = lazy(r"[ \t]*>(?:[ \t]*>)*[ \t]?")
"""A quote's markers at a line's start (``> > ``, after a list's indent)."""
_LINE_BLOCK_BAR = lazy(r"(?:[ \t]*>(?:[ \t]*>)*)?[ \t]*(\|)(?=[ \t]|$)")
"""A line block's bar at a line's start (after a quote's markers): ``| `` or a ``|`` alone."""


def _is_line_block(tok: Any) -> bool:
    """Whether the inline token is a line block's text (pandoc's line_blocks: its first line opens with ``| ``)."""
    return bool(tok.content.startswith(("| ", "|\t")) or tok.content == "|" or tok.content.startswith("|\n"))


def _stanzas(span: tuple[int, int], where: list[int], lines: list[str], starts: list[int]) -> list[tuple[int, int]]:
    """The parts of a line block's ``span`` between its empty lines (a ``|`` alone: pandoc's empty line of the
    LineBlock, a stanza's or a register entry's end), each read into claims of its own; ``[span]`` when it has
    none."""
    parts: list[tuple[int, int]] = []
    begin = span[0]
    for k in range(where[0], min(where[1], len(lines))):
        bar = _LINE_BLOCK_BAR.match(lines[k])
        if bar is None or lines[k][bar.end():].strip():
            continue
        if k > where[0] and (end := starts[k - 1] + len(lines[k - 1].rstrip())) > begin:
            parts.append((begin, end))
        begin = starts[k] + len(lines[k])
    if span[1] > begin:
        parts.append((begin, span[1]))
    return parts or [span]


def _container_marks(source: str, tokens: list[Any], lines: list[str], starts: list[int]
                     ) -> Iterator[tuple[int, int]]:
    """The spans of markup on the lines of a block that pandoc reads as no text of it: a quote's markers (``> ``)
    on each of its lines, and a line block's bars (pandoc's line_blocks: a paragraph whose first line opens with
    ``| ``, each line its own; markdown-it reads a paragraph, the bars its text), with an empty span at the line
    break before each of its lines after the first (pandoc's LineBreak, the author's forced break)."""
    quoted: set[int] = set()
    for tok in tokens:
        if tok.type == "blockquote_open" and tok.map:
            quoted.update(range(tok.map[0], min(tok.map[1], len(lines))))
        elif tok.type == "inline" and tok.map and _is_line_block(tok):
            for k in range(tok.map[0], min(tok.map[1], len(lines))):
                if (bar := _LINE_BLOCK_BAR.match(lines[k])) is not None:
                    yield starts[k] + bar.start(1), starts[k] + bar.end(1)
                    if k > tok.map[0] and source[starts[k] - 1] == "\n":
                        yield starts[k] - 1, starts[k] - 1  # the line break before it, a LineBreak to pandoc
    for k in sorted(quoted):
        if (m := _QUOTE_MARKERS.match(lines[k])) is not None:
            yield starts[k] + m.start(), starts[k] + m.end()


def _inline_span(content: str, where: list[int], lines: list[str], starts: list[int],
                 heading: bool) -> tuple[int, int] | None:
    parts = content.split("\n")
    first_line, count = where[0], len(parts)
    if first_line >= len(lines):
        return None
    head = parts[0].strip()
    text = lines[first_line]
    at = text.find(head[:40]) if head else -1
    start = starts[first_line] + (at if at >= 0 else len(text) - len(text.lstrip()))
    last = min(first_line + count - 1, len(lines) - 1)
    tail = lines[last].rstrip()
    if heading:
        tail = _ATX_CLOSE.sub("", _HEADING_ATTRS.sub("", tail))
    end = starts[last] + len(tail)
    return (start, end) if end > start else None
