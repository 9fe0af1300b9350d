"""The layouts of a Chicago reference after its title (``citation.format_reference``): an article, a chapter, a
work inside a larger one, a book-like work, a case, statute or treaty, a patent; and what stands for a missing author."""

from __future__ import annotations

from dataclasses import replace

from ..bibliography.csl import csl_form_of
from ..bibliography.latex import container_with_addon, field_text, title_with_addon
from ..locale_terms import ENGLISH_TERMS
from ..model import Source
from .chicago_dates import date as _date
from .chicago_dates import full_date as _full_date
from .chicago_dates import issued as _issued
from .chicago_dates import original_year as _original_year
from .chicago_dates import published as _published
from .chicago_fields import chapter_number as _chapter_number
from .chicago_fields import event as _event
from .chicago_fields import first_page as _first_page
from .chicago_fields import genre as _genre
from .chicago_fields import issue as _issue
from .chicago_fields import preprint_word as _preprint_word
from .chicago_fields import publication as _publication
from .chicago_fields import report_number as _report_number
from .chicago_fields import series as _series
from .chicago_fields import version as _version
from .chicago_fields import volume_title as _volume_title
from .chicago_fields import volumes as _volumes
from .chicago_kinds import THESIS as _THESIS
from .chicago_kinds import apart_issue as _apart_issue
from .chicago_kinds import in_container as _in_container
from .chicago_kinds import numbered as _numbered
from .chicago_kinds import press as _press
from .chicago_kinds import software as _software
from .chicago_kinds import web_page as _web_page
from .chicago_names import contributors as _contributors
from .chicago_names import name_list as _name_list
from .chicago_names import people as _people
from .chicago_text import NUMERIC as _NUMERIC
from .chicago_text import PLURAL_NUMBER as _PLURAL_NUMBER
from .chicago_text import Pieces as _Pieces
from .chicago_text import capital_first as _capital_first
from .chicago_text import capitalised as _capital
from .chicago_text import edition as _edition
from .chicago_text import end as _end
from .chicago_text import labelled as _labelled
from .chicago_text import volume as _volume
from .page_ranges import printed_pages
from .pandoc_fields import WEB_TYPES as _WEB_TYPES
from .pandoc_fields import publication_place
from .sanitize import one_line
from .short_labels import printed_year
from .title_case import sentence_cased, title_cased


def author_substitute(s: Source, terms: dict[str, str]) -> tuple[str, Source, bool] | None:
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


def legal(out: _Pieces, s: Source, title: str, terms: dict[str, str]) -> None:
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


def patent(out: _Pieces, s: Source, terms: dict[str, str]) -> None:
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


def article(out: _Pieces, s: Source, terms: dict[str, str], *, paper: bool = False) -> None:
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


def chapter(out: _Pieces, s: Source, terms: dict[str, str]) -> None:
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


def book_like(out: _Pieces, s: Source, kind: str, terms: dict[str, str]) -> None:
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
    issue = _apart_issue(s)
    issue = f"{terms['nos.' if _PLURAL_NUMBER.search(issue) else 'no.']} {issue}" if issue else ""
    if report:  # pandoc: "Working Paper No. 12. Working Papers. MIT"
        if series := one_line(field_text(s, "series")):
            out.add(f" {series}")
            out.add("" if out.ends_with(".") else ".")
    elif series := _series(s, terms):  # a CSL item's issue with it: "Coll, no. 2."
        out.add(f" {series}" + (f", {issue}" if issue else ""))
        out.add("" if out.ends_with(".") else ".")
        issue = ""
    if issue:  # a CSL document's, as pandoc prints it: "Vol. 3. no. 2."
        out.add(f" {_end(issue)}")
    web = kind in _WEB_TYPES or (kind == "misc" and bool(s.url))
    container = title_cased(s, one_line(s.container), terms)
    full = _full_date(s, kind)
    if web or (kind == "misc" and container):
        # a web site's status is as written beside its name or its author and publisher, else capitalised
        lower = bool(container or (s.authors and s.publisher)) if kind in _WEB_TYPES else bool(s.publisher)
        date = _issued(s, kind, terms, _date(s, terms, full=full), lower=lower)
        # a @misc's place where it names no publisher, as pandoc prints it ("South Bend, IN, 1977"); a web page's none
        issuer = (_publication(s) if kind not in _WEB_TYPES else _capital_first(one_line(s.publisher))) \
            if not container else ""
        parts = [p for p in (_preprint_word(s, terms), container, issuer, date) if p]
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
