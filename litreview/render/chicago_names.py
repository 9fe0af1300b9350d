"""The names in a Chicago reference (``citation``): name lists as citeproc prints them (inverted first, initials,
"et al.", CJK names), and the translators and editors printed after a title."""

from __future__ import annotations

import re
from dataclasses import replace

from ..bibliography.names import CJK_SCRIPT
from ..model import Person, Source
from .sanitize import one_line
from .short_labels import and_others

# A list of seven names or more prints its first three and "et al.", as the 18th edition and pandoc print it
_ET_AL_MIN = 7
_ET_AL_FIRST = 3


def name_list(people: tuple[Person, ...], terms: dict[str, str], *, invert_first: bool = True) -> str:
    others = and_others(people)
    people = people[:-1] if others else people
    names = [one_line(_person(p, inverted=i == 0 and invert_first)) for i, p in enumerate(people)]
    etal = len(names) >= _ET_AL_MIN
    if etal:
        names = names[:_ET_AL_FIRST]
    # A name with no part (CSL-JSON's {"name": "Compaq"}, no CSL variable) counts towards "et al." and prints as
    # nothing, as citeproc has it ("Fielding, R., J. Gettys, et al.")
    names = [n for n in names if n.strip()] or names
    if etal or others:  # pandoc: "Kanner, Leo et al.", "Doe, Jane, Rick Roe, et al."
        return ", ".join(names) + (", " if len(names) > 1 else " ") + terms["et al."]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        sep = f", {terms['and']} " if invert_first else f" {terms['and']} "
        return names[0] + sep + names[1]
    return ", ".join(names[:-1]) + f", {terms['and']} " + names[-1]


# Chinese, Japanese and Korean scripts: a name written in them is printed family name first with no space ("佐伯胖"),
# whatever its place in the list, as citeproc (and so pandoc) prints it.
_CJK = CJK_SCRIPT
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _person(p: Person, *, inverted: bool) -> str:
    whole = p.family + p.given
    if p.given and _CJK.search(p.family) and _CJK.search(p.given) and not _LATIN.search(whole):
        return whole
    if p.given:
        given = _SPACED_HYPHEN.sub("-", p.given)
        p = replace(p, given=_INITIAL.sub(_initial, _JOINED_INITIALS.sub(". ", given)))
    if not inverted:
        return p.display()
    if not p.prefix[:1].islower():  # pandoc's particle is the words in lower case that open the name: "De la Casa"
        # "Family, Given, Suffix", as citeproc inverts a name (BibTeX's "Doe, Jr., John" as "Doe, John, Jr.")
        return ", ".join(part for part in (" ".join(n for n in (p.prefix, p.family) if n), p.given, p.suffix) if part)
    # CSL's demoted particle (the Chicago styles' default): "Straten, Roelof van", "Doe, John von, Jr."
    given = " ".join(part for part in (p.given, p.prefix) if part)
    return ", ".join(part for part in (p.family, given, p.suffix) if part)


# Initials as citeproc prints a given name it does not shorten (Chicago's ``initialize-with=". "``): "V.S." is
# "V. S.", "K.Muthamil" "K. Muthamil" (a full stop before a letter is followed by a space), "Jorge L" "Jorge L.",
# and a letter in lower case alike ("s.r.o" is "s. r. o.", "Jean d" "Jean d.")
_JOINED_INITIALS = re.compile(r"\.(?=[^\W\d_])")
_SPACED_HYPHEN = re.compile(r"(?<!\s)\s+-(?=[^\W\d_])")  # from a run's first blank only: linear
"""White space before a hyphen that joins a given name's parts ("B. -O.", "Jean -Baptiste"), which citeproc drops."""
_INITIAL = re.compile(r"(?<![\w.'’-])([^\W\d_])(?![\w.'’-])")


def _initial(m: re.Match[str]) -> str:
    return m.group(1) + "."


def translator_names(s: Source, terms: dict[str, str]) -> str:
    """The translators of a work with authors, as Chicago prints them after the title ("Translated by Yutaka Saeki
    and Ann Roe"), or "" (a work with no author is listed under its editors, else its translators, and names them
    nowhere else: ``translator_people``)."""
    people = translator_people(s) if s.authors else ()
    return name_list(people, terms, invert_first=False) if people else ""


def translator_people(s: Source) -> tuple[Person, ...]:
    """The people of the ``translator`` field; () for none, or for a field that does not read."""
    return people(s, "translator")


def people(s: Source, field: str) -> tuple[Person, ...]:
    """The people of a name field (``translator``, ``bookauthor``); () for none, or for a field that does not read."""
    value = s.field(field)
    if not value:
        return ()
    from ..bibliography.load import read_people

    try:
        return tuple(read_people(value))
    except ValueError:  # reported by the checks where it is written
        return ()


def contributors(s: Source, terms: dict[str, str]) -> list[str]:
    """The editors of a work with authors and its translators, as the Chicago styles print them after its edition
    ("edited by Ann Roe", "translated by Al Loe"; in a chapter those of its book), named once where they are the
    same people ("edited and translated by Ann Roe"); [] for none."""
    found = [f"{terms['edited by']} {name_list(s.editors, terms, invert_first=False)}"] if s.authors and s.editors \
        else []
    if found and translator_people(s) == s.editors:  # CSL's editortranslator: "edited and translated by Ann Roe"
        return [f"{terms['edited and translated by']} {name_list(s.editors, terms, invert_first=False)}"]
    if translators := translator_names(s, terms):
        found.append(f"{terms['translated by']} {translators}")
    return found
