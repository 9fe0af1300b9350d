"""`check --since REF`: the findings a change adds, from a full check of the base and of the working tree.

What pre-commit's hook arguments (``--since HEAD``) mean in each of its runs is decided here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

import click

from ..config import Config
from ..model import Finding, Review


def since_base(review: Review, result: Any, config: Config, ref: str, now: datetime, *,
               for_github: bool = False) -> tuple[Any, list[Finding], dict[str, Any]]:
    """The findings diff between the branch point with ``ref`` and the working tree.

    The base is checked in full from git's objects, in a temporary folder; returns the diff,
    the suppressed findings the change adds and what was compared, for the summary: ``base``, the commit
    checked (None when there is none), and ``branch_point``, True when that is not ``ref``'s tip (the base
    branch moved on since the change left it). Concluding a merge (``--since HEAD`` with a
    MERGE_HEAD, as the pre-commit hook runs), what the merged branch already had is not new either.
    A key the change defines again (LR101, LR108) is told at the definition it added, in every format: the run is
    about the change. ``for_github``: the other new entry findings go on the lines the change touched too
    (``on_changed_lines``), and a note that every finding counts as new is a warning annotation too (the log alone
    hides why).
    """
    from ..checks import gitref, scope

    cwd = Path(config.root)
    ref = gitref.since_ref(ref)
    head = scope.Side(result.findings, _claim_texts(review), _file_lines(config))
    if not gitref.verify_ref(ref, cwd):
        _note(f"{ref}: no commit yet, so every finding counts as new", for_github)
        return scope.diff_findings(scope.Side(()), head), list(result.suppressed), {"base": None, "branch_point": False}
    base = gitref.merge_base(ref, cwd)
    if base is None:
        _note(f"{ref} shares no history with HEAD, so the check compares with {ref} itself", for_github)
        base = gitref.commit_of(ref, cwd) or ref
    if ref not in ("HEAD", "@") and base == gitref.commit_of("HEAD", cwd) and gitref.unchanged(cwd, untracked=True):
        # HEAD against HEAD with nothing uncommitted: "no new problems" whatever the branch's commits hold.
        _note(f"{ref} is the commit checked out (HEAD): only changes not yet committed are compared, and there "
              "are none; to check what commits on this branch add, give the commit they started from (--since "
              "HEAD~1 for the last one) or the branch they left (--since origin/main)", for_github)
    top = gitref.git_toplevel(cwd)
    old = _base_side(base, ref, review, config, top, now, for_github)
    diff = scope.diff_findings(old.side, head, old.renamed)
    if result.capped:
        uncited = {f.key for f in (*result.findings, *result.suppressed) if f.code == "LR307" and f.key}
        diff = replace(diff, new=tuple(_uncapped(diff.new, result.capped, uncited)))
    if old.mended:
        diff = replace(diff, new=tuple(_unhidden(f, old.mended) for f in diff.new))
    unread = unreadable(review, result, config)
    broken = {key: name for key, name in unreadable_entries(review, result, config).items() if name not in unread}
    if old.renamed or old.removed:
        moved = _moved_to(set(old.removed), base, review, config) if old.removed else {}
        settings = f" in {Path(config.source_file).name}" if config.source_file else ""
        diff = replace(diff, new=tuple(_change_hint(f, old.renamed, old.removed, unread, broken, moved, settings)
                                       for f in diff.new))
    if old.macros:
        texts = {rel(Path(name), config): text for name, text in review.bibliography.files if name}
        diff = replace(diff, new=tuple(_macro_change(f, old.macros, texts, for_github) for f in diff.new))
    # Suppressed now and absent before (reported or not): what the suppressions hide of the change.
    silenced = scope.count_new((*old.side.findings, *old.suppressed), result.suppressed)
    merged = gitref.merge_head(cwd) if ref in ("HEAD", "@") else None
    if merged:
        other = _base_side(merged, "MERGE_HEAD", review, config, top, now)
        new = scope.diff_findings(other.side, scope.Side(diff.new, head.claims, head.files), other.renamed).new
        diff = replace(diff, new=new)
        silenced = scope.count_new((*other.side.findings, *other.suppressed), silenced)
    if for_github or any(f.code in _KEY_CODES for f in diff.new):
        diff = replace(diff, new=tuple(on_changed_lines(diff.new, base, review, config, fields=for_github)))
    compared: dict[str, Any] = {"base": base, "branch_point": base != gitref.commit_of(ref, cwd)}
    if old.notices:  # checked with the working tree's settings: its findings may differ for that alone
        compared["base_settings"] = list(old.notices)
    diff = _set_aside(diff, result, unread, broken, compared, for_github)
    if not config.essay and (unlisted := _unlisted(base, review, config)):
        compared["unlisted"] = unlisted
        settings = Path(config.source_file).name if config.source_file else "the settings"
        for name in unlisted:
            _note_on(name, f"this change adds a bibliography file that the settings do not list (bibliography in "
                           f"{settings}), so its entries were not checked: add it to that list", for_github)
    return diff, silenced, compared


def _unlisted(base: str, review: Review, config: Config) -> list[str]:
    """The bibliography files (``.bib``; CSL-JSON or CSL-YAML holding items) the change adds or edits that a
    bibliography kept alone does not read: nothing names its files but the settings, so a pull request adding a
    file and not its name there added entries nobody checks. Names as findings give them."""
    from ..bibliography.csl import CSL_SUFFIXES
    from ..checks import gitref
    from ._init_bib import _holds_csl_items

    root = Path(config.root)
    read = {Path(name).resolve() for name, _ in review.bibliography.files if name}
    skipped = {config.path("metadata").resolve(), (root / ".litreview-cache").resolve()}  # registry records, caches
    out = []
    for name in gitref.changed_files(base, root):
        path = (root / name).resolve()
        suffix = path.suffix.lower()
        if path in read or any(path.is_relative_to(folder) for folder in skipped) or not path.is_file():
            continue
        if suffix in (".bib", ".bibtex") or (suffix in CSL_SUFFIXES and _holds_items(path, _holds_csl_items)):
            out.append(rel(path, config))
    return sorted(out)


def _holds_items(path: Path, holds: Any) -> bool:
    """``holds(path)``, False for a file that cannot be read as CSL at all (a settings or data file)."""
    from ..errors import LitreviewError

    try:
        return bool(holds(path))
    except LitreviewError:
        return False


def _note_on(name: str, text: str, annotate: bool) -> None:
    """A note on standard error about the file ``name``; also a warning annotation on it when the report is
    GitHub's."""
    click.echo(f"note: {name}: {text}", err=True)
    if annotate:
        from ..checks.formats import escape_data, escape_property

        click.echo(f"::warning file={escape_property(name)},title=litreview check::{escape_data(text)}")


