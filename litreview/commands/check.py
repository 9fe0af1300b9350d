"""`litreview check`: every broken or missing citation, as text, JSON, GitHub annotations or SARIF."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeGuard

import click

from ..config import Config
from ..model import Finding, Review
from ._options import config_from, input_options

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


def _fetch_online(config: Config) -> None:
    """Fetch what the snapshot lacks before checking, when the registry module is installed."""
    try:
        from ..registry.fetch import fetch_all
    except ImportError:
        click.echo("note: --online is unavailable (no registry module); checking against the snapshot",
                   err=True)
        return
    from ..review import assemble

    # The sources `fetch` would look up (a Manubot manuscript's cited identifiers when it has no .bib).
    report = fetch_all(assemble(config, through="load", essay="for-sources").bibliography.sources, config)
    if report.offline:
        click.echo("note: no registry could be reached; checking against the snapshot", err=True)
    elif report.stopped:
        click.echo(f"note: fetching stopped early ({report.stopped}); checking against the snapshot",
                   err=True)


def _since(review: Review, result: Any, config: Config, ref: str, now: datetime) -> tuple[Any, list[Finding]]:
    """The findings diff between the branch point with ``ref`` and the working tree.

    The base is checked in full from git's objects, in a temporary folder; returns the diff
    and the suppressed findings the change adds.
    """
    import tempfile

    from ..checks import check_review, gitbase, scope
    from ..errors import LitreviewError
    from ..review import build_review

    cwd = Path(config.root)
    head = scope.Side(result.findings, _claim_texts(review), _file_lines(config))
    if not gitbase.verify_ref(ref, cwd):
        click.echo(f"note: {ref}: no commit yet, so every finding counts as new", err=True)
        return scope.diff_findings(scope.Side(()), head), list(result.suppressed)
    base = gitbase.merge_base(ref, cwd)
    if base is None:
        click.echo(f"note: {ref} shares no history with HEAD, so the check compares with {ref} itself", err=True)
        base = ref
    top = gitbase.git_toplevel(cwd)
    with tempfile.TemporaryDirectory(prefix="litreview-base-") as tmp:
        old_config = gitbase.base_inputs(base, config, top, Path(tmp))
        try:
            old_review = build_review(old_config, now=now, with_checks=False)
            old_result = check_review(old_review, old_config, now=now)
            old = scope.Side(old_result.findings, _claim_texts(old_review), _file_lines(old_config))
            old_suppressed: tuple[Finding, ...] = old_result.suppressed
        except LitreviewError as exc:
            # A base that cannot be loaded reports nothing: every finding now is the change's.
            click.echo(f"note: the base ({ref}) could not be checked, so every finding counts as new:\n"
                       f"  {exc}", err=True)
            old, old_suppressed, old_review = scope.Side(()), (), None
    renamed = scope.renamed_keys(old_review.bibliography, review.bibliography) if old_review is not None else {}
    # Suppressed now and absent before (reported or not): what the suppressions hide of the change.
    return scope.diff_findings(old, head, renamed), scope.count_new((*old.findings, *old_suppressed),
                                                                    result.suppressed)


def _under_pre_commit(config: Config) -> str | None:
    """What ``--since HEAD`` (the pre-commit hook's arguments) compares with when pre-commit runs it.

    Given a range (``pre-commit run --from-ref A --to-ref B``, as CI runs it on a pull request, or
    the pre-push stage), its start. With no commit under way (git gives a commit's hooks
    GIT_INDEX_FILE) and nothing changed since HEAD (``pre-commit run --all-files`` on a clean
    checkout, as CI services run it), HEAD would leave nothing to compare: the whole review is
    checked (None). Elsewhere HEAD, as given (an empty commit, or a merge resolved to HEAD's text,
    adds nothing).
    """
    import os

    start, end = os.environ.get("PRE_COMMIT_FROM_REF"), os.environ.get("PRE_COMMIT_TO_REF")
    if start and end:
        click.echo(f"note: pre-commit's range {start}..{end}: the findings since {start}", err=True)
        return start
    if os.environ.get("PRE_COMMIT") == "1" and not os.environ.get("GIT_INDEX_FILE"):
        from ..checks.gitbase import unchanged

        if unchanged(Path(config.root)):
            click.echo("note: nothing differs from HEAD (pre-commit run --all-files?): the whole review is "
                       "checked", err=True)
            return None
    return "HEAD"


def _claim_texts(review: Review) -> dict[str, str]:
    return {c.id: c.text for c in review.essay.claims} if review.essay is not None else {}


def _file_lines(config: Config) -> dict[str, list[str]]:
    """The input files' lines by the name findings give them (relative to the root)."""
    out: dict[str, list[str]] = {}
    for name in ("bibliography", "essay", "claims"):
        for path in config.paths(name) if getattr(config, name) else ():
            if not path.is_file():
                continue
            try:
                out[_rel(path, config)] = path.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
    return out


def _rel(path: Path, config: Config) -> str:
    try:
        return path.resolve().relative_to(Path(config.root).resolve()).as_posix()
    except ValueError:
        return str(path)


def _from_repository_root(config: Config) -> Callable[[str], str]:
    """A file's name from the repository's top folder, as GitHub places annotations and code-scanning
    results (the settings, and so the names findings give, may sit in a subfolder); a file outside
    the repository keeps its name."""
    import posixpath

    from ..checks.gitbase import repository_root

    root = Path(config.root).resolve()
    top = repository_root(root)
    if top is None or top == root:
        return str
    folder = root.relative_to(top).as_posix()

    def name(file: str) -> str:
        if not Path(file).is_absolute():
            return posixpath.normpath(f"{folder}/{Path(file).as_posix()}")
        try:
            return Path(file).resolve().relative_to(top).as_posix()
        except ValueError:
            return file

    return name


def _list_codes(fmt: str) -> str:
    from ..checks.catalogue import catalogue_json
    from ..checks.formats import render_codes

    if fmt == "json":
        return json.dumps({"codes": catalogue_json()}, indent=2, ensure_ascii=False) + "\n"
    return render_codes(click.style if sys.stdout.isatty() else None)


def _render(fmt: str, findings: list[Finding], summary: dict[str, Any], review: Review, config: Config,
            colour: bool) -> str:
    from ..checks import formats

    if fmt == "json":
        return json.dumps(formats.to_json(findings, summary), indent=2, ensure_ascii=False) + "\n"
    if fmt in ("github", "sarif"):
        from dataclasses import replace

        name = _from_repository_root(config)
        findings = [replace(f, file=name(f.file)) if f.file else f for f in findings]
    if fmt == "github":
        return formats.render_github(findings, summary if summary.get("since") else None)
    if fmt == "sarif":
        from .. import __version__

        log = formats.to_sarif(findings, version=__version__,
                               fallback_file=name(_rel(config.path("bibliography"), config)))
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
    excerpts = {c.id: c.text for c in review.essay.claims} if review.essay is not None else {}
    return formats.render_text(findings, summary, excerpts=excerpts, style=click.style if colour else None)


@click.command(epilog=EXAMPLES)
@input_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif"]), default="text",
              show_default=True, help="text for people, json for scripts, github for Actions annotations, "
                                      "sarif for code scanning.")
