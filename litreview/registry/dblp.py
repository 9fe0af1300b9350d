"""DBLP (``/search/publ/api?format=json``): conference papers and journals in computer science.

Papers without a DOI are looked up by title and first author; a hit counts only when
its title is the entry's (DBLP ends titles with a period). A search that finds nothing
proves nothing, so a miss is never a "no such work" verdict. DBLP publishes no rate
limit and asks for restraint: one request per second.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from ..model import RegistryRecord
from .handler import Answer, FakeReply, Handler, PoolSpec, answer, json_reply
from .http import FetchFailed
from .limits import Limits
from .openlibrary import person

if TYPE_CHECKING:
    from .http import Http


def _hits(data: Any) -> list[Mapping[str, Any]]:
    hits = (((data or {}).get("result") or {}).get("hits") or {}).get("hit") or []
    return [info for h in hits if isinstance(h, Mapping) and isinstance(info := h.get("info"), Mapping)]


class Dblp(Handler):
    name = "dblp"
    label = "DBLP"
    setting = "dblp_url"
    env = "LITREVIEW_DBLP_URL"
    default_url = "https://dblp.org"
    pools = (PoolSpec("dblp", Limits(1, 1, 1), Limits(1, 1, 1), counted=False),)
    formats = ("dblp",)
    schemes = ("paper-title",)
    fake_prefix = "/dblp"

    async def lookup(self, http: Http, config: Any, ident: str) -> Answer:
        from ..text import fold_words

        title, _, author = ident.split(":", 1)[1].partition("|")
        base = self.base_url(config)
        url = f"{base}/search/publ/api?{urlencode({'q': f'{title} {author}'.strip(), 'format': 'json', 'h': '5'})}"
        resp = await http.get(url, pool="dblp")
        if resp.status != 200 or not isinstance(resp.data, Mapping) or "result" not in resp.data:
            raise FetchFailed(f"DBLP answered {resp.status} without a result", status=resp.status, url=url)
        wanted = fold_words(title)
        best = next((h for h in _hits(resp.data) if fold_words(str(h.get("title") or "")) == wanted), None)
        return answer(self, ident, best, url, base, resp)

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        return parse_hit(raw)

    def fake_reply(self, fake: Any, method: str, path: str, params: Mapping[str, list[str]],
                   headers: Mapping[str, str]) -> FakeReply | None:
        from ..text import fold_words

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
    from .parse import clean_text

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


HANDLER = Dblp()
