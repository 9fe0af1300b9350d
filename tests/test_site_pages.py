"""The pages of the site for the hand-built review in tests/cases/site_basic/.

What each page must show (anchors, marks, cards, backlinks, figures) is derived by
hand from review.json and refs.bib in that folder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_site_cases import load_case

from litreview.bibliography.load import load_bibliography
from litreview.model import Review
from litreview.render.layout import Layout
from litreview.render.site import default_catalogue, render_site

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site() -> dict[str, str]:
    return render_site(load_case("site_basic"), Layout(), catalogue=default_catalogue())


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def test_generated_paths(site):
    assert sorted(p for p in site if not p.startswith("downloads/")) == sorted([
        "index.md", "essay.md", "bibliography.md", "checks.md", "codes.md", "map.md", "downloads.md",
        "sources/holsti2004taming.md", "sources/farrell2005world.md", "sources/uscode10.md",
        "sources/_paul2004~3a_order.md"])
    assert sorted(p for p in site if p.startswith("downloads/")) == [
        "downloads/bibliography.bib", "downloads/findings.json", "downloads/findings.sarif",
        "downloads/links.json", "downloads/sources.csl.json"]


def test_every_page_has_front_matter_title_and_one_h1(site):
    for path, content in site.items():
        if path.endswith(".md"):
            assert content.startswith("---\ntitle: "), path
            assert content.count("<h1>") == 1, path


def test_essay_has_every_paragraph_and_an_anchor_per_claim(site):
    essay = site["essay.md"]
    for claim_id in ("p1-s1", "p1-s2", "p1-s3", "p2-s1", "p2-s2"):
        assert f'id="{claim_id}"' in essay
    assert 'id="p1"' in essay and 'id="p2"' in essay
    assert "This sentence cites nothing." in essay
    assert "K.J. Holsti qualified international relations as “organized relations between established entities.”" in essay


def test_essay_marks_link_to_source_pages_with_cards(site):
    essay = site["essay.md"]
    # The rejected link gets no citation mark: it is shown struck through in a group of its own, after the sentence.
    assert essay.count('class="lr-card"') == 4
    rejected = essay.split('class="lr-cites lr-cites--rejected"')[1]
    assert rejected.startswith('><span class="lr-bracket" aria-hidden="true">[</span><span class="lr-topic">rejected: '
                               '</span><span class="lr-mark lr-mark--rejected"><a class="lr-cite" '
                               'href="../sources/farrell2005world/"')
    assert "Farrell 2005<span class=\"lr-sr\"> (link rejected by a reviewer)</span>" in rejected
    # data-n: Holsti is the second entry of the reference list (Farrell, Holsti, Paul, U.S. Code).
    assert ('<a class="lr-cite" href="../sources/holsti2004taming/" aria-describedby="card-p1-s1-1" data-n="2">'
            "Holsti 2004</a>") in essay
    card = re.search(r'<span class="lr-card" id="card-p1-s1-1">(.*?)</span></span>', essay).group(1)
    # The full reference, the registry status, why it is linked, the evidence marked inside the claim.
    assert _text(card) == ("Holsti, K. J. Taming the Sovereigns: Institutional Change in International Politics. "
                           "Cambridge University Press, 2004."
                           "Registry: no DOI"
                           "Link: names the author; confirmed; at p. 3"
                           "Note: Holsti defines IR on p. 3."
                           "Evidence: K.J. Holsti qualified international relations as…")
    assert "<mark>K.J. Holsti</mark>" in card
    assert "Farrell 2005<span class=\"lr-sr\"> (suggested link)</span>" in essay
    assert 'href="../sources/uscode10/"' in essay
    topical = re.search(r'<span class="lr-cites lr-cites--topical">(.*?)</span></span></span>', essay).group(1)
    assert "farrell2005world" in topical and "topic: " in topical
    assert "Show the 1 topical suggestion too" in essay
    paragraph2 = essay[essay.index('id="p2"'):essay.index("## References")]
    assert "farrell2005world" not in paragraph2.split('class="lr-cites lr-cites--rejected"')[0]  # only rejected


def test_essay_explains_findings_in_words(site):
    essay = site["essay.md"]
    assert 'class="lr-claim lr-claim--flagged" id="p2-s2"' in essay
    assert "1 finding on claim p2-s2, explained below the paragraph" in essay
    box = essay[essay.index('id="findings-p2"'):]
    assert "Findings in paragraph 2" in box
    assert "warning</span>" in box and "LR301" in box
    assert "The claim names Smith, but no entry by Smith is in the bibliography." in box
    assert 'id="findings-p1"' not in essay


def test_source_page_lists_claims_with_backlinks(site):
    page = site["sources/holsti2004taming.md"]
    assert "## Claims relying on this source (1)" in page
    assert "1 confirmed, 0 suggested" in page
    assert '<a href="../../essay/#p1-s1">Claim p1-s1 in the essay (paragraph 1, sentence 1)</a>' in page
    assert "<mark>K.J. Holsti</mark> qualified" in page
    assert "Link: names the author; status: confirmed; confidence 0.95; at p. 3." in _text(page)
    assert "Note: Holsti defines IR on p. 3." in page
    assert '<p class="lr-reference">Holsti, K. J. <i>Taming the Sovereigns: Institutional Change in ' \
           "International Politics</i>. Cambridge University Press, 2004.</p>" in page


def test_source_page_bibtex_is_the_entry_as_written(site):
    page = site["sources/farrell2005world.md"]
    entry = ("@article{farrell2005world,&#10;  author  = {Farrell, Theo},&#10;  title   = {World Culture and "
             "Military Power},&#10;  journal = {Security Studies},&#10;  volume  = {14},&#10;  number  = {3},"
             "&#10;  pages   = {448--88},&#10;  year    = {2005},&#10;  doi     = {10.1080/09636410500323187},"
             "&#10;}")
    assert f'<pre class="lr-bibtex" data-search-exclude="bibtex"><code>{entry}</code></pre>' in page


def test_source_page_registry_table_marks_disagreements_in_words(site):
    page = site["sources/farrell2005world.md"]
    assert "1 disagreement with the registry" in page
    row = re.search(r'<tr class="lr-row-differs">(.*?)</tr>', page).group(1)
    assert _text(row) == "pages448–88448-488≠ differs (abbreviated; registry likely right)"
    assert "<p>How <em>world culture</em> shapes military power.</p>" in page
    assert "## Abstract" in page


def test_source_page_offers_the_archive_for_a_broken_url(site):
    page = site["sources/uscode10.md"]
    assert "broken (status 404)" in page
    assert ('<a href="https://web.archive.org/web/2018/https://www.law.cornell.edu/uscode/text/10" '
            'rel="noopener noreferrer">archived copy (Internet Archive)</a>') in page
    assert "LR250" in page


def test_source_page_names_the_type_in_words_and_as_bibtex(site):
    assert "Key: <code>uscode10</code> · web page (<code>@online</code>) · cited as" in site["sources/uscode10.md"]


def test_findings_give_the_hint_after_where_they_point(site):
    essay = site["essay.md"]
    item = re.search(r'<li data-claim="p2-s2" class="lr-finding[^"]*">(.*?)</li>', essay).group(1)
    assert _text(item) == ("⚠ warning LR301 The claim names Smith, but no entry by Smith is in the bibliography. "
                           "— Claim p2-s2 in the essay Hint: add the source, or reword the claim")
    assert '<span class="lr-hint">Hint: add the source, or reword the claim</span>' in item


@pytest.mark.parametrize(("status", "reason", "shown"), [
    ("no-doi", "the entry has no DOI; not searched yet (run `litreview fetch` with network access)",
     "No DOI: there is nothing to verify against a registry. Not searched yet (run <code>litreview fetch</code> "
     "with network access)."),
    ("no-doi", "the entry has no DOI (not a kind of work that usually has one)",
     "No DOI: there is nothing to verify against a registry. Not a kind of work that usually has one."),
    ("unverified", "not yet verified: the snapshot has no registry record for this DOI (run `litreview fetch` "
     "with network access)",
     "Not yet verified: the entry has a DOI but no registry record has been fetched. The snapshot has no "
     "registry record for this DOI (run <code>litreview fetch</code> with network access)."),
    ("failed", "timed out", "Fetching the registry record failed. Timed out."),
])
def test_registry_line_says_the_reason_once_without_backticks(status, reason, shown):
    from dataclasses import replace

    from litreview.model import SourceMetadata

    review = load_case("site_basic")
    meta = dict(review.metadata, holsti2004taming=SourceMetadata(key="holsti2004taming", status=status,
                                                                 reason=reason))
    doi = "10.1017/CBO9780511491306" if status == "unverified" else ""  # "unverified" is said of a DOI not yet looked up
    sources = tuple(replace(s, doi=doi) if s.key == "holsti2004taming" else s for s in review.bibliography.sources)
    review = replace(review, metadata=meta, bibliography=replace(review.bibliography, sources=sources))
    page = render_site(review, Layout())["sources/holsti2004taming.md"]
    assert f"<li>Registry: {shown}</li>" in page


def test_an_entry_without_a_doi_is_not_said_to_have_one_while_unverified():
    # A Manubot citation by arXiv id (or an entry with a PMID or an ISBN) waits for arXiv's answer: the page said
    # "the entry has a DOI but no registry record has been fetched".
    from dataclasses import replace

    from litreview.model import SourceMetadata

    review = load_case("site_basic")  # holsti2004taming has no DOI
    meta = dict(review.metadata, holsti2004taming=SourceMetadata(
        key="holsti2004taming", status="unverified", reason="not yet verified: the snapshot has no answer from arXiv"))
    review = replace(review, metadata=meta)
    page = render_site(review, Layout())["sources/holsti2004taming.md"]
    assert ("<li>Registry: Not yet verified: no registry record has been fetched for the entry. The snapshot has no "
            "answer from arXiv.</li>") in page
    assert "has a DOI" not in page


def test_catalogue_shows_commands_as_code(site):
    page = site["codes.md"]
    assert "<code>litreview check --list-codes</code>" in page
    assert "`" not in page


def test_source_without_claims_or_metadata(site):
    page = site["sources/_paul2004~3a_order.md"]
    assert "## Claims relying on this source (0)" in page
    assert "not yet verified (no registry data for this entry)" in page


def test_bibliography_rows_in_alphabetical_order_with_counts(site):
    page = site["bibliography.md"]
    rows = re.findall(r"<tr><td.*?</tr>", page)
    labels = [re.search(r'class="lr-srclink" href="([^"]+)"', r).group(1) for r in rows]
    # by the entry as printed: the web page under its site's name ("LII / Legal Information Institute")
    assert labels == ["../sources/farrell2005world/", "../sources/holsti2004taming/", "../sources/uscode10/",
                      "../sources/_paul2004~3a_order/"]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", r) for r in rows]
    assert [_text(c[3]) for c in cells] == ["0 (+1 suggested)", "1", "1", "0"]  # confirmed claims
    assert [c[4] for c in cells] == ["verified", "no DOI", "no DOI", "not yet verified"]
    assert [_text(c[5]) for c in cells] == ["ℹ 1 note", "none", "✖ 1 error", "none"]
    assert cells[0][5] == '<span class="lr-nowrap">ℹ 1 note</span>'  # a count never breaks from its word
    assert [c[2] for c in cells] == ["article", "book", "web page", "book"]  # types in words
    assert "data-lr-sortable" in page and "data-lr-filterable" in page


def test_checks_page_groups_by_severity_and_links(site):
    page = site["checks.md"]
    # Headings without counts, so their ids (#errors, #warnings, #notes) stay put as findings come and go.
    assert page.index("## Errors\n") < page.index("## Warnings\n") < page.index("## Notes\n")
    assert "<p>1 error, by code.</p>" in page and "<p>1 note, by code.</p>" in page
    assert ('<p>3 findings: <a href="#errors">✖ 1 error</a>, <a href="#warnings">⚠ 1 warning</a>, '
            '<a href="#notes">ℹ 1 note</a>.') in page
    assert '<a href="../sources/uscode10/">Source uscode10 (U.S. Code)</a>' in page
    assert '<a href="../essay/#p2-s2">Claim p2-s2 in the essay</a>' in page
    assert "essay.md:5" in page
    # The catalogue is a page of its own; each code heading here links to its row there.
    assert "## The codes" not in page and 'href="../codes/#code-lr301"' in page
    assert '<tr id="code-lr301">' in site["codes.md"]


def test_home_figures(site):
    rows = dict(re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', site["index.md"]))
    figures = {k: _text(v) for k, v in rows.items()}
    assert figures["Sources in the bibliography"] == "4"
    assert figures["Claims (sentences) in the essay"] == "5"
    assert figures["Claims with a confirmed source"] == "2"
    assert figures["Claims with only suggested sources"] == "1"
    assert figures["Sources with no confirmed claim"] == "2"
    assert figures["… of which some claim is suggested"] == "1"
    assert figures["Findings: errors"] == "✖ 1 error: see it on the checks page"  # not "1 errors"
    assert figures["Findings: warnings"] == "⚠ 1 warning: see it on the checks page"
    assert figures["Findings: notes"] == "ℹ 1 note: see it on the checks page"
    assert rows["Findings: errors"].startswith('<a href="checks/#errors">')
    assert rows["Findings: notes"].startswith('<a href="checks/#notes">')
    assert figures["Metadata verified against a registry (from the snapshot)"] == "1"
    assert figures["Metadata not yet verified"] == "1"
    assert figures["Sources without a DOI"] == "2"


def _maps(page: str) -> tuple[str, str]:
    """(the wide map, the narrow one) of the map page."""
    wide = page[page.index('class="lr-map lr-map--wide"'):page.index('class="lr-map lr-map--narrow"')]
    return wide, page[page.index('class="lr-map lr-map--narrow"'):]


def test_map_nodes_are_links(site):
    svg, _ = _maps(site["map.md"])
    assert len(re.findall(r'<a class="lr-node lr-node--claim" href="../essay/#p\d-s\d"', svg)) == 3
    assert len(re.findall(r'<a class="lr-node lr-node--source[^"]*" href="../sources/[^"]+/"', svg)) == 4
    assert svg.count('class="lr-edge lr-edge--confirmed"') == 2
    assert svg.count('class="lr-edge lr-edge--suggested"') == 1
    # Claims in reading order, one row apart, a gap between paragraphs.
    ys = [float(y) for y in re.findall(r'<circle cx="70" cy="([\d.]+)"', svg)]
    assert ys == [30.0, 50.0, 78.0]
    # Holsti sits level with p1-s1 (its only claim); Paul and Hall, cited by none, come last.
    # Its square: 8 px and 3 px for its one confirmed claim (8 + 3 * sqrt(1)), centred on the row.
    holsti = re.search(r'href="../sources/holsti2004taming/".*?<rect x="([\d.]+)" y="([\d.]+)" '
                       r'width="([\d.]+)"', svg).groups()
    assert [float(v) for v in holsti] == [420 - 5.5, 30.0 - 5.5, 11.0]
    # As wide as the longest label needs (28 characters: ✖ “U.S. Code: Title 10” n.d., its worst finding
    # an error): 420 + 10 + 7.5 * 28 + 20 = 660, drawn at that size, not scaled down.
    assert 'viewBox="0 0 660 ' in svg and 'width="660"' in svg
    assert 'lr-node--error' in svg and 'lr-node--info' in svg and 'lr-node--ok' in svg
    assert "lr-node--unused" in svg  # Paul and Hall: no claim


def test_phone_map_is_narrow_with_finger_sized_rows(site):
    wide, svg = _maps(site["map.md"])
    assert 'data-layout="narrow"' in svg and 'data-layout="wide"' in wide
    # The same nodes and links as the wide map.
    for pattern in (r'<a class="lr-node lr-node--claim"', r'<a class="lr-node lr-node--source', 'class="lr-edge '):
        assert len(re.findall(pattern, svg)) == len(re.findall(pattern, wide)) > 0
    # Claims at x = 56, rows 24 px apart, 8 more between paragraphs.
    assert [float(y) for y in re.findall(r'<circle cx="56" cy="([\d.]+)"', svg)] == [30.0, 54.0, 86.0]
    holsti = re.search(r'href="../sources/holsti2004taming/".*?<rect x="([\d.]+)" y="([\d.]+)"', svg).groups()
    assert [float(v) for v in holsti] == [160 - 5.5, 30.0 - 5.5]
    # Never wider than 320 px; labels cut to 19 characters (the link's name starts with the visible label,
    # then the title, the claims and the worst finding).
    assert 'viewBox="0 0 320 ' in svg and 'width="320"' in svg
    labels = re.findall(r'<text x="170" y="[\d.]+">([^<]*)</text>', svg)
    assert labels and max(len(label) for label in labels) <= 21
    # Each node is named by the wide drawing's node (hidden on phones, still read by reference).
    names = re.findall(r'aria-labelledby="([^"]+)"', svg)
    assert len(names) == len(re.findall(r'<a class="lr-node', svg)) and "aria-label=" not in svg.split("<svg", 1)[1].split("</svg>")[0].split(">", 1)[1]
    uscode = re.search(r'href="../sources/uscode10/" aria-labelledby="([^"]+)"', svg).group(1)
    assert re.search(rf'id="{uscode}" aria-label="✖ “U\.S\. Code[^"]*: [^"]+\(source; 1 claim; worst finding: error',
                     wide)


def test_downloads(site):
    csl = json.loads(site["downloads/sources.csl.json"])
    assert [item["id"] for item in csl] == ["holsti2004taming", "farrell2005world", "uscode10", "Paul2004:Order"]
    findings = json.loads(site["downloads/findings.json"])
    assert [f["code"] for f in findings["findings"]] == ["LR301", "LR210", "LR250"]
    assert findings["summary"]["total"] == 3
    assert findings["findings"][1]["file"] == "refs.bib"
    links = json.loads(site["downloads/links.json"])
    assert [(r["claim_id"], r["source_key"], r["status"]) for r in links] == [
        ("p1-s1", "holsti2004taming", "confirmed"), ("p1-s2", "farrell2005world", "suggested"),
        ("p2-s1", "uscode10", "confirmed"), ("p2-s1", "farrell2005world", "rejected")]
    assert links[0]["note"] == "Holsti defines IR on p. 3."
    assert site["downloads/bibliography.bib"].startswith("% A small review for the site tests.")
    sarif = json.loads(site["downloads/findings.sarif"])
    assert sarif["version"] == "2.1.0"
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["LR301", "LR210", "LR250"]
    assert 'href="links.json" download' in site["downloads.md"]


def test_sarif_matches_the_schema(site):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(site["downloads/findings.sarif"]), schema)


def test_bibliography_only_review_gives_home_and_readable_bibliography():
    """The first build (issue 2): only the loader, the project's own 24 entries."""
    bibliography = load_bibliography(ROOT / "refs" / "bibliography.bib")
    site = render_site(Review(bibliography=bibliography))
    page = site["bibliography.md"]
    assert len(re.findall(r"<tr><td", page)) == 24
    assert ("Holsti, K. J. <i>Taming the Sovereigns: Institutional Change in International Politics</i>. "
            "Cambridge University Press, 2004.") in page
    assert "No essay is configured" in site["essay.md"]
    assert "Sources in the bibliography</th><td>24" in site["index.md"]
    assert len([p for p in site if p.startswith("sources/")]) == 24


