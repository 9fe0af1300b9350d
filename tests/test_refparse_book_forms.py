"""Where a book's or a chapter's parts were read as another field's words: a chapter's book after its editors' role or
after "In", a journal's name closing a title before the volume, a place and a publisher read as one span, a series
before MDPI's "Publisher: Place", a book's subtitle or a web page's site read as a container or a genre."""

from __future__ import annotations

import pytest
from fuzz.hand_tagged import hand_tagged

from litreview.bibliography.refparse.assemble import assemble
from litreview.bibliography.refparse.relabel_books import (
    book_after_closed_editors,
    place_closing_container,
    subtitle_opening_journal,
    subtitle_read_as_container,
    title_run_into_container,
)
from litreview.bibliography.refparse.relabel_journal import site_before_access
from litreview.bibliography.refparse.relabel_journal_names import periodical_closing_title
from litreview.bibliography.refparse.relabel_publisher import publisher_after_editors_stop
from litreview.bibliography.refparse.relabel_spans import container_after_in
from litreview.bibliography.refparse.tagger import Tagged


def _words(tagged: list[Tagged], label: str) -> str:
    return " ".join(t.token.text for t in tagged if t.label == label)


@pytest.mark.parametrize(("text", "marked", "place", "publisher"), [
    # "Place: Publisher" read as one place's span, with no publisher's span in the reading
    ("Doe, J. 2001. Field notes. Bremen: Kessler, 2001.",
     "author author date title title location location date", "Bremen", "Kessler"),
    # Springer's "Publisher, Place" so read
    ("Roe, K.: Field notes. Lindner, Tübingen (1999).",
     "author author title title location location date", "Tübingen", "Lindner"),
    # a place and its state stay the place
    ("Doe, J. 2001. Field notes. Rowley, Mass.",
     "author author date title title location location", "Rowley, Mass", ""),
])
def test_a_place_span_holding_the_publisher_gives_both(text, marked, place, publisher):
    ref = assemble(text, text, hand_tagged(text, marked))
    assert (ref.place, ref.publisher) == (place, publisher)


def test_a_series_before_mdpis_publisher_and_place_is_no_part_of_the_publisher():
    text = "Doe, J. Field Notes; Roe, K., Ed.; Studies in Small Things; Kessler: Berlin, 2001; pp. 3–9."
    marked = ("author author title title editor editor editor publisher publisher publisher publisher publisher "
              "publisher date pages pages")
    ref = assemble(text, text, hand_tagged(text, marked))
    assert (ref.place, ref.publisher) == ("Berlin", "Kessler")
    assert "Studies in Small Things" in ref.note


@pytest.mark.parametrize(("text", "marked", "container", "publisher"), [
    # Vancouver: the book read as a note's words, its publisher after its comma one of the lexicon
    ("Lee A. Field work. In: Moss B, Kerr CD, editors. Handbook of Small Things, Blackwell; 2004.",
     "author author title title editor editor editor editor editor editor note note note note note note",
     "Handbook of Small Things,", "Blackwell;"),
    # APA: the book read as the publisher's, the publisher in parentheses after it
    ("Lee, A. (2004). Field work. In B. Moss (Ed.), Handbook of Small Things (Kessler, pp. 3–9).",
     "author author date title title editor editor editor editor publisher publisher publisher publisher publisher "
     "pages pages",
     "Handbook of Small Things", "(Kessler,"),
    # ISO 690: the book read as a note's words up to the place
    ("LEE, Ann. Field work. In : MOSS, Bob (éd.), Handbook of Small Things. Bremen : Kessler, 2004.",
     "author author title title editor editor editor editor editor note note note note note note publisher date",
     "Handbook of Small Things. Bremen :", "Kessler,"),
])
def test_the_span_after_the_editors_closing_role_is_the_chapters_book(text, marked, container, publisher):
    out = book_after_closed_editors(hand_tagged(text, marked))
    assert (_words(out, "container"), _words(out, "publisher")) == (container, publisher)


