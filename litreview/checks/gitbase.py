"""The base of a change (``check --since REF``), read from git: the branch point, its files, its settings.

The base is extracted from git's objects into a temporary folder (the user's tree is never checked
out or touched) and read as that commit's own settings name it, against the working tree's registry
snapshot (the registries' word is not the change's). With ``gitref`` (which commit), the only I/O of ``--since``.
"""

from __future__ import annotations

import contextlib
import functools
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, replace
from pathlib import Path, PurePosixPath
from typing import Any

from ..config import DEFAULT_BIBLIOGRAPHY, SETTINGS_FILES, Config
from ..errors import InputError
from ..fileio import is_inside
from .gitref import CI_DEPTH, Runner, fetch_command
from .gitref import run_git as _run

_GIT_HINT = f"fetch the base first ({fetch_command('origin', 'main')}); {CI_DEPTH}"
_PATH_SETTINGS = ("essay", "bibliography", "claims")  # read at the base; the snapshot ("metadata") is shared
_FILE_ONLY = frozenset({"suppress_reasons"})  # read with suppress and suppress_entries: no origin of its own
_ROUNDS = 4  # extractions for what the base names in turn: its settings, then its essay


def extract(commit: str, top: Path, paths: Iterable[Path], dest: Path, runner: Runner = subprocess.run,
            keep: Callable[[str], bool] | None = None) -> None:
    """Write the files (and folders) under ``paths`` as they are at ``commit`` into ``dest``; of a
    folder, only the files ``keep`` accepts (by their path in the repository), when given.

    Only paths inside the repository are read; what did not exist at ``commit`` is skipped. The
    blobs are read as committed: ``git archive`` would leave out what .gitattributes marks
    export-ignore (a paper's folder, often) and rewrite export-subst files. A path inside a
    submodule (a bibliography shared by several papers) is read from the submodule at the commit
    ``commit`` recorded for it, when the submodule has it.
    """
    rels = sorted({p.resolve().relative_to(top).as_posix() for p in paths if is_inside(p, top)})
    if not rels:
        return
    rows = _ls_tree(commit, top, rels, runner, "-r")
    _write_blobs(commit, top, [(mode, oid, name) for mode, kind, oid, name in rows
                               if kind == "blob" and (keep is None or keep(name))], dest, runner)
    found = [name for *_, name in rows]
    unlisted = [r for r in rels if not any(n == r or n.startswith(f"{r}/") for n in found)]
    prefixes = sorted({"/".join(r.split("/")[:i]) for r in unlisted for i in range(1, r.count("/") + 1)})
    links = [(oid, name) for _, kind, oid, name in [*rows, *(_ls_tree(commit, top, prefixes, runner) if prefixes
                                                             else [])] if kind == "commit"]
    for oid, link in links:
        inner = [top / r for r in rels if r == link or r.startswith(f"{link}/")]
        try:
            extract(oid, top / link, inner, dest / link, runner)
        except InputError:
            continue  # the submodule lacks that commit (not fetched): the base check says what is missing


def _ls_tree(commit: str, top: Path, rels: Sequence[str], runner: Runner, *options: str) -> list[tuple[str, ...]]:
    """(mode, kind, object id, path) of what ``rels`` name at ``commit``."""
    listed = _run(runner, ["git", "--literal-pathspecs", "ls-tree", *options, "-z", commit, "--", *rels], top)
    if listed.returncode != 0:
        detail = listed.stderr.decode("utf-8", "replace").strip()
        raise InputError(f"--since: cannot read {commit}: {detail}", hint=_GIT_HINT)
    rows = []
    for row in filter(None, listed.stdout.decode("utf-8", "surrogateescape").split("\0")):
        meta, _, name = row.partition("\t")
        rows.append((*meta.split(), name))
    return rows


