"""The one rule for accepting a title search's hit as the entry's work, with the evidence for it.

Registries searched by title (OpenAlex, Semantic Scholar, DBLP, Open Library) return
candidates; a candidate is the entry's work only when its title is the entry's (as
``litreview.text.same_title`` says: folded alike, or the same main title before a colon, when
that main title has at least four words), its year is the entry's or one off (an online-first date), and the
entry's first author is among its authors (names compared as ASCII letters, ``fold_ascii``). Anything less is no match: a search that finds
nothing proves nothing, and a wrong "verified" is worse than none. Pure: no network.

A search question is written ``scheme:TITLE|FAMILY|YEAR`` (year optional).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from ..model import RegistryRecord, Source
from ..text import fold_ascii, fold_words, same_title

#: How far a registry's year may be from the entry's (online-first vs print).
YEAR_SLACK = 1

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Query:
    """What a title search looks for."""

    title: str
    family: str = ""
    """The first author's (or editor's) family name."""
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """Why a hit was taken for the entry's work: each part of the rule that held."""

    title: str
    """'same title' or 'same main title'."""
    year: str
    """'2004' or '2004 (entry 2005)'."""
    author: str
    """The entry's first author's family name, as found among the hit's authors."""

    def evidence(self) -> str:
        return f"{self.title}, year {self.year}, {self.author} among the authors"


def query_ident(scheme: str, title: str, family: str, year: int | None) -> str:
    """The question ``scheme:TITLE|FAMILY|YEAR`` ('|' in the title is read as a space)."""
    clean = " ".join(title.replace("|", " ").split())
    return f"{scheme}:{clean}|{family.replace('|', ' ').strip()}" + (f"|{year}" if year else "")


def parse_query(ident: str) -> Query:
    """The ``Query`` of a search question (see ``query_ident``)."""
    parts = ident.split(":", 1)[-1].split("|")
    year = parts[2].strip() if len(parts) > 2 else ""
    return Query(parts[0].strip(), parts[1].strip() if len(parts) > 1 else "",
                 int(year) if year.isdigit() else None)


def title_match(query: Query, record: RegistryRecord) -> Match | None:
    """The evidence that ``record`` is the work ``query`` describes, or None (see the module docstring)."""
    if not fold_words(query.title) or not query.family.strip():
        return None
    full = f"{record.title}: {record.subtitle}" if record.subtitle else record.title
    hows = {same_title(query.title, full), same_title(query.title, record.title)}
    how = next((h for h in ("same title", "same main title") if h in hows), None)  # main title: a subtitle left out
    if how is None:
        return None
    if query.year is not None:
        if record.year is None or abs(record.year - query.year) > YEAR_SLACK:
            return None
        year = str(record.year) + ("" if record.year == query.year else f" (entry {query.year})")
    else:
        year = f"{record.year or 'unknown'} (the entry gives none)"
    # Names compare as ASCII letters only: a registry's "L'ala" is the entry's "Lála" (as recorded).
    family = fold_ascii(query.family)
    people = [p for p in (*record.authors, *record.editors) if fold_ascii(p.family) == family
              or fold_ascii(p.display().split()[-1] if p.display() else "") == family]
    if not people:
        return None
    return Match(how, year, people[0].family)


def entry_match(source: Source, record: RegistryRecord) -> Match | None:
    """The evidence that ``record`` is ``source``'s work by the same rule (its title, first author or editor, year)."""
    people = source.authors or source.editors
    return title_match(Query(source.title, people[0].family if people else "", source.year), record)


def best_match(query: Query, hits: Iterable[tuple[T, RegistryRecord]]) -> tuple[T, Match] | None:
    """The first hit (in the registry's order) that passes ``title_match``; an exact title before a main title."""
    passing = [(raw, m) for raw, record in hits if (m := title_match(query, record)) is not None]
    passing.sort(key=lambda pair: pair[1].title != "same title")
    return passing[0] if passing else None
