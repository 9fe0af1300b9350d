"""Author-date citations in the forms biblatex and citeproc print besides "Family Year".

biblatex ``shorthand`` ("(KpV, 12)"), ``shortauthor`` and ``label`` ("(WHO 2020)", "(CMS 2003)"),
organisations as authors (braced BibTeX names, CSL-JSON ``literal``), and the variants of
"et al.", "and" and locators that styles in other languages print.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.bibliography.csl import parse_csl
from litreview.bibliography.load import load_bibliography, parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.model import Bibliography

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bibtex-suites" / "biber"

# Shaped like the biblatex manual's examples (biblatex-examples.bib): two volumes of one edition,
# each with its own shorthand, and the same author cited by name and year elsewhere.
SHORTHAND = r"""@inbook{kant:kpv, shorthand = {KpV}, author = {Kant, Immanuel}, bookauthor = {Kant, Immanuel},
  title = {Kritik der praktischen Vernunft}, booktitle = {Werke}, volume = {5}, year = {1968}, pages = {1--163}}
@inbook{kant:ku, shorthand = {KU}, author = {Kant, Immanuel}, title = {Kritik der Urtheilskraft},
  booktitle = {Werke}, volume = {5}, year = {1968}, pages = {165--485}}
@book{kant:rel, author = {Kant, Immanuel}, title = {Die Religion}, year = {1793}}
@book{anon, shorthand = {Anony}, title = {Anonymous work}, year = {1990}}
@book{rk4, shorthand = {RK4}, author = {Runge, Carl}, title = {Integration}, year = {1895}}
"""


def _markers(text: str, bib: Bibliography) -> list[tuple[str, str, str]]:
    linkage = link(parse_essay(text), bib)
    return [(lk.source_key, lk.locator, lk.status) for lk in linkage.links if lk.kind == "marker"]


@pytest.mark.parametrize(("text", "want"), [
    ("Duty binds the will (KpV, 12).", [("kant:kpv", "12")]),
    ("Duty binds the will (KpV).", [("kant:kpv", "")]),
    ("Taste is free (see KU, p. 211; Kant 1793).", [("kant:ku", "p. 211"), ("kant:rel", "")]),
    ("Taste is free (KU, 211; KpV, 30).", [("kant:ku", "211"), ("kant:kpv", "30")]),
    ("As Kant (KpV, 30) puts it, duty binds.", [("kant:kpv", "30")]),
    ("Duty binds the will, KpV 12, and taste is free, KU, 211.", [("kant:kpv", "12"), ("kant:ku", "211")]),
    ("The integrator (RK4, 1600) is stable.", [("rk4", "1600")]),
])
def test_a_biblatex_shorthand_cites_its_entry(text: str, want: list[tuple[str, str]]) -> None:
    got = _markers(text, parse_bibliography(SHORTHAND))
    assert sorted((k, loc) for k, loc, _ in got) == sorted(want)
    assert all(status == "confirmed" for *_, status in got)


@pytest.mark.parametrize("text", [
    "Kant wrote on religion (Kant 1793).",  # names and a year: the entry without a shorthand
    "An Anony mouse ran by.",  # a shorthand that reads as a word is matched in parentheses only
    "The KUKA robot (model 4) and kupv were used.",  # a shorthand only as a whole word, case as written
])
def test_a_shorthand_is_not_read_into_other_text(text: str) -> None:
    got = _markers(text, parse_bibliography(SHORTHAND))
    assert all(k == "kant:rel" for k, *_ in got)


def test_a_shorthand_that_reads_as_a_word_is_still_matched_in_parentheses() -> None:
    assert [k for k, *_ in _markers("Nobody signed it (Anony, 4).", parse_bibliography(SHORTHAND))] == ["anon"]


@pytest.mark.skipif(not (SHARED / "t_tdata_examples.bib").is_file(), reason="needs ../shared/corpus/bibtex-suites")
def test_the_shorthands_of_the_biblatex_examples() -> None:
    bib = load_bibliography(SHARED / "t_tdata_examples.bib")
    got = _markers("Reason is practical (KpV, 25). Judgment reflects (KU, 180). Saints were named (AA 2002, 431).",
                   bib)
    assert [(k, loc) for k, loc, _ in got] == [("kant:kpv", "25"), ("kant:ku", "180"), ("angenendtsa", "431")]
    got = _markers("Style is a choice (CMS 2003, 16.4). The archive grows (CTAN 2006).", bib)
    assert [k for k, *_ in got] == ["cms", "ctan"]


ORGS = r"""@techreport{who2020, author = {{World Health Organization}}, title = {World report on health}, year = {2020}}
@book{un2015, author = {{United Nations}}, title = {Transforming our world}, year = {2015}}
@report{oecd2019, author = {{Organisation for Economic Co-operation and Development}}, title = {Society}, year = {2019}}
@misc{bank2018, author = {{The World Bank}}, title = {Poverty and shared prosperity}, year = {2018}}
@report{ilo2021, author = {{International Labour Organization}}, shortauthor = {ILO}, title = {World employment}, date = {2021}}
@manual{cms2003, label = {CMS}, title = {The Chicago Manual of Style}, year = {2003}}
@book{nations1999, author = {Nations, Ursula}, title = {A life}, year = {2015}}
"""


@pytest.mark.parametrize(("text", "key"), [
    ("Health is a right (World Health Organization 2020).", "who2020"),
    ("World Health Organization (2020) calls health a right.", "who2020"),
    ("Health is a right (WHO 2020, 12).", "who2020"),
    ("Health is a right (World Health Organization [WHO], 2020).", "who2020"),
    ("Goals were set (United Nations 2015).", "un2015"),
    ("Societies age (OECD 2019).", "oecd2019"),
    ("Poverty falls (World Bank 2018).", "bank2018"),
    ("Poverty falls (The World Bank 2018).", "bank2018"),
    ("Jobs return (ILO 2021, 3).", "ilo2021"),
    ("Jobs return (International Labour Organization 2021).", "ilo2021"),
    ("Style matters (CMS 2003).", "cms2003"),
])
def test_an_organisation_as_author(text: str, key: str) -> None:
    assert [k for k, *_ in _markers(text, parse_bibliography(ORGS))] == [key]


def test_a_braced_organisation_is_one_family_name() -> None:
    bib = parse_bibliography(ORGS)
    who = next(s for s in bib.sources if s.key == "who2020")
    assert [(p.family, p.given) for p in who.authors] == [("World Health Organization", "")]
    # "Nations" alone names the person, not the organisation; "who" in lower case is a pronoun.
    assert [k for k, *_ in _markers("Lives differ (Nations 2015).", bib)] == ["nations1999"]
    assert _markers("Those who (2020) left were counted.", bib) == []


def test_an_institution_as_author_in_csl_json(tmp_path: Path) -> None:
    items = [{"id": "who", "type": "report", "author": [{"literal": "World Health Organization"}],
              "title": "World report", "issued": {"date-parts": [[2020]]}},
             {"id": "un", "type": "book", "author": [{"literal": "United Nations"}],
              "title": "Transforming", "issued": {"date-parts": [[2015]]}}]
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    got = _markers("Health is a right (WHO 2020). Goals were set (United Nations 2015).", load_bibliography(path))
    assert [k for k, *_ in got] == ["who", "un"]


# Rendered by pandoc's citeproc (Chicago author-date) with ``lang:`` set; the entries are LOCALE below.
LOCALE = r"""@book{two, author={Smith, John and Jones, Mary}, title={Two}, year={2010}}
@book{four, author={Brown, A. and Green, B. and White, C. and Black, D. and Grey, E.}, title={Four}, year={2011}}
@book{brown, author={Brown, A.}, title={Alone}, year={2011}}
@book{nd, author={Doe, Jane}, title={Undated}}
@book{nd2, author={Doe, Jane}, title={Another undated}}
@book{press, author={Roe, Rick}, title={Pressing}, year={im Druck}}
@book{y1, author={Kim, Kay}, title={Alpha}, year={2015}}
@book{y2, author={Kim, Kay}, title={Beta}, year={2015}}
@book{vd, author={van Dijk, Teun and de la Cruz, Maria}, title={Particles}, year={2014}}
"""
LOCALE_KEYS = ["two", "four", "nd", "two", "y1", "y2", "vd", "nd", "nd2"]


@pytest.mark.parametrize("rendered", [
    # de-DE
    "A (Smith und Jones 2010, 12). B (Brown u. a. 2011). C (Doe, o. J.-b). E Smith und Jones (2010). "
    "G (Kim 2015a; 2015b, 4). H (Dijk und Cruz 2014). J (Doe, o. J.-b, o. J.-a).",
    # fr-FR, es-ES, nl-NL
    "A (Smith et Jones 2010, 12). B (Brown et al. 2011). C (Doe, s. d.-b). E Smith et Jones (2010). "
    "G (Kim 2015a; 2015b, 4). H (Dijk et Cruz 2014). J (Doe, s. d.-b, s. d.-a).",
    "A (Smith y Jones 2010, 12). B (Brown et al. 2011). C (Doe, s. f.-b). E Smith y Jones (2010). "
    "G (Kim 2015a; 2015b, 4). H (Dijk y Cruz 2014). J (Doe, s. f.-b, s. f.-a).",
    "A (Smith en Jones 2010, 12). B (Brown e.a. 2011). C (Doe, z.d.-b). E Smith en Jones (2010). "
    "G (Kim 2015a; 2015b, 4). H (Dijk en Cruz 2014). J (Doe, z.d.-b, z.d.-a).",
    # sv-SE (the sentence splits after "m.fl."), fi-FI, pt-PT
    "A (Smith och Jones 2010, 12). B Brown m.fl. (2011). C (Doe, u.å.-b). E Smith och Jones (2010). "
    "G (Kim 2015a; 2015b, 4). H (Dijk och Cruz 2014). J (Doe, u.å.-b, u.å.-a).",
    "A (Smith ja Jones 2010, 12). B (Brown ym. 2011). C (Doe, ei pvm.-b). E Smith ja Jones (2010). "
    "G (Kim 2015a; 2015b, 4). H (Dijk ja Cruz 2014). J (Doe, ei pvm.-b, ei pvm.-a).",
    "A (Smith e Jones 2010, 12). B (Brown et al. 2011). C (Doe, sem data-b). E Smith e Jones (2010). "
    "G (Kim 2015a; 2015b, 4). H (Dijk e Cruz 2014). J (Doe, sem data-b, sem data-a).",
    # hr-HR and lt-LT mark the year ("2010.", "2010 m."); ru-RU "г."; ja-JP "年"
    "A (Smith i Jones 2010., 12). B (Brown i sur. 2011.). C (Doe, bez dat.-b). E Smith i Jones (2010.). "
    "G (Kim 2015.a; 2015.b, 4). H (Dijk i Cruz 2014.). J (Doe, bez dat.-b, bez dat.-a).",
    "A (Smith ir Jones 2010 m., 12). B (Brown ir kt. 2011 m.). C (Doe, s.a.-b). E Smith ir Jones (2010 m.). "
    "G (Kim 2015 m.a; 2015 m.b, 4). H (Dijk ir Cruz 2014 m.). J (Doe, s.a.-b, s.a.-a).",
    "A (Smith и Jones 2010 г., 12). B (Brown и др. 2011 г.). C (Doe, б. д.-b). E Smith и Jones (2010 г.). "
    "G (Kim 2015 г.a; 2015 г.b, 4). H (Dijk и Cruz 2014 г.). J (Doe, б. д.-b, б. д.-a).",
    "A (Smith と Jones 2010年, 12). B (Brown ほか 2011年). C (Doe, 日付なし-b). E Smith と Jones (2010年). "
    "G (Kim 2015年a; 2015年b, 4). H (Dijk と Cruz 2014年). J (Doe, 日付なし-b, 日付なし-a).",
])
def test_and_et_al_and_no_date_as_each_locale_prints_them(rendered: str) -> None:
    linkage = link(parse_essay(rendered), parse_bibliography(LOCALE))
    assert [m.keys[0] if m.keys else None for m in linkage.mentions if m.kind == "marker"] == LOCALE_KEYS


@pytest.mark.parametrize(("term", "letter"), [("[sin fecha]", " "), ("sans date", " "), ("[sans date]", " "),
                                              ("ohne Datum", " "), ("o. D.", "-"), ("undated", " "),
                                              ("[kein Datum]", " ")])
def test_no_date_terms_styles_define_for_themselves(term: str, letter: str) -> None:
    # ISO 690 in Spanish prints "(Doe [sin fecha] b)", as pandoc's citeproc renders it with the CSL project's
    # iso690-author-date-es.csl; French and German styles "sans date", "ohne Datum"; ISO 690 in German
    # "(Doe [kein Datum] a, [kein Datum] b)".
    rendered = (f"A (Smith y Jones 2010, 12). B (Brown et al. 2011). C (Doe, {term}{letter}b). E Smith y Jones (2010). "
                f"G (Kim 2015a; 2015b, 4). H (Dijk y Cruz 2014). J (Doe, {term}{letter}b, {term}{letter}a).")
    linkage = link(parse_essay(rendered), parse_bibliography(LOCALE))
    assert [m.keys[0] if m.keys else None for m in linkage.mentions if m.kind == "marker"] == LOCALE_KEYS


@pytest.mark.parametrize(("text", "key"), [
    ("It is due (Roe im Druck).", "press"),
    ("It is due (Roe Im Druck, 3).", "press"),
    ("Many wrote it (Brown et al 2011).", "four"),  # no period
    ("Many wrote it (Brown et. al. 2011).", "four"),  # a common misspelling
    ("Many wrote it (Brown and others 2011).", "four"),
    ("Alone (Brown 2011).", "brown"),
])
def test_year_words_and_et_al_variants(text: str, key: str) -> None:
    assert [k for k, *_ in _markers(text, parse_bibliography(LOCALE))] == [key]


def test_a_name_with_y_or_e_inside_is_not_read_as_two() -> None:
    bib = parse_bibliography("@book{og, author={Ortega y Gasset, José}, title={La rebelión}, year={1930}}\n"
                             "@book{o, author={Ortega, Ana and Gasset, Luis}, title={Otro}, year={1930}}\n")
    assert [k for k, *_ in _markers("Masses rebel (Ortega y Gasset 1930).", bib)] == ["og"]
    assert [k for k, *_ in _markers("Masses rebel (Ortega y Gasset 1930). Others (Ortega and Gasset 1930).", bib)] == [
        "og", "o"]


def test_year_letters_go_on_past_z() -> None:
    # pandoc's citeproc letters the 27th and 28th entries of one author and year "aa" and "ab".
    bib = parse_bibliography("".join(f"@book{{k{i:02d}, author={{Many, Mo}}, title={{T{i:02d}}}, year={{2001}}}}\n"
                                      for i in range(1, 30)))
    got = _markers("One (Many 2001z). Two (Many 2001aa, 4). Three (Many 2001ab).", bib)
    assert [(k, loc) for k, loc, _ in got] == [("k26", ""), ("k27", "4"), ("k28", "")]


PARTICLES = r"""@book{vangennep, options = {useprefix}, author = {van Gennep, Arnold}, date = {1909}, title = {Les rites}}
@book{gennep, author = {van Gennep, Arnold}, date = {1909}, title = {Les rites}}
@book{ly2, author = {Arthur Sample}, date = {2006}, title = {Some title}}
@book{ly3, author = {Arthur Sample}, date = {2006/}, title = {Some title}}
@misc{sp8, author = {Ralley, Percy L.}, title = {Title1}, date = {2010}}
@misc{sp9, author = {Ralley, Jr., Percy L.}, title = {Title1}, date = {2010}}
@misc{test3, author = {John Blether and John Doe}, date = {2011}}
@misc{test4, author = {John Blether and Jane Doe}, date = {2011}}
@misc{doe, author = {Doe, Jane}, date = {2011}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # pandoc, like biblatex, prints the particle only when the entry sets useprefix.
    ("Both hold (van Gennep 1909; Gennep 1909).", ["vangennep", "gennep"]),
    ("Rites pass (Van Gennep 1909, 4).", ["vangennep"]),
    # An open date range "2006/" prints "2006–", lettered with the closed 2006 of the same author.
    ("Sample (2006–b) argues.", ["ly3"]),
    ("It holds (Sample 2006a, 12).", ["ly2"]),
    # Given names and "Jr." that citeproc adds to tell people apart.
    ("It holds (see Percy L. Ralley 2010, chap. 2). It holds (Percy L. Ralley Jr. 2010).", ["sp8", "sp9"]),
    ("It holds (Ralley Jr. 2010).", ["sp9"]),
    ("Blether and Jane Doe (2011) argue.", ["test4"]),
    ("Blether and John Doe (2011) argue.", ["test3"]),
    ("Jane Doe (2011) argues alone.", ["doe"]),
])
def test_particles_open_ranges_suffixes_and_given_names(text: str, keys: list[str]) -> None:
    assert [k for k, *_ in _markers(text, parse_bibliography(PARTICLES))] == keys


