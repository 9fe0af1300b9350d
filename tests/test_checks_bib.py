"""Bibliography checks (LR1xx): for every code a fixture that triggers it and one close to it that must not."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from litreview.bibliography.csl import parse_csl
from litreview.bibliography.dates import edtf_range_problem, iso_form
from litreview.bibliography.load import load_bibliography, parse_bibliography
from litreview.checks import check_review
from litreview.checks.bib import isbn_problem, url_problem, work_signature
from litreview.checks.bib_dates import year_problem
from litreview.checks.catalogue import CATALOGUE
from litreview.checks.duplicates import check_duplicates
from litreview.checks.style import is_all_capitals, title_case
from litreview.checks.style_names import fixed_given
from litreview.config import Config
from litreview.doi import normalize_doi
from litreview.model import Review, Source
from litreview.text import fold_words

CASES = Path(__file__).parent / "cases" / "checks_bib"
EXPECTED = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))
NOW = datetime.fromisoformat(EXPECTED["now"])
TRIGGERS = sorted(EXPECTED["triggers"])
NEAR = sorted(p.name for p in CASES.glob("*-near.bib"))


def findings_for(path: Path, config: Config | None = None):
    review = Review(bibliography=load_bibliography(path))
    return check_review(review, config or Config(root=CASES), now=NOW).findings


_CASE_HINT = "Write the name as the work prints it, e.g. '{}' (a body's name in double braces: {{{{Name of the Body}}}})"
_LOWER_HINT = ("Write the family name with its capital (a particle such as 'van' before it: 'van Dijk, Jan'; a body's "
               "name in double braces: {{Name of the Body}})")


@pytest.mark.parametrize("name", TRIGGERS)
def test_trigger_gives_exactly_the_expected_findings(name: str) -> None:
    found = findings_for(CASES / name)
    got = sorted([f.code, f.key, f.line] for f in found)
    want = sorted(EXPECTED["triggers"][name], key=lambda x: (x[0], x[1] or "", x[2]))
    assert sorted(got, key=lambda x: (x[0], x[1] or "", x[2])) == want
    assert all(f.file == f"{name}" for f in found), "findings point at the .bib, relative to the root"


@pytest.mark.parametrize("name", NEAR)
def test_near_miss_gives_no_finding(name: str) -> None:
    assert [(f.code, f.key, f.message) for f in findings_for(CASES / name)] == []


#: Codes whose trigger is too large for a fixture file: generated in tests/test_hardening_inputs.py.
GENERATED = {"LR145"}
#: Codes about a Manubot manuscript's citations by identifier, which are sources with no .bib: in test_essay_readers_manubot.py.
GENERATED |= {"LR126"}


def test_every_bibliography_code_has_a_trigger_and_a_near_miss() -> None:
    bib_codes = {c for c in CATALOGUE if c.startswith("LR1")}
    assert {n.split("-")[0] for n in TRIGGERS} | GENERATED == bib_codes
    assert {n.split("-")[0] for n in NEAR} | GENERATED == bib_codes


def test_syntax_error_does_not_also_report_the_fields_it_swallowed() -> None:
    found = findings_for(CASES / "LR100-trigger.bib")
    assert [f.code for f in found] == ["LR100"]
    # Nor "no DOI" (LR137) for an article of 2020 whose doi field the error swallowed.
    text = "@article{late2020,\n  author = {Doe, Jane},\n  title = {T},\n  journal = {J},\n  year = {2020}\n  doi = {10.1000/xyz},\n}\n"
    review = Review(bibliography=parse_bibliography(text, "refs.bib"))
    assert [f.code for f in check_review(review, Config(), now=NOW).findings] == ["LR100"]


def test_messages_name_the_problem() -> None:
    by_key = {f.key: f for f in findings_for(CASES / "LR110-trigger.bib")}
    assert by_key["protocol2007modern"].message == "@book entry lacks author or editor"
    assert "double braces" in by_key["protocol2007modern"].hint
    assert by_key["treverton2006toward"].message == "@techreport entry lacks institution"
    williams = findings_for(CASES / "LR131-trigger.bib")[0]
    assert williams.message == "title ends with a colon: 'The Discipline of the Democratic Peace:'"
    assert "subtitle" in williams.hint
    wendt = findings_for(CASES / "LR135-trigger.bib")[0]
    assert wendt.message == "title carries the year (1992) but the entry's year is 1995"
    assert "origdate = {1992}" in wendt.hint
    names = {f.message: f.hint for f in findings_for(CASES / "LR133-trigger.bib")}
    assert names == {"author 'Vincent, R.j.': miscased initials": "Write 'Vincent, R. J.'",
                     # the hint of a name's case, not the catalogue's about initials
                     "author 'smith, john': family name in lower case": _LOWER_HINT,
                     "author 'WALTZ, Kenneth': family name in capitals": _CASE_HINT.format("Waltz, Kenneth")}
    # a stray 'and' ending the list is LR104's, not a lower-case family name "and"; a name all in capitals
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.style_names import check_names

    bib = parse_bibliography("@book{a, author = {STARA, STEFANO and Roe, Jane and}, title = {T}, year = 2001}", "x.bib")
    assert [(f.message, f.hint) for f in check_names(bib.sources[0])] == [
        ("author 'STARA, STEFANO': family name in capitals", _CASE_HINT.format("Stara, Stefano"))]
    # Names written in capitals by one export (Scopus): one finding for the list, not one per name (six for one
    # entry); initials stay capitals in the example ('W.E.', once 'W.e.'). A list with one such name keeps its own.
    bib = parse_bibliography("@article{g, author = {GOELLNER, KATHARINA and CONRATH, U. W.E. and KOCH, ECKHARD and "
                             "LOEHRER, MARCO and Roe, Jane}, title = {T}, year = 2010}", "x.bib")
    assert [(f.message, f.hint) for f in check_names(bib.sources[0])] == [
        ("authors 'GOELLNER, KATHARINA', 'CONRATH, U. W.E.', 'KOCH, ECKHARD' and 1 more: family names in capitals "
         "(4 of the 5 authors)", _CASE_HINT.format("Goellner, Katharina").replace(
             "Write the name as the work prints it", "Write the names as the work prints them"))]
    bib = parse_bibliography("@article{c, author = {CONRATH, U. W.E.}, title = {T}, year = 2010}", "x.bib")
    assert [f.hint for f in check_names(bib.sources[0])] == [_CASE_HINT.format("Conrath, U. W.E.")]
    # A file's description in the author field, read with the family name 'ESP8266': a product's code, not a name in
    # capitals to write 'Esp8266'.
    bib = parse_bibliography('@online{b, author = {Skrypt obsługujący enkodery dla ESP8266, "encoders.c"}, year = 2023}',
                             "x.bib")
    assert [f.code for f in check_names(bib.sources[0])] == []
    stale = findings_for(CASES / "LR136-trigger.bib")[0]
    assert stale.message == "web source last accessed 2018-12-03, 7 years ago (limit 5 years)"
    pages = findings_for(CASES / "LR138-trigger.bib")[0]
    assert pages.hint == "Write pages = {448--488}"



@pytest.mark.parametrize(("author", "example"), [
    ("O'BRIEN, Pat", "O'Brien, Pat"),            # a capital after the apostrophe
    ("DE LA CRUZ, Juan", "de la Cruz, Juan"),    # particles in lower case
    ("MCDONALD, Ann", None),                     # McDonald or Mcdonald: only the work tells
    ("MACLEOD, Ian", None),
])
def test_the_example_of_a_name_in_capitals_is_cased_as_names_are(author: str, example: str | None) -> None:
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.style_names import check_names

    bib = parse_bibliography(f"@book{{a, author = {{{author}}}, title = {{T}}, year = 2001}}", "x.bib")
    [finding] = [f for f in check_names(bib.sources[0]) if f.code == "LR133"]
    if example:
        assert f"e.g. {example!r} (" in finding.hint
    else:
        assert "e.g." not in finding.hint

def test_access_age_is_configurable() -> None:
    lenient = Config(root=CASES, access_max_age_days=10 * 365)
    assert findings_for(CASES / "LR136-trigger.bib", lenient) == ()
    strict = Config(root=CASES, access_max_age_days=30)
    assert [f.code for f in findings_for(CASES / "LR136-near.bib", strict)] == ["LR136"]
    one_day = Config(root=CASES, access_max_age_days=1)
    assert findings_for(CASES / "LR136-near.bib", one_day)[0].message.endswith("(limit 1 day)")


@pytest.mark.parametrize(("isbn", "problem"), [
    ("978-0-306-40615-7", ""),      # the ISBN-13 worked example: 9+21+8+0+3+0+6+12+0+18+1+15 = 93, check 7
    ("0-306-40615-2", ""),          # the ISBN-10 worked example: sum 130 + 2 = 132 = 12 x 11
    ("0-8044-2957-X", ""),          # X stands for 10
    ("ISBN 978 0 306 40615 7", ""),
    ("978-0-306-40615-6", "wrong check digit"),
    ("0-306-40615-3", "wrong check digit"),
    ("978-0-306-4061", "an ISBN has 10 or 13 digits, this has 11"),
])
def test_isbn_checksums(isbn: str, problem: str) -> None:
    assert isbn_problem(isbn) == problem


def test_an_issn_with_an_export_residue_in_the_isbn_field_is_named() -> None:
    # Mendeley's export of an IEEE article: isbn = "1077-2626 VO  - 19" was "invalid: it holds 'VO' beside its 10
    # digits", as if the journal's ISSN and the volume were one ISBN
    from litreview.checks.bib import check_isbn

    bib = parse_bibliography('@article{a, isbn = "1077-2626 VO  - 19", issn = "10772626", title = {T}}\n'
                             '@article{b, isbn = "1077-2626 VO  - 19", title = {T}}\n'
                             '@article{c, isbn = "0-306-40615-2 pbk", title = {T}}\n')
    found = {s.key: list(check_isbn(s)) for s in bib.sources}
    (a,), (b,) = found["a"], found["b"]
    assert a.message == "ISBN '1077-2626 VO - 19' is invalid: it is the ISSN 1077-2626, which belongs in the issn field, then 'VO - 19'"
    assert a.hint == "Delete the isbn field: the issn field holds this ISSN"
    assert b.hint == "Write issn = {1077-2626} and delete the isbn field"
    assert "ISSN" not in found["c"][0].message  # an ISBN and a word after it is no ISSN


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.org/a_b", True), ("http://localhost/x", True), ("ftp://ftp.example.org/f", True),
    ("www.example.org", False), ("https://exa mple.org", False), ("mailto:a@example.org", False),
    (r"https://example.org/a\_b", False), ("https:///path", False), ('https://example.org/pii/S18"', False),
    # JabRef and biblatex take a local file's address; a bare path is no URL.
    ("file://c:/asdf/asdf", True), ("file:///home/a/x.pdf", True), ("c:/asdf/asdf", False), ("file:", False),
])
def test_url_syntax(url: str, ok: bool) -> None:
    assert (url_problem(url) == "") is ok


@pytest.mark.parametrize(("year", "ok"), [
    ("2004", True), ("2004a", True), ("1995--1996", True), ("2004/05", True), ("forthcoming", True), ("n.d.", True),
    ("To appear", True),  # a status, printed where the year goes, as "in press" is
    ("2027", True), ("2028", False), ("0995", False), ("95", False), ("199x", False), ("MMIV", False),
    # BibTeX's rule (btxdoc): the last four characters that are not punctuation are numerals.
    ("1986,", True), ("(about 1984)", True), ("1986(){},.;!?<>%&$", True), ("(1986a)", False), ("204", False),
    ("c. 2999", False),
    # A locale's no-date term, as a German, French or Dutch bibliography writes it where the year goes ("o. J." was an
    # error where "n.d." was not): the style prints it as written; "o.D." and "s. f." spaced or not.
    ("o. J.", True), ("o.D.", True), ("s. f.", True), ("z.d.", True), ("ohne Datum", True), ("o. X.", False),
])
def test_years(year: str, ok: bool) -> None:
    assert (year_problem(year, NOW.date()) == "") is ok


def test_a_short_year_counts_its_digits_in_words() -> None:
    assert year_problem("1", NOW.date()) == "year '1' has 1 digit; write all four"
    assert year_problem("202", NOW.date()) == "year '202' has 3 digits; write all four"


@pytest.mark.parametrize(("value", "iso"), [
    # Layouts JabRef's date parser reads: biber ignores them, and each has one ISO form.
    ("21-04-2018", "2018-04-21"), ("04-2018", "2018-04"), ("21.04.2018", "2018-04-21"), ("2018.04.21", "2018-04-21"),
    ("04/2018", "2018-04"), ("04/18", "2018-04"), ("April 21, 2018", "2018-04-21"), ("April, 2018", "2018-04"),
    ("Jan, 2020", "2020-01"), ("2009-1-15", "2009-01-15"),
    # The month in words without a comma, day first or after the month, abbreviated, in the languages the
    # reference parser knows its names in.
    ("March 1994", "1994-03"), ("March 3, 1994", "1994-03-03"), ("Sept. 3 1994", "1994-09-03"),
    ("3 March 1994", "1994-03-03"), ("3. März 1994", "1994-03-03"), ("décembre 2019", "2019-12"),
    ("Spring 1994", ""), ("Vol 1994", ""), ("March 32, 1994", ""),
    # Already ISO, or no date at all.
    ("2018-04-21", ""), ("2018", ""), ("2018-Apr-21", ""), ("2018_04_21", ""), ("2018 04 21", ""), ("31.02.2018", ""),
])
def test_iso_form_of_other_date_layouts(value: str, iso: str) -> None:
    assert iso_form(value) == iso


def test_a_worded_month_and_year_in_a_date_field_is_a_readable_date_with_its_iso_form() -> None:
    # "March 1994" was reported as no date (LR124) where "April, 2018" was a readable one (LR146) with its fix.
    bib = parse_bibliography("@book{k, title={T}, author={A, B}, publisher={P}, date={March 1994}}\n", "refs.bib")
    found = [f for f in check_review(Review(bibliography=bib), Config(), now=NOW).findings if f.code in ("LR124", "LR146")]
    assert [(f.code, f.line, f.hint) for f in found] == [("LR146", 1, "Write date = {1994-03}")]


@pytest.mark.parametrize(("value", "ok"), [
    ("2018-04-21", True), ("2004-02-29", True), ("-0044-03-15", True), ("199X", True), ("19XX", True),
    ("1999-XX-XX", True), ("2004-22", True), ("2004?", True), ("2004-06~", True), ("2004-06-11%", True),
    ("2018-10-03T07:24:14+03:00", True), ("1988/1992", True), ("1988/..", True), ("../1988", True),
    ("2004-13-01", False), ("2004-02-30", False), ("21.04.2018", False), ("2018~04~21", False), ("/", False),
    ("1988/1990/1992", False),
])
def test_dates_biblatex_reads(value: str, ok: bool) -> None:
    assert (edtf_range_problem(value) == "") is ok


def test_doi_and_title_normalisation() -> None:
    assert normalize_doi("https://doi.org/10.1017/CBO9780511491306") == "10.1017/cbo9780511491306"
    assert normalize_doi("doi:10.1080/X") == "10.1080/x"
    assert normalize_doi("https://doi.org/10.1002/%28SICI%29") == "10.1002/(sici)"
    assert fold_words("Anarchy Is What States Make of It!") == "anarchy is what states make of it"
    assert fold_words("Über-Macht") == "uber macht"


def test_work_signature_ignores_case_and_punctuation() -> None:
    bib = parse_bibliography("@book{a, author={Wendt, Alexander}, title={Social Theory}, year={1999}}\n"
                             "@book{b, author={Wendt, A.}, title={Social theory.}, year={1999}}\n")
    a, b = bib.sources
    assert work_signature(a) == work_signature(b) == ("social theory", 1999, "wendt")


def test_capitals_and_title_case() -> None:
    assert is_all_capitals("THE JOINT STRIKE FIGHTER PROJECT")
    assert not is_all_capitals("U.S. Code: Title 10 – ARMED FORCES")  # mostly capitals, but not all
    assert not is_all_capitals("{NATO} {ISAF}")
    assert not is_all_capitals("NATO")
    assert title_case("THE JOINT STRIKE FIGHTER PROJECT") == "The Joint Strike Fighter Project"
    assert title_case("POWER AND INTERDEPENDENCE IN THE WORLD") == "Power and Interdependence in the World"
    # an acronym stays in capitals: the example was "Proceedings of the Ieee"
    assert title_case("PROCEEDINGS OF THE IEEE") == "Proceedings of the IEEE"
    assert title_case("A STUDY OF HTTP/2 IN SIAM JOURNALS") == "A Study of HTTP/2 in SIAM Journals"
    # a run of three vowels tells an acronym of four letters at most ("IEEE", "IAEA"), with no Y in it: the hint
    # kept "LOYALTY" (O, Y, A) and "VARIOUS" in capitals
    assert title_case("INSIGHTS FROM AN EXIT, VOICE, AND LOYALTY GAME") == "Insights from an Exit, Voice, and Loyalty Game"
    assert title_case("VARIOUS QUEUE MODELS OF THE IAEA") == "Various Queue Models of the IAEA"
    # each part of a hyphenated word capitalised (a German paper's "WESER-KURIER" was "Weser-kurier"), a small word
    # within one not (CMOS 8.161)
    assert title_case("WESER-KURIER") == "Weser-Kurier"
    assert title_case("A STATE-OF-THE-ART SELF-ORGANIZING MAP") == "A State-of-the-Art Self-Organizing Map"


def test_a_journal_abbreviated_in_acronyms_is_not_in_capitals() -> None:
    # "IEEE GRSL" is IEEE Geoscience and Remote Sensing Letters as a thesis abbreviates it: "Ieee Grsl" was the hint
    from litreview.checks.style import check_capitals

    def journals(journal: str) -> list[str]:
        bib = parse_bibliography(f"@article{{a, title = {{T}}, journal = {{{journal}}}, year = 2019}}", "x.bib")
        return [f.message for f in check_capitals(bib.sources[0])]

    assert journals("IEEE GRSL") == journals("NIST NSRDS -") == journals("ACM TOG") == []
    assert journals("JOURNAL OF SUPERCOMPUTING") == ["journal is in capitals: 'JOURNAL OF SUPERCOMPUTING'"]
    # names of short words are names in capitals too, not acronyms (a word of six letters was asked for)
    for journal in ("CELL STEM CELL", "BRAIN RES", "BLOOD CELLS", "KEIO SFC JOURNAL", "WESER-KURIER"):
        assert journals(journal) == [f"journal is in capitals: {journal!r}"], journal


def test_fixed_initials() -> None:
    assert fixed_given("R.j.") == "R. J."
    assert fixed_given("k. j.") == "K. J."
    assert fixed_given("Michael c.") == "Michael C."


def test_crossref_parent_supplies_required_fields() -> None:
    text = ("@book{parent, editor={Gill, Peter}, title={Intelligence Theory}, publisher={Routledge}, year={2008}}\n"
            "@incollection{child, author={Wirtz, James}, title={A Chapter}, crossref={parent}}\n")
    review = Review(bibliography=parse_bibliography(text, "x.bib"))
    codes = [f.code for f in check_review(review, Config(), now=NOW).findings]
    assert "LR110" not in codes and "LR111" not in codes
    orphan = parse_bibliography("@incollection{child, author={Wirtz, James}, title={A Chapter}, crossref={gone}}\n")
    codes = [f.code for f in check_review(Review(bibliography=orphan), Config(), now=NOW).findings]
    assert codes.count("LR110") == 1


_VINCENT = """@article{vincent1988hedley,
  author  = {Vincent, R. J.},
  title   = {Hedley Bull and Order in International Politics},
  journal = {Millennium},
  volume  = {17},
  year    = {1988},
  doi     = {10.1177/03058298880170020701},
}
"""


def _dup_codes(copy_doi: str) -> list[tuple[str, str | None, int | None]]:
    copy = ("@article{copy1988,\n  author  = {Vincent, R. J.},\n"
            "  title   = {HEDLEY BULL AND ORDER IN INTERNATIONAL POLITICS},\n"
            f"  journal = {{Millennium}},\n  year    = {{1988}},\n  doi     = {{{copy_doi}}},\n}}\n")
    bib = parse_bibliography(_VINCENT + copy, "refs.bib")
    found = check_review(Review(bibliography=bib), Config(root=CASES), now=NOW).findings
    return sorted((f.code, f.key, f.line) for f in found if f.code in ("LR106", "LR107"))


def test_a_copy_with_a_mistyped_doi_is_still_a_duplicate() -> None:
    # The DOI differs only by a link prefix and a space slipped in: the same DOI (and LR120 says why).
    assert _dup_codes("https://doi.org/10.1177/ 03058298880170020701") == [("LR106", "copy1988", 9)]
    # A malformed DOI (a space for the slash) does not make the copy another work.
    assert _dup_codes("https://doi.org/10.1177 03058298880170020701") == [("LR107", "copy1988", 9)]
    # A well-formed, different DOI does: two registered works.
    assert _dup_codes("10.1177/0305829888") == []


@pytest.mark.parametrize(("second_url", "author", "found"), [
    # Two articles of one site, each titled with the site's name and no one named: two pages, not a copy.
    ("https://tdan.com/the-enterprise-data-model/5205", "", []),
    # The same page (another scheme, a final slash), or two addresses of a work someone wrote: one work.
    ("http://www.tdan.com/data-warehouse-design-inmon-versus-kimball/20300/", "", ["TDAN:EDM"]),
    ("https://tdan.com/the-enterprise-data-model/5205", "  author = {Inmon, Bill},\n", ["TDAN:EDM"]),
])
def test_pages_of_one_site_under_its_name_are_two_works(second_url: str, author: str, found: list[str]) -> None:
    page = ("@misc{{{key},\n{author}  title = {{{{TDAN.com}}}},\n  year = {{1997}},\n"
            "  publisher = {{DATAVERSITY Education LLC}},\n  url = {{{url}}},\n}}\n")
    text = (page.format(key="TDAM:DW_Design", author=author,
                        url="https://tdan.com/data-warehouse-design-inmon-versus-kimball/20300")
            + page.format(key="TDAN:EDM", author=author, url=second_url))
    assert [f.key for f in check_duplicates(parse_bibliography(text, "refs.bib").sources)] == found


_WENDT = """@article{wendt1992anarchy,
  author  = {Wendt, Alexander},
  title   = {Anarchy is What States Make of It},
  journal = {International Organization},
  volume  = {46},
  pages   = {391--425},
  year    = {1992},
}
"""


@pytest.mark.parametrize(("title", "journal", "found"), [
    # The same article, added again with its subtitle: the same main title of four words or more.
    ("Anarchy is What States Make of It: The Social Construction of Power Politics", "International Organization",
     [("LR107", "wendt1992", "same main title, year and first author as 'wendt1992anarchy' (line 1)")]),
    ("{ANARCHY IS WHAT STATES MAKE OF IT}", "International Organization",
     [("LR107", "wendt1992", "same title, year and first author as 'wendt1992anarchy' (line 1)")]),
    # Close cases: another journal; a title that only begins like it.
    ("Anarchy is What States Make of It: The Social Construction of Power Politics", "Review of Politics", []),
    ("Anarchy is What States Make of It Again", "International Organization", []),
])
def test_a_copy_giving_the_subtitle_is_the_same_work(title: str, journal: str, found: list[tuple[str, str, str]]) -> None:
    copy = (f"@article{{wendt1992,\n  author = {{Wendt, Alexander}},\n  title = {{{title}}},\n"
            f"  journal = {{{journal}}},\n  pages = {{391--425}},\n  year = {{1992}},\n}}\n")
    bib = parse_bibliography(_WENDT + copy, "refs.bib")
    assert [(f.code, f.key, f.message) for f in check_duplicates(bib.sources)] == found


@pytest.mark.parametrize(("second", "found"), [
    # One paper given at two workshops, each @unpublished naming its own in the note: two talks, not a copy.
    ("note = {KDD, Truth Discovery workshop}", []),
    ("note = {NeurIPS, Workshop on Systems for ML}", ["LR107"]),  # an exact copy still is one
])
def test_one_paper_given_at_two_events_is_two_entries(second: str, found: list[str]) -> None:
    entry = ("@unpublished{{{key},\n  author = {{Bakhteev, Oleg}},\n  title = {{CrossLang: Cross-lingual Plagiarism "
             "Detection}},\n  year = {{2019}},\n  {note},\n}}\n")
    bib = parse_bibliography(entry.format(key="a", note="note = {NeurIPS, Workshop on Systems for ML}")
                             + entry.format(key="b", note=second), "refs.bib")
    assert [f.code for f in check_duplicates(bib.sources)] == found


def test_one_talk_given_in_two_places_is_two_entries() -> None:
    # A CFD researcher's CSL-JSON publication list gives one talk at two conferences (Cannes, April; Sherbrooke,
    # May), and a talk in Glasgow under the title of a paper given in Atlanta: each was LR107 "same title, year and
    # first author", hint "Merge them". The event's place tells them apart; one place in two spellings does not.
    def talk(key: str, kind: str, place: str) -> dict[str, object]:
        return {"id": key, "type": kind, "title": "7th AIAA CFD Drag Prediction Workshop results",
                "author": [{"family": "Vanharen", "given": "Julien"}], "publisher-place": place,
                "issued": {"date-parts": [[2023, 5 if place.startswith("Sher") else 4]]}}

    items = [talk("cfc", "document", "Cannes, France"), talk("canada", "document", "Sherbrooke, QC, Canada"),
             talk("atlanta", "paper-conference", "Atlanta, GA, USA"), talk("glasgow", "speech", "Glasgow, UK"),
             talk("again", "document", "Cannes")]
    bib = parse_csl(json.dumps(items), "refs.json")
    assert [(f.code, f.key) for f in check_duplicates(bib.sources)] == [("LR107", "again")]


def test_two_subtitles_or_a_short_main_title_are_two_works() -> None:
    bib = parse_bibliography(
        "@article{p1, author={Poirier, B.}, title={Reconciling Semiclassical and Bohmian Mechanics: IV. Multisurface"
        " Dynamics}, year={2008}}\n"
        "@article{p2, author={Poirier, B.}, title={Reconciling Semiclassical and Bohmian Mechanics: V. Wavepacket"
        " Dynamics}, year={2008}}\n"
        "@book{w1, author={Wendt, Alexander}, title={Social Theory}, year={1999}}\n"
        "@book{w2, author={Wendt, Alexander}, title={Social Theory: Of International Politics}, year={1999}}\n"
        # A chapter of the book, its title prefixed with the book's: a part, not a copy.
        "@book{h1, editor={Reus-Smit, Christian}, title={The Oxford Handbook of International Relations},"
        " year={2008}}\n"
        "@incollection{h2, author={Reus-Smit, Christian}, title={The Oxford Handbook of International Relations:"
        " Introduction}, booktitle={The Oxford Handbook of International Relations}, year={2008}}\n"
        # biblatex's subtitle field is part of the title: parts VI and VII are two works.
        "@article{q1, author={Poirier, B.}, title={Bohmian Mechanics Without Wavefunctions}, subtitle={VI},"
        " year={2009}}\n"
        "@article{q2, author={Poirier, B.}, title={Bohmian Mechanics Without Wavefunctions}, subtitle={VII},"
        " year={2009}}\n")
    assert list(check_duplicates(bib.sources)) == []


@pytest.mark.parametrize(("second", "found"), [
    # A judgment and the Advocate General's opinion in one case: one title and year, no author, two days, two ECLIs.
    ("date = {2021-01-13},\n  ecli = {EU:C:2021:5, Opinion of AG Bobek},", []),
    ("date = {2021-01-13},\n  ecli = {EU:C:2021:483},", []),  # two full dates: two decisions
    ("date = {2021-06-15},\n  ecli = {EU:C:2021:5},", []),  # two ECLIs: two decisions
    ("date = {2021-06-15},\n  ecli = {EU:C:2021:483},", ["LR107"]),  # a copy still is one
    ("date = {2021-06},\n  ecli = {EU:C:2021:483},", ["LR107"]),  # a month does not tell it from its day
])
def test_two_decisions_of_one_case_told_apart_by_date_or_ecli_are_two_entries(second: str, found: list[str]) -> None:
    entry = ("@jurisdiction{{{key},\n  {second}\n  institution = {{CJEU}},\n  number = {{C-645/19}},\n"
             "  title = {{Facebook Ireland Ltd and Others v Gegevensbeschermingsautoriteit}}\n}}\n")
    bib = parse_bibliography(entry.format(key="judgment", second="date = {2021-06-15},\n  ecli = {EU:C:2021:483},")
                             + entry.format(key="opinion", second=second), "refs.bib")
    assert [f.code for f in check_duplicates(bib.sources)] == found


@pytest.mark.parametrize(("early", "late"), [
    ("2021-03-15", "2021-06-01"),  # one article dated online and in its issue, one year: still one work
    ("2020-11-02", "2021-03-01"),  # a year apart (``year_apart``), the printed one giving its pages
])
def test_an_article_dated_by_two_days_in_one_journal_is_still_one_work(early: str, late: str) -> None:
    entry = ("@article{{{key},\n  author = {{Roe, Jane}},\n  title = {{Coastal Carbon Burial in Salt Marshes of the "
             "North}},\n  journaltitle = {{Estuaries}},\n  date = {{{date}}},{pages}\n}}\n")
    bib = parse_bibliography(entry.format(key="online", date=early, pages="")
                             + entry.format(key="printed", date=late, pages="\n  volume = {12},\n  pages = {1--20},"),
                             "refs.bib")
    assert [f.code for f in check_duplicates(bib.sources)] == ["LR107"]


def test_a_doi_used_twice_hints_at_the_entry_cited_not_at_claims() -> None:
    # Read without an essay (check --essay ""), no entry is linked to claims: the hint says which one to keep as
    # the documents that use the bibliography decide it, by citing it.
    bib = parse_bibliography("@article{a, author={Roe, Jane}, title={First Results}, year={2017}, doi={10.1000/x}}\n"
                             "@article{b, author={Roe, Jane}, title={First Results}, year={2017}, doi={10.1000/x}}\n",
                             "refs.bib")
    [finding] = [f for f in check_duplicates(bib.sources) if f.code == "LR106"]
    assert finding.hint == "Keep one of 'a' and 'b' (the one cited, if only one is) and delete the other"


def test_a_subtitle_field_and_a_subtitle_after_a_colon_are_the_same_title() -> None:
    bib = parse_bibliography(
        "@article{a, author={Wendt, Alexander}, title={Anarchy is What States Make of It}, subtitle={The Social"
        " Construction of Power Politics}, journaltitle={International Organization}, year={1992}}\n"
        "@article{b, author={Wendt, Alexander}, title={Anarchy is What States Make of It: The Social Construction"
        " of Power Politics}, journal={International Organization}, year={1992}}\n")
    assert [(f.code, f.key, f.message) for f in check_duplicates(bib.sources)] == [
        ("LR107", "b", "same title, year and first author as 'a' (line 1)")]


# --- field integrity (LR112, LR125, LR140-LR143) ---------------------------------------------

def test_issn_form_and_check_digit() -> None:
    from litreview.checks.integrity import issn_problem

    assert issn_problem("0378-5955") == "" and issn_problem("2049-3630") == "" and issn_problem("0317-8471") == ""
    assert issn_problem("0378-5956") == "wrong check digit"
    assert "eight characters" in issn_problem("378-5955")


@pytest.mark.parametrize(("value", "broken"), [
    ("The $\\alpha$ Particle", False), ("\\emph{Italic} and \\textbf{bold}", False), ("A \\& B", False),
    ("\\begin{itemize}\\item x\\end{itemize}", False), ("\\(x^2\\) rises", False),
    ("The $\\alpha Particle", True), ("x^2 rises", True), ("a_b", True), ("\\begin{itemize} x", True),
    ("\\emph", True), ("\\begin{quote}\\end{center}", True),
    # Commands: LaTeX's, biblatex's, accents, logos, ADS's journal macros, math symbols in math; not a typo.
    ("\\ldots \\underline{U} {\\em x} \\c{c} \\LaTeX \\mkbibquote{q} \\apj", False), ("$\\mathcal{O}$", False),
    ("\\undefinedCommand", True), ("\\emphh{x}", True), ("C:\\Users\\Doe", True),
    # babel's commands for a Latin-script phrase in a Greek or Cyrillic text, as \textgreek is for the reverse
    ("\\textgreek{Σύστημα} \\textlatin{MSU-CSE-05-29}", False), ("\\latintext RDFS", False),
])
def test_latex_integrity(value: str, broken: bool) -> None:
    from litreview.checks.integrity import latex_problem

    assert bool(latex_problem(value)) is broken


def test_broken_latex_is_quoted_as_written_around_the_problem() -> None:
    # The message quoted '$\\beginitemize$' (its braces taken away) and, in a long abstract, its first 70
    # characters, whatever the problem's place.
    long = "An abstract of many words " * 6 + "where $x_1 is never closed" + ", and more words after it" * 4
    text = (f"@misc{{a, title = {{$\\begin{{itemize}}$}}, abstract = {{{long}}}, year = {{2020}}}}\n"
            "@misc{b, title = {Plain}, note = {See \\url{https://example.org/a_b} and \\foo}, year = {2020}}\n")
    found = {f.key: f.message for f in findings_for_text(text) if f.code == "LR142"}
    assert found["a"] == "title: environment 'itemize' inside math: '$\\begin{itemize}$'"
    found_abstract = [f.message for f in findings_for_text(text.replace("title = {$\\begin{itemize}$}",
                                                                         "title = {T}")) if f.key == "a"]
    # 34 characters before the "$" that opens the math, 35 from it (checks.bib.part_of's 70).
    assert found_abstract == ["abstract: math opened with $ is never closed: '…s An abstract of many words where "
                              "$x_1 is never closed, and more words…'"]
    assert found["b"].startswith("note: unknown command \\foo") and found["b"].endswith("and \\foo'")


def findings_for_text(text: str):  # type: ignore[no-untyped-def]
    review = Review(bibliography=parse_bibliography(text, "refs.bib"))
    return check_review(review, Config(root=CASES), now=NOW).findings


def test_a_command_the_preamble_defines_is_known() -> None:
    from litreview.checks.integrity import defined_commands, latex_problem

    defined = defined_commands('@preamble{ "\\newcommand{\\noopsort}[1]{} \\def \\mylogo{X}" }')
    assert defined == {"noopsort", "mylogo"}
    assert latex_problem("{\\noopsort{a}}Z \\mylogo", defined) == ""
    assert "unknown command \\mylogo" in latex_problem("Z \\mylogo")


@pytest.mark.parametrize(("value", "mixed"), [
    ("Knuth, Donald E. and Kurt Cobain and A. Einstein", True), ("Philippe Kruchten and Churchill, Ann", True),
    ("Donald E. Knuth and Kurt Cobain", False), ("Knuth, D. E. and Cobain, K.", False),
    ("{JabRef} and Kolb, Stefan", False), ("Kolb, Stefan and others", False), ("Li~Wei and Doe, J.", True),
    ("family=Doe, given=J. and Ann Smith", False), ("{Barnes and Noble, Inc.} and Ann Smith", False),
    # people joined by commas, more than two: no name read (LR104 says so), none written family name first
    ("Jia Deng, Wei Dong, Richard Socher, Kai Li and Li Fei-Fei", False), ("Doe, Jane, Jr. and Ann Smith", True),
])
def test_mixed_name_forms(value: str, mixed: bool) -> None:
    from litreview.checks.style_names import check_name_forms

    source = Source(key="k", type="book", fields={"author": value})
    assert [f.code for f in check_name_forms(source)] == (["LR147"] if mixed else [])


def test_a_name_s_latex_is_quoted_as_the_file_writes_it() -> None:
    from litreview.checks.style_names import check_name_forms

    # The message quoted "Goedem\\'{e}" (repr's doubled backslash), which is not in the file.
    source = Source(key="k", type="book", fields={"author": "Goedem\\'{e}, T. and ir. Debard G."})
    [found] = check_name_forms(source)
    assert found.message == ("the author list writes \"Goedem\\'{e}, T.\" family name first but 'ir. Debard G.' "
                             "given name first")


@pytest.mark.parametrize(("pages", "biblatex", "bad"), [
    ("12--15", False, False), ("12", False, False), ("3, 7--9", False, False), ("e1234", False, False),
    ("xii--xiv", False, False), ("12-15", False, False), ("12--", False, True), ("12 15", False, True),
    # One hyphen: BibTeX's styles double it (n.dashify), pandoc prints an en dash; a range of one page still is odd.
    ("20110550-20110550", False, True), ("20110550-20110551", False, False),
    ("12-15", True, False), ("12 ff.", True, False), ("12--", True, True),
    # Real forms: an ASBMB manuscript number, Cell Press's online pages after the printed ones.
    ("M110.001628", False, False), ("1218--1239.e3", False, False), ("1218-1239.e3", True, False),
    ("1218-1239.e3", False, False), ("M110.00162", False, True), ("10.1111/aphw.12394", False, True),
    # Section-lettered pages, as Geophysics prints a special section's (WB9-WB19, WCA27-WCA36); "pp" is no section.
    ("WB9--WB19", False, False), ("WCA27--WCA36", False, False), ("SE115", False, False), ("WB9-WB19", True, False),
    ("WB9-WB19", False, False), ("pp12--15", False, True), ("pp12-15", True, True),
    # LaTeX's en dash command, as reference managers export it: a range, as pandoc and BibTeX print it.
    ("3111{\\textendash}3119", False, False), ("79\\textendash{}86", True, False),
    ("79\\textendash 86", False, False), ("12{\\textendash}", False, True),
    # Wiley's article numbers: the journal's code and a number (Ecology and Evolution's ece3.6510); a DOI is none.
    ("ece3.6510", False, False), ("ece3.6510", True, False), ("nph.16607", False, False), ("ab.1", False, True),
    # ASM's eLocator and year (mBio's e00340-10): no range, whose double hyphen LR143 asked for; a range still is one.
    ("e00340-10", False, False), ("e00308-12", True, False), ("e340--", False, True), ("W202-W208", False, False),
    # Pages numbered within a unit, as Current Protocols prints them: a range of one unit, not of two.
    ("1.8.1-1.8.10", False, False), ("1.8.1--1.8.10", True, False), ("9.1.1-9.2.4", False, True),
    ("1.8.10-1.8.1", True, True),
])
def test_page_range_form(pages: str, biblatex: bool, bad: bool) -> None:
    from litreview.checks.integrity import page_form_problem

    assert bool(page_form_problem(pages, biblatex=biblatex)) is bad


def test_html_and_unescaped_specials_are_told_apart() -> None:
    bib = parse_bibliography("@misc{a, title = {Tom &amp; Jerry}, url = {https://e.org/?a=1&b=2}, year = 2000}\n"
                             "@misc{b, title = {Tom & Jerry: 5% Off}, year = 2000}\n"
                             "@misc{c, title = {Tom \\& Jerry: 5\\% Off}, year = 2000}\n")
    from litreview.checks.integrity import check_integrity

    assert sorted((f.code, f.key) for f in check_integrity(bib)) == [("LR140", "b"), ("LR141", "a")]


@pytest.mark.parametrize(("raw", "message", "hint"), [
    ("https://doi.org/10.1371/JOURNAL.PONE.0033693.",
     "DOI written as a link or with a prefix: 'https://doi.org/10.1371/JOURNAL.PONE.0033693.'; ends with '.', "
     "probably the sentence's: the registries are asked without it", "Write doi = {10.1371/JOURNAL.PONE.0033693}"),
    ("doi:10.1000/xyz", "DOI written as a link or with a prefix: 'doi:10.1000/xyz'", "Write doi = {10.1000/xyz}"),
    ("10.1000/xyz,", "DOI '10.1000/xyz,' ends with ',', probably the sentence's: the registries are asked without it",
     "Write doi = {10.1000/xyz}"),
])
def test_doi_link_with_a_final_mark_names_both(raw: str, message: str, hint: str) -> None:
    """A DOI pasted as a link with the sentence's full stop: the hint must not keep the stop (that
    DOI is one fetch refuses to send)."""
    from litreview.checks.bib import check_doi

    bib = parse_bibliography(f"@article{{a, author = {{Smith, J.}}, title = {{T}}, journal = {{J}}, year = {{2020}},"
                             f" doi = {{{raw}}}}}\n")
    (f,) = check_doi(bib.sources[0])
    assert (f.code, f.message, f.hint) == ("LR121", message, hint)


def test_a_duplicate_in_another_file_names_that_file() -> None:
    # Two bibliographies: "(line 1)" alone pointed into the file of the finding, at another entry.
    first = parse_bibliography("@article{smith2001, author={Smith, J.}, title={A}, journal={J}, year={2001},"
                               " doi={10.1000/a}}\n", "refs/main.bib")
    second = parse_bibliography("@misc{pad, title={Pad}}\n@article{twin2001, author={Smith, J.}, title={B},"
                                " journal={J}, year={2001}, doi={10.1000/A}}\n", "refs/more.bib")
    found = [(f.code, f.file, f.message) for f in check_duplicates((*first.sources, *second.sources))]
    assert found == [("LR106", "refs/more.bib", "same DOI 10.1000/a as 'smith2001' (main.bib line 1)")]


def test_a_malformed_doi_is_named_once_as_written() -> None:
    bib = parse_bibliography("@article{doe2020,\n  author = {Doe, Jane},\n  title = {T},\n  journal = {J},\n"
                             "  year = {2020},\n  doi = {10.1234/ABC def},\n}\n", "refs.bib")
    found = check_review(Review(bibliography=bib), Config(root=CASES), now=NOW).findings
    assert [f.message for f in found if f.code == "LR120"] == [
        "DOI '10.1234/ABC def' is malformed: it contains white space or control characters"]


def test_latex_messages_quote_the_value_with_its_own_backslashes() -> None:
    # repr() doubled them: "detail\\&id" read as an escaped backslash before an unescaped &.
    bib = parse_bibliography("@techreport{hoare1973,\n  author = {Hoare, C. A. R.},\n  title = {Hints},\n"
                             "  institution = {Stanford},\n  year = {1973},\n"
                             "  note = {search?x=detail\\&id=oai%3A},\n  series = {a\\_b_c},\n}\n", "refs.bib")
    found = {f.code: f.message for f in check_review(Review(bibliography=bib), Config(root=CASES), now=NOW).findings}
    assert found["LR140"] == ("note has an unescaped %: 'search?x=detail\\&id=oai%3A': pandoc reads it as LaTeX does, "
                              "the start of a comment, and leaves out the rest of its line")
    assert found["LR142"] == "series: _ outside math (write \\_ for the character): 'a\\_b_c'"


def test_an_unescaped_per_cent_sign_is_said_to_cut_the_line_for_pandoc() -> None:
    # pandoc 3.9 reads title = {Up 50 % of it and more} as "Up 50" (its biblatex reader takes % for LaTeX's comment
    # sign): LR140 said only "unescaped %", as if a backslash were a matter of form.
    from litreview.checks.integrity import check_specials

    [found] = check_specials(parse_bibliography("@article{a, author={Roe, Ann}, title={Up 50 % of it and more}, "
                                                "journal={J}, year={2000}}", "refs.bib").sources[0])
    assert found.message == ("title has an unescaped %: 'Up 50 % of it and more': pandoc reads it as LaTeX does, the "
                             "start of a comment, and leaves out the rest of its line")
    assert found.hint == "Write \\% (or 'and' for &)"


def test_missing_container_held_in_the_other_types_field_is_named() -> None:
    # "@conference entry lacks booktitle / hint: add booktitle = {...}" when the journal field holds it.
    text = ("@conference{c, author={Doe, Jo}, title={Fast}, journal={Proc. of the Workshop}, year={2019}}\n"
            "@article{a, author={Roe, Al}, title={Slow}, booktitle={Journal of Things}, year={2019}}\n"
            "@inproceedings{p, author={Poe, Ed}, title={None}, year={2019}}\n")
    review = Review(bibliography=parse_bibliography(text, "x.bib"))
    hints = {f.key: f.hint for f in check_review(review, Config(), now=NOW).findings if f.code == "LR110"}
    assert hints["c"] == ("The journal field holds it: rename journal to booktitle, or make the entry @article if "
                          "it is a journal article")
    assert hints["a"] == ("The booktitle field holds it: rename booktitle to journal, or make the entry "
                          "@inproceedings if it is a paper in proceedings")
    assert hints["p"] == "Add booktitle = {...}, the title of the book or proceedings"


def test_an_arxiv_preprint_written_as_an_article_is_told_to_change_type_not_to_add_a_journal() -> None:
    # Exports that make every paper an @article leave a preprint with no journal: "Add journal = {...}" named
    # none to add.
    text = ("@article{e, author={Doe, Jo}, title={Fast}, year={2016}, eprint={1611.01891}, archivePrefix={arXiv}}\n"
            "@article{d, author={Roe, Al}, title={Slow}, year={2017}, doi={10.48550/arXiv.1610.03454}}\n"
            "@article{j, author={Poe, Ed}, title={None}, year={2019}, doi={10.1000/xyz}}\n")
    review = Review(bibliography=parse_bibliography(text, "x.bib"))
    hints = {f.key: f.hint for f in check_review(review, Config(), now=NOW).findings if f.code == "LR110"}
    assert hints["e"] == ("It is the arXiv preprint 1611.01891, in no journal: make the entry @misc (as arXiv exports "
                          "it), or write journal = {arXiv preprint arXiv:1611.01891} if your style prints no eprint")
    assert hints["d"].startswith("It is the arXiv preprint 1610.03454, in no journal")
    assert hints["j"] == "Add journal = {...}"  # no preprint: the journal is what is missing


def test_a_long_fields_problem_is_quoted_around_it_not_whole() -> None:
    # An abstract with a <SUB> tag was quoted whole: a 1,900-character line in the report.
    words = "The accretion flow is modelled in general relativity with radiation. " * 12
    text = (f"@article{{s, author={{Sadowski, A.}}, title={{Koral}}, journal={{MNRAS}}, year={{2014}},\n"
            f"  abstract={{{words}on spinning (a<SUB>*</SUB> = 0.9) black holes. {words}}},\n"
            f"  note={{{words} Smith $a & b$ & Jones {words}}}}}\n")
    review = Review(bibliography=parse_bibliography(text, "x.bib"))
    found = {f.code: f.message for f in check_review(review, Config(), now=NOW).findings if f.code in ("LR140", "LR141")}
    html = found["LR141"]
    assert html.startswith("abstract holds the HTML tag <SUB>: '…") and html.endswith("…' (styles do not print the abstract field)")
    assert "(a<SUB>*</SUB> = 0.9)" in html and len(html) < 160
    amp = found["LR140"]
    assert "$ & Jones" in amp and amp.endswith("…'") and len(amp) < 120  # the & outside the math, not in it
    short = check_review(Review(bibliography=parse_bibliography("@misc{x, title={Fish &amp; Chips}, year={2001}}")),
                         Config(), now=NOW).findings
    assert [f.message for f in short if f.code == "LR141"] == ["title holds the HTML entity &amp;: 'Fish &amp; Chips'"]
    # Quoted as the file writes it: one backslash for one (repr doubled it, "O\\\\&amp;M", which the file does not hold).
    escaped = check_review(Review(bibliography=parse_bibliography("@misc{x, title={Mobility (O\\&amp;M)}, year={2001}}")),
                           Config(), now=NOW).findings
    assert [f.message for f in escaped if f.code == "LR141"] == ["title holds the HTML entity &amp;: 'Mobility (O\\&amp;M)'"]


def test_a_short_doi_is_a_doi_of_its_own_form_not_a_malformed_one() -> None:
    # doi = {10/bqhp9z} was an LR120 error ("malformed"): doi.org resolves it and Manubot expands it, so it is a DOI,
    # written in a form no registry knows (a warning, with the way to the full DOI).
    text = ("@book{g, author={Goulson, Dave}, title={Bumblebees}, publisher={OUP}, year={2010}, doi={10/bqhp9z}}\n"
            "@book{h, author={Goulson, Dave}, title={Bumblebees}, publisher={OUP}, year={2010}, doi={10/}}\n")
    found = [(f.key, f.code, f.severity, f.message, f.hint)
             for f in check_review(Review(bibliography=parse_bibliography(text, "x.bib")), Config(), now=NOW).findings
             if f.code in ("LR120", "LR121")]
    assert found[0] == ("g", "LR121", "warning", "DOI '10/bqhp9z' is a shortDOI (an alias doi.org redirects): the "
                        "registries do not know it, so fetch cannot verify the entry",
                        "Write the DOI https://doi.org/10/bqhp9z redirects to (open it to see it): fetch does not "
                        "expand shortDOIs")
    # The close case: "10/" followed by nothing is no shortDOI, and stays a malformed DOI.
    assert [f[:3] for f in found[1:]] == [("h", "LR120", "error")]


def test_a_year_with_words_beside_it_is_named_in_the_hint() -> None:
    # year = {2009 [Online]}: the hint was the generic "Write year = {2004}, date = ... or urldate = ...".
    text = "@misc{a, title={CNS}, year={2009 [Online]}}\n@misc{b, title={B}, year={n. pag.}}\n"
    found = {f.key: f.hint for f in check_review(Review(bibliography=parse_bibliography(text, "x.bib")), Config(),
                                                 now=NOW).findings if f.code == "LR124"}
    assert found["a"] == "Write year = {2009}"
    # "n. pag." (no pagination, in the year): words, printed as written; the hint to keep a year in words in year
    # says what to write for no date
    assert found["b"].startswith("If that is the year you mean") and found["b"].endswith("write year = {n.d.}")


def test_a_year_written_in_words_is_a_warning_that_keeps_it_in_year() -> None:
    # "Siglo IV a.C.": BibTeX and pandoc print a year field as written, and biber too (it warns the year will not
    # sort); it was an error whose hint said to write year = {2004}. A warning now, saying to keep it in year (a
    # biblatex date field takes an ISO date only). A year among stray words ("2009 [Online]", an export's) prints
    # them into the reference: still an error, its hint the year alone.
    text = ("@book{a, author={Aristoteles}, title={Politica}, publisher={P}, year={Siglo IV a.C.}}\n"
            "@book{f, author={Roe, R.}, title={T}, publisher={P}, year={2009 [Online]}}\n"
            "@book{n, author={Roe, R.}, title={U}, publisher={P}, year={o.D.}}\n")
    review = Review(bibliography=parse_bibliography(text, "x.bib"))
    found = {f.key: f for f in check_review(review, Config(), now=NOW).findings if f.code == "LR124"}
    assert set(found) == {"a", "f"}
    assert found["a"].severity == "warning" and found["f"].severity == "error"
    assert found["a"].message == "year 'Siglo IV a.C.' is not a number; BibTeX, biber and pandoc print it as written"
    assert "keep it in year, not date" in found["a"].hint and "year = {n.d.}" in found["a"].hint
    assert found["f"].hint == "Write year = {2009}"


@pytest.mark.parametrize(("field", "hint"), [
    # ISO 690's date cited after the year (Czech theses)
    ("year = {2015 [cit. 2020-02-22]}", "Write year = {2015}, and the day it was cited as urldate = {2020-02-22} "
                                        "(biblatex and pandoc print it as the day the page was read)"),
    # a template's placeholder left in
    ("urldate = {Use the date of access}", "The urldate field holds words, not a date: write the day you read the "
                                           "page, urldate = {YYYY-MM-DD}, or delete the field"),
    # day first, a two-digit year and Polish "r." (rok, year) after it
    ("urldate = {24.03.23 r.}", "Write urldate = {2023-03-24} (read as day 24, month 3, 2023)"),
    ("urldate = {31.02.23}", CATALOGUE["LR124"].hint),  # no such day: no date to offer
])
def test_an_access_or_citation_date_that_is_no_iso_date_is_given_the_one_to_write(field: str, hint: str) -> None:
    # Each had the catalogue's "Write year = {2004}, date = {2004-05-17} or urldate = {2024-01-31}".
    year = "" if field.startswith("year") else "year={2015}, "
    text = f"@online{{a, title={{T}}, url={{https://example.org}}, {year}{field}}}\n"
    found = [f.hint for f in check_review(Review(bibliography=parse_bibliography(text, "x.bib")), Config(),
                                          now=NOW).findings if f.code == "LR124"]
    assert found == [hint]


def test_a_year_of_a_long_run_of_punctuation_is_read_in_linear_time() -> None:
    # The hint's pattern for a year and the day it was cited took time quadratic in the punctuation between them
    # (8 KB of " ,": 1.2 s); the close case keeps its hint.
    import time

    from litreview.checks.bib_dates import _cited_hint

    start = time.process_time()
    assert _cited_hint("2015" + " ," * 20_000 + "x") == ""
    assert time.process_time() - start < 1.0
    assert "urldate = {2020-02-22}" in _cited_hint("2015 [cit. 2020-02-22]")


def test_a_date_of_iso_form_that_names_no_day_says_which_part_is_wrong() -> None:
    # date = {2021-02-30} has ISO's form: "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)" sent the reader to its
    # layout. The same for a CSL-JSON item's date-parts; a layout that is not ISO's keeps the old words.
    from litreview.bibliography.csl import parse_csl

    text = ("@article{a, title={A}, journaltitle={J}, date={2021-02-30}}\n"
            "@article{b, title={B}, journaltitle={J}, date={2021-13}}\n"
            "@article{c, title={C}, journaltitle={J}, date={2021/02/03/04}}\n")
    items = '[{"id": "d", "type": "book", "title": "D", "publisher": "P", "issued": {"date-parts": [[2020, 4, 31]]}}]'
    found = {f.key: f.message for bib in (parse_bibliography(text, "x.bib"), parse_csl(items, "x.json"))
             for f in check_review(Review(bibliography=bib), Config(), now=NOW).findings if f.code == "LR124"}
    assert found == {"a": "date '2021-02-30' is no date: 2021-02 has no day 30",
                     "b": "date '2021-13' is no date: the calendar has no month 13",
                     "c": "date '2021/02/03/04' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
                     "d": "issued '2020-04-31' is no date: 2020-04 has no day 31"}


def test_a_letter_typed_for_a_digit_is_named_in_the_hint() -> None:
    # "2O07" and "20l5" (a capital O, a small L) got the generic "Write year = {2004}, ..."; a word stays generic.
    text = ("@misc{a, title={A}, year={2O07}}\n@misc{b, title={B}, year={20l5}}\n@misc{c, title={C}, year={ODIO}}\n"
            "@misc{d, title={D}, year={Olol}}\n")
    found = {f.key: f.hint for f in check_review(Review(bibliography=parse_bibliography(text, "x.bib")), Config(),
                                                 now=NOW).findings if f.code == "LR124"}
    assert found["a"] == "Write year = {2007}: the letter 'O' stands where a digit belongs"
    assert found["b"] == "Write year = {2015}: the letter 'l' stands where a digit belongs"
    # 0010, 0101: no year, words (printed as written): the hint for a year in words
    assert found["c"] == found["d"] and found["c"].startswith("If that is the year you mean")


def test_a_year_and_a_key_read_letters_for_digits_by_one_table() -> None:
    # One table of letters typed for digits serves the year and the keys: an S typed for a 5 is named in a year too.
    from litreview.bibliography.keys import near_key

    text = "@misc{a, title={A}, year={199S}}\n"
    found = {f.key: f.hint for f in check_review(Review(bibliography=parse_bibliography(text, "x.bib")), Config(),
                                                 now=NOW).findings if f.code == "LR124"}
    assert found["a"] == "Write year = {1995}: the letter 'S' stands where a digit belongs"
    assert near_key("ma5on2021", ["mason2021"]) == "mason2021"


def test_pages_holding_an_arxiv_identifier_get_an_eprint_hint() -> None:
    # ADS exports pages = {arXiv:2205.06627}, Google Scholar pages = {arXiv--2507}: "Write pages = {12--15}" fit neither.
    text = ("@article{ads, author={C, A}, title={T}, journal={arXiv e-prints}, year={2022}, pages={arXiv:2205.06627},"
            " eprint={2205.06627}, archivePrefix={arXiv}}\n"
            "@article{gs, author={A, N}, title={G}, journal={Arxiv E-Prints}, year={2025}, pages={arXiv--2507}}\n"
            "@article{ok, author={B, B}, title={P}, journal={J}, year={2020}, pages={12-15}}\n")
    hints = {f.key: f.hint for f in check_review(Review(bibliography=parse_bibliography(text, "x.bib")), Config(),
                                                 now=NOW).findings if f.code == "LR143"}
    assert hints["ads"].startswith("The pages field repeats the arXiv identifier eprint = {2205.06627} holds: remove pages")
    assert hints["gs"] == ("The pages field holds an arXiv identifier, not pages: write eprint = {the full arXiv "
                           "identifier, e.g. 2507.01234} with archiveprefix = {arXiv} instead")
    assert "ok" not in hints  # one hyphen: a range BibTeX's styles print with an en dash


def test_pages_holding_a_page_count_get_a_pagetotal_hint() -> None:
    # IEEE's export "pages = {10 pp.}": the hint wrote a range, of a number that is how many pages the paper has.
    from litreview.bibliography.csl import parse_csl

    text = "@inproceedings{s, author={S, A}, title={T}, booktitle={B}, year={2006}, pages={10 pp.}}\n"
    (found,) = [f for f in check_review(Review(bibliography=parse_bibliography(text, "x.bib")), Config(),
                                        now=NOW).findings if f.code == "LR143"]
    assert found.hint == "The pages field holds how many pages the work has: write pagetotal = {10} instead"
    csl = parse_csl('[{"id": "s", "type": "paper-conference", "title": "T", "page": "10 pp."}]', "x.json")
    (found,) = [f for f in check_review(Review(bibliography=csl), Config(), now=NOW).findings if f.code == "LR143"]
    assert found.hint == 'The page field holds how many pages the work has: write "number-of-pages": "10" instead'


def test_a_stray_quotation_mark_in_a_name_is_named_with_what_to_delete() -> None:
    found = {f.key: f for f in findings_for(CASES / "LR150-trigger.bib")}
    crooks = found["crooks2019agents"]
    assert (crooks.file, crooks.line) == ("LR150-trigger.bib", 2)
    assert crooks.message == "author 'Crooks, Andrew\"' holds a stray quotation mark \""
    assert crooks.hint.startswith('Delete the " from the author field')


def test_a_publisher_written_as_the_editor_is_named_in_the_hint() -> None:
    # Spanish and French call the publishing house the editorial, the éditeur: a thesis's .bib wrote every
    # publisher as editor = {Siglo XXI}; LR111 asked for a publisher, and LR133 called "XXI" a family name in capitals.
    text = ("@book{castells, author = {Castells, Manuel}, title = {La cuestión urbana}, year = {1974},"
            " editor = {Siglo XXI}}\n"
            "@book{alianza, author = {Doe, Juan}, title = {Otro}, year = {1990}, editor = {Alianza}}\n"
            "@book{press, author = {Doe, Juan}, title = {Otro}, year = {1990}, editor = {Temas Grupo Editorial}}\n"
            "@book{person, author = {Doe, Juan}, title = {Otro}, year = {1990}, editor = {Roe, Jane}}\n")
    found = check_review(Review(bibliography=parse_bibliography(text, "x.bib")), Config(), now=NOW).findings
    hints = {f.key: f.hint for f in found if f.code == "LR111"}
    assert hints["castells"] == ("The editor field holds 'Siglo XXI', which reads as the publisher (the "
                                 "editorial, the éditeur): write publisher = {Siglo XXI} instead")
    assert hints["alianza"].startswith("The editor field holds 'Alianza'")
    assert hints["press"].startswith("The editor field holds 'Temas Grupo Editorial'")
    assert hints["person"] == "Add publisher = {...} (the registry record usually has it)."
    assert not [f for f in found if f.code == "LR133"]


def test_an_invalid_url_is_quoted_as_written_and_two_addresses_are_told_apart() -> None:
    # The message doubled each backslash (Python's repr: '...\\&tool'), which the file does not hold; a url field
    # holding two addresses got the hint "Write the full address, starting with https://".
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.bib import check_url

    bib = parse_bibliography("@misc{a, title = {T},\n  url = {https://example.org/r?id=1{\\&}x=2}}\n"
                             "@misc{b, title = {T},\n  url = {https://example.org/p/1 https://example.com/q?d=2}}\n",
                             "x.bib")
    (one,), (two,) = (list(check_url(s)) for s in bib.sources)
    assert one.message == ("URL 'https://example.org/r?id=1\\&x=2' is invalid: it contains a backslash "
                           "(LaTeX escapes do not belong in url fields)")
    assert one.hint == "Write url = {https://example.org/r?id=1&x=2}"
    assert two.message == "URL 'https://example.org/p/1 https://example.com/q?d=2' is invalid: it holds 2 addresses"
    assert two.hint == ("Keep one, url = {https://example.org/p/1}, and give the other in "
                        "note = {\\url{https://example.com/q?d=2}}")


def test_a_url_field_of_three_addresses_keeps_every_other_one_in_the_note() -> None:
    # The hint kept the first in url and gave only the second in the note: the third was lost.
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.bib import check_url

    bib = parse_bibliography("@misc{c, title = {T},\n  url = {http://a.org/1; http://b.org/2; http://c.org/3}}\n", "x.bib")
    (three,) = check_url(bib.sources[0])
    assert three.message.endswith("is invalid: it holds 3 addresses")
    assert three.hint == ("Keep one, url = {http://a.org/1}, and give the others in "
                          "note = {\\url{http://b.org/2}, \\url{http://c.org/3}}")


def test_a_web_address_beside_a_reference_managers_own_link_is_kept_not_joined_to_it() -> None:
    # Papers and Mendeley append their library's link ("papers://..."): the hint wrote the two addresses run
    # together ("...010papers://..."), an address that opens nothing, and the message said only "white space".
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.bib import check_url

    bib = parse_bibliography("@misc{d, title = {T},\n  url = {http://dx.doi.org/10.1/x papers://ab12/Paper/p9}}\n"
                             "@misc{e, title = {T},\n  url = {https:// www.example.org/a}}\n", "x.bib")
    (two,), (split,) = (list(check_url(s)) for s in bib.sources)
    assert two.message.endswith("is invalid: it holds 2 addresses, 1 of them no web address")
    assert two.hint == "Keep the web address, url = {http://dx.doi.org/10.1/x}"
    assert split.hint == "Write url = {https://www.example.org/a}"  # a space typed inside one address


def test_a_suffix_exported_as_a_csl_family_name_is_told_in_csl_terms() -> None:
    # Mendeley's "family: Jr, given: James E Watkins" for James E. Watkins Jr.: printed "Jr, J. E. W.", no finding.
    from litreview.bibliography.csl import parse_csl
    from litreview.checks.style import check_names

    bib = parse_csl("- id: w\n  type: article-journal\n  title: T\n  author:\n  - family: Jr\n"
                    "    given: James E Watkins\n  - family: Watkins\n    given: James E\n    suffix: Jr\n",
                    "refs.yaml", yaml=True)
    (found,) = check_names(bib.sources[0])
    assert (found.code, found.line) == ("LR156", 4)
    assert found.hint == "Write family: Watkins, given: James E, suffix: Jr"


@pytest.mark.parametrize(("author", "told"), [
    # "Jerry D. Marx DSW": BibTeX reads the degree as the family name; LR133 said "family name in capitals" and
    # hinted 'Dsw, Jerry D. Marx'. "PhD" in its own case was not told at all.
    ("Jerry D. Marx DSW", ("LR156", "Write 'Marx, Jerry D.' in the author field (styles print no degree)")),
    ("Jane Roe PhD", ("LR156", "Write 'Roe, Jane' in the author field (styles print no degree)")),
    ("Jerry D. Ma", None), ("Li MA", None),  # a family name, in capitals or not; a given name alone before a degree
    ("Watkins, James E and DSW, Jerry D. Marx", ("LR156", "Write 'Marx, Jerry D.' in the author field (styles print "
                                                          "no degree)")),
])
def test_a_degree_read_as_the_family_name_is_told_with_the_name_to_write(author: str,
                                                                       told: tuple[str, str] | None) -> None:
    from litreview.checks.style import check_names

    bib = parse_bibliography(f"@article{{a, author = {{{author}}}, title = {{T}}, journal = {{J}}, year = 2000}}",
                             "x.bib")
    found = [(f.code, f.hint) for f in check_names(bib.sources[0])]
    assert found == ([told] if told else []), found


def test_a_degree_as_a_csl_family_name_is_told_in_csl_terms() -> None:
    from litreview.bibliography.csl import parse_csl
    from litreview.checks.style import check_names

    bib = parse_csl("- id: m\n  type: article-journal\n  title: T\n  author:\n  - family: DSW\n"
                    "    given: Jerry D. Marx\n", "refs.yaml", yaml=True)
    (found,) = check_names(bib.sources[0])
    assert (found.code, found.hint) == ("LR156", "Write family: Marx, given: Jerry D. (styles print no degree)")


def test_a_newspaper_or_magazine_article_is_not_expected_to_have_a_doi() -> None:
    # biblatex marks one with entrysubtype (Zotero's export writes {newspaper}), CSL with its item type; a thesis
    # citing a dozen newspaper pieces got "journal articles published since 2000 almost all have one" for each.
    from litreview.bibliography.csl import parse_csl
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.doi_expected import doi_expected

    bib = parse_bibliography("@article{a, title = {T}, journaltitle = {Tageblatt}, date = {2011-11-17}, "
                             "entrysubtype = {newspaper}}\n@article{b, title = {T}, journal = {Weekly}, year = {2011}, "
                             "entrysubtype = {magazine}}\n@article{c, title = {T}, journal = {J}, year = {2011}}\n",
                             "x.bib")
    csl = parse_csl('[{"id": "d", "type": "article-newspaper", "title": "T", "container-title": "Tageblatt", '
                    '"issued": {"date-parts": [[2011]]}}, {"id": "e", "type": "article-magazine", "title": "T", '
                    '"issued": {"date-parts": [[2011]]}}]', "x.json")
    assert [doi_expected(s) for s in (*bib.sources, *csl.sources)] == [
        "", "", "journal articles published since 2000 almost all have one", "", ""]


def test_a_preprint_is_not_called_a_journal_article_when_its_doi_is_expected() -> None:
    # ADS exports an arXiv preprint as @ARTICLE{..., journal = {arXiv e-prints}}: LR137 said "journal articles
    # published since 2000 almost all have one" of it. A journal's article (the close case) keeps its wording.
    from litreview.checks.doi_expected import doi_expected

    bib = parse_bibliography("@ARTICLE{a, title = {T}, journal = {arXiv e-prints}, year = 2022, "
                             "archivePrefix = {arXiv}, eprint = {2205.06627v2}}\n"
                             "@article{g, title = {T}, journal = {arXiv preprint arXiv:1909.01940}, year = {2019}}\n"
                             "@article{b, title = {T}, journal = {bioRxiv}, year = {2020}}\n"
                             "@article{c, title = {T}, journal = {Acta Astronomica}, year = {2004}}\n", "x.bib")
    assert [doi_expected(s) for s in bib.sources] == [
        "arXiv registers one for each preprint (10.48550/arXiv.2205.06627)",
        "arXiv registers one for each preprint (10.48550/arXiv.1909.01940)",
        "preprint servers register DOIs for most preprints",
        "journal articles published since 2000 almost all have one"]


@pytest.mark.parametrize(("name", "joined"), [
    ("I.N. Bronstein, K.A. Semendjaew", True), ("B Balakrisnan , S Patil", True), ("John Smith, Mary Jones", True),
    ("Smith, J., Jones", True), ("García Márquez, Gabriel José", False), ("van der Berg, Jan", False),
    ("Smith, Jr., John", False), ("Doe, Jane, PhD", False), ("Lloyd Webber, Andrew", False),
    ("Knuth, Donald E.", False), ("{Bronstein, Semendjaew and Partners}", False), ("family=Smith, given=J.", False),
    ("{J}.{O}. {H}amblen, {T}.{S}. {H}all", True),  # capitals braced one by one: LR147 called it "family name first"
])
def test_names_joined_by_commas_only_when_the_reading_is_clearly_several_people(name: str, joined: bool) -> None:
    from litreview.bibliography.names import comma_joined
    from litreview.bibliography.refparse.lexicon import GIVEN

    assert comma_joined(name, GIVEN) is joined


def test_two_people_of_one_family_joined_by_a_comma_are_two_people() -> None:
    # "Sergiu Corlat, Andrei Corlat" alone in a bibliography that writes no name given name first: one family name
    # ends both sides, which no "Family, Given" name has. Read as one person before (family "Sergiu Corlat"). A
    # name whose sides end otherwise stays one person unless the bibliography says otherwise.
    entry = "@book{{c, author = {{{names}}}, title = {{Grafuri}}, publisher = {{P}}, year = {{2012}}}}\n"
    [found] = [f for f in _style(entry.format(names="Sergiu Corlat, Andrei Corlat")) if f.code in ("LR153", "LR147")]
    assert (found.code, found.hint) == ("LR153", "Write author = {Corlat, Sergiu and Corlat, Andrei}")
    assert [f for f in _style(entry.format(names="Lloyd Webber, Andrew Lloyd")) if f.code == "LR153"] == []


def test_two_full_names_joined_by_a_comma_without_a_space_are_two_people() -> None:
    # "Alexandru Colesnicov,Ludmila Malahova" alone in its list and its bibliography: a family name of two words is
    # not written so before its given names. With the space ("Lloyd Webber, Andrew Lloyd") it may be one person, and
    # "Gunawan,Teddy Surya" (one word before the comma) is one.
    entry = "@book{{c, author = {{{names}}}, title = {{Latex}}, publisher = {{P}}, year = {{2001}}}}\n"
    [found] = [f for f in _style(entry.format(names="Alexandru Colesnicov,Ludmila Malahova")) if f.code == "LR153"]
    assert found.hint == "Write author = {Colesnicov, Alexandru and Malahova, Ludmila}"
    for one in ("Alexandru Colesnicov, Ludmila Malahova", "Gunawan,Teddy Surya", "Di Renzo,Gian Carlo"):
        assert [f for f in _style(entry.format(names=one)) if f.code == "LR153"] == [], one


GIVEN_FIRST = ("@book{{a, author = {{Ann Rivers and Bo Stone}}, title = {{T}}, publisher = {{P}}, year = {{2001}}}}\n"
               "@book{{b, author = {{Kim Lee}}, title = {{T}}, publisher = {{P}}, year = {{2002}}}}\n"
               "@book{{c, author = {{{names}}}, title = {{T}}, publisher = {{P}}, year = {{2003}}}}\n")


@pytest.mark.parametrize(("names", "hint"), [
    ("Jouni Smed, Harri Hakonen", "Write author = {Smed, Jouni and Hakonen, Harri}"),
    ("Jouni Smed, Harri Hakonen, and Tove Lind", "Write author = {Jouni Smed and Harri Hakonen and Tove Lind}"),
    ("Jouni Smed, Harri Hakonen, Tove Lind", "Write author = {Smed, Jouni and Hakonen, Harri and Lind, Tove}"),
])
def test_people_written_given_name_first_and_joined_by_commas(names: str, hint: str) -> None:
    # A bibliography that writes its people given name first means "Jouni Smed, Harri Hakonen" as two people.
    [found] = [f for f in _style(GIVEN_FIRST.format(names=names)) if f.code in ("LR153", "LR147")]
    assert (found.code, found.key, found.hint) == ("LR153", "c", hint)


def test_given_first_people_joined_by_commas_in_a_list_of_given_first_names() -> None:
    text = "@book{c, author = {Jouni Smed, Harri Hakonen and Tove Lind}, title = {T}, publisher = {P}, year = {2003}}\n"
    [found] = [f for f in _style(text) if f.code in ("LR153", "LR147")]
    # The hint writes them as the list writes its other people (no list of mixed forms, LR147).
    assert (found.code, found.hint) == ("LR153", "Write author = {Jouni Smed and Harri Hakonen and Tove Lind}")


@pytest.mark.parametrize("names", [
    "Smed, Jouni", "Smed, J. and Hakonen, H.", "García Márquez, Gabriel José", "Di Renzo, Gian Carlo",
    "Joshua L. Rosenbloom, Iowa State University", "Smed, Jouni and Hakonen, Harri", "Neuroimaging Initiative, Alzheimer's Disease",
])
def test_one_name_family_first_in_a_given_first_bibliography_is_no_list(names: str) -> None:
    assert [f for f in _style(GIVEN_FIRST.format(names=names)) if f.code == "LR153"] == []


def test_two_words_each_side_are_one_name_where_the_bibliography_writes_family_names_first() -> None:
    # "Di Renzo, Gian Carlo", "Maureira Fredes, Cristián Danilo": as many real names of this form as lists.
    text = GIVEN_FIRST.replace("Ann Rivers and Bo Stone", "Rivers, Ann and Stone, Bo").replace("Kim Lee", "Lee, Kim")
    for names in ("Jouni Smed, Harri Hakonen", "Maureira Fredes, Cristián Danilo"):
        assert [f for f in _style(text.format(names=names)) if f.code == "LR153"] == []


def test_two_words_each_side_are_one_name_beside_people_written_family_name_first() -> None:
    # The bibliography writes its people given name first, but this list (or another entry) writes them family
    # name first: one person each, not "Maureira Fredes" and "Cristián Danilo".
    text = GIVEN_FIRST.replace("Kim Lee", "Kim Lee and Cy Dale and Di Moss")
    assert [f for f in _style(text.format(names="Rivers, Ann and Maureira Fredes, Cristián Danilo"))
            if f.code == "LR153"] == []
    some_family_first = text + "@book{{d, author = {{Park, Jin}}, title = {{T}}, publisher = {{P}}, year = {{2004}}}}\n"
    assert [f for f in _style(some_family_first.format(names="Nguyen Thi, Minh Anh")) if f.code == "LR153"] == []


def _style(text: str):
    from litreview.checks.style import check_style

    return check_style(parse_bibliography(text, "refs.bib"), now=NOW, access_max_age_days=365)


def test_names_joined_by_commas_hint_gives_the_list_and_placeholder_says_what_is_printed() -> None:
    [bronstein, smith] = findings_for(CASES / "LR153-trigger.bib")
    assert bronstein.hint == "Write author = {Bronstein, I.N. and Semendjaew, K.A.}"
    assert "'Family, Given'" in smith.hint  # no sure reading of "Smith, J., Jones": no list to copy
    varios = next(f for f in findings_for(CASES / "LR154-trigger.bib") if f.key == "varios2001libro")
    assert varios.message == ("author 'Varios, Autores' names no one: styles print it as a person ('Varios' in "
                              "citations, sorted under it)")


@pytest.mark.parametrize(("journal", "expected"), [
    ("Media Perspektiven", False), ("Der Spiegel", False), ("Revista de la CEPAL", True),
    ("European Human Rights Law Review", True), ("", True),
    # A name in another script is not read for magazine words; nor is it guessed to have a DOI (Latin script only).
    ("图书情报工作", False),
])
def test_no_doi_expected_of_a_magazine_issue(journal: str, expected: bool) -> None:
    from litreview.checks.doi_expected import _magazine_issue, doi_expected

    text = f"@article{{a,\n  author = {{Doe, Jane}},\n  title = {{T}},\n  journal = {{{journal}}},\n  number = {{5}},\n  year = {{2012}},\n}}\n"
    [source] = parse_bibliography(text, "refs.bib").sources
    assert bool(doi_expected(source)) is expected
    assert _magazine_issue(source) is (journal in ("Media Perspektiven", "Der Spiegel"))
    with_volume = parse_bibliography(text.replace("number", "volume"), "refs.bib").sources[0]
    assert bool(doi_expected(with_volume)) is (journal != "图书情报工作")  # a volume is a journal's numbering


def test_a_url_split_by_a_space_is_given_back_whole_in_the_hint() -> None:
    # "https:// www.example.org/a" (a space typed after the scheme) got "Write the full address, starting with
    # https://", which it already does.
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.bib import check_url

    bib = parse_bibliography("@misc{a, title = {T},\n  url = {https:// www.example.org/news/plot-104}}\n", "x.bib")
    (one,) = check_url(bib.sources[0])
    assert one.message == "URL 'https:// www.example.org/news/plot-104' is invalid: it contains white space"
    assert one.hint == "Write url = {https://www.example.org/news/plot-104}"


@pytest.mark.parametrize(("url", "mended"), [
    # An address broken over lines twice (a PDF's text copied): one break after a '/', one inside a word. The hint
    # dropped the first and wrote the second %20, a broken address ("BurnsBogManagementP%20lan.pdf").
    ("http://www.metrovancouver.org/services/ parks/ParksPublications/BurnsBogManagementP lan.pdf",
     "http://www.metrovancouver.org/services/parks/ParksPublications/BurnsBogManagementPlan.pdf"),
    # A file's name with spaces in it, words close together, stays as a browser sends it.
    ("https://www.example.org/docs/ Guidelines for mobile devices.pdf",
     "https://www.example.org/docs/Guidelines%20for%20mobile%20devices.pdf"),
    ("https://www.example.org/Preece - 2004.pdf", "https://www.example.org/Preece%20-%202004.pdf"),
])
def test_the_spaces_of_an_address_broken_over_lines_are_mended_alike(url: str, mended: str) -> None:
    from litreview.checks.bib import check_url

    bib = parse_bibliography(f"@misc{{a, title = {{T}},\n  url = {{{url}}}}}\n", "x.bib")
    (one,) = check_url(bib.sources[0])
    assert one.hint.startswith(f"Write url = {{{mended}}}"), one.hint


@pytest.mark.parametrize(("pages", "biblatex", "bad"), [
    # Pages numbered within chapters, as ACM's HOPL proceedings print them: 12-1 to 12-55.
    ("12-1--12-55", False, False), ("{12-1}--{12-55}", True, False), ("{12-1}--{12-55}", False, False),
    ("12-1--12-55", True, True), ("12-1-12-55", False, True),
])
def test_chapter_numbered_pages(pages: str, biblatex: bool, bad: bool) -> None:
    from litreview.checks.integrity import page_form_problem

    problem = page_form_problem(pages, biblatex=biblatex)
    assert bool(problem) is bad
    if bad and biblatex:  # biber splits a range at its first hyphens: braces keep each end whole
        assert "{{12-1}--{12-55}}" in problem


def test_a_comma_before_and_is_told_as_such_not_as_a_family_name_first() -> None:
    # "M. Moeini-Aghtaie, and A. Abbaspour": BibTeX reads "M. Moeini-Aghtaie" as a family name alone; LR147 said the
    # list wrote it "family name first" and asked for every name as "Family, Given"
    from litreview.checks.style_names import check_name_forms

    def found(author: str) -> list[tuple[str, str, str]]:
        bib = parse_bibliography(f"@article{{a, author = {{{author}}}, title = {{T}}, journal = {{J}}, year = 2001}}",
                                 "x.bib")
        return [(f.code, f.message, f.hint) for f in check_name_forms(bib.sources[0])]

    assert found("M. Moeini-Aghtaie, and A. Abbaspour, and M. Fotuhi-Firuzabad") == [(
        "LR147", "the author list has a comma before 'and' after 'M. Moeini-Aghtaie': BibTeX reads that name as a "
        "family name alone (printed and sorted so)",
        "Write author = {M. Moeini-Aghtaie and A. Abbaspour and M. Fotuhi-Firuzabad}")]
    assert found("Roe, and Doe, John") == []  # a family name alone before the comma: read the same without it
    assert [code for code, *_ in found("Roe, Jane and John Doe")] == ["LR147"]  # the mixed forms, as before


def test_a_year_run_together_with_its_month_is_told_as_a_date() -> None:
    # Older Zotero CSL-YAML: "date-parts: [[200612]]" for December 2006; the hint said to write four digits
    from litreview.bibliography.csl import parse_csl
    from litreview.checks.bib import check_bibliography

    assert year_problem("200612", NOW.date()) == "year '200612' has 6 digits, not four"
    item = parse_csl("references:\n- id: a\n  type: book\n  title: T\n  publisher: P\n  issued:\n    date-parts: "
                     "[[20150901]]\n", "refs.yaml", yaml=True)
    assert [(f.code, f.hint) for f in check_bibliography(item, now=NOW)] == [("LR124", "Write issued: 2015-09-01")]
    entry = parse_bibliography("@book{a, title = {T}, author = {Roe, J.}, publisher = {P}, year = {200612}}", "x.bib")
    assert [(f.code, f.hint) for f in check_bibliography(entry, now=NOW)] == [
        ("LR124", "Write year = {2006} (or date = {2006-12})")]
    odd = parse_bibliography("@book{a, title = {T}, author = {Roe, J.}, publisher = {P}, year = {201513}}", "x.bib")
    assert "2015-13" not in check_bibliography(odd, now=NOW)[0].hint  # no month 13


def test_a_preprint_beside_its_published_version_is_told_as_such() -> None:
    # dblp lists a paper's CoRR version beside the proceedings: "merge them ... (edition, volume)" did not say which
    from litreview.checks.duplicates import check_duplicates

    paper = "author = {Roe, Jane}, title = {Lower Bounds}, year = {2024}"
    bib = parse_bibliography(f"@inproceedings{{conf, {paper}, booktitle = {{STOC}}}}\n"
                             f"@article{{corr, {paper}, journal = {{CoRR}}, volume = {{abs/2412.20114}}}}\n", "x.bib")
    [finding] = [f for f in check_duplicates(bib.sources) if f.code == "LR107"]
    assert finding.key == "corr" and finding.hint.startswith("'corr' is the preprint of the other: cite the published")
    twice = parse_bibliography(f"@book{{a, {paper}, publisher = {{P}}}}\n@book{{b, {paper}, publisher = {{P}}}}\n", "x.bib")
    assert [f.hint for f in check_duplicates(twice.sources)] == ["Merge them into one entry, or tell them apart (edition, volume)."]


def test_missing_url_written_in_the_note_is_pointed_at() -> None:
    # A Czech thesis's @online entries wrote "Dostupné z: \url{...}" in the note: LR110 said only "Add url = {...}"
    from litreview.checks.bib import check_required

    bib = parse_bibliography("@online{a, title = {T}, urldate = {2024-03-21},\n"
                             "  note = {Dostupné z: \\url{https://example.org/guide.pdf}}}\n"
                             "@online{b, title = {T}, urldate = {2024-03-21}, note = {On paper}}\n")
    a, b = (list(check_required(s, s.fields)) for s in bib.sources)
    assert a[0].hint == ("The note field holds the address \\url{https://example.org/guide.pdf}: write "
                         "url = {https://example.org/guide.pdf} and leave it out of the note")
    assert b[0].hint == "Add url = {...}"


@pytest.mark.parametrize(("repeated", "apart"), [
    ("Kossak, A. and Geist, V. and Geist, V.", "Geist, V. and Kossak, A. and Geist, M."),  # initials differ
    # initials alone, apart: two people as likely as one (Chinese lists); side by side: a slip of copying
    ("Zhang, Y. and Zhang, Y. and Li, X.", "Zhang, Y. and Li, X. and Wang, H. and Zhang, Y."),
    ("Smith, J. and Smith, John", "Smith, John and Smith, Mary"),  # given names differ
    ("Smith, John and Smith, John", "Smith, John and Smith, Jane"),  # one initial, two names
    ("Miller, A. L. and Miller, A. L.", "Miller, A. and Miller, A. L."),  # one more initial: two people
    ("M{\\\"u}ller, Hans and Mueller, H.", "M{\\\"u}ller, Hans and Mueller, Karl"),  # an umlaut written out
    ("{World Bank} and Roe, Ann and {World Bank}", "{World Bank} and Roe, Ann and {World Health Organization}"),
    ("King, Jr., Martin and King, Jr., Martin", "King, Jr., Martin and King, Martin"),  # father and son
    # The family name written again for the given name, beside the person in full (a reference manager's filler)
    ("McKenzie, McKenzie and McKenzie, D. F.", "McKenzie, Ann and McKenzie, D. F."),
])
def test_one_person_named_twice_in_a_list(repeated: str, apart: str) -> None:
    from litreview.checks.style_names import check_repeated_names

    def codes(authors: str) -> list[str]:
        return [f.code for f in check_repeated_names(Source(key="k", type="book", authors=_people(authors)))]

    assert codes(repeated) == ["LR157"]
    assert codes(apart) == []


def _people(value: str) -> tuple:
    return parse_bibliography(f"@book{{k, author = {{{value}}}}}", "refs.bib").sources[0].authors


def test_a_repeated_name_is_located_and_told_with_its_places() -> None:
    from litreview.checks.style_names import check_repeated_names

    text = ("@book{k,\n  title = {T},\n  author = {Doe, J. and Roe, Ann and Doe, J. and Doe, Jane},\n"
            "  editor = {Roe, Ann and Poe, Edgar},\n}\n")
    (found,) = check_repeated_names(parse_bibliography(text, "refs.bib").sources[0])
    assert (found.code, found.line, found.severity) == ("LR157", 3, "warning")
    assert found.message == ("the author list names one person 3 times: 'Doe, J.' at place 1, 'Doe, J.' at place 3 "
                             "and 'Doe, Jane' at place 4 (one family name, given names that agree)")
    assert found.hint == ("Delete the repeat from the author field; if they are two people, write each one's given "
                          "names in full to tell them apart")
    # Roe, Ann is an author and an editor: no repeat. The same in an editor list is one.
    _, editors = check_repeated_names(parse_bibliography(text.replace("Poe, Edgar", "Roe, Ann"), "r.bib").sources[0])
    assert (editors.line, editors.message) == (4, "the editor list names 'Roe, Ann' twice, at places 1 and 2")
    assert editors.hint == "Delete the repeat from the editor field, unless they are two people of one name"


def test_a_repeated_name_in_csl_is_found_at_its_author_line() -> None:
    from litreview.bibliography.csl import parse_csl

    bib = parse_csl("- id: rbspy\n  type: webpage\n  title: T\n  author:\n  - given: Julia\n    family: Evans\n"
                    "  - given: Julia\n    family: Evans\n  - given: Kamal\n    family: Marhubi\n", "refs.yaml", yaml=True)
    found = [f for f in check_review(Review(bibliography=bib), Config(), now=NOW).findings if f.code == "LR157"]
    assert [(f.line, f.message) for f in found] == [(4, "the author list names 'Evans, Julia' twice, at places 1 and 2")]


def test_a_family_name_written_for_the_given_name_is_the_repeat_to_delete() -> None:
    # "family: Hayles, given: Hayles" then the person in full: the first is an export's filler for the second,
    # and the hint names the one to delete (not "write each one's given names in full").
    from litreview.bibliography.csl import parse_csl

    bib = parse_csl("- id: hayles\n  type: book\n  title: T\n  author:\n  - family: Hayles\n    given: Hayles\n"
                    "  - family: Hayles\n    given: N. Katherine\n", "refs.yaml", yaml=True)
    found = [f for f in check_review(Review(bibliography=bib), Config(), now=NOW).findings if f.code == "LR157"]
    assert [(f.line, f.message, f.hint) for f in found] == [(
        4, "the author list names one person twice: 'Hayles, Hayles' at place 1 and 'Hayles, N. Katherine' at place "
        "2 (the family name 'Hayles' written again for the given name)", "Delete 'Hayles, Hayles' from the author list")]


def test_pages_with_an_em_dash_are_quoted_as_written_and_get_a_range_hint() -> None:
    # A range written with LaTeX's em dash: the message quotes the .bib's one backslash, and the hint the range.
    text = ("@article{cmd, author={C, A}, title={T}, journal={J}, year={2016}, pages={211{\\textemdash}219}}\n"
            "@article{char, author={D, B}, title={U}, journal={J}, year={2017}, pages={31\u201445}}\n")
    found = {f.key: f for f in check_review(Review(bibliography=parse_bibliography(text, "x.bib")), Config(),
                                            now=NOW).findings if f.code == "LR143"}
    assert found["cmd"].message.startswith("pages '211{\\textemdash}219': ")
    assert found["cmd"].hint == "Write pages = {211--219}"
    assert found["char"].hint == "Write pages = {31--45}"


def _check(text: str, code: str) -> dict[str, tuple[str, str]]:
    """key -> (message, hint) of the findings of ``code`` on a .bib text checked alone."""
    review = Review(bibliography=parse_bibliography(text, "x.bib"))
    return {f.key or "": (f.message, f.hint) for f in check_review(review, Config(), now=NOW).findings if f.code == code}


def test_a_page_count_with_front_matter_or_leaves_gets_a_pagetotal_hint() -> None:
    # A report's "vi + 48 pp." and a Brazilian thesis's catalogue record "96 f. : il." (leaves, illustrations): the
    # hint asked for a range, the message said "write a page".
    found = _check("@techreport{r, author={R, A}, title={T}, institution={I}, year={2011}, pages={vi + 48 pp.}}\n"
                   "@mastersthesis{t, author={T, A}, title={T}, school={S}, year={2012}, pages={96 f. : il.}}\n"
                   "@article{ok, author={O, A}, title={T}, journal={J}, year={2012}, pages={96}}\n", "LR143")
    assert found["r"] == ("pages 'vi + 48 pp.': how many pages the work has, not the pages it lies on (styles print "
                          "it as a range)", "The pages field holds how many pages the work has: write pagetotal = {48} "
                          "instead")
    assert found["t"][1] == "The pages field holds how many pages the work has: write pagetotal = {96} instead"
    assert "ok" not in found


def test_a_url_with_a_second_scheme_or_none_gets_the_address_to_write() -> None:
    # Mendeley's "http:https://doi.org/...", a link to a Papers library joined by a percent-encoded "\n", and a
    # bare host name: the hint said "starting with https://", or kept the second address in the url.
    found = _check("@misc{a, title={A}, url={http:https://doi.org/10.1111/nph.14968}}\n"
                   "@misc{b, title={B}, url={http://treephys.example.org/22/7/449{\\%}5Cnpapers2://publication/uuid/7464F}}\n"
                   "@misc{c, title={C}, url={www.swissvotes.ch}}\n"
                   "@misc{ok, title={D}, url={https://doi.org/10.1111/nph.14968}}\n", "LR123")
    assert found["a"][1] == "Write url = {https://doi.org/10.1111/nph.14968}"
    assert "two schemes, 'http:'" in found["a"][0]
    assert found["b"][1] == "Keep the web address, url = {http://treephys.example.org/22/7/449}"
    assert found["c"][1] == "Write url = {https://www.swissvotes.ch}"
    assert "ok" not in found


def test_a_url_written_in_the_url_command_is_invalid_with_the_address_to_write() -> None:
    # url = {\url{...}}: pandoc 3.9 prints "\url{http://ced.berkeley.edu/...}" in the reference list and links to it
    # (checked with pypandoc-binary), biblatex prints the command verbatim: the check passed it, the site showed it.
    found = _check("@misc{a, title={A}, url={\\url{http://ced.berkeley.edu/bpj/2012/09/x/}}}\n"
                   "@misc{b, title={B}, url={\\url{http://www.sciencedirect.com/pii/S18\"}}}\n"
                   "@misc{ok, title={D}, url={https://doi.org/10.1111/nph.14968}}\n", "LR123")
    assert found["a"] == ("URL '\\url{http://ced.berkeley.edu/bpj/2012/09/x/}' is invalid: it is written in \\url{...}, "
                          "which pandoc and biblatex print as written, the url field being the address itself",
                          "Write url = {http://ced.berkeley.edu/bpj/2012/09/x/}")
    assert found["b"][1] == "Write url = {http://www.sciencedirect.com/pii/S18}"  # its stray quotation mark left out
    assert "ok" not in found
    # TeX reads past the spaces after \url; \urldate is another command, no \url of a "date..." address.
    spaced = _check("@misc{a, title={A}, url={\\url {http://x.org/a}}}\n@misc{b, title={B}, url={\\urldate{2020}}}\n",
                    "LR123")
    assert spaced["a"][1] == "Write url = {http://x.org/a}"
    assert "written in \\url" not in spaced["b"][0]


def test_a_doi_field_holding_words_is_said_to_hold_no_doi() -> None:
    # A JabRef entry with "University of Virginia" in its doi: "malformed: it contains white space", with a DOI of
    # another work as the example to write.
    found = _check("@unpublished{a, author={Holt, F.}, title={T}, year={1997}, note={N}, doi={University of Virginia}}\n"
                   "@article{b, author={B, A}, title={T}, journal={J}, year={2001}, doi={10.1000/a b}}\n", "LR120")
    assert found["a"] == ("DOI 'University of Virginia' is no DOI: the field holds words (a DOI starts with 10.)",
                          "Move 'University of Virginia' to the field it belongs in (the institution, school or "
                          "publisher), and delete the doi field, or write the work's DOI there")
    assert "white space" in found["b"][0]  # a DOI with a space in it is still one gone wrong


def test_one_doi_on_two_works_of_other_titles_is_not_a_copy_to_delete() -> None:
    # A DOI cut short ("10.1051/forest") on two articles of one journal: the hint said to delete one of them.
    found = _check("@article{a, author={A, A}, title={Climatic significance of tree-ring width in Pinus pinea}, "
                   "journal={J}, year={2007}, doi={10.1051/forest}}\n"
                   "@article{b, author={B, B}, title={Relationships between intra-ring wood density and anatomy}, "
                   "journal={J}, year={2004}, doi={10.1051/forest}}\n"
                   "@article{c, author={C, C}, title={The Same Work}, journal={J}, year={2004}, doi={10.1/x}}\n"
                   "@article{d, author={C, C}, title={The same work: a subtitle}, journal={J}, year={2004}, doi={10.1/x}}\n",
                   "LR106")
    assert "a work of another title" in found["b"][0] and "keep both" in found["b"][1]
    assert found["d"][1].startswith("Keep one of 'c' and 'd'")


def test_a_title_with_an_ellipsis_inside_as_well_is_not_truncated() -> None:
    found = _check("@misc{m, title = \"MiKTeX\\dots\\ typesetting beautiful documents\\dots\"}\n"
                   "@misc{cut, title = {Towards a theory of...}}\n", "LR132")
    assert list(found) == ["cut"]


def test_a_body_read_as_a_person_with_a_lower_case_family_name_is_named_as_written() -> None:
    # "GUST e-foundry" was reported as "author 'e-foundry, GUST': family name in lower case".
    found = _check('@misc{f, author = "GUST e-foundry", title = {Fonts}}\n'
                   "@misc{ok, author = {{GUST e-foundry}}, title = {Fonts}}\n", "LR133")
    assert found == {"f": ("author 'GUST e-foundry': read as a person whose family name is 'e-foundry', in lower case",
                           "A body's name goes in double braces, author = {{GUST e-foundry}}; a person's family name "
                           "takes its capital (a particle such as 'van' before it: 'van Dijk, Jan')")}


def test_people_joined_by_commas_after_initials_are_read_whatever_their_family_names() -> None:
    # "J. Li, G. Wang": Li and Wang are given names too, so the list was read as mixing name forms (LR147).
    found = _check("@article{s, author={J. Li, G. Wang and X. Wei}, title={T}, journal={J}, year={2018}}\n"
                   "@article{ok, author={Li, J. and Wang, G. and Wei, X.}, title={T}, journal={J}, year={2018}}\n",
                   "LR153")
    assert found == {"s": ("the author list names 'J. Li, G. Wang' as one person: its names are joined by commas, not "
                           "by 'and'", "Write author = {J. Li and G. Wang and X. Wei}")}


def test_more_than_two_people_joined_by_commas_get_the_list_to_write() -> None:
    # pybtex's "Too many commas in '...'" was the message, and the hint a general rule.
    text = ('@article{a, author = "Navdeep Jaitly, Patrick Nguyen, Andrew Senior, Vincent Vanhoucke", title={T}}\n'
            "@article{b, author = {Doe, Jane, Jr, Extra}, title={T}}\n")
    found = {p.key: (p.message, p.hint) for p in parse_bibliography(text, "x.bib").problems if p.code == "LR104"}
    assert found["a"] == ("the author field joins 4 people by commas, not by 'and' ('Navdeep Jaitly, Patrick Nguyen, "
                          "Andrew Senior, Vincent Vanhoucke'): BibTeX reports an error for it (too many commas in a "
                          "name), pandoc reads one person",
                          "Write author = {Navdeep Jaitly and Patrick Nguyen and Andrew Senior and Vincent Vanhoucke}")
    assert found["b"][1] == 'Separate names with " and "; write each as "Family, Given"'


@pytest.mark.parametrize(("author", "read"), [
    ("Navdeep Jaitly, Patrick Nguyen, Andrew Senior, Vincent Vanhoucke", "pandoc reads one person"),
    # pandoc parts the field at 'and': each part is one person to it
    ("Navdeep Jaitly, Patrick Nguyen, Andrew Senior, Vincent Vanhoucke and Jane Doe", "pandoc reads 2 people"),
    ("Navdeep Jaitly, Patrick Nguyen, Andrew Senior, Vincent Vanhoucke and Jane Doe and John Roe",
     "pandoc reads 3 people"),
])
def test_the_people_pandoc_reads_in_a_list_joined_by_commas(author: str, read: str) -> None:
    text = f'@article{{a, author = "{author}", title={{T}}}}\n'
    found = [p.message for p in parse_bibliography(text, "x.bib").problems if p.code == "LR104"]
    assert len(found) == 1 and found[0].endswith("(too many commas in a name), " + read)


@pytest.mark.parametrize(("author", "count"), [
    # It said 4, the people of the first name, of a list of five.
    ("A. Smith, B. Jones, C. Brown, D. Green and E. White", 5),
    ("A. Smith, B. Jones, C. Brown, D. Green and E. White, F. Black", 6),  # two names that join people
    ("A. Smith, B. Jones, C. Brown, D. Green", 4),  # one name: the people it joins
])
def test_the_people_counted_are_those_of_the_list_to_write(author: str, count: int) -> None:
    text = f'@article{{a, author = "{author}", title={{T}}}}\n'
    [told] = [p for p in parse_bibliography(text, "x.bib").problems if p.code == "LR104"]
    written = told.hint.removeprefix("Write author = {").removesuffix("}").split(" and ")
    assert len(written) == count
    assert told.message.startswith(f"the author field joins {count} people by commas, not by 'and' ({author!r})")


def test_a_publisher_that_goes_on_with_the_isbn_is_named_without_it() -> None:
    found = _check("@book{b, author={B, A}, title={T}, publisher={Cambridge University Press, ISBN: 0521540518}, "
                   "year={2004}}\n", "LR137")
    assert found["b"][0] == "no DOI, but Cambridge University Press registers DOIs for its books"


def test_an_article_that_is_a_web_page_gets_the_type_to_write() -> None:
    # Hand-written files type blog posts @article with a url: the hint asked for a journal the page has none of.
    found = _check("@article{blog, author={Eder, N.}, title={MVVM Das Model}, year={2017}, url={https://example.org/mvvm}}\n"
                   "@article{note, author={N, A}, title={T}, year={2021}, note={URL: \\url{https://example.org/t}}}\n"
                   "@article{lost, author={L, A}, title={T}, year={2017}, volume={34}, pages={43--51}, "
                   "url={https://example.org/l}}\n", "LR110")
    web = ("It reads as a web page, with an address and no volume, pages or DOI: make the entry @online (@misc for "
           "BibTeX's standard styles), or add journal = {...} if it appeared in one")
    assert found["blog"][1] == found["note"][1] == web
    assert found["lost"][1] == "Add journal = {...}"


def test_an_article_with_no_journal_found_through_a_catalogue_or_with_an_isbn_is_not_called_a_web_page() -> None:
    # Mendeley makes a work saved from Google Books or Google Scholar an @article with that page's address: it was
    # "it reads as a web page: make the entry @online" for Parfit's Reasons and Persons.
    found = _check(
        "@article{parfit, author={Parfit, D}, title={Reasons and persons}, year={1984}, "
        "url={https://books.google.co.jp/books?hl=ja&id=ulhHdvbDRUkC&pg=PA1}}\n"
        "@article{milburn, author={Milburn, TW}, title={On the nature of threat}, year={1981}, "
        "url={https://scholar.google.com/scholar?oi=gsb95&q=watman milburn threat&lookup=0&hl=en#0}}\n"
        "@article{pears, author={Pears, D}, title={Motivated irrationality}, year={1984}, "
        "url={http://philpapers.org/rec/PEAMI}}\n"
        "@article{krause, author={Krause, D}, title={Quantum logics}, year={2018}, url={http://arxiv.org/abs/1802.03805}}\n"
        "@article{gabbay, author={Gabbay, Dov M.}, title={Many-dimensional modal logics}, year={2003}, pages={747}, "
        "isbn={0444508260}}\n"
        "@article{cui, author={Cui, Wei}, title={FPGA implementation}, year={2004}, pages={495--498}, "
        "isbn={0780384067}}\n"
        "@article{sep, author={McKenna, Michael}, title={Compatibilism}, year={2004}, "
        "url={http://plato.stanford.edu/entries/compatibilism/}}\n"
        "@article{copy, author={Mondadori, F}, title={Modal realism}, year={1976}, "
        "url={https://philpapers.org/archive/MONMRT.pdf}}\n", "LR110")
    assert found["parfit"][1] == ("It is a book, its address its Google Books page: make the entry @book, with "
                                  "publisher = {...}")
    assert found["milburn"][1] == ("Its address is a search on Google Scholar, a catalogue's page, not the work's: add "
                                   "journal = {...} if the work is an article, or make the entry @book (with "
                                   "publisher = {...}) if it is a book")
    assert found["pears"][1].startswith("Its address is its record on PhilPapers, a catalogue's page, not the work's")
    assert found["krause"][1].startswith("It is the arXiv preprint 1802.03805, in no journal: make the entry @misc")
    assert found["gabbay"][1] == ("It has an ISBN, so it is a book: make the entry @book, with publisher = {...}, "
                                  "or add journal = {...} if it appeared in one")
    assert found["cui"][1] == ("It has an ISBN and a page range, so it is a part of a book: make the entry "
                               "@incollection (@inproceedings for a paper in proceedings), with booktitle = {...}")
    assert found["sep"][1].startswith("It reads as a web page")
    assert found["copy"][1].startswith("It reads as a web page")  # (a copy of the work, not PhilPapers' record)


def test_a_page_range_with_its_volume_or_a_page_abbreviation_gets_the_range_to_write() -> None:
    # IEEE Xplore's "61 - 64 vol.1" and "~p.~1408--1418": the hint gave a made-up range, "pages = {12--15}".
    found = _check("@article{a, author={A, A}, title={T}, journal={J}, year={2000}, volume={1}, pages={61 - 64 vol.1}}\n"
                   "@article{b, author={B, B}, title={T}, journal={J}, year={1969}, pages={~p.~1408--1418}}\n"
                   "@article{c, author={C, C}, title={T}, journal={J}, year={2000}, pages={61 - 64 vol.2}}\n"
                   "@article{ok, author={D, D}, title={T}, journal={J}, year={2000}, pages={61--64}}\n", "LR143")
    assert found["a"] == ("pages '61 - 64 vol.1': the range 61--64 with its volume written into it",
                          "Write pages = {61--64}")
    assert found["b"][1] == "Write pages = {1408--1418} (styles add the p. themselves)"
    assert found["c"][1] == "Write pages = {61--64} and volume = {2}"
    assert "ok" not in found


def test_a_name_list_that_holds_a_title_says_so() -> None:
    # A hand-edited Mendeley entry: editor = {Genetics, Genomics and Breeding of Conifers}, the book's title, was
    # reported as a list mixing "Family, Given" and "Given Family".
    found = _check("@incollection{m, author={Mullin, T.J.}, editor={Genetics, Genomics and Breeding of Conifers}, "
                   "title={T}, booktitle={B}, publisher={P}, year={2011}}\n"
                   "@book{ok, author={Auty, David and Andrew D. Smith}, title={T}, publisher={P}, year={2014}}\n", "LR147")
    assert found["m"] == ("the editor field 'Genetics, Genomics and Breeding of Conifers' reads as a title, not names: "
                          "'Breeding of Conifers' holds 'of', which no name does",
                          "Write the people's names in the editor field ('Family, Given' joined by 'and'), and the "
                          "title in its own field (booktitle for the book's)")
    assert found["ok"][0] == "the author list writes 'Auty, David' family name first but 'Andrew D. Smith' given name first"


def test_a_year_with_the_first_editions_year_in_brackets_is_told_apart() -> None:
    # "2003[1965]": a reprint's year and the first edition's. The hint said to write a made-up year and date; it
    # now writes the two fields. A later year in brackets is no first edition's: the general hint.
    found = _check("@book{r, author = {Isačenko, A. V.}, title = {T}, publisher = {P}, year = {2003[1965]}}\n"
                   "@book{s, author = {Roe, A.}, title = {U}, publisher = {P}, year = {2003[2004]}}\n", "LR124")
    assert found["r"] == ("year '2003[1965]' is not a number",
                          "Write year = {2003} and origdate = {1965}, the first edition's year")
    assert found["s"][1] == CATALOGUE["LR124"].hint


def test_a_date_of_days_alone_is_told_to_be_the_events() -> None:
    # date = {26-31} beside year = {2014}, month = {may}: a conference's days. The hint writes them as biblatex's
    # eventdate; without a month it cannot, and keeps the general hint.
    entry = ("@inproceedings{{n, author = {{Novák, Attila}}, title = {{T}}, booktitle = {{LREC}}, year = {{2014}},"
             " {month}date = {{26-31}}}}\n")
    found = _check(entry.format(month="month = {may}, "), "LR124")
    assert found["n"] == ("date '26-31' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
                          "The date field holds the days alone, of the event: write them as eventdate = "
                          "{2014-05-26/2014-05-31}, and delete date (year and month date the work)")
    assert _check(entry.format(month=""), "LR124")["n"][1] == CATALOGUE["LR124"].hint


def test_an_html_tag_gets_the_hint_of_its_kind() -> None:
    # Mendeley Reference Manager wraps abstracts in <p>: the hint said to write \textit{...} for <i>, which has
    # nothing to do with a paragraph. A tag of text (<i>, JATS' <jats:sup>) gets its LaTeX.
    found = _check("@article{p, author = {Roe, A.}, title = {T}, journal = {J}, year = {2020},\n"
                   "  abstract = {<p>The rapid development of information technology.</p>}}\n"
                   "@article{i, author = {Roe, B.}, title = {On <i>Homo</i> sapiens}, journal = {J}, year = {2020}}\n"
                   "@article{s, author = {Roe, C.}, title = {CO<jats:sup>2</jats:sup>}, journal = {J}, year = {2020}}\n",
                   "LR141")
    assert found["p"][1] == ("Delete the <p> tags (a web page's layout): BibTeX and biber print them as text, and a "
                             "blank line parts paragraphs")
    assert found["i"][1] == "Write \\textit{...} instead of <i>...</i>"
    assert found["s"][1] == "Write \\textsuperscript{...} instead of <jats:sup>...</jats:sup>"


@pytest.mark.parametrize(("author", "message", "hint"), [
    ("Multiple authors", "author 'authors, Multiple' names no one: styles print it as a person ('authors' in "
     "citations, sorted under it)", "Delete the author field (styles then cite the work by its title), or name the "
     "people; for a work signed 'Anonymous' write author = {Anonymous}"),
    ("Harrell, Frank E. and many others", "author 'many others' names no one: styles print it as a person among the "
     "authors", "Write 'and others' in its place, which styles print as et al."),
    # BibTeX's styles and pandoc read "others" as et al. only at the end of the list: mid-list it is one more person.
    ("Harrell, Frank E. and many others and Doe, Jane", "author 'many others' names no one: styles print it as a "
     "person among the authors", "Delete it from the author list: 'and others' (et al.) may only end the list"),
])
def test_words_for_unnamed_authors_name_no_one(author: str, message: str, hint: str) -> None:
    # LR133 called them family names in lower case ("write the family name with its capital").
    text = f"@misc{{a, author = {{{author}}}, title = {{T}}, year = {{2020}}, url = {{https://example.org}}}}\n"
    found = [(f.code, f.message, f.hint) for f in check_review(Review(bibliography=parse_bibliography(text, "x.bib")),
                                                               Config(), now=NOW).findings if f.code in ("LR133", "LR154")]
    assert found == [("LR154", message, hint)]


def test_a_doi_inherited_through_crossref_is_told_as_the_volume_s() -> None:
    # A paper crossref'd to its proceedings, which has a DOI: biber and BibTeX copy it into the paper. It was an
    # error "same DOI as 'proc', a work of another title: the DOI is wrong in one of them".
    proc = ("@proceedings{proc,\n  title = {Proceedings of the Workshop},\n  publisher = {Springer},\n"
            "  year = {2019},\n  doi = {10.1007/978-3-030-00000-0}\n}\n")
    paper = "@inproceedings{talk,\n  author = {Novak, Ana},\n  title = {Level statistics},\n  crossref = {proc}\n}\n"
    for text in (proc + paper, paper + proc):  # either order in the file
        [found] = [f for f in check_duplicates(parse_bibliography(text, "refs.bib").sources)]
        assert (found.code, found.key, found.severity) == ("LR106", "talk", "warning")
        assert found.message == ("no DOI of its own: it inherits the DOI 10.1007/978-3-030-00000-0 of 'proc' through "
                                 "crossref, so styles print the @proceedings's DOI for this @inproceedings")
        assert found.line == text.splitlines().index("  crossref = {proc}") + 1
    # A paper that writes the same DOI itself: a DOI given twice, the error it was.
    [own] = check_duplicates(parse_bibliography(proc + paper.replace("}\n}", "},\n  doi = {10.1007/978-3-030-00000-0}\n}"),
                                                "refs.bib").sources)
    assert own.severity == "error" and own.message.startswith("same DOI 10.1007/978-3-030-00000-0 as 'proc'")


def test_papers_that_inherit_one_doi_are_each_told_as_the_volume_s_children_first() -> None:
    # BibTeX wants the crossref'd volume after the papers that name it. With two papers before it, the second was an
    # error "same DOI as 'a' (line 1): keep one of 'a' and 'b' and delete the other", two papers of one volume.
    papers = "".join(f"@inproceedings{{{k},\n  author = {{Roe, Ann}},\n  title = {{Paper {k} on level statistics}},\n"
                     f"  crossref = {{proc}}\n}}\n" for k in "abc")
    proc = "@proceedings{proc,\n  title = {Proceedings of the Workshop},\n  year = {2019},\n  doi = {10.1007/x}\n}\n"
    for text in (papers + proc, proc + papers):
        found = [(f.code, f.key, f.severity, f.message.split(":")[0]) for f in
                 check_duplicates(parse_bibliography(text, "refs.bib").sources)]
        assert sorted(found) == [("LR106", k, "warning", "no DOI of its own") for k in "abc"]


def test_an_entry_and_the_entry_it_inherits_from_are_not_the_same_work_twice() -> None:
    # biblatex's @set crossrefs its first member and inherits its title, year and authors: with the member after the
    # set (as biber's examples write it) that was LR107 "same title, year and first author as 'set'".
    member = ("@article{set:roe,\n  entryset = {set},\n  author = {Roe, Ann},\n  title = {Level statistics of "
              "random matrices},\n  journal = {Physical Review},\n  year = {1961}\n}\n")
    kept = "@set{set,\n  entryset = {set:roe,set:lee},\n  crossref = {set:roe}\n}\n"
    for text in (kept + member, member + kept):
        assert [f.code for f in check_duplicates(parse_bibliography(text, "refs.bib").sources)] == []
    # (the same article written twice, neither inheriting from the other, is one)
    twice = member + member.replace("set:roe", "roe61").replace("  entryset = {set},\n", "")
    assert [f.code for f in check_duplicates(parse_bibliography(twice, "refs.bib").sources)] == ["LR107"]


def test_a_missing_field_of_a_crossref_child_says_where_it_would_come_from() -> None:
    from litreview.checks.bib import check_bibliography

    paper = "@inproceedings{talk,\n  author = {Novak, Ana},\n  title = {Level statistics},\n  crossref = {proc}\n}\n"
    proc = "@proceedings{proc,\n  title = {Proceedings of the Workshop},\n  publisher = {Springer},\n}\n"
    dangling = [f for f in check_bibliography(parse_bibliography(paper, "refs.bib"), now=NOW) if f.code == "LR110"]
    assert [f.hint.split("; ")[-1] for f in dangling] == [
        "its crossref names no entry ('proc', LR112): correct the key, and the entry takes the fields from there"]
    lacking = [f for f in check_bibliography(parse_bibliography(paper + proc, "refs.bib"), now=NOW)
               if f.code == "LR110" and f.key == "talk"]
    assert [f.hint.split("; ")[-1] for f in lacking] == [
        "its crossref entry 'proc' gives none of them either: add them there, or here"]


def test_a_missing_publisher_of_a_crossref_child_says_where_it_would_come_from() -> None:
    # A philosophy bibliography's @bookinbook and @inbook crossref books the file lacks: LR110's hint named the
    # dangling crossref, LR111's ("names no publisher") only "Add publisher = {...}".
    from litreview.checks.bib import check_bibliography

    chapter = ("@inbook{macdonald,\n  author = {MacDonald, Scott},\n  title = {Theory of Knowledge},\n"
               "  crossref = {93:_cambr_compan_aquin}\n}\n")
    [told] = [f for f in check_bibliography(parse_bibliography(chapter, "refs.bib"), now=NOW) if f.code == "LR111"]
    assert told.hint.split("; ")[-1] == ("its crossref names no entry ('93:_cambr_compan_aquin', LR112): correct the "
                                         "key, and the entry takes the fields from there"), told.hint


@pytest.mark.parametrize(("publisher", "told"), [
    # BibSonomy's export of a CACM article: its journal in the publisher field. The hint was "Add journal = {...}".
    ("Communications of the ACM", True), ("IEEE Transactions on Software Engineering", True),
    ("IEEE Communications Society", False), ("Association for Computing Machinery", False),
    ("American Physical Society", False), ("Review Press", False),
])
def test_an_article_whose_publisher_names_its_journal_is_told_to_rename_it(publisher: str, told: bool) -> None:
    from litreview.checks.bib import check_bibliography

    text = (f"@article{{gould1985,\n  author = {{Gould, John D.}},\n  title = {{Designing for usability}},\n"
            f"  publisher = {{{publisher}}},\n  volume = 28,\n  pages = {{300--311}},\n  year = {{1985}},\n}}\n")
    [found] = [f for f in check_bibliography(parse_bibliography(text, "refs.bib"), now=NOW) if f.code == "LR110"]
    assert (found.hint == f"The publisher field holds the journal's name ({publisher!r}): rename publisher to "
                          "journal") is told


def test_a_placeholder_for_a_doi_or_an_address_is_told_as_one() -> None:
    from litreview.bibliography.csl import parse_csl
    from litreview.checks.bib import check_doi, check_url

    # "DOI: FIXME" (a note to look it up later) was "malformed: it does not start with '10.'", "Write the bare DOI".
    item = parse_csl('[{"id": "n", "type": "article-journal", "title": "T", "DOI": "FIXME", "URL": "FIXME"}]',
                     "refs.json").sources[0]
    [doi] = check_doi(item)
    [url] = check_url(item)
    assert (doi.message, doi.hint) == ("DOI 'FIXME' is a placeholder, not a DOI", "Look the DOI up (litreview fetch "
                                       "searches the registries) and write it, or delete the DOI field")
    assert (url.message, url.hint) == ("URL 'FIXME' is a placeholder, not an address",
                                       "Write the address, or delete the URL field")
    entry = parse_bibliography("@article{a, title={T}, journal={J}, year={2001}, doi={10.1000/FIXME}}").sources[0]
    assert list(check_doi(entry)) == []  # a DOI may hold the word


def test_a_value_a_syntax_error_cut_short_is_that_error_s_finding_alone() -> None:
    # "doi=10.1007/978-1-4757-3849-0" typed bare: BibTeX reads 10 and stops (LR100, with the braced value to write);
    # LR120 "DOI '10' is malformed" told the same cause again.
    found = findings_for_text("@book{h,\nauthor = {Hartshorne, Robin},\ntitle = {Algebraic Geometry},\nyear=1977,\n"
                              "publisher={Springer},\ndoi=10.1007/978-1-4757-3849-0\n}\n")
    assert [(f.code, f.line) for f in found if f.code.startswith("LR1")] == [("LR100", 6)]
    # A malformed DOI in an entry whose syntax error is elsewhere is still its own finding.
    found = findings_for_text("@book{h,\nauthor = {Hartshorne, Robin},\ntitle = {Algebraic Geometry},\nyear=1977,\n"
                              "doi = {10},\npublisher Springer\n}\n")
    assert {(f.code, f.line) for f in found if f.code in ("LR100", "LR120")} == {("LR100", 6), ("LR120", 5)}


@pytest.mark.parametrize(("kind", "written", "meant"), [
    ("incollection", "book", "booktitle"), ("inproceedings", "book_title", "booktitle"),
    ("article", "journal_title", "journal"), ("article", "Journal-Title", "journal"),
])
def test_a_required_field_written_under_a_name_no_tool_reads_is_told_to_be_renamed(kind: str, written: str,
                                                                                   meant: str) -> None:
    # "book = {Dimensions of normativity}" in a Google Scholar-like @incollection: BibTeX, biber and pandoc read no
    # "book" field, so the book's title is lost (LR110); the hint was "Add booktitle = {...}", as if it were not there.
    from litreview.checks.bib import check_bibliography

    text = (f"@{kind}{{enoch2019,\n  title = {{Is General Jurisprudence Interesting?}},\n  author = {{Enoch, David}},\n"
            f"  {written} = {{Dimensions of Normativity}},\n  pages = {{65--86}},\n  year = {{2019}},\n"
            f"  publisher = {{Oxford University Press}}\n}}\n")
    [found] = [f for f in check_bibliography(parse_bibliography(text, "refs.bib"), now=NOW) if f.code == "LR110"]
    assert found.hint == (f"The {written.lower()} field holds it, under a name BibTeX, biber and pandoc do not read: "
                          f"rename {written.lower()} to {meant}")


@pytest.mark.parametrize("kind", ["phdthesis", "mastersthesis"])
def test_a_thesis_s_university_field_is_told_to_be_renamed_school(kind: str) -> None:
    # EndNote's BibTeX export writes a thesis's university in a university field, which no tool reads: the hint was
    # "Add school = {...}, the university that awarded the degree", as if it were not there.
    from litreview.checks.bib import check_bibliography

    text = (f"@{kind}{{RN696,\n   author = {{Chen, Tuo}},\n   title = {{Stereo matching}},\n"
            f"   University = {{Zhejiang University}},\n   year = {{2017}}\n}}\n")
    [found] = [f for f in check_bibliography(parse_bibliography(text, "refs.bib"), now=NOW) if f.code == "LR110"]
    assert found.hint == ("The university field holds it, under a name BibTeX, biber and pandoc do not read: "
                          "rename university to school")


def test_a_title_ending_with_a_capital_letter_as_a_label_is_not_truncated() -> None:
    # "Neuere Ergebnisse zur Risikobewertung von Bisphenol A" (a German term paper's five sources on it), "Vitamin A":
    # the letter names the compound, as in "Hepatitis B"; LR132 took it for the article "a". A title cut after the
    # article is still told.
    found = _check("@misc{bpa, title = {Neuere Ergebnisse zur Risikobewertung von Bisphenol A}}\n"
                   "@misc{vit, title = {Vitamin A}}\n@misc{cut, title = {Towards a theory of a}}\n"
                   "@misc{cut2, title = {On the Making of A}}\n", "LR132")
    assert list(found) == ["cut"]
def test_an_inbook_whose_chapter_field_holds_its_title_is_told_to_rename_it() -> None:
    # A Czech thesis's BibTeX-style @inbook: "chapter = {Institutions and Their Design}, crossref = {goodin}". pandoc
    # (as biblatex) reads chapter as the chapter's number and the book's title as booktitle: the entry has no title.
    # The hint said "Add title = {...}; its crossref entry 'goodin' gives none of them either", though goodin has one.
    from litreview.checks.bib import check_bibliography

    book = "@book{goodin,\n  title = {The Theory of Institutional Design},\n  author = {Goodin, R. E.},\n" \
           "  year = {1998},\n  publisher = {CUP}\n}\n"
    part = "@inbook{iatd,\n  author = {Goodin, R. E.},\n  chapter = {Institutions and Their Design},\n" \
           "  pages = {1--43},\n  crossref = {goodin}\n}\n"
    [found] = [f for f in check_bibliography(parse_bibliography(part + book, "refs.bib"), now=NOW)
               if f.code == "LR110" and f.key == "iatd"]
    assert found.hint == ("The chapter field holds the chapter's title ('Institutions and Their Design'), which pandoc "
                          "and biblatex read as its number: rename chapter to title")
    # A chapter's number is one: the hint stays the plain one.
    numbered = part.replace("Institutions and Their Design", "3")
    [found] = [f for f in check_bibliography(parse_bibliography(numbered + book, "refs.bib"), now=NOW)
               if f.code == "LR110" and f.key == "iatd"]
    assert found.hint.startswith("Add title = {...}")


@pytest.mark.parametrize(("author", "form"), [
    ("Stanislav Volek, Partners Media, s.r.o", "s.r.o"),
    ("Nowak, Jan and Kowal, sp. z o.o.", "sp. z o.o."),
    ("Acme Werke, e.V.", "e.V."),
])
def test_a_companys_legal_form_read_as_initials_is_told_as_one(author: str, form: str) -> None:
    # A Czech thesis's "author = {Stanislav Volek, Partners Media, s.r.o}": BibTeX reads "s.r.o" as the given names,
    # and LR133 said "miscased initials", hint "Write 'Stanislav Volek, S. R. O'".
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.style_names import check_names

    bib = parse_bibliography(f"@misc{{a, author = {{{author}}}, title = {{T}}, year = 2002}}", "x.bib")
    [found] = [f for f in check_names(bib.sources[0]) if f.code == "LR133"]
    assert found.message.endswith(f"{form!r} is a company's legal form, read as given names")
    assert "double braces" in found.hint and "S. R. O" not in found.hint
    # A person's initials in lower case are still that.
    bib = parse_bibliography("@misc{a, author = {Vincent, r.j.}, title = {T}, year = 2002}", "x.bib")
    assert [f.hint for f in check_names(bib.sources[0]) if f.code == "LR133"] == ["Write 'Vincent, R. J.'"]


def test_a_full_date_in_the_year_field_is_named_a_date_with_the_year_and_date_to_write() -> None:
    # year = "2013.5.30" (a Japanese thesis's patent entry): reported as "year 3530 lies in the future", the number
    # BibTeX's styles take (its last four digits) and not what the author wrote, with the catalogue's generic hint.
    found = _check("@article{p, author={F}, title={T}, journal={J}, year={2013.5.30}}\n"
                   "@article{d, author={F}, title={T}, journal={J}, year={2013-05-30}}\n"
                   "@article{ok, author={F}, title={T}, journal={J}, year={30.5.2013}}\n", "LR124")
    assert found["p"] == ("year '2013.5.30' is a date, not a year: BibTeX's styles read its last four digits, 3530",
                          "Write year = {2013} (or date = {2013-05-30})")
    assert found["d"][1] == "Write year = {2013} (or date = {2013-05-30})"
    assert "ok" not in found  # BibTeX reads 2013 there, pandoc and biber too: no finding (as before)


def test_a_url_field_of_two_addresses_one_with_a_latex_escape_counts_both_as_web_addresses() -> None:
    # Mendeley's "http://ieeexplore.../wrapper.htm?arnumber=1 http://ieeexplore.../abs\_all.jsp?arnumber=1": the
    # second was called "no web address" for its \_ (which biblatex reads verbatim), and left out of the hint.
    found = _check("@article{p, author={F}, title={T}, journal={J}, year={2014}, url={http://ieeexplore.ieee.org/lpdocs/"
                   "wrapper.htm?arnumber=6876044 http://ieeexplore.ieee.org/xpls/abs\\_all.jsp?arnumber=6876044}}\n",
                   "LR123")
    message, hint = found["p"]
    assert message.endswith("is invalid: it holds 2 addresses")
    assert hint == ("Keep one, url = {http://ieeexplore.ieee.org/lpdocs/wrapper.htm?arnumber=6876044}, and give the "
                    "other in note = {\\url{http://ieeexplore.ieee.org/xpls/abs_all.jsp?arnumber=6876044}}")


def test_an_article_whose_title_holds_its_address_is_a_web_page_with_the_url_to_write() -> None:
    # title = "kuromoji.js, \url{https://github.com/takuyaa/kuromoji.js}" (a Japanese thesis's software entry): the
    # hint was only "Add journal = {...}".
    found = _check("@article{k, author={T. Asano}, title={kuromoji.js, \\url{https://github.com/takuyaa/kuromoji.js}},"
                   " year=2015}\n"
                   "@article{lost, author={L, A}, title={On \\url{https://example.org/x}}, year={2017}, volume={3}}\n",
                   "LR110")
    assert found["k"][1] == ("It reads as a web page, its address written in the title: make the entry @online (@misc "
                             "for BibTeX's standard styles) with url = {https://github.com/takuyaa/kuromoji.js}, and "
                             "leave the address out of the title")
    assert found["lost"][1] == "Add journal = {...}"  # a volume: an article with its journal left out


def test_a_url_field_holding_a_date_or_the_title_says_so() -> None:
    # A political history dissertation's primary sources: url = {2018-01-05} (the day read, typed into url) was
    # "it has no scheme: write https://...", and url = {White House Defends ...} (the title typed twice) "it contains
    # white space", each with the hint "Write the full address, starting with https://.".
    found = _check("@misc{d, author={Perle, Richard}, title={The Making of a Neoconservative}, date={2002-11-14},"
                   " url={2018-01-05}}\n"
                   "@misc{r, author={Perle, Richard}, title={The Making of a Neoconservative}, date={2002-11-14},"
                   " url={2018-01-05}, urldate={2018-01-05}}\n"
                   "@misc{t, author={Savage, Charlie}, title={White House Defends Continuing U.S. Role in Libya},"
                   " date={2011-06-11}, url={White House Defends Continuing U.S. Role in Libya}}\n", "LR123")
    assert found["d"] == ("URL '2018-01-05' is invalid: it is a date, not an address",
                          "Write the date in urldate = {2018-01-05} if it is the day the page was read, and the "
                          "page's address in url (or delete the url field)")
    assert found["r"][1] == "Write the page's address in url, or delete the url field: urldate holds the date"
    assert found["t"] == ("URL 'White House Defends Continuing U.S. Role in Libya' is invalid: it is the entry's "
                          "title, not an address", "Write the page's address in url, or delete the url field")


def test_a_url_in_quotation_marks_is_given_the_address_without_them() -> None:
    # url={"https://s3.amazonaws.com/..."} (a German seminar paper's): the hint was the catalogue's "Write the full
    # address, starting with https://."
    found = _check('@misc{q, title={T}, year={2014}, url={"https://example.org/a.pdf?x=1&y=2"}}\n'
                   '@misc{r, title={T}, year={2014}, url={"https://example.org/a b"}}\n', "LR123")
    assert found["q"][1] == "Write url = {https://example.org/a.pdf?x=1&y=2}"
    assert found["r"][1] != "Write url = {https://example.org/a b}"  # still no address without them: not offered


@pytest.mark.parametrize(("urldate", "hint"), [
    # day and month both 12 or less: either order; the hint gives both, the reader knows which
    ("10/11/2019", "Write urldate = {2019-11-10} if it is day/month/year, or urldate = {2019-10-11} if "
                   "month/day/year"),
    ("25/11/2019", "Write urldate = {2019-11-25} (read as day 25, month 11, 2019)"),  # one order only
    ("11/25/2019", "Write urldate = {2019-11-25} (read as month 11, day 25, 2019)"),
])
def test_an_access_date_written_with_slashes_is_given_the_iso_date_to_write(urldate: str, hint: str) -> None:
    # urldate = {10/11/2019} (a Mexican thesis's): the hint was the catalogue's "Write year = {2004}, ...".
    found = _check(f"@online{{a, title={{T}}, url={{https://example.org}}, year={{2019}}, urldate={{{urldate}}}}}\n",
                   "LR124")
    assert found["a"][1] == hint


def test_an_isbn_that_is_a_perl_lists_text_is_named_a_leftover() -> None:
    # isbn = {ARRAY(0x500bad18)} (an economics paper's .bib, run through a Perl tool that wrote a list's address):
    # "an ISBN has 10 or 13 digits, this has 6", counting the digits of a memory address.
    found = _check("@book{s, author={Simon, H.}, title={T}, publisher={P}, year={1996}, isbn={ARRAY(0x500bad18)}}\n",
                   "LR122")
    assert found["s"] == ("ISBN 'ARRAY(0x500bad18)' is no ISBN: it is how a Perl program writes a list it was to "
                          "print (the values in it are lost)",
                          "Write the book's ISBN, or delete the isbn field")


def test_a_report_by_the_body_that_issued_it_is_told_to_name_that_body_as_its_author() -> None:
    # @report{..., institution = {Council of the European Union}} with no author (a law thesis's official documents):
    # the hint named the World Bank, where the entry names the body that wrote it.
    found = _check("@report{c, title={The one-stop-shop mechanism}, institution={Council of the European Union}, "
                   "year={2015}, type={Note}}\n"
                   "@report{n, title={T}, year={2015}, type={Note}}\n", "LR110")
    assert found["c"][1] == ("The institution field names the body that issued it: make it the author too, author = "
                             "{{Council of the European Union}}, or write the author if a person wrote it")
    assert "World Bank" in found["n"][1]  # no body named: the generic hint


def test_an_entry_that_holds_only_a_doi_is_told_where_its_fields_are() -> None:
    # @misc{ref1, doi = {https://doi.org/10.1093/screen/hju037}} (a film student's bibliography, four such entries):
    # the hint was "Add title = {...}", where the DOI's record gives the title, authors and year.
    found = _check("@misc{ref1, doi = {https://doi.org/10.1093/screen/hju037}}\n"
                   "@misc{ref2, author={Roe, A.}, doi = {10.1093/screen/hju038}}\n", "LR110")
    assert found["ref1"][1] == ("The entry holds only a DOI: copy the work's title, authors and year from its record, "
                                "https://doi.org/10.1093/screen/hju037")
    assert found["ref2"][1] == "Add title = {...}"  # the close case: an entry written in part
    # an @article lacks four fields: the one hint, once
    article = _check("@article{a, doi = {10.2307/1211632}}\n", "LR110")["a"]
    assert article == ("@article entry lacks author, title, journal or journaltitle, year or date",
                       "The entry holds only a DOI: copy the work's title, authors and year from its record, "
                       "https://doi.org/10.2307/1211632")


def test_an_entry_commented_out_with_percent_signs_gets_no_missing_field_finding() -> None:
    # "%% @misc{<>, title = {}, ...}", a template kept in % lines (a Czech thesis's): BibTeX reads it (LR155 says so),
    # but prints only the entries cited, and biber and pandoc skip it; LR110 "lacks title" on it asked to fill in a
    # template. The close case: the same entry live still lacks its title.
    text = ("@misc{a, title={T}, howpublished={online}, year={2010}}\n\n"
            "%% @misc{<>,\n%% title        = {},\n%% howpublished = {[online]},\n%% }\n\n"
            "@misc{b,\n  title = {},\n  year = {2011}\n}\n")
    review = Review(bibliography=parse_bibliography(text, "x.bib"))
    found = [(f.code, f.key) for f in check_review(review, Config(), now=NOW).findings if f.code in ("LR110", "LR155")]
    assert found == [("LR155", "<>"), ("LR110", "b")]


def test_one_list_of_companies_legal_forms_serves_the_name_checks() -> None:
    # LR133's legal form after a comma (style_names.legal_form) and LR165's company word closing a body's name
    # (body_names.COMPANY_WORDS) were two lists: "Corp." was a company's word to one and a person's initials to the
    # other, "S.R.O." and "Kft." a legal form to one and no company's word to the other.
    from litreview.checks.body_names import COMPANY_WORDS, LEGAL_FORMS, reads_as_body
    from litreview.checks.style_names import legal_form

    assert all(legal_form(word) for word in COMPANY_WORDS)
    assert {"".join(c for c in word if c.isalpha()) for word in COMPANY_WORDS} <= LEGAL_FORMS
    assert legal_form("Corp.")
    for body in ("Partners Media S.R.O.", "Partners Media SRO", "Mol Magyar Olaj Nyrt.", "Acme Tools Corp.",
                 "Acme Tools S.R.L.", "Bosch Werke G.m.b.H."):
        assert reads_as_body(body), body
    # A legal form that is a family name too ("Vos", "Spa") closes a person's name as often: no body's for it alone.
    for person in ("Marijke Vos", "Ana Spa", "Jan de Vos"):
        assert not reads_as_body(person), person


def test_the_issuing_body_to_write_as_author_keeps_its_latex_accents() -> None:
    # institution = {Ministerstvo {\v{s}}kolstv\'{\i}}: the author to write was "{{Ministerstvo \vskolstv\'\i}}", its
    # braces taken out, which LaTeX reads as the undefined command \vskolstv.
    found = _check("@techreport{m, title={T}, year={2001}, institution={Ministerstvo {\\v{s}}kolstv\\'{\\i},\n"
                   "  ml\\'{a}de\\v{z}e}}\n", "LR110")
    assert found["m"][1] == ("The institution field names the body that issued it: make it the author too, author = "
                             "{{Ministerstvo {\\v{s}}kolstv\\'{\\i}, ml\\'{a}de\\v{z}e}}, or write the author if a "
                             "person wrote it")


def test_an_entry_with_a_doi_and_its_issuing_body_is_not_told_it_holds_only_a_doi() -> None:
    # @techreport{w, doi = {...}, institution = {World Bank}}: it holds more than a DOI; the hint said it held only one.
    found = _check("@techreport{w, doi={10.1596/978-1-4648-1652-9}, institution={World Bank}}\n"
                   "@phdthesis{t, doi={10.1000/xyz}, school={MIT}}\n"
                   "@misc{m, doi={10.1000/xyz}, howpublished={Zenodo}}\n", "LR110")
    assert not [key for key, (_, hint) in found.items() if "holds only a DOI" in hint]

_MASON = ("@book{{m1, author = {{Mason, Lilliana}}, publisher = {{University of Chicago Press}}, title = {{{{{first}}}}},"
          " year = {{2018}}}}\n@book{{m2, author = {{Mason, Lilliana}}, publisher = {{{publisher}}}, title = {{{second}}},"
          " year = {{2018}}}}\n")


@pytest.mark.parametrize(("first", "second", "publisher", "found"), [
    # A main title of two words, retyped, given once without its subtitle: same author, year and publisher.
    ("Uncivil Agreeement", "Uncivil Agreement: How Politics Became Our Identity", "University of Chicago Press",
     ["LR107"]),
    ("Uncivil Agreement", "Uncivil Agreement: How Politics Became Our Identity", "University of Chicago Press",
     ["LR107"]),
    ("Uncivil Agreeement", "Uncivil Agreement", "University of Chicago Press", ["LR107"]),
    # Another publisher, another word, another number, two subtitles: two works.
    ("Uncivil Agreeement", "Uncivil Agreement: How Politics Became Our Identity", "Oxford University Press", []),
    ("Uncivil Agreement", "Civil Agreement", "University of Chicago Press", []),
    ("Uncivil Agreement", "Uncivil Disagreement", "University of Chicago Press", []),
    ("Politics, Part 1", "Politics, Part 2", "University of Chicago Press", []),
    ("Uncivil Agreement: The Parties", "Uncivil Agreement: The Voters", "University of Chicago Press", []),
])
def test_a_retyped_short_title_of_one_author_year_and_publisher_is_the_same_work(
        first: str, second: str, publisher: str, found: list[str]) -> None:
    bib = parse_bibliography(_MASON.format(first=first, second=second, publisher=publisher), "refs.bib")
    findings = list(check_duplicates(bib.sources))
    assert [f.code for f in findings] == found
    if found:
        assert findings[0].key == "m2" and "'m1'" in findings[0].message


def test_a_url_escaped_twice_as_dblp_exports_it_gets_the_address_as_hint() -> None:
    # DBLP writes "https://www.cs.cmu.edu/\\%7Erwh/..." (the % escaped, then the backslash again): the hint was the
    # catalogue's "Write the full address, starting with https://", which the address already does.
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.bib import check_url

    bib = parse_bibliography("@book{h, title = {T},\n  url = {https://www.cs.cmu.edu/\\\\%7Erwh/pfpl/index.html}}\n"
                             "@misc{n, title = {T},\n  url = {https://example.org/a\\\\b}}\n", "x.bib")
    (twice,), (path,) = (list(check_url(s)) for s in bib.sources)
    assert twice.message.endswith("it contains a backslash (LaTeX escapes do not belong in url fields)")
    assert twice.hint == "Write url = {https://www.cs.cmu.edu/%7Erwh/pfpl/index.html}"
    assert path.hint != "Write url = {https://example.org/ab}"  # (a backslash escaping no character: not dropped)


def test_a_doi_with_latex_escapes_says_pandoc_links_it_with_the_backslash_too() -> None:
    # DBLP writes "10.1007/978-3-319-61425-0\_26": pandoc (3.x) links https://doi.org/...-0\_26 as biber does, and the
    # message named biber alone, as if a pandoc manuscript were spared.
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.bib import check_doi

    bib = parse_bibliography("@article{d, title = {T}, doi = {10.1007/978-3-319-61425-0\\_26}}\n", "x.bib")
    (found,) = check_doi(bib.sources[0])
    assert found.code == "LR121"
    assert found.message == ("DOI '10.1007/978-3-319-61425-0\\_26' is written with LaTeX escapes: biber and pandoc "
                             "read doi verbatim, so the link keeps the backslash")
    assert found.hint == "Write doi = {10.1007/978-3-319-61425-0_26}"


def test_a_crossref_parent_lacking_a_field_says_when_it_is_printed_and_how_to_keep_it_out() -> None:
    # strings.bib, defs.bib and papers.bib of one repository: defs.bib holds the proceedings each paper crossrefs,
    # with what the papers inherit (booktitle, year) and no title; each was "lacks title", with no word of why the
    # entry is written so, nor of when it matters (BibTeX and biber list a parent two cited entries crossref).
    from litreview.checks.bib import check_bibliography

    bib = parse_bibliography("@inproceedings{a, author = {Doe, Jane}, title = {One}, crossref = {conf05}}\n"
                             "@inproceedings{b, author = {Roe, Ann}, title = {Two}, crossref = {CONF05}}\n"
                             "@proceedings{conf05, booktitle = {Proceedings of the Conference}, year = {2005}}\n"
                             "@proceedings{alone, booktitle = {Proceedings of Another}, year = {2006}}\n", "defs.bib")
    found = {f.key: f for f in check_bibliography(bib, now=NOW) if f.code == "LR110"}
    assert sorted(found) == ["alone", "conf05"]
    assert found["conf05"].message == ("@proceedings entry lacks title: it is a crossref parent, and BibTeX and biber "
                                       "list it on its own when it is cited, or when two cited entries crossref it")
    assert found["conf05"].hint == ("Add title = {...}; or keep it out of the reference list (2 entries crossref it): "
                                    "bibtex -min-crossrefs=99 (biblatex: the mincrossrefs=99 option)")
    assert found["alone"].message == "@proceedings entry lacks title" and found["alone"].hint == "Add title = {...}"
    # a parent of one entry is listed only when cited: the threshold is no way out
    one = parse_bibliography("@inproceedings{a, author = {Doe, Jane}, title = {One}, crossref = {conf05}}\n"
                             "@proceedings{conf05, booktitle = {Proceedings of the Conference}, year = {2005}}\n")
    (parent,) = [f for f in check_bibliography(one, now=NOW) if f.code == "LR110"]
    assert parent.message == found["conf05"].message and parent.hint == "Add title = {...}"


@pytest.mark.parametrize(("text", "filename", "said"), [
    ("- id: e\n  type: book\n  title: The Enchiridion\n  author:\n  - given: Epictetus\n", "refs.yaml",
     ("family: Epictetus", "literal: Epictetus")),
    ('[{"id": "e", "type": "book", "title": "The Enchiridion", "author": [{"given": "Epictetus"}]}]', "refs.json",
     ('"family": "Epictetus"', '"literal": "Epictetus"'))])
def test_a_csl_name_with_a_given_part_alone_is_told_its_own_fields(text: str, filename: str,
                                                                    said: tuple[str, str]) -> None:
    # LR149 told a CSL file BibTeX's {{...}} and 'Family, Given', which no CSL name is written with
    from litreview.bibliography.csl import parse_csl
    from litreview.checks.style import check_names

    bib = parse_csl(text, filename, yaml=filename.endswith(".yaml"))
    (found,) = [f for f in check_names(bib.sources[0]) if f.code == "LR149"]
    assert all(s in found.hint for s in said), found.hint
    assert "{{" not in found.hint and "Family, Given" not in found.hint


def test_babels_hyphenation_shorthand_in_a_field_is_reported() -> None:
    # babel's German "- (a hyphenation point) means something to LaTeX with babel alone: pandoc's citeproc printed
    # 'Fernseh"-Ge"-Sprächs"-Send"-Ung"-En' in the reference list
    text = ('@incollection{a, author = {Tenscher, Jens}, title = {Talkshowisierung}, year = {2002},\n'
            '  booktitle = {Talk auf allen Kanälen. Angebote von Fernseh"-ge"-sprächs"-send"-ung"-en},\n'
            '  publisher = {Westdeutscher Verlag}}\n'
            '@misc{b, title = {Das "Fake"-Problem und {\\"a}hnliche "Worte"}, year = {2020}}\n')
    found = [f for f in findings_for_text(text) if f.code == "LR142"]
    assert [(f.key, f.line) for f in found] == [("a", 2)]
    assert found[0].message.startswith('booktitle: babel\'s shorthand "-')
    assert 'Fernsehgesprächssendungen' in found[0].hint and "remove" in found[0].hint.lower()


def test_an_agu_citation_number_is_a_page_and_a_catalogue_page_count_gets_a_pagetotal_hint() -> None:
    # NASA ADS and Zotero write an AGU article's citation number of a special section as its pages ("E00L12",
    # "G00A06"): biber, BibTeX and pandoc print it as the page it stands for, and LR143 said "write a page". A Trove
    # catalogue record's "284 p. :" and "xvii, 211 p., [8] p. of plates :" are how many pages the book has.
    found = _check("@article{agu, author={A, A}, title={T}, journal={JGR}, year={2012}, pages={E00L12}}\n"
                   "@article{agu2, author={A, B}, title={T}, journal={JGR}, year={2008}, pages={G00A06}}\n"
                   "@book{trove, author={T, A}, title={T}, publisher={P}, year={1976}, pages={284 p. :}}\n"
                   "@book{plates, author={T, B}, title={T}, publisher={P}, year={1988},"
                   " pages={xvii, 211 p., [8] p. of plates :}}\n"
                   "@article{bad, author={B, A}, title={T}, journal={J}, year={2012}, pages={E00L12x7}}\n", "LR143")
    assert "agu" not in found and "agu2" not in found
    assert found["trove"][1] == "The pages field holds how many pages the work has: write pagetotal = {284} instead"
    assert found["plates"][1] == "The pages field holds how many pages the work has: write pagetotal = {211} instead"
    assert "bad" in found


def test_a_container_repeating_the_title_is_told_what_to_do_by_the_entrys_type() -> None:
    # Mendeley writes a book's title again as its booktitle, and a proceedings volume as an @inproceedings whose
    # booktitle is its title: LR134 said "name the journal or book that contains the work", of a book that is the
    # whole work. An article's journal repeating its title is still told to name the journal.
    found = _check("@book{b, author={W, T}, title={Identity and Discrimination}, booktitle={Identity and Discrimination},"
                   " publisher={P}, year={2013}}\n"
                   "@inproceedings{p, editor={Weiss, G H}, title={Contemporary Problems}, booktitle={Contemporary "
                   "Problems}, publisher={SIAM}, year={1994}}\n"
                   "@article{a, author={C, S}, title={Things Merely Are}, journal={Things Merely Are}, year={2005}}\n"
                   "@book{ok, author={W, T}, title={Identity}, publisher={P}, year={2013}}\n", "LR134")
    assert found["b"] == ("booktitle repeats the title: 'Identity and Discrimination'",
                          "Delete booktitle: a @book is a whole work, in no book, and no style prints its booktitle")
    assert found["p"][1] == ("If the entry is the whole proceedings (it names their editors), make it @proceedings and "
                             "delete booktitle; else name the proceedings that contain the paper")
    assert found["a"][1] == "Name the journal or book that contains the work"
    assert "ok" not in found


def test_a_body_split_at_its_and_after_people_is_not_a_title() -> None:
    # EndNote's export of "... Douglas, P. S. and CAD Consortium and the PROMISE Investigators": LR147 said the author
    # field "reads as a title" and asked for the title in its own field.
    found = _check("@article{g, author={Genders, T. S. S. and Coles, A. and Douglas, P. S. and Investigators, C. A. D. "
                   "Consortium and the PROMISE}, title={T}, journal={J}, year={2017}}\n", "LR147")
    assert found["g"] == ("the author list ends in 'the PROMISE', which holds 'the', as no person's name does: a body's "
                          "name cut at its 'and'",
                          "Write the body's name whole in double braces after the people, e.g. author = {... and "
                          "{{Name of the Body}}}, each person 'Family, Given'")


def test_a_body_without_braces_among_people_is_told_as_a_body_not_a_title_nor_a_person() -> None:
    # "Doe, Jane and Institute of Electrical and Electronics Engineers (IEEE)": LR147 said the field "reads as a
    # title", beside LR165's body's name without braces; a person written given name first is still told.
    text = ("@techreport{ieee, author={Doe, Jane and Institute of Electrical and Electronics Engineers (IEEE)}, "
            "title={T}, institution={I}, year={2020}}\n"
            "@techreport{who, author={Doe, Jane and World Health Organization}, title={T}, institution={I}, year={2020}}\n"
            "@techreport{mix, author={Doe, Jane and World Health Organization and Ann Roe}, title={T}, institution={I}, "
            "year={2020}}\n")
    assert set(_check(text, "LR165")) == {"ieee", "who", "mix"}
    found = _check(text, "LR147")
    assert set(found) == {"mix"}
    assert found["mix"][0] == "the author list writes 'Doe, Jane' family name first but 'Ann Roe' given name first"


def test_a_cjk_name_family_name_first_without_its_comma_is_told_how_pandoc_cites_it() -> None:
    # A Japanese thesis's "author = {本川 達雄}": BibTeX reads 達雄 (the given name) as the family name, pandoc reads
    # 本川 as a particle and cites "(達雄 2009)"; nothing was reported. The editor list mixing it with "Tanaka,
    # Hiroshi" was said to write "'国武 豊喜' given name first".
    by_line = {f.line: f for f in findings_for(CASES / "LR166-trigger.bib")}
    author = by_line[6]
    assert author.message == ("author '本川 達雄' is written family name first, without its comma: BibTeX and biber "
                              "read '達雄' as the family name and '本川' as the given name, and pandoc cites the person "
                              "as '達雄' alone (its reading of '本川': a particle it prints nowhere)")
    assert author.hint == "Write '本川, 達雄' in the author field: the family name, a comma, the given name"
    assert by_line[7].hint == "Write '国武, 豊喜' in the editor field: the family name, a comma, the given name"


def test_a_page_range_with_its_page_count_after_it_gets_the_range_to_write() -> None:
    # An IngentaConnect export's "pages = {227-244(18)}": the range, then how many pages in parentheses; the hint
    # said "Write pages = {12--15}".
    found = _check("@article{e, author={J, B}, title={T}, journal={Stata Journal}, year={2007}, pages={227-244(18)}}\n"
                   "@article{ok, author={J, C}, title={T}, journal={J}, year={2007}, pages={227-244}}\n", "LR143")
    assert found["e"] == ("pages '227-244(18)': the range 227--244 with its page count (18) written after it",
                          "Write pages = {227--244}")
    assert "ok" not in found


def test_an_article_with_a_publisher_and_nothing_of_a_journal_is_told_it_reads_as_a_book() -> None:
    # Google Scholar's BibTeX of a book types it @article with its publisher and no place ("Minting, State, and
    # Economy in the Visigothic Kingdom", publisher={Amsterdam University Press}); the hint said "Add journal".
    found = _check("@article{kurt, author={Kurt, Andrew}, title={Minting, State, and Economy}, year={2020},"
                   " publisher={Amsterdam University Press}}\n"
                   "@article{lost, author={Roe, A.}, title={A Paper}, year={2020}, publisher={Elsevier}, volume={12},"
                   " pages={1--9}}\n", "LR110")
    assert found["kurt"][1] == ("It names a publisher and no volume, issue or pages, as a book does, and no journal: "
                                "make the entry @book, or add journal = {...} if it appeared in one")
    assert found["lost"][1] == "Add journal = {...}"  # an article with its journal left out


def test_an_article_with_a_publisher_and_a_place_but_no_journal_is_told_it_reads_as_a_book() -> None:
    # A hand-assembled economic history bibliography: "@article{sinha_1968, ..., publisher={K. L. Mukhopadhyay},
    # location = {Calcutta}}", a book typed as an article; the hint said "Add journal = {...}".
    found = _check("@article{sinha, author={Sinha, N. K.}, title={The Economic History of Bengal}, volume={2},"
                   " year={1968}, publisher={K. L. Mukhopadhyay}, location={Calcutta}}\n"
                   "@article{part, author={Roe, A.}, title={A Chapter}, year={1968}, publisher={Pub}, address={Paris},"
                   " pages={12--30}}\n"
                   "@article{bare, author={Doe, A.}, title={No Journal}, year={1968}}\n", "LR110")
    assert found["sinha"][1] == ("It names a publisher and a place, as a book does, and no journal: make the entry "
                                 "@book, or add journal = {...} if it appeared in one")
    assert found["part"][1] == ("It names a publisher and a place, and a page range: a part of a book, make the entry "
                                "@incollection with booktitle = {...}, or add journal = {...} if it appeared in one")
    assert found["bare"][1] == "Add journal = {...}"


def test_blanks_in_an_isbn_field_are_split_in_linear_time() -> None:
    # The separator pattern was tried again from every blank of a run: quadratic in the field's length.
    import time

    from litreview.checks.bib import _ISBN_SPLIT

    start = time.perf_counter()
    assert _ISBN_SPLIT.split("978" + " " * 40_000 + "x") == ["978" + " " * 40_000 + "x"]
    assert time.perf_counter() - start < 1.0
    assert _ISBN_SPLIT.split("978-3-16 , 978-1-23; 0-19 and 1-2/3") == ["978-3-16", "978-1-23", "0-19", "1-2", "3"]


def test_a_long_run_of_digits_in_pages_is_searched_in_linear_time() -> None:
    # A page range was searched for again from every digit of a run: 25 s for 40,000 digits.
    import time

    from litreview.checks.field_values import PAGE_RANGE

    start = time.perf_counter()
    assert PAGE_RANGE.search("1" * 40_000 + "x") is None
    assert time.perf_counter() - start < 1.0
    assert [m.group() for m in PAGE_RANGE.finditer("pp. 12--34, 5 6-7, a123–9")] == ["12--34", "6-7", "123–9"]


def test_a_container_named_inverted_as_ieee_xplore_writes_it_is_told_in_reading_order() -> None:
    # IEEE Xplore's export writes a proceedings' or a journal's name with its head last ("..., Fourth International
    # Conference on"), which styles print as written; nothing was reported.
    by_key = {f.key: f for f in findings_for(CASES / "LR132-trigger.bib")}
    assert by_key["inverted1998"].hint == (
        "Write booktitle = {Fourth International Conference on Digital Information and Communication Technology and "
        "its Applications (DICTAP)}: the name in reading order (IEEE Xplore writes it inverted, its head last)")
    assert by_key["transactions1998"].message == ("journal ends with 'Transactions on': 'Pattern Analysis and Machine "
                                                  "Intelligence, IEEE Transactions on'")
    found = _check("@inproceedings{icassp, title = {T}, booktitle = {Acoustics, Speech and Signal Processing, 2009. "
                   "ICASSP 2009. IEEE International Conference on}}\n"
                   "@inproceedings{cut, title = {T}, booktitle = {Proceedings of the International Conference on}}\n",
                   "LR132")
    assert found["icassp"][1].startswith("Write booktitle = {IEEE International Conference on Acoustics, Speech and "
                                         "Signal Processing}: ")
    assert found["cut"][1] == "Copy the full name from the work or its registry record"


def test_a_letter_and_its_accent_written_apart_are_told_with_the_word_composed() -> None:
    # Text copied from a PDF holds "é" as "e" and U+0301: pdfLaTeX stops at the accent; nothing was reported. One
    # finding for the entry, at its first such field (a file saved so has them in every field).
    by_line = {f.line: f for f in findings_for(CASES / "LR167-trigger.bib")}
    assert by_line[2].message == ("author writes 'J\u00f3rg' with a letter and its accent as two characters (U+0301 "
                                  "COMBINING ACUTE ACCENT) (title too): BibTeX and pandoc pass them on as written, "
                                  "and pdfLaTeX stops at the accent (\"Unicode character not set up for use with "
                                  "LaTeX\")")
    assert by_line[2].hint == ("Write 'J\u00f3rg' with each accented letter as one character: retype it, or save the "
                               "file in Unicode NFC (composed) form")
    # Vietnamese's two marks on one letter, in braces: the first such letter is quoted composed, without the braces.
    found = _check("@misc{v, title = {Nguy{e\u0323\u0302}n and {Tra\u0300n}}}\n", "LR167")
    assert found["v"][0].startswith("title writes '\u1ec7' with a letter and its accent as two characters (U+0323 ")


def test_a_set_member_no_entry_holds_is_a_dangling_link() -> None:
    # biblatex's @set names its members in entryset; one no entry holds drew nothing (JabRef's link check reads it).
    # A member named by an alias an entry's ids gives is found, as biber finds it.
    found = _check("@set{s, entryset = {a, gone, other}}\n@misc{a, title = {T}, year = {2001}}\n"
                   "@misc{b, ids = {other}, title = {U}, year = {2002}}\n", "LR112")
    assert found == {"s": ("entryset names no entry of the bibliography: 'gone'",
                           "Add the entry 'gone', or correct the key in entryset")}
