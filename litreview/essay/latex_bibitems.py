"""A LaTeX manuscript's own reference list: the ``thebibliography`` environment, one ``\\bibitem{key}`` per work.

LaTeX prints the list as written and resolves ``\\cite{key}`` against its keys (no BibTeX run, no .bib file). The
list is no prose of the manuscript (``latex`` leaves it out of the paragraphs); its items are the references
``import`` and ``init`` take, each under its key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from .latex_declarations import uncomment
from .segment import split_lines

_BEGIN = re.compile(r"\\begin\s*\{thebibliography\}\s*(?:\{[^{}\n]*\})?")
_END = re.compile(r"\\end\s*\{thebibliography\}")
# \bibitem{key}, \bibitem[label]{key}: a label of up to three levels of braces ("[{Roe}(2005)]", natbib's .bbl for an
# accented name "[{{\"O}zel}(2010)]", "[{{\c{C}}ay}(2011)]"); a key holding braces read as LaTeX reads it, the text
# in its outer braces ("a{b}c", which ``bibtex_keys`` rewrites)
_GROUP = r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"
_ITEM = re.compile(rf"\\bibitem\s*(?:\[(?:[^\[\]{{}}]|{_GROUP})*\])?\s*\{{((?:[^{{}}]|{_GROUP})*)\}}")
_NEWBLOCK = re.compile(r"\\newblock(?![A-Za-z])")


class BibItem(NamedTuple):
    """One ``\\bibitem`` of the list."""

    key: str
    text: str
    """The item as plain text (markup removed as the reader removes it from a paragraph)."""
    line: int
    """1-based line of its ``\\bibitem``."""
    file: str = ""
    """The file it stands in when the manuscript reads it from another (``\\input{biblio}``); "" for its own."""


def list_lines(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) index of the lines of each ``thebibliography`` environment (comments left out); an
    environment never closed runs to the last line."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for n, line in enumerate(lines):
        text = uncomment(line)
        at = 0
        if start is None and (opening := _BEGIN.search(text)) is not None:
            start, at = n, opening.end()
        if start is not None and _END.search(text, at):
            spans.append((start, n))
            start = None
    if start is not None:
        spans.append((start, len(lines) - 1))
    return spans


def bibitems(text: str) -> list[BibItem]:
    """The items of the manuscript's ``thebibliography`` lists, in order ([] when it writes none)."""
    if "thebibliography" not in text:
        return []
    from .latex_cites import convert_text

    lines = split_lines(text)
    items: list[BibItem] = []
    for first, last in list_lines(lines):
        body = "\n".join(uncomment(line) for line in lines[first:last + 1])
        opening = _BEGIN.search(body)
        closing = _END.search(body, opening.end() if opening else 0)
        body = body[opening.end() if opening else 0:closing.start() if closing else len(body)]
        found = list(_ITEM.finditer(body))
        ends = [m.start() for m in found[1:]] + [len(body)] * bool(found)  # each runs to the next \bibitem
        line, counted = first + 1, 0  # line numbers counted on in one pass, not from the list's start for each item
        for m, end in zip(found, ends, strict=True):
            line, counted = line + body.count("\n", counted, m.start()), m.start()
            key = m.group(1).strip()
            written = _NEWBLOCK.sub(" ", body[m.end():end])
            shown = " ".join(convert_text(written).split())
            if key and shown:
                items.append(BibItem(key, shown, line))
    return items


def bibtex_keys(items: Sequence[BibItem]) -> tuple[list[str], str]:
    """Each item's key as the key of a BibTeX entry, and a note naming each \\bibitem key rewritten ('' when none
    is). LaTeX takes any text as a \\bibitem key; a BibTeX entry's key holds letters, digits and the punctuation
    pandoc reads in one (``KEY_PUNCTUATION``) alone: a space ends it (pybtex, BibTeX and pandoc refuse the rest) and
    a comma ends it too (as \\cite reads \\cite{Roe,2002}: the two keys Roe and 2002). Each run of other characters
    becomes "_", a key already taken gets "_2", "_3"..."""
    from ..checks.pandoc_reads import KEY_PUNCTUATION

    taken = {item.key for item in items}
    keys: list[str] = []
    told: list[str] = []
    for item in items:
        bad = next((c for c in item.key if not c.isalnum() and c not in KEY_PUNCTUATION), None)
        if bad is None:
            keys.append(item.key)
            continue
        base = "_".join("".join(c if c.isalnum() or c in KEY_PUNCTUATION else " " for c in item.key).split()) \
            or "item"
        key, n = base, 1
        while key in taken:
            n += 1
            key = f"{base}_{n}"
        taken.add(key)
        keys.append(key)
        why = ("a space, which no BibTeX key can" if bad.isspace() else
               f"a comma: LaTeX reads \\cite{{{item.key}}} as two keys, so no citation finds the item" if bad == ","
               else f"{bad!r}, which pandoc refuses in a BibTeX key")
        where = f"{item.file}, line {item.line}" if item.file else f"line {item.line}"
        told.append(f"the \\bibitem key {item.key!r} ({where}) holds {why}: imported as {key}; cite it as "
                    f"\\cite{{{key}}}")
    return keys, "; ".join(told)


def own_list(path: Path, text: str) -> list[BibItem]:
    """The items of the LaTeX manuscript ``path``'s own reference list (``text`` its text), or of the first file it
    reads by ``\\input`` or ``\\include`` that writes one (its ``file``); [] for another file."""
    from ..cache import LATEX_SUFFIXES

    if path.suffix.lower() not in LATEX_SUFFIXES:
        return []
    if (items := bibitems(text)) or not re.search(r"\\(?:input|include)", text):
        return items
    from ..errors import LitreviewError
    from ..fileio import is_file, read_text
    from .latex import parse_latex

    try:
        inputs = parse_latex(text, str(path)).inputs
    except LitreviewError:  # the manuscript's own error is told by what reads it as a manuscript
        return []
    for file in inputs:
        try:
            if is_file(Path(file)) and (items := bibitems(read_text(file, what="manuscript"))):
                return [item._replace(file=file) for item in items]
        except LitreviewError:  # (an input unread holds no list for it)
            continue
    return []
