"""Reference forms of styles the model was not trained on, read by the rules after the tagger: a web address in
square brackets after the title (Italian humanities styles), a publisher between a journal's name and its volume
(Spanish humanities styles), a label of two authors before the names and the title after them (the German
Archaeological Institute), a book after the title's comma and "in" (Italian styles)."""

from __future__ import annotations

import pytest
from fuzz.hand_tagged import hand_tagged

from litreview.bibliography.refparse import parse_reference
from litreview.bibliography.refparse.features import tokenize
from litreview.bibliography.refparse.fields import is_url
from litreview.bibliography.refparse.relabel_names import (
    date_closing_names,
    label_before_names,
    names_run_on,
    title_before_access,
    title_in_caseless_script,
    title_read_as_names,
)
from litreview.bibliography.refparse.relabel_publisher_bodies import publisher_closing_container
from litreview.bibliography.refparse.relabel_quoted import quoted_journal_after_title
from litreview.bibliography.refparse.relabel_repository import repository_named_by_its_link
from litreview.bibliography.refparse.relabel_spans import container_inside_title
from litreview.bibliography.refparse.tagger import Tagged


@pytest.mark.parametrize(("word", "expected"), [
    ("[https://github.com/a/b],", True),
    ("(https://example.org/x).", True),
    ("<https://example.org/x>", True),
    ("[manuscrit]", False),
    ("(2019)", False),
])
def test_a_web_address_in_brackets_is_one_address(word, expected):
    assert is_url(word) is expected


def test_a_bracketed_web_address_after_the_title_is_the_url_not_the_titles():
    # made by hand in the form civilta-italiana prints a web page: "Author, Title [URL], consultato il D/M/YYYY."
    ref = parse_reference("pandas, pandas-dev/pandas [https://github.com/pandas-dev/pandas], consultato il 3/4/2021.")
    assert ref.title == "pandas-dev/pandas"
    assert ref.url == "https://github.com/pandas-dev/pandas"


def _tagged(text: str, labels: list[str]) -> list[Tagged]:
    """Hand-made tagger output, every label sure."""
    tokens = tokenize(text)
    assert len(tokens) == len(labels)
    return [Tagged(tok, label, 1.0, 0.0, 0.0, "") for tok, label in zip(tokens, labels, strict=True)]


def test_a_publishers_name_between_the_journal_and_its_volume_is_the_publisher():
    # made by hand in the form revista-de-filologia-espanola prints an article, «Title», Journal, Publisher, vol/issue.,
    # the model running the journal's span over the publisher's name (as it did on a long list of names)
    text = "Roe, Ann (2019): «Tide tables», Nature Machine Intelligence, Springer Science and Business Media LLC, 12/3."
    labels = ["author", "author", "date", "title", "title", *["journal"] * 9, "volume"]
    out = [t.label for t in publisher_closing_container(_tagged(text, labels))]
    assert out[5:] == ["journal"] * 3 + ["publisher"] * 6 + ["volume"]
    # a name with a periodical's word, or an acronym, stays the journal's (IEEE's journals inverted)
    for text in ("Roe, Ann (2019): «Tide tables», Speech and Audio Processing, IEEE Transactions on, 12/3.",
                 "Roe, Ann (2019): «Tide tables», Electron Device Letters, IEEE, 12/3."):
        n = len(tokenize(text))
        labels = ["author", "author", "date", "title", "title", *["journal"] * (n - 6), "volume"]
        assert [t.label for t in publisher_closing_container(_tagged(text, labels))] == labels


def test_a_publishers_name_after_a_journals_name_of_two_words_is_the_publisher():
    # the same form with a journal's name of two words: the journal keeps them, the body's name is the publisher's
    text = "Roe, Ann (2019): «Tide tables», Nature Communications, Springer Science and Business Media LLC, 12/3."
    labels = ["author", "author", "date", "title", "title", *["journal"] * 8, "volume"]
    out = [t.label for t in publisher_closing_container(_tagged(text, labels))]
    assert out[5:] == ["journal"] * 2 + ["publisher"] * 6 + ["volume"]
    ref = parse_reference("Roe, Ann y Jan Doe (2019): «Tide tables for small harbours», Nature Communications, "
                          "Springer Science and Business Media LLC, 12/3, pp. 5-9.")
    assert (ref.container, ref.publisher) == ("Nature Communications", "Springer Science and Business Media LLC")


