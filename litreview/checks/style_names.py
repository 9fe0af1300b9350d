"""Checks of the names of an entry's people (part of ``style``): a name miscased or with a stray quote, "et al." or a
placeholder ("VV.AA.") written as a person, a name written in a form unlike the others of its list, one person
named twice in a list."""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import pairwise

from ..bibliography import names
from ..bibliography.latex import decode_latex, if_math_sub, text_mode
from ..bibliography.refparse.lexicon import GIVEN
from ..bibliography.refparse.names import ORGANISATION_WORDS, is_particle
from ..lazyre import lazy
from ..locale_terms import DEGREES, SUFFIXES_IN_TEXT, and_words
from ..model import Finding, Person, Source
from ..registry.compare import initials_compatible, same_surname, surname_key
from ..text import and_list, fold_words
from .bib import editor_as_publisher, entry_finding, shown
from .body_names import LEGAL_FORMS, body_names, in_double_braces
from .hints import csl_form

_LOWER_INITIAL = re.compile(r"(?:^|[\s.\-])([a-z])\.")


@lru_cache(maxsize=65536)
def name_problem(person: Person) -> str:
    """What is miscased in a person's name ('' when nothing is)."""
    given, family = person.given, person.family
    if family == "others" and not given:  # BibTeX's "and others": et al., not a name
        return ""
    if given and _LOWER_INITIAL.search(given):
        return "miscased initials"
    if family.isascii():  # every ASCII letter is cased: str methods decide at C speed
        letters = "".join(filter(str.isalpha, family)) if not family.isalpha() else family
        lower, upper = letters.islower(), letters.isupper()
    else:
        chars = [c for c in family if c.isalpha()]
        letters = "".join(chars)
        lower = bool(chars) and all(c.islower() for c in chars)
        upper = bool(chars) and all(c.isupper() for c in chars)
    if lower and (given or person.prefix):  # one word alone ({{acme}}, a CSL literal, a handle): as written
        return "family name in lower case"
    if given and len(letters) >= 3 and upper and not any(c.isdigit() for c in family):
        return "family name in capitals"  # ("ESP8266", "RFC2616": a product's or a standard's code, no one's name)
    return ""


_PIECE = lazy(r"([-'’])")
#: "MCDONALD", "MACLEOD": McDonald or Mcdonald, MacLeod or Macleod, Mack: only the work tells.
_MC = lazy(r"(?i)^ma?c[a-z]")


def _cased(words: str) -> str:
    """'STARA' -> 'Stara', "O'BRIEN" -> "O'Brien", 'DE LA CRUZ' -> 'de la Cruz': each word with a capital after
    a space, hyphen or apostrophe and the rest in lower case, a particle before the last word in lower case;
    '' where the case is not sure (a 'Mc' or 'Mac' name)."""
    split = words.split()
    if any(_MC.match(w) for w in split):
        return ""
    return " ".join(w.lower() if i < len(split) - 1 and is_particle(w)
                    else "".join(p[:1].upper() + p[1:].lower() for p in _PIECE.split(w)) for i, w in enumerate(split))


_INITIALS = lazy(r"(?:\w\.-?)+\w?")
"""Initials as a word ("W.E.", "J.-P."): capitals, whatever the case of the name around them."""


def _cased_given(given: str) -> str:
    """'KATHARINA' -> 'Katharina', 'U. W.E.' -> 'U. W.E.': ``_cased`` of each word but initials ('' where the case
    of a word is not sure)."""
    words = [w if _INITIALS.fullmatch(w) else _cased(w) for w in given.split()]
    return " ".join(words) if all(words) else ""


def fixed_given(given: str) -> str:
    """Initials as capitals with a period and a space: 'R.j.' -> 'R. J.'."""
    parts = [p for p in re.split(r"(?<=\.)|\s+", given) if p.strip()]
    return " ".join(p[0].upper() + p[1:] if len(p.rstrip(".")) == 1 else p for p in parts)


def stray_quote(person: Person) -> str:
    """The quotation mark a name holds with nothing to close it ('' for none): an odd number of '"', or a curly
    mark without its partner. A nickname in quotes ('Ervin "Magic"') holds both; an umlaut written {\\"u} is a
    letter by now."""
    # (the parts apart by one space each, an empty one too: the marks, their counts and their order are the name's)
    written = f"{person.given} {person.prefix} {person.family} {person.suffix}"
    if '"' not in written and written.isascii():
        return ""  # no mark at all (most names): the curly ones and the guillemets are not ASCII
    for marks in ('"', "„“”", "«»"):  # „…“ and “…” pair the curly marks
        if sum(written.count(m) for m in marks) % 2 or (marks == "«»" and written.count("«") != written.count("»")):
            return next(m for m in written if m in marks)
    return ""


_ET_AL = lazy(r"(?i)(?:et\.?\s*)?al\.?")
"""et al. as people write it in a name list: "et al.", "et. al", "et.al.", "etal", "al."."""
_ET_AL_AFTER = re.compile(r"(?:^|[\s,])(?:(?:et|Et|ET)(?:\.\s*|\s+)(?:al|AL)|etal|et\.al|a\s+[kc]ol)\.?$")
"""et al. at the end of a name, after its words (with the "et": a family name "Al" is a name, and so is "Etal"), or
Czech and Slovak "a kol." (a kolektiv, "and others"; "a col." as written too)."""


_AL_AS_GIVEN = lazy(r"(?i)a\.?\s*l\.?|al\.?")
"""The given name of EndNote's "et, a. l.", "et, al." (its "et al." read as a name: family "et")."""


def et_al_as_name(person: Person) -> bool:
    """ "{al.}", "al.", "et al.", "et. al" written as a name of the list (BibTeX's "others" is the list's et al.);
    EndNote's "et, a. l."."""
    if person.family.casefold() == "et" and not person.prefix and _AL_AS_GIVEN.fullmatch(person.given):
        return True
    return not person.given and bool(_ET_AL.fullmatch(f"{person.prefix} {person.family}".strip()))


