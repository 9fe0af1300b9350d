"""The registries beyond Crossref (OpenAlex, arXiv, PubMed, Open Library, Google Books), each end to end.

Contract: every recording under ../shared/fixtures/registries/ for these registries is
parsed by its handler, and the fake server, loaded with the recording, answers the
handler's own request with it. Where no recording exists (an ISBN Open Library or
Google Books does not know, an Open Library title search) the fake's answer is built
from the API's documentation, as said at each place.
"""

from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path

import pytest
from conftest import config_for

from litreview.cli import main
from litreview.config import Config
from litreview.registry.handlers import HANDLERS, by_name
from litreview.registry.handlers.arxiv import entries
from litreview.registry.http import Http, make_client
from litreview.registry.lookups import fetch_identifier
from litreview.testing.helpers import FAST_POLICY

SHARED = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "registries"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/fixtures/registries is not here")


def recorded(path: str) -> bytes:
    return (SHARED / path).read_bytes()


def lookup(fake, tmp_path, text: str, **kw):
    return fetch_identifier(text, config_for(fake, tmp_path, **kw), policy=FAST_POLICY, foreign_ok=True)


# -- contract: the recordings parse, and the fake serves them to the handler's own request -----------------

@needs_shared
@pytest.mark.parametrize(("name", "doi", "year", "authors"), [
    ("works-doi-journal-article-plos-one.json", "10.1371/journal.pone.0000030", 2006, "Ralser"),
    ("works-doi-book-chapter.json", "10.1007/978-3-662-46370-3_13", 2015, None),
    ("works-doi-many-authors.json", "10.3934/nhm.2009.4.249", 2009, None),
    ("works-doi-genomics-2025.json", "10.1016/j.xgen.2025.100814", 2025, None),
    ("works-doi-with-orcid-authorships.json", "10.1155/2012/291294", None, None),
])
def test_openalex_recordings(fake, tmp_path, name: str, doi: str, year: int | None, authors: str | None) -> None:
    body = json.loads(recorded(f"openalex/{name}"))
    record = by_name("openalex").parse("openalex", body)
    assert record.doi == doi and record.title and record.ids["openalex"].startswith("W")
    assert year is None or record.year == year
    assert authors is None or record.authors[0].family == authors
    assert record.updates == ()  # is_retracted is false in every recording
    fake.add_record("openalex", doi, body)
    config = config_for(fake, tmp_path)

    async def ask():
        async with make_client(5, "") as client:
            return await by_name("openalex").lookup(Http(client, policy=FAST_POLICY), config, f"doi:{doi}")

    answer = asyncio.run(ask())
    assert answer.outcome == "found" and answer.raw == body and answer.synthetic
    assert "api_key" not in answer.url and fake.requests[-1].path == f"/openalex/works/https://doi.org/{doi}"


@needs_shared
def test_openalex_unknown_doi_is_the_recorded_html_404(fake, tmp_path) -> None:
    meta = json.loads(recorded("openalex/works-doi-not-found-404.meta.json"))
    assert meta["status"]["code"] == 404 and b"<title>404 Not Found</title>" in recorded("openalex/works-doi-not-found-404.html")
    import httpx

    r = httpx.get(f"{fake.url}/openalex/works/https://doi.org/10.5555/nothing")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "<title>404 Not Found</title>" in r.text


@needs_shared
@pytest.mark.parametrize(("name", "count", "first_id", "title"), [
    ("query-id_list-1605.08386.xml", 1, "1605.08386", "Heat-bath random walks with Markov bases"),
    ("query-id_list-old-style-astro-ph.xml", 1, "astro-ph/0601001", None),
    ("query-id_list-versioned-2104.12255v1.xml", 1, "2104.12255", None),
    ("query-id_list-not-found-0000.0000.xml", 0, None, None),
    ("query-search_query-testing.xml", 10, None, None),
])
def test_arxiv_recordings(name: str, count: int, first_id: str | None, title: str | None) -> None:
    total, found = entries(recorded(f"arxiv/{name}"))
    assert total >= len(found)
    assert len(found) == count
    if first_id:
        record = by_name("arxiv").parse("arxiv", found[0])
        assert record.ids["arxiv"] == first_id and record.year and record.authors
        assert title is None or record.title == title


