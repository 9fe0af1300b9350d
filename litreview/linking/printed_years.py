"""Which entries a year label written in an author-date citation stands for: "2016a", "n.d.-b", "2014–2016",
"forthcoming", as citeproc assigns the letters (``labels``) among the entries the document cites
(``cited_letters``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..bibliography.dates import COMMON_YEAR, date_year
from ..lazyre import lazy
from . import cited_letters, terms
from .author_names import ET_AL_MIN
from .index import SourceIndex, persons_of
from .labels import (
    CONTAINER_TYPES,
    YearLabel,
    first_name_title_order,
    letter_groups,
    name_order,
    names_key,
    names_title_order,
    span_end,
    title_order,
    worded_year,
    year_labels,
    year_span,
)
from .styles import dated, for_entries, name_keys, names_read, prints_status
from .text import fold

YEAR_WORDS = terms.YEAR_WORDS
_OPEN = r"–(?=[a-z]{0,2}(?![\w–\-]|/\w))"
"""An open date range ("2006/" prints "2006–", lettered "2006–b"): read as its first year."""
# After the year, the mark some locales print ("2010.", "2010 m.", "2010 г."); before the letter of
# a no-date term, a hyphen ("n.d.-b", "o. J.-b", "sem data-b") or, after a term in words or in brackets, a space
# (Harvard's "no date b", ISO 690's "[sin fecha] b").
# A "/" may follow only at the end
# ("2017/" from a URL key), never a second year ("2017/18").
_AFTER = (rf"(?:(?<=\d)(?:{terms.YEAR_MARK}|{_OPEN}))?"
          rf"(?:(?:(?<=\.)|(?<=[^\W\d_]))-(?=[a-z])|(?:{terms.NO_DATE_LETTERED}) (?=[a-z]{{1,2}}\b))?(?P<s>[a-z]{{1,2}})?"
          r"(?:(?<=[a-z])–(?P<to>[a-z])(?=[^\w–\-]|$))?(?![\w–\-]|/\w)")
_WORDED = lazy(r"(?=.*[^\W\d_])\D{0,20}?(?<!\d)(\d{4})(?!\d)\D{0,20}")
"""A year among words, as ``labels.worded_year`` reads a year field pandoc prints as written ("March 2024",
"c1999", "2024 March")."""
_ERA = lazy(rf"(\d+)\s?(?:(?P<bc>{terms.BC})|{terms.AD})?")


_BRACKETED = r"\[[^\[\]\d]{0,12}\d[^\[\]]{0,30}\]"
"""The original date a style prints in brackets before the edition's: "[1924]", "[222 BC–220 BC]", "[1487–1488?]"
(any year: it is not resolved)."""
_ORIGINAL = lazy(rf"\s*{_BRACKETED}\s*$")
_NOT_IN_COMMAND = r"(?<![^\W\d_]\{)"
"""Not the argument of a LaTeX command: a year field pandoc cannot read prints as written ("Knuth
{\\noopsort{1973a}}{\\switchargs{--90}{1968}}"), and the year in it is a sort key, not a label a style printed."""
_SLASHED = rf"(?:(?:\d{{1,4}}(?:\s?(?:{terms.BC}|{terms.AD}))?(?:–|(?=/)))+/(?=\d))"
"""The original date APA and DGPs print before the edition's, with a slash: "1924/1979", "1998/1996",
"222 v. Chr.–220 v. Chr./380 v. Chr." (any year: it is not resolved)."""


_WITH_ORIGINAL = lazy(r"(?<![\w\[/])(?:\[(?P<a>\d{3,4})\]\s*(?P<ay>\d{3,4})|(?P<b>\d{3,4})/(?P<by>\d{3,4})"
                      r"|(?P<cy>\d{3,4})\s*\[(?P<c>\d{3,4})\])(?![\w/])")
"""A year printed with the original date of the work: Chicago's "[1998] 2002", APA's "1998/2002", the styles that
print it after ("2002 [1998]")."""


def original_dated(item: str, keys: list[str], index: SourceIndex) -> str:
    """The one entry among ``keys`` whose original date (biblatex's origdate, CSL's original-date) the citation
    ``item`` prints beside its year ("Hicks ([1998] 2002)" for the reprint first published in 1998, not another
    edition of 2002 with none); '' when the item prints none, or none or several of ``keys`` have it. An entry
    without an original date never prints one, so the one that has it is the work cited; a style that prints
    none ("Hicks (2002)") leaves the entries alike."""
    printed = set()
    for match in _WITH_ORIGINAL.finditer(item):
        original = match.group("a") or match.group("b") or match.group("c")
        printed.add((int(original), int(match.group("ay") or match.group("by") or match.group("cy"))))
    if not printed:
        return ""
    hits = {k for k in keys if (date_year(index.sources[k].field("origdate")), index.years[k][0]) in printed}
    return hits.pop() if len(hits) == 1 else ""


class YearForms(NamedTuple):
    """The patterns of the year labels a document's citations may print, for one bibliography."""

    year: re.Pattern[str]
    """A year (or n.d., or a year word) with the letter a style adds: 2016a, n.d.-b, 380 BC, or its letters collapsed
    into a range: 2016a–c (``suffixes``)."""
    more: re.Pattern[str]
    """A further year after a comma, perhaps after its original date: "(Doe 2010, 2012b)", "[1930] 1985", or a year
    word, which APA, Harvard and ASA print after the years ("(Heiss 2016, forthcoming)")."""
    original: re.Pattern[str]
    """The original date a style prints before the edition's, at the end of the names: "Moraux [1924] 1979"."""


def year_forms(index: SourceIndex) -> YearForms:
    """The year patterns for the index's entries: the common years, and the others some entry has, as styles
    print them ("1234", "380 BC" for -0379, "250 AD"); computed once per index."""
    cached = index.__dict__.get("_year_forms")
    if cached is None:
        rare = sorted({_printed_form(year) for year, _ in index.years.values()
                       if year is not None and not re.fullmatch(COMMON_YEAR, str(year))}, key=len, reverse=True)
        core = "(?:" + "|".join([COMMON_YEAR, *rare]) + ")"
        # A year field written as a span prints as written ("1994-1995", "1994--95"), and one with words ("March
        # 2024", "c1999"): read where an entry has it.
        written = sorted({re.escape(source.field("year").strip()) for source in index.sources.values()
                          if year_span(source)} | {re.escape(w).replace(r"\ ", r"\s") for source in index.sources.values()
                                                   if (w := worded_year(source))}, key=len, reverse=True)
        span = "|".join([*written, rf"{core}(?:–{core})?"])
        cached = YearForms(
            re.compile(rf"(?<![\w–\-/\[]){_NOT_IN_COMMAND}{_SLASHED}?(?P<y>{span}|{terms.NO_DATE}|(?i:{terms.YEAR_WORD}))"
                       rf"{_AFTER}"),
            lazy(rf"^\s*,\s*(?:{_BRACKETED}\s*|{_SLASHED})?(?P<y>{span}|{terms.NO_DATE}|(?i:{terms.YEAR_WORD}))"
                 rf"{_AFTER}"),  # compiled where a citation goes on after its year: many documents have none
            _ORIGINAL)
        index.__dict__["_year_forms"] = cached
    return cached


def _printed_form(year: int) -> str:
    """How styles print a year outside the common ones: ISO's -0379 is 380 BC, 250 may be "250 AD"."""
    if year <= 0:
        return rf"{1 - year}\s?(?:{terms.BC})"
    return rf"{year}(?:\s?(?:{terms.AD}))?" if year < 1000 else str(year)


def suffixes(match: re.Match[str]) -> list[str]:
    """The letters a year label of ``YearForms`` prints: its one letter ('' for none), or each of a range that styles
    collapsing three letters or more print ("2014a–c": a, b, c)."""
    first, last = match.group("s") or "", match.group("to")
    if not last or len(first) != 1 or last <= first:
        return [first]
    return [chr(c) for c in range(ord(first), ord(last) + 1)]


def year_number(printed: str) -> str:
    """The year a printed label stands for, as the index has it: "380 BC" -> "-379", "250 AD" -> "250", a range
    each end ("50 BC–45 BC" -> "-49–-44"), a year field written as a span too ("1994-95" -> "1994–1995"); other text
    as it is."""
    ends: list[int] = []
    for part in re.split(r"–|(?<=\d)--?(?=\d)", printed):
        match = _ERA.fullmatch(part.strip())
        if match is None:
            worded = _WORDED.fullmatch(printed.strip())
            return worded.group(1) if worded else printed  # a year field with words as written: "March 2024"
        written = match.group(1)
        ends.append(1 - int(written) if match.group("bc") else span_end(ends[0], written) if ends else int(written))
    return "–".join(map(str, ends))


def common(year: str) -> bool:
    """Whether a year as read ("2011", "n.d.", "-379") is one read in any citation, not only where an entry has it:
    only for those may a citation that fits no entry be reported as such."""
    return year == "n.d." or year in YEAR_WORDS or bool(re.fullmatch(rf"{COMMON_YEAR}(?:–{COMMON_YEAR})?", year))


def year_word(index: SourceIndex, key: str) -> bool:
    """Whether the document's style prints a word where the entry's year goes, not its names alone: its year field's
    ("Heiss forthcoming"), or with no date at all its ``pubstate`` (``status``) unless the style is known to print
    none (Springer's "(Trilcke)", Elsevier's "(Trilcke, n.d.)"), so "(Trilcke)" cites no such entry in Chicago or
    in a style not known."""
    if fold(index.sources[key].field("year")).strip("{} .") in YEAR_WORDS:
        return True
    return bool(status(index, key)) and prints_status(index.letter_order) is not False


def status(index: SourceIndex, key: str) -> frozenset[str]:
    """The words a style printing an undated entry's ``pubstate`` may print for it where its date goes
    (``terms.status_words``: "in press", fr "sous presse" for "inpress"); none for an entry with a date or a year
    word, or no ``pubstate``."""
    source = index.sources[key]
    if labels_of(index)[key].year is not None or fold(source.field("year")).strip("{} .") in YEAR_WORDS:
        return frozenset()
    return terms.status_words(source.field("pubstate"))


def labels_of(index: SourceIndex) -> dict[str, YearLabel]:
    """The year labels of the index's entries, computed once per index."""
    cached = index.__dict__.get("_year_labels")
    if cached is None:
        years = {k: y for k, (y, _) in index.years.items()}
        cached = year_labels(index.sources, years)
        index.__dict__["_year_labels"] = cached
        index.__dict__["_letter_groups"] = {k: g for g in letter_groups(index.sources, years) if len(g) > 1 for k in g}
    return cached


def _pools(keys: list[str], index: SourceIndex) -> list[tuple[str, ...]]:
    """The groups of entries lettered together (in letter order) that ``keys`` fall in."""
    labels_of(index)
    groups: dict[str, tuple[str, ...]] = index.__dict__["_letter_groups"]
    return list(dict.fromkeys(groups[k] for k in keys if k in groups))


def one_letter(suffix: str, entries: int) -> str:
    """The letter ``suffix`` is among ``entries`` entries of the names it follows: DIN 1505-2 prints the letter after
    the year and again at the citation's end ("2016cc", "2016d, S. 12d"): a doubled letter past every entry of those
    names is that letter (citeproc's "cc" follows "z")."""
    if len(suffix) == 2 and suffix[0] == suffix[1] and cited_letters.position(suffix) >= entries:
        return suffix[0]
    return suffix


def candidates(sig_keys: list[str], year: str, suffix: str, index: SourceIndex, et_al: bool = False) -> list[str]:
    """Keys among ``sig_keys`` whose printed year is ``year`` + ``suffix`` (as citeproc assigns it);
    ``et_al``: the citation wrote the names as "X et al."."""
    found = _printed(sig_keys, year, one_letter(suffix, len(sig_keys)), index, et_al)
    members = [k for k in found if index.sources[k].type not in CONTAINER_TYPES]
    return members if members and len(members) < len(found) else found  # a set's data is its first member's


def bearing(keys: list[str], year: str, suffix: str, index: SourceIndex) -> list[str]:
    """The entries among ``keys`` that the label ``year`` + ``suffix`` ("2022a") may stand for, whatever names a
    citation prints: each group of entries printed alike lettered as citeproc letters it (an entry printed alike
    with no other bears no letter)."""
    return [k for group in _pools(keys, index) for k in cited_letters.lettered(index, group, suffix, probe=True)
            if k in keys]


def label_year(year: str) -> int | None:
    """The year of a printed label ("1984", "-380" for 380 BC, "1984–1986": a date range prints as one label, its
    first year; "n.d.": None); -1 for a year word or anything else, which no entry's label year is."""
    start = year.partition("–")[0]
    return None if year == "n.d." else int(start) if _NUMBER.fullmatch(start) else -1


_NUMBER = lazy(r"-?[0-9]{1,6}")


def _printed(sig_keys: list[str], year: str, suffix: str, index: SourceIndex, et_al: bool) -> list[str]:
    labels = labels_of(index)
    if year in YEAR_WORDS:  # printed as written: "(Heiss forthcoming)", or an undated entry's status "(Doe, in press)"
        stated = prints_status(index.letter_order) is not False
        return [k for k in sig_keys if fold(index.sources[k].field("year")).strip("{} .") == year
                or (stated and year in status(index, k))]
    wanted = label_year(year)
    end = year.partition("–")[2]
    last = int(end) if end else None
    same_year = [k for k in sig_keys if labels[k].year == wanted and labels[k].end == last and not year_word(index, k)]
    if wanted is None and not same_year and prints_status(index.letter_order) is None:
        # "(Trilcke, n.d.)" in a style not known: one that prints no status, for the undated entry that has one
        same_year = [k for k in sig_keys if labels[k].year is None and labels[k].end == last and status(index, k)]
    same_year = cited_letters.only_listed(index, same_year)
    listed = [k for k in same_year if prints_et_al(index, k)] if et_al else []
    pooled = len({names_key(index.sources[k]) for k in listed}) > 1
    if not suffix:
        for pool in _pools(same_year, index):
            cited_letters.record(index, pool, "")  # "Doe 2011" with no letter: the document cites one of them
        if pooled:
            cited_letters.record(index, _pooled(listed, index), "", pooled=True)
        # No letter: not an entry the style letters, unless the document cites its group only in part.
        bare = [k for k in same_year if not _pools([k], index) or cited_letters.cited_in_part(index, k)]
        return bare or same_year
    if pooled:
        # "Gustafsson et al. 2013a" for several author lists: a style that adds no names to tell them
        # apart (Copernicus, Elsevier, DIN 1505-2, ...) letters them all.
        found = cited_letters.lettered(index, _pooled(listed, index), suffix)
        if not for_entries(index.letter_order, (index.sources[k].type for k in listed)):
            # The style not known: most sort by the names in full before the title; any entry either order letters so
            # may be the one.
            by_names = sorted(listed, key=lambda k: name_order(index.sources[k]))
            found += [k for k in cited_letters.lettered(index, by_names, suffix, probe=True) if k not in found]
        return found
    # A letter written in the year field, else the letter's place in its group among the entries cited.
    exact = [k for k in same_year if labels[k].suffix == suffix and not _pools([k], index)]
    for pool in _pools(same_year, index):
        exact += [k for k in cited_letters.lettered(index, pool, suffix) if k in same_year]
    if exact:
        return exact
    if len(same_year) > 1:
        # The names matched several author lists a style printed alike (APSA, Harvard add no given names):
        # count the letter along its bibliography's sort, names in full and then title.
        ordered = sorted(same_year, key=lambda k: name_order(index.sources[k]))
        return cited_letters.lettered(index, ordered, suffix)
    # One entry of those names and year, and a letter: citeproc letters two or more printed alike, so the other is
    # one the bibliography lacks or whose names were not read as printed, and nothing tells which of the two this is.
    return [] if cited_letters.position(suffix) > 0 else same_year


def _by_title(keys: list[str], index: SourceIndex) -> list[str]:
    return sorted(keys, key=lambda k: title_order(index.sources[k]))


def _pooled(keys: list[str], index: SourceIndex) -> list[str]:
    """Author lists a style prints alike ("Doe et al."), in the order of its letters: by the names in full first when
    its sort reads every name ("names-title", DIN 1505-2), by the first name as its bibliography prints it and then
    the title when it reads that name alone ("csl-title", Copernicus), by title when the style is not known."""
    style = for_entries(index.letter_order, (index.sources[k].type for k in keys))
    if style == "names-title":
        read, by_date = names_read(style), dated(style)
        return sorted(keys, key=lambda k: names_title_order(index.sources[k], read, by_date, name_keys(style)))
    if style == "csl-title":
        return sorted(keys, key=lambda k: first_name_title_order(index.sources[k]))
    if style == "title":  # Chicago's sort reads every name in full before the title
        return sorted(keys, key=lambda k: name_order(index.sources[k]))
    return _by_title(keys, index)


def prints_et_al(index: SourceIndex, key: str) -> bool:
    """Whether the document's style prints the entry's names with "et al." (three authors or more, or as many as
    ``cited_letters.et_al_min`` has seen it print in full, and more; or BibTeX's "and others")."""
    people = persons_of(index.sources[key])
    return len(people) >= cited_letters.et_al_min(index, ET_AL_MIN) or any(p.family == "others" for p in people)
