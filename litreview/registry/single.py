"""Single lookups for ``litreview add``: one DOI's record, or the candidates for one reference string."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..doi import doi_problem, normalize_doi
from ..errors import InputError, OfflineError, RegistryError
from ..model import RegistryRecord, Source
from .discover import ROWS, Candidate, candidates_from, validate
from .fetch import check_foreign
from .snapshot import DoiEntry, Snapshot

if TYPE_CHECKING:
    import httpx

    from ..config import Config
    from .http import RetryPolicy


def fetch_record(doi: str, config: Config, client: httpx.AsyncClient | None = None, *,
                 write_snapshot: bool = True, policy: RetryPolicy | None = None,
                 foreign_ok: bool = False) -> RegistryRecord:
    """One DOI's registry record, from the snapshot when there, else fetched (and stored).

    Raises InputError for a malformed DOI, or when registries other than the real ones are
    configured and the snapshot folder was not chosen for them (``foreign_ok``, see
    ``check_foreign``); OfflineError when the network is unreachable, RegistryError when
    the DOI does not exist or the registry fails.
    """
    from .parse import parse_record
    from .provenance import Origins

    problem = doi_problem(doi)
    if problem:
        raise InputError(f"DOI {doi!r} {problem}", hint="check the DOI; it looks like 10.1234/abc")
    doi = normalize_doi(doi)
    snap = Snapshot(config.path("metadata"))
    entry, _ = snap.read_doi(doi)
    if entry is not None and not Origins.from_config(config).accepts(entry.registry, entry.source_url,
                                                                     entry.synthetic):
        entry = None
    if entry is None:
        if write_snapshot:
            check_foreign(config, foreign_ok)
        entry = asyncio.run(_fetch_one(doi, config, client, policy))
        if write_snapshot and entry.synthetic and not foreign_ok:
            raise RegistryError(f"{entry.source_url} answered with synthetic test data (a test server?); "
                                "not stored", hint="give --metadata-dir to keep a test server's records apart")
        if write_snapshot:
            snap.write_doi(entry)
    if entry.http_status != 200 or entry.record is None:
        raise RegistryError(f"DOI {doi} does not exist ({entry.agency or 'registry'} answered 404)",
                            hint="check the DOI for typos")
    return parse_record(entry.format, entry.record, entry.agency)


async def _fetch_one(doi: str, config: Config, client: httpx.AsyncClient | None,
                     policy: RetryPolicy | None) -> DoiEntry:
    from .http import Http, Unreachable, make_client
    from .resolvers import AgencyLookup, Endpoints, resolve

    own = client is None
    client = client or make_client(config.timeout, config.mailto)
    http = Http(client, mailto=config.mailto, policy=policy)
    ends = Endpoints.from_config(config)
    try:
        got = await resolve(http, ends, AgencyLookup(http, ends), doi)
    except Unreachable as exc:
        raise _offline(exc.message, f"cannot fetch {doi}") from None
    finally:
        if own:
            await client.aclose()
    if http.down and not http.reached_any:
        raise _offline("; ".join(http.down.values()), f"cannot fetch {doi}")
    return DoiEntry(doi=doi, agency=got.agency, format=got.format, http_status=got.http_status,
                    fetched_at=datetime.now(UTC).isoformat(timespec="seconds"), source_url=got.url, record=got.raw,
                    synthetic=got.synthetic, registry=got.registry)


def _offline(detail: str, what: str) -> OfflineError:
    return OfflineError(f"{what}: the network is unreachable ({detail})",
                        hint="connect to the network (or set LITREVIEW_CROSSREF_URL to a mirror), "
                             "or add the entry by hand")


def search_reference(text: str, config: Config, client: httpx.AsyncClient | None = None, *,
                     source: Source | None = None, policy: RetryPolicy | None = None) -> list[Candidate]:
    """Candidates for a plain-text reference, best first.

    With ``source`` (the reference parsed into fields) the candidates are validated and
    sorted by validation score; without it, by the registry's relevance.
    """
    if not text.strip():
        raise InputError("the reference string is empty")
    message = asyncio.run(_search_one(text, config, client, policy))
    candidates = candidates_from(message)
    if source is not None:
        return validate(source, candidates)
    return sorted(candidates, key=lambda c: -c.relevance)


async def _search_one(text: str, config: Config, client: httpx.AsyncClient | None,
                      policy: RetryPolicy | None) -> Mapping[str, Any]:
    from .http import Http, Unreachable, make_client
    from .resolvers import Endpoints, search_bibliographic

    own = client is None
    client = client or make_client(config.timeout, config.mailto)
    http = Http(client, mailto=config.mailto, policy=policy)
    try:
        message, _, _ = await search_bibliographic(http, Endpoints.from_config(config), text, rows=ROWS)
    except Unreachable as exc:
        raise _offline(exc.message, "cannot search the registry") from None
    finally:
        if own:
            await client.aclose()
    return message
