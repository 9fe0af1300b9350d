"""Author-date citations whose printed names fit entries a style would print apart: different people of one
family name ("Meredith 1936" for Roger's or Andrew's work), and "et al." in a document whose style prints three
names in full ("Alampara, Schilling, and Jablonka 2025" beside "Alampara et al. 2025")."""

from __future__ import annotations

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.linking.cited_letters import LEFT_OPEN

BIB = r"""@article{rm, author = {Meredith, Roger}, title = {Rivers}, year = {1936}}
@article{am, author = {Meredith, Andrew}, title = {Lakes}, year = {1936}}
@article{a3, author = {Alampara, Nawaf and Schilling, Mara and Jablonka, Kevin}, title = {Lessons}, year = {2025}}
@article{a9, author = {Alampara, Nawaf and Aneesh, Anagha and Rios, Martin and Mirza, Adrian}, title = {Models},
  year = {2025}}
"""


def _cited(text: str) -> list[str]:
    """Each citation's entry, or "open" for one left open between several."""
    linkage = link(parse_essay(text), parse_bibliography(BIB))
    return [m.keys[0] if m.detail not in LEFT_OPEN else "open" for m in linkage.mentions if m.kind == "marker"]


def test_one_of_two_people_of_a_name_is_left_open() -> None:
    # Citing both, a style prints "R. Meredith" and "A. Meredith": "Meredith 1936" cites one of them, either.
    assert _cited("It holds (Meredith 1936).") == ["open"]
    assert _cited("Meredith (1936) argues it.") == ["open"]


def test_a_given_name_or_the_context_still_decides() -> None:
    assert _cited("It holds (A. Meredith 1936).") == ["am"]
    assert _cited("It holds (Roger Meredith 1936).") == ["rm"]
    assert _cited("The lakes show it (Meredith 1936).") == ["am"]


SAME_NAME = r"""@article{john, author = {Smith, John}, title = {Growth of budding yeast cells under stress}, year = {2019}}
@article{jane, author = {Smith, Jane}, title = {Song learning in zebra finches}, year = {2019}}
"""


@pytest.mark.parametrize(("text", "want"), [
    # The sentence's words name one person's work only when they are one-sided: a word of that title no other's has,
    # and no word of the other's own title.
    ("Budding yeast cells grow under stress (Smith 2019).", "john"),
    ("Song learning in zebra finches is slow (Smith 2019).", "jane"),
    # Words of both titles: however many more of one, nothing tells which of the two people the document cites.
    ("Zebra finches learn song, and budding yeast grows (Smith 2019).", "open"),
    ("Song learning in zebra finches differs from yeast (Smith 2019).", "open"),
    ("Zebra finches learn song while cells divide (Smith 2019).", "open"),
    ("It holds (Smith 2019).", "open"),
])
def test_the_words_of_one_title_alone_tell_two_people_of_a_name_apart(text: str, want: str) -> None:
    linkage = link(parse_essay(text), parse_bibliography(SAME_NAME))
    assert [m.keys[0] if m.detail not in LEFT_OPEN else "open" for m in linkage.mentions if m.kind == "marker"] == [want]


def test_et_al_is_not_a_list_the_document_prints_in_full() -> None:
    text = "It holds (Alampara, Schilling, and Jablonka 2025). It also holds (Alampara et al. 2025)."
    assert _cited(text) == ["a3", "a9"]


def test_names_added_before_et_al_keep_three_names_an_et_al_list() -> None:
    # Chicago prints "Alampara, Schilling, et al." and, to tell lists apart, sometimes all three names: the
    # three printed in full say nothing then about what "et al." stands for.
    text = ("It holds (Alampara, Aneesh, et al. 2025). It holds (Alampara, Schilling, and Jablonka 2025). "
            "Lessons show it (Alampara et al. 2025).")
    assert _cited(text) == ["a9", "a3", "a3"]


def test_the_authors_name_in_the_prose_is_no_evidence_of_the_work() -> None:
    bib = parse_bibliography(r"""@article{ao, author = {O'Toole, Alexander}, year = {2007}}
@article{ho, author = {O'Toole, Henry}, title = {O'Toole}, year = {2007}}
""")
    linkage = link(parse_essay("O'Toole also notes (2007) that it holds."), bib)
    assert [m.detail in LEFT_OPEN for m in linkage.mentions if m.kind == "marker"] == [True]


