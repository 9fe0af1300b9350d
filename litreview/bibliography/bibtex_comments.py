"""Whole-line % comments in a .bib, read as each reader reads them: pandoc and biber skip them, BibTeX and pybtex
have no comments, so an entry, @string or @preamble written in % lines is theirs (``comment_lines``)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..lazyre import lazy
from .bibtex import _STRING_DEFINITION, ENTRY_START, NAME, body_end, body_parts, skip_space, span_at

COMMENT_LINE = lazy(r"^[ \t]*%[^\n]*", re.M)
"""A line whose first mark is %: a comment to pandoc and biber (BibTeX and pybtex have no comments: "% url = {...}"
inside an entry stops them, and "@book{old," in one starts an entry)."""
COMMAND_START = lazy(rf"@[ \t]*(?![0-9])({NAME.pattern})[ \t]*[{{(]")
"""An entry or command opening as pybtex reads one, anywhere in a line: ``@``, its type, its ``{`` or ``(``."""
_PYBTEX_KEY = {"{": lazy(r"[^\s,}]+"), "(": lazy(r"[^\s,]+")}
"""An entry's key as pybtex reads it, after its ``{`` or ``(``."""


def value_spans(text: str, skipped: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of the values in braces or quotes of every entry, in order, in one pass: each entry opens where
    ``ENTRY_START`` finds an ``@`` (and ``COMMAND_START`` reads one) and is read up to the next one at most, as
    ``body_parts`` reads it, skipping the ``skipped`` spans. A group that nothing closes runs to the next entry's
    start."""
    spans: list[tuple[int, int]] = []
    starts = [m.end() - 1 for m in ENTRY_START.finditer(text)]
    for at, limit in itertools.pairwise([*starts, len(text)]):
        command = COMMAND_START.match(text, at, limit)
        if command is not None:
            spans += (part for part in body_parts(text, command.end() - 1, limit, skipped) if text[part[0]] in '{"')
    return spans



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
    runs: list[list[tuple[int, int]]] = []
    for start, end in lines:
        if span_at(spans, start) >= 0:
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
        pos = first
        while (command := COMMAND_START.search(text, pos, last)) is not None:
            kind = command.group(1).lower()
            pos = command.end()
            if kind == "comment" or not _opens_command(text, command):  # pybtex skips @comment's word only
                continue
            named = (NAME if kind == "string" else _PYBTEX_KEY[text[pos - 1]]).match(text, skip_space(text, pos))
            close = body_end(text, pos - 1, last)
            key = named.group() if named and kind != "preamble" else ""
            kept.append(CommentedOut(command.start(), kind, key, close > 0, close + 1 if close > 0 else 0))
            if close < 0:
                break
            keep.append((command.start(), close))
            pos = close
        for start, end in run:
            if not any(at < end and start < upto for at, upto in keep):
                out += [text[done:start], " " * (end - start)]
                done = end
    return ("".join(out) + text[done:] if out else text), tuple(kept)


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


@dataclass(frozen=True, slots=True)
class CommentInEntry:
    """A % line between the fields of an entry: biber and pandoc skip it, BibTeX and pybtex have no comments and stop
    reading the entry there ("You're missing a field name", "I was expecting a `,' or a `}'")."""

    at: int
    """Offset of the line's first mark (its %)."""
    key: str
    """The entry's key as pybtex reads it."""


def comments_in_entries(text: str) -> list[CommentInEntry]:
    """The % lines between the fields of an entry, as ``comment_lines`` finds the lines pandoc and biber skip (not a %
    line inside a value, which is the value's text, nor one that opens or continues an entry written in % lines)."""
    if "%" not in text:
        return []
    blanked, _ = comment_lines(text)
    skipped = [(start, end) for start, end in (m.span() for m in COMMENT_LINE.finditer(text))
               if not blanked[start:end].strip()]
    if not skipped:
        return []
    found: list[CommentInEntry] = []
    for m in ENTRY_START.finditer(blanked):
        command = COMMAND_START.match(blanked, m.end() - 1)
        if command is None or command.group(1).lower() in ("comment", "preamble", "string"):
            continue
        open_at = command.end() - 1
        named = _PYBTEX_KEY[blanked[open_at]].match(blanked, skip_space(blanked, open_at + 1))
        end = body_end(blanked, open_at)
        end = len(blanked) if end < 0 else end
        found += [CommentInEntry(start, named.group() if named else "") for start, _ in skipped
                  if open_at < start < end]
    return found
