"""The site's page cache: a rebuild renders again exactly the pages whose inputs changed."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_site_cases import MKDOCS_YML, load_case

import litreview
from litreview.locale_terms import ENGLISH_TERMS
from litreview.model import Review
from litreview.render.sitecache import INDEX, SiteCache

NO_NAV = "      nav_sources: 0\n"


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch):
    monkeypatch.setenv("LITREVIEW_NO_CACHE", "0")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def build_with(review: Review, folder: Path, options: str = NO_NAV):
    """Build the site of ``review`` in ``folder``; return (site/ as {path: bytes}, the plugin)."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(MKDOCS_YML.replace("  - litreview\n", "  - litreview:\n" + options),
                                       encoding="utf-8")
    config = load_config(config_file=str(folder / "mkdocs.yml"), strict=True)
    plugin = config.plugins["litreview"]
    plugin.load_review = lambda settings: review
    build(config)
    site = folder / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}, plugin


def retitled(review: Review, key: str, title: str) -> Review:
    sources = tuple(dataclasses.replace(s, title=title) if s.key == key else s for s in review.bibliography.sources)
    return dataclasses.replace(review, bibliography=dataclasses.replace(review.bibliography, sources=sources))


def source_pages(review: Review) -> set[str]:
    from litreview.render.layout import Layout

    return {Layout().source(s.key) for s in review.bibliography.sources}


def test_rebuild_after_one_edit_renders_that_page_and_reuses_the_others(tmp_path):
    review = load_case("site_basic")
    first, plugin = build_with(review, tmp_path / "project")
    assert plugin.reused_pages == frozenset()
    assert (tmp_path / "project" / ".litreview-cache" / "site" / INDEX).is_file()

    same, plugin = build_with(review, tmp_path / "project")
    assert plugin.reused_pages == source_pages(review)
    assert same == first  # byte for byte, search index and sitemap included

    edited = retitled(review, "holsti2004taming", "Taming the Sovereigns, Revisited")
    rebuilt, plugin = build_with(edited, tmp_path / "project")
    assert plugin.reused_pages == source_pages(review) - {"sources/holsti2004taming.md"}
    cold, _ = build_with(edited, tmp_path / "cold", NO_NAV + "      page_cache: false\n")
    assert rebuilt == cold
    # The edited page and the pages that cite the entry show the new title; the others did not change.
    changed = {path for path in rebuilt if rebuilt[path] != first.get(path)}
    assert "sources/holsti2004taming/index.html" in changed
    for page in ("essay/index.html", "bibliography/index.html"):
        assert b"Taming the Sovereigns, Revisited" in rebuilt[page]
    assert not any(path.startswith("sources/") and "holsti" not in path for path in changed)


def test_pages_put_back_in_site_are_not_copied_onto_themselves(tmp_path, monkeypatch):
    review = load_case("site_basic")
    first, _ = build_with(review, tmp_path)
    copied: list[str] = []
    real = shutil.copyfile

    def copyfile(src, dst, *args, **kwargs):
        copied.append(Path(dst).relative_to(tmp_path / "site").as_posix())
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(shutil, "copyfile", copyfile)
    again, plugin = build_with(review, tmp_path)
    assert plugin.reused_pages == source_pages(review) and again == first
    assert copied and not [path for path in copied if path.startswith("sources/")], copied  # the theme's files only


def test_a_new_version_of_litreview_invalidates_every_page(tmp_path, monkeypatch):
    review = load_case("site_basic")
    build_with(review, tmp_path)
    monkeypatch.setattr(litreview, "__version__", litreview.__version__ + ".post1")
    _, plugin = build_with(review, tmp_path)
    assert plugin.reused_pages == frozenset()
    _, plugin = build_with(review, tmp_path)
    assert plugin.reused_pages == source_pages(review)