def _may_hold_et_al(person: Person) -> bool:
    """Whether a name holds "al", "AL" or "ol", which every form of ``_ET_AL_AFTER`` does (most names do not: no
    pattern run then)."""
    parts = f"{person.given}\n{person.prefix}\n{person.family}"  # no "al" across two parts
    return "al" in parts or "AL" in parts or "ol" in parts


def et_al_in_name(person: Person) -> str:
    """The name a person's name is without the et al. written into it with no "and" ("M.J. Berger et.al.", read as
    given name "M.J. Berger" and family name "et.al."; "Berger, M.J. et al."), or '' when it holds none."""
    if not person.given or not _may_hold_et_al(person):
        return ""
    family = f"{person.prefix} {person.family}".strip()
    if _ET_AL_AFTER.match(family) and not _ET_AL_AFTER.match(person.given):
        return person.given  # "M.J. Berger et.al.": the name written given name first
    if _ET_AL_AFTER.match(person.given) and person.suffix:
        return f"{family}, {person.suffix}"  # "Berger, M.J., et al.": et al. read as the given name
    if (after := _ET_AL_AFTER.search(person.given)) and not person.suffix and after.start():
        return f"{family}, {person.given[:after.start()].rstrip(', ')}"  # "Berger, M.J. et al."
    return ""


# Written in the author field for "various authors", "no author", "name unknown" (folded to letters): a
# placeholder that styles print as a person. "Anonymous" is not one: APA prints it when the work is so signed.
_PLACEHOLDERS = frozenset({"vvaa", "aavv", "autoresvarios", "variosautores", "autorivari", "variousauthors",
                           "oa", "ohneautor", "nn", "sinautor", "unknownauthor", "noauthor", "multipleauthors",
                           "severalauthors", "manyauthors", "manyothers"}) | frozenset(
    _KINDS := {"masterthesis": "mastersthesis", "mastersthesis": "mastersthesis", "masterarbeit": "mastersthesis",
               "bachelorthesis": "thesis", "bachelorarbeit": "thesis", "diplomarbeit": "mastersthesis",
               "phdthesis": "phdthesis", "doctoralthesis": "phdthesis", "doktorarbeit": "phdthesis"})
"""Placeholders for no one named, and the words of a kind of work a reference manager took from a title page for
its author (Mendeley's "Thesis, Master"), each with the entry type of that work (``_KINDS``)."""


def placeholder_name(person: Person, alone: bool) -> bool:
    """Whether a listed name is a placeholder for authors not named ("VV.AA.", "o.A.", "N.N.", and "others" as
    the list's only name)."""
    written = "".join(filter(str.isalpha, f"{person.given}{person.prefix}{person.family}")).casefold()
    return written in _PLACEHOLDERS or (alone and written == "others")


_AND_WORDS = and_words("nl", "fr", "la", "de", "da", "nb", "sv", "hu", "tr", "cs", "sk")
"""'and' in Dutch, French and Latin, German, Danish and Norwegian, Swedish, Hungarian, Turkish: joining two people in one
name ("Douglas R. Mauro en Kevin J. Schmidt"), and Czech and Slovak 'a' (``_CAPITAL_AFTER``). Not Spanish 'y',
Portuguese 'e' nor Catalan 'i', which join the two family names of one person ("Ortega y Gasset"); not English "and",
BibTeX's own separator; nor the locales' other words ("i", "in", "ja", "un"), which are as often a word of a body's name
or a particle as two people's join."""

_CAPITAL_AFTER = and_words("cs", "sk")
"""Words for 'and' that join two people only before a capital ("BERGH, Joeri van den a Mattias BEHRER", ISO 690's form:
the particle before it is the first person's), as 'a' is also a particle ("Thomas a Kempis", one word after it) and a
word of a body's name ("Ústav pro jazyk a literaturu")."""


def joining_word(person: Person) -> str:
    """The word for 'and' that joins two people written as one name ("Douglas R. Mauro en Kevin J. Schmidt",
    "Darvas, Zsolt et Guntram Wolff"), or ''. A body's name (no given part: "{{Welzijn en Sport}}") and particles
    joined ("von und zu") are no two people; "et al." is LR151's. The person after the word is named by two words or
    more (a given name and a family name): a body's name left without braces ends in one ("Agence Sécurité et Santé",
    "Ministerie van Volksgezondheid, Welzijn en Sport")."""
    if not person.given or _AND_WORDS.isdisjoint(f"{person.given} {person.prefix} {person.family} {person.suffix}".split()):
        return ""  # (no word for 'and' anywhere: most names, no list of their words made)
    parts = [(w, k) for k, p in enumerate((person.given, person.prefix, person.family, person.suffix)) for w in p.split()]
    words = [w for w, _ in parts]
    if _AND_WORDS.isdisjoint(words[1:-1]):
        return ""  # no word for 'and' between two others (most names)
    for n, word in enumerate(words[1:-1], 1):
        if word not in _AND_WORDS:
            continue
        # after the word: the rest of the given names ("Darvas, Zsolt et Guntram Wolff"), or of the particles and the
        # family name it opens ("Douglas R. Mauro en Kevin J. Schmidt", "en" read as a particle)
        after = [w for w, k in parts[n + 1:] if k == parts[n][1] or (parts[n][1] > 0 and k > 0)]
        capital = word in _CAPITAL_AFTER
        if capital and not words[n + 1][:1].isupper():
            continue
        if (words[n + 1].rstrip(".").casefold() != "al" and len(after) > 1
                and (capital or not is_particle(words[n - 1])) and not is_particle(words[n + 1])
                and not any(w.strip(".,()").casefold() in ORGANISATION_WORDS for w in words)):
            return word
    return ""


def suffix_as_family(person: Person) -> tuple[str, str, str] | None:
    """(family, suffix, given) of a name whose family part is a generational suffix ("Jr, James E Watkins": the
    family name is the last of the given words), or None when it is not one."""
    given = person.given.split()
    if (person.family.rstrip(".").casefold() not in SUFFIXES_IN_TEXT or person.suffix or person.prefix
            or len(given) < 2):
        return None
    return given[-1], person.family, " ".join(given[:-1])


