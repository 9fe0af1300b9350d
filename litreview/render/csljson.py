"""Sources as CSL-JSON, the citation-style-language data format (Zotero, pandoc, citeproc).

``to_csl_json(sources)`` backs ``litreview sources --format csljson`` and the site's
downloads; field and type names follow the CSL-JSON schema (csl-data.json).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..bibliography.csl_item import BIBTEX_TO_CSL
from ..bibliography.latex import container_with_addon, field_text, full_title, title_with_addon
from ..model import Person, Source
from .pandoc_fields import month_day
from .sanitize import normalise_doi


def to_csl_json(sources: Iterable[Source]) -> list[dict[str, Any]]:
    """Every source as a CSL-JSON item, in order."""
    return [source_to_csl(s) for s in sources]


def csl_type(source: Source) -> str:
    """The CSL item type for an entry (web-like misc entries are webpages)."""
    kind = source.type.lower()
    if kind == "misc" and source.url:
        return "webpage"
    return BIBTEX_TO_CSL.get(kind, "document")


def source_to_csl(source: Source) -> dict[str, Any]:
    """One entry as a CSL-JSON item; empty fields are left out."""
    item: dict[str, Any] = {"id": source.key, "type": csl_type(source)}
    if source.authors:
        item["author"] = [_name(p) for p in source.authors]
    if source.editors:
        item["editor"] = [_name(p) for p in source.editors]
    if source.title:
        item["title"] = title_with_addon(source)
        if item["title"] != full_title(source):
            item["title-short"] = full_title(source)
    if source.container:
        item["container-title"] = container_with_addon(source)
    series = field_text(source, "series")
    if series:
        item["collection-title"] = series
    if source.publisher:
        item["publisher"] = source.publisher
    place = field_text(source, "address") or field_text(source, "location")
    if place:
        item["publisher-place"] = place
    if source.volume:
        item["volume"] = source.volume
    if source.number:
        # a book's or chapter's number in its series is its collection number, as pandoc reads biblatex
        serial = series and not item["type"].startswith("article") and item["type"] != "report"
        item["collection-number" if serial else "number" if item["type"] == "report" else "issue"] = source.number
    if source.pages:
        item["page"] = source.pages
    issued = issued_parts(source)
    if issued:
        item["issued"] = {"date-parts": issued}
    edition = field_text(source, "edition")
    if edition:
        item["edition"] = edition
    doi = normalise_doi(source.doi) or source.doi
    if doi:
        item["DOI"] = doi
    if source.url:
        item["URL"] = source.url
    accessed = _iso_parts(source.urldate)
    if accessed:
        item["accessed"] = {"date-parts": [accessed]}
    for bib, csl in (("isbn", "ISBN"), ("issn", "ISSN"), ("note", "note"), ("abstract", "abstract")):
        value = field_text(source, bib)
        if value:
            item[csl] = value
    return item


def _name(person: Person) -> dict[str, str]:
    if not person.given and not person.prefix and not person.suffix:
        # A single-part name is most often an organisation: CSL keeps it whole.
        return {"literal": person.family}
    name: dict[str, str] = {"family": person.family}
    if person.given:
        name["given"] = person.given
    if person.prefix:
        name["non-dropping-particle"] = person.prefix
    if person.suffix:
        name["suffix"] = person.suffix
    return name



def issued_parts(source: Source) -> list[list[int]]:
    """The entry's CSL ``issued`` date-parts as pandoc converts its fields: a biblatex ``date`` (a range gives
    two), else year, month and day; [] with no year."""
    return _dated(source) or ([_issued(source)] if source.year is not None else [])


def _issued(source: Source) -> list[int]:
    if source.year is None:
        return []
    month, day = month_day(source)
    return [source.year, *([month] if month else []), *([day] if month and day else [])]


def _dated(source: Source) -> list[list[int]]:
    """A biblatex ``date`` (2020-05, a range 2005/2007, a season 2008-21) as CSL date-parts, as pandoc
    converts it; [] when the entry has none or it does not read."""
    ends = [_iso_parts(end) for end in field_text(source, "date").split("/")]
    if not ends[0] or not all(ends) or len(ends) > 2 or ends[0][0] != source.year:
        return []
    return [[p - 8 if n == 1 and 21 <= p <= 24 else p for n, p in enumerate(end)] for end in ends]


def _iso_parts(iso: str) -> list[int]:
    parts = iso.strip().split("-")[:3]
    try:
        return [int(p) for p in parts] if parts and parts[0] else []
    except ValueError:
        return []
