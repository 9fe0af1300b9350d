# ruff: noqa: F811  (the work fixture is imported from test_linking_cli and used as a parameter)
"""Claim groups: consecutive sentences the claims file declares one claim, placed, re-anchored, orphaned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_linking_cli import run, work  # noqa: F401  (work is a fixture; same scenario as links' tests)

from litreview.bibliography.load import parse_bibliography
from litreview.errors import ClaimsFileError
from litreview.essay import parse_essay
from litreview.linking import group_claims, link
from litreview.linking.curated import accept, load_curated, parse_curated, reanchor, record_group, reject

BIB = parse_bibliography("""
@book{holsti2004taming, author={Holsti, K. J.}, title={Taming the Sovereigns}, year={2004}}
@book{farrell2005world, author={Farrell, Theo}, title={World Culture and Military Power}, year={2005}}
""")
S2 = "K.J. Holsti qualified relations as organized."
S3 = "He called it a society of states."
ESSAY = (f"Order is contested. {S2} {S3} Military power reflects world culture.\n\n"
         "A second paragraph ends here.\n")
GROUP = f"""groups:
  - claim: p1-s2-3
    anchor:
      exact: {S2} {S3}
      prefix: 'Order is contested. '
      suffix: ' Military power reflects world'
"""


def test_a_group_takes_the_place_of_its_sentences() -> None:
    essay = parse_essay(ESSAY)
    grouped = group_claims(essay, parse_curated(GROUP))
    assert [c.id for c in grouped.claims] == ["p1-s1", "p1-s2-3", "p1-s4", "p2-s1"]
    claim = grouped.claim("p1-s2-3")
    s2, s3 = essay.claim("p1-s2"), essay.claim("p1-s3")
    assert claim is not None and s2 is not None and s3 is not None
    assert (claim.paragraph, claim.sentence, claim.text, claim.line) == (1, 2, f"{S2} {S3}", 1)
    assert (claim.start, claim.end) == (s2.start, s3.end)
    assert claim.selector.exact == claim.text
    assert (claim.selector.prefix, claim.selector.suffix) == (s2.selector.prefix, s3.selector.suffix)
    assert grouped.paragraphs[1] == essay.paragraphs[1]


def test_no_groups_leaves_the_essay_as_it_is() -> None:
    essay = parse_essay(ESSAY)
    assert group_claims(essay, None) is essay
    assert group_claims(essay, parse_curated("links: []\n")) is essay


def test_grouping_twice_changes_nothing() -> None:
    curated = parse_curated(GROUP)
    once = group_claims(parse_essay(ESSAY), curated)
    assert group_claims(once, curated) == once


def test_links_found_in_grouped_sentences_are_reported_on_the_group() -> None:
    linkage = link(parse_essay(ESSAY), BIB, parse_curated(GROUP))
    ids = {lk.claim_id for lk in linkage.links}
    assert "p1-s2" not in ids and "p1-s3" not in ids
    holsti = [lk for lk in linkage.links if lk.source_key == "holsti2004taming" and lk.kind == "attribution"]
    assert [(lk.claim_id, lk.evidence, lk.status) for lk in holsti] == [("p1-s2-3", "K.J. Holsti", "confirmed")]
    assert linkage.orphans == ()


def test_a_decision_recorded_on_a_sentence_moves_to_its_group() -> None:
    text = GROUP + f"""links:
  - claim: p1-s3
    source: farrell2005world
    status: confirmed
    note: the society of states
    anchor:
      exact: {S3}