def degree_as_family(person: Person) -> tuple[str, str] | None:
    """(family, given) of a name whose family part is a degree written after it ("Jerry D. Marx DSW", "Jane Roe
    PhD": BibTeX reads the last word as the family name): the family name is the last of the given words; None
    when it is not one. The degree is written with two capitals at least ("Ma" is a family name)."""
    given = person.given.split()
    if (person.family.replace(".", "").casefold() not in DEGREES or sum(map(str.isupper, person.family)) < 2
            or person.suffix or person.prefix or len(given) < 2):
        return None
    return given[-1], " ".join(given[:-1])


def _has_letter(text: str) -> bool:
    """Whether ``text`` holds a letter, or U+FFFD (a letter a wrong encoding lost, LR105's)."""
    if text.isascii():  # an ASCII letter is cased, and nothing else ASCII is
        return text.lower() != text.upper()
    return any(c.isalpha() or c == "\ufffd" for c in text)


def capitals_by_choice(person: Person) -> bool:
    """Whether a name writes its family name in capitals and its given name not ("Dejan BOSANAC", "TAUB, M"): the
    form ISO 690 prints, which Czech and Slovak styles (czechiso.bst) ask the bibliography to hold."""
    return name_problem(person) == "family name in capitals" and not any(
        len(w.strip(".-")) > 1 and w.isupper() for w in person.given.split())


def capitals_house(sources: Iterable[Source]) -> bool:
    """Whether a bibliography writes its people's family names in capitals on purpose (ISO 690's form, which
    czechiso.bst prints as written): at least two names, and three in four of those with a given name, so."""
    people = [p for s in sources if not csl_form(s) for p in (*s.authors, *s.editors) if p.given and p.family]
    chosen = sum(map(capitals_by_choice, people))
    return chosen >= 2 and 4 * chosen >= 3 * len(people)


def check_names(source: Source, house_capitals: Callable[[], bool] = lambda: False) -> Iterable[Finding]:
    """LR133 for each author or editor whose name is miscased; LR149 for one with no family part; LR150 for one
    holding a quotation mark that nothing closes; LR151 for et al. written as a name; LR154 for a placeholder; LR158
    for two people joined by a word for 'and' ("en", "et"); LR160 for a family name without a letter ("-").
    ``house_capitals``: whether the bibliography writes family names in capitals on purpose (``capitals_house``),
    which makes such a name no finding."""
    house = editor_as_publisher(source)  # "editor = {Siglo XXI}": LR111 names the publisher, no name problem
    split: dict[str, list[str]] = {}
    bodies: dict[str, list[str]] = {}

    def listed(role: str) -> list[str]:
        """The role's names as written, split once (only a name with a finding asks: most entries never do)."""
        if role not in split:
            split[role] = names.split_names(source.fields.get(role, ""))
        return split[role]

    def bodies_in(role: str) -> list[str]:
        """The role's names that are a body's without braces, or part of one (LR165's), read once."""
        if role not in bodies:
            bodies[role] = [] if csl_form(source) else body_names(source.fields.get(role, ""))
        return bodies[role]

    for role, people in (("author", source.authors), ("editor", () if house else source.editors)):
        capitals: list[Finding] = []  # LR133 for family names in capitals: one finding for the list's names
        yield from _in_capitals(source, role, capitals, len(people), _role_findings(
            source, role, people, house_capitals, listed, bodies_in, capitals))


def _in_capitals(source: Source, role: str, capitals: list[Finding], total: int,
                 others: Iterable[Finding]) -> Iterable[Finding]:
    """The role's findings (``others``), then one LR133 for its names written with family names in capitals, which
    ``others`` gathered in ``capitals``: one export wrote them all so, and one change mends them all."""
    yield from others
    if len(capitals) < 2:
        yield from capitals
        return
    written = [f.message.split(": ", 1)[0].removeprefix(f"{role} ") for f in capitals]
    listing = ", ".join(written[:3]) + (f" and {len(written) - 3} more" if len(written) > 3 else "")
    of = (f" ({len(written)} of the {total} {role}s)" if len(written) < total else f" (both {role}s)" if total == 2
          else f" (all {total} {role}s)")
    first = re.sub(r"\b([Ww])rite the name as the work prints it", r"\1rite the names as the work prints them",
                   capitals[0].hint, count=1)
    yield entry_finding("LR133", source, f"{role}s {listing}: family names in capitals{of}", first, field=role)


def _role_findings(source: Source, role: str, people: tuple[Person, ...], house_capitals: Callable[[], bool],
                   listed: Callable[[str], list[str]], bodies_in: Callable[[str], list[str]],
                   capitals: list[Finding]) -> Iterable[Finding]:
    """``check_names``'s findings for the names of one role; a family name in capitals goes to ``capitals``."""
    for person in people:
        if _sound(person, len(people) == 1):
            continue  # (most names: nothing below finds anything in them)
        if placeholder_name(person, len(people) == 1):
            called = person.family if person.family != "others" or person.given else "et al."
            hint = (f"delete the {role} field (styles then cite the work by its title), or name the people; for a "
                    "work signed 'Anonymous' write author = {Anonymous}")
            if len(people) > 1:  # "Harrell, Frank E. and many others": the rest of the list is people
                hint = (f"delete it from the {role} list: CSL has no name for 'and others', and styles cut a "
                        "long list to et al. themselves" if csl_form(source) else
                        "write 'and others' in its place, which styles print as et al." if person is people[-1]
                        else f"delete it from the {role} list: 'and others' (et al.) may only end the list")
            where = (f" ({shown(called)} in citations, sorted under it)" if person is people[0] else
                     f" among the {role}s")
            kind = _KINDS.get("".join(filter(str.isalpha, f"{person.given}{person.family}")).casefold())
            if kind:  # "Thesis, Master": the title page's words for the kind of work
                hint = (f"it names the kind of work, not its author: write the author's name in the {role} field, "
                        + ("and give the item the type thesis" if csl_form(source) else
                           f"and make the entry @{kind} with school = {{...}}"))
            yield entry_finding("LR154", source, f"{role} {shown(person.sort_name())} names no one: styles print it "
                                f"as a person{where}", hint, field=role)
            continue
        if person.family == "others" and not person.given:
            continue  # "and others": et al., not a person
        if (found := _not_one_name(source, role, person, listed)) is not None:
            yield found
            continue
        mark = stray_quote(person)
        if mark:
            yield entry_finding("LR150", source, f"{role} {shown(person.sort_name())} holds a stray quotation mark {mark}",
                                f"delete the {mark} from the {role} field (a nickname in quotes takes both marks)", field=role)
        if not person.family and not person.prefix and person.given:
            yield entry_finding("LR149", source, f"{role} {shown(person.given)} has no family name: citations "
                                "print no name for it", _no_family_hint(source, person.given), field=role)
            continue
        if capitals_by_choice(person) and house_capitals():
            continue  # "Dejan BOSANAC" in a bibliography that writes every family name so (ISO 690)
        if (found := _miscased(source, role, person, listed, bodies_in)) is not None:
            if found.message.endswith(": family name in capitals"):
                capitals.append(found)
            else:
                yield found


