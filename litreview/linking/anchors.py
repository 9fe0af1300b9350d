"""Placing the claims file on today's essay: its groups of sentences, then its links.

Both follow their recorded text (exactly, then fuzzily, with the context deciding); a group
replaces its sentences in the essay's claims; whatever fits nowhere is an orphan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from ..essay import normalise_space
from ..lazyre import lazy
from ..model import Bibliography, Claim, Essay, Orphan, TextQuoteSelector

if TYPE_CHECKING:
    from .curated import CuratedGroup, CuratedLink, CuratedLinks

GROUP_ID = lazy(r"^p(\d{1,9})-s(\d{1,9})-(\d{1,9})$")  # more digits: no claim of ours
"""A group's id: paragraph, first and last sentence (``p3-s5-7``)."""
FUZZY_CUTOFF = 80.0
"""rapidfuzz ratio above which an edited sentence (or group) is still the anchored one."""


def parse_group_id(claim_id: str) -> tuple[int, int, int] | None:
    """(paragraph, first, last) for ``p3-s5-7``; None when the id is not a group's."""
    m = GROUP_ID.match(claim_id)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def group_id(paragraph: int, first: int, last: int) -> str:
    """The readable id of sentences ``first`` to ``last`` of a paragraph."""
    return f"p{paragraph}-s{first}" if first == last else f"p{paragraph}-s{first}-{last}"


@dataclass(frozen=True, slots=True)
class Anchored:
    """A decision placed on the essay as it is now."""

    link: CuratedLink
    claim_id: str
    moved: bool = False
    """True when the sentence was found elsewhere or changed (re-anchored)."""
    source_key: str = ""
    """The entry the decision names today: its recorded key, or the entry that keeps it as an alias (``ids``)."""


@dataclass(frozen=True, slots=True)
class Grouping:
    """The essay with the claims file's groups applied, and how to map sentences to them."""

    essay: Essay
    """The essay whose paragraphs carry each group in place of its sentences."""
    owner: Mapping[str, str] = field(default_factory=dict)
    """Id of a sentence inside a group -> the group's id."""
    members: Mapping[str, tuple[Claim, ...]] = field(default_factory=dict)
    """Group id -> the sentences it replaced, in order."""
    placed: tuple[tuple[CuratedGroup, str], ...] = ()
    """Each recorded group that anchored, with its id today."""
    orphans: tuple[Orphan, ...] = ()
    """Recorded groups that fit nowhere (their source_key is empty)."""
    offsets: Mapping[str, int] = field(default_factory=dict)
    """Id of a sentence inside a group -> where it starts in the group's text."""


def last_sentence(claim: Claim) -> int:
    """The number of the last sentence a claim covers (itself, for a sentence)."""
    parsed = parse_group_id(claim.id)
    return parsed[2] if parsed else claim.sentence


def group_essay(essay: Essay, groups: Sequence[CuratedGroup] = ()) -> Grouping:
    """Place each recorded group on ``essay`` and put it in place of its sentences."""
    if not groups:
        return Grouping(essay=essay)
    runs = _Runs(essay)
    taken: dict[tuple[int, int], str] = {}
    placed: list[tuple[CuratedGroup, tuple[int, int, int]]] = []
    orphans: list[Orphan] = []
    for group in groups:
        run = _place_group(group, runs)
        cells = [(run[0], i) for i in range(run[1], run[2] + 1)] if run else []
        if run is None or any(cell in taken for cell in cells):
            # A group that no longer fits, or that now overlaps an earlier one, is reported.
            orphans.append(Orphan(group.claim_id, "", group.exact, group.line))
            continue
        for cell in cells:
            taken[cell] = group.claim_id
        placed.append((group, run))
    return _apply(essay, runs, placed, orphans)


def _apply(essay: Essay, runs: _Runs, placed: list[tuple[CuratedGroup, tuple[int, int, int]]],
           orphans: list[Orphan]) -> Grouping:
    by_start = {(p, i): (j, group) for group, (p, i, j) in placed}
    owner: dict[str, str] = {}
    members: dict[str, tuple[Claim, ...]] = {}
    offsets: dict[str, int] = {}
    where: list[tuple[CuratedGroup, str]] = []
    paragraphs = []
    for p, paragraph in enumerate(essay.paragraphs):
        units = runs.units[p]
        claims: list[Claim] = []
        i = 0
        while i < len(units):
            if (p, i) not in by_start:
                claims.append(units[i])
                i += 1
                continue
            j, group = by_start[(p, i)]
            claim = _group_claim(essay, units[i:j + 1])
            claims.append(claim)
            where.append((group, claim.id))
            if j > i:
                members[claim.id] = tuple(units[i:j + 1])
                for unit in units[i:j + 1]:
                    owner[unit.id] = claim.id
                    offsets[unit.id] = max(claim.text.find(unit.text), 0)
            i = j + 1
        paragraphs.append(replace(paragraph, claims=tuple(claims)))
    order = {id(g): n for n, (g, _) in enumerate(placed)}
    where.sort(key=lambda item: order[id(item[0])])
    return Grouping(essay=replace(essay, paragraphs=tuple(paragraphs)), owner=owner, members=members,
                    placed=tuple(where), orphans=tuple(orphans), offsets=offsets)


