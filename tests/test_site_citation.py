"""Chicago notes-bibliography references and author-year labels, written out by hand from CMOS 17."""

from __future__ import annotations

import json

import pytest

from litreview.bibliography.csl import parse_csl
from litreview.bibliography.load import parse_bibliography
from litreview.locale_terms import citation_terms
from litreview.model import Person, Source
from litreview.render.citation import Citations, format_reference
from litreview.render.short_labels import PLAIN, short_label

BIB = r"""
@book{holsti2004taming,
  author = {Holsti, K. J.}, title = {Taming the Sovereigns: Institutional Change in International Politics},
  publisher = {Cambridge University Press}, address = {Cambridge}, year = {2004},
}
@book{paul2004international,
  author = {Paul, T. V. and Hall, John A.}, title = {International Order and the Future of World Politics},
  publisher = {Cambridge University Press}, address = {Cambridge}, year = {2004},
}
@book{bull2012anarchical,
  author = {Bull, Hedley and Hoffmann, Stanley and Hurrell, Andrew},
  title = {The Anarchical Society}, publisher = {Palgrave Macmillan}, address = {Basingstoke}, year = {2012},
}
@book{neff2012,
  editor = {Neff, Stephen C.}, title = {Hugo Grotius on the Law of War and Peace},
  publisher = {Cambridge University Press}, address = {Cambridge}, year = {2012}, edition = {2nd},
}
@article{farrell2005world,
  author = {Farrell, Theo}, title = {World Culture and Military Power}, journal = {Security Studies},
  volume = {14}, number = {3}, pages = {448--88}, year = {2005}, doi = {10.1080/09636410500323187},
}
@incollection{phythian2008intelligence,
  author = {Phythian, Mark}, editor = {Gill, Peter and Marrin, Stephen and Phythian, Mark},
  title = {Intelligence Theory and Theories of International Relations}, booktitle = {Intelligence Theory},
  publisher = {Routledge}, address = {London}, pages = {54--72}, year = {2008},
  doi = {10.4324/9780203892992.ch4},
}
@online{uscode10,
  title = {U.S. Code: Title 10 – ARMED FORCES}, howpublished = {LII / Legal Information Institute},
  url = {https://www.law.cornell.edu/uscode/text/10}, urldate = {2018-12-03},
}
@online{rossignol2003joint,
  author = {Rossignol, Michel}, title = {The Joint Strike Fighter Project}, howpublished = {Parliament of Canada},
  year = {2003}, month = feb, day = {19}, url = {http://publications.gc.ca/x.htm},
}
@techreport{moroney2009framework,
  author = {Moroney, Jennifer D. P.}, title = {A Framework to Assess Programs for Building Partnerships},
  institution = {Rand}, address = {Santa Monica, CA}, year = {2009},
}
@phdthesis{doe2010,
  author = {Doe, Jane}, title = {On Alliances}, school = {Yale University}, year = {2010},
}
@article{ask2020,
  author = {Ask, Ann}, title = {Is Anarchy Real?}, journal = {Journal}, volume = {1}, year = {2020},
  doi = {not-a-doi},
}
@misc{evil,
  author = {<b>Bad</b>, Actor}, title = {<script>x</script>}, url = {javascript:alert(1)}, year = {2020},
}
"""
SOURCES = {s.key: s for s in parse_bibliography(BIB, "x.bib").sources}


# Each text is pandoc's (3.9, --citeproc with the Chicago 18th edition notes-bibliography style), but for the
# marked ones, where pandoc's misreadings are not followed.
@pytest.mark.parametrize(("key", "text"), [
    ("holsti2004taming", "Holsti, K. J. Taming the Sovereigns: Institutional Change in International Politics. "
                         "Cambridge University Press, 2004."),
    ("paul2004international", "Paul, T. V., and John A. Hall. International Order and the Future of World "
                              "Politics. Cambridge University Press, 2004."),
    ("bull2012anarchical", "Bull, Hedley, Stanley Hoffmann, and Andrew Hurrell. The Anarchical Society. "
                           "Palgrave Macmillan, 2012."),
    ("neff2012", "Neff, Stephen C., ed. Hugo Grotius on the Law of War and Peace. 2nd ed. "
                 "Cambridge University Press, 2012."),
    ("farrell2005world", "Farrell, Theo. “World Culture and Military Power.” Security Studies 14, no. 3 "
                         "(2005): 448–88. https://doi.org/10.1080/09636410500323187."),
    ("phythian2008intelligence", "Phythian, Mark. “Intelligence Theory and Theories of International "
                                 "Relations.” In Intelligence Theory, edited by Peter Gill, Stephen Marrin, "
                                 "and Mark Phythian. Routledge, 2008. "
                                 "https://doi.org/10.4324/9780203892992.ch4."),
    # (as pandoc prints it: its site's name where its author would be; its title case reads the "S" after a full stop
    # as a one-letter word in sentence case)
    ("uscode10", "LII / Legal Information Institute. “U.s. Code: Title 10 – ARMED FORCES.” "
                 "Accessed December 3, 2018. https://www.law.cornell.edu/uscode/text/10."),
    ("rossignol2003joint", "Rossignol, Michel. “The Joint Strike Fighter Project.” Parliament of Canada, "
                           "February 19, 2003. http://publications.gc.ca/x.htm."),
    ("moroney2009framework", "Moroney, Jennifer D. P. A Framework to Assess Programs for Building "
                             "Partnerships. Rand, 2009."),
    ("doe2010", "Doe, Jane. “On Alliances.” PhD thesis, Yale University, 2010."),
    ("ask2020", "Ask, Ann. “Is Anarchy Real?” Journal 1 (2020). DOI: not-a-doi."),
])
def test_reference_text(key, text):
    assert format_reference(SOURCES[key]).text == text


def test_reference_html_marks_titles_and_links_the_doi():
    assert format_reference(SOURCES["farrell2005world"]).html == (
        "Farrell, Theo. “World Culture and Military Power.” <i>Security Studies</i> 14, no. 3 (2005): 448–88. "
        '<a href="https://doi.org/10.1080/09636410500323187" rel="noopener noreferrer">'
        "https://doi.org/10.1080/09636410500323187</a>.")


def test_reference_html_escapes_and_never_links_unsafe_urls():
    html = format_reference(SOURCES["evil"]).html
    # (in any case: the title case capitalises "script" after the "/", and an unescaped "</Script>" is a tag too)
    assert "<script" not in html.lower() and "</script" not in html.lower() and "<b>" not in html.lower()
    assert "href" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html.lower()
    assert "javascript:alert(1)" in html  # shown as text, for the reader to see what the entry says


@pytest.mark.parametrize(("key", "label"), [
    ("holsti2004taming", "Holsti 2004"),
    ("paul2004international", "Paul and Hall 2004"),
    ("bull2012anarchical", "Bull et al. 2012"),
    ("neff2012", "Neff 2012"),
    ("uscode10", "“U.S. Code: Title 10” n.d."),
])
def test_short_label(key, label):
    assert short_label(SOURCES[key]) == label


@pytest.mark.parametrize(("title", "label"), [
    ("U.S. Code: Title 22 – FOREIGN RELATIONS AND INTERCOURSE", "“U.S. Code: Title 22” n.d."),
    ("Treaty Series — Volume 1", "“Treaty Series” n.d."),
    ("Report -- Annex", "“Report” n.d."),
    ("Self-Help and Anarchy - a Primer", "“Self-Help and Anarchy” n.d."),  # a hyphen inside a word stays
    ("– Untitled", "“– Untitled” n.d."),  # nothing before the dash: the title as it is
])
def test_short_label_of_a_work_without_author_leaves_out_a_dashed_subtitle(title, label):
    assert short_label(Source(key="k", type="online", title=title)) == label


@pytest.mark.parametrize(("count", "names"), [
    (6, "F0, G., G. F1, G. F2, G. F3, G. F4, and G. F5."),
    (7, "F0, G., G. F1, G. F2, et al."),
    (11, "F0, G., G. F1, G. F2, et al."),
])
def test_seven_authors_or_more_give_three_and_et_al(count, names):
    # CMOS 18 and pandoc's chicago-notes-bibliography (et-al-min 7, et-al-use-first 3); a bare initial gets its
    # full stop ("G" is "G."), as citeproc prints a given name it does not shorten
    people = tuple(Person(family=f"F{i}", given="G") for i in range(count))
    text = format_reference(Source(key="k", type="book", authors=people, title="T", year=2000)).text
    assert text == f"{names} T. 2000."


def test_citations_are_formatted_once_per_entry():
    citations = Citations()
    first = citations.reference(SOURCES["holsti2004taming"])
    assert citations.reference(SOURCES["holsti2004taming"]) is first
    citations.reference(SOURCES["farrell2005world"])
    assert len(citations) == 2


@pytest.mark.parametrize(("pages", "shown"), [
    # A range written with one hyphen (or spaced) prints an en dash, as pandoc's citeproc and CMOS print it; it
    # printed "553-566" beside "1–13" for the same form written "--". An article number stays as written.
    # Abbreviated as CMOS and citeproc's "chicago-16" do (each printed so by pandoc 3.9 with the Chicago style).
    ("553-566", "553–66"), ("87 - 90", "87–90"), ("553--566", "553–66"), ("WB9-WB19", "WB9–19"),
    ("3, 7-9", "3, 7–9"), ("e1234", "e1234"), ("1100--1113", "1100–1113"), ("321--328", "321–28"),
    ("100--104", "100–104"), ("101--110", "101–10"), ("1496--1504", "1496–504"), ("808--833", "808–33"),
    ("e1001--e1012", "e1001–12"), ("xii--xv", "xii–xv"), ("321--28", "321–28"), ("998--1002", "998–1002"),
    # A range of one page is abbreviated as any other (pandoc 3.9: "667–67", "105–5", "1390–90", "A12–12"; below
    # 100 or a hundred's first page in full: "5–5", "100–100").
    ("667-667", "667–67"), ("105-105", "105–5"), ("1390--1390", "1390–90"), ("A12--A12", "A12–12"),
    ("5-5", "5–5"), ("100-100", "100–100"),
    # An em dash is no range's separator: as written (pandoc 3.9 "872—899", "872 — 899", "3—7, 9–9").
    ("872—899", "872—899"), ("872 — 899", "872 — 899"), ("3—7, 9-9", "3—7, 9–9"),
    # Abbreviated where the same text comes before each number (pandoc 3.9 "144:1–24", "1.321–28", "1:321–28"),
    # else as written ("p. 1408–1418", "756–761 vol.5", "1:321–2:328", "A321–328").
    ("144:1--144:24", "144:1–24"), ("1.321-1.328", "1.321–28"),
    ("1:321-1:328", "1:321–28"), ("p. 1408-1418", "p. 1408–1418"), ("756-761 vol.5", "756–761 vol.5"),
    ("1:321-2:328", "1:321–2:328"), ("A321-328", "A321–328"),
    # A page list item of more than one hyphen or dash: pandoc's BibTeX reader gives each as a hyphen, its spaces
    # kept, and citeproc prints it so, unabbreviated (pandoc 3.9 "12-1-12-55", "T3J-1-T3J-6", "A-1 - A-9"); a
    # page's hyphens with no range stay ("1-2-3"), and a word's (citeproc makes "well–known" of it: no page
    # number either side here).
    ("12-1--12-55", "12-1-12-55"), ("12-1–12-55", "12-1-12-55"), ("12-100--12-155", "12-100-12-155"),
    ("A-1 -- A-9", "A-1 - A-9"), ("T3J--1--T3J--6", "T3J-1-T3J-6"), ("3-5, 12-1--12-55", "3–5, 12-1-12-55"),
    ("1-2-3", "1-2-3"), ("well-known", "well-known"), ("iii-xii", "iii–xii"), ("553‐566", "553–66"),
])
def test_a_page_range_prints_an_en_dash(pages: str, shown: str) -> None:
    bib = parse_bibliography(f"@article{{a, author={{Doe, Jane}}, title={{T}}, journal={{J}}, volume={{1}},"
                             f" year={{2001}}, pages={{{pages}}}}}")
    assert format_reference(bib.sources[0]).text.endswith(f"1 (2001): {shown}.")


@pytest.mark.parametrize(("page", "shown"), [
    # CSL-JSON's page: an item of more than one hyphen or dash as written, which citeproc keeps (pandoc 3.9)
    ("12-1–12-55", "12-1–12-55"), ("12-1--12-55", "12-1--12-55"), ("A-1 – A-9", "A-1 – A-9"),
    ("3-5, 12-1–12-55", "3–5, 12-1–12-55"), ("1390-1390", "1390–90"), ("553-566", "553–66"),
])
def test_a_csl_page_of_several_dashes_prints_as_written(page: str, shown: str) -> None:
    items = [{"id": "a", "type": "article-journal", "author": [{"family": "Doe", "given": "Jane"}], "title": "T",
              "container-title": "J", "volume": "1", "issued": {"date-parts": [[2001]]}, "page": page}]
    source = parse_csl(json.dumps(items), "refs.json").sources[0]
    assert format_reference(source).text.endswith(f"1 (2001): {shown}.")


def test_a_work_known_by_its_identifier_alone_is_labelled_by_it() -> None:
    # A Manubot manuscript's source before any registry describes it has no names, title or date: its label is
    # the identifier it is cited by, not a quoted title with "n.d." (“doi:10.1126/science.1065863” n.d.).
    assert short_label(Source(key="doi:10.1126/science.1065863", type="misc")) == "doi:10.1126/science.1065863"
    assert short_label(Source(key="k", type="misc", year=2001)) == "k 2001"


def test_works_known_by_their_identifiers_alone_get_no_year_letter() -> None:
    # Their labels are their keys, which already differ: "doi:10.1/a", not "doi:10.1/a n.d.-a" ... "n.d.-t".
    from litreview.render.short_labels import marks

    sources = [Source(key=f"doi:10.1000/x{n}", type="misc") for n in range(3)]
    assert marks(sources) == {}
    assert [short_label(s, marks(sources).get(s.key, PLAIN)) for s in sources] == [s.key for s in sources]
    # Works with a title and no names and no date still get their letters, as citeproc gives them.
    titled = [Source(key="a", type="misc", title="Same title"), Source(key="b", type="misc", title="Same title")]
    assert {k: m.letter for k, m in marks(titled).items()} == {"a": "a", "b": "b"}


LEGAL = """references:
- id: smith-ca
  type: legal_case
  title: R v Smith
  title-short: Smith CA
  authority: 2011 ONCA 12
- id: smith-scc
  type: legal_case
  title: R v Smith
  title-short: Smith SCC
  authority: 2013 SCC 40
- id: jones
  type: legal_case
  title: Jones v Roe
  authority: '[1990] 2 SCR 100'
- id: jones-2
  type: legal_case
  title: Jones v Roe
  authority: '[1991] 1 SCR 5'
- id: code
  type: legislation
  title: Criminal Code
  authority: RSC 1985, c C-46
"""


def test_cases_and_statutes_are_cited_by_name_and_their_citation() -> None:
    # A case or a statute has no author: it was labelled by its title in quotes and "n.d." ("“R v Smith” n.d.-a"
    # for two courts' decisions alike), and its reference left out the court and citation ("“R v Smith.”").
    from litreview.bibliography.csl import parse_csl
    from litreview.render.short_labels import marks

    bib = parse_csl(LEGAL, "cases.yaml", yaml=True)
    shown = marks(bib.sources)
    refs = {s.key: format_reference(s, shown.get(s.key, PLAIN)) for s in bib.sources}
    assert {k: r.short for k, r in refs.items()} == {
        "smith-ca": "Smith CA", "smith-scc": "Smith SCC", "jones": "Jones v Roe, [1990] 2 SCR 100",
        "jones-2": "Jones v Roe, [1991] 1 SCR 5", "code": "Criminal Code"}
    # pandoc 3.9 (chicago-notes-bibliography): the court's citation in parentheses where the date goes, the title not
    # in italics; a statute's authority is not printed
    assert refs["smith-ca"].text == "R v Smith (2011 ONCA 12)."
    assert refs["smith-ca"].html.startswith("R v Smith (2011 ONCA 12).")
    assert refs["code"].text == "Criminal Code."


LEGAL_BIB = r"""
@jurisdiction{case1, date={2013-02-26}, institution={CJEU}, number={C-617/10}, title={Åklagaren v Hans Åkerberg Fransson}}
@jurisdiction{case2, date={1963-07-04}, number={24-62}, title={Federal Republic of Germany v Commission}}
@jurisdiction{case3, date={1963-07-04}, number={32}, title={Maurice Alvis v Council}}
@jurisdiction{case4, date={1957}, number={1-57 and 14-57}, title={Société des Usines v High Authority}}
@jurisdiction{case5, date={2001-05-03}, title={Roe v Doe}, journaltitle={F.3d}, volume={250}, pages={100--110}}
@legislation{reg, title={Regulation ({EU}) 2016/679 on data}, date={2016}, type={regulation}, number={2016/679},
  journaltitle={OJ}, series={L}, issue={119}, pages={1}}
@legislation{charter, title={Charter of fundamental rights}, date={2012}, volume={326}, pages={02}, journaltitle={OJ}}
@legislation{act, title={An act}, date={2020}, number={116-136}, journaltitle={Stat.}, volume={134}, pages={281}}
@legal{treaty, title={Treaty establishing the European Economic Community}, journaltitle={UNTS}, volume={294}, pages={3}}
@legal{treaty2, title={Treaty of Rome}, date={1957-03-25}, journaltitle={UNTS}, volume={294}, pages={3}}
"""


@pytest.mark.parametrize(("lang", "printed"), [
    ("en-US", {
        "case1": "Åklagaren v Hans Åkerberg Fransson, C-617/10 (February 26, 2013).",
        "case2": "Federal Republic of Germany v Commission, Nos. 24-62 (July 4, 1963).",
        "case3": "Maurice Alvis v Council, No. 32 (July 4, 1963).",
        "case4": "Société Des Usines v High Authority, 1-57 and 14-57 (1957).",
        "case5": "Roe v Doe, 250 F.3d 100 (2001).",
        "reg": "Regulation (EU) 2016/679 on Data, Regulation No. 2016/679, OJ 1 (2016).",
        "charter": "Charter of Fundamental Rights, 326 OJ 02 (2012).",
        "act": "An Act, Pub. L. Nos. 116-136, 134 Stat. 281 (2020).",
        "treaty": "Treaty Establishing the European Economic Community, 294 UNTS 3.",
        "treaty2": "Treaty of Rome, March 25, 1957, 294 UNTS 3."}),
    ("de-DE", {
        "case1": "Åklagaren v Hans Åkerberg Fransson, C-617/10 (26. Februar 2013).",
        "case2": "Federal Republic of Germany v Commission, Nos. 24-62 (4. Juli 1963).",
        "case3": "Maurice Alvis v Council, No. 32 (4. Juli 1963).",
        "case4": "Société des Usines v High Authority, 1-57 and 14-57 (1957).",
        "case5": "Roe v Doe, 250 F.3d 100 (2001).",
        "reg": "Regulation (EU) 2016/679 on data, Regulation No. 2016/679, OJ 1 (2016).",
        "charter": "Charter of fundamental rights, 326 OJ 02 (2012).",
        "act": "An act, Legislation Nos. 116-136, 134 Stat. 281 (2020).",
        "treaty": "Treaty establishing the European Economic Community, 294 UNTS 3.",
        "treaty2": "Treaty of Rome, 25. März 1957, 294 UNTS 3."}),
])
def test_biblatex_cases_statutes_and_treaties_print_as_pandoc_prints_them(lang: str, printed: dict[str, str]) -> None:
    # pandoc 3.9 (chicago-notes-bibliography) for each: a case's docket number (labelled where it is a number), its
    # reporter's volume and first page, its full date in parentheses; a statute's genre and number, its volume, gazette
    # and page; a treaty's date after its title. The site printed the title and the year alone ("Maurice Alvis v
    # Council (1963).").
    bib = parse_bibliography(LEGAL_BIB, "law.bib")
    assert {s.key: Citations().reference(s, PLAIN, lang).text for s in bib.sources} == printed


def test_a_biblatex_cases_authority_is_not_printed_as_pandocs_reader_drops_it() -> None:
    # pandoc 3.9 (chicago-notes-bibliography): "Roe v Doe, 250 F.3d 100 (2001).", "Alvis v Council, No. 32 (July 4,
    # 1963)." (its biblatex reader reads no ``authority`` field); the site printed "(Supreme Court 2001)". A CSL
    # item's authority is the court pandoc prints.
    bib = parse_bibliography("@jurisdiction{c1, title={Roe v Doe}, authority={Supreme Court}, date={2001-07-04},"
                             " volume={250}, journal={F.3d}, pages={100--110}}\n@jurisdiction{c2, title={Alvis v"
                             " Council}, number={32}, authority={Court}, date={1963-07-04}}", "law.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Roe v Doe, 250 F.3d 100 (2001).", "Alvis v Council, No. 32 (July 4, 1963)."]


@pytest.mark.parametrize(("edition", "printed"), [
    ("2nd", "2nd ed."), ("2", "2nd ed."), ("3", "3rd ed."), ("11", "11th ed."), ("21", "21st ed."),
    ("Second", "Second."), ("second", "Second."), ("2e", "2e ed."), ("5e éd", "5e éd."), ("2. Aufl.", "2. Aufl."), ("3rd edn", "3rd edn."),
    ("2nd ed.", "2nd ed."), ("Revised edition", "Revised edition."), ("2.ª edición", "2.ª edición."),
])
def test_an_edition_is_printed_once_as_chicago_prints_it(edition: str, printed: str) -> None:
    # "5e éd" was printed "5e éd ed.", a number alone "2 ed.", "Second" "Second ed.": citeproc prints a number as an
    # ordinal ("2nd ed."), a number with letters with "ed." after it, and any other edition as written.
    source = Source(key="k", type="book", title="A Book", publisher="P", year=2001, fields={"edition": edition})
    assert f"A Book. {printed} P, 2001." in format_reference(source).text


