"""Where styles print a publisher or an edition the model read as another field's words: a book's publisher closing the
reference after the title or a series, its name the model's runner-up; a proceedings' publisher after its full stop or in
parentheses; a bare edition number after a book's title."""

from __future__ import annotations

import pytest
from fuzz.hand_tagged import hand_tagged

from litreview.bibliography.refparse import ParsedReference, parse_reference
from litreview.bibliography.refparse.relabel_numbers import edition_closing_title, edition_words_closing_title
from litreview.bibliography.refparse.relabel_publisher import publisher_closing_title
from litreview.bibliography.refparse.relabel_publisher_bodies import (
    imprint_read_as_container,
    publisher_by_its_rival,
    publisher_closing_container,
    publisher_in_containers_parenthesis,
    publisher_read_as_container,
)
from litreview.bibliography.refparse.tagger import Tagged
from litreview.bibliography.refparse.title_misread import edition_run_on


def _publisher(tagged: list[Tagged]) -> str:
    return " ".join(t.token.text for t in tagged if t.label == "publisher")


@pytest.mark.parametrize(("text", "marked", "publisher"), [
    # Chicago with a series: the publisher read as the series' (container's) words
    ("Stein, H., eds. 2011. Modular Forms. Texts in Number Theory. American Mathematical Society.",
     "editor editor editor date title title container container container container "
     "container container?publisher container?publisher", "American Mathematical Society."),
    # Harvard and APA: the publisher read as a note's words before the link
    ("Nakamura, T. 2017. Coastal Planning. World Bank Publications. www.example.org",
     "author author date title title note?publisher note?publisher note?publisher url", "World Bank Publications."),
    # a book's publisher after the title's comma, read as the title's words, the year closing
    ("Zeller, Anna, Songs of the harbour, Hutchinson and Company, 1958.",
     "author author title title title title title?publisher title?publisher title?publisher date",
     "Hutchinson and Company,"),
    # a body's name with a comma inside it, read as a note's words, the runner-up at its last words
    ("Talk on ivory towers. (2017). Trinity Hall, University of Oxford. Accessed 8.8.2019.",
     "title title title title date note note note?publisher note?publisher note?publisher note note",
     "Trinity Hall, University of Oxford."),
    # one word: an acronym
    ("Keller, R. (2003). Field notes on alpine flora, SIAM. Retrieved from https://example.org/a",
     "author author date title title title title title title?publisher note note url", "SIAM."),
])
def test_a_doubted_name_closing_a_book_is_its_publisher(text, marked, publisher):
    assert _publisher(publisher_by_its_rival(hand_tagged(text, marked))) == publisher


@pytest.mark.parametrize(("text", "marked"), [
    # one word that is neither an acronym nor a publisher's: a title's last word after its comma, a style's "In."
    # (alone after the title's full stop it is a book's publisher: see the test above)
    ("Foo, 2019. Bar Baz, Quux.", "author date title title title?publisher"),
    ("Roe, J. (2008). Faces in the wild. In.", "author author date title title title title title?publisher"),
    # a subtitle after the title's colon is no publisher
    ("Landrum, Greg, RDKit: Open-Source Cheminformatics Software, 2025",
     "author author title title?publisher title?publisher title?publisher date"),
    # a place
    ("Doe, J. 1990. Rivers. Boston, MA.", "author author date title title?publisher title?publisher"),
    # a periodical's name read as a container: no body's word
    ("Hoiem, D. Putting objects in perspective. IJCV, 2008.", "author author title title title title container?publisher date"),
    ("Devlin, H. (2010). Neuron breakthrough. The Times. Retrieved from http://example.org/a",
     "author author date title title container?publisher container?publisher note note url"),
    # the title itself
    ("Pitt, M. A. (2007). Buckeye Corpus of Speech.",
     "author author author date title?publisher title?publisher title?publisher title?publisher"),
    # a reading with a publisher already
    ("Doe, J. 1990. Rivers. Academic Press. Lake Society.",
     "author author date title publisher publisher note?publisher note?publisher"),
])
def test_a_doubted_word_that_names_no_publisher_stays(text, marked):
    tagged = hand_tagged(text, marked)
    assert [t.label for t in publisher_by_its_rival(tagged)] == [t.label for t in tagged]


