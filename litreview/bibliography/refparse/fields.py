"""Field recognisers for plain-text references: DOIs, URLs, dates, volume/issue/pages, publishers.

Each function takes a piece of a reference string and returns what it found (or None);
the order in which they are tried lives in ``refparse``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...doi import SHORT_DOI, find_doi, inside_address, trim_identifier
from ...locale_terms import quote_pairs
from ..dates import COMMON_YEAR
from .lexicon import IN, LOCALE_MONTH_NUMBERS, MONTH_NUMBERS, NUMBER, PAGES, PLACE, VOLUME
from .lexicon import PUBLISHER as LEXICON_PUBLISHER
from .names import is_organisation_name

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
YEAR = COMMON_YEAR  # (the reference parser's short name)
#: the medium after a title: Vancouver's (NLM's) "[Internet]", "[monograph on the Internet]", ISO 690's and DIN's
#: "[online]", "[en ligne]" (after a journal's name it is left: the training set's containers keep it)
MEDIUM = re.compile(r"\s*\[(?:Internet|CD-ROM|DVD|(?:serial|monograph|database|homepage) on the Internet|online|on-line|"
                    r"en ligne|electronic resource|em linha|en l[ií]nea)\]", re.I)
#: the word a style prints before a work's container ("In:", French "Dans", Spanish "En", Portuguese "Em", German
#: "Im"), no part of the container's name (case-insensitive): the lexicon's, and German "Im", which the lexicon (a
#: table of the model's features) leaves out so that the shipped model's features stay as trained
IN_WORDS = "(?:" + "|".join(sorted({w.rstrip(":") for w in IN} | {"im"})) + ")"
#: the word after Italian's "a cura" ("edited by"): "di", or it with an article ("del", "della", "dei", "degli")
A_CURA_OF = ("di", "del", "della", "dei", "degli")
#: "cura di" and its forms; each pattern writes the "a" before it in its own case ("(a cura di)", "A cura della")
CURA_OF = r"cura\s+(?:" + "|".join(A_CURA_OF) + ")"
#: a word of a name in direct order: capitalised, an initial, or a particle ("de", "von", "van der")
NAME_WORD = r"(?:[A-ZÀ-Þ][\w'’.-]*|[a-zà-ÿ]{1,3}),?"
#: pages in parentheses right after a work's title, as APA and the DGPs print a chapter's with no book ("(pp. 79–92)",
#: "(S. 31)")
PAGES_IN_PARENTHESES = r"\((?i:pp?|s)\.\s*(?P<pages>\d+(?:\s*[–-]\s*\d+)?)\)"
#: an imprint a style prints as not known (CSE's "[place unknown]: Publisher", "Place: [publisher unknown]"): no place
#: or no publisher, and no part of the other
UNKNOWN_IMPRINT = re.compile(r"\[(?:place|publisher) unknown\][.:,;]?", re.I)
#: a title's opening quote -> its closing one ("“Title”", "«Titre»", German "„Titel“", TeX's ``…'' as anystyle's
#: material prints it)
QUOTE_CLOSER = quote_pairs(("“", "«", '"', "„", "‘", "``"))
#: a quote's closer -> (the quotes that open another quote inside it, the quotes that may close that inner one): a
#: German title quoted in English ("“„Noch nie zuvor”. Zur Konstruktion …”", "“Faktencheck zu „Hart aber fair”: …”")
_NESTED = {"”": ("„«", "“”»"), "»": ("“„‹", "”“›")}


def quote_end(text: str, start: int, closer: str) -> int:
    """Where in ``text`` (from ``start``, past the opening quote) the quote closed by ``closer`` closes, -1 where it does
    not: a quote opened inside it (``_NESTED``) closes first (where none closes at the same depth, as where an inner
    quote is left open, the first ``closer``), and a ’ followed by a letter is an apostrophe ("l’Italia", "Kelly’s")."""
    inner_open, inner_close = _NESTED.get(closer, ("", ""))
    depth, first = 0, -1
    for i in range(start, len(text)):
        c = text[i]
        if text.startswith(closer, i) and not (closer == "’" and text[i + 1:i + 2].isalpha()):  # or TeX's "''"
            if not depth:
                return i
            first = i if first < 0 else first
        if depth and c in inner_close:
            depth -= 1
        elif c in inner_open:
            depth += 1
    return first
YEAR_RE = re.compile(rf"(?<![\d/.-]){YEAR}(?![\d/-])")
YEAR_ONLY, _YEAR_LETTER = re.compile(YEAR), re.compile(YEAR + r"[a-z]?")  # for fullmatch
#: a digit anywhere (searched, where a number may be printed)
DIGIT = re.compile(r"\d")

#: a web address printed with neither its scheme nor "www." ("dl.fernsehkritik.tv/TalkformateARD.pdf", a biblatex url
#: as typed): a host in lower case whose last label is two to six letters, then a path; only at a word's start, so a
#: search passes over each run of such characters once. Asked only where ``_URL`` finds none (it is slower to search)
_BARE_URL = re.compile(r"<?((?<![\w@./-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/[^\s<>\"“”]+)>?")
_URL = re.compile(r"<?((?:https?://|www\.)[^\s<>\"“”]+)>?", re.IGNORECASE)
_ACCESSED = re.compile(
    rf"(?:\b(?:Accessed|Last access(?:ed)?|Retrieved|Viewed|Consulted)(?: on)?:?\s*)"
    rf"(?P<date>{MONTH}\s+\d{{1,2}},?\s+{YEAR}|\d{{1,2}}\s+{MONTH},?\s+{YEAR}|{YEAR}(?P<sep>[-/])\d\d(?P=sep)\d\d)"
    rf"(?:,?\s*from)?[.,]?",
    re.IGNORECASE,
)
#: the date of access as styles print it in other languages, day first in numbers or with the month's name ("Zugriff
#: am 8.4.2021", "[Zugriff am: 13 September 2022]", "consultato il 17/1/2019", "[Consulté le 5 janvier 2018]", "Acesso
#: em: 8 dez. 2021", "[cit. 19.03.2021]"; citeproc's Chicago: "Zugegriffen 8. November 2012", "Accedido 8 de noviembre
#: de 2012", "Consultato 8 novembre 2012", "Geraadpleegd 8 november 2012", pl-PL "Dostęp 2 grudnia 2015", fi-FI
#: "Viitattu 8. marraskuuta 2012"), or year first as CSE and Vancouver print it
#: ("[accessed 2022 Sept 13]", "[cited 2020 Apr 8]")
_ACCESSED_DAY_FIRST = re.compile(
    r"\[?(?:\b(?:Zugriff am|zugegriffen(?: am)?|abgerufen(?: am)?|consultato(?: il)?|consulté le|consultado(?: (?:el|em|en))?"
    r"|accedido(?: el)?|acess(?:o|ado) em|visitado (?:el|em)|geraadpleegd(?: op)?|dostęp(?: dnia)?|viitattu|accessed"
    r"|cited)|\bcit\.)\s*:?\s*"
    rf"(?:(?P<d>\d{{1,2}})(?:\.\s?(?P<m>\d{{1,2}})\.\s?|/(?P<m2>\d{{1,2}})/"
    rf"|\.?\s+(?:de\s+)?(?P<mw>[^\W\d_]{{3,}})\.?\s+(?:de\s+)?)(?P<y>{YEAR})"
    rf"|(?P<y2>{YEAR})\s+(?P<mw2>[^\W\d_]{{3,}})\.?\s+(?P<d2>\d{{1,2}}))\]?[.,]?",
    re.IGNORECASE,
)
#: the words of _ACCESSED and _ACCESSED_DAY_FIRST, lower case
_ACCESS_WORDS = ("access", "retrieved", "viewed", "consulted", "zugriff", "zugegriffen", "abgerufen", "consult", "acess",
                 "accedido", "visitado", "geraadpleegd", "dostęp", "viitattu", "cited", "cit.")
#: the letters besides "I" and "S" that re.IGNORECASE takes for "i", "s" or "k" ("ſ" for "s"), as those letters: with
#: them and lower case, every text the patterns match holds one of _ACCESS_WORDS
_CASE_BLIND = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_CASE_BLIND_LETTERS = frozenset(map(chr, _CASE_BLIND))
#: the words that lead to a link ("Available online:", "Retrieved from", "URL:", "Disponível em:"): with it, not
#: the title's
_LINK_LEAD = re.compile(
    r"(?:\b(?:available|retrieved|recuperado|dispon[ií]vel|disponible|abgerufen|online)"
    r"(?:\s+(?:online|at|from|on|in|em|en|sur|de|unter|verfügbar))*|\bURL)\s*:?\s*\[?<?\Z",
    re.IGNORECASE,
)
_DATE_ONLY = re.compile(
    rf"^\(?(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:,\s*(?P<y1>{YEAR}))?"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH})(?:\s+(?P<y2>{YEAR}))?"
    rf"|(?P<m3>{MONTH})(?:\s+(?P<y3>{YEAR}))?"
    rf"|(?P<y4>{YEAR})[a-z]?(?:,\s*(?P<m4>{MONTH})(?:\s+(?P<d4>\d{{1,2}}))?)?"
    rf"|(?P<y5>{YEAR})(?P<sep>[-/])(?P<m5>\d\d)(?:(?P=sep)(?P<d5>\d\d))?)\)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Date:
    """A date as printed: any part may be missing."""

    year: str = ""
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """"2018-12-03", "2006-01" or "2003"."""
        if not self.year or self.month is None:
            return self.year
        if self.day is None:
            return f"{self.year}-{self.month:02d}"
        return f"{self.year}-{self.month:02d}-{self.day:02d}"


def unopened(text: str) -> str:
    """``text`` without an opening bracket at its start that nothing in it closes: a span cut at a comma inside a
    parenthesis, as the publisher's "(Routledge and Kegan Paul" of Science's "Title (Routledge and Kegan Paul, 1983)"."""
    if text and text[0] in "([" and ")]"["([".index(text[0])] not in text:
        return text[1:].lstrip()
    return text


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def parse_date(text: str) -> Date | None:
    """"February 19, 2003", "May 3", "January 2006", "2019, March 5", "3 Dec. 2018", "2018-12-03"."""
    m = _DATE_ONLY.match(text.strip().rstrip(".,").strip())
    if not m:
        return _month_and_day(text)
    g = m.groupdict()
    year = g["y1"] or g["y2"] or g["y3"] or g["y4"] or g["y5"] or ""
    month_word = g["m1"] or g["m2"] or g["m3"] or g["m4"]
    month = month_number(month_word) if month_word else (int(g["m5"]) if g["m5"] else None)
    day_text = g["d1"] or g["d2"] or g["d4"] or g["d5"]
    day = int(day_text) if day_text else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    return Date(year, month, day)


#: a month's name in any language and the day after it, as citeproc prints a date in Chicago's order in other locales
_MONTH_AND_DAY = re.compile(r"(?P<m>[^\W\d_]{3,})\.?\s+(?P<d>\d{1,2})")


def _month_and_day(text: str) -> Date | None:
    """"Juli 27", "juin 3" (de-DE's and fr-FR's "July 27"): the month's name in another language, then the day."""
    m = _MONTH_AND_DAY.fullmatch(text.strip().rstrip(".,").strip())
    month = _month_of(m.group("m")) if m else None
    if m is None or month is None or not 1 <= int(m.group("d")) <= 31:
        return None
    return Date("", month, int(m.group("d")))


