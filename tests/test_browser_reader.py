"""The review site as a reader tries it in headless Chromium: cards by tap, hover and keyboard,
search that lands on a paragraph, the map's toggle and highlighting, phones, print.

Uses the fixtures of test_browser_site (Debian's chromium through Playwright).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from test_browser_site import (  # noqa: F401 (fixtures)
    CHROMIUM,
    Watch,
    basic_url,
    browser,
    project_url,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium; .ci/run installs it)"),
]

WIDTHS = [(1366, 900), (390, 844)]
PAGES = ["", "essay/", "bibliography/", "checks/", "codes/", "map/", "downloads/", "about/",
         "sources/holsti2004taming/", "sources/rossignol2003joint/"]


@pytest.fixture
def watch(browser) -> Iterator[Watch]:  # noqa: F811
    w = Watch(browser)
    yield w
    w.page.close()


@pytest.fixture
def phone(browser) -> Iterator:  # noqa: F811
    """A touch screen 390 px wide (no hover)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


def test_first_tap_opens_the_card_second_tap_follows_the_link(phone, basic_url):  # noqa: F811
    phone.goto(basic_url + "essay/")
    mark = phone.locator("#p1-s1 + .lr-cites a.lr-cite").first
    card = phone.locator("#card-p1-s1-1")
    assert not card.is_visible()
    mark.tap()
    assert card.is_visible()
    assert phone.url == basic_url + "essay/"
    assert "Taming the Sovereigns" in card.inner_text()
    # A tap elsewhere closes it; tapping the mark twice goes to the source page.
    phone.locator("#p1-s3").tap()
    assert not card.is_visible()
    mark.tap()
    assert card.is_visible()
    mark.tap()
    phone.wait_for_url(basic_url + "sources/holsti2004taming/")


@pytest.mark.parametrize("size", WIDTHS)
def test_card_stays_open_while_the_pointer_moves_onto_it(watch, basic_url, size):  # noqa: F811
    watch.page.set_viewport_size({"width": size[0], "height": size[1]})
    watch.open(basic_url + "essay/")
    mark = watch.page.locator("#p2-s1 + .lr-cites a.lr-cite").first
    card = watch.page.locator("#card-p2-s1-1")
    mark.hover()
    assert card.is_visible()
    start, box = mark.bounding_box(), card.bounding_box()
    # From the middle of the mark straight down into the card, in small steps across any gap.
    x = start["x"] + min(start["width"], box["width"]) / 2
    y0, y1 = start["y"] + start["height"] / 2, box["y"] + min(box["height"], 40) / 2
    watch.page.mouse.move(x, y0)
    watch.page.mouse.move(x, y1, steps=12)
    assert card.is_visible()
    watch.page.wait_for_timeout(600)  # longer than the closing delay
    assert card.is_visible()
    # The reference's link inside the card can be followed (here: Holsti has no DOI; U.S. Code has a URL).
    assert card.locator("a").count() >= 1
    watch.page.mouse.move(1, 1)
    watch.page.wait_for_timeout(600)
    assert not card.is_visible()
    assert watch.errors == []


def test_card_carries_reference_status_and_worst_finding(watch, basic_url):  # noqa: F811
    watch.open(basic_url + "essay/")
    watch.page.locator("#p2-s1 + .lr-cites a.lr-cite").first.focus()
    text = watch.page.locator("#card-p2-s1-1").inner_text()
    assert "“U.s. Code: Title 10 – ARMED FORCES.”" in text  # title-cased as pandoc --citeproc prints it
    assert "https://www.law.cornell.edu/uscode/text/10" in text
    assert "Registry: no DOI" in text
    assert "error LR250 The URL answers 404 Not Found." in text


def test_card_steps_through_the_marks_of_a_source_with_the_keyboard(watch, project_url):  # noqa: F811
    watch.open(project_url + "essay/")
    first = watch.page.locator(".lr-card__step").first
    card = first.locator("xpath=ancestor::span[contains(@class,'lr-card')][1]")
    card_id = card.get_attribute("id")
    cite = watch.page.locator(f'a.lr-cite[aria-describedby="{card_id}"]')
    cite.focus()
    step = watch.page.locator(f"#{card_id} .lr-card__step")
    assert step.is_visible()
    assert step.inner_text().replace("\n", " ").split("‹")[-1].strip().startswith("1 of ")
    total = int(step.inner_text().split(" of ")[1].split()[0])
    assert total >= 2
    # Tab from the mark into its card reaches the "next" arrow; Enter moves to the next mark of the source.
    for _ in range(6):
        watch.page.keyboard.press("Tab")
        if watch.page.evaluate("document.activeElement.classList.contains('lr-card__go')"):
            break
    assert watch.page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("Next claim citing")
    watch.page.keyboard.press("Enter")
    active = watch.page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert active and active != card_id
    new_card = watch.page.locator(f"#{active}")
    assert new_card.is_visible()
    assert f"2 of {total}" in new_card.inner_text()
    claim = active.removeprefix("card-").rsplit("-", 1)[0]
    assert watch.page.url.endswith(f"#{claim}")
    assert watch.errors == []


