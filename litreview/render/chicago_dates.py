"""The dates in a Chicago reference (``citation``), in the document's language: years, full dates and ranges as
citeproc prints them, access and event dates, the year of first publication, and "n.d." or a status in their place."""

from __future__ import annotations

import re

from ..bibliography.csl import csl_form_of
from ..bibliography.csl_item import CSL_ITEM_TYPES
from ..bibliography.dates import edtf_date_parts
from ..bibliography.latex import field_text
from ..locale_terms import ENGLISH_TERMS, PUBSTATE_KEYS
from ..model import Source
from .chicago_text import capitalised as _capital
from .pandoc_fields import WEB_TYPES as _WEB_TYPES
from .pandoc_fields import month_day
from .sanitize import one_line
from .short_labels import printed_year


def _month_name(n: int, terms: dict[str, str]) -> str:
    return terms["seasons"].split()[n - 21] if 21 <= n <= 24 else terms["months"].split()[n - 1]


_NO_YEAR = re.compile(r",? (?:de )?\{year\}")


def _date_words(terms: dict[str, str], year: str, month: str = "", day: str = "") -> str:
    """A date as the language writes it (``terms``' "date" and "month-year": "August 20, 2019", de "20. August
    2019", es "20 de agosto de 2019"); a part not given left out with what joins it."""
    if not month:
        return year
    form = terms["date" if day else "month-year"]
    return (form if year else _NO_YEAR.sub("", form)).format(month=month, day=day, year=year)


def date(s: Source, terms: dict[str, str] = ENGLISH_TERMS, *, full: bool = False, day: bool = True) -> str:
    """The year, or with ``full`` the date in the language's words: its month and (with ``day``) day read from the
    ``date`` field ("2021-07-05": "July 5, 2021") where it names them, else from the ``month`` and ``day`` fields;
    a CSL literal date as written, before any date-parts beside it (as citeproc prints it)."""
    if s.date_literal:
        return s.date_literal
    ends = edtf_date_parts(s.field("date")) if "/" in s.field("date") else None
    if ends and len(ends) == 2 and ends[0] and (ranged := _date_range(ends[0], ends[1], terms, full=full, day=day)):
        return ranged
    year = printed_year(s)
    if s.year and 0 < s.year < 1000 and year == str(s.year):  # CSL's era after a year of fewer than four digits
        year += terms.get("ad", "")  # ("20 AD", de "20 n. Chr."), as citeproc prints it
    if not full:
        return year
    ends = edtf_date_parts(s.field("date")) if s.field("date") else None
    if ends and len(ends) == 1 and len(ends[0]) > 1 and (1 <= ends[0][1] <= 12 or 21 <= ends[0][1] <= 24):
        # a single day, month or season (EDTF's 21-24: "Spring 2000", as citeproc prints it), no range
        dated = str(ends[0][2]) if len(ends[0]) > 2 and day else ""
        return _date_words(terms, year, _month_name(ends[0][1], terms), dated)
    month, of_month = month_day(s)
    return _date_words(terms, year, _month_name(month, terms) if month else "",
                       str(of_month) if of_month and day else "")


def _date_range(first: list[int], last: list[int], terms: dict[str, str], *, full: bool, day: bool) -> str:
    """A date range as citeproc prints it: its years ("1984–1986", an open one "2006–"), with ``full`` its months
    ("March–May 1996", "March 1995–May 1996"; de "März–Mai 1996") and, with ``day``, its days: within one month
    where the language writes the day before its comma ("December 10–12, 1996"), across months or years ("May
    30–June 2, 2020", "May 1, 2020–June 2, 2021"); '' where it prints otherwise."""
    if first[0] <= 0 or (last and last[0] <= 0):  # a year BC (citeproc: "380 BC") printed as the first year is
        return ""
    if not last:  # an open range
        return f"{first[0]}\u2013" if not full or len(first) == 1 else ""
    if not full or len(first) == 1 or len(last) == 1:
        return f"{first[0]}\u2013{last[0]}" if first[0] != last[0] else str(first[0])
    if not 1 <= first[1] <= 12 or not 1 <= last[1] <= 12:
        return ""
    months = _month_name(first[1], terms), _month_name(last[1], terms)
    days = (first[2], last[2]) if day and len(first) > 2 and len(last) > 2 else None
    if days and first[:2] == last[:2]:
        if "{day}," not in terms["date"]:  # (de "10.–12. Dezember": a form of its own)
            return ""
        shown = str(days[0]) if days[0] == days[1] else f"{days[0]}\u2013{days[1]}"
        return _date_words(terms, str(first[0]), months[0], shown)
    if days:  # across months or years: "May 30–June 2, 2020", "May 1, 2020–June 2, 2021" (de "30. Mai–2. Juni 2020")
        head = _date_words(terms, "" if first[0] == last[0] else str(first[0]), months[0], str(days[0]))
        return f"{head}\u2013{_date_words(terms, str(last[0]), months[1], str(days[1]))}"
    if first[0] == last[0]:
        return _date_words(terms, str(first[0]), months[0] if months[0] == months[1] else f"{months[0]}\u2013{months[1]}")
    return f"{_date_words(terms, str(first[0]), months[0])}\u2013{_date_words(terms, str(last[0]), months[1])}"