def _uncapped(new: Sequence[Finding], capped: Sequence[Finding], uncited: set[str]) -> Iterable[Finding]:
    """The change's findings, a duplicate it adds (LR106, LR107) at its own level where the check lowered it to that
    of an uncited entry of the pair (``checks.suppress.uncited_at_most``: a bibliography shared with other
    documents, LR307 a note): the document prints one of the two, but the change adds the second to a file
    others use. The hint says which entry is cited nowhere (``uncited``: the keys of the check's LR307): the one
    the finding is on, most often the copy the change added, or the other."""
    from ..render.fragments import SEVERITY_NOUN

    before = {(c.code, c.key, c.message, c.file, c.line): c.severity for c in capped}
    for f in new:
        level = before.get((f.code, f.key, f.message, f.file, f.line))
        if level is None:
            yield f
            continue
        which = f"{f.key!r} is" if f.key in uncited else "the entry it duplicates is"
        said = (f"this change adds the duplicate, so it is reported at its own level here, though {which} cited "
                f"nowhere and a full check shows it as a {SEVERITY_NOUN.get(f.severity, f.severity)}")
        yield replace(f, severity=level, hint=f"{f.hint.rstrip('.')} ({said})" if f.hint else said)


def _set_aside(diff: Any, result: Any, unread: set[str], broken: dict[str, str], compared: dict[str, Any],
               for_github: bool) -> Any:
    """``diff`` without the fixes that are none: of the files (``unread``) and entries (``broken``: key -> its file)
    that could not be read now, which are not compared, and of a key the change defines again, whose first copy is
    still in the file. A note on each; ``compared`` gets what could not be read."""
    from ..checks import scope

    for name in sorted(unread):
        # Its entries were not read now: what the change did to them is not known, and its syntax error is shown.
        _note(f"{name} could not be read (its LR100 says where): its entries were not compared with the base; "
              "mend it and check again", for_github)
    if unread:
        compared["unreadable"] = sorted(unread)
    diff = scope.set_aside(diff, unread, broken)
    if doubled := {f.key for f in result.findings if f.code == "LR101" and f.key} & {f.key for f in diff.fixed}:
        # A key defined again: pandoc reads the later entry, but the earlier one, and what was wrong in it, is still
        # in the file. Its findings are not fixed.
        diff = replace(diff, fixed=tuple(f for f in diff.fixed if f.key not in doubled),
                       kept=(*diff.kept, *(f for f in diff.fixed if f.key in doubled)))
    told = {f.key for f in (*diff.new, *diff.uncompared) if f.key in broken}  # (an old broken item the change left
    for key in sorted(told):                                                 # alone is no news)
        _note(f"the entry {key!r} in {broken[key]} could not be read (its LR100 says where): its findings were not "
              "compared with the base; mend it and check again", for_github)
    if told:
        compared["unreadable_entries"] = {key: broken[key] for key in sorted(told)}
    return diff


