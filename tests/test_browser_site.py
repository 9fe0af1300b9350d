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


def _served(review, folder: Path, extra_yml: str = "") -> Iterator[str]:
    server, url = serve(build_site(review, folder, extra_yml=extra_yml))
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

    def open(self, url: str, *, idle: bool = True) -> None:
        """Go to ``url``; wait until the network is quiet too, unless ``idle`` is False (same-template pages)."""
        self.page.goto(url)
        if idle:
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
    assert "Taming the Sovereigns" in card.inner_text() and "names the author" in card.inner_text()
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


def test_a_marks_line_tells_a_suggested_and_a_rejected_link(watch, basic_url):
    # The theme's underline for links (the more specific rule) drew every mark alike: the suggested link's dashes and
    # the rejected one's strike-through did not show.
    watch.open(basic_url + "essay/")
    line = "el => getComputedStyle(el).textDecorationLine + ' ' + getComputedStyle(el).textDecorationStyle"
    assert watch.page.eval_on_selector(".lr-cites--rejected a.lr-cite", line) == "line-through solid"
    assert watch.page.eval_on_selector(".lr-mark--suggested a.lr-cite", line) == "underline dashed"
    assert watch.page.eval_on_selector(".lr-mark--confirmed a.lr-cite", line) == "underline solid"
    watch.page.hover(".lr-cites--rejected a.lr-cite")
    card = watch.page.locator(".lr-cites--rejected .lr-card")
    assert card.is_visible() and "rejected" in card.inner_text()


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
    assert watch.errors == [] and watch.hosts == {"127.0.0.1"}


_CARD_BOX = """a => {
  const card = document.getElementById(a.getAttribute('aria-describedby')).getBoundingClientRect();
  const mark = a.getBoundingClientRect();
  return {left: card.left, right: card.right, top: card.top, bottom: card.bottom, width: card.width,
          markLeft: mark.left, markTop: mark.top, markBottom: mark.bottom,
          clientWidth: document.documentElement.clientWidth, innerHeight: window.innerHeight};
}"""


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)])
def test_cards_stay_inside_the_window(watch, basic_url, size):
    """On focus and on hover, at the right edge of a phone and near the bottom of the window."""
    watch.page.set_viewport_size({"width": size[0], "height": size[1]})
    watch.open(basic_url + "essay/")
    watch.page.locator("#lr-show-topical").check()  # its mark too
    marks = watch.page.locator("a.lr-cite").all()
    assert len(marks) == 4  # the rejected link's mark too
    would_overflow = 0
    for mark in marks:
        mark.evaluate("a => a.focus()")
        box = mark.evaluate(_CARD_BOX)
        assert box["width"] > 0
        would_overflow += box["markLeft"] + box["width"] > box["clientWidth"]
        assert box["left"] >= 0 and box["right"] <= box["clientWidth"], (size, box)
        mark.evaluate("a => a.blur()")
        watch.page.mouse.move(1, size[1] - 1)
        mark.hover()
        box = mark.evaluate(_CARD_BOX)
        assert box["left"] >= 0 and box["right"] <= box["clientWidth"], (size, box)
        watch.page.mouse.move(1, size[1] - 1)
    if size[0] < 500:
        assert would_overflow, "no mark near the right edge: the test would pass without the fix"
    # A mark on the last line of the window: its card opens above it, not below the fold.
    mark = marks[-1]
    watch.page.evaluate("window.scrollTo(0, 0)")
    bottom = mark.evaluate("a => a.getBoundingClientRect().bottom + window.scrollY")
    watch.page.set_viewport_size({"width": size[0], "height": round(bottom) + 12})
    watch.page.evaluate("window.scrollTo(0, 0)")
    mark.hover()
    box = mark.evaluate(_CARD_BOX)
    assert box["markBottom"] <= box["innerHeight"] and box["markBottom"] > box["innerHeight"] - 40, box
    assert box["top"] >= 0 and box["bottom"] <= box["innerHeight"], box
    assert box["bottom"] <= box["markTop"] + 1, box
    assert watch.errors == []


