"""fetch_all end to end against the fake registry over loopback HTTP (no real host is contacted)."""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.config import Config
from litreview.errors import InputError, OfflineError, RegistryError
from litreview.model import Source
from litreview.registry.fetch import fetch_all
from litreview.registry.single import fetch_record, search_reference
from litreview.registry.snapshot import Snapshot, load_metadata, snapshot_files
from litreview.testing.fake_registry import FakeRegistry
from litreview.testing.helpers import FAKE_LIMITS, FAST_LIMITS, FAST_POLICY, bibliography_for

CASES = Path(__file__).resolve().parent / "cases"
ROOT = Path(__file__).resolve().parents[1]


def make_config(fake: FakeRegistry, tmp_path: Path, **kw) -> Config:
    return fake.configure(Config(root=tmp_path, metadata="metadata", mailto="tests@example.org", **kw))


def demo(fake: FakeRegistry):
    text = bibliography_for(CASES / "registry_demo" / "refs.bib", fake.url)
    return parse_bibliography(text, "refs.bib")


def run(sources, config, **kw):
    kw.setdefault("policy", FAST_POLICY)
    kw.setdefault("limits", FAST_LIMITS)
    kw.setdefault("foreign_ok", True)  # the test's own snapshot folder, chosen for the fake's records
    return fetch_all(sources, config, **kw)


def test_demo_bibliography_end_to_end_then_warm_run_sends_nothing(fake, tmp_path) -> None:
    config = make_config(fake, tmp_path)
    bib = demo(fake)
    report = run(bib.sources, config)
    m = report.metadata
    assert report.complete and report.errors == ()
    assert {k: v.status for k, v in m.items()} == {
        "fernhill2005world": "verified", "quillfeather2019deterrence": "verified", "holmwood2004taming": "no-doi",
        "marsh2018survey": "verified", "tester1997sici": "verified", "tester1999hash": "verified",
        "rossetti2011diplomacy": "verified", "nobody2020missing": "not-found", "typo2020malformed": "malformed",
        "web2020gone": "no-doi", "web2020moved": "no-doi", "web2020nohead": "no-doi",
    }
    # the entry wrote the DOI as a URL in upper case: normalised, matched, compared
    assert {(x.field, x.kind) for x in m["fernhill2005world"].mismatches} == {("title", "truncated"),
                                                                              ("year", "different")}
    assert m["fernhill2005world"].record.doi == "10.5555/lr.culture.2005"
    retracted = m["quillfeather2019deterrence"].record.updates
    assert {(u.type, u.source) for u in retracted} == {("retraction", "publisher"), ("retraction", "retraction-watch"),
                                                        ("expression_of_concern", "publisher")}
    assert m["holmwood2004taming"].suggestion.doi == "10.5555/lr.sovereigns"
    assert m["marsh2018survey"].record.agency == "datacite"
    assert m["rossetti2011diplomacy"].record.agency == "medra"
    assert m["tester1999hash"].record.doi.endswith("co;2-#")
    gone, moved, nohead = (m[k].url_check for k in ("web2020gone", "web2020moved", "web2020nohead"))
    assert (gone.ok, gone.status) == (False, 404)
    assert gone.archive_url == f"http://web.archive.org/web/20200301000000/{fake.url}/web/gone"
    assert (moved.ok, moved.final_url) == (True, f"{fake.url}/web/ok")
    assert nohead.ok and fake.count("/web/nohead", method="HEAD") == 1 and fake.count("/web/nohead", method="GET") == 1
    assert "synthetic" in m["fernhill2005world"].reason
    # the malformed DOI was never sent anywhere
    assert not any("lr bad" in r.path or "lr bad" in r.query for r in fake.requests)
    # each prefix's agency was asked once
    assert fake.count("/ra/10.5555") == 1
    # 11 DOI, search and URL answers; OpenAlex for the 7 well-formed DOIs; Open Library's and OpenAlex's
    # title searches for the book without an ISBN.
    assert len(list(snapshot_files(config.path("metadata")))) == len(report.written) == 11 + 7 + 2
    assert {state for meta in m.values() for name, state in meta.registries if name == "openalex"} == {"not-found"}

    fake.reset()
    again = run(bib.sources, config)
    assert fake.count() == 0 and again.requests == 0 and again.cached == 11 + 7 + 2
    assert {k: v.status for k, v in again.metadata.items()} == {k: v.status for k, v in m.items()}
    assert again.metadata["web2020gone"].url_check == gone


