"""Orchestration of a fetch run: what to ask, asking it politely, writing the snapshot.

``fetch_all`` resolves the DOIs the snapshot lacks (or holds stale), searches for DOIs
of entries without one, checks URLs, writes each answer as soon as it arrives, and
returns every entry's ``SourceMetadata``. Offline it finishes at once and says why.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from ..doi import doi_problem, normalize_doi
from ..errors import InputError, RegistryError, WriteError
from ..model import Source, SourceMetadata, UrlCheck
from .discover import ROWS, reference_string, wants_search
from .snapshot import DoiEntry, SearchEntry, Snapshot, UrlEntry, age_days, metadata_for

if TYPE_CHECKING:
    import httpx

    from ..config import Config
    from .http import Http, Limits, RetryPolicy, Stats

#: Fields kept from each search candidate: what validation and display need, not the
#: whole record (reference lists can be long).
SEARCH_FIELDS = ("DOI", "type", "title", "subtitle", "author", "editor", "issued", "published",
                 "published-print", "published-online", "container-title", "short-container-title",
                 "volume", "issue", "page", "publisher", "ISBN", "URL", "score", "institution", "group-title",
                 "update-to")


class Progress(Protocol):
    """What a progress display needs; the CLI draws it with rich."""

    def start(self, total: int, cached: int) -> None: ...

    def advance(self, stats: Stats) -> None: ...


@dataclass(frozen=True, slots=True)
class FetchReport:
    """What a fetch run did and what every entry's status is now."""

    metadata: Mapping[str, SourceMetadata]
    requests: int = 0
    retries: int = 0
    failures: int = 0
    seconds: float = 0.0
    jobs: int = 0
    """Lookups that needed the network this run."""
    cached: int = 0
    """Lookups answered by the snapshot (no request)."""
    written: tuple[str, ...] = ()
    """Snapshot files written."""
    stopped: str = ""
    """Why the run stopped early ('' when it completed)."""
    offline: bool = False
    """True when no registry could be reached."""
    errors: tuple[str, ...] = field(default_factory=tuple)
    """One line per failed lookup."""

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds > 0 else 0.0

    @property
    def complete(self) -> bool:
        return not self.stopped and not self.offline

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for meta in self.metadata.values():
            out[meta.status] = out.get(meta.status, 0) + 1
        return out


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(clock: Callable[[], datetime]) -> str:
    return clock().isoformat(timespec="seconds")


def _is_stale(fetched_at: str, now: datetime, stale_days: int) -> bool:
    age = age_days(fetched_at, now)
    return age is None or age > stale_days


@dataclass
class _Plan:
    dois: dict[str, list[str]] = field(default_factory=dict)
    searches: dict[str, Source] = field(default_factory=dict)
    urls: dict[str, Source] = field(default_factory=dict)
    ids: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """(registry, identifier) questions for registries other than the DOI resolvers -> entry keys."""
    cached: int = 0

    @property
    def total(self) -> int:
        return len(self.dois) + len(self.searches) + len(self.urls) + len(self.ids)


def plan(sources: Iterable[Source], snap: Snapshot, *, now: datetime, stale_days: int, refresh: bool = False,
         discover: bool = True, check_urls: bool = True, refresh_days: float | None = None,
         origins: Any = None) -> _Plan:
    """The lookups the snapshot cannot answer (absent, corrupt, stale or foreign), deduplicated.

    ``refresh_days`` asks again what was fetched longer ago than that (``--refresh-older-than``).
    """
    from .lookups import found_before, questions
    from .urls import checkable

    if refresh_days is not None:
        stale_days = min(stale_days, refresh_days)  # type: ignore[assignment]
    p = _Plan()
    seen: set[str] = set()
    for s in sources:
        for question in questions(s):
            stored, _ = snap.read_id(*question)
            if stored is not None and origins is not None and not origins.accepts(stored.base, stored.source_url,
                                                                                  stored.synthetic):
                stored = None
            if stored is None and found_before(snap, origins, *question):
                p.cached += 1  # another registry found the work: a budgeted search is not spent on it
            elif refresh or stored is None or _is_stale(stored.fetched_at, now, stale_days):
                p.ids.setdefault(question, []).append(s.key)
            elif question not in p.ids:
                p.cached += 1
        if s.doi.strip():
            doi = normalize_doi(s.doi)
            if not doi_problem(doi):
                entry, _ = snap.read_doi(doi)
                if refresh or entry is None or _is_stale(entry.fetched_at, now, stale_days):
                    p.dois.setdefault(doi, []).append(s.key)
                elif doi not in seen:
                    p.cached += 1
                seen.add(doi)
        elif discover and wants_search(s):
            query = reference_string(s)
            found, _ = snap.read_search(query)
            if refresh or found is None or _is_stale(found.fetched_at, now, stale_days):
                p.searches.setdefault(query, s)
            else:
                p.cached += 1
        url = s.url.strip()
        if check_urls and url and not checkable(url) and url not in p.urls:
            checked, _ = snap.read_url(url)
            if refresh or checked is None or _is_stale(checked.check.checked_at, now, stale_days):
                p.urls[url] = s
            elif url not in seen:
                p.cached += 1
            seen.add(url)
    return p


