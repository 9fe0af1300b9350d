"""A Manubot manuscript: the ``content/`` folder read as Manubot reads it.

The ``.md`` files are joined in name order (Jinja2 template markup blanked); ``[@alias]: target``
lines and ``citation-tags.tsv`` define aliases and tags; every distinct reference cited (as Manubot tells them
apart: ``ids.reference_id``; a key with no identifier's prefix when a manual reference has that id) is a source (``manuscript_sources``), described by the manual references where
one of their items has its id: every ``manual-references*.*`` file under the folder, in name order, a later item
of an id winning (CSL-JSON, CSL-YAML or BibTeX, read by the bibliography loader, their problems its findings).
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any, NamedTuple

from ..cache import MANUAL_SUFFIXES  # kept there: the input key reads the same files
from ..errors import EssayError
from ..fileio import NotUtf8, read_text
from ..model import Bibliography, Citation, Claim, Essay, Finding, Paragraph, Source
from ..spans import blanked, delimited
from .cites import is_crossref
from .ids import id_source, reference_id
from .markdown import read_body
from .md_note_labels import note_notices
from .md_notes import NoteDefinition

_JINJA_OPENS = re.compile(r"\{##|\{%|\{\{")  # a Jinja2 comment, statement or expression, to its first closing
_JINJA_CLOSES = {"{##": "##}", "{%": "%}", "{{": "}}"}
"""Jinja2 markup as Manubot's environment reads it: its comments are ``{## … ##}`` (so that ``{#fig:x}``, a
Markdown attribute, stays text), its statements ``{% … %}`` and expressions ``{{ … }}`` Jinja2's own."""
_BLOCKS = frozenset({"if", "for", "macro", "call", "filter", "with", "block"})
"""The Jinja2 statements that open a block, closed by ``end`` and their name (``{% endif %}``)."""
_COMMENT = re.compile(r"\{##")
_STATEMENT_NAME = re.compile(r"[-+]?\s*(\w+)")
_ALIAS = re.compile(r"^ {0,3}\[@(?P<alias>[^\]\s]+)\]:\s*(?P<target>\S+)\s*$", re.M)


