"""Look-up tables over a Review, built once per site so every page is linear to render.

Rejected links are kept apart (``rejected_by_claim``, ``rejected_by_source``): they are the reviewer's "no", shown
as such, never counted as links.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..essay.cites import cited_for
from ..essay.language import essay_language
from ..essay.segment import chapter_notes, note_key, note_numbers
from ..model import Claim, Finding, Link, Paragraph, Review, Severity, Source, SourceMetadata
from .citation import Citations, Reference
from .fragments import path_label
from .sanitize import esc
from .short_labels import PLAIN, Mark, marks

_STATUS_ORDER = {"confirmed": 0, "suggested": 1, "rejected": 2}
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def is_topical_suggestion(link: Link) -> bool:
    """A link found by topic alone and not yet reviewed: shown only on request."""
    return link.status == "suggested" and link.kind == "topical"


@dataclass
class ReviewIndex:
    """The review with its links and findings grouped by claim and by source."""

    review: Review
    sources: dict[str, Source] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    paragraph_of: dict[str, Paragraph] = field(default_factory=dict)
    links_by_claim: dict[str, list[Link]] = field(default_factory=dict)
    links_by_source: dict[str, list[Link]] = field(default_factory=dict)
    findings_by_claim: dict[str, list[Finding]] = field(default_factory=dict)
    findings_by_key: dict[str, list[Finding]] = field(default_factory=dict)
    marks: dict[str, Mark] = field(default_factory=dict)
    """Key -> what tells its label from another's (``short_labels.marks``), for the entries that need it."""
    cited_for: dict[str, Paragraph] = field(default_factory=dict)
    """Claim id of a paragraph of citations alone -> the paragraph before it, whose authorities they are (a brief)."""
    rejected_by_claim: dict[str, list[Link]] = field(default_factory=dict)
    """Claim id -> the links a reviewer rejected there (none of its claim and entry standing): shown, never counted."""
    rejected_by_source: dict[str, list[Link]] = field(default_factory=dict)
    """Entry key -> the links a reviewer rejected to it, in reading order."""
    lang: str = ""
    """The essay's language (``essay.language``): its text's ``lang`` attribute where it is not English."""
    claims_file: str = ""
    """The claims file that records the decisions, relative to the project (``fragments.path_label``)."""
    notes: dict[str, tuple[int, str]] = field(default_factory=dict)
    """A note's key (its label; a book's chapter's under ``note_key``) -> its number and the claim of its first
    reference (``essay.segment.note_numbers``): look a paragraph's or a claim's notes up by label with ``notes_in``,
    ``notes_of``."""
    _references: dict[tuple[Citations, str], Reference] = field(default_factory=dict, repr=False, compare=False)
    """What ``reference`` gave: a site asks for each entry on many pages (``Citations`` keys its own store
    by the entry's whole content, which costs more to make than a look-up here)."""

    def reference(self, citations: Citations, key: str) -> Reference:
        """The entry ``key`` formatted, its label told from others as this bibliography tells it."""
        found = self._references.get((citations, key))
        if found is None:
            found = self._references[(citations, key)] = citations.reference(self.sources[key],
                                                                             self.marks.get(key, PLAIN), self.lang)
        return found

    def notes_in(self, paragraph: Paragraph | None) -> Mapping[str, tuple[int, str]]:
        """The notes as ``paragraph``'s text names them, by label (its own chapter's: ``chapter_notes``)."""
        return chapter_notes(self.notes, paragraph.chapter if paragraph is not None else 0)

    def notes_of(self, claim_id: str) -> Mapping[str, tuple[int, str]]:
        """``notes_in`` the paragraph of the claim ``claim_id``."""
        return self.notes_in(self.paragraph_of.get(claim_id))

    def note_of(self, paragraph: Paragraph) -> tuple[int, str] | None:
        """The number and the claim of the first reference of the note ``paragraph`` is of (None: no note's)."""
        return self.notes.get(note_key(paragraph.note, paragraph.chapter)) if paragraph.note else None

    def lang_attr(self) -> str:
        """` lang="pt"` for an element holding the essay's own text; "" for an English essay (the page's language)."""
        return f' lang="{esc(self.lang)}"' if self.lang and self.lang.split("-")[0].lower() != "en" else ""

    def in_essay_language(self, html: str) -> str:
        """``html`` (the essay's words amid the review's) in a span that gives the essay's language, when not English."""
        return f"<span{self.lang_attr()}>{html}</span>" if self.lang_attr() else html

    def en_attr(self) -> str:
        """` lang="en"` for the review's own words inside the essay's text, when that is not English."""
        return ' lang="en"' if self.lang_attr() else ""

    def metadata(self, key: str) -> SourceMetadata | None:
        return self.review.metadata.get(key)

    def claim_count(self, key: str) -> int:
        """How many distinct claims rely on the source (confirmed or suggested)."""
        return len({link.claim_id for link in self.links_by_source.get(key, ())})

    def confirmed_count(self, key: str) -> int:
        return len({lk.claim_id for lk in self.links_by_source.get(key, ()) if lk.status == "confirmed"})

    def severity_counts(self) -> Counter[str]:
        return Counter(f.severity for f in self.review.findings)