def test_a_settings_change_invalidates_every_page(tmp_path):
    review = load_case("site_basic")
    build_with(review, tmp_path)
    yml = tmp_path / "mkdocs.yml"
    _, plugin = build_with(review, tmp_path, NO_NAV + "      checks_page: findings.md\n")
    assert plugin.reused_pages == frozenset()
    assert yml.is_file()


@pytest.mark.parametrize("damage", ["garbage index", "truncated pack", "flipped byte", "foreign index",
                                    "missing pack"])
def test_a_corrupt_cache_is_ignored(tmp_path, damage):
    review = load_case("site_basic")
    first, _ = build_with(review, tmp_path)
    folder = tmp_path / ".litreview-cache" / "site"
    pack = next(folder.glob("pages-*.bin"))
    if damage == "garbage index":
        (folder / INDEX).write_bytes(b"\x00{not json")
    elif damage == "truncated pack":
        pack.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])
    elif damage == "flipped byte":
        data = bytearray(pack.read_bytes())
        for i in range(0, len(data), 997):
            data[i] ^= 0x20
        pack.write_bytes(bytes(data))
    elif damage == "foreign index":
        (folder / INDEX).write_text('{"format": 1, "site": "x", "pack": "../../etc/passwd", "pages": {}}')
    else:
        pack.unlink()
    shutil.rmtree(tmp_path / "site")  # the pages must come from the damaged pack, not from site/
    again, plugin = build_with(review, tmp_path)
    # Pages wholly inside what is left of a truncated pack are still good; the rest is rendered again.
    assert plugin.reused_pages < source_pages(review)
    if damage != "truncated pack":
        assert plugin.reused_pages == frozenset()
    assert again == first
    # The build mended the cache: the next one reuses every page.
    _, plugin = build_with(review, tmp_path)
    assert plugin.reused_pages == source_pages(review)


def test_unchanged_pages_stay_in_site_and_a_changed_one_is_written_again(tmp_path):
    review = load_case("site_basic")
    first, _ = build_with(review, tmp_path)
    site = tmp_path / "site"
    holsti, waltz = site / "sources" / "holsti2004taming" / "index.html", site / "sources" / "uscode10"
    inode = os.stat(site / "sources" / "farrell2005world" / "index.html").st_ino
    holsti.write_bytes(holsti.read_bytes().replace(b"<h1", b"<h1 data-tampered"))  # edited by hand in site/
    (waltz / "stray.txt").write_text("left by someone")
    (site / "sources" / "stray").mkdir()
    again, plugin = build_with(review, tmp_path)
    assert plugin.reused_pages == source_pages(review)
    assert again == first  # the tampered page written again, the strays gone
    # An untouched page was left where it was, not removed and written again.
    assert os.stat(site / "sources" / "farrell2005world" / "index.html").st_ino == inode
    assert not (tmp_path / ".litreview-cache" / "site" / "kept").exists()


def test_a_lost_pack_is_mended_from_the_pages_in_site(tmp_path):
    review = load_case("site_basic")
    first, _ = build_with(review, tmp_path)
    folder = tmp_path / ".litreview-cache" / "site"
    next(folder.glob("pages-*.bin")).unlink()
    again, plugin = build_with(review, tmp_path)
    assert plugin.reused_pages == source_pages(review) and again == first
    shutil.rmtree(tmp_path / "site")
    cold_site, plugin = build_with(review, tmp_path)
    assert plugin.reused_pages == source_pages(review) and cold_site == first


def test_a_copied_project_builds_the_same_site(tmp_path):
    review = load_case("site_basic")
    first, _ = build_with(review, tmp_path)
    # The cache and site/ copied to another folder (stamps that no longer describe the pages there).
    other = tmp_path / "elsewhere"
    (other / "docs").mkdir(parents=True)
    shutil.copytree(tmp_path / ".litreview-cache", other / ".litreview-cache")
    shutil.copytree(tmp_path / "site", other / "site")
    page = other / "site" / "sources" / "holsti2004taming" / "index.html"
    page.write_bytes(b"not the page")
    again, _ = build_with(review, other)
    assert again == first


