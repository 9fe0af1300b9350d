"""DOI discovery and the disagreement report on real recorded Crossref records, served by the fake.

The fake registry on 127.0.0.1 holds only the real works recorded under
../shared/fixtures/crossref/ (the search lists' items and the single works), marked not
synthetic; ``fetch`` searches it for entries without a DOI and reconciles entries with one.
Each near miss is a real record beside an entry that cites another work (another year, a
preprint where the entry names a journal), or a real record edited in the one field the
case is about, as said at each place.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import config_for

from litreview.bibliography.load import parse_bibliography
from litreview.registry.fetch import fetch_all
from litreview.testing.fake_registry import FakeRegistry
from litreview.testing.helpers import FAKE_LIMITS, FAST_LIMITS, FAST_POLICY

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "crossref"
LISTS = ("works-list_query-bibliographic_unstructured_match.json",)
WORKS = ("works_journal-article_10.7554-elife.01567.json", "works_monograph_10.1017-9781108348843.json")
CERMINE = "10.1007/s10032-015-0249-8"
ELIFE = "10.7554/elife.01567"


def message(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))["message"]


@pytest.fixture
def recorded():
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/crossref/ (real recorded responses) is not beside this clone")
    with FakeRegistry(records=False, limits=FAKE_LIMITS) as server:
        for name in LISTS:
            for item in message(name)["items"]:
                server.add_work({k: v for k, v in item.items() if k != "score"}, synthetic=False)
        for name in WORKS:
            server.add_work(message(name), synthetic=False)
        yield server


def fetched(fake, tmp_path: Path, bib: str):
    sources = parse_bibliography(bib, "refs.bib").sources
    report = fetch_all(sources, config_for(fake, tmp_path), policy=FAST_POLICY, limits=FAST_LIMITS,
                       check_urls=False, foreign_ok=True)
    return report.metadata


def suggested(fake, tmp_path: Path, bib: str) -> str | None:
    meta = fetched(fake, tmp_path, bib)["e"]
    return meta.suggestion.doi if meta.suggestion else None


CERMINE_ENTRY = ("@article{{e, author = {{Tkaczyk, Dominika and Szostek, Pawe{{\\l}} and Fedoryszak, Mateusz}},\n"
                 "  title = {{CERMINE: automatic extraction of structured metadata from scientific literature}},\n"
                 "  journal = {{International Journal on Document Analysis and Recognition}}, year = {{{year}}}}}\n")


@pytest.mark.parametrize(("year", "expected"), [(2015, CERMINE), (2014, CERMINE), (2016, CERMINE),
                                                 (2013, None), (2017, None)])
def test_an_article_two_years_off_is_not_suggested(recorded, tmp_path: Path, year: int, expected) -> None:
    # The recorded article is of 2015 (online first): one year off is an online-first or print date, two
    # years off is another work (a follow-up with the same title, a misdated citation).
    assert suggested(recorded, tmp_path, CERMINE_ENTRY.format(year=year)) == expected


ELIFE_ENTRY = ("@article{{e, author = {{Sankar, Martial and Nieminen, Kaisa}}, year = {{2014}},{journal}\n"
               "  title = {{Automated quantitative histology reveals vascular morphodynamics during "
               "Arabidopsis hypocotyl secondary growth}}}}\n")


def preprint_of(work: dict) -> dict:
    """The work as its preprint: Crossref's posted-content record of a bioRxiv preprint, a year earlier."""
    out = copy.deepcopy(work)
    for name in ("container-title", "short-container-title", "volume", "page", "article-number", "ISSN",
                 "issn-type", "journal-issue", "published-print", "published-online", "published", "relation"):
        out.pop(name, None)
    out.update({"DOI": "10.1101/000001", "type": "posted-content", "subtype": "preprint",
                "publisher": "Cold Spring Harbor Laboratory", "institution": [{"name": "bioRxiv"}],
                "issued": {"date-parts": [[2013, 10, 7]]}, "posted": {"date-parts": [[2013, 10, 7]]}})
    return out


def test_a_preprint_is_not_suggested_for_the_journal_article(tmp_path: Path) -> None:
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/crossref/ (real recorded responses) is not beside this clone")
    with FakeRegistry(records=False, limits=FAKE_LIMITS) as fake:
        fake.add_work(preprint_of(message(WORKS[0])), synthetic=False)
        assert suggested(fake, tmp_path, ELIFE_ENTRY.format(journal=" journal = {eLife},")) is None
        # the entry that names no journal (or the preprint server) may be the preprint
        assert suggested(fake, tmp_path / "a", ELIFE_ENTRY.format(journal="")) == "10.1101/000001"
        assert suggested(fake, tmp_path / "b", ELIFE_ENTRY.format(journal=" journal = {bioRxiv},")) \
            == "10.1101/000001"
        fake.add_work(message(WORKS[0]), synthetic=False)
        assert suggested(fake, tmp_path / "c", ELIFE_ENTRY.format(journal=" journal = {eLife},")) == ELIFE


