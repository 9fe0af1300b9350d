"""Documents named by identifier or institution: "Title 10 of the US Code", "a RAND report",
"the US Constitution"; matched to entries by title, container, publisher or number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Claim, Mention
from .attribution import FUNCTION
from .cited_letters import UNDECIDED
from .hits import Found, Hit
from .index import SourceIndex
from .text import STOPWORDS, canonical, content_stems, fold, wordset

_LEGAL = re.compile(
    r"\b(?:Title\s+(?P<title>\d+[A-Z]?)(?:\s+of\s+the\s+(?:U\.?\s?S\.?|United\s+States)\s+[Cc]ode)?"
    r"|(?P<usc>\d+)\s+U\.?\s?S\.?\s?C\.?)"
)
_ENTRY_TITLE_NO = re.compile(r"\bTitle\s+(\d+[A-Z]?)\b", re.I)
_REPORT = re.compile(
    r"(?P<inst>(?:[A-Z][\w&.\-]*\s+){0,4}?[A-Z][\w&.\-]*)\s+(?:[a-z][\w\-]*\s+){0,3}?"
    r"(?P<noun>report|study|working paper|paper|brief|memo|memorandum|survey|assessment|white paper|"
    r"analysis|review|guide|handbook)s?\b"
)
_DOCUMENT = re.compile(
    r"(?:[A-Z][\w.\-]*\s+(?:of\s+(?:the\s+)?)?){1,5}"
    r"(?:Constitution|Strategy|Treaty|Act|Convention|Charter|Code|Doctrine|Directive|Agreement|Accord|"
    r"Declaration|Resolution|Covenant|Statute)\b"
)
_GENERIC = wordset("""university press institute department center centre college school office of the and for in on
at publishers publishing books company inc ltd group international national""")


@dataclass
class ReferenceIndex:
    """Entries by legal title number and by words of their publisher or institution."""

    title_numbers: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    institutions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    titles: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def build_reference_index(index: SourceIndex) -> ReferenceIndex:
    out = ReferenceIndex()
    for key, s in index.sources.items():
        blob = " ".join((s.title, s.container, s.number, s.url))
        if re.search(r"code|u\.?s\.?c", blob, re.I):
            for m in _ENTRY_TITLE_NO.finditer(" ".join((s.title, s.container, s.number))):
                out.title_numbers[m.group(1).upper()].append(key)
        bodies = [s.publisher, s.field("institution"), s.field("organization")]
        bodies += [p.family for p in (*s.authors, *s.editors) if not p.given]
        for body in bodies:
            for phrase in _phrases(body):
                if key not in out.institutions[phrase]:
                    out.institutions[phrase].append(key)
        # A journal by its whole name ("a Scientific Data paper"), not by a word of it ("Data analysis").
        for phrase in _phrases(s.container, whole=True):
            if key not in out.institutions[phrase]:
                out.institutions[phrase].append(key)
        if s.title:
            out.titles[canonical(s.title)].append(key)
    return out


def _phrases(body: str, *, whole: bool = False) -> set[str]:
    """Word n-grams (up to 4) and the acronym of an institution's name; ``whole``: the name itself, not its n-grams."""
    words = canonical(body).split()
    out: set[str] = set()
    if whole and words:
        out.add(" ".join(words))
    for n in range(1, 5) if not whole else ():
        for i in range(len(words) - n + 1):
            gram = words[i:i + n]
            if gram[0] in _GENERIC or gram[-1] in _GENERIC or gram[0] in STOPWORDS:
                continue
            out.add(" ".join(gram))
    caps = [w[0] for w in re.findall(r"\b[A-Z][\w\-]*", body) if fold(w) not in ("of", "the", "and")]
    if len(caps) >= 2:
        out.add("".join(caps).lower())
    return out


def find_references(claims: Sequence[Claim], index: SourceIndex, rindex: ReferenceIndex,
                    covered: Found) -> Found:
    """Named documents in each claim, linked to the entries they identify."""
    found = Found()
    for claim in claims:
        text = claim.text
        spans: list[tuple[int, int]] = []
        for m in _LEGAL.finditer(text):
            number = (m.group("title") or m.group("usc")).upper()
            keys = rindex.title_numbers.get(number, [])
            spans.append((m.start(), m.end()))
            _emit(claim, m.group(), m.start(), keys, 0.95, index, found)
        for m in _REPORT.finditer(text):
            inst = _strip_function(m.group("inst"))
            if not inst or any(a <= m.start("inst") < b for a, b in spans):
                continue
            keys = rindex.institutions.get(canonical(inst), [])
            looks_institutional = (inst.isupper() and len(inst) >= 2) or len(inst.split()) >= 2
            if keys or looks_institutional:
                spans.append((m.start(), m.end()))
                inst_start = m.end("inst") - len(inst)
                _emit(claim, text[inst_start:m.end()], inst_start, keys, 0.85, index, found)
        for m in _DOCUMENT.finditer(text):
            name = _strip_function(m.group())
            start = m.end() - len(name)
            if not name or any(a <= start < b or a < m.end() <= b for a, b in spans):
                continue
            if covered.covered(claim.id, start, m.end()):
                continue
            keys = rindex.titles.get(canonical(name), [])
            spans.append((start, m.end()))
            _emit(claim, name, start, keys, 0.85, index, found)
    return found


def _strip_function(words: str) -> str:
    parts = words.split()
    while parts and fold(parts[0]) in FUNCTION:
        parts = parts[1:]
    return " ".join(parts)


def _emit(claim: Claim, text: str, at: int, keys: list[str], confidence: float,
          index: SourceIndex, found: Found) -> None:
    found.cover(claim.id, at, at + len(text))
    if not keys:
        found.mention(at, Mention(claim.id, "document", text, (), "no entry for this document"))
        return
    key, ambiguous = index.pick(keys, content_stems(claim.text))
    if not key:  # documents alike, and nothing in the sentence tells which: no link
        found.mention(at, Mention(claim.id, "document", text, tuple(dict.fromkeys(keys)), UNDECIDED))
        return
    found.mention(at, Mention(claim.id, "document", text, tuple(dict.fromkeys([key, *keys])),
                              index.sources[key].title))
    found.hits.append(Hit(claim.id, key, "reference", round(confidence * (0.8 if ambiguous else 1), 3),
                          text, at, at + len(text), ambiguous=ambiguous, confirmed=not ambiguous))
