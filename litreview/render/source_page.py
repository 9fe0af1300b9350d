"""One page per source: its reference, registry view, the claims that rely on it, its BibTeX.

The fields table sets the bibliography beside the registry with disagreements
marked in words; the abstract goes through nh3; links only for safe URLs.
"""

from __future__ import annotations

from dataclasses import replace

from ..bibliography.latex import full_title
from ..locale_terms import citation_terms
from ..model import Citation, Claim, Link, Person, RegistryRecord, Source, SourceMetadata
from ..text import plural
from .bibtex import EntryTexts
from .citation import Citations
from .claim_text import plain_claim, plain_text, readable
from .fragments import (
    KIND_WORDS,
    STATUS_WORDS,
    decision_label,
    evidence_of,
    evidence_shown,
    excerpt,
    finding_html,
    html_block,
    locator_words,
    page,
    type_words,
)
from .index import ReviewIndex, is_topical_suggestion
from .layout import Layout
from .sanitize import clean_abstract, doi_url, esc, esc_code, link, normalise_doi, one_line, safe_url, shorten
from .short_labels import PLAIN, short_label, short_title

STATUS_TEXT = {
    "verified": "Verified: the registry’s record was fetched and compared with the entry.",
    "not-found": "The registry says this DOI does not exist.",
    "malformed": "The DOI is malformed, so it was never looked up.",
    "unverified": "Not yet verified: the entry has a DOI but no registry record has been fetched.",
    "failed": "Fetching the registry record failed.",
    "no-doi": "No DOI: there is nothing to verify against a registry.",
}
# An entry known by another identifier (arXiv, PubMed, ISBN, a Manubot citation by one) that no registry answered yet.
_UNVERIFIED_WITHOUT_DOI = "Not yet verified: no registry record has been fetched for the entry."
# (row label, mismatch field name, entry value, record value)
_ROWS = ("type", "authors", "editors", "year", "title", "container", "publisher", "volume", "issue",
         "pages", "doi", "url")


def source_title(source: Source) -> str:
    title = one_line(full_title(source)) or one_line(source.key)
    return title


def source_page(ix: ReviewIndex, layout: Layout, citations: Citations, entries: EntryTexts,
                source: Source) -> str:
    """The Markdown of a source's page."""
    here = layout.source(source.key)
    ref = ix.reference(citations, source.key)
    meta = ix.metadata(source.key)
    crumbs = (f'<nav class="lr-crumbs" aria-label="Breadcrumb" data-search-exclude="crumbs"><ol><li><a href="{esc(layout.href(here, layout.home))}">'
              f'Home</a></li><li><a href="{esc(layout.href(here, layout.bibliography))}">Bibliography</a></li>'
              f'<li aria-current="page">{esc(ref.short)}</li></ol></nav>')
    parts = [html_block(
        f'{crumbs}<h1>{esc(source_title(source))}</h1>'
        f'<p class="lr-reference">{ref.html}</p>'
        f'<ul class="lr-facts"><li>Key: <code>{esc(source.key)}</code> · {esc(type_words(source.type))} '
        f"(<code>@{esc(source.type)}</code>) · cited as {esc(ref.short)}</li>{_status_items(source, meta)}</ul>")]
    links = ix.links_by_source.get(source.key, [])
    main = [lk for lk in links if not is_topical_suggestion(lk)]
    main.sort(key=lambda lk: lk.status != "confirmed")  # stable: reading order within each status
    topical = [lk for lk in links if is_topical_suggestion(lk)]
    confirmed = sum(1 for lk in links if lk.status == "confirmed")
    parts.append(f"## Claims relying on this source ({len(links)}) {{#claims}}\n\n")
    if links:
        parts.append(html_block(
            f'<p class="lr-small">{confirmed} confirmed, {len(links) - confirmed} suggested (found by '
            "litreview, not yet reviewed)"
            + (f", of which {len(topical)} by topic alone" if topical else "") + ".</p>"))
    if main:
        parts.append(html_block('<ol class="lr-claims" data-search-exclude="claims">'
                                + "".join(_claim_item(ix, layout, citations, here, lk) for lk in main) + "</ol>"))
    if topical:
        parts.append(html_block(
            f'<details class="lr-topical" data-search-exclude="claims"><summary>{plural(len(topical), "topical suggestion")}: claims on the '
            "same topic that do not cite this source</summary><ol class=\"lr-claims\">"
            + "".join(_claim_item(ix, layout, citations, here, lk) for lk in topical) + "</ol></details>"))
    if not links:
        parts.append(html_block("<p>No claim of the essay relies on this source (no confirmed or "
                                "suggested link).</p>"))
    if rejected := ix.rejected_by_source.get(source.key, []):
        parts.append(html_block(
            f'<details class="lr-rejected" data-search-exclude="claims"><summary>{plural(len(rejected), "link")} a '
            "reviewer rejected: claims that do not rely on this source</summary><ol class=\"lr-claims\">"
            + "".join(_claim_item(ix, layout, citations, here, lk) for lk in rejected) + "</ol></details>"))
    findings = ix.findings_by_key.get(source.key, [])
    parts.append(f"## Findings ({len(findings)}) {{#findings}}\n\n")
    if findings:
        items = "".join(finding_html(f, layout=layout, here=here, sources=ix.sources, claims=ix.claims,
                                     show_source=False) for f in findings)
        parts.append(html_block(f'<ul class="lr-findings">{items}</ul>'))
    else:
        parts.append(html_block("<p>No findings for this source.</p>"))
    parts.append("## Bibliography and registry {#registry}\n\n")
    parts.append(html_block(_fields_table(source, meta)))
    abstract = clean_abstract(meta.record.abstract) if meta and meta.record else ""
    if abstract:
        parts.append("## Abstract {#abstract}\n\n")
        parts.append(html_block(f'<div class="lr-abstract">{abstract}<p class="lr-small">From the registry '
                                "record, sanitised.</p></div>"))
    parts.append("## BibTeX {#bibtex}\n\n")
    bibtex = esc(entries.entry(source)).replace("\n", "&#10;")
    parts.append(html_block(f'<pre class="lr-bibtex" data-search-exclude="bibtex"><code>{bibtex}</code></pre>'))
    return page(f"{ref.short}: {short_title(source, 60)}", "".join(parts))


