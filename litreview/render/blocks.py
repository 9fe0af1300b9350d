"""Raw HTML blocks kept out of the Markdown processor, and put back into its output.

A generated page is Markdown headings between raw HTML blocks. Parsing those blocks
again (Python-Markdown, then MkDocs' anchor scan) is most of a large site's build
time, so a static-site adapter may swap each for a placeholder comment and restore
it in the HTML.
"""

from __future__ import annotations

import html
import re

_PLACEHOLDER = "<!--litreview-block:{}-->"
_FIND = re.compile(r"<!--litreview-block:(\d+)-->")
_ID = re.compile(r'\sid="([^"]+)"')


def split_blocks(markdown: str) -> tuple[str, list[str]]:
    """The page with each raw HTML block (a chunk starting with ``<``) as a placeholder."""
    blocks: list[str] = []
    chunks = markdown.split("\n\n")
    for i, chunk in enumerate(chunks):
        if chunk.startswith("<") and not chunk.startswith("<!--"):
            chunks[i] = _PLACEHOLDER.format(len(blocks))
            blocks.append(chunk)
    return "\n\n".join(chunks), blocks


def join_blocks(rendered: str, blocks: list[str]) -> str:
    """The rendered HTML with every placeholder replaced by its block."""
    return _FIND.sub(lambda m: blocks[int(m.group(1))], rendered)


def anchor_ids(blocks: list[str]) -> set[str]:
    """Every ``id`` the blocks define, for link validation."""
    return {html.unescape(m.group(1)) for block in blocks for m in _ID.finditer(block)}
