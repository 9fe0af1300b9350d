"""The value a reference string is parsed into: fields as printed, plus the ones the parser is unsure of."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

from ...locale_terms import NO_DATE, NO_DATE_START
from ...model import Person

#: a no-date term printed as a word of its own ("n.d.", "o. J.", "[s.d.]")
_NO_DATE = re.compile(rf"{NO_DATE_START}(?<!\w)(?:{NO_DATE})(?!\w)")


@dataclass(frozen=True, slots=True)
class ParsedReference:
    """One reference string split into fields, as printed (mistakes included)."""

    raw: str
    """The input string."""
    type: str = "misc"
    """BibTeX entry type: article, book, incollection, techreport, phdthesis, online, misc."""
    authors: tuple[Person, ...] = ()
    """Authors in order (an organisation is one Person with only a family name)."""
    editors: tuple[Person, ...] = ()
    """Editors (of the book, for a chapter) in order."""
    title: str = ""
    """Title without surrounding quotes and the entry's closing period."""
    container: str = ""
    """Journal, book (for a chapter) or web site."""
    volume: str = ""
    """Volume."""
    issue: str = ""
    """Issue."""
    pages: str = ""
    """Pages, with an en dash for a range."""
    publisher: str = ""
    """Publisher, institution or school."""
    place: str = ""
    """Place of publication."""
    year: str = ""
    """Four-digit year, '' when none is printed."""
    month: int | None = None
    """Month 1-12."""
    day: int | None = None
    """Day of the month."""
    doi: str = ""
    """Bare DOI (no ``doi:`` or resolver prefix)."""
    url: str = ""
    """URL as printed (DOI links go to ``doi`` instead)."""
    urldate: str = ""
    """Access date, ISO 8601."""
    edition: str = ""
    """Edition, e.g. "2nd"."""
    number: str = ""
    """Report or working-paper number."""
    isbn: str = ""
    """ISBN as printed (digits and hyphens)."""
    note: str = ""
    """Anything printed that fits no field."""
    et_al: bool = False
    """The names end in "et al."."""
    uncertain: tuple[str, ...] = field(default=())
    """Fields the parser is unsure of, e.g. ("title", "year")."""
    confidence: tuple[tuple[str, float], ...] = field(default=())
    """(field, the probability that it is right), for the fields the model found: calibrated for the
    fields ``doubt`` judges, the CRF's least sure marginal for the others."""
    evidence: tuple[tuple[str, tuple[float, ...]], ...] = field(default=(), compare=False, repr=False)
    """(field, (least marginal, mean marginal, edge doubt, tokens)) from the tagger; "*" = the whole string."""
    rivals: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)
    """(field, the next most likely label of its least sure token, or "" where it was not in doubt)."""

    def replace(self, **changes: Any) -> ParsedReference:
        """A copy with ``changes``: ``dataclasses.replace`` without its per-call look at the fields
        (the parser makes a few per reference)."""
        new = object.__new__(ParsedReference)
        for setter, value in zip(_SETTERS, _values(self), strict=True):
            setter(new, value)
        for name, value in changes.items():
            if name not in _FIELD_SET:
                raise TypeError(f"ParsedReference has no field {name!r}")
            object.__setattr__(new, name, value)
        return new

    def year_letter(self) -> str:
        """The letter printed after the year ("Smith, J. 2016a." gives 'a'), which tells apart the works of one
        author and year that a list letters; '' when none is printed. The year's first printing is read, not a
        title's ("The 2016s") or an address's."""
        found = re.search(rf"(?<![\w./:-]){re.escape(self.year)}(?!\d)([a-z](?![\w'’-]))?", self.raw) if self.year else None
        return found.group(1) or "" if found else ""

    def undated(self) -> bool:
        """Whether the reference is printed with no date: no year read, and a no-date term ("n.d.", "o. J.", "[s.d.]")
        printed (not a year the parser missed)."""
        return not self.year and _NO_DATE.search(self.raw) is not None

    def to_json(self) -> dict[str, Any]:
        """The fields as JSON-ready data (persons as {family, given})."""
        return {
            "type": self.type,
            "authors": [p.to_json() for p in self.authors],
            "editors": [p.to_json() for p in self.editors],
            "title": self.title, "container": self.container, "volume": self.volume,
            "issue": self.issue, "pages": self.pages, "publisher": self.publisher,
            "place": self.place, "year": self.year, "month": self.month, "day": self.day,
            "doi": self.doi, "url": self.url, "urldate": self.urldate, "edition": self.edition,
            "number": self.number, "isbn": self.isbn, "note": self.note, "et_al": self.et_al,
            "uncertain": list(self.uncertain),
            "confidence": {k: round(v, 3) for k, v in self.confidence}, "raw": self.raw,
        }


_FIELDS = tuple(f.name for f in fields(ParsedReference))
_FIELD_SET = frozenset(_FIELDS)
_values = attrgetter(*_FIELDS)
#: each field's slot setter, called directly (object.__setattr__ would look each name up first)
_SETTERS = tuple(vars(ParsedReference)[name].__set__ for name in _FIELDS)
