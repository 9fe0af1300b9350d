"""The essay under review, read into paragraphs and sentence claims with their citation markers.

One reader per format, chosen by ``load_essay`` from the path: a folder is a Manubot ``content/``,
``.tex`` is LaTeX, anything else is Markdown as pandoc reads it (``.md``, ``.qmd``, ``.Rmd``).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import EssayError
from ..fileio import read_text
from ..model import Essay
from .markdown import parse_markdown
from .segment import CONTEXT, normalise_space

__all__ = ["CONTEXT", "load_essay", "normalise_space", "parse_essay"]


def load_essay(path: str | os.PathLike[str]) -> Essay:
    """Read and segment the essay at ``path`` with the reader its form calls for; EssayError on bad input."""
    where = Path(path)
    if where.is_dir():
        from .manubot import load_manubot

        return load_manubot(where)
    text = read_text(path, what="essay", error=EssayError,
                     hint="check the path, or set it with --essay or [tool.litreview] essay")
    if where.suffix.lower() in (".tex", ".ltx", ".latex"):
        from .latex import parse_latex

        return parse_latex(text, str(path))
    return parse_markdown(text, str(path))


def parse_essay(text: str, path: str = "<string>") -> Essay:
    """Split Markdown text into front matter, paragraphs and sentence claims."""
    return parse_markdown(text, path)