def propose_group(grouping: Grouping, claim_id: str) -> Claim:
    """The claim a new group ``claim_id`` would be on this essay; ValueError says why it cannot be."""
    parsed = parse_group_id(claim_id)
    if parsed is None or parsed[2] <= parsed[1]:
        raise ValueError("a group's id reads p<paragraph>-s<first>-<last>, first before last")
    number, first, last = parsed
    paragraph = next((p for p in grouping.essay.paragraphs if p.number == number), None)
    if paragraph is None:
        raise ValueError(f"the essay has no paragraph {number}")
    inside = [c for c in paragraph.claims if c.sentence <= last and last_sentence(c) >= first]
    for claim in inside:
        if claim.id in grouping.members:
            raise ValueError(f"it overlaps the group {claim.id}")
    have = [c.sentence for c in inside]
    missing = [n for n in range(first, last + 1) if n not in have]
    if missing:
        raise ValueError(f"paragraph {number} has no sentence {missing[0]}")
    return _group_claim(grouping.essay, inside)


def _group_claim(essay: Essay, units: Sequence[Claim]) -> Claim:
    first, last = units[0], units[-1]
    if len(units) == 1:
        return first
    text = _span_text(essay, units)
    return Claim(id=group_id(first.paragraph, first.sentence, last_sentence(last)), paragraph=first.paragraph,
                 sentence=first.sentence, text=text,
                 selector=TextQuoteSelector(exact=text, prefix=first.selector.prefix, suffix=last.selector.suffix),
                 line=first.line, start=first.start, end=last.end)


def _span_text(essay: Essay, units: Sequence[Claim]) -> str:
    """The text of consecutive claims as written (joined claim texts for an essay built without a body)."""
    return normalise_space(essay.body[units[0].start:units[-1].end]) or " ".join(u.text for u in units)


class _Runs:
    """Runs of consecutive claims of one paragraph, and their texts by length (built on demand)."""

    def __init__(self, essay: Essay) -> None:
        self.essay = essay
        self.units = [[] if p.label else list(p.claims) for p in essay.paragraphs]  # no group in a front matter
        self.number = {p.number: n for n, p in enumerate(essay.paragraphs)}
        self._texts: dict[int, tuple[list[str], list[tuple[int, int, int]], dict[str, list[int]]]] = {}

    def text(self, p: int, i: int, j: int) -> str:
        return _span_text(self.essay, self.units[p][i:j + 1])

    def of_length(self, length: int) -> tuple[list[str], list[tuple[int, int, int]], dict[str, list[int]]]:
        if length not in self._texts:
            texts: list[str] = []
            where: list[tuple[int, int, int]] = []
            for p, units in enumerate(self.units):
                for i in range(len(units) - length + 1):
                    texts.append(self.text(p, i, i + length - 1))
                    where.append((p, i, i + length - 1))
            by_text: dict[str, list[int]] = {}
            for n, t in enumerate(texts):
                by_text.setdefault(t, []).append(n)
            self._texts[length] = (texts, where, by_text)
        return self._texts[length]

    def by_id(self, paragraph: int, first: int, last: int) -> tuple[int, int, int] | None:
        p = self.number.get(paragraph)
        if p is None:
            return None
        units = self.units[p]
        starts = [i for i, c in enumerate(units) if c.sentence == first]
        ends = [i for i, c in enumerate(units) if last_sentence(c) == last]
        if starts and ends and starts[0] <= ends[0]:
            return p, starts[0], ends[0]
        return None

    def context(self, group: CuratedGroup, run: tuple[int, int, int]) -> float:
        from rapidfuzz import fuzz

        units = self.units[run[0]]
        prefix, suffix = units[run[1]].selector.prefix, units[run[2]].selector.suffix
        return (fuzz.ratio(group.prefix, prefix) + fuzz.ratio(group.suffix, suffix)) / 2