@pytest.mark.parametrize("raw", [
    "Roe, A., “Tide tables,” Speech and Audio Processing, IEEE Transactions on, Vol. 2, No. 4, 1994, pp. 639–643.",
    "Roe, A, «Tide tables», Electron Device Letters, IEEE, vol. 32, fasc. 4, 2011, pp. 515–517.",
])
def test_an_ieee_journals_inverted_name_before_its_volume_stays_the_journals(raw):
    assert parse_reference(raw).publisher == ""


def test_a_two_authors_label_before_the_names_is_a_note_and_the_names_the_authors():
    # made by hand in the German Archaeological Institute's form for two authors: "Doe – Roe 2010 J. Doe – R. Roe, Title"
    text = "Doe – Roe 2010 J. Doe – R. Roe, Tide tables for small harbours, CSSP 29, 1, 2010, 81–101"
    labels = ["author"] * 4 + ["title"] * 10 + ["journal", "volume", "volume", "volume", "pages"]
    out = [t.label for t in label_before_names(_tagged(text, labels))]
    assert out[:9] == ["note"] * 3 + ["date"] + ["author"] * 5
    assert out[9:] == labels[9:]


def test_the_words_after_a_labels_names_up_to_the_comma_are_the_title_where_the_model_read_none():
    # made by hand in the same form, the model reading the title as a note's (after a long list of names)
    text = "Doe u. a. 2023 J. Doe – R. Roe – A. Poe, A map of small harbours, Coastal Science 9, 4, 2023, 563–581"
    labels = ["author"] * 4 + ["editor"] * 8 + ["note"] * 11
    out = [t.label for t in label_before_names(_tagged(text, labels))]
    assert out[12:17] == ["title"] * 5
    assert out[17:19] == ["container"] * 2 and out[19:] == ["note"] * 4
    # after "in:", the book's name up to its imprint's parenthesis
    book = "Doe u. a. 2020 J. Doe – R. Roe, Tide tables, in: Advances in Harbour Studies (Oslo 2020) 9–14"
    read = ["author"] * 4 + ["editor"] * 5 + ["note"] * 10
    out = [t.label for t in label_before_names(_tagged(book, read))]
    assert out[9:] == ["title"] * 2 + ["note"] + ["container"] * 4 + ["note"] * 3
    # a title the model read stays as it was
    labels = ["author"] * 4 + ["editor"] * 8 + ["title"] * 5 + ["journal"] * 2 + ["volume"] * 3 + ["pages"]
    assert [t.label for t in label_before_names(_tagged(text, labels))][12:] == labels[12:]


def test_a_book_after_the_titles_comma_and_in_is_the_container():
    # made by hand in civilta-italiana's form of a chapter: "Author, Title, in Book (Series), vol. 12, Publisher, …"
    text = "Roe, Ann, Tide tables, in Harbours of the north: a survey (Lecture notes in geography), vol. 12, Springer"
    labels = ["author", "author", *["title"] * 9, *["collection"] * 4, "volume", "volume", "publisher"]
    out = [t.label for t in container_inside_title(_tagged(text, labels))]
    assert out[2:11] == ["title", "title", *["container"] * 7]
    # a title whose own words follow its comma and "in", with nothing of a book after them, stays whole
    text = "Roe, Ann, Women, in Their Own Words, Harbour Review 12"
    labels = ["author", "author", *["title"] * 5, "journal", "journal", "volume"]
    assert [t.label for t in container_inside_title(_tagged(text, labels))] == labels


@pytest.mark.parametrize(("text", "marked", "title"), [
    # a Chinese title after the names' stop, read as the date's words, a "no date" term after it
    ("百度. 设置排序规则的方法 n.d. https://example.org/a", "author date date url", "设置排序规则的方法"),
    # after the date's parenthesis, read as a note's words, up to the sentence's full-width question mark and stop
    ("李明 (2018). 如何理解召回率？. Available at: https://example.org/b",
     "author date note note note url", "如何理解召回率？."),
    # a Latin acronym before the Chinese word, both read as the names'
    ("维基百科. ROC 曲线 n.d. https://example.org/c", "author author author date url", "ROC 曲线"),
    # Japanese after the names' colon
    ("山田太郎: 機械学習入門. 2020.", "author publisher date", "機械学習入門."),
    # the date after the names' stop is passed over: the title opens after it
    ("Google. (n.d.). 分类 (classification)：ROC 和曲线. Retrieved from https://example.org/d",
     "author date date date date note note url", "分类 (classification)：ROC 和曲线."),
])
def test_words_in_a_script_without_case_after_the_names_are_the_title_where_none_was_read(text, marked, title):
    out = title_in_caseless_script(hand_tagged(text, marked))
    assert " ".join(t.token.text for t in out if t.label == "title") == title


