"""The bibliography a manuscript's build hands pandoc on its command line (``--bibliography=refs.bib``, ``-M
bibliography=…``, a defaults file's ``bibliography:``) when its text names none: read from the Makefiles and shell
scripts beside it or in a folder above it. Part of ``init``'s plan; nothing is run or written here.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from ..lazyre import lazy
from ..pandoc_options import pandoc_bibliographies

_BUILD_NAMES = ("Makefile", "makefile", "GNUmakefile", "justfile", "Justfile")
_BUILD_SUFFIXES = (".mk", ".sh", ".bash")
_MAX_BYTES = 200_000
"""A build file larger than this is no hand-written script: not read."""

_ASSIGN = lazy(r"^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?:[:?]?=|::=)[ \t]*(.*?)[ \t]*$", re.M)
"""A variable set once (Make's ``BIB := refs.bib``, the shell's ``BIB=refs.bib``), expanded in a command's words."""
_VARIABLE = lazy(r"\$(?:\(([A-Za-z_][A-Za-z0-9_]*)\)|\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")
_PANDOC = lazy(r"\bpandoc\b")
_RULE = lazy(r"^[^\t#=\s][^=#]*?:(?![:=])")
"""A Make rule's first line (``paper.pdf: paper.md``), not a recipe line (tab) nor an assignment (``X := y``)."""


def build_bibliographies(essay_path: Path, root: Path) -> tuple[list[Path], Path | None]:
    """The bibliography files a build file beside the essay or in a folder above it (up to ``root``) gives pandoc,
    in order, each resolved from the build file's folder (where make runs it), and the build file; ([], None)
    when none does. The first folder, going up, whose build files name any is the one read."""
    folder = essay_path.parent.resolve()
    top = root.resolve()
    while True:
        for build in _build_files(folder):
            names = _named_in(build, essay_path.name)
            if names:
                return [build.parent / name for name in dict.fromkeys(names)], build
        if folder == top or top not in folder.parents:
            return [], None
        folder = folder.parent


def _build_files(folder: Path) -> list[Path]:
    try:
        files = sorted(p for p in folder.iterdir() if p.name in _BUILD_NAMES or p.suffix.lower() in _BUILD_SUFFIXES)
    except OSError:
        return []
    return [p for p in files if p.is_file()]


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > _MAX_BYTES:
            return ""
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _named_in(build: Path, essay: str) -> list[str]:
    """The bibliography names the pandoc commands of a build file give, variables set in the file expanded; those
    of the commands that name the essay ``essay`` when some do (a Makefile building several documents)."""
    text = _read(build).replace("\\\n", " ")  # a command continued over lines is one command
    values: dict[str, str] = {}
    for m in _ASSIGN.finditer(text):
        values.setdefault(m.group(1), m.group(2).strip().strip("\"'"))
    commands: list[tuple[bool, list[str]]] = []  # (names the essay, bibliographies named)
    make = build.suffix.lower() not in (".sh", ".bash")
    rule: list[str] = []  # the words of the Make rule a recipe line belongs to (its target and prerequisites)
    for line in text.splitlines():
        expanded = _VARIABLE.sub(lambda m: values.get(m.group(1) or m.group(2) or m.group(3), m.group()), line)
        if make and _RULE.match(line):
            rule = expanded.replace(":", " ").split()
        if not _PANDOC.search(line) or line.lstrip().startswith("#"):
            continue
        words = _words(expanded)
        named = [n for n in pandoc_bibliographies(words, build.parent) if n and "$" not in n and "*" not in n]
        if named:
            commands.append((any(Path(w).name == essay for w in [*words, *rule]), named))
    mine = [named for names_it, named in commands if names_it]
    return [n for named in (mine or [named for _, named in commands]) for n in named]


def _words(line: str) -> list[str]:
    try:
        return shlex.split(line, comments=True)
    except ValueError:  # an unbalanced quote (a Make recipe's own quoting): words as the line splits
        return line.split()
