"""The year an author-date style prints for each entry, with the letter citeproc adds: 2016a, n.d.-b.

citeproc (pandoc's, and citeproc-js) adds a year suffix only to entries whose citations would
still read the same after it has spelled out more names and given names: the same list of
authors (or editors, or for neither the title) and the same year. Within such a group the
letters follow the style's bibliography order: author, then year, then title (Chicago
author-date), and where every key of that sort ties, the order the document first cites the entries
in (so that a letter names none of them). A letter written in the year field itself ("2015a") is kept as written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..bibliography.bibtex import key_suffix
from ..bibliography.dates import COMMON_YEAR, pandoc_date
from ..bibliography.latex import decode_latex
from ..lazyre import lazy
from ..model import Person, Source
from ..registry.compare import initials
from ..render.csljson import csl_type, issued_parts
from ..text import spelled
from .styles import dated, editors_sorted, name_keys, names_read, year_only
from .text import canonical, fold

WRITTEN_SUFFIX = re.compile(rf"{COMMON_YEAR}([a-z])\}}?\s*$")
"""A letter written in the year field itself ("2015a"): kept as written."""


@dataclass(frozen=True, slots=True)
class YearLabel:
    """What a style prints after the names of one entry."""

    year: int | None
    """The year (None prints as "n.d.")."""
    suffix: str = ""
    """The disambiguating letter(s), '' when the entry needs none."""
    end: int | None = None
    """The last year of a date range ("1984–1986"), None for a single year."""

    def text(self) -> str:
        if self.year is None:
            return "n.d." + (f"-{self.suffix}" if self.suffix else "")
        return f"{self.year}{f'–{self.end}' if self.end else ''}{self.suffix}"


CONTAINER_TYPES = frozenset({"set", "xdata"})
"""biblatex entries that group or lend data to others: cited through their members, never lettered."""


def nameless(source: Source) -> bool:
    """An entry a style can name by nothing: no author, editor or title (cited as "(n.d.-k)"), or names with no
    family part ("{, Stan Development Team}"), which citeproc prints as nothing, the title not in their place:
    "STAN (2023)"."""
    key = names_key(source)
    people = source.authors or source.editors
    blank = key == (("", ""),) or (bool(people) and all(not family for family, _ in key))
    return blank and source.type not in CONTAINER_TYPES


_USEPREFIX = lazy(r"(?:^|[,\s])useprefix\s*(?:=\s*(?P<v>\w+))?", re.I)


def uses_prefix(source: Source) -> bool:
    """Whether citations print the name particle ("van Gennep") or drop it ("Gennep"): biblatex's
    ``useprefix`` option, false unless the entry (``options``) or its first name sets it; pandoc does the same."""
    for value in (source.field("author") or source.field("editor"), source.field("options")):
        match = _USEPREFIX.search(value)
        if match:
            return (match.group("v") or "true").lower() == "true"
    return False


def _person_key(person: Person) -> tuple[str, str]:
    # As spelled, the given name in full: citeproc tells "Šmith" from "Smith" and "Jane Doe" from "John Doe" by
    # the names it prints (Chicago adds given names), never by a year letter.
    family = spelled(" ".join(p for p in (person.prefix, person.family) if p))
    return family, spelled(person.given)


def names_key(source: Source) -> tuple[tuple[str, str], ...]:
    """Who a citation names: authors, else editors, else the title (CSL's substitution).

    BibTeX's "and others" is kept as a mark, not a person: it prints as "et al.".
    """
    people = source.authors or source.editors
    if people:
        return tuple(("et al", "") if p.family == "others" and not p.given else _person_key(p) for p in people)
    return (("", canonical(source.title)),)


_RANGE = re.compile(r"^\s*\{?\s*(-?\d{4})[^/]*/\s*(-?\d{4})")


_YEAR_SPAN = re.compile(r"^\s*(\d{4})\s*(?:--?|–|—)\s*(\d{4}|\d\d)\s*$")
"""A year field written as a span ("1994-1995", "1994--95", "1979–1980"), which pandoc prints as written."""


def _range_end(source: Source) -> int | None:
    """The last year of a date range ("1984/1986" prints 1984–1986, a label of its own), or of a year field written
    as a span (``year_span``)."""
    match = _RANGE.match(pandoc_date(source.field("date")))
    if match is None and not source.field("date"):
        span = year_span(source)
        return span[1] if span else None
    return int(match.group(2)) if match and match.group(2) != match.group(1) else None


def year_span(source: Source) -> tuple[int, int] | None:
    """The first and last year of a year field written as a span ("1994-1995", "1994--95"), None for another: pandoc
    reads no date in it and prints it as written, a label apart from the first year's."""
    match = _YEAR_SPAN.match(source.field("year"))
    if match is None:
        return None
    first = int(match.group(1))
    last = span_end(first, match.group(2))
    return (first, last) if last > first else None


def worded_year(source: Source) -> str:
    """The entry's year field when it holds a year among words ("March 2024", "Spring 2010", "ca. 1900", "c1999"):
    pandoc reads no date in it and every style prints it as written ("Beck et al. (March 2024)"); '' for another
    field (a year, a lettered one, a span, LaTeX)."""
    written = " ".join(source.field("year").split())
    return written if _WORDED_YEAR.match(written) and not _LETTERED.fullmatch(written) else ""


_WORDED_YEAR = re.compile(r"^(?=[^\\{}()\[\]]*[^\W\d_])[^\d\\{}()\[\]]{0,20}?(?<!\d)(\d{4})(?!\d)[^\d\\{}()\[\]]{0,20}$")
_LETTERED = re.compile(r"\d{4}[a-z]")


def span_end(first: int, written: str) -> int:
    """The last year of a span as written after ``first``: "95" after 1994 is 1995, "00" after 1999 is 2000."""
    last = int(written)
    if len(written) == 2 and first >= 1000:
        last += first // 100 * 100 + (100 if last < first % 100 else 0)
    return last


_OPEN_RANGE = re.compile(r"^\s*\{?\s*-?\d{4}[^/]*/\s*\}?\s*$")


def _open_range(source: Source) -> bool:
    """Whether the date is a range with no end ("1034/" prints "1034–", a label apart from the year's; pandoc
    prints "1996-01-01/.." as "n.d.": ``pandoc_date``)."""
    return bool(_OPEN_RANGE.match(pandoc_date(source.field("date"))))


_OPENING_MARKS = lazy(r"^\s*[^\w\s]+\s")


def _sort_title(title: str) -> str:
    # citeproc compares case-folded text; quotation marks and punctuation do not count, but the space after
    # opening marks does: "« Zebra »", "„... und" and ". Zebra" sort before "Apple" (pandoc's citeproc), while
    # "“Zebra”", "...Zebra" and "[Zebra]" sort as "zebra".
    key = canonical(title)
    return " " + key if key and _OPENING_MARKS.match(title) else key


def title_order(source: Source) -> tuple[str, int]:
    """Where an entry sorts among those Chicago author-date prints with the same names and year: by title, then by
    its place in the file. Past the title, styles' sorts read keys of their own (Chicago the descriptions and the
    journal, then the full date) and then the order the document first cites the entries in: entries of one
    title are ``tied``."""
    return _sort_title(source.title), source.line or 0


_PART_TYPES = frozenset({"inbook", "incollection", "inproceedings", "bookinbook", "suppbook", "article"})
"""Types whose ``maintitle`` is their container's: pandoc keeps their own title as the CSL title."""


def _main_title(source: Source) -> str:
    """A volume's multi-volume work (biblatex ``maintitle``): pandoc makes it the CSL title ('' for none)."""
    return "" if source.type in _PART_TYPES else decode_latex(source.field("maintitle"))


def printed_title_order(source: Source) -> tuple[str, int]:
    """APA's sort among entries with the same names and year: the title as printed, the multi-volume work's
    first ("Computers & typesetting: B. TeX: The program")."""
    main = _main_title(source)
    if not main:
        return title_order(source)
    parts = (main, decode_latex(source.field("mainsubtitle")), source.field("volume"), source.title)
    return canonical(" ".join(p for p in parts if p)), source.line or 0


def csl_title_order(source: Source) -> tuple[bool, str, int]:
    """The sort of styles keyed on the CSL title (ASA, APSA, Harvard): a volume sorts by its multi-volume
    work's title, so that volumes of one work tie (``tied``); an entry with no title sorts after those with one, as
    CSL sorts an empty key last (SAGE Harvard's "Schnee et al. 2007a" is the titled one)."""
    main = _main_title(source)
    title, line = (_sort_title(main), source.line or 0) if main else title_order(source)
    return not title, title, line


LETTER_ORDERS = ("title", "printed-title", "csl-title", "names-title", "cited", "names")
"""How styles order the entries they letter alike (same names, same year), as pandoc's citeproc renders them:
by the volume's own title (Chicago author-date), by the printed title with the multi-volume work first (APA), by
the CSL title, which is the work's for a volume (Harvard, AGU), by the names in full and then the CSL title when
the sort reads every name before the title (ASA, APSA, DIN 1505-2: lists "Doe u. a." prints alike are lettered by
their co-authors first), or, for styles whose sort has no title key, in the order the document first cites them:
"cited" when their bibliography names one author before "et al." (ABNT), so that lists "Doe et al." prints alike
tie too; "names" when it names them all (Springer, Elsevier, Annual Reviews, Ecology): lists that differ after the
first name are lettered by those names, in full (``names_key``), and only the same names in citation order."""
CITATION_ORDERS = frozenset({"cited", "names"})
"""The orders in which a letter among entries of the same names follows the document's citations, not the
bibliography: such a letter alone names none of them."""


def letter_orders(group: tuple[str, ...], sources: Mapping[str, Source],
                  style: str = "") -> tuple[tuple[str, ...], ...]:
    """The orders styles letter ``group`` in (given in ``title_order``): by the volume's own title (Chicago),
    by the printed title (APA), by the CSL title (Harvard), in this order; only the first when the
    group holds no volume of a multi-volume work, and all its entries or none have a title (the orders then agree,
    but for entries of one title, which ``tied`` reads). With ``style`` (one of ``LETTER_ORDERS`` but "cited",
    which no order of the bibliography gives), only that style's order."""
    if dated(style) and style in _ORDERS:
        return (_sorted_by(group, sources, _order_of(style)),)
    titled = {bool(_sort_title(sources[k].title)) for k in group}
    if style == "title" or (not any(_main_title(sources[k]) for k in group) and len(titled) == 1):
        return (group,)
    orders = tuple(_sorted_by(group, sources, order) for order in ((_ORDERS[style],) if style in _ORDERS else _UNKNOWN))
    return orders if style in _ORDERS else (group, *orders)


def tied(key: str, group: tuple[str, ...], sources: Mapping[str, Source], style: str = "") -> list[str]:
    """The entries of ``group`` that the sort of ``style`` (every order when unknown), as read here, cannot tell
    from ``key``: every key equal but the place in the file. Past the title citeproc reads the style's further keys
    and then the order the document first cites the entries in, so a letter at their places stands for any of them
    ("Doe et al. 2017a" for one of two versions of a paper with the same title)."""
    orders = (_order_of(style),) if style in _ORDERS else (title_order, *_UNKNOWN)
    mine = group_key(sources[key])
    alike = [k for k in group if group_key(sources[k]) == mine]
    out = [key]
    for order in orders:
        own = order(sources[key])[:-1]
        out += [k for k in alike if k not in out and order(sources[k])[:-1] == own]
    return out


def _sorted_by(group: tuple[str, ...], sources: Mapping[str, Source],
               order: Callable[[Source], tuple[object, ...]]) -> tuple[str, ...]:
    return tuple(sorted(group, key=lambda k: order(sources[k])))


def names_title_order(source: Source, read: tuple[int, int] = (0, 0), by_date: bool = False,
                      keys: tuple[tuple[int, int, str], ...] = (), editors: bool = True) -> tuple[object, ...]:
    """The sort of styles that read every name and then the CSL title ("names-title"): among the same names, as
    ``csl_title_order``. ``read``: as many names as the style's sort reads (``sorted_names``); ``by_date``: the
    full date before the title (``issued_order``: DIN 1505-2); ``keys``: how each of its keys reads the names, when
    its file tells (``styles.name_keys``: Metaaltijden reads initials, "Roe, E." before "Roe, É."); ``editors``
    False: the sort prints no editors (``styles.editors_sorted``), so an entry with none but editors sorts by empty
    names, first."""
    if not editors and not source.authors and source.editors:
        return ((), issued_order(source) if by_date else (), *csl_title_order(source))
    names = tuple(sorted_names(source, (least, first), given) for least, first, given in keys)
    return (names or sorted_names(source, read), issued_order(source) if by_date else (), *csl_title_order(source))


def issued_order(source: Source) -> tuple[int, ...]:
    """The entry's date as a sort on the CSL ``issued`` variable compares it: year, month, day, a date with fewer
    parts first ("2020" before "2020-01" before "2020-01-15"; pandoc's citeproc, checked)."""
    parts = issued_parts(source)
    return tuple(parts[0]) if parts else ()


def sort_date(source: Source, style: str) -> tuple[int, ...]:
    """The entry's date as ``style``'s date key reads it (``issued_order``): the year alone for the CSL types its key
    prints the year of (``styles.year_only``: APA's articles and books, not its web pages)."""
    parts = issued_order(source)
    return parts[:1] if year_only(style) and csl_type(source) in year_only(style) else parts


def _order_of(style: str) -> Callable[[Source], tuple[object, ...]]:
    """The order of a style of ``_ORDERS``, by the full date first when its sort reads it (``styles.dated``); a
    sort on every name reads the date after them (DIN 1505-2: lists printed alike, "Adibi u. a. 2025aa", are
    lettered by their names before their dates)."""
    order = _ORDERS[style]
    read = names_read(style)
    if style == "names-title" and (dated(style) or name_keys(style) or not editors_sorted(style)):
        return lambda source: names_title_order(source, read if dated(style) else (0, 0), dated(style), name_keys(style),
                                                editors_sorted(style))
    # The names first: entries printed alike may differ in names the citation does not print (APA's "Uieda &
    # Barbosa, 2012a" for Valeria C. F. Barbosa's work, "2012b" for Valéria C. F. Barbosa's).
    return (lambda source: (sorted_names(source, read), sort_date(source, style), *order(source))) if dated(style) \
        else order


def sorted_names(source: Source, read: tuple[int, int] = (0, 0),
                 given: str = "full") -> tuple[str, tuple[tuple[str, str], ...]]:
    """``names_key`` as a style's bibliography sort reads it: with ``read`` (et-al-min, et-al-use-first), the first
    et-al-use-first names of a list of et-al-min or more (DIN 1505-2 reads eight of nine or more, Annual Reviews
    five of seven: ``styles.names_read``); (0, 0): every name. ``given``: the given names in "full", their
    "initials" (as spelled: "É"), or "none". Collated as citeproc collates them: the names without accents first,
    accents only between names otherwise alike ("Roe, Émile" before "Roe, Eric" before "Roe, Fabien"; "Barbosa,
    Valeria" before "Barbosa, Valéria"; "Roe, E." before "Roe, É."). The names read as one text, the comma after a
    family name before any letter, spaces, stops and the parting of names skipped: a given name that another one
    begins with is compared on with the next name ("Watson, Poppy; Zed" before "Watson, P.; Zed", but "Watson, P.;
    Adams" before "Watson, Poppy; Adams"), a family name before a longer one ("Smith, Jo" before "Smithe, Al";
    pandoc's citeproc, checked)."""
    names = names_key(source)
    least, first = read
    names = names[:first] if first and len(names) >= least else names
    if given != "full":
        names = tuple((family, "" if given == "none" else " ".join(w[:1] for w in part.split()))
                      for family, part in names)
    return "".join(f"{_letters(family)}\x01{_letters(part)}" for family, part in names), names


def _letters(name: str) -> str:
    """A name folded to its letters and digits, as a sort collates it past its spaces and punctuation."""
    return "".join(ch for ch in fold(name) if ch.isalnum())


def first_name_title_order(source: Source) -> tuple[object, ...]:
    """The sort of "csl-title" styles among author lists they print alike ("Gupta et al."): the first name as their
    bibliography's sort prints it, family name and initials (Copernicus, AGU and SAGE Harvard read the first name
    alone, ``names-use-first="1"``, initialised: "Gupta, A." before "Gupta, S."), then the CSL title."""
    return (first_name(source, "initials"), *csl_title_order(source))


def first_name(source: Source, given: str) -> tuple[str, str]:
    """The entry's first name as a sort that reads it alone prints it: the family name, and the given names in full
    (``given`` "full": ABNT's "SMITH, Jane") or as initials ("initials": "Gupta, A.")."""
    people = source.authors or source.editors
    if not people:
        return "", ""
    family, full = _person_key(people[0])
    return family, full if given == "full" else initials(people[0].given)


_ORDERS: dict[str, Callable[[Source], tuple[object, ...]]] = {
    "title": title_order, "printed-title": printed_title_order, "csl-title": csl_title_order,
    "names-title": names_title_order}
_UNKNOWN = (printed_title_order, csl_title_order)
"""The orders besides Chicago's a style may letter in when the document's is unknown (among the same names,
"names-title" is "csl-title")."""


def name_order(source: Source) -> tuple[tuple[str, tuple[tuple[str, str], ...]], tuple[str, int]]:
    """Where an entry sorts in an author-date bibliography: by its names in full (family, then given), then by
    title."""
    return sorted_names(source), title_order(source)


def year_labels(sources: Mapping[str, Source], years: Mapping[str, int | None]) -> dict[str, YearLabel]:
    """Key -> the year label a Chicago author-date citation prints for it (``years``: key -> year read)."""
    labels: dict[str, YearLabel] = {}
    for source in sources.values():
        written = WRITTEN_SUFFIX.search(source.field("year"))
        if source.type in CONTAINER_TYPES:
            # A biblatex set (or xdata) holds its members' data; the members are what a style prints.
            labels[source.key] = YearLabel(years.get(source.key), end=_range_end(source))
        elif written:
            labels[source.key] = YearLabel(years.get(source.key), written.group(1), _range_end(source))
    for group in letter_groups(sources, years):
        year, end = years.get(group[0]), _range_end(sources[group[0]])
        for n, key in enumerate(group, start=1):
            labels[key] = YearLabel(year, key_suffix(n) if len(group) > 1 else "", end)
    return labels


def group_key(source: Source) -> tuple[object, ...]:
    """What entries lettered together share besides the year: the names printed and the form of the date."""
    return names_key(source), _range_end(source), _open_range(source)


def letter_groups(sources: Mapping[str, Source], years: Mapping[str, int | None]) -> list[tuple[str, ...]]:
    """The entries a style prints with the same names and year, each group in the order of its letters
    (a group of one gets no letter). Entries with a letter written in the year field, and sets, are in none."""
    groups: dict[tuple[object, ...], list[Source]] = defaultdict(list)
    for source in sources.values():
        if source.type not in CONTAINER_TYPES and not WRITTEN_SUFFIX.search(source.field("year")):
            groups[(years.get(source.key), *group_key(source))].append(source)
    # In Chicago's order; entries no key of a style's sort tells apart are lettered in the order the document first
    # cites them (``tied``).
    return [tuple(s.key for s in sorted(members, key=title_order)) for members in groups.values()]
