"""Citation markers: pandoc ``[@key]``/``@key`` (``pandoc_cite``) and author-date "(Keohane and Nye 2012, 23)".

Every marker becomes a ``Mention`` (keys empty when it resolves to no entry) and each
resolved one a ``marker`` hit with its locator; year suffixes (2015a) follow the entry order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Claim
from . import author_date, author_date_hit, document_topic
from .author_date_narrative import UNNAMED
from .hits import Found
from .index import SourceIndex
from .pandoc_cite import PandocMarkers


def find_markers(claims: Sequence[Claim], index: SourceIndex, *, marked: bool = False) -> Found:
    """Pandoc and author-date citation markers in every claim. ``marked``: the document cites by markers, so an
    author-date citation in it is typed text, which pandoc cites nothing for (``Hit.typed``): the later linkers read it
    as a citation all the same (the words it covers, a quotation it carries), ``link()`` gives it as an attribution."""
    found = Found()
    pandoc = PandocMarkers(index)
    document_topic.read_document(index, claims)
    author_date_hit.read_pages(index)
    author_date.cited_letters.read_document(index, claims, lambda: _author_date(claims, index, Found()))
    for claim in claims:
        if claim.citations or (claim.citations is None and "@" in claim.text):
            pandoc.read(claim, found)
    written = len(found.hits)
    found = _author_date(claims, index, found)
    if marked:
        # A year alone, no author named, is no citation where citations are markers: pandoc cites nothing there
        # and nothing names the work (``Hit.unnamed``).
        found.hits[written:] = [replace(h, typed=True) if h.kind == "marker" else h for h in found.hits[written:]
                                if not h.unnamed]
        found.mentions = [(at, m) for at, m in found.mentions if m.detail != UNNAMED]
    return found


PASSAGE = 8
"""How many sentences before it, in its paragraph, a citation that opens its claim is read with: the passage it closes
(``author_date_hit.closing``), back to the paragraph's citation before it."""


def _author_date(claims: Sequence[Claim], index: SourceIndex, found: Found) -> Found:
    """Author-date citations in every claim (each read with the sentences before and after it in its paragraph)."""
    previous: Claim | None = None
    passage: list[str] = []  # the paragraph's sentences before this one
    for n, claim in enumerate(claims):
        before = previous.text if previous is not None and previous.paragraph == claim.paragraph else ""
        passage = passage if before else []
        following = claims[n + 1] if n + 1 < len(claims) else None
        after = following.text if following is not None and following.paragraph == claim.paragraph else ""
        if author_date.cited_letters.in_reference_list(index, claim):
            pass  # an item of the document's reference list: "Doe, J. (1995)." cites nothing
        elif "(" in claim.text or author_date.shorthand.shorthands(index).pattern:  # "(Kant 2004)", "KpV 12"
            author_date.find_in_claim(claim, before, index, found, after, " ".join(passage[-PASSAGE:]))
        else:  # "... generation Nakamura et al.", an entry with no date in a style printing none
            author_date.bare_undated(claim, index, found, after)
        previous = claim
        passage.append(claim.text)
    return found
