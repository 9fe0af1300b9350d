"""Raw HTML blocks kept out of the Markdown processor, and put back into its output.

A generated page is Markdown headings between raw HTML blocks. Parsing those blocks
again (Python-Markdown, then MkDocs' anchor scan) is most of a large site's build
time, so a static-site adapter may swap each for a placeholder comment and restore
it in the HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection

_PLACEHOLDER = "<!--litreview-block:{}-->"
_FIND = re.compile(r"<!--litreview-block:(\d+)-->")
#: An ``id`` after white space (the look-behind after the literal, so that the search skips ahead to each "id=")
_ID = re.compile(r'id=(?<=\sid=)"([^"]+)"')
_OPEN = re.compile(r"<([a-z][a-z0-9]*)\b[^>]*>")
#: A search mark, found from its first letters (``\s?data-search-...`` as one pattern made ``re`` try every
#: position of a block: a seventh of the time for an essay page of 1.5 MB)
_SEARCH_MARK = re.compile(r'data-search-\w+="[^"]+"')


def split_blocks(markdown: str) -> tuple[str, list[str]]:
    """The page with each raw HTML block (a chunk starting with ``<``) as a placeholder."""
    blocks: list[str] = []
    chunks = markdown.split("\n\n")
    for i, chunk in enumerate(chunks):
        if chunk.startswith("<") and not chunk.startswith("<!--"):
            chunks[i] = _PLACEHOLDER.format(len(blocks))
            blocks.append(chunk)
    return "\n\n".join(chunks), blocks


def join_blocks(rendered: str, blocks: list[str], *, leave: Collection[int] = ()) -> str:
    """The rendered HTML with every placeholder replaced by its block (but those in ``leave``)."""
    return _FIND.sub(lambda m: m.group(0) if int(m.group(1)) in leave else blocks[int(m.group(1))], rendered)


def search_excluded(blocks: list[str]) -> set[int]:
    """The blocks that are one element marked ``data-search-exclude``: a search indexer skips them whole,
    so an adapter may put them back after indexing (parsing them is most of a large essay's indexing)."""
    out = set()
    for i, block in enumerate(blocks):
        opening = _OPEN.match(block)
        if opening is None or "data-search-exclude=" not in opening.group(0):
            continue
        tag = opening.group(1)
        depth, end = 0, -1
        for m in re.finditer(rf"<(/?){tag}[\s>]", block):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                end = m.end()
                break
        if end != -1 and block[end:].strip() == "":
            out.add(i)
    return out


def strip_search_marks(block: str) -> str:
    """The block without its ``data-search-*`` attributes (the search plugin strips them from what it sees),
    each with the one white-space character before it."""
    out: list[str] = []
    at = 0
    for match in _SEARCH_MARK.finditer(block):
        start = match.start()
        if start > at and block[start - 1].isspace():  # what ``\s`` matches
            start -= 1
        out.append(block[at:start])
        at = match.end()
    if not out:
        return block
    out.append(block[at:])
    return "".join(out)


def anchor_ids(blocks: list[str]) -> set[str]:
    """Every ``id`` the blocks define, for link validation."""
    return {html.unescape(m.group(1)) for block in blocks for m in _ID.finditer(block)}
