"""Reference forms read by the rules after the tagger: a year's parenthesis glued to the next word, a publisher in
parentheses after a book's editors, a title whose first word the model read as the last author's, Italian's "a cura di"."""

from __future__ import annotations

import pytest

from litreview.bibliography.refparse import parse_reference
from litreview.bibliography.refparse.features import tokenize
from litreview.bibliography.refparse.relabel_books import (
    book_after_editors_role,
    book_opening_editors,
    book_read_as_place,
    editors_after_a_cura_di,
    place_closing_container,
)
from litreview.bibliography.refparse.relabel_names import names_joined_by_dash
from litreview.bibliography.refparse.relabel_publisher import publisher_from_its_parenthesis
from litreview.bibliography.refparse.rules import normalise
from litreview.bibliography.refparse.tagger import Tagged


def _tagged(text: str, labels: list[str]) -> list[Tagged]:
    """Hand-made tagger output, every label sure."""
    tokens = tokenize(text)
    assert len(tokens) == len(labels)
    return [Tagged(tok, label, 1.0, 0.0, 0.0, "") for tok, label in zip(tokens, labels, strict=True)]


@pytest.mark.parametrize(("raw", "expected"), [
    ("Poetics (Oxford Press, 1968)Oxford classics.", "Poetics (Oxford Press, 1968) Oxford classics."),
    ("Chem. Int. Ed. 45 (2006)pp. 3859–3862.", "Chem. Int. Ed. 45 (2006) pp. 3859–3862."),
    ("(Meeting 2018)vol. 2072 of Proceedings", "(Meeting 2018) vol. 2072 of Proceedings"),
    ("Doe, J. (2001b)Title", "Doe, J. (2001b) Title"),
    # not a year: a chemist's isotope, a formula, a longer number, a date's day and year
    ("(13)C NMR of Ca(OH)2", "(13)C NMR of Ca(OH)2"),
    ("Report 120195)x", "Report 120195)x"),
    ("(12.2006)x", "(12.2006)x"),
])
def test_a_years_parenthesis_glued_to_the_next_word_is_spaced(raw, expected):
    assert normalise(raw) == expected


def test_a_reference_whose_year_is_glued_to_the_series_reads_its_title_and_publisher():
    # made by hand: a Science-style book with its series glued to the imprint's closing parenthesis (as pasted from a PDF)
    ref = parse_reference("12. J. Roe, Rhetoric (Oxford University Press, 1959)Oxford classical texts.")
    assert (ref.title, ref.publisher, ref.year) == ("Rhetoric", "Oxford University Press", "1959")


def test_an_editors_words_before_the_publishers_parenthesis_are_the_editors_and_the_series():
    # made by hand: MHRA's "ed. by Name, Series (Publisher, Year)", the model running the publisher's span over the
    # last editor's name and the series
    text = "Roe, Ann, ‘Talk’, in Shows, ed. by Carl Poe and others (Hanser, 2013), pp. 5–9"
    labels = ["author", "author", "title", "container", "container", "editor", "editor", "editor", "publisher",
              "publisher", "publisher", "publisher", "date", "pages", "pages"]
    out = [t.label for t in publisher_from_its_parenthesis(_tagged(text, labels))]
    assert out[8:12] == ["editor", "editor", "editor", "publisher"]
    text = "Roe, Ann, Talk, ed. by D. W. Poe, Hanser Classics (Hanser Press, 1968)"
    labels = ["author", "author", "title", "editor", "editor", "editor", "editor", "publisher", "publisher",
              "publisher", "publisher", "publisher", "date"]
    out = [t.label for t in publisher_from_its_parenthesis(_tagged(text, labels))]
    assert out[7:] == ["editor", "collection", "collection", "publisher", "publisher", "date"]
    # the parenthesis closes on no year ("Oxford University Press (OUP), 2010"): left as read
    text = "Roe, Ann, Talk, ed. by D. Poe, Oxford University Press (OUP), 2010"
    labels = ["author", "author", "title", "editor", "editor", "editor", "publisher", "publisher", "publisher",
              "publisher", "publisher", "date"]
    kept = _tagged(text, labels)
    assert publisher_from_its_parenthesis(kept) == kept


