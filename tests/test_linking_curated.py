"""The curated claims file: validation, round-trip edits, re-anchoring and orphans."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.errors import ClaimsFileError
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.linking.curated import accept, anchor, load_curated, parse_curated, reject

BIB_TEXT = """
@book{holsti2004taming, author={Holsti, K. J.}, title={Taming the Sovereigns}, year={2004}}
@book{farrell2005world, author={Farrell, Theo}, title={World Culture and Military Power}, year={2005}}
"""
BIB = parse_bibliography(BIB_TEXT)
ESSAY = ("States seek security. K.J. Holsti qualified relations as organized. "
         "Military power reflects world culture.\n\nA second paragraph ends here.\n")


def test_accept_creates_the_file_with_its_header(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    essay = parse_essay(ESSAY)
    accept(path, essay, "p1-s2", "holsti2004taming", note="defines IR", locator="p. 3", bibliography=BIB)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Reviewer-curated links")
    (entry,) = load_curated(path).links
    assert (entry.claim_id, entry.source_key, entry.status, entry.note, entry.locator) == (
        "p1-s2", "holsti2004taming", "confirmed", "defines IR", "p. 3")
    assert entry.exact == "K.J. Holsti qualified relations as organized."


def test_edits_keep_comments_and_order(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("""# my own comment
links:
  # the first decision
  - claim: p1-s3
    source: farrell2005world
    status: rejected
  - claim: p1-s2
    source: holsti2004taming
    status: confirmed   # kept
