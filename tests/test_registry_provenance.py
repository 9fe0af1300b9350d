"""Snapshot provenance: every record says which registry answered; a test server's never pass for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.cli import main
from litreview.testing.fake_registry import FakeRegistry
from litreview.testing.helpers import FAKE_LIMITS, bibliography_for

CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture
def fake(tmp_path, monkeypatch):
    with FakeRegistry(limits=FAKE_LIMITS) as server:
        (tmp_path / "refs").mkdir()
        (tmp_path / "refs" / "bibliography.bib").write_text(
            bibliography_for(CASES / "registry_demo" / "refs.bib", server.url), encoding="utf-8")
        (tmp_path / "pyproject.toml").write_text('[tool.litreview]\nessay = ""\n', encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        for name in (*server.env(), "LITREVIEW_METADATA_DIR"):
            monkeypatch.delenv(name, raising=False)
        yield server


def point_at(fake: FakeRegistry, monkeypatch) -> None:
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)


def records(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*/*.json"))]


def test_fetch_refuses_a_test_server_into_the_projects_snapshot(fake, monkeypatch, tmp_path, capsys) -> None:
    """The exported demo variables left in the shell: fetch says so and writes nothing."""
    point_at(fake, monkeypatch)
    assert main(["fetch", "--no-urls"]) == 2
    err = capsys.readouterr().err
    assert "refusing to write records from registries that are not the real ones" in err
    assert "LITREVIEW_CROSSREF_URL" in err and "--metadata-dir" in err
    assert not (tmp_path / "refs" / "metadata").exists() and fake.count() == 0


def test_records_say_who_answered_and_when_and_the_fake_marks_them_synthetic(fake, monkeypatch, tmp_path,
                                                                             capsys) -> None:
    point_at(fake, monkeypatch)
    assert main(["fetch", "--no-urls", "--metadata-dir", "demo-metadata", "--format", "json"]) == 0
    assert "written to" in capsys.readouterr().err
    got = records(tmp_path / "demo-metadata")
    assert got and not (tmp_path / "refs" / "metadata").exists()
    for record in got:
        # DOI and search answers name the base URL in "registry"; other registries' answers in "base".
        base = record["base"] if record["kind"] == "id" else record["registry"]
        assert base.startswith(fake.url) and record["fetched_at"].startswith("20")
        # Even its 404s (the 'DOI does not exist' answers) are marked as the fake's.
        assert record["synthetic"] is True
    assert any(r.get("http_status") == 404 for r in got)


def test_check_ignores_and_reports_records_from_elsewhere(fake, monkeypatch, tmp_path, capsys) -> None:
    """The issue's case: fake records (404s too) in refs/metadata gave false LR200 errors once the variables were gone."""
    point_at(fake, monkeypatch)
    assert main(["fetch", "--no-urls", "--metadata-dir", "refs/metadata"]) == 0
    capsys.readouterr()
    with_fake = json.loads(_check(capsys))
    assert "LR200" in {f["code"] for f in with_fake["findings"]}  # the fake's own 404 counts against the fake
    for name in fake.env():
        monkeypatch.delenv(name)
    findings = json.loads(_check(capsys))["findings"]
    codes = [f["code"] for f in findings]
    assert "LR200" not in codes and "LR204" not in codes  # nothing the fake said passes for a registry's word
    foreign = [f for f in findings if f["code"] == "LR220"]
    # One per entry with stored answers: the 7 well-formed DOIs and the one search.
    assert len(foreign) == 8 and all("127.0.0.1" in f["message"] for f in foreign)
    assert any("/openalex" in f["message"] for f in foreign), [f["message"] for f in foreign]


def test_metadata_json_reports_the_ignored_record(fake, monkeypatch, capsys) -> None:
    point_at(fake, monkeypatch)
    assert main(["fetch", "--no-urls", "--no-search", "--metadata-dir", "refs/metadata"]) == 0
    for name in fake.env():
        monkeypatch.delenv(name)
    capsys.readouterr()
    assert main(["metadata", "--format", "json", "--key", "fernhill2005world"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["status"] == "unverified" and "not a configured registry" in entry["reason"]


def _check(capsys) -> str:
    main(["check", "--format", "json"])
    return capsys.readouterr().out


def test_an_old_record_without_provenance_still_counts(tmp_path) -> None:
    """Files written before provenance was kept have no 'registry': real ones count, synthetic ones by URL."""
    from litreview.registry.provenance import Origins

    real = Origins.real()
    assert real.accepts("", "https://api.crossref.org/works/10.1/x", synthetic=False)
    assert real.accepts("", "https://api.crossref.org/works/10.1/x", synthetic=True)
    assert not real.accepts("", "http://127.0.0.1:8765/works/10.1/x", synthetic=True)
    assert not real.accepts("http://127.0.0.1:8765", "https://api.crossref.org/works/10.1/x")
    assert real.accepts("https://api.crossref.org/", "")