def test_home_figures_lead_to_the_findings_of_each_severity(watch, basic_url):
    watch.open(basic_url)
    watch.page.get_by_role("link", name="1 warning: see it on the checks page").click()
    watch.page.wait_for_load_state("networkidle")
    assert watch.page.url == basic_url + "checks/#warnings"
    target = watch.page.evaluate("(() => { const t = document.querySelector(':target'); "
                                 "return [t.tagName, t.textContent.replace('¶', '').trim()]; })()")
    assert target == ["H2", "Warnings"]
    assert watch.page.locator("#warnings").is_visible()
    assert watch.errors == []


def test_pages_fit_a_phone(watch, basic_url):
    """At 390 px no page scrolls sideways; the map keeps its size (readable labels) in its own scroller."""
    watch.page.set_viewport_size({"width": 390, "height": 844})
    for path in ("", "essay/", "bibliography/", "checks/", "map/", "downloads/", "about/",
                 "sources/holsti2004taming/", "sources/uscode10/"):
        watch.open(basic_url + path, idle=False)
        widths = watch.page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], (path, widths)
    # The map drawn for phones: the whole of it on screen, labels at a readable size, nothing to scroll.
    watch.open(basic_url + "map/", idle=False)
    assert not watch.page.locator(".lr-map--wide").is_visible()
    assert not watch.page.get_by_text("scroll it sideways to see the sources").is_visible()
    box = watch.page.evaluate("(() => { const m = document.querySelector('.lr-map--narrow'); "
                              "const s = m.querySelector('svg'); const r = s.getBoundingClientRect(); "
                              "return [m.scrollWidth <= m.clientWidth, r.left >= 0, r.right <= innerWidth, "
                              "parseFloat(getComputedStyle(s.querySelector('text')).fontSize) * r.width "
                              "/ Number(s.getAttribute('width'))]; })()")
    assert box[:3] == [True, True, True] and box[3] >= 12, box
    assert watch.errors == [] and watch.hosts == {"127.0.0.1"}


def test_links_make_sense_and_cards_are_described(watch, basic_url):
    watch.open(basic_url + "essay/")
    names = watch.page.eval_on_selector_all(
        ".md-content a", "els => els.map(a => (a.getAttribute('aria-label') || a.textContent).trim())")
    assert names and all(names), names
    assert not [n for n in names if n.lower() in ("here", "click here", "link", "more")]
    described = watch.page.eval_on_selector_all(
        "a.lr-cite", "els => els.map(a => document.getElementById(a.getAttribute('aria-describedby'))"
                     "?.className)")
    assert described == ["lr-card"] * 4  # the rejected link's mark is described too


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
        for mark in watch.page.locator("a.lr-cite:visible, a.lr-node:visible").all()[:20]:
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
    # The click starts the navigation; wait for the essay's own load, not the source page's.
    watch.page.wait_for_url(f"**/essay/#{claim_id}")
    watch.page.wait_for_load_state("load")
    assert watch.page.url.endswith(f"essay/#{claim_id}")
    assert watch.page.evaluate("document.querySelector(':target').id") == claim_id
    assert watch.errors == [] and watch.hosts == {"127.0.0.1"}


def test_project_pages_load_offline_without_errors(watch, project_url):
    """Every page kind of the real site, each source page too: no error, no request off this machine."""
    watch.open(project_url + "bibliography/")
    sources = watch.page.eval_on_selector_all("a.lr-srclink", "els => els.map(a => a.href)")
    assert len(sources) == 24
    watch.page.get_by_label("Filter sources:").fill("wendt")
    watch.page.get_by_role("button", name="Sort by Year").click()
    for path in ("", "essay/", "checks/", "map/", "downloads/", "about/", "sources/holsti2004taming/"):
        watch.open(project_url + path)
    for url in sources:
        watch.open(url, idle=False)  # the same template as the source page above
        assert watch.page.locator("h2#bibtex").count() == 1
    assert watch.errors == []
    assert watch.hosts == {"127.0.0.1"}


