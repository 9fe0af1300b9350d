"""Tokens of a reference string and the features the sequence tagger sees for each.

Features follow anystyle's and GROBID's: the word itself, its shape and capitalisation, the
punctuation around it, where it stands in the string, whether it sits inside quotes or
parentheses, dictionary look-ups (months, ordinals, publisher and journal words, role words,
given names) and identifier patterns (DOI, URL, ISBN, year, page range). Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...doi import DOI_START
from . import lexicon as L

_WORD = re.compile(r"\S+")
_STRIP = "\"'“”‘’«»()[]{}<>.,;:!?*"
_QUOTE_MARKS = "“”\""
_OPENERS = "“\"‘«(["
_SHAPE = str.maketrans({c: "d" for c in "0123456789"})
_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)[a-z]?$")
_RANGE = re.compile(r"^[A-Za-z]?\d+\s*[-–—]+\s*[A-Za-z]?\d+$")
_ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$", re.I)
_DOI = re.compile(rf"(?:^|doi[:.]?|doi\.org/){DOI_START}|^10/[a-z0-9]+", re.I)
_URL = re.compile(r"^(?:<?https?://|<?www\.)", re.I)
_ISBN = re.compile(r"^(?:97[89][-\d]{10,14}|\d[-\d]{8,11}[\dXx])$")
_INITIAL = re.compile(r"^(?:[A-ZÀ-Þ]\.-?)+$|^[A-ZÀ-Þ][a-z]?\.$")


@dataclass(frozen=True, slots=True)
class Token:
    """One whitespace-separated word of a reference and where it is."""

    text: str
    """The word as printed, punctuation attached."""
    start: int
    """Offset of its first character in the (normalised) string."""
    end: int
    """Offset just past it."""


def tokenize(text: str) -> list[Token]:
    """Whitespace tokens, as anystyle's training material is labelled."""
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _shape(core: str) -> str:
    out: list[str] = []
    for c in core[:12]:
        s = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)


def _case(core: str) -> str:
    if not core:
        return "none"
    if core.isdigit():
        return "digits"
    if any(c.isdigit() for c in core):
        return "alnum"
    letters = [c for c in core if c.isalpha()]
    if not letters:
        return "symbol"
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "single"
    if letters[0].isupper():
        return "title"
    return "lower" if all(c.islower() for c in letters) else "mixed"


def _dictionary(lower: str, core_lower: str) -> list[str]:
    flags = []
    for name, words in (("month", L.MONTHS), ("ordinal", L.ORDINALS), ("publisher", L.PUBLISHER),
                        ("journal", L.JOURNAL), ("editor", L.EDITOR), ("translator", L.TRANSLATOR),
                        ("pages", L.PAGES), ("volume", L.VOLUME), ("number", L.NUMBER), ("in", L.IN),
                        ("accessed", L.ACCESSED), ("and", L.AND), ("thesis", L.THESIS), ("place", L.PLACE),
                        ("given", L.GIVEN)):
        if core_lower in words or lower in words:
            flags.append(name)
    return flags


def _token_features(word: str) -> dict[str, str]:
    core = word.strip(_STRIP)
    lower = word.lower()
    core_lower = core.lower()
    f = {
        "w": core_lower[:20] or word[:3],
        "shape": _shape(core),
        "case": _case(core),
        "p1": core_lower[:1], "p3": core_lower[:3], "s2": core_lower[-2:], "s3": core_lower[-3:],
        "lead": word[:1] if word[:1] in _STRIP else "",
        "trail": word[-1:] if word[-1:] in _STRIP else "",
        "trail2": word[-2:] if len(word) > 1 and word[-2] in _STRIP and word[-1] in _STRIP else "",
        "len": str(min(len(core), 8)),
    }
    kinds = []
    if _YEAR.match(core):
        kinds.append("year")
    if _RANGE.match(core):
        kinds.append("range")
    if _ROMAN.match(core) and len(core) < 6:
        kinds.append("roman")
    if _DOI.search(word):
        kinds.append("doi")
    if _URL.match(word):
        kinds.append("url")
    if _ISBN.match(core):
        kinds.append("isbn")
    if _INITIAL.match(core + "." if word.endswith(".") else core):
        kinds.append("initial")
    if core.isdigit():
        kinds.append("num")
    kinds.extend(_dictionary(lower.strip(",;:"), core_lower))
    f["kind"] = "|".join(kinds)
    return f


