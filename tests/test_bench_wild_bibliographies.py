"""bench/wild_bibliographies.py: a CSL file compared with pandoc's reading of it, as pandoc's citeproc uses it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from litreview.bibliography.csl import parse_csl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import wild_bibliographies

# What pandoc 3.9 reads (-f csljson -t csljson) from ITEMS: every item, the one without an id with the id "".
ITEMS: list[dict[str, Any]] = [
    {"id": "a", "type": "book", "title": "First", "issued": {"date-parts": [[2001]]}},
    {"id": "a", "type": "book", "title": "Second", "issued": {"date-parts": [[2002]]}},
    {"type": "book", "title": "No id", "issued": {"date-parts": [[2003]]}},
    {"id": "b", "type": "book", "title": "B"},
]


def test_an_id_given_twice_counts_once_and_an_item_without_one_is_compared(monkeypatch: pytest.MonkeyPatch,
                                                                           tmp_path: Path) -> None:
    # citeproc cites and lists the later of two items "a"; the item pandoc reads with the id "" is litreview's
    # unnamed-1. Counted as pandoc's four items, the file lost two entries that pandoc does not use either.
    read = [{**item, "id": item.get("id", "")} for item in ITEMS]
    monkeypatch.setattr(wild_bibliographies, "pandoc_items", lambda path: read)
    path = tmp_path / "refs.json"
    ours = parse_csl(json.dumps(ITEMS), str(path))
    assert wild_bibliographies.csl_disagreements(path, ours) == (3, [])
    # a title read otherwise than pandoc reads it is still told, against the later item of its id
    read[1] = {**read[1], "title": "Other"}
    assert wild_bibliographies.csl_disagreements(path, ours)[1] == ["title: 'a' 'Other' read as 'Second'"]


def test_a_bare_list_of_csl_yaml_items_is_read_as_pandocs_bibliography_reader_reads_it(tmp_path: Path) -> None:
    # `pandoc --bibliography refs.yaml` reads a file that is only a list of items (no `references:`); the
    # reference reading must too, or every item of such a file counts as one litreview invents.
    pypandoc = pytest.importorskip("pypandoc")
    bare = tmp_path / "refs.yaml"
    bare.write_text("- id: a\n  type: book\n  title: T\n  issued: 2000\n", encoding="utf-8")
    wrapped = tmp_path / "wrapped.yaml"
    wrapped.write_text("---\nreferences:\n- id: a\n  type: book\n  title: T\n  issued: 2000\n...\n", encoding="utf-8")
    try:
        pypandoc.get_pandoc_path()
    except OSError:
        pytest.skip("no pandoc")
    assert wild_bibliographies.pandoc_items(bare) == wild_bibliographies.pandoc_items(wrapped)
    assert [item["id"] for item in wild_bibliographies.pandoc_items(bare) or []] == ["a"]


def test_a_year_pandoc_reads_as_0_is_no_date(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # pandoc 3.9 reads a CSL-JSON date it takes no date from ("issued": {"year": 1993}) as date-parts [[0]] and prints
    # n.d.: litreview's reading of no year agrees (it was told "year: 'r' 0 read as None"), one of 1993 does not.
    items = [{"id": "r", "type": "book", "title": "T", "issued": {"year": 1993}}]
    monkeypatch.setattr(wild_bibliographies, "pandoc_items",
                        lambda path: [{**items[0], "issued": {"date-parts": [[0]]}}])
    path = tmp_path / "refs.json"
    assert wild_bibliographies.csl_disagreements(path, parse_csl(json.dumps(items), str(path))) == (1, [])
    read = parse_csl(json.dumps([{**items[0], "issued": {"date-parts": [[1993]]}}]), str(path))
    assert wild_bibliographies.csl_disagreements(path, read)[1] == ["year: 'r' n.d. (0) read as 1993"]



def test_a_clean_refusal_is_no_crash(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # litreview refuses a rich-text file saved as .bib with a located error, and pybtex reads no entry from it (a
    # reference list a word processor wrote): no defect. Such a refusal was counted as a crash.
    (tmp_path / "owner__name").mkdir()
    (tmp_path / "owner__name" / "refs.bib").write_text(
        "{\\rtf \\li0 \\fi0 \\sa240 {\\b{}{\\scaps Roe}} A., 2020, {\\i{}A Title}, Paris, Seuil.\\par\n}",
        encoding="utf-8")
    wild_bibliographies.run(tmp_path, "all", show_lost=True, show=set())
    out = capsys.readouterr().out
    row = next(line.split() for line in out.splitlines() if line.startswith("bibtex"))
    assert "crash:" not in out and row[-2] == "0"  # crashed
    assert "clean refusal, the reference reads no entry: owner__name/refs.bib" in out and row[5] == "0"  # refused