def iso_to_words(iso: str, terms: dict[str, str]) -> str:
    """An access date in the language's words ("2024-04-17": "April 17, 2024"); '' for one that is no single date
    ("24.03.23", "Use the date of access"), which pandoc leaves out."""
    ends = edtf_date_parts(one_line(iso)) if iso else None
    if not ends or len(ends) != 1 or not 1 <= len(ends[0]) <= 3:
        return ""
    year, *rest = ends[0]
    if rest and not 1 <= rest[0] <= 12:
        return ""
    month = _month_name(rest[0], terms) if rest else ""
    return _date_words(terms, str(year), month, str(rest[1]) if len(rest) > 1 else "")


def event_date(s: Source, terms: dict[str, str]) -> str:
    """``eventdate`` in words: one date ("May 3, 2008", "May 2008", "2008") or days of one month ("May 3–5, 2008");
    '' for none, or another range."""
    raw = one_line(s.field("eventdate"))
    ends = edtf_date_parts(raw) if raw else None
    if not ends or not all(ends) or any(len(end) > 1 and not 1 <= end[1] <= 12 for end in ends):
        return ""
    first = ends[0]
    if len(ends) == 2:
        last = ends[1]
        if not (len(first) == len(last) == 3 and first[:2] == last[:2]):
            return ""
        return _date_words(terms, str(first[0]), _month_name(first[1], terms), f"{first[2]}\u2013{last[2]}")
    month = _month_name(first[1], terms) if len(first) > 1 else ""
    return _date_words(terms, str(first[0]), month, str(first[2]) if len(first) > 2 else "")


def original_year(s: Source) -> str:
    """The year of first publication (biblatex's ``origdate`` or ``origyear``, CSL's original-date) where it is one
    date pandoc reads ("1960", "1960-05": 1960); '' else."""
    raw = one_line(s.field("origdate"))
    ends = edtf_date_parts(raw) if raw else None
    if ends and len(ends) == 1 and ends[0]:
        return str(ends[0][0])
    year = one_line(s.field("origyear")) if not raw else ""
    return year if year.isdigit() else ""


def published(s: Source, publication: str, date: str, *, original: bool) -> str:
    """The publisher and date ("Pub, 2000"), with ``original`` after the year of first publication where the entry
    gives one, as pandoc's Chicago prints it: "1960; Pub, 2000", without a publisher "1960, 2000"."""
    tail = ", ".join(p for p in (publication, date) if p)
    first = original_year(s) if original else ""
    if not first:
        return tail
    return f"{first}; {tail}" if publication else ", ".join(p for p in (first, date) if p)


# Types whose undated entries print no "n.d." in the Chicago styles (CSL's webpage and encyclopedia entry: CMOS 18
# 14.104, 14.130); every other prints it where its date would be
_UNDATED_TYPES = _WEB_TYPES | {"inreference"}


def _status(s: Source, terms: dict[str, str]) -> str:
    """The ``pubstate`` field (CSL's status) as pandoc reads it: a biblatex key in the language's words
    ("prepublished": "pre-published", fr "prépublié") where it has them, else as written; '' for none."""
    written = one_line(field_text(s, "pubstate"))
    key = written.lower()
    return terms.get(key, written) if key in PUBSTATE_KEYS else written


def issued(s: Source, kind: str, terms: dict[str, str], date: str, *, status: bool = True,
            lower: bool = True, alone: bool = False) -> str:
    """What the Chicago styles print where an entry's date goes: the date, after its status where ``status`` allows
    it ("Forthcoming 2020", "pre-published 2025"; as written where ``lower``, else its first letter capitalised);
    with no date the status in lower case ("in press"), else "n.d." but for the types dated by nothing
    (``_UNDATED_TYPES``) and an entry of which nothing else is known (``alone``: its key is printed instead)."""
    state = _status(s, terms)
    if date:
        return f"{state if lower else _capital(state)} {date}" if state and status else date
    if state:
        return state.lower()
    return "" if kind in _UNDATED_TYPES or alone else terms["n.d."]


# Types the Chicago styles date in full ("July 5, 2021": its ``source-date-issued-full`` macro), as pandoc reads
# BibTeX's: a web page, software, a data set, a patent, an unpublished work (CSL's manuscript), a letter, an artwork
# and an audio recording (CSL's personal_communication, graphic, song); a BibTeX @misc is a monograph, dated by its year
_FULL_DATE_TYPES = _WEB_TYPES | {"software", "dataset", "patent", "unpublished", "letter", "artwork", "audio"}


# CSL's types the Chicago styles date in full beside those read as BibTeX's (``_FULL_DATE_TYPES``): an entry in an
# encyclopedia or dictionary, a letter, a standard, a song
_FULL_DATE_CSL_TYPES = frozenset({"entry-encyclopedia", "entry-dictionary", "personal_communication", "standard",
                                  "song"})


def full_date(s: Source, kind: str) -> bool:
    """Whether the entry's date is printed in full (with its month and day), as citeproc prints its CSL type: an
    item read from CSL as "misc" is one of CSL's ephemeral types (article, document, post), dated in full; one of no
    type, or of a type CSL does not define, is dated by its year."""
    return kind in _FULL_DATE_TYPES or (kind == "misc" and bool(csl_form_of(s.file or ""))
                                        and s.csl_type in CSL_ITEM_TYPES) \
        or s.csl_type in _FULL_DATE_CSL_TYPES
