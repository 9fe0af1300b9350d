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


def read_document(index: SourceIndex, claims: Sequence[Claim]) -> None:
    """Record the topic words (stems) of the document ``claims`` make, for ``topic`` to return."""
    words: dict[int, set[str]] = {}
    for claim in claims:
        words.setdefault(claim.paragraph, set()).update(content_stems(claim.text))
    if len(words) < TOPIC_MIN_PARAGRAPHS:
        index.__dict__[_KEY] = frozenset()
        return
    found_in = Counter(stem for stems in words.values() for stem in stems)
    index.__dict__[_KEY] = frozenset(s for s, n in found_in.items() if n >= TOPIC_SHARE * len(words))


def topic(index: SourceIndex) -> frozenset[str]:
    """The stems the document last read (``read_document``) writes all through; none before one is read."""
    found: frozenset[str] = index.__dict__.get(_KEY, frozenset())
    return found
