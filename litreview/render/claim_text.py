"""A claim of a marked manuscript as a reader sees it: its inline Markdown rendered (emphasis, code, links,
dashes), and each citation the author wrote replaced, where it stands, by the marks of the sources it names.

The claim's text is the manuscript's source (``**wadliwe**``, ``[see @kim2009, p. 3]``, ``\\cite`` read as
``[@{key}]``); shown raw, a page reads as markup. Only citations whose every item has a mark are replaced;
any other stays as written, where a finding points at it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..essay.cites import math_spans, raw_tex_spans
from ..essay.segment import NOTE_LABEL, inline_label
from ..model import Citation, Claim
from ..pandoc_text import html_text, smart, smart_tokens
from ..text import markdown_escaped
from . import pandoc_inline
from .citation_marks import printed
from .math import math_html
from .sanitize import clean_text, esc, safe_relative, safe_url
from .shown import MARKUP as _MARKUP
from .shown import SPACE_BEFORE_NOTE as _SPACE_BEFORE_NOTE
from .shown import unrendered

# Private-use characters stand for the citations while the rest is rendered; any in the text itself go.
_OPEN, _CLOSE = "\ue000", "\ue001"


@lru_cache(maxsize=1)
def _inline() -> Any:
    from markdown_it import MarkdownIt

    # No raw HTML and no images: a manuscript's text is untrusted; a link's address passes the project's one URL
    # check (``safe_url``: absolute http(s) only, no javascript: nor data:), else the label stays plain text.
    from mdit_py_plugins.footnote import footnote_plugin

    md: Any = MarkdownIt("commonmark", {"html": False}).enable("strikethrough").use(footnote_plugin)
    md.validateLink = lambda url: True  # every link read as pandoc reads it; ``_links`` unlinks those not ``_linkable``
    pandoc_inline.use(md)
    md.inline.ruler.disable(["image", "html_inline"])
    md.core.ruler.disable("footnote_tail")
    md.core.ruler.before("text_join", "pandoc_smart", smart_tokens)
    md.core.ruler.push("pandoc_links", _links)
    md.add_render_rule("footnote_ref", _inline_note)
    return md


inline_markdown = _inline
"""The markdown-it a claim's inline Markdown is read with (built once)."""


_FRAGMENT = re.compile(r"#[\w.:-]+")


def _linkable(url: str) -> bool:
    """Whether markdown-it may make a link of ``url``: one ``safe_url`` takes, a place on the same page
    (``#sec:intro``: it runs nothing and leaves the page for nowhere), or a relative address ``safe_relative`` takes
    (a wiki's ``[Other page](Other-page)``: pandoc links it too)."""
    return safe_url(url) is not None or _FRAGMENT.fullmatch(url) is not None or safe_relative(url) is not None


def note_words(number: int | None) -> tuple[str, str]:
    """What stands around an inline note where it stands, its number as pandoc numbers it when known
    (``litreview.css`` puts the same around ``.lr-note``): the plain text of a claim reads "It changed. [note 1: See
    Holsti 2004.]", not "It changed.See Holsti 2004."."""
    return (f" [note {number}: " if number else " [note: "), "]"


_AS_TEXT, _CLAIM, _NUMBERS, _CITES = "lr_notes_as_text", "lr_claim", "lr_numbers", "lr_cites"


