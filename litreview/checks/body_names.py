"""LR165: a body's name written in an author or editor field without its braces ("World Health Organization",
"Modbus Organization, Inc", "Software Design Group at MIT"), which BibTeX, biber and pandoc split into a person's
family and given names: printed, sorted and cited under its last word ("Organization 2020") or its first."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..bibliography.names import given_name_first, pandoc_von_last, split_names
from ..bibliography.refparse.lexicon import GIVEN
from ..bibliography.refparse.names import ORGANISATION_WORDS
from ..lazyre import lazy
from ..model import Finding, Person, Source
from .bib import entry_finding
from .field_values import plain
from .hints import csl_form

LEGAL_FORMS = frozenset({"inc", "ltd", "llc", "corp", "plc", "gmbh", "ev", "srl", "spa", "sarl", "sas", "sro",
                         "spolsro", "vos", "spzoo", "doo", "ooo", "kft", "zrt", "nyrt"})
"""Companies' legal forms, folded to their letters ("s.r.o." -> "sro", "sp. z o.o." -> "spzoo", "e.V." -> "ev"): the
one list of them, written after a comma (read as given names, ``style_names.legal_form``) or closing a body's name
(``COMPANY_WORDS``)."""
_NAMES_TOO = frozenset({"ev", "spa", "sas", "vos", "doo"})
"""The legal forms that are people's names too (the Dutch family name Vos): a name they close is no body's for that."""
COMPANY_WORDS = frozenset(LEGAL_FORMS - _NAMES_TOO) | frozenset(
    ".".join(form) for form in LEGAL_FORMS - _NAMES_TOO if len(form) <= 4)
"""The words that close a company's name ("Mouser Electronics Inc.", "Swiss Academic Software GmbH", Romania's,
Italy's and France's "Altex Romania S.R.L.", the Czech "Partners Media s.r.o."), as written or with a period after
each letter."""
_COMPANY_INITIALS = frozenset({"s.c"})
"""Initials a company's name may open with, no body's word alone (Romania's "S.C. Clax Telecom SRL")."""
_SURNAMES = frozenset({"press", "bank", "court", "board", "union", "trust", "service", "school", "fund", "library",
                       "office", "forum", "network", "society", "alliance", "center", "centre", "bureau", "college",
                       "academy", "museum", "program", "project"})
"""The words of a body that are people's family names too (William H. Press, Robert Service): a name of two words
whose body's word is one of these is a person's unless more shows a body."""
_JOINS = frozenset({"of", "for", "at", "on", "in", "the", "and", "&", "de", "des", "du", "la", "der", "für", "di",
                    "del"})
"""The lower-case words a body's name holds ("Church of Sweden", "Software Design Group at MIT"); any other
(a title's "from", "with", "a") shows words that are no name at all."""
_INITIAL = lazy(r"[A-Z]\.?(?:-?[A-Z]\.?)*")
_BODY_WORDS = frozenset(ORGANISATION_WORDS | COMPANY_WORDS)
_APART = str.maketrans("{},.()", "      ")
_APART_KEEP_DOTS = str.maketrans("{},()", "     ")  # ("S.R.L.": a company's word written with periods)
_DOTTED = re.compile("|".join(sorted(re.escape(w) for w in _BODY_WORDS if "." in w)))
"""The body's words written with periods inside ("s.r.l"): the only ones the second reading below finds."""


def holds_body_word(text: str) -> bool:
    """Whether ``text`` holds a body's word ("Organization", "Team", "Inc") as ``reads_as_body`` reads a name's words
    (the characters it takes off a word split it here: a word of none splits into no body's word); false for most
    names, and for an author list whose names hold none."""
    folded = text.casefold()
    return not _BODY_WORDS.isdisjoint(folded.translate(_APART).split()) or (
        _DOTTED.search(folded) is not None
        and not _BODY_WORDS.isdisjoint(w.strip(".") for w in folded.translate(_APART_KEEP_DOTS).split()))


def _words(name: str) -> list[str]:
    return name.replace("{", " ").replace("}", " ").replace(",", " ").split()


def _bare(word: str) -> str:
    return word.strip(".,()").casefold()


def reads_as_body(name: str) -> bool:
    """Whether one name of an author or editor list, as written, is a body's name without braces: it holds a body's
    word ("Organization", "Team", "Inc"), its other words are capitalised or a body's lower-case joins, none is a
    known given name nor an initial with its period, no colon nor digit (a title: "Web3.js Library Documentation");
    a body's word that is a family name too ("Press", "Bank") takes three words or a second body's word or a join."""
    if not holds_body_word(name):
        return False  # (most names)
    text = " ".join(name.split())
    if not text or ":" in text or any(c.isdigit() for c in text):
        return False
    words = _words(text)
    if not 2 <= len(words) <= 10 or len(text.split(",")[0].split()) == 1 < text.count(",") + 1:
        return False  # (one word before a comma, "Team, Stan Development": written family name first on purpose)
    bare = [_bare(w) for w in words]
    body = [w for w in bare if w in _BODY_WORDS]
    if not body:
        return False
    for word, low in zip(words, bare, strict=True):
        first = word.lstrip("(")[:1]
        if low in _JOINS:
            continue
        if not first.isupper() or low in GIVEN or (word.endswith(".") and _INITIAL.fullmatch(word)
                                                    and low not in COMPANY_WORDS | _COMPANY_INITIALS):
            return False  # a lower-case word (a title's, or LR133's), a given name, an initial: no body's name
    # "Wei Press", "Jane Bank": a person as likely
    return not (all(w in _SURNAMES for w in body) and len(words) < 3 and len(body) < 2)


def _initials(given: str) -> str:
    """ "World Health" -> "W. H.", as styles that abbreviate given names print them."""
    return " ".join(f"{w.lstrip('(')[:1]}." for w in given.split())


def _whole(written: str) -> str:
    """The body's name to write in double braces: without its braces and a trailing comma, a company's word
    written first moved last ("Inc {Free Software Foundation}" -> "Free Software Foundation, Inc")."""
    words = plain(written).rstrip(", ").split()
    if len(words) > 1 and _bare(words[0]) in COMPANY_WORDS:
        return f"{' '.join(words[1:])}, {words[0]}"
    return " ".join(words)


def in_double_braces(role: str, written: str, alone: bool) -> str:
    """How to write the body's name ``written`` of a ``role`` list: the whole field when it is the list's one name
    (``alone``), else the name in place of what is written; one corrected value for every check that hints it."""
    if alone:
        return f"{role} = {{{{{_whole(written)}}}}}"
    return f"{{{{{_whole(written)}}}}} in place of {written}"


def _joined(written: str, following: list[str]) -> str:
    """``written`` and the next name of its list as one body's name, when ``written`` does not end on a body's word
    (as "World Bank" ends, a name of its own), the next has no comma and is no body's name, and the two joined by
    their 'and' read as a body's, no given name among their words ("Institute of Electrical" and "Electronics
    Engineers"); else ''."""
    words = _words(written)
    if not following or "," in following[0] or (words and _bare(words[-1]) in _BODY_WORDS):
        return ""
    after = " ".join(following[0].split())
    if reads_as_body(after) or not reads_as_body(f"{written} and {after}"):
        return ""
    return f"{written} and {after}"


def _one_body(listed: list[str], value: str) -> bool:
    """Whether a list of two names is one body's name, its 'and' read as the list's ("Organisation for Economic
    Cooperation and Development (OECD)"): the words after the 'and' no person ("Beijing Genomics Institute and Zhang
    Wei" are two)."""
    return (len(listed) == 2 and "," not in value and reads_as_body(listed[0]) and not reads_as_body(listed[1])
            and not given_name_first(listed[1].split()) and reads_as_body(value))


def body_names(value: str) -> list[str]:
    """The names of an author or editor list (as ``split_names`` cuts it) that are a body's name without braces, or
    the part of one after an 'and' read as the list's (LR165's): no person's, whatever other name checks make of
    their words ("Development (OECD)" is no family name in capitals)."""
    if not value or not holds_body_word(value):
        return []
    listed = split_names(value)
    if _one_body(listed, value):
        return listed
    found: list[str] = []
    for at, name in enumerate(listed):
        if reads_as_body(name):
            found.append(name)
            if _joined(" ".join(name.split()), listed[at + 1:at + 2]):
                found.append(listed[at + 1])
    return found


def split_as_person(person: Person) -> bool:
    """Whether BibTeX's reading of a name makes it more than one family name (a given part, a particle, a suffix),
    so that styles cite and sort it under a part of it."""
    return bool(person.given or person.prefix or person.suffix)


def check_body_names(source: Source) -> Iterable[Finding]:
    """LR165 for each name of a BibTeX author or editor list that is a body's name without braces."""
    if csl_form(source):
        return
    for role, people in (("author", source.authors), ("editor", source.editors)):
        value = source.fields.get(role, "")
        if not value or not holds_body_word(value):
            continue  # no name of the list holds a body's word (most lists): none reads as a body's, unsplit
        listed = split_names(value)
        if len(listed) != len(people):
            continue  # (names the list reading dropped or added: other checks' findings)
        one_body = _one_body(listed, value)
        for at, (name, person) in enumerate(zip(listed, people, strict=True)):
            if not person.family or not reads_as_body(name) or not split_as_person(person):
                continue  # (no family name: "{, Stan Development Team}", LR149's)
            written = " ".join(name.split())
            joined = "" if one_body else _joined(written, listed[at + 1:at + 2])
            family, given = plain(person.family), plain(person.given)
            read = (f"family name {family!r}" + (f" after the particle {person.prefix!r}" if person.prefix else "")
                    + (f", given name {given!r}" if given else ""))
            effect = (f"biber and citeproc sort it under {family!r}" if person.prefix or not given else
                      f"lists print {family + ', ' + _initials(given)!r} and sort it so, author-date citations print "
                      f"{family!r}")
            if joined:  # "Institute of Electrical and Electronics Engineers": the list's 'and' cut it in two
                yield entry_finding("LR165", source, f"the {role} {joined!r} is a body's name without braces, its "
                                    f"'and' read as the list's: BibTeX, biber and pandoc read two people, the first "
                                    f"{written!r}, {read}: {effect}",
                                    f"Write {{{{{_whole(joined)}}}}} in place of {joined}, the 'and' a word of the "
                                    "body's name (double braces keep a body's name whole)", field=role)
                continue
            readers = "BibTeX, biber and pandoc"
            if (pandoc := pandoc_von_last(written)) is not None:  # "Office of the Privacy Commissioner of Canada"
                readers = "BibTeX and biber"
                read += f"; pandoc, family name {pandoc[1]!r} after the particle {pandoc[0]!r}"
                effect = f"biber sorts it under {family!r}, citeproc under {pandoc[1]!r}"
            yield entry_finding("LR165", source, f"the {role} {written!r} is a body's name without braces: "
                                f"{readers} read it as a person, {read}: {effect}",
                                (f"write {in_double_braces(role, written, True)}" if len(listed) == 1 else
                                 f"write {in_double_braces(role, value, True)}, the 'and' a word of the body's name" if
                                 one_body else
                                 f"write {in_double_braces(role, written, False)}, or delete it if it is an "
                                 f"affiliation, not an {role}") + " (double braces keep a body's name whole)", field=role)
            if one_body:
                break
