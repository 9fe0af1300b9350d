"""Contract: litreview parses every real recorded registry response in ../shared/fixtures/crossref/.

Expected values are read off the fixture files by hand (see SOURCES.md there). The
recorded status lines and headers are replayed through httpx.MockTransport, so the
HTTP layer meets the real content types, 404 bodies and rate-limit headers.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from litreview.model import Person, Source, Update
from litreview.registry.discover import candidates_from, suggest
from litreview.registry.http import FetchFailed, Http
from litreview.registry.limits import parse_limits
from litreview.registry.parse import parse_crossref, parse_csl, parse_datacite
from litreview.registry.resolvers import (
    AgencyLookup,
    ContentNegotiationResolver,
    CrossrefResolver,
    Endpoints,
    parse_agency,
    parse_ra,
)
from litreview.testing.helpers import FAST_LIMITS, FAST_POLICY

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "crossref"


@pytest.fixture
def fixtures() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/fixtures/crossref/ (real recorded responses) is not beside this clone")
    return SHARED


def message(fixtures: Path, name: str) -> dict:
    return json.loads((fixtures / name).read_text(encoding="utf-8"))["message"]


def test_journal_article_with_correction(fixtures: Path) -> None:
    r = parse_crossref(message(fixtures, "works_journal-article_10.1371-journal.pone.0033693.json"))
    assert r.doi == "10.1371/journal.pone.0033693"
    assert r.type == "journal-article"
    assert r.title.startswith("Methylphenidate Exposure Induces Dopamine Neuron Loss")
    assert [p.family for p in r.authors] == ["Sadasivan", "Pond", "Pani", "Qu", "Jiao", "Smeyne"]
    assert r.authors[0] == Person("Sadasivan", "Shankar")
    assert r.editors == (Person("Borlongan", "Cesario V."),)
    assert (r.year, r.container, r.volume, r.issue, r.pages) == (2012, "PLoS ONE", "7", "3", "e33693")
    assert r.publisher == "Public Library of Science (PLoS)"
    assert r.updates == (Update(type="correction", doi="10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda",
                                label="Correction", source="publisher", date="2012-05-08", direction="updated-by"),)


def test_elife_article_keeps_jats_abstract(fixtures: Path) -> None:
    r = parse_crossref(message(fixtures, "works_journal-article_10.7554-elife.01567.json"))
    assert r.doi == "10.7554/elife.01567"
    assert r.title.startswith("Automated quantitative histology reveals vascular morphodynamics")
    assert [p.family for p in r.authors] == ["Sankar", "Nieminen", "Ragni", "Xenarios", "Hardtke"]
    assert (r.year, r.container, r.volume, r.issue, r.pages) == (2014, "eLife", "3", "", "e01567")  # article-number
    assert r.abstract.startswith("<jats:p>Among various advantages")
    assert r.updates == ()


@pytest.mark.parametrize(("value", "text"), [
    ("Effects of <i>Homo</i> &amp; CO<sub>2</sub>\n on  growth", "Effects of Homo & CO2 on growth"),
    ("<jats:title>When a <> b</jats:title>", "When a <> b"),  # "<>" is no tag: HTML reads it as text
    (["", " <b>first</b> "], "first"), (None, ""),
])
def test_registry_text_is_read_as_html_by_the_one_rule(value: object, text: str) -> None:
    # The registry's strings and the rendered essay lose their markup by one rule (pandoc_text.html_text),
    # which dropped "<>" from a title while the registry's own copy kept it.
    from litreview.pandoc_text import html_text
    from litreview.registry.parse import clean_text

    assert clean_text(value) == text
    assert html_text("a <> b <i>c</i>") == "a <> b c"


def test_springer_chapter_and_cambridge_monograph(fixtures: Path) -> None:
    ch = parse_crossref(message(fixtures, "works_book-chapter_10.1007-978-3-662-46370-3_13.json"))
    assert (ch.type, ch.title, ch.container, ch.pages, ch.year) == (
        "book-chapter", "Clinical Symptoms and Physical Examinations", "Shoulder Stiffness", "155-158", 2015)
    assert ch.isbn == ("9783662463697", "9783662463703")
    assert ch.publisher == "Springer Berlin Heidelberg"
    book = parse_crossref(message(fixtures, "works_monograph_10.1017-9781108348843.json"))
    assert (book.type, book.title, book.year, book.publisher) == (
        "monograph", "The Politics of the Past in Early China", 2019, "Cambridge University Press")
    assert book.authors == (Person("Leung", "Vincent S."),)
    assert len(book.isbn) == 3


def test_edge_case_chapter_null_date_and_empty_subtitle(fixtures: Path) -> None:
    r = parse_crossref(message(fixtures, "works_book-chapter_10.4018-978-1-4666-9588-7.les2.json"))
    assert r.year is None  # "issued": {"date-parts": [[null]]}
    assert r.subtitle == ""  # "subtitle": [""]
    assert r.title == '"Racial Epithet"'
    assert r.url == "http://dx.doi.org/10.4018/978-1-4666-9588-7.les2"


def test_csl_json_transform(fixtures: Path) -> None:
    item = json.loads((fixtures / "transform_csl-json_10.1126-science.169.3946.635.json").read_text())
    r = parse_csl(item, "crossref")
    assert (r.doi, r.type, r.title, r.year) == ("10.1126/science.169.3946.635", "journal-article",
                                                "The Structure of Ordinary Water", 1970)
    assert r.subtitle.startswith("New data and interpretations")
    assert (r.container, r.volume, r.issue, r.pages) == ("Science", "169", "3946", "635-641")
    assert r.authors == (Person("Frank", "Henry S."),)


def test_datacite_dataset(fixtures: Path) -> None:
    doc = json.loads((fixtures / "datacite_dois_10.5061-dryad.8515.json").read_text())
    r = parse_datacite(doc)
    assert (r.doi, r.agency, r.type, r.year, r.publisher) == ("10.5061/dryad.8515", "datacite", "dataset", 2011,
                                                              "Dryad")
    assert r.title == "Data from: A new malaria agent in African hominids."
    assert [p.family for p in r.authors][:3] == ["Ollomo", "Durand", "Prugnolle"] and len(r.authors) == 8
    assert r.authors[0].given == "Benjamin"
    assert r.abstract  # descriptionType Abstract


def test_agency_answers(fixtures: Path) -> None:
    assert parse_ra(json.loads((fixtures / "doi-ra_10.1007_crossref.json").read_text())) == "crossref"
    assert parse_ra(json.loads((fixtures / "doi-ra_10.5061_datacite.json").read_text())) == "datacite"
    assert parse_agency(json.loads((fixtures / "agency_crossref_10.1126-science.169.3946.635.json").read_text())) \
        == "crossref"
    assert parse_agency(json.loads((fixtures / "agency_medra_10.1430-8105.json").read_text())) == "medra"


# -- search-based matching with validation, on Crossref's own test responses ----------------------

CERMINE_AUTHORS = tuple(Person(f, g) for f, g in (("Tkaczyk", "D."), ("Szostek", "P."), ("Fedoryszak", "M."),
                                                  ("Dendek", "P. J."), ("Bolikowski", "Ł.")))
CERMINE_TITLE = "CERMINE: automatic extraction of structured metadata from scientific literature"


def test_unstructured_reference_matches(fixtures: Path) -> None:
    # The reference of ReferenceMatcherTest.shouldMatch_whenUnstructuredRefIsFound.
    source = Source(key="t", type="article", authors=CERMINE_AUTHORS, year=2015, title=CERMINE_TITLE,
                    container="International Journal on Document Analysis and Recognition (IJDAR)",
                    volume="18", number="4", pages="317–335")
    found = suggest(source, candidates_from(message(fixtures, "works-list_query-bibliographic_unstructured_match.json")))
    assert found is not None and found.doi == "10.1007/s10032-015-0249-8"
    assert found.score >= 0.9


def test_corrupted_reference_does_not_match(fixtures: Path) -> None:
    # shouldNotMatch_whenUnstructuredRefIsNotFound: wrong first author, volume, pages and year.
    source = Source(key="t", type="article", authors=CERMINE_AUTHORS[1:], year=2016, title=CERMINE_TITLE,
                    container="IJDAR", volume="14", number="40", pages="310–335")
    items = candidates_from(message(fixtures, "works-list_query-bibliographic_unstructured_no-match.json"))
    assert suggest(source, items) is None


def test_structured_reference_without_title_matches(fixtures: Path) -> None:
    source = Source(key="t", type="article", authors=(Person("Tkaczyk"),), year=2015, volume="18", pages="317",
                    container="IJDAR")
    found = suggest(source, candidates_from(message(fixtures, "works-list_query-bibliographic_structured_match.json")))
    assert found is not None and found.doi == "10.1007/s10032-015-0249-8"


def test_modern_list_envelope_parses(fixtures: Path) -> None:
    items = candidates_from(message(fixtures, "works-list_query-ecology_rows-2.json"))
    assert [c.record.doi for c in items] == ["10.1093/obo/9780199830060-0238", "10.1093/obo/9780199830060-0023"]
    assert items[0].relevance == pytest.approx(11.044969)


# -- recorded headers and status lines ----------------------------------------------------------

def recorded(fixtures: Path) -> dict:
    return json.loads((fixtures / "recorded-exchanges.json").read_text())


def header_map(exchange: dict) -> dict[str, str]:
    out = {}
    for name, value in exchange["response"]["headers"].items():
        out[name.lower()] = value[0] if isinstance(value, list) else value
    return out


@pytest.mark.parametrize(("name", "expected"), [
    ("works_journal-article_10.1371-journal.pone.0033693.json", (5.0, 1.0, 1)),
    ("works-list_query-ecology_rows-2.json", (10.0, 1.0, 3)),
    ("works_book-chapter_10.1007-978-3-662-46370-3_13.json", (10.0, 1.0, 3)),
    ("(polite-array list request, body not copied)", (3.0, 1.0, 3)),
    ("works_book-chapter_10.4018-978-1-4666-9588-7.les2.json", (50.0, 1.0, None)),  # 2022, both spellings
    ("doi-ra_10.1007_crossref.json", (None, None, None)),  # doi.org sends no limits
])
def test_rate_limit_headers_of_each_recording(fixtures: Path, name: str, expected: tuple) -> None:
    assert parse_limits(header_map(recorded(fixtures)[name])) == expected


def test_every_recording_has_readable_limits_or_none(fixtures: Path) -> None:
    for name, exchange in recorded(fixtures).items():
        headers = header_map(exchange)
        rate, interval, _conc = parse_limits(headers)
        if "x-rate-limit-limit" in headers or "x-ratelimit-limit" in headers:
            assert rate and interval == 1.0, name


def replay(fixtures: Path, routes: dict[str, tuple[str, str | None]]) -> httpx.MockTransport:
    """Answer each path with the recorded status, headers and body of a fixture."""
    exchanges = recorded(fixtures)

    def handler(request: httpx.Request) -> httpx.Response:
        key, body_file = routes[request.url.raw_path.decode()]
        ex = exchanges[key]
        status = ex["response"]["status"]
        code = int(status.get("code") or status.get("status_code"))
        headers = [(k, v) for k, v in header_map(ex).items()
                   if k not in ("content-encoding", "content-length", "transfer-encoding")]
        body = (fixtures / body_file).read_bytes() if body_file else ex["response"].get("body", "").encode()
        return httpx.Response(code, headers=headers, content=body)

    return httpx.MockTransport(handler)


def run(coro):
    return asyncio.run(coro)


def test_replayed_404_is_plain_text_and_means_not_found(fixtures: Path) -> None:
    transport = replay(fixtures, {"/works/10.1371%2Fnotarealdoi": ("works_404_10.1371-notarealdoi.txt",
                                                                  "works_404_10.1371-notarealdoi.txt")})

    async def go():
        async with httpx.AsyncClient(transport=transport) as client:
            http = Http(client, policy=FAST_POLICY, limits=FAST_LIMITS)
            return await CrossrefResolver().fetch(http, Endpoints("https://api.crossref.org"), "10.1371/notarealdoi")

    got = run(go())
    assert (got.outcome, got.http_status, got.raw) == ("not-found", 404, None)


def test_replayed_work_adapts_limits_to_the_public_pool(fixtures: Path) -> None:
    name = "works_journal-article_10.1371-journal.pone.0033693.json"
    transport = replay(fixtures, {"/works/10.1371%2Fjournal.pone.0033693": (name, name)})

    async def go():
        async with httpx.AsyncClient(transport=transport) as client:
            http = Http(client, mailto="x@example.org", policy=FAST_POLICY)
            got = await CrossrefResolver().fetch(http, Endpoints(), "10.1371/journal.pone.0033693")
            return got, http.pools["crossref-single"].limits

    got, limits = run(go())
    assert got.outcome == "found" and got.raw["DOI"] == "10.1371/journal.pone.0033693"
    assert (limits.rate, limits.interval, limits.concurrency) == (5, 1, 1)  # public pool: 5/1s, concurrency 1


def test_replayed_400_validation_failure_is_reported(fixtures: Path) -> None:
    name = "error_400_validation-failure_query-on-works-doi.json"
    transport = replay(fixtures, {"/works/10.1371%2Fjournal.pone.0033693": (name, name)})

    async def go():
        async with httpx.AsyncClient(transport=transport) as client:
            http = Http(client, policy=FAST_POLICY, limits=FAST_LIMITS)
            await CrossrefResolver().fetch(http, Endpoints(), "10.1371/journal.pone.0033693")

    with pytest.raises(FetchFailed, match="This route does not support field query parameters"):
        run(go())


def test_replayed_doi_org_302_then_csl(fixtures: Path) -> None:
    csl = "transform_csl-json_10.1126-science.169.3946.635.json"
    transport = replay(fixtures, {
        "/ra/10.1126": ("doi-ra_10.1007_crossref.json", "doi-ra_10.1007_crossref.json"),
        "/10.1126%2Fscience.169.3946.635": ("(doi.org 302 redirect, no body file)", None),
        "/v1/works/10.1126%2Fscience.169.3946.635/transform": (csl, csl),
    })

    async def go():
        async with httpx.AsyncClient(transport=transport) as client:
            http = Http(client, policy=FAST_POLICY, limits=FAST_LIMITS)
            ends = Endpoints(doi="https://doi.org")
            agency = await AgencyLookup(http, ends).agency("10.1126/science.169.3946.635")
            got = await ContentNegotiationResolver(agency).fetch(http, ends, "10.1126/science.169.3946.635")
            return agency, got

    agency, got = run(go())
    assert agency == "crossref"
    assert got.outcome == "found" and got.format == "csl"
    assert got.url == "https://api.crossref.org/v1/works/10.1126%2Fscience.169.3946.635/transform"
    assert parse_csl(got.raw).title == "The Structure of Ordinary Water"


def test_replayed_bibtex_answer_to_a_csl_request_is_refused_clearly(fixtures: Path) -> None:
    bib = "conneg_bibtex_10.1126-science.169.3946.635.bib"
    transport = replay(fixtures, {"/10.1126%2Fscience.169.3946.635": (bib, bib)})

    async def go():
        async with httpx.AsyncClient(transport=transport) as client:
            http = Http(client, policy=FAST_POLICY, limits=FAST_LIMITS)
            await ContentNegotiationResolver("crossref").fetch(http, Endpoints(), "10.1126/science.169.3946.635")

    with pytest.raises(FetchFailed, match=r"expected JSON .* got application/x-bibtex"):
        run(go())


COVERED = {
    "SOURCES.md", "recorded-exchanges.json",
    "works_journal-article_10.1371-journal.pone.0033693.json", "works_journal-article_10.7554-elife.01567.json",
    "works_book-chapter_10.1007-978-3-662-46370-3_13.json", "works_monograph_10.1017-9781108348843.json",
    "works_book-chapter_10.4018-978-1-4666-9588-7.les2.json", "transform_csl-json_10.1126-science.169.3946.635.json",
    "datacite_dois_10.5061-dryad.8515.json", "doi-ra_10.1007_crossref.json", "doi-ra_10.5061_datacite.json",
    "agency_crossref_10.1126-science.169.3946.635.json", "agency_medra_10.1430-8105.json",
    "works-list_query-bibliographic_unstructured_match.json",
    "works-list_query-bibliographic_unstructured_no-match.json",
    "works-list_query-bibliographic_structured_match.json", "works-list_query-ecology_rows-2.json",
    "works_404_10.1371-notarealdoi.txt", "error_400_validation-failure_query-on-works-doi.json",
    "conneg_bibtex_10.1126-science.169.3946.635.bib",
}


def test_every_recorded_file_is_covered_by_a_test_here(fixtures: Path) -> None:
    assert {p.name for p in fixtures.iterdir()} <= COVERED


REGISTRIES = SHARED.parent / "registries" / "crossref"


def test_new_version_naming_the_work_itself_is_no_notice() -> None:
    """PLOS deposits "new_version" in both directions on the article's own DOI: the DOI cited is that
    version, so no LR206 "newer version" finding (its notice would be the entry's own DOI)."""
    from litreview.checks.registry import check_updates
    from litreview.model import SourceMetadata

    path = REGISTRIES / "works-doi-with-update-to-new-version.json"
    if not path.is_file():
        pytest.skip("../shared/fixtures/registries/crossref/ (real recorded responses) is not beside this clone")
    msg = json.loads(path.read_text(encoding="utf-8"))["message"]
    assert msg["updated-by"][0]["DOI"] == msg["DOI"]  # the recording is what the test says
    r = parse_crossref(msg)
    assert r.updates == ()
    src = Source(key="twittenhoff2020", type="article", doi=r.doi)
    assert list(check_updates(src, SourceMetadata(key=src.key, status="verified", record=r))) == []


def test_retraction_in_place_is_kept() -> None:
    msg = {"DOI": "10.5555/ret", "title": ["T"], "type": "journal-article",
           "updated-by": [{"DOI": "10.5555/RET", "type": "retraction", "label": "Retraction", "source": "publisher"}],
           "update-to": [{"DOI": "10.5555/other", "type": "new_version", "label": "New version"}]}
    assert [(u.type, u.doi) for u in parse_crossref(msg).updates] == [
        ("retraction", "10.5555/ret"), ("new_version", "10.5555/other")]