@needs_shared
def test_arxiv_records_the_published_doi_when_known() -> None:
    _, found = entries(recorded("arxiv/query-search_query-testing.xml"))
    dois = [by_name("arxiv").parse("arxiv", e).ids.get("published_doi") for e in found]
    assert "10.1109/icstw55395.2022.00035" in dois


@needs_shared
def test_arxiv_fake_answers_like_the_recordings(fake, tmp_path) -> None:
    import httpx

    fake.add_record("arxiv", "1605.08386", recorded("arxiv/query-id_list-1605.08386.xml").decode())
    record, asked = lookup(fake, tmp_path, "arxiv:1605.08386")
    assert record.title == "Heat-bath random walks with Markov bases" and asked[0].state == "found"
    # Unknown: an empty feed with HTTP 200; malformed: HTTP 400 with an Error entry (both as recorded).
    empty = httpx.get(f"{fake.url}/arxiv/api/query", params={"id_list": "0000.0000"})
    assert empty.status_code == 200 and entries(empty.content) == entries(recorded(
        "arxiv/query-id_list-not-found-0000.0000.xml"))
    bad = httpx.get(f"{fake.url}/arxiv/api/query", params={"id_list": "abc"})
    recorded_bad = entries(recorded("arxiv/query-id_list-bad-id-400.xml"))[1][0]
    assert bad.status_code == 400 and entries(bad.content)[1][0]["summary"] == recorded_bad["summary"]


@needs_shared
def test_pubmed_esummary_and_id_converter_recordings(fake, tmp_path) -> None:
    summary = json.loads(recorded("ncbi/esummary-pubmed-json-17375194.json"))
    item = summary["result"]["17375194"]
    record = by_name("ncbi").parse("pubmed", item)
    assert (record.doi, record.year, record.ids["pmcid"]) == ("10.1371/journal.pone.0000308", 2007, "PMC1817752")
    assert record.authors[0].family == "Piwowar" and record.updates == ()
    fake.add_record("ncbi", "pmid:17375194", item)
    idconv = json.loads(recorded("ncbi/idconv-v1.0-pmcid-input.json"))["records"][0]
    fake.add_record("ncbi", f"idconv:{idconv['pmcid'].lower()}", {**idconv, "pmid": "17375194"})
    got, asked = lookup(fake, tmp_path, f"pmcid:{idconv['pmcid']}")
    assert got.ids["pmid"] == "17375194" and [a.state for a in asked] == ["found"]
    assert {r.path for r in fake.requests} == {"/ncbi/pmc/utils/idconv/v1.0/", "/ncbi/entrez/eutils/esummary.fcgi"}
    # An unknown article id: the converter's record-level error, as recorded.
    invalid = json.loads(recorded("ncbi/idconv-v1.0-doi-invalid-article-id.json"))["records"][0]
    import httpx

    r = httpx.get(f"{fake.url}/ncbi/pmc/utils/idconv/v1.0/", params={"ids": "PMC0000001", "format": "json"})
    assert set(r.json()["records"][0]) == set(invalid) - {"doi"} | {"pmcid"}


@needs_shared
def test_open_library_and_google_books_recordings(fake, tmp_path) -> None:
    ol = json.loads(recorded("openlibrary/api-books-jscmd-data-ISBN-9780262033848.json"))
    record = by_name("openlibrary").parse("openlibrary", ol["ISBN:9780262033848"])
    assert (record.title, record.year, record.publisher) == ("Introduction to Algorithms", 2009, "The MIT Press")
    assert [p.family for p in record.authors] == ["Cormen", "Leiserson", "Rivest", "Stein"]
    fake.add_record("openlibrary", "ISBN:9780262033848", ol["ISBN:9780262033848"])
    got, _ = lookup(fake, tmp_path, "isbn:0-262-03384-4")  # the ISBN-10 of the same book
    assert got.title == "Introduction to Algorithms" and "9780262033848" in got.isbn
    for isbn, title, author in [("9780099560432", "Ready Player One", "Cline"), ("9780008117498", "Foundation", "Asimov"),
                                ("9780918024565", "Willard Gibbs", "Rukeyser")]:
        body = json.loads(recorded(f"googlebooks/volumes-q-isbn-{isbn}.json"))
        fake.add_record("googlebooks", f"isbn:{isbn}", body)
        got, asked = lookup(fake, tmp_path, f"isbn:{isbn}")
        # Open Library does not know it (its documented empty answer {}); Google Books, the second source, does.
        assert [a.state for a in asked] == ["not-found", "found"]
        assert (got.title, got.authors[0].family, got.agency) == (title, author, "googlebooks")


def test_every_handler_serves_its_routes_under_its_prefix(fake) -> None:
    for handler in HANDLERS:
        assert getattr(fake.configure(Config()), handler.setting) == fake.url + handler.fake_prefix


def test_every_other_fixture_record_is_labelled_synthetic() -> None:
    folder = Path(__file__).resolve().parents[1] / "litreview" / "testing" / "records" / "other"
    for path in folder.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["synthetic"] is True and "SYNTHETIC" in data["_comment"], path.name


# -- faults: a registry that does not answer never makes a work "unknown" -------------------------------

BOOK = """@book{vane2011imagined,
  author = {Vane, Hester}, title = {Imagined Balances of Power: Alliances in Synthetic History},
  publisher = {Synthetic University Press}, year = {2011}, isbn = {978-0-9999900-1-8},
}
@book{nobody2001book,
  author = {Nobody, Nemo}, title = {A Book Nobody Has}, publisher = {Nowhere}, year = {2001},
  isbn = {9780262033848},
}
@misc{fernhill2024world,
  author = {Fernhill, Theodora}, title = {World Culture and Imagined Military Power}, year = {2024},
  eprint = {2401.99999}, archiveprefix = {arXiv},
}
@article{quill2015synthetic,
  author = {Quill, A}, title = {A synthetic trial that was retracted}, journal = {Journal of synthetic medicine},
  year = {2015}, pmid = {99999901},
}
@article{nobody2020preprint,
  author = {Nobody, Nemo}, title = {A Preprint Nobody Has}, year = {2020}, eprint = {2001.00001},
}
"""


def fetch_states(fake, tmp_path, **kw):
    from litreview.bibliography.load import parse_bibliography
    from litreview.registry.fetch import fetch_all
    from litreview.testing.helpers import FAST_LIMITS

    config = kw.pop("config", None) or config_for(fake, tmp_path)
    report = fetch_all(parse_bibliography(BOOK, "refs.bib").sources, config, policy=FAST_POLICY, limits=FAST_LIMITS,
                       check_urls=False, discover=False, foreign_ok=True, **kw)
    return report, {k: (m.status, dict(m.registries)) for k, m in report.metadata.items()}


def test_every_registry_answers_end_to_end(fake, tmp_path) -> None:
    report, states = fetch_states(fake, tmp_path)
    assert states["vane2011imagined"] == ("verified", {"openlibrary": "found", "googlebooks": "not-found"})
    assert states["nobody2001book"] == ("not-found", {"openlibrary": "not-found", "googlebooks": "not-found"})
    # Semantic Scholar is the preprints' second source (it does not know these synthetic ones).
    assert states["fernhill2024world"] == ("verified", {"arxiv": "found", "semanticscholar": "not-found"})
    assert states["nobody2020preprint"] == ("not-found", {"arxiv": "not-found", "semanticscholar": "not-found"})
    assert states["quill2015synthetic"] == ("verified", {"ncbi": "found"})
    assert "no registry knows this work: asked Open Library (not found), Google Books (not found)" in \
        report.metadata["nobody2001book"].reason
    assert report.metadata["fernhill2024world"].record.ids["published_doi"] == "10.5555/lr.culture.2005"


