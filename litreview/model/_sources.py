"""Bibliography value types: a person, an entry, the loaded bibliography.

Re-exported by ``litreview.model``; import them from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from litreview.model._findings import Finding


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Person:
    """A person (or organisation) as named in an entry or a registry record."""

    family: str
    """Family name (for an organisation, its whole name)."""
    given: str = ""
    """Given names or initials, as written."""
    prefix: str = ""
    """Name particle such as "von" or "de"."""
    suffix: str = ""
    """Lineage such as "Jr"."""

    def display(self) -> str:
        """The name in reading order: "K. J. Holsti"."""
        return " ".join(p for p in (self.given, self.prefix, self.family, self.suffix) if p)

    def sort_name(self) -> str:
        """The name in bibliography order: "Holsti, K. J."."""
        family = " ".join(p for p in (self.prefix, self.family) if p)
        parts = [family, self.suffix, self.given]
        return ", ".join(p for p in parts if p)

    def to_json(self) -> dict[str, str]:
        return {"family": self.family, "given": self.given}


@dataclass(frozen=True, slots=True)
class Source:
    """One bibliography entry, decoded to Unicode for display."""

    key: str
    """The citation key, e.g. ``holsti2004taming``."""
    type: str
    """Entry type in lower case: book, article, incollection, online, misc, ..."""
    authors: tuple[Person, ...] = ()
    """Authors in order."""
    editors: tuple[Person, ...] = ()
    """Editors in order."""
    year: int | None = None
    """Year of publication, or None when absent or not a number."""
    title: str = ""
    """Title with LaTeX decoded and protective braces removed."""
    container: str = ""
    """Journal, book title or web site that contains the work."""
    publisher: str = ""
    """Publisher or institution."""
    volume: str = ""
    """Volume."""
    number: str = ""
    """Issue or report number."""
    pages: str = ""
    """Page range with an en dash."""
    doi: str = ""
    """DOI exactly as written in the entry."""
    url: str = ""
    """URL exactly as written in the entry."""
    urldate: str = ""
    """Access date (ISO 8601) for web sources."""
    fields: Mapping[str, str] = field(default_factory=_empty)
    """Every field as written in the file (LaTeX kept), including persons as strings."""
    file: str | None = None
    """The .bib file the entry came from."""
    line: int | None = None
    """1-based line of the ``@type{key,`` that opens the entry."""
    field_lines: Mapping[str, int] = field(default_factory=_empty)
    """Field name (lower case) -> 1-based line of its name, for the fields the entry writes itself; an
    inherited field, and every field of a CSL item, has none (``line_of`` gives the entry's line)."""
    csl_type: str = ""
    """The CSL item type of an entry read from CSL ("article-journal", "article"), which ``type`` names in BibTeX's
    words and loses where two CSL types are one BibTeX type (a preprint, CSL's "article", is ``misc``); '' for
    an entry read from BibTeX."""
    csl_issue: str = ""
    """The issue of an item read from CSL (read into ``number`` as well), which some of CSL's types print apart from a
    number of their own (a document's "no. 2" after its volume: ``chicago_kinds.apart_issue``); '' for BibTeX."""
    date_literal: str = ""
    """A CSL date written as text alone (``issued: {literal: "July 1945 Issue"}``), which citeproc prints as written
    where the date goes; kept apart from ``fields`` so that no date check reads it as a date ('' for any other)."""

    def field(self, name: str) -> str:
        """A raw field value ('' when absent)."""
        return self.fields.get(name.lower(), "")

    def line_of(self, name: str) -> int | None:
        """The line a finding about field ``name`` points at: the field's own, else the entry's."""
        return self.field_lines.get(name, self.line)

    def to_json(self) -> dict[str, Any]:
        """The public JSON form (``litreview sources --format json``)."""
        return {
            "key": self.key,
            "type": self.type,
            "authors": [p.to_json() for p in self.authors],
            "editors": [p.to_json() for p in self.editors],
            "year": self.year,
            "title": self.title,
            "container": self.container,
            "publisher": self.publisher,
            "volume": self.volume,
            "number": self.number,
            "pages": self.pages,
            "doi": self.doi,
            "url": self.url,
            "urldate": self.urldate,
        }


@dataclass(frozen=True, slots=True)
class Bibliography:
    """A loaded bibliography: its entries and the problems met reading it."""

    sources: tuple[Source, ...]
    """Entries in file order."""
    problems: tuple[Finding, ...] = ()
    """Parse problems found while loading (LR1xx findings)."""
    file: str | None = None
    """Path the bibliography was read from."""
    text: str = ""
    """The file's text, kept for writers that must preserve every other byte."""
    parts: tuple[tuple[str | None, str], ...] = ()
    """(file, text) of each file when several bibliographies are read as one; empty for one file."""
    earlier: tuple[Source, ...] = ()
    """The first entry of each key a file defines more than once, which a later one replaces in ``sources`` (pandoc
    uses the last; BibTeX and biber the first: ``several.as_bibtex_reads``), and each entry inheriting (crossref,
    xdata) from such a key as it reads inheriting from that first entry."""

    @property
    def files(self) -> tuple[tuple[str | None, str], ...]:
        """(file, text) of every file read: checks that read the text read each."""
        return self.parts or ((self.file, self.text),)

    @property
    def where(self) -> str | None:
        """Every file read, for messages (``a.bib, b.json``): a key missing from one is missing from all."""
        return ", ".join(f for f, _ in self.files if f) or None

    def get(self, key: str) -> Source | None:
        for source in self.sources:
            if source.key == key:
                return source
        return None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.sources)


@dataclass(frozen=True, slots=True)
class UnreadBibliographies:
    """The files the essay names as its bibliography that exist but are not read (the settings name others), and
    those it names that do not exist."""

    files: tuple[tuple[str, int | None], ...] = ()
    """Each unread file's name and the line of the essay naming it (None when the essay's text names none)."""
    setting: tuple[str, ...] = ()
    """Every file, read and unread, as the bibliography setting that reads them all names them."""
    missing: tuple[tuple[str, int | None], ...] = ()
    """Each file the essay names that does not exist, and the line naming it: pandoc stops on it (with the settings
    naming others, the check goes on). A name one of the files read bears (a chapter's ``refs.bib`` that pandoc finds
    in the folder it runs in) is no missing file."""
    named_by: str = ""
    """The file that names them when the essay does not: its book's (``_quarto.yml``, ``index.Rmd``)."""
    beside: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Each .bib file in the essay's folder that nothing names or reads, with the keys it holds that the essay cites
    and no file read has: where their entries were added (the wrong one of several files)."""
