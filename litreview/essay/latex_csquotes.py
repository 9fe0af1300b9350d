"""csquotes' quotations with a source (``\\blockcquote[see][285]{key}{text}``, ``\\blockquote[\\cite{a}]{text}``,
``\\textcquote[3]{key}{text}``) written as the quotation and its citation, before a LaTeX manuscript's paragraphs are
found: a block quotation as a ``quote`` environment (its own paragraphs, as pandoc reads it), the citation after its
text."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .latex_cites import group_ends

_BLOCKS = {"blockquote": False, "blockcquote": True, "foreignblockquote": False, "foreignblockcquote": True,
           "hyphenblockquote": False, "hyphenblockcquote": True}
"""The block quotations pandoc's LaTeX reader reads (a quotation, its source after it), and whether the command cites
a key (``[prenote][postnote]{key}``) or takes its source as text (``[cite]``). The foreign and hyphen ones take a
language first."""
_INLINE = ("textcquote", "foreigntextcquote", "hyphentextcquote")
"""The inline quotations that cite a key. pandoc 3.9 drops them, text and citation; csquotes prints the quotation and
cites the key (biber lists its entry): read as LaTeX prints them, as the reader reads ``\\citetitle``."""
_COMMAND = re.compile(r"\\(" + "|".join([*_BLOCKS, *_INLINE]) + r")(\*?)(?![A-Za-z@])")
_TOKEN = re.compile(r"\\[A-Za-z@]+|\\.|[{}]")
"""A line's commands and braces (an escaped brace is neither)."""


def quotations_apart(lines: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """The (file, line, text) lines with each csquotes quotation that has a source written as LaTeX typesets it: a
    block one as ``\\begin{quote}text \\blockcquote[pre][post]{key}\\end{quote}`` (its text may span lines and
    paragraphs; the source goes after its last), an inline one as ``\\enquote{text}\\textcquote[pre][post]{key}``
    (``latex_cites`` reads the two commands, without their text, as citations). A command whose arguments before the
    text do not all stand on its line is left as written (``latex_cites`` reads its key, its text in the sentence)."""
    if not any("quote" in text for _, _, text in lines):
        return lines
    out: list[tuple[str, int, str]] = []
    pending: list[tuple[int, str]] = []  # (depth its text's closing brace returns to, what replaces that brace)
    depth = 0
    for file, n, text in lines:
        if not pending and "quote" not in text:
            out.append((file, n, text))
            continue
        pieces: list[str] = []
        at = pos = 0
        while (m := _TOKEN.search(text, pos)) is not None:
            token, pos = m.group(), m.end()
            if token == "{":
                depth += 1
            elif token == "}":
                depth -= 1
                if pending and pending[-1][0] == depth:
                    closing = pending.pop()[1]
                    if closing.startswith("}") and (end := _group(text, pos, "[", "]")) >= 0:
                        # an inline quotation's [tail] (punctuation after its closing mark), after its citation: the
                        # sentence's full stop, not a bracket in its text
                        closing, pos = closing + text[pos + 1:end - 1], end
                    pieces += [text[at:m.start()], closing]
                    at = pos
            elif (found := _COMMAND.match(text, m.start())) is not None and found.end(1) == m.end():
                head = _head(text, found.end(), found.group(1), starred=bool(found.group(2)))
                if head is None:
                    continue
                opened, opening, closing = head
                pieces += [text[at:m.start()], opening]
                pending.append((depth, closing))
                depth += 1
                at = pos = opened
        pieces.append(text[at:])
        out.append((file, n, "".join(pieces)))
    return out


def _head(text: str, at: int, name: str, *, starred: bool) -> tuple[int, str, str] | None:
    """(where the quotation's text starts, past its opening brace; what replaces the command up to there; what replaces
    the text's closing brace) for the command ``name`` whose arguments start at ``at``; None when they do not all stand
    on this line."""
    pos = _skip(text, at)
    if name.startswith(("foreign", "hyphen")):  # the language
        pos = _group(text, pos, "{", "}")
        if pos < 0:
            return None
    options: list[str] = []
    while len(options) < 2 and (end := _group(text, pos, "[", "]")) >= 0:
        options.append(text[pos + 1:end - 1])
        pos = _skip(text, end)
    cites = name in _INLINE or _BLOCKS[name]
    keys = ""
    if cites:
        end = _group(text, pos, "{", "}")
        if end < 0:
            return None
        keys, pos = text[pos + 1:end - 1], _skip(text, end)
        if (end := _group(text, pos, "[", "]")) >= 0:  # the punctuation after the quotation: not printed in its text
            pos = _skip(text, end)
    elif len(options) == 2:
        options = options[:1]  # [cite][punct]
    if not text.startswith("{", pos):
        return None
    if cites:
        notes = "".join(f"[{o}]" for o in options)
        # named as the file names it (the evidence quotes it), its language and text left out: read as a citation
        source = f"\\{'textcquote' if name in _INLINE else 'blockcquote'}{notes}{{{keys}}}" if keys.strip() else ""
    else:
        source = options[0] if options else ""
    if name in _INLINE:
        return pos + 1, "\\enquote*{" if starred else "\\enquote{", "}" + source
    return pos + 1, "\\begin{quote}", (f" {source}" if source.strip() else "") + "\\end{quote}"


def _group(text: str, pos: int, open_ch: str, close_ch: str) -> int:
    """The end of the group ``text[pos]`` opens with ``open_ch``, or -1 when none opens there or it does not close."""
    if not text.startswith(open_ch, pos):
        return -1
    return _group_ends(text)[open_ch](pos)


@functools.lru_cache(maxsize=4)
def _group_ends(text: str) -> dict[str, Callable[[int], int]]:
    """``latex_cites.group_ends`` of the line ``text`` for braces and for brackets, kept while the line's commands are
    read: scanning from each of a line's commands alone is quadratic (``\\textcquote[`` written 5,000 times took ten
    seconds)."""
    return {"{": group_ends(text, "{", "}"), "[": group_ends(text, "[", "]")}


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos
