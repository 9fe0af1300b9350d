"""The readers' scenario cases (tests/cases/essay_*) and the few steps their tests share: read an essay, take its
bibliography (a file, or a Manubot manuscript's identifiers), link and check the text."""

from __future__ import annotations

from pathlib import Path

from litreview.bibliography.load import load_bibliography
from litreview.checks.text import check_text
from litreview.essay import load_essay
from litreview.essay.manubot import manuscript_sources
from litreview.linking import link
from litreview.model import Essay

CASES = Path(__file__).resolve().parents[1] / "cases"
MARKDOWN = CASES / "essay_markdown" / "essay.md"
LATEX = CASES / "essay_latex" / "main.tex"
MANUBOT = CASES / "essay_manubot" / "content"
# Cited in the Markdown and LaTeX cases (by hand, from the text); Alpha2001 and missing2099 have no entry.
CITED = {"heading2001", "alpha2001", "beta2002", "gamma2003", "delta:2004", "epsilon2005", "zeta2006", "eta2007",
         "table2008", "caption2009", "figure2010", "inline2011", "footnote2012", "list2013", "quote2014",
         "div2015", "linked2016", "Alpha2001", "missing2099"}


def cited(essay: Essay) -> set[str]:
    """The keys the essay's claims cite."""
    return {c.key for claim in essay.claims for c in claim.citations or ()}


def review(essay_path: Path, bib_path: Path | None):
    """(essay, bibliography, linkage, text findings) of the essay with ``bib_path`` (None: a Manubot manuscript's
    identifiers)."""
    essay = load_essay(essay_path)
    bib = load_bibliography(bib_path) if bib_path else manuscript_sources(essay)
    linkage = link(essay, bib, None, metadata={})
    return essay, bib, linkage, check_text(bib, essay, linkage, essay_file=str(essay_path))
