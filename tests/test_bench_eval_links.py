"""``bench/eval_links.py``: predicted markers are counted in the paragraph the gold finds them in."""

from __future__ import annotations

import sys
from pathlib import Path

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_links import _paragraph_texts, _predicted_markers


def test_markers_are_placed_by_paragraph_even_after_a_front_matter() -> None:
    # A front matter's title and abstract are paragraphs numbered 0 and below: a marker must still be counted
    # in the paragraph whose text the gold rows are matched against (every marker was misplaced before).
    essay = parse_essay("---\ntitle: A Title\nabstract: An abstract.\n---\n\nFirst paragraph.\n\n"
                        "Alliances balance threats [@walt1987].\n", "e.md")
    bib = parse_bibliography("@book{walt1987, author={Walt, Stephen}, title={Origins}, year=1987}\n", "b.bib")
    texts = _paragraph_texts(essay)
    pred, unresolved, _ = _predicted_markers(essay, link(essay, bib))
    [(number, keys)] = pred.items()
    assert "Alliances balance threats" in texts[number - 1]
    assert (dict(keys), unresolved) == ({"walt1987": 1}, 0)
