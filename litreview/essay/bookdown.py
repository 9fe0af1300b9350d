"""A bookdown book: the chapters ``_bookdown.yml`` lists, or every ``.Rmd`` beside it (index.Rmd first),
read as one manuscript, as bookdown merges them.

The first chapter's front matter (index.Rmd's) is the book's: its ``bibliography``, ``nocite`` and title.
Each claim keeps its own chapter's file and line (the Quarto reader's joining, ``quarto.read_chapters``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import EssayError
from ..fileio import NotUtf8, read_text
from ..model import Essay
from . import (  # (BOOK_FILE there: checking a Markdown essay imports no reader)
    BOOK_FILE,
    encoding_notices,
    noted,
)
from .front import file_front
from .markdown import markdown_essay
from .quarto import project_settings, read_chapters
from .yaml_meta import front_matter


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
    chapters = [(path, read_text(path, what="chapter", error=EssayError, not_utf8=not_utf8,
                                 hint=f"check rmd_files: in {project.name}")) for path in files]
    body, paragraphs = read_chapters(chapters, not_utf8)
    if not paragraphs:
        raise EssayError("the chapters have no paragraphs", path=str(project), hint="write the chapters' text")
    first, _, body_line = front_matter(chapters[0][1], str(files[0]))
    paragraphs = file_front(chapters[0][1], first, body_line, file=str(files[0])) + paragraphs
    meta: dict[str, Any] = {k: first[k] for k in ("bibliography", "nocite", "title") if k in first}
    return noted(markdown_essay(str(project), body, meta, paragraphs), encoding_notices(not_utf8))


def book_of(path: Path) -> tuple[Path, dict[str, Any]]:
    """The folder and first chapter's front matter of the bookdown book a chapter belongs to (a
    ``_bookdown.yml`` in its folder or above), as bookdown gives every chapter index.Rmd's; {} outside one."""
    for folder in Path(path).absolute().parents:
        project = folder / BOOK_FILE
        if project.is_file():
            try:
                files = chapter_files(project)
                meta = front_matter(read_text(files[0], what="chapter", error=EssayError), str(files[0]))[0]
            except (EssayError, IndexError):
                return folder, {}
            return folder, meta
    return Path(path).parent, {}