def test_a_short_name_with_a_function_word_before_the_closing_year_is_the_publisher():
    # "Chatto and Windus": capitalised words with "and" between them, read as a container
    ref = parse_reference("Ferris, Tom, Letters from the mill towns, Chatto and Windus, 1962.")
    assert (ref.title, ref.container, ref.publisher) == ("Letters from the mill towns", "", "Chatto and Windus")


@pytest.mark.parametrize("text", [
    "Ferris, Tom, Letters from the mill towns, Chatto and Windus, 1962.",
    "FERRIS, T. Letters from the mill towns. Taylor and Francis, 1962.",
])
def test_a_container_of_capitalised_words_and_a_function_word_before_the_year_is_the_publisher(text):
    words = text.split()
    marked = " ".join(["author", "author"] + ["title"] * (len(words) - 6) + ["container"] * 3 + ["date"])
    assert _publisher(publisher_read_as_container(hand_tagged(text, marked))) == " ".join(words[-4:-1])


def test_a_container_opening_with_a_function_word_stays():
    text = "Ferris, Tom, Letters from the mill towns, and Windus Press, 1962."
    marked = "author author title title title title title container container container date"
    assert [t.label for t in publisher_read_as_container(hand_tagged(text, marked))] == marked.split()


_ISO690 = ("MORENO, Ana. Lazy evaluation. In : Proceedings of the Workshop on Functional Languages. Association for "
           "Computing Machinery, 4 mars 2011. pp. 10-18. FL ’11.")


def test_a_bodys_name_after_the_books_full_stop_is_the_publisher():
    # ISO 690 prints the publisher after the proceedings' full stop; the model ran the book's name on over it (and
    # read the series after the pages as a journal's)
    marked = " ".join(["author", "author", "title", "title"] + ["container"] * 13 + ["date"] * 3 + ["pages"] * 2
                      + ["journal"] * 2)
    out = publisher_closing_container(hand_tagged(_ISO690, marked))
    assert _publisher(out) == "Association for Computing Machinery,"
    assert " ".join(t.token.text for t in out if t.label == "container") == \
        "In : Proceedings of the Workshop on Functional Languages."


@pytest.mark.parametrize("text", [
    "MORENO, Ana. Lazy evaluation. In : Proceedings of the Workshop on Functional Languages. Lisbon and Porto, 2011.",
    "MORENO, Ana. Lazy evaluation. In : Proceedings of the Workshop on Functional Languages. Second Volume, 2011.",
])
def test_words_after_the_books_full_stop_that_name_no_body_stay(text):
    # a place, a book's part: no body's word
    marked = " ".join(["author", "author", "title", "title"] + ["container"] * (len(text.split()) - 5) + ["date"])
    tagged = hand_tagged(text, marked)
    assert [t.label for t in publisher_closing_container(tagged)] == [t.label for t in tagged]


def test_a_parenthesis_closing_a_proceedings_name_before_the_pages_is_the_publisher():
    # Frontiers: "in Proceedings …, (Publisher), pages."; the model ran the book's name on over the publisher
    ref = parse_reference("Ruiz, P. (2011). Strictness analysis revisited., in Proceedings of the 3rd Workshop on "
                          "Functional Programming, (Association for Computing Machinery), 40–52.")
    assert (ref.container, ref.publisher) == ("Proceedings of the 3rd Workshop on Functional Programming",
                                              "Association for Computing Machinery")


@pytest.mark.parametrize("text", [
    # a qualifier of the name itself, no comma before it; words that name no publisher
    "Ruiz, P. 2011. Strictness. Proceedings of the Workshop (Association for Computing Machinery), 40–52.",
    "Ruiz, P. 2011. Strictness. Proceedings of the Workshop, (Lisbon, Portugal), 40–52.",
])
def test_a_parenthesis_in_a_proceedings_name_that_is_no_publisher_stays(text):
    n = len(text.split())
    tagged = hand_tagged(text, " ".join(["author", "author", "date", "title"] + ["container"] * (n - 5) + ["pages"]))
    assert [t.label for t in publisher_in_containers_parenthesis(tagged)] == [t.label for t in tagged]


