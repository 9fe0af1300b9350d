"""Pandoc's rules for text shared by the readers that render it with markdown-it (a claim of the essay, a CSL
value): smart typography, and the rendered HTML as plain text."""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from typing import Any

_TAG = re.compile(r"<[^>]+>")  # "<>" is no tag: HTML reads it as text


def smart(text: str) -> str:
    """Pandoc's smart typography in plain text: "---" an em dash, "--" an en dash, "..." an ellipsis (its curly
    quotes are not made)."""
    return text.replace("---", "\u2014").replace("--", "\u2013").replace("...", "\u2026")


def smart_tokens(state: Any) -> None:
    """A markdown-it core rule, run before ``text_join``: ``smart`` in text, not in code nor in what a backslash
    escapes (``\\--`` stays two hyphens, as in pandoc); markdown-it's own replacements would make "(c)" a
    copyright sign too."""
    for block in state.tokens:
        for tok in block.children or ():
            if tok.type == "text":
                tok.content = smart(tok.content)


def html_text(html: str) -> str:
    """Rendered HTML as plain text: its tags left out, its entities read."""
    return unescape(_TAG.sub("", html))


def smart_quotes(text: str) -> str:
    """Straight quotes made curly as pandoc makes them in a CSL-JSON value (``"Big"`` “Big”, ``one's`` one’s),
    the rest of ``text`` as written: markdown-it's smart quotes (see ``csl_markdown``), no other rule."""
    if '"' not in text and "'" not in text:
        return text
    return unescape(_quotes().renderInline(text))


@lru_cache(maxsize=1)
def _quotes() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("zero", {"typographer": True}).enable("smartquotes")
