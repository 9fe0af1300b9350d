"""What surrounds the pages: search entries per paragraph, skip links, the site URL, lean assets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_site_cases import build_site, load_case

from litreview.render.index import index_review
from litreview.render.layout import Layout
from litreview.render.publish import (
    add_search_entries,
    add_skip_link,
    default_site_url,
    essay_search_entries,
    name_theme_path,
    unneeded_assets,
)


def test_essay_search_entries_one_per_paragraph_without_marks():
    entries = essay_search_entries(index_review(load_case("site_basic")), Layout())
    assert [e["location"] for e in entries] == ["essay/#p1", "essay/#p2"]
    assert entries[0]["title"] == "The essay: Security Alliances, paragraph 1"
    assert entries[0]["text"].startswith("<p>K.J. Holsti qualified international relations as “organized")
    assert "Holsti 2004" not in entries[0]["text"]  # the mark's label is not essay text
    flat = Layout(use_directory_urls=False)
    assert essay_search_entries(index_review(load_case("site_basic")), flat)[1]["location"] == "essay.html#p2"


def test_hostile_paragraph_text_is_escaped_in_search_entries():
    entries = essay_search_entries(index_review(load_case("site_hostile")), Layout())
    assert entries and all("<script" not in e["text"] and "<img" not in e["text"] for e in entries)


def test_search_entries_go_after_their_page():
    index = {"config": {"lang": ["en"]}, "docs": [{"location": "", "title": "Home", "text": ""},
                                                 {"location": "essay/", "title": "Essay", "text": ""},
                                                 {"location": "map/", "title": "Map", "text": ""}]}
    ours = [{"location": "essay/#p1", "title": "p1", "text": "a"}]
    out = add_search_entries(index, ours)
    assert [d["location"] for d in out["docs"]] == ["", "essay/", "essay/#p1", "map/"]
    assert out["config"] == index["config"] and len(index["docs"]) == 3  # the input is left alone
    assert add_search_entries(index, []) is index


def test_skip_link_only_where_the_theme_left_none():
    page = ('<body><div data-md-component="skip">\n  </div><main><article class="md-content__inner md-typeset">'
            "<h1>T</h1>")
    out = add_skip_link(page)
    assert '<a href="#lr-main" class="md-skip">Skip to content</a>' in out
    assert '<article class="md-content__inner md-typeset" id="lr-main"><h1>T</h1>' in out
    assert add_skip_link('<div data-md-component="skip"></div><h1>T</h1>') == \
        '<div data-md-component="skip"></div><h1>T</h1>'  # nothing to skip to
    taken = '<div data-md-component="skip"><a href="#x" class="md-skip">Skip</a></div><article class="md-content__inner md-typeset">'
    assert add_skip_link(taken) == taken


def test_the_themes_breadcrumb_trail_is_named_apart_from_its_navigation():
    # Material names its path (navigation.path) "Navigation", as its main navigation: two landmarks of one name
    page = ('<nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0"></nav>'
            '<div class="md-content"><nav class="md-path" aria-label="Navigation" ><ol></ol></nav>')
    out = name_theme_path(page)
    assert '<nav class="md-path" aria-label="Breadcrumb" >' in out
    assert '<nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0">' in out  # kept
    assert name_theme_path(page.replace('"Navigation" >', '"Navigazione" >')) == out  # whatever the language
    alone = '<nav class="md-nav md-nav--primary" aria-label="Navigation"></nav><article>'
    assert name_theme_path(alone) == alone  # no path shown (a page at the top): nothing to name


@pytest.mark.parametrize(("remote", "repository", "expected"), [
    (None, "octo/litreview", "https://octo.github.io/litreview/"),
    ("https://github.com/Octo/essay-review.git\n", None, "https://octo.github.io/essay-review/"),
    ("git@github.com:octo/essay.git", None, "https://octo.github.io/essay/"),
    ("git@github.com:octo/octo.github.io.git", None, "https://octo.github.io/"),
    ("https://gitlab.com/octo/essay.git", None, None),
    ("https://github.com/octo/../../etc", None, None),
    (None, "not a repository", None),
    (None, None, None),
])
def test_default_site_url(remote, repository, expected):
    assert default_site_url(remote, repository) == expected


def test_unneeded_assets():
    paths = ["assets/javascripts/bundle.1.min.js", "assets/javascripts/bundle.1.min.js.map",
             "assets/stylesheets/main.css.map", "assets/javascripts/lunr/min/lunr.de.min.js",
             "assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/tinyseg.js",
             "assets/javascripts/lunr/wordcut.js", "downloads/notes.map", "assets/javascripts/workers/search.js"]
    assert unneeded_assets(paths, ["en"]) == [
        "assets/javascripts/bundle.1.min.js.map", "assets/stylesheets/main.css.map",
        "assets/javascripts/lunr/min/lunr.de.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/tinyseg.js", "assets/javascripts/lunr/wordcut.js"]
    kept = set(paths) - set(unneeded_assets(paths, ["en", "de", "th"]))
    assert {"assets/javascripts/lunr/min/lunr.de.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
            "assets/javascripts/lunr/wordcut.js"} <= kept


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("published")
    return build_site(load_case("site_basic"), folder,
                      extra_yml="site_url: https://octo.github.io/essay-review/\n")


def test_site_url_makes_404_and_sitemap_work_on_a_project_site(published):
    page = (published / "404.html").read_text(encoding="utf-8")
    assert 'href="/essay-review/assets/stylesheets/' in page  # styled wherever the 404 is served
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://octo.github.io/essay-review/essay/</loc>" in sitemap
    assert "<loc>https://octo.github.io/essay-review/sources/holsti2004taming/</loc>" in sitemap


def test_built_site_has_no_source_maps_or_unused_language_packs(published):
    files = [p.relative_to(published).as_posix() for p in published.rglob("*") if p.is_file()]
    assert not [f for f in files if f.endswith(".map")]
    assert not [f for f in files if "/lunr/" in f]
    assert any(f.startswith("assets/javascripts/workers/search") for f in files)


def test_built_search_index_has_the_essay_per_paragraph_and_no_cards(published):
    docs = json.loads((published / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    essay = [d for d in docs if d["location"].startswith("essay/")]
    assert [d["location"] for d in essay] == ["essay/", "essay/#p1", "essay/#p2", "essay/#references"]
    text = " ".join(d["text"] for d in docs)
    assert "(suggested link)" not in text and "Link: " not in text and "About Holsti" not in text
    source = next(d for d in docs if d["location"] == "sources/farrell2005world/")
    assert "Farrell" in source["text"] and "10.1080/09636410500323187" in source["text"] and "2005" in source["text"]
    assert not [d for d in docs if d["location"].startswith("sources/") and "@article{" in d["text"]]  # no BibTeX


def test_every_generated_page_gets_a_skip_link(published):
    for page in ("index.html", "essay/index.html", "bibliography/index.html", "map/index.html",
                 "codes/index.html", "downloads/index.html", "sources/holsti2004taming/index.html"):
        assert 'class="md-skip"' in (published / page).read_text(encoding="utf-8"), page


def test_plugin_leaves_assets_alone_when_asked(tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from test_site_cases import MKDOCS_YML

    (tmp_path / "docs").mkdir()
    yml = MKDOCS_YML.replace("  - litreview\n", "  - litreview:\n      prune_assets: false\n")
    assert "prune_assets: false" in yml
    (tmp_path / "mkdocs.yml").write_text(yml, encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), strict=True)
    config.plugins["litreview"].load_review = lambda settings: load_case("site_basic")
    build(config)
    assert list((tmp_path / "site").rglob("*.map"))
    assert list((tmp_path / "site" / "assets" / "javascripts" / "lunr").rglob("*.js"))


def test_search_entries_show_a_markdown_essays_text_as_its_page_does(tmp_path):
    # The entries held the paragraph as written ("\par", "*Digital Services Act*", "[@konur2010]"), which a search's
    # results then showed; the page shows the words, the emphasis rendered and the citation by its label.
    from litreview.config import Config
    from litreview.review import build_review

    (tmp_path / "refs.bib").write_text("@book{konur2010, author={Konur, Savas}, title={T}, publisher={P}, year={2010}}\n",
                                       encoding="utf-8")
    (tmp_path / "e.md").write_text("\\par Temporal logics have a long history [@konur2010]. The *Digital Services"
                                   " Act* says so [-@konur2010, p. 3].\n", encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="e.md", bibliography="refs.bib", claims=""), with_checks=False)
    [entry] = essay_search_entries(index_review(review), Layout())
    assert entry["text"] == ("<p>Temporal logics have a long history (Konur 2010). The Digital Services Act says so"
                             " (2010, p. 3).</p>")


def test_a_headings_search_entry_is_titled_by_its_words_as_materials_search_titles_a_section(tmp_path):
    # A heading's entry was titled "paragraph 1" and held its words as text; Material titles a section by its
    # heading, and the prose under it has entries of its own.
    from litreview.config import Config
    from litreview.review import build_review

    (tmp_path / "refs.bib").write_text("@book{waltz1979, title={Theory}, author={Waltz, Kenneth N.}, year={1979}, "
                                       "publisher={P}}\n", encoding="utf-8")
    (tmp_path / "e.md").write_text("## Realism *today* [@waltz1979]\n\nStates balance [@waltz1979].\n\n"
                                   "### Critics & <friends\n\nSome disagree.\n", encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="e.md", bibliography="refs.bib", claims=""), with_checks=False)
    entries = essay_search_entries(index_review(review), Layout())
    assert [(e["location"], e["title"], e["text"]) for e in entries if "paragraph" not in e["title"]] == [
        ("essay/#p1", "Realism today (Waltz 1979)", ""), ("essay/#p3", "Critics &amp; &lt;friends", "")]
    # the close case: prose keeps its numbered entry with its text
    prose = [e for e in entries if e["location"] in ("essay/#p2", "essay/#p4")]
    assert [e["title"].rsplit(", ", 1)[1] for e in prose] == ["paragraph 2", "paragraph 4"]
    assert prose[0]["text"] == "<p>States balance (Waltz 1979).</p>"
