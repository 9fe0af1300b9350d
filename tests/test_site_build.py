"""The MkDocs plugin end to end: strict builds, navigation, page paths, errors, live-reload watches.

Builds use the hand-built review of tests/cases/site_basic/ injected into the real
plugin, so they need MkDocs and Material but not the linking or checks stages.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from test_site_cases import MKDOCS_YML, build_site, load_case

from litreview.bibliography.load import parse_bibliography
from litreview.errors import InputError
from litreview.model import Review


def _hrefs(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"]+)"', html)


def broken_links(site: Path) -> list[tuple[str, str]]:
    """Relative links in the built site that point at no file (or at a missing #anchor)."""
    broken = []
    ids: dict[Path, set[str]] = {}
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # absolute links by design (no site_url in tests)
            continue
        html = page.read_text(encoding="utf-8")
        for href in _hrefs(html):
            parts = urlsplit(href.replace("&amp;", "&"))
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:")):
                continue
            target = page.parent / unquote(parts.path) if parts.path else page
            target = Path(posixpath.normpath(str(target)))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((str(page.relative_to(site)), href))
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(re.findall(r'id="([^"]+)"', target.read_text(encoding="utf-8")))
                if unquote(parts.fragment) not in ids[target]:
                    broken.append((str(page.relative_to(site)), href))
    return broken


@pytest.fixture(scope="module")
def basic_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("basic")
    (folder / "docs").mkdir()
    (folder / "docs" / "about.md").write_text("# About\n\nHow to read the review.\n", encoding="utf-8")
    return build_site(load_case("site_basic"), folder)


def test_strict_build_writes_every_page(basic_site):
    for path in ("index.html", "essay/index.html", "bibliography/index.html", "checks/index.html",
                 "map/index.html", "downloads/index.html", "sources/holsti2004taming/index.html",
                 "sources/_paul2004~3a_order/index.html", "downloads/links.json", "downloads/findings.sarif",
                 "assets/litreview/litreview.css", "assets/litreview/litreview.js", "about/index.html"):
        assert (basic_site / path).is_file(), path


def test_every_relative_link_and_anchor_resolves(basic_site):
    assert broken_links(basic_site) == []


def test_assets_are_linked_and_nothing_comes_from_elsewhere(basic_site):
    html = (basic_site / "essay" / "index.html").read_text(encoding="utf-8")
    assert 'href="../assets/litreview/litreview.css"' in html
    assert re.search(r'<script src="../assets/litreview/litreview.js" defer></script>', html)
    external = [u for u in _hrefs(html) if u.startswith(("http:", "https:", "//"))]
    # The only absolute links are the theme's credit and the sources' own DOIs/URLs (not loaded).
    assert all(not u.endswith((".css", ".js", ".woff", ".woff2")) for u in external)
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_navigation_has_a_sources_section_listing_each_source(basic_site):
    html = (basic_site / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<a href="(?!#)[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>',
                        html, re.S)
    # The bibliography opens the section; the sources follow by how they are cited.
    assert titles == ["Home", "Essay", "Bibliography", "Farrell 2005", "Holsti 2004", "Paul and Hall 2004",
                      "“U.S. Code: Title 10” n.d.", "Checks", "Finding codes", "Map", "Downloads", "About"]
    assert re.search(r'<label class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">\s*Sources\s*</span>', html)
    assert 'href="sources/holsti2004taming/"' in html
    page = (basic_site / "sources" / "holsti2004taming" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-nav__link md-nav__link--active"[^>]*>\s*<span class="md-ellipsis">\s*Holsti 2004',
                     page)


def build_with(review: Review, folder: Path, options: str) -> Path:
    """Build like ``build_site`` with litreview plugin options (YAML lines under ``- litreview:``)."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    yml = MKDOCS_YML.replace("  - litreview\n", "  - litreview:\n" + options)
    (folder / "mkdocs.yml").write_text(yml, encoding="utf-8")
    config = load_config(config_file=str(folder / "mkdocs.yml"), strict=True)
    config.plugins["litreview"].load_review = lambda settings: review
    build(config)
    return folder / "site"


def test_navigation_leaves_sources_out_above_the_limit(tmp_path):
    site = build_with(load_case("site_basic"), tmp_path, "      nav_sources: 3\n")
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="sources/' not in html[:html.index('<article')]
    assert not re.search(r'<span class="md-ellipsis">\s*Sources\s*</span>', html)
    assert re.search(r'<span class="md-ellipsis">\s*Bibliography\s*</span>', html)
    assert (site / "sources" / "holsti2004taming" / "index.html").is_file()
    assert broken_links(site) == []


def test_nav_titles_of_sources_are_escaped(tmp_path):
    bib = ("@book{evil, author={<img src=x onerror=alert(1)>, A}, title={T}, year={2000}}\n"
           "@book{bidi, author={{Dir\u202eection\x1b[2J Office}}, title={T}, year={2001}}\n")
    site = build_site(Review(bibliography=parse_bibliography(bib, "refs.bib")), tmp_path)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "<img" not in html and "&lt;img" in html[:html.index('<article')]
    assert "\u202e" not in html and "\x1b" not in html and "Direction Office" in html  # the whole escape sequence left out


def test_page_size_does_not_grow_with_the_number_of_sources(tmp_path):
    def review(n: int) -> Review:
        bib = "\n".join(f"@book{{k{i}, author={{A{i}, B}}, title={{T {i}}}, year={{2000}}}}" for i in range(n))
        return Review(bibliography=parse_bibliography(bib, "refs.bib"))

    # Sources listed in the navigation (60 or fewer) are on every page; 5 and 300 both stay out here.
    small = build_with(review(5), tmp_path / "small", "      nav_sources: 0\n")
    large = build_with(review(300), tmp_path / "large", "      nav_sources: 0\n")
    size = [(site / "checks" / "index.html").stat().st_size for site in (small, large)]
    assert abs(size[1] - size[0]) < 200
    assert len(list((large / "sources").iterdir())) == 300


def test_custom_page_paths_and_flat_urls(tmp_path):
    extra = ("      essay_page: review/essay.md\n      sources_dir: entries\n"
             "use_directory_urls: false\n")
    yml = MKDOCS_YML.replace("  - litreview\n", "  - litreview:\n") + extra
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(yml, encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), strict=True)
    config.plugins["litreview"].load_review = lambda settings: load_case("site_basic")
    build(config)
    site = tmp_path / "site"
    assert (site / "review" / "essay.html").is_file()
    assert (site / "entries" / "holsti2004taming.html").is_file()
    assert broken_links(site) == []


@pytest.mark.parametrize(("option", "value", "problem"), [
    ("essay_page", "../essay.md", "must not contain"),
    ("checks_page", "checks.html", "must end in .md"),
    ("sources_dir", "/abs", "must be a relative path"),
])
def test_bad_page_path_is_a_plugin_error_with_the_config_path(tmp_path, option, value, problem):
    yml = MKDOCS_YML.replace("  - litreview\n", f"  - litreview:\n      {option}: {value!r}\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(yml, encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError) as caught:
        config.plugins.on_config(config)
    assert str(tmp_path / "mkdocs.yml") in str(caught.value)
    assert f"plugins.litreview.{option}" in str(caught.value) and problem in str(caught.value)


def test_a_docs_page_clashing_with_a_generated_one_is_an_error(tmp_path, caplog):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(load_case("site_basic"), tmp_path)
    assert f"{tmp_path / 'docs' / 'index.md'}: clashes with a page litreview generates" in caplog.text


def test_input_errors_become_plugin_errors_with_the_path(tmp_path, caplog):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))

    def fail(settings):
        raise InputError("bibliography not found", path="refs/missing.bib", hint="check the path")

    config.plugins["litreview"].load_review = fail
    with pytest.raises(Abort):
        build(config)
    assert "litreview: refs/missing.bib: bibliography not found" in caplog.text
    assert "hint: check the path" in caplog.text


def test_plugin_options_override_project_settings(tmp_path):
    (tmp_path / "docs").mkdir()
    yml = MKDOCS_YML.replace("  - litreview\n", "  - litreview:\n      bibliography: data/my.bib\n")
    (tmp_path / "mkdocs.yml").write_text(yml, encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins.on_config(config)
    settings = config.plugins["litreview"].settings
    assert settings.path("bibliography") == (tmp_path / "data" / "my.bib").resolve()


@pytest.mark.parametrize(("listed", "essay"), [("[chapters/b.md]", "chapters/b.md"), ("[a.md, chapters/b.md]", "mkdocs.yml")])
def test_the_essay_option_lists_the_files_pandoc_joins(tmp_path, listed, essay):
    # As pandoc takes them (`pandoc a.md chapters/b.md`): one file is that file; several are read as one essay, the
    # config file standing for them, as a settings file's list does.
    (tmp_path / "docs").mkdir()
    (tmp_path / "chapters").mkdir()
    (tmp_path / "a.md").write_text("# A\n\nFirst [@a].\n", encoding="utf-8")
    (tmp_path / "chapters" / "b.md").write_text("# B\n\nThen [@b].\n", encoding="utf-8")
    yml = MKDOCS_YML.replace("  - litreview\n", f"  - litreview:\n      essay: {listed}\n")
    (tmp_path / "mkdocs.yml").write_text(yml, encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins.on_config(config)
    settings = config.plugins["litreview"].settings
    assert settings.path("essay") == (tmp_path / essay).resolve()
    from litreview.essay import load_essay

    claims = load_essay(settings.path("essay")).claims
    assert [(Path(c.file or essay).name, [x.key for x in c.citations]) for c in claims if c.citations] == (
        [("a.md", ["a"])] if essay == "mkdocs.yml" else []) + [("b.md", ["b"])]


@pytest.mark.parametrize("listed", ["[a.md, refs.bib]", "[]"])
def test_a_bad_essay_list_in_the_plugin_options_says_what_to_write(tmp_path, listed):
    (tmp_path / "docs").mkdir()
    yml = MKDOCS_YML.replace("  - litreview\n", f"  - litreview:\n      essay: {listed}\n")
    (tmp_path / "mkdocs.yml").write_text(yml, encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError, match=r"plugins\.litreview\.essay") as caught:
        config.plugins.on_config(config)
    assert "in the order pandoc joins them" in str(caught.value)


def test_serve_watches_the_review_inputs(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "refs" / "metadata").mkdir(parents=True)
    (tmp_path / "refs" / "bibliography.bib").write_text("", encoding="utf-8")
    (tmp_path / "refs" / "essay.md").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.litreview]\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins.on_config(config)

    class Server:
        def __init__(self):
            self.watched: list[str] = []

        def watch(self, path):
            self.watched.append(path)

    server = config.plugins["litreview"].on_serve(Server(), config=config, builder=None)
    assert sorted(server.watched) == sorted(str(tmp_path / "refs" / name)
                                            for name in ("essay.md", "bibliography.bib", "metadata"))



def test_serve_watches_the_bibliography_the_essay_names(tmp_path):
    """With the bibliography left out of the settings, the files the essay names are what the site is built
    from: an edit to them must rebuild the preview too, as does one to a Quarto file's include."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "paper.qmd").write_text("---\nbibliography: [paper.bib]\n---\n\nHan flies alone [@solo2001].\n\n"
                                        "{{< include _more.qmd >}}\n", encoding="utf-8")
    (tmp_path / "_more.qmd").write_text("More text.\n", encoding="utf-8")
    (tmp_path / "paper.bib").write_text("@book{solo2001, author={Solo, Han}, title={Alone}, publisher={P}, "
                                        "year={2001}}\n", encoding="utf-8")
    (tmp_path / "litreview.toml").write_text('essay = "paper.qmd"\n', encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)

    class Server:
        def __init__(self):
            self.watched: list[str] = []

        def watch(self, path):
            self.watched.append(path)

    watched = {Path(p).resolve() for p in config.plugins["litreview"].on_serve(Server(), config=config,
                                                                               builder=None).watched}
    assert {(tmp_path / name).resolve() for name in ("paper.qmd", "paper.bib", "_more.qmd")} <= watched


