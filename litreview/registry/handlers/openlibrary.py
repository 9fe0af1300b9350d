"""Open Library (``/api/books?bibkeys=ISBN:…&jscmd=data``, ``/search.json``): the handler for books.

An ISBN Open Library does not know is an empty object ``{}`` (HTTP 200). Books with no
ISBN in the entry are searched by title and author (``/search.json``, whose answer
shape is built from Open Library's documentation: ``numFound`` and ``docs``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from ...bibliography.dates import COMMON_YEAR
from ...model import Person, RegistryRecord
from ..handler import Answer, FakeReply, Handler, PoolSpec, answer, json_reply
from ..limits import Limits

if TYPE_CHECKING:
    from ..http import Http


def person(name: str) -> Person:
    """'Thomas H. Cormen' -> Cormen, Thomas H.; 'Cormen, Thomas H.' as written."""
    name = re.sub(r"\s+", " ", name).strip()
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return Person(family=family, given=given)
    given, _, family = name.rpartition(" ")
    return Person(family=family or name, given=given)


class OpenLibrary(Handler):
    name = "openlibrary"
    label = "Open Library"
    default_url = "https://openlibrary.org"
    url_doc = "Open Library base URL."
    rank = 70
    routes = (("isbn", 10), ("title", 10))
    pools = (PoolSpec("openlibrary", Limits(3, 1, 1), Limits(1, 1, 1), counted=False),)
    formats = ("openlibrary", "openlibrary-search")
    schemes = ("isbn", "title")
    fake_prefix = "/openlibrary"

    async def lookup(self, http: Http, config: Any, ident: str) -> Answer:
        from ..http import FetchFailed

        scheme, value = ident.split(":", 1)
        base = self.base_url(config)
        if scheme == "title":
            return await self.search(http, config, ident)
        url = f"{base}/api/books?{urlencode({'bibkeys': f'ISBN:{value}', 'format': 'json', 'jscmd': 'data'})}"
        resp = await http.get(url, pool="openlibrary")
        if resp.status != 200 or not isinstance(resp.data, Mapping):
            raise FetchFailed(f"Open Library answered {resp.status} without a books object", status=resp.status,
                              url=url)
        book = resp.data.get(f"ISBN:{value}")
        return answer(self, ident, book if isinstance(book, Mapping) else None, url, base, resp)

    async def search(self, http: Http, config: Any, ident: str) -> Answer:
        """``title:TITLE|AUTHOR|YEAR`` -> the first document of ``/search.json`` that passes ``matching``."""
        from ..http import FetchFailed
        from ..matching import best_match, parse_query

        query = parse_query(ident)
        base = self.base_url(config)
        params = {"title": query.title, "limit": "5"} | ({"author": query.family} if query.family else {})
        url = f"{base}/search.json?{urlencode(params)}"
        resp = await http.get(url, pool="openlibrary")
        docs = resp.data.get("docs") if isinstance(resp.data, Mapping) else None
        if resp.status != 200 or not isinstance(docs, list):
            raise FetchFailed(f"Open Library search answered {resp.status} without docs", status=resp.status,
                              url=url)
        hits = []
        for doc in docs:
            if isinstance(doc, Mapping):
                # A book's documents list every edition's year: the edition the entry cites may be one.
                listed = doc.get("publish_year")
                years: list[Any] = listed if isinstance(listed, list) else []
                marked = {"search": True, **doc} | ({"edition_year": query.year} if query.year in years else {})
                hits.append((marked, parse_search_doc(marked)))
        best = best_match(query, hits)
        return answer(self, ident, best[0] if best else None, url, base, resp)

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        return parse_search_doc(raw) if raw.get("search") else parse_book(raw)

    def fake_reply(self, fake: Any, method: str, path: str, params: Mapping[str, list[str]],
                   headers: Mapping[str, str]) -> FakeReply | None:
        data = fake.registry_data.get(self.name, {})
        if path == "/api/books":
            keys = (params.get("bibkeys") or [""])[0].split(",")
            return json_reply({k: data[k] for k in keys if k in data}, ctype="application/json")
        if path == "/search.json":
            from ...text import fold_words as fold

            title = fold((params.get("title") or [""])[0])
            docs = [d for k, d in data.items() if k.startswith("search:") and title
                    and title in fold(str(d.get("title") or ""))]
            return json_reply({"numFound": len(docs), "start": 0, "numFoundExact": True, "docs": docs,
                               "q": "", "offset": None})
        return None


def _year(text: Any) -> int | None:
    found = re.search(rf"\b({COMMON_YEAR})\b", str(text or ""))
    return int(found.group(1)) if found else None


def parse_book(book: Mapping[str, Any]) -> RegistryRecord:
    """An Open Library ``jscmd=data`` book."""
    from ..parse import clean_text

    ids = found if isinstance(found := book.get("identifiers"), Mapping) else {}
    isbns = tuple(str(i) for i in (ids.get("isbn_13") or []) + (ids.get("isbn_10") or []))
    publishers = [p.get("name", "") for p in book.get("publishers") or () if isinstance(p, Mapping)]
    return RegistryRecord(
        doi="", agency="openlibrary", type="book", title=clean_text(book.get("title")),
        subtitle=clean_text(book.get("subtitle")),
        authors=tuple(person(str(a.get("name") or "")) for a in book.get("authors") or ()
                      if isinstance(a, Mapping) and a.get("name")),
        year=_year(book.get("publish_date")), publisher=clean_text(publishers[0] if publishers else ""),
        isbn=isbns, url=str(book.get("url") or ""),
        ids={k: v for k, v in (("isbn", isbns[0] if isbns else ""),
                                ("openlibrary", (ids.get("openlibrary") or [""])[0])) if v},
        raw=dict(book),
    )


def parse_search_doc(doc: Mapping[str, Any]) -> RegistryRecord:
    """An Open Library ``/search.json`` document (title, author_name, first_publish_year, isbn, publisher).

    ``edition_year`` (set by ``search`` when one of the document's ``publish_year`` is the entry's)
    is the year of the edition the entry cites."""
    from ..parse import clean_text

    isbns = tuple(str(i) for i in doc.get("isbn") or ())
    year = doc.get("edition_year") or doc.get("first_publish_year")
    publishers = doc.get("publisher") or []
    return RegistryRecord(
        doi="", agency="openlibrary", type="book", title=clean_text(doc.get("title")),
        subtitle=clean_text(doc.get("subtitle")),
        authors=tuple(person(str(n)) for n in doc.get("author_name") or ()),
        year=year if isinstance(year, int) else None, publisher=clean_text(publishers[0] if publishers else ""),
        isbn=isbns, url=f"https://openlibrary.org{doc['key']}" if str(doc.get("key", "")).startswith("/") else "",
        ids={k: v for k, v in (("isbn", isbns[0] if isbns else ""), ("openlibrary", str(doc.get("key") or "")))
             if v},
        raw=dict(doc),
    )


HANDLER = OpenLibrary()
