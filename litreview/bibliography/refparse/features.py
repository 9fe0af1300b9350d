"""Tokens of a reference string and the features the sequence tagger sees for each.

Features follow anystyle's and GROBID's: the word itself, its shape and capitalisation, the
punctuation around it, where it stands in the string, whether it sits inside quotes or
parentheses, dictionary look-ups (months, ordinals, publisher and journal words, role words,
given names) and identifier patterns (DOI, URL, ISBN, year, page range). Pure functions.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from itertools import groupby
from typing import NamedTuple

from ...doi import DOI_START
from ..dates import COMMON_YEAR
from . import lexicon as L

_STRIP = "\"'“”‘’«»()[]{}<>.,;:!?*"
_QUOTE_MARKS = "“”\""
_OPENERS = "“\"‘«(["
_YEAR = re.compile(rf"^{COMMON_YEAR}[a-z]?$")
_RANGE = re.compile(r"^[A-Za-z]?\d+\s*[-–—]+\s*[A-Za-z]?\d+$")
_ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$", re.I)
#: every character ``_ROMAN`` can match (re.I folds the Turkish dotted and dotless i into i too)
_ROMAN_LETTERS = "ivxlcdmIVXLCDM\u0130\u0131"
_DOI = re.compile(rf"(?:^|doi[:.]?|doi\.org/){DOI_START}|^10/[a-z0-9]+", re.I)
_URL = re.compile(r"^(?:<?https?://|<?www\.)", re.I)
_ISBN = re.compile(r"^(?:97[89][-\d]{10,14}|\d[-\d]{8,11}[\dXx])$")
_INITIAL = re.compile(r"^(?:[A-ZÀ-Þ]\.-?)+$|^[A-ZÀ-Þ][a-z]?\.$")


class Token(NamedTuple):
    """One whitespace-separated word of a reference and where it is."""

    text: str
    """The word as printed, punctuation attached."""
    start: int
    """Offset of its first character in the (normalised) string."""
    end: int
    """Offset just past it."""


def tokenize(text: str) -> list[Token]:
    """Whitespace tokens, as anystyle's training material is labelled."""
    out = []
    new, find = tuple.__new__, text.find  # Token(...) without its Python-level __new__
    end = 0
    for word in text.split():  # str.split and the regex \s agree on what whitespace is
        start = find(word, end)
        end = start + len(word)
        out.append(new(Token, (word, start, end)))
    return out


_SHAPE_OF = str.maketrans({**{c: "X" for c in string.ascii_uppercase}, **{c: "x" for c in string.ascii_lowercase},
                           **{c: "d" for c in string.digits}})


@lru_cache(maxsize=4096)  # few distinct class strings: each collapsed and encoded once
def _shape_features(classes: str) -> tuple[bytes, ...]:
    """The shape features of a word's character classes: its own ("" for no character), then the ones it
    gives the tokens around it (L, R, LL, RR). The classes of "Smith-Jones" are "Xxxxx-Xxxxx" (each
    character's class, its own self if not a letter or digit): its shape is "Xx-Xx", runs collapsed."""
    sf = b"shape:" + "".join([k for k, _ in groupby(classes)]).encode()
    return (sf if classes else b""), b"L" + sf, b"R" + sf, b"LL" + sf, b"RR" + sf


@lru_cache(maxsize=1024)  # few distinct kinds
def _kind_features(kind: str) -> tuple[bytes, bytes, bytes]:
    """The kind features of a word: its own ("" for none), then the ones it gives the tokens either side."""
    kf = b"kind:" + (kind.encode() or b"_")
    return (kf if kind else b""), b"L" + kf, b"R" + kf


def _case(core: str) -> str:
    if not core:
        return "none"
    if core.isdigit():
        return "digits"
    if core.isalpha():  # the common case: letters only, no digit to look for
        if core.isascii():  # every letter has a case: the string's own tests ask what the loops below do
            if core.isupper():
                return "upper" if len(core) > 1 else "single"
            return "title" if core[0].isupper() else "lower" if core.islower() else "mixed"
        letters: str | list[str] = core
    elif any(map(str.isdigit, core)):
        return "alnum"
    else:
        letters = [c for c in core if c.isalpha()]
        if not letters:
            return "symbol"
    if all(map(str.isupper, letters)):
        return "upper" if len(letters) > 1 else "single"
    if letters[0].isupper():
        return "title"
    return "lower" if all(map(str.islower, letters)) else "mixed"