def test_an_author_the_sentence_names_wins_over_an_entry_with_no_names() -> None:
    # "(1986)" alone may be the entry with neither names nor title that a style cites by its year; not when the
    # sentence names an author with a work of that year.
    bib = parse_bibliography(r"""@article{j1, journal = {Journal}, year = {1986}}
@manual{m1, author = {Manmaker, Larry}, title = {Manual}, year = {1986}}
""")
    linkage = link(parse_essay("Manmaker also notes (1986) that it holds."), bib)
    assert [m.keys[0] for m in linkage.mentions if m.kind == "marker"] == ["m1"]
    linkage = link(parse_essay("It holds (1986)."), bib)
    assert [m.keys[0] for m in linkage.mentions if m.kind == "marker"] == ["j1"]


def test_names_printed_in_full_to_tell_two_lists_apart_keep_et_al_for_three() -> None:
    # Chicago prints "Doe, Roe, and Poe 2001" and "Doe, Roe, and Ash 2001" in full to tell them apart: that says
    # nothing of what "et al." stands for, and "Doe et al. 2005" may still be the three-author entry.
    bib = parse_bibliography(r"""@article{p1, author = {Doe, A and Roe, B and Poe, C}, title = {One}, year = {2001}}
@article{p2, author = {Doe, A and Roe, B and Ash, D}, title = {Two}, year = {2001}}
@article{t3, author = {Doe, A and Roe, B and Poe, C}, title = {Glaciers}, year = {2005}}
@article{t4, author = {Doe, A and Fox, E and Gil, F and Hay, G}, title = {Rivers}, year = {2005}}
""")
    text = "It holds (Doe, Roe, and Poe 2001). So (Doe, Roe, and Ash 2001). Glaciers melt (Doe et al. 2005)."
    linkage = link(parse_essay(text), bib)
    assert [m.keys[0] for m in linkage.mentions if m.kind == "marker"] == ["p1", "p2", "t3"]


PARTED = r"""@article{lcb, author = {Luo, Jiaming and Cao, Yuan and Barzilay, Regina}, title = {Decipherment}, year = {2019}}
@article{b19, author = {Barzilay, Regina}, title = {Parsing}, year = {2019}}
@article{pl, author = {Perono Cacciafoco, Francesco and Loh, Colleen}, title = {Linear A}, year = {2021}}
@article{l21, author = {Loh, Colleen}, title = {Scripts}, year = {2021}}
@article{j19, author = {Jones, Amy}, title = {Tablets}, year = {2019}}
"""


def test_names_parted_by_semicolons_are_one_entrys_authors() -> None:
    # ABNT parts names as it parts items: "(Luo; Cao; Barzilay, 2019)" is one work by three people, not
    # Barzilay's own 2019 work; read apart, the last name alone picked the wrong entry.
    linkage = link(parse_essay("It holds (Fetaya et al., 2020; Luo; Cao; Barzilay, 2019; Perono Cacciafoco; "
                               "Loh, 2021)."), parse_bibliography(PARTED))
    assert [m.keys for m in linkage.mentions if m.kind == "marker" and m.keys] == [("lcb",), ("pl",)]


def test_names_parted_by_semicolons_after_a_prefix() -> None:
    # "(e.g., Luo; Cao; Barzilay, 2019)": the prefix opens the item, and the names are still one list.
    linkage = link(parse_essay("It holds (e.g., Luo; Cao; Barzilay, 2019, p. 4)."), parse_bibliography(PARTED))
    assert [(lk.source_key, lk.locator) for lk in linkage.links if lk.kind == "marker"] == [("lcb", "p. 4")]


def test_names_parted_by_semicolons_after_a_two_word_prefix() -> None:
    # pandoc (ABNT) prints [but cf. @lcb for a discussion] as "(but cf. Luo; Cao; Barzilay, 2019 for a discussion)".
    linkage = link(parse_essay("It holds (but cf. Luo; Cao; Barzilay, 2019 for a discussion)."),
                   parse_bibliography(PARTED))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["lcb"]


@pytest.mark.parametrize("prefix", ["DM", "the decipherment model", "see DM"])
def test_names_parted_by_semicolons_after_a_prefix_ending_with_a_comma(prefix: str) -> None:
    # pandoc (ABNT) prints [DM, @lcb] as "(DM, Luo; Cao; Barzilay, 2019)": the gloss and its comma open the item,
    # and the names are still one list (before: "Barzilay, 2019", the last name alone, picked Barzilay's own work).
    linkage = link(parse_essay(f"It holds ({prefix}, Luo; Cao; Barzilay, 2019)."), parse_bibliography(PARTED))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["lcb"]


