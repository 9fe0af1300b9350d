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