def unreadable(review: Review, result: Any, config: Config) -> set[str]:
    """The bibliography files (as findings name them) that could not be read now: a syntax error (LR100) and
    not one entry read from them."""
    read = {rel(Path(file), config) for file in {s.file for s in review.bibliography.sources if s.file}}
    return {f.file for f in (*result.findings, *result.suppressed)
            if f.code == "LR100" and f.severity == "error" and f.file and f.file not in read}


def unreadable_entries(review: Review, result: Any, config: Config) -> dict[str, str]:
    """Key -> file (as findings name it) of the entries that could not be read or checked now: a syntax error
    (LR100) that names the entry, whose key no entry read has (an item of a CSL file broken alone; its other items
    read), or one inside it that cut it short (``damaged_entries``: its fields are not checked)."""
    from ..checks.bib import damaged_entries

    read = set(review.bibliography.keys)
    out = {f.key: f.file for f in (*result.findings, *result.suppressed)
           if f.code == "LR100" and f.severity == "error" and f.key and f.file and f.key not in read}
    damaged = damaged_entries(review.bibliography)
    out.update({s.key: rel(Path(s.file), config) for s in review.bibliography.sources if s.key in damaged and s.file})
    return out


def _note(text: str, annotate: bool) -> None:
    """A note on standard error; also a warning annotation when the report is GitHub's."""
    click.echo(f"note: {text}", err=True)
    if annotate:
        from ..checks.formats import escape_data

        click.echo(f"::warning title=litreview check::{escape_data(text)}")


class _Base(NamedTuple):
    """What a check of the base commit found, against the working tree's review."""

    side: Any
    """Its findings, as ``scope.Side``."""
    suppressed: tuple[Finding, ...]
    """The findings its settings suppressed."""
    renamed: dict[str, str]
    """The keys renamed since: old -> new."""
    removed: dict[str, str]
    """The keys removed since: key -> the file that held it."""
    mended: set[str]
    """The keys of entries a syntax error kept from being checked there and not now."""
    notices: tuple[str, ...] = ()
    """What was said of the settings it was checked with (its settings file could not be read)."""
    macros: dict[str, dict[str, int]] | None = None
    """File (as findings name it) -> the @string names it defined, case folded, and the line of each."""