ROOT = Path(__file__).resolve().parents[1]


def _project(folder: Path, *, bib: str | None = "@book{holsti2004taming, author={Holsti, K. J.}, "
             "title={Taming the Sovereigns}, publisher={CUP}, year={2004}}\n") -> Path:
    (folder / "refs").mkdir(parents=True)
    (folder / "docs").mkdir()
    (folder / "refs" / "essay.md").write_text("K.J. Holsti wrote about sovereigns. Nothing else here.\n",
                                              encoding="utf-8")
    if bib is not None:
        (folder / "refs" / "bibliography.bib").write_text(bib, encoding="utf-8")
    (folder / "pyproject.toml").write_text('[tool.litreview]\nsite_dir = "site"\n', encoding="utf-8")
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return folder


def raw_markdown(site: Path) -> list[tuple[str, str]]:
    """Backticks a reader would see as such: in page text outside <pre>, <code> and scripts."""
    found = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        html = re.sub(r"<(pre|code|script)\b.*?</\1>", "", html, flags=re.DOTALL)
        text = re.sub(r"<[^>]+>", "", html)
        found += [(page.relative_to(site).as_posix(), text[max(0, m.start() - 40):m.end() + 40])
                  for m in re.finditer("`", text)]
    return found


@pytest.mark.slow
def test_litreview_build_of_the_project_itself(tmp_path, monkeypatch, capsys):
    from litreview.cli import main

    monkeypatch.chdir(ROOT)
    assert main(["build", "--site-dir", str(tmp_path / "site")]) == 0
    site = tmp_path / "site"
    assert len(list((site / "sources").iterdir())) == 24
    assert broken_links(site) == []
    assert raw_markdown(site) == []
    err = capsys.readouterr().err
    assert "WARNING" not in err and "Material for MkDocs" not in err
    # The checks page shows what `litreview check` reports: same codes, same severities.
    assert main(["check", "--format", "json"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    page = (site / "checks" / "index.html").read_text(encoding="utf-8")
    for severity in ("error", "warning", "info"):
        expected = sum(f["severity"] == severity for f in report["findings"])
        assert page.count(f'class="lr-finding lr-finding--{severity}"') == expected, severity


def test_litreview_build_of_a_small_project(tmp_path, monkeypatch, capsys):
    from litreview.cli import main

    monkeypatch.chdir(_project(tmp_path))
    assert main(["build"]) == 0
    assert (tmp_path / "site" / "sources" / "holsti2004taming" / "index.html").is_file()
    # MkDocs's log names the site's folder, not the hidden one it is built in before it is swapped in.
    err = capsys.readouterr().err
    assert f"Building documentation to directory: {tmp_path / 'site'}\n" in err
    assert ".building-" not in err


def test_build_without_mkdocs_yml_is_exit_2(tmp_path, monkeypatch, capsys):
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    # named as the user would type it from the folder it runs in, not as an absolute path
    assert "error: mkdocs.yml: MkDocs configuration not found" in err
    assert str(tmp_path) not in err
    assert "litreview init paper.md" in err  # a first build in a folder never set up says how to set it up


def test_build_refuses_a_site_dir_holding_the_project(tmp_path, monkeypatch, capsys):
    from litreview.cli import main

    monkeypatch.chdir(_project(tmp_path))
    assert main(["build", "--site-dir", str(tmp_path)]) == 2
    assert "MkDocs empties it first" in capsys.readouterr().err
    assert (tmp_path / "refs" / "essay.md").exists()


@pytest.mark.parametrize(("site", "says"), [
    ("refs/essay.md", "the site folder is a file"),
    ("refs", "the site folder holds "),
    ("notes", "the site folder holds files but no built site"),
])
def test_build_refuses_a_site_dir_it_would_destroy(tmp_path, monkeypatch, capsys, site, says):
    from litreview.cli import main

    monkeypatch.chdir(_project(tmp_path))
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(f'[tool.litreview]\nsite_dir = "{site}"\n', encoding="utf-8")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert main(["build"]) == 2
    assert says in capsys.readouterr().err
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_build_with_a_mkdocs_yml_nested_thousands_deep_is_exit_2_with_the_path(tmp_path, monkeypatch, capsys):
    from litreview.cli import main

    monkeypatch.chdir(_project(tmp_path))
    with (tmp_path / "mkdocs.yml").open("a", encoding="utf-8") as handle:
        handle.write("extra: " + "[" * 5000 + "]" * 5000 + "\n")
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert "error: mkdocs.yml: invalid MkDocs configuration: it nests" in err and "report" not in err


def test_build_with_a_missing_bibliography_is_exit_2_with_the_path(tmp_path, monkeypatch, capsys):
    from litreview.cli import main

    monkeypatch.chdir(_project(tmp_path, bib=None))
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path / "refs" / "bibliography.bib") in err and "bibliography not found" in err
    assert "Traceback" not in err


def test_strict_build_with_a_warning_is_exit_1_and_no_strict_passes(tmp_path, monkeypatch, capsys):
    from litreview.cli import main

    monkeypatch.chdir(_project(tmp_path))
    (tmp_path / "docs" / "about.md").write_text("# About\n\nSee [the missing page](missing.md).\n", encoding="utf-8")
    assert main(["build"]) == 1
    assert "Aborted with 1 warnings in strict mode" in capsys.readouterr().err
    assert main(["build", "--no-strict"]) == 0


def test_bad_mkdocs_yml_is_exit_2(tmp_path, monkeypatch, capsys):
    from litreview.cli import main

    monkeypatch.chdir(_project(tmp_path))
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme: {name: no-such-theme}\n", encoding="utf-8")
    assert main(["build"]) == 2
    assert "invalid MkDocs configuration" in capsys.readouterr().err


@pytest.mark.slow
def test_serve_rebuilds_when_the_bibliography_changes(tmp_path):
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    project = _project(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/bibliography/"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                return answer.read().decode("utf-8")
        except OSError:
            return ""

    def wait_for(text: str) -> bool:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if text in fetch():
                return True
            time.sleep(0.3)
        return False

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "litreview", "build", "--serve", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for("Taming the Sovereigns")
        bib = project / "refs" / "bibliography.bib"
        bib.write_text(bib.read_text(encoding="utf-8").replace("Taming the Sovereigns", "Tamed Again"),
                       encoding="utf-8")
        assert wait_for("Tamed Again")
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_hand_written_pages_may_link_to_claim_anchors(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n\nSee [the first claim](essay.md#p1-s1).\n",
                                                encoding="utf-8")
    site = build_site(load_case("site_basic"), tmp_path, extra_yml="validation:\n  anchors: warn\n")
    assert 'href="../essay/#p1-s1"' in (site / "about" / "index.html").read_text(encoding="utf-8")


def test_a_link_to_a_missing_claim_anchor_fails_the_strict_build(tmp_path, caplog):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n\nSee [a claim](essay.md#p9-s9).\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(load_case("site_basic"), tmp_path, extra_yml="validation:\n  anchors: warn\n")
    assert "p9-s9" in caplog.text


def test_build_takes_input_paths_like_every_command(tmp_path, monkeypatch):
    from litreview.cli import main

    other = tmp_path / "other.bib"
    other.write_text("@book{solo2020only,\n  author = {Solo, Han},\n  title = {Only Entry},\n"
                     "  publisher = {P},\n  year = {2020},\n}\n", encoding="utf-8")
    monkeypatch.chdir(ROOT)
    site = tmp_path / "site"
    assert main(["build", "--no-strict", "--site-dir", str(site), "--bib", str(other), "--essay", ""]) == 0
    assert sorted(p.name for p in (site / "sources").iterdir()) == ["solo2020only"]
    assert "LITREVIEW_BIB" not in os.environ


def test_a_killed_builds_leftovers_beside_the_site_are_removed(tmp_path, monkeypatch):
    from litreview.cli import main

    monkeypatch.chdir(_project(tmp_path))
    old = tmp_path / ".site.old-abc123" / "site"  # a build stopped while removing the site it replaced
    old.mkdir(parents=True)
    (old / "index.html").write_text("old", encoding="utf-8")
    stale = tmp_path / ".site.building-def456"  # a build killed (SIGKILL) long ago
    (stale / "sources").mkdir(parents=True)
    os.utime(stale, (time.time() - 2 * 3600,) * 2)
    running = tmp_path / ".site.building-ghi789"  # another build, running now
    running.mkdir()
    assert main(["build"]) == 0
    assert (tmp_path / "site" / "index.html").is_file()
    assert not old.parent.exists() and not stale.exists()
    assert running.is_dir()


def test_the_swap_and_its_clean_up_hold_back_ctrl_c():
    import signal
    import threading

    from litreview.fileio import signals_deferred

    if not hasattr(signal, "pthread_sigmask"):
        pytest.skip("signal masks are POSIX")
    seen = []
    # Python's own Ctrl-C handler, whatever the runner set (a shell's background job ignores SIGINT)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt), signals_deferred():  # delivered as the block ends, not in its middle
            # to this thread: a process-wide signal goes to any thread not holding it back (earlier tests may
            # leave threads running), and the block holds it back in its own thread, as `build` runs
            signal.pthread_kill(threading.get_ident(), signal.SIGINT)
            time.sleep(0.05)
            seen.append("the block ran to its end")
    finally:
        signal.signal(signal.SIGINT, before)
    assert seen == ["the block ran to its end"]


def test_ctrl_c_that_the_system_hands_to_another_thread_is_held_too():
    import signal
    import threading

    from litreview.fileio import signals_deferred

    if not hasattr(signal, "pthread_kill"):
        pytest.skip("signals to one thread are POSIX")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)  # a thread that holds back nothing
    other.start()
    seen = []
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt), signals_deferred():
            signal.pthread_kill(other.ident, signal.SIGINT)
            time.sleep(0.05)
            seen.append("the block ran to its end")
    finally:
        signal.signal(signal.SIGINT, before)
        stop.set()
        other.join()
    assert seen == ["the block ran to its end"]


def test_sigterm_reaches_its_handler_once_after_the_block():
    import signal
    import threading

    from litreview.fileio import signals_deferred

    if not hasattr(signal, "pthread_kill"):
        pytest.skip("signals to one thread are POSIX")
    events = []
    before = signal.signal(signal.SIGTERM, lambda signum, frame: events.append("handled"))
    try:
        with signals_deferred():
            signal.pthread_kill(threading.get_ident(), signal.SIGTERM)
            signal.pthread_kill(threading.get_ident(), signal.SIGTERM)
            time.sleep(0.05)
            events.append("block ended")
    finally:
        signal.signal(signal.SIGTERM, before)
    assert events == ["block ended", "handled"]


def test_a_site_folder_that_cannot_be_made_is_an_error_naming_it(tmp_path, monkeypatch, capsys):
    from litreview.cli import main

    monkeypatch.chdir(_project(tmp_path))
    (tmp_path / "out").write_text("a file, not a folder", encoding="utf-8")
    assert main(["build", "--site-dir", "out/site"]) == 2
    err = capsys.readouterr().err
    assert "out/site: cannot build the site here" in err and "hint: choose a folder you can write to" in err
    assert "unexpected" not in err


def test_a_site_folder_that_cannot_be_replaced_keeps_the_previous_site(tmp_path, monkeypatch, capsys):
    import errno

    from litreview.cli import main
    from litreview.commands import build as build_command

    monkeypatch.chdir(_project(tmp_path))
    assert main(["build"]) == 0
    before = (tmp_path / "site" / "index.html").read_bytes()
    real_replace = os.replace

    def busy(src, dst):  # the site folder is a mount point: it cannot be renamed
        if Path(src) == tmp_path / "site":
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(src))
        real_replace(src, dst)

    monkeypatch.setattr(build_command.os, "replace", busy)
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert "site: cannot move the built site into place" in err and "the previous site is kept" in err
    assert "unexpected" not in err
    assert (tmp_path / "site" / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


@pytest.mark.parametrize(("plugins", "line", "says"), [
    ("  - litreview:\n      nav_source: 0\n", 4, "'nav_source'\n  hint: did you mean 'nav_sources'? known options: essay,"),
    ("  litreview: {chekcs: false}\n", 3, "'chekcs'\n  hint: did you mean 'checks'?"),
    ("  - search\n  - litreview: {colour: red}\n", 4, "'colour'\n  hint: known options: essay,"),
])
def test_a_mistyped_plugin_option_is_named_at_its_line(tmp_path, monkeypatch, capsys, plugins, line, says):
    # MkDocs' own stop named mkdocs.yml alone ("invalid MkDocs configuration"), with no line and no fix.
    from litreview.cli import main

    monkeypatch.chdir(_project(tmp_path))
    (tmp_path / "mkdocs.yml").write_text(f"site_name: x\nplugins:\n{plugins}", encoding="utf-8")
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert f"error: mkdocs.yml:{line}: the litreview plugin has no option {says}" in err


@pytest.mark.parametrize("file", [False, True])
def test_an_essay_list_the_config_file_does_not_hold_is_an_error_naming_the_option(tmp_path, monkeypatch, file):
    # The readers take a list of several files from the config file's text: a config built in memory (no file), or
    # one given the list in place of its file's, would have read the first file alone.
    (tmp_path / "docs").mkdir()
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(f"# {name}\n\nText [@{name[0]}].\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    options = {"plugins": [{"litreview": {"essay": ["a.md", "b.md"]}}]}
    if file:
        config = load_config(config_file=str(tmp_path / "mkdocs.yml"), **options)
    else:
        from mkdocs.config.defaults import MkDocsConfig

        config = MkDocsConfig(config_file_path=None)
        config.load_dict({"site_name": "Review", "docs_dir": str(tmp_path / "docs"), **options})
        errors, _ = config.validate()
        assert not errors
    with pytest.raises(PluginError, match=r"plugins\.litreview\.essay lists several files") as caught:
        config.plugins.on_config(config)
    assert ("mkdocs.yml does not list them" if file else "this MkDocs config has no file") in str(caught.value)
    assert "litreview.toml" in str(caught.value)
    assert not str(caught.value).startswith("None")
