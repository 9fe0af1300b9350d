"""pylatexenc's search for LaTeX specials (``~``, ``--``, ``` `` ```...) done from the character at hand.

pylatexenc tries each special of each category at each character it reads: a quarter of its time on a paragraph.
``quick_specials`` gives a parsing context the same search among the specials that start with that character.
"""

from __future__ import annotations

from typing import Any


def quick_specials(context: Any) -> None:
    """``context`` (a pylatexenc ``LatexContextDb``, its categories all added) finding its specials as its own
    ``test_for_specials`` does: the longest that starts at the position, the first found of those as long (categories
    in order, each's specials in order)."""
    by_first: dict[str, list[tuple[str, Any]]] = {}
    for category in context.category_list:
        for chars, spec in context.d[category]["specials"].items():
            if chars:
                by_first.setdefault(chars[0], []).append((chars, spec))

    def test_for_specials(s: str, pos: int, parsing_state: Any = None) -> Any:
        best, best_len = None, 0
        for chars, spec in by_first.get(s[pos:pos + 1], ()):
            if len(chars) > best_len and s.startswith(chars, pos):
                best, best_len = spec, len(chars)
        return best

    context.test_for_specials = test_for_specials