def test_the_titles_first_word_read_as_the_last_names_is_the_titles():
    # made by hand: an Italian style's names joined by dashes, the model reading the title's first word as an editor's
    text = "Roe, Bart – Poe, Frank – Doe, Wouter, How safe is it?, in Proceedings, 2006"
    labels = ["author", "author", "author", "editor", "editor", "editor", "editor", "editor", "editor",
              "title", "title", "title", "container", "container", "date"]
    out = [t.label for t in names_joined_by_dash(_tagged(text, labels))]
    assert out[:10] == ["author"] * 8 + ["title"] * 2
    # an editors' list followed by its role keeps the role's word
    text = "Roe, Bart – Poe, Frank, eds, Proceedings, 2006"
    labels = ["editor"] * 6 + ["title", "date"]
    kept = _tagged(text, labels)
    assert [t.label for t in names_joined_by_dash(kept)] == labels


def test_a_cura_di_and_the_names_after_it_are_the_editors():
    # made by hand: Italian's "edited by" after a title, the names in direct order; the model ran the title over them
    ref = parse_reference("Petrarca, Francesco, Canzoniere, a cura di Marco Santagata, Milano, Mondadori, 1996.")
    assert (ref.title, [(p.family, p.given) for p in ref.editors]) == ("Canzoniere", [("Santagata", "Marco")])
    # inverted names joined by a dash, the words before the role doubted as the author's; the title after the names
    text = "Roe, a cura di Poe, Giorgio – Doe, Mario, Opere complete, Einaudi, 1988."
    labels = ["title"] * 11 + ["publisher", "date"]
    tagged = [t._replace(rival="author") if n == 0 else t for n, t in enumerate(_tagged(text, labels))]
    out = [t.label for t in editors_after_a_cura_di(tagged)]
    assert out == ["author"] + ["editor"] * 8 + ["title", "title", "publisher", "date"]
    assert editors_after_a_cura_di(_tagged(text, labels))[0].label == "title"  # not doubted: kept
    # a book's name before the role keeps its words; a series in parentheses after the names is the series'
    text = "in Europa im Mittelalter, a cura di Carl Poe (Handbuch der Geschichte), Klett, 1987"
    labels = ["container"] * 12 + ["publisher", "date"]
    out = [t.label for t in editors_after_a_cura_di(_tagged(text, labels))]
    assert out == ["container"] * 4 + ["editor"] * 5 + ["collection"] * 3 + ["publisher", "date"]
    # "a cura" with no names after it: left as read
    text = "Roe, Storia a cura di tutti, Einaudi, 1988."
    labels = ["author"] + ["title"] * 5 + ["publisher", "date"]
    kept = _tagged(text, labels)
    assert editors_after_a_cura_di(kept) == kept


@pytest.mark.parametrize("raw", [
    "Roe J, Poe A. Dietary salt and blood pressure. In: Doe B, ed. Hypertension Today. 2nd ed. Springer; 2010:71-89.",
    "Roe, J., Poe, A.: Dietary salt and blood pressure. In: Doe, B. (ed.) Hypertension Today, pp. 71–89. Springer, "
    "London (2010)",
])
def test_a_short_books_name_after_its_editors_role_is_the_book(raw):
    # made by hand: AMA's and Springer's chapter forms, a short book title after the editor's role; the model ran the
    # editor's names on into it
    ref = parse_reference(raw)
    assert (ref.container, [p.family for p in ref.editors], ref.pages) == ("Hypertension Today", ["Doe"], "71–89")


