"""Registry checks (LR2xx) on hand-built SourceMetadata: each code triggered, and a close case that is not."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.checks import check_review
from litreview.config import Config
from litreview.model import (
    DoiSuggestion,
    Mismatch,
    Person,
    RegistryRecord,
    Review,
    SourceMetadata,
    Update,
    UrlCheck,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)
BIB = parse_bibliography("""@article{williams2001discipline,
  author  = {Williams, Michael C.},
  title   = {The Discipline of the Democratic Peace},
  journal = {European Journal of International Relations},
  year    = {2001},
  doi     = {10.1177/1354066101007004006},
}

@online{rossignol2003joint,
  author = {Rossignol, Michel},
  title  = {The Joint Strike Fighter Project},
  year   = {2003},
  url    = {http://publications.gc.ca/Collection-R/LoPBdP/BP/prb0207-e.htm},
}

@techreport{moroney2009framework,
  author      = {Moroney, Jennifer D. P.},
  title       = {A Framework to Assess Programs for Building Partnerships},
  institution = {Naval Postgraduate School},
  year        = {2009},
}
""", "refs/bibliography.bib")
KEY = "williams2001discipline"
RECORD = RegistryRecord(doi="10.1177/1354066101007004006", agency="crossref", type="journal-article",
                        title="The Discipline of the Democratic Peace",
                        authors=(Person("Williams", "Michael C."),), year=2001)
VERIFIED = SourceMetadata(key=KEY, status="verified", record=RECORD, fetched_at="2026-05-01T10:00:00+00:00")
TRUNCATED = Mismatch("title", "The Discipline of the Democratic Peace",
                     "The Discipline of the Democratic Peace: Kant, Liberalism and the Social Construction of "
                     "Security Communities", "truncated", "registry")


def run(metadata: dict[str, SourceMetadata], bib=BIB):
    return check_review(Review(bibliography=bib, metadata=metadata), Config(), now=NOW).findings


def codes(metadata: dict[str, SourceMetadata]) -> list[str]:
    return [f.code for f in run(metadata) if f.code.startswith("LR2")]


def with_updates(*updates: Update) -> SourceMetadata:
    return replace(VERIFIED, record=replace(RECORD, updates=updates))


CASES = {
    "LR200": (replace(VERIFIED, status="not-found", record=None), VERIFIED),
    "LR201": (replace(VERIFIED, mismatches=(TRUNCATED,)),
              replace(VERIFIED, mismatches=(replace(TRUNCATED, likely_right="entry"),))),
    "LR202": (replace(VERIFIED, mismatches=(
                  Mismatch("title", "The Discipline of the Democratic Peace", "Soil Microbes", "different", "unclear"),
                  Mismatch("authors", "Williams, Michael C.", "Jones, Ann", "different", "unclear"))),
              replace(VERIFIED, mismatches=(
                  Mismatch("authors", "Williams, Michael C.", "Jones, Ann", "different", "unclear"),))),
    "LR203": (replace(VERIFIED, mismatches=(Mismatch("year", "2001", "1999", "reprint", "unclear"),)),
              replace(VERIFIED, mismatches=(
                  Mismatch("publisher", "SAGE", "SAGE Publications", "different", "unclear"),
                  Mismatch("title", "The discipline of the democratic peace", RECORD.title, "case", "unclear")))),
    "LR204": (with_updates(Update("retraction", "10.1177/notice", label="Retraction", date="2020-01-02")),
              with_updates(Update("retraction", "10.1177/other", label="Retraction", direction="update-to"))),
    "LR205": (with_updates(Update("correction", "10.1177/erratum", label="Correction")),
              with_updates(Update("correction", "10.1177/erratum", label="Correction", direction="update-to"))),
    "LR206": (with_updates(Update("new_edition", "10.1177/second", label="New edition")), VERIFIED),
    "LR207": (replace(VERIFIED, url_check=UrlCheck("https://example.org/gone", ok=False, status=404,
                                                   archive_url="https://web.archive.org/web/2019/https://example.org/gone",
                                                   checked_at="2026-05-01T10:00:00")),
              replace(VERIFIED, url_check=UrlCheck("https://example.org/busy", ok=False, status=429))),
    "LR209": (SourceMetadata(key=KEY, status="unverified", reason="not yet verified: the snapshot has no record"),
              SourceMetadata(key=KEY, status="malformed", reason="bad DOI")),
    "LR210": (replace(VERIFIED, stale=True), replace(VERIFIED, stale=False)),
    "LR211": (replace(VERIFIED, url_check=UrlCheck("http://example.org/old", ok=True, status=200,
                                                   final_url="https://example.org/new")),
              replace(VERIFIED, url_check=UrlCheck("https://example.org/page", ok=True, status=200,
                                                   final_url="https://example.org/page/"))),
    # The registry answered the entry's DOI (an alias) with the record of the work's primary DOI.
    "LR212": (replace(VERIFIED, record=replace(RECORD, doi="10.1177/primary.2001")), VERIFIED),
    # A search answer from a test server was ignored; the entry's own record is the real registry's.
    "LR220": (replace(VERIFIED, ignored=("http://127.0.0.1:8765",)), VERIFIED),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_triggers_and_near_miss_does_not(code: str) -> None:
    trigger, near = CASES[code]
    assert codes({KEY: trigger}) == [code]
    # LR202's near miss (only the authors differ) is still worth an info finding.
    assert codes({KEY: near}) == (["LR203"] if code == "LR202" else [])


def test_suggested_doi_only_for_entries_without_one() -> None:
    suggestion = DoiSuggestion("10.7249/MG863", 0.93, ("title", "author"), "A Framework to Assess Programs")
    meta = SourceMetadata(key="moroney2009framework", status="no-doi", suggestion=suggestion)
    found = [f for f in run({"moroney2009framework": meta}) if f.code == "LR208"]
    assert [(f.key, f.line) for f in found] == [("moroney2009framework", 16)]
    assert "10.7249/MG863" in found[0].message and found[0].hint == "If it is the same work, add doi = {10.7249/MG863}"
    near = replace(VERIFIED, suggestion=suggestion)  # the entry has a DOI: no suggestion to make
    assert codes({KEY: near}) == []


def test_every_registry_code_is_covered() -> None:
    from litreview.checks.catalogue import CATALOGUE

    assert {c for c in CATALOGUE if c.startswith("LR2")} == {*CASES, "LR208"}


def test_findings_point_at_their_field_or_the_entry_line() -> None:
    found = run({KEY: replace(VERIFIED, mismatches=(TRUNCATED,))})
    f = next(f for f in found if f.code == "LR201")
    assert (f.file, f.line, f.key, f.severity) == ("refs/bibliography.bib", 3, KEY, "warning")  # the title's
    assert f.message.startswith("title is cut short: entry 'The Discipline of the Democratic Peace', Crossref ")
    missing = Mismatch("pages", "", "42--64", "missing", "registry")
    lines = {(f.code, f.message.split(" ")[0]): f.line for f in run({KEY: replace(VERIFIED, mismatches=(
        replace(TRUNCATED, field="authors", kind="initials"), missing))})}
    assert lines == {("LR201", "authors"): 2, ("LR201", "pages"): 1}  # a field the entry lacks: its first line
    assert [(f.code, f.line) for f in run({KEY: CASES["LR200"][0]})] == [("LR200", 6)]  # the DOI's
    assert [(f.code, f.line) for f in run({KEY: CASES["LR209"][0]})] == [("LR209", 1)]  # the entry's


def test_broken_url_names_the_archive() -> None:
    f = next(f for f in run({KEY: CASES["LR207"][0]}) if f.code == "LR207")
    assert f.message == "URL https://example.org/gone is broken: HTTP 404 (checked 2026-05-01)"
    assert "https://web.archive.org/web/2019/https://example.org/gone" in f.hint


def test_offline_unverified_is_never_an_error() -> None:
    meta = SourceMetadata(key=KEY, status="failed", reason="network unreachable")
    found = [f for f in run({KEY: meta}) if f.code.startswith("LR2")]
    assert [(f.code, f.severity) for f in found] == [("LR209", "info")]
    assert found[0].message == "DOI 10.1177/1354066101007004006 could not be verified: network unreachable"


def test_registry_mismatch_supersedes_the_formatting_finding() -> None:
    bib = parse_bibliography("""@article{williams2001discipline,
  author  = {Williams, Michael C.},
  title   = {The Discipline of the Democratic Peace:},
  journal = {European Journal of International Relations},
  year    = {2001},
  doi     = {10.1177/1354066101007004006},
}
""")
    alone = [f.code for f in run({}, bib)]
    assert alone == ["LR131"]
    with_record = [f.code for f in run({KEY: replace(VERIFIED, mismatches=(TRUNCATED,))}, bib)]
    assert with_record == ["LR201"]


def test_original_year_explains_the_registry_extra_words() -> None:
    bib = parse_bibliography("""@incollection{wendt1995anarchy,
  author    = {Wendt, Alexander},
  title     = {Anarchy Is What States Make of It (1992)},
  booktitle = {International Theory},
  publisher = {Palgrave Macmillan},
  year      = {1995},
  doi       = {10.1007/978-1-349-23773-9_7},
}
""")
    extra = Mismatch("title", "Anarchy Is What States Make of It (1992)", "Anarchy Is What States Make of It",
                     "extra", "unclear")
    meta = SourceMetadata(key="wendt1995anarchy", status="verified", mismatches=(extra,),
                          record=RegistryRecord(doi="10.1007/978-1-349-23773-9_7", agency="crossref"))
    assert [f.code for f in run({"wendt1995anarchy": meta}, bib)] == ["LR135"]


def test_suggestion_replaces_the_doi_heuristic() -> None:
    bib = parse_bibliography("@book{holsti2004taming, author={Holsti, K. J.}, title={Taming the Sovereigns}, "
                             "publisher={Cambridge University Press}, year={2004}}\n")
    assert [f.code for f in run({}, bib)] == ["LR137"]
    meta = SourceMetadata(key="holsti2004taming", status="no-doi",
                          suggestion=DoiSuggestion("10.1017/CBO9780511491306", 0.97, (), "Taming the Sovereigns"))
    assert [f.code for f in run({"holsti2004taming": meta}, bib)] == ["LR208"]


def test_unverified_doi_is_named_bare_when_the_field_holds_its_link() -> None:
    # doi = {https://doi.org/10.1177/...}: LR121 is about the form; "not yet verified" names the DOI itself.
    bib = parse_bibliography("@article{williams2001discipline,\n  author = {Williams, Michael C.},\n  title = {T},\n"
                             "  journal = {J},\n  year = {2001},\n  doi = {https://doi.org/10.1177/1354066101007004006},\n}\n",
                             "refs.bib")
    meta = {KEY: SourceMetadata(key=KEY, status="unverified", reason="not yet verified: the snapshot has no record")}
    [lr209] = [f for f in run(meta, bib) if f.code == "LR209"]
    assert lr209.message == "DOI 10.1177/1354066101007004006 not yet verified: the snapshot has no record"


def test_an_alias_says_the_primary_doi_to_write_and_another_works_record_is_no_alias() -> None:
    alias = replace(VERIFIED, record=replace(RECORD, doi="10.1177/primary.2001"))
    (found,) = [f for f in run({KEY: alias}) if f.code == "LR212"]
    assert found.hint == "Write doi = {10.1177/primary.2001}" and found.line == 6, found  # the doi field's line
    assert "10.1177/1354066101007004006" in found.message and found.severity == "warning"
    other = replace(alias, mismatches=(
        Mismatch("title", "The Discipline of the Democratic Peace", "Soil Microbes", "different", "unclear"),
        Mismatch("authors", "Williams, Michael C.", "Jones, Ann", "different", "unclear")))
    assert codes({KEY: other}) == ["LR202"]  # never "write doi = {...}" for another work's DOI


def test_a_doi_the_registry_does_not_know_may_be_an_alias() -> None:
    # Crossref's REST API answers 404 for an alias DOI (one the publisher merged into another; doi.org still
    # redirects it): "look the work up by title" alone left the user hunting for a DOI doi.org would have named.
    (found,) = [f for f in run({KEY: replace(VERIFIED, status="not-found", record=None)}) if f.code == "LR200"]
    assert found.hint == ("Check the DOI for typos; if https://doi.org/10.1177/1354066101007004006 still opens the "
                          "work, the DOI is an alias of another: write the DOI it leads to"), found.hint
