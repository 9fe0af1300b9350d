"""Citation keys by a configurable pattern, like Better BibTeX: ``holsti2004taming``.

The default pattern ``{family}{year}{word}`` is the first author's family name, the
year and the first significant word of the title, folded to ASCII lower case; a
collision gets a, b, c... appended.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Collection, Sequence
from functools import lru_cache

from ..errors import ConfigError
from ..lazyre import lazy
from ..model import Person
from ..text import DIGIT_LOOKALIKES, fold_alnum, fold_ascii
from .bibtex import NAME, key_suffix
from .dates import COMMON_YEAR

DEFAULT_PATTERN = "{family}{year}{word}"
PLACEHOLDERS = ("family", "year", "word", "words2", "words3", "authors2")
# Articles, prepositions and conjunctions skipped when choosing the title word (Better BibTeX's
# list, less "toward(s)" which begins many titles worth keying on).
_STOPWORD_TEXT = """
a ab aboard about above across after against al along amid among an and anti around as at before
behind below beneath beside besides between beyond but by d da das de del dell della delle dem den
der des despite di die do down du during ein eine einem einen einer eines el en et except for from
gli i il in inside into is l la las le les like lo los near nor of off on onto or over past per plus
round save since so some sur than the through to un una unas uno unos under underneath une unlike
until up upon versus via von while with within without yet zu zum
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_NOT_IN_KEY = lazy(r"[^a-z0-9:_\-]+")
_WORDS = lazy(r"[^\W_]+")


def significant_words(title: str) -> list[str]:
    """The title's words without stopwords, folded: 'The Anarchical Society' -> ['anarchical', 'society']."""
    # "U.S." is one word, "O'Brien" too.
    text = title.replace(".", "").replace("'", "").replace("’", "")
    words = (fold_ascii(w) for w in _WORDS.findall(text))
    return [w for w in words if w and w not in STOPWORDS]


def key_parts(people: Sequence[Person], year: int | str | None, title: str) -> dict[str, str]:
    """The values the placeholders stand for."""
    words = significant_words(title)
    families = [fold_ascii(p.family) for p in people if fold_ascii(p.family)]
    if families:
        family = families[0]
    else:
        # No author or editor: the title's first word stands in, as in Chicago's title-first entries.
        family, words = (words[0], words[1:]) if words else ("anon", words)
    return {
        "family": family,
        "year": str(year) if year else "",
        "word": words[0] if words else "",
        "words2": "".join(words[:2]),
        "words3": "".join(words[:3]),
        "authors2": "".join(families[:2]) or family,
    }


def check_pattern(pattern: str) -> None:
    """Raise ConfigError unless the pattern uses only the known placeholders."""
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(pattern) if name is not None]
    except ValueError as exc:
        raise ConfigError(f"key_pattern {pattern!r} is malformed: {exc}",
                          hint=f"use placeholders such as {DEFAULT_PATTERN}") from None
    # A format spec or conversion ({family:>99999999999}, {year!r}) is no part of a key, and a width
    # asks for as many bytes as it says.
    formatted = [f"{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}"
                 for name, spec, conv in fields if spec or conv]
    if formatted:
        raise ConfigError(f"key_pattern {pattern!r} formats a placeholder ({formatted[0]}): placeholders take no "
                          "format or conversion", hint=f"write the placeholders bare, e.g. {DEFAULT_PATTERN}")
    names = [name for name, _, _ in fields]
    unknown = [n for n in names if n not in PLACEHOLDERS]
    if unknown or not names:
        raise ConfigError(f"key_pattern {pattern!r} uses unknown placeholders {unknown}" if unknown
                          else f"key_pattern {pattern!r} has no placeholder",
                          hint="known: " + ", ".join("{" + p + "}" for p in PLACEHOLDERS))


def make_key(people: Sequence[Person], year: int | str | None, title: str, existing: Collection[str],
             pattern: str = DEFAULT_PATTERN) -> str:
    """A key by ``pattern`` that no entry in ``existing`` has (keys compare case-insensitively)."""
    check_pattern(pattern)
    base = _NOT_IN_KEY.sub("", pattern.format(**key_parts(people, year, title)).lower()) or "entry"
    taken = {k.casefold() for k in existing}
    if base not in taken:
        return base
    for n in range(1, 10_000):
        candidate = base + key_suffix(n)
        if candidate not in taken:
            return candidate
    raise ValueError(f"no free key for {base!r}")  # pragma: no cover - 10,000 collisions



