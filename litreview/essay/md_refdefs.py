"""pandoc's link reference definitions (``[label]: url "title"``) found as pandoc finds them, where CommonMark's rules
differ: a title in nested parentheses, as in the comment idiom ``[comment]: # (a note (with parentheses) [@key])``."""

from __future__ import annotations

import re

from ..lazyre import lazy

# A definition's label: no brackets inside, no "^" (a note) and no "@" (a citation: pandoc reads "[@a]: x" as one).
_START = lazy(r"^ {0,3}\[(?![\^\s])[^\[\]@\n]*\]:", re.M)
_BLANKS = " \t"
_ANGLED = lazy(r"<(?:[^>\n]|\n(?![ \t]*(?:\n|\Z)))*>")
"""A destination in angle brackets, over no blank line."""
_MOST_WORDS = 16
"""Words of a destination before its title: a link's address is one, the comment idiom's "#" one; each word is
tried as a title's start, which may scan to the paragraph's end, so a line of a thousand is read as no definition."""
_SCANS_PER_CHARACTER = 16
"""How many characters the titles' scans of one text may read, per character of the text (and 100,000 more): each
definition of a paragraph of definitions may scan to the paragraph's end, which a thousand lines of unclosed titles
made quadratic; once spent, a title is read as none (its definition a paragraph)."""


class _Budget:
    """The characters the scans of titles may still read."""

    def __init__(self, source: str) -> None:
        self.left = _SCANS_PER_CHARACTER * len(source) + 100_000

    def limit(self, at: int, source: str) -> int:
        """Where a scan from ``at`` must stop."""
        return min(len(source), at + max(self.left, 0))

    def spend(self, start: int, at: int) -> None:
        self.left -= at - start


def blank_reference_definitions(source: str) -> str:
    """``source`` with each reference definition pandoc reads blanked (newlines kept): it prints nothing, and its
    title holds no citation. CommonMark refuses some of them (a title in nested parentheses) and reads them as
    paragraphs; it takes others for definitions that pandoc reads as paragraphs (a title opening with a space):
    their "[" is blanked, so that CommonMark reads a paragraph too."""
    if "]:" not in source:
        return source
    chars: list[str] | None = None
    follows = -1  # where the line after the last definition starts: a block starts there too
    budget = _Budget(source)
    for m in _START.finditer(source):
        if m.start() != follows and not _block_starts(source, m.start()):
            continue
        end = _definition_end(source, m.end(), budget)
        follows = end + 1
        chars = chars if chars is not None else list(source)
        if end < 0:  # a paragraph, as pandoc reads it: CommonMark must not take it for a definition
            chars[source.index("[", m.start())] = " "
            continue
        for k in range(m.start(), end):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars) if chars is not None else source


def _block_starts(text: str, at: int) -> bool:
    """Whether a block may start at ``at`` (a line's start): the text's first line, or one after a blank line or an
    ATX heading."""
    if at == 0:
        return True
    previous = text[text.rfind("\n", 0, at - 1) + 1:at - 1]
    return not previous.strip() or re.match(r" {0,3}#{1,6}(?:[ \t]|$)", previous) is not None


def _skip(source: str, at: int, newline: bool = False) -> int:
    """Past the blanks at ``at`` (and, with ``newline``, one line break and the blanks after it)."""
    while at < len(source) and source[at] in _BLANKS:
        at += 1
    if newline and source.startswith("\n", at) and not _blank_line_at(source, at + 1):
        return _skip(source, at + 1)
    return at


def _blank_line_at(source: str, at: int) -> bool:
    """Whether the line from ``at`` is blank (or the text ends)."""
    stop = source.find("\n", at)
    return not source[at:stop if stop >= 0 else len(source)].strip()


def _definition_end(source: str, at: int, budget: _Budget) -> int:
    """Where the definition whose ":" ends at ``at`` ends (its line's end), as pandoc's ``referenceKey`` reads it:
    a destination (``<...>`` or words), an optional title and attributes, then the line's end; -1 when it is none."""
    at = _skip(source, at, newline=True)
    if source.startswith("[", at):
        return -1
    if source.startswith("<", at):
        if (angle := _ANGLED.match(source, at)) is None:
            return -1
        at = angle.end()
    else:
        for n in range(_MOST_WORDS + 1):  # the destination's words, up to a title, attributes or a bracket
            word = _skip(source, at)
            if word >= len(source) or source[word] in "\n[{" or _title_end(source, word, budget) >= 0:
                break
            if n == _MOST_WORDS:
                return -1
            at = word
            while at < len(source) and not source[at].isspace():
                at += 2 if source[at] == "\\" else 1
    title = _skip(source, at, newline=True)
    if (end := _title_end(source, title, budget)) >= 0:
        at = end
    attributes = _skip(source, at, newline=True)
    if source.startswith("{", attributes) and (close := source.find("}", attributes)) >= 0 \
            and "\n" not in source[attributes:close]:
        at = close + 1
    at = _skip(source, at)
    return at if at >= len(source) or source[at] == "\n" else -1


def _title_end(source: str, at: int, budget: _Budget) -> int:
    """End of the title that opens at ``at``: quoted (pandoc's ``quotedTitle``) or in balanced parentheses
    (``charsInBalanced``); a line break inside, but no blank line. -1 when none opens there."""
    if source.startswith("(", at):
        depth, start, stop = 0, at, budget.limit(at, source)
        while at < stop:
            ch = source[at]
            if ch == "\\":
                at += 2
                continue
            if ch == "\n" and _blank_line_at(source, at + 1):
                break
            depth += (ch == "(") - (ch == ")")
            at += 1
            if depth == 0:
                budget.spend(start, at)
                return at
        budget.spend(start, at)
        return -1
    if at < len(source) and source[at] in "\"'":
        return _quoted_end(source, at, source[at], budget)
    return -1


def _quoted_end(source: str, at: int, quote: str, budget: _Budget) -> int:
    """End of the title quoted with ``quote`` that opens at ``at``; a quote followed by a letter or digit opens a
    quoted title of its own inside it (pandoc's ``nestedChunk``), which the next quote followed by none closes."""
    if source[at + 1:at + 2].isspace() or at + 1 >= len(source):
        return -1
    start, stop = at, budget.limit(at, source)
    at += 1
    depth = 1
    while at < stop:
        ch = source[at]
        if ch == quote:
            depth += 1 if source[at + 1:at + 2].isalnum() else -1
            if depth == 0:
                budget.spend(start, at + 1)
                return at + 1
        elif ch == "\\":
            at += 1
        elif ch == "\n" and _blank_line_at(source, at + 1):
            break
        at += 1
    budget.spend(start, at)
    return -1
