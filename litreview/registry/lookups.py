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

from ..doi import doi_problem, normalize_doi
from ..model import RegistryRecord, Source
from .handlers import by_name, routes
from .ids import entry_identifiers

if TYPE_CHECKING:
    from .http import Http
    from .provenance import Origins
    from .snapshot import IdEntry, Snapshot

#: identifier scheme -> registries asked, in fallback order (from each handler's ``routes``).
ROUTES: dict[str, tuple[str, ...]] = routes()
#: Schemes that are searches, not identifiers: a miss proves nothing (never a "no such work" verdict).
SEARCHES = ("title", "paper-title", "work-title")
#: Entry type -> the title search it gets when it has no identifier (books, papers, reports and theses).
SEARCH_BY_TYPE = {**dict.fromkeys(("book", "mvbook", "collection"), "title"),
                  **dict.fromkeys(("inproceedings", "conference", "article", "incollection"), "paper-title"),
                  **dict.fromkeys(("techreport", "report", "phdthesis", "mastersthesis", "thesis"), "work-title")}


_SEARCH_PREFIXES = tuple(f"{scheme}:" for scheme in SEARCHES)


def is_search(ident: str) -> bool:
    return ident.startswith(_SEARCH_PREFIXES) or ident in SEARCHES


#: States of one registry for one entry, as reports show them.
STATES = ("found", "not-found", "unreachable", "over-budget", "failed", "not-asked")


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
    out: list[tuple[str, str]] = []
    ids = entry_identifiers(source.fields)
    if with_doi and source.doi.strip() and not doi_problem(source.doi):
        ids = {"doi": normalize_doi(source.doi), **ids}
    if "pmid" in ids:
        ids.pop("pmcid", None)  # the same PubMed record, one question is enough
    for scheme, value in ids.items():
        out += [(registry, f"{scheme}:{value}") for registry in ROUTES.get(scheme, ())]
    scheme = SEARCH_BY_TYPE.get(source.type.lower(), "")
    if scheme and not ids and not source.doi.strip() and source.title.strip() and (source.authors or source.editors):
        from .matching import query_ident

        family = (source.authors or source.editors)[0].family
        ident = query_ident(scheme, source.title, family, source.year)
        out += [(registry, ident) for registry in ROUTES[scheme]]
    return out


def found_before(snap: Snapshot, origins: Origins | None, registry: str, ident: str) -> str:
    """The registry before ``registry`` in the route whose stored answer found the work ('' if none).

    Only for searches of a registry with a daily budget (``Handler.budgeted_search``): such a
    search is not spent on a work another registry has already found.
    """
    if not is_search(ident) or not by_name(registry).budgeted_search:
        return ""
    route = ROUTES.get(ident.split(":", 1)[0], ())
    for prior in route[:route.index(registry)] if registry in route else ():
        stored, _ = snap.read_id(prior, ident)
        if stored is not None and stored.record is not None and (
                origins is None or origins.accepts(stored.base, stored.source_url, stored.synthetic)):
            return by_name(prior).label
    return ""


async def ask(http: Http, config: Any, snap: Snapshot, registry: str, ident: str, *,
              clock: Callable[[], datetime], foreign_ok: bool) -> Asked:
    """Put one question to its registry and store a definite answer; never raises for the registry's faults."""
    from ..errors import RegistryError
    from .handler import OverBudget
    from .http import Unreachable
    from .snapshot import IdEntry

    handler = by_name(registry)
    try:
        got = await handler.lookup(http, config, ident)
    except Unreachable as exc:
        return Asked(registry, ident, "unreachable", exc.message)
    except OverBudget as exc:
        return Asked(registry, ident, "over-budget", exc.message)
    except RegistryError as exc:  # failed for good after retries, or the run was stopped
        return Asked(registry, ident, "failed", exc.message)
    if got.synthetic and not foreign_ok:
        return Asked(registry, ident, "failed", f"{got.url} answered with synthetic test data; not stored")
    import asyncio

    # Written in a thread: an fsync must not hold up the requests waiting their turn.
    await asyncio.to_thread(snap.write_id, IdEntry(registry, ident, got.http_status,
                                                   clock().isoformat(timespec="seconds"), got.url, got.base,
                                                   got.raw, got.synthetic))
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
    evidence: tuple[str, ...] = ()
    """For each work found by a title search: which registry, its id, and why it was taken for the entry's."""

    @property
    def by_id(self) -> tuple[Asked, ...]:
        """The questions about identifiers (title searches left out: a search that misses proves nothing)."""
        return tuple(a for a in self.asked if not is_search(a.ident))

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
    if not failures and snap.is_empty("id"):  # no stored answer at all: every question is still open
        return Identity((), tuple(Asked(registry, ident, "not-asked")
                                  for registry, ident in questions(source, with_doi=with_doi)))
    failures = failures or {}
    records: list[tuple[str, RegistryRecord]] = []
    asked: list[Asked] = []
    ignored: list[str] = []
    evidence: list[str] = []
    fetched = ""
    for registry, ident in questions(source, with_doi=with_doi):
        entry, problem = snap.read_id(registry, ident)
        if entry is not None and not origins.accepts(entry.base, entry.source_url, entry.synthetic):
            ignored.append(entry.base)
            entry = None
        if entry is None:
            first = found_before(snap, origins, registry, ident)
            why = f"{first} found it first; the search was not spent" if first else problem
            asked.append(failures.get((registry, ident)) or Asked(registry, ident, "not-asked", why))
            continue
        fetched = max(fetched, entry.fetched_at)
        if entry.record is None:
            asked.append(Asked(registry, ident, "not-found"))
            continue
        asked.append(Asked(registry, ident, "found"))
        records.append((registry, parsed(entry)))
        if is_search(ident):
            evidence.append(search_evidence(registry, ident, records[-1][1]))
    return Identity(tuple(records), tuple(asked), fetched, tuple(ignored), tuple(evidence))


