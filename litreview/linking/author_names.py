"""Which entries a name list written in an author-date citation names: "Keohane and Nye", "Brown u. a.",
"Blether and Jane Doe", "van Gennep", "WHO".

The index's signatures first, then the forms styles print besides them (``name_forms.extra_signatures``);
among several entries, the one the written names fit best ("et al.", particles, "Jr.", given names).
"""

from __future__ import annotations

import re

from ..bibliography.bibtex import MONTH_NAMES, MONTHS
from ..bibliography.names import PARTICLES
from ..lazyre import lazy
from ..locale_terms import SEE_LETTERS, SUFFIXES_IN_TEXT
from ..model import Person
from ..text import spelled
from . import cited_letters, cited_titles, terms
from .attribution import INSTITUTIONS
from .cited_names import ET_AL_MIN
from .index import SourceIndex, persons_of
from .labels import uses_prefix
from .name_forms import extra_signatures, short_name_forms
from .text import STOPWORDS, canonical, capitalised, fold, strip_possessive, wordset


def lookup(names: str, index: SourceIndex) -> list[str]:
    """Keys whose name signature is the longest tail of ``names`` ("see Keohane and Nye")."""
    return lookup_tail(names, index)[0]


def after_another(names: str, index: SourceIndex) -> bool:
    """Whether the entry's names ``lookup`` found in ``names`` follow another person's, joined by "and": "Moe and
    Roe" ends with Roe, the name of Roe's work, but names Moe and Roe's (a prefix before the names, "see Roe", is
    none)."""
    keys, matched = lookup_tail(names, index)
    written = canonical(names).split()
    before = terms.in_english(written[:len(written) - matched])[0]
    return bool(keys) and before[-1:] == ["and"]


def names_an_entry(names: str, index: SourceIndex) -> bool:
    """Whether every word of ``names`` is an entry's name list ("Luo Cao and Barzilay"), not only its tail."""
    keys, matched = lookup_tail(names, index)
    return bool(keys) and matched == len(canonical(names).split())


def parted_list(parts: list[str], last: str, index: SourceIndex) -> tuple[str, int]:
    """Names parted by ";" before ``last`` as one entry's name list ("Luo Cao and Barzilay"), as styles that part
    names as they part items print them (ABNT: "(Luo; Cao; Barzilay, 2019)", "Köhler; Cortina (2019)"), with the
    first of ``parts`` it takes; ('', 0) when no run of ``parts`` ending before ``last`` is such a list. The list
    starts where an entry's does ("Smith; Luo; Cao; Barzilay" with no entry by those four: Luo, Cao and
    Barzilay's), and since the entry vouches for its names, one that is also a season or a month may open it
    ("Winter; Perlman"). The first part taken may open with the words of a prefix ("see for example Luo", "as
    suggested by Luo", "DM, Luo"): its names are the words past them."""
    for first in range(len(parts)):
        run = parts[first:]
        if not all(looks_like_names(part, listed=True) and "," not in part for part in run[1:]):
            continue
        words = run[0].split()
        for cut in range(len(words)):
            head = " ".join(words[cut:])
            if looks_like_names(head, listed=True) and "," not in head:
                joined = " ".join([head, *run[1:]]) + " and " + last
                if names_an_entry(joined, index):
                    return joined, first
    return "", 0


def lookup_tail(names: str, index: SourceIndex) -> tuple[list[str], int]:
    """The keys and how many words of the tail matched (the index's forms, then the styles' others)."""
    extra = _extra(index)
    longest = max(index.max_signature_words, index.__dict__["_extra_longest"]) + GIVEN_WORDS
    written = canonical(names).split()
    english, origins = terms.in_english(written)  # "Alam und Gustafsson", "Brown u. a."
    for start in range(max(0, len(written) - longest), len(written)):
        tails = [written[start:]]
        if english != written and start in origins:
            tails.append(english[origins.index(start):])
        bare = _without_given_names(tails[-1], index)  # "Blether and Jane Doe", "Percy L. Ralley Jr."
        if bare and bare != tails[-1]:
            tails.append(bare)
        for words in tails:
            sig = " ".join(words)
            if sig in index.signatures:
                acronym = extra.get(sig, []) if _acronym(names) else []  # "WHO": Jane Who's, and the organisation's
                return list(dict.fromkeys(index.signatures[sig] + acronym)), len(written) - start
            if sig in extra and (len(words) > 1 or _capitalised(names, words[0])):
                return extra[sig], len(written) - start
    return [], 0


