"""`litreview sync`: propose registry corrections to the .bib; with --write, apply the accepted ones."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..text import plural, visible
from ._options import (
    bibliographies_to_correct,
    bibtex_to_write,
    config_from,
    emit_json,
    format_option,
    input_options,
)

if TYPE_CHECKING:
    from ..model import Bibliography, SourceMetadata

EXAMPLES = """\b
Examples:
  litreview sync                          show the proposed corrections as a diff (nothing changes)
  litreview sync --write                  ask before each change; write the accepted ones
  litreview sync --write --yes --field doi
Registry corrections come from the snapshot (run `litreview fetch` first); the fixes
`check` can make by itself (abbreviated page ranges, miscased initials, a DOI written as
a link, a URL that moved) are offered without it.
"""


def _with_mechanical_fixes(proposals: list, bibliography, metadata, fields: tuple[str, ...],
                           keys: tuple[str, ...]) -> list:
    """The registry's proposals, then what `check` can fix by itself (page ranges, initials, DOI links,
    moved URLs) on fields the registry does not already correct."""
    from ..checks.fixes import mechanical_fixes

    taken = {(c.key, c.field) for c in proposals}
    wanted = {f.lower() for f in fields}
    extra = [c for c in mechanical_fixes(bibliography, metadata)
             if (c.key, c.field) not in taken and (not keys or c.key in keys) and (not wanted or c.field in wanted)]
    order = {s.key: i for i, s in enumerate(bibliography.sources)}
    return sorted([*proposals, *extra], key=lambda c: order.get(c.key, 0))


def _diff(old: str, new: str, name: str) -> str:
    """The change as a unified diff, for the terminal: the .bib's text and the registry's shown, never acted on
    (a control character written as an escape, a CRLF file's line ends as plain ones)."""
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), fromfile=f"a/{name}", tofile=f"b/{name}",
                                 n=1, lineterm="")
    return "".join(visible(line) + "\n" for line in lines)


def _list_csl(proposals: list, bibliography, name: str) -> None:
    from ..checks.hints import in_own_words

    for c in proposals:
        source = bibliography.get(c.key)
        change = in_own_words(f"{c.field} = {{{c.new}}}", source) if source is not None else f"{c.field}: {c.new}"
        click.echo(visible(f"{name}:{c.line}: {c.key}: {change}  # {c.reason}"))
    click.echo(f"{len(proposals)} proposed corrections; `litreview sync --write` edits BibTeX only: make these in "
               f"{name} by hand", err=True)


def _nothing_to_propose(bibliography: Bibliography, metadata: Mapping[str, SourceMetadata], folder: str) -> str:
    """Why there is nothing to propose: an empty snapshot (offline, never fetched) told apart from records that agree."""
    total = len(bibliography.sources)
    held = sum(1 for s in bibliography.sources if (m := metadata.get(s.key)) is not None and m.record is not None)
    if not held:
        return (f"no corrections to propose: the snapshot ({folder}) holds no registry record for any of the "
                f"{plural(total, 'entry', 'entries')}; run `litreview fetch` where a registry can be reached, "
                "then `litreview sync` again")
    have = "entry has" if held == 1 else "entries have"
    return f"no corrections to propose ({held} of {total} {have} a registry record in the snapshot)"


_ANSWERS = {"y": "y", "yes": "y", "n": "n", "no": "n", "q": "q", "quit": "q"}


def _answer(text: str) -> str:
    """y, n or q from an answer to ``sync --write``'s question (click asks again on anything else)."""
    try:
        return _ANSWERS[text.strip().lower()]
    except KeyError:
        raise click.UsageError("answer y (apply it), n (skip it) or q (quit, writing nothing)") from None


@click.command(epilog=EXAMPLES)
@input_options
@click.option("--write", is_flag=True,
              help="Apply the accepted corrections to the .bib: asks for each, y to apply it, n (the default) to "
                   "skip it, q to quit writing nothing.")
