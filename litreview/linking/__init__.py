"""Link the essay's claims to the sources they rely on, with evidence: ``link()`` runs every linker.

Order matters: markers first, then named people, titles, named documents and quotations
(each skipping spans already explained), topical suggestions last, the curated file on top.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import KIND_RANK, Bibliography, Essay, Link, Linkage, LinkKind, Mention, Orphan, SourceMetadata
from .anchors import Anchored, Grouping, anchor, group_essay
from .attribution import find_attributions
from .curated import CuratedLinks, load_curated
from .hits import Found, Hit
from .index import build_index
from .markers import find_markers
from .output import coverage, links_frame, to_rows
from .quotations import find_quotations
from .ranker import SHOW
from .references import build_reference_index, find_references
from .titles import build_title_index, find_titles
from .topical import suggest

MENTION_KINDS: dict[str, LinkKind] = {"marker": "marker", "author": "attribution", "work": "title", "quotation": "quotation",
                 "document": "reference"}
"""The link kind each kind of mention stands for."""

__all__ = ["CuratedLinks", "coverage", "group_claims", "link", "links_frame", "load_curated", "mention_kind", "to_rows"]


def group_claims(essay: Essay, curated: CuratedLinks | None) -> Essay:
    """The essay with the claims file's groups in place of their sentences (the claims links name)."""
    return group_essay(essay, curated.groups if curated is not None else ()).essay


def link(essay: Essay, bibliography: Bibliography, curated: CuratedLinks | None = None, *,
         metadata: Mapping[str, SourceMetadata] | None = None, all_suggestions: bool = False) -> Linkage:
    """Every link and mention the essay's prose supports, with the curated decisions applied.

    ``essay`` is as segmented (a claim per sentence). The linkers read sentences; what they find
    in a sentence that the claims file groups with others is reported on the group's id, as in
    ``group_claims(essay, curated)``, which is the essay to show the links with. Topical
    suggestions below the calibrated threshold (``ranker.SHOW``) are left out unless
    ``all_suggestions``.
    """
    index = build_index(bibliography, metadata)
    grouping = group_essay(essay, curated.groups if curated is not None else ())
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
            hit = _lift(hit, grouping)
            slot = (hit.claim_id, hit.key, hit.kind)
            if slot not in best or hit.confidence > best[slot].confidence:
                best[slot] = hit
    explained = {(c, k) for (c, k, kind), h in best.items() if kind != "topical"}
    linked = {h.claim_id for h in best.values() if h.confirmed and h.kind != "topical"}
    units = grouping.essay.claims  # a group is one claim for topical similarity
    spans: dict[str, list[tuple[int, int]]] = {}
    for h in best.values():
        spans.setdefault(h.claim_id, []).append((h.start, h.end))
    # Below the calibrated threshold, suggestions are listed only on request.
    for hit in suggest(units, index, explained, linked=linked, explained=spans,
                       min_score=None if all_suggestions else SHOW):
        slot = (hit.claim_id, hit.key, hit.kind)
        if slot not in best:
            best[slot] = hit
    position = {c.id: n for n, c in enumerate(units)}
    # Reading order: by claim, then kind, then where the evidence sits in the sentence.
    ordered = sorted(best.values(), key=lambda h: (position.get(h.claim_id, len(position)), KIND_RANK[h.kind],
                                                  h.start, -h.confidence, h.key))
    links = [_to_link(h) for h in ordered]
    lifted = (_lift_mention(at, m, grouping) for part in found for at, m in part.mentions)
    mentions = sorted(((position.get(m.claim_id, 0), at, n, m) for n, (at, m) in enumerate(lifted)),
                      key=lambda t: t[:3])
    unique = tuple(_unique(m for *_, m in mentions))
    orphans: list[Orphan] = []
    if curated is not None and (curated.links or curated.groups):
        placed, orphans = anchor(curated, essay, bibliography, grouping=grouping)
        links = _apply(links, placed, unique)
        rank = {id(lk): n for n, lk in enumerate(links)}
        links.sort(key=lambda x: (position.get(x.claim_id, len(position)), KIND_RANK[x.kind], rank[id(x)]))
    return Linkage(links=tuple(links), mentions=unique, orphans=tuple(orphans))


def _lift(hit: Hit, grouping: Grouping) -> Hit:
    """A sentence's hit, moved onto the group that holds the sentence (if any)."""
    group = grouping.owner.get(hit.claim_id)
    if group is None:
        return hit
    shift = grouping.offsets.get(hit.claim_id, 0)
    return replace(hit, claim_id=group, start=hit.start + shift if hit.start >= 0 else hit.start,
                   end=hit.end + shift if hit.end >= 0 else hit.end)


