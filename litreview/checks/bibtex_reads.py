"""What BibTeX reads otherwise than biber and pandoc, for a LaTeX paper built with BibTeX (``\\bibliography`` or
``\\bibliographystyle``, no biblatex): a % line between an entry's fields, a comment to biber, pandoc and the
author's editor, is no comment to BibTeX (nor to pybtex): it stops reading the entry there, with an error, and loses
the fields after the line.
"""

from __future__ import annotations

from dataclasses import replace

from ..bibliography.bibtex_comments import comments_in_entries
from ..essay import BIBTEX
from ..model import Bibliography, Essay, Finding
from ..pandoc_options import BIBTEX_SUFFIXES
from .catalogue import finding


def check_bibtex_reads(bib: Bibliography, essay: Essay) -> list[Finding]:
    """LR100, as a warning, at the first % line inside each entry of a .bib file a BibTeX build reads."""
    if not essay.meta.get(BIBTEX):
        return []
    found: list[Finding] = []
    for file, text in bib.files:
        if not file or not file.lower().endswith(BIBTEX_SUFFIXES):
            continue
        by_key = {s.key: s for s in bib.sources if s.file in (None, file)}
        told: set[str] = set()
        for comment in comments_in_entries(text):
            if comment.key in told:
                continue  # BibTeX stops at the first: what follows it is lost already
            told.add(comment.key)
            line = text.count("\n", 0, comment.at) + 1
            source = by_key.get(comment.key)
            lost = [n for n, at in sorted((source.field_lines if source else {}).items(), key=lambda item: item[1])
                    if at > line]
            what = (f"it loses {', '.join(lost)}" if lost else "every field is before the line: it reads them all, "
                    "and reports an error")
            told_at = finding("LR100", f"a % line inside entry {comment.key!r}: biber and pandoc skip it as a comment, "
                              f"BibTeX has no comments and stops reading the entry there ({what})",
                              hint="Delete the line, or move it outside the entry (before its @): BibTeX skips text "
                                   "between entries", key=comment.key or None, file=file, line=line)
            found.append(replace(told_at, severity="warning"))
    return found
