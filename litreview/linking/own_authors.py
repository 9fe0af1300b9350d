"""The manuscript's own authors, as its front matter names them: a sentence that names one of them in full (an
ORCID line, a correspondence address, a disclosure or funding statement) speaks of the writer, not of their work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..bibliography.csl_item import csl_name
from ..lazyre import lazy
from ..model import Source
from ..text import fold_words

_NOT_LETTERS = lazy(r"[\d\W_]+")


def own_author_names(meta: Mapping[str, Any]) -> frozenset[str]:
    """The full names ("given family", folded, marks such as "¹" left out) of the authors the front matter's
    ``author`` field names, in the forms pandoc and Quarto take: a name, a list of names, or of mappings with a
    ``name`` (a string, or ``given`` and ``family``); a name of one word is no full name and is left out."""
    names = set()
    for name in _names(meta.get("author")):
        words = [w for w in (_NOT_LETTERS.sub(" ", word).strip() for word in fold_words(name).split()) if w]
        if len(words) >= 2:
            names.add(" ".join(words))
    return frozenset(names)


def _names(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield from (part for part in re.split(r"\s+and\s+|;", value) if part.strip())
    elif isinstance(value, list):
        for item in value:
            yield from _names(item)
    elif isinstance(value, Mapping):
        name = value.get("name", value)
        if isinstance(name, str):
            yield name
        elif isinstance(name, Mapping):
            person = csl_name(name)[0]
            yield " ".join(part for part in (person.given, person.prefix, person.family) if part)


def names_own_author(evidence: str, source: Source | None, own: frozenset[str]) -> bool:
    """Whether ``evidence`` (the names an attribution read) names in full one of the manuscript's own authors
    (``own``: ``own_author_names``) who is an author of ``source``."""
    if source is None or not own:
        return False
    said = f" {' '.join(_NOT_LETTERS.sub(' ', fold_words(evidence)).split())} "
    families = {words[-1] for person in source.authors if (words := fold_words(person.family).split())}
    return any(f" {name} " in said and name.rsplit(" ", 1)[-1] in families for name in own)
