"""Linking on real documents: the essay under review and the shared evaluation corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.bibliography.load import load_bibliography
from litreview.essay import load_essay, parse_essay
from litreview.linking import coverage, link, links_frame


def test_the_essay_names_its_sources(root: Path) -> None:
    essay = load_essay(root / "refs" / "essay.md")
    bibliography = load_bibliography(root / "refs" / "bibliography.bib")
    linkage = link(essay, bibliography)
    pairs = {(lk.claim_id, lk.source_key, lk.kind) for lk in linkage.links}
    for expected in [("p1-s2", "holsti2004taming", "attribution"), ("p1-s4", "holsti2004taming", "attribution"),
                     ("p3-s5", "paul2004international", "quotation"), ("p3-s11", "bull2012anarchical", "attribution"),
                     ("p8-s4", "grotius2012hugo", "attribution"), ("p8-s5", "kant1983perpetual", "title"),
                     ("p8-s8", "keohane2012power", "title"), ("p10-s3", "uscode10", "reference"),
                     ("p11-s3", "moroney2009framework", "reference"), ("p13-s2", "uscode22", "reference")]:
        assert expected in pairs
    unresolved = {(m.claim_id, m.kind, m.text) for m in linkage.mentions if not m.keys}
    assert {("p3-s2", "author", "Hans Morgenthau"), ("p3-s2", "author", "Kenneth Waltz"),
            ("p3-s8", "quotation", "“given the inevitability of changes in the national interest.”")} <= unresolved
    assert not any(m.text in ("President", "Lockheed Martin") for m in linkage.mentions)


def test_links_frame_and_coverage(root: Path) -> None:
    essay = load_essay(root / "refs" / "essay.md")
    bibliography = load_bibliography(root / "refs" / "bibliography.bib")
    linkage = link(essay, bibliography)
    frame = links_frame(linkage, essay, bibliography)
    assert list(frame.columns[:9]) == ["claim_id", "paragraph", "sentence", "text", "source_key", "kind",
                                       "confidence", "status", "evidence"]
    assert len(frame) == len(linkage.links)
    figures = frame.attrs["coverage"]
    assert figures == coverage(linkage, essay, bibliography)
    assert figures["claims"] == len(essay.claims) and figures["sources"] == 24
    confirmed = {lk.source_key for lk in linkage.links if lk.status == "confirmed"}
    assert set(figures["sources_without_claim"]) == set(bibliography.keys) - confirmed


@pytest.mark.slow
def test_every_pandoc_marker_of_the_corpus_resolves(shared: Path) -> None:
    folder = shared / "corpus" / "chaudhry-heiss"
    text = (folder / "are_funders_really_responding.md").read_text(encoding="utf-8")
    linkage = link(parse_essay(text), load_bibliography(folder / "bibliography.bib"))
    markers = [m for m in linkage.mentions if m.kind == "marker"]
    gold = json.loads((folder / "gold" / "gold_summary.json").read_text(encoding="utf-8"))
    assert len(markers) == gold["citation_instances"]
    assert all(len(m.keys) == 1 for m in markers)
    assert {m.keys[0] for m in markers} == set(gold["cited_keys"])