@click.option("--since", "since", metavar="REF", default=None,
              help="Report only the findings the change adds: the check runs on the commit where the "
                   "current branch left this git ref (e.g. origin/main) and on the working tree, "
                   "and only findings new since then are shown (fixed ones are counted).")
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
    """
    if list_codes:
        text = _list_codes("json" if fmt == "json" else "text")
        _write(text, output)
        return 0
    config = config_from(paths)
    if since == "HEAD":
        since = _under_pre_commit(config)
    if online:
        _fetch_online(config)
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
    from ..checks import check_review, summarize
    from ..checks.formats import summary_line

    result = check_review(review, config, now=now)
    findings = list(result.findings)
    silenced = list(result.suppressed)
    fixed = None
    if since:
        diff, silenced = _since(review, result, config, since, now)
        findings = list(diff.new)
        fixed = len(diff.fixed)
    summary = summarize(findings, len(silenced))  # with --since, only those the change would have shown
    if silenced and config.suppress_reasons:
        from ..checks.suppress import suppressed_summary

        # Why each code was silenced, where the settings say.
        summary["suppressed_by"] = [item for item in suppressed_summary(silenced, config.suppress_reasons)
                                    if item["reason"]]
    if since:
        summary["since"] = since
        summary["fixed"] = fixed
    report = {"text": _render(fmt, findings, summary, review, config, colour), "summary": summary_line(summary),
              "errors": summary["errors"], "warnings": summary["warnings"]}
    if key:
        cache.store_report(config, key, variant, now, review.metadata, report)
    return _report(report, fmt, output, strict)


def _is_report(report: Any) -> TypeGuard[dict[str, Any]]:
    return (isinstance(report, dict) and isinstance(report.get("text"), str)
            and isinstance(report.get("summary"), str)
            and all(type(report.get(n)) is int for n in ("errors", "warnings")))


def _report(report: dict[str, Any], fmt: str, output: str | None, strict: bool) -> int:
    """Write the report and return the exit status."""
    _write(report["text"], output)
    if output is not None and fmt != "text":
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
