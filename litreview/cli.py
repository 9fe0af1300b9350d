"""The command line: a thin layer over the library.

Each command lives in ``litreview/commands/<name>.py`` and is imported only when it
runs, so ``litreview --help`` and light commands start fast; the click group is in
``commands/_group.py``, and the console script answers ``--help``, ``--version`` and
``COMMAND --help`` from the pages click rendered (``_helptext``) without importing
click at all, whenever click would print exactly those pages. Exit statuses are
decided here: 0 success, 1 findings at error level (``check``), 2 bad usage,
unreadable input or an unexpected failure (a bug: one line and a hint to report it,
never a traceback), 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing is not imported: `litreview --help` prints a page and nothing else
if TYPE_CHECKING:
    from typing import Any

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

#: The options that show a help page (the group's ``help_option_names``, inherited by every command).
HELP_OPTIONS = ("-h", "--help")


def __getattr__(name: str) -> Any:
    """``cli`` (the click group), ``LazyGroup`` and ``EPILOG`` live in ``commands._group``, imported on first use."""
    if name in ("cli", "LazyGroup", "EPILOG"):
        from .commands import _group

        return getattr(_group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status (never raises for user errors)."""
    try:
        import click

        from .commands._group import cli
        from .errors import LitreviewError
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM while the program starts: as later, no traceback
        return _stopped(exc)
    try:
        result = cli.main(args=argv, prog_name="litreview", standalone_mode=False)
    except LitreviewError as exc:
        from .text import visible  # a message may quote a key, a title or a line of the input

        click.echo(f"error: {visible(str(_as_given(exc)))}", err=True)
        _suggest_init(exc, argv)
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        _show(exc)
        _suggest_essay(exc, argv)
        return 2
    except (click.exceptions.Abort, KeyboardInterrupt) as exc:
        return _stopped(exc)
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except Exception as exc:  # a bug: one line and exit 2, never a traceback nor 1 ("errors found")
        leaf = _name_too_long(_symlink_loop(_leaf(exc)))
        if isinstance(leaf, LitreviewError):  # raised on purpose inside a task group, or a link loop
            from .text import visible

            click.echo(f"error: {visible(str(_as_given(leaf)))}", err=True)
            return 2
        click.echo(f"error: {unexpected(leaf)}", err=True)
        if os.environ.get("LITREVIEW_DEBUG"):
            raise
        click.echo(f"  hint: {BUG_HINT}", err=True)
        return 2
    return result if isinstance(result, int) else 0


def _symlink_loop(exc: BaseException) -> BaseException:
    """pathlib's ``resolve()`` meeting a link that leads back to itself raises RuntimeError (before Python
    3.13), not OSError, wherever a path is resolved: an input error naming the link, not a bug."""
    import re

    from .errors import InputError

    m = re.fullmatch(r"Symlink loop from '(.+)'", str(exc)) if type(exc) is RuntimeError else None
    if m is None:
        return exc
    return InputError("a symbolic link that leads back to itself (a loop of links), so there is no file to read",
                      path=m.group(1), hint="point the link at the file, or name the file itself")


def _name_too_long(exc: BaseException) -> BaseException:
    """A path the system refuses as too long (an option or a setting naming a 300-letter file) wherever a path is
    looked at (``is_dir``, ``exists`` and ``stat`` raise it): an input error naming the path, not a bug."""
    import errno

    from .config import path_too_long
    from .errors import InputError

    if not isinstance(exc, OSError) or exc.errno != errno.ENAMETOOLONG:
        return exc
    name = str(exc.filename or "")
    why = path_too_long(name) or "too long for this file system"
    return InputError(f"the path is too long to open ({why})", path=name[:200] + ("…" if len(name) > 200 else ""),
                      hint="shorten the file or folder name it gives (at most 255 bytes each), or check it is the name "
                           "you meant")


def _as_given(exc: LitreviewError) -> LitreviewError:
    """``exc`` naming its file as the user would type it: relative to the working folder when inside it (the
    settings resolve paths against the review's folder), absolute otherwise."""
    from contextlib import suppress
    from pathlib import Path

    from .fileio import relative_name

    if exc.path and Path(exc.path).is_absolute():
        with suppress(OSError):  # the working folder is gone: the path stays whole
            exc.path = relative_name(exc.path, Path.cwd())
    return exc


def _stopped(exc: BaseException) -> int:
    """'interrupted' and 130 after Ctrl-C, 'terminated' and 143 after SIGTERM, with what the command noted on the
    exception about what is kept (``add_note``: fetch says its stored answers are)."""
    # click turns KeyboardInterrupt into Abort; SIGTERM arrives as _Terminated (see ``run``).
    notes = "".join(f": {note}" for note in (*getattr(exc, "__notes__", ()),
                                             *getattr(exc.__context__, "__notes__", ())))
    if isinstance(exc, _Terminated) or isinstance(exc.__context__, _Terminated):
        sys.stderr.write(f"terminated{notes}\n")
        return 143
    sys.stderr.write(f"interrupted{notes}\n")
    return 130


def _show(exc: click.ClickException) -> None:
    """click's usage and error message, which quote the argument as typed, with its control characters
    written as escapes (an escape sequence in an argument is shown, not run by the terminal)."""
    import io

    import click

    from .text import visible

    class _Shown(io.StringIO):
        def isatty(self) -> bool:  # click strips only colour codes from a stream that is no terminal
            return True

    shown = _Shown()
    exc.show(file=shown)
    click.echo(visible(shown.getvalue()), err=True, nl=False)


