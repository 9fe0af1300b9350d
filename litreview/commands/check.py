"""`litreview check`: every broken or missing citation, as text, JSON, GitHub annotations or SARIF."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeGuard

import click

from ..config import Config
from ..jsontext import json_text
from ..model import Finding, Review
from ._options import config_from, input_options, snapshot_chosen
from ._since import rel

EXAMPLES = """\b
Examples:
  litreview check                              grouped report; exit 1 on errors
  litreview check --strict                     warnings fail too
  litreview check --format github --since origin/main
  litreview check --format sarif --output litreview.sarif
  litreview check --list-codes                 what each code means
Exit status: 0 clean, 1 errors (or warnings with --strict), 2 bad usage or unreadable input.
Silence a code in [tool.litreview] with suppress = ["LR137"] (or with a reason shown in
the report: suppress = {LR137 = "why"}), one entry's codes with
suppress_entries = {uscode10 = ["LR136"]}, or in the entry: litreview-suppress = {LR136}.
Change a code's level with severity = {LR307 = "warning"}.
"""


def _fetch_online(config: Config, foreign_ok: bool) -> None:
    """Fetch what the snapshot lacks before checking, when the registry module is installed; ``foreign_ok``
    when this run names its snapshot folder (a mirror's or a test server's records may go there)."""
    try:
        from ..registry.fetch import fetch_all
    except ImportError:
        click.echo("note: --online is unavailable (no registry module); checking against the snapshot",
                   err=True)
        return
    from ..review import assemble

    # The sources `fetch` would look up (a Manubot manuscript's cited identifiers when it has no .bib).
    report = fetch_all(assemble(config, through="load", essay="for-sources").bibliography.sources, config,
                       foreign_ok=foreign_ok)
    if report.offline:
        click.echo("note: no registry could be reached; checking against the snapshot", err=True)
    elif report.stopped:
        click.echo(f"note: fetching stopped early ({report.stopped}); checking against the snapshot",
                   err=True)


def _from_repository_root(config: Config) -> Callable[[str], str]:
    """A file's name from the repository's top folder, as GitHub places annotations and code-scanning
    results (the settings, and so the names findings give, may sit in a subfolder); a file outside
    the repository keeps its name."""
    return _repository_names(Path(config.root), keep=True)


def _repository_names(root: Path, *, keep: bool) -> Callable[[str], str]:
    """Names of files (relative to ``root``, or absolute) from the top folder of the repository holding
    ``root``; a file outside the repository keeps its name (``keep``) or is named ""."""
    import posixpath

    from ..checks.gitref import repository_root

    root = root.resolve()
    top = repository_root(root)
    if top is None or (top == root and keep):
        return str if keep else (lambda file: "")
    folder = root.relative_to(top).as_posix()

    def name(file: str) -> str:
        if not Path(file).is_absolute():
            return posixpath.normpath(f"{folder}/{Path(file).as_posix()}")
        try:
            return Path(file).resolve().relative_to(top).as_posix()
        except ValueError:
            return file if keep else ""

    return name


def _list_codes(fmt: str) -> str:
    from ..checks.catalogue import catalogue_json
    from ..checks.formats import render_codes

    if fmt == "json":
        return json_text({"codes": catalogue_json()})
    return render_codes(click.style if sys.stdout.isatty() else None)


def _render(fmt: str, findings: list[Finding], summary: dict[str, Any], review: Review, config: Config,
            colour: bool) -> str:
    from ..checks import formats

    if fmt == "json":
        return json_text(formats.to_json(findings, summary))
    if fmt in ("github", "sarif"):
        name = _from_repository_root(config)
        findings = [f.in_file(name(f.file)) if f.file else f for f in findings]
    if fmt == "github":
        return formats.render_github(findings, summary if summary.get("since") else None)
    if fmt == "sarif":
        from .. import __version__

        since, provenance = None, None
        if summary.get("since"):
            from ..checks import gitref

            cwd = Path(config.root)
            since = {**summary, "since_revision": gitref.commit_of(gitref.since_ref(str(summary["since"])), cwd)}
            provenance = gitref.provenance(cwd)
        log = formats.to_sarif(findings, version=__version__, since=since, provenance=provenance,
                               fallback_file=name(rel(config.path("bibliography"), config)))
        return json_text(log)
    excerpts: dict[str, str] = {}
    if review.essay is not None:
        # As the file writes it (\supercite{a}, not pandoc's [@{a}]), its Markdown as the page shows it ("«\\ mot\\ »"
        # with its no-break spaces).
        from ..linking.output import written
        from ..render.shown import shown_source

        essay = review.essay
        quoted = {f.claim_id for f in findings if f.claim_id}  # (the claims a finding quotes: not every claim)
        excerpts = {c.id: shown_source(written(c, essay), c, essay.format) for c in essay.claims if c.id in quoted}
    from ..bibliography.csl import is_csl
    from ..checks.fixes import fixable

    # sync --write edits BibTeX only, and stops on a bibliography with a problem on loading ("fix them and run
    # again"): until that is mended the report names no change as its.
    refused = any(p.severity == "error" for p in review.bibliography.problems)
    fixes = set() if refused else {
        (key, code) for key, code in fixable(review.bibliography)
        if (source := review.bibliography.get(key)) is not None and not is_csl(source.file or "")}
    return formats.render_text(findings, summary, excerpts=excerpts, style=click.style if colour else None,
                               fixable=fixes)


@click.command(epilog=EXAMPLES)
@input_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif"]), default="text",
              show_default=True, help="text for people, json for scripts, github for Actions annotations, "
                                      "sarif for code scanning.")
@click.option("--since", "since", metavar="REF", default=None,
              help="Report only the findings the change adds: the check runs on the commit where the "
                   "current branch left this git ref (e.g. origin/main, a tag, a commit; origin/main...HEAD "
                   "means the same) and on the working tree, and only findings new since then are shown "
                   "(fixed ones are counted).")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings as well as errors.")
@click.option("--online", is_flag=True, help="Fetch what the registry snapshot lacks before checking.")
@click.option("--list-codes", is_flag=True, help="Print the catalogue of finding codes and exit.")
@click.option("--output", "output", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Recompute everything instead of reusing .litreview-cache/ (also LITREVIEW_NO_CACHE=1; "
                   "the cache is off on CI unless LITREVIEW_NO_CACHE=0).")
def command(fmt: str, since: str | None, strict: bool, online: bool, list_codes: bool, output: str | None,
            no_cache: bool, **paths: str | None) -> int:
    """Find broken or missing citations in the bibliography and in how the essay uses it.

    Checks the .bib (syntax, duplicates, required fields, DOIs, ISBNs, URLs, dates,
    formatting), the registry snapshot (DOIs not found, mismatches, retractions,
    broken URLs), the essay against the bibliography (citations without entries,
    authorities and works named without an entry, unattributed quotations, entries
    no claim relies on) and the curated links. Each finding has a stable code; see
    --list-codes.

    JSON gives {"findings": [...], "summary": {...}}: each finding's code, severity
    (error, warning or info), message, hint, key, claim_id, file and line (null when
    the finding has none); the summary counts errors, warnings, info, total,
    suppressed, by_code and checked (the entries, claims and citations read) (with --since, also what it compared: since, base,
    branch_point, fixed, changed and older; not_compared, unreadable (files) and
    unreadable_entries (entries a syntax error keeps from being read) when some
    findings could not be compared; base_settings when the base's settings
    file could not be read and the working tree's were used for it; and unlisted,
    in a bibliography kept alone, the bibliography files the change adds or edits
    that the settings do not list, whose entries were not checked).
    """
    if list_codes:
        text = _list_codes("json" if fmt == "json" else "text")
        _write(text, output)
        return 0
    from ..errors import LitreviewError

    try:
        return _check(fmt, since, strict, online, output, no_cache, paths)
    except LitreviewError as exc:
        if fmt == "github" and output is None:  # a stop, shown on the pull request beside the findings
            from ..checks.formats import render_github_stop

            name = (_repository_names(Path.cwd(), keep=False)(exc.path) or Path(exc.path).name) if exc.path else ""
            if exc.path and Path(exc.path).is_file():
                _write(render_github_stop(exc.message, exc.hint, name or None, exc.line), None)
            else:  # a file that is not there: no place to annotate, so its name goes into the text
                _write(render_github_stop(f"{name}: {exc.message}" if name else exc.message, exc.hint), None)
        raise


def _check(fmt: str, since: str | None, strict: bool, online: bool, output: str | None, no_cache: bool,
           paths: dict[str, str | None]) -> int:
    config = config_from(paths)
    if since is not None:
        from ..checks.gitref import since_ref

        since_ref(since)  # an empty ref or a range ending elsewhere stops before the check runs
    if since == "HEAD":
        from ._since import under_pre_commit

        since = under_pre_commit(config)
    if online:
        _fetch_online(config, snapshot_chosen(paths.get("metadata")))
    now = datetime.now(UTC)
    colour = output is None and fmt == "text" and sys.stdout.isatty()
    from .. import cache

    cached = not no_cache and cache.enabled()
    # The report itself is cached too: a warm run then imports no stage and no check at all.
    key = cache.input_key(config) if cached and not since else None
    variant = f"{fmt}-colour" if colour else fmt
    if key:
        report = cache.load_report(config, key, variant, now)
        if _is_report(report):
            return _report(report, fmt, output, strict)
    from ..review import build_review

    review = build_review(config, now=now, with_checks=False, cache=cached)
    from ..checks import check_review, checked, summarize
    from ..checks.formats import summary_line

    result = check_review(review, config, now=now)
    findings = list(result.findings)
    silenced = list(result.suppressed)
    compared: dict[str, Any] = {}  # with --since: the base, what the change fixed, what could not be compared
    if since:
        from ._since import since_base

        diff, silenced, compared = since_base(review, result, config, since, now, for_github=fmt == "github")
        findings = list(diff.new)
        unread = set(compared.pop("unreadable", ()))
        entries = compared.pop("unreadable_entries", {})
        compared = {"since": since, **compared, "fixed": len(diff.fixed),
                    **({"changed": len(diff.changed)} if diff.changed else {}), "older": len(diff.kept)}
        if diff.uncompared or unread or entries:
            files = unread | {f.file or "" for f in diff.uncompared if f.key not in entries or f.file in unread}
            compared.update(not_compared=len(diff.uncompared), **({"unreadable": sorted(files)} if files else {}),
                            **({"unreadable_entries": entries} if entries else {}))
    summary = summarize(findings, len(silenced))  # with --since, only those the change would have shown
    if silenced and config.suppress_reasons:
        from ..checks.suppress import suppressed_summary

        # Why each code was silenced, where the settings say.
        summary["suppressed_by"] = [item for item in suppressed_summary(silenced, config.suppress_reasons)
                                    if item["reason"]]
    summary["checked"] = checked(review)
    summary.update(compared)  # what --since compared comes last, in its order (scripts may read it so)
    report = {"text": _render(fmt, findings, summary, review, config, colour), "summary": summary_line(summary),
              "errors": summary["errors"], "warnings": summary["warnings"]}
    if fmt == "github":  # the job summary, for when Actions names a file for it (GITHUB_STEP_SUMMARY)
        from ..checks.step_summary import render_step_summary

        name = _from_repository_root(config)
        report["step_summary"] = render_step_summary([f.in_file(name(f.file)) if f.file else f for f in findings],
                                                     summary) + _unlisted_summary(summary, config)
    if key:
        cache.store_report(config, key, variant, now, review.metadata, report)
    return _report(report, fmt, output, strict)


def _unlisted_summary(summary: dict[str, Any], config: Config) -> str:
    """The job summary's lines on the bibliography files a change adds unlisted (``--since``, a bibliography kept
    alone): the run's page says "no new problems" of entries nobody checked otherwise."""
    from ..checks.step_summary import cell

    files = summary.get("unlisted") or []
    if not files:
        return ""
    settings = Path(config.source_file).name if config.source_file else "the settings"
    return "".join(f"Not checked: {cell(name, code=True)}, a bibliography file this change adds that {settings} "
                   "does not list (`bibliography`): add it there to have its entries checked.\n\n" for name in files)


