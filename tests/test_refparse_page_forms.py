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
