"""The publisher printed before its place after a colon (MDPI's and ACS's "Publisher: Place, Year;") where the
publisher is a company's or a body's name with no publisher's word ("Kessler AG", "The Rowan Group")."""

from __future__ import annotations

import pytest

from litreview.bibliography.refparse import parse_reference
from litreview.bibliography.refparse.fields import PubFacts, publisher_then_place, series_then_publisher


@pytest.mark.parametrize(("text", "place", "publisher"), [
    ("Kessler AG: Leverkusen (DE)", "Leverkusen (DE)", "Kessler AG"),
    ("The Rowan Group: Warrington", "Warrington", "The Rowan Group"),
    ("Hoffmann GmbH: Kassel", "Kassel", "Hoffmann GmbH"),
])
def test_a_companys_or_bodys_name_before_a_place_is_the_publisher(text, place, publisher):
    assert publisher_then_place(text) == PubFacts(place, publisher)


@pytest.mark.parametrize("text", [
    "Boulder, Co: Westview",  # a place and its state's code written as a word
    "Paris: Hachette Group",
    "Halle Group: Springer-Verlag",
])
def test_a_place_before_the_colon_stays_the_place(text):
    assert publisher_then_place(text) is None


@pytest.mark.parametrize(("text", "publisher", "place"), [
    # made by hand in MDPI's form of a book
    ("14. Roe, P. Made-up Counsel for Ward Nurses; Hoffmann GmbH: Kassel, 2014;", "Hoffmann GmbH", "Kassel"),
    ("13. Roe, P. Made-up Counsel for Ward Nurses; 2nd ed.; The Rowan Group: Warrington, 2014;",
     "The Rowan Group", "Warrington"),
])
def test_mdpis_publisher_before_its_place(text, publisher, place):
    ref = parse_reference(text)
    assert (ref.publisher, ref.place) == (publisher, place)


@pytest.mark.parametrize(("text", "expected"), [
    ("Macroéconomie, Dunod", ("Macroéconomie", "Dunod")),
    ("Essays on wagers; Rowman & Littlefield", ("Essays on wagers", "Rowman & Littlefield")),
    ("Blackwell, Oxford", None),  # a publisher and its place
    ("Made-up Studies, Cambridge", None),  # a known place: no publisher's name
])
def test_a_known_publishers_name_after_a_comma_closes_the_span(text, expected):
    assert series_then_publisher(text) == expected


def test_a_title_read_into_the_publishers_span_before_a_known_publisher():
    # made by hand in APA's form of a book whose title the model read into the publisher's span
    ref = parse_reference("Roe, M., & Poe, J. (2014). Macroéconomie, Dunod.")
    assert (ref.title, ref.publisher) == ("Macroéconomie", "Dunod")
