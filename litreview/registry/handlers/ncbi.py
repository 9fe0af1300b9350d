"""NCBI E-utilities (PubMed ``esummary``) and the PMC ID converter: the handler.

A PMID is looked up with ``esummary.fcgi?db=pubmed&retmode=json``; a PMCID (or a
DOI, to find its PMID) first goes through the ID converter. PubMed's publication
type "Retracted Publication" is retraction evidence; "Expression of Concern" (in the
notices' own records) likewise. NCBI allows 3 requests/s without an API key, 10 with.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from ...model import Person, RegistryRecord, Update
from ..handler import Answer, FakeReply, Handler, PoolSpec, answer, json_reply, same_origin
from ..limits import Limits

if TYPE_CHECKING:
    from ..http import Http

IDCONV_REAL = "https://www.ncbi.nlm.nih.gov/pmc/utils/idconv/v1.0/"
TOOL = "litreview"


class Ncbi(Handler):
    name = "ncbi"
    label = "PubMed"
    default_url = "https://eutils.ncbi.nlm.nih.gov"
    url_doc = "NCBI E-utilities base URL (the PMC ID converter is asked beside it)."
    key_doc = "NCBI API key (10 requests/s instead of 3)."
    rank = 60
    routes = (("pmid", 10), ("pmcid", 10))
    pools = (PoolSpec("ncbi", Limits(3, 1, 1), Limits(3, 1, 1), counted=False),)
    formats = ("pubmed",)
    schemes = ("pmid", "pmcid")
    fake_prefix = "/ncbi"

    def idconv_url(self, config: Any) -> str:
        """The ID converter beside E-utilities (on the real site it lives on www.ncbi.nlm.nih.gov)."""
        base = self.base_url(config)
        return IDCONV_REAL if same_origin(base, self.default_url) else f"{base}/pmc/utils/idconv/v1.0/"

    def _params(self, config: Any, **more: str) -> str:
        params = {**more, "tool": TOOL}
        if getattr(config, "mailto", ""):
            params["email"] = config.mailto
        return urlencode(params)

    async def convert(self, http: Http, config: Any, ident: str) -> dict[str, str]:
        """The ID converter's record for a PMCID, PMID or DOI ({} when it knows none)."""
        from ..http import FetchFailed

        value = ident.split(":", 1)[1]
        url = f"{self.idconv_url(config)}?{self._params(config, ids=value, format='json')}"
        resp = await http.get(url, pool="ncbi")
        data = resp.data if isinstance(resp.data, Mapping) else {}
        if resp.status != 200 or data.get("status") != "ok":
            raise FetchFailed(f"PMC ID converter answered {resp.status}: {data.get('message', '')}",
                              status=resp.status, url=url)
        records = [r for r in data.get("records") or () if isinstance(r, Mapping)]
        if not records or records[0].get("status") == "error":
            return {}
        return {k: str(v) for k, v in records[0].items() if k in ("pmid", "pmcid", "doi")}

    async def lookup(self, http: Http, config: Any, ident: str) -> Answer:
        from ..http import FetchFailed

        scheme, value = ident.split(":", 1)
        base = self.base_url(config)
        pmid = value if scheme == "pmid" else ""
        if not pmid:
            ids = await self.convert(http, config, ident)
            pmid = ids.get("pmid", "")
            if not pmid:
                url = self.idconv_url(config)
                return Answer(self.name, ident, "not-found", None, url, base, 200)
        key = self.api_key(config)
        query = self._params(config, db="pubmed", id=pmid, retmode="json", **({"api_key": key} if key else {}))
        url = f"{base}/entrez/eutils/esummary.fcgi?{query}"
        stored = f"{base}/entrez/eutils/esummary.fcgi?db=pubmed&id={pmid}&retmode=json"
        resp = await http.get(url, pool="ncbi")
        result = resp.data.get("result") if isinstance(resp.data, Mapping) else None
        if resp.status != 200 or not isinstance(result, Mapping):
            raise FetchFailed(f"E-utilities answered {resp.status} without a result", status=resp.status,
                              url=stored)
        item = result.get(pmid)
        if not isinstance(item, Mapping) or item.get("error"):
            return answer(self, ident, None, stored, base, resp)
        return answer(self, ident, item, stored, base, resp)

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        return parse_esummary(raw)

    def fake_reply(self, fake: Any, method: str, path: str, params: Mapping[str, list[str]],
                   headers: Mapping[str, str]) -> FakeReply | None:
        data = fake.registry_data.get(self.name, {})
        if path == "/entrez/eutils/esummary.fcgi":
            ids = (params.get("id") or [""])[0]
            if not ids:
                return FakeReply(200, b'{"header":{"type":"esummary","version":"0.3"},"esummaryresult":'
                                      b'["Empty id list - nothing todo"]}', "application/json; charset=UTF-8")
            result: dict[str, Any] = {"uids": []}
            for uid in ids.split(","):
                if f"pmid:{uid}" in data:
                    result["uids"].append(uid)
                    result[uid] = data[f"pmid:{uid}"]
                else:  # as E-utilities answers an id it does not have
                    result["uids"].append(uid)
                    result[uid] = {"uid": uid, "error": "cannot get document summary"}
            return json_reply({"header": {"type": "esummary", "version": "0.3"}, "result": result},
                              ctype="application/json; charset=UTF-8")
        if path == "/pmc/utils/idconv/v1.0/":
            ids = (params.get("ids") or [""])[0]
            records = []
            for one in ids.split(","):
                found = data.get(f"idconv:{one.lower()}")
                records.append(found or {"doi" if one.startswith("10.") else "pmcid": one, "live": "false",
                                         "status": "error", "errmsg": "invalid article id"})
            return json_reply({"status": "ok", "responseDate": "2026-01-01 00:00:00",
                               "request": f"ids={ids};format=json", "records": records})
        return None