def test_no_cache_on_ci(tmp_path, monkeypatch):
    monkeypatch.delenv("LITREVIEW_NO_CACHE")
    monkeypatch.setenv("CI", "true")
    review = load_case("site_basic")
    build_with(review, tmp_path)
    _, plugin = build_with(review, tmp_path)
    assert plugin.reused_pages == frozenset()
    assert not (tmp_path / ".litreview-cache" / "site").exists()


def test_sources_in_the_navigation_are_not_cached(tmp_path):
    review = load_case("site_basic")
    build_with(review, tmp_path, "")
    _, plugin = build_with(review, tmp_path, "")
    assert plugin.reused_pages == frozenset()


def test_store_round_trip_and_a_second_writer(tmp_path):
    one = SiteCache(tmp_path, "site-a")
    one.put("a.md", one.key("a.md", "1"), b"<p>a</p>", [{"location": "a/", "title": "A", "text": "a"}])
    one.save()
    two, three = SiteCache(tmp_path, "site-a"), SiteCache(tmp_path, "site-a")
    assert two.get("a.md", two.key("a.md", "1")) == b"<p>a</p>"
    assert two.search("a.md") == [{"location": "a/", "title": "A", "text": "a"}]
    assert two.get("a.md", two.key("a.md", "2")) is None
    two.put("b.md", two.key("b.md", "1"), b"<p>b</p>")
    two.save()
    # ``three`` read the cache before ``two`` wrote it: its write is dropped, ``two``'s stands.
    three.put("c.md", three.key("c.md", "1"), b"<p>c</p>")
    three.save()
    four = SiteCache(tmp_path, "site-a")
    assert four.get("b.md", four.key("b.md", "1")) == b"<p>b</p>"
    assert four.get("a.md", four.key("a.md", "1")) == b"<p>a</p>"
    assert four.get("c.md", four.key("c.md", "1")) is None
    assert SiteCache(tmp_path, "site-b").get("a.md", four.key("a.md", "1")) is None
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_store_compacts_its_pack(tmp_path):
    for n in range(6):
        store = SiteCache(tmp_path, "s")
        store.put("a.md", store.key("a.md", str(n)), b"x" * 1000)
        store.save()
    packs = list(tmp_path.glob("pages-*.bin"))
    assert len(packs) == 1 and packs[0].stat().st_size <= 2000


