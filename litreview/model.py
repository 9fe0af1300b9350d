"""Frozen value types shared by every pipeline stage.

Stages pass these values along and never mutate them; each type says what one
field means in one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
LinkKind = Literal["marker", "attribution", "title", "quotation", "reference", "topical"]
"""How a link was found; the names of LINK_KINDS, in order (a test keeps the two equal)."""
LinkStatus = Literal["confirmed", "suggested", "rejected"]
CitationMode = Literal["normal", "author-in-text", "suppress-author"]
"""Pandoc's citation modes."""
MetadataStatus = Literal[
    "verified",  # a registry record was fetched and compared
    "not-found",  # the registry answered that the DOI does not exist
    "malformed",  # the DOI fails the syntax check; never sent
    "unverified",  # has a DOI, but nothing fetched yet (offline, or not run)
    "failed",  # fetching was attempted and failed (network, 5xx)
    "no-doi",  # the entry has no DOI to verify
]

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


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Person:
    """A person (or organisation) as named in an entry or a registry record."""

    family: str
    """Family name (for an organisation, its whole name)."""
    given: str = ""
    """Given names or initials, as written."""
    prefix: str = ""
    """Name particle such as "von" or "de"."""
    suffix: str = ""
    """Lineage such as "Jr"."""

    def display(self) -> str:
        """The name in reading order: "K. J. Holsti"."""
        return " ".join(p for p in (self.given, self.prefix, self.family, self.suffix) if p)

    def sort_name(self) -> str:
        """The name in bibliography order: "Holsti, K. J."."""
        family = " ".join(p for p in (self.prefix, self.family) if p)
        parts = [family, self.suffix, self.given]
        return ", ".join(p for p in parts if p)

    def to_json(self) -> dict[str, str]:
        return {"family": self.family, "given": self.given}


@dataclass(frozen=True, slots=True)
class Source:
    """One bibliography entry, decoded to Unicode for display."""

    key: str
    """The citation key, e.g. ``holsti2004taming``."""
    type: str
    """Entry type in lower case: book, article, incollection, online, misc, ..."""
    authors: tuple[Person, ...] = ()
    """Authors in order."""
    editors: tuple[Person, ...] = ()
    """Editors in order."""
    year: int | None = None
    """Year of publication, or None when absent or not a number."""
    title: str = ""
    """Title with LaTeX decoded and protective braces removed."""
    container: str = ""
    """Journal, book title or web site that contains the work."""
    publisher: str = ""
    """Publisher or institution."""
    volume: str = ""
    """Volume."""
    number: str = ""
    """Issue or report number."""
    pages: str = ""
    """Page range with an en dash."""
    doi: str = ""
    """DOI exactly as written in the entry."""
    url: str = ""
    """URL exactly as written in the entry."""
    urldate: str = ""
    """Access date (ISO 8601) for web sources."""
    fields: Mapping[str, str] = field(default_factory=_empty)
    """Every field as written in the file (LaTeX kept), including persons as strings."""
    file: str | None = None
    """The .bib file the entry came from."""
    line: int | None = None
    """1-based line of the ``@type{key,`` that opens the entry."""

    def field(self, name: str) -> str:
        """A raw field value ('' when absent)."""
        return self.fields.get(name.lower(), "")

    def to_json(self) -> dict[str, Any]:
        """The public JSON form (``litreview sources --format json``)."""
        return {
            "key": self.key,
            "type": self.type,
            "authors": [p.to_json() for p in self.authors],
            "editors": [p.to_json() for p in self.editors],
            "year": self.year,
            "title": self.title,
            "container": self.container,
            "publisher": self.publisher,
            "volume": self.volume,
            "number": self.number,
            "pages": self.pages,
            "doi": self.doi,
            "url": self.url,
            "urldate": self.urldate,
        }


