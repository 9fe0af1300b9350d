"""Link the essay's claims to the sources they rely on, with evidence: ``link()`` runs every linker.

``LINKERS`` lists the evidence linkers in the order they run: markers first, then court cases named by
their parties (whose names are no authors'), named people, titles, named documents and quotations, each
skipping spans the ones before it explained. Topical suggestions come last (they read what the others
found), the curated file on top. To add a linker, write a function over ``LinkContext`` that returns a
``Found`` and put it in ``LINKERS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..essay import BIBTEX
from ..essay.cites import math_as_read
from ..essay.sections import heading_claims, heading_titles, table_claims, thanks_claims
from ..essay.segment import MAX_PIECE, note_key, note_numbers
from ..model import (
    KIND_RANK,
    Bibliography,
    Conflict,
    Essay,
    Link,
    Linkage,
    LinkKind,
    Mention,
    Orphan,
    SourceMetadata,
)
from .anchors import Anchored, Grouping, anchor, group_essay
from .attribution import find_attributions
from .cited_letters import in_reference_list
from .court_cases import find_cases
from .curated import CuratedLinks, load_curated
from .hits import Found, Hit
from .index import build_index
from .markers import find_markers
from .output import coverage, links_frame, to_rows
from .own_authors import names_own_author, own_author_names
from .quotations import find_quotations
from .ranker import SHOW
from .references import build_reference_index, find_references
from .titles import build_title_index, find_titles
from .topical import suggest

if TYPE_CHECKING:
    from ..model import Claim
    from .index import SourceIndex

MENTION_KINDS: dict[str, LinkKind] = {"marker": "marker", "author": "attribution", "work": "title", "quotation": "quotation",
                 "document": "reference"}
"""The link kind each kind of mention stands for."""
HIDDEN_PER_SOURCE = 3
"""Suggestions below the threshold kept per entry (``Linkage.hidden``) for the checks to name."""
MAX_LINKED = MAX_PIECE
"""Characters of a sentence the linkers read: a longer one (a lost sentence end, LR312) is read up to
here, so no linker's time grows with it. ``checks.size.MAX_SENTENCE`` is this number."""

__all__ = ["LINKERS", "CuratedLinks", "LinkContext", "Linker", "coverage", "group_claims", "link", "links_frame",
           "load_curated", "mention_kind", "to_rows"]


@dataclass
class LinkContext:
    """What a linker reads: the essay's sentences, the entries' index and what the linkers before it found."""

    claims: Sequence[Claim]
    """The claims as segmented (one per sentence)."""
    index: SourceIndex
    """Look-up tables over the bibliography (and the snapshot's abstracts)."""
    found: dict[str, Found] = field(default_factory=dict)
    """What each earlier linker found, by its name in ``LINKERS``."""
    covered: Found = field(default_factory=Found)
    """The spans of each claim that the earlier linkers explained (a later linker skips them)."""
    headings: tuple[str, ...] = ()
    marked: bool = False
    """Whether the document cites by markers (its reader found them): prose evidence alone is then a suggestion."""
    callers: Mapping[str, str] = field(default_factory=dict)
    """A note's claim id -> the id of the claim that refers to the note (``[^4]``)."""
    """The titles of the document's own headings (a quotation of one names a part of the document, not a source)."""

    def hits(self) -> list[Hit]:
        """Every hit the earlier linkers found, in the order they ran."""
        return [hit for part in self.found.values() for hit in part.hits]

    def prose(self) -> list[Claim]:
        """The claims a linker after the markers reads: not the items of the document's own rendered
        reference list ("Waltz, Kenneth N. 1979. Theory of International Politics."), which name their
        authors and titles without relying on them (the markers linker reads the list for its letters)."""
        return [c for c in self.claims if not in_reference_list(self.index, c)]


@dataclass(frozen=True, slots=True)
class Linker:
    """One evidence linker: its name and the function that runs it."""

    name: str
    run: Callable[[LinkContext], Found]


def _markers(ctx: LinkContext) -> Found:
    return find_markers(ctx.claims, ctx.index, marked=ctx.marked)


def _cited(ctx: LinkContext) -> dict[str, set[str]]:
    """Claim id -> the entries its markers cite."""
    cited: dict[str, set[str]] = {}
    for hit in ctx.found["markers"].hits:
        if hit.kind == "marker":
            cited.setdefault(hit.claim_id, set()).add(hit.key)
    return cited


