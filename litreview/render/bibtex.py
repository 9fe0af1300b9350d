"""The raw text of one BibTeX entry, cut from the file it came from, for copying.

Entries are found by the line of their ``@type{`` and cut at the matching closing
brace, so the reader copies exactly what the bibliography says.
"""

from __future__ import annotations

from ..bibliography.bibtex import entry_extent, format_entry
from ..model import Bibliography, Source


class EntryTexts:
    """Cuts entries out of a bibliography's text; line offsets are computed once."""

    def __init__(self, bibliography: Bibliography) -> None:
        from ..bibliography.csl import is_csl

        # A CSL file's text holds no entries to cut: its items are written from their fields.
        self.text = "" if is_csl(bibliography.file or "") else bibliography.text
        self.file = bibliography.file
        self._starts = [0]
        if self.text:
            position = self.text.find("\n")
            while position != -1:
                self._starts.append(position + 1)
                position = self.text.find("\n", position + 1)

    def entry(self, source: Source) -> str:
        """The entry as written, or one rebuilt from its fields when the text is not at hand."""
        # Of several bibliographies the text is the first's: an entry of another file is rebuilt.
        mine = source.file is None or source.file == self.file
        if self.text and mine and source.line and 0 < source.line <= len(self._starts):
            cut = _cut(self.text, self._starts[source.line - 1])
            if cut:
                return cut
        return rebuild(source)


def _cut(text: str, offset: int) -> str:
    at = text.find("@", offset)
    if at == -1:
        return ""
    return text[at:entry_extent(text, at)]


def rebuild(source: Source) -> str:
    """An entry written from the raw fields (LaTeX kept), for sources without file text."""
    return format_entry(source.type, source.key, list(source.fields.items()))
