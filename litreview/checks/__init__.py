"""The check stage: every broken or missing citation, as findings with stable codes.

``run_checks(review, config, now=...)`` runs the bibliography, registry, text and
curated-link checks, applies suppressions and returns the findings sorted by file and line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from ..bibliography.load import EMPTY_BIBLIOGRAPHY
from ..config import Config
from ..model import SEVERITY_RANK, Finding, Review
from .bib import check_bibliography, damaged_entries
from .bibtex_reads import check_bibtex_reads
from .catalogue import CATALOGUE, Code, catalogue_json, code_info
from .duplicates import PAIR_CODES, case_partners, duplicate_partners
from .imported import check_unsure_imports
from .notices import check_notices
from .pandoc_reads import check_pandoc_reads, check_pandoc_refusals
from .registry import check_registry, reportable
from .renderers import renderer_of
from .size import (
    check_bibliography_size,
    check_inputs,
    check_sizes,
    check_style_file,
    check_unread_bibliographies,
)
from .style import check_style, title_year_conflict
from .suppress import apply, gather, uncited_at_most, unknown_codes, with_severity

__all__ = ["CATALOGUE", "CheckResult", "Code", "catalogue_json", "check_review", "code_info", "run_checks",
           "summarize"]

# A registry mismatch on a field says more than the formatting check on the same field,
# and an original year in the title explains the registry's "extra words" better.
_SUPERSEDED_BY_REGISTRY = {"title": {"LR130", "LR131", "LR132"}, "authors": {"LR133"}, "container": {"LR134"}}


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The findings to report and those that suppressions silenced."""

    findings: tuple[Finding, ...]
    """Findings after suppression, sorted by file, line and code."""
    suppressed: tuple[Finding, ...] = ()
    """Findings silenced by the configuration or by the .bib."""
    capped: tuple[Finding, ...] = ()
    """Reported findings of two entries (``duplicates.PAIR_CODES``) that ``uncited_at_most`` lowered to the level of
    an uncited entry's LR307, each as it was before: the level a change that adds the pair reports them at."""


def run_checks(review: Review, config: Config, *, now: datetime | None = None) -> tuple[Finding, ...]:
    """Every finding for the review, suppressions applied (see ``check_review``)."""
    return check_review(review, config, now=now).findings


def check_review(review: Review, config: Config, *, now: datetime | None = None) -> CheckResult:
    """Run every check and split the findings into reported and suppressed."""
    now = now or datetime.now(UTC)
    bib = review.bibliography
    found: list[Finding] = list(bib.problems)
    damaged = damaged_entries(bib)  # entries a syntax error cut short: their "missing" fields are noise
    found += check_bibliography(bib, now=now, damaged=damaged, renderer=renderer_of(review.essay))
    found += check_unsure_imports(bib)
    found += check_bibliography_size(bib)
    found += check_style(bib, now=now, access_max_age_days=config.access_max_age_days, damaged=damaged)
    year_in_title = frozenset(s.key for s in bib.sources if title_year_conflict(s))
    found += check_registry(bib, review.metadata, year_in_title=year_in_title)
    if review.essay is not None:
        from .text import check_curated, check_text  # imports the linking stage: only with an essay

        essay_file = review.essay.path
        claims_file = str(config.path("claims"))
        found += check_text(bib, review.essay, review.linkage, essay_file=essay_file, beside=review.unread.beside)
        found += check_curated(bib, review.essay, review.linkage, claims_file=claims_file)
        found += check_sizes(review.essay)
        found += check_inputs(review.essay)
        found += check_unread_bibliographies(review.essay, review.unread)
        found += check_style_file(review.essay)
        found += check_notices(review.essay)
        found += check_pandoc_reads(bib, review.essay)
        found += check_bibtex_reads(bib, review.essay)
    else:  # a bibliography checked alone: what makes pandoc refuse a whole file, as a warning
        found += check_pandoc_refusals(bib)
    found = _drop_superseded(found, review)
    found = _implied_sources(found, review)
    found = _empty_before_citing(found, review)
    found += unknown_codes(config.suppress, config.suppress_entries, bib, config_file=config.source_file,
                           severity_codes=config.severity)
    leveled = with_severity(found, config.severity)
    silenced = gather(config.suppress, config.suppress_entries, bib)
    found = uncited_at_most(leveled, silenced, lambda: duplicate_partners(bib.sources),
                            lambda: case_partners(bib.sources))
    kept, dropped = apply(found, silenced)
    root = Path(config.root)
    reported = set(kept)
    capped = (before for before, after in zip(leveled, found, strict=True)
              if after.code in PAIR_CODES and after.severity != before.severity and after in reported)
    return CheckResult(findings=tuple(sort_findings(_relative(f, root) for f in _unique(kept))),
                       suppressed=tuple(sort_findings(_relative(f, root) for f in _unique(dropped))),
                       capped=tuple(_relative(f, root) for f in _unique(capped)))


def _drop_superseded(found: list[Finding], review: Review) -> list[Finding]:
    # (key, code) pairs whose field a reported registry mismatch already covers.
    silenced: set[tuple[str, str]] = set()
    for key, meta in review.metadata.items():
        if meta.status != "verified":
            continue
        for m in reportable(meta.mismatches):
            for code in _SUPERSEDED_BY_REGISTRY.get(m.field, ()):
                silenced.add((key, code))
    suggested = {k for k, m in review.metadata.items() if m.suggestion is not None}
    return [f for f in found
            if not (f.key and (f.key, f.code) in silenced)
            and not (f.code == "LR137" and f.key in suggested)]


