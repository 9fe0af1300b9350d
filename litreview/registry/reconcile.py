"""Field-by-field comparison of a bibliography entry with its registry record.

Pure: ``reconcile(source, record)`` returns one ``Mismatch`` per disagreeing field,
with both values, what kind of difference it is, and which side is likely right.
"""

from __future__ import annotations

from ..model import Mismatch, Person, RegistryRecord, Source
from ..text import fold_words
from .compare import (
    BOOK_TYPES,
    container_agrees,
    initials_compatible,
    normalize_pages,
    people_text,
    publishers_agree,
    record_years,
    same_surname,
    similarity,
    surname_key,
    title_words,
    types_compatible,
)

#: Mismatch kinds, stable for the checks that turn them into findings.
KINDS = (
    "case", "punctuation", "subtitle", "truncated", "extra", "spelling", "different", "missing",
    "count", "order", "initials", "role", "reprint", "edition", "type",
)


def reconcile(source: Source, record: RegistryRecord) -> tuple[Mismatch, ...]:
    """Every field where ``source`` and ``record`` disagree, in a fixed field order."""
    found: list[Mismatch | None] = [
        _title(source.title, record),
        _authors(source, record),
        _year_mismatch(source, record),
        _container(source, record),
        _simple("volume", source.volume, record.volume),
        _simple("issue", source.number, record.issue),
        _pages(source.pages, record.pages),
        _publisher(source, record),
        _type(source, record),
    ]
    return tuple(m for m in found if m is not None)


def _title(entry: str, record: RegistryRecord) -> Mismatch | None:
    full = f"{record.title}: {record.subtitle}" if record.subtitle else record.title
    if not record.title or not entry:
        if record.title and not entry:
            return Mismatch("title", "", full, "missing", "registry")
        return None
    if entry == full:
        return None
    fe, ft, ff = title_words(entry), fold_words(record.title), fold_words(full)
    if record.subtitle and fe == ft:
        return Mismatch("title", entry, full, "subtitle", "registry")
    if fe in (ft, ff):
        if entry.casefold() in (record.title.casefold(), full.casefold()):
            # Capitalisation is a house-style choice: neither side is wrong by itself.
            return Mismatch("title", entry, full, "case", "unclear")
        return Mismatch("title", entry, full, "punctuation", "unclear")
    if ff.startswith(fe) and len(fe) >= 8:
        return Mismatch("title", entry, full, "truncated", "registry")
    if fe.startswith(ff):
        return Mismatch("title", entry, full, "extra", "unclear")
    if similarity(fe, ff) >= 0.9 or similarity(fe, ft) >= 0.9:
        return Mismatch("title", entry, full, "spelling", "registry")
    return Mismatch("title", entry, full, "different", "unclear")


def _authors(source: Source, record: RegistryRecord) -> Mismatch | None:
    entry = source.authors or (source.editors if not record.authors else ())
    registry = record.authors or record.editors
    if not registry:
        return None
    reg_text = people_text(registry)
    if not entry:
        return Mismatch("authors", "", reg_text, "missing", "registry")
    ent_text = people_text(entry)
    ek = [surname_key(p) for p in entry]
    rk = [surname_key(p) for p in registry]
    for i, (a, b) in enumerate(zip(entry, registry, strict=False)):
        if ek[i] != rk[i] and same_surname(a, b):
            ek[i] = rk[i]  # "Müller" written "Mueller": the same name, not a spelling to correct
    if ek == rk:
        return _initials(entry, registry, ent_text, reg_text)
    if ek[-1] == "others" and not entry[-1].given and len(ek) - 1 < len(rk) and rk[: len(ek) - 1] == ek[:-1]:
        # BibTeX's "and others" is et al.: the names given must be the registry's first ones.
        return _initials(entry[:-1], registry[: len(ek) - 1], ent_text, reg_text)
    if sorted(ek) == sorted(rk):
        return Mismatch("authors", ent_text, reg_text, "order", "registry")
    both = [surname_key(p) for p in (*record.authors, *record.editors)]
    if record.authors and record.editors and sorted(ek) == sorted(both):
        # Chicago lists an editor or translator with the author; the registry keeps roles apart.
        return Mismatch("authors", ent_text, people_text((*record.authors, *record.editors)), "role", "unclear")
    if len(ek) != len(rk) and (rk[: len(ek)] == ek or ek[: len(rk)] == rk):
        return Mismatch("authors", ent_text, reg_text, "count", "registry")
    if len(ek) == len(rk) and all(similarity(a, b) >= 0.8 for a, b in zip(ek, rk, strict=True)):
        return Mismatch("authors", ent_text, reg_text, "spelling", "registry")
    return Mismatch("authors", ent_text, reg_text, "different", "unclear")


