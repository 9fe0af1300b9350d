"""THE BibTeX text rules: the brace scanner, escaping, entry formatting, page ranges, key suffixes.

The loader, the writers (``import``, ``add``), the byte-preserving editor (``sync --write``) and
the site's "copy BibTeX" all use these, so a value is read, written and cut one way only.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from ..lazyre import lazy
from ..text import without_controls

# --- scanning ---------------------------------------------------------------------------

NAME = lazy(r"[A-Za-z0-9_:.+\-/'!?<>\[\]*&|;@]+")
"""A field name, an entry key or a bare macro name (pybtex's name characters, roughly)."""
_KEY = lazy(r"[^\s,{}()]+")
ENTRY_START = lazy(r"^[ \t]*@", re.M)
"""Where BibTeX tools (and people) expect an entry to open: an ``@`` at the start of a line."""
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
"""The months' English names, in order (BibTeX's month macros are their first three letters)."""


class ScanError(ValueError):
    """The text is not a well-formed entry at that place; nothing is edited."""


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """Where one field sits in the text."""

    name: str
    """Field name in lower case."""
    name_start: int
    value_start: int
    value_end: int
    comma_end: int
    """Offset just past the comma after the value (== value_end when there is none)."""


@dataclass(frozen=True, slots=True)
class EntrySpan:
    """One entry located in a text: its key, where it starts and where its body closes."""

    key: str
    start: int
    """Offset of the ``@``."""
    body_end: int
    """Offset of the entry's closing delimiter."""
    fields: tuple[FieldSpan, ...]

    def field(self, name: str) -> FieldSpan | None:
        for f in self.fields:
            if f.name == name.lower():
                return f
        return None


def skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


_GROUP_MARKS = lazy(r'[{}"]')


def group_end(text: str, i: int, limit: int | None = None) -> int:
    """Offset just past the group opened at ``text[i]`` (``{...}`` or ``"..."``), braces balanced, read no further
    than ``limit`` (the text's end).

    As in BibTeX, a backslash does not protect a brace: ``\\{`` still counts.
    """
    quoted, depth = text[i] == '"', 0
    for m in _GROUP_MARKS.finditer(text, i + quoted, len(text) if limit is None else limit):
        c = m.group()
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0 and not quoted:
                return m.end()
            if depth < 0:
                raise ScanError("a } closes nothing")
        elif quoted and depth == 0:
            return m.end()
    raise ScanError("unbalanced braces")


def brace_partners(text: str, marks: str = r"[{}]") -> dict[int, int]:
    """``group_end`` for every ``{`` of a text in one pass: offset of each ``{`` -> offset just past
    its ``}`` (-1 when it is never closed). Scanning from each brace alone is quadratic. ``marks``
    finds the opening and closing marks (the opening one ``{``, ``(`` or ``[``): in running text,
    ``r"(?<!\\)[{}]"`` leaves escaped braces out, ``"[()]"`` pairs parentheses and ``r"(?<!\\\\)[\\[\\]]"`` brackets."""
    partners: dict[int, int] = {}
    stack: list[int] = []
    for m in re.finditer(marks, text):
        if m.group() in "{([":
            stack.append(m.start())
        elif stack:
            partners[stack.pop()] = m.end()
    partners.update((i, -1) for i in stack)
    return partners


def value_end(text: str, i: int) -> int:
    """End of a field value: parts in braces, quotes, numbers or macro names joined by ``#``."""
    return value_parts(text, i)[0]


def value_parts(text: str, i: int) -> tuple[int, tuple[str, ...]]:
    """End of the field value at ``i`` and the macro names it uses (the bare parts that are not numbers)."""
    names: list[str] = []
    while True:
        i = skip_space(text, i)
        if i >= len(text):
            raise ScanError("value runs past the end of the file")
        if text[i] in '{"':
            i = group_end(text, i)
        else:
            m = NAME.match(text, i)
            if not m:
                raise ScanError(f"unexpected {text[i]!r} in a value")
            if not m.group(0).isdigit():
                names.append(m.group(0))
            i = m.end()
        j = skip_space(text, i)
        if j < len(text) and text[j] == "#":
            i = j + 1
            continue
        return i, tuple(names)


def macros_used(text: str, entry: EntrySpan) -> tuple[str, ...]:
    """The @string macro names the entry's values use, in order (month names among them)."""
    return tuple(name for f in entry.fields for name in value_parts(text, f.value_start)[1])


def scan_entry(text: str, at: int) -> EntrySpan:
    """The entry whose ``@`` is at offset ``at``, with the span of each field."""
    open_at = at + 1
    while open_at < len(text) and text[open_at] not in "{(":
        open_at += 1
    if open_at >= len(text):
        raise ScanError("no { after the entry type")
    closer = "}" if text[open_at] == "{" else ")"
    i = skip_space(text, open_at + 1)
    m = _KEY.match(text, i)
    key = m.group(0) if m else ""
    i = skip_space(text, m.end() if m else i)
    fields: list[FieldSpan] = []
    while i < len(text):
        if text[i] == ",":
            i = skip_space(text, i + 1)
            continue
        if text[i] == closer:
            return EntrySpan(key, at, i, tuple(fields))
        m = NAME.match(text, i)
        if not m:
            raise ScanError(f"unexpected {text[i]!r} in entry {key}")
        j = skip_space(text, m.end())
        if j >= len(text) or text[j] != "=":
            raise ScanError(f"field {m.group(0)} in entry {key} has no '='")
        vstart = skip_space(text, j + 1)
        vend = value_end(text, vstart)
        k = skip_space(text, vend)
        comma_end = k + 1 if k < len(text) and text[k] == "," else vend
        fields.append(FieldSpan(m.group(0).lower(), m.start(), vstart, vend, comma_end))
        i = skip_space(text, comma_end)
    raise ScanError(f"entry {key} is not closed")


_STRING_DEFINITION = lazy(rf"@\s*string\s*[{{(]\s*({NAME.pattern})\s*=", re.I)


_PREAMBLE = lazy(r"@\s*preamble\s*[{(]", re.I)


def defines_macros(text: str) -> bool:
    """Whether the text has ``@string`` or ``@preamble`` commands: a file of only these (IEEEabrv.bib,
    a journal-abbreviations file) is one BibTeX and biber read before the entries that use them."""
    return bool(string_names(text)) or ("@" in text and _PREAMBLE.search(text) is not None)


def string_names(text: str) -> frozenset[str]:
    """The names the text's ``@string`` commands define, case folded (BibTeX ignores their case)."""
    return frozenset(m.group(1).casefold() for m in _STRING_DEFINITION.finditer(text)) if "@" in text else frozenset()


def string_offset(text: str, name: str) -> int | None:
    """Where the first ``@string`` defining ``name`` (in any case) starts in the text, or None."""
    folded = name.casefold()
    return next((m.start() for m in _STRING_DEFINITION.finditer(text) if m.group(1).casefold() == folded), None)


def string_matters(text: str, command: CommentedOut, commented: Collection[int]) -> bool:
    """Whether a @string written in % lines (which BibTeX reads and biber and pandoc skip) changes what BibTeX reads:
    some field after it uses the name (a bare value, or a part joined with #) before a live @string defines it again.
    ``commented``: where the commands in % lines start (they are no live definition)."""
    folded = command.key.casefold()
    start = command.end or command.at
    stop = next((m.start() for m in _STRING_DEFINITION.finditer(text, start)
                 if m.group(1).casefold() == folded and m.start() not in commented), len(text))
    use = re.compile(rf"[=#]\s*{re.escape(command.key)}\s*(?=[,}})#]|$)", re.I | re.M)
    return use.search(text, start, stop) is not None


def line_offset(text: str, line: int) -> int:
    """Offset of the start of 1-based ``line``."""
    offset = 0
    for _ in range(line - 1):
        nl = text.find("\n", offset)
        if nl < 0:
            raise ScanError(f"the file has fewer than {line} lines")
        offset = nl + 1
    return offset


def find_entry(text: str, line: int) -> EntrySpan:
    """The entry whose ``@type{key,`` starts on ``line`` (1-based)."""
    if line < 1:
        raise ScanError(f"bad line {line}")
    offset = line_offset(text, line)
    at = text.find("@", offset)
    if at < 0 or text.count("\n", offset, at) > 0:
        raise ScanError(f"no entry starts on line {line}")
    return scan_entry(text, at)


def entry_extent(text: str, at: int) -> int:
    """Offset just past the entry that opens at ``at`` (its closing delimiter).

    An entry whose braces do not balance ends before the next line that opens an entry.
    """
    try:
        return scan_entry(text, at).body_end + 1
    except ScanError:
        pass
    following = ENTRY_START.search(text, at + 1)
    return len(text.rstrip()) if following is None else len(text[:following.start()].rstrip())


def chunks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each piece of text that opens with an ``@`` at the start of a line."""
    starts = [m.start() for m in ENTRY_START.finditer(text)] + [len(text)]
    yield from itertools.pairwise(starts)


def unbalanced(chunk: str) -> tuple[int | None, int | None]:
    """(offset of the first ``{`` never closed, offset of the first ``}`` that closes nothing)."""
    stack: list[int] = []
    extra = None
    for i, ch in enumerate(chunk):
        if ch == "{":
            stack.append(i)
        elif ch == "}":
            if stack:
                stack.pop()
            elif extra is None:
                extra = i
    return (stack[0] if stack else None), extra



COMMENT_LINE = lazy(r"^[ \t]*%[^\n]*", re.M)
"""A line whose first mark is %: a comment to pandoc and biber (BibTeX and pybtex have no comments: "% url = {...}"
inside an entry stops them, and "@book{old," in one starts an entry)."""
COMMAND_START = lazy(rf"@[ \t]*(?![0-9])({NAME.pattern})[ \t]*[{{(]")
"""An entry or command opening as pybtex reads one, anywhere in a line: ``@``, its type, its ``{`` or ``(``."""
_BODY_MARKS = {"{": _GROUP_MARKS, "(": lazy(r'[{")]')}
_PYBTEX_KEY = {"{": lazy(r"[^\s,}]+"), "(": lazy(r"[^\s,]+")}
"""An entry's key as pybtex reads it, after its ``{`` or ``(``."""


def body_parts(text: str, open_at: int) -> Iterator[tuple[int, int]]:
    """Spans of what the entry body opened at ``open_at`` (its ``{`` or ``(``) holds whole, as BibTeX reads it: each
    value in braces or quotes (``group_end``), then the ``}`` or ``)`` that closes the body. A group that nothing
    closes runs to the end of the text and ends the body."""
    closer = "}" if text[open_at] == "{" else ")"
    marks, i = _BODY_MARKS[text[open_at]], open_at + 1
    while (mark := marks.search(text, i)) is not None:
        if mark.group() == closer:
            yield mark.span()
            return
        try:
            i = group_end(text, mark.start())
        except ScanError:
            yield mark.start(), len(text)
            return
        yield mark.start(), i


def body_end(text: str, open_at: int) -> int:
    """Offset just past the ``}`` or ``)`` that closes the entry body opened at ``open_at``, -1 when none does."""
    parts = list(body_parts(text, open_at))
    return parts[-1][1] if parts and text[parts[-1][0]] in "})" else -1


def value_spans(text: str, skipped: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of the values in braces or quotes of every entry, in order, in one pass: each entry opens where
    ``ENTRY_START`` finds an ``@`` (and ``COMMAND_START`` reads one) and is read up to the next one at most, as
    ``body_parts`` reads it, but a mark in one of the ``skipped`` spans (sorted, outside values: the comment lines
    that pandoc and biber skip) is no mark. A group that nothing closes runs to the next entry's start."""
    spans: list[tuple[int, int]] = []
    skip_starts = [s for s, _ in skipped]
    starts = [m.end() - 1 for m in ENTRY_START.finditer(text)]
    for at, limit in itertools.pairwise([*starts, len(text)]):
        command = COMMAND_START.match(text, at, limit)
        if command is None:
            continue
        opener = text[command.end() - 1]
        closer, marks, i = ("}" if opener == "{" else ")"), _BODY_MARKS[opener], command.end()
        while (mark := marks.search(text, i, limit)) is not None:
            begin = mark.start()
            n = bisect.bisect_right(skip_starts, begin) - 1
            if n >= 0 and begin < skipped[n][1]:  # in a comment line between fields
                i = skipped[n][1]
                continue
            if mark.group() == closer:
                break
            i = _group_close(text, begin, limit)
            spans.append((begin, i))
    return spans


def _group_close(text: str, i: int, limit: int) -> int:
    """``group_end`` read no further than ``limit`` (which it returns when nothing closes the group before it)."""
    try:
        return group_end(text, i, limit)
    except ScanError:
        return limit


def _in(spans: Sequence[tuple[int, int]], starts: Sequence[int], at: int) -> bool:
    """Whether offset ``at`` lies in one of ``spans`` (sorted, not overlapping; ``starts`` their starts)."""
    n = bisect.bisect_right(starts, at) - 1
    return n >= 0 and at < spans[n][1]


_WORD_AT = lazy(r"(?<![A-Za-z0-9.])@")
_KEY_THEN_CLOSE = lazy(r"\s*[^\s,{}()=]*\s*[,})]")


def _opens_command(text: str, command: re.Match[str]) -> bool:
    """Whether a ``COMMAND_START`` in a % line opens an entry or command: its ``@`` starts a word ("%@book{",
    "% @article{"), or what follows its ``{`` or ``(`` is a key and a comma or close ("UTF-8@article{one}", JabRef's
    encoding line with no line break), not the ``@`` of an address ("jane@example.org (please write)")."""
    return (_WORD_AT.match(text, command.start()) is not None
            or _KEY_THEN_CLOSE.match(text, command.end()) is not None)


@dataclass(frozen=True, slots=True)
class CommentedOut:
    """An entry, @string or @preamble written in % lines, which BibTeX and pybtex read (to them % is no comment)."""

    at: int
    """Offset of its ``@``."""
    kind: str
    """Its type in lower case (``string`` for a macro)."""
    key: str
    """Its key, or the macro's name ("" for a @preamble)."""
    read: bool = True
    """Whether it closes within its % lines, so it is left for pybtex to read (else it is blanked)."""
    end: int = 0
    """Offset just past its closing brace (0 when it does not close within its % lines)."""


def comment_lines(text: str) -> tuple[str, tuple[CommentedOut, ...]]:
    """The text with each whole-line % comment blanked (offsets and lines kept), as pandoc and biber skip them, and
    the commands in % lines. A % line inside a value is the value's text. A % line that opens an entry, a @string or a
    @preamble as pybtex reads one ("%@book{old,") is kept, with the % lines that continue it up to the line where it
    closes, when it closes within its run of % lines: BibTeX and pybtex read that entry, and dropping it would lose it
    to them. One that does not close there is blanked too (``read`` False): kept, it would swallow the entries after
    it."""
    if "%" not in text:
        return text, ()
    lines = [m.span() for m in COMMENT_LINE.finditer(text)]
    spans = value_spans(text, lines)
    starts = [s for s, _ in spans]
    runs: list[list[tuple[int, int]]] = []
    for start, end in lines:
        if _in(spans, starts, start):
            continue
        if runs and runs[-1][-1][1] + 1 == start:
            runs[-1].append((start, end))
        else:
            runs.append([(start, end)])
    out: list[str] = []
    kept: list[CommentedOut] = []
    done = 0
    for run in runs:
        first, last = run[0][0], run[-1][1]
        keep: list[tuple[int, int]] = []  # offsets of kept commands: from its @ to its close
        pos, piece = first, text[first:last]
        while (command := COMMAND_START.search(text, pos, last)) is not None:
            kind = command.group(1).lower()
            pos = command.end()
            if kind == "comment" or not _opens_command(text, command):  # pybtex skips @comment's word only
                continue
            named = (NAME if kind == "string" else _PYBTEX_KEY[text[pos - 1]]).match(text, skip_space(text, pos))
            close = body_end(piece, pos - 1 - first)
            key = named.group() if named and kind != "preamble" else ""
            kept.append(CommentedOut(command.start(), kind, key, close > 0, first + close + 1 if close > 0 else 0))
            if close < 0:
                break
            keep.append((command.start(), first + close))
            pos = first + close
        for start, end in run:
            if not any(at < end and start < upto for at, upto in keep):
                out += [text[done:start], " " * (end - start)]
                done = end
    return ("".join(out) + text[done:] if out else text), tuple(kept)


# --- writing ----------------------------------------------------------------------------

_SPECIALS = lazy(r"[\\&%$#_{}]")
#: Deepest nesting of escaped brace pairs written (pybtex refuses braces nested over 100 deep).
MAX_ESCAPED_DEPTH = 32


def escape(text: str) -> str:
    """Plain text as a BibTeX value: ``& % $ # _`` escaped, a backslash as ``\\textbackslash{}``, control
    characters left out (``text.without_controls``: a value pasted or fetched is text, never a terminal command).

    Braces that pair up become ``\\{``/``\\}``; an unpaired brace is dropped, because BibTeX
    counts ``\\{`` as a brace too and one stray brace would swallow the rest of the file. For the
    same reason pairs nested deeper than ``MAX_ESCAPED_DEPTH`` are dropped too: pybtex refuses a value
    whose braces nest more than 100 deep.
    """
    text = without_controls(text)
    unpaired: set[int] = set()
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "{":
            stack.append(i)
        elif ch == "}":
            if stack:
                opened = stack.pop()
                if len(stack) >= MAX_ESCAPED_DEPTH:
                    unpaired.update((opened, i))
            else:
                unpaired.add(i)
    unpaired.update(stack)
    if unpaired:
        text = "".join(ch for i, ch in enumerate(text) if i not in unpaired)
    return _SPECIALS.sub(lambda m: r"\textbackslash{}" if m.group() == "\\" else "\\" + m.group(), text)


_PAGE_RANGE = lazy(r"^\s*([\w.]+)\s*(?:-+|–|—|‐|‑|−)\s*([\w.]+)\s*$")


def page_range(pages: str) -> str:
    """'448-488' or '448–488' -> '448--488' (BibTeX's range dash); other forms unchanged."""
    match = _PAGE_RANGE.match(pages or "")
    return f"{match.group(1)}--{match.group(2)}" if match else (pages or "").strip()


def format_entry(kind: str, key: str, fields: Sequence[tuple[str, str]], *, align: bool = True) -> str:
    """``@kind{key,`` then one ``name = {value},`` line per field and ``}`` (no final newline).

    Values are written as given (already escaped); a month given as a month macro
    (``jan``...) is written bare, as BibTeX styles expect.
    """
    width = max((len(name) for name, _ in fields), default=0) if align else 0
    lines = [f"@{kind}{{{key},"]
    for name, value in fields:
        shown = value if name == "month" and value in MONTHS else "{" + value + "}"
        lines.append(f"  {name.ljust(width)} = {shown},")
    lines.append("}")
    return "\n".join(lines)


def key_suffix(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa: the letters appended to a key (or a year) on a collision."""
    if n < 1:
        raise ValueError(f"suffixes count from 1, not {n}")
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out
