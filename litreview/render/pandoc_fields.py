"""How pandoc's biblatex reader reads an entry's publishing fields into CSL, for the Chicago references
(``citation``): its publishers and places, the container a ``howpublished`` is or is not, and an e-print's URL."""

from __future__ import annotations

from dataclasses import replace

from ..bibliography.bibtex import MONTH_NAMES, MONTHS
from ..bibliography.csl import csl_form_of
from ..bibliography.latex import decode_latex, field_text, title_joined
from ..bibliography.names import pandoc_split_names
from ..model import Source
from .sanitize import one_line

WEB_TYPES = frozenset({"online", "www", "electronic"})
"""BibTeX's and biblatex's types of a web page."""

# The month fields pandoc reads as a month: a month macro's three letters in any case ("jun", "{Jun}", "{JUN}"), and
# the English name the loader expands a macro to (``month = jun`` is "June"), in that case alone
_MONTH_WORDS = {m: n for n, m in enumerate(MONTHS, start=1)} | {m: n for n, m in enumerate(MONTH_NAMES, start=1)}


def month_day(s: Source) -> tuple[int, int]:
    """The month and day pandoc reads from an entry's BibTeX ``month`` and ``day`` fields, 0 for none: a month in
    figures ("6", "06", " 6 "), a month macro's three letters in any case ("jun", "{JUN}"), or the name the loader
    gives a macro ("June": so "{June}" too, which pandoc leaves out, as the loader reads both alike); any other text
    ("june", "JUNE", "Jun.", "Sept", "Mai", "21 October") none. The day in figures ("5", "005"), read beside a month
    alone ("5th" none). Every reader of the fields goes through here: the Chicago entries and the CSL-JSON."""
    raw = s.field("month")
    month = int(raw) if raw.strip().isdigit() else _MONTH_WORDS.get(raw if raw in MONTH_NAMES else raw.lower(), 0)
    if not 1 <= month <= 12:
        return 0, 0
    day = s.field("day").strip()
    return month, int(day) if day.isdigit() else 0


def publication_place(s: Source) -> str:
    """The place of publication (``address``, or biblatex's ``location``), several joined as pandoc reads them
    ("New York; London")."""
    field = "address" if s.field("address") else "location"
    return "; ".join(p for p in (one_line(part) for part in _list_field(s, field)) if p)


# The fields pandoc's biblatex reader joins, in this order and with "; ", into CSL's publisher; ``howpublished`` among
# them (a web site's "howpublished" read from CSL is its container)
_PUBLISHER_FIELDS = ("school", "institution", "organization", "howpublished", "publisher")


def _publisher(s: Source) -> str:
    """The publisher as pandoc reads it: a BibTeX entry's school, institution, organization, howpublished and
    publisher joined ("Altera; Intel"), each once (an item read from CSL gives its publisher to the issuer's field)."""
    names = [one_line(name) for n in _PUBLISHER_FIELDS if n != "howpublished" or _howpublished(s)
             for name in _list_field(s, n)]
    return "; ".join(dict.fromkeys(n for n in names if n)) or one_line(s.publisher)


def _list_field(s: Source, name: str) -> list[str]:
    """A biblatex list field (a publisher, an institution, a place) as pandoc's reader reads it: its items split at
    "and" outside braces ("Simon and Schuster" is two, "{Simon and Schuster}" one), each decoded; a BibTeX @misc's
    ``howpublished`` whole."""
    if form := csl_form_of(s.file or ""):  # a CSL item's text, its rich text or Markdown rendered ("50<sup>th</sup>")
        from ..bibliography.csl_item import csl_plain

        return [" ".join(csl_plain(s.field(name), form).split())]
    if name == "howpublished":
        return [field_text(s, name)]
    return [decode_latex(part) for part in pandoc_split_names(s.field(name))]


def _howpublished(s: Source) -> bool:
    """Whether ``howpublished`` is a publisher, as pandoc's biblatex reader reads it in every entry type (a BibTeX
    @misc's "\\url{…}", "Online", an @online's site name), not a container (an item read from CSL keeps its web
    site's name there)."""
    return bool(s.field("howpublished")) and not csl_form_of(s.file or "")


_BOOKTITLE_READ = frozenset({"inbook", "incollection", "inproceedings", "bookinbook", "inreference", "conference"})
"""The types whose ``booktitle`` pandoc's biblatex reader takes as their container, the book they are a part of (and
BibTeX's @conference, an @inproceedings to BibTeX, which pandoc 3.9 reads as no type: kept a paper in proceedings)."""


