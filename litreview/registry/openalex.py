"""OpenAlex (``/works/https://doi.org/{doi}``, ``/works/W…``, title search): the handler.

Since February 2026 OpenAlex wants an API key (``openalex_api_key``); without one a
small daily budget applies (about 100 searches a day per address). The budget headers
(``X-RateLimit-Remaining*``) are read after every answer and a 429 or an exhausted
budget is reported as "over budget", never as "no such work". A DOI OpenAlex does not
know is a 404 with an HTML page (as recorded in 2025).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlencode

from ..model import Person, RegistryRecord, Update
from .handler import Answer, FakeReply, Handler, OverBudget, PoolSpec, answer, json_reply
from .http import FetchFailed
from .limits import Limits

if TYPE_CHECKING:
    from .http import Http


def _strip(url: Any, prefix: str) -> str:
    text = str(url or "")
    return text[len(prefix):] if text.lower().startswith(prefix) else text


class OpenAlex(Handler):
    name = "openalex"
    label = "OpenAlex"
    setting = "openalex_url"
    env = "LITREVIEW_OPENALEX_URL"
    default_url = "https://api.openalex.org"
    # At most 100 requests/s for everyone; singletons by DOI or id are free of budget.
    # Its X-RateLimit-* headers count a daily budget, so they never set the pace.
    pools = (PoolSpec("openalex", Limits(10, 1, 3), Limits(5, 1, 2), counted=False, adapt=False),)
    formats = ("openalex",)
    schemes = ("doi", "openalex")
    fake_prefix = "/openalex"

    def request_url(self, config: Any, scheme: str, value: str) -> tuple[str, str]:
        """(URL to send, URL to store): the key and contact address never reach the snapshot."""
        base = self.base_url(config)
        path = f"/works/https://doi.org/{quote(value, safe='/')}" if scheme == "doi" else f"/works/{value}"
        params = {k: v for k, v in (("api_key", getattr(config, "openalex_api_key", "")),
                                    ("mailto", getattr(config, "mailto", ""))) if v}
        return base + path + (f"?{urlencode(params)}" if params else ""), base + path

    async def lookup(self, http: Http, config: Any, ident: str) -> Answer:
        scheme, value = ident.split(":", 1)
        state = http.registry_state.setdefault(self.name, {})
        if state.get("exhausted"):
            raise OverBudget(f"OpenAlex budget used up ({state['exhausted']}); set openalex_api_key")
        url, stored = self.request_url(config, scheme, value)
        try:
            resp = await http.get(url, pool="openalex", json_body=True, attempts=2)
        except FetchFailed as exc:
            if exc.status == 429:
                state["exhausted"] = "429 Too Many Requests"
                raise OverBudget(f"OpenAlex answered 429: over budget ({exc.message})") from None
            raise
        remaining = resp.headers.get("x-ratelimit-remaining-usd") or resp.headers.get("x-ratelimit-remaining")
        try:
            if remaining is not None and float(remaining) <= 0:
                state["exhausted"] = f"x-ratelimit-remaining {remaining}"
        except ValueError:
            pass
        if resp.status == 404:
            return answer(self, ident, None, stored, self.base_url(config), resp)
        if resp.status != 200 or not isinstance(resp.data, Mapping) or not str(resp.data.get("id", "")):
            raise FetchFailed(f"OpenAlex answered {resp.status} without a work", status=resp.status, url=stored)
        return answer(self, ident, resp.data, stored, self.base_url(config), resp)

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        return parse_openalex(raw)

    def fake_reply(self, fake: Any, method: str, path: str, params: Mapping[str, list[str]],
                   headers: Mapping[str, str]) -> FakeReply | None:
        if not path.startswith("/works/"):
            return None
        key = unquote(path[len("/works/"):])
        key = _strip(_strip(key, "https://doi.org/"), "doi:").lower()
        body = fake.registry_data.get(self.name, {}).get(key)
        # The 2026 budget headers, as recorded without a key.
        budget = {"x-ratelimit-limit": "1000", "x-ratelimit-remaining": "999", "x-ratelimit-limit-usd": "0.1",
                  "x-ratelimit-remaining-usd": "0.0999", "x-ratelimit-cost-usd": "0.0001"}
        if body is None:
            page = (b'<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n'
                    b"<p>The requested URL was not found on the server.</p>\n")
            return FakeReply(404, page, "text/html; charset=utf-8", budget)
        return json_reply(body, 200, "application/json", **budget)


def parse_openalex(work: Mapping[str, Any]) -> RegistryRecord:
    """An OpenAlex work: ids, authorships, biblio, primary location, ``is_retracted``."""
    from .parse import clean_text

    ids = found if isinstance(found := work.get("ids"), Mapping) else {}
    doi = _strip(_strip(work.get("doi") or ids.get("doi"), "https://doi.org/"), "doi:").lower()
    authors = []
    for a in work.get("authorships") or ():
        name = clean_text(((a.get("author") or {}).get("display_name") if isinstance(a, Mapping) else "")
                          or (a.get("raw_author_name") if isinstance(a, Mapping) else ""))
        if name:
            given, _, family = name.rpartition(" ")
            authors.append(Person(family=family or name, given=given))
    location = found if isinstance(found := work.get("primary_location"), Mapping) else {}
    source = found if isinstance(found := location.get("source"), Mapping) else {}
    biblio = found if isinstance(found := work.get("biblio"), Mapping) else {}
    first, last = biblio.get("first_page") or "", biblio.get("last_page") or ""
    year = work.get("publication_year")
    others = {"openalex": _strip(work.get("id"), "https://openalex.org/")}
    if ids.get("pmid"):
        others["pmid"] = _strip(str(ids["pmid"]), "https://pubmed.ncbi.nlm.nih.gov/").strip("/")
    if ids.get("pmcid"):
        others["pmcid"] = _strip(str(ids["pmcid"]), "https://www.ncbi.nlm.nih.gov/pmc/articles/").strip("/")
    updates: tuple[Update, ...] = ()
    if work.get("is_retracted") is True:
        updates = (Update("retraction", "", label="Retracted", source="OpenAlex (is_retracted)"),)
    return RegistryRecord(
        doi=doi, agency="openalex", type=str(location.get("raw_type") or work.get("type") or ""),
        title=clean_text(work.get("title") or work.get("display_name")), authors=tuple(authors),
        year=year if isinstance(year, int) else None, container=clean_text(source.get("display_name")),
        volume=clean_text(biblio.get("volume")), issue=clean_text(biblio.get("issue")),
        pages=f"{first}-{last}" if first and last and first != last else str(first),
        publisher=clean_text(source.get("host_organization_name")),
        url=str(location.get("landing_page_url") or ""), updates=updates, ids=others, raw=dict(work),
    )


HANDLER = OpenAlex()
