"""LR161: an author or editor field written as one brace group that holds several people ("{Lukas Jaeckle, Joachim
Goll, Manfred Dausmann}"), which BibTeX, biber and pandoc read as one body's name; a person in braces; two people
fused into one name ("Kerstin Hoffmann {Ulrich Sandten}")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..bibliography.bibtex import brace_partners
from ..bibliography.names import capitalised, given_name_first, split_commas, split_names
from ..bibliography.refparse.lexicon import GIVEN
from ..bibliography.refparse.names import ORGANISATION_WORDS
from ..lazyre import lazy
from ..model import Finding, Source
from .bib import entry_finding
from .hints import csl_form

_ACCENT = lazy(r"\{\\[^{}]*\}|\\[`'^\"~=.uvHcdbkr]\s*\{?\w\}?")
"""A letter written with a LaTeX accent ({\\'e}, \\v{C}): part of a name, not a brace group of its own."""
_AND = lazy(r"\s+and\s+")


def _whole_group(value: str) -> str:
    """The text inside the brace group that is the whole value ("{A B, C D}" -> "A B, C D", double braces too),
    or '' when the value is not one group."""
    text = value.strip()
    # (a group closed before the end, "{A} and {B}", is groups side by side, each a name of its own)
    while text.startswith("{") and brace_partners(text).get(0) == len(text):
        text = text[1:-1].strip()
        if not text.startswith("{"):
            return text
    return ""


def _given_first(part: str) -> bool:
    """ "Lukas Jaeckle", "Paul F Christiano": ``given_name_first``."""
    return given_name_first(part.split())


def _family_first(part: str) -> bool:
    """ "Russell, Stuart", "Norvig, Peter J.": a family name of one or two words, a comma, given names."""
    family, comma, given = part.partition(",")
    return bool(comma) and 1 <= len(family.split()) <= 2 and 1 <= len(given.split()) <= 3 and all(
        map(capitalised, (family + " " + given).split()))


def people_in_braces(value: str) -> list[str]:
    """The people of a name list written as one brace group, each as written: "{Russell, Stuart and Norvig, Peter}"
    (joined by 'and'), "{Lukas Jaeckle, Joachim Goll, Manfred Dausmann}" (by commas: three or more, or two whose
    first words are given names); [] for a body's name ("{Barnes and Noble}", "{Ministry of Health, Labour and
    Welfare}") or anything else."""
    inner = _ACCENT.sub("e", _whole_group(value))
    if not inner or "{" in inner or "}" in inner or "&" in inner:
        return []
    if any(w.strip(".,").casefold() in ORGANISATION_WORDS or w.endswith(("'s", "’s")) for w in inner.split()):
        return []
    if _AND.search(inner):
        parts = [p.strip() for p in _AND.split(inner)]
        return parts if len(parts) > 1 and all(_given_first(p) or _family_first(p) for p in parts) else []
    parts = [p.strip() for p in inner.split(",")]
    if len(parts) < 2 or not all(map(_given_first, parts)):
        return []
    return parts if len(parts) > 2 or all(p.split()[0].casefold() in GIVEN for p in parts) else []


def groups_joined_by_commas(value: str) -> list[str]:
    """The people of a name list written as brace groups joined by commas, each group a person ("{Kolokotrones, Tom},
    {Deeds, Eric J.}, {Fontana, Walter}", "{Jane Roe}, {John Doe}"), as written inside their braces; [] for anything
    else (a body's name in a group, a group of one word)."""
    if "{" not in value:  # no brace group (most lists)
        return []
    groups = [p.strip() for p in split_commas(value)]
    if len(groups) < 2:
        return []
    people = [_whole_group(g) for g in groups]
    if not all(people) or any("{" in p or "}" in p for p in people):
        return []
    if any(w.strip(".,").casefold() in ORGANISATION_WORDS for p in people for w in p.split()):
        return []
    return people if all(_family_first(p) or (len(p.split()) > 1 and _given_first(p)) for p in people) else []


_LITERAL_JOINS = lazy(r",\s+(?:&|and|y|und|et)\s+|(?<!\s)\s+(?:&|and|y|und|et)\s+|(?<!\s)\s+;\s*|;\s*")
"""What joins two people in a list written as one name: ", &", "and", "y", "und", "et", ";" (a join is sought at the
start of the white space before it only: sought at each of its spaces, a long run of them took its square in time)."""
_INITIALS_ONLY = lazy(r"(?:[A-Z][a-z]?\.[ -]?)+|[A-Z]{1,3}")


def people_in_literal(value: str) -> list[tuple[str, str]]:
    """The people of a CSL name written as one string (or literal), which pandoc reads as one literal name, as
    (family, given): "Kane, Stephen R. & Gelino, Dawn M.", an APA list "Kopparapu, R. K., Ramirez, R., & Deshpande,
    R."; [] for one name, a body's, or anything else."""
    inner = _whole_group(value)
    if not inner or "{" in inner or "}" in inner or "," not in inner:
        return []
    parts = [p.strip() for chunk in _LITERAL_JOINS.split(inner) for p in chunk.split(",")]
    if len(parts) < 4 or len(parts) % 2:
        return []
    people = list(zip(parts[::2], parts[1::2], strict=True))
    for family, given in people:
        if not (1 <= len(family.split()) <= 3 and all(map(capitalised, family.split()))
                and family.casefold() not in ORGANISATION_WORDS and not _INITIALS_ONLY.fullmatch(family)):
            return []
        if not (_INITIALS_ONLY.fullmatch(given) or (1 <= len(given.split()) <= 3 and all(map(capitalised, given.split())))):
            return []  # (a given name as written: initials, or capitalised words)
    return people


def check_people_in_braces(source: Source) -> Iterable[Finding]:
    """LR161 for an author or editor field of a BibTeX entry that is one brace group holding several people; for a
    CSL item's name written as one string that holds several."""
    if csl_form(source):
        yield from _csl_people_in_one_name(source)
        return
    for role in ("author", "editor"):
        value = source.fields.get(role, "")
        if len(people := groups_joined_by_commas(value)) > 1:
            said = re.sub(r"\s+", " ", value.strip())
            yield entry_finding("LR161", source, f"the {role} field {said!r} is {len(people)} people in brace groups "
                                "joined by commas, not by 'and': BibTeX, biber and pandoc read it as one person's "
                                f"name, and {len(people) - 1} of them are lost",
                                f"write {role} = {{{' and '.join(people)}}}", field=role)
            continue
        if len(people := people_in_braces(value)) > 1:
            written = " and ".join(people)
            said = re.sub(r"\s+", " ", value.strip())
            yield entry_finding("LR161", source, f"the {role} field {said!r} is one brace group holding {len(people)} "
                                "people: BibTeX, biber and pandoc read it as one body's name, printed whole in every "
                                "citation (no et al.) and sorted under its first letter",
                                f"write {role} = {{{written}}} (braces keep a body's name whole, not a list of people)",
                                field=role)
            continue
        for name in split_names(value) if "{" in value else ():
            if fused := people_fused(name):
                written = " and ".join(f"{p.split()[-1]}, {' '.join(p.split()[:-1])}" for p in fused)
                yield entry_finding("LR161", source, f"the {role} {' '.join(name.split())!r} is two people written as "
                                    "one name, the second in braces: BibTeX, biber and pandoc read one person whose "
                                    f"family name is {fused[1]!r}", f"write {written}, joined by 'and', in place of "
                                    f"{' '.join(name.split())}", field=role)
                break
            if person := person_in_braces(name):
                family = person.split()[-1]
                yield entry_finding("LR161", source, f"the {role} {name.strip()!r} is a person's name in braces: "
                                    "BibTeX, biber and pandoc read it as a body's name, printed whole in citations and "
                                    f"sorted under {person[0]!r}, its given name",
                                    (f"write {role} = {{{family}, {' '.join(person.split()[:-1])}}}"
                                     if _whole_group(value) == person else
                                     f"write {family}, {' '.join(person.split()[:-1])} in place of {name.strip()}")
                                    + " (braces keep a body's name whole)", field=role)
                break


_LAST_GROUP = lazy(r"^([^{}]+?)\s+(\{[^{}]+\})$")


def people_fused(name: str) -> tuple[str, str] | None:
    """The two people of one name written as a person and a person in braces ("Kerstin Hoffmann {Ulrich Sandten}",
    an export's two editors without their 'and'), or None: both given name first, the one in braces a person as
    ``person_in_braces`` tells (its first word a known given name, which a family name of two words is not:
    "Maria Jose {Garcia Lopez}")."""
    match = _LAST_GROUP.match(" ".join(name.split()))
    if not match or not (second := person_in_braces(match.group(2))):
        return None
    first = match.group(1).split()
    if not given_name_first(first) or any(w.strip(".").casefold() in ORGANISATION_WORDS for w in first):
        return None
    return " ".join(first), second


def person_in_braces(name: str) -> str:
    """The person of one name of a list written as a brace group ("{Joshua Bemenderfer}", "{{David Michael Chan}}"):
    two to four capitalised words, the first a known given name, no body's word; '' for anything else."""
    inner = _whole_group(name)
    if not inner or "{" in inner or "}" in inner or "," in inner or "\\" in inner:
        return ""
    words = inner.split()
    if not (2 <= len(words) <= 4 and all(map(capitalised, words)) and words[0].casefold() in GIVEN):
        return ""
    return "" if any(w.strip(".").casefold() in ORGANISATION_WORDS for w in words) else inner


def _csl_people_in_one_name(source: Source) -> Iterable[Finding]:
    for role in ("author", "editor"):
        for name in split_names(source.fields.get(role, "")):
            if len(people := people_in_literal(name)) > 1:
                written = " and ".join(f"{family}, {given}" for family, given in people)
                yield entry_finding("LR161", source, f"the {role} {name.strip()[1:-1]!r} is one name holding "
                                    f"{len(people)} people: pandoc reads a name written as one string as one literal "
                                    "name, printed whole in every citation (no et al.) and sorted under its first letter",
                                    f"write {role} = {{{written}}}", field=role)