@pytest.mark.parametrize(("raw", "title", "edition"), [
    # a .bib's bare edition number printed after the title, before the publisher
    ("Lindqvist, K. Bayesian Methods for Spatial Data, 2. Springer, 2015.", "Bayesian Methods for Spatial Data", "2"),
    ("Lindqvist, K. (2015). Bayesian methods for spatial data (2). Springer.", "Bayesian methods for spatial data", "2"),
])
def test_a_bare_number_closing_a_books_title_is_its_edition(raw, title, edition):
    ref = parse_reference(raw)
    assert (ref.title, ref.edition, ref.publisher) == (title, edition, "Springer")


@pytest.mark.parametrize(("text", "marked", "edition"), [
    ("Gu, C. Smoothing Spline Models, 1. Springer, 2013.", "author author title title title title publisher date",
     "1."),
    ("Gu, C. (2013). Smoothing Spline Models (1). Springer.", "author author date title title title title publisher",
     "(1)."),
    # a number in a title (no comma before it), a report's number, a zero-padded one; a journal's volume
    ("Gu, C. Smoothing Spline Models 2. Springer, 2013.", "author author title title title title publisher date", ""),
    ("Gu, C. (2013). Monthly Overview (08) (IOM, 2024).", "author author date title title title publisher publisher",
     ""),
    ("Gu, C. Smoothing Splines, 3. Stat. Sci., 2013.", "author author title title title journal journal date", ""),
])
def test_a_bare_number_after_the_titles_comma_before_the_publisher_is_the_edition(text, marked, edition):
    out = edition_closing_title(hand_tagged(text, marked))
    assert " ".join(t.token.text for t in out if t.label == "edition") == edition


def test_the_rules_title_run_on_over_the_crfs_edition_is_not_taken():
    raw = "Moreau, J. (2019). Survival analysis: An introduction., Second edition. Taylor & Francis."
    crf = ParsedReference(raw=raw, title="Survival analysis: An introduction.", edition="Second")
    assert edition_run_on(crf, "Survival analysis: An introduction., Second edition")
    assert edition_run_on(crf.replace(edition="2"), "Survival analysis: An introduction, 2")
    # the rules' title reaching further than the edition, or the CRF's reading no edition
    assert not edition_run_on(crf, "Survival analysis: An introduction., Second edition. Taylor")
    assert not edition_run_on(crf.replace(edition=""), "Survival analysis: An introduction., Second edition")


@pytest.mark.parametrize("raw", [
    # ISO 690 prints the medium after the title, then the publisher and the year (and the ISBN)
    "ROSS, Ian. Coastal sediment budgets [online]. Chatto and Windus, 1971.",
])
def test_a_short_name_after_the_titles_medium_before_the_year_is_the_publisher(raw):
    ref = parse_reference(raw)
    assert (ref.title, ref.container, ref.publisher) == ("Coastal sediment budgets", "", "Chatto and Windus")


def test_a_short_name_after_the_medium_before_the_year_and_isbn_is_the_publisher():
    text = "GREEN, P. Regression and Smoothing [en línea]. Chapman and Hall/CRC, 1993. ISBN 978-0-429-16105-6."
    marked = "author author title title title note note journal journal journal date isbn isbn"
    assert _publisher(publisher_read_as_container(hand_tagged(text, marked))) == "Chapman and Hall/CRC,"


@pytest.mark.parametrize(("raw", "title", "publisher"), [
    ("[8] Moss T 1987 Voyages of the northern seas: An account of trade and travel in the islands of the western ocean "
     "(Routledge and Kegan Paul)",
     "Voyages of the northern seas: An account of trade and travel in the islands of the western ocean",
     "Routledge and Kegan Paul"),
])
def test_publisher_alone_in_the_closing_parenthesis(raw: str, title: str, publisher: str) -> None:
    from litreview.bibliography.refparse import parse_reference

    ref = parse_reference(raw)
    assert (ref.title, ref.publisher) == (title, publisher)


def test_a_closing_parenthesis_of_no_publisher_is_left_as_read() -> None:
    from litreview.bibliography.refparse.relabel_publisher import publisher_closing_parenthesis

    tagged = hand_tagged("Moss T 2004 The shape of harbours (in German)", "author author date title title title title title title")
    assert publisher_closing_parenthesis(tagged) == tagged
    named = hand_tagged("Moss T 2004 The shape of harbours (Routledge)", "author author date title title title title note")
    assert [t.label for t in publisher_closing_parenthesis(named)][-1] == "publisher"