_LEXICONS = (("month", L.MONTHS), ("ordinal", L.ORDINALS), ("publisher", L.PUBLISHER),
             ("journal", L.JOURNAL), ("editor", L.EDITOR), ("translator", L.TRANSLATOR),
             ("pages", L.PAGES), ("volume", L.VOLUME), ("number", L.NUMBER), ("in", L.IN),
             ("accessed", L.ACCESSED), ("and", L.AND), ("thesis", L.THESIS), ("place", L.PLACE),
             ("given", L.GIVEN))
#: word -> the lexicons that hold it, in the order of _LEXICONS (one look-up per word instead of one per lexicon)
_IN_LEXICON: dict[str, tuple[str, ...]] = {}
for _name, _words in _LEXICONS:
    for _w in _words:
        _IN_LEXICON[_w] = (*_IN_LEXICON.get(_w, ()), _name)


def _dictionary(lower: str, core_lower: str) -> tuple[str, ...]:
    a, b = _IN_LEXICON.get(core_lower), _IN_LEXICON.get(lower)
    if b is None or a == b:  # most words: the word and its core are one, or only the core is listed
        return a or ()
    if a is None:
        return b
    return tuple(name for name, _ in _LEXICONS if name in a or name in b)


def _kind(word: str, core: str, lower: str, core_lower: str, case: str) -> str:
    kinds = []
    if case == "digits" or case == "alnum":  # the cheap tests first: each of these patterns needs a digit, "10" ...
        if _YEAR.match(core):
            kinds.append("year")
        if _RANGE.match(core):
            kinds.append("range")
    if len(core) < 6 and not core.strip(_ROMAN_LETTERS) and _ROMAN.match(core):
        kinds.append("roman")
    if "10" in word and _DOI.search(word):
        kinds.append("doi")
    dotted = "." in word  # the period of "www.", of an initial's forms and of a word that ends with one
    # the only first letters the pattern takes, and "://" or the period of "www." in the word
    if word[0] in "<hHwW" and (dotted or "://" in word) and _URL.match(word):
        kinds.append("url")
    if case == "digits" or case == "alnum":
        if _ISBN.match(core):
            kinds.append("isbn")
        if case == "digits":  # core.isdigit()
            kinds.append("num")
        found = _dictionary(lower.strip(",;:"), core_lower)
        return "|".join([*kinds, *found]) if kinds else "|".join(found)
    if dotted and _INITIAL.match(core + "." if word.endswith(".") else core):  # each of its forms needs a period
        kinds.append("initial")
    found = _dictionary(lower.strip(",;:"), core_lower)
    if not kinds:
        return found[0] if len(found) == 1 else "|".join(found)
    return "|".join([*kinds, *found])


#: the word ends its part (a closing period, unless it closes an initial)
_PART_END = (".", "?", "!", ".”", ".\"", "?”", ".’")


_QUOTE_SET = frozenset(_QUOTE_MARKS)
_MARKS = frozenset("“«\"()”»")


class _Word(NamedTuple):
    """What the sequence loop needs of one word, computed once per distinct word (features as UTF-8)."""

    own: tuple[bytes, ...]
    pair: bytes
    """The head of the word-pair feature of this word and the one before it ("w|Lw:word|")."""
    w: bytes
    kind: str
    title: bool
    lower: bool
    flags: int
    """What the word adds to its part's flags (``_PART_FLAGS``: a digit, a year, ... as bits)."""
    year: bool
    ends: bool
    marks: bool
    left: tuple[bytes, ...]
    """What the word gives the features of the token after it (and R, LL, RR: before it, two after, two before)."""
    right: tuple[bytes, ...]
    left2: tuple[bytes, ...]
    right2: tuple[bytes, ...]


