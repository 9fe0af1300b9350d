"""The essay under review, read into paragraphs and sentence claims with their citation markers.

One reader per format, chosen by ``load_essay`` from the path: a folder is a Manubot ``content/``,
``_quarto.yml`` a Quarto book's chapters, ``_bookdown.yml`` a bookdown book's, a build file (Makefile, shell
script), pandoc defaults file or settings file listing a pandoc manuscript's files those files, ``.tex``
(``cache.LATEX_SUFFIXES``) is LaTeX, ``.ipynb`` a Jupyter notebook read for its Markdown cells,
anything else is Markdown as pandoc reads it (``.md``, ``.qmd``, ``.Rmd``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..cache import LATEX_SUFFIXES, PROJECT_FILES, knitting_files  # kept there: a warm run imports no reader
from ..errors import EssayError
from ..fileio import NotUtf8, codec_name, nearest_file, read_text
from ..lazyre import lazy
from ..model import Essay
from ..spans import delimited
from .markdown import parse_markdown
from .segment import CONTEXT, normalise_space

__all__ = ["BIBLATEX", "BIBTEX", "BOOKS", "BOOK_FILE", "CALLOUT_TITLE", "CAPTIONED", "CHILD_CHUNK", "CONTEXT", "IN_BOOK", "MANUSCRIPT_SUFFIXES", "MISSING_INPUTS", "NOTICES",
           "PROJECT_FILES", "PROJECT_RENDERING", "PROSE_CHUNK", "check_manuscript", "enclosing_book", "enclosing_inputs", "lists_inputs", "load_essay", "manuscripts_in",
           "normalise_space", "noted", "output_file", "output_settings", "parse_essay", "settings_notices", "with_inputs", "with_missing"]

# Here rather than in the readers that use them, so that reading or checking a Markdown essay imports
# no other reader (the Quarto, bookdown, Manubot and LaTeX ones, and the csv module). PROJECT_FILES, the names of a
# Quarto project file (read as a book of chapters), is the cache's, which keys a file of a project on it.
BOOK_FILE = "_bookdown.yml"
"""The name of a bookdown book's settings file, read as a book of chapters."""
BOOKS = (*PROJECT_FILES, BOOK_FILE)
"""The settings files that stand for a whole book (Quarto's, bookdown's): their chapters are the essay."""
MISSING_INPUTS = "missing-inputs"
"""The essay's ``meta`` key where the readers list the files the manuscript includes that are not found, as (file,
line, name, command as written: ``\\include``, or ``CHILD_CHUNK``): LaTeX's ``\\input`` files, R Markdown's
child documents."""
CHILD_CHUNK = "child"
"""The command of a ``MISSING_INPUTS`` entry that is an R Markdown child chunk's file (```` ```{r child="a.Rmd"} ````)."""
NOTICES = "litreview-notices"
"""The essay's ``meta`` key where a reader lists what it read otherwise than the manuscript's tool might, as
(kind, file, line, message, hint): a file not in UTF-8 read in its certain encoding (``essay-not-utf8``), an
empty key in a LaTeX citation (``empty-citation-key``), a merge conflict git left in a file (``merge-conflict``). ``checks.notices`` reports them."""
BIBTEX = "litreview-bibtex"
"""The essay's ``meta`` key the LaTeX reader sets (True) for a paper built with BibTeX, not biblatex/biber:
``\\bibliography`` or ``\\bibliographystyle`` and no biblatex. BibTeX reads no ``ids`` (aliases): a citation of one finds no entry."""
GLOBBED = "litreview-globbed-bibliography"
"""The essay's ``meta`` key the LaTeX reader sets (True) when a resource's pattern (biblatex's ``glob``) gave its
bibliography files: a file added later that matches is read too, so the files read once are no lasting list."""
BIBLATEX = "litreview-biblatex"
"""The essay's ``meta`` key the LaTeX reader sets (True) for a paper that loads biblatex: its entries are read by
biblatex's data model (date, journaltitle), whether biber or BibTeX (``backend=bibtex``) sorts them."""
CAPTIONED = lazy(r"^[ \t]*#\|[ \t]*(?:fig|tbl|lst)-(?:sub)?cap\b|\bfig\.cap\s*=|\bk(?:able|bl)[ \t]*\(", re.M)
"""A caption in a code chunk's options (``#| fig-cap:``, knitr's ``fig.cap =``) or a table knitr makes (``kable(x,
caption = "…")``, ``kable.kable_captions``): a Quarto or R Markdown file
holding one is read by segments, the captions after their chunks (``quarto.load_quarto_file``)."""
CALLOUT_TITLE = lazy(r"^ {0,3}:{3,}[ \t]*\{(?=[^\n]*\.callout\b)(?=[^\n]*\btitle=)[^\n]*@[^\n]*\}[ \t]*\r?$", re.M)
"""A Quarto callout's fence whose ``title="…"`` may cite (Quarto reads the title as Markdown, as the heading it
stands for): a .qmd (or a .md Quarto renders) holding one is read by segments, the title a paragraph at the
fence's line; so are a notebook's Markdown cells."""
PROSE_CHUNK = lazy(r"^[ \t]*`{3,}[ \t]*\{[ \t]*(?:theorem|lemma|corollary|proposition|conjecture|definition|example"
                   r"|exercise|hypothesis|proof|remark|solution|block2?|asis)\b", re.M)