@pytest.mark.parametrize(("registry", "match", "keys"), [
    ("openlibrary", "/openlibrary/", ("vane2011imagined", "nobody2001book")),
    ("googlebooks", "/googlebooks/", ("nobody2001book",)),
    ("arxiv", "/arxiv/", ("fernhill2024world", "nobody2020preprint")),
    ("ncbi", "/ncbi/", ("quill2015synthetic",)),
])
def test_a_failing_registry_leaves_its_works_unverified_never_unknown(fake, tmp_path, registry, match, keys) -> None:
    fake.inject(match, "503", times=50)
    report, states = fetch_states(fake, tmp_path)
    for key in keys:
        status, asked = states[key]
        if key == "vane2011imagined" and registry == "openlibrary":
            # Google Books does not know it either; with Open Library down there is no verdict.
            assert status == "unverified" and asked["openlibrary"] == "failed"
        elif key == "nobody2001book":
            assert status == "unverified" and asked[registry] == "failed"
        else:
            assert status == "unverified" and asked[registry] == "failed"
    assert all(s != "not-found" for k, (s, _) in states.items() if k in keys)
    assert report.errors  # the fetch says what failed, and exits 1 from the command line


@pytest.mark.parametrize("registry", ["openlibrary", "googlebooks", "arxiv", "ncbi"])
def test_an_unreachable_registry_is_reported_as_such(fake, tmp_path, registry) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    config = config_for(fake, tmp_path).with_overrides(**{by_name(registry).setting: dead})
    _, states = fetch_states(fake, tmp_path, config=config)
    for key, (status, asked) in states.items():
        if asked.get(registry) is not None and key != "vane2011imagined":
            assert asked[registry] == "unreachable" and status != "not-found", key


def test_openalex_over_budget_is_not_a_verdict(fake, tmp_path) -> None:
    from litreview.model import Source
    from litreview.registry.fetch import fetch_all

    fake.inject("/openalex/", "429", times=50, retry_after=86400)
    report = fetch_all([Source(key="f", type="article", doi="10.5555/lr.culture.2005")],
                       config_for(fake, tmp_path), policy=FAST_POLICY, check_urls=False, foreign_ok=True)
    meta = report.metadata["f"]
    assert meta.status == "verified" and dict(meta.registries) == {"crossref": "found", "openalex": "over-budget"}
    assert fake.count("/openalex/") == 1  # a day's wait is not waited for, and not asked again this run
    # said once, in words ("over-budget: OpenAlex answered 429: over budget (rate limited (429), ...)" before)
    (said,) = [e for e in report.errors if "OpenAlex" in e]
    assert said.count("429") == 1 and "over budget" not in said, said
    assert "OpenAlex answered 429 Too Many Requests: no more OpenAlex requests this run" in said, said


def test_openalex_429_without_retry_after_says_it_once(fake, tmp_path) -> None:
    from litreview.model import Source
    from litreview.registry.fetch import fetch_all

    fake.inject("/openalex/", "429", times=50)
    report = fetch_all([Source(key="f", type="article", doi="10.5555/lr.culture.2005")],
                       config_for(fake, tmp_path), policy=FAST_POLICY, check_urls=False, foreign_ok=True)
    (said,) = [e for e in report.errors if "OpenAlex" in e]
    # the retries' "(gave up after 2 attempts)" is not wrapped in a second pair of brackets
    assert said.endswith("no more OpenAlex requests this run (gave up after 2 attempts)"), said


# -- retraction evidence from several sources, and `add` by any identifier from the command line ----------

