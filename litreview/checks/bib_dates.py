"""LR124, LR146 and LR148: a year, date, origdate or urldate that is no date, lies in the future or is not in ISO form."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import replace
from datetime import date

from ..bibliography.dates import (
    COMMON_YEAR,
    bibtex_year,
    citeproc_date_parts,
    day_too_big,
    edtf_date_parts,
    edtf_range_problem,
    edtf_year,
    iso_form,
    parse_iso,
)
from ..lazyre import lazy
from ..locale_terms import NO_DATE_TERMS
from ..model import Finding, Source
from ..text import DIGIT_LOOKALIKES, plural
from .bib import entry_finding
from .field_values import plain
from .hints import csl_form, own_name

# A year, a range, or a year with the letter author-date styles add (2004a: LR148, not LR124).
_YEAR_OK = lazy(r"\d{4}(?:[a-z]|\s*(?:--?|–|/)\s*\d{2,4})?")
_YEAR_IN = lazy(rf"(?<!\d){COMMON_YEAR}(?!\d)")
_LETTER_YEAR = lazy(r"(\d{4})[a-z]")
_YEAR_WORDS = frozenset({"forthcoming", "in press", "nd", "in preparation", "submitted", "accepted", "to appear",
                         *(term.casefold().replace(" ", "") for term in NO_DATE_TERMS)})
"""What may stand where the year goes: a status, a locale's no-date term ("n.d.", "o. J."; compared spaces left out)."""


_A_DATE = "is a date, not a year"
"""What a year field holding a whole day is (``year_problem``); its hint gives the year and the date to write."""


def _day_of(text: str) -> str:
    """The ISO form of a day written in ``text`` ("2013.5.30", "2013-05-30"), or ''."""
    return iso_form(text) or (text if parse_iso(text) else "")


def year_problem(raw: str, today: date) -> str:
    """Why a year field is wrong ('' when it is a year, a range, 'forthcoming', or a year as BibTeX reads it)."""
    text = plain(raw)
    if not text or text.casefold() in _YEAR_WORDS or text.casefold().replace(" ", "") in _YEAR_WORDS:
        return ""
    if _YEAR_OK.fullmatch(text):
        first: int | None = int(text[:4])
    else:
        first = bibtex_year(text)
        day = _day_of(text)
        if len(day) == 10 and first != int(day[:4]):  # "2013.5.30": a day, of which BibTeX takes "3530"
            return (f"year {text!r} {_A_DATE}: BibTeX's styles read its last four digits, "
                    f"{''.join(c for c in text if c.isdigit())[-4:]}")
    if first is None:
        if text.isdigit():
            return f"year {text!r} has {plural(len(text), 'digit')}" + ("; write all four" if len(text) < 4 else ", not four")
        return f"year {text!r} is not a number"
    if first > today.year + 1:
        return f"year {first} lies in the future"
    if first < 1000:
        return f"year {text!r} is impossible"
    return ""


def plain_dates(fields: Mapping[str, str], today: date) -> bool:
    """True when ``check_dates`` surely finds nothing: no date fields but a four-digit, past year."""
    if fields.get("date") or fields.get("origdate") or fields.get("urldate"):
        return False
    year = fields.get("year")
    return not year or (len(year) == 4 and year.isascii() and year.isdigit() and 1000 <= int(year) <= today.year + 1)


_TIME_OF_DAY = lazy(r"\d{1,2}:\d{2}(?::\d{2})?")


