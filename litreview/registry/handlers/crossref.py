"""Crossref REST API (``/works/{doi}``, ``/works?query.bibliographic=``): the handler.

A record is the ``message`` of a ``work`` envelope; a 404 is plain text. Limits are
Crossref's published pools: singles 10/s x3 and lists 3/s x3 polite (with a mailto),
5/s x1 and 1/s x1 public.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from ..handler import Handler, PoolSpec
from ..limits import Limits

if TYPE_CHECKING:
    from ...model import RegistryRecord
    from ..http import FetchFailed, Http, Response
    from ..resolvers import Endpoints, Fetched


def envelope(resp: Response, message_type: str) -> Mapping[str, Any]:
    """The ``message`` of a Crossref envelope of the expected type; FetchFailed otherwise."""
    from ..http import FetchFailed

    data = resp.data
    if not isinstance(data, Mapping) or data.get("status") != "ok" or data.get("message-type") != message_type:
        kind = data.get("message-type") if isinstance(data, Mapping) else type(data).__name__
        raise FetchFailed(f"unexpected Crossref reply from {resp.url}: expected a {message_type!r} envelope, "
                          f"got {kind!r}", status=resp.status, url=resp.url)
    message = data.get("message")
    if not isinstance(message, Mapping):
        raise FetchFailed(f"Crossref reply from {resp.url} has no message", status=resp.status, url=resp.url)
    return message


def failure(resp: Response, what: str) -> FetchFailed:
    """A FetchFailed naming the registry, the status and the server's own words."""
    from ..http import FetchFailed

    detail = ""
    if isinstance(resp.data, Mapping) and isinstance(resp.data.get("message"), list):
        detail = "; ".join(str(m.get("message", m)) for m in resp.data["message"] if isinstance(m, Mapping))
    elif resp.body:
        detail = resp.text(200).strip()
    return FetchFailed(f"{what} answered {resp.status}" + (f": {detail}" if detail else ""), status=resp.status,
                       url=resp.url)


class Crossref(Handler):
    """Crossref REST ``GET /works/{doi}`` (envelope ``work``); 404 is plain text."""

    name = "crossref"
    label = "Crossref"
    default_url = "https://api.crossref.org"
    url_doc = "Crossref REST API base URL."
    rank = 10
    pools = (PoolSpec("crossref-single", Limits(10, 1, 3), Limits(5, 1, 1)),
             PoolSpec("crossref-list", Limits(3, 1, 3), Limits(1, 1, 1)))
    formats = ("crossref",)
    schemes = ("doi",)
    agency = "crossref"
    format = "crossref"

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        from ..parse import parse_crossref

        return parse_crossref(raw, agency or "crossref")

    async def fetch(self, http: Http, ends: Endpoints, doi: str) -> Fetched:
        from ...doi import doi_path
        from ..http import not_found_answer
        from ..resolvers import Fetched

        url = f"{ends.crossref}/works/{doi_path(doi)}"
        resp = await http.get(url, pool="crossref-single", json_body=True)
        if not_found_answer(resp, "Crossref"):  # an HTML 404 from a proxy is no answer
            return Fetched(doi, "not-found", self.agency, "", None, url, 404, resp.synthetic, ends.crossref)
        if resp.status != 200:
            raise failure(resp, "Crossref")
        return Fetched(doi, "found", self.agency, self.format, envelope(resp, "work"), url, 200, resp.synthetic,
                       ends.crossref)

    async def search(self, http: Http, ends: Endpoints, text: str, rows: int = 5) -> tuple[Mapping[str, Any], str,
                                                                                         bool]:
        """``/works?query.bibliographic=`` -> (the work-list message, URL, synthetic)."""
        # The contact address travels in the User-Agent only, so stored URLs never carry it.
        params = {"query.bibliographic": text, "rows": str(rows)}
        url = f"{ends.crossref}/works?{urlencode(params)}"
        resp = await http.get(url, pool="crossref-list")
        if resp.status != 200:
            raise failure(resp, "Crossref search")
        return envelope(resp, "work-list"), url, resp.synthetic


HANDLER = Crossref()