def test_only_the_words_after_a_role_that_closes_the_names_are_the_books():
    text = "Roe J. Salt. In: Doe B, ed. Hypertension Today. Springer; 2010."
    labels = ["author"] * 2 + ["title"] + ["editor"] * 6 + ["publisher", "date"]
    out = [t.label for t in book_after_editors_role(_tagged(text, labels))]
    assert out == ["author"] * 2 + ["title"] + ["editor"] * 4 + ["container"] * 2 + ["publisher", "date"]
    # a role before the names, a second role after the first, a book the reading has: left as read
    for text, labels in [
        ("Roe J. Salt. In: ed. Doe B, Hypertension Today. Springer; 2010.",
         ["author"] * 2 + ["title"] + ["editor"] * 6 + ["publisher", "date"]),
        ("Roe J. Salt. In: Doe B, ed. and Trans. Hypertension Today. Springer; 2010.",
         ["author"] * 2 + ["title"] + ["editor"] * 8 + ["publisher", "date"]),
        ("Roe J. Salt. In: Doe B, ed. Hypertension Today. Springer; 2010.",
         ["author"] * 2 + ["title"] + ["editor"] * 5 + ["container", "publisher", "date"]),
    ]:
        kept = _tagged(text, labels)
        assert book_after_editors_role(kept) == kept


def test_a_single_vancouver_name_ends_at_its_initials():
    # made by hand: NLM's book by one author, the first sentence of a German title of two words; the model read it
    # into the name
    ref = parse_reference("Roe R. Vergangene Zukunft. Zur Semantik der Zeiten. Frankfurt am Main: Suhrkamp; 1979.")
    assert ([p.family for p in ref.authors], ref.title) == (["Roe"], "Vergangene Zukunft. Zur Semantik der Zeiten")
    # a name in direct order that goes on to a particle's family name or a suffix stays whole
    from litreview.bibliography.refparse.relabel_names import vancouver_end

    for text in ("Mary A. Van Dyke. Salt and pressure. London: Springer, 2010.",
                 "John A. Smith Jr. Salt and pressure. London: Springer, 2010."):
        kept = _tagged(text, ["author"] * 4 + ["title"] * 3 + ["location", "publisher", "date"])
        assert vancouver_end(kept) == kept


def test_a_subtitle_and_place_read_as_a_container_are_the_titles_and_the_place():
    # made by hand: Chicago author-date, a German title with its subtitle after a full stop; the model read the subtitle
    # and the place as a container
    ref = parse_reference("Roe, Reinhart. 1979. Vergangene Zukunft. Zur Semantik der Zeiten. Frankfurt am Main: "
                          "Suhrkamp.")
    assert (ref.title, ref.container, ref.place, ref.publisher) == (
        "Vergangene Zukunft. Zur Semantik der Zeiten", "", "Frankfurt am Main", "Suhrkamp")
    text = "Roe, R. 1979. Zukunft. Zur Semantik der Zeiten. Frankfurt am Main: Suhrkamp."
    labels = ["author", "author", "date", "title"] + ["container"] * 7 + ["publisher"]
    out = [t.label for t in place_closing_container(_tagged(text, labels))]
    assert out[4:] == ["container"] * 4 + ["location"] * 3 + ["publisher"]
    # a journal's name closed by a colon before its publisher's name, a number in the words: left as read
    for text in ("Roe, R. 1979. Zukunft. Zur Semantik der Zeiten. Band 3 Main: Suhrkamp.",
                 "Roe, R. 1979. Zukunft. Zur Semantik der Zeiten der neuen Welt: Suhrkamp."):
        kept = _tagged(text, ["author", "author", "date", "title"] + ["container"] * 7 + ["publisher"])
        assert place_closing_container(kept) == kept


