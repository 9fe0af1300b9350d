"""DataCite REST API (``/dois/{doi}``, JSON:API): the handler.

A 404 carries an ``errors`` list. Limits: 1000 requests per 5 minutes for identified
clients, gentler without a contact address.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..handler import Handler, PoolSpec
from ..limits import Limits

if TYPE_CHECKING:
    from ...model import RegistryRecord
    from ..http import Http
    from ..resolvers import Endpoints, Fetched


class DataCite(Handler):
    """DataCite REST ``GET /dois/{doi}`` (JSON:API); 404 has an ``errors`` list."""

    name = "datacite"
    label = "DataCite"
    default_url = "https://api.datacite.org"
    url_doc = "DataCite REST API base URL."
    rank = 20
    pools = (PoolSpec("datacite", Limits(3, 1, 2), Limits(1.5, 1, 1)),)
    formats = ("datacite",)
    schemes = ("doi",)
    agency = "datacite"
    format = "datacite"

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        from ..parse import parse_datacite

        return parse_datacite(raw)

    async def fetch(self, http: Http, ends: Endpoints, doi: str) -> Fetched:
        from ...doi import doi_path
        from ..http import FetchFailed, not_found_answer
        from ..resolvers import Fetched
        from .crossref import failure

        url = f"{ends.datacite}/dois/{doi_path(doi)}"
        resp = await http.get(url, pool="datacite", accept="application/vnd.api+json, application/json")
        if not_found_answer(resp, "DataCite"):  # an HTML 404 from a proxy is no answer
            return Fetched(doi, "not-found", self.agency, "", None, url, 404, resp.synthetic, ends.datacite)
        if resp.status != 200:
            raise failure(resp, "DataCite")
        data = resp.data.get("data") if isinstance(resp.data, Mapping) else None
        if not isinstance(data, Mapping) or not isinstance(data.get("attributes"), Mapping):
            raise FetchFailed(f"unexpected DataCite reply from {url}: no data.attributes", url=url)
        return Fetched(doi, "found", self.agency, self.format, data, url, 200, resp.synthetic, ends.datacite)


HANDLER = DataCite()
