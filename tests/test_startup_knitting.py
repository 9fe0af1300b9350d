"""A cold check of a Markdown essay with no R Markdown or Quarto file near it reads no knitr chunks: the chunk reader
(its module and its patterns, ~3 ms of a cold check) is imported only for a knitting file that names the essay."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

PROBE = """
import contextlib, io, json, sys
from litreview.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(["check", "--format", "json"])
    except SystemExit:
        pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith("litreview.essay"))))
"""


def _loaded(project: Path) -> set[str]:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=project,
                         env={**os.environ, "CI": "true"})
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def _project(tmp_path: Path) -> Path:
    root = Path(__file__).resolve().parents[1]
    shutil.copy(root / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(root / "refs", tmp_path / "refs")
    return tmp_path


def test_no_knitting_file_near_the_essay_loads_no_chunk_reader(tmp_path: Path) -> None:
    loaded = _loaded(_project(tmp_path))
    assert "litreview.essay.markdown" in loaded  # the check read the essay
    assert "litreview.essay.knitr_chunks" not in loaded


def test_a_knitting_file_that_names_the_essay_is_read(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "refs" / "book.Rmd").write_text("```{r, child = 'essay.md'}\n```\n", encoding="utf-8")
    assert "litreview.essay.knitr_chunks" in _loaded(project)