@lru_cache(maxsize=65536)
def _word(word: str) -> _Word:
    core = word.strip(_STRIP)
    core_lower = core.lower()
    w = core_lower[:20] or word[:3]
    head = core[:12]  # the shape: the first characters' classes
    classes = head.translate(_SHAPE_OF) if head.isascii() else "".join(
        ["X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in head])
    sf, lsf, rsf, llsf, rrsf = _shape_features(classes)
    case = _case(core)
    digit = case == "digits" or case == "alnum"  # a digit anywhere: the stripped marks hold none
    kind = _kind(word, core, core_lower if len(core) == len(word) else word.lower(), core_lower, case)
    first, last = word[0], word[-1]
    trail = last if last in _STRIP else ""
    # "name:value" for each feature with a value, in the order the model was trained with, UTF-8 encoded
    wb = w.encode()
    wf = b"w:" + wb
    cf, lcf, rcf = _CASE[case]
    own = [wf, sf, cf] if sf else [wf, cf]
    if core_lower:
        if core_lower.isascii():  # a byte is a character: slice the encoded word
            lb = core_lower.encode()
            own += (b"p1:" + lb[:1], b"p3:" + lb[:3], b"s2:" + lb[-2:], b"s3:" + lb[-3:])
        else:
            own += (b"p1:" + core_lower[:1].encode(), b"p3:" + core_lower[:3].encode(),
                    b"s2:" + core_lower[-2:].encode(), b"s3:" + core_lower[-3:].encode())
    if first in _STRIP:
        own.append(_LEAD[first])
    tf, ltf, rtf = _TRAIL[trail or "_"]
    if trail:
        own.append(tf)
    if len(word) > 1 and word[-2] in _STRIP and trail:
        own.append(b"trail2:" + word[-2:].encode())
    own.append(_LEN[min(len(core), 8)])
    kf, lkf, rkf = _kind_features(kind)
    if kf:
        own.append(kf)
    flags = digit | (not _QUOTE_SET.isdisjoint(word)) << 5 | (last == ":") << 6
    year = ends = False
    if kind:  # most words have none
        year = "year" in kind
        flags |= year << 1 | ("publisher" in kind) << 2 | ("journal" in kind) << 3 | ("place" in kind) << 4
    if last in _STRIP and word.endswith(_PART_END):
        ends = "initial" not in kind
    return tuple.__new__(_Word, (  # _Word(...) without its Python-level __new__
        tuple(own), b"w|Lw:" + wb + b"|", wb, kind, case == "title", case == "lower", flags,
        year, ends, not _MARKS.isdisjoint(word),
        (b"L" + wf, lsf, ltf, lkf, lcf), (b"R" + wf, rsf, rtf, rkf, rcf), (b"LL" + wf, llsf), (b"RR" + wf, rrsf)))


_LEN = [f"len:{k}".encode() for k in range(9)]
#: a word's own feature, then the ones it gives the tokens after and before it ("Lcase:title", "Rcase:title")
_CASE = {case: (f"case:{case}".encode(), f"Lcase:{case}".encode(), f"Rcase:{case}".encode())
         for case in ("none", "digits", "alnum", "symbol", "upper", "single", "title", "lower", "mixed")}
_TRAIL = {c: (f"trail:{c}".encode(), f"Ltrail:{c}".encode(), f"Rtrail:{c}".encode()) for c in _STRIP + "_"}
_LEAD = {c: f"lead:{c}".encode() for c in _STRIP}


def _part_info(flags: int, title: int, lower: int, size: int) -> tuple[bytes, ...]:
    """What the sentence-like part around a token holds (parts end at a closing period): its words'
    ``flags`` OR-ed, how many are in title case and in lower case, how many there are."""
    return (
        _PLEN[size] if size < 6 else (_PLEN_LONG if size > 12 else _PLEN_MID),
        *_part_flags(flags), _PTITLE[min(title * 4 // size, 3)], _PLOWER[min(lower * 4 // size, 3)],
    )


#: the part features a word's flags stand for, one bit each from the lowest
_PART_FLAGS = ("pdigit", "pyear", "ppub", "pjour", "pplace", "pquote", "pcolon")


@lru_cache(maxsize=128)
def _part_flags(flags: int) -> tuple[bytes, ...]:
    return tuple(_FLAG[name][flags >> bit & 1] for bit, name in enumerate(_PART_FLAGS))


# the features that are not a word's own, encoded once
_FLAG = {name: (f"{name}:0".encode(), f"{name}:1".encode())
         for name in _PART_FLAGS}
_PLEN, _PLEN_LONG, _PLEN_MID = [f"plen:{k}".encode() for k in range(6)], b"plen:long", b"plen:mid"
_PTITLE, _PLOWER = [f"ptitle:{k}".encode() for k in range(4)], [f"plower:{k}".encode() for k in range(4)]
_EDGE = {tag: (f"{tag}w:<edge>".encode(),) for tag in ("L", "R", "LL", "RR")}
_POS = [f"pos:{k}".encode() for k in range(10)]
_PART = [f"part:{k}".encode() for k in range(5)]
_FIRST, _LAST, _FIRST_LAST = (b"first:1",), (b"last:1",), (b"first:1", b"last:1")
_PFIRST, _PLAST, _INQ, _INP, _AFTER_YEAR = (
    (f"{name}:0".encode(), f"{name}:1".encode()) for name in ("pfirst", "plast", "inq", "inp", "after_year"))


def sequence_features(tokens: list[Token]) -> list[list[bytes]]:
    """One list of ``name:value`` features per token, UTF-8 encoded (python-crfsuite's form of
    {name: value}, which it would otherwise encode itself at each token)."""
    words = [t[0] for t in tokens]
    info = [_word(w) for w in words]
    n = len(words)
    if not n:
        return []
    # one pass over the parts: each ends at a closing period (or the end of the string)
    parts: list[tuple[bytes, ...]] = []
    start = flags = title = lower = 0
    for i, x in enumerate(info):
        flags |= x.flags
        title += x.title
        lower += x.lower
        if x.ends or i + 1 == n:
            size = i + 1 - start
            parts += [_part_info(flags, title, lower, size)] * size
            start = i + 1
            flags = title = lower = 0
    # what the neighbours give each token, looked up once per word
    edge_l, edge_r, edge_ll, edge_rr = _EDGE["L"], _EDGE["R"], _EDGE["LL"], _EDGE["RR"]
    lefts = [edge_l, *[x.left for x in info[:-1]]]
    rights = [*[x.right for x in info[1:]], edge_r]
    lefts2 = [edge_ll, edge_ll, *[x.left2 for x in info[:-2]]]
    rights2 = [*[x.right2 for x in info[2:]], edge_rr, edge_rr]
    ends: list[tuple[bytes, ...]] = [()] * n  # "first:1" and "last:1" where they apply
    ends[0], ends[-1] = _FIRST, (_FIRST_LAST if n == 1 else _LAST)
    out: list[list[bytes]] = []
    quote = paren = 0
    periods = 0  # sentence-closing periods seen so far: which "part" of the reference we are in
    # the features that change only at a quote, a bracket, a closing period or a year
    inq, inp, part, after_year = _INQ[0], _INP[0], _PART[0], _AFTER_YEAR[0]
    first = True  # the token opens its part
    previous = b""
    # not strict: a one-word string has two edges on either side for one token
    for i, (x, word, info_part, left, right, left2, right2, end) in enumerate(
            zip(info, words, parts, lefts, rights, lefts2, rights2, ends, strict=False)):
        if x.marks:
            for c in word:
                if c in "“«" or (c == '"' and not quote):
                    quote = 1
                elif c in "(":
                    paren += 1
            inq, inp = _INQ[quote], _INP[paren > 0]
        last = x.ends or i + 1 == n
        feats = [*x.own, *info_part, _PFIRST[first], _PLAST[last], inq, inp, _POS[int(10 * i / n)], part,
                 after_year, *end, *left, *right, *left2, *right2]  # i < n: pos 0-9
        if i:
            feats.append(x.pair + previous)
        first = last
        if x.marks:
            for c in word:
                if c in "”»" or (c == '"' and quote and c != word[:1]):
                    quote = 0
                elif c == ")":
                    paren = max(0, paren - 1)
            inq, inp = _INQ[quote], _INP[paren > 0]
        if x.ends:
            periods += 1
            part = _PART[min(periods, 4)]
        if x.year:
            after_year = _AFTER_YEAR[1]
        previous = x.w
        out.append(feats)
    return out
