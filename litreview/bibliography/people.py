"""A BibTeX name list read into ``Person`` values, as pybtex and biber read it: biblatex's extended format and the
plain names ``names`` reads itself, pybtex's ``Person`` for the rest; each distinct name read once."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..model import Person
from . import names
from .latex import decode_latex


def read_people(value: str) -> tuple[Person, ...]:
    """The persons of a name list (pybtex's rules; biblatex's extended format too).

    Raises ValueError when a name cannot be read.
    """
    if not value:
        return ()
    listed = names.split_names(value)
    if any(names.is_stray(n) for n in listed):
        raise ValueError("the list has an empty name (a stray 'and' or comma)")
    return _read_listed(listed)


def _read_listed(listed: list[str]) -> tuple[Person, ...]:
    """The persons of the names of a list, each read by pybtex's rules (ValueError when one cannot be)."""
    out = []
    for name in listed:
        person = _read_name(name)
        if person is _PYBTEX:
            from pybtex.database import Person as PybtexPerson
            from pybtex.scanner import PybtexError

            try:  # not cached: pybtex reports its warnings ("Too many commas") at every reading
                out.append(_person(PybtexPerson(name)))
            except PybtexError as exc:
                raise ValueError(str(exc)) from None
        elif person is not None:
            out.append(person)
    return tuple(out)


def without_empty_names(value: str) -> tuple[Person, ...]:
    """The persons of a list that ``read_people`` refuses for an empty name, as pandoc and pybtex read them: a name
    of commas alone dropped (``names.is_empty``), the trace of another read as a name ("Powell and and Clyde Wilcox":
    the particle "and" of "Clyde Wilcox", which citations drop; "Cobain and": the family "and"); none when a name
    cannot be read at all."""
    try:
        return _read_listed([n for n in names.split_names(value) if not names.is_empty(n)])
    except ValueError:
        return ()


_CASED_AND = re.compile(r"\s(?!and\s)[Aa][Nn][Dd]\s")
"""A name separator not written "and" in lower case."""


def pandoc_people(value: str) -> tuple[Person, ...]:
    """The persons of a BibTeX name list as pandoc reads them, when it reads other people than BibTeX does: a
    separator written "AND" or "And" (BibTeX's is any case, pandoc's only "and") leaves the names around it one
    person to pandoc, whose family name is the last word ("Heiner Barz AND Dirk Randoll": Randoll, given "Heiner
    Barz AND Dirk"); a name of more than three comma-separated parts, which BibTeX refuses, is its first three to
    pandoc (``names.pandoc_name``: "Teorell, Jan, Stefan Dahlberg, Sören Holmberg" is Teorell). () when pandoc reads
    the list as BibTeX does, or a name cannot be read."""
    if _CASED_AND.search(value):
        listed = names.pandoc_split_names(value)
        if len(listed) >= len(names.split_names(value)):
            return ()
    else:
        listed = [n for n in names.split_names(value) if not names.is_empty(n)]
        if all(names.pandoc_name(n) == n for n in listed):
            return ()
    try:
        return _read_listed([names.pandoc_name(n) for n in listed])
    except ValueError:
        return ()


_PYBTEX = Person("")
"""``_read_name``'s answer for a name only pybtex's ``Person`` reads."""


@lru_cache(maxsize=65536)
def _read_name(name: str) -> Person | None:
    """One name of a list read without pybtex (None for an options-only item), or ``_PYBTEX``.

    The same people recur across a bibliography: each distinct name is read once.
    """
    parts = names.extended_name(name)
    if parts is not None:
        return names.person_from_parts(parts, decode_latex)
    plain = names.plain_name_parts(name)
    if plain is None:
        return _PYBTEX
    first, middle, von, last, jr = plain
    return Person(family=decode_latex(" ".join(last)), given=decode_latex(" ".join(first + middle)),
                  prefix=decode_latex(" ".join(von)), suffix=decode_latex(" ".join(jr)))


def _person(pybtex_person: Any) -> Person:
    given = " ".join(pybtex_person.first_names + pybtex_person.middle_names)
    return Person(
        family=decode_latex(" ".join(pybtex_person.last_names)),
        given=decode_latex(given),
        prefix=decode_latex(" ".join(pybtex_person.prelast_names)),
        suffix=decode_latex(" ".join(pybtex_person.lineage_names)),
    )
