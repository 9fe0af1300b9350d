"""The committed registry snapshot (``refs/metadata/``): one JSON file per DOI, URL and search.

``load_metadata`` reads it without touching the network (the ``check`` and ``build``
commands use it) and gives every entry a ``SourceMetadata``; ``Snapshot`` writes
files atomically. A corrupt file is reported and treated as absent, so fetch refetches it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..doi import doi_problem, hashed_name, normalize_doi, snapshot_name
from ..model import Bibliography, RegistryRecord, Source, SourceMetadata, UrlCheck
from ..safeload import load_json
from ..text import plural
from .handlers import agency_label, by_name, formats
from .lookups import describe, identity, is_search
from .parse import shape_problem
from .provenance import Origins, foreign_note

SCHEMA = 1
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
    registry: str = ""
    """Base URL of the registry that answered ('' in files written before provenance was kept)."""


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """A stored ``query.bibliographic`` answer: the query and the raw items."""

    query: str
    fetched_at: str
    source_url: str
    items: tuple[Mapping[str, Any], ...]
    synthetic: bool = False
    registry: str = ""
    """Base URL of the registry that answered."""


@dataclass(frozen=True, slots=True)
class IdEntry:
    """A stored answer of a registry other than the DOI resolvers about one identifier."""

    registry: str
    """Handler name (openalex, arxiv, ncbi, openlibrary, googlebooks, ...)."""
    ident: str
    """``scheme:value`` as asked (``isbn:9780262033848``, ``doi:10.1/x``, ``title:…|…``)."""
    http_status: int
    fetched_at: str
    source_url: str
    base: str
    """Base URL of the registry that answered (provenance)."""
    record: Mapping[str, Any] | None
    """The registry's record; None when it answered that it has no such work."""
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
        if self.folder.exists() and not self.folder.is_dir():  # else read as an empty snapshot, silently
            from ..errors import InputError

            raise InputError("the snapshot is a file, not a folder", path=str(self.folder),
                             hint="set metadata (or --metadata-dir) to a folder, e.g. refs/metadata")
        self._names: dict[str, frozenset[str] | None] = {}
        """Each subfolder's file names, listed once: an absent record costs no open()."""

    def _empty(self, sub: str) -> bool:
        """True when the subfolder ``sub`` has no file at all (so no name need be computed)."""
        if sub not in self._names:
            self._listed(self.folder / sub / "_")
        return self._names[sub] == frozenset()

    def is_empty(self, sub: str) -> bool:
        """True when the subfolder ``sub`` (doi, url, search, id) holds no file: every read finds nothing."""
        return self._empty(sub)

    def _listed(self, path: Path) -> bool:
        """False when ``path`` is surely absent (not in its folder's listing)."""
        sub = path.parent.name
        if sub not in self._names:
            try:
                self._names[sub] = frozenset(os.listdir(path.parent))
            except FileNotFoundError:
                self._names[sub] = frozenset()
            except OSError:
                self._names[sub] = None  # unlistable: open each file and report what fails
        names = self._names[sub]
        return names is None or path.name in names

    def doi_file(self, doi: str) -> Path:
        return self.folder / "doi" / snapshot_name(doi)

    def url_file(self, url: str) -> Path:
        return self.folder / "url" / hashed_name(url.strip())

    def search_file(self, query: str) -> Path:
        return self.folder / "search" / hashed_name(query)

    def id_file(self, registry: str, ident: str) -> Path:
        from urllib.parse import quote

        from .lookups import is_search

        name = quote(f"{registry}:{ident}", safe="")
        # Long names and searches (their text is a contributor's) are hashed, as URLs and searches are.
        return self.folder / "id" / (f"{name}.json" if len(name) <= 120 and not is_search(ident)
                                     else f"{registry}-{hashed_name(ident)}")

    # -- reading ---------------------------------------------------------------------------

    def _read(self, path: Path, kind: str) -> tuple[dict[str, Any] | None, str]:
        if not self._listed(path):
            return None, ""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None, ""
        except (OSError, UnicodeDecodeError) as exc:
            return None, f"snapshot file {path.name} is unreadable ({exc}); fetch will replace it"
        try:
            data = load_json(text)
        except ValueError as exc:
            return None, f"snapshot file {path.name} is corrupt ({exc.args[0]}); fetch will replace it"
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or data.get("kind") != kind:
            return None, f"snapshot file {path.name} is not a litreview {kind} record; fetch will replace it"
        return data, ""

    def read_doi(self, doi: str) -> tuple[DoiEntry | None, str]:
        """(entry, '') when stored, (None, '') when absent, (None, problem) when corrupt."""
        if self._empty("doi"):
            return None, ""
        data, problem = self._read(self.doi_file(doi), "doi")
        if data is None:
            return None, problem
        try:
            entry = DoiEntry(
                doi=str(data["doi"]), agency=str(data["agency"]), format=str(data.get("format") or ""),
                http_status=int(data["http_status"]), fetched_at=str(data["fetched_at"]),
                source_url=str(data.get("source_url") or ""), record=data.get("record"),
                synthetic=bool(data.get("synthetic", False)), registry=str(data.get("registry") or ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            return None, f"snapshot file for {doi} lacks {exc}; fetch will replace it"
        if normalize_doi(entry.doi) != normalize_doi(doi):
            return None, f"snapshot file for {doi} holds {entry.doi}; fetch will replace it"
        found = entry.http_status == 200
        if found != isinstance(entry.record, Mapping) or (found and entry.format not in formats()):
            return None, f"snapshot file for {doi} has an inconsistent record; fetch will replace it"
        shape = shape_problem(entry.format, entry.record) if found else ""
        if shape:
            return None, (f"snapshot file {self.doi_file(doi).name} is corrupt ({shape}); "
                          "fetch will replace it (or delete the file)")
        return entry, ""

    def read_search(self, query: str) -> tuple[SearchEntry | None, str]:
        if self._empty("search"):
            return None, ""
        data, problem = self._read(self.search_file(query), "search")
        if data is None:
            return None, problem
        items = data.get("items")
        if data.get("query") != query or not isinstance(items, list) or not isinstance(data.get("fetched_at"), str):
            return None, "search snapshot is inconsistent; fetch will replace it"
        return SearchEntry(query, data["fetched_at"], str(data.get("source_url") or ""),
                           tuple(i for i in items if isinstance(i, Mapping)), bool(data.get("synthetic")),
                           str(data.get("registry") or "")), ""

    def read_id(self, registry: str, ident: str) -> tuple[IdEntry | None, str]:
        """(entry, '') when stored, (None, '') when absent, (None, problem) when unreadable."""
        if self._empty("id"):
            return None, ""
        data, problem = self._read(self.id_file(registry, ident), "id")
        if data is None:
            return None, problem
        record = data.get("record")
        if (data.get("registry") != registry or data.get("ident") != ident or not isinstance(data.get("fetched_at"), str)
                or (record is not None and not isinstance(record, Mapping))):
            return None, f"snapshot file for {registry} {ident} is inconsistent; fetch will replace it"
        return IdEntry(registry, ident, int(data.get("http_status") or 0), data["fetched_at"],
                       str(data.get("source_url") or ""), str(data.get("base") or ""), record,
                       bool(data.get("synthetic"))), ""

    def read_url(self, url: str) -> tuple[UrlEntry | None, str]:
        if self._empty("url"):
            return None, ""
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
            from ..errors import WriteError

            raise WriteError(f"refusing to write outside the snapshot folder: {path} leads elsewhere "
                             "(a symbolic link?)", path=str(path.parent),
                             hint="make the snapshot's subfolders plain folders inside it")
        write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        names = self._names.get(path.parent.name)
        if names is not None:
            self._names[path.parent.name] = names | {path.name}
        return path

    def write_doi(self, entry: DoiEntry) -> Path:
        return self._write(self.doi_file(entry.doi), {
            "schema": SCHEMA, "kind": "doi", "doi": normalize_doi(entry.doi), "agency": entry.agency,
            "format": entry.format, "http_status": entry.http_status, "fetched_at": entry.fetched_at,
            "source_url": entry.source_url, "registry": entry.registry, "synthetic": entry.synthetic,
            "record": entry.record,
        })

    def write_search(self, entry: SearchEntry) -> Path:
        return self._write(self.search_file(entry.query), {
            "schema": SCHEMA, "kind": "search", "query": entry.query, "fetched_at": entry.fetched_at,
            "source_url": entry.source_url, "registry": entry.registry, "synthetic": entry.synthetic,
            "items": list(entry.items),
        })

    def write_id(self, entry: IdEntry) -> Path:
        return self._write(self.id_file(entry.registry, entry.ident), {
            "schema": SCHEMA, "kind": "id", "registry": entry.registry, "ident": entry.ident,
            "http_status": entry.http_status, "fetched_at": entry.fetched_at, "source_url": entry.source_url,
            "base": entry.base, "synthetic": entry.synthetic, "record": entry.record,
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
                 url_note: str = "", origins: Origins | None = None,
                 id_failures: Mapping[tuple[str, str], Any] | None = None) -> SourceMetadata:
    """One entry's view of the snapshot; ``failure`` and ``url_check`` overlay this run's outcome.

    Records that did not come from one of ``origins`` (default: the real registries) are
    ignored, and the reason says so: a mirror's or a test server's answers never pass
    for the configured registries'. Registries other than the DOI resolvers (OpenAlex,
    arXiv, PubMed, Open Library, Google Books) add their records and retraction evidence
    (``lookups.identity``); ``id_failures`` are this run's unanswered questions.
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

    def done(status: str, reason: str = "", doi_state: tuple[str, str] | None = None, **kw: Any) -> SourceMetadata:
        text = "; ".join(p for p in (reason, *notes) if p)
        asked = ((doi_state,) if doi_state else ()) + tuple((a.registry, a.state) for a in ident.asked)
        return SourceMetadata(key=source.key, status=status, reason=text, url_check=check,  # type: ignore[arg-type]
                              ignored=tuple(ignored) + ident.ignored, registries=asked, **kw)

    if not source.doi.strip() and ident.asked:
        if ident.records:
            from .reconcile import reconcile

            record = ident.records[0][1]
            agree = [by_name(by).label for by, r in ident.records if not reconcile(source, r)]
            words = (f"{len(agree)} of {len(ident.records)} registries agree with the entry"
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
            return done("unverified", f"not yet verified: the snapshot has no answer from {names} "
                                      "(run `litreview fetch` with network access)")
        if unanswered:
            return done("unverified", f"not verified: {describe(ident.by_id)}")
        searched = [a for a in ident.asked if is_search(a.ident) and a.state != "not-asked"]
        if searched:
            notes.append(f"{describe(tuple(searched))}: no match by title and author")

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
            why = problem or (failure or "the registry has not been searched for one yet "
                                          "(run `litreview fetch` with network access)")
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
        return done("malformed", f"{problem}; it was not sent to any registry")
    entry, corrupt = snap.read_doi(source.doi)
    if entry is not None and not origins.accepts(entry.registry, entry.source_url, entry.synthetic):
        corrupt = foreign_note("record", entry.registry or entry.source_url)
        ignored.append(entry.registry or entry.source_url)
        entry = None
    if entry is None:
        if failure:
            return done(failure_status, "; ".join(p for p in (failure, corrupt) if p),
                        doi_state=("doi", "failed"))
        return done("unverified", corrupt or "not yet verified: the snapshot has no registry record for this "
                                             "DOI (run `litreview fetch` with network access)")
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
                    fetched_at=entry.fetched_at, stale=stale, doi_state=(resolver, "not-found"))
    from .parse import parse_record
    from .reconcile import reconcile

    record = parse_record(entry.format, entry.record or {}, entry.agency)
    return done("verified", "; ".join(extra), record=_with_evidence(record, ident.records),
                fetched_at=entry.fetched_at, stale=stale, mismatches=reconcile(source, record),
                doi_state=(resolver, "found"))


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


def snapshot_files(folder: str | Path) -> Iterable[Path]:
    """The record files in a snapshot folder (the README and other files are not records)."""
    base = Path(folder)
    for sub in ("doi", "url", "search", "id"):
        yield from sorted((base / sub).glob("*.json"))
