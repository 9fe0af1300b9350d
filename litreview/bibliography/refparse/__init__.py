"""Reference strings into fields: a CRF tagger trained on labelled references, the rule parser's
normalisers, and the fields the model is unsure of.

``parse_reference`` is the one entry; ``parse_reference_rules`` is the older rule parser, kept
for the cases where it measures better (see ``combine``) and for comparison in bench/.
"""

from __future__ import annotations

from pathlib import Path

from .reference import ParsedReference
from .rules import REPEATED, normalise
from .rules import parse_reference as parse_reference_rules
from .section import find_reference_section, reference_heading

__all__ = ["ParsedReference", "find_reference_section", "parse_reference", "parse_reference_model",
           "parse_reference_rules", "parse_references", "reference_heading"]


def parse_reference_model(text: str, model: Path | None = None, threshold: float | None = None) -> ParsedReference:
    """The CRF's reading of one reference string (loads the model on first use)."""
    from .assemble import THRESHOLD, assemble
    from .tagger import tag

    norm = normalise(text)
    return assemble(text, norm, tag(norm, model), THRESHOLD if threshold is None else threshold)


def parse_reference(text: str) -> ParsedReference:
    """Split one reference string into fields, marking the unsure ones; never raises on odd input."""
    from .combine import combine, values
    from .doubt import JUDGED, judge

    crf, rules = parse_reference_model(text), parse_reference_rules(text)
    read = values(crf, JUDGED), values(rules, JUDGED)  # both readings' values, compared by both steps
    return judge(combine(crf, rules, read=read), crf, rules, read=read)


def parse_references(texts: list[str]) -> list[ParsedReference]:
    """Parse a list; "———." (same author as above) takes the previous entry's names."""
    out: list[ParsedReference] = []
    for text in texts:
        ref = parse_reference(text)
        if REPEATED.match(normalise(text)) and out and out[-1].authors:
            ref = ref.replace(authors=out[-1].authors, et_al=out[-1].et_al,
                          uncertain=(*tuple(u for u in ref.uncertain if u != "authors"), "authors"))
        out.append(ref)
    return out
