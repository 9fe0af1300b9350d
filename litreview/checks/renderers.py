"""Which tool prints a document's bibliography (pandoc's citeproc, biber for biblatex, BibTeX's styles), told by the
document, and which fields of an entry each one reads for a field the required-field checks ask for.

pandoc reads a .bib as biblatex and fills a CSL variable from several fields (the issuing body of a report, a
thesis or a book is its ``publisher``, read from school, institution, organization, howpublished and publisher);
biber reads biblatex's names and its aliases (journal, school, address); BibTeX's standard styles read each field
by its own name, and none of biblatex's (date, journaltitle).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from ..model import Essay

CITEPROC, BIBER, BIBTEX = "citeproc", "biber", "bibtex"
_TOOL = {CITEPROC: "pandoc's citeproc reads", BIBER: "biblatex (biber) prints", BIBTEX: "BibTeX's styles print"}


class Renderer(NamedTuple):
    """The tool that prints the bibliography, and what in the document says so."""

    name: str
    """``citeproc``, ``biber`` or ``bibtex``."""
    because: str
    """What tells it, for a message ("paper.qmd's cite-method: biblatex")."""

    @property
    def tool(self) -> str:
        """The tool's name and its verb, for a message ("biblatex (biber) prints")."""
        return _TOOL[self.name]


# Quarto's cite-method and R Markdown's citation_package -> the tool that then prints the bibliography.
_LATEX_METHODS = {"biblatex": BIBER, "natbib": BIBTEX}
_METHOD_KEYS = ("cite-method", "citation_package")


def renderer_of(essay: Essay | None) -> Renderer | None:
    """The tool that prints ``essay``'s bibliography; None without an essay (a bibliography checked alone).

    LaTeX: BibTeX's styles for ``\\bibliography`` or ``\\bibliographystyle`` without biblatex, else biblatex's data model (biber's, or
    BibTeX's as biblatex's ``backend=bibtex`` runs it). A pandoc manuscript (Markdown, Quarto,
    R Markdown, a notebook, Manubot) is citeproc's unless an output format asks for biblatex or natbib (Quarto's
    ``cite-method``, R Markdown's ``citation_package``): that one prints the PDF's bibliography, which then is
    the stricter reading of the two."""
    if essay is None:
        return None
    from ..essay import BIBLATEX, PROJECT_RENDERING
    from ..essay import BIBTEX as BUILT_WITH_BIBTEX

    name = essay.path.replace("\\", "/").rsplit("/", 1)[-1]
    if essay.format == "latex":
        if essay.meta.get(BUILT_WITH_BIBTEX) and not essay.meta.get(BIBLATEX):
            return Renderer(BIBTEX, f"{name} is built with BibTeX: \\bibliography without biblatex")
        return Renderer(BIBER, f"{name} is built with biblatex")
    methods = _methods(essay.meta)  # the file's own front matter overrides its Quarto project's settings
    project = essay.meta.get(PROJECT_RENDERING)
    if not methods and isinstance(project, Mapping):
        # (essay.output_settings gives an _output.yml's formats as {"output": ...}; a Quarto project's has "format")
        name, methods = "its _output.yml" if "output" in project else "its Quarto project", _methods(project)
    for key, value in methods:
        tool = _LATEX_METHODS.get(value.strip().lower())
        if tool:
            return Renderer(tool, f"{name}'s {key}: {value.strip()}")
    return Renderer(CITEPROC, f"{name} is rendered by pandoc's citeproc")


def _methods(meta: Mapping[str, Any], depth: int = 0) -> list[tuple[str, str]]:
    """Every cite-method or citation_package in the front matter: at its top or under an output format
    (``format: pdf: cite-method:``, ``output: bookdown::pdf_book: citation_package:``)."""
    found = [(k, v) for k, v in meta.items() if k in _METHOD_KEYS and isinstance(v, str)]
    if depth < 2:
        for key in ("format", "output") if depth == 0 else tuple(meta):
            nested = meta.get(key)
            if isinstance(nested, Mapping):
                found += _methods(nested, depth + 1)
    return found


_PUBLISHER = ("publisher", "school", "institution", "organization", "howpublished")
"""The fields pandoc joins into CSL's publisher (the issuing body of a report or a thesis too)."""
_CHAPTERLIKE = frozenset({"inbook", "incollection", "inproceedings", "inreference", "bookinbook"})
"""The types whose booktitle pandoc reads as the container (a @conference's it does not read)."""
_BIBER_ALIASES = {"journal": "journaltitle", "journaltitle": "journal", "school": "institution",
                  "institution": "school", "address": "location", "location": "address"}
_BIBLATEX_ONLY = frozenset({"date", "journaltitle", "location", "urldate"})
"""biblatex's fields, which BibTeX's standard styles do not read."""
_BIBTEX_THESES = frozenset({"phdthesis", "mastersthesis"})


@lru_cache(maxsize=1024)
def fields_read(renderer: str, kind: str, name: str) -> tuple[str, ...]:
    """The fields of a @``kind`` entry ``renderer`` prints where ``name`` is asked for: its own name, and for
    citeproc the other fields pandoc fills the same CSL variable from, for biber its aliases."""
    if renderer == CITEPROC:
        if name in ("institution", "school", "publisher", "organization"):
            return _PUBLISHER
        if name in ("booktitle", "journal", "journaltitle"):
            inner = ("maintitle", "booktitle") if kind in _CHAPTERLIKE else ("title",) if kind == "periodical" else ()
            return (*inner, "journaltitle", "journal")
        if name in ("year", "date"):
            return ("date", "year")
        return (name,)
    if renderer == BIBER:
        alias = _BIBER_ALIASES.get(name)
        return (name, alias) if alias else (name,)
    if renderer == BIBTEX:
        if name in _BIBLATEX_ONLY or (name == "institution" and kind in _BIBTEX_THESES):
            return ()
        return (name,)
    return (name,)


@lru_cache(maxsize=1024)
def group_read(renderer: str, kind: str, group: tuple[str, ...]) -> tuple[str, ...]:
    """``fields_read`` of each name of ``group`` (fields any one of which will do), in order: asked of every entry."""
    return tuple(f for name in group for f in fields_read(renderer, kind, name))