def _base_side(commit: str, ref: str, review: Review, config: Config, top: Path, now: datetime,
               annotate: bool = False) -> _Base:
    """What a check of ``commit`` found (``_Base``), against ``review``, the working tree's."""
    import tempfile

    from ..bibliography import bibtex
    from ..checks import check_review, gitbase, scope
    from ..checks.bib import damaged_entries
    from ..errors import LitreviewError
    from ..review import build_review

    with tempfile.TemporaryDirectory(prefix="litreview-base-") as tmp:
        notices: list[str] = []
        old_config = gitbase.base_inputs(commit, config, top, Path(tmp), notices=notices)
        for notice in notices:
            _note(f"{ref}: {notice}", annotate)
        try:
            old_review = build_review(old_config, now=now, with_checks=False)
            old_result = check_review(old_review, old_config, now=now)
        except LitreviewError as exc:
            # A base that cannot be loaded reports nothing: every finding now is the change's.
            _note(f"the base ({ref}) could not be checked, so every finding counts as new:\n  {exc}", annotate)
            return _Base(scope.Side(()), (), {}, {}, set(), tuple(notices))
        side = scope.Side(old_result.findings, _claim_texts(old_review), _file_lines(old_config))
        renamed = {**_manual_renamed(old_review, review), **scope.renamed_keys(old_review.bibliography,
                                                                               review.bibliography)}
        kept = {*review.bibliography.keys, *renamed}
        removed = {s.key: rel(Path(s.file), old_config) if s.file else "" for s in old_review.bibliography.sources
                   if s.key not in kept}
        macros = {rel(Path(name), old_config): lines for name, text in old_review.bibliography.files
                  if name and (lines := bibtex.string_lines(text))}
    mended = damaged_entries(old_review.bibliography) - damaged_entries(review.bibliography)
    return _Base(side, old_result.suppressed, renamed, removed, mended, tuple(notices), macros)


def _manual_renamed(old: Review, new: Review) -> dict[str, str]:
    """Old id -> new id of a Manubot manuscript's manual references whose id alone the change renamed: the
    bibliography holds only the items cited, so an item renamed away from its citations is in neither's."""
    from ..checks import scope
    from ..essay.manubot import manual_items
    from ..model import Bibliography

    if old.essay is None or new.essay is None or "manubot" not in (old.essay.format, new.essay.format):
        return {}
    before, after = manual_items(old.essay), manual_items(new.essay)
    return scope.renamed_keys(Bibliography(tuple(before.values())), Bibliography(tuple(after.values())))


_KEY_CODES = ("LR101", "LR108")
"""A key defined twice (in any case): told at the definition the change added, whatever the format."""


def on_changed_lines(findings: Sequence[Finding], base: str, review: Review, config: Config, *,
                     fields: bool = True) -> list[Finding]:
    """Entry findings on lines the change touched: a duplicate key (LR101, at the entry pandoc drops; LR108, at the
    later of the two) to the definition the change added, naming the other; a finding left where it was when the
    change touched neither. ``fields`` (where GitHub shows a pull request's annotations, on changed lines only):
    the others too, from the finding's line (the entry's first line, or the field it is about), when the change
    left it alone, to the first line it added or rewrote inside the entry (a field edited deep in an old entry)."""
    from ..checks.gitref import changed_lines

    starts: dict[str, list[int]] = {}
    where: dict[str, tuple[str, int]] = {}  # key -> (file as findings name it, the entry's first line)
    paths: dict[str, Path] = {}
    texts: dict[Path, str] = {}  # a .bib read once however many of its entries an edited @string reaches
    for s in review.bibliography.sources:
        if s.file and s.line:
            name = rel(Path(s.file), config)
            starts.setdefault(name, []).append(s.line)
            where[s.key] = (name, s.line)
            paths[name] = Path(s.file)
    changed = changed_lines(base, Path(config.root), sorted(starts)) if any(f.key for f in findings) else {}
    out = []
    for f in findings:
        lines = changed.get(f.file or "", set())
        line = f.line or 0
        if f.key and line and line not in lines:
            name, start = where.get(f.key, ("", 0))
            if f.code == "LR101" and f.key in where:
                if start in changed.get(name, ()):  # the change added the definition pandoc uses
                    from ..bibliography.several import duplicate_key_at_used

                    f = duplicate_key_at_used(f, name, start)
            elif f.code == "LR108" and (other := _clashing(f, where, changed)) is not None:
                from ..bibliography.several import case_clash  # the key the change added, before the old one

                f = case_clash(other, f.key or "", line, f.file, where[other][1])
            elif fields and name and name == f.file and start <= line:
                end = min((n for n in starts[name] if n > start), default=None)
                if end is None or line < end:  # the finding lies inside its entry
                    inside = sorted(n for n in lines if n >= start and (end is None or n < end))
                    f = replace(f, line=inside[0]) if inside else _through_macro(f, start, lines, paths[name], texts)
        out.append(f)
    return out