@pytest.mark.parametrize("prefix", ["For overviews, see for example", "e.g. as suggested by", "as shown in"])
def test_names_parted_by_semicolons_after_a_prefix_of_prose(prefix: str) -> None:
    # pandoc (ABNT) prints [For overviews, see for example @lcb] and [e.g. as suggested by @lcb] with the prefix's
    # words before the first name: the names are still one list (before: "Barzilay, 2019" alone, no entry or the
    # wrong one).
    linkage = link(parse_essay(f"It holds ({prefix} Luo; Cao; Barzilay, 2019)."), parse_bibliography(PARTED))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["lcb"]


def test_a_name_before_a_semicolon_joins_only_a_list_the_bibliography_has() -> None:
    # No entry by Smith and Jones: "Smith" is another item (with no year), and Jones 2019 is read as before.
    linkage = link(parse_essay("It holds (see Smith; Jones, 2019)."), parse_bibliography(PARTED))
    assert [m.keys for m in linkage.mentions if m.kind == "marker" and m.keys] == [("j19",)]


SEASONED = r"""@article{dt, author = {Dingemanse, Mark and Thompson, Bill}, title = {Iconicity}, year = {2020}}
@article{wp, author = {Winter, Bodo and Perlman, Marcus}, title = {Size}, year = {2021}}
@article{w21, author = {Winter, Bodo}, title = {Alone}, year = {2021}}
@article{sm, author = {Spring, Anna and May, Tom}, title = {Seasons}, year = {2019}}
"""


def test_names_parted_by_semicolons_that_are_also_a_season_or_a_month() -> None:
    # pandoc (ABNT) prints [@dt; @wp] as "(Dingemanse; Thompson, 2020; Winter; Perlman, 2021)": "Winter" opens
    # the second work's names, not a season ("Winter 2020"); read alone, "Perlman, 2021" named no entry.
    text = ("It holds (Dingemanse; Thompson, 2020; Winter; Perlman, 2021). Also (Winter, 2021; Winter; Perlman, 2021). "
            "And (Spring; May, 2019, p. 4). So (DINGEMANSE; THOMPSON, 2020; WINTER; PERLMAN, 2021).")
    linkage = link(parse_essay(text), parse_bibliography(SEASONED))
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [
        ("dt",), ("wp",), ("w21",), ("wp",), ("sm",), ("dt",), ("wp",)]


def test_names_parted_by_semicolons_start_where_an_entrys_list_does() -> None:
    # An undated name before the list is not one of its authors: "Smith; Dingemanse; Thompson, 2020" is read as
    # the entry by Dingemanse and Thompson (the bibliography has no list of three).
    linkage = link(parse_essay("It holds (see Smith; Dingemanse; Thompson, 2020)."), parse_bibliography(SEASONED))
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [("dt",)]


def test_an_accented_i_printed_as_a_dotless_i_and_an_accent_is_the_name() -> None:
    # {\'\i} in the .bib: pandoc prints "Garcı́a" (dotless i, combining acute), the .bib reads "García".
    bib = parse_bibliography(r"@article{g, author = {Garc{\'\i}a, Diego}, title = {Recessions}, year = {2013}}")
    linkage = link(parse_essay("Tone predicts returns (Garc\u0131\u0301a 2013). Garc\u0131\u0301a (2013) shows it."), bib)
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [("g",), ("g",)]


def test_a_narrative_citation_with_names_parted_by_semicolons() -> None:
    # ABNT's narrative form: "Köhler; Cortina (2019)". Read as "Cortina (2019)", no entry fitted, and the
    # suppressed-author reading took the 2019 work named earlier in the sentence (Jones): a wrong link.
    bib = parse_bibliography(PARTED + r"@article{kc, author = {K{\"o}hler, Tine and Cortina, Jose}, title = {Play}, year = {2019}}")
    text = "Replication is discussed by Jones (2019), Köhler; Cortina (2019) and Luo; Cao; Barzilay (2019)."
    linkage = link(parse_essay(text), bib)
    assert [m.keys[0] for m in linkage.mentions if m.kind == "marker" and m.keys] == ["j19", "kc", "lcb"]


