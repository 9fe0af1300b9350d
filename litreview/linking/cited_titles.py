"""Works cited by their full title, as some styles cite web pages: Copernicus prints a web page's title and the
year it was accessed, whoever wrote it ("(DragoNN, 2020, p.7)", "(Building high-level features using large scale
unsupervised learning, 2020)"), or the title alone when it records no access ("(Data is the New Oil)").

A title read alone, with no year, must be an entry's whole title and at least ``MIN_WORDS`` words long: a shorter
one in parentheses is as likely a gloss ("statistical methods (Machine Learning)"), unless the style prints it in
quotation marks, as DIN 1505-2 cites a web page with no author and no date ("(„Statistik om dödsorsaker“)"), or
the entry is a case or a statute, which every style cites by its title ("(Otway v R, para. 32)", "(Criminal Code,
sec. 21(1))"), or a code repository's path ("(fchollet/keras)").
"""

from __future__ import annotations

from ..bibliography.csl_item import LEGAL_TYPES
from ..bibliography.dates import date_year
from ..lazyre import lazy
from ..locale_terms import quote_pairs
from .index import SourceIndex
from .text import canonical

MIN_WORDS = 4
"""Words a title needs to be read as a citation when no year is printed with it."""
MIN_QUOTED_WORDS = 2
"""Words a title printed in quotation marks needs to be read as a citation when no year is printed with it."""
_REPOSITORY = lazy(r"[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*")
"""A title that is a code repository's path ("fchollet/keras", "greenelab/deep-review"), as reference managers
title a GitHub page: no gloss is written so, so it is read alone however short."""
QUOTES = quote_pairs("“”\"„«»‘‚")
"""Opening quotation mark -> the closing one, as languages pair them (German „…“, Swedish ”…”, French «…»): every
pair but the straight single marks (an apostrophe) and TeX's."""
_CACHE = "_titles_cited"


def _titles(index: SourceIndex) -> dict[str, list[str]]:
    """Canonical full title -> the keys of the entries with that title, computed once per index."""
    cached = index.__dict__.get(_CACHE)
    if cached is None:
        cached = {}
        for source in index.sources.values():
            title = canonical(source.title)
            if title:
                cached.setdefault(title, []).append(source.key)
        index.__dict__[_CACHE] = cached
    return cached


def titled(text: str, index: SourceIndex, year: str | None = None) -> list[str]:
    """The entries whose whole title ``text`` is. ``year`` (as the matcher reads it: "2020", "n.d."): the year
    printed after the title, which must be the entry's own or the year it was accessed; None: no year was printed,
    and the title must be ``MIN_WORDS`` words or more."""
    title = canonical(text)
    keys = _titles(index).get(title, []) if title else []
    if year is None:
        written = text.strip()
        quoted = len(written) > 1 and QUOTES.get(written[:1]) == written[-1:]
        if keys and (all(index.sources[k].type in LEGAL_TYPES for k in keys) or _REPOSITORY.fullmatch(written)):
            return keys
        return keys if len(title.split()) >= (MIN_QUOTED_WORDS if quoted else MIN_WORDS) else []
    return [k for k in keys if year in _years(k, index)]


def _years(key: str, index: SourceIndex) -> set[str]:
    source = index.sources[key]
    issued, _ = index.years[key]
    accessed = date_year(source.urldate or source.field("urldate"))
    return {str(y) for y in (issued, accessed) if y is not None} | ({"n.d."} if issued is None else set())
