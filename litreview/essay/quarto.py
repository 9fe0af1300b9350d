"""A Quarto book: the chapters ``_quarto.yml`` lists, read as one manuscript, as ``quarto render`` joins them.

Each chapter is Markdown as pandoc reads it (its front matter blanked); claims keep their own file and
line. The project's ``bibliography`` and title are the essay's front matter.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import EssayError
from ..fileio import read_text
from ..model import Essay
from .manubot import Lines
from .markdown import front_matter, nocite_keys, read_body

PROJECT_FILES = ("_quarto.yml", "_quarto.yaml")
_CHAPTER_SUFFIXES = (".qmd", ".md", ".rmd")


def load_quarto(project: Path) -> Essay:
    """Read the chapters of the Quarto book ``project`` (its ``_quarto.yml``) into one essay."""
    import yaml

    text = read_text(project, what="Quarto project", error=EssayError, hint="save the file as UTF-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise EssayError(f"not valid YAML: {getattr(exc, 'problem', None) or exc}", path=str(project),
                         line=mark.line + 1 if mark else None, hint="fix the YAML") from None
    book = data.get("book") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(book, dict):
        book = {}
    names = _chapters(book)
    if not names:
        raise EssayError("the project lists no chapters (book: chapters:)", path=str(project),
                         hint="list the chapters under book: chapters:, or review one chapter file")
    parts: list[tuple[str, int]] = []
    chunks: list[str] = []
    offset = 0
    for name in names:
        path = project.parent / name
        if path.suffix.lower() not in _CHAPTER_SUFFIXES:
            raise EssayError(f"chapter {name} is not a Markdown file (.qmd, .md, .Rmd)", path=str(project),
                             hint="litreview reads Markdown chapters; review the others separately")
        chapter = read_text(path, what="chapter", error=EssayError,
                            hint=f"check the chapter list in {project.name}")
        _, body, body_line = front_matter(chapter, str(path))
        chunk = "\n" * (body_line - 1) + body  # the front matter blanked: lines keep their numbers
        parts.append((str(path), offset))
        chunks.append(chunk)
        offset += len(chunk) + 2
    body = "\n\n".join(chunks)
    lines = Lines(body, parts)
    paragraphs = []
    for paragraph in read_body(body, 1):
        claims = []
        for claim in paragraph.claims:
            file, line = lines(claim.start)
            claims.append(replace(claim, file=file, line=line))
        paragraphs.append(replace(paragraph, claims=tuple(claims)))
    if not paragraphs:
        raise EssayError("the chapters have no paragraphs", path=str(project), hint="write the chapters' text")
    meta: dict[str, Any] = {k: data[k] for k in ("bibliography", "nocite") if k in data}
    if isinstance(book.get("title"), str):
        meta["title"] = book["title"]
    return Essay(path=str(project), body=body, meta=meta, paragraphs=tuple(paragraphs), body_line=1,
                 format="markdown", nocite=nocite_keys(meta),
                 marked=any(c.citations for p in paragraphs for c in p.claims))


def _chapters(book: dict[str, Any]) -> list[str]:
    """The chapter files in reading order: ``chapters`` then ``appendices``, parts opened."""
    names: list[str] = []
    for item in [*(book.get("chapters") or ()), *(book.get("appendices") or ())]:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            inner = item.get("chapters") or ()
            names.extend(n for n in inner if isinstance(n, str))
            part = item.get("part")
            if isinstance(part, str) and re.search(r"\.(qmd|md|rmd)$", part, re.I):
                names.insert(len(names) - len(inner), part)  # a part's own page comes before its chapters
    return names
