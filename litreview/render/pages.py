"""One function per page kind, each returning the page's Markdown (front matter + raw HTML).

Headings with fixed text stay Markdown so they reach the table of contents; every
value from the review goes through ``sanitize.esc`` inside raw HTML blocks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..essay.sections import prose_paragraphs
from ..model import Severity
from ..text import plural
from .citation import Citations, reference_sort_key
from .essay_page import essay_page
from .fragments import (
    SEVERITY_ANCHOR,
    SEVERITY_NOUN,
    SEVERITY_PLURAL,
    SEVERITY_SYMBOL,
    code_id,
    file_label,
    finding_html,
    html_block,
    page,
    severity_badge,
    status_words,
    type_words,
    worst_finding,
)
from .index import SEVERITIES, ReviewIndex
from .layout import Layout
from .sanitize import esc, esc_code, one_line
from .source_page import source_page

__all__ = ["CatalogueEntry", "Download", "bibliography_page", "checks_page", "codes_page", "downloads_page",
           "essay_page", "home_page", "map_page", "source_page"]


@dataclass(frozen=True)
class CatalogueEntry:
    """One finding code as the checks catalogue describes it."""

    code: str
    severity: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Download:
    """A file offered on the downloads page."""

    name: str
    description: str
    size: int


def metadata_counts(ix: ReviewIndex) -> Counter[str]:
    """Sources per registry state; sources without metadata count as not yet verified."""
    counts: Counter[str] = Counter()
    for key in ix.sources:
        meta = ix.metadata(key)
        if meta is None:
            counts["unverified"] += 1
            continue
        counts[meta.status] += 1
        if meta.status == "verified" and meta.stale:
            counts["stale"] += 1
    return counts


def home_page(ix: ReviewIndex, layout: Layout, *, bibliography_name: str = "") -> str:
    """What was reviewed, the summary figures, and where to go next."""
    here = layout.home
    review = ix.review
    essay = review.essay
    prose = prose_paragraphs(essay) if essay else []
    claims = [c for p in prose for c in p.claims]  # as the essay page counts them: not its headings nor tables
    confirmed = sum(1 for c in claims if any(lk.status == "confirmed" for lk in ix.links_by_claim.get(c.id, ())))
    suggested_only = sum(1 for c in claims if ix.links_by_claim.get(c.id)
                         and not any(lk.status == "confirmed" for lk in ix.links_by_claim[c.id]))
    unconfirmed = [key for key in ix.sources if not ix.confirmed_count(key)]
    only_suggested = sum(1 for key in unconfirmed if ix.links_by_source.get(key))
    severity = ix.severity_counts()
    meta = metadata_counts(ix)

    def to(path: str, text: str, fragment: str = "") -> str:
        return f'<a href="{esc(layout.href(here, path, fragment))}">{text}</a>'

    what = []
    if essay is not None:
        title = one_line(essay.meta.get("title", "")) if hasattr(essay.meta, "get") else ""
        name = ix.in_essay_language(esc(title)) if title else f"<code>{esc(essay.path.replace(chr(92), '/').rsplit('/', 1)[-1])}</code>"
        what.append(f"the essay {name} ({plural(len(prose), 'paragraph')}, "
                    f"{plural(len(claims), 'claim')})")
        origin = one_line(essay.meta.get("source", "")) if hasattr(essay.meta, "get") else ""
    else:
        origin = ""
    bib = f" <code>{esc(bibliography_name)}</code>" if bibliography_name else ""
    what.append(f"its bibliography{bib} ({plural(len(ix.sources), 'source')})")
    intro = "<p>This site reviews " + " and ".join(what) + ": which sources each claim relies on, whether "
    intro += "each source’s metadata agrees with the registries (Crossref, DataCite), and what is broken or "
    intro += "missing.</p>"
    if origin:
        intro += f'<p class="lr-small">Origin of the essay: {esc(origin)}</p>'

    rows = [("Sources in the bibliography", str(len(ix.sources)))]
    if essay is not None:
        rows += [("Claims (sentences) in the essay", str(len(claims))),
                 ("Claims with a confirmed source", str(confirmed)),
                 ("Claims with only suggested sources", str(suggested_only)),
                 ("Sources with no confirmed claim", str(len(unconfirmed))),
                 ("… of which some claim is suggested", str(only_suggested))]
    for sev in SEVERITIES:
        count = severity.get(sev, 0)
        figure = f'<span aria-hidden="true">{SEVERITY_SYMBOL[sev]}</span> {count}'
        if count:
            said = SEVERITY_NOUN[sev] + ("" if count == 1 else "s")  # "1 warning", not "1 warnings"
            figure = to(layout.checks, f'{figure}<span class="lr-sr"> {said}: see {"it" if count == 1 else "them"} '
                        "on the checks page</span>", SEVERITY_ANCHOR[sev])
        rows.append((f"Findings: {SEVERITY_PLURAL[sev].lower()}", figure))
    rows += [("Metadata verified against a registry (from the snapshot)", str(meta.get("verified", 0))),
             ("… of which the snapshot is older than the configured age", str(meta.get("stale", 0))),
             ("Metadata not yet verified", str(meta.get("unverified", 0) + meta.get("failed", 0))),
             ("DOI not found or malformed", str(meta.get("not-found", 0) + meta.get("malformed", 0))),
             ("Sources without a DOI", str(meta.get("no-doi", 0)))]
    table = ('<div class="lr-summary"><table><caption>Summary figures</caption><tbody>'
             + "".join(f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows)
             + "</tbody></table></div>")
    nav = ["<ul>"]
    if essay is not None:
        nav.append(f"<li>{to(layout.essay, 'Read the annotated essay')}: each claim with its sources.</li>")
    nav += [f"<li>{to(layout.bibliography, 'Browse the bibliography')}: every source, its claims and "
            "its status.</li>",
            f"<li>{to(layout.checks, 'See the findings of the checks')}, grouped by severity and code.</li>",
            f"<li>{to(layout.map, 'Look at the map of claims and sources')}.</li>",
            f"<li>{to(layout.downloads, 'Download the data')}: BibTeX, CSL-JSON, links and findings.</li>",
            "</ul>"]
    body = (html_block(f"<h1>Citation review</h1>{intro}")
            + "## What needs attention {#attention}\n\n" + html_block(_attention(ix, layout))
            + "## Summary {#summary}\n\n" + html_block(table)
            + "## Where to go next {#next}\n\n" + html_block("".join(nav)))
    return page("Home", body)


#: Findings that say the text relies on something the bibliography does not give (or not clearly).
MISSING_CITATION_CODES = ("LR300", "LR301", "LR302", "LR303", "LR304", "LR305")
_LISTED = 12


def _attention(ix: ReviewIndex, layout: Layout) -> str:
    """Errors, missing citations and unverified sources first, each linked to where it is explained."""
    here = layout.home
    items = []

    def by_code(findings: list, severity: str | None = None) -> str:
        codes = Counter(f.code for f in findings)
        links = []
        for code, n in sorted(codes.items()):
            sev = severity or next(f.severity for f in findings if f.code == code)
            href = layout.href(here, layout.checks, f"{code_id(code)}-{sev}")
            links.append(f'<a href="{esc(href)}"><code>{esc(code)}</code> × {n}</a>')
        return ", ".join(links)

    errors = [f for f in ix.review.findings if f.severity == "error"]
    if errors:
        href = layout.href(here, layout.checks, SEVERITY_ANCHOR["error"])
        items.append(f'<li>{severity_badge("error")} <a href="{esc(href)}">{plural(len(errors), "error")}</a>'
                     f": {by_code(errors, 'error')}.</li>")
    missing = [f for f in ix.review.findings if f.code in MISSING_CITATION_CODES]
    if missing:
        items.append(f"<li><strong>{plural(len(missing), 'missing or unclear citation')}</strong> (the text "
                     f"relies on something the bibliography does not give): {by_code(missing)}.</li>")
    unverified = [key for key in ix.sources
                  if (meta := ix.metadata(key)) is None or meta.status in ("unverified", "failed")]
    if unverified:
        shown = ", ".join(f'<a href="{esc(layout.href(here, layout.source(key)))}">{esc(key)}</a>'
                          for key in unverified[:_LISTED])
        more = (f", and {len(unverified) - _LISTED} more on the "
                f'<a href="{esc(layout.href(here, layout.bibliography))}">bibliography</a>'
                if len(unverified) > _LISTED else "")
        items.append(f"<li><strong>{plural(len(unverified), 'source')} not yet verified</strong> against a "
                     f"registry (run <code>litreview fetch</code>): {shown}{more}.</li>")
    if not items:
        return ('<p class="lr-allclear"><span aria-hidden="true">✓</span> Nothing needs attention: no errors, '
                "no missing citations, and every source with a DOI has been checked against a registry.</p>")
    return f'<ul class="lr-attention">{"".join(items)}</ul>'


def bibliography_page(ix: ReviewIndex, layout: Layout, citations: Citations) -> str:
    """Every source in a table (sortable and filterable with JavaScript, readable without)."""
    here = layout.bibliography
    rows = []
    ordered = sorted(ix.sources.values(), key=lambda s: (*reference_sort_key(ix.reference(citations, s.key).text), s.key))
    for source in ordered:
        ref = ix.reference(citations, source.key)
        meta = ix.metadata(source.key)
        status = status_words(meta)
        findings = Counter(f.severity for f in ix.findings_by_key.get(source.key, ()))
        found = ", ".join(f'<span class="lr-nowrap">{SEVERITY_SYMBOL[s]} {plural(findings[s], SEVERITY_NOUN[s])}</span>'
                          for s in SEVERITIES if findings[s])
        count = ix.confirmed_count(source.key)
        suggested = ix.claim_count(source.key) - count
        href = layout.href(here, layout.source(source.key))
        rows.append(
            f'<tr><td data-sort="{esc(ref.text.casefold())}"><a class="lr-srclink" href="{esc(href)}">'
            f'{esc(ref.short)}<span class="lr-sr">: source page</span></a> '
            f'<span class="lr-ref">{ref.html}</span></td>'
            f'<td data-label="Year" data-sort="{source.year or 0}">{esc(source.year or "n.d.")}</td>'
            f'<td data-label="Type">{esc(type_words(source.type))}</td>'
            f'<td data-label="Confirmed claims" data-sort="{count}.{suggested:05d}">{count}'
            + (f' <span class="lr-small lr-nowrap">(+{suggested} suggested)</span>' if suggested else "") + "</td>"
            f'<td data-label="Metadata">{esc(status)}</td>'
            f'<td data-label="Findings" data-sort="{_severity_rank(findings)}">{found or "none"}</td></tr>')
    intro = (f"<p>{plural(len(ordered), 'source')}, in alphabetical order. Follow a source’s label to its "
             "page: its reference, the claims that rely on it, its registry record and its BibTeX. "
             "<span class=\"lr-js-only\">Type in the filter box to narrow the list; select a column "
             "heading to sort by it.</span></p>")
    head = "".join(f'<th scope="col">{name}</th>' for name in
                   ("Source", "Year", "Type", "Confirmed claims", "Metadata", "Findings"))
    # Out of the search index: each source page is the entry for its author, title, year and DOI.
    table = (f'<div class="lr-table-wrap lr-bib lr-stack" tabindex="0" role="region" aria-label="The bibliography" '
             'data-search-exclude="bibliography">'
             f'<table data-lr-sortable data-lr-filterable>'
             f'<caption>The bibliography</caption><thead><tr>{head}</tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table></div>')
    return page("Bibliography", html_block(f"<h1>Bibliography</h1>{intro}") + html_block(table), hide=["toc"])


def checks_page(ix: ReviewIndex, layout: Layout, *, root: str | None = None,
                catalogue: Sequence[CatalogueEntry] = ()) -> str:
    """All findings grouped by severity and code, each linked to its claim or source."""
    here = layout.checks
    findings = ix.review.findings
    counts = ix.severity_counts()
    summary = ", ".join(
        (f'<a href="#{SEVERITY_ANCHOR[s]}">{SEVERITY_SYMBOL[s]} {plural(counts[s], SEVERITY_NOUN[s])}</a>'
         if counts.get(s) else f"{SEVERITY_SYMBOL[s]} {plural(0, SEVERITY_NOUN[s])}") for s in SEVERITIES)
    titles = {c.code: c.title for c in catalogue}
    parts = [html_block(f"<h1>Checks</h1><p>{plural(len(findings), 'finding')}: {summary}. Each finding "
                        "names its code, says what is wrong and what to do, and links to the claim or "
                        "the source concerned.</p>")]
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        # The heading's text alone makes its id (#errors, #warnings, #notes): stable, so other
        # pages can link here; the count is in the paragraph under it.
        parts.append(f"## {SEVERITY_PLURAL[severity]}\n\n")
        parts.append(html_block(f"<p>{plural(len(group), SEVERITY_NOUN[severity])}, by code.</p>"))
        by_code: dict[str, list] = {}
        for finding in group:
            by_code.setdefault(finding.code, []).append(finding)
        for code in sorted(by_code):
            items = by_code[code]
            title = f" — {esc(titles[code])}" if code in titles else ""
            if code in titles:
                title += (f' <a class="lr-codelink" href="{esc(layout.href(here, layout.codes, code_id(code)))}">'
                          f'<span class="lr-sr">What {esc(code)} means</span><span aria-hidden="true">?</span></a>')
            # One hint the code's findings all share (159 "Run litreview fetch ..."): said once, under the heading.
            hints = {f.hint for f in items}
            shared = next(iter(hints)) if len(items) >= 3 and len(hints) == 1 else ""
            lis = "".join(finding_html(replace(f, hint="") if shared else f, layout=layout, here=here,
                                       sources=ix.sources, claims=ix.claims, file_label=file_label(f, root),
                                       compact=True) for f in items)
            said = f'<p class="lr-hint">Hint for all {len(items)}: {esc_code(shared)}</p>' if shared else ""
            parts.append(html_block(
                f'<h3 id="{esc(code_id(code) + "-" + severity)}">{severity_badge(severity)} '
                f'<code>{esc(code)}</code>{title} ({len(items)})</h3>{said}<ul class="lr-findings">{lis}</ul>'))
    if not findings:
        parts.append(html_block("<p>No findings.</p>"))
    if catalogue:
        parts.append(html_block(f'<p>What each code means, and how to silence one: the '
                                f'<a href="{esc(layout.href(here, layout.codes))}">finding codes</a>.</p>'))
    return page("Checks", "".join(parts))


def codes_page(layout: Layout, catalogue: Sequence[CatalogueEntry]) -> str:
    """The catalogue of finding codes: what each means and what to do, one anchor per code."""
    if not catalogue:
        return page("Finding codes", html_block('<h1>Finding codes</h1><p>The checks are off, so no '
                                                "codes are listed.</p>"))
    here = layout.codes
    rows = "".join(
        f'<tr id="{esc(code_id(c.code))}"><td data-label="Code"><code>{esc(c.code)}</code></td>'
        f'<td data-label="Severity">{severity_badge(c.severity)}</td>'
        f'<td data-label="Finding">{esc(c.title)}</td><td data-label="What it means">{esc_code(c.description)}</td>'
        "</tr>" for c in catalogue)
    intro = (f"<p>{plural(len(catalogue), 'code')} the checks may report, with what each means and what to do. "
             f'The findings of this review are on the <a href="{esc(layout.href(here, layout.checks))}">checks '
             "page</a>.</p>")
    table = ('<div class="lr-catalogue lr-stack" tabindex="0" role="region" aria-label="Finding codes">'
             '<table><thead><tr><th scope="col">Code</th><th scope="col">Severity</th><th scope="col">Finding</th>'
             f'<th scope="col">What it means</th></tr></thead><tbody>{rows}</tbody></table></div>')
    return page("Finding codes", html_block(f'<h1>Finding codes</h1>{intro}{table}'), hide=["toc"])


def map_page(svg: str, ix: ReviewIndex, layout: Layout, narrow: str = "") -> str:
    """The map of claims and sources, its legend, a toggle for suggested links, and the same facts as a table.

    ``narrow`` is the map drawn for phones (shown instead of ``svg`` on narrow screens)."""
    here = layout.map
    linked = len(ix.links_by_claim)
    suggested = sum(1 for links in ix.links_by_claim.values() for lk in links if lk.status != "confirmed")
    intro = (f"<p>On the left, the claims of the essay that rely on a source ({linked}), in reading order; "
             f"on the right, every source of the bibliography ({len(ix.sources)}), each beside the claims "
             "that rely on it. A source’s square grows with the number of claims that rely on it (confirmed "
             "links) and takes the colour of its worst finding, which its label also names with a symbol "
             "(✖ error, ⚠ warning, ℹ note). Sources no claim relies on are listed at the bottom, hollow. Point "
             "at a claim or a source, or move to it with the Tab key, to light up its links. Every shape is a "
             f'link: to the claim in the <a href="{esc(layout.href(here, layout.essay))}">essay</a> or to '
             "the source’s page. The same facts as a table are below the map.</p>")
    if suggested:
        intro += ('<p class="lr-toggle"><label><input type="checkbox" id="lr-map-suggested"> '
                  f"Show the {plural(suggested, 'suggested link')} too (dashed): found by litreview, not yet "
                  "reviewed.</label></p>")
    intro += ('<p class="lr-small lr-map-hint">The map is wider than this screen: scroll it sideways to see '
              "the sources, or read the table below it.</p>")
    rows = []
    for key in ix.sources:
        links = ix.links_by_source.get(key, [])
        claims = ", ".join(
            f'<a href="{esc(layout.href(here, layout.essay, lk.claim_id))}">{esc(lk.claim_id)}</a>'
            + ("" if lk.status == "confirmed" else '<span class="lr-small"> (suggested)</span>') for lk in links)
        bad = worst_finding(ix.findings_by_key.get(key, ()))
        rows.append(f'<tr><td><a href="{esc(layout.href(here, layout.source(key)))}">{esc(key)}</a></td>'
                    f'<td>{claims or "none"}</td><td>'
                    f'{severity_badge(bad.severity) + " <code>" + esc(bad.code) + "</code>" if bad else "none"}'
                    "</td></tr>")
    # On phones each row is a card; the stylesheet writes the column names (.lr-maptable), not each cell.
    table = ('<div class="lr-table-wrap lr-stack" tabindex="0" role="region" aria-label="The map as a table" '
             'data-search-exclude="map"><table class="lr-maptable"><thead><tr><th scope="col">Source</th><th scope="col">Claims relying '
             f'on it</th><th scope="col">Worst finding</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
    return page("Map", html_block(f"<h1>Map of claims and sources</h1>{intro}")
                + html_block(f'<div class="lr-map{" lr-map--wide" if narrow else ""}" tabindex="0" role="region" '
                             f'aria-label="The map" data-search-exclude="map">{svg}</div>')
                + (html_block(f'<div class="lr-map lr-map--narrow" tabindex="0" role="region" aria-label="The map" '
                              f'data-search-exclude="map">{narrow}</div>') if narrow else "")
                + "## The map as a table {#table}\n\n" + html_block(table), hide=["toc"])


def downloads_page(downloads: Sequence[Download], layout: Layout) -> str:
    """Links to the review's data files."""
    here = layout.downloads
    items = "".join(
        f'<li><a href="{esc(layout.href(here, layout.download(d.name)))}" download>{esc(d.name)}</a> '
        f"— {esc(d.description)} ({_size(d.size)})</li>" for d in downloads)
    return page("Downloads", html_block(
        "<h1>Downloads</h1><p>The review’s data, for other tools. These files are made at build time "
        f'from the same inputs as the pages.</p><ul class="lr-downloads">{items}</ul>'))


def _severity_rank(findings: Counter[Severity]) -> int:
    """Sorts sources by their worst findings: errors first, then warnings, then notes."""
    return findings["error"] * 1_000_000 + findings["warning"] * 1_000 + findings["info"]


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"