def test_offline_flag_reads_the_snapshot_only(fake, tmp_path) -> None:
    config = make_config(fake, tmp_path)
    bib = demo(fake)
    first = run(bib.sources, config, offline=True)
    assert fake.count() == 0 and first.requests == 0
    assert first.metadata["fernhill2005world"].status == "unverified"
    assert "not yet verified" in first.metadata["fernhill2005world"].reason


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_no_network_finishes_fast_says_why_and_writes_nothing(tmp_path) -> None:
    bib_path = ROOT / "refs" / "bibliography.bib"
    if not bib_path.exists():
        pytest.skip("refs/bibliography.bib is not there yet")
    dead = f"http://127.0.0.1:{closed_port()}"
    config = Config(root=tmp_path, metadata="metadata", wayback_url=dead).with_overrides(
        crossref_url=dead, doi_url=dead, datacite_url=dead)
    bib = parse_bibliography(bib_path.read_text(encoding="utf-8"), str(bib_path))
    report = fetch_all(bib.sources, config, check_urls=False, foreign_ok=True)
    # Fast: it gives up on the first refusals, with no retry waits, instead of asking for each entry.
    assert report.retries == 0 and report.requests < sum(1 for s in bib.sources if s.doi)
    assert report.offline and not report.written
    assert not (tmp_path / "metadata").exists()
    with_doi = [s.key for s in bib.sources if s.doi]
    assert with_doi and all(report.metadata[k].status == "unverified" for k in with_doi)
    assert all("the network is unreachable" in report.metadata[k].reason for k in with_doi)
    # The DOI's registries are unreachable, as the report says of the others, not "failed".
    assert all(dict(report.metadata[k].registries).get("doi") == "unreachable" for k in with_doi)


FAULTS = [("500", {}), ("502", {}), ("503", {}), ("504", {}), ("html", {}), ("429", {}),
          ("429", {"retry_after": 1}), ("reset", {}), ("truncated", {}), ("short", {})]


@pytest.mark.parametrize(("kind", "opts"), FAULTS, ids=[f"{k}{'-retry-after' if o else ''}" for k, o in FAULTS])
def test_each_fault_is_survived_and_nothing_wrong_is_cached(kind, opts, tmp_path) -> None:
    with FakeRegistry(limits=FAKE_LIMITS, records=False) as fake:
        dois = fake.add_synthetic_works(12)
        fake.inject("/works/10.5555/bench.3", kind, **opts)
        config = make_config(fake, tmp_path)
        sources = [Source(key=f"w{i}", type="article", doi=d) for i, d in enumerate(dois)]
        report = run(sources, config)
        assert report.complete, report.stopped
        assert all(meta.status == "verified" for meta in report.metadata.values())
        assert report.retries >= 1 and fake.count("/works/10.5555/bench.3") == 2
        stored, problem = Snapshot(config.path("metadata")).read_doi("10.5555/bench.3")
        assert problem == "" and stored.record["title"] == ["Synthetic benchmark work number 3"]


@pytest.mark.slow
def test_a_timeout_is_retried(tmp_path) -> None:
    with FakeRegistry(limits=FAKE_LIMITS, records=False) as fake:
        dois = fake.add_synthetic_works(12)
        # A second's timeout and a three-second stall: a loaded machine never times out the others.
        fake.inject("/works/10.5555/bench.5", "timeout", delay=3.0)
        config = make_config(fake, tmp_path, timeout=1.0)
        report = run([Source(key=f"w{i}", type="article", doi=d) for i, d in enumerate(dois)], config)
        assert report.complete and report.metadata["w5"].status == "verified" and report.retries >= 1


@pytest.mark.parametrize("kind", ["oversized", "oversized-declared"])
def test_an_oversized_body_fails_that_entry_only_and_is_not_stored(kind, tmp_path) -> None:
    with FakeRegistry(limits=FAKE_LIMITS, records=False) as fake:
        dois = fake.add_synthetic_works(12)
        fake.inject("/works/10.5555/bench.2", kind)
        config = make_config(fake, tmp_path)
        report = run([Source(key=f"w{i}", type="article", doi=d) for i, d in enumerate(dois)], config)
        failed = report.metadata["w2"]
        assert failed.status == "failed" and "byte cap" in failed.reason
        assert sum(m.status == "verified" for m in report.metadata.values()) == 11
        assert Snapshot(config.path("metadata")).read_doi("10.5555/bench.2") == (None, "")


