"""Pull-request scope: `check --since REF` reports the findings the change adds (a diff of two full checks)."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import git, git_repo

from litreview.bibliography.load import parse_bibliography
from litreview.checks.scope import Side, count_new, diff_findings, identity, renamed_keys
from litreview.cli import main
from litreview.model import Finding

CASE = Path(__file__).parent / "cases" / "checks_scope"


def test_identity_ignores_positions_that_move() -> None:
    a = Finding("LR308", "warning", "'x' is linked only by topic (suggested for p1-s3, p2-s5 and 3 more)", key="x",
                file="refs/bibliography.bib", line=40)
    b = Finding("LR308", "warning", "'x' is linked only by topic (suggested for p2-s3)", key="x",
                file="refs/bibliography.bib", line=52)
    assert identity(a) == identity(b)
    assert identity(a) != identity(Finding("LR307", "error", a.message, key="x"))


def test_diff_matches_by_sentence_not_by_claim_id() -> None:
    old = Finding("LR302", "warning", "Waltz is invoked as an authority but has no entry", claim_id="p3-s2")
    moved = Finding("LR302", "warning", "Waltz is invoked as an authority but has no entry", claim_id="p4-s2")
    other = Finding("LR302", "warning", "Waltz is invoked as an authority but has no entry", claim_id="p9-s1")
    base = Side((old,), claims={"p3-s2": "As Waltz argued, anarchy rules."})
    head = Side((moved, other), claims={"p4-s2": "As Waltz  argued, anarchy rules.",
                                       "p9-s1": "Waltz returns in a sentence of its own about alliances."})
    diff = diff_findings(base, head)
    assert diff.new == (other,)  # the same problem in a new sentence is new
    assert diff.kept == (moved,) and diff.fixed == ()


def test_diff_keeps_a_reworded_sentences_old_problem_and_counts_fixed() -> None:
    old = Finding("LR302", "warning", "Waltz is invoked", claim_id="p1-s1")
    gone = Finding("LR305", "warning", "quotation has no attribution", claim_id="p1-s2")
    base = Side((old, gone), claims={"p1-s1": "Since the 1940s under Waltz.", "p1-s2": "A “quote”."})
    head = Side((old,), claims={"p1-s1": "Since the 1940s, under Kenneth Waltz."})
    diff = diff_findings(base, head)
    assert diff.new == () and diff.fixed == (gone,)


def test_findings_without_an_entry_or_claim_are_matched_by_their_lines_text() -> None:
    def syntax(line: int) -> Finding:
        return Finding("LR100", "error", "unexpected '}'", file="refs/b.bib", line=line)

    base = Side((syntax(3),), files={"refs/b.bib": ["a", "b", "@book{x, }}"]})
    moved = Side((syntax(5),), files={"refs/b.bib": ["new", "new", "a", "b", "@book{x, }}"]})
    assert diff_findings(base, moved).new == ()
    other = Side((syntax(2),), files={"refs/b.bib": ["a", "@book{y, }}", "b"]})
    assert diff_findings(base, other).new == (syntax(2),)


def test_a_renamed_key_keeps_its_findings() -> None:
    old = parse_bibliography("@book{a, title={A}, year={2001}}\n@book{b, title={B}, year={2002}}\n")
    new = parse_bibliography("@book{a2001, title={A}, year={2001}}\n@book{b, title={B}, year={2003}}\n")
    assert renamed_keys(old, new) == {"a": "a2001"}
    f_old = Finding("LR137", "info", "no DOI for 'a'", key="a")
    f_new = Finding("LR137", "info", "no DOI for 'a2001'", key="a2001")
    assert diff_findings(Side((f_old,)), Side((f_new,)), {"a": "a2001"}).new == ()
    assert diff_findings(Side((f_old,)), Side((f_new,))).new == (f_new,)


def test_a_key_renamed_in_the_commit_that_edits_its_entry_is_renamed() -> None:
    # A rename and a mended field in one commit: the entry's old findings came back as new under its new key.
    old = parse_bibliography("@book{mehta2004random, title={Random Matrices}, author={Mehta, M. L.}, year={2004}}\n")
    new = parse_bibliography("@book{mehta2004, title={Random Matrices}, author={mehta, M. L.}, year={2004},"
                             " url={https://example.org}}\n")
    assert renamed_keys(old, new) == {"mehta2004random": "mehta2004"}
    # Another work under the new key, or two candidates for one work: no rename.
    other = parse_bibliography("@book{mehta2004, title={Random Matrices}, author={Mehta, M. L.}, year={2005}}\n")
    assert renamed_keys(old, other) == {}
    two = parse_bibliography("@book{m1, title={Random Matrices}, author={Mehta, M. L.}, year={2004}, edition={2}}\n"
                             "@book{m2, title={Random Matrices}, author={Mehta, M. L.}, year={2004}, edition={3}}\n")
    assert renamed_keys(old, two) == {}


def test_renamed_keys_reads_each_key_list_once(monkeypatch) -> None:
    # A pull request against a bibliography of thousands of entries: each entry looked its key up in a key list
    # built anew, 5,000 entries took 20 seconds.
    from litreview.model import Bibliography

    text = "".join(f"@book{{k{n}, title={{T{n}}}, year={{2001}}}}\n" for n in range(50))
    old, new = parse_bibliography(text), parse_bibliography(text.replace("{k7,", "{k7b,"))
    reads = []
    built = Bibliography.keys.fget
    monkeypatch.setattr(Bibliography, "keys", property(lambda bib: reads.append(1) or built(bib)))
    assert renamed_keys(old, new) == {"k7": "k7b"}
    assert len(reads) == 2


def test_count_new_is_a_multiset_difference() -> None:
    f = Finding("LR110", "error", "lacks author", key="k")
    assert count_new([f], [f, f]) == [f]
    assert count_new([f, f], [f]) == []


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CASE / "base", tmp_path, dirs_exist_ok=True)
    git_repo(tmp_path)
    shutil.copytree(CASE / "change", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report(*args: str, capsys) -> tuple[int, dict]:
    status = main(["check", "--format", "json", *args])
    return status, json.loads(capsys.readouterr().out)


@pytest.mark.slow
def test_since_narrows_to_the_change(repo: Path, capsys) -> None:
    _, everything = report(capsys=capsys)
    keys_all = {f["key"] for f in everything["findings"]}
    assert "protocol2007modern" in keys_all  # an old problem, untouched by the change

    status, scoped = report("--since", "base", capsys=capsys)
    found = {(f["code"], f["key"], f["claim_id"]) for f in scoped["findings"]}
    # The new entry lacks its institution; the reworded sentence names an authority with no entry.
    assert ("LR110", "treverton2006toward", None) in found
    assert ("LR302", None, "p1-s2") in found
    assert all(f["key"] == "treverton2006toward" or f["claim_id"] == "p1-s2" for f in scoped["findings"])
    assert scoped["summary"]["since"] == "base"
    assert status == 1


def test_unknown_ref_exits_2(repo: Path, capsys) -> None:
    assert main(["check", "--since", "no-such-branch"]) == 2
    assert "unknown git ref 'no-such-branch'" in capsys.readouterr().err


def test_since_outside_a_repository_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    shutil.copytree(CASE / "base", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["check", "--since", "main"]) == 2


BRANCH_CASE = Path(__file__).parent / "cases" / "checks_scope_branch"


@pytest.mark.slow
def test_since_a_branch_that_moved_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    shutil.copytree(BRANCH_CASE / "base", tmp_path, dirs_exist_ok=True)
    git_repo(tmp_path, tag=None)
    git(tmp_path, "branch", "pr")
    git(tmp_path, "branch", "-M", "trunk")
    shutil.copytree(BRANCH_CASE / "main", tmp_path, dirs_exist_ok=True)
    git(tmp_path, "commit", "-q", "-am", "the base branch rewords a sentence")
    git(tmp_path, "checkout", "-q", "pr")
    shutil.copytree(BRANCH_CASE / "change", tmp_path, dirs_exist_ok=True)
    git(tmp_path, "commit", "-q", "-am", "the pull request")
    monkeypatch.chdir(tmp_path)

    _, everything = report("--no-cache", capsys=capsys)
    every = {(f["code"], f["key"], f["claim_id"]) for f in everything["findings"]}
    # Old problems the change must not be blamed for.
    assert ("LR305", None, "p1-s1") in every
    assert ("LR302", None, "p2-s1") in every

    _, scoped = report("--no-cache", "--since", "trunk", capsys=capsys)
    found = {(f["code"], f["key"], f["claim_id"]) for f in scoped["findings"]}
    assert ("LR302", None, "p1-s3") in found  # Charles Tilly, in the added sentence
    assert ("LR106", "vincent1988hedley", None) in found  # the copy sits above the original
    assert {f["claim_id"] for f in scoped["findings"]} == {None, "p1-s3"}
    assert {f["key"] for f in scoped["findings"]} == {None, "vincent1988bull", "vincent1988hedley"}
    assert [f["code"] for f in scoped["findings"] if f["key"] == "vincent1988hedley"] == ["LR106"]
    assert all(f["line"] in (5, 8, 16) for f in scoped["findings"])


def test_since_counts_only_the_suppressions_the_change_would_show(repo: Path, capsys) -> None:
    config = repo / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8")
                      + 'suppress_entries = {protocol2007modern = ["LR110"], treverton2006toward = ["LR110"]}\n',
                      encoding="utf-8")
    _, everything = report("--no-cache", capsys=capsys)
    assert everything["summary"]["suppressed"] == 2
    _, scoped = report("--no-cache", "--since", "base", capsys=capsys)
    assert scoped["summary"]["suppressed"] == 1  # the new entry's; the old entry's is not the change's


def test_github_and_sarif_annotate_only_new_findings(repo: Path, capsys) -> None:
    assert main(["check", "--no-cache", "--format", "github"]) == 1
    everything = capsys.readouterr().out
    assert "protocol2007modern" in everything  # an old problem
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    summary, *lines = capsys.readouterr().out.splitlines()
    assert summary.startswith("::notice title=litreview check::new since base (")
    assert lines and all("treverton2006toward" in line or "p1-s2" in line or "file=refs/essay.md" in line
                         for line in lines)
    assert not any("protocol2007modern" in line for line in lines)
    assert main(["check", "--no-cache", "--format", "sarif", "--since", "base"]) == 1
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert {r.get("properties", {}).get("key") for r in results} <= {"treverton2006toward", None}
    assert all(r["locations"][0]["physicalLocation"].get("region") for r in results)  # located


def test_the_text_summary_counts_the_fixed(repo: Path, capsys) -> None:
    bib = repo / "refs" / "bibliography.bib"
    # The change also gives the old entry its missing author: one finding fixed.
    bib.write_text(bib.read_text(encoding="utf-8").replace("@book{protocol2007modern,",
                   "@book{protocol2007modern,\n  author = {Protocol, Office of},"), encoding="utf-8")
    assert main(["check", "--no-cache", "--since", "base"]) == 1
    out = capsys.readouterr().out
    assert "new since base (" in out and re.search(r"; 1 fixed, \d+ older not shown$", out.rstrip())


def test_a_finding_that_changed_code_in_its_place_is_changed_not_fixed() -> None:
    unused = Finding("LR307", "error", "no claim relies on 'k'", key="k", file="refs.bib", line=1)
    typed = Finding("LR311", "warning", "Kabir (2010) cites 'k' as typed text", key="k", claim_id="p2-s1",
                    file="essay.md", line=3)
    diff = diff_findings(Side((unused,)), Side((typed,), claims={"p2-s1": "Kabir (2010) argued so."}))
    assert (diff.new, diff.fixed, diff.changed) == ((typed,), (), (unused,))
    # A sentence's finding that another code took the place of, where the finding names no entry.
    quote = Finding("LR305", "warning", "quotation has no attribution", claim_id="p1-s1")
    waltz = Finding("LR302", "warning", "Waltz is invoked as an authority but has no entry", claim_id="p1-s1")
    claims = {"p1-s1": "As Waltz put it, “anarchy rules”."}
    assert diff_findings(Side((quote,), claims=claims), Side((waltz,), claims=claims)).changed == (quote,)


def test_a_finding_gone_while_another_entry_or_sentence_gains_one_is_fixed() -> None:
    unused = Finding("LR307", "error", "no claim relies on 'k'", key="k", file="refs.bib", line=1)
    other = Finding("LR311", "warning", "Smith (2012) cites 'j' as typed text", key="j", claim_id="p2-s1")
    diff = diff_findings(Side((unused,)), Side((other,), claims={"p2-s1": "Smith (2012) argued so."}))
    assert (diff.new, diff.fixed, diff.changed) == ((other,), (unused,), ())
    # One new finding stands for one old one: the second old finding of the entry is fixed.
    no_doi = Finding("LR137", "info", "no DOI", key="k", file="refs.bib", line=1)
    typed = replace(other, key="k", message="Kabir (2010) cites 'k' as typed text")
    diff = diff_findings(Side((unused, no_doi)), Side((typed,), claims={"p2-s1": "Kabir (2010) argued so."}))
    assert (diff.fixed, diff.changed) == ((no_doi,), (unused,))
    # An entry's field mended (LR110) while a note on it comes (LR137): fixed, and a new finding.
    lacks = Finding("LR110", "error", "@techreport entry lacks institution", key="k", file="refs.bib", line=1)
    diff = diff_findings(Side((lacks,)), Side((no_doi,)))
    assert (diff.new, diff.fixed, diff.changed) == ((no_doi,), (lacks,), ())


def test_an_entry_finding_replaced_by_a_worse_one_on_the_same_field_is_changed_not_fixed() -> None:
    # An entry that lacked its year loses its author too: the same code, a longer message.
    no_year = Finding("LR110", "error", "@book entry lacks year or date", key="k", file="refs.bib", line=1)
    neither = Finding("LR110", "error", "@book entry lacks author or editor, year or date", key="k",
                      file="refs.bib", line=1)
    diff = diff_findings(Side((no_year,)), Side((neither,)))
    assert (diff.new, diff.fixed, diff.changed) == ((neither,), (), (no_year,))
    # A DOI not yet verified made malformed: another code on the same field.
    unverified = Finding("LR209", "info", "DOI 10.1000/x182 not yet verified", key="k", file="refs.bib", line=1)
    malformed = Finding("LR120", "error", "doi '10.1000 x182' is not a DOI", key="k", file="refs.bib", line=1)
    diff = diff_findings(Side((unverified,)), Side((malformed,)))
    assert (diff.new, diff.fixed, diff.changed) == ((malformed,), (), (unverified,))
    # Another entry's finding of the code, or another field's of the entry, stands for nothing: fixed.
    elsewhere = replace(neither, key="j")
    assert diff_findings(Side((no_year,)), Side((elsewhere,))).fixed == (no_year,)
    miscased = Finding("LR133", "warning", "author 'SMITH, J.' is in capitals", key="k", file="refs.bib", line=1)
    assert diff_findings(Side((unverified,)), Side((miscased,))).fixed == (unverified,)


def test_the_text_summary_counts_a_changed_finding_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys) -> None:
    (tmp_path / "refs.bib").write_text("@book{kabir2010, author = {Kabir, Ahmed}, title = {A Study of Things},\n"
                                       "  publisher = {Press}, year = {2010}}\n"
                                       "@book{smith2012, author = {Smith, John}, title = {Another Study},\n"
                                       "  publisher = {Press}, year = {2012}}\n", encoding="utf-8")
    essay = tmp_path / "essay.md"
    essay.write_text("Things happen in the world [@smith2012].\n\nMore text about the state.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.litreview]\nessay = "essay.md"\nbibliography = "refs.bib"\n',
                                             encoding="utf-8")
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    # The unused entry (LR307) is now named with its year as typed text (LR311): not fixed.
    essay.write_text("Things happen in the world [@smith2012].\n\nKabir (2010) argued that the state matters.\n",
                     encoding="utf-8")
    assert main(["check", "--no-cache", "--since", "base"]) == 0
    out = capsys.readouterr().out
    assert "LR311 [kabir2010]" in out and out.rstrip().endswith("; 0 fixed, 1 changed")


def test_a_finding_raised_to_a_higher_level_is_new_and_one_lowered_is_not() -> None:
    info = Finding("LR137", "info", "no DOI", key="k")
    error = Finding("LR137", "error", "no DOI", key="k")
    assert diff_findings(Side((info,)), Side((error,))).new == (error,)
    assert diff_findings(Side((error,)), Side((info,))).new == ()
    assert diff_findings(Side((info,)), Side((error,))).fixed == ()  # raised, not fixed


@pytest.mark.parametrize("form", ["latex", "quarto"])
def test_an_essay_of_several_files_is_read_whole_at_the_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys, form: str) -> None:
    # An old unresolved citation in an \input file or a chapter is not new; one added there is.
    (tmp_path / "parts").mkdir()
    (tmp_path / "refs.bib").write_text("@book{a,\n  author = {Doe, Jane},\n  title = {A},\n  publisher = {P},\n"
                                       "  year = {2001},\n}\n", encoding="utf-8")
    if form == "latex":
        essay, part = "paper.tex", tmp_path / "parts" / "intro.tex"
        (tmp_path / essay).write_text("\\begin{document}\nMain text \\cite{a}.\n\\input{parts/intro}\n"
                                      "\\end{document}\n", encoding="utf-8")
        part.write_text("Old claim \\cite{old2000}.\n", encoding="utf-8")
        added = "\nNew claim \\cite{new2001}.\n"
    else:
        essay, part = "_quarto.yml", tmp_path / "parts" / "one.qmd"
        (tmp_path / essay).write_text("book:\n  chapters: [index.qmd, parts/one.qmd]\n", encoding="utf-8")
        (tmp_path / "index.qmd").write_text("# Start\n\nMain text [@a].\n", encoding="utf-8")
        part.write_text("# One\n\nOld claim [@old2000].\n", encoding="utf-8")
        added = "\nNew claim [@new2001].\n"
    (tmp_path / "litreview.toml").write_text(f'essay = "{essay}"\nbibliography = "refs.bib"\n', encoding="utf-8")
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    status, scoped = report("--since", "base", "--no-cache", capsys=capsys)
    assert (status, scoped["findings"]) == (0, [])
    part.write_text(part.read_text(encoding="utf-8") + added, encoding="utf-8")
    status, scoped = report("--since", "base", "--no-cache", capsys=capsys)
    assert status == 1 and [f["message"] for f in scoped["findings"]] == [
        "no entry has the key 'new2001'" if form == "latex" else "citation '@new2001' matches no entry"]


def test_a_pairs_finding_told_at_its_other_entry_after_a_reorder_is_not_new() -> None:
    # Two entries with one DOI are reported at the later one; a re-saved file that lists them the other way round
    # tells the same pair at the other key. That is the old problem, not one the change added.
    before = Finding("LR106", "warning", "same DOI 10.1/x as 'smith2001' (line 1)", key="smith01b",
                     file="refs/b.bib", line=40)
    after = Finding("LR106", "warning", "same DOI 10.1/x as 'smith01b' (line 12)", key="smith2001",
                    file="refs/b.bib", line=60)
    diff = diff_findings(Side((before,)), Side((after,)))
    assert diff.new == () and diff.fixed == ()
    # The close cases: a third entry sharing the DOI, or another DOI, is a new pair.
    third = replace(after, message="same DOI 10.1/x as 'jones1999' (line 12)")
    assert diff_findings(Side((before,)), Side((third,))).new == (third,)
    other = replace(after, message="same DOI 10.1/y as 'smith01b' (line 12)")
    assert diff_findings(Side((before,)), Side((other,))).new == (other,)