def _place_group(group: CuratedGroup, runs: _Runs) -> tuple[int, int, int] | None:
    parsed = parse_group_id(group.claim_id)
    if parsed is None:
        return None
    paragraph, first, last = parsed
    recorded = runs.by_id(paragraph, first, last)
    if not group.exact:
        return recorded
    if recorded is not None and runs.text(*recorded) == group.exact:
        return recorded
    size = last - first + 1
    # An edit may split or join a sentence, so runs one shorter or longer are candidates too.
    lengths = range(max(1, size - 1), size + 2)
    exact = [runs.of_length(n)[1][k] for n in lengths for k in runs.of_length(n)[2].get(group.exact, ())]
    if exact:
        return max(exact, key=lambda run: (runs.context(group, run), run == recorded))
    from rapidfuzz import fuzz, process

    best: list[tuple[float, tuple[int, int, int]]] = []
    for n in lengths:
        texts, where, _ = runs.of_length(n)
        for _, score, k in process.extract(group.exact, texts, scorer=fuzz.ratio, limit=3,
                                           score_cutoff=FUZZY_CUTOFF):
            best.append((score, where[k]))
    if not best:
        return None
    # Among close candidates the recorded context decides, then the recorded position.
    return max(best, key=lambda item: (round(item[0]) + runs.context(group, item[1]) / 10,
                                       item[1] == recorded))[1]


# --- links ----------------------------------------------------------------------------

def anchor(curated: CuratedLinks, essay: Essay, bibliography: Bibliography | None = None, *,
           grouping: Grouping | None = None) -> tuple[list[Anchored], list[Orphan]]:
    """Place each decision on today's essay; decisions (and groups) that fit nowhere are orphans.

    The file's groups are applied first (pass ``grouping`` when already computed); a decision
    recorded on a sentence that is now inside a group is placed on the group.
    """
    grouping = grouping if grouping is not None else group_essay(essay, curated.groups)
    claims = [*grouping.essay.claims, *(c for members in grouping.members.values() for c in members)]
    by_id = {c.id: c for c in claims}
    by_text: dict[str, list[Claim]] = {}
    for c in claims:
        by_text.setdefault(c.text, []).append(c)
    entry = entry_key(bibliography)
    known = {id(link): key for link in curated.links if (key := entry(link.source_key))}
    found = {id(link): _place_exact(link, by_id, by_text) for link in curated.links if id(link) in known}
    # A sentence another decision on the same source still anchors exactly is not this one
    # edited: the fuzzy match skips it (else two sentences' decisions would silently merge).
    spoken = {(target.id, known[id(link)]) for link in curated.links
              if (target := found.get(id(link))) is not None and target.text == link.exact}
    placed: list[Anchored] = []
    orphans: list[Orphan] = list(grouping.orphans)
    for link in curated.links:
        if id(link) not in found:
            target = None
        elif found[id(link)] is not None or not link.exact:
            target = found[id(link)]
        else:
            key = known[id(link)]
            free = [c for c in claims if (c.id, key) not in spoken]
            target = (_place_renamed(link, key, free) or _place_fuzzy(link, free)
                      or _place_split(link, key, grouping.essay.claims, free) or _place_merged(link, free))
        if target is None:
            orphans.append(Orphan(link.claim_id, link.source_key, link.exact, link.line,
                                  no_entry=id(link) not in known))
        else:
            claim_id = grouping.owner.get(target.id, target.id)
            placed.append(Anchored(link, claim_id, moved=claim_id != link.claim_id or target.text != link.exact,
                                   source_key=known[id(link)]))
    orphans.sort(key=lambda o: (o.line is None, o.line or 0))
    return placed, orphans


def entry_key(bibliography: Bibliography | None) -> Callable[[str], str | None]:
    """Key -> the entry's key today: itself, or the entry keeping it in ``ids`` (a renamed key); None if gone."""
    if bibliography is None:
        return lambda key: key
    from ..bibliography.inherit import aliases

    keys = set(bibliography.keys)
    renamed: dict[str, str] = {}
    for source in bibliography.sources:
        for alias in aliases(source.fields):
            if alias not in keys:  # a key of its own wins, as biber's does
                renamed.setdefault(alias, source.key)
    return lambda key: key if key in keys else renamed.get(key)


def _place_exact(link: CuratedLink, by_id: dict[str, Claim], by_text: dict[str, list[Claim]]) -> Claim | None:
    """The claim whose text is the recorded one (or the recorded id, for a link without anchor)."""
    same = by_id.get(link.claim_id)
    if not link.exact:
        return same
    if same is not None and same.text == link.exact:
        return same
    exact = by_text.get(link.exact, [])
    if len(exact) == 1:
        return exact[0]
    if exact:
        return max(exact, key=lambda c: _context_score(link, c))
    return None