def _write_blobs(commit: str, top: Path, blobs: Sequence[tuple[str, str, str]], dest: Path, runner: Runner) -> None:
    """Write each (mode, object id, path) blob under ``dest``; a link only when it points inside ``dest``."""
    if not blobs:
        return
    proc = _run(runner, ["git", "cat-file", "--batch"], top, input="".join(f"{oid}\n" for _, oid, _ in blobs).encode())
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip()
        raise InputError(f"--since: cannot read {commit}: {detail}", hint=_GIT_HINT)
    out, at, root = proc.stdout, 0, dest.resolve()
    for mode, _, name in blobs:
        header_end = out.index(b"\n", at)
        header = out[at:header_end].split()
        if len(header) != 3:  # "<id> missing": an object a partial clone has not fetched
            raise InputError(f"--since: cannot read {name} at {commit}", hint=_GIT_HINT)
        data, at = out[header_end + 1:header_end + 1 + int(header[2])], header_end + 2 + int(header[2])
        target = dest / name
        if not is_inside(target, root):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":
            link = data.decode("utf-8", "surrogateescape")
            if not Path(link).is_absolute() and is_inside(target.parent / link, root):
                with contextlib.suppress(OSError):  # Windows without the right to make links: left out
                    target.symlink_to(link)
        else:
            target.write_bytes(data)



def base_config(config: Config, top: Path, dest: Path) -> Config:
    """The same settings with every input path inside the repository moved under ``dest``.

    The root moves too, so findings name the same relative files on both sides; an input
    outside the repository (not versioned) is read where it is. The registry snapshot is the
    working tree's: both sides are judged by the same registry records (those ``--online`` just
    fetched, or a refreshed snapshot the change commits), so what a registry newly says of an
    entry the change did not touch (a retraction) is not the change's, while an entry it added or
    edited is judged by the records it now has.
    """
    def move(path: Path) -> Path:
        return dest / path.resolve().relative_to(top) if is_inside(path, top) else path

    root = move(Path(config.root))
    changes: dict[str, Any] = {"root": root, "metadata": str(config.path("metadata"))}
    for name in _PATH_SETTINGS:
        value = getattr(config, name)
        if name == "bibliography" and value == DEFAULT_BIBLIOGRAPHY:
            continue  # kept relative to the moved root: a front matter's bibliography may stand in for it
        if name == "bibliography" and isinstance(value, tuple):  # several: each moved
            changes[name] = tuple(str(move(path)) for path in config.paths(name))
        elif value:
            changes[name] = str(move(config.path(name)))
    return replace(config, **changes)


def base_inputs(commit: str, config: Config, top: Path, dest: Path, runner: Runner = subprocess.run,
                notices: list[str] | None = None) -> Config:
    """The settings that check ``commit``, its inputs extracted under ``dest``.

    The working tree's inputs are extracted, then what the base's own settings and essay name
    (a bibliography the change moved or added to the list, a front matter's files) until nothing
    more is named. An input the change renamed (a path given by --bib, --essay or LITREVIEW_*,
    which the base's settings cannot name) is read at the name it had, as git's rename detection
    pairs them. An essay missing at the base is left out; of several bibliographies, those missing
    at the base are (the change added them). ``notices`` gets what the user should be told of the settings used
    (``with_base_settings``).
    """
    dest = dest.resolve()  # settings are found by resolved paths (macOS's temporary folder is a link)
    wanted = base_paths(config)
    done: set[Path] = set()
    old = config
    renames = functools.cache(lambda: renamed_since(commit, top, runner))  # asked only when an input is gone
    for _ in range(_ROUNDS):
        extract(commit, top, wanted, dest, runner)
        done.update(p.resolve() for p in wanted)
        old = with_base_settings(config, base_config(config, top, dest), top, dest, notices)
        old = _renamed_back(commit, top, old, dest, renames, runner)
        _extract_parts(commit, top, old, dest, done, runner)
        wanted = [p for p in (top / q.resolve().relative_to(dest.resolve()) for q in base_paths(old)
                              if is_inside(q, dest)) if p.resolve() not in done]
        if not wanted:
            break
    changes: dict[str, Any] = {}
    if old.essay and not old.path("essay").exists():
        changes["essay"] = ""
    present = [str(p) for p in old.paths("bibliography") if p.exists()]
    if isinstance(old.bibliography, tuple) and present and len(present) < len(old.bibliography):
        changes["bibliography"] = present[0] if len(present) == 1 else tuple(present)
    return replace(old, **changes)


