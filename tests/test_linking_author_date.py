"""Author-date citations as citation styles render them: year suffixes, et al., corporate authors, n.d."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.bibliography.load import load_bibliography, parse_bibliography
from litreview.essay import load_essay, parse_essay
from litreview.linking import link
from litreview.linking.author_names import person_like
from litreview.linking.labels import YearLabel, year_labels
from litreview.linking.styles import letter_order

CASE = Path(__file__).parent / "cases" / "author_date"


def test_every_citation_of_the_case_finds_its_entry() -> None:
    linkage = link(load_essay(CASE / "essay.md"), load_bibliography(CASE / "refs.bib"))
    got = [[m.text, m.keys[0] if m.keys else None] for m in linkage.mentions if m.kind == "marker"]
    assert got == json.loads((CASE / "expected.json").read_text(encoding="utf-8"))["markers"]
    assert all(lk.status == "confirmed" for lk in linkage.links if lk.kind == "marker")


def test_year_suffixes_follow_the_title_not_the_month() -> None:
    bib = load_bibliography(CASE / "refs.bib")
    sources = {s.key: s for s in bib.sources}
    labels = year_labels(sources, {k: s.year for k, s in sources.items()})
    assert [labels[k].text() for k in ("heiss2016early", "heiss2016middle", "heiss2016late")] == [
        "2016a", "2016b", "2016c"]
    assert labels["holsti2004taming"] == YearLabel(2004)
    assert [labels[k].text() for k in ("scipyissue", "scipyrepo", "amrweb")] == ["n.d.-a", "n.d.-b", "n.d."]


def test_a_letter_written_in_the_year_field_is_kept() -> None:
    bib = parse_bibliography("@book{a, author={Doe, J.}, title={B}, year={2001b}}\n"
                             "@book{b, author={Doe, J.}, title={A}, year={2001}}\n")
    sources = {s.key: s for s in bib.sources}
    labels = year_labels(sources, {"a": 2001, "b": 2001})
    assert labels["a"].text() == "2001b" and labels["b"].text() == "2001"


@pytest.mark.parametrize(("text", "key", "locator"), [
    ("Activists cross borders (Smith 2010, 5).", "smith2010chapter", "5"),
    ("Smith (2010) crosses borders.", "smith2010chapter", ""),
])
def test_a_year_inherited_through_crossref_is_matched(text: str, key: str, locator: str) -> None:
    linkage = link(parse_essay(text), load_bibliography(CASE / "refs.bib"))
    assert [(lk.source_key, lk.locator) for lk in linkage.links if lk.kind == "marker"] == [(key, locator)]


def test_different_people_of_one_name_get_no_letters() -> None:
    bib = parse_bibliography("@book{a, author={Smith, John}, title={B}, year={2001}}\n"
                             "@book{b, author={Smith, Jane and Roe, R.}, title={A}, year={2001}}\n")
    sources = {s.key: s for s in bib.sources}
    labels = year_labels(sources, {"a": 2001, "b": 2001})
    assert labels["a"].suffix == labels["b"].suffix == ""


BIBLATEX = """@set{set, crossref={set:one}, entryset={set:one,set:two}}
@article{set:one, author={Herrmann, Wolfgang and Öfele, Karl and Schneider, Sabine}, title={A carbocyclic carbene},
  journaltitle={J. Organomet. Chem.}, date={2006}}
@article{set:two, author={Yoon, Myeong S.}, title={Palladium}, journaltitle={Organometallics}, date={2006}}
@book{knuth:ct, author={Knuth, Donald E.}, title={Computers \\& Typesetting}, date={1984/1986}}
@book{knuth:ct:a, author={Knuth, Donald E.}, title={The \\TeX book}, date={1984}}
@book{moraux, author={Moraux, Paul}, title={Le Commentaire}, date={1979/1980}, origdate={1924}}
@misc{pages1, pages={23--24}}
@misc{pages2, pages={23}}
@book{over1, usera={thing}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # A biblatex set takes its first member's data; citeproc prints the member.
    ("Carbenes are stable (Herrmann, Öfele, and Schneider 2006, 12).", ["set:one"]),
    # A date range prints as one label; the single year is another entry.
    ("Typesetting is an art (Knuth 1984–1986).", ["knuth:ct"]),
    ("Typesetting is an art (Knuth 1984, 12).", ["knuth:ct:a"]),
    ("Commentaries abound (Moraux [1924] 1979–1980).", ["moraux"]),
    # Entries with neither names nor title print as their year label alone, lettered in the order the document
    # first cites them (no key of the sort tells them apart): a letter names none of them.
    ("Pages matter (n.d.-b, 5).", []),
    ("Pages matter (n.d.-a, n.d.-c).", []),
    ("Pages matter (see n.d.-c, chap. 2).", []),
])
def test_biblatex_sets_ranges_and_nameless_entries(text: str, keys: list[str]) -> None:
    linkage = link(parse_essay(text), parse_bibliography(BIBLATEX))
    assert sorted(lk.source_key for lk in linkage.links if lk.kind == "marker") == sorted(keys)


