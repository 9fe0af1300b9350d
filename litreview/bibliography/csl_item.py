"""One CSL item as a ``Source``, as pandoc reads it: the CSL vocabulary (types, variables) and its BibTeX names, the
values pandoc refuses a CSL-JSON file for, and the reading of names and dates."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from typing import Any, TypeGuard

from ..doi import entry_doi
from ..lazyre import lazy
from ..model import Finding, Person, Source
from ..pandoc_text import smart_quotes
from .bibtex import page_range
from .csl_markdown import markdown_plain
from .dates import MAX_DIGITS, citeproc_date_parts, edtf_date_parts, underscored_range

#: CSL item type -> BibTeX/biblatex entry type. CSL's "article" is a preprint or working paper, with no journal:
#: pandoc writes it as @misc (``Source.csl_type`` keeps the CSL type, which the references print it by).
TYPES = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "article": "misc", "book": "book", "chapter": "incollection", "entry-encyclopedia": "inreference",
    "entry-dictionary": "inreference", "paper-conference": "inproceedings", "report": "techreport",
    "thesis": "phdthesis", "webpage": "online", "post-weblog": "online", "post": "online", "dataset": "dataset",
    "software": "software", "patent": "patent", "manuscript": "unpublished", "standard": "standard",
    "periodical": "periodical", "pamphlet": "booklet", "legislation": "legislation", "legal_case": "jurisdiction",
    "motion_picture": "movie", "song": "music", "personal_communication": "letter", "review": "review",
}
LEGAL_TYPES = frozenset({"jurisdiction", "legislation", "legal"})
"""Entry types (biblatex's; CSL's legal_case and legislation are read as the first two) of a case or a statute,
cited by its name in italics and its citation ("R v Smith, 2013 SCC 40"; "Criminal Code, RSC 1985, c C-46"), the
court or the statute book read from CSL's ``authority``, not by an author and a year."""
CSL_ITEM_TYPES = frozenset({
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
    "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
    "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
    "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
    "thesis", "treaty", "webpage"})
"""The item types of the CSL 1.0.2 specification; an item of any other type loads, and styles print it as a
generic one (pandoc's citeproc, citeproc-js)."""
#: BibTeX/biblatex entry type -> CSL type, as the CSL-JSON writer sets it (a web-like misc entry is a webpage there).
BIBTEX_TO_CSL = {
    "article": "article-journal", "book": "book", "mvbook": "book", "booklet": "pamphlet", "collection": "book",
    "mvcollection": "book", "proceedings": "book", "mvproceedings": "book", "reference": "book",
    "mvreference": "book", "inbook": "chapter", "bookinbook": "chapter", "suppbook": "chapter",
    "incollection": "chapter", "suppcollection": "chapter", "inreference": "entry-encyclopedia",
    "inproceedings": "paper-conference", "conference": "paper-conference", "techreport": "report",
    "report": "report", "manual": "report", "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
    "online": "webpage", "www": "webpage", "electronic": "webpage", "unpublished": "manuscript", "patent": "patent",
    "dataset": "dataset", "software": "software", "standard": "standard", "periodical": "periodical",
    "misc": "document",
}
#: Types written in another vocabulary (Crossref's, BibTeX's) -> the CSL type meant; the BibTeX ones are rows of
#: BIBTEX_TO_CSL (not its names CSL also uses, such as article or collection, which are CSL's).
_TYPE_FOR = {"journal-article": "article-journal", "proceedings-article": "paper-conference",
             "book-chapter": "chapter", "posted-content": "article", "dissertation": "thesis",
             "website": "webpage", "web-page": "webpage", "web": "webpage",  # (Zotero's item type for a web page)
             **{kind: BIBTEX_TO_CSL[kind] for kind in (
                 "inproceedings", "conference", "incollection", "inbook", "phdthesis", "mastersthesis", "techreport",
                 "online", "misc", "unpublished", "booklet")}}
FIELDS = {"title": "title", "publisher": "publisher", "publisher-place": "address", "volume": "volume",
          "issue": "number", "number": "number", "edition": "edition", "DOI": "doi", "URL": "url",
          "ISBN": "isbn", "ISSN": "issn", "note": "note", "abstract": "abstract", "language": "language",
          "event-title": "eventtitle", "event": "eventtitle", "title-short": "shorttitle", "shortTitle": "shorttitle",
          "authority": "authority", "status": "pubstate", "genre": "type", "collection-title": "series",
          "version": "version", "number-of-volumes": "volumes",
          "chapter-number": "chapter", "volume-title": "volume-title"}
