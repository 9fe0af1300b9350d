"""The essay's language on the site: its text carries it in ``lang``, the review's own words stay English
(expected values written by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.cli import main
from litreview.config import Config
from litreview.essay.language import guess_language
from litreview.render.index import index_review
from litreview.render.layout import Layout
from litreview.render.site import render_site
from litreview.review import build_review

PT = ("Com o aumento do escrutínio sobre as plataformas, as discussões sobre os dados ganharam centralidade e não "
      "são uma resposta das empresas. Nesse contexto, os marcos regulatórios são também uma resposta ao interesse "
      "público pela transparência dos dados. ")
ES = ("La complejidad de ciertas enfermedades demuestra que el análisis de los genes no es suficiente. "
      "Por el contrario, es solo el punto de partida de un proceso con las fuentes del conocimiento. ")
DE = ("Die Clusteranalyse ist ein Verfahren des maschinellen Lernens, bei dem in einem Datenset nach Gruppen "
      "gesucht wird. Die Objekte werden dabei von einem Algorithmus in Gruppen sortiert und nicht getrennt. ")
FR = ("Chez l'humain, l'ADN télomérique est constitué de répétitions qui s'étendent dans une région des "
      "chromosomes. Les protéines sont associées avec cette région pour la protéger. ")
EN = ("The power politics endemic to neorealist thought cannot arise from a state of anarchy, which is "
      "the thesis of this article and of the others that were written with it. ")


@pytest.mark.parametrize(("text", "lang"), [(PT * 4, "pt"), (ES * 4, "es"), (DE * 4, "de"), (FR * 4, "fr"),
                                            (EN * 4, "en"), (PT, ""), (PT * 2 + ES * 2, ""),
                                            ("これはmimiumの設計についての論文である。" * 3, "ja")])
def test_the_language_is_guessed_from_common_words_only_when_one_clearly_leads(text: str, lang: str) -> None:
    # A few sentences tell nothing (fewer than 20 common words); two languages side by side tell nothing either.
    assert guess_language(text) == lang


def _review(root: Path, essay: str) -> Config:
    (root / "refs.bib").write_text("@book{a, author={Roe, Jane}, title={Dados}, publisher={P}, year={2020}}\n",
                                   encoding="utf-8")
    (root / "e.md").write_text(essay, encoding="utf-8")
    return Config(root=root, essay="e.md", bibliography="refs.bib", claims="")


def test_an_essay_in_portuguese_is_marked_so_and_the_reviews_words_stay_english(tmp_path: Path) -> None:
    # Every page said lang="en", so a screen reader read the Portuguese essay with English sounds.
    review = build_review(_review(tmp_path, "---\ntitle: A regulação\n---\n\n" + PT * 3 + "Veja [@a].\n"),
                          with_checks=False)
    site = render_site(review, Layout())
    essay = site["essay.md"]
    assert "<h1>The essay: <span lang=\"pt\">A regulação</span></h1>" in essay
    assert '<div class="lr-para" id="p1" data-search-exclude="paragraph"><p lang="pt"><a class="lr-pnum" href="#p1" ' \
           'lang="en" aria-label="Paragraph 1">1</a>' in essay
    assert '<span class="lr-mark lr-mark--confirmed" lang="en"><a class="lr-cite" href="../sources/a/"' in essay
    assert '<blockquote class="lr-excerpt" lang="pt">' in site["sources/a.md"]
    # Its metadata says it more precisely; a setting says it over both.
    review = build_review(_review(tmp_path, "---\nlang: pt-BR\n---\n\n" + PT + "Veja [@a].\n"), with_checks=False)
    assert '<p lang="pt-BR">' in render_site(review, Layout())["essay.md"]
    assert '<p lang="pt-PT">' in render_site(review, Layout(), index=index_review(review, lang="pt-PT"))["essay.md"]


def test_an_english_essay_gets_no_lang_of_its_own(tmp_path: Path) -> None:
    review = build_review(_review(tmp_path, EN * 4 + "See [@a].\n"), with_checks=False)
    essay = render_site(review, Layout())["essay.md"]
    assert " lang=" not in essay


def test_init_writes_the_guessed_language_for_the_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _review(tmp_path, "---\nbibliography: refs.bib\n---\n\n" + PT * 3 + "Veja [@a].\n")
    assert main(["init", "e.md"]) == 0
    assert ("  - litreview:\n      essay_language: pt   # guessed from its common words; the lang of its text on the "
            "site\n") in (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
