"""Page ranges as the references print them (``citation``): an en dash, abbreviated as CMOS and citeproc do."""

from __future__ import annotations

import re

from ..bibliography.csl import csl_form_of
from ..locale_terms import ENGLISH_TERMS
from ..model import Source
from .sanitize import one_line


def printed_pages(s: Source, terms: dict[str, str] = ENGLISH_TERMS) -> str:
    """The pages, each range with an en dash however it is written ("553-566", "87 - 90") and abbreviated as CMOS
    and citeproc's "chicago-16" do ("553–66", "101–8", "100–104", "1496–504", "e1001–12"); the dash the language's
    (``terms``' "–": fr "553‑66", es "553-66")."""
    written = one_line(s.pages).translate(_HYPHENS)
    if not csl_form_of(s.file or ""):
        written = _LIST_ITEM.sub(_bibtex_item, written)
    pages = _LIST_ITEM.sub(_abbreviated_item, _LIST_ITEM.sub(_range_dash, written))
    return pages if terms["–"] == "\u2013" else pages.replace("\u2013", terms["–"])


_HYPHENS = str.maketrans("\u2010\u2011\u2212", "---")  # Unicode's hyphens and minus sign as the hyphen
# Each item of a list of pages ("3, 7-9", as citeproc prints it "3, 7–9").
_LIST_ITEM = re.compile(r"[^,;]+")
# A range's separator: two hyphens or an en dash; else a lone hyphen (spaced or not) between page numbers. An em
# dash is no separator (citeproc prints "872—899" as written). An item of more than one hyphen or dash citeproc
# prints as written ("12-1–12-55", "1-2-3"); pandoc's BibTeX reader gives it with hyphens ("12-1--12-55" and
# "12-1–12-55" are "12-1-12-55", "T3J--1--T3J--6" "T3J-1-T3J-6"; its spaces kept).
_DOUBLE = re.compile(r"\s*(?:--+|\u2013)\s*")
_SEPARATOR = re.compile(r"--+|\u2013|-")
_PAGE_NUMBER = re.compile(r"\w*\d\w*|[ivxlcdm]+|[IVXLCDM]+")
# The last word of a text (asked from word starts only: from each letter of a long word again it was quadratic)
_LAST_WORD = re.compile(r"(?<!\w)\w*$")


def _bibtex_item(m: re.Match[str]) -> str:
    item = m.group(0)
    return _SEPARATOR.sub("-", item) if len(_SEPARATOR.findall(item)) > 1 else item


def _range_dash(m: re.Match[str]) -> str:
    item = m.group(0)
    if len(_SEPARATOR.findall(item)) > 1:
        return item
    if _DOUBLE.search(item):
        return _DOUBLE.sub("\u2013", item)
    if item.count("-") == 1:  # the words either side are page numbers: not "well-known"
        left, right = item.split("-")
        before, after = _LAST_WORD.search(left.rstrip()), re.match(r"\w*", right.lstrip())
        if before and after and all(_PAGE_NUMBER.fullmatch(w.group(0)) for w in (before, after)):
            return f"{left.rstrip()}\u2013{right.lstrip()}"
    return item


# The number a side of a range ends in ("1408" of "p. 1408", "1001" of "e1001")
_LAST_NUMBER = re.compile(r"\d+$")


def _abbreviated_item(m: re.Match[str]) -> str:
    """A list item that is one range of two arabic numbers with the same text before each ("1408–1418", "e1001–e1012",
    "p. 1408–p. 1418", "144:1–144:24") abbreviated, the second's text left out, as citeproc prints it ("e1001–12",
    "p. 1408–18", "144:1–24"); any other as written ("p. 1408–1418", "756–761 vol.5", "1:321–2:328")."""
    item = m.group(0)
    if item.count("\u2013") != 1 or "-" in item:  # one range, no hyphen beside it (``_range_dash``)
        return item
    left, right = item.split("\u2013")
    core, end = left.lstrip(), right.rstrip()
    first, last = _LAST_NUMBER.search(core), _LAST_NUMBER.search(end)
    if not first or not last or core[:first.start()] != end[:last.start()]:
        return item
    shown = _abbreviated(first.group(0), last.group(0))
    return f"{left[:len(left) - len(core)]}{core[:first.start()]}{shown}{right[len(end):]}" if shown else item


_LONGEST_PAGE = 12


def _abbreviated(first: str, last: str) -> str:
    """``first``–``last`` as CMOS and citeproc's "chicago-16" abbreviate it; '' where it is no range to abbreviate."""
    if len(first) > _LONGEST_PAGE or len(last) > _LONGEST_PAGE:
        return ""  # no page number: as written (Python reads no integer of 4,300 digits or more)
    if len(last) < len(first):  # written short already ("321–28"): read in full
        last = first[:len(first) - len(last)] + last
    a, b = int(first), int(last)
    if b < a or len(last) != len(first) or a < 100 or a % 100 == 0:
        return f"{first}\u2013{last}" if b >= a else ""
    # the digits from the first that differs; a range of one page as one whose last digit differs ("667–67")
    keep = next((i for i, (x, y) in enumerate(zip(first, last, strict=True)) if x != y), len(last) - 1)
    # 101 to 109 of a hundred: the digits that change; else at least two
    shown = last[keep:] if a % 100 < 10 else last[min(keep, len(last) - 2):]
    return f"{first}\u2013{shown}"
