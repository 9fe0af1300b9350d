"""``cache.knitting_files``: which R Markdown and Quarto files beside a document, or in a folder above it, may knit it."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview import cache


def _touch(path: Path, size: int = 10) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x" * size, encoding="utf-8")
    return path


def test_files_by_suffix_in_any_case_sorted_per_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "KNITTING_SIZE", 100)
    child = _touch(tmp_path / "top" / "mid" / "child.Rmd")
    _touch(tmp_path / "top" / "mid" / "b.qmd")
    _touch(tmp_path / "top" / "mid" / "A.RMD")
    _touch(tmp_path / "top" / "mid" / ".rmd")  # a hidden file with no suffix at all: not an R Markdown file
    _touch(tmp_path / "top" / "mid" / "notes.rmd.txt")
    _touch(tmp_path / "top" / "mid" / "big.qmd", size=101)  # over KNITTING_SIZE
    (tmp_path / "top" / "mid" / "folder.qmd").mkdir()  # a folder, not a file
    _touch(tmp_path / "top" / "book.qmd")
    found = cache.knitting_files(child)
    mid, top = (tmp_path / "top" / "mid").resolve(), (tmp_path / "top").resolve()
    assert found == [(mid, mid / "A.RMD"), (mid, mid / "b.qmd"), (top, top / "book.qmd")]


def test_only_the_levels_above_and_only_for_documents(tmp_path: Path) -> None:
    deep = _touch(tmp_path / "a" / "b" / "c" / "d" / "doc.md")
    _touch(tmp_path / "far.Rmd")  # four folders above the document's own: past KNITTING_LEVELS
    _touch(tmp_path / "a" / "b" / "near.Rmd")
    near = (tmp_path / "a" / "b").resolve()
    assert cache.KNITTING_LEVELS == 3
    assert cache.knitting_files(deep) == [(near, near / "near.Rmd")]
    assert cache.knitting_files(_touch(tmp_path / "a" / "b" / "refs.bib")) == []
