"""The essay page shows what the manuscript's own tool prints, not its markup (expected HTML written by hand)."""

from __future__ import annotations

import re
from pathlib import Path

from litreview.config import Config
from litreview.render.layout import Layout
from litreview.render.site import render_site
from litreview.review import build_review


def essay_html(root: Path, essay: str, bib: str = "") -> str:
    if not bib and not (root / "content").is_dir():
        bib = "empty.bib"
        (root / bib).write_text("", encoding="utf-8")
    review = build_review(Config(root=root, essay=essay, bibliography=bib or "refs/none.bib", claims=""),
                          with_checks=False)
    return render_site(review, Layout())["essay.md"]


def text_of(html: str) -> str:
    html = re.sub(r'<span class="lr-card".*?</span></span></span>', "", html)  # the marks' cards
    return re.sub(r"<[^>]+>", "", html)


def test_a_manubot_doi_cited_in_two_cases_is_one_mark_wherever_it_is_cited(tmp_path: Path) -> None:
    # Manubot (and doi.org) read a DOI in any case: both citations are of one entry, and both get its mark. The
    # second one was shown as written ("[@doi:10.1029/2006GL026499]"), the mark matched by the key's spelling.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "01.md").write_text(
        "First [@doi:10.1029/2006gl026499].\n\nAgain [@doi:10.1029/2006GL026499; @doi:10.1175/x1].\n",
        encoding="utf-8")
    page = essay_html(tmp_path, "content")
    assert "@doi:" not in text_of(page)
    body = page.split('id="references"')[0]
    assert body.count('class="lr-cite"') == 3


def test_a_footnote_reference_is_a_superscript_note_mark_not_its_markup(tmp_path: Path) -> None:
    # Pandoc prints a note reference as a note's number (a superscript in HTML), also right after a citation
    # ("[@mesa][^4]", as JOSS papers link software); the essay page printed "[^1]" and "[^4]". The note's own text
    # is a paragraph of its own, as before; a "[^x]" in code stays code.
    (tmp_path / "paper.md").write_text(
        "Mesa [@mesa][^4] and the site[^1] (`a[^2]`).\n\n[^1]: The site.\n[^4]: Link to Mesa.\n", encoding="utf-8")
    (tmp_path / "paper.bib").write_text("@book{mesa, author={Kazil, Jackie}, title={Mesa}, year={2020},"
                                        " publisher={P}}\n", encoding="utf-8")
    page = essay_html(tmp_path, "paper.md", "paper.bib")
    body = page.split('id="references"')[0]
    assert "[^" not in text_of(body).replace("a[^2]", "")
    assert '<sup class="lr-fnref" title="Note 4">4</sup>' in body
    assert '<sup class="lr-fnref" title="Note 1">1</sup>' in body
    assert "<code>a[^2]</code>" in body


def test_cross_references_read_as_quarto_and_pandoc_crossref_print_them(tmp_path: Path) -> None:
    # Quarto prints @fig-a as "Figure 1", [-@fig-b] as "2" and a custom kind by its reference-prefix, each kind
    # numbered in the order its labels are defined; pandoc-crossref prints @fig:c as "fig. 1". The page printed
    # the labels ("@fig-a"). An e-mail address is no reference; an undefined label reads "Figure ?".
    (tmp_path / "m.qmd").write_text(
        "---\ncrossref:\n  custom:\n    - kind: float\n      key: suppfig\n      reference-prefix: Supplementary Figure\n"
        "---\n\nSee @fig-a and Figures [-@fig-b] and @suppfig-s (@tbl-t; @fig-none; a@b.org; `@fig-a`).\n\n"
        "```{r}\n#| label: fig-a\nplot(1)\n```\n\n![B](b.png){#fig-b}\n\n![S](s.png){#suppfig-s}\n\n"
        "| x |\n|---|\n| 1 |\n\n: T {#tbl-t}\n", encoding="utf-8")
    body = text_of(essay_html(tmp_path, "m.qmd").split('id="references"')[0])
    assert ("See Figure 1 and Figures 2 and Supplementary Figure 1 (Table 1; Figure ?; a@b.org; @fig-a)."
            in body)
    (tmp_path / "c.md").write_text("As @fig:c shows.\n\n![C](c.png){#fig:c}\n", encoding="utf-8")
    assert "As fig. 1 shows." in text_of(essay_html(tmp_path, "c.md"))