def _renamed_back(commit: str, top: Path, config: Config, dest: Path, renames: Callable[[], dict[str, str]],
                  runner: Runner) -> Config:
    """``config`` with each input missing at the base that the change renamed read at its old name
    (extracted under ``dest``); ``renames()`` gives new -> old names in the repository."""
    gone = {p: p.resolve().relative_to(dest).as_posix() for name in _PATH_SETTINGS if getattr(config, name)
            for p in config.paths(name) if is_inside(p, dest) and not p.exists()}
    if not gone:
        return config
    back = {p: dest / renames()[name] for p, name in gone.items() if name in renames()}
    if not back:
        return config
    extract(commit, top, [top / q.relative_to(dest) for q in back.values()], dest, runner)
    changes: dict[str, Any] = {}
    for name in _PATH_SETTINGS:
        paths = config.paths(name) if getattr(config, name) else ()
        if any(p in back for p in paths):
            renamed = tuple(str(back.get(p, p)) for p in paths)
            changes[name] = renamed if isinstance(getattr(config, name), tuple) else renamed[0]
    return replace(config, **changes)


def renamed_since(commit: str, top: Path, runner: Runner = subprocess.run) -> dict[str, str]:
    """New name -> old name of the files git's rename detection pairs between ``commit`` and the
    working tree (paths in the repository); {} when git cannot say."""
    proc = _run(runner, ["git", "-c", "core.quotePath=false", "diff", "--find-renames", "--name-status", "-z",
                         commit, "--"], top)
    if proc.returncode != 0:
        return {}
    fields = proc.stdout.decode("utf-8", "surrogateescape").split("\0")
    out: dict[str, str] = {}
    at = 0
    while at < len(fields) and fields[at]:
        status = fields[at]
        if status[:1] in ("R", "C"):
            if status[:1] == "R":
                out[fields[at + 2]] = fields[at + 1]
            at += 3
        else:
            at += 2
    return out


def _extract_parts(commit: str, top: Path, config: Config, dest: Path, done: set[Path], runner: Runner) -> None:
    """The base essay's parts as the base has them: a chapter or \\input file the change renamed is
    not in the working tree, so the folder is listed at the base."""
    from ..cache import essay_part_rule

    rule = essay_part_rule(config.path("essay")) if config.essay and is_inside(config.path("essay"), dest) else None
    if rule is None or rule[0].resolve() in done:
        return
    folder, is_part = rule
    done.add(folder.resolve())
    within = PurePosixPath(folder.resolve().relative_to(dest).as_posix())

    def keep(name: str) -> bool:  # ``name`` is the file's path in the repository
        path = PurePosixPath(name)
        return is_part(path if str(within) == "." else path.relative_to(within))

    extract(commit, top, [top / within], dest, runner, keep=keep)


def _front_matter_bibliographies(essay_path: Path) -> tuple[Path, ...]:
    """The bibliographies the essay's front matter names (read when no bibliography setting is given)."""
    from ..essay import load_essay
    from ..review import named_bibliographies

    try:
        return named_bibliographies(load_essay(essay_path))
    except (InputError, OSError):
        return ()  # the check of the working tree reports it


def _read_elsewhere(essay_path: Path) -> list[Path]:
    """The files an essay of several files reads outside the folder of its parts (``Essay.inputs``: a book's chapter
    listed as ../shared/ch.qmd, an \\input{../x}), which the base needs too; [] for a one-file essay, or one that
    cannot be read (the check of the working tree reports it)."""
    from ..cache import essay_part_rule
    from ..essay import load_essay

    rule = essay_part_rule(essay_path)
    if rule is None:
        return []
    try:
        inputs = load_essay(essay_path).inputs
    except (InputError, OSError):
        return []
    folder = rule[0].resolve()
    return [Path(name) for name in inputs if not is_inside(Path(name), folder)]


def base_paths(config: Config) -> list[Path]:
    """The inputs (and the settings file) whose base versions the check needs."""
    from ..cache import essay_parts

    paths = [path for name in _PATH_SETTINGS if getattr(config, name) for path in config.paths(name)]
    if config.essay:  # a LaTeX file's \\input files, a Quarto book's chapters
        paths += essay_parts(config.path("essay")) or []
        paths += _read_elsewhere(config.path("essay"))
        if config.bibliography == DEFAULT_BIBLIOGRAPHY and config.path("essay").is_file():
            paths += _front_matter_bibliographies(config.path("essay"))
    if not config.source_file:
        return paths
    # Each file settings are read from, beside today's: the base may keep them in the other one.
    return [*paths, *(Path(config.source_file).parent / name for name in SETTINGS_FILES)]