@pytest.mark.parametrize(("registry", "entry"), [
    # Crossref puts the generational suffix in the family name; BibTeX's "von Last, Jr, First" keeps it apart
    ({"given": "Vincent S.", "family": "Leung Jr."}, "Leung, Jr., Vincent S."),
    ({"given": "Vincent S.", "family": "Leung", "suffix": "Jr."}, "Leung, Jr., Vincent S."),
    # a two-word surname that the registry splits at another place between given and family names
    ({"given": "Vincent Sato", "family": "Leung"}, "Sato Leung, Vincent"),
    ({"given": "Vincent Sato", "family": "Leung"}, "Sato Leung, V."),
    ({"given": "Vincent", "family": "Sato Leung"}, "Leung, Vincent Sato"),
])
def test_one_name_written_two_ways_is_no_disagreement(tmp_path: Path, registry: dict, entry: str) -> None:
    meta = _monograph_by(tmp_path, registry, entry)
    assert meta.status == "verified"
    assert [m for m in meta.mismatches if m.field == "authors"] == []


@pytest.mark.parametrize(("registry", "entry"), [
    ({"given": "Vincent Sato", "family": "Leung"}, "Kato Leung, Vincent"),
    ({"given": "Vincent", "family": "Sato Leung"}, "Leung, Vincent Kato"),
])
def test_another_name_is_still_a_disagreement(tmp_path: Path, registry: dict, entry: str) -> None:
    meta = _monograph_by(tmp_path, registry, entry)
    assert [m.field for m in meta.mismatches if m.field == "authors"] == ["authors"]


def _monograph_by(tmp_path: Path, registry: dict, entry: str):
    """The recorded monograph fetched for an entry whose author is ``entry``, with its one author's name as the
    registry writes it (the field these cases are about)."""
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/crossref/ (real recorded responses) is not beside this clone")
    work = message(WORKS[1])
    work["author"] = [{**registry, "sequence": "first", "affiliation": []}]
    with FakeRegistry(records=False, limits=FAKE_LIMITS) as fake:
        fake.add_work(work, synthetic=False)
        return fetched(fake, tmp_path, f"@book{{e, author = {{{entry}}}, title = {{The Politics of the Past in Early "
                                       "China}, year = 2019, publisher = {Cambridge University Press}, "
                                       "doi = {10.1017/9781108348843}}")["e"]


PONE = "works_journal-article_10.1371-journal.pone.0033693.json"
PONE_ENTRY = ("@article{{e, author = {{Sadasivan, Shankar and Pond, Brooks B.}}, year = {{2012}}, journal = {{PLoS ONE}},\n"
              "  volume = {{7}}, title = {{{title}}}}}\n")


def notice_of(work: dict, kind: str = "correction", title: str = "") -> dict:
    """A notice about the work as Crossref registers one: its own DOI, ``update-to`` naming the work, the
    work's title (some publishers title a correction as the article), no pages of the article's."""
    out = copy.deepcopy(work)
    for name in ("updated-by", "page", "reference", "relation"):
        out.pop(name, None)
    out.update({"DOI": "10.1371/annotation/00000000-0000-0000-0000-000000000001",
                "title": [title or work["title"][0]], "issued": {"date-parts": [[2012, 5, 8]]},
                "update-to": [{"type": kind, "DOI": work["DOI"], "updated": {"date-parts": [[2012, 5, 8]]},
                               "label": kind.capitalize(), "source": "publisher"}]})
    return out


@pytest.mark.parametrize("kind", ["correction", "retraction", "expression_of_concern"])
def test_a_notice_titled_as_the_work_is_not_suggested_for_it(tmp_path: Path, kind: str) -> None:
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/crossref/ (real recorded responses) is not beside this clone")
    work = message(PONE)
    with FakeRegistry(records=False, limits=FAKE_LIMITS) as fake:
        fake.add_work(notice_of(work, kind), synthetic=False)
        assert suggested(fake, tmp_path, PONE_ENTRY.format(title=work["title"][0])) is None
        fake.add_work(work, synthetic=False)
        assert suggested(fake, tmp_path / "a", PONE_ENTRY.format(title=work["title"][0])) == work["DOI"]