"""An R Markdown chunk whose content knitr writes out as Markdown (bookdown's theorem and proof engines, the
block, block2 and asis engines): read as prose, not as code (``quarto.prose_chunks``)."""
PROJECT_RENDERING = "litreview-project-rendering"
"""The meta key a file of a Quarto project gets when the project's settings say how to render it (their
``format`` and ``cite-method``), which quarto merges into the file's own front matter."""
IN_BOOK = "litreview-in-book"
"""The meta key a one-file essay gets when it is one chapter of a book: the book's settings file."""


def enclosing_book(path: Path) -> Path | None:
    """The settings file (_quarto.yml, _bookdown.yml) of the Quarto project or bookdown book ``path`` is one
    file of, found in its folder or above as quarto and bookdown find it; None for a book's own settings."""
    if path.name in BOOKS:
        return None
    found = nearest_file(path, BOOKS)
    if found is not None and found.name in PROJECT_FILES:
        from .quarto import has_other_parts

        return found if has_other_parts(found, Path(path)) else None
    return found

def _joined_by(path: Path) -> Path | None:
    """The build file or defaults file in the Markdown file's folder or the one above whose pandoc command joins it
    with other files (``enclosing_inputs``): read alone, it is one chapter of that manuscript. Its reader is
    imported only when such a file is there."""
    from ..pandoc_options import YAML_SUFFIXES, is_build_file, reads_as_markdown

    folder = path.absolute().parent
    top = folder.parent
    if not reads_as_markdown(path):
        return None
    try:
        near = any(is_build_file(p) or p.suffix.lower() in YAML_SUFFIXES
                   for f in dict.fromkeys((folder, top)) for p in f.iterdir())
    except OSError:
        return None
    return enclosing_inputs(path, top) if near else None


def knitted_by(path: Path) -> Path | None:
    """The R Markdown or Quarto file in the folder of ``path`` or one of the ``KNITTING_LEVELS`` above (of those
    ``cache.knitting_files`` gives, the warm run's key holding each that names ``path``) whose child
    chunk knits ``path`` (```` ```{r, child = 'thesis/03/lit.Rmd'} ````, named from the knitting file's folder, or by
    here::here() from its project's root): read alone, ``path`` is one chapter of that document; None when none
    does."""
    own = path.resolve()
    for folder, parent in knitting_files(path):
        try:
            text = parent.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if path.name not in text:
            continue
        # the chunk reader, for a file that names it only (most essays have none near them)
        from .knitr_chunks import child_chunks, project_root

        for _, _, names, kind in child_chunks(text):
            base = project_root(folder) if kind == "here" else folder
            if any((base / name).resolve() == own for name in names):
                return parent
    return None


