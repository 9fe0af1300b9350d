"""An edited book whose editors open the reference (DBLP's ``@proceedings``, an edited volume): the names up to the
role that closes them are the editors' every one, though the model read some of them as an author's or a title's."""

from __future__ import annotations

import pytest
from fuzz.hand_tagged import hand_tagged

from litreview.bibliography.refparse import parse_reference
from litreview.bibliography.refparse.relabel_opening_editors import (
    names_closed_by_role,
    title_run_into_container_after_editors,
    volume_opening_title,
)


def _labels(text: str, marked: str) -> str:
    return " ".join(t.label for t in names_closed_by_role(hand_tagged(text, marked)))


@pytest.mark.parametrize(("text", "marked", "names"), [
    # APSA: given names after the first family name, a title's words among them
    ("Clear, Alison, Ernesto Cuadros-Vargas, Janet Carter, and Yván Túpac, eds. 2016. Proceedings of Small Things. ACM.",
     "author author title title editor editor editor editor editor editor date title title title title publisher", 10),
    # Vancouver: "editors." closing family names and initials
    ("[55] Stamper JC, Pardos ZA, McLaren BM, editors. Proceedings of Small Things. ACM; 2014.",
     "number author author author author title editor editor title title title title publisher date", 7),
    # ISO 690: the role in parentheses, the given names read as the title
    ("DAVIS, Al und Sarita V. ADVE (Hrsg.), 2014. Small Things. ACM.",
     "editor editor title title title title editor date title title publisher", 7),
])
def test_names_closed_by_a_role_are_the_editors(text, marked, names):
    marks = marked.split()
    lead = 1 if marks[0] == "number" else 0
    expected = marks[:lead] + ["editor"] * names + marks[lead + names:]
    assert _labels(text, marked) == " ".join(expected)


@pytest.mark.parametrize(("text", "marked"), [
    # a chapter's editors after "In": ``book_*`` rules' business
    ("In Doe, Jane, and Bob Roe, eds. Small Things. ACM.",
     "editor editor editor editor editor editor editor title title publisher"),
    # no role closing the names
    ("Doe, Jane, Bob Roe, and Al Poe. 2016. Small Things. ACM.",
     "author author title title editor editor editor date title title publisher"),
    # a lower-case word before the role: a title's, not a name's
    ("Doe, Jane, the small things of eds. 2016. Small Things. ACM.",
     "author author title title title title editor date title title publisher"),
    # the role read as the title's: the model did not read an editor there
    ("Doe, Jane, and Bob Roe, eds. 2016. Small Things. ACM.",
     "author author author author author title date title title publisher"),
])
def test_other_readings_are_left_as_they_are(text, marked):
    assert _labels(text, marked) == marked


@pytest.mark.parametrize(("text", "title", "editors"), [
    ("Clear, Alison, Ernesto Cuadros-Vargas, Janet Carter, and Yván Túpac, eds. 2016. Proceedings of the 2016 ACM "
     "Conference on Innovation and Technology in Computer Science Education, ITiCSE 2016, Arequipa, Peru, July 9-13, "
     "2016. ACM.", "Proceedings of the 2016 ACM Conference on Innovation and Technology in Computer Science Education, "
     "ITiCSE 2016, Arequipa, Peru, July 9-13, 2016", ["Clear", "Cuadros-Vargas", "Carter", "Túpac"]),
    ("[55] Stamper JC, Pardos ZA, Mavrikis M, McLaren BM, editors. Proceedings of the 7th international conference on "
     "educational data mining, EDM 2014, london, UK, july 4-7, 2014. International Educational Data Mining Society; "
     "2014.", "Proceedings of the 7th international conference on educational data mining, EDM 2014, london, UK, july "
     "4-7, 2014", ["Stamper", "Pardos", "Mavrikis", "McLaren"]),
])
def test_a_proceedings_opened_by_its_editors_reads_whole(text, title, editors):
    ref = parse_reference(text)
    assert [p.family for p in ref.editors] == editors
    assert not ref.authors
    assert ref.title == title