@pytest.mark.parametrize(("text", "marked"), [
    # a reading with a title already
    ("百度. 设置排序规则的方法. 2016; published online. https://example.org/a", "author date date title title url"),
    # Latin words after the names: the model's reading stands
    ("Doe, J. Field notes n.d. https://example.org/a", "author author note note date url"),
    # a Chinese word first, as a name, not after the names' stop
    ("阿泽 决策树 Available online: https://example.org/a", "note note note note url"),
])
def test_words_the_rule_does_not_read_as_a_caseless_title_stay(text, marked):
    tagged = hand_tagged(text, marked)
    assert [t.label for t in title_in_caseless_script(tagged)] == [t.label for t in tagged]


def test_a_title_in_lower_case_before_a_quoted_journal_is_not_read_into_the_names():
    # Polish (PN-ISO 690): "Names, Title, „Journal” Year": the quote after the comma opens the journal, not the title
    tagged = hand_tagged("Nowak J., Title of the study, „Journal” 2016.", "author author title title title title title?journal date")
    assert [t.label for t in names_run_on(tagged)] == [t.label for t in tagged]
    # Bologna: capitalised names before the quoted title are the names'
    names = hand_tagged("Roe, Ann, Rachel Davis, «Surgical events», Journal, 2013.",
                        "author author title title title title container date")
    assert [t.label for t in names_run_on(names)][:4] == ["author"] * 4


@pytest.mark.parametrize(("text", "marked"), [
    # Chicago in Dutch, Spanish, German: the list's last names, joined by the locale's "and" and closed by a stop
    ("Roe, Ann, Rachel Davis en Tom Lee. “Tide tables.” Journal 3 (2013): 1–9.",
     "author author title title title title title title title container volume date pages"),
    ("Roe, Ann, Rachel Davis y Tom Lee. “Tide tables.” Journal 3 (2013): 1–9.",
     "author author title title title title title title title container volume date pages"),
    ("Roe, Ann Mary, Rachel Davis und Tom Lee. “Tide tables.” Journal 3 (2013): 1–9.",
     "author author author title title title title title title title container volume date pages"),
])
def test_names_joined_by_a_locales_and_before_a_stop_and_the_quoted_title_are_the_names(text, marked):
    tagged = hand_tagged(text, marked)
    out = [t.label for t in names_run_on(tagged)]
    quote = next(k for k, t in enumerate(tagged) if t.token.text.startswith("“"))
    assert out[:quote] == ["author"] * quote
    assert out[quote:] == [t.label for t in tagged[quote:]]


@pytest.mark.parametrize(("text", "marked"), [
    # the names closed by their own stop: the capitalised words after them are a title ("Pride and Prejudice")
    ("Roe, Ann. Pride and Prejudice. “A review.” Journal 3 (2013): 1–9.",
     "author author title title title title title container volume date pages"),
    # no "and" between two capitalised words: a title's words, not a name list's
    ("Roe, Ann, Tide Tables Revisited. “A review.” Journal 3 (2013): 1–9.",
     "author author title title title title title container volume date pages"),
    # a lower-case word that no name list holds
    ("Roe, Ann, Tides en route. “A review.” Journal 3 (2013): 1–9.",
     "author author title title title title title container volume date pages"),
])
def test_capitalised_words_before_a_stop_and_a_quote_that_close_no_name_list_stay_the_titles(text, marked):
    tagged = hand_tagged(text, marked)
    assert [t.label for t in names_run_on(tagged)] == [t.label for t in tagged]


def test_a_dutch_and_joins_the_last_two_names_of_a_list():
    ref = parse_reference("Alver, Morten Omholt, Jo Arve Alfredsen en Gunvor Øie. “Estimating larval density in first "
                          "feeding tanks.” Aquaculture 268, nr. 1 (2007): 216–26.")
    assert [(p.family, p.given) for p in ref.authors] == [("Alver", "Morten Omholt"), ("Alfredsen", "Jo Arve"),
                                                          ("Øie", "Gunvor")]
    assert ref.title == "Estimating larval density in first feeding tanks"


