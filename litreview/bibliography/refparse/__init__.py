"""Reference strings into fields: a CRF tagger trained on labelled references, the rule parser's
normalisers, and the fields the model is unsure of.

``parse_reference`` is the one entry; ``parse_reference_rules`` is the older rule parser, kept
for the cases where it measures better (see ``combine``) and for comparison in bench/.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # at run time __getattr__ loads these: a check imports the word lists, never the parsers
    from .doubt import Reading
    from .reference import ParsedReference
    from .rules import parse_reference as parse_reference_rules
    from .section import find_reference_section, reference_heading

#: the names this package lends from its modules, imported on first use
_LENT = {"ParsedReference": ("reference", "ParsedReference"),
         "parse_reference_rules": ("rules", "parse_reference"),
         "find_reference_section": ("section", "find_reference_section"),
         "reference_heading": ("section", "reference_heading")}


def __getattr__(name: str) -> Any:
    if name not in _LENT:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, attribute = _LENT[name]
    value = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
    globals()[name] = value
    return value


__all__ = ["ParsedReference", "find_reference_section", "parse_reference", "parse_reference_model",
           "parse_reference_rules", "parse_references", "reference_heading"]


def parse_reference_model(text: str, model: Path | None = None, threshold: float | None = None) -> ParsedReference:
    """The CRF's reading of one reference string (loads the model on first use)."""
    return _model_readings([text], model, threshold)[0]


def _model_readings(texts: list[str], model: Path | None = None, threshold: float | None = None,
                    norms: list[str] | None = None) -> list[ParsedReference]:
    """The CRF's readings of ``texts``: every string tagged, then every tagging assembled (see ``_readings``). ``norms``:
    the strings as ``rules.normalise`` gives them, when known."""
    from .assemble import THRESHOLD, assemble
    from .rules import normalise
    from .tagger import tag_all

    if norms is None:
        norms = [normalise(text) for text in texts]
    tagged = tag_all(norms, model)
    unsure = THRESHOLD if threshold is None else threshold
    return [assemble(text, norm, tokens, unsure) for text, norm, tokens in zip(texts, norms, tagged, strict=True)]


def parse_reference(text: str) -> ParsedReference:
    """Split one reference string into fields, marking the unsure ones; never raises on odd input."""
    return _read([text])[0]


#: strings read stage by stage at a time by ``parse_references`` (a bound on the readings held between stages)
BATCH = 256


def _read(texts: list[str], norms: list[str] | None = None) -> list[ParsedReference]:
    """Each string's reading, judged by the doubt model with ``texts`` as one list (see ``_readings``)."""
    from .doubt import judge_list

    return judge_list(_readings(texts, norms))


def _readings(texts: list[str], norms: list[str] | None = None) -> list[Reading]:
    """Each string's reading before the doubt model judges it: the CRF's and the rules', combined (``norms``: the
    strings as ``rules.normalise`` gives them, which both readings start from, when known), with both readings.

    Stage by stage over the list, not string by string: one stage's code and data (the model's weights, the
    feature tables) stay in the processor's caches from one string to the next, which parses a list about a
    sixth faster; each string's reading is the same either way (the stages are pure functions)."""
    from .combine import combine, values
    from .doubt import JUDGED
    from .rules import normalise, parse_normalised

    if norms is None:
        norms = [normalise(text) for text in texts]
    crfs = _model_readings(texts, norms=norms)
    rules = [parse_normalised(norm) for norm in norms]
    out: list[Reading] = []
    for crf, rule in zip(crfs, rules, strict=True):
        read = values(crf, JUDGED), values(rule, JUDGED)  # both readings' values, compared by both steps
        out.append((combine(crf, rule, read=read), crf, rule, read))
    return out


def parse_references(texts: list[str]) -> list[ParsedReference]:
    """Parse a list; "———." (same author as above) takes the previous entry's names. A list that prints names after
    the dash ("——, and Lars Wanhammar,") substitutes only the first name, as MHRA does: there the dash is the
    previous entry's first name, before the names printed after it."""
    paused = gc.isenabled()
    gc.disable()  # the parse leaves no reference cycles: the collector's passes over its short-lived tuples only cost
    try:
        return _parse_references(texts)
    finally:
        if paused:
            gc.enable()


def _parse_references(texts: list[str]) -> list[ParsedReference]:
    from .doubt import judge_list
    from .rules import REPEATED, co_authors, normalise

    out: list[ParsedReference] = []
    norms = [normalise(text) for text in texts]
    partial = any((m := REPEATED.match(n)) and co_authors(n, m.end()) for n in norms)
    # read a batch at a time; judged as one list, each field's printing set against the whole list's
    readings = judge_list([r for at in range(0, len(texts), BATCH) for r in _readings(texts[at:at + BATCH],
                                                                                      norms[at:at + BATCH])])
    for norm, ref in zip(norms, readings, strict=True):
        if (m := REPEATED.match(norm)) and out and out[-1].authors:
            co = co_authors(norm, m.end())
            first = out[-1].authors[:1] if partial else out[-1].authors
            ref = ref.replace(authors=(*first, *co[0]) if co else first,
                              et_al=co[1] if co else not partial and out[-1].et_al,
                              uncertain=(*tuple(u for u in ref.uncertain if u != "authors"), "authors"))
        out.append(ref)
    return out
