"""Text normalisation and similarity shared by reconciliation and DOI discovery.

Pure functions: fold case and accents, drop punctuation, expand abbreviated page
ranges, and score titles and names with rapidfuzz.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Person
from ..text import fold_umlauts, fold_words

_DASHES = lazy(r"\s*(?:--|[-‐‑‒–—―−])+\s*")
_PAGE_PREFIX = lazy(r"^(?:pp?\.?\s*)", re.I)
_PARTICLES = frozenset(["van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le", "ten", "ter", "te", "zu", "dos", "das", "do", "d"])
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
    """:func:`family_key` without leading particles: "van der Berg, Jan" and Crossref's family "Berg",
    given "Jan van der" are one surname. ``umlauts``: German umlauts written out ("Müller" is "mueller")."""
    family = " ".join(p for p in (person.prefix, person.family) if p)
    words = (fold_umlauts(family) if umlauts else family_key(person)).split()
    while len(words) > 1 and words[0] in _PARTICLES:
        words.pop(0)
    return " ".join(words)


def same_surname(a: Person, b: Person) -> bool:
    """One surname, its particles placed anywhere and its umlauts written out or not ("Müller", "Mueller", "Muller")."""
    return surname_key(a) == surname_key(b) or surname_key(a, umlauts=True) == surname_key(b, umlauts=True)


def abbreviates(short: str, full: str) -> bool:
    """True when ``short`` is an abbreviation of the journal title ``full``: dotted, ISO 4 style, each word a
    prefix of the title's significant words in order ("J. Am. Chem. Soc.", "Journal of the American Chemical
    Society"), or an acronym of their initials ("PNAS"). Every significant word must be accounted for."""
    words = [w for w in fold_words(full).split() if w not in _TITLE_STOP_WORDS]
    if not words:
        return False
    short = short.strip()
    if _ACRONYM.fullmatch(short):
        return short.lower() == "".join(w[0] for w in words)
    if "." not in short:
        return False
    parts = [w for w in fold_words(short).split() if w not in _TITLE_STOP_WORDS]
    return (len(parts) == len(words) and parts != words
            and all(w.startswith(p) for p, w in zip(parts, words, strict=True)))


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


def types_compatible(entry_type: str, registry_type: str) -> bool | None:
    """True/False when the entry type is known to fit or not fit the registry type; None if unknown."""
    allowed = COMPATIBLE_TYPES.get(entry_type.lower())
    if allowed is None or not registry_type:
        return None
    return registry_type.lower() in allowed
