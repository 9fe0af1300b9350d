"""DBLP (``/search/publ/api?format=json``, ``/rec/{key}.xml``): computer-science papers and journals.

Papers without a DOI are looked up by title and first author; a hit counts only when it
passes ``matching.title_match`` (DBLP ends titles with a period). A search that finds
nothing proves nothing, so a miss is never a "no such work" verdict. An entry naming its
DBLP key (``dblp:conf/nips/VaswaniSPUJGKP17``) is looked up as ``/rec/{key}.xml``, whose
answer is converted to the search hit's shape; no recording of it exists under a free
licence, so its shape (``<dblp><inproceedings key=…><author>…``, 404 for an unknown key)
is built from DBLP's documentation. DBLP publishes no rate limit and asks for restraint:
one request per second.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from ...model import RegistryRecord
from ..handler import Answer, FakeReply, Handler, PoolSpec, answer, json_reply
from ..limits import Limits
from .openlibrary import person

if TYPE_CHECKING:
    from ..http import Http


def _hits(data: Any) -> list[Mapping[str, Any]]:
    hits = (((data or {}).get("result") or {}).get("hits") or {}).get("hit") or []
    return [info for h in hits if isinstance(h, Mapping) and isinstance(info := h.get("info"), Mapping)]


class Dblp(Handler):
    name = "dblp"
    label = "DBLP"
    default_url = "https://dblp.org"
    url_doc = "DBLP base URL (publication search at /search/publ/api)."
    rank = 90
    routes = (("dblp", 10), ("paper-title", 10))
    pools = (PoolSpec("dblp", Limits(1, 1, 1), Limits(1, 1, 1), counted=False),)
    formats = ("dblp",)
    schemes = ("paper-title", "dblp")
    fake_prefix = "/dblp"

    async def lookup(self, http: Http, config: Any, ident: str) -> Answer:
        from ..http import FetchFailed

        if ident.startswith("dblp:"):
            return await self.record(http, config, ident)
        from ..matching import best_match, parse_query

        query = parse_query(ident)
        base = self.base_url(config)
        q = f"{query.title} {query.family}".strip()
        url = f"{base}/search/publ/api?{urlencode({'q': q, 'format': 'json', 'h': '5'})}"
        resp = await http.get(url, pool="dblp")
        if resp.status != 200 or not isinstance(resp.data, Mapping) or "result" not in resp.data:
            raise FetchFailed(f"DBLP answered {resp.status} without a result", status=resp.status, url=url)
        best = best_match(query, ((h, parse_hit(h)) for h in _hits(resp.data)))
        return answer(self, ident, best[0] if best else None, url, base, resp)

    async def record(self, http: Http, config: Any, ident: str) -> Answer:
        """``dblp:KEY`` -> ``/rec/KEY.xml`` (404: DBLP has no such record)."""
        from urllib.parse import quote

        from ..http import FetchFailed

        base = self.base_url(config)
        url = f"{base}/rec/{quote(ident.split(':', 1)[1], safe='/')}.xml"
        resp = await http.get(url, pool="dblp", accept="application/xml", json_body=False)
        if resp.status == 404:
            return answer(self, ident, None, url, base, resp)
        info = record_info(resp.body) if resp.status == 200 else None
        if info is None:
            raise FetchFailed(f"DBLP answered {resp.status} without a record", status=resp.status, url=url)
        return answer(self, ident, info, url, base, resp)

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        return parse_hit(raw)

    def fake_reply(self, fake: Any, method: str, path: str, params: Mapping[str, list[str]],
                   headers: Mapping[str, str]) -> FakeReply | None:
        from ...text import fold_words

        if path.startswith("/rec/") and path.endswith(".xml"):
            # Stored records are search-hit infos; served as the documented record XML.
            info = fake.registry_data.get(self.name, {}).get(path[len("/rec/"):-len(".xml")])
            if info is None:
                return FakeReply(404, b"<!DOCTYPE html><html><title>Error 404</title></html>", "text/html")
            return FakeReply(200, record_xml(info), "application/xml; charset=utf-8")
        if path != "/search/publ/api":
            return None
        words = set(fold_words((params.get("q") or [""])[0]).split())
        hits = [{"@score": "9", "@id": str(i), "info": info, "url": f"URL#{i}"}
                for i, info in enumerate(fake.registry_data.get(self.name, {}).values())
                if words and set(fold_words(str(info.get("title") or "")).split()) <= words]
        # The envelope as recorded (result.hits.hit[].info), numbers as strings.
        return json_reply({"result": {"query": " ".join(sorted(words)), "status": {"@code": "200", "text": "OK"},
                                      "hits": {"@total": str(len(hits)), "@computed": str(len(hits)),
                                               "@sent": str(len(hits)), "@first": "0", "hit": hits}}})


def parse_hit(info: Mapping[str, Any]) -> RegistryRecord:
    """One DBLP search hit's ``info``."""
    from ..parse import clean_text

    people = (info.get("authors") or {}).get("author") or []
    if isinstance(people, Mapping):  # one author comes as an object, not a list
        people = [people]
    names = [str(p.get("text") if isinstance(p, Mapping) else p).rstrip("0123456789 ") for p in people]
    kind = str(info.get("type") or "")
    year = str(info.get("year") or "")
    return RegistryRecord(
        doi=str(info.get("doi") or "").lower(), agency="dblp",
        type="proceedings-article" if kind.startswith("Conference") else
        ("journal-article" if kind.startswith("Journal") else ""),
        title=clean_text(info.get("title")).rstrip("."), authors=tuple(person(n) for n in names if n),
        year=int(year) if year.isdigit() else None, container=clean_text(info.get("venue")),
        volume=clean_text(info.get("volume")), pages=clean_text(info.get("pages")),
        url=str(info.get("url") or ""), ids={"dblp": str(info.get("key") or "")} if info.get("key") else {},
        raw=dict(info),
    )


