"""A Manubot manuscript: the ``content/`` folder read as Manubot reads it.

The ``.md`` files are joined in name order (Jinja2 template markup blanked); ``[@alias]: target``
lines and ``citation-tags.tsv`` define aliases and tags; every distinct identifier cited is a
source (``manuscript_sources``), described by ``manual-references.json`` where it has an item; a key with no
identifier's prefix is the manual reference of that id, as citeproc resolves it for Manubot.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import EssayError
from ..fileio import NotUtf8, read_text
from ..model import Bibliography, Citation, Claim, Essay, Paragraph
from .cites import is_crossref
from .ids import id_source, standard_id
from .markdown import read_body

MANUAL_FILE = "manual-references-file"
"""The meta key of the manual references' path, when the folder has them."""
_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
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
        text = _JINJA.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
        parts.append((str(path), offset))
        chunks.append(text)
        offset += len(text) + 2
    body = "\n\n".join(chunks)
    aliases = {m.group("alias"): m.group("target") for m in _ALIAS.finditer(body)}
    tags = _tags(folder / "citation-tags.tsv")
    lines = Lines(body, parts)
    paragraphs = [_resolved(p, lines, aliases, tags) for p in read_body(body, 1)]
    if not paragraphs:
        raise EssayError("the manuscript has no paragraphs", path=str(folder), line=None,
                         hint="write the manuscript's text in the folder's .md files")
    manual = folder / "manual-references.json"
    meta: dict[str, Any] = {"manual-references": _manual(manual)}
    if meta["manual-references"]:
        meta[MANUAL_FILE] = str(manual)
    if not_utf8:
        from . import NOTICES, encoding_notices

        meta[NOTICES] = encoding_notices(not_utf8)
    return Essay(path=str(folder), body=body, meta=meta, paragraphs=tuple(paragraphs), body_line=1,
                 format="manubot", marked=any(c.citations for p in paragraphs for c in p.claims))


def _tags(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    text = read_text(path, what="citation tags", error=EssayError, hint="save the file as UTF-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return {r["tag"].strip(): r["citation"].strip() for r in rows if r.get("tag") and r.get("citation")}


def _manual(path: Path) -> list[Any]:
    if not path.is_file():
        return []
    text = read_text(path, what="manual references", error=EssayError, hint="save the file as UTF-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        from ..safeload import json_problem

        why, fix, line = json_problem(exc)
        raise EssayError(f"manual references are not valid JSON: {why}", path=str(path), line=line,
                         hint=f"{fix} (a list of CSL-JSON items)") from None
    return [item for item in data if isinstance(item, dict)] if isinstance(data, list) else []


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
    placed = _manual_places(essay)
    sources = []
    for ident, (key, _) in _first_cites(essay).items():
        source = id_source(key, ident, manual.get(ident))
        where = placed.get(str(manual.get(ident, {}).get("id", "")).strip()) if ident in manual else None
        if where is not None:  # the author's CSL item: its problems are its own, at its lines, in CSL's words
            source = replace(source, file=where.file, line=where.line, field_lines=where.field_lines)
        sources.append(source)
    return Bibliography(sources=tuple(sources), file=None)


def _manual_places(essay: Essay) -> dict[str, Any]:
    """The manual references read as the CSL-JSON bibliography they are (file, line, each field's line), by id."""
    path = essay.meta.get(MANUAL_FILE)
    if not path:
        return {}
    from ..bibliography.csl import parse_csl

    text = read_text(Path(path), what="manual references", error=EssayError, hint="save the file as UTF-8")
    return {s.key: s for s in parse_csl(text, path).sources}


def manual_items(essay: Essay) -> dict[str, Any]:
    """The items of ``manual-references.json`` by standard id: the author's own description of a source. An id
    with no identifier's prefix (``roe2001Title``) is its own standard id, as Manubot standardises it."""
    manual: dict[str, Any] = {}
    for item in essay.meta.get("manual-references") or ():
        written = str(item.get("id", "")).strip()
        ident = standard_id(written) or written
        if ident:
            manual[ident] = item
    return manual


def first_citing_claims(essay: Essay) -> dict[str, Claim]:
    """The first claim citing each source of ``manuscript_sources``, by the source's key."""
    return {key: claim for key, claim in _first_cites(essay).values()}


def _first_cites(essay: Essay) -> dict[str, tuple[str, Claim]]:
    """Each distinct identifier cited: the key it was first written as, and the claim citing it. A key with no
    identifier's prefix counts when a manual reference has it as its id: Manubot hands such keys to citeproc,
    which finds them among the manual references (others are citations of no entry)."""
    seen: dict[str, tuple[str, Claim]] = {}
    manual = manual_items(essay)
    for claim in essay.claims:
        for cite in claim.citations or ():
            ident = standard_id(cite.key) or (cite.key if cite.key in manual else None)
            if ident is None or is_crossref(cite.key):
                continue
            seen.setdefault(ident, (cite.alias or cite.key, claim))
    return seen