def _inline_note(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    """Pandoc's inline note (``^[...]``, a LaTeX ``\\footnote`` too) in small type where it stands, its markup
    rendered, with its number (``note_numbers``); for plain text, between the words the page shows around it."""
    at = tokens[idx].meta.get("id")
    note = env.get("footnotes", {}).get("list", {}).get(at, {})
    inner = self.renderInline(note.get("tokens") or [], options, env)
    found = (env.get(_NUMBERS) or {}).get(inline_label(env[_CLAIM], at)) if env.get(_CLAIM) else None
    number = found[0] if found else None
    if env.get(_AS_TEXT):
        before, after = note_words(number)
        return f"{esc(before)}{inner}{esc(after)}"
    return f'<span class="lr-note"{f" data-note={chr(34)}{number}{chr(34)}" if number else ""}>{inner}</span>'


def _links(state: Any) -> None:
    """Links to other sites open no window on this one; an inline note's text is typeset as the claim's
    (``smart``: its tokens are outside the claim's); a link whose text holds a citation is its text."""
    cites = state.env.get(_CITES) or ()
    for block in state.tokens:
        if block.children:
            block.children = _unlinked(block.children)
        if cites and block.children:
            block.children = _unlinked_citations(block.children, cites)
        _typeset(block.children or (), notes=False)
    for note in state.env.get("footnotes", {}).get("list", {}).values():
        _typeset(note.get("tokens") or (), notes=True)


def _unlinked(tokens: list[Any]) -> list[Any]:
    """``tokens`` with the links to an address that is not ``_linkable`` (``javascript:``, ``../x``) as their text:
    pandoc prints the text of any link; the page did the brackets and the address too."""
    if all(tok.type != "link_open" or _linkable(str(tok.attrGet("href") or "")) for tok in tokens):
        return tokens
    out: list[Any] = []
    opened: list[bool] = []  # each open link: whether it is dropped
    for tok in tokens:
        if tok.type == "link_open":
            opened.append(not _linkable(str(tok.attrGet("href") or "")))
            if opened[-1]:
                continue
        elif tok.type == "link_close" and opened and opened.pop():
            continue
        out.append(tok)
    return out


def _unlinked_citations(tokens: list[Any], cites: Sequence[str]) -> list[Any]:
    """``tokens`` without the links whose text holds a citation (``cites``: their stand-ins), as a Jekyll page writes
    ``[@roe2001](#roe2001)``: pandoc prints the citation as the link's text, and its mark is a link of its own, to
    the source's page; a link in a link is no HTML (a browser ends the first, which is left with no text)."""
    out: list[Any] = []
    opened: list[int] = []  # where in ``out`` each open link starts
    for tok in tokens:
        if tok.type == "link_open":
            opened.append(len(out))
        elif tok.type == "link_close" and opened:
            start = opened.pop()
            inner = out[start + 1:]
            if any(c in (t.content or "") for t in inner if t.type == "text" for c in cites):
                out[start:] = inner
                continue
        out.append(tok)
    return out


def _typeset(tokens: Any, *, notes: bool) -> None:
    for n, tok in enumerate(tokens):
        if tok.type == "link_open":
            tok.attrSet("rel", "noopener noreferrer")
            _named(tokens, n)
        elif notes and tok.type == "text":
            tok.content = smart(tok.content)


def _named(tokens: Any, at: int) -> None:
    """A link of no text (``[](https://orcid.org/)``, a template's value left out) named by its address: an
    empty link is a spot no reader sees and a screen reader names by nothing."""
    end = next((k for k in range(at + 1, len(tokens)) if tokens[k].type == "link_close"), at + 1)
    if all(tok.type in ("text", "softbreak") and not tok.content.strip() for tok in tokens[at + 1:end]):
        from markdown_it.token import Token

        tokens[at + 1:end] = [Token("text", "", 0, content=str(tokens[at].attrGet("href") or ""))]


NoteNumbers = Mapping[str, tuple[int, str]]
"""A note's label -> its number as pandoc prints it and the claim holding its first reference (``note_numbers``)."""


def claim_html(text: str, citations: Sequence[Citation], mark: Callable[[Citation], str | None],
               xref: Callable[[str, bool], str | None] | None = None,
               numbers: NoteNumbers | None = None, *, notes_as_text: bool = False,
               claim_id: str = "") -> tuple[str, set[str]]:
    """The claim's HTML and the keys whose marks it placed in the text.

    ``mark`` gives the HTML of an item's mark, or None when the item has none (a key the bibliography lacks);
    ``xref`` what the manuscript prints for a cross-reference's label (``crossrefs.crossref_labels``);
    ``numbers`` the essay's notes (``note_numbers``): a reference to another is printed as written, as pandoc does;
    ``notes_as_text``: an inline note between the words the page shows around it, and TeX math as written (else
    MathML: ``math.math_html``), for plain text; ``claim_id``: the
    claim ``text`` is, whose inline notes are numbered (none in a part of one).
    """
    groups = _citation_groups(text, citations)
    by_start = _ByStart(citations)
    placed: list[str] = []
    cites: list[str] = []  # the stand-ins of ``placed``'s citations
    keys: set[str] = set()
    pieces: list[str] = []
    cursor = 0
    # Raw LaTeX (``\\vspace{20pt}`` in a caption) and raw inlines (a code span with ``{=latex}`` after it): pandoc keeps
    # them for that output, an HTML page prints nothing.
    raw = raw_tex_spans(text) if "\\" in text or "{=" in text else []
    # TeX math as MathML (as TeX in plain text), set aside like a citation: markdown-it would read its ``_`` and ``\\``.
    spans: list[tuple[tuple[int, int], list[Citation] | str | None]] = [*groups.items()]
    maths = math_spans(text)
    spans += [(span, None) for span in maths]
    spans += [((start, end), label) for start, end, label in label_spans(text, maths)]
    for (start, end), items in sorted(spans, key=lambda span: span[0]):
        if start < cursor:
            continue
        if isinstance(items, str):
            pieces.append(_plain(_without(text, cursor, start, raw)))
            pieces.append(f"{_OPEN}{len(placed)}{_CLOSE}")
            placed.append(_label(items, xref, as_text=notes_as_text))
            cursor = end
            continue
        if items is None:
            pieces.append(_plain(_without(text, cursor, start, raw)))
            pieces.append(f"{_OPEN}{len(placed)}{_CLOSE}")
            placed.append(_math(_plain(text[start:end]), as_text=notes_as_text))
            cursor = end
            continue
        marks = [mark(item) for item in items]
        if any(m is None for m in marks):
            continue
        pieces.append(_plain(_without(text, cursor, start, raw)))
        pieces.append(f"{_OPEN}{len(placed)}{_CLOSE}")
        cites.append(f"{_OPEN}{len(placed)}{_CLOSE}")
        inner = by_start.inner(start, end, items)
        affix = _affix if not inner else _nested_affix(text, start, end, inner, mark, xref, keys)
        placed.append(_group(text[start:end], items, [m for m in marks if m is not None], affix))
        keys.update(item.key for item in items)
        cursor = end
    pieces.append(_plain(_without(text, cursor, len(text), raw)))
    plain = "".join(pieces)
    notes: list[str] = []
    if "[^" in plain or "@" in plain:
        plain = _NOTE_REF.sub(lambda m: _note_mark(m, notes, xref, numbers), plain)
    # Most sentences hold no markup: escaped, they read as markdown-it would render them, at a fraction of the cost.
    html = (_inline().renderInline(plain, {_AS_TEXT: notes_as_text, _CLAIM: claim_id, _NUMBERS: numbers,
                                           _CITES: cites})
            if _MARKUP.search(plain) else esc(plain))
    for n, group in enumerate(placed):
        html = html.replace(f"{_OPEN}{n}{_CLOSE}", group, 1)
    for n, shown in enumerate(notes):
        html = html.replace(f"{_NOTE_OPEN}{n}{_CLOSE}", shown, 1)
    return html, keys


# A note reference (``[^4]``), whose note is a paragraph of its own: pandoc prints the note's number there; and a
# cross-reference (``@fig-map``, ``[-@fig-map]``, ``[Section -@sec-data]``, ``@fig:map``), which Quarto and
# pandoc-crossref print as "Figure 1", "1" and "Section 1" (the brackets are the citation's, not the text's), and
# bookdown's (``\\@ref(fig:map)``), which it prints as "1".
# Code spans are matched first, to be left as they are.
_REF = r"([A-Za-z][\w:-]*[A-Za-z0-9_])"
_NOTE_REF = re.compile(r"(`+)[\s\S]*?(?<!`)\1(?!`)" rf"|\[\^({NOTE_LABEL})\]"
                       rf"|\[((?:[^\[\]@;`\n]{{0,60}}\s)?)(-?)@{_REF}\]|(?<![\w.@\[\\-])(-?)@{_REF}"
                       r"|\\@ref\(((?:fig|tab|eq):[\w:-]+)\)")
_NOTE_OPEN = "\ue002"


def _note_mark(m: re.Match[str], notes: list[str], xref: Callable[[str, bool], str | None] | None,
               numbers: NoteNumbers | None) -> str:
    if m.group(2) is not None:
        found = numbers.get(m.group(2)) if numbers is not None else None
        if found is None:
            return m.group(0)
        # The note's id is its number, never its label: labels are the manuscript's text.
        notes.append(f'<sup class="lr-fnref"><a href="#fn{found[0]}" aria-label="Note {found[0]}">{found[0]}</a></sup>')
    elif m.group(8) is not None:  # bookdown's "\@ref(fig:map)": the number alone, when the text defines it
        shown = xref(m.group(8), True) if xref is not None else None
        if shown is None or shown == "?":
            return "\\" + m.group(0)  # as written: markdown-it would read "\@" as an escaped "@"
        notes.append(f'<span class="lr-xref" title="{esc(m.group(8))}">{esc(shown)}</span>')
    elif m.group(1) is None and xref is not None:
        key = m.group(5) or m.group(7)
        shown = xref(key, bool(m.group(4) or m.group(6)))
        if shown is None:
            return m.group(0)
        notes.append(f'{esc(m.group(3) or "")}<span class="lr-xref" title="{esc(key)}">{esc(shown)}</span>')
    else:
        return m.group(0)
    return f"{_NOTE_OPEN}{len(notes) - 1}{_CLOSE}"


def plain_text(text: str, xref: Callable[[str, bool], str | None] | None = None,
               numbers: NoteNumbers | None = None, *, claim_id: str = "") -> str:
    """A claim's Markdown as the page shows it, in plain text (for a card's excerpt): emphasis, code and link
    markup, raw LaTeX and note references (the first note's "[^ver]", as pandoc's plain text prints it: "[1]")
    rendered; an inline note (a LaTeX ``\\footnote``) between the words the page shows around it, numbered when
    ``claim_id`` names the claim ``text`` is."""
    if not (xref is not None and "@" in text) and (shown := unrendered(text)) is not None:
        return shown
    html, _ = claim_html(text, (), lambda item: None, xref, numbers, notes_as_text=True, claim_id=claim_id)
    html = _SUPERSCRIPT.sub(r"[\1]", html)
    return _SPACE_BEFORE_NOTE.sub("", html_text(html))


_SUPERSCRIPT = re.compile(r'<sup class="lr-fnref"[^>]*>(.*?)</sup>')


_URL_COMMAND = re.compile(r"\\url\{([^{}\s<>]+)\}")
_HREF_COMMAND = re.compile(r"\\href\{([^{}\s<>]+)\}\{([^{}]*)\}")


def _address(tex: str) -> str:
    """An address a raw LaTeX command prints (hyperref's ``\\url``, ``\\href``) as a Markdown link, else ''; an
    address ``safe_url`` refuses (``data:``, ``javascript:``) prints as plain text, the label of an ``\\href``
    (else the address), never a link."""
    if m := _URL_COMMAND.fullmatch(tex):
        address = m.group(1)
        return f"<{address}>" if safe_url(address) else markdown_escaped(address)
    if m := _HREF_COMMAND.fullmatch(tex):
        address, label = m.group(1), markdown_escaped(m.group(2) or m.group(1))
        return f"[{label}](<{address}>)" if safe_url(address) else label
    return ""




def _without(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` without the parts ``spans`` cover (raw LaTeX), but for an address the LaTeX output
    prints (``\\url{...}``, ``\\href{...}{...}``), kept as a Markdown link."""
    out: list[str] = []
    for a, b in spans:
        if b <= start or a >= end:
            continue
        out.append(text[start:max(start, a)])
        if start <= a and b <= end:
            out.append(_address(text[a:b]))
        start = max(start, b)
    out.append(text[start:end] if start < end else "")
    return "".join(out)


def _citation_groups(text: str, citations: Sequence[Citation]) -> dict[tuple[int, int], list[Citation]]:
    """The items of each citation, by the span of the text it takes (``[@a; @b]`` is one; so is ``@a [@b]``, as
    pandoc reads it, its first item ``grouped``)."""
    groups: dict[tuple[int, int], list[Citation]] = {}
    for cite in citations:
        if 0 <= cite.start < cite.end <= len(text):
            groups.setdefault((cite.start, cite.end), []).append(cite)
    starting: dict[int, list[tuple[int, int]]] = {}  # start -> the spans of ``groups`` there, in its order
    for span in groups:
        starting.setdefault(span[0], []).append(span)
    for (start, end), items in sorted(groups.items()):
        if (start, end) not in groups:  # already taken into the citation before it
            continue
        after = next(iter(starting.get(end + 1, ())), None)
        if (after is None or len(items) != 1 or items[0].mode != "author-in-text" or text[end:end + 2] != " ["
                or any(s < start and end <= e for s, e in groups)):  # not one in another's suffix ("[@a, @b]")
            continue
        groups[(start, after[1])] = [replace(items[0], grouped=True), *groups.pop(after)]
        del groups[(start, end)]
        starting[end + 1].remove(after)
        starting[start].remove((start, end))
        starting[start].append((start, after[1]))
    return groups


class _ByStart:
    """A claim's citations by where they start, so that those within one citation are found without reading all
    of them for each citation (a paragraph of thousands of citations)."""

    def __init__(self, citations: Sequence[Citation]) -> None:
        self.citations = citations
        self.order = sorted(range(len(citations)), key=lambda i: citations[i].start)
        self.starts = [citations[i].start for i in self.order]

    def inner(self, start: int, end: int, items: Sequence[Citation]) -> list[Citation]:
        """The citations in an affix of the citation at ``start:end`` (``items``): as pandoc reads "[@a, @b]",
        @b; in the order of the claim's citations."""
        spans = {(item.start, item.end) for item in items}
        within = sorted(self.order[bisect_left(self.starts, start):bisect_right(self.starts, end)])
        return [c for c in (self.citations[i] for i in within) if c.end <= end and (c.start, c.end) not in spans]


def plain_claim(claim: Claim, label: Callable[[Citation], str | None], numbers: NoteNumbers | None = None) -> str:
    """A claim as the essay page shows it, in plain text: its citations with the sources' labels (``readable``)
    and, read as Markdown, its markup and raw LaTeX rendered (an R Markdown paragraph's leading ``\\par`` gone)."""
    text = readable(claim.text, claim.citations, label)[0] if claim.citations else claim.text
    return plain_text(text, numbers=numbers, claim_id=claim.id) if claim.citations is not None else text


def readable(text: str, citations: Sequence[Citation],
             label: Callable[[Citation], str | None]) -> tuple[str, dict[str, str]]:
    """The claim's text with its citations as a reader sees them, for a plain excerpt: each citation whose
    every item has a ``label`` (its key's, as the item's mode prints it: ``Reference.cited``) written with the labels as pandoc prints them (``printed``: "(see e.g. Krige 1951; Press et al. 1992, p. 3)",
    bare where cited in the text), not as the source's markup (``[see e.g. @{kriging}]``, LaTeX's ``\\citep``);
    and each citation so rewritten, as written -> as shown (a marker link's evidence is the citation)."""
    out: list[str] = []
    rewritten: dict[str, str] = {}
    # A link's evidence may be the command a LaTeX reader read the citation from (``Citation.command``): where
    # it stands as shown, (start, end) in the output, the citations of one command (``\\citet{a,b}``) together.
    commands: dict[str, list[int]] = {}
    last = ""
    size = cursor = 0
    by_start = _ByStart(citations)
    for (start, end), items in sorted(_citation_groups(text, citations).items()):
        labels = [label(item) for item in items]
        if start < cursor or any(lb is None for lb in labels):
            continue
        # A citation in another's prefix or suffix ("[@a' @b; @c]", as pandoc reads a missing ";"): its label, not its key.
        inner = by_start.inner(start, end, items)
        written = text[start:end]
        shown = "".join(f"{_labelled(piece, inner, label)} " if kind == "prefix"
                        else f", {_labelled(piece, inner, label)}" if kind == "suffix" else piece
                        for kind, piece in printed(items, [str(lb) for lb in labels], bracketed=_bracketed(written)))
        rewritten[written] = shown
        for item in items[1:] if items[0].grouped else ():  # a link's evidence: the bracket a reader found it in
            rewritten.setdefault(text[item.start:item.end], shown)
        between = text[cursor:start]
        out += [between, shown]
        size += len(between)
        command = items[0].command
        if command and command == last and not between.strip():
            commands[command][1] = size + len(shown)
        elif command and command not in commands:
            commands[command] = [size, size + len(shown)]
        last = command
        size += len(shown)
        cursor = end
    out.append(text[cursor:])
    whole = "".join(out)
    rewritten.update((command, whole[a:b]) for command, (a, b) in commands.items())
    return whole, rewritten


def _labelled(affix: str, inner: Sequence[Citation], label: Callable[[Citation], str | None]) -> str:
    """A citation's prefix or suffix with each citation it holds (``inner``) written as its ``label``, when it has
    one."""
    for item in inner:
        shown = label(item) if item.written and item.written in affix else None
        if shown is not None:
            affix = affix.replace(item.written, shown, 1)
    return affix


# pandoc-crossref's and Quarto's label of an equation (``$$x$$ {#eq-model}``), a table (``: Results {#tbl-res}``) or
# a figure: an attribute block whose identifier has a cross-reference kind's prefix.
_LABEL = re.compile(r"[ \t]*\{#((?:eq|tbl|fig)[-:][\w:-]*[A-Za-z0-9_])(?:[ \t][^{}\n]*)?\}[ \t]*")


def label_spans(text: str, maths: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each cross-reference label of ``text`` that the manuscript's tool prints no text of:
    an equation's right after its display math (``maths``: ``math_spans``), a table's or a figure's ending the
    text (its caption's)."""
    if "{#" not in text:
        return []
    found = []
    for m in _LABEL.finditer(text):
        after_math = any(end == m.start() and text.startswith("$$", end - 2) for _, end in maths)
        if (after_math and m.group(1).startswith("eq")) or (m.end() == len(text) and not m.group(1).startswith("eq")):
            found.append((m.start(), m.end(), m.group(1)))
    return found


def _label(label: str, xref: Callable[[str, bool], str | None] | None, *, as_text: bool) -> str:
    """What stands for a cross-reference label: an equation's number in parentheses ("(1)", as Quarto and
    pandoc-crossref print it), nothing for a caption's label; on the page, an anchor of the label's id, which a
    reference to it (``@eq-model``) can link to."""
    number = xref(label, True) if xref is not None and label.startswith("eq") else None
    shown = f" ({number})" if number else ""
    if as_text:
        return esc(shown)
    return f'<span class="lr-label" id="{esc(label)}">{esc(shown)}</span>'


def _math(written: str, *, as_text: bool) -> str:
    """The HTML of the math ``written`` (``$x$``, ``$$x$$``): MathML, or its TeX escaped ``as_text``."""
    if as_text:
        return esc(written)
    display = written.startswith("$$")
    return math_html(written[2:-2] if display else written[1:-1], display=display)


def _plain(text: str) -> str:
    return clean_text(text).replace(_OPEN, "\ufffd").replace(_CLOSE, "\ufffd").replace(_NOTE_OPEN, "\ufffd")


def _affix(written: str) -> str:
    """A citation's prefix or locator as pandoc prints it: Markdown (``version 4.3\\;``, ``*cf.*``, math)."""
    return claim_html(written, (), lambda item: None)[0] if _MARKUP.search(written) or "$" in written else esc(written)


def _nested_affix(text: str, start: int, end: int, inner: Sequence[Citation], mark: Callable[[Citation], str | None],
                  xref: Callable[[str, bool], str | None] | None, keys: set[str]) -> Callable[[str], str]:
    """How to print an affix of the citation at ``start:end`` of ``text`` that holds citations of its own (``inner``,
    as pandoc reads "[@a, @b]": @b in @a's suffix): each with its mark, its key added to ``keys``."""
    def affix(part: str) -> str:
        at = text.find(part, start, end)
        held = [replace(c, start=c.start - at, end=c.end - at) for c in inner
                if at >= 0 and at <= c.start and c.end <= at + len(part)]
        if not held:
            return _affix(part)
        html, placed = claim_html(part, held, mark, xref)
        keys.update(placed)
        return html

    return affix


def _group(written: str, items: Sequence[Citation], marks: Sequence[str],
           affix: Callable[[str], str] | None = None) -> str:
    """The marks of one citation as pandoc prints it (``printed``): in parentheses with the author's prefixes and
    locators when written in brackets (``[see @a, p. 3; @b]``), bare when written in the text (``@a``, ``\\citet``);
    ``affix`` prints a prefix or a locator (``_affix``, or ``_nested_affix`` for one holding citations)."""
    affix = affix or _affix
    bracketed = _bracketed(written)
    bracket = '<span class="lr-bracket" aria-hidden="true">{}</span>'
    html = {"open": bracket, "close": bracket, "sep": '<span class="lr-sep" aria-hidden="true">{}</span>', "mark": "{}"}
    inner = "".join(f'<span class="lr-affix">{affix(piece)} </span>' if kind == "prefix"
                    else f'<span class="lr-affix">, {affix(piece)}</span>' if kind == "suffix"
                    else html[kind].format(piece if kind == "mark" else esc(piece))
                    for kind, piece in printed(items, marks, bracketed=bracketed))
    if not bracketed:  # the names are words of the sentence, printed too
        return f'<span class="lr-cites lr-cites--inline lr-cites--narrative">{inner}</span>'
    return f'<span class="lr-cites lr-cites--inline">{inner}</span>'


def _bracketed(written: str) -> bool:
    """Whether a citation is written in brackets (``[@a]``), not in the text (``@a``, ``@a [@b]``)."""
    return written.lstrip().startswith("[")
