"""Author lists of plain-text references: where the names end and who they are.

Handles "Last, First, and First Last" (Chicago, MLA), "Last, F. F., & Last, F." (APA),
"Last FF, Last FF" (Vancouver), "F. Last, F. Last" (IEEE), "et al." and organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lazyre import lazy
from ...locale_terms import NO_DATE, SUFFIXES_IN_TEXT, and_words, quote_marks
from ...model import Person
from ..dates import COMMON_YEAR
from ..names import PARTICLES

#: "K.", "R.j.", "K.R.", "Y.-N.", "Th." - a given name shortened to letters with periods.
_INITIALS = lazy(r"^(?:[A-ZÀ-Þ][a-z]?\.-?)+(?:[A-Za-z]\.)*$")
#: Vancouver-style initials without periods: "KJ", "M".
_BARE_INITIALS = lazy(r"^[A-ZÀ-Þ]{1,3}$")
#: A family name of two letters closed by a stop ("Ok.", "Ng."), which reads as an abbreviated given name too ("Th.").
_SHORT_FAMILY = lazy(r"^[A-ZÀ-Þ][a-zß-ÿ]\.$")
#: Suffixes whose period does not close the name block ("Jr." does, "Jr" has none to close it).
_DOTTED_SUFFIXES = frozenset({"jr.", "sr."})
_SUFFIXES = SUFFIXES_IN_TEXT | _DOTTED_SUFFIXES
#: Lower-case words that occur inside organisation names ("Bureau of Democracy ..."), and inside a title's, a
#: book's or a journal's name, never at its end.
FUNCTION_WORDS = {"of", "for", "the", "and", "on", "in", "at", "to", "&", "für", "et", "de"}
#: An organisation's word in the other languages references are written in, lower case with its accents
FOREIGN_BODY_WORDS = frozenset({
    "ministerio", "ministério", "ministero", "ministeri", "ministère", "ministerium", "instituto", "istituto",
    "institut", "universidad", "universidade", "università", "universitat", "université", "universität", "agencia",
    "agência", "agenzia", "agència", "agence", "conselho", "conseil", "consell", "comisión", "comissão", "commissione",
    "comissió", "departamento", "dipartimento", "departament", "fundación", "fundação", "fondazione", "fundació",
    "fondation", "stiftung", "asociación", "associação", "associazione", "associació", "sociedad", "sociedade",
    "società", "société", "gobierno", "gouvernement", "generalitat", "ayuntamiento", "ajuntament", "organización",
    "organização", "organizzazione", "observatorio", "observatori", "bundesamt"})
#: Lower-case words that, inside the first name, show it is an organisation's name.
_ORG_TRIGGERS = {"of", "for", "the", "on", "in", "at", "to", "für"}
#: Words that make a name without a comma an organisation rather than "First Last".
ORGANISATION_WORDS = {"institute", "team", "agency", "center", "centre", "council", "committee", "project",
              "bureau", "department", "office", "organization", "organisation", "association", "society",
              "foundation", "group", "press", "university", "corporation", "inc", "ltd", "bank",
              "commission", "ministry", "service", "network", "board", "union", "nations", "programme",
              "program", "fund", "forum", "coalition", "alliance", "trust", "consortium", "administration",
              "secretariat", "court", "parliament", "government", "company", "collaboration", "laboratory", "library", "museum", "school", "college", "academy", "authority", "partnership",
              # the same bodies in Spanish, Catalan, Portuguese, Italian, French and German ("Ministerio del Interior",
              # "Instituto Nacional de Estadística", "Istituto Nazionale di Statistica"); no word also a family name's
              *FOREIGN_BODY_WORDS}
_EDITOR_MARK = lazy(r"^\(?(?:eds?|éds?|editors?|hrsg|hgg?|dir|coords?)\.?\)?$", re.IGNORECASE)
_ET_AL = lazy(r"^et\s+al\.?$", re.IGNORECASE)
_QUOTES = quote_marks("“\"‘'«")
_TOKEN = lazy(r"[^\s,;]+|[,;]")
#: What stands between two names: APA's "…" before the last of many ("Assen, M. van, … Wicherts, J.") too.
_BETWEEN_NAMES = frozenset((",", ";", "and", "&", "…", "..."))
#: Words after an initial that show the name list goes on.
_CONTINUE = {",", ";", "&", "and", "et"}


@dataclass(frozen=True)
class NameList:
    """The persons at the start of a reference and where their block ends."""

    persons: tuple[Person, ...]
    """Authors (or editors, when ``editors`` is set) in order."""
    end: int
    """Offset just past the block and its closing punctuation."""
    et_al: bool = False
    """The list ends in "et al." (more names exist than are printed)."""
    editors: bool = False
    """The names are marked "ed." or "eds.": they are editors."""
    organisation: bool = False
    """The single name is an organisation (kept whole as a family name)."""
    guessed: bool = False
    """The split into given and family names is a guess ("Peter Turchin" or an organisation?)."""


@lru_cache(maxsize=16384)
def is_initials(word: str) -> bool:
    """True for "K.", "R.j.", "C.A." (not for a suffix such as "Jr.")."""
    return bool(_INITIALS.match(word)) and word.lower() not in _SUFFIXES


def is_bare_initials(word: str) -> bool:
    """True for Vancouver's initials without periods: "KJ", "M"."""
    return bool(_BARE_INITIALS.match(word))


