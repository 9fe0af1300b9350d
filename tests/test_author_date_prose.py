"""Author-date citations whose author is named in the prose and suppressed in the citation: "Kell et al.
also note (2008)". The name list the writer put before the year tells which entries it can be, as the
names of a narrative citation would; the year's letter counts as the document's style letters.
"""

from __future__ import annotations

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.linking.cited_letters import UNDECIDED

BIB = r"""@book{k2, author = {Kell, Ada and Ness, Cy and Lumb, Ben and Pym, Eve}, title = {Sea Salt}, year = {2008}}
@book{k1, author = {Kell, Ada and Lumb, Ben}, title = {Sea Ice}, year = {2008}}
@book{k3, author = {Kell, Ada}, title = {Sea Wind}, year = {2008}}
@book{e1, author = {Ekk, Fay and Gil, Hal}, title = {Iron}, year = {2007}}
@book{e2, author = {Ekk, Fay and Ink, Jan and Kos, Lia}, title = {Zinc}, year = {2007}}
@book{p1, author = {Pell, Ivo and Quin, Jo and Rook, Kim and Sand, Lu}, title = {Alpha}, year = {2010}}
@book{p2, author = {Pell, Ivo and Tull, Max and Vane, Ned and Webb, Oz}, title = {Beta}, year = {2010}}
@book{p3, author = {Pell, Ivo and Tull, Max and Vane, Ned and Webb, Oz}, title = {Gamma}, year = {2010}}
@book{w1, author = {Wolf, Ray and Yeo, Sam and Zane, Tom}, title = {Alpha}, year = {2009}}
@book{w2, author = {Wolf, Ray and Yeo, Sam and Zane, Tom}, title = {Beta}, year = {2009}}
@book{w3, author = {Wolf, Ray and Abel, Uma and Bram, Val and Cobb, Wes}, title = {Gamma}, year = {2009}}
"""


def _keys(text: str) -> list[str]:
    linkage = link(parse_essay(text), parse_bibliography(BIB))
    return [lk.source_key for lk in linkage.links if lk.kind == "marker"]


@pytest.mark.parametrize(("text", "keys"), [
    # Two names joined by "and": the two-author entry, not the longer list that also has both names.
    ("Kell and Lumb also note (2008) that it holds.", ["k1"]),
    # "et al.": an entry of three authors or more, not Kell's own book nor a two-author one.
    ("Kell et al. also note (2008) that it holds.", ["k2"]),
    ("Ekk et al. also note (2007) that it holds.", ["e2"]),
])
def test_the_name_list_written_in_the_prose_picks_the_entry(text: str, keys: list[str]) -> None:
    assert _keys(text) == keys


def test_a_letter_counts_among_the_lists_the_style_prints_alike() -> None:
    # A style that prints every "Pell et al." alike (Copernicus) letters them all, by title: b is Beta.
    assert _keys("It holds (Pell et al., 2010a). Pell et al. also note (2010b) that it holds.") == ["p1", "p2"]


def test_a_letter_counts_among_the_same_lists_when_the_style_adds_names() -> None:
    # The document prints "Pell, Quin, et al.": its style (Chicago) tells the lists apart by names and letters
    # only the two identical ones, Beta and Gamma: b is Gamma.
    text = "It holds (Pell, Quin, et al. 2010). Pell et al. also note (2010b) that it holds."
    assert _keys(text) == ["p1", "p3"]


def test_a_year_without_letter_is_not_an_entry_the_style_letters() -> None:
    # w1 and w2 are cited as 2009a and 2009b: "(2009)" with no letter can only be w3.
    text = ("It holds (Wolf, Yeo, and Zane 2009a; Wolf, Yeo, and Zane 2009b). "
            "Wolf et al. also note (2009) that it holds.")
    assert _keys(text) == ["w1", "w2", "w3"]


TWO_ULMS = r"""@book{u1, author = {Ulm, Ada}, title = {Alpha Rivers}, year = {2001}}
@book{u2, author = {Ulm, Bea}, title = {Beta Lakes}, year = {2001}}
"""


def test_an_author_named_only_in_the_prose_that_fits_two_entries_alike_is_left_open() -> None:
    linkage = link(parse_essay("Ulm also notes (2001) that it holds."), parse_bibliography(TWO_ULMS))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == []
    assert [(m.keys, m.detail) for m in linkage.mentions if m.kind == "marker"] == [(("u1", "u2"), UNDECIDED)]


def test_the_context_still_picks_between_entries_the_prose_names_alike() -> None:
    linkage = link(parse_essay("Ulm also notes (2001) that beta lakes freeze."), parse_bibliography(TWO_ULMS))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["u2"]


