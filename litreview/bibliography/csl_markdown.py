"""The text values of a CSL-YAML bibliography (and of a front matter's ``references:``) are pandoc Markdown:
their plain text as pandoc reads them, the markup rendered (``CO~2~``, ``*Joseph*``, ``1997--2008``, ``\\<scp\\>``)."""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from typing import Any

#: What may be Markdown markup in a value (a value without it is its own plain text).
_MARKUP = re.compile(r"[\\`*_\[<&~^]|--|\.\.\.")
#: Pandoc's subscript (``H~2~O``) and superscript (``x^2^``): no white space inside but an escaped one.
_SUBSCRIPT = re.compile(r"(?<![~\\])~((?:\\.|[^\s~\\])+)~(?!~)")
_SUPERSCRIPT = re.compile(r"(?<![\^\\])\^((?:\\.|[^\s^\\])+)\^")
#: Pandoc's bracketed span (``[Small Caps]{.smallcaps}``, ``[DNA]{.nocase}``): its text.
_SPAN = re.compile(r"(?<![\\!])\[((?:\\.|[^\[\]\\])*)\]\{[^{}\n]*\}")
_TAG = re.compile(r"<[^>]*>")


def markdown_plain(value: str) -> str:
    """``value`` read as pandoc reads a CSL-YAML string, in plain text: emphasis, strong emphasis, strikeout,
    subscripts, superscripts, spans, code and links by their text, backslash escapes and entities by the
    characters they stand for, raw HTML tags left out (pandoc drops them from a bibliography), "--" and "---"
    as an en and an em dash and "..." as an ellipsis (pandoc's smart typography; its curly quotes are not made)."""
    if not _MARKUP.search(value):
        return value
    text = _SPAN.sub(r"\1", value)
    text = _SUPERSCRIPT.sub(r"\1", _SUBSCRIPT.sub(r"\1", text))
    html = _parser().renderInline(text)
    return unescape(_TAG.sub("", html))


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    md: Any = MarkdownIt("commonmark", {"html": True}).enable("strikethrough")
    md.core.ruler.push("pandoc_smart", _smart)
    return md


def _smart(state: Any) -> None:
    """Pandoc's smart dashes and ellipsis in text, not in code (markdown-it's own replacements would make
    "(c)" a copyright sign too)."""
    for block in state.tokens:
        for tok in block.children or ():
            if tok.type == "text":
                tok.content = tok.content.replace("---", "\u2014").replace("--", "\u2013").replace("...", "\u2026")