"""CSL variable -> the BibTeX/biblatex field it is read into, when it is a plain value (the first of two wins)."""
_SERIES_NUMBERED = frozenset({"article", "techreport"})
"""Entry types whose ``number`` is their own (an issue, a report's number), not their number in a series: CSL's
collection-number is read into ``number`` for every other type, as pandoc writes it in biblatex (``series``,
``number``), when the item has no number of its own."""
_CONTAINER = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle",
              "inreference": "booktitle"}
# CSL has no institution or school: the body that issues a report or awards a degree is its publisher
# (pandoc writes it so to biblatex).
_ISSUER = {"techreport": "institution", "phdthesis": "school"}
PRESS = {"article-newspaper": "newspaper", "article-magazine": "magazine"}
"""CSL's types of an article in the press -> biblatex's entrysubtype for it (as pandoc writes them)."""
_RICH_TEXT = lazy(r'</?(?:i|b|sup|sub)>|<span\s+(?:class="nocase"|style="font-variant:\s*small-caps;?")>|</span>')
"""CSL's rich text, which citeproc renders as formatting: out of the title and container shown (the fields keep it)."""


NAME_VARIABLES = frozenset({
    "author", "editor", "translator", "collection-editor", "composer", "container-author", "director",
    "editorial-director", "illustrator", "interviewer", "original-author", "recipient", "reviewed-author", "chair",
    "compiler", "contributor", "curator", "executive-producer", "guest", "host", "narrator", "organizer",
    "performer", "producer", "script-writer", "series-creator"})
"""CSL variables that name people."""
DATE_VARIABLES = frozenset({"issued", "accessed", "event-date", "original-date", "submitted", "available-date"})
"""CSL variables that hold dates."""
# The standard (text and number) variables pandoc's citeproc knows, each read as a string or a whole number:
# a list, an object, null, true or false, or a fraction in one of them makes pandoc refuse the whole file
# (pandoc 3.9, each tried). Variables it does not know (``custom``, ``categories``, Zotero's own) may hold anything.
STANDARD_VARIABLES = frozenset({
    "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority",
    "call-number", "chapter-number", "citation-key", "citation-label", "citation-number", "collection-number",
    "collection-title", "container-title", "container-title-short", "dimensions", "division", "DOI", "edition",
    "event", "event-title", "event-place", "first-reference-note-number", "genre", "ISBN", "ISSN", "issue",
    "jurisdiction", "keyword", "language", "license", "locator", "medium", "note", "number", "number-of-pages",
    "number-of-volumes", "original-publisher", "original-publisher-place", "original-title", "page", "page-first",
    "part-number", "part-title", "PMCID", "PMID", "printing-number", "publisher", "publisher-place", "references",
    "reviewed-genre", "reviewed-title", "scale", "section", "source", "status", "supplement-number", "title",
    "title-short", "URL", "version", "volume", "volume-title", "year-suffix", "shortTitle", "journalAbbreviation"})
_CANONICAL = {name.casefold(): name for name in (*NAME_VARIABLES, *DATE_VARIABLES, *STANDARD_VARIABLES, *FIELDS,
                                                  "id", "type")}
"""A CSL variable's name folded -> the name as CSL writes it."""
_CSL_NAMES = frozenset(_CANONICAL.values())


def canonical_names(item: Mapping[str, Any]) -> dict[str, str]:
    """Each variable of ``item`` named otherwise than CSL names it, as pandoc reads it ("Title", "url", "ID": pandoc
    reads variable names in any case) -> the CSL name; none where the item also has the CSL name (which pandoc
    reads then), and of two variants the first in sorted order (as pandoc keeps it)."""
    renamed: dict[str, str] = {}
    if _CSL_NAMES.issuperset(item):  # every variable named as CSL names it (most items): none to rename
        return renamed
    for name in sorted(n for n in item if isinstance(n, str)):
        canonical = _CANONICAL.get(name.casefold())
        if canonical and canonical != name and canonical not in item and canonical not in renamed.values():
            renamed[name] = canonical
    return renamed


#: The parts of a CSL name object, each a string.
NAME_PARTS = frozenset({"family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix"})
_NAMES_FIX = 'Write the names as a list of objects: [{"family": "Doe", "given": "Jane"}] ({"literal": "..."} for a body)'
_DATE_FIX = 'Write the date as {"date-parts": [[2014, 6, 13]]}, or as a string ("2014-06-13")'
_JSON_KINDS = {dict: "an object", str: "a string", list: "a list", bool: "true or false", type(None): "null",
               float: "a fraction"}