def is_particle(word: str) -> bool:
    """True for a name's particle: "de", "van", "von", …"""
    return word.lower() in PARTICLES


def is_organisation(words: list[str]) -> bool:
    """Do ``words`` (a name without commas) name a body: two words or more, one of them an organisation's
    ("Bureau", "Council") and one a word that joins such a name ("of", "for")?"""
    lowered = [w.lower().strip(".") for w in words]
    return len(words) > 1 and any(w in ORGANISATION_WORDS for w in lowered) and any(w in _ORG_TRIGGERS for w in lowered)


def is_organisation_name(words: list[str]) -> bool:
    """Do ``words`` hold an organisation's word ("Bureau", "Institute", "Centre"), with or without "of" or "for"?"""
    return any(w.lower().strip(".:,()") in ORGANISATION_WORDS for w in words)


def _body(words: list[str]) -> bool:
    """Several words, one of them an organisation's ("R Core Team"): a body's name, even with no "of" in it."""
    return len(words) > 1 and is_organisation_name(words)


def _capitalised(word: str) -> bool:
    w = word.lstrip(_QUOTES + "(")
    return bool(w) and (w[0].isupper() or w.lower() in PARTICLES) and not any(map(str.isdigit, w))


#: "and" between the last two names in French and German lists (ISO 690: "BETHGE, Matthias et WICHMANN, Felix A.")
_JOINING = and_words("fr", "de")
#: "and" between the last two names in Spanish, Italian, Portuguese, Catalan, Polish and Dutch lists ("Liu, Hao Zheng y
#: Rong Zhao", "S. Yan e M. R. Bryce", "Schwarz, Neslon D., i Eric Dash", "Firoiu, Victor en Don Towsley"); also inside
#: a family name ("Ortega y Gasset"), so it joins only after a name that follows a comma
_JOINING_LATE = and_words("es", "pt", "it", "ca", "pl", "nl")
_NOT_IN_NAME = frozenset("“”\"()[]«»‹›„")


@lru_cache(maxsize=16384)
def _name_word(word: str) -> bool:
    """A word that can be part of a personal name."""
    core = word.rstrip(".:")
    if not core or ":" in core or not _NOT_IN_NAME.isdisjoint(core):
        return False
    return _capitalised(core) or core.lower() in PARTICLES or core.endswith("-")


