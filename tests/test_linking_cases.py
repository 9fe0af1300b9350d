"""Scenario folders tests/cases/linking_*/: essay.md + refs.bib (+ claims.yaml) against a hand-written expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.bibliography.load import load_bibliography
from litreview.essay import load_essay
from litreview.linking import group_claims, link, load_curated

CASES = sorted((Path(__file__).parent / "cases").glob("linking_*"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    essay = load_essay(case / "essay.md")
    curated = load_curated(case / "claims.yaml")  # a case without one has no reviewed decisions
    linkage = link(essay, load_bibliography(case / "refs.bib"), curated)
    got = [{"claim_id": lk.claim_id, "source_key": lk.source_key, "kind": lk.kind, "status": lk.status}
           for lk in linkage.links if lk.kind != "topical"]
    assert got == expected["links"]
    unresolved = [{"claim_id": m.claim_id, "kind": m.kind, "text": m.text} for m in linkage.mentions if not m.keys]
    assert unresolved == expected["unresolved"]
    variants = [{"claim_id": m.claim_id, "text": m.text, "keys": list(m.keys), "detail": m.detail}
                for m in linkage.mentions if m.kind == "title-variant"]
    assert variants == expected["variants"]
    assert all(lk.status == "suggested" for lk in linkage.links if lk.kind == "topical")
    if "claims" in expected:
        assert [c.id for c in group_claims(essay, curated).claims] == expected["claims"]
    orphans = [{"claim_id": o.claim_id, "source_key": o.source_key, "line": o.line} for o in linkage.orphans]
    assert orphans == expected.get("orphans", [])