#: every CSL variable of a name, a date or a standard value (made once: ``refused_value`` asks each item)
_VARIABLE_NAMES = NAME_VARIABLES | DATE_VARIABLES | STANDARD_VARIABLES


def refused_value(item: Mapping[str, Any]) -> tuple[str, str, str] | None:
    """(variable, what is wrong, how to write it) for the first variable of a CSL-JSON item whose value pandoc
    refuses the whole file for: names not a list of objects and strings, a date not an object or a string (or
    its parts not numbers), a standard variable not a string or a whole number; else None."""
    for variable in sorted(item.keys() & _VARIABLE_NAMES):
        value = item[variable]
        if variable in NAME_VARIABLES:
            if not isinstance(value, list):
                return variable, f"is {_json_kind(value)}, not a list of names", _NAMES_FIX
            if (name := next((n for n in value if not _mapping(n) and not isinstance(n, str)), "")) != "":
                return variable, f"holds {_json_kind(name)} where a name belongs", _NAMES_FIX
            if part := next(((k, v) for n in value if _mapping(n) for k, v in n.items()
                             if k in NAME_PARTS and _nested(v)), None):
                return variable, f"has a name whose {part[0]} is {_json_kind(part[1])}, not a string", _NAMES_FIX
        elif variable in DATE_VARIABLES:
            if not isinstance(value, Mapping | str):
                return variable, f"is {_json_kind(value)}, not a date", _DATE_FIX
            parts = value.get("date-parts", []) if isinstance(value, Mapping) else []
            if not isinstance(parts, list) or not all(isinstance(p, list) and all(map(_number, p)) for p in parts):
                return variable, "has date-parts that are not lists of whole numbers", _DATE_FIX
        elif not (isinstance(value, str) or (_whole(value) and variable != "note")):  # (a note only a string)
            wanted = "a string" if variable == "note" else "a string or a whole number"
            return variable, f"is {_json_kind(value)}, not {wanted}", "Write the value as a string, or leave it out"
    return None


def unread_date_part(item: Mapping[str, Any]) -> tuple[str, Any, str] | None:
    """(variable, part, what pandoc reads) for the first date of a CSL-YAML item whose date-parts hold a part
    that is no number (``[2019, April]``): pandoc reads the parts before it and leaves the rest out; else None.
    (CSL-JSON refuses the whole file for it: ``refused_value``.)"""
    for variable in sorted(item.keys() & DATE_VARIABLES):
        value = item[variable]
        parts = value.get("date-parts") if isinstance(value, Mapping) and not value.get("raw") else None
        for end in parts if isinstance(parts, list) else ():
            bad = next((p for p in end if not _number(p) and not _empty(p)), None) if isinstance(end, list) else None
            if bad is not None:
                read = _date_parts(end)
                return variable, bad, _iso(read) if read else ""
    return None


def empty_day(item: Mapping[str, Any]) -> tuple[str, str, str] | None:
    """(variable, its date-parts as written, the date-parts to write) for the first date of a CSL-YAML item whose
    date-parts give a day with an empty month or day before it ("date-parts: [[2008, null, null]]", a template's
    blanks): pandoc reads an empty part as 0 and prints the day 0 ("Nature, 0.", "March 0"); else None. (An empty
    month alone prints nothing; CSL-JSON refuses the whole file for a null: ``refused_value``.)"""
    for variable in sorted(item.keys() & DATE_VARIABLES):
        value = item[variable]
        parts = value.get("date-parts") if _mapping(value) and not value.get("raw") else None
        for end in parts if isinstance(parts, list) else ():
            if isinstance(end, list) and len(end) >= 3 and any(_empty(p) for p in end[1:3]):
                kept = _date_parts(end[:next(i for i, p in enumerate(end) if _empty(p))])
                shown = ", ".join("null" if p is None else json.dumps(p) if isinstance(p, str) else str(p) for p in end)
                return variable, f"[{shown}]", f"[[{', '.join(map(str, kept)) or 'YYYY'}]]"
    return None


def _empty(part: Any) -> bool:
    """A date part left blank (``null``, ``''``), which pandoc reads in CSL-YAML as 0."""
    return part is None or (isinstance(part, str) and not part.strip())