def search(page, query: str) -> list[str]:
    """Type ``query`` into the search box (again, until the index has loaded); the results' links."""
    box = page.locator("input.md-search__input")
    box.click()
    for _ in range(10):
        # Typed key by key: the theme reads the query on key events (fill() alone is sometimes missed).
        box.fill("")
        box.press_sequentially(query, delay=20)
        page.wait_for_timeout(500)
        if "matching" in page.locator(".md-search-result__meta").inner_text():
            break
    return [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]


def test_search_for_an_author_lands_on_the_paragraph(watch, project_url):  # noqa: F811
    watch.open(project_url + "essay/")
    hrefs = search(watch.page, "Holsti")
    texts = " ".join(watch.page.locator(".md-search-result__link").all_inner_texts())
    # Card text and topical suggestions are not indexed; the essay is indexed per paragraph.
    assert "(suggested link)" not in texts and "Link: " not in texts and "topic: " not in texts
    para = [h for h in hrefs if re.search(r"/essay/(\?h=[^#]*)?#p\d+$", h)]
    assert para, hrefs
    watch.page.locator(f'.md-search-result__link[href="{para[0]}"]').first.click()
    watch.page.wait_for_load_state("networkidle")
    anchor = para[0].split("#", 1)[1]
    assert watch.page.url.split("#", 1)[1] == anchor
    target = watch.page.locator(f"#{anchor}")
    assert "Holsti" in target.inner_text()
    assert target.is_visible() and target.bounding_box()["y"] < 900
    # Search highlighting marks the word on the page it lands on.
    assert watch.page.locator(f"#{anchor} mark[data-md-highlight]").count() >= 1
    assert watch.errors == []


def test_search_finds_a_source_by_doi_and_title(watch, project_url):  # noqa: F811
    watch.open(project_url)
    hrefs = search(watch.page, "Taming the Sovereigns")
    assert any("sources/holsti2004taming/" in h for h in hrefs), hrefs
    hrefs = search(watch.page, "10.1080/09636410500323187")
    assert any("sources/" in h for h in hrefs), hrefs


def test_map_shows_confirmed_links_and_lights_up_a_node(watch, project_url):  # noqa: F811
    watch.open(project_url + "map/")
    suggested = watch.page.locator(".lr-map--wide .lr-edge--suggested")
    confirmed = watch.page.locator(".lr-map--wide .lr-edge--confirmed")
    assert suggested.count() and not suggested.first.is_visible()
    assert confirmed.first.is_visible()
    watch.page.get_by_label("Show the", exact=False).check()
    assert suggested.first.is_visible()
    n = confirmed.first.get_attribute("data-b")
    node = watch.page.locator(f'.lr-map--wide .lr-node[data-n="{n}"]')
    node.hover()
    lit = watch.page.locator(f'.lr-map--wide .lr-edge.lr-hl[data-b="{n}"]')
    assert lit.count() >= 1 and watch.page.locator("svg.lr-graph.lr-focus").count() == 1
    opacity = watch.page.evaluate("getComputedStyle(document.querySelector('.lr-edge:not(.lr-hl)')).opacity")
    assert float(opacity) < 0.5
    # Keyboard focus lights up a claim the same way.
    watch.page.mouse.move(1, 1)
    claim = watch.page.locator(".lr-map--wide .lr-node--claim").first
    claim.focus()
    assert watch.page.locator(f'.lr-map--wide .lr-edge.lr-hl[data-a="{claim.get_attribute("data-n")}"]').count() >= 1
    assert watch.page.locator(".lr-map-table, [aria-label='The map as a table'] table").count() == 1
    assert watch.errors == []


def test_every_page_fits_a_360_px_phone(watch, project_url):  # noqa: F811
    watch.page.set_viewport_size({"width": 360, "height": 780})
    for path in PAGES:
        watch.open(project_url + path, idle=False)
        widths = watch.page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], (path, widths)
    watch.open(project_url + "bibliography/", idle=False)
    # Rows are stacked cards: every column of a row is on screen, with its heading.
    row = watch.page.locator(".lr-bib tbody tr").first
    box = row.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    labels = row.evaluate("r => [...r.cells].map(c => getComputedStyle(c, '::before').content)")
    assert labels[1:] == ['"Year: "', '"Type: "', '"Confirmed claims: "', '"Metadata: "', '"Findings: "']
    assert watch.errors == []


