"""`litreview init [ESSAY]`: set up a review of one's own essay in the current folder.

Writes only what is missing (settings, refs/, mkdocs.yml, and on request the CI workflow and
the pre-commit configuration), never overwrites, and says what it kept. Running it twice
changes nothing. The plan (what to write) is made in ``_init_plan``; this module asks for
it, writes it and says what it did.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from ._init_bib import _rel
from ._init_plan import Plan, plan_init

EXAMPLES = """\b
Examples:
  litreview init paper.md                     review paper.md where it is
  litreview init ~/drafts/paper.md            copy it into refs/ first (it is outside this folder)
  litreview init paper.md --bib paper.bib     use an existing bibliography
  litreview init paper.tex                    LaTeX: the .bib of \\addbibresource or \\bibliography
  litreview init _quarto.yml                  a Quarto book: its chapters together
  litreview init _bookdown.yml                a bookdown book: its chapters, index.Rmd's bibliography
  litreview init content                      a Manubot manuscript: the identifiers it cites
  litreview init Makefile                     the Markdown files its pandoc command joins, as one
  litreview init paper.md --workflow --pre-commit
  litreview init --bib refs.bib --workflow    a bibliography kept without an essay, checked in CI
Without a bibliography (none given, none named by the essay or its book, none that a Makefile,
shell script or defaults file hands pandoc, none of its name beside it, as paper.json, no single
.bib beside it or in a folder above it up to this one, none in a folder below it (or, with no .bib
below it, below this one) holding keys it cites, and no single CSL-JSON or CSL-YAML bibliography
beside it or below it holding keys it cites), the bibliography is imported from the
essay's reference list into refs/bibliography.bib.
"""


@click.command(epilog=EXAMPLES)
@click.argument("essay", required=False, type=click.Path())
@click.option("--bib", "bib", type=click.Path(dir_okay=False, exists=True), multiple=True,
              help="An existing bibliography (BibTeX, biblatex, CSL-JSON or CSL-YAML) to review with the essay; repeat it "
                   "for several.")
@click.option("--workflow", is_flag=True, help="Also write .github/workflows/review.yml (checks pull requests, "
                                               "publishes the site from the default branch).")
@click.option("--pre-commit", "pre_commit", is_flag=True,
              help="Also write .pre-commit-config.yaml with a hook that checks what each commit adds.")
def command(essay: str | None, bib: tuple[str, ...], workflow: bool, pre_commit: bool) -> int:
    """Set up a review of your own essay in the current folder.

    Writes the settings ([tool.litreview] in pyproject.toml when there is one, else
    litreview.toml), refs/ (the essay is used where it is, or copied into refs/ when it
    lies outside this folder; the bibliography is found or imported from the essay's
    reference list), refs/claims.yaml recording the essay, and mkdocs.yml with the
    litreview plugin. Nothing that exists is overwritten. Without ESSAY (and no
    refs/essay.md), --bib sets up the review of a bibliography alone (essay = "").
    """
    from ..essay import read_once

    root = Path.cwd().resolve()
    with read_once():  # its title, citations, reference list and keys: one reading of the essay
        plan = plan_init(root, essay, bib, workflow=workflow, pre_commit=pre_commit)
    apply(plan)
    for path in plan.writes:
        click.echo(f"wrote  {_rel(path, root)}")
    for path in plan.appends:
        click.echo(f"added  [tool.litreview] to {_rel(path, root)}")
    for path in plan.copies:
        click.echo(f"copied {_rel(path, root)}")
    for path in plan.kept:
        click.echo(f"kept   {_rel(path, root)} (exists)")
    for note in plan.notes:
        click.echo(f"note: {note}")
    for warning in plan.warnings:
        click.echo(f"warning: {warning}", err=True)
    if not plan.writes and not plan.copies and not plan.appends and not plan.differs:
        click.echo("Nothing to do: the review is set up.")
    click.echo(next_steps(click.get_current_context().find_root().params.get("directory")))
    return 0


def next_steps(directory: str | None) -> str:
    """What to run next, as typed where init was started: with ``-C PATH`` when it was given (the
    settings are in PATH, which a plain ``litreview check`` started here would not find)."""
    import shlex

    run = f"litreview -C {shlex.quote(directory)}" if directory else "litreview"
    steps = (("check", "what is wrong with the citations"),
             ("fetch --mailto you@example.org", "verify DOIs at the registries (online)"),
             ("build", "the review site, in site/"))
    width = max(len(f"{run} {step}") for step, _ in steps) + 3
    return "\nNext:\n" + "\n".join(f"  {f'{run} {step}':<{width}}{what}" for step, what in steps)


def apply(plan: Plan) -> None:
    """Write the plan's files (each atomically); never overwrite one that appeared meanwhile."""
    from ..fileio import write_atomic

    for target, source in plan.copies.items():
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    from ..safewrite import unchanged_since, update_file

    for path, text in plan.writes.items():
        if not path.exists():
            write_atomic(path, text, check=unchanged_since(path, None))  # still absent at the rename
    for path, section in plan.appends.items():
        def change(old: bytes | None, section: str = section) -> bytes | None:
            current = (old or b"").decode("utf-8")
            if "[tool.litreview]" in current:  # another writer added it meanwhile
                return None
            sep = "" if current.endswith("\n\n") or not current else ("\n" if current.endswith("\n") else "\n\n")
            return (current + sep + section).encode("utf-8")

        update_file(path, change)  # locked, and verified unchanged before the rename
