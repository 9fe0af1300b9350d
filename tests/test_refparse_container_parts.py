"""Words around a container's name that are no part of it, or are it: a reference manager's kind of entry before the
journal, a proceedings' series after the book, an Italian chapter's editors before "(a cura di)", APA's site inside
"Retrieved …, from Site website: URL"."""

from __future__ import annotations

import pytest
from fuzz.hand_tagged import hand_tagged

from litreview.bibliography.refparse import parse_reference
from litreview.bibliography.refparse.relabel_journal import year_closing_meetings_name
from litreview.bibliography.refparse.relabel_series import kind_opening_container, series_closing_container
from litreview.bibliography.refparse.relabel_spans import container_to_its_delimiter
from litreview.bibliography.refparse.rules import normalise
from litreview.bibliography.refparse.tagger import tag


@pytest.mark.parametrize(("text", "container"), [
    ("Moreau, L. C. (2014). A general statistic for estimating signal from shape data [Journal Article]. Syst Biol, "
     "63(5), 685–697. https://doi.org/10.1093/sysbio/syu999", "Syst Biol"),
    ("Moreau, Lise, «A general statistic for estimating signal from shape data», Journal Article, Evolution, vol. 63, "
     "fasc. 5, 2014, pp. 685–697.", "Evolution"),
])
def test_a_kind_of_entry_opening_the_journal_is_no_part_of_its_name(text: str, container: str) -> None:
    ref = parse_reference(text)
    assert ref.container == container
    assert "Article" not in ref.title


@pytest.mark.parametrize(("text", "container"), [
    ("Varga, Ilona, and Tomas Brandt. 2015. “Tracing Bugs in Large Programs.” Pp. 77–88 in Proceedings of the 37th "
     "International Conference on Software Engineering, ICSE ’15. New York, NY, USA: ACM.",
     "Proceedings of the 37th International Conference on Software Engineering"),
    ("Varga, Ilona, and Tomas Brandt. 2010. “Tactile Maps for Everyone.” Pp. 534–40 in Computers Helping People with "
     "Special Needs, Lecture Notes in Computer Science, edited by K. Lamm. Berlin: Springer.",
     "Computers Helping People with Special Needs"),
])
def test_a_series_after_a_books_comma_is_no_part_of_its_name(text: str, container: str) -> None:
    assert parse_reference(text).container.rstrip(",") == container


@pytest.mark.parametrize(("text", "marked", "series"), [
    # a monograph series after the book's comma (ASA's "Pp. 1–9 in Book, Series, edited by …")
    ("Pp. 161–91 in Essays on Plato, Studies in Ancient Philosophy, edited by A. Roe.",
     "pages pages pages container container container container container container container editor editor editor editor",
     "Studies in Ancient Philosophy,"),
    # Spanish humanities: «Chapter», Book, Series, Publisher
    ("«Chapter», Essays on Plato, Studies in Ancient Philosophy, Acme Press, pp. 1-9.",
     "title container container container container container container container publisher publisher pages pages",
     "Studies in Ancient Philosophy,"),
])
def test_a_studies_in_series_after_a_books_comma_is_the_series(text: str, marked: str, series: str) -> None:
    out = series_closing_container(hand_tagged(text, marked))
    assert " ".join(t.token.text for t in out if t.label == "collection") == series
    assert " ".join(t.token.text for t in out if t.label == "container").endswith("Essays on Plato,")


def test_a_book_named_studies_in_with_no_comma_before_stays_the_books() -> None:
    tagged = hand_tagged("Pp. 1–9 in Studies in Ancient Philosophy, edited by A. Roe.",
                         "pages pages pages container container container container editor editor editor editor")
    assert series_closing_container(tagged) == tagged


def test_an_acronym_and_year_after_a_name_that_is_no_conferences_stays_the_names() -> None:
    text = "Varga, I. 2015. “Tracing Bugs.” Pp. 77–88 in Studies of Software, SIGSOFT 2015. New York: ACM."
    tagged = tag(normalise(text))
    spanned = [t._replace(label="container") if 7 <= k <= 12 else t for k, t in enumerate(tagged)]
    assert series_closing_container(spanned) == spanned
    assert kind_opening_container(spanned) == spanned


def test_a_long_word_of_capitals_after_a_proceedings_comma_is_read_in_linear_time() -> None:
    import time

    start = time.process_time()
    parse_reference("Smith, J. (2020). A title. In Proceedings of the Big Conference on Things, Lecture, "
                    + "A" * 12_000 + " B" + "B" * 12_000 + ", 1-2. Springer.")
    assert time.process_time() - start < 1.0  # the acronym's two runs of letters took seconds here