def test_a_rebuild_compiles_no_template_again_and_sees_an_edited_one(tmp_path, monkeypatch):
    import jinja2

    compiled: list[str | None] = []
    real_compile = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        if self.bytecode_cache is not None:  # the build's own environment (the theme compiles a few elsewhere)
            compiled.append(name)
        return real_compile(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    project = tmp_path / "project"
    overrides = project / "overrides"
    overrides.mkdir(parents=True)
    (overrides / "main.html").write_text('{% extends "base.html" %}{% block footer %}first-footer{% endblock %}',
                                         encoding="utf-8")
    options = NO_NAV
    review = load_case("site_basic")
    with_custom = MKDOCS_YML.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    monkeypatch.setattr("test_site_cache.MKDOCS_YML", with_custom)
    first, _ = build_with(review, project, options)
    assert compiled and (project / ".litreview-cache" / "site" / "templates").is_dir()
    compiled.clear()
    again, _ = build_with(review, project, options)
    assert compiled == [] and again == first
    (overrides / "main.html").write_text('{% extends "base.html" %}{% block footer %}second-footer{% endblock %}',
                                         encoding="utf-8")
    edited, _ = build_with(review, project, options)
    assert compiled == ["main.html"]
    assert b"second-footer" in edited["index.html"] and b"first-footer" not in edited["index.html"]


def test_a_build_indexes_the_review_once_and_formats_each_entry_once(tmp_path, monkeypatch):
    from litreview.render import citation, index, short_labels, site

    indexed, formatted = [], []
    made, format_reference = index.index_review, citation.format_reference

    def counted(review, root=None, lang=None):
        indexed.append(review)
        return made(review, root, lang)

    def counted_format(source, mark=short_labels.PLAIN, terms=ENGLISH_TERMS):
        formatted.append(source.key)
        return format_reference(source, mark, terms)

    for module in (index, site):
        monkeypatch.setattr(module, "index_review", counted)
    monkeypatch.setattr(citation, "format_reference", counted_format)
    review = load_case("site_basic")
    build_with(review, tmp_path / "project")  # the page cache's keys, the pages and the search entries
    assert len(indexed) == 1
    assert sorted(formatted) == sorted({s.key for s in review.bibliography.sources})


def test_a_rebuild_renders_again_only_the_essay_paragraphs_whose_marks_changed(tmp_path, monkeypatch):
    from litreview.model import Finding, SourceMetadata
    from litreview.render import essay_page

    rendered: list[int] = []
    render = essay_page._paragraph

    def counted(ix, layout, citations, paragraph, here, marks, level=0):
        rendered.append(paragraph.number)
        return render(ix, layout, citations, paragraph, here, marks, level)

    monkeypatch.setattr(essay_page, "_paragraph", counted)
    review = load_case("site_basic")
    project = tmp_path / "project"
    build_with(review, project)
    everything = sorted(rendered)
    assert everything == sorted(p.number for p in review.essay.paragraphs)
    rendered.clear()
    build_with(review, project)
    assert rendered == []
    citing = {review.essay.paragraphs[i].number for i, p in enumerate(review.essay.paragraphs)
              for c in p.claims for lk in review.linkage.links if lk.claim_id == c.id and lk.source_key == "holsti2004taming"}
    assert citing and len(citing) < len(everything)
    # Each edit of what a paragraph shows of an entry (its reference, registry status, worst finding) gives the page
    # a cold build gives; the paragraphs that do not show that entry are not rendered again.
    metadata = dict(review.metadata)
    metadata["holsti2004taming"] = SourceMetadata("holsti2004taming", "not-found")
    finding = Finding("LR101", "error", "Two entries share a DOI.", "Merge them.", key="holsti2004taming")
    for n, edited in enumerate((retitled(review, "holsti2004taming", "Taming the Sovereigns, Revisited"),
                                dataclasses.replace(review, metadata=metadata),
                                dataclasses.replace(review, findings=(*review.findings, finding)))):
        rendered.clear()
        rebuilt, _ = build_with(edited, project)
        assert 0 < len(rendered) < len(everything)
        assert set(rendered) <= citing
        cold, _ = build_with(edited, tmp_path / f"cold{n}", NO_NAV + "      page_cache: false\n")
        assert rebuilt["essay/index.html"] == cold["essay/index.html"]
        build_with(review, project)


def test_litreview_build_without_a_docs_folder_reuses_pages(tmp_path, monkeypatch, capsys):
    """`litreview init` writes no docs/ folder, so `litreview build` builds from a new empty one each time:
    its path must not count as a setting that every page depends on."""
    from litreview.cli import main

    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "essay.md").write_text("Holsti wrote about sovereigns [@holsti2004taming].\n",
                                                encoding="utf-8")
    (tmp_path / "refs" / "bibliography.bib").write_text(
        "@book{holsti2004taming, author={Holsti, K. J.}, title={Taming the Sovereigns}, publisher={CUP},"
        " year={2004}}\n@book{waltz1979theory, author={Waltz, Kenneth}, title={Theory of International"
        " Politics}, publisher={Addison-Wesley}, year={1979}}\n", encoding="utf-8")
    (tmp_path / "litreview.toml").write_text('site_dir = "site"\n', encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.replace("docs_dir: docs\n", "")
                                         .replace("  - litreview\n", "  - litreview:\n" + NO_NAV), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 0
    assert "(0 source pages reused from the cache" in capsys.readouterr().err
    assert main(["build"]) == 0
    assert "(2 source pages reused from the cache" in capsys.readouterr().err
    assert not (tmp_path / "docs").exists()
