"""Write parsed references as BibTeX or JSON, with readable, stable citation keys.

Keys look like ``holsti2004taming`` (``litreview.bibliography.keys``); entries of one import
that would share a key all get a, b, c... in order, like "2015a" and "2015b".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..model import Person
from ..text import without_controls
from .bibtex import MONTHS, escape, format_entry, key_suffix, page_range, unbalanced
from .keys import DEFAULT_PATTERN, key_parts
from .refparse.reference import ParsedReference

__all__ = ["base_key", "bibtex_fields", "bibtex_name", "entry_text", "escape", "make_keys", "to_bibtex", "to_json",
           "written_name"]




def base_key(ref: ParsedReference) -> str:
    """The key before collisions are resolved: ``holsti2004taming`` (the project's key pattern)."""
    return DEFAULT_PATTERN.format(**key_parts(ref.authors or ref.editors, ref.year, ref.title))


def make_keys(refs: Sequence[ParsedReference]) -> list[str]:
    """One key per reference; colliding keys get a, b, c... in input order."""
    bases = [base_key(r) for r in refs]
    counts = Counter(bases)
    seen: Counter[str] = Counter()
    keys = []
    for base in bases:
        if counts[base] > 1:
            keys.append(base + key_suffix(seen[base] + 1))
            seen[base] += 1
        else:
            keys.append(base)
    return keys


def _verbatim(value: str) -> str:
    """A DOI or URL as written, without its braces when they do not pair up (they would unbalance the entry)
    and without control characters."""
    value = without_controls(value)
    if unbalanced(value) == (None, None):
        return value
    return value.replace("{", "").replace("}", "")


def bibtex_name(person: Person) -> str:
    """"Holsti, K. J."; an organisation's name in braces so BibTeX keeps it whole."""
    if not person.given and not person.prefix and not person.suffix and len(person.family.split()) > 1:
        return "{" + escape(person.family) + "}"
    family = " ".join(p for p in (person.prefix, person.family) if p)
    parts = [family, person.suffix, person.given] if person.suffix else [family, person.given]
    return escape(", ".join(p for p in parts if p))


def _names(persons: Sequence[Person], et_al: bool) -> str:
    names = [bibtex_name(p) for p in persons]
    if et_al:
        names.append("others")
    return " and ".join(names)


def _container_field(entry_type: str) -> str:
    # howpublished for web sites and the rest: the loader reads it back as the container
    return {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}.get(
        entry_type, "howpublished")


def _publisher_field(entry_type: str) -> str:
    return {"techreport": "institution", "phdthesis": "school", "mastersthesis": "school"}.get(
        entry_type, "publisher")


def written_name(ref: ParsedReference, name: str) -> str:
    """The BibTeX field a parsed field ``name`` ("issue", "container", "authors") is written to in ``ref``'s
    entry ("number", "journal", "author"): the one table of those names, which the entry's fields and its
    ``% uncertain:`` line both follow; "type" (the entry's type, no field) is "entry type"."""
    if name == "container":
        return _container_field(ref.type)
    if name == "publisher":
        return _publisher_field(ref.type)
    if name == "issue":
        return "note" if ref.type == "techreport" else "number"
    return _WRITTEN.get(name, name)


#: parsed field -> BibTeX field, where the name differs whatever the entry's type
_WRITTEN = {"authors": "author", "editors": "editor", "place": "address", "type": "entry type"}


def _unsure_names(ref: ParsedReference) -> list[str]:
    """The unsure fields as the entry writes them, each once, in the parser's order."""
    return list(dict.fromkeys(written_name(ref, name) for name in ref.uncertain))


def bibtex_fields(ref: ParsedReference) -> list[tuple[str, str]]:
    """(field, value) pairs in a readable order, values escaped; empty fields left out."""
    number = ref.number if ref.type == "techreport" else ref.issue
    note = ref.note
    if ref.type == "techreport" and ref.issue:
        note = "; ".join(x for x in (note, f"issue {ref.issue}") if x)
    raw_fields = [
        (written_name(ref, "authors"), _names(ref.authors, ref.et_al) if ref.authors else ""),
        (written_name(ref, "editors"), _names(ref.editors, ref.et_al and not ref.authors) if ref.editors else ""),
        ("title", escape(ref.title)),
        (written_name(ref, "container"), escape(ref.container)),
        ("edition", escape(ref.edition)),
        ("volume", escape(ref.volume)),
        ("number", escape(number)),
        ("pages", escape(page_range(ref.pages, in_full=True))),
        (written_name(ref, "publisher"), escape(ref.publisher)),
        (written_name(ref, "place"), escape(ref.place)),
        ("year", ref.year),
        ("month", MONTHS[ref.month - 1] if ref.month else ""),
        ("day", str(ref.day) if ref.day else ""),
        ("doi", _verbatim(ref.doi)),
        ("isbn", _verbatim(ref.isbn)),
        ("url", _verbatim(ref.url)),
        ("urldate", _verbatim(ref.urldate)),
        ("note", escape(note)),
    ]
    return [(k, v) for k, v in raw_fields if v]


def entry_text(ref: ParsedReference, key: str, *, align: bool = False) -> str:
    """One entry, with a ``% uncertain: ...`` line above it when the parser was unsure (``align``: the
    ``=`` of its fields in one column, as ``add`` writes entries)."""
    lines = []
    if ref.uncertain:
        lines.append(f"% uncertain: {', '.join(_unsure_names(ref))}")
    lines.append(format_entry(ref.type, key, bibtex_fields(ref), align=align))
    return "\n".join(lines)


def to_bibtex(refs: Sequence[ParsedReference], keys: Sequence[str] | None = None) -> str:
    """The references as a .bib text, entries separated by a blank line."""
    keys = list(keys) if keys is not None else make_keys(refs)
    return "\n\n".join(entry_text(r, k) for r, k in zip(refs, keys, strict=True)) + "\n"


def to_json(refs: Sequence[ParsedReference], keys: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """The references as JSON-ready objects: the parsed fields plus ``key`` and ``uncertain``."""
    keys = list(keys) if keys is not None else make_keys(refs)
    return [{"key": k, **r.to_json()} for r, k in zip(refs, keys, strict=True)]
