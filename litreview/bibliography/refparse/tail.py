"""The part of a reference after its title: container, numbers, place, publisher, dates.

Also where sentences end in a reference string (abbreviations and initials do not end one).
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Person
from . import fields as F
from .lexicon import MONTHS
from .names import is_initials, scan_names, split_person

#: words after which a period does not end a sentence
_ABBREVIATIONS = {"vol", "no", "nos", "pp", "p", "ed", "eds", "ch", "chap", "rev", "trans", "comp", "repr",
                  "st", "dr", "mr", "mrs", "ms", "jr", "sr", "inc", "ltd", "co", "corp", "univ", "dept",
                  "vs", "etc", "al", "e.g", "i.e", "cf", "ca", "n.d", "fig", "ser", "suppl", "pt", "diss",
                  "op", "cit", "ibid", "ff", "approx", "est", "misc", "tr", "u.a"}
#: the blanks after a sentence's closing mark (group 1), before what is not a blank or a lower-case letter
_BOUNDARY = re.compile(r"[.?!](\s+)(?=[^\sa-z])")
_CHAPTER = re.compile(
    r"^(?:Chap(?:ter|\.)\s*(?P<chap>\S+)\s+)?[Ii]n:?\s+(?P<body>.+)$")
_EDITED_BY = re.compile(r"[,.]?\s*(?:edited by|eds?\. by|Eds?\.)\s+(?P<eds>.+?)(?=,\s*(?:\d|pp?\.)|$)")
#: a sentence that is the editors or translators of the work ("Edited by ...", "Trans. by ...")
_EDITED_BY_HEAD = re.compile(r"^(?:Edited|Ed\.|Eds\.)\s+by\s+(.+)$", re.I)
_TRANSLATED_BY_HEAD = re.compile(r"^(?:Translated|Trans\.)\s+by\s", re.I)
_APA_EDS = re.compile(r"^(?P<eds>.+?)\s*\((?:Eds?|eds?|Hrsg|dir)\.?\),?\s*(?P<book>.+)$")
# The pages start where their run of digits starts (the same leftmost match; tried at every digit of a
# long run, the search was quadratic).
_PAGES_AT_END = re.compile(
    r",?\s*\(?(?:Vol\.\s*(?P<vol>\w+),\s*)?(?:pp?\.\s*)?(?P<pages>(?<!\d)\d+\s*[-–—]+\s*\d+)\)?$")
#: a book's volume closing a chapter's "In" sentence, maybe with the book's publisher after it, which sentence_end
#: reads no sentence's end ("In Obras Reunidas, 3rd ed., vol. 2. Contraponto")
_CONTAINER_VOLUME = re.compile(r",\s*(?:vol\.|volume)\s+(?P<vol>\w+)(?:\.\s+(?P<pub>[^.\s][^.]{0,200}))?$", re.I)
#: a book's edition after its title in a chapter's "In" sentence ("In Obras Reunidas, 3rd ed., vol. 2"): a journal has none
_BOOK_EDITION = re.compile(r",\s*(?P<ed>\d{1,2}(?:st|nd|rd|th))\s+ed(?:ition|\.)(?=,|$)")
_TRAILING_PLACE = re.compile(r",\s*(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*)?,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)$")
ABBREVIATED_JOURNAL = re.compile(
    r"^(?!(?:No|Vol|Pp?|Chap|Ch|Ed|Eds)\.)(?:[A-Z][A-Za-z]{0,11}\.\s+)(?:(?:[A-Z][A-Za-z]*\.?,?|of|and|&)\s+){0,5}?"
    r"(?=\d|\(\d)")
_EDITION_FIRST = re.compile(
    r"^(?:(?P<ed>\d+(?:st|nd|rd|th)|Rev\.?|Revised|[A-Z][a-z]+)\s+ed(?:ition|\.)?,\s*"
    # "2nd ed. New York: Penguin": "ed." is an abbreviation, so no sentence ended after it
    r"|(?P<ed2>\d+(?:st|nd|rd|th)|Rev\.?|Revised|(?:Second|Third|Fourth|Fifth|Sixth|New|Expanded)"
    r")\s+ed(?:ition|\.)\s+(?=[A-Z]))")
#: "PhD diss., Yale University", "Doctoral dissertation, University of Michigan": a thesis and its school.
THESIS = re.compile(
    r"^(?P<kind>Ph\.?\s?D\.?|Doctoral|Master['’]?s|M\.?A\.?|M\.?Sc\.?|MPhil)\s+"
    r"(?:thesis|diss\.?|dissertation)(?:,\s*(?P<school>.+))?$", re.I)
#: APA 7's other bracketed descriptions ("[Data set]", "[Computer software]", "[Unpublished manuscript]",
#: "[Conference presentation]"): what the work is, so its entry type; never its title, container or publisher.
DESCRIPTION = re.compile(
    r"^\[?(?:(?P<unpublished>Unpublished (?:manuscript|paper|raw data|data|report)|Manuscript "
    r"(?:submitted for publication|in preparation|under review|in press))|Data ?set|Computer (?:software|program)|"
    r"Software|Mobile app|Preprint|(?:Video|Audio|Data) file|Video|Audio(?: podcast)?|Podcast(?: episode)?|Blog post|Webinar|Infographic|Press release|"
    r"Fact sheet|Lecture notes|Slides|PowerPoint slides|(?:Conference|Paper|Poster) (?:presentation|session)|"
    r"Keynote (?:address|presentation)|Symposium|Panel (?:discussion|presentation)|Workshop)"
    r"(?:,\s*[^\[\]]+)?\]?\.?$", re.I)


def description_type(text: str) -> str:
    """The entry type an APA bracketed description gives ("unpublished", "misc"), or "" when it is none."""
    m = DESCRIPTION.match(text.strip())
    return "" if m is None else "unpublished" if m.group("unpublished") else "misc"


_REPORT = re.compile(
    r"^(?P<kind>(?:Technical|Tech\.|Research|Working|Policy|Discussion|Occasional|White)\s+"
    r"(?:[Rr]eport|[Pp]aper|[Nn]ote)s?|Report|Working Paper|No\.)"
    r"(?:\s*(?:No\.|Number|#)?\s*(?P<num>[\w.-]*\d[\w.-]*))?(?:,\s*(?P<inst>.+))?$")
_EDITION = re.compile(r"^(?P<ed>\d+(?:st|nd|rd|th)|[A-Z][a-z]+|Rev(?:ised)?\.?)\s+(?:ed\.?|edition)$", re.I)
_TRAILING_DATE = re.compile(
    rf",\s*(?:{F.MONTH}[-–])?(?P<date>{F.MONTH}(?:\s+\d{{1,2}})?(?:,?\s*{F.YEAR})?)$")
_PAGES_ONLY = re.compile(r"^(?:pp?\.\s*)?\d+\s*[-–—]+\s*\d+$")
_NUMBERS_FIRST = re.compile(r"^(?:\d|pp?\.\s*\d|vol\.|no\.)", re.I)
_VOLUME_OR_PAGES = re.compile(r"\((?:vol|pp?)\.", re.I)
_PUBLISHER_COMMA_YEAR = re.compile(rf"^(?P<pub>.+?),\s*(?P<year>{F.YEAR})$")
_CITY_STATE = re.compile(r",\s*(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*)?,\s*(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.))$")
_NAME_SEPARATORS = re.compile(r",\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+")


def starts_tail(text: str) -> bool:
    """The text opens with a journal's numbers or place and publisher: what follows a title."""
    segs = split_sentences(text.strip())
    if not segs:
        return False
    first = segs[0]
    start = F.numbers_start(first)
    if start is not None and start > 0 and ((n := F.parse_numbers(first[start:])).volume or n.pages):
        return True
    return F.parse_pubfacts(first) is not None