def test_and_others_prints_as_et_al() -> None:
    # BibTeX's "and others" closes a list the entry does not give in full: pandoc prints "Kanner et al. 1943" and
    # "Kanner, Leo et al."; the page printed "Kanner and others 1943".
    bib = parse_bibliography("@article{k, title={A}, author={Kanner, Leo and others}, journal={N}, year=1943}\n"
                             "@article{j, title={B}, author={Doe, Jane and Roe, Rick and others}, journal={N}, year=1950}")
    one, two = bib.sources
    assert (short_label(one), short_label(two)) == ("Kanner et al. 1943", "Doe et al. 1950")
    assert format_reference(one).text.startswith("Kanner, Leo et al. “A.”")
    assert format_reference(two).text.startswith("Doe, Jane, Rick Roe, et al. “B.”")


def test_a_biblatex_subtitle_is_printed_after_the_title_on_every_page_that_shows_it() -> None:
    # biblatex and pandoc print "Plans: The Problem"; the reference, the source page's heading and its fields table
    # and the CSL-JSON download printed "Plans" (the registry's side of the table joined its subtitle already).
    from litreview.render.csljson import source_to_csl
    from litreview.render.source_page import _entry_values, source_title

    bib = parse_bibliography(r"@book{s, author={Suchman, Lucy}, title={Plans}, subtitle={The {\"U}ber Problem},"
                             " publisher={P}, year={1999}}")
    source = bib.sources[0]
    assert format_reference(source).text == "Suchman, Lucy. Plans: The Über Problem. P, 1999."
    assert source_title(source) == "Plans: The Über Problem"
    assert _entry_values(source)["title"] == "Plans: The Über Problem"
    assert source_to_csl(source)["title"] == "Plans: The Über Problem"


def test_translators_are_printed_after_the_title() -> None:
    # Chicago (and pandoc's default style) print "Translated by ..." after the title; the reference left them out.
    bib = parse_bibliography(r"@book{s, author={Suchman, Lucy}, translator={Saeki, Yutaka and M{\"u}ller, Ann},"
                             " title={Plans}, publisher={P}, year={1999}}"
                             "@article{a, author={Roe, Jane}, translator={Doe, John}, title={Words}, journal={J},"
                             " year={2001}}")
    assert format_reference(bib.sources[0]).text == "Suchman, Lucy. Plans. Translated by Yutaka Saeki and Ann Müller. P, 1999."
    assert format_reference(bib.sources[1]).text == "Roe, Jane. “Words.” Translated by John Doe. J, 2001."


def test_a_name_in_a_cjk_script_is_printed_family_name_first_without_a_space() -> None:
    # citeproc (so pandoc) prints "佐伯胖", first in the list or not; the reference printed "佐伯, 胖" and "喜文 水川".
    bib = parse_bibliography("@book{j, author={佐伯, 胖 and 水川, 喜文 and Roe, Jane}, translator={上野, 直樹},"
                             " title={プラン}, publisher={P}, year={1999}}")
    assert format_reference(bib.sources[0]).text == "佐伯胖, 水川喜文, and Jane Roe. プラン. Translated by 上野直樹. P, 1999."


def test_biblatex_titleaddon_series_and_version_are_printed_in_the_reference() -> None:
    # pandoc's biblatex reader prints them ("Main Title. An Addon. Lecture Notes in Things 12."); the page's printed
    # reference left them out, and a reviewer saw them only in the entry's BibTeX.
    from litreview.render.csljson import source_to_csl

    bib = parse_bibliography(
        "@book{a, author={Doe, Jane}, title={Main Title}, titleaddon={An Addon}, series={Lecture Notes in Things},"
        " number={12}, publisher={Springer}, year={2020}}\n"
        "@incollection{b, author={Chen, Carton W.}, title={Linear Plasmids}, booktitle={Microbial Plasmids},"
        " booktitleaddon={Proceedings}, editor={Meinhardt, Friedhelm}, series={Microbiology Monographs}, number={7},"
        " volume={2},"
        " pages={33--61}, publisher={Springer}, year={2007}}\n"
        "@article{c, author={Kay, Al}, title={Art}, titleaddon={A Reply}, journal={J}, series={New Series},"
        " volume={1}, year={2016}}\n"
        "@manual{d, author={Fay, Bo}, title={Tool}, version={1.2}, publisher={P}, year={2015}}\n"
        "@book{e, author={Pluess, M.}, title={Genetics}, series={Series in Positive Psychology}, publisher={OUP},"
        " year={2015}}")
    a, b, c, d, e = bib.sources
    assert format_reference(a).text == "Doe, Jane. Main Title. An Addon. Lecture Notes in Things 12. Springer, 2020."
    assert format_reference(b).text == ("Chen, Carton W. “Linear Plasmids.” In Microbial Plasmids. Proceedings, vol. 2,"
                                        " edited by Friedhelm Meinhardt. Microbiology Monographs 7. Springer, 2007.")
    # (an article's series in sentence case, as pandoc 3.9 prints it)
    assert format_reference(c).text == "Kay, Al. “Art. A Reply.” J, New series, vol. 1 (2016)."
    assert format_reference(d).text == "Fay, Bo. Tool. Version 1.2. P, 2015."
    assert format_reference(e).text == "Pluess, M. Genetics. Series in Positive Psychology. OUP, 2015."
    assert "<i>Main Title. An Addon</i>. Lecture" in format_reference(a).html
    csl = source_to_csl(a)
    assert (csl["title"], csl["title-short"], csl["collection-title"], csl["collection-number"]) == (
        "Main Title. An Addon", "Main Title", "Lecture Notes in Things", "12")
    assert "issue" not in csl


def test_series_volume_and_report_number_are_printed_as_pandoc_prints_them() -> None:
    # Each expected string is pandoc's own, from `pandoc refs.md --citeproc --csl chicago-notes-bibliography.csl
    # -t plain --wrap=none` on these entries (refs.md: `bibliography: refs.bib`, `nocite: '@*'`).
    bib = parse_bibliography(
        "@article{c, author={Roe, Ann}, title={Art}, journal={Journal}, series={3}, volume={17}, number={2},"
        " year={2001}, pages={1--2}}\n"
        "@techreport{d, author={Roe, Ann}, title={Rep}, institution={MIT}, series={Working Papers}, number={12},"
        " year={2001}}\n"
        "@techreport{d2, author={Roe, Ann}, title={Rep}, institution={MIT}, type={Working Paper}, number={12},"
        " year={2001}}\n"
        "@book{b, author={Roe, Ann}, title={Book}, series={Lecture Notes}, number={855}, volume={3},"
        " publisher={Springer}, year={2001}, titleaddon={A Commentary}}\n"
        "@book{b3, author={Roe, Ann}, title={Book}, volume={3}, series={LN}, publisher={Springer}, year={2001}}")
    printed = [format_reference(s).text for s in bib.sources]
    assert printed == [
        "Roe, Ann. “Art.” Journal, 3rd series, vol. 17, no. 2 (2001): 1–2.",
        "Roe, Ann. Rep. No. 12. Working Papers. MIT, 2001.",
        "Roe, Ann. Rep. Working Paper No. 12. MIT, 2001.",
        "Roe, Ann. Book. A Commentary. Vol. 3. Lecture Notes 855. Springer, 2001.",
        "Roe, Ann. Book. Vol. 3. LN. Springer, 2001.",
    ]


def test_entries_print_as_pandocs_chicago_prints_them() -> None:
    # Each expected string is pandoc's own (3.9, `--citeproc` with the Chicago 18th edition notes-bibliography
    # style; refs.md: `nocite: '@*'`). A conference paper whose proceedings name no editors was printed as a book's
    # chapter ("In Proc. ..., 101–110. New York, NY: ACM, 2015."); a chapter with its page range and its publisher's
    # place, which CMOS 18 and pandoc leave out; a thesis as "PhD diss." whatever its type.
    bib = parse_bibliography(
        "@inproceedings{p1, author={Smith, John and Roe, Ann}, title={Fast Parsing of References},"
        " booktitle={Proceedings of the 12th Conference on Digital Libraries}, year={2015}, pages={101--110},"
        " publisher={ACM}, address={New York, NY}}\n"
        "@inproceedings{p2, author={Smith, John}, title={Faster Parsing}, booktitle={Proceedings of the 13th"
        " Conference on Digital Libraries}, year={2016}, pages={11--20}}\n"
        "@inproceedings{p3, author={Smith, John}, title={A3}, booktitle={Proc. Three}, year={2015}, volume={4},"
        " series={LNCS}, pages={1--9}, publisher={Springer}}\n"
        "@inproceedings{p4, author={Smith, John}, title={A4}, booktitle={Proc. Four}, year={2015}, month={jun},"
        " pages={201--209}}\n"
        "@inproceedings{e1, author={Lee, Kim}, title={Graph Methods}, booktitle={Advances in Graph Theory},"
        " editor={Brown, Bob and Green, Gail}, year={2018}, pages={5--15}, publisher={Springer}, address={Berlin}}\n"
        "@incollection{c1, author={Doe, Jane}, title={C1}, booktitle={Coll}, editor={Hill, Harry}, year={2001},"
        " volume={2}, pages={33--58}, publisher={OUP}, address={Oxford}}\n"
        "@incollection{c2, author={Doe, Jane}, title={C2}, booktitle={Coll Two}, year={2001}, pages={33--58},"
        " address={Oxford}}\n"
        "@incollection{c3, author={W, A}, title={U7}, booktitle={Coll}, year={1995}, pages={1--2}, publisher={P},"
        " address={X}, edition={2}}\n"
        "@book{b1, author={Knuth, Donald E.}, title={The Art of Computer Programming}, edition={3}, year={1997},"
        " publisher={Addison-Wesley}, address={Reading, MA}}\n"
        "@book{b2, author={Roe, Ann}, title={B1}, year={2001}, address={Paris}}\n"
        "@phdthesis{t1, author={Park, Min}, title={Essays on Alliances}, school={Yale University}, year={2010},"
        " address={New Haven, CT}}\n"
        "@mastersthesis{t2, author={Park, Min}, title={T1}, school={Yale}, year={2006}, type={MA thesis}}\n"
        "@techreport{r1, author={Ng, Ann}, title={Measuring Trade}, institution={National Bureau of Economic"
        " Research}, number={12345}, type={Working Paper}, year={2006}, address={Cambridge, MA}}\n"
        "@article{a1, author={W, A}, title={X1}, journal={J}, pages={5--9}, year={1995}}\n"
        "@article{a2, author={W, A}, title={X2}, journal={J}, number={3}, pages={5--9}, year={1995}}\n"
        "@article{a3, author={W, A}, title={U1}, journal={J}, volume={4}, month={jun}, pages={5--9}, year={1995}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Smith, John, and Ann Roe. “Fast Parsing of References.” Proceedings of the 12th Conference on Digital"
        " Libraries (New York, NY), 2015, 101–10.",
        "Smith, John. “Faster Parsing.” Proceedings of the 13th Conference on Digital Libraries, 2016, 11–20.",
        "Smith, John. “A3.” Proc. Three, LNCS, vol. 4 (2015): 1–9.",
        "Smith, John. “A4.” Proc. Four, June 2015, 201–9.",
        # the close case: proceedings with editors are a book, the paper a chapter of it
        "Lee, Kim. “Graph Methods.” In Advances in Graph Theory, edited by Bob Brown and Gail Green. Springer, 2018.",
        "Doe, Jane. “C1.” In Coll, vol. 2, edited by Harry Hill. OUP, 2001.",
        "Doe, Jane. “C2.” In Coll Two. Oxford, 2001.",  # the place where no publisher is named
        "W, A. “U7.” In Coll, 2nd ed. P, 1995.",
        "Knuth, Donald E. The Art of Computer Programming. 3rd ed. Addison-Wesley, 1997.",
        "Roe, Ann. B1. Paris, 2001.",
        "Park, Min. “Essays on Alliances.” PhD thesis, Yale University, 2010.",
        "Park, Min. “T1.” MA thesis, Yale, 2006.",
        "Ng, Ann. Measuring Trade. Working Paper No. 12345. National Bureau of Economic Research, 2006.",
        "W, A. “X1.” J, 1995, 5–9.",
        "W, A. “X2.” J, no. 3 (1995): 5–9.",
        "W, A. “U1.” J 4 (June 1995): 5–9.",
    ]
    paper = format_reference(bib.sources[0]).html
    assert "<i>Proceedings of the 12th Conference on Digital Libraries</i> (New York, NY), 2015" in paper


def test_an_entry_of_which_nothing_is_known_prints_its_key_not_a_blank() -> None:
    # A Manubot identifier no registry was asked about is a source of its key alone: the reference list printed an
    # empty entry before its "Source page" link, the citation's card an empty reference.
    ref = format_reference(Source(key="pmc:PMC6103790<b>", type="misc"))
    assert ref.text == "pmc:PMC6103790<b>" and ref.html == "pmc:PMC6103790&lt;b&gt;"
    assert format_reference(Source(key="k", type="misc", title="A title")).text == "A Title. n.d."  # as pandoc


@pytest.mark.parametrize(("year", "label"), [
    ("1593, 1603", "Ripa 1593, 1603"),  # two printings: pandoc prints the field as written
    ("forthcoming", "Ripa forthcoming"),
    ("1593", "Ripa 1593"),
])
def test_a_year_that_is_no_date_is_printed_as_written_not_as_no_date(year: str, label: str) -> None:
    # A biblatex entry's "year = {1593, 1603}" printed as "Ripa n.d." in its marks, where pandoc prints
    # "(Ripa 1593, 1603)" and the site's own reference printed the year.
    (source,) = parse_bibliography(
        f"@book{{ripa, title={{Iconologia}}, author={{Ripa, Cesare}}, year={{{year}}}}}").sources
    assert short_label(source, PLAIN) == label
    assert format_reference(source).text.endswith(f"{year.removeprefix('Ripa ')}.")
    # the close case: no year at all
    (bare,) = parse_bibliography("@book{ripa, title={Iconologia}, author={Ripa, Cesare}}").sources
    assert short_label(bare, PLAIN) == "Ripa n.d."


def test_an_english_entry_prints_in_title_case_with_pandocs_initials_dates_and_apostrophes() -> None:
    # Each expected string is pandoc's own (`pandoc --citeproc --csl chicago-notes-bibliography.csl -t plain
    # --wrap=none`, nocite '@*', lang en-US, and de-DE for the last): a title and its container in title case, a
    # stop word within it in lower case and a word in braces as written; "V.S." as "V. S."; the month left out where
    # the volume and the issue are given; "'" as "’". A German entry (langid), or a German page, as written.
    bib = parse_bibliography(
        "@article{tc, author={Tan, Yong and Mookerjee, V.S.}, title={Comparing uniform and flexible policies: a study"
        " of {DNA} As a Rule in part I}, journal={Software engineering}, volume={31}, number={3}, month=mar,"
        " year={2005}, pages={238--255}}\n"
        "@article{vo, author={Doe, Jorge L}, title={Don't let it distract you}, journal={Applied Sciences},"
        " volume={11}, month=mar, year={2021}, pages={2904}}\n"
        "@inproceedings{ip, author={Roe, Ann}, title={Is faster better?}, booktitle={Proceedings of the 10th working"
        " conference on mining, part I}, series={MSR '13}, year={2013}, pages={183--192}}\n"
        "@article{de, author={Roe, Ann}, title={Das Wuchern der Rhizome}, journal={Zeitschrift für kritische"
        " Theorie}, langid={german}, year={2013}, volume={2}}", "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Tan, Yong, and V. S. Mookerjee. “Comparing Uniform and Flexible Policies: A Study of DNA as a Rule in Part"
        " i.” Software Engineering 31, no. 3 (2005): 238–55.",
        "Doe, Jorge L. “Don’t Let It Distract You.” Applied Sciences 11 (March 2021): 2904.",
        "Roe, Ann. “Is Faster Better?” Proceedings of the 10th Working Conference on Mining, Part i, MSR ’13, 2013,"
        " 183–92.",
        "Roe, Ann. “Das Wuchern der Rhizome.” Zeitschrift für kritische Theorie 2 (2013)."]
    assert Citations().reference(bib.sources[0], PLAIN, "de-DE").text == (
        "Tan, Yong, und V. S. Mookerjee. „Comparing uniform and flexible policies: a study of DNA As a Rule in part"
        " I“. Software engineering 31, Nr. 3 (2005): 238–55.")


def test_an_initial_in_lower_case_takes_its_full_stop_as_pandoc_prints_it() -> None:
    # pandoc (chicago-notes-bibliography, -t plain): "Stanislav Volek, s. r. o., Partners Media. T. 2002." and
    # "Koe, a. b., Jean d. Yoe, and Ann Roe. T. 2002."; the site printed "s. r. o" and "a. b", "Jean d".
    bib = parse_bibliography(
        "@misc{sro, author={Stanislav Volek, Partners Media, s.r.o}, title={T}, year={2002}}\n"
        "@misc{ab, author={Koe, a.b and Yoe, Jean d and Roe, Ann}, title={T}, year={2002}}", "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Stanislav Volek, s. r. o., Partners Media. T. 2002.", "Koe, a. b., Jean d. Yoe, and Ann Roe. T. 2002."]


def test_an_article_or_misc_entry_with_no_container_is_a_work_of_its_own() -> None:
    # pandoc's HTML: "European Commission. <em>Sudan</em>. 2024. <a ...>", "Roe, Ann. <em>Sudan Two</em>. n.d. <a
    # ...>", "Ciliska, Donna. <em>A Compendium of Tools</em>. n.d."; the page quoted the titles and gave no "n.d."
    bib = parse_bibliography(
        "@misc{sudan, title = {Sudan}, author = {European Commission, }, url = {https://x.org/s}, year = {2024}}\n"
        "@misc{nod, title = {Sudan Two}, author = {Roe, Ann}, url = {https://x.org/s}}\n"
        "@article{ciliska, title = {A Compendium of Tools}, author = {Ciliska, Donna}}", "refs.bib")
    assert [format_reference(s).html for s in bib.sources] == [
        'European Commission. <i>Sudan</i>. 2024. <a href="https://x.org/s" rel="noopener noreferrer">'
        'https://x.org/s</a>.',
        'Roe, Ann. <i>Sudan Two</i>. n.d. <a href="https://x.org/s" rel="noopener noreferrer">https://x.org/s</a>.',
        "Ciliska, Donna. <i>A Compendium of Tools</i>. n.d."]


def test_a_chapter_prints_the_books_edition_before_its_editors_and_a_bracketed_word_in_title_case() -> None:
    # pandoc's own: "In The Big Book, 2nd ed., edited by Harry Hill."; the page printed "edited by Harry Hill, 2nd
    # ed." and "(transformation or Not)"
    bib = parse_bibliography(
        "@incollection{ch, author={Roe, Ann}, editor={Hill, Harry}, title={Categorical data analysis: away from"
        " {ANOVAs} (transformation or not)}, booktitle={The big book}, edition={2}, series={Series}, number={9},"
        " publisher={Pub}, year={2001}}", "refs.bib")
    assert format_reference(bib.sources[0]).text == (
        "Roe, Ann. “Categorical Data Analysis: Away from ANOVAs (Transformation or Not).” In The Big Book, 2nd ed.,"
        " edited by Harry Hill. Series 9. Pub, 2001.")


def test_a_title_kept_as_written_or_of_another_language_is_not_title_cased(tmp_path) -> None:
    # pandoc's own: a BibTeX title all in braces, or with a non-English langid, as written (its `language` field is
    # not the entry's language); a CSL item's "language": "English" is no language tag (citeproc: only "en...")
    from litreview.bibliography.load import load_bibliography

    bib = parse_bibliography(
        "@article{a, author={Roe, Ann}, title={{Aspectos de usu{\\'a}rios}}, journal={J}, year={2001}}\n"
        "@article{b, author={Roe, Ann}, title={aspectos de usabilidade}, journal={J}, year={2001}, langid={portuguese}}\n"
        "@article{c, author={Roe, Ann}, title={aspectos de usabilidade}, journal={J}, year={2001}, language={portuguese}}",
        "refs.bib")
    assert [format_reference(s).text.split("“")[1].split("”")[0] for s in bib.sources] == [
        "Aspectos de usuários.", "aspectos de usabilidade.", "Aspectos de Usabilidade."]
    path = tmp_path / "refs.json"
    path.write_text('[{"id": "g", "type": "article-journal", "title": "How a microbe becomes a pandemic",'
                    ' "language": "English"}, {"id": "h", "type": "article-journal", "title": "How a microbe'
                    ' becomes a pandemic", "language": "en-GB"}]', encoding="utf-8")
    assert [format_reference(s).text for s in load_bibliography(path).sources] == [
        "How a microbe becomes a pandemic. n.d.", "How a Microbe Becomes a Pandemic. n.d."]


def test_a_front_matters_reference_is_title_cased_as_csl_not_read_as_bibtex() -> None:
    # pandoc's own for `references:` in a Markdown manuscript's front matter: "Roe, Ann. The Plan, Part I. 2001.";
    # read as a BibTeX title (in sentence case first) it printed "Part i"
    from litreview.bibliography.csl import parse_csl

    item = ("references:\n- id: a\n  type: book\n  title: The plan, part I\n  author:\n  - family: Roe\n    given: Ann\n"
            "  issued: {date-parts: [[2001]]}\n")
    for name in ("essay.md", "refs.yaml"):
        (source,) = parse_csl(item, name, yaml=True, front_matter=name.endswith(".md")).sources
        assert format_reference(source).text == "Roe, Ann. The Plan, Part I. 2001."