def near_key(key: str, keys: Sequence[str]) -> str | None:
    """The one entry key ``key`` is a slip of (``Epstien1996`` for ``Epstein1996``), or None.

    Keys are compared folded (case and punctuation ignored: ``epstein_1996`` is ``Epstein1996``); failing that,
    with a letter that looks like a digit taken for it (``kabir2O10`` for ``kabir2010``: ``DIGIT_LOOKALIKES``; not a
    letter for a letter, ``bai2010`` for ``bal2010``); failing that, one letter added, dropped, changed or two
    swapped, where the key has 5 letters or more besides its digits and the digits are the same (another year is
    more often another work). None when no key or several are that near. Cheap on large bibliographies: keys are grouped once, and only the few groups a near key can
    be in are compared.
    """
    folded = fold_alnum(key)
    if not folded:
        return None
    groups, digits = _near_groups(tuple(keys)), re.sub(r"\D", "", folded)
    same = {k for k, f in groups.get((digits, "^" + folded[0], len(folded)), ()) if f == folded and k != key}
    if not same:
        same = {k for k in _by_look(tuple(keys)).get(folded.translate(DIGIT_LOOKALIKES), ())
                if k != key and _digit_for_letter(folded, fold_alnum(k))}
    if same or sum(not c.isdigit() for c in folded) < 5:
        return next(iter(same)) if len(same) == 1 else None
    # One edit leaves the first letter or the last one where it was (the word is longer than 2).
    near = {k for end in ("^" + folded[0], "$" + folded[-1]) for n in (-1, 0, 1)
            for k, f in groups.get((digits, end, len(folded) + n), ()) if _one_edit(folded, f)}
    return next(iter(near)) if len(near) == 1 else None


def other_year(key: str, keys: Sequence[str]) -> str | None:
    """The one entry key that is ``key`` with other digits (``Wiggins2017marco`` for ``Wiggins2015marco``): the
    year mistyped, or another work of the same author; None when the key has no digits, or no key or several
    are so. ``near_key`` leaves these out, as a slip; the hint names it as another year's entry."""
    folded = fold_alnum(key)
    letters = re.sub(r"\d", "", folded)
    if letters == folded or len(letters) < 3:
        return None
    same = [k for k in _by_letters(tuple(keys)).get(letters, ()) if fold_alnum(k) != folded]
    return same[0] if len(same) == 1 else None


@lru_cache(maxsize=2)
def _by_letters(keys: tuple[str, ...]) -> dict[str, list[str]]:
    """The keys that hold digits, by their folded letters (the digits taken out)."""
    groups: dict[str, list[str]] = {}
    for k in keys:
        folded = fold_alnum(k)
        letters = re.sub(r"\d", "", folded)
        if letters != folded:
            groups.setdefault(letters, []).append(k)
    return groups


def _digit_for_letter(a: str, b: str) -> bool:
    """Whether folded keys that look alike differ only where one of them has a digit (``kabir2o10`` and
    ``kabir2010``, not ``bai2010`` and ``bal2010``: a letter for a letter is another name)."""
    return all(x == y or x.isdigit() or y.isdigit() for x, y in zip(a, b, strict=True))


@lru_cache(maxsize=2)
def _by_look(keys: tuple[str, ...]) -> dict[str, list[str]]:
    """The keys by how their folded form looks (``text.DIGIT_LOOKALIKES``: ``kabir2O10`` and ``kabir2010`` alike)."""
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(fold_alnum(k).translate(DIGIT_LOOKALIKES), []).append(k)
    return groups