def plain(seg: str) -> bool:
    """Words only: no numbers, no "Place: Publisher", no "In ..."."""
    return (not F.DIGIT.search(seg) and F.parse_pubfacts(seg) is None and not _CHAPTER.match(seg)
            and not THESIS.match(seg) and not _REPORT.match(seg) and not DESCRIPTION.match(seg))


def sentence_end(text: str) -> int:
    """Offset just past the first sentence (its closing punctuation included)."""
    for m in _BOUNDARY.finditer(text):
        at = m.start(1)
        before = text[max(0, at - 200): at].split()  # the word before; bounded: linear
        word = before[-1].lstrip("([") if before else ""
        core = word.rstrip(".").lower()
        if word.endswith(".") and (core in _ABBREVIATIONS or is_initials(word) or len(core) == 1):
            continue
        if core.isdigit() and int(core) <= 31 and word == before[-1] and _next_word(text, m.end()) in MONTHS:
            continue  # a day before its month, as German prints it ("vom 18. Juli 2011"): no sentence's end (a date in
            # brackets, "(22. Februar 2021)", is a date of its own)
        return at
    return len(text)


def _next_word(text: str, at: int) -> str:
    """The word from ``at`` on, its punctuation stripped, in lower case."""
    word = text[at:at + 40].split(maxsplit=1)
    return word[0].strip(".,;:").casefold() if word else ""


