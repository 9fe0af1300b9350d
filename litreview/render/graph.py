"""The map: claims and sources as a static SVG drawn at build time, every node a link.

Two columns: the claims in essay order on the left (a gap between paragraphs), the
sources on the right, each placed level with the middle of the claims that rely on it
through confirmed links (barycentre ordering), so lines rarely cross and every label
stays readable. A source's square grows with the claims relying on it and takes the
colour (and symbol) of its worst finding; suggested links are drawn but shown on request.
A node's name is written once, as the wide drawing's aria-label (the narrow drawing's nodes refer to
it: ``NARROW`` is drawn only beside ``WIDE``); the script makes the tooltip from it when pointed at.
Two geometries: ``WIDE`` for screens, ``NARROW`` (at most 320 px, taller rows for fingers,
labels cut to fit) for phones, so the whole map reads on a 360 px screen without scrolling.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from ..model import Citation
from .citation import Citations
from .claim_text import plain_claim
from .fragments import SEVERITY_SYMBOL, worst_finding
from .index import ReviewIndex
from .layout import Layout
from .sanitize import esc, one_line, shorten
from .short_labels import short_title

_TOP = 30.0
_GAP = 8.0
_CHAR = 7.5  # width of a character of a 13px label, generously


class Geometry(NamedTuple):
    """Where the two columns go and how much room the labels get."""

    claim_x: float
    """Centre of the claims' dots (their ids are written to the left of it)."""
    source_x: float
    """Centre of the sources' squares (their labels to the right)."""
    label: int
    """Characters of a source's label (longer ones are cut; the full name is in its title)."""
    row: float
    """Height of a row: 24 px or more makes a finger-sized target."""
    min_width: float
    max_width: float


WIDE = Geometry(70.0, 420.0, 48, 20.0, 640.0, 10_000.0)
NARROW = Geometry(56.0, 160.0, 19, 24.0, 280.0, 320.0)


def map_svg(ix: ReviewIndex, layout: Layout, citations: Citations, geometry: Geometry = WIDE) -> str:
    """The SVG element (inline, for the map page)."""
    g = geometry
    claims = [cid for cid in ix.claims if cid in ix.links_by_claim]
    claims += [cid for cid in ix.links_by_claim if cid not in ix.claims]
    edges = [(lk.claim_id, lk.source_key, lk.status) for cid in claims for lk in ix.links_by_claim[cid]
             if lk.source_key in ix.sources]
    claim_n = {cid: f"c{i}" for i, cid in enumerate(claims)}
    source_n = {key: f"s{i}" for i, key in enumerate(ix.sources)}
    claim_y = _claim_rows(ix, claims, g.row)
    source_y = _source_rows(list(ix.sources), edges, claim_y, g.row)
    height = max([*claim_y.values(), *source_y.values(), _TOP]) + _TOP
    worst = {key: worst_finding(ix.findings_by_key.get(key, ())) for key in ix.sources}
    shorts = {key: ix.reference(citations, key).short for key in ix.sources}
    labels = {key: ((SEVERITY_SYMBOL[w.severity] + " ") if (w := worst[key]) else "")
              + shorten(shorts[key], g.label) for key in ix.sources}
    # a narrow label cut inside a word (an address or DOI with no space to cut at) is not the wide name's
    # words, so that node names itself first (WCAG 2.5.3: the name holds the visible label)
    cut_inside = {key for key in ix.sources if g == NARROW and _cut_in_a_word(shorts[key], g.label)}
    # As wide as the longest label needs: a wider drawing would be scaled down or scrolled.
    width = max(g.min_width, g.source_x + 10 + _CHAR * max(map(len, labels.values()), default=0) + 20)
    width = min(width, g.max_width)
    here = layout.map
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="lr-graph" viewBox="0 0 {width:.0f} {height:.0f}" '
           f'width="{width:.0f}" height="{height:.0f}" role="group" data-layout="{"narrow" if g == NARROW else "wide"}" '
           f'aria-label="Map: {len(claims)} claims and {len(ix.sources)} sources">',
           f'<text class="lr-graph__head" x="{g.claim_x:.0f}" y="14" text-anchor="end">Claims</text>'
           f'<text class="lr-graph__head" x="{g.source_x:.0f}" y="14">Sources</text>',
           '<g class="lr-edges" aria-hidden="true">']
    middle = (g.claim_x + g.source_x) / 2
    # each row's coordinate written once, not at every edge that meets it
    claim_at, source_at = {cid: _n(y) for cid, y in claim_y.items()}, {key: _n(y) for key, y in source_y.items()}
    for claim_id, key, status in edges:
        y1, y2 = claim_at[claim_id], source_at[key]
        out.append(f'<path class="lr-edge lr-edge--{esc(status)}" data-a="{claim_n[claim_id]}" '
                   f'data-b="{source_n[key]}" d="M{g.claim_x + 5:.0f} {y1}'
                   f'C{middle:.0f} {y1} {middle:.0f} {y2} {g.source_x - 6:.0f} {y2}"/>')
    out.append('</g><g class="lr-nodes">')

    def cited(item: Citation) -> str | None:  # a citation as the essay page shows it
        return ix.reference(citations, item.key).cited(item) if item.key in ix.sources else None

    for claim_id in claims:
        y = claim_y[claim_id]
        claim = ix.claims.get(claim_id)
        label = "" if g == NARROW else f"Claim {claim_id}" + (  # the narrow drawing names by reference (``_name``)
            f": {shorten(plain_claim(claim, cited, ix.notes_of(claim_id)), 120)}" if claim else " (not in the essay)")
        href = layout.href(here, layout.essay, claim_id)
        out.append(f'<a class="lr-node lr-node--claim" href="{esc(href)}" {_name(g, claim_n[claim_id], label)} '
                   f'data-n="{claim_n[claim_id]}">'
                   f'<circle cx="{g.claim_x:.0f}" cy="{claim_at[claim_id]}" r="5"/>'
                   f'<text x="{g.claim_x - 9:.0f}" y="{_n(y + 4)}" text-anchor="end">{esc(claim_id)}</text></a>')
    for key, source in ix.sources.items():
        y = source_y[key]
        count = ix.claim_count(key)
        bad = worst[key]
        # The name starts with the visible label (symbol included), as WCAG 2.5.3 asks.
        label = "" if g == NARROW else (f"{labels[key]}: {short_title(source, 80)} (source; {count} "
                                        f"claim{'s' if count != 1 else ''}"
                                        + (f"; worst finding: {bad.severity} {bad.code}" if bad else "") + ")")
        href = layout.href(here, layout.source(key))
        unused = "" if count else " lr-node--unused"
        half = source_size(ix.confirmed_count(key)) / 2
        n = source_n[key]
        name, text_id = _name(g, n, label), ""
        if key in cut_inside:
            name, text_id = f'aria-labelledby="lr-n{n} lr-w{n}"', f' id="lr-n{n}"'
        out.append(f'<a class="lr-node lr-node--source lr-node--{bad.severity if bad else "ok"}{unused}" '
                   f'href="{esc(href)}" {name} data-n="{n}">'
                   f'<rect x="{_n(g.source_x - half)}" y="{_n(y - half)}" width="{_n(2 * half)}" '
                   f'height="{_n(2 * half)}"/>'
                   f'<text x="{g.source_x + 10:.0f}" y="{_n(y + 4)}"{text_id}>{esc(labels[key])}</text></a>')
    out.append("</g></svg>")
    return "".join(out)


