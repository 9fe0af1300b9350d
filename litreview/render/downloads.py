"""The data files of the downloads page: BibTeX, CSL-JSON, links and findings (JSON, SARIF).

The checks package's formatters make the findings files, so the site offers exactly
what ``litreview check`` prints; file paths are made relative to the project.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from ..bibliography.csl import is_csl
from ..jsontext import json_text
from ..model import Essay, Finding, Linkage, Review
from ..text import without_controls
from .bibtex import rebuild
from .csljson import to_csl_json

DESCRIPTIONS = {
    "bibliography.bib": "the bibliography as reviewed (BibTeX)",
    "sources.csl.json": "the sources as CSL-JSON, for Zotero, pandoc and citeproc",
    "links.json": "every link between a claim and a source, with its kind, status and evidence",
    "findings.json": "every finding of the checks",
    "findings.sarif": "the findings as SARIF 2.1.0, for code-scanning tools",
}


def download_files(review: Review, *, root: str | None = None) -> dict[str, str]:
    """File name -> content for every download."""
    bibliography = review.bibliography
    # The file as written, unless it is one of several bibliographies (its text is the first file's).
    one_file = all(s.file is None or s.file == bibliography.file for s in bibliography.sources)
    as_written = one_file and not is_csl(bibliography.file or "")  # (a CSL file's text is JSON or YAML)
    bib = (bibliography.text if as_written else "") or "\n\n".join(rebuild(s) for s in bibliography.sources) + "\n"
    # A reader prints the download (curl, cat): its control characters go, as the BibTeX writer leaves them out;
    # its line ends stay, so the findings' line numbers still point into it.
    bib = without_controls(bib, breaks=True)
    return {
        "bibliography.bib": bib,
        "sources.csl.json": json_text(to_csl_json(review.bibliography.sources)),
        "links.json": json_text(links_json(review.linkage, review.essay)),
        "findings.json": findings_json(review.findings, root=root),
        "findings.sarif": findings_sarif(review.findings, root=root),
    }


def links_json(linkage: Linkage, essay: Essay | None) -> list[dict[str, Any]]:
    """One row per link, the shape ``litreview links --format json`` prints (with note and locator)."""
    if essay is None:
        return [asdict(lk) for lk in linkage.links]
    from ..linking.output import to_rows

    return to_rows(linkage, essay, extra=True)


def _relative(findings: tuple[Finding, ...], root: str | None) -> list[Finding]:
    """Findings with their files relative to the project: a site never shows machine paths."""
    from .fragments import file_label

    out = []
    for f in findings:
        if f.file:
            f = replace(f, file=file_label(replace(f, line=None), root))
        out.append(f)
    return out


def findings_json(findings: tuple[Finding, ...], *, root: str | None = None) -> str:
    """What ``litreview check --format json`` prints: the findings and their summary."""
    from ..checks import summarize
    from ..checks.formats import to_json

    found = _relative(findings, root)
    return json_text(to_json(found, summarize(found)))


def findings_sarif(findings: tuple[Finding, ...], *, root: str | None = None) -> str:
    """The findings as SARIF 2.1.0, as ``litreview check --format sarif`` writes them."""
    from ..checks.formats import to_sarif

    return json_text(to_sarif(_relative(findings, root)))
