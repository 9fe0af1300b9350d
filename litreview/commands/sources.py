"""`litreview sources`: the bibliography as a table, JSON, CSV, BibTeX or CSL-JSON."""

from __future__ import annotations

import click

from ..config import Config
from ..errors import BibliographyError
from ..model import Bibliography, Source
from ..text import plural
from ._options import config_from, emit_csv, emit_json, format_option, input_options

EXAMPLES = """\b
Examples:
  litreview sources                         a table of every entry
  litreview sources --format json | jq '.[] | select(.doi == "")'
  litreview sources --bib other.bib --format csljson > other.json
"""


def load_or_fail(path, *, strict: bool = False) -> Bibliography:
    """Load the bibliography; its located problems go to standard error.

    A bad entry costs only itself: the others are used, as pybtex and biber use them, and
    ``check`` reports each problem. ``strict`` (for commands that rewrite the file) stops with
    exit status 2 instead, since an edit next to a broken entry could damage it further.
    """
    from ..bibliography.load import load_bibliography

    bibliography = load_bibliography(path)
    errors = tuple(p for p in bibliography.problems if p.severity == "error")
    if errors:  # named as check names them: relative to the folder it runs in (the review's, or -C's)
        from pathlib import Path

        from ..fileio import relative_name

        here = Path.cwd()
        path = relative_name(path, here)
        errors = tuple(p.in_file(relative_name(p.file, here)) if p.file else p for p in errors)
        noun = "problem" if len(errors) == 1 else "problems"
        if strict:
            raise BibliographyError(f"{len(errors)} {noun} in {path}; fix them and run again:", errors)
        # The count is of what loaded: an entry with a problem may be among them ("the other N" misled).
        loaded = plural(len(bibliography.sources), "entry", "entries") if bibliography.sources else "no entries"
        shown = errors[:SHOWN_PROBLEMS] if len(errors) > SHOWN_PROBLEMS + 1 else errors  # never "and 1 more"
        rest = f"\n... and {len(errors) - len(shown)} more: `litreview check` lists every one, with its hint" \
            if len(shown) < len(errors) else ""
        click.echo(str(BibliographyError(f"warning: {len(errors)} {noun} in {path}; {loaded} loaded and used "
                                         "(`litreview check` reports each problem):", shown)) + rest, err=True)
    return bibliography


SHOWN_PROBLEMS = 5
"""How many of a bibliography's problems a command that uses it anyway (links, sources, metadata, fetch, build)
names on standard error before counting the rest: its own output follows, and `check` lists every one."""


def _names(people) -> str:
    return "; ".join(p.sort_name() for p in people)


def _table(sources: tuple[Source, ...], width: int | None = None, footer: str = "") -> str:
    """The entries as a table (wide) or a list (narrow), wrapped between words."""
    from ._layout import Column, output_width, render

    columns = [Column("key", fold=True), Column("type"), Column("year"), Column("authors", grow=True), Column("title", grow=True),
               Column("doi / url", fold=True)]
    rows = [[s.key, s.type, str(s.year or ""), _names(s.authors) or _names(s.editors), s.title,
             s.doi or s.url] for s in sources]
    return render(plural(len(sources), "source"), columns, rows, width=width or output_width(), heads=(0, 1, 2),
                  footer=footer)


def _identifiers_alone(bibliography: Bibliography, config: Config) -> str:
    """What the table says of a Manubot manuscript's sources that are its citations' identifiers alone (no manual
    reference describes them): why their type, year, authors and title are empty, and where to see them."""
    if bibliography.file is not None or not config.essay or not config.path("essay").is_dir():
        return ""  # (a Manubot manuscript is a folder; with no .bib, its sources are the identifiers it cites)
    bare = sum(1 for s in bibliography.sources if not s.title and not s.authors and not s.editors)
    if not bare:
        return ""
    return (f"{plural(bare, 'source is', 'sources are')} known by the identifier the manuscript cites alone (Manubot "
            "looks them up as it builds): `litreview fetch` records what the registries say of them, `litreview "
            "metadata` shows it.")


@click.command(epilog=EXAMPLES)
@input_options
@format_option("table", "json", "csv", "bibtex", "csljson")
def command(fmt: str, **paths: str | None) -> int:
    """List the bibliography's sources.

    JSON gives one object per entry with the keys key, type, authors and editors
    (lists of {family, given}), year (a number or null), title, container,
    publisher, volume, number, pages, doi, url and urldate. CSL-JSON follows the
    citation-style-language schema, for Zotero, pandoc and citeproc.
    """
    from ..review import assemble

    config = config_from(paths)
    bibliography = assemble(config, through="load", load=load_or_fail, essay="for-sources").bibliography
    sources = bibliography.sources
    if fmt == "json":
        emit_json([s.to_json() for s in sources])
    elif fmt == "csljson":
        from ..render.csljson import to_csl_json

        emit_json(to_csl_json(sources))
    elif fmt == "csv":
        columns = ["key", "type", "authors", "editors", "year", "title", "container", "publisher",
                   "volume", "number", "pages", "doi", "url", "urldate"]
        emit_csv(columns, [{**s.to_json(), "authors": _names(s.authors), "editors": _names(s.editors)}
                           for s in sources])
    elif fmt == "bibtex":
        from ..render.bibtex import rebuild

        click.echo("\n\n".join(rebuild(s) for s in sources))
    else:
        from ._layout import emit

        emit(_table(sources, footer=_identifiers_alone(bibliography, config)))
    return 0
