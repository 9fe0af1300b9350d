"""The built site in headless Chromium: citations, backlinks, cards, no script from hostile data, offline.

Runs Debian's /usr/bin/chromium through Playwright (no downloaded browser). Screenshots
of the essay and of a source page go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_site_cases import build_site, load_case

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium; .ci/run installs it)"),
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _served(review, folder: Path) -> Iterator[str]:
    server, url = serve(build_site(review, folder))
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def basic_url(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("basic")
    (folder / "docs").mkdir()
    (folder / "docs" / "about.md").write_text("# How to read this review\n\nA page of our own.\n", encoding="utf-8")
    yield from _served(load_case("site_basic"), folder)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory) -> Iterator[str]:
    yield from _served(load_case("site_hostile"), tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def project_url(tmp_path_factory) -> Iterator[str]:
    """The project's own review (refs/ through build_review) built with its mkdocs.yml."""
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site = tmp_path_factory.mktemp("project") / "site"
    build(load_config(config_file=str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(site)))
    server, url = serve(site)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


class Watch:
    """A page with every request host, console error, page error and dialog recorded."""

    def __init__(self, browser) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.hosts: set[str] = set()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.hosts.add(urlsplit(r.url).hostname or r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")


@pytest.fixture
def watch(browser) -> Iterator[Watch]:
    w = Watch(browser)
    yield w
    w.page.close()


def test_citation_leads_to_source_and_backlink_returns_to_the_claim(watch, basic_url):
    watch.open(basic_url + "essay/")
    watch.page.locator("#p1-s1 + .lr-cites a.lr-cite").first.click()
    watch.page.wait_for_load_state("networkidle")
    assert watch.page.url == basic_url + "sources/holsti2004taming/"
    assert watch.page.locator("h1").inner_text() == "Taming the Sovereigns: Institutional Change in International Politics"
    watch.page.get_by_role("link", name="Claim p1-s1 in the essay (paragraph 1, sentence 1)").click()
    watch.page.wait_for_load_state("networkidle")
    assert watch.page.url == basic_url + "essay/#p1-s1"
    assert watch.page.evaluate("document.querySelector(':target').id") == "p1-s1"
    assert watch.page.locator("#p1-s1").is_visible()
    assert watch.errors == [] and watch.hosts == {"127.0.0.1"}


def test_card_shows_on_keyboard_focus_and_escape_hides_it(watch, basic_url):
    watch.open(basic_url + "essay/")
    card = watch.page.locator("#card-p1-s1-1")
    assert not card.is_visible()
    for _ in range(80):
        watch.page.keyboard.press("Tab")
        if watch.page.evaluate("document.activeElement.classList.contains('lr-cite')"):
            break
    assert watch.page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "card-p1-s1-1"
    assert card.is_visible()
    assert "Holsti 2004" in card.inner_text() and "names the author" in card.inner_text()
    watch.page.keyboard.press("Escape")
    assert not card.is_visible()
    # The topical suggestion of p1-s2 is hidden, so the next mark is p2-s1's (after paragraph 2's number).
    for _ in range(5):
        watch.page.keyboard.press("Tab")
        if watch.page.evaluate("document.activeElement.classList.contains('lr-cite')"):
            break
    assert watch.page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "card-p2-s1-1"
    assert watch.page.locator("#card-p2-s1-1").is_visible()
    assert watch.errors == []


def test_topical_suggestions_show_on_request(watch, basic_url):
    watch.open(basic_url + "essay/")
    mark = watch.page.locator("#p1-s2 + .lr-cites--topical a.lr-cite")
    assert not mark.is_visible()
    watch.page.get_by_label("Show the 1 topical suggestion too", exact=False).check()
    assert mark.is_visible()
    mark.focus()
    assert watch.page.locator("#card-p1-s2-1").is_visible()
    assert "suggested, not yet reviewed" in watch.page.locator("#card-p1-s2-1").inner_text()


def test_card_shows_on_hover(watch, basic_url):
    watch.open(basic_url + "essay/")
    watch.page.hover("#p2-s1 + .lr-cites a.lr-cite")
    assert watch.page.locator("#card-p2-s1-1").is_visible()


def test_every_page_loads_offline_without_errors(watch, basic_url):
    for path in ("", "essay/", "bibliography/", "checks/", "map/", "downloads/", "about/",
                 "sources/holsti2004taming/", "sources/farrell2005world/", "sources/uscode10/",
                 "sources/_paul2004~3a_order/"):
        watch.open(basic_url + path)
        assert watch.page.locator("h1").count() == 1, path
    watch.page.locator("input.md-search__input").fill("Holsti")
    watch.page.wait_for_timeout(800)
    assert watch.errors == []
    assert watch.hosts == {"127.0.0.1"}


def test_bibliography_filters_and_sorts(watch, basic_url):
    watch.open(basic_url + "bibliography/")
    rows = watch.page.locator(".lr-bib tbody tr")
    assert rows.count() == 4
    watch.page.get_by_label("Filter sources:").fill("farrell")
    assert [r.is_visible() for r in rows.all()].count(True) == 1
    watch.page.get_by_label("Filter sources:").fill("")
    watch.page.get_by_role("button", name="Sort by Year").click()
    years = [t.strip() for t in watch.page.locator(".lr-bib tbody tr td:nth-child(2)").all_inner_texts()]
    assert years == ["n.d.", "2004", "2004", "2005"]
    assert watch.page.locator("th[aria-sort=ascending]").inner_text().strip() == "Year"
    watch.page.get_by_role("button", name="Sort by Confirmed claims").click()
    claims = [t.strip() for t in watch.page.locator(".lr-bib tbody tr td:nth-child(4)").all_inner_texts()]
    assert claims == ["0", "0 (+1 suggested)", "1", "1"]


def test_links_make_sense_and_cards_are_described(watch, basic_url):
    watch.open(basic_url + "essay/")
    names = watch.page.eval_on_selector_all(
        ".md-content a", "els => els.map(a => (a.getAttribute('aria-label') || a.textContent).trim())")
    assert names and all(names), names
    assert not [n for n in names if n.lower() in ("here", "click here", "link", "more")]
    described = watch.page.eval_on_selector_all(
        "a.lr-cite", "els => els.map(a => document.getElementById(a.getAttribute('aria-describedby'))"
                     "?.getAttribute('role'))")
    assert described == ["tooltip"] * 3


def test_screenshots_for_review(watch, basic_url):
    ARTIFACTS.mkdir(exist_ok=True)
    watch.open(basic_url + "essay/")
    watch.page.focus("#p1-s1 + .lr-cites a.lr-cite")
    watch.page.screenshot(path=str(ARTIFACTS / "fixture-essay.png"), full_page=True)
    watch.open(basic_url + "sources/farrell2005world/")
    watch.page.screenshot(path=str(ARTIFACTS / "fixture-source.png"), full_page=True)
    assert (ARTIFACTS / "fixture-essay.png").stat().st_size > 10_000


def test_hostile_metadata_runs_no_script(watch, hostile_url):
    pages = ["", "essay/", "bibliography/", "checks/", "map/", "downloads/",
             "sources/evil~3cscript~3e/", "sources/data2021uri/", "sources/ok2019plain/"]
    for path in pages:
        watch.open(hostile_url + path)
        for mark in watch.page.locator("a.lr-cite, a.lr-node").all()[:20]:
            watch.page.mouse.move(0, 0)  # an open card may cover the next mark
            mark.hover()
            mark.focus()
            watch.page.keyboard.press("Escape")
            mark.evaluate("el => el.blur()")
        assert watch.page.evaluate("typeof window.__pwned") == "undefined", path
    watch.open(hostile_url + "essay/")
    watch.page.locator("input.md-search__input").fill("pwned")
    watch.page.wait_for_timeout(1000)
    for result in watch.page.locator(".md-search-result__link").all()[:10]:
        result.hover()
    assert watch.page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.dialogs == []
    assert watch.hosts == {"127.0.0.1"}
    assert watch.errors == []


def test_project_essay_citation_source_and_back(watch, project_url):
    watch.open(project_url + "essay/")
    mark = watch.page.locator(".lr-cites:not(.lr-cites--topical) a.lr-cite").first
    claim_id = mark.evaluate("a => a.closest('.lr-cites').previousElementSibling.id")
    mark.click()
    watch.page.wait_for_load_state("networkidle")
    assert "/sources/" in watch.page.url
    watch.page.locator(f'a[href$="essay/#{claim_id}"]').first.click()
    watch.page.wait_for_load_state("networkidle")
    assert watch.page.url.endswith(f"essay/#{claim_id}")
    assert watch.page.evaluate("document.querySelector(':target').id") == claim_id
    assert watch.errors == [] and watch.hosts == {"127.0.0.1"}


def test_project_pages_load_offline_without_errors(watch, project_url):
    watch.open(project_url + "bibliography/")
    sources = watch.page.eval_on_selector_all("a.lr-srclink", "els => els.map(a => a.href)")
    assert len(sources) == 24
    for path in ("", "essay/", "checks/", "map/", "downloads/", "about/"):
        watch.open(project_url + path)
    for url in sources:
        watch.open(url)
        assert watch.page.locator("h2#bibtex").count() == 1
    assert watch.errors == []
    assert watch.hosts == {"127.0.0.1"}


def test_project_screenshots(watch, project_url):
    """Screenshots of the real essay (a card open) and a source page, for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    watch.open(project_url + "essay/")
    mark = watch.page.locator(".lr-cites:not(.lr-cites--topical) a.lr-cite").first
    mark.focus()
    card = watch.page.locator("#" + mark.get_attribute("aria-describedby"))
    assert card.is_visible()
    watch.page.screenshot(path=str(ARTIFACTS / "essay-page.png"))
    watch.page.screenshot(path=str(ARTIFACTS / "essay-page-full.png"), full_page=True)
    href = mark.get_attribute("href")
    watch.open(project_url + "essay/" + href)
    watch.page.screenshot(path=str(ARTIFACTS / "source-page.png"), full_page=True)
    assert (ARTIFACTS / "source-page.png").stat().st_size > 10_000
