"""Registry value types: what a registry says about an entry and how it compares.

Re-exported by ``litreview.model``; import them from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from litreview.model._sources import Person, _empty

MetadataStatus = Literal[
    "verified",  # a registry record was fetched and compared
    "not-found",  # the registry answered that the DOI does not exist
    "malformed",  # the DOI fails the syntax check; never sent
    "unverified",  # has a DOI, but nothing fetched yet (offline, or not run)
    "failed",  # fetching was attempted and failed (network, 5xx)
    "no-doi",  # the entry has no DOI to verify
]


@dataclass(frozen=True, slots=True)
class Update:
    """A registry notice about a work: retraction, correction, expression of concern."""

    type: str
    """Crossref update type: retraction, correction, expression_of_concern, ..."""
    doi: str
    """DOI of the notice (or of the updated work, for ``update-to``)."""
    label: str = ""
    """Human label, e.g. "Retraction"."""
    source: str = ""
    """Who asserted it: publisher or retraction-watch."""
    date: str = ""
    """ISO date of the update."""
    direction: Literal["updated-by", "update-to"] = "updated-by"
    """updated-by: this work is updated by the notice; update-to: this is the notice."""

    @property
    def kind(self) -> str:
        """The type folded for comparison: "New-Version" and "new_version" alike."""
        return self.type.casefold().replace("-", "_")

    @property
    def is_version(self) -> bool:
        """A newer version or edition of the work: the work itself in another form, not a notice about it."""
        return self.kind in ("new_version", "new_edition")


@dataclass(frozen=True, slots=True)
class RegistryRecord:
    """A work as a registry describes it, normalised from the raw record."""

    doi: str
    """Normalised (lower-case) DOI."""
    agency: str
    """Registration agency: crossref, datacite, ..."""
    type: str = ""
    """Registry's type id (journal-article, book-chapter, monograph, ...)."""
    title: str = ""
    """Main title."""
    subtitle: str = ""
    """Subtitle, if separate."""
    authors: tuple[Person, ...] = ()
    """Authors in order."""
    editors: tuple[Person, ...] = ()
    """Editors in order."""
    year: int | None = None
    """Year issued."""
    container: str = ""
    """Journal or book title."""
    volume: str = ""
    """Volume."""
    issue: str = ""
    """Issue."""
    pages: str = ""
    """Page range."""
    publisher: str = ""
    """Publisher."""
    isbn: tuple[str, ...] = ()
    """ISBNs."""
    url: str = ""
    """Landing URL."""
    abstract: str = ""
    """Abstract as the registry sent it (JATS XML for Crossref): sanitise before display."""
    updates: tuple[Update, ...] = ()
    """Retractions, corrections and other notices."""
    raw: Mapping[str, Any] = field(default_factory=_empty)
    """The registry's record as fetched (the ``message`` of a Crossref envelope)."""
    ids: Mapping[str, str] = field(default_factory=_empty)
    """Other identifiers the registry gives, scheme -> value (pmid, pmcid, arxiv, isbn, dblp, openalex)."""


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A field where the bibliography and the registry disagree."""

    field: str
    """title, authors, year, container, volume, issue, pages, publisher, type."""
    entry_value: str
    """The bibliography's value."""
    registry_value: str
    """The registry's value."""
    kind: str
    """What differs: case, punctuation, truncated, subtitle, different, missing, order, ..."""
    likely_right: Literal["registry", "entry", "unclear"] = "registry"
    """Which side is likely right."""


@dataclass(frozen=True, slots=True)
class DoiSuggestion:
    """A DOI found by searching the registry for an entry that has none."""

    doi: str
    """The candidate DOI."""
    score: float
    """Validation score, 0 to 1."""
    reasons: tuple[str, ...] = ()
    """Why it matched (title similarity, author, year, container)."""
    title: str = ""
    """The candidate's title, for the reviewer."""


@dataclass(frozen=True, slots=True)
class UrlCheck:
    """The outcome of checking an entry's URL."""

    url: str
    """The URL checked."""
    ok: bool
    """True when it answered 2xx (after redirects)."""
    status: int | None = None
    """Final HTTP status, None on a network error."""
    final_url: str = ""
    """Where redirects ended, when they were followed."""
    error: str = ""
    """What went wrong, when not ok."""
    archive_url: str = ""
    """Closest Internet Archive snapshot, for a broken URL."""
    checked_at: str = ""
    """ISO timestamp of the check."""


@dataclass(frozen=True, slots=True)
class SourceMetadata:
    """What the registries say about one entry (from the snapshot or a fetch)."""

    key: str
    """Entry key."""
    status: MetadataStatus
    """verified, not-found, malformed, unverified, failed or no-doi."""
    record: RegistryRecord | None = None
    """The registry's record, when fetched."""
    fetched_at: str = ""
    """When the record was fetched (ISO 8601), '' if never."""
    stale: bool = False
    """True when the snapshot record is older than the configured age."""
    mismatches: tuple[Mismatch, ...] = ()
    """Field disagreements with the record."""
    suggestion: DoiSuggestion | None = None
    """Suggested DOI for an entry that has none."""
    url_check: UrlCheck | None = None
    """The URL check, when made."""
    reason: str = ""
    """Why the entry is unverified or failed, in words."""
    ignored: tuple[str, ...] = ()
    """Base URLs of snapshot records ignored because they are not a configured registry's."""
    registries: tuple[tuple[str, str], ...] = ()
    """(registry, state) for each registry asked about the entry: found, not-found, unreachable,
    over-budget, failed or not-asked."""
