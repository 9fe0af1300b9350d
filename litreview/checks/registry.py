"""Checks from the registry's view of each entry (``SourceMetadata`` from the snapshot or a fetch).

Pure: nothing here touches the network. Offline, an entry not yet verified is only
ever an info finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..bibliography.load import CONTAINER_FIELDS, PUBLISHER_FIELDS
from ..doi import bare_doi, is_short_doi
from ..model import Bibliography, Finding, Mismatch, Source, SourceMetadata
from .bib import entry_finding

_RETRACTIONS = frozenset({"retraction", "partial_retraction", "withdrawal", "removal"})
_CORRECTIONS = frozenset({"correction", "corrigendum", "erratum", "expression_of_concern", "addendum",
                          "clarification"})
# Differences that are a matter of house style, or of legal publisher against imprint.
_QUIET = frozenset({"case", "punctuation"})
_KIND_WORDS = {
    "case": "differs in capitalisation", "punctuation": "differs in punctuation",
    "subtitle": "lacks the subtitle", "truncated": "is cut short", "extra": "has extra words",
    "spelling": "is spelt differently", "different": "differs", "missing": "is missing",
    "count": "has a different number of names", "order": "lists the names in another order",
    "initials": "has different initials", "role": "mixes authors and editors", "reprint": "is later (a reprint?)",
    "edition": "is earlier (another edition?)", "type": "is a different kind of work",
}


def check_registry(bib: Bibliography, metadata: Mapping[str, SourceMetadata], *,
                   year_in_title: frozenset[str] = frozenset()) -> list[Finding]:
    """Findings for every entry that has registry metadata, in file order.

    ``year_in_title`` names entries whose title carries an original year (LR135 says
    more about them than the registry's "title has extra words").
    """
    found: list[Finding] = []
    for source in bib.sources:
        meta = metadata.get(source.key)
        if meta is not None:
            found.extend(check_metadata(source, meta, year_in_title=source.key in year_in_title))
    return found


def reportable(mismatches: tuple[Mismatch, ...], *, year_in_title: bool = False) -> tuple[Mismatch, ...]:
    """The mismatches worth a finding: not house style, not where the entry is likely right."""
    return tuple(
        m for m in mismatches
        if m.likely_right != "entry"
        and not (m.likely_right == "unclear" and (m.kind in _QUIET or m.field == "publisher"))
        and not (year_in_title and m.field == "title" and m.kind == "extra")
    )


def check_metadata(source: Source, meta: SourceMetadata, *, year_in_title: bool = False) -> Iterable[Finding]:
    """LR200-LR212 and LR220 for one entry."""
    if meta.record:
        from ..registry.handlers import agency_label  # (only with a record: the import is not free per entry)

        agency = agency_label(meta.record.agency)
    else:
        agency = "the registry"
    when = f" on {meta.fetched_at[:10]}" if meta.fetched_at else ""
    if meta.ignored:
        where = ", ".join(dict.fromkeys(meta.ignored))
        yield entry_finding("LR220", source, f"the snapshot's records for this entry came from {where}, not from "
                                             "a configured registry; they were ignored")
    doi = bare_doi(source.doi)  # the DOI, not the field's https://doi.org/... form (LR121 is about the form)
    what = f"DOI {doi}" if doi else "the work"
    if meta.status == "not-found" and not source.doi:
        # Every registry that should know the work was asked and answered (the reason lists them).
        yield entry_finding("LR200", source, f"the work is not known to any registry: {meta.reason}",
                            "check the identifiers (ISBN, arXiv id, PubMed id) for typos")
    elif meta.status == "not-found":
        # Crossref's REST API answers 404 for an alias too (a DOI merged into another; doi.org still redirects it).
        yield entry_finding("LR200", source, f"DOI {doi} does not exist: {agency} answered 404{when}",
                            f"check the DOI for typos; if https://doi.org/{doi} still opens the work, the DOI is an "
                            "alias of another: write the DOI it leads to", field="doi")
    elif meta.status in ("unverified", "failed") and not (meta.record is None and is_short_doi(doi)):
        # (a shortDOI, which no registry is asked about, is LR121's: one finding, with the form to write)
        from ..registry.status import RUN_FETCH  # (only for such an entry; the hint says what to do)

        why = (meta.reason or "no registry record in the snapshot").removeprefix("not yet verified: ")
        why = why.replace(f" {RUN_FETCH}", "")
        state = "could not be verified" if meta.status == "failed" else "not yet verified"
        yield entry_finding("LR209", source, f"{what} {state}: {why}")
    if meta.status == "verified":
        shown = reportable(meta.mismatches, year_in_title=year_in_title)
        primary = alias_primary(source, meta, shown)
        if primary:
            yield entry_finding("LR212", source, f"{agency} answers DOI {doi} with the record of {primary}, "
                                                 "the same work: it is an alias", f"write doi = {{{primary}}}",
                                field="doi")
        yield from check_mismatches(source, shown, agency)
    if meta.record is not None:
        yield from check_updates(source, meta)
    if meta.stale and meta.status in ("verified", "not-found"):
        yield entry_finding("LR210", source, f"registry record fetched{when} is older than the configured age")
    if meta.suggestion is not None and not source.doi:
        s = meta.suggestion
        title = f" ({s.title!r})" if s.title else ""
        yield entry_finding("LR208", source, f"registry suggests DOI {s.doi}{title}, score {s.score:.2f}",
                            f"if it is the same work, add doi = {{{s.doi}}}")
    check = meta.url_check
    if check is not None and not check.ok and check.status != 429:
        what = f"HTTP {check.status}" if check.status else (check.error or "no answer")
        hint = (f"use the archived copy: url = {{{check.archive_url}}} (keep the original in a note)"
                if check.archive_url else "find the page's new address, or an archived copy on the Wayback Machine")
        checked = f" (checked {check.checked_at[:10]})" if check.checked_at else ""
        yield entry_finding("LR207", source, f"URL {check.url} is broken: {what}{checked}", hint, field="url")
    elif check is not None and check.ok and moved_url(check.url, check.final_url):
        yield entry_finding("LR211", source, f"URL {check.url} redirects to {check.final_url}",
                            f"if it is the same document, write url = {{{check.final_url}}}", field="url")


def another_work(mismatches: tuple[Mismatch, ...]) -> Mismatch | None:
    """The title mismatch when the DOI's record is another work's (title and authors both different), else None."""
    kinds = {m.field: m.kind for m in mismatches}
    if kinds.get("title") == "different" and kinds.get("authors") == "different":
        return next(m for m in mismatches if m.field == "title")
    return None


def alias_primary(source: Source, meta: SourceMetadata, shown: tuple[Mismatch, ...]) -> str:
    """The primary DOI when the registry answered the entry's DOI with the record of another DOI of the same
    work (an alias; ``shown``: the reportable mismatches, which must not say another work), else ''."""
    from ..registry.parse import alias_of  # (only for a verified entry's record)

    primary = alias_of(meta.record, source.doi) if meta.record is not None else ""
    return primary if primary and another_work(shown) is None else ""


def check_mismatches(source: Source, mismatches: tuple[Mismatch, ...], agency: str) -> Iterable[Finding]:
    """One finding per (reportable) mismatch; LR202 once when both title and authors are different."""
    title = another_work(mismatches)
    if title is not None:
        yield entry_finding("LR202", source, f"DOI {bare_doi(source.doi)} is registered to another work: "
                            f"{title.registry_value!r}", field="doi")
        return
    for m in mismatches:
        code = "LR201" if m.likely_right == "registry" else "LR203"
        words = _KIND_WORDS.get(m.kind, "differs")
        if m.kind == "missing":
            message = f"{m.field} is missing; {agency} has {m.registry_value!r}"
        else:
            message = f"{m.field} {words}: entry {m.entry_value!r}, {agency} {m.registry_value!r}"
        hint = f"use {agency}'s value" if code == "LR201" else ""
        yield entry_finding(code, source, message, hint, field=_field_of(source, m.field))


def _field_of(source: Source, name: str) -> str:
    """The entry's field a mismatch is about ('' for the entry's type, which is on its first line)."""
    fields = source.fields
    if name == "authors":  # (the names compared: the authors, else the editors)
        return "author" if source.authors else "editor"
    if name in ("container", "publisher"):  # the field Source.container or Source.publisher came from
        return next((n for n in (CONTAINER_FIELDS if name == "container" else PUBLISHER_FIELDS) if fields.get(n)), "")
    if name == "year":
        return "year" if fields.get("year") else "date"
    return name if name in ("title", "pages") else ""


def check_updates(source: Source, meta: SourceMetadata) -> Iterable[Finding]:
    """LR204 for a retraction, LR205 for a correction or concern, LR206 for a newer version."""
    assert meta.record is not None
    for update in meta.record.updates:
        if update.direction != "updated-by":
            continue
        kind = update.kind
        label = update.label or kind.replace("_", " ")
        dated = f" ({update.date[:10]})" if update.date else ""
        notice = f"; notice {update.doi}" if update.doi else ""
        # Each source that says so is cited (Crossref's publisher or Retraction Watch, PubMed, OpenAlex).
        notice += f" (source: {update.source})" if update.source else ""
        if kind in _RETRACTIONS:
            yield entry_finding("LR204", source, f"the work has {_article(label)}{dated}{notice}")
        elif kind in _CORRECTIONS:
            yield entry_finding("LR205", source, f"the work has {_article(label)}{dated}{notice}")
        elif update.is_version:
            yield entry_finding("LR206", source, f"the registry records a {label.lower()}{dated}{notice}")


def _article(label: str) -> str:
    """'a retraction', 'an expression of concern'."""
    word = label.lower()
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def moved_url(url: str, final: str) -> bool:
    """True when the final address differs beyond a trailing slash."""
    return bool(final) and final.rstrip("/") != url.rstrip("/")