def enclosing_inputs(path: Path, top: Path) -> Path | None:
    """The file listing the files pandoc joins into one manuscript (``pandoc_inputs.input_files``) that lists
    ``path`` among others: a build file or pandoc defaults file in its folder or one above it, up to ``top``,
    the nearest first; None when none does (a file pandoc reads alone stays a manuscript of its own)."""
    from .pandoc_inputs import listing_of

    return listing_of(Path(path), Path(top))

_NOT_PROSE = frozenset({".yml", ".yaml", ".json", ".bib", ".toml", ".csl", ".ris", ".docx", ".pdf"})
"""Suffixes of settings and data files: read as Markdown, their keys would be reviewed as sentences."""


def check_manuscript(path: Path) -> None:
    """EssayError when ``path`` is a settings or data file (``_quarto.yml``, a .bib), not a manuscript."""
    suffix = path.suffix.lower()
    if path.name in BOOKS or lists_inputs(path):
        return
    hint = "give the manuscript: a Markdown, Quarto (.qmd), R Markdown (.Rmd), LaTeX or Jupyter (.ipynb) file, " \
           "a book's _quarto.yml or _bookdown.yml, or a Manubot content/ folder"
    if suffix in _NOT_PROSE:
        raise EssayError(f"a {suffix} file is not a manuscript", path=str(path), hint=hint)
    from ..pandoc_options import other_format

    if form := other_format(path):  # read as Markdown, its markup would be reviewed as sentences
        raise EssayError(f"pandoc reads a {suffix} file as {form}, not Markdown; litreview reads Markdown, Quarto, "
                         "R Markdown, LaTeX and Jupyter manuscripts", path=str(path),
                         hint=f"convert it (pandoc {path.name} -t markdown -o {path.stem}.md) and review that; if it "
                              "is Markdown, give it a Markdown name (.md), as pandoc needs to read it so")


MANUSCRIPT_SUFFIXES = (".md", ".markdown", ".qmd", ".rmd", ".ipynb", *LATEX_SUFFIXES)
"""The suffixes of the manuscript files litreview reads (lower case)."""
_NOT_MANUSCRIPTS = ("readme", "changelog", "license", "licence", "contributing", "code_of_conduct", "news", "authors")


def manuscripts_in(folder: Path) -> list[str]:
    """The names of what ``init`` could review in ``folder``: its manuscript files (not a README or a licence), a
    book's settings file, and a Manubot ``content/`` folder; for a hint when no essay was named."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    found = [p.name for p in entries if p.is_file() and (p.name in BOOKS or (
        p.suffix.lower() in MANUSCRIPT_SUFFIXES and p.stem.lower() not in _NOT_MANUSCRIPTS))]
    content = folder / "content"
    if content.is_dir() and any(p.suffix.lower() == ".md" for p in content.iterdir()):
        found.append("content")
    books = [name for name in found if name in BOOKS]
    return books or found  # a book's chapters are reviewed through its settings file


_READINGS: ContextVar[dict[tuple[object, ...], Essay] | None] = ContextVar("litreview_essay_readings", default=None)


@contextmanager
def read_once() -> Iterator[None]:
    """Within the block, an essay asked for again (the same file, unchanged, or the same Markdown text) is not read
    again: a command that asks several questions of one essay (``init``: its title, its citations, its reference
    list, the keys a bibliography holds) reads and segments it once. Outside the block every call reads."""
    token = _READINGS.set({})
    try:
        yield
    finally:
        _READINGS.reset(token)


def _remembered(key: tuple[object, ...], read: Callable[[], Essay]) -> Essay:
    """``read()``, or within ``read_once`` what it gave for ``key`` before (an error is raised again each time)."""
    readings = _READINGS.get()
    if readings is None:
        return read()
    if key not in readings:
        readings[key] = read()
    return readings[key]


def _file_key(path: str | os.PathLike[str]) -> tuple[object, ...]:
    where = Path(path)
    try:
        stat = where.stat()
    except OSError:
        return ("file", str(where))
    return ("file", str(where.resolve()), stat.st_mtime_ns, stat.st_size)


def load_essay(path: str | os.PathLike[str]) -> Essay:
    """Read and segment the essay at ``path`` with the reader its form calls for; EssayError on bad input. Its
    files' merge conflicts are noted (``merge-conflict``)."""
    return _remembered(_file_key(path), lambda: _load_essay(path))


