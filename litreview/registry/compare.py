"""Text normalisation and similarity shared by reconciliation and DOI discovery.

Pure functions: fold case and accents, drop punctuation, expand abbreviated page
ranges, and score titles and names with rapidfuzz.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from ..bibliography.names import PARTICLES
from ..lazyre import lazy
from ..locale_terms import SUFFIXES_IN_TEXT
from ..model import Person, RegistryRecord
from ..text import fold_umlauts, fold_words

_DASHES = lazy(r"\s*(?:--|[-‐‑‒–—―−])+\s*")
_PAGE_PREFIX = lazy(r"^(?:pp?\.?\s*)", re.I)
#: The particles a surname may start with, folded: the project's table, with Dutch "te" (written lower-case before
#: a surname, "te Velde") and the "d" an elided "d'" folds to ("d'Alembert" is "d alembert").
_PARTICLES = PARTICLES | {"te", "d"}
#: Words a journal's abbreviation or acronym leaves out ("Journal of the American ..." is "J. Am. ...", "JA...").
_TITLE_STOP_WORDS = frozenset(["of", "the", "and", "for", "in", "on", "at", "to", "de", "des", "du", "la", "le", "et",
                               "und", "fur", "der", "die", "das"])
_ACRONYM = lazy(r"[A-Z]{2,8}")
_MATH = lazy(r"\$([^$]*)\$")
_MATH_COMMAND = lazy(r"\\[A-Za-z]+\s*")  # \mathrm, \mathit: the letters they set stay
_MATH_MARKS = str.maketrans("", "", "_^{}\\")
_PUBLISHER_NOISE = frozenset(
    ["press", "publishing", "publishers", "publisher", "ltd", "limited", "inc", "llc", "co", "company", "group", "books", "uk", "us", "usa", "the", "and", "of", "informa", "gmbh", "verlag"]
)

BOOK_TYPES = frozenset({"book", "monograph", "edited-book", "reference-book", "book-set", "book-series"})
CHAPTER_TYPES = frozenset({"book-chapter", "book-part", "book-section", "reference-entry", "chapter",
                           "entry", "entry-dictionary", "entry-encyclopedia", "book-track"})
ARTICLE_TYPES = frozenset({"journal-article", "article-journal", "article", "posted-content",
                           "article-magazine", "article-newspaper"})
PROCEEDINGS_TYPES = frozenset({"proceedings-article", "paper-conference", "proceedings"})
REPORT_TYPES = frozenset({"report", "report-component", "report-series", "standard"})
THESIS_TYPES = frozenset({"dissertation", "thesis"})

#: bibliography entry type -> registry types that fit it.
COMPATIBLE_TYPES: dict[str, frozenset[str]] = {
    "article": ARTICLE_TYPES,
    "book": BOOK_TYPES,
    "mvbook": BOOK_TYPES,
    "collection": BOOK_TYPES,
    "proceedings": BOOK_TYPES | PROCEEDINGS_TYPES,
    "incollection": CHAPTER_TYPES,
    "inbook": CHAPTER_TYPES | BOOK_TYPES,
    "inreference": CHAPTER_TYPES,
    "inproceedings": PROCEEDINGS_TYPES | CHAPTER_TYPES,
    "conference": PROCEEDINGS_TYPES | CHAPTER_TYPES,
    "techreport": REPORT_TYPES,
    "report": REPORT_TYPES,
    "phdthesis": THESIS_TYPES,
    "mastersthesis": THESIS_TYPES,
    "thesis": THESIS_TYPES,
    "dataset": frozenset({"dataset", "component", "database"}),
}


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two folded strings (edit-distance ratio)."""
    from rapidfuzz import fuzz

    if not a or not b:
        return 0.0
    return fuzz.ratio(a, b) / 100.0


def title_words(title: str) -> str:
    """A title's folded words, TeX math read as the registry's text: "H$_2$" and "H<sub>2</sub>" are "h2"."""
    if "$" in title:
        title = _MATH.sub(lambda m: _MATH_COMMAND.sub("", m.group(1)).translate(_MATH_MARKS), title)
    return fold_words(title)


def title_similarity(entry_title: str, title: str, subtitle: str = "") -> float:
    """Best similarity of the entry's title to the registry title, with or without subtitle."""
    entry = title_words(entry_title)
    candidates = [fold_words(title)]
    if subtitle:
        candidates.append(fold_words(f"{title} {subtitle}"))
    return max(similarity(entry, c) for c in candidates)