def source_page_inputs(ix: ReviewIndex, entries: EntryTexts, source: Source) -> tuple:
    """Everything ``source_page`` shows of the review, for the site's page cache (keep the two in step).

    The entries' and findings' line numbers are left out: the page shows none, and an entry that grows must not change the key
    of every entry below it.
    """
    links = ix.links_by_source.get(source.key, []) + ix.rejected_by_source.get(source.key, [])
    findings = [replace(f, line=None) for f in ix.findings_by_key.get(source.key, [])]
    claim_ids = [lk.claim_id for lk in links] + [f.claim_id for f in findings if f.claim_id]
    claims = tuple(ix.claims.get(cid) for cid in claim_ids)
    cited_for = tuple(tuple(c.text for c in ix.cited_for[cid].claims) for cid in claim_ids if cid in ix.cited_for)
    # The labels of every source the claims cite: the excerpts show them in place of the citations.
    cited = sorted({c.key for claim in claims if claim is not None for c in claim.citations or ()})
    terms = citation_terms(ix.lang)
    labels = tuple((key, short_label(ix.sources[key], ix.marks.get(key, PLAIN), terms))
                   for key in cited if key in ix.sources)
    # The notes' numbers, which the excerpts print for a note (its reference, an inline note), hang on the whole essay.
    texts = [c.text for c in claims if c is not None] + [t for group in cited_for for t in group]
    notes = tuple(sorted(ix.notes.items())) if any("[^" in t or "^[" in t for t in texts) else ()
    return (replace(source, line=None), ix.metadata(source.key), tuple(links), ix.claims_file, claims, tuple(findings),
            entries.entry(source), labels, ix.marks.get(source.key, PLAIN), cited_for, notes, ix.lang_attr())


def _status_items(source: Source, meta: SourceMetadata | None) -> str:
    items = []
    bare = normalise_doi(source.doi)
    if source.doi:
        href = doi_url(bare) if bare else None
        target = link(href, bare) if href else f"<code>{esc(source.doi)}</code> (not a valid DOI)"
        items.append(f"<li>DOI: {target}</li>")
    if source.url:
        shown = link(source.url)
        if safe_url(source.url) is None:
            shown += " (not linked: only http and https addresses become links)"
        items.append(f"<li>URL: {shown}{_url_check(meta)}</li>")
    if meta is None:
        items.append("<li>Registry: not yet verified (no registry data for this entry).</li>")
        return "".join(items)
    text = STATUS_TEXT.get(meta.status, esc(meta.status))
    if meta.status == "unverified" and not source.doi.strip():
        text = _UNVERIFIED_WITHOUT_DOI
    if meta.fetched_at:
        text += f" Fetched {esc(meta.fetched_at[:10])}."
    if meta.stale:
        text += " The snapshot is older than the configured age: fetch it again."
    reason = _reason(meta)
    if reason:
        text += f" {esc_code(reason)}"
    items.append(f"<li>Registry: {text}</li>")
    from ..registry.report import registries_text  # which registries were asked, and how each answered

    if asked := registries_text(meta):
        items.append(f'<li class="lr-registries">Registries asked: {esc(asked)}.</li>')
    if meta.suggestion is not None:
        s = meta.suggestion
        href = doi_url(s.doi)
        target = link(href, s.doi) if href else f"<code>{esc(s.doi)}</code>"
        items.append(f"<li>Suggested DOI: {target} (score {s.score:.2f}"
                     + (f"; registry title “{esc(s.title)}”" if s.title else "") + ")</li>")
    if meta.record is not None:
        for update in meta.record.updates:
            href = doi_url(update.doi)
            target = link(href, update.doi) if href else esc(update.doi)
            label = update.label or update.type.replace("_", " ")
            items.append(f'<li class="lr-update"><span aria-hidden="true">⚠</span> '
                         f"{esc(label)}{(' ' + esc(update.date)) if update.date else ''}: {target}</li>")
    return "".join(items)


