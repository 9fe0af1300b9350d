"""The essay's language on the site: its text carries it in ``lang``, the review's own words stay English
(expected values written by hand); the few words the review adds to the theme's frame (a skip link, the search
dialog's name) are Material's own in the site's language (expected values from Material's own table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.cli import main
from litreview.config import Config
from litreview.essay.language import guess_language
from litreview.render.index import index_review
from litreview.render.layout import Layout
from litreview.render.site import render_site, source_page_digests
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
SV = ("Neurala gränssnitt är inte längre något som bara finns i framtiden, och det är också tydligt att tekniken "
      "kan användas för att hjälpa människor. Det finns ett behov av en etisk diskussion om när och hur den ska "
      "användas, från forskning till vård. ")
NL = ("Het onderzoek naar de taal van een tekst is niet nieuw, en de methoden die daarvoor worden gebruikt zijn "
      "ook voor deze studie van belang. Met een corpus van romans wordt het gebruik van woorden vergeleken. ")
DA = ("Undersøgelsen viser, at der er en stor forskel mellem de to grupper, og at det ikke altid er let at se af "
      "hvilken grund. Efter krigen blev meget af arbejdet gjort uden hjælp fra staten, og nogle af forskerne mente, at "
      "det bliver svært at måle noget af det. ")
NB = ("Undersøkelsen viser at det er en stor forskjell mellom de to gruppene, og at det ikke alltid er lett å se av "
      "hvilken grunn. Etter krigen ble mye av arbeidet gjort uten hjelp fra staten, og noen av forskerne mente at det "
      "blir vanskelig å måle noe av det. ")
FI = ("Tämä tutkimus käsittelee sitä, miten hajautettu laskenta on muuttanut tietojenkäsittelyä, ja se myös osoittaa, "
      "että MapReduce on yksinkertainen malli. Ohjelmoija kirjoittaa vain kaksi funktiota, mutta järjestelmä hoitaa "
      "hajautuksen sekä virheistä toipumisen, jossa solmut voivat kaatua. ")
CS = ("Tato práce se zabývá otázkou, jak se mění jazyk v čase, a ukazuje, že změny nejsou náhodné. Autoři také "
      "tvrdí, že jejich data jsou pouze částí většího korpusu, který byl sestaven podle jiných pravidel, nebo mezi "
      "nimi není žádný vztah. ")
TR = ("Bu çalışma, dilin zaman içinde nasıl değiştiğini ve bu değişikliklerin rastgele olmadığını göstermektedir. "
      "Yazarlar ayrıca verilerin daha büyük bir derlemin parçası olarak ele alındığını, ancak bu derlemin farklı "
      "kurallara göre oluşturulduğunu ve bunlar arasında bir ilişki olmadığını ileri sürmektedir. ")
HU = ("Ez a tanulmány azt vizsgálja, hogyan változik a nyelv az idő során, és azt mutatja, hogy a változások nem "
      "véletlenek. A szerzők szerint az adatok csak egy nagyobb korpusz részei, amely más szabályok szerint készült, "
      "de ezek között nincs kapcsolat. ")
RU = ("В этой работе мы показываем, что модель учитывает связи между метками, и это важно, как и порядок корзин. "
      "Также мы видим, что метки, которые были удалены из матрицы, или только часть из них, влияют на прогноз. ")
UK = ("Це дослідження показує, що мова тексту не завжди відома, і тому ми використовуємо прості слова для оцінки. "
      "Також ми бачимо, як автори пишуть про це в своїх роботах, і що вони обирають для порівняння. ")
BG = ("Това изследване показва, че езикът на текста не винаги е известен, и затова използваме прости думи за оценка. "
      "Също така виждаме как авторите пишат за това в своите работи и какво избират за сравнение, или от кои източници. ")
SR = ("Ово истраживање показује да језик текста није увек познат, и зато користимо једноставне речи за процену. "
      "Такође видимо како аутори пишу о томе у својим радовима и шта бирају за поређење, или из којих извора он полази. ")
EN = ("The power politics endemic to neorealist thought cannot arise from a state of anarchy, which is "
      "the thesis of this article and of the others that were written with it. ")


@pytest.mark.parametrize(("text", "lang"), [(PT * 4, "pt"), (ES * 4, "es"), (DE * 4, "de"), (FR * 4, "fr"),
                                            (EN * 4, "en"), (SV * 4, "sv"), (NL * 4, "nl"),
                                            (DA * 4, "da"), (NB * 4, "nb"), (FI * 4, "fi"), (CS * 4, "cs"),
                                            (TR * 4, "tr"), (HU * 4, "hu"), (FI + EN * 3, "en"),
                                            (FI * 2 + CS * 2, ""), (RU * 4, "ru"), (UK * 4, ""),
                                            (BG * 4, ""), (SR * 4, ""), (PT, ""), (PT * 2 + ES * 2, ""),
                                            ("これはmimiumの設計についての論文である。" * 3, "ja")])
def test_the_language_is_guessed_from_common_words_only_when_one_clearly_leads(text: str, lang: str) -> None:
    # A few sentences tell nothing (fewer than 20 common words); two languages side by side tell nothing either.
    # Swedish was told as Dutch by their shared "en" (Dutch "and", Swedish "a"), and a Danish text with it too: a
    # language whose words are not listed is left untold. Finnish, Danish, Norwegian, Czech, Turkish and Hungarian
    # were not told at all (their sites said lang="en"). Russian was not told at all; Ukrainian, whose words are not
    # listed, is not told as Russian, nor is Bulgarian or Serbian (their "и", "как", "от", "или" are Russian's too).
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
    assert 'the essay <span lang="pt">A regulação</span> (' in site["index.md"]
    # Its metadata says it more precisely; a setting says it over both.
    review = build_review(_review(tmp_path, "---\nlang: pt-BR\n---\n\n" + PT + "Veja [@a].\n"), with_checks=False)
    assert '<p lang="pt-BR">' in render_site(review, Layout())["essay.md"]
    assert '<p lang="pt-PT">' in render_site(review, Layout(), index=index_review(review, lang="pt-PT"))["essay.md"]


def test_a_source_pages_cache_key_follows_the_essays_language(tmp_path: Path) -> None:
    # Its excerpts carry the essay's lang: changing "lang: pt" to "lang: es" must write the page again.
    digests = []
    for lang in ("pt", "es"):
        review = build_review(_review(tmp_path, f"---\nlang: {lang}\n---\n\nCom o escrutínio, veja [@a].\n"),
                              with_checks=False)
        assert f'<blockquote class="lr-excerpt" lang="{lang}">' in render_site(review, Layout())["sources/a.md"]
        digests.append(source_page_digests(review, Layout())["sources/a.md"])
    assert digests[0] != digests[1]


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


def test_init_guesses_the_language_of_a_latex_papers_input_chapters(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # The main file holds only the preamble and \input{...}: its own few words told no language, so init wrote
    # none although the site (which reads the chapters) gives the text lang="pt".
    monkeypatch.chdir(tmp_path)
    _review(tmp_path, "")
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "intro.tex").write_text(PT * 3 + "Veja \\cite{a}.\n", encoding="utf-8")
    (tmp_path / "paper.tex").write_text("\\documentclass{article}\n\\usepackage{biblatex}\n"
                                        "\\addbibresource{refs.bib}\n\\begin{document}\n\\input{chapters/intro}\n"
                                        "\\printbibliography\n\\end{document}\n", encoding="utf-8")
    assert main(["init", "paper.tex"]) == 0
    assert "      essay_language: pt   # guessed" in (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")


def _pieces(text: str) -> list[str]:
    """``text`` split as Material's search splits a query's word (its ``split`` on the separator, zero-width too)."""
    import re

    from litreview.essay.language import JAPANESE_SEARCH_SEPARATOR

    return [piece for piece in re.split(JAPANESE_SEARCH_SEPARATOR, text) if piece]


def test_a_japanese_phrase_is_searched_as_its_words() -> None:
    assert _pieces("プログラミング言語の設計") == ["プログラミング", "言語", "の", "設計"]
    assert _pieces("mimiumの設計 型システム") == ["mimium", "の", "設計", "型", "システム"]
    assert _pieces("well-known phrase") == ["well", "known", "phrase"]


JA_ESSAY = ("---\ntitle: 音楽のためのプログラミング言語\nbibliography: refs.bib\n---\n\n"
            "本論文では音楽のためのプログラミング言語mimiumの設計と実装について述べる [@a]。\n\n"
            "音響合成のための言語は多く提案されてきたが、その多くは汎用言語としての表現力に欠けている。"
            "本研究ではこの問題を型システムによって解決する。\n")


@pytest.mark.browser
@pytest.mark.slow
def test_a_japanese_phrase_typed_without_spaces_finds_its_paragraph(tmp_path: Path, monkeypatch) -> None:
    # Material's search split a query at spaces alone: "型システム" or "表現力に欠けている", several words to its
    # index, was one word no entry has, and found nothing ("設計" alone was found).
    from test_browser_site import CHROMIUM, CHROMIUM_ARGS, serve

    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from playwright.sync_api import sync_playwright

    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text("@book{a, author={佐々木, 健}, title={音楽の言語}, publisher={P}, year={2010}}\n",
                                       encoding="utf-8")
    (tmp_path / "paper.md").write_text(JA_ESSAY, encoding="utf-8")
    assert main(["init", "paper.md"]) == 0
    (tmp_path / "docs").mkdir()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(config_file=str(tmp_path / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site")))
    server, url = serve(tmp_path / "site")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(url + "essay/")
            page.evaluate("document.getElementById('__search').checked = true")
            found = {}
            for query in ("型システム", "表現力に欠けている", "設計"):
                page.fill("input.md-search__input", query)
                page.keyboard.press("End")  # Material searches on a key's release, as after an input method's
                page.wait_for_function("q => document.querySelector('.md-search-result__meta').innerText"
                                       " !== 'Type to start searching'", arg=query, timeout=10_000)
                page.wait_for_timeout(500)
                found[query] = page.eval_on_selector_all(".md-search-result__item", "els => els.map(e => e.innerText)")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    assert any("paragraph 2" in item for item in found["型システム"]), found
    assert any("paragraph 2" in item for item in found["表現力に欠けている"]), found
    assert any("paragraph 1" in item for item in found["設計"]), found


def _materials_word(language: str, key: str) -> str:
    """``key`` as Material's own template for ``language`` gives it (the theme's table run by Jinja, as the theme
    runs it)."""
    from importlib.resources import files

    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(files("material") / "templates")))
    return str(env.get_template(f"partials/languages/{language}.html").module.t(key))  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["de", "fr", "pt-BR", "ja"])
def test_the_themes_words_are_read_from_materials_own_table(language: str) -> None:
    from litreview.render.theme_words import theme_word

    for key in ("action.skip", "search"):
        assert theme_word(language, key, "English") == _materials_word(language, key) != "English"


def test_a_language_or_word_material_lacks_gives_the_english_one() -> None:
    from litreview.render.theme_words import theme_word

    assert theme_word("en", "action.skip", "Skip to content") == "Skip to content" == _materials_word("en",
                                                                                                     "action.skip")
    assert theme_word(None, "search", "Search") == "Search"
    for language in ("xx", "de-XX", "../languages/de", "de.html", ""):
        assert theme_word(language, "action.skip", "Skip to content") == "Skip to content"
    assert theme_word("de", "breadcrumb", "Breadcrumb") == "Breadcrumb"  # no such word in Material's table


def test_the_themes_words_are_escaped_where_they_go_in() -> None:
    from litreview.render.publish import add_skip_link, name_theme_path, pass_search_name

    page = '<body class="x"><div data-md-component="skip"></div><article class="md-content__inner md-typeset">'
    assert '<a href="#lr-main" class="md-skip">&lt;b&gt; &amp; &quot;\\1</a>' in add_skip_link(page, label='<b> & "\\1')
    assert pass_search_name(page, 'Su"che<').startswith('<body data-lr-search="Su&quot;che&lt;" class="x">')
    assert pass_search_name(page, "Search") == page  # the script's own word
    path = '<nav class="md-path" aria-label="Navigation" >'
    assert name_theme_path(path, '"\\g<0>') == '<nav class="md-path" aria-label="&quot;\\g&lt;0&gt;" >'


def _site_in(language: str, folder: Path) -> Path:
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from test_site_cases import MKDOCS_YML, load_case

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    yml = MKDOCS_YML.replace("  font: false\n", f"  font: false\n  language: {language}\n", 1)
    assert f"language: {language}" in yml
    (folder / "mkdocs.yml").write_text(yml, encoding="utf-8")
    config = load_config(config_file=str(folder / "mkdocs.yml"), strict=True)
    review = load_case("site_basic")
    config.plugins["litreview"].load_review = lambda settings: review
    build(config)
    return folder / "site"


@pytest.mark.parametrize("language", ["de", "fr", "en"])
def test_the_skip_link_and_search_name_are_materials_words_in_the_sites_language(language: str,
                                                                               tmp_path: Path) -> None:
    # The review's skip link said "Skip to content" on a German site whose other pages said Material's "Zum Inhalt".
    import html
    import re

    site = _site_in(language, tmp_path)
    skip, search = _materials_word(language, "action.skip"), _materials_word(language, "search")
    ours = ("bibliography/index.html", "codes/index.html", "downloads/index.html")  # no TOC: Material gives none
    pages = ("index.html", "essay/index.html", "sources/holsti2004taming/index.html", *ours)
    for page in pages:
        text = (site / page).read_text(encoding="utf-8")
        assert re.search(rf'class="md-skip">\s*{re.escape(html.escape(skip))}\s*</a>', text), page
        assert ('href="#lr-main" class="md-skip"' in text) is (page in ours), page
        assert ("data-lr-search=" in text) is (language != "en"), page
        if language != "en":
            assert f' data-lr-search="{html.escape(search)}"' in text, page
        # No word of Material's names a breadcrumb: the source pages' trail and the theme's keep the review's.
        assert 'aria-label="Breadcrumb"' in text or page != "sources/holsti2004taming/index.html"


def test_the_essay_page_is_titled_as_pandoc_prints_a_title_written_as_a_line_block(tmp_path: Path) -> None:
    # `title: |` then ` | \vspace{5cm} Movilidad...`: a line block whose raw TeX no HTML page prints.
    review = build_review(_review(tmp_path, "---\ntitle: |\n | \\vspace{5cm} Movilidad social subjetiva\n---\n\n"
                                            "Veja [@a].\n"), with_checks=False)
    essay = render_site(review, Layout())["essay.md"]
    assert "<h1>The essay: Movilidad social subjetiva</h1>" in essay
    assert "vspace" not in essay