def test_a_books_title_read_as_the_place_after_its_editors_role_is_the_book():
    # made by hand: a Spanish chapter, its book's short title after the editor's role; the model read it as the place
    ref = parse_reference("García, M. «La ciudad medieval. Una introducción». En: Pérez, J. (ed.). Historia urbana. "
                          "Madrid: Cátedra, 2010, p. 11-45.")
    assert (ref.container, ref.place, [p.family for p in ref.editors]) == ("Historia urbana", "Madrid", ["Pérez"])
    text = "Roe, M. Salt. En: Poe, J. (ed.). Historia urbana. Madrid: Cátedra, 2010."
    labels = ["author", "author", "title", "editor", "editor", "editor", "editor", "location", "location", "location",
              "publisher", "date"]
    out = [t.label for t in book_read_as_place(_tagged(text, labels))]
    assert out[7:] == ["container", "container", "location", "publisher", "date"]
    # a place of two sentences after no role ("St. Paul:") is left as read
    text = "Roe, M. Salt. En: Poe, J. Historia urbana. Madrid: Cátedra, 2010."
    kept = _tagged(text, ["author", "author", "title", "editor", "editor", "editor"] + ["location"] * 3
                   + ["publisher", "date"])
    assert book_read_as_place(kept) == kept


def test_a_books_title_read_into_ieees_editors_span_is_the_book():
    # made by hand: IEEE's chapter, "in Book, B. Doe, Ed."; the model read the short book title into the editors' names
    ref = parse_reference('[1] J. Roe and A. Poe, "Salt and pressure in older adults," in Hypertension Today, B. Doe, '
                          'Ed. London, U.K.: Springer, 2010, pp. 71–89.')
    assert (ref.container, [p.family for p in ref.editors], ref.publisher) == ("Hypertension Today", ["Doe"], "Springer")
    # Chicago's notes, the role after the book's comma and the names after it
    ref = parse_reference('Jane Roe, "Salt and Pressure," in Hypertension Today, ed. Bob Doe (London: Springer, 2010), '
                          '71–89.')
    assert (ref.container, [p.family for p in ref.editors]) == ("Hypertension Today", ["Doe"])
    # Harvard's names before the role, "in Doe, B. (ed.) Book", and names with no initials: the names stay the editors'
    ref = parse_reference("Roe, J. (2010) 'Salt and pressure', in Doe, B. (ed.) Hypertension today. London: Springer, "
                          "pp. 71–89.")
    assert (ref.container, [p.family for p in ref.editors]) == ("Hypertension today", ["Doe"])
    for text, editors, titles in (('J. Roe, "Salt," in Doe, Bob, Moe, Carl, Eds. London: Springer, 2010.', 6, 0),
                                  ('J. Roe, "Salt," in Doe, B. (ed.) Hypertension. London: Springer, 2010.', 4, 1)):
        labels = ["author", "author", "title"] + ["editor"] * editors + ["title"] * titles
        kept = _tagged(text, [*labels, "location", "publisher", "date"])
        assert book_opening_editors(kept) == kept
        assert book_after_editors_role(kept) == kept  # no initials before the role, or no word after it
    text = 'J. Roe, "Salt," in Hypertension Today, ed. Bob Doe (London: Springer, 2010).'
    kept = _tagged(text, ["author", "author", "title"] + ["editor"] * 6 + ["location", "publisher", "date"])
    assert book_after_editors_role(kept) == kept


@pytest.mark.parametrize("raw", [
    "Roe J, Poe A. Salt and pressure in older adults. J Hypertens. 2010 Apr;28(4):712-9.",
    "Roe J, Poe A. Salt and pressure in older adults. J Hypertens. 2010 Apr 15;28(4):712-9.",
    "Roe J, Poe A. Le sel et la pression. J Hypertens. 2010 Apr;28(4):712-9. French.",
])
def test_pubmeds_date_with_its_month_or_day_glued_to_the_volume(raw):
    # made by hand: PubMed's citation form, the month (and day) before the semicolon, a language after the pages
    ref = parse_reference(raw)
    assert (ref.container, ref.year, ref.volume, ref.pages) == ("J Hypertens", "2010", "28", "712–9")