def listed_date_map(item: Mapping[str, Any]) -> tuple[str, str, Any] | None:
    """(variable, key, value) for the first date of a CSL-YAML item written as a list of maps whose map holds no
    year but a literal, raw or date-parts ("issued: [{literal: 2011/12}]"): pandoc reads a list's maps by their
    year, month and day alone, so it reads no date there (an empty date, printed n.d.); else None."""
    for variable in sorted(item.keys() & DATE_VARIABLES):
        value = item[variable]
        if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            for v in value:
                if v.get("year") is None and (key := next((k for k in ("literal", "raw", "date-parts") if k in v), "")):
                    return variable, key, v[key]
    return None


def flat_date_parts(item: Mapping[str, Any]) -> tuple[str, str, str] | None:
    """(variable, its date-parts as written, the list of dates it means) for the first date of a CSL-YAML item
    written as a map whose date-parts is no list of dates ("date-parts: 2024", "date-parts: [2024, 3]"): pandoc reads
    there a list of lists (or of year, month and day maps) alone, so it reads no date (n.d.); else None. (CSL-JSON
    refuses the whole file for it: ``refused_value``.)"""
    for variable in sorted(item.keys() & DATE_VARIABLES):
        value = item[variable]
        if not isinstance(value, Mapping) or "date-parts" not in value or value.get("raw") or value.get("literal"):
            continue
        parts = value["date-parts"]
        if not isinstance(parts, list) or not any(isinstance(p, list | Mapping) for p in parts):
            written = parts if isinstance(parts, list) else [parts]
            numbers = [str(p).strip() for p in written if _number(p)] or ["YYYY"]
            shown = f"[{', '.join(map(str, parts))}]" if isinstance(parts, list) else str(parts)
            return variable, shown, f"[[{', '.join(numbers)}]]"
    return None


def unread_dates(item: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(variable, what pandoc reads wrong in it, what to write instead) for each of a CSL-YAML item's date shapes
    pandoc reads no whole date in (LR124): a part that is no number, date-parts that are no list of dates, a date
    written as a list of maps without a year."""
    found = []
    if (unread := unread_date_part(item)) is not None:
        variable, part, read = unread
        found.append((variable, f"has date-parts holding {part!r}, which is no number: pandoc reads "
                      + (f"the date as {read}, without it" if read else "no date in it"),
                      f"Write the date as {variable}: YYYY-MM-DD, or each part of date-parts as a number"))
    if (flat := flat_date_parts(item)) is not None:
        variable, shown, dates = flat
        found.append((variable, f"has date-parts {shown}, which is no list of dates: pandoc reads no date in it (n.d.)",
                      f"Write the date as {variable}: YYYY-MM-DD, or date-parts: {dates}"))
    if (blank := empty_day(item)) is not None:
        variable, shown, dates = blank
        found.append((variable, f"has date-parts {shown}, whose empty parts pandoc reads as 0: it prints the day 0 "
                      '("Nature, 0.", "March 0")', f"Leave the empty parts out: date-parts: {dates}"))
    if (listed := listed_date_map(item)) is not None:
        variable, part, value = listed
        found.append((variable, f"is a list holding {part}: {value}, and pandoc reads a list's items by their year, "
                      "month and day alone: it reads no date in it (n.d.)",
                      f"Drop the list's dash: write {variable}: {{{part}: {json.dumps(value, ensure_ascii=False)}}},"
                      f" or the date as {variable}: YYYY-MM-DD"))
    return found


def year_map(value: Any) -> bool:
    """A CSL date written as a ``{year, month, day}`` map, without date-parts, raw or literal: pandoc reads it as
    that date in CSL-YAML, and as no date (date-parts [[0]], printed n.d.) in CSL-JSON."""
    return _mapping(value) and "year" in value and not value.keys() & {"date-parts", "raw", "literal"}


def unread_json_dates(item: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(variable, what pandoc reads wrong in it, what to write instead) for each date of a CSL-JSON item written
    as a ``{year, month, day}`` map (citeproc-js's legacy form, ``"issued": {"year": 1993}``): pandoc reads no
    date in it and prints n.d. (LR124)."""
    found = []
    for variable in sorted(item.keys() & DATE_VARIABLES):
        if year_map(value := item[variable]):
            parts = [value.get(k) for k in ("year", "month", "day") if value.get(k) is not None]
            numbers = ", ".join(str(p).strip() if _number(p) else "YYYY" for p in parts) or "YYYY"
            found.append((variable, f"is {json.dumps(dict(value), ensure_ascii=False)}, which pandoc reads as no "
                          "date (it prints n.d.): CSL-JSON gives a date as date-parts, raw or literal",
                          f'Write "{variable}": {{"date-parts": [[{numbers}]]}}'))
    return found


def _whole(value: Any) -> bool:
    """A whole number as pandoc reads one: 2010 or 2010.0, not 2010.5 and not true."""
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())


