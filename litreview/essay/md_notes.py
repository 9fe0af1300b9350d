"""The footnote plugin's inline rules (``^[note]``, ``[^label]``), each given up at once where it can only fail.

mdit-py-plugins reads on from each opener to the next ``]`` (or to the paragraph's end): a paragraph of ``^[`` that
never close cost 20 times its prose, and ``[^`` in a run without blanks cost time quadratic in the run. The places of
the ``]`` and the blanks are found once per paragraph instead; what the rules match is unchanged.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from ..lazyre import lazy

_CLOSE = lazy(r"\]")
_BLANK = lazy(r"[ \n]")  # what ends a footnote reference's label, for the plugin
_LONGEST = "litreview-longest-note-label"
"""The key, in the parse's ``env``, of (number of footnote labels, length of the longest)."""


class _Marks:
    """Where the ``]`` and the blanks (space, newline) of one inline source are."""

    __slots__ = ("blanks", "closes")

    def __init__(self, src: str) -> None:
        self.closes = [m.start() for m in _CLOSE.finditer(src)]
        self.blanks = [m.start() for m in _BLANK.finditer(src)]


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
        start = state.pos
        if state.src.startswith("^[", start) and _next(_marks(state).closes, start + 2, state.posMax) == state.posMax:
            return False
        return footnote_inline(state, silent)

    def reference(state: Any, silent: bool) -> bool:
        start = state.pos
        if state.src.startswith("[^", start):
            marks, end = _marks(state), state.posMax
            close = _next(marks.closes, start + 2, end)
            if close == end or _next(marks.blanks, start + 2, close) < close \
                    or close - start - 2 > _longest_label(state.env):
                return False
        return footnote_ref(state, silent)

    md.inline.ruler.at("footnote_inline", inline_note)
    md.inline.ruler.at("footnote_ref", reference)
    return md
