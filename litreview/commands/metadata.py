"""`litreview metadata`: each source's registry status, record, suggestion and mismatches."""

from __future__ import annotations

import click

from ._options import config_from, emit_json, format_option, input_options

EXAMPLES = """\b
Examples:
  litreview metadata                              a table from the snapshot (no network)
  litreview metadata --format json | jq '.[] | select(.status != "verified")'
  litreview metadata --key farrell2005world --format json
  litreview metadata --format notices             retractions, concerns, corrections (Markdown)
"""


def _table(bibliography, metadata, width: int | None = None) -> str:
    """Each source's registry status as a table (wide) or a list (narrow), wrapped between words."""
    from ..registry.report import registry_states, worst_update
    from ._layout import Column, output_width, render

    rows = []
    for source in bibliography.sources:
        meta = metadata[source.key]
        update = worst_update(meta.record)
        status = meta.status + (" (stale)" if meta.stale else "")
        if update is not None:
            status += f"\n{(update.label or update.type).upper()} {update.doi}"
        doi = source.doi
        if meta.suggestion is not None:
            doi = f"suggested {meta.suggestion.doi} ({meta.suggestion.score:.2f})"
        record = ""
        if meta.record is not None:
            r = meta.record
            names = "; ".join(p.family for p in (r.authors or r.editors)[:3])
            record = f"{names} ({r.year or 'n.d.'}) {r.title}" + (f": {r.subtitle}" if r.subtitle else "")
        mismatches = "\n".join(f"{m.field} [{m.kind}]: {m.entry_value!r} vs {m.registry_value!r}"
                               for m in meta.mismatches)
        url = ""
        if meta.url_check is not None:
            u = meta.url_check
            url = "ok" if u.ok else f"broken: {u.error or u.status}"
            if u.final_url:
                url += f"\n-> {u.final_url}"
            if u.archive_url:
                url += f"\narchive: {u.archive_url}"
        asked = "\n".join(f"{label}: {words}" for label, words in registry_states(meta))
        rows.append([source.key, status, doi or "", asked, record, mismatches, url, meta.reason or ""])
    columns = [Column("key", fold=True), Column("status"), Column("DOI / suggestion", fold=True), Column("registries"),
               Column("registry record", grow=True), Column("mismatches", grow=True), Column("URL", fold=True),
               Column("reason", grow=True)]
    # Eight columns of prose and identifiers need a wide screen; below that, one record per source.
    return render("registry metadata (from the snapshot)", columns, rows, width=width or output_width(),
                  heads=(0, 1), narrow=160)


@click.command(epilog=EXAMPLES)
@input_options
@click.option("--key", "keys", multiple=True, help="Only this entry (repeat for more).")
@format_option("table", "json", "notices")
def command(fmt: str, keys: tuple[str, ...], **paths: str | None) -> int:
    """Show what the registries say about each source, from the snapshot (no network).

    JSON gives one object per entry: key, status (verified, not-found, malformed,
    unverified, failed, no-doi), doi, fetched_at, stale, record (selected fields and
    updates such as retractions), suggested_doi (with score and reasons),
    mismatches (field, entry, registry, kind, likely_right), url_check, registries
    (which registries were asked and how each answered), ignored_records_from (base
    URLs of snapshot records set aside because no configured registry answered them,
    LR220) and reason. notices lists the
    works with a retraction, expression of concern or correction as Markdown, each with
    the sources that say so (the retraction watch workflow posts it as an issue).
    """
    from ..registry.report import metadata_json
    from ..review import assemble
    from .sources import load_or_fail

    config = config_from(paths)
    stages = assemble(config, through="resolve", load=load_or_fail, essay="for-sources", keys=keys)
    bibliography, metadata = stages.bibliography, stages.metadata
    assert metadata is not None  # resolved
    if fmt == "json":
        emit_json([metadata_json(metadata[s.key], s.doi) for s in bibliography.sources])
    elif fmt == "notices":
        from ..registry.report import notices_markdown

        click.echo(notices_markdown([s.key for s in bibliography.sources], metadata), nl=False)
    else:
        from ._layout import emit

        emit(_table(bibliography, metadata))
    return 0
