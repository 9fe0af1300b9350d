"""Differential testing against pandoc: generated Markdown and LaTeX manuscripts (pandoc_docs.py),
read by pandoc and by litreview, must cite the same keys, with each citation on its claim's lines.

A few hundred documents from fixed seeds run here, without the forms of the known gaps (keys holding
``pandoc_docs.MARKUP`` characters, unmatched emphasis before a key, ...: docs/guarantees.md); long runs,
with and without them: ``python bench/diff_pandoc.py``.
"""

from __future__ import annotations

import random

import pytest

from .pandoc_diff import Disagreement, compare, pandoc_path
from .pandoc_docs import generate

pytestmark = pytest.mark.fuzz

DOCS = {"markdown": 150, "latex": 70}  # about 6 s of CPU, pandoc and litreview together


@pytest.fixture(scope="module")
def pandoc() -> str:
    found = pandoc_path()
    if found is None:
        pytest.skip("pandoc (pypandoc-binary, in the test extra) is not installed")
    return found


@pytest.mark.parametrize("fmt", ["markdown", "latex"])
def test_generated_documents_cite_what_pandoc_cites(pandoc: str, fmt: str) -> None:
    rng = random.Random(f"pandoc-{fmt}")
    differ: list[tuple[str, Disagreement]] = []
    for _ in range(DOCS[fmt]):
        doc = generate(rng, fmt, edges=False)
        found = compare(doc, pandoc)
        differ += [(doc.text, d) for d in found or () if not d.known]
    assert not differ, f"{len(differ)} disagreements; the first: {differ[0][1]} in\n{differ[0][0]}"