@lru_cache(maxsize=1024)  # the CRF's reading and the rules' scan the same string
def take_doi(text: str) -> tuple[str, str]:
    """(DOI without prefix, text with it removed); ('', text) when there is none."""
    found = find_doi(text)
    if found is None:
        m = SHORT_DOI.search(text) if "10/" in text else None
        return (m.group(1), _splice(text, m.start(), m.end())) if m else ("", text)
    doi, start, end = found
    if not inside_address(text, start):
        return doi, _splice(text, start, end)
    later = find_doi(text[end:])  # a DOI link after a publisher's address that holds one is the work's DOI
    if later is not None and not inside_address(text, end + later[1]):
        return later[0], _splice(text, end + later[1], end + later[2])
    return doi, text  # the address stays whole, for the URL


@lru_cache(maxsize=1024)  # the CRF's reading and the rules' scan the same string
def take_url(text: str) -> tuple[str, str]:
    """(first URL, text with it removed)."""
    m = _URL.search(text) if "://" in text or "www." in text.lower() else None  # what every URL holds
    if m is None and "/" in text:
        m = _BARE_URL.search(text)
    if not m:
        return "", text
    url = trim_identifier(m.group(1))
    end = m.start(1) + len(url)
    if text[end:end + 1] == ">":
        end += 1
    lead = _LINK_LEAD.search(text, 0, m.start())
    return _lower_scheme(url), _splice(text, lead.start() if lead else m.start(), end)


