"""The reference-style benchmark's comparison of two entry texts (expected strings written by hand)."""

from __future__ import annotations

from bench.eval_reference_style import _norm


def test_an_accented_dotless_i_is_the_accented_i() -> None:
    # pandoc prints BibTeX's {\'\i} as a dotless i with a combining acute, litreview as "í": one letter to a reader.
    assert _norm("P\u00e9rez, An\u0131\u0301bal") == _norm("P\u00e9rez, An\u00edbal")


def test_other_differences_still_count() -> None:
    assert _norm("An\u00edbal  de") == _norm("An\u00edbal de")
    assert _norm("Anibal") != _norm("An\u00edbal")
    assert _norm("anal\u1ef3za") != _norm("anal\\\u2018yza")
    assert _norm("s. r. o") != _norm("s. r. o.")
    assert _norm("\u0131") != _norm("i")  # a dotless i alone is its own letter
