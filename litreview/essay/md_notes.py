"""The footnote plugin's inline rules (``^[note]``, ``[^label]``), each given up at once where it can only fail.

mdit-py-plugins reads on from each opener to the next ``]`` (or to the paragraph's end): a paragraph of ``^[`` that
never close cost 20 times its prose, and ``[^`` in a run without blanks cost time quadratic in the run. The places of
the ``]`` and the blanks are found once per paragraph instead. A ``^[`` that may close finds its ``]`` as
markdown-it's ``parseLinkLabel`` does, token by token, but where each ``[`` it passes closes is remembered, so that the
openers of ``^[a ^[a ... ]`` no longer each read on over all the others (15 times prose's cost). What the rules
match is unchanged.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, NamedTuple

from ..lazyre import lazy

_CLOSE = lazy(r"\]")
_BLANK = lazy(r"[ \n]")  # what ends a footnote reference's label, for the plugin
_LONGEST = "litreview-longest-note-label"
"""The key, in the parse's ``env``, of (number of footnote labels, length of the longest)."""


class _Marks:
    """Where the ``]`` and the blanks (space, newline) of one inline source are."""

    __slots__ = ("blanks", "closes", "last_close")

    def __init__(self, src: str) -> None:
        self.closes = [m.start() for m in _CLOSE.finditer(src)]
        self.blanks = [m.start() for m in _BLANK.finditer(src)]
        self.last_close = self.closes[-1] if self.closes else -1

    def closing(self, pos: int, end: int) -> int:
        """The first ``]`` at or after ``pos``; ``end`` when there is none before ``end``."""
        return end if self.last_close < pos else _next(self.closes, pos, end)


def _marks(state: Any) -> _Marks:
    """The marks of ``state``'s source, found on the first opener of a footnote in it."""
    marks: _Marks | None = getattr(state, "litreview_marks", None)
    if marks is None:
        marks = state.litreview_marks = _Marks(state.src)
    return marks


def _next(places: list[int], pos: int, end: int) -> int:
    """The first of ``places`` at or after ``pos``; ``end`` when there is none before ``end``."""
    i = bisect_left(places, pos)
    return places[i] if i < len(places) and places[i] < end else end


def _skip(state: Any, pos: int) -> int:
    """Where markdown-it's ``skipToken`` goes on from ``pos`` (its cache, else its rules)."""
    known: int | None = state.cache.get(pos)
    if known is None:
        state.pos = pos
        state.md.inline.skipToken(state)
        known = state.pos
    return known


def _label_end(state: Any, start: int) -> int:
    """``parseLinkLabel(state, start)``: where the ``[`` at ``start`` closes (-1: nowhere), each bracket's close
    remembered by where its label starts. The tokens skipped from a place are fixed once ``skipToken`` has cached
    it, so that a label read once reads the same whenever it is read again, as an opener's own or inside another's
    (a label that never closes leaves every label around it open)."""
    ends: dict[int, int] | None = getattr(state, "litreview_ends", None)
    if ends is None:
        ends = state.litreview_ends = {}
    src, end, old = state.src, state.posMax, state.pos
    pos = start + 1
    if pos in ends:
        return ends[pos]
    opened = [pos]
    while pos < end:
        marker = src[pos]
        if marker == "]":
            ends[opened.pop()] = pos
            if not opened:
                state.pos = old
                return pos
        prev = pos
        pos = _skip(state, pos)
        if marker == "[" and pos == prev + 1:
            if ends.get(pos, 0) < 0:
                break
            opened.append(pos)
    for label in opened:
        ends[label] = -1
    state.pos = old
    return -1


def _longest_label(env: dict[str, Any]) -> int:
    """The length of the longest footnote label defined in the document (-1 for none): a ``[^`` whose label would be
    longer names no note. The labels are all read before any paragraph's inline text."""
    refs = env.get("footnotes", {}).get("refs", {})
    known = env.get(_LONGEST)
    if known is None or known[0] != len(refs):
        known = env[_LONGEST] = (len(refs), max((len(k) - 1 for k in refs), default=-1))
    return int(known[1])