def _name(g: Geometry, n: str, label: str) -> str:
    """A node's accessible name: written on the wide drawing's node (with an id), which the narrow
    drawing's node names by reference (the map page always carries both; a hidden node can still name)."""
    if g == NARROW:
        return f'aria-labelledby="lr-w{n}"'
    return f'id="lr-w{n}" aria-label="{esc(label)}"'


def _cut_in_a_word(text: str, limit: int) -> bool:
    """Whether ``shorten(text, limit)`` ends inside a word of ``text`` (it cuts there only when the first
    ``limit`` characters hold no space: "doi:10.2307/j.ctv301gzg"), punctuation counting as part of the word."""
    label = shorten(text, limit)
    if not label.endswith("…") or label == text:
        return False
    rest = one_line(text)[len(label) - 1:].lstrip(",;:.")
    return bool(rest) and not rest[0].isspace()


def _n(value: float) -> str:
    """A coordinate to a tenth of a pixel, without a trailing ".0" (the map is written once per drawing)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def source_size(claims: int) -> float:
    """The side of a source's square: 8 px, growing with the square root of its confirmed claims (at most 18)."""
    return min(18.0, 8.0 + 3.0 * math.sqrt(claims))


def _claim_rows(ix: ReviewIndex, claims: list[str], row: float) -> dict[str, float]:
    rows: dict[str, float] = {}
    y = _TOP
    previous = None
    for claim_id in claims:
        paragraph = ix.paragraph_of.get(claim_id)
        number = paragraph.number if paragraph else None
        if previous is not None and number != previous:
            y += _GAP
        rows[claim_id] = y
        y += row
        previous = number
    return rows


def _source_rows(keys: list[str], edges, claim_y: dict[str, float], row: float) -> dict[str, float]:
    cited: dict[str, list[float]] = {}
    confirmed = {key for _, key, status in edges if status == "confirmed"}
    for claim_id, key, status in edges:
        # Placed by the links shown by default; a source with suggestions only, by those.
        if status == "confirmed" or key not in confirmed:
            cited.setdefault(key, []).append(claim_y[claim_id])
    wanted = {k: sum(ys) / len(ys) for k, ys in cited.items()}
    order = sorted(wanted, key=lambda k: (wanted[k], k))
    rows: dict[str, float] = {}
    floor = _TOP
    for key in order:
        # As close to the barycentre as the row above allows.
        rows[key] = max(wanted[key], floor)
        floor = rows[key] + row
    floor += _GAP * 2 if order else 0
    for key in keys:
        if key not in rows:
            rows[key] = floor
            floor += row
    return rows
