"""Pandoc as the oracle: the keys pandoc's JSON AST cites against the keys litreview's readers find.

``compare`` reads one generated document (pandoc_docs.py) both ways and returns the disagreements,
each named by the construct that wrote the key: a key only pandoc cites ("missed"), one only
litreview finds ("extra"), the same for ``nocite``, and a citation whose claim does not cover the
line it was written on ("line"). Used by tests/fuzz/test_fuzz_pandoc.py and bench/diff_pandoc.py.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from litreview.errors import EssayError

from .pandoc_docs import TOKEN, Doc


def pandoc_path() -> str | None:
    """The pandoc binary pypandoc-binary (the test extra) ships, or None when there is none."""
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return None


def cite_ids(node: object, in_figure: bool = False) -> Iterator[str]:
    """The ``citationId`` of every Cite element in a pandoc JSON AST (or a part of one), once per item as
    written: inside a Figure the image's alt text repeats the caption, so only the caption is read."""
    return (c["citationId"] for c in cite_items(node, in_figure))


def cite_items(node: object, in_figure: bool = False) -> Iterator[dict]:
    """Every citation item (``citationId``, ``citationMode``, ...) of a pandoc JSON AST, as ``cite_ids`` reads them."""
    if isinstance(node, dict):
        kind = node.get("t")
        if kind == "Cite":
            yield from node["c"][0]
        elif kind == "Figure":
            _attr, caption, content = node["c"]
            yield from cite_items(caption)
            yield from cite_items(content, in_figure=True)
            return
        elif kind == "Image" and in_figure:
            return
        for value in node.values():
            yield from cite_items(value, in_figure)
    elif isinstance(node, list):
        for value in node:
            yield from cite_items(value, in_figure)


def pandoc_ast(pandoc: str, path: Path, fmt: str) -> dict:
    """``pandoc -f FMT -t json`` on the file at ``path`` (run in its folder, so ``\\input`` resolves)."""
    done = subprocess.run([pandoc, "-f", fmt, "-t", "json", path.name], cwd=path.parent,
                          capture_output=True, text=True, check=True)
    ast: dict = json.loads(done.stdout)
    return ast


@dataclass(frozen=True)
class Disagreement:
    kind: str
    """"missed" (only pandoc cites it), "extra" (only litreview), "nocite-missed", "nocite-extra", "line"."""
    construct: str
    """The construct that wrote the key ("para/bracket", "fenced-no", "tex-para/cites"), "?" if unknown."""
    key: str

    @property
    def known(self) -> bool:
        """A documented difference: a natbib or biblatex command that pandoc's LaTeX reader does not read."""
        return self.kind == "extra" and self.construct.endswith("/unread-by-pandoc")


def _construct(doc: Doc, key: str) -> str:
    m = TOKEN.search(key)
    return doc.places.get(m.group(), "?") if m else "?"


def compare(doc: Doc, pandoc: str) -> list[Disagreement] | None:
    """Read ``doc`` with pandoc and with litreview; what they disagree on (None when pandoc refuses it)."""
    from litreview.essay import load_essay

    with tempfile.TemporaryDirectory(prefix="litreview-diff-") as folder:
        main = Path(folder) / ("main.tex" if doc.fmt == "latex" else "main.md")
        main.write_text(doc.text, encoding="utf-8")
        for name, text in doc.files.items():
            (Path(folder) / name).write_text(text, encoding="utf-8")
        try:
            ast = pandoc_ast(pandoc, main, doc.fmt)
        except subprocess.CalledProcessError:
            return None
        try:
            essay = load_essay(main)
        except EssayError:
            essay = None
        want = set(cite_ids(ast["blocks"]))
        want_nocite = set(cite_ids(ast["meta"].get("nocite")))
        got: set[str] = set()
        out: list[Disagreement] = []
        if essay is not None:
            got_nocite = set(essay.nocite)
            claims = essay.claims
            for n, claim in enumerate(claims):
                # The key's line must be in the claim: up to its last line (Markdown), or, since LaTeX's
                # claims are converted text, up to the line where the next claim starts.
                if doc.fmt == "markdown":
                    last = claim.line + essay.body[claim.start:claim.end].count("\n")
                else:
                    last = next((c.line for c in claims[n + 1:] if c.file == claim.file), 1 << 30)
                for cite in claim.citations or ():
                    got.add(cite.key)
                    m = TOKEN.search(cite.key)
                    line = doc.lines.get(m.group()) if m else None
                    if (line is not None and claim.file in (None, str(main))
                            and not claim.line <= line <= last):
                        out.append(Disagreement("line", _construct(doc, cite.key), cite.key))
        else:
            got_nocite = set()
    out += [Disagreement("missed", _construct(doc, k), k) for k in sorted(want - got)]
    out += [Disagreement("extra", _construct(doc, k), k) for k in sorted(got - want)]
    out += [Disagreement("nocite-missed", _construct(doc, k), k) for k in sorted(want_nocite - got_nocite)]
    out += [Disagreement("nocite-extra", _construct(doc, k), k) for k in sorted(got_nocite - want_nocite)]
    return out
