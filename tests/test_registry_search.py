"""Title searches (OpenAlex, Semantic Scholar, DBLP), Semantic Scholar lookups, DBLP keys and OpenAlex ids.

Contract: the recorded OpenAlex ``filter=title.search`` lists and Semantic Scholar
answers under ../shared/fixtures/registries/ are parsed by their handlers and served by
the fake to the handler's own request. Where no recording exists (an OpenAlex 429 body,
a Semantic Scholar 429, a DBLP ``/rec/KEY.xml`` record) the fake's answer is built from
the API's documentation, as said at each place.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from conftest import config_for

from litreview.bibliography.load import parse_bibliography
from litreview.cli import main
from litreview.config import Config
from litreview.model import Person, RegistryRecord
from litreview.registry.fetch import fetch_all
from litreview.registry.handlers import by_name
from litreview.registry.http import Http, make_client
from litreview.registry.matching import Query, best_match, parse_query, query_ident, title_match
from litreview.testing.helpers import FAST_LIMITS, FAST_POLICY

SHARED = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "registries"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/fixtures/registries is not here")


def recorded(path: str):
    return json.loads((SHARED / path).read_bytes())


def ask(handler: str, config: Config, ident: str, hooks=None):
    async def run():
        async with make_client(5, "") as client:
            if hooks:
                client.event_hooks["request"] = hooks
            http = Http(client, policy=FAST_POLICY)
            return await by_name(handler).lookup(http, config, ident), http

    return asyncio.run(run())


def fetch(fake, tmp_path, bib: str, **kw):
    config = kw.pop("config", None) or config_for(fake, tmp_path)
    return fetch_all(parse_bibliography(bib, "refs.bib").sources, config, policy=FAST_POLICY, limits=FAST_LIMITS,
                     check_urls=False, discover=False, foreign_ok=True, **kw)


def rec(title: str, families: list[str], year: int | None, subtitle: str = "") -> RegistryRecord:
    return RegistryRecord(doi="", agency="x", title=title, subtitle=subtitle, year=year,
                          authors=tuple(Person(family=f) for f in families))


# -- the match rule -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "record", "how"), [
    (Query("Taming the Sovereigns", "Holsti", 2004), rec("Taming the sovereigns", ["Holsti"], 2004), "same title"),
    # accents, case and punctuation are folded by litreview.text
    (Query("Power, Violence, and Nuclear Weapons", "Harrington", 2016),
     rec("Power violence and nuclear weapons", ["Harrington"], 2017), "same title"),
    (Query("The Anarchical Society: A Study of Order in World Politics", "Bull", 2012),
     rec("The Anarchical Society", ["Bull"], 2012, subtitle="A Study of Order in World Politics"), "same title"),
    # a main title of four words or more stands for the title with its subtitle
    (Query("Hugo Grotius on the Law of War and Peace: Student Edition", "Grotius", 2012),
     rec("Hugo Grotius on the Law of War and Peace", ["Neff", "Grotius"], 2012), "same main title"),
    (Query("Taming the Sovereigns", "Holsti", 2004), rec("Taming the Sovereigns", ["Holsti"], 2006), None),
    (Query("Taming the Sovereigns", "Holsti", 2004), rec("Taming the Sovereigns", ["Holsten"], 2004), None),
    (Query("Taming the Sovereigns", "Holsti", 2004), rec("Taming the Sovereigns", [], 2004), None),
    (Query("Taming the Sovereigns", "Holsti", 2004), rec("Taming the Sovereigns", ["Holsti"], None), None),
    # a short main title is not enough ("Power" is not "Power and Interdependence")
    (Query("Power: A Radical View", "Lukes", 2005), rec("Power", ["Lukes"], 2005), None),
    (Query("Power and Interdependence", "Keohane", 2012), rec("Power", ["Keohane"], 2012), None),
])
def test_title_match_rule(query: Query, record: RegistryRecord, how: str | None) -> None:
    match = title_match(query, record)
    assert (match.title if match else None) == how


def test_search_question_round_trips_and_keeps_bars_out() -> None:
    ident = query_ident("title", "A | B:  C", "Holsti", 2004)
    assert ident == "title:A B: C|Holsti|2004"
    assert parse_query(ident) == Query("A B: C", "Holsti", 2004)
    assert parse_query("title:Old form|Holsti") == Query("Old form", "Holsti", None)


@needs_shared
def test_recorded_openalex_search_picks_the_exact_title_not_the_look_alike() -> None:
    body = recorded("openalex/works-filter-title-search-2.json")
    parse = by_name("openalex").parse
    hits = [(w["id"], parse("openalex", w)) for w in body["results"]]
    # Two works: "Augmenting large language models with chemistry tools" (2024) and
    # "ChemCrow: Augmenting large-language models with chemistry tools" (2023).
    got = best_match(Query("Augmenting large language models with chemistry tools", "Bran", 2024), hits)
    assert got is not None and got[0] == "https://openalex.org/W4396723768"
    assert got[1].evidence() == "same title, year 2024, Bran among the authors"
    assert best_match(Query("ChemCrow", "Bran", 2023), hits) is None
    assert best_match(Query("Augmenting large language models with chemistry tools", "Bran", 2019), hits) is None
    assert best_match(Query("Augmenting large language models with chemistry tools", "Smith", 2024), hits) is None


# -- OpenAlex title search end to end -------------------------------------------------------------------------

REPORT = """@techreport{bran2024augmenting,
  author = {Bran, Andres M. and Cox, Sam}, title = {Augmenting Large Language Models with Chemistry Tools},
  institution = {Somewhere}, year = {2024},
}
"""


@needs_shared
def test_openalex_search_verifies_a_work_without_doi_with_evidence(fake, tmp_path) -> None:
    for work in recorded("openalex/works-filter-title-search-2.json")["results"]:
        fake.add_record("openalex", work["doi"].removeprefix("https://doi.org/").lower(), work)
    config = config_for(fake, tmp_path, openalex_api_key="secret-key")
    report = fetch(fake, tmp_path, REPORT, config=config)
    meta = report.metadata["bran2024augmenting"]
    assert meta.status == "verified" and dict(meta.registries) == {"openalex": "found"}
    assert meta.record.ids["openalex"] == "W4396723768"
    assert ("OpenAlex W4396723768 by title search (same title, year 2024, Bran among the authors)"
            in meta.reason)
    seen = next(r for r in fake.requests if r.path == "/openalex/works")
    assert "filter=title.search" in seen.query and "api_key=secret-key" in seen.query
    # The key is sent, never stored.
    stored = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "metadata").rglob("*.json"))
    assert "secret-key" not in stored and "W4396723768" in stored


def test_openalex_keyless_searches_stop_at_a_days_allowance(fake, tmp_path, monkeypatch) -> None:
    from litreview.registry.handlers import openalex

    monkeypatch.setattr(openalex, "KEYLESS_SEARCHES", 2)
    bib = "".join(f"@techreport{{r{i}, author = {{Vane, Hester}}, title = {{Report number {i} on nothing}}, "
                  f"year = {{2020}}, institution = {{X}}}}\n" for i in range(4))
    report = fetch(fake, tmp_path, bib)
    states = sorted(dict(m.registries)["openalex"] for m in report.metadata.values())
    assert states == ["not-found", "not-found", "over-budget", "over-budget"]
    assert fake.count("/openalex/works") == 2
    assert all(m.status == "no-doi" for m in report.metadata.values())  # a search never says "no such work"
    assert any("allowance; set openalex_api_key" in e for e in report.errors)


def test_openalex_budget_headers_stop_searches_before_the_429(fake, tmp_path) -> None:
    config = config_for(fake, tmp_path)
    _, http = ask("openalex", config, "doi:10.5555/none")  # the fake's budget headers: $0.0999 left
    assert http.registry_state["openalex"]["remaining_usd"] == pytest.approx(0.0999)
    http.registry_state["openalex"]["remaining_usd"] = 0.0005  # less than one search ($0.001)

    async def again():
        async with make_client(5, "") as client:
            h = Http(client, policy=FAST_POLICY)
            h.registry_state = http.registry_state
            return await by_name("openalex").lookup(h, config, "work-title:Anything|Vane|2020")

    from litreview.registry.handler import OverBudget

    before = fake.count("/openalex/")
    with pytest.raises(OverBudget, match="less than one search"):
        asyncio.run(again())
    assert fake.count("/openalex/") == before


@pytest.mark.parametrize(("fault", "state"), [("429", "over-budget"), ("503", "failed"), ("truncated", "failed"),
                                              ("timeout", "failed"), ("html", "failed")])
def test_openalex_search_faults_are_never_a_verdict(fake, tmp_path, fault: str, state: str) -> None:
    # The 429 carries Retry-After: 3600 (longer than a run waits); no OpenAlex 429 body was ever
    # recorded, so the fake's is its generic page.
    fake.inject("/openalex/works", fault, times=50, retry_after=3600 if fault == "429" else None, delay=1.0)
    config = config_for(fake, tmp_path, timeout=0.3)
    report = fetch(fake, tmp_path, REPORT, config=config)
    meta = report.metadata["bran2024augmenting"]
    assert dict(meta.registries) == {"openalex": state} and meta.status == "no-doi"
    assert report.errors


# -- Semantic Scholar -----------------------------------------------------------------------------------------

@needs_shared
def test_semantic_scholar_recordings_parse_and_are_served(fake, tmp_path) -> None:
    paper = recorded("semanticscholar/paper-doi-full-fields.json")
    record = by_name("semanticscholar").parse("semanticscholar", paper)
    assert (record.doi, record.year, record.container) == ("10.1038/s42256-024-00832-8", 2023,
                                                           "Nature Machine Intelligence")
    assert record.ids["arxiv"] == "2304.05376" and record.ids["pmcid"] == "PMC11116106"
    assert record.ids["dblp"] == "journals/natmi/BranCSBWS24" and record.pages == "525-535"
    assert record.authors[0].family == "Bran" and record.type == "journal-article"
    fake.add_record("semanticscholar", "ARXIV:2304.05376", paper)
    seen: list = []

    async def hook(request):
        seen.append(request.headers.get("x-api-key"))

    answer, _ = ask("semanticscholar", config_for(fake, tmp_path, semanticscholar_api_key="s2-key"),
                    "arxiv:2304.05376v2", hooks=[hook])
    assert answer.outcome == "found" and answer.raw == paper and seen == ["s2-key"]
    assert "s2-key" not in answer.url and "/graph/v1/paper/ARXIV:2304.05376?" in answer.url
    # Unknown: a JSON 404 shaped as recorded; an unknown field: the recorded 400.
    missing, _ = ask("semanticscholar", config_for(fake, tmp_path), "arxiv:0000.00000")
    assert missing.outcome == "not-found"
    import httpx

    r = httpx.get(f"{fake.url}/semanticscholar/graph/v1/paper/DOI:10.1101/2024.04.01.587366",
                  params={"fields": "title"})
    assert r.status_code == 404 and r.json().keys() == recorded("semanticscholar/paper-doi-not-found-404.json").keys()
    bad = httpx.get(f"{fake.url}/semanticscholar/graph/v1/paper/DOI:10.1/x", params={"fields": "unknown"})
    assert bad.status_code == 400 and bad.json() == recorded("semanticscholar/paper-bad-fields-400.json")


@needs_shared
def test_semantic_scholar_title_search_and_the_match_endpoint(fake, tmp_path) -> None:
    paper = recorded("semanticscholar/search-match-title.json")["data"][0]
    fake.add_record("semanticscholar", "ARXIV:2312.07559", {k: v for k, v in paper.items() if k != "matchScore"})
    ident = query_ident("paper-title", paper["title"], "Lála", 2023)
    answer, _ = ask("semanticscholar", config_for(fake, tmp_path), ident)
    assert answer.outcome == "found" and answer.raw["paperId"] == paper["paperId"]
    wrong_year, _ = ask("semanticscholar", config_for(fake, tmp_path), query_ident("paper-title", paper["title"],
                                                                                  "Lála", 2015))
    assert wrong_year.outcome == "not-found"
    import httpx

    r = httpx.get(f"{fake.url}/semanticscholar/graph/v1/paper/search/match", params={"query": "askldjrq3rjaw938h"})
    assert r.status_code == 404 and r.json() == recorded("semanticscholar/search-match-not-found-404.json")
    listing = recorded("semanticscholar/paper-search-relevance.json")
    r = httpx.get(f"{fake.url}/semanticscholar/graph/v1/paper/search", params={"query": "PaperQA"})
    assert {"total", "offset", "data"} <= r.json().keys() <= listing.keys()


PREPRINT = """@misc{fernhill2024world,
  author = {Fernhill, Theodora}, title = {World Culture and Imagined Military Power}, year = {2024},
  eprint = {2401.99999}, archiveprefix = {arXiv},
}
"""


@pytest.mark.parametrize(("fault", "state"), [("429", "over-budget"), ("503", "failed"), ("truncated", "failed")])
def test_semantic_scholar_faults_leave_the_preprint_verified_by_arxiv(fake, tmp_path, fault, state) -> None:
    # No Semantic Scholar 429 was ever recorded with its headers; the fake's carries Retry-After.
    # The paper is known (a synthetic one, in the recorded shape), so a truncated answer is a 200 cut short.
    fake.add_record("semanticscholar", "ARXIV:2401.99999", {
        "paperId": "0" * 40, "title": "World Culture and Imagined Military Power", "year": 2024,
        "authors": [{"authorId": "1", "name": "Theodora Fernhill"}], "externalIds": {"ArXiv": "2401.99999"}})
    fake.inject("/semanticscholar/", fault, times=50, retry_after=3600 if fault == "429" else None)
    meta = fetch(fake, tmp_path, PREPRINT).metadata["fernhill2024world"]
    assert meta.status == "verified" and dict(meta.registries) == {"arxiv": "found", "semanticscholar": state}


def test_an_unknown_preprint_needs_both_registries_to_say_so(fake, tmp_path) -> None:
    bib = PREPRINT.replace("2401.99999", "2001.00001")
    assert fetch(fake, tmp_path, bib).metadata["fernhill2024world"].status == "not-found"
    fake.inject("/semanticscholar/", "429", times=50, retry_after=3600)
    meta = fetch(fake, tmp_path / "again", bib).metadata["fernhill2024world"]
    assert meta.status == "unverified" and dict(meta.registries)["semanticscholar"] == "over-budget"


# -- DBLP keys and OpenAlex ids in entries ----------------------------------------------------------------------

@needs_shared
def test_dblp_key_in_biburl_is_looked_up_and_an_unknown_key_is_a_verdict(fake, tmp_path) -> None:
    info = recorded("dblp/search-publ-api-json-h1.json")["result"]["hits"]["hit"][0]["info"]
    fake.add_record("dblp", info["key"], info)
    bib = f"""@inproceedings{{zhang2021,
  author = {{Zhang, Xiaopeng}}, title = {{{info['title'].rstrip('.')}}}, year = {{2021}}, booktitle = {{DAC}},
  biburl = {{https://dblp.org/rec/{info['key']}.bib}},
}}
@inproceedings{{ghost2021,
  author = {{Ghost, A}}, title = {{A Paper}}, year = {{2021}}, note = {{dblp: https://dblp.org/rec/conf/dac/Ghost21}},
}}
"""
    report = fetch(fake, tmp_path, bib)
    found, ghost = report.metadata["zhang2021"], report.metadata["ghost2021"]
    assert found.status == "verified" and dict(found.registries) == {"dblp": "found"}
    assert found.record.doi == "10.1109/dac18074.2021.9586227" and found.record.ids["dblp"] == info["key"]
    assert any(r.path == f"/dblp/rec/{info['key']}.xml" for r in fake.requests)
    # An identifier DBLP answers 404 for: every registry that should know it said no.
    assert ghost.status == "not-found" and "no registry knows this work: asked DBLP (not found)" in ghost.reason


def test_dblp_record_xml_round_trip() -> None:
    from litreview.registry.handlers.dblp import record_info, record_xml

    info = {"authors": {"author": [{"@pid": "1", "text": "Ada Lovelace 0001"}]}, "title": "On Engines & Notes.",
            "venue": "J. Eng.", "volume": "3", "pages": "1-9", "year": "1843", "type": "Journal Articles",
            "key": "journals/je/Lovelace43", "doi": "10.5555/x"}
    back = record_info(record_xml(info))
    assert back is not None and {k: back[k] for k in info} == info
    assert record_info(b"<html>not a record</html>") is None and record_info(b"<dblp><x/></dblp>") is None
    assert record_info(b'<!DOCTYPE dblp [<!ENTITY a "b">]><dblp/>') is None


@needs_shared
def test_add_by_dblp_key_and_by_openalex_id(fake, tmp_path, monkeypatch, capsys) -> None:
    info = recorded("dblp/search-publ-api-json-h1.json")["result"]["hits"]["hit"][0]["info"]
    fake.add_record("dblp", info["key"], info)
    work = recorded("openalex/works-doi-journal-article-plos-one.json")
    fake.add_record("openalex", work["id"].rsplit("/", 1)[1].lower(), work)
    monkeypatch.chdir(tmp_path)
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)
    assert main(["add", "--bib", "refs.bib", "--metadata-dir", "m", f"dblp:{info['key']}"]) == 0
    text = (tmp_path / "refs.bib").read_text(encoding="utf-8")
    assert f"dblp          = {{{info['key']}}}" in text or f"dblp = {{{info['key']}}}" in " ".join(text.split())
    wid = work["id"].rsplit("/", 1)[1]
    code = main(["add", "--bib", "refs.bib", "--metadata-dir", "m", f"openalex:{wid}"])
    assert code == 0, capsys.readouterr().err
    assert wid in (tmp_path / "refs.bib").read_text(encoding="utf-8")
    capsys.readouterr()
    before = fake.count()
    assert main(["add", "--bib", "refs.bib", "--metadata-dir", "m", f"openalex:{wid.lower()}"]) == 1
    assert fake.count() == before and "already in the bibliography" in capsys.readouterr().err


def test_openalex_id_in_url_is_looked_up(fake, tmp_path) -> None:
    fake.add_record("openalex", "w000000007", {"id": "https://openalex.org/W000000007", "title": "Synthetic Work",
                                               "publication_year": 2020, "authorships": [
                                                   {"author": {"display_name": "Hester Vane"}}]})
    bib = "@misc{v, author = {Vane, Hester}, title = {Synthetic Work}, year = {2020}, " \
          "url = {https://openalex.org/W000000007}}\n"
    meta = fetch(fake, tmp_path, bib).metadata["v"]
    assert meta.status == "verified" and dict(meta.registries) == {"openalex": "found"}


# -- per-registry status in the metadata table and on the site ------------------------------------------------

def test_each_registry_state_is_shown_in_the_table_and_on_the_source_page(fake, tmp_path, monkeypatch,
                                                                            capsys) -> None:
    from litreview.render.source_page import _status_items

    fake.inject("/semanticscholar/", "429", times=50, retry_after=3600)
    report = fetch(fake, tmp_path, PREPRINT + REPORT)
    html = _status_items(parse_bibliography(PREPRINT, "refs.bib").sources[0], report.metadata["fernhill2024world"])
    assert '<li class="lr-registries">Registries asked: arXiv: answered; Semantic Scholar: over budget.</li>' in html
    assert "OpenAlex: not found" in _status_items(parse_bibliography(REPORT, "refs.bib").sources[0],
                                                  report.metadata["bran2024augmenting"])
    (tmp_path / "refs.bib").write_text(PREPRINT + REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "120")  # one record per source: each value on lines of its own
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)
    assert main(["metadata", "--bib", "refs.bib", "--metadata-dir", "metadata", "--essay", ""]) == 0
    out = capsys.readouterr().out
    assert "registries" in out and "arXiv: answered" in out and "OpenAlex: not found" in out
    # Semantic Scholar's over-budget answer was not stored: from the snapshot alone it was not asked.
    assert "Semantic Scholar: not asked" in out


def test_openalex_search_is_not_spent_on_a_book_open_library_found(fake, tmp_path) -> None:
    fake.add_record("openlibrary", "search:/works/OL1W", {
        "key": "/works/OL1W", "title": "Taming the Sovereigns", "author_name": ["K. J. Holsti"],
        "first_publish_year": 2004, "publish_year": [2004]})  # synthetic, in the documented search.json shape
    bib = """@book{holsti2004taming, author = {Holsti, K. J.}, title = {Taming the Sovereigns}, year = {2004},
  publisher = {Cambridge University Press}}
@book{vane2011lost, author = {Vane, Hester}, title = {A Book Open Library Lacks}, year = {2011}, publisher = {X}}
"""
    report = fetch(fake, tmp_path, bib)
    found, lost = report.metadata["holsti2004taming"], report.metadata["vane2011lost"]
    assert found.status == "verified" and dict(found.registries) == {"openlibrary": "found", "openalex": "not-asked"}
    assert dict(lost.registries) == {"openlibrary": "not-found", "openalex": "not-found"}
    assert fake.count("/openalex/works") == 1  # only the book Open Library does not know
    fake.reset()
    again = fetch(fake, tmp_path, bib)
    assert fake.count() == 0 and again.requests == 0
    assert dict(again.metadata["holsti2004taming"].registries)["openalex"] == "not-asked"


def test_a_work_found_by_title_search_carries_openalex_retraction_evidence(fake, tmp_path) -> None:
    from litreview.registry.report import notices_markdown

    # Synthetic work in the recorded OpenAlex shape; is_retracted as OpenAlex documents it.
    fake.add_record("openalex", "w000000009", {
        "id": "https://openalex.org/W000000009", "title": "Deterrence Games in Synthetic Alliances",
        "publication_year": 2019, "is_retracted": True, "type": "report",
        "authorships": [{"author": {"display_name": "Ada Quillfeather"}}]})
    bib = ("@techreport{q, author = {Quillfeather, Ada}, title = {Deterrence Games in Synthetic Alliances}, "
           "year = {2019}, institution = {X}}\n")
    meta = fetch(fake, tmp_path, bib).metadata["q"]
    assert meta.status == "verified" and [u.source for u in meta.record.updates] == ["OpenAlex (is_retracted)"]
    assert "retraction (OpenAlex (is_retracted))" in notices_markdown(["q"], {"q": meta})
