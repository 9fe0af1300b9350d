"""The brace check run before pybtex parses a .bib file (LR100 unbalanced braces, LR109 an ``@``
at the start of a line inside a value), git's merge conflict markers left in it, and the offset-to-line
lookup it and the loader share.

pybtex notices an unbalanced entry only where the damage shows; this names the line to fix.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, repeat
from operator import add

from ..lazyre import lazy
from ..model import Finding
from ..text import and_list
from . import bibtex


class _Lines:
    """Offset-to-line lookup over one text, built once (counting per entry is quadratic)."""

    def __init__(self, text: str) -> None:
        # Each line's length plus its newline, summed: the offset of every newline (C loops only).
        ends = list(accumulate(map(add, map(len, text.split("\n")), repeat(1)), initial=-1))
        self.newlines = ends[1:-1]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1


STRAY_CLOSE = "unbalanced braces: a } closes nothing"
"""The finding of a } that closes nothing (``load`` lets an earlier syntax error of the entry stand for it)."""


def _prescan(text: str, filename: str, line_of: _Lines | None = None) -> list[Finding]:
    """Entries whose braces do not balance (pointing at the brace never closed), and values with
    a line that starts with ``@`` (a warning: pybtex reads on, other tools see a new entry there).

    pybtex notices an unbalanced entry only where the damage shows (often the next entry),
    so this gives the line a person has to fix.
    """
    problems: list[Finding] = []
    skip_to = 0
    partners: dict[int, int] | None = None  # built at the first unbalanced entry, once
    line_of = line_of or _Lines(text)
    comment_open = 0  # braces an "@comment{" left open: entries inside it end with its "}"
    for begin, end in bibtex.chunks(text):
        if begin < skip_to:
            continue
        chunk = text[begin:end]
        head = chunk.lstrip()[1:].lower()
        opens, closes = chunk.count("{"), chunk.count("}")
        if head.startswith("comment"):
            comment_open += max(0, opens - closes)
            continue
        if "{" not in chunk:
            continue
        if opens == closes and chunk.find("}") > chunk.find("{") >= 0:
            continue  # balanced by count; an order problem is left to pybtex's parser
        if comment_open and 0 < closes - opens <= comment_open and bibtex.unbalanced(chunk)[0] is None:
            comment_open -= closes - opens
            continue
        brace = text.find("{", begin)
        paren = text.find("(", begin)
        if opens > closes and not (0 <= paren < brace):
            if partners is None:
                partners = bibtex.brace_partners(text)
            close = partners.get(brace, -1)
            eol = text.find("\n", close)
            tail = text[close:eol if eol >= 0 else len(text)] if close > 0 else "?"
            if close > end and not tail.strip(" \t,)}"):
                # The entry runs on past a line that starts with "@": one entry, as pybtex reads it.
                line = line_of(begin)
                inner = end
                skip_to = close
                if text[inner] != "@":
                    continue  # an indented "@" is read as text by every tool
                problems.append(Finding(
                    code="LR109", severity="warning",
                    message=f"a line inside a value starts with @ (line {line_of(inner)}); "
                            "some tools read a new entry there",
                    hint="Indent that line or move the @ off the start of the line",
                    file=filename, line=line,
                ))
                continue
        never_closed, extra_close = bibtex.unbalanced(chunk)
        unclosed_line = _first_unbalanced_line(chunk)
        if never_closed is not None and never_closed == chunk.find("{") and unclosed_line is None:
            # Its fields balance: the entry's own { is never closed ("url = {...}" last, no "}" under it), and the
            # } goes after its last field, not on the line of the @.
            entry_line = line_of(begin)
            last = entry_line + len(chunk.rstrip().split("\n")) - 1
            following = f" before the next entry (line {line_of(end)})" if end < len(text) else ""
            problems.append(Finding(
                code="LR100", severity="error",
                message=f"unbalanced braces: the entry that starts on line {entry_line} is never closed: no }} ends "
                        f"it{following}",
                hint=f"Add a }} on a line of its own after the entry's last field (line {last})",
                file=filename, line=entry_line,
            ))
        elif never_closed is not None:
            entry_line = line_of(begin)
            problems.append(Finding(
                code="LR100", severity="error",
                message=f"unbalanced braces: a {{ is never closed in the entry that starts on line {entry_line}",
                hint="Add the missing } (or remove the extra {) on this line",
                file=filename, line=entry_line + (unclosed_line or 0),
            ))
        elif extra_close is not None and (early := _ended_early(chunk, extra_close)) is not None:
            # "title = {X}}," ends the entry at "}}": removing the last } as the finding says would lose its fields
            close, names = early
            listed = and_list(f"{name!r}" for name in dict.fromkeys(names))
            problems.append(Finding(
                code="LR100", severity="error",
                message=f"{STRAY_CLOSE}: the entry that starts on line {line_of(begin)} ends at the }} on line "
                        f"{line_of(begin + close)}, and {listed} after it {'is' if len(set(names)) == 1 else 'are'} "
                        "read by no tool (BibTeX, biber and pandoc skip the text between entries)",
                hint=f"Remove the }} on line {line_of(begin + close)} that ends the entry early", file=filename,
                line=line_of(begin + extra_close),
            ))
        elif extra_close is not None:
            problems.append(Finding(
                code="LR100", severity="error", message=STRAY_CLOSE,
                hint="Remove the extra } or add the missing {", file=filename,
                line=line_of(begin + extra_close),
            ))
    return problems


_FIELD_NAME = lazy(r"(?<![\w:.+-])([A-Za-z][\w:.+-]*)\s*=")
"""A field's name and its "=" (from a word's start only: from every letter of a long word it is quadratic)."""


def _ended_early(chunk: str, stray: int) -> tuple[int, list[str]] | None:
    """(offset of the } that ends the entry, the names of the fields after it) when an entry's { is closed before
    the } at ``stray`` that closes nothing, with fields between the two; else None (an entry in parentheses too)."""
    first, paren = chunk.find("{"), chunk.find("(")
    if first < 0 or 0 <= paren < first:
        return None
    end = bibtex.brace_partners(chunk).get(first, -1)  # (just past its })
    if not 0 < end <= stray:
        return None
    names = _FIELD_NAME.findall(chunk, end, stray)
    return (end - 1, names) if names else None


_MARKERS = lazy(r"^(<{7}|\|{7}|={7}|>{7})(?:[ \t][^\r\n]*)?\r?$", re.MULTILINE)  # as git writes them, at a line's start


_BIBTEX_EFFECT = "BibTeX reads them as part of the entries around them"
_BIBTEX_HINT = "Keep the entries of both sides that belong (each whole, with its closing }) and delete the marker lines"
_BASE_HINT = ", and the common ancestor's lines from ||||||| to ======="


def conflicts(text: str, filename: str, line_of: _Lines | None = None, *, effect: str = _BIBTEX_EFFECT,
              hint: str = _BIBTEX_HINT) -> list[tuple[Finding, range]]:
    """One LR100 per merge conflict git left in the text (``<<<<<<<``, ``=======``, ``>>>>>>>`` in that
    order, with a ``|||||||`` line before ``=======`` in git's diff3 style; CRLF lines too), with the
    lines from its first marker to its last, where other syntax errors are its consequences;
    ``effect`` says what the format's readers make of the markers."""
    line_of = line_of or _Lines(text)
    found: list[tuple[Finding, range]] = []
    marks: list[tuple[str, int]] = []
    for m in _MARKERS.finditer(text):
        mark, line = m.group(1), line_of(m.start())
        seen = "".join(kind[0] for kind, _ in marks)
        if mark[0] == "<":
            marks = [(mark, line)]
        elif seen + mark[0] in ("<|", "<=", "<|="):
            marks.append((mark, line))
        elif mark[0] == ">" and seen in ("<=", "<|="):
            marks.append((mark, line))
            named = ", ".join(f"{kind} (line {n})" for kind, n in marks[:-1])
            found.append((Finding(
                code="LR100", severity="error",
                message=f"a merge conflict left unresolved: git's markers {named} and {mark} (line {line}) are in "
                        f"the file, and {effect}",
                hint=hint + (_BASE_HINT if "|" in seen else ""),
                file=filename, line=marks[0][1],
            ), range(marks[0][1], line + 1)))
            marks = []
    return found


_BRACED_ENTRY = lazy(r"\s*@[^{(\n]*\{")


def _first_unbalanced_line(chunk: str) -> int | None:
    """Offset (in lines) of the first field line whose braces do not balance: the line of the ``@`` when a field's
    ``{`` on it is never closed there (the entry's own ``{`` aside); None when every field line balances."""
    lines = chunk.removesuffix("\n").split("\n")  # as _Lines counts lines: a lone \r ends none
    own = 1 if _BRACED_ENTRY.match(lines[0]) else 0  # (an entry may open with "(")
    if lines[0].count("{") - own > lines[0].count("}"):
        return 0
    for offset, line in enumerate(lines[1:-1], start=1):
        if line.count("{") != line.count("}"):
            return offset
    return None
