"""Forms of a reference's pages the shapes of the usual ranges miss: an article's identifier of letters and digits
in turn (AGU's "G00A06", "2012GL051234" stays whole)."""

from __future__ import annotations

import pytest

from litreview.bibliography.refparse import parse_reference
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
