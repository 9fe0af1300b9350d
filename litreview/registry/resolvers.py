"""Who registered a DOI, and how to fetch its record: small resolver classes in a table.

Fallback order: the registration agency is looked up per prefix (doi.org ``/ra/``,
then Crossref's ``/works/{doi}/agency``) and cached; Crossref DOIs go to Crossref's
``/works/{doi}``, DataCite DOIs to DataCite's ``/dois/{doi}``, and every other agency
(mEDRA, JaLC, KISTI, ...) or an unknown one to doi.org content negotiation (CSL-JSON).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..doi import doi_path, doi_prefix, normalize_doi
from .http import FetchFailed, Http, Response, Unreachable

CSL_JSON = "application/vnd.citationstyles.csl+json"


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Base URLs of the services (from the configuration; tests point them at a fake)."""

    crossref: str = "https://api.crossref.org"
    doi: str = "https://doi.org"
    datacite: str = "https://api.datacite.org"
    wayback: str = "https://archive.org"
    mailto: str = ""

    @classmethod
    def from_config(cls, config: Any) -> Endpoints:
        return cls(config.crossref_url.rstrip("/"), config.doi_url.rstrip("/"), config.datacite_url.rstrip("/"),
                   config.wayback_url.rstrip("/"), config.mailto)


@dataclass(frozen=True, slots=True)
class Fetched:
    """The outcome of resolving one DOI: a raw record, or the registry's 'no such DOI'."""

    doi: str
    outcome: Literal["found", "not-found"]
    agency: str
    format: str
    """crossref, datacite or csl (see ``parse.FORMATS``); '' when not found."""
    raw: Mapping[str, Any] | None
    url: str
    """The URL that answered."""
    http_status: int
    synthetic: bool = False


def _envelope(resp: Response, message_type: str) -> Mapping[str, Any]:
    data = resp.data
    if not isinstance(data, Mapping) or data.get("status") != "ok" or data.get("message-type") != message_type:
        kind = data.get("message-type") if isinstance(data, Mapping) else type(data).__name__
        raise FetchFailed(f"unexpected Crossref reply from {resp.url}: expected a {message_type!r} envelope, "
                          f"got {kind!r}", status=resp.status, url=resp.url)
    message = data.get("message")
    if not isinstance(message, Mapping):
        raise FetchFailed(f"Crossref reply from {resp.url} has no message", status=resp.status, url=resp.url)
    return message


def _fail(resp: Response, what: str) -> FetchFailed:
    detail = ""
    if isinstance(resp.data, Mapping) and isinstance(resp.data.get("message"), list):
        detail = "; ".join(str(m.get("message", m)) for m in resp.data["message"] if isinstance(m, Mapping))
    elif resp.body:
        detail = resp.text(200).strip()
    return FetchFailed(f"{what} answered {resp.status}" + (f": {detail}" if detail else ""), status=resp.status,
                       url=resp.url)


class CrossrefResolver:
    """Crossref REST ``GET /works/{doi}`` (envelope ``work``); 404 is plain text."""

    agency = "crossref"
    format = "crossref"

    async def fetch(self, http: Http, ends: Endpoints, doi: str) -> Fetched:
        url = f"{ends.crossref}/works/{doi_path(doi)}"
        resp = await http.get(url, pool="crossref-single", json_body=True)
        if resp.status == 404:
            return Fetched(doi, "not-found", self.agency, "", None, url, 404, resp.synthetic)
        if resp.status != 200:
            raise _fail(resp, "Crossref")
        return Fetched(doi, "found", self.agency, self.format, _envelope(resp, "work"), url, 200, resp.synthetic)


class DataCiteResolver:
    """DataCite REST ``GET /dois/{doi}`` (JSON:API); 404 has an ``errors`` list."""

    agency = "datacite"
    format = "datacite"

    async def fetch(self, http: Http, ends: Endpoints, doi: str) -> Fetched:
        url = f"{ends.datacite}/dois/{doi_path(doi)}"
        resp = await http.get(url, pool="datacite", accept="application/vnd.api+json, application/json")
        if resp.status == 404:
            return Fetched(doi, "not-found", self.agency, "", None, url, 404, resp.synthetic)
        if resp.status != 200:
            raise _fail(resp, "DataCite")
        data = resp.data.get("data") if isinstance(resp.data, Mapping) else None
        if not isinstance(data, Mapping) or not isinstance(data.get("attributes"), Mapping):
            raise FetchFailed(f"unexpected DataCite reply from {url}: no data.attributes", url=url)
        return Fetched(doi, "found", self.agency, self.format, data, url, 200, resp.synthetic)


class ContentNegotiationResolver:
    """doi.org content negotiation for CSL-JSON: a 302 to the agency, then the record."""

    format = "csl"

    def __init__(self, agency: str = "unknown") -> None:
        self.agency = agency

    async def fetch(self, http: Http, ends: Endpoints, doi: str) -> Fetched:
        url = f"{ends.doi}/{doi_path(doi)}"
        resp = await http.get(url, pool="doi", accept=CSL_JSON, follow_redirects=True)
        if resp.status == 404:
            return Fetched(doi, "not-found", self.agency, "", None, url, 404, resp.synthetic)
        if resp.status != 200:
            raise _fail(resp, "doi.org")
        if not isinstance(resp.data, Mapping):
            raise FetchFailed(f"doi.org sent no CSL-JSON object for {doi}", url=url)
        return Fetched(doi, "found", self.agency, self.format, resp.data, resp.url, 200, resp.synthetic)


#: agency id -> resolver; anything else goes to content negotiation.
RESOLVERS: dict[str, Any] = {"crossref": CrossrefResolver(), "datacite": DataCiteResolver()}


def resolver_for(agency: str) -> Any:
    return RESOLVERS.get(agency) or ContentNegotiationResolver(agency)


def parse_ra(data: Any) -> str:
    """Agency id from doi.org's Which-RA answer ``[{"DOI": "10.1007", "RA": "Crossref"}]``; '' if unknown."""
    if isinstance(data, list) and data and isinstance(data[0], Mapping):
        ra = data[0].get("RA")
        if isinstance(ra, str) and ra.strip():
            return ra.strip().lower()
    return ""


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


async def resolve(http: Http, ends: Endpoints, agencies: AgencyLookup, doi: str) -> Fetched:
    """Fetch one DOI's record from the agency that registered it (see the module docstring)."""
    doi = normalize_doi(doi)
    try:
        agency = await agencies.agency(doi)
    except FetchFailed:
        agency = ""
    return await resolver_for(agency or "unknown").fetch(http, ends, doi)


async def search_bibliographic(http: Http, ends: Endpoints, text: str, rows: int = 5) -> tuple[Mapping[str, Any], str,
                                                                                            bool]:
    """Crossref ``/works?query.bibliographic=`` -> (the work-list message, URL, synthetic)."""
    from urllib.parse import urlencode

    # The contact address travels in the User-Agent only, so stored URLs never carry it.
    params = {"query.bibliographic": text, "rows": str(rows)}
    url = f"{ends.crossref}/works?{urlencode(params)}"
    resp = await http.get(url, pool="crossref-list")
    if resp.status != 200:
        raise _fail(resp, "Crossref search")
    return _envelope(resp, "work-list"), url, resp.synthetic