def test_an_entry_citing_the_notice_may_get_it(tmp_path: Path) -> None:
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/crossref/ (real recorded responses) is not beside this clone")
    work = message(PONE)
    title = "Correction: " + work["title"][0]
    with FakeRegistry(records=False, limits=FAKE_LIMITS) as fake:
        fake.add_work(notice_of(work, title=title), synthetic=False)
        assert suggested(fake, tmp_path, PONE_ENTRY.format(title=title)) == \
            "10.1371/annotation/00000000-0000-0000-0000-000000000001"


@pytest.mark.parametrize("kind", ["new_version", "New-Edition"])
def test_a_newer_version_of_another_doi_is_the_work_not_a_notice(kind: str) -> None:
    """A record whose ``update-to`` names an earlier version (another DOI) is the work in its newer form: it
    scores as the work, with no notice's discount."""
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/crossref/ (real recorded responses) is not beside this clone")
    from litreview.registry.discover import score_candidate
    from litreview.registry.parse import parse_crossref

    work = message(PONE)
    plain = parse_crossref(work)
    work["update-to"] = [{"DOI": "10.1371/journal.pone.0000001", "type": kind, "label": "New version",
                          "source": "publisher", "updated": {"date-parts": [[2012, 3, 1]],
                                                             "date-time": "2012-03-01T00:00:00Z",
                                                             "timestamp": 1330560000000}}]
    newer = parse_crossref(work)
    assert [u.doi for u in newer.updates if u.direction == "update-to"] == ["10.1371/journal.pone.0000001"]
    (source,) = parse_bibliography(PONE_ENTRY.format(title=work["title"][0]), "refs.bib").sources
    score, reasons = score_candidate(source, newer)
    assert (score, reasons) == score_candidate(source, plain)
    assert not any("notice" in reason for reason in reasons)


def test_one_doi_in_every_exported_form_is_fetched_once(tmp_path: Path) -> None:
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/crossref/ (real recorded responses) is not beside this clone")
    forms = ["10.1007/978-3-662-46370-3_13", "10.1007/978-3-662-46370-3\\_13", "10.1007/978-3-662-46370-3{\\_}13",
             "https://doi.org/10.1007/978-3-662-46370-3{\\_}13", "doi:10.1007/978-3-662-46370-3\\_13.",
             "DOI: 10.1007/978-3-662-46370-3_13", "https://dx.doi.org/10.1007%2F978-3-662-46370-3_13"]
    bib = "".join(f"@incollection{{e{i}, author = {{Diercks, Ronald L.}}, title = {{Clinical symptoms and physical "
                  f"examinations}}, booktitle = {{Shoulder Stiffness}}, year = 2015, doi = {{{form}}}}}\n"
                  for i, form in enumerate(forms))
    with FakeRegistry(records=False, limits=FAKE_LIMITS) as fake:
        fake.add_work(message("works_book-chapter_10.1007-978-3-662-46370-3_13.json"), synthetic=False)
        meta = fetched(fake, tmp_path, bib)
        assert {key: m.status for key, m in meta.items()} == {f"e{i}": "verified" for i in range(len(forms))}
        assert fake.count("/works/") == 1


CHAPTER_ENTRY = ("@incollection{{e, author = {{Diercks, Ronald L. and Ludvigsen, Tom Clement}}, year = 2015,\n"
                 "  title = {{Clinical Symptoms and Physical Examinations}}, booktitle = {{{book}}}}}\n")


@pytest.mark.parametrize(("book", "expected"), [
    ("Shoulder Stiffness", "10.1007/978-3-662-46370-3_13"),
    ("Shoulder Stiffness: Current Concepts and Concerns", "10.1007/978-3-662-46370-3_13"),  # with its subtitle
    ("Shoulder stiffness", "10.1007/978-3-662-46370-3_13"),
    # the authors' chapter of the same title in another book is another work
    ("The Frozen Shoulder", None),
    ("Elbow Arthroscopy", None),
])
def test_a_chapter_is_suggested_only_from_the_entry_s_book(recorded_chapter, tmp_path: Path, book: str,
                                                             expected) -> None:
    assert suggested(recorded_chapter, tmp_path, CHAPTER_ENTRY.format(book=book)) == expected


@pytest.fixture
def recorded_chapter():
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/crossref/ (real recorded responses) is not beside this clone")
    with FakeRegistry(records=False, limits=FAKE_LIMITS) as server:
        server.add_work(message("works_book-chapter_10.1007-978-3-662-46370-3_13.json"), synthetic=False)
        yield server
