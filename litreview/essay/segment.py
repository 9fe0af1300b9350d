"""Sentences: pysbd, corrected where it splits after initials or before a citation; claims from spans.

Every reader (Markdown, Manubot, LaTeX) cuts its text into spans and turns them into claims here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..model import Claim, TextQuoteSelector
from .cites import find_citations

CONTEXT = 32
"""Characters of prefix and suffix kept in a claim's selector."""

_WS = re.compile(r"\s+")
_BOUNDARY = re.compile(r"[.!?…](?:(?!\w)(?![\"'”’)\]]*$)|[A-Z])")
# Abbreviations after which pysbd may wrongly end a sentence when the next part
# is a continuation (lower case, digit, bracket) or a name ("Cf. Wendt").
_NON_TERMINAL = re.compile(r"\b(?:cf|Cf|vs|Dr|Mr|Mrs|Ms|Prof|St|e\.g|i\.e)\.\s*$")
_CONTINUATION = re.compile(r"^(?:[a-z0-9,;:)\]]|\[-?@|\(\d)")
# A bare @key after a break continues the sentence only after "et al." or when it stands alone
# ("... as shown. @smith2001."); "@smith2001 shows it." begins a sentence of its own.
_BARE_KEY = re.compile(r"^@[\w:.#$%&\-+?<>~/]+")
_LONE_KEY = re.compile(r"^@[\w:.#$%&\-+?<>~/]*\w(?:\s*\[[^\]]*\])?\s*[.,;]?$")
_ET_AL = re.compile(r"\bet al\.\s*$")
# Initialisms that pysbd keeps glued to a following capitalised sentence start.
_GLUED = re.compile(
    r"\b(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|et al\.|etc\.)\s+"
    r"(?=(?:The|This|That|These|Those|It|Its|In|We|They|He|She|A|An|However|But|Yet|Thus|"
    r"Moreover|Furthermore|Therefore|Such|Our|Their|There|Here)\s)"
)


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def sentences(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) within body[start:end]."""
    chunk = body[start:end]
    flat = chunk.replace("\r", " ").replace("\n", " ")  # same length: offsets hold
    spans: list[list[int]] = []
    cursor = 0
    # pysbd takes ~10 ms a call: a text with no sentence-ending mark before a space is one sentence.
    tail = flat.rstrip()
    one = (tail[-1:].isalnum() or tail[-1:] in ".!?)]\"”’") and not _BOUNDARY.search(tail)
    pieces = [flat] if one else [s for part in _pieces(flat) for s in _segmenter().segment(part)]
    for sent in pieces:
        piece = sent.strip()
        if not piece:
            continue
        at = flat.find(piece, cursor)
        if at < 0:  # pysbd altered the text: keep the rest as one sentence
            spans.append([cursor, len(flat)])
            break
        spans.append([at, at + len(piece)])
        cursor = at + len(piece)
    spans = _split_glued(flat, _merge_false_breaks(flat, spans))
    out = []
    for a, b in spans:
        while a < b and flat[a].isspace():
            a += 1
        while b > a and flat[b - 1].isspace():
            b -= 1
        if a < b and any(ch.isalnum() for ch in flat[a:b]):
            out.append((start + a, start + b))
    return out


#: pysbd's time grows faster than the text: a paragraph is fed to it in pieces of at most this many
#: characters, cut after a sentence end (or a space) when there is one.
MAX_PIECE = 5_000


def _pieces(flat: str) -> Iterator[str]:
    lo = 0
    while len(flat) - lo > MAX_PIECE:
        cut = flat.rfind(". ", lo, lo + MAX_PIECE) + 1
        cut = cut if cut > lo else flat.rfind(" ", lo, lo + MAX_PIECE)
        cut = cut if cut > lo else lo + MAX_PIECE
        yield flat[lo:cut]
        lo = cut
    yield flat[lo:]


def _merge_false_breaks(text: str, spans: list[list[int]]) -> list[list[int]]:
    """Join a break pysbd made after an abbreviation or before a citation."""
    merged: list[list[int]] = []
    for span in spans:
        if merged:
            prev = text[merged[-1][0]:merged[-1][1]]
            nxt = text[span[0]:span[1]]
            if _CONTINUATION.match(nxt) or (
                _NON_TERMINAL.search(prev) and not _starts_sentence(nxt)
            ) or (_BARE_KEY.match(nxt) and (_ET_AL.search(prev) or _LONE_KEY.match(nxt))):
                merged[-1][1] = span[1]
                continue
        merged.append(list(span))
    return merged


def _starts_sentence(text: str) -> bool:
    first = text.split(" ", 1)[0]
    return first in {"The", "This", "That", "These", "Those", "It", "In", "We", "They", "He",
                     "She", "A", "An", "However", "But", "Yet", "Thus", "Such", "Our", "There"}


def _split_glued(text: str, spans: list[list[int]]) -> list[list[int]]:
    """Split after "U.S." or "et al." when a plain sentence start follows."""
    out: list[list[int]] = []
    for a, b in spans:
        cut = a
        for m in _GLUED.finditer(text, a, b):
            out.append([cut, m.end()])
            cut = m.end()
        out.append([cut, b])
    return out


def make_claim(body: str, body_line: int, paragraph: int, sentence: int, start: int, end: int,
               masked: str | None = None, file: str | None = None, line: int | None = None) -> Claim:
    """The claim for body[start:end]; ``masked`` (that text after ``cites.mask_inline``) gives its citations."""
    text = _WS.sub(" ", body[start:end]).strip()
    prefix = _WS.sub(" ", body[max(0, start - CONTEXT * 2):start])[-CONTEXT:]
    suffix = _WS.sub(" ", body[end:end + CONTEXT * 2])[:CONTEXT]
    return Claim(
        id=f"p{paragraph}-s{sentence}", paragraph=paragraph, sentence=sentence, text=text,
        selector=TextQuoteSelector(exact=text, prefix=prefix, suffix=suffix),
        line=line if line is not None else body_line + body.count("\n", 0, start), start=start, end=end,
        citations=find_citations(_WS.sub(" ", masked).strip(), text) if masked is not None else None,
        file=file,
    )


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace, as claim texts and selectors do."""
    return _WS.sub(" ", text).strip()
