"""The words a document writes all through (its topic): no evidence of which of one author's entries of a year a
citation names, when one entry's title holds them ("textbooks" in a chapter on textbooks). Read by ``markers``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import Claim
from .index import SourceIndex
from .text import content_stems

TOPIC_SHARE = 0.25
"""The share of a document's paragraphs a word must be found in to be its topic, not this passage's."""

TOPIC_MIN_PARAGRAPHS = 12
"""Fewer paragraphs than this tell no topic apart from the words of a passage (in three paragraphs, one word of
one of them is in a third of the document)."""

_KEY = "_document_topic"
"""The document's topic on its index: the claims ``read_document`` was given until ``topic`` is first asked, then
the stems (most documents ask none: their citations name no author of several entries of a year)."""


def read_document(index: SourceIndex, claims: Sequence[Claim]) -> None:
    """Record the document ``claims`` make, whose topic words (stems) ``topic`` returns."""
    index.__dict__[_KEY] = tuple(claims)


def topic(index: SourceIndex) -> frozenset[str]:
    """The stems the document last read (``read_document``) writes all through; none before one is read.

    Found on the first ask and kept on the index, so a document's topic is read once, and not at all when no
    citation asks for it."""
    found: frozenset[str] | tuple[Claim, ...] = index.__dict__.get(_KEY, frozenset())
    if isinstance(found, tuple):
        found = index.__dict__[_KEY] = _topic_of(found)
    return found


def _topic_of(claims: Sequence[Claim]) -> frozenset[str]:
    words: dict[int, set[str]] = {}
    for claim in claims:
        words.setdefault(claim.paragraph, set()).update(content_stems(claim.text))
    if len(words) < TOPIC_MIN_PARAGRAPHS:
        return frozenset()
    found_in = Counter(stem for stems in words.values() for stem in stems)
    return frozenset(s for s, n in found_in.items() if n >= TOPIC_SHARE * len(words))
