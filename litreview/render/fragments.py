"""Small HTML pieces shared by the pages: severity badges, findings, citation marks, cards.

Every value from the review is escaped here; meaning never rests on colour alone
(each badge carries a symbol and a word).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from ..locale_terms import QUOTATION_OPENERS, quote_marks
from ..model import LINK_KINDS, SEVERITY_RANK, Finding, Link, Source, SourceMetadata
from .citation import Reference
from .layout import Layout
from .sanitize import esc, esc_code, one_line, shorten
from .short_labels import short_title

SEVERITY_SYMBOL = {"error": "✖", "warning": "⚠", "info": "ℹ"}
SEVERITY_PLURAL = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
SEVERITY_NOUN = {"error": "error", "warning": "warning", "info": "note"}
#: The id of each severity's section on the checks page (the slug of its heading).
SEVERITY_ANCHOR = {"error": "errors", "warning": "warnings", "info": "notes"}
KIND_WORDS = {k.name: k.words for k in LINK_KINDS}
# BibTeX entry types in a reader's words (the source page keeps the type itself).
TYPE_WORDS = {"article": "article", "book": "book", "booklet": "booklet", "inbook": "part of a book",
              "incollection": "chapter", "inproceedings": "conference paper", "conference": "conference paper",
              "manual": "manual", "mastersthesis": "master’s thesis", "phdthesis": "PhD thesis",
              "proceedings": "proceedings", "techreport": "report", "report": "report", "online": "web page",
              "misc": "other", "unpublished": "unpublished"}
STATUS_WORDS = {"confirmed": "confirmed", "suggested": "suggested, not yet reviewed", "rejected": "rejected"}
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,20}$")


def page(title: str, body: str, *, hide: Iterable[str] = ()) -> str:
    """A generated Markdown page: front matter with the (escaped) title, then the body."""
    meta: dict[str, str | list[str]] = {"title": esc(one_line(title))}
    hidden = list(hide)
    if hidden:
        meta["hide"] = hidden
    head = "\n".join(f"{name}: {json.dumps(value)}" for name, value in meta.items())
    return f"---\n{head}\n---\n\n{body.strip()}\n"


def html_block(html: str) -> str:
    """Raw HTML that Python-Markdown passes through: one block, no blank line inside."""
    return re.sub(r"\n\s*\n", "\n", html.strip()) + "\n\n"


def type_words(entry_type: str) -> str:
    """A BibTeX entry type as a reader would say it (unknown types as written)."""
    return TYPE_WORDS.get(entry_type.lower(), entry_type)


def severity_badge(severity: str) -> str:
    """The severity as a symbol and a word ("note" for info, as the checks page and report say)."""
    symbol = SEVERITY_SYMBOL.get(severity, "•")
    return (f'<span class="lr-sev lr-sev--{esc(severity)}"><span aria-hidden="true">{symbol}</span> '
            f"{esc(SEVERITY_NOUN.get(severity, severity))}</span>")


def code_id(code: str) -> str:
    """The anchor of a finding code on the checks page."""
    return "code-" + (code.lower() if _CODE.match(code) else "other")


def finding_html(finding: Finding, *, layout: Layout, here: str, sources: dict[str, Source],
                 claims: Collection[str] = (), show_claim: bool = True, show_source: bool = True,
                 file_label: str = "", compact: bool = False) -> str:
    """One finding as a list item: badge, code, message, hint and where it points.

    ``compact`` leaves out the badge and code, for lists under a heading that gives them.
    """
    parts = [] if compact else [severity_badge(finding.severity),
                                f' <code class="lr-code">{esc(finding.code)}</code> ']
    parts.append(f'<span class="lr-msg">{esc_code(finding.message)}</span>')
    where = []
    if show_claim and finding.claim_id:
        if finding.claim_id in claims:
            href = layout.href(here, layout.essay, finding.claim_id)
            where.append(f'<a href="{esc(href)}">Claim {esc(finding.claim_id)} in the essay</a>')
        else:
            where.append(f"claim {esc(finding.claim_id)}")
    if show_source and finding.key:
        source = sources.get(finding.key)
        if source is not None:
            href = layout.href(here, layout.source(finding.key))
            where.append(f'<a href="{esc(href)}">Source {esc(finding.key)} '
                         f"({esc(short_title(source, 50))})</a>")
        else:
            where.append(f"entry {esc(finding.key)} (not in the bibliography)")
    if file_label:
        where.append(f'<span class="lr-file">{esc(file_label)}</span>')
    if where:
        parts.append(' <span class="lr-where">— ' + "; ".join(where) + "</span>")
    if finding.hint:
        # On a line of its own (as ``litreview check`` prints it), so it never runs into the message.
        parts.append(f' <span class="lr-hint">Hint: {esc_code(finding.hint)}</span>')
    return f'<li class="lr-finding lr-finding--{esc(finding.severity)}">{"".join(parts)}</li>'


def file_label(finding: Finding, root: str | None) -> str:
    """``file:line`` with the file relative to the project (never a machine path)."""
    return path_label(finding.file, finding.line, root)


def path_label(file: str | None, line: int | None, root: str | None) -> str:
    """``file:line`` (``file`` alone without a line) with the file relative to ``root`` (never a machine path)."""
    if not file:
        return ""
    from pathlib import PurePath

    path = PurePath(file)
    if root and path.is_absolute():
        try:
            path = path.relative_to(root)
        except ValueError:
            path = PurePath(path.name)
    elif path.is_absolute():
        path = PurePath(path.name)
    text = path.as_posix()
    return f"{text}:{line}" if line else text


STATUS_SHORT = {"verified": "verified", "not-found": "DOI not found", "malformed": "malformed DOI",
                "unverified": "not yet verified", "failed": "fetch failed", "no-doi": "no DOI"}


def status_words(meta: SourceMetadata | None) -> str:
    """A source's registry status in a few words ("not yet verified" without a record)."""
    if meta is None:
        return "not yet verified"
    words = STATUS_SHORT.get(meta.status, meta.status)
    return words + " (stale)" if meta.stale else words


