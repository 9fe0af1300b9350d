"""A manuscript's cross-references (Quarto's ``@fig-map``, pandoc-crossref's ``@fig:map``, bookdown's
``\\@ref(fig:map)``) as its tool prints them.

Quarto prints ``@fig-map`` as "Figure 1" and ``[-@fig-map]`` as "1", numbering each kind in the order its labels
are defined; pandoc-crossref prints ``@fig:map`` as "fig. 1", bookdown ``\\@ref(fig:map)`` as "1" (its figures are the
chunks with a caption). A label the text never defines reads "Figure ?".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..essay.cites import PANDOC_CROSSREF_KINDS, QUARTO_KINDS, crossref_kind, custom_crossrefs, is_crossref
from ..model import Essay

# Where a label is defined: a chunk option (``#| label: fig-x``) or an attribute (``{#fig-x}``, ``::: {#fig-x}``,
# ``{width=100% #fig-x}``: pandoc reads an attribute block's identifier wherever it stands in it).
_DEFINED = re.compile(r"^[ \t]*#\|[ \t]*label:[ \t]*[\"']?([A-Za-z][\w:-]*)"
                      r"|\{(?:[^{}\n]*?\s)?#([A-Za-z][\w:-]*)", re.MULTILINE)


# An R Markdown chunk that makes a figure bookdown numbers (```{r map, fig.cap = "..."}```), whose label
# ``\@ref(fig:map)`` refers to.
_FIGURE_CHUNK = re.compile(r"^[ \t]*```+[ \t]*\{r[ \t,]+(?:label[ \t]*=[ \t]*[\"']?)?([A-Za-z][\w-]*)[^}\n]*?"
                           r"\bfig\.cap[ \t]*=", re.MULTILINE)


def crossref_labels(essay: Essay) -> Callable[[str, bool], str | None]:
    """For a key and whether its prefix is suppressed (``[-@fig-x]``), what the manuscript prints for it, or
    None when the key is no cross-reference."""
    custom = custom_crossrefs(essay.meta)
    kinds = tuple(custom)
    prefixes = QUARTO_KINDS | custom
    numbers: dict[str, int] = {}
    counts: dict[str, int] = {}
    defined = [(m.start(), m.group(1) or m.group(2)) for m in _DEFINED.finditer(essay.body)]
    if "fig.cap" in essay.body:
        defined = sorted(defined + [(m.start(), f"fig:{m.group(1)}") for m in _FIGURE_CHUNK.finditer(essay.body)])
    for _, label in defined:
        kind = crossref_kind(label)
        if kind is not None and label not in numbers and is_crossref(label, kinds):
            counts[kind] = counts.get(kind, 0) + 1
            numbers[label] = counts[kind]

    def shown(key: str, suppress: bool) -> str | None:
        kind = crossref_kind(key)
        if kind is None or not is_crossref(key, kinds):
            return None
        folded = kind.casefold()
        pandoc_crossref = key[len(kind)] == ":"
        word = (PANDOC_CROSSREF_KINDS if pandoc_crossref else prefixes).get(folded)
        if word is None:
            return None
        if kind[:1].isupper() and pandoc_crossref:
            word = word[:1].upper() + word[1:]
        number = str(numbers.get(key, "?"))
        return number if suppress else f"{word} {number}"

    return shown