def _title_run(n: int) -> str:
    return " ".join(["title"] * n)


@pytest.mark.parametrize(("text", "publisher"), [
    # Cambridge and APA: the publisher after the comma closing a title in sentence case, one word or two
    ("Hale, M. (2004). Rivers and lakes: Theory, method, and case studies, Norbury.", "Norbury."),
    ("Hale, M. (2004). Rivers and lakes: A guide to their banks and their fish, Ann Norbury.", "Ann Norbury."),
])
def test_a_name_after_a_sentence_case_titles_comma_is_the_publisher(text, publisher):
    marked = "author author date " + _title_run(len(text.split()) - 3)
    assert _publisher(publisher_closing_title(hand_tagged(text, marked))) == publisher


@pytest.mark.parametrize("text", [
    # a title in title case: its last words after a comma may be its own
    "Hale, M. (2004). Rivers and Lakes: Theory, Method, and Case Studies, Norbury Hills.",
    # a place, an acronym alone, a name with a digit
    "Hale, M. (2004). Rivers and lakes: A guide to their banks and their fish, Berlin.",
    "Hale, M. (2004). Rivers and lakes: A guide to their banks and their fish, RIVDB.",
    "Hale, M. (2004). Rivers and lakes: A guide to their banks and their fish, Part 2.",
    # too few words in lower case to tell the title's case
    "Hale, M. (2004). Rivers of lakes, Norbury.",
])
def test_a_name_after_a_titles_comma_stays_the_titles_unless_the_title_is_in_sentence_case(text):
    tagged = hand_tagged(text, "author author date " + _title_run(len(text.split()) - 3))
    assert [t.label for t in publisher_closing_title(tagged)] == [t.label for t in tagged]


def test_a_name_after_a_sentence_case_books_comma_is_the_publisher():
    # Cambridge's chapter: "In J. Roe, ed., Book in sentence case, Publisher, pp. 1–9."; the model ran the book's name
    # on over the publisher
    text = "Lee, K. (2004). Tides. In J. Roe, ed., How to read tide tables in coastal waters, Ann Norbury, pp. 18–29."
    marked = "author author date title editor editor editor editor " + " ".join(["container"] * 10) + " pages pages"
    out = publisher_closing_container(hand_tagged(text, marked))
    assert _publisher(out) == "Ann Norbury,"
    assert " ".join(t.token.text for t in out if t.label == "container") == \
        "How to read tide tables in coastal waters,"


@pytest.mark.parametrize(("text", "marked", "publisher"), [
    # a book's one-word publisher in a sentence of its own after the title's full stop, the imprint's place left out
    ("Varga, E. (1971). Historia del grabado. Tusquets.", "author author date title title title title?publisher",
     "Tusquets."),
    # after the date's full stop, the title printed before it (a body as the author left out)
    ("Rivers of the plain. 2012. Landesamt.", "title title title title date title?publisher", "Landesamt."),
])
def test_a_books_doubted_last_word_alone_after_its_stop_is_its_publisher(text, marked, publisher):
    assert _publisher(publisher_by_its_rival(hand_tagged(text, marked))) == publisher


@pytest.mark.parametrize(("text", "marked"), [
    # a thesis's word, a month, a journal's word, a short word
    ("Varga, E. (1971). Historia del grabado. Dissertation.", "author author date title title title title?publisher"),
    ("Varga, E. (1971). Historia del grabado. Review.", "author author date title title title title?publisher"),
    ("Varga, E. (1971). Historia del grabado. Ink.", "author author date title title title title?publisher"),
    # a reading with a container's name: the word is the container's or its part's
    ("Varga, E. (1971). Grabado. Arte Nuevo. Tusquets.", "author author date title container container title?publisher"),
    # after a comma, not a full stop
    ("Varga, E. (1971). Historia del grabado, Tusquets.", "author author date title title title title?publisher"),
])
def test_a_one_word_that_names_no_books_publisher_stays(text, marked):
    tagged = hand_tagged(text, marked)
    assert [t.label for t in publisher_by_its_rival(tagged)] == [t.label for t in tagged]


