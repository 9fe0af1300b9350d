"""A meeting's proceedings printed as a book (DBLP's ``@proceedings``): its title names the meeting, its acronym, its
place and its days, and is read whole as the title, not as a container cut at the place; the rules' reading of such a
title is not taken where it runs on into the editors' role, the volume or the publisher."""

from __future__ import annotations

import pytest
from fuzz.hand_tagged import hand_tagged

from litreview.bibliography.refparse import parse_reference
from litreview.bibliography.refparse.combine import _publisher_cut, _role_before
from litreview.bibliography.refparse.reference import ParsedReference
from litreview.bibliography.refparse.relabel_meetings import meetings_book_title, names_meeting


def _labels(text: str, marked: str) -> str:
    return " ".join(t.label for t in meetings_book_title(hand_tagged(text, marked)))


_BOOK = ("Doe, J. (Ed.). (2006). Proceedings of the Small Conference, SMC 2006, Portland, USA, September 16-21, 2006. "
         "ACM.")


def test_a_proceedings_name_read_as_container_place_and_date_is_the_title():
    marked = ("editor editor editor date container container container container container collection collection "
              "location location date date date publisher")
    assert _labels(_BOOK, marked) == "editor editor editor date " + "title " * 12 + "publisher"


def test_a_range_of_days_read_as_pages_and_a_closing_tail_join_the_title():
    text = "Doe, J. eds. 2011. Small Things Workshop, Bath, UK, May 3-5, 2011. Revised selected papers. Springer."
    marked = ("editor editor editor date title title title location location date pages date note note note "
              "publisher")
    assert _labels(text, marked) == "editor editor editor date " + "title " * 11 + "publisher"


def test_a_year_opening_the_span_is_the_date_and_a_year_read_as_a_note_the_books():
    text = "DOE, Jane (Hrsg.), 2002. Small Symposium (SMS ’02), Bath, UK, October 4-6, 2002, ACM, 2002."
    marked = ("editor editor editor container container container container container location location date pages "
              "note publisher note")
    assert _labels(text, marked) == "editor editor editor date " + "title " * 9 + "publisher note"


@pytest.mark.parametrize(("text", "marked"), [
    # a paper in proceedings, after "In:": its container is anystyle's, closed before the place
    ("Doe, J. 2006. Small paper. In: Proceedings of the Small Conference, Portland, USA, September 16-21, 2006. ACM.",
     "author author date title title container container container container container container location location "
     "date date date publisher"),
    # no meeting's days
    ("Doe, J. (Ed.). (2006). Proceedings of the Small Conference, SMC 2006, Portland, USA. ACM.",
     "editor editor editor date container container container container container collection collection location "
     "location publisher"),
    # no meeting named
    ("Doe, J. (2006). Remembering the storm, Portland, USA, September 16, 2006. ACM.",
     "author author date title title title location location date date date publisher"),
    # no year outside the span: which year is the book's is not known
    ("Doe, J. (Ed.). Proceedings of the Small Conference, Portland, USA, September 16-21, 2006. ACM.",
     "editor editor editor container container container container container location location date date date "
     "publisher"),
    # pages after it: a paper
    ("Doe, J. (2006). Proceedings of the Small Conference, Portland, USA, September 16-21, 2006, 3-9.",
     "author author date container container container container container location location date date date pages"),
])
def test_what_is_no_proceedings_title_stays_as_read(text, marked):
    assert _labels(text, marked) == marked


@pytest.mark.parametrize(("title", "expected"), [
    ("Proceedings of the Small Conference, Portland, USA, September 16-21, 2006", True),
    ("Principles of small things, PPDP’12, Leuven, Belgium - September 19 - 21, 2012", True),
    ("Design and test, DATE 2008, Munich, Germany, 10-14 March, 2008", True),
    ("Proceedings of the Small Conference, Seattle, USA, may, 2010", True),
    ("Proceedings of the Small Conference", False),
    ("Remembering the storm of September 16, 2006", False),
])
def test_a_title_names_a_meeting_and_its_days(title, expected):
    assert names_meeting(title) is expected


def test_a_proceedings_printed_as_a_book_is_read_with_its_whole_title():
    ref = parse_reference(_BOOK)
    assert ref.title.rstrip(".") == "Proceedings of the Small Conference, SMC 2006, Portland, USA, September 16-21, 2006"
    assert not ref.container


@pytest.mark.parametrize(("mine", "theirs", "expected"), [
    ("Small things", "eds: Small things", True),
    ("Small things", "Roe (a cura di), Small things", True),
    ("Small things", "DOE, Jane (éd.). Small things", True),
    ("Small things", "Doe: Small things", False),
    ("Small things", "Small things, eds", False),
])
def test_a_role_opening_the_rules_title_is_no_part_of_it(mine, theirs, expected):
    assert _role_before(mine, theirs) is expected


@pytest.mark.parametrize(("title", "cut"), [
    ("Small things, revised papers, Vol. 8606, Springer", "Small things, revised papers"),
    ("Small things, revised papers. vol. 8606", "Small things, revised papers"),
    ("Small things, revised papers, 8606", "Small things, revised papers, 8606"),
])
def test_the_crfs_volume_after_its_word_is_cut_from_the_rules_title(title, cut):
    crf = ParsedReference(raw=title, volume="8606", publisher="Springer")
    assert _publisher_cut(title, crf) == cut