SUFFIXES = r"""@misc{r1, author = {Ralley, Percy L.}, title = {Title1}, date = {2010}}
@misc{r3, author = {Ralley, 3rd, Percy L.}, title = {Title2}, date = {2010}}
@book{sen, author = {Sen, Amartya}, title = {Development as Freedom}, year = {1999}}
@book{sen2, author = {Sen, Amartya and Nussbaum, Martha}, title = {Quality of Life}, year = {1993}}
@book{wang, author = {Wang, Jun}, title = {Rivers}, year = {2020}}
@book{wang2, author = {Wang, Li}, title = {Lakes}, year = {2020}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # The loader read "3rd" as a name suffix and the linker did not: both entries were left open.
    ("It holds (Percy L. Ralley 3rd 2010). It holds (Percy L. Ralley 2010).", ["r3", "r1"]),
    # One table of suffixes, but "Sen" and "Jun", suffixes in a name's own part, are names in running text.
    ("Freedom grows (Sen 1999). Life (Sen and Nussbaum 1993).", ["sen", "sen2"]),
    ("Rivers run (Jun Wang 2020). Lakes lie (Li Wang 2020).", ["wang", "wang2"]),
])
def test_a_name_suffix_tells_people_apart_and_a_name_is_no_suffix(text: str, keys: list[str]) -> None:
    assert [k for k, *_ in _markers(text, parse_bibliography(SUFFIXES))] == keys


WEB_PAGES = r"""@misc{fema, title = {Coronavirus (COVID-19) response}, howpublished = {U.S. Federal Emergency Management Agency}, year = {2024}}
@misc{census, title = {Historical population density data (1910-2020)}, year = {2021}}
@article{roe, author = {Roe, Ann}, title = {Floods}, year = {2001}}
@article{mai, author = {Maillard, Sam and Roncalli, Tom and Teiletche, Joe}, title = {Risk}, year = {2010}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # APA and Harvard name a web page with no author by its title, parenthesis and all: the citation was
    # read only inside the title's parenthesis, and lost.
    ("The emergency ended in 2023 (Coronavirus (COVID-19) Response, 2024).", ["fema"]),
    ("The state is sparse (“Historical population density data (1910-2020),” 2021).", ["census"]),
    # A citation inside a parenthesis is read as before; the outer one is not read again.
    ("It holds (as Roe (2001) shows for rivers).", ["roe"]),
    ("It builds equal-risk (Maillard e.a. (2010)) portfolios.", ["mai"]),
])
def test_a_title_with_a_parenthesis_of_its_own(text: str, keys: list[str]) -> None:
    linkage = link(parse_essay(text), parse_bibliography(WEB_PAGES))
    assert [m.keys[0] for m in linkage.mentions if m.kind == "marker" and m.keys] == keys


