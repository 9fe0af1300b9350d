"""A Markdown manuscript kept in several files that pandoc joins (``pandoc ch1.md ch2.md --citeproc``), read as
one manuscript, as pandoc reads it: the files' text joined with a blank line between them.

The files are listed by the manuscript's source (``input_files``): the first pandoc command of a build file (a
Makefile, a shell script) that names Markdown inputs, a pandoc defaults file's ``input-files:``, or the ``essay``
list of litreview's settings file or of the MkDocs plugin's options (``mkdocs_listing``). Each claim keeps its own file and line (the Quarto reader's joining,
``quarto.read_chapters``). The files' metadata blocks are merged, a later one's field over an earlier one's, as
pandoc merges them; a bibliography the command names (``--bibliography``, ``-M``, a defaults file's) replaces
theirs, as pandoc's option does.
"""

from __future__ import annotations

import glob
from pathlib import Path

from ..config import SETTINGS_FILES  # (one whose ``essay`` is a list stands for those files)
from ..errors import EssayError
from ..fileio import NotUtf8, folders_up, read_text
from ..mkdocs_listing import essay_list
from ..model import Essay
from ..pandoc_options import (
    YAML_SUFFIXES,
    build_files,
    defaults_input_files,
    is_build_file,
    literal_files,
    pandoc_bibliographies,
    pandoc_commands,
    pandoc_inputs,
)
from . import encoding_notices, noted, with_inputs, with_missing
from .front import book_front, file_front
from .markdown import markdown_essay
from .yaml_meta import document_meta, merge_meta


def is_inputs_source(path: Path) -> bool:
    """Whether ``path`` lists a manuscript's files for pandoc: a build file whose pandoc commands name Markdown
    inputs, a defaults file with ``input-files:``, a settings file or MkDocs config whose ``essay`` is a list."""
    if path.name in SETTINGS_FILES:
        return True
    if is_build_file(path):
        return path.is_file()
    return path.suffix.lower() in YAML_SUFFIXES and bool(defaults_input_files(path) or len(essay_list(path)) > 1)


def input_files(source: Path) -> tuple[list[Path], list[str]]:
    """The manuscript's files ``source`` lists, in pandoc's order, each resolved from the folder pandoc runs in
    (the source's), and the bibliographies the same command names (pandoc's ``--bibliography``); a shell pattern
    (``chapters/*.md``) gives its files by name, as the shell does."""
    folder = source.parent
    if source.name in SETTINGS_FILES:
        return [folder / name for name in settings_list(source)], []
    if is_build_file(source):
        for words, _ in pandoc_commands(source):
            names = [n for n in pandoc_inputs(words, folder) if "$" not in n]
            if names:
                bibliographies = literal_files(pandoc_bibliographies(words, folder))
                return _expanded(folder, names), bibliographies
        return [], []
    if not defaults_input_files(source) and (listed := essay_list(source)):  # a MkDocs config's plugin option
        return [folder / name for name in listed], []
    return _expanded(folder, defaults_input_files(source)), pandoc_bibliographies(["-d", source.name], folder)


def _expanded(folder: Path, names: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in names:
        if glob.has_magic(name):  # as the shell matches it in ``folder``, whose own name is no pattern ("[draft]")
            files += sorted(folder / p for p in glob.glob(name, root_dir=folder))
        else:
            files.append(folder / name)
    return list(dict.fromkeys(files))


def settings_list(settings: Path) -> list[str]:
    """The files a settings file's ``essay`` list names (its validation has checked them)."""
    from ..config import read_toml, settings_table

    data = settings_table(settings.name, read_toml(settings)[1])
    listed = data.get("essay") if isinstance(data, dict) else None
    return [n for n in listed if isinstance(n, str)] if isinstance(listed, list) else []


def load_inputs(source: Path) -> Essay:
    """Read the files ``source`` lists (``input_files``) into one essay, as pandoc joins them."""
    from .quarto import read_chapters  # (with the Manubot reader it imports: not for ``listing_of`` alone)

    files, bibliographies = input_files(source)
    if not files:
        what = ("its essay setting lists no files" if source.name in SETTINGS_FILES else "no pandoc command in it "
                "names Markdown input files" if is_build_file(source) else "its input-files: lists no files")
        raise EssayError(what, path=str(source),
                         hint="name the manuscript's files on pandoc's command line, or list them in "
                              "litreview.toml: essay = [\"ch1.md\", \"ch2.md\"]")
    not_utf8: list[NotUtf8] = []
    chapters = [(path, read_text(path, what="input file", error=EssayError, not_utf8=not_utf8,
                                 hint=f"check the files {source.name} lists (the essay list, in a settings file)" if source.name in SETTINGS_FILES else f"check the files {source.name} lists")) for path in files]
    missing: list[tuple[str, int, str, str]] = []
    looked: list[Path] = []  # the files the chapters' includes and children were looked for at
    body, paragraphs = read_chapters(chapters, not_utf8, missing, looked=looked)
    if not paragraphs:
        raise EssayError("the input files have no paragraphs", path=str(source), hint="write the manuscript's text")
    read = [(path, text, *document_meta(text, str(path))) for path, text in chapters]
    meta = merge_meta(chapter_meta for _, _, chapter_meta, _, _ in read)
    fronts = []
    for n, (path, text, chapter_meta, _, body_line) in enumerate(read):
        later = {k for _, _, after, _, _ in read[n + 1:] for k in after}  # (a field a later file gives again: its)
        kept = {k: v for k, v in chapter_meta.items() if k not in later}
        fronts.append(file_front(text, kept, body_line, file=str(path)))
    if bibliographies:
        meta["bibliography"] = bibliographies if len(bibliographies) > 1 else bibliographies[0]
    essay = with_missing(noted(markdown_essay(str(source), body, meta, book_front(fronts) + paragraphs),
                               encoding_notices(not_utf8)), missing)
    return with_inputs(essay, files, looked)


def listing_of(path: Path, top: Path) -> Path | None:
    """The build file or defaults file in ``path``'s folder or one above it (up to ``top``) whose pandoc inputs
    are ``path`` and other files, the nearest first; None when none lists it among others."""
    target = path.resolve()
    for folder in folders_up(target.parent, top.resolve()):
        for candidate in build_files(folder, defaults=True):
            try:
                files = [f.resolve() for f in input_files(candidate)[0]]
            except (OSError, EssayError):
                continue
            if len(files) > 1 and target in files:
                return candidate
    return None