def _cases(ctx: LinkContext) -> Found:
    return find_cases(ctx.prose(), ctx.index)


def _attributions(ctx: LinkContext) -> Found:
    return find_attributions(ctx.prose(), ctx.index, ctx.covered, _cited(ctx), marked=ctx.marked)


def _titles(ctx: LinkContext) -> Found:
    named: dict[str, set[str]] = {}  # claim id -> the entries whose authors it names
    for hit in ctx.hits():
        if hit.kind == "attribution":
            named.setdefault(hit.claim_id, set()).add(hit.key)
    return find_titles(ctx.prose(), ctx.index, build_title_index(ctx.index), named, ctx.covered,
                       cited=_cited(ctx) if ctx.marked else None)


def _references(ctx: LinkContext) -> Found:
    return find_references(ctx.prose(), ctx.index, build_reference_index(ctx.index), ctx.covered)


def _quotations(ctx: LinkContext) -> Found:
    return find_quotations(ctx.prose(), ctx.hits(), ctx.covered,  # attributed to the carriers found so far
                           headings=ctx.headings, callers=ctx.callers, index=ctx.index)


LINKERS: tuple[Linker, ...] = (
    Linker("markers", _markers),
    Linker("cases", _cases),
    Linker("attributions", _attributions),
    Linker("titles", _titles),
    Linker("references", _references),
    Linker("quotations", _quotations),
)
"""The evidence linkers, in the order they run (each skips what the ones before it explained)."""


def group_claims(essay: Essay, curated: CuratedLinks | None) -> Essay:
    """The essay with the claims file's groups in place of their sentences (the claims links name)."""
    return group_essay(essay, curated.groups if curated is not None else ()).essay


