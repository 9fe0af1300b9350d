"""THE BibTeX text rules: the brace scanner, escaping, entry formatting, page ranges, key suffixes.

The loader, the writers (``import``, ``add``), the byte-preserving editor (``sync --write``) and
the site's "copy BibTeX" all use these, so a value is read, written and cut one way only.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter

from ..lazyre import lazy
from ..text import without_controls

# --- scanning ---------------------------------------------------------------------------

NAME = lazy(r"[A-Za-z0-9_:.+\-/'!?<>\[\]*&|;@]+")
"""A field name, an entry key or a bare macro name (pybtex's name characters, roughly)."""
FIELD_NAME_CHAR = r"[\w:.+/-]"
FIELD_NAME = rf"[A-Za-z]{FIELD_NAME_CHAR}*"
"""A field name as people write one (a letter, then letters, digits and ``_:.+/-``): the pattern's text, for the
patterns that look for a field around a syntax error."""
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


def brace_pairs(text: str, marks: str = r"[{}]") -> Iterator[tuple[int, int, int]]:
    """The braces of a text paired in one pass, as BibTeX pairs them (a backslash protects none):
    (offset of a ``{``, offset just past its ``}``, how many pairs enclose it) for each pair as it closes,
    (-1, offset just past it, 0) for a ``}`` that closes nothing, then (offset, -1, 0) for each ``{`` never
    closed, first opened first. ``marks`` finds the opening and closing marks (the opening one ``{``, ``(``
    or ``[``; any other match is read past): in running text, ``r"(?<!\\)[{}]"`` leaves escaped braces out,
    ``r"\\[\\s\\S]|[{}]"`` reads them as LaTeX does (a backslash escapes the next character), ``"[()]"`` pairs
    parentheses and ``r"(?<!\\\\)[\\[\\]]"`` brackets."""
    stack: list[int] = []
    for m in re.finditer(marks, text):
        mark = m.group()
        if mark in "{([":
            stack.append(m.start())
        elif mark not in "})]":
            continue  # what ``marks`` reads past (a LaTeX escape, ``r"\\[\s\S]|[{}]"``)
        elif stack:
            opened = stack.pop()
            yield opened, m.end(), len(stack)
        else:
            yield -1, m.end(), 0
    for opened in stack:
        yield opened, -1, 0


def brace_partners(text: str, marks: str = r"[{}]") -> dict[int, int]:
    """``group_end`` for every ``{`` of a text in one pass (``brace_pairs``): offset of each ``{`` -> offset just
    past its ``}`` (-1 when it is never closed). Scanning from each brace alone is quadratic."""
    return {opened: closed for opened, closed, _ in brace_pairs(text, marks) if opened >= 0}


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


def string_lines(text: str) -> dict[str, int]:
    """Each name the text's ``@string`` commands define, case folded, -> the line (from 1) of its first definition."""
    out: dict[str, int] = {}
    for m in _STRING_DEFINITION.finditer(text) if "@" in text else ():
        out.setdefault(m.group(1).casefold(), text.count("\n", 0, m.start()) + 1)
    return out


def string_offset(text: str, name: str) -> int | None:
    """Where the first ``@string`` defining ``name`` (in any case) starts in the text, or None."""
    folded = name.casefold()
    return next((m.start() for m in _STRING_DEFINITION.finditer(text) if m.group(1).casefold() == folded), None)


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
    never = extra = None
    for opened, closed, _ in brace_pairs(chunk):
        if opened < 0 and extra is None:
            extra = closed - 1
        elif closed < 0 and never is None:
            never = opened
    return never, extra


_BODY_MARKS = {"{": _GROUP_MARKS, "(": lazy(r'[{")]')}


def body_parts(text: str, open_at: int, limit: int | None = None,
               skipped: Sequence[tuple[int, int]] = ()) -> Iterator[tuple[int, int]]:
    """Spans of what the entry body opened at ``open_at`` (its ``{`` or ``(``) holds whole, as BibTeX reads it: each
    value in braces or quotes (``group_end``), then the ``}`` or ``)`` that closes the body, read no further than
    ``limit`` (the text's end). A mark in one of the ``skipped`` spans (sorted, outside values: the comment lines
    that pandoc and biber skip) is no mark. A group that nothing closes runs to the limit and ends the body."""
    end = len(text) if limit is None else limit
    closer = "}" if text[open_at] == "{" else ")"
    marks, i = _BODY_MARKS[text[open_at]], open_at + 1
    while (mark := marks.search(text, i, end)) is not None:
        begin = mark.start()
        if skipped and (n := span_at(skipped, begin)) >= 0:  # in a comment line between fields
            i = skipped[n][1]
            continue
        if mark.group() == closer:
            yield mark.span()
            return
        try:
            i = group_end(text, begin, end)
        except ScanError:
            yield begin, end
            return
        yield begin, i


def body_end(text: str, open_at: int, limit: int | None = None) -> int:
    """Offset just past the ``}`` or ``)`` that closes the entry body opened at ``open_at`` (before ``limit``),
    -1 when none does."""
    parts = list(body_parts(text, open_at, limit))
    return parts[-1][1] if parts and text[parts[-1][0]] in "})" else -1


def span_at(spans: Sequence[tuple[int, int]], at: int) -> int:
    """The index of the one of ``spans`` (sorted, not overlapping) that offset ``at`` lies in, -1 when none."""
    n = bisect.bisect_right(spans, at, key=itemgetter(0)) - 1
    return n if n >= 0 and at < spans[n][1] else -1


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
    for opened, closed, depth in brace_pairs(text):
        if opened < 0 or closed < 0 or depth >= MAX_ESCAPED_DEPTH:
            unpaired.update(at for at in (opened, closed - 1) if at >= 0)
    if unpaired:
        text = "".join(ch for i, ch in enumerate(text) if i not in unpaired)
    return _SPECIALS.sub(lambda m: r"\textbackslash{}" if m.group() == "\\" else "\\" + m.group(), text)


_PAGE_RANGE = lazy(r"^\s*([\w.]+)\s*(?:-+|–|—|‐|‑|−)\s*([\w.]+)\s*$")


def page_range(pages: str, *, in_full: bool = False) -> str:
    """'448-488' or '448–488' -> '448--488' (BibTeX's range dash); with ``in_full`` (a writer's, not a loader's:
    ``check`` must see the range as the file has it) a range printed short in full ('571–83' -> '571--583',
    ``full_last_page``); other forms unchanged."""
    match = _PAGE_RANGE.match(pages or "")
    if not match:
        return (pages or "").strip()
    first, last = match.groups()
    return f"{first}--{(full_last_page(first, last) if in_full else '') or last}"


_LONGEST_PAGE = 18  # digits: no page number beyond (and int() refuses 4,300 digits or more)


def full_last_page(first: str, last: str) -> str:
    """The last page of the range ``first``–``last`` in full when it is printed short, as CMOS (9.61) abbreviates
    ("571", "83" -> "583"; "1002", "6" -> "1006"); '' when it is not short ("98", "102"), not arabic numbers
    ("e1001", "12"), or no range once read in full ("129", "5")."""
    if not (first.isascii() and last.isascii() and first.isdigit() and last.isdigit()):
        return ""
    if max(len(first), len(last)) > _LONGEST_PAGE or len(last) >= len(first) or int(last) >= int(first):
        return ""
    full = first[:len(first) - len(last)] + last
    return full if int(full) >= int(first) else ""


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
