"""Links as rows: the JSON/CSV shape of ``litreview links``, a pandas DataFrame, coverage figures.

The JSON keys are a public contract: claim_id, paragraph, sentence, text, source_key, kind,
confidence, status, evidence (nothing more, nothing less). ``paragraph`` is the body paragraph's 1-based
number, null for a claim in the front matter (its claim_id names the field: ``abstract-s2``) or no longer in
the essay; ``sentence`` is 1-based within the claim's paragraph, front matter's included.
"""

from __future__ import annotations

from typing import Any

from ..essay.sections import prose_paragraphs
from ..model import Bibliography, Claim, Essay, Linkage, Review

JSON_KEYS = ("claim_id", "paragraph", "sentence", "text", "source_key", "kind", "confidence", "status",
             "evidence")
EXTRA_COLUMNS = ("note", "locator", "ambiguous", "curated")


def written(claim: Claim, essay: Essay) -> str:
    """The claim as its file writes it (``Claim.as_written``), a LaTeX manuscript's notes as ``\\footnote{...}``, not as
    the ``^[...]`` the reader reads them as."""
    if essay.format != "latex":
        return claim.as_written
    from ..essay.latex_cites import written_notes

    return written_notes(claim.as_written)


def to_rows(linkage: Linkage, essay: Essay, *, extra: bool = False) -> list[dict[str, Any]]:
    """One dict per link with exactly the JSON keys (plus note, locator, ... when ``extra``)."""
    claims = {c.id: c for c in essay.claims}
    rows = []
    for lk in linkage.links:
        claim = claims.get(lk.claim_id)
        row: dict[str, Any] = {
            "claim_id": lk.claim_id,
            "paragraph": claim.paragraph if claim and claim.paragraph > 0 else None,
            "sentence": claim.sentence if claim else None,
            "text": written(claim, essay) if claim else "",
            "source_key": lk.source_key,
            "kind": lk.kind,
            "confidence": lk.confidence,
            "status": lk.status,
            "evidence": lk.evidence,
        }
        if extra:
            row.update(note=lk.note, locator=lk.locator, ambiguous=lk.ambiguous, curated=lk.curated)
        rows.append(row)
    return rows


def coverage(linkage: Linkage, essay: Essay, bibliography: Bibliography | None = None) -> dict[str, Any]:
    """Claims with a confirmed source, and sources that no claim relies on."""
    confirmed = [lk for lk in linkage.links if lk.status == "confirmed"]
    claims = [c for p in prose_paragraphs(essay) for c in p.claims]  # as the site counts them: not headings, tables
    with_source = {lk.claim_id for lk in confirmed}
    out: dict[str, Any] = {
        "claims": len(claims),
        "claims_with_confirmed_source": sum(1 for c in claims if c.id in with_source),
    }
    out["claims_share"] = round(out["claims_with_confirmed_source"] / len(claims), 3) if claims else 0.0
    if bibliography is not None:
        used = {lk.source_key for lk in confirmed}
        suggested = {lk.source_key for lk in linkage.links if lk.status == "suggested"}
        out["sources"] = len(bibliography.sources)
        out["sources_with_confirmed_claim"] = sum(1 for k in bibliography.keys if k in used)
        out["sources_without_claim"] = [k for k in bibliography.keys if k not in used]
        out["sources_only_suggested"] = [k for k in bibliography.keys if k not in used and k in suggested]
    return out


def links_frame(review_or_linkage: Review | Linkage, essay: Essay | None = None,
                bibliography: Bibliography | None = None) -> Any:
    """A pandas DataFrame of the links; ``.attrs["coverage"]`` holds the coverage figures."""
    import pandas as pd

    if isinstance(review_or_linkage, Review):
        linkage = review_or_linkage.linkage
        essay = essay or review_or_linkage.essay
        bibliography = bibliography or review_or_linkage.bibliography
    else:
        linkage = review_or_linkage
    if essay is None:
        raise ValueError("links_frame needs the essay the links refer to")
    frame = pd.DataFrame(to_rows(linkage, essay, extra=True), columns=[*JSON_KEYS, *EXTRA_COLUMNS])
    frame.attrs["coverage"] = coverage(linkage, essay, bibliography)
    return frame