@pytest.mark.parametrize(("text", "keys"), [
    # After ";" a lettered year is a nameless entry's, not Allright's: Allright's one undated work prints no letter.
    ("Verbs vary (compare Allright, n.d., sec. 3; also n.d.-k).", ["allright"]),
    # A bare year after ";" is the names before it, lettered or not.
    ("Verbs vary (Allright, n.d.; Knuth 1984; 1979b).", ["allright", "knuth:ct:a", "knuth:79b"]),
    ("Verbs vary (Knuth 1979a; 1979b).", ["knuth:79", "knuth:79b"]),
])
def test_a_lettered_year_after_a_semicolon_is_not_the_names_before_when_they_print_no_letter(
        text: str, keys: list[str]) -> None:
    bib = BIBLATEX + """@book{allright, author={Allright, Ann}, title={Verbs}}
@book{knuth:79, author={Knuth, Donald E.}, title={A Book}, date={1979}}
@book{knuth:79b, author={Knuth, Donald E.}, title={B Book}, date={1979}}
"""
    linkage = link(parse_essay(text), parse_bibliography(bib))
    resolved = [m.keys[0] for m in linkage.mentions if m.kind == "marker" and m.keys and m.detail == m.keys[0]]
    assert sorted(resolved) == sorted(keys)


PAGES = """@misc{gdpr, url={https://gdpr.eu/what-is-gdpr/}, year={2022}}
@misc{erasure, title={Right to Erasure}, publisher={Information Commissioners Office}, year={2022}}
@misc{hipaa, title={Health Information Privacy}, year={2022}}
@book{doe, author={Doe, Jane}, title={Privacy}, year={2022}}
"""


@pytest.mark.parametrize("csl", ["", "springer-basic-author-date"])
def test_lettered_years_of_entries_with_no_names_are_left_open_among_them_all(csl: str) -> None:
    # Springer prints an entry with no names as its year alone, titled or not, and letters them in citation order:
    # "(2022b)" cannot be the one entry with no title (a letter tells apart entries printed alike), nor any one of
    # the three. Doe's 2022 book, which prints its name, is none of them.
    text = "Rules apply (2022a). Pages can go (2022b). Health data is guarded (2022c). Doe agrees (Doe 2022)."
    linkage = link(parse_essay(text), parse_bibliography(PAGES), letter_order=letter_order(csl, Path(".")))
    markers = [(m.text, sorted(m.keys)) for m in linkage.mentions if m.kind == "marker"]
    assert markers == [(f"(2022{c})", ["erasure", "gdpr", "hipaa"]) for c in "abc"] + [("Doe 2022", ["doe"])]
    assert not [lk for lk in linkage.links if lk.kind == "marker" and lk.status == "confirmed" and lk.source_key != "doe"]


def test_a_second_letter_of_the_one_entry_with_no_names_or_title_is_no_entry_of_it() -> None:
    # A style letters "2022b" after a "2022a" printed alike: with one entry of no names that year, the other is one the
    # bibliography lacks, and nothing tells which of the two this one is (it was read as that entry's); the first
    # letter still is.
    bib = parse_bibliography(PAGES.split("\n")[0] + "\n")
    assert not any(m.keys for m in link(parse_essay("Rules apply (2022b)."), bib).mentions if m.kind == "marker")
    assert [m.keys for m in link(parse_essay("Rules apply (2022a)."), bib).mentions if m.kind == "marker"] == [("gdpr",)]


