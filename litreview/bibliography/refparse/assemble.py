"""Turn the tagger's labelled tokens into a ParsedReference, reusing the rule parser's normalisers
(names into family/given, page ranges, dates, DOIs), and mark fields the model is unsure of.

A field's confidence is the lowest marginal probability of its label over its tokens, lowered
further when a neighbouring token may belong to it too (the span's edges are in doubt).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import groupby
from operator import attrgetter
from typing import NamedTuple

from . import fields as F
from .bracket import close_bracket, lift_descriptions, lift_thesis
from .reference import ParsedReference
from .relabel import relabel
from .rules import REPEATED
from .span_fields import (
    IN_HEAD,
    after_colon,
    clean_span,
    clean_title,
    container_name,
    persons,
    span_edition,
    span_pages,
    span_pubfacts,
    split_quoted,
)
from .tagger import Tagged
from .tail import THESIS, description_type

#: Below this confidence a field is reported unsure; chosen by cross-validation on the training
#: set (bench/eval_refparse.py --tune), never on the evaluation sets.
THRESHOLD = 0.81
#: How a span's confidence is read from its tokens' marginals: "min" (the least sure token or
#: edge) or "sum" (one minus the doubts added up); chosen by cross-validation like the threshold.
CONFIDENCE = "min"

#: model label -> ParsedReference field
FIELD_OF = {"author": "authors", "editor": "editors", "translator": "note", "title": "title",
            "journal": "container", "container": "container", "collection": "note", "date": "year",
            "volume": "volume", "pages": "pages", "publisher": "publisher", "location": "place",
            "edition": "edition", "genre": "note", "note": "note", "url": "url", "doi": "doi", "isbn": "isbn"}

_RANGE = re.compile(r"\d\s*[-–—]+\s*[A-Za-z]?\d")
_NUMBER = re.compile(r"(?i)^(?:(?:technical |working |research )?(?:report|paper)\s+)?(?:no\.|number|nr\.)\s*"
                     r"([\w.-]*\d[\w.-]*)\.?$")
_ISBN = re.compile(r"(?:97[89][-\s]?)?\d[-\d\s]{7,14}[\dXx]")
_BALANCED_PLACE = re.compile(r"^[^()]+\([^()]+\)$")  # "Treasure Island (FL)": the state's parentheses kept
_PARENTHESISED = re.compile(r"\([^()]+\)")
_CLOSING_RANGE = re.compile(r",\s*((?:\d+:)?\d+\s*[-–]\s*\d+)\W*$")
#: a month's name and a day after the last comma ("Site, Juli 27"), as citeproc prints a web article's date
_CLOSING_DAY = re.compile(r",\s*([^\W\d_]{3,}\.?\s+\d{1,2})\W*$")
_IN = re.compile(r"(?i)in\b")
_DASH = re.compile(r"[-–—]")
#: A volume and its issue joined by a dash with nothing else in the span ("31-1,"), where the two numbers run backwards
#: even as Chicago shortens a range ("229–30"; "Journal, 9-1, 2022."), or where the model read the pages in a span of
#: their own after it and the two make no range or those pages open with their label ("Journal, 12-3, 2000,
#: p. 257-264."): no pages.
_VOLUME_ISSUE = re.compile(r"^\s*(\d{1,4})\s*[-–]\s*(\d{1,4})\s*[.,;]?\s*$")
#: a span that opens with a page's label ("p. 257-264.", "pp. 5–9", "S. 12")
_LABELLED_PAGES = re.compile(rf"(?i)\s*(?:{F.PAGE_LABEL})\s*[A-Za-z]?\d")
_YEAR_FIRST = re.compile(rf"^\(?({F.YEAR})\b")
_THESIS_WORD = re.compile(r"th[eè]s[ei]s|dissertation|diss\b|tese|tesis")
_MASTERS_WORD = re.compile(r"master|m\.?a\.|m\.?sc|mémoire")
_REPORT_WORD = re.compile(r"report|working paper|paper|rapport|bericht|informe")
_ACCESS_WORDS = re.compile(r"(?i)(?:retrieved|available|accessed)(?: from| at| on)?:?")


class Segment(NamedTuple):
    """Consecutive tokens with one label."""

    label: str
    text: str
    confidence: float
    """The least sure token or edge (the CRF's marginals)."""
    mean: float = 1.0
    """Mean marginal of the span's labels."""
    edge: float = 0.0
    """The larger of the probabilities that a neighbour outside the span belongs to it."""
    size: int = 1
    """Tokens in the span."""
    rival: str = ""
    """The next most likely label of the least sure token, where it is in doubt."""


def segments(tagged: Sequence[Tagged], text: str) -> list[Segment]:
    out: list[Segment] = []
    new = tuple.__new__  # Segment(...) without its Python-level __new__
    for label, group in groupby(tagged, _LABEL_OF):
        run = list(group)
        first, last = run[0], run[-1]
        probs = [t.prob for t in run]
        least = min(probs)
        if CONFIDENCE == "sum":  # union bound on the span being exactly this: one minus the summed doubts
            conf = max(0.0, 1.0 - sum(1.0 - p for p in probs) - first.before - last.after)
        else:
            conf = min(least, 1.0 - first.before, 1.0 - last.after)
        size = len(run)
        out.append(new(Segment, (label, text[first.token.start:last.token.end], conf, sum(probs) / size,
                                 max(first.before, last.after), size, run[probs.index(least)].rival)))
    return out


_LABEL_OF = attrgetter("label")


#: labels a doubted span may give way to its rival container for (not the title, date or identifiers)
_YIELDING = frozenset(("author", "editor", "genre", "note"))


def _rival_container(segs: list[Segment]) -> list[Segment]:
    """After the title, a run of doubted spans that have the container (or journal) as rival (the first
    one at least; after it a doubted author span whatever its rival) and hold a second author span, in a
    reading with no container at all, is read as that container: "“Title.” THE PROJECT NAME." whose
    capitals the model half took for a name (the second author span would be dropped). Never met on
    5-fold cross-validation of the training set (no F1 change there); it keeps a container of the
    essay's hand-reviewed import that the retrained model reads so."""
    if any(seg.label in ("container", "journal") for seg in segs):
        return segs
    start = next((k + 1 for k, seg in enumerate(segs) if seg.label == "title"), None)
    if start is None:
        return segs
    end = start
    while end < len(segs) and segs[end].label in _YIELDING and (segs[end].rival in ("container", "journal") or (
            end > start and segs[end].label == "author" and segs[end].rival)):
        end += 1
    run = segs[start:end]
    if not any(seg.label == "author" for seg in run):  # without a second author span: 12 of the 1,514, most wrong
        return segs
    merged = Segment(run[0].rival, " ".join(seg.text for seg in run), min(seg.confidence for seg in run),
                     sum(seg.mean * seg.size for seg in run) / sum(seg.size for seg in run),
                     max(seg.edge for seg in run), sum(seg.size for seg in run), run[0].label)
    return [*segs[:start], merged, *segs[end:]]


def _chapter_container(segs: list[Segment]) -> list[Segment]:
    """"'Title', in Smith, R. (ed.) Book": a second title span after an editor span opened by "in" is
    the book the chapter is in (Harvard), when no container span was read."""
    if any(seg.label in ("container", "journal") for seg in segs):
        return segs
    titles = [k for k, seg in enumerate(segs) if seg.label == "title"]
    if len(titles) != 2 or titles[1] < 2:
        return segs
    before = segs[titles[1] - 1]
    if before.label != "editor" or not _IN.match(before.text.strip()):
        return segs
    return [*segs[:titles[1]], segs[titles[1]]._replace(label="container"), *segs[titles[1] + 1:]]


def _range_end(start: str, end: str) -> int:
    """The last number of "start–end", its end shortened as Chicago prints it ("229–30": 230, "12–3": 13)."""
    return int(start[:max(len(start) - len(end), 0)] + end)


def _ascending(start: str, end: str) -> bool:
    """Whether "start–end" reads as a range of pages, the end shortened as Chicago prints it ("229–30", "12–3")."""
    return _range_end(start, end) > int(start)


def _backwards(start: str, end: str) -> bool:
    """Whether "start–end" runs backwards however shortened ("9-1", "31-1"): a volume and its issue, no range of pages
    (a single page's "14–14" is one)."""
    return _range_end(start, end) < int(start)


def assemble(raw: str, text: str, tagged: Sequence[Tagged], threshold: float = THRESHOLD) -> ParsedReference:
    """The fields of one tagged reference; ``text`` is the whitespace-normalised string tagged."""
    segs = segments(relabel(tagged, text), text)
    segs = _chapter_container(close_bracket(lift_thesis(lift_descriptions(_rival_container(segs)))))
    first: dict[str, Segment] = {}
    repeated: set[str] = set()
    for seg in segs:
        if seg.label in first:
            repeated.add(seg.label)
        else:
            first[seg.label] = seg
    f: dict[str, object] = {}
    conf: dict[str, float] = {}
    evidence: dict[str, tuple[float, ...]] = {}
    rivals: dict[str, str] = {}
    notes: list[str] = []
    spill: list[str] = []
    late_years: list[tuple[str, Segment]] = []

    def put(name: str, value: object, seg: Segment) -> None:
        if value and not f.get(name):
            f[name] = value
            conf[name] = min(conf.get(name, 1.0), seg.confidence)
            evidence.setdefault(name, (seg.confidence, seg.mean, seg.edge, float(seg.size)))
            rivals.setdefault(name, seg.rival)

    for seg in segs:
        label = seg.label
        if label == "author" and seg is first[label] and REPEATED.match(seg.text):
            f["note"] = "same author(s) as the entry above"  # "———.": parse_references fills them in
            conf["authors"] = 0.0
        elif label == "author" and seg is first[label]:
            people, et_al = persons(seg.text)
            put("authors", people, seg)
            f["et_al"] = et_al
        elif label == "editor" and seg is first[label]:
            people, et_al = persons(seg.text)
            put("editors", people, seg)
            if not f.get("authors"):
                f["et_al"] = et_al
        elif label == "title" and seg is first[label]:
            title, after = split_quoted(seg.text)
            put("title", clean_title(title), seg)
            if after:  # “Title.” Container: a closed quote ends a title whatever the model says
                spill.append(after)
        elif label in ("journal", "container") and "container" not in f:
            put("container", container_name(seg.text), seg)
        elif label == "date" and f.get("year"):
            date = F.parse_date(clean_span(seg.text).strip("()[] "))
            if date is not None and date.month and not f.get("month") and date.year in ("", f["year"]):
                f["month"], f["day"] = date.month, date.day  # "2020. ... Harbour Notes, January 14."
        elif label == "date":
            years = F.YEAR_RE.findall(seg.text)
            if not years and not f.get("month") and (date := F.parse_date(clean_span(seg.text).strip("()[] "))):
                f["month"], f["day"] = date.month, date.day  # "(March)" in place of an issue
            if years:
                put("year", years[0], seg)
                date = F.parse_date(clean_span(seg.text).strip("()[] "))
                if date is not None and date.month:
                    f["month"], f["day"] = date.month, date.day
        elif label == "volume" and (not f.get("volume") or _YEAR_FIRST.match(seg.text)):
            numbers = F.parse_numbers(seg.text)  # "2014;40(9):1477-81": year, volume, issue, pages
            if (m := _VOLUME_ISSUE.match(seg.text)) and (_backwards(*m.groups()) or ("pages" in first and (
                    not _ascending(*m.groups()) or _LABELLED_PAGES.match(first["pages"].text)))):
                numbers = F.Numbers(volume=m.group(1), issue=m.group(2))  # "Journal, 31-1, 2004, p. 51-72."
            bare = not (numbers.volume or numbers.issue or numbers.pages)  # "(Vol. 4)." is "Vol. 4"
            put("volume", numbers.volume or (clean_span(seg.text).rstrip(".").strip("()") if bare else ""), seg)
            put("issue", numbers.issue, seg)
            if numbers.month and not f.get("month"):  # "67 (March)"
                f["month"] = numbers.month
            # a range, or an article's number after the colon that closes the run ("2020;11(1):1234.", "2019;364:l1234"):
            # a bare number elsewhere in the run may be a volume's or an issue's; so is the one after the colon where
            # the pages follow in a span of their own (McGill's "(2014) 89:9 Physical Review B 094104.")
            put("pages", numbers.pages if _DASH.search(numbers.pages or "")
                or (after_colon(numbers.pages, seg.text) and "pages" not in first) else "", seg)
            if (m := _YEAR_FIRST.match(seg.text)) is not None:  # "2014;40(9):1477-81"
                late_years.append((m.group(1), seg))
        elif label == "pages" and not f.get("volume") and (m := _VOLUME_ISSUE.match(seg.text)) \
                and _backwards(*m.groups()):  # "Journal, 9-1, 2022."
            put("volume", m.group(1), seg)
            put("issue", m.group(2), seg)
        elif label == "pages":
            pages = span_pages(seg.text)
            if _RANGE.search(pages) and f.get("pages") and not _RANGE.search(str(f["pages"])):
                for read in (f, conf, evidence, rivals):  # "10, 39 (1997), pp. 65-85": the range is the pages
                    read.pop("pages", None)
            put("pages", pages, seg)
        elif label == "publisher":
            pub = span_pubfacts(seg.text)
            if pub is not None and pub.place:
                named, _, name = pub.publisher.rpartition(";")  # MDPI's "Eds.; Series; Publisher: Place, Year;"
                if named.strip():
                    notes.append(named.strip())
                put("place", pub.place, seg)
                put("publisher", name.strip(), seg)
            elif series := F.series_then_publisher(clean_span(seg.text)):  # "Yale fastback, Yale University Press"
                if f.get("title"):
                    notes.append(series[0])
                else:  # the model read a title closed by its comma as the publisher's words: "Title, Scolar Press."
                    put("title", series[0], seg)
                put("publisher", series[1], seg)
            else:  # Frontiers' "eds. C. Roe and H. Moe (Carl Hanser Verlag), 10–16.": the name without its parentheses
                publisher = clean_span(seg.text).rstrip(".")
                publisher = publisher[1:-1] if _PARENTHESISED.fullmatch(publisher) else publisher
                # a known place printed alone after a book's name and its editors ("In Livre, édité par Marin Dacos.
                # Marseille."): citeproc's address of a chapter with no publisher; a book's ("Title 2, Oxford, 1999.")
                # is as often its publisher's short name, left as read
                alone = F.known_place(publisher) and "location" not in first and "container" in first and "editor" in first
                put("place" if alone else "publisher", publisher, seg)
        elif label == "location" and not f.get("publisher") and (pub := _imprint_read_as_place(seg.text, first)):
            put("place", pub.place, seg)  # "Bodley Head: London" read as one place ("Rowley, Mass.": a place)
            put("publisher", pub.publisher, seg)
        elif label == "location":
            place = clean_span(seg.text).rstrip(".")
            put("place", place if _BALANCED_PLACE.search(place) else place.strip("()[]"), seg)
        elif label == "edition":
            put("edition", span_edition(seg.text), seg)
        elif label == "isbn" and (m := _ISBN.search(seg.text)):
            put("isbn", m.group().strip(), seg)
        elif label == "genre":
            g = seg.text.lower()
            if _THESIS_WORD.search(g):
                f["_kind"] = "mastersthesis" if _MASTERS_WORD.search(g) else "phdthesis"
                if (m := THESIS.match(clean_span(seg.text).strip("[]").rstrip("."))) and m.group("school"):
                    put("publisher", clean_span(m.group("school")), seg)  # "[Doctoral dissertation, University of X]"
            elif kind := description_type(seg.text):  # "[Data set]", "[Unpublished manuscript]"
                f["_kind"] = kind
            elif _REPORT_WORD.search(g):
                f["_report"] = True
            notes.append(clean_span(seg.text))
        elif label in ("note", "genre") and (m := _NUMBER.match(clean_span(seg.text))) is not None:
            f["number"], f["_report"] = m.group(1), True  # "No. 23.", "Working Paper No. 7"
        elif label in ("note", "translator", "collection") and not (
                F.take_accessed(seg.text)[0] or F.take_url(seg.text)[0]):
            notes.append(clean_span(seg.text))
    if late_years and not f.get("year"):
        put("year", *late_years[0])
    if spill and not f.get("container"):
        container = spill[0]
        if not f.get("pages") and (m := _CLOSING_RANGE.search(container)):  # "«Title», Book, 44–59. Series"
            container, f["pages"] = container[:m.start()], F.dash(m.group(1))
        if not f.get("month") and (m := _CLOSING_DAY.search(container)) and (date := F.parse_date(m.group(1))):
            container, f["month"], f["day"] = container[:m.start()], date.month, date.day  # „Title“. Site, Juli 27
        f["container"] = container_name(container)
        conf["container"] = conf.get("title", 1.0)
    # identifiers: the rule parser's patterns over the whole string (they beat the model's spans)
    doi, rest = F.take_doi(text)
    f["urldate"], rest = F.take_accessed(rest)
    url, _ = F.take_url(rest)
    if doi:
        f["doi"] = doi
    elif "doi" in first:
        f["doi"] = F.take_doi(first["doi"].text)[0]
    if url:
        f["url"] = url
    kept = [n for n in notes if n and not _ACCESS_WORDS.fullmatch(n)]
    if kept or f.get("note"):
        f["note"] = "; ".join(([str(f["note"])] if f.get("note") else []) + kept)
    if _institution_as_container(f, first):  # "Title. National Bureau of Economic Research.": the publisher
        f["publisher"] = f.pop("container")
        if (pub := span_pubfacts(str(f["publisher"]))) is not None and pub.place and not f.get("place"):
            f["place"], f["publisher"] = pub.place, pub.publisher  # "York: Archaeology Data Service"
        if "container" in conf:
            conf["publisher"] = conf.pop("container")
        if "container" in evidence:
            evidence["publisher"] = evidence.pop("container")
        if "container" in rivals:
            rivals["publisher"] = rivals.pop("container")
        first = {k: v for k, v in first.items() if k not in ("container", "journal")}
    f["type"] = _entry_type(f, first)
    unsure = [name for name, c in conf.items() if c < threshold]
    if not f.get("year"):
        unsure.append("year")  # none printed, or none found: say so either way
    title = str(f.get("title", ""))
    if not title or title.endswith((":", ";", ",", " -")):
        unsure.append("title")  # no title, or one cut short, as the rule parser checks
    for label in repeated & {"author", "title", "journal", "container"}:
        unsure.append(FIELD_OF[label])
    order = ("authors", "editors", "title", "container", "year", "volume", "issue", "pages", "publisher",
             "place", "edition", "isbn")
    uncertain = tuple(name for name in order if name in unsure)
    f.pop("_kind", None)
    f.pop("_report", None)
    probs = [t.prob for t in tagged]
    evidence["*"] = (min(probs, default=1.0), sum(probs) / max(len(tagged), 1), 0.0, float(len(tagged)))
    return ParsedReference(raw=raw, uncertain=uncertain, confidence=tuple(sorted(conf.items())),
                           evidence=tuple(sorted(evidence.items())), rivals=tuple(sorted(rivals.items())), **f)  # type: ignore[arg-type]


def _imprint_read_as_place(text: str, first: dict[str, Segment]) -> F.PubFacts | None:
    """A place's span that holds the publisher too: "Bodley Head: London" always; where the reading has no publisher's
    span, "Hamburg: Meiner" and Springer's "Meiner, Hamburg" as well (a known place after a name that is not one, or
    a place before its colon and a name that is no known place). A place and its state abbreviated stay the place:
    "Rowley, Mass.", "Cambridge, MA"."""
    text = clean_span(text)
    if (pub := F.publisher_then_place(text, ":")) is not None:
        return pub
    if "publisher" in first or _ABBREVIATED_END.search(text):
        return None
    pub = F.publisher_then_place(text) or (F.parse_pubfacts(text) if ":" in text else None)
    return pub if pub is not None and pub.place and pub.publisher and not F.known_place(pub.publisher) else None


#: a span closed by an abbreviated word ("Mass.", "Calif."): a state's name, the end of a place
_ABBREVIATED_END = re.compile(r"\b[A-Z][a-z]{1,4}\.$")


def _institution_as_container(f: dict[str, object], first: dict[str, Segment]) -> bool:
    """The model's container is a body's name (or a place and a publisher's, ``_imprint``) after a title, with no
    volume, issue, pages, publisher or editor, no "In" before it and no day and month after it (a web page's site:
    "THE PROJECT. February 19, 2003."): Chicago's and APA's "Title. National Bureau of Economic Research." print the
    publisher of a book or a report with no place there, and Vancouver's "Title. Place: Publisher, Year." with it,
    not a journal or a book."""
    seg = first.get("container") or first.get("journal")
    container = str(f.get("container") or "")
    if not container or seg is None or not f.get("title") \
            or any(f.get(n) for n in ("volume", "issue", "pages", "publisher", "editors", "month")):
        return False
    return not IN_HEAD.match(seg.text.strip()) and (F.publishing_body(container) or _imprint(container))


def _imprint(text: str) -> bool:
    """"Rio de Janeiro: Paz e Terra": a place of the lexicon and a publisher, no periodical's name, no sentence closed
    before the publisher's last word ("[The Encyclopedia of Optical Engineering]. Marcel Dekker, New York")."""
    pub = span_pubfacts(text)
    return pub is not None and F.known_place(pub.place) and not F.PERIODICAL.search(text) \
        and not any(_CLOSED.search(w) for w in pub.publisher.split()[:-1])


#: a word closing a sentence, with its bracket or quote ("Engineering]."): its last two letters, searched (from each
#: letter of a long word, "\w{2,}" would run to the word's end: quadratic)
_CLOSED = re.compile(r"\w{2}[\])’”»]*\.$")


def _entry_type(f: dict[str, object], first: dict[str, Segment]) -> str:
    if f.get("_kind"):
        return str(f["_kind"])
    if f.get("_report"):
        return "techreport"
    if "journal" in first:
        return "article"
    if "container" in first:
        return "incollection"
    if f.get("publisher") or f.get("place") or f.get("isbn"):
        return "book"
    if f.get("url"):
        return "online"
    return "misc"