def _tokens(text: str, start: int, stop: int) -> list[tuple[str, int, int]]:
    return [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def _given_words(words: list[str]) -> bool:
    """Can ``words`` (read after an inverted family name) be its given name? Each a name's word, but for the
    Portuguese or Spanish "e" / "y" that ends a given name of a compound family name printed under its last part:
    ABNT's "SOUZA, Laura de Mello e" ("Laura de Mello e Souza")."""
    if len(words) > 1 and words[-1].rstrip(".:") in _JOINING_LATE and _capitalised(words[-2]):
        words = words[:-1]
    return all(map(_name_word, words))


def _ends_name(word: str, nxt: str | None) -> bool:
    """A period closes the name block unless it closes an initial followed by another."""
    if not word.endswith(".") or word.lower() in _DOTTED_SUFFIXES:
        return word.endswith(":")
    if is_initials(word):
        return nxt is None or not (is_initials(nxt) or nxt in _CONTINUE)
    return True


def split_person(text: str, inverted: bool | None = None, given_first: bool = False) -> Person:
    """One name: "Holsti, K. J.", "John A. Hall", "Voigt KJ" or "von Römer, Johannes". ``given_first``: the name
    is printed given name first, as Chicago prints every name after the first ("Efe Ok."): a short family name
    closed by the list's stop is no abbreviated given name ("Stedman Th.")."""
    text = text.strip().strip(",;").strip()
    if "," in text and inverted is not False:
        family, _, given = text.partition(",")
        family, given = family.strip(), given.strip()
        suffix = ""
        if "," in given:
            a, _, b = given.partition(",")
            if b.strip().lower() in _SUFFIXES:
                given, suffix = a.strip(), b.strip()
            elif a.strip().lower() in _SUFFIXES:
                given, suffix = b.strip(), a.strip()
        return _with_particle(family, given, suffix)
    words = text.split()
    if len(words) >= 2 and _BARE_INITIALS.match(words[-1]) and not _BARE_INITIALS.match(words[0]):
        return Person(family=" ".join(words[:-1]), given=words[-1])
    if len(words) == 2 and is_initials(words[-1]) and not is_initials(words[0]):
        if not (given_first and _SHORT_FAMILY.match(words[-1])):
            return Person(family=words[0], given=words[1])  # "Stedman J.": family first
        words[-1] = words[-1].rstrip(".")
    suffix = ""
    if len(words) > 2 and words[-1].lower() in _SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return Person(family=words[0], suffix=suffix)
    # Family names start at the first particle or are the last word: "Johannes von Römer".
    cut = len(words) - 1
    for i in range(1, len(words) - 1):
        if words[i].lower() in PARTICLES:
            cut = i
            break
    given = " ".join(words[:cut])
    rest = words[cut:]
    prefix_words = [w for w in rest[:-1] if w.lower() in PARTICLES]
    family = " ".join(rest[len(prefix_words):])
    return Person(family=family, given=given, prefix=" ".join(prefix_words), suffix=suffix)


def _with_particle(family: str, given: str, suffix: str, prefix: str = "") -> Person:
    words = family.split()
    lead = []
    while len(words) > 1 and words[0].lower() in PARTICLES and words[0][0].islower():
        lead.append(words.pop(0))
    return Person(family=" ".join(words), given=given, prefix=" ".join([*lead, prefix]).strip(), suffix=suffix)


def _initials_given(words: list[str]) -> bool:
    """Initials, maybe followed by a particle printed after them ("B. de"): an inverted name's given part."""
    core = [w.rstrip(":") for w in words]
    while len(core) > 1 and core[-1][:1].islower() and is_particle(core[-1].rstrip(".")):
        core.pop()
    return all(map(is_initials, core))


def _demoted(given: list[str]) -> tuple[str, str, str]:
    """(given, suffix, prefix) of an inverted name's given part: a particle printed after the given name, as CSL
    prints a name in sort order ("Boer, B. de", "Beethoven, Ludwig van"), is the name's prefix; the "y" or "e" of a
    compound family name printed under its last part is the given name's ("ORTEGA, María de la Paz y")."""
    words = list(given)
    tail: list[str] = []
    while len(words) > 1 and words[-1][:1].islower() and is_particle(words[-1].rstrip(".:")) \
            and words[-1].rstrip(".:") not in _JOINING_LATE:
        tail.insert(0, words.pop().rstrip(".:"))
    return _clean(words), "", " ".join(tail)


#: where an organisation's name can end: a closing period or colon, or a blank before a year or a quote
_ORGANISATION_STOP = lazy(r"[.:](?=\s|$)|\s(?=\(?\d{4}[a-z]?\)?[.,:]?(?:\s|$))|\s(?=[“\"])"
                          rf"|\s(?=\(?(?:{NO_DATE})\)?[.,:]?(?:\s|$))")


def _organisation_end(text: str, start: int) -> int | None:
    """End of a name that is a whole organisation ("Bureau of Democracy, Human Rights, and Labor.")."""
    pos = start
    while True:
        m = _ORGANISATION_STOP.search(text, pos)
        stop = m.start() if m is not None else len(text)  # a name alone (a model's author span) ends with the text
        body = text[start:stop].strip()
        words = body.replace(",", " ").split()
        if m is not None and text[stop] == "." and words and is_initials(words[-1] + "."):
            pos = m.end()  # "U.S. Department": the period closes an abbreviation
            continue
        if not words or not all(_name_word(w) or w.lower() in FUNCTION_WORDS for w in words):
            return None
        return len(text) if m is None else m.end() if text[stop] in ".:" else stop


def _clean(words: list[str]) -> str:
    """Join name words, dropping the period that closes the block after a full word."""
    text = " ".join(words).rstrip(":,")
    last = words[-1] if words else ""
    if text.endswith(".") and not is_initials(last) and last.lower() not in _SUFFIXES:
        text = text[:-1]
    return text


_YEAR_WORD = lazy(r"^\(?\d{4}[a-z]?\)?[.,:]?$")
#: ``_read_name``'s answer: (words, index after them, block closed)
_Read = tuple[list[str], int, bool]


class _Reader:
    """``_read_name`` over one list's tokens, each (start, given) read once: the scan asks again
    for what its look-aheads read."""

    __slots__ = ("family_first", "memo", "span", "toks")

    def __init__(self, toks: list[tuple[str, int, int]], span: bool = False) -> None:
        self.toks = toks
        self.memo: dict[tuple[int, bool], _Read] = {}
        self.family_first = False
        """The list prints each family name before its initials (Vancouver): set once the first name is read."""
        self.span = span
        """The text is a names' span (the model's), which ends where the names end."""

    def __call__(self, i: int, given: bool = False) -> _Read:
        key = (i, given)
        if (hit := self.memo.get(key)) is None:
            hit = self.memo[key] = _read_name(self.toks, i, given, self.family_first, self.span)
        return hit


#: "(Eds.)", ", ed."; German "(Hrsg.)" / "(Hg.)", ABNT's "(org.)" / "(coord.)", French "(dir.)" / "(éd.)", and each after a comma
#: (citeproc's ", éd.", ", coord.", ", Hrsg."); Frontiers'
#: "Doe, J. eds. (2009)", the role printed with no comma before the year
_ED_AFTER = lazy(r"\s*,?\s*\((?:eds?|éds?|editors?|hrsg|hgg?|orgs?|coords?|dir)\.?\)[.,]?|\s*,\s*(?:eds?|éds?|editors?|dir|coords?|hrsg|hgg?)\.?(?=[\s.,]|$)[.,]?"
                rf"|\s+(?-i:eds?\.|editors)(?=\s+\(?{COMMON_YEAR}(?!\d))", re.IGNORECASE)


#: what a list prints for a work with no author's name, German "o. A." (ohne Angabe) and Latin "N. N." (nomen
#: nescio), as the name it stands for: it is read as one name (as "Anon." is), the title after it
NO_NAME = lazy(r"(?:[oO]\.\s?A|N\.\s?N)\.(?=[\s,:;(]|$)")


def scan_names(text: str, start: int = 0, *, span: bool = False) -> NameList | None:
    """Read the name list at ``text[start:]``; None when the text does not start with names. ``span``: the text holds
    the names only (an author's span the model read), nothing after them."""
    if (m := NO_NAME.match(text, start)) is not None:
        return NameList((Person(family=m.group()[:-1]),), m.end())
    toks = _tokens(text, start, len(text))
    if not toks:
        return None
    read = _Reader(toks, span)
    first_words = [t[0] for t in _chunk(toks, 0)]
    joined = any(w.lower().rstrip(".") in _ORG_TRIGGERS for w in first_words[1:])  # "Bureau of Labor Statistics"
    if joined or (_body(first_words) and not any(map(is_particle, first_words))):  # "U.S. Census Bureau, Center …"
        end = _organisation_end(text, start)
        if end is not None:
            name = text[start:end].strip().rstrip(".:,").strip()
            return NameList((Person(family=name),), end, organisation=True)
        if joined:
            return None
    vancouver = (len(first_words) >= 2 and not is_initials(first_words[0])
                 and (bool(_BARE_INITIALS.match(first_words[-1].rstrip(":.")))
                      or (is_initials(first_words[-1].rstrip(":")) and len(first_words) == 2)))
    # only bare initials ("Soutter ARB") make the list family-first for sure: "Thomas D. Gillespie" reads alike
    read.family_first = vancouver and bool(_BARE_INITIALS.match(first_words[-1].rstrip(":,")))
    normal_order = len(first_words) >= 2 and is_initials(first_words[0])
    full_given = False  # Chicago and MLA: "Last, First, First Last, and First Last"
    persons: list[Person] = []
    et_al = editors = organisation = guessed = False
    end = start
    after_semicolon = False
    i, n = 0, len(toks)
    while i < n:
        words, j, closed = read(i)
        if not words or not all(map(_name_word, words)):
            break
        if words[-1].endswith(":") and not vancouver and (persons or not _body(words)):
            break  # a colon closes a person's name only after initials (read above); a body's name it may close
        sep = toks[j][0] if j < n else None
        given: list[str] = []
        if sep == "," and not closed and not vancouver:
            if not persons:
                inverted = not normal_order
            elif normal_order or is_initials(words[0]) or (full_given and len(words) > 1):
                inverted = False
            else:
                peek, _, _ = read(j + 1, True)
                # "Smith, John and Jones, Mary": after a first name inverted with its given name written
                # out, a one-word name followed by a comma and a name is inverted too
                inverted = bool(peek) and (_initials_given(peek)
                                           or ((after_semicolon or (full_given and len(words) == 1))
                                               and _given_words(peek)))
            if inverted and _title_before_pubfacts(text, toks, read(j + 1, True)):
                # "Ludwig van Beethoven, Letters (London: Dent, 1926)": a given-first name, then the title
                persons.append(split_person(_clean(words), inverted=False))
                end = toks[j][2]
                break
            if inverted:
                given, k, closed = read(j + 1, True)
                # Springer's LNCS closes the names with a colon after the initials: "Kostakos, V.: Title"
                colon = bool(given) and given[-1].endswith(":")
                if given and _given_words(given) and (
                        not colon or _initials_given(given)):
                    j, closed = k, closed or colon
                    given = [*given[:-1], given[-1].rstrip(":")]
                    full_given = full_given or (not persons and not all(map(is_initials, given)))
                else:
                    given, closed = [], False
        if given:
            persons.append(_with_particle(" ".join(words), *_demoted(given)))
        elif not persons and closed and not vancouver and not normal_order and (
                len(words) == 1 or _body(words)
                or sum(1 for w in words if w.isupper() and len(w) > 1) >= 1):
            # "Redacted.", "R Core Team.", "Hudson Institute.": no inverted name, so an organisation
            persons.append(Person(family=_clean(words)))
            organisation = len(words) > 1
        elif not persons and closed and not vancouver and not normal_order:
            persons.append(split_person(_clean(words), inverted=False))
            guessed = True
        elif len(words) > 4:
            break
        else:
            persons.append(split_person(_clean(words), inverted=False, given_first=full_given))
        end = toks[j - 1][2]
        if given and j < n and toks[j][0].lower().rstrip(".") in SUFFIXES_IN_TEXT and toks[j - 1][0] != ",":
            p = persons[-1]  # "Holender, Anthony T. III.": a suffix after the given names, with no comma before it
            persons[-1] = Person(p.family, p.given, p.prefix, toks[j][0].rstrip("."))
            end, closed, j = toks[j][2], closed or toks[j][0].endswith("."), j + 1
        if closed:
            break
        after_semicolon = False
        while j < n and (toks[j][0] in _BETWEEN_NAMES or (  # French and German "et", "und" (not "et al.")
                toks[j][0] in _JOINING and not (j + 1 < n and toks[j + 1][0].lower().startswith("al")))
                or (toks[j][0] in _JOINING_LATE and _late_join(toks, j, j, 1, True))):
            after_semicolon = after_semicolon or toks[j][0] == ";"
            et_al = et_al or toks[j][0] in ("…", "...")  # names left out before the last one
            j += 1
        if j >= n:
            break
        word = toks[j][0]
        if word.lower().rstrip(".:") == "others":  # LNCS closes "and others" with the colon: "Sendek, A., others: Title"
            et_al, end = True, toks[j][2]
            break
        if word.lower() == "et" and j + 1 < n and toks[j + 1][0].lower().startswith("al"):
            et_al, j = True, j + 2
            end = toks[j - 1][2]
            break
        if _EDITOR_MARK.match(word):
            editors, end = True, toks[j][2]
            break
        if word.lower().rstrip(".") in SUFFIXES_IN_TEXT:
            p = persons[-1]
            persons[-1] = Person(p.family, p.given, p.prefix, word)
            end = toks[j][2]
            if word.endswith(".") and (j + 1 >= n or toks[j + 1][0] not in {",", ";"}):
                break
            i = j + 1
            continue
        if toks[j - 1][0] == "," and not _starts_name(read(j)):
            end = toks[j - 1][2]
            break
        i = j
    if not persons:
        return None
    m = _ED_AFTER.match(text, end)
    if m and not editors:
        editors, end = True, m.end()
    return NameList(tuple(persons), end, et_al=et_al, editors=editors, organisation=organisation,
                    guessed=guessed)


#: "(London: Dent, 1926)": a note's publication facts
_PUBFACTS_PAREN = lazy(r"\([^()]*:[^()]*\)")


def _title_before_pubfacts(text: str, toks: list[tuple[str, int, int]], given: _Read) -> bool:
    """The words ``given`` (read as a given name after a comma) are a title, not a given name: full
    words closed by the note's parenthesised publication facts, where no inverted name could stand
    (nothing is between a name and the place and publisher)."""
    words, k, closed = given
    return (bool(words) and closed and k < len(toks) and not any(is_initials(w) for w in words)
            and _PUBFACTS_PAREN.match(text, toks[k][1]) is not None)


def _starts_name(name: _Read) -> bool:
    """The words ``name`` (read at a token) make a name."""
    words, _, _ = name
    return (bool(words) and len(words) <= 5 and all(map(_name_word, words))
            and (not words[-1].endswith(":") or bool(_BARE_INITIALS.match(words[-1].rstrip(":")))))


def _chunk(toks: list[tuple[str, int, int]], i: int) -> list[tuple[str, int, int]]:
    """Tokens up to the first comma, semicolon or closing period."""
    out = []
    for k in range(i, len(toks)):  # (not a copy of the rest: the chunk is a few tokens)
        t = toks[k]
        if t[0] in {",", ";"}:
            break
        out.append(t)
        nxt = toks[k + 1][0] if k + 1 < len(toks) else ""
        if t[0].endswith((".", ":")) and not is_initials(t[0]):
            break
        if is_initials(t[0]) and not is_initials(nxt) and any(not is_initials(w[0]) for w in out):
            break  # "Majeska G. 1984": the initials close a family-first name
    return out


def _late_join(toks: list[tuple[str, int, int]], i: int, j: int, count: int, given: bool) -> bool:
    """The "y" or "e" at token ``j`` joins the last name of a list (read from token ``i``, ``count`` words so far) to
    the one before: a capitalised name follows, and the name it closes is a given name or one of two words or more
    printed after a comma ("Faqiang Liu, Hao Zheng y Rong Zhao") or opening with initials ("R. Bianchi e M. Verdi"),
    never a list's first written out ("José Ortega y Gasset")."""
    nxt = toks[j + 1][0] if j + 1 < len(toks) else ""
    return nxt[:1].isupper() and count > 0 and (given or (count > 1 and (
        (i > 0 and toks[i - 1][0] == ",") or is_initials(toks[i][0]))))


def _read_name(toks: list[tuple[str, int, int]], i: int, given: bool = False,
               family_first: bool = False, span: bool = False) -> tuple[list[str], int, bool]:
    """Words of one name from token ``i``: (words, index after them, block closed).

    ``family_first``: the list prints "Family Initials" (Vancouver), so initials closed by a period after a
    family name end the list ("Soutter ARB, Mõttus R. Big Five …"), never a given-first name's middle initial."""
    words: list[str] = []
    j = i
    n = len(toks)
    while j < n:
        word = toks[j][0]
        if word in {",", ";", "&", "and"}:
            return words, j, False
        if word[0] in "“\"([" and words:
            return words, j, True
        lower = word.lower()
        # a year needs a digit or a bracket first (isdigit holds every digit the pattern's \d does)
        if ((word[0] == "(" or word[0].isdigit()) and _YEAR_WORD.match(word)) or lower in {"n.d.", "(n.d.)"}:
            return words, j, True
        if words and lower == "et" and _ET_AL.match(word + (" " + toks[j + 1][0] if j + 1 < n else "")):
            return words, j, False
        if words and word in _JOINING:  # "Matthias et WICHMANN": the French "and" ends a name, as "and" does
            return words, j, False
        if word in _JOINING_LATE and _late_join(toks, i, j, len(words), given):
            return words, j, False
        words.append(word)
        nxt = toks[j + 1][0] if j + 1 < n else None
        if given and nxt and nxt[:1].islower() and is_particle(nxt.rstrip(".:")) and not word.endswith(":"):
            j += 1  # "Boer, B. de", "Beethoven, Ludwig van": the particle printed after the given name
            continue
        if given and all(map(is_initials, words)) and _given_after_initial(toks, j + 1, span):
            j += 1  # "Suárez Pascal, C. David. 2015.": an initial and a written-out given name
            continue
        if _ends_name(word, nxt) and not (given and is_initials(word) and nxt in {",", ";"}):
            if word.endswith(".") and is_initials(word) and not given and len(words) == 1:
                # "R. Below" - an initial at the start of a given-first name
                j += 1
                continue
            if word.endswith(".") and is_initials(word) and not given and not family_first and nxt \
                    and _name_word(nxt) and not is_initials(nxt) and not _looks_like_title_start(toks, j + 1):
                j += 1
                continue
            return words, j + 1, True
        j += 1
        if len(words) > 6:
            return words, j, False
    return words, j, True


def _given_after_initial(toks: list[tuple[str, int, int]], j: int, span: bool) -> bool:
    """The word at token ``j``, after an inverted name's initials (and no written-out given name before them: "Davidson,
    Cathy N. Revolution and the Word"), ends its given name: one written-out name word
    closing the name list where it ends, before ", and" or a year ("Suárez Pascal, C. David. 2015.", "Roe, J. Robert,
    and …"); not a title's first word ("Roe, J. Rivers of the North.", "Holsti, K. J. Taming …", "Smiley, S.
    UnWorks; Oxford", "Doe, J. Leviathan, Oxford, 1651.")."""
    if j >= len(toks):
        return False
    word = toks[j][0]
    if not _name_word(word) or is_initials(word) or not word[:1].isupper() or word.endswith(":"):
        return False
    after = toks[j + 1][0] if j + 1 < len(toks) else None
    if after is None:
        return span  # a names' span ends with the names ("Suárez Pascal, C. David"); a reference's text with its title
    if not word.endswith("."):  # ", and" next: the inverted name's comma ("Doe, J. Leviathan, Oxford": a title;
        # "Doe, J. Rivers and Lakes": a title)
        return after == "," and j + 2 < len(toks) and toks[j + 2][0] in {"&", "and"}
    return (after[0] == "(" or after[0].isdigit()) and _YEAR_WORD.match(after) is not None


def _looks_like_title_start(toks: list[tuple[str, int, int]], j: int) -> bool:
    """Several words without a comma, "and" or period soon: a title rather than a family name."""
    count = 0
    for word, _, _ in toks[j:j + 4]:
        if word in {",", ";", "and", "&"} or is_initials(word):
            return False
        count += 1
        if word.endswith("."):
            return count > 2
    return count >= 3