def split_sentences(text: str) -> list[str]:
    """Segments of the tail; a segment that starts with numbers continues the one before."""
    parts: list[str] = []
    while text:
        cut = sentence_end(text)
        parts.append(text[:cut].strip().rstrip(".").strip())
        text = text[cut:].strip()
    merged: list[str] = []
    for part in parts:
        if (merged and _NUMBERS_FIRST.match(part) and F.parse_date(part) is None
                and not _PAGES_ONLY.match(part)):
            merged[-1] = f"{merged[-1]}. {part}"
        else:
            merged.append(part)
    return [p for p in merged if p]


def parse_tail(tail: str, quoted: bool, f: dict[str, Any], uncertain: list[str]) -> None:
    """Container, numbers, place, publisher and dates from what follows the title."""
    leftovers: list[str] = []
    if ABBREVIATED_JOURNAL.match(tail) and _journal_like(tail, f):
        return  # "J. Am. Chem. Soc. 2010, 132, 1218-1219": abbreviations are not sentence ends
    plain = ""  # a segment taken as the publisher, which numbers after it show to be a journal
    for seg in split_sentences(tail):
        seg = seg.strip(" ,;")
        if not seg:
            continue
        if (m := _EDITION_FIRST.match(seg)) is not None:
            f["edition"], seg = m.group("ed") or m.group("ed2"), seg[m.end():]
        if not seg:
            continue
        if (date := F.parse_date(seg)) is not None:
            _set_date(f, date)
        elif _PAGES_ONLY.match(seg) and not f.get("pages"):
            f["pages"] = F.dash(seg)
        elif (m := _CHAPTER.match(seg)) is not None and not f.get("container"):
            body = m.group("body")
            if not (_EDITED_BY.search(body) or _APA_EDS.match(body) or _VOLUME_OR_PAGES.search(body)
                    or _BOOK_EDITION.search(body)) and _journal_like(body, f):
                continue  # "in Politix, 10, 39 (1997), pp. 65-85": a journal after all
            _parse_chapter(body, f)
            f["_chapter"] = True
        elif (m := _EDITED_BY_HEAD.match(seg)) is not None:
            f["editors"] = _names(m.group(1))
        elif _TRANSLATED_BY_HEAD.match(seg):
            leftovers.append(seg)
        elif (m := THESIS.match(seg)) is not None:
            f["_kind"] = "mastersthesis" if m.group("kind")[0] in "Mm" else "phdthesis"
            if m.group("school"):
                _publisher_part(m.group("school"), f)
        elif kind := description_type(seg):  # "[Data set]": the entry type, and the note says what it is
            f["_kind"] = kind
            f["note"] = "; ".join(x for x in [f.get("note", ""), seg.strip("[]")] if x)
        elif (m := _REPORT.match(seg)) is not None and (m.group("num") or m.group("kind") != "No."):
            f["_report"] = True
            f["number"] = m.group("num") or ""
            if m.group("inst") and F.is_place(m.group("inst")):
                f["place"] = m.group("inst")
            elif m.group("inst"):
                _publisher_part(m.group("inst"), f)
        elif (m := _EDITION.match(seg)) is not None:
            f["edition"] = m.group("ed")
        elif seg.startswith("(") and seg.endswith(")") and F.is_place(seg):
            f["place"] = seg.strip("()")
        elif (pub := F.parse_pubfacts(seg)) is not None and not (quoted and not f.get("container")
                                                                  and not pub.year):
            f["place"] = f.get("place") or pub.place
            f["publisher"] = f.get("publisher") or pub.publisher
            if pub.year and not f.get("year"):
                f["year"] = pub.year
        elif _journal_like(seg, f, plain):
            plain = ""
        elif F.is_place(seg) and "," in seg and not f.get("place"):
            f["place"] = seg
        elif quoted and not f.get("container"):
            _container_part(seg, f)
        elif (not f.get("publisher") and not quoted) or (f.get("container") and not f.get("publisher")):
            _publisher_part(seg, f)
            plain = f.get("publisher", "") if not f.get("container") else ""
        else:
            leftovers.append(seg)
    if leftovers:
        f["note"] = "; ".join(x for x in [f.get("note", ""), *leftovers] if x)
        uncertain.append("note")  # printed words that fit no field: a field may be missing


def _set_date(f: dict[str, Any], date: F.Date) -> None:
    if date.year and not f.get("year"):
        f["year"] = date.year
    if date.month and not f.get("month"):
        f["month"], f["day"] = date.month, date.day


