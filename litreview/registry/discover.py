"""DOI discovery for entries without one: search-based matching with validation.

The entry becomes a reference string for Crossref's ``query.bibliographic``; each of
the top candidates is then validated against the entry's own fields (title, first
author, year, container or publisher, volume and pages), as in Crossref's SBMV.
Pure: the search itself happens in ``fetch``; here are the query and the judgement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import DoiSuggestion, RegistryRecord, Source
from ..text import fold_words
from .compare import (
    BOOK_TYPES,
    CHAPTER_TYPES,
    container_agrees,
    family_key,
    normalize_pages,
    preprint_for_journal,
    publishers_agree,
    record_years,
    similarity,
    title_similarity,
    types_compatible,
)
from .parse import parse_crossref

ROWS = 5
"""Candidates asked for: Crossref's advice when re-ranking yourself."""
THRESHOLD = 0.8
"""Validation score a candidate needs to be suggested."""
MIN_TITLE = 0.85
"""Title similarity below which a candidate is never suggested."""
AMBIGUITY_MARGIN = 0.05
"""A runner-up this close to the best makes the suggestion ambiguous."""

#: entry types worth searching for (web pages and statutes have no DOI to find).
SEARCHABLE_TYPES = frozenset({
    "article", "book", "mvbook", "collection", "incollection", "inbook", "inproceedings", "conference",
    "proceedings", "techreport", "report", "phdthesis", "mastersthesis", "thesis", "inreference",
})
#: Words of a title that cites a notice itself ("Correction: ...", "Retraction notice to ...").
NOTICE_WORDS = frozenset({"correction", "corrections", "erratum", "errata", "corrigendum", "corrigenda", "retraction",
                          "retracted", "withdrawal", "withdrawn", "removal", "concern", "addendum", "clarification"})
#: Entry types of a part of a book, whose book is named in the entry.
_PART_TYPES = frozenset({"incollection", "inbook", "inreference"})
_WEIGHTS = {"title": 0.45, "author": 0.2, "year": 0.15, "venue": 0.1, "locator": 0.1}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One search result with the registry's relevance and our validation."""

    record: RegistryRecord
    """The candidate work."""
    relevance: float
    """The registry's own relevance score (not comparable across queries)."""
    score: float = 0.0
    """Validation score against the entry, 0 to 1 (0 when not validated)."""
    reasons: tuple[str, ...] = ()
    """What agreed and what did not."""


def wants_search(source: Source) -> bool:
    """True for entries without a DOI whose kind of work usually has one."""
    return not source.doi.strip() and bool(source.title.strip()) and source.type in SEARCHABLE_TYPES


def reference_string(source: Source) -> str:
    """The entry as one plain reference string, the input ``query.bibliographic`` works best with."""
    people = source.authors or source.editors
    names = ", ".join(p.display() for p in people[:6])
    parts = [names, f"({source.year})" if source.year else "", source.title, source.container,
             source.volume, source.number, source.pages, source.publisher]
    return ". ".join(p.strip() for p in parts if p and p.strip())


def score_candidate(source: Source, record: RegistryRecord) -> tuple[float, tuple[str, ...]]:
    """Validation score (0..1) of a candidate record for the entry, with the reasons."""
    parts: dict[str, float] = {}
    reasons: list[str] = []
    if source.title:
        t = title_similarity(source.title, record.title, record.subtitle)
        if record.title and len(fold_words(record.title)) >= 12 and fold_words(source.title).startswith(fold_words(record.title)):
            t = max(t, 0.9)  # the entry adds a subtitle the registry keeps elsewhere
        parts["title"] = t
        reasons.append(f"title similarity {t:.2f}")
    people = source.authors or source.editors
    cand_people = (*record.authors, *record.editors)
    if people and cand_people:
        first = family_key(people[0])
        keys = [family_key(p) for p in cand_people]
        if keys[0] == first:
            parts["author"] = 1.0
            reasons.append(f"first author {people[0].family} matches")
        elif first in keys:
            parts["author"] = 0.5
            reasons.append(f"{people[0].family} is an author, not the first")
        else:
            parts["author"] = 0.0
            reasons.append(f"first author {people[0].family} not among the candidate's")
    if source.year and record.year:
        parts["year"] = _year_score(source, record)
        reasons.append(f"year {record.year} vs {source.year}")
    venue = _venue_score(source, record)
    if venue is not None:
        parts["venue"] = venue
        reasons.append("container/publisher agrees" if venue else "container/publisher differs")
    locator = _locator_score(source, record)
    if locator is not None:
        parts["locator"] = locator
        reasons.append("volume/pages agree" if locator == 1 else "volume/pages differ")
    if not parts:
        return 0.0, ()
    total = sum(_WEIGHTS[k] for k in parts)
    score = sum(_WEIGHTS[k] * v for k, v in parts.items()) / total
    if types_compatible(source.type, record.type) is False:
        score *= 0.7
        reasons.append(f"type {record.type} does not fit @{source.type}")
    elif preprint_for_journal(source.type, source.container, record):
        score *= 0.7
        reasons.append(f"a preprint, not the article in {source.container}")
    notice = _notice_of(source, record)
    if notice:
        score *= 0.7
        reasons.append(notice)
    if source.title and parts.get("title", 0) < MIN_TITLE:
        score = min(score, MIN_TITLE * THRESHOLD)
    if parts.get("venue") == 0 and record.type in CHAPTER_TYPES and source.type in _PART_TYPES:
        # A chapter's title is often generic ("Introduction") or reused: the book tells the chapter.
        score = min(score, MIN_TITLE * THRESHOLD)
        reasons.append(f"a chapter of {record.container}, not of {source.container}")
    if parts.get("year", 1) == 0:
        # Beyond an online-first date (or a reprint of a book): another work with the title, or a citation
        # too far off to trust the rest of it.
        score = min(score, 0.5 if parts.get("author", 1) == 0 else MIN_TITLE * THRESHOLD)
    return round(score, 3), tuple(reasons)