def check_dates(source: Source, today: date) -> Iterable[Finding]:
    """LR124 for a year, date, origdate or urldate that is not a date or lies in the future; LR146 for a
    date that is readable but not in the ISO form biblatex needs."""
    problems = []  # (field, problem)
    if source.fields.get("year", ""):
        problems.append(("year", year_problem(source.fields.get("year", ""), today)))
        letter = _LETTER_YEAR.fullmatch(plain(source.fields["year"]))
        if letter:
            yield entry_finding("LR148", source, f"year {letter.group()!r} holds a letter: biber and citeproc read "
                                "no year in it, and author-date styles add the letters themselves",
                                f"write year = {{{letter.group(1)}}}", field="year")
    for name in ("date", "origdate", "urldate"):
        raw = plain(source.fields.get(name, ""))
        if not raw:
            continue
        if name == "urldate":
            when = parse_iso(raw)
            problem = "" if when else "not an ISO date (YYYY-MM-DD)"
            future = when is not None and when > today
        else:
            problem = edtf_range_problem(raw)
            ends = [part for part in raw.split("/") if part not in ("", "..")]
            future = not problem and (edtf_year(ends[0]) or 0) > today.year + 1
        iso = iso_form(raw) if problem else ""
        csl, reader = _csl_reading(source, name, raw)
        if csl and csl_form(source) == "yaml":  # no date at all there ("April 2019" prints n.d.): an error
            iso = iso or _iso_parts(citeproc_date_parts(raw))
            hint = f"write {name} = {{{iso}}}" if iso else ""
            if not iso and _TIME_OF_DAY.fullmatch(raw):  # "19:24:38": RStudio's visual editor kept Zotero's time alone
                hint = (f"the {own_name(name, source)} field holds a time of day without its day: write the day the "
                        f"page was read (YYYY-MM-DD), or delete the field")
            yield entry_finding("LR124", source, f"{own_name(name, source)} {raw!r} is {problem or 'no ISO date'}; "
                                f"{reader}", hint, field=name)
        elif iso:
            yield entry_finding("LR146", source, f"{name} {raw!r} is not in ISO form" + (f"; {reader}" if reader else ""),
                                f"write {name} = {{{iso}}}", field=name)
        elif problem and csl_form(source) == "json" and (parts := day_too_big(raw)):
            year, month, day = parts  # [2021, 4, 2021]: the year typed again as the day
            yield entry_finding("LR124", source, f"{own_name(name, source)} {raw!r} has {day} as its day, which no month "
                                "has (the year typed again?)" + (f"; {reader}" if reader else ""),
                                f'write "{own_name(name, source)}": {{"date-parts": [[{year}, {month}]]}} (with the '
                                "day after the month, if you know it)", field=name)
        elif problem:
            problems.append((name, f"{own_name(name, source)} {raw!r} is {problem}" + (f"; {reader}" if csl else "")))
        elif future:
            problems.append((name, f"{own_name(name, source)} {raw!r} lies in the future"))
    for name, problem in problems:
        if problem:
            years = set(_YEAR_IN.findall(plain(source.fields.get(name, "")))) if name == "year" else set()
            # "2009 [Online]": the year is there, with words a year field cannot hold
            hint = f"write year = {{{years.pop()}}}" if len(years) == 1 and "not a number" in problem else ""
            if name == "year" and not hint and _A_DATE in problem:
                whole = _day_of(plain(source.fields["year"]))
                hint = f"write date = {{{whole}}}" if csl_form(source) else f"write year = {{{whole[:4]}}} (or date = {{{whole}}})"
            if name == "year" and not hint and "not a number" in problem:
                hint = _digit_typed_as_letter(plain(source.fields["year"]), today)
            if name == "year" and not hint and (run := _run_together(plain(source.fields["year"]))):
                # "200612", "20150901": a year and its month (and day) written as one number (older Zotero exports)
                hint = f"write date = {{{run}}}" if csl_form(source) else f"write year = {{{run[:4]}}} (or date = {{{run}}})"
            if name == "year" and not hint and "digits, not four" in problem:
                hint = _digit_typed_twice(plain(source.fields["year"]), source.key, today)
            if name == "year" and not hint and "write all four" in problem:
                hint = _century_left_out(plain(source.fields["year"]), source.key, today)
            if name == "year" and not hint:
                hint = _cited_hint(plain(source.fields["year"]))
            if name == "urldate" and not hint:
                hint = _access_hint(plain(source.fields["urldate"]), today)
            if not hint and problem.endswith("lies in the future"):
                hint = _future_hint(name, source, today)
            if not hint:
                hint = _reprint_hint(name, source) or _event_days_hint(name, source)
            if (name == "year" and not hint and "not a number" in problem
                    and not any(c.isdigit() for c in plain(source.fields["year"]))):
                # "Siglo IV a.C.": a year in words, which the tools print as written: a warning
                yield replace(entry_finding("LR124", source, f"{problem}; BibTeX, biber and pandoc print it as written",
                                            _WORDS_HINT, field=name), severity="warning")
                continue
            yield entry_finding("LR124", source, problem, hint, field=name)


_WORDS_HINT = ("If that is the year you mean, keep it in year, not date: biblatex reads a date field only as an ISO "
               "date and drops this one; biber warns that such a year does not sort (add sortyear = {NNNN} to place "
               "it), and for a work with no date write year = {n.d.}")


_CITED = lazy(r"((?:1[5-9]|20)\d\d)\W\D*?(\d{4}-\d{2}-\d{2})\W*")
"""A year, then the day it was cited ("2015 [cit. 2020-02-22]"); one class between them (``\\W+[^\\d]*?``, two that
overlap, took time quadratic in a run of punctuation)."""
_DAY_FIRST = lazy(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2}|\d{4})(?:\s*[^\d\s]{1,4}\.?)?")
_SLASHED = lazy(r"(\d{1,2})/(\d{1,2})/(\d{4})")
"""A day written with slashes, day first (most of the world) or month first (the United States): "10/11/2019"."""