def _load_essay(path: str | os.PathLike[str]) -> Essay:
    essay = _read_essay(path)
    files = dict.fromkeys([*(() if Path(essay.path).is_dir() else (essay.path,)), *(c.file for c in essay.claims if c.file)])
    return noted(essay, [n for file in files for n in conflict_notices(Path(file))])


_VERBATIM = lazy(r"^[ \t]*\\(?:begin|end)\{(?:verbatim|lstlisting|minted|Verbatim)\}", re.M)
"""A line opening or closing a LaTeX verbatim environment: a tutorial's conflict markers shown in one are no conflict."""
_COMMENT_OPENS = lazy(r"<!--")


def conflict_notices(path: Path) -> list[Notice]:
    """A notice for each merge conflict git left in the manuscript file ``path`` (``<<<<<<<``, ``=======``,
    ``>>>>>>>`` at a line's start; ``bibliography.prescan.conflicts`` finds them), outside code blocks (a Markdown
    file's as the Markdown reader reads them, a LaTeX file's verbatim environments) and HTML comments: pandoc and
    LaTeX print both sides, and the markers, as text."""
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return []
    if "=======" not in text:
        return []
    from ..bibliography.prescan import conflicts

    found = conflicts(text, str(path), effect="pandoc and LaTeX print both sides, and the markers, as text",
                      hint="Keep the lines of each side that belong and delete the marker lines")
    if not found:
        return []
    if path.suffix.lower() in LATEX_SUFFIXES:
        fences = [text.count("\n", 0, m.start()) + 1 for m in _VERBATIM.finditer(text)]
        return [("merge-conflict", str(path), f.line or 1, f.message, f.hint) for f, lines in found
                if sum(n < lines.start for n in fences) % 2 == 0]
    hidden = _unprinted_lines(text)
    return [("merge-conflict", str(path), f.line or 1, f.message, f.hint) for f, lines in found
            if lines.start - 1 not in hidden]


def _unprinted_lines(text: str) -> set[int]:
    """The lines (from 0) of a Markdown ``text`` that pandoc prints as no text of the document: its code blocks, as
    the Markdown reader reads them (a fence closes only on its own character repeated as often), and from where an
    HTML comment begins to where it ends."""
    from .md_blocks import code_lines

    lines = text.split("\n")
    code = code_lines(text)
    hidden = set(code)
    prose = "\n".join("" if n in code else line for n, line in enumerate(lines))
    for m, _, end in delimited(prose, _COMMENT_OPENS, lambda _: "-->"):
        first = prose.count("\n", 0, m.start())
        hidden.update(range(first + (prose[m.start() - 1:m.start()] not in ("", "\n")),
                            prose.count("\n", 0, end) + 1))
    return hidden


def lists_inputs(path: Path) -> bool:
    """Whether ``path`` lists the files of a manuscript pandoc joins (``pandoc_inputs.is_inputs_source``): a build
    file, a pandoc defaults file, litreview's settings file; read without importing that reader otherwise."""
    from ..pandoc_options import YAML_SUFFIXES, is_build_file

    if path.name in BOOKS or not (is_build_file(path) or path.suffix.lower() in (*YAML_SUFFIXES, ".toml")):
        return False
    from .pandoc_inputs import is_inputs_source

    return is_inputs_source(path)


