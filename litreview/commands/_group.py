"""The click group behind ``litreview``: commands are imported only when one runs.

``litreview.cli`` holds the entry points and the command table; this module is the only
part of start-up that imports click, and ``litreview --help`` normally answers without it
(see ``litreview.cli.run`` and ``litreview._helptext``).
"""

from __future__ import annotations

import importlib

import click

from ..cli import COMMANDS, HELP_OPTIONS

EPILOG = """\b
Examples:
  litreview init paper.md                  set up a review of your own essay
  litreview build                          build site/ from refs/ (offline)
  litreview sources --format json          the bibliography as data
  litreview import essay.txt --format bibtex
  litreview links --source holsti2004taming
  litreview check --format github --since origin/main
  litreview -C papers/ir check             the review kept in papers/ir
Settings live in [tool.litreview] in pyproject.toml; see README.md.
"""


#: What a user may type from another tool's habits, and how litreview does it.
MEANT = {"serve": "the live preview of the site is `litreview build --serve`"}


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command is used."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                           list[str]]:
        if args and args[0] in MEANT and args[0] not in COMMANDS:
            ctx.fail(f"No such command '{args[0]}': {MEANT[args[0]]}.")
        if args and args[0] not in COMMANDS and not args[0].startswith("-"):
            import difflib  # only on this error's path: start-up stays lean

            close = difflib.get_close_matches(args[0], list(COMMANDS), n=1, cutoff=0.75)
            if close:  # as click does for a misspelt option
                ctx.fail(f"No such command '{args[0]}'. Did you mean '{close[0]}'?")
        return super().resolve_command(ctx, args)

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


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": list(HELP_OPTIONS)})
@click.option("-C", "--directory", metavar="PATH", type=click.Path(exists=True, file_okay=False), default=None,
              help="Run as if started in PATH: settings are looked for from there and paths are "
                   "relative to it (as git -C and make -C).")
@click.version_option(package_name="litreview")
def cli(directory: str | None) -> None:
    """litreview: review an essay's citations.

    Loads the bibliography (BibTeX, biblatex, CSL-JSON or CSL-YAML), checks it
    against Crossref, DataCite and doi.org, links every claim of the essay
    (Markdown, Quarto, R Markdown, Jupyter, LaTeX, Manubot) to the sources it relies on,
    reports broken or missing citations, and publishes an annotated review site.
    """
    if directory:  # before the command reads its arguments: its paths are relative to PATH too
        import os

        os.chdir(directory)