@dataclass(frozen=True, slots=True)
class Bibliography:
    """A loaded bibliography: its entries and the problems met reading it."""

    sources: tuple[Source, ...]
    """Entries in file order."""
    problems: tuple[Finding, ...] = ()
    """Parse problems found while loading (LR1xx findings)."""
    file: str | None = None
    """Path the bibliography was read from."""
    text: str = ""
    """The file's text, kept for writers that must preserve every other byte."""
    parts: tuple[tuple[str | None, str], ...] = ()
    """(file, text) of each file when several bibliographies are read as one; empty for one file."""

    @property
    def files(self) -> tuple[tuple[str | None, str], ...]:
        """(file, text) of every file read: checks that read the text read each."""
        return self.parts or ((self.file, self.text),)

    @property
    def where(self) -> str | None:
        """Every file read, for messages (``a.bib, b.json``): a key missing from one is missing from all."""
        return ", ".join(f for f, _ in self.files if f) or None

    def get(self, key: str) -> Source | None:
        for source in self.sources:
            if source.key == key:
                return source
        return None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.sources)


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """W3C Web Annotation text-quote selector: the exact text and a little context."""

    exact: str
    """The quoted text itself."""
    prefix: str = ""
    """Up to 32 characters before it."""
    suffix: str = ""
    """Up to 32 characters after it."""

    def to_json(self) -> dict[str, str]:
        return {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix}


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation item as the manuscript writes it (``@key`` in ``[see @key, p. 3]``, ``\\citep{key}``)."""

    key: str
    """The key as the manuscript's tool reads it (a Manubot alias or tag already replaced by its target)."""
    start: int
    """Offset in the claim's text where the citation (the bracket or the command) starts."""
    end: int
    """Offset in the claim's text just past the citation."""
    written: str
    """This item as written (``see @key, p. 3``; ``\\citet{key}``)."""
    mode: CitationMode = "normal"
    """Pandoc's citation mode."""
    prefix: str = ""
    """Text before the key inside the brackets (``see``)."""
    suffix: str = ""
    """Text after the key: the locator and the rest (``p. 3``)."""
    alias: str = ""
    """The key as written when it was an alias or a tag (``tag:smith``), else empty."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence (or a curated group of sentences) of the essay."""

    id: str
    """Readable id, ``p3-s6`` for paragraph 3, sentence 6 (both 1-based); ``abstract-s2`` in the front matter."""
    paragraph: int
    """1-based paragraph number (0 and below in the front matter)."""
    sentence: int
    """1-based sentence number within the paragraph."""
    text: str
    """The sentence as written."""
    selector: TextQuoteSelector
    """Anchor that survives edits elsewhere in the essay."""
    line: int
    """1-based line in the essay file where the sentence starts."""
    start: int = 0
    """Character offset of the sentence in the essay body (0, and ``end`` 0, for a front matter's sentence)."""
    end: int = 0
    """Character offset just past the sentence."""
    citations: tuple[Citation, ...] | None = None
    """The citation items the reader found in the sentence (None: not read by a reader of markers)."""
    file: str | None = None
    """The file the sentence is in, when the essay is several files (a Manubot ``content/``, LaTeX ``\\input``)."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the essay with its claims."""

    number: int
    """1-based paragraph number (0 and below for the front matter's, which come first)."""
    text: str
    """The paragraph as written."""
    line: int
    """1-based line in the essay file."""
    claims: tuple[Claim, ...] = ()
    """Its sentences in order."""
    label: str = ""
    """A front matter's paragraph: its field (``abstract``, ``abstract-p2`` for the second one); empty in the body."""

    @property
    def anchor(self) -> str:
        """The paragraph's id on the site: ``p3``, or its front-matter label."""
        return self.label or f"p{self.number}"

    @property
    def name(self) -> str:
        """How messages name it: ``paragraph 3``, ``the front matter's abstract`` (``..., paragraph 2``)."""
        if not self.label:
            return f"paragraph {self.number}"
        field, _, more = self.label.partition("-p")
        return f"the front matter's {field}" + (f", paragraph {more}" if more else "")


@dataclass(frozen=True, slots=True)
class Essay:
    """The document under review, split into paragraphs and claims."""

    path: str
    """File it was read from."""
    body: str
    """Text after the front matter, as written."""
    meta: Mapping[str, Any] = field(default_factory=_empty)
    """Front-matter fields (title, source, ...)."""
    paragraphs: tuple[Paragraph, ...] = ()
    """Paragraphs in order."""
    body_line: int = 1
    """1-based line of the file where the body starts."""
    format: str = "markdown"
    """How it was read: markdown, manubot or latex."""
    nocite: tuple[str, ...] = ()
    """Keys cited without a marker (YAML ``nocite``, ``\\nocite``); ``*`` for every entry."""
    marked: bool | None = None
    """Whether the document marks its citations (a reader's markers were found); None when unknown."""

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for p in self.paragraphs for c in p.claims)

    def claim(self, claim_id: str) -> Claim | None:
        for c in self.claims:
            if c.id == claim_id:
                return c
        return None


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


@dataclass(frozen=True, slots=True)
class Linkage:
    """Everything the linking stage found."""

    links: tuple[Link, ...] = ()
    """Links (including rejected ones, for the record)."""
    mentions: tuple[Mention, ...] = ()
    """Names, works, markers and quotations met in the prose."""
    orphans: tuple[Orphan, ...] = ()
    """Curated links that no longer anchor."""
    hidden: tuple[Link, ...] = ()
    """Topical suggestions below the shown threshold, each entry's best few: not shown (listed with
    ``links --all-suggestions``), but a check can tell an entry the essay seems to use from one it never touches."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, as data: the CLI, CI and the site decide how to show it."""

    code: str
    """Stable code, e.g. ``LR101``."""
    severity: Severity
    """error, warning or info."""
    message: str
    """What is wrong, in one sentence."""
    hint: str = ""
    """What to do about it."""
    key: str | None = None
    """The entry concerned, if any."""
    claim_id: str | None = None
    """The claim concerned, if any."""
    file: str | None = None
    """File to point at."""
    line: int | None = None
    """1-based line in that file."""

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint or None,
            "key": self.key,
            "claim_id": self.claim_id,
            "file": self.file,
            "line": self.line,
        }


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


@dataclass(frozen=True, slots=True)
class Review:
    """The whole review: what the CLI prints and the site shows."""

    bibliography: Bibliography
    """The loaded bibliography."""
    essay: Essay | None = None
    """The essay, when one is configured."""
    metadata: Mapping[str, SourceMetadata] = field(default_factory=_empty)
    """Registry view per entry key."""
    linkage: Linkage = field(default_factory=Linkage)
    """Links, mentions and orphans."""
    findings: tuple[Finding, ...] = ()
    """Every finding, sorted by file and line."""


__all__ = [
    "Bibliography",
    "Claim",
    "DoiSuggestion",
    "Essay",
    "Finding",
    "Link",
    "LinkKind",
    "LinkStatus",
    "Linkage",
    "Mention",
    "Mismatch",
    "Orphan",
    "Paragraph",
    "Person",
    "RegistryRecord",
    "Review",
    "Severity",
    "Source",
    "SourceMetadata",
    "TextQuoteSelector",
    "Update",
    "UrlCheck",
]