def _initials(entry: tuple[Person, ...], registry: tuple[Person, ...], ent_text: str,
              reg_text: str) -> Mismatch | None:
    for a, b in zip(entry, registry, strict=True):
        if not initials_compatible(a.given, b.given):
            return Mismatch("authors", ent_text, reg_text, "initials", "unclear")
    return None


def _year_mismatch(source: Source, record: RegistryRecord) -> Mismatch | None:
    if record.year is None:
        return None
    if source.year is None:
        return Mismatch("year", "", str(record.year), "missing", "registry")
    # Print and online years both count: a 2015 online-first article printed in 2016 is fine.
    if source.year == record.year or source.year in record_years(record):
        return None
    if record.type in BOOK_TYPES or source.type in ("book", "incollection", "inbook"):
        # A later year usually means the entry cites a reprint or a new edition.
        kind = "reprint" if source.year > record.year else "edition"
        return Mismatch("year", str(source.year), str(record.year), kind, "unclear")
    return Mismatch("year", str(source.year), str(record.year), "different", "registry")


def _container(source: Source, record: RegistryRecord) -> Mismatch | None:
    if not record.container or record.type in BOOK_TYPES:
        # A book's container-title in Crossref is its series, which entries rarely give.
        return None
    if not source.container:
        if source.type in ("article", "incollection", "inproceedings", "inbook"):
            return Mismatch("container", "", record.container, "missing", "registry")
        return None
    if container_agrees(source.container, record):
        return None
    fe, fr = fold_words(source.container), fold_words(record.container)
    if similarity(fe, fr) >= 0.9:
        return Mismatch("container", source.container, record.container, "spelling", "registry")
    return Mismatch("container", source.container, record.container, "different", "unclear")


def _simple(name: str, entry: str, registry: str) -> Mismatch | None:
    entry, registry = entry.strip(), registry.strip()
    if not registry or fold_words(entry) == fold_words(registry):
        return None
    if not entry:
        return Mismatch(name, "", registry, "missing", "registry")
    return Mismatch(name, entry, registry, "different", "registry")


def _pages(entry: str, registry: str) -> Mismatch | None:
    if not registry.strip():
        return None
    if not entry.strip():
        return Mismatch("pages", "", registry, "missing", "registry")
    ef, el = normalize_pages(entry)
    rf, rl = normalize_pages(registry)
    if ef == rf and (el == rl or not el or not rl):
        return None
    return Mismatch("pages", entry, registry, "different", "registry")


def _publisher(source: Source, record: RegistryRecord) -> Mismatch | None:
    if not record.publisher or not source.publisher:
        return None
    if publishers_agree(source.publisher, record.publisher):
        return None
    # Registries name the legal publisher ("Informa UK Limited"), entries the imprint.
    return Mismatch("publisher", source.publisher, record.publisher, "different", "unclear")


def _type(source: Source, record: RegistryRecord) -> Mismatch | None:
    if types_compatible(source.type, record.type) is False:
        return Mismatch("type", source.type, record.type, "type", "unclear")
    return None
