"""The bibliography a manuscript's build hands pandoc on its command line (``--bibliography=refs.bib``, ``-M
bibliography=…``, a defaults file's ``bibliography:``) when its text names none: read from the Makefiles and shell
scripts beside it or in a folder above it. Part of ``init``'s plan; nothing is run or written here.
"""

from __future__ import annotations

from pathlib import Path

from ..fileio import folders_up
from ..pandoc_options import build_files, literal_files, pandoc_bibliographies, pandoc_commands


def build_bibliographies(essay_path: Path, root: Path) -> tuple[list[Path], Path | None]:
    """The bibliography files a build file beside the essay or in a folder above it (up to ``root``) gives pandoc,
    in order, each resolved from the build file's folder (where make runs it), and the build file; ([], None)
    when none does. The first folder, going up, whose build files name any is the one read."""
    for folder in folders_up(essay_path.parent.resolve(), root.resolve()):
        for build in build_files(folder):
            names = _named_in(build, essay_path.name)
            if names:
                return [build.parent / name for name in dict.fromkeys(names)], build
    return [], None


def _named_in(build: Path, essay: str) -> list[str]:
    """The bibliography names the pandoc commands of a build file give, variables set in the file expanded; those
    of the commands that name the essay ``essay`` when some do (a Makefile building several documents)."""
    commands: list[tuple[bool, list[str]]] = []  # (names the essay, bibliographies named)
    for words, rule in pandoc_commands(build):
        named = literal_files(pandoc_bibliographies(words, build.parent))
        if named:
            commands.append((any(Path(w).name == essay for w in [*words, *rule]), named))
    mine = [named for names_it, named in commands if names_it]
    return [n for named in (mine or [named for _, named in commands]) for n in named]
