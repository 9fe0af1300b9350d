"""The case feature of a word (``features._case``), which the tagger's model was trained with: its quick path for words
of ASCII letters gives what the letter-by-letter rule gives, and words of other scripts keep that rule."""

from __future__ import annotations

import pytest

from litreview.bibliography.refparse.features import _case


@pytest.mark.parametrize(("core", "case"), [
    ("Smith", "title"), ("McDonald", "title"), ("NASA", "upper"), ("A", "single"), ("the", "lower"), ("x", "lower"),
    ("iPhone", "mixed"), ("eBay", "mixed"),
    # beyond ASCII every letter is asked on its own: a letter with no case is neither upper nor lower
    ("ÉCOLE", "upper"), ("École", "title"), ("straße", "lower"), ("ABC中", "title"), ("中文", "mixed"), ("中", "mixed"),
    ("2019", "digits"), ("B12", "alnum"), ("", "none"), ("—", "symbol"), ("Smith-Jones", "title"), ("O'NEIL", "upper"),
])
def test_case_of_a_words_core(core: str, case: str) -> None:
    assert _case(core) == case
