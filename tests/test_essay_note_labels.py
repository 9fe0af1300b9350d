"""Notes pandoc does not print as written: a note defined and never referenced, which pandoc drops with its
citations (LR326), and a label defined twice, whose earlier note pandoc replaces by the later one (LR327). pandoc's
warnings ("Note with key ... defined ... but not used", "Duplicate note reference") are the oracle: each finding is
at the line pandoc drops or replaces a note."""

from __future__ import annotations

from pathlib import Path

from litreview.checks.notices import check_notices
from litreview.essay import load_essay


def _found(essay) -> list[tuple[str, str, int | None]]:
    return [(f.code, Path(f.file or "").name, f.line) for f in check_notices(essay) if f.code in ("LR326", "LR327")]


def test_a_note_referenced_twice_leaves_the_other_unreferenced(tmp_path: Path) -> None:
    # pandoc: "Note with key '2' defined at p.md line 7 column 1 but not used."
    (tmp_path / "p.md").write_text("---\ntitle: T\n---\n\nA claim.[^1] Another.[^1]\n\n[^1]: First [@a].\n\n"
                                   "[^2]: Transdisciplina: Piaget [@piaget] y Morin [@morin; @morin2].\n",
                                   encoding="utf-8")
    essay = load_essay(tmp_path / "p.md")
    assert _found(essay) == [("LR326", "p.md", 9)]
    told = next(f for f in check_notices(essay) if f.code == "LR326")
    assert "[^2]" in told.message and "@piaget, @morin and @morin2" in told.message
    assert "[^2]" in told.hint and "[^1]" in told.hint  # (the note referenced twice: the likely slip)


def test_a_label_defined_twice_keeps_the_last_note(tmp_path: Path) -> None:
    # pandoc: "Duplicate note reference '3' at p.md line 7" and line 9; the note of line 5 and 7 never shown
    (tmp_path / "p.md").write_text("C.[^3] D.[^x]\n\n[^x]: X.\n\n[^3]: First [@a].\n\n[^3]: Second.\n\n"
                                   "[^3]: Third [@c].\n", encoding="utf-8")
    essay = load_essay(tmp_path / "p.md")
    assert _found(essay) == [("LR327", "p.md", 5), ("LR327", "p.md", 7)]
    first = next(f for f in check_notices(essay) if f.code == "LR327")
    assert "line 9" in first.message and "@a" in first.message


def test_notes_each_defined_once_and_referenced_are_not_told(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text("A.[^a] B.[^b] A again.[^a]\n\n[^a]: One [@a].\n\n[^b]: Two.\n\n"
                                   "`[^c]: in code`\n", encoding="utf-8")
    assert _found(load_essay(tmp_path / "p.md")) == []


def test_a_reference_only_in_code_references_nothing(tmp_path: Path) -> None:
    # pandoc: "Note with key 'c' defined at p.md line 3 column 1 but not used."
    (tmp_path / "p.md").write_text("Text `[^c]` here.\n\n[^c]: A note.\n", encoding="utf-8")
    assert _found(load_essay(tmp_path / "p.md")) == [("LR326", "p.md", 3)]


def test_quarto_and_r_markdown_files_are_told_too(tmp_path: Path) -> None:
    for name in ("p.qmd", "p.Rmd"):
        (tmp_path / name).write_text("---\ntitle: T\n---\n\n```{r}\nx <- 1\n```\n\nA.[^1]\n\n[^1]: One.\n\n"
                                     "[^2]: Two [@b].\n", encoding="utf-8")
        assert _found(load_essay(tmp_path / name)) == [("LR326", name, 13)]


def test_manubot_files_are_joined_before_notes_are_resolved(tmp_path: Path) -> None:
    # Manubot joins the files; pandoc: "Duplicate note reference '3' at line ..." of 04's definition: 03's note lost
    content = tmp_path / "content"
    content.mkdir()
    (content / "metadata.yaml").write_text("title: T\n", encoding="utf-8")
    (content / "03.tesis.md").write_text("## Tesis\n\nUno.[^3]\n\n[^3]: Nota de tesis [@doi:10.1/a].\n",
                                         encoding="utf-8")
    (content / "04.teorias.md").write_text("## Teorías\n\nDos.[^3]\n\n[^3]: Nota de teorías.\n\n"
                                           "[^9]: Sin uso.\n", encoding="utf-8")
    essay = load_essay(content)
    assert _found(essay) == [("LR327", "03.tesis.md", 5), ("LR326", "04.teorias.md", 7)]
    first = check_notices(essay)[0]
    assert "04.teorias.md line 5" in first.message and "@doi:10.1/a" in first.message
