"""Counts in sentences: the noun agrees with the number it follows, the verb with the count."""

from __future__ import annotations

import pytest

from litreview.text import of_total, plural


@pytest.mark.parametrize(("n", "total", "expected"), [
    (1, 9, "1 of 9 sources has"), (0, 9, "0 of 9 sources have"), (2, 9, "2 of 9 sources have"),
    (1, 1, "1 of 1 source has"), (1_000, 2_000, "1,000 of 2,000 sources have"),
])
def test_of_total(n: int, total: int, expected: str) -> None:
    assert of_total(n, total, "source", ("has", "have")) == expected


def test_of_total_takes_an_irregular_plural() -> None:
    assert of_total(1, 2, "registry", ("agrees", "agree"), "registries") == "1 of 2 registries agrees"
    assert plural(2, "registry", "registries") == "2 registries"
