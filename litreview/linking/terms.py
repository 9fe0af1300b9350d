"""The words a citation style prints between names and years, in the languages citeproc's locales know.

pandoc's citeproc takes "and", "et al." and "n.d." from the document's locale (``lang: de-DE``
gives "(Smith und Jones 2010)", "(Brown u. a. 2011)", "(Doe, o. J.-b)"). The forms below are
those its locales print; a name list is read in English ("and", "et al") after these are mapped.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..locale_terms import CITATION_TERMS, NO_DATE, NO_DATE_TERMS, PUBSTATE_KEYS, alternation, and_words
from .text import canonical, fold, wordset

PREFIXES = wordset("see also but cf e.g eg i.e ie compare esp especially for example")
"""Words a citation may open with before what it names ("see n.d.-l", "(but cf. Ivanova; Hallowell, 2013)",
"see KpV, 12"), folded and without their periods."""


NO_DATE_LETTERED = "|".join(sorted({rf"(?<=\b{re.escape(t.split()[-1])})" for t in NO_DATE_TERMS if t[-1].isalpha()}
                                   | {r"(?<=\])"}))
"""Where a year letter follows a no-date term after a space ("no date b", "[sin fecha] b"): after a term that ends
in a word, or in brackets (each a lookbehind of its own, so the year letter's pattern may use it)."""
_NO_DATE = lazy(rf"(?:{NO_DATE})$")
YEAR_MARK = r"\.(?:\sgada)?|\s[mг]\.|年|년"
"""What some locales print right after the year: hr "2010.", lv "2010. gada", lt "2010 m.", ru "2010 г.", ja/zh "2010年"."""



def status_words(written: str) -> frozenset[str]:
    """What a style may print for a ``pubstate`` field as ``written`` (folded, spaces single): the field itself and,
    for one of biblatex's keys (``locale_terms.PUBSTATE_KEYS``), its words in each language (``locale_terms.CITATION_TERMS``)."""
    key = fold(" ".join(written.split())).strip("{} .")
    if not key:
        return frozenset()
    return frozenset({key} | ({fold(t[key]) for t in CITATION_TERMS.values() if key in t} if key in PUBSTATE_KEYS else set()))


_STATUS_PRINTED = sorted({w for key in PUBSTATE_KEYS for t in CITATION_TERMS.values() for w in (key, t.get(key, key))}
                         | {fold(t[key]) for key in PUBSTATE_KEYS for t in CITATION_TERMS.values() if key in t})
YEAR_WORDS = tuple(dict.fromkeys(["forthcoming", "in press", "in preparation", "submitted", "under review", "accepted",
                                  "im druck", "en prensa", "sous presse", "no prelo", "in stampa", "ter perse",
                                  *_STATUS_PRINTED]))
"""Year fields styles print as written instead of a year ("(Heiss forthcoming)"), in a few languages, and the words
they print for a ``pubstate`` key where an undated entry's date goes ("in press", "inpress", "prépublié"), as
written and folded (a year read is folded: ``year in YEAR_WORDS``)."""
YEAR_WORD = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(YEAR_WORDS, key=len, reverse=True))

BC_TERMS = ("BC", "v. Chr.", "f.Kr.", "av. J.-C.", "a. C.", "a.C.", "AC", "BCE", "B.C.", "B.C.E.")
"""What pandoc's citeproc prints after a year before the common era, as its locales have it (en "50 BC", de
"50 v. Chr.", sv "50f.Kr.", fr "50av. J.-C.", es "50a. C.", it "50a.C.", pt-BR "50AC"), and the forms authors write."""
AD_TERMS = ("AD", "n. Chr.", "e.Kr.", "apr. J.-C.", "d. C.", "d.C.", "depois de Cristo", "CE", "A.D.", "C.E.")
"""What it prints after a year below 1000 of the common era (en "250 AD", de "250 n. Chr.", ...)."""
BC = alternation(BC_TERMS)
AD = alternation(AD_TERMS)

AND = frozenset(w for t in and_words() for w in canonical(t).split())
"""The locales' "and" between two names (sv "och", fi "ja", tr "ve", ro "și", hu "és", lt "ir", lv "un", ...), every
language's: a citation's names are read whatever the document's language."""
_ET_AL_TERMS = ("et al.", "u. a.", "e.a.", "m.fl.", "mfl.", "o.fl.", "ym.", "vd.", "és mtsai.", "i sur.", "idr.",
                "ir kt.", "u.c.", "и др.", "κ.ά.", "và c.s.", "dkk.", "ואחרים", "وآخرون", "و همکاران", "ほか", "等",
                "기타", "และคณะ", "and others", "and colleagues", "et coll.", "y col.", "y cols.", "i in.",
                "i inni", "i wsp.")
"""The locales' "et al." (de "u. a.", nl "e.a.", sv/da "m.fl.", fi "ym.", tr "vd.", hu "és mtsai.", pl "i in.", ...),
"and others", "and colleagues", and the forms prose writes in their place (pl "i inni", "i wsp.")."""
_ET_AL = lazy(r"(?:^|\s)(?:" + "|".join(re.escape(canonical(t)) for t in _ET_AL_TERMS) + r")$")


def _as_written(term: str) -> str:
    """A pattern of ``term`` as prose writes it: each period optional, each space any run of spaces ("et al",
    "et. al.", "u.a.")."""
    return "".join(r"\.?" if c == "." else r"\s*" if c == " " else re.escape(c) for c in term)


ET_AL_WRITTEN = "|".join(_as_written(t) for t in sorted(_ET_AL_TERMS, key=len, reverse=True))
"""A pattern of the locales' "et al." as prose writes them, the longest first."""
_OTHERS_AFTER = lazy(rf",?\s*(?:{ET_AL_WRITTEN})(?!\w)")


def others_after(text: str, at: int) -> int:
    """Where a locale's "et al." that follows position ``at`` of ``text`` (after spaces or a comma) ends, or 0 when
    none does: "May et al.", "Müller u. a.", "Jansen e.a.", "Törmos and colleagues", the others of a work the person
    named before leads."""
    match = _OTHERS_AFTER.match(text, at)
    return match.end() if match else 0


def no_date(year: str) -> str:
    """ "o. J.", "s. d.", "[S.d.]", "u.å.": "n.d."; anything else as it is."""
    return "n.d." if _NO_DATE.match(year) else year


def in_english(words: list[str]) -> tuple[list[str], list[int]]:
    """``canonical`` words of a name list with the locale's "et al." and "and" read in English,
    and for each word the index of the word it came from ("smith und jones" -> "smith and jones")."""
    text = " ".join(words)
    match = _ET_AL.search(text)
    head = words
    tail: list[str] = []
    if match:
        kept = len(text[:match.start()].split())
        head, tail = words[:kept], ["et", "al"]
    out: list[str] = []
    origins: list[int] = []
    for i, word in enumerate(head):
        if 0 < i < len(head) - 1 and word in AND:
            if out and out[-1] == "and":
                continue  # ko "와/과": one "and" in two words
            word = "and"
        out.append(word)
        origins.append(i)
    return out + tail, origins + [len(head)] * len(tail)