def test_an_issue_range_prints_nos_as_citeproc_counts_it() -> None:
    # pandoc 3.9's Chicago: "nos." where citeproc takes the issue for more than one (two words, a hyphen, an en dash,
    # a comma, a semicolon), "no." for one ("7/8", "1&2", "suppl.2", "12"); the page printed "no." for every issue
    numbers = {"r1": "1-2", "r2": "3–4", "r3": "1,2", "r4": "1 & 2", "r5": "suppl 2", "r6": "1;2", "s1": "7/8",
               "s2": "1&2", "s3": "12", "s4": "suppl.2"}
    bib = parse_bibliography("".join(
        f"@article{{{k}, author={{Doe, Jane}}, title={{Art}}, journal={{J}}, volume={{3}}, number={{{n}}},"
        f" year={{2001}}}}\n" for k, n in numbers.items())
        + "@article{nv, author={Doe, Jane}, title={Art}, journal={J}, number={1-2}, year={2001}}\n", "refs.bib")
    texts = {s.key: format_reference(s).text for s in bib.sources}
    assert {k: t.split("J 3, ")[-1] for k, t in texts.items() if k != "nv"} == {
        "r1": "nos. 1-2 (2001).", "r2": "nos. 3–4 (2001).", "r3": "nos. 1,2 (2001).", "r4": "nos. 1 & 2 (2001).",
        "r5": "nos. suppl 2 (2001).", "r6": "nos. 1;2 (2001).", "s1": "no. 7/8 (2001).", "s2": "no. 1&2 (2001).",
        "s3": "no. 12 (2001).", "s4": "no. suppl.2 (2001)."}
    assert texts["nv"] == "Doe, Jane. “Art.” J, nos. 1-2 (2001)."


def test_a_publisher_is_capitalised_at_the_start_of_its_sentence_as_csl_capitalize_first() -> None:
    # the Chicago style's text-case="capitalize-first" on the publisher (pandoc: "Il Saggiatore", "In Book. Il
    # Saggiatore"); a first word not all in lower case ("eBay") and the title and container stay as written
    bib = parse_bibliography(
        "@book{b1, author={Arlacchi, Pino}, title={La mafia}, langid={italian}, publisher={il Saggiatore},"
        " year={2007}}\n"
        "@incollection{c1, author={Doe, Jane}, title={eine Studie}, langid={german}, booktitle={buch},"
        " publisher={de Gruyter}, year={2007}}\n"
        "@phdthesis{t1, author={Doe, Jane}, title={T}, school={università di Roma}, year={2001}}\n"
        "@book{b2, author={Roe, Ann}, title={Sales}, publisher={eBay Press}, year={2007}}\n"
        "@book{b3, author={Roe, Ann}, title={Sales}, publisher={https://x.org/A_b}, year={2007}}\n", "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Arlacchi, Pino. La mafia. Il Saggiatore, 2007.",
        "Doe, Jane. “eine Studie.” In buch. De Gruyter, 2007.",
        "Doe, Jane. “T.” PhD thesis, Università di Roma, 2001.",
        "Roe, Ann. Sales. eBay Press, 2007.",
        "Roe, Ann. Sales. Https://x.org/A_b, 2007."]


def test_a_misc_entrys_howpublished_is_its_publisher_as_pandoc_reads_it() -> None:
    # pandoc's biblatex reader joins school, institution, organization, howpublished and publisher into CSL's
    # publisher: "Drupal. Https://www.drupal.org, n.d."; the page quoted the title and title-cased the address as a
    # web site's name ("“Drupal.” Https://Www.drupal.org, n.d.")
    bib = parse_bibliography(
        "@misc{m1, title={Drupal}, howpublished={\\url{https://www.drupal.org}}}\n"
        "@misc{m2, title={Drupal}, howpublished={online at foo}, year={2020}, publisher={ACME}}\n"
        "@misc{m3, title={Drupal}, howpublished={\\url{https://www.drupal.org}}, year=2020, organization={Org}}\n"
        # the close cases: a web site's name in an @online entry's howpublished, and a CSL webpage's container
        "@online{o1, title={Drupal}, howpublished={Drupal Site}, year=2020}\n", "refs.bib")
    assert [format_reference(s).html for s in bib.sources] == [
        "<i>Drupal</i>. Https://www.drupal.org, n.d.",
        "<i>Drupal</i>. Online at foo; ACME, 2020.",
        "<i>Drupal</i>. Org; https://www.drupal.org, 2020.",
        "Drupal Site. “Drupal.” 2020."]
    web = parse_csl('[{"id": "w", "type": "webpage", "title": "Page", "container-title": "my site",'
                             ' "issued": {"date-parts": [[2020]]}}]', "refs.json")
    assert format_reference(web.sources[0]).text == "My Site. “Page.” 2020."


def test_dates_in_full_where_chicago_dates_the_type_in_full_from_the_date_field_too() -> None:
    # pandoc 3.9's Chicago: a web page, software or an article with no volume and issue dated by day, read from the
    # ``date`` field as from ``month`` and ``day``; software with no publisher "Released ..."; a BibTeX @misc dated
    # by its year alone (the page printed "July 2021" after it, and the year alone from a date field)
    bib = parse_bibliography(
        "@online{o1, author={Gart, Ner}, title={Online}, date={2021-07-05}, url={https://x.org}}\n"
        "@article{a1, author={Gart, Ner}, title={Art}, journal={J}, date={2021-07-05}}\n"
        "@software{s1, author={Gart, Ner}, title={Soft}, date={2021-07-05}}\n"
        "@misc{m1, author={Gart, Ner}, title={Misc}, year={2021}, month=jul, url={https://x.org}}\n"
        # the close cases: an article with volume and issue, a book, and a range of days across months (pandoc 3.9)
        "@article{a2, author={Gart, Ner}, title={Art}, journal={J}, volume={3}, number={4}, date={2021-07-05}}\n"
        "@article{a3, author={Gart, Ner}, title={Art}, journal={J}, volume={3}, date={2021-07-05}}\n"
        "@book{b1, author={Gart, Ner}, title={Book}, publisher={P}, date={2021-07-05}}\n"
        "@online{o2, author={Gart, Ner}, title={Range}, date={2021-07-05/2021-08-01}}\n", "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Gart, Ner. “Online.” July 5, 2021. https://x.org.",
        "Gart, Ner. “Art.” J, July 5, 2021.",
        "Gart, Ner. Soft. Released July 5, 2021.",
        "Gart, Ner. Misc. 2021. https://x.org.",
        "Gart, Ner. “Art.” J 3, no. 4 (2021).",
        "Gart, Ner. “Art.” J 3 (July 2021).",  # beside a volume alone, the month
        "Gart, Ner. Book. P, 2021.",
        "Gart, Ner. “Range.” July 5–August 1, 2021."]
    # an item read from CSL as "misc" is one of CSL's types dated in full (pandoc: "Roe, Ann. “Doc.” Preprint, May
    # 9, 2013." for an article)
    doc = parse_csl('[{"id": "d", "type": "article", "title": "Doc", "author": [{"family": "Roe", "given": "Ann"}],'
                    ' "issued": {"date-parts": [[2013, 5, 9]]}}]', "refs.json")
    assert format_reference(doc.sources[0]).text.endswith(" May 9, 2013.")


def test_a_type_field_is_printed_as_csls_genre() -> None:
    # pandoc 3.9's Chicago prints the ``type`` field (CSL's genre) after the title, its first letter capitalised, and
    # a biblatex @thesis's type before its school; the page printed neither ("Journal Article" of Zotero's exports,
    # "Diplomarbeit")
    bib = parse_bibliography(
        "@article{a1, author={Doe, Jane}, title={Art}, journal={J}, volume=3, number=2, year=2001,"
        " type={journal article}}\n"
        "@article{a2, author={Doe, Jane}, translator={Poe, Ann}, title={Art}, journal={J}, year=2001, type={review}}\n"
        "@book{b1, author={Doe, Jane}, title={Book}, publisher={P}, year=2001, type={monograph}}\n"
        "@thesis{t1, author={Doe, Jane}, title={Thesis}, school={Uni}, year=2001, type={diplomarbeit}}\n"
        "@thesis{t2, author={Doe, Jane}, title={Thesis}, school={Uni}, year=2001, type={mathesis}}\n"
        "@report{r1, author={Doe, Jane}, title={Rep}, institution={Uni}, year=2001, type={techreport}}\n"
        # the close cases: a @thesis with no type, a report with a number ("Working Paper No. 12"), a chapter
        "@thesis{t3, author={Doe, Jane}, title={Thesis}, school={Uni}, year=2001}\n"
        "@report{r2, author={Doe, Jane}, title={Rep}, institution={Uni}, year=2001, type={Working Paper}, number=12}\n"
        "@incollection{c1, author={Doe, Jane}, title={Chap}, booktitle={Book}, year=2001, type={Essay}}\n", "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. “Art.” Journal article. J 3, no. 2 (2001).",
        "Doe, Jane. “Art.” Review. Translated by Ann Poe. J, 2001.",
        "Doe, Jane. Book. Monograph. P, 2001.",
        "Doe, Jane. “Thesis.” Diplomarbeit, Uni, 2001.",
        "Doe, Jane. “Thesis.” Master’s thesis, Uni, 2001.",
        "Doe, Jane. Rep. Technical report. Uni, 2001.",
        "Doe, Jane. “Thesis.” Uni, 2001.",
        "Doe, Jane. Rep. Working Paper No. 12. Uni, 2001.",
        "Doe, Jane. “Chap.” In Book. 2001."]
    # a CSL thesis: its genre, or none (pandoc prints no "PhD thesis" of its own for one)
    items = parse_csl('[{"id": "g", "type": "thesis", "title": "T", "genre": "Dissertação de Mestrado",'
                      ' "publisher": "UFMG", "issued": {"date-parts": [[2021]]}},'
                      ' {"id": "n", "type": "thesis", "title": "T", "publisher": "UFMG",'
                      ' "issued": {"date-parts": [[2021]]}}]', "refs.json")
    assert [format_reference(s).text for s in items.sources] == ["“T.” Dissertação de Mestrado, UFMG, 2021.",
                                                                 "“T.” UFMG, 2021."]


def test_a_misc_entry_in_a_journal_prints_in_it_as_pandoc_prints_it() -> None:
    # pandoc 3.9's Chicago: a BibTeX @misc with a journal is printed in it ("“T.” In *Blog*, vol. 3. IOP, 2019.");
    # the page printed the journal as a web site's name ("“T.” Blog, 2017."). The close cases, printed as before: a
    # @misc's booktitle (pandoc prints none) and a CSL item's container
    bib = parse_bibliography(
        "@misc{m1, author={Doe, Jane}, title={Drupal}, journal={some journal}, howpublished={online at foo},"
        " year=2020}\n"
        "@misc{m2, author={Doe, Jane}, title={Blog post}, journal={Blog}, year=2017, url={https://x.org/b}}\n"
        "@misc{m3, author={Doe, Jane}, title={Conf}, journal={J Phys Conf}, volume=1230, year=2019, publisher={IOP}}\n"
        "@misc{m4, url={https://x.org/f}, journal={PLIS del Lago di Endine}}\n"
        "@misc{m5, title={Services Overview}, booktitle={Android Developers}, url={https://x.org/s}}\n", "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. “Drupal.” In Some Journal. Online at foo, 2020.",
        "Doe, Jane. “Blog Post.” In Blog. 2017. https://x.org/b.",
        "Doe, Jane. “Conf.” In J Phys Conf, vol. 1230. IOP, 2019.",
        "In PLIS Del Lago Di Endine. n.d. https://x.org/f.",
        "Services Overview. n.d. https://x.org/s."]  # (pandoc 3.9's: it reads no booktitle of a @misc)
    assert "In <i>Blog</i>. 2017." in format_reference(bib.sources[1]).html
    # (a CSL item of type "misc", which CSL does not define, pandoc 3.9 prints "In" its container, as one of no type)
    item = parse_csl('[{"id": "c", "type": "webpage", "title": "T", "container-title": "Blog",'
                     ' "issued": {"date-parts": [[2017]]}}]', "refs.json")
    assert format_reference(item.sources[0]).text == "Blog. “T.” 2017."  # (pandoc 3.9's)


def test_a_name_particle_follows_the_given_name_where_the_name_is_inverted() -> None:
    # The Chicago styles demote a particle: pandoc prints "Doe, John von" first and "Ann van Roe" after it; the
    # site printed "von Doe, John".
    bib = parse_bibliography(
        "@book{b, author={von Doe, John and van Roe, Ann}, title={T}, year=2000, publisher={P}}\n"
        "@book{c, author={von Doe, Jr, John}, title={T}, year=2000, publisher={P}}\n"
        "@book{d, author={De la Casa, Luis G. and International labor organization, }, title={T}, year=2000,"
        " publisher={P}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, John von, and Ann van Roe. T. P, 2000.", "Doe, John von, Jr. T. P, 2000.",
        # pandoc's particle is the words in lower case that open a name: these are family names
        "De la Casa, Luis G., and International labor organization. T. P, 2000."]


def test_an_article_with_a_doi_and_a_year_but_no_volume_issue_or_pages_is_ahead_of_print() -> None:
    bib = parse_bibliography(
        "@article{c, author={Doe, John}, title={T}, journal={J}, year=2000, doi={10.1234/x}}\n"
        "@article{d, author={Doe, John}, title={T}, journal={J}, year=2000, doi={10.1234/x}, volume={3}}\n"
        "@article{e, author={Doe, John}, title={T}, journal={J}, doi={10.1234/x}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, John. “T.” J, ahead of print, 2000. https://doi.org/10.1234/x.",
        "Doe, John. “T.” J 3 (2000). https://doi.org/10.1234/x.",
        "Doe, John. “T.” J, n.d. https://doi.org/10.1234/x."]
    german = format_reference(bib.sources[0], terms=citation_terms("de-DE")).text
    assert german == "Doe, John. „T“. J, Online-Vorab-Publikation, 2000. https://doi.org/10.1234/x."


def test_a_pubstate_is_printed_before_the_date_or_in_its_stead() -> None:
    bib = parse_bibliography(
        "@article{e, author={Doe, John}, title={T}, journal={J}, year=2000, pubstate={forthcoming}}\n"
        "@book{f, author={Doe, John}, title={T}, publisher={P}, pubstate={inpress}}\n"
        "@online{g, author={Doe, John}, title={T}, year=2000, pubstate={prepublished}, version={1}}\n"
        "@article{h, author={Doe, John}, title={T}, journal={J}, pubstate={inpress}, volume={3}}\n"
        "@incollection{i, author={Doe, John}, title={T}, booktitle={B}, publisher={P}, year=2001,"
        " pubstate={forthcoming}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, John. “T.” J, Forthcoming 2000.", "Doe, John. T. P, in press.",
        "Doe, John. “T.” Version 1. Pre-published 2000.", "Doe, John. “T.” J 3 (in press).",
        "Doe, John. “T.” In B. P, forthcoming 2001."]
    french = format_reference(bib.sources[2], terms=citation_terms("fr-FR")).text
    assert french == "Doe, John. «\u00a0T\u00a0». Version 1. Prépublié 2000."
    untrusted = parse_bibliography("@book{u, author={Doe, John}, title={T}, publisher={P}, year=2000,"
                                   " pubstate={<b>soon</b>}}").sources[0]
    assert format_reference(untrusted).html == "Doe, John. <i>T</i>. P, &lt;b&gt;soon&lt;/b&gt; 2000."


def test_an_undated_entry_prints_nd_where_its_date_goes_but_a_web_page() -> None:
    bib = parse_bibliography(
        "@article{a1, author={Doe, John}, title={T1}, journal={J}, volume={2}, pages={1--5}}\n"
        "@incollection{a3, author={Doe, John}, title={T3}, booktitle={B}, publisher={P}}\n"
        "@book{a5, author={Doe, John}, title={T5}, publisher={P}}\n"
        "@phdthesis{a7, author={Doe, John}, title={T7}, school={S}}\n"
        "@online{a9, author={Doe, John}, title={T9}, url={http://x.org/a}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, John. “T1.” J 2 (n.d.): 1–5.", "Doe, John. “T3.” In B. P, n.d.", "Doe, John. T5. P, n.d.",
        "Doe, John. “T7.” PhD thesis, S, n.d.", "Doe, John. “T9.” http://x.org/a."]


def test_a_quotation_in_a_title_takes_the_marks_of_its_place() -> None:
    # Inside a quoted title the marks of a quotation in a quotation (en ‘…’, de ‚…‘); in an italic title the
    # language's own (de „…“), as citeproc's locales print them.
    bib = parse_bibliography(
        "@article{q, author={Doe, John}, title={Does the Child Have a ``Theory of Mind''?}, journal={J},"
        " year=2000, volume=2}\n"
        "@book{b, author={Doe, John}, title={Does the Child Have a ``Theory of Mind''?}, publisher={P}, year=2000}\n")
    article, book = bib.sources
    assert format_reference(article).text == "Doe, John. “Does the Child Have a ‘Theory of Mind’?” J 2 (2000)."
    german = citation_terms("de-DE")
    assert format_reference(article, terms=german).text == "Doe, John. „Does the Child Have a ‚Theory of Mind‘?“ J 2 (2000)."
    assert format_reference(book, terms=german).text == "Doe, John. Does the Child Have a „Theory of Mind“? P, 2000."
    single = parse_bibliography("@book{c, author={Doe, John}, title={Packages in the `graphics' Bundle of ESA's},"
                                " year=2014}").sources[0]
    assert format_reference(single).text == "Doe, John. Packages in the “Graphics” Bundle of ESA’s. 2014."
    # a CSL-JSON title's curly marks are a quotation to pandoc; a CSL-YAML title's are characters, its straight ones
    # (Markdown's) a quotation
    item = ('[{"id": "y", "type": "article-journal", "title": "Oversight of “Global Stablecoin” Arrangements",'
            ' "container-title": "J", "volume": "2", "issued": {"date-parts": [[2020]]}}]')
    csl = parse_csl(item, "refs.json")
    assert format_reference(csl.sources[0]).text == "“Oversight of ‘Global Stablecoin’ Arrangements.” J 2 (2020)."
    curly = parse_csl(item, "refs.yaml", yaml=True)
    assert format_reference(curly.sources[0]).text == "“Oversight of “Global Stablecoin” Arrangements.” J 2 (2020)."
    straight = parse_csl(item.replace("“", '\\"').replace("”", '\\"'), "refs.yaml", yaml=True)
    assert format_reference(straight.sources[0]).text == "“Oversight of ‘Global Stablecoin’ Arrangements.” J 2 (2020)."


def test_what_follows_an_articles_place_follows_a_comma() -> None:
    bib = parse_bibliography(
        "@article{p2, author={Doe, John}, title={The Art}, address={Honolulu}, year=2008, number=3}\n"
        "@article{p4, author={Doe, John}, title={The Art}, address={Honolulu}, year=2008, pages={1--4}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, John. The Art. (Honolulu), no. 3 (2008).", "Doe, John. The Art. (Honolulu), 2008, 1–4."]


def test_an_entry_of_a_type_biblatex_does_not_know_or_a_chapter_in_nothing_has_its_title_in_italics() -> None:
    bib = parse_bibliography(
        "@webpage{w1, author={Doe, John}, title={Web Title}, year=2013, url={http://x.org}}\n"
        "@inbook{w3, author={Doe, John}, title={Inbook Title}, year=2001}\n"
        "@movie{w4, author={Doe, John}, title={Movie Title}, year=1960, type={Film}}\n")
    refs = [format_reference(s) for s in bib.sources]
    assert [r.text for r in refs] == [
        "Doe, John. Web Title. 2013. http://x.org.", "Doe, John. Inbook Title. 2001.", "Doe, John. Movie Title. Film. 1960."]
    assert "<i>Web Title</i>" in refs[0].html


def test_an_access_date_is_printed_for_a_url_with_no_doi_or_date_and_only_when_it_is_a_date() -> None:
    bib = parse_bibliography(
        "@online{u1, title={T1}, url={http://x.org/1}, urldate={2024-04-17}}\n"
        "@online{u2, title={T2}, url={http://x.org/2}, urldate={24.03.23 r.}}\n"
        "@online{u3, title={T3}, urldate={2024-04-17}}\n"
        "@online{u4, title={T4}, url={http://x.org/4}, urldate={2024-04}}\n"
        "@online{u6, title={T6}, url={http://x.org/6}, urldate={2024-04-17}, year={2020}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "“T1.” Accessed April 17, 2024. http://x.org/1.", "“T2.” http://x.org/2.", "“T3.”",
        "“T4.” Accessed April 2024. http://x.org/4.", "“T6.” 2020. http://x.org/6."]


def test_a_day_past_the_months_end_is_printed_as_pandoc_prints_it() -> None:
    # pandoc 3.9 with the Chicago notes-bibliography style checks no day: "Accessed February 45, 2024", "February 0,
    # 2023" (LR124 and LR146 tell the author); the site prints the same, not a date pandoc would not.
    bib = parse_bibliography(
        "@online{a, title={T1}, url={http://x.org/1}, urldate={2024-02-45}}\n"
        "@online{b, title={T2}, url={http://x.org/2}, date={2023-02-00}}\n")
    csl = parse_csl('[{"id": "c", "type": "webpage", "title": "T3", "URL": "http://x.org/3", '
                    '"accessed": {"raw": "2024-02-30"}}]')
    assert [format_reference(s).text for s in (*bib.sources, *csl.sources)] == [
        "“T1.” Accessed February 45, 2024. http://x.org/1.", "“T2.” February 0, 2023. http://x.org/2.",
        "“T3.” Accessed February 30, 2024. http://x.org/3."]


def test_a_full_stop_before_a_letter_in_a_given_name_is_followed_by_a_space() -> None:
    bib = parse_bibliography(
        "@book{r4, author={Sudar, K.Muthamil and Doe, M. A. L. M.van and Roe, Ann-Marie and Poe, J.-P. and Loe, Ph.D.},"
        " title={T}, year={2006}}")
    assert format_reference(bib.sources[0]).text == (
        "Sudar, K. Muthamil, M. A. L. M. van Doe, Ann-Marie Roe, J.-P. Poe, and Ph. D. Loe. T. 2006.")


