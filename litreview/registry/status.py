"""Each entry's registry status (a ``SourceMetadata``) read from the stored snapshot, offline.

``load_metadata`` gives every entry of a bibliography its status with no network and no clock of
its own (the ``check`` and ``build`` commands use it); ``metadata_for`` is one entry's, which
``fetch`` also calls with this run's outcome. ``snapshot`` re-exports the three public names.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from ..doi import doi_problem, is_short_doi, normalize_doi
from ..model import Bibliography, RegistryRecord, Source, SourceMetadata, UrlCheck
from ..text import of_total, plural
from .handlers import agency_label, by_name
from .lookups import describe, identity, is_search
from .provenance import Origins, foreign_note
from .snapshot import SYNTHETIC_NOTE, Snapshot

RUN_FETCH = "(run `litreview fetch` with network access)"
"""The advice an unverified entry's reason ends with (a finding drops it: its hint says what to do)."""

DOI_REGISTRIES = ("crossref", "doi")
"""Whom `fetch` asks about a DOI it has no record of (doi.org names the agency; most DOIs are Crossref's),
listed as not asked yet: the registries list names them before the first fetch too."""


def age_days(fetched_at: str, now: datetime) -> float | None:
    """Days since an ISO timestamp; None when it cannot be read."""
    try:
        when = datetime.fromisoformat(fetched_at)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None and now.tzinfo is not None:
        when = when.replace(tzinfo=now.tzinfo)
    return (now - when).total_seconds() / 86400


def metadata_for(source: Source, snap: Snapshot, *, now: datetime, stale_days: int,
                 failure: str = "", failure_status: str = "failed", failure_state: str = "failed", failure_registry: str = "",
                 url_check: UrlCheck | None = None, url_note: str = "", origins: Origins | None = None,
                 id_failures: Mapping[tuple[str, str], Any] | None = None) -> SourceMetadata:
    """One entry's view of the snapshot; ``failure`` and ``url_check`` overlay this run's outcome.

    Records that did not come from one of ``origins`` (default: the real registries) are
    ignored, and the reason says so: a mirror's or a test server's answers never pass
    for the configured registries'. Registries other than the DOI resolvers (OpenAlex,
    arXiv, PubMed, Open Library, Google Books) add their records and retraction evidence
    (``lookups.identity``); ``id_failures`` are this run's unanswered questions; ``failure_state``: how the DOI's
    registries answered a failed run (``lookups.STATES``: "unreachable" when the network was), ``failure_registry``
    which of them failed (a handler's name; doi.org when not known).
    """
    origins = origins or Origins.real()
    ident = identity(source, snap, origins, failures=id_failures)

    notes: list[str] = []
    ignored: list[str] = []
    check = url_check
    if check is None and source.url.strip():
        stored, problem = snap.read_url(source.url)
        if stored is not None:
            check = stored.check
        elif problem:
            notes.append(problem)
    if url_note:
        notes.append(url_note)

    def done(status: str, reason: str = "", doi_state: tuple[tuple[str, str], ...] = (), **kw: Any) -> SourceMetadata:
        text = "; ".join(p for p in (reason, *notes) if p)
        asked = doi_state + tuple((a.registry, a.state) for a in ident.asked)
        return SourceMetadata(key=source.key, status=status, reason=text, url_check=check,  # type: ignore[arg-type]
                              ignored=tuple(ignored) + ident.ignored, registries=asked, **kw)

    if not source.doi.strip() and ident.asked:
        if ident.records:
            from .reconcile import reconcile

            record = ident.records[0][1]
            agree = [by_name(by).label for by, r in ident.records if not reconcile(source, r)]
            words = (of_total(len(agree), len(ident.records), "registry", ("agrees", "agree"), "registries")
                     + " with the entry"
                     + (f" ({', '.join(agree)})" if agree else "")) if len(ident.records) > 1 else ""
            return done("verified", "; ".join(p for p in (words, *ident.evidence,
                                                         SYNTHETIC_NOTE if _synthetic(snap, source, origins)
                                                         else "") if p),
                        record=_with_evidence(record, ident.records), fetched_at=ident.fetched_at,
                        mismatches=reconcile(source, record))
        if ident.nobody_knows:
            return done("not-found", f"no registry knows this work: {describe(ident.by_id)}",
                        fetched_at=ident.fetched_at)
        unanswered = ident.unanswered  # (a property: computed once here)
        if unanswered and all(a.state == "not-asked" for a in unanswered):
            names = ", ".join(dict.fromkeys(by_name(a.registry).label for a in unanswered))
            return done("unverified", f"not yet verified: the snapshot has no answer from {names} {RUN_FETCH}")
        if unanswered:
            return done("unverified", f"not verified: {describe(ident.by_id)}")
        searched = [a for a in ident.asked if is_search(a.ident) and a.state != "not-asked"]
        if searched:
            # Only a search a registry answered can miss; one that was never answered found nothing either way.
            missed = any(a.state == "not-found" for a in searched)
            notes.append(f"{describe(tuple(searched))}: "
                         + ("no match by title and author" if missed else "the title search could not be made"))

    if not source.doi.strip():
        from .discover import candidates_from, reference_string, suggest, wants_search

        if not wants_search(source):
            return done("no-doi", "the entry has no DOI (not a kind of work that usually has one)")
        query = reference_string(source)
        found, problem = snap.read_search(query)
        if found is not None and not origins.accepts(found.registry, found.source_url, found.synthetic):
            notes.append(foreign_note("search", found.registry or found.source_url))
            ignored.append(found.registry or found.source_url)
            found = None
        if found is None:
            why = problem or failure or f"the registry has not been searched for one yet {RUN_FETCH}"
            return done("no-doi", f"the entry has no DOI; {why}")
        suggestion = suggest(source, candidates_from({"items": list(found.items)}))
        if suggestion is None:
            return done("no-doi", f"the entry has no DOI; the registry search on {found.fetched_at[:10]} "
                                  "found no candidate that fits it", fetched_at=found.fetched_at)
        aside = f"; {SYNTHETIC_NOTE}" if found.synthetic else ""
        return done("no-doi", f"the entry has no DOI; suggested {suggestion.doi} "
                              f"(score {suggestion.score:.2f}){aside}", suggestion=suggestion,
                    fetched_at=found.fetched_at)

    problem = doi_problem(source.doi)
    if problem:
        # A shortDOI is a DOI of its own form, which doi.org resolves and Manubot expands, not a malformed one; the
        # registries do not know it, so the work stays unverified (as check's LR209 says).
        return done("unverified" if is_short_doi(source.doi) else "malformed",
                    f"DOI {source.doi!r} {problem}; it was not sent to any registry")
    entry, corrupt = snap.read_doi(source.doi)
    if entry is not None and not origins.accepts(entry.registry, entry.source_url, entry.synthetic):
        corrupt = foreign_note("record", entry.registry or entry.source_url)
        ignored.append(entry.registry or entry.source_url)
        entry = None
    if entry is None:
        if failure:
            return done(failure_status, "; ".join(p for p in (failure, corrupt) if p),
                        doi_state=((failure_registry or "doi", failure_state),))
        return done("unverified", corrupt or f"not yet verified: the snapshot has no registry record for this DOI "
                                             f"{RUN_FETCH}", doi_state=tuple((r, "not-asked") for r in DOI_REGISTRIES))
    age = age_days(entry.fetched_at, now)
    stale = age is not None and age > stale_days
    extra = [SYNTHETIC_NOTE] if entry.synthetic else []
    if stale and age is not None:
        extra.append(f"fetched {plural(round(age), 'day')} ago (older than {stale_days}); `litreview fetch` refreshes it")
    if failure:
        extra.append(f"refreshing failed: {failure}")
    # An unknown agency means doi.org content negotiation was asked: doi.org answered.
    agency = agency_label(entry.agency)
    resolver = entry.agency if entry.agency in ("crossref", "datacite") else "doi"
    if entry.http_status == 404:
        return done("not-found", "; ".join([f"{agency} answered that the DOI does not exist "
                                            f"(HTTP 404 on {entry.fetched_at[:10]}); check it for typos", *extra]),
                    fetched_at=entry.fetched_at, stale=stale, doi_state=((resolver, "not-found"),))
    from .parse import alias_of, parse_record
    from .reconcile import reconcile

    record = parse_record(entry.format, entry.record or {}, entry.agency)
    primary = alias_of(record, source.doi)
    if primary:  # (stored only when the record was the entry's work: fetch.py, parse.answer_problem)
        extra.insert(0, f"{agency} answers {normalize_doi(source.doi)} with the record of {primary}: an alias of it")
    return done("verified", "; ".join(extra), record=_with_evidence(record, ident.records),
                fetched_at=entry.fetched_at, stale=stale, mismatches=reconcile(source, record),
                doi_state=((resolver, "found"),))


