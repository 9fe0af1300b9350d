"""The short author-year labels of the site ("Holsti 2004", "Bull et al. 2012", "J. Smith 2012a") and the marks that
tell apart entries whose labels would print alike, as Chicago author-date does through citeproc."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..bibliography.csl_item import LEGAL_TYPES
from ..bibliography.latex import field_text
from ..linking.cited_names import ET_AL_MIN, CitedNames
from ..locale_terms import ENGLISH_TERMS
from ..model import Person, Source
from .sanitize import one_line, shorten


@dataclass(frozen=True, slots=True)
class Mark:
    """What tells an entry's short label from another's that would print alike (``marks``)."""

    letter: str = ""
    """The letter added to the year ("2012a")."""
    names: CitedNames | None = None
    """The names printed with given names or initials, or more of them before "et al." ("J. Smith"); None for
    the family names alone."""


PLAIN = Mark()


def _legal_label(source: Source, letter: str, terms: dict[str, str]) -> str:
    """A case's or a statute's mark: its short title, else its name with its citation when another entry has the
    same name ("Smith SCC"; "Jones v Roe, [1990] 2 SCR 100"), never "n.d."."""
    short = one_line(field_text(source, "shorttitle"))
    if short:
        return short
    title = one_line(source.title)
    citation = one_line(field_text(source, "authority"))
    if letter:
        return f"{title}, {citation}" if citation else f"{title} {year_label(source, Mark(letter), terms)}"
    return f"{title} {source.year}" if source.year and not citation else title


def and_others(people: tuple[Person, ...]) -> bool:
    """Whether a name list ends with BibTeX's "and others" (the list is not given in full: "et al.")."""
    return len(people) > 1 and people[-1].family == "others" and not people[-1].given



_DASHED_SUBTITLE = re.compile(r"\s+(?:[–—]|--?)\s+")



def marks(sources: Iterable[Source]) -> dict[str, Mark]:
    """Key -> what a Chicago author-date citation adds to tell it from another entry of the bibliography the site
    lists, for the entries that need it: the given names or more names (``linking.cited_names.cited_names``), then for
    the same names a letter to the year ("2012a", ``linking.labels.year_labels``), as citeproc does. A label thus
    depends on the other entries: whatever caches a page must key it by the marks it shows."""
    from ..linking.cited_names import cited_names
    from ..linking.labels import year_labels

    by_key: dict[str, Source] = {}
    for source in sources:
        # A label that is the entry's key tells it from every other already: no letter ("doi:10.1038/x", not
        # "doi:10.1038/x n.d.-c").
        if not labelled_by_key(source):
            by_key.setdefault(source.key, source)
    years = {key: source.year for key, source in by_key.items()}
    names = cited_names(by_key, years)
    letters = {key: label.suffix for key, label in year_labels(by_key, years).items() if label.suffix}
    return {key: Mark(letters.get(key, ""), names.get(key)) for key in sorted(names.keys() | letters.keys())}


def labelled_by_key(source: Source) -> bool:
    """Whether the entry's label is its key: no names and no title, a work a Manubot manuscript cites by identifier
    before any registry has described it (``short_label``)."""
    return not (source.authors or source.editors) and not one_line(source.title)


def printed_year(source: Source) -> str:
    """The year as citeproc prints it: the entry's year, else its year field as written ("1593, 1603",
    "forthcoming": pandoc prints a year it cannot read as a date as its text), else ''; a CSL literal date is
    printed as written ("July 1945 Issue")."""
    if source.date_literal:
        return source.date_literal
    return str(source.year) if source.year else one_line(field_text(source, "year"))


def year_label(source: Source, mark: Mark = PLAIN, terms: dict[str, str] = ENGLISH_TERMS) -> str:
    """The year a label prints, with the letter ``mark`` adds: "2012", "2012a", "n.d.", "n.d.-b" (``terms``: the
    document's language's words, ``locale_terms.citation_terms``: de "o. J.-b")."""
    year = printed_year(source) or terms["n.d."]
    if mark.letter:
        year += mark.letter if source.year or source.date_literal else f"-{mark.letter}"
    return year


def short_label(source: Source, mark: Mark = PLAIN, terms: dict[str, str] = ENGLISH_TERMS) -> str:
    """Author-year label: "Holsti 2004", "Bauer and Kratochwil 2011", "Bull et al. 2012"; ``mark`` tells it from
    another entry's printed alike ("J. Smith 2012", "Bull, Roe, et al. 2012", "Uieda and Barbosa 2012a", "n.d.-b";
    ``marks``), in the words of ``terms`` (``locale_terms.citation_terms``: de "Bauer und Kratochwil 2011")."""
    people = source.authors or source.editors
    letter = mark.letter
    year = year_label(source, mark, terms)
    if not people:
        # A subtitle set off by a spaced dash is left out ("U.S. Code: Title 10 – ARMED FORCES" is cited
        # as "U.S. Code: Title 10"), so the marks of a series of such works stay short and alike.
        title = one_line(source.title)
        if labelled_by_key(source):
            # Nothing to print but its key: a work a Manubot manuscript cites by identifier before any registry
            # has described it ("doi:10.1126/science.1065863"), not a title in quotes with "n.d.".
            return one_line(source.key) + (f" {year}" if source.year or letter else "")
        if source.type.lower() in LEGAL_TYPES:
            return _legal_label(source, letter, terms)
        head = _DASHED_SUBTITLE.split(title, maxsplit=1)[0].strip()
        return f"“{shorten(head or title, 40)}” {year}"
    return f"{_cited_names(people, mark.names, terms)} {year}"


def _cited_names(people: tuple[Person, ...], cited: CitedNames | None, terms: dict[str, str]) -> str:
    others = and_others(people)
    families = [one_line(" ".join(p for p in (x.prefix, x.family) if p)) or one_line(x.given)
                for x in (people[:-1] if others else people)]
    if cited is None:
        count = 1 if len(families) >= ET_AL_MIN or others else len(families)
        given: tuple[str, ...] = ()
    else:
        count, given = min(cited.count, len(families)), cited.given
    if others and count == len(families):  # "and others": the list goes on, whatever it names
        families.append("")
    shown = [" ".join(p for p in (one_line(g), family) if p)
             for family, g in zip(families[:count], given + ("",) * count, strict=False)]
    if count < len(families):
        return f"{shown[0]} {terms['et al.']}" if count == 1 else ", ".join(shown) + f", {terms['et al.']}"
    if len(shown) == 1:
        return shown[0]
    if len(shown) == 2:
        return f"{shown[0]} {terms['and']} {shown[1]}"
    return ", ".join(shown[:-1]) + f", {terms['and']} {shown[-1]}"


def short_title(source: Source, limit: int = 70) -> str:
    """The title before its subtitle, cut to ``limit`` characters; the key if untitled."""
    title = one_line(source.title)
    if not title:
        return one_line(source.key)
    head = title.split(": ", 1)[0]
    return shorten(head, limit)