#: DBLP's record elements and the search API's ``type`` for each.
_KINDS = {"inproceedings": "Conference and Workshop Papers", "article": "Journal Articles",
          "incollection": "Parts in Books or Collections", "book": "Books and Theses",
          "phdthesis": "Books and Theses", "proceedings": "Editorship"}
_MAX_XML = 2_000_000


def record_info(xml: bytes) -> dict[str, Any] | None:
    """A ``/rec/KEY.xml`` record in the search hit's ``info`` shape; None when it is not one."""
    import xml.etree.ElementTree as ET

    if len(xml) > _MAX_XML or b"<!DOCTYPE" in xml[:2000] or b"<!ENTITY" in xml:
        return None
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return None
    item = next((e for e in root if e.tag in _KINDS), None) if root.tag == "dblp" else None
    if item is None:
        return None

    def text(tag: str) -> str:
        found = item.find(tag)
        return "".join(found.itertext()).strip() if found is not None else ""

    ees = ["".join(e.itertext()).strip() for e in item.findall("ee")]
    doi = next((e.split("doi.org/", 1)[1] for e in ees if "doi.org/10." in e), "")
    authors = [{"@pid": a.get("pid", ""), "text": "".join(a.itertext()).strip()}
               for a in item.findall("author") or item.findall("editor")]
    return {"authors": {"author": authors}, "title": text("title"), "venue": text("booktitle") or text("journal"),
            "volume": text("volume"), "pages": text("pages"), "year": text("year"), "type": _KINDS[item.tag],
            "key": item.get("key", ""), "doi": doi, "ee": ees[0] if ees else "",
            "url": f"https://dblp.org/rec/{item.get('key', '')}"}


def record_xml(info: Mapping[str, Any]) -> bytes:
    """The documented ``/rec/KEY.xml`` form of a hit's ``info`` (what the fake serves)."""
    from xml.sax.saxutils import escape, quoteattr

    tag = next((t for t, k in _KINDS.items() if k == info.get("type")), "inproceedings")
    people = (info.get("authors") or {}).get("author") or []
    people = [people] if isinstance(people, Mapping) else people
    lines = [f'<?xml version="1.0" encoding="UTF-8"?>\n<dblp>\n<{tag} key={quoteattr(str(info.get("key", "")))}>']
    lines += [f"<author pid={quoteattr(str(p.get('@pid', '')))}>{escape(str(p.get('text', '')))}</author>"
              for p in people if isinstance(p, Mapping)]
    venue = "journal" if tag == "article" else "booktitle"
    for name, value in (("title", info.get("title")), ("pages", info.get("pages")), ("year", info.get("year")),
                        (venue, info.get("venue")), ("volume", info.get("volume"))):
        if value:
            lines.append(f"<{name}>{escape(str(value))}</{name}>")
    if info.get("doi"):
        lines.append(f"<ee>https://doi.org/{escape(str(info['doi']))}</ee>")
    lines.append(f"</{tag}>\n</dblp>\n")
    return "\n".join(lines).encode("utf-8")


HANDLER = Dblp()
