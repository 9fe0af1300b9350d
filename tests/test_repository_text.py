"""The project's own text files carry no merge-conflict markers."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".md", ".py", ".toml", ".yml", ".yaml", ".cfg", ".txt", ".html", ".css", ".js", ".bib"}
SKIP = {".git", ".venv", ".venv-ci", "site", "node_modules", ".node", "results"}
MARKER = re.compile(r"^(<{7}|>{7}) |^={7}$", re.MULTILINE)


def project_files() -> list[Path]:
    found = []
    for path in ROOT.rglob("*"):
        if path.suffix in SUFFIXES and path.is_file() and not SKIP.intersection(path.relative_to(ROOT).parts):
            found.append(path)
    return found


def test_no_merge_conflict_markers() -> None:
    files = project_files()
    assert any(path.name == "README.md" for path in files)
    marked = [
        f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}"
        for path in files
        for text in [path.read_text(encoding="utf-8", errors="replace")]
        for m in MARKER.finditer(text)
    ]
    assert marked == []
