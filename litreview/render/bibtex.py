"""The raw text of one BibTeX entry, cut from the file it came from, for copying.

Entries are found by the line of their ``@type{`` and cut at the matching closing
brace, so the reader copies exactly what the bibliography says.
"""

from __future__ import annotations

import bisect
import re

from ..model import Bibliography, Source

_DELIMITER = re.compile(r"[{}()]")


class EntryTexts:
    """Cuts entries out of a bibliography's text; line offsets are computed once."""

    def __init__(self, bibliography: Bibliography) -> None:
        self.text = bibliography.text
        self._starts = [0]
        if self.text:
            position = self.text.find("\n")
            while position != -1:
                self._starts.append(position + 1)
                position = self.text.find("\n", position + 1)

    def entry(self, source: Source) -> str:
        """The entry as written, or one rebuilt from its fields when the text is not at hand."""
        if self.text and source.line and 0 < source.line <= len(self._starts):
            cut = _cut(self.text, self._starts[source.line - 1], self._starts)
            if cut:
                return cut
        return rebuild(source)


def _cut(text: str, offset: int, starts: list[int]) -> str:
    at = text.find("@", offset)
    if at == -1:
        return ""
    open_brace = min((i for i in (text.find("{", at), text.find("(", at)) if i != -1), default=-1)
    if open_brace == -1:
        return ""
    paren = text[open_brace] == "("
    depth = 0
    for match in _DELIMITER.finditer(text, open_brace + 1 if paren else open_brace):
        ch = match.group()
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and not paren:
                return text[at: match.end()]
            if depth < 0:
                break
        elif ch == ")" and paren and depth == 0:
            return text[at: match.end()]
    # Unbalanced: give the text up to the next line that opens an entry.
    line = bisect.bisect_right(starts, at)
    for start in starts[line:]:
        if text.startswith("@", start):
            return text[at:start].rstrip()
    return text[at:].rstrip()


def rebuild(source: Source) -> str:
    """An entry written from the raw fields (LaTeX kept), for sources without file text."""
    width = max((len(name) for name in source.fields), default=0)
    lines = [f"@{source.type}{{{source.key},"]
    for name, value in source.fields.items():
        lines.append(f"  {name.ljust(width)} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines)