"""
    linkage = link(parse_essay(ESSAY), BIB, parse_curated(text))
    (lk,) = [lk for lk in linkage.links if lk.source_key == "farrell2005world" and lk.curated]
    assert (lk.claim_id, lk.status, lk.note) == ("p1-s2-3", "confirmed", "the society of states")


def _accepted(tmp_path: Path) -> Path:
    path = tmp_path / "claims.yaml"
    accept(path, parse_essay(ESSAY), "p1-s2-3", "holsti2004taming", note="defines IR", bibliography=BIB)
    return path


def test_accepting_on_a_new_group_id_records_the_group(tmp_path: Path) -> None:
    curated = load_curated(_accepted(tmp_path))
    (group,) = curated.groups
    assert (group.claim_id, group.exact, group.prefix) == ("p1-s2-3", f"{S2} {S3}", "Order is contested. ")
    (decision,) = curated.links
    assert (decision.claim_id, decision.source_key, decision.exact) == ("p1-s2-3", "holsti2004taming", f"{S2} {S3}")


def test_a_decision_on_a_grouped_sentence_updates_the_groups_entry(tmp_path: Path) -> None:
    # accept()/reject() on p1-s2 once p1-s2-3 is recorded looked the pair up under p1-s2 (gone: the group
    # replaces its sentences), missed the group's entry and appended a second one; the file then failed to
    # load with "duplicate entry for p1-s2-3 and holsti2004taming (first at line ...)".
    path = _accepted(tmp_path)
    essay = parse_essay(ESSAY)
    written = reject(path, essay, "p1-s2", "holsti2004taming", note="not this one", bibliography=BIB)
    assert [(d.claim_id, d.source_key, d.status, d.note) for d in written.links] == [
        ("p1-s2-3", "holsti2004taming", "rejected", "not this one")]
    accept(path, essay, "p1-s3", "farrell2005world", bibliography=BIB)  # a first decision on a grouped sentence
    curated = load_curated(path)
    assert [(d.claim_id, d.source_key, d.status) for d in curated.links] == [
        ("p1-s2-3", "holsti2004taming", "rejected"), ("p1-s2-3", "farrell2005world", "confirmed")]
    assert [g.claim_id for g in curated.groups] == ["p1-s2-3"]


def test_a_decision_made_before_its_sentence_was_grouped_is_updated_not_duplicated(tmp_path: Path) -> None:
    # The sentence decided on first, then grouped: a second decision on it stopped with "claims.yaml:..: duplicate
    # entry for p1-s2 and holsti2004taming (first at line ...)".
    path, essay = tmp_path / "claims.yaml", parse_essay(ESSAY)
    accept(path, essay, "p1-s2", "holsti2004taming", bibliography=BIB)
    record_group(path, essay, "p1-s2-3")
    reject(path, essay, "p1-s2", "holsti2004taming", bibliography=BIB)
    assert [(d.source_key, d.status) for d in load_curated(path).links] == [("holsti2004taming", "rejected")]


def test_reanchoring_onto_a_grouped_sentence_moves_the_decision_to_its_group(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(GROUP + """links:
  - claim: p2-s2
    source: farrell2005world
    status: confirmed
    anchor:
      exact: A sentence edited away long ago.
""", encoding="utf-8")
    written = reanchor(path, parse_essay(ESSAY), "p2-s2", "farrell2005world", "p1-s3", bibliography=BIB)
    assert [(d.claim_id, d.exact) for d in written.links] == [("p1-s2-3", f"{S2} {S3}")]


def test_a_group_and_its_links_follow_an_inserted_sentence(tmp_path: Path) -> None:
    curated = load_curated(_accepted(tmp_path))
    edited = parse_essay("A new opening sentence. " + ESSAY)
    assert [c.id for c in group_claims(edited, curated).claims][:3] == ["p1-s1", "p1-s2", "p1-s3-4"]
    linkage = link(edited, BIB, curated)
    confirmed = [(lk.claim_id, lk.note) for lk in linkage.links if lk.curated]
    assert confirmed == [("p1-s3-4", "defines IR")] and linkage.orphans == ()


def test_a_group_follows_a_light_edit_of_its_sentences(tmp_path: Path) -> None:
    curated = load_curated(_accepted(tmp_path))
    edited = parse_essay(ESSAY.replace("a society of states", "a society of sovereign states"))
    grouped = group_claims(edited, curated)
    assert grouped.claim("p1-s2-3").text == f"{S2} He called it a society of sovereign states."
    linkage = link(edited, BIB, curated)
    assert [lk.claim_id for lk in linkage.links if lk.curated] == ["p1-s2-3"] and linkage.orphans == ()


def test_a_group_grows_when_an_edit_splits_one_of_its_sentences(tmp_path: Path) -> None:
    curated = load_curated(_accepted(tmp_path))
    edited = parse_essay(ESSAY.replace("a society of states.", "a society. Of states, that is."))
    grouped = group_claims(edited, curated)
    assert [c.id for c in grouped.claims] == ["p1-s1", "p1-s2-4", "p1-s5", "p2-s1"]
    assert [lk.claim_id for lk in link(edited, BIB, curated).links if lk.curated] == ["p1-s2-4"]


def test_a_group_whose_sentences_are_gone_is_an_orphan_and_so_are_its_links(tmp_path: Path) -> None:
    curated = load_curated(_accepted(tmp_path))
    edited = parse_essay(ESSAY.replace(f"{S2} {S3} ", ""))
    assert [c.id for c in group_claims(edited, curated).claims] == ["p1-s1", "p1-s2", "p2-s1"]
    linkage = link(edited, BIB, curated)
    # header (28 lines), "groups:", the group (line 30, 5 lines), "links:", the link (line 36)
    got = [(o.claim_id, o.source_key, o.line) for o in linkage.orphans]
    assert got == [("p1-s2-3", "", 30), ("p1-s2-3", "holsti2004taming", 36)]
    assert not [lk for lk in linkage.links if lk.curated]


def test_overlapping_groups_keep_the_first_and_report_the_second() -> None:
    text = GROUP + f"""  - claim: p1-s3-4
    anchor:
      exact: {S3} Military power reflects world culture.
