"""Options and output helpers shared by the commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import click

from ..config import Config, load_config


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add --essay, --bib, --claims and --metadata-dir, defaulting to the configuration."""
    options = [
        click.option("--essay", "essay", type=click.Path(dir_okay=True), default=None,
                     help="The essay under review: Markdown, R Markdown, Quarto (a .qmd, or a book's _quarto.yml), "
                          "a bookdown book's _bookdown.yml, a Jupyter notebook (.ipynb), LaTeX, a Manubot content/ "
                          "folder, or the Makefile, shell script or pandoc defaults file that joins Markdown files "
                          '[default: from config, refs/essay.md]; --essay "" '
                          "checks the bibliography alone."),
        click.option("--bib", "bibliography", type=click.Path(dir_okay=False), multiple=True,
                     help="The bibliography: BibTeX, biblatex, CSL-JSON or CSL-YAML; repeat it for several, as "
                          "pandoc's --bibliography [default: from config, refs/bibliography.bib]."),
        click.option("--claims", "claims", type=click.Path(dir_okay=False), default=None,
                     help="The curated links file [default: refs/claims.yaml]."),
        click.option("--metadata-dir", "metadata", type=click.Path(file_okay=False), default=None,
                     help="The registry snapshot folder [default: refs/metadata]."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def config_from(paths: Mapping[str, str | None] | None = None, /, *, must_exist: tuple[str, ...] = ("claims",),
                **overrides: Any) -> Config:
    """The configuration for the working folder with command-line overrides applied.

    ``paths`` holds the input-path options (``input_options``), ``overrides`` any other setting.

    Paths given on the command line are relative to the working folder, not to the
    config file, so they are made absolute here. A path named in ``must_exist`` and given
    explicitly must exist (a mistyped --claims is an error, not an empty file), and a claims setting
    that looks mistyped is an error at its line (``_configured_missing``). When
    --essay names another essay and --claims is not given, the configured claims file is
    applied only if it records that essay: its decisions name another text's sentences.
    """
    from pathlib import Path


    overrides = {**(paths or {}), **overrides}
    config = load_config()
    path_names = {"essay", "bibliography", "claims", "metadata", "site_dir"}
    clean = {}
    for name, value in overrides.items():
        if value is None or value == ():
            continue
        if name == "bibliography" and isinstance(value, tuple | list):  # --bib repeated
            from ..config import several

            clean[name] = several(str(Path(v).resolve()) for v in value)
            continue
        if name in must_exist and value and not Path(value).exists():
            _missing(name, Path(value))
        clean[name] = str(Path(value).resolve()) if name in path_names and value else value
    if "claims" in must_exist and "claims" not in clean and config.claims and not config.path("claims").exists():
        _configured_missing(config)
    result = config.with_overrides(**clean)
    if clean.get("essay") and overrides.get("claims") is None and result.claims:
        result = _claims_for_other_essay(config, result)
    return result


def snapshot_chosen(metadata_option: str | None) -> bool:
    """True when this run names its snapshot folder (``--metadata-dir`` or LITREVIEW_METADATA_DIR): a
    mirror's or a test server's records may then be written there (see ``registry.fetch.check_foreign``)."""
    import os

    return metadata_option is not None or bool(os.environ.get("LITREVIEW_METADATA_DIR"))


def bibliography_to_write(config: Any, command: str) -> Any:
    """The file ``add`` writes to: the bibliography, or of several the first BibTeX one (said on stderr, as the
    others are read but never written)."""
    from ..bibliography.csl import is_csl
    from ..review import bibliography_files

    # Following the essay, the files it names (not refs/bibliography.bib: once written, that would be read instead).
    paths = bibliography_files(config)
    bibtex = [p for p in paths if not is_csl(p)]
    path = bibtex[0] if bibtex else paths[0]
    _not_an_input(config, path, command)
    if len(paths) > 1:
        click.echo(f"{command} writes to {path.name}, the first BibTeX file of the {len(paths)} bibliographies",
                   err=True)
    return path


def bibliographies_to_correct(config: Any, command: str) -> list[Any]:
    """The files ``sync`` corrects, each entry in the file it is in: every BibTeX file of the bibliographies, or the
    bibliography when none is BibTeX (its CSL items are listed, to correct by hand)."""
    from ..bibliography.csl import is_csl
    from ..review import bibliography_files

    paths = bibliography_files(config)
    bibtex = [p for p in paths if not is_csl(p)] or paths[:1]
    for path in bibtex:
        _not_an_input(config, path, command)
    return list(bibtex)


def _not_an_input(config: Any, path: Any, command: str) -> None:
    """InputError when the bibliography to write is the essay or the claims file."""
    # A setting naming another input as the bibliography (`bibliography = "essay.md"`) reads it as BibTeX with
    # syntax errors; writing would append entries to the essay.
    for name in ("essay", "claims"):
        if getattr(config, name) and path.resolve() == config.path(name).resolve():
            from ..errors import InputError

            raise InputError(f"the bibliography to write is the {name} file: {command} would add BibTeX "
                             "entries to it; nothing was changed", path=str(path),
                             hint="set bibliography (or --bib) to the .bib file")


def no_bib_of_manubot(config: Any, path: Any, command: str) -> None:
    """InputError when ``path`` does not exist and the essay is a Manubot manuscript: its sources are the
    identifiers it cites, and a bibliography file written now would be read instead of them."""
    from pathlib import Path

    if Path(path).exists() or not config.essay or not config.path("essay").is_dir():
        return
    from ..errors import InputError
    from ..essay.manubot import manual_files
    from ..fileio import relative_name

    folder = config.path("essay")
    manual = [relative_name(p, Path.cwd()) for p in manual_files(folder)]
    where = " or ".join(manual) if manual else relative_name(folder / "manual-references.json", Path.cwd())
    raise InputError(f"{command} would write {Path(path).name}, and this Manubot manuscript has none: its sources "
                     "are the identifiers it cites, which that file would replace; nothing was changed",
                     path=str(path), hint=f"cite the work by its identifier ([@doi:...], [@isbn:...]), or add its "
                                          f"item to {where} (`{command} --dry-run` prints it as BibTeX)")


def bibtex_to_write(path: Any, command: str) -> None:
    """InputError unless ``path`` is a BibTeX file: ``add`` and ``sync --write`` write BibTeX entries.

    CSL-JSON and CSL-YAML are read by suffix (bibliography/load.py), so the same suffixes are refused here.
    """
    from pathlib import Path

    from ..bibliography.csl import is_csl
    from ..errors import InputError

    if is_csl(path):
        kind = "CSL-JSON" if Path(path).suffix.lower() == ".json" else "CSL-YAML"
        raise InputError(f"{command} writes BibTeX entries and this bibliography is {kind}: nothing was changed",
                         path=str(path), hint="add or correct the item by hand (`litreview sources --format "
                                              "csljson` shows the fields), or review a .bib file with --bib")


def _mistyped(path: Any) -> tuple[Any] | None:
    """``(near,)`` when a file that is not there looks mistyped, ``near`` the file of a close name beside it or None;
    else None.

    A path whose folder is missing, or whose folder holds a file of a close name, is a typo
    (``refs/claim.yaml`` beside ``refs/claims.yaml``); a new file in an existing folder is a
    claims file not written yet, which tools and first reviews name on purpose.
    """
    from ..text import closest_name

    near = closest_name(path.name, (p.name for p in path.parent.iterdir() if p.is_file())) \
        if path.parent.is_dir() else None
    if path.parent.is_dir() and not near:
        return None
    return (path.parent / near if near else None,)


def _missing(name: str, path: Any) -> None:
    """A named file that is not there: an error when it looks mistyped (``_mistyped``), else a note (it is made on
    first use)."""
    from ..errors import InputError

    if (typo := _mistyped(path)) is not None:
        hint = f"did you mean {typo[0]}?" if typo[0] else "check the path"
        raise InputError(f"{_WHAT.get(name, name)} not found", path=str(path),
                         hint=f'{hint} (--{_OPTION.get(name, name)} "" for none)')
    click.echo(f"note: {path} does not exist yet, so no curated links are applied "
               "(`litreview links --accept` creates it)", err=True)


def _configured_missing(config: Config) -> None:
    """The claims file the settings name, mistyped (``_mistyped``): an error at the setting's line. Read as no
    decisions, every confirmed and rejected link was silently dropped from the check and the site."""
    from pathlib import Path

    from ..errors import ConfigError
    from ..fileio import relative_name

    path = config.path("claims")
    origin = config.origin("claims")
    if origin is None or (typo := _mistyped(path)) is None:
        return
    root = Path(config.root)
    setting = origin.where if origin.variable else "setting 'claims'"
    todo = f"{'the variable' if origin.variable else 'the setting'}, or pass --claims \"\" to use none"
    raise ConfigError(f"{setting} names {relative_name(path, root, up=True)}, which does not exist",
                      path=None if origin.variable else origin.where, line=origin.line,
                      hint=f"did you mean {relative_name(typo[0], root, up=True)}? Fix {todo}" if typo[0]
                      else f"fix {todo}")


_WHAT = {"claims": "claims file", "essay": "essay", "bibliography": "bibliography"}
_OPTION = {"claims": "claims", "bibliography": "bib", "metadata": "metadata-dir"}


def _claims_for_other_essay(configured: Config, chosen: Config) -> Config:
    from dataclasses import replace

    essay = chosen.path("essay").resolve()
    if configured.essay and configured.path("essay").resolve() == essay:
        return chosen
    claims = chosen.path("claims")
    if not claims.is_file() or not essay.exists():  # a missing essay: its own error says so, and alone
        return chosen
    from ..errors import ClaimsFileError
    from ..linking.curated import load_curated

    try:
        curated = load_curated(claims)
    except ClaimsFileError:
        return chosen  # reported when the review loads it
    if curated.essay and curated.belongs_to(essay):
        return chosen
    from pathlib import Path

    from ..fileio import relative_name

    # Both named from the folder the command runs in: the file records its essay relative to itself ("../ch2.Rmd").
    here = Path.cwd()
    recorded = (claims.parent / curated.essay).resolve() if curated.essay else None
    owner = f"the essay {relative_name(recorded, here)}" if recorded else "the configured essay"
    click.echo(f"note: {relative_name(claims.resolve(), here)} belongs to {owner}, so it is not applied to "
               f"{relative_name(essay, here)} (pass --claims to use a claims file for it)", err=True)
    return replace(chosen, claims="")


def format_option(*choices: str, default: str | None = None) -> Callable[..., Any]:
    """--format with the given choices; the first is the default."""
    for_scripts = [c for c in choices if c in ("json", "csljson", "sarif", "github")]
    scripts = f" ({' and '.join(for_scripts)} for scripts{', csv for spreadsheets' if 'csv' in choices else ''})" \
        if for_scripts else ""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default or choices[0],
                        show_default=True, help=f"Output format{scripts}.")


#: How a cell that a spreadsheet would read as a formula begins (OWASP's CSV injection list: = + - @, a tab, a
#: carriage return; and the full-width signs, which spreadsheets read as the ASCII ones).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as the text it is: a string leaves out the ``text.CONTROLS`` (a title's
    escape sequence acts on the terminal the CSV is printed to), and one that begins as a formula would gets a
    ``'`` before it, as OWASP advises (a title "=HYPERLINK(...)" is not run when the file is opened);
    numbers stay as they are."""
    if not isinstance(value, str):
        return value
    from ..text import without_controls

    cell = without_controls(value)  # a carriage return is a space in the cell, and still starts a formula
    return "'" + cell if cell.startswith(FORMULA_STARTS) or value.startswith(FORMULA_STARTS) else cell


def emit_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Print a header and one CSV row per mapping (None as an empty cell), every cell through
    ``spreadsheet_cell``: CSV is what a spreadsheet opens; scripts that want the values as they are read JSON."""
    import csv

    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    writer.writerows([spreadsheet_cell("" if row.get(c) is None else row[c]) for c in columns] for row in rows)


def emit_json(data: Any) -> None:
    """Print JSON to stdout, UTF-8, two-space indented (``jsontext.json_text``: control characters escaped)."""
    from ..jsontext import json_text

    sys.stdout.write(json_text(data))