def _cited_hint(year: str) -> str:
    """The hint for a year field that holds the day the work was cited after its year ("2015 [cit. 2020-02-22]", as
    ISO 690 writes it), or ''."""
    found = _CITED.fullmatch(year)
    if found is None:
        return ""
    return (f"write year = {{{found.group(1)}}}, and the day it was cited as urldate = {{{found.group(2)}}} (biblatex "
            "and pandoc print it as the day the page was read)")


def _access_hint(raw: str, today: date) -> str:
    """The hint for an urldate that is no ISO date: words in place of a date ("Use the date of access"), or a day
    written day first with a two-digit year and a word of the language after it ("24.03.23 r."); '' otherwise."""
    if not any(c.isdigit() for c in raw):
        return ("the urldate field holds words, not a date: write the day you read the page, urldate = {YYYY-MM-DD}, "
                "or delete the field")
    slashed = _SLASHED.fullmatch(raw)
    if slashed:
        return _slashed_hint(*(int(n) for n in slashed.groups()))
    found = _DAY_FIRST.fullmatch(raw)
    if found is None:
        return ""
    day, month, year = (int(n) for n in found.groups())
    if year < 100:
        year += 2000 if 2000 + year <= today.year else 1900
    try:
        when = date(year, month, day)
    except ValueError:
        return ""
    return f"write urldate = {{{when.isoformat()}}} (read as day {day}, month {month}, {year})"


def _slashed_hint(first: int, second: int, year: int) -> str:
    """The hint for an urldate written first/second/year: each order that makes a day, both when both do."""
    days = []
    for day, month in ((first, second), (second, first)):
        with suppress(ValueError):
            days.append(date(year, month, day))
    if len(days) == 2 and days[0] != days[1]:
        return (f"write urldate = {{{days[0].isoformat()}}} if it is day/month/year, or urldate = "
                f"{{{days[1].isoformat()}}} if month/day/year")
    if not days:
        return ""
    read = (f"day {first}, month {second}" if days[0].day == first else f"month {first}, day {second}")
    return f"write urldate = {{{days[0].isoformat()}}} (read as {read}, {year})"


def _future_hint(name: str, source: Source, today: date) -> str:
    """The hint for a year or date in the future: the year of the key when it gives a past one ("btb2016" for 2061),
    else the past years two neighbouring digits swapped make ("2061" -> 2016), else the year the work appeared (or a
    status for one not out yet); the catalogue's hint shows the form of a date, which was not what is wrong."""
    written = plain(source.fields.get(name, ""))
    year = int(written[:4]) if written[:4].isdigit() else None
    field, csl = own_name(name, source), csl_form(source)

    def put(year: int) -> str:  # (in BibTeX's terms, which the finding's hint puts in a CSL item's)
        return f"{name} = {{{year}{written[4:] if name != 'year' else ''}}}"  # (a date keeps its month and day)

    keyed = sorted({int(y) for y in _YEAR_IN.findall(source.key)} - {year}) if name != "urldate" else []
    if len(keyed) == 1 and keyed[0] <= today.year:
        return f"write {put(keyed[0])}, the year of the key {source.key!r}"
    digits = written[:4]
    swapped = sorted({int(digits[:n] + digits[n + 1] + digits[n] + digits[n + 2:]) for n in range(3)}
                     & set(range(1500, today.year + 1)), reverse=True) if year is not None else []
    if swapped:
        return f"write {' or '.join(map(put, swapped))}" + (", whichever it is" if len(swapped) > 1 else "") + (
            " (two digits swapped?)")
    if name == "urldate":
        return f"write the day you read the page, today or before, in the {field} field"
    if csl:
        return f"write the year the work appeared in the {field} field (\"status\": \"forthcoming\" for a work not out yet)"
    return (f"write the year the work appeared in the {field} field (a work not out yet: year = {{forthcoming}}, or "
            "pubstate = {forthcoming} with biblatex)")


def _digit_typed_twice(year: str, key: str, today: date) -> str:
    """The hint for a year of five digits, one typed twice or one too many ("20014"): the year its key gives when
    that is one of the years a digit less makes, else those years; '' when none is a year."""
    if len(year) != 5:
        return ""
    years = sorted({int(year[:n] + year[n + 1:]) for n in range(5)} & set(range(1000, today.year + 2)), reverse=True)
    said = [y for y in years if str(y) in key]
    if len(said) == 1:
        return f"write year = {{{said[0]}}}, the year of the key {key!r}"
    if len(years) == 1:
        return f"write year = {{{years[0]}}}"
    said_years = " or ".join(f"year = {{{y}}}" for y in years[:3])
    return f"write {said_years}, whichever it is" if years else ""


def _century_left_out(year: str, key: str, today: date) -> str:
    """The hint for a year of two digits ("20", "98"): the year of the key when it ends so, else the years of the
    last two centuries it can be, the later first; '' for another length."""
    if len(year) != 2 or not year.isdigit():
        return ""
    years = [y for y in (int("20" + year), int("19" + year)) if y <= today.year + 1]
    said = [y for y in years if str(y) in key]
    if said:
        return f"write year = {{{said[0]}}}, the year of the key {key!r}"
    return "write all four digits: " + " or ".join(f"year = {{{y}}}" for y in years) + (
        ", whichever it is" if len(years) > 1 else "")


