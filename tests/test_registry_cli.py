"""`litreview fetch` and `litreview metadata` as a user runs them (fake registry over loopback)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from litreview.cli import main
from litreview.testing.fake_registry import FakeRegistry
from litreview.testing.helpers import FAKE_LIMITS, bibliography_for

CASES = Path(__file__).resolve().parent / "cases"
ARGS = ["--bib", "refs.bib", "--metadata-dir", "metadata"]
URL_VARS = ("LITREVIEW_CROSSREF_URL", "LITREVIEW_DOI_URL", "LITREVIEW_DATACITE_URL", "LITREVIEW_WAYBACK_URL")


@pytest.fixture
def fake(tmp_path, monkeypatch):
    with FakeRegistry(limits=FAKE_LIMITS) as server:
        (tmp_path / "refs.bib").write_text(bibliography_for(CASES / "registry_demo" / "refs.bib", server.url),
                                           encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        for name, value in server.env().items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("LITREVIEW_MAILTO", "tests@example.org")
        yield server


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_fetch_json_then_a_warm_run_makes_no_request(fake, capsys) -> None:
    code, out, err = run(capsys, "fetch", *ARGS, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    summary = data["summary"]
    assert summary["statuses"] == {"verified": 6, "no-doi": 4, "not-found": 1, "malformed": 1}
    # 11 DOI, search and URL answers, plus OpenAlex for each of the 7 well-formed DOIs and Open Library's
    # and OpenAlex's title searches for the one book without an ISBN.
    assert summary["requests"] > 0 and summary["written"] == 11 + 7 + 2 and summary["offline"] is False
    by_key = {s["key"]: s for s in data["sources"]}
    assert by_key["holmwood2004taming"]["suggested_doi"]["doi"] == "10.5555/lr.sovereigns"
    assert by_key["quillfeather2019deterrence"]["record"]["updates"][0]["type"] == "retraction"
    assert by_key["web2020gone"]["url_check"]["archive_url"].startswith("http://web.archive.org/web/")
    assert all(fake.requests[i].user_agent.endswith("(mailto:tests@example.org) httpx")
               for i in range(len(fake.requests)) if fake.requests[i].pool)
    fake.reset()
    code, out, _ = run(capsys, "fetch", *ARGS, "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["requests"] == 0 and fake.count() == 0


def test_metadata_reads_the_snapshot_only(fake, capsys) -> None:
    code, out, _ = run(capsys, "metadata", *ARGS, "--format", "json")
    assert code == 0 and fake.count() == 0
    rows = json.loads(out)
    assert [r["key"] for r in rows][:2] == ["fernhill2005world", "quillfeather2019deterrence"]
    assert set(rows[0]) == {"key", "status", "doi", "fetched_at", "stale", "record", "suggested_doi", "mismatches",
                            "url_check", "registries", "ignored_records_from", "reason"}
    assert rows[0]["registries"] == [{"registry": "Crossref", "state": "not-asked"},  # what fetch would ask
                                     {"registry": "doi.org", "state": "not-asked"},
                                     {"registry": "OpenAlex", "state": "not-asked"}]
    code, page, _ = run(capsys, "metadata", "--help")
    assert [k for k in rows[0] if k not in " ".join(page.split())] == []  # the help names every key
    assert rows[0]["status"] == "unverified" and "not yet verified" in rows[0]["reason"]
    code, out, _ = run(capsys, "metadata", *ARGS, "--key", "typo2020malformed")
    assert code == 0 and "malformed" in out
    code, _, err = run(capsys, "metadata", *ARGS, "--key", "nope")
    assert code == 2 and "no entry with key nope" in err


def test_fetch_table_and_offline_flag(fake, capsys) -> None:
    code, out, _ = run(capsys, "fetch", *ARGS, "--offline")
    assert code == 0 and fake.count() == 0 and "registry status" in out and "unverified" in out


def _offline_project(tmp_path, monkeypatch) -> None:
    """The demo bibliography in ``tmp_path`` (the working folder), every registry at a loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    (tmp_path / "refs.bib").write_text(bibliography_for(CASES / "registry_demo" / "refs.bib", dead), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in URL_VARS:
        monkeypatch.setenv(name, dead)


def test_fetch_without_network_exits_1_quickly_and_honestly(tmp_path, monkeypatch, capsys) -> None:
    _offline_project(tmp_path, monkeypatch)
    code, out, err = run(capsys, "fetch", *ARGS, "--format", "json")
    assert code == 1 and "network unreachable" in err and "snapshot is unchanged" in err
    summary, rows = json.loads(out)["summary"], {r["key"]: r for r in json.loads(out)["sources"]}
    # Quickly: it gives up on the first refusals, with no retry waits, instead of asking for each entry.
    assert summary["retries"] == 0 and summary["requests"] < sum(1 for r in rows.values() if r["doi"])
    assert rows["fernhill2005world"]["status"] == "unverified"
    assert "the network is unreachable" in rows["fernhill2005world"]["reason"]
    assert rows["typo2020malformed"]["status"] == "malformed"
    assert not (tmp_path / "metadata").exists()


def test_fetch_without_network_says_so_once_not_on_every_row(tmp_path, monkeypatch, capsys) -> None:
    # A table of every entry, each saying "not verified: the network is unreachable", buries the one fact: the
    # network is off. The table keeps what the run did tell (a malformed DOI); the others are counted once.
    _offline_project(tmp_path, monkeypatch)
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = run(capsys, "fetch", *ARGS)
    assert code == 1 and "network unreachable" in err and "snapshot is unchanged" in err
    assert "fernhill2005world" not in out and "holmwood2004taming" not in out
    assert "typo2020malformed" in out and "malformed" in out
    assert (out + err).count("unreachable") == 2, out + err  # the count on stdout, the cause on stderr
    assert "11 entries not listed" in out and "litreview fetch --offline" in out


def test_unknown_key_is_a_usage_error(fake, capsys) -> None:
    code, _, err = run(capsys, "fetch", *ARGS, "--key", "nope")
    assert code == 2 and "no entry with key nope" in err


def test_sync_unknown_key_is_a_usage_error(fake, capsys) -> None:
    code, _, err = run(capsys, "sync", *ARGS, "--key", "nope")
    assert code == 2 and "no entry with key nope" in err


@pytest.mark.parametrize("value", ["0", "-1"])
def test_timeout_must_be_positive(fake, capsys, value) -> None:
    code, _, err = run(capsys, "fetch", *ARGS, "--timeout", value)
    assert code == 2 and "--timeout" in err and fake.count() == 0


def test_a_lookup_that_failed_for_good_exits_1(fake, capsys) -> None:
    # The help promises 0 only when every lookup was answered.
    fake.inject("lr.culture.2005", "oversized-declared")
    code, out, err = run(capsys, "fetch", *ARGS, "--no-urls", "--no-search", "--format", "json")
    assert code == 1
    assert "byte cap" in err and "1 lookup failed" in err
    assert json.loads(out)["summary"]["errors"]


def test_fetch_resolves_a_manubot_manuscripts_identifiers(fake, capsys, tmp_path) -> None:
    # A Manubot manuscript has no .bib: the identifiers it cites are its sources, fetched as DOIs are.
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.intro.md").write_text("Culture shapes security [@doi:10.5555/lr.culture.2005].\n", encoding="utf-8")
    code, out, err = run(capsys, "fetch", "--essay", "content", "--bib", "none.bib", "--claims", "",
                         "--metadata-dir", "metadata", "--no-urls", "--format", "json")
    assert code == 0, err
    (source,) = json.loads(out)["sources"]
    assert source["key"] == "doi:10.5555/lr.culture.2005" and source["status"] == "verified"


def test_fetch_table_says_a_house_style_difference_is_only_that(fake, capsys, monkeypatch) -> None:
    """`check` is silent on a title differing in capitals only; the fetch table said "title" like a real
    disagreement."""
    fake.add_work({"DOI": "10.5555/lr.case", "type": "journal-article", "title": ["World Culture and Military Power"],
                   "author": [{"family": "Farrell", "given": "Theo"}], "issued": {"date-parts": [[2005]]},
                   "container-title": ["Security Studies"], "volume": "15"})
    Path("refs.bib").write_text("@article{a, author = {Farrell, Theo}, title = {World culture and military power},\n"
                                " journal = {Security Studies}, year = {2005}, volume = {14}, doi = {10.5555/lr.case}}\n",
                                encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "300")
    code, out, err = run(capsys, "fetch", *ARGS, "--no-urls")
    assert code == 0, err
    row = next(line for line in out.splitlines() if line.startswith("│ a "))
    assert "title (case" in row and "title," not in row  # (the column wraps "title (case only), volume")


def test_fetch_without_network_claims_no_search_result(tmp_path, monkeypatch, capsys) -> None:
    # A title search that could not be sent found nothing and missed nothing: the reason must not say "no match".
    _offline_project(tmp_path, monkeypatch)
    code, out, _ = run(capsys, "fetch", *ARGS, "--format", "json")
    row = {r["key"]: r for r in json.loads(out)["sources"]}["holmwood2004taming"]
    assert code == 1 and {r["state"] for r in row["registries"]} == {"unreachable"}
    assert "no match" not in row["reason"], row["reason"]
    assert "not searched" in row["reason"]


def test_fetch_table_says_a_doi_of_another_work_as_check_does(fake, capsys, monkeypatch) -> None:
    # Title and authors both differ from the DOI's record: `check` says LR202 (the DOI is another work's); the
    # fetch table called the entry "verified", as it does an entry that matches.
    Path("other.bib").write_text(
        "@article{other2005,\n  author = {Someone, Else},\n  title = {Naval Doctrine in Synthetic Archipelagos},\n"
        "  journal = {Journal of Synthetic Security Studies},\n  year = {2005},\n"
        "  doi = {10.5555/lr.culture.2005},\n}\n", encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = run(capsys, "fetch", "--bib", "other.bib", "--metadata-dir", "metadata", "--no-urls")
    assert code == 0, err
    assert "another work" in out, out
    code, out, _ = run(capsys, "check", "--bib", "other.bib", "--metadata-dir", "metadata", "--essay", "")
    assert "LR202" in out


def test_fetch_without_network_says_what_to_do(tmp_path, monkeypatch, capsys) -> None:
    _offline_project(tmp_path, monkeypatch)
    code, _, err = run(capsys, "fetch", *ARGS)
    assert code == 1 and "snapshot is unchanged" in err
    assert "HTTPS_PROXY" in err and "run `litreview fetch` again" in err, err


def test_fetch_json_says_offline_for_an_offline_run_and_unreachable_apart(tmp_path, monkeypatch, capsys) -> None:
    # "offline" was true only when the network was found unreachable, and false for `fetch --offline`.
    _offline_project(tmp_path, monkeypatch)
    code, out, _ = run(capsys, "fetch", *ARGS, "--format", "json", "--offline")
    summary = json.loads(out)["summary"]
    assert code == 0 and summary["offline"] is True and summary["unreachable"] is False and summary["requests"] == 0
    code, out, _ = run(capsys, "fetch", *ARGS, "--format", "json")
    summary = json.loads(out)["summary"]
    assert code == 1 and summary["offline"] is True and summary["unreachable"] is True


def _alias_of_culture(fake: FakeRegistry, entry_title: str, author: str) -> None:
    """The fake answers the alias 10.5555/lr.alias.2005 as Crossref answers an alias: with the primary's record."""
    from litreview.testing.fake_data import Stored

    primary = fake.works["10.5555/lr.culture.2005"]
    fake.add(Stored("10.5555/lr.alias.2005", "crossref", "crossref", primary.record, True))
    Path("alias.bib").write_text(
        f"@article{{aliased,\n  author = {{{author}}},\n  title = {{{entry_title}}},\n"
        "  journal = {Journal of Synthetic Security Studies},\n  year = {2005},\n  volume = {14},\n"
        "  number = {3},\n  pages = {448--488},\n  doi = {10.5555/lr.alias.2005},\n}\n", encoding="utf-8")


def test_an_alias_answered_with_the_primary_record_is_stored_and_told(fake, capsys, monkeypatch) -> None:
    # Crossref answers an alias DOI with the primary DOI's record. Fetch called that "failed" on every run
    # (exit 1, "doi.org: failed") and check then advised running fetch with network access.
    _alias_of_culture(fake, "World Culture and Imagined Military Power", "Fernhill, Theodora")
    monkeypatch.setenv("COLUMNS", "250")
    argv = ("--bib", "alias.bib", "--metadata-dir", "metadata")
    code, out, err = run(capsys, "fetch", *argv, "--no-urls", "--no-search", "--format", "json")
    assert code == 0, err
    (source,) = json.loads(out)["sources"]
    assert source["status"] == "verified", source
    assert "10.5555/lr.culture.2005" in source["reason"], source["reason"]
    assert {(r["registry"], r["state"]) for r in source["registries"]} >= {("Crossref", "found")}, source
    fake.reset()
    code, out, err = run(capsys, "fetch", *argv, "--no-urls", "--no-search")
    assert code == 0 and fake.count() == 0, err
    assert "LR212" in out, out  # (the status column wraps "verified (DOI alias: LR212)")
    code, out, _ = run(capsys, "check", *argv, "--essay", "", "--format", "json")
    found = [f for f in json.loads(out)["findings"] if f["key"] == "aliased"]
    assert [f["code"] for f in found] == ["LR212"], found
    assert "doi = {10.5555/lr.culture.2005}" in found[0]["hint"], found
    assert "10.5555/lr.alias.2005" in found[0]["message"] and found[0]["severity"] == "warning"


def test_another_works_record_for_a_doi_is_still_not_stored(fake, capsys) -> None:
    # The same answer for an entry that is not the record's work (a proxy or cache answering with another
    # work's record) is not taken for an alias: nothing is stored, the lookup failed.
    _alias_of_culture(fake, "Naval Doctrine in Synthetic Archipelagos", "Someone, Else")
    argv = ("--bib", "alias.bib", "--metadata-dir", "metadata")
    code, out, err = run(capsys, "fetch", *argv, "--no-urls", "--no-search", "--format", "json")
    assert code == 1 and "not stored" in err, err
    (source,) = json.loads(out)["sources"]
    assert source["status"] == "failed" and "another DOI, 10.5555/lr.culture.2005" in source["reason"], source
    # The registry that answered is the one said to have failed (the note names Crossref; this said doi.org).
    assert ("Crossref", "failed") in {(r["registry"], r["state"]) for r in source["registries"]}, source
    assert "doi.org" not in {r["registry"] for r in source["registries"]}, source
    assert not list(Path("metadata").glob("doi/*alias*")), list(Path("metadata").rglob("*"))


@pytest.mark.parametrize(("signal", "code", "word"), [(KeyboardInterrupt, 130, "interrupted"), ("term", 143, "terminated")])
def test_an_interrupted_fetch_says_the_stored_answers_are_kept(fake, capsys, monkeypatch, signal, code, word) -> None:
    # After Ctrl-C, fetch said only "interrupted": a user could not know that every answer already arrived is in
    # the snapshot, and that a second run asks only for the rest.
    import litreview.registry.fetch as fetch_module
    from litreview.cli import _Terminated

    def stopped(*args, **kw):
        raise KeyboardInterrupt if signal is KeyboardInterrupt else _Terminated

    monkeypatch.setattr(fetch_module, "fetch_all", stopped)
    got, _, err = run(capsys, "fetch", *ARGS, "--no-urls")
    assert got == code, err
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"{word}: the answers already stored in "), err
    assert "metadata are kept" in last and "`litreview fetch` run again asks only for the rest" in last, last