# What the status sentence already says, so the reason does not say it again.
_SAID = {"no-doi": ("the entry has no DOI",), "unverified": ("not yet verified:", "not yet verified")}


def _reason(meta: SourceMetadata) -> str:
    """The snapshot's reason as a sentence of its own, without repeating the status sentence."""
    reason = one_line(meta.reason)
    for said in _SAID.get(meta.status, ()):
        if reason.casefold().startswith(said.casefold()):
            reason = reason[len(said):].lstrip(" ;:,")
            break
    if reason.startswith("(") and reason.endswith(")") and reason.count("(") == 1:
        reason = reason[1:-1]
    if not reason:
        return ""
    reason = reason[:1].upper() + reason[1:]
    return reason if reason.endswith((".", "!", "?")) else reason + "."


def _url_check(meta: SourceMetadata | None) -> str:
    check = meta.url_check if meta else None
    if check is None:
        return ""
    if check.ok:
        return f" (answered{(' ' + str(check.status)) if check.status else ''}" \
               f"{(' on ' + esc(check.checked_at[:10])) if check.checked_at else ''})"
    why = f"status {check.status}" if check.status else esc(check.error or "no answer")
    text = f' <span class="lr-broken"><span aria-hidden="true">✖</span> broken ({why})</span>'
    if check.archive_url and safe_url(check.archive_url):
        text += " · " + link(check.archive_url, "archived copy (Internet Archive)")
    return text


def _claim_item(ix: ReviewIndex, layout: Layout, citations: Citations, here: str, lk: Link) -> str:
    claim = ix.claims.get(lk.claim_id)
    evidence = evidence_of(lk)
    if claim is None:
        head = f"<p>Claim {esc(lk.claim_id)} (no longer in the essay)</p>"
    else:
        href = layout.href(here, layout.essay, claim.id)
        text = claim.text
        if claim.citations:  # the citations with the sources' labels, as the essay page shows them
            text, rewritten = readable(text, claim.citations, lambda item: _label(ix, citations, item))
            evidence = rewritten.get(evidence, evidence)
        if claim.citations is not None:  # read as Markdown: quoted as the essay page shows it, not its markup
            text = plain_text(text, numbers=ix.notes_of(claim.id), claim_id=claim.id)
            evidence = plain_text(evidence, numbers=ix.notes_of(claim.id)) if evidence else evidence
        cited_for = ix.cited_for.get(claim.id)
        if cited_for is not None:  # a paragraph of citations alone: what they are the authorities of
            before = " ".join(plain_claim(c, lambda item: _label(ix, citations, item), ix.notes_of(c.id))
                              for c in cited_for.claims)
            text = f"{text} (Cited for {cited_for.name}: {shorten(before, 400)})"
        head = (f'<blockquote class="lr-excerpt"{ix.lang_attr()}>{excerpt(text, evidence or lk.evidence)}</blockquote>'
                f'<p><a href="{esc(href)}">Claim {esc(claim.id)} in the essay ({esc(_paragraph_name(ix, claim))}, '
                f"sentence {claim.sentence})</a></p>")
    facts = [f"Link: {esc(KIND_WORDS.get(lk.kind, lk.kind))}",
             f"status: {esc(STATUS_WORDS.get(lk.status, lk.status))}"]
    if lk.status != "rejected":  # a rejected link's confidence is that of a link no longer there
        facts.append(f"confidence {lk.confidence:.2f}")
    if lk.locator:  # read as Markdown as the claim is ("p.\\ 12": a no-break space)
        read = claim is not None and claim.citations is not None
        facts.append(locator_words(plain_text(lk.locator, numbers=ix.notes_of(lk.claim_id)) if read else lk.locator))
    if decided := decision_label(lk, ix.claims_file):  # a reviewer's decision, accepted or rejected
        facts.append(f"decision recorded in <code>{esc(decided)}</code>")
    detail = f'<p class="lr-small">{"; ".join(facts)}.'
    if evidence:
        detail += f" Evidence: {evidence_shown(lk, evidence)}."
    if lk.ambiguous:
        detail += " The evidence fits more than one entry; context chose this one."
    detail += "</p>"
    if lk.note:
        detail += f'<p class="lr-note">Note: {esc(lk.note)}</p>'
    return f'<li class="lr-mark--{esc(lk.status)}">{head}{detail}</li>'


