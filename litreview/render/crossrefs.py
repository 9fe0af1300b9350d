"""A manuscript's cross-references (Quarto's ``@fig-map``, pandoc-crossref's ``@fig:map``) as its tool prints them.

Quarto prints ``@fig-map`` as "Figure 1" and ``[-@fig-map]`` as "1", numbering each kind in the order its labels
are defined; pandoc-crossref prints ``@fig:map`` as "fig. 1". A label the text never defines reads "Figure ?".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ..essay.cites import crossref_kinds, is_crossref
from ..model import Essay

# Quarto's reserved kinds and the word it prints before the number.
_QUARTO = {"fig": "Figure", "tbl": "Table", "lst": "Listing", "sec": "Section", "eq": "Equation", "thm": "Theorem",
           "lem": "Lemma", "cor": "Corollary", "prp": "Proposition", "cnj": "Conjecture", "def": "Definition",
           "exm": "Example", "exr": "Exercise", "sol": "Solution", "rem": "Remark", "alg": "Algorithm",
           "prf": "Proof", "tip": "Tip", "nte": "Note", "wrn": "Warning", "imp": "Important", "cau": "Caution"}
# pandoc-crossref's default prefixes (figPrefix, tblPrefix, eqnPrefix, lstPrefix, secPrefix).
_CROSSREF = {"fig": "fig.", "tbl": "tbl.", "eq": "eq.", "lst": "lst.", "sec": "sec."}
# Where a label is defined: a chunk option (``#| label: fig-x``) or an attribute (``{#fig-x}``, ``::: {#fig-x}``).
_DEFINED = re.compile(r"^[ \t]*#\|[ \t]*label:[ \t]*[\"']?([A-Za-z][\w:-]*)|\{#([A-Za-z][\w:-]*)", re.MULTILINE)


def crossref_labels(essay: Essay) -> Callable[[str, bool], str | None]:
    """For a key and whether its prefix is suppressed (``[-@fig-x]``), what the manuscript prints for it, or
    None when the key is no cross-reference."""
    kinds = crossref_kinds(essay.meta)
    prefixes = dict(_QUARTO) | _custom_prefixes(essay.meta)
    numbers: dict[str, int] = {}
    counts: dict[str, int] = {}
    for m in _DEFINED.finditer(essay.body):
        label = m.group(1) or m.group(2)
        kind = _kind(label)
        if kind is not None and label not in numbers and is_crossref(label, kinds):
            counts[kind] = counts.get(kind, 0) + 1
            numbers[label] = counts[kind]

    def shown(key: str, suppress: bool) -> str | None:
        kind = _kind(key)
        if kind is None or not is_crossref(key, kinds):
            return None
        folded = kind.casefold()
        pandoc_crossref = key[len(kind)] == ":"
        word = (_CROSSREF if pandoc_crossref else prefixes).get(folded)
        if word is None:
            return None
        if kind[:1].isupper() and pandoc_crossref:
            word = word[:1].upper() + word[1:]
        number = str(numbers.get(key, "?"))
        return number if suppress else f"{word} {number}"

    return shown


def _kind(label: str) -> str | None:
    m = re.match(r"([A-Za-z][A-Za-z0-9_]*)[:-]", label)
    return m.group(1) if m else None


def _custom_prefixes(meta: Mapping[str, Any]) -> dict[str, str]:
    crossref = meta.get("crossref") if isinstance(meta, Mapping) else None
    custom = crossref.get("custom") if isinstance(crossref, Mapping) else None
    out: dict[str, str] = {}
    for kind in custom if isinstance(custom, list) else ():
        if isinstance(kind, Mapping) and isinstance(kind.get("key"), str):
            prefix = kind.get("reference-prefix")
            out[kind["key"].casefold()] = prefix if isinstance(prefix, str) and prefix else kind["key"]
    return out
