"""The reference parser's shortcuts: each skips work only where the work finds nothing, so a reading is the same."""

from __future__ import annotations

import re

import pytest

from litreview.bibliography.refparse import parse_reference, parse_references
from litreview.bibliography.refparse.lexicon import REPOSITORY
from litreview.bibliography.refparse.relabel import _NO_DATE_TERM
from litreview.bibliography.refparse.relabel_publisher_bodies import _may_open_repository
from litreview.bibliography.refparse.rules import normalise, parse_normalised
from litreview.locale_terms import NO_DATE, NO_DATE_TERMS


def test_the_no_date_look_ahead_finds_what_the_plain_pattern_finds() -> None:
    """Every term, as printed, in brackets in capitals, inside words and after them: the same matches with the look-ahead
    as without it (a term whose first character the look-ahead lacked would be lost)."""
    plain = re.compile(rf"(?<!\w)(?:{NO_DATE})(?!\w)")
    texts = []
    for term in NO_DATE_TERMS:
        texts += [f"Doe, J. {term} Title.", f"Doe, J. [{term.upper()}]. Title", f"x{term}", f"{term}x",
                  f"Title, GitHub, {term}", term]
    for text in texts:
        assert [m.span() for m in _NO_DATE_TERM.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert any(_NO_DATE_TERM.search(text) for text in texts)


@pytest.mark.parametrize("name", sorted(REPOSITORY))
def test_a_repository_name_may_open_at_its_first_word(name: str) -> None:
    """The gate of ``repository_as_publisher`` lets every repository's first word through, however printed around it
    (the rule strips ``_NAME_STRIP`` and folds the case)."""
    first = name.split(" ")[0]
    words = [first, first.upper(), first.title(), f"({first}", f"[{first.title()}"]
    if " " not in name:  # (a stop or a comma inside a name of two words ends it: "Harvard. Dataverse" is none)
        words += [f"[{first}.", f"{first},", f"({first.upper()};"]
    for word in words:
        assert _may_open_repository(word), word


def test_a_word_no_repository_opens_with_is_passed_over() -> None:
    assert _may_open_repository("Research")  # "research square" opens with it
    assert not _may_open_repository("Researchers")
    assert not _may_open_repository("Journal")
    assert not _may_open_repository("Zenodo-like")


@pytest.mark.parametrize("raw", [
    "Doe, J. (2021). Replication data for a study. Zenodo. https://doi.org/10.5281/zenodo.1",
    "Roe, A. Title of the data set, figshare, 2021.",
    "Poe, B. (2023). A preprint. OSF Preprints.",
    "Low, C. (2020). A title. Research Square.",
])
def test_a_repository_after_the_title_is_still_the_publisher(raw: str) -> None:
    ref = parse_reference(raw)
    assert ref.publisher  # the gate keeps the rule where a name stands
    assert ref.publisher.casefold().strip(".,") in REPOSITORY


def test_the_rules_read_a_normalised_string_as_they_read_the_raw_one() -> None:
    """``parse_normalised`` is the rule parser past ``normalise`` (which the model's stages share)."""
    from litreview.bibliography.refparse.rules import parse_reference as rules

    for raw in ["Doe,  J.\u2010R. (2001).  A   title. Journal, 4(2), 10\u201120.", "Roe A. Title [Internet]. 2019."]:
        assert parse_normalised(normalise(raw)) == rules(raw)
    assert parse_references(["Doe, J. (2001). A title. Journal, 4, 1-2."])[0] == \
        parse_reference("Doe, J. (2001). A title. Journal, 4, 1-2.")
