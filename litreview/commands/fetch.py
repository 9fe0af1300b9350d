"""`litreview fetch`: resolve DOIs, search for missing ones, check URLs, write the snapshot."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ..text import plural
from ._options import config_from, emit_json, format_option, input_options, snapshot_chosen

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

EXAMPLES = """\b
Examples:
  litreview fetch                          fetch what the snapshot lacks (refs/metadata/)
  litreview fetch --offline                the snapshot only: what is verified, what is not
  litreview fetch --refresh --key farrell2005world
  litreview fetch --refresh-older-than 30d  ask again about records older than 30 days (retraction watch)
  LITREVIEW_MAILTO=you@example.org litreview fetch --format json
Exit status: 0 when every lookup was answered, 1 when a lookup failed, the network was
unreachable or the run stopped (more than 10% of registry requests failed), 2 on bad input.
"""


def age_days(text: str) -> float:
    """Days in '30d', '12h', '2w' or a plain number of days; a UsageError otherwise."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([hdw]?)\s*", text.lower())
    if not m:
        raise click.BadParameter(f"{text!r} is not an age; write it like 30d, 12h or 2w",
                                 param_hint="--refresh-older-than")
    return float(m.group(1)) * {"h": 1 / 24, "d": 1.0, "w": 7.0, "": 1.0}[m.group(2)]


def _finite(value: float | None) -> float | None:
    """``--timeout``'s value; NaN passes FloatRange's bounds (every comparison with it is false)."""
    if value is not None and value != value:
        raise click.BadParameter("nan is not a number of seconds", param_hint="'--timeout'")
    return value


class RichProgress:
    """A progress bar on stderr: lookups done, requests, retries and the request rate."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def start(self, total: int, cached: int) -> None:
        if not self.enabled or total == 0:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("lookups"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.fields[stats]}"), console=Console(stderr=True), transient=False,
        )
        self._task = self._progress.add_task("fetch", total=total, stats=f"{cached} from snapshot")
        self._progress.start()

    def advance(self, stats) -> None:
        if self._progress is None or self._task is None:
            return
        text = f"{stats.requests} requests, {stats.retries} retries, {stats.rate:.1f} req/s"
        self._progress.update(self._task, advance=1, stats=text)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def _summary(report, bibliography, width: int | None = None) -> str:
    """Each entry's registry status after the run: a table when wide, a list when narrow; words never cut."""
    from ..checks.registry import alias_primary, another_work, reportable
    from ..registry.report import registry_states, worst_update
    from ._layout import Column, output_width, render

    # Offline, every note would repeat the connection error; the last line gives it once.
    noise = f" ({report.errors[0]})" if report.offline and report.errors else ""
    rows = []
    untold = 0
    for source in bibliography.sources:
        meta = report.metadata[source.key]
        if report.offline and _told_nothing(meta):
            untold += 1
            continue
        doi = source.doi or (f"suggest {meta.suggestion.doi}" if meta.suggestion else "")
        update = worst_update(meta.record)
        status = meta.status + (f" ({update.label or update.type})" if update else "")
        # As `check` reports them: a house-style difference (capitalisation, punctuation) says its kind.
        shown = reportable(meta.mismatches)
        if meta.status == "verified" and another_work(shown):
            status += " (DOI of another work: LR202)"
        elif meta.status == "verified" and alias_primary(source, meta, shown):
            status += " (DOI alias: LR212)"
        fields = ", ".join(m.field if m in shown else f"{m.field} ({m.kind} only)" if m.kind in ("case", "punctuation")
                           else f"{m.field} (unclear)" for m in meta.mismatches)
        url = ""
        if meta.url_check is not None:
            u = meta.url_check
            url = "ok" if u.ok else f"broken ({u.error or u.status})" + (" archived" if u.archive_url else "")
        asked = "\n".join(f"{label}: {words}" for label, words in registry_states(meta))
        rows.append([source.key, status, doi, asked, fields, url,
                     meta.reason.replace(noise, "") if noise else meta.reason])
    columns = [Column("key", fold=True), Column("status"), Column("DOI / suggestion", fold=True), Column("registries"),
               Column("mismatches"), Column("URL"), Column("note", grow=True)]
    counts = ", ".join(f"{n} {status}" for status, n in sorted(report.counts().items()))
    footer = (f"{plural(len(bibliography.sources), 'entry', 'entries')}: {counts}. "
              f"{plural(report.requests, 'request')}, {plural(report.retries, 'retry', 'retries')} in "
              f"{report.seconds:.1f} s; {plural(report.cached, 'lookup')} from the snapshot, "
              f"{plural(len(report.written), 'file')} written.")
    if untold:
        footer += (f"\n{plural(untold, 'entry', 'entries')} not listed: nothing could be asked, the network is "
                   "unreachable (`litreview fetch --offline` lists every entry's status from the snapshot).")
    if not rows:
        return footer + "\n"
    return render("registry status", columns, rows, width=width or output_width(), heads=(0, 1), footer=footer)