def test_initials_added_before_a_later_name_tell_the_lists_apart() -> None:
    # Chicago, Harvard, ASA, AAA: "Ballou, T. A. Földes, et al. 2025" and "Ballou, A. T. Földes, et al. 2025":
    # citeproc adds the initials (or given names) of the name that tells two lists apart. Initials were matched
    # against any author's given names, so both citations fit both entries (T: Tamás and Thomas; A: Andrei).
    bib = parse_bibliography(r"""@article{o, author = {Ballou, Nick and Földes, Tamás A and Vuorre, Matti and Hakman, Thomas},
  title = {Open Play}, year = {2025}}
@article{c, author = {Ballou, Nick and Földes, Andrei Tamás and Hakman, Thomas and Przybylski, Andrew},
  title = {Confounds}, year = {2025}}
""")
    for text, want in (("It holds (Ballou, T. A. Földes, et al. 2025; Ballou, A. T. Földes, et al. 2025).", ["o", "c"]),
                       ("It holds (Ballou, Tamás A Földes, et al. 2025; Ballou, Andrei Tamás Földes, et al. 2025).",
                        ["o", "c"]),
                       ("It holds (Ballou, A. T. Földes, et al. 2025; Ballou, T. A. Földes, et al. 2025).", ["c", "o"])):
        linkage = link(parse_essay(text), bib)
        assert [m.keys[0] for m in linkage.mentions if m.kind == "marker" and len(m.keys) == 1] == want, text


@pytest.mark.parametrize(("written", "key"), [("Y.-B. Wang", "yb"), ("Yan-Bin Wang", "yb"), ("S. Wang", "sw")])
def test_the_initials_of_a_hyphenated_given_name(written: str, key: str) -> None:
    # citeproc initialises "Yan-Bin" as "Y.-B.": the initials tell that author's work from another Wang's.
    bib = (r"@article{sw, author = {Wang, Sheng and Sun, Siqi and Li, Zhen}, title = {Contact Maps}, year = {2017}}" "\n"
           r"@article{yb, author = {Wang, Yan-Bin and You, Zhu-Hong and Li, Xiao}, title = {Interactions}, year = {2017}}")
    linkage = link(parse_essay(f"It holds (see {written} et al. 2017, chap. 2)."), parse_bibliography(bib))
    assert [(m.keys[0], m.detail) for m in linkage.mentions if m.kind == "marker"] == [(key, key)]


TIED = r"""@article{wr, author = {Wagner, Sue and Roller, Dan and Kopp, Oli and Unger, Tim}, title = {Flows}, year = {2013}}
@article{wk, author = {Wagner, Sue and Kopp, Oli and Leymann, Frank}, title = {Stores}, year = {2013}}
"""


def _tied(text: str) -> list[str]:
    linkage = link(parse_essay(text), parse_bibliography(TIED))
    return [m.keys[0] if m.detail not in LEFT_OPEN else "open" for m in linkage.mentions if m.kind == "marker"]


def test_nothing_to_tell_two_entries_apart_leaves_the_citation_open() -> None:
    # Both print "Wagner et al. 2013" when one of them is cited; neither the words nor the file order tell which.
    assert _tied("It holds (Wagner et al. 2013).") == ["open"]


def test_the_items_of_one_citation_are_different_entries() -> None:
    # The second item names one entry by its added names: the first, printed alike, is the other one.
    assert _tied("It holds (Wagner et al. 2013; Wagner, Roller, et al. 2013).") == ["wk", "wr"]


def test_names_of_a_script_without_capitals_parted_by_semicolons() -> None:
    # ABNT parts an entry's names by ";" as it parts items; a Japanese family name has no capital to tell it by.
    bib = parse_bibliography(r"""@book{yt, author = {山田, 花子 and 田中, 太郎}, title = {社会の本}, date = {2018}}
@book{ki, author = {木村, 一郎}, title = {別の本}, date = {2015}}
""")
    text = "この見方がある(山田; 田中, 2018, p. 7)。また(木村, 2015)。\n\n山田; 田中 (2018) はこう述べた。\n"
    linkage = link(parse_essay(text), bib)
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [("yt",), ("ki",), ("yt",)]


def test_a_letter_counts_only_the_entries_printed_with_the_same_given_name() -> None:
    # A style that adds given names to tell lists apart prints "Lucia Kemp et al." for Lucia's two works and "L.
    # Kemp et al." for the entry that has her initial only, then letters the year among Lucia's alone: "2003a" is
    # the first of those two, not the initial's entry, which a sort of every name puts first.
    bib = parse_bibliography(r"""@article{k1, author = {Kemp, Lucia and Moss, Ida and Rook, Al}, title = {Ash}, year = {2003}}
@article{k2, author = {Kemp, Lucia and Moss, Ida and Vane, Al}, title = {Elm}, year = {2003}}
@article{ki, author = {Kemp, L. and Abt, I. and Rook, A.}, title = {Oak}, year = {2003}}
""")
    text = "It grows (Lucia Kemp et al. 2003a). It dries (Lucia Kemp et al. 2003b). It burns (L. Kemp et al. 2003)."
    linkage = link(parse_essay(text), bib, letter_order="names")
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["k1", "k2", "ki"]


