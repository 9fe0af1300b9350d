"""A bibliography file typed by its name, as pandoc types one: the errors for a file it cannot type ("Could not
determine bibliography format"), for an RIS file (pandoc reads it, litreview does not), and the hint for a manuscript
given as the bibliography.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..pandoc_options import BIBTEX_SUFFIXES
from .csl import CSL_SUFFIXES

RIS_SUFFIX = ".ris"
"""RIS: pandoc reads it as a bibliography, litreview does not."""
_BIBTEX_ENTRY = re.compile(rb"^[ \t]*@[A-Za-z]+[ \t]*[{(]", re.M)
_JSON_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*[\[{]")


def untyped(raw: bytes, path: str) -> InputError | None:
    """The error for a bibliography whose name pandoc types as none it reads (``raw``: its first bytes at least):
    pandoc reads .bib, .bibtex and .biblatex as BibTeX/biblatex, .json and .yaml/.yml as CSL, .ris as RIS, whatever
    the case, and refuses any other name; None for a name it reads but RIS."""
    from ..fileio import shell_path

    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in BIBTEX_SUFFIXES or suffix in CSL_SUFFIXES:
        return None
    given = shell_path(p)
    if suffix == RIS_SUFFIX:
        converted = shell_path(p.with_suffix(".bib"))
        return InputError("an RIS bibliography: pandoc reads it, litreview reads BibTeX and CSL (.bib, .json, .yaml)",
                          path=path, hint=f"convert it (pandoc {given} -t biblatex -o {converted}) and give that file, "
                                          "or export the library as BibTeX or CSL-JSON")
    said = ("pandoc cannot tell the format of this bibliography by its name (\"Could not determine bibliography "
            "format\"): it reads .bib, .bibtex, .biblatex, .json, .yaml, .yml and .ris files")
    return InputError(said, path=path, hint=_what_to_give(raw, p))


def _what_to_give(raw: bytes, p: Path) -> str:
    """What to give instead of the untyped file ``p``: the bibliography a build file's pandoc command names, or the
    file renamed for what it holds."""
    from ..fileio import shell_path
    from ..pandoc_options import is_build_file, literal_files, pandoc_bibliographies, pandoc_commands

    if is_build_file(p):
        named = [name for words, _ in pandoc_commands(p) for name in literal_files(pandoc_bibliographies(words, None))]
        if named:
            return f"give the bibliography its pandoc command names: --bib {' --bib '.join(dict.fromkeys(named))}"
        return "give the bibliography file its pandoc command names with --bibliography (a .bib, .json or .yaml file)"
    if _BIBTEX_ENTRY.search(raw):
        return f"it holds BibTeX: rename it {shell_path(p.with_name(p.stem + '.bib'))} (pandoc reads it by that name)"
    if _JSON_START.match(raw):
        return f"if it is CSL-JSON, rename it {shell_path(p.with_name(p.stem + '.json'))}"
    return "give the bibliography file: a .bib (BibTeX, biblatex), .json (CSL-JSON) or .yaml (CSL-YAML) file"


def manuscript_hint(raw: bytes, path: str) -> str:
    """What to do with the manuscript ``path`` given as the bibliography: give it as the manuscript; a LaTeX file's
    bibliography is the .bib its \\addbibresource or \\bibliography names, a Markdown file's its front matter's."""
    from ..cache import LATEX_SUFFIXES
    from ..fileio import shell_path

    p = Path(path)
    given = shell_path(p)
    as_manuscript = f"give it as the manuscript (litreview check --essay {given}, litreview init {given}, or essay = " \
                    "in the settings)"
    if p.suffix.lower() not in LATEX_SUFFIXES:
        return (f"{as_manuscript}, which reads the references: of its front matter too; a bibliography is a .bib, "
                ".json or .yaml file")
    from ..essay.latex_declarations import bibliography_files

    names = bibliography_files(raw.decode("utf-8", "replace"), jobname=p.stem)
    if names:
        bibs = " --bib ".join(shell_path(p.parent / name) for name in names)
        return f"{as_manuscript}; its bibliography is the file it names: --bib {bibs}"
    return (f"{as_manuscript}; its bibliography is the .bib file its \\addbibresource or \\bibliography names "
            f"(litreview init {given} finds it)")
