"""The essay under review, read into paragraphs and sentence claims with their citation markers.

One reader per format, chosen by ``load_essay`` from the path: a folder is a Manubot ``content/``,
``_quarto.yml`` a Quarto book's chapters, ``.tex`` (``cache.LATEX_SUFFIXES``) is LaTeX, anything else
is Markdown as pandoc reads it (``.md``, ``.qmd``, ``.Rmd``).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..cache import LATEX_SUFFIXES  # kept there: a warm run imports no reader
from ..errors import EssayError
from ..fileio import read_text
from ..model import Essay
from .markdown import parse_markdown
from .quarto import PROJECT_FILES
from .segment import CONTEXT, normalise_space

__all__ = ["CONTEXT", "check_manuscript", "load_essay", "normalise_space", "parse_essay"]

_NOT_PROSE = frozenset({".yml", ".yaml", ".json", ".bib", ".toml", ".csl", ".ris", ".ipynb", ".docx", ".pdf"})
"""Suffixes of settings and data files: read as Markdown, their keys would be reviewed as sentences."""


def check_manuscript(path: Path) -> None:
    """EssayError when ``path`` is a settings or data file (``_quarto.yml``, a .bib), not a manuscript."""
    suffix = path.suffix.lower()
    if suffix not in _NOT_PROSE or path.name in PROJECT_FILES:
        return
    if path.name == "_bookdown.yml":
        hint = "give one chapter (e.g. index.Rmd): litreview reads one file, not a bookdown book's chapters together"
    else:
        hint = "give the manuscript: a Markdown, Quarto (.qmd), R Markdown (.Rmd) or LaTeX file, or a Manubot content/ folder"
    raise EssayError(f"a {suffix} file is not a manuscript", path=str(path), hint=hint)


def load_essay(path: str | os.PathLike[str]) -> Essay:
    """Read and segment the essay at ``path`` with the reader its form calls for; EssayError on bad input."""
    where = Path(path)
    if where.is_dir():
        from .manubot import load_manubot

        return load_manubot(where)
    check_manuscript(where)
    if where.name in PROJECT_FILES:
        from .quarto import load_quarto

        return load_quarto(where)
    text = read_text(path, what="essay", error=EssayError,
                     hint="check the path, or set it with --essay or [tool.litreview] essay")
    if where.suffix.lower() in LATEX_SUFFIXES:
        from .latex import parse_latex

        return parse_latex(text, str(path))
    if "{{<" in text and where.suffix.lower() == ".qmd":  # Quarto shortcodes: includes read, the rest blanked
        from .quarto import load_quarto_file

        return load_quarto_file(where, text)
    return parse_markdown(text, str(path))


def parse_essay(text: str, path: str = "<string>") -> Essay:
    """Split Markdown text into front matter, paragraphs and sentence claims."""
    return parse_markdown(text, path)