def test_a_co_author_of_the_same_family_name_does_not_hide_the_one_written() -> None:
    # "Y. Kemp et al." is Yara Kemp's work though Lu Kemp is its third author; D. Kemp's work of the same year is
    # not it.
    bib = parse_bibliography(r"""@article{yk, author = {Kemp, Yara and Moss, Ida and Kemp, Lu}, title = {Ash}, year = {2016}}
@article{dk, author = {Kemp, Dan and Rook, Al and Vane, Bo}, title = {Elm}, year = {2016}}
@article{ok, author = {Kemp, Yara and Abt, Bo}, title = {Oak}, year = {2014}}
""")
    linkage = link(parse_essay("It grows (Y. Kemp et al. 2016). It dries (D. Kemp et al. 2016)."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["yk", "dk"]


CASED_AND = r"""@book{br, author = {Heiner Barz %s Dirk Randoll}, title = {Absolventen}, year = {2007}}
@book{dr, author = {Dirk Randoll}, title = {Waldorfpädagogik}, year = {2010}}
"""


def _resolved(text: str, bib: str) -> list[tuple[str, ...]]:
    linkage = link(parse_essay(text), parse_bibliography(bib))
    return [m.keys for m in linkage.mentions if m.kind == "marker" and m.keys and m.detail not in LEFT_OPEN]


def test_a_separator_and_not_in_lower_case_joins_one_person_to_pandoc() -> None:
    # BibTeX reads "Heiner Barz AND Dirk Randoll" as two people, pandoc as one, Randoll, given "Heiner Barz AND
    # Dirk": its citations print "Randoll 2007", or with initials to tell him from D. Randoll, "H. B. A. D. Randoll".
    bib = CASED_AND % "AND"
    assert _resolved("It holds (Randoll 2007). Randoll (2007) says so.", bib) == [("br",), ("br",)]
    assert _resolved("It holds (vgl. H. B. A. D. Randoll, 2007, S. 12; D. Randoll, 2010).", bib) == [("br",), ("dr",)]
    assert _resolved("Barz and Randoll (2007) say so.", bib) == [("br",)]  # as BibTeX reads it


def test_a_separator_and_in_lower_case_is_two_people_to_pandoc_too() -> None:
    # "Randoll 2007" is then no citation of Barz and Randoll's work: none of its forms prints Randoll first.
    assert _resolved("It holds (Randoll 2007).", CASED_AND % "and") == []
    assert _resolved("Barz and Randoll (2007) say so.", CASED_AND % "and") == [("br",)]


COMMAS = r"""@misc{qog, author = {Teorell, Jan, Stefan Dahlberg, Sören Holmberg, Bo Rothstein}, title = {The Quality of
  Government Standard Dataset}, year = {2018}}
@misc{ot, author = {Teorell, Jan and Dahlberg, Stefan}, title = {Another Dataset}, year = {2019}}
"""


def test_a_name_of_too_many_commas_is_its_first_part_to_pandoc() -> None:
    # BibTeX refuses "Teorell, Jan, Stefan Dahlberg, ..." (too many commas) and reads no author; pandoc reads its
    # first three parts (family Teorell, suffix Jan, given Stefan Dahlberg) and prints "Teorell 2018".
    assert _resolved("It holds (Teorell 2018). Teorell (2018) says so.", COMMAS) == [("qog",), ("qog",)]
    assert _resolved("It holds (Dahlberg 2018).", COMMAS) == []  # the names past the third part are dropped


def test_pandoc_reads_the_first_three_parts_of_a_name_of_too_many_commas() -> None:
    from litreview.bibliography.people import pandoc_people

    assert [(p.prefix, p.family, p.suffix, p.given) for p in pandoc_people("van Dijk, Jan, Anna Berg, Carl Dorn and Roe, R.")] \
        == [("van", "Dijk", "Jan", "Anna Berg"), ("", "Roe", "", "R.")]
    assert pandoc_people("Teorell, Jan and Dahlberg, Stefan") == ()  # read as BibTeX reads it
