"""Records served by the fake registry: loading the synthetic fixtures, search, CSL conversion.

Every record here is synthetic (invented for tests) unless a test adds a real recorded
one; responses from synthetic records carry the header ``x-litreview-synthetic: true``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..text import fold

RECORDS = Path(__file__).with_name("records")
_WORD = re.compile(r"[0-9a-z]+")


@dataclass(frozen=True, slots=True)
class Stored:
    """One record the fake knows: the registry format, its agency and the raw body."""

    doi: str
    kind: str
    """crossref (a work message), datacite (a JSON:API document) or csl (a CSL-JSON item)."""
    agency: str
    record: Mapping[str, Any]
    synthetic: bool = True


def load_records(folder: Path = RECORDS) -> list[Stored]:
    """The fixture files: ``{"_comment": ..., "kind": ..., "agency": ..., "record": {...}}``."""
    out = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        record = data["record"]
        kind = data["kind"]
        doi = record["data"]["attributes"]["doi"] if kind == "datacite" else record["DOI"]
        out.append(Stored(doi.lower(), kind, data.get("agency", kind), record, bool(data.get("synthetic", True))))
    return out


def load_other_records(folder: Path = RECORDS / "other") -> list[tuple[str, str, Any]]:
    """(registry, key, body) from ``{"_comment", "synthetic", "registry", "key", "body"}`` files."""
    out = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append((data["registry"], data["key"], data["body"]))
    return out


def synthetic_work(i: int, prefix: str = "10.5555") -> dict[str, Any]:
    """A small, clearly invented Crossref work for benchmarks (DOI ``{prefix}/bench.{i}``)."""
    return {
        "DOI": f"{prefix}/bench.{i}", "type": "journal-article", "prefix": prefix, "member": "0",
        "title": [f"Synthetic benchmark work number {i}"], "subtitle": [],
        "author": [{"given": "Test", "family": f"Author{i % 97}", "sequence": "first", "affiliation": []}],
        "issued": {"date-parts": [[2000 + i % 25, 1 + i % 12]]}, "container-title": ["Journal of Synthetic Data"],
        "short-container-title": [], "volume": str(1 + i % 40), "issue": str(1 + i % 4),
        "page": f"{i % 900 + 1}-{i % 900 + 12}", "publisher": "Synthetic Test Publisher",
        "URL": f"https://doi.org/{prefix}/bench.{i}", "source": "Crossref", "score": 1, "relation": {},
        "reference-count": 0, "references-count": 0, "is-referenced-by-count": 0,
    }


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text)) if len(w) > 1}


def work_text(message: Mapping[str, Any]) -> str:
    """The searchable text of a Crossref work: titles, names, container, year, publisher."""
    parts: list[str] = []
    for name in ("title", "subtitle", "container-title"):
        parts.extend(v for v in message.get(name) or () if isinstance(v, str))
    for person in (*(message.get("author") or ()), *(message.get("editor") or ())):
        parts.append(str(person.get("family") or person.get("name") or ""))
    issued = (message.get("issued") or {}).get("date-parts") or [[None]]
    if issued and issued[0] and issued[0][0]:
        parts.append(str(issued[0][0]))
    parts.append(str(message.get("publisher") or ""))
    return " ".join(parts)


def search(works: list[Mapping[str, Any]], query: str, rows: int) -> list[dict[str, Any]]:
    """Works sharing words with the query, best first, each with a float ``score`` like Crossref's."""
    wanted = _words(query)
    scored = []
    for message in works:
        overlap = len(wanted & _words(work_text(message)))
        if overlap:
            scored.append((overlap * 1.731 + 0.0123 * len(wanted), message))
    scored.sort(key=lambda pair: (-pair[0], str(pair[1].get("DOI"))))
    return [{**message, "score": round(score, 6)} for score, message in scored[:rows]]


def to_csl(message: Mapping[str, Any]) -> dict[str, Any]:
    """Crossref's CSL-JSON transform of a work: strings for titles, Crossref's type id kept."""
    def first(name: str) -> str:
        values = message.get(name) or []
        return values[0] if values else ""

    csl = {
        "DOI": message.get("DOI"), "type": message.get("type"), "title": first("title"),
        "container-title": first("container-title"), "author": message.get("author") or [],
        "issued": message.get("issued") or {}, "publisher": message.get("publisher", ""),
        "URL": message.get("URL", ""), "source": "Crossref",
    }
    for name, key in (("volume", "volume"), ("issue", "issue"), ("page", "page")):
        if message.get(name):
            csl[key] = message[name]
    if message.get("editor"):
        csl["editor"] = message["editor"]
    return csl


def datacite_to_csl(document: Mapping[str, Any]) -> dict[str, Any]:
    """What DataCite's content resolver sends for a DOI: a CSL-JSON item."""
    attrs = document["data"]["attributes"]
    return {
        "DOI": attrs["doi"], "type": (attrs.get("types") or {}).get("citeproc", "dataset"),
        "title": next((t["title"] for t in attrs.get("titles") or ()), ""),
        "author": [{"family": c.get("familyName", c.get("name", "")), "given": c.get("givenName", "")}
                   for c in attrs.get("creators") or ()],
        "issued": {"date-parts": [[attrs.get("publicationYear")]]}, "publisher": attrs.get("publisher", ""),
        "URL": attrs.get("url", ""),
    }