def _ends_part(word: str, kind: str) -> bool:
    return word.endswith((".", "?", "!", ".”", ".\"", "?”", ".’")) and "initial" not in kind


def _part_features(words: list[str], base: list[dict[str, str]]) -> list[list[str]]:
    """What the sentence-like part around each token holds (parts end at a closing period)."""
    out: list[list[str]] = []
    start = 0
    n = len(words)
    for i in range(n):
        if i + 1 == n or _ends_part(words[i], base[i]["kind"]):
            part = range(start, i + 1)
            kinds = " ".join(base[k]["kind"] for k in part)
            cases = [base[k]["case"] for k in part]
            size = len(part)
            info = [
                "plen:" + (str(size) if size < 6 else ("long" if size > 12 else "mid")),
                f"pdigit:{int(any(any(c.isdigit() for c in words[k]) for k in part))}",
                f"pyear:{int('year' in kinds)}",
                f"ppub:{int('publisher' in kinds)}",
                f"pjour:{int('journal' in kinds)}",
                f"pplace:{int('place' in kinds)}",
                f"pquote:{int(any(c in words[k] for k in part for c in _QUOTE_MARKS))}",
                f"pcolon:{int(any(words[k].endswith(':') for k in part))}",
                f"ptitle:{min(sum(1 for c in cases if c == 'title') * 4 // size, 3)}",
                f"plower:{min(sum(1 for c in cases if c == 'lower') * 4 // size, 3)}",
            ]
            for k in part:
                out.append([*info, f"pfirst:{int(k == start)}", f"plast:{int(k == i)}"])
            start = i + 1
    return out


_own = lru_cache(maxsize=65536)(_token_features)


@lru_cache(maxsize=65536)
def _own_strings(word: str) -> tuple[str, ...]:
    return tuple(f"{k}:{v}" for k, v in _own(word).items() if v)


@lru_cache(maxsize=65536)
def _neighbour_strings(word: str, tag: str) -> tuple[str, ...]:
    """What a token's neighbour ``tag`` (L, R, LL, RR) contributes to its features."""
    g = _own(word)
    out = [f"{tag}w:{g['w']}", f"{tag}shape:{g['shape']}"]
    if len(tag) == 1:
        out += [f"{tag}trail:{g['trail'] or '_'}", f"{tag}kind:{g['kind'] or '_'}", f"{tag}case:{g['case']}"]
    return tuple(out)


def sequence_features(tokens: list[Token]) -> list[list[str]]:
    """One list of ``name:value`` features per token (python-crfsuite's form of {name: value})."""
    words = [t.text for t in tokens]
    base = [_own(w) for w in words]
    parts = _part_features(words, base)
    n = len(words)
    out: list[list[str]] = []
    quote = paren = 0
    periods = 0  # sentence-closing periods seen so far: which "part" of the reference we are in
    seen_year = False
    for i, (word, f) in enumerate(zip(words, base, strict=True)):
        feats = [*_own_strings(word), *parts[i]]
        for c in word:
            if c in "“«" or (c == '"' and not quote):
                quote = 1
            elif c in "(":
                paren += 1
        feats.append(f"inq:{quote}")
        feats.append(f"inp:{min(paren, 1)}")
        feats.append(f"pos:{min(int(10 * i / n), 9)}")
        feats.append(f"part:{min(periods, 4)}")
        feats.append(f"after_year:{int(seen_year)}")
        if i == 0:
            feats.append("first:1")
        if i == n - 1:
            feats.append("last:1")
        for off, tag in ((-1, "L"), (1, "R"), (-2, "LL"), (2, "RR")):
            j = i + off
            feats.extend(_neighbour_strings(words[j], tag) if 0 <= j < n else (f"{tag}w:<edge>",))
        if i > 0:
            feats.append(f"w|Lw:{f['w']}|{base[i - 1]['w']}")
        for c in word:
            if c in "”»" or (c == '"' and quote and c != word[:1]):
                quote = 0
            elif c == ")":
                paren = max(0, paren - 1)
        if _ends_part(word, f["kind"]):
            periods += 1
        if "year" in f["kind"]:
            seen_year = True
        out.append(feats)
    return out
