"""The bibliography files an essay names (its front matter's ``bibliography:``, its book's, LaTeX's
``\\bibliography``), as pandoc and LaTeX find them, and those it names that the settings leave unread."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .lazyre import lazy
from .model import Bibliography, UnreadBibliographies

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .model import Essay


def unread_bibliographies(essay: Essay, bibliography: Bibliography, root: Path) -> UnreadBibliographies:
    """The files the essay names as its bibliography that exist but were not read (the settings name others),
    each with the line of the essay naming it, and the setting that reads them all. A file whose entries the
    files read hold whole (a combined copy) is read in effect: not listed. Also the files it names that do not
    exist (``missing``)."""
    from .fileio import relative_name

    read = [Path(f) for f, _ in bibliography.files if f and Path(f).is_file()]  # (not the front matter's references)
    done = {r.resolve() for r in read}
    folder, names = _names_of(essay)
    named = [(name, folder / name) for name in names if not is_remote(name)]
    unread = [(name, p) for name, p in named if p.is_file() and p.resolve() not in done
              and not _keys_of(p) <= set(bibliography.keys)]
    # Missing: not beside the essay, nor where pandoc run from the review's folder finds it, nor a file read by
    # that name (the settings' stand-in for it).
    missing = [(name, p) for name, p in named if not p.is_file() and not (root / name).is_file()
               and p.name not in {r.name for r in read}]
    if missing and essay.format == "latex":  # BibTeX and biber find a distribution's files (IEEEabrv) by name
        from .essay.tex_shipped import tex_finds

        missing = [(name, p) for name, p in missing if not tex_finds(name)]
    if missing:  # a file the document's own code writes when built (bookdown's knitr::write_bib)
        written = _written_bibliographies(essay, folder)
        missing = [(name, p) for name, p in missing if p.name not in written]
    lacking = {c.key for claim in essay.claims for c in claim.citations or ()} - set(bibliography.keys)
    beside = _beside(folder, {*done, *(p.resolve() for _, p in unread)}, lacking) if lacking else ()
    if not unread and not missing:
        return UnreadBibliographies(beside=beside)
    lines = _naming_lines(essay, [name for name, _ in [*unread, *missing]])
    setting = tuple(relative_name(p.resolve(), root.resolve(), up=True) for p in [*read, *(p for _, p in unread)])
    return UnreadBibliographies(files=tuple((p.name, lines.get(name)) for name, p in unread),
                                setting=setting if unread else (),
                                missing=tuple((name, lines.get(name)) for name, _ in missing),
                                named_by="" if bibliography_names(essay.meta) else _book_file(folder),
                                beside=beside)


def _beside(folder: Path, read: set[Path], lacking: set[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The .bib files in ``folder`` not among ``read`` (resolved paths), each with those of its keys that are
    ``lacking`` (the keys cited that no file read holds; a file that cannot be read holds none)."""
    from .cache import bibtex_files

    return tuple((p.name, tuple(sorted(keys))) for p in bibtex_files(folder) if p.resolve() not in read
                 and (keys := _keys_of(p) & lacking))


_WRITE_BIB = lazy(r"\bwrite[._]bib\s*\(")
"""An R call that writes a .bib file when the document is built: knitr's ``write_bib``, bibtex's ``write.bib``."""
_QUOTED = lazy(r"""(["'])([^"'\n]*?\.bib)\1""", re.I)


def _written_bibliographies(essay: Essay, folder: Path) -> set[str]:
    """The names of the .bib files the essay's text (or its book's first chapter's) writes with an R call
    (``knitr::write_bib(c('knitr'), 'packages.bib')``, bookdown's template): they exist once it is built."""
    from .errors import InputError
    from .fileio import read_text

    files = {Path(essay.path)}
    if book := _book_file(folder):
        files.add(folder / book)
    written: set[str] = set()
    for path in files:
        if path.suffix.lower() in (".yml", ".yaml") or not path.is_file():
            continue
        try:
            text = read_text(path, what="essay")
        except InputError:
            continue
        for call in _WRITE_BIB.finditer(text):
            written |= {Path(m.group(2)).name for m in _QUOTED.finditer(_call_text(text, call.end()))}
    return written