ORR = r"""@book{o1, author = {Orr, Amy}, title = {Screens}, year = {2020}}
@book{o2, author = {Orr, Amy and Dale, Tom and Pryce, Ann}, title = {Media}, year = {2019}}
@book{d1, author = {Dale, Tom}, title = {Salt}, year = {2019}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # The writer names the first author and the citation prints the years: the 2019 work, Orr's with two
    # others, is read as "Orr (2019)" alone would be, not dropped because "Orr" does not fit its names.
    ("Orr (2019, 2020) reviews both.", ["o2", "o1"]),
    ("Orr (2020, 2019) reviews both.", ["o1", "o2"]),
    # A year with no entry of Orr's is no link, and never another author's work of that year.
    ("Orr (2018, 2020) reviews both.", ["o1"]),
    ("Orr (2020, 2021) reviews both.", ["o1"]),
])
def test_each_year_after_a_name_is_read_as_it_would_be_alone(text: str, keys: list[str]) -> None:
    linkage = link(parse_essay(text), parse_bibliography(ORR))
    assert sorted(lk.source_key for lk in linkage.links if lk.kind == "marker") == sorted(keys)


def test_a_year_after_a_case_reporter_is_the_cases_own() -> None:
    # pandoc with chicago-author-date.csl prints "[*Learning Resources, Inc. v. Trump*, 607 U.S. 229 (2026);
    # @learningresources2026]" as below: the first "(2026)" is the case's date, not a second citation of the entry.
    bib = parse_bibliography(r"""@misc{lr, author = {{Supreme Court of the United States}}, title = {Learning Resources,
  Inc. v. Trump, 607 U.S. 229 (2026)}, year = {2026}}
@misc{hts, author = {{U.S. International Trade Commission}}, title = {Harmonized Tariff Schedule}, year = {2026}}
""")
    text = ("The Court held that IEEPA does not authorize tariffs [Learning Resources, Inc. v. Trump, 607 U.S. 229 "
            "(2026); Supreme Court of the United States (2026)].")
    linkage = link(parse_essay(text), bib)
    assert [(m.text, m.detail) for m in linkage.mentions if m.kind == "marker"] == [
        ("Supreme Court of the United States (2026)", "lr")]


@pytest.mark.parametrize(("text", "keys"), [
    # "Phillip’s (1998)": the possessive of Phillips with its apostrophe put before the name's last "s"; it was
    # reported as a citation of Phillip with no entry.
    ("It rests on Phillip’s (1998) notion of presence.", ["ph"]),
    ("It rests on Phillip's (1998) notion of presence.", ["ph"]),
    ("It rests on Phillips’ (1998) notion of presence.", ["ph"]),
    # A name the bibliography has as written is read as written.
    ("It rests on Jone’s (1998) notion of presence.", ["jo"]),
])
def test_a_possessive_written_before_a_names_last_s(text: str, keys: list[str]) -> None:
    bib = parse_bibliography(r"""@book{ph, author = {Phillips, Anne}, title = {The Politics of Presence}, year = {1998}}
@book{jo, author = {Jone, Amy}, title = {Presence}, year = {1998}}
@book{js, author = {Jones, Amy}, title = {Absence}, year = {1998}}
""")
    linkage = link(parse_essay(text), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == keys


@pytest.mark.parametrize(("text", "keys"), [
    # German's genitive of a name, "s" with no apostrophe: "im Sinne Busses (2012)" cites Busse 2012; it was
    # reported as a citation of Busses with no entry.
    ("Das folgt im Sinne Busses (2012) dem Diskurs.", ["bu"]),
    ("Wie Luhmanns (1984) Theorie zeigt, gilt es.", ["lu"]),
    # A name the bibliography has as written is read as written, and a year no entry of the name has is none.
    ("Wie Jones (1998) zeigt, gilt es.", ["js"]),
    ("Das folgt im Sinne Busses (2019) dem Diskurs.", []),
])
def test_a_genitive_with_no_apostrophe(text: str, keys: list[str]) -> None:
    bib = parse_bibliography(r"""@book{bu, author = {Busse, Dietrich}, title = {Frame-Semantik}, year = {2012}}