def _place_renamed(link: CuratedLink, key: str, claims: Sequence[Claim]) -> Claim | None:
    """The recorded sentence with only its citations changed, now citing the decision's entry.

    A key renamed in the bibliography and the essay (the old one kept in ``ids``) changes the
    sentence's text; a short sentence would fall below the fuzzy cutoff and be orphaned.
    """
    same = [c for c in claims if c.citations and any(x.key == key for x in c.citations)
            and _only_citations_differ(c, link.exact)]
    return max(same, key=lambda c: (_context_score(link, c), c.id == link.claim_id)) if same else None


def _only_citations_differ(claim: Claim, text: str) -> bool:
    """Whether ``text`` is the claim's text with other words in place of its citations (as the reader found them)."""
    parts: list[str] = []
    at = 0
    for cite in sorted(claim.citations or (), key=lambda x: x.start):
        if cite.start < at:
            continue  # the items of one bracket share its span
        parts.append(re.escape(claim.text[at:cite.start]))
        at = cite.end
    parts.append(re.escape(claim.text[at:]))
    return len(parts) > 1 and re.fullmatch(".+?".join(parts), text, re.DOTALL) is not None


def _place_fuzzy(link: CuratedLink, claims: Sequence[Claim]) -> Claim | None:
    """The claim that is the recorded sentence edited, if one is close enough."""
    from rapidfuzz import fuzz, process

    texts = [c.text for c in claims]
    best = process.extract(link.exact, texts, scorer=fuzz.ratio, limit=3, score_cutoff=FUZZY_CUTOFF)
    if not best:
        return None
    # Among close candidates, the recorded context decides; then the recorded id.
    return max((claims[i] for _, _, i in best),
               key=lambda c: (round(fuzz.ratio(link.exact, c.text)) + _context_score(link, c) / 10,
                              c.id == link.claim_id))


def _place_split(link: CuratedLink, key: str, claims: Sequence[Claim], free: Sequence[Claim]) -> Claim | None:
    """The recorded sentence split in two: of the two sentences that read as it together, the one citing the
    decision's entry, else the one holding more of its words (neither half alone may come close enough)."""
    from rapidfuzz import fuzz, process

    # Both halves free: a pair whose one half another decision on the entry still anchors is that
    # sentence and its neighbour, not this one split (a deleted sentence's decision is an orphan).
    open_ = {id(c) for c in free}
    pairs = [(a, b) for a, b in pairwise(claims)
             if a.paragraph == b.paragraph and a.paragraph is not None and id(a) in open_ and id(b) in open_]
    best = process.extractOne(link.exact, [f"{a.text} {b.text}" for a, b in pairs], scorer=fuzz.ratio,
                              score_cutoff=FUZZY_CUTOFF)
    if best is None:
        return None
    halves = pairs[best[2]]
    citing = [c for c in halves if any(x.key == key for x in c.citations or ())]
    if len(citing) == 1:
        return citing[0]
    return max(halves, key=lambda c: fuzz.partial_ratio(c.text, link.exact) * len(c.text), default=None)


MERGED_LEAST = 4
"""Words a recorded sentence needs for its text found inside a longer sentence to be it, merged with a neighbour
(a shorter one, "States seek security.", may be any sentence's clause)."""


def _place_merged(link: CuratedLink, claims: Sequence[Claim]) -> Claim | None:
    """The recorded sentence merged with the next or the one before by an edit ("... shared practices. Military
    power ..." made "... shared practices, and military power ..."): the sentence that holds its text whole, its end
    mark left out and its first letter in either case; among several, the recorded context decides."""
    core = link.exact.rstrip(" .!?…;:")
    if len(core.split()) < MERGED_LEAST:
        return None
    first = core[0]
    held = re.compile(rf"(?<!\w)[{re.escape(first.lower() + first.upper())}]{re.escape(core[1:])}(?!\w)")
    holding = [c for c in claims if len(c.text) > len(core) and held.search(c.text)]
    return max(holding, key=lambda c: (_context_score(link, c), c.id == link.claim_id)) if holding else None


def _context_score(link: CuratedLink, claim: Claim) -> float:
    from rapidfuzz import fuzz

    return (fuzz.ratio(link.prefix, claim.selector.prefix) + fuzz.ratio(link.suffix, claim.selector.suffix)) / 2
