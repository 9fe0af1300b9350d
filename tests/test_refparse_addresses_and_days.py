"""Reference strings whose web address holds a DOI, and online-first articles dated by a day in place of a volume."""

from __future__ import annotations

import pytest

from litreview.bibliography.refparse import fields as F
from litreview.bibliography.refparse import parse_reference, parse_reference_rules


@pytest.mark.parametrize(("raw", "url", "doi"), [
    ("Roe, Ann, and Bo Li. 2015. “Four Measures of Patience.” Frontiers in Thinking 6. "
     "https://www.frontiers.example/articles/10.3389/fthink.2015.00728.",
     "https://www.frontiers.example/articles/10.3389/fthink.2015.00728", "10.3389/fthink.2015.00728"),
    ("Doe, J. (2011). Ties that bind. Journal of Ties, 4(2), 1–9. Retrieved from "
     "http://onlinelibrary.example.com/doi/10.1002/jot.1234",
     "http://onlinelibrary.example.com/doi/10.1002/jot.1234", "10.1002/jot.1234"),
])
def test_an_address_that_holds_a_doi_is_kept_whole(raw, url, doi):
    # citeproc prints the url field as it is; the DOI inside a publisher's address was cut out of it, leaving
    # "https://www.frontiers.example/articles/" as the URL
    for ref in (parse_reference(raw), parse_reference_rules(raw)):
        assert (ref.url, ref.doi) == (url, doi)


def test_a_doi_link_is_the_doi_and_no_url():
    ref = parse_reference("Doe, J. 2011. “Ties.” Journal of Ties 4: 1–9. https://doi.org/10.1002/jot.1234.")
    assert (ref.doi, ref.url) == ("10.1002/jot.1234", "")


def test_take_doi_leaves_an_address_whole_and_prefers_a_doi_link():
    address = "https://x.example/a/10.3389/f.2015.1"
    text = f"Ties 6. {address}."
    assert F.take_doi(text) == ("10.3389/f.2015.1", text)
    doi, rest = F.take_doi(f"{text} https://doi.org/10.1234/b.")
    assert doi == "10.1234/b" and address in rest and "doi.org" not in rest
    for text in ("Ties 6. https://doi.org/10.1234/b.", "Ties 6. doi.org/10.1234/b.", "See https://x.example/a 10.1234/b."):
        doi, rest = F.take_doi(text)
        assert doi == "10.1234/b" and "10.1234" not in rest


@pytest.mark.parametrize(("raw", "journal", "month", "day", "pages"), [
    ("Roe, Ann, and Bo Li. 2021. “Conflict and Savings: Evidence from Phones.” The Review of Money and Markets, "
     "December 20, 1–45. https://doi.org/10.1162/rmm_a_01147.", "The Review of Money and Markets", 12, 20, "1–45"),
    ("Doe, Jane. 2019. “Rain and Crops.” Journal of Farm Studies, March 3, 112–30.", "Journal of Farm Studies", 3, 3,
     "112–30"),
])
def test_an_online_first_articles_day_is_its_date_not_its_volume(raw, journal, month, day, pages):
    # Chicago prints an article published online with no volume yet as "Journal, December 20, 1–45.": the day was
    # read as the volume and the journal as a book's name (@incollection)
    ref = parse_reference(raw)
    assert (ref.type, ref.container, ref.volume, ref.month, ref.day, ref.pages) == (
        "article", journal, "", month, day, pages)


@pytest.mark.parametrize("raw", [
    "Roe, Ann. 2014. “Conflict and Savings.” The Review of Money and Markets 96: 1–45. https://doi.org/10.1162/rmm_a_00345.",
    "Roe, A. (2014). Conflict and savings. The Review of Money and Markets, 96, 1–45. doi:10.1162/rmm_a_00345",
])
def test_an_mit_press_article_number_is_no_chapters_doi(raw):
    # "10.1162/rest_a_01147" ends like a Springer chapter's DOI ("…_5"): the article was typed @incollection
    assert parse_reference_rules(raw).type == "article"
    assert parse_reference(raw).type == "article"


def test_a_springer_chapters_doi_still_types_a_chapter():
    raw = "Roe, Ann. 2014. “Conflict and Savings.” Money and Markets, 1–45. https://doi.org/10.1007/11785231_15."
    assert parse_reference_rules(raw).type == "incollection"


@pytest.mark.parametrize("link", ["https://doi.org/https://doi.org/", "https://doi.org/http://dx.doi.org/"])
def test_a_doubled_resolver_is_the_doi_link_and_no_url(link):
    # a doi field that holds a link is printed behind the style's own resolver: "https://doi.org/" was left as the URL
    raw = f"Roe, A. (2016). Ice sheets. Boreas, 45(1), 1–45. {link}10.1111/bor.12142"
    for ref in (parse_reference(raw), parse_reference_rules(raw)):
        assert (ref.doi, ref.url) == ("10.1111/bor.12142", "")
