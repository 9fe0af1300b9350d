"""Property and fuzz tests: no input path raises anything but its documented error.

Each target takes mutated real files (see conftest.py) and must either succeed or refuse
with the error meant for users (a LitreviewError subclass carrying file and line).
"""

from __future__ import annotations

import random

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from litreview.errors import LitreviewError

from . import targets
from .conftest import FUZZ, mutated, run_target
from .mutate import seeds

pytestmark = pytest.mark.fuzz


@FUZZ
@given(mutated(seeds("bib")))
@example("@article{k, title={A}, url={https://[x}, pages={" + "1" * 5000 + "}, year=2000}\n")
@example("@book{k, title={" + "a" * 20_000 + "., b}, author={A, B}, year=2000}\n")
def test_bibliography_loader_and_checks(text: str) -> None:
    run_target("bib", text, lambda: targets.bib(text), (LitreviewError,))


@FUZZ
@given(st.one_of(mutated(seeds("refs"), max_ops=4), st.text(max_size=300)))
@example("Holsti, K. J. Taming the {Sovereigns. Cambridge UP, 2004.")
@example("Holsti, K. J. Taming the Sovereigns} and more. Cambridge UP, 2004.")
@example("Nguyen, T. H. (2019). Tidal wetlands. Estuarine Studies, 42(3), 215–230. https://doi.org/10.5555/es.\\{20")
@example("Smith, J. 2001. A title.\n" + "d’" * 20_000 + "\nJones, K. 2002. Other\n" + "a." * 20_000 + "\nBrown, L.")
def test_importer_round_trip(text: str) -> None:
    """A parsed reference always becomes BibTeX that the loader reads without a syntax error."""
    run_target("import", text, lambda: targets.import_round_trip(text), (LitreviewError,))


@FUZZ
@given(mutated(seeds("essay")))
@example("---\na: &a [x, x]\nb: [*a, *a]\n---\n\nA sentence.\n")
@example("---\n" + "[" * 1000 + "]" * 1000 + "\n---\n\nA sentence.\n")
def test_essay_reader(text: str) -> None:
    run_target("essay", text, lambda: targets.essay(text), (LitreviewError,))


@FUZZ
@given(mutated(seeds("yaml")))
@example("links: " + "[" * 1000 + "]" * 1000 + "\n")
@example("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n")
def test_claims_reader(text: str) -> None:
    run_target("claims", text, lambda: targets.claims(text), (LitreviewError,))


#: The readers that write a file and resolve includes cost more per input: fewer examples keep each test near
#: the others' time (the campaign, bench/fuzz.py, runs them at length).
FEW = settings(FUZZ, max_examples=max(10, FUZZ.max_examples // 5))


@pytest.mark.parametrize("name", ["essay-qmd", "essay-rmd", "latex"])
def test_manuscript_readers(name: str) -> None:
    target = targets.TARGETS[name]

    @FEW
    @given(st.randoms(use_true_random=False))
    def run(rng) -> None:
        text = target.make(rng)
        run_target(name, text, lambda: target.run(text), target.allowed)

    run()


@FUZZ
@given(st.randoms(use_true_random=False))
def test_csl_bibliography_reader(rng) -> None:
    text = targets.TARGETS["csl"].make(rng)
    run_target("csl", text, lambda: targets.csl(text), (LitreviewError,))


@FUZZ
@given(st.randoms(use_true_random=False))
@example(random.Random(0))
def test_csl_style_reader(rng) -> None:
    text = targets.TARGETS["csl-style"].make(rng)
    run_target("csl-style", text, lambda: targets.csl_style(text))