def _label(ix: ReviewIndex, citations: Citations, item: Citation) -> str | None:
    return ix.reference(citations, item.key).cited(item) if item.key in ix.sources else None


def _paragraph_name(ix: ReviewIndex, claim: Claim) -> str:
    """``paragraph 3``, or ``the front matter's abstract`` (whose paragraphs are numbered 0 and below)."""
    paragraph = ix.paragraph_of.get(claim.id)
    return paragraph.name if paragraph is not None else f"paragraph {claim.paragraph}"


def _people(people: tuple[Person, ...]) -> str:
    return "; ".join(p.sort_name() for p in people)


def _entry_values(s: Source) -> dict[str, str]:
    return {"type": s.type, "authors": _people(s.authors), "editors": _people(s.editors),
            "year": str(s.year or s.field("year") or ""), "title": full_title(s), "container": s.container,
            "publisher": s.publisher, "volume": s.volume, "issue": s.number, "pages": s.pages,
            "doi": s.doi, "url": s.url}


def _record_values(r: RegistryRecord) -> dict[str, str]:
    title = f"{r.title}: {r.subtitle}" if r.subtitle else r.title
    return {"type": r.type, "authors": _people(r.authors), "editors": _people(r.editors),
            "year": str(r.year or ""), "title": title, "container": r.container, "publisher": r.publisher,
            "volume": r.volume, "issue": r.issue, "pages": r.pages, "doi": r.doi, "url": r.url}


def _same(a: str, b: str) -> bool:
    def norm(x: str) -> str:
        return " ".join(x.replace("–", "-").replace("—", "-").casefold().split())
    return norm(a) == norm(b)


def _fields_table(source: Source, meta: SourceMetadata | None) -> str:
    record = meta.record if meta else None
    entry = _entry_values(source)
    registry = _record_values(record) if record else {}
    mismatches = {m.field: m for m in (meta.mismatches if meta else ())}
    rows = []
    for name in _ROWS:
        mine, theirs = entry.get(name, ""), registry.get(name, "")
        if not mine and not theirs and name not in mismatches:
            continue
        mismatch = mismatches.get(name)
        if mismatch is not None:
            side = {"registry": "registry likely right", "entry": "entry likely right"}.get(
                mismatch.likely_right, "unclear which is right")
            verdict = (f'<span class="lr-differs"><span aria-hidden="true">≠</span> differs '
                       f"({esc(mismatch.kind)}; {side})</span>")
            theirs = theirs or mismatch.registry_value
            klass = ' class="lr-row-differs"'
        elif mine and theirs:
            word = "agrees" if _same(mine, theirs) else "equivalent (no disagreement found)"
            verdict, klass = f'<span class="lr-agrees"><span aria-hidden="true">✓</span> {word}</span>', ""
        else:
            verdict, klass = "—", ""
        rows.append(f"<tr{klass}><th scope=\"row\">{esc(name)}</th><td>{esc(mine)}</td><td>{esc(theirs)}</td>"
                    f"<td>{verdict}</td></tr>")
    if record is None:
        own = "".join(f'<tr><th scope="row">{esc(name)}</th><td>{esc(entry[name])}</td></tr>'
                      for name in _ROWS if entry.get(name))
        return ('<div class="lr-fields"><table><caption>The entry’s fields (no registry record to compare '
                'with)</caption><thead><tr><th scope="col">Field</th><th scope="col">Bibliography</th></tr>'
                f"</thead><tbody>{own}</tbody></table></div>")
    agency = f" ({esc(record.agency)})" if record.agency else ""
    caption = f"{plural(len(mismatches), 'disagreement')} with the registry"
    return (f'<div class="lr-fields"><table><caption>{caption}</caption><thead><tr><th scope="col">Field</th>'
            f'<th scope="col">Bibliography</th><th scope="col">Registry{agency}</th>'
            f'<th scope="col">Comparison</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