@pytest.mark.parametrize(("text", "marked", "journal"), [
    # Polish: the journal in „…” (closed by ” or “) after the title's comma, before the year or the volume
    ("Nowak J., Title of the study, „Journal of Things” 2016, t. 8, s. 3-9.",
     "author author title title title title title?journal title?journal title?journal date volume volume pages pages",
     "„Journal of Things”"),
    ("Nowak J., Title of the study, „Journal of Things“ 2016.",
     "author author title title title title title?journal title?journal title?journal date", "„Journal of Things“"),
])
def test_quoted_words_after_an_unquoted_titles_comma_before_the_year_are_the_journal(text, marked, journal):
    out = quoted_journal_after_title(hand_tagged(text, marked))
    assert " ".join(t.token.text for t in out if t.label == "journal") == journal


@pytest.mark.parametrize(("text", "marked"), [
    # a quoted title's own words: the title opens with a quote
    ("Nowak J., „Title of the study, „Part” 2016.", "author author title title title title title?journal date"),
    # a quotation inside the title, not before the date
    ("Nowak J., Title of the study, „Part” and more. 2016.",
     "author author title title title title title?journal title title date"),
    # the model sure of the quoted words (no journal as runner-up)
    ("Nowak J., Title of the study, „Journal” 2016.", "author author title title title title title date"),
])
def test_quoted_words_the_rule_does_not_read_as_a_journal_stay(text, marked):
    tagged = hand_tagged(text, marked)
    assert [t.label for t in quoted_journal_after_title(tagged)] == [t.label for t in tagged]


def test_and_others_closing_the_names_before_the_quoted_title_are_the_names():
    tagged = hand_tagged("Ong, Shyue Ping, and others, ‘Python Materials’, Science, 68 (2013)",
                         "author author author title title title title container volume date")
    assert [t.label for t in names_run_on(tagged)][:5] == ["author"] * 5


@pytest.mark.parametrize(("text", "marked", "title"), [
    # APA: a site printed as the author, its letter after "n.d.", the page's access phrase after the title
    ("wikipedia. (n.d.-b). Small product. Retrieved May 2, 2019, from https://example.org/a",
     "author date note note note note note note note url", "Small product."),
    # ISO 690: the medium in brackets after the title
    ("SITE. Small things (statistics). [en ligne]. [Consulté le 3 mai 2023].",
     "author journal journal date date date note note note note note", "Small things (statistics)."),
    # Vancouver: "n.d." then the link
    ("[4] Site.org. small.thing.norm n.d. https://example.org/a",
     "number author date date url", "small.thing.norm"),
])
def test_a_sentence_after_a_sites_name_before_the_pages_link_is_the_title(text, marked, title):
    out = title_before_access(hand_tagged(text, marked), text)
    assert " ".join(t.token.text for t in out if t.label == "title") == title


@pytest.mark.parametrize(("text", "marked"), [
    # a title read already
    ("Site. (n.d.). Small product. Retrieved May 2, 2019, from https://example.org/a",
     "author date title title note note note note note url"),
    # nothing of a web page after the sentence
    ("Doe, J. 2019. Small things. Journal of Things 3.",
     "author author date note note journal journal journal volume"),
])
def test_words_no_web_page_title_stay_as_read(text, marked):
    assert title_before_access(hand_tagged(text, marked), text) == hand_tagged(text, marked)


def test_the_rules_title_that_is_the_crfs_author_is_not_taken():
    ref = parse_reference("wikipedia. (n.d.-b). Outer product. Retrieved December 20, 2019, from "
                          "https://en.wikipedia.org/wiki/Outer_product")
    assert ref.title.rstrip(".") == "Outer product"


@pytest.mark.parametrize(("text", "title", "family"), [
    # ABNT prints a family name's particle in capitals after the given names' initials
    ("ACHOURIOTI, T.; LAMBALGEN, M. VAN. A Formalization of Kant’s Transcendental Logic. Review of Symbolic Logic, "
     "v. 4, n. 2, p. 254–289, 2011.", "A Formalization of Kant’s Transcendental Logic", "LAMBALGEN"),
    ("DALEN, D. VAN. Mystic, Geometer, and Intuitionist. Oxford: Clarendon Press, 2005.",
     "Mystic, Geometer, and Intuitionist", "DALEN"),
])
def test_a_particle_in_capitals_after_the_initials_is_the_names(text: str, title: str, family: str) -> None:
    ref = parse_reference(text)
    assert ref.title == title
    assert family in {p.family for p in ref.authors}