def test_the_names_before_a_cura_di_are_the_editors_and_the_book_follows_the_role() -> None:
    ref = parse_reference("Ferraro, Anna, «Der Kontext der Sendung», Paolo Weiss, Marta Lenz (a cura di), Talk "
                          "und Medien, 129–137, Carl Hanser Verlag, 1975.")
    assert ref.title == "Der Kontext der Sendung"
    assert [p.family for p in ref.editors] == ["Weiss", "Lenz"]
    assert ref.container == "Talk und Medien"
    assert ref.pages == "129–137"
    assert ref.publisher == "Carl Hanser Verlag"


def test_the_site_between_from_and_website_is_the_container() -> None:
    ref = parse_reference("Keller, D. (2012, July 24). Zu viele Talkshows. Retrieved June 10, 2022, from Der "
                          "Beobachter website: http://example.org/keller/zu-viele-talkshows")
    assert ref.container == "Der Beobachter"
    assert ref.title == "Zu viele Talkshows"


@pytest.mark.parametrize(("text", "publisher", "month"), [
    ("Lind, E.; Park, A.P. Reading Intents in Phones. In Proceedings of the 9th International Conference on Mobile "
     "Systems; ACM: New York, NY, USA, 2011; pp. 239–252.", "ACM", None),
    ("Lind, E.; Park, A.P. Reading Intents in Phones. In Proceedings of the 2010 IEEE Second International Conference "
     "on Social Computing; August 2010; pp. 944–951.", "", 8),
])
def test_the_imprint_after_a_books_semicolon_is_no_part_of_its_name(text: str, publisher: str, month: int | None
                                                                     ) -> None:
    ref = parse_reference(text)
    assert ref.container.startswith("Proceedings of the") and not ref.container.endswith(("ACM", "August"))
    assert ref.publisher == publisher
    assert ref.month == month


def test_the_names_opening_a_book_before_a_cura_di_are_the_editors() -> None:
    ref = parse_reference("Lorenzi, Clara (a cura di), Atlante delle architetture rurali, Oxford University Press, 2011.")
    assert [p.family for p in ref.editors] == ["Lorenzi"] and not ref.authors
    assert ref.title == "Atlante delle architetture rurali"


@pytest.mark.parametrize(("text", "marked", "title"), [
    # Copernicus: the model closed the title on a word no delimiter closes and read the rest as a note's
    ("Roe, A.: Learning word vectors with subword units, arXiv preprint arXiv:1234.5678, 2016.",
     "author author title title title title note note container container container date",
     "Learning word vectors with subword units,"),
    ("Roe, A.: Notes for writing a PhD thesis in plain text, https://example.org/x, 2016.",
     "author author title title title title note note note note note url date",
     "Notes for writing a PhD thesis in plain text,"),
])
def test_a_titles_span_closed_with_no_delimiter_runs_on_to_its_comma(text, marked, title):
    out = container_to_its_delimiter(hand_tagged(text, marked))
    assert " ".join(t.token.text for t in out if t.label == "title") == title


@pytest.mark.parametrize(("text", "marked"), [
    # the title closed by its quote: what follows is a field of its own
    ("Roe, Ann. 2017. “Maps Without Borders.” Unpublished manuscript. February.",
     "author author date title title title note note date"),
    # a bracket after the title opens a field of its own
    ("Roe, A.: Learning word vectors [dataset], 2016.", "author author title title title note date"),
    # the note runs on past the comma: its first words may be the note's as well as the title's
    ("Roe, A.: Le scénario Negatep, Sauvons le Climat, 2014.", "author author title title note note note note date"),
])
def test_a_titles_span_closed_by_a_quote_or_before_a_bracket_stays(text, marked):
    tagged = hand_tagged(text, marked)
    assert [t.label for t in container_to_its_delimiter(tagged)] == [t.label for t in tagged]


@pytest.mark.parametrize(("text", "container", "publisher"), [
    # SAGE Harvard, an EndNote export's "type = {Journal Article}" printed where the journal goes
    ("Badrinarayanan V, Kendall A and Cipolla R (2017) SegNet: A deep convolutional encoder-decoder architecture for "
     "image segmentation. 39. Journal Article: 2481–2495.", "", ""),
    # Cambridge author-date, the kind closing the reference
    ("Ronneberger, O., Fischer, P., & Brox, T. (2015). U-net: Convolutional networks for biomedical image "
     "segmentation, abs/1505.04597, Journal Article.", "", ""),
    # APSA, the kind after the book's name, a sentence of its own
    ("Cimpoi, M., S. Maji, and A. Vedaldi. “Deep Filter Banks for Texture Recognition and Segmentation.” In 2015 IEEE "
     "Conference on Computer Vision and Pattern Recognition (CVPR),. Conference Proceedings, 3828–36. "
     "doi:10.1109/CVPR.2015.7299007.", "2015 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)", ""),
    # a one-word kind alone where the publisher goes
    ("Gonzalez, R. C. (2002). Digital image processing. Book, Publishing House of Electronics Industry.",
     "", "Publishing House of Electronics Industry"),
])
def test_a_kind_of_entry_alone_is_no_journal_and_no_publisher(text: str, container: str, publisher: str) -> None:
    ref = parse_reference(text)
    assert ref.container.rstrip(",.") == container
    assert ref.publisher == publisher
    assert "Journal Article" not in ref.title
    assert ref.place != "Book"


