"""``\\nocite`` in a LaTeX preamble: biblatex reads it there (its entries go to the bibliography, as from the body),
so the entries count as cited; pandoc's LaTeX reader reads no preamble command as a citation."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.cli import main
from litreview.essay import load_essay

BIB = ("@book{a, author = {A, B}, title = {T1}, year = {2001}, publisher = {P}}\n"
       "@book{b, author = {C, D}, title = {T2}, year = {2002}, publisher = {P}}\n"
       "@book{c, author = {E, F}, title = {T3}, year = {2003}, publisher = {P}}\n")


def paper(folder: Path, preamble: str, *, package: str = "\\usepackage[backend=biber]{biblatex}\n"
          "\\addbibresource{refs.bib}\n", end: str = "\\printbibliography\n") -> Path:
    (folder / "refs.bib").write_text(BIB, encoding="utf-8")
    path = folder / "p.tex"
    path.write_text("\\documentclass{article}\n" + package + preamble + "\\begin{document}\nText \\cite{a}.\n" + end
                    + "\\end{document}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("preamble", "nocite"), [
    ("\\nocite{*}\n", ("*",)),
    ("\\nocite{b, c}\n", ("b", "c")),
    ("% \\nocite{*}\n", ()),  # commented out
    ("\\newcommand{\\also}[1]{\\nocite{#1}}\n", ()),  # a definition's parameter is no key
])
def test_a_biblatex_preamble_nocite_is_read(tmp_path: Path, preamble: str, nocite: tuple[str, ...]) -> None:
    assert load_essay(paper(tmp_path, preamble)).nocite == nocite


def test_a_bibtex_preamble_nocite_is_not_read(tmp_path: Path) -> None:
    # Standard LaTeX writes \nocite to the .aux file, which is opened at \begin{document}: BibTeX never sees it.
    path = paper(tmp_path, "\\nocite{*}\n", package="\\bibliographystyle{plain}\n", end="\\bibliography{refs}\n")
    assert load_essay(path).nocite == ()


def test_entries_a_preamble_nocite_lists_are_no_unused_entries_and_init_calls_them_the_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A French thesis with \nocite{*} after \addbibresource: 22 LR307 "cited nowhere", and init called its
    # bibliography shared with other documents (LR307 made a note).
    monkeypatch.chdir(tmp_path)
    paper(tmp_path, "\\nocite{*}\n")
    main(["check", "--essay", "p.tex", "--bib", "refs.bib", "--format", "json", "--no-cache"])
    out = capsys.readouterr().out
    assert "LR307" not in out
    assert main(["init", "p.tex"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "shared" not in said, said
    assert "\nseverity = " not in "\n" + next(tmp_path.glob("*.toml")).read_text(encoding="utf-8")