def _booktitle_unread(s: Source) -> bool:
    """Whether the container is a ``booktitle`` pandoc's reader does not read, of a type that is no part of a book
    (``_BOOKTITLE_READ``): an article's container is its journal alone (IEEE's and OpenReview's exports write a
    paper's proceedings so); a @misc's or a @book's booktitle is left out (Mendeley writes a journal so)."""
    return s.type.lower() not in _BOOKTITLE_READ and not csl_form_of(s.file or "") and bool(s.container) \
        and not (s.field("journal") or s.field("journaltitle")) and s.container == field_text(s, "booktitle")


def as_pandoc_reads(s: Source) -> Source:
    """``s`` with the container, publisher and URL pandoc reads from its fields: ``howpublished`` a publisher, not the
    container (``_howpublished``), a ``booktitle`` of a type that is no part of a book no container (``_booktitle_unread``), every publishing body named (``_publisher``), and with no ``url`` the address of
    its e-print (``_eprint_url``); a volume of a multi-volume work read as its work's (``_main_work``)."""
    s = _main_work(s)
    container = s.container
    if _howpublished(s) and container == field_text(s, "howpublished"):
        container = field_text(s, "maintitle")
    elif _booktitle_unread(s):
        container = ""
    return replace(s, container=container, publisher=_publisher(s), url=s.url or _eprint_url(s))


# Types whose ``booktitle`` is the book they are in: their ``maintitle`` is that book's multi-volume work
_PART_TYPES = frozenset({"inbook", "incollection", "inproceedings", "bookinbook", "suppbook"})


def _joined(raw: str, subtitle: str, addon: str) -> str:
    """A raw title with its raw subtitle after a colon and its addon after a full stop, as pandoc joins them
    (``title_joined``)."""
    return title_joined(title_joined(raw, ":", subtitle), ".", addon)


def _main_work(s: Source) -> Source:
    """A BibTeX volume of a multi-volume work (biblatex's ``maintitle``) as pandoc's reader reads it into CSL: the work
    is the title ("Computers & Typesetting"), or a chapter's book ("In Kants Werke"), and the volume's own title, or
    its book's, the ``volume-title`` printed after its number (``citation``)."""
    main = s.field("maintitle")
    kind = s.type.lower()
    if not main.strip() or csl_form_of(s.file or "") or kind == "article":
        return s
    fields = dict(s.fields)
    if kind in _PART_TYPES:
        if not s.field("booktitle").strip():  # the work is the book it is in, no volume of it named
            return s
        fields["volume-title"] = _joined(s.field("booktitle"), s.field("booksubtitle"), s.field("booktitleaddon"))
        fields.update(booktitle=main, booksubtitle=_main_or(s, "mainsubtitle", "booksubtitle"),
                      booktitleaddon=_main_or(s, "maintitleaddon", "booktitleaddon"))
        return replace(s, container=decode_latex(main), fields=fields)
    fields["volume-title"] = _joined(s.field("title"), s.field("subtitle"), s.field("titleaddon"))
    fields.update(title=main, subtitle=_main_or(s, "mainsubtitle", "subtitle"),
                  titleaddon=_main_or(s, "maintitleaddon", "titleaddon"))
    container = "" if s.container == decode_latex(main) else s.container
    return replace(s, title=decode_latex(main), container=container, fields=fields)


def _main_or(s: Source, main: str, own: str) -> str:
    """The work's field (``mainsubtitle``), else the volume's own (``subtitle``): pandoc's reader takes one or the
    other for the work's title ("Collected Works: Essays" for a volume subtitled "Essays")."""
    return s.field(main) if s.field(main).strip() else s.field(own)


# The e-print archives pandoc's biblatex reader makes a URL of (``eprinttype``, or BibTeX's ``archiveprefix``)
_EPRINT_URLS = {"arxiv": "https://arxiv.org/abs/", "jstor": "https://www.jstor.org/stable/",
                "pubmed": "https://www.ncbi.nlm.nih.gov/pubmed/", "googlebooks": "https://books.google.com?id="}


def _eprint_url(s: Source) -> str:
    """The address of a BibTeX entry's e-print in an archive pandoc knows ("eprint = {2002.01674}" of arXiv:
    "https://arxiv.org/abs/2002.01674"); '' for none."""
    eprint = one_line(s.field("eprint"))
    base = _EPRINT_URLS.get((s.field("eprinttype") or s.field("archiveprefix")).strip().lower(), "")
    return f"{base}{eprint}" if base and eprint and not csl_form_of(s.file or "") else ""