def _no_family_hint(source: Source, given: str) -> str:
    """LR149's hint for a CSL name: its own fields, not BibTeX's braces and 'Family, Given' (the catalogue's)."""
    form = csl_form(source)
    if not form:
        return ""
    family, literal = ((f"family: {given}", f"literal: {given}") if form == "yaml" else
                       (f'"family": {json.dumps(given, ensure_ascii=False)}',
                        f'"literal": {json.dumps(given, ensure_ascii=False)}'))
    return (f"Write a person known by one name as {family} (not given), a body's whole name as {literal}; "
            "a person's other names go in given")


@lru_cache(maxsize=65536)
def _sound(person: Person, alone: bool) -> bool:
    """Whether ``check_names`` finds nothing in a name (``alone``: the only one of its list), by the tests it makes of
    the name alone (kept: a bibliography names its people again and again)."""
    if person.family == "others" and not person.given:
        return not placeholder_name(person, alone)  # "and others": et al.; alone, or "many others", a placeholder
    family = f"{person.prefix} {person.family}".strip()
    return not (placeholder_name(person, alone) or suffix_as_family(person) is not None
                or degree_as_family(person) is not None or et_al_as_name(person)
                or et_al_in_name(person) or (family and not _has_letter(family)) or joining_word(person)
                or stray_quote(person) or (not person.family and not person.prefix) or name_problem(person))


def _not_one_name(source: Source, role: str, person: Person, listed: Callable[[str], list[str]]) -> Finding | None:
    """The finding for a name that is not one person's name (LR156, LR151, LR160, LR158), or None."""
    if (fixed := suffix_as_family(person)) is not None:
        family, suffix, given = fixed
        hint = (f"write family: {family}, given: {given}, suffix: {suffix}" if csl_form(source) else
                f"write '{family}, {suffix}, {given}' in the {role} field")
        return entry_finding("LR156", source, f"{role} {shown(person.sort_name())} has the suffix "
                             f"{shown(person.family)} as its family name: styles print and sort it so", hint, field=role)
    if (named := degree_as_family(person)) is not None:
        family, given = named
        hint = (f"write family: {family}, given: {given}" if csl_form(source) else
                f"write '{family}, {given}' in the {role} field") + " (styles print no degree)"
        return entry_finding("LR156", source, f"{role} {shown(person.sort_name())} has the degree "
                             f"{shown(person.family)} as its family name: styles print and sort it so", hint, field=role)
    if et_al_as_name(person):
        return entry_finding("LR151", source, f"{role} list names {shown(person.sort_name())} as a person: it is "
                             "printed as one", "write 'and others', which styles print as et al.", field=role)
    if name := et_al_in_name(person):
        written = next((" ".join(n.split()) for n in listed(role) if name in n), person.sort_name())  # as written
        return entry_finding("LR151", source, f"{role} {shown(written)} is the name {shown(name)} with et al. "
                             "written into it: styles print it as part of the name",
                             f"write '{name} and others' in the {role} field, which styles print as et al.",
                             field=role)
    family = f"{person.prefix} {person.family}".strip()
    if family and not _has_letter(family):  # "-, Di Redazione": a scrape's residue
        # (U+FFFD: letters a wrong encoding lost, LR105's)
        hint = f"write the person's family name, or delete the name from the {role} field"
        if re.fullmatch(r"0\d{3}", family) and len(person.given.split()) > 1:  # "Stefan Kolb 0001", not a year
            hint = (f"{shown(family)} is dblp's number for people of one name, not a name: write "
                    f"{shown(person.given)} in the {role} field")
        return entry_finding("LR160", source, f"{role} {shown(person.sort_name())} has no letter in its family name "
                             f"{shown(family)}: styles print and sort it as the name", hint, field=role)
    if word := joining_word(person):
        written = next((n.strip() for n in listed(role)
                        if f" {word} " in n and "," not in n), person.sort_name())  # as written, not sorted
        return entry_finding("LR158", source, f"{role} {shown(written)} joins people with {shown(word)}: "
                             "styles read and print it as one person", _joined_hint(source, role, word), field=role)
    return None