def test_latexs_named_quotation_marks_in_a_title_are_characters_as_pandoc_reads_them() -> None:
    bib = parse_bibliography(
        "@article{m, author={Doe, John}, title={{\\textquotedblleft}The Sum of All{\\textquotedblright}: A Review},"
        " journal={J}, year=2015, volume=2}")
    assert format_reference(bib.sources[0]).text == "Doe, John. ““The Sum of All”: A Review.” J 2 (2015)."


_SERIES_AND_PREPRINTS = (
    '[{"id": "s1", "type": "book", "title": "Moi aussi", "author": [{"family": "Lejeune", "given": "Philippe"}],'
    ' "collection-title": "Poétique", "collection-number": "41", "publisher": "Seuil", "language": "fr",'
    ' "issued": {"date-parts": [[1986]]}},'
    ' {"id": "s2", "type": "entry-dictionary", "title": "Mémoire", "author": [{"family": "Roe", "given": "Ann"}],'
    ' "editor": [{"family": "Simonet", "given": "Fanny"}], "container-title": "Dictionnaire", "language": "fr",'
    ' "collection-title": "Dictionnaires & références", "collection-number": 44, "publisher": "Champion",'
    ' "issued": {"date-parts": [[2017]]}},'
    ' {"id": "s3", "type": "article-journal", "title": "A paper", "author": [{"family": "Roe", "given": "Ann"}],'
    ' "container-title": "Journal", "volume": "3", "collection-number": "9", "page": "1-5",'
    ' "issued": {"date-parts": [[2017]]}},'
    ' {"id": "p1", "type": "article", "title": "A preprint title", "author": [{"family": "Doe", "given": "Jane"}],'
    ' "issued": {"date-parts": [[2020, 5, 3]]}, "DOI": "10.1234/abc", "publisher": "arXiv", "number": "2001.1234"},'
    ' {"id": "p2", "type": "article", "title": "A working paper", "author": [{"family": "Doe", "given": "Jane"}],'
    ' "issued": {"date-parts": [[2020]]}, "genre": "Working paper", "publisher": "NBER", "number": "w123"},'
    ' {"id": "p3", "type": "article", "title": "An old preprint", "author": [{"family": "Doe", "given": "Jane"}],'
    ' "issued": {"date-parts": [[1974]]}, "URL": "https://example.org/p.pdf"}]')


def test_a_csl_items_series_and_a_preprint_print_as_pandocs_chicago_prints_them() -> None:
    # pandoc 3's own, with the CSL repository's chicago-notes-bibliography.csl: a series (collection-title and
    # collection-number) after the editors; CSL's "article" (a preprint or a working paper) quoted, with its genre
    # and number or else "Preprint" before its repository; a journal article's collection-number is no issue
    bib = parse_csl(_SERIES_AND_PREPRINTS, "refs.json")
    assert bib.problems == ()
    assert [format_reference(s).text for s in bib.sources] == [
        "Lejeune, Philippe. Moi aussi. Poétique 41. Seuil, 1986.",
        "Roe, Ann. “Mémoire.” In Dictionnaire, edited by Fanny Simonet. Dictionnaires & références 44. Champion, 2017.",
        "Roe, Ann. “A Paper.” Journal 3 (2017): 1–5.",
        "Doe, Jane. “A Preprint Title.” 2001.1234. Preprint, arXiv, May 3, 2020. https://doi.org/10.1234/abc.",
        "Doe, Jane. “A Working Paper.” Working Paper No. w123. NBER, 2020.",
        "Doe, Jane. “An Old Preprint.” Preprint, 1974. https://example.org/p.pdf."]
    french = citation_terms("fr-FR")
    assert [format_reference(s, terms=french).text for s in bib.sources[3:]] == [
        "Doe, Jane. «\u00a0A preprint title\u00a0». 2001.1234. Prépublication, arXiv, 3 mai 2020. https://doi.org/10.1234/abc.",
        "Doe, Jane. «\u00a0A working paper\u00a0». Working paper No. w123. NBER, 2020.",
        "Doe, Jane. «\u00a0An old preprint\u00a0». Prépublication, 1974. https://example.org/p.pdf."]
    # an English item's series in title case, as citeproc prints it (the French ones above as written)
    (chapter,) = parse_csl('[{"id": "c", "type": "chapter", "title": "A chapter", "author": [{"family": "Roe",'
                           ' "given": "Ann"}], "editor": [{"family": "Simonet", "given": "Fanny"}], "container-title":'
                           ' "The book", "collection-title": "Passage aux actes", "publisher": "Téraèdre",'
                           ' "issued": {"date-parts": [[2007]]}}]', "refs.json").sources
    assert format_reference(chapter).text == ("Roe, Ann. “A Chapter.” In The Book, edited by Fanny Simonet. Passage Aux"
                                              " Actes. Téraèdre, 2007.")


def test_a_bibtex_misc_entry_is_no_preprint() -> None:
    # only CSL's "article" is a preprint: a BibTeX @misc (which CSL's article is read as) keeps its italic title
    (source,) = parse_bibliography("@misc{m, author = {Doe, Jane}, title = {A note}, publisher = {arXiv},"
                                   " year = {2020}}", "refs.bib").sources
    assert source.csl_type == ""
    assert format_reference(source).text == "Doe, Jane. A Note. arXiv, 2020."


def test_editors_translators_volumes_and_editions_follow_the_order_pandoc_prints() -> None:
    # Each expected string is pandoc's own (its Chicago notes-bibliography style, as the test above): the editors of a
    # work with authors and its translators after its edition, with its volume where it has one; a chapter in no book
    # named printed as a book; the page printed "Chap., vol. 3, edited by", "Translated by … Edited by …", "et al.."
    bib = parse_bibliography(
        "@book{a, author={Doe, Jane}, title={T}, editor={Roe, Rick}, year={2019}, volume={3}, edition={2},"
        " publisher={P}}\n"
        "@book{b, author={Doe, Jane}, title={T}, year={2019}, publisher={P}, translator={Loe, Al}, editor={Roe, Rick}}\n"
        "@book{c, author={Doe, Jane}, title={T}, year={2019}, publisher={P}, translator={Loe, Al}, volume={4}}\n"
        "@inbook{d, author={Doe, Jane}, title={Chap}, editor={Roe, Rick}, publisher={P}, year={2019}, volume={3}}\n"
        "@incollection{e, author={Doe, Jane}, title={Chap}, booktitle={Book}, year={2019}, publisher={P},"
        " translator={Loe, Al}, editor={Roe, Rick}}\n"
        "@incollection{f, author={Doe, Jane}, title={Chap}, booktitle={Book}, editor={Roe, Rick and Poe, A and"
        " Loe, B and Moe, C and Noe, D and Ooe, E and Qoe, F}, year={2019}}\n"
        "@book{g, author={Doe, Jane}, title={T}, editor={Roe, Rick and Poe, A and Loe, B and Moe, C and Noe, D and"
        " Ooe, E and Qoe, F}, year={2019}}\n"
        "@book{h, author={Doe, Jane}, title={T}, volumes={2}, publisher={P}, year={2019}, series={Ser}, edition={2}}\n"
        "@book{i, author={Doe, Jane}, title={T}, volumes={1}, publisher={P}, year={2019}}\n"
        "@incollection{j, author={Doe, Jane}, title={Chap}, booktitle={Book}, series={Ser}, year={2019}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. T. 2nd ed. Vol. 3, edited by Rick Roe. P, 2019.",
        "Doe, Jane. T. Edited by Rick Roe. Translated by Al Loe. P, 2019.",
        "Doe, Jane. T. Vol. 4, translated by Al Loe. P, 2019.",
        "Doe, Jane. Chap. Vol. 3, edited by Rick Roe. P, 2019.",
        "Doe, Jane. “Chap.” In Book, edited by Rick Roe, translated by Al Loe. P, 2019.",
        "Doe, Jane. “Chap.” In Book, edited by Rick Roe, A. Poe, B. Loe, et al. 2019.",
        "Doe, Jane. T. Edited by Rick Roe, A. Poe, B. Loe, et al. 2019.",
        "Doe, Jane. T. 2nd ed. 2 vols. Ser. P, 2019.",
        "Doe, Jane. T. 1 vol. P, 2019.",
        "Doe, Jane. “Chap.” In Book. Ser. 2019."]
    german = format_reference(bib.sources[1], terms=citation_terms("de-DE")).text
    assert german == "Doe, Jane. T. Herausgegeben von Rick Roe. Übersetzt von Al Loe. P, 2019."


def test_an_entry_with_no_author_is_listed_under_what_pandoc_lists_it_under() -> None:
    # pandoc's Chicago: a work with no author under its editors (its translators then named nowhere), else its
    # translators ("Loe, Al, trans."); software and a web page under their publisher, else a web page under its
    # site's name, a newspaper article under its paper's; the page printed the title first
    bib = parse_bibliography(
        "@book{a, translator={Loe, Al and Moe, Bo}, title={T}, year={2019}, publisher={P}}\n"
        "@book{b, editor={Roe, Rick}, translator={Loe, Al}, title={T}, year={2019}, publisher={P}}\n"
        "@online{c, title={Plague}, organization={World Health Organization}, year={2017}, url={https://x.org}}\n"
        "@online{d, title={Plague}, howpublished={<b>Site</b>}, year={2017}, url={https://x.org}}\n"
        "@software{e, title={Tool}, publisher={Pub}, year={2017}, version={2}}\n"
        "@article{f, title={Plague}, journal={Times}, entrysubtype={newspaper}, date={2017-10-31}}\n"
        # the close case: a journal's article (no newspaper's) keeps its title first
        "@article{g, title={Plague}, journal={Journal}, year={2017}, volume={3}}\n")
    refs = [format_reference(s) for s in bib.sources]
    assert [r.text for r in refs] == [
        "Loe, Al, and Bo Moe, trans. T. P, 2019.",
        "Roe, Rick, ed. T. P, 2019.",
        "World Health Organization. “Plague.” 2017. https://x.org.",
        "<b>Site</b>. “Plague.” 2017. https://x.org.",
        "Pub. Tool. V. 2. Released 2017.",
        "Times. “Plague.” October 31, 2017.",
        "“Plague.” Journal 3 (2017)."]
    assert refs[3].html.startswith("&lt;b&gt;Site&lt;/b&gt;. “Plague.”")
    assert refs[5].html.startswith("<i>Times</i>. “Plague.”")
    assert format_reference(bib.sources[0], terms=citation_terms("fr-FR")).text.startswith("Loe, Al, et Bo Moe, trad.")
    csl = parse_csl('[{"id": "p", "type": "post-weblog", "title": "Plague", "container-title": "Blog",'
                    ' "issued": {"date-parts": [[2017, 10, 31]]}},'
                    ' {"id": "w", "type": "webpage", "title": "Plague", "container-title": "Site", "publisher": "Pub",'
                    ' "genre": "Text", "issued": {"date-parts": [[2017, 10, 31]]}}]', "refs.json")
    assert [format_reference(s).text for s in csl.sources] == [
        "“Plague.” Blog, October 31, 2017.", "Pub. “Plague.” Text. Site, October 31, 2017."]


def test_a_chapters_edition_comes_before_its_books_volume_as_pandoc_prints_it() -> None:
    # pandoc's Chicago: "In *Book*, 3rd ed., vol. 2." (the edition describes the book, the volume identifies it); the
    # page printed "vol. 2, 3rd ed."
    bib = parse_bibliography(
        "@incollection{a, author={Doe, Jane}, title={Chap}, booktitle={Book}, volume={2}, edition={3}, year=2019}\n"
        "@incollection{b, author={Doe, Jane}, title={Chap}, booktitle={Book}, volume={Session 6}, edition={3},"
        " editor={Roe, Rick}, publisher={P}, year=2019}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. “Chap.” In Book, 3rd ed., vol. 2. 2019.",
        "Doe, Jane. “Chap.” In Book, 3rd ed., Session 6, edited by Rick Roe. P, 2019."]


def test_a_paper_in_no_book_named_is_printed_as_a_book_is() -> None:
    # pandoc's Chicago: a conference paper with editors but no book title as a chapter in none, "“Paper.” Vol. 4,
    # edited by Rick Roe.", "2nd ed. Vol. 3, edited by"; the page printed a comma after the title ("“Paper.”, vol. 4")
    bib = parse_bibliography(
        "@inproceedings{a, author={Doe, Jane}, title={Paper}, editor={Roe, Rick}, volume={4}, publisher={P}, year=2019}\n"
        "@inproceedings{b, author={Doe, Jane}, title={Paper}, editor={Roe, Rick}, publisher={P}, year=2019}\n"
        "@inproceedings{c, author={Doe, Jane}, title={Paper}, editor={Roe, Rick}, volume={IV}, publisher={P},"
        " year=2019}\n"
        "@inproceedings{d, author={Doe, Jane}, title={Paper}, editor={Roe, Rick}, edition={2}, volume={3},"
        " publisher={P}, year=2019}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. “Paper.” Vol. 4, edited by Rick Roe. P, 2019.", "Doe, Jane. “Paper.” Edited by Rick Roe. P, 2019.",
        "Doe, Jane. “Paper.” IV, edited by Rick Roe. P, 2019.",
        "Doe, Jane. “Paper.” 2nd ed. Vol. 3, edited by Rick Roe. P, 2019."]


def test_a_reports_genre_before_its_number_is_in_title_case_as_pandoc_prints_it() -> None:
    # pandoc's Chicago: "Working Paper No. 12" of type={working paper}, "Technical Report No. 12" of biblatex's key
    # type={techreport}; the page printed "working paper No. 12", "techreport No. 12"
    bib = parse_bibliography(
        "@misc{a, author={Doe, Jane}, title={M}, number={12}, type={working paper}, year=2019}\n"
        "@techreport{b, author={Doe, Jane}, title={R}, number={12}, type={techreport}, institution={I}, year=2019}\n"
        # the close case: a French entry's genre as written, in lower case too
        "@techreport{c, author={Doe, Jane}, title={R}, number={12}, type={rapport}, institution={I}, year=2019,"
        " langid={french}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. M. Working Paper No. 12. 2019.", "Doe, Jane. R. Technical Report No. 12. I, 2019.",
        "Doe, Jane. R. rapport No. 12. I, 2019."]
    csl = parse_csl('[{"id": "r", "type": "report", "author": [{"family": "Doe", "given": "Jane"}], "title": "R",'
                    ' "number": "12", "genre": "working paper", "publisher": "I", "issued": {"date-parts": [[2019]]}}]',
                    "refs.json")
    assert format_reference(csl.sources[0]).text == "Doe, Jane. R. Working Paper No. 12. I, 2019."


def test_a_web_pages_number_is_printed_after_its_title_as_pandoc_prints_it() -> None:
    # pandoc's Chicago prints a web page's number (CSL's webpage) as a document's, with its genre; the page printed
    # no number
    bib = parse_bibliography(
        "@online{a, author={Doe, Jane}, title={Web}, number={12}, url={https://x.org}, year=2019}\n"
        "@online{b, author={Doe, Jane}, title={Web}, number={12}, type={blog post}, howpublished={Site},"
        " url={https://x.org}, year=2019}\n"
        "@online{c, title={Web}, number={3-4}, organization={Org}, url={https://x.org}, year=2019}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. “Web.” No. 12. 2019. https://x.org.",
        "Doe, Jane. “Web.” Blog Post No. 12. Site, 2019. https://x.org.", "Org. “Web.” Nos. 3-4. 2019. https://x.org."]
    csl = parse_csl('[{"id": "w", "type": "webpage", "title": "Web", "number": "12", "container-title": "Site",'
                    ' "issued": {"date-parts": [[2019]]}}]', "refs.json")
    assert format_reference(csl.sources[0]).text == "Site. “Web.” No. 12. 2019."


def test_several_volumes_of_a_book_take_the_plural_label_as_pandoc_prints_them() -> None:
    # pandoc's Chicago: "Vols. 1-2", "In *B*, vols. 1-2" (de "Bde.", it "voll.", fr "vol.", pt-BR "v."); the page
    # printed "Vol. 1-2"
    bib = parse_bibliography(
        "@book{a, author={Doe, Jane}, title={A}, volume={1-2}, year=2019}\n"
        "@incollection{b, author={Doe, Jane}, title={A}, booktitle={B}, volume={1-2}, year=2019}\n"
        "@book{c, author={Doe, Jane}, title={A}, volume={1}, year=2019}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. A. Vols. 1-2. 2019.", "Doe, Jane. “A.” In B, vols. 1-2. 2019.", "Doe, Jane. A. Vol. 1. 2019."]
    assert [format_reference(bib.sources[0], terms=citation_terms(lang)).text.split(". ")[2]
            for lang in ("de-DE", "it-IT", "fr-FR", "pt-BR")] == ["Bde", "Voll", "Vol", "V"]


def test_a_press_article_with_no_author_is_listed_under_its_paper_whatever_its_volume_or_issue() -> None:
    # pandoc's Chicago lists an article of a newspaper or magazine with no author under the paper's name, a volume or
    # an issue (not printed: CMOS 18 14.89) notwithstanding; the page printed its title first
    bib = parse_bibliography(
        "@article{a, title={Vol}, journal={Times}, entrysubtype={newspaper}, volume={3}, year={2019}, month=may}\n"
        "@article{b, title={Num}, journal={Spiegel}, entrysubtype={magazine}, number={9}, date={1990-02-26}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Times. “Vol.” May 2019.", "Spiegel. “Num.” February 26, 1990."]


def test_version_series_and_report_numbers_as_pandoc_prints_them() -> None:
    # pandoc's Chicago: software's version "V." in English ("Version" in German), "released" after its publisher; a
    # series number or a report number not in figures as written, a series' after a comma ("Handbücher, 29.2"); a
    # BibTeX series in title case; CSL's version and number-of-volumes read
    bib = parse_bibliography(
        "@software{a, author={Doe, Jane}, title={Tool}, version={1.2}, publisher={Zenodo}, year={2019}, month={4}}\n"
        "@book{b, author={Doe, Jane}, title={T}, series={Handbücher zur Sprache}, number={29.2}, publisher={P},"
        " year={2019}}\n"
        "@book{c, author={Doe, Jane}, title={T}, series={Studies on language acquisition}, number={12a},"
        " publisher={P}, year={2019}}\n"
        "@techreport{d, author={Doe, Jane}, title={T}, number={RR-7535}, institution={P}, year={2019}}\n"
        "@techreport{e, author={Doe, Jane}, title={T}, number={3-4}, type={Working Paper}, institution={P},"
        " year={2019}}\n"
        "@techreport{f, author={Doe, Jane}, title={T}, number={12}, institution={P}, year={2019}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. Tool. V. 1.2. Zenodo, released April 2019.",
        "Doe, Jane. T. Handbücher Zur Sprache, 29.2. P, 2019.",
        "Doe, Jane. T. Studies on Language Acquisition 12a. P, 2019.",
        "Doe, Jane. T. RR-7535. P, 2019.",
        "Doe, Jane. T. Working Paper Nos. 3-4. P, 2019.",
        "Doe, Jane. T. No. 12. P, 2019."]
    assert format_reference(bib.sources[0], terms=citation_terms("de-DE")).text == (
        "Doe, Jane. Tool. Version 1.2. Zenodo, released April 2019.")
    csl = parse_csl('[{"id": "s", "type": "software", "author": [{"family": "Doe", "given": "Jane"}], "title": "Tool",'
                    ' "version": "1.2", "publisher": "Zenodo", "issued": {"date-parts": [[2019, 4, 3]]}},'
                    ' {"id": "b", "type": "book", "author": [{"family": "Doe", "given": "Jane"}], "title": "Tool",'
                    ' "number-of-volumes": "3", "publisher": "P", "issued": {"date-parts": [[2019]]}}]', "refs.json")
    assert [format_reference(s).text for s in csl.sources] == [
        "Doe, Jane. Tool. V. 1.2. Zenodo, released April 3, 2019.", "Doe, Jane. Tool. 3 vols. P, 2019."]


def test_press_articles_eprints_volumes_and_container_subtitles_as_pandoc_prints_them() -> None:
    # pandoc's Chicago: a newspaper's or magazine's article by its date alone (no volume, issue or page); an e-print in
    # arXiv, JSTOR, PubMed or Google Books linked where no URL is given; a volume not in figures with no "vol."; a
    # journal's or book's subtitle after a colon. The page printed "Spiegel, no. 9 (February 1990): 204–8", no link,
    # "Vol. Volume 27" and the title alone
    bib = parse_bibliography(
        "@article{a, author={Doe, Jane}, title={T}, journaltitle={Zeitung}, journalsubtitle={Medien},"
        " entrysubtype={newspaper}, date={2011-11-17}, pages={17}, location={München}}\n"
        "@article{b, author={Doe, Jane}, title={T}, journaltitle={Spiegel}, entrysubtype={magazine},"
        " date={1990-02-26}, number={9}, pages={204--208}}\n"
        "@misc{c, author={Doe, Jane}, title={T}, year=2020, eprint={2002.01674}, archiveprefix={arXiv}}\n"
        "@book{d, author={Doe, Jane}, title={T}, eprint={abc}, eprinttype={googlebooks}, year=2016}\n"
        "@book{e, author={Doe, Jane}, title={T}, volume={Volume 27}, publisher={P}, year=2016}\n"
        "@incollection{f, author={Doe, Jane}, title={T}, booktitle={B}, booksubtitle={Sub}, volume={Session 6},"
        " publisher={P}, year=2016}\n"
        # the close cases: a URL given wins over the e-print's; a volume with a letter is a number ("Vol. 2a")
        "@book{g, author={Doe, Jane}, title={T}, url={https://x.org}, eprint={2002.01674}, eprinttype={arxiv},"
        " year=2016}\n"
        "@book{h, author={Doe, Jane}, title={T}, volume={2a}, publisher={P}, year=2016}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. “T.” Zeitung: Medien (München), November 17, 2011.",
        "Doe, Jane. “T.” Spiegel, February 26, 1990.",
        "Doe, Jane. T. 2020. https://arxiv.org/abs/2002.01674.",
        "Doe, Jane. T. 2016. https://books.google.com?id=abc.",
        "Doe, Jane. T. Volume 27. P, 2016.",
        "Doe, Jane. “T.” In B: Sub, Session 6. P, 2016.",
        "Doe, Jane. T. 2016. https://x.org.",
        "Doe, Jane. T. Vol. 2a. P, 2016."]