def _notice_of(source: Source, record: RegistryRecord) -> str:
    """Why the record is a notice about another work (a correction, a retraction), when the entry does not cite
    a notice: publishers title some notices as the work itself."""
    if NOTICE_WORDS & set(fold_words(source.title).split()):
        return ""
    for update in record.updates:
        # A newer version or edition names its earlier form: the record is the work, not a notice.
        if update.direction == "update-to" and update.doi and update.doi != record.doi and not update.is_version:
            return f"a notice ({update.type.replace('_', ' ')}) of {update.doi}, not the work"
    return ""


def _year_score(source: Source, record: RegistryRecord) -> float:
    diff = min(abs((source.year or 0) - year) for year in record_years(record))
    if diff == 0:
        return 1.0
    book = record.type in BOOK_TYPES or source.type in ("book", "incollection", "inbook")
    if diff == 1:
        return 0.7 if book else 0.5  # online-first articles; books printed late in a year
    if book and diff <= 3:
        return 0.4  # a reprint or a new edition of the same book
    return 0.0


def _venue_score(source: Source, record: RegistryRecord) -> float | None:
    if source.container and record.container and record.type not in BOOK_TYPES:
        ok = container_agrees(source.container, record) or similarity(
            fold_words(source.container), fold_words(record.container)) >= 0.85
        return 1.0 if ok else 0.0
    if source.publisher and record.publisher:
        return 1.0 if publishers_agree(source.publisher, record.publisher) else 0.0
    return None


def _locator_score(source: Source, record: RegistryRecord) -> float | None:
    checks: list[bool] = []
    if source.volume and record.volume:
        checks.append(fold_words(source.volume) == fold_words(record.volume))
    if source.pages and record.pages:
        checks.append(normalize_pages(source.pages)[0] == normalize_pages(record.pages)[0])
    if not checks:
        return None
    return sum(checks) / len(checks)


def candidates_from(message: Mapping[str, Any]) -> list[Candidate]:
    """The items of a Crossref ``work-list`` message as unvalidated candidates."""
    items = message.get("items") if isinstance(message, Mapping) else None
    out: list[Candidate] = []
    for item in items or ():
        if isinstance(item, Mapping) and item.get("DOI"):
            score = item.get("score")
            out.append(Candidate(parse_crossref(item), float(score) if isinstance(score, int | float) else 0.0))
    return out


def validate(source: Source, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates scored against the entry, best first."""
    scored = []
    for cand in candidates:
        score, reasons = score_candidate(source, cand.record)
        scored.append(Candidate(cand.record, cand.relevance, score, reasons))
    return sorted(scored, key=lambda c: (-c.score, -c.relevance))


def suggest(source: Source, candidates: Sequence[Candidate]) -> DoiSuggestion | None:
    """The DOI to suggest for an entry without one, or None when no candidate validates."""
    ranked = [c for c in validate(source, candidates) if c.record.doi]
    if not ranked or ranked[0].score < THRESHOLD:
        return None
    best = ranked[0]
    reasons = list(best.reasons)
    rivals = [c for c in ranked[1:] if c.record.doi != best.record.doi and best.score - c.score < AMBIGUITY_MARGIN]
    if rivals:
        reasons.append("ambiguous: also " + ", ".join(f"{c.record.doi} ({c.score:.2f})" for c in rivals[:2]))
    title = f"{best.record.title}: {best.record.subtitle}" if best.record.subtitle else best.record.title
    return DoiSuggestion(doi=best.record.doi, score=best.score, reasons=tuple(reasons), title=title)