@pytest.mark.parametrize(("text", "marked"), [
    # MDPI prints the book before its editors: the words after them are the series
    ("Lee, A. Field work. In Handbook of Small Things; Moss, B., Eds.; Studies in Things; Kessler, 2004.",
     "author author title title editor editor editor editor editor editor editor editor publisher publisher publisher "
     "publisher date"),
    # no role closes the names
    ("Lee A. Field work. In: Moss B, Kerr CD. Handbook of Small Things, Blackwell; 2004.",
     "author author title title editor editor editor editor editor note note note note note note"),
])
def test_no_book_is_read_where_the_editors_are_not_a_chapters(text, marked):
    tagged = hand_tagged(text, marked)
    assert book_after_closed_editors(tagged) == tagged


def test_a_place_closing_a_container_before_a_french_colon_is_the_place():
    text = "LEE, Ann. Field work. In : Handbook of Small Things. Bremen : Kessler, 2004."
    marked = ("author author title title container container container container container container container container "
              "publisher date")
    out = place_closing_container(hand_tagged(text, marked))
    assert (_words(out, "container"), _words(out, "location")) == ("In : Handbook of Small Things.", "Bremen :")


@pytest.mark.parametrize(("text", "marked", "journal"), [
    # Copernicus: the journal after the title's last comma, then the volume
    ("Doe, J.: Field work on small things, Annals of Field Studies, 12, 3–9, 2001.",
     "author author title title title title title title title title title volume pages date",
     "Annals of Field Studies,"),
    # Vancouver: after the title's full stop, a date and then the volume
    ("Doe J. Field work on small things. Journal of Field Work 2001; 12: 3–9.",
     "author author title title title title title title title title title date volume pages",
     "Journal of Field Work"),
    # no periodical's word: the title's own words
    ("Doe, J.: Field work, small things, 12, 3–9, 2001.", "author author title title title title volume pages date", ""),
])
def test_a_periodicals_name_closing_the_title_before_the_volume_is_the_journal(text, marked, journal):
    assert _words(periodical_closing_title(hand_tagged(text, marked)), "journal") == journal


_PROSE = ("In Harbour Towns and Trade, the two authors argue that small ports have long traded with each other and that "
          "the trade shaped the towns around them for centuries, as the records of many harbours show.")


@pytest.mark.parametrize(("text", "marked", "container"), [
    # APA: the book after "In" read as a series
    ("Doe, J. (2005). Field notes. In Handbook of Things (pp. 1–8). Kessler.",
     "author author date title title collection collection collection collection pages pages publisher",
     "In Handbook of Things"),
    # a note's span opened by "In"
    ("Doe, J. Field notes. In Handbook of Things; Kessler, 2005; pp. 1–8.",
     "author author title title note note note note publisher date pages pages", "In Handbook of Things;"),
    # "In press" is no book
    ("Doe, J. (2005). Field notes. In Press.", "author author date title title note note", ""),
    # nor a paragraph of prose that opens with "In"
    (_PROSE, " ".join(["note"] * len(_PROSE.split())), ""),
    # nor a title's words after an "in" with no delimiter before it
    ("Doe, J.: A review of work in Harbour Studies, arXiv:2101.00001, 2021.",
     "author author title title title title note note note note date", ""),
])
def test_a_span_opened_by_in_is_the_container(text, marked, container):
    assert _words(container_after_in(hand_tagged(text, marked)), "container") == container


@pytest.mark.parametrize(("text", "marked", "publisher"), [
    # APSA: the publisher after the stop that closes the editors' names
    ("Doe, Ann. 2004. “Field Work.” In Handbook of Things, eds. Bob Moss and Cy Kerr. Kessler Verlag, 93–132.",
     "author author date title title container container container container editor editor editor editor editor "
     "editor editor editor pages", "Kessler Verlag,"),
    # ASA: "edited by", a middle name's stop before the family name's
    ("Doe, Ann. 2004. “Field Work.” Pp. 3–9 in Handbook of Things, edited by Bob McK. Moss. Society of Small Things.",
     "author author date title title pages pages container container container container editor editor editor "
     "editor editor editor editor editor editor", "Society of Small Things."),
    # the names' last word an initial: no stop closes them, no publisher is read
    ("Doe, Ann. 2004. “Field Work.” In Handbook of Things, eds. Moss B. 93–132.",
     "author author date title title container container container container editor editor editor pages", ""),
])
def test_a_publisher_after_the_editors_names_stop_is_the_publisher(text, marked, publisher):
    assert _words(publisher_after_editors_stop(hand_tagged(text, marked)), "publisher") == publisher


