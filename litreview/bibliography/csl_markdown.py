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


def markdown_plain(value: str) -> str:
    """``value`` read as pandoc reads a CSL-YAML string, in plain text: emphasis, strong emphasis, strikeout,
    subscripts, superscripts, spans, code and links by their text, backslash escapes and entities by the
    characters they stand for, raw HTML tags left out (pandoc drops them from a bibliography), "--" and "---"
    as an en and an em dash, "..." as an ellipsis and straight quotes curly (pandoc's smart typography: a
    reference list pandoc prints shows “Big” for ``"Big"``)."""
    if not _MARKUP.search(value):
        return value
    text = _SPAN.sub(r"\1", value)
    return html_text(_parser().renderInline(text))


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # markdown-it's smart quotes are pandoc's but for an apostrophe before a digit ("'90s") and a quote nothing closes.
    md: Any = MarkdownIt("commonmark", {"html": True, "typographer": True}).enable(["strikethrough", "smartquotes"])
    md.inline.ruler.after("emphasis", "pandoc_script", _script)
    md.core.ruler.before("text_join", "pandoc_smart", smart_tokens)
    return md


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
