"""The bibliography files a TeX distribution ships, which BibTeX and biber find by name wherever the document is
(``\\bibliography{IEEEabrv,refs}`` of IEEEtran's template): no file of the document's folder."""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

SHIPPED = frozenset({"ieeeabrv", "ieeefull", "ieeeexample", "biblatex-examples", "xampl"})
"""Names (without ".bib", in lower case) of bibliographies TeX Live and MiKTeX install: IEEEtran's journal
abbreviations (IEEEabrv, IEEEfull) and examples, biblatex's and BibTeX's examples."""

KPSEWHICH_TIMEOUT = 3.0
"""Seconds: kpsewhich reads the distribution's file database, with no network."""


def tex_finds(name: str) -> bool:
    """Whether BibTeX or biber finds the bibliography ``name`` ("IEEEabrv.bib") in the TeX distribution: one it
    ships (SHIPPED), or one ``kpsewhich`` resolves when it is installed. A name with a folder is the document's."""
    if "/" in name or "\\" in name:
        return False
    stem = name[:-4] if name.lower().endswith(".bib") else name
    return stem.casefold() in SHIPPED or _kpsewhich(stem + ".bib")


@lru_cache(maxsize=64)
def _kpsewhich(name: str) -> bool:
    program = shutil.which("kpsewhich")
    if program is None:
        return False
    try:
        done = subprocess.run([program, name], capture_output=True, text=True, timeout=KPSEWHICH_TIMEOUT,
                              check=False, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError, ValueError):
        return False
    return done.returncode == 0 and bool(done.stdout.strip())