def test_a_kind_of_entry_before_the_pages_is_no_publisher() -> None:
    # SAGE Harvard: "Publisher: pages" is the form of a chapter's imprint, the kind's colon is no publisher's
    ref = parse_reference("Kim W, Kanezaki A and Tanaka M (2020) Unsupervised learning of image segmentation. IEEE "
                          "Transactions on Image Processing 29. Journal Article: 8055–8068.")
    assert ref.publisher == ""
    assert ref.container == "IEEE Transactions on Image Processing"


@pytest.mark.parametrize(("text", "container", "volume"), [
    # made by hand in the German author-date forms that print the volume as "Jg." (Jahrgang)
    ("Roe, Anna; Berg, Karl (2011): Ein neues Verfahren zur Messung der Bodenfeuchte, in: Zeitschrift für "
     "Bodenkunde, Jg. 42, Nr. 3, S. 101–118.", "Zeitschrift für Bodenkunde", "42"),
    ("Lind, Paul (1998): Die Reform der Gemeinden, in: Archiv für Kommunalwissenschaften, Jg. 37, S. 5–29.",
     "Archiv für Kommunalwissenschaften", "37"),
])
def test_a_volumes_label_after_the_journals_comma_is_no_part_of_its_name(text: str, container: str, volume: str) -> None:
    ref = parse_reference(text)
    assert (ref.container.rstrip(","), ref.volume) == (container, volume)


@pytest.mark.parametrize(("text", "container"), [
    # made by hand in ISO 690's English author-date form, which prints the medium as a bare word after the journal
    ("ROE, Anna and BERG, Karl, 2011. A new method for measuring soil moisture. Journal of Soil Science. Online. 2011. "
     "Vol. 42, no. 3, p. 101–118.", "Journal of Soil Science"),
    ("LIND, Paul, 2019. Notes on the reform of local government. Local Government Studies. Online. March 2019. "
     "Vol. 45, no. 2, p. 200–219. DOI 10.1080/0000000.", "Local Government Studies"),
    ("ROE, Anna, 2017. rivers/flowkit. GitHub. Online. 2017. Available from: https://github.com/rivers/flowkit "
     "[Accessed 3 November 2021].", "GitHub"),
])
def test_a_medium_alone_between_the_journal_and_the_date_is_no_part_of_its_name(text: str, container: str) -> None:
    assert parse_reference(text).container.rstrip(".") == container


@pytest.mark.parametrize(("text", "marked"), [
    # Chicago: the meeting's name with its year, the date after it
    ("“Tide tables.” Harbour Systems Conference 2012, December 2012.",
     "title title container container container date date date"),
    # author-date: the date before the title
    ("Roe, A. 2012. Tide tables. Harbour Systems Conference 2012. [Online].",
     "author author date title title container container container date note"),
])
def test_a_year_closing_a_meetings_name_with_the_date_printed_elsewhere_is_the_names(text: str, marked: str) -> None:
    out = year_closing_meetings_name(hand_tagged(text, marked))
    assert " ".join(t.token.text for t in out if t.label == "container").startswith("Harbour Systems Conference 2012")


@pytest.mark.parametrize(("text", "marked"), [
    # ACS: the journal's name before the article's one year
    ("Roe, A. Tide tables. Nature 2012, 485, 1–9.", "author author title title container date volume pages"),
    # a delimiter between the name and the year
    ("Roe, A. 2012. Tide tables. Harbour Conference, 2012.", "author author date title title container container date"),
])
def test_a_year_after_a_containers_name_that_is_the_only_date_or_set_off_stays_the_date(text: str, marked: str) -> None:
    tagged = hand_tagged(text, marked)
    assert year_closing_meetings_name(tagged) == tagged


def test_a_meeting_named_with_its_year_keeps_the_year_in_its_name() -> None:
    ref = parse_reference("Dean, Jeffrey, and Andrew Senior. “Large Scale Tide Tables.” Neural Information Processing "
                          "Systems 2012, December 2012. http://example.org/tides.html.")
    assert (ref.container, ref.year) == ("Neural Information Processing Systems 2012", "2012")
