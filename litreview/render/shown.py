"""A claim's source text as the essay page shows it, for ``links`` and ``check``: light, so that a check whose
quotations hold no markup imports none of the page's renderer (markdown-it and the citation printer)."""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Claim

#: What markdown-it could render as other than the text: escapes, code, emphasis, strike-through, super- and
#: subscripts, links and notes, entities and tags, dashes and ellipses, and the labels of equations and captions
#: ("{#eq-model}").
MARKUP = re.compile(r"[\\`*_\[\]<>&~^]|--|\.\.\.|\{#")
#: The markup of ``MARKUP`` but its brackets, which markdown-it renders as text unless they open a link, a note
#: reference, an inline note or a span (``[x]{.smallcaps}``; a reference link needs a definition, which a claim has
#: not); a superscript (``XIX^e^``) too.
LINKING = re.compile(r"[\\`*_<>&~^]|--|\.\.\.|\]\(|\]\{|\{#")
#: The space before an inline note printed as text (" [note: ...]"), which the page does not show.
SPACE_BEFORE_NOTE = re.compile(r" (?= \[note(?: \d+)?: )")


def unrendered(text: str) -> str | None:
    """``text`` as the page shows it when markdown-it would render it as the text itself (no markup, or
    brackets that link nothing), else None (the page's renderer, ``claim_text.plain_text``, is needed)."""
    if not MARKUP.search(text):
        return text
    if text.isprintable() and not LINKING.search(text):
        return SPACE_BEFORE_NOTE.sub("", text)
    return None


#: The links the LaTeX reader writes in Markdown: ``\\href{url}{text}`` as ``[text](<url>)``, ``\\url{url}`` as an
#: autolink, ``<url>`` (``essay.latex_cites``).
LATEX_LINK = lazy(r"\[([^\[\]]*)\]\(<[^<>\s]*>\)|<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")


def shown_source(text: str, claim: Claim | None, essay_format: str) -> str:
    """A piece of a claim's source (its sentence, a link's evidence, a quotation or a name a finding quotes) as the
    essay page shows it, in plain text (``claim_text.plain_text``: "«\\ mot\\ »" with its no-break spaces,
    "*Titre*" as Titre), for ``links`` and ``check``; as written where the page shows the text as written too: a
    claim no reader of markers read. A LaTeX manuscript's (``essay_format``) is its reader's text, its macros
    printed ("\\emph{most}" as most, "40\\%" as 40%) and its citations as written, with the links its reader writes
    as Markdown printed as their text (``LATEX_LINK``)."""
    if text and essay_format == "latex":
        return LATEX_LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    if not text or claim is None or claim.citations is None:
        return text
    if (shown := unrendered(text)) is not None:
        return shown
    from .claim_text import plain_text

    return plain_text(text)
