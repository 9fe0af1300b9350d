"""Topical suggestions: sparse TF-IDF, always suggested, bounded per claim and per source."""

from __future__ import annotations

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link, topical
from litreview.linking.index import build_index

BIB = """
@techreport{treverton2006toward, author={Treverton, Gregory}, title={Toward a Theory of Intelligence}, year={2006}}
@book{protocol2007modern, title={Protocol for the Modern Diplomat}, publisher={Foreign Service Institute}, year={2007}}
@article{williams2001discipline, author={Williams, Michael C.}, title={The Discipline of the Democratic Peace}, year={2001}}
@book{terry2010principles, author={Terry, Jason}, title={Principles of Building Partnership Capacity}, year={2010}}
"""

TEXT = """Intelligence operations need a theory of intelligence to guide analysts.

A diplomat must be literate in model behavior; diplomats interface with host nations.

Shared security regimes make democracy a source of peace between states.

The weather was pleasant and the harvest was large that year.
"""


def suggestions(text: str = TEXT) -> list[tuple[str, str, str]]:
    linkage = link(parse_essay(text), parse_bibliography(BIB))
    return [(lk.claim_id, lk.source_key, lk.status) for lk in linkage.links if lk.kind == "topical"]


def test_suggestions_follow_shared_words_and_stay_suggested() -> None:
    assert suggestions() == [("p1-s1", "treverton2006toward", "suggested"),
                             ("p2-s1", "protocol2007modern", "suggested"),
                             ("p3-s1", "williams2001discipline", "suggested")]


def test_scores_are_between_zero_and_one_and_evidence_names_the_words() -> None:
    linkage = link(parse_essay(TEXT), parse_bibliography(BIB))
    (lk,) = [lk for lk in linkage.links if lk.claim_id == "p2-s1"]
    assert 0 < lk.confidence <= 1
    assert lk.evidence == "shared words: diplomat, diplomats"


def test_excluded_pairs_are_skipped() -> None:
    essay = parse_essay(TEXT)
    index = build_index(parse_bibliography(BIB))
    hits = topical.suggest(essay.claims, index, {("p1-s1", "treverton2006toward")})
    assert ("p1-s1", "treverton2006toward") not in {(h.claim_id, h.key) for h in hits}


def test_chunking_does_not_change_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join([TEXT] * 5)
    whole = suggestions(text)
    monkeypatch.setattr(topical, "CHUNK", 3)
    assert suggestions(text) == whole


def test_each_source_keeps_only_its_best_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(topical, "PER_SOURCE", 2)
    text = "\n\n".join(f"Diplomats number {i} meet the modern diplomat." for i in range(5))
    got = [s for s in suggestions(text) if s[1] == "protocol2007modern"]
    assert len(got) == 2
