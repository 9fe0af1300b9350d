"""What may end a Markdown paragraph, asked once per line instead of once per rule.

markdown-it reads on through a paragraph line by line, asking every block rule of its "paragraph" chain (and of
the "reference", "blockquote" and "list" chains) whether the line opens a block that ends it. A paragraph of many
short lines (``@book{`` typed on every line) cost six times prose of its size in those calls. Each rule below can
only match a line whose first character (after its indent) is one of a few, so one look at that character picks
the rules worth asking; they are asked in their chain's order, and every other rule (one this module does not
know, or the table's, which looks at the next line) is asked at every line as before. What ends a paragraph is
unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

_Rule = Callable[[Any, int, int, bool], bool]

#: the characters a line must open with (its indent skipped) for each rule to match it when asked whether it ends a
#: paragraph (silent mode): fences, quotes, thematic breaks, lists (bullets and ordered numbers), footnote
#: definitions ("[^"), raw HTML, ATX headings, definition-list details
OPENERS = {name: frozenset(chars) for name, chars in (
    ("fence", "`~"), ("blockquote", ">"), ("hr", "*-_"), ("list", "*-+0123456789"), ("footnote_def", "["),
    ("html_block", "<"), ("heading", "#"), ("deflist", ":~"))}
#: the characters the line after must open with for a pipe table to start at a line (its delimiter row)
_TABLE_ROW = frozenset("|-:")
#: the chains whose rules are asked whether a line ends a block
CHAINS = ("paragraph", "reference", "blockquote", "list")


def quick_stops(md: Any) -> Any:
    """``md`` with each chain of ``CHAINS`` asked through one rule that looks at the line's first character first
    (see the module docstring)."""
    ruler = md.block.ruler
    rules = [rule for rule in ruler.__rules__ if rule.enabled]
    for chain in CHAINS:
        members = [(rule.name, rule.fn) for rule in rules if chain in rule.alt]
        if not members:
            continue
        for rule in rules:
            if chain in rule.alt:
                ruler.at(rule.name, rule.fn, {"alt": [c for c in rule.alt if c != chain]})
        # after "paragraph", which always matches: never asked in the main chain
        ruler.push(f"litreview_{chain}_stops", _dispatch(members), {"alt": [chain]})
    return md


def _dispatch(members: Iterable[tuple[str, _Rule]]) -> _Rule:
    """One rule that asks, of ``members`` (name, rule) in their order, those that may match the line."""
    members = list(members)
    chars = {c for name, _ in members for c in OPENERS.get(name, ())}

    def asked(c: str) -> tuple[tuple[str, _Rule], ...]:
        return tuple((name, fn) for name, fn in members if name not in OPENERS or c in OPENERS[name])

    by_char = {c: asked(c) for c in chars}
    others = asked("")  # a line that opens with none of the characters (most lines)

    def stops(state: Any, line: int, end: int, silent: bool) -> bool:
        if not silent:
            return False  # (the main chain never gets here: "paragraph" before it always matches)
        src = state.src
        at = state.bMarks[line] + state.tShift[line]
        for name, fn in by_char.get(src[at:at + 1], others):
            if name == "table":
                after = line + 1
                if after >= len(state.bMarks):
                    continue
                first = state.bMarks[after] + state.tShift[after]
                if src[first:first + 1] not in _TABLE_ROW:
                    continue
            if fn(state, line, end, silent):
                return True
        return False

    return stops
