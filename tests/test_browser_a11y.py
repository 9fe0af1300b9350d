"""Accessibility and page-kind screenshots in headless Chromium: axe-core on every page kind.

axe-core comes from the npm registry (``npm install --prefix tests/.node axe-core@4``, as
.ci/run does; or set LITREVIEW_AXE to an axe.min.js). Every page kind of the project's own
review and its own pages are checked at 1366 px and 390 px wide, in the light and the dark
palette: no violation at any impact (a "moderate" one, such as two landmarks of one name, is as
real to a screen reader's user as a "serious" one). Screenshots of each go to tests/.screenshots/ (git-ignored).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_browser_site import CHROMIUM, ROOT, Watch, browser, project_url  # noqa: F401 (fixtures)

AXE = Path(os.environ.get("LITREVIEW_AXE") or ROOT / "tests" / ".node" / "node_modules" / "axe-core" / "axe.min.js")
SHOTS = ROOT / "tests" / ".screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium; .ci/run installs it)"),
    pytest.mark.skipif(not AXE.exists(), reason="needs axe-core: npm install --prefix tests/.node axe-core@4 "
                       "(.ci/run does), or LITREVIEW_AXE=path/to/axe.min.js"),
]

#: One page of each kind of the project's review, and its own pages (docs/): name and path.
PAGE_KINDS = [("home", ""), ("essay", "essay/"), ("bibliography", "bibliography/"), ("checks", "checks/"),
              ("codes", "codes/"), ("map", "map/"), ("downloads", "downloads/"), ("about", "about/"),
              ("guarantees", "guarantees/"),
              ("source", "sources/holsti2004taming/"), ("source-web", "sources/rossignol2003joint/"),
              ("404", "404.html")]
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


@pytest.fixture
def watch(browser) -> Iterator[Watch]:  # noqa: F811
    w = Watch(browser)
    yield w
    w.page.close()


def axe_violations(page) -> list[dict]:
    """axe-core's violations of the page as it stands, at every impact (WCAG 2.x A and AA, best practice)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
      const r = await axe.run(document, {resultTypes: ['violations']});
      return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
    }""")
    return result


def set_scheme(page, scheme: str) -> None:
    """Choose the light (default) or dark (slate) palette as a reader would, through Material's toggle."""
    page.evaluate("""scheme => {
      const input = document.querySelector(`input[name=__palette][data-md-color-scheme=${scheme}]`);
      if (!input) throw new Error('no palette toggle for ' + scheme);
      document.body.setAttribute('data-md-color-scheme', scheme);
      input.checked = true;
    }""", scheme)
    # The theme fades colours (CSS transitions): measure contrast once they have settled, not mid-fade.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000)


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_kind_has_no_axe_violation(watch, project_url, width, scheme):  # noqa: F811
    watch.page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    SHOTS.mkdir(exist_ok=True)
    failures = {}
    for name, path in PAGE_KINDS:
        watch.open(project_url + path, idle=False)
        set_scheme(watch.page, scheme)
        violations = axe_violations(watch.page)
        if violations:
            failures[name] = violations
        watch.page.screenshot(path=str(SHOTS / f"{name}-{width}-{scheme}.png"), full_page=name != "essay")
    print(f"screenshots in {SHOTS}")
    assert not failures, json.dumps(failures, indent=1, ensure_ascii=False)
    assert watch.errors == []


@pytest.fixture(scope="module")
def manuscript_url(tmp_path_factory) -> Iterator[str]:
    """A manuscript with citations: its essay page shows the marks where the author cited, notes, markup, headings."""
    from test_browser_site import _served

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay.markdown import parse_markdown
    from litreview.linking import link
    from litreview.model import Review

    essay = parse_markdown("As @doe2000 shows, **this** holds---mostly [see @doe2000, p. 3; @roe2010].\n\n"
                           "## Waves *and* tides [@roe2010]\n\n### Notes\n\n"
                           "A sentence with a note^[See *also* [@roe2010].] and `code` [@missing].\n\n"
                           "A rate ($\\lambda$) at $t \\leq \\tau$ costs $5 and $10; so $$\\frac{1}{\\sqrt{1 - v^2}}$$ "
                           "[@doe2000], not $\\foo{x}$.\n\n| Tool | Paper |\n|---|---|\n| Foo | [@doe2000] |\n\n"
                           f"| Wide | Table |\n|---|---|\n| {'w' * 150} | [@roe2010] |\n")
    bib = parse_bibliography("@book{doe2000, title={Tides}, author={Doe, Jane}, year={2000}, publisher={P}}\n"
                             "@article{roe2010, title={Waves}, author={Roe, Rob}, year={2010}, journal={J}}\n")
    review = Review(bibliography=bib, essay=essay, metadata={}, linkage=link(essay, bib, None, metadata={}),
                    findings=())
    yield from _served(review, tmp_path_factory.mktemp("manuscript"))