_QUOTES = quote_marks(QUOTATION_OPENERS)


@dataclass(frozen=True)
class Step:
    """Where a mark stands among the marks of the same source: ``index`` of ``total``, and its neighbours."""

    index: int
    total: int
    previous: tuple[str, str] | None = None
    """(claim id, card id) of the previous mark, if any."""
    following: tuple[str, str] | None = None


def worst_finding(findings: Iterable[Finding]) -> Finding | None:
    """The most severe finding (the first of equals), or None."""
    return min(findings, key=lambda f: SEVERITY_RANK.get(f.severity, 3), default=None)


def excerpt(text: str, evidence: str, *, around: int | None = None) -> str:
    """The text with the evidence marked (<mark>), cut to ``around`` characters either side."""
    evidence = evidence.strip(_QUOTES + " ")
    at = text.find(evidence) if evidence else -1
    if at < 0:
        return esc(shorten(text, 2 * around) if around else text)
    end = at + len(evidence)
    before, after = text[:at], text[end:]
    if around is not None:
        if len(before) > around:
            before = "…" + before[len(before) - around:].split(" ", 1)[-1]
        if len(after) > around:
            after = after[:around].rsplit(" ", 1)[0] + "…"
    return f"{esc(before)}<mark>{esc(text[at:end])}</mark>{esc(after)}"


def evidence_of(link: Link) -> str:
    """The link's evidence to show: none when it is only the reviewer's note (shown as the note)."""
    return "" if link.curated and link.evidence == link.note else link.evidence


def quoted(evidence: str) -> str:
    """Evidence in curly quotes, without doubling quotes it already has."""
    return f"“{esc(evidence.strip(_QUOTES))}”"


def evidence_shown(link: Link, evidence: str) -> str:
    """A link's evidence as the site prints it apart from its claim: words of the essay in quotation marks; what
    litreview says of a topical link ("shared words: …", "recorded by a reviewer" of one a reviewer made with no
    note) as the explanation it is, not in quotation marks as if the essay wrote it."""
    return esc(evidence) if link.kind == "topical" else quoted(evidence)


