"""Registry records (Crossref works, DataCite DOIs, CSL-JSON) -> ``RegistryRecord``.

Pure: each parser takes the decoded JSON and returns the normalised record, keeping
the raw record beside it. Missing or odd fields give empty values, never errors.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..doi import normalize_doi
from ..errors import RegistryError
from ..lazyre import lazy
from ..model import Person, RegistryRecord, Update
from ..pandoc_text import html_text

_SPACES = lazy(r"\s+")


class RecordShapeError(RegistryError):
    """A record whose fields have JSON types its format does not allow (a broken answer or file)."""


_TEXT = (str, list)
_NUMBER = (str, int, float)
_MAPS = "list of objects"
#: Per stored format, the fields the parsers and checks read, with the JSON types allowed
#: (null is always allowed: it reads as absent). ``_MAPS``: a list whose items are objects.
_COMMON: dict[str, Any] = {
    "DOI": str, "type": str, "title": _TEXT, "subtitle": _TEXT, "author": _MAPS, "editor": _MAPS,
    "issued": dict, "published-print": dict, "published-online": dict, "published": dict, "created": dict,
    "container-title": _TEXT, "short-container-title": _TEXT, "volume": _NUMBER, "issue": _NUMBER,
    "page": _NUMBER, "publisher": _TEXT, "URL": str, "abstract": str, "updated-by": _MAPS, "update-to": _MAPS,
}
SHAPES: dict[str, dict[str, Any]] = {
    "crossref": {**_COMMON, "ISBN": list},
    "csl": {**_COMMON, "ISBN": (str, list)},
    "datacite": {"doi": str, "url": str, "titles": _MAPS, "creators": _MAPS, "contributors": _MAPS,
                 "descriptions": _MAPS, "publisher": (str, dict), "container": dict, "types": dict,
                 "publicationYear": (str, int)},
}
_NAMES = {str: "a string", list: "a list", dict: "an object", int: "a number", float: "a number"}


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, Mapping) else type(value).__name__


def shape_problem(fmt: str, raw: Any) -> str:
    """What is wrong with the JSON types of a stored record ('' when its shape is as its format says)."""
    if not isinstance(raw, Mapping):
        return f"the record is {_json_type(raw)}, not an object"
    shape = SHAPES.get(fmt)
    if shape is None:
        return ""  # formats of other handlers: their own parsers cope
    fields: Mapping[str, Any] = raw
    where = ""
    if fmt == "datacite":
        data = raw.get("data", raw)
        if not isinstance(data, Mapping):
            return f"'data' is {_json_type(data)}, not an object"
        attrs = data.get("attributes", {})
        if not isinstance(attrs, Mapping):
            return f"'attributes' is {_json_type(attrs)}, not an object"
        if not isinstance(data.get("id", ""), str | type(None)):
            return f"'id' is {_json_type(data['id'])}, not a string"
        fields, where = attrs, "attributes."
    for name, allowed in shape.items():
        value = fields.get(name)
        if value is None:
            continue
        if allowed == _MAPS:
            if not isinstance(value, list):
                return f"'{where}{name}' is {_json_type(value)}, not a list"
            bad = next((v for v in value if not isinstance(v, Mapping)), None)
            if bad is not None:
                return f"'{where}{name}' holds {_json_type(bad)} where an object belongs"
            continue
        types = allowed if isinstance(allowed, tuple) else (allowed,)
        if isinstance(value, bool) or not isinstance(value, types):
            expected = " or ".join(dict.fromkeys(_NAMES[t] for t in types))
            return f"'{where}{name}' is {_json_type(value)}, not {expected}"
    return ""


def answer_problem(fmt: str, raw: Any, asked: str,
                   same_work: Callable[[RegistryRecord], bool] | None = None) -> str:
    """Why a registry's answer for DOI ``asked`` must not be stored as its record ('' when it may).

    The record must have its format's shape, and when it names a DOI, that DOI must be
    the one asked for (a registry or proxy answering with another work's record is not
    this DOI's). The one exception is an alias: a registry answering an alias DOI with
    the primary DOI's record (doi.org redirects an alias to its primary; Crossref's REST
    API is documented to answer 404 for an alias instead) is taken only when ``same_work``
    says the record is the work of every entry citing ``asked`` (``matching.entry_match``);
    the entries then learn the primary DOI (``alias_of``).
    """
    problem = shape_problem(fmt, raw)
    if problem:
        return f"a record of unexpected shape ({problem})"
    record = parse_record(fmt, raw)
    if alias_of(record, asked) and not (same_work is not None and same_work(record)):
        return f"the record of another DOI, {record.doi}"
    return ""


def alias_of(record: RegistryRecord, asked: str) -> str:
    """The DOI ``record`` names when it is not ``asked`` (the primary DOI of an alias), else ''."""
    asked = normalize_doi(asked)
    return record.doi if record.doi and asked and record.doi != asked else ""


def clean_text(value: Any) -> str:
    """Plain text from a registry string: markup removed, entities decoded, spaces collapsed."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    if not isinstance(value, str):
        return ""
    return _SPACES.sub(" ", html_text(value)).strip()


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
    """Crossref ``updated-by`` / ``update-to`` relations (retractions, corrections, ...).

    A new version or edition that names the work's own DOI is left out: the DOI cited is
    that version (PLOS deposits such pairs on the article itself). A retraction in place
    (the notice is the work's own DOI) is kept.
    """
    own = normalize_doi(str(message.get("DOI") or ""))
    updates: list[Update] = []
    for direction in ("updated-by", "update-to"):
        for item in message.get(direction) or ():
            if not isinstance(item, Mapping):
                continue
            update = Update(
                type=str(item.get("type") or "").strip(),
                doi=normalize_doi(str(item.get("DOI") or "")),
                label=str(item.get("label") or ""),
                source=str(item.get("source") or ""),
                date=_iso_date(item.get("updated")),
                direction=direction,
            )
            if own and update.doi == own and update.is_version:
                continue
            updates.append(update)
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
    # An article number (eLife's "e01567") stands where a journal without pages puts its page.
    return _csl_shaped(message, agency, ("issued", "published-print", "published-online", "published"),
                       tuple(str(i) for i in isbn) if isinstance(isbn, list) else (),
                       clean_text(message.get("page")) or clean_text(message.get("article-number")))


