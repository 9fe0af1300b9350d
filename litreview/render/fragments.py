"""Small HTML pieces shared by the pages: severity badges, findings, citation marks, cards.

Every value from the review is escaped here; meaning never rests on colour alone
(each badge carries a symbol and a word).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable

from ..model import LINK_KINDS, Finding, Link, Source
from .citation import Reference, short_title
from .layout import Layout
from .sanitize import esc, esc_code, one_line, shorten

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
    meta = {"title": esc(one_line(title))}
    hidden = list(hide)
    if hidden:
        meta["hide"] = hidden
    head = "\n".join(f"{name}: {json.dumps(value)}" for name, value in meta.items())
    return f"---\n{head}\n---\n\n{body.strip()}\n"


def html_block(html: str) -> str:
    """Raw HTML that Python-Markdown passes through: one block, no blank line inside."""
    return re.sub(r"\n\s*\n", "\n", html.strip()) + "\n\n"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


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
    if not finding.file:
        return ""
    from pathlib import PurePath

    path = PurePath(finding.file)
    if root and path.is_absolute():
        try:
            path = path.relative_to(root)
        except ValueError:
            path = PurePath(path.name)
    elif path.is_absolute():
        path = PurePath(path.name)
    text = path.as_posix()
    return f"{text}:{finding.line}" if finding.line else text


def card_html(link: Link, source: Source, ref: Reference, card_id: str) -> str:
    """The card shown on hover and on keyboard focus of a citation mark."""
    rows = [f'<span class="lr-card__who">{esc(ref.short)}</span>',
            f'<span class="lr-card__title">{esc(short_title(source, 90))}</span>',
            f'<span class="lr-card__kind">Link: {esc(KIND_WORDS.get(link.kind, link.kind))}; '
            f"{esc(STATUS_WORDS.get(link.status, link.status))}</span>"]
    if link.locator:
        rows.append(f'<span class="lr-card__row">At: {esc(link.locator)}</span>')
    if link.note:
        rows.append(f'<span class="lr-card__note">Note: {esc(shorten(link.note, 300))}</span>')
    elif link.evidence:
        rows.append(f'<span class="lr-card__row">Evidence: “{esc(shorten(link.evidence, 160))}”</span>')
    return f'<span class="lr-card" role="tooltip" id="{esc(card_id)}">{"".join(rows)}</span>'


def mark_html(link: Link, source: Source, ref: Reference, href: str, card_id: str) -> str:
    """A citation mark: a link to the source page with its card beside it."""
    suggested = link.status == "suggested"
    label = esc(ref.short)
    extra = '<span class="lr-sr"> (suggested link)</span><span aria-hidden="true">?</span>' if suggested else ""
    return (f'<span class="lr-mark lr-mark--{esc(link.status)}">'
            f'<a class="lr-cite" href="{esc(href)}" aria-describedby="{esc(card_id)}">{label}{extra}</a>'
            f"{card_html(link, source, ref, card_id)}</span>")