def test_a_data_set_and_a_csl_document_have_their_title_quoted_as_pandoc_prints_them() -> None:
    # pandoc's Chicago quotes the title of a data set (BibTeX @dataset, CSL dataset) and of a CSL document; the page
    # set both in italics ("Doe, Jane. Data. Zenodo, 2022."); a BibTeX @misc stays in italics
    bib = parse_bibliography("@dataset{a, author={Doe, Jane}, title={Data}, publisher={Zenodo}, version={2},"
                             " url={https://x.org}, year={2022}}\n"
                             "@misc{b, author={Doe, Jane}, title={Doc}, publisher={P}, year={2022}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. “Data.” Version 2. Zenodo, 2022. https://x.org.", "Doe, Jane. Doc. P, 2022."]
    csl = parse_csl('[{"id": "d", "type": "document", "author": [{"family": "Doe", "given": "Jane"}], "title": "Doc",'
                    ' "publisher": "P", "issued": {"date-parts": [[2022, 3, 4]]}}]', "refs.json")
    assert format_reference(csl.sources[0]).html == "Doe, Jane. “Doc.” P, March 4, 2022."


def test_publishers_and_places_joined_by_and_are_several_as_pandoc_reads_them() -> None:
    # pandoc's biblatex reader splits a publisher, institution, school or place at "and" outside braces and prints
    # them joined by "; " ("Simon; Schuster"); the page printed "Simon and Schuster"
    bib = parse_bibliography(
        "@book{a, author={Doe, Jane}, title={T}, publisher={Simon and Schuster}, year=2016}\n"
        "@phdthesis{b, author={Doe, Jane}, title={T}, school={Dept of A and B}, year=2016}\n"
        "@book{c, author={Doe, Jane}, title={T}, address={New York and London}, year=2016}\n"
        # the close cases: in braces one name, and a BibTeX @misc's howpublished as written
        "@book{d, author={Doe, Jane}, title={T}, publisher={{Simon and Schuster}}, year=2016}\n"
        "@misc{e, author={Doe, Jane}, title={T}, howpublished={A and B}, year=2016}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. T. Simon; Schuster, 2016.", "Doe, Jane. “T.” PhD thesis, Dept of A; B, 2016.",
        "Doe, Jane. T. New York; London, 2016.", "Doe, Jane. T. Simon and Schuster, 2016.",
        "Doe, Jane. T. A and B, 2016."]


def test_a_word_with_a_braced_accent_keeps_its_case_as_pandoc_reads_it() -> None:
    # pandoc's BibTeX reader takes the letters before a letter's accent in braces as a word of their own, which title
    # case leaves alone when it is one letter ("m{\'e}thodes", "f{\"u}r" as written); the page printed "Nouvelles
    # Méthodes", "Zeitschrift Für"
    bib = parse_bibliography(
        "@article{a, author={Doe, Jane}, title={Nouvelles m{\\'e}thodes pour la d{\\'e}termination},"
        " journal={Zeitschrift f{\\\"u}r Physik}, year=2016}\n"
        "@article{b, author={Doe, Jane}, title={{\\'E}tude des m{\\'e}thodes}, journal={J}, year=2016}\n"
        # the close cases: an accent without braces is a letter like any other, and one after two letters or more
        # leaves the word to title case ("bez{\"u}glich": "Bezüglich")
        "@article{c, author={Doe, Jane}, title={Nouvelles m\\'ethodes}, journal={Zeitschrift f\\\"ur Physik},"
        " year=2016}\n"
        "@article{d, author={Doe, Jane}, title={Eine Forderung bez{\\\"u}glich des Elektrons}, journal={J},"
        " year=2016}\n"
        # and a capital before the braces is in lower case in a title, as pandoc's sentence case puts it
        "@article{e, author={Doe, Jane}, title={Sur les T{\\'e}l{\\'e}communications}, journal={J}, year=2016}\n"
        # but not a title's first word, nor one after a colon, nor one in braces with the word ("{M{\'O}Wik}")
        "@article{g, author={Doe, Jane}, title={M{\\'e}moire: T{\\'e}l{\\'e}com et r{\\'e}seaux}, journal={J},"
        " year=2016}\n"
        "@article{f, author={Doe, Jane}, title={Za pomoc{\\k{a}} programu {M{\\'O}Wik}}, journal={J}, year=2014}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. “Nouvelles méthodes Pour La détermination.” Zeitschrift für Physik, 2016.",
        "Doe, Jane. “Étude Des méthodes.” J, 2016.",
        "Doe, Jane. “Nouvelles Méthodes.” Zeitschrift Für Physik, 2016.",
        "Doe, Jane. “Eine Forderung Bezüglich Des Elektrons.” J, 2016.",
        "Doe, Jane. “Sur Les télécommunications.” J, 2016.", "Doe, Jane. “Mémoire: Télécom Et réseaux.” J, 2016.",
        "Doe, Jane. “Za Pomocą Programu MÓWik.” J, 2014."]


def test_a_letter_before_a_braced_accent_opens_a_title_in_capitals_as_pandoc_prints_it() -> None:
    # pandoc's title case capitalises the one letter before the braces when it opens the title or follows a colon,
    # in a title as in a journal's or book's name; a word whose accent opens it ("{\'e}tude") stays as written
    bib = parse_bibliography(
        "@article{a, author={Doe, Jane}, title={t{\\'e}l{\\'e}com x}, journal={f{\\\"u}r Physik}, year=2019}\n"
        "@article{b, author={Doe, Jane}, title={A: t{\\'e}l{\\'e}com x}, journal={Physik: f{\\\"u}r a}, year=2019}\n"
        "@incollection{c, author={Doe, Jane}, title={Chap}, booktitle={m{\\'e}thodes: m{\\'e}thodes}, year=2019}\n"
        "@article{d, author={Doe, Jane}, title={{\\'e}tude: {\\'e}tude}, journal={J}, year=2019}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. “Télécom x.” Für Physik, 2019.", "Doe, Jane. “A: Télécom x.” Physik: Für a, 2019.",
        "Doe, Jane. “Chap.” In Méthodes: Méthodes. 2019.", "Doe, Jane. “étude: étude.” J, 2019."]


def test_a_braced_accent_with_a_space_in_it_keeps_its_word_as_written() -> None:
    # "{\c c}", "{\v s}": the accent's letter after a space, within the braces, is one word with what follows
    bib = parse_bibliography(
        "@book{a, author={Doe, Jane}, title={A {\\c c}a b}, year=2019}\n"
        "@book{b, author={Doe, Jane}, title={A {\\v s}a b}, year=2019}\n"
        "@book{c, author={Doe, Jane}, title={{\\c c}a b}, year=2019}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. A ça b. 2019.", "Doe, Jane. A ša b. 2019.", "Doe, Jane. ça b. 2019."]


def test_a_misc_or_unpublished_entrys_number_is_printed_as_pandoc_prints_it() -> None:
    # pandoc's Chicago prints the number of a BibTeX @misc or @unpublished item (CSL's document, manuscript) after its
    # title, with its genre ("Memo No. 12."), one not in figures as written, and in a journal after its name; the
    # page left it out
    bib = parse_bibliography(
        "@misc{a, author={Doe, Jane}, title={T}, number={arXiv:1310.4546}, publisher={arXiv}, year=2013}\n"
        "@misc{b, author={Doe, Jane}, title={T}, number={12}, year=2013, type={Memo}}\n"
        "@unpublished{c, author={Doe, Jane}, title={T}, number={12}, year=2013}\n"
        "@misc{d, author={Doe, Jane}, title={T}, journal={Blog}, number={3}, volume={2}, publisher={P}, year=2013}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, Jane. T. arXiv:1310.4546. arXiv, 2013.", "Doe, Jane. T. Memo No. 12. 2013.",
        "Doe, Jane. “T.” No. 12. 2013.", "Doe, Jane. “T.” In Blog, No. 3, vol. 2. P, 2013."]


@pytest.mark.parametrize(("month", "shown"), [
    # The month pandoc 3.9 reads: a number, a month's three letters in any case, or the English name BibTeX's month
    # macro gives (``month = jun``); any other text it leaves out of the entry ("Jun.", "Sept", "june", "Mai",
    # "21 October").
    ("{1}", "1 (January 2000)"), ("{12}", "1 (December 2000)"), ("{Jun}", "1 (June 2000)"),
    ("{sep}", "1 (September 2000)"), ("jun", "1 (June 2000)"), ("{May}", "1 (May 2000)"),
    ("{Jun.}", "1 (2000)"), ("{Sept}", "1 (2000)"), ("{june}", "1 (2000)"), ("{Mai}", "1 (2000)"),
    ("{21 October}", "1 (2000)"), ("{Mai/Juni}", "1 (2000)"),
])
def test_a_month_pandoc_does_not_read_is_left_out(month: str, shown: str) -> None:
    bib = parse_bibliography(f"@article{{a, author={{Doe, J.}}, title={{T}}, journal={{J}}, year={{2000}},"
                             f" volume={{1}}, month={month}}}")
    assert format_reference(bib.sources[0]).text == f"Doe, J. “T.” J {shown}."


@pytest.mark.parametrize(("month", "day", "parts", "shown"), [
    # pandoc 3.9 (``-f biblatex -t csljson``, and its Chicago entries): a month macro, its three letters braced in any
    # case, a number (braced, quoted, padded); "june" and "JUNE" it leaves out, and the day with them. "{June}" it
    # leaves out too, but the loader gives the macro ``jun`` as "June", so both read it as June, alike.
    ("jun", "", [2000, 6], "June 2000"), ("{JUN}", "", [2000, 6], "June 2000"), ("{June}", "", [2000, 6], "June 2000"),
    ("{june}", "", [2000], "2000"), ("{JUNE}", "", [2000], "2000"), ("6", "", [2000, 6], "June 2000"),
    ('"6"', "", [2000, 6], "June 2000"), ("{ 06 }", "{005}", [2000, 6, 5], "June 5, 2000"),
    ("jun", "{5th}", [2000, 6], "June 2000"), ("{june}", "{5}", [2000], "2000"),
])
def test_the_month_and_day_are_read_by_one_rule_for_the_entry_and_the_csl_json(
        month: str, day: str, parts: list[int], shown: str) -> None:
    from litreview.render.csljson import issued_parts

    bib = parse_bibliography(f"@online{{a, author={{Doe, J.}}, title={{T}}, year={{2000}}, month={month}"
                             + (f", day={day}" if day else "") + "}")
    assert issued_parts(bib.sources[0]) == [parts]
    assert format_reference(bib.sources[0]).text == f"Doe, J. “T.” {shown}."


def test_a_biblatex_date_gives_the_month_before_the_month_field() -> None:
    # pandoc: date = {2000-06} with month = jul is June 2000, in the entry and in the CSL-JSON
    from litreview.render.csljson import issued_parts

    bib = parse_bibliography("@online{a, author={Doe, J.}, title={T}, date={2000-06}, month=jul}")
    assert issued_parts(bib.sources[0]) == [[2000, 6]]
    assert format_reference(bib.sources[0]).text == "Doe, J. “T.” June 2000."


def test_a_report_or_book_in_a_container_is_printed_inside_it() -> None:
    # pandoc 3.9's own entries (chicago-notes-bibliography, en-US): a CSL report with a container-title (Manubot's
    # arXiv preprints) quoted, "In" its container with its number, version, volume and editors; a CSL book in italics
    # with its edition there and its series after; a BibTeX report's journal as its container
    csl = parse_csl(json.dumps([
        {"id": "r1", "type": "report", "title": "Rules", "author": [{"family": "Doe", "given": "Jane"}],
         "container-title": "arXiv", "publisher": "arXiv", "number": "1702.02540", "issued": {"date-parts": [[2017]]},
         "URL": "https://arxiv.org/abs/1702.02540"},
        {"id": "r2", "type": "report", "title": "Rules", "author": [{"family": "Doe", "given": "Jane"}],
         "container-title": "arXiv", "publisher": "arXiv", "number": "1511.06434v2", "version": "v2",
         "issued": {"date-parts": [[2015]]}},
        {"id": "r3", "type": "report", "title": "Rules", "author": [{"family": "Doe", "given": "Jane"}],
         "container-title": "NBER Working Papers", "publisher": "NBER", "number": "12", "genre": "Working paper",
         "issued": {"date-parts": [[2015]]}},
        {"id": "r5", "type": "report", "title": "Rules", "author": [{"family": "Doe", "given": "Jane"}],
         "container-title": "Big Report", "editor": [{"family": "Roe", "given": "Ann"}], "publisher": "P",
         "issued": {"date-parts": [[2015]]}},
        {"id": "r8", "type": "report", "title": "Rules", "author": [{"family": "Doe", "given": "Jane"}],
         "container-title": "Reports", "volume": "3", "publisher": "P", "number": "RR-12",
         "issued": {"date-parts": [[2015]]}},
        {"id": "b1", "type": "book", "title": "Things", "author": [{"family": "Doe", "given": "Jane"}],
         "container-title": "Methods in Chemistry", "volume": "41", "publisher": "Wiley",
         "issued": {"date-parts": [[2009, 7, 15]]}},
        {"id": "b3", "type": "book", "title": "Things", "author": [{"family": "Doe", "given": "Jane"}],
         "container-title": "Methods in Chemistry", "collection-title": "Series", "collection-number": "3",
         "edition": "2", "publisher": "Wiley", "issued": {"date-parts": [[2009]]}},
    ]), "refs.json")
    bib = parse_bibliography("@techreport{t3, author={Doe, Jane}, title={Rules}, institution={NBER}, number={12},"
                             " journal={Big Journal}, year=2015}\n"
                             "@book{t4, author={Doe, Jane}, title={Things}, journal={Big Journal}, publisher={I},"
                             " year=2013}", "refs.bib")
    assert [format_reference(s).text for s in (*csl.sources, *bib.sources)] == [
        "Doe, Jane. “Rules.” In arXiv, 1702.02540. arXiv, 2017. https://arxiv.org/abs/1702.02540.",
        "Doe, Jane. “Rules.” In arXiv, 1511.06434v2, version v2. arXiv, 2015.",
        "Doe, Jane. “Rules.” In NBER Working Papers, Working Paper No. 12. NBER, 2015.",
        "Doe, Jane. “Rules.” In Big Report, edited by Ann Roe. P, 2015.",
        "Doe, Jane. “Rules.” In Reports, RR-12, vol. 3. P, 2015.",
        "Doe, Jane. Things. In Methods in Chemistry, vol. 41. Wiley, 2009.",
        "Doe, Jane. Things. In Methods in Chemistry, 2nd ed. Series 3. Wiley, 2009.",
        "Doe, Jane. “Rules.” In Big Journal, No. 12. NBER, 2015.", "Doe, Jane. Things. In Big Journal. I, 2013."]


def test_an_unpublished_work_is_dated_in_full() -> None:
    # pandoc 3.9's own entries (chicago-notes-bibliography, en-US): a BibTeX @unpublished and a CSL manuscript dated
    # to the day or month, as CMOS 18 dates a manuscript
    bib = parse_bibliography(
        "@unpublished{u5, author={Pallas, C.}, title={T5}, year={2017}, howpublished={Talk}, month=may, day=3}\n"
        "@unpublished{u6, author={Pallas, C.}, title={T6}, date={2017-05-03}, url={https://x.org}}\n"
        "@unpublished{u8, author={Pallas, C.}, title={T8}, year=2017, month=may, url={https://x.org}, number={12}}\n",
        "refs.bib")
    csl = parse_csl('[{"id": "m2", "type": "manuscript", "title": "M2", "author": [{"family": "Doe", "given": "J."}],'
                    ' "issued": {"date-parts": [[2017, 5, 3]]}, "publisher": "Uni", "genre": "Unpublished manuscript"}]')
    assert [format_reference(s).text for s in (*bib.sources, *csl.sources)] == [
        "Pallas, C. “T5.” Talk, May 3, 2017.", "Pallas, C. “T6.” May 3, 2017. https://x.org.",
        "Pallas, C. “T8.” No. 12. May 2017. https://x.org.",
        "Doe, J. “M2.” Unpublished manuscript. Uni, May 3, 2017."]


@pytest.mark.parametrize(("lang", "first", "second"), [
    # pandoc 3.9's own entries (chicago-notes-bibliography): a chapter's number before its book, "Chap." in every
    # language but Brazilian Portuguese's "Cap.", "in" the language's word
    ("en-US", "Chap. 11 in Book, edited by Ann Roe. P, 2000.", "Chaps. 3-4 in Book. P, 2000."),
    ("de-DE", "Chap. 11 in Book, herausgegeben von Ann Roe. P, 2000.", "Chaps. 3-4 in Book. P, 2000."),
    ("es-ES", "Chap. 11 en Book, editado por Ann Roe. P, 2000.", "Chaps. 3-4 en Book. P, 2000."),
    ("pt-BR", "Cap. 11 em Book, organizado por Ann Roe. P, 2000.", "Cap. 3-4 em Book. P, 2000."),
])
def test_a_chapter_number_is_printed_before_its_book(lang: str, first: str, second: str) -> None:
    bib = parse_bibliography(
        "@incollection{c1, author={Doe, Jane}, title={Chap}, booktitle={Book}, chapter={11}, editor={Roe, Ann},"
        " publisher={P}, year=2000, pages={3--9}}\n"
        "@incollection{c6, author={Doe, Jane}, title={Chap}, booktitle={Book}, chapter={3-4}, publisher={P}, year=2000}\n"
        "@inbook{c2, author={Doe, Jane}, title={Chap}, booktitle={Book}, chapter={Eleven}, publisher={P}, year=2000}\n"
        "@book{c5, author={Doe, Jane}, title={Book}, chapter={3}, publisher={P}, year=2000}\n", "refs.bib")
    found = [Citations().reference(s, language=lang).text.split(" ", 3)[3] for s in bib.sources]
    word = first.split(" ")[2]  # "in", "en", "em"
    assert found == [first, second, f"Eleven {word} Book. P, 2000.", "P, 2000."]


def test_an_article_with_a_booktitle_and_no_journal_has_no_container() -> None:
    # pandoc 3.9's own entries (chicago-notes-bibliography, en-US): pandoc's biblatex reader takes an article's
    # container from its journal alone, so a @article with a booktitle (IEEE's and OpenReview's exports) is a work of
    # its own, its title in italics
    bib = parse_bibliography(
        "@article{a1, author={Lee, Mihee}, booktitle={2021 IEEE Conference (CVPRW)}, title={Private VAE},"
        " year={2021}, volume={}, number={}, pages={1692-1700}, doi={10.1109/CVPRW53098.2021.00185}}\n"
        "@article{a3, author={Lee, Mihee}, booktitle={Book T}, journal={J}, title={Both}, year={2021}, volume=3}\n"
        "@article{a4, author={Lee, Mihee}, booktitle={Book T}, title={Vol}, year={2021}, volume=3, number=2}\n",
        "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Lee, Mihee. Private VAE. 2021, 1692–700. https://doi.org/10.1109/CVPRW53098.2021.00185.",
        "Lee, Mihee. “Both.” J 3 (2021).", "Lee, Mihee. Vol. 3, no. 2 (2021)."]


def test_a_booktitle_of_a_type_pandoc_reads_none_for_is_no_container() -> None:
    # pandoc 3.9's own entries (chicago-notes-bibliography, en-US): pandoc's biblatex reader takes booktitle as the
    # container of a part of a book alone (@inbook, @incollection, @inproceedings, @bookinbook, @inreference); a
    # Mendeley @misc with one ("booktitle = {Psychological Science}") was "“How Diagrams ...” Vol. 4. Psychological
    # Science, 1993." on the site
    bib = parse_bibliography(
        "@misc{m1, author={Bauer, Malcolm I.}, title={How Diagrams Can Improve Reasoning}, booktitle={Psychological "
        "Science}, year={1993}, volume={4}, pages={372--378}, doi={10.1111/j.1467-9280.1993.tb00584.x}}\n"
        "@misc{m2, author={Menzel, Christopher}, title={Possible Worlds}, booktitle={Stanford Encyclopedia of "
        "Philosophy}, year={2013}, url={https://philpapers.org/rec/MENPW-2}}\n"
        "@book{b1, author={Doe, Jane}, title={Book}, booktitle={Series Name}, publisher={P}, year={2000}}\n"
        "@inreference{r1, author={Doe, Jane}, title={Entry}, booktitle={Encyclopedia}, publisher={P}, year={2000}}\n",
        "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Bauer, Malcolm I. How Diagrams Can Improve Reasoning. Vol. 4. 1993. "
        "https://doi.org/10.1111/j.1467-9280.1993.tb00584.x.",
        "Menzel, Christopher. Possible Worlds. 2013. https://philpapers.org/rec/MENPW-2.",
        "Doe, Jane. Book. P, 2000.", "Doe, Jane. “Entry.” In Encyclopedia. P, 2000."]


def test_a_short_doi_is_linked_as_pandoc_links_it() -> None:
    # pandoc 3.9 (chicago-notes-bibliography): doi = {10/bqhp9z} is "https://doi.org/10/bqhp9z", which doi.org
    # resolves to the DOI it stands for; text that is no DOI stays text
    bib = parse_bibliography(
        "@article{a, author={Doe, J.}, title={T}, journal={J}, volume={53}, year={2008}, doi={10/bqhp9z}}\n"
        "@article{b, author={Doe, J.}, title={T}, journal={J}, volume={53}, year={2008}, doi={see the paper}}\n",
        "refs.bib")
    first, second = (format_reference(s) for s in bib.sources)
    assert first.text == "Doe, J. “T.” J 53 (2008). https://doi.org/10/bqhp9z."
    assert 'href="https://doi.org/10/bqhp9z"' in first.html
    assert second.text == "Doe, J. “T.” J 53 (2008). DOI: see the paper."


