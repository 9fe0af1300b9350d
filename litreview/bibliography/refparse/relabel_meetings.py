"""A rule over the tagger's labels for a meeting's proceedings printed as a book (part of ``relabel``): DBLP's
``@proceedings`` entries hold the meeting's name, its acronym, its place and its dates in the title ("Proceedings of
the 11th ACM SIGPLAN international conference on functional programming, ICFP 2006, Portland, Oregon, USA, September
16-21, 2006"), which styles print whole as the book's title after its editors. The model, trained on papers printed
in such proceedings (whose container anystyle's labels close before the place and the dates), read the name as a
container or cut it, and took the acronym, the place and the dates for a series, a place and a date.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from . import fields as F
from .relabel_series import PROCEEDINGS
from .relabel_spans import SENTENCE_END
from .tagger import Tagged

#: the labels the model gives the words of such a title: a name's, a series', a place's, a date's or a note's (and a
#: range of days read as pages: ``_DAY_RANGE``)
_PARTS = frozenset(("title", "container", "journal", "collection", "location", "date", "note"))
#: what the model may have read before such a title: the editors (or authors), the year, a list's number
_BEFORE = frozenset(("author", "editor", "translator", "date", "number"))
#: a meeting's days: a month and a day or a range of days, in either order ("September 16-21", "9-11 february",
#: "March 24 - April 1"), or a month alone after a comma and before the year (", may, 2010")
_DAYS = lazy(rf"(?i)(?<!\w)(?:{F.MONTH}\s+\d{{1,2}}(?!\d)|\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{F.MONTH}(?!\w)"
             rf"|(?<=, ){F.MONTH},?\s+{F.YEAR}(?!\d))")
#: a year alone, as a date closes a sentence or a list's item ("2002.", "2011,")
_BARE_YEAR = lazy(rf"{F.YEAR}[a-z]?[.,;]?")
_DAY_RANGE = lazy(r"\d{1,2}\s*[-–]\s*\d{1,2},?")
_IN_WORD = lazy(rf"(?i){F.IN_WORDS}:?")
#: a meeting's words ``relabel_series.PROCEEDINGS`` leaves out: a school's, a convention's, "Proceeding"
_MEETING = lazy(r"(?i)\b(?:proceeding|school|convention)\b")
#: a meeting's year after its acronym ("ICFP 2006", "DATE 2008", "ITiCSE ’12", "PPDP’12")
_ACRONYMS_YEAR = lazy(r"(?:19|20)\d\d\W?|['’]\d\d\W?")
#: what may follow the sentence of a proceedings' title in it ("… 2008. Revised selected papers.", "…. Proceedings;")
_TITLES_TAIL = lazy(r"(?i)(?:revised\s+(?:selected\s+|invited\s+)?papers|selected\s+papers|proceedings)"
                    r"(?:,?\s+part\s+[IVX\d]+)?[.,;]?")
#: the most words of such a tail
_TAIL_RUN = 5


def _part(t: Tagged) -> bool:
    """``t`` may be a word of such a title as the model read it."""
    return (t.label in _PARTS or (t.label == "pages" and bool(_DAY_RANGE.fullmatch(t.token.text)))) \
        and not _in_word(t.token.text)


def _the_year(t: Tagged) -> bool:
    """``t`` may be the book's year: the date's, or a year alone the model read as a note's ("…, ACM, 2011.")."""
    return (t.label == "date" and bool(F.DIGIT.search(t.token.text))) or (
        t.label == "note" and bool(_BARE_YEAR.fullmatch(t.token.text)))


def _acronym_year(words: Sequence[str]) -> bool:
    """A word of two capitals or more followed by a year, or closed by the year's last two digits ("PPDP’12")."""
    for k, word in enumerate(words):
        head, _, year = word.partition("’") if "’" in word else word.partition("'")
        if sum(c.isupper() for c in head) >= 2 and head[:1].isupper() and (
                (year and _ACRONYMS_YEAR.fullmatch(word[len(head):]))
                or (not year and k + 1 < len(words) and _ACRONYMS_YEAR.fullmatch(words[k + 1]))):
            return True
    return False


def _sentence_end(word: str) -> bool:
    """``word`` closes its sentence (``SENTENCE_END``, asked only of a word that ends with one of its marks)."""
    return word[-1:] in ".?!”»" and SENTENCE_END.search(word) is not None


def _in_word(word: str) -> bool:
    """``word`` is the word a style prints before a container ("In:", "In", "Dans"; not a title's "in")."""
    return len(word) <= 5 and bool(_IN_WORD.fullmatch(word)) and (word.endswith(":") or word[:1].isupper())


def names_meeting(title: str) -> bool:
    """``title`` names a meeting (a word of one, or an acronym and its year) and the meeting's days."""
    return F.DIGIT.search(title) is not None and bool(_DAYS.search(title)) and bool(PROCEEDINGS.search(title) or _MEETING.search(title)
                                              or _acronym_year(title.split()))


def meetings_book_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The first work's name after the names and the year, run on to the end of its sentence (or to the publisher, a
    volume or a link after its comma) over a series', a place's and a date's words, is the book's title where it
    names a meeting ("Proceedings", "Conference", "Workshop" ..., or an acronym and its year: "ICFP 2006") and the
    meeting's days ("July 4-7"): a proceedings printed as a book; with the words a proceedings' title closes with in
    a sentence of their own after it ("…, 2008. Revised selected papers."). Not after "In" (a paper's book, whose container anystyle's labels close before the place),
    nor in a reading with pages after it, a title after it or no year outside the span (the book's year); a year
    alone the model read as the span's first word is the date."""
    start = next((k for k, t in enumerate(tagged) if t.label not in _BEFORE), None)
    if start is None or tagged[start].label not in ("title", "container", "journal", "collection") \
            or any(_in_word(t.token.text) for t in tagged[:start + 1]):
        return tagged
    lead = start + 1 < len(tagged) and _BARE_YEAR.fullmatch(tagged[start].token.text) is not None
    if lead:  # ISO 690's "(Hrsg.), 2002. Proceedings …": the year is the date
        start += 1
    end = start
    while end < len(tagged) and _part(tagged[end]):
        end += 1
        if _sentence_end(tagged[end - 1].token.text):
            break
    if end == len(tagged) or end - start < 3 or any(t.label in ("title", "pages") for t in tagged[end:]) \
            or not (lead or any(_the_year(t) for t in (*tagged[:start], *tagged[end:]))) \
            or not names_meeting(" ".join(t.token.text for t in tagged[start:end])):
        return tagged
    out = list(tagged)
    if lead:
        out[start - 1] = tagged[start - 1]._replace(label="date")
    tail = next((k for k in range(end, min(end + _TAIL_RUN, len(tagged) - 1)) if tagged[k].token.text[-1:] in ".,;"), None)
    if _sentence_end(tagged[end - 1].token.text) and tail is not None \
            and _TITLES_TAIL.fullmatch(" ".join(t.token.text for t in tagged[end:tail + 1])) \
            and all(_part(t) for t in tagged[end:tail + 1]):
        end = tail + 1
    return [t._replace(label="title") if start <= k < end else t for k, t in enumerate(out)]