def _empty_before_citing(found: list[Finding], review: Review) -> list[Finding]:
    """An essay that cites nothing yet with a bibliography that has no entries yet (as ``init`` sets up a draft
    without references): nothing is unresolved, so the empty file is a note on the state, not an error."""
    essay = review.essay
    if essay is None or review.bibliography.sources or any(claim.citations for claim in essay.claims):
        return found
    return [replace(f, severity="info", message=f"{f.message}, and the essay cites nothing yet",
                    hint="Add entries as the essay cites works: `litreview add DOI`, or `litreview import` a "
                         "reference list")
            if f.code == "LR100" and f.message in EMPTY_BIBLIOGRAPHY else f for f in found]


def _implied_sources(found: list[Finding], review: Review) -> list[Finding]:
    """A Manubot manuscript without a bibliography file cites its sources by identifier: the registry,
    not an entry, gives their title and publisher (LR209 says when that is still to do), so no LR110 or
    LR111 for them unless manual-references.json describes them; their findings are located at the
    first claim that cites them."""
    essay = review.essay
    if essay is None or essay.format != "manubot" or review.bibliography.file is not None:
        return found
    from ..bibliography.keys import near_key
    from ..doi import is_short_doi
    from ..essay.manubot import first_citing_claims, manual_items, unmatched_items
    from .catalogue import finding
    from .hints import in_own_words
    from .text import marker_line

    first = first_citing_claims(essay)
    manual = manual_items(essay)  # described by the author in manual references: checked as entries
    unmatched = unmatched_items(essay)  # ids no cite-by-ID key finds (smith2020, not raw:smith2020)
    out = []
    for f in found:
        claim = first.get(f.key or "")
        source = review.bibliography.get(f.key or "")
        if claim is None or f.file is not None:
            out.append(f)
        elif f.code not in ("LR110", "LR111") or (source is not None and source.fields.get("id") in manual):
            manual_item = source is not None and source.fields.get("id") in manual
            hint = in_own_words(f.hint, source, "json" if manual_item else "manubot") if source else f.hint
            if f.code == "LR121" and source is not None and not manual_item and is_short_doi(source.doi):
                # Manubot cites a shortDOI (@doi:10/c3ztfm) as the DOI it stands for: no malformed DOI, but
                # one no registry knows by that name, so litreview cannot verify it.
                hint = (f"cite the DOI https://doi.org/{source.doi} redirects to (open it to see it) as "
                        "@doi:10..., to have it verified")
                f = finding("LR209", f"DOI {source.doi} not yet verified: it is a shortDOI, which Manubot expands "
                            "when it builds the manuscript but the registries do not know", key=f.key)
            line = marker_line(claim, f"@{f.key}", essay) or claim.line  # its citation's line in the sentence
            out.append(replace(f, file=claim.file or essay.path, line=line, claim_id=f.claim_id or claim.id,
                               hint=hint))

    for key, claim in first.items():  # raw: names a manual reference, which no registry can supply
        source = review.bibliography.get(key)
        ident = source.fields.get("id", "") if source is not None else ""
        if ident.startswith("raw:") and ident not in manual:
            bare = ident[4:]  # (Manubot versions differ on whether an id of smith2020 is raw:smith2020)
            near = bare if bare in unmatched else near_key(ident, list(manual)) or near_key(bare, unmatched)
            hint = (f"write its id as {ident!r} in the manual references (they give {near!r})"
                    if near else f'describe it in content/manual-references.json: {{"id": "{ident}", '
                                 '"type": ..., "title": ...}')
            out.append(finding("LR310", f"citation '@{key}' names a manual reference, and no manual reference "
                               f"(content/manual-references*.*) has the id {ident!r}", hint=hint, key=key,
                               claim_id=claim.id, file=claim.file or essay.path, line=claim.line))
    return out


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    return list(dict.fromkeys(findings))


def _relative(f: Finding, root: Path) -> Finding:
    """File paths relative to the project root, with forward slashes (stable across machines)."""
    if not f.file or f.file.startswith("<"):
        return f
    text = _relative_path(f.file, str(root))
    return f if text == f.file else f.in_file(text)


@lru_cache(maxsize=64)
def _relative_path(file: str, root: str) -> str:
    from ..fileio import relative_name

    return relative_name(file, root)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """By file, line, severity and code; findings without a file come last."""
    return sorted(findings, key=lambda f: (f.file is None, f.file or "", f.line or 0,
                                           SEVERITY_RANK.get(f.severity, 3), f.code, f.key or "",
                                           f.claim_id or "", f.message))


def checked(review: Review) -> dict[str, int]:
    """What a check read: the bibliography's entries, the essay's claims and the citations they hold."""
    claims = review.essay.claims if review.essay is not None else ()
    return {"entries": len(review.bibliography.sources), "claims": len(claims),
            "citations": sum(len(c.citations or ()) for c in claims)}


def summarize(findings: Iterable[Finding], suppressed: int = 0) -> dict[str, object]:
    """Counts per severity and per code, for the JSON output and the site."""
    counts = {"error": 0, "warning": 0, "info": 0}
    by_code: dict[str, int] = {}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
        by_code[f.code] = by_code.get(f.code, 0) + 1
    return {"errors": counts["error"], "warnings": counts["warning"], "info": counts["info"],
            "total": sum(counts.values()), "suppressed": suppressed,
            "by_code": dict(sorted(by_code.items()))}
