"""Generated Markdown manuscripts (pandoc_docs.py) put into Jupyter notebooks: the notebook reader must
cite what pandoc cites in the Markdown, each citation on the .ipynb line that holds its source line.

The Markdown goes into one cell or is cut into several at blank lines outside fences, its front matter
into a raw cell, with code cells between that hold citation-like text (never read). Pandoc reads the
Markdown itself (``-f markdown``), as Quarto hands it the notebook's cells.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
from pathlib import Path

import pytest

from litreview.errors import EssayError
from litreview.essay import load_essay

from .mutate import mutate, replace_values
from .pandoc_diff import cite_ids, pandoc_ast, pandoc_path
from .pandoc_docs import TOKEN, markdown_doc

pytestmark = pytest.mark.fuzz

DOCS = 80


def to_notebook(text: str, rng: random.Random) -> tuple[str, dict[int, int]]:
    """The notebook holding Markdown ``text``, and the .ipynb line of each line of ``text`` (1-based both)."""
    lines = re.findall(r"[^\n]*\n|[^\n]+$", text)  # lines as pandoc counts them (not str.splitlines')
    front = 0
    if lines and lines[0].rstrip() == "---":
        front = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")) + 1
    fence = False
    groups: list[list[int]] = [[]]  # the text's line indexes in each Markdown cell
    for i in range(front, len(lines)):
        if re.match(r" {0,3}(```|~~~)", lines[i]):
            fence = not fence
        if not fence and not lines[i].strip() and groups[-1] and rng.random() < 0.3:
            groups.append([])  # a blank line outside a fence: a cell may end here
        else:
            groups[-1].append(i)
    cells: list[tuple[str, list[int] | None, bool]] = []  # (kind, line indexes, one string)
    if front:
        cells.append(("raw", list(range(front)), False))
    for group in groups:
        if group:
            cells.append(("markdown", group, rng.random() < 0.3))
        if rng.random() < 0.4:
            cells.append(("code", None, False))
    out = ['{\n "cells": [\n']
    where: dict[int, int] = {}
    for n, (kind, group, one) in enumerate(cells):
        out.append(f'  {{\n   "cell_type": "{kind}",\n   "metadata": {{}},\n')
        if kind == "code":
            out.append('   "execution_count": 1,\n   "outputs": [],\n   "source": ["x = \\"[@notakey]\\""]\n')
        elif one:
            out.append('   "source": ')
            line = "".join(out).count("\n") + 1
            where.update(dict.fromkeys((i + 1 for i in group or ()), line))
            out.append(json.dumps("".join(lines[i] for i in group or ())) + "\n")
        else:
            out.append('   "source": [\n')
            for m, i in enumerate(group or ()):
                where[i + 1] = "".join(out).count("\n") + 1
                out.append("    " + json.dumps(lines[i]) + ("," if m + 1 < len(group or ()) else "") + "\n")
            out.append("   ]\n")
        out.append("  }" + ("," if n + 1 < len(cells) else "") + "\n")
    out.append(' ],\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n')
    return "".join(out), where


def test_notebooks_cite_what_pandoc_cites_in_their_markdown_on_their_lines() -> None:
    pandoc = pandoc_path()
    if pandoc is None:
        pytest.skip("pandoc (pypandoc-binary, in the test extra) is not installed")
    differ = disagreements(pandoc, "pandoc-ipynb", DOCS)
    assert not differ, f"{len(differ)} disagreements; the first: {differ[0]}"


def disagreements(pandoc: str, seed: str, docs: int) -> list[str]:
    """What the notebook reader and pandoc disagree on, over ``docs`` notebooks from ``seed``."""
    rng = random.Random(seed)
    differ: list[str] = []
    with tempfile.TemporaryDirectory(prefix="litreview-nb-") as folder:
        for _ in range(docs):
            doc = markdown_doc(rng, edges=False)
            md = Path(folder) / "main.md"
            md.write_text(doc.text, encoding="utf-8")
            want = sorted(set(cite_ids(pandoc_ast(pandoc, md, "markdown")["blocks"])))
            text, where = to_notebook(doc.text, rng)
            nb = Path(folder) / "main.ipynb"
            nb.write_text(text, encoding="utf-8")
            try:
                essay = load_essay(nb)
            except EssayError as exc:
                differ.append(f"{exc} in\n{text}")
                continue
            got = sorted({c.key for claim in essay.claims for c in claim.citations or ()})
            if got != want:
                differ.append(f"keys {sorted(set(got) ^ set(want))} in\n{doc.text}")
            for claim in essay.claims:
                for cite in claim.citations or ():
                    m = TOKEN.search(cite.key)
                    written = doc.lines.get(m.group()) if m else None
                    # On the claim's lines: from its first to as many lines on as it spans (a cell's list
                    # source is one line of the .ipynb per line, a one-string source one line).
                    span = essay.body[claim.start:claim.end].count("\n")
                    if written is not None and not 0 <= where.get(written, 0) - claim.line <= span:
                        differ.append(f"{cite.key} at {claim.line}, written on {where.get(written)} in\n{text}")
    return differ


def test_a_mutated_notebook_is_read_or_refused_with_a_clear_error() -> None:
    """Text edits (cut, doubled, hostile pieces) and values replaced by JSON of another type: the reader
    returns an essay or raises EssayError, whose message names the file."""
    found = crashes("ipynb-mutations", 300)
    assert not found, f"{len(found)} crashes; the first: {found[0]}"


def crashes(seed: str, count: int) -> list[str]:
    """What ``count`` mutated notebooks from ``seed`` raised besides an EssayError naming the file."""
    rng = random.Random(seed)
    pool = tuple(to_notebook(markdown_doc(rng, edges=True).text, rng)[0] for _ in range(6))
    found: list[str] = []
    with tempfile.TemporaryDirectory(prefix="litreview-nb-") as folder:
        for text in pool:  # the notebooks before mutation are read
            (Path(folder) / "seed.ipynb").write_text(text, encoding="utf-8")
            try:
                load_essay(Path(folder) / "seed.ipynb")
            except EssayError as exc:
                found.append(f"an unmutated notebook refused: {exc}")
    for n in range(count):
        if n % 2:
            text = mutate(rng, pool, max_ops=4)
        else:
            data = json.loads(rng.choice(pool))
            replace_values(rng, data, rng.randint(1, 3))
            text = json.dumps(data, indent=rng.choice((None, 1, 2)))
        try:
            with tempfile.TemporaryDirectory(prefix="litreview-nb-") as folder:
                path_ = Path(folder) / "fuzz.ipynb"
                path_.write_text(text, encoding="utf-8", errors="surrogatepass")
                load_essay(path_)
        except EssayError as exc:
            if "fuzz.ipynb" not in str(exc):
                found.append(f"unnamed: {exc}")
        except Exception as exc:
            found.append(f"{type(exc).__name__}: {exc} in\n{text[:2000]}")
    return found