@book{lu, author = {Luhmann, Niklas}, title = {Soziale Systeme}, year = {1984}}
@book{jo, author = {Jone, Amy}, title = {Presence}, year = {1998}}
@book{js, author = {Jones, Amy}, title = {Absence}, year = {1998}}
""")
    linkage = link(parse_essay(text), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == keys


SLAVIC = r"""@book{no, author = {Nováková, Jana}, title = {Kniha}, year = {2010}}
@book{nk, author = {Novák, Petr}, title = {Jiná}, year = {2011}}
@book{sv, author = {Svoboda, Petr}, title = {Práce}, year = {2012}}
@book{ce, author = {Černý, Jan}, title = {Dílo}, year = {2013}}
@book{ko, author = {Kowalski, Jan}, title = {Książka}, year = {2015}}
@book{ka, author = {Kowalska, Anna}, title = {Praca}, year = {2016}}
@book{nw, author = {Nowak, Adam}, title = {Studium}, year = {2017}}
@book{ro, author = {Ross, Ann}, title = {Study}, year = {2018}}
@book{br, author = {Brown, Anne}, title = {The State}, year = {2019}}
@book{cl, author = {Clark, Bob}, title = {Acts}, year = {2020}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # Czech and Polish inflect a surname by its case before a narrative citation: "podle Novákové (2010)" cites
    # Nováková 2010; each was reported as a citation with no entry (LR300) and the entry as unused (LR307).
    ("Podle Novákové (2010) je to pravda.", ["no"]),
    ("Souhlasím s Novákovou (2010) v tom.", ["no"]),
    ("Podle Nováka (2011) je to jinak.", ["nk"]),
    ("Novákovi (2011) to nestačí.", ["nk"]),
    ("Jak píše Svobody (2012), je to tak.", ["sv"]),
    ("Se Svobodou (2012) nesouhlasím.", ["sv"]),
    ("Podle Černého (2013) ne.", ["ce"]),
    ("Według Kowalskiego (2015) jest inaczej.", ["ko"]),
    ("Zdaniem Kowalskiemu (2015) też.", ["ko"]),
    ("Według Kowalskiej (2016) jest inaczej.", ["ka"]),
    ("Według Nowaka (2017) jest inaczej.", ["nw"]),
    ("Z Nowakiem (2017) się zgadzam.", ["nw"]),
    # the name as written when an entry has it; a year no entry of the name has is none; a form no case of an
    # entry's name (a name of its own) is none
    ("Kowalska (2016) pisze inaczej.", ["ka"]),
    ("Według Kowalskiego (2019) jest inaczej.", []),
    ("Rosso (2018) wrote otherwise.", []),
    # an English name with an "e" of its own is no case of the name without it (Browne, Clarke of Brown, Clark)
    ("As Browne (2019) argues, it holds.", []),
    ("Clarke (2020) agrees.", []),
])
def test_a_czech_or_polish_surname_in_another_case(text: str, keys: list[str]) -> None:
    linkage = link(parse_essay(text), parse_bibliography(SLAVIC))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == keys


def test_the_reporting_verb_is_no_evidence_of_the_work() -> None:
    # Two works "Li et al. 2015": the word "notes" says that the sentence cites, not what it cites, though one title
    # holds "note"; with nothing else to tell, the citation is not taken for that one.
    bib = (r"@article{l2, author = {Li, Chen and Song, Ru and Vo, Ed}, title = {Word Embedding}, year = {2015}}" "\n"
           r"@article{l1, author = {Li, Yi and Park, Bo and Wu, Al}, title = {Feature Selection: Field Notes},"
           r" year = {2015}}")
    linkage = link(parse_essay("Li et al. also notes (2015) that it holds."), parse_bibliography(bib))
    (marker,) = [m for m in linkage.mentions if m.kind == "marker"]
    assert set(marker.keys) == {"l1", "l2"} and marker.detail != "l1"


PAGE = r"""@article{yue, author = {Yue, Ricci and Lee, Harry}, title = {Trade Routes and Plague Transmission},
  journal = {J}, year = {2017}}
@online{who, title = {Plague}, organization = {World Health Organization}, url = {https://who.int}, year = {2017}}
"""


def test_the_names_of_a_citation_in_the_sentence_before_name_no_author_for_a_year_alone() -> None:
    # Springer prints the web page with no author as "(2017)" (pandoc's citeproc, citing yue then who): Yue and Lee
    # are named inside the sentence before's own citation, not in its prose.
    linkage = link(parse_essay("Plague spread along trade routes (Yue and Lee 2017). It is present on every "
                               "continent (2017)."), parse_bibliography(PAGE))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["yue"]


def test_an_author_the_sentence_before_names_in_its_prose_still_stands_for_a_year_alone() -> None:
    linkage = link(parse_essay("Yue and Lee trace the trade routes. They found the plague there (2017)."),
                   parse_bibliography(PAGE))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["yue"]