@pytest.mark.parametrize(("text", "marked", "names"), [
    # Harvard's letter after "n.d." for a second work of the same names and no date (made up in its form)
    ("Doe, J. and Roe, R., n.d.a. Small things. Available at: <https://example.org/a>",
     "author author author author author author title title note note url", "Doe, J. and Roe, R.,"),
    ("Doe, J., n.d.b. Small things.", "author author author title title", "Doe, J.,"),
    # a year with its letter the model read into the names
    ("Doe, J., 2019a. Small things.", "author author author title title", "Doe, J.,"),
])
def test_a_date_closing_the_names_after_their_comma_is_the_dates(text, marked, names):
    out = date_closing_names(hand_tagged(text, marked))
    assert " ".join(t.token.text for t in out if t.label == "author") == names
    assert [t.label for t in out if t.label == "date"] == ["date"]


@pytest.mark.parametrize(("text", "marked"), [
    # no comma before the word: a name ("Doe, N. D." is initials, in capitals)
    ("Doe, N. D. Small things.", "author author author title title"),
    ("Doe, J., N.D. Small things.", "author author author title title"),
])
def test_names_closed_by_no_date_stay_as_read(text, marked):
    assert date_closing_names(hand_tagged(text, marked)) == hand_tagged(text, marked)


def test_a_no_date_letter_is_not_a_second_author():
    ref = parse_reference("Doe, J. and Roe, R., n.d.a. Microsoft teams for education documentation.")
    assert [p.family for p in ref.authors] == ["Doe", "Roe"]


@pytest.mark.parametrize(("text", "marked", "title"), [
    # a page with no author, title first, as German ISO 690 prints it (made up in its form)
    ("Small things documentation, [kein Datum]. https://example.org/a",
     "editor editor editor editor editor url", "Small things documentation, [kein Datum]."),
    ("Small things documentation, [kein Datum]. https://example.org/a",
     "editor editor editor date date url", "Small things documentation,"),
    # the title's quoted part the model read as the title goes on from the words it read as names
    ("Un entretien avec M. Jean Doe « Les choses », 1991.",
     "author author author author author author title title title title date", "Un entretien avec M. Jean Doe « Les choses »,"),
])
def test_a_title_with_words_no_name_holds_read_as_names_is_the_title(text, marked, title):
    out = title_read_as_names(hand_tagged(text, marked))
    assert " ".join(t.token.text for t in out if t.label == "title") == title
    assert not any(t.label in ("author", "editor") for t in out)


@pytest.mark.parametrize(("text", "marked"), [
    # particles, roles, "and", "et al." are a name list's lower-case words
    ("van der Berg, J. and de la Cruz, M., eds. 2003. Small things.",
     "editor editor editor editor editor editor editor editor editor editor date title title"),
    ("Doe, J., et al. 2003. Small things.", "author author author author date title title"),
    # a body's name in French holds lower-case words
    ("Institut national de la statistique. 2020. Small things.",
     "author author author author author date title title"),
    # all in lower case: a list written so, no telling
    ("doe, jean and roe, richard. 2020. Small things.", "author author author author author date title title"),
    # after a title: names printed after it
    ("Small things. Doe, J. and Roe, R. 2020.", "title title author author author author author date"),
])
def test_names_with_a_name_lists_lower_case_words_stay_as_read(text, marked):
    assert title_read_as_names(hand_tagged(text, marked)) == hand_tagged(text, marked)


@pytest.mark.parametrize(("text", "marked"), [
    # a contributor's handle among Vancouver names
    ("Doe Apps, Roe P, jdoe, Poe B. Small things 2023. https://example.org/a",
     "author author author author author author author title title date url"),
    # Vancouver's names and their stop, the title after them the model read on as names
    ("Doe R. The Small thing. 2019.", "author author author author author date"),
    # a body's name with its linking word, read as editors
    ("Der Doenator für Bildung ed., 2006. Small things.", "editor editor editor editor editor date title title"),
    # a name given first, its family name in lower case, closed by its comma
    ("Albert edwin, The title,.", "author author title title"),
    # two bodies joined by "&", in a language whose body words the lexicon does not hold
    ("Doense & Roense overheid. (2022). Small things.", "author author author author date title title"),
    # a family name and its comma opening the names the model ran into the title
    ("Doe, Hans Walter, Small and Big: A commentary, 1986.",
     "author author author author author author author author date"),
])
def test_names_with_a_handle_or_a_family_names_comma_stay_as_read(text, marked):
    assert title_read_as_names(hand_tagged(text, marked)) == hand_tagged(text, marked)


