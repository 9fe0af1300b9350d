"""Rendered references made to look like real, untidy ones: deterministic changes to their words,
each word keeping its label.

Rendered references are clean; real reference lists are often not: titles without quotes, commas where
a style puts stops, a field's closing stop dropped, a comma between place and publisher, a title in
sentence case or authors in capitals, "pp."/"vol."/"no." shortened or missing, a word split at a line's
hyphen or two words run together after a stop. ``messy`` applies such changes to a share of the
references, each decision drawn from a hash of the reference's text and the change's name (no random
state): the same references come out the same. Off in the shipped model: ``train.NOISE`` records what it
measured.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence

from ...locale_terms import quote_marks
from .corpus import Labelled

Words = list[tuple[str, str]]
"""(label, word) in order."""

_QUOTES = quote_marks("\"“„‘«‹")
_TITLES = {"title", "journal", "container", "collection"}
_PEOPLE = {"author", "editor", "translator"}
#: words among people's names left as they are when the names are put in capitals
_SMALL = frozenset({"and", "et", "al", "und", "y", "e", "de", "van", "von", "der", "den", "da", "du", "la", "le", "di",
                    "in", "ed", "eds", "editor", "editors"})
_CONNECTIVE = re.compile(r"^\(?(pp?|vol|no|nr|n|issue)\.?$", re.IGNORECASE)
_SHORT = {"pp": "p", "p": "p", "vol": "v", "no": "n", "nr": "n", "n": "n", "issue": "no"}


def _roll(key: str, name: str, i: int = 0) -> float:
    """A number in [0, 1) drawn from ``key``, ``name`` and ``i`` alone."""
    digest = hashlib.sha256(f"{key}\x1f{name}\x1f{i}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _unquote(words: Words, key: str) -> Words:
    """Quotation marks around titles dropped."""
    out: Words = []
    for label, w in words:
        if label in _TITLES:
            w = w.strip(_QUOTES) if w.strip(_QUOTES) else w
            w = re.sub(rf"[{_QUOTES}]+(?=[.,;:]*$)", "", w)
            w = re.sub(rf"^[{_QUOTES}]+", "", w)
        out.append((label, w))
    return out


def _ends(words: Words) -> list[int]:
    """Indexes of each field's last word (the label changes after it)."""
    return [i for i in range(len(words) - 1) if words[i][0] != words[i + 1][0]]


def _commas(words: Words, key: str) -> Words:
    """A stop or colon closing a field turned into a comma ("Paris, Gallimard")."""
    out = list(words)
    for i in _ends(words):
        label, w = out[i]
        if (re.search(r"[A-Za-z]{2}[.:]$", w) or (label == "location" and w.endswith(":"))) and (
                label == "location" or _roll(key, "commas", i) < 0.7):
            out[i] = (label, w[:-1].rstrip() + ",")
    return out


def _bare(words: Words, key: str) -> Words:
    """A field's closing punctuation dropped: two fields joined by a space only."""
    out = list(words)
    for i in _ends(words):
        label, w = out[i]
        if len(w) > 2 and w[-1] in ".,:;" and w[-2].isalnum() and _roll(key, "bare", i) < 0.5:
            out[i] = (label, w[:-1])
    return out


def _sentence_case(word: str, first: bool) -> str:
    core = re.sub(r"[^\w]", "", word)
    if first or not core or core.isupper() or not core[0].isupper() or any(c.isupper() for c in core[1:]):
        return word  # an acronym or a name with capitals inside ("McGraw") keeps them
    at = next(i for i, c in enumerate(word) if c.isalnum())
    return word[:at] + word[at].lower() + word[at + 1:]


