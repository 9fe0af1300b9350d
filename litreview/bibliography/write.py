"""BibTeX text for a registry record, and appending entries to a .bib without touching its bytes.

Registry text is untrusted: tags and braces are removed and LaTeX specials escaped,
so an entry always parses and never changes the meaning of the rest of the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Person, RegistryRecord
from ..pandoc_text import html_text
from ..text import without_controls
from .bibtex import escape, format_entry, page_range

__all__ = ["append_entries", "bibtex_type", "clean", "clean_verbatim", "entry_text", "format_entry",
           "newline_of", "page_range", "people", "person", "protect", "record_fields"]

#: registry work type -> (BibTeX type, field the container goes in, field the publisher goes in)
_TYPES: dict[str, tuple[str, str, str]] = {
    "journal-article": ("article", "journal", ""),
    "article-journal": ("article", "journal", ""),
    "article": ("article", "journal", ""),
    "book": ("book", "series", "publisher"),
    "monograph": ("book", "series", "publisher"),
    "edited-book": ("book", "series", "publisher"),
    "reference-book": ("book", "series", "publisher"),
    "book-chapter": ("incollection", "booktitle", "publisher"),
    "book-part": ("incollection", "booktitle", "publisher"),
    "book-section": ("incollection", "booktitle", "publisher"),
    "chapter": ("incollection", "booktitle", "publisher"),
    "reference-entry": ("incollection", "booktitle", "publisher"),
    "proceedings-article": ("inproceedings", "booktitle", "publisher"),
    "paper-conference": ("inproceedings", "booktitle", "publisher"),
    "report": ("techreport", "", "institution"),
    "report-component": ("techreport", "", "institution"),
    "dissertation": ("phdthesis", "", "school"),
    "thesis": ("phdthesis", "", "school"),
}
_SPACE = re.compile(r"\s+")
# Words a style must not lower-case: acronyms and words with inner capitals (NATO, iPhone, McNamara).
_PROTECT = re.compile(r"(?<![\w{])(\w*[A-Z]\w*[A-Z]\w*|[a-z]+[A-Z]\w*)(?![\w}])")


def clean(text: str) -> str:
    """Registry text made safe for a field value: no markup, LaTeX specials escaped (``bibtex.escape``)."""
    text = html_text(text or "")
    return escape(_SPACE.sub(" ", text).strip())


def clean_verbatim(text: str) -> str:
    """DOI and URL values: kept as written except braces, white space and control characters."""
    return re.sub(r"[{}\s]", "", without_controls(text or ""))


def protect(title: str) -> str:
    """Brace acronyms and inner-capital words so styles keep their case."""
    return _PROTECT.sub(r"{\1}", title)


def person(p: Person) -> str:
    """'Family, Given' (with particle and suffix), or a body's whole name in braces."""
    family = clean(" ".join(x for x in (p.prefix, p.family) if x))
    if not p.given:
        return "{" + family + "}"
    if "," in family or " and " in f" {family} ":
        family = "{" + family + "}"
    parts = [family, clean(p.suffix), clean(p.given)] if p.suffix else [family, clean(p.given)]
    return ", ".join(parts)


def people(persons: Sequence[Person]) -> str:
    return " and ".join(person(p) for p in persons)


def bibtex_type(record_type: str) -> str:
    """The BibTeX entry type for a registry work type (misc when unknown)."""
    return _TYPES.get(record_type, ("misc", "", ""))[0]


def record_fields(record: RegistryRecord) -> list[tuple[str, str]]:
    """The entry's fields, in the usual order, from a registry record."""
    kind, container_field, publisher_field = _TYPES.get(record.type, ("misc", "", "howpublished"))
    title = clean(record.title)
    if record.subtitle:
        title = f"{title}: {clean(record.subtitle)}"
    fields: list[tuple[str, str]] = []
    if record.authors:
        fields.append(("author", people(record.authors)))
    if record.editors:
        fields.append(("editor", people(record.editors)))
    fields.append(("title", protect(title)))
    if container_field and record.container:
        fields.append((container_field, clean(record.container)))
    if record.volume:
        fields.append(("volume", clean(record.volume)))
    if record.issue:
        fields.append(("number", clean(record.issue)))
    if record.pages:
        fields.append(("pages", clean(page_range(record.pages))))
    if publisher_field and record.publisher:
        fields.append((publisher_field, clean(record.publisher)))
    if record.year:
        fields.append(("year", str(record.year)))
    if record.isbn and kind == "book":
        fields.append(("isbn", clean_verbatim(record.isbn[0])))
    fields.append(("doi", clean_verbatim(record.doi)))
    url = clean_verbatim(record.url)
    if url and "doi.org/" not in url.lower():
        fields.append(("url", url))
    return [(name, value) for name, value in fields if value]


def entry_text(record: RegistryRecord, key: str) -> str:
    """One BibTeX entry, fields aligned like the rest of the file, ending with a newline."""
    return format_entry(bibtex_type(record.type), key, record_fields(record)) + "\n"


def newline_of(data: bytes) -> bytes:
    """The file's line ending: CRLF when it uses CRLF, else LF."""
    return b"\r\n" if b"\r\n" in data else b"\n"


def append_entries(original: bytes, entries: Sequence[str]) -> bytes:
    """``original`` unchanged, then a blank line and each entry (in the file's line ending).

    The original bytes are a prefix of the result: a file without a final newline gets
    one added after its last byte, nothing else about it changes.
    """
    if not entries:
        return original
    nl = newline_of(original)
    out = bytearray(original)
    if out and not out.endswith(b"\n"):
        out += nl
    for entry in entries:
        body = entry.replace("\r\n", "\n").replace("\n", nl.decode()).encode("utf-8")
        if out.strip() and not out.endswith(nl + nl):
            out += nl
        out += body
    return bytes(out)