GIVEN_WORDS = 3
"""Words of given names (and "Jr.") a citation may add to a signature: "Blether and Jane Doe", "Percy L. Ralley"."""


def _without_given_names(words: list[str], index: SourceIndex) -> list[str]:
    """The words of a name list without the given names and suffixes citeproc adds to tell people apart."""
    cached = index.__dict__.get("_given_words")
    if cached is None:
        given: set[str] = set()
        for source in index.sources.values():
            for person in persons_of(source):
                given.update(canonical(person.given).split())
        cached = index.__dict__["_given_words"] = frozenset(given - set(index.by_family))
    out = [w for w in words[:-1] if w not in cached and w not in SUFFIXES_IN_TEXT]
    return out + words[-1:] if words and words[-1] not in SUFFIXES_IN_TEXT else out


def _capitalised(written: str, word: str) -> bool:
    """Whether the one-word form ("WHO") is written with a capital ("who" is a pronoun), in quotation marks too, as
    styles print a short title standing for missing names ("“Thatcher”", "«Thatcher»")."""
    opening = "[(" + "".join(cited_titles.QUOTES)
    return any(canonical(w) == word and w.lstrip(opening)[:1].isupper() for w in written.split())


def _extra(index: SourceIndex) -> dict[str, list[str]]:
    cached = index.__dict__.get("_extra_signatures")
    if cached is None:
        cached = extra_signatures(index.sources)
        index.__dict__["_extra_signatures"] = cached
        index.__dict__["_extra_longest"] = max((len(s.split()) for s in cached), default=1)
    return cached


def loose(names: str, index: SourceIndex, *, in_part: bool = True) -> list[str]:
    """The entries whose first family name the citation writes, when no signature fits its names ("Keohane" for
    Keohane and Nye's work, as a writer shortens a list): only those its names fit in part (``_named_in_part``);
    ``in_part=False``: all of them (names that may be a citation of such an entry, not reported as one of none)."""
    words = terms.in_english(canonical(names).split())[0]
    for at, word in enumerate(words):
        if word in index.first_family:
            return [k for k in index.first_family[word] if not in_part or _named_in_part(names, words, at, k, index)]
    return []


_JOINING = frozenset({"and", "et", "al"})
"""The words of a name list, read in English (``terms.in_english``), that are no person's name."""


def _named_in_part(names: str, words: list[str], at: int, key: str, index: SourceIndex) -> bool:
    """Whether the entry's names may be printed as ``words`` (``canonical``, read in English), whose word ``at`` is its
    first family name: each capitalised word after it is a name of its people (or "and", "et al."), no word before it is a later
    author's family name, "et al." stands for others it has, and the first author's initial, when printed, is theirs.
    "Roe and Moe", "Moe and Roe" and "Roe et al." name Roe and Moe's work, not Roe's alone; "Doe and Roe" names Doe and
    Roe's, not Roe and Doe's; no style prints an entry so, and the bibliography lacks the one they name."""
    people = persons_of(index.sources[key])
    if not people or first_initial_differs(names, key, index):
        return False
    own = {w for p in people for w in canonical(f"{p.prefix} {p.family} {p.given} {p.suffix}").split()}
    own |= {w[:1] for p in people for w in _given_parts(canonical(p.given).split())}
    later = {w for p in people[1:] for w in canonical(p.family).split()} - set(canonical(people[0].family).split())
    if any(w in later for w in words[:at]) or (at and words[at - 1] == "and"):
        return False
    if words[-2:] == ["et", "al"] and len(people) < 2:
        return False
    capitals = {canonical(w) for w in names.split() if w[:1].isupper()}  # names, not prose ("Roe also notes")
    return all(w in own or w in _JOINING or w in SUFFIXES_IN_TEXT or w not in capitals for w in words[at + 1:])