def _call_text(text: str, start: int, limit: int = 2000) -> str:
    """The arguments of the call opened just before ``start`` (to its closing parenthesis, at most ``limit``
    characters)."""
    depth = 1
    for i, char in enumerate(text[start:start + limit]):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return text[start:start + i]
    return text[start:start + limit]


def _book_file(folder: Path) -> str:
    """The name of the file that gives a chapter its book's bibliography: the Quarto project's settings, or the
    first chapter of a bookdown book (index.Rmd as a rule)."""
    from .errors import LitreviewError
    from .essay.bookdown import BOOK_FILE, chapter_files
    from .essay.quarto import PROJECT_FILES

    for name in PROJECT_FILES:
        if (folder / name).is_file():
            return name
    try:
        return chapter_files(folder / BOOK_FILE)[0].name if (folder / BOOK_FILE).is_file() else ""
    except (LitreviewError, IndexError):
        return ""


def _keys_of(path: Path) -> set[str]:
    """The keys of a bibliography file ({""} when it cannot be read: never a subset of a bibliography's keys)."""
    from .bibliography.load import load_bibliography
    from .errors import LitreviewError

    try:
        return {s.key for s in load_bibliography(path).sources} or {""}
    except LitreviewError:
        return {""}


def _naming_lines(essay: Essay, names: list[str]) -> dict[str, int]:
    """The line of the essay's file that names each of ``names`` as a bibliography: in a LaTeX file's
    \\bibliography or \\addbibresource command, in a Markdown file's front matter (the name as a whole,
    not a longer name or a mention in the prose); none for a name the book's settings give."""
    from .cache import LATEX_SUFFIXES
    from .errors import InputError
    from .fileio import read_text

    path = Path(essay.path)
    if not path.is_file():
        return {}
    try:
        text = read_text(path, what="essay")
    except InputError:
        return {}
    if path.suffix.lower() in LATEX_SUFFIXES:
        from .essay.latex_declarations import bibliography_lines

        return bibliography_lines(text, path.stem)
    from .essay.segment import split_lines
    from .essay.yaml_meta import naming_row, yaml_block_lines

    if path.suffix.lower() in (".yml", ".yaml"):  # a book's settings (_quarto.yml) reviewed as the essay
        blocks = [(1, split_lines(text))]
    else:  # the front matter and the YAML blocks after it, the last first: pandoc keeps a later block's field
        blocks = yaml_block_lines(text)[::-1]  # (read_text reads past a byte order mark)
    found: dict[str, int] = {}
    for name in names:
        line = next((first + n for first, rows in blocks if (n := naming_row(rows, name)) is not None), None)
        if line is not None:
            found[name] = line
    return found


def named_bibliographies(essay: Essay) -> tuple[Path, ...]:
    """The files of the essay's front matter ``bibliography:`` (one or a list), beside the essay, as pandoc has them;
    for a Markdown file of a book that names none, the book's (a Quarto project's, or a bookdown book's first
    chapter's), as ``quarto render`` and bookdown give them to a chapter."""
    folder, names = _names_of(essay)
    return tuple(folder / name for name in names if not is_remote(name))


def naming_line(essay: Essay, path: Path) -> int | None:
    """The line of the essay's file that names the bibliography ``path`` (one of ``named_bibliographies``): its front
    matter's ``bibliography:``, its \\bibliography or \\addbibresource; None where the book's settings name it."""
    folder, names = _names_of(essay)
    name = next((n for n in names if folder / n == path), None)
    return None if name is None else _naming_lines(essay, [name]).get(name)


def remote_bibliographies(essay: Essay) -> list[str]:
    """The addresses among the bibliographies the essay (or its book) names: litreview reads files only."""
    return [name for name in _names_of(essay)[1] if is_remote(name)]


