"""The BibTeX loader read against pybtex on random, plausible files (bibgen.py, differential.py).

A short seeded run here; the long one is ``python bench/fuzz.py -k bib-pybtex --examples N``.
"""

from __future__ import annotations

import os
import random
from dataclasses import replace

import pytest

from litreview.model import Bibliography

from . import differential
from .bibgen import plausible_bib
from .conftest import run_target

pytestmark = pytest.mark.fuzz
INPUTS = int(os.environ.get("LITREVIEW_FUZZ_PYBTEX_INPUTS", "200"))


def test_the_loader_keeps_what_pybtex_keeps_on_generated_files() -> None:
    rng = random.Random("bib-pybtex")
    for _ in range(INPUTS):
        text = plausible_bib(rng)
        run_target("bib-pybtex", text, lambda text=text: differential.bib_vs_pybtex(text))


def test_the_generator_covers_the_grammar() -> None:
    rng = random.Random(1)
    texts = "".join(plausible_bib(rng) for _ in range(200))
    for piece in ("@string{", "@preamble{", "@comment{", "crossref =", "xdata =", " # ", "\r\n", "\ufeff",
                  "family=", "\n@", "@IEEETRANBSTCTL", "("):
        assert piece.lower() in texts.lower(), piece
    assert any(0xDC80 <= ord(c) <= 0xDCFF for c in texts)  # Latin-1 bytes


GOOD = "@article{Doe2004,\n  title = {A {B} c},\n  author = {Doe, Jane},\n  year = 2004,\n}\n"


@pytest.mark.parametrize(("breakage", "expected"), [
    (lambda b: b.sources[:0], "refused"),
    (lambda b: tuple(replace(s, key="doe2004") for s in b.sources), "lost"),
    (lambda b: tuple(replace(s, type="book") for s in b.sources), "type"),
    (lambda b: tuple(replace(s, fields={**s.fields, "title": "A B c"}) for s in b.sources), "field"),
    (lambda b: tuple(replace(s, fields={**s.fields, "note": "x"}) for s in b.sources), "extra-field"),
    (lambda b: tuple(replace(s, authors=()) for s in b.sources), "person"),
])
def test_the_comparison_catches_a_loader_that_drops_or_changes_what_pybtex_keeps(
        monkeypatch: pytest.MonkeyPatch, breakage, expected: str) -> None:
    from litreview.bibliography import load

    real = load.load_bibliography

    def broken(path):
        bib = real(path)
        return Bibliography(breakage(bib), bib.problems, bib.file, bib.text)

    assert differential.disagreements(GOOD) == []
    monkeypatch.setattr(load, "load_bibliography", broken)
    found = differential.disagreements(GOOD)
    assert any(f.startswith(expected + ":") for f in found), found


def test_the_comparison_catches_a_finding_without_a_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from litreview.bibliography import load

    real = load.load_bibliography

    def shifted(path):
        bib = real(path)
        return Bibliography(bib.sources, tuple(replace(p, line=(p.line or 0) + 99) for p in bib.problems),
                            bib.file, bib.text)

    bad = GOOD + "@book{Doe2004, title = {Again}}\n"
    assert differential.disagreements(bad) == []
    monkeypatch.setattr(load, "load_bibliography", shifted)
    assert any(f.startswith("unlocated:") for f in differential.disagreements(bad))


def test_reading_with_pybtex_leaves_its_strict_mode_alone() -> None:
    """The loader relies on pybtex raising on names it cannot read; the comparison must not switch that off."""
    import pybtex.errors

    before = pybtex.errors.strict
    data, reported = differential.pybtex_reading("@book{a, author = {A, B, C, D}, title = {T}}\n@book{a, title={U}}")
    assert pybtex.errors.strict == before
    assert list(data.entries) == ["a"] and len(reported) == 2  # too many commas, repeated entry


@pytest.mark.timeout(30)
def test_a_macro_bomb_is_not_handed_to_pybtex() -> None:
    # Each line doubles ``a``: pybtex, which has no cap, would build a 2**60-character string. The
    # loader reports the bomb (LR100) and the comparison stops there (a campaign input hung on it).
    text = "@string{a = {x}}\n" + "@string{a = a # a}\n" * 60 + GOOD
    assert differential.disagreements(text) == []