def first_initial_differs(names: str, key: str, index: SourceIndex) -> bool:
    """Whether the citation prints initials right before the entry's first author's family name none of which is an
    initial of theirs: "A. Smith" is not John Smith, whom a style prints as "J. Smith" (citeproc prints the initials
    it adds to tell people apart from the entry's given names). Initials only: "Anna Smith" may be a name written
    out from another source, "Compare Smith" a prefix. A letter that may be the word sending the reader to the work,
    heading the names ("V. Ayers", Italian "see Ayers"; ``SEE_LETTERS``), is no initial (after "see" it is one; a
    note's label before it, "[101] V. Ayers", is no word)."""
    people = persons_of(index.sources[key])
    written = names.split()
    head = next((at for at, word in enumerate(written) if any(ch.isalpha() for ch in word)), 0)
    initials = {canonical(i) for at, word in enumerate(written)
                if _INITIALS_WORD.fullmatch(word) and word.isupper() and not (at == head and word.lower() in SEE_LETTERS)
                for i in _INITIAL.findall(word)}  # "A.", "J.R.", not "e.g." nor German "z.B." (for example)
    if not people or not people[0].given or not initials:
        return False
    given = {w[:1] for w in _given_parts(canonical(people[0].given).split())}
    family = canonical(people[0].family).split()
    words = canonical(" ".join(_past_prefix(names.split()))).split()
    for at in range(len(words) - len(family) + 1):
        if family and words[at:at + len(family)] == family:
            run = set()
            while at > 0 and words[at - 1] in initials:
                at -= 1
                run.add(words[at])
            return bool(run) and bool(given) and not run & given
    return False


def wrote_et_al(names: str) -> bool:
    """Whether a name list ends with "et al." (or the locale's "u. a.", "m.fl.", ...)."""
    return terms.in_english(canonical(names).split())[0][-2:] == ["et", "al"]


def fit(names: str, keys: list[str], index: SourceIndex) -> list[str]:
    """Among several entries, those the written names fit best: "et al." for three authors or
    more (a two-author entry is "A and B"), given names or initials when citeproc added them."""
    if len(keys) > 1 and wrote_et_al(names):
        least = cited_letters.et_al_min(index, ET_AL_MIN)
        many = [k for k in keys if len(persons_of(index.sources[k])) >= least
                or any(p.family == "others" for p in persons_of(index.sources[k]))]
        keys = many or keys
    keys = [k for k in keys if not first_initial_differs(names, k, index)]
    keys = _by_capitals(names, keys, index)
    keys = _by_spelling(names, keys, index)
    return _by_given_name(names, _by_suffix(names, _by_prefix(names, keys, index), index), index)


def _acronym(names: str) -> str:
    """The one word of ``names`` past a prefix when it is written in capitals, as an acronym is ("see WHO": "who",
    canonical); '' otherwise."""
    words = _past_prefix(names.split())
    word = words[0].strip(",;") if len(words) == 1 else ""
    return canonical(word) if len(word) > 1 and word.isupper() and word.isalpha() else ""


def _as_acronym(key: str, acronym: str, index: SourceIndex) -> bool:
    """Whether a style prints the entry's names as ``acronym``: its corporate author's or its short name."""
    return acronym in short_name_forms(index.sources[key])


def _spelled_in_capitals(key: str, acronym: str, index: SourceIndex) -> bool:
    """Whether the entry's first author is a person whose family name the bibliography spells as ``acronym`` in
    capitals ("WHO, Ann")."""
    people = persons_of(index.sources[key])
    return bool(people) and people[0].family.isupper() and canonical(people[0].family) == acronym


def _by_capitals(names: str, keys: list[str], index: SourceIndex) -> list[str]:
    """ "WHO" for the World Health Organization's entry, not Jane Who's, which a style prints "Who": among entries
    one of which a style prints as that acronym, those it fits, and a person's whose family name is spelled so."""
    acronym = _acronym(names)
    if len(keys) < 2 or not acronym or not any(_as_acronym(k, acronym, index) for k in keys):
        return keys
    return [k for k in keys if _as_acronym(k, acronym, index) or _spelled_in_capitals(k, acronym, index)]


