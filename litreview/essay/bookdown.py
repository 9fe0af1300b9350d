"""A bookdown book: the chapters ``_bookdown.yml`` lists, or every ``.Rmd`` beside it (index.Rmd first),
read as one manuscript, as bookdown merges them.

bookdown joins the chapters' text as written, YAML blocks and all, and pandoc joins those blocks (``yaml_meta.merge_meta``):
the book's ``bibliography``, ``nocite`` and title are index.Rmd's front matter's unless a later block (a chapter's
front matter) gives them again. Each claim keeps its own chapter's file and line (``quarto.read_chapters``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import EssayError
from ..fileio import NotUtf8, nearest_file, read_text
from ..model import Essay
from . import (  # (BOOK_FILE there: checking a Markdown essay imports no reader)
    BOOK_FILE,
    PROJECT_RENDERING,
    encoding_notices,
    noted,
    output_file,
    output_settings,
    settings_notices,
    with_inputs,
    with_missing,
)
from .front import file_front
from .markdown import markdown_essay
from .quarto import project_settings, read_chapters
from .yaml_meta import document_meta, front_matter, merge_meta, missing_chapter


def chapter_files(project: Path) -> list[Path]:
    """The chapters in bookdown's order: ``rmd_files`` (a list, or per output format: html's first), else
    every .Rmd in the folder (and the ``rmd_subdir`` folders) not starting with ``_``, by name, index.Rmd first."""
    data = project_settings(project, what="bookdown settings")
    data = data if isinstance(data, dict) else {}
    folder = project.parent
    listed = data.get("rmd_files")
    if isinstance(listed, dict):
        listed = listed.get("html", next(iter(listed.values()), None))
    if isinstance(listed, list):
        return [folder / name for name in listed if isinstance(name, str)]
    subdir = data.get("rmd_subdir")
    folders = [folder] + ([p for p in folder.rglob("*") if p.is_dir()] if subdir is True else
                          [folder / s for s in subdir if isinstance(s, str)] if isinstance(subdir, list) else [])
    names = sorted({p for f in folders for p in f.glob("*") if p.suffix.lower() == ".rmd" and p.is_file()
                    and not p.name.startswith("_")}, key=lambda p: p.relative_to(folder).as_posix())
    index = [p for p in names if p.parent == folder and p.stem.lower() == "index"]
    return index + [p for p in names if p not in index]


def load_bookdown(project: Path) -> Essay:
    """Read the chapters of the bookdown book ``project`` (its ``_bookdown.yml``) into one essay."""
    files = chapter_files(project)
    if not files:
        raise EssayError("the book has no chapters (no .Rmd file beside it, no rmd_files:)", path=str(project),
                         hint="list the chapters under rmd_files:, or review one chapter file")
    not_utf8: list[NotUtf8] = []
    if absent := next((path for path in files if not path.exists()), None):
        raise missing_chapter(project, os.path.relpath(absent, project.parent).replace(os.sep, "/"), "rmd_files:")
    chapters = [(path, read_text(path, what="chapter", error=EssayError, not_utf8=not_utf8,
                                 hint=f"check rmd_files: in {project.name}")) for path in files]
    missing: list[tuple[str, int, str, str]] = []
    looked: list[Path] = []  # the files the chapters' includes and children were looked for at
    body, paragraphs = read_chapters(chapters, not_utf8, missing, looked=looked)
    if not paragraphs:
        raise EssayError("the chapters have no paragraphs", path=str(project), hint="write the chapters' text")
    first, _, body_line = front_matter(chapters[0][1], str(files[0]))
    paragraphs = file_front(chapters[0][1], first, body_line, file=str(files[0])) + paragraphs
    joined = book_meta(chapters)
    meta: dict[str, Any] = {k: joined[k] for k in ("bibliography", "nocite", "title") if k in joined}
    if output := output_settings(project.parent):  # the formats bookdown builds: how the bibliography is printed
        meta[PROJECT_RENDERING] = output
    unread = [] if output else settings_notices(output_file(project.parent), "bookdown")
    essay = with_missing(noted(markdown_essay(str(project), body, meta, paragraphs),
                               [*encoding_notices(not_utf8), *unread]), missing)
    return with_inputs(essay, files, looked)


def book_meta(chapters: list[tuple[Path, str]]) -> dict[str, Any]:
    """The metadata of the book whose chapters (path, text) are given, in bookdown's order: every YAML block of every
    chapter, joined as pandoc joins the blocks of the text bookdown makes of them (a later block's field wins)."""
    return merge_meta([document_meta(text, str(path))[0] for path, text in chapters])


def book_of(path: Path) -> tuple[Path, dict[str, Any]]:
    """The folder and metadata (``book_meta``) of the bookdown book a chapter belongs to (a ``_bookdown.yml`` in its
    folder or above), as bookdown builds every chapter within the book; {} outside one."""
    project = book_file(path)
    if project is None:
        return Path(path).parent, {}
    try:
        files = chapter_files(project)
        return project.parent, book_meta([(f, read_text(f, what="chapter", error=EssayError)) for f in files])
    except EssayError:
        return project.parent, {}


def book_file(path: Path) -> Path | None:
    """The ``_bookdown.yml`` in the folder of ``path`` or the nearest above it; None when there is none."""
    return nearest_file(path, (BOOK_FILE,))