def card_html(link: Link, source: Source, ref: Reference, card_id: str, *, status: str = "",
              worst: Finding | None = None, claim_text: str = "", step: Step | None = None,
              evidence: str | None = None, decided: str = "", locator: str = "") -> str:
    """The card of a citation mark: shown on hover, keyboard focus or a first tap.

    It holds the full reference (with its DOI or URL), the registry status, the worst
    finding, why the claim is linked (evidence within the claim), where a reviewer's
    decision is recorded (``decided``: ``claims.yaml:80``) and, when the source is cited
    more than once, links to step to its other marks. ``evidence`` and ``locator``: as the page shows them (its
    citations with their labels, its Markdown rendered), else the link's own.
    """
    rows = [f'<span class="lr-card__ref">{ref.html}</span>']
    facts = [f"Registry: {esc(status)}"] if status else []
    if worst is not None:
        facts.append(f'{severity_badge(worst.severity)} <code>{esc(worst.code)}</code> '
                     f"{esc(shorten(worst.message, 60))}")
    if facts:
        rows.append(f'<span class="lr-card__status">{" · ".join(facts)}</span>')
    rows.append(f'<span class="lr-card__kind">Link: {esc(KIND_WORDS.get(link.kind, link.kind))}; '
                f"{esc(STATUS_WORDS.get(link.status, link.status))}"
                + (f"; {locator_words(locator or link.locator)}" if link.locator else "") + "</span>")
    if decided:
        rows.append(f'<span class="lr-card__row">Decision recorded in <code>{esc(decided)}</code></span>')
    if link.note:
        rows.append(f'<span class="lr-card__note">Note: {esc(shorten(link.note, 300))}</span>')
    evidence = evidence or evidence_of(link)  # ``evidence``: as the page shows it (``essay_page``'s ``as_shown``)
    if evidence and claim_text and evidence.strip(_QUOTES + " ") in claim_text:
        rows.append(f'<span class="lr-card__row">Evidence: {excerpt(claim_text, evidence, around=45)}</span>')
    elif evidence:
        rows.append(f'<span class="lr-card__row">Evidence: {evidence_shown(link, shorten(evidence, 160))}</span>')
    if step is not None and step.total > 1:
        def go(target: tuple[str, str] | None, arrow: str, word: str) -> str:
            if target is None:
                return f'<span class="lr-card__nogo" aria-hidden="true">{arrow}</span>'
            return (f'<a class="lr-card__go" href="#{esc(target[0])}" data-lr-card="{esc(target[1])}" '
                    f'aria-label="{word} claim citing {esc(ref.short)}">{arrow}</a>')
        rows.append(f'<span class="lr-card__step">{go(step.previous, "‹", "Previous")} '
                    f"{step.index} of {step.total} citations {go(step.following, '›', 'Next')}</span>")
    # Not a tooltip (it holds links): a plain box that describes its mark (aria-describedby).
    return (f'<span class="lr-card" id="{esc(card_id)}">'
            f'{"".join(rows)}</span>')


def mark_html(link: Link, source: Source, ref: Reference, href: str, card_id: str, *, number: int = 0,
              label: str = "", lang: str = "", **card: object) -> str:
    """A citation mark: a link to the source page with its card beside it.

    ``number`` is the source's place in the essay's reference list (shown when printed); ``label`` what the mark
    prints, when not the source's label (``Reference.cited``: the year alone of ``[-@key]``, "Barba (2018, p. 3)" of
    a citation in the text, "Doe (2001" of one a bracket continues);
    ``lang``: its ``lang`` attribute (`` lang="en"``: the card's words amid an essay in another language).
    """
    suggested = link.status == "suggested"
    label = esc(label or ref.short)
    extra = ('<span class="lr-sr"> (suggested link)</span><span aria-hidden="true">?</span>' if suggested
             else '<span class="lr-sr"> (link rejected by a reviewer)</span>' if link.status == "rejected" else "")
    printed = f' data-n="{number}"' if number else ""
    return (f'<span class="lr-mark lr-mark--{esc(link.status)}"{lang}>'
            f'<a class="lr-cite" href="{esc(href)}" aria-describedby="{esc(card_id)}"{printed}>{label}{extra}</a>'
            f"{card_html(link, source, ref, card_id, **card)}</span>")  # type: ignore[arg-type]


def decision_label(link: Link, claims_file: str) -> str:
    """Where a reviewer's decision on ``link`` is recorded (``refs/claims.yaml:80``), or ""."""
    return path_label(claims_file, link.decided_at, None) if link.curated and claims_file else ""


def unlinked_mark(label: str) -> str:
    """A citation no link of its claim stands for (a reviewer rejected it): its label as the manuscript prints it,
    with no link and no card, not the citation's markup."""
    return f'<span class="lr-mark lr-mark--unlinked">{esc(label)}</span>'


def missing_mark(key: str, lang: str = "") -> str:
    """A citation of a key the bibliography lacks, as pandoc's citeproc prints it ("**kristof2004?**"), not the
    citation's markup ("[@kristof2004, p. 13]"); the claim's flag leads to the finding that explains it. ``lang``:
    the ``lang`` attribute of its words for screen readers (`` lang="en"``)."""
    return (f'<span class="lr-mark lr-mark--missing"><strong>{esc(key)}?</strong>'
            f'<span class="lr-sr"{lang}> (not in the bibliography)</span></span>')


# What pandoc reads as a locator in a citation's suffix: a number, a roman numeral, a term ("p.", "chap.", "§").
_LOCATOR = re.compile(r"^\s*(?:[§¶]|\d|[ivxlcdm]+\b|[^\W\d_]{1,6}\.)", re.IGNORECASE)


def locator_words(locator: str) -> str:
    """"at p. 3" for a locator (HTML); words the author adds after the key ("among others") are quoted as such."""
    return f"at {esc(locator)}" if _LOCATOR.match(locator) else f"with “{esc(locator)}”"