def _through_macro(f: Finding, start: int, lines: set[int], path: Path, texts: dict[Path, str]) -> Finding:
    """An entry finding whose entry (at line ``start``) the change left alone, moved to the @string line the change
    edited that the entry takes a value from (``@string{jn = {}}`` empties every journal that names ``jn``)."""
    from ..bibliography import bibtex

    if not lines:
        return f
    try:
        text = texts[path] if path in texts else texts.setdefault(path, path.read_text("utf-8", errors="replace"))
        names = bibtex.macros_used(text, bibtex.find_entry(text, start)) if bibtex.defines_macros(text) else ()
    except (OSError, bibtex.ScanError):
        return f
    for name in names:
        at = bibtex.string_offset(text, name)
        if at is not None and (line := text.count("\n", 0, at) + 1) in lines:
            return replace(f, line=line, message=f"{f.message} (the entry on line {start} takes {name!r} from the "
                                                 "@string this change edited)")
    return f


def _macro_change(f: Finding, before: dict[str, dict[str, int]], texts: dict[str, str], for_github: bool) -> Finding:
    """A field naming a @string that its file defined at the base and defines no more: the change removed the
    definition, or renamed it (a name the base did not have is defined on its line now), and the hint says so.
    ``for_github``: a finding of a renamed one goes on the @string's line, which the change rewrote."""
    from ..bibliography import bibtex
    from ..bibliography.several import macro_not_read

    name = macro_not_read(f)
    defined = before.get(f.file or "", {})
    if name is None or f.file not in texts or (line := defined.get(name.casefold())) is None:
        return f
    now = bibtex.string_lines(texts[f.file or ""])
    if name.casefold() in now:
        return f
    after = next((n for n, at in now.items() if at == line and n not in defined), None)
    if after is None:
        return replace(f, hint=f"This change removed @string {name!r} (line {line} of the base), which this field "
                               f"still names: define it again, or write the value in full")
    moved = replace(f, line=line, message=f"{f.message} (line {f.line} names it)") if for_github else f
    return replace(moved, hint=f"This change renamed @string {name!r} to {after!r} on line {line}, and this field "
                               f"still names {name!r}: write {after} here, or give the @string its old name back")


def _clashing(f: Finding, where: dict[str, tuple[str, int]], changed: dict[str, set[int]]) -> str | None:
    """The key of f's file that LR108 ``f`` says differs only in case from ``f.key``, when the change touched its
    entry's first line (the finding is at the later of the two in the file, the old entry when the new one is
    written above it)."""
    folded = (f.key or "").casefold()
    return next((k for k, (name, start) in where.items() if k != f.key and k.casefold() == folded
                 and name == f.file and start in changed.get(name, ())), None)


def _unhidden(f: Finding, mended: set[str]) -> Finding:
    """A finding on an entry's fields (LR1xx, LR2xx) that the base could not make, as a syntax error in the entry
    (``mended``: those the change repaired) kept it from being checked there, says that it may be older."""
    if f.key not in mended or f.code[:3] not in ("LR1", "LR2") or f.code == "LR100":
        return f
    said = ("the base could not check this entry (its syntax error, which this change mends, hid its fields), so "
            "this may be older than the change")
    return replace(f, hint=f"{f.hint.rstrip('.')}; {said}" if f.hint else said[0].upper() + said[1:])