def test_retraction_evidence_cites_each_source(fake, tmp_path, monkeypatch, capsys) -> None:
    fake.add_record("openalex", "10.5555/lr.deterrence.2019", {
        "id": "https://openalex.org/W000000001", "doi": "https://doi.org/10.5555/lr.deterrence.2019",
        "title": "Deterrence Games in Synthetic Alliances", "publication_year": 2019, "is_retracted": True,
        "authorships": [], "ids": {"openalex": "https://openalex.org/W000000001"}})
    (tmp_path / "refs.bib").write_text("@article{q, author = {Quillfeather, Ada}, title = {Deterrence Games in "
                                       "Synthetic Alliances}, year = {2019}, doi = {10.5555/lr.deterrence.2019}}\n",
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)
    assert main(["fetch", "--bib", "refs.bib", "--metadata-dir", "m", "--no-urls"]) == 0
    capsys.readouterr()
    main(["check", "--bib", "refs.bib", "--metadata-dir", "m", "--essay", "", "--format", "json"])
    messages = [f["message"] for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "LR204"]
    assert any("retraction-watch" in m or "Retraction" in m for m in messages)
    assert any("OpenAlex" in m for m in messages), messages


@pytest.mark.parametrize(("ident", "key", "fields"), [
    ("isbn:978-0-9999900-1-8", "vane2011imagined", ["isbn      = {9780999990018}"]),
    ("arxiv:2401.99999", "fernhill2024world", ["eprint        = {2401.99999}", "archiveprefix = {arXiv}"]),
    ("pmcid:PMC9999901", "quill2015synthetic", ["pmid    = {99999901}"]),
])
def test_add_by_identifier_from_the_command_line(fake, tmp_path, monkeypatch, capsys, ident, key, fields) -> None:
    monkeypatch.chdir(tmp_path)
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)
    code = main(["add", "--bib", "refs.bib", "--metadata-dir", "m", "--force", ident])
    out, err = capsys.readouterr()
    assert code == 0, err
    text = (tmp_path / "refs.bib").read_text(encoding="utf-8")
    assert f"added {key}" in out and all(f in text for f in fields)
    if ident.startswith("arxiv:"):
        assert "published as DOI 10.5555/lr.culture.2005" in err and "litreview add 10.5555/lr.culture.2005" in err
    # the same identifier again is a duplicate, found without asking any registry
    before = fake.count()
    assert main(["add", "--bib", "refs.bib", "--metadata-dir", "m", ident]) == 1
    assert fake.count() == before and f"already in the bibliography as '{key}'" in capsys.readouterr().err