"""
    linkage = link(parse_essay(ESSAY), BIB, parse_curated(text))
    assert [(o.claim_id, o.source_key, o.line) for o in linkage.orphans] == [("p1-s3-4", "", 7)]
    assert [c.id for c in group_claims(parse_essay(ESSAY), parse_curated(text)).claims][:3] == [
        "p1-s1", "p1-s2-3", "p1-s4"]


@pytest.mark.parametrize(("text", "line", "words"), [
    ("groups:\n  - claim: p1-s3\n", 2, "must read p<paragraph>-s<first>-<last>"),
    ("groups:\n  - claim: p1-s3-2\n", 2, "must read p<paragraph>-s<first>-<last>"),
    ("groups:\n  - claim: p1-s2-3\n  - claim: p1-s2-3\n", 3, "duplicate group p1-s2-3"),
    ("groups:\n  - claim: p1-s2-3\n    source: x\n", 3, "unknown field 'source' in a group"),
    ("groups:\n  - claim: p1-s2-3\n    anchor: here\n", 3, "`anchor` must have"),
    ("groups: p1-s2-3\n", 1, "`groups` must be a list"),
])
def test_bad_groups_say_where(text: str, line: int, words: str) -> None:
    with pytest.raises(ClaimsFileError) as err:
        parse_curated(text, "claims.yaml")
    assert words in err.value.message and err.value.line == line


def test_record_group_keeps_the_file_and_refuses_overlaps(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("# mine\nlinks: []\n", encoding="utf-8")
    essay = parse_essay(ESSAY)
    record_group(path, essay, "p1-s2-3", note="one thought")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# mine\ngroups:\n  - claim: p1-s2-3\n    note: one thought\n")
    for bad, words in (("p1-s3-4", "overlaps the group p1-s2-3"), ("p1-s4-9", "no sentence 5"),
                       ("p7-s1-2", "no paragraph 7"), ("p1-s2", "does not name a group")):
        with pytest.raises(ClaimsFileError, match=words):
            record_group(path, essay, bad)
    assert path.read_text(encoding="utf-8") == text


# --- the command line ------------------------------------------------------------------

P2 = ("In Keohane and Nye's Power and Independence, cooperation is common. "
      "Scholars such as Hans Morgenthau disagreed.")


def test_json_reports_a_group_as_one_claim(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(work, capsys, "--group", "p2-s2-3")
    assert code == 0 and "grouped: p2-s2-3" in out
    code, out, _ = run(work, capsys, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and not [r for r in rows if r["claim_id"] in ("p2-s2", "p2-s3")]
    group = [r for r in rows if r["claim_id"] == "p2-s2-3"]
    assert {(r["paragraph"], r["sentence"], r["text"]) for r in group} == {(2, 2, P2)}
    assert [(r["source_key"], r["kind"], r["status"]) for r in group if r["kind"] != "topical"] == [
        ("keohane2012power", "attribution", "confirmed"), ("keohane2012power", "title", "confirmed")]


def test_accept_and_reject_on_a_group_round_trip(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(work, capsys, "--accept", "p3-s1-2", "moroney2009framework", "--note", "both documents")
    assert code == 0 and "confirmed: p3-s1-2 relies on moroney2009framework" in out
    curated = load_curated(work / "claims.yaml")
    assert [g.claim_id for g in curated.groups] == ["p3-s1-2"]
    assert [(d.claim_id, d.kind) for d in curated.links] == [("p3-s1-2", "reference")]
    code, out, _ = run(work, capsys, "--format", "json", "--source", "moroney2009framework")
    assert [(r["claim_id"], r["status"]) for r in json.loads(out)] == [("p3-s1-2", "confirmed")]
    code, out, _ = run(work, capsys, "--reject", "p3-s1-2", "moroney2009framework")
    assert code == 0
    curated = load_curated(work / "claims.yaml")
    assert [(d.claim_id, d.status) for d in curated.links] == [("p3-s1-2", "rejected")]
    assert len(curated.groups) == 1
    code, out, _ = run(work, capsys, "--format", "json", "--source", "moroney2009framework")
    assert [(r["claim_id"], r["status"]) for r in json.loads(out)] == [("p3-s1-2", "rejected")]


def test_a_decision_on_a_grouped_sentence_is_recorded_on_its_group(work: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # A decision on p3-s1 made before p3-s1-2 was grouped (or on p3-s1 after it) could not be changed: each
    # later --accept or --reject of the pair stopped with "claims.yaml:44: duplicate entry for p3-s1 and ..."
    # (line 44 of a file of 43 lines). The group replaces its sentences, so the decision is the group's.
    assert run(work, capsys, "--accept", "p3-s1", "moroney2009framework")[0] == 0
    assert run(work, capsys, "--group", "p3-s1-2")[0] == 0
    code, out, _ = run(work, capsys, "--reject", "p3-s1", "moroney2009framework", "--note", "not this one")
    assert code == 0, out
    assert "p3-s1 is a sentence of the group p3-s1-2" in out
    assert "rejected: p3-s1-2 does not rely on moroney2009framework" in out
    curated = load_curated(work / "claims.yaml")
    assert [(d.claim_id, d.source_key, d.status) for d in curated.links] == [
        ("p3-s1-2", "moroney2009framework", "rejected")]
    code, out, _ = run(work, capsys, "--accept", "p3-s2", "uscode10")  # a first decision on a grouped sentence
    assert code == 0 and "confirmed: p3-s1-2 relies on uscode10" in out
    assert [(d.claim_id, d.source_key) for d in load_curated(work / "claims.yaml").links] == [
        ("p3-s1-2", "moroney2009framework"), ("p3-s1-2", "uscode10")]


def test_a_group_survives_an_edit_or_is_reported(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(work, capsys, "--accept", "p3-s1-2", "uscode10")
    essay = work / "essay.md"
    original = essay.read_text(encoding="utf-8")
    essay.write_text(original.replace("Title 10 of", "A new first sentence. Title 10 of"), encoding="utf-8")
    code, out, err = run(work, capsys, "--format", "json", "--source", "uscode10")
    assert code == 0 and "no longer anchors" not in err  # the essay's @nobody2020 is reported apart
    assert [(r["claim_id"], r["status"]) for r in json.loads(out)] == [("p3-s2-3", "confirmed")]
    essay.write_text(original.replace("Title 10 of the US Code organizes the armed forces. A RAND report "
                                      "found gaps.", "Everything changed."), encoding="utf-8")
    code, out, err = run(work, capsys, "--format", "json")
    assert code == 0
    assert "the group p3-s1-2 no longer anchors" in err
    assert "the link p3-s1-2 -> uscode10 no longer anchors" in err


def test_bad_group_requests_exit_2(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(work, capsys, "--group", "p2-s1-9")[0] == 2
    assert run(work, capsys, "--accept", "p2-s3-1", "keohane2012power")[0] == 2
    assert run(work, capsys, "--group", "p2-s1-2", "--accept", "p2-s1", "keohane2012power")[0] == 2
    assert (work / "claims.yaml").read_text(encoding="utf-8") == ""  # nothing written


# --- what the checks and the site see ----------------------------------------------------

def test_checks_and_site_find_a_group_in_the_grouped_essay() -> None:
    from litreview.checks.text import check_curated
    from litreview.model import Review
    from litreview.render.site import render_site

    essay = parse_essay(ESSAY)
    text = GROUP + f"""links:
  - claim: p1-s2-3
    source: holsti2004taming
    status: confirmed
    anchor:
      exact: {S2} {S3}
