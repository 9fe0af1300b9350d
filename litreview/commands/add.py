"""`litreview add`: fetch a work's metadata, make a key, append the entry; refuse duplicates."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import click

from ..config import Config
from ..errors import InputError, OfflineError, RegistryError
from ..model import Bibliography, RegistryRecord, Source
from ._adder import Adder, Unverified
from ._options import bibliography_to_write, bibtex_to_write, config_from, no_bib_of_manubot, snapshot_chosen

EXAMPLES = """\b
Examples:
  litreview add 10.1017/CBO9780511491306
  litreview add 10.1080/09636410500323187 https://doi.org/10.1177/1354066101007004006
  litreview add isbn:9780262033848 arxiv:1605.08386 pmid:17375194 pmcid:PMC1817752
  litreview add --from-file dois.txt           one DOI per line (# starts a comment)
  litreview add --reference "Waltz, K. N. Theory of International Politics. Addison-Wesley, 1979."
  litreview add --dry-run 10.1017/CBO9780511491306   print the entry, change nothing
  litreview add --force 10.5555/retracted.work  add it although it was retracted
  litreview add --bib other.bib --metadata-dir other-metadata 10.1017/CBO9780511491306
Exit status: 0 when every work was added (a reference added unverified too), 1 when
one was refused (a duplicate, a retracted work without --force) or not found, 2 on
bad input or when the registry cannot be reached for a DOI or identifier.
"""
#: Notices after which a work is added only with --force (Crossref update types).
ALARMING = ("retraction", "partial_retraction", "withdrawal", "removal", "expression_of_concern")
#: A search result must validate at least this well to be added from a reference string.
MIN_SCORE = 0.8


@dataclass
class Outcome:
    """What happened to one requested work."""

    request: str
    status: str  # added, duplicate, not-found, retracted (refused for a notice)
    key: str = ""
    doi: str = ""
    title: str = ""
    existing: str = ""
    message: str = ""
    warning: str = ""
    """A retraction or concern the work was added despite (--force), or why it was not verified."""
    verified: bool = True
    """False for a reference string added as parsed, no registry being reachable."""

    def to_json(self) -> dict[str, Any]:
        return {"request": self.request, "status": self.status, "key": self.key or None,
                "doi": self.doi or None, "title": self.title or None, "existing_key": self.existing or None,
                "message": self.message, "warning": self.warning or None, "verified": self.verified}


def registry() -> Any:
    """The registry module's look-ups (tests replace this with a fake)."""
    try:
        from ..registry.lookups import fetch_identifier
        from ..registry.single import fetch_record, search_reference
    except ImportError as exc:
        raise RegistryError("adding works needs the registry module, which is not installed",
                            hint="reinstall litreview; or add the entry to the .bib by hand") from exc
    return SimpleNamespace(fetch_record=fetch_record, search_reference=search_reference,
                           fetch_identifier=fetch_identifier)


#: Schemes `add` accepts besides DOIs (``isbn:…`` and so on).
ID_SCHEME = re.compile(r"^(isbn|arxiv|pmid|pmcid|openalex|dblp):", re.I)


def split_requests(values: tuple[str, ...]) -> tuple[tuple[str, ...], list[str]]:
    """(DOIs, other identifiers) among the arguments."""
    others = [v.strip() for v in values if ID_SCHEME.match(v.strip())]
    return tuple(v for v in values if not ID_SCHEME.match(v.strip())), others


def read_dois(values: tuple[str, ...], from_file: str | None) -> list[str]:
    """DOIs from the arguments and the file, normalised; InputError for one that is not a DOI."""
    from ..doi import doi_problem, normalize_doi
    from ..fileio import read_text

    raw: list[tuple[str, int | None]] = [(v, None) for v in values]
    if from_file:
        lines = read_text(from_file, what="DOI list").splitlines()
        raw += [(ln.split("#", 1)[0].strip(), n) for n, ln in enumerate(lines, start=1)]
    dois = []
    for value, line in ((v.strip(), n) for v, n in raw):
        if not value:
            continue
        doi = normalize_doi(value).rstrip(".,;")
        problem = doi_problem(doi)
        if problem:
            hint = "a DOI looks like 10.1017/CBO9780511491306"
            if line is None and len(value.split()) > 2:  # words: a reference given where a DOI goes
                hint += f'; look a reference up with: litreview add --reference "{value}"'
            raise InputError(f"{value!r} is not a DOI: it {problem}", path=from_file if line else None, line=line,
                             hint=hint)
        dois.append(doi)
    return dois


def _refuse(request: str, record_doi: str, title: str, existing: str, why: str) -> Outcome:
    return Outcome(request, "duplicate", doi=record_doi, title=title, existing=existing,
                   message=f"{why} is already in the bibliography as {existing!r}: cite that key")


def alarm(record: RegistryRecord) -> str:
    """'the registry says the work is retracted (...)' for an alarming notice; '' for none."""
    from ..registry.handlers import agency_label

    notices = [u for u in record.updates if u.direction == "updated-by"
               and u.type.casefold().replace("-", "_") in ALARMING]
    if not notices:
        return ""
    notices.sort(key=lambda u: ALARMING.index(u.type.casefold().replace("-", "_")))
    words = []
    for u in notices:
        what = (u.label or u.type.replace("_", " ")).lower()
        detail = ", ".join(p for p in (u.date[:10], f"notice {u.doi}" if u.doi else "",
                                       f"source {u.source}" if u.source else "") if p)
        words.append(what + (f" ({detail})" if detail else ""))
    kind = "retracted" if "retraction" in notices[0].type or notices[0].type in ("withdrawal", "removal") else \
        "under an expression of concern"
    return f"{agency_label(record.agency)} says the work is {kind}: {'; '.join(dict.fromkeys(words))}"


def _add_record(adder: Adder, request: str, record: RegistryRecord) -> Outcome:
    existing = adder.known_doi(record.doi)
    if existing:
        return _refuse(request, record.doi, record.title, existing, f"DOI {record.doi}")
    existing = adder.known_work(record)
    if existing:
        return _refuse(request, record.doi, record.title, existing, f"the work {record.title!r}")
    warning = alarm(record)
    if warning and not adder.force:
        return Outcome(request, "retracted", doi=record.doi, title=record.title,
                       message=f"{warning}; cite it only knowingly, and add it with --force")
    key = adder.add(record)
    return Outcome(request, "added", key=key, doi=record.doi, title=record.title,
                   message=f"added {key} ({record.doi})", warning=warning)


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
    try:
        if source is not None and source.doi:
            return _by_doi(adder, source.doi, reg, request=text)
        candidates = reg.search_reference(text, adder.config, source=source)
    except OfflineError as exc:
        if source is None:
            raise
        # No registry to ask: the entry as the string reads, said to be unverified (as `import` would give it).
        return _add_unverified(adder, text, Unverified(parsed, source, exc.message))
    best = next((c for c in candidates if source is None or c.score >= MIN_SCORE), None)
    if best is None:
        return Outcome(text, "not-found", message="no registry record matches the reference well enough; "
                                                  "add it by DOI, or by hand")
    return _add_record(adder, text, best.record)


def _add_unverified(adder: Adder, request: str, item: Unverified) -> Outcome:
    source = item.source
    existing = adder.known_source(source)
    if existing:
        what = f"DOI {source.doi}" if adder.known_doi(source.doi) else f"the work {source.title!r}"
        return _refuse(request, source.doi, source.title, existing, what)
    key = adder.add_unverified(item)
    return Outcome(request, "added", key=key, doi=source.doi, title=source.title, verified=False,
                   message=f"added {key} as parsed, not verified",
                   warning=f"not verified ({item.why}): the entry is the reference as parsed; check its fields "
                           "(those marked '% uncertain' first); `litreview fetch` checks it once a registry can be "
                           "reached")


def _by_doi(adder: Adder, doi: str, reg: Any, request: str = "") -> Outcome:
    request = request or doi
    existing = adder.known_doi(doi)
    if existing:
        return _refuse(request, doi, "", existing, f"DOI {doi}")
    try:
        record = reg.fetch_record(doi, adder.config, foreign_ok=adder.foreign_ok)
    except OfflineError:
        raise
    except RegistryError as exc:
        return Outcome(request, "not-found", doi=doi, message=exc.message)
    return _add_record(adder, request, record)


def _by_identifier(adder: Adder, text: str, reg: Any) -> Outcome:
    """``isbn:…``, ``arxiv:…``, ``pmid:…``, ``pmcid:…``: the first registry that knows the work."""
    from ..registry.handlers import agency_label
    from ..registry.ids import parse_identifier

    scheme, value = parse_identifier(text)
    existing = adder.known_id(f"{scheme}:{value}")
    if existing:
        return _refuse(text, "", "", existing, f"{scheme}:{value}")
    try:
        record, _asked = reg.fetch_identifier(text, adder.config, foreign_ok=adder.foreign_ok)
    except OfflineError:
        raise
    except RegistryError as exc:
        return Outcome(text, "not-found", message=exc.message)
    outcome = _add_record(adder, text, record)
    published = record.ids.get("published_doi", "")
    if published and outcome.status == "added":
        where = f" ({record.ids['journal_ref']})" if record.ids.get("journal_ref") else ""
        cited = adder.known_doi(published)
        then = (f"the bibliography has it as {cited!r}: cite that key instead" if cited
                else f"cite the published version with `litreview add {published}`")
        outcome.warning = f"{agency_label(record.agency)} says this preprint was published as DOI {published}{where}: {then}"
    return outcome


def _load(path: Path) -> tuple[bytes, Bibliography]:
    if not path.exists():
        return b"", Bibliography(sources=(), file=str(path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the bibliography: {exc.strerror}", path=str(path)) from None
    return raw, _load_bytes(raw, path)


def _others(config: Config, path: Path) -> dict[Path, bytes | None]:
    """The bytes of the bibliographies other than ``path`` (None: missing), to see later whether they changed."""
    from ..review import bibliography_files
    from ..safewrite import read_bytes

    return {p: read_bytes(p) for p in bibliography_files(config) if p != path}


def with_others(bib: Bibliography, others: Mapping[Path, bytes | None]) -> Bibliography:
    """``bib`` with the sources of the other bibliographies: their keys, DOIs and works count as taken too."""
    from dataclasses import replace

    from ..bibliography.load import load_bibliography

    extra = tuple(s for p, raw in others.items() if raw is not None for s in load_bibliography(p).sources)
    return replace(bib, sources=bib.sources + extra) if extra else bib


def _load_bytes(raw: bytes, path: Path) -> Bibliography:
    from ..bibliography.load import parse_bibliography

    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise InputError("the bibliography is not valid UTF-8", path=str(path),
                         hint="re-save it as UTF-8 before adding entries") from None
    return parse_bibliography(text, str(path))


@click.command(epilog=EXAMPLES)
@click.argument("dois", nargs=-1)
@click.option("--from-file", "from_file", type=click.Path(dir_okay=False), default=None,
              help="Read DOIs from this file, one per line.")
@click.option("--reference", "references", multiple=True, metavar="TEXT",
              help="A plain-text reference to look up in the registry (repeatable); with no registry "
                   "reachable, it is added as parsed and said to be unverified.")
@click.option("--bib", "bibliography", type=click.Path(dir_okay=False), default=None,
              help="The BibTeX bibliography [default: from config, refs/bibliography.bib].")
@click.option("--metadata-dir", "metadata", type=click.Path(file_okay=False), default=None,
              help="The registry snapshot folder the records go to [default: from config, refs/metadata].")
@click.option("--force", is_flag=True,
              help="Add a work even when the registry says it is retracted or under an expression of concern.")
@click.option("--dry-run", is_flag=True, help="Print the new entries; do not change the .bib.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json reports each request's outcome for scripts.")
def command(dois: tuple[str, ...], from_file: str | None, references: tuple[str, ...],
            bibliography: str | None, metadata: str | None, force: bool, dry_run: bool, fmt: str) -> int:
    """Add works to the bibliography by DOI, other identifier or plain-text reference.

    Identifiers: isbn:… (Open Library, then Google Books), arxiv:… (arXiv; a preprint
    whose published version is known is offered that DOI), pmid:… and pmcid:… (PubMed),
    dblp:KEY (DBLP) and openalex:W… (OpenAlex).

    Fetches each work's metadata from the registries (Crossref, DataCite), makes a
    citation key by the key_pattern setting (default {family}{year}{word}, e.g.
    holsti2004taming, with a, b... on a collision) and appends the entry to the .bib
    (the bibliography's first BibTeX file; a CSL-JSON or CSL-YAML one is edited by
    hand), leaving every other byte of the file as it was. A DOI or a work (same title,
    year and first author) already in the bibliography is refused, naming its key;
    so is a work the registry says is retracted or under an expression of concern,
    unless --force is given. The fetched record goes to the snapshot folder
    (--metadata-dir), which must be chosen explicitly when the registry settings
    point at a server other than the real registries.

    Offline (no network, or the registry unreachable) a DOI or identifier cannot
    be added, but a --reference is: its entry is the reference as parsed, its
    unsure fields marked "% uncertain" as `litreview import` marks them, and
    add says it was not verified (`litreview fetch` checks it later).
    """
    dois, identifiers = split_requests(dois)
    requested = read_dois(dois, from_file)
    if not requested and not references and not identifiers:
        raise click.UsageError("give a DOI, an identifier (isbn:…, arxiv:…, pmid:…), --from-file FILE or "
                               "--reference TEXT")
    from .importer import MAX_REFERENCE  # one bound for a reference, pasted here or read from a list

    for n, text in enumerate(references, 1):
        if len(text) > MAX_REFERENCE:
            raise click.BadParameter(f"reference {n} is {len(text):,} characters long (more than {MAX_REFERENCE:,})"
                                     ": give one reference per --reference, or import a list with litreview import",
                                     param_hint="--reference")
    config = config_from(bibliography=bibliography, metadata=metadata, must_exist=())  # add reads no claims
    path = bibliography_to_write(config, "litreview add")
    if not dry_run:
        no_bib_of_manubot(config, path, "litreview add")
        bibtex_to_write(path, "litreview add")
    raw, bib = _load(path)
    others = _others(config, path)
    bib = with_others(bib, others)
    reg = registry()
    adder = Adder(bib, config, force=force, foreign_ok=snapshot_chosen(metadata))
    outcomes = [_by_doi(adder, doi, reg) for doi in requested]
    outcomes += [_by_identifier(adder, text, reg) for text in identifiers]
    outcomes += [_by_reference(adder, text, reg) for text in references]
    if adder.entries:
        if dry_run:
            click.echo("".join(f"{e}\n" for e in adder.entries).rstrip("\n"))
        else:
            from ._add_write import write_added

            outcomes = write_added(path, raw, others, adder, outcomes, config)
    _report(outcomes, fmt, path, dry_run)
    return 0 if all(o.status == "added" for o in outcomes) else 1


def _report(outcomes: list[Outcome], fmt: str, path: Path, dry_run: bool) -> None:
    if fmt == "json":
        from ._options import emit_json

        emit_json({"file": str(path), "dry_run": dry_run, "results": [o.to_json() for o in outcomes]})
        return
    from ..text import visible  # a registry's title or a pasted reference is shown, never run by the terminal

    for o in outcomes:
        o = replace(o, title=visible(o.title), request=visible(o.request), message=visible(o.message),
                    warning=visible(o.warning), existing=visible(o.existing), doi=visible(o.doi))
        if o.status == "added":
            verb = "would add" if dry_run else "added"
            click.echo(f"{verb} {o.key}: {o.title} ({o.doi or o.request if o.verified else 'not verified'})",
                       err=dry_run)
            if o.warning:
                why = " (added because of --force)" if "says the work is" in o.warning else ""
                click.echo(f"warning: {o.key}: {o.warning}{why}", err=True)
        else:
            click.echo(f"not added: {o.request}: {o.message}", err=True)
    added = sum(o.status == "added" for o in outcomes)
    if added and not dry_run:
        click.echo(f"{added} {'entry' if added == 1 else 'entries'} appended to {path}", err=True)


__all__ = ["ALARMING", "Adder", "Outcome", "alarm", "command", "read_dois", "registry"]