def _csl_reading(source: Source, name: str, raw: str) -> tuple[bool, str]:
    """(whether pandoc reads no date in the date field ``name`` of a CSL item, what it does with it then); for
    a BibTeX entry (False, what biber does). A CSL date pandoc reads is loaded as its ISO form: what is left,
    CSL-JSON prints as written; CSL-YAML reads EDTF dates alone (pandoc 3.9) and leaves the rest out."""
    form = csl_form(source)
    if not form:
        return False, "biber ignores it"
    if (edtf_date_parts if form == "yaml" else citeproc_date_parts)(raw) is not None:
        return False, ""
    if form == "json":
        return True, "pandoc prints it as written"
    return True, ("pandoc reads no date in it in CSL-YAML (ISO and EDTF dates alone) and "
                  + ("prints n.d." if name == "date" else "leaves it out"))


def _iso_parts(parts: list[list[int]] | None) -> str:
    """[[2019, 4]] -> "2019-04", a season (CSL's months 13-16) as EDTF's, which pandoc reads and prints as the
    season: [[2019, 13]] -> "2019-21" (Spring 2019); '' for a range or no date."""
    if not parts or len(parts) != 1 or not parts[0] or not all(1 <= n <= 16 for n in parts[0][1:2]):
        return ""
    year, *rest = parts[0]
    if rest and rest[0] > 12:
        rest = [rest[0] + 8]
    return "-".join([f"{year:04d}", *(f"{n:02d}" for n in rest[:2])]) if year >= 1000 else ""


_REPRINT_YEAR = lazy(r"(\d{4})\s*[\[(](\d{4})[\])]")
"""A reprint's year and the first edition's in brackets: "2003[1965]", "1996 (1884)"."""
_DAYS_ALONE = lazy(r"(\d{1,2})\s*(?:-+|–)\s*(\d{1,2})")
"""Days of a month alone, "26-31": an event's days typed into the date field, its year and month elsewhere."""


def _reprint_hint(name: str, source: Source) -> str:
    """For a year field holding a reprint's year and the first edition's ("2003[1965]"), the two fields to write."""
    both = _REPRINT_YEAR.fullmatch(plain(source.fields.get(name, ""))) if name == "year" else None
    if both is None or both.group(2) >= both.group(1):
        return ""
    if csl_form(source):
        return f"write issued: {both.group(1)} and original-date: {both.group(2)}, the first edition's year"
    return f"write year = {{{both.group(1)}}} and origdate = {{{both.group(2)}}}, the first edition's year"


def _event_days_hint(name: str, source: Source) -> str:
    """For a date field holding days alone ("26-31") beside a year and a month, the event's dates to write."""
    days = _DAYS_ALONE.fullmatch(plain(source.fields.get(name, ""))) if name == "date" else None
    year, month = plain(source.fields.get("year", "")), plain(source.fields.get("month", "")).lower()
    if days is None:
        return ""
    # The reference parser's month names, imported only here: importing the parser costs a cold check.
    from ..bibliography.refparse.fields import month_number

    number = int(month) if month.isdigit() else month_number(month[:3])
    if not (len(year) == 4 and year.isdigit()) or not number or not 0 < number <= 12:
        return ""
    first, last = (f"{year}-{number:02}-{int(d):02}" for d in days.groups())
    return (f"the date field holds the days alone, of the event: write them as eventdate = {{{first}/{last}}}, and "
            "delete date (year and month date the work)")


def _run_together(year: str) -> str:
    """The ISO date of a year written with its month (and day) as one number ("200612" -> "2006-12"), or ''."""
    if not (year.isascii() and year.isdigit() and len(year) in (6, 8)):
        return ""
    iso = f"{year[:4]}-{year[4:6]}" + (f"-{year[6:]}" if len(year) == 8 else "")
    return iso if parse_iso(iso if len(year) == 8 else iso + "-01") and year[0] in "12" else ""


def _digit_typed_as_letter(text: str, today: date) -> str:
    """The hint for a year holding a letter typed for the digit it looks like ("2O07"), or ''."""
    year = text.translate(DIGIT_LOOKALIKES)
    if len(year) != 4 or not year.isdigit() or not 1000 <= int(year) <= today.year + 1:
        return ""
    letters = sorted({c for c, d in zip(text, year, strict=True) if c != d})
    return f"write year = {{{year}}}: the letter{'s' if len(letters) > 1 else ''} {', '.join(map(repr, letters))} " \
           "stand" + ("" if len(letters) > 1 else "s") + " where a digit belongs"