def fetch_all(sources: Iterable[Source], config: Config, *, client: httpx.AsyncClient | None = None,
              progress: Progress | None = None, offline: bool = False, refresh: bool = False,
              discover: bool = True, check_urls: bool = True, clock: Callable[[], datetime] | None = None,
              policy: RetryPolicy | None = None, limits: Mapping[str, Limits] | None = None,
              foreign_ok: bool = False, refresh_days: float | None = None) -> FetchReport:
    """Fetch what the snapshot lacks and return every entry's status (see the module docstring).

    ``client`` (an ``httpx.AsyncClient``) is injected by tests; ``policy`` and ``limits``
    override the retry policy and the starting limits per pool (see each handler's ``pools``).
    ``foreign_ok`` says the snapshot folder was chosen for this run, so records from
    registries other than the real ones (a mirror, a test server) may be written there;
    without it such a run is refused (see ``check_foreign``).
    """
    return asyncio.run(fetch_all_async(
        tuple(sources), config, client=client, progress=progress, offline=offline, refresh=refresh,
        discover=discover, check_urls=check_urls, clock=clock, policy=policy, limits=limits,
        foreign_ok=foreign_ok, refresh_days=refresh_days))


def check_foreign(config: Config, foreign_ok: bool) -> None:
    """Refuse to mix a mirror's or test server's records into a snapshot not chosen for them."""
    from .provenance import non_real

    others = non_real(config)
    if others and not foreign_ok:
        raise InputError(
            "refusing to write records from registries that are not the real ones into the snapshot "
            f"{config.path('metadata')}: {'; '.join(others)}",
            hint="unset those settings to use the real registries, or give --metadata-dir (or "
                 "LITREVIEW_METADATA_DIR) to keep that server's records in a folder of their own")


async def fetch_all_async(sources: tuple[Source, ...], config: Config, *, client: httpx.AsyncClient | None = None,
                          progress: Progress | None = None, offline: bool = False, refresh: bool = False,
                          discover: bool = True, check_urls: bool = True,
                          clock: Callable[[], datetime] | None = None,
                          policy: RetryPolicy | None = None,
                          limits: Mapping[str, Limits] | None = None, foreign_ok: bool = False,
                          refresh_days: float | None = None) -> FetchReport:
    from .provenance import Origins

    clock = clock or _now
    now = clock()
    origins = Origins.from_config(config)
    snap = Snapshot(config.path("metadata"))
    todo = plan(sources, snap, now=now, stale_days=config.stale_days, refresh=refresh, discover=discover,
                check_urls=check_urls, refresh_days=refresh_days, origins=origins)
    if offline or todo.total == 0:
        meta = {s.key: metadata_for(s, snap, now=now, stale_days=config.stale_days, origins=origins)
                for s in sources}
        return FetchReport(metadata=meta, cached=todo.cached, jobs=0 if offline else todo.total)
    check_foreign(config, foreign_ok)
    run = _Run(sources, config, snap, todo, clock, progress)
    run.origins, run.foreign_ok = origins, foreign_ok
    return await run.run(client, policy, limits)


