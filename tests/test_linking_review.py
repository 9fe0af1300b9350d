# ruff: noqa: F811  (the work fixture is imported from test_linking_cli and used as a parameter)
"""A reviewer's decisions as `litreview links` shows them: ambiguous names settled, kinds kept,
and what cannot be linked (unresolved markers, links to unknown keys) reported plainly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_linking_cli import run, work  # noqa: F401  (work is a fixture; same scenario as links' tests)

from litreview.bibliography.load import parse_bibliography
from litreview.cli import main
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.linking.curated import accept, load_curated

CASE = Path(__file__).parent / "cases" / "linking_prose"

WENDT = parse_bibliography("""
@incollection{wendt1992anarchy, author={Wendt, Alexander},
  title={Anarchy Is What States Make of It: The Social Construction of Power Politics}, year={1992}}
@book{wendt1999social, author={Wendt, Alexander}, title={Social Theory of International Politics}, year={1999}}
""")
# "anarchy" and "power politics" point at the 1992 article, so the name is ambiguous but
# the linker picks wendt1992anarchy; the reviewer knows better.
WENDT_ESSAY = ("States compete. Alexander Wendt describes anarchy and power politics as states that "
               "bandwagon.\n\nA second paragraph ends here.\n")


def _by_pair(linkage):
    return {(lk.claim_id, lk.source_key): lk for lk in linkage.links}


def test_confirming_the_other_entry_of_an_ambiguous_name(tmp_path: Path) -> None:
    essay = parse_essay(WENDT_ESSAY)
    before = _by_pair(link(essay, WENDT))
    picked = before[("p1-s2", "wendt1992anarchy")]
    assert (picked.kind, picked.status, picked.ambiguous) == ("attribution", "suggested", True)
    assert ("p1-s2", "wendt1999social") not in before
    path = tmp_path / "claims.yaml"
    accept(path, essay, "p1-s2", "wendt1999social", note="the 1999 book", bibliography=WENDT)
    after = _by_pair(link(essay, WENDT, load_curated(path)))
    chosen = after[("p1-s2", "wendt1999social")]
    # an attribution with the name as evidence, not a "topical" link whose evidence is the note
    assert (chosen.kind, chosen.status, chosen.evidence, chosen.note, chosen.curated) == (
        "attribution", "confirmed", "Alexander Wendt", "the 1999 book", True)
    # the reviewer settled the ambiguity: the linker's other pick is no longer suggested
    assert ("p1-s2", "wendt1992anarchy") not in after


def test_accept_records_the_kind_of_an_ambiguous_names_other_entry(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "essay.md").write_text(WENDT_ESSAY, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(WENDT.text, encoding="utf-8")
    code = main(["links", "--essay", str(tmp_path / "essay.md"), "--bib", str(tmp_path / "refs.bib"),
                 "--claims", str(tmp_path / "claims.yaml"), "--metadata-dir", str(tmp_path / "none"),
                 "--accept", "p1-s2", "wendt1999social"])
    assert code == 0
    (entry,) = load_curated(tmp_path / "claims.yaml").links
    assert (entry.source_key, entry.kind) == ("wendt1999social", "attribution")


def test_a_recorded_kind_survives_when_only_a_topical_match_is_left(tmp_path: Path) -> None:
    bib = parse_bibliography("@book{farrell2005world, author={Farrell, Theo}, "
                             "title={World Culture and Military Power}, year={2005}}")
    essay = parse_essay("Farrell says culture matters. Military power reflects world culture.\n")
    path = tmp_path / "claims.yaml"
    path.write_text("""links:
  - claim: p1-s2
    source: farrell2005world
    status: confirmed
    kind: quotation
    note: the book's thesis, quoted
    anchor:
      exact: Military power reflects world culture.
""", encoding="utf-8")
    plain = _by_pair(link(essay, bib, all_suggestions=True))
    assert plain[("p1-s2", "farrell2005world")].kind == "topical"  # all the linkers see today, on request
    got = _by_pair(link(essay, bib, load_curated(path)))[("p1-s2", "farrell2005world")]
    assert (got.kind, got.status, got.evidence) == ("quotation", "confirmed", "the book's thesis, quoted")




@pytest.mark.parametrize("fmt", ["table", "json"])
def test_unresolved_markers_are_reported(work: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, _, err = run(work, capsys, "--format", fmt)
    # front matter (3 lines) and a blank line, then paragraphs at lines 5, 7 and 9
    assert code == 0
    assert f"{work / 'essay.md'}:9: [p3-s3] citation '@nobody2020' matches no entry" in err


def test_a_link_to_an_unknown_key_says_so(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "claims.yaml").write_text("""links:
  - claim: p1-s1
    source: holsti2099gone
    status: confirmed
    anchor:
      exact: Later, as outlined by Holsti, those rules changed.
""", encoding="utf-8")
    before = (work / "claims.yaml").read_bytes()
    code, _, err = run(work, capsys, "--format", "json")
    assert code == 0
    assert f"{work / 'claims.yaml'}:2: the link p1-s1 -> holsti2099gone names no entry 'holsti2099gone'" in err
    assert "sentence changed" not in err
    assert (work / "claims.yaml").read_bytes() == before


def test_a_link_to_an_unknown_key_names_the_files_as_check_does(work: Path, capsys: pytest.CaptureFixture[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # The claims file was named as typed, the bibliography by its whole path.
    (work / "claims.yaml").write_text("links:\n  - claim: p1-s1\n    source: holsti2099gone\n    status: confirmed\n",
                                      encoding="utf-8")
    monkeypatch.chdir(work)
    assert main(["links", "--essay", "essay.md", "--bib", "refs.bib", "--claims", "claims.yaml"]) == 0
    err = capsys.readouterr().err
    assert "warning: claims.yaml:2: the link p1-s1 -> holsti2099gone names no entry 'holsti2099gone' in refs.bib (" in err