def family_key(person: Person) -> str:
    """A person's family name (with particle) folded, for comparison."""
    return fold_words(" ".join(p for p in (person.prefix, person.family) if p))


def surname_key(person: Person, *, umlauts: bool = False) -> str:
    """:func:`family_key` without leading particles or a generational suffix: "van der Berg, Jan" and Crossref's
    family "Berg", given "Jan van der" are one surname, as are "King, Jr., Martin" and Crossref's family "King Jr.".
    ``umlauts``: German umlauts written out ("Müller" is "mueller")."""
    return _surname_key(person.prefix, person.family, umlauts)


@lru_cache(maxsize=1 << 14)
def _surname_key(prefix: str, family: str, umlauts: bool) -> str:
    """``surname_key`` of a name's particle and family name (kept: a bibliography names its authors again and
    again, and the checks ask for each name of each entry)."""
    family = " ".join(p for p in (prefix, family) if p)
    words = (fold_umlauts(family) if umlauts else fold_words(family)).split()
    while len(words) > 1 and words[0] in _PARTICLES:
        words.pop(0)
    if len(words) > 1 and words[-1] in SUFFIXES_IN_TEXT:
        words.pop()
    return " ".join(words)


def same_surname(a: Person, b: Person) -> bool:
    """One surname, its particles placed anywhere and its umlauts written out or not ("Müller", "Mueller", "Muller"),
    or one name split at another place between given and family names: "García Márquez, Gabriel" is Crossref's
    family "Márquez", given "Gabriel García"."""
    return (surname_key(a) == surname_key(b) or surname_key(a, umlauts=True) == surname_key(b, umlauts=True)
            or _split_elsewhere(a, b) or _split_elsewhere(b, a))


def _split_elsewhere(long: Person, short: Person) -> bool:
    """``long``'s surname is ``short``'s preceded by the last word(s) of ``short``'s given names."""
    lw, sw = surname_key(long).split(), surname_key(short).split()
    extra = len(lw) - len(sw)
    if extra < 1 or lw[extra:] != sw:
        return False
    given = fold_words(short.given).split()
    return len(given) > extra and given[-extra:] == lw[:extra]


def abbreviates(short: str, full: str) -> bool:
    """True when ``short`` is an abbreviation of the journal title ``full``: ISO 4 style, each word a prefix
    ("J. Am. Chem. Soc.", "Journal of the American Chemical Society") or a contraction ("Natl." for
    "National") of the title's significant words in order, dotted or in MEDLINE's style without full stops
    ("J Am Chem Soc": two words shortened or more, each by two letters at least, as ISO 4 abbreviates); or an
    acronym of their initials ("PNAS"). Every significant word must be accounted for, but for a final
    "U.S.A." the registry's title may leave out ("Proc. Natl. Acad. Sci. U.S.A.")."""
    words = [w for w in fold_words(full).split() if w not in _TITLE_STOP_WORDS]
    if not words:
        return False
    short = short.strip()
    if _ACRONYM.fullmatch(short):
        return short.lower() == "".join(w[0] for w in words)
    written = fold_words(short).split()
    parts = [w for w in written if w not in _TITLE_STOP_WORDS]
    dotted = "." in short
    # Without full stops only MEDLINE's form: no "of" or "the", two words shortened at least ("Hydrogen
    # Bond" is no abbreviation of "Hydrogen Bonding")
    if not dotted and (parts != written or sum(p not in words for p in parts) < 2):
        return False
    if len(parts) > 1 and parts[-1] == "usa":
        parts[-1:] = ["u", "s", "a"]
    if len(parts) > 3 and parts[-3:] == ["u", "s", "a"] and words[-3:] != ["united", "states", "america"]:
        del parts[-3:]
    return (len(parts) == len(words) and parts != words
            and all(_abbreviates_word(p, w, iso=not dotted) for p, w in zip(parts, words, strict=True)))


def container_agrees(entry: str, record: RegistryRecord) -> bool:
    """True when the entry's journal or book title names the record's container: any of its container titles (a
    chapter's book or its series) or short titles, the same words, a whole-word part of one ("Shoulder Stiffness"
    in "Shoulder Stiffness: Current Concepts", but "IO" not in "International Security"), or an abbreviation
    either way ("J. Am. Chem. Soc.", "JACS")."""
    raw = record.raw
    titles = [record.container, *(t for t in raw.get("container-title") or () if isinstance(t, str))]
    shorts = [t for t in raw.get("short-container-title") or () if isinstance(t, str)]
    fe = fold_words(entry)
    if not fe:
        return False
    for title in (*titles, *shorts):
        fr = fold_words(title)
        if fr and (fe == fr or f" {fe} " in f" {fr} " or f" {fr} " in f" {fe} "):
            return True
    return any(abbreviates(entry, t) or abbreviates(t, entry) for t in titles if t)