def test_more_than_ten_percent_failures_stop_the_run(tmp_path) -> None:
    with FakeRegistry(limits=FAKE_LIMITS, records=False) as fake:
        dois = fake.add_synthetic_works(30)
        fake.inject("/works/", "503", times=10_000)
        config = make_config(fake, tmp_path)
        report = run([Source(key=f"w{i}", type="article", doi=d) for i, d in enumerate(dois)], config)
        assert report.stopped.startswith("stopped:") and "more than 10%" in report.stopped
        assert not report.written and fake.count("/works/") < 30 * 4
        assert {m.status for m in report.metadata.values()} <= {"failed", "unverified"}
        assert all(m.reason for m in report.metadata.values())


def test_a_stopped_run_still_says_what_failed(tmp_path) -> None:
    # One DOI that keeps failing is enough to cross 10% on a small run: its entry must
    # tell the cause (the HTML error page), not only that the run stopped.
    with FakeRegistry(limits=FAKE_LIMITS, records=False) as fake:
        dois = fake.add_synthetic_works(8)
        fake.inject("/works/10.5555/bench.3", "html", times=10_000)
        config = make_config(fake, tmp_path)
        report = run([Source(key=f"w{i}", type="article", doi=d) for i, d in enumerate(dois)], config)
        assert report.stopped
        failed = report.metadata["w3"]
        assert failed.status == "unverified"
        assert "html" in failed.reason.lower() and "more than 10%" in failed.reason


@pytest.mark.parametrize(("retry_after", "style"), [(None, "modern"), (1, "legacy")])
def test_the_fakes_enforced_limits_are_obeyed(retry_after, style, tmp_path) -> None:
    limits = dict(FAKE_LIMITS, **{"polite-single": (20, 1, 1)})
    with FakeRegistry(limits=limits, records=False, retry_after=retry_after, header_style=style) as fake:
        dois = fake.add_synthetic_works(12)
        config = make_config(fake, tmp_path)
        report = fetch_all([Source(key=f"w{i}", type="article", doi=d) for i, d in enumerate(dois)], config,
                           policy=FAST_POLICY, check_urls=False, foreign_ok=True)
        assert all(m.status == "verified" for m in report.metadata.values())
        assert fake.statuses().get(429, 0) <= 3  # a burst at most, before the headers are known


def test_stale_records_are_refetched_and_reported(fake, tmp_path) -> None:
    config = make_config(fake, tmp_path, stale_days=30)
    sources = [Source(key="f", type="article", doi="10.5555/lr.culture.2005")]
    run(sources, config, clock=lambda: datetime(2020, 1, 1, tzinfo=UTC), check_urls=False)
    bib = parse_bibliography('@article{f, doi = {10.5555/lr.culture.2005}}\n', "x.bib")
    later = datetime(2020, 3, 1, tzinfo=UTC)
    meta = load_metadata(bib, config.path("metadata"), now=later, stale_days=30, config=config)["f"]
    assert meta.stale and "older than 30" in meta.reason and meta.status == "verified"
    fake.reset()
    run(sources, config, clock=lambda: later, check_urls=False)
    assert fake.count("/works/10.5555/lr.culture.2005") == 1


def test_a_corrupt_snapshot_file_is_reported_and_refetched(fake, tmp_path) -> None:
    config = make_config(fake, tmp_path)
    sources = [Source(key="f", type="article", doi="10.5555/lr.culture.2005"),
               Source(key="q", type="article", doi="10.5555/lr.deterrence.2019")]
    run(sources, config)
    path = Snapshot(config.path("metadata")).doi_file("10.5555/lr.culture.2005")
    path.write_text('{"schema": 1, "kind": "doi", "doi": "10.5555/lr.cult', encoding="utf-8")
    bib = parse_bibliography("@article{f, doi = {10.5555/lr.culture.2005}}\n", "x.bib")
    meta = load_metadata(bib, config.path("metadata"), now=datetime.now(UTC), stale_days=365, config=config)["f"]
    assert meta.status == "unverified" and "corrupt" in meta.reason
    fake.reset()
    report = run(sources, config)
    assert fake.count("/works/") == 1 and report.metadata["f"].status == "verified"
    assert json.loads(path.read_text())["record"]["DOI"] == "10.5555/lr.culture.2005"


