"""The front matter's prose, as pandoc reads it: every string of the YAML metadata is Markdown, and a
citation in it is cited (``title``, ``subtitle``, ``thanks``, ``abstract``; an author's affiliation too).

``title``, ``subtitle``, ``thanks`` and ``abstract`` are read as claims; any other field only for its
sentences that cite. Their claims have ids of their own, after the field (``title-s1``, ``abstract-s2``,
``abstract-p2-s1``), so that the body's (``p1-s1``...) are numbered as without them; their paragraphs are
numbered below 1, and each claim's line is the front matter's line holding its first word. A book's later
chapters' front matters are read too, their ids after the chapter (``ch2-title-s1``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import replace
from typing import Any

from ..lazyre import lazy
from ..model import Claim, Paragraph

PROSE_FIELDS = frozenset({"title", "subtitle", "thanks", "abstract"})
"""Fields read as claims whether they cite or not: the text a reader of the document reads before its body."""
CLAIM_FIELDS = frozenset({"title", "subtitle", "abstract"})
"""Fields whose sentences claim something: not ``thanks`` (it thanks people) nor an author's affiliation or note
(``field_of``), whose citations alone link them to sources."""
_FIELD_OF = re.compile(r"^(?:ch\d+-)?(.+?)(?:-p\d+)?$")
_NOT_MARKDOWN = frozenset({"bibliography", "csl", "nocite", "references", "citation-abbreviations"})
"""Fields pandoc reads as names of files or as citation data, not as text (``nocite`` is read on its own)."""
# A top-level key (quoted or not) whose name can be an id: a letter, then letters, digits, "_" or "-".
_KEY = re.compile(r"""^(["']?)([A-Za-z][\w-]*)\1[ \t]*:(?=\s|$)""")
_TEX_FIELD = lazy(r"\\(title|subtitle|author|date)\*?\s*(?:\[[^\]]*\]\s*)?\{")
_THANKS = lazy(r"\\thanks\s*\{")
_ANCHOR = 8
"""How many of a string's first non-blank characters are looked for to find where it starts in the source."""
_LOOKAHEAD = 12
"""How many characters of the YAML source a character of the value may lie ahead of the last one placed
(escapes, quotes and keys in between); one not found there is placed on the last one's line."""


def file_front(text: str, meta: dict[str, Any], body_line: int, *, file: str | None = None) -> list[Paragraph]:
    """The front matter's paragraphs of a Markdown file's ``text`` whose front matter ``meta`` ends before
    ``body_line`` (``yaml_meta.document_meta``'s results): its fields read from the front matter's lines and
    from those of the YAML blocks further down (pandoc's metadata too)."""
    from .yaml_meta import yaml_block_lines

    if not meta:
        return []
    rows = [(first + n, row) for first, block in yaml_block_lines(text) for n, row in enumerate(block)]
    return front_paragraphs(meta, rows, file=file) if rows else []


def front_paragraphs(meta: dict[str, Any], lines: Sequence[tuple[int, str]], *, file: str | None = None
                     ) -> list[Paragraph]:
    """The paragraphs of the front matter ``meta`` read from the YAML ``lines`` ((file line, text) each, in
    order), in the order of their fields, numbered from ``1 - len(result)`` to 0."""
    from .markdown import read_body

    found: list[Paragraph] = []
    count: dict[str, int] = {}
    for name, text, at in yaml_strings(meta, lines):
        if name in _NOT_MARKDOWN or (name not in PROSE_FIELDS and "@" not in text):
            continue  # (a field that is not prose is read only for its citations)
        for paragraph in read_body(meta_markdown(text), 1, file=file):
            claims = [c for c in paragraph.claims if name in PROSE_FIELDS or c.citations]
            if not claims:
                continue
            count[name] = count.get(name, 0) + 1
            label = name if count[name] == 1 else f"{name}-p{count[name]}"
            claims = [_claim(c, label, at(c.start)) for c in claims]
            found.append(Paragraph(number=0, text=paragraph.text, line=claims[0].line, claims=tuple(claims),
                                   label=label, after=paragraph.after, before=paragraph.before))
    return _numbered(found)


def meta_markdown(text: str) -> str:
    """A metadata string as the Markdown pandoc reads in it, with what no HTML page prints left out: a line block's
    bars (``title: |`` then `` | \\vspace{5cm} Movilidad...``, pandoc's line_blocks: a title's lines kept apart) and
    raw LaTeX (``\\vspace{5cm}``, kept for a LaTeX build alone; a citation command stays, the build cites it)."""
    from .cites import raw_latex_citations, raw_tex_spans

    lines = text.split("\n")
    if (next((line for line in lines if line.strip()), "").startswith(("| ", "|\t"))
            and not any("-" in line and not line.strip(" \t|-:+") for line in lines)):
        # A line block: its lines open with "| " (a line of it that does not is the one before, continued); not a
        # pipe table, whose rows open so too, with a row of dashes under its header.
        lines = [line[2:] if line.startswith(("| ", "|\t")) else "" if line == "|" else line for line in lines]
        text = "\n".join(lines)
    cites = raw_latex_citations(text)
    raw = [(a, b) for a, b in raw_tex_spans(text) if not any(a <= c < b for c, _ in cites)]
    if not raw:
        return text
    kept, at = [], 0
    for start, end in raw:
        kept.append(text[at:start])
        at = end
        if start == 0 or text[start - 1] in " \t\n":  # (and the spaces after it: "Text \\newpage here")
            while at < len(text) and text[at] in " \t":
                at += 1
    kept.append(text[at:])
    return "".join(kept)


def yaml_strings(data: dict[str, Any], lines: Sequence[tuple[int, str]], names: Collection[str] | None = None
                 ) -> Iterator[tuple[str, str, Callable[[int], int]]]:
    """(field, string, the line of each of its offsets) for the strings of each top-level field of ``data`` (or
    of ``names``) read from the YAML ``lines`` ((file line, text) each), in the order of the lines; a field
    given again (a later YAML block's, or a repeated key's) is read from its last lines, as pandoc keeps the last
    value (``yaml_meta.merge_meta``)."""
    last: dict[str, list[tuple[int, str]]] = {}
    for name, region in _regions(lines):
        if name in data and (names is None or name in names):
            last.pop(name, None)  # (ordered by its last lines)
            last[name] = region
    for name, region in last.items():
        place = _Placer(region)
        for text in _strings(data[name]):
            yield name, text, place.lines(text)


def latex_front(lines: Sequence[tuple[str, int, str]], convert: Callable[[str], tuple[str, str]]) -> list[Paragraph]:
    """The paragraphs of a LaTeX document's ``\\title``, ``\\subtitle``, ``\\author`` and ``\\date`` (the last
    of each, as LaTeX keeps it) and of the ``\\thanks`` in them, as pandoc's LaTeX reader makes them metadata;
    ``lines``: the document's (file, line, text), comments removed; ``convert``: the reader's text of LaTeX, and
    that text as its citations are read (``latex_cites.convert_cited``)."""
    from .cites import blank_keys
    from .latex_cites import group_ends, tex_group_end
    from .segment import make_claim, sentences

    text = "\n".join(t for _, _, t in lines)
    starts = [0]
    for _, _, t in lines[:-1]:
        starts.append(starts[-1] + len(t) + 1)
    last: dict[str, tuple[int, str]] = {}
    ends = group_ends(text) if "{" in text else (lambda pos: -1)
    for m in _TEX_FIELD.finditer(text):
        end = ends(m.end() - 1)
        if end > 0:
            last[m.group(1)] = (m.start(), text[m.end():end - 1])
    fields: list[tuple[int, str, str]] = []
    for name, (at, argument) in last.items():
        for thanks in _THANKS.finditer(argument):
            close = tex_group_end(argument, thanks.end() - 1, "{", "}")
            if close > 0:
                fields.append((at, "thanks", argument[thanks.end():close - 1]))
                argument = argument[:thanks.start()] + " " * (close - thanks.start()) + argument[close:]
        fields.append((at, name, argument))
    found: list[Paragraph] = []
    count: dict[str, int] = {}
    for at, name, argument in sorted(fields, key=lambda f: (f[0], f[1] == "thanks")):
        converted, masked = convert(argument)
        file, line, _ = lines[bisect_right(starts, at) - 1]
        plain = blank_keys(converted)
        claims = [make_claim(converted, 1, 0, n, a, b, masked=masked[a:b], file=file, line=line)
                  for n, (a, b) in enumerate(sentences(plain, 0, len(converted)), start=1)]
        claims = [c for c in claims if name in PROSE_FIELDS or c.citations]
        if claims:
            count[name] = count.get(name, 0) + 1
            label = name if count[name] == 1 else f"{name}-p{count[name]}"
            claims = [_claim(c, label, line) for c in claims]
            found.append(Paragraph(number=0, text=converted, line=line, claims=tuple(claims), label=label))
    return _numbered(found)


def field_of(label: str) -> str:
    """The field a front matter's paragraph comes from, by its label (``Paragraph.label``): ``thanks`` of
    ``thanks-p2`` and of ``ch2-thanks``."""
    m = _FIELD_OF.match(label)
    return m.group(1) if m else label


def book_front(fronts: Sequence[list[Paragraph]]) -> list[Paragraph]:
    """The front matters of a book's chapters (each ``front_paragraphs``' result), in order, as one: the first
    chapter's claims keep their ids (``title-s1``), chapter n's take ``chN-`` before theirs (``ch2-title-s1``:
    Quarto prints a chapter's title as its heading), so that adding them moves no id already given."""
    found = list(fronts[0]) if fronts else []
    for n, paragraphs in enumerate(fronts[1:], start=2):
        found += [replace(p, label=f"ch{n}-{p.label}", claims=tuple(replace(c, id=f"ch{n}-{c.id}") for c in p.claims))
                  for p in paragraphs]
    return _numbered(found)


def _numbered(found: list[Paragraph]) -> list[Paragraph]:
    """The front matter's paragraphs numbered from ``1 - len(found)`` to 0, before the body's."""
    first = 1 - len(found)
    return [replace(p, number=first + n, claims=tuple(replace(c, paragraph=first + n) for c in p.claims))
            for n, p in enumerate(found)]


def _claim(claim: Claim, label: str, line: int) -> Claim:
    """A claim of a field's value under its field's id; not in the body, so without offsets there."""
    return replace(claim, id=f"{label}-s{claim.sentence}", line=line, start=0, end=0)


def _regions(lines: Sequence[tuple[int, str]]) -> Iterator[tuple[str, list[tuple[int, str]]]]:
    """(field, its lines) for each top-level field: its key's line (from after the colon) and the lines
    below it that are indented or blank."""
    name: str | None = None
    region: list[tuple[int, str]] = []
    for line, text in lines:
        if text[:1].isspace() or not text.strip() or text.startswith("#"):
            if name is not None:
                region.append((line, text))
            continue
        if name is not None:
            yield name, region
        m = _KEY.match(text)
        name, region = (m.group(2), [(line, text[m.end():])]) if m else (None, [])
    if name is not None:
        yield name, region


def _strings(value: Any) -> Iterator[str]:
    """The strings of a field's value, in order (nested lists and mappings opened: an author's affiliation); not an
    R expression's (``yaml_meta.TaggedText``), which is code, not text."""
    from .yaml_meta import TaggedText

    if isinstance(value, str):
        if value.strip() and not isinstance(value, TaggedText):
            yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


class _Placer:
    """Places the characters of a field's strings on the YAML lines they come from, in order: the source's
    non-blank characters are matched one by one (YAML folds lines, strips indentation and quotes, and
    decodes escapes, so the value and the source differ)."""

    def __init__(self, region: list[tuple[int, str]]) -> None:
        self.chars = [(ch, line) for line, text in region for ch in text if not ch.isspace()]
        self.flat = "".join(ch for ch, _ in self.chars)
        self.at = 0
        self.line = region[0][0] if region else 1

    def lines(self, text: str) -> Callable[[int], int]:
        """A function from an offset of ``text`` (the next string of the field) to its line."""
        start = self.flat.find("".join(text.split())[:_ANCHOR], self.at)  # past the keys of a nested value
        if start >= 0:
            self.at = start
        placed: list[int] = []
        for ch in text:
            if not ch.isspace():
                end = min(self.at + _LOOKAHEAD, len(self.chars))
                for k in range(self.at, end):
                    if self.chars[k][0] == ch:
                        self.at, self.line = k + 1, self.chars[k][1]
                        break
            placed.append(self.line)

        def at(offset: int) -> int:
            return placed[min(offset, len(placed) - 1)] if placed else self.line

        return at
