"""The text values of a CSL-YAML bibliography (and of a front matter's ``references:``) are pandoc Markdown:
their plain text as pandoc reads them, the markup rendered (``CO~2~``, ``*Joseph*``, ``1997--2008``, ``\\<scp\\>``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..lazyre import lazy
from ..pandoc_text import html_text, smart_tokens

#: What may be Markdown markup in a value (a value without it is its own plain text).
_MARKUP = lazy(r"[\\`*_\[<&~^\"']|--|\.\.\.")
#: Pandoc's bracketed span (``[Small Caps]{.smallcaps}``, ``[DNA]{.nocase}``): its text.
_SPAN = lazy(r"(?<![\\!])\[((?:\\.|[^\[\]\\])*)\]\{[^{}\n]*\}")
#: White space a backslash does not escape (pandoc's subscript and superscript hold none).
_BARE_SPACE = lazy(r"(?<!\\)(?:\\\\)*\s")


def span_text(value: str) -> str:
    """``value`` with each of pandoc's bracketed spans (``[DNA]{.nocase}``) by its text, the rest as written."""
    return _SPAN.sub(r"\1", value)


def markdown_plain(value: str) -> str:
    """``value`` read as pandoc reads a CSL-YAML string, in plain text: emphasis, strong emphasis, strikeout,
    subscripts, superscripts, spans, code and links by their text, backslash escapes and entities by the
    characters they stand for, raw HTML tags left out (pandoc drops them from a bibliography), "--" and "---"
    as an en and an em dash, "..." as an ellipsis and straight quotes curly (pandoc's smart typography: a
    reference list pandoc prints shows “Big” for ``"Big"``, and “Big” for ``'Big'`` too: a quotation is printed
    “...” and one inside it ‘...’, whichever marks were typed; curly marks typed are text)."""
    if not _MARKUP.search(value):
        return value
    text = span_text(value)
    return _quotations(html_text(_parser().renderInline(text)))


#: The marks markdown-it is told to print a quotation with (private-use characters no value holds): single
#: opening, closing, double opening, closing; printed by their depth in ``_quotations``.
_MARKS = "\ue0d0\ue0d1\ue0d2\ue0d3"


def _quotations(text: str) -> str:
    """markdown-it's quotations (``_MARKS``, which it pairs) printed as pandoc prints them: “...” outside, ‘...’
    inside one, “...” inside that (the en-US quotes of pandoc's default locale)."""
    if not any(mark in text for mark in _MARKS):
        return text
    out, depth = [], 0
    for char in text:
        if char in (_MARKS[0], _MARKS[2]):
            out.append("\u201c" if depth % 2 == 0 else "\u2018")
            depth += 1
        elif char in (_MARKS[1], _MARKS[3]):
            depth = max(depth - 1, 0)
            out.append("\u201d" if depth % 2 == 0 else "\u2019")
        else:
            out.append(char)
    return "".join(out)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # markdown-it's smart quotes are pandoc's but for an apostrophe before a digit ("'90s") and a quote nothing closes.
    md: Any = MarkdownIt("commonmark", {"html": True, "typographer": True, "quotes": _MARKS[2:] + _MARKS[:2]}
                         ).enable(["strikethrough", "smartquotes"])
    md.inline.ruler.after("emphasis", "pandoc_script", _script)
    md.core.ruler.before("text_join", "pandoc_smart", smart_tokens)
    md.core.ruler.before("text_join", "pandoc_lone_quotes", _lone_quotes)
    return md


#: A straight quote markdown-it left (nothing closes it): a double one opens when nothing but white space or an
#: opening bracket is before it; else it closes, and a single one is an apostrophe (pandoc 3.9: "b, 'a, a").
_LONE = lazy(r"(?P<open>(?:^|(?<=[\s(\[{]))\")|\"|'")


def _lone_quotes(state: Any) -> None:
    """A core rule after markdown-it's smart quotes: the straight quotes it left, curly as pandoc prints them (in
    text, not in code)."""
    for block in state.tokens:
        for tok in block.children or ():
            if tok.type == "text" and ('"' in tok.content or "'" in tok.content):
                tok.content = _LONE.sub(lambda m: "\u201c" if m.group("open") else
                                        "\u201d" if m.group(0) == '"' else "\u2019", tok.content)


def _script(state: Any, silent: bool) -> bool:
    """Pandoc's subscript (``H~2~O``) and superscript (``x^2^``) as an inline rule, so that code spans,
    autolinks and escapes, read before, keep their marks: no white space inside but an escaped one; a
    doubled tilde is strikeout's."""
    start, end, mark = state.pos, state.posMax, state.src[state.pos]
    if silent or mark not in "~^" or state.src.startswith(mark * 2, start):
        return False
    state.pos = start + 1
    while state.pos < end and state.src[state.pos] != mark:
        state.md.inline.skipToken(state)
    close = state.pos
    if (close >= end or close == start + 1 or _BARE_SPACE.search(state.src, start + 1, close)
            or state.src.startswith(mark * 2, close)):
        state.pos = start
        return False
    tag = "sub" if mark == "~" else "sup"
    state.posMax, state.pos = close, start + 1
    state.push(f"{tag}_open", tag, 1).markup = mark
    state.md.inline.tokenize(state)
    state.push(f"{tag}_close", tag, -1).markup = mark
    state.pos, state.posMax = close + 1, end
    return True
