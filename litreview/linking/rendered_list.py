"""A document's own rendered reference list (pandoc's output, a PDF's text): which entries it lists, the year
letter each item prints, and which paragraphs are its items rather than prose to read citations in. The list
follows its last "References" heading, or, with no heading (pandoc's rendering of a LaTeX manuscript), it is the
document's last paragraphs that read as items."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ..bibliography.dates import COMMON_YEAR
from ..bibliography.headings import RENDERED_LIST_HEADINGS
from ..lazyre import lazy
from ..model import Claim
from .index import SourceIndex, persons_of
from .terms import NO_DATE_TERMS
from .text import canonical

REFERENCE_HEADINGS = RENDERED_LIST_HEADINGS


_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")
"""A heading's attributes in pandoc Markdown: "# References {#refs .unnumbered}"."""


_FOOTNOTE = re.compile(r"\[\d+\]\s")
"""A footnote as a plain-text rendering prints it after the reference list: "[1] See Doe (2004a), 101."."""


class Listed(NamedTuple):
    """What a document's reference list says of the entries."""

    items: tuple[frozenset[str], ...]
    """For each item of the list, the entries it fits."""
    unfindable: frozenset[str]
    """Entries with neither names nor title, which no item can be told to fit."""
    paragraphs: frozenset[int]
    """The paragraphs of the list's items: a reference list, not prose to read citations in."""
    letters: Mapping[str, str] = {}
    """Key -> the year letter its item prints ("Doe J (2001c) Title"), for the entries one item alone fits."""

    def fitting(self, key: str) -> bool:
        """Whether the list may list ``key``."""
        return key in self.unfindable or any(key in item for item in self.items)


def listed(claims: Sequence[Claim], index: SourceIndex) -> Listed | None:
    """What the document's reference list (the paragraphs after its last "References" heading) says. An item
    fits an entry when it holds the first name, the year (and a letter) and the start of the title. None when
    the document has no such list, or nothing in it fits an entry. A list with no heading (pandoc's rendering
    of a LaTeX manuscript) is the document's last paragraphs, when ``UNHEADED`` of them or more in a row fit."""
    heading = max((c.paragraph for c in claims if canonical(_ATTRIBUTES.sub("", c.text)) in REFERENCE_HEADINGS),
                  default=None)
    paragraphs: dict[int, list[str]] = {}
    for claim in claims:
        if heading is None or claim.paragraph > heading:
            paragraphs.setdefault(claim.paragraph, []).append(claim.text)
    # Not the footnotes a plain-text rendering prints after the list ("[1] See Doe (2004a), 101.").
    numbers = [n for n, texts in paragraphs.items() if not _FOOTNOTE.match(texts[0])]
    items = _named_items([_item_text(paragraphs[n]) for n in numbers])
    text_of = dict(zip(numbers, items, strict=True))
    entries = _item_patterns(index)
    if heading is None:
        # From the end back, the paragraphs that fit, each a list item, until two in a row fit none (an item
        # whose title the .bib spells otherwise may fit none, as under a heading).
        fitting: list[int] = []
        missed = 0
        for at in range(len(numbers) - 1, -1, -1):
            if _item_fits(text_of[numbers[at]], entries, unheaded=True):
                fitting.append(at)
                missed = 0
            elif (missed := missed + 1) > UNHEADED_GAP:
                break
        if len(fitting) < UNHEADED:
            return None
        numbers = numbers[fitting[-1]:]
    fits, printed = [], []
    for n in numbers:
        shown = _item_fits(text_of[n], entries)
        fits.append(set(shown))
        printed.append(shown)
    unfindable = {key for key, entry in entries.items() if entry is None}
    found = tuple(frozenset(f) for f in fits if f)
    letters: dict[str, set[str]] = {}
    for fit, shown in zip(fits, printed, strict=True):
        if len(fit) == 1:
            key = next(iter(fit))
            letters.setdefault(key, set()).add(shown[key])
    # Once some items fit, the paragraphs of the list are its items, those that fit no entry too ("Knuth DE
    # (1986a) Computers & Typesetting", "(n.d.-a).").
    lone = {key: shown.pop() for key, shown in letters.items() if len(shown) == 1}
    return Listed(found, frozenset(unfindable), frozenset(numbers), lone) if found else None


