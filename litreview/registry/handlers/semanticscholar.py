"""Semantic Scholar Graph API (``/graph/v1/paper/{ID}``, ``/graph/v1/paper/search``): the handler.

A second source for preprints and papers: by arXiv id, PubMed id, PMC id or DOI
(``ARXIV:…``, ``PMID:…``, ``PMCID:…``, ``DOI:…``), and by title for papers with no
identifier (the first result passing ``matching.title_match``). Unknown ids are a JSON
404 (``{"error": "Paper with id … not found"}``); an unknown field is a 400, as recorded.
Without a key everyone shares one pool and 429s are common; with ``semanticscholar_api_key``
(sent as ``x-api-key``, never stored) the allowance is one request per second. A 429 that
persists leaves the work "over budget" for this run, never "unknown".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlencode

from ...model import RegistryRecord
from ..handler import Answer, FakeReply, Handler, OverBudget, PoolSpec, answer, json_reply
from ..limits import Limits
from .openlibrary import person

if TYPE_CHECKING:
    from ..http import Http

#: Fields asked for: only ones the recordings show the API knows (an unknown field is a 400).
FIELDS = "title,authors,year,venue,journal,externalIds,publicationTypes,publicationDate,url"
_PREFIXES = {"doi": "DOI", "arxiv": "ARXIV", "pmid": "PMID", "pmcid": "PMCID"}
_TYPES = {"JournalArticle": "journal-article", "Conference": "proceedings-article", "Book": "book",
          "BookSection": "book-chapter", "Review": "journal-article"}


class SemanticScholar(Handler):
    name = "semanticscholar"
    label = "Semantic Scholar"
    default_url = "https://api.semanticscholar.org"
    url_doc = "Semantic Scholar API base URL (/graph/v1/paper/…)."
    key_doc = "Semantic Scholar API key, sent as x-api-key (optional; 1 request/s with one)."
    rank = 100
    routes = (("arxiv", 20), ("paper-title", 30))
    # One request per second with a key; the keyless pool is shared by everyone, so no faster.
    pools = (PoolSpec("semanticscholar", Limits(1, 1, 1), Limits(1, 1, 1), counted=False),)
    formats = ("semanticscholar",)
    schemes = ("doi", "arxiv", "pmid", "pmcid", "paper-title")
    fake_prefix = "/semanticscholar"

    def _headers(self, config: Any) -> dict[str, str]:
        key = self.api_key(config)
        return {"x-api-key": key} if key else {}

    async def _get(self, http: Http, config: Any, url: str) -> Any:
        from ..http import FetchFailed

        state = http.registry_state.setdefault(self.name, {})
        if state.get("limited"):
            raise OverBudget(f"Semantic Scholar is rate limiting this client ({state['limited']})")
        try:
            return await http.get(url, pool="semanticscholar", headers=self._headers(config))
        except FetchFailed as exc:
            if exc.status == 429:
                state["limited"] = "429 Too Many Requests"
                raise OverBudget(f"Semantic Scholar answered 429 ({exc.message}); set semanticscholar_api_key "
                                 "for an allowance of your own") from None
            raise

    async def lookup(self, http: Http, config: Any, ident: str) -> Answer:
        from ..http import FetchFailed

        scheme, value = ident.split(":", 1)
        base = self.base_url(config)
        if scheme == "paper-title":
            return await self.search(http, config, ident)
        if scheme not in _PREFIXES:
            raise FetchFailed(f"Semantic Scholar cannot look up {scheme}: identifiers")
        if scheme == "arxiv":
            value = re.sub(r"v\d+$", "", value)  # Semantic Scholar knows a preprint, not its versions
        if scheme == "pmcid":
            value = value.upper().removeprefix("PMC")
        url = f"{base}/graph/v1/paper/{_PREFIXES[scheme]}:{quote(value, safe='/')}?{urlencode({'fields': FIELDS})}"
        resp = await self._get(http, config, url)
        if resp.status == 404:
            return answer(self, ident, None, url, base, resp)
        if resp.status != 200 or not isinstance(resp.data, Mapping) or not resp.data.get("paperId"):
            raise FetchFailed(f"Semantic Scholar answered {resp.status} without a paper", status=resp.status, url=url)
        return answer(self, ident, resp.data, url, base, resp)

    async def search(self, http: Http, config: Any, ident: str) -> Answer:
        """``paper-title:TITLE|AUTHOR|YEAR`` -> the first paper of ``/paper/search`` that passes ``matching``."""
        from ..http import FetchFailed
        from ..matching import best_match, parse_query

        query = parse_query(ident)
        base = self.base_url(config)
        url = f"{base}/graph/v1/paper/search?{urlencode({'query': query.title, 'fields': FIELDS, 'limit': '10'})}"
        resp = await self._get(http, config, url)
        papers = resp.data.get("data") if isinstance(resp.data, Mapping) else None
        if resp.status != 200 or not isinstance(resp.data, Mapping) or not isinstance(papers or [], list):
            raise FetchFailed(f"Semantic Scholar search answered {resp.status} without data", status=resp.status,
                              url=url)
        best = best_match(query, ((p, parse_paper(p)) for p in papers or () if isinstance(p, Mapping)))
        return answer(self, ident, best[0] if best else None, url, base, resp)

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        return parse_paper(raw)

    def fake_reply(self, fake: Any, method: str, path: str, params: Mapping[str, list[str]],
                   headers: Mapping[str, str]) -> FakeReply | None:
        from ...text import fold_words

        papers = fake.registry_data.get(self.name, {})
        if path in ("/graph/v1/paper/search", "/graph/v1/paper/search/match"):
            words = set(fold_words((params.get("query") or [""])[0]).split())
            data = [p for p in papers.values() if words and words <= set(fold_words(str(p.get("title") or "")).split())]
            if path.endswith("/match"):  # the one best match, or the recorded 404
                return (json_reply({"data": [{**data[0], "matchScore": 100.0}]}) if data
                        else json_reply({"error": "Title match not found"}, 404))
            # The relevance envelope as recorded: total, offset, next, data.
            return json_reply({"total": len(data), "offset": 0, **({"next": 10} if len(data) > 10 else {}),
                               "data": data[:10]})
        if not path.startswith("/graph/v1/paper/"):
            return None
        ident = unquote(path[len("/graph/v1/paper/"):])
        fields = (params.get("fields") or [""])[0].split(",")
        known = set(FIELDS.split(",")) | {"paperId", "citationCount", "citationStyles", "influentialCitationCount",
                                          "isOpenAccess", "openAccessPdf", "abstract", "corpusId"}
        if any(f and f not in known for f in fields):
            bad = ", ".join(f for f in fields if f not in known)
            return json_reply({"error": f"Unrecognized or unsupported fields: [{bad}]"}, 400)
        prefix, _, value = ident.partition(":")
        body = papers.get(f"{prefix.upper()}:{value.lower()}")
        if body is None:
            return json_reply({"error": f"Paper with id {ident} not found"}, 404)
        return json_reply(body)


def parse_paper(paper: Mapping[str, Any]) -> RegistryRecord:
    """A Graph API paper: title, authors, year, venue/journal, externalIds."""
    from ..parse import clean_text

    def part(name: str) -> Mapping[str, Any]:
        value = paper.get(name)
        return value if isinstance(value, Mapping) else {}

    ext, journal = part("externalIds"), part("journal")
    listed = paper.get("publicationTypes")
    kinds: list[Any] = listed if isinstance(listed, list) else []
    year = paper.get("year")
    ids = {"semanticscholar": str(paper.get("paperId") or "")}
    for name, key, prefix in (("ArXiv", "arxiv", ""), ("PubMed", "pmid", ""), ("PubMedCentral", "pmcid", "PMC"),
                              ("DBLP", "dblp", "")):
        if ext.get(name):
            ids[key] = prefix + str(ext[name])
    pages = " ".join(str(journal.get("pages") or "").split()).replace(" - ", "-")
    return RegistryRecord(
        doi=str(ext.get("DOI") or "").lower(), agency="semanticscholar",
        type=next((_TYPES[k] for k in kinds if k in _TYPES), ""), title=clean_text(paper.get("title")),
        authors=tuple(person(str(a.get("name"))) for a in paper.get("authors") or ()
                      if isinstance(a, Mapping) and a.get("name")),
        year=year if isinstance(year, int) else None,
        container=clean_text(journal.get("name") or paper.get("venue")), volume=clean_text(journal.get("volume")),
        pages=pages, url=str(paper.get("url") or ""), ids={k: v for k, v in ids.items() if v}, raw=dict(paper),
    )


HANDLER = SemanticScholar()
