"""Pandoc and Manubot citation markers: resolve each citation item a reader found to an entry.

A key resolves as pandoc resolves it, by exact (case-sensitive) key; a Manubot cite-by-ID key
(``doi:10.1038/x``, ``pmid:…``) resolves to the entry that carries that identifier. A key that
matches an entry only when case is ignored does not resolve (pandoc: "citation not found"); it is
kept as an unconfirmed link so the entry is not reported unused, and the check names the right key.
A key an entry lists in its ``ids`` (biblatex aliases, which Better BibTeX writes when a key changes)
resolves to that entry in a LaTeX manuscript built with biber, as biber resolves it; pandoc and BibTeX
do not, so elsewhere it is handled as a key that differs in case is.
"""

from __future__ import annotations

from ..bibliography.inherit import aliases
from ..essay.cites import find_citations, is_crossref, mask_inline
from ..essay.ids import source_ids, standard_id
from ..model import Citation, Claim, Mention
from .hits import Found, Hit
from .index import SourceIndex


class PandocMarkers:
    """Resolves citation items against one bibliography (tables built once)."""

    def __init__(self, index: SourceIndex) -> None:
        self.index = index
        self.folded: dict[str, list[str]] = {}
        for key in index.sources:
            self.folded.setdefault(key.casefold(), []).append(key)
        self.ids: dict[str, str] = {}
        for key, source in index.sources.items():
            for ident in source_ids(source):
                self.ids.setdefault(ident, key)
        self.aliases: dict[str, str] = {}
        for key, source in index.sources.items():
            for alias in aliases(source.fields):
                if alias not in index.sources:  # a key of its own wins, as biber's does
                    self.aliases.setdefault(alias, key)

    def read(self, claim: Claim, found: Found) -> None:
        """Every citation item of ``claim`` as a mention, and a marker hit for each one that resolves."""
        cites = claim.citations
        if cites is None:  # a claim made without a reader (tests, tools): read its text as Markdown
            cites = find_citations(mask_inline(claim.text), claim.text)
        for cite in cites:
            self._item(claim, cite, found)

    def resolve(self, key: str) -> str | None:
        """The entry ``key`` cites: exact key, else the entry carrying that identifier."""
        if key in self.index.sources:
            return key
        if self.index.biber and key in self.aliases:
            return self.aliases[key]
        ident = standard_id(key)
        return self.ids.get(ident) if ident else None

    def _item(self, claim: Claim, cite: Citation, found: Found) -> None:
        key = cite.key
        evidence = claim.text[cite.start:cite.end] or cite.written
        written = cite.written or f"@{key}"
        at = cite.start + max(0, evidence.find(written))  # the item's place, for reading order
        evidence = cite.command or evidence  # quoted as the file writes it (LaTeX's command, not pandoc's form)
        resolved = self.resolve(key)
        found.cover(claim.id, cite.start, cite.end)
        if resolved is None:
            if is_crossref(key):
                return  # a pandoc-crossref or Quarto label (@fig:map), not a citation
            if key in self.aliases:  # pandoc reads no ids: name the entry, and do not call it unused
                entry = self.aliases[key]
                found.mention(at, Mention(claim.id, "marker", written, (), f"alias:{entry}"))
                found.hits.append(Hit(claim.id, entry, "marker", 0.5, evidence, at, at + len(written),
                                      locator=cite.suffix, confirmed=False))
                return
            same = self.folded.get(key.casefold(), [])
            if len(same) == 1 and standard_id(key) is None:
                found.mention(at, Mention(claim.id, "marker", written, (), f"case:{same[0]}"))
                found.hits.append(Hit(claim.id, same[0], "marker", 0.5, evidence, at, at + len(written),
                                      locator=cite.suffix, confirmed=False))
                return
            found.mention(at, Mention(claim.id, "marker", written, (), key))
            return
        detail = key if resolved == key else f"{key} (entry {resolved})"
        found.mention(at, Mention(claim.id, "marker", written, (resolved,), detail))
        found.hits.append(Hit(claim.id, resolved, "marker", 1.0, evidence, at, at + len(written),
                              locator=cite.suffix))
