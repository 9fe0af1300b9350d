"""The fake registry speaks like the real services (checked against the recorded exchanges)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from litreview.testing.fake_data import load_records
from litreview.testing.fake_registry import FakeRegistry
from litreview.testing.helpers import FAKE_LIMITS

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "crossref"
TRANSPORT = {"connection", "content-encoding", "content-length", "date", "transfer-encoding", "vary",
             "access-control-allow-headers"}
POLITE = {"User-Agent": "tests (mailto:tests@example.org)"}


@pytest.fixture
def recorded() -> dict:
    if not SHARED.is_dir():
        pytest.skip("../shared/fixtures/crossref/ (real recorded responses) is not beside this clone")
    return json.loads((SHARED / "recorded-exchanges.json").read_text())


def names(headers) -> set[str]:
    return {k.lower() for k in headers}


def test_every_fixture_record_is_labelled_synthetic() -> None:
    folder = Path(__file__).resolve().parents[1] / "litreview" / "testing" / "records"
    for path in folder.glob("*.json"):
        data = json.loads(path.read_text())
        assert data["synthetic"] is True and "SYNTHETIC" in data["_comment"], path.name
    assert len(load_records()) == len(list(folder.glob("*.json")))


def test_work_headers_and_envelope_match_the_recording(fake, recorded) -> None:
    real = recorded["works_book-chapter_10.1007-978-3-662-46370-3_13.json"]["response"]["headers"]
    r = httpx.get(f"{fake.url}/works/10.5555/lr.culture.2005", headers=POLITE)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert names(real) - TRANSPORT <= names(r.headers)
    assert r.headers["x-api-pool"] == "polite-single"
    body = r.json()
    assert (body["status"], body["message-type"], body["message-version"]) == ("ok", "work", "1.0.0")
    assert "\\/" in r.text  # slashes escaped, as the live API sends them


def test_not_found_is_plain_text_like_the_recording(fake, recorded) -> None:
    real = recorded["works_404_10.1371-notarealdoi.txt"]["response"]
    r = httpx.get(f"{fake.url}/works/10.1371/notarealdoi")
    assert r.status_code == real["status"]["code"] == 404
    assert r.headers["content-type"] == real["headers"]["content-type"][0] == "text/plain"
    assert r.content == (SHARED / "works_404_10.1371-notarealdoi.txt").read_bytes()
    assert r.headers["x-api-pool"] == "public-single"  # no mailto: the public pool


def test_doi_org_redirect_like_the_recording(fake, recorded) -> None:
    real = recorded["(doi.org 302 redirect, no body file)"]["response"]
    r = httpx.get(f"{fake.url}/10.5555/lr.culture.2005", headers={"Accept": "application/vnd.citationstyles.csl+json"})
    assert r.status_code == real["status"]["code"] == 302
    assert r.headers["location"] == f"{fake.url}/v1/works/10.5555%2Flr.culture.2005/transform"
    assert "Handle Redirect" in r.text and r.headers["vary"] == "Origin, Accept"
    followed = httpx.get(r.headers["location"], headers={"Accept": "application/vnd.citationstyles.csl+json"})
    assert followed.json()["title"] == "World Culture and Imagined Military Power"


def test_which_ra_answers_like_the_recording(fake) -> None:
    real = json.loads((SHARED / "doi-ra_10.5061_datacite.json").read_text()) if SHARED.is_dir() else None
    r = httpx.get(f"{fake.url}/ra/10.5072,10.9876")
    assert r.json() == [{"DOI": "10.5072", "RA": "DataCite"}, {"DOI": "10.9876", "status": "DOI does not exist"}]
    if real is not None:
        assert set(real[0]) == set(r.json()[0])


def test_sici_and_hash_dois_raw_or_encoded(fake) -> None:
    enc = ("10.1002%2F%28SICI%291521-3951%28199911%29216%3A1%3C135%3A%3AAID-PSSB135%3E3.0.CO%3B2-%23")
    assert httpx.get(f"{fake.url}/works/{enc}").status_code == 200
    raw = "10.1002/(SICI)1097-0118(199711)26:3<119::AID-JGT1>3.0.CO;2-U"
    assert httpx.get(f"{fake.url}/works/{raw}").status_code == 200


def test_validation_failures_like_crossref(fake) -> None:
    r = httpx.get(f"{fake.url}/works/10.5555/lr.culture.2005", params={"query.author": "x"})
    assert r.status_code == 400 and r.json()["message"][0]["type"] == "parameter-not-allowed"
    r = httpx.get(f"{fake.url}/works", params={"query.bibliographic": "x", "rows": "2000"})
    assert r.status_code == 400 and r.json()["message"][0]["type"] == "integer-not-valid"


def test_search_envelope(fake) -> None:
    r = httpx.get(f"{fake.url}/works", params={"query.bibliographic": "Holmwood Taming Sovereigns 2004", "rows": 5})
    message = r.json()["message"]
    assert r.json()["message-type"] == "work-list"
    assert message["query"] == {"start-index": 0, "search-terms": None}
    assert isinstance(message["items"][0]["score"], float)
    assert r.headers["x-api-pool"] == "public-array"


def test_limits_are_enforced_with_and_without_retry_after() -> None:
    # One client: making a new one costs ~0.3 s on a loaded machine, long enough for the bucket to refill.
    with FakeRegistry(limits={"public-single": (2, 1, 1)}, retry_after=3) as fake, httpx.Client() as client:
        codes = [client.get(f"{fake.url}/works/10.5555/lr.culture.2005") for _ in range(3)]
        assert [r.status_code for r in codes] == [200, 200, 429]
        assert codes[2].headers["retry-after"] == "3" and "Too Many Requests" in codes[2].text
    with FakeRegistry(limits={"public-single": (1, 1, 1)}) as fake, httpx.Client() as client:
        client.get(f"{fake.url}/works/10.5555/lr.culture.2005")
        r = client.get(f"{fake.url}/works/10.5555/lr.culture.2005")
        assert r.status_code == 429 and "retry-after" not in r.headers


def test_header_styles() -> None:
    with FakeRegistry(limits=FAKE_LIMITS, header_style="legacy") as fake:
        r = httpx.get(f"{fake.url}/works/10.5555/lr.culture.2005")
        assert "x-ratelimit-limit" in r.headers and "x-rate-limit-limit" not in r.headers
    with FakeRegistry(limits=FAKE_LIMITS, header_style="both") as fake:
        r = httpx.get(f"{fake.url}/works/10.5555/lr.culture.2005")
        assert r.headers["x-ratelimit-limit"] == r.headers["x-rate-limit-limit"] == "200"


def test_faults_and_counts(fake) -> None:
    fake.inject("/works/10.5555/lr.culture", "504")
    fake.inject("/works/10.5555/lr.culture", "truncated")
    url = f"{fake.url}/works/10.5555/lr.culture.2005"
    first, second, third = httpx.get(url), httpx.get(url), httpx.get(url)
    assert first.status_code == 504 and "Gateway Time-out" in first.text
    assert second.status_code == 200 and len(second.content) == int(second.headers["content-length"])
    with pytest.raises(ValueError):
        second.json()
    assert third.status_code == 200 and third.json()["status"] == "ok"
    assert fake.count("/works/10.5555/lr.culture.2005") == 3
    with pytest.raises(ValueError, match="unknown fault"):
        fake.inject("/x", "explode")


def test_connection_reset(fake) -> None:
    fake.inject("/works/", "reset")
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{fake.url}/works/10.5555/lr.culture.2005")


def test_url_endpoints(fake) -> None:
    assert httpx.head(f"{fake.url}/web/nohead").status_code == 405
    assert httpx.get(f"{fake.url}/web/nohead").status_code == 200
    moved = httpx.get(f"{fake.url}/web/moved", follow_redirects=True)
    assert moved.status_code == 200 and moved.history[0].status_code == 301
    assert httpx.get(f"{fake.url}/web/gone").status_code == 404
    page = fake.add_url("/web/custom", 410)
    assert httpx.get(page).status_code == 410


def test_wayback_availability(fake) -> None:
    fake.set_archive("http://example.org/a", "http://web.archive.org/web/2019/http://example.org/a")
    fake.set_archive("http://example.org/b", None)
    a = httpx.get(f"{fake.url}/wayback/available", params={"url": "http://example.org/a"}).json()
    assert a["archived_snapshots"]["closest"]["url"] == "http://web.archive.org/web/2019/http://example.org/a"
    b = httpx.get(f"{fake.url}/wayback/available", params={"url": "http://example.org/b"}).json()
    assert b == {"url": "http://example.org/b", "archived_snapshots": {}}


def test_env_and_configure(fake) -> None:
    from litreview.config import Config
    from litreview.registry.handlers import HANDLERS

    env = fake.env()
    # Crossref, DataCite and doi.org at the root (as before); every other registry under its own prefix.
    assert {env[n] for n in ("LITREVIEW_CROSSREF_URL", "LITREVIEW_DOI_URL", "LITREVIEW_DATACITE_URL",
                             "LITREVIEW_WAYBACK_URL")} == {fake.url}
    assert env["LITREVIEW_OPENALEX_URL"] == fake.url + "/openalex"
    assert set(env) == {"LITREVIEW_WAYBACK_URL", *(h.env for h in HANDLERS)}
    config = fake.configure(Config())
    assert (config.crossref_url, config.doi_url, config.datacite_url, config.wayback_url) == (fake.url,) * 4
    assert all(getattr(config, h.setting) == fake.url + h.fake_prefix for h in HANDLERS)


def test_faults_from_the_command_line() -> None:
    from litreview.testing.fake_registry import from_args

    fake = from_args(["--port", "0", "--fault", "lr.culture.2005:503:2", "--fault",
                      "10.1002/(SICI)1097-0118(199711)26:3<119::AID-JGT1>3.0.CO;2-U:html"])
    assert [(f.match, f.kind, f.times) for f in fake.faults] == [
        ("lr.culture.2005", "503", 2), ("10.1002/(SICI)1097-0118(199711)26:3<119::AID-JGT1>3.0.CO;2-U", "html", 1)]
    with pytest.raises(SystemExit):
        from_args(["--fault", "lr.culture.2005:boom"])
