"""The entries ``litreview add`` makes: each record checked against the bibliography and earlier additions."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from ..checks.duplicates import doi_key
from ..config import Config
from ..model import Bibliography, RegistryRecord, Source

if TYPE_CHECKING:
    from ..bibliography.refparse.reference import ParsedReference


class Unverified(NamedTuple):
    """A reference string added as parsed, because no registry could be asked."""

    reference: ParsedReference
    """The string's fields as the importer read them (unsure ones marked in the entry)."""
    source: Source
    """The same fields as a Source, to compare with the bibliography's entries."""
    why: str
    """Why it was not verified (the network or the registry unreachable)."""


class Adder:
    """Checks each record against the bibliography (and earlier additions) and makes its entry."""

    def __init__(self, bibliography: Bibliography, config: Config, *, force: bool = False,
                 foreign_ok: bool = False) -> None:
        from ..bibliography.inherit import aliases
        from ..checks.bib import work_signature

        self.config = config
        self.force = force
        """Add works the registry says are retracted or under an expression of concern."""
        self.foreign_ok = foreign_ok
        """The snapshot folder was chosen for this run (a mirror's or test server's records may go there)."""
        # An alias (biblatex ids) is a key biber answers to: a new entry must not take one.
        self.keys = list(bibliography.keys) + [a for s in bibliography.sources for a in aliases(s.fields)]
        self.by_doi: dict[str, str] = {}
        self.by_work: dict[tuple[str, int, str], str] = {}
        self.by_author_year: dict[tuple[int, str], list[Source]] = {}
        """The entries of each (year, first author): those a work with a title told otherwise may be (LR107's rule)."""
        for s in bibliography.sources:
            if s.doi:
                self.by_doi.setdefault(doi_key(s.doi), s.key)
            sig = work_signature(s)
            if sig:
                self.by_work.setdefault(sig, s.key)
                self.by_author_year.setdefault(sig[1:], []).append(s)
        self.entries: list[str] = []
        self.added: list[RegistryRecord | Unverified] = []  # in order, to re-apply them to a changed .bib
        self.by_id: dict[str, str] = {}
        from ..registry.ids import entry_identifiers

        for s in bibliography.sources:
            for scheme, value in entry_identifiers(s.fields).items():
                self.by_id.setdefault(f"{scheme}:{value}", s.key)

    def known_doi(self, doi: str) -> str:
        """The key of the entry with this DOI (written as the .bib may write it: a link, another case), or ''."""
        return self.by_doi.get(doi_key(doi), "") if doi else ""

    def known_id(self, ident: str) -> str:
        return self.by_id.get(ident, "")

    def known_work(self, record: RegistryRecord) -> str:
        for sig in _signatures(record):
            if sig in self.by_work:
                return self.by_work[sig]
        return ""

    def known_source(self, source: Source) -> str:
        """The key of an entry with the DOI or the work of ``source``: its title, year and first author, or another
        entry ``check`` reports as the same work (LR107: one of them gives a subtitle the other leaves out)."""
        from ..checks.bib import work_signature
        from ..checks.duplicates import same_work

        sig = work_signature(source)
        found = self.known_doi(source.doi) or (self.by_work.get(sig, "") if sig else "")
        if found or sig is None:
            return found
        return next((s.key for s in self.by_author_year.get(sig[1:], ()) if same_work(s, source)), "")

    def add_unverified(self, item: Unverified) -> str:
        """The entry of a reference string as parsed, its unsure fields marked as ``import`` marks them."""
        from ..bibliography.bibtex_out import entry_text
        from ..bibliography.keys import make_key
        from ..checks.bib import work_signature

        ref = item.reference
        key = make_key(ref.authors or ref.editors, ref.year, ref.title, self.keys, self.config.key_pattern)
        self.entries.append(entry_text(ref, key, align=True) + "\n")
        self.added.append(item)
        self.keys.append(key)
        if ref.doi:
            self.by_doi[doi_key(ref.doi)] = key
        sig = work_signature(item.source)
        if sig:
            self.by_work.setdefault(sig, key)
            self.by_author_year.setdefault(sig[1:], []).append(replace(item.source, key=key))
        return key

    def add(self, record: RegistryRecord) -> str:
        from ..bibliography.keys import make_key
        from ..bibliography.write import bibtex_type, format_entry, record_fields

        key = make_key(record.authors or record.editors, record.year, record.title, self.keys,
                       self.config.key_pattern)
        text = format_entry(bibtex_type(record.type), key, record_fields(record) + _id_fields(record))
        self.entries.append(text if text.endswith("\n") else text + "\n")
        self.added.append(record)
        self.keys.append(key)
        if record.doi:
            self.by_doi[doi_key(record.doi)] = key
        for scheme in ("isbn", "arxiv", "pmid", "pmcid", "dblp", "openalex"):
            if record.ids.get(scheme):
                self.by_id[f"{scheme}:{record.ids[scheme]}"] = key
        for sig in _signatures(record):
            self.by_work.setdefault(sig, key)
        return key


def _id_fields(record: RegistryRecord) -> list[tuple[str, str]]:
    """Identifier fields beyond the DOI: arXiv eprint, PubMed and PMC ids, DBLP key, OpenAlex id."""
    fields: list[tuple[str, str]] = []
    if record.ids.get("arxiv"):
        fields += [("eprint", record.ids["arxiv"]), ("archiveprefix", "arXiv")]
    for scheme in ("pmid", "pmcid", "dblp", "openalex"):
        if record.ids.get(scheme):
            fields.append((scheme, record.ids[scheme]))
    return fields


def _signatures(record: RegistryRecord) -> list[tuple[str, int, str]]:
    """The record's work signatures, with and without its subtitle (entries differ on that)."""
    from ..checks.bib import work_signature

    people = record.authors or record.editors
    titles = dict.fromkeys([record.title, f"{record.title}: {record.subtitle}" if record.subtitle else ""])
    sigs = [work_signature(Source(key="", type="", authors=people, year=record.year, title=t))
            for t in titles if t]
    return [s for s in sigs if s]