def search_evidence(registry: str, ident: str, record: RegistryRecord) -> str:
    """'OpenAlex W2741809807 by title search (same title, year 2004, Holsti among the authors)'."""
    from .matching import parse_query, title_match

    match = title_match(parse_query(ident), record)
    handler = by_name(registry)
    own = record.ids.get(registry) or record.ids.get("dblp") or record.doi or record.url
    why = match.evidence() if match is not None else "no longer matches the entry by title, year and author"
    return f"{handler.label}{(' ' + own) if own else ''} by title search ({why})"


def parsed(entry: IdEntry) -> RegistryRecord:
    handler = by_name(entry.registry)
    return handler.parse(handler.formats[0], entry.record or {}, entry.registry)


def describe(asked: tuple[Asked, ...]) -> str:
    """'asked Open Library (not found), Google Books (unreachable)', naming the identifier when several were asked."""
    several = len({a.ident for a in asked}) > 1
    words = []
    for a in asked:
        what = f" for {a.ident.split(':', 1)[0]}" if several else ""
        words.append(f"{by_name(a.registry).label}{what} ({a.state.replace('-', ' ')})")
    return "asked " + ", ".join(words) if words else ""


def fetch_identifier(text: str, config: Any, client: Any = None, *, policy: Any = None,
                     foreign_ok: bool = False) -> tuple[RegistryRecord, tuple[Asked, ...]]:
    """The record of ``scheme:value`` (isbn:, arxiv:, pmid:, pmcid:, openalex:) for ``litreview add``.

    Registries are asked in fallback order until one knows the work; stored answers are
    reused and new ones stored. RegistryError says "no registry knows it" only when every
    registry asked answered so; OfflineError when none could be reached.
    """
    import asyncio

    from ..errors import InputError, OfflineError, RegistryError
    from .fetch import check_foreign
    from .ids import parse_identifier
    from .provenance import Origins
    from .snapshot import Snapshot

    scheme, value = parse_identifier(text)
    if scheme == "doi":
        raise InputError(f"{text!r} is a DOI: add it as one")
    if scheme not in ROUTES:
        raise InputError(f"{scheme}: identifiers cannot be looked up yet", hint="add the entry by DOI or by hand")
    ident = f"{scheme}:{value}"
    snap = Snapshot(config.path("metadata"))
    origins = Origins.from_config(config)

    async def run() -> list[tuple[Asked, RegistryRecord | None]]:
        from .http import Http, make_client

        own = client is None
        http_client = client or make_client(config.timeout, config.mailto)
        http = Http(http_client, mailto=config.mailto, policy=policy)
        out: list[tuple[Asked, RegistryRecord | None]] = []
        try:
            for registry in ROUTES[scheme]:
                stored, _ = snap.read_id(registry, ident)
                if stored is None or not origins.accepts(stored.base, stored.source_url, stored.synthetic):
                    check_foreign(config, foreign_ok)
                    asked = await ask(http, config, snap, registry, ident, clock=_now, foreign_ok=foreign_ok)
                    stored, _ = snap.read_id(registry, ident)
                else:
                    asked = Asked(registry, ident, "found" if stored.record is not None else "not-found")
                record = parsed(stored) if stored is not None and stored.record is not None else None
                out.append((asked, record))
                if record is not None:
                    break
        finally:
            if own:
                await http_client.aclose()
        return out

    answers = asyncio.run(run())
    asked = tuple(a for a, _ in answers)
    found = [r for _, r in answers if r is not None]
    if found:
        return found[0], asked
    if all(a.state == "unreachable" for a in asked):
        raise OfflineError(f"cannot look up {ident}: the network is unreachable ({asked[0].detail})",
                           hint="connect to the network, or add the entry by hand")
    if all(a.state == "not-found" for a in asked):
        raise RegistryError(f"no registry knows {ident}: {describe(asked)}", hint="check the identifier for typos")
    raise RegistryError(f"{ident} could not be verified: {describe(asked)}; {asked[-1].detail}",
                        hint="try again later; nothing was added")


def _now() -> datetime:
    from datetime import UTC

    return datetime.now(UTC)