def _is_report(report: Any) -> TypeGuard[dict[str, Any]]:
    return (isinstance(report, dict) and isinstance(report.get("text"), str)
            and isinstance(report.get("summary"), str)
            and all(type(report.get(n)) is int for n in ("errors", "warnings")))


def _report(report: dict[str, Any], fmt: str, output: str | None, strict: bool) -> int:
    """Write the report and return the exit status."""
    _write(report["text"], output)
    if fmt == "github" and isinstance(report.get("step_summary"), str):
        _append_step_summary(report["step_summary"])
    if output is not None:
        click.echo(f"{report['summary']}; report written to {output}", err=True)
    failing = report["errors"] or (strict and report["warnings"])
    return 1 if failing else 0


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from ..fileio import write_atomic

    write_atomic(output, text)


def _append_step_summary(text: str) -> None:
    """Add ``text`` to the file GITHUB_STEP_SUMMARY names (GitHub Actions shows it on the run's page), in one
    write at its end: what earlier commands of the step wrote there stays. Nothing without the variable, or
    when the step's summary would pass the 1 MiB GitHub takes (it would drop all of it); a file that cannot be
    written is a note, not a failed check."""
    import os

    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    data = text.encode("utf-8")
    try:
        with open(path, "ab") as handle:
            if handle.tell() + len(data) > _STEP_SUMMARY_LIMIT:
                click.echo(f"note: the job summary was not written: {path} would pass GitHub's 1 MiB", err=True)
                return
            handle.write(data)
    except OSError as exc:
        click.echo(f"note: the job summary was not written: {path}: {exc.strerror}", err=True)


#: What GitHub Actions takes of one step's summary file.
_STEP_SUMMARY_LIMIT = 1024 * 1024
