"""LR166: a Chinese, Japanese or Korean name written in its script family name first, as such names are written,
but with a space and no comma ("本川 達雄"): BibTeX and biber read its last word, the given name, as the family name,
and pandoc reads the first as a particle it prints nowhere, citing the person by the given name alone ("達雄 2009")."""

from __future__ import annotations

from collections.abc import Iterable

from ..bibliography.names import CJK_SCRIPT, cjk_family_first, split_names
from ..model import Finding, Source
from .bib import entry_finding
from .hints import csl_form


def check_cjk_names(source: Source) -> Iterable[Finding]:
    """LR166 for each such name of a BibTeX author or editor list (a CSL name has its family and given fields)."""
    if csl_form(source):
        return
    for role in ("author", "editor"):
        value = source.fields.get(role, "")
        if not value or not CJK_SCRIPT.search(value):
            continue  # (most lists)
        for name in split_names(value):
            if (parts := cjk_family_first(name)) is None:
                continue
            family, given = parts
            yield entry_finding("LR166", source, f"{role} '{family} {given}' is written family name first, without its "
                                f"comma: BibTeX and biber read '{given}' as the family name and '{family}' as the given "
                                f"name, and pandoc cites the person as '{given}' alone (its reading of '{family}': a "
                                "particle it prints nowhere)",
                                f"write '{family}, {given}' in the {role} field: the family name, a comma, the given name",
                                field=role)