def _case(words: Words, key: str) -> Words:
    """Titles in sentence case, or the people's family names in capitals (as ABNT prints them)."""
    if _roll(key, "case-which") < 0.5:
        seen: set[str] = set()
        out: Words = []
        for label, w in words:
            first = label not in seen or out[-1][1].endswith((":", "?", "."))
            seen.add(label)
            if label == "title":
                w = _sentence_case(w, first)
            out.append((label, w))
        return out
    return [(label, w.upper() if label in _PEOPLE and len(core := w.strip(".,;()")) > 1 and core.casefold() not in _SMALL
             else w) for label, w in words]


def _connectives(words: Words, key: str) -> Words:
    """"pp.", "vol.", "no." shortened ("p.", "v.", "n.") or dropped."""
    out: Words = []
    for i, (label, w) in enumerate(words):
        m = _CONNECTIVE.match(w.rstrip(",:"))
        if m and label in {"pages", "volume"} and i + 1 < len(words) and words[i + 1][0] == label:
            r = _roll(key, "connectives", i)
            if r < 0.5:
                continue
            w = w.replace(m.group(1), _SHORT[m.group(1).casefold()], 1) if r < 0.8 else w.replace(".", "")
        out.append((label, w))
    return out


def _ocr(words: Words, key: str) -> Words:
    """A long word split at a hyphen ("inter- national"), or the space after a stop lost inside a field."""
    out: Words = []
    for i, (label, w) in enumerate(words):
        r = _roll(key, "ocr", i)
        if label in _TITLES and len(w) >= 9 and w.isalpha() and r < 0.15:
            cut = len(w) // 2
            out += [(label, w[:cut] + "-"), (label, w[cut:])]
        elif out and out[-1][0] == label and out[-1][1].endswith(".") and len(out[-1][1]) <= 4 and r < 0.3:
            out[-1] = (label, out[-1][1] + w)  # "J.Smith", "Vol.12"
        else:
            out.append((label, w))
    return out


#: Each change by name, in the order applied; a messy reference gets each with probability ``EACH``.
KINDS: dict[str, Callable[[Words, str], Words]] = {
    "unquote": _unquote, "commas": _commas, "bare": _bare, "case": _case, "connectives": _connectives, "ocr": _ocr,
}
EACH = 0.4


def named(text: str) -> tuple[str, ...]:
    """The kinds named in ``text``, comma-separated ("connectives,ocr"), in ``KINDS``' order."""
    names = {n.strip() for n in text.split(",") if n.strip()}
    if unknown := sorted(names - set(KINDS)):
        raise ValueError(f"no such kind of noise: {', '.join(unknown)} (known: {', '.join(KINDS)})")
    if not names:
        raise ValueError(f"name at least one kind of noise (known: {', '.join(KINDS)})")
    return tuple(k for k in KINDS if k in names)


def messy(ref: Labelled, kinds: Sequence[str] = tuple(KINDS)) -> Labelled:
    """``ref`` with some of ``kinds`` applied (at least one), chosen by a hash of its text."""
    key = ref.text
    chosen = [k for k in kinds if _roll(key, k) < EACH] or [kinds[int(_roll(key, "one") * len(kinds))]]
    words, labels = ref.token_labels()
    seq: Words = list(zip(labels, words, strict=True))
    for kind in KINDS:
        if kind in chosen:
            seq = [(label, w) for label, w in KINDS[kind](seq, key) if w]
    segments: list[tuple[str, str]] = []
    for label, w in seq:
        if segments and segments[-1][0] == label:
            segments[-1] = (label, f"{segments[-1][1]} {w}")
        else:
            segments.append((label, w))
    return Labelled(tuple(segments))


def noisy(refs: Sequence[Labelled], share: float, kinds: Sequence[str] = tuple(KINDS),
          copies: bool = False) -> list[Labelled]:
    """``refs`` in order, about ``share`` of them (picked by a hash of each one's text) made messy; with
    ``copies``, each messy one joins its original (right after it) instead of replacing it."""
    if share <= 0:
        return list(refs)
    out: list[Labelled] = []
    for ref in refs:
        made = messy(ref, kinds) if _roll(ref.text, "share") < share else ref
        out += [ref, made] if copies and made != ref else [made]
    return out
