"""The committed registry snapshot (``refs/metadata/``): one JSON file per DOI, URL and search.

``load_metadata`` reads it without touching the network (the ``check`` and ``build``
commands use it) and gives every entry a ``SourceMetadata``; ``Snapshot`` writes
files atomically. A corrupt file is reported and treated as absent, so fetch refetches it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..doi import doi_problem, hashed_name, normalize_doi, snapshot_name
from ..model import Bibliography, Source, SourceMetadata, UrlCheck

SCHEMA = 1
AGENCY_NAMES = {"crossref": "Crossref", "datacite": "DataCite", "medra": "mEDRA", "jalc": "JaLC"}
SYNTHETIC_NOTE = "synthetic record served by the fake test registry, not real metadata"


@dataclass(frozen=True, slots=True)
class DoiEntry:
    """A stored registry answer for one DOI: the raw record, or the registry's 404."""

    doi: str
    agency: str
    format: str
    http_status: int
    fetched_at: str
    source_url: str
    record: Mapping[str, Any] | None
    synthetic: bool = False


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """A stored ``query.bibliographic`` answer: the query and the raw items."""

    query: str
    fetched_at: str
    source_url: str
    items: tuple[Mapping[str, Any], ...]
    synthetic: bool = False


@dataclass(frozen=True, slots=True)
class UrlEntry:
    """A stored URL check, with the Wayback answer for a broken URL."""

    check: UrlCheck
    synthetic: bool = False