@pytest.mark.parametrize(("text", "marked"), [
    # a chapter: the author's names, the chapter's title and "In:" before the book's editors
    ("Bliss, R., Trogdon, K.: Metaphysical Grounding. In: Zalta, E.N. (ed.) The Small Book (2014).",
     "author author author author title title title editor editor editor container container container date"),
    ("Divers J. Modal Commitments. In: Bob Hale, Aviv Hoffmann, eds. Small Book. Oxford University Press, 2010.",
     "author author title title editor editor editor editor editor editor container container publisher publisher "
     "publisher date"),
])
def test_a_chapters_title_and_in_before_the_editors_are_no_names(text, marked):
    assert _labels(text, marked) == marked


@pytest.mark.parametrize(("text", "title", "volume"), [
    ("Berghofer, Stefan, Tobias Nipkow, Christian Urban, and Makarius Wenzel, eds. 2009. 5674 Theorem Proving in "
     "Higher Order Logics, 22nd International Conference, TPHOLs 2009, Munich, Germany, August 17-20, 2009. "
     "Proceedings. Springer.", "Theorem Proving in Higher Order Logics, 22nd International Conference, TPHOLs 2009, "
     "Munich, Germany, August 17-20, 2009", "5674"),
    ("Møller, Anders, and Manu Sridharan, eds. 2021. 194 35th European Conference on Object-Oriented Programming, "
     "ECOOP 2021, July 11-17, 2021, Aarhus, Denmark (Virtual Conference). Schloss Dagstuhl.",
     "35th European Conference on Object-Oriented Programming, ECOOP 2021, July 11-17, 2021, Aarhus, Denmark "
     "(Virtual Conference)", "194"),
])
def test_apsas_volume_before_an_edited_books_title_is_the_volume(text, title, volume):
    ref = parse_reference(text)
    assert (ref.title, ref.volume) == (title, volume)


@pytest.mark.parametrize(("text", "marked"), [
    # a year opening the title
    ("Doe, Jane, and Bob Roe, eds. 2009. 1968 Revisited. London: Routledge.",
     "editor editor editor editor editor editor date title title location publisher"),
    # no editors: an author's book
    ("Doe, Jane. 2009. 1001 Nights Retold. London: Routledge.",
     "author author date title title title location publisher"),
    # a volume elsewhere
    ("Doe, Jane, eds. 2009. 12 Angry Essays. Vol. 3. London: Routledge.",
     "editor editor editor date title title title volume volume location publisher"),
])
def test_a_year_or_a_number_opening_a_title_stays_the_titles(text, marked):
    assert " ".join(t.label for t in volume_opening_title(hand_tagged(text, marked))) == marked


@pytest.mark.parametrize(("text", "marked", "expected"), [
    # the model ran the title into a container mid-phrase ("… Tools for | Concurrent …")
    ("Doe, Jane, eds. 2019. Models and Tools for Concurrent Programs. Springer.",
     "editor editor editor date title title title title container container publisher",
     "editor editor editor date title title title title title title publisher"),
    # a title closed by its stop: the container after it is a series' or a journal's, left as read
    ("Doe, Jane, eds. 2019. Models and Tools. Lecture Notes 5. Springer.",
     "editor editor editor date title title title container container volume publisher",
     "editor editor editor date title title title container container volume publisher"),
    # a chapter: the author opens the reference
    ("Doe, Jane. 2019. Models and Tools for Concurrent Programs. Springer.",
     "author author date title title title title container container publisher",
     "author author date title title title title container container publisher"),
])
def test_an_edited_books_title_run_into_a_container_is_the_title(text, marked, expected):
    assert " ".join(t.label for t in title_run_into_container_after_editors(hand_tagged(text, marked))) == expected
