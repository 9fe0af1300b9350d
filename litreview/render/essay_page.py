"""The annotated essay: every paragraph as written, each claim with its citation marks.

Each claim is an anchor (``#p3-s6``); claims with findings carry a visible flag and
the findings are explained after their paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

from ..essay.cites import crossref_kinds, is_crossref
from ..essay.front import meta_markdown
from ..essay.ids import source_ids, standard_id
from ..essay.sections import prose_paragraphs
from ..model import Citation, Claim, Essay, Link, Paragraph
from ..text import HARD_BREAK, plural
from .citation import Citations, reference_sort_key
from .claim_text import claim_html, plain_text, readable
from .crossrefs import crossref_labels
from .emphasis_across import emphasis_across, with_delimiters
from .fragments import (
    Step,
    decision_label,
    evidence_of,
    finding_html,
    html_block,
    mark_html,
    missing_mark,
    page,
    status_words,
    unlinked_mark,
    worst_finding,
)
from .index import ReviewIndex, is_topical_suggestion
from .layout import Layout, key_slug
from .pandoc_inline import spans_across
from .sanitize import clean_text, esc, one_line
from .sitecache import fingerprint


def essay_title(ix: ReviewIndex) -> str:
    title = _title(ix.review.essay)
    return f"The essay: {title}" if title else "The essay"


def _title(essay: Essay | None) -> str:
    """The front matter's title as a page prints it: a line block's bars and raw LaTeX left out
    (``front.meta_markdown``: `` | \\vspace{5cm} Movilidad...``)."""
    title = essay.meta.get("title", "") if essay is not None and hasattr(essay.meta, "get") else ""
    return one_line(meta_markdown(title)) if isinstance(title, str) else ""


class _Marks:
    """Per source, its marks in reading order (topical suggestions apart), and its reference number."""

    def __init__(self, ix: ReviewIndex, citations: Citations) -> None:
        self.by_source: dict[str, list[tuple[str, str]]] = {}
        self.card_of: dict[tuple[str, str], str] = {}
        for paragraph in ix.review.essay.paragraphs if ix.review.essay else ():
            for claim in paragraph.claims:
                for n, link in enumerate(ix.links_by_claim.get(claim.id, ()), start=1):
                    card = f"card-{claim.id}-{n}"
                    self.card_of[(claim.id, link.source_key)] = card
                    if not is_topical_suggestion(link):
                        self.by_source.setdefault(link.source_key, []).append((claim.id, card))
        self.sources = ix.sources
        essay = ix.review.essay
        self.xref = crossref_labels(essay) if essay is not None else None
        self.kinds = crossref_kinds(essay.meta) if essay is not None else ()  # labels no bibliography is asked for
        self.labelled: set[int] = set()  # the notes whose first paragraph is on the page
        self.ids: dict[str, str] = {}  # a Manubot cite-by-ID key's standard form -> the entry carrying it
        # Needed when a citation's key is an identifier that is no entry's key: an entry keyed by its identifier
        # in another case, or named by the alias a Manubot text gives it ("[@roe2001]: doi:...", the entry "roe2001").
        if essay is not None and any(item.key not in ix.sources and standard_id(item.key)
                                     for paragraph in essay.paragraphs for claim in paragraph.claims
                                     for item in claim.citations or ()):
            for key, source in ix.sources.items():
                for ident in source_ids(source):
                    self.ids.setdefault(ident, key)
        # The reference list holds what the essay cites, as pandoc's does, and every entry a mark may show: a
        # chapter drawing on its book's bibliography listed all of it (24 entries cited, 228 listed).
        shown = self._shown(ix)
        self.ordered = [key for key in reference_order(ix, citations) if shown is None or key in shown]
        self.number = {key: n for n, key in enumerate(self.ordered, start=1)}

    def _shown(self, ix: ReviewIndex) -> set[str] | None:
        """The entries the essay cites (``nocite`` too) or a claim is linked to (a rejected link's mark too); None
        for all of them (``nocite: '@*'``, or no essay)."""
        essay = ix.review.essay
        if essay is None or "*" in essay.nocite:
            return None
        shown = {link.source_key for links in ix.links_by_claim.values() for link in links}
        shown.update(link.source_key for links in ix.rejected_by_claim.values() for link in links)
        shown.update(key for key in essay.nocite if key in ix.sources)
        shown.update(key for claim in essay.claims for item in claim.citations or ()
                     if (key := self.entry(item.key)) is not None)
        return shown

    def entry(self, key: str) -> str | None:
        """The entry a citation item's key cites: the key itself, or (Manubot) the entry that carries the
        identifier, whatever its case (``doi:10.1029/2006GL026499`` cites ``doi:10.1029/2006gl026499``)."""
        if key in self.sources:
            return key
        ident = standard_id(key) if self.ids else None
        return self.ids.get(ident) if ident else None

    def step(self, key: str, claim_id: str) -> Step | None:
        marks = self.by_source.get(key, [])
        for i, (cid, _) in enumerate(marks):
            if cid == claim_id:
                return Step(i + 1, len(marks), marks[i - 1] if i else None,
                            marks[i + 1] if i + 1 < len(marks) else None)
        return None


def reference_order(ix: ReviewIndex, citations: Citations) -> list[str]:
    """The bibliography's keys in the order of its reference list (alphabetical by the formatted entry)."""
    return sorted(ix.sources, key=lambda k: (*reference_sort_key(ix.reference(citations, k).text), k))


class Fragments(Protocol):
    """Where an adapter keeps the HTML of each paragraph between builds (``sitecache.SiteFragments``): ``get`` the
    HTML kept at ``name`` for ``inputs`` (a hash of everything the paragraph shows), or None; ``put`` what was made."""

    def get(self, name: str, inputs: str) -> str | None: ...

    def put(self, name: str, inputs: str, html: str) -> None: ...


def essay_page(ix: ReviewIndex, layout: Layout, citations: Citations, fragments: Fragments | None = None) -> str:
    """The essay page's Markdown (front matter and raw HTML). ``fragments``: the paragraphs of an earlier build, each
    reused where what it shows is unchanged (one entry edited re-renders only the paragraphs that cite it)."""
    here = layout.essay
    essay = ix.review.essay
    if essay is None:
        body = html_block('<h1>The essay</h1><p>No essay is configured, so there are no claims to show. '
                          "Set <code>essay</code> in the configuration to review one.</p>")
        return page("The essay", body)
    prose = prose_paragraphs(essay)
    claims = [c for p in prose for c in p.claims]
    confirmed = sum(1 for c in claims if any(lk.status == "confirmed" for lk in ix.links_by_claim.get(c.id, ())))
    linked = sum(1 for c in claims if ix.links_by_claim.get(c.id))
    topical = sum(1 for links in ix.links_by_claim.values() for lk in links if is_topical_suggestion(lk))
    flagged = sum(1 for c in claims if ix.findings_by_claim.get(c.id))
    intro = (f"<p>{plural(len(prose), 'paragraph')}, {plural(len(claims), 'claim')}: "
             f"{confirmed} with a confirmed source, {linked - confirmed} more with suggested ones only, "
             f"{flagged} with findings. "
             "Each mark, such as <span class=\"lr-cite-sample\">Author 2004</span>, where the author cited "
             "the source or after a claim litreview linked to it, links to the source’s page; hover over it, move to it with the Tab key or tap it once to see a "
             "card with the full reference, the source’s status and how the claim relies on it (Escape hides "
             "it; its arrows step through the other claims citing the source). A mark with a question "
             "mark is a suggested link nobody has reviewed yet. A claim marked "
             "<span class=\"lr-flag-sample\">⚠</span> has findings, explained under its paragraph. "
             "Every claim can be linked to by its id, e.g. <code>#p1-s1</code>.</p>")
    if topical:
        intro += ('<p class="lr-toggle"><label><input type="checkbox" id="lr-show-topical"> '
                  f"Show the {plural(topical, 'topical suggestion')} too: sources that share a claim’s "
                  "topic but that the text does not cite, found by litreview and not yet reviewed "
                  "(they appear as <span class=\"lr-cite-sample\">topic: …</span>).</label></p>")
    title = _title(essay)
    heading = f"The essay: {ix.in_essay_language(esc(title))}" if title else esc(essay_title(ix))
    parts = [html_block(f'<h1>{heading}</h1>{intro}')]
    marks = _Marks(ix, citations)
    # The essay's top heading level is the page's second (its first is the page's title); no heading is more than one
    # level below the one before it ("## Intro" after the title, "### Colophon" after "# References"), as a screen
    # reader's outline expects: a level skipped reads as a missing section.
    top = min((p.heading for p in essay.paragraphs if p.heading), default=1)
    above = 1
    shared = fingerprint(layout, here, ix.lang, ix.claims_file, sorted(ix.notes.items()), essay.meta, essay.body,
                         sorted(marks.ids.items())) if fragments is not None else ""
    rows: list[Paragraph] = []  # a table's rows so far
    for paragraph in essay.paragraphs:
        if paragraph.table and (not rows or paragraph.table == rows[-1].table):
            rows.append(paragraph)
            continue
        if rows:
            parts += _table_blocks(ix, layout, citations, rows, here, marks)
            rows = [paragraph] if paragraph.table else []
            if rows:
                continue
        parts += _displays(ix, paragraph.before, marks)
        level = min(6, 2 + paragraph.heading - top, above + 1) if paragraph.heading else 0
        above = level or above
        if fragments is None:
            html = _paragraph(ix, layout, citations, paragraph, here, marks, level)
        else:
            inputs = fingerprint(shared, level, _paragraph_inputs(ix, citations, paragraph, marks))
            kept = fragments.get(paragraph.anchor, inputs)
            if kept is None:
                html = _paragraph(ix, layout, citations, paragraph, here, marks, level)
                fragments.put(paragraph.anchor, inputs, html)
            else:
                html = kept
                if (note := ix.note_of(paragraph)) is not None:  # what rendering it does to the page's state
                    marks.labelled.add(note[0])  # (``_note_label``)
        parts.append(html_block(html))
        parts += _displays(ix, paragraph.after, marks)
    if rows:
        parts += _table_blocks(ix, layout, citations, rows, here, marks)
    parts.append("## References {#references}\n\n")
    parts.extend(html_block(part) for part in reference_list(ix, layout, citations, marks.ordered, here))
    return page(essay_title(ix), _unlink_missing_places("".join(parts)), hide=["toc"])


# A link the manuscript makes to a place in itself (``[1](#cap:af)``), as the essay's text renders it.
_PLACE_LINK = re.compile(r'<a href="#([^"]*)" rel="noopener noreferrer">((?:(?!<a[\s>]).)*?)</a>', re.DOTALL)
# (its look-behind after the literal "id=", so that the search skips ahead to each "id=" as a literal's does)
_ID = re.compile(r'id=(?<=\bid=)"([^"]*)"')


def _unlink_missing_places(body: str) -> str:
    """The manuscript's links to places in itself that the page has not (a chapter the essay leaves out: a book's
    ``[Chapter 1](#cap:af)`` in another file) as their text: a link that leads nowhere is broken."""
    if _PLACE_LINK.search(body) is None:
        return body
    ids = set(_ID.findall(body)) | {"references"}
    return _PLACE_LINK.sub(lambda m: m.group(0) if m.group(1) in ids else m.group(2), body)


def reference_list(ix: ReviewIndex, layout: Layout, citations: Citations, ordered: list[str],
                   here: str) -> tuple[str, str]:
    """The bibliography as the author cited it, in Chicago style, each entry linked to its source page:
    a lead paragraph and the list (out of the search index: each source page is its entry there)."""
    items = []
    for key in ordered:
        href = layout.href(here, layout.source(key))
        count = ix.confirmed_count(key)
        ref = ix.reference(citations, key)
        items.append(f'<li id="ref-{esc(key_slug(key))}"><span class="lr-refentry">{ref.html}'
                     f'</span> <a class="lr-reflink" href="{esc(href)}">Source page<span class="lr-sr"> of '
                     f"{esc(ref.short)}</span></a>"
                     f' <span class="lr-small">({plural(count, "confirmed claim")})</span></li>')
    left = len(ix.sources) - len(ordered)
    rest = (f' (the {plural(left, "other entry", "other entries")}, which nothing in the essay cites, '
            f'{"is" if left == 1 else "are"} on the <a href="{esc(layout.href(here, layout.bibliography))}">'
            "bibliography</a> page)" if left else "")
    return (f'<p class="lr-small">{plural(len(ordered), "entry", "entries")} of the bibliography{rest}, numbered as '
            'the marks are when this page is printed.</p>',
            f'<ol class="lr-references" data-search-exclude="references">{"".join(items)}</ol>')


def _table_blocks(ix: ReviewIndex, layout: Layout, citations: Citations, rows: list[Paragraph], here: str,
                  marks: _Marks) -> list[str]:
    """A table's block, then the display math after its rows (``Paragraph.after``)."""
    return [html_block(_table(ix, layout, citations, rows, here, marks)),
            *_displays(ix, [tex for row in rows for tex in row.after], marks)]


def _displays(ix: ReviewIndex, texs: Iterable[str], marks: _Marks) -> list[str]:
    """The blocks of display math alone (``_display``), in order."""
    return [html_block(_display(ix, tex, marks)) for tex in texs]


def _display(ix: ReviewIndex, tex: str, marks: _Marks) -> str:
    """Display math alone (``Paragraph.after``), as the text around claims is shown: rendered as math where it can
    be, else its TeX as text; unnumbered, for it claims nothing."""
    shown = claim_html(tex, (), lambda item: None, marks.xref, ix.notes_in(None))[0]
    return f'<div class="lr-para lr-display" data-search-exclude="paragraph"><p{ix.lang_attr()}>{shown}</p></div>'


def _paragraph_inputs(ix: ReviewIndex, citations: Citations, paragraph: Paragraph, marks: _Marks) -> tuple:
    """Everything ``_paragraph`` shows of the review but what the whole page shares (keep the two in step): the
    paragraph, its claims' links and findings, and of each entry they name its entry, reference, registry status,
    worst finding, number and the marks either side of the paragraph's; whether its note is labelled already."""
    keys: set[str] = set()
    claims = []
    for claim in paragraph.claims:
        links = tuple(ix.links_by_claim.get(claim.id, ()))
        rejected = tuple(ix.rejected_by_claim.get(claim.id, ()))
        findings = tuple(ix.findings_by_claim.get(claim.id, ()))
        entries = tuple(marks.entry(item.key) for item in claim.citations or ())
        keys.update(link.source_key for link in (*links, *rejected))
        keys.update(key for key in entries if key is not None)
        keys.update(finding.key for finding in findings if finding.key)
        # a mark's arrows step to the claims either side citing its source (a rejected link's mark has none)
        steps = tuple(marks.step(link.source_key, claim.id) for link in links)
        claims.append((links, rejected, findings, entries, steps))
    entries_shown = tuple(
        (key, ix.sources.get(key), ix.reference(citations, key) if key in ix.sources else None, ix.metadata(key),
         worst_finding(ix.findings_by_key.get(key, ())), marks.number.get(key))
        for key in sorted(keys))
    note = ix.note_of(paragraph)
    return paragraph, tuple(claims), entries_shown, note is not None and note[0] in marks.labelled


def _paragraph(ix: ReviewIndex, layout: Layout, citations: Citations, paragraph: Paragraph, here: str,
               marks: _Marks, level: int = 0) -> str:
    """A paragraph's HTML: numbered, with its claims' marks and its findings below it; a heading (``level``, the
    page's heading level for it) as a heading of the page, unnumbered: it names a section and claims nothing."""
    notes: list[str] = []
    out = _inline(ix, layout, citations, paragraph, paragraph.text, list(paragraph.claims), here, marks, notes)
    anchor, name = esc(paragraph.anchor), esc(paragraph.name)
    if (note := ix.note_of(paragraph)) is not None:
        out = [_note_label(*note, marks.labelled), *out]
    # Out of the search index as a page: each paragraph is an entry of its own (render.publish).
    # The essay's words in its language, the review's own (a paragraph's number, the marks' cards) in English.
    if level:
        html = (f'<div class="lr-para lr-heading" id="{anchor}" data-search-exclude="paragraph">'
                f'<h{level}{ix.lang_attr()}>{"".join(out).strip()}</h{level}>')
    else:
        html = (f'<div class="lr-para" id="{anchor}" data-search-exclude="paragraph"><p{ix.lang_attr()}><a '
                f'class="lr-pnum" href="#{anchor}"{ix.en_attr()} aria-label="{name[0].upper()}{name[1:]}">'
                f'{esc(paragraph.label) or paragraph.number}</a> '
                f'{"".join(out).strip()}</p>')
    if notes:
        html += (f'<div class="admonition warning lr-notes" id="findings-{anchor}">'
                 f'<p class="admonition-title">Findings in {name}</p>'
                 f'<ul>{"".join(notes)}</ul></div>')
    return html + "</div>"


def _inline(ix: ReviewIndex, layout: Layout, citations: Citations, paragraph: Paragraph, written: str,
            claims: list[Claim], here: str, marks: _Marks, notes: list[str], *, later: bool = False) -> list[str]:
    """The HTML of ``written`` (a paragraph's text or a table cell's) with the claims it holds, taken from the
    front of ``claims`` (all of them unless ``later`` text may hold the others); each claim's findings added to
    ``notes``."""
    # Claims have their whitespace collapsed (essay.segment.make_claim); so has the text around them here.
    source = one_line(written)
    found: list[int] = []  # where each claim is in ``source``, -1 when it is not
    places, cursor = [], 0
    for claim in claims:
        at = source.find(claim.text, cursor) if claim.text else -1
        found.append(at)
        if at >= 0:
            places.append((at, at + len(claim.text)))
            cursor = at + len(claim.text)
    # Read as Markdown, the text between claims (what a front matter field holds besides its sentences that cite) is
    # rendered as the claims are: its raw LaTeX ("\\newline") dropped, its markup rendered.
    markdown = markdown_text(paragraph)
    # A span across sentences ("[First. Second.]{.blue}") is its text: each sentence is rendered alone; emphasis
    # across them ("**1.1.  Methods**") is closed at the end of one and opened again at the start of the next.
    text = spans_across(source, places) if markdown else source
    if breaks := _hard_breaks(written):  # the author's line breaks (a verse's lines), kept where claims are found
        text = "".join(HARD_BREAK if i in breaks and c == " " else c for i, c in enumerate(text))
    shown = with_delimiters(text, places) if markdown else places
    carries = iter(emphasis_across(text, shown) if markdown else [("", "")] * len(places))
    cursor = 0
    out: list[str] = []

    def between(part: str) -> str:
        return _lines(claim_html(part, (), lambda item: None, marks.xref, ix.notes_in(paragraph))[0]
                      if markdown and part.strip()
                      else esc(part))

    places_left = iter(zip(places, shown, strict=True))
    for at in found:
        claim = claims[0]
        if at >= 0:
            (at, _), (start, end) = next(places_left)
            out.append(between(text[cursor:start]))
            cursor = end
            claim = _carried(claim, text[start:end], at - start, next(carries, ("", "")))
        elif later:
            break  # the claim of a later cell
        else:
            out.append(" ")
        claims.pop(0)
        out.append(_claim(ix, layout, citations, claim, here, paragraph.anchor, marks))
        findings = ix.findings_by_claim.get(claim.id, ())
        for finding in findings:
            notes.append(finding_html(finding, layout=layout, here=here, sources=ix.sources,
                                      claims=(claim.id,), show_source=True)
                         .replace("<li ", f'<li data-claim="{esc(claim.id)}" ', 1))
    out.append(between(text[cursor:]))
    return out


_WHITE = re.compile(r"\s+")


def _hard_breaks(written: str) -> set[int]:
    """Where ``one_line(written)`` has the space of a line break the author forced (``HARD_BREAK``: LaTeX's
    ``\\\\``, a verse's lines)."""
    if HARD_BREAK not in written:
        return set()
    cleaned, out, shrunk = clean_text(written), set(), 0
    lead = 1 if cleaned[:1].isspace() else 0
    for m in _WHITE.finditer(cleaned):
        if HARD_BREAK in m.group():
            out.add(m.start() - shrunk - lead)
        shrunk += len(m.group()) - 1
    return out


def _lines(html: str) -> str:
    """``html`` with the author's forced line breaks (``HARD_BREAK``) as HTML's, as pandoc writes its LineBreak."""
    return html.replace(HARD_BREAK, "<br>\n")


def _carried(claim: Claim, text: str, shift: int, carry: tuple[str, str]) -> Claim:
    """``claim`` as its paragraph shows it: ``text`` (spans across sentences blanked; the emphasis delimiters
    touching it, ``with_delimiters``: its own text from ``shift`` on) with the emphasis open across its ends
    (``carry``: ``emphasis_across``) written around it, its citations moved with its text."""
    before, after = carry
    if text == claim.text and not before and not after:
        return claim
    citations, shift = claim.citations, shift + len(before)
    if shift and citations:
        citations = tuple(replace(c, start=c.start + shift, end=c.end + shift) for c in citations)
    return replace(claim, text=before + text + after, citations=citations)


def markdown_text(paragraph: Paragraph) -> bool:
    """Whether the paragraph's text is read as Markdown (its claims' citations found by a reader)."""
    return any(claim.citations is not None for claim in paragraph.claims)


def _table(ix: ReviewIndex, layout: Layout, citations: Citations, rows: list[Paragraph], here: str,
           marks: _Marks) -> str:
    """A table's rows (``Paragraph.table``), as a table: each row keeps its paragraph's id, each cell (the reader's,
    ``Paragraph.cells``) its claim, a header row's cells column headers (an empty one a data cell); unnumbered, for
    a table is no prose. Its findings are listed under it."""
    notes: list[str] = []
    head: list[str] = []
    body: list[str] = []
    for row in rows:
        claims = list(row.claims)
        texts = [row.text[a:b] for a, b in row.cells] or [row.text]
        cells = ["".join(_inline(ix, layout, citations, row, cell, claims, here, marks, notes,
                                 later=n < len(texts) - 1)).strip() for n, cell in enumerate(texts)]
        # A header row's empty cell (a corner above the rows' labels) heads no column: a data cell, of which a screen
        # reader announces nothing (an empty column header is an accessibility fault).
        shown = "".join(f'<th scope="col">{cell}</th>' if row.header and cell else f"<td>{cell}</td>" for cell in cells)
        (head if row.header else body).append(f'<tr id="{esc(row.anchor)}">{shown}</tr>')
    html = (f'<thead>{"".join(head)}</thead>' if head else "") + (f'<tbody>{"".join(body)}</tbody>' if body else "")
    first = esc(rows[0].anchor)
    # The theme puts it in its box that scrolls sideways, as every table of the site, which litreview.js names and
    # gives a Tab stop while it scrolls (a box of its own, a region of one name, made landmarks no screen reader's
    # list tells apart, and scrolled by the theme's box's margins).
    out = f'<div class="lr-para lr-table" data-search-exclude="paragraph"><table{ix.lang_attr()}>{html}</table>'
    if notes:
        out += (f'<div class="admonition warning lr-notes" id="findings-{first}">'
                f'<p class="admonition-title">Findings in the table</p><ul>{"".join(notes)}</ul></div>')
    return out + "</div>"


def _note_label(number: int, back: str, labelled: set[int]) -> str:
    """A note's paragraph marked with the note's number, as pandoc's list of notes numbers it, linked back to its
    first reference; the id (its number, never its label, which is the manuscript's text) on its first paragraph."""
    first = number not in labelled
    labelled.add(number)
    if not first:  # a paragraph after the note's first
        return f'<span class="lr-fnlabel">Note {number}</span> '
    return (f'<span class="lr-fnlabel" id="fn{number}">Note {number}</span> '
            f'<a class="lr-fnback" href="#{esc(back)}" aria-label="Back to the reference to note {number}">↩</a> ')


def _claim(ix: ReviewIndex, layout: Layout, citations: Citations, claim: Claim, here: str,
           anchor: str, marks_of: _Marks) -> str:
    claim_id, text = claim.id, claim.text.replace(HARD_BREAK, " ")  # the page shows its line breaks, not its cards
    findings = ix.findings_by_claim.get(claim_id, ())
    classes = "lr-claim lr-claim--flagged" if findings else "lr-claim"
    links = ix.links_by_claim.get(claim_id, ())
    # The cards' evidence quotes the claim with its citations as the page shows them, not as the source writes them.
    card_text, rewritten = text, dict[str, str]()
    if claim.citations:
        def short(item: Citation) -> str | None:  # a key the bibliography lacks as ``missing_mark`` prints it
            entry = marks_of.entry(item.key)
            if entry is None:
                return None if is_crossref(item.key, marks_of.kinds) else f"{item.key}?"
            return ix.reference(citations, entry).cited(item)

        card_text, rewritten = readable(text, claim.citations, short)
    if claim.citations is not None:  # read as Markdown: the card quotes it as the page shows it, not its markup
        card_text = plain_text(card_text, marks_of.xref, ix.notes_of(claim_id), claim_id=claim_id)

    def as_shown(written: str) -> str:  # a link's evidence or locator as the page shows it ("«\\ mot\\ »": no backslash)
        return plain_text(written, numbers=ix.notes_of(claim_id)) if written and claim.citations is not None else written

    def mark(n: int, link: Link, card_id: str, item: Citation | None = None, step: bool = True) -> str | None:
        source = ix.sources.get(link.source_key)
        if source is None:
            return None
        ref = ix.reference(citations, source.key)
        href = layout.href(here, layout.source(source.key))
        worst = worst_finding(ix.findings_by_key.get(source.key, ()))
        return mark_html(link, source, ref, href, card_id, number=marks_of.number.get(source.key, 0), label=ref.cited(item),
                         status=status_words(ix.metadata(source.key)), worst=worst, claim_text=card_text,
                         evidence=as_shown(_as_shown(evidence_of(link), rewritten) or evidence_of(link)),
                         locator=as_shown(link.locator or ""),
                         step=marks_of.step(source.key, claim_id) if step else None,
                         decided=decision_label(link, ix.claims_file),
                         lang=ix.en_attr())

    placed: set[str] = set()
    shown = _lines(esc(claim.text))
    if claim.citations is not None:  # read as Markdown: the markup rendered, the marks where the author cited
        uses: dict[int, int] = {}

        def in_text(item: Citation) -> str | None:
            entry = marks_of.entry(item.key)
            for n, link in enumerate(links, start=1):
                if link.kind == "marker" and link.source_key == entry:
                    uses[n] = uses.get(n, 0) + 1
                    return mark(n, link, f"card-{claim_id}-{n}" + (f"-{uses[n]}" if uses[n] > 1 else ""), item)
            # An entry of the bibliography whose link a reviewer rejected; a key it lacks as pandoc prints it (a
            # cross-reference's label is ``claim_html``'s).
            if entry is None:
                return None if is_crossref(item.key, marks_of.kinds) else missing_mark(item.key, ix.en_attr())
            return unlinked_mark(ix.reference(citations, entry).cited(item))

        shown, written = claim_html(claim.text, claim.citations, in_text, marks_of.xref, ix.notes_of(claim_id),
                                    claim_id=claim_id)
        shown = _lines(shown)
        placed = {entry for entry in map(marks_of.entry, written) if entry is not None}
    html = f'<span class="{classes}" id="{esc(claim_id)}">{shown}</span>'
    marks: list[str] = []
    topical: list[str] = []
    for n, link in enumerate(links, start=1):
        if link.kind == "marker" and link.source_key in placed:
            continue
        html_mark = mark(n, link, f"card-{claim_id}-{n}")
        if html_mark is not None:
            (topical if is_topical_suggestion(link) else marks).append(html_mark)
    if marks:
        html += _group(marks, "lr-cites", lang=ix.en_attr())
    if topical:
        html += _group(topical, "lr-cites lr-cites--topical", "topic: ", ix.en_attr())
    # What a reviewer rejected here: shown struck through with its decision, counted nowhere.
    rejected = [m for n, link in enumerate(ix.rejected_by_claim.get(claim_id, ()), start=len(links) + 1)
                if (m := mark(n, link, f"card-{claim_id}-{n}", step=False)) is not None]
    if rejected:
        html += _group(rejected, "lr-cites lr-cites--rejected", "rejected: ", ix.en_attr())
    if findings:
        noun = "finding" if len(findings) == 1 else "findings"
        html += (f'<a class="lr-flag" href="#findings-{esc(anchor)}"{ix.en_attr()} title="{len(findings)} {noun}">'
                 f'<span aria-hidden="true">⚠{len(findings)}</span>'
                 f'<span class="lr-sr">{len(findings)} {noun} on claim {esc(claim_id)}, '
                 "explained below the paragraph</span></a>")
    return html


def _as_shown(evidence: str, rewritten: dict[str, str]) -> str | None:
    """A link's evidence with the citations in it as the page shows them (``readable``'s ``rewritten``): a marker's
    citation, or a quotation that holds one ("« de caserne[@kristof2004, p. 13] »"); None where it holds none."""
    if evidence in rewritten:
        return rewritten[evidence]
    shown = evidence
    for written, labels in rewritten.items():
        shown = shown.replace(written, labels)
    return shown if shown != evidence else None


def _group(marks: list[str], classes: str, label: str = "", lang: str = "") -> str:
    lead = f'<span class="lr-topic">{label}</span>' if label else ""
    return (f'<span class="{classes}"{lang}><span class="lr-bracket" aria-hidden="true">[</span>{lead}'
            + '<span class="lr-sep" aria-hidden="true">; </span>'.join(marks)
            + '<span class="lr-bracket" aria-hidden="true">]</span></span>')