def _abbreviates_word(part: str, word: str, *, iso: bool) -> bool:
    """``part`` is ``word``, its start, or (four letters or more) its contraction: first and last letter kept, the
    others in order ("natl", "national"). ``iso``: shortened by two letters at least (ISO 4's rule), so that
    without full stops "Review" does not abbreviate "Reviews"."""
    if part == word:
        return True
    if iso and len(word) - len(part) < 2:
        return False
    if word.startswith(part):
        return True
    if len(part) < 4 or part[0] != word[0] or part[-1] != word[-1]:
        return False
    letters = iter(word)
    return all(c in letters for c in part)


def initials(given: str) -> str:
    """"Kalevi J." -> "kj"; "K. J." -> "kj"."""
    return "".join(part[0] for part in fold_words(given).split() if part)


def initials_compatible(a: str, b: str) -> bool:
    """True when one set of initials is a prefix of the other ("k" fits "kj")."""
    ia, ib = initials(a), initials(b)
    return not ia or not ib or ia.startswith(ib) or ib.startswith(ia)


def people_text(people: tuple[Person, ...]) -> str:
    return "; ".join(p.sort_name() for p in people)


def normalize_pages(pages: str) -> tuple[str, str]:
    """(first, last) page with abbreviated ends expanded: "448-88" -> ("448", "488")."""
    text = _PAGE_PREFIX.sub("", (pages or "").strip())
    parts = [p.strip() for p in _DASHES.split(text) if p.strip()]
    if not parts:
        return "", ""
    first = parts[0]
    last = parts[-1] if len(parts) > 1 else ""
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    lead = first.rstrip("0123456789")
    if lead and lead != first and last.isdigit():
        # "S12-19" is S12 to S19 (a supplement's or an electronic page's letter is written once).
        digits = first[len(lead):]
        if len(last) < len(digits):
            last = digits[: len(digits) - len(last)] + last
        last = lead + last
    return first, last


def publisher_tokens(name: str) -> frozenset[str]:
    """Significant words of a publisher's name (Press, Ltd, UK and the like dropped)."""
    return frozenset(w for w in fold_words(name).split() if w not in _PUBLISHER_NOISE)


def publishers_agree(a: str, b: str) -> bool:
    """True when two publisher names share their significant words ("Routledge" ~ "Routledge, Taylor & Francis")."""
    ta, tb = publisher_tokens(a), publisher_tokens(b)
    if not ta or not tb:
        return fold_words(a) == fold_words(b)
    return ta <= tb or tb <= ta or len(ta & tb) / min(len(ta), len(tb)) >= 0.5


def record_years(record: RegistryRecord) -> set[int]:
    """Every year the record dates the work by: issued, print, online, and its issue's print date (an article
    online in December is in the next year's issue), so an entry citing any of them cites the work's year."""
    from .parse import partial_year

    raw = record.raw
    dates = [raw.get(n) for n in ("issued", "published", "published-print", "published-online")]
    issue = raw.get("journal-issue")
    if isinstance(issue, Mapping):
        dates.append(issue.get("published-print"))
    years = {y for y in (partial_year(d) for d in dates) if y is not None}
    return years | ({record.year} if record.year is not None else set())


def preprint_for_journal(entry_type: str, container: str, record: RegistryRecord) -> bool:
    """True when the record is a preprint (Crossref's posted-content) and the entry an article in a journal that
    is not the preprint's server: the preprint is an earlier version, not the work the entry cites."""
    if entry_type.lower() != "article" or not container.strip() or record.type.lower() != "posted-content":
        return False
    wanted = f" {fold_words(container)} "
    servers = [record.container, record.publisher, *(str(i.get("name") or "") for i in record.raw.get("institution")
                                                      or () if isinstance(i, Mapping)), str(record.raw.get("group-title") or "")]
    return not any(f" {name} " in wanted or wanted in f" {name} "
                   for name in (fold_words(s) for s in servers) if name)


def types_compatible(entry_type: str, registry_type: str) -> bool | None:
    """True/False when the entry type is known to fit or not fit the registry type; None if unknown."""
    allowed = COMPATIBLE_TYPES.get(entry_type.lower())
    if allowed is None or not registry_type:
        return None
    return registry_type.lower() in allowed