def test_a_period_in_parentheses_is_no_unresolved_citation() -> None:
    linkage = link(parse_essay("Europe (1914–1918) was at war, as Verdun (1916) shows."), parse_bibliography(BIBLATEX))
    assert [m.text for m in linkage.mentions if m.kind == "marker" and "1914" in m.text] == []


GIVEN = """@article{un1a, author={John AAA}, year={1999}}
@article{un2, author={J. AAA}, year={1999}}
@misc{test3, author={John Blether and John Doe}, date={2011}}
@misc{test4, author={John Blether and Jane Doe}, date={2011}}
"""


@pytest.mark.parametrize(("text", "key"), [
    ("It holds (John AAA 1999, 12).", "un1a"),
    ("As J. AAA (1999) argues, it holds.", "un2"),
    ("It holds (Blether and John Doe 2011).", "test3"),
    ("It holds (Blether and Jane Doe 2011, 12).", "test4"),
])
def test_given_names_a_style_adds_pick_the_entry(text: str, key: str) -> None:
    # A full given name beats a shared initial, and a co-author's given name counts too.
    linkage = link(parse_essay(text), parse_bibliography(GIVEN))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == [key]


def test_the_same_citation_twice_in_a_sentence_is_two_mentions() -> None:
    # "(Inglis et al. 2020) ... (Inglis et al. 2020)" in one sentence: each is a citation (with its own locator
    # often: "(OHCHR 2003, 815); ... (OHCHR 2003, 859)"); they were one mention before.
    bib = parse_bibliography("@article{i, author={Inglis, Gordon and Bragg, Fran and Burls, Nat}, title={T}, year={2020}}")
    text = ("Cosine functions (Inglis et al. 2020, 12) have been used, and maps have been made with regression "
            "(Inglis et al. 2020, 40).")
    markers = [m for m in link(parse_essay(text), bib).mentions if m.kind == "marker"]
    assert [m.keys for m in markers] == [("i",), ("i",)]


UNMATCHED_BIB = "@book{roe2001, author={Roe, Jane}, title={Traits of plants}, year={2001}}\n"


@pytest.mark.parametrize(("text", "reported"), [
    # The whole list of names, not its last name alone ('Cabido (2009)').
    ("Diaz & Cabido (2009) showed that traits matter (Roe 2001).", ["Diaz & Cabido (2009)"]),
    ("Diaz and Cabido (2009) showed that traits matter (Roe 2001).", ["Diaz and Cabido (2009)"]),
    ("Fry, Poe, and Cabido (2009) showed that traits matter (Roe 2001).", ["Fry, Poe, and Cabido (2009)"]),
    # Each one of a sentence, "et al." with or without a parenthesis.
    ("Traits rose, as Fry et al. (2013) and Asplund et al. 2022 argued (Roe 2001).",
     ["Fry et al. (2013)", "Asplund et al. 2022"]),
    ("Cabido (2009) showed it (Roe 2001).", ["Cabido (2009)"]),
    # The locale's "et al." too, from the one table ("u. a.", "m.fl."): only the English was read.
    ("Die Merkmale stiegen, wie Asplund u. a. 2022 zeigen (Roe 2001).", ["Asplund u. a. 2022"]),
    ("Egenskaperna ökade, som Asplund m.fl. 2022 visar (Roe 2001).", ["Asplund m.fl. 2022"]),
    # Prose with a year is no citation; nor one an entry fits.
    ("In 2009 and 2013 traits rose in Spain (Roe 2001).", []),
    ("The sites of Fry et al. were sampled in 2013 (Roe 2001).", []),
    ("Roe et al. 2001 found traits (Roe 2001).", []),
    # A hyphenated family name is read whole: "Foreman-Mackey et al. 2022" is not "Mackey et al. 2022".
    ("Models grew, as Foreman-Mackey et al. 2022 argued (Roe 2001).", ["Foreman-Mackey et al. 2022"]),
])
def test_citations_no_entry_fits_are_reported_whole(text: str, reported: list[str]) -> None:
    linkage = link(parse_essay(text), parse_bibliography(UNMATCHED_BIB))
    assert [m.text for m in linkage.mentions if m.kind == "marker" and not m.keys] == reported