def _lower_scheme(url: str) -> str:
    """``url`` with its scheme in lower case: citeproc capitalises a URL that opens a sentence ("Https://…"), which
    names the same address (a scheme is read in any case) but is no URL as written."""
    scheme, sep, rest = url.partition("://")
    return scheme.lower() + sep + rest if sep and not scheme.islower() else url


def without_medium(text: str) -> str:
    """``text`` with the media printed in it ("[Internet]", "[online]", ``MEDIUM``) taken out."""
    return MEDIUM.sub("", text) if "[" in text else text  # each is printed in its brackets


#: a code repository's name, its owner's and its own joined by a slash ("ncbi/sra-tools")
REPOSITORY_NAME = re.compile(r"[^\W_][\w.-]*/[\w.-]*[^\W_]")
#: the owner's and the repository's names in the path of a web address ("https://github.com/numpy/numpy")
REPOSITORY_PATH = re.compile(r"://[\w.-]+/([\w.-]+/[\w.-]+)")


def is_url(word: str) -> bool:
    """Is ``word`` (a token, its closing punctuation and an opening bracket aside: "[https://…]," as Italian styles
    print it) one web address?"""
    if "/" not in word and "www." not in word.lower():
        return False
    core = word.lstrip("([").rstrip(".,;:)]")
    return _URL.fullmatch(core) is not None or _BARE_URL.fullmatch(core) is not None


