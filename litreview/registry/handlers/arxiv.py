"""arXiv API (``/api/query?id_list=``, Atom XML): the handler.

A well-formed id arXiv does not have is an empty feed (HTTP 200, totalResults 0); a
malformed one is HTTP 400 with an "Error" entry. When the authors recorded the
published version, ``arxiv:doi`` and ``arxiv:journal_ref`` say where. arXiv asks
for no more than one request every three seconds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from ...model import Person, RegistryRecord
from ..handler import Answer, FakeReply, Handler, PoolSpec, answer
from ..ids import arxiv_id
from ..limits import Limits

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from ..http import Http

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
MAX_XML = 2 * 1024 * 1024


def _text(node: ET.Element | None) -> str:
    return re.sub(r"\s+", " ", node.text or "").strip() if node is not None else ""


def entries(xml: bytes) -> tuple[int, list[dict[str, Any]]]:
    """(totalResults, entries as plain dicts) of an arXiv Atom feed; ValueError when it is not one."""
    if len(xml) > MAX_XML or b"<!DOCTYPE" in xml[:2000] or b"<!ENTITY" in xml:
        raise ValueError("not an arXiv feed (too large, or with a DTD)")
    import xml.etree.ElementTree as ET  # here: reading the snapshot parses no XML

    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise ValueError(f"invalid XML: {exc}") from None
    if root.tag != f"{ATOM}feed":
        raise ValueError(f"not an Atom feed: <{root.tag}>")
    total = _text(root.find(f"{OPENSEARCH}totalResults"))
    out = []
    for entry in root.findall(f"{ATOM}entry"):
        out.append({
            "id": _text(entry.find(f"{ATOM}id")), "title": _text(entry.find(f"{ATOM}title")),
            "summary": _text(entry.find(f"{ATOM}summary")), "published": _text(entry.find(f"{ATOM}published")),
            "updated": _text(entry.find(f"{ATOM}updated")),
            "authors": [_text(a.find(f"{ATOM}name")) for a in entry.findall(f"{ATOM}author")],
            "doi": _text(entry.find(f"{ARXIV}doi")), "journal_ref": _text(entry.find(f"{ARXIV}journal_ref")),
            "primary_category": (entry.find(f"{ARXIV}primary_category").get("term", "")  # type: ignore[union-attr]
                                 if entry.find(f"{ARXIV}primary_category") is not None else ""),
        })
    return int(total) if total.isdigit() else len(out), out


class Arxiv(Handler):
    name = "arxiv"
    label = "arXiv"
    default_url = "https://export.arxiv.org"
    url_doc = "arXiv API base URL (/api/query)."
    rank = 50
    routes = (("arxiv", 10),)
    pools = (PoolSpec("arxiv", Limits(1, 3, 1), Limits(1, 3, 1), counted=False),)
    formats = ("arxiv",)
    schemes = ("arxiv",)
    fake_prefix = "/arxiv"

    async def lookup(self, http: Http, config: Any, ident: str) -> Answer:
        from ..http import FetchFailed

        value = ident.split(":", 1)[1]
        base = self.base_url(config)
        url = f"{base}/api/query?{urlencode({'id_list': value, 'max_results': '1'})}"
        resp = await http.get(url, pool="arxiv", accept="application/atom+xml", json_body=False)
        try:
            total, found = entries(resp.body)
        except ValueError as exc:
            raise FetchFailed(f"arXiv answered {resp.status} with {exc}", status=resp.status, url=url) from None
        if resp.status == 400:
            why = found[0]["summary"] if found else "bad request"
            raise FetchFailed(f"arXiv refused the id {value!r}: {why}", status=400, url=url)
        if resp.status != 200:
            raise FetchFailed(f"arXiv answered {resp.status}", status=resp.status, url=url)
        real = [e for e in found if arxiv_id(e["id"].rsplit("/abs/", 1)[-1])]
        return answer(self, ident, real[0] if total and real else None, url, base, resp)

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        return parse_arxiv(raw)

    def fake_reply(self, fake: Any, method: str, path: str, params: Mapping[str, list[str]],
                   headers: Mapping[str, str]) -> FakeReply | None:
        if path != "/api/query":
            return None
        ids = (params.get("id_list") or [""])[0]
        head = ('<?xml version=\'1.0\' encoding=\'UTF-8\'?>\n<feed xmlns:opensearch="http://a9.com/-/spec/'
                'opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">\n')
        bad = next((i for i in ids.split(",") if not arxiv_id(i)), None)
        if bad is not None:
            # As recorded: HTTP 400 with one "Error" entry naming the id.
            body = (f"{head}  <id>https://arxiv.org/</id>\n  <title>arXiv Search Results</title>\n"
                    "  <opensearch:totalResults>1</opensearch:totalResults>\n  <entry>\n"
                    f"    <id>https://arxiv.org/api/errors#incorrect_id_format_for_{bad}</id>\n"
                    f"    <title>Error</title>\n    <summary>incorrect id format for {bad}</summary>\n"
                    "    <author>\n      <name>arXiv api core</name>\n    </author>\n  </entry>\n</feed>\n")
            return FakeReply(400, body.encode(), "application/atom+xml; charset=utf-8")
        stored = fake.registry_data.get(self.name, {})
        if ids in stored:
            return FakeReply(200, stored[ids].encode("utf-8"), "application/atom+xml; charset=utf-8")
        # A well-formed id arXiv does not have: an empty feed, HTTP 200 (as recorded).
        body = (f"{head}  <id>https://arxiv.org/api/fake</id>\n  <title>arXiv Query: id_list={ids}</title>\n"
                "  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>\n"
                "  <opensearch:totalResults>0</opensearch:totalResults>\n"
                "  <opensearch:startIndex>0</opensearch:startIndex>\n</feed>\n")
        return FakeReply(200, body.encode(), "application/atom+xml; charset=utf-8")


def parse_arxiv(entry: Mapping[str, Any]) -> RegistryRecord:
    """An arXiv entry (as ``entries`` gives it): a preprint, with the published DOI when known."""
    from ..parse import clean_text

    authors = []
    for name in entry.get("authors") or ():
        given, _, family = str(name).rpartition(" ")
        authors.append(Person(family=family or str(name), given=given))
    published = str(entry.get("published") or "")
    ident = arxiv_id(str(entry.get("id") or "").rsplit("/abs/", 1)[-1])
    bare = re.sub(r"v\d+$", "", ident)
    return RegistryRecord(
        doi="", agency="arxiv", type="posted-content", title=clean_text(entry.get("title")),
        authors=tuple(authors), year=int(published[:4]) if published[:4].isdigit() else None,
        container="arXiv", publisher="arXiv", url=f"https://arxiv.org/abs/{bare}" if bare else "",
        abstract=str(entry.get("summary") or ""),
        ids={k: v for k, v in (("arxiv", bare), ("published_doi", str(entry.get("doi") or "").lower()),
                                ("journal_ref", str(entry.get("journal_ref") or ""))) if v},
        raw=dict(entry),
    )


HANDLER = Arxiv()