def test_a_books_title_read_as_a_translators_after_the_editors_role_is_the_book():
    # made by hand: ISO 690 in French, "In : DOE, Bob (dir.). Traité. Paris :"; the model read the book as a translator
    text = "ROE, Jane. Le sel. In : DOE, Bob (dir.). Traité d'hypertension. Paris : Masson, 2010."
    labels = ["author", "author", "title", "title"] + ["editor"] * 5 + ["translator"] * 2 + ["location"] * 2 + [
        "publisher", "date"]
    out = [t.label for t in book_read_as_place(_tagged(text, labels))]
    assert out[9:11] == ["container", "container"]
    kept = _tagged(text.replace("Traité d'hypertension", "Traduit par Poe"), labels[:9] + ["translator"] * 3 + labels[11:])
    assert book_read_as_place(kept) == kept


def test_abnts_journal_and_its_place_read_as_title_and_journal_are_the_journal_and_the_place():
    # made by hand: ABNT's "Title. Journal, Place, v. 28"; the model read the journal into the title, the place as it
    ref = parse_reference("ROE, J. Sal e pressão: uma revisão. Revista Brasileira de Cardiologia, São Paulo, v. 28, "
                          "n. 4, p. 712-719, abr. 2010.")
    assert (ref.title, ref.container, ref.place, ref.volume) == (
        "Sal e pressão: uma revisão", "Revista Brasileira de Cardiologia", "São Paulo", "28")
    from litreview.bibliography.refparse.relabel_spans import place_read_as_journal

    # a journal that is no place ("Nature, v. 28"): left as read
    text = "ROE, J. Sal. Revista de Cardiologia, Nature, v. 28, 2010."
    kept = _tagged(text, ["author", "author"] + ["title"] * 4 + ["journal", "volume", "volume", "date"])
    assert place_read_as_journal(kept) == kept


def test_a_joiner_after_names_in_capitals_with_no_name_after_it_is_the_titles():
    # made by hand: ABNT's thesis, a short title with Portuguese "e" ("and") after the name in capitals
    ref = parse_reference("ROE, J. Sal e pressão. 2010. 120 f. Tese (Doutorado em Medicina) – Universidade de São "
                          "Paulo, São Paulo, 2010.")
    assert ([p.family for p in ref.authors], ref.title) == (["ROE"], "Sal e pressão")
    from litreview.bibliography.refparse.relabel_names import after_capital_names

    # a joiner before a capitalised word (a name in direct order) stays the names'
    text = "ROE, J. e Ana Poe. Sal. 2010."
    kept = _tagged(text, ["author"] * 5 + ["title", "date"])
    assert after_capital_names(kept) == kept
    text = "ROE, J. Sal e pressão. 2010."
    out = [t.label for t in after_capital_names(_tagged(text, ["author"] * 5 + ["date"]))]
    assert out == ["author", "author", "title", "title", "title", "date"]


@pytest.mark.parametrize(("raw", "publisher"), [
    # made by hand: Springer's "Publisher, Place (Year)" and MDPI's "Publisher: Place, Year" with a place the lexicon
    # does not know, closed by its country's code in parentheses
    ("14. Lind, P.: Verfahren der Kunststofftechnik. Institut für Kunststoffverarbeitung, Aalen (DE) (1991).",
     "Institut für Kunststoffverarbeitung"),
    ("8. Roe, A. Angussgestaltung im Werkzeugbau; Kessler AG: Wetzlar (DE), 2003;", "Kessler AG"),
])
def test_a_place_closed_by_its_countrys_code_after_the_publisher_is_the_place(raw: str, publisher: str) -> None:
    ref = parse_reference(raw)
    assert ref.publisher == publisher
    assert ref.place.startswith(("Aalen", "Wetzlar"))
