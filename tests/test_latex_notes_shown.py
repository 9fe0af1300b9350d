"""A LaTeX manuscript's footnotes as a reviewer sees them: ``litreview links`` quotes the sentence as the file writes
it (``\\footnote{...}``, not the ``^[...]`` the reader reads it as), and the site's plain excerpts mark the note as the
essay page does (" [note 1: ...]", numbered as pandoc numbers it), not glued to the sentence."""

from __future__ import annotations

import json
import re
from pathlib import Path

from litreview.cli import main
from litreview.config import Config
from litreview.render.layout import Layout
from litreview.render.site import render_site
from litreview.review import build_review

TEX = ("\\documentclass{article}\n\\begin{document}\nSovereignty changed over time.\\footnote{See \\cite{holsti2004} "
       "for a \\emph{long} history [and more].} It still matters.\n\nAnother note.\\footnote{Holsti argues this "
       "\\footnote{nested}.}\n\\end{document}\n")
BIB = "@book{holsti2004, author = {Holsti, Kalevi J.}, title = {Taming the Sovereigns}, publisher = {P}, year = {2004}}\n"


def _write(tmp_path: Path) -> None:
    (tmp_path / "paper.tex").write_text(TEX, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")


def _links(capsys, tmp_path: Path, essay: str) -> list[dict]:  # type: ignore[no-untyped-def]
    code = main(["links", "--essay", str(tmp_path / essay), "--bib", str(tmp_path / "refs.bib"), "--claims",
                 str(tmp_path / "claims.yaml"), "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out)


def test_links_quotes_a_latex_footnote_as_the_file_writes_it(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _write(tmp_path)
    texts = {row["text"] for row in _links(capsys, tmp_path, "paper.tex")}
    assert texts == {"Sovereignty changed over time.\\footnote{See \\cite{holsti2004} for a long history [and more].}",
                     "Another note.\\footnote{Holsti argues this \\footnote{nested}.}"}


def test_a_markdown_inline_note_stays_as_written(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "paper.md").write_text("Sovereignty changed.^[See @holsti2004 for more.]\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    rows = _links(capsys, tmp_path, "paper.md")
    assert [row["text"] for row in rows] == ["Sovereignty changed.^[See @holsti2004 for more.]"]


def test_a_source_pages_excerpt_marks_the_note_as_the_essay_page_does(tmp_path: Path) -> None:
    # The excerpt read "Sovereignty changed over time.See [Holsti 2004] for a long history": the note's words glued
    # to the sentence's, with nothing to tell them apart.
    _write(tmp_path)
    review = build_review(Config(root=tmp_path, essay="paper.tex", bibliography="refs.bib", claims=""),
                          with_checks=False)
    files = render_site(review, Layout())
    page = files["sources/holsti2004.md"]
    assert isinstance(page, str)
    excerpts = [re.sub(r"<[^>]+>", "", e) for e in re.findall(r'<blockquote class="lr-excerpt">(.*?)</blockquote>', page)]
    # Numbered as pandoc numbers the notes (a note in a note after the text's: left unnumbered).
    assert "Sovereignty changed over time. [note 1: See (Holsti 2004) for a long history [and more].]" in excerpts
    essay = files["essay.md"]
    assert isinstance(essay, str)
    cards = re.findall(r'<span class="lr-card__row">(.*?)</span>', essay)
    assert cards == ["Evidence: Sovereignty changed over time. [note 1: See <mark>(Holsti 2004)</mark> for a long history "
                     "[and more].]", "Evidence: Another note. [note 2: <mark>Holsti</mark> argues this [note: nested].]"]
    assert 'Sovereignty changed over time.<span class="lr-note" data-note="1">See ' in essay


def test_an_inline_note_takes_its_number_among_the_referenced_ones(tmp_path: Path) -> None:
    # pandoc 3.9 prints "Before.[1] Mesa ….[2]": the inline note is the second, after the referenced one.
    (tmp_path / "paper.md").write_text("Before.[^a] Mesa [@holsti2004].^[Inline one.]\n\n[^a]: A.\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="paper.md", bibliography="refs.bib", claims=""),
                          with_checks=False)
    essay = render_site(review, Layout())["essay.md"]
    assert isinstance(essay, str)
    assert '<span class="lr-note" data-note="2">Inline one.</span>' in essay