# CSL-YAML entries with no author and no date; pandoc prints their titles in place of the names.
UNAUTHORED = [{"id": "socialm", "type": "dataset", "title": "Social Media and Children 2024 Legislation"},
              {"id": "socialdated", "type": "dataset", "title": "Social Media and Children 2024 Legislation",
               "issued": {"date-parts": [[2024, 10, 3]]}},
              {"id": "johnson", "type": "webpage",
               "title": 'Johnson calls Kids Online Safety Act "very problematic"'}]


@pytest.mark.parametrize(("text", "keys"), [
    # pandoc's APA and Chicago author-date: a number in the title is not the year ("n.d." is, or the year after).
    ("A (Social Media and Children 2024 Legislation, n.d.).", ["socialm"]),
    ("A (“Social Media and Children 2024 Legislation,” n.d.).", ["socialm"]),
    ("C (Social Media and Children 2024 Legislation, 2024).", ["socialdated"]),
    ("C (“Social Media and Children 2024 Legislation” 2024).", ["socialdated"]),
    # The title's inner quotes printed as single ones: Chicago author-date, DIN 1505-2, Metaaltijden.
    ("D (“Johnson Calls Kids Online Safety Act ‘Very Problematic’,” n.d.).", ["johnson"]),
    ("D („Johnson calls Kids Online Safety Act ‚very problematic‘“).", ["johnson"]),
    ("D (Johnson calls Kids Online Safety Act ‘very problematic’, z.d.).", ["johnson"]),
])
def test_a_title_printed_as_names(tmp_path: Path, text: str, keys: list[str]) -> None:
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(UNAUTHORED), encoding="utf-8")
    linkage = link(parse_essay(text), load_bibliography(path))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == keys