def test_a_hyphenated_name_with_et_al_and_a_bare_year_an_entry_fits_is_no_citation_without_entry() -> None:
    bib = parse_bibliography(UNMATCHED_BIB + "@article{fm2022, author={Foreman-Mackey, Dan and Roe, Jane}, "
                             "title={Fast fits}, year={2022}, journal={J}}\n")
    text = "Models grew, as Foreman-Mackey et al. 2022 argued (Roe 2001).\n"
    assert [m.text for m in link(parse_essay(text), bib).mentions if m.kind == "marker" and not m.keys] == []


def test_a_surname_no_entry_has_is_not_passed_over_for_a_title_sharing_the_sentences_words() -> None:
    # "Guay (2016)" names Guay, who has no entry: the 2016 entries whose titles share the sentence's words
    # ("social cohesion") are other authors' works, not a citation left open between them (LR301).
    bib = parse_bibliography(
        "@article{lin2016, author={Lin, Ann}, title={Social cohesion among refugees}, year={2016}, journal={J}}\n"
        "@article{das2016, author={Das, Bo}, title={Social cohesion in host cities}, year={2016}, journal={J}}\n"
        "@article{moustakas2023, author={Moustakas, Louis}, title={Sport}, year={2023}, journal={J}}\n")
    text = ("Guay (2016) offers a definition, describing social cohesion as “the set of relationships between "
            "refugees in their new homes” [@moustakas2023].\n")
    mentions = {(m.text, m.keys) for m in link(parse_essay(text), bib).mentions if m.kind == "marker"}
    assert mentions == {("@moustakas2023", ("moustakas2023",)), ("Guay (2016)", ())}
    # With no name before it, the title's words still choose among the year's entries, in a text with no markers (one
    # that cites by markers cites nothing by a year alone: test_essay_marked).
    unnamed = text.replace("Guay (2016) offers", "A later study (2016) offers").replace(" [@moustakas2023]", "")
    assert [m.keys for m in link(parse_essay(unnamed), bib).mentions if m.text == "(2016)"] == [("lin2016", "das2016")]
COHESION = r"""@article{doe, author = {Doe, Jane}, title = {Social cohesion between refugee groups and institutions},
  year = {2016}}
@article{poe, author = {Poe, Bo}, title = {Rainfall in coastal towns}, year = {2016}}
"""


def test_a_year_after_a_name_no_entry_has_is_reported_not_chosen_by_title_words() -> None:
    # "Roe (2016)" names its author: with no entry by Roe, the title words that fit Doe's 2016 work do not make it
    # Doe's; the citation is reported as one with no entry.
    text = "Roe (2016) defines social cohesion as the relations between refugee groups and institutions."
    linkage = link(parse_essay(text), parse_bibliography(COHESION))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == []
    assert [(m.text, m.keys, m.detail) for m in linkage.mentions if m.kind == "marker"] == [
        ("Roe (2016)", (), "no entry for Roe 2016")]


@pytest.mark.parametrize("names", ["Gonçalves Júnior et al.", "Roe et al.", "Van Roe et al."])
def test_a_year_after_names_with_et_al_no_entry_has_is_reported_not_chosen_by_title_words(names: str) -> None:
    # "According to Gonçalves Júnior et al. (2016)", typed by hand: a family name of two words before "et al." names
    # authors still; the 2016 entry whose title shares the sentence's words is another's work, not this one.
    text = f"According to {names} (2016), social cohesion is the relations between refugee groups and institutions."
    linkage = link(parse_essay(text), parse_bibliography(COHESION))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == []
    assert [(m.text, m.keys) for m in linkage.mentions if m.kind == "marker"] == [(f"{names} (2016)", ())]


def test_a_year_with_no_name_before_it_is_still_chosen_by_title_words() -> None:
    text = "Social cohesion is the relations between refugee groups and institutions (2016)."
    linkage = link(parse_essay(text), parse_bibliography(COHESION))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["doe"]


def _linked_and_open(text: str, bib: str) -> tuple[list[str], list[tuple[str, ...]]]:
    linkage = link(parse_essay(text), parse_bibliography(bib))
    return ([lk.source_key for lk in linkage.links if lk.kind == "marker"],
            [m.keys for m in linkage.mentions if m.kind == "marker" and m.keys and m.detail != m.keys[0]])