def acronym_or_person(names: str, keys: list[str], index: SourceIndex) -> bool:
    """Whether the citation's one word in capitals is one entry's acronym and another's author's family name spelled
    so ("WHO" for the World Health Organization and for Ann WHO): nothing in the names tells which."""
    acronym = _acronym(names)
    return bool(acronym) and any(_as_acronym(k, acronym, index) for k in keys) and any(
        _spelled_in_capitals(k, acronym, index) and not _as_acronym(k, acronym, index) for k in keys)


def _by_spelling(names: str, keys: list[str], index: SourceIndex) -> list[str]:
    """ "Šmith" for the entry by Šmith, "Smith" for the one by Smith, "Martín Abadi et al." for the one by Martín
    Abadi when Martin Abadi wrote the other: styles print names as spelled (and a given name written out), a
    co-author's too ("Uieda and Valéria C. F. Barbosa" beside "Uieda and Valeria C. F. Barbosa")."""
    if len(keys) < 2:
        return keys
    written = set(spelled(names).split())
    folded = set(canonical(names).split())
    initials = {spelled(i) for i in _INITIAL.findall(names)}  # "É. Roe" beside "E. Roe" (Harvard, DGPs)

    def shown(words: str) -> set[str]:
        return {w for w in spelled(words).split() if canonical(w) in folded and len(canonical(w)) > 1}

    def initials_fit(person: Person) -> bool:
        mine = {w[:1] for w in spelled(person.given).split()}
        return all(i in initials for i in mine if any(fold(i) == fold(j) for j in initials))

    acronym = _acronym(names)

    def fits(key: str) -> bool:
        people = persons_of(index.sources[key])
        if not people or (acronym and _as_acronym(key, acronym, index)):  # "WHO": not the names spelled out
            return True
        printed = [p for p in people[1:] if p.family and set(canonical(p.family).split()) <= folded]
        first = set(spelled(people[0].family).split()) | shown(people[0].given)
        return (first | {w for p in printed for w in shown(f"{p.family} {p.given}")} <= written
                and all(initials_fit(p) for p in (people[0], *printed)))

    return [k for k in keys if fits(k)] or keys


_INITIAL = lazy(r"(?<![^\W\d_])([^\W\d_])\.")
_INITIALS_WORD = lazy(r"(?:[^\W\d_]\.-?)+,?")
"""A word of initials alone: "A.", "J.R.", "Y.-B."."""
"""An initial as styles print it, a letter and a full stop ("É.")."""


def _by_suffix(names: str, keys: list[str], index: SourceIndex) -> list[str]:
    """ "Percy L. Ralley Jr." for the entry whose author is Jr., "Percy L. Ralley" for the other."""
    if len(keys) < 2:
        return keys
    written = SUFFIXES_IN_TEXT & set(canonical(names).split())
    fit = [k for k in keys
           if (set(canonical(p.suffix).split()) & SUFFIXES_IN_TEXT if (p := _first_person(k, index)) else set()) == written]
    return fit or keys


def _first_person(key: str, index: SourceIndex) -> Person | None:
    people = persons_of(index.sources[key])
    return people[0] if people else None


def _by_prefix(names: str, keys: list[str], index: SourceIndex) -> list[str]:
    """ "van Gennep" for the entry that sets biblatex's ``useprefix``, "Gennep" for the one that does not."""
    if len(keys) < 2:
        return keys
    written = f" {canonical(names)} "

    def fits(key: str) -> bool:
        people = persons_of(index.sources[key])
        if not people or not people[0].prefix:
            return True
        shown = f" {canonical(people[0].prefix + ' ' + people[0].family)} " in written
        return shown == uses_prefix(index.sources[key])

    return [k for k in keys if fits(k)] or keys


