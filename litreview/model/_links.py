"""Linking value types: the table of link kinds, links, mentions, orphans, the linkage.

Re-exported by ``litreview.model``; import them from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

LinkKind = Literal["marker", "attribution", "title", "quotation", "reference", "topical"]
"""How a link was found; the names of LINK_KINDS, in order (a test keeps the two equal)."""
LinkStatus = Literal["confirmed", "suggested", "rejected"]


@dataclass(frozen=True, slots=True)
class LinkKindInfo:
    """One kind of link: what it is called, how a reader is told, what it is evidence of."""

    name: LinkKind
    """The kind's name in data files and output (``marker``, ...)."""
    words: str
    """How the site describes it on a card ("names the author")."""
    explains: str
    """What the evidence of such a link is, for help texts."""


LINK_KINDS: tuple[LinkKindInfo, ...] = (
    LinkKindInfo("marker", "citation marker in the text", "a citation marker: [@key], \\cite{key} or (Author Year)"),
    LinkKindInfo("attribution", "names the author", "the claim names an author of the source"),
    LinkKindInfo("title", "names the work", "the claim names the source's title"),
    LinkKindInfo("quotation", "quotes the work", "the claim quotes a passage the source holds"),
    LinkKindInfo("reference", "refers to the document", "the claim refers to a document (a law, a report) by name"),
    LinkKindInfo("topical", "same topic (no explicit citation)", "a suggestion: the claim shares the source's topic"),
)
"""THE table of link kinds, strongest evidence first: the order links are listed in."""

KIND_RANK: Mapping[str, int] = MappingProxyType({k.name: n for n, k in enumerate(LINK_KINDS)})
"""A link kind's place in LINK_KINDS (for sorting)."""


@dataclass(frozen=True, slots=True)
class Link:
    """A claim relies on a source, with the evidence that says so."""

    claim_id: str
    """The claim's id."""
    source_key: str
    """The entry's key."""
    kind: LinkKind
    """How the link was found: one of LINK_KINDS."""
    confidence: float
    """0 to 1."""
    status: LinkStatus
    """confirmed, suggested or rejected."""
    evidence: str
    """The matched span of the claim (or the reason, for topical links)."""
    note: str = ""
    """Reviewer's annotation: how the source supports the claim."""
    locator: str = ""
    """Page or section locator, e.g. "p. 3"."""
    ambiguous: bool = False
    """True when the evidence fitted several entries and context chose this one."""
    curated: bool = False
    """True when the status comes from the reviewed claims file."""
    decided_at: int | None = None
    """For a curated link: the line of the decision in the claims file (``Linkage.claims_file``)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """Something the prose names or quotes, resolved or not, for the checks."""

    claim_id: str
    """Where it occurs."""
    kind: Literal["marker", "author", "work", "document", "quotation", "title-variant"]
    """What was found: a citation marker, a named authority, a named work or document,
    a direct quotation, or a title that differs from its entry's title."""
    text: str
    """The span as written."""
    keys: tuple[str, ...] = ()
    """Entries it resolved to; empty when nothing matches (a missing citation)."""
    detail: str = ""
    """Extra words for the finding: the entry's title for a variant, the marker's key."""


@dataclass(frozen=True, slots=True)
class Orphan:
    """A curated link whose anchor no longer matches the essay."""

    claim_id: str
    """Claim id recorded in the claims file."""
    source_key: str
    """Entry the link named."""
    exact: str
    """The anchored text recorded in the file."""
    line: int | None = None
    """Line of the link in the claims file."""
    no_entry: bool = False
    """True when no entry has the key or keeps it as an alias (``ids``): the key is wrong, not the anchor."""
    rejected: bool = False
    """True for a rejection (``status: rejected``): its anchor is recorded with ``links --reject``, not --accept."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """Curated decisions that sit on one claim and entry today, some confirming and some rejecting it."""

    claim_id: str
    """The claim they sit on today."""
    source_key: str
    """The entry they name."""
    lines: tuple[int | None, ...] = ()
    """Their lines in the claims file, in file order."""


@dataclass(frozen=True, slots=True)
class Linkage:
    """Everything the linking stage found."""

    links: tuple[Link, ...] = ()
    """Links (including rejected ones, for the record)."""
    mentions: tuple[Mention, ...] = ()
    """Names, works, markers and quotations met in the prose."""
    orphans: tuple[Orphan, ...] = ()
    """Curated links that no longer anchor."""
    conflicts: tuple[Conflict, ...] = ()
    """Confirming and rejecting decisions that meet on one claim and entry (the file's later one is applied)."""
    unanchored: tuple[Orphan, ...] = ()
    """Curated links written without an anchor (``exact`` empty), placed by their recorded id alone."""
    claims_file: str = ""
    """The claims file the curated links' decisions come from ("" without one)."""
    hidden: tuple[Link, ...] = ()
    """Topical suggestions below the shown threshold, each entry's best few: not shown (listed with
    ``links --all-suggestions``), but a check can tell an entry the essay seems to use from one it never touches."""