class Snapshot:
    """Files under one folder: ``doi/``, ``url/`` and ``search/``, names derived safely."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def doi_file(self, doi: str) -> Path:
        return self.folder / "doi" / snapshot_name(doi)

    def url_file(self, url: str) -> Path:
        return self.folder / "url" / hashed_name(url.strip())

    def search_file(self, query: str) -> Path:
        return self.folder / "search" / hashed_name(query)

    # -- reading ---------------------------------------------------------------------------

    def _read(self, path: Path, kind: str) -> tuple[dict[str, Any] | None, str]:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None, ""
        except (OSError, UnicodeDecodeError) as exc:
            return None, f"snapshot file {path.name} is unreadable ({exc}); fetch will replace it"
        try:
            data = json.loads(text)
        except ValueError as exc:
            return None, f"snapshot file {path.name} is corrupt ({exc.args[0]}); fetch will replace it"
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or data.get("kind") != kind:
            return None, f"snapshot file {path.name} is not a litreview {kind} record; fetch will replace it"
        return data, ""

    def read_doi(self, doi: str) -> tuple[DoiEntry | None, str]:
        """(entry, '') when stored, (None, '') when absent, (None, problem) when corrupt."""
        data, problem = self._read(self.doi_file(doi), "doi")
        if data is None:
            return None, problem
        try:
            entry = DoiEntry(
                doi=str(data["doi"]), agency=str(data["agency"]), format=str(data.get("format") or ""),
                http_status=int(data["http_status"]), fetched_at=str(data["fetched_at"]),
                source_url=str(data.get("source_url") or ""), record=data.get("record"),
                synthetic=bool(data.get("synthetic", False)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            return None, f"snapshot file for {doi} lacks {exc}; fetch will replace it"
        if normalize_doi(entry.doi) != normalize_doi(doi):
            return None, f"snapshot file for {doi} holds {entry.doi}; fetch will replace it"
        found = entry.http_status == 200
        if found != isinstance(entry.record, Mapping) or (found and entry.format not in ("crossref", "datacite", "csl")):
            return None, f"snapshot file for {doi} has an inconsistent record; fetch will replace it"
        return entry, ""

    def read_search(self, query: str) -> tuple[SearchEntry | None, str]:
        data, problem = self._read(self.search_file(query), "search")
        if data is None:
            return None, problem
        items = data.get("items")
        if data.get("query") != query or not isinstance(items, list) or not isinstance(data.get("fetched_at"), str):
            return None, "search snapshot is inconsistent; fetch will replace it"
        return SearchEntry(query, data["fetched_at"], str(data.get("source_url") or ""),
                           tuple(i for i in items if isinstance(i, Mapping)), bool(data.get("synthetic"))), ""

    def read_url(self, url: str) -> tuple[UrlEntry | None, str]:
        data, problem = self._read(self.url_file(url), "url")
        if data is None:
            return None, problem
        if data.get("url") != url.strip() or not isinstance(data.get("checked_at"), str):
            return None, "URL snapshot is inconsistent; fetch will replace it"
        status = data.get("status")
        check = UrlCheck(
            url=data["url"], ok=bool(data.get("ok")), status=status if isinstance(status, int) else None,
            final_url=str(data.get("final_url") or ""), error=str(data.get("error") or ""),
            archive_url=str(data.get("archive_url") or ""), checked_at=data["checked_at"],
        )
        return UrlEntry(check, bool(data.get("synthetic"))), ""

    # -- writing ---------------------------------------------------------------------------

    def _write(self, path: Path, data: Mapping[str, Any]) -> Path:
        from ..fileio import write_atomic

        # Names are percent-encoded or hashed; this guards against a bug ever changing that.
        if path.resolve().parent.parent != self.folder.resolve():
            raise ValueError(f"refusing to write outside the snapshot folder: {path}")
        write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        return path

    def write_doi(self, entry: DoiEntry) -> Path:
        return self._write(self.doi_file(entry.doi), {
            "schema": SCHEMA, "kind": "doi", "doi": normalize_doi(entry.doi), "agency": entry.agency,
            "format": entry.format, "http_status": entry.http_status, "fetched_at": entry.fetched_at,
            "source_url": entry.source_url, "synthetic": entry.synthetic, "record": entry.record,
        })

    def write_search(self, entry: SearchEntry) -> Path:
        return self._write(self.search_file(entry.query), {
            "schema": SCHEMA, "kind": "search", "query": entry.query, "fetched_at": entry.fetched_at,
            "source_url": entry.source_url, "synthetic": entry.synthetic, "items": list(entry.items),
        })

    def write_url(self, entry: UrlEntry, archive_raw: Any = None) -> Path:
        c = entry.check
        return self._write(self.url_file(c.url), {
            "schema": SCHEMA, "kind": "url", "url": c.url, "checked_at": c.checked_at, "ok": c.ok,
            "status": c.status, "final_url": c.final_url, "error": c.error, "archive_url": c.archive_url,
            "synthetic": entry.synthetic, "wayback": archive_raw,
        })


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
                 failure: str = "", failure_status: str = "failed", url_check: UrlCheck | None = None,
                 url_note: str = "") -> SourceMetadata:
    """One entry's view of the snapshot; ``failure`` and ``url_check`` overlay this run's outcome."""
    from .discover import candidates_from, reference_string, suggest, wants_search
    from .parse import parse_record
    from .reconcile import reconcile

    notes: list[str] = []
    check = url_check
    if check is None and source.url.strip():
        stored, problem = snap.read_url(source.url)
        if stored is not None:
            check = stored.check
        elif problem:
            notes.append(problem)
    if url_note:
        notes.append(url_note)

    def done(status: str, reason: str = "", **kw: Any) -> SourceMetadata:
        text = "; ".join(p for p in (reason, *notes) if p)
        return SourceMetadata(key=source.key, status=status, reason=text, url_check=check, **kw)  # type: ignore[arg-type]

    if not source.doi.strip():
        if not wants_search(source):
            return done("no-doi", "the entry has no DOI (not a kind of work that usually has one)")
        query = reference_string(source)
        found, problem = snap.read_search(query)
        if found is None:
            why = problem or (failure or "the registry has not been searched for one yet "
                                          "(run `litreview fetch` with network access)")
            return done("no-doi", f"the entry has no DOI; {why}")
        suggestion = suggest(source, candidates_from({"items": list(found.items)}))
        if suggestion is None:
            return done("no-doi", f"the entry has no DOI; the registry search on {found.fetched_at[:10]} "
                                  "found no candidate that fits it", fetched_at=found.fetched_at)
        extra = f"; {SYNTHETIC_NOTE}" if found.synthetic else ""
        return done("no-doi", f"the entry has no DOI; suggested {suggestion.doi} "
                              f"(score {suggestion.score:.2f}){extra}", suggestion=suggestion,
                    fetched_at=found.fetched_at)

    problem = doi_problem(source.doi)
    if problem:
        return done("malformed", f"{problem}; it was not sent to any registry")
    entry, corrupt = snap.read_doi(source.doi)
    if entry is None:
        if failure:
            return done(failure_status, "; ".join(p for p in (failure, corrupt) if p))
        return done("unverified", corrupt or "not yet verified: the snapshot has no registry record for this "
                                             "DOI (run `litreview fetch` with network access)")
    age = age_days(entry.fetched_at, now)
    stale = age is not None and age > stale_days
    extra = [SYNTHETIC_NOTE] if entry.synthetic else []
    if stale:
        extra.append(f"fetched {age:.0f} days ago (older than {stale_days}); `litreview fetch` refreshes it")
    if failure:
        extra.append(f"refreshing failed: {failure}")
    # An unknown agency means doi.org content negotiation was asked: doi.org answered.
    agency = AGENCY_NAMES.get(entry.agency) or ("doi.org" if entry.agency in ("", "unknown") else entry.agency)
    if entry.http_status == 404:
        return done("not-found", "; ".join([f"{agency} answered that the DOI does not exist "
                                            f"(HTTP 404 on {entry.fetched_at[:10]}); check it for typos", *extra]),
                    fetched_at=entry.fetched_at, stale=stale)
    record = parse_record(entry.format, entry.record or {}, entry.agency)
    return done("verified", "; ".join(extra), record=record, fetched_at=entry.fetched_at, stale=stale,
                mismatches=reconcile(source, record))


def load_metadata(bibliography: Bibliography, folder: str | Path, *, now: datetime,
                  stale_days: int) -> dict[str, SourceMetadata]:
    """Every entry's registry status from the snapshot alone (no network, no clock)."""
    snap = Snapshot(folder)
    return {s.key: metadata_for(s, snap, now=now, stale_days=stale_days) for s in bibliography.sources}


def snapshot_files(folder: str | Path) -> Iterable[Path]:
    """The record files in a snapshot folder (the README and other files are not records)."""
    base = Path(folder)
    for sub in ("doi", "url", "search"):
        yield from sorted((base / sub).glob("*.json"))
