"""The command line: a thin layer over the library.

Each command lives in ``litreview/commands/<name>.py`` and is imported only when it
runs, so ``litreview --help`` and light commands start fast. Exit statuses are
decided here: 0 success, 1 findings at error level (``check``), 2 bad usage,
unreadable input or an unexpected failure (a bug: one line and a hint to report it,
never a traceback), 130 interrupted.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from .errors import LitreviewError

#: command name -> (module, one-line help). The help is repeated here so that
#: ``litreview --help`` does not import every command.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("litreview.commands.init", "Set up a review of your own essay here (settings, refs/, mkdocs.yml)."),
    "build": ("litreview.commands.build", "Build the review site (mkdocs build --strict) into site/."),
    "sources": ("litreview.commands.sources", "List the bibliography's sources (table, JSON, CSV, BibTeX, CSL-JSON)."),
    "import": ("litreview.commands.importer", "Parse a plain-text reference list into BibTeX or JSON."),
    "fetch": ("litreview.commands.fetch", "Fetch DOI and URL metadata into the snapshot (refs/metadata/)."),
    "metadata": ("litreview.commands.metadata", "Show each source's registry status, record and mismatches."),
    "sync": ("litreview.commands.sync", "Propose registry corrections to the .bib; apply the accepted ones."),
    "links": ("litreview.commands.links", "Show which claims rely on which sources; accept or reject links."),
    "check": ("litreview.commands.check", "Find broken or missing citations; exit 1 on errors."),
    "add": ("litreview.commands.add", "Add a source by DOI or reference string, refusing duplicates."),
}

EPILOG = """\b
Examples:
  litreview init paper.md                  set up a review of your own essay
  litreview build                          build site/ from refs/ (offline)
  litreview sources --format json          the bibliography as data
  litreview import essay.txt --format bibtex
  litreview links --source holsti2004taming
  litreview check --format github --since origin/main
Settings live in [tool.litreview] in pyproject.toml; see README.md.
"""


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[cmd_name][0])
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="litreview")
def cli() -> None:
    """litreview: review an essay's citations.

    Loads the bibliography (BibTeX), checks it against Crossref, DataCite and
    doi.org, links every claim of the essay to the sources it relies on, reports
    broken or missing citations, and publishes an annotated review site.
    """


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status (never raises for user errors)."""
    try:
        result = cli.main(args=argv, prog_name="litreview", standalone_mode=False)
    except LitreviewError as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except Exception as exc:  # a bug: one line and exit 2, never a traceback nor 1 ("errors found")
        leaf = _leaf(exc)
        if isinstance(leaf, LitreviewError):  # raised on purpose inside a task group
            click.echo(f"error: {leaf}", err=True)
            return 2
        click.echo(f"error: {unexpected(leaf)}", err=True)
        if os.environ.get("LITREVIEW_DEBUG"):
            raise
        click.echo(f"  hint: {BUG_HINT}", err=True)
        return 2
    return result if isinstance(result, int) else 0


BUG_HINT = ("this is a bug in litreview, not in your files' syntax: please report it with the command "
            "and the input that caused it (LITREVIEW_DEBUG=1 shows the traceback)")


def unexpected(exc: BaseException) -> str:
    """A one-line description of an exception litreview did not expect."""
    if isinstance(exc, RecursionError):
        return "an input is nested too deeply to process (RecursionError)"
    if isinstance(exc, MemoryError):
        return "out of memory: an input is far larger than expected (MemoryError)"
    detail = " ".join(str(exc).split())
    if len(detail) > 200:
        detail = detail[:199] + "…"
    return f"unexpected {type(exc).__name__}" + (f": {detail}" if detail else "")


def _leaf(exc: BaseException) -> BaseException:
    """The first exception inside (nested) exception groups, as raised by async task groups."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return exc


def _quiet_stdout() -> None:
    """After a closed pipe (``litreview … | head``), send what is left to /dev/null, not a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def run() -> None:
    """Console-script entry point."""
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    sys.exit(code)