#: Page kinds photographed for a person to look at: name, path, viewport width.
SHOTS = [("home", "", 1280), ("checks", "checks/", 1280), ("map", "map/", 1280), ("downloads", "downloads/", 1280),
         ("about", "about/", 1280), ("source-book", "sources/holsti2004taming/", 1280),
         ("source-web", "sources/rossignol2003joint/", 1280), ("phone-essay", "essay/", 390),
         ("phone-source", "sources/rossignol2003joint/", 390)]


def test_project_screenshots(watch, project_url):
    """Screenshots of every page kind of the real site (test-artifacts/pages/), for a person to look at."""
    folder = ARTIFACTS / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    watch.open(project_url + "essay/")
    mark = watch.page.locator(".lr-cites:not(.lr-cites--topical) a.lr-cite").first
    mark.focus()
    card = watch.page.locator("#" + mark.get_attribute("aria-describedby"))
    assert card.is_visible()
    watch.page.screenshot(path=str(ARTIFACTS / "essay-page.png"))
    # Before the full-page shot: after one, headless Chromium may paint a stale patch into the next.
    watch.page.locator(".lr-notes").nth(1).scroll_into_view_if_needed()
    watch.page.screenshot(path=str(folder / "essay-findings.png"))
    watch.page.screenshot(path=str(ARTIFACTS / "essay-page-full.png"), full_page=True, timeout=120_000)
    href = mark.get_attribute("href")
    watch.open(project_url + "essay/" + href)
    watch.page.screenshot(path=str(ARTIFACTS / "source-page.png"), full_page=True)
    assert (ARTIFACTS / "source-page.png").stat().st_size > 10_000
    watch.open(project_url + "bibliography/")
    watch.page.get_by_label("Filter sources:").fill("wendt")
    watch.page.get_by_role("button", name="Sort by Year").click()
    watch.page.screenshot(path=str(folder / "bibliography-filtered.png"), full_page=True)
    for name, path, width in SHOTS:
        watch.page.set_viewport_size({"width": width, "height": 900 if width > 500 else 844})
        watch.open(project_url + path, idle=False)
        watch.page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
        assert (folder / f"{name}.png").stat().st_size > 10_000, name
    assert watch.errors == []


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str, *, until, timeout: float = 30.0) -> str:
    """The page at ``url`` once ``until(text)`` holds (polling while the server starts or rebuilds)."""
    import time
    import urllib.request

    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                text = answer.read().decode("utf-8")
            if until(text):
                return text
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url}: not served as expected within {timeout:.0f} s; last answer {text[:200]!r}")


def test_plain_mkdocs_serve_serves_the_essay_and_rebuilds_on_edits(watch, tmp_path):
    """``mkdocs serve`` (not litreview's wrapper) in a copy of the project: the essay, then an edit to refs/."""
    import os
    import shutil
    import subprocess
    import sys

    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("refs", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/essay/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _fetch(url, until=lambda text: 'class="lr-cite"' in text)
        watch.open(url, idle=False)  # never idle: the live-reload script keeps a request open
        assert watch.page.locator("h1").inner_text() == "The essay"
        assert watch.page.locator("#p1-s2").is_visible()
        assert watch.page.locator("a.lr-cite").count() > 10
        assert watch.errors == [] and watch.hosts == {"127.0.0.1"}
        watch.page.goto("about:blank")  # end the live-reload poll before the server goes
        essay = tmp_path / "refs" / "essay.md"
        essay.write_text(essay.read_text(encoding="utf-8").replace(
            "The pursuit of security", "The steady pursuit of security", 1), encoding="utf-8")
        _fetch(url, until=lambda text: "The steady pursuit of security" in text)
    finally:
        server.terminate()
        try:
            _, err = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert b"Traceback" not in err, err.decode("utf-8", "replace")[-2000:]