def test_a_subtitle_after_a_question_mark_and_the_styles_stop_read_as_a_container_is_the_titles():
    # made by hand: a title ending in "?" printed with the style's stop after it ("?."), its subtitle read as a container
    text = "Doe, J. 2007. Wer spricht hier?. Eine Studie der Gesprächsrunden. Harbour-Verlag."
    labels = "author author date title title title container container container container publisher"
    out = subtitle_read_as_container(hand_tagged(text, labels))
    assert _words(out, "title") == "Wer spricht hier?. Eine Studie der Gesprächsrunden."
    assert _words(out, "container") == ""


@pytest.mark.parametrize(("text", "marked", "title", "container"), [
    # made by hand: the model cut a book's title mid-sentence, before a lower-case word, the rest read as a container
    ("Doe J. Die Häfen der Hanse in der frühen Neuzeit. 2. Harbour Verlag; 2005.",
     "author author title title title title container container container container edition publisher publisher date",
     "Die Häfen der Hanse in der frühen Neuzeit.", ""),
    # a container after the title's stop, or opened with a capital, is left as read
    ("Doe J. Die Häfen der Hanse. in der frühen Neuzeit. Harbour Verlag; 2005.",
     "author author title title title title container container container container publisher publisher date",
     "Die Häfen der Hanse.", "in der frühen Neuzeit."),
    ("Doe J. Die Häfen der Hanse Nordsee Studien. Harbour Verlag; 2005.",
     "author author title title title title container container publisher publisher date",
     "Die Häfen der Hanse", "Nordsee Studien."),
])
def test_a_container_opened_mid_sentence_after_the_title_before_the_publisher_is_the_titles_end(
        text: str, marked: str, title: str, container: str) -> None:
    out = title_run_into_container(hand_tagged(text, marked))
    assert (_words(out, "title"), _words(out, "container")) == (title, container)


@pytest.mark.parametrize(("text", "marked", "site"), [
    # made by hand: Frontiers' "Title. Site. Available at: URL", the site read as a genre
    ("Roe, T. (2012). Harbours in winter. TheHarbour. Available at: http://example.org/a (Accessed May 8, 2022).",
     "author author date title title title genre note note url note note note note", "TheHarbour."),
    # Harvard's "Title. [online] Site. Available at: <URL>", the medium and the site read as a genre
    ("Roe, T., 2011. Harbours in winter. [online] harbour-news.de. Available at: <http://example.org/a>",
     "author author date title title title genre genre note note url", "harbour-news.de."),
    # a kind of work in brackets, or a working paper's words, is no site
    ("Roe, T. (2012). Harbours in winter [Text]. Retrieved from http://example.org/a",
     "author author date title title title genre note note url", ""),
    ("Roe, T. (2012). Harbours in winter. Working paper. Available at: http://example.org/a",
     "author author date title title title genre genre note note url", ""),
    # nor a place and its state
    ("Harbour Study. (2015). About the Harbour Study. Ann Arbor, MI. Retrieved from http://example.org/a",
     "author author date title title title title genre genre genre note note url", ""),
])
def test_a_short_sentence_between_a_pages_title_and_its_link_is_the_site(text: str, marked: str, site: str) -> None:
    out = site_before_access(hand_tagged(text, marked))
    assert _words(out, "container") == site