@pytest.mark.parametrize(("text", "marked", "place", "publisher"), [
    ("Lind, K. Nordische Sagen. Ebersbach an der Fils: Kramer, 1987.",
     "author author title title journal journal journal journal journal date", "Ebersbach an der Fils:", "Kramer,"),
    ("Lind, K. (2010). Kleine Geschichte Roms. Frankfurt am Main: Fischer-Verl. https://example.org/toc",
     "author author date title title title container container container container url",
     "Frankfurt am Main:", "Fischer-Verl."),
    # after the title's medium in brackets
    ("Лисенко, О. (2009). Словник приказок. [online] Київ: Наукова думка. Available at: https://example.org/a",
     "author author date title title genre container container container note note url", "Київ:", "Наукова думка."),
    # a place's word that is a periodical's abbreviation too, printed whole ("Ann", not "Ann.")
    ("Roe, J. Rural credit. Ann Arbor: University Microfilms, 1971.",
     "author author title title container container container container date", "Ann Arbor:", "University Microfilms,"),
    # an imprint printed in capitals throughout: its place's short words are no periodical's acronyms
    ("LIND, K. NORDISCHE SAGEN. FRANKFURT AM MAIN: SUHRKAMP, 1987.",
     "author author title title container container container container date", "FRANKFURT AM MAIN:", "SUHRKAMP,"),
])
def test_a_place_and_its_colon_then_a_name_read_as_a_container_are_the_imprint(text, marked, place, publisher):
    out = imprint_read_as_container(hand_tagged(text, marked))
    assert " ".join(t.token.text for t in out if t.label == "location") == place
    assert _publisher(out) == publisher
    assert not any(t.label in ("container", "journal") for t in out)


@pytest.mark.parametrize(("text", "marked"), [
    # a title's own colon after the date: no title before the span
    ("Shi, Y. 2025. Lightgbm: Light Gradient Boosting Machine.",
     "author author date container container container container container"),
    # a book after "In:" with its subtitle
    ("Roe, J. 2019. Copier les mappes. In: Les agents : Hommes, pratiques. 2019.",
     "author author date title title title container container container container container container date"),
    # a periodical's name with its subtitle, and one with its volume
    ("Roe, J. Title. Nature: International Weekly Journal, 2019.", "author author title journal journal journal journal date"),
    ("Roe, J. Title. Physics: Letters, 12, 3-9.", "author author title journal journal volume pages"),
    # a periodical's word before the colon, in any form: plural, abbreviated, in capitals, after "The"
    ("Roe, J. (2019). Synaptic pruning. Nature Reviews: Neuroscience.",
     "author author date title title journal journal journal"),
    ("Roe, J. 2019. Synaptic pruning. The Lancet: Oncology.", "author author date title title journal journal journal"),
    ("Roe, J. Synaptic pruning. Nat. Rev.: Neurosci., 2019.", "author author title title journal journal journal date"),
    ("Roe, J. Synaptic pruning. NATURE REVIEWS: NEUROSCIENCE, 2019.",
     "author author title title journal journal journal date"),
    ("Roe, J. (2020). Sepsis care. BMJ: Open.", "author author date title title journal journal"),
    # a place holding a digit or a lower-case word other than a place's joining word
    ("Roe, J. Title. Room 101: Orwell Press, 2019.", "author author title container container container container date"),
])
def test_words_with_a_colon_that_print_no_imprint_stay_the_containers(text, marked):
    tagged = hand_tagged(text, marked)
    assert [t.label for t in imprint_read_as_container(tagged)] == [t.label for t in tagged]


@pytest.mark.parametrize(("text", "name"), [
    ("Roe, J. (2019). Synaptic pruning. Nature Reviews: Neuroscience.", "Nature Reviews: Neuroscience"),
    ("Roe, J. Synaptic pruning in adolescence. The Lancet: Oncology, 2019.", "The Lancet: Oncology"),
])
def test_a_journals_name_with_a_colon_and_no_numbers_is_read_whole_not_as_an_imprint(text, name):
    parsed = parse_reference(text)
    assert (parsed.place, parsed.publisher, parsed.container) == ("", "", name)


