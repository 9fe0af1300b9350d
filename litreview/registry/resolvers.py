"""Who registered a DOI, and which handler fetches its record.

Fallback order: the registration agency is looked up per prefix (doi.org ``/ra/``,
then Crossref's ``/works/{doi}/agency``) and cached; Crossref DOIs go to Crossref's
``/works/{doi}``, DataCite DOIs to DataCite's ``/dois/{doi}``, and every other agency
(mEDRA, JaLC, KISTI, ...) or an unknown one to doi.org content negotiation (CSL-JSON).
The handlers themselves live in ``crossref``, ``datacite`` and ``doi_org``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..doi import doi_path, doi_prefix, normalize_doi
from ..model import RegistryRecord
from .handlers.crossref import Crossref, envelope, failure
from .handlers.datacite import DataCite
from .handlers.doi_org import CSL_JSON, DoiOrg, parse_ra
from .http import FetchFailed, Http, Unreachable


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Base URLs of the services (from the configuration; tests point them at a fake)."""

    crossref: str = Crossref.default_url
    doi: str = DoiOrg.default_url
    datacite: str = DataCite.default_url
    wayback: str = "https://archive.org"
    mailto: str = ""

    @classmethod
    def from_config(cls, config: Any) -> Endpoints:
        from .handlers import by_name

        return cls(by_name("crossref").base_url(config), by_name("doi").base_url(config),
                   by_name("datacite").base_url(config), config.wayback_url.rstrip("/"), config.mailto)


@dataclass(frozen=True, slots=True)
class Fetched:
    """The outcome of resolving one DOI: a raw record, or the registry's 'no such DOI'."""

    doi: str
    outcome: Literal["found", "not-found"]
    agency: str
    format: str
    """crossref, datacite or csl (a format some handler parses); '' when not found."""
    raw: Mapping[str, Any] | None
    url: str
    """The URL that answered."""
    http_status: int
    synthetic: bool = False
    registry: str = ""
    """The configured base URL of the registry asked (provenance)."""


# Old names, kept for code written against them.
CrossrefResolver = Crossref
DataCiteResolver = DataCite
ContentNegotiationResolver = DoiOrg
_envelope = envelope
_fail = failure

#: agency id -> handler; anything else goes to content negotiation.
RESOLVERS: dict[str, Any] = {"crossref": Crossref(), "datacite": DataCite()}


def resolver_for(agency: str) -> Any:
    return RESOLVERS.get(agency) or DoiOrg(agency)


def parse_agency(data: Any) -> str:
    """Agency id from Crossref's ``work-agency`` envelope; '' if unknown."""
    if isinstance(data, Mapping) and data.get("message-type") == "work-agency":
        agency = (data.get("message") or {}).get("agency") or {}
        if isinstance(agency, Mapping) and isinstance(agency.get("id"), str):
            return agency["id"].lower()
    return ""


class AgencyLookup:
    """The registration agency of each prefix, looked up once per run and shared."""

    def __init__(self, http: Http, ends: Endpoints, known: Mapping[str, str] | None = None) -> None:
        self.http = http
        self.ends = ends
        self._cache: dict[str, asyncio.Future[str]] = {}
        self._known = dict(known or {})

    async def agency(self, doi: str) -> str:
        prefix = doi_prefix(doi)
        if prefix in self._known:
            return self._known[prefix]
        if prefix not in self._cache:
            self._cache[prefix] = asyncio.ensure_future(self._lookup(prefix, doi))
        return await asyncio.shield(self._cache[prefix])

    @property
    def known(self) -> dict[str, str]:
        out = dict(self._known)
        for prefix, fut in self._cache.items():
            if fut.done() and not fut.cancelled() and fut.exception() is None and fut.result():
                out[prefix] = fut.result()
        return out

    async def _lookup(self, prefix: str, doi: str) -> str:
        try:
            # Its own pool, outside the 10% rule: when doi.org fails, Crossref still answers.
            resp = await self.http.get(f"{self.ends.doi}/ra/{doi_path(prefix)}", pool="doi-ra", attempts=2)
            if resp.status == 200 and parse_ra(resp.data):
                return parse_ra(resp.data)
        except (FetchFailed, Unreachable):
            pass
        # doi.org did not say: ask Crossref, which answers for every agency it knows.
        resp = await self.http.get(f"{self.ends.crossref}/works/{doi_path(doi)}/agency", pool="crossref-single")
        if resp.status == 200:
            return parse_agency(resp.data)
        return ""


async def resolve(http: Http, ends: Endpoints, agencies: AgencyLookup, doi: str,
                  same_work: Callable[[RegistryRecord], bool] | None = None) -> Fetched:
    """Fetch one DOI's record from the agency that registered it (see the module docstring).

    A record naming another DOI is refused, unless ``same_work`` takes it for the citing
    entries' work (an alias answered with its primary's record: ``parse.answer_problem``).
    """
    doi = normalize_doi(doi)
    try:
        agency = await agencies.agency(doi)
    except FetchFailed:
        agency = ""
    handler = resolver_for(agency or "unknown")
    try:
        got = await handler.fetch(http, ends, doi)
    except FetchFailed as exc:  # the status says which registry failed (Crossref, DataCite or doi.org)
        exc.registry = exc.registry or handler.name
        raise
    if got.outcome == "found":
        from .parse import answer_problem

        problem = answer_problem(got.format, got.raw, doi, same_work)
        if problem:  # never stored as this DOI's record
            raise FetchFailed(f"{handler.label} answered for {doi} with {problem}; not stored", url=got.url,
                              registry=handler.name)
    return got


async def search_bibliographic(http: Http, ends: Endpoints, text: str, rows: int = 5) -> tuple[Mapping[str, Any], str,
                                                                                            bool]:
    """Crossref ``/works?query.bibliographic=`` -> (the work-list message, URL, synthetic)."""
    return await Crossref().search(http, ends, text, rows)


__all__ = ["CSL_JSON", "AgencyLookup", "ContentNegotiationResolver", "CrossrefResolver", "DataCiteResolver",
           "Endpoints", "Fetched", "parse_agency", "parse_ra", "resolve", "resolver_for", "search_bibliographic"]