def _told_nothing(meta) -> bool:
    """Whether an entry's row, on a run that found the network unreachable, would only repeat that: no record or
    suggestion from the snapshot, no URL answer, and a status the network left as it was (a malformed DOI is
    still shown: that needs no network)."""
    return (meta.status in ("unverified", "no-doi", "failed") and meta.record is None and meta.suggestion is None
            and meta.url_check is None)


@click.command(epilog=EXAMPLES)
@input_options
@click.option("--offline", is_flag=True, help="Use the snapshot only; send no request.")
@click.option("--refresh", is_flag=True, help="Fetch again what the snapshot already holds.")
@click.option("--refresh-older-than", "older_than", default=None, metavar="AGE",
              help="Fetch again records older than AGE (e.g. 30d, 12h, 2w): new retractions and corrections.")
@click.option("--mailto", default=None, help="Contact address for the registries' polite pool [env LITREVIEW_MAILTO].")
@click.option("--no-urls", is_flag=True, help="Do not check the entries' URLs.")
@click.option("--no-search", is_flag=True, help="Do not search for DOIs of entries without one.")
@click.option("--key", "keys", multiple=True, help="Only this entry (repeat for more).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True, max=3600), default=None,
              callback=lambda ctx, param, value: _finite(value),
              help="Seconds before one request times out [default: 20].")
@format_option("table", "json")
def command(fmt: str, offline: bool, refresh: bool, older_than: str | None, mailto: str | None, no_urls: bool,
            no_search: bool,
            keys: tuple[str, ...], timeout: float | None, **paths: str | None) -> int:
    """Fetch registry records for the bibliography into the snapshot folder.

    Resolves each DOI at the agency that registered it (Crossref, DataCite, or
    doi.org content negotiation), searches Crossref for DOIs of entries without one
    (suggestions only: the .bib is never changed), checks each URL (with an archived
    copy for broken ones), and writes what was fetched to refs/metadata/. What the
    snapshot already holds is not fetched again, so a second run sends no request.
    Without network it says so within seconds, once: the entries it could not ask
    about are counted, not listed (`fetch --offline` lists the snapshot's status).
    """
    from ..registry.fetch import fetch_all
    from ..registry.report import metadata_json
    from .sources import load_or_fail

    config = config_from(paths, mailto=mailto, timeout=timeout)
    from ..review import assemble

    # A Manubot manuscript with no .bib has its cited identifiers as sources: they are fetched as DOIs are.
    bibliography = assemble(config, through="load", load=load_or_fail, essay="for-sources", keys=keys).bibliography
    sources = bibliography.sources
    progress = RichProgress(enabled=fmt == "table" and not offline)
    try:
        report = fetch_all(sources, config, progress=progress, offline=offline, refresh=refresh,
                           discover=not no_search, check_urls=not no_urls, foreign_ok=snapshot_chosen(paths.get("metadata")),
                           refresh_days=age_days(older_than) if older_than else None)
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM: each answer was written as it arrived (cli._stopped says it)
        exc.add_note(f"the answers already stored in {config.path('metadata')} are kept, and `litreview fetch` run "
                     "again asks only for the rest")
        raise
    finally:
        progress.stop()
    if fmt == "json":
        by_key = {s.key: s for s in sources}
        emit_json({
            "summary": {"entries": len(sources), "statuses": report.counts(), "requests": report.requests,
                        "retries": report.retries, "failed_requests": report.failures,
                        "seconds": round(report.seconds, 3), "from_snapshot": report.cached,
                        "written": len(report.written), "offline": offline or report.offline,
                        "unreachable": report.offline, "stopped": report.stopped or None,
                        "errors": list(report.errors)},
            "sources": [metadata_json(report.metadata[s.key], by_key[s.key].doi) for s in sources],
        })
    else:
        from ._layout import emit

        emit(_summary(report, bibliography))
    from ..registry.handler import origin
    from ..registry.provenance import non_real

    others = sorted({origin(line.split(" = ", 1)[1].split(" ", 1)[0]) for line in non_real(config)})
    if others and report.written:
        click.echo(f"note: records from servers other than the real registries ({', '.join(others)}) were "
                   f"written to {config.path('metadata')} only; `check` ignores them unless the settings point "
                   "at those servers.", err=True)
    if report.offline:
        click.echo(f"network unreachable: {report.errors[0] if report.errors else 'no registry answered'}; "
                   "nothing was fetched and the snapshot is unchanged.", err=True)
        click.echo("  hint: check the network connection (behind a proxy, set HTTPS_PROXY), then run `litreview "
                   "fetch` again; `check` and `build` work from the snapshot meanwhile.", err=True)
        return 1
    if report.stopped:
        click.echo(report.stopped, err=True)
        return 1
    for line in report.errors[:10]:
        click.echo(f"warning: {line}", err=True)
    if report.errors:
        # Some lookups were not answered: the snapshot lacks them, which scripts must be able to see.
        count = len(report.errors)
        click.echo(f"{count} lookup{'s' if count != 1 else ''} failed; nothing wrong was stored, and "
                   "`litreview fetch` tries them again", err=True)
        sys.stderr.flush()
        return 1
    sys.stderr.flush()
    return 0
