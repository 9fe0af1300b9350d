"""One function per page kind, each returning the page's Markdown (front matter + raw HTML).

Headings with fixed text stay Markdown so they reach the table of contents; every
value from the review goes through ``sanitize.esc`` inside raw HTML blocks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .citation import Citations
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
    plural,
    severity_badge,
    type_words,
)
from .index import SEVERITIES, ReviewIndex
from .layout import Layout
from .sanitize import esc, esc_code, one_line
from .source_page import STATUS_SHORT, source_page

__all__ = ["CatalogueEntry", "Download", "bibliography_page", "checks_page", "downloads_page",
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
    claims = essay.claims if essay else ()
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
        name = esc(title) if title else f"<code>{esc(essay.path.replace(chr(92), '/').rsplit('/', 1)[-1])}</code>"
        what.append(f"the essay {name} ({plural(len(essay.paragraphs), 'paragraph')}, "
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
            figure = to(layout.checks, f'{figure}<span class="lr-sr"> {SEVERITY_PLURAL[sev].lower()}: see them '
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
    body = (html_block(f"<h1>Citation review</h1>{intro}") + "## Summary\n\n" + html_block(table)
            + "## Where to go next\n\n" + html_block("".join(nav)))
    return page("Home", body)


def bibliography_page(ix: ReviewIndex, layout: Layout, citations: Citations) -> str:
    """Every source in a table (sortable and filterable with JavaScript, readable without)."""
    here = layout.bibliography
    rows = []
    ordered = sorted(ix.sources.values(), key=lambda s: citations.reference(s).text.casefold())
    for source in ordered:
        ref = citations.reference(source)
        meta = ix.metadata(source.key)
        status = STATUS_SHORT.get(meta.status, meta.status) if meta else "not yet verified"
        if meta is not None and meta.stale:
            status += " (stale)"
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
            f'<td data-sort="{source.year or 0}">{esc(source.year or "n.d.")}</td>'
            f"<td>{esc(type_words(source.type))}</td>"
            f'<td data-sort="{count}.{suggested:05d}">{count}'
            + (f' <span class="lr-small lr-nowrap">(+{suggested} suggested)</span>' if suggested else "") + "</td>"
            f"<td>{esc(status)}</td>"
            f'<td data-sort="{sum(findings.values())}">{found or "none"}</td></tr>')
    intro = (f"<p>{plural(len(ordered), 'source')}, in alphabetical order. Follow a source’s label to its "
             "page: its reference, the claims that rely on it, its registry record and its BibTeX. "
             "<span class=\"lr-js-only\">Type in the filter box to narrow the list; select a column "
             "heading to sort by it.</span></p>")
    head = "".join(f'<th scope="col">{name}</th>' for name in
                   ("Source", "Year", "Type", "Confirmed claims", "Metadata", "Findings"))
    table = (f'<div class="lr-table-wrap lr-bib"><table data-lr-sortable data-lr-filterable>'
             f'<caption>The bibliography</caption><thead><tr>{head}</tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table></div>')
    return page("Bibliography", html_block(f"<h1>Bibliography</h1>{intro}{table}"), hide=["toc"])


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
            lis = "".join(finding_html(f, layout=layout, here=here, sources=ix.sources, claims=ix.claims,
                                       file_label=file_label(f, root), compact=True) for f in items)
            parts.append(html_block(
                f'<h3 id="{esc(code_id(code) + "-" + severity)}">{severity_badge(severity)} '
                f'<code>{esc(code)}</code>{title} ({len(items)})</h3><ul class="lr-findings">{lis}</ul>'))
    if not findings:
        parts.append(html_block("<p>No findings.</p>"))
    if catalogue:
        parts.append("## The codes\n\n")
        rows = "".join(
            f'<tr id="{esc(code_id(c.code))}"><td><code>{esc(c.code)}</code></td><td>{severity_badge(c.severity)}</td>'
            f"<td>{esc(c.title)}</td><td>{esc_code(c.description)}</td></tr>" for c in catalogue)
        parts.append(html_block('<div class="lr-catalogue"><table><thead><tr><th scope="col">Code</th>'
                                '<th scope="col">Severity</th><th scope="col">Finding</th>'
                                f'<th scope="col">What it means</th></tr></thead><tbody>{rows}</tbody></table></div>'))
    return page("Checks", "".join(parts))


def map_page(svg: str, ix: ReviewIndex, layout: Layout) -> str:
    """The static map of claims and sources."""
    here = layout.map
    linked = len(ix.links_by_claim)
    intro = (f"<p>On the left, the claims of the essay that rely on a source ({linked}), in reading order; "
             f"on the right, every source of the bibliography ({len(ix.sources)}), each beside the claims "
             "that rely on it. A solid line is a confirmed link, a dashed line a suggested one. Sources "
             "that no claim relies on are listed at the bottom, with a hollow square. Every shape is a "
             f'link: to the claim in the <a href="{esc(layout.href(here, layout.essay))}">essay</a> or to '
             "the source’s page. The same facts as lists: the "
             f'<a href="{esc(layout.href(here, layout.bibliography))}">bibliography</a>.</p>')
    intro += ('<p class="lr-small lr-map-hint">The map is wider than this screen: scroll it sideways to see '
              "the sources.</p>")
    return page("Map", html_block(f"<h1>Map of claims and sources</h1>{intro}")
                + html_block(f'<div class="lr-map">{svg}</div>'), hide=["toc"])


def downloads_page(downloads: Sequence[Download], layout: Layout) -> str:
    """Links to the review's data files."""
    here = layout.downloads
    items = "".join(
        f'<li><a href="{esc(layout.href(here, layout.download(d.name)))}" download>{esc(d.name)}</a> '
        f"— {esc(d.description)} ({_size(d.size)})</li>" for d in downloads)
    return page("Downloads", html_block(
        "<h1>Downloads</h1><p>The review’s data, for other tools. These files are made at build time "
        f'from the same inputs as the pages.</p><ul class="lr-downloads">{items}</ul>'))


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"