def test_every_straight_apostrophe_of_a_bibtex_entry_is_printed_curly() -> None:
    # pandoc 3.9 (chicago-notes-bibliography): a straight mark is "’" wherever it stands in a BibTeX field, opening a
    # word too ("at ’Rage Giving’", "the ’double’ quasar"), as after a letter ("don’t") and before a figure ("’15")
    bib = parse_bibliography(
        "@article{p7, author={O'Doe, J.}, title={Gratitude at 'Rage Farming' and ' x and x'}, journal={J}, year=2015}\n"
        "@book{p5, author={Doe, J.}, title={ICSE '07 and 'quoted' don't}, year=2015, publisher={O'Reilly}}\n",
        "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "O’Doe, J. “Gratitude at ’Rage Farming’ and ’ x and x’.” J, 2015.",
        "Doe, J. ICSE ’07 and ’Quoted’ Don’t. O’Reilly, 2015."]


def test_the_reference_list_is_ordered_as_pandoc_collates_it() -> None:
    # pandoc 3.9's order of these entries (chicago-notes-bibliography: Unicode collation): an accented letter, and
    # "Æ", "Ø", "Ł", beside its base letter ("Çelik" after "Celik", before "Cemal"), not after "Z"
    from litreview.render.citation import reference_sort_key

    order = ["Abd", "Abel", "Ábel", "Aeth", "Æther", "Afa", "Celik", "Çelik", "Cemal", "d'Arcy", "van Dijk",
             "Dutton", "Ibsen", "İnan", "Işık", "Iz", "Lukas", "Łukasz", "Lum", "Ølsen", "Olt", "Oz", "Öz", "Ozz",
             "Sen", "Şen", "Sez", "Vance", "de Vries", "Zed"]
    bib = parse_bibliography("".join(f"@book{{k{i}, author={{{name}, A.}}, title={{T}}, publisher={{P}}, year=2000}}\n"
                                     for i, name in enumerate(reversed(order))), "refs.bib")
    texts = {format_reference(s).text: s.key for s in bib.sources}
    ordered = [texts[t] for t in sorted(texts, key=reference_sort_key)]
    assert ordered == [f"k{len(order) - 1 - i}" for i in range(len(order))]


def test_an_articles_series_is_printed_in_sentence_case_as_pandoc_reads_it() -> None:
    # pandoc 3.9's own entries (chicago-notes-bibliography, en-US): pandoc's biblatex reader puts an English entry's
    # series in sentence case, and the style prints it so beside an article or a paper in its proceedings: a
    # capitalised word in lower case ("Part I" too), but the first, one after a colon or full stop, one with more
    # capitals ("LNCS", "McGraw") and one in braces; a German entry's, or one all in braces, as written
    bib = parse_bibliography(
        "@inproceedings{s1, author={Doe, J.}, title={T}, booktitle={Proc}, series={Lecture Notes in Computer Science},"
        " volume={9169}, year=2015}\n"
        "@inproceedings{s2, author={Doe, J.}, title={T}, booktitle={Proc}, series={LNCS}, year=2015}\n"
        "@inproceedings{s3, author={Doe, J.}, title={T}, booktitle={Proc},"
        " series={Advances in {AI}: Part I and McGraw Stuff}, year=2015}\n"
        "@inproceedings{s4, author={Doe, J.}, title={T}, booktitle={Proc}, series={Studies in Logic. The Best-Known Work},"
        " year=2015}\n"
        "@inproceedings{s5, author={Doe, J.}, title={T}, booktitle={Proc}, series={Lecture Notes in Computer Science},"
        " langid={german}, year=2015}\n"
        "@article{s6, author={Doe, J.}, title={T}, journal={J}, series={New Series Of Things}, volume=3, year=2015}\n"
        "@inproceedings{s7, author={Doe, J.}, title={T}, booktitle={Proc}, series={{Lecture Notes in Computer Science}},"
        " year=2015}\n"
        "@inproceedings{s8, author={Doe, J.}, title={T}, booktitle={Proc}, series={The X-Ray Series of \u00c9lan and"
        " {\\\"U}ber}, year=2015}\n", "refs.bib")
    assert [format_reference(s).text.split("Proc, ")[-1].split("J, ")[-1] for s in bib.sources] == [
        "Lecture notes in computer science, vol. 9169 (2015).", "LNCS, 2015.",
        "Advances in AI: Part i and McGraw stuff, 2015.", "Studies in logic. The best-known work, 2015.",
        "Lecture Notes in Computer Science, 2015.", "New series of things, vol. 3 (2015).",
        "Lecture Notes in Computer Science, 2015.", "The x-ray series of élan and Über, 2015."]


@pytest.mark.parametrize(("kind", "container", "shown"), [
    # pandoc 3.9's own entries (chicago-notes-bibliography, en-US) for CSL items dated 2024-11-26 with a URL: a
    # document, data set, manuscript, letter, standard, software or preprint in a container "In" it, a sentence of its
    # own; a blog post or standard with no container in italics; an encyclopedia's entry, a letter, a standard and a
    # song dated in full
    ("document", "Cont", "“Title.” In Cont. November 26, 2024."),
    ("dataset", "Cont", "“Title.” In Cont. November 26, 2024."),
    ("manuscript", "Cont", "“Title.” In Cont. November 26, 2024."),
    ("personal_communication", "Cont", "“Title.” In Cont. November 26, 2024."),
    ("personal_communication", "", "“Title.” November 26, 2024."),
    ("standard", "Cont", "“Title.” In Cont. November 26, 2024."),
    ("standard", "", "Title. November 26, 2024."),
    ("software", "Cont", "“Title.” In Cont. Released November 26, 2024."),
    ("article", "Cont", "“Title.” In Cont. Preprint, November 26, 2024."),
    ("post-weblog", "", "Title. November 26, 2024."),
    ("entry-encyclopedia", "Cont", "“Title.” In Cont. November 26, 2024."),
    ("entry-dictionary", "", "Title. November 26, 2024."),
    ("song", "", "Title. November 26, 2024."),
    # a talk or interview quoted; a talk, song, image or map "In" its container (an image or map in italics); a
    # broadcast's or film's container a sentence of its own, with no "In"
    ("speech", "", "“Title.” November 26, 2024."), ("interview", "", "“Title.” November 26, 2024."),
    ("speech", "Cont", "“Title.” In Cont. November 26, 2024."), ("song", "Cont", "“Title.” In Cont. November 26, 2024."),
    ("graphic", "Cont", "Title. In Cont. November 26, 2024."), ("map", "Cont", "Title. In Cont. November 26, 2024."),
    ("broadcast", "Cont", "“Title.” Cont. November 26, 2024."), ("motion_picture", "Cont", "“Title.” Cont. 2024."),
])
def test_a_csl_item_in_a_container_or_dated_in_full(kind: str, container: str, shown: str) -> None:
    item = {"id": "a", "type": kind, "title": "Title", "author": [{"family": "Doe", "given": "J."}],
            "issued": {"date-parts": [[2024, 11, 26]]}, "URL": "https://x.org"}
    if container:
        item["container-title"] = container
    source = parse_csl(json.dumps([item]), "refs.json").sources[0]
    assert format_reference(source).text == f"Doe, J. {shown} https://x.org."


def test_an_event_is_described_after_the_title_as_pandoc_prints_it() -> None:
    # pandoc 3.9's own entries (chicago-notes-bibliography, en-US): biblatex's eventtitle (in sentence case), eventdate
    # and venue after the title, with the date where nothing else follows ("X conference, Honolulu, 2008."), else a
    # sentence of their own; a venue alone no event; an online item with a publisher no event
    bib = parse_bibliography(
        "@misc{e7, author={Doe, J.}, title={Talk}, eventtitle={X Conference}, venue={Honolulu}, year=2008}\n"
        "@misc{e9, author={Doe, J.}, title={Talk}, venue={Honolulu}, year=2008}\n"
        "@misc{f1, author={Doe, J.}, title={Talk}, eventtitle={X Conference}, venue={Honolulu}, eventdate={2008-05-03},"
        " year=2008}\n"
        "@misc{g1, author={Doe, J.}, title={Talk}, eventtitle={X Conference}, venue={Honolulu},"
        " eventdate={2008-05-03/2008-05-05}, year=2008}\n"
        "@misc{g5, author={Doe, J.}, title={Talk}, venue={Honolulu}, eventdate={2008-05}, year=2008}\n"
        "@book{f6, author={Doe, J.}, title={Talk}, eventtitle={X Conference}, venue={Honolulu}, year=2008,"
        " publisher={P}}\n"
        "@misc{f3, author={Doe, J.}, title={Talk}, eventtitle={X Conference}, venue={Honolulu}, howpublished={Talk},"
        " year=2008, url={https://x.org}}\n"
        "@online{f5, author={Doe, J.}, title={Talk}, eventtitle={X Conference}, venue={Honolulu}, year=2008,"
        " url={https://x.org}}\n"
        "@online{g3, author={Doe, J.}, title={Talk}, eventtitle={X Conference}, venue={Honolulu}, year=2008,"
        " url={https://x.org}, organization={Org}}\n"
        "@misc{f8, author={Doe, J.}, title={Talk}, eventtitle={X Conference}, venue={Honolulu}, year=2008,"
        " type={Keynote}}\n", "refs.bib")
    assert [format_reference(s).text.removeprefix("Doe, J. ") for s in bib.sources] == [
        "Talk. X conference, Honolulu, 2008.", "Talk. 2008.", "Talk. X conference, May 3, 2008, Honolulu. 2008.",
        "Talk. X conference, May 3–5, 2008, Honolulu. 2008.", "Talk. May 2008, Honolulu. 2008.",
        "Talk. X conference, Honolulu. P, 2008.", "Talk. X conference, Honolulu. Talk, 2008. https://x.org.",
        "“Talk.” X conference, Honolulu, 2008. https://x.org.", "“Talk.” Org, 2008. https://x.org.",
        "Talk. Keynote. X conference, Honolulu, 2008."]


def test_an_undated_entry_of_a_publisher_alone_is_dated_n_d() -> None:
    # pandoc 3.9 (chicago-notes-bibliography, en-US): a @misc with nothing but a howpublished link prints it as its
    # publisher, with "n.d." after it
    bib = parse_bibliography('@misc{peer2017, howpublished="\\url{https://x.org/a.pdf}", note="Abgerufen: 2019"}\n',
                             "refs.bib")
    assert format_reference(bib.sources[0]).text == "Https://x.org/a.pdf, n.d."


def test_a_given_name_with_a_space_before_its_hyphen_is_joined() -> None:
    # pandoc 3.9 (chicago-notes-bibliography): ADS writes "B. -O." for hyphenated initials, citeproc prints "B.-O."
    # ("Jean -Baptiste" as "Jean-Baptiste")
    bib = parse_bibliography(
        "@article{h1, author={{Demory}, B. -O. and {Pont}, F. and {Lagrange}, A. -M.}, title={T}, journal={J},"
        " year=2000}\n"
        "@article{h3, author={Delisle, J.-B. and Roe, Jean -Baptiste}, title={T}, journal={J}, year=2000}\n",
        "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Demory, B.-O., F. Pont, and A.-M. Lagrange. “T.” J, 2000.",
        "Delisle, J.-B., and Jean-Baptiste Roe. “T.” J, 2000."]


def test_a_given_name_with_a_long_run_of_blanks_is_printed_in_linear_time() -> None:
    # A CSL-JSON given name keeps its blanks as written: the pattern for a space before a hyphen tried the rest of a
    # run of them from each blank in it (20,000 blanks: 2 s, quadratic in the run) at every build of the site.
    import time

    item = {"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2000]]},
            "author": [{"family": "Roe", "given": "Al" + " " * 60_000 + "Bo"}]}
    source = parse_csl(json.dumps([item]), "refs.json").sources[0]
    start = time.process_time()
    assert format_reference(source).text.startswith("Roe, Al")
    assert time.process_time() - start < 2.0


def test_a_capitalised_word_after_a_mark_within_a_word_is_in_lower_case() -> None:
    # pandoc 3.9 (chicago-notes-bibliography, en-US): a BibTeX title read in sentence case puts a capitalised word in
    # lower case wherever it stands; title case capitalises it again after a space, a hyphen or a slash alone
    bib = parse_bibliography(
        "@article{t1, author={Doe, J.}, title={Accountability.Org Rules}, journal={J}, year=2000}\n"
        "@article{t3, author={Doe, J.}, title={Foo.Bar and Foo,Bar and Foo;Bar}, journal={J}, year=2000}\n"
        "@article{t5, author={Doe, J.}, title={A Web.Site of Node.Js and e.G. Done}, journal={J}, year=2000}\n"
        "@article{t7, author={Doe, J.}, title={A Co-Op and D'Arcy's Thing}, journal={J}, year=2000}\n"
        "@article{v1, author={Doe, J.}, title={Economy +Plus and *Star and \\%Pct and ...Dots and …Ell}, journal={J},"
        " year=2000}\n", "refs.bib")
    assert [format_reference(s).text.split("“")[1].split("”")[0] for s in bib.sources] == [
        "Accountability.org Rules.", "Foo.bar and Foo,bar and Foo;bar.", "A Web.site of Node.js and e.g. Done.",
        "A Co-Op and d’arcy’s Thing.", "Economy +Plus and *Star and %Pct and ...dots and …Ell."]


def test_more_bibtex_types_as_pandoc_prints_them() -> None:
    # pandoc 3.9's own entries (chicago-notes-bibliography, en-US): an encyclopedia's entry with no chapter number; a
    # letter, an artwork and an audio recording dated in full (CSL's personal_communication, graphic and song); a
    # thesis with no school at its place
    bib = parse_bibliography(
        "@inreference{r1, author={Doe, Jane}, title={Entry}, booktitle={Encyclopedia}, chapter={4}, year=2019,"
        " month=may}\n"
        "@letter{l1, author={Doe, Jane}, title={Letter}, year=2019, month=may, organization={Org}}\n"
        "@artwork{w1, author={Doe, Jane}, title={Art}, date={2019-05-03}, organization={Org}}\n"
        "@audio{w2, author={Doe, Jane}, title={Song}, year=2019, month=may, organization={Org}}\n"
        "@video{w3, author={Doe, Jane}, title={Film}, year=2019, month=may, organization={Org}}\n"
        "@mastersthesis{t1, author={Doe, Jane}, title={Thesis}, address={Paris}, year=2019}\n"
        "@phdthesis{t2, author={Doe, Jane}, title={Thesis}, address={Paris}, school={Uni}, year=2019}\n"
        "@thesis{t3, author={Doe, Jane}, title={Thesis}, location={Paris}, type={Working paper}, year=2019}\n",
        "refs.bib")
    assert [format_reference(s).text.removeprefix("Doe, Jane. ") for s in bib.sources] == [
        "“Entry.” In Encyclopedia. 2019.", "“Letter.” Org, May 2019.", "Art. Org, May 3, 2019.",
        "Song. Org, May 2019.", "Film. Org, 2019.", "“Thesis.” Master’s thesis, Paris, 2019.",
        "“Thesis.” PhD thesis, Uni, 2019.", "“Thesis.” Working paper, Paris, 2019."]


@pytest.mark.parametrize(("lang", "inside", "alone"), [
    # pandoc 3.9's own entries (chicago-notes-bibliography): the locale's word for a version, capitalised opening a
    # sentence (software's short "V." in English alone)
    ("en-US", "1511.06434v2, version v2.", "Version 1.2."), ("de-DE", "1511.06434v2, Version v2.", "Version 1.2."),
    ("es-ES", "1511.06434v2, versión v2.", "Versión 1.2."), ("it-IT", "1511.06434v2, versione v2.", "Versione 1.2."),
    ("pt-BR", "1511.06434v2, versão v2.", "Versão 1.2."),
])
def test_a_version_is_labelled_in_the_documents_language(lang: str, inside: str, alone: str) -> None:
    csl = parse_csl(json.dumps([{"id": "r2", "type": "report", "title": "Rules", "container-title": "arXiv",
                                 "number": "1511.06434v2", "version": "v2", "issued": {"date-parts": [[2015]]}}]),
                    "refs.json")
    bib = parse_bibliography("@manual{d, title={Tool}, version={1.2}, publisher={P}, year={2015}}", "refs.bib")
    assert inside in Citations().reference(csl.sources[0], language=lang).text
    assert alone in Citations().reference(bib.sources[0], language=lang).text


def test_an_english_entry_is_title_cased_in_a_document_in_another_language() -> None:
    # pandoc 3.9 (chicago-notes-bibliography, de-DE): citeproc title-cases an entry whose language is English (CSL's
    # "en", "en-GB", biblatex's langid) in any document, one with no language only in an English document; pandoc's
    # reader puts a BibTeX title in sentence case first only in an English document ("With" kept in German)
    bib = parse_bibliography(
        "@article{a1, author={Doe, J.}, title={deep learning with systems}, journal={J}, year=2000, langid={english}}\n"
        "@article{a2, author={Doe, J.}, title={deep learning with systems}, journal={J}, year=2000}\n"
        "@article{a4, author={Doe, J.}, title={Deep Learning With Systems}, journal={J}, year=2000,"
        " langid={english}}\n", "refs.bib")
    csl = parse_csl(json.dumps([
        {"id": "j1", "type": "article-journal", "title": "deep learning with systems", "container-title": "J",
         "language": "en", "issued": {"date-parts": [[2000]]}},
        {"id": "j2", "type": "article-journal", "title": "deep learning with systems", "container-title": "J",
         "issued": {"date-parts": [[2000]]}}]), "refs.json")
    assert [Citations().reference(s, language="de-DE").text.split("„")[1].split("“")[0]
            for s in (*bib.sources, *csl.sources)] == [
        "Deep Learning with Systems", "deep learning with systems", "Deep Learning With Systems",
        "Deep Learning with Systems", "deep learning with systems"]


def test_a_first_authors_suffix_follows_the_given_name() -> None:
    # pandoc 3.9 (chicago-notes-bibliography): the first name inverted as "Family, Given, Suffix" (BibTeX's
    # "Doe, Jr., John" as "Doe, John, Jr."), the others in reading order
    bib = parse_bibliography(
        "@misc{a, author={Doe, Jr., John and Roe, Jr., Ann}, title={T}, year=2000}\n"
        "@misc{b, author={Stanislav Volek, Partners Media, s.r.o.}, title={T}, year=2000}\n"
        "@misc{c, author={De la Casa, Jr., John}, title={T}, year=2000}\n"
        "@misc{d, author={{van Dijk}, III, Jan and Smith, Al}, title={T}, year=2000}\n", "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, John, Jr., and Ann Roe Jr. T. 2000.", "Stanislav Volek, s. r. o., Partners Media. T. 2000.",
        "De la Casa, John, Jr. T. 2000.", "van Dijk, Jan, III, and Al Smith. T. 2000."]


def test_a_publisher_opening_with_a_mark_is_capitalised_at_its_first_letter() -> None:
    # pandoc 3.9 (chicago-notes-bibliography): CSL's capitalize-first on the publisher capitalises its first letter
    # after a bracket or parenthesis ("[Online]", "(Il Saggiatore)")
    bib = parse_bibliography(
        "@misc{e, author={Kurzy.cz}, title={T}, year=2000, howpublished={[online]}}\n"
        "@misc{f, author={Kurzy.cz}, title={T}, year=2000, publisher={(il Saggiatore)}}\n", "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Kurzy.cz. T. [Online], 2000.", "Kurzy.cz. T. (Il Saggiatore), 2000."]


@pytest.mark.parametrize(("lang", "first", "second"), [
    # pandoc 3.9's own entries (chicago-notes-bibliography): a chapter's book by its own authors (biblatex's
    # bookauthor, which a crossref to a book gives too) "by" them, after its edition and volume; its editors then a
    # sentence of their own
    ("en-US", "In Book, by Ann Roe and Al Poe. P, 2000.", "In Book, by Ann Roe. Edited by Ed Ed. P, 2000."),
    ("de-DE", "In Book, von Ann Roe und Al Poe. P, 2000.", "In Book, von Ann Roe. Herausgegeben von Ed Ed. P, 2000."),
    ("es-ES", "En Book, de Ann Roe y Al Poe. P, 2000.", "En Book, de Ann Roe. Editado por Ed Ed. P, 2000."),
])
def test_a_chapters_book_is_by_its_authors(lang: str, first: str, second: str) -> None:
    bib = parse_bibliography(
        "@inbook{c1, author={Doe, J.}, title={Chap}, booktitle={Book}, bookauthor={Roe, Ann and Poe, Al}, publisher={P},"
        " year=2000}\n"
        "@incollection{c2, author={Doe, J.}, title={Chap}, booktitle={Book}, bookauthor={Roe, Ann}, editor={Ed, Ed},"
        " publisher={P}, year=2000}\n"
        "@inbook{c3, author={Doe, J.}, title={Chap}, booktitle={Book}, bookauthor={Roe, Ann}, volume=2, edition=2,"
        " publisher={P}, year=2000}\n"
        "@book{goodin, title={Theory}, author={Goodin, R. E.}, publisher={CUP}, year={1998}}\n"
        "@inbook{iatd, author={Goodin, R. E.}, title={Institutions}, booktitle={Theory}, crossref={goodin}}\n",
        "refs.bib")
    found = [Citations().reference(s, language=lang).text for s in bib.sources]
    assert [found[0].split(" ", 3)[3], found[1].split(" ", 3)[3]] == [first, second]
    if lang == "en-US":
        assert found[2].endswith("In Book, 2nd ed., vol. 2, by Ann Roe. P, 2000.")
        assert found[4].endswith("In Theory, by R. E. Goodin. CUP, 1998.")