def _number(value: Any) -> bool:
    """A date part pandoc's parser takes: a whole number, or a string of one ("2014", "06"). Not ``_part``,
    which is the number litreview reads as a date's and refuses one longer than a date's (pandoc takes it)."""
    return _whole(value) or (isinstance(value, str) and value.strip().lstrip("-").isdigit())


def _mapping(value: Any) -> TypeGuard[Mapping[str, Any]]:
    """``isinstance(value, Mapping)``, a JSON object (a dict) told without the ABC's slower look."""
    return type(value) is dict or (type(value) not in _SCALARS and isinstance(value, Mapping))


def _nested(value: Any) -> bool:
    """``isinstance(value, list | Mapping)``, a string (most values) told first."""
    return type(value) is not str and (type(value) is dict or isinstance(value, list | Mapping))


#: types that are never a Mapping (exactly these: a subclass is asked as any other type is)
_SCALARS = frozenset((str, int, float, bool, list, type(None)))


def _json_kind(value: Any) -> str:
    return _JSON_KINDS.get(type(value), "a number")


def _name_list(value: Any) -> list[tuple[Person, str]]:
    """The names of a CSL name variable: a list of objects and strings (a string one literal name, as pandoc
    reads it), or one object alone (as pandoc reads CSL-YAML)."""
    names = value if isinstance(value, list) else [value] if isinstance(value, Mapping | str) else []
    return [csl_name(name if _mapping(name) else {"literal": name})
            for name in names if _mapping(name) or (isinstance(name, str) and name.strip())]


def csl_name(value: Mapping[str, Any]) -> tuple[Person, str]:
    """The Person and its BibTeX form ("{Literal Body}" or "Family, Given"); a part that is a list or an object
    (``refused_value`` reports it in CSL-JSON) is read as none, not printed as Python writes it."""
    name = {k: v for k, v in value.items() if not _nested(v)}
    if name.get("literal") or not (name.get("family") or name.get("given")):
        literal = str(name.get("literal") or "")
        return Person(family=literal), "{" + literal + "}"
    family = str(name.get("family") or "").strip()  # (a given name of one space, "given": " ", is none)
    given = str(name.get("given") or "").strip()
    prefix = " ".join(str(name[k]).strip() for k in ("dropping-particle", "non-dropping-particle") if name.get(k))
    suffix = str(name.get("suffix") or "").strip()
    if not prefix and given:
        prefix, family = _particle(family)
    person = Person(family=family, given=given, prefix=prefix, suffix=suffix)
    if not (given or prefix or suffix) and len(family.split()) > 1:  # a family name alone, of several words ("on
        return person, "{" + family + "}"  # behalf of the Work Group"): BibTeX would read its last word as the family
    written = " ".join(p for p in (prefix, family) if p)
    return person, ", ".join(p for p in (written, suffix, given) if p)


def _particle(family: str) -> tuple[str, str]:
    """(particle, family) of a CSL family name given with no particle: its words in lower case before the last word
    ("de Bruijn" is "de" and "Bruijn"), as citeproc reads them; ('', family) when it has none."""
    words = family.split()
    lower = next((i for i, word in enumerate(words[:-1]) if not word[0].islower()), len(words) - 1)
    return (" ".join(words[:lower]), " ".join(words[lower:])) if lower else ("", family)