def test_a_title_with_a_number_and_no_year_printed(tmp_path: Path) -> None:
    # DIN 1505-2 prints no "n.d.": "(„Social Media and Children 2024 Legislation“)" is not a work of 2024.
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(UNAUTHORED[:1]), encoding="utf-8")
    linkage = link(parse_essay("A („Social Media and Children 2024 Legislation“)."), load_bibliography(path))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["socialm"]


@pytest.mark.parametrize("text", [
    # pandoc joins a BibTeX subtitle to the title; ASA prints that whole title for a work with no author
    "It holds (e.g., The chicago manual of style: The essential guide for writers, editors, and publishers 2003:33).",
    # Chicago prints the short title
    "It holds (e.g., Chicago Manual of Style 2003, 33).",
])
def test_a_work_with_no_author_cited_by_its_title_and_subtitle(text: str) -> None:
    bib = parse_bibliography("@manual{cms, title = {The Chicago Manual of Style}, subtitle = {The Essential Guide for"
                             " Writers, Editors, and Publishers}, shorttitle = {Chicago Manual of Style}, year = 2003}")
    linkage = link(parse_essay(text), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["cms"]


_CASES = """references:
- id: smith-sc
  type: legal_case
  title: 'R v Smithers'
  title-short: 'Smithers SC'
  authority: '2001 SC 7'
- id: smith-ca
  type: legal_case
  title: 'R v Smithers'
  title-short: 'Smithers CA'
  authority: '1999 CA 12'
- id: acts
  type: legislation
  title: Harbour Works Act
- id: otway
  type: legal_case
  title: Otway v R
"""


@pytest.mark.parametrize(("text", "keys"), [
    ("It holds (Smithers SC, n.d.). It does not (Smithers CA, n.d., ¶¶ 5–6).", ["smith-sc", "smith-ca"]),
    # styles that print no "n.d." (DIN 1505-2): the short title alone
    ("It holds (Smithers SC). It does not (Smithers CA, para. 41).", ["smith-sc", "smith-ca"]),
    ("It holds (Smithers CA, paras. 32, 42–43).", ["smith-ca"]),
    # the full title (Harvard)
    ("It holds (Harbour Works Act, no date, sec. 3).", ["acts"]),
    # quoted, as ABNT and ISO 690 print a title standing for the names, also before a narrative citation's year
    ("It holds (“Smithers SC”, [S.d.], para. 80). As «Smithers CA» ([sin fecha]) held.", ["smith-sc", "smith-ca"]),
    # a case or a statute is cited by its title however short, with its subsections
    ("It holds (Otway v R, para. 32). So (Harbour Works Act, ss. 6(1), 7(2)(a)).", ["otway", "acts"]),
    # the author's words after the pinpoint, as a citation's suffix holds them
    ("It holds (Otway v R, para. 32 (emphasis added)). So (Otway v R, p. 351, Brown J, 361, Grey J).",
     ["otway", "otway"]),
])
def test_a_case_with_no_author_cited_by_its_short_title(text: str, keys: list[str]) -> None:
    # A legal case in CSL-YAML has no author: citeproc prints its ``title-short`` in the citation.
    bib = parse_csl(_CASES, "cases.yaml", yaml=True)
    linkage = link(parse_essay(text), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == keys


def test_a_short_word_after_a_lettered_year_is_no_further_letter() -> None:
    # "(Doe, 2001b, en particulier ...)": the author's note, in French, not the collapsed letters "2001b, c".
    bib = parse_bibliography(r"""@book{d1, author = {Doe, Jane}, title = {Rivers}, date = {2001}}
@book{d2, author = {Doe, Jane}, title = {Mountains}, date = {2001}}
@book{d3, author = {Doe, Jane}, title = {Plains}, date = {2001}}
""")
    text = ("Premier (Doe, 2001a). Second (Doe, 2001c, en particulier le chapitre 3, p. 3-25). "
            "Third (Doe, 2001a, b chap. 2).")
    linkage = link(parse_essay(text), bib)
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [("d2",), ("d1",), ("d2",), ("d3",)]


@pytest.mark.parametrize(("text", "keys"), [
    # A surname that is also a word a citation may open with ("for example", "see"): an entry's name of that year is
    # its name; it was read as a prefix, and the year alone matched nothing.
    ("It holds (Example 2006, 12).", ["ex"]),
    ("It holds (See 2014).", ["see"]),
    # Where no entry of those names has the year, the word is a prefix as before: the year is the names' before it.
    ("Doe (2001) shows it (see 2003).", ["doe1", "doe3"]),
])
def test_a_surname_that_is_a_prefix_word(text: str, keys: list[str]) -> None:
    bib = parse_bibliography(r"""@book{ex, author = {Example, Arthur}, title = {Some Title}, year = {2006}}
@book{see, author = {See, Kelly}, title = {Sea Ice}, year = {2014}}
@book{doe1, author = {Doe, Jane}, title = {One}, year = {2001}}
@book{doe3, author = {Doe, Jane}, title = {Three}, year = {2003}}
""")
    assert [k for k, _, _ in _markers(text, bib)] == keys


@pytest.mark.parametrize(("text", "keys"), [
    # Springer and DIN 1505-2 print no "n.d.": a narrative citation of an entry with no date is its names alone, at
    # the end of a sentence ("... dialog generation Nakamura et al. As ..."); it was no citation at all.
    ("It serves neural dialog generation Nakamura et al. As a resource it grows.", ["na"]),
    ("Es dient der Dialoggenerierung NAKAMURA u. a. Als Ressource wächst es.", ["na"]),
    # Not names of an entry with a date (the prose names its authors), nor names followed by more words of the sentence.
    ("It serves neural dialog generation Roe et al. As a resource it grows.", []),
    ("As Nakamura et al. show, it serves dialog generation.", []),
    # A sentence split after the "et al." of a narrative citation whose year follows ("Gauck m.fl. | (u.å.)"): read
    # once, with its year; it was read a second time as names alone.
    ("Det gäller. Sedan hävdar Gauck m.fl. (u.å.) det.", ["ga"]),
])
def test_names_alone_cite_an_entry_with_no_date(text: str, keys: list[str]) -> None:
    bib = parse_bibliography(r"""@article{na, author = {Nakamura, Ryo and Sudoh, Katsuhito and Yoshino, Koichiro},
  title = {Another Objective Function for Neural Dialogue Generation}}
@article{roe, author = {Roe, Ann and Poe, Bo and Doe, Cy}, title = {Dialogue}, year = {2019}}
@book{ga, author = {Gauck, Joachim and others}, title = {Title B}}
""")
    assert [k for k, _, _ in _markers(text, bib)] == keys


PROSE_PREFIX = r"""@book{gasparini, author = {Gasparini, Philippe}, title = {Est-il je?}, year = {2004}}
@book{genette, author = {Genette, Gérard}, title = {Seuils}, year = {1987}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # pandoc prints a citation's prefix, prose of any length, before its names: a year in that prose ends a sentence
    ("The paratext (Gasparini takes up the classification of Seuils, 1987. The paratext is thus the peritext and the "
     "epitext. Gasparini, 2004, p. 61) comes first.", ["gasparini"]),
    ("The paratext (Gasparini takes up the classification of Seuils, 1987. It is the epitext. Gasparini 2004:61).",
     ["gasparini"]),
    # a year whose sentence goes on is the item's own, and a last sentence that is no item cites nothing more
    ("The paratext (Genette 1987. It is the epitext. Gasparini 2004) comes first.", ["genette", "gasparini"]),
    ("The paratext (Genette 1987. It is the epitext. Peritexts 2004) comes first.", ["genette"]),
])
def test_a_prefix_of_prose_with_a_year_before_the_names(text: str, keys: list[str]) -> None:
    assert [key for key, _, _ in _markers(text, parse_bibliography(PROSE_PREFIX))] == keys


SECONDARY = r"""@article{todos, author = {{Castillo} and {Miranda} and {Madero-Cabib}}, title = {Todos Somos Clase Media},
  year = {2013}}
@article{edu, author = {Castillo, JC and {Madero-Cabib}, Ignacio and Miranda, Daniel}, title = {Educación}, year = {2013}}
@article{poe, author = {Poe, Edgar}, title = {Ravens}, year = {2001}}
"""


@pytest.mark.parametrize(("text", "want"), [
    # A secondary citation: the work the author read it in, after the prefix, names with commas in them: one
    # item of its own, not the locator of the work cited there (that one has no entry: a note of its own).
    ("Es así (Madero 2011, citado en Castillo, Miranda, and Madero-Cabib 2013:160).", [("todos", ":160")]),
    ("It is so (Madero, 2011, as cited in Castillo, Madero-Cabib, & Miranda, 2013, p. 160).", [("edu", "p. 160")]),
    ("Es así (Madero 2011, zit. n. Castillo, Miranda und Madero-Cabib 2013).", [("todos", "")]),
    ("It is so (Poe 2001, cited in Castillo, Madero-Cabib, and Miranda 2013).", [("poe", ""), ("edu", "")]),
    # Words of a note that name no entry of that year are still the first item's.
    ("It is so (Poe 2001, on the raven, Castillo, Miranda, and Madero-Cabib 2019).",
     [("poe", "on the raven, Castillo, Miranda, and Madero-Cabib 2019")]),
])
def test_a_work_cited_in_another_is_read_with_the_one_it_was_read_in(text: str, want: list[tuple[str, str]]) -> None:
    got = [(key, locator) for key, locator, _ in _markers(text, parse_bibliography(SECONDARY))]
    assert got == want


ACRONYM_OR_PERSON = r"""@report{org, author = {{World Health Organization}}, title = {Global tuberculosis report}, year = {2019}}
@article{jane, author = {Who, Jane}, title = {Cell growth in budding yeast}, year = {2019}}
@article{caps, author = {WHO, Ann}, title = {Cell growth in fission yeast}, year = {2018}}
@report{org18, author = {{World Health Organization}}, title = {Global tuberculosis report}, year = {2018}}
"""


@pytest.mark.parametrize(("text", "want"), [
    # "WHO" in capitals is the organisation's acronym, not Jane Who, whom a style prints "Who" (even where the
    # sentence's words lean to her work).
    ("Cases of tuberculosis rose (WHO 2019).", ["org"]),
    ("Budding yeast cells grow (WHO 2019).", ["org"]),
    ("WHO (2019) counts the cases.", ["org"]),
    ("Budding yeast cells grow (Who 2019).", ["jane"]),
    # A person whose family name the bibliography spells in capitals fits "WHO" as well: left open, whatever the
    # sentence's words lean to.
    ("Fission yeast cells grow (WHO 2018).", []),
    ("Cases of tuberculosis rose (WHO 2018).", []),
])
def test_a_capitalised_acronym_names_the_organisation_not_a_person_of_that_name(text: str, want: list[str]) -> None:
    assert [k for k, *_ in _markers(text, parse_bibliography(ACRONYM_OR_PERSON))] == want


def test_an_acronym_as_one_entrys_author_hides_no_other_entry_with_that_short_name() -> None:
    # An entry whose author is written as the acronym ("author = {BIS}") and another printed so by its shortauthor:
    # "(BIS 2010)" is the second one's, the only one of that year.
    bib = parse_bibliography(r"""@misc{b15, author = {BIS}, title = {Credit valuation}, year = {2015}}
@manual{b10, author = {Bank for International Settlements}, shortauthor = {BIS}, title = {Quarterly review}, year = {2010}}
""")
    assert [k for k, *_ in _markers("Spreads widened (BIS 2010). Rules changed (BIS 2015).", bib)] == ["b10", "b15"]


def test_an_organisation_printed_as_its_own_acronym_and_the_initials_of_the_rest() -> None:
    # "(UN DESA 2019)": the capitals "UN" the name writes, then the initials of the words after them; not Ravi Desa's
    # work, whose name is only the last word.
    bib = parse_bibliography(r"""@report{desa, author = {{UN Department of Economic and Social Affairs}},
  title = {World population prospects}, year = {2019}}
@article{ravi, author = {Desa, Ravi}, title = {Markets}, year = {2019}}
""")
    assert [k for k, *_ in _markers("Populations age (UN DESA 2019). Markets clear (Desa 2019).", bib)] == [
        "desa", "ravi"]