def test_what_a_list_prints_for_no_authors_name_is_one_name_and_the_words_after_it_the_title():
    from litreview.bibliography.refparse.names import scan_names
    from litreview.bibliography.refparse.relabel_names import words_after_no_name
    from litreview.bibliography.refparse.rules import parse_reference

    for text in ("o.A. (1953). Lebendige Wahlsendungen. Fernsehen, 335.", "O. A. Lebendige Wahlsendungen. Fernsehen 1953; 6: 335."):
        found = scan_names(text)
        assert found is not None and len(found.persons) == 1
        assert parse_reference(text).title == "Lebendige Wahlsendungen"
    # made by hand: the model read the title's capitalised words as more names after the marker
    text = "38 o.A. Die Werner-Höfer-Schau. Der Spiegel. 1959; : 47–59."
    marked = "number author author author author author date volume pages"
    out = words_after_no_name(hand_tagged(text, marked))
    assert (_words(out, "author"), _words(out, "title")) == ("o.A.", "Die Werner-Höfer-Schau. Der Spiegel.")
    # a name list that opens with a real name is left as read
    text = "38 Ross A. Die Werner-Höfer-Schau. Der Spiegel. 1959; : 47–59."
    assert _words(words_after_no_name(hand_tagged(text, "number author " + marked[7:])), "title") == ""


def test_editors_role_printed_after_their_names_with_no_comma_before_the_year_closes_the_names():
    from litreview.bibliography.refparse.rules import parse_reference

    # Frontiers' "Doe, J., and Roe, K. eds. (2012). Title. Publisher."
    ref = parse_reference("Gee, J. P., and Handford, M. eds. (2012). The Handbook of Harbours. Routledge.")
    assert ([p.family for p in ref.editors], ref.year, ref.title) == (["Gee", "Handford"], "2012", "The Handbook of Harbours")
    # a title's capitalised "Eds" after the names is the title's
    assert parse_reference("Gee, J. P. (2012). Eds and flows of harbours. Routledge.").title.startswith("Eds and flows")


@pytest.mark.parametrize(("text", "marked", "title", "journal"), [
    # made by hand: the subtitle after the title's stop read into the journal's name, before the volume
    ("Doe, J. Häfen im Winter. Schiffe, Kräne und Lager im Vergleich. Hafen Perspektiven, 1, 2–17.",
     "author author title title title journal journal journal journal journal journal journal journal volume "
     "pages", "Häfen im Winter. Schiffe, Kräne und Lager im Vergleich.", "Hafen Perspektiven,"),
    # an abbreviated journal's stops close no sentence
    ("Doe, J. Häfen im Winter. IEEE Harbour Signal Process. Lett. 17, 173–176.",
     "author author title title title journal journal journal journal journal volume pages",
     "Häfen im Winter.", "IEEE Harbour Signal Process. Lett."),
    ("Doe, J. Häfen im Winter. Harbour Bank of St. Louis Review 93, 1–9.",
     "author author title title title journal journal journal journal journal journal volume pages",
     "Häfen im Winter.", "Harbour Bank of St. Louis Review"),
])
def test_a_subtitle_opening_the_journals_span_is_the_titles(text: str, marked: str, title: str, journal: str) -> None:
    out = subtitle_opening_journal(hand_tagged(text, marked))
    assert (_words(out, "title"), _words(out, "journal")) == (title, journal)


def test_a_description_in_brackets_closing_the_title_is_the_genre():
    from litreview.bibliography.refparse.relabel_quoted import description_closing_title

    text = "Doe, J. (2022). Trading in harbours [SSRN Scholarly Paper]. Rochester, NY: Harbour Press."
    marked = "author author date title title title title title title location location publisher publisher"
    out = description_closing_title(hand_tagged(text, marked))
    assert (_words(out, "title"), _words(out, "genre")) == ("Trading in harbours", "[SSRN Scholarly Paper].")
    # NLM's title translated into English, all in brackets, stays the title
    text = "Doe J. [Letter on harbours]. Harbour J. 2001;3:1-2."
    out = description_closing_title(hand_tagged(text, "author author title title title journal journal volume"))
    assert _words(out, "title") == "[Letter on harbours]."