@lru_cache(maxsize=2)
def _near_groups(keys: tuple[str, ...]) -> dict[tuple[str, str, int], list[tuple[str, str]]]:
    """(key, folded key) by the folded key's digits (its year), length, and first letter ("^a") or last ("$z")."""
    groups: dict[tuple[str, str, int], list[tuple[str, str]]] = {}
    for k in keys:
        if folded := fold_alnum(k):
            digits = re.sub(r"\D", "", folded)
            for end in ("^" + folded[0], "$" + folded[-1]):
                groups.setdefault((digits, end, len(folded)), []).append((k, folded))
    return groups


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one letter added, dropped or changed, or two neighbours swapped, apart."""
    if a == b:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        swapped = start + 1 < len(a) and a[start] == b[start + 1] and a[start + 1] == b[start]
        return a[start + 1:] == b[start + 1:] or (swapped and a[start + 2:] == b[start + 2:])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return short[start:] == long[start + 1:]


_KEY_SHAPE = lazy(rf"([a-z]+?)({COMMON_YEAR})([a-z]*)")


def named_work(key: str, works: Sequence[tuple[Sequence[Person], str, str]], undated: Sequence[bool] = ()) -> int | None:
    """The index of the one work (people, year, title) a citation key reads as naming, or None.

    A key names a work when it reads as the key pattern makes keys: the first author's family name (with its
    particle, "et al", or the next authors' names after it), the year, then nothing, one letter (``2001a``) or
    the title's first significant words (``solo2001alone``; ``solo2001`` and ``Solo_2001`` too: keys are read
    folded). A title word chooses among several works of that author and year; a letter alone does not (the
    order of a and b is the author's, not the list's). ``undated``: whether the list prints each work with no date
    ("n.d."): a key of the names alone (``loewenstein``, as a key pattern makes one from an entry with no year) names
    the one such work of those names, never a dated work (whose key would hold its year).
    """
    found = _named_works(key, works, undated)
    return found[0] if len(found) == 1 else None


def _named_works(key: str, works: Sequence[tuple[Sequence[Person], str, str]],
                 undated: Sequence[bool] = ()) -> list[int]:
    """The indices of the works ``key`` may name (``named_work``); [] for a key of another shape."""
    head, year, tail = _key_shape(key)
    if not year:
        name = re.sub(r"[^a-z0-9]", "", fold_ascii(key))
        if not name.isalpha() or not undated:
            return []
        found = [i for i, (people, _, _) in enumerate(works) if undated[i] and name in _heads(people)]
        return found if len(found) == 1 else []  # two undated works of the name: it chooses neither
    found = [i for i, (people, y, _) in enumerate(works) if y == year and head in _heads(people)]
    return [i for i in found if _title_reads(tail, works[i][2])] if len(tail) > 1 else found


def _key_shape(key: str) -> tuple[str, str, str]:
    """A key read folded as (letters, year, what follows): ('solo', '2001', 'a') for ``Solo_2001a``; ('', '', '')
    for a key of another shape."""
    shape = _KEY_SHAPE.fullmatch(re.sub(r"[^a-z0-9]", "", fold_ascii(key)))
    return (shape[1], shape[2], shape[3]) if shape else ("", "", "")


_KEY_NAMES = 6
"""The most family names a key is read as spelling (``_heads``)."""


def _heads(people: Sequence[Person]) -> set[str]:
    """How a key may begin for these people: 'solo', 'desolo', 'soloetal', 'soloroe', 'soloandroe', 'soloroepike'."""
    if not people:
        return set()
    first = people[0]
    families = {fold_ascii(first.family), fold_ascii(f"{first.prefix} {first.family}")} - {""}
    # A key spells at most a few co-authors' names ("FinkelPerez-LinanSeligson"): a paper of thousands would build
    # a string per run of them, in time that grows with the square of their number.
    others = [fold_ascii(p.family) for p in people[1:_KEY_NAMES]]
    heads = families | {f + "etal" for f in families}
    for n in range(1, len(others) + 1):
        heads |= {f + join.join(["", *others[:n]]) for f in families for join in ("", "and")}
    return heads


def _title_reads(tail: str, title: str) -> bool:
    """Whether a key's ending is the title's significant words from the first (``alone``, ``alonetogether``)."""
    words = significant_words(title)
    return "".join(words).startswith(tail)


def adopt_cited_keys(cited: Sequence[str], works: Sequence[tuple[Sequence[Person], str, str]],
                     keys: Sequence[str], letters: Sequence[str] = (), undated: Sequence[bool] = ()) -> list[str]:
    """``keys`` (one per work) with each work that a cited key without an entry names (``named_work``) given that
    key: only when no other cited key names the same work, the work is not cited under its own key, and no other
    work has the key (compared case-insensitively, as ``make_key`` compares them). A key without a title word or a
    letter that may name several works names the one of them no other cited key names. ``letters``: the letter
    the reference list prints after each work's year ('' for none): a key's letter (``smith2016b``) names the one
    of several works the list prints with it ("Smith, J. 2016b."); the letter alone names none. ``undated``: whether
    the list prints each work with no date ("n.d."), which a key of its authors' names alone may name."""
    have, cited_set = set(keys), set(cited)
    claims: dict[int, list[str]] = {i: [k] for i, k in enumerate(keys) if k in cited_set}
    open_keys = [k for k in dict.fromkeys(cited) if k not in have and NAME.fullmatch(k)]
    named = {k: _named_works(k, works, undated) for k in open_keys}
    for key, found in named.items():
        letter = _key_shape(key)[2]
        if len(found) > 1 and len(letter) == 1 and letters:
            found = named[key] = [i for i in found if letters[i] == letter]
        if len(found) == 1:
            claims.setdefault(found[0], []).append(key)
    # A bare "heiss2017" of two Heiss works of 2017 names the one that no other cited key names ("HeissKelley2017"
    # the other); never by a letter, whose order is the author's.
    taken = set(claims)
    for key, found in named.items():
        rest = [i for i in found if i not in taken]
        if len(found) > 1 and len(rest) == 1 and not _key_shape(key)[2]:
            claims.setdefault(rest[0], []).append(key)
    out = list(keys)
    # Each key folded, as generated and as given here, counted once per entry, so that a clash is one look-up.
    generated, given = Counter(k.casefold() for k in keys), Counter(k.casefold() for k in out)
    for i, wanted in claims.items():
        if len(wanted) == 1 and wanted[0] != keys[i]:
            folded, own = wanted[0].casefold(), out[i].casefold()
            # Another entry's key, as generated or as given here, whichever entry is renamed first.
            if generated[folded] - (keys[i].casefold() == folded) + given[folded] - (own == folded) == 0:
                given[own] -= 1
                given[folded] += 1
                out[i] = wanted[0]
    return out