def _with_evidence(record: RegistryRecord, others: tuple[tuple[str, RegistryRecord], ...]) -> RegistryRecord:
    """``record`` with every other registry's notices added (retraction evidence from several sources)."""
    from dataclasses import replace

    updates = list(record.updates)
    seen = {(u.type, u.source, u.direction) for u in updates}
    ids = dict(record.ids)
    for _, other in others:
        if other is record:
            continue
        for u in other.updates:
            if (u.type, u.source, u.direction) not in seen:
                seen.add((u.type, u.source, u.direction))
                updates.append(u)
        for k, v in other.ids.items():
            ids.setdefault(k, v)
    return replace(record, updates=tuple(updates), ids=ids)


def _synthetic(snap: Snapshot, source: Source, origins: Origins) -> bool:
    from .lookups import questions

    for registry, ident in questions(source):
        entry, _ = snap.read_id(registry, ident)
        if entry is not None and entry.synthetic:
            return True
    return False


def load_metadata(bibliography: Bibliography, folder: str | Path, *, now: datetime,
                  stale_days: int, config: Any = None, origins: Origins | None = None) -> dict[str, SourceMetadata]:
    """Every entry's registry status from the snapshot alone (no network, no clock).

    Only records from the registries ``config`` points at count (or from ``origins``);
    with neither, only the real registries' records count.
    """
    if origins is None:  # once, not once per entry
        origins = Origins.from_config(config) if config is not None else Origins.real()
    snap = Snapshot(folder)
    return {s.key: metadata_for(s, snap, now=now, stale_days=stale_days, origins=origins)
            for s in bibliography.sources}
