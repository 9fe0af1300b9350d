"""Chicago (notes-bibliography) references for the site (their short author-year labels: ``short_labels``).

As the 18th edition prints them, and so as pandoc's citeproc does with its Chicago styles: no place of publication
beside a publisher, no page range of a chapter, abbreviated page ranges ("553–66").

A small formatter of our own over ``Source`` values (already decoded to Unicode):
cheaper than a pybtex style, and its output is escaped piece by piece. Each entry
is formatted once per ``Citations`` object and cached by content. ``format_reference`` picks the layout
(``chicago_entries``) from the entry's kind (``chicago_kinds``); its names, dates and fields are printed by
``chicago_names``, ``chicago_dates`` and ``chicago_fields``, over the text pieces of ``chicago_text``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..bibliography.csl_item import LEGAL_TYPES
from ..bibliography.latex import container_with_addon, title_with_addon
from ..locale_terms import ENGLISH_TERMS, citation_terms
from ..model import Citation, Source
from ..pandoc_text import smart
from ..text import fold
from .chicago_entries import article as _article
from .chicago_entries import author_substitute as _author_substitute
from .chicago_entries import book_like as _book_like
from .chicago_entries import chapter as _chapter
from .chicago_entries import legal as _legal
from .chicago_entries import patent as _patent
from .chicago_fields import genre as _genre
from .chicago_fields import links as _links
from .chicago_kinds import CHAPTER_TYPES as _CHAPTER_TYPES
from .chicago_kinds import EPISODE_CSL_TYPES as _EPISODE_CSL_TYPES
from .chicago_kinds import PAPER_TYPES as _PAPER_TYPES
from .chicago_kinds import THESIS as _THESIS
from .chicago_kinds import apart_issue as _apart_issue
from .chicago_kinds import contained as _contained
from .chicago_kinds import italic_title as _italic_title
from .chicago_kinds import numbered as _numbered
from .chicago_kinds import preprint as _preprint
from .chicago_names import contributors as _contributors
from .chicago_names import name_list as _name_list
from .chicago_names import translator_names as _translators
from .chicago_names import translator_people as _translator_people
from .chicago_text import TITLE_STOPS
from .chicago_text import Pieces as _Pieces
from .chicago_text import capitalised as _capital
from .chicago_text import end as _end
from .chicago_text import quotations as _quotations
from .chicago_text import quoted as _quoted
from .chicago_text import volume as _volume
from .citation_marks import suffix_text
from .pandoc_fields import as_pandoc_reads
from .sanitize import one_line
from .short_labels import PLAIN, Mark, short_label, year_label
from .title_case import title_cased


@dataclass(frozen=True, slots=True)
class Reference:
    """One formatted entry: HTML (escaped, titles in italics, links) and plain text."""

    html: str
    text: str
    short: str
    """Author-year label for citation marks, e.g. "Bauer and Kratochwil 2011"."""
    year: str = ""
    """What the label prints after the names: the year with its letter ("2011a", "n.d.-b")."""

    def cited(self, item: Citation | None = None) -> str:
        """The label a citation item prints, as pandoc's citeproc prints it in author-date: the year alone where the
        author is suppressed (``[-@key]``: "Kahane et al. [-@key]" prints "Kahane et al. (2015)"); where it is cited
        in the text (``@key``, ``@key [p. 3]``), the names, then the year in parentheses with the item's locator
        ("Barba (2018)", "Barba (2018, p. 3)"; the locator is the label's: ``suffix_after``), left open where the
        citation goes on (``Citation.grouped``: "Doe (2001" of "Doe (2001; Roe 2003)", closed by ``printed``); else
        ``short``."""
        mode = item.mode if item is not None else "normal"
        if mode == "suppress-author" and self.year:
            return self.year
        if mode != "author-in-text" or item is None:
            return self.short
        locator = smart(suffix_text(item))  # "26--27" printed "26–27", as the same locator in brackets is
        close = "" if item.grouped else ")"
        if self.year and self.short.endswith(f" {self.year}"):
            return f"{self.short[:-len(self.year) - 1]} ({self.year}{', ' + locator if locator else ''}{close}"
        if item.grouped:  # no year to enclose (a key, a statute): the locator, if any, opens what follows
            return f"{self.short} ({locator}" if locator else f"{self.short} ("
        return f"{self.short}, {locator}" if locator else self.short


# Latin letters that Unicode does not decompose into a base letter and a mark, as collation sorts them: beside the
# letters they are written as ("Ølsen" among the O's, "Æther" after "Aeth", "Łukasz" after "Lukas")
_BASE_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ß": "ss", "œ": "oe", "þ": "th",
                               "ħ": "h"})


def reference_sort_key(text: str) -> tuple[str, str]:
    """The place of an entry in the reference list, from its printed text, as citeproc's Unicode collation orders
    it: by its letters without accents or case first ("Çelik" between "Celik" and "Cemal", not after "Zed"), then as
    written ("Abel" before "Ábel")."""
    return fold(text).translate(_BASE_LETTERS), text.casefold()


class Citations:
    """Formats sources, keeping each result for the life of the object."""

    def __init__(self) -> None:
        self._cache: dict[tuple, Reference] = {}

    def reference(self, source: Source, mark: Mark = PLAIN, language: str = "") -> Reference:
        """``mark``: what tells its label from another's in this bibliography (``marks``); ``language``: the
        document's, whose words the entry prints ("und", "u. a.", "o. J.": ``locale_terms.citation_terms``)."""
        terms = citation_terms(language)
        cache_key = (_content_key(source), mark, tuple(terms.items()))
        found = self._cache.get(cache_key)
        if found is None:
            found = self._cache[cache_key] = format_reference(source, mark, terms)
        return found

    def __len__(self) -> int:
        return len(self._cache)


def _content_key(s: Source) -> tuple:
    return (s.key, s.type, s.authors, s.editors, s.year, s.title, s.container, s.publisher, s.volume,
            s.number, s.pages, s.doi, s.url, s.urldate, tuple(sorted(s.fields.items())), s.csl_type, s.csl_issue,
            s.date_literal)


def format_reference(source: Source, mark: Mark = PLAIN, terms: dict[str, str] = ENGLISH_TERMS) -> Reference:
    """The Chicago bibliography entry for one source (``mark``: what tells its label from another's, ``marks``), in
    the words of ``terms`` (``locale_terms.citation_terms``)."""
    out = _Pieces()
    source = as_pandoc_reads(source)
    if _apart_issue(source) and one_line(source.number) == one_line(source.csl_issue):  # its issue, no number of its own
        source = replace(source, number="", fields={k: v for k, v in source.fields.items() if k != "number"})
    kind = source.type.lower()
    as_read = source  # its title's form is the entry's, whatever stands for its author (``_author_substitute``)
    names = _name_list(source.authors, terms) if source.authors else ""
    if not names and source.editors:
        names = _name_list(source.editors, terms) + f", {terms['eds.' if len(source.editors) > 1 else 'ed.']}"
    elif not names and (translated_by := _translator_people(source)):  # "Loe, Al, and Bo Moe, trans."
        names = _name_list(translated_by, terms) + f", {terms['trans.']}"
    if names:
        out.add(_end(names))
        out.add(" ")
    elif substitute := _author_substitute(source, terms):
        name, source, italic = substitute
        out.add(name, italic=italic)
        out.add(" " if name.endswith((".", "?", "!")) else ". ")
    title = title_cased(source, one_line(title_with_addon(source)), terms, "title")
    italic_title = _italic_title(as_read, kind)
    if kind == "patent" and title:
        _patent(out, source, terms)
        _links(out, source, terms)
        return _finished(out, source, mark, terms)
    if kind in LEGAL_TYPES and not names and title:
        _legal(out, source, title, terms)
        _links(out, source, terms)
        return _finished(out, source, mark, terms)
    if title:
        if italic_title:
            title = _quotations(source, title, terms, inner=False)
            out.add(title, italic=True)
            out.add("" if title[-1] in TITLE_STOPS else ".")
        else:
            _quoted(out, _quotations(source, title, terms, inner=True), terms)
    serial = kind == "article" or (kind in _PAPER_TYPES and not source.editors)
    # a chapter or paper in no book named is printed as a book is ("Chap. Vol. 2, edited by Ann Roe. P, 2019."), as
    # pandoc does
    chapter = not serial and kind in _CHAPTER_TYPES and bool(source.container)
    numbered = _numbered(source)  # "Working Paper No. 12" (``_book_like``)
    if _preprint(source) and (genre := title_cased(source, _genre(source, terms), terms) or one_line(source.number)):
        # a working paper's genre, in title case, and number ("SSRN Scholarly Paper No. 3979495."); a preprint's
        # number alone ("2001.1234.")
        number = one_line(source.number)
        label = f"{genre} {terms['No.']} {number}" if number and genre != number else genre
        out.add(f" {_end(label)}")
    elif (genre := _genre(source, terms)) and not (chapter or numbered or kind in _THESIS):
        out.add(f" {_end(genre)}")  # CSL's genre (pandoc: "“Art.” Journal article.")
    if serial and (translators := _translators(source, terms)):
        out.add(f" {_capital(terms['translated by'])} {translators}.")
    if _contained(source):  # "“Data.” In *Repository*. May 3, 2020."; "“Episode.” *Podcast*. May 3, 2020."
        out.add(" " if source.csl_type in _EPISODE_CSL_TYPES else f" {terms['In']} ")
        out.add(title_cased(source, one_line(container_with_addon(source)), terms), italic=True)
        if source.volume and source.csl_type not in _EPISODE_CSL_TYPES and not numbered \
                and not _contributors(source, terms):  # its volume beside it: "In *Series X*, vol. 3."
            out.add(f", {_volume(one_line(source.volume), terms)}")
            source = replace(source, volume="")
        out.add("" if out.ends_with(".?!") else ".")
        source = replace(source, container="")
    if serial:
        _article(out, source, terms, paper=kind != "article")
    elif chapter:
        _chapter(out, source, terms)
    else:
        _book_like(out, source, kind, terms)
    _links(out, source, terms)
    if not out.text:  # nothing known of it (a Manubot identifier no registry was asked about): its key, not a blank
        out.add(source.key)
    return _finished(out, source, mark, terms)


def _finished(out: _Pieces, source: Source, mark: Mark, terms: dict[str, str]) -> Reference:
    """The entry printed in ``out``, with its author-year label."""
    return Reference(html="".join(out.html).strip(), text="".join(out.text).strip(),
                     short=short_label(source, mark, terms), year=year_label(source, mark, terms))
