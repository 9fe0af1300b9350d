"""Citation markers: pandoc ``[@key]``/``@key`` and author-date "(Keohane and Nye 2012, 23)".

Every marker becomes a ``Mention`` (keys empty when it resolves to no entry) and each
resolved one a ``marker`` hit with its locator; year suffixes (2015a) follow the entry order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Claim, Mention
from . import author_date
from .hits import Found, Hit
from .index import SourceIndex

_KEY = r"(?:\{(?P<bkey>[^{}\s]+)\}|(?P<key>\w(?:[\w:.#$%&\-+?<>~/]*\w)?))"
_ITEM = re.compile(r"(?<![\w.@])(?P<suppress>-?)@" + _KEY)
_BRACKET = re.compile(r"\[(?P<body>[^\[\]]*@[^\[\]]*)\](?!\()")
_INTEXT = re.compile(r"(?<![\w.@\[\-])@" + _KEY + r"(?:\s\[(?P<loc>[^\[\]@]*)\])?")
_CROSSREF = ("fig:", "tbl:", "sec:", "eq:", "lst:", "tab:")


def find_markers(claims: Sequence[Claim], index: SourceIndex) -> Found:
    """Pandoc and author-date citation markers in every claim."""
    found = Found()
    keys_folded: dict[str, list[str]] = {}
    for key in index.sources:
        keys_folded.setdefault(key.casefold(), []).append(key)
    previous: Claim | None = None
    for claim in claims:
        before = previous.text if previous is not None and previous.paragraph == claim.paragraph else ""
        if "@" in claim.text:
            _pandoc(claim, index, keys_folded, found)
        if "(" in claim.text:
            author_date.find_in_claim(claim, before, index, found)
        previous = claim
    return found


# --- pandoc ---------------------------------------------------------------------------

def _resolve_key(key: str, index: SourceIndex, keys_folded: dict[str, list[str]]) -> tuple[str | None, str]:
    if key in index.sources:
        return key, key
    same = keys_folded.get(key.casefold(), [])
    if len(same) == 1:
        return same[0], f"{key} (entry key is {same[0]})"
    return None, key


def _pandoc(claim: Claim, index: SourceIndex, keys_folded: dict[str, list[str]], found: Found) -> None:
    text = claim.text
    masked = list(text)
    for bracket in _BRACKET.finditer(text):
        body_start = bracket.start("body")
        items = list(_ITEM.finditer(bracket.group("body")))
        if not items:
            continue
        masked[bracket.start():bracket.end()] = " " * (bracket.end() - bracket.start())
        found.cover(claim.id, bracket.start(), bracket.end())
        for n, item in enumerate(items):
            key = item.group("bkey") or item.group("key")
            stop = items[n + 1].start() if n + 1 < len(items) else len(bracket.group("body"))
            after = bracket.group("body")[item.end():stop]
            locator = after.split(";")[0].strip().lstrip(",").strip()
            item_text = bracket.group("body")[item.start():item.end()] + after.split(";")[0].rstrip()
            _pandoc_item(claim, key, locator, bracket.group(), item_text,
                         body_start + item.start(), index, keys_folded, found)
    for m in _INTEXT.finditer("".join(masked)):
        key = m.group("bkey") or m.group("key")
        found.cover(claim.id, m.start(), m.end())
        _pandoc_item(claim, key, (m.group("loc") or "").strip(), m.group(), m.group(),
                     m.start(), index, keys_folded, found)


def _pandoc_item(claim: Claim, key: str, locator: str, evidence: str, item_text: str, at: int,
                 index: SourceIndex, keys_folded: dict[str, list[str]], found: Found) -> None:
    resolved, detail = _resolve_key(key, index, keys_folded)
    if resolved is None and key.startswith(_CROSSREF):
        return  # a pandoc-crossref label (@fig:map), not a citation
    found.mention(at, Mention(claim.id, "marker", item_text.strip(),
                              (resolved,) if resolved else (), detail))
    if resolved:
        found.hits.append(Hit(claim.id, resolved, "marker", 1.0 if resolved == key else 0.9,
                              evidence, at, at + len(item_text), locator=locator))