def _by_given_name(names: str, keys: list[str], index: SourceIndex) -> list[str]:
    """Among several entries, those whose authors' given names the citation spells out best.

    citeproc adds given names to tell "John Smith 2001" from "Jane Smith 2001", "J. AAA" from "John
    AAA", "Blether and John Doe" from "Blether and Jane Doe": a given name written in full counts
    more than one that only shares its initial.
    """
    if len(keys) < 2:
        return keys
    keys = given_names_fit(names, keys, index)
    written = canonical(names).split()
    scores = {}
    for key in keys:
        score = 0
        for person in persons_of(index.sources[key]):
            given = _given_parts(canonical(person.given).split())
            beside = _given_parts(_words_around(written, canonical(person.family).split(),
                                                canonical(person.prefix).split(), len(given)))
            if given and given[0] in beside:
                score += 2
            elif given and given[0][:1] in beside:
                score += 1
        scores[key] = score
    best = max(scores.values())
    return [k for k in keys if scores[k] == best] if best else keys


def _words_around(words: list[str], family: list[str], prefix: list[str], n: int) -> list[str]:
    """The ``n`` words written just before the family name ``family`` (and its particle ``prefix``, when written)
    in ``words``, and the ``n`` just after it: the given names or initials a style added to that person ("A. Gupta
    et al.": the initial is Gupta's, not a co-author's; "Paul L. von Mises"; ISO 690's "Smith, Jane")."""
    for at in range(len(words) - len(family) + 1):
        if family and words[at:at + len(family)] == family:
            end = at + len(family)
            if prefix and words[max(0, at - len(prefix)):at] == prefix:
                at -= len(prefix)
            return words[max(0, at - n):at] + words[end:end + n]
    return []


def _given_parts(words: list[str]) -> list[str]:
    """Given names and initials word by word, a hyphenated one in its parts: citeproc initialises "Yan-Bin" as
    "Y.-B." (folded "y -b"), and writes it out as "Yan-Bin"."""
    return [part for word in words for part in word.split("-") if part]


_NAME_PARTS = lazy(r",|;|&|\band\b|\bund\b|\bet\b|\by\b|\ben\b")
"""Where one name of a written name list ends."""


def given_names_fit(names: str, keys: list[str], index: SourceIndex) -> list[str]:
    """The entries among ``keys`` whose names the given names or initials the citation prints fit (all of them when
    none does): citeproc prints given names to tell entries apart ("Poppy Watson et al." beside "P. Watson et al."),
    and letters the year only among those it still prints alike, so an entry printed with other given names is
    neither that citation nor lettered with it."""
    return [k for k in keys if not _given_names_differ(names, k, index)] or keys


def _given_names_differ(names: str, key: str, index: SourceIndex) -> bool:
    """Whether the citation writes given names or initials before one of the entry's family names other than its
    author's: "Ballou, T. A. Földes, et al." is not Ballou and Andrei Tamás Földes's work (citeproc adds the
    initials of the name that tells two lists apart, in their order). A co-author of the same family name
    whose given names fit is the one written ("Y. Wang et al." for Yiheng Wang, Li Wang and others)."""
    for part in _NAME_PARTS.split(names):
        words = canonical(" ".join(_past_prefix(part.split()))).split()  # "see A. Gupta": "A. Gupta"
        if len(words) < 2:
            continue
        fitting = set()
        for person in persons_of(index.sources[key]):
            family, given = canonical(person.family).split(), _given_parts(canonical(person.given).split())
            if not family or not given or words[-len(family):] != family:
                continue
            before = _given_parts(words[:-len(family)])
            fitting.add(len(before) == len(given) and all(w == g or (len(w) == 1 and g.startswith(w))
                                                           for w, g in zip(before, given, strict=True)))
        if fitting == {False}:
            return True
    return False


