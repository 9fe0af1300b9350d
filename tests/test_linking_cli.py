"""`litreview links`: formats, filters, and recording decisions in the claims file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from litreview.cli import main

CASE = Path(__file__).parent / "cases" / "linking_prose"
KEYS = ["claim_id", "paragraph", "sentence", "text", "source_key", "kind", "confidence", "status", "evidence"]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    for name in ("essay.md", "refs.bib"):
        shutil.copy(CASE / name, tmp_path / name)
    (tmp_path / "claims.yaml").write_text("", encoding="utf-8")  # an explicit --claims must exist
    return tmp_path


def run(work: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["links", "--essay", str(work / "essay.md"), "--bib", str(work / "refs.bib"),
                 "--claims", str(work / "claims.yaml"), "--metadata-dir", str(work / "none"), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_has_exactly_the_documented_keys(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(work, capsys, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows
    assert all(list(row) == KEYS for row in rows)
    first = rows[0]
    assert (first["claim_id"], first["paragraph"], first["sentence"], first["source_key"], first["kind"]) == (
        "p1-s1", 1, 1, "holsti2004taming", "attribution")
    assert first["evidence"] == "K.J. Holsti" and first["status"] == "confirmed" and 0 <= first["confidence"] <= 1


def test_source_filter(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(work, capsys, "--format", "json", "--source", "holsti2004taming")
    rows = json.loads(out)
    assert code == 0 and {r["source_key"] for r in rows} == {"holsti2004taming"}
    assert [(r["claim_id"], r["kind"]) for r in rows] == [
        ("p1-s1", "attribution"), ("p1-s1", "quotation"), ("p1-s2", "attribution")]


def test_suggest_shows_only_suggestions(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(work, capsys, "--format", "csv", "--suggest")
    lines = out.splitlines()
    assert code == 0 and lines[0] == ",".join(KEYS)
    assert all(",suggested," in line for line in lines[1:])


def test_table(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(work, capsys)
    assert code == 0 and "holsti2004taming" in out and "claims have a confirmed source" in out


def test_accept_then_reject_round_trip(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(work, capsys, "--accept", "p2-s1", "wendt1992anarchy", "--note", "its thesis",
                       "--locator", "p. 395")
    assert code == 0 and "confirmed: p2-s1" in out
    text = (work / "claims.yaml").read_text(encoding="utf-8")
    assert "source: wendt1992anarchy" in text and "note: its thesis" in text and "locator: p. 395" in text
    code, out, _ = run(work, capsys, "--reject", "p3-s1", "moroney2009framework")
    assert code == 0
    code, out, _ = run(work, capsys, "--format", "json")
    rows = {(r["claim_id"], r["source_key"]): r for r in json.loads(out)}
    assert rows[("p2-s1", "wendt1992anarchy")]["status"] == "confirmed"
    assert rows[("p3-s1", "moroney2009framework")]["status"] == "rejected"


def test_rejecting_an_accepted_link_says_its_note_and_locator_are_dropped(work: Path, capsys) -> None:
    run(work, capsys, "--accept", "p2-s1", "wendt1992anarchy", "--note", "its thesis", "--locator", "p. 395")
    code, out, _ = run(work, capsys, "--reject", "p2-s1", "wendt1992anarchy")
    assert code == 0 and "rejected: p2-s1 does not rely on wendt1992anarchy" in out
    assert ("the note 'its thesis' and the locator 'p. 395' recorded with its acceptance are dropped" in
            " ".join(out.split()))
    text = (work / "claims.yaml").read_text(encoding="utf-8")
    assert "its thesis" not in text and "p. 395" not in text
    code, out, _ = run(work, capsys, "--reject", "p2-s1", "wendt1992anarchy")  # nothing left to drop: no word
    assert code == 0 and "dropped" not in out


def test_source_the_essay_cites_without_an_entry_says_where_it_is_cited(tmp_path, monkeypatch, capsys) -> None:
    # `links --source KEY` for a key the text cites and no entry has said only "list the keys with litreview
    # sources"; a slip in KEY got the same.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ch.md").write_text("# One\n\nAs shown [@absent2001].\n\nAgain [@absent2001; @roe2001].\n",
                                    encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{roe2001, title = {T}}\n@book{walters2010, title = {W}}\n",
                                       encoding="utf-8")
    args = ["links", "--essay", "ch.md", "--bib", "refs.bib", "--claims", "", "--source"]
    assert main([*args, "absent2001"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert ("hint: the essay cites it (ch.md:3, ch.md:5) and no entry has the key: add the entry (litreview add) or "
            "fix the key in the text") in err
    assert main([*args, "walter2010"]) == 2
    assert "hint: did you mean 'walters2010'?" in capsys.readouterr().err


def test_a_decision_on_a_mistyped_key_names_the_key_meant(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `links --source pyra2022` said "did you mean 'Pyra2022'?"; `--accept p5-s1 pyra2022` only "check the key with
    # `litreview sources`".
    code, _, err = run(work, capsys, "--accept", "p2-s1", "Wendt1992anarchy")
    assert code == 2 and "no entry 'Wendt1992anarchy' in the bibliography" in err
    assert "hint: did you mean 'wendt1992anarchy'?" in err
    code, _, err = run(work, capsys, "--reject", "p2-s1", "zzzz")
    assert code == 2 and "hint: check the key with `litreview sources`" in err
    assert (work / "claims.yaml").read_text(encoding="utf-8") == ""


def test_a_key_given_as_name_and_year_names_the_entries_of_that_name_and_year(tmp_path, monkeypatch, capsys) -> None:
    # `links --source mason2018` (or `--accept p1-s1 mason2018`) for the entry keyed mason_2018_cup said only "list
    # the keys with `litreview sources`": a key is often remembered as its author and year.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ch.md").write_text("# One\n\nIdentity sorts [@mason_2018_cup; @redlawsk_et-al_2010].\n",
                                    encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{mason_2018_cup, title = {U}}\n@book{mason_2015_ps, title = {S}}\n"
                                       "@article{redlawsk_et-al_2010, title = {T}}\n", encoding="utf-8")
    base = ["links", "--essay", "ch.md", "--bib", "refs.bib", "--claims"]
    assert main([*base, "", "--source", "mason2018"]) == 2
    assert "hint: the entry of that name and year is 'mason_2018_cup': --source mason_2018_cup" in \
        " ".join(capsys.readouterr().err.split())
    assert main([*base, "claims.yaml", "--accept", "p1-s1", "redlawsk2010"]) == 2
    assert "the entry of that name and year is 'redlawsk_et-al_2010': --accept p1-s1 redlawsk_et-al_2010" in \
        " ".join(capsys.readouterr().err.split())
    assert not (tmp_path / "claims.yaml").exists()
    assert main([*base, "", "--source", "mason2020"]) == 2  # another year: no entry named
    assert "list the keys with `litreview sources`" in capsys.readouterr().err


def test_a_decision_names_the_claims_file_as_check_names_files(work: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # "(recorded in /home/.../refs/claims.yaml)": the whole path, where check and links' warnings name it relative.
    monkeypatch.chdir(work)
    for args, said in ((("--accept", "p2-s1", "wendt1992anarchy"), "confirmed: p2-s1 relies on wendt1992anarchy"),
                       (("--reject", "p3-s1", "moroney2009framework"), "rejected: p3-s1 does not rely on"),
                       (("--group", "p2-s1-2"), "grouped: p2-s1-2 is one claim")):
        code, out, _ = run(work, capsys, *args)
        assert code == 0 and said in out and "(recorded in claims.yaml)" in out


def test_decisions_survive_an_edit_and_orphans_are_reported(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(work, capsys, "--accept", "p3-s2", "moroney2009framework", "--note", "the RAND report")
    run(work, capsys, "--accept", "p1-s2", "holsti2004taming")
    essay = work / "essay.md"
    text = essay.read_text(encoding="utf-8")
    text = text.replace("A RAND report found gaps.", "A new sentence. A RAND report found some gaps.")
    text = text.replace(" Later, as outlined by Holsti, those rules changed.", "")
    essay.write_text(text, encoding="utf-8")
    code, out, err = run(work, capsys, "--format", "json")
    rows = {(r["claim_id"], r["source_key"]): r for r in json.loads(out)}
    assert code == 0 and rows[("p3-s3", "moroney2009framework")]["status"] == "confirmed"
    assert "p1-s2 -> holsti2004taming no longer anchors" in err


def test_an_orphan_is_moved_onto_the_sentence_named(work: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(work)
    run(work, capsys, "--accept", "p2-s1", "wendt1992anarchy", "--note", "its thesis", "--locator", "p. 395")
    essay = work / "essay.md"
    essay.write_text(essay.read_text(encoding="utf-8").replace(
        "Alexander Wendt describes anarchy as a social construction.",
        "Anarchy, on one account, is what states make of it [@wendt1992anarchy]."), encoding="utf-8")
    code, _, err = run(work, capsys)
    assert code == 0 and "p2-s1 -> wendt1992anarchy no longer anchors" in err
    code, out, _ = run(work, capsys, "--reanchor", "p2-s1", "wendt1992anarchy")  # where may it go?
    assert code == 0 and "no longer anchors" in out and "--to CLAIM" in out
    assert out.startswith("claims.yaml:")  # named as `check` names it, not by its absolute path
    # A sentence deleted, not reworded, has nowhere to go: the way out is said too, as `check`'s LR400 hint says it
    line = out.split(":", 2)[1]
    assert f"or, if its sentence was deleted, delete its entry at claims.yaml:{line}" in out
    first = out.splitlines()[2].split()
    assert first[:3] == ["p2-s1", first[1], "cites"]  # the sentence that now cites the entry comes first
    before = (work / "claims.yaml").read_text(encoding="utf-8")
    code, out, _ = run(work, capsys, "--reanchor", "p2-s1", "wendt1992anarchy", "--to", "p2-s1")
    assert code == 0 and "now on p2-s1" in out
    text = (work / "claims.yaml").read_text(encoding="utf-8")
    assert "exact: Anarchy, on one account, is what states make of it [@wendt1992anarchy]." in text
    assert "note: its thesis" in text and "locator: p. 395" in text and text.count("source: wendt1992anarchy") == 1
    assert text != before
    code, out, err = run(work, capsys, "--format", "json")
    rows = {(r["claim_id"], r["source_key"]): r for r in json.loads(out)}
    assert rows[("p2-s1", "wendt1992anarchy")]["status"] == "confirmed" and "no longer anchors" not in err
    # nothing orphaned any more, or a decision that was never recorded: said, nothing written
    assert run(work, capsys, "--reanchor", "p2-s1", "wendt1992anarchy", "--to", "p2-s2")[0] == 2
    assert run(work, capsys, "--reanchor", "p9-s9", "wendt1992anarchy")[0] == 2
    assert run(work, capsys, "--to", "p2-s2")[0] == 2
    assert (work / "claims.yaml").read_text(encoding="utf-8") == text


def test_bad_requests_exit_2(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(work, capsys, "--source", "nokey")[0] == 2
    assert run(work, capsys, "--accept", "p9-s9", "holsti2004taming")[0] == 2
    assert run(work, capsys, "--accept", "p1-s1", "holsti2004taming", "--reject", "p1-s1", "x")[0] == 2
    assert (work / "claims.yaml").read_text(encoding="utf-8") == ""  # nothing written


def test_suggest_lists_the_likely_suggestions_first_and_the_rest_on_request(
        work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from litreview.linking.ranker import SHOW

    _, out, _ = run(work, capsys, "--format", "json", "--suggest")
    shown = json.loads(out)
    _, out, _ = run(work, capsys, "--format", "json", "--suggest", "--all-suggestions")
    every = json.loads(out)
    assert all(r["confidence"] >= SHOW for r in shown if r["kind"] == "topical")
    pairs = {(r["claim_id"], r["source_key"]) for r in shown}
    assert pairs < {(r["claim_id"], r["source_key"]) for r in every}
    assert any(r["kind"] == "topical" and r["confidence"] < SHOW for r in every)
    assert all(r["evidence"].startswith(("shared words: ", "words its paragraph shares: "))
               for r in every if r["kind"] == "topical")


def test_an_unresolved_citation_is_located_in_the_input_file_that_holds_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sections").mkdir()
    (tmp_path / "paper.tex").write_text("\\documentclass{article}\n\\begin{document}\n\\input{sections/intro}\n"
                                        "\\end{document}\n", encoding="utf-8")
    (tmp_path / "sections" / "intro.tex").write_text("Some words first.\n\nAttention is central \\cite{nokey2000}.\n",
                                                     encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{a,\n  title = {A},\n  year = {2001},\n}\n", encoding="utf-8")
    assert main(["links", "--essay", str(tmp_path / "paper.tex"), "--bib", str(tmp_path / "refs.bib"),
                 "--claims", "", "--metadata-dir", str(tmp_path / "none")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {tmp_path / 'sections' / 'intro.tex'}:3: [p2-s1] no entry has the key 'nokey2000'" in err  # as `check` locates it


def test_links_warns_of_an_unresolved_latex_citation_in_checks_words(tmp_path, monkeypatch, capsys) -> None:
    # Not "citation '@{nokey}' matches no entry": a LaTeX command reads as pandoc's form the author never wrote.
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.tex").write_text("\\begin{document}\nAs \\cite{nokey} and \\cite{Doe2000}.\n\\end{document}\n",
                                    encoding="utf-8")
    (tmp_path / "r.bib").write_text("@book{doe2000, title = {T}}\n", encoding="utf-8")
    assert main(["links", "--essay", "p.tex", "--bib", "r.bib", "--claims", ""]) == 0
    err = capsys.readouterr().err
    assert "p.tex:2: [p1-s1] no entry has the key 'nokey'" in err
    assert "keys are case-sensitive and the entry's key is 'doe2000'" in err
    # nor "citation '@{Doe2000}' matches no entry ... hint: Write @doe2000", which is Markdown
    assert "p.tex:2: [p1-s1] no entry has the key 'Doe2000': keys are case-sensitive" in err
    assert main(["check", "--essay", "p.tex", "--bib", "r.bib", "--claims", "", "--no-cache", "--format", "json"]) == 1
    (case,) = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "LR309"]
    assert case["hint"] == "Write \\cite{doe2000}"


def test_suggest_with_nothing_to_suggest_says_so_and_why(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # This essay's only suggestions are topical ones below the threshold: the flag that lists them is named.
    code, out, _ = run(work, capsys, "--suggest")
    first = out.splitlines()[0]
    assert code == 0 and first.startswith("No suggested links: ")
    assert "below the calibrated threshold" in first and "--all-suggestions" in first
    assert "┃" not in out and "claims have a confirmed source" in out  # no empty table; the figures stay
    _, out, _ = run(work, capsys, "--suggest", "--source", "holsti2004taming")
    assert out.startswith("No suggested links to holsti2004taming: ")
    # Every sentence cites its source and no other source shares its words: nothing at all to suggest.
    (work / "essay.md").write_text("Anarchy is what states make of it [@wendt1992anarchy].\n", encoding="utf-8")
    _, out, _ = run(work, capsys, "--suggest")
    assert out.startswith("No suggested links: every link found is confirmed by a citation or already reviewed")
    assert "--all-suggestions" not in out


def test_the_figures_agree_in_number(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "essay.md").write_text("Anarchy is what states make of it [@wendt1992anarchy].\n", encoding="utf-8")
    _, out, _ = run(work, capsys)
    assert "1 of 1 claim has a confirmed source; 4 of 5 sources have no confirmed claim." in " ".join(out.split())


def test_source_with_no_links_says_so_and_why(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Was an empty table titled "0 links to wendt1992anarchy".
    (work / "essay.md").write_text("Anarchy is what states make of it [@holsti2004taming].\n", encoding="utf-8")
    code, out, _ = run(work, capsys, "--source", "wendt1992anarchy")
    assert code == 0 and out.startswith("Nothing links to wendt1992anarchy: no citation in the essay cites it")
    assert "litreview links --accept CLAIM wendt1992anarchy" in out
    assert "┃" not in out and "0 links" not in out and "has a confirmed source" in out
    (work / "essay.md").write_text("---\nnocite: ['@wendt1992anarchy']\n---\n\nStates balance [@holsti2004taming].\n",
                                   encoding="utf-8")
    _, out, _ = run(work, capsys, "--source", "wendt1992anarchy")
    assert "The essay lists it in nocite" in out


def test_links_names_the_first_unresolved_citations_and_counts_the_rest(tmp_path, monkeypatch, capsys) -> None:
    # A draft whose bibliography lacks most keys printed one warning per citation before the links (90 lines for one
    # review article): the first ones are named, the rest counted, and `check` lists them all.
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.md").write_text("".join(f"Claim {n} [@missing{n}].\n\n" for n in range(1, 16)), encoding="utf-8")
    (tmp_path / "r.bib").write_text("@book{doe2000, title = {T}}\n", encoding="utf-8")
    assert main(["links", "--essay", "p.md", "--bib", "r.bib", "--claims", ""]) == 0
    err = capsys.readouterr().err
    assert "'@missing10' matches no entry" in err and "missing11" not in err
    assert "warning: 5 more citations match no entry (`litreview check` lists every one)" in err


def test_links_warnings_name_files_as_check_does(tmp_path, monkeypatch, capsys) -> None:
    # check names a file relative to the review's folder; links printed the whole path ("/home/.../ch.Rmd:3").
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "ch.md").write_text("# One\n\nAs shown [@absent2001].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{roe2001, title = {T}}\n", encoding="utf-8")
    assert main(["links", "--essay", "text/ch.md", "--bib", "refs.bib", "--claims", ""]) == 0
    err = capsys.readouterr().err
    assert "warning: text/ch.md:3: [p2-s1] citation '@absent2001' matches no entry" in err


def test_links_warns_at_the_line_of_the_citation_as_check_does(tmp_path, monkeypatch, capsys) -> None:
    # A sentence wrapped over lines: check names the line of the key, links named the sentence's first line.
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "ch.md").write_text("# One\r\n\r\nThe protein is found in the cytosol,\r\nwhich suggests other "
                                    "roles [see @roe2001;\r\n@absent2001].\r\n", encoding="utf-8", newline="")
    (tmp_path / "refs.bib").write_text("@book{roe2001, title = {T}}\n", encoding="utf-8")
    assert main(["links", "--essay", "ch.md", "--bib", "refs.bib", "--claims", ""]) == 0
    err = capsys.readouterr().err
    assert "warning: ch.md:5: [p2-s1] citation '@absent2001' matches no entry" in err
    assert main(["check", "--essay", "ch.md", "--bib", "refs.bib", "--claims", "", "--no-cache", "--format",
                 "json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["file"], f["line"]) for f in found if f["code"] == "LR300"] == [("ch.md", 5)]


def test_a_latex_claims_sentence_and_evidence_read_as_its_file_writes_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The reader reads \parencite[116]{doe} as pandoc does ("[@{doe}, 116]"), and links showed that form, which is
    # nowhere in the reviewer's file. Now the evidence and the sentence quote the commands as written (whitespace
    # collapsed; one command of two keys once), and the ids and the links are what they were.
    (tmp_path / "p.tex").write_text(
        "\\begin{document}\nAs shown \\parencite[116]{doe}, the \\emph{effect} holds.\n"
        "Others agree \\citep[see][p.~3]{doe} and \\citet{doe,\n  roe} said so.\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "p.bib").write_text("@book{doe, author={Doe, Jane}, title={A}, year={2001}, publisher={P}}\n"
                                    "@book{roe, author={Roe, Jim}, title={B}, year={2003}, publisher={P}}\n",
                                    encoding="utf-8")
    (tmp_path / "claims.yaml").write_text("", encoding="utf-8")
    code = main(["links", "--essay", str(tmp_path / "p.tex"), "--bib", str(tmp_path / "p.bib"), "--claims",
                 str(tmp_path / "claims.yaml"), "--metadata-dir", str(tmp_path / "none"), "--format", "json"])
    rows = [(r["claim_id"], r["source_key"], r["kind"], r["evidence"], r["text"])
            for r in json.loads(capsys.readouterr().out)]
    assert code == 0
    said = "Others agree \\citep[see][p.~3]{doe} and \\citet{doe, roe} said so."
    assert rows == [("p1-s1", "doe", "marker", "\\parencite[116]{doe}", "As shown \\parencite[116]{doe}, the effect holds."),
                    ("p1-s2", "doe", "marker", "\\citep[see][p.~3]{doe}", said),
                    ("p1-s2", "roe", "marker", "\\citet{doe, roe}", said)]


def test_links_warns_of_a_citation_typed_as_text_in_checks_words_and_says_what_to_write(tmp_path, monkeypatch,
                                                                                           capsys) -> None:
    # "Roe (1999)" typed in a document that cites by markers: links called it "citation 'Roe (1999)' matches no
    # entry", as if a key were wrong, and said nothing of what to do; check names it typed text. In LaTeX the
    # document is LaTeX's and is cited with \cite, not pandoc's [@key].
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.bib").write_text("@book{roe2001, author = {Roe, Ann}, title = {T}, year = {2001}}\n"
                                    "@book{poe2003, author = {Poe, Bo}, title = {U}, year = {2003}}\n", encoding="utf-8")
    (tmp_path / "p.md").write_text("Soil matters [@poe2003].\n\nRoe (1999) disagrees.\n", encoding="utf-8")
    assert main(["links", "--essay", "p.md", "--bib", "r.bib", "--claims", ""]) == 0
    err = capsys.readouterr().err
    assert ("warning: p.md:3: [p2-s1] 'Roe (1999)' reads as a citation typed as text and matches no entry: pandoc "
            "cites nothing there and the reference list leaves the work out\n    hint: If it cites roe2001 (2001), the "
            "bibliography's work by the author it names, write [@roe2001] in its place; else add the work's entry "
            "(litreview add) and cite it with [@key]") in err
    (tmp_path / "p.tex").write_text("\\begin{document}\nSoil matters \\cite{poe2003}.\n\nRoe (1999) disagrees.\n"
                                    "\\end{document}\n", encoding="utf-8")
    assert main(["check", "--essay", "p.tex", "--bib", "r.bib", "--claims", "", "--no-cache", "--format", "json"]) == 1
    (typed,) = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "LR300"]
    assert "LaTeX cites nothing there" in typed["message"]
    assert typed["hint"].startswith("If it cites roe2001 (2001), the bibliography's work by the author it names, "
                                    "write \\cite{roe2001} in its place")
    assert main(["links", "--essay", "p.tex", "--bib", "r.bib", "--claims", ""]) == 0
    assert f"[p2-s1] {typed['message']}\n    hint: {typed['hint']}" in capsys.readouterr().err


def test_rejecting_a_source_the_claim_cites_says_the_citation_is_overridden(
        work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Rejecting a quotation or title suggestion of a source the sentence also cites by its marker turned the
    # citation into a rejected link, without a word. (The case types "(Keohane and Nye 2012, 23)", which pandoc
    # cites nothing for: no citation to override, no note; its marker does cite.)
    code, _, err = run(work, capsys, "--reject", "p3-s3", "keohane2012power")
    assert code == 0 and "note:" not in err
    essay = work / "essay.md"
    essay.write_text(essay.read_text(encoding="utf-8").replace("(Keohane and Nye 2012, 23)",
                                                               "[@keohane2012power, 23]"), encoding="utf-8")
    (work / "claims.yaml").write_text("", encoding="utf-8")
    code, _, err = run(work, capsys, "--reject", "p3-s3", "keohane2012power")
    assert code == 0 and "note: the text of p3-s3 cites keohane2012power itself" in err
    code, _, err = run(work, capsys, "--reject", "p1-s2", "holsti2004taming")
    assert code == 0 and "note:" not in err


def test_a_note_or_locator_without_the_decision_it_belongs_to_is_refused(
        work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--note` goes with --accept, --reject or --group and `--locator` with --accept: given with none of them
    (or --locator with a rejection) they were dropped without a word, the user believing them recorded."""
    before = (work / "claims.yaml").read_text(encoding="utf-8")
    code, _, err = run(work, capsys, "--note", "quotes p. 3")
    assert code == 2 and "--note goes with --accept, --reject or --group" in err
    code, _, err = run(work, capsys, "--locator", "p. 3")
    assert code == 2 and "--locator goes with --accept" in err
    code, _, err = run(work, capsys, "--reject", "p1-s1", "holsti2004taming", "--locator", "p. 3")
    assert code == 2 and "--locator goes with --accept" in err
    code, _, err = run(work, capsys, "--reanchor", "p2-s1", "wendt1992anarchy", "--note", "moved")
    assert code == 2 and "--note goes with --accept, --reject or --group" in err
    assert (work / "claims.yaml").read_text(encoding="utf-8") == before  # nothing recorded
    code, _, _ = run(work, capsys, "--accept", "p2-s1", "wendt1992anarchy", "--note", "its thesis", "--locator", "p. 395")
    text = (work / "claims.yaml").read_text(encoding="utf-8")
    assert code == 0 and "note: its thesis" in text and "locator: p. 395" in text


@pytest.mark.parametrize("decision", [("--accept", "p9-s9", "holsti2004taming"), ("--reject", "p1-s1", "nosuch1999"),
                                      ("--accept", "p1-s1", "nosuch1999")])
def test_a_refused_decision_in_a_new_review_leaves_no_folder_or_lock_behind(tmp_path, monkeypatch, capsys,
                                                                              decision) -> None:
    """The first decision of a review creates refs/ and its lock: refused (an unknown claim or key), it leaves
    neither, as if never run."""
    for name in ("essay.md", "refs.bib"):
        shutil.copy(CASE / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code = main(["links", "--essay", "essay.md", "--bib", "refs.bib", *decision])
    assert code == 2 and "error" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_refused_decision_keeps_an_existing_claims_folder_and_its_lock(work: Path, capsys) -> None:
    lock = work / ".claims.yaml.litreview-lock"
    lock.write_bytes(b"")
    code, _, err = run(work, capsys, "--accept", "p9-s9", "holsti2004taming")
    assert code == 2 and "no claim p9-s9" in err
    assert lock.exists() and (work / "claims.yaml").exists()