SPARSE = r"""@article{images, author = {Roe, Ann}, title = {Sparse coding of natural images}, year = {2012}}
@article{networks, author = {Roe, Ann}, title = {Learning sparse coding networks}, year = {2012}}
"""


def test_the_words_before_a_citation_name_a_work_by_two_words_the_others_lack() -> None:
    # The document cites one of the two ("Roe 2012", no letter). "sparse coding networks" are all words of the second
    # title, but only "networks" tells it from the first: too little to name it; the sentence speaks of both.
    text = "Images are encoded by sparse coding networks (Roe 2012)."
    assert _linked_and_open(text, SPARSE) == ([], [("images", "networks")])


NORWAY = r"""@article{ice, author = {Doe, Jane}, title = {Rivers of Norway}, journaltitle = {Ice Studies}, year = {2010}}
@article{water, author = {Doe, Jane}, title = {Rivers of Norway}, journaltitle = {Water Studies}, year = {2010}}
@article{lakes, author = {Doe, Jane}, title = {Rivers and lakes of Norway}, journaltitle = {Water Studies},
  year = {2011}}
@article{roads, author = {Doe, Jane}, title = {Roads of Norway}, journaltitle = {Water Studies}, year = {2011}}
"""


def test_context_words_choose_between_entries_only_with_a_clear_lead() -> None:
    # One word of a journal's name beside the words both titles share is no evidence of which work is cited; a word
    # of one title that the other lacks is.
    assert _linked_and_open("The rivers of Norway freeze to ice (Doe 2010).", NORWAY) == ([], [("ice", "water")])
    assert _linked_and_open("The rivers and lakes of Norway freeze (Doe 2011).", NORWAY) == (["lakes"], [])


VIDEO = r"""@inproceedings{framework, author = {Lokoč, Jakub and Souček, Tomáš and Čech, Přemysl},
  title = {A framework for effective known-item search in video}, year = {2019}}
@inproceedings{viret, author = {Lokoč, Jakub and Souček, Tomáš and Čech, Přemysl},
  title = {VIRET: A video retrieval tool for interactive known-item search}, year = {2019}}
"""


def test_one_word_of_a_long_title_does_not_choose_between_entries() -> None:
    # "tool" is the one word the sentence shares with VIRET's title and not the other's ("video" both have): too
    # little to tell the author's two works apart. Two words of it are enough, or one the sentence repeats.
    text = "Frames were extracted by using an extraction tool from (Lokoč et al. 2019) for the video."
    assert _linked_and_open(text, VIDEO) == ([], [("framework", "viret")])
    assert _linked_and_open("The interactive retrieval tool (Lokoč et al. 2019) won.", VIDEO) == (["viret"], [])
    # A word the sentence dwells on is no passing mention.
    assert _linked_and_open("Our tool extends the tool of Lokoč et al. (2019).", VIDEO) == (["viret"], [])


RADIOCARBON = r"""@article{bayes, author = {Bronk Ramsey, Christopher}, title = {Bayesian analysis of radiocarbon dates},
  year = {2009}}
@article{outliers, author = {Bronk Ramsey, Christopher},
  title = {Dealing with outliers and offsets in radiocarbon dating}, year = {2009}}
"""


def _lettered(text: str, order: str) -> tuple[list[str], list[tuple[str, ...]]]:
    linkage = link(parse_essay(text), parse_bibliography(RADIOCARBON), letter_order=order)
    return ([lk.source_key for lk in linkage.links if lk.kind == "marker"],
            [m.keys for m in linkage.mentions if m.kind == "marker" and m.keys and m.detail != m.keys[0]])


def test_one_word_picks_decide_letters_only_when_they_agree_on_every_letter() -> None:
    # A style that letters in citation order: the letter names neither work. One word of a title picks "2009a" in one
    # sentence and "2009b" in another, of the other work: together they tell the letters apart; one alone does not.
    both = ("Bayesian chronologies were built (Bronk Ramsey 2009a).\n\n"
            "Outlier rates were estimated (Bronk Ramsey 2009b).\n\nPhase models follow it (Bronk Ramsey 2009a).")
    assert _lettered(both, "cited") == (["bayes", "outliers", "bayes"], [])
    alone = "Bayesian chronologies were built (Bronk Ramsey 2009a).\n\nPhases follow it (Bronk Ramsey 2009b)."
    linked, opened = _lettered(alone, "cited")
    assert (linked, sorted(map(sorted, opened))) == ([], [["bayes", "outliers"], ["bayes", "outliers"]])