def test_map_reads_on_a_360_px_phone(watch, project_url):  # noqa: F811
    """The map drawn for phones: every source and claim on screen, finger-sized rows, nodes still links."""
    watch.page.set_viewport_size({"width": 360, "height": 780})
    watch.open(project_url + "map/")
    assert not watch.page.locator(".lr-map--wide").is_visible()
    narrow = watch.page.locator(".lr-map--narrow")
    assert narrow.is_visible()
    inside = narrow.evaluate(
        "m => { const out = []; for (const n of m.querySelectorAll('.lr-node')) { const r = n.getBoundingClientRect(); "
        "if (r.left < 0 || r.right > innerWidth) out.push(n.getAttribute('aria-label')); } "
        "return [out, m.scrollWidth <= m.clientWidth, m.querySelectorAll('.lr-node--source').length]; }")
    assert inside[0] == [] and inside[1] and inside[2] >= 20, inside
    rows = narrow.evaluate("m => [...m.querySelectorAll('.lr-node--source rect')].map(r => r.getBoundingClientRect().y)"
                           ".sort((a, b) => a - b).slice(1).map((y, i, a) => i ? y - a[i - 1] : 24)")
    assert min(rows) >= 23, rows  # about one finger apart
    claim = narrow.locator(".lr-node--claim").first
    claim.focus()
    lit = narrow.locator(f'.lr-edge.lr-hl[data-a="{claim.get_attribute("data-n")}"]')
    assert lit.count() >= 1
    source = narrow.locator(".lr-node--source").first
    source.click()
    watch.page.wait_for_url("**/sources/**")
    assert watch.errors == []


@pytest.mark.parametrize("width", [1366, 360])
def test_sources_section_in_the_navigation(watch, project_url, width):  # noqa: F811
    watch.page.set_viewport_size({"width": width, "height": 800})
    watch.open(project_url)
    if width < 1220:  # the navigation is in the drawer
        watch.page.locator('label.md-header__button[for="__drawer"]').click()
    nav = watch.page.locator("nav.md-nav--primary")
    # A section (a toggle, or with navigation.prune a link to its first page, the bibliography).
    nav.locator(".md-nav__link", has_text="Sources").first.click()
    watch.page.wait_for_load_state("networkidle")
    link = nav.get_by_role("link", name="Holsti 2004", exact=True)
    if width < 1220 and not link.is_visible():  # a new page: the drawer is closed again
        watch.page.locator('label.md-header__button[for="__drawer"]').click()
        if not link.is_visible():
            nav.locator("label.md-nav__link", has_text="Sources").first.click()
    from playwright.sync_api import TimeoutError as NoNavigation

    for attempt in range(2):  # on a loaded machine the navigation may be redrawn as the click lands: it is lost
        link.click()
        try:
            watch.page.wait_for_url("**/sources/holsti2004taming/", timeout=15_000)
            break
        except NoNavigation:
            if attempt:
                raise
    assert watch.page.locator("h1").first.inner_text().startswith("Taming the Sovereigns")
    assert watch.errors == []


def test_home_opens_with_what_needs_attention(watch, project_url):  # noqa: F811
    watch.open(project_url)
    headings = watch.page.locator("h2").all_inner_texts()
    assert headings[0].startswith("What needs attention")
    first = watch.page.locator(".lr-attention a").first
    href = first.get_attribute("href")
    first.click()
    watch.page.wait_for_load_state("networkidle")
    assert watch.page.url.endswith(href.lstrip("./"))
    assert watch.errors == []


def test_source_page_has_breadcrumbs_and_stable_anchors(watch, project_url):  # noqa: F811
    watch.open(project_url + "sources/holsti2004taming/")
    crumbs = watch.page.get_by_role("navigation", name="Breadcrumb")
    assert crumbs.locator("li").all_inner_texts() == ["Home", "Bibliography", "Holsti 2004"]
    ids = watch.page.eval_on_selector_all("h2[id]", "els => els.map(e => e.id)")
    assert ids[:2] == ["claims", "findings"] and "bibtex" in ids
    crumbs.get_by_role("link", name="Bibliography").click()
    watch.page.wait_for_load_state("networkidle")
    assert watch.page.url == project_url + "bibliography/"


def test_printed_essay_has_numbered_marks_and_no_cards(watch, project_url):  # noqa: F811
    watch.open(project_url + "essay/")
    watch.page.emulate_media(media="print")
    mark = watch.page.locator(".lr-cites:not(.lr-cites--topical) a.lr-cite").first
    number = mark.get_attribute("data-n")
    shown = mark.evaluate("a => getComputedStyle(a, '::before').content")
    assert shown == f'"{number}"'
    assert not watch.page.locator(".lr-card").first.is_visible()
    assert watch.page.locator("header.md-header").is_hidden()
    entry = watch.page.locator("ol.lr-references > li").nth(int(number) - 1)
    assert entry.is_visible()
    key = mark.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
    assert entry.get_attribute("id") == f"ref-{key}"
