"""BibTeX and JSON output of parsed references, and their citation keys."""

from __future__ import annotations

from litreview.bibliography.bibtex_out import base_key, escape, make_keys, to_bibtex, to_json
from litreview.bibliography.refparse import ParsedReference
from litreview.model import Person

HOLSTI = ParsedReference(raw="", type="book", authors=(Person("Holsti", "K. J."),),
                         title="Taming the Sovereigns: Institutional Change", publisher="Cambridge University Press",
                         place="Cambridge", year="2004")


def test_key_is_family_year_and_first_significant_title_word():
    assert base_key(HOLSTI) == "holsti2004taming"


def test_key_is_lower_case_ascii():
    ref = ParsedReference(raw="", authors=(Person("O’Neill", "Kate"),), title="The Environment", year="2009")
    assert base_key(ref) == "oneill2009environment"
    ref = ParsedReference(raw="", authors=(Person("Bürkner", "Paul-Christian"),), title="brms", year="2017")
    assert base_key(ref) == "burkner2017brms"


def test_key_without_author_uses_the_title_and_an_organisation_its_whole_name():
    no_author = ParsedReference(raw="", title="Protocol for the Modern Diplomat", year="2007")
    assert base_key(no_author) == "protocol2007modern"
    org = ParsedReference(raw="", authors=(Person("R Core Team"),), title="R: A Language", year="2018")
    assert base_key(org) == "rcoreteam2018r"


def test_colliding_keys_get_a_and_b_in_order():
    one = ParsedReference(raw="", title="U.S. Code: Title 10")
    two = ParsedReference(raw="", title="U.S. Code: Title 22")
    assert make_keys([one, HOLSTI, two]) == ["uscodea", "holsti2004taming", "uscodeb"]


def test_latex_specials_are_escaped_and_the_title_is_not_wrapped_in_braces():
    assert escape("R&D 50% $5 #1 a_b {x}") == r"R\&D 50\% \$5 \#1 a\_b \{x\}"
    text = to_bibtex([HOLSTI])
    assert "  title = {Taming the Sovereigns: Institutional Change},\n" in text
    assert "{{" not in text


def test_whole_entry():
    ref = ParsedReference(raw="", type="article", authors=(Person("Williams", "Michael C."),),
                          title="The Discipline of the Democratic Peace:", container="European Journal",
                          volume="7", issue="4", pages="525–53", year="2001", month=2,
                          doi="10.1177/1354066101007004006", uncertain=("title",))
    assert to_bibtex([ref]) == (
        "% uncertain: title\n"
        "@article{williams2001discipline,\n"
        "  author = {Williams, Michael C.},\n"
        "  title = {The Discipline of the Democratic Peace:},\n"
        "  journal = {European Journal},\n"
        "  volume = {7},\n"
        "  number = {4},\n"
        "  pages = {525--553},\n"
        "  year = {2001},\n"
        "  month = feb,\n"
        "  doi = {10.1177/1354066101007004006},\n"
        "}\n"
    )


def test_organisations_are_braced_et_al_is_others_and_reports_use_institution():
    ref = ParsedReference(raw="", type="techreport", authors=(Person("Varieties of Democracy Institute"),
                                                              Person("Seim", "Brigitte")),
                          et_al=True, title="Strategies", number="23", publisher="V-Dem Institute",
                          year="2016")
    text = to_bibtex([ref])
    assert "  author = {{Varieties of Democracy Institute} and Seim, Brigitte and others},\n" in text
    assert "  number = {23},\n  institution = {V-Dem Institute},\n" in text


def test_online_entry_keeps_the_url_as_printed_and_the_access_date():
    ref = ParsedReference(raw="", type="online", title="U.S. Code: Title 10", container="LII",
                          url="https://example.org/a_b%20c", urldate="2018-12-03")
    text = to_bibtex([ref])
    assert "  url = {https://example.org/a_b%20c},\n  urldate = {2018-12-03},\n" in text
    assert "  howpublished = {LII},\n" in text


def test_json_has_the_parsed_fields_key_and_uncertain():
    [data] = to_json([HOLSTI])
    assert data["key"] == "holsti2004taming"
    assert data["authors"] == [{"family": "Holsti", "given": "K. J."}]
    assert data["uncertain"] == []
    assert data["place"] == "Cambridge"


def test_uncertain_line_names_fields_as_the_entry_writes_them():
    article = ParsedReference(raw="", type="article", authors=(Person("Wendt", "Alexander"),), title="Anarchy",
                              container="International Organization", issue="2", year="1992",
                              uncertain=("authors", "container", "issue", "place"))
    text = to_bibtex([article])
    assert text.splitlines()[0] == "% uncertain: author, journal, number, address"
    assert "number = {2}" in text and "journal = {International Organization}" in text
    chapter = ParsedReference(raw="", type="incollection", editors=(Person("Katzenstein", "Peter"),),
                              title="Norms", container="The Culture", publisher="Columbia UP", year="1996",
                              uncertain=("editors", "container", "publisher"))
    assert to_bibtex([chapter]).splitlines()[0] == "% uncertain: editor, booktitle, publisher"
    report = ParsedReference(raw="", type="techreport", title="Wages", publisher="ZEW", number="16-033",
                             issue="4", year="2016", uncertain=("number", "issue", "publisher"))
    # a report's issue is written into its note; its number is the report number
    assert to_bibtex([report]).splitlines()[0] == "% uncertain: number, note, institution"


def test_uncertain_line_is_read_back_by_check_with_the_written_names():
    from litreview.checks.imported import unsure_marks
    ref = ParsedReference(raw="", type="article", title="Anarchy", container="IO", issue="2", year="1992",
                          uncertain=("container", "issue"))
    marks = unsure_marks(to_bibtex([ref]))
    assert list(marks.values()) == [("journal", "number")]


def test_abbreviated_page_ranges_are_written_in_full():
    def pages(printed: str) -> str:
        text = to_bibtex([ParsedReference(raw="", type="article", title="T", pages=printed, year="2000")])
        return next(line for line in text.splitlines() if "pages" in line).strip()
    assert pages("571\u201383") == "pages = {571--583},"
    assert pages("1002\u20136") == "pages = {1002--1006},"
    assert pages("98\u2013102") == "pages = {98--102},"
    assert pages("1496-504") == "pages = {1496--1504},"
    assert pages("129\u20135") == "pages = {129--5},"  # no range once read in full: as printed, for check to flag
    assert pages("e1001\u201312") == "pages = {e1001--12},"  # not arabic numbers only: as printed