@click.option("--yes", "-y", is_flag=True, help="With --write: accept every proposed correction without asking.")
@click.option("--field", "fields", multiple=True, help="Only this BibTeX field (title, year, pages, doi, ...).")
@click.option("--key", "keys", multiple=True, help="Only this entry (repeat for more).")
@click.option("--include-unclear", is_flag=True,
              help="Also propose changes where it is unclear which side is right (case, editions, ambiguous DOIs).")
@format_option("diff", "json")
def command(fmt: str, write: bool, yes: bool, fields: tuple[str, ...], keys: tuple[str, ...],
            include_unclear: bool, **paths: str | None) -> int:
    """Propose corrections: from the registry snapshot, and the fixes `check` knows.

    Without --write nothing changes: the proposals are shown as a unified diff of
    the .bib. With --write (a BibTeX bibliography; CSL-JSON and CSL-YAML items are
    corrected by hand) each change is shown and applied only when accepted
    (--yes accepts all): answer y to apply it, n or Enter to skip it, q to quit
    with the .bib unchanged (Ctrl-C too). The accepted changes are written when
    every one has been answered: the file is rewritten atomically and every byte
    outside the corrected values stays as it was. Of several bibliographies, each
    BibTeX file's entries are corrected in that file.
    """
    from ..bibliography.bibedit import BibEditError
    from ..bibliography.load import load_bibliography
    from ..errors import InputError
    from ..registry.corrections import apply_corrections, propose
    from ..review import assemble, bibliography_files
    from .sources import load_or_fail

    config = config_from(paths)
    targets = bibliographies_to_correct(config, "litreview sync")
    if write:
        bibtex_to_write(targets[0], "litreview sync --write")
    # The whole file is loaded (corrections are written into it); ``keys`` only limits the proposals. A file with a
    # loading error is not edited (an edit next to a broken entry could damage it further), but a dry run writes
    # nothing: it names the errors first (on standard error) and shows the other entries' proposals.
    stages = assemble(config, through="resolve", load=partial(load_or_fail, strict=write), essay="skip")
    metadata = stages.metadata
    assert metadata is not None  # resolved
    several = len(bibliography_files(config)) > 1
    # Of several bibliographies each BibTeX file's entries are corrected in that file (as `check` promises).
    bibliographies = [(load_or_fail(p, strict=True) if write else load_bibliography(p)) for p in targets] \
        if several else [stages.bibliography]
    unknown = sorted(set(keys) - {k for b in bibliographies for k in b.keys})
    if unknown:
        raise InputError(f"no entry with key {', '.join(unknown)}", path=str(targets[0]))
    broken = {p.key for b in bibliographies for p in b.problems if p.severity == "error" and p.key}
    found = [(path, bibliography, [c for c in _with_mechanical_fixes(
        propose(bibliography, metadata, include_unclear=include_unclear, fields=fields, keys=keys),
        bibliography, metadata, fields, keys) if c.key not in broken])
        for path, bibliography in zip(targets, bibliographies, strict=True)]
    proposals = [c for _, _, cs in found for c in cs]
    blocked = not write and any(p.severity == "error" for b in bibliographies for p in b.problems)
    if blocked:
        click.echo("note: `litreview sync --write` edits nothing until the problems named above are fixed; the "
                   "entries they name get no proposal", err=True)
    if fmt == "json" and not write:
        emit_json([{"key": c.key, "field": c.field, "old": c.old, "new": c.new, "reason": c.reason,
                    "line": c.line, **({"file": str(path)} if several else {})} for path, _, cs in found for c in cs])
        return 0
    if not proposals:
        from ..fileio import relative_name

        folder = relative_name(config.path("metadata"), Path.cwd())
        assert stages.bibliography is not None  # loaded
        click.echo(_nothing_to_propose(stages.bibliography, metadata, folder))  # every entry, of every file
        return 0
    from ..bibliography.csl import is_csl

    path = targets[0]
    if not write and is_csl(path):  # no BibTeX to diff: each change in the file's own words
        _list_csl(proposals, bibliographies[0], Path(path).name)
        return 0
    try:
        if not write:
            for path, bibliography, cs in found:
                if cs:
                    click.echo(_diff(bibliography.text, apply_corrections(bibliography, cs), Path(path).name),
                               nl=False)
            once = ", once those problems are fixed" if blocked else ""
            click.echo(f"{len(proposals)} proposed corrections; `litreview sync --write` applies the ones you "
                       f"accept{once}.", err=True)
            return 0
        accepted = _ask(found, yes)
        if isinstance(accepted, int):  # quit or interrupted: nothing written
            return accepted
        if not accepted:
            click.echo("nothing accepted; the .bib is unchanged", err=True)
            return 0
        written = [(path, bibliography, apply_corrections(bibliography, cs)) for path, bibliography, cs in accepted]
    except BibEditError as exc:
        raise InputError(f"cannot edit the bibliography: {exc}", path=str(path),
                         hint="load it with `litreview sources` to find the problem") from None
    _write_all(written)
    count = sum(len(cs) for _, _, cs in accepted)
    where = " and ".join(Path(p).name for p, _, _ in written) if several else str(written[0][0])
    click.echo(f"applied {count} of {plural(len(proposals), 'correction')} to {where}", err=True)
    return 0


