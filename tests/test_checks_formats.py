"""Output formats: text, JSON, GitHub workflow commands and SARIF 2.1.0 (validated against the OASIS schema)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from litreview.checks import summarize
from litreview.checks.catalogue import CATALOGUE, catalogue_json
from litreview.checks.formats import (
    escape_data,
    escape_property,
    render_codes,
    render_github,
    render_text,
    to_json,
    to_sarif,
)
from litreview.model import Finding

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FINDINGS = [
    Finding("LR110", "error", "@book entry lacks author or editor", "add author = {...}", key="protocol2007modern",
            file="refs/bibliography.bib", line=119),
    Finding("LR302", "warning", "Hans Morgenthau is invoked as an authority but has no entry", "", claim_id="p3-s2",
            file="refs/essay.md", line=15),
    Finding("LR137", "info", "no DOI, but 100% sure: a, b", "look it up", key="holsti2004taming",
            file="refs/bibliography.bib", line=62),
    Finding("LR190", "warning", "suppress names unknown code 'LR999'", "check it"),
]
EXCERPTS = {"p3-s2": "Since first entering the IR discourse in the 1940s under the tutelage of Hans Morgenthau, "
                     "John Mearsheimer, and Kenneth Waltz."}


def test_summary_counts() -> None:
    s = summarize(FINDINGS, suppressed=2)
    assert s == {"errors": 1, "warnings": 2, "info": 1, "total": 4, "suppressed": 2,
                 "by_code": {"LR110": 1, "LR137": 1, "LR190": 1, "LR302": 1}}


def test_json_has_every_field_and_nulls_for_absent_values() -> None:
    data = to_json(FINDINGS, summarize(FINDINGS))
    assert list(data) == ["findings", "summary"]
    assert data["findings"][1] == {"code": "LR302", "severity": "warning",
                                   "message": "Hans Morgenthau is invoked as an authority but has no entry",
                                   "hint": None, "key": None, "claim_id": "p3-s2", "file": "refs/essay.md",
                                   "line": 15}
    assert data["findings"][3]["file"] is None and data["findings"][3]["line"] is None
    json.dumps(data)  # serialisable


def test_text_groups_by_severity_then_file_with_excerpt_and_hint() -> None:
    out = render_text(FINDINGS, summarize(FINDINGS, 1), excerpts=EXCERPTS)
    lines = out.splitlines()
    assert lines[0] == "Errors (1)"
    assert "refs/bibliography.bib:119: LR110 [protocol2007modern] @book entry lacks author or editor" in lines[2]
    assert lines.index("Warnings (2)") < lines.index("Notes (1)")
    essay = next(i for i, ln in enumerate(lines) if ln.startswith("refs/essay.md:15: LR302 [p3-s2]"))
    assert lines[essay + 1] == ("    > Since first entering the IR discourse in the 1940s under the tutelage of Hans "
                                "Morgenthau, John …")
    assert "    hint: add author = {...}" in lines
    assert lines[-1] == "1 error, 2 warnings, 1 note (1 suppressed)"
    assert "\x1b[" not in out


def test_text_with_colour_uses_ansi_codes() -> None:
    import click

    out = render_text(FINDINGS[:1], summarize(FINDINGS[:1]), style=click.style)
    assert "\x1b[31m" in out  # red for errors


def test_text_when_clean() -> None:
    assert render_text([], summarize([])) == "No problems found.\n"


@pytest.mark.parametrize(("text", "data", "prop"), [
    ("100% sure", "100%25 sure", "100%25 sure"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("file: a, b", "file: a, b", "file%3A a%2C b"),
    ("k\x1b]0;T\x07ey \x9b2J", "k\\x1b]0;T\\x07ey \\x9b2J", "k\\x1b]0;T\\x07ey \\x9b2J"),
])
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_github_workflow_commands() -> None:
    lines = render_github(FINDINGS).splitlines()
    assert lines[0] == ("::error file=refs/bibliography.bib,line=119,title=LR110 missing-required-field::"
                        "[protocol2007modern] @book entry lacks author or editor%0Ahint: add author = {...}")
    assert lines[1].startswith("::warning file=refs/essay.md,line=15,title=LR302 uncited-authority::[p3-s2] Hans")
    assert lines[2].startswith("::notice file=refs/bibliography.bib,line=62,title=LR137 doi-probably-exists::")
    assert "no DOI, but 100%25 sure: a, b%0Ahint: look it up" in lines[2]
    assert lines[3] == ("::warning title=LR190 unknown-suppressed-code::suppress names unknown code 'LR999'"
                        "%0Ahint: check it")
    assert render_github([]) == ""


def test_sarif_validates_against_the_official_schema() -> None:
    log = to_sarif(FINDINGS, version="0.1.0", fallback_file="refs/bibliography.bib")
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(CATALOGUE)
    first = run["results"][0]
    assert first["ruleId"] == "LR110" and first["level"] == "error"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "LR110"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "refs/bibliography.bib", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 119}}
    assert run["results"][2]["level"] == "note"
    assert run["results"][3]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "refs/bibliography.bib", "uriBaseId": "%SRCROOT%"}}
    assert first["properties"] == {"key": "protocol2007modern"}


def test_sarif_of_a_change_names_its_base_and_the_working_trees_revision() -> None:
    # check --since: the run's properties name the ref, the commit it names and the base checked (the branch point),
    # versionControlProvenance the revision analysed, and each result is new against the base; schema-valid.
    since = {"since": "origin/main", "base": "b" * 40, "branch_point": True, "fixed": 2, "older": 5,
             "since_revision": "a" * 40}
    where = {"repositoryUri": "https://example.org/team/paper.git", "revisionId": "c" * 40, "branch": "fix"}
    log = to_sarif(FINDINGS, version="0.1.0", fallback_file="refs/bibliography.bib", since=since, provenance=where)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    assert run["properties"] == {"since": "origin/main", "sinceRevision": "a" * 40, "baseRevision": "b" * 40,
                                 "baseIsBranchPoint": True, "fixed": 2, "older": 5}
    assert run["versionControlProvenance"] == [where]
    assert {r["baselineState"] for r in run["results"]} == {"new"}
    # A whole check (no --since) says nothing of a base.
    run = to_sarif(FINDINGS, version="0.1.0")["runs"][0]
    assert "properties" not in run and "versionControlProvenance" not in run
    assert not any("baselineState" in r for r in run["results"])


def test_sarif_rejects_what_the_schema_rejects() -> None:
    # The schema is really enforced: a log with a bad level fails.
    log = to_sarif(FINDINGS[:1])
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_sarif_fingerprints_survive_a_move() -> None:
    from dataclasses import replace

    a = to_sarif(FINDINGS[:1])["runs"][0]["results"][0]["partialFingerprints"]
    b = to_sarif([replace(FINDINGS[0], line=200)])["runs"][0]["results"][0]["partialFingerprints"]
    c = to_sarif([replace(FINDINGS[0], key="other")])["runs"][0]["results"][0]["partialFingerprints"]
    assert a == b != c


def test_empty_sarif_is_valid() -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(to_sarif([]))


def test_code_listing_covers_the_catalogue() -> None:
    text = render_codes()
    for item in catalogue_json():
        assert f"  {item['code']}  {item['severity']:<7}  {item['name']}: {item['description']}" in text
    assert text.splitlines()[0] == "Bibliography"


def test_text_report_keeps_a_contributors_line_breaks_out_of_the_log() -> None:
    # A CSL-JSON id or field may hold a newline; printed raw, "::stop-commands::x" began a line of the
    # workflow's log ("The whole review, for the log" runs the text report) and the runner obeyed it.
    bad = Finding("LR307", "error", "no claim relies on 'k\\n::error::x'", "Link it\r::warning::y",
                  key="k\n::stop-commands::tok", file="refs.json", line=1)
    other = Finding("LR124", "error", "date\u2028::notice::z", "", claim_id="p1-s1\x85::error::w", file="e.md", line=2)
    text = render_text([bad, other], summarize([bad, other]))
    assert not [line for line in text.splitlines() if line.lstrip().startswith("::")]
    assert "[k\\n::stop-commands::tok]" in text and "hint: Link it\\r::warning::y" in text
    assert "date\\u2028::notice::z" in text and "[p1-s1\\x85::error::w]" in text


def test_a_finding_in_another_file_keeps_every_other_field() -> None:
    from dataclasses import fields, replace

    finding = Finding(**{field.name: f"value {i}" for i, field in enumerate(fields(Finding))})  # type: ignore[arg-type]
    assert finding.in_file("refs/other.bib") == replace(finding, file="refs/other.bib")
    assert finding.in_file(None) == replace(finding, file=None)


def test_text_prints_a_hint_many_findings_of_one_code_share_once() -> None:
    # 30 entries a chapter does not cite printed the same hint 30 times, 159 unverified entries 159 times.
    same = [Finding("LR307", "error", f"no claim relies on 'k{i}'", "Link it, or remove it.", key=f"k{i}",
                    file="refs.bib", line=i) for i in range(1, 5)]
    own = [Finding("LR143", "warning", f"pages '{i}-9'", f"Write pages = {{{i}--9}}", key=f"p{i}", file="refs.bib",
                   line=10 + i) for i in range(1, 4)]
    pair = [Finding("LR131", "warning", "title ends with a period", "remove it", key=f"t{i}", file="refs.bib",
                    line=20 + i) for i in range(1, 3)]
    lines = render_text(same + own + pair, summarize(same + own + pair)).splitlines()
    assert lines.count("    hint (and for the 3 LR307 below with this hint): Link it, or remove it.") == 1
    assert lines[lines.index("refs.bib:1: LR307 [k1] no claim relies on 'k1'  (unused-entry)") + 1] == \
        "    hint (and for the 3 LR307 below with this hint): Link it, or remove it."
    assert not any("Link it" in line for line in lines[lines.index("refs.bib:2: LR307 [k2] no claim relies on 'k2'  "
                                                                   "(unused-entry)"):])
    assert [line for line in lines if "Write pages" in line] == [f"    hint: Write pages = {{{i}--9}}" for i in (1, 2, 3)]
    assert lines.count("    hint: remove it") == 2  # two alike: each keeps its own


def test_text_counts_past_the_first_few_of_a_code_in_a_file_on_one_line() -> None:
    # Many findings of one code in one file, each with its own hint (here LR143's, one per pages field), drown the
    # report. Past the first five of one code in one file, one line counts the others and names the command that
    # fixes them; JSON keeps every finding.
    pages = [Finding("LR143", "warning", f"pages '{i}-9'", f"Write pages = {{{i}--9}}", key=f"p{i}", file="refs.bib",
                     line=i) for i in range(1, 13)]
    other = [Finding("LR143", "warning", "pages '1-9'", "Write pages = {1--9}", key="q", file="more.bib", line=1)]
    findings = pages + other
    lines = render_text(findings, summarize(findings), fixable={(f"p{i}", "LR143") for i in range(1, 13)}).splitlines()
    assert lines[0] == "Warnings (13)"
    assert [line.split(":")[1] for line in lines if line.startswith("refs.bib:")] == ["1", "2", "3", "4", "5"]
    assert lines[lines.index("    hint: Write pages = {5--9}") + 1] == \
        "    ... and 7 more LR143 (page-range-format) in this file: `litreview sync --write` makes each change (it asks first)"
    assert "more.bib:1: LR143 [q] pages '1-9'  (page-range-format)" in lines  # another file is counted apart
    assert len(to_json(findings, summarize(findings))["findings"]) == 13
    # Without a fix for them all: how many the command fixes, and where every hint is.
    some = render_text(pages, summarize(pages), fixable={("p12", "LR143")}).splitlines()
    assert "    ... and 7 more LR143 (page-range-format) in this file: `litreview sync --write` makes 1 of the " \
           "changes; `litreview check --format json` lists every one, with its hint" in some
    # The close case: six of a code are all shown (a line counting one more saves nothing).
    six = render_text(pages[:6], summarize(pages[:6])).splitlines()
    assert [line for line in six if line.startswith("refs.bib:")][-1].startswith("refs.bib:6: LR143")
    assert not any("more LR143" in line for line in six)


# A contributor's key, title or sentence holding terminal control sequences: retitle the window, clear the
# screen, hide text (SGR 8), overwrite the line (carriage return). Shown as escapes, never sent to the terminal.
HOSTILE = "A\x1b]0;PWNED\x07 \x1b[2J \x1b[8mhidden\rover \x9b31m"
SHOWN = "A\\x1b]0;PWNED\\x07 \\x1b[2J \\x1b[8mhidden\\rover \\x9b31m"


def test_the_text_report_shows_terminal_controls_as_escapes() -> None:
    finding = Finding("LR307", "info", f"no claim relies on {HOSTILE!s}", "", key=HOSTILE, claim_id="p1-s1",
                      file="refs.bib", line=3)
    out = render_text([finding], summarize([finding]), excerpts={"p1-s1": f"Wars {HOSTILE}."})
    assert not set(out) & {"\x1b", "\x07", "\x9b", "\r"}
    assert out.count(SHOWN) == 3  # the key, the message and the sentence
    assert not set(render_github([finding])) & {"\x1b", "\x07", "\x9b", "\r"}


def test_tables_show_terminal_controls_as_escapes() -> None:
    from litreview.commands._layout import Column, render

    for width in (200, 40):  # a table, and records on a narrow terminal
        out = render("sources", [Column("key"), Column("title", grow=True)], [["k", f"{HOSTILE}\nline two"]],
                     width=width)
        assert not set(out) & {"\x1b", "\x07", "\x9b", "\r"} and "line two" in out


def test_the_text_report_quotes_a_latex_sentence_as_its_file_writes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    # A thesis citing with \supercite{...} read "> Entdeckung von CNT[@{iijima1991}] ...": the reader's pandoc form,
    # which the author never wrote and cannot search for.
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "ch.tex").write_text("Entdeckung von CNT\\supercite{iijima1991} und Ringe\\supercite{eunier1998}.\n",
                                     encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@article{iijima1991, author = {Iijima, S.}, title = {Helical microtubules},"
                                       " journal = {Nature}, year = {1991}}\n", encoding="utf-8")
    main(["check", "--essay", "ch.tex", "--bib", "refs.bib", "--claims", "", "--no-cache"])
    out = capsys.readouterr().out
    assert "> Entdeckung von CNT\\supercite{iijima1991} und Ringe\\supercite{eunier1998}." in out
    assert "[@{" not in out


def test_a_clean_report_says_what_it_checked() -> None:
    summary = summarize([])
    assert render_text([], {**summary, "checked": {"entries": 12, "claims": 96, "citations": 55}}) == (
        "No problems found (12 entries; 96 claims, 55 citations checked).\n")
    assert render_text([], {**summary, "checked": {"entries": 1, "claims": 1, "citations": 1}}) == (
        "No problems found (1 entry; 1 claim, 1 citation checked).\n")


@pytest.mark.parametrize(("file", "name"), [
    ("refs/references.yaml", "csl-yaml-syntax"), ("refs/library.yml", "csl-yaml-syntax"),
    ("refs/library.json", "csl-json-syntax"), ("refs/bibliography.bib", "bibtex-syntax"), (None, "bibtex-syntax"),
])
def test_a_syntax_error_is_named_for_the_bibliography_format_it_is_found_in(file: str | None, name: str) -> None:
    # A CSL-YAML file's syntax error is no BibTeX syntax error: the label says which format failed to read.
    finding = Finding("LR100", "error", "not valid CSL-YAML: mapping values are not allowed in this context", "",
                      key="Krijnen2014", file=file, line=34 if file else None)
    assert f"  ({name})" in render_text([finding], summarize([finding]))
    assert f"title=LR100 {name}::" in render_github([finding])


def test_the_count_of_more_syntax_errors_in_a_csl_file_names_the_csl_format() -> None:
    # The line counting the LR100s not shown names them as the shown ones are: (csl-yaml-syntax), not (bibtex-syntax).
    findings = [Finding("LR100", "error", f"not valid CSL-YAML: bad item {n}", "", key=f"k{n}",
                        file="bibliography.yaml", line=n) for n in range(1, 9)]
    out = render_text(findings, summarize(findings))
    assert "(csl-yaml-syntax)" in out
    more = [line for line in out.splitlines() if "more LR100" in line]
    assert more and "more LR100 (csl-yaml-syntax) in this file" in more[0]
    assert "bibtex-syntax" not in out
