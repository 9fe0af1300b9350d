"""One field of a Chicago reference (``citation``) as the styles print it: genre, report number, series, version,
issue, volume title, chapter number, event, publisher or place, and the DOI or URL with its access date."""

from __future__ import annotations

import re

from ..bibliography.csl import csl_form_of
from ..bibliography.csl_item import json_plain
from ..bibliography.csl_markdown import markdown_plain
from ..bibliography.latex import decode_latex, field_text
from ..locale_terms import ENGLISH_TERMS
from ..model import Source
from .chicago_dates import event_date as _event_date
from .chicago_dates import iso_to_words as _iso_to_words
from .chicago_kinds import preprint as _preprint
from .chicago_kinds import software as _software
from .chicago_names import name_list, people
from .chicago_text import NUMERIC as _NUMERIC
from .chicago_text import PLURAL_NUMBER as _PLURAL_NUMBER
from .chicago_text import Pieces as _Pieces
from .chicago_text import capital_first as _capital_first
from .chicago_text import capitalised as _capital
from .chicago_text import labelled as _labelled
from .chicago_text import volume as _volume
from .pandoc_fields import publication_place
from .sanitize import doi_url, normalise_doi, one_line, safe_url
from .short_labels import printed_year
from .title_case import sentence_cased, title_cased

# biblatex's keys for a ``type`` field, as pandoc's reader words them in English
_TYPE_KEYS = {"phdthesis": "PhD thesis", "mathesis": "Master’s thesis", "techreport": "Technical report",
              "resreport": "Research report", "patent": "Patent", "patreq": "Patent request",
              **{f"{kind}{code}": f"{country} patent{request}" for code, country in (
                  ("de", "German"), ("eu", "European"), ("fr", "French"), ("uk", "British"), ("us", "U.S."))
                 for kind, request in (("patent", ""), ("patreq", " request"))}}


def genre(s: Source, terms: dict[str, str]) -> str:
    """The ``type`` field (CSL's genre) as citeproc prints it, its first letter capitalised ("Journal article",
    "Diplomarbeit"), a biblatex key ("mathesis") in the language's words or pandoc's English ones; '' for none."""
    return _capital_first(_genre_words(s, terms))


def _genre_words(s: Source, terms: dict[str, str]) -> str:
    """The ``type`` field as written, a biblatex key in words ("techreport": "Technical report"); '' for none."""
    written = one_line(field_text(s, "type"))
    key = written.lower()
    if key in _TYPE_KEYS:
        return terms.get("mastersthesis" if key == "mathesis" else key, _TYPE_KEYS[key])
    return written


def report_number(s: Source, terms: dict[str, str]) -> str:
    """A report's genre and number as the Chicago styles print them: its genre in title case (``_genre_words``: "working
    paper" as "Working Paper", biblatex's "techreport" as "Technical Report"), a number with its label ("Working Paper
    No. 12", "Nos. 3-4"), one not in figures (citeproc's is-numeric) as written ("RR-7535", "Working Paper 11/2019")."""
    number = _labelled(one_line(s.number), terms)
    return " ".join(p for p in (title_cased(s, _genre_words(s, terms), terms), number) if p)


def series(s: Source, terms: dict[str, str]) -> str:
    """A book's or chapter's series with its number in it ("Lecture Notes in Computer Science 855"; one not in figures
    after a comma: "Handbücher, 29.2"), as Chicago and pandoc print it after the editors and edition, in title case
    as citeproc prints an English one ("Library of Philosophy"); "" without a ``series`` field. A CSL item's series
    editors (its ``collection-editor``) after it, the number then after a comma: "Series, edited by Ann Roe, vol. 4"."""
    series = title_cased(s, one_line(field_text(s, "series")), terms, "series")
    number = one_line(s.number)
    editors = people(s, "collection-editor") if series and csl_form_of(s.file or "") else ()
    if editors:
        series = f"{series}, {terms['edited by']} {name_list(editors, terms, invert_first=False)}"
        return f"{series}, {_volume(number, terms) if _NUMERIC.fullmatch(number) else number}" if number else series
    if not (series and number):
        return series
    return f"{series} {number}" if _NUMERIC.fullmatch(number) else f"{series}, {number}"


def version(s: Source, kind: str, terms: dict[str, str]) -> str:
    """The ``version`` field with its label, as the Chicago styles print it: software's short where the language has
    a short word ("V. 1.2", CMOS 18 14.169), else in full ("Version 1.2"); '' for none."""
    version = one_line(field_text(s, "version"))
    if not version:
        return ""
    word = _capital(terms.get("version", ENGLISH_TERMS["version"]))
    return f"{terms.get('V.', word) if _software(s, kind) else word} {version}"


