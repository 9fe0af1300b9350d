"""doi.org: content negotiation for CSL-JSON and the Which-RA service (``/ra/{prefix}``).

Content negotiation answers for every agency without a handler of its own (mEDRA,
JaLC, KISTI, ...): a 302 to the agency, then the CSL-JSON record.
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

CSL_JSON = "application/vnd.citationstyles.csl+json"
#: Agencies reached only through content negotiation, by the id doi.org's /ra/ gives.
OTHER_AGENCIES = {"medra": "mEDRA", "jalc": "JaLC", "kisti": "KISTI", "cnki": "CNKI", "airiti": "Airiti",
                  "op": "OP", "eidr": "EIDR"}


def parse_ra(data: Any) -> str:
    """Agency id from doi.org's Which-RA answer ``[{"DOI": "10.1007", "RA": "Crossref"}]``; '' if unknown."""
    if isinstance(data, list) and data and isinstance(data[0], Mapping):
        ra = data[0].get("RA")
        if isinstance(ra, str) and ra.strip():
            return ra.strip().lower()
    return ""


class DoiOrg(Handler):
    """doi.org content negotiation for CSL-JSON: a 302 to the agency, then the record."""

    name = "doi"
    label = "doi.org"
    default_url = "https://doi.org"
    url_doc = "doi.org resolver base URL (content negotiation and /ra/)."
    rank = 30
    # doi-ra has its own pool outside the 10% rule: when doi.org fails, Crossref still answers.
    pools = (PoolSpec("doi", Limits(5, 1, 2), Limits(5, 1, 1)),
             PoolSpec("doi-ra", Limits(5, 1, 2), Limits(5, 1, 2), counted=False))
    formats = ("csl",)
    schemes = ("doi",)
    format = "csl"

    def __init__(self, agency: str = "unknown") -> None:
        self.agency = agency

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        from ..parse import parse_csl

        return parse_csl(raw, agency)

    async def fetch(self, http: Http, ends: Endpoints, doi: str) -> Fetched:
        from ...doi import doi_path
        from ..http import FetchFailed, not_found_answer
        from ..resolvers import Fetched
        from .crossref import failure

        url = f"{ends.doi}/{doi_path(doi)}"
        resp = await http.get(url, pool="doi", accept=CSL_JSON, follow_redirects=True)
        if not_found_answer(resp, "doi.org", b"DOI Not Found"):  # an HTML 404 from a proxy is no answer
            return Fetched(doi, "not-found", self.agency, "", None, url, 404, resp.synthetic, ends.doi)
        if resp.status != 200:
            raise failure(resp, "doi.org")
        if not isinstance(resp.data, Mapping):
            raise FetchFailed(f"doi.org sent no CSL-JSON object for {doi}", url=url)
        return Fetched(doi, "found", self.agency, self.format, resp.data, resp.url, 200, resp.synthetic, ends.doi)


HANDLER = DoiOrg()
