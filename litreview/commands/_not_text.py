"""Files given where a manuscript (``init``) or a reference list (``import``) belongs that are neither: a
bibliography, a PDF, a word processor's file. The error says what the file is and the command that does what the
user meant, before anything is read as text or written."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..fileio import NOT_TEXT_HEAD, not_text, shell_word

WORD_FILES = (".docx", ".odt", ".rtf")
"""A word processor's files, which pandoc converts to Markdown or plain text."""


def _kind(path: Path) -> str:
    """``bibliography``, ``pdf``, ``word`` or '' (a text file, or one that cannot be read: its reader says so)."""
    if not path.is_file():  # missing: the reader says so, with the file it may have meant
        return ""
    from ..pandoc_options import BIBTEX_SUFFIXES

    suffix = path.suffix.lower()
    if suffix in BIBTEX_SUFFIXES:
        return "bibliography"
    if suffix in WORD_FILES:
        return "word"
    if suffix == ".pdf":
        return "pdf"
    try:
        with path.open("rb") as handle:  # a PDF or a Word file under another name: by its first bytes
            if (found := not_text(handle.read(NOT_TEXT_HEAD))) is not None:
                return found[0]
    except OSError:
        return ""
    from ..bibliography.csl import CSL_SUFFIXES

    if suffix in CSL_SUFFIXES:
        from ..errors import LitreviewError
        from ._init_bib import _holds_csl_items

        try:
            return "bibliography" if _holds_csl_items(path) else ""
        except LitreviewError:  # not CSL after all (a settings file, a notebook's JSON): read as it is
            return ""
    return ""


def not_a_manuscript(path: Path, given: str) -> InputError | None:
    """The error for ``litreview init FILE`` when FILE is a bibliography, a PDF or a word processor's file."""
    kind, name = _kind(path), shell_word(given)
    if kind == "bibliography":
        return InputError("a bibliography, not a manuscript", path=given,
                          hint=f"review it alone: litreview init --bib {name}; with the essay that cites it: "
                               f"litreview init paper.md --bib {name}")
    if kind in ("pdf", "word"):
        convert = f"pdftotext {name} paper.md" if kind == "pdf" else f"pandoc {name} -o paper.md"
        what = "a PDF" if kind == "pdf" else "a word processor's file"
        return InputError(f"{what}, not a manuscript litreview reads", path=given,
                          hint=f"take its text first: {convert}, then litreview init paper.md")
    return None


def not_a_reference_list(path: Path, given: str) -> InputError | None:
    """The error for ``litreview import FILE`` when FILE is a bibliography, a PDF or a word processor's file."""
    kind, name = _kind(path), shell_word(given)
    if kind == "bibliography":
        return InputError("a bibliography already: there is no reference list to import", path=given,
                          hint=f"review it with litreview init --bib {name} (or litreview check --bib {name} "
                               '--essay "")')
    if kind in ("pdf", "word"):
        take = f"pdftotext {name} -" if kind == "pdf" else f"pandoc {name} -t plain"
        return InputError(f"document is {'a PDF' if kind == 'pdf' else 'a word processor file'}, not plain text",
                          path=given, hint=f"import its text: {take} | litreview import -, or save its text as a "
                                           ".txt file and import that")
    return None


def cites_from_its_bibliography(path: Path, given: str) -> InputError | None:
    """The error for ``litreview import FILE`` when FILE is a manuscript with no reference list of its own that names
    a bibliography file that exists (``\\addbibresource``, ``bibliography:``): its references are in that file, and
    its own lines (a LaTeX preamble's too) read as references only by mistake."""
    from ..essay import MANUSCRIPT_SUFFIXES

    if path.suffix.lower() not in MANUSCRIPT_SUFFIXES or not path.is_file():
        return None
    from ..errors import LitreviewError
    from ..essay import load_essay
    from ..essay_bibliographies import named_bibliographies

    try:
        named = [p for p in named_bibliographies(load_essay(path)) if p.is_file()]
    except LitreviewError:  # what it cannot read as a manuscript is read as the text it is
        return None
    if not named:
        return None
    from ..fileio import relative_name

    names = ", ".join(relative_name(p, Path.cwd()) for p in named)
    name = shell_word(given)
    return InputError(f"no reference list to import: its references are in {names}, which it names", path=given,
                      hint=f"review it with them: litreview init {name}; to import the list as it prints, render "
                           f"it first (pandoc {name} --citeproc -t plain -o refs.txt) and import that, or name the "
                           "list's heading with --section")
