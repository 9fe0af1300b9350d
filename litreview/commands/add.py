"""`litreview add`: fetch a work's metadata, make a key, append the entry; refuse duplicates."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import click

from ..config import Config
from ..errors import InputError, OfflineError, RegistryError
from ..model import Bibliography, RegistryRecord, Source
from ._options import config_from

EXAMPLES = """\b
Examples:
  litreview add 10.1017/CBO9780511491306
  litreview add 10.1080/09636410500323187 https://doi.org/10.1177/1354066101007004006
  litreview add --from-file dois.txt           one DOI per line (# starts a comment)
  litreview add --reference "Holsti, K. J. Taming the Sovereigns. Cambridge UP, 2004."
  litreview add --dry-run 10.1017/CBO9780511491306   print the entry, change nothing
Exit status: 0 when every work was added, 1 when one was refused (a duplicate) or not
found, 2 on bad input or when the registry cannot be reached.
"""
#: A search result must validate at least this well to be added from a reference string.
MIN_SCORE = 0.8


@dataclass
class Outcome:
    """What happened to one requested work."""

    request: str
    status: str  # added, duplicate, not-found
    key: str = ""
    doi: str = ""
    title: str = ""
    existing: str = ""
    message: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"request": self.request, "status": self.status, "key": self.key or None,
                "doi": self.doi or None, "title": self.title or None, "existing_key": self.existing or None,
                "message": self.message}


def registry() -> Any:
    """The registry module's look-ups (tests replace this with a fake)."""
    try:
        from ..registry.fetch import fetch_record, search_reference
    except ImportError as exc:
        raise RegistryError("adding works needs the registry module, which is not installed",
                            hint="reinstall litreview; or add the entry to the .bib by hand") from exc
    return SimpleNamespace(fetch_record=fetch_record, search_reference=search_reference)


def read_dois(values: tuple[str, ...], from_file: str | None) -> list[str]:
    """DOIs from the arguments and the file, normalised; InputError for one that is not a DOI."""
    from ..doi import doi_problem, normalize_doi
    from ..fileio import read_text

    raw = list(values)
    if from_file:
        lines = read_text(from_file, what="DOI list").splitlines()
        raw += [ln.split("#", 1)[0].strip() for ln in lines]
    dois = []
    for value in filter(None, (v.strip() for v in raw)):
        doi = normalize_doi(value).rstrip(".,;")
        problem = doi_problem(doi)
        if problem:
            raise InputError(f"{value!r} is not a DOI: {problem}", path=from_file,
                             hint="a DOI looks like 10.1017/CBO9780511491306")
        dois.append(doi)
    return dois


class Adder:
    """Checks each record against the bibliography (and earlier additions) and makes its entry."""

    def __init__(self, bibliography: Bibliography, config: Config) -> None:
        from ..checks.bib import doi_key, work_signature

        self.config = config
        self.keys = list(bibliography.keys)
        self.by_doi: dict[str, str] = {}
        self.by_work: dict[tuple[str, int, str], str] = {}
        for s in bibliography.sources:
            if s.doi:
                self.by_doi.setdefault(doi_key(s.doi), s.key)
            sig = work_signature(s)
            if sig:
                self.by_work.setdefault(sig, s.key)
        self.entries: list[str] = []

    def known_doi(self, doi: str) -> str:
        return self.by_doi.get(doi.lower(), "")

    def known_work(self, record: RegistryRecord) -> str:
        for sig in _signatures(record):
            if sig in self.by_work:
                return self.by_work[sig]
        return ""

    def add(self, record: RegistryRecord) -> str:
        from ..bibliography.keys import make_key
        from ..bibliography.write import entry_text

        key = make_key(record.authors or record.editors, record.year, record.title, self.keys,
                       self.config.key_pattern)
        self.entries.append(entry_text(record, key))
        self.keys.append(key)
        self.by_doi[record.doi.lower()] = key
        for sig in _signatures(record):
            self.by_work.setdefault(sig, key)
        return key


def _signatures(record: RegistryRecord) -> list[tuple[str, int, str]]:
    """The record's work signatures, with and without its subtitle (entries differ on that)."""
    from ..checks.bib import work_signature

    people = record.authors or record.editors
    titles = dict.fromkeys([record.title, f"{record.title}: {record.subtitle}" if record.subtitle else ""])
    sigs = [work_signature(Source(key="", type="", authors=people, year=record.year, title=t))
            for t in titles if t]
    return [s for s in sigs if s]


def _refuse(request: str, record_doi: str, title: str, existing: str, why: str) -> Outcome:
    return Outcome(request, "duplicate", doi=record_doi, title=title, existing=existing,
                   message=f"{why} is already in the bibliography as {existing!r}: cite that key")


def _add_record(adder: Adder, request: str, record: RegistryRecord) -> Outcome:
    existing = adder.known_doi(record.doi)
    if existing:
        return _refuse(request, record.doi, record.title, existing, f"DOI {record.doi}")
    existing = adder.known_work(record)
    if existing:
        return _refuse(request, record.doi, record.title, existing, f"the work {record.title!r}")
    key = adder.add(record)
    return Outcome(request, "added", key=key, doi=record.doi, title=record.title,
                   message=f"added {key} ({record.doi})")


def _by_reference(adder: Adder, text: str, reg: Any) -> Outcome:
    source = None
    try:
        from ..bibliography.refparse import parse_reference

        parsed = parse_reference(text)
        source = Source(key="", type=parsed.type, authors=parsed.authors, editors=parsed.editors,
                        year=int(parsed.year) if parsed.year.isdigit() else None, title=parsed.title,
                        container=parsed.container, publisher=parsed.publisher, volume=parsed.volume,
                        number=parsed.issue, pages=parsed.pages, doi=parsed.doi)
    except ImportError:
        pass
    if source is not None and source.doi:
        return _by_doi(adder, source.doi, reg, request=text)
    candidates = reg.search_reference(text, adder.config, source=source)
    best = next((c for c in candidates if source is None or c.score >= MIN_SCORE), None)
    if best is None:
        return Outcome(text, "not-found", message="no registry record matches the reference well enough; "
                                                  "add it by DOI, or by hand")
    return _add_record(adder, text, best.record)


def _by_doi(adder: Adder, doi: str, reg: Any, request: str = "") -> Outcome:
    request = request or doi
    existing = adder.known_doi(doi)
    if existing:
        return _refuse(request, doi, "", existing, f"DOI {doi}")
    try:
        record = reg.fetch_record(doi, adder.config)
    except OfflineError:
        raise
    except RegistryError as exc:
        return Outcome(request, "not-found", doi=doi, message=exc.message)
    return _add_record(adder, request, record)


def _load(path: Path) -> tuple[bytes, Bibliography]:
    from ..bibliography.load import parse_bibliography

    if not path.exists():
        return b"", Bibliography(sources=(), file=str(path))
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except OSError as exc:
        raise InputError(f"cannot read the bibliography: {exc.strerror}", path=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("the bibliography is not valid UTF-8", path=str(path),
                         hint="re-save it as UTF-8 before adding entries") from None
    return raw, parse_bibliography(text, str(path))


@click.command(epilog=EXAMPLES)
@click.argument("dois", nargs=-1)
@click.option("--from-file", "from_file", type=click.Path(dir_okay=False), default=None,
              help="Read DOIs from this file, one per line.")
@click.option("--reference", "references", multiple=True, metavar="TEXT",
              help="A plain-text reference to look up in the registry (repeatable).")
@click.option("--bib", "bibliography", type=click.Path(dir_okay=False), default=None,
              help="The BibTeX bibliography [default: from config, refs/bibliography.bib].")
@click.option("--dry-run", is_flag=True, help="Print the new entries; do not change the .bib.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json reports each request's outcome for scripts.")
def command(dois: tuple[str, ...], from_file: str | None, references: tuple[str, ...],
            bibliography: str | None, dry_run: bool, fmt: str) -> int:
    """Add works to the bibliography by DOI or plain-text reference.

    Fetches each work's metadata from the registries (Crossref, DataCite), makes a
    citation key by the key_pattern setting (default {family}{year}{word}, e.g.
    holsti2004taming, with a, b... on a collision) and appends the entry to the .bib,
    leaving every other byte of the file as it was. A DOI or a work (same title,
    year and first author) already in the bibliography is refused, naming its key.
    """
    requested = read_dois(dois, from_file)
    if not requested and not references:
        raise click.UsageError("give a DOI, --from-file FILE or --reference TEXT")
    config = config_from(bibliography=bibliography)
    path = config.path("bibliography")
    raw, bib = _load(path)
    reg = registry()
    adder = Adder(bib, config)
    outcomes = [_by_doi(adder, doi, reg) for doi in requested]
    outcomes += [_by_reference(adder, text, reg) for text in references]
    if adder.entries:
        from ..bibliography.write import append_entries

        if dry_run:
            click.echo("".join(f"{e}\n" for e in adder.entries).rstrip("\n"))
        else:
            from ..fileio import write_atomic

            write_atomic(path, append_entries(raw, adder.entries))
    _report(outcomes, fmt, path, dry_run)
    return 0 if all(o.status == "added" for o in outcomes) else 1


def _report(outcomes: list[Outcome], fmt: str, path: Path, dry_run: bool) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps({"file": str(path), "dry_run": dry_run,
                                     "results": [o.to_json() for o in outcomes]}, indent=2,
                                    ensure_ascii=False) + "\n")
        return
    for o in outcomes:
        if o.status == "added":
            verb = "would add" if dry_run else "added"
            click.echo(f"{verb} {o.key}: {o.title} ({o.doi})", err=dry_run)
        else:
            click.echo(f"not added: {o.request}: {o.message}", err=True)
    added = sum(o.status == "added" for o in outcomes)
    if added and not dry_run:
        click.echo(f"{added} {'entry' if added == 1 else 'entries'} appended to {path}", err=True)


__all__ = ["Adder", "Outcome", "command", "read_dois", "registry"]
