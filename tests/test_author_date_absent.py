"""Author-date citations of an entry the bibliography lacks, whose printed names fit one it has only in part: no
style prints that entry so, so the citation is left with no entry (a wrong entry is worse than none)."""

from __future__ import annotations

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link

BIB = r"""@article{roe, author = {Roe, Kim}, title = {Alpha study}, year = {2015}}
@article{roedoe, author = {Roe, Kim and Doe, Jay}, title = {Beta study}, year = {2016}}
@article{kn, author = {Keohane, Robert and Nye, Joseph}, title = {Power and Interdependence}, year = {2012}}
@article{kns, author = {Keohane, Robert and Nye, Joseph and Smith, Ann}, title = {Regimes}, year = {2013}}
@book{smith, author = {Smith, John}, title = {Borders and walls}, year = {2010}}
"""


def _cited(text: str) -> list[tuple[str, tuple[str, ...]]]:
    linkage = link(parse_essay(text), parse_bibliography(BIB))
    return [(m.text, m.keys) for m in linkage.mentions if m.kind == "marker"]


@pytest.mark.parametrize("text", [
    "Things happen (Roe and Moe 2015).",  # Roe and Moe's paper: Roe alone wrote roe
    "Things happen (Moe and Roe 2015).",
    "Things happen (Doe and Roe 2016).",  # Doe and Roe's paper, not Roe and Doe's
    "Things happen (Roe et al. 2015).",  # Roe and others: Roe alone wrote roe
    "Things happen (A. Smith 2010).",  # Ann Smith's: John Smith wrote smith
    "As A. Smith (2010) shows, things happen.",
])
def test_names_that_no_entry_prints_leave_the_citation_with_no_entry(text: str) -> None:
    assert not any(keys for _, keys in _cited(text))


@pytest.mark.parametrize(("text", "key"), [
    ("Things happen (Keohane 2012).", "kn"),  # a co-author left out, as a writer shortens a list
    ("Things happen (see Keohane and Nye 2013).", "kns"),
    ("Things happen (Keohane et al. 2013).", "kns"),
    ("Things happen (Roe 2016).", "roedoe"),
    ("Things happen (J. Smith 2010).", "smith"),
    ("As J. Smith (2010) shows, things happen.", "smith"),
])
def test_names_an_entry_prints_in_part_still_find_it(text: str, key: str) -> None:
    assert [keys[:1] for _, keys in _cited(text)] == [(key,)]



LETTERED = r"""@article{roe, author = {Roe, Kim}, title = {Alpha study}, year = {2015}}
@misc{page, author = {Roe, Kim}, title = {A web page}}
@article{doe1, author = {Doe, Jay}, title = {Beta}, year = {2016}}
@article{doe2, author = {Doe, Jay}, title = {Gamma}, year = {2016}}
"""


@pytest.mark.parametrize("text", ["Things happen (Roe 2015b).", "Things happen (Roe n.d.-b).", "Roe (2015c) shows it."])
def test_a_letter_past_the_entries_of_those_names_and_year_is_no_entry_of_them(text: str) -> None:
    # citeproc letters a year only among two entries or more printed alike: "2015b" with one entry of Roe's of 2015
    # is the second of two, the other the bibliography lacks or the names were not read as printed; which of the two
    # the one held is, nothing tells.
    linkage = link(parse_essay(text), parse_bibliography(LETTERED))
    assert not any(m.keys for m in linkage.mentions if m.kind == "marker")


@pytest.mark.parametrize(("text", "key"), [("Things happen (Doe 2016b).", "doe2"), ("Things happen (Roe n.d.).", "page"),
                                           ("Things happen (Roe 2015).", "roe")])
def test_a_letter_among_the_entries_of_those_names_and_year_still_finds_its_entry(text: str, key: str) -> None:
    linkage = link(parse_essay(text), parse_bibliography(LETTERED))
    assert [m.keys[:1] for m in linkage.mentions if m.kind == "marker"] == [(key,)]


def test_an_abbreviation_of_initials_before_the_names_is_no_initial_of_theirs() -> None:
    # "siehe z.B. Schmidt and Marwick (2020)": German "z.B." (for example) holds a capital and a full stop, as an
    # initial does; read as one, "B." differed from Sophie Schmidt's and the citation found nothing.
    bib = parse_bibliography("@article{sm, author = {Schmidt, Sophie C. and Marwick, Ben}, title = {Tools}, year = {2020}}")
    linkage = link(parse_essay("Software (siehe z.B. Schmidt and Marwick (2020)) matters."), bib)
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [("sm",)]


SEE = r"""@misc{ayers, author = {Ayers, Amy L.}, title = {Memory acquisition}, year = {2015}}"""


@pytest.mark.parametrize("text", [
    "Le istruzioni prevedevano lo spegnimento. V. Ayers (2015), p. 7.",  # Italian "V." (vedi, see) opens a note's sentence
    "Things happen (V. Ayers 2015).",
    "[12] V. Ayers (2015), p. 7.",  # a note as a plain-text rendering prints it, its label first
])
def test_a_letter_that_may_be_a_see_word_opening_the_names_is_no_initial_of_theirs(text: str) -> None:
    # "V." (Italian vedi, Latin vide), "S." (German siehe) at the head of the names may be the word that sends the reader
    # to the work, not Amy Ayers's first initial: the citation is hers, as it was before initials were compared.
    linkage = link(parse_essay(text), parse_bibliography(SEE))
    assert [m.keys[:1] for m in linkage.mentions if m.kind == "marker"] == [("ayers",)]


def test_a_letter_after_the_see_word_is_an_initial() -> None:
    # after "see", "V." is no word of its own: a person's initial, not Amy Ayers's
    linkage = link(parse_essay("Things happen (see V. Ayers 2015)."), parse_bibliography(SEE))
    assert not any(m.keys for m in linkage.mentions if m.kind == "marker")