def with_base_settings(config: Config, base: Config, top: Path, dest: Path, notices: list[str] | None = None) -> Config:
    """``base`` (paths moved under ``dest``) with the settings the base commit had.

    A change to the settings (a suppression removed, a severity raised, the settings moved from
    litreview.toml to pyproject.toml) then shows as new findings. A setting the settings file
    gives is the base file's (the change may have moved the bibliography, or added one to the
    list); one given on the command line or in the environment (``LITREVIEW_*``, registry
    addresses) is this run's, on both sides (an input path is the working tree's, moved), whatever
    the files say: ``Config.origins`` tells which (a setting without one holding its default is the
    files'). A base without a settings file had the defaults (its inputs are taken where they are
    now), and one whose file no longer loads keeps today's settings: ``notices`` then gets a line
    saying so, and why.
    """
    from ..config import load_config, registry_settings
    from ..errors import ConfigError

    if not config.source_file or not is_inside(Path(config.source_file), top):
        return base
    moved = dest / Path(config.source_file).resolve().relative_to(top)
    # As the base had them there, in whichever settings file (only those were extracted: the
    # search must not climb out of the base's folder into the machine's).
    there = any((moved.parent / name).is_file() for name in SETTINGS_FILES)
    try:
        found = load_config(moved.parent, env={}) if there else Config()
    except ConfigError as exc:
        if notices is not None:
            named = _in_repository(exc.path, dest) if exc.path else "its settings"
            at = f"{named} line {exc.line}" if exc.line else named
            said = f"the base's settings could not be read ({at}: {exc.message}), so the base was checked " \
                   "with the working tree's settings"
            if said not in notices:
                notices.append(said)
        return base
    own = found.source_file is not None and is_inside(Path(found.source_file), dest)
    settings = found if own else Config()

    default = Config()

    def given(name: str) -> bool:  # by the command line or the environment, not by the settings file
        origin = config.origin(name)
        if origin is not None:  # the settings file's line, or a LITREVIEW_* variable
            return origin.variable
        if name in _FILE_ONLY:
            return False
        # No origin: the default, or the command line's (``with_overrides``), which a registry setting holds only then
        return name in config.registry if name in registry_settings() else getattr(config, name) != getattr(default, name)

    def where(name: str) -> Any:  # a path setting of the base's file, read from that file's folder
        value = getattr(settings, name)
        if not value or Path(settings.root).resolve() == Path(base.root).resolve():
            return value
        paths = tuple(str(p) for p in settings.paths(name))
        return paths if isinstance(value, tuple) else paths[0]

    paths = {name: where(name) for name in _PATH_SETTINGS if own and not given(name)}
    kept = {"root", "source_file", "origins", *_PATH_SETTINGS, "metadata", "site_dir", "mkdocs_config", "registry"}
    others = {f.name: getattr(config if given(f.name) else settings, f.name) for f in fields(Config)
              if f.name not in kept}
    registry = {**settings.registry, **{k: v for k, v in config.registry.items() if given(k)}}
    # Where each value was given: the base file's line for what it gives, this run's for the rest.
    shared = {"metadata", "site_dir", "mkdocs_config"}  # this run's, on both sides
    origins = {name: origin for name in {*config.origins, *settings.origins}
               if (origin := (config if name in shared or given(name) else settings).origins.get(name))}
    return replace(base, source_file=found.source_file if own else base.source_file, **paths, **others,
                   registry=registry, origins=origins)


def _in_repository(path: str, dest: Path) -> str:
    """A path under the base's extraction folder as the repository names it (the folder is temporary)."""
    return Path(path).resolve().relative_to(dest).as_posix() if is_inside(Path(path), dest) else Path(path).name


__all__ = ["base_config", "base_inputs", "base_paths", "extract", "renamed_since", "with_base_settings"]
