"""The hints of LR110 (a field the entry type requires is missing): what the entry holds instead, or what it is.

An @article with no journal may be an arXiv preprint, a title that ends with its journal's citation or a web page;
a container may sit in the other type's field; an address may be written with \\url in a note.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from ..doi import normalize_doi
from ..lazyre import lazy
from ..model import Source
from .field_values import ENDNOTE_TAGS, PAGE_RANGE, endnote_fix, endnote_tag, has_field, plain
from .hints import csl_form

FIELD_HINTS = {
    "author or editor": "add author = {...} or editor = {...}; when a body wrote it, make the body the "
                        "author in double braces, e.g. author = {{Foreign Service Institute}}",
    "author": "add author = {...}; for a body, write it in double braces: author = {{World Bank}}",
    "institution": "add institution = {...}, the body that issued it",
    "school or institution": "add school = {...}, the university that awarded the degree",
    "year or date": "add year = {...} (or date = {YYYY-MM-DD})",
    "journal or journaltitle": "add journal = {...}",
    "booktitle": "add booktitle = {...}, the title of the book or proceedings",
    "url or doi or eprint": "add url = {...}",
    "year or date or urldate": "add year = {...}, or urldate = {YYYY-MM-DD} when the page has no date",
}
# A required container held in the other type's field (@inproceedings with a journal, @article with a
# booktitle): the field to rename, the name it takes, the type the entry may be instead.
HELD_IN = {
    "booktitle": (("journal", "journaltitle"), "booktitle", "@article if it is a journal article"),
    "journal or journaltitle": (("booktitle",), "journal", "@inproceedings if it is a paper in proceedings"),
}


def missing_hint(group: tuple[str, ...], fields: Mapping[str, str], source: Source) -> str:
    """How to fix the entry's missing ``group`` of fields (any one of them would do)."""
    m = " or ".join(group)
    return (_doi_only_hint(fields, source) or _endnote_hint(group, fields, source) or _held_hint(m, fields, source)
            or _unread_name_hint(group, fields, source)
            or _chapter_as_title_hint(m, fields, source)
            or _journal_as_publisher_hint(m, fields, source)
            or _preprint_hint(m, fields, source)
            or _isbn_hint(m, fields, source)
            or _published_hint(m, fields, source)
            or _cited_in_title_hint(m, fields, source)
            or _web_page_hint(m, fields, source) or _address_held_hint(m, fields)
            or _issuer_hint(m, fields, source)
            or FIELD_HINTS.get(m, f"add {group[0]} = {{...}}"))


_DESCRIBING = ("title", "author", "editor", "year", "date", "journal", "journaltitle", "booktitle", "publisher",
               "institution", "school", "organization", "howpublished")
"""The fields that describe a work: an entry with none of them and a DOI is a DOI alone."""


def _doi_only_hint(fields: Mapping[str, str], source: Source) -> str:
    """How to fix an entry that holds only a DOI ("@misc{ref1, doi = {...}}"): its record gives every field it lacks
    (one hint for all, whichever field is asked for); else ''."""
    doi = normalize_doi(plain(fields.get("doi", "")))
    if not doi.startswith("10.") or any(has_field(fields, name) for name in _DESCRIBING):
        return ""
    return f"the entry holds only a DOI: copy the work's title, authors and year from its record, https://doi.org/{doi}"


def _endnote_hint(group: tuple[str, ...], fields: Mapping[str, str], source: Source) -> str:
    """How to fix a missing field whose value another field holds behind one of EndNote's tags ("author = {Cipolla,
    R. %J IEEE Transactions on ...}", as EndNote's BibTeX export writes an article's journal); else ''."""
    if csl_form(source):
        return ""
    for name, value in fields.items():
        tagged = endnote_tag(value)
        if tagged and ENDNOTE_TAGS[tagged[1]] in group and (fix := endnote_fix(name, value, fields)):
            return f"the {name} field holds the {ENDNOTE_TAGS[tagged[1]]}, after EndNote's %{tagged[1]} tag: {fix}"
    return ""


_READ_AS = {"university": "school", "collaborator": "author", "contributor": "author"}
"""Names exports give a field that no tool reads (EndNote's ``university`` of a thesis, Zotero's Contributor as
``collaborator``), with the name read."""