def _miscased(source: Source, role: str, person: Person, listed: Callable[[str], list[str]],
              bodies_in: Callable[[str], list[str]]) -> Finding | None:
    """LR133 for a name in the wrong case, with the hint that fits how it is miscased; None when it is not."""
    problem = name_problem(person)
    if not problem or person.family == "and":  # "Roe, J. and}": LR104's stray 'and', not a name
        return None
    if any(person.family in n for n in bodies_in(role)):
        return None  # "Software Design Group at MIT": a body's name without braces, LR165's
    written = person.sort_name()
    if (split_if := _split_by_math_branch(person, listed(role))) is not None:
        return entry_finding("LR133", source, f"{role} '{split_if[0]}' is read as {shown(written)}: the spaces inside its "
                             "\\ifmmode ... \\fi split the family name into words, so BibTeX and biber take "
                             f"{shown(person.prefix)} for a particle and sort the name under {shown(person.family)}",
                             f"write '{split_if[1]}' in the {role} field (the letter without \\ifmmode)", field=role)
    if problem == "miscased initials" and legal_form(person.given):
        as_written = next((" ".join(n.split()) for n in listed(role) if person.given in n), written)
        problem = f"{shown(person.given)} is a company's legal form, read as given names"
        written = as_written
        hint = (f"a company's name goes in double braces ({{{{Name, {person.given}}}}}), a person's name apart from it "
                "with 'and'")
    elif problem == "miscased initials":
        hint = f"write {shown(Person(person.family, fixed_given(person.given)).sort_name())}"
    elif problem == "family name in capitals":  # styles print it as written
        family, given = _cased(person.family), _cased_given(person.given) if person.given.isupper() else person.given
        example = f", e.g. {shown(Person(family, given, person.prefix, person.suffix).sort_name())}" if (
            family and (given or not person.given)) else ""
        hint = (f"write the name as the work prints it{example} (a body's name in double braces: "
                "{{Name of the Body}})")
    else:  # in lower case: a particle, a body, words that are no name ("et al.", a title)
        hint = ("write the family name with its capital (a particle such as 'van' before it: 'van Dijk, Jan'; "
                "a body's name in double braces: {{Name of the Body}})")
        as_written = next((" ".join(n.split()) for n in listed(role)
                           if person.family in n), "")
        if (as_written and as_written != written and not csl_form(source)
                and (len(as_written.split()) > 2 or person.given.isupper())):  # "GUST e-foundry": a body's name
            problem = f"read as a person whose family name is {shown(person.family)}, in lower case"
            written = as_written
            hint = (f"a body's name goes in double braces, {in_double_braces(role, as_written, len(listed(role)) == 1)}"
                    "; a person's family name takes its capital (a particle such as 'van' before it: 'van Dijk, Jan')")
    return entry_finding("LR133", source, f"{role} {shown(written)}: {problem}", hint, field=role)


def legal_form(given: str) -> bool:
    """Whether a given name is a company's legal form ("s.r.o", "e.V."), not a person's initials."""
    return "".join(ch for ch in given.casefold() if ch.isalpha()) in LEGAL_FORMS


def _split_by_math_branch(person: Person, written: list[str]) -> tuple[str, str] | None:
    """(the name as written, as it should be written) when ``person`` is a name of ``written`` whose ``\\ifmmode
    \\check{c}\\else \\v{c}\\fi`` (APS's accent) holds spaces, which split it into words ("Bon\\ifmmode \\check{c}\\else
    \\v{c}\\fi{}a, Janez" is read with the particle "Bonc" and the family name "ča"); else None."""
    for name in written:
        if "\\ifmmode" in name and person.family in decode_latex(text_mode(name)):
            fixed = if_math_sub(lambda m: "{" + (m.group(2) or "").strip() + "}", name).replace("}{}", "}")
            return " ".join(name.split()), " ".join(fixed.split())
    return None


def _joined_hint(source: Source, role: str, word: str) -> str:
    """How to write the people of a name joined by ``word`` ('en', 'et') as names of their own."""
    if csl_form(source):
        return f"give each person an item of its own in the {role} list (family and given)"
    value = source.fields.get(role, "")
    names_joined = [n for n in names.split_names(value) if f" {word} " in n]
    if len(names_joined) == 1 and "," not in names_joined[0] and value.count(f" {word} ") == 1:
        return f"write {role} = {{{value.replace(f' {word} ', ' and ')}}}"
    return f"join the people with ' and ' (not {shown(word)}), each written 'Family, Given'"