def _names_of(essay: Essay) -> tuple[Path, list[str]]:
    path = Path(essay.path)
    names = bibliography_names(essay.meta)
    if not names and essay.format == "latex" and path.is_file():
        return _main_files_names(path) or (path.parent, names)
    if names or essay.format != "markdown" or not path.is_file():
        return path.parent, names
    from .essay import BOOKS
    from .fileio import nearest_file

    if nearest_file(path, BOOKS) is None:
        return path.parent, []  # in no book: the readers of books stay unloaded (a cold check of one file)
    from .essay.bookdown import book_of
    from .essay.quarto import directory_bibliographies, project_of

    for (folder, settings), quarto in ((project_of(path), True), (book_of(path), False)):
        names = bibliography_names(settings) + (directory_bibliographies(folder, path) if settings and quarto else [])
        if names:
            return folder, list(dict.fromkeys(names))
    return path.parent, []


def _main_files_names(chapter: Path) -> tuple[Path, list[str]] | None:
    """For a LaTeX chapter that names no bibliography, the folder of the main file it declares (``% !TEX root``, or
    ``\\documentclass[../main.tex]{subfiles}``) and the bibliographies that file or its preamble's inputs name, as
    the thesis is built; None without one."""
    from .essay.latex_declarations import bibliography_files

    found = main_file(chapter)
    if found is None:
        return None
    main, text, preamble = found
    names = bibliography_files(text, main.parent, main.stem) or bibliography_files(preamble, main.parent, main.stem)
    return (main.parent, names) if names else None


def main_file(chapter: Path) -> tuple[Path, str, str] | None:
    """The main file a LaTeX chapter declares (``declared_root``), its text and that of the files its preamble
    inputs; None without one. The name is found as TeX editors find it: as written, else the one file of the
    folder whose name differs from it only in case."""
    from .essay.latex_declarations import declared_root, preamble_inputs

    name = declared_root(_text_of(chapter))
    main = _tex_file(Path(os.path.normpath(chapter.parent / name)), any_case=True) if name else None
    if main is None or main.resolve() == chapter.resolve():
        return None
    text = _text_of(main)
    parts = [_tex_file(main.parent / part) for part in preamble_inputs(text)]
    return main, text, "\n".join(_text_of(part) for part in parts if part is not None)


def _tex_file(path: Path, *, any_case: bool = False) -> Path | None:
    """``path``, or ``path.tex`` as TeX finds an input named without its suffix; None when neither is a file.
    ``any_case``: else the one file of its folder named so in another case (a TeX editor's root on a system whose
    names are case-sensitive)."""
    candidates = (path, path.with_name(path.name + ".tex"))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    if not any_case:
        return None
    try:
        wanted = {c.name.casefold() for c in candidates}
        matches = [p for p in path.parent.iterdir() if p.name.casefold() in wanted and p.is_file()]
    except OSError:
        return None
    return matches[0] if len(matches) == 1 else None


def _text_of(path: Path) -> str:
    """A chapter's, its main file's or a preamble input's text; "" for a file that is no regular file or larger than
    a manuscript is (``MAX_ESSAY``): the name comes from the chapter's text (``% !TEX root = …``), untrusted."""
    from .checks.size import MAX_ESSAY

    try:
        if not path.is_file() or path.stat().st_size > MAX_ESSAY:
            return ""
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def is_remote(name: str) -> bool:
    """Whether a bibliography's name is an address (``\\addbibresource[location=remote]{https://…}``; pandoc
    fetches a URL too), not a file."""
    scheme, sep, _ = name.partition("://")
    return bool(sep) and scheme.isascii() and scheme.isalpha()


def bibliography_names(meta: Mapping[str, object]) -> list[str]:
    """The names in a front matter's or project's ``bibliography:`` (one or a list), in order, then those of its
    ``bibliography_<topic>:`` fields (pandoc's multiple-bibliographies filter, ``_topic_names``); without any, those
    of the first of its ``format:``'s formats that names one (Quarto merges a format's options into the metadata,
    and its first format is the one rendered by default), else of the first of R Markdown's ``output:`` formats
    whose ``pandoc_args`` name one (``--bibliography=refs.bib``)."""
    return [n for n in _written_names(meta) if not is_r_code(n)]