@lru_cache(maxsize=1024)  # the CRF's reading and the rules' scan the same string
def take_accessed(text: str) -> tuple[str, str]:
    """(ISO access date, text with "Accessed December 03, 2018." removed)."""
    m = _accessed(text)
    if m is None:
        return "", text
    return m[0], _splice(text, m[1], m[2])


@lru_cache(maxsize=1024)
def accessed_span(text: str) -> tuple[int, int] | None:
    """Where ``take_accessed`` finds the date of access in ``text`` (start, end), or None."""
    m = _accessed(text)
    return None if m is None else (m[1], m[2])


def case_blind(text: str) -> str:
    """``text`` in lower case, and the letters re.IGNORECASE also takes for "i", "s" or "k" made those letters: a word
    of ASCII letters that a case-blind pattern finds in ``text`` is in it as written in lower case."""
    return text.lower() if text.isascii() or _CASE_BLIND_LETTERS.isdisjoint(text) else text.translate(_CASE_BLIND).lower()


def _accessed(text: str) -> tuple[str, int, int] | None:
    folded = case_blind(text)
    if not any(word in folded for word in _ACCESS_WORDS):
        return None  # the patterns' case-blind words are these: without one neither pattern matches
    m = _ACCESSED.search(text)
    date = parse_date(m.group("date")) if m else None
    if m is None or date is None or date.month is None:
        return _accessed_day_first(text)
    return date.iso(), m.start(), m.end()


def _accessed_day_first(text: str) -> tuple[str, int, int] | None:
    m = _ACCESSED_DAY_FIRST.search(text)
    if m is None:
        return None
    g = m.groupdict()
    words = g["mw"] or g["mw2"]
    month = _month_of(words) if words else int(g["m"] or g["m2"])
    day = int(g["d"] or g["d2"])
    if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return Date(g["y"] or g["y2"], month, day).iso(), m.start(), m.end()


def _month_of(word: str) -> int | None:
    """The number of the month whose name or abbreviation ``word`` is (one month's only: "juil." July, "jui." none),
    in the tagger's languages and the others citeproc prints (``LOCALE_MONTH_NUMBERS``: "czerwca", "kesäkuuta"); a
    whole name first ("červen" June, though "červenec" July starts with it)."""
    word = word.casefold().rstrip(".")
    if (whole := MONTH_NUMBERS.get(word) or LOCALE_MONTH_NUMBERS.get(word)) is not None:
        return whole
    found = {n for names in (MONTH_NUMBERS, LOCALE_MONTH_NUMBERS) for name, n in names.items()
             if name.startswith(word)} if len(word) >= 3 else set()
    return found.pop() if len(found) == 1 else None


def _splice(text: str, start: int, end: int) -> str:
    before, after = text[:start].rstrip(), text[end:].lstrip(" .,;")
    if before[-1:] in ("(", "[") and after[:1] in (")", "]"):  # "(accessed on 9 May 2022)": no empty brackets
        before, after = before[:-1].rstrip(), after[1:].lstrip(" .,;")
    if before and after:
        return before + " " + after
    return before or after


# --- volume, issue, pages -------------------------------------------------------------

def _label_words(*words: str) -> str:
    """An alternation of the words that label a number ("Bd.", "Nr.", "S."): a word the list writes with
    its full stop needs it ("t.", "h.": not every "t" is a tome), the others may have one and end a word (not the
    "vol" of "volume")."""
    forms = {re.escape(w[:-1]) + r"\." if w.endswith(".") else re.escape(w) + (r"(?:\.|\b)" if w[-1].isalnum() else "")
             for w in words}
    return "|".join(sorted(forms, key=lambda f: (-len(f), f)))