"""
    curated = parse_curated(text)
    linkage = link(essay, BIB, curated)
    grouped = group_claims(essay, curated)
    assert [f.code for f in check_curated(BIB, grouped, linkage, claims_file="claims.yaml")] == []
    files = render_site(Review(bibliography=BIB, essay=grouped, linkage=linkage))
    page = next(v for k, v in files.items() if k.startswith("essay") and isinstance(v, str))
    assert f'<span class="lr-claim" id="p1-s2-3">{S2} {S3}</span>' in page
    assert 'id="p1-s2"' not in page and 'id="p1-s3"' not in page


def test_grouping_the_new_first_sentences_after_an_insert_keeps_the_shifted_group(tmp_path: Path) -> None:
    # A paragraph inserted at the top: the recorded p1-s2-3 is now p2-s2-3, and grouping the new
    # p1-s1-2 must not fail with "duplicate group" (another id of the same name, other sentences).
    path = tmp_path / "claims.yaml"
    record_group(path, parse_essay(ESSAY), "p1-s2-3", note="old")
    edited = parse_essay("Alpha comes first. Beta comes second. Gamma ends it.\n\n" + ESSAY)
    record_group(path, edited, "p1-s2-3", note="new")
    grouped = group_claims(edited, load_curated(path))
    assert {c.id for c in grouped.claims} >= {"p1-s2-3", "p2-s2-3"}
    assert sorted(g.note for g in load_curated(path).groups) == ["new", "old"]