def load_manubot(folder: Path) -> Essay:
    """Read ``folder`` (a Manubot ``content/``) into one essay; claims keep their own file and line."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".md")
    if not files:
        raise EssayError("the folder has no .md files", path=str(folder), line=None,
                         hint="give a Manubot content/ folder, or a Markdown or LaTeX file")
    parts: list[tuple[str, int]] = []  # (file, offset of its text in the body)
    chunks: list[str] = []
    offset = 0
    not_utf8: list[NotUtf8] = []
    for path in files:
        text = read_text(path, what="essay", error=EssayError, hint="save the file as UTF-8", not_utf8=not_utf8)
        text = blanked(without_template_output(text), _JINJA_OPENS, lambda m: _JINJA_CLOSES[m.group()])
        parts.append((str(path), offset))
        chunks.append(text)
        offset += len(text) + 2
    body = "\n\n".join(chunks)
    aliases = {m.group("alias"): m.group("target") for m in _ALIAS.finditer(body)}
    tags = _tags(folder / "citation-tags.tsv")
    lines = Lines(body, parts)
    notes: list[NoteDefinition] = []
    paragraphs = [_resolved(p, lines, aliases, tags) for p in read_body(body, 1, notes=notes)]
    if not paragraphs:
        raise EssayError("the manuscript has no paragraphs", path=str(folder), line=None,
                         hint="write the manuscript's text in the folder's .md files")
    meta: dict[str, Any] = {MANUAL: _manual(folder)}
    from . import NOTICES, encoding_notices

    starts = [0, *(m.end() for m in re.finditer("\n", body))] if notes else []  # (of the notes' lines)
    noticed = [*note_notices(body, notes, lambda k: lines(starts[k])), *encoding_notices(not_utf8)]
    if noticed:
        meta[NOTICES] = noticed
    return Essay(path=str(folder), body=body, meta=meta, paragraphs=tuple(paragraphs), body_line=1,
                 format="manubot", marked=any(c.citations for p in paragraphs for c in p.claims))


def without_template_output(text: str) -> str:
    """``text`` (a file of ``content/``) with the text Manubot's template makes of it blanked, its line breaks kept:
    each run of lines (no blank line between, a line of a ``{## comment ##}`` alone being blank once rendered) that
    holds a Jinja2 statement, and all that a block statement wraps (``{% if %}`` to ``{% endif %}``, ``{% for %}``
    to ``{% endfor %}``, with the runs its ends are in). That is the front matter rootstock's
    ``00.front-matter.md`` builds from metadata.yaml and the build (authors, dates, the commit, its address), which a
    manuscript not rendered holds as markup and blanks: no claim of the author's. A variable alone in the author's
    prose (``{{ n }}``) leaves the prose as it is."""
    statements: list[tuple[int, int, str]] = []  # (start, end, name) of each statement
    for m, _, end in delimited(text, _JINJA_OPENS, lambda m: _JINJA_CLOSES[m.group()]):
        if m.group() == "{%":
            word = _STATEMENT_NAME.match(text, m.end())
            statements.append((m.start(), end, word.group(1) if word else ""))
    if not statements:
        return text
    regions = [(a, b) for a, b, _ in statements]
    opened: list[tuple[int, str]] = []
    for a, b, name in statements:
        if name in _BLOCKS:
            opened.append((a, name))
        elif name.startswith("end") and opened and opened[-1][1] == name[3:]:
            regions.append((opened.pop()[0], b))
    lines = blanked(text, _COMMENT, lambda m: "##}").split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    run_first, run_last = list(range(len(lines))), list(range(len(lines)))  # the run of non-blank lines of each
    for i in range(1, len(lines)):
        if lines[i].strip() and lines[i - 1].strip():
            run_first[i] = run_first[i - 1]
    for i in range(len(lines) - 2, -1, -1):
        if lines[i].strip() and lines[i + 1].strip():
            run_last[i] = run_last[i + 1]
    depth = [0] * (len(lines) + 1)  # +1 where a region's lines begin, -1 past their end: one pass, however many
    for a, b in regions:
        depth[run_first[bisect_right(starts, a) - 1]] += 1
        depth[run_last[bisect_right(starts, max(a, b - 1)) - 1] + 1] -= 1
    out, inside = set(), 0
    for i in range(len(lines)):
        inside += depth[i]
        if inside:
            out.add(i)
    return "\n".join(" " * len(line) if i in out else line for i, line in enumerate(text.split("\n")))


def _tags(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    text = read_text(path, what="citation tags", error=EssayError, hint="save the file as UTF-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    try:
        return {r["tag"].strip(): r["citation"].strip() for r in rows if r.get("tag") and r.get("citation")}
    except csv.Error as exc:  # a field over csv's limit (128 KB): the line after the last one read
        raise EssayError(f"citation tags cannot be read: {exc}", path=str(path), line=rows.line_num + 1,
                         hint="each line holds a tag and a citation, separated by a tab") from None


MANUAL = "manual-references"
"""The essay's ``meta`` key holding its manual references, as one ``Bibliography``: their items and problems."""


def manual_files(folder: Path) -> list[Path]:
    """The manual reference files of a Manubot ``content/`` folder, in the order Manubot reads them."""
    return sorted(p for p in folder.rglob("manual-references*.*")
                  if p.is_file() and p.suffix.lower() in MANUAL_SUFFIXES)


_SECTION_NAME = re.compile(r"^\d+\..+\.md$", re.I)  # Manubot's numbered sections: "02.introduction.md"
_PREFIXED_CITE = re.compile(r"@(?:doi|pmid|pmcid|arxiv|isbn|url|wikidata|tag|raw):", re.I)


def section_folder(path: Path) -> Path | None:
    """The Manubot ``content/`` folder of which the .md file ``path`` is a section, or None: a folder named
    ``content`` with Manubot's ``metadata.yaml`` or manual references in it, or a numbered section
    ("02.introduction.md") citing by Manubot's prefixes (``@doi:``)."""
    folder = path.parent
    if path.suffix.lower() != ".md" or folder.name != "content":
        return None
    if (folder / "metadata.yaml").is_file() or manual_files(folder):
        return folder
    if _SECTION_NAME.match(path.name):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        return folder if _PREFIXED_CITE.search(text) else None
    return None


# A line ``standard_id: doi:10.1/x`` of a CSL item's note, or the same in braces (``{:standard_id: doi:10.1/x}``) up
# to the line's first closing brace; values with their trailing blanks (a lazy value before " *$" was quadratic in a
# run of blanks)
_NOTE_LINE = re.compile(r"(?P<key>[A-Z]+|[-_a-z]+): *(?P<value>.+)")
_NOTE_BRACED = re.compile(r"\{:(?P<key>[A-Z]+|[-_a-z]+): *(?P<value>.+?)\}")


def _note_fields(note: str) -> Iterator[tuple[str, str]]:
    """Each (key, value) a note holds, value stripped, line by line: a whole line ``key: value``, else each braced
    ``{:key: value}``, sought only up to the line's last closing brace (an opening after it closes nowhere: sought
    to the line's end from each one, it was quadratic)."""
    for line in note.split("\n"):
        if m := _NOTE_LINE.fullmatch(line):
            yield m.group("key"), m.group("value").strip()
            continue
        for m in _NOTE_BRACED.finditer(line, 0, line.rfind("}") + 1):
            yield m.group("key"), m.group("value").strip()


def manual_item_id(item: Mapping[str, Any]) -> str:
    """The id Manubot gives a manual reference: its ``standard_citation`` (as manuscripts of 2017 and 2018 wrote
    their items, with no ``id``), else a ``standard_id`` its note holds, else its ``id`` ("" for the last)."""
    if str(item.get("standard_citation") or "").strip():
        return str(item["standard_citation"]).strip()
    for key, value in _note_fields(str(item.get("note") or "")):
        if key == "standard_id":
            return value
    return ""


def _manual(folder: Path) -> Bibliography:
    from ..bibliography.load import load_bibliography

    sources: dict[str, Source] = {}
    problems: list[Finding] = []
    for path in manual_files(folder):
        bib = load_bibliography(path, item_id=manual_item_id)
        problems += bib.problems
        for source in bib.sources:
            ident = reference_id(source.key) or source.key
            sources.pop(ident, None)  # a later item of the id wins, as in Manubot
            sources[ident] = source
    return Bibliography(tuple(sources.values()), tuple(problems))


class Lines:
    """File and line of offsets in the joined body, asked in increasing order: one pass over the body.

    Shared with the Quarto project reader, which joins its chapters the same way; there a part may
    start further down its file (``first``: the text after an included file), else on line 1."""

    def __init__(self, body: str, parts: list[tuple[str, int]], first: list[int] | None = None) -> None:
        self.body, self.parts = body, parts
        self.first = first or [1] * len(parts)
        self.part, self.at, self.line = 0, 0, self.first[0] if parts else 1

    def __call__(self, offset: int) -> tuple[str, int]:
        if offset < self.at:  # not in order: count again from the file's start
            self.part, self.at, self.line = 0, 0, self.first[0]
        while self.part + 1 < len(self.parts) and self.parts[self.part + 1][1] <= offset:
            self.part += 1
            self.at, self.line = self.parts[self.part][1], self.first[self.part]
        self.line += self.body.count("\n", self.at, offset)
        self.at = offset
        return self.parts[self.part][0], self.line


def _resolved(paragraph: Paragraph, lines: Lines, aliases: dict[str, str], tags: dict[str, str]) -> Paragraph:
    claims = tuple(_claim(c, lines, aliases, tags) for c in paragraph.claims)
    return replace(paragraph, claims=claims)


def _claim(claim: Claim, lines: Lines, aliases: dict[str, str], tags: dict[str, str]) -> Claim:
    file, line = lines(claim.start)
    cites = tuple(_alias(c, aliases, tags) for c in claim.citations or ())
    return replace(claim, file=file, line=line, citations=cites)


def _alias(cite: Citation, aliases: dict[str, str], tags: dict[str, str]) -> Citation:
    key = cite.key
    target = aliases.get(key)
    if target is None and key.startswith("tag:"):
        target = tags.get(key[4:])
    return replace(cite, key=target, alias=key) if target else cite


def manuscript_sources(essay: Essay) -> Bibliography:
    """The bibliography a Manubot manuscript implies: one source per distinct identifier it cites.

    The source's key is the identifier as first written (an alias or tag if it was cited so).
    """
    manual = manual_items(essay)
    sources = tuple(id_source(key, cited, manual.get(ident)) for ident, (key, _, cited) in _first_cites(essay).items())
    problems = essay.meta[MANUAL].problems if isinstance(essay.meta.get(MANUAL), Bibliography) else ()
    return Bibliography(sources=sources, problems=problems, file=None)


def manual_items(essay: Essay) -> dict[str, Source]:
    """The items of the manual references by reference id: the author's own description of a source."""
    manual = essay.meta.get(MANUAL)
    if not isinstance(manual, Bibliography):
        return {}
    return {reference_id(s.key) or s.key: s for s in manual.sources}


def unmatched_items(essay: Essay) -> list[str]:
    """The ids of manual references that are no cite-by-ID key (``smith2020``, not ``raw:smith2020``): only a
    citation of that very key (``@smith2020``) finds them."""
    manual = essay.meta.get(MANUAL)
    if not isinstance(manual, Bibliography):
        return []
    return [s.key for s in manual.sources if reference_id(s.key) is None]


class ManualReferences(NamedTuple):
    """A Manubot manuscript's manual references, where a plain key (``@smith2020``) names an item."""

    keys: tuple[str, ...]
    """The plain ids of their items (``unmatched_items``): a key cited with a slip is told against these too (an
    item no longer cited is no source)."""
    file: str
    """The first file that holds items, as ``content/manual-references.bib`` (the one to add an item to), else
    ``content/manual-references.json``."""


def manual_references(essay: Essay) -> ManualReferences:
    """The manual references of the manuscript ``essay``, as a missing plain key's hint names them."""
    manual = essay.meta.get(MANUAL)
    files = [s.file for s in manual.sources if s.file] if isinstance(manual, Bibliography) else []
    folder = PurePath(essay.path)
    first = PurePath(files[0]) if files else folder / "manual-references.json"
    shown = "/".join((folder.name, *first.relative_to(folder).parts)) if first.is_relative_to(folder) else first.name
    return ManualReferences(tuple(unmatched_items(essay)), shown)


def first_citing_claims(essay: Essay) -> dict[str, Claim]:
    """The first claim citing each source of ``manuscript_sources``, by the source's key."""
    return {key: claim for key, claim, _ in _first_cites(essay).values()}


def _first_cites(essay: Essay) -> dict[str, tuple[str, Claim, str]]:
    """Each distinct reference cited: the key it was first written as, the claim citing it and the cite-by-ID key
    it stands for (the target of an alias or tag). A key with no identifier's prefix counts when a manual reference
    has it as its id: Manubot hands such keys to citeproc, which finds them among the manual references."""
    seen: dict[str, tuple[str, Claim, str]] = {}
    plain = set(unmatched_items(essay))
    for claim in essay.claims:
        for cite in claim.citations or ():
            ident = reference_id(cite.key) or (cite.key if cite.key in plain else None)
            if ident is None or is_crossref(cite.key):
                continue
            seen.setdefault(ident, (cite.alias or cite.key, claim, cite.key))
    return seen
