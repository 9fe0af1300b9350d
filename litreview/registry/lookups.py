"""Identifiers beyond DOIs: which registries to ask about an entry, asking them, and what they said.

``routes(source)`` lists the (registry, identifier) questions an entry raises, in
fallback order; ``ask`` puts one to its registry (or reads the stored answer) and says
how it went; ``identity`` gathers every stored answer for an entry into one view with
the state of each registry, so a verdict "no registry knows this work" is given only
when every registry that should know it was asked and answered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..model import RegistryRecord, Source
from .handlers import by_name
from .ids import entry_identifiers

if TYPE_CHECKING:
    from .http import Http
    from .provenance import Origins
    from .snapshot import IdEntry, Snapshot

#: identifier scheme -> registries asked, in fallback order.
ROUTES: dict[str, tuple[str, ...]] = {
    "isbn": ("openlibrary", "googlebooks"), "arxiv": ("arxiv",), "pmid": ("ncbi",), "pmcid": ("ncbi",),
    "doi": ("openalex",), "openalex": ("openalex",), "title": ("openlibrary",),
}
#: States of one registry for one entry, as reports show them.
STATES = ("found", "not-found", "unreachable", "over-budget", "failed", "not-asked")
BOOK_TYPES = frozenset({"book", "mvbook", "collection"})


@dataclass(frozen=True, slots=True)
class Asked:
    """How one registry answered about one identifier."""

    registry: str
    ident: str
    state: str
    """found, not-found, unreachable, over-budget, failed or not-asked (see ``STATES``)."""
    detail: str = ""


def questions(source: Source, *, with_doi: bool = True) -> list[tuple[str, str]]:
    """(registry, scheme:value) pairs to ask about ``source``, in fallback order."""
    from ..doi import doi_problem, normalize_doi

    out: list[tuple[str, str]] = []
    ids = entry_identifiers(source.fields)
    if with_doi and source.doi.strip() and not doi_problem(source.doi):
        ids = {"doi": normalize_doi(source.doi), **ids}
    for scheme, value in ids.items():
        out += [(registry, f"{scheme}:{value}") for registry in ROUTES.get(scheme, ())]
    if (not ids and source.type.lower() in BOOK_TYPES and source.title.strip()
            and (source.authors or source.editors)):
        family = (source.authors or source.editors)[0].family
        out.append(("openlibrary", f"title:{source.title.strip()}|{family}"))
    return out


async def ask(http: Http, config: Any, snap: Snapshot, registry: str, ident: str, *,
              clock: Callable[[], datetime], foreign_ok: bool) -> Asked:
    """Put one question to its registry and store a definite answer; never raises for the registry's faults."""
    from .handler import OverBudget
    from .http import FetchFailed, Unreachable
    from .snapshot import IdEntry

    handler = by_name(registry)
    try:
        got = await handler.lookup(http, config, ident)
    except Unreachable as exc:
        return Asked(registry, ident, "unreachable", exc.message)
    except OverBudget as exc:
        return Asked(registry, ident, "over-budget", exc.message)
    except FetchFailed as exc:
        return Asked(registry, ident, "failed", exc.message)
    if got.synthetic and not foreign_ok:
        return Asked(registry, ident, "failed", f"{got.url} answered with synthetic test data; not stored")
    snap.write_id(IdEntry(registry, ident, got.http_status, clock().isoformat(timespec="seconds"), got.url,
                          got.base, got.raw, got.synthetic))
    return Asked(registry, ident, "found" if got.raw is not None else "not-found")


@dataclass(frozen=True, slots=True)
class Identity:
    """What the registries other than the DOI resolvers said about one entry."""

    records: tuple[tuple[str, RegistryRecord], ...]
    """(registry, record) for each registry that knows the work, in fallback order."""
    asked: tuple[Asked, ...]
    """Every question's state (from the snapshot, or this run's failures)."""
    fetched_at: str = ""
    ignored: tuple[str, ...] = ()
    """Base URLs of stored answers ignored because they are not a configured registry's."""

    @property
    def by_id(self) -> tuple[Asked, ...]:
        """The questions about identifiers (title searches left out: a search that misses proves nothing)."""
        return tuple(a for a in self.asked if not a.ident.startswith("title:"))

    @property
    def unanswered(self) -> tuple[Asked, ...]:
        return tuple(a for a in self.by_id if a.state not in ("found", "not-found"))

    @property
    def nobody_knows(self) -> bool:
        """True only when every registry that should know the work was asked and answered that it does not."""
        return bool(self.by_id) and all(a.state == "not-found" for a in self.by_id)


def identity(source: Source, snap: Snapshot, origins: Origins, *, with_doi: bool = True,
             failures: Mapping[tuple[str, str], Asked] | None = None) -> Identity:
    """Every stored answer about ``source`` (see the module docstring); pure apart from reading files."""
    failures = failures or {}
    records: list[tuple[str, RegistryRecord]] = []
    asked: list[Asked] = []
    ignored: list[str] = []
    fetched = ""
    for registry, ident in questions(source, with_doi=with_doi):
        entry, problem = snap.read_id(registry, ident)
        if entry is not None and not origins.accepts(entry.base, entry.source_url, entry.synthetic):
            ignored.append(entry.base)
            entry = None
        if entry is None:
            asked.append(failures.get((registry, ident)) or Asked(registry, ident, "not-asked", problem))
            continue
        fetched = max(fetched, entry.fetched_at)
        if entry.record is None:
            asked.append(Asked(registry, ident, "not-found"))
            continue
        asked.append(Asked(registry, ident, "found"))
        records.append((registry, parsed(entry)))
    return Identity(tuple(records), tuple(asked), fetched, tuple(ignored))


def parsed(entry: IdEntry) -> RegistryRecord:
    handler = by_name(entry.registry)
    return handler.parse(handler.formats[0], entry.record or {}, entry.registry)


def describe(asked: tuple[Asked, ...]) -> str:
    """'asked Open Library (not found), Google Books (unreachable: ...)'."""
    words = []
    for a in asked:
        state = a.state.replace("-", " ")
        words.append(f"{by_name(a.registry).label} {a.ident.split(':', 1)[0].upper()} ({state})")
    return "asked " + ", ".join(words) if words else ""