class _Run:
    """One online run: the jobs, their outcomes and the files written."""

    def __init__(self, sources: tuple[Source, ...], config: Config, snap: Snapshot, todo: _Plan,
                 clock: Callable[[], datetime], progress: Progress | None) -> None:
        self.sources, self.config, self.snap, self.todo = sources, config, snap, todo
        self.by_key = {s.key: s for s in sources}
        self.clock, self.progress = clock, progress
        self.failures: dict[str, str] = {}
        self.failed_at: dict[str, str] = {}
        """Entry key -> the DOI resolver whose answer failed ('' when not known: doi.org is said)."""
        self.url_results: dict[str, UrlCheck] = {}
        self.written: list[str] = []
        self.errors: list[str] = []
        self.fatal: WriteError | None = None
        self.origins: Any = None
        self.foreign_ok = False
        self.id_failures: dict[tuple[str, str], Any] = {}
        self.id_done: dict[tuple[str, str], asyncio.Event] = {}

    def _keep(self, synthetic: bool, url: str) -> None:
        """A test server's answer is never stored in a snapshot that was not chosen for it."""
        if synthetic and not self.foreign_ok:
            raise RegistryError(f"{url} answered with synthetic test data (a test server?); not stored")

    async def run(self, client: httpx.AsyncClient | None, policy: RetryPolicy | None,
                  limits: Mapping[str, Limits] | None) -> FetchReport:
        from .http import Http, make_client
        from .resolvers import AgencyLookup, Endpoints

        started = time.monotonic()
        own = client is None
        client = client or make_client(self.config.timeout, self.config.mailto)
        http = Http(client, mailto=self.config.mailto, policy=policy, limits=limits)
        ends = Endpoints.from_config(self.config)
        agencies = AgencyLookup(http, ends)
        if self.progress:
            self.progress.start(self.todo.total, self.todo.cached)
        self.id_done = {question: asyncio.Event() for question in self.todo.ids}
        try:
            async with asyncio.TaskGroup() as group:
                for doi, keys in self.todo.dois.items():
                    group.create_task(self._job(http, self._doi(http, ends, agencies, doi), keys, doi))
                for query, source in self.todo.searches.items():
                    group.create_task(self._job(http, self._search(http, ends, query), [source.key], source.key))
                for url, source in self.todo.urls.items():
                    group.create_task(self._job(http, self._url(http, ends, url, source), [], url))
                for question in self.todo.ids:
                    group.create_task(self._job(http, self._id(http, question), [], " ".join(question)))
        finally:
            if own:
                await client.aclose()
        if self.fatal is not None:
            raise self.fatal
        return self._report(http, time.monotonic() - started)

    async def _job(self, http: Http, work, keys: list[str], label: str) -> None:
        try:
            await work
        except WriteError as exc:
            self.fatal = exc
            http.stopped = f"stopped: could not write the snapshot ({exc.message})"
        except RegistryError as exc:
            for key in keys:
                self.failures[key] = exc.message
                self.failed_at[key] = getattr(exc, "registry", "")
            self.errors.append(f"{label}: {exc.message}")
        # Not in a `finally`: a lookup cancelled by Ctrl-C is not done, and the bar must not say it is.
        if self.progress:
            self.progress.advance(http.stats)

    async def _doi(self, http: Http, ends: Any, agencies: Any, doi: str) -> None:
        from .matching import entry_match
        from .resolvers import resolve

        citing = [self.by_key[key] for key in self.todo.dois[doi] if key in self.by_key]

        def same_work(record: Any) -> bool:
            """An alias's answer (the primary's record) is taken only when it is every citing entry's work."""
            return bool(citing) and all(entry_match(s, record) is not None for s in citing)

        got = await resolve(http, ends, agencies, doi, same_work)
        self._keep(got.synthetic, got.url)
        entry = DoiEntry(doi=doi, agency=got.agency, format=got.format, http_status=got.http_status,
                         fetched_at=_stamp(self.clock), source_url=got.url, record=got.raw,
                         synthetic=got.synthetic, registry=got.registry)
        # Written in a thread: an fsync must not hold up the requests waiting their turn.
        self.written.append(str(await asyncio.to_thread(self.snap.write_doi, entry)))

    async def _search(self, http: Http, ends: Any, query: str) -> None:
        from .resolvers import search_bibliographic

        message, url, synthetic = await search_bibliographic(http, ends, query, rows=ROWS)
        self._keep(synthetic, url)
        items = tuple({k: item[k] for k in SEARCH_FIELDS if k in item}
                      for item in (message.get("items") or ())[:ROWS] if isinstance(item, Mapping))
        entry = SearchEntry(query=query, fetched_at=_stamp(self.clock), source_url=url, items=items,
                            synthetic=synthetic, registry=ends.crossref)
        self.written.append(str(await asyncio.to_thread(self.snap.write_search, entry)))

    async def _id(self, http: Http, question: tuple[str, str]) -> None:
        try:
            await self._ask_id(http, question)
        finally:
            self.id_done[question].set()

    async def _ask_id(self, http: Http, question: tuple[str, str]) -> None:
        from .handlers import by_name
        from .lookups import ROUTES, Asked, ask, found_before

        if by_name(question[0]).budgeted_search:
            # A budgeted search waits for the registries before it in the route, and is not spent
            # when one of them found the work.
            route = ROUTES.get(question[1].split(":", 1)[0], ())
            for prior in route[:route.index(question[0])] if question[0] in route else ():
                if (prior, question[1]) in self.id_done:
                    await self.id_done[(prior, question[1])].wait()
            first = found_before(self.snap, self.origins, *question)
            if first:
                self.id_failures[question] = Asked(*question, "not-asked", f"{first} found it first")
                return
        asked = await ask(http, self.config, self.snap, *question, clock=self.clock, foreign_ok=self.foreign_ok)
        if asked.state in ("found", "not-found"):
            self.written.append(str(self.snap.id_file(*question)))
        else:
            self.id_failures[question] = asked
            self.errors.append(f"{by_name(question[0]).label} {question[1]}: {asked.state}: {asked.detail}")

    async def _url(self, http: Http, ends: Any, url: str, source: Source) -> None:
        from .http import FetchFailed, Unreachable
        from .urls import answered, check_url, closest_snapshot

        check = await check_url(http, url, checked_at=_stamp(self.clock))
        raw: Any = None
        complete = True
        if not check.ok:
            try:
                archive, raw = await closest_snapshot(http, ends.wayback, url, source.urldate)
                check = replace(check, archive_url=archive)
            except (FetchFailed, Unreachable) as exc:
                complete = False
                self.errors.append(f"{url}: archive lookup failed: {exc.message}")
        if answered(check) and complete:
            self.written.append(str(await asyncio.to_thread(self.snap.write_url, UrlEntry(check), raw)))
        else:
            self.url_results[url] = check  # reported now, asked again next time

    def _report(self, http: Http, seconds: float) -> FetchReport:
        offline = bool(http.down) and not http.reached_any
        stopped = http.stopped
        down = _main_reason(http.down, self.config)
        now = self.clock()
        meta: dict[str, SourceMetadata] = {}
        for s in self.sources:
            failure = self.failures.get(s.key, "")
            status = state = "failed"
            url_check = self.url_results.get(s.url.strip())
            url_note = ""
            if offline:
                verb = "not verified" if s.doi.strip() else "not searched"
                failure = f"{verb}: the network is unreachable ({down})"
                status, state = "unverified", "unreachable"
                url_check, url_note = None, ("URL not checked: the network is unreachable" if s.url.strip() else "")
            elif stopped and failure.endswith(stopped):
                status = "unverified"
            meta[s.key] = metadata_for(s, self.snap, now=now, stale_days=self.config.stale_days,
                                       failure=failure, failure_status=status, failure_state=state,
                                       failure_registry=self.failed_at.get(s.key, ""),
                                       url_check=url_check,
                                       url_note=url_note, origins=self.origins, id_failures=self.id_failures)
        return FetchReport(
            metadata=meta, requests=http.stats.requests, retries=http.stats.retries,
            failures=http.stats.failures, seconds=seconds, jobs=self.todo.total, cached=self.todo.cached,
            written=tuple(self.written), stopped=stopped, offline=offline,
            errors=tuple(self.errors) if not offline else (down,),
        )


def _main_reason(down: Mapping[str, str], config: Config) -> str:
    """Why the network looks unreachable, told by the registry host (not every URL's host)."""
    from urllib.parse import urlsplit

    from .handlers import HANDLERS

    for handler in HANDLERS:
        host = urlsplit(handler.base_url(config)).hostname or ""
        if host in down:
            return down[host]
    return next(iter(down.values()), "")