def test_a_thesis_number_follows_its_date_in_parentheses() -> None:
    # pandoc 3.9's own entries (chicago-notes-bibliography, en-US) for a BibTeX and a CSL-JSON thesis with a number
    bib = parse_bibliography(
        "@phdthesis{t1, author={Doe, J.}, title={T}, school={Uni}, year={2000}, number={2023UEFL2059}}\n"
        "@mastersthesis{t3, author={Doe, J.}, title={T}, school={Uni}, year={2000}, number={12},"
        " url={https://x.org}}\n"
        "@phdthesis{t6, author={Doe, J.}, title={T}, year={2000}, number={12}}\n", "refs.bib")
    items = [{"id": "c1", "type": "thesis", "author": [{"family": "Doe", "given": "J."}], "title": "T",
              "publisher": "Uni", "genre": "PhD thesis", "number": "12", "issued": {"date-parts": [[2000]]}}]
    sources = [*bib.sources, *parse_csl(json.dumps(items), "refs.json").sources]
    assert [format_reference(s).text for s in sources] == [
        "Doe, J. “T.” PhD thesis, Uni, 2000. (2023UEFL2059).",
        "Doe, J. “T.” Master’s thesis, Uni, 2000. (12). https://x.org.",
        "Doe, J. “T.” PhD thesis, 2000. (12).",
        "Doe, J. “T.” PhD thesis, Uni, 2000. (12)."]
    unsafe = parse_bibliography("@phdthesis{t, author={Doe, J.}, title={T}, school={Uni}, year={2000},"
                                " number={<b>1</b>}}", "refs.bib").sources[0]
    assert "(&lt;b&gt;1&lt;/b&gt;)." in format_reference(unsafe).html


def test_the_year_of_first_publication_goes_before_the_publisher() -> None:
    # pandoc 3.9's own entries (chicago-notes-bibliography, en-US) for biblatex's origdate and origyear and CSL's
    # original-date: "1960; Publisher, 2000", without a publisher "1960, 2000"
    bib = parse_bibliography(
        "@book{b1, author={Doe, J.}, title={T}, publisher={Pub}, year={2000}, origdate={1960-05-03}}\n"
        "@book{b2, author={Doe, J.}, editor={Roe, A.}, title={T}, publisher={Pub}, year={2000}, origyear={1960}}\n"
        "@incollection{c1, author={Doe, J.}, title={T}, booktitle={C}, year={2000}, origdate={1981}}\n"
        "@phdthesis{t1, author={Doe, J.}, title={T}, school={Uni}, year={2000}, origdate={1960}}\n"
        "@software{s1, author={Doe, J.}, title={T}, publisher={Zenodo}, year={2000}, origdate={1960}}\n", "refs.bib")
    items = [{"id": "k1", "type": "chapter", "author": [{"family": "Doe", "given": "J."}], "title": "T",
              "container-title": "C", "publisher": "Pub", "issued": {"date-parts": [[2000]]},
              "original-date": {"date-parts": [[1981]]}}]
    sources = [*bib.sources, *parse_csl(json.dumps(items), "refs.json").sources]
    assert [format_reference(s).text for s in sources] == [
        "Doe, J. T. 1960; Pub, 2000.",
        "Doe, J. T. Edited by A. Roe. 1960; Pub, 2000.",
        "Doe, J. “T.” In C. 1981, 2000.",
        "Doe, J. “T.” 1960; PhD thesis, Uni, 2000.",
        "Doe, J. T. 1960; Zenodo, released 2000.",
        "Doe, J. “T.” In C. 1981; Pub, 2000."]


def test_a_bibtex_issue_field_is_read_as_pandoc_reads_it() -> None:
    # pandoc 3.9's own entries (chicago-notes-bibliography, en-US): an issue with no number left out, the month
    # beside the volume then; with a number after it
    bib = parse_bibliography(
        "@article{a1, author={Doe, J.}, title={T}, journal={J}, volume={2}, issue={3}, year={2000}, pages={5--9}}\n"
        "@article{a2, author={Doe, J.}, title={T}, journal={J}, volume={2}, issue={3}, number={4}, year={2000}}\n"
        "@article{a5, author={Doe, J.}, title={T}, journal={J}, volume={2}, issue={3}, month={4}, year={2000}}\n",
        "refs.bib")
    items = [{"id": "c1", "type": "article-journal", "author": [{"family": "Doe", "given": "J."}], "title": "T",
              "container-title": "J", "volume": "2", "issue": "3", "issued": {"date-parts": [[2000]]}}]
    sources = [*bib.sources, *parse_csl(json.dumps(items), "refs.json").sources]
    assert [format_reference(s).text for s in sources] == [
        "Doe, J. “T.” J 2 (2000): 5–9.", "Doe, J. “T.” J 2, nos. 4, 3 (2000).", "Doe, J. “T.” J 2 (April 2000).",
        "Doe, J. “T.” J 2, no. 3 (2000)."]


def test_a_csl_season_and_chapter_number_print_as_pandoc_prints_them() -> None:
    # pandoc (chicago-notes-bibliography, -t plain): "“A.” J 3 (Spring 2000).", de-DE "„A“. J 3 (Frühjahr 2000).",
    # "J. “E.” Summer 2000." (CSL's month 14) and "Doe, A. “Ch.” Chap. 11 in Book. P, 2000."; the site left the season
    # out ("J 3 (2000).") and dropped the chapter-number.
    from litreview.bibliography.csl import parse_csl

    items = parse_csl(
        '[{"id": "a", "type": "article-journal", "title": "A", "container-title": "J", "volume": "3",'
        ' "issued": {"date-parts": [[2000, 21]]}},'
        ' {"id": "e", "type": "article-newspaper", "title": "E", "container-title": "J",'
        ' "issued": {"date-parts": [[2000, 14]]}},'
        ' {"id": "c", "type": "chapter", "title": "Ch", "container-title": "Book", "publisher": "P",'
        ' "chapter-number": "11", "author": [{"family": "Doe", "given": "A"}], "issued": {"date-parts": [[2000]]}}]',
        "refs.json").sources
    assert [format_reference(s).text for s in items] == [
        "“A.” J 3 (Spring 2000).", "J. “E.” Summer 2000.", "Doe, A. “Ch.” Chap. 11 in Book. P, 2000."]
    assert Citations().reference(items[0], PLAIN, "de-DE").text == "„A“. J 3 (Frühjahr 2000)."
    assert Citations().reference(items[1], PLAIN, "es-ES").text == "J. «E». verano de 2000."


def test_math_and_ensuremath_in_a_title_stay_escaped_text() -> None:
    # A field is data: TeX math in a title ("$<script>$") and ``\ensuremath`` print as escaped text, never as markup.
    (source,) = parse_bibliography(
        "@misc{x, title={Foo $<script>alert(1)</script>$ and \\ensuremath{<img src=x onerror=alert(1)>} and"
        " \\ensuremath{\\alpha}}, year={2000}}", "refs.bib").sources
    shown = format_reference(source).html
    assert "<script" not in shown.lower() and "<img" not in shown.lower()
    assert "&lt;" in shown and "α" in shown


def test_a_math_symbol_opening_a_title_is_not_capitalised_as_pandoc_prints_it() -> None:
    # pandoc (chicago-notes-bibliography, -t plain): "α Centauri. 2000." for "$\alpha$ Centauri" and
    # "\ensuremath{\alpha} Centauri": citeproc's title case leaves math alone; the site printed "Α Centauri".
    bib = parse_bibliography("@misc{a, title={$\\alpha$ Centauri}, year={2000}}\n"
                             "@misc{b, title={\\ensuremath{\\alpha} Centauri}, year={2000}}\n"
                             "@misc{c, title={alpha and $\\beta$ decay}, year={2000}}", "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "α Centauri. 2000.", "α Centauri. 2000.", "Alpha and β Decay. 2000."]


def test_math_in_a_title_prints_as_pandoc_shows_it() -> None:
    # pandoc (chicago-notes-bibliography, HTML without its tags): "Atmospheric CO2 Records" and "A Novel Slow (<1 Hz)
    # Oscillation"; the site printed "CO$_2$" and "($<$1 Hz)", and the math's markup stays escaped text in the HTML.
    bib = parse_bibliography("@misc{a, title={Atmospheric CO$_2$ Records}, year={2004}}\n"
                             "@misc{b, title={A Novel Slow ({$<$}1 {{Hz}}) Oscillation}, year={1993}}", "refs.bib")
    shown = [format_reference(s) for s in bib.sources]
    assert [r.text for r in shown] == ["Atmospheric CO2 Records. 2004.", "A Novel Slow (<1 Hz) Oscillation. 1993."]
    assert "&lt;1 Hz" in shown[1].html and "<1" not in shown[1].html


@pytest.mark.parametrize(("name", "title"), [
    ("refs.yaml", 'An <span class="nocase">n log n</span> algorithm for states'),
    ("refs.yaml", "An [n log n]{.nocase} algorithm for states"),
    ("refs.json", 'An <span class="nocase">n log n</span> algorithm for states'),
])
def test_a_csl_nocase_span_keeps_its_words_from_title_case(name: str, title: str) -> None:
    # pandoc (chicago-notes-bibliography, -t plain) for each: "An n log n Algorithm for States. 1971."; the site
    # capitalised the words of the span ("n Log n"), as citeproc does not
    item = {"id": "a", "type": "chapter", "title": title, "issued": {"date-parts": [[1971]]}}
    text = f"references:\n- {json.dumps(item)}\n" if name.endswith(".yaml") else json.dumps([item])
    (source,) = parse_csl(text, name, yaml=name.endswith(".yaml")).sources
    assert format_reference(source).text == "An n log n Algorithm for States. 1971."


def test_a_hyphenated_last_word_keeps_its_stop_word_in_lower_case() -> None:
    # pandoc (chicago-notes-bibliography, -t plain): "... Survey Ten-Year Follow-up. 2015."; citeproc capitalises a
    # title's last word, the whole of "follow-up", not the stop word after its hyphen (the site printed "Follow-Up")
    bib = parse_bibliography("@misc{a, title={Long-term effects in the survey ten-year follow-up}, year={2015}}",
                             "refs.bib")
    assert format_reference(bib.sources[0]).text == "Long-Term Effects in the Survey Ten-Year Follow-up. 2015."


def test_a_csl_language_written_with_an_underscore_is_english() -> None:
    # pandoc (chicago-notes-bibliography, -t plain) title-cases an item whose "language" is "en_US" as English ("Non-
    # Medical"); the site took it for another language and left the title as written
    item = {"id": "a", "type": "thesis", "title": "Compliance for Non-medical research", "language": "en_US",
            "issued": {"date-parts": [[2019]]}}
    (source,) = parse_csl(json.dumps([item]), "refs.json").sources
    assert format_reference(source).text == "“Compliance for Non-Medical Research.” 2019."


_EDITED_AND_TRANSLATED = r"""
@book{a, author={Doe, Jane}, editor={Roe, Ann}, translator={Roe, Ann}, title={Book}, publisher={P}, year=2000}
@book{b, author={Doe, Jane}, editor={Roe, Ann and Loe, Al}, translator={Roe, Ann and Loe, Al}, title={Book},
  publisher={P}, year=2000}
@incollection{d, author={Doe, Jane}, editor={Roe, Ann}, translator={Roe, Ann}, title={Chap}, booktitle={Book},
  publisher={P}, year=2000}
@book{e, author={Doe, Jane}, editor={Roe, Ann}, translator={Loe, Al}, title={Book}, publisher={P}, year=2000}
@book{g, author={Doe, Jane}, editor={Roe, Ann}, translator={Roe, Ann}, title={Book}, publisher={P}, year=2000,
  volume={2}, edition={2}}
"""


@pytest.mark.parametrize(("lang", "printed"), [
    ("en-US", ["Doe, Jane. Book. Edited and translated by Ann Roe. P, 2000.",
               "Doe, Jane. Book. Edited and translated by Ann Roe and Al Loe. P, 2000.",
               "Doe, Jane. “Chap.” In Book, edited and translated by Ann Roe. P, 2000.",
               "Doe, Jane. Book. Edited by Ann Roe. Translated by Al Loe. P, 2000.",
               "Doe, Jane. Book. 2nd ed. Vol. 2, edited and translated by Ann Roe. P, 2000."]),
    ("de-DE", ["Doe, Jane. Book. Herausgegeben und übersetzt von Ann Roe. P, 2000.",
               "Doe, Jane. Book. Herausgegeben und übersetzt von Ann Roe und Al Loe. P, 2000.",
               "Doe, Jane. „Chap“. In Book, herausgegeben und übersetzt von Ann Roe. P, 2000.",
               "Doe, Jane. Book. Herausgegeben von Ann Roe. Übersetzt von Al Loe. P, 2000.",
               "Doe, Jane. Book. 2. Aufl. Bd. 2, herausgegeben und übersetzt von Ann Roe. P, 2000."]),
])
def test_editors_who_translated_are_named_once(lang: str, printed: list[str]) -> None:
    # pandoc 3.9 (chicago-notes-bibliography) for each: the editors who are the translators named once, "edited and
    # translated by" (CSL's editortranslator); the site named them twice ("Edited by Ann Roe. Translated by Ann Roe.")
    bib = parse_bibliography(_EDITED_AND_TRANSLATED, "refs.bib")
    assert [Citations().reference(s, PLAIN, lang).text for s in bib.sources] == printed


@pytest.mark.parametrize(("lang", "words"), [
    ("fr-FR", "Édité et traduit par"), ("it-IT", "A cura di e tradotto da"), ("es-ES", "Editado y traducido por"),
    ("pt-PT", "Editado e traduzido por"), ("pt-BR", "Editado e traduzido por")])
def test_edited_and_translated_in_the_documents_language(lang: str, words: str) -> None:
    # pandoc 3.9 (chicago-notes-bibliography), each locale's editortranslator term
    (source,) = parse_bibliography(_EDITED_AND_TRANSLATED.split("\n@book{b")[0], "refs.bib").sources
    assert Citations().reference(source, PLAIN, lang).text.split(". ")[2] == f"{words} Ann Roe"


_MAIN_TITLES = r"""
@book{b1, author={Knuth, Donald E.}, maintitle={Computers \& Typesetting}, title={The {\TeX}book}, volume={A},
  publisher={Addison-Wesley}, year=1984}
@book{b2, author={Doe, Jane}, maintitle={Collected works}, title={Early essays}, volume={2}, publisher={P}, year=1990}
@book{b4, author={Doe, Jane}, maintitle={Collected works}, title={Early essays}, publisher={P}, year=1990}
@book{b5, author={Doe, Jane}, editor={Roe, Ann}, maintitle={Collected works}, title={Early essays}, volume={2},
  publisher={P}, year=1990}
@book{b6, author={Doe, Jane}, editor={Roe, Ann}, maintitle={Collected works}, title={Early essays}, publisher={P},
  year=1990, edition={2}}
@book{b7, editor={Roe, Ann}, maintitle={Collected works}, mainsubtitle={In ten volumes}, title={Early essays},
  volume={2}, publisher={P}, year=1990}
@inbook{c1, author={Kant, Immanuel}, title={Kritik der praktischen Vernunft},
  booktitle={Kritik der praktischen Vernunft. Kritik der Urtheilskraft}, maintitle={Kants Werke. Akademie Textausgabe},
  volume={5}, publisher={W}, year=1968}
@incollection{c2, author={Doe, Jane}, title={Chap}, booktitle={Book title}, maintitle={Main title}, editor={Roe, Ann},
  volume={3}, publisher={P}, year=1990}
"""


def test_a_volume_of_a_multi_volume_work_prints_the_work_then_the_volume() -> None:
    # pandoc 3.9 (chicago-notes-bibliography) for each: biblatex's maintitle is the title (a chapter's book), the
    # volume's own title after its number (CSL's volume-title); the site left the multi-volume work out ("The TeXbook.
    # A.", "In Kritik der praktischen Vernunft. Kritik der Urtheilskraft, vol. 5.")
    bib = parse_bibliography(_MAIN_TITLES, "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Knuth, Donald E. Computers & Typesetting. A, The TeXbook. Addison-Wesley, 1984.",
        "Doe, Jane. Collected Works. Vol. 2, Early Essays. P, 1990.",
        "Doe, Jane. Collected Works. Early Essays. P, 1990.",
        "Doe, Jane. Collected Works. Vol. 2, Early Essays, edited by Ann Roe. P, 1990.",
        "Doe, Jane. Collected Works. 2nd ed. Early Essays, edited by Ann Roe. P, 1990.",
        "Roe, Ann, ed. Collected Works: In Ten Volumes. Vol. 2, Early Essays. P, 1990.",
        "Kant, Immanuel. “Kritik Der Praktischen Vernunft.” In Kants Werke. Akademie Textausgabe, vol. 5, Kritik Der"
        " Praktischen Vernunft. Kritik Der Urtheilskraft. W, 1968.",
        "Doe, Jane. “Chap.” In Main Title, vol. 3, Book Title, edited by Ann Roe. P, 1990."]


_MAIN_TITLES_JOINED = r"""
@book{a, author={Doe, J.}, maintitle={Collected Works}, title={Why Now?}, subtitle={Essays}, volume={2}, publisher={P},
  year=2020}
@incollection{c, author={Poe, J.}, title={Chap}, maintitle={Works}, booktitle={Letters.}, booktitleaddon={Vol Two},
  volume={3}, editor={Ed, A.}, publisher={P}, year=2020}
@incollection{e, author={Xoe, J.}, title={Chap}, maintitle={Works}, booktitle={Why Now?}, booktitleaddon={Vol Two},
  volume={3}, editor={Ed, A.}, publisher={P}, year=2020}
"""


def test_a_volume_title_ending_in_a_stop_takes_no_second_and_its_work_the_volumes_subtitle() -> None:
    # pandoc 3.9 (chicago-notes-bibliography) for each: a title ending in "?" or "." is followed by its subtitle or
    # addon with no colon or full stop of its own ("Why Now? Essays"; the site printed "Letters.. Vol Two", "Why
    # Now?. Vol Two"); a work with no mainsubtitle (maintitleaddon) takes the volume's subtitle (booktitleaddon), as
    # pandoc's reader reads one or the other
    bib = parse_bibliography(_MAIN_TITLES_JOINED, "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, J. Collected Works: Essays. Vol. 2, Why Now? Essays. P, 2020.",
        "Poe, J. \u201cChap.\u201d In Works. Vol Two, vol. 3, Letters. Vol Two, edited by A. Ed. P, 2020.",
        "Xoe, J. \u201cChap.\u201d In Works. Vol Two, vol. 3, Why Now? Vol Two, edited by A. Ed. P, 2020."]


def test_a_csl_volume_title_prints_after_the_volume() -> None:
    # pandoc 3.9 (chicago-notes-bibliography): "Collected Works. Vol. 2, Early Essays." and "In Main, vol. 2, Book.";
    # the site left CSL's volume-title out
    items = [{"id": "v", "type": "book", "title": "Collected works", "volume": "2", "volume-title": "Early essays",
              "author": [{"family": "Doe", "given": "Jane"}], "publisher": "P", "issued": {"date-parts": [[1990]]}},
             {"id": "w", "type": "chapter", "title": "Chap", "container-title": "Main", "volume": "2",
              "volume-title": "Book", "author": [{"family": "Doe", "given": "Jane"}], "publisher": "P",
              "issued": {"date-parts": [[1990]]}}]
    assert [format_reference(s).text for s in parse_csl(json.dumps(items), "refs.json").sources] == [
        "Doe, Jane. Collected Works. Vol. 2, Early Essays. P, 1990.", "Doe, Jane. “Chap.” In Main, vol. 2, Book. P, 1990."]


_DATE_RANGES = r"""
@book{a, author={Doe, Jane}, title={Book}, publisher={P}, date={1984/1986}}
@book{b, author={Doe, Jane}, title={Book}, publisher={P}, date={2006/}}
@article{c, author={Doe, Jane}, title={Art}, journal={J}, volume=3, date={1995/1996}}
@article{d, author={Doe, Jane}, title={Art}, journal={J}, volume=3, date={1996-03/1996-05}}
@article{e, author={Doe, Jane}, title={Art}, journal={J}, volume=3, date={1996-12-10/1996-12-12}}
@article{g, author={Doe, Jane}, title={Art}, journal={J}, date={1995/1996}}
@online{f, author={Doe, Jane}, title={Page}, url={http://x.org}, date={1996-12-10/1996-12-12}}
"""


@pytest.mark.parametrize(("lang", "printed"), [
    ("en-US", ["Doe, Jane. Book. P, 1984–1986.", "Doe, Jane. Book. P, 2006–.", "Doe, Jane. “Art.” J 3 (1995–1996).",
               "Doe, Jane. “Art.” J 3 (March–May 1996).", "Doe, Jane. “Art.” J 3 (December 1996).",
               "Doe, Jane. “Art.” J, 1995–1996.", "Doe, Jane. “Page.” December 10–12, 1996. http://x.org."]),
    ("de-DE", ["Doe, Jane. Book. P, 1984–1986.", "Doe, Jane. Book. P, 2006–.", "Doe, Jane. „Art“. J 3 (1995–1996).",
               "Doe, Jane. „Art“. J 3 (März–Mai 1996).", "Doe, Jane. „Art“. J 3 (Dezember 1996).",
               "Doe, Jane. „Art“. J, 1995–1996."]),
])
def test_a_date_range_prints_as_citeproc_prints_it(lang: str, printed: list[str]) -> None:
    # pandoc 3.9 (chicago-notes-bibliography) for each: a range of years, an open one, a range of months within a
    # year, one of days printed to the month; the site printed the first year alone ("1984", "(1996)")
    bib = parse_bibliography(_DATE_RANGES, "refs.bib")
    shown = [Citations().reference(s, PLAIN, lang).text for s in bib.sources]
    assert shown[:len(printed)] == printed


@pytest.mark.parametrize(("lang", "across_months", "across_years"), [
    ("en-US", "May 30\u2013June 2, 2020", "May 1, 2020\u2013June 2, 2021"),
    ("de-DE", "30. Mai\u20132. Juni 2020", "1. Mai 2020\u20132. Juni 2021"),
    ("fr-FR", "30 mai\u20132 juin 2020", "1 mai 2020\u20132 juin 2021"),
    ("es-ES", "30 de mayo\u20132 de junio de 2020", "1 de mayo de 2020\u20132 de junio de 2021"),
])
def test_a_range_of_days_across_months_or_years_prints_both_days(lang: str, across_months: str,
                                                                 across_years: str) -> None:
    # pandoc 3.9 (chicago-notes-bibliography) for each (a conference's days "2020-05-30/2020-06-02"); the site printed
    # the first year alone ("issued 2020")
    bib = parse_bibliography("@patent{a, author={Doe, Jane}, title={T}, number={1}, date={2020-05-30/2020-06-02}}\n"
                             "@patent{b, author={Doe, Jane}, title={T}, number={1}, date={2020-05-01/2021-06-02}}",
                             "refs.bib")
    shown = [Citations().reference(s, PLAIN, lang).text for s in bib.sources]
    assert shown[0].endswith(f", issued {across_months}.") and shown[1].endswith(f", issued {across_years}.")


_PATENTS = r"""
@patent{a, author={Lincoln, Abraham}, title={The vampire hunter}, number={12345677}, year=1978}
@patent{b, author={Almendro, José L.}, title={Elektromagnetisches Signalhorn}, number={EU-29702195U},
  location={countryfr and countryuk}, year=1998}
@patent{c, author={Kowalik, F.}, title={Estimateur}, number={9500261}, type={patreqfr}, date={1995-01-11}}
@patent{d, author={Doe, Jane}, title={A device}, number={US 5,000,000}, type={patentus}, date={1991-03-19},
  holder={ACME}}
@patent{e, author={Doe, Jane}, title={A device}, number={123}, type={US Patent}, year=1991, url={http://x.org}}
"""


def test_a_patent_prints_its_number_and_date_of_issue() -> None:
    # pandoc 3.9 (chicago-notes-bibliography) for each: the title as read (not title-cased), the patent's kind and
    # number, "issued" and its date; the site printed it as an article of no journal ("“The Vampire Hunter.” 1978.")
    bib = parse_bibliography(_PATENTS, "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Lincoln, Abraham. The vampire hunter. Patent 12345677, issued 1978.",
        "Almendro, José L. Elektromagnetisches signalhorn. Patent EU-29702195U, issued 1998.",
        "Kowalik, F. Estimateur. French patent request 9500261, issued January 11, 1995.",
        "Doe, Jane. A device. U.S. patent US 5,000,000, issued March 19, 1991.",
        "Doe, Jane. A device. US Patent 123, issued 1991. http://x.org."]
    assert Citations().reference(bib.sources[1], PLAIN, "de-DE").text == (
        "Almendro, José L. Elektromagnetisches Signalhorn. Patent EU-29702195U, issued 1998.")


@pytest.mark.parametrize("kind", [None, "", "journal"])
def test_a_csl_item_of_no_type_or_an_unknown_one_is_printed_in_its_container(kind: str | None) -> None:
    # A hand-written CSL-YAML file's items carry no type: pandoc 3.9 (chicago-notes-bibliography) prints them, and an
    # item of a type CSL does not define, "In" their container, a sentence of its own, dated by the year; the site
    # printed the container as a journal's ("“Enabling Private Sector Investment.” Renewable and Sustainable Energy
    # Reviews, 2015.").
    item = {"id": "a", "title": "Title", "author": [{"family": "Doe", "given": "J."}], "container-title": "Cont",
            "issued": {"date-parts": [[2024, 11, 26]]}, "URL": "https://x.org"}
    if kind is not None:
        item["type"] = kind
    source = parse_csl(json.dumps([item]), "refs.json").sources[0]
    assert format_reference(source).text == "Doe, J. “Title.” In Cont. 2024. https://x.org."
    # a journal article's container is its journal, as before (pandoc 3.9's entry)
    source = parse_csl(json.dumps([{**item, "type": "article-journal"}]), "refs.json").sources[0]
    assert format_reference(source).text == "Doe, J. “Title.” Cont, November 26, 2024. https://x.org."


def test_a_web_pages_howpublished_is_its_publisher_as_pandoc_reads_it() -> None:
    # pandoc 3.9's biblatex reader reads howpublished as CSL's publisher in every entry type, a web page's too, which
    # the Chicago styles print as written (in capitals at the start of the sentence alone): the site title-cased an
    # @online's "\url{https://www.skuvault.com/blog/safety-stock-formula/}" into "Https://Www.skuvault.com/Blog/...".
    bib = parse_bibliography(
        "@online{a, title={A}, author={Doe, J.}, howpublished={\\url{https://www.skuvault.com/blog/safety-stock}},"
        " year=2020, url={https://www.skuvault.com/blog/safety-stock}}\n"
        "@www{b, title={B}, author={Doe, K.}, howpublished={the site of things}, year=2020}\n"
        "@online{c, title={C}, author={Doe, L.}, howpublished={the site of things}, organization={Org}, year=2020}\n"
        "@online{d, title={D}, howpublished={the site of things}, year=2020}\n", "refs.bib")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, J. “A.” Https://www.skuvault.com/blog/safety-stock, 2020. https://www.skuvault.com/blog/safety-stock.",
        "Doe, K. “B.” The site of things, 2020.",
        "Doe, L. “C.” Org; the site of things, 2020.",
        "the site of things. “D.” 2020."]
    # a journal of a web page is its container, in title case (pandoc 3.9's entry)
    (page,) = parse_bibliography("@online{g, title={G}, author={Doe, P.}, journal={the site of things}, year=2020}",
                                 "refs.bib").sources
    assert format_reference(page).text == "Doe, P. “G.” The Site of Things, 2020."


