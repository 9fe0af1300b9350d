"""Forms of a reference's pages the shapes of the usual ranges miss: an article's identifier of letters and digits
in turn (AGU's "G00A06", "2012GL051234" stays whole)."""

from __future__ import annotations

import pytest
from fuzz.hand_tagged import hand_tagged

from litreview.bibliography.refparse import parse_reference
from litreview.bibliography.refparse.assemble import assemble
from litreview.bibliography.refparse.relabel import relabel
from litreview.bibliography.refparse.relabel_numbers import (
    numbers_after_journal_in_note,
    volume_before_dates_parenthesis,
)
from litreview.bibliography.refparse.span_fields import span_pages


@pytest.mark.parametrize(("text", "pages"), [
    ("B03K07.", "B03K07"),
    ("pp. E00L12.", "E00L12"),
    ("S. 83–109.", "83–109"),
    ("e0200303,", "e0200303"),
    ("12a", "12a"),
    ("A12-A19", "A12–A19"),
])
def test_an_article_identifier_of_letters_and_digits_is_read_whole(text, pages):
    assert span_pages(text) == pages


def test_an_article_identifier_after_the_volume_is_the_pages():
    # made by hand in APA's form of a journal article numbered as AGU numbers them
    ref = parse_reference("Doe, J. R. (2011). A made-up study of river ice. Journal of Made-up Research, 116, B03K07.")
    assert (ref.volume, ref.pages) == ("116", "B03K07")


def test_a_range_read_into_the_date_after_the_journal_is_the_pages():
    # made by hand in Copernicus's form of an article printed with no volume: "Journal, pages, year."
    ref = parse_reference("Roe, M.: A made-up study of ballots, Journal of Made-up Politics, 1–34, 2018.")
    assert (ref.container, ref.pages, ref.year) == ("Journal of Made-up Politics", "1–34", "2018")


@pytest.mark.parametrize("words", [
    [("Made-up", "journal"), ("Politics,", "journal"), ("1990–1995,", "date"), ("2001.", "date")],  # years
    [("Made-up", "journal"), ("Politics,", "journal"), ("May", "date"), ("12–14,", "date"), ("2001.", "date")],
    [("Made-up", "title"), ("talk,", "title"), ("12–14,", "date"), ("2001.", "date")],  # no journal before it
])
def test_a_range_of_years_or_days_stays_the_dates(words):
    from litreview.bibliography.refparse.features import Token
    from litreview.bibliography.refparse.relabel_numbers import pages_before_year
    from litreview.bibliography.refparse.tagger import Tagged

    tagged, at = [], 0
    for word, label in words:
        tagged.append(Tagged(Token(word, at, at + len(word)), label, 0.9, 0.0, 0.0, ""))
        at += len(word) + 1
    assert [t.label for t in pages_before_year(tagged)] == [label for _, label in words]


@pytest.mark.parametrize(("text", "pages"), [
    ("pp. 431–456, 791–823.", "431–456, 791–823"),
    ("pp. 1,3.", "1, 3"),
    ("p. 234-237 et 237-241.", "234–237, 237–241"),
    ("S. 12 und 15", "12, 15"),
    ("45–67, 1999", "45–67"),  # a year after the pages is no part of them
    ("12, 5", "12"),  # nor a number before the one it follows
])
def test_an_articles_pages_printed_as_a_list_are_read_whole(text, pages):
    assert span_pages(text) == pages


@pytest.mark.parametrize(("text", "marked", "read"), [
    # a volume and its issue joined by a dash, then the pages with their label: "12-3" is no range of pages
    ("Roe, Marie, « Titre court », Revue, 12-3, 2000, p. 257-264.",
     "author author title title title title journal volume date pages pages", ("12", "3", "257–264")),
    # the same read as the pages, running backwards: a volume and its issue, no pages
    ("Roe, Marie, « Titre court », Revue, 9-1, 2022.",
     "author author title title title title journal pages date", ("9", "1", "")),
    # a single page printed as a range of one stays the pages
    ("Roe, Marie, « Titre court », Revue, 14–14, 2022.",
     "author author title title title title journal pages date", ("", "", "14–14")),
])
def test_a_volume_and_issue_joined_by_a_dash_are_no_pages(text, marked, read):
    ref = assemble(text, text, hand_tagged(text, marked))
    assert (ref.volume, ref.issue, ref.pages) == read


def test_bare_numbers_and_the_year_after_a_journal_read_as_a_note_are_its_volume_date_and_pages():
    # made by hand in DIN 1505's form: "Journal Volume, Issue, Year, Pages" with no label before any number
    text = "Roe, M., A made-up study, Journal of Made-up Optics 14, 5, 2009, 054018"
    marked = "author author title title title journal journal journal journal note note note note"
    labels = [t.label for t in numbers_after_journal_in_note(hand_tagged(text, marked))]
    assert labels[-4:] == ["volume", "volume", "date", "pages"]
    # no year after the numbers: the rule has nothing to stand on
    marked = "author author title title title journal journal journal journal note note note note"
    text = "Roe, M., A made-up study, Journal of Made-up Optics 14, 5, n.d., 054018"
    assert [t.label for t in numbers_after_journal_in_note(hand_tagged(text, marked))] == marked.split()


@pytest.mark.parametrize(("text", "marked", "volume"), [
    # made by hand in an Italian style's form: the volume, then the date in parentheses
    ("Roe, M., Titolo, in «Rivista di prova», 83 (aprile 2011), 4.",
     "author author title container container container container date date date note", "83"),
    ("Roe, M., Titolo, in «Rivista di prova», 12 (2018).", "author author title container container container container "
     "date date", "12"),
    # a year before the parenthesis is a date (a reprint's), not a volume
    ("Roe, M., Titolo, in «Rivista di prova», 2018 (2019).", "author author title container container container "
     "container date date", ""),
])
def test_a_number_before_the_dates_parenthesis_after_a_journal_is_the_volume(text, marked, volume):
    tagged = volume_before_dates_parenthesis(hand_tagged(text, marked))
    assert " ".join(t.token.text for t in tagged if t.label == "volume") == volume


def test_the_words_of_a_date_of_access_are_no_pages():
    # made by hand in ISO 690's form: the issue, then the date of access in brackets, which the model may read on
    text = "Roe, M. Titulo. Revista [en línea]. 2018, vol. 4, nº 10 [cit. 01.05.2021]. DOI: 10.1000/x"
    marked = "author author title journal date date date volume volume volume volume pages pages doi doi"
    labels = [t.label for t in relabel(hand_tagged(text, marked), text)]
    assert labels[11:13] == ["note", "note"]
