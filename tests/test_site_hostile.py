"""Hostile metadata (tests/cases/site_hostile/) never becomes markup, script or an unsafe link.

Every title, author, note, abstract, URL, key, finding and claim in that case tries to
run script; the pages are parsed as HTML and searched for anything active.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_site_cases import build_site, load_case

from litreview.render.layout import Layout
from litreview.render.site import render_site

ACTIVE_TAGS = {"script", "iframe", "object", "embed", "img", "svg-onload", "style", "base", "form", "meta"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster", "background"}
SAFE_URL = re.compile(r"^(?:https?://|#|\.{0,2}/|[A-Za-z0-9_~.%-]+(?:/|$|#|\.))")


class Audit(HTMLParser):
    """Collects everything in a page that could run script or leave the page unsafely."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in URL_ATTRS and value is not None:
                self.urls.append(value)

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def audit(html: str) -> Audit:
    parser = Audit()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    site = render_site(load_case("site_hostile"), Layout())
    return {path: text for path, text in site.items() if path.endswith(".md")}


def test_generated_pages_hold_no_active_markup(pages):
    for path, content in pages.items():
        found = audit(content)
        assert not (set(found.tags) & ACTIVE_TAGS), (path, set(found.tags) & ACTIVE_TAGS)
        assert not found.handlers, (path, found.handlers)
        bad = [u for u in found.urls if not SAFE_URL.match(u)]
        assert not bad, (path, bad)
        assert not any("pwned" in u for u in found.urls), path


def test_front_matter_titles_are_escaped(pages):
    for path, content in pages.items():
        title = content.split("\n", 2)[1]
        assert "<" not in title and ">" not in title, (path, title)


def test_hostile_key_gets_an_encoded_page_path(pages):
    assert "sources/evil~3cscript~3e.md" in pages
    assert all(re.fullmatch(r"[a-z0-9_~.-]+(/[a-z0-9_~.-]+)*\.md", p) for p in pages)


def test_unsafe_urls_are_shown_as_text_not_links(pages):
    page = pages["sources/ok2019plain.md"]
    assert "JaVaScRiPt:window.__pwned=10" in page
    assert "not linked: only http and https addresses become links" in page
    data = pages["sources/data2021uri.md"]
    assert "archived copy" not in data  # the data: archive URL is refused
    assert "Safe text" in data and "window.__pwned=23" not in data  # abstract script removed with its content


def test_built_site_runs_no_injected_script(tmp_path):
    site = build_site(load_case("site_hostile"), tmp_path)
    pages = list(site.rglob("*.html"))
    assert len(pages) > 8
    for page in pages:
        found = audit(page.read_text(encoding="utf-8"))
        assert not found.handlers, (page, found.handlers)
        assert not any("pwned" in s for s in found.scripts), page
        assert not any("pwned" in u or u.lower().lstrip().startswith(("javascript:", "data:"))
                       for u in found.urls), page
        assert "iframe" not in found.tags and "img" not in found.tags, page


def test_search_index_has_no_raw_markup(tmp_path):
    site = build_site(load_case("site_hostile"), tmp_path)
    index = (Path(site) / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script" not in index and "<img" not in index and "<iframe" not in index
