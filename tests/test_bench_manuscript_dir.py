"""``bench/eval_manuscripts.py --dir``: any folder of manuscripts against pandoc's reading of them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fuzz.pandoc_diff import pandoc_path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.manuscript_dir import documents, read_folder, report

PANDOC = pandoc_path()


def test_each_file_is_a_manuscript_and_a_manubot_folder_is_one(tmp_path: Path) -> None:
    (tmp_path / "a" / "content").mkdir(parents=True)
    (tmp_path / "a" / "content" / "01.intro.md").write_text("x\n", encoding="utf-8")
    (tmp_path / "a" / "content" / "02.more.md").write_text("y\n", encoding="utf-8")
    (tmp_path / "b.Rmd").write_text("z\n", encoding="utf-8")
    (tmp_path / "c.tex").write_text("w\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("v\n", encoding="utf-8")
    assert [(p.relative_to(tmp_path).as_posix(), form) for p, form in documents(tmp_path)] == [
        ("a/content", "manubot"), ("b.Rmd", "rmarkdown"), ("c.tex", "latex")]


def test_a_folder_with_a_sources_list_gives_only_the_sources_it_lists(tmp_path: Path) -> None:
    (tmp_path / "p1").mkdir()
    (tmp_path / "p1" / "paper.qmd").write_text("x\n", encoding="utf-8")
    (tmp_path / "p2").mkdir()
    (tmp_path / "p2" / "main.tex").write_text("y\n", encoding="utf-8")
    (tmp_path / "p2" / "draft.md").write_text("an older draft\n", encoding="utf-8")
    (tmp_path / "PROVENANCE.md").write_text("notes on the papers\n", encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("name\tsource\tbib\np1\tp1/paper.qmd\tp1/r.bib\n"
                                          "p2\tp2/main.tex\tp2/r.bib\n", encoding="utf-8")
    assert [(p.relative_to(tmp_path).as_posix(), form) for p, form in documents(tmp_path)] == [
        ("p1/paper.qmd", "quarto"), ("p2/main.tex", "latex")]


@pytest.mark.skipif(PANDOC is None, reason="pandoc (the test extra, pypandoc-binary) is not installed")
def test_keys_items_refusals_and_what_pandoc_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert PANDOC is not None
    (tmp_path / "a.md").write_text("---\nbibliography: none.bib\n---\n\nOne [@k1; @k2], again @k1 and @fig-x.\n",
                                   encoding="utf-8")
    (tmp_path / "b.tex").write_text("\\begin{document}\nSee \\citep{,k3}.\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "c.qmd").write_text("{{< include missing.qmd >}}\n\nText [@k4].\n", encoding="utf-8")
    rows = {r.name: r for r in read_folder(tmp_path, PANDOC)}
    assert dict(rows["a.md"].want) == {"k1": 2, "k2": 1} == dict(rows["a.md"].got)  # no bibliography needed
    assert rows["a.md"].counts(items=True) == (3, 0, 0) and rows["a.md"].counts(items=False) == (2, 0, 0)
    assert rows["b.tex"].skipped.startswith("pandoc refused it")  # (an empty key; LaTeX reads on)
    assert rows["c.qmd"].error.startswith("refused:") and not rows["c.qmd"].crashed and not rows["c.qmd"].got
    report("t", list(rows.values()), show_keys=True)
    out = capsys.readouterr().out
    assert "missed (pandoc only):   k4" in out and "1 skipped (pandoc refused), 1 refused by litreview" in out