def test_a_manuscripts_essay_page_with_marks_in_the_text_has_no_axe_violation(watch, manuscript_url):
    # (the test sites have the light palette alone; the project's review is checked in both)
    for width in WIDTHS.values():
        watch.page.set_viewport_size(dict(zip(("width", "height"), width, strict=True)))
        watch.open(manuscript_url + "essay/", idle=False)
        assert watch.page.locator("#p1-s1 .lr-cites--inline a.lr-cite").count() == 3
        assert watch.page.locator("#p2 h2 .lr-cite").count() == 1 and watch.page.locator("#p3 h3").count() == 1
        assert watch.page.locator("#p5-s1 math").count() == 3 and watch.page.locator("#p5-s1 code.math-tex").count() == 1
        assert watch.page.locator("#p5-s1 math[display=block]").evaluate("m => m.getBoundingClientRect().height") > 20
        watch.page.locator("#p1-s1 .lr-cites--inline a.lr-cite").first.focus()
        assert watch.page.locator("#p1-s1 .lr-card").first.is_visible()
        # Two tables, the second wider than the page: no two landmarks of one name; a Tab stop on the box that scrolls
        boxes = watch.page.locator(".lr-table .md-typeset__scrollwrap")
        assert boxes.count() == 2 and boxes.nth(0).get_attribute("tabindex") is None
        assert boxes.nth(1).get_attribute("tabindex") == "0" and boxes.nth(1).get_attribute("role") == "group"
        assert not (violations := axe_violations(watch.page)), json.dumps(violations, indent=1, ensure_ascii=False)
    assert watch.errors == []


def test_a_manuscripts_printed_essay_keeps_the_names_of_a_citation_written_in_the_sentence(watch, manuscript_url):
    # "As @doe2000 shows" printed as "As ¹ shows" lost the name the sentence is built on; bracketed ones
    # become numbers as in the project's review.
    watch.open(manuscript_url + "essay/", idle=False)
    watch.page.emulate_media(media="print")
    narrative = watch.page.locator("#p1-s1 .lr-cites--narrative a.lr-cite").first
    assert narrative.inner_text() == "Doe (2000)" and float(narrative.evaluate(
        "a => getComputedStyle(a).fontSize").removesuffix("px")) > 10
    assert narrative.evaluate("a => getComputedStyle(a, '::after').content") == f'"{narrative.get_attribute("data-n")}"'
    bracketed = watch.page.locator("#p1-s1 .lr-cites--inline:not(.lr-cites--narrative) a.lr-cite").first
    assert bracketed.evaluate("a => getComputedStyle(a, '::before').content") == f'"{bracketed.get_attribute("data-n")}"'


@pytest.fixture(scope="module")
def german_url(tmp_path_factory) -> Iterator[str]:
    """A site in German with a page of its own: a table wider than a phone, a narrow one, a code block."""
    from test_browser_site import _served
    from test_site_cases import load_case

    folder = tmp_path_factory.mktemp("german")
    (folder / "docs").mkdir()
    wide = "| " + " | ".join(f"Spalte{i}langerName" for i in range(3)) + " |\n|" + "---|" * 3 + "\n| " + \
        " | ".join("Wert" for _ in range(3)) + " |\n"
    (folder / "docs" / "seite.md").write_text(
        f"# Eine Seite\n\n{wide}\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nlitreview build\n```\n\n"
        "```\nlitreview check\n```\n", encoding="utf-8")
    theme = "theme:\n  name: material\n  font: false\n  language: de\n  features:\n    - content.code.copy\n"
    yield from _served(load_case("site_basic"), folder, extra_yml=theme)


def test_wide_tables_get_a_tab_stop_and_copy_buttons_no_landmark_whatever_the_sites_language(watch, german_url):
    # Material wraps a table in a box that scrolls sideways, which a keyboard could not reach (axe's serious
    # scrollable-region-focusable), and puts each code block's copy button in an unnamed <nav>
    # (landmark-unique): on every page, in a site of any language.
    watch.page.set_viewport_size({"width": 390, "height": 844})
    watch.open(german_url + "seite/", idle=False)
    assert watch.page.locator("html").get_attribute("lang") == "de"
    from test_site_language import _materials_word

    # the search dialog named in the page's language, with Material's own word
    assert watch.page.locator('.md-search[role="dialog"]').get_attribute("aria-label") == _materials_word("de",
                                                                                                         "search")
    boxes = watch.page.locator(".md-typeset__scrollwrap")
    assert boxes.count() == 2
    assert boxes.nth(0).get_attribute("tabindex") == "0" and boxes.nth(0).get_attribute("role") == "group"
    assert boxes.nth(0).get_attribute("aria-label")
    # the close case: a table that fits has no Tab stop of its own
    assert boxes.nth(1).get_attribute("tabindex") is None and boxes.nth(1).get_attribute("role") is None
    navs = watch.page.locator(".md-code__nav")
    assert navs.count() == 2 and all(navs.nth(i).get_attribute("role") == "none" for i in range(2))
    assert watch.page.locator(".md-code__nav button").count() == 2  # the copy buttons are still there
    assert not (violations := axe_violations(watch.page)), json.dumps(violations, indent=1, ensure_ascii=False)
    # wide enough for the table, its box scrolls no more and its Tab stop goes
    watch.page.set_viewport_size({"width": 1366, "height": 900})
    watch.page.wait_for_function("() => !document.querySelector('.md-typeset__scrollwrap').hasAttribute('tabindex')",
                                 timeout=5_000)
    assert watch.errors == []