def _suggest_essay(exc: BaseException, argv: list[str] | None) -> None:
    """``litreview check paper.tex``: the essay is named with --essay (or once, by init)."""
    import re

    import click

    m = re.fullmatch(r"Got unexpected extra arguments? \((.+)\)", getattr(exc, "message", ""))
    args = sys.argv[1:] if argv is None else argv
    if m is None or not args or args[0] not in ("check", "links", "build", "sources", "metadata", "fetch", "sync"):
        return
    extra = m.group(1)  # click joins several extra arguments with spaces; one may hold spaces itself
    name = extra if os.path.exists(extra) else extra.split(" ")[0]
    if os.path.exists(name):
        from .fileio import shell_word
        from .text import visible

        name = shell_word(visible(name))
        click.echo(f"hint: name the essay with --essay: litreview {args[0]} --essay {name} (or once for every "
                   f"command: litreview init {name})", err=True)


def _suggest_init(exc: BaseException, argv: list[str] | None) -> None:
    """A missing default input in a folder without settings: a first run, which `init` sets up."""
    import click

    from .config import load_config
    from .errors import InputError, LitreviewError

    args = sys.argv[1:] if argv is None else argv
    while args and args[0].startswith(("-C", "--directory")):  # the folder it ran in (now the working folder)
        args = args[2:] if args[0] in ("-C", "--directory") else args[1:]
    if (not isinstance(exc, InputError) or "not found" not in exc.message or not args or args[0] in ("init", "import")
            or any(a.startswith(("--essay", "--bib")) for a in args) or os.environ.get("LITREVIEW_BIB")):
        return
    try:
        configured = load_config().source_file is not None
    except LitreviewError:
        return
    if not configured:
        from pathlib import Path

        from .essay import manuscripts_in
        from .fileio import shell_word
        from .text import visible

        found = manuscripts_in(Path.cwd())
        name = shell_word(visible(found[0])) if len(found) == 1 else "paper.md"
        click.echo("note: no litreview.toml or [tool.litreview] here or above; set up a review of your essay "
                   f"with `litreview init {name}`", err=True)


BUG_HINT = ("this is a bug in litreview, not in your files' syntax: please report it with the command "
            "and the input that caused it (LITREVIEW_DEBUG=1 shows the traceback)")


def unexpected(exc: BaseException) -> str:
    """A one-line description of an exception litreview did not expect."""
    if isinstance(exc, RecursionError):
        return "an input is nested too deeply to process (RecursionError)"
    if isinstance(exc, MemoryError):
        return "out of memory: an input is far larger than expected (MemoryError)"
    from .text import visible

    detail = " ".join(visible(str(exc)).split())
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


def stored_page(argv: list[str]) -> str | None:
    """The page click would print for ``argv``, from the copy in ``_helptext``; None when click must answer.

    Only ``--version``, ``-h``/``--help`` and ``COMMAND -h``/``--help``, alone on the line; only where
    click's layout is the stored one: standard output not a terminal, or a terminal of at least
    ``_helptext.COLUMNS`` columns (click wraps at 78 columns there, at the terminal's width below);
    no gettext catalog to translate click's words; an output encoding that can write the page.
    """
    if argv == ["--version"]:
        key = "--version"
    elif len(argv) == 1 and argv[0] in HELP_OPTIONS:
        key = ""
    elif len(argv) == 2 and argv[0] in COMMANDS and argv[1] in HELP_OPTIONS:
        key = argv[0]
    else:
        return None
    from ._helptext import COLUMNS, PAGES

    page = PAGES.get(key)
    if page is None or (key != "--version" and _columns() < COLUMNS) or _translated():
        return None
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return page if page.isascii() or encoding == "utf8" else None


def _columns() -> int:
    """The terminal width as ``shutil.get_terminal_size`` gives it to click (shutil itself is slow to import)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


def _translated() -> bool:
    """Whether gettext has a catalog for click's words (its default domain) in the user's language."""
    if not os.path.isdir(os.path.join(sys.base_prefix, "share", "locale")):  # gettext's default folder
        return False
    import gettext

    return gettext.find("messages") is not None


class _Terminated(KeyboardInterrupt):
    """SIGTERM (a CI job cancelled, ``timeout``), raised where the program is so that its clean-ups run as on
    Ctrl-C: a site half built, a temporary file, are removed instead of left behind."""


def _terminate(signum: int, frame: Any) -> None:
    raise _Terminated


def _fewer_collections() -> None:
    """Python's cyclic garbage collector, run once in 100,000 new objects instead of 700 (its default).

    A command builds entries, names, claims and findings that live until it ends and hold no cycles (frozen values,
    freed by their counts); at the default thresholds the collector traverses them again and again and finds no
    garbage: about 4% of a check of 10,000 entries (over 300 collections) and of a cold check of an essay. The
    older generations keep their thresholds, so cycles a command does make are still collected.
    """
    import gc

    gc.set_threshold(100_000, *gc.get_threshold()[1:])


def run() -> None:
    """Console-script entry point."""
    try:
        page = stored_page(sys.argv[1:])
        if page is None:
            import signal  # not for a help page, which prints and ends

            if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
                signal.signal(signal.SIGTERM, _terminate)
    except KeyboardInterrupt as exc:
        sys.exit(_stopped(exc))
    if page is None:
        _fewer_collections()
        code = main()
    else:
        code = 0
        try:
            sys.stdout.write(page + "\n")
        except BrokenPipeError:
            _quiet_stdout()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    sys.exit(code)