def test_names_glued_to_the_word_before_are_read_from_their_capital() -> None:
    # "[`forge`](https://...)@doe" in the source prints "forgeDoe et al. (2015)": the names start at the capital.
    bib = r"""@manual{doe, author = {Doe, Ann and Roe, Bo and Poe, Cy}, title = {Forge: tools}, year = {2015}}
"""
    assert _linked_and_open("We use the forgeDoe et al. (2015) package.", bib) == (["doe"], [])
    # A name with a capital inside it is an entry's name as written when an entry has it.
    assert _linked_and_open("As shown by LeCun et al. (2015).", bib.replace("Doe, Ann", "LeCun, Yann")) == (["doe"], [])


GARDENS = r"""@article{gardens, author = {Roe, Ann}, title = {Gardens of the north}, year = {2012}}
@article{soil, author = {Roe, Ann}, title = {Soil chemistry in cold climates}, year = {2012}}
"""

_ABOUT_GARDENS = ["Gardens need water.", "Town gardens are small.", "Many gardens face south.",
                  "Old gardens keep their walls.", "Some gardens grow fruit.", "School gardens teach children.",
                  "Roof gardens save heat.", "Gardens attract bees.", "Wild gardens need little care.",
                  "Gardens change with the seasons.", "Few gardens are planned.", "Gardens outlive their makers."]


def test_words_a_document_writes_all_through_do_not_choose_between_entries() -> None:
    # Which "Roe 2012" a sentence cites: in a document on gardens, "gardens" is its topic, not evidence that the
    # entry titled on gardens is the one cited, so the citation is left open; a word of this passage alone still
    # chooses, and in a document that is not about gardens "gardens" chooses as any word does.
    cited = "Such gardens thrive on poor ground (Roe 2012)."
    topical = "\n\n".join([*_ABOUT_GARDENS, cited])
    assert _linked_and_open(topical, GARDENS) == ([], [("gardens", "soil")])
    particular = "\n\n".join([*_ABOUT_GARDENS, "The soil chemistry of gardens differs (Roe 2012)."])
    assert _linked_and_open(particular, GARDENS) == (["soil"], [])
    assert _linked_and_open(cited, GARDENS) == (["gardens"], [])


def test_a_document_whose_citations_choose_between_no_entries_reads_no_topic(monkeypatch: pytest.MonkeyPatch) -> None:
    # The topic is read when a citation of one author's entries of a year asks for it, once, and not at all in a
    # document whose citations each name one entry (the topic costs a stemming of every sentence).
    from litreview.linking import document_topic

    read: list[int] = []
    stems = document_topic.content_stems
    monkeypatch.setattr(document_topic, "content_stems", lambda text: read.append(1) or stems(text))
    one = "@article{gardens, author = {Roe, Ann}, title = {Gardens of the north}, year = {2012}}\n"
    assert _linked_and_open("\n\n".join([*_ABOUT_GARDENS, "Such gardens thrive [@gardens] (Roe 2012)."]), one) == (
        ["gardens"], [])
    assert read == []
    cited = "\n\n".join([*_ABOUT_GARDENS, "Such gardens thrive on poor ground (Roe 2012, 4; Roe 2012, 9)."])
    assert _linked_and_open(cited, GARDENS) == ([], [("gardens", "soil"), ("gardens", "soil")])
    assert len(read) == len(_ABOUT_GARDENS) + 1  # each sentence once, for both citations


def test_a_name_with_a_locales_et_al_is_a_person_as_with_et_al() -> None:
    # A citation typed as text with "u. a." or "m.fl." after one family name reads as people's, as "et al." does.
    assert [person_like(n) for n in ("Müller et al.", "Müller u. a.", "Berg m.fl.", "Garcia y col.", "Treaty of Rome")] \
        == [True, True, True, True, False]