def test_the_reviews_skip_link_speaks_the_sites_language(watch, german_url):
    # The bibliography's headings are in no TOC, so Material gives no skip link and the review adds one: it said
    # "Skip to content" where Material's said "Zum Inhalt".
    from test_site_language import _materials_word

    watch.open(german_url + "bibliography/", idle=False)
    skip = watch.page.locator("a.md-skip")
    assert skip.get_attribute("href") == "#lr-main"
    assert skip.text_content().strip() == _materials_word("de", "action.skip")
    skip.focus()
    watch.page.keyboard.press("Enter")
    assert watch.page.evaluate("location.hash") == "#lr-main"
    assert watch.errors == []


@pytest.fixture(scope="module")
def wide_math_url(tmp_path_factory) -> Iterator[str]:
    """An essay with a display formula wider than a phone and a narrow one."""
    from test_browser_site import _served

    from litreview.config import Config
    from litreview.review import build_review

    folder = tmp_path_factory.mktemp("math")
    terms = " + ".join(f"a_{{{i}}} x^{{{i}}}" for i in range(40))
    (folder / "e.md").write_text(f"Intro.\n\n$$ y = {terms} $$ {{#eq:wide}}\n\nAnd $$ y = x $$ {{#eq:narrow}}\n",
                                 encoding="utf-8")
    (folder / "e.bib").write_text("", encoding="utf-8")
    yield from _served(build_review(Config(root=folder, essay="e.md", bibliography="e.bib", claims=""),
                                    with_checks=False), folder)


def test_a_display_formula_wider_than_the_page_gets_a_tab_stop(watch, wide_math_url):
    # The formula scrolls sideways in its own box (litreview.css), which a keyboard could not reach (axe's serious
    # scrollable-region-focusable, on a thesis's equations at 390 px); one that fits has no Tab stop.
    watch.page.set_viewport_size({"width": 390, "height": 844})
    watch.open(wide_math_url + "essay/", idle=False)
    maths = watch.page.locator('math[display="block"]')
    assert maths.count() == 2
    assert maths.nth(0).get_attribute("tabindex") == "0" and maths.nth(1).get_attribute("tabindex") is None
    assert maths.nth(0).get_attribute("role") is None  # MathML's own role and name stay
    assert not (violations := axe_violations(watch.page)), json.dumps(violations, indent=1, ensure_ascii=False)
    assert watch.errors == []


@pytest.fixture(scope="module")
def init_url(tmp_path_factory) -> Iterator[str]:
    """A review set up as a user's would be: `litreview init` on an essay, then `litreview build`."""
    import shutil
    import subprocess
    import sys

    from test_browser_site import serve

    folder = tmp_path_factory.mktemp("init")
    shutil.copy(ROOT / "tests" / "cases" / "init_essay" / "essay.md", folder / "essay.md")
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    for command in (["init", "essay.md"], ["build"]):
        subprocess.run([sys.executable, "-m", "litreview", *command], cwd=folder, env=env, check=True,
                       capture_output=True, timeout=300)
    server, url = serve(folder / "site")
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


def test_a_user_sites_dark_palette_follows_the_system_and_passes_axe(watch, init_url):
    # The mkdocs.yml init writes had no palette: no toggle, no dark page for a reader whose system prefers one.
    watch.page.emulate_media(color_scheme="dark")
    watch.open(init_url + "checks/", idle=False)
    assert watch.page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    failures = {}
    for path in ("", "essay/", "bibliography/", "checks/", "map/", "sources/walt1987origins/"):
        watch.open(init_url + path, idle=False)
        set_scheme(watch.page, "slate")  # through the toggle, which the page now has
        if violations := axe_violations(watch.page):
            failures[path] = violations
    assert not failures, json.dumps(failures, indent=1, ensure_ascii=False)
    assert watch.errors == []
