"""biblatex ``shorthand``: an entry cited by a label of its own instead of its names and year.

With ``shorthand = {KpV}`` biblatex's author-year styles print "(KpV, 12)", "KpV, 12" or, with
``\\textcite``, "Kant (KpV)": no year at all. pandoc's citeproc ignores the field, so text
rendered by pandoc needs none of this. A shorthand is matched as written (case counts: "KU" is
not "ku"), as a whole word; outside parentheses only when it cannot be an ordinary word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..bibliography.latex import decode_latex
from ..lazyre import lazy
from . import terms
from .index import SourceIndex
from .text import fold, wordset

_LEAD = terms.PREFIXES | wordset("in and")
"""Words a citation may open with before the shorthand ("see KpV, 12", "in KrV"): a citation's prefixes and more."""
_LOCATOR = lazy(r"^\s*(?:[,:]\s*)?(?P<loc>(?:(?:pp?|chap|ch|sec|vol|fol|col|§)\.?\s*)?[\dIVXLCivxlc§][\w.,–\-\s§]*)?\s*$")
"""What may follow a shorthand inside its citation: nothing, or a locator ("12", "p. 12", "§ 4")."""
_BARE_LOCATOR = lazy(r"(?:,\s*|\s+|:\s*)(?:(?:pp?|chap|ch|sec|§)\.?\s*)?\d+(?:\s*[–\-]\s*\d+)?")
"""A locator right after a shorthand written in running text: "KpV 12", "KpV, p. 12"."""


@dataclass(frozen=True, slots=True)
class Shorthands:
    """The shorthands of a bibliography: as written -> keys, and one pattern that finds them all."""

    keys: dict[str, list[str]]
    pattern: re.Pattern[str] | None


def shorthands(index: SourceIndex) -> Shorthands:
    """The index's shorthands, computed once per index."""
    cached = index.__dict__.get("_shorthands")
    if cached is None:
        keys: dict[str, list[str]] = defaultdict(list)
        for key, source in index.sources.items():
            written = " ".join(decode_latex(source.field("shorthand")).split())
            if written:
                keys[written].append(key)
        ordered = sorted(keys, key=len, reverse=True)  # "RK4" before "RK"
        pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w\-])") if keys else None
        cached = index.__dict__["_shorthands"] = Shorthands(dict(keys), pattern)
    return cached


def in_segment(segment: str, index: SourceIndex) -> tuple[str, list[str], str] | None:
    """(shorthand, keys, locator) when one citation of a list is a shorthand: "see KpV, 12", "KU"."""
    found = shorthands(index)
    if found.pattern is None:
        return None
    match = found.pattern.search(segment)
    if match is None:
        return None
    lead = segment[:match.start()].replace(",", " ").split()
    if any(fold(w).strip(".") not in _LEAD for w in lead):
        return None
    after = _LOCATOR.match(segment[match.end():])
    if after is None:
        return None
    return match.group(), found.keys[match.group()], (after.group("loc") or "").strip().rstrip(",").strip()


def distinctive(shorthand: str) -> bool:
    """Whether running text can hold the shorthand only as a citation: "KpV", "KU", "RK4", not "Anony" or "E"."""
    return len(shorthand) >= 2 and any(ch.isupper() or ch.isdigit() for ch in shorthand[1:])


def in_text(text: str, index: SourceIndex) -> list[tuple[int, int, str, list[str], str]]:
    """(start, end, shorthand, keys, locator) of the shorthands written outside parentheses ("KpV 12")."""
    found = shorthands(index)
    if found.pattern is None:
        return []
    out = []
    for match in found.pattern.finditer(text):
        if not distinctive(match.group()) or _inside_parentheses(text, match.start()):
            continue
        locator = _BARE_LOCATOR.match(text, match.end())
        end = locator.end() if locator else match.end()
        loc = text[match.end():end].strip(" ,:") if locator else ""
        out.append((match.start(), end, match.group(), found.keys[match.group()], loc))
    return out


def _inside_parentheses(text: str, at: int) -> bool:
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)