def test_a_sites_name_in_lower_case_read_as_the_names_stays_as_read():
    # the .bib's author in lower case, as Zotero exports a site's name
    text, marked = "wikipedia. o. J. Cross entropy. https://example.org/a", "author author author title title url"
    assert title_read_as_names(hand_tagged(text, marked)) == hand_tagged(text, marked)


@pytest.mark.parametrize(("text", "marked", "expected"), [
    # Copernicus: a repository cited by its name alone, before its link (the model ran the link's label over it)
    ("octo/widgets: https://github.com/octo/widgets, last access: 3 May 2022.",
     "url url url url date date date", "title url url url date date date"),
    # the owner's name, then the repository's: the owner is the author, the name the title
    ("octo Octo/Widgets Available online: https://github.com/octo/widgets (accessed on 13 September 2021).",
     "title title note note url note note note note note", "author title note note url note note note note note"),
    # the names read as a date's words after the owner's
    ("octo, octo/widgets, https://github.com/octo/widgets, accessed 3 May 2022.",
     "author date url url url url url", "author title url url url url url"),
])
def test_a_repositorys_name_that_its_link_ends_with_is_the_title(text, marked, expected):
    out = repository_named_by_its_link(hand_tagged(text, marked), text)
    assert [t.label for t in out] == expected.split()


@pytest.mark.parametrize(("text", "marked"), [
    # a title of its own beside the name: the name stays as read
    ("octo/widgets: A widget kit, https://github.com/octo/widgets, 2022.", "note title title title url date"),
    # a name the link does not end with
    ("octo/gadgets: https://github.com/octo/widgets, 2022.", "url url date"),
])
def test_a_repositorys_name_the_rule_does_not_read_as_the_title_stays(text, marked):
    tagged = hand_tagged(text, marked)
    assert [t.label for t in repository_named_by_its_link(tagged, text)] == [t.label for t in tagged]


def test_a_repository_cited_by_its_name_alone_is_read_with_its_name_as_the_title():
    ref = parse_reference("octo/widgets: https://github.com/octo/widgets, last access: 3 May 2022.")
    assert (ref.title, ref.url) == ("octo/widgets", "https://github.com/octo/widgets")


def test_the_last_given_name_before_np_405s_dash_is_the_names():
    # ISO 690 as Portugal's NP 405 prints it: "FAMILY, Given; FAMILY, Given - Title"
    text = "ROE, Ann; DOE, Jane Mary - Tide tables for small harbours. Journal. 3:2 (2010) 1–9."
    tagged = hand_tagged(text, "author author author title title title title title title title title journal "
                               "volume date pages")
    out = [t.label for t in names_run_on(tagged)]
    assert out[:5] == ["author"] * 5 and out[5:11] == ["title"] * 6
    ref = parse_reference(text)
    assert ref.title == "Tide tables for small harbours"
    assert [(p.family, p.given) for p in ref.authors] == [("ROE", "Ann"), ("DOE", "Jane Mary")]


@pytest.mark.parametrize(("text", "marked"), [
    # an initial before the comma (Vancouver's "Roe A,"), not a family name in capitals
    ("Roe A, ‘In Tide Tables – A Survey’ (2002) 97 Journal 431",
     "author author title title title title title title date container container container"),
    # no dash after the capitalised words: the title's own
    ("ROE, Ann, Tide Tables Today. Journal 3 (2010) 1–9.",
     "author author title title title journal volume date pages"),
])
def test_capitalised_words_before_a_dash_that_close_no_np_405_names_stay_the_titles(text, marked):
    tagged = hand_tagged(text, marked)
    assert [t.label for t in names_run_on(tagged)] == [t.label for t in tagged]


def test_the_dash_that_parts_the_names_from_the_title_is_neither_the_titles_nor_a_names():
    from litreview.bibliography.refparse.span_fields import clean_title, persons

    assert clean_title("- Tide tables for small harbours.") == "Tide tables for small harbours"
    assert clean_title("Tide tables - a survey") == "Tide tables - a survey"
    assert [(p.family, p.given) for p in persons("ROE, Ann; DOE, Jane Mary -")[0]] == [("ROE", "Ann"), ("DOE", "Jane Mary")]
