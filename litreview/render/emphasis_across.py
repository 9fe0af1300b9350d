"""Emphasis that opens in one sentence and closes in another (``**1.1.  Statistical analysis**``, a reviewer's
bold comment of several sentences), for sentences that are rendered one at a time.

Each claim is rendered alone (its own span on the page, its own card excerpt), so the pair of ``**`` was cut in
two and each half printed as written. ``emphasis_across`` reads the whole paragraph once, as markdown-it pairs
its delimiters, and tells each sentence which emphasis to open before it and close after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from ..essay.cites import math_spans

_SEAM = "\ue010"
"""What marks a place between two sentences while the paragraph is read (a private-use character, between
blanks: a delimiter beside it still has the blank beside it)."""
_DELIMITER = {"em": "*", "strong": "**"}

Carry = tuple[str, str]
"""The markup to write before a sentence and after it (``("**", "")``), so that it renders alone as it does in its
paragraph."""


def emphasis_across(text: str, places: Sequence[tuple[int, int]]) -> list[Carry]:
    """For each sentence of ``text`` (``places``: their (start, end), in order), the emphasis delimiters that open
    before it and close after it: those of the emphasis open across the blank before it and the blank after it.
    A place between two sentences that is not blank (none, or text between them) carries nothing over."""
    none: list[Carry] = [("", "")] * len(places)
    if len(places) < 2 or ("*" not in text and "_" not in text):
        return none
    chars = list(text)
    for start, end in math_spans(text):  # markdown-it would read a formula's "_" as emphasis
        chars[start:end] = "x" * (end - start)
    pieces: list[str] = []
    cursor = 0
    seams: list[int] = []  # the boundaries (between sentence n and n + 1) that have a seam
    for n, ((_, end), (start, _)) in enumerate(pairwise(places)):
        if end < start and text[end:start].isspace():
            pieces += [*chars[cursor:start], _SEAM, " "]
            cursor = start
            seams.append(n)
    if not seams:
        return none
    pieces += chars[cursor:]
    open_at = _open_at_seams("".join(pieces))
    if len(open_at) != len(seams):  # a seam in code or in a note: how the paragraph pairs is not known there
        return none
    carried: list[tuple[str, ...]] = [()] * (len(places) - 1)
    for n, tags in zip(seams, open_at, strict=True):
        carried[n] = tags
    out: list[Carry] = []
    for n in range(len(places)):
        before = carried[n - 1] if n else ()
        after = carried[n] if n < len(carried) else ()
        out.append(("".join(_DELIMITER[t] for t in before), "".join(_DELIMITER[t] for t in reversed(after))))
    return out


_LEADING, _TRAILING = re.compile(r"[*_]+"), re.compile(r"[*_]+$")


def with_delimiters(text: str, places: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``places`` (the sentences' (start, end) in ``text``) each widened over the emphasis delimiters that touch it
    in the text between sentences: the sentence splitter leaves a closing ``*`` after a sentence's full stop out
    of it ("*This was not needed.*"), where it printed as written, its pair rendered in the sentence."""
    out: list[tuple[int, int]] = []
    for n, (start, end) in enumerate(places):
        floor = out[-1][1] if out else 0
        if m := _TRAILING.search(text, floor, start):
            start = m.start()
        ceiling = places[n + 1][0] if n + 1 < len(places) else len(text)
        if m := _LEADING.match(text, end, ceiling):
            end = m.end()
        out.append((start, end))
    return out


def _open_at_seams(probe: str) -> list[tuple[str, ...]]:
    """The emphasis open (outermost first) at each seam of ``probe``, read as a claim's Markdown is read."""
    from .claim_text import inline_markdown

    stack: list[str] = []
    found: list[tuple[str, ...]] = []
    for block in inline_markdown().parseInline(probe, {}):
        for tok in block.children or ():
            tag = tok.type.rpartition("_")[0]
            if tag in _DELIMITER and tok.type.endswith("_open"):
                stack.append(tag)
            elif tag in _DELIMITER and tok.type.endswith("_close"):
                if stack and stack[-1] == tag:
                    stack.pop()
            elif tok.type == "text" and _SEAM in tok.content:
                found += [tuple(stack)] * tok.content.count(_SEAM)
    return found