def link(essay: Essay, bibliography: Bibliography, curated: CuratedLinks | None = None, *,
         metadata: Mapping[str, SourceMetadata] | None = None, all_suggestions: bool = False,
         letter_order: str = "") -> Linkage:
    """Every link and mention the essay's prose supports, with the curated decisions applied.

    ``essay`` is as segmented (a claim per sentence). The linkers read sentences; what they find
    in a sentence that the claims file groups with others is reported on the group's id, as in
    ``group_claims(essay, curated)``, which is the essay to show the links with. Topical
    suggestions below the calibrated threshold (``ranker.SHOW``) are left out unless
    ``all_suggestions``. ``letter_order`` is how the style the essay is rendered with letters years
    (``styles.letter_order``; '' when not known).
    """
    index = build_index(bibliography, metadata)
    index.letter_order = letter_order
    index.biber = essay.format == "latex" and not essay.meta.get(BIBTEX)
    grouping = group_essay(essay, curated.groups if curated is not None else ())
    ctx = LinkContext(claims=[readable(c) for c in essay.claims], index=index, headings=heading_titles(essay),
                      marked=bool(essay.marked), callers=_note_callers(essay))
    for linker in LINKERS:
        part = linker.run(ctx)
        ctx.found[linker.name] = part
        ctx.covered = _union(ctx.covered, part)
    found = list(ctx.found.values())
    best: dict[tuple[str, str, str], Hit] = {}
    thanks = thanks_claims(essay) | heading_claims(essay)
    own = own_author_names(essay.meta)
    for part in found:
        for hit in part.hits:
            if hit.claim_id in thanks and (hit.kind != "marker" or hit.typed):
                # "Dr. Songmin Yu would like to thank ...": the acknowledgements name people to thank, not
                # sources a claim relies on, and a heading names a section; only the author's own citation
                # there is a link.
                continue
            if hit.kind == "attribution" and names_own_author(hit.evidence, index.sources.get(hit.key), own):
                continue  # "Joe Warne – 0000-0002-...", "Cristian Mesquida was supported by ...": the writer
            hit = _lift(_typed_named(hit), grouping)
            slot = (hit.claim_id, hit.key, hit.kind)
            if slot not in best or hit.confidence > best[slot].confidence:
                best[slot] = hit
    _settled_by_firmer(best, (_lift_mention(at, m, grouping)[1] for part in found for at, m in part.mentions))
    explained = {(c, k) for (c, k, kind), h in best.items() if kind != "topical"}
    linked = {h.claim_id for h in best.values() if h.confirmed and h.kind != "topical"}
    # A group: one claim for topics. A table's cell is no prose to suggest topics for (its citations and the
    # works it names link it all the same).
    tables = table_claims(grouping.essay)
    units = [readable(c) for c in grouping.essay.claims if c.id not in thanks and c.id not in tables]
    for hit in suggest(units, index, explained, linked=linked):
        slot = (hit.claim_id, hit.key, hit.kind)
        if slot not in best or hit.confidence > best[slot].confidence:
            best[slot] = hit
    # Below the calibrated threshold, a topical suggestion is listed only on request, whichever
    # linker made it (the suggester, or the attribution linker's "names the subject of this title").
    below: dict[str, list[Hit]] = {}
    if not all_suggestions:
        for weak in [at for at, h in best.items() if h.kind == "topical" and h.confidence < SHOW]:
            hit = best.pop(weak)
            below.setdefault(hit.key, []).append(hit)
    hidden = tuple(_to_link(h) for hits in below.values()
                   for h in sorted(hits, key=lambda h: -h.confidence)[:HIDDEN_PER_SOURCE])
    position = {c.id: n for n, c in enumerate(units)}
    # Reading order: by claim, then kind, then where the evidence sits in the sentence.
    ordered = sorted(best.values(), key=lambda h: (position.get(h.claim_id, len(position)), KIND_RANK[h.kind],
                                                  h.start, -h.confidence, h.key))
    links = [_to_link(h) for h in ordered]
    # A person named in a heading or in the acknowledgements is no authority invoked (as for the hits above).
    lifted = (_lift_mention(at, m, grouping) for part in found for at, m in part.mentions
              if not (m.kind == "author" and m.claim_id in thanks))
    mentions = sorted(((position.get(m.claim_id, 0), at, n, m) for n, (at, m) in enumerate(lifted)),
                      key=lambda t: t[:3])
    unique = tuple(_unique((at, m) for _, at, _, m in mentions))
    orphans: list[Orphan] = []
    placed: list[Anchored] = []
    if curated is not None and (curated.links or curated.groups):
        placed, orphans = anchor(curated, essay, bibliography, grouping=grouping)
        links = _apply(links, placed, unique)
        rank = {id(lk): n for n, lk in enumerate(links)}
        links.sort(key=lambda x: (position.get(x.claim_id, len(position)), KIND_RANK[x.kind], rank[id(x)]))
    # A link written by hand without an anchor stays on whatever sentence its id names: once a sentence or
    # paragraph is added or removed above, that is another one, and nothing else would tell.
    # (One that fits nowhere, its id or key wrong, is an orphan.)
    on_ids = {id(a.link) for a in placed}
    unanchored = tuple(Orphan(lk.claim_id, lk.source_key, "", lk.line, rejected=lk.status == "rejected")
                       for lk in curated.links if not lk.exact and id(lk) in on_ids) if curated is not None else ()
    return Linkage(links=tuple(links), mentions=unique, orphans=tuple(orphans), hidden=hidden,
                   unanchored=unanchored, conflicts=_conflicts(placed),
                   claims_file=(curated.path or "") if curated is not None else "")


_TYPED_CONFIDENCE = 0.95
"""A citation typed as text's, as an attribution: its name and year name the work as surely as a name whose given
name agrees (``attribution``), below a marker's 1.0."""


def _typed_named(hit: Hit) -> Hit:
    """A citation typed as text in a document that cites by markers (``Hit.typed``) as what it is there: words naming
    the work, an attribution with the typed text as evidence (pandoc cites nothing; ``check`` says so, LR311)."""
    if not hit.typed:
        return hit
    return replace(hit, kind="attribution", confidence=min(hit.confidence, _TYPED_CONFIDENCE))


