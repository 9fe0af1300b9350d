"""load_metadata over a hand-written snapshot: every state an entry can be in."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.model import UrlCheck
from litreview.registry.discover import reference_string
from litreview.registry.snapshot import DoiEntry, SearchEntry, Snapshot, UrlEntry, load_metadata

CASE = Path(__file__).resolve().parent / "cases" / "registry_snapshot"
ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 27, tzinfo=UTC)


def bibliography():
    return parse_bibliography((CASE / "refs.bib").read_text(encoding="utf-8"), "refs.bib")


def test_every_state_matches_the_hand_derived_expectation() -> None:
    expected = json.loads((CASE / "expected.json").read_text())
    got = load_metadata(bibliography(), CASE / "metadata", now=NOW, stale_days=365)
    assert set(got) == set(expected) - {"_note"}
    for key, meta in got.items():
        want = expected[key]
        assert meta.status == want["status"], key
        assert meta.stale == want["stale"], key
        assert [[m.field, m.entry_value, m.registry_value, m.kind, m.likely_right] for m in meta.mismatches] \
            == want["mismatches"], key
        assert want["reason"] in meta.reason, (key, meta.reason)


def test_verified_record_is_parsed(tmp_path) -> None:
    meta = load_metadata(bibliography(), CASE / "metadata", now=NOW, stale_days=365)["verified2005"]
    assert meta.record.title == "World Culture and Imagined Military Power"
    assert meta.fetched_at == "2026-11-01T10:00:00+00:00"


def test_stored_search_gives_a_suggestion_and_url_checks_are_attached(tmp_path) -> None:
    folder = tmp_path / "metadata"
    shutil.copytree(CASE / "metadata", folder)
    bib = bibliography()
    snap = Snapshot(folder)
    item = {"DOI": "10.5555/lr.sovereigns", "type": "monograph", "title": ["Taming the Imaginary Sovereigns"],
            "author": [{"given": "K. J.", "family": "Holmwood"}], "issued": {"date-parts": [[2004]]},
            "publisher": "Synthetic University Press", "score": 10.4}
    snap.write_search(SearchEntry(reference_string(bib.get("book2004")), "2026-11-03T00:00:00+00:00", "", (item,)))
    check = UrlCheck(url="https://example.org/page", ok=False, status=404, error="HTTP 404",
                     archive_url="http://web.archive.org/web/20200301000000/https://example.org/page",
                     checked_at="2026-11-03T00:00:00+00:00")
    snap.write_url(UrlEntry(check))
    got = load_metadata(bib, folder, now=NOW, stale_days=365)
    assert got["book2004"].suggestion.doi == "10.5555/lr.sovereigns"
    assert "suggested 10.5555/lr.sovereigns" in got["book2004"].reason
    assert got["page2020"].url_check == check


def test_a_404_from_doi_org_names_doi_org(tmp_path) -> None:
    # A DOI whose agency is unknown is asked at doi.org, so doi.org is who answered.
    snap = Snapshot(tmp_path / "metadata")
    snap.write_doi(DoiEntry("10.1234/nothing", "unknown", "csl", 404, "2026-11-03T00:00:00+00:00",
                            "https://doi.org/10.1234%2Fnothing", None))
    bib = parse_bibliography("@article{x, title={T}, doi={10.1234/nothing}}", "refs.bib")
    meta = load_metadata(bib, tmp_path / "metadata", now=NOW, stale_days=365)["x"]
    assert meta.status == "not-found"
    assert meta.reason.startswith("doi.org answered that the DOI does not exist")


def test_missing_folder_means_everything_unverified(tmp_path) -> None:
    got = load_metadata(bibliography(), tmp_path / "nothing", now=NOW, stale_days=365)
    assert got["verified2005"].status == "unverified"


def test_writes_stay_inside_the_folder(tmp_path) -> None:
    from litreview.registry.snapshot import DoiEntry

    snap = Snapshot(tmp_path)
    path = snap.write_doi(DoiEntry("10.1234/../../../etc/passwd", "crossref", "crossref", 200, "2026-01-01", "",
                                   {"DOI": "10.1234/../../../etc/passwd"}))
    assert path.parent == tmp_path / "doi" and path.name.startswith("10.1234%2F..%2F")


def test_load_metadata_imports_no_httpx() -> None:
    # Reading the snapshot is offline work: the HTTP client stays unimported (its time is in
    # bench/bench_check.py's stage profile, "read the snapshot").
    code = ("import sys; from datetime import datetime, UTC; from pathlib import Path;"
            "from litreview.bibliography.load import parse_bibliography;"
            "from litreview.registry.snapshot import load_metadata;"
            f"case = Path({str(CASE)!r});"
            "bib = parse_bibliography((case / 'refs.bib').read_text(), 'refs.bib');"
            "meta = load_metadata(bib, case / 'metadata', now=datetime.now(UTC), stale_days=365);"
            "print(len(meta) == len(bib.sources), 'httpx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["True", "False"]


def test_committed_essay_snapshot_is_valid() -> None:
    """Records committed under refs/metadata (after `litreview fetch`, as CONTRIBUTING.md says) are
    litreview records of their folder's kind, and none came from a test server."""
    from litreview.registry.snapshot import SCHEMA, snapshot_files
    from litreview.safeload import load_json

    folder = ROOT / "refs" / "metadata"
    if not folder.is_dir():
        pytest.skip("refs/metadata is not there")
    assert (folder / "README.md").is_file()
    snap = Snapshot(folder)
    for path in snapshot_files(folder):
        data = load_json(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict) and data.get("schema") == SCHEMA, path
        assert data.get("kind") == path.parent.name, path
        assert not data.get("synthetic"), f"{path}: a test server's answer must never reach the snapshot"
        if path.parent.name == "doi":
            entry, problem = snap.read_doi(str(data.get("doi")))
            assert entry is not None and not problem, f"{path}: {problem}"


def test_a_stale_records_age_agrees_with_its_number() -> None:
    # verified2005's record was fetched on 2026-11-01: one day old on 2026-11-02.
    one_day_on = datetime(2026, 11, 2, 10, tzinfo=UTC)
    meta = load_metadata(bibliography(), CASE / "metadata", now=one_day_on, stale_days=0)["verified2005"]
    assert meta.stale and "fetched 1 day ago (older than 0)" in meta.reason, meta.reason


def test_a_snapshot_file_carries_controls_as_escapes(tmp_path) -> None:
    import re

    snap = Snapshot(tmp_path / "metadata")
    check = UrlCheck(url="https://example.org/page", ok=False, status=500, error="HTTP 500 \x9b2J \u202eevil\u202c",
                     checked_at="2026-11-03T00:00:00+00:00")
    text = snap.write_url(UrlEntry(check)).read_text(encoding="utf-8")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
    assert json.loads(text)["error"] == check.error and snap.read_url(check.url)[0].check == check
