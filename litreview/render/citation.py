"""Chicago (notes-bibliography) references for the site (their short author-year labels: ``short_labels``).

As the 18th edition prints them, and so as pandoc's citeproc does with its Chicago styles: no place of publication
beside a publisher, no page range of a chapter, abbreviated page ranges ("553–66").

A small formatter of our own over ``Source`` values (already decoded to Unicode):
cheaper than a pybtex style, and its output is escaped piece by piece. Each entry
is formatted once per ``Citations`` object and cached by content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..bibliography.csl import csl_form_of
from ..bibliography.csl_item import LEGAL_TYPES, PRESS, json_plain
from ..bibliography.csl_markdown import markdown_plain
from ..bibliography.dates import edtf_date_parts
from ..bibliography.latex import container_with_addon, decode_latex, field_text, title_with_addon
from ..locale_terms import ENGLISH_TERMS, PUBSTATE_KEYS, citation_terms
from ..model import Citation, Person, Source
from ..text import fold
from .citation_marks import suffix_text
from .page_ranges import printed_pages
from .pandoc_fields import WEB_TYPES as _WEB_TYPES
from .pandoc_fields import as_pandoc_reads, month_day, publication_place
from .sanitize import doi_url, esc, normalise_doi, one_line, safe_url
from .short_labels import PLAIN, Mark, and_others, printed_year, short_label, year_label
from .title_case import sentence_cased, title_cased

_CLOSING_MARKS = "”’\"'“»\u00a0"  # what closes a title's quotation in any language (``_quoted``)
# Types whose title is set in italics; the others get quotation marks (a data set among them; pandoc's biblatex reader
# prints the custom types, sets and the misspelt "masterthesis" as a generic work, in italics).
_ITALIC_TYPES = frozenset({"book", "mvbook", "booklet", "manual", "proceedings", "collection",
                           "techreport", "report", "periodical", "reference", "mvreference",
                           "software", "movie", "video", "audio", "music", "artwork", "image",
                           "commentary", "set", "masterthesis", "customa", "customb", "customc", "customd",
                           "custome", "customf"})
# What pandoc's biblatex reader calls a thesis without a ``type`` field (biblatex's @thesis: nothing)
_THESIS = {"phdthesis": "PhD thesis", "mastersthesis": "Master’s thesis", "thesis": ""}
# biblatex's keys for a ``type`` field, as pandoc's reader words them in English
_TYPE_KEYS = {"phdthesis": "PhD thesis", "mathesis": "Master’s thesis", "techreport": "Technical report",
              "resreport": "Research report", "patent": "Patent", "patreq": "Patent request",
              **{f"{kind}{code}": f"{country} patent{request}" for code, country in (
                  ("de", "German"), ("eu", "European"), ("fr", "French"), ("uk", "British"), ("us", "U.S."))
                 for kind, request in (("patent", ""), ("patreq", " request"))}}
# A conference paper: in a volume with editors a chapter, else printed as an article in its proceedings
_PAPER_TYPES = frozenset({"inproceedings", "conference"})
_CHAPTER_TYPES = frozenset({"incollection", "inbook", "inproceedings", "conference", "inreference",
                            "bookinbook", "suppbook"})
# An issue number citeproc takes for more than one: two words or more, or a hyphen, an en dash, a comma or a semicolon
# in it ("1-2", "3–4", "1,2", "1 & 2", "suppl 2": "nos."); "7/8", "1&2", "1.2" and "S1" it takes for one
_PLURAL_NUMBER = re.compile(r"[\s,;\-\u2013]")
# A list of seven names or more prints its first three and "et al.", as the 18th edition and pandoc print it
_ET_AL_MIN = 7
_ET_AL_FIRST = 3


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
        locator = suffix_text(item)
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


class _Pieces:
    """Text pieces with their markup, joined into HTML and plain text together."""

    def __init__(self) -> None:
        self.html: list[str] = []
        self.text: list[str] = []

    def add(self, text: str, *, italic: bool = False, href: str | None = None) -> None:
        if not text:
            return
        if not href:  # a straight mark, wherever it stands, as pandoc prints a BibTeX field's ("don’t", "’07", "’Rage")
            text = text.replace("'", "\u2019")
        self.text.append(text)
        body = esc(text)
        if italic:
            body = f"<i>{body}</i>"
        if href:
            body = f'<a href="{esc(href)}" rel="noopener noreferrer">{body}</a>'
        self.html.append(body)

    def ends_with(self, chars: str) -> bool:
        last = "".join(self.text).rstrip(_CLOSING_MARKS)
        return bool(last) and last[-1] in chars


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


def _author_substitute(s: Source, terms: dict[str, str]) -> tuple[str, Source, bool] | None:
    """What the Chicago styles list an entry with no author or editor under, as pandoc prints it: software and a web
    page under their publisher (CMOS 18 14.169, 14.104; a BibTeX web page's "howpublished" among them), else a web
    page under its site's name (in title case) and a newspaper or magazine article under its paper's (in italics);
    with the entry as printed without it and whether it is in italics. None where nothing stands for the author."""
    kind = s.type.lower()
    webpage = _web_page(s, kind)
    if webpage or _software(s, kind):
        bibtex_site = webpage and not csl_form_of(s.file or "") and bool(s.field("howpublished"))
        publisher = "; ".join(dict.fromkeys(p for p in (
            one_line(s.publisher), one_line(field_text(s, "howpublished")) if bibtex_site else "") if p))
        if publisher:
            container = "" if bibtex_site and s.container == field_text(s, "howpublished") else s.container
            return publisher, replace(s, publisher="", container=container), False
    if webpage and s.container:
        return title_cased(s, one_line(s.container), terms), replace(s, container=""), False
    if kind == "article" and s.container and _press(s):
        return title_cased(s, one_line(s.container), terms), replace(s, container=""), True
    return None


def _content_key(s: Source) -> tuple:
    return (s.key, s.type, s.authors, s.editors, s.year, s.title, s.container, s.publisher, s.volume,
            s.number, s.pages, s.doi, s.url, s.urldate, tuple(sorted(s.fields.items())), s.csl_type)


def format_reference(source: Source, mark: Mark = PLAIN, terms: dict[str, str] = ENGLISH_TERMS) -> Reference:
    """The Chicago bibliography entry for one source (``mark``: what tells its label from another's, ``marks``), in
    the words of ``terms`` (``locale_terms.citation_terms``)."""
    out = _Pieces()
    source = as_pandoc_reads(source)
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
        return Reference(html="".join(out.html).strip(), text="".join(out.text).strip(),
                         short=short_label(source, mark, terms), year=year_label(source, mark, terms))
    if kind in LEGAL_TYPES and not names and title:
        _legal(out, source, title, terms)
        _links(out, source, terms)
        return Reference(html="".join(out.html).strip(), text="".join(out.text).strip(),
                         short=short_label(source, mark, terms), year=year_label(source, mark, terms))
    if title:
        if italic_title:
            title = _quotations(source, title, terms, inner=False)
            out.add(title, italic=True)
            out.add("" if title[-1] in ".?!" else ".")
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
        out.add(f" {label}" + ("" if label[-1] in ".?!" else "."))
    elif (genre := _genre(source, terms)) and not (chapter or numbered or kind in _THESIS):
        out.add(f" {genre}" + ("" if genre[-1] in ".?!" else "."))  # CSL's genre (pandoc: "“Art.” Journal article.")
    if serial and (translators := _translators(source, terms)):
        out.add(f" {_capital(terms['translated by'])} {translators}.")
    if _contained(source):  # "“Data.” In *Repository*. May 3, 2020."; "“Episode.” *Podcast*. May 3, 2020."
        out.add(" " if source.csl_type in _EPISODE_CSL_TYPES else f" {terms['In']} ")
        out.add(title_cased(source, one_line(container_with_addon(source)), terms), italic=True)
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
    text = "".join(out.text).strip()
    return Reference(html="".join(out.html).strip(), text=text, short=short_label(source, mark, terms),
                     year=year_label(source, mark, terms))


_QUOTATION = re.compile(r"“([^“”]*)”|(?<!\w)‘([^‘“”]*?)’(?!\w)")
"""A quotation in curly marks inside a title (“Theory of Mind”, ‘graphics’; not an apostrophe: "ESA’s"), which
pandoc reads from BibTeX as a quotation and citeproc prints in the language's marks."""


def _quotations(s: Source, title: str, terms: dict[str, str], *, inner: bool) -> str:
    """``title`` with the quotations in it in the language's marks: its outer ones (de „…“), or, ``inner``, those of a
    quotation inside a quotation (en ‘…’, de ‚…‘) for a title itself printed in quotation marks; as written where
    pandoc reads its marks as characters: LaTeX's named ones (``\\textquotedblleft``), a CSL-YAML title's curly
    ones (its Markdown's straight ones are quotations)."""
    raw = s.field("title")
    if "\\textquote" in raw or (csl_form_of(s.file or "") == "yaml" and any(mark in raw for mark in "“”‘")):
        return title
    opening, closing = (terms["‘"], terms["’"]) if inner else (terms["“"], terms["”"])
    return _QUOTATION.sub(lambda m: opening + (m.group(1) if m.group(1) is not None else m.group(2)) + closing, title)


def _italic_title(s: Source, kind: str) -> bool:
    """Whether the title is set in italics, as pandoc prints it: a work of its own (``_ITALIC_TYPES``, not a report
    inside a larger work; an article, a misc entry or a chapter with no container), or a BibTeX entry of a type biblatex does not know ("@webpage",
    "@bachelorsthesis"), which pandoc reads as a generic work."""
    from ..bibliography.load import KNOWN_TYPES

    if _contained(s):  # quoted in its container, but an image or a map
        return s.csl_type in _ITALIC_CONTAINED_CSL_TYPES
    if _preprint(s) or s.csl_type in ("document", "speech", "interview"):  # CSL's document, as its data set, quoted
        return False
    if s.csl_type in ("post-weblog", "standard") and not s.container:  # a blog post or standard with no container
        return True
    if kind in ("techreport", "report") and _in_container(s, kind):  # a report in a container ("“T.” In *arXiv*")
        return False
    if kind in _ITALIC_TYPES or (kind not in KNOWN_TYPES and not csl_form_of(s.file or "")):
        return True
    return not s.container and (kind in ("misc", "article") or (kind in _CHAPTER_TYPES and kind not in _PAPER_TYPES))


# CSL's types the Chicago styles print "In" their container-title, a sentence of its own after the title ("“Data.” In
# *Repository*. May 3, 2020."), as pandoc prints them; the others in it as an article in its journal or a chapter in its
# book, or beside it as a web page on its site
_CONTAINED_CSL_TYPES = frozenset({"document", "dataset", "manuscript", "personal_communication", "standard",
                                  "software", "article", "speech", "song", "graphic", "map"})
# CSL's types whose container is a sentence of its own with no "In" (a broadcast's programme, a film's series)
_EPISODE_CSL_TYPES = frozenset({"broadcast", "motion_picture"})
# CSL's types whose title stays in italics in a container (an image, a map); the others are quoted there
_ITALIC_CONTAINED_CSL_TYPES = frozenset({"graphic", "map"})


def _contained(s: Source) -> bool:
    """Whether the entry is a CSL item of a type printed in its container, a sentence of its own
    (``_CONTAINED_CSL_TYPES``, ``_EPISODE_CSL_TYPES``)."""
    return s.csl_type in _CONTAINED_CSL_TYPES | _EPISODE_CSL_TYPES and bool(s.container) \
        and bool(csl_form_of(s.file or ""))


def _preprint(s: Source) -> bool:
    """Whether the entry is a preprint or a working paper, CSL's "article" (read as ``misc``): the Chicago styles
    quote its title, print its genre and number ("SSRN Scholarly Paper No. 12"), and without a genre call it a
    preprint before its repository and date ("Preprint, arXiv, May 3, 2020")."""
    return s.csl_type == "article"


def _quoted(out: _Pieces, title: str, terms: dict[str, str]) -> None:
    """A title in the language's quotation marks, its full stop inside them in English (“Title.”) and after them
    elsewhere („Titel“.), none after a title ending in "?" or "!", as citeproc's locales print it (a quotation in it
    in the marks of one inside another: ``_quotations``)."""
    stop = "" if title[-1] in ".?!" else "."
    if terms["punctuation-in-quote"]:
        out.add(terms["“"] + title + stop + terms["”"])
    else:
        out.add(terms["“"] + title + terms["”"] + stop)


def _capital(term: str) -> str:
    """A term opening a sentence ("Edited by", "Herausgegeben von")."""
    return term[:1].upper() + term[1:]


def _capital_first(text: str) -> str:
    """CSL's ``text-case="capitalize-first"``, which the Chicago styles put on the publisher (and the place printed
    in its stead): the first character capitalised where the letters it opens with are in lower case ("il Saggiatore"
    as "Il Saggiatore", "https://x.org/A" as "Https://x.org/A"), a word such as "eBay" as written."""
    first = _FIRST_WORD.search(text)  # after a mark: "[online]" as "[Online]"
    if not first or first.group() != first.group().lower() or not _OPENING_MARKS.fullmatch(text[:first.start()]):
        return text
    return text[:first.start()] + _capital(text[first.start():])


_FIRST_WORD = re.compile(r"[^\W\d_]+")
"""The letters a text opens with, the word ``_capital_first`` looks at ("https" of "https://x.org/A_b")."""
_OPENING_MARKS = re.compile(r"[\[(“‘\"'«¿¡]*")
"""What may stand before the first word ``_capital_first`` capitalises: brackets and quotation marks ("[online]")."""


def _translators(s: Source, terms: dict[str, str]) -> str:
    """The translators of a work with authors, as Chicago prints them after the title ("Translated by Yutaka Saeki
    and Ann Roe"), or "" (a work with no author is listed under its editors, else its translators, and names them
    nowhere else: ``_translator_people``)."""
    people = _translator_people(s) if s.authors else ()
    return _name_list(people, terms, invert_first=False) if people else ""


def _translator_people(s: Source) -> tuple[Person, ...]:
    """The people of the ``translator`` field; () for none, or for a field that does not read."""
    return _people(s, "translator")


def _people(s: Source, field: str) -> tuple[Person, ...]:
    """The people of a name field (``translator``, ``bookauthor``); () for none, or for a field that does not read."""
    value = s.field(field)
    if not value:
        return ()
    from ..bibliography.load import read_people

    try:
        return tuple(read_people(value))
    except ValueError:  # reported by the checks where it is written
        return ()


def _legal(out: _Pieces, s: Source, title: str, terms: dict[str, str]) -> None:
    """A case, a statute or a treaty as pandoc's Chicago style prints it (its legal-reference), the title not in
    italics: a case with its reporter's volume and first page, or else its docket number, then the court (CSL's
    ``authority``: pandoc's biblatex reader reads none) and its date in parentheses ("Roe v Doe, 250 F.3d 100 (2001)."; "Alvis v Council, No. 32 (July 4,
    1963)."); a statute with its genre and number and its gazette ("Regulation No. 2016/679, OJ 1 (2016)."); a treaty
    with its full date after its title ("Treaty of Rome, March 25, 1957, 294 UNTS 3.")."""
    kind = s.type.lower()
    number = one_line(s.number)
    gazette = " ".join(p for p in (one_line(s.volume), one_line(s.container), _first_page(s)) if p)
    if kind == "legal":  # a treaty
        out.add(", ".join(p for p in (title, _date(s, terms, full=True), gazette or _labelled(number, terms)) if p))
    elif kind == "jurisdiction":
        reported = bool(s.container)
        source = " ".join(p for p in (one_line(s.volume), one_line(s.container), _first_page(s) or "___") if p) \
            if reported else _labelled(number, terms)
        court = one_line(field_text(s, "authority")) if csl_form_of(s.file or "") else ""  # (none read of BibTeX)
        when = " ".join(p for p in (court, _date(s, terms, full=not reported)) if p)
        out.add(", ".join(p for p in (title, source) if p) + (f" ({when})" if when else ""))
    else:  # a statute
        if number:
            genre = _genre(s, terms) or terms.get("Pub. L.", "Legislation")
            label = terms["Nos." if _NUMERIC.fullmatch(number) and _PLURAL_NUMBER.search(number) else "No."]
            gazette = ", ".join(p for p in (f"{genre} {label} {number}", gazette) if p)
        year = _date(s, terms)
        out.add(", ".join(p for p in (title, gazette) if p) + (f" ({year})" if year else ""))
    out.add("" if out.ends_with(".") else ".")


def _patent(out: _Pieces, s: Source, terms: dict[str, str]) -> None:
    """A patent as pandoc's Chicago style prints it: its title as read, not title-cased (a BibTeX one in sentence case,
    as pandoc reads an English entry), not quoted; its kind (biblatex's ``type``: "patreqfr" is "French patent
    request"; "Patent" for none) and number; "issued" and its date ("The vampire hunter. Patent 12345677, issued
    1978.")."""
    title = sentence_cased(s, one_line(title_with_addon(s)), terms, "title")
    out.add(title)
    out.add("" if out.ends_with(".?!") else ".")
    number = " ".join(p for p in (_genre(s, terms) or "Patent", one_line(s.number)) if p)
    date = _date(s, terms, full=True)
    out.add(f" {number}" + (f", issued {date}" if date else "") + ".")


def _labelled(number: str, terms: dict[str, str]) -> str:
    """A case's or treaty's number, with "No." or "Nos." where citeproc takes it for a number ("No. 32", "Nos. 24-62";
    "C-617/10" as written)."""
    if not _NUMERIC.fullmatch(number):
        return number
    return f"{terms['Nos.' if _PLURAL_NUMBER.search(number) else 'No.']} {number}"


def _first_page(s: Source) -> str:
    """CSL's page-first: the page range's first page ("100" of "100--110")."""
    return re.split(r"\s*[-\u2013\u2014]+\s*", one_line(s.pages), maxsplit=1)[0] if s.pages else ""


def _edition(edition: str, terms: dict[str, str]) -> str:
    """The edition as citeproc prints it in Chicago: a number as an ordinal ("2": "2nd ed.", de "2. Aufl.", fr "2ᵉ
    éd.": ``terms``' "edition"), a number with letters after it with the word after it ("2nd": "2nd ed.", "2e": fr
    "2e éd."), any other as written ("Second", "5e éd", "Revised edition")."""
    if edition.isdigit():
        n = int(edition)
        if n == 1 and "edition-1" in terms:
            return terms["edition-1"]
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return terms["edition"].format(n=n, ordinal=suffix)
    if _NUMBERED.fullmatch(edition):  # citeproc's is-numeric: printed as written, with the word for an edition
        return f"{edition} {terms['edition'].split(' ', 1)[-1]}"
    return edition


_NUMBERED = re.compile(r"\d+[^\W\d_]+")
"""A number with letters after it ("2nd", "2e", "3a"), which citeproc takes for a number."""


def _article(out: _Pieces, s: Source, terms: dict[str, str], *, paper: bool = False) -> None:
    """A journal article, or a conference ``paper`` whose proceedings name no editors, as CMOS 18 and pandoc print
    them: "*Journal* (Place) 4, no. 2 (June 1995): 5–9"; with no volume or issue "*Proc.*, June 2015, 201–9"."""
    said = False  # whether anything follows the title yet (else no comma opens what comes)
    if s.container:
        out.add(" ")
        out.add(title_cased(s, one_line(container_with_addon(s)), terms), italic=True)
        said = True
    if place := publication_place(s):
        out.add(f" ({place})")
    series = sentence_cased(s, one_line(field_text(s, "series")), terms, "series")  # the style: no title case
    said = said or bool(place)  # what follows a place follows a comma: "“T.” (Honolulu), 2008", "(Honolulu), no. 3"
    # a newspaper's or magazine's article is cited by its date alone, with no volume, issue or page (CMOS 18 14.89)
    press = _press(s)
    volume = "" if press else one_line(s.volume)
    number = "" if paper or press else _issue(s)  # a paper's number is its proceedings' in their series
    pages = printed_pages(s, terms) if s.pages and not press else ""
    if said and not (paper or series or volume or number or pages or s.field("pubstate") or press) \
            and s.field("doi") and printed_year(s):  # CMOS 18 14.75, as the Chicago styles print it
        out.add(f", {terms['ahead of print']}")
    if series.isdigit():  # pandoc's biblatex reader: series={3} is "3rd series" (1st, 2nd, 3rd, then 4th, 22th)
        series = f"{series}{ {'1': 'st', '2': 'nd', '3': 'rd'}.get(series.lstrip('0'), 'th')} series"
    if series:  # a journal's series ("n.s."), as pandoc prints it: "Journal, Series, vol. 17"
        out.add(f", {series}" if said else f" {series}")
        said = True
    if volume:
        out.add(f", {terms['vol.']} {volume}" if series else f" {volume}")
    if number:
        label = terms["nos." if _PLURAL_NUMBER.search(number) else "no."]
        out.add(f", {label} {number}" if said or volume else f" {label} {number}")
    # Chicago's serial dates: the year beside volume and issue, the month beside one of them, else the day too
    date = _date(s, terms, full=not (volume and number), day=not (volume or number))
    date = _issued(s, "article", terms, date, status=not (volume or number), lower=bool(s.publisher))
    if volume or number:
        out.add(f" ({date})" if date else "")
        out.add(f": {pages}" if pages else "")
    else:
        for part in (date, pages):
            if part:
                out.add(f", {part}" if said else f" {part}")
                said = True
    out.add("" if out.ends_with(".") else ".")


def _issue(s: Source) -> str:
    """An article's issue as pandoc reads it: CSL's; a BibTeX ``number``, with biblatex's ``issue`` after it ("4, 3");
    an ``issue`` with no number (which the loader reads as the number) pandoc leaves out."""
    if csl_form_of(s.file or ""):
        return one_line(s.number)
    if not s.field("number"):
        return ""
    return ", ".join(p for p in (one_line(s.number), one_line(field_text(s, "issue"))) if p)


def _chapter(out: _Pieces, s: Source, terms: dict[str, str]) -> None:
    """ "In *Book*, 2nd ed., vol. 2, edited by Harry Hill. Series 9. Publisher, 2001.": no page range, as CMOS 18
    and pandoc print a chapter in a bibliography."""
    if s.container:
        chapter = _chapter_number(s, terms)
        out.add(f" {chapter} {terms['In'].lower()} " if chapter else f" {terms['In']} ")
        out.add(title_cased(s, one_line(container_with_addon(s)), terms), italic=True)
    if edition := _edition(one_line(field_text(s, "edition")), terms):
        out.add(f", {edition}")
    if s.volume:  # the book's volume, as pandoc prints it: "In Evolutionary Genomics, vol. 1, edited by"
        out.add(f", {_volume(one_line(s.volume), terms)}")
    if titled := _volume_title(s, terms):  # its own title, the book a volume of ``container``: "vol. 5, Kritik"
        out.add(f", {titled}")
    if by := _people(s, "bookauthor"):  # the book's own authors: "In *Book*, by Ann Roe. Edited by Ed Ed."
        out.add(f", {terms.get('by', ENGLISH_TERMS['by'])} {_name_list(by, terms, invert_first=False)}")
    for contributor in _contributors(s, terms):
        out.add(f". {_capital(contributor)}" if by else f", {contributor}")
    if series := _series(s, terms):
        out.add(("" if out.ends_with(".") else ".") + f" {series}")
    publication = _publication(s)
    date = _issued(s, s.type.lower(), terms, _date(s, terms, full=_full_date(s, s.type.lower())),
                   lower=bool(s.publisher))
    # the publisher and date (or the date alone) a sentence of their own: "In Book, edited by Ann Roe. 2019."
    tail = _published(s, publication, date, original=not edition)
    out.add(("" if out.ends_with(".") else ".") + (f" {_end(tail)}" if tail else ""))


def _volume_title(s: Source, terms: dict[str, str]) -> str:
    """CSL's volume-title in title case: the volume's own title where the entry's title is its multi-volume work's
    (``pandoc_fields.as_pandoc_reads``), or a chapter's book where its book is; '' for none."""
    raw = s.field("volume-title")
    if not raw:
        return ""
    form = csl_form_of(s.file or "")
    text = (markdown_plain if form == "yaml" else json_plain)(raw) if form else decode_latex(raw)
    return title_cased(s, one_line(text), terms, "volume-title")


def _chapter_number(s: Source, terms: dict[str, str]) -> str:
    """A BibTeX chapter's ``chapter`` field as the Chicago styles print it before its book ("Chap. 11", "Chaps. 3-4",
    pt-BR "Cap. 11"; one not a number for citeproc as written: "Eleven"); '' for none, and for an encyclopedia's entry."""
    chapter = one_line(field_text(s, "chapter")) if s.type.lower() != "inreference" else ""  # an entry: none
    if not _NUMERIC.fullmatch(chapter):
        return chapter
    label = "Chaps." if _PLURAL_NUMBER.search(chapter) else "Chap."  # the style's English word in most languages
    return f"{terms.get(label, ENGLISH_TERMS[label])} {chapter}"


def _contributors(s: Source, terms: dict[str, str]) -> list[str]:
    """The editors of a work with authors and its translators, as the Chicago styles print them after its edition
    ("edited by Ann Roe", "translated by Al Loe"; in a chapter those of its book), named once where they are the
    same people ("edited and translated by Ann Roe"); [] for none."""
    found = [f"{terms['edited by']} {_name_list(s.editors, terms, invert_first=False)}"] if s.authors and s.editors \
        else []
    if found and _translator_people(s) == s.editors:  # CSL's editortranslator: "edited and translated by Ann Roe"
        return [f"{terms['edited and translated by']} {_name_list(s.editors, terms, invert_first=False)}"]
    if translators := _translators(s, terms):
        found.append(f"{terms['translated by']} {translators}")
    return found


def _version(s: Source, kind: str, terms: dict[str, str]) -> str:
    """The ``version`` field with its label, as the Chicago styles print it: software's short where the language has
    a short word ("V. 1.2", CMOS 18 14.169), else in full ("Version 1.2"); '' for none."""
    version = one_line(field_text(s, "version"))
    if not version:
        return ""
    word = _capital(terms.get("version", ENGLISH_TERMS["version"]))
    return f"{terms.get('V.', word) if _software(s, kind) else word} {version}"


def _software(s: Source, kind: str) -> bool:
    """Whether the entry is software (a BibTeX @software, a CSL item of type software)."""
    return kind == "software" or s.csl_type == "software"


def _press(s: Source) -> bool:
    """Whether the entry is an article in a newspaper or magazine (its biblatex ``entrysubtype``, as pandoc writes a
    CSL article-newspaper or article-magazine: ``PRESS``)."""
    return s.field("entrysubtype").lower() in PRESS.values()


def _volume(volume: str, terms: dict[str, str], *, capital: bool = False) -> str:
    """A book's volume with its label ("vol. 3", "Vol. 2a" opening a sentence, "vols. 1-2"), one not a number for citeproc
    (``_NUMERIC``) as written ("IV", "Volume 27", "Session 6")."""
    if _NUMERIC.fullmatch(volume):
        label = terms["vols." if _PLURAL_NUMBER.search(volume) else "vol."]  # several: "Vols. 1-2"
        return f"{_capital(label) if capital else label} {volume}"
    return _capital_first(volume) if capital else volume


def _volumes(s: Source) -> str:
    """The number of volumes of a work in several ("2 vols.", "1 vol.", a number not in figures as written: "IX"),
    which the Chicago styles print where no volume of it is cited; '' for none."""
    volumes = one_line(field_text(s, "volumes"))
    return f"{volumes} {'vol' if volumes == '1' else 'vols'}" if volumes.isdigit() else volumes


# Types whose ``number`` is their own, printed with their genre after the title ("Memo No. 12."), as pandoc reads
# BibTeX's: a report, and a @misc or @unpublished item (CSL's document and manuscript); a web page's too
_NUMBERED_TYPES = frozenset({"techreport", "report", "misc", "unpublished"})


def _numbered(s: Source) -> bool:
    """Whether the entry's number is printed with its genre (``_report_number``): a report's, a document's, not a
    preprint's (printed with its genre before: ``format_reference``)."""
    kind = s.type.lower()
    return (kind in _NUMBERED_TYPES or _web_page(s, kind)) and bool(s.number) and not _preprint(s)


def _web_page(s: Source, kind: str) -> bool:
    """Whether the entry is a web page (a BibTeX @online, a CSL webpage), not a blog's post."""
    return (kind in _WEB_TYPES and s.csl_type not in ("post", "post-weblog")) or s.csl_type == "webpage"


def _report_number(s: Source, terms: dict[str, str]) -> str:
    """A report's genre and number as the Chicago styles print them: its genre in title case (``_genre_words``: "working
    paper" as "Working Paper", biblatex's "techreport" as "Technical Report"), a number with its label ("Working Paper
    No. 12", "Nos. 3-4"), one not in figures (citeproc's is-numeric) as written ("RR-7535", "Working Paper 11/2019")."""
    number = one_line(s.number)
    if _NUMERIC.fullmatch(number):
        number = f"{terms['Nos.' if _PLURAL_NUMBER.search(number) else 'No.']} {number}"
    return " ".join(p for p in (title_cased(s, _genre_words(s, terms), terms), number) if p)


def _in_container(s: Source, kind: str) -> bool:
    """Whether the entry is a work printed inside a larger one after its title, as pandoc prints it ("“T.” In
    *arXiv*, 1702.02540."): a BibTeX @misc, report or book with a journal (pandoc's container there), a CSL report or book
    with a container-title (Manubot's arXiv preprints, a book in its series)."""
    if csl_form_of(s.file or ""):
        return s.csl_type in ("report", "book") and bool(s.container)
    return kind in ("misc", "techreport", "report", "book") and bool(s.container) \
        and bool(s.field("journal") or s.field("journaltitle"))


def _inside(out: _Pieces, s: Source, kind: str, terms: dict[str, str]) -> None:
    """A work inside a larger one (``_in_container``), as the Chicago styles print it: "In *Container*", then its number
    with its genre, version, edition, volume and editors ("In *arXiv*, 1511.06434v2, version v2."; "In *Blog*, No. 3,
    vol. 2, edited by Ann Roe."), its series a sentence after, then publisher and date."""
    out.add(f" {terms['In']} ")
    out.add(title_cased(s, one_line(s.container), terms), italic=True)
    version = one_line(field_text(s, "version"))
    volume = one_line(s.volume)
    report = bool(s.number) and kind not in ("book", "mvbook")  # a book's number is its series' (``_series``)
    word = terms.get("version", ENGLISH_TERMS["version"])
    for part in (_report_number(s, terms) if report else "", f"{word} {version}" if version else "",
                 _edition(one_line(field_text(s, "edition")), terms), _volume(volume, terms) if volume else "",
                 *_contributors(s, terms)):
        if part:
            out.add(f", {part}")
    out.add("" if out.ends_with(".") else ".")
    if series := one_line(field_text(s, "series")) if report else _series(s, terms):
        out.add(f" {_end(series)}")
    date = _issued(s, kind, terms, _date(s, terms, full=_full_date(s, kind)), lower=bool(s.publisher))
    if tail := ", ".join(p for p in (_publication(s), date) if p):
        out.add(f" {_end(tail)}")


def _book_like(out: _Pieces, s: Source, kind: str, terms: dict[str, str]) -> None:
    if _in_container(s, kind):
        _inside(out, s, kind, terms)
        return
    if report := _numbered(s):  # its number first, as the styles print it
        out.add(f" {_end(_report_number(s, terms))}")
    if version := _version(s, kind, terms):
        out.add(f" {version}.")
    edition = _edition(one_line(field_text(s, "edition")), terms)
    if edition:
        out.add(f" {_capital_first(edition)}")
        out.add("" if out.ends_with(".") else ".")
    contributors = _contributors(s, terms)
    if kind in _THESIS:
        default = "" if csl_form_of(s.file or "") else terms.get(kind, _THESIS[kind])  # CSL's thesis: its genre alone
        date = _issued(s, kind, terms, _date(s), lower=bool(s.publisher))
        parts = [_genre(s, terms) or default, _publication(s)]  # with no school its place
        out.add(" " + _end(_published(s, ", ".join(p for p in parts if p), date, original=not edition)))
        if number := one_line(s.number):  # its number after, in parentheses: "PhD thesis, Uni, 2023. (2023UEFL2059)."
            out.add(f" ({number}).")
        return
    volume = one_line(s.volume) if kind not in _WEB_TYPES else ""
    titled = _volume_title(s, terms)
    if volume or titled:  # pandoc: "Book. Vol. 3."
        # the contributors with the volume and its title ("Vol. 3, Essays, edited by Ann Roe."), else each a sentence
        # of its own
        head = [_volume(volume, terms, capital=True)] if volume else []
        out.add(_end(" " + ", ".join([*head, *([titled] if titled else []), *contributors])))
    else:
        for contributor in contributors:
            out.add(f" {_end(_capital(contributor))}")
        if volumes := _volumes(s):
            out.add(f" {_end(volumes)}")
    if report:  # pandoc: "Working Paper No. 12. Working Papers. MIT"
        if series := one_line(field_text(s, "series")):
            out.add(f" {series}")
            out.add("" if out.ends_with(".") else ".")
    elif series := _series(s, terms):
        out.add(f" {series}")
        out.add("" if out.ends_with(".") else ".")
    web = kind in _WEB_TYPES or (kind == "misc" and bool(s.url))
    container = title_cased(s, one_line(s.container), terms)
    full = _full_date(s, kind)
    if web or (kind == "misc" and container):
        # a web site's status is as written beside its name or its author and publisher, else capitalised
        lower = bool(container or (s.authors and s.publisher)) if kind in _WEB_TYPES else bool(s.publisher)
        date = _issued(s, kind, terms, _date(s, terms, full=full), lower=lower)
        parts = [p for p in (_preprint_word(s, terms), container,
                             _capital_first(one_line(s.publisher)) if not container else "", date) if p]
        published = bool(container or s.publisher)
        event, dated = ("", False) if kind in _WEB_TYPES and published else _event(s, terms)
        if event and (dated or published):  # "X conference, Honolulu. Talk, 2008."
            out.add(f" {_end(event)}")
        elif event:  # "X conference, Honolulu, 2008."
            parts.insert(0, event)
        if parts:
            out.add(" " + ", ".join(parts))
            out.add("" if out.ends_with(".") else ".")
        return
    described = _preprint_word(s, terms)
    publication = ", ".join(p for p in (described, _publication(s)) if p)
    date = _issued(s, kind, terms, _date(s, terms, full=full), lower=bool(s.publisher or described),
                   alone=not (out.text or publication))
    released = kind == "software" and bool(s.year) and not s.field("pubstate")  # "Zenodo, released 2019"
    event, dated = _event(s, terms) if kind != "software" else ("", False)
    if event and (dated or publication or not date):  # "X conference, May 3, 2008, Honolulu. P, 2008."
        out.add(f" {_end(event)}")
    elif event:  # "X conference, Honolulu, 2008."
        date = f"{event}, {date}"
    if publication and date and not edition and _original_year(s):  # "1960; Zenodo, released 2019"
        out.add(f" {_end(_published(s, publication, f'released {date}' if released else date, original=True))}")
    elif not publication and date and not released and not edition and _original_year(s):  # "1960, 2000"
        out.add(f" {_end(_published(s, publication, date, original=True))}")
    elif publication:
        out.add(f" {publication}" + (f", {'released ' if released else ''}{date}" if date else ""))
        out.add("" if out.ends_with(".") else ".")
    elif date:
        out.add(f" Released {date}" if released else f" {date}")
        out.add("" if out.ends_with(".") else ".")


def _event(s: Source, terms: dict[str, str]) -> tuple[str, bool]:
    """A BibTeX entry's event as pandoc's Chicago prints it after the title: biblatex's ``eventtitle`` in sentence case,
    ``eventdate`` in words and ``venue`` ("X conference, May 3–5, 2008, Honolulu"; a venue with neither no event),
    with whether it has a date of its own; ('', False) for none."""
    if csl_form_of(s.file or ""):
        return "", False
    title = sentence_cased(s, one_line(field_text(s, "eventtitle")), terms, "eventtitle")
    dated = _event_date(s, terms)
    place = one_line(field_text(s, "venue")) if title or dated else ""
    return ", ".join(p for p in (title, dated, place) if p), bool(dated)


def _event_date(s: Source, terms: dict[str, str]) -> str:
    """``eventdate`` in words: one date ("May 3, 2008", "May 2008", "2008") or days of one month ("May 3–5, 2008");
    '' for none, or another range."""
    raw = one_line(s.field("eventdate"))
    ends = edtf_date_parts(raw) if raw else None
    if not ends or not all(ends) or any(len(end) > 1 and not 1 <= end[1] <= 12 for end in ends):
        return ""
    first = ends[0]
    if len(ends) == 2:
        last = ends[1]
        if not (len(first) == len(last) == 3 and first[:2] == last[:2]):
            return ""
        return _date_words(terms, str(first[0]), _month_name(first[1], terms), f"{first[2]}\u2013{last[2]}")
    month = _month_name(first[1], terms) if len(first) > 1 else ""
    return _date_words(terms, str(first[0]), month, str(first[2]) if len(first) > 2 else "")


def _published(s: Source, publication: str, date: str, *, original: bool) -> str:
    """The publisher and date ("Pub, 2000"), with ``original`` after the year of first publication where the entry
    gives one, as pandoc's Chicago prints it: "1960; Pub, 2000", without a publisher "1960, 2000"."""
    tail = ", ".join(p for p in (publication, date) if p)
    first = _original_year(s) if original else ""
    if not first:
        return tail
    return f"{first}; {tail}" if publication else ", ".join(p for p in (first, date) if p)


def _original_year(s: Source) -> str:
    """The year of first publication (biblatex's ``origdate`` or ``origyear``, CSL's original-date) where it is one
    date pandoc reads ("1960", "1960-05": 1960); '' else."""
    raw = one_line(s.field("origdate"))
    ends = edtf_date_parts(raw) if raw else None
    if ends and len(ends) == 1 and ends[0]:
        return str(ends[0][0])
    year = one_line(s.field("origyear")) if not raw else ""
    return year if year.isdigit() else ""


# Types whose undated entries print no "n.d." in the Chicago styles (CSL's webpage and encyclopedia entry: CMOS 18
# 14.104, 14.130); every other prints it where its date would be
_UNDATED_TYPES = _WEB_TYPES | {"inreference"}


def _status(s: Source, terms: dict[str, str]) -> str:
    """The ``pubstate`` field (CSL's status) as pandoc reads it: a biblatex key in the language's words
    ("prepublished": "pre-published", fr "prépublié") where it has them, else as written; '' for none."""
    written = one_line(field_text(s, "pubstate"))
    key = written.lower()
    return terms.get(key, written) if key in PUBSTATE_KEYS else written


def _issued(s: Source, kind: str, terms: dict[str, str], date: str, *, status: bool = True,
            lower: bool = True, alone: bool = False) -> str:
    """What the Chicago styles print where an entry's date goes: the date, after its status where ``status`` allows
    it ("Forthcoming 2020", "pre-published 2025"; as written where ``lower``, else its first letter capitalised);
    with no date the status in lower case ("in press"), else "n.d." but for the types dated by nothing
    (``_UNDATED_TYPES``) and an entry of which nothing else is known (``alone``: its key is printed instead)."""
    state = _status(s, terms)
    if date:
        return f"{state if lower else _capital(state)} {date}" if state and status else date
    if state:
        return state.lower()
    return "" if kind in _UNDATED_TYPES or alone else terms["n.d."]


# Types the Chicago styles date in full ("July 5, 2021": its ``source-date-issued-full`` macro), as pandoc reads
# BibTeX's: a web page, software, a data set, a patent, an unpublished work (CSL's manuscript), a letter, an artwork
# and an audio recording (CSL's personal_communication, graphic, song); a BibTeX @misc is a monograph, dated by its year
_FULL_DATE_TYPES = _WEB_TYPES | {"software", "dataset", "patent", "unpublished", "letter", "artwork", "audio"}


# CSL's types the Chicago styles date in full beside those read as BibTeX's (``_FULL_DATE_TYPES``): an entry in an
# encyclopedia or dictionary, a letter, a standard, a song
_FULL_DATE_CSL_TYPES = frozenset({"entry-encyclopedia", "entry-dictionary", "personal_communication", "standard",
                                  "song"})


def _full_date(s: Source, kind: str) -> bool:
    """Whether the entry's date is printed in full (with its month and day), as citeproc prints its CSL type: an
    item read from CSL as "misc" is one of CSL's ephemeral types (article, document, post), dated in full."""
    return kind in _FULL_DATE_TYPES or (kind == "misc" and bool(csl_form_of(s.file or ""))) \
        or s.csl_type in _FULL_DATE_CSL_TYPES


def _preprint_word(s: Source, terms: dict[str, str]) -> str:
    """"Preprint" (in the language's word) before a preprint's repository and date, where it has no genre; else ''."""
    return _capital_first(terms.get("preprint", ENGLISH_TERMS["preprint"])) if _preprint(s) and not _genre(s, terms) \
        else ""


def _genre(s: Source, terms: dict[str, str]) -> str:
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


def _series(s: Source, terms: dict[str, str]) -> str:
    """A book's or chapter's series with its number in it ("Lecture Notes in Computer Science 855"; one not in figures
    after a comma: "Handbücher, 29.2"), as Chicago and pandoc print it after the editors and edition, in title case
    as citeproc prints an English one ("Library of Philosophy"); "" without a ``series`` field."""
    series = title_cased(s, one_line(field_text(s, "series")), terms, "series")
    number = one_line(s.number)
    if not (series and number):
        return series
    return f"{series} {number}" if _NUMERIC.fullmatch(number) else f"{series}, {number}"


# A number as citeproc's ``is-numeric`` takes it: figures, a letter before or after them allowed ("12a", "S1"), several
# joined by a comma, a hyphen, a dash or "&" ("3, 4", "1-2"); "2.1", "IV" and "No. 5" are not ("Series, 2.1")
_NUMERIC = re.compile(r"[^\W\d_]*\d+[^\W\d_]*(?:\s*[,&\-\u2013]\s*[^\W\d_]*\d+[^\W\d_]*)*")


def _links(out: _Pieces, s: Source, terms: dict[str, str]) -> None:
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


def _name_list(people: tuple[Person, ...], terms: dict[str, str], *, invert_first: bool = True) -> str:
    others = and_others(people)
    people = people[:-1] if others else people
    names = [one_line(_person(p, inverted=i == 0 and invert_first)) for i, p in enumerate(people)]
    etal = len(names) >= _ET_AL_MIN
    if etal:
        names = names[:_ET_AL_FIRST]
    if etal or others:  # pandoc: "Kanner, Leo et al.", "Doe, Jane, Rick Roe, et al."
        return ", ".join(names) + (", " if len(names) > 1 else " ") + terms["et al."]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        sep = f", {terms['and']} " if invert_first else f" {terms['and']} "
        return names[0] + sep + names[1]
    return ", ".join(names[:-1]) + f", {terms['and']} " + names[-1]


# Chinese, Japanese and Korean scripts: a name written in them is printed family name first with no space ("佐伯胖"),
# whatever its place in the list, as citeproc (and so pandoc) prints it.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _person(p: Person, *, inverted: bool) -> str:
    whole = p.family + p.given
    if p.given and _CJK.search(p.family) and _CJK.search(p.given) and not _LATIN.search(whole):
        return whole
    if p.given:
        given = _SPACED_HYPHEN.sub("-", p.given)
        p = replace(p, given=_INITIAL.sub(_initial, _JOINED_INITIALS.sub(". ", given)))
    if not inverted:
        return p.display()
    if not p.prefix[:1].islower():  # pandoc's particle is the words in lower case that open the name: "De la Casa"
        # "Family, Given, Suffix", as citeproc inverts a name (BibTeX's "Doe, Jr., John" as "Doe, John, Jr.")
        return ", ".join(part for part in (" ".join(n for n in (p.prefix, p.family) if n), p.given, p.suffix) if part)
    # CSL's demoted particle (the Chicago styles' default): "Straten, Roelof van", "Doe, John von, Jr."
    given = " ".join(part for part in (p.given, p.prefix) if part)
    return ", ".join(part for part in (p.family, given, p.suffix) if part)


# Initials as citeproc prints a given name it does not shorten (Chicago's ``initialize-with=". "``): "V.S." is
# "V. S.", "K.Muthamil" "K. Muthamil" (a full stop before a letter is followed by a space), "Jorge L" "Jorge L.",
# and a letter in lower case alike ("s.r.o" is "s. r. o.", "Jean d" "Jean d.")
_JOINED_INITIALS = re.compile(r"\.(?=[^\W\d_])")
_SPACED_HYPHEN = re.compile(r"(?<!\s)\s+-(?=[^\W\d_])")  # from a run's first blank only: linear
"""White space before a hyphen that joins a given name's parts ("B. -O.", "Jean -Baptiste"), which citeproc drops."""
_INITIAL = re.compile(r"(?<![\w.'’-])([^\W\d_])(?![\w.'’-])")


def _initial(m: re.Match[str]) -> str:
    return m.group(1) + "."


def _end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _publication(s: Source) -> str:
    """The publisher, or the place where no publisher is named: CMOS 18 (and pandoc's Chicago) print no place
    beside a publisher; either with its first letter capitalised (``_capital_first``)."""
    return _capital_first(one_line(s.publisher) or publication_place(s))


def _month_name(n: int, terms: dict[str, str]) -> str:
    return terms["seasons"].split()[n - 21] if 21 <= n <= 24 else terms["months"].split()[n - 1]


_NO_YEAR = re.compile(r",? (?:de )?\{year\}")


def _date_words(terms: dict[str, str], year: str, month: str = "", day: str = "") -> str:
    """A date as the language writes it (``terms``' "date" and "month-year": "August 20, 2019", de "20. August
    2019", es "20 de agosto de 2019"); a part not given left out with what joins it."""
    if not month:
        return year
    form = terms["date" if day else "month-year"]
    return (form if year else _NO_YEAR.sub("", form)).format(month=month, day=day, year=year)


def _date(s: Source, terms: dict[str, str] = ENGLISH_TERMS, *, full: bool = False, day: bool = True) -> str:
    """The year, or with ``full`` the date in the language's words: its month and (with ``day``) day read from the
    ``date`` field ("2021-07-05": "July 5, 2021") where it names them, else from the ``month`` and ``day`` fields."""
    ends = edtf_date_parts(s.field("date")) if "/" in s.field("date") else None
    if ends and len(ends) == 2 and ends[0] and (ranged := _date_range(ends[0], ends[1], terms, full=full, day=day)):
        return ranged
    year = printed_year(s)
    if not full:
        return year
    ends = edtf_date_parts(s.field("date")) if s.field("date") else None
    if ends and len(ends) == 1 and len(ends[0]) > 1 and (1 <= ends[0][1] <= 12 or 21 <= ends[0][1] <= 24):
        # a single day, month or season (EDTF's 21-24: "Spring 2000", as citeproc prints it), no range
        dated = str(ends[0][2]) if len(ends[0]) > 2 and day else ""
        return _date_words(terms, year, _month_name(ends[0][1], terms), dated)
    month, of_month = month_day(s)
    return _date_words(terms, year, _month_name(month, terms) if month else "",
                       str(of_month) if of_month and day else "")


def _date_range(first: list[int], last: list[int], terms: dict[str, str], *, full: bool, day: bool) -> str:
    """A date range as citeproc prints it: its years ("1984–1986", an open one "2006–"), with ``full`` its months
    ("March–May 1996", "March 1995–May 1996"; de "März–Mai 1996") and, with ``day``, its days: within one month
    where the language writes the day before its comma ("December 10–12, 1996"), across months or years ("May
    30–June 2, 2020", "May 1, 2020–June 2, 2021"); '' where it prints otherwise."""
    if first[0] <= 0 or (last and last[0] <= 0):  # a year BC (citeproc: "380 BC") printed as the first year is
        return ""
    if not last:  # an open range
        return f"{first[0]}\u2013" if not full or len(first) == 1 else ""
    if not full or len(first) == 1 or len(last) == 1:
        return f"{first[0]}\u2013{last[0]}" if first[0] != last[0] else str(first[0])
    if not 1 <= first[1] <= 12 or not 1 <= last[1] <= 12:
        return ""
    months = _month_name(first[1], terms), _month_name(last[1], terms)
    days = (first[2], last[2]) if day and len(first) > 2 and len(last) > 2 else None
    if days and first[:2] == last[:2]:
        if "{day}," not in terms["date"]:  # (de "10.–12. Dezember": a form of its own)
            return ""
        shown = str(days[0]) if days[0] == days[1] else f"{days[0]}\u2013{days[1]}"
        return _date_words(terms, str(first[0]), months[0], shown)
    if days:  # across months or years: "May 30–June 2, 2020", "May 1, 2020–June 2, 2021" (de "30. Mai–2. Juni 2020")
        head = _date_words(terms, "" if first[0] == last[0] else str(first[0]), months[0], str(days[0]))
        return f"{head}\u2013{_date_words(terms, str(last[0]), months[1], str(days[1]))}"
    if first[0] == last[0]:
        return _date_words(terms, str(first[0]), months[0] if months[0] == months[1] else f"{months[0]}\u2013{months[1]}")
    return f"{_date_words(terms, str(first[0]), months[0])}\u2013{_date_words(terms, str(last[0]), months[1])}"


def _iso_to_words(iso: str, terms: dict[str, str]) -> str:
    """An access date in the language's words ("2024-04-17": "April 17, 2024"); '' for one that is no single date
    ("24.03.23", "Use the date of access"), which pandoc leaves out."""
    ends = edtf_date_parts(one_line(iso)) if iso else None
    if not ends or len(ends) != 1 or not 1 <= len(ends[0]) <= 3:
        return ""
    year, *rest = ends[0]
    if rest and not 1 <= rest[0] <= 12:
        return ""
    month = _month_name(rest[0], terms) if rest else ""
    return _date_words(terms, str(year), month, str(rest[1]) if len(rest) > 1 else "")
