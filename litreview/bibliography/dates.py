"""THE grammar of a bibliography's date fields: year, date, origdate, urldate.

Three readings, each from the tool that defines it: the biblatex manual's date format (ISO 8601 and
its EDTF extensions, which biber reads), BibTeX's year rule (btxdoc: the last four characters that
are not punctuation are numerals), and the other layouts a reference manager reads as a date
("21.04.2018", "April, 2018") which biber ignores and which have one ISO form.

And the one rule for a year in printed text, ``COMMON_YEAR``, which the reference parser, the citation readers,
the checks and the registry handlers build their patterns on.
"""

from __future__ import annotations

import re
from datetime import date

from ..lazyre import lazy
from .bibtex import MONTHS

COMMON_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
"""The years read in printed text (a citation, a reference string, a registry's date, a citation key): 1500 to 2099.
Others ("1234", "380 BC", "250 AD") are read only where an entry has that year (``printed_years.year_forms``), so
that a page number is not taken for one."""

_ISO_DATE = lazy(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# biblatex manual, "Date Specifications": YYYY[-MM[-DD]], a time after T, a season as month 21-24,
# unspecified digits (199X, 1999-XX), and the qualifiers ? ~ % after the date.
_EDTF = lazy(r"(?P<year>-?(?:\d{4}|\d{3}X|\d{2}XX))(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?"
                   r"(?:T\d{2}(?::\d{2}){1,2}(?:Z|[+-]\d{2}(?::?\d{2})?)?)?[?~%]?")
_ISO_SHAPED = lazy(r"/?(-?\d{4})(?:-\d{2}(?:-\d{2})?)?(?=$|[T/?~%])")
_DOTTED_END = lazy(r"^\.\./|/\.\.$")
# BibTeX's year rule: btxdoc lets the standard styles take any year whose last four characters,
# punctuation aside, are numerals, e.g. "(about 1984)".
_YEAR_PUNCTUATION = lazy(r"[(){},.;!?<>%&$]")
_FOUR_DIGITS = lazy(r"(?<!\d)\d{4}(?!\d)")
# Day-month-year and other layouts of one date, read into ISO (the order of JabRef's date parser).
_NUMERIC = (
    (lazy(r"(\d{4})-(\d{1,2})-(\d{1,2})"), "ymd"), (lazy(r"(\d{4})-(\d)"), "ym"),
    (lazy(r"(\d{1,2})-(\d{1,2})-(\d{4})"), "dmy"), (lazy(r"(\d{1,2})-(\d{4})"), "my"),
    (lazy(r"(\d{1,2})/(\d{4})"), "my"), (lazy(r"(\d{1,2})/(\d{2})"), "my"),
    (lazy(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), "dmy"), (lazy(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"), "ymd"),
)
_WORDED = lazy(r"(?P<month>[^\W\d_]+)\.?(?:\s+(?P<day>\d{1,2}))?(?:,\s*|\s+)(?P<year>\d{4})"
              r"|(?P<day1>\d{1,2})\.?(?:\s+|-)(?P<month1>[^\W\d_]+)\.?(?:\s+|-)(?P<year1>\d{4})")
"""A date with its month in words: "April 21, 2018", "April, 2018", "March 1994", "Sept. 3 1994"; day first,
"21 April 2018", "17-January-2014" (BibDesk's urldate), "3. März 1994"; the month's name in one of the languages the
reference parser knows."""


def parse_iso(text: str) -> date | None:
    """The first day an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) names; None when invalid."""
    match = _ISO_DATE.fullmatch(text.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def edtf_year(text: str) -> int | None:
    """The year of a date biblatex reads (ISO 8601 with EDTF's extensions); None when it reads none.

    ``-0044`` is 45 BC, ``199X`` a year of the 1990s (its first), ``2001-21`` spring 2001.
    """
    match = _EDTF.fullmatch(text.strip())
    if not match:
        return None
    year, month, day = match.group("year", "month", "day")
    if month and _calendar_gap(2000, month, day):  # a leap year: 02-29 is a day
        return None
    return int(year.replace("X", "0"))


def edtf_range_problem(text: str) -> str:
    """Why biblatex reads no date or range ('' when it does): ``start/end``, open ends as ``..`` or ''."""
    ends = [part for part in text.split("/") if part not in ("", "..")] if text.count("/") <= 1 else []
    if not ends or any(edtf_year(part) is None for part in ends):
        return next(filter(None, map(_off_the_calendar, ends)), "not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return ""


def _off_the_calendar(text: str) -> str:
    """Why a date of ISO's form names no day ("2021-02-30": no such day), else ''."""
    match = _ISO_DATE.fullmatch(text.strip())
    if not match or not match.group(2):
        return ""
    year, month, day = match.groups()
    gap = _calendar_gap(max(int(year), 1), month, day)
    if gap == "month":
        return f"no date: the calendar has no month {month}"
    return f"no date: {year}-{month} has no day {day}" if gap else ""


def _calendar_gap(year: int, month: str, day: str | None) -> str:
    """What of a date's ``month`` (two digits, or EDTF's unspecified ``XX``) and ``day`` (two digits, ``XX``, or None:
    no day) the calendar of ``year`` lacks: "month" (a season, 21-24, stands without a day), "day", or ''."""
    if month == "XX":
        return ""
    if not 1 <= int(month) <= 12:
        return "" if 21 <= int(month) <= 24 and day is None else "month"
    if day is None or day == "XX":
        return ""
    try:
        date(year, int(month), int(day))
    except ValueError:
        return "day"
    return ""


_DAY_TOO_BIG = lazy(r"(\d{4})-(0[1-9]|1[0-2])-(\d{3,})")


def day_too_big(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date whose day is a number of three digits or more, as the CSL-JSON loader writes the
    date-parts [2021, 4, 2021] ("2021-04-2021"); None for any other text."""
    match = _DAY_TOO_BIG.fullmatch(text)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    return year, month, day


def date_year(text: str) -> int | None:
    """The year a style prints for a date field: its first four digits when the date has ISO's shape
    (YYYY, YYYY-MM, YYYY-MM-DD, then perhaps a time, a range or a qualifier; "/2004" is open at the
    start); None for other layouts, such as "1995-1-04" or "21.04.2018", which neither biber nor pandoc
    reads (citations print "n.d.")."""
    match = _ISO_SHAPED.match(text.strip().strip("{}").strip())
    return int(match.group(1)) if match else None


def pandoc_date(text: str) -> str:
    """A date field as pandoc's citeproc reads it: '' (citations print "n.d.") for one written in other digits than
    ASCII's ("१९८७-०१-१५", which biber reads) or with an open end written ".." ("1996-01-01/..")."""
    return "" if not text.isascii() or _DOTTED_END.search(text.strip().strip("{}").strip()) else text


def iso_form(text: str) -> str:
    """The ISO form of a date written in another layout ("21.04.2018" -> "2018-04-21"); '' when none
    (or when biblatex already reads it)."""
    text = text.strip()
    if edtf_year(text) is not None:
        return ""
    for pattern, order in _NUMERIC:
        match = pattern.fullmatch(text)
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            year = parts["y"] if len(parts["y"]) == 4 else f"20{parts['y']}"
            return _iso(int(year), int(parts["m"]), int(parts["d"]) if "d" in parts else None)
    match = _WORDED.fullmatch(text)
    if match is None:
        return ""
    # The reference parser's month names (English, French, German, Spanish, Portuguese, Italian); imported only
    # here, as importing the parser costs a cold `check` 30-60 ms and most date fields never get this far.
    from .refparse.lexicon import MONTH_NUMBERS

    first = match.group("month") is None  # day first
    month = MONTH_NUMBERS.get(match.group("month1" if first else "month").casefold())
    if month is None:
        return ""
    day = match.group("day1" if first else "day")
    return _iso(int(match.group("year1" if first else "year")), month, int(day) if day else None)


MAX_DIGITS = 9
"""The longest number read as a year ("y" + more digits is EDTF's long year); past it a raw date is no date."""
_CITEPROC_MONTHS = (*MONTHS, "spr", "sum", "fal", "win")  # seasons are CSL's months 13-16


def citeproc_date_parts(raw: str) -> list[list[int]] | None:
    """The CSL date-parts pandoc (citeproc) reads from a raw date, [] for an open end; None when it reads
    none and prints the text as written.

    First as EDTF ("2020-05-03", "2005/2007", "1999?", "199u", "2005/open"), then the older layouts,
    ``month [day] year`` split at spaces, slashes and commas, ranges at hyphens: "May 2020", "Spring
    2019", "05/03/2020" (month first). "3 May 2020", "May 3, 2020" and "May-June 2020" are not read.
    A year BC keeps its written number (citeproc counts 1 BC as 0).
    """
    text = raw.strip()
    return underscored_range(text) or _citeproc_edtf(text) or _citeproc_old(text)


def underscored_range(text: str) -> list[list[int]] | None:
    """The range pandoc (citeproc) reads from two dates joined by "_", an older layout ("1628_1821", "2020-05_2021-06";
    "_1821" is 1821, "1999_" open at its end), each date as EDTF writes it; None for any other text ("628_1821",
    "2020-5_2021", three dates), which a literal date prints as written. pandoc reads it in a CSL literal date with no
    date-parts beside it and in a CSL-JSON raw one (not in a CSL-YAML raw one, read as EDTF alone)."""
    pieces = text.strip().split("_")
    if len(pieces) != 2:
        return None
    ends: list[list[int]] = []
    for piece in pieces:
        read = _citeproc_edtf(piece) if piece else [[]]
        if read is None or len(read) != 1:
            return None
        ends.append(read[0])
    return ends if any(ends) else None


def edtf_date_parts(raw: str) -> list[list[int]] | None:
    """The CSL date-parts pandoc reads from a raw date of a CSL-YAML item (or a front matter's ``references:``),
    where it reads EDTF alone ("2020-05", "2005/2007", "199u"): "May 2020" or "05/03/2020", which it reads in
    CSL-JSON, are no date there (pandoc 3.9 prints n.d.); None for those."""
    return _citeproc_edtf(raw.strip())


def _citeproc_edtf(text: str) -> list[list[int]] | None:
    pieces = text.split("/")
    if len(pieces) == 1 and "u" in text:  # 199u: the decade as a range
        text = text.replace("u", "0") + "/" + text.replace("u", "9")
    elif len(pieces) == 2 and pieces[1] in ("open", "unknown"):
        text = pieces[0] + "/"
    ends: list[list[int]] = []
    for piece in (p.strip() for p in text.split("/")):
        long_year = piece.startswith("y")
        piece = piece.removeprefix("y")
        negative = piece.startswith("-")
        piece = re.split(r"[~?%T]", piece.removeprefix("-"), maxsplit=1)[0]
        if piece == "":
            ends.append([])
            continue
        numbers = piece.split("-")
        year, rest = numbers[0], numbers[1:]
        if len(numbers) > 3 or not (len(year) == 4 or (long_year and len(year) >= 4)):
            return None
        if any(len(n) != 2 for n in rest) or not all(n.isascii() and n.isdigit() for n in numbers) \
                or len(year) > MAX_DIGITS:
            return None
        ends.append([-int(year) if negative else int(year), *map(int, rest)])
    return ends if any(ends) else None


def _citeproc_old(text: str) -> list[list[int]] | None:
    ends: list[list[int]] = []
    for piece in text.split("-"):
        *month_day, year_word = re.split(r"[ /,]", piece.strip())
        year = _citeproc_int(year_word)
        if year is None or len(month_day) > 2:
            return None
        numbers = [year]
        if month_day:
            month = _citeproc_int(month_day[0])
            if month is None and month_day[0][:3].lower() in _CITEPROC_MONTHS:
                month = _CITEPROC_MONTHS.index(month_day[0][:3].lower()) + 1
            days = [_citeproc_int(word) for word in month_day[1:]]
            if month is None or None in days:
                return None
            numbers += [month, *(d for d in days if d is not None)]
        ends.append(numbers)
    return ends


def _citeproc_int(word: str) -> int | None:
    digits = word.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > MAX_DIGITS:
        return None  # a number longer than any date's (int() refuses 4,300 digits) reads as no date
    return (-1 if word.startswith("-") else 1) * int(digits)


def _iso(year: int, month: int, day: int | None) -> str:
    try:
        date(year, month, day or 1)
    except ValueError:
        return ""
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def bibtex_year(text: str) -> int | None:
    """The year BibTeX's styles take from a year field (its last four numerals); None when there is none."""
    if not _FOUR_DIGITS.search(text):
        return None
    bare = _YEAR_PUNCTUATION.sub("", text)
    return int(bare[-4:]) if len(bare) >= 4 and bare[-4:].isdigit() else None