def check_name_forms(source: Source, given_first: Callable[[], bool] = lambda: False) -> Iterable[Finding]:
    """LR153 for an author or editor list that joins people by commas; LR147 for one that writes some names
    "Family, Given", others "Given Family", or every name "Initials, Family". ``given_first``: whether the bibliography writes its people given name
    first, and no one family first outside this entry, which makes "Jouni Smed, Harri Hakonen" alone in its list
    two people (else it may be "García Márquez, Gabriel José")."""
    for role in ("author", "editor"):
        value = source.fields.get(role, "")
        if "," not in value:
            continue  # no name joins people by commas, and one form only (most lists)
        listed = [n.strip() for n in names.split_names(value)]
        joined = [n for n in listed if _joined(n, listed, given_first)]
        if joined:
            # Each joined name rewritten as a list ("Smith, J., Jones" has no sure reading: the author decides),
            # its people given name first when the list's other people are written so.
            written = [names.joined_as_list(n, given_first=_others_given_first(n, listed)) if n in joined else n
                       for n in listed]
            hint = (f"write {role} = {{{' and '.join(written)}}}" if all(written)
                    else "separate the people with ' and ', each written 'Family, Given'")
            yield entry_finding("LR153", source, f"the {role} list names {shown(joined[0])} as one person: its names are "
                                "joined by commas, not by 'and'", hint, field=role)
            continue
        if swapped := _initials_first(listed):
            fixed = " and ".join(_initials_last(n) for n in listed)
            yield entry_finding("LR147", source, f"the {role} list writes {shown(swapped)} with initials alone where the "
                                f"family name goes: BibTeX reads {shown(swapped.split(',')[0].strip())} as the family "
                                "name (printed, sorted and cited so)", f"write {role} = {{{fixed}}}", field=role)
            continue
        if " and " not in value.lower():
            continue  # one name
        stray = [n for n in listed if n.endswith(",") and n.count(",") == 1 and len(n.split()) > 1]
        forms = names.name_forms(value)
        if not stray and not ("comma" in forms and "natural" in forms):
            continue  # one form, no comma before 'and' (most lists): nothing to report, whatever the tests below say
        if any(et_al_as_name(p) or et_al_in_name(p) for p in (source.authors if role == "author" else source.editors)):
            continue  # "Doe, John and et al.": LR151 says what is wrong
        if any(n.count(",") > 2 for n in listed):
            continue  # "Jia Deng, Wei Dong, Kai Li and Li Fei-Fei": too many commas to read (LR104), no form mixed
        if stray:  # "M. Moeini-Aghtaie, and A. Abbaspour": a comma before "and", not a family name first
            fixed = " and ".join(n.removesuffix(",").rstrip() if n in stray else n for n in listed)
            yield entry_finding("LR147", source, f"the {role} list has a comma before 'and' after "
                                f"{shown(stray[0].removesuffix(','))}: BibTeX reads that name as a family name alone "
                                "(printed and sorted so)", f"write {role} = {{{fixed}}}", field=role)
            continue
        if "comma" in forms and "natural" in forms:
            listed = names.split_names(value)  # as written (name_forms reads braces flattened)
            # A body's name without braces ("Doe, Jane and World Health Organization") is no person written given
            # name first, nor a title: LR165 tells it as a body's
            bodies = {" ".join(b.split()) for b in body_names(value)}
            at = next((i for i, form in enumerate(forms) if form == "natural"
                       and " ".join(listed[i].split()) not in bodies), None)
            if at is None:
                continue
            natural = listed[at].strip()
            if names.cjk_family_first(natural) is not None:
                continue  # "国武 豊喜": family name first, its comma missing (LR166's), not given name first
            word = next((w for w in natural.split() if w in _TITLE_WORDS), "")
            if word and natural == listed[-1].strip() and forms.count("comma") >= 2:
                # "Douglas, P. S. and Investigators, C. A. D. Consortium and the PROMISE": people, then a body's name
                # cut at its "and" (EndNote's export of "CAD Consortium and the PROMISE Investigators")
                yield entry_finding("LR147", source, f"the {role} list ends in {shown(natural)}, which holds "
                                    f"{shown(word)}, as no person's name does: a body's name cut at its 'and'",
                                    f"write the body's name whole in double braces after the people, e.g. {role} = "
                                    "{... and {{Name of the Body}}}, each person 'Family, Given'", field=role)
                continue
            if word:
                # "Genetics, Genomics and Breeding of Conifers" in an editor field: a title, not people
                yield entry_finding("LR147", source, f"the {role} field {shown(' '.join(value.split()))} reads as a title, "
                                    f"not names: {shown(natural)} holds {shown(word)}, which no name does",
                                    f"write the people's names in the {role} field ('Family, Given' joined by 'and'), and "
                                    "the title in its own field (booktitle for the book's)", field=role)
                continue
            if (initials := _FAMILY_THEN_INITIALS.fullmatch(natural)) is not None and initials.group(2).isupper():
                # "Félegyházi M.", "Тынченко В. В.": family name first without its comma, as the list's others are
                fixed = " and ".join(_with_comma(n.strip()) for n in listed)
                yield entry_finding("LR147", source, f"the {role} list writes {shown(natural)} family name first without "
                                    f"its comma: BibTeX reads {shown(initials.group(2).split()[-1])} as the family name "
                                    "(printed and sorted so)", f"write {role} = {{{fixed}}}", field=role)
                continue
            yield entry_finding("LR147", source, f"the {role} list writes {shown(listed[forms.index('comma')].strip())} "
                                f"family name first but {shown(natural)} given name first",
                                "write every name as 'Family, Given' (a body's name in double braces: {{Name of the Body}})",
                                field=role)


_INITIALS_COMMA_FAMILY = lazy(r"((?:[^\W\d_]{1,2}\.[\s-]*){2,4}),\s*([^\W\d_][^\W\d_'’-]{1,60})")
"""A name written initials first, then its comma and one word ("M.O., Orap", "Ya.Ye., Kolba"): the family name where
the given names go. Two initials at least: "W., Alec" is as likely a family name cut to its initial."""


def _initials_first(listed: list[str]) -> str:
    """The first name of a list whose every name is written "Initials, Family" ('' when not so): one name so among
    others written "Family, Initials" may be a body's or a slip of its own, all of them are the list's form."""
    if not listed or not all((m := _INITIALS_COMMA_FAMILY.fullmatch(n)) and m.group(2)[0].isupper() for n in listed):
        return ""
    return listed[0]


def _initials_last(name: str) -> str:
    """ "M.O., Orap" written "Orap, M.O."."""
    found = _INITIALS_COMMA_FAMILY.fullmatch(name)
    return f"{found.group(2)}, {found.group(1).strip()}" if found else name


_FAMILY_THEN_INITIALS = lazy(r"([^\W\d_][^\s,.]{1,60}(?:[ -][^\W\d_][^\s,.]{1,60})?)\s+((?:[^\W\d_]\.[\s-]*){1,3})")
"""A name written family name first with its initials after it and no comma ("Félegyházi M.", "Тынченко В. В."); its
words are of 60 letters at most, which keeps the search linear on a long hyphenated run ("Ab-a-a-a...")."""


def _with_comma(name: str) -> str:
    """A name written "Family I." as "Family, I."; any other as it is."""
    found = _FAMILY_THEN_INITIALS.fullmatch(name)
    return f"{found.group(1)}, {found.group(2).strip()}" if found and found.group(2).isupper() else name


_TITLE_WORDS = frozenset({"of", "for", "the", "in", "on", "to", "with", "from", "into", "towards"})
"""Lower-case words of a title that no name holds (particles such as 'de', 'van' and 'y' are no such words)."""


def _joined(name: str, listed: list[str], given_first: Callable[[], bool]) -> bool:
    """Whether ``name`` of the list ``listed`` is several people joined by commas: clearly so, or people written
    given name first where the list's other names are all written so, or, alone in its list, where the
    bibliography's are (``given_first``); never where the list's others are written family name first
    ("Rivers, Ann and Maureira Fredes, Cristián Danilo")."""
    if names.family_first(name):
        return False  # "Knuth, Donald E." (most names): one word before its one comma, never two people
    if _ET_AL_AFTER.search(name):
        return False  # "Berger, M.J., et al.": one person and et al. (LR151)
    if any(w.strip(".").casefold() in ORGANISATION_WORDS or w.endswith(("'s", "’s"))
           for w in name.replace(",", " ").split()):
        return False  # a body: "Joshua L. Rosenbloom, Iowa State University", "Neuroimaging Initiative, Alzheimer's Disease"
    if names.comma_joined(name, GIVEN) or names.one_family_joined(name):
        return True
    if not names.full_names_joined(name, GIVEN) or _particle_first(name):
        return False  # ("Di Renzo, Gian Carlo": a family name)
    others = [n for n in listed if n != name]
    return all(_given_first(n) for n in others) if others else given_first() or _TIGHT_COMMA.search(name) is not None