def parse_csl(item: Mapping[str, Any], agency: str = "") -> RegistryRecord:
    """A CSL-JSON item from doi.org content negotiation (title may be a string or a list)."""
    isbn = item.get("ISBN")
    return _csl_shaped(item, agency or "unknown", ("issued", "published-print", "published-online", "created"),
                       tuple(str(i) for i in isbn) if isinstance(isbn, list) else ((str(isbn),) if isbn else ()),
                       clean_text(item.get("page")))


def _csl_shaped(item: Mapping[str, Any], agency: str, dates: tuple[str, ...], isbn: tuple[str, ...],
                pages: str) -> RegistryRecord:
    """The record of a CSL-shaped item (a Crossref work is one), the year from the first of ``dates`` it has."""
    return RegistryRecord(
        doi=normalize_doi(str(item.get("DOI") or "")),
        agency=agency,
        type=str(item.get("type") or ""),
        title=clean_text(item.get("title")),
        subtitle=clean_text(item.get("subtitle")),
        authors=_people(item.get("author")),
        editors=_people(item.get("editor")),
        year=_first_year(item, *dates),
        container=clean_text(item.get("container-title")),
        volume=clean_text(item.get("volume")),
        issue=clean_text(item.get("issue")),
        pages=pages,
        publisher=clean_text(item.get("publisher")),
        isbn=isbn,
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
    problem = shape_problem(fmt, raw)
    if problem:
        raise RecordShapeError(f"{fmt} record of unexpected shape: {problem}",
                               hint="`litreview fetch` replaces a stored record; report a registry answer")
    return handler.parse(fmt, raw, agency)
