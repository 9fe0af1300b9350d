"""Cutting a name at its commas outside braces (``names.split_commas``) and reading brace groups joined by commas
(``braced_people.groups_joined_by_commas``): a name without braces takes the short way; the cut is the same as the
scan's, a stray closing brace included."""

from __future__ import annotations

import random

import pytest

from litreview.bibliography.names import split_commas
from litreview.checks.braced_people import groups_joined_by_commas


def _scan(name: str) -> list[str]:
    """BibTeX's cut: at each comma at brace depth 0 (a stray "}" takes the depth below 0)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(name):
        depth += (ch == "{") - (ch == "}")
        if ch == "," and depth == 0:
            parts.append(name[start:i])
            start = i + 1
    return [*parts, name[start:]]


@pytest.mark.parametrize("name", ["Knuth, Donald E.", "King, Jr., Martin", "Plato", ",", "", "a}, b", "{a, b}, c",
                                  "a, {b, c}", "a, b}, c", "{World Bank}"])
def test_a_name_is_cut_at_its_commas_outside_braces(name: str) -> None:
    assert split_commas(name) == _scan(name)


def test_random_names_are_cut_as_the_scan_cuts_them() -> None:
    rng = random.Random(15)
    for _ in range(2000):
        name = "".join(rng.choice("ab ,{}") for _ in range(rng.randrange(12)))
        assert split_commas(name) == _scan(name), name


@pytest.mark.parametrize(("value", "people"), [
    ("{Kolokotrones, Tom}, {Deeds, Eric J.}", ["Kolokotrones, Tom", "Deeds, Eric J."]),
    ("Kolokotrones, Tom, Deeds, Eric J.", []),
    ("Kolokotrones, Tom}, {Deeds, Eric J.}", []),
])
def test_only_brace_groups_joined_by_commas_are_people(value: str, people: list[str]) -> None:
    assert groups_joined_by_commas(value) == people