def test_add_of_a_preprint_whose_published_version_is_cited_names_its_key(fake, tmp_path, monkeypatch,
                                                                           capsys) -> None:
    """The published DOI is in the .bib already (as a link, in capitals): add names that entry rather than
    suggesting `litreview add` of a DOI it would refuse."""
    (tmp_path / "refs.bib").write_text("@article{fernhill2005world, author = {Fernhill, Ada}, title = {World "
                                       "Culture and Imagined Military Power}, year = {2005}, doi = "
                                       "{https://doi.org/10.5555/LR.CULTURE.2005}}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)
    assert main(["add", "--bib", "refs.bib", "--metadata-dir", "m", "arxiv:2401.99999"]) == 0
    err = capsys.readouterr().err
    assert "published as DOI 10.5555/lr.culture.2005" in err
    assert "the bibliography has it as 'fernhill2005world'" in err and "litreview add 10.5555" not in err


def test_the_readme_demo_verifies_a_book_a_preprint_and_a_pubmed_paper(fake, tmp_path, monkeypatch, capsys) -> None:
    """The README's online demo, second bibliography: what a user sees from the command line."""
    case = Path(__file__).resolve().parent / "cases" / "registry_demo_books" / "refs.bib"
    (tmp_path / "refs.bib").write_text(case.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("LITREVIEW_METADATA_DIR", str(tmp_path / "m"))
    assert main(["fetch", "--bib", "refs.bib", "--essay", "", "--no-urls", "--format", "json"]) == 0
    got = {s["key"]: s for s in json.loads(capsys.readouterr().out)["sources"]}
    assert {k: s["status"] for k, s in got.items()} == {
        "vane2011imagined": "verified", "brooke1977synthetic": "verified", "fernhill2024world": "verified",
        "quill2015synthetic": "verified", "nobody2001book": "not-found"}
    # The book without an ISBN was found by title and author; the preprint names its published DOI.
    # Open Library found it, so OpenAlex's budgeted search was not spent on it.
    assert got["brooke1977synthetic"]["registries"] == [{"registry": "Open Library", "state": "found"},
                                                        {"registry": "OpenAlex", "state": "not-asked"}]
    assert "Open Library /works/" in got["brooke1977synthetic"]["reason"]
    assert "by title search (same title, year 1977, Brooke among the authors)" in got["brooke1977synthetic"]["reason"]
    assert got["fernhill2024world"]["record"]["agency"] == "arxiv"
    assert [u["source"] for u in got["quill2015synthetic"]["record"]["updates"]] == ["PubMed"]
    main(["check", "--bib", "refs.bib", "--essay", "", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    by_code = {(f["code"], f["key"]) for f in findings}
    assert ("LR204", "quill2015synthetic") in by_code and ("LR200", "nobody2001book") in by_code
    assert not {k for c, k in by_code if c in ("LR200", "LR209")} - {"nobody2001book"}


# -- DBLP (the trial addition of one registry: one module, one line in handlers.py, one route) -------------

@needs_shared
def test_dblp_recording_and_a_paper_found_by_title(fake, tmp_path) -> None:
    from litreview.bibliography.load import parse_bibliography
    from litreview.registry.fetch import fetch_all

    body = json.loads(recorded("dblp/search-publ-api-json-h1.json"))
    info = body["result"]["hits"]["hit"][0]["info"]
    record = by_name("dblp").parse("dblp", info)
    assert record.title == "Attentional Transfer is All You Need: Technology-aware Layout Pattern Generation"
    assert [p.family for p in record.authors] == ["Zhang", "Yang", "Young"] and record.year == 2021
    assert (record.type, record.ids["dblp"], record.doi) == ("proceedings-article", "conf/dac/ZhangYY21",
                                                             "10.1109/dac18074.2021.9586227")
    fake.add_record("dblp", info["key"], info)
    bib = parse_bibliography("""@inproceedings{zhang2021attentional,
  author = {Zhang, Xiaopeng and Yang, Haoyu}, booktitle = {DAC}, year = {2021},
  title = {Attentional Transfer is All You Need: Technology-aware Layout Pattern Generation},
}
@inproceedings{nobody2021unknown,
  author = {Nobody, Nemo}, booktitle = {DAC}, year = {2021}, title = {A Paper DBLP Does Not Have},
}
""", "refs.bib")
    report = fetch_all(bib.sources, config_for(fake, tmp_path), policy=FAST_POLICY, check_urls=False,
                       discover=False, foreign_ok=True)
    found, missed = report.metadata["zhang2021attentional"], report.metadata["nobody2021unknown"]
    assert found.status == "verified" and found.record.agency == "dblp"
    # The entry left out the third author and the pages: DBLP's record says so.
    assert {(m.field, m.kind) for m in found.mismatches} == {("authors", "count"), ("pages", "missing")}
    # DBLP found it: OpenAlex's budgeted search is not spent; Semantic Scholar (no daily budget) is asked too.
    assert dict(found.registries) == {"dblp": "found", "openalex": "not-asked", "semanticscholar": "not-found"}
    assert "DBLP conf/dac/ZhangYY21 by title search (same title, year 2021, Zhang among the authors)" in found.reason
    # A search that misses proves nothing: no verdict that the work does not exist.
    assert missed.status == "no-doi" and ("asked DBLP (not found), OpenAlex (not found), Semantic Scholar "
                                          "(not found): no match by title and author") in missed.reason
    query = next(r for r in fake.requests if r.path == "/dblp/search/publ/api").query
    assert "format=json" in query and "h=5" in query