def _settled_by_firmer(best: dict[tuple[str, str, str], Hit], mentions: Iterable[Mention]) -> None:
    """Drop the guess among an author's several entries (an ambiguous attribution, and the quotation it carries)
    where the sentence links one of those entries on firmer evidence, its title or its citation: "... Social Network
    Analysis (Trilcke)" names which of Trilcke's works it means, whatever the other words favour. A suggestion on
    an entry the sentence's own marker cites is dropped too: the pair is confirmed, nothing is left to review
    (`@roe2010 show "affective tipping points"` is no title to check)."""
    cited = {(h.claim_id, h.key) for h in best.values() if (h.kind == "marker" or h.typed) and h.confirmed}
    for slot in [s for s, h in best.items() if not h.confirmed and h.kind != "marker" and (s[0], s[1]) in cited]:
        del best[slot]
    firm = {(h.claim_id, h.key) for h in best.values() if h.kind != "topical" and h.confirmed and not h.ambiguous}
    for m in mentions:
        if m.kind != "author" or len(m.keys) < 2 or not any((m.claim_id, k) in firm for k in m.keys):
            continue
        for key in m.keys:
            for kind in ("attribution", "quotation"):
                slot = (m.claim_id, key, kind)
                if slot in best and best[slot].ambiguous and (m.claim_id, key) not in firm:
                    del best[slot]


def _note_callers(essay: Essay) -> dict[str, str]:
    """Each claim of a note -> the claim that refers to the note: a note's "Translated: “...”" quotes the words its
    sentence quotes and cites."""
    if not any(p.note for p in essay.paragraphs):
        return {}
    numbers = note_numbers(essay)
    return {c.id: numbers[key][1] for p in essay.paragraphs if (key := note_key(p.note, p.chapter)) in numbers
            for c in p.claims}


def readable(claim: Claim) -> Claim:
    """The claim as the linkers read it: cut to ``MAX_LINKED`` characters, with the citations inside, and its inline
    math as its words read (``math_as_read``: "σ", not the command's name "sigma"), in the same place."""
    text = math_as_read(claim.text)
    if len(text) <= MAX_LINKED:
        return claim if text == claim.text else replace(claim, text=text)
    cites = None if claim.citations is None else tuple(c for c in claim.citations if c.end <= MAX_LINKED)
    return replace(claim, text=text[:MAX_LINKED], end=claim.start + MAX_LINKED, citations=cites)


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
    """Each mention once per place: a citation read twice where it stands is one mention, the same citation
    written twice in a sentence ("(Doe 2001, 12) ...; (Doe 2001, 40)") two."""
    seen = set()
    for at, m in mentions:
        if (at, m) not in seen:
            seen.add((at, m))
            yield m


def _to_link(hit: Hit) -> Link:
    confirmed = hit.confirmed and hit.kind != "topical"
    return Link(claim_id=hit.claim_id, source_key=hit.key, kind=hit.kind, confidence=round(hit.confidence, 3),
                status="confirmed" if confirmed else "suggested", evidence=hit.evidence,
                locator=hit.locator, ambiguous=hit.ambiguous)


def mention_kind(mention: Mention) -> LinkKind | None:
    """The link kind a mention stands for (``None`` for mentions that are no link)."""
    return MENTION_KINDS.get(mention.kind)


def _conflicts(placed: Sequence[Anchored]) -> tuple[Conflict, ...]:
    """Decisions that confirm and reject one entry on one claim: recorded on two ids before an edit moved
    them onto one sentence, or on sentences grouped since; the later is applied, which the reviewer must know."""
    by_pair: dict[tuple[str, str], list[Anchored]] = {}
    for item in placed:
        by_pair.setdefault((item.claim_id, item.source_key), []).append(item)
    return tuple(Conflict(claim_id, key, tuple(sorted((a.link.line for a in items), key=lambda n: n or 0)))
                 for (claim_id, key), items in by_pair.items() if len({a.link.status for a in items}) > 1)


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
        pair = (item.claim_id, item.source_key)
        if pair not in by_pair:
            kind, evidence = _named(by_claim.get(item.claim_id, ()), item.claim_id, item.source_key, decision.kind)
            links.append(Link(claim_id=item.claim_id, source_key=item.source_key,
                              kind=kind or "topical",
                              confidence=1.0, status=decision.status,
                              evidence=evidence or decision.note or "recorded by a reviewer",
                              note=decision.note, locator=decision.locator, curated=True,
                              decided_at=decision.line))
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
                _, evidence = _named(by_claim.get(item.claim_id, ()), item.claim_id, item.source_key, decision.kind)
                old = replace(old, kind=decision.kind or old.kind, ambiguous=False,
                              evidence=evidence or decision.note or "recorded by a reviewer")
            links[n] = replace(old, status=decision.status,
                               confidence=1.0 if decision.status == "confirmed" else old.confidence,
                               note=decision.note or old.note, locator=decision.locator or old.locator,
                               curated=True, decided_at=decision.line)
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