def _moved_to(keys: set[str], base: str, review: Review, config: Config) -> dict[str, str]:
    """Key -> the bibliography file, added or changed since ``base`` (or new) but not read, as the settings do not
    name it, that holds the entry of that key now: the change moved the entry there."""
    from ..bibliography.csl import CSL_SUFFIXES
    from ..bibliography.load import load_bibliography
    from ..checks.gitref import changed_files
    from ..errors import LitreviewError

    root = Path(config.root)
    read = {Path(name).resolve() for name, _ in review.bibliography.files if name}
    out: dict[str, str] = {}
    for name in changed_files(base, root):
        path = root / name
        if not name.lower().endswith((".bib", ".bibtex", *CSL_SUFFIXES)) or path.resolve() in read:
            continue
        try:
            held = set(load_bibliography(path).keys) & keys
        except (LitreviewError, OSError):
            continue
        out.update((key, rel(path, config)) for key in sorted(held) if key not in out)
    return out


def _change_hint(f: Finding, renamed: dict[str, str], removed: dict[str, str], unread: set[str],
                 broken: dict[str, str], moved: dict[str, str] | None = None, settings: str = "") -> Finding:
    """A citation of no entry whose key the change renamed (old -> new key) or removed (key -> its file) says so in
    its hint; one whose file cannot be read now (``unread``), or whose entry cannot (``broken``: key -> its file),
    that it must be mended first; one the change moved to a file not read (``moved``: key -> that file), where (and
    ``settings``, " in NAME", the settings file to name it in)."""
    import re

    if f.code == "LR112" and f.key:
        return _link_hint(f, renamed, removed)
    if f.code != "LR300" or f.key:
        return f
    words = set(re.findall(r"[^\s'\"@{}\[\];,]+", f.message))
    old = next((k for k in renamed if k in words), None)
    if old is None:
        gone = next((k for k in removed if k in words), None)
        if gone is None:
            return f
        if removed[gone] in unread:
            return replace(f, hint=f"{removed[gone]}, which holds {gone!r}, cannot be read now: mend its syntax "
                                   "(its LR100 says where)")
        if gone in broken:  # not removed: its own hint says where its syntax error is
            return f
        if moved and gone in moved:
            return replace(f, hint=f"This change moved the entry {gone!r} to {moved[gone]}, which is not read: no "
                                   f"bibliography setting names it; add it to bibliography = [...]{settings}, or move "
                                   "the entry back")
        held = f" from {removed[gone]}" if removed[gone] else ""
        return replace(f, hint=f"This change removed the entry {gone!r}{held}: restore it, or cite another entry "
                               "there")
    return replace(f, hint=f"This change renamed the entry {old!r} to {renamed[old]!r}: cite it by its new key, "
                           "or give the entry its old key back")


def _link_hint(f: Finding, renamed: dict[str, str], removed: dict[str, str]) -> Finding:
    """A crossref, xdata, xref or related naming an entry the change renamed or removed (LR112) says so in its hint,
    with the key to write; the entry inherits nothing from that one until it is mended."""
    field, _, listed = f.message.partition(" names no entry of the bibliography: ")
    # Folded as LR112 compares them (case ignored, as BibTeX does): the crossref may write the key in another case.
    missing = [k.casefold() for k in (part.strip().strip("'\"") for part in listed.split(", ")) if k]
    was = {k.casefold(): k for k in renamed}
    old = next((was[k] for k in missing if k in was), None)
    if old is not None:
        return replace(f, hint=f"This change renamed the entry {old!r} to {renamed[old]!r}: write {field} = "
                               f"{{{renamed[old]}}} here, or give that entry its old key back")
    were = {k.casefold(): k for k in removed}
    gone = next((were[k] for k in missing if k in were), None)
    if gone is not None:
        held = f" from {removed[gone]}" if removed[gone] else ""
        return replace(f, hint=f"This change removed the entry {gone!r}{held}, which {field} still names: restore "
                               f"it, or delete {field} here (and write in this entry the fields it took from there)")
    return f


def under_pre_commit(config: Config) -> str | None:
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
        from ..checks.gitref import unchanged

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
                out[rel(path, config)] = path.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
    return out


def rel(path: Path, config: Config) -> str:
    """``path`` relative to the review's root, as findings name files (absolute when outside it)."""
    from ..fileio import relative_name

    name = relative_name(path.resolve(), Path(config.root).resolve())
    return str(path) if Path(name).is_absolute() else name


__all__ = ["rel", "since_base", "under_pre_commit", "unreadable", "unreadable_entries"]