def as_spelled(names: str, keys: list[str], index: SourceIndex, text: str = "") -> list[str]:
    """Among entries whose first authors are one name spelled apart ("Glaeser, Edward L." and "Glaeser, Edward L";
    "K" and "K.", a family name as a careless export leaves it), alike but for punctuation, those whose spelling the
    citation prints as written ("Edward L Glaeser", "Glaeser, Edward L,", "(K., 2023)"): citeproc, taking them for
    two people, prints them apart and letters no year, so the spelling printed is the entry's. ``text``, when given,
    must print it too (the citation's names as read may have lost a stop). ``keys`` when they are not such entries
    or the citation prints no spelling of one alone (a style that initialises prints them alike, and letters them)."""
    firsts = [(k, people[0]) for k in dict.fromkeys(keys) if (people := persons_of(index.sources[k]))]
    if len(firsts) < 2 or len(firsts) < len(set(keys)) or len({canonical(p.family) for _, p in firsts}) > 1:
        return keys
    family = {" ".join(p.family.split()) for _, p in firsts}
    given = {" ".join(p.given.split()) for _, p in firsts}
    if len(family) > 1:  # the family name alone tells them apart
        forms = {k: [" ".join(p.family.split())] for k, p in firsts}
    elif len(given) > 1 and len({canonical(g) for g in given}) == 1:
        forms = {k: [f"{' '.join(p.given.split())} {' '.join(p.family.split())}",
                     f"{' '.join(p.family.split())}, {' '.join(p.given.split())}"] for k, p in firsts}
    else:
        return keys
    printed = [k for k in forms if any(_prints(names, form) and (not text or _prints(text, form)) for form in forms[k])]
    return printed if len(printed) == 1 else keys


def _prints(names: str, form: str) -> bool:
    """Whether ``names`` prints ``form`` with no further stop or letter either side ("Edward L" is not "Edward L.")."""
    return re.search(rf"(?<![\w.]){re.escape(form)}(?![\w.])", names) is not None


def told_apart_by_given_names(names: str, keys: list[str], index: SourceIndex) -> bool:
    """Whether the entries ``keys`` are by different people of one family name ("Roger Meredith", "Andrew
    Meredith"; "John Smith", "Jane Smith": their given names differ) and the citation's names print none of their given names: a style prints
    the given name or initial when a document cites two of them, so the document cites one, and nothing in the
    names tells which."""
    firsts = [people[0] for k in keys if (people := persons_of(index.sources[k]))]
    if len(firsts) < 2 or len({fold(p.family) for p in firsts}) > 1:
        return False
    given = [canonical(p.given).split() for p in firsts]
    if not any(_other_given(a, b) for a in given for b in given):
        return False
    written = set(canonical(names).split())
    return not any(g and (g[0] in written or g[0][:1] in written) for g in given)


def _other_given(a: list[str], b: list[str]) -> bool:
    """Whether two people's given names (``canonical`` words) are another person's: their first ones differ, and
    neither is the other's initial ("John" and "Jane", "R." and "Andrew"; not "J." and "John")."""
    if not a or not b or a[0] == b[0]:
        return False
    short, long = sorted((a[0], b[0]), key=len)
    return not (len(short) == 1 and long.startswith(short))


_NOT_NAMES = frozenset(m.lower() for m in MONTH_NAMES) | frozenset(MONTHS) | wordset("""
    sept table figure fig appendix section chapter vol no model wave phase step spring summer autumn fall winter fy
""")
"""Capitalised words that are not a name: the months, whole and cut, and the words that label a table or a period."""


_NAME_GLUE = wordset("""and & et al al. of the for on de von van der den du la le y""")


def _past_prefix(words: list[str]) -> list[str]:
    """``words`` from the first capitalised one: a citation's prefix ("see", "e.g.", "cf.", "compare") dropped."""
    while words and words[0][:1].islower():
        words = words[1:]
    return words


def looks_like_names(names: str, *, listed: bool = False) -> bool:
    """ "see Wendt", "Bureau of Democracy, Human Rights, and Labor": yes; a clause of prose: no. ``listed``: the
    caller checks the words against an entry's name list, so they may open with a word that is also a month or a
    season ("May", "Winter": names, not "(Winter 2020)")."""
    words = _past_prefix(names.replace(",", " ").split())
    if not words or len(words) > 10 or any(ch.isdigit() for ch in names):
        return False
    if not listed and fold(words[0]).strip(".") in _NOT_NAMES:
        return False
    return all(capitalised(w) or fold(w) in _NAME_GLUE for w in words)


def plausible_surname(word: str) -> bool:
    word = strip_possessive(word)[0]
    return (word[:1].isupper() and word[1:].islower() and word.isalpha() and len(word) > 1
            and fold(word) not in _NOT_NAMES)