#: a volume's label beside the lexicon's (a feature of the model, left as trained): German "Jg." (Jahrgang), which
#: German author-date styles print before a journal's volume ("in: Zeitschrift, Jg. 42, Nr. 3, S. 101–118")
_VOLUME_BESIDE = ("jg.", "jahrgang")
#: A volume's label in any language the lexicon knows ("vol.", "Bd.", "t.", "Jg."), as an alternation.
VOLUME_LABEL = _label_words(*VOLUME, *_VOLUME_BESIDE)
#: A page's label ("p.", "pp.", "S."), the same way.
PAGE_LABEL = _label_words(*PAGES)

# The labels in the languages references are written in: the tagger's word lists (lexicon). What a label
# numbers: a number ("S1", "3/4"), a Roman one, or a last word ("no. Special"), never the name of "v. Trump".
_LABELLED = r"[A-Za-z]?\d[\w./-]*|[IVXLCivxlc]+\b|\w+(?=\W*$)"
#: an issue's label as citeproc's locales print it, beside the lexicon's (a feature of the model, left as trained):
#: French "nᵒ" / "nᵒˢ", Spanish "núms.", and with the ordinal indicator, Spanish and Portuguese "nº", "n.º"
_CITEPROC_NUMBER = ("nᵒ", "nᵒˢ", "núms.", "nº", "n.º")
_NUM_TOKEN = re.compile(
    rf"(?P<vol>\b(?:{VOLUME_LABEL})\s*(?P<volv>{_LABELLED}))"
    rf"|(?P<no>(?<![\w.])(?:{_label_words(*NUMBER, 'num', 'fasc.', *_CITEPROC_NUMBER)})\s*(?P<nov>{_LABELLED}))"
    rf"|(?P<pp>(?<![\w.])(?:{PAGE_LABEL})\s*(?P<ppv>[A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?))"
    r"|(?P<paren>\((?P<parv>[^()]{1,20})\))"
    r"|(?P<range>(?<![\w/\-–—])(?P<rangev>[A-Za-z]?\d+[-–—]+[A-Za-z]?\d+)(?![\w/]))"  # no part of "XLIII-B4-2020"
    r"|(?P<dot>(?<![\w.])(?P<dotv>\d+)\.(?P<doti>\d+)(?![\w.]))"
    r"|(?P<colon>:\s*(?P<colv>[A-Za-z]?\d+)(?![\d\-–—]))"
    r"|(?P<num>(?<![\w/.])(?P<numv>\d+[a-z]?)(?![\w/]))",
    re.IGNORECASE,
)
#: A page label glued to its page or range, as one word: ABNT's and Harvard's "p.63–79,", "p.e0121804."
GLUED_PAGES = re.compile(rf"(?i)(?:{PAGE_LABEL})[A-Za-z]?\d+(?:[-–—]+[A-Za-z]?\d+)?[.,;]?")
#: Where the numbers of a journal reference start: "14, no. 3", ", vol. 7", ", 2008, 54-72".
_NUM_START = re.compile(
    r"(?:^|(?<=[\s,.(]))(?:vol(?:ume)?\.?\s*\d|v\.\s*\d|no\.\s*\d|pp?\.\s*\d|\d+\s*\(|\d+\s*[,:;.]|\d+\s*$"
    r"|\d+[-–]\d+|\(\d{4}\))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Numbers:
    """What the numeric part of a journal or chapter reference says."""

    volume: str = ""
    issue: str = ""
    pages: str = ""
    year: str = ""
    month: int | None = None
    leftover: tuple[str, ...] = ()


def numbers_start(text: str) -> int | None:
    """Offset where volume/issue/pages start, or None."""
    m = _NUM_START.search(text)
    return m.start() if m else None


#: the day of Vancouver's date before its semicolon, the year and month printed apart ("2010 Apr 15;28(4):712-9")
_DAY_SEMI = re.compile(r"^\s*(?:0?[1-9]|[12]\d|3[01]);(?=\s?\d)")
#: Vancouver's volume and issue with no parentheses around the issue ("2008;17 3:259–82", "2014;61-I 7:2002–12"): read
#: as "17(3):259–82"
_BARE_ISSUE = re.compile(r"(;\s*\d{1,4}(?:-[A-Z]{1,3})?)\s+(\d{1,5}):(?=\s?[A-Za-z]?\d)")


def parse_numbers(text: str) -> Numbers:
    """Volume, issue, pages (and a year or month) from "14, no. 3 (2005): 448-88" and friends."""
    volume = issue = pages = year = ""
    if ";" in text:
        text = _BARE_ISSUE.sub(r"\1(\2):", _DAY_SEMI.sub("", text))
    month: int | None = None
    leftover: list[str] = []
    for m in _NUM_TOKEN.finditer(text):
        if m.group("vol"):
            volume = volume or m.group("volv").rstrip(".")
        elif m.group("no"):
            issue = issue or m.group("nov").rstrip(".")
        elif m.group("pp"):
            pages = pages or dash(m.group("ppv"))
        elif m.group("paren"):
            inner = m.group("parv").strip()
            if _YEAR_LETTER.fullmatch(inner) and not year:
                year = inner[:4]
            elif month_number(inner) and month is None:
                month = month_number(inner)
            elif volume and not issue:
                issue = inner
            else:
                leftover.append(inner)
        elif m.group("range"):
            if pages:
                leftover.append(m.group("rangev"))
            else:
                pages = dash(m.group("rangev"))
        elif m.group("dot"):
            volume = volume or m.group("dotv")
            issue = issue or m.group("doti")
        elif m.group("colon"):
            pages = pages or m.group("colv")
        elif m.group("num"):
            value = m.group("numv")
            if YEAR_ONLY.fullmatch(value) and not year:
                year = value
            elif not volume:
                volume = value
            elif not pages:
                pages = value
            elif not year and YEAR_ONLY.fullmatch(value):
                year = value
            else:
                leftover.append(value)
    return Numbers(volume, issue, pages, year, month, tuple(leftover))


def _more_numbers(text: str, pos: int) -> bool:
    return bool(DIGIT.search(text, pos))


_DASHES = re.compile(r"\s*[-–—]+\s*")


def dash(pages: str) -> str:
    return _DASHES.sub("–", pages.strip())


# --- publication facts ------------------------------------------------------------------

_PLACE_WORD = r"[A-ZÀ-Þ][\w'’.-]*"
#: "Santa Monica, CA", "Washington, D. C.", "Cambridge and New York", "Issy-les-Moulineaux", NLM's "Treasure Island
#: (FL)" (the state's code in parentheses; its closing one may have been stripped with the field's)
#: the lower-case words of a place's name ("Stratford upon Avon", "Rio de Janeiro")
_PLACE_PARTICLES = ("on", "upon", "am", "sur", "de", "del", "la", "le", "les")
_PLACE = re.compile(
    rf"^{_PLACE_WORD}(?:[ -]{_PLACE_WORD}|[ -](?:and|{'|'.join(_PLACE_PARTICLES)})\b)*"
    rf"(?:,\s*(?:[A-Z]{{2}}|[A-Z]\.\s?[A-Z]\.|{_PLACE_WORD}(?:\s{_PLACE_WORD})?)|\s\([A-Z]{{2}}\)?)?$"
)
_PUBFACTS = re.compile(rf"^(?P<place>[^:]{{2,60}}?)\s*:\s*(?P<publisher>[^:]+?)(?:,\s*(?P<year>{YEAR})[a-z]?)?$")
_PUBLISHER_YEAR = re.compile(rf"^(?P<publisher>.+?),\s*(?P<year>{YEAR})[a-z]?$")
PUBLISHER_WORDS = re.compile(r"\b(?:Press|Publishers?|Publishing|Publications|Books|Verlag|Editions?|Éditions|"
                             r"Routledge|Wiley|Springer|Elsevier|Macmillan|Penguin|Sage|Norton|Blackwell|"
                             r"Hackett|Rienner|Longman|Pub\.?)\b")


@dataclass(frozen=True)
class PubFacts:
    place: str = ""
    publisher: str = ""
    year: str = ""


def is_place(text: str) -> bool:
    """A bare place: "Washington, D. C.", "Brussels", "Berkeley, CA"."""
    text = text.strip().strip("().").strip()
    return bool(_PLACE.match(text)) and len(text.split()) <= 5


def known_place(text: str) -> bool:
    """Every word a publishing place of the lexicon ("Oxford", "New York", "Thousand Oaks, CA"), but for the
    particles of a place's name ("Rio de Janeiro", "Stratford upon Avon")."""
    words = [w.strip(".,()").casefold() for w in text.split()]
    words = [w for w in words if w and w not in _PLACE_PARTICLES]
    return bool(words) and all(w in PLACE for w in words)



#: a state's or a country's code ("MA", "USA", "D.C."): the end of a place, not a place after a publisher
STATE_CODE = re.compile(r"(?:[A-Z]{2,3}|[A-Z]\.\s?[A-Z]\.)$")
#: a company's legal form, the end of a publisher's name ("WW Norton, Incorporated")
_COMPANY = re.compile(r"\b(?:Inc|Incorporated|Ltd|Limited|GmbH|LLC|Corp|Corporation|Co|Company|AG|SA|plc|KG)\b\.?")


def publisher_then_place(text: str, separators: str = ":,") -> PubFacts | None:
    """"Publisher, Place" (Springer, Copernicus: "Blackwell, Oxford") and "Publisher: Place" (ACS, MDPI: "Bodley
    Head: London"), the place printed after the publisher: a known place after a name that is not one, a place closed
    by its code in parentheses ("Bayer AG: Leverkusen (DE)"), or a bare place after a name with a publisher's, a
    body's or a company's word ("Radboud University, Nijmegen", "The ATACC Group: Warrington"); None for anything else (the
    common "Place: Publisher" is ``parse_pubfacts``'s)."""
    text = text.strip().rstrip(".")
    text = text.strip("()[]") if not _STATE_IN_PARENS.search(text) else text.lstrip("([")
    for sep in separators:
        head, found, tail = text.rpartition(sep)
        head, tail = head.strip(), tail.strip()
        if not found or not head or not is_place(tail) or known_place(head) or DIGIT.search(head) \
                or PUBLISHER_WORDS.search(tail) or _COMPANY.search(tail) or _INSTITUTION.search(tail) \
                or _UNIT.search(tail):
            continue  # "University of Massachusetts, Computer Science Dept": a body and its unit
        # after a body's name, a hyphenated name is a second publisher's ("A Foundation, Addison-Wesley"), not a place;
        # a place closed by its state's or country's code in parentheses is one ("Bayer AG: Leverkusen (DE)"); a company's
        # or a group's name is a body's ("The ATACC Group: Warrington", "Hoffmann GmbH: Kassel"), but for a place and its
        # state written as a word before it ("Boulder, Co: Westview")
        body = PUBLISHER_WORDS.search(head) or _INSTITUTION.search(head) or (
            "," not in head and (_COMPANY.search(head) or _UNIT.search(head)))
        if (known_place(tail) and not STATE_CODE.fullmatch(tail)) or _STATE_IN_PARENS.search(tail) or (
                body and "-" not in tail):
            return PubFacts(tail, head)
    return None


#: a place's closing state code in parentheses ("Treasure Island (FL)"), whose parenthesis is the place's
_STATE_IN_PARENS = re.compile(r"\s\([A-Z]{2}\)$")


def place_then_publisher(text: str) -> PubFacts | None:
    """"Place, Publisher" (Bologna's "Città, Editore": "San Francisco, Jossey-Bass", "Nijmegen, Radboud University"),
    the place printed before the publisher with a comma: a known place before a name that is not one, or a bare place
    before a name with a publisher's or a body's word; None for anything else (a body and its unit, "Stanford
    University, Hoover Institution Press", is one publisher)."""
    head, found, tail = text.strip().rstrip(".").strip("()[]").partition(",")
    head, tail = head.strip(), tail.strip()
    if not found or not tail or "," in tail or not is_place(head) or head.casefold() in IN or DIGIT.search(tail) \
            or known_place(tail) or STATE_CODE.fullmatch(tail) or _COMPANY.search(tail) \
            or PUBLISHER_WORDS.search(head) or _INSTITUTION.search(head) or _UNIT.search(head):
        return None  # "Prentice-Hall, Inc", "Houghton, Mifflin & Co.": a company's name
    if known_place(head) or (head[1:] != head[1:].upper() and "." not in head  # not "DIKU", "Repr."
                             and (PUBLISHER_WORDS.search(tail) or _INSTITUTION.search(tail)) and not partners(head, tail)):
        return PubFacts(head, tail)
    return None


def partners(head: str, tail: str) -> bool:
    """``head``, a name that is no known place, and ``tail``, two names joined by "and" or "&", are one publisher's
    name of partners: "Darton, Longman and Todd", "Farrar, Straus & Giroux" (not "Berlin, Duncker & Humblot", nor a
    series' or a book's last word before a publisher the lexicon knows: "… Wager, Rowman & Littlefield")."""
    return _PARTNERS.fullmatch(tail) is not None and " " not in head and not known_place(head) \
        and not _known_publisher(head, tail)


#: an acronym in a journal's or a meeting's name ("ACM", "DAE")
JOURNAL_ACRONYM = re.compile(r"[A-Z]{2,6}")
#: two capitalised names joined by "and" or "&" ("Longman and Todd")
_PARTNERS = re.compile(r"[A-ZÀ-Þ][\w'’-]+ (?:and|&) [A-ZÀ-Þ][\w'’-]+")


def series_then_publisher(text: str) -> tuple[str, str] | None:
    """"Series, Publisher" and "Title; Publisher" read as one publisher's span ("Yale fastback, Yale University Press",
    "Analysis and Commentary, World Scientific", "Microéconomie, Dunod"): (the words before, the publisher) where the
    last part after a comma or a semicolon has a publisher's or a body's word, or opens with a publisher's name of the
    lexicon, and the words before have none; None for
    anything else ("Stanford University, Hoover Institution Press" is one publisher)."""
    cut = max(text.rfind(","), text.rfind(";"))
    head, tail = text[:cut].strip(), text[cut + 1:].strip().rstrip(".")
    if cut < 1 or not head or not tail[:1].isupper() or "(" in tail or DIGIT.search(tail) \
            or not (PUBLISHER_WORDS.search(tail) or _INSTITUTION.search(tail) or publishing_body(tail)
                    or _known_publisher(head, tail)):
        return None
    if _COMPANY.match(tail) or (_UNIT.search(tail) and not (PUBLISHER_WORDS.search(tail) or _INSTITUTION.search(tail))):
        return None  # "Prentice-Hall, Inc", "AT&T Bell Laboratories, Statistics Department": one body's name
    if PUBLISHER_WORDS.search(head) or _INSTITUTION.search(head) or _UNIT.search(head) or _COMPANY.search(head) \
            or publishing_body(head) or head[1:] == head[1:].upper() or head.casefold() in IN or partners(head, tail):
        return None  # "DIKU, University of Copenhagen": a body's unit; "In, Routledge"; "Darton, Longman and Todd"
    return head, tail


def _known_publisher(head: str, tail: str) -> bool:
    """``tail`` opens with a publisher's name of the lexicon ("Dunod", "Rowman & Littlefield") and is no known place,
    and no word of ``head`` names one ("Houghton, Mifflin & Co." is one publisher's name)."""
    words = [w.strip(".,;:&").casefold() for w in tail.split()]
    return bool(words) and words[0] in LEXICON_PUBLISHER and not known_place(tail) \
        and not any(w.strip(".,;:&").casefold() in LEXICON_PUBLISHER for w in head.split())


#: a word that names a body's unit or a body ("Dept", "School", "Consortium"), never a place
_UNIT = re.compile(r"\b(?:Dept|Department|School|Faculty|Division|Laboratory|Lab|Consortium|Program|Group|Unit|"
                   r"Service|Agency|Bureau|Ministry|College|Library|Museum|Team|Project|Committee|Commission)\b")
#: a word that makes a name a publishing body's
_INSTITUTION = re.compile(r"\b(?:University|Universit[äéà]t?|Institute?|Center|Centre|Society|Association|Foundation|"
                          r"Academy|Council|Office|Bank|Organi[sz]ation)\b")


def parse_pubfacts(text: str) -> PubFacts | None:
    """"Place: Publisher, Year", "Place: Publisher", "Publisher, Year" (None for anything else)."""
    text = text.strip().rstrip(".").strip()
    m = _PUBFACTS.match(text)
    if m and is_place(m.group("place")):
        return PubFacts(m.group("place").strip(), m.group("publisher").strip().rstrip(","), m.group("year") or "")
    m = _PUBLISHER_YEAR.match(text)
    if m and not DIGIT.search(m.group("publisher")):
        return PubFacts("", m.group("publisher").strip(), m.group("year"))
    return None


#: words of a periodical's or a proceedings' name, which no publishing body's name holds
PERIODICAL = re.compile(r"(?i)\b(?:journal|review|quarterly|proceedings|annals|bulletin|letters|transactions|magazine|"
                        r"revue|revista|rivista|zeitschrift|conference|symposium|workshop|congress|gazette|times|"
                        r"news|newsletter|series|papers?|reports?|notes|working|forum|annual|meeting|colloquium|summit|"
                        r"seminar|\d+(?:st|nd|rd|th))\b")


def journal_numbers(container: str, volume: str, issue: str, pages: str, edited: bool, publisher: str) -> bool:
    """A container printed with a volume, an issue and pages and no editors or publisher ("Psychiatric Services 62
    (4): 396–403"): a journal's shape, which a chapter's book does not print (no "In" before it is the caller's
    to check). A DOI shaped like a chapter's ("…_0396") does not outweigh it."""
    return bool(container and volume and issue and pages) and not edited and not publisher


def publishing_body(name: str) -> bool:
    """``name`` holds a body's word ("Institute", "Service", "Centre") and no periodical's or meeting's ("Journal",
    "Conference"): a publisher's name, not a journal's or a proceedings'."""
    return not PERIODICAL.search(name) and is_organisation_name(name.replace(",", " ").split())
