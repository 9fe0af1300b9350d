"""Pandoc's rules for text shared by the readers that render it with markdown-it (a claim of the essay, a CSL
value): smart typography, and the rendered HTML as plain text."""

from __future__ import annotations

from html import unescape
from typing import Any

from .lazyre import lazy

_TAG = lazy(r"<[^>]+>")  # "<>" is no tag: HTML reads it as text


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
    """A CSL-JSON value's quotes as pandoc reads and prints them (citeproc's CSL-JSON text parser, en-US quotes):
    a pair of straight or curly quotes, single or double, is a quotation, printed “...” and one inside it ‘...’
    whichever marks were written (``A ‘safety valve’`` is printed A “safety valve”); an apostrophe (``one's``)
    and a quote nothing closes print ’ for a single mark, the rest of ``text`` as written."""
    if _MARKS.isdisjoint(text):
        return text
    return _QuoteReader(text[:_QUOTES_READ]).read() + text[_QUOTES_READ:]


_OPENERS = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}
"""citeproc's quotation marks in a CSL-JSON value: opening mark -> the mark that closes it."""
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"
_MARKS = frozenset(_QUOTE_MARKS)
_SPECIAL = frozenset(_QUOTE_MARKS + "<>")
_APOSTROPHES = ("'", "\u2019")
_LEVELS = (("\u201c", "\u201d"), ("\u2018", "\u2019"))
"""The marks a quotation is printed with, outer then inner (en-US, pandoc's default locale)."""
_QUOTES_READ = 1_000
"""Characters of a value read for its quotations (a title is shorter; the reading is quadratic in marks nothing
closes): the rest is left as written."""
_DEEPEST = 64
"""Quotations inside quotations read (Python's stack is not a parser's): a mark deeper is read as text."""


class _QuoteReader:
    """citeproc's parse of a CSL-JSON value's quotations (``Citeproc.CslJson.pCslQuoted``): an opening mark not
    followed by white space nor by its closing mark, its content, the mark that closes it; tried at each mark, a
    word's apostrophe (``80’s``) read as text first. Each quotation is read once (memoised by where it opens), so
    text full of marks that close nothing takes quadratic time, not exponential."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quoted: dict[int, tuple[list[Any], int] | None] = {}

    def read(self) -> str:
        return _printed(self._until(0, None, 0)[0], 0)

    def _until(self, at: int, closing: str | None, depth: int) -> tuple[list[Any], int]:
        """The pieces from ``at`` up to ``closing`` (to the end for None) and where that mark is; a piece is
        text, or a list of the pieces of a quotation."""
        text, out = self.text, []
        while at < len(text) and (closing is None or not text.startswith(closing, at)):
            piece, at = self._piece(at, depth)
            out.append(piece)
        return out, at

    def _piece(self, at: int, depth: int) -> tuple[Any, int]:
        """One piece at ``at``: a word (with its apostrophe), a run of other text, a quotation, or a mark as text."""
        text, char = self.text, self.text[at]
        if char not in _SPECIAL:
            alnum, end = char.isalnum(), at
            while end < len(text) and text[end].isalnum() == alnum and text[end] not in _SPECIAL:
                end += 1
            if alnum and end + 1 < len(text) and text[end] in _APOSTROPHES and text[end + 1].isalnum():
                after = end + 1
                while after < len(text) and text[after].isalnum():
                    after += 1
                return text[at:end] + "\u2019" + text[end + 1:after], after
            return text[at:end], end
        if depth < _DEEPEST and (quoted := self._quotation(at, depth)) is not None:
            return quoted
        return ("\u2019" if char in _APOSTROPHES else char), at + 1

    def _quotation(self, at: int, depth: int) -> tuple[list[Any], int] | None:
        """(its pieces, where it ends) of the quotation opening at ``at``, or None when none opens there."""
        if at not in self.quoted:
            text, closing, found = self.text, _OPENERS.get(self.text[at]), None
            if closing is not None and at + 1 < len(text) and text[at + 1] not in " \t\n\r" + closing:
                pieces, end = self._until(at + 1, closing, depth + 1)
                found = (pieces, end + 1) if end < len(text) else None
            self.quoted[at] = found
        return self.quoted[at]


def _printed(pieces: list[Any], depth: int) -> str:
    """Pieces as text, a quotation at ``depth`` in the outer marks when even, the inner ones when odd."""
    out = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
        else:
            opening, closing = _LEVELS[depth % 2]
            out.append(opening + _printed(piece, depth + 1) + closing)
    return "".join(out)
