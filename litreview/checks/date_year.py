"""LR162: a BibTeX entry whose date and year fields give two years, which the tools that print it read apart."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..bibliography.dates import edtf_year
from ..model import Finding, Source
from .bib import entry_finding, plain
from .hints import csl_form


def check_date_year(source: Source) -> Iterable[Finding]:
    """LR162 for an entry with a date and a year of another year (``date = {2017-11-20}, year = {2018}``): biber and
    pandoc print the date's year, BibTeX's styles the year field's."""
    if csl_form(source):
        return
    date, year = plain(source.fields.get("date", "")).strip(), plain(source.fields.get("year", "")).strip()
    if not re.fullmatch(r"\d{4}", year):
        return  # no year, or one LR124 reports ("2018, cop. 2008" is read by neither)
    start = edtf_year(date.split("/")[0]) if date else None
    if start is None or start == int(year):
        return
    yield entry_finding("LR162", source, f"date = {{{date}}} is of {start}, year = {{{year}}} of {year}: biber and "
                        f"pandoc print {start} (the date), BibTeX's styles {year} (the year field)",
                        "correct the one that is wrong, then delete year (biber and pandoc read the date) or "
                        "date (BibTeX's styles read the year)", field="year")
