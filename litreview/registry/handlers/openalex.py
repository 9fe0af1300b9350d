"""OpenAlex (``/works/https://doi.org/{doi}``, ``/works/W…``, title search): the handler.

Since February 2026 OpenAlex wants an API key (``openalex_api_key``); without one a
small daily budget applies ($0.10 a day, about 100 searches a day per address at $1 per
1,000 searches; lookups by DOI or id cost next to nothing). The budget headers
(``X-RateLimit-Remaining*``) are read after every answer; a run without a key makes at
most ``KEYLESS_SEARCHES`` searches, and a 429 or an exhausted budget is reported as
"over budget", never as "no such work". A DOI OpenAlex does not know is a 404 with an
HTML page (as recorded in 2025). Title searches (``/works?filter=title.search:…``, as
recorded) take the first result that passes ``matching.title_match``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlencode

from ...model import Person, RegistryRecord, Update
from ..handler import Answer, FakeReply, Handler, OverBudget, PoolSpec, answer, json_reply
from ..limits import Limits

if TYPE_CHECKING:
    from ..http import Http, Response


def _strip(url: Any, prefix: str) -> str:
    text = str(url or "")
    return text[len(prefix):] if text.lower().startswith(prefix) else text


class OpenAlex(Handler):
    name = "openalex"
    label = "OpenAlex"
    default_url = "https://api.openalex.org"
    url_doc = "OpenAlex API base URL."
    key_doc = "OpenAlex API key (without one a small daily budget applies)."
    rank = 40
    routes = (("doi", 10), ("openalex", 10), ("title", 20), ("paper-title", 20), ("work-title", 10))
    # At most 100 requests/s for everyone; singletons by DOI or id are free of budget.
    # Its X-RateLimit-* headers count a daily budget, so they never set the pace.
    pools = (PoolSpec("openalex", Limits(10, 1, 3), Limits(5, 1, 2), counted=False, adapt=False),)
    formats = ("openalex",)
    schemes = ("doi", "openalex", "title", "paper-title", "work-title")
    fake_prefix = "/openalex"
    budgeted_search = True

    def request_url(self, config: Any, scheme: str, value: str) -> tuple[str, str]:
        """(URL to send, URL to store): the key and contact address never reach the snapshot."""
        base = self.base_url(config)
        path = f"/works/https://doi.org/{quote(value, safe='/')}" if scheme == "doi" else f"/works/{value}"
        params = self._params(config)
        return base + path + (f"?{urlencode(params)}" if params else ""), base + path

    def _params(self, config: Any) -> dict[str, str]:
        return {k: v for k, v in (("api_key", self.api_key(config)),
                                  ("mailto", getattr(config, "mailto", ""))) if v}

    async def lookup(self, http: Http, config: Any, ident: str) -> Answer:
        from ..http import FetchFailed

        scheme, value = ident.split(":", 1)
        state = http.registry_state.setdefault(self.name, {})
        if state.get("exhausted"):
            raise OverBudget(f"OpenAlex budget used up ({state['exhausted']}); set openalex_api_key")
        if scheme in SEARCH_SCHEMES:
            return await self.search(http, config, ident, state)
        url, stored = self.request_url(config, scheme, value)
        resp = await _get(http, url, stored, state)
        if resp.status == 404:
            return answer(self, ident, None, stored, self.base_url(config), resp)
        if resp.status != 200 or not isinstance(resp.data, Mapping) or not str(resp.data.get("id", "")):
            raise FetchFailed(f"OpenAlex answered {resp.status} without a work", status=resp.status, url=stored)
        return answer(self, ident, resp.data, stored, self.base_url(config), resp)

    async def search(self, http: Http, config: Any, ident: str, state: dict[str, Any]) -> Answer:
        """``title:TITLE|AUTHOR|YEAR`` -> the first work of ``/works?filter=title.search:`` that passes ``matching``."""
        from ..http import FetchFailed
        from ..matching import best_match, parse_query

        keyless = not self.api_key(config)
        if keyless and state.get("searches", 0) >= KEYLESS_SEARCHES:
            raise OverBudget(f"OpenAlex: {KEYLESS_SEARCHES} title searches made without an API key, about a day's "
                             "allowance; set openalex_api_key (LITREVIEW_OPENALEX_API_KEY) for more")
        left = state.get("remaining_usd")
        if left is not None and left < SEARCH_COST_USD:
            state["exhausted"] = f"x-ratelimit-remaining-usd {left}"
            raise OverBudget(f"OpenAlex budget left (${left}) is less than one search; set openalex_api_key")
        query = parse_query(ident)
        # ',' separates filters and '|' means OR in a filter value: neither may reach the query.
        words = " ".join(query.title.replace(",", " ").replace("|", " ").split())
        base = self.base_url(config)
        path = f"/works?{urlencode({'filter': f'title.search:{words}', 'per-page': '10'})}"
        params = self._params(config)
        url, stored = base + path + (f"&{urlencode(params)}" if params else ""), base + path
        state["searches"] = state.get("searches", 0) + 1
        resp = await _get(http, url, stored, state)
        results = resp.data.get("results") if isinstance(resp.data, Mapping) else None
        if resp.status != 200 or not isinstance(results, list):
            raise FetchFailed(f"OpenAlex search answered {resp.status} without results", status=resp.status,
                              url=stored)
        best = best_match(query, ((w, parse_openalex(w)) for w in results if isinstance(w, Mapping)))
        return answer(self, ident, best[0] if best else None, stored, base, resp)

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        return parse_openalex(raw)

    def fake_reply(self, fake: Any, method: str, path: str, params: Mapping[str, list[str]],
                   headers: Mapping[str, str]) -> FakeReply | None:
        # The 2026 budget headers, as recorded without a key.
        budget = {"x-ratelimit-limit": "1000", "x-ratelimit-remaining": "999", "x-ratelimit-limit-usd": "0.1",
                  "x-ratelimit-remaining-usd": "0.0999", "x-ratelimit-cost-usd": "0.0001"}
        if path == "/works":
            return _fake_search(fake.registry_data.get(self.name, {}), params, budget)
        if not path.startswith("/works/"):
            return None
        key = unquote(path[len("/works/"):])
        key = _strip(_strip(key, "https://doi.org/"), "doi:").lower()
        body = fake.registry_data.get(self.name, {}).get(key)
        if body is None:
            page = (b'<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n'
                    b"<p>The requested URL was not found on the server.</p>\n")
            return FakeReply(404, page, "text/html; charset=utf-8", budget)
        return json_reply(body, 200, "application/json", **budget)


#: Identifier schemes that are title searches (see ``lookups.SEARCHES``).
SEARCH_SCHEMES = ("title", "paper-title", "work-title")
#: A run without an API key makes at most this many searches (about a day's keyless allowance).
KEYLESS_SEARCHES = 100
#: What one search costs of the daily budget (2026 pricing: $1 per 1,000 searches).
SEARCH_COST_USD = 0.001


def _read_budget(state: dict[str, Any], headers: Mapping[str, str]) -> None:
    """Note the budget left (``X-RateLimit-Remaining-USD``, or the older credit count)."""
    for name in ("x-ratelimit-remaining-usd", "x-ratelimit-remaining"):
        try:
            left = float(headers[name])
        except (KeyError, ValueError):
            continue
        if name.endswith("usd"):
            state["remaining_usd"] = left
        if left <= 0:
            state["exhausted"] = f"{name} {headers[name]}"
        return


def _fake_search(works: Mapping[str, Any], params: Mapping[str, list[str]], budget: dict[str, str]) -> FakeReply:
    """``/works?filter=title.search:…``: stored works whose title holds every word asked (or the reverse)."""
    from ...text import fold_words

    wanted = (params.get("filter") or [""])[0]
    if not wanted.startswith("title.search:"):
        return json_reply({"error": "Invalid query parameters error.", "message": f"unsupported filter {wanted}"},
                          403, **budget)
    words = set(fold_words(wanted[len("title.search:"):]).split())
    results = [w for w in works.values() if isinstance(w, Mapping) and words and (
        words <= (have := set(fold_words(str(w.get("title") or "")).split())) or have <= words)]
    # The list envelope as recorded: meta (count, page, per_page), results, group_by.
    return json_reply({"meta": {"count": len(results), "db_response_time_ms": 12, "page": 1, "per_page": 25,
                                "groups_count": None}, "results": results[:25], "group_by": []}, 200, **budget)


def parse_openalex(work: Mapping[str, Any]) -> RegistryRecord:
    """An OpenAlex work: ids, authorships, biblio, primary location, ``is_retracted``."""
    from ..parse import clean_text

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


async def _get(http: Http, url: str, stored: str, state: dict[str, Any]) -> Response:
    """One OpenAlex request: a 429 spends the run's budget; the key never reaches a message."""
    from ..http import FetchFailed

    try:
        resp = await http.get(url, pool="openalex", json_body=True, attempts=2)
    except FetchFailed as exc:
        if exc.status == 429:
            state["exhausted"] = "429 Too Many Requests"
            said = exc.message.removeprefix("rate limited (429)").lstrip(", ")
            raise OverBudget("OpenAlex answered 429 Too Many Requests: no more OpenAlex requests this run"
                             + (f" {said}" if said.startswith("(") else f" ({said})" if said else "")) from None
        raise FetchFailed(exc.message.replace(url, stored), status=exc.status, url=stored) from None
    _read_budget(state, resp.headers)
    return resp