def _unread_name_hint(group: tuple[str, ...], fields: Mapping[str, str], source: Source) -> str:
    """How to fix a missing field the entry holds under a name no tool reads: with ``_`` or ``-`` in it
    ("journal_title", "book-title"), without its "title" ("book" for booktitle), or an export's (``_READ_AS``);
    else ''."""
    if csl_form(source):
        return ""
    for name in fields:
        bare = name.casefold().replace("_", "").replace("-", "")
        meant = (group[0] if bare in group and bare != name.casefold() else
                 bare + "title" if bare + "title" in group else
                 _READ_AS[bare] if _READ_AS.get(bare) in group else "")
        if meant and has_field(fields, name):
            return (f"the {name} field holds it, under a name BibTeX, biber and pandoc do not read: rename {name} to "
                    f"{meant}")
    return ""
CHAPTER_AS_TITLE = "rename chapter to title"
"""The end of the hint of a part of a book whose chapter field holds its title (``_chapter_as_title_hint``)."""
_WORDS_IN = lazy(r"[^\W\d_]{2,}")


def _chapter_as_title_hint(missing: str, fields: Mapping[str, str], source: Source) -> str:
    """How to fix a part of a book with no title whose chapter field holds the chapter's title, as BibTeX's @inbook
    takes it ("chapter = {Institutions and Their Design}", the book's title in title or through crossref): pandoc and
    biblatex read chapter as the chapter's number, the book's title as booktitle; else ''."""
    if missing != "title" or source.type not in ("inbook", "incollection", "inproceedings", "bookinbook"):
        return ""
    chapter = plain(fields.get("chapter", ""))
    if len(_WORDS_IN.findall(chapter)) < 2:
        return ""  # "3", "IV", "Chapter 3": a number
    return (f"the chapter field holds the chapter's title ({chapter!r}), which pandoc and biblatex read as its number: "
            f"{CHAPTER_AS_TITLE}")


_PERIODICAL_WORDS = frozenset({"journal", "transactions", "letters", "review", "bulletin", "communications",
                               "magazine", "quarterly", "annals", "acta", "zeitschrift", "revista", "revue", "rivista"})
"""Words that name a periodical, never a publishing house on their own."""


def _journal_as_publisher_hint(missing: str, fields: Mapping[str, str], source: Source) -> str:
    """How to fix an @article whose publisher field names its journal ("publisher = {Communications of the ACM}",
    as BibSonomy exports some): a periodical's word in it, no publishing house's; else ''."""
    if missing != "journal or journaltitle" or source.type != "article" or csl_form(source):
        return ""
    from ..bibliography.refparse.names import ORGANISATION_WORDS
    from ..locale_terms import PUBLISHER_WORDS
    from ..text import fold_words

    named = plain(fields.get("publisher", ""))
    words = set(fold_words(named).split())
    if _PERIODICAL_WORDS.isdisjoint(words) or not words.isdisjoint(ORGANISATION_WORDS) \
            or not words.isdisjoint(fold_words(" ".join(PUBLISHER_WORDS)).split()):
        return ""  # ("IEEE Communications Society", "Review Press": a body's or a house's name)
    return f"the publisher field holds the journal's name ({named!r}): rename publisher to journal"


_ARXIV_DOI = lazy(r"(?i)^10\.48550/arxiv\.(.+)$")


def _preprint_hint(missing: str, fields: Mapping[str, str], source: Source) -> str:
    """How to fix an @article with no journal that is an arXiv preprint (its eprint, its arXiv DOI), as exported
    by tools that make every paper an @article: no journal to add, but the entry type to change; else ''."""
    if missing != "journal or journaltitle" or source.type != "article" or csl_form(source):
        return ""
    from ..registry.ids import arxiv_id, entry_identifiers

    found = _ARXIV_DOI.match(normalize_doi(plain(fields.get("doi", ""))))
    url = plain(fields.get("url", ""))
    ident = (entry_identifiers(fields).get("arxiv") or (arxiv_id(found.group(1)) if found else "")
             or (arxiv_id(url) if "arxiv.org/abs/" in url else ""))
    if not ident:
        return ""
    return (f"it is the arXiv preprint {ident}, in no journal: make the entry @misc (as arXiv exports it), or "
            f"write journal = {{arXiv preprint arXiv:{ident}}} if your style prints no eprint")