def _lift_mention(at: int, mention: Mention, grouping: Grouping) -> tuple[int, Mention]:
    group = grouping.owner.get(mention.claim_id)
    if group is None:
        return at, mention
    return at + grouping.offsets.get(mention.claim_id, 0), replace(mention, claim_id=group)


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


def mention_kind(mention: Mention) -> LinkKind | None:
    """The link kind a mention stands for (``None`` for mentions that are no link)."""
    return MENTION_KINDS.get(mention.kind)


def _apply(links: list[Link], placed: list[Anchored], mentions: tuple[Mention, ...] = ()) -> list[Link]:
    """The reviewers' decisions override what the linkers found.

    A decision applies to every link of its claim and source; when several decisions meet on
    one pair (sentences grouped after they were reviewed), each keeps its own kind's link.
    A decision's kind and evidence come from what the sentence names when they can (a reviewer
    who picks the other entry of an ambiguous name confirms an attribution, not a topic), and
    confirming one entry of an ambiguous name settles it: the other candidates are dropped.
    """
    by_pair: dict[tuple[str, str], list[int]] = {}
    for n, lk in enumerate(links):
        by_pair.setdefault((lk.claim_id, lk.source_key), []).append(n)
    by_claim: dict[str, list[Mention]] = {}
    for m in mentions:
        if mention_kind(m):
            by_claim.setdefault(m.claim_id, []).append(m)
    for item in placed:
        decision = item.link
        pair = (item.claim_id, decision.source_key)
        if pair not in by_pair:
            kind, evidence = _named(by_claim.get(item.claim_id, ()), item.claim_id, decision.source_key, decision.kind)
            links.append(Link(claim_id=item.claim_id, source_key=decision.source_key,
                              kind=kind or "topical",
                              confidence=1.0, status=decision.status,
                              evidence=evidence or decision.note or "recorded by a reviewer",
                              note=decision.note, locator=decision.locator, curated=True))
            by_pair[pair] = [len(links) - 1]
            continue
        found = [links[n] for n in by_pair[pair]]
        # Only a topical suggestion where the reviewer recorded a stronger kind (its carrier
        # was edited away, say): show the recorded kind, not "topical" with shared words.
        retype = (decision.status == "confirmed" and decision.kind not in (None, "topical")
                  and all(lk.kind == "topical" and not lk.curated for lk in found))
        for n in by_pair[pair]:
            old = links[n]
            if old.curated and decision.kind is not None and decision.kind != old.kind:
                continue  # another decision already spoke for this kind's link
            if retype:
                _, evidence = _named(by_claim.get(item.claim_id, ()), item.claim_id, decision.source_key, decision.kind)
                old = replace(old, kind=decision.kind or old.kind, ambiguous=False,
                              evidence=evidence or decision.note or "recorded by a reviewer")
            links[n] = replace(old, status=decision.status,
                               confidence=1.0 if decision.status == "confirmed" else old.confidence,
                               note=decision.note or old.note, locator=decision.locator or old.locator,
                               curated=True)
    return _settle_ambiguous(links, mentions)


def _named(here: Sequence[Mention], claim_id: str, key: str, kind: LinkKind | None) -> tuple[LinkKind | None, str]:
    """What the claim's prose (its mentions ``here``) says of ``key``: (link kind, the words)."""
    for m in here:
        if key in m.keys and (kind is None or mention_kind(m) == kind):
            return mention_kind(m), m.text
    # A recorded quotation whose attribution was edited away: the quotation still stands.
    loose = [m for m in here if not m.keys and kind is not None and mention_kind(m) == kind]
    return kind, loose[0].text if len(loose) == 1 else ""


def _settle_ambiguous(links: list[Link], mentions: tuple[Mention, ...]) -> list[Link]:
    confirmed = {(lk.claim_id, lk.source_key) for lk in links if lk.curated and lk.status == "confirmed"}
    settled: set[tuple[str, str]] = set()
    for m in mentions:
        if len(m.keys) > 1:
            chosen = [k for k in m.keys if (m.claim_id, k) in confirmed]
            if chosen:
                settled.update((m.claim_id, k) for k in m.keys if k not in chosen)
    return [lk for lk in links
            if not (lk.ambiguous and not lk.curated and lk.status == "suggested"
                    and (lk.claim_id, lk.source_key) in settled)]