def preprint_word(s: Source, terms: dict[str, str]) -> str:
    """"Preprint" (in the language's word) before a preprint's repository and date, where it has no genre; else ''."""
    return _capital_first(terms.get("preprint", ENGLISH_TERMS["preprint"])) if _preprint(s) and not genre(s, terms) \
        else ""


def publication(s: Source) -> str:
    """The publisher, or the place where no publisher is named: CMOS 18 (and pandoc's Chicago) print no place
    beside a publisher; either with its first letter capitalised (``_capital_first``)."""
    return _capital_first(one_line(s.publisher) or publication_place(s))


def issue(s: Source) -> str:
    """An article's issue as pandoc reads it: CSL's; a BibTeX ``number``, with biblatex's ``issue`` after it ("4, 3");
    an ``issue`` with no number (which the loader reads as the number) pandoc leaves out."""
    if csl_form_of(s.file or ""):
        return one_line(s.number)
    if not s.field("number"):
        return ""
    return ", ".join(p for p in (one_line(s.number), one_line(field_text(s, "issue"))) if p)


def first_page(s: Source) -> str:
    """CSL's page-first: the page range's first page ("100" of "100--110")."""
    return re.split(r"\s*[-\u2013\u2014]+\s*", one_line(s.pages), maxsplit=1)[0] if s.pages else ""


def volume_title(s: Source, terms: dict[str, str]) -> str:
    """CSL's volume-title in title case: the volume's own title where the entry's title is its multi-volume work's
    (``pandoc_fields.as_pandoc_reads``), or a chapter's book where its book is; '' for none."""
    raw = s.field("volume-title")
    if not raw:
        return ""
    form = csl_form_of(s.file or "")
    text = (markdown_plain if form == "yaml" else json_plain)(raw) if form else decode_latex(raw)
    return title_cased(s, one_line(text), terms, "volume-title")


def chapter_number(s: Source, terms: dict[str, str]) -> str:
    """A BibTeX chapter's ``chapter`` field as the Chicago styles print it before its book ("Chap. 11", "Chaps. 3-4",
    pt-BR "Cap. 11"; one not a number for citeproc as written: "Eleven"); '' for none, and for an encyclopedia's entry."""
    chapter = one_line(field_text(s, "chapter")) if s.type.lower() != "inreference" else ""  # an entry: none
    if not _NUMERIC.fullmatch(chapter):
        return chapter
    label = "Chaps." if _PLURAL_NUMBER.search(chapter) else "Chap."  # the style's English word in most languages
    return f"{terms.get(label, ENGLISH_TERMS[label])} {chapter}"


def volumes(s: Source) -> str:
    """The number of volumes of a work in several ("2 vols.", "1 vol.", a number not in figures as written: "IX"),
    which the Chicago styles print where no volume of it is cited; '' for none."""
    volumes = one_line(field_text(s, "volumes"))
    return f"{volumes} {'vol' if volumes == '1' else 'vols'}" if volumes.isdigit() else volumes


def event(s: Source, terms: dict[str, str]) -> tuple[str, bool]:
    """A BibTeX entry's event as pandoc's Chicago prints it after the title: biblatex's ``eventtitle`` in sentence case,
    ``eventdate`` in words and ``venue`` ("X conference, May 3–5, 2008, Honolulu"; a venue with neither no event),
    with whether it has a date of its own; ('', False) for none."""
    if csl_form_of(s.file or ""):
        return "", False
    title = sentence_cased(s, one_line(field_text(s, "eventtitle")), terms, "eventtitle")
    dated = _event_date(s, terms)
    place = one_line(field_text(s, "venue")) if title or dated else ""
    return ", ".join(p for p in (title, dated, place) if p), bool(dated)


def links(out: _Pieces, s: Source, terms: dict[str, str]) -> None:
    # the Chicago styles' access date: of a URL, where neither a DOI nor a date or status is printed
    dated = s.field("doi") or printed_year(s) or s.field("pubstate")
    accessed = _iso_to_words(s.urldate, terms) if s.url and not dated else ""
    if accessed:
        out.add(f" {_capital(terms['accessed'])} {accessed}.")
    bare = normalise_doi(s.doi)
    if bare:
        out.add(" ")
        out.add(f"https://doi.org/{bare}", href=doi_url(bare))
        out.add(".")
    elif s.doi:
        out.add(f" DOI: {one_line(s.doi)}.")
    elif s.url:
        out.add(" ")
        out.add(one_line(s.url), href=safe_url(s.url))
        out.add(".")
