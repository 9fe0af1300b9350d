"""The committed registry snapshot (``refs/metadata/``): one JSON file per DOI, URL and search.

``Snapshot`` reads and writes its files (atomically); a corrupt file is reported and treated as
absent, so fetch refetches it. ``load_metadata`` (in ``status``, re-exported here) reads it without
touching the network and gives every entry a ``SourceMetadata``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..doi import hashed_name, normalize_doi, snapshot_name
from ..jsontext import escaped_controls
from ..model import UrlCheck
from ..safeload import load_json
from .handlers import formats
from .parse import shape_problem

if TYPE_CHECKING:  # at run time __getattr__ loads these from ``status`` on first use
    from .status import age_days as age_days
    from .status import load_metadata as load_metadata
    from .status import metadata_for as metadata_for

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
        names = self._names[sub]
        return names is not None and not names

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
        write_atomic(path, escaped_controls(json.dumps(data, indent=1, ensure_ascii=False)) + "\n")
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



def snapshot_files(folder: str | Path) -> Iterable[Path]:
    """The record files in a snapshot folder (the README and other files are not records)."""
    base = Path(folder)
    for sub in ("doi", "url", "search", "id"):
        yield from sorted((base / sub).glob("*.json"))


def __getattr__(name: str) -> Any:
    """``load_metadata``, ``metadata_for`` and ``age_days`` live in ``status``, imported on first use."""
    if name in ("load_metadata", "metadata_for", "age_days"):
        from . import status

        return getattr(status, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