def linear_footnotes(md: Any) -> Any:
    """``md`` (with ``footnote_plugin`` used, its references matched only when defined) with its footnote rules given
    up at once where the plugin's would fail: a ``^[`` with no ``]`` after it in the paragraph, a ``[^`` whose label
    would hold a blank, not close, or be longer than every defined one."""
    from mdit_py_plugins.footnote.index import footnote_inline, footnote_ref

    def inline_note(state: Any, silent: bool) -> bool:
        start, end = state.pos, state.posMax
        if start + 2 >= end or not state.src.startswith("^[", start) or _marks(state).closing(start + 2, end) == end:
            return False
        label_end = _label_end(state, start + 1)
        if label_end < 0:
            return False
        if not silent:  # the plugin's tokens, its own label scan over what is now cached
            return footnote_inline(state, silent)
        state.pos = label_end + 1
        return True

    def reference(state: Any, silent: bool) -> bool:
        start = state.pos
        if not state.src.startswith("[^", start):
            # the plugin's rule fails too, once it has made the document's footnote data (it makes it on each call)
            return "footnotes" not in state.env and footnote_ref(state, silent)
        marks, end = _marks(state), state.posMax
        close = marks.closing(start + 2, end)
        if close == end or _next(marks.blanks, start + 2, close) < close \
                or close - start - 2 > _longest_label(state.env):
            return False
        return footnote_ref(state, silent)

    md.inline.ruler.at("footnote_inline", inline_note)
    md.inline.ruler.at("footnote_ref", reference)
    return md


def notes_only(md: Any) -> Any:
    """``md`` reading the inline text of a block only where it may hold a footnote: an inline note (a ``^[`` with a
    ``]`` after it) or, where the document defines footnotes, a reference (``[^``). The reader takes only the block
    structure and the footnotes from markdown-it (a block's inline tokens are read by no one), and a block that can
    hold neither yields no footnote and nothing the footnote plugin keeps (pandoc's superscript, the one other inline
    rule read, matters only for a footnote it hides): its inline rules ran at each character they stop at for nothing
    (a paragraph of short lines of ``@book{``, or of ``^[`` never closed, cost five times prose and more)."""

    def inline(state: Any) -> None:  # markdown-it's core "inline" rule, for the blocks that may hold a footnote
        defined = bool(state.env.get("footnotes", {}).get("refs"))
        for token in state.tokens:
            if token.type == "inline":
                if token.children is None:
                    token.children = []
                content = token.content
                note = content.find("^[")
                if (note >= 0 and content.find("]", note + 2) >= 0) or (defined and "[^" in content):
                    state.md.inline.parse(content, state.md, state.env, token.children)

    md.core.ruler.at("inline", inline)
    return md


NOTE_DEFINITIONS = "litreview-note-definitions"
"""The key, in the parse's ``env``, of the list of ``NoteDefinition`` the parse read (``note_definitions``)."""


class NoteDefinition(NamedTuple):
    """A footnote's definition (``[^label]: text``) as the parser read it."""

    label: str
    lines: tuple[int, int]
    """Its first line and the line past its last, in the parsed source (0-based)."""
    references: int
    """How many times the document references its label: pandoc drops a note nothing references, and prints a
    note again at each reference after the first."""


def note_definitions(md: Any) -> Any:
    """``md`` listing, in the parse's ``env`` under ``NOTE_DEFINITIONS``, every footnote definition it read, in order,
    whether it is printed or not: the footnote plugin's ``footnote_tail`` keeps the last definition of a label and
    drops those nothing references, as pandoc does, and leaves no trace of the others."""

    def definitions(state: Any) -> None:
        listed = state.env.get("footnotes", {}).get("list", {})
        counts = {note["label"]: int(note.get("count") or 0) for note in listed.values() if "label" in note}
        state.env[NOTE_DEFINITIONS] = [
            NoteDefinition(str(tok.meta["label"]), (tok.map[0], tok.map[1]), counts.get(tok.meta["label"], 0))
            for tok in state.tokens if tok.type == "footnote_reference_open" and tok.map]

    md.core.ruler.before("footnote_tail", "litreview_note_definitions", definitions)
    return md