def index_review(review: Review, root: str | None = None, lang: str | None = None) -> ReviewIndex:
    """Group everything the pages look up by claim id and by entry key (``root``: the project folder, which file
    names are shown relative to; ``lang``: the essay's language, when a setting gives it)."""
    index = ReviewIndex(review=review, claims_file=path_label(review.linkage.claims_file, None, root),
                        lang=essay_language(review.essay) if lang is None else lang)
    for source in review.bibliography.sources:
        index.sources.setdefault(source.key, source)
    index.marks = marks(index.sources.values())
    if review.essay is not None:
        index.notes = note_numbers(review.essay)
        for paragraph in review.essay.paragraphs:
            for claim in paragraph.claims:
                index.claims.setdefault(claim.id, claim)
                index.paragraph_of.setdefault(claim.id, paragraph)
        for alone, before in cited_for(review.essay.paragraphs):
            index.cited_for.update((claim.id, before) for claim in alone.claims)
    links = sorted(
        (lk for lk in review.linkage.links if lk.status != "rejected"),
        key=lambda lk: (_STATUS_ORDER.get(lk.status, 3), -lk.confidence),
    )
    seen: set[tuple[str, str]] = set()
    for link in links:
        # One mark per claim and source: the strongest link wins, the rest are the same fact.
        pair = (link.claim_id, link.source_key)
        if pair in seen:
            continue
        seen.add(pair)
        index.links_by_claim.setdefault(link.claim_id, []).append(link)
        index.links_by_source.setdefault(link.source_key, []).append(link)
    for link in review.linkage.links:
        # A rejected link whose claim and entry no other link stands for (one of another kind may, confirmed).
        if link.status == "rejected" and (link.claim_id, link.source_key) not in seen:
            seen.add((link.claim_id, link.source_key))
            index.rejected_by_claim.setdefault(link.claim_id, []).append(link)
            index.rejected_by_source.setdefault(link.source_key, []).append(link)
    for claim_links in (*index.links_by_source.values(), *index.rejected_by_source.values()):
        claim_links.sort(key=lambda lk: _claim_order(index, lk.claim_id))
    for finding in review.findings:
        if finding.claim_id:
            index.findings_by_claim.setdefault(finding.claim_id, []).append(finding)
        if finding.key:
            index.findings_by_key.setdefault(finding.key, []).append(finding)
    return index


def _claim_order(index: ReviewIndex, claim_id: str) -> tuple[int, int, str]:
    claim = index.claims.get(claim_id)
    if claim is None:
        return (1 << 30, 0, claim_id)
    return (claim.paragraph, claim.sentence, claim_id)
