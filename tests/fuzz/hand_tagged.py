"""Hand-made tagger output for the reference parser's relabelling rules: a test writes each token's label."""

from __future__ import annotations

from litreview.bibliography.refparse.features import tokenize
from litreview.bibliography.refparse.tagger import Tagged


def hand_tagged(text: str, marked: str) -> list[Tagged]:
    """``marked`` gives each token's label, "label?rival" where the model doubts it (0.6 sure); a bare label is sure."""
    tokens = tokenize(text)
    marks = marked.split()
    assert len(tokens) == len(marks)
    out = []
    for tok, mark in zip(tokens, marks, strict=True):
        label, _, rival = mark.partition("?")
        out.append(Tagged(tok, label, 0.6 if rival else 1.0, 0.0, 0.0, rival))
    return out
