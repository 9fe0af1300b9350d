"""What pandoc refuses or reads otherwise than BibTeX and biber, for a manuscript pandoc builds (Markdown,
Quarto, R Markdown, notebooks, Manubot): not for a LaTeX paper, which BibTeX or biber builds.

pandoc 3.x reads a BibTeX entry only in braces: ``@Article(key, …)``, ``@string(…)``, ``@comment(…)``,
valid BibTeX that BibTeX, biber and pybtex read, make it refuse the whole file ("unexpected '('").
"""

from __future__ import annotations

import re

from ..model import Bibliography, Essay, Finding
from .catalogue import finding

_PARENTHESISED = re.compile(r"^[ \t]*@[ \t]*(?P<type>\w+)[ \t]*\((?:[ \t]*(?P<key>[^,\s=()]+)[ \t]*,)?", re.M)
BIBTEX_SUFFIXES = (".bib", ".bibtex")
"""The names pandoc reads as BibTeX/biblatex (by extension, as ``--bibliography`` does)."""


def check_pandoc_reads(bib: Bibliography, essay: Essay) -> list[Finding]:
    """LR100 for each entry written in parentheses in a .bib file of a manuscript pandoc builds."""
    if essay.format == "latex":
        return []
    found = []
    for file, text in bib.files:
        if not file or not file.lower().endswith(BIBTEX_SUFFIXES):
            continue
        for match in _PARENTHESISED.finditer(text):
            kind, key = match.group("type"), match.group("key")
            written = f"@{kind}({key}, …)" if key else f"@{kind}(…)"
            found.append(finding("LR100", f"{written} is written in parentheses: BibTeX and biber read it, "
                                          "pandoc refuses the whole file (\"unexpected '('\")",
                                 hint=f"write braces: {written.replace('(', '{', 1).replace(')', '}')}", key=key,
                                 file=file, line=text.count("\n", 0, match.start()) + 1))
    return found
