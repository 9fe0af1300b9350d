"""Registry records (Crossref works, DataCite DOIs, CSL-JSON) -> ``RegistryRecord``.

Pure: each parser takes the decoded JSON and returns the normalised record, keeping
the raw record beside it. Missing or odd fields give empty values, never errors.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from ..doi import normalize_doi
from ..model import Person, RegistryRecord, Update

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")



def clean_text(value: Any) -> str:
    """Plain text from a registry string: markup removed, entities decoded, spaces collapsed."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    if not isinstance(value, str):
        return ""
    return _SPACES.sub(" ", html.unescape(_TAGS.sub("", value))).strip()


def partial_year(date: Any) -> int | None:
    """The year of a Crossref/CSL partial date {"date-parts": [[Y, M, D]]} (None for [[null]])."""
    if not isinstance(date, Mapping):
        return None
    parts = date.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        year = parts[0][0]
        if isinstance(year, int):
            return year
        if isinstance(year, str) and year.isdigit():
            return int(year)
    return None


def _iso_date(date: Any) -> str:
    if not isinstance(date, Mapping):
        return ""
    if isinstance(date.get("date-time"), str):
        return date["date-time"][:10]
    parts = date.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        nums = [p for p in parts[0] if isinstance(p, int)]
        return "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(nums))
    return ""


def _person(item: Any) -> Person | None:
    if not isinstance(item, Mapping):
        return None
    family = clean_text(item.get("family") or item.get("familyName") or "")
    given = clean_text(item.get("given") or item.get("givenName") or "")
    if not family:
        name = clean_text(item.get("name") or item.get("literal") or "")
        if not name:
            return None
        # DataCite personal names come as "Family, Given"; organisations as one name.
        if item.get("nameType") == "Personal" and "," in name:
            family, given = (part.strip() for part in name.split(",", 1))
        else:
            family = name
    return Person(family=family, given=given)


def _people(items: Any) -> tuple[Person, ...]:
    if not isinstance(items, list):
        return ()
    return tuple(p for p in (_person(i) for i in items) if p is not None)


def parse_updates(message: Mapping[str, Any]) -> tuple[Update, ...]:
    """Crossref ``updated-by`` / ``update-to`` relations (retractions, corrections, ...)."""
    updates: list[Update] = []
    for direction in ("updated-by", "update-to"):
        for item in message.get(direction) or ():
            if not isinstance(item, Mapping):
                continue
            updates.append(Update(
                type=str(item.get("type") or "").strip(),
                doi=normalize_doi(str(item.get("DOI") or "")),
                label=str(item.get("label") or ""),
                source=str(item.get("source") or ""),
                date=_iso_date(item.get("updated")),
                direction=direction,
            ))
    return tuple(updates)


def _first_year(message: Mapping[str, Any], *names: str) -> int | None:
    for name in names:
        year = partial_year(message.get(name))
        if year is not None:
            return year
    return None


def parse_crossref(message: Mapping[str, Any], agency: str = "crossref") -> RegistryRecord:
    """A Crossref work (the ``message`` of a ``work`` envelope)."""
    isbn = message.get("ISBN")
    return RegistryRecord(
        doi=normalize_doi(str(message.get("DOI") or "")),
        agency=agency,
        type=str(message.get("type") or ""),
        title=clean_text(message.get("title")),
        subtitle=clean_text(message.get("subtitle")),
        authors=_people(message.get("author")),
        editors=_people(message.get("editor")),
        year=_first_year(message, "issued", "published-print", "published-online", "published"),
        container=clean_text(message.get("container-title")),
        volume=clean_text(message.get("volume")),
        issue=clean_text(message.get("issue")),
        pages=clean_text(message.get("page")),
        publisher=clean_text(message.get("publisher")),
        isbn=tuple(str(i) for i in isbn) if isinstance(isbn, list) else (),
        url=str(message.get("URL") or ""),
        abstract=str(message.get("abstract") or ""),
        updates=parse_updates(message),
        raw=dict(message),
    )


def parse_csl(item: Mapping[str, Any], agency: str = "") -> RegistryRecord:
    """A CSL-JSON item from doi.org content negotiation (title may be a string or a list)."""
    isbn = item.get("ISBN")
    isbns = tuple(str(i) for i in isbn) if isinstance(isbn, list) else ((str(isbn),) if isbn else ())
    return RegistryRecord(
        doi=normalize_doi(str(item.get("DOI") or "")),
        agency=agency or "unknown",
        type=str(item.get("type") or ""),
        title=clean_text(item.get("title")),
        subtitle=clean_text(item.get("subtitle")),
        authors=_people(item.get("author")),
        editors=_people(item.get("editor")),
        year=_first_year(item, "issued", "published-print", "published-online", "created"),
        container=clean_text(item.get("container-title")),
        volume=clean_text(item.get("volume")),
        issue=clean_text(item.get("issue")),
        pages=clean_text(item.get("page")),
        publisher=clean_text(item.get("publisher")),
        isbn=isbns,
        url=str(item.get("URL") or ""),
        abstract=str(item.get("abstract") or ""),
        updates=parse_updates(item),
        raw=dict(item),
    )


def parse_datacite(document: Mapping[str, Any]) -> RegistryRecord:
    """A DataCite REST ``/dois/{doi}`` document (JSON:API ``data`` with ``attributes``)."""
    data = document.get("data", document)
    attrs = data.get("attributes", {}) if isinstance(data, Mapping) else {}
    titles = [t for t in attrs.get("titles") or () if isinstance(t, Mapping)]
    main = next((t.get("title") for t in titles if not t.get("titleType")), None)
    subtitle = next((t.get("title") for t in titles if t.get("titleType") == "Subtitle"), "")
    publisher = attrs.get("publisher")
    if isinstance(publisher, Mapping):
        publisher = publisher.get("name", "")
    container = attrs.get("container") or {}
    types = attrs.get("types") or {}
    abstract = next((d.get("description", "") for d in attrs.get("descriptions") or ()
                     if isinstance(d, Mapping) and d.get("descriptionType") == "Abstract"), "")
    year = attrs.get("publicationYear")
    return RegistryRecord(
        doi=normalize_doi(str(attrs.get("doi") or (data.get("id") if isinstance(data, Mapping) else "") or "")),
        agency="datacite",
        type=str(types.get("citeproc") or types.get("resourceTypeGeneral") or "").lower(),
        title=clean_text(main if main is not None else (titles[0].get("title") if titles else "")),
        subtitle=clean_text(subtitle),
        authors=_people(attrs.get("creators")),
        editors=_people([c for c in attrs.get("contributors") or ()
                         if isinstance(c, Mapping) and c.get("contributorType") == "Editor"]),
        year=int(year) if isinstance(year, int) or (isinstance(year, str) and year.isdigit()) else None,
        container=clean_text(container.get("title") if isinstance(container, Mapping) else ""),
        volume=clean_text(container.get("volume") if isinstance(container, Mapping) else ""),
        issue=clean_text(container.get("issue") if isinstance(container, Mapping) else ""),
        publisher=clean_text(publisher or ""),
        url=str(attrs.get("url") or ""),
        abstract=str(abstract or ""),
        raw=dict(data) if isinstance(data, Mapping) else {},
    )


def parse_record(fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
    """Dispatch on the stored format name to the handler that owns it (``handlers.for_format``)."""
    from .handlers import for_format

    handler = for_format(fmt)
    if handler is None:
        raise ValueError(f"unknown record format {fmt!r}")
    return handler.parse(fmt, raw, agency)
