"""Corrections proposed from the registry: which fields of which entries, old and new values.

Pure: ``propose`` turns mismatches and DOI suggestions into ``Correction`` values;
``apply_corrections`` edits the .bib text so that only the corrected values change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..bibliography.bibedit import BibEditError, apply_edits, bibtex_escape, find_entry, set_field
from ..model import Bibliography, Mismatch, Source, SourceMetadata
from ..text import fold_words
from .compare import normalize_pages

#: Mismatch field -> BibTeX field (container depends on the entry type).
FIELDS = {"title": "title", "year": "year", "volume": "volume", "issue": "number", "pages": "pages",
          "publisher": "publisher"}


@dataclass(frozen=True, slots=True)
class Correction:
    """One proposed change to one field of one entry."""

    key: str
    field: str
    """The BibTeX field name."""
    old: str
    """The raw value in the file ('' when the field is absent)."""
    new: str
    """The value to write, already escaped for BibTeX."""
    reason: str
    line: int | None = None


def container_field(source: Source) -> str:
    if source.type == "article":
        return "journal"
    if "journaltitle" in source.fields:
        return "journaltitle"
    return "booktitle"


def bibtex_value(field: str, value: str) -> str:
    """Registry text made ready for BibTeX (page ranges with '--', specials escaped)."""
    if field == "pages":
        first, last = normalize_pages(value)
        return f"{first}--{last}" if last else first
    return bibtex_escape(value.strip())


def _from_mismatch(source: Source, m: Mismatch) -> Correction | None:
    name = container_field(source) if m.field == "container" else FIELDS.get(m.field, "")
    if not name or not m.registry_value.strip():
        return None
    new = bibtex_value(name, m.registry_value)
    old = source.field(name)
    if fold_words(old) == fold_words(new) and old.replace("--", "-") == new.replace("--", "-"):
        return None
    why = f"{m.field}: {m.kind}" + ("" if m.likely_right == "registry" else f" (likely right: {m.likely_right})")
    return Correction(source.key, name, old, new, why, source.line)


def propose(bibliography: Bibliography, metadata: Mapping[str, SourceMetadata], *,
            include_unclear: bool = False, fields: Iterable[str] = (), keys: Iterable[str] = ()) -> list[Correction]:
    """Corrections for every verified entry (registry likely right) and every suggested DOI."""
    wanted_fields = {f.lower() for f in fields}
    wanted_keys = set(keys)
    out: list[Correction] = []
    for source in bibliography.sources:
        if wanted_keys and source.key not in wanted_keys:
            continue
        meta = metadata.get(source.key)
        if meta is None:
            continue
        proposals: list[Correction] = []
        if meta.status == "verified":
            for m in meta.mismatches:
                if m.likely_right == "registry" or (include_unclear and m.likely_right == "unclear"):
                    c = _from_mismatch(source, m)
                    if c is not None:
                        proposals.append(c)
        if meta.suggestion is not None and not source.doi.strip():
            s = meta.suggestion
            ambiguous = any(r.startswith("ambiguous") for r in s.reasons)
            if include_unclear or not ambiguous:
                proposals.append(Correction(source.key, "doi", "", s.doi,
                                            f"suggested DOI (score {s.score:.2f}: {s.title})", source.line))
        out.extend(c for c in proposals if not wanted_fields or c.field in wanted_fields)
    return out


def apply_corrections(bibliography: Bibliography, corrections: Iterable[Correction]) -> str:
    """The .bib text with the corrections applied; everything else byte for byte."""
    text = bibliography.text
    edits = []
    by_key: dict[str, list[Correction]] = {}
    for c in corrections:
        by_key.setdefault(c.key, []).append(c)
    for key, items in by_key.items():
        source = bibliography.get(key)
        if source is None or source.line is None:
            continue
        entry = find_entry(text, source.line)
        if entry.key != key:
            raise BibEditError(f"line {source.line} opens entry {entry.key}, not {key}")
        for c in items:
            edits.extend(set_field(text, entry, c.field, c.new))
    return apply_edits(text, edits)