_TIGHT_COMMA = lazy(r",[^\W\d_]")
"""A comma with a letter right after it, no space ("Alexandru Colesnicov,Ludmila Malahova"): two full names so joined,
alone in their list, are two people; a family name of two words is not written so before its given names."""


def _given_first(name: str) -> bool:
    """Whether a name of a list is written given name first: one person ("Vikram Adve"), or several joined by commas
    ("Olatunji Ruwase, Chris Lattner, Vikram Adve")."""
    return names.name_form(name) == "natural" or (names.people_given_first(name, GIVEN) and not _particle_first(name))


def _particle_first(name: str) -> bool:
    """Whether a part of a name between commas opens with a particle ("Di Renzo, Gian Carlo": a family name)."""
    return any(is_particle(part.split()[0]) for part in name.split(",") if part.strip())


def _others_given_first(name: str, listed: list[str]) -> bool:
    """Whether the list writes its people other than those of ``name`` given name first (then the hint does too)."""
    return any(_given_first(n) for n in listed if n != name)


def check_repeated_names(source: Source) -> Iterable[Finding]:
    """LR157 for one person named twice or more in one author or editor list ("Kossak, A. and Geist, V. and
    Geist, V."): one finding per person, naming the places. An author who is also an editor is no repeat."""
    for role, people in (("author", source.authors), ("editor", source.editors)):
        for group in _repeats(people) if len(people) > 1 else ():
            if _initials_apart(people, group):
                continue
            written = [people[i].sort_name() for i in group]
            places = and_list([str(i + 1) for i in group])
            times = "twice" if len(group) == 2 else f"{len(group)} times"
            filler = next((i for i in group if _surname_as_given(people[i])), None)
            if len(set(written)) == 1:
                message = f"the {role} list names {shown(written[0])} {times}, at places {places}"
            elif filler is not None:
                message = (f"the {role} list names one person {times}: "
                           + and_list([f"{shown(w)} at place {i + 1}" for w, i in zip(written, group, strict=True)])
                           + f" (the family name {shown(people[filler].family)} written again for the given name)")
            else:
                message = (f"the {role} list names one person {times}: "
                           + and_list([f"{shown(w)} at place {i + 1}" for w, i in zip(written, group, strict=True)])
                           + " (one family name, given names that agree)")
            given = [fold_words(people[i].given).split() for i in group]
            if filler is not None and len(set(written)) > 1:
                hint = f"delete {shown(people[filler].sort_name())} from the {role} list"
            elif len(group) > 2 and len(set(written)) == 1 and all(b - a == 2 for a, b in pairwise(group)):
                # "Kessler, Fondazione Bruno" after each author: the authors' institution, read off the paper
                affiliation = " ".join(filter(None, (people[group[0]].given, people[group[0]].prefix, people[group[0]].family)))
                hint = (f"{shown(affiliation)} after each author is most likely their affiliation, read as a person (as a "
                        f"reference manager reads a paper's first page): delete it from the {role} field")
            elif not given[0]:  # a body's name
                hint = f"delete the repeat from the {role} field"
            elif any(len(w) == 1 for words in given for w in words):
                hint = (f"delete the repeat from the {role} field; if they are two people, write each one's given "
                        "names in full to tell them apart")
            else:  # written in full: nothing more to write
                hint = f"delete the repeat from the {role} field, unless they are two people of one name"
            yield entry_finding("LR157", source, message, hint, field=role)


def _initials_apart(people: tuple[Person, ...], group: list[int]) -> bool:
    """Whether a group is only initials ("Zhang, Y." twice) at places not side by side: two people of one family
    name and initials, as a Chinese or Korean author list often has, as likely as one written twice. A slip of
    copying repeats a neighbour ("Geist, V. and Geist, V."), and a given name in full tells which is meant."""
    if any(not people[i].given or any(len(w) > 1 for w in fold_words(people[i].given).split()) for i in group):
        return False
    return all(b - a > 1 for a, b in pairwise(group))


def _repeats(people: tuple[Person, ...]) -> list[list[int]]:
    """The places (from 0) of each person a list names more than once, in the order of their first place."""
    if not _surnames_meet(people):  # no surname written twice (most lists): no one named twice
        return []
    groups: list[list[int]] = []
    written: list[dict[Person, None]] = []  # each group's names as written, once each: a name written again in a
    # long list is compared once, not once for each time it stands there (``_same_person`` reads only the name)
    by_surname: dict[str, list[int]] = {}  # folded surname -> the groups of that surname
    many: _FirstNames | None = None  # the groups of a surname that has many, by their first name as well
    for at, person in enumerate(people):
        if (keys := _surname_keys(person)) is None:
            continue  # no name, or et al.
        if many is not None and not many.index.keys().isdisjoint(keys):
            near: Iterable[int] = many.candidates(keys, person)
        else:
            near = [g for k in keys for g in by_surname.get(k, ())]  # (none, for most names: a surname seen first)
            near = sorted(set(near)) if len(near) > 1 else near
        found = next((g for g in near if all(_same_person(other, person) for other in written[g])),
                     None) if near else None
        if found is None:
            found = len(groups)
            groups.append([])
            written.append({person: None})  # (its first name: what ``_FirstNames`` indexes it by)
            for k in keys:
                (listed := by_surname.setdefault(k, [])).append(found)
                if many is not None and k in many.index:
                    many.add(k, found)
                elif len(listed) > _FEW:
                    many = many or _FirstNames(by_surname, lambda g: next(iter(written[g])))
                    many.add(k, found)
        groups[found].append(at)
        written[found][person] = None
    return [g for g in groups if len(g) > 1]


