"""Delimited spans found in linear time give what the non-greedy regex they replace gives."""

from __future__ import annotations

import random
import re

import pytest

from litreview.spans import blanked, delimited

OPENS = re.compile(r"\{[#%{]")
CLOSES = {"{#": "#}", "{%": "%}", "{{": "}}"}
REGEX = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)


def test_spans_are_the_non_greedy_regex_matches() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice("{}#%a\n") for _ in range(rng.randrange(30)))
        found = [(m.start(), end) for m, _, end in delimited(text, OPENS, lambda m: CLOSES[m.group()])]
        assert found == [m.span() for m in REGEX.finditer(text)], text


def test_blanked_keeps_lines_and_columns() -> None:
    text = "a {{ x\ny }} b {# c #} {{ open"
    assert blanked(text, OPENS, lambda m: CLOSES[m.group()]) == "a     \n     b         {{ open"


def test_a_closing_pattern_is_searched_case_blind() -> None:
    spans = delimited("<T>x</t> <T>y", re.compile("<T>"), lambda _: re.compile("</t>", re.I))
    assert [(m.start(), start, end) for m, start, end in spans] == [(0, 4, 8)]


@pytest.mark.timeout(60)  # instant now; a line of 20,000 openings took 6 s, and grew with its square
def test_unclosed_openings_are_linear() -> None:
    text = "{{" * 200_000 + "{# comment #}"
    assert blanked(text, OPENS, lambda m: CLOSES[m.group()]) == "{{" * 200_000 + " " * 13