def _date(value: Any, yaml: bool = False) -> tuple[int | None, str]:
    """(year, ISO date) of a CSL date: date-parts, raw or literal; or, as pandoc reads them, a plain
    ``issued: 2020`` or ``issued: 2018-03-01`` (YAML makes those a number and a date), or one
    ``{year, month, day}`` map or a list of them. With ``yaml`` (a CSL-YAML item) a raw date is read as
    EDTF alone, as pandoc reads it there: "April 2019" is (None, "April 2019"), no year (pandoc prints n.d.)."""
    if value is None:  # (most items give no accessed or original-date)
        return None, ""
    if isinstance(value, (str, int, date)) and not isinstance(value, bool):
        value = {"raw": value.isoformat() if isinstance(value, date) else str(value)}
    elif year_map(value):
        if not yaml:  # CSL-JSON: pandoc reads it as date-parts [[0]], printed n.d. (LR124, ``unread_json_dates``)
            return None, ""
        value = [value]  # one "{year, month, day}" map, which pandoc reads in CSL-YAML as the list of one below
    if isinstance(value, list) and value and all(_mapping(v) for v in value):
        # Better BibTeX's CSL-YAML: "- year: 2020\n  month: 5" (two items for a range), which pandoc reads
        value = {"date-parts": [[v.get(k) for k in ("year", "month", "day") if v.get(k) is not None] for v in value]}
    if not _mapping(value):
        return None, ""
    parts = value.get("date-parts")
    if value.get("raw"):  # pandoc reads raw first: date-parts beside it are not read
        parts = None
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        ends = [_date_parts(p) for p in parts[:2] if isinstance(p, list)]
        if ends[0]:
            iso = "/".join(_iso(e) for e in ends if e)  # a range [[2005], [2007]]: EDTF 2005/2007, as biblatex has it
            return ends[0][0], iso
    literal = value.get("literal")
    raw = str(value.get("raw") or literal or "")
    read = (edtf_date_parts if yaml else citeproc_date_parts)(raw) if value.get("raw") else None
    if literal is not None and not value.get("raw") and not parts:
        read = underscored_range(str(literal))  # "1628_1821": the range pandoc prints, 1628–1821
    if yaml and value.get("raw") and not read:
        return None, raw
    if read and _plausible(read[:2]):  # "May 2020", "Spring 2019": as pandoc reads them, not as written
        start = next(e for e in read if e)
        return start[0], "/".join(_iso(e) if e else "" for e in read[:2])  # "2005/": open at the end
    match = re.search(r"\b(\d{4})\b", raw)
    if literal_date(value):  # printed as written ("circa 1850"): no date to check, the year to cite by
        return (int(match.group(1)), "") if match else (None, "")
    return (int(match.group(1)), raw) if match else (None, raw)


def literal_date(value: Any) -> str:
    """The text of a CSL date given as a literal ("July 1945 Issue"), which citeproc prints as written in the date's
    place, before any date-parts beside it; '' for a date with none, or with a raw date (which citeproc reads first)."""
    if not _mapping(value) or value.get("raw") or _nested(literal := value.get("literal")) or literal is None:
        return ""
    if not value.get("date-parts") and underscored_range(str(literal)):
        return ""  # "1628_1821", which pandoc reads as a range (``_date``)
    return " ".join(str(literal).split())


def _plausible(ends: list[list[int]]) -> bool:
    """Whether citeproc's reading of a raw date is a date (or a range forwards): "2020-5-3" reads as the
    range 2020 to year 5 and "2020-13-45" as day 45 of spring, which pandoc prints; they are slips."""
    for end in ends:
        year, *rest = end or [1]
        month, day = [*rest, 1, 1][:2]
        if len(rest) == 1 and 13 <= month <= 16:
            continue
        try:
            date(max(year, 1), month, day)
        except (ValueError, OverflowError):  # OverflowError: a year of 20 digits
            return False
    return not (len(ends) == 2 and ends[0] and ends[1] and ends[1] < ends[0])


def _date_parts(parts: list[Any]) -> list[int]:
    """The numbers of one CSL date-parts list, up to the first that is not one."""
    numbers: list[int] = []
    for part in parts:
        number = _part(part)
        if number is None:
            break
        numbers.append(number)
    return numbers


def _iso(numbers: list[int]) -> str:
    """[2008, 3, 1] -> 2008-03-01; a season (CSL's months 13-16) -> EDTF's 21-24; a year BC -> -0350."""
    year, *rest = numbers
    if rest and 13 <= rest[0] <= 16:
        rest = [rest[0] + 8]
    return "-".join([f"-{-year:04d}" if year < 0 else f"{year:04d}"] + [f"{p:02d}" for p in rest[:2]])