def _read_essay(path: str | os.PathLike[str]) -> Essay:
    where = Path(path)
    if where.is_dir():
        from .manubot import load_manubot

        return load_manubot(where)
    if lists_inputs(where):
        from .pandoc_inputs import load_inputs

        return load_inputs(where)
    check_manuscript(where)
    if where.name in PROJECT_FILES:
        from .quarto import load_quarto

        return load_quarto(where)
    if where.name == BOOK_FILE:
        from .bookdown import load_bookdown

        return load_bookdown(where)
    not_utf8: list[NotUtf8] = []
    if where.suffix.lower() in LATEX_SUFFIXES:
        from .latex import declared_encoding, parse_latex

        text = read_text(path, what="essay", error=EssayError, not_utf8=not_utf8, declared=declared_encoding,
                         hint="check the path, or set it with --essay or [tool.litreview] essay")
        return parse_latex(text, str(path), not_utf8=not_utf8)
    text = read_text(path, what="essay", error=EssayError, not_utf8=not_utf8,
                     hint="check the path, or set it with --essay or [tool.litreview] essay")
    suffix = where.suffix.lower()
    if suffix == ".rmd" and PROSE_CHUNK.search(text):
        from .quarto import prose_chunks

        text = prose_chunks(text)
    if suffix == ".ipynb":
        from .notebook import load_notebook

        essay = load_notebook(where, text)
    # Quarto shortcodes (includes read, the rest blanked), R Markdown's child documents, chunks' captions,
    # callouts' titles.
    elif (("{{<" in text and suffix == ".qmd") or ("child" in text and suffix in (".rmd", ".qmd"))
          or (suffix in (".qmd", ".rmd") and "cap" in text and CAPTIONED.search(text))
          or (suffix in (".qmd", ".md") and "title=" in text and CALLOUT_TITLE.search(text)
              and (suffix == ".qmd" or _in_quarto_project(where)))):
        from .quarto import load_quarto_file

        essay = load_quarto_file(where, text, not_utf8)
    else:
        essay = _remembered(("markdown", text, str(path)), lambda: parse_markdown(text, str(path)))
    if suffix == ".txt":
        from .sections import plain_text_headings

        essay = plain_text_headings(essay)
    if suffix in (".qmd", ".md", ".rmd") and _in_quarto_project(where):
        from .cites import crossref_kinds
        from .markdown import without_crossrefs
        from .quarto import project_of

        # the project's cross-reference kinds apply to its files (their own: read with their front matter)
        settings = project_of(where)[1]
        essay = noted(essay, settings_notices(nearest_file(where, PROJECT_FILES), "quarto render"))
        essay = without_crossrefs(essay, crossref_kinds(settings))
        rendering = {k: settings[k] for k in ("format", "cite-method") if k in settings}
        if rendering:  # quarto merges them into the file's own: how the bibliography is printed
            essay = replace(essay, meta={**essay.meta, PROJECT_RENDERING: rendering})
    if suffix == ".rmd" and PROJECT_RENDERING not in essay.meta and (output := output_settings(where.parent)):
        essay = replace(essay, meta={**essay.meta, PROJECT_RENDERING: output})  # rmarkdown::render reads them too
    elif suffix == ".rmd" and PROJECT_RENDERING not in essay.meta:
        essay = noted(essay, settings_notices(output_file(where.parent), "rmarkdown::render"))
    essay = noted(essay, encoding_notices(not_utf8))
    book = enclosing_book(where) or _joined_by(where) or knitted_by(where)
    return essay if book is None else replace(essay, meta={**essay.meta, IN_BOOK: str(book)})


Notice = tuple[str, str, int, str, str]
"""(kind, file, line, message, hint): one entry of an essay's ``NOTICES``."""


def encoding_notices(read: list[NotUtf8]) -> list[Notice]:
    """A notice for each file read in another encoding than UTF-8."""
    return [("essay-not-utf8", f.path, 1, f"{Path(f.path).name} is not UTF-8: read as {codec_name(f.codec)}"
             + (f", as its {f.declared} declares" if f.declared else " (detected; it declares no encoding)"),
             f.hint) for f in read]


