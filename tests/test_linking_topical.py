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
    text = "\n\n".join([*(f"Diplomats number {i} meet the modern diplomat." for i in range(4)),
                        *(f"Paragraph {i} is about something else entirely." for i in range(16))])
    got = [s for s in suggestions(text) if s[1] == "protocol2007modern"]
    assert len(got) == 2


FIELD = """
@book{bauer2011pragmatism, author={Bauer, Harry}, title={Pragmatism in International Relations}, year={2011}}
@book{sarkesian2013us, author={Sarkesian, Sam}, title={US National Security: Policymakers, Processes, and Politics},
      year={2013}}
@book{kant1983perpetual, author={Kant, Immanuel}, title={Perpetual Peace, and Other Essays}, year={1983}}
@online{uscode22, title={U.S. Code: Title 22 – Foreign Relations}, year={2020}}
@online{uscode10, title={U.S. Code: Title 10 – Armed Forces}, year={2020}}
"""
# Six paragraphs that all speak of international relations, national interest and security:
# those words are the essay's subject, not any one sentence's source.
SUBJECT = [f"International relations shape alliance {n}, for national interest and for security."
           for n in ("one", "two", "three", "four", "five", "six")]


def field_suggestions(*paragraphs: str) -> set[tuple[str, str]]:
    linkage = link(parse_essay("\n\n".join([*SUBJECT, *paragraphs])), parse_bibliography(FIELD))
    return {(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "topical"}


def test_words_the_whole_essay_uses_suggest_nothing() -> None:
    assert field_suggestions() == set()


def test_a_pair_of_common_words_can_be_specific() -> None:
    assert field_suggestions("The National Security Advisor briefs the President daily.") == {
        ("p7-s1", "sarkesian2013us")}


def test_words_that_name_a_kind_of_publication_suggest_nothing() -> None:
    assert field_suggestions("This essay holds that alliances matter; other essays disagree.") == set()


def test_words_another_linker_explained_do_not_count_again() -> None:
    essay = parse_essay(TEXT)
    index = build_index(parse_bibliography(BIB))
    claim = essay.claim("p2-s1")
    assert claim is not None
    found = {(h.claim_id, h.key) for h in topical.suggest(essay.claims, index)}
    assert ("p2-s1", "protocol2007modern") in found
    # as if another linker had used "A diplomat ... diplomats" as the evidence of its link
    span = (0, claim.text.index("interface"))
    found = {(h.claim_id, h.key) for h in topical.suggest(essay.claims, index, explained={"p2-s1": [span]})}
    assert ("p2-s1", "protocol2007modern") not in found