@pytest.mark.parametrize(("text", "marked", "edition"), [
    ("Kern, H. Schuldrecht, besonderer Teil, 12., völlig neu bearb. Aufl. Berlin: Beck, 2011.",
     "author author title title title title?edition title?edition title?edition title?edition edition location publisher date",
     "12., völlig neu bearb. Aufl."),
    ("Kern, H. (2008). Einführung in das Recht., 3., überarb. Aufl. Wien: Manz.",
     "author author date title title title title title?edition title?edition edition location publisher",
     "3., überarb. Aufl."),
])
def test_an_editions_number_and_words_read_into_the_title_are_the_editions(text, marked, edition):
    out = edition_words_closing_title(hand_tagged(text, marked))
    assert " ".join(t.token.text for t in out if t.label == "edition") == edition


@pytest.mark.parametrize(("text", "marked"), [
    # the words the model doubts open with no bare number: the title's own
    ("Kern, H. Schuldrecht im Wandel der Zeit. Aufl. Berlin: Beck, 2011.",
     "author author title title title?edition title?edition title?edition edition location publisher date"),
    # the number is sure of the title (no runner-up): "Title, 12 Essays" stays
    ("Kern, H. Schuldrecht, 12 neue Fälle. Aufl. Berlin: Beck.",
     "author author title title title title?edition edition location publisher"),
])
def test_title_words_before_an_edition_that_open_with_no_doubted_number_stay(text, marked):
    tagged = hand_tagged(text, marked)
    assert [t.label for t in edition_words_closing_title(tagged)] == [t.label for t in tagged]


def test_the_rules_title_run_on_over_the_first_words_of_the_crfs_edition_is_not_taken():
    # German: the rules' title stops at the stop of "bearb.", before the edition's word "Aufl."
    raw = "Kern, H.: Schuldrecht im Wandel, 5., neu bearb. Aufl., Beck, München, 2011."
    crf = ParsedReference(raw=raw, title="Schuldrecht im Wandel", edition="5., neu bearb. Aufl.")
    assert edition_run_on(crf, "Schuldrecht im Wandel, 5., neu bearb")
    # words that are not the edition's first ones, or no number opening them
    assert not edition_run_on(crf, "Schuldrecht im Wandel, neu bearb")
    assert not edition_run_on(crf, "Schuldrecht im Wandel, 5., Beck")


def test_a_books_one_word_before_the_year_is_not_taken_for_its_publisher():
    # "Title. Word, Year.": the word may be the place as well as the publisher
    tagged = hand_tagged("Varga, E. Historia del grabado. Tusquets, 1971.", "author author title title title title?publisher date")
    assert [t.label for t in publisher_by_its_rival(tagged)] == [t.label for t in tagged]


def test_an_abbreviated_journals_last_word_before_its_volume_is_no_publisher():
    # made by hand in the German "in: Journal, Jg. 88" form: the journal's abbreviated name closes with a word a body
    # may be named by; before the volume, after an abbreviation's stop, it is the journal's
    ref = parse_reference("Lind, Paul; Roe, Anna (2014): Feedback for stepwise exercises, in: Sci. Comput. Program., "
                          "Jg. 88, S. 110–129.")
    assert (ref.container.rstrip(","), ref.publisher, ref.volume) == ("Sci. Comput. Program.", "", "88")


@pytest.mark.parametrize(("text", "marked", "publisher"), [
    # Spanish humanities styles print an article's publisher after its journal: a journal's name of two words
    ("Roe, M. (2025): «Título», Nature Communications, Springer Science and Business Media LLC, 16/1.",
     "author author date title journal journal journal journal journal journal journal journal volume",
     "Springer Science and Business Media LLC,"),
    # a body's name closed by its acronym in parentheses
    ("Roe, M. (2018): «Título», Molecular Systems Design & Engineering, Royal Society of Chemistry (RSC), 3/5, "
     "pp. 819-825.",
     "author author date title journal journal journal journal journal journal journal journal journal journal "
     "volume pages pages", "Royal Society of Chemistry (RSC),"),
])
def test_a_bodys_name_closing_a_journals_before_its_volume_is_the_publisher(text, marked, publisher):
    labels = [t.label for t in publisher_closing_container(hand_tagged(text, marked))]
    words = text.split()
    assert " ".join(w for w, label in zip(words, labels, strict=True) if label == "publisher") == publisher