def noted(essay: Essay, notices: list[Notice]) -> Essay:
    """``essay`` with ``notices`` added to its ``NOTICES``."""
    if not notices:
        return essay
    return replace(essay, meta={**essay.meta, NOTICES: [*(essay.meta.get(NOTICES) or ()), *notices]})


def with_missing(essay: Essay, missing: list[tuple[str, int, str, str]]) -> Essay:
    """``essay`` with the included files not found (``missing``, each once) added to its ``MISSING_INPUTS``."""
    if not missing:
        return essay
    known = list(essay.meta.get(MISSING_INPUTS) or ())
    return replace(essay, meta={**essay.meta, MISSING_INPUTS: list(dict.fromkeys([*known, *missing]))})


def output_file(folder: Path) -> Path | None:
    """The ``_output.yml`` (or ``_output.yaml``) in ``folder``, or None."""
    return next((folder / name for name in ("_output.yml", "_output.yaml") if (folder / name).is_file()), None)


def output_settings(folder: Path) -> dict[str, Any]:
    """The output formats of the ``_output.yml`` in ``folder`` (``{"output": {...}}``, as a front matter gives them),
    which rmarkdown::render and bookdown read for a document or book there that names none itself; {} when there is
    none, or it cannot be read (``settings_notices`` tells it)."""
    from .quarto import project_settings

    if (file := output_file(folder)) is None:
        return {}
    try:
        data = project_settings(file, what="R Markdown output settings")
    except EssayError:
        return {}
    return {"output": data} if isinstance(data, dict) else {}


def settings_notices(file: Path | None, renders: str) -> list[Notice]:
    """A notice (LR325) when the settings ``file`` a document is rendered with (an ``_output.yml``, a ``_quarto.yml``)
    cannot be read: ``renders`` (the command that reads it) stops on it; the document is read without them. YAML
    litreview refuses as a bound on untrusted text (an alias) is said to be so: ``renders`` reads it."""
    from .quarto import project_settings
    from .yaml_meta import YamlBoundError

    if file is None:
        return []
    try:
        project_settings(file, what="settings file")
    except YamlBoundError as exc:
        where = f" on line {exc.line}" if exc.line else ""
        return [("settings-unreadable", str(file), exc.line or 1,
                 f"{exc.message}: {renders} reads the file, but litreview does not (a bound it keeps on the YAML it "
                 f"reads), so it read the document without {file.name}'s settings (how the bibliography is printed "
                 "among them)",
                 f"{exc.hint[:1].upper()}{exc.hint[1:]} in {file.name}{where}, so that litreview reads the "
                 f"settings {renders} renders with")]
    except EssayError as exc:
        where = f" on line {exc.line}" if exc.line else ""
        return [("settings-unreadable", str(file), exc.line or 1,
                 f"{exc.message}: {renders} stops on it, so the document does not render (litreview read it without "
                 f"{file.name}'s settings)",
                 f"Fix the YAML of {file.name}{where}: {renders} reads how the document is rendered from it (and how "
                 "its bibliography is printed)")]
    return []


def with_inputs(essay: Essay, chapters: list[Path], looked: list[Path]) -> Essay:
    """``essay`` (a book's, or the files a listing joins) with its ``chapters`` and the files their includes and
    children were ``looked`` for at as its ``inputs``: the warm cache keys on those outside the book's folder, a
    chapter with no sentence yet too."""
    return replace(essay, inputs=tuple(dict.fromkeys(str(file) for file in (*chapters, *looked, *map(Path, essay.inputs)))))


def _in_quarto_project(path: Path) -> bool:
    """Whether Quarto renders the Markdown file ``path`` (a _quarto.yml in its folder or above), reading a
    callout's title as Markdown; pandoc alone keeps it an attribute, in which nothing is cited."""
    return nearest_file(path, PROJECT_FILES) is not None


def parse_essay(text: str, path: str = "<string>") -> Essay:
    """Split Markdown text into front matter, paragraphs and sentence claims."""
    return _remembered(("markdown", text, path), lambda: parse_markdown(text, path))