def test_essay_page_shows_a_paragraph_written_over_several_lines_once() -> None:
    # A claim's text has its whitespace collapsed; the paragraph's keeps the source's line breaks and double
    # spaces. The claim was not found in it, so the page showed the claims and then the whole paragraph again.
    from litreview.bibliography.load import parse_bibliography
    from litreview.essay.markdown import parse_markdown
    from litreview.model import Linkage

    essay = parse_markdown("First sentence runs\nover two lines [@k].  Second one\nhere.\n\nAnother paragraph.\n")
    review = Review(bibliography=parse_bibliography("@book{k, title={T}, author={A, B}, year={2000}}"),
                    essay=essay, metadata={}, linkage=Linkage(links=()), findings=())
    page = _text(render_site(review, Layout(), catalogue=default_catalogue())["essay.md"])
    assert page.count("Second one here.") == 1 and page.count("over two lines") == 1


def _without_cards(html: str) -> str:
    """The page's text without the cards of its marks (each card quotes its claim as written)."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        depth, out = 0, []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if self.depth or ("class", "lr-card") in attrs:
                self.depth += tag == "span"

        def handle_endtag(self, tag: str) -> None:
            if self.depth and tag == "span":
                self.depth -= 1

        def handle_data(self, data: str) -> None:
            if not self.depth:
                self.out.append(data)

    parser = Text()
    parser.out = []
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.out)).strip()


def test_a_marked_manuscripts_claims_show_their_markup_rendered_and_the_marks_where_the_author_cited() -> None:
    # The page showed the source, "**this**" and "[see @k, p. 3]", and the mark again after the sentence.
    from litreview.bibliography.load import parse_bibliography
    from litreview.essay.markdown import parse_markdown
    from litreview.linking import link

    essay = parse_markdown("As @k shows, **this** holds---mostly [see @k, p. 3].\n\nNot [@gone; @k] here.\n\n"
                           "Then `x--y` and [a link](javascript:alert(1)) and <b>raw</b> (c)^[A *note*---[@k].] [@k].\n")
    bib = parse_bibliography("@book{k, title={T}, author={Doe, Jane}, year={2000}}")
    review = Review(bibliography=bib, essay=essay, metadata={}, linkage=link(essay, bib, None, metadata={}),
                    findings=())
    page = render_site(review, Layout(), catalogue=default_catalogue())["essay.md"]
    ends = [page.index('id="p2"'), page.index('id="p3"'), page.index("## References")]
    first, second, third = (page[page.index(f'id="p{n}-s1"'):ends[n - 1]] for n in (1, 2, 3))
    assert "<strong>this</strong> holds\u2014mostly" in first
    assert _without_cards(first).endswith("As Doe (2000) shows, this holds\u2014mostly (see Doe 2000, p. 3).")
    assert first.count('class="lr-cite"') == 2 and 'id="card-p1-s1-1-2"' in first  # one link, two marks
    # a key without entry as pandoc prints it ("(**gone?**; Doe 2000)"), the entry's mark beside it
    assert _without_cards(second).endswith("Not (gone? (not in the bibliography); Doe 2000) here.")
    # raw HTML formatting as pandoc's HTML passes it on (no attribute); a link to javascript: as its text
    assert "<code>x--y</code> and a link and <b>raw</b> (c)" in third and "&lt;b" not in third
    assert '<span class="lr-note" data-note="1">A <em>note</em>\u2014<span class="lr-cites lr-cites--inline">' in third
    assert "javascript:" not in third.split('<span class="lr-card"')[0].replace("[a link](javascript:alert(1))", "")


def test_a_doi_never_fetched_names_the_registries_fetch_would_ask(tmp_path):
    from datetime import UTC, datetime

    from litreview.bibliography.load import parse_bibliography
    from litreview.registry.status import load_metadata
    from litreview.render.source_page import _status_items

    bib = parse_bibliography("@article{a, author = {Doe, Jane}, title = {T}, journal = {J}, year = {2001},\n"
                             "  doi = {10.5555/never.fetched}}\n", "refs.bib")
    meta = load_metadata(bib, tmp_path / "metadata", now=datetime(2026, 1, 1, tzinfo=UTC), stale_days=90)["a"]
    assert meta.status == "unverified"
    html = _status_items(bib.sources[0], meta)
    assert ('<li class="lr-registries">Registries asked: Crossref: not asked; doi.org: not asked; '
            "OpenAlex: not asked.</li>") in html


def test_source_page_and_cards_show_citations_with_labels_not_markup(tmp_path: Path) -> None:
    # A LaTeX essay's \citep is read as pandoc's "[see e.g. @{kriging}]": the source page's excerpt and
    # evidence, and the essay's cards, quoted that markup, which no reader wrote or sees.
    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import load_essay
    from litreview.linking import link

    tex = tmp_path / "ms.tex"
    tex.write_text("\\begin{document}\nGPR was used in geophysics \\citep[see e.g.][p. 3]{kriging, other}, "
                   "and \\citet{prh92a} used it for quasars.\n\\end{document}\n", encoding="utf-8")
    bib = parse_bibliography("@book{kriging, author={Krige, D. G.}, title={Mine Valuations}, year={1951}}\n"
                             "@book{other, author={Peebles, P.}, title={Galaxies}, year={1997}}\n"
                             "@article{prh92a, author={Press, W. and Rybicki, G. and Hewitt, J.}, title={Time Delay}, "
                             "journal={ApJ}, year={1992}}\n", "refs.bib")
    essay = load_essay(tex)
    pages = render_site(Review(bibliography=bib, essay=essay, linkage=link(essay, bib)), Layout())
    page = _text(pages["sources/kriging.md"])
    assert "@{" not in page
    assert "GPR was used in geophysics (see e.g. Krige 1951; Peebles 1997, p. 3), and Press et al. (1992) used" in page
    assert "Evidence: “(see e.g. Krige 1951; Peebles 1997, p. 3)”." in page
    essay_page = pages["essay.md"] if "essay.md" in pages else pages["essay/index.md"]
    assert "@{" not in essay_page


def test_checks_page_gives_a_hint_all_findings_of_a_code_share_once() -> None:
    # 159 unverified entries each repeated "Hint: Run litreview fetch ..." on the checks page.
    from dataclasses import replace

    from litreview.model import Finding

    review = load_case("site_basic")
    same = tuple(Finding("LR209", "info", f"entry {k} not yet verified", "Run litreview fetch.", key=k)
                 for k in ("a1", "a2", "a3"))
    mixed = tuple(Finding("LR143", "warning", f"pages of {k}", f"Write pages = {{{n}--9}}", key=k)
                  for n, k in enumerate(("b1", "b2", "b3")))
    page = render_site(replace(review, findings=same + mixed), Layout())["checks.md"]
    assert page.count("Run litreview fetch.") == 1 and "Hint for all 3: Run litreview fetch." in _text(page)
    assert page.count("Hint: Write pages") == 3  # hints of their own stay with their findings


def test_a_paragraph_of_citations_alone_shows_the_paragraph_it_cites_for() -> None:
    # A brief sets a paragraph's authorities in a paragraph of their own after it: the source page showed the claim
    # "[Smith CA, para. 4] [Roe 2001, p. 9]" and nothing of what the authorities support.
    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay
    from litreview.linking import link

    bib = parse_bibliography("@book{roe2001, author={Roe, Jane}, title={Parties}, year={2001}, publisher={P}}\n"
                             "@book{doe1999, author={Doe, John}, title={Other}, year={1999}, publisher={P}}\n",
                             "refs.bib")
    essay = parse_essay("The appeal was dismissed. The accused had withdrawn from the plan in good time.\n\n"
                        "[@roe2001, p. 9] [@doe1999]\n\nA sentence of its own [@doe1999].\n", "brief.md")
    pages = render_site(Review(bibliography=bib, essay=essay, linkage=link(essay, bib)), Layout())
    roe = _text(pages["sources/roe2001.md"])
    assert "Cited for paragraph 1: The appeal was dismissed. The accused had withdrawn from the plan in good time." in roe
    doe = _text(pages["sources/doe1999.md"])
    assert doe.count("Cited for paragraph") == 1


def test_a_phone_label_cut_inside_a_word_names_itself_first():
    from litreview.render.graph import NARROW, _cut_in_a_word

    # no space in the first 19 characters: cut inside the DOI, whose words the wide name does not share
    assert _cut_in_a_word("doi:10.2307/j.ctv301gzg", NARROW.label)
    assert _cut_in_a_word("url:https://www.example.org/pages/a/b", NARROW.label)
    assert _cut_in_a_word("doi:10.1234/abcdef.ghijk", NARROW.label)  # cut just before a full stop
    # cut between words (the wide name's first words), or not cut at all
    assert not _cut_in_a_word("Holsti, Taming the Sovereigns 2004", NARROW.label)
    assert not _cut_in_a_word("Holsti 2004", NARROW.label)
    assert not _cut_in_a_word("Paul and Hall, Order, 1999", NARROW.label)


def test_the_home_page_the_essay_page_and_links_count_the_same_claims(tmp_path: Path) -> None:
    # A paper with headings and a table: the essay page counted its prose (2 paragraphs, 3 claims: a heading and a
    # table's cells claim nothing), the home page every paragraph and claim (a Quarto paper: "86 paragraphs, 238
    # claims" beside "67 paragraphs, 204 claims"), and `litreview links` the same as the home page.
    from litreview.config import Config
    from litreview.linking.output import coverage
    from litreview.review import build_review

    (tmp_path / "refs.bib").write_text("@book{roe2001, title={Tools}, author={Roe, Ann}, year={2001}, publisher={P}}\n",
                                       encoding="utf-8")
    (tmp_path / "e.md").write_text("# Introduction [@roe2001]\n\nTools matter [@roe2001]. They last.\n\n"
                                   "## Methods\n\n| Tool | Use |\n|---|---|\n| Saw | Wood |\n\nWe cut wood.\n",
                                   encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="e.md", bibliography="refs.bib", claims=""), with_checks=False)
    pages = render_site(review, Layout())
    assert "2 paragraphs, 3 claims: 1 with a confirmed source" in pages["essay.md"]
    home = {k: _text(v) for k, v in re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', pages["index.md"])}
    assert (home["Claims (sentences) in the essay"], home["Claims with a confirmed source"]) == ("3", "1")
    assert "(2 paragraphs, 3 claims)" in _text(pages["index.md"])
    assert review.essay is not None and review.linkage is not None
    figures = coverage(review.linkage, review.essay, review.bibliography)
    assert (figures["claims"], figures["claims_with_confirmed_source"]) == (3, 1)


def test_the_essays_reference_list_holds_what_it_cites_and_its_marks_numbers(tmp_path: Path) -> None:
    # A thesis chapter draws on the book's bibliography: its essay page listed all 228 entries under "References"
    # for the 24 it cites; pandoc lists the cited ones. Each mark's printed number is its entry's place in the list.
    from litreview.config import Config
    from litreview.review import build_review

    entries = [f"@book{{{k}, title={{{k.title()}}}, author={{{k.title()}, Ann}}, year={{2001}}, publisher={{P}}}}"
               for k in ("ash", "birch", "cedar", "doe", "elm")]
    (tmp_path / "refs.bib").write_text("\n".join(entries) + "\n", encoding="utf-8")
    (tmp_path / "e.md").write_text("---\nnocite: '@doe'\n---\n\nTrees grow [@elm; @birch]. Elm argues so.\n",
                                   encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="e.md", bibliography="refs.bib", claims=""), with_checks=False)
    page = render_site(review, Layout())["essay.md"]
    listed = re.findall(r'<li id="ref-(\w+)">', page)
    assert listed == ["birch", "doe", "elm"]  # cited, nocite, cited; ash and cedar are on the bibliography page
    assert ("3 entries of the bibliography (the 2 other entries, which nothing in the essay cites, are on the "
            '<a href="../bibliography/">bibliography</a> page)') in page
    numbers = dict(re.findall(r'href="../sources/(\w+)/"[^>]*data-n="(\d+)"', page))
    assert numbers == {"elm": "3", "birch": "1"}
    # the close case: "nocite: '@*'" cites every entry, and the list holds them all
    (tmp_path / "e.md").write_text("---\nnocite: '@*'\n---\n\nTrees grow [@elm].\n", encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="e.md", bibliography="refs.bib", claims=""), with_checks=False)
    page = render_site(review, Layout())["essay.md"]
    assert len(re.findall(r'<li id="ref-', page)) == 5 and "5 entries of the bibliography, numbered" in page