def _isbn_hint(missing: str, fields: Mapping[str, str], source: Source) -> str:
    """How to fix an @article with no journal that has an ISBN: a book, or with a page range a part of one (a chapter,
    a paper in proceedings), as reference managers type a work they cannot tell; else ''."""
    if missing != "journal or journaltitle" or source.type != "article" or csl_form(source):
        return ""
    from ..registry.ids import entry_identifiers

    if not entry_identifiers(fields).get("isbn"):
        return ""  # (none, or no ISBN: "August 2005" in an isbn field is LR122's)
    if PAGE_RANGE.search(plain(fields.get("pages", ""))):
        return ("it has an ISBN and a page range, so it is a part of a book: make the entry @incollection "
                "(@inproceedings for a paper in proceedings), with booktitle = {...}")
    return "it has an ISBN, so it is a book: make the entry @book, with publisher = {...}, or add journal = {...} if " \
           "it appeared in one"


def _published_hint(missing: str, fields: Mapping[str, str], source: Source) -> str:
    """How to fix an @article with no journal that names a publisher and its place, or a publisher and nothing of a
    journal (no volume, issue, pages, DOI or address), as a book does (a hand-typed entry of a book typed as an
    article, Google Scholar's of a book): the type to change; else ''. (A publisher naming a periodical is
    ``_journal_as_publisher_hint``'s.)"""
    if missing != "journal or journaltitle" or source.type != "article" or csl_form(source):
        return ""
    if not plain(fields.get("publisher", "")):
        return ""
    if not (plain(fields.get("address", "")) or plain(fields.get("location", ""))):
        if any(has_field(fields, name) for name in ("volume", "number", "issue", "pages", "doi", "booktitle", "url")):
            return ""  # an article with its journal left out
        # Google Scholar's BibTeX of a book: @article, its publisher, nothing of a journal
        return "it names a publisher and no volume, issue or pages, as a book does, and no journal: make the entry " \
               "@book, or add journal = {...} if it appeared in one"
    if PAGE_RANGE.search(plain(fields.get("pages", ""))):
        return ("it names a publisher and a place, and a page range: a part of a book, make the entry @incollection "
                "with booktitle = {...}, or add journal = {...} if it appeared in one")
    return "it names a publisher and a place, as a book does, and no journal: make the entry @book, or add " \
           "journal = {...} if it appeared in one"


_CITATION_END = lazy(r"(?P<volume>\d{1,4})\s*\((?P<number>[\w-]{1,6})\)\s*:\s*(?P<pages>\w?\d+\s*(?:-+|–)\s*\w?\d+)\s*\.?$")
"""The end of a title that ends with its journal's citation, as Google Scholar pastes some: "... a survey. Comput
Netw54 (15): 2787--2805" (the volume, issue and pages; the journal before them is found by ``_cited_in_title``)."""
_TITLE_BREAK = lazy(r"[.,]\s+")
_JOURNAL_CHAR = lazy(r"[\w .&'’-]")
_LETTER = lazy(r"[^\W\d_]")


def _cited_in_title(title: str) -> tuple[str, str, str, str, str, str] | None:
    """(title, journal, volume, issue, pages, the citation as written) of a title that ends with its journal's
    citation: the shortest title of eight characters or more, a full stop or comma, then the journal (a capital and a
    letter, then words, "&" and marks) before the volume; else None. Read from the end, in time linear in the title's
    length (a pattern that tried each title with each journal took its square)."""
    end = _CITATION_END.search(title)
    if end is None:
        return None
    head = title[:end.start()].rstrip()
    run = len(head)  # where the journal's characters that end ``head`` start
    while run and _JOURNAL_CHAR.fullmatch(head[run - 1]):
        run -= 1
    for brk in _TITLE_BREAK.finditer(head, 8):
        if "\n" in head[:brk.start()]:
            return None
        at = brk.end()
        if at >= run and at + 1 < len(head) and "A" <= head[at] <= "Z" and _LETTER.fullmatch(head[at + 1]):
            return (title[:brk.start()], head[at:], end["volume"], end["number"], end["pages"],
                    title[brk.start() + 1:end.end()].strip())
    return None


def _cited_in_title_hint(missing: str, fields: Mapping[str, str], source: Source) -> str:
    """How to fix an @article with no journal whose title ends with the journal, volume, issue and pages; else ''."""
    if missing != "journal or journaltitle" or source.type != "article" or csl_form(source):
        return ""
    cited = _cited_in_title(plain(fields.get("title", "")).strip())
    if cited is None or any(has_field(fields, name) for name in ("volume", "number", "pages")):
        return ""
    title, journal, volume, number, pages, written = cited
    pages = re.sub(r"\s*(?:-+|–)\s*", "--", pages)
    return (f"the title ends with its journal's citation ({written!r}): write "
            f"title = {{{title}}}, journal = {{{journal.strip()}}}, volume = {{{volume}}}, number = {{{number}}}, "
            f"pages = {{{pages}}}")