def _part(value: Any) -> int | None:
    """One number of a CSL date-parts list: 2001, "2001" or 2001.0 as pandoc reads them; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    # isdecimal, as int() reads ("²" is a digit it refuses); a number longer than a date's is none
    digits = text.removeprefix("-")
    return int(text) if digits.isdecimal() and len(digits) <= MAX_DIGITS else None


_NOTE_LINE = lazy(r"([A-Za-z][A-Za-z-]*):[ \t]*(\S.*)")
"""A line of a note that gives a variable, as Zotero writes the variables its item types lack ("DOI: 10.1/x")."""
_NOTE_BRACED = lazy(r"\{:([A-Za-z][A-Za-z-]*):([^{}\n]*)\}")  # (its value stripped when taken)
"""citeproc-js's older form of one ("{:DOI:10.1/x}"), which pandoc's citeproc reads too."""


def with_note_variables(item: Mapping[str, Any]) -> Mapping[str, Any]:
    """``item`` with the variables its note gives, as pandoc's citeproc reads them: those that open the note (up to
    the first text of another form), each a line "variable: value" or a braced "{:variable:value}" (the next right
    after it: a blank or a line break after one ends them), are taken out of it, and each gives its variable unless
    the item has it (a name variable's, "author: Doe || John", ends them: not read here); the note keeps the rest.
    ``item`` itself when its note opens with no variable."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    taken: dict[str, str] = {}
    at = 0  # where the note's rest begins
    while at < len(note):
        if (found := _NOTE_BRACED.match(note, at)) is not None:
            end = found.end()
        else:
            line_end = note.find("\n", at)
            line_end = len(note) if line_end < 0 else line_end
            found = _NOTE_LINE.fullmatch(note[at:line_end].rstrip())
            end = line_end + 1
        name = _CANONICAL.get(found.group(1).casefold(), found.group(1)) if found else ""
        if found is None or name in NAME_VARIABLES or name == "note" or found.group(2).startswith("//"):
            break
        taken.setdefault(name, found.group(2).strip())
        at = end
    if not taken:
        return item
    out = {**{name: value for name, value in taken.items() if name not in item}, **item}
    if rest := note[at:]:
        out["note"] = rest
    else:
        del out["note"]
    return out


def item_source(item: Mapping[str, Any], filename: str, line: int, key_lines: Mapping[str, int] | None = None,
                *, markdown: bool = False) -> Source:
    """One CSL item as a Source (raises ValueError when it has no id); ``key_lines``: the line of each of
    the item's variables, so that a finding about a field points at the variable it was read from. Its title
    and container are shown without their markup: CSL's rich text, or with ``markdown`` (a CSL-YAML item)
    pandoc Markdown read as pandoc reads it; the fields keep the values as written."""
    key = str(item.get("id") or "").strip()
    if not key:
        raise ValueError("the item has no id")
    item = with_note_variables(item)
    kind = TYPES.get(str(item.get("type") or ""), "misc")
    fields: dict[str, str] = {}
    roles: dict[str, tuple[Person, ...]] = {}
    for role in ("author", "editor", "translator", "collection-editor"):  # (the last the series', kept by its name)
        if item.get(role) is not None:
            pairs = _name_list(item[role])
            roles[role] = tuple(p for p, _ in pairs)
            fields[role] = " and ".join(t for _, t in pairs)
    year, issued = _date(item.get("issued"), markdown)
    if year is not None and year > 0:  # a year BC is the date's alone (-0350, as biblatex writes it)
        fields["year"] = str(year)
    if issued and issued != str(year):
        fields["date"] = issued
    _, accessed = _date(item.get("accessed"), markdown)
    _, original = _date(item.get("original-date"), markdown)
    if original:
        fields["origdate"] = original
    for csl, bib in FIELDS.items():
        if item.get(csl) not in (None, "") and bib not in fields:
            fields[bib] = str(item[csl]).strip()
    if kind not in _SERIES_NUMBERED and item.get("collection-number") not in (None, "") and "number" not in fields:
        fields["number"] = str(item["collection-number"]).strip()
    if item.get("type") in PRESS:  # as pandoc writes them in biblatex: @article, entrysubtype = {newspaper}
        fields.setdefault("entrysubtype", PRESS[str(item["type"])])
    if kind in _ISSUER and fields.get("publisher"):
        fields.setdefault(_ISSUER[kind], fields["publisher"])
    written = str(item.get("container-title") or "").strip()
    shown = markdown_plain if markdown else json_plain
    container = shown(written).strip()
    if written:
        fields[_CONTAINER.get(kind, "howpublished" if kind == "online" else "journal")] = written
    if item.get("page"):
        fields["pages"] = page_range(str(item["page"]))
    if accessed:
        fields["urldate"] = accessed
    return Source(
        key=key, type=kind, authors=roles.get("author", ()), editors=roles.get("editor", ()), year=year,
        title=shown(fields.get("title", "")), container=container, publisher=shown(fields.get("publisher", "")),
        volume=fields.get("volume", ""), number=fields.get("number", ""), pages=str(item.get("page") or ""),
        doi=entry_doi(fields.get("doi", ""), fields.get("url", ""), kind), url=fields.get("url", ""), urldate=accessed, fields=fields, file=filename,
        line=line, field_lines=_field_lines(item, fields, key_lines or {}), csl_type=str(item.get("type") or ""),
        csl_issue=str(item.get("issue") or "").strip() if not _nested(item.get("issue")) else "",
        date_literal=literal_date(item.get("issued")),
    )


def without_rich_text(value: str) -> str:
    """A CSL-JSON value without CSL's rich-text tags (``<i>``, ``<sub>``, small caps and nocase spans...)."""
    return _RICH_TEXT.sub("", value) if "<" in value else value  # each tag opens with "<"


def json_plain(value: str) -> str:
    """A CSL-JSON title as pandoc shows it: its text without the rich-text tags, its quotes curly."""
    return smart_quotes(without_rich_text(value))


def csl_plain(value: str, form: str) -> str:
    """A CSL item's text value as pandoc shows it, by the form of its file (``csl.csl_form_of``): CSL-YAML's as
    pandoc Markdown (``markdown_plain``), CSL-JSON's without its rich-text tags (``json_plain``)."""
    return markdown_plain(value) if form == "yaml" else json_plain(value)


#: BibTeX field -> the CSL variables it is read from, the first present winning (as in ``item_source``).
_VARIABLES: dict[str, tuple[str, ...]] = {
    **{bib: tuple(csl for csl, b in FIELDS.items() if b == bib) for bib in FIELDS.values()},
    "author": ("author",), "editor": ("editor",), "translator": ("translator",),
    "collection-editor": ("collection-editor",), "year": ("issued",),
    "date": ("issued",), "urldate": ("accessed",), "origdate": ("original-date",), "pages": ("page",), "institution": ("publisher",),
    "school": ("publisher",), "number": (*(csl for csl, b in FIELDS.items() if b == "number"), "collection-number"),
    **dict.fromkeys((*_CONTAINER.values(), "howpublished"), ("container-title",))}


def _field_lines(item: Mapping[str, Any], fields: Mapping[str, str], key_lines: Mapping[str, int]) -> dict[str, int]:
    """Each field's line: the line of the CSL variable it was read from (a field whose line is unknown left out)."""
    lines: dict[str, int] = {}
    for name in fields if key_lines else ():
        for v in _VARIABLES.get(name, ()):  # the first variable written with a value (a loop: asked of every field)
            if v in key_lines and item.get(v) not in (None, ""):
                lines[name] = key_lines[v]
                break
    if "issued" in key_lines and "year" not in fields and "date" not in fields and item.get("issued") is not None:
        lines["date"] = key_lines["issued"]  # given but read as no date: the line LR124 points at
    return lines


def unknown_type(item: Mapping[str, Any], filename: str, line: int) -> Finding | None:
    """LR102 for an item whose type CSL does not define (a Crossref or BibTeX type, a misspelling), with the type
    meant when it can be told."""
    kind = item.get("type")
    if not isinstance(kind, str) or not kind or kind in CSL_ITEM_TYPES:
        return None
    from ..text import closest_name

    folded = kind.strip().lower().replace("_", "-")
    meant = _TYPE_FOR.get(folded) or next((t for t in CSL_ITEM_TYPES if t.replace("_", "-") == folded), None)
    meant = meant or closest_name(kind, sorted(CSL_ITEM_TYPES))
    return Finding(code="LR102", severity="warning", message=f"unknown CSL type {kind!r} (styles print the item "
                   "as a generic one)",
                   hint=(f"Write {meant!r}, the CSL type" if meant else
                         "Use a CSL type such as article-journal, book, chapter, paper-conference, report, thesis, "
                         "webpage or document"),
                   key=str(item.get("id") or "") or None, file=filename, line=line)


_OTHER_NAMES = {"container": "container-title", "journal": "container-title", "journal-title": "container-title",
                "booktitle": "container-title", "published": "issued", "date": "issued", "year": "issued",
                "pages": "page", "address": "publisher-place", "institution": "publisher"}
"""A key that is no CSL variable but another format's (or a guess's) name for one -> the CSL variable it means."""
_OTHER_KEYS = frozenset(_OTHER_NAMES)


def misnamed_variables(item: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(key, CSL variable meant) for each key of an item that names a CSL variable as another format does
    ("container" for container-title, "published" for issued), which pandoc ignores, when the item does not have
    that variable too."""
    if _OTHER_KEYS.isdisjoint(item):  # (most items)
        return []
    return [(key, meant) for key, meant in _OTHER_NAMES.items()
            if key in item and meant not in item and item[key] not in ("", None, [], {})]