def test_fetch_record_for_add(fake, tmp_path) -> None:
    config = make_config(fake, tmp_path)
    record = fetch_record("https://doi.org/10.5555/LR.SOVEREIGNS", config, policy=FAST_POLICY, foreign_ok=True)
    assert (record.title, record.year, record.type) == ("Taming the Imaginary Sovereigns", 2004, "monograph")
    fake.reset()
    assert fetch_record("10.5555/lr.sovereigns", config, foreign_ok=True).doi == "10.5555/lr.sovereigns"
    assert fake.count() == 0  # served from the snapshot it wrote
    with pytest.raises(RegistryError, match="does not exist"):
        fetch_record("10.5555/lr.nothing", config, policy=FAST_POLICY, foreign_ok=True)
    with pytest.raises(InputError, match="white space"):
        fetch_record("10.5555/a b", config)


def test_fetch_record_offline_is_a_clear_error(tmp_path) -> None:
    dead = f"http://127.0.0.1:{closed_port()}"
    config = Config(root=tmp_path).with_overrides(crossref_url=dead, doi_url=dead, datacite_url=dead)
    with pytest.raises(OfflineError, match="network is unreachable") as info:
        fetch_record("10.1080/09636410500323187", config, foreign_ok=True)
    assert "hint" in str(info.value)


def test_search_reference_for_add(fake, tmp_path) -> None:
    config = make_config(fake, tmp_path)
    text = "Holmwood, K. J. Taming the Imaginary Sovereigns. Synthetic University Press, 2004."
    found = search_reference(text, config, policy=FAST_POLICY)
    assert {c.record.doi for c in found[:2]} == {"10.5555/lr.sovereigns", "10.5555/lr.sovereigns.ch3"}
    src = Source(key="h", type="book", title="Taming the Imaginary Sovereigns", year=2004,
                 publisher="Synthetic University Press", authors=demo(fake).get("holmwood2004taming").authors)
    ranked = search_reference(text, config, source=src, policy=FAST_POLICY)
    assert ranked[0].record.doi == "10.5555/lr.sovereigns" and ranked[0].score >= 0.8


def test_agency_falls_back_to_crossref_when_doi_org_fails(tmp_path) -> None:
    with FakeRegistry(limits=FAKE_LIMITS, records=False) as fake:
        dois = fake.add_synthetic_works(12)
        fake.inject("/ra/", "503", times=100)
        config = make_config(fake, tmp_path)
        sources = [Source(key=f"w{i}", type="article", doi=d) for i, d in enumerate(dois)]
        sources.append(Source(key="unknown", type="article", doi="10.9876/not.registered"))
        report = run(sources, config)
        assert report.complete, report.stopped
        assert sum(m.status == "verified" for m in report.metadata.values()) == 12
        assert fake.count("/ra/10.5555") == 2  # one lookup per prefix, tried twice
        assert sum(p.endswith("/agency") and p.startswith("/works/10.5555/") for p in fake.counts()) == 1
        assert report.metadata["unknown"].status == "not-found"  # no agency knows it: doi.org said 404
        assert fake.count("/10.9876/not.registered") == 1


def test_an_interrupted_lookup_is_not_counted_as_done() -> None:
    # Ctrl-C cancels the lookups in flight: the progress bar must not show them done (it read 20/20, then
    # "interrupted", when 9 of 20 lookups had answered).
    import asyncio
    from types import SimpleNamespace

    from litreview.registry.fetch import _Run

    class Count:
        done = 0

        def start(self, total, cached) -> None: ...

        def advance(self, stats) -> None:
            self.done += 1

    progress = Count()
    run = _Run((), None, None, None, lambda: None, progress)  # type: ignore[arg-type]
    http = SimpleNamespace(stats=None, stopped="")

    async def main() -> None:
        await run._job(http, asyncio.sleep(0), [], "answered")
        pending = asyncio.ensure_future(run._job(http, asyncio.sleep(30), [], "in flight"))
        await asyncio.sleep(0.01)
        pending.cancel()
        with pytest.raises(asyncio.CancelledError):
            await pending

    asyncio.run(main())
    assert progress.done == 1