def _in_full(names: str, key: str, index: SourceIndex) -> int:
    """How many names the citation prints in full for ``key`` when they are three or more ("Doe, Roe, and Poe"
    for an entry by those three), else 0. Not when another entry of that year has the same names but the last: the
    style may then print the names in full to tell the two apart (Chicago adds names up to the one that differs)."""
    people = persons_of(index.sources[key])
    written = f" {canonical(names)} "
    if len(people) < 3 or wrote_et_al(names) or any(p.family == "others" for p in people):
        return 0
    year, first = index.years[key][0], [fold(p.family) for p in people[:-1]]
    if any(k != key and [fold(p.family) for p in persons_of(index.sources[k])[:len(first)]] == first
           for k in index.by_year.get(year, ())):
        return 0
    return len(people) if all(f" {canonical(p.family)} " in written for p in people) else 0


def note_in_full(names: str, key: str, index: SourceIndex) -> None:
    """Note that a citation of ``key`` alone prints its ``names`` in full (``cited_letters.record_in_full``): the
    document's "et al." then stands only for longer lists."""
    full = _in_full(names, key, index)
    if full:
        cited_letters.record_in_full(index, full)


_SURNAME_PREFIX = lazy(r"^(?:Mc|Mac|O['’]|D['’]|d['’])(?=[^\W\d_])")


def _surname(word: str) -> bool:
    """A family name as a citation prints it: "Mearsheimer", "McDonald", "O'Neill", "Smith-Jones", "Müller": a capital
    then lower-case letters ("WHO", "COVID-19" and "iPhone" are no person's)."""
    for part in word.split("-"):
        part = _SURNAME_PREFIX.sub("", part)
        if not (len(part) > 1 and part[0].isupper() and part[1:].isalpha() and part[1:].islower()):
            return False
    return True


_INITIALS = lazy(r"(?:[A-Z]\.-?)+")
_ET_AL_TAIL = lazy(rf"\s*,?\s+(?:{terms.ET_AL_WRITTEN})$")
_NAME_SEPARATORS = lazy(r"\s*(?:,|;|&|\band\b)\s*")
_NOT_SURNAMES = wordset("""
    act agenda annex article box brexit census chart class code covid data decree directive draft eq equation europe
    exhibit fig footnote horizon image law list map note page part plan plate programme program protocol regulation
    report rule schedule scheme slide source strategy study survey treaty type version vision volume
""")
"""Capitalised words a document prints before a year that name a thing, not a person: a plan, a law, a figure."""


def person_like(names: str, *, one: bool = True) -> bool:
    """Whether the names of a citation typed as text name people as a citation prints them: "Posen and Ross",
    "see Walt and Poe", "Schweller et al.", "J. Smith": yes; "Mearsheimer" alone, "Treaty of Rome", "COVID-19",
    "Figure", "WHO", "Horizon", "the Framework Convention": no. Every name is a family name, with at most a particle
    or initials before it, and no word of it is a month, a season, a label, a plan or a body's word. One capitalised
    word alone names a place, an event or a product as often as a person ("(Fukushima 2011)", "(London 2012)",
    "(Windows 2020)"): a single name counts only with initials or a particle before it ("J. Smith"), and
    not even so when not ``one`` (a narrative citation's names are the words before the parenthesis, as often the
    last of a treaty's name: "the Paris Agreement (2015)"); two names or "et al." always count."""
    words = _past_prefix(names.replace(",", " , ").split())
    text = " ".join(words).strip(" ,;:")
    bare = _ET_AL_TAIL.sub("", text)
    parts = [p for p in _NAME_SEPARATORS.split(bare) if p]
    if not parts or len(parts) > 6 or not (len(parts) > 1 or bare != text or (one and len(parts[0].split()) > 1)):
        return False
    for part in parts:
        *before, family = part.split()
        if not _surname(family) or len(before) > 2:
            return False
        if any(fold(w) in _NOT_NAMES or fold(w) in _NOT_SURNAMES or fold(w) in INSTITUTIONS or fold(w) in STOPWORDS
               for w in family.split("-")):
            return False
        if not all(_INITIALS.fullmatch(w) or fold(w) in PARTICLES for w in before):
            return False
    return True
