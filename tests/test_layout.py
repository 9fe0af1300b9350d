"""Every table command stays readable at 80 and 120 columns: no line runs over (but for a lone URL
or DOI, kept whole so it can be copied), no word is cut, and nothing (the sentence, the evidence)
is left out."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from litreview.bibliography.load import load_bibliography
from litreview.commands import links, metadata, sources
from litreview.commands._layout import wrap
from litreview.essay import load_essay
from litreview.linking import group_claims, link
from litreview.linking.curated import load_curated
from litreview.registry.snapshot import load_metadata

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (80, 120)
_BOX = re.compile(r"[│┃┏┓┗┛┡┩━─┳╇┻╈╋┣┫┠┨╂═║╔╗╚╝]")


@pytest.fixture(scope="module")
def review():
    bib = load_bibliography(ROOT / "refs" / "bibliography.bib")
    essay = load_essay(ROOT / "refs" / "essay.md")
    curated = load_curated(ROOT / "refs" / "claims.yaml")
    meta = load_metadata(bib, ROOT / "refs" / "metadata", now=datetime(2026, 12, 1, tzinfo=UTC), stale_days=365)
    linkage = link(essay, bib, curated, metadata=meta, all_suggestions=True)  # topical rows too
    return bib, group_claims(essay, curated), linkage, meta


def assert_readable(text: str, width: int, words: list[str]) -> None:
    for line in text.splitlines():
        assert len(line) <= width or len(line.split()) == 1 or line.split()[-1].startswith(("http", "10.")), line
    flat = " ".join(_BOX.sub(" ", text).split())
    for word in words:
        assert re.search(rf"(?<!\w){re.escape(word)}(?!\w)", flat), f"{word!r} is cut or missing"


def words_of(*texts: str) -> list[str]:
    return [w for t in texts for w in t.split() if len(w) <= 26 and re.fullmatch(r"\w+", w)]


@pytest.mark.parametrize("width", WIDTHS)
def test_sources_at(width: int, review) -> None:
    bib = review[0]
    text = sources._table(bib.sources, width=width)
    assert_readable(text, width, words_of(*(s.title for s in bib.sources), *(s.key for s in bib.sources)))


@pytest.mark.parametrize("width", WIDTHS)
def test_links_at(width: int, review) -> None:
    bib, essay, linkage, _ = review
    text = links._table(linkage, essay, bib, linkage, None, width=width)
    shown = [lk for lk in linkage.links]
    claims = {c.id: c.text for c in essay.claims}
    # The evidence and the start of each sentence are shown at both widths.
    first_words = [claims[lk.claim_id].split()[1] for lk in shown[:20] if lk.claim_id in claims]
    assert_readable(text, width, words_of(*(lk.source_key for lk in shown), *first_words))
    assert "claims have a confirmed source" in " ".join(text.split())
    evidence = [lk.evidence.split()[0] for lk in shown[:10] if lk.evidence.split()]
    assert all(word in text for word in evidence)


@pytest.mark.parametrize("width", WIDTHS)
def test_metadata_at(width: int, review) -> None:
    bib, _, _, meta = review
    text = metadata._table(bib, meta, width=width)
    assert_readable(text, width, words_of(*(s.key for s in bib.sources), *(m.reason or "" for m in meta.values())))


def test_wrap_breaks_between_words_only() -> None:
    lines = wrap("title: Pragmatism in International Relations and a https://example.org/a/very/long/url/that/stays",
                 30, indent="  ")
    assert lines[0] == "  title: Pragmatism in"
    assert "  https://example.org/a/very/long/url/that/stays" in [line.rstrip() for line in lines] or \
        any("https://example.org/a/very/long/url/that/stays" in line for line in lines)
    assert all(len(line) <= 30 or len(line.split()) == 1 for line in lines)


@pytest.mark.parametrize("width", WIDTHS)
def test_fetch_summary_at(width: int, review) -> None:
    from types import SimpleNamespace

    from litreview.commands import fetch

    bib, _, _, meta = review
    report = SimpleNamespace(metadata=meta, errors=(), offline=False, requests=3, retries=0, seconds=1.5, cached=2,
                             written=(), counts=lambda: {"no-doi": 18, "unverified": 6})
    text = fetch._summary(report, bib, width=width)
    assert_readable(text, width, words_of(*(s.key for s in bib.sources), *(m.reason or "" for m in meta.values())))
    assert "24 entries: 18 no-doi, 6 unverified." in " ".join(text.split())


LONG_KEYS = ("http://zotero.org/groups/2323485/items/8C92G7E2", "http://zotero.org/groups/2323485/items/AGHCTYIJ",
             "doi:10.1016/j.ssresearch.2016.06.001", "doi:10.1016/j.ssresearch.2016.06.002")


@pytest.fixture(scope="module")
def long_keyed(tmp_path_factory):
    """Keys as a Manubot manuscript cites by (raw Zotero item URIs, DOIs): long, alike but for their end."""
    import json

    path = tmp_path_factory.mktemp("manual") / "manual-references.json"
    path.write_text(json.dumps([{"id": key, "type": "report", "title": f"Report {n}", "issued": {"date-parts": [[2020]]},
                                 "author": [{"family": "Kingsley", "given": "G. Thomas"}]}
                                for n, key in enumerate(LONG_KEYS)]), encoding="utf-8")
    bib = load_bibliography(path)
    meta = load_metadata(bib, path.parent / "none", now=datetime(2026, 12, 1, tzinfo=UTC), stale_days=365)
    return bib, meta


def _ends_shown(text: str) -> bool:
    flat = _BOX.sub(" ", text)
    return "…" not in flat and all(key[-8:] in flat for key in LONG_KEYS)


def test_long_keys_are_folded_whole_not_cut(long_keyed) -> None:
    """A key is what a reviewer copies into `links --accept CLAIM KEY`: a long one wraps in its cell, never cut
    with an ellipsis (which left four keys alike: 'http://zotero.org/groups/…')."""
    from types import SimpleNamespace

    from litreview.commands import fetch
    from litreview.model import Linkage

    bib, meta = long_keyed
    assert _ends_shown(sources._table(bib.sources, width=120))
    assert _ends_shown(metadata._table(bib, meta, width=120))
    report = SimpleNamespace(metadata=meta, errors=(), offline=False, requests=3, retries=0, seconds=1.5, cached=0,
                             written=(), counts=lambda: {"unverified": 4})
    assert _ends_shown(fetch._summary(report, bib, width=120))
    essay = load_essay(ROOT / "tests" / "cases" / "linking_prose" / "essay.md")
    from litreview.model import Link

    claim = essay.claims[0]
    rows = tuple(Link(claim_id=claim.id, source_key=key, kind="marker", confidence=1.0, status="confirmed",
                      evidence=f"[@{key}]") for key in LONG_KEYS)
    linkage = Linkage(links=rows, mentions=(), orphans=())
    assert _ends_shown(links._table(linkage, essay, bib, linkage, None, width=120))


def test_fetch_summary_of_long_keys_and_dois_cuts_no_word(tmp_path) -> None:
    """A labour-economics article's bibliography (keys as canaldominguez.gutierrez.2004, a DOI of 37 characters,
    no-DOI entries with every registry 'not asked'): its seven columns' longest words need more than 120 columns,
    and the table squeezed the note to 7 ('registr y', 'searche d'); the entries are listed as records instead."""
    from types import SimpleNamespace

    from litreview.commands import fetch

    path = tmp_path / "refs.bib"
    path.write_text(
        "@article{canaldominguez.gutierrez.2004, author = {Canal Dom{\\'\\i}nguez, Juan}, title = {Wage"
        " differentials}, journal = {Economics}, year = {2004}}\n"
        "@article{gosling.machin.1995, author = {Gosling, Amanda}, title = {Trade unions}, journal = {Oxford"
        " Bulletin}, year = {1995}, doi = {10.1111/j.1468-0084.1995.mp57002002.x}}\n", encoding="utf-8")
    bib = load_bibliography(path)
    meta = load_metadata(bib, tmp_path / "none", now=datetime(2026, 12, 1, tzinfo=UTC), stale_days=365)
    report = SimpleNamespace(metadata=meta, errors=(), offline=False, requests=0, retries=0, seconds=0.0, cached=0,
                             written=(), counts=lambda: {"no-doi": 1, "unverified": 1})
    for width in WIDTHS:
        text = fetch._summary(report, bib, width=width)
        assert_readable(text, width, words_of(*(s.key for s in bib.sources), *(m.reason or "" for m in meta.values()),
                                              "registry searched Semantic Scholar asked"))


def test_no_rows_print_no_empty_table() -> None:
    """A bibliography of no entries (a CSL-YAML file keyed by id, which pandoc reads nothing from) printed an empty
    box under "0 sources"; the count alone says it."""
    for width in WIDTHS:
        assert sources._table((), width=width) == "0 sources\n"
