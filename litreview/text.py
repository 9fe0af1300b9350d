"""The one set of folding rules: how text is compared when case, accents and punctuation must not matter.

Three named variants, each built on the one before, so two stages that compare titles or names
always agree:

- :func:`fold`: lower case (``casefold``, so "ß" is "ss"), accents removed, typographic apostrophes
  and dashes made plain; punctuation and offsets within a word are kept (for tokens).
- :func:`fold_words`: :func:`fold`, "&" read as "and", every run of punctuation and space one space
  (for comparing titles, containers and names).
- :func:`canonical`: :func:`fold`, "&" read as "and", other punctuation but apostrophes and hyphens
  dropped, possessive "'s" removed, single spaces (for matching phrases in running text).
- :func:`spelled`: :func:`canonical` with accents kept (NFKC: ligatures read as letters): how citation styles tell names apart
  ("Šmith" is not "Smith").
- :func:`fold_ascii`: ASCII letters and digits only, every script transliterated by anyascii
  ("Łasiński" gives "lasinski", "Đorđević" "dordevic"): for citation keys and file names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-"})
_NON_WORD = re.compile(r"[\W_]+")
_NON_ASCII_WORD = re.compile(r"[^a-z0-9]+")
_NON_PHRASE = re.compile(r"[^\w\s'-]")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, with plain apostrophes and hyphens."""
    text = text.translate(_APOSTROPHES).translate(_DASHES)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return text.casefold()


def fold_words(text: str) -> str:
    """Folded words separated by single spaces; punctuation dropped, "&" read as "and"."""
    return _NON_WORD.sub(" ", fold(text or "").replace("&", " and ")).strip()


def canonical(text: str) -> str:
    """Folded words separated by single spaces, punctuation dropped ("&" reads "and")."""
    text = fold(text).replace("&", " and ")
    return _SPACE.sub(" ", _NON_PHRASE.sub(" ", text).replace("'s ", " ")).strip()


@lru_cache(maxsize=65536)
def spelled(text: str) -> str:
    """:func:`canonical` with accents kept: "Šmith" stays "šmith" (citeproc compares names as spelled)."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).translate(_DASHES).casefold()
    return _SPACE.sub(" ", _NON_PHRASE.sub(" ", text.replace("&", " and ")).replace("'s ", " ")).strip()


def fold_ascii(text: str) -> str:
    """Lower-case ASCII letters and digits only: 'Müller-Lüdenscheidt' -> 'mullerludenscheidt'."""
    from anyascii import anyascii

    return _NON_ASCII_WORD.sub("", anyascii(fold(text or "")).lower())
