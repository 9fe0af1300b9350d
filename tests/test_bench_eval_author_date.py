"""``bench/eval_author_date.py --undecidable``: an item counts apart only when the document, rendered again with its
entry exchanged for another, reads exactly as before."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
CORPUS = BENCH.parents[1] / "shared" / "corpus"

TWINS_AND_TITLES = """\
@article{twin1, author = {Edward Aaa}, year = {1934}}
@article{twin2, author = {Edward Aaa}, year = {1934}}
@book{doe, author = {Doe, Ann}, title = {Tides}, year = {2001}}
@book{roe, author = {Doe, Ann}, title = {Waves}, year = {2001}}
"""
"""Two entries alike but for their key, and two a reader tells apart: the style letters them by title."""


@pytest.fixture
def bench():  # type: ignore[no-untyped-def]
    pytest.importorskip("pypandoc")
    if not (CORPUS / "manuscripts" / "tools" / "gold.py").is_file():
        pytest.skip("the corpus's gold tool is not at hand")
    sys.path.insert(0, str(BENCH))
    try:
        import author_date_styles
        import eval_author_date

        yield eval_author_date, author_date_styles
    finally:
        sys.path.remove(str(BENCH))


def test_entries_alike_but_for_their_key_are_proven_undecidable_and_others_not(bench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The document is written as the generated gen-* documents are (``citing_every_entry``): its reference list,
    # which prints tied entries in a fixed order whatever the citations, is left out of the prose compared.
    evaluate, styles = bench
    bib = tmp_path / "refs.bib"
    bib.write_text(TWINS_AND_TITLES, encoding="utf-8")
    source = tmp_path / "doc.md"
    source.write_text(evaluate.citing_every_entry(bib), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    [(_, text, _, _)] = styles.render(CORPUS, out, planned=[styles.Job("gen-twins", source, bib, "", "")])
    assert "1934a" in styles.body_with_notes(text.read_text(encoding="utf-8"))
    groups = {"twin1": {frozenset({"twin1", "twin2"})}, "doe": {frozenset({"doe", "roe"})}}
    assert evaluate.interchangeable(text.parent, groups, tmp_path / "swapped") == {"twin1"}