def _publisher_part(text: str, f: dict[str, Any]) -> None:
    """"Yale University", "Oxford University Press, 2005", "Washington, DC: Rand"."""
    pub = F.parse_pubfacts(text)
    if pub is not None:
        f["place"] = f.get("place") or pub.place
        f["publisher"] = f.get("publisher") or pub.publisher
        if pub.year and not f.get("year"):
            f["year"] = pub.year
        return
    m = _PUBLISHER_COMMA_YEAR.match(text)
    if m:
        text = m.group("pub")
        f["year"] = f.get("year") or m.group("year")
    text, placed = _take_date_and_place(text, f)  # "Academic Press, London, United Kingdom"
    if not placed and (m := _CITY_STATE.search(text)):
        f["place"], text = m.group("place"), text[: m.start()]
    f["publisher"] = f.get("publisher") or text.strip()


def _container_part(text: str, f: dict[str, Any]) -> None:
    """A container without numbers, maybe with a date: "openDemocracy, June 27"."""
    text, _ = _take_date_and_place(text, f)  # "... Annual Meeting, Milwaukee, WI"
    f["container"] = text.strip()


def _take_date_and_place(text: str, f: dict[str, Any]) -> tuple[str, bool]:
    """Move a trailing date, then a trailing place, from ``text`` into ``f``; True if a place was taken."""
    m = _TRAILING_DATE.search(text)
    if m and (date := F.parse_date(m.group("date"))) is not None:
        _set_date(f, date)
        text = text[: m.start()]
    m = _TRAILING_PLACE.search(text)
    if m and not f.get("place"):
        f["place"], text = m.group("place"), text[: m.start()]
        return text, True
    return text, False


def _journal_like(seg: str, f: dict[str, Any], previous: str = "") -> bool:
    """"Security Studies 14, no. 3 (2005): 448-88" and the like; True when it fitted.

    ``previous`` is a segment just taken as the publisher: bare numbers after it make it the journal.
    """
    m = _TRAILING_DATE.search(seg)
    if m and F.parse_date(m.group("date")) is not None and not F.DIGIT.search(seg, 0, m.start()):
        return False  # "openDemocracy, June 27": a date, not volume 27
    start = F.numbers_start(seg)
    if start is None:
        return False
    numbers = F.parse_numbers(seg[start:])
    if not (numbers.volume or numbers.pages or numbers.issue):
        return False
    container = seg[:start].strip().rstrip(",").strip()
    m = _TRAILING_DATE.search(container)
    if m and (date := F.parse_date(m.group("date"))) is not None:
        _set_date(f, date)
        container = container[: m.start()].strip()
    if not container and previous and f.get("publisher") == previous and not f.get("container"):
        container = previous
        del f["publisher"]
    if not container or (f.get("container") and container != f["container"]):
        return False
    f["container"] = container
    for name in ("volume", "issue", "pages"):
        if getattr(numbers, name) and not f.get(name):
            f[name] = getattr(numbers, name)
    if numbers.year and not f.get("year"):
        f["year"] = numbers.year
    if numbers.month and not f.get("month"):
        f["month"] = numbers.month
    return True


def _parse_chapter(body: str, f: dict[str, Any]) -> None:
    """"Book Title, edited by A and B, 12-34" or APA "A. Editor (Ed.), Book (pp. 1-2)"."""
    m = _APA_EDS.match(body)
    if m:
        eds = m.group("eds")
        inverted = scan_names(eds)  # "Smith, R. (ed.)": one name, inverted
        whole = inverted is not None and inverted.end >= len(eds.rstrip(". ")) - 1
        f["editors"] = inverted.persons if whole and inverted is not None else _names(eds)
        body = m.group("book")
    m = _PAGES_AT_END.search(body)
    if m:
        if m.group("vol"):
            f["volume"] = m.group("vol")
        f["pages"] = F.dash(m.group("pages"))  # the group holds no blank at either end
        body = body[: m.start()]
    m = _EDITED_BY.search(body)
    if m:
        f["editors"] = _names(m.group("eds"))
        body = body[: m.start()]
    m = _CONTAINER_VOLUME.search(body)
    if m:
        f["volume"] = m.group("vol")
        if m.group("pub"):
            _publisher_part(m.group("pub"), f)
        body = body[: m.start()]
    m = _BOOK_EDITION.search(body)
    if m and m.end() == len(body) and not f.get("edition"):
        f["edition"] = m.group("ed")
        body = body[: m.start()]
    m = _TRAILING_PLACE.search(body)
    if m and not f.get("place"):
        f["place"] = m.group("place")  # "In 14th World Conference on ..., Beijing, China."
        body = body[: m.start()]
    f["container"] = body.strip().rstrip(",").strip()


def _names(text: str) -> tuple[Person, ...]:
    """Names in reading order ("Michael Cox, G. John Ikenberry, and Takashi Inoguchi")."""
    parts = [p for p in _NAME_SEPARATORS.split(text.strip().rstrip(".")) if p]
    return tuple(split_person(p, inverted=False) for p in parts)
