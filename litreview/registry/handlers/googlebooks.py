"""Google Books (``/books/v1/volumes?q=isbn:…``): the second source for books.

An ISBN Google Books does not know is ``{"kind": "books#volumes", "totalItems": 0}``
(built from the API's documentation; the recordings all found their book).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from ...model import RegistryRecord
from ..handler import Answer, FakeReply, Handler, PoolSpec, answer, json_reply
from ..limits import Limits
from .openlibrary import person

if TYPE_CHECKING:
    from ..http import Http


class GoogleBooks(Handler):
    name = "googlebooks"
    label = "Google Books"
    default_url = "https://www.googleapis.com"
    url_doc = "Google Books API base URL (/books/v1/volumes)."
    key_doc = "Google Books API key (optional)."
    rank = 80
    routes = (("isbn", 20),)
    pools = (PoolSpec("googlebooks", Limits(2, 1, 1), Limits(1, 1, 1), counted=False),)
    formats = ("googlebooks",)
    schemes = ("isbn",)
    fake_prefix = "/googlebooks"

    async def lookup(self, http: Http, config: Any, ident: str) -> Answer:
        from ..http import FetchFailed

        value = ident.split(":", 1)[1]
        base = self.base_url(config)
        stored = f"{base}/books/v1/volumes?{urlencode({'q': f'isbn:{value}'})}"
        key = self.api_key(config)
        url = stored + (f"&{urlencode({'key': key})}" if key else "")
        resp = await http.get(url, pool="googlebooks")
        if resp.status != 200 or not isinstance(resp.data, Mapping) or "totalItems" not in resp.data:
            raise FetchFailed(f"Google Books answered {resp.status} without volumes", status=resp.status,
                              url=stored)
        items = [i for i in resp.data.get("items") or () if isinstance(i, Mapping)
                 and isinstance(i.get("volumeInfo"), Mapping)]
        return answer(self, ident, items[0] if items else None, stored, base, resp)

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        return parse_volume(raw)

    def fake_reply(self, fake: Any, method: str, path: str, params: Mapping[str, list[str]],
                   headers: Mapping[str, str]) -> FakeReply | None:
        if path != "/books/v1/volumes":
            return None
        query = (params.get("q") or [""])[0]
        body = fake.registry_data.get(self.name, {}).get(query.lower())
        return json_reply(body if body is not None else {"kind": "books#volumes", "totalItems": 0},
                          ctype="application/json; charset=UTF-8")


def parse_volume(volume: Mapping[str, Any]) -> RegistryRecord:
    """One Google Books volume (its ``volumeInfo``)."""
    from ..parse import clean_text

    info = volume.get("volumeInfo") or {}
    isbns = tuple(str(i.get("identifier")) for i in info.get("industryIdentifiers") or ()
                  if isinstance(i, Mapping) and str(i.get("type", "")).startswith("ISBN"))
    year = re.match(r"\d{4}", str(info.get("publishedDate") or ""))
    return RegistryRecord(
        doi="", agency="googlebooks", type="book", title=clean_text(info.get("title")),
        subtitle=clean_text(info.get("subtitle")), authors=tuple(person(str(a)) for a in info.get("authors") or ()),
        year=int(year.group(0)) if year else None, publisher=clean_text(info.get("publisher")), isbn=isbns,
        url=str(info.get("canonicalVolumeLink") or info.get("infoLink") or ""),
        ids={k: v for k, v in (("isbn", next((i for i in isbns if len(i) == 13), "")),
                                ("googlebooks", str(volume.get("id") or ""))) if v},
        raw=dict(volume),
    )


HANDLER = GoogleBooks()
