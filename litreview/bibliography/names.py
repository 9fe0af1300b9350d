"""Name lists as pybtex and biber read them, including biblatex's extended name format.

``family=Mello e Souza, given=André, prefix=de, useprefix=true`` is one name to biber; pybtex
sees "too many commas". A name made only of options (``useprefix=false``) sets options for
the list in biber and names no one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from ..lazyre import lazy
from ..locale_terms import NAME_SUFFIXES
from ..model import Person

_CJK_CHARACTERS = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
CJK_SCRIPT = lazy(f"[{_CJK_CHARACTERS}]")
"""A character of the Chinese, Japanese or Korean scripts (kana, Han, Hangul)."""
_CJK_WORD = lazy(f"[{_CJK_CHARACTERS}\u00b7]+")  # (with the middle dot of a transcribed name)


def cjk_family_first(name: str) -> tuple[str, str] | None:
    """(family, given) of a name written in a CJK script family name first, as those names are written, but with a
    space and no comma ("本川 達雄"), which BibTeX reads the other way round (the given name its family name); None
    for any other name (one word, a comma, braces, a Latin letter)."""
    words = name.split()
    if len(words) != 2 or not all(_CJK_WORD.fullmatch(w) for w in words):
        return None
    return words[0], words[1]


_OPTION = lazy(r"^\s*([A-Za-z][\w-]*)\s*=\s*(.*?)\s*$", re.S)
PARTS = {"family": "family", "last": "family", "given": "given", "first": "given", "middle": "middle",
         "prefix": "prefix", "von": "prefix", "suffix": "suffix", "jr": "suffix"}
"""Extended-format keys that name a part of the name (biber's data model, with its aliases)."""


PARTICLES = frozenset(["da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du", "el", "la", "le", "ten", "ter", "van", "vom", "von", "y", "zu", "al", "bin", "ibn"])
"""The lower-case words written before a family name (von, van, de, ...; "y" between two family names, as in
Ortega y Gasset), as the readers of names in running text and in reference strings tell them from names."""
JOINING = frozenset({"y"})
"""The particles that join two family names (Ramón y Cajal): the word before one is a family name too."""

_AND = re.compile(" [Aa][Nn][Dd] ")


def split_names(value: str) -> list[str]:
    """The names of an author/editor list, split at " and " outside braces (pybtex's rule)."""
    if "{" in value or "}" in value:
        from pybtex.bibtex.utils import split_name_list

        return [name for name in split_name_list(value) if name.strip()]
    # Without braces pybtex's rule is a plain split (and pybtex's scanner the costliest part of loading).
    return [name for name in (part.strip() for part in _AND.split(value)) if name]


_PANDOC_AND = lazy(r"\s+and\s+")


def pandoc_split_names(value: str) -> list[str]:
    """The names of an author/editor list as pandoc's BibTeX reader splits it: at the word "and" in lower case alone,
    outside braces. "Heiner Barz AND Dirk Randoll" is two names to BibTeX, pybtex and biber (``split_names``) and
    one to pandoc, whose citations print it as one person ("Randoll 2007", "H. B. A. D. Randoll 2007")."""
    out, start, depth, at = [], 0, 0, 0
    for match in _PANDOC_AND.finditer(value):
        depth += value.count("{", at, match.start()) - value.count("}", at, match.start())
        at = match.start()
        if depth == 0:
            out.append(value[start:match.start()])
            start = match.end()
    out.append(value[start:])
    return [name for name in (part.strip() for part in out) if name]


_STRAY = re.compile(r"^(?:,|and|and\s.*|.*\sand)$", re.S)


def is_stray(name: str) -> bool:
    """Whether a listed name is the trace of an empty one ("and Kurt Cobain" from a leading "and", ",")."""
    return bool(_STRAY.match(name.strip()))


_EMPTY = lazy(r"^[\s,]*$")


def is_empty(name: str) -> bool:
    """Whether a listed name is nothing but commas (", " ending "… and Coresh, Josef and , "): pandoc drops it and
    reads the other names; the other strays it reads as names ("and Kurt Cobain": the particle "and")."""
    return bool(_EMPTY.match(name))


_BRACED = lazy(r"\{[^{}]*\}")


def name_forms(value: str) -> list[str]:
    """``name_form`` of each name of an author/editor list, in order.

    Brace groups are first flattened to one letter each (a group is one word, and an "and" or a
    comma inside it belongs to it), so the list splits as ``split_names`` splits it without
    pybtex's brace-aware splitter, the costly part for long lists.
    """
    flat = value
    while "{" in flat:
        less = _BRACED.sub("x", flat)
        if less == flat:
            break  # braces that do not balance: split as written
        flat = less
    return [name_form(name) for name in split_names(flat)]


def name_form(name: str) -> str:
    """How one name of a list is written: "comma" ("Knuth, Donald E."), "natural" ("Donald E. Knuth")
    or "" (one word such as "{World Bank}" or "others", or biblatex's "family=..." form)."""
    if "=" in name:
        return ""
    if "{" not in name and "}" not in name:
        return "comma" if "," in name else "natural" if len(_TEX_SPACE.split(name.strip())) > 1 else ""
    if len(_split_commas(name)) > 1:
        return "comma"
    depth, words, in_word = 0, 0, False
    for ch in name.strip():
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if depth == 0 and (ch.isspace() or ch == "~"):
            in_word = False
        elif not in_word:
            words, in_word = words + 1, True
    return "natural" if words > 1 else ""


def pandoc_name(name: str) -> str:
    """One name of a list as pandoc's BibTeX reader reads it: a name of more than three comma-separated parts, which
    BibTeX and pybtex refuse (too many commas: "Teorell, Jan, Stefan Dahlberg, Sören Holmberg"), is its first three
    ("von Last, Jr, First": family Teorell, suffix Jan, given Stefan Dahlberg), the rest dropped; any other as written."""
    parts = _split_commas(name)
    return ",".join(parts[:3]) if len(parts) > 3 else name


def split_commas(name: str) -> list[str]:
    """``name`` cut at its commas outside braces, as BibTeX cuts a name into its parts."""
    return _split_commas(name)


def _split_commas(name: str) -> list[str]:
    if "{" not in name and "}" not in name:  # no braces (most names): every comma cuts
        return name.split(",")
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


_TEX_SPACE = re.compile(r"[\s~]+")
"""Word separators of a name without backslashes: white space and ``~`` (pybtex's ``BIBTEX_SPACE_RE``)."""


def _is_von(word: str) -> bool:
    """pybtex's test for a "von" word, for a word without braces: its first letter is lower case."""
    first = word[0]
    if first.isupper():
        return False
    if first.islower():
        return True
    return next((c.islower() for c in word if c.isalpha()), False)


def plain_name_parts(name: str) -> tuple[list[str], list[str], list[str], list[str], list[str]] | None:
    """(first, middle, von, last, jr) words of a name as pybtex's ``Person`` splits it, for a name
    without braces or backslashes; None for any other name (pybtex reads those).

    A name list of plain names is most of any bibliography, and pybtex's general splitter
    (brace-aware, regex per word) is what made loading slower than pybtex parsing the file.
    ``tests/test_names_plain.py`` checks the two agree.
    """
    if "{" in name or "}" in name or "\\" in name:
        return None
    name = name.strip()
    first: list[str] = []
    middle: list[str] = []
    von: list[str] = []
    last: list[str] = []
    jr: list[str] = []
    if not name:
        return first, middle, von, last, jr
    parts = [part.strip() for part in name.split(",")]
    if len(parts) > 3:
        return None  # pybtex reports "too many commas"

    def words(text: str) -> list[str]:
        return [w for w in _TEX_SPACE.split(text) if w]

    def first_middle(found: list[str]) -> None:
        if found:
            first.append(found[0])
            middle.extend(found[1:])

    def von_last(found: list[str]) -> None:
        body = found[:-1]
        if body:
            # The last von word ends the von part (pybtex's rsplit_at).
            cut = next((len(body) - i for i, w in enumerate(reversed(body)) if _is_von(w)), 0)
            von.extend(body[:cut])
            last.extend(body[cut:])
        last.extend(found[-1:])

    if len(parts) == 3:  # von Last, Jr, First
        von_last(words(parts[0]))
        jr.extend(words(parts[1]))
        first_middle(words(parts[2]))
    elif len(parts) == 2:  # von Last, First
        von_last(words(parts[0]))
        first_middle(words(parts[1]))
    else:  # First von Last
        found = words(name)
        start = next((i for i, w in enumerate(found) if _is_von(w)), len(found) if found else 1)
        given, rest = found[:start], found[start:]
        if not rest and given:
            rest.append(given.pop())
        first_middle(given)
        von_last(rest)
    return first, middle, von, last, jr


def pandoc_von_last(name: str) -> tuple[str, str] | None:
    """(particle, family name) of a name as pandoc's BibTeX reader splits its von and last parts, when it splits them
    otherwise than BibTeX and biber: pandoc's particle is the run of lower-case words alone, its family name every
    word after ("Jean de la Fontaine du Bois": 'de la', 'Fontaine du Bois'; BibTeX's von 'de la Fontaine du', last
    'Bois'). None when they split it alike, or for a name with braces or backslashes (pybtex's reading)."""
    parts = plain_name_parts(name)
    if parts is None or not parts[2]:
        return None
    von, last = parts[2], parts[3]
    run = next((i for i, word in enumerate(von) if not _is_von(word)), len(von))
    return (" ".join(von[:run]), " ".join(von[run:] + last)) if run < len(von) else None


_INITIALS = lazy(r"(?:[^\W\d_][^\W\d_]?\.-?)+|[^\W\d_]")
_GLUED = lazy(r"((?:[^\W\d_]\.)+)([^\W\d_](?=[^\W\d_'’-]*[^\W\d_A-Z])[^\W\d_'’-]*)")
"""Initials glued to a family name, as some hand-written lists have them ("J.Polák", "R.P.Feynman"): a letter not
A-Z after the first is looked for once, ahead (two runs around it took time the square of a long word's length)."""


def _name_words(part: str) -> list[str]:
    """The words of one name as written, initials glued to a family name apart ("J.Polák" -> "J.", "Polák"): BibTeX
    reads "J.Polák" as one word, but a list "D. Mayer, J.Polák" is two people all the same."""
    words = _TEX_SPACE.split(part)
    if (glued := _GLUED.fullmatch(words[-1])) is not None:
        words[-1:] = [glued.group(1), glued.group(2)]
    return words


def _looks_given_family(words: list[str], given_names: frozenset[str]) -> bool:
    """ "I.N. Bronstein", "Harri Hakonen": given name(s) or initials first, a family name (no initial, no given
    name) last."""
    if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    last = words[-1]
    initials_first = all(_INITIALS.fullmatch(w) for w in words[:-1])
    if _INITIALS.fullmatch(last) or (last.casefold() in given_names and not initials_first):
        return False  # (after initials, a given name is a family name too: "J. Li", "G. Wang")
    return all(_INITIALS.fullmatch(w) or w.casefold() in given_names for w in words[:-1])


def _full_name(words: list[str]) -> bool:
    """ "Harri Hakonen", "Donald E. Knuth": two to four words that each open with a capital, the last a word (no
    initial, no suffix, no acronym such as LLC), as a person is written given name first."""
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    last = words[-1]
    return (not _INITIALS.fullmatch(last) and last.rstrip(".").casefold() not in NAME_SUFFIXES
            and any(c.islower() for c in last)
            and all(c.isalpha() or c in "-'’." for w in words for c in w))


def _parts(name: str) -> list[str] | None:
    """The comma-separated parts of a plain name (a comma before the list's next "and" dropped: "Jouni Smed, Harri
    Hakonen, and Ville Mönkkönen"); None for a name in braces, with a backslash or in biblatex's key=value form."""
    name = _LETTER_BRACES.sub(r"\1", name)  # ("{J}.{O}. {H}amblen": a capital kept so, no body's name)
    if "=" in name or "{" in name or "}" in name or "\\" in name or "," not in name:
        return None
    return [p.strip() for p in name.strip().removesuffix(",").split(",")]


_LETTER_BRACES = lazy(r"\{([^\W\d_])\}")


def family_first(name: str) -> bool:
    """Whether a name is one word, one comma, then more ("Knuth, Donald E."): never people joined by commas
    (``comma_joined`` and ``full_names_joined`` want two words or more on each side of one comma); a quick test
    that settles most names of a list."""
    head, comma, rest = name.strip().removesuffix(",").partition(",")
    return (bool(comma) and "," not in rest and _TEX_SPACE.search(head.strip()) is None
            and _GLUED.fullmatch(head.strip()) is None)  # ("M.Křížek, K.Segeth": given names glued on)


def comma_joined(name: str, given_names: frozenset[str]) -> bool:
    """Whether one name of a list is clearly several people joined by commas, which BibTeX reads as one person:
    "I.N. Bronstein, K.A. Semendjaew" (each side a given name or initials, then a family name), "Smith, J., Jones"
    (a middle part that is no suffix such as Jr.), three people written given name first ("Jouni Smed, Harri
    Hakonen, Ville Mönkkönen"). "García Márquez, Gabriel José", "Smith, Jr., John" and a body's name in braces are
    one name; more than two commas is pybtex's own error (too many commas)."""
    parts = _parts(name)
    if parts is None or not all(parts):
        return False
    if _vancouver(parts):
        return True
    if len(parts) == 3:  # "Family, initials, Family": no "Family, Jr, Given" and no "Doe, Jane, PhD"
        words = [_name_words(p) for p in parts]
        return ((all(_INITIALS.fullmatch(w) for w in words[1])
                 and parts[1].rstrip(".").casefold() not in NAME_SUFFIXES and parts[2].rstrip(".").casefold() not in NAME_SUFFIXES)
                or all(_full_name(w) for w in words))
    return len(parts) == 2 and all(_looks_given_family(_name_words(p), given_names) for p in parts)


_VANCOUVER = lazy(r"(?:[^\W\d_][\w'’-]*\s+)*[^\W\d_]{2}[\w'’-]*\s+[A-Z]{1,3}")
"""One person as the Vancouver style writes it, family name then initials without stops: "Nikravesh A", "van Dijk JA"."""


def _vancouver(parts: list[str]) -> bool:
    """Whether the parts of a name are people written in the Vancouver style ("Nikravesh A, Yao H, Xu S"): each a
    family name and its initials (not "Doe, Jane A", whose first part has none)."""
    return len(parts) >= 2 and all(_VANCOUVER.fullmatch(p) for p in parts)


def full_names_joined(name: str, given_names: frozenset[str]) -> bool:
    """Whether one name of a list reads as two people written given name first ("Jouni Smed, Harri Hakonen") as well
    as one written family name first ("Di Renzo, Gian Carlo"): several people only where the list, or the
    bibliography, writes its other people given name first (``given_first``). A side ending in a known given name
    is one person's given names ("García Márquez, Gabriel José")."""
    parts = _parts(name)
    if parts is None or len(parts) != 2:
        return False
    words = [_TEX_SPACE.split(p) for p in parts]
    return all(_full_name(w) and w[-1].rstrip(".").casefold() not in given_names for w in words)


def one_family_joined(name: str) -> bool:
    """Whether one name of a list is two people of one family written given name first and joined by a comma
    ("Sergiu Corlat, Andrei Corlat"): the same last word ends both sides, as no "Family, Given" name has it
    ("García Márquez, Gabriel José")."""
    parts = _parts(name)
    if parts is None or len(parts) != 2:
        return False
    first, second = (_TEX_SPACE.split(p) for p in parts)
    return (_full_name(first) and _full_name(second) and first[-1].casefold() == second[-1].casefold()
            and first[:-1] != second[:-1])


def people_given_first(name: str, given_names: frozenset[str]) -> bool:
    """Whether one name of a list reads as several people joined by commas (``comma_joined``, ``full_names_joined``),
    each written given name first ("Olatunji Ruwase, Chris Lattner, Vikram Adve", "David Koes, Gennady Pekhimenko",
    "I.N. Bronstein, K.A. Semendjaew"; not "Smith, J., Jones"): the list writes its people so."""
    parts = _parts(name)
    return (parts is not None and (comma_joined(name, given_names) or full_names_joined(name, given_names))
            and all(_full_name(w) or _looks_given_family(w, given_names) for w in (_name_words(p) for p in parts)))


def given_first(values: Iterable[str]) -> bool:
    """Whether name lists write their people given name first ("Donald E. Knuth and Jane Doe"): two names at least
    so written, and at least twice as many as written family name first ("Knuth, Donald E.")."""
    forms = Counter(form for value in values for form in name_forms(value))
    return forms["natural"] >= 2 and forms["natural"] >= 2 * forms["comma"]


def people_of_commas(name: str, at_least: int = 3) -> list[str]:
    """The people of a name that joins ``at_least`` or more by commas, each given name first as written ("Navdeep
    Jaitly, Patrick Nguyen, Andrew Senior": three, which BibTeX and pybtex refuse, too many commas); [] when a part
    is no person's name given name first."""
    split = _parts(name)
    if not split or len(split) < at_least:
        return []
    words = [_name_words(p) for p in split]
    if not all(map(given_name_first, words)):
        return []  # (a suffix's word is a family name here: "Andrew Senior")
    return [" ".join(w) for w in words]


def given_name_first(words: Sequence[str]) -> bool:
    """Whether the words of one name read as a person's, given name first: two to four capitalised words
    (``capitalised``), the last no initial ("Paul F Christiano", "Andrew Senior"; not "Smith J.")."""
    return 2 <= len(words) <= 4 and not _INITIALS.fullmatch(words[-1]) and all(map(capitalised, words))


def capitalised(word: str) -> bool:
    """Whether a word of a name is one as written: a capital, then letters, hyphens, apostrophes and dots."""
    return word[:1].isupper() and all(c.isalpha() or c in "-'’." for c in word)


def joined_as_list(name: str, *, given_first: bool = False) -> str:
    """ "I.N. Bronstein, K.A. Semendjaew" as a name list, "Bronstein, I.N. and Semendjaew, K.A." ('' for a name of
    three parts but three people written given name first, whose reading is the author's to decide);
    ``given_first``: as the list's other people are written, "I.N. Bronstein and K.A. Semendjaew"."""
    if (split := _parts(name)) and _vancouver(split):  # "Nikravesh A, Yao H": family names first
        return " and ".join(", ".join(p.rsplit(None, 1)) for p in split)
    parts = [_name_words(p) for p in _parts(name) or ()]
    if len(parts) != 2 and not (len(parts) == 3 and all(_full_name(w) for w in parts)):
        return ""
    last = parts[-1][-1]
    if last.endswith(".") and len(last) > 3 and last[-2].islower() and last.casefold() not in ("jr.", "sr."):
        parts[-1][-1] = last[:-1]  # the full stop that ends the list ("Thomas E. Dickey."), no family name's
    return " and ".join(" ".join(w) if given_first else f"{w[-1]}, {' '.join(w[:-1])}" for w in parts)