def parse_esummary(item: Mapping[str, Any]) -> RegistryRecord:
    """One PubMed esummary (JSON v0.3) document."""
    from ..parse import clean_text

    authors = []
    for a in item.get("authors") or ():
        name = str(a.get("name") or "") if isinstance(a, Mapping) else ""
        if name and (not isinstance(a, Mapping) or a.get("authtype", "Author") == "Author"):
            family, _, initials = name.rpartition(" ")
            authors.append(Person(family=family or name, given=initials if family else ""))
    ids = {str(a.get("idtype")): str(a.get("value")) for a in item.get("articleids") or ()
           if isinstance(a, Mapping)}
    pubtypes = [str(t) for t in item.get("pubtype") or ()]
    updates = []
    if "Retracted Publication" in pubtypes:
        updates.append(Update("retraction", "", label="Retracted Publication", source="PubMed"))
    if "Expression of Concern" in pubtypes or "Published Erratum" in pubtypes:
        kind = "expression_of_concern" if "Expression of Concern" in pubtypes else "correction"
        updates.append(Update(kind, "", label=kind.replace("_", " ").capitalize(), source="PubMed",
                              direction="update-to"))
    year = str(item.get("pubdate") or item.get("sortpubdate") or "")[:4]
    return RegistryRecord(
        doi=ids.get("doi", "").lower(), agency="ncbi",
        type="book" if item.get("doctype") == "book" else "journal-article",
        title=clean_text(item.get("title")).rstrip("."), authors=tuple(authors),
        year=int(year) if year.isdigit() else None,
        container=clean_text(item.get("fulljournalname") or item.get("source")),
        volume=clean_text(item.get("volume")), issue=clean_text(item.get("issue")),
        pages=clean_text(item.get("pages")), updates=tuple(updates),
        ids={k: v for k, v in (("pmid", str(item.get("uid") or "")), ("pmcid", ids.get("pmc", ""))) if v},
        raw=dict(item),
    )


HANDLER = Ncbi()