""", encoding="utf-8")
    essay = parse_essay(ESSAY)
    accept(path, essay, "p1-s3", "farrell2005world", note="on second thought", bibliography=BIB)
    reject(path, essay, "p2-s1", "holsti2004taming", bibliography=BIB)
    text = path.read_text(encoding="utf-8")
    assert "# my own comment" in text and "# the first decision" in text and "# kept" in text
    assert [(e.claim_id, e.status) for e in load_curated(path).links] == [
        ("p1-s3", "confirmed"), ("p1-s2", "confirmed"), ("p2-s1", "rejected")]


def test_accepting_an_unknown_claim_or_key_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("links: []\n", encoding="utf-8")
    essay = parse_essay(ESSAY)
    with pytest.raises(ClaimsFileError, match="no claim p9-s9"):
        accept(path, essay, "p9-s9", "holsti2004taming", bibliography=BIB)
    with pytest.raises(ClaimsFileError, match="no entry 'nokey'"):
        accept(path, essay, "p1-s2", "nokey", bibliography=BIB)
    assert path.read_text(encoding="utf-8") == "links: []\n"


@pytest.mark.parametrize(("text", "line", "words"), [
    ("links:\n  - claim: p1-s1\n    source: a\n    status: confirmed\n    colour: red\n", 5, "unknown field 'colour'"),
    ("links:\n  - claim: p1-s1\n    source: a\n    status: confirmed\n"
     "  - claim: p1-s1\n    source: a\n    status: rejected\n", 5, "duplicate entry"),
    ("links:\n  - claim: p1-s1\n    source: a\n    status: maybe\n", 4, "unknown status"),
    ("links:\n  - claim: p1-s1\n    source: [a\n", 3, "not valid YAML"),
    # A mis-indented key is named at its own line, not where the `links:` list starts.
    ("links:\n" + "  - claim: p1-s1\n    source: a\n    status: confirmed\n" * 3
     + "  - claim: p2-s1\n    source: a\n   status: confirmed\n", 13, "not valid YAML"),
    ("links:\n  - claim: p1-s1\n    source: a\n    note: \"unclosed\n", 4, "not valid YAML"),
    ("colour: red\n", 1, "unknown field 'colour'"),
    # Brackets unquoted make a list: it was kept as the text "['a', 'b']" (an anchor that never matched).
    ("links:\n  - claim: p1-s1\n    source: a\n    status: confirmed\n    note: [a, b]\n", 5,
     "`note` must be text, not a list"),
    ("links:\n  - claim: p1-s1\n    source: a\n    status: confirmed\n    anchor:\n      exact: [x]\n", 6,
     "`exact` must be text"),
    ("links:\n  - claim: 12\n    source: a\n    status: confirmed\n", 2, "`claim` must be text, not 12"),
    ("links:\n  - claim: p1-s1\n    status: confirmed\n", 2, "missing `source`"),
    # A tagged list keeps no item positions: the error is at its key, not a crash.
    ('essay: e.md\nlinks: !!python/object/apply:os.system ["true"]\n', 2, "each link must be a mapping"),
    ("groups: !foo\n  - 7\n", 1, "each group must be a mapping"),
    ("links: p1-s1\n", 1, "`links` must be a list of entries"),
    ("essay: e.md\ngroups: {claim: p1-s1-2}\n", 2, "`groups` must be a list of entries"),
    ("- claim: p1-s1\n", 1, "must be a mapping with a `links` list"),
    ("links:\n  - p1-s1\n", 2, "each link must be a mapping"),
    ("links:\n  - claim: p1-s1\n    source: a\n    status: confirmed\n    anchor: here\n", 5, "`anchor` must have"),
])
def test_bad_files_say_where(text: str, line: int, words: str) -> None:
    with pytest.raises(ClaimsFileError) as err:
        parse_curated(text, "claims.yaml")
    assert words in err.value.message and err.value.line == line and err.value.path == "claims.yaml"
    assert err.value.hint  # and what to do: "`links` must be a list of entries" said nothing of how


@pytest.mark.parametrize(("text", "line", "message", "hint"), [
    ("links:\n  - claim: p1-s1\n    source: a\n    status: confirmed\n    colour: red\n", 5,
     "unknown field 'colour' in a link", "known fields: anchor, claim, kind, locator, note, source, status"),
    ("groups:\n  - claim: p1-s2-3\n    source: x\n", 3, "unknown field 'source' in a group",
     "known fields: anchor, claim, note"),
])
def test_an_unknown_field_is_named_with_the_fields_of_its_kind(text: str, line: int, message: str, hint: str) -> None:
    # A link's and a group's fields were checked by two copies of one loop: one check now, each with its own fields.
    with pytest.raises(ClaimsFileError) as err:
        parse_curated(text, "claims.yaml")
    assert (err.value.message, err.value.line, err.value.hint) == (message, line, hint)


def test_a_bad_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    bad = "links:\n  - claim: p1-s1\n    source: a\n    status: maybe\n"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ClaimsFileError):
        accept(path, parse_essay(ESSAY), "p1-s2", "holsti2004taming", bibliography=BIB)
    assert path.read_text(encoding="utf-8") == bad


def _curated(tmp_path: Path):
    path = tmp_path / "claims.yaml"
    accept(path, parse_essay(ESSAY), "p1-s2", "holsti2004taming", note="defines IR", bibliography=BIB)
    return load_curated(path)


def test_link_follows_its_sentence_when_one_is_inserted_before(tmp_path: Path) -> None:
    curated = _curated(tmp_path)
    edited = parse_essay("A new opening sentence. " + ESSAY)
    placed, orphans = anchor(curated, edited, BIB)
    assert [(a.claim_id, a.moved) for a in placed] == [("p1-s3", True)] and orphans == []


def test_link_follows_a_lightly_edited_sentence(tmp_path: Path) -> None:
    curated = _curated(tmp_path)
    edited = parse_essay(ESSAY.replace("qualified relations as organized", "qualified relations as well organized"))
    placed, orphans = anchor(curated, edited, BIB)
    assert [a.claim_id for a in placed] == ["p1-s2"] and orphans == []


def test_removed_sentence_becomes_an_orphan(tmp_path: Path) -> None:
    curated = _curated(tmp_path)
    edited = parse_essay(ESSAY.replace("K.J. Holsti qualified relations as organized. ", ""))
    placed, orphans = anchor(curated, edited, BIB)
    assert placed == []
    (orphan,) = orphans
    # the header comment is 28 lines, then "links:", then this entry
    assert (orphan.claim_id, orphan.source_key, orphan.line) == ("p1-s2", "holsti2004taming", 30)


def test_decisions_override_the_linkers(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    essay = parse_essay(ESSAY)
    before = link(essay, BIB, all_suggestions=True)  # a topical suggestion, shown or listed on request
    assert ("p1-s3", "farrell2005world", "topical", "suggested") in {
        (lk.claim_id, lk.source_key, lk.kind, lk.status) for lk in before.links}
    accept(path, essay, "p1-s2", "holsti2004taming", note="defines IR", locator="p. 3", bibliography=BIB)
    reject(path, essay, "p1-s3", "farrell2005world", bibliography=BIB)
    after = link(essay, BIB, load_curated(path))
    got = {(lk.claim_id, lk.source_key): lk for lk in after.links}
    holsti = got[("p1-s2", "holsti2004taming")]
    assert (holsti.status, holsti.curated, holsti.note, holsti.locator, holsti.confidence) == (
        "confirmed", True, "defines IR", "p. 3", 1.0)
    assert got[("p1-s3", "farrell2005world")].status == "rejected"


def test_decision_on_a_pair_no_linker_found_is_added(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    essay = parse_essay(ESSAY)
    accept(path, essay, "p2-s1", "farrell2005world", note="the reviewer knows", bibliography=BIB)
    after = link(essay, BIB, load_curated(path))
    (lk,) = [lk for lk in after.links if lk.claim_id == "p2-s1"]
    assert (lk.source_key, lk.status, lk.kind, lk.evidence, lk.curated) == (
        "farrell2005world", "confirmed", "topical", "the reviewer knows", True)


def test_missing_file_is_empty(tmp_path: Path) -> None:
    assert load_curated(tmp_path / "none.yaml").links == ()


def test_accepting_a_new_first_sentence_after_an_insert_keeps_the_shifted_decision(tmp_path: Path) -> None:
    # A paragraph inserted at the top shifts every id: the old p1-s1 decision is now on p2-s1,
    # and accepting the new p1-s1 with the same source is another decision, not a duplicate.
    path = tmp_path / "claims.yaml"
    accept(path, parse_essay(ESSAY), "p1-s2", "holsti2004taming", note="old", bibliography=BIB)
    edited = parse_essay("Holsti opens here. K.J. Holsti said more. Then this.\n\n" + ESSAY)
    accept(path, edited, "p1-s2", "holsti2004taming", note="new", bibliography=BIB)
    placed, orphans = anchor(load_curated(path), edited, BIB)
    assert sorted((a.claim_id, a.link.note) for a in placed) == [("p1-s2", "new"), ("p2-s2", "old")]
    assert orphans == []


def test_a_deleted_sentence_does_not_take_over_its_neighbours_decision(tmp_path: Path) -> None:
    # Two near-identical sentences citing one source, each reviewed; the first is deleted.
    # Its decision must be an orphan, not fuzzily moved onto the second (which still anchors).
    path = tmp_path / "claims.yaml"
    text = ("Holsti finds that order holds among states. Holsti finds that order holds among firms. "
            "Something else.\n")
    accept(path, parse_essay(text), "p1-s1", "holsti2004taming", note="states", bibliography=BIB)
    accept(path, parse_essay(text), "p1-s2", "holsti2004taming", note="firms", bibliography=BIB)
    edited = parse_essay(text.replace("Holsti finds that order holds among states. ", ""))
    placed, orphans = anchor(load_curated(path), edited, BIB)
    assert [(a.claim_id, a.link.note) for a in placed] == [("p1-s1", "firms")]
    assert [(o.claim_id, o.source_key) for o in orphans] == [("p1-s1", "holsti2004taming")]
    # Accepting on the remaining sentence updates its own decision; the orphan stays as it was.
    accept(path, edited, "p1-s1", "holsti2004taming", note="firms, p. 4", bibliography=BIB)
    notes = sorted(link.note for link in load_curated(path).links)
    assert notes == ["firms, p. 4", "states"]


def test_a_renamed_essay_is_named_at_the_essay_line_with_the_line_to_write(tmp_path: Path) -> None:
    # The essay converted from Markdown to Quarto: the error points at `essay:` and says what to write.
    from litreview.linking.curated import check_belongs

    (tmp_path / "refs").mkdir()
    path = tmp_path / "refs" / "claims.yaml"
    path.write_text("# a comment\n\nessay: ../paper.md\nlinks:\n- claim: p1-s1\n  source: a\n  status: confirmed\n",
                    encoding="utf-8")
    with pytest.raises(ClaimsFileError) as err:
        check_belongs(load_curated(path), tmp_path / "paper.qmd")
    assert err.value.line == 3 and "'../paper.qmd'" in err.value.message
    assert "essay: ../paper.qmd" in (err.value.hint or "")
    # A file of no decision yet is no other essay's: it follows the essay (follow_essay).
    path.write_text("# a comment\n\nessay: ../paper.md\nlinks: []\n", encoding="utf-8")
    check_belongs(load_curated(path), tmp_path / "paper.qmd")


def test_a_key_renamed_with_the_old_one_kept_in_ids_keeps_its_decisions(tmp_path: Path) -> None:
    # biblatex's ids (Better BibTeX keeps a changed key there): the entry still answers to the old key.
    path = tmp_path / "claims.yaml"
    essay = parse_essay(ESSAY)
    accept(path, essay, "p1-s2", "holsti2004taming", note="defines IR", bibliography=BIB)
    accept(path, essay, "p2-s1", "holsti2004taming", note="gone", bibliography=BIB)
    renamed = parse_bibliography(BIB_TEXT.replace("{holsti2004taming,", "{holsti2004, ids = {holsti2004taming},"))
    edited = parse_essay(ESSAY.replace("A second paragraph ends here.", "Another paragraph altogether, about food."))
    linkage = link(edited, renamed, load_curated(path))
    got = {(lk.claim_id, lk.source_key): lk for lk in linkage.links if lk.curated}
    assert got[("p1-s2", "holsti2004")].note == "defines IR"
    # The other decision's sentence is gone: an orphan whose anchor, not key, is wrong (LR400, not LR401).
    (orphan,) = linkage.orphans
    assert (orphan.claim_id, orphan.no_entry) == ("p2-s1", False)
    # Accepting on the new key updates that decision and records the new key.
    accept(path, edited, "p1-s2", "holsti2004", note="defines IR, p. 3", bibliography=renamed)
    assert sorted((lk.source_key, lk.note) for lk in load_curated(path).links) == [
        ("holsti2004", "defines IR, p. 3"), ("holsti2004taming", "gone")]
    # Without the alias, the key is what is wrong.
    gone = parse_bibliography(BIB_TEXT.replace("{holsti2004taming,", "{holsti2004,"))
    assert [o.no_entry for o in link(edited, gone, load_curated(path)).orphans] == [True]


def test_a_short_sentence_follows_its_key_renamed_in_the_bibliography_and_the_essay(tmp_path: Path) -> None:
    # "War is rare [@holsti2004taming]." -> "[@kjh04]": the text changed only in its
    # citation, yet fell below the fuzzy cutoff: the decision was orphaned.
    path = tmp_path / "claims.yaml"
    text = "War is rare [@holsti2004taming]. Peace is rare [@farrell2005world].\n"
    accept(path, parse_essay(text), "p1-s1", "holsti2004taming", note="ch. 2", bibliography=BIB)
    accept(path, parse_essay(text), "p1-s2", "farrell2005world", bibliography=BIB)
    renamed = parse_bibliography(BIB_TEXT.replace("{holsti2004taming,", "{kjh04, ids = {holsti2004taming},"))
    edited = parse_essay(text.replace("@holsti2004taming", "@kjh04"))
    placed, orphans = anchor(load_curated(path), edited, renamed)
    assert sorted((a.claim_id, a.source_key) for a in placed) == [
        ("p1-s1", "kjh04"), ("p1-s2", "farrell2005world")] and orphans == []
    # A sentence that only looks the same but cites another entry is not taken for it.
    other = parse_essay("War is rare [@farrell2005world].\n")
    placed, orphans = anchor(load_curated(path), other, renamed)
    assert "kjh04" not in {a.source_key for a in placed}
    assert ("p1-s1", "holsti2004taming") in {(o.claim_id, o.source_key) for o in orphans}


def test_a_link_written_without_an_anchor_is_reported_and_accepting_it_records_its_anchor(tmp_path: Path) -> None:
    # Written by hand: placed by its id alone, so a sentence added above moves it to another sentence unseen.
    path = tmp_path / "claims.yaml"
    path.write_text("links:\n  - claim: p1-s3\n    source: farrell2005world\n    status: confirmed\n"
                    "    note: by hand\n", encoding="utf-8")
    essay = parse_essay(ESSAY)
    linkage = link(essay, BIB, load_curated(path))
    assert [(u.claim_id, u.source_key, u.line) for u in linkage.unanchored] == [("p1-s3", "farrell2005world", 2)]
    accept(path, essay, "p1-s3", "farrell2005world", bibliography=BIB)
    (entry,) = load_curated(path).links
    assert (entry.exact, entry.note) == ("Military power reflects world culture.", "by hand")
    assert link(parse_essay("A new opening sentence. " + ESSAY), BIB, load_curated(path)).unanchored == ()
    # A rejection written by hand keeps its decision: its anchor is recorded with --reject.
    path.write_text("links:\n  - claim: p1-s3\n    source: farrell2005world\n    status: rejected\n", encoding="utf-8")
    assert [u.rejected for u in link(essay, BIB, load_curated(path)).unanchored] == [True]


def test_a_confirmation_and_a_rejection_meeting_on_one_sentence_are_reported(tmp_path: Path) -> None:
    # Recorded on two ids (a branch where a sentence was added above, merged): both anchor on one sentence.
    entry = ("  - claim: {claim}\n    source: holsti2004taming\n    status: {status}\n    anchor:\n"
             "      exact: K.J. Holsti qualified relations as organized.\n")
    essay = parse_essay(ESSAY)
    for second, conflicts in (("rejected", [("p1-s2", "holsti2004taming", (2, 7))]), ("confirmed", [])):
        path = tmp_path / "claims.yaml"
        path.write_text("links:\n" + entry.format(claim="p1-s2", status="confirmed")
                        + entry.format(claim="p1-s3", status=second), encoding="utf-8")
        linkage = link(essay, BIB, load_curated(path))
        assert [(c.claim_id, c.source_key, c.lines) for c in linkage.conflicts] == conflicts


def test_an_edit_keeps_a_file_saved_with_crlf_in_crlf(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    essay = parse_essay(ESSAY)
    accept(path, essay, "p1-s2", "holsti2004taming", note="defines IR", bibliography=BIB)
    crlf = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(crlf)
    accept(path, essay, "p1-s3", "farrell2005world", bibliography=BIB)
    after = path.read_bytes()
    assert after.startswith(crlf) and b"\n" not in after.replace(b"\r\n", b"")
    assert [lk.source_key for lk in load_curated(path).links] == ["holsti2004taming", "farrell2005world"]


def test_an_edit_keeps_the_byte_order_mark_mixed_line_endings_and_nested_indentation(tmp_path: Path) -> None:
    # The byte order mark was dropped; a file with some CRLF lines came back all CRLF; "anchor:"'s keys
    # indented by 4 came back indented by 2.
    path = tmp_path / "claims.yaml"
    text = ("links:\r\n  - claim: p1-s2\n    source: holsti2004taming\r\n    status: confirmed\n    anchor:\n"
            "        exact: K.J. Holsti qualified relations as organized.\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    accept(path, parse_essay(ESSAY), "p1-s3", "farrell2005world", bibliography=BIB)
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf" + text.encode())
    added = after.removeprefix(b"\xef\xbb\xbf" + text.encode())
    assert b"\r" not in added and b"\n    anchor:\n        exact: Military power" in added
    assert [lk.source_key for lk in load_curated(path).links] == ["holsti2004taming", "farrell2005world"]


def test_an_edit_keeps_the_files_own_list_indentation(tmp_path: Path) -> None:
    # "- claim" at the margin, as many YAML files write lists: the recorded entries stay byte for byte.
    path = tmp_path / "claims.yaml"
    text = ("links:\n- claim: p1-s2\n  source: holsti2004taming\n  status: confirmed\n  anchor:\n"
            "    exact: K.J. Holsti qualified relations as organized.\n")
    path.write_text(text, encoding="utf-8")
    accept(path, parse_essay(ESSAY), "p1-s3", "farrell2005world", bibliography=BIB)
    after = path.read_text(encoding="utf-8")
    assert after.startswith(text) and "\n- claim: p1-s3\n  source: farrell2005world\n" in after


def test_a_link_written_without_an_anchor_on_a_claim_the_essay_lacks_is_lr402_alone(tmp_path: Path) -> None:
    from litreview.checks.text import check_curated

    path = tmp_path / "claims.yaml"
    path.write_text("links:\n  - claim: p9-s1\n    source: farrell2005world\n    status: confirmed\n", encoding="utf-8")
    essay = parse_essay(ESSAY)
    found = check_curated(BIB, essay, link(essay, BIB, load_curated(path)), claims_file="claims.yaml")
    # Not "no longer anchors: '' is not in the essay" (LR400), nor "has no anchor" (LR403) beside it.
    assert [(f.code, f.line, f.message) for f in found] == [
        ("LR402", 2, "curated link p9-s1 -> farrell2005world: the essay has no claim 'p9-s1'")]


def test_a_link_follows_its_sentence_split_in_two(tmp_path: Path) -> None:
    # Neither half alone is close enough to the recorded sentence; together they are it.
    text = ("States seek security. Holsti held that the relations of states are organized by rules and "
            "shared practices and that military power reflects the world culture of its time.\n")
    path = tmp_path / "claims.yaml"
    accept(path, parse_essay(text), "p1-s2", "farrell2005world", note="kept", bibliography=BIB)
    split = text.replace("practices and that military", "practices. Military")
    placed, orphans = anchor(load_curated(path), parse_essay(split), BIB)
    assert [(a.claim_id, a.moved) for a in placed] == [("p1-s2", True)] and orphans == []
    cited = split.replace("its time.", "its time [@farrell2005world].")
    placed, orphans = anchor(load_curated(path), parse_essay(cited), BIB)
    assert [a.claim_id for a in placed] == ["p1-s3"] and orphans == []


def test_a_link_follows_its_sentence_merged_with_the_next_or_the_one_before(tmp_path: Path) -> None:
    # The recorded sentence is whole inside the longer one an edit made of it and a neighbour, which no fuzzy
    # match reaches (the neighbour is long): the decision follows it, its end mark left out, its first letter in
    # either case.
    text = ("States seek security. Holsti held that the relations of states are organized by rules and shared "
            "practices. Military power reflects the world culture of its time.\n")
    path = tmp_path / "claims.yaml"
    accept(path, parse_essay(text), "p1-s2", "holsti2004taming", note="kept", bibliography=BIB)
    curated = load_curated(path)
    merged = text.replace("practices. Military power reflects",
                          "practices, and military power, as every historian of the period agrees, reflects")
    placed, orphans = anchor(curated, parse_essay(merged), BIB)
    assert [(a.claim_id, a.moved, a.link.note) for a in placed] == [("p1-s2", True, "kept")] and orphans == []
    before = text.replace("security. Holsti held", "security in a world that offers none of it, as holsti held")
    placed, orphans = anchor(curated, parse_essay(before), BIB)
    assert [(a.claim_id, a.moved) for a in placed] == [("p1-s1", True)] and orphans == []


def test_a_sentence_only_partly_inside_another_or_too_short_stays_an_orphan(tmp_path: Path) -> None:
    text = ("States seek security. Holsti held that the relations of states are organized by rules and shared "
            "practices. Military power reflects the world culture of its time.\n")
    path = tmp_path / "claims.yaml"
    accept(path, parse_essay(text), "p1-s2", "holsti2004taming", bibliography=BIB)
    accept(path, parse_essay(text), "p1-s1", "farrell2005world", bibliography=BIB)
    # The first words kept, the rest rewritten; and a three-word sentence that any sentence may hold as a clause.
    edited = ("Realists say states seek security at any cost to others and to themselves, whatever the period. "
              "Holsti held that the relations of states are organized by habit, and military power reflects the "
              "world culture of its time.\n")
    placed, orphans = anchor(load_curated(path), parse_essay(edited), BIB)
    assert placed == [] and sorted(o.source_key for o in orphans) == ["farrell2005world", "holsti2004taming"]


def test_a_changed_decision_drops_the_note_and_locator_of_the_one_it_replaces(tmp_path: Path) -> None:
    # `links --accept ... --note "quotes p. 3" --locator "p. 3"` then `--reject`: the rejection kept the note and
    # locator that said how the source supported the claim. A note goes with the decision it was written for.
    path = tmp_path / "claims.yaml"
    essay = parse_essay(ESSAY)

    def recorded() -> tuple[str, str, str]:
        (entry,) = load_curated(path).links
        return entry.status, entry.note, entry.locator

    accept(path, essay, "p1-s2", "holsti2004taming", note="its chapter 2", locator="p. 3", bibliography=BIB)
    reject(path, essay, "p1-s2", "holsti2004taming", bibliography=BIB)
    assert recorded() == ("rejected", "", "")
    assert "its chapter 2" not in path.read_text(encoding="utf-8")
    reject(path, essay, "p1-s2", "holsti2004taming", note="only names him", bibliography=BIB)
    assert recorded() == ("rejected", "only names him", "")
    accept(path, essay, "p1-s2", "holsti2004taming", bibliography=BIB)
    assert recorded() == ("confirmed", "", "")
    accept(path, essay, "p1-s2", "holsti2004taming", note="defines IR", locator="p. 4", bibliography=BIB)
    accept(path, essay, "p1-s2", "holsti2004taming", locator="p. 5", bibliography=BIB)  # the same decision: kept
    assert recorded() == ("confirmed", "defines IR", "p. 5")