def r_code_names(essay: Essay) -> list[tuple[str, int | None]]:
    """The bibliographies the essay's front matter gives by R code (``!expr here::here('refs.bib')``, ``"`r ...`"``,
    ``is_r_code``), which rmarkdown or knitr run before pandoc reads the file: each as written, and its line."""
    found = [n for n in _written_names(essay.meta) if is_r_code(n)]
    lines = _naming_lines(essay, found) if found else {}
    return [(n, lines.get(n)) for n in found]


def is_r_code(name: str) -> bool:
    """Whether a ``bibliography:`` value is R code, no file name: R inline code (``"`r here::here('refs.bib')`"``),
    which knitr replaces by its value, or an R expression (``!expr here::here('refs.bib')``, a ``TaggedText``),
    which rmarkdown evaluates."""
    from .essay.yaml_meta import TaggedText

    return isinstance(name, TaggedText) or _R_INLINE.search(name) is not None


def _written_names(meta: Mapping[str, object]) -> list[str]:
    """``bibliography_names``' values as written, R code too."""
    named = meta.get("bibliography")
    topics = _topic_names(meta)
    if topics and named is None:
        named = []
    formats = meta.get("format")
    if named is None and isinstance(formats, dict):
        named = next((f["bibliography"] for f in formats.values() if isinstance(f, dict) and f.get("bibliography")),
                     None)
    outputs = meta.get("output")
    if named is None and isinstance(outputs, dict):  # R Markdown's formats hand pandoc its arguments as written
        from .pandoc_options import pandoc_bibliographies

        named = next((found for f in outputs.values() if isinstance(f, dict) and isinstance(f.get("pandoc_args"), list)
                      and (found := pandoc_bibliographies([str(a) for a in f["pandoc_args"]], None))), None)
    names = [*(named if isinstance(named, list) else [named]), *topics]
    return list(dict.fromkeys(type(n)(n.strip()) for n in names if isinstance(n, str) and n.strip()))


def _topic_names(meta: Mapping[str, object]) -> list[object]:
    """The values of the front matter's ``bibliography_<topic>:`` fields (``bibliography_primary:``,
    ``bibliography_secondary:``), in order: pandoc's multiple-bibliographies filter reads each as the bibliography of
    a part of the document's references (its ``::: {#refs_primary}`` div), the document's bibliography all together."""
    return [n for key, value in meta.items() if isinstance(key, str) and key.startswith("bibliography_")
            and key != "bibliography_" for n in (value if isinstance(value, list) else [value])]


_R_INLINE = re.compile(r"`r[ \t]")
"""R inline code (``"`r here::here('refs.bib')`"``), which knitr replaces by its value."""


def missing_style(essay: Essay) -> tuple[str, str, int | None] | None:
    """The citation style (``csl:``) the essay's front matter or its Quarto project names when it is a file that is
    not there, as pandoc looks for it (beside the essay or in its project's folder, with .csl added to a name
    without it): (the name, the file naming it, its line there), the project's settings file when the essay's
    front matter does not name it; None when none is named, it is a URL, or the file is there."""
    from .essay import PROJECT_FILES, enclosing_book
    from .linking.styles import csl_named

    path = Path(essay.path)
    named = csl_named(essay.meta)
    book = enclosing_book(path)  # a chapter's project names it relative to the project's folder
    if not named and book is not None and book.name in PROJECT_FILES:  # a chapter reviewed alone: its project's
        from .essay.quarto import project_of

        named = csl_named(project_of(path)[1])
    if not named or "://" in named:
        return None
    for folder in (path.parent, *([book.parent] if book is not None else [])):
        found = folder / named
        if found.is_file() or found.with_name(found.name + ".csl").is_file():
            return None
    line = _naming_lines(essay, [named]).get(named)
    if line is not None or book is None:
        return named, essay.path, line
    from .essay.segment import split_lines
    from .essay.yaml_meta import naming_row

    try:
        row = naming_row(split_lines(book.read_text(encoding="utf-8")), named)
    except (OSError, UnicodeDecodeError):
        row = None
    return named, str(book), None if row is None else row + 1