def _ask(found: list, yes: bool) -> list | int:
    """The accepted corrections of each file, as (file, bibliography, corrections); an exit status when the
    review is quit (q: 0) or interrupted (Ctrl-C: 130), nothing being written."""
    from ..registry.corrections import apply_corrections

    accepted: list = []
    count = 0
    for path, bibliography, cs in found:
        taken = []
        for c in cs:
            click.echo(_diff(bibliography.text, apply_corrections(bibliography, [c]), Path(path).name), nl=False)
            click.echo(visible(f"# {c.key}: {c.reason}"))
            if yes:
                taken.append(c)
                continue
            try:
                answer = click.prompt(f"apply this change to {c.key}.{c.field}? [y/N/q]", default="n",
                                      show_default=False, value_proc=_answer)
            except click.Abort as exc:
                if isinstance(exc.__context__, KeyboardInterrupt):
                    # Ctrl-C cancels the whole review, like `git add -p`: no half-applied corrections.
                    click.echo("\ninterrupted: nothing was written", err=True)
                    return 130
                click.echo("\nno answer: the remaining changes are skipped", err=True)
                return [*accepted, (path, bibliography, taken)] if count + len(taken) else []
            if answer == "q":  # as Ctrl-C, but asked for: the .bib as it was, and a clean exit
                total = count + len(taken)
                discarded = f" ({plural(total, 'accepted change')} not applied)" if total else ""
                click.echo(f"quit: nothing was written{discarded}", err=True)
                return 0
            if answer == "y":
                taken.append(c)
        if taken:
            accepted.append((path, bibliography, taken))
            count += len(taken)
    return accepted


def _write_all(written: list) -> None:
    """Each corrected file rewritten atomically, every file locked and found as it was read before any is written
    (a second writer's change is never overwritten, and no file is half the set)."""
    from contextlib import ExitStack

    from ..errors import WriteError
    from ..fileio import write_atomic
    from ..safewrite import locked, unchanged_since

    with ExitStack() as stack:
        raws = []
        for path, bibliography, _ in written:
            stack.enter_context(locked(path))
            raw = Path(path).read_bytes()
            bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
            if raw[len(bom):].decode("utf-8", "replace") != bibliography.text:
                raise WriteError("the bibliography changed while sync was running; nothing was written",
                                 path=str(path), hint="run `litreview sync --write` again")
            raws.append((raw, bom))
        for (path, _, new_text), (raw, bom) in zip(written, raws, strict=True):
            write_atomic(path, bom + new_text.encode("utf-8"), check=unchanged_since(path, raw))
