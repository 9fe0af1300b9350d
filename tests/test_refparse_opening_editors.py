"""An edited book whose editors open the reference (DBLP's ``@proceedings``, an edited volume): the names up to the
role that closes them are the editors' every one, though the model read some of them as an author's or a title's."""

from __future__ import annotations

import pytest
from fuzz.hand_tagged import hand_tagged

from litreview.bibliography.refparse import parse_reference
from litreview.bibliography.refparse.relabel_opening_editors import names_closed_by_role


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
