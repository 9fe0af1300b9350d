"""DOI discovery: the query sent and the validation of candidates (synthetic candidates)."""

from __future__ import annotations

from litreview.model import Person, RegistryRecord, Source
from litreview.registry.discover import Candidate, reference_string, suggest, wants_search

HOLSTI = Source(key="holsti2004taming", type="book", authors=(Person("Holsti", "K. J."),), year=2004,
                title="Taming the Sovereigns: Institutional Change in International Politics",
                publisher="Cambridge University Press")


def cand(doi: str, **kw) -> Candidate:
    base = dict(doi=doi, agency="crossref", type="monograph", title="Taming the Sovereigns",
                subtitle="Institutional Change in International Politics", authors=(Person("Holsti", "K. J."),),
                year=2004, publisher="Cambridge University Press")
    base.update(kw)
    return Candidate(RegistryRecord(**base), relevance=10.0)


def test_reference_string_reads_like_a_citation() -> None:
    assert reference_string(HOLSTI) == ("K. J. Holsti. (2004). Taming the Sovereigns: Institutional Change in "
                                        "International Politics. Cambridge University Press")


def test_only_entries_without_doi_of_doi_bearing_kinds_are_searched() -> None:
    assert wants_search(HOLSTI)
    assert not wants_search(Source(key="w", type="online", title="US Code"))
    assert not wants_search(Source(key="d", type="article", title="T", doi="10.1/x"))


def test_the_book_beats_its_own_chapter() -> None:
    chapter = cand("10.1/ch3", type="book-chapter", title="Sovereignty as an Institution", subtitle="",
                   container="Taming the Sovereigns")
    found = suggest(HOLSTI, [chapter, cand("10.1/book")])
    assert found is not None and found.doi == "10.1/book" and found.score == 1.0
    assert "first author Holsti matches" in found.reasons


def test_a_reprint_year_is_tolerated_for_books() -> None:
    found = suggest(HOLSTI, [cand("10.1/book", year=2002)])
    assert found is not None and 0.8 <= found.score < 1.0


def test_wrong_author_and_year_reject_even_a_same_title() -> None:
    other = cand("10.1/other", authors=(Person("Smith", "A."),), year=1990, publisher="Other Press")
    assert suggest(HOLSTI, [other]) is None


def test_a_different_title_is_never_suggested() -> None:
    assert suggest(HOLSTI, [cand("10.1/x", title="Sovereignty Reconsidered", subtitle="")]) is None


def test_two_editions_make_the_suggestion_ambiguous() -> None:
    found = suggest(HOLSTI, [cand("10.1/a"), cand("10.1/b")])
    assert found is not None
    assert any(r.startswith("ambiguous: also 10.1/b") for r in found.reasons)


def test_no_candidates_no_suggestion() -> None:
    assert suggest(HOLSTI, []) is None
