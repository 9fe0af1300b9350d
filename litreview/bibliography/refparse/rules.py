"""Parse plain-text reference strings (Chicago, APA, MLA) into fields, saying which are unsure.

A small rule set, one rule per step: identifiers out first, then the names, the year of an
author-date style, the title, and the rest (container, numbers, place and publisher, dates).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from ...locale_terms import NO_DATE_WORDS, OTHER_CLOSERS, QUOTES, quote_pairs
from ...model import Person
from . import fields as F
from .lexicon import EDITOR, MONTHS, TRANSLATOR
from .names import is_initials, scan_names, split_person
from .reference import ParsedReference
from .tail import (
    ABBREVIATED_JOURNAL,
    THESIS,
    description_type,
    parse_tail,
    plain,
    sentence_end,
    split_sentences,
    starts_tail,
)

_LABEL = re.compile(r"^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,3}\.(?=\s)|\d{1,3}(?=\s+\S))\s*")
REPEATED = re.compile(r"^[-–—_]{2,}\s*[.,]?\s*")
#: the month names with a letter [a-z] does not match ("März", "Août"), for a date after the year ("(2026, März 9)")
_ACCENTED_MONTHS = "|".join(sorted(w for w in MONTHS if not w.isascii()))
_YEAR_AFTER = re.compile(
    rf"\s*(?:[.,]\s*)?\(?(?P<year>{F.YEAR})(?P<suffix>[a-z])?"
    rf"(?:,\s*(?P<md>(?:[A-Z][a-z]+|(?i:{_ACCENTED_MONTHS}))\.?(?:\s+\d{{1,2}})?))?\)?(?P<close>[.,:])?(?=\s|$)"
    rf"|\s*(?:[.,]\s*)?(?P<nd>[(\[](?i:{NO_DATE_WORDS})(?:-?[a-z])?[)\]]|(?:{NO_DATE_WORDS}))(?:\s?[a-z](?=[.,]))?[.,]?(?=\s|$)",
)
_QUOTE_PAIRS = quote_pairs("“\"«‘'„")
#: APA's "(2nd ed.)", "(2nd ed., Vol. 3)" and "(Vol. 3)" after a book's title
_TITLE_EDITION = re.compile(r"\s*\((?:(?P<ed>\d+(?:st|nd|rd|th)|\d+\.ª|[A-Z][a-z]+)\s+ed(?:ition|\.)?(?:,\s*|(?=\)))|(?=Vol\.))"
                            r"(?:Vol\.\s*(?P<vol>\w+))?\)$", re.I)
_BRACKETED = re.compile(r"\s*\[([^\[\]]+)\]$")
_TITLE_PAGES = re.compile(rf"\s*{F.PAGES_IN_PARENTHESES}$")
_PAREN_PUBFACTS = re.compile(r"\s*\(([^()]*:[^()]*)\)\.?$")
_REPORT_TITLE = re.compile(r"\b(?:Report|Working Paper|Technical Note|White Paper)\b")
#: a chapter's DOI: Wiley's "….ch3", Springer's "…/978-3-319-12345-6_5", "…/3-540-45448-9_3", "…/11785231_15"; not
#: the MIT Press's article numbers, "10.1162/rest_a_01147" (journal, "_a_", number)
_CHAPTER_DOI = re.compile(r"(?:\.ch\d+|(?<!_[a-z])_\d+|/97[89][\d-]{9,}\D?\d*[._-]\d+)$|/97[89]-?\d", re.I)
_YEAR_AT_END = re.compile(rf"\s+\(?({F.YEAR})\)?$")
_ROLE_FIRST = re.compile(r"(?:in|edited|ed\.|trans)\b")
#: what may follow a quoted title with no punctuation between: the container's "In" ("“Title” In: Book")
_IN_TAIL = re.compile(r"(?:In|Im|Dans|Em|En)\b")


_ROLE_WORDS = EDITOR | TRANSLATOR
_SURROGATE = re.compile("[\ud800-\udfff]")  # a lone surrogate (from surrogateescape): no text, and crfsuite refuses it
#: Unicode's hyphen and non-breaking hyphen (ISO 690 styles print page ranges "237‑244" with the latter)
#: read as the ASCII one, which every page and name rule knows.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
#: the Latin "no place" and "no name" of an imprint printed with a space ("[S. l.]", "[s. n.]", "[S. l. : s. n.]", French
#: typography): written as one word, "[S.l.]", as the model learnt it (spaced, it read the letters as names or a date's)
_SINE = re.compile(r"(?i)(?:(?<=\[)|(?<=:\s)|(?<=:))(s)\.\s(l|n)\.(?=\]|\s*:)")
#: ABNT's "no place" between a journal's name and its volume, issue or pages ("Journal, [s. l.], v. 12, n. 3"), which
#: NBR 6023:2018 prints for a journal with no place: no part of the name and no place to read, left out (the model,
#: which learnt the journal's name right before its volume, read it into the name and the volume after it as the
#: year). Before the year alone ("Ethics, [s. l.], 1994.") it is kept: the model reads the name by it there
_JOURNAL_SINE = re.compile(r"(?i), \[s\. ?l\.\](?=, (?:v|n|p|vol|no)\. )")
#: a year's closing parenthesis glued to the word after it ("(Clarendon Press, 1968)Clarendon Aristotle", "(2006)pp.
#: 3859", text taken from a PDF or a style that drops the space): the space put back, so that the year is a token of its
#: own, as every reference the model learnt from prints it
_GLUED_YEAR = re.compile(rf"(?<![\d.])({F.YEAR}[a-z]?\))(?=[^\W\d_])")
_GLUED = re.compile(r"\)(?=[^\W\d_])")  # any parenthesis glued to a letter: a quick look first (most strings have none)

#: an opener of ``OTHER_CLOSERS`` opening a part (the string's start, or after a full stop) whose quote closes the part
#: with the other closer ("„Tytuł”. ", "2010. ‚Tytuł’."), and the English opener of that closer ("“Tytuł”"): what
#: the tagger's features and the parsers read as a quote. Not after a comma: PN-ISO 690 quotes the journal there
#: ("Tytuł, „Czasopismo” 2016, t. 8"), as the model learnt it
_OTHER_PAIRS = tuple((re.compile(rf"(?:^|(?<=\. )){re.escape(o)}(?=[^{o}{QUOTES[o]}{c}]{{1,500}}{c}[.,:;?!]?(?: |$))"),
                      next(e for e in "“‘" if QUOTES[e] == c)) for o, c in OTHER_CLOSERS.items())


def _english_openers(text: str) -> str:
    """``text`` with each quote opened low and closed high on the right („…”, ‚…’ of Polish, Hungarian, Romanian and
    Dutch lists) opened as English opens it (“…”, ‘…’): the parsers read the pairs the locales of their training
    set print. German „…“ is left as printed, and so is a quote within a field ("Gesetz über den „WDR” vom …") and a
    string that opens the English quote itself: there „…” is a quote inside an English one ("“„Noch nie zuvor”. Zur
    Konstruktion …”"): the field's value keeps its marks as printed."""
    for (pair, english), opener in zip(_OTHER_PAIRS, OTHER_CLOSERS, strict=True):
        if opener in text and english not in text:
            text = pair.sub(english, text)
    return text


@lru_cache(maxsize=1024)  # the CRF's reading, the rules' and parse_references each ask for it
def normalise(text: str) -> str:
    text = _SURROGATE.sub("\ufffd", text)
    if "\u2010" in text or "\u2011" in text:  # translate looks every character up: only where one is printed
        text = text.translate(_HYPHENS)
    if "[" in text and ", [" in text:
        text = _JOURNAL_SINE.sub("", text)
    if ". " in text and ("[" in text or ":" in text):
        text = _SINE.sub(r"\1.\2.", text)
    if ")" in text and _GLUED.search(text):
        text = _GLUED_YEAR.sub(r"\1 ", text)
    text = _english_openers(text)
    return " ".join(unicodedata.normalize("NFC", text).split())  # str.split's blanks are the regex \s


def parse_reference(text: str) -> ParsedReference:
    """Split one reference string into fields; never raises on odd input."""
    return parse_normalised(normalise(text))


def parse_normalised(text: str) -> ParsedReference:
    """``parse_reference`` of a string ``normalise`` gave (the model's stages read the same one: normalised once)."""
    s = _LABEL.sub("", text, count=1)
    uncertain: list[str] = []
    f: dict[str, Any] = {}
    f["doi"], s = F.take_doi(s)
    f["urldate"], s = F.take_accessed(s)
    f["url"], s = F.take_url(s)
    s = s.strip()

    # 1. names
    names = None
    pos = 0
    if (m := REPEATED.match(s)) is not None:
        pos = m.end()
        f["note"] = "same author(s) as the entry above"
        if (co := co_authors(s, pos)) is not None:
            f["authors"], f["et_al"], pos = co
        if not f.get("authors"):
            uncertain.append("authors")
    elif s[:1] not in _QUOTE_PAIRS:
        names = scan_names(s)
        if names is not None:
            pos = names.end
    # 2. year straight after the names (author-date styles)
    year_m = _YEAR_AFTER.match(s, pos) if names is not None or pos else None
    if year_m and (year_m.group("close") or s[year_m.end():].strip()[:1] in "“\"‘«„" or "(" in year_m.group()
                   or year_m.group("nd")):
        pos = year_m.end()
        if year_m.group("year"):
            f["year"] = year_m.group("year")
            if year_m.group("md") and (date := F.parse_date(year_m.group("md"))):
                f["month"], f["day"] = date.month, date.day
    comma_style = s[:pos].rstrip().endswith(",")  # "Nolan, M., Fundamentals of ..., Delmar, 2010."
    rest = s[pos:].lstrip(" .,:;")
    if (m := _PAREN_PUBFACTS.search(rest)) is not None and (pub := F.parse_pubfacts(m.group(1))):
        # "Title (Toronto: University of Toronto Press, 2005)."
        f["place"], f["publisher"] = pub.place, pub.publisher
        if pub.year and not f.get("year"):
            f["year"] = pub.year
        rest = rest[: m.start()].rstrip(" ,")

    # 3. title
    if (m := ABBREVIATED_JOURNAL.match(rest)) is not None and m.group().count(".") >= 2:
        title, tail, quoted = "", rest, False  # "J. Am. Chem. Soc. 2007, 129, 3226": no title printed
    else:
        title, tail, quoted = _take_title(rest, comma_style)
    if names is not None and not quoted and (names.organisation or len(names.persons) == 1):
        whole = F.parse_pubfacts(title) if not tail else None
        if whole is not None and whole.place and whole.year and not f.get("year"):
            # "Protocol for the Modern Diplomat. Washington, DC: ..., 2007.": no author, the name was the title
            title, tail, names = s[:names.end].strip().rstrip("."), rest, None
    if names is not None and names.guessed and not _title_then_pubfacts(title, tail, quoted):
        uncertain.append("authors")
    if names is not None:
        key = "editors" if names.editors else "authors"
        f[key] = names.persons
        f["et_al"] = names.et_al
    if (quoted and title.endswith(",")) or (quoted and title.endswith(".") and not title.endswith("..")):
        title = title[:-1]
    if not quoted and (m := _BRACKETED.search(title)) is not None and (
            THESIS.match(m.group(1)) or description_type(m.group(1))):
        # APA: "Title [Doctoral dissertation, University of Michigan]. ProQuest.": the thesis and its school;
        # "Title [Data set]. Zenodo.": what the work is (parse_tail reads both)
        title, tail = title[: m.start()], f"{m.group(1)}. {tail}"
    title = F.without_medium(title)
    if (m := _TITLE_EDITION.search(title)) is not None:
        f["edition"], f["volume"], title = m.group("ed") or "", m.group("vol") or "", title[: m.start()]
    # APA's "Title (pp. 79–92)", "Titel (S. 31)" (the pattern asked only of a title its parenthesis closes)
    if title.endswith(")") and (m := _TITLE_PAGES.search(title)) is not None:
        f["pages"], title = m.group("pages"), title[: m.start()]
    if not tail and (m := _YEAR_AT_END.search(title)) and not f.get("year"):
        f["year"], title = m.group(1), title[: m.start()]  # "... package for R 2013."
    f["title"] = title.strip()
    if not f["title"] or f["title"].endswith((":", ";", ",")) or f["title"].endswith(" -"):
        uncertain.append("title")

    # 4. the rest
    parse_tail(tail, quoted, f, uncertain)
    f["type"] = _entry_type(f, uncertain)
    if not f.get("year"):
        # last resort: a year printed somewhere after the title ("(Fall 2011)"), flagged as a guess
        found = F.YEAR_RE.findall(s[pos:].replace(title, "", 1))
        if found:
            f["year"] = found[0]
        uncertain.append("year")
    seen: list[str] = []
    for name in uncertain:
        if name not in seen:
            seen.append(name)
    return ParsedReference(raw=text, uncertain=tuple(seen), **f)


#: a name given first as MHRA prints a co-author's: a capitalised word, then one to three capitalised words, initials
#: or particles ("Lars Wanhammar", "Stephen C. Levinson", "Jo Arve Alfredsen", "Ludwig van Beethoven")
_GIVEN_FIRST = r"[A-ZÀ-Þ][\w'’-]*\.?(?:\s+(?:[A-ZÀ-Þ][\w'’-]*\.?|van|von|de|der|den|da|di|du|del|la|le)){1,3}"
_CO_AUTHORS = re.compile(rf"\s*(?:{_GIVEN_FIRST},\s+)*and\s+(?:{_GIVEN_FIRST}|others),\s")


def co_authors(s: str, pos: int) -> tuple[tuple[Person, ...], bool, int] | None:
    """The names after the dash that stands for the entry above's first name, as a partial substitution prints them
    (MHRA's "——, and Lars Wanhammar, ‘Title’", "——, Albert Abrahams, and Ernie Edwards, Title"): (those names, "and
    others" closing them, where they end); None where no such list follows."""
    if (m := _CO_AUTHORS.match(s, pos)) is None:
        return None
    parts = [x for x in re.split(r",\s+(?:and\s+)?|^and\s+", m.group().strip().rstrip(",")) if x]
    return tuple(split_person(x, inverted=False) for x in parts if x != "others"), "others" in parts, m.end()


def _title_then_pubfacts(title: str, tail: str, quoted: bool) -> bool:
    """A title and then nothing but "Place: Publisher, Year": the given-first name before them
    ("Ludwig van Beethoven. Letters. London: Dent, 1926.") is the author, not a title (a work with
    no author prints its title straight before its publication facts)."""
    if quoted or not title or not tail or title.split()[0].lower() in _ROLE_WORDS:
        return False  # "Ghost Stories. Ed. Peter Washington. New York: …": the editor, not a title
    pub = F.parse_pubfacts(tail)
    return pub is not None and bool(pub.place and pub.publisher and pub.year)


def _take_title(rest: str, comma_style: bool = False) -> tuple[str, str, bool]:
    """(title, what follows it, whether it was quoted)."""
    opener = rest[:1]
    if opener in _QUOTE_PAIRS:
        closer = _QUOTE_PAIRS[opener]
        start = 1
        while True:
            end = rest.find(closer, start)
            if end < 0:
                break
            after = rest[end + 1:end + 2]
            # a straight ' closes only before punctuation: "'The Workers' Movement', …" is one title
            if closer not in "’'" or after in ("", ".", ",", ";", ":") or (closer == "’" and after == " "):
                following = rest[end + 1:].lstrip()
                if rest[end - 1] not in ".,?!" and (
                        (following[:1].islower() and not _ROLE_FIRST.match(following))
                        or (after == " " and following[:1].isupper() and not _IN_TAIL.match(following)
                            and len(rest[1:end].split()) <= 3)):
                    # “Like” and language ideology, ‘Fair’ Inequality? Attitudes …: a quoted word opens an
                    # unquoted title (a quoted title is closed by punctuation inside the quotes or right after; a
                    # few styles print none, "Long Title" Journal 5 175-185, so only a short quote is a word's)
                    break
                return rest[1:end].strip(), rest[end + 1:].lstrip(" .,;:"), True
            start = end + 1
    cut = sentence_end(rest)
    if comma_style:
        parts = _top_level_split(rest)
        k = 1
        while k < len(parts) and (parts[k][:1].islower() or parts[k - 1].count("(") > parts[k - 1].count(")")):
            k += 1
        title = ", ".join(parts[:k]).strip()
        if k < len(parts) and len(title) < cut and not starts_tail(rest[cut:]):
            return title.rstrip("."), ", ".join(parts[k:]), False
    title = rest[:cut].strip()
    after = rest[cut:].lstrip()
    segs = split_sentences(after)
    if title.endswith(("?", "!")) and len(segs) >= 2 and plain(segs[0]):
        # "What Does the Future Hold? Exploring Various Views on the End Times. Grand Rapids: Baker."
        cut = len(rest) - len(after) + sentence_end(after)
        title = rest[:cut].strip()
    if title.endswith(".") and not title.endswith("..") and not is_initials(title.split()[-1]):
        title = title[:-1]
    return title, rest[cut:].strip(), False


def _top_level_split(text: str) -> list[str]:
    """Split at ", " outside parentheses and brackets."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c == "," and depth == 0 and text[i + 1:i + 2] == " ":
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _entry_type(f: dict[str, Any], uncertain: list[str]) -> str:
    """The BibTeX type that fits the fields found."""
    chapter, kind, report = f.pop("_chapter", False), f.pop("_kind", ""), f.pop("_report", False)
    if kind:  # a thesis, or what an APA bracketed description says the work is
        return kind
    if report or (not f.get("container") and _REPORT_TITLE.search(f.get("title", ""))):
        return "techreport"  # "Toward a Theory of Intelligence. Workshop Report"
    if chapter or (f.get("container") and f.get("doi") and _CHAPTER_DOI.search(f["doi"])
                   and not F.journal_numbers(f["container"], f.get("volume", ""), f.get("issue", ""),
                                             f.get("pages", ""), bool(f.get("editors")), f.get("publisher", ""))):
        return "incollection"
    container = f.get("container")
    if container and (f.get("volume") or f.get("issue") or f.get("pages")):
        return "article"
    if container and (f.get("url") or f.get("urldate")):
        return "online"
    if container:
        uncertain.append("type")
        return "article"
    if f.get("publisher") or f.get("place"):
        return "book"
    if f.get("url") or f.get("urldate"):
        return "online"
    uncertain.append("type")
    return "misc"
