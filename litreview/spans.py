"""Delimited spans of untrusted text (comments, template tags, markup) found in linear time.

A non-greedy regex such as ``<!--.*?-->`` scans the rest of the text from every opening that is
never closed, so a line of 20,000 openings takes seconds; here each kind of closing is looked for
once per opening that has one, and not again after it was found missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

#: What closes the span an opening starts: a fixed string, or a pattern (for a case-blind closing tag).
Closing = str | re.Pattern[str]


def delimited(text: str, opening: re.Pattern[str],
              closing: Callable[[re.Match[str]], Closing]) -> Iterator[tuple[re.Match[str], int, int]]:
    """Each (opening match, start of its closing, end of its closing), leftmost and shortest as a non-greedy
    regex finds them: an opening with no closing after it is skipped, and so is every later one of its kind."""
    pos, unclosed = 0, set()
    while (m := opening.search(text, pos)) is not None:
        close = closing(m)
        found = None if close in unclosed else _find(text, close, m.end())
        if found is None:
            unclosed.add(close)
            pos = m.start() + 1
            continue
        yield m, found[0], found[1]
        pos = found[1]


def blanked(text: str, opening: re.Pattern[str], closing: Callable[[re.Match[str]], Closing]) -> str:
    """``text`` with each span ``delimited`` finds written as spaces, its line breaks kept (lines and columns stay)."""
    out, pos = [], 0
    for m, _, end in delimited(text, opening, closing):
        out.append(text[pos:m.start()])
        out.append(re.sub(r"[^\n]", " ", text[m.start():end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def blanked_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each of ``spans`` (start, end; apart from one another) written as spaces, its line breaks
    kept."""
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(text[pos:start])
        out.append(re.sub(r"[^\n]", " ", text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _find(text: str, close: Closing, start: int) -> tuple[int, int] | None:
    if isinstance(close, str):
        at = text.find(close, start)
        return None if at < 0 else (at, at + len(close))
    m = close.search(text, start)
    return None if m is None else m.span()
