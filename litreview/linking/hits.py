"""The record every linker returns: a candidate link with where its evidence sits.

``Hit`` is internal to the linking package; ``link()`` turns hits into ``model.Link``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import LinkKind, Mention


@dataclass(frozen=True, slots=True)
class Hit:
    """One piece of evidence that a claim relies on an entry."""

    claim_id: str
    key: str
    kind: LinkKind
    confidence: float
    evidence: str
    start: int = -1
    """Offset of the evidence in the claim's text (-1 when not a span)."""
    end: int = -1
    ambiguous: bool = False
    locator: str = ""
    confirmed: bool = True
    """False when the evidence alone is too weak to confirm (the link is only suggested)."""
    typed: bool = False
    """An author-date citation typed as text ("Roe (2001)") in a document that cites by markers: pandoc cites nothing
    there, so ``link()`` gives it as an attribution, the words naming the work (``markers.find_markers``)."""
    unnamed: bool = False
    """A year alone whose entry the words of its title chose, no author named ("... our data (2006)"): in a document
    that cites by markers, no citation (``markers.find_markers``)."""


@dataclass
class Found:
    """What one linker found in the whole essay."""

    hits: list[Hit] = field(default_factory=list)
    mentions: list[tuple[int, Mention]] = field(default_factory=list)
    """Mentions with the offset of their text in the claim, for ordering."""
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Claim id -> spans of its text already explained (so later linkers skip them)."""
    blanked: dict[str, tuple[str, int, str]] = field(default_factory=dict, repr=False, compare=False)
    """Claim id -> its text, how many of its ``spans`` were read, the text with those that are parenthetical
    citations blanked out (``author_date_narrative._outside_citations``, kept up as citations are read)."""

    def mention(self, at: int, mention: Mention) -> None:
        self.mentions.append((at, mention))

    def cover(self, claim_id: str, start: int, end: int) -> None:
        self.spans.setdefault(claim_id, []).append((start, end))

    def covered(self, claim_id: str, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.spans.get(claim_id, ()))
