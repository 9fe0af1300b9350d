"""A bibliography field's value as the checks read it: braces and runs of spaces aside."""

from __future__ import annotations

from collections.abc import Mapping

from ..lazyre import lazy

_BRACES = lazy(r"[{}]")
PAGE_RANGE = lazy(r"(?<!\d)(\d+)\s*(?:--?|–)\s*(\d+)")
"""A page range as BibTeX writes one ("12--19", "12-19", "12–19"): its first and last page."""


def plain(value: str) -> str:
    """A raw field value with braces removed and spaces collapsed."""
    if "{" not in value and "}" not in value and "  " not in value:
        return value.strip()
    return " ".join(_BRACES.sub("", value).split())


def has_field(fields: Mapping[str, str], name: str) -> bool:
    """Whether the entry gives ``name`` a value that is more than braces and spaces."""
    value = fields.get(name)
    if not value:
        return False
    first = value[0]
    if first != "{" and first != "}" and not first.isspace():  # plain(value) keeps it: not empty
        return True
    return bool(plain(value))


ENDNOTE_TAGS = {"J": "journal", "B": "booktitle", "X": "abstract", "K": "keywords", "U": "url", "R": "doi",
                "I": "publisher", "C": "address", "V": "volume", "N": "number", "P": "pages", "D": "year"}
"""EndNote's tags (its RIS-like export format) and the BibTeX field each one's text belongs in."""
_ENDNOTE_TAG = lazy(r"\s%([A-Z])\s+(\S[^%]*)$")


def endnote_tag(value: str) -> tuple[str, str, str] | None:
    """(the value before it, the tag's letter, its text) of a field that ends with one of EndNote's tags and its text
    ("Cipolla, R. %J IEEE Transactions on ...", "10.1126/science.1127647 %J Science"), as EndNote's BibTeX export
    writes the journal into the field before it; else None. Braces are read as ``plain`` reads them."""
    if "%" not in value:
        return None
    text = plain(value)
    found = _ENDNOTE_TAG.search(text)
    if found is None or found.group(1) not in ENDNOTE_TAGS:
        return None
    return text[:found.start()].rstrip(), found.group(1), found.group(2).strip()


def endnote_fix(name: str, value: str, fields: Mapping[str, str]) -> str:
    """How to mend field ``name`` that holds one of EndNote's tags and its text (``endnote_tag``): the field without
    it, and the field its text belongs in, or that field's name when the entry gives it already; '' for none."""
    tagged = endnote_tag(value)
    if tagged is None:
        return ""
    before, letter, text = tagged
    target = ENDNOTE_TAGS[letter]
    if has_field(fields, target):
        return f"write {name} = {{{before}}} ({target} gives {plain(fields[target])} already)"
    return f"write {name} = {{{before}}} and {target} = {{{text}}}"
