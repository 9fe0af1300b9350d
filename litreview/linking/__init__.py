"""Link the essay's claims to the sources they rely on, with evidence: ``link()`` runs every linker.

Order matters: markers first, then named people, titles, named documents and quotations
(each skipping spans already explained), topical suggestions last, the curated file on top.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Bibliography, Essay, Link, Linkage, SourceMetadata
from .attribution import find_attributions
from .curated import CuratedLinks, anchor, load_curated
from .hits import Found, Hit
from .index import build_index
from .markers import find_markers
from .output import coverage, links_frame, to_rows
from .quotations import find_quotations
from .references import build_reference_index, find_references
from .titles import build_title_index, find_titles
from .topical import suggest

KIND_ORDER = {"marker": 0, "attribution": 1, "title": 2, "quotation": 3, "reference": 4, "topical": 5}

__all__ = ["CuratedLinks", "coverage", "link", "links_frame", "load_curated", "to_rows"]


def link(essay: Essay, bibliography: Bibliography, curated: CuratedLinks | None = None, *,
         metadata: Mapping[str, SourceMetadata] | None = None) -> Linkage:
    """Every link and mention the essay's prose supports, with the curated decisions applied."""
    index = build_index(bibliography, metadata)
    claims = essay.claims
    markers = find_markers(claims, index)
    people = find_attributions(claims, index, markers)
    named: dict[str, set[str]] = {}
    for hit in people.hits:
        if hit.kind == "attribution":
            named.setdefault(hit.claim_id, set()).add(hit.key)
    covered = _union(markers, people)
    titles = find_titles(claims, index, build_title_index(index), named, covered)
    covered = _union(covered, titles)
    documents = find_references(claims, index, build_reference_index(index), covered)
    covered = _union(covered, documents)
    quotes = find_quotations(claims, [*markers.hits, *people.hits, *documents.hits], covered)
    found = [markers, people, titles, documents, quotes]
    best: dict[tuple[str, str, str], Hit] = {}
    for part in found:
        for hit in part.hits:
            slot = (hit.claim_id, hit.key, hit.kind)
            if slot not in best or hit.confidence > best[slot].confidence:
                best[slot] = hit
    explained = {(c, k) for (c, k, kind), h in best.items() if kind != "topical"}
    linked = {h.claim_id for h in best.values() if h.confirmed and h.kind != "topical"}
    for hit in suggest(claims, index, explained, linked=linked):
        slot = (hit.claim_id, hit.key, hit.kind)
        if slot not in best:
            best[slot] = hit
    position = {c.id: n for n, c in enumerate(claims)}
    # Reading order: by claim, then kind, then where the evidence sits in the sentence.
    ordered = sorted(best.values(), key=lambda h: (position.get(h.claim_id, len(position)), KIND_ORDER[h.kind],
                                                  h.start, -h.confidence, h.key))
    links = [_to_link(h) for h in ordered]
    orphans = []
    if curated is not None and curated.links:
        placed, orphans = anchor(curated, essay, bibliography)
        links = _apply(links, placed)
        rank = {id(lk): n for n, lk in enumerate(links)}
        links.sort(key=lambda x: (position.get(x.claim_id, len(position)), KIND_ORDER[x.kind], rank[id(x)]))
    mentions = sorted(((position.get(m.claim_id, 0), at, n, m) for n, (at, m) in
                       enumerate(m for part in found for m in part.mentions)), key=lambda t: t[:3])
    return Linkage(links=tuple(links), mentions=tuple(_unique(m for *_, m in mentions)),
                   orphans=tuple(orphans))


def _union(*parts: Found) -> Found:
    out = Found()
    for part in parts:
        for claim_id, spans in part.spans.items():
            out.spans.setdefault(claim_id, []).extend(spans)
    return out


def _unique(mentions):
    seen = set()
    for m in mentions:
        if m not in seen:
            seen.add(m)
            yield m


def _to_link(hit: Hit) -> Link:
    confirmed = hit.confirmed and hit.kind != "topical"
    return Link(claim_id=hit.claim_id, source_key=hit.key, kind=hit.kind, confidence=round(hit.confidence, 3),
                status="confirmed" if confirmed else "suggested", evidence=hit.evidence,
                locator=hit.locator, ambiguous=hit.ambiguous)


def _apply(links: list[Link], placed: list) -> list[Link]:
    """The reviewers' decisions override what the linkers found."""
    from dataclasses import replace

    by_pair: dict[tuple[str, str], list[int]] = {}
    for n, lk in enumerate(links):
        by_pair.setdefault((lk.claim_id, lk.source_key), []).append(n)
    for item in placed:
        decision = item.link
        pair = (item.claim_id, decision.source_key)
        if pair not in by_pair:
            links.append(Link(claim_id=item.claim_id, source_key=decision.source_key,
                              kind=decision.kind or "topical",
                              confidence=1.0, status=decision.status,  # type: ignore[arg-type]
                              evidence=decision.note or "recorded by a reviewer",
                              note=decision.note, locator=decision.locator, curated=True))
            by_pair[pair] = [len(links) - 1]
            continue
        for n in by_pair[pair]:
            old = links[n]
            links[n] = replace(old, status=decision.status,  # type: ignore[arg-type]
                               confidence=1.0 if decision.status == "confirmed" else old.confidence,
                               note=decision.note or old.note, locator=decision.locator or old.locator,
                               curated=True)
    return links