def _issuer_hint(missing: str, fields: Mapping[str, str], source: Source) -> str:
    """How to fix a report with no author whose institution names the body that issued it (an official document:
    "institution = {Council of the European Union}"): that body as its author too; else ''."""
    if missing != "author" or source.type not in ("report", "techreport") or csl_form(source):
        return ""
    if not plain(fields.get("institution", "")):
        return ""
    body = " ".join(fields["institution"].split())  # as written: its braces keep its accents ({\\v{s}})
    return (f"the institution field names the body that issued it: make it the author too, author = {{{{{body}}}}}, "
            "or write the author if a person wrote it")


_GOOGLE_BOOKS = lazy(r"books\.google\.[a-z.]+/")
_CATALOGUES = (("scholar.google.", "a search on Google Scholar"), ("philpapers.org/rec/", "its record on PhilPapers"),
               ("semanticscholar.org/paper/", "its record on Semantic Scholar"), ("worldcat.org/", "its record on WorldCat"),
               ("search.worldcat.org/", "its record on WorldCat"))
"""Where (host without www., then path) pages that find a work or describe it are, not its own page: an @article with
no journal saved from one is an article or a book, no web page."""


def _web_page_hint(missing: str, fields: Mapping[str, str], source: Source) -> str:
    """How to fix an @article with no journal that is a web page (an address, in url or written with \\url in a
    note or the title, and no volume, pages, DOI or publisher), as hand-written files type every source @article; else ''."""
    if missing != "journal or journaltitle" or source.type != "article" or csl_form(source):
        return ""
    if any(has_field(fields, name) for name in ("volume", "number", "pages", "doi", "eprint", "publisher", "booktitle")):
        return ""  # an article with its journal left out, or a paper in proceedings (_held_hint)
    titled = None if has_field(fields, "url") else _ADDRESS_IN_TEXT.search(fields.get("title", ""))
    if titled:  # "kuromoji.js, \url{https://github.com/...}": the page's address where its name goes
        return (f"it reads as a web page, its address written in the title: make the entry @online (@misc for BibTeX's "
                f"standard styles) with url = {{{titled.group(1)}}}, and leave the address out of the title")
    if not (has_field(fields, "url") or any(_ADDRESS_IN_TEXT.search(fields.get(n, "")) for n in ("note", "howpublished"))):
        return ""
    try:
        parts = urlsplit(plain(fields.get("url", "")))
        where = (parts.hostname or "").removeprefix("www.") + parts.path
    except ValueError:  # (an address that cannot be parsed is LR123's)
        where = ""
    if _GOOGLE_BOOKS.match(where):
        return "it is a book, its address its Google Books page: make the entry @book, with publisher = {...}"
    if found := next((how for start, how in _CATALOGUES if where.startswith(start)), ""):
        return (f"its address is {found}, a catalogue's page, not the work's: add journal = {{...}} if the work is "
                "an article, or make the entry @book (with publisher = {...}) if it is a book")
    return ("it reads as a web page, with an address and no volume, pages or DOI: make the entry @online (@misc for "
            "BibTeX's standard styles), or add journal = {...} if it appeared in one")


def _held_hint(missing: str, fields: Mapping[str, str], source: Source) -> str:
    """How to fix a missing container the entry holds in another type's field (BibTeX names: in CSL both
    are container-title), or ''."""
    held = HELD_IN.get(missing)
    if held is None or csl_form(source):
        return ""
    names, target, other_type = held
    there = next((n for n in names if has_field(fields, n)), None)
    if there is None:
        return ""
    return f"the {there} field holds it: rename {there} to {target}, or make the entry {other_type}"


_ADDRESS_IN_TEXT = lazy(r"\\url\s*\{\s*([^{}\s]+)\s*\}")
"""A web address written with \\url in a text field ("note = {Available at \\url{https://...}}")."""


def _address_held_hint(missing: str, fields: Mapping[str, str]) -> str:
    """How to fix a missing url an entry writes with \\url in its note, howpublished or addendum, or ''."""
    if not missing.startswith("url"):
        return ""
    for name in ("note", "howpublished", "addendum"):
        if found := _ADDRESS_IN_TEXT.search(fields.get(name, "")):
            return (f"the {name} field holds the address \\url{{{found.group(1)}}}: write url = {{{found.group(1)}}} "
                    f"and leave it out of the {name}")
    return ""
