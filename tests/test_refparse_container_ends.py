"""Where a container's name ends: what a style prints after it (the publisher in parentheses, a series, the
publisher of a book with no container) is no part of it."""

from __future__ import annotations

import pytest

from litreview.bibliography.refparse import parse_reference


@pytest.mark.parametrize(("raw", "container", "publisher"), [
    # Frontiers prints a paper's proceedings, then its publisher in parentheses, then the pages
    ("Roe, A., and Li, B. (2001). Mining small data., in Proceedings of the seventh ACM SIGKDD conference on small data, (ACM), "
     "97–106.", "Proceedings of the seventh ACM SIGKDD conference on small data", "ACM"),
    ("Roe, A., and Li, B. (2011). Fast lazy learning., in 2011 ACME 11th conference on mining, (IEEE), "
     "932–941.", "2011 ACME 11th conference on mining", "IEEE"),
])
def test_a_publisher_in_parentheses_after_the_proceedings_is_no_part_of_their_name(raw, container, publisher):
    ref = parse_reference(raw)
    assert (ref.container, ref.publisher) == (container, publisher)


@pytest.mark.parametrize(("raw", "publisher"), [
    # author-date: the year after the names, the publisher closing the reference with no stop after it
    ("Roe, Ann, 1990. How to play at ping-pong: And other essays on faith and reason. Hodder and Staughton",
     "Hodder and Staughton"),
    # Vancouver's "Publisher; Year."
    ("[42] Roe A. The window disaster. Hungry Minds; 1994.", "Hungry Minds"),
])
def test_a_books_publisher_read_as_a_container_is_the_publisher(raw, publisher):
    ref = parse_reference(raw)
    assert (ref.container, ref.publisher) == ("", publisher)


@pytest.mark.parametrize("raw", [
    # a site or an encyclopaedia the reference goes on after: its container
    "Roe, A. (n.d.). Exploring the principles of design. Acme Design Blog. Available at: https://acme.example/d "
    "(Accessed February 2, 2022).",
    "Roe W (1911) Pragmatism. Acme Encyclopedia. Epub ahead of print 1911.",
])
def test_a_name_a_link_or_a_note_follows_stays_the_container(raw):
    assert parse_reference(raw).container.startswith("Acme")


@pytest.mark.parametrize("raw", [
    "Roe, A., and Li, B. (2024). Small models for tasks. In A. Poe & B. Doe (Eds.), Proceedings of the 18th meeting "
    "of the acme association for linguistics (volume 1: Long papers) (pp. 2931–2959). Acme Association.",
    "Roe, A. and Li, B.: Small models for tasks, in: Proceedings of the 18th meeting of the acme association for "
    "linguistics (Volume 2: Short Papers), 2931–2959, 2024.",
])
def test_a_volumes_part_in_parentheses_closing_the_proceedings_is_part_of_their_name(raw):
    # the ACL Anthology's book titles: "(Volume 1: Long Papers)" names the part, it is no volume of a series
    ref = parse_reference(raw)
    assert ref.container.endswith(("(volume 1: Long papers)", "(Volume 2: Short Papers)")) and ref.volume == ""


def test_a_volume_in_parentheses_with_no_part_named_stays_the_volume():
    ref = parse_reference("Roe, A. (2020). A title. Acme Studies (Vol. 3). Acme Press.")
    assert "Vol" not in ref.container


@pytest.mark.parametrize(("raw", "journal"), [
    # INSPIRE's abbreviations: an acronym and an abbreviated word open the journal's name after the title's comma
    ("Roe, A. J. and Li, B.: Analytical attractors from plasma, DAE Symp. Nucl. Phys., 65, 660–661, 2021.",
     "DAE Symp. Nucl. Phys."),
    # ABNT: an abbreviated word, then an acronym
    ("ROE, Ann B. Large-scale knowledge infrastructure. Commun. ACM, v. 38, n. 11, p. 33–38, nov. 1995.", "Commun. ACM"),
])
def test_an_abbreviated_journals_first_words_are_no_part_of_the_title(raw, journal):
    ref = parse_reference(raw)
    assert ref.container == journal and not ref.title.endswith(("Symp", "Commun."))


def test_a_books_series_before_its_publisher_with_no_place_is_no_container():
    ref = parse_reference("Roe, Ann, Bo Li, and Cy Poe, eds. 2022. Coin Hoards and Hoarding in the Roman World. "
                          "Oxford Studies in the Roman Economy. Oxford University Press.")
    assert (ref.title, ref.container, ref.publisher) == (
        "Coin Hoards and Hoarding in the Roman World", "", "Oxford University Press")


@pytest.mark.parametrize("raw", [
    "ROE, Ann, 1967. Collection. Darton, Longman and Todd",
    "Roe A (1968) Verbum: Word and idea. Darton, Longman and Todd.",
])
def test_a_partners_publisher_closing_a_book_is_its_publisher_whole(raw):
    # "Darton, Longman and Todd": four words, no place before the comma (not "Berlin, Duncker & Humblot")
    ref = parse_reference(raw)
    assert (ref.container, ref.place, ref.publisher) == ("", "", "Darton, Longman and Todd")


def test_a_known_place_before_partners_stays_the_place():
    ref = parse_reference("Roe, Ann. 1990. Eine Geschichte. Berlin: Duncker & Humblot.")
    assert (ref.place, ref.publisher) == ("Berlin", "Duncker & Humblot")


@pytest.mark.parametrize("raw", [
    "Anon., 1834. [Ordination sermon of a preacher]. The Missionary Herald, 30(3), p.98.",
    "o. A. (2019): Ein Titel. Berlin: Acme.",
])
def test_a_styles_word_for_no_author_names_no_one(raw):
    ref = parse_reference(raw)
    assert ref.authors == () and ref.title.strip("[]").split()[0] in ("Ordination", "Ein")


def test_a_work_signed_anonymous_keeps_that_name():
    assert [p.family for p in parse_reference("Anonymous. 2019. A title. London: Acme Press.").authors] == ["Anonymous"]


@pytest.mark.parametrize(("raw", "title"), [
    # Copernicus: a software's or a specification's page with no author, its name then its link
    ("Google Closure Compiler: https://developers.google.com/closure/compiler/, last access: 16 December 2023.",
     "Google Closure Compiler"),
    ("HAL: Hypertext Application Language: http://stateless.co/hal_specification.html, last access: 3 July 2022.",
     "HAL: Hypertext Application Language"),
])
def test_a_page_with_no_author_opening_with_its_name_before_its_link_is_titled_by_it(raw, title):
    ref = parse_reference(raw)
    assert (ref.title, ref.container) == (title, "")


def test_a_books_last_word_before_a_known_publishers_partners_name_is_no_part_of_it():
    ref = parse_reference("49. Roe, A. Infinite Decision Theory. In Gambling on god: Essays on pascal’s wager; "
                          "Rowman & Littlefield, 1994.")
    assert ref.publisher == "Rowman & Littlefield"


def test_a_page_with_no_author_is_titled_up_to_its_links_phrase():
    # MDPI's "Available online: URL (accessed on …)" after a title with no stop
    ref = parse_reference("28. Digital Maturity Toolkit Available online: https://store.example.com/Digital-toolkit "
                          "(accessed on 10 June 2023).")
    assert ref.title == "Digital Maturity Toolkit"