_GLUED = re.compile(r"(?<![\w.])(\d{4}[a-z]{0,2})(?=[A-Z“\"‘'])")
"""A year glued to the title after it, as a style that prints the year in the margin (the AAA's) reaches plain
text: "2012Affective News", "2012aOwl Nesting"."""


def _item_text(texts: Sequence[str]) -> str:
    """A paragraph's text as items are matched: ``canonical``, a year glued to its title set apart, spaces around."""
    return " " + canonical(_GLUED.sub(r"\1 ", " ".join(texts))) + " "


_SUBSTITUTE = re.compile(rf" (?:-{{2,}} )?(?={COMMON_YEAR}[a-z]{{0,2}} )")
"""An item that prints the previous item's names as a dash run (as ``_item_text`` prints "———") or as nothing (the
AAA's ``subsequent-author-substitute=""``: "2016b QDE - a visual animation system"), then its year."""
_FIRST_YEAR = lazy(rf" {COMMON_YEAR}[a-z]{{0,2}} ")
"""An item's year label: the names it prints are what comes before it."""


def _named_items(texts: Sequence[str]) -> list[str]:
    """``texts`` (``_item_text``) with the names of the item before put back into each item that substitutes them
    (``_SUBSTITUTE``): the names its year follows in that item."""
    out: list[str] = []
    for text in texts:
        substituted = _SUBSTITUTE.match(text)
        names = _FIRST_YEAR.search(out[-1]) if out and substituted else None
        out.append(out[-1][:names.start()] + " " + text[substituted.end():] if substituted and names else text)
    return out


_NO_DATE_ITEM = "|".join(re.escape(canonical(t)) for t in sorted(NO_DATE_TERMS, key=len, reverse=True))
"""An undated item's "n.d." ("no date", "o. J.", ...) as ``canonical`` prints it."""
UNHEADED = 3
"""The fewest last paragraphs that must fit entries to be read as a reference list with no heading."""
UNHEADED_GAP = 2
"""The most paragraphs in a row among them that may fit no entry (an item whose title the .bib spells otherwise,
or an unsigned article listed under its journal)."""


class _Item(NamedTuple):
    """What a reference-list item listing an entry holds."""

    parts: tuple[str, ...]
    """Its first name (if it has names) and the start of its title, ``canonical``, spaces around."""
    year: re.Pattern[str]
    """Its year, or "n.d." in a locale's words, and the letter after it."""
    named: bool
    opening: str = ""
    """The first name with its particle, as a style may open the item ("van Tassel, P."; '' with no particle)."""


def _item_patterns(index: SourceIndex) -> dict[str, _Item | None]:
    """Key -> what an item listing it holds (None for an entry with neither names nor title, which no item can
    be told to fit)."""
    out: dict[str, _Item | None] = {}
    for key, source in index.sources.items():
        people = persons_of(source)
        year = index.years.get(key, (None, ""))[0]
        family, title = canonical(people[0].family) if people else "", " ".join(canonical(source.title).split()[:6])
        parts = tuple(f" {part} " for part in (family, title) if part)
        # "2001a"; "n.d.-a" with its hyphen (a letter after a space may be a title's "A").
        printed = rf"{year}(?P<s>[a-z]{{1,2}})?" if year else rf"(?:{_NO_DATE_ITEM})(?: -(?P<s>[a-z]{{1,2}}))?"
        particle = canonical(people[0].prefix) if people else ""
        opening = f" {particle} {family} " if particle and family else ""
        # Compiled when an item holds the entry's name and title: most entries never get that far.
        out[key] = _Item(parts, lazy(rf" {printed} "), bool(family), opening) if parts else None
    return out


def _item_fits(item: str, entries: Mapping[str, _Item | None], unheaded: bool = False) -> dict[str, str]:
    """The entries the (canonical) reference-list item fits, each with the year letter it prints ('' for none).
    ``unheaded``: with no heading to tell a list, only an item that opens with the entry's first name (its title
    when it has no names) and holds its title counts (prose may hold a name and a year)."""
    out = {}
    for key, entry in entries.items():
        if entry is None:
            continue
        if unheaded and ((entry.named and len(entry.parts) < 2)
                         or not (item.startswith(entry.parts[0]) or (entry.opening and item.startswith(entry.opening)))):
            continue
        if all(part in item for part in entry.parts) and (match := entry.year.search(item)):
            out[key] = match.group("s") or ""
    return out
