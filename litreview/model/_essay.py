"""Essay value types: a claim, its citations and anchor, paragraphs, the essay.

Re-exported by ``litreview.model``; import them from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from litreview.model._sources import _empty

CitationMode = Literal["normal", "author-in-text", "suppress-author"]
"""Pandoc's citation modes."""


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """W3C Web Annotation text-quote selector: the exact text and a little context."""

    exact: str
    """The quoted text itself."""
    prefix: str = ""
    """Up to 32 characters before it."""
    suffix: str = ""
    """Up to 32 characters after it."""

    def to_json(self) -> dict[str, str]:
        return {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix}


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation item as the manuscript writes it (``@key`` in ``[see @key, p. 3]``, ``\\citep{key}``)."""

    key: str
    """The key as the manuscript's tool reads it (a Manubot alias or tag already replaced by its target)."""
    start: int
    """Offset in the claim's text where the citation (the bracket or the command) starts."""
    end: int
    """Offset in the claim's text just past the citation."""
    written: str
    """This item as written (``see @key, p. 3``; ``\\citet{key}``)."""
    mode: CitationMode = "normal"
    """Pandoc's citation mode."""
    prefix: str = ""
    """Text before the key inside the brackets (``see``)."""
    suffix: str = ""
    """Text after the key: the locator and the rest (``p. 3``)."""
    alias: str = ""
    """The key as written when it was an alias or a tag (``tag:smith``), else empty."""
    command: str = ""
    """The whole citation as the file writes it when the reader rewrote it in pandoc's form (LaTeX's
    ``\\parencite[116]{key}``, read as ``[@{key}, 116]``), whitespace collapsed; else empty."""
    line: int = 0
    """The line of its claim's file where the citation starts, when the claim's text is not its source (a LaTeX
    command, read in pandoc's form); 0 when the text itself locates it (``checks.text.marker_line``)."""
    grouped: bool = False
    """An in-text citation the bracketed one right after it continues (``@a [@b]``, as LaTeX's ``\\citet{a,b}`` is
    read): pandoc reads the two as one citation, printed "Doe (2001; Roe 2003)". Set where a page prints it."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence (or a curated group of sentences) of the essay."""

    id: str
    """Readable id, ``p3-s6`` for paragraph 3, sentence 6 (both 1-based); ``abstract-s2`` in the front matter."""
    paragraph: int
    """1-based paragraph number (0 and below in the front matter)."""
    sentence: int
    """1-based sentence number within the paragraph."""
    text: str
    """The sentence as written."""
    selector: TextQuoteSelector
    """Anchor that survives edits elsewhere in the essay."""
    line: int
    """1-based line in the essay file where the sentence starts."""
    start: int = 0
    """Character offset of the sentence in the essay body (0, and ``end`` 0, for a front matter's sentence)."""
    end: int = 0
    """Character offset just past the sentence."""
    citations: tuple[Citation, ...] | None = None
    """The citation items the reader found in the sentence (None: not read by a reader of markers)."""
    file: str | None = None
    """The file the sentence is in, when the essay is several files (a Manubot ``content/``, LaTeX ``\\input``)."""

    @property
    def as_written(self) -> str:
        """The sentence with its citations as the file writes them (a LaTeX manuscript's ``\\parencite[116]{key}``,
        not the pandoc form ``text`` holds): what a reviewer finds in their file."""
        if not self.citations or not any(c.command for c in self.citations):
            return self.text
        spans: list[list[Any]] = []
        for start, end, command in sorted({(c.start, c.end, c.command) for c in self.citations if c.command}):
            if spans and start < spans[-1][1]:
                continue
            # One command read as several citations (``\\citet{a,b}``: ``@{a} [@{b}]``) is written once.
            if spans and spans[-1][2] == command and not self.text[spans[-1][1]:start].strip():
                spans[-1][1] = end
            else:
                spans.append([start, end, command])
        out: list[str] = []
        cursor = 0
        for start, end, command in spans:
            out += [self.text[cursor:start], command]
            cursor = end
        return "".join(out) + self.text[cursor:]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the essay with its claims."""

    number: int
    """1-based paragraph number (0 and below for the front matter's, which come first)."""
    text: str
    """The paragraph as written."""
    line: int
    """1-based line in the essay file."""
    claims: tuple[Claim, ...] = ()
    """Its sentences in order."""
    label: str = ""
    """A front matter's paragraph: its field (``abstract``, ``abstract-p2`` for the second one); empty in the body."""
    note: str = ""
    """A note's paragraph (``[^ver_lerdahl]: ...``): the note's label as written (untrusted text); else empty."""
    chapter: int = 0
    """A chapter of a book Quarto renders file by file (``quarto.read_chapters``): its 1-based number, whose own
    notes its note labels name (``essay.segment.note_key``); 0 for an essay read as one text."""
    heading: int = 0
    """A heading's level (1 for ``#`` or a setext ``===`` one, 2 for ``##``; a LaTeX ``\\section`` 3), whose ``text``
    is its title: the site prints it as a heading, not as a numbered paragraph of claims; 0 for prose. Its title
    keeps a claim (and the number the paragraphs after it are counted from) for the citations a title holds."""
    table: int = 0
    """A table's row (pandoc's Table, not prose): the number of its table's first row, which the rows of one table
    share; 0 for prose. One claim per cell that holds text, for the citations a cell holds (pandoc reads them), with
    the number the paragraphs after it are counted from; not split into sentences, only its citations link it to
    sources, and the site prints it as a row of a table."""
    header: bool = False
    """A table's row that is its header (a pipe table's first row, a simple one's over its column rule)."""
    cells: tuple[tuple[int, int], ...] = ()
    """A table's row: each cell's (start, end) in ``text``, blank ones too (the site prints these cells)."""
    after: tuple[str, ...] = ()
    """The display math that stands alone between it and the next paragraph (``$$ ... $$``; LaTeX's ``\\[ ... \\]``,
    ``$$ ... $$`` or a math environment), each as pandoc's Markdown writes it (``$$...$$``; untrusted text): pandoc
    reads a paragraph of math alone, which claims nothing, so it is no claim; the site prints it."""
    before: tuple[str, ...] = ()
    """The same as ``after``, for display math before the first paragraph (no paragraph before it to follow)."""

    @property
    def anchor(self) -> str:
        """The paragraph's id on the site: ``p3``, or its front-matter label."""
        return self.label or f"p{self.number}"

    @property
    def name(self) -> str:
        """How messages name it: ``paragraph 3``, ``the front matter's abstract`` (``..., paragraph 2``)."""
        if not self.label:
            return f"paragraph {self.number}"
        field, _, more = self.label.partition("-p")
        chapter, _, named = field.partition("-") if field[:2] == "ch" and field[2:3].isdigit() else ("", "", field)
        whose = f"chapter {chapter[2:]}'s front matter" if chapter else "the front matter"
        return f"{whose}'s {named}" + (f", paragraph {more}" if more else "")


@dataclass(frozen=True, slots=True)
class Essay:
    """The document under review, split into paragraphs and claims."""

    path: str
    """File it was read from."""
    body: str
    """Text after the front matter, as written."""
    meta: Mapping[str, Any] = field(default_factory=_empty)
    """Front-matter fields (title, source, ...)."""
    paragraphs: tuple[Paragraph, ...] = ()
    """Paragraphs in order."""
    body_line: int = 1
    """1-based line of the file where the body starts."""
    format: str = "markdown"
    """How it was read: markdown, manubot or latex."""
    nocite: tuple[str, ...] = ()
    """Keys cited without a marker (YAML ``nocite``, ``\\nocite``); ``*`` for every entry."""
    marked: bool | None = None
    """Whether the document marks its citations (a reader's markers were found); None when unknown."""
    inputs: tuple[str, ...] = ()
    """The files it reads besides ``path`` or looks for (a LaTeX ``\\input``, a Quarto include, a knitr child),
    each path as tried, found or not: the warm cache keys on those outside its folder (``cache.OUTSIDE``)."""

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for p in self.paragraphs for c in p.claims)

    def claim(self, claim_id: str) -> Claim | None:
        for c in self.claims:
            if c.id == claim_id:
                return c
        return None
