"""Name lists as pybtex and biber read them, including biblatex's extended name format.

``family=Mello e Souza, given=André, prefix=de, useprefix=true`` is one name to biber; pybtex
sees "too many commas". A name made only of options (``useprefix=false``) sets options for
the list in biber and names no one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Person

_OPTION = re.compile(r"^\s*([A-Za-z][\w-]*)\s*=\s*(.*?)\s*$", re.S)
PARTS = {"family": "family", "last": "family", "given": "given", "first": "given", "middle": "middle",
         "prefix": "prefix", "von": "prefix", "suffix": "suffix", "jr": "suffix"}
"""Extended-format keys that name a part of the name (biber's data model, with its aliases)."""


def split_names(value: str) -> list[str]:
    """The names of an author/editor list, split at " and " outside braces (pybtex's rule)."""
    from pybtex.bibtex.utils import split_name_list

    return [name for name in split_name_list(value) if name.strip()]


_STRAY = re.compile(r"^(?:,|and|and\s.*|.*\sand)$", re.S)


def is_stray(name: str) -> bool:
    """Whether a listed name is the trace of an empty one ("and Kurt Cobain" from a leading "and", ",")."""
    return bool(_STRAY.match(name.strip()))


def _split_commas(name: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(name):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(name[start:i])
            start = i + 1
    parts.append(name[start:])
    return parts


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    if len(value) >= 2 and value[0] == "{" and value[-1] == "}":
        return value[1:-1]
    return value


def extended_name(name: str) -> dict[str, str] | None:
    """The parts of a name in biblatex's extended format; None when it is an ordinary name.

    A name whose every comma-separated part is ``key=value`` is in the extended format;
    the result may hold no name part at all (an options-only item such as ``useprefix=true``).
    """
    if "=" not in name:
        return None
    parts: dict[str, str] = {}
    for piece in _split_commas(name):
        match = _OPTION.match(piece)
        if not match:
            return None
        key, value = match.group(1).lower(), _unquote(match.group(2))
        parts[PARTS.get(key, key)] = value
    return parts


def person_from_parts(parts: dict[str, str], decode: Callable[[str], str]) -> Person | None:
    """A Person from extended-format parts (None for an options-only item)."""
    if not any(k in parts for k in ("family", "given")):
        return None
    given = " ".join(p for p in (parts.get("given", ""), parts.get("middle", "")) if p)
    return Person(family=decode(parts.get("family", "")), given=decode(given),
                  prefix=decode(parts.get("prefix", "")), suffix=decode(parts.get("suffix", "")))
