"""Field-by-field reconciliation of entries with registry records (expected values by hand)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.model import Mismatch, Person, RegistryRecord, Source
from litreview.registry.compare import normalize_pages, publishers_agree
from litreview.registry.parse import parse_crossref
from litreview.registry.reconcile import reconcile

FARRELL = Person("Farrell", "Theo")


def article(**kw) -> Source:
    base = dict(key="farrell2005world", type="article", authors=(FARRELL,), year=2005,
                title="World Culture and Military Power", container="Security Studies", volume="14", number="3",
                pages="448–88", doi="10.1080/09636410500323187")
    base.update(kw)
    return Source(**base)


def record(**kw) -> RegistryRecord:
    base = dict(doi="10.1080/09636410500323187", agency="crossref", type="journal-article",
                title="World Culture and Military Power", authors=(Person("Farrell", "Theo"),), year=2005,
                container="Security Studies", volume="14", issue="3", pages="448-488", publisher="Informa UK Limited")
    base.update(kw)
    return RegistryRecord(**base)


def fields(mismatches: tuple[Mismatch, ...]) -> dict[str, tuple[str, str]]:
    return {m.field: (m.kind, m.likely_right) for m in mismatches}


def test_agreeing_entry_has_no_mismatch_even_with_abbreviated_pages() -> None:
    assert reconcile(article(), record()) == ()


@pytest.mark.parametrize(("entry_title", "reg", "kind", "right"), [
    ("World culture and military power", {}, "case", "unclear"),
    ("World Culture & Military Power", {}, "punctuation", "unclear"),
    ("World Culture and", {}, "truncated", "registry"),
    ("World Culture", {"subtitle": "Military Power Reconsidered"}, "subtitle", "registry"),
    ("World Culture and Military Power. Workshop Report", {}, "extra", "unclear"),
    ("World Culture and Militray Power", {}, "spelling", "registry"),
    ("Something Else Entirely", {}, "different", "unclear"),
])
def test_title_kinds(entry_title: str, reg: dict, kind: str, right: str) -> None:
    rec = record(**({"title": "World Culture"} if "subtitle" in reg else {}), **reg)
    got = reconcile(article(title=entry_title), rec)
    assert fields(got)["title"] == (kind, right)


def test_title_with_subtitle_joined_agrees() -> None:
    rec = record(title="The Anarchical Society", subtitle="A Study of Order in World Politics")
    src = article(title="The Anarchical Society: A Study of Order in World Politics")
    assert "title" not in fields(reconcile(src, rec))


def test_mismatch_carries_both_values() -> None:
    (m,) = reconcile(article(volume="15"), record())
    assert m == Mismatch("volume", "15", "14", "different", "registry")


@pytest.mark.parametrize(("entry", "reg", "kind"), [
    ((Person("Nye", "Joseph S."), Person("Keohane", "Robert O.")),
     (Person("Keohane", "Robert O."), Person("Nye", "Joseph S.")), "order"),
    ((Person("Keohane", "Robert O."),), (Person("Keohane", "Robert O."), Person("Nye", "Joseph S.")), "count"),
    ((Person("Keohane", "R. O."),), (Person("Keohane", "Robert O."),), None),  # initials fit the full name
    ((Person("Keohane", "J."),), (Person("Keohane", "Robert O."),), "initials"),
    ((Person("Keohane", "Robert"),), (Person("Keohan", "Robert"),), "spelling"),
    ((Person("Smith", "A."),), (Person("Jones", "B."),), "different"),
])
def test_author_kinds(entry, reg, kind) -> None:
    got = fields(reconcile(article(authors=entry), record(authors=reg)))
    assert got.get("authors", (None,))[0] == kind


def test_editor_listed_as_author_is_a_role_difference() -> None:
    src = Source(key="grotius", type="book", authors=(Person("Grotius", "Hugo"), Person("Neff", "Stephen C.")),
                 year=2012, title="Hugo Grotius on the Law of War and Peace")
    rec = RegistryRecord(doi="10.1017/x", agency="crossref", type="book", title="Hugo Grotius on the Law of War and Peace",
                         authors=(Person("Grotius", "Hugo"),), editors=(Person("Neff", "Stephen C."),), year=2012)
    assert fields(reconcile(src, rec)) == {"authors": ("role", "unclear")}


def test_year_online_first_is_not_a_mismatch() -> None:
    rec = record(year=2004, raw={"issued": {"date-parts": [[2004, 12]]},
                                 "published-print": {"date-parts": [[2005, 3]]}})
    assert "year" not in fields(reconcile(article(), rec))


def test_year_of_article_differs() -> None:
    assert fields(reconcile(article(year=2006), record()))["year"] == ("different", "registry")


def test_book_year_later_than_registry_is_a_reprint() -> None:
    src = Source(key="k", type="book", authors=(Person("Kant"),), year=1983, title="Perpetual Peace")
    rec = RegistryRecord(doi="10.1/x", agency="crossref", type="monograph", title="Perpetual Peace",
                         authors=(Person("Kant"),), year=1795)
    assert fields(reconcile(src, rec))["year"] == ("reprint", "unclear")


def test_container_abbreviation_and_containment_agree() -> None:
    rec = record(container="International Journal on Document Analysis and Recognition",
                 raw={"short-container-title": ["IJDAR"]})
    assert "container" not in fields(reconcile(article(container="IJDAR"), rec))
    long_name = "International Journal on Document Analysis and Recognition (IJDAR)"
    assert "container" not in fields(reconcile(article(container=long_name), rec))


def test_missing_fields_in_the_entry_are_reported() -> None:
    got = fields(reconcile(article(volume="", number="", pages=""), record()))
    assert got == {"volume": ("missing", "registry"), "issue": ("missing", "registry"),
                   "pages": ("missing", "registry")}


def test_pages_that_really_differ() -> None:
    assert fields(reconcile(article(pages="91–112"), record()))["pages"] == ("different", "registry")


def test_publisher_imprints_agree_and_others_are_unclear() -> None:
    assert publishers_agree("Cambridge University Press", "Cambridge University Press (CUP)")
    assert publishers_agree("Routledge", "Routledge, Taylor & Francis Group")
    assert publishers_agree("Palgrave Macmillan", "Palgrave Macmillan UK")
    src = Source(key="b", type="book", title="T", publisher="Routledge", year=2011)
    rec = RegistryRecord(doi="10.4324/x", agency="crossref", type="monograph", title="T", publisher="Informa UK Limited",
                         year=2011)
    assert fields(reconcile(src, rec)) == {"publisher": ("different", "unclear")}


def test_book_entry_with_a_chapter_doi_is_a_type_mismatch() -> None:
    src = Source(key="p", type="book", title="Intelligence Theory", year=2008)
    rec = RegistryRecord(doi="10.4324/9780203892992.ch4", agency="crossref", type="book-chapter",
                         title="Intelligence Theory", year=2008)
    assert fields(reconcile(src, rec)) == {"type": ("type", "unclear")}


@pytest.mark.parametrize(("pages", "expected"), [
    ("448–88", ("448", "488")), ("448--488", ("448", "488")), ("pp. 91-112", ("91", "112")),
    ("e33693", ("e33693", "")), ("1095-1105", ("1095", "1105")), ("", ("", "")), ("xii–xv", ("xii", "xv")),
])
def test_page_normalisation(pages: str, expected: tuple[str, str]) -> None:
    assert normalize_pages(pages) == expected


def test_tex_math_in_the_title_reads_as_the_registry_text() -> None:
    rec = record(title="Measurement of H2 production in algae")
    for title in ("Measurement of $\\mathrm{H}_2$ production in algae", "Measurement of H$_2$ production in algae",
                  "Measurement of H$_{2}$ production in algae"):
        got = fields(reconcile(article(title=title), rec))
        assert got.get("title", ("", ""))[0] in ("", "punctuation"), title  # never "spelling": nothing to fix
    assert fields(reconcile(article(title="Measurement of $CO_2$ production in algae"), rec))["title"][0] == "spelling"


def test_and_others_is_et_al() -> None:
    rec = record(authors=(FARRELL, Person("Doe", "Jane"), Person("Roe", "Rick")))
    assert "authors" not in fields(reconcile(article(authors=(FARRELL, Person("others"))), rec))
    assert "authors" not in fields(reconcile(article(authors=(FARRELL, Person("Doe", "J."), Person("others"))), rec))
    # the names given must still be the registry's first ones
    got = fields(reconcile(article(authors=(Person("Doe", "Jane"), Person("others"))), rec))
    assert got["authors"][0] == "different"
    got = fields(reconcile(article(authors=(Person("Farrell", "Q."), Person("others"))), rec))
    assert got["authors"][0] == "initials"


@pytest.mark.parametrize(("entry", "registry"), [
    (Person("van der Berg", "Jan"), Person("Berg", "Jan van der")),
    (Person("Berg", "Jan van der"), Person("van der Berg", "Jan")),
    (Person("Berg", "Jan", prefix="van der"), Person("van der Berg", "Jan")),
    (Person("te Velde", "Henk"), Person("Velde", "Henk")),
    (Person("d'Alembert", "Jean"), Person("Alembert", "Jean")),
    # every particle of the project's one table: a registry that leaves the particle out names the same person
    (Person("vom Stein", "Karl"), Person("Stein", "Karl")),
    (Person("ibn Khaldun", "Abd al-Rahman"), Person("Khaldun", "Abd al-Rahman")),
])
def test_a_particle_placed_elsewhere_is_the_same_name(entry: Person, registry: Person) -> None:
    assert "authors" not in fields(reconcile(article(authors=(entry,)), record(authors=(registry,))))


def test_a_lettered_page_range_written_short() -> None:
    assert normalize_pages("S12-19") == ("S12", "S19") == normalize_pages("S12–S19")
    assert normalize_pages("R120-9") == ("R120", "R129")
    assert "pages" not in fields(reconcile(article(pages="S12--S19"), record(pages="S12-19")))
    assert fields(reconcile(article(pages="S12--S19"), record(pages="S12-29")))["pages"][0] == "different"


def test_the_issue_print_year_counts() -> None:
    raw = {"issued": {"date-parts": [[2020, 12]]}, "published-online": {"date-parts": [[2020, 12, 1]]},
           "journal-issue": {"issue": "3", "published-print": {"date-parts": [[2021, 3]]}}}
    assert "year" not in fields(reconcile(article(year=2021), record(year=2020, raw=raw)))
    assert fields(reconcile(article(year=2022), record(year=2020, raw=raw)))["year"][0] == "different"


def _plos_record(shared: Path, **changes: object) -> RegistryRecord:
    """The recorded Crossref PLOS ONE work with some of its fields replaced (the record's real shape)."""
    path = shared / "fixtures" / "crossref" / "works_journal-article_10.1371-journal.pone.0033693.json"
    message = json.loads(path.read_text(encoding="utf-8"))["message"]
    message.update(changes)
    return parse_crossref(message)


def _entry_for(rec: RegistryRecord, **kw: object) -> Source:
    base: dict = dict(key="k", type="article", authors=rec.authors, year=rec.year, title=rec.title,
                      container=rec.container, volume=rec.volume, number=rec.issue, pages=rec.pages, doi=rec.doi)
    base.update(kw)
    return Source(**base)


def _journal_titles(shared: Path) -> set[str]:
    """Journal titles as Crossref's recorded references give them (the Science article's, in capitals)."""
    path = shared / "fixtures" / "crossref" / "transform_csl-json_10.1126-science.169.3946.635.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {r["journal-title"] for r in data.get("reference", []) if r.get("journal-title")}


@pytest.mark.parametrize(("short", "full", "agree"), [
    ("J. Am. Chem. Soc.", "JOURNAL OF THE AMERICAN CHEMICAL SOCIETY", True),
    ("JACS", "JOURNAL OF THE AMERICAN CHEMICAL SOCIETY", True),
    ("Phys. Rev. Lett.", "PHYSICAL REVIEW LETTERS", True),
    ("J. Chem. Phys.", "JOURNAL OF CHEMICAL PHYSICS", True),
    ("Angew. Chem. Int. Ed.", "ANGEWANDTE CHEMIE-INTERNATIONAL EDITION", True),
    ("Phys. Rev. B", "PHYSICAL REVIEW LETTERS", False),
    ("Phys. Rev.", "PHYSICAL REVIEW LETTERS", False),
    ("J. Phys. Chem.", "JOURNAL OF CHEMICAL PHYSICS", False),  # the words in another order: another journal
    ("J. Chem. Phys.", "JOURNAL OF PHYSICAL CHEMISTRY", False),
    ("PRL", "PHYSICAL REVIEW", False),
    ("Proc. Am. Acad.", "PROCEEDINGS OF THE AMERICAN ACADEMY OF ARTS AND SCIENCES", False),
])
def test_a_journal_abbreviation_agrees_only_with_its_journal(shared: Path, short: str, full: str, agree: bool) -> None:
    assert full in _journal_titles(shared)
    rec = _plos_record(shared, **{"container-title": [full], "short-container-title": []})
    assert rec.container == full
    got = fields(reconcile(_entry_for(rec, container=short), rec))
    assert ("container" not in got) is agree, got


@pytest.mark.parametrize(("short", "full", "agree"), [
    ("PNAS", "Proceedings of the National Academy of Sciences", True),
    ("Int. Organ.", "International Organization", True),
    ("Int. Secur.", "International Organization", False),
    ("Int. Organ.", "International Security", False),
    ("PNAS", "Proceedings of the National Academy of Sciences of the United States of America", False),
    ("IO", "International Security", False),
    ("Proc. Natl. Acad. Sci. U.S.A.", "Proceedings of the National Academy of Sciences", True),  # ISO 4: Natl.
    ("Proc. Natl. Acad. Sci. U.S.A.", "Proceedings of the National Academy of Sciences of the United States of America",
     True),
    ("Proc Natl Acad Sci USA", "Proceedings of the National Academy of Sciences", True),  # MEDLINE: no full stops
    ("Proc Natl Acad Sci USA", "Proceedings of the National Academy of Sciences of the United States of America", True),
    ("J Am Chem Soc", "Journal of the American Chemical Society", True),
    ("Chem Phys Lett", "Chemical Physics Letters", True),
    ("Proc Natl Acad Sci", "Proceedings of the National Academy of Sciences of the United States of America", False),
    ("Proc. Natl. Acad. Sci. U.S.A.", "Proceedings of the National Academy of Engineering", False),
    ("J Am Chem Soc", "Journal of the American Ceramic Society", False),
    ("J Phys Chem", "Journal of Chemical Physics", False),  # another order: another journal
    ("Hydrogen Bond", "Hydrogen Bonding", False),  # words with no full stop that are words: not MEDLINE's form
    ("American Political Science Review", "American Political Science Reviews", False),
    ("Natl. Interest", "International Interactions", False),  # a contraction keeps the first letter
])
def test_a_journal_abbreviation_without_a_short_container_title(shared: Path, short: str, full: str,
                                                                agree: bool) -> None:
    rec = _plos_record(shared, **{"container-title": [full], "short-container-title": []})
    got = fields(reconcile(_entry_for(rec, container=short), rec))
    assert ("container" not in got) is agree, got
    # the registry writing the abbreviation and the entry the full title: the same rule
    rec = _plos_record(shared, **{"container-title": [short], "short-container-title": []})
    assert ("container" not in fields(reconcile(_entry_for(rec, container=full), rec))) is agree


@pytest.mark.parametrize(("entry", "registry"), [
    ("Müller", "Mueller"), ("Mueller", "Müller"), ("Müller", "Muller"), ("Schröder", "Schroeder"),
    ("Bäcker", "Baecker"), ("Strauß", "Strauss"), ("Mu\u0308ller", "Mueller"),  # the last: the umlaut as a combining mark
])
def test_a_transliterated_umlaut_is_the_same_name(shared: Path, entry: str, registry: str) -> None:
    rec = _plos_record(shared)
    first = rec.authors[0]
    reg_rec = _plos_record(shared, author=[{"given": first.given, "family": registry, "sequence": "first"},
                                           *rec.raw["author"][1:]])
    src = _entry_for(reg_rec, authors=(Person(entry, first.given), *reg_rec.authors[1:]))
    assert "authors" not in fields(reconcile(src, reg_rec))


def test_a_different_name_with_an_umlaut_still_differs(shared: Path) -> None:
    rec = _plos_record(shared)
    first = rec.authors[0]
    reg_rec = _plos_record(shared, author=[{"given": first.given, "family": "Mueller", "sequence": "first"},
                                           *rec.raw["author"][1:]])
    for entry in ("Möller", "Miller", "Muell"):
        src = _entry_for(reg_rec, authors=(Person(entry, first.given), *reg_rec.authors[1:]))
        assert fields(reconcile(src, reg_rec))["authors"][0] in ("spelling", "different", "count"), entry


def test_no_two_journals_of_a_real_reference_list_agree(shared: Path) -> None:
    """The 34 journal and book titles of a recorded Crossref reference list (full titles, ISO 4 and MEDLINE forms):
    none abbreviates another."""
    from itertools import permutations

    from litreview.registry.compare import abbreviates

    titles = sorted(_journal_titles(shared))
    assert len(titles) == 34 and "CHEM PHYS LETT" in titles
    assert [(a, b) for a, b in permutations(titles, 2) if abbreviates(a, b)] == []