def _surnames_meet(people: tuple[Person, ...]) -> bool:
    """Whether two of the people ``_repeats`` compares share a surname key (only those may be one person)."""
    seen: set[str] = set()
    for keys in map(_surname_keys, people):
        if keys is not None and not seen.isdisjoint(keys):
            return True
        seen |= keys or set()
    return False


def _surname_keys(person: Person) -> set[str] | None:
    """The folded surname keys ``_repeats`` looks a person up by (as written, umlauts written out); None for no name
    or et al."""
    if not person.family or (person.family == "others" and not person.given) or et_al_as_name(person):
        return None
    return {surname_key(person), surname_key(person, umlauts=True)} - {""}


class _Shape:
    """What ``_same_person`` compares of two names of one surname: folded suffix, whether the given name repeats the
    family name, initials, and given names written in full ('' for an initial)."""

    __slots__ = ("bucket", "full", "other")

    def __init__(self, person: Person) -> None:
        words = fold_words(person.given).split()
        suffix, filler = fold_words(person.suffix), _surname_as_given(person)
        self.bucket = (suffix, filler, "".join(w[0] for w in words))
        self.other = (suffix, not filler)  # the names taken for this one whatever their given names
        self.full = tuple(w if len(w) > 1 else "" for w in words)


_FEW = 8
"""Groups of one surname up to which a name is compared with each of them (most lists have none or one)."""
_MOST_WORDS = 8
"""Given names beyond which a group is listed whole, not under each subset of its names written in full."""


class _FirstNames:
    """The groups of ``_repeats`` of a surname that has more than ``_FEW``, indexed by their first name's ``_Shape``
    too, so that a name meets only the groups whose first name it may be the same person as (the others fail
    ``_same_person`` at their first name): linear in the list, where comparing each name with every group of its
    surname ("Smith, Aaron", "Smith, Abel", ...) was quadratic. The groups come in order, as a scan meets them."""

    __slots__ = ("_first", "_groups", "_shapes", "index")

    def __init__(self, groups: dict[str, list[int]], first: Callable[[int], Person]) -> None:
        self._groups = groups  # surname key -> its groups, in order
        self._first = first  # group -> its first name
        self._shapes: dict[int, _Shape] = {}
        self.index: dict[str, dict[tuple[object, ...], list[int]]] = {}  # surname key -> shape -> its groups

    def add(self, key: str, group: int) -> None:
        """Index ``group``, the last of the surname ``key`` (and those before it, the first time)."""
        if key not in self.index:
            self.index[key] = {}
            for g in self._groups[key][:-1]:
                self._insert(self.index[key], g)
        self._insert(self.index[key], group)

    def _insert(self, index: dict[tuple[object, ...], list[int]], group: int) -> None:
        if group not in self._shapes:
            self._shapes[group] = _Shape(self._first(group))
        shape = self._shapes[group]
        full = shape.full
        index.setdefault(("any", *shape.bucket[:2]), []).append(group)
        if len(full) > _MOST_WORDS:
            index.setdefault(("long", *shape.bucket), []).append(group)
            return
        for mask in range(1 << len(full)):  # under each choice of places, its names there
            index.setdefault((mask, *shape.bucket, *(w for i, w in enumerate(full) if mask >> i & 1)),
                             []).append(group)

    def candidates(self, keys: set[str], person: Person) -> Iterator[int]:
        """The groups sharing a surname key with ``person`` that it may join, in order (the groups of an indexed
        surname whose first name is not the same person's left out)."""
        shape = _Shape(person)
        lists: list[list[int]] = []
        for key in keys:
            if key in self.index:
                lists += _shaped(self.index[key], shape)
            elif listed := self._groups.get(key):
                lists.append(listed)
        return _distinct(heapq.merge(*[listed for listed in lists if listed]))  # (lazy: the first group that
        # takes the name ends the search)


def _shaped(index: dict[tuple[object, ...], list[int]], shape: _Shape) -> list[list[int]]:
    """The lists of an indexed surname's groups whose first name ``_same_person`` may take for ``shape``'s: those that
    take it whatever its given names, and those of its suffix and initials whose names written in full agree with its
    own at each place where both are (for each place written in full, its name or an initial)."""
    full = shape.full
    out = [index.get(("any", *shape.other), [])]
    if len(full) > _MOST_WORDS:
        return [*out, index.get(("long", *shape.bucket), [])]
    mask = sum(1 << i for i, w in enumerate(full) if w)
    named = [w for w in full if w]
    for choice in range(1 << len(named)):
        out.append(index.get((mask, *shape.bucket, *(w if choice >> n & 1 else "" for n, w in enumerate(named))), []))
    return out


def _distinct(ordered: Iterable[int]) -> Iterator[int]:
    """An ordered run without its repeats."""
    last = -1
    for n in ordered:
        if n != last:
            yield n
            last = n


def _same_person(a: Person, b: Person) -> bool:
    """One person written twice: the same surname (``same_surname``), the same suffix, and as many given names,
    which agree as initials ("Smith, J." and "Smith, John") and word by word where both are written in full
    ("Smith, John" is not "Smith, Jane"). One more initial or given name tells two people apart, as long author
    lists do ("Miller, A." and "Miller, A. L."); a name with no given name is only the same as another with none
    (a body's, twice)."""
    if not same_surname(a, b) or fold_words(a.suffix) != fold_words(b.suffix):
        return False
    if _surname_as_given(a) != _surname_as_given(b):
        return True  # "McKenzie, McKenzie" beside "McKenzie, D. F.": the family name put in for a given name
    given_a, given_b = fold_words(a.given).split(), fold_words(b.given).split()
    if len(given_a) != len(given_b) or not initials_compatible(a.given, b.given):
        return False
    return all(x == y for x, y in zip(given_a, given_b, strict=True) if len(x) > 1 and len(y) > 1)


def _surname_as_given(person: Person) -> bool:
    """Whether a name's given name repeats its family name ("McKenzie, McKenzie"), as a reference manager writes a
    person it had no given name for, often beside the person written in full."""
    return bool(person.given) and fold_words(person.given) == fold_words(f"{person.prefix} {person.family}".strip())