def test_a_csl_series_editor_is_printed_after_the_series_as_pandoc_prints_it() -> None:
    # A Zotero item's "series editor" is CSL's collection-editor: pandoc 3.9 (chicago-notes-bibliography) prints it
    # after the series ("Series, edited by Ann Roe"), the series' number then after a comma ("vol. 4"); the site
    # left it out. Without a series, and in an article, pandoc prints none.
    text = """\
- id: a
  type: chapter
  title: Chap
  container-title: Book
  collection-title: Series
  publisher: Pub
  author: [{family: Doe, given: J.}]
  collection-editor: [{family: Roe, given: Ann}, {family: Poe, given: Ed}]
  issued: 2013
- id: b
  type: chapter
  title: Chap
  container-title: Book
  publisher: Pub
  author: [{family: Doe, given: K.}]
  collection-editor: [{family: Roe, given: Ann}]
  issued: 2013
- id: c
  type: book
  title: Bk
  collection-title: Series
  collection-number: 4
  publisher: Pub
  author: [{family: Doe, given: L.}]
  collection-editor: [{family: Roe, given: Ann}]
  issued: 2013
- id: d
  type: chapter
  title: Chap
  container-title: Book
  collection-title: Series
  publisher: Pub
  author: [{family: Doe, given: M.}]
  editor: [{family: Zed, given: Z.}]
  collection-editor: [{family: Roe, given: Ann}]
  issued: 2013
- id: f
  type: book
  title: Bk
  collection-title: Series
  collection-number: RR-4
  publisher: Pub
  author: [{family: Doe, given: O.}]
  collection-editor: [{family: Roe, given: Ann}]
  issued: 2013
- id: g
  type: book
  title: Bk
  collection-title: Series
  collection-number: 4
  publisher: Pub
  author: [{family: Doe, given: P.}]
  issued: 2013
"""
    bib = parse_csl(text, "refs.yaml", yaml=True)
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, J. “Chap.” In Book. Series, edited by Ann Roe and Ed Poe. Pub, 2013.",
        "Doe, K. “Chap.” In Book. Pub, 2013.",
        "Doe, L. Bk. Series, edited by Ann Roe, vol. 4. Pub, 2013.",
        "Doe, M. “Chap.” In Book, edited by Z. Zed. Series, edited by Ann Roe. Pub, 2013.",
        "Doe, O. Bk. Series, edited by Ann Roe, RR-4. Pub, 2013.",
        "Doe, P. Bk. Series 4. Pub, 2013."]


@pytest.mark.parametrize(("issued", "year", "shown", "label"), [
    # pandoc 3.9, chicago-notes-bibliography: a literal date printed as written ("Atlantic, July 1945 Issue"), in the
    # label too ("(Doe July 1945 Issue)"), its spaces one; a literal beside date-parts printed, raw beside it not
    ({"literal": "July 1945 Issue"}, 1945, "Atlantic, July 1945 Issue.", "Doe July 1945 Issue"),
    ({"literal": " no   date "}, None, "Atlantic, no date.", "Doe no date"),
    ({"literal": "July 1945 Issue", "date-parts": [[1945, 7]]}, 1945, "Atlantic, July 1945 Issue.",
     "Doe July 1945 Issue"),
    ({"literal": "circa 1850", "raw": "1850"}, 1850, "Atlantic, 1850.", "Doe 1850"),
])
def test_a_csl_literal_date_is_printed_as_written(issued: dict, year: int | None, shown: str, label: str) -> None:
    item = {"id": "a", "type": "article-magazine", "title": "The Thing", "author": [{"family": "Doe", "given": "Jane"}],
            "container-title": "Atlantic", "issued": issued}
    (source,) = parse_csl(json.dumps([item]), "refs.json").sources
    assert source.year == year  # the year to sort and check by, where the literal holds one
    assert source.fields.get("date", "") in ("", "1945-07")  # the literal no date for the date checks to read
    assert format_reference(source).text == f"Doe, Jane. “The Thing.” {shown}"
    assert short_label(source) == label


@pytest.mark.parametrize(("extra", "shown"), [
    # pandoc 3.9, chicago-notes-bibliography: a CSL document's, data set's or preprint's issue is no number of its
    # own ("No. 2") but "no. 2", a sentence after its volume (its series' when it has one: "Coll Y, no. 2"); its
    # volume beside its container ("In Series X, vol. 3")
    ({"container-title": "Series X", "volume": "3", "issue": "2"}, "In Series X, vol. 3. no. 2. Pub, May 3, 2001."),
    ({"volume": "3", "issue": "2"}, "Vol. 3. no. 2. Pub, May 3, 2001."),
    ({"issue": "2"}, "no. 2. Pub, May 3, 2001."),
    ({"container-title": "Series X", "issue": "2"}, "In Series X. no. 2. Pub, May 3, 2001."),
    ({"container-title": "Series X", "volume": "3"}, "In Series X, vol. 3. Pub, May 3, 2001."),
    ({"container-title": "Repo", "volume": "Part B", "issue": "Spring"}, "In Repo, Part B. no. Spring. Pub, May 3, 2001."),
    ({"collection-title": "Coll Y", "volume": "3", "issue": "2"}, "Vol. 3. Coll Y, no. 2. Pub, May 3, 2001."),
    ({"issue": "2-3"}, "nos. 2-3. Pub, May 3, 2001."),
    ({"number": "12"}, "No. 12. Pub, May 3, 2001."),  # its own number, as before
])
@pytest.mark.parametrize("kind", ["document", "dataset", "manuscript"])
def test_a_csl_documents_issue_and_volume_print_as_pandoc_prints_them(kind: str, extra: dict, shown: str) -> None:
    item = {"id": "a", "type": kind, "title": "The Thing", "author": [{"family": "Doe", "given": "Jane"}],
            "publisher": "Pub", "issued": {"date-parts": [[2001, 5, 3]]}, **extra}
    (source,) = parse_csl(json.dumps([item]), "refs.json").sources
    assert format_reference(source).text == f"Doe, Jane. “The Thing.” {shown}"


def test_a_preprints_issue_prints_as_pandoc_prints_it() -> None:
    item = {"id": "a", "type": "article", "title": "The Thing", "author": [{"family": "Doe", "given": "Jane"}],
            "publisher": "arXiv", "issued": {"date-parts": [[2001]]}, "container-title": "Series X", "volume": "3",
            "issue": "2"}
    (source,) = parse_csl(json.dumps([item]), "refs.json").sources
    assert format_reference(source).text == "Doe, Jane. “The Thing.” In Series X, vol. 3. no. 2. Preprint, arXiv, 2001."


def test_the_references_kept_tell_apart_what_only_a_csl_item_holds() -> None:
    # Citations keeps each entry's reference by its content: a literal date and an issue are part of it (pandoc 3.9:
    # "Doe. “T.” no. 2. P, 1945 Issue." and "Doe. “T.” No. 2. P, 1945 Winter.").
    item = {"id": "a", "type": "document", "title": "T", "publisher": "P", "author": [{"family": "Doe"}],
            "issued": {"literal": "1945 Issue"}}
    (literal,) = parse_csl(json.dumps([item]), "refs.json").sources
    (other,) = parse_csl(json.dumps([{**item, "issued": {"literal": "1945 Winter"}}]), "refs.json").sources
    citations = Citations()
    assert [citations.reference(s).text for s in (literal, other)] == ["Doe. “T.” P, 1945 Issue.", "Doe. “T.” P, 1945 Winter."]
    (issue,) = parse_csl(json.dumps([{**item, "issue": "2"}]), "refs.json").sources
    (number,) = parse_csl(json.dumps([{**item, "number": "2"}]), "refs.json").sources
    assert [citations.reference(s).text for s in (issue, number)] == ["Doe. “T.” no. 2. P, 1945 Issue.",
                                                                      "Doe. “T.” No. 2. P, 1945 Issue."]


def test_a_literal_dates_letter_follows_it_as_pandoc_prints_it() -> None:
    # pandoc 3.9: "(Doe July 1945 Issuea, July 1945 Issueb; Roe no datea, no dateb)", no hyphen (n.d.'s "n.d.-a")
    from litreview.render.short_labels import marks

    items = [{"id": k, "type": "book", "title": k, "publisher": "P", "author": [{"family": who}],
              "issued": {"literal": when}}
             for k, who, when in (("a", "Doe", "July 1945 Issue"), ("b", "Doe", "July 1945 Issue"),
                                  ("c", "Roe", "no date"), ("d", "Roe", "no date"))]
    sources = parse_csl(json.dumps(items), "refs.json").sources
    found = marks(sources)
    assert [short_label(s, found[s.key]) for s in sources] == [
        "Doe July 1945 Issuea", "Doe July 1945 Issueb", "Roe no datea", "Roe no dateb"]


def test_a_word_whose_first_letters_are_braced_keeps_its_case_as_pandoc_prints_it() -> None:
    # real bibliography master-thesis: "{D}iscovery of {DNA} structure and {f}unction: {W}atson and {C}rick" is printed by
    # pandoc "... Structure and function: ..." (the braced letter is kept as written, so its word is not title-cased);
    # the page printed "Function". A braced group after one letter ("x{y}z") leaves the word as written too; one
    # after two letters is title case's as before.
    bib = parse_bibliography(
        "@article{b, author={Doe, J.}, title={{D}iscovery of {DNA} structure and {f}unction: {W}atson and {C}rick},"
        " journal={J}, year={2018}}\n"
        "@article{a, author={Doe, J.}, title={{f}unction of {f}orm: {f}unction and {ab}cd {A}bcd x{y}z}, journal={J},"
        " year={2018}}\n"
        "@article{c, author={Doe, J.}, title={The mi{RNA}s of form}, journal={J}, year={2018}}\n"
        # an accent's argument in braces is no such group (pandoc: "Zeitschrift Für Die Alttestamentliche")
        "@article{e, author={Doe, J.}, title={T}, journal={Zeitschrift f\\\"{u}r die alttestamentliche Wissenschaft},"
        " year={1996}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, J. “Discovery of DNA Structure and function: Watson and Crick.” J, 2018.",
        "Doe, J. “function of form: function and abcd Abcd xyz.” J, 2018.",
        "Doe, J. “The MiRNAs of Form.” J, 2018.",
        "Doe, J. “T.” Zeitschrift Für Die Alttestamentliche Wissenschaft, 1996."]


def test_no_full_stop_follows_a_title_ending_in_a_colon_or_semicolon_as_citeproc_prints_it() -> None:
    # real bibliography Memoire_TNAH: "Le dessin sans réserve: collections du musée des arts décoratifs :" was printed
    # "...Décoratifs :. MAD, 2020."; pandoc's citeproc drops the full stop after ":" and ";" (not after ",").
    bib = parse_bibliography(
        "@book{a, author={Doe, J.}, title={Ends colon:}, publisher={P}, year={2020}}\n"
        "@book{b, author={Doe, J.}, title={Ends semicolon;}, publisher={P}, year={2020}}\n"
        "@book{c, author={Doe, J.}, title={Ends comma,}, publisher={P}, year={2020}}\n"
        "@article{d, author={Doe, J.}, title={Ends colon:}, journal={J}, year={2020}}\n"
        "@book{f, author={Doe, J.}, title={Ends spaced colon :}, publisher={P}, year={2020}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, J. Ends Colon: P, 2020.", "Doe, J. Ends Semicolon; P, 2020.", "Doe, J. Ends Comma,. P, 2020.",
        "Doe, J. “Ends Colon:” J, 2020.", "Doe, J. Ends Spaced Colon : P, 2020."]


def test_a_command_in_braces_keeps_its_words_as_written_as_pandoc_prints_them() -> None:
    # real bibliography property_rights (Zotero): "Collective Action in {{{\emph{N}}}} -Person Stag Hunt Dilemmas", printed by
    # pandoc "in N -Person", by the page "in n -Person": a brace group opening with a command protects its words.
    # The close case: the command without the braces around it is sentence-cased, as pandoc prints it ("n").
    bib = parse_bibliography(
        "@article{a, author={Doe, J.}, title={Action in \\emph{N} -Person}, journal={J}, year={2018}}\n"
        "@article{b, author={Doe, J.}, title={Action in {{{\\emph{N}}}} -Person}, journal={J}, year={2018}}\n"
        "@article{d, author={Doe, J.}, title={Action in {\\textit{a} Word} baz}, journal={J}, year={2018}}\n")
    assert [format_reference(s).text for s in bib.sources] == [
        "Doe, J. “Action in n -Person.” J, 2018.", "Doe, J. “Action in N -Person.” J, 2018.",
        "Doe, J. “Action in a Word Baz.” J, 2018."]


def test_an_empty_name_in_a_csl_author_list_is_counted_and_not_printed() -> None:
    # A hand-written CSL-JSON file gives bodies as {"name": "Compaq"}, no CSL name variable, read as an empty name:
    # the site printed "Fielding, R., J. Gettys, , et al."; pandoc counts it for "et al." and prints nothing of it.
    def people(*names: str) -> list[dict[str, str]]:
        return [{"family": n, "given": "R"} if n else {"name": "Compaq"} for n in names]

    items = [{"id": "a", "type": "webpage", "title": "T", "issued": {"date-parts": [[1999]]},
              "author": people("Fielding", "Gettys", "", "Mogul", "", "Frystyk", "", "Masinter")},
             {"id": "b", "type": "webpage", "title": "T", "issued": {"date-parts": [[1999]]},
              "author": people("Fielding", "Gettys", "", "Mogul")}]
    a, b = parse_csl(json.dumps(items), "refs.json").sources
    assert format_reference(a).text.startswith("Fielding, R., R. Gettys, et al. “T.”"), format_reference(a).text
    assert format_reference(b).text.startswith("Fielding, R., R. Gettys, and R. Mogul. “T.”"), format_reference(b).text


def test_csl_markup_in_a_publisher_prints_as_pandoc_prints_it() -> None:
    # A CFD researcher's CSL-JSON publication list writes "50<sup>th</sup> 3AF International Conference" as the
    # publisher of a talk: pandoc prints a superscript "th", the site printed the tags as text.
    items = [{"id": "a", "type": "document", "author": [{"family": "Doe", "given": "Jane"}],
              "title": "7<sup>th</sup> Workshop Results", "publisher": "50<sup>th</sup> Conference on H<sub>2</sub>O",
              "issued": {"date-parts": [[2015, 4]]}}]
    text = format_reference(parse_csl(json.dumps(items), "refs.json").sources[0]).text
    assert text == "Doe, Jane. “7th Workshop Results.” 50th Conference on H2O, April 2015.", text


@pytest.mark.parametrize(("title", "joined"), [
    ("Is Habit `The Fossilised Residue'?", "Is Habit ‘the Fossilised Residue’? Ravaisson, Bergson"),
    ("Is Habit Real!", "Is Habit Real! Ravaisson, Bergson"), ("Habit", "Habit: Ravaisson, Bergson")])
def test_a_subtitle_after_a_title_ending_in_a_stop_of_its_own_takes_no_colon(title: str, joined: str) -> None:
    # biblatex's title and subtitle: pandoc joins them with ": ", a space alone after "?" or "!" (the site printed
    # "Activity'?: Ravaisson").
    bib = parse_bibliography("@article{a, author={Sinclair, Mark}, title={" + title + "}, subtitle={Ravaisson, "
                             "Bergson}, journaltitle={J}, volume=1, year=2011}")
    assert format_reference(bib.sources[0]).text == f"Sinclair, Mark. “{joined}.” J 1 (2011)."


def test_a_misc_entry_with_a_url_prints_its_location() -> None:
    # A speech given as @misc with location and url: pandoc prints "South Bend, IN, 1977.", the site dropped the place.
    bib = parse_bibliography("@misc{a, author={Jimmy Carter}, title={Address at Notre Dame}, date={1977-05-22}, "
                             "location={South Bend, IN}, url={https://example.org/x}}")
    assert format_reference(bib.sources[0]).text == ("Carter, Jimmy. Address at Notre Dame. South Bend, IN, 1977. "
                                                     "https://example.org/x.")
