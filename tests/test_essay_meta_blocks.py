"""Several YAML metadata blocks (of one document, of a notebook's cells, of the files pandoc joins) joined as pandoc
joins them: a field a later block gives again takes the later value; a field given once stays. Each case is
compared with the metadata of the bundled pandoc's JSON."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from fuzz.pandoc_diff import cite_ids

from litreview.essay import load_essay

FIRST = """---
title: First title [@t1]
abstract: First abstract [@a1].
subtitle: Given once [@k1]
bibliography: one.bib
nocite: "@n1"
lang: en-GB
csl: one.csl
link-citations: true
suppress-bibliography: false
references:
- id: r1
  title: One
---
"""
SECOND = """---
title: Second title [@t2]
abstract: Second abstract [@a2].
bibliography: two.bib
nocite: "@n2"
lang: de-DE
csl: two.csl
link-citations: false
suppress-bibliography: true
references:
- id: r2
  title: Two
...
"""
BODY = "\nBody [@b1].\n\n"
# The fields that matter to citations, whose value a later block replaces, and the claims of the front matter.
FIELDS = ("bibliography", "nocite", "lang", "csl", "link-citations", "suppress-bibliography", "references",
          "title", "abstract", "subtitle")


def _pandoc_meta(folder: Path, *names: str, fmt: str = "markdown") -> dict[str, Any]:
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    done = subprocess.run([pypandoc.get_pandoc_path(), "-f", fmt, "-t", "json", *names], cwd=folder,
                          capture_output=True, text=True, check=True)
    meta: dict[str, Any] = json.loads(done.stdout)["meta"]
    return meta


def _plain(value: dict[str, Any]) -> Any:
    """A pandoc metadata value as litreview's reader holds it: text (citations written back as @key), a bool,
    a list, a mapping."""
    kind, content = value["t"], value.get("c")
    if kind == "MetaBool":
        return content
    if kind == "MetaList":
        return [_plain(v) for v in content]
    if kind == "MetaMap":
        return {k: _plain(v) for k, v in content.items()}
    if kind == "MetaString":
        return content
    return _inline_text(content)


def _inline_text(node: Any) -> str:
    if isinstance(node, list):
        return "".join(_inline_text(n) for n in node)
    kind = node.get("t")
    if kind == "Str":
        return str(node["c"])
    if kind == "Space":
        return " "
    if kind == "Cite":
        return "[" + "; ".join("@" + c["citationId"] for c in node["c"][0]) + "]"
    if kind in ("Plain", "Para"):
        return _inline_text(node["c"])
    return ""


def _ours(value: Any) -> Any:
    """litreview's value as ``_plain`` gives pandoc's (pandoc reads a scalar as text)."""
    if isinstance(value, list):
        return [_ours(v) for v in value]
    if isinstance(value, dict):
        return {k: _ours(v) for k, v in value.items()}
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def _agree(essay_path: Path, theirs: dict[str, Any]) -> None:
    essay = load_essay(essay_path)
    for field in FIELDS:
        if field == "nocite":
            assert list(essay.nocite) == list(cite_ids(theirs[field])), field
        else:
            assert _ours(essay.meta.get(field)) == _plain(theirs[field]), field
    # the claims of the front matter: those of the values pandoc keeps, no other
    front = sorted(x.key for c in essay.claims if c.paragraph <= 0 for x in c.citations)
    assert front == sorted(key for name, value in theirs.items() if name != "nocite" for key in cite_ids(value))
    # (title-s1, subtitle-s1; a later file's ch2-title-s1)
    assert sorted(c.text for c in essay.claims if c.id.endswith("title-s1")) == sorted(
        [_plain(theirs["subtitle"]), _plain(theirs["title"])])


def test_a_later_yaml_block_of_a_document_sets_a_field_again(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(FIRST + BODY + SECOND + "\nMore text [@b2].\n", encoding="utf-8")
    theirs = _pandoc_meta(tmp_path, "paper.md")
    assert _plain(theirs["title"]) == "Second title [@t2]" and _plain(theirs["subtitle"]) == "Given once [@k1]"
    _agree(path, theirs)
    # Before: the first block's values (title-s1 "First title", bibliography one.bib, references r1).
    essay = load_essay(path)
    assert [(c.id, c.line) for c in essay.claims if c.id in ("title-s1", "subtitle-s1")] == [
        ("subtitle-s1", 4), ("title-s1", 19)]  # (the line of each kept value)


def test_the_references_pandoc_cites_from_are_the_later_blocks(tmp_path: Path) -> None:
    from litreview.bibliography.csl import inline_references

    text = FIRST + BODY + SECOND + "\nMore text [@b2].\n"
    (tmp_path / "paper.md").write_text(text, encoding="utf-8")
    theirs = [item["id"] for item in _plain(_pandoc_meta(tmp_path, "paper.md")["references"])]
    found = inline_references(text, "paper.md")
    # Before: the front matter's (r1, at line 12).
    assert found is not None and [(s.key, s.line) for s in found.sources] == [(k, 28) for k in theirs] == [("r2", 28)]
    once = FIRST + BODY + "---\nkeywords: [marsh]\n---\n"
    (tmp_path / "paper.md").write_text(once, encoding="utf-8")
    theirs = [item["id"] for item in _plain(_pandoc_meta(tmp_path, "paper.md")["references"])]
    found = inline_references(once, "paper.md")
    assert found is not None and [(s.key, s.line) for s in found.sources] == [(k, 12) for k in theirs] == [("r1", 12)]


def test_a_field_given_in_one_block_only_stays(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(FIRST + BODY + "---\nkeywords: [marsh]\n---\n", encoding="utf-8")
    theirs = _pandoc_meta(tmp_path, "paper.md")
    assert _plain(theirs["title"]) == "First title [@t1]"
    _agree(path, theirs)


def test_the_files_pandoc_joins_a_later_files_field_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "y1.md").write_text(FIRST + BODY, encoding="utf-8")
    (tmp_path / "y2.md").write_text(SECOND.replace("...\n", "---\n") + "\nMore text [@b2].\n", encoding="utf-8")
    (tmp_path / "Makefile").write_text("all:\n\tpandoc y1.md y2.md -o paper.html\n", encoding="utf-8")
    theirs = _pandoc_meta(tmp_path, "y1.md", "y2.md")
    assert _plain(theirs["title"]) == "Second title [@t2]"
    # Before: the first file's title and abstract were claims too, their citations cited (t1, a1).
    _agree(tmp_path / "Makefile", theirs)


def test_a_notebooks_later_front_matter_cell_wins_as_quarto_passes_it_on(tmp_path: Path) -> None:
    def cell(kind: str, text: str) -> dict[str, Any]:
        return {"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True)}

    cells = [cell("raw", FIRST.rstrip("\n")), cell("markdown", BODY.strip()),
             cell("raw", SECOND.rstrip("\n")), cell("markdown", "More text [@b2].")]
    path = tmp_path / "paper.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1),
                    encoding="utf-8")
    # Quarto hands pandoc the cells as Markdown, one after the other.
    (tmp_path / "paper.md").write_text("\n\n".join("".join(c["source"]) for c in cells) + "\n", encoding="utf-8")
    theirs = _pandoc_meta(tmp_path, "paper.md")
    assert _plain(theirs["lang"]) == "de-DE"
    # Before: the first cell's value of each field was kept (lang en-GB, bibliography one.bib).
    _agree(path, theirs)
