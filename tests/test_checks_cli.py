"""`litreview check` from the command line: formats, exit statuses, --output, --list-codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from litreview import cache
from litreview.cli import main

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CLEAN = """@book{kant1983perpetual,
  author    = {Kant, Immanuel},
  title     = {Perpetual Peace, and Other Essays},
  publisher = {Hackett},
  year      = {1983},
}
"""
WARNING_ONLY = CLEAN.replace("{Perpetual Peace, and Other Essays}", "{PERPETUAL PEACE AND OTHER ESSAYS}")
ERROR = CLEAN.replace("  author    = {Kant, Immanuel},\n", "")
INFO_ONLY = CLEAN.replace("{Hackett}", "{Cambridge University Press}").replace("1983", "2003")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A project folder whose review is the .bib text given, with no essay and an empty snapshot."""
    (tmp_path / "pyproject.toml").write_text('[tool.litreview]\nbibliography = "refs/bibliography.bib"\n'
                                             'essay = ""\n')
    (tmp_path / "refs").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(cache.ENV_DISABLE, "1")

    def use(text: str) -> Path:
        (tmp_path / "refs" / "bibliography.bib").write_text(text, encoding="utf-8")
        return tmp_path

    return use


def test_clean_exits_0(project, capsys) -> None:
    project(CLEAN)
    assert main(["check"]) == 0
    # what was checked, so that a clean report is told from one that read nothing
    assert capsys.readouterr().out == "No problems found (1 entry checked).\n"
    assert main(["check", "--format", "json", "--no-cache"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["checked"] == {"entries": 1, "claims": 0, "citations": 0}


def test_errors_exit_1(project, capsys) -> None:
    project(ERROR)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "refs/bibliography.bib:1: LR110 [kant1983perpetual] @book entry lacks author or editor" in out


@pytest.mark.parametrize(("text", "strict", "status"), [
    (WARNING_ONLY, False, 0), (WARNING_ONLY, True, 1), (INFO_ONLY, True, 0), (ERROR, False, 1),
])
def test_strict_makes_warnings_fail(project, capsys, text: str, strict: bool, status: int) -> None:
    project(text)
    assert main(["check", *(["--strict"] if strict else [])]) == status


def test_json_output(project, capsys) -> None:
    project(ERROR)
    assert main(["check", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["errors"] == 1
    assert data["findings"] == [{"code": "LR110", "severity": "error",
                                 "message": "@book entry lacks author or editor",
                                 "hint": data["findings"][0]["hint"], "key": "kant1983perpetual",
                                 "claim_id": None, "file": "refs/bibliography.bib", "line": 1}]


def test_github_output(project, capsys) -> None:
    project(WARNING_ONLY)
    assert main(["check", "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("::warning file=refs/bibliography.bib,line=3,title=LR130 all-capitals::"
                          "[kant1983perpetual] title is in capitals")  # the title's line


# A field deep in an entry (doi on line 7, pages on 8), a title over two lines (11-12) in an entry that lacks its
# author (line 10), and a key defined twice (lines 16 and 17).
FIELDS_DEEP = """@article{doe2001study,
  author  = {Doe, Jane},
  title   = {A Study of Things},
  journal = {Journal of Studies},
  year    = {2001},
  volume  = {3},
  doi     = {not-a-doi},
  pages   = {12 14},
}
@book{roe2002,
  title     = {An Unfinished
               Title of Two Lines:},
  publisher = {Hackett},
  year      = {2002},
}
@misc{twice, title = {One}}
@misc{twice, title = {Two}}
"""
FIELD_LINES = [("LR120", "doe2001study", 7), ("LR143", "doe2001study", 8), ("LR110", "roe2002", 10),
               ("LR131", "roe2002", 11), ("LR101", "twice", 16)]


def test_a_finding_about_a_field_is_on_its_line_in_every_format(project, capsys) -> None:
    root = project(FIELDS_DEEP)
    assert main(["check", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["key"], f["line"]) for f in data["findings"]] == FIELD_LINES
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    for code, _, line in FIELD_LINES:
        assert f"refs/bibliography.bib:{line}: {code} " in out
    assert main(["check", "--format", "sarif", "--output", "check.sarif"]) == 1
    log = json.loads((root / "check.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    regions = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
               for r in log["runs"][0]["results"]]
    assert regions == [(code, line) for code, _, line in FIELD_LINES]


def test_sarif_output_to_file(project, capsys) -> None:
    root = project(ERROR)
    assert main(["check", "--format", "sarif", "--output", "out/check.sarif"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "1 error, 0 warnings, 0 notes; report written to out/check.sarif" in captured.err
    log = json.loads((root / "out" / "check.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["LR110"]


def test_text_output_to_file_says_the_summary_too(project, capsys) -> None:
    # `check --output report.txt` printed nothing at all (SARIF, JSON and GitHub said the summary and the file):
    # a run that exits 1 in silence.
    root = project(ERROR)
    assert main(["check", "--output", "report.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "1 error, 0 warnings, 0 notes; report written to report.txt" in captured.err
    assert "LR110" in (root / "report.txt").read_text(encoding="utf-8")


def test_suppression_from_pyproject(project, capsys) -> None:
    root = project(ERROR)
    (root / "pyproject.toml").write_text('[tool.litreview]\nbibliography = "refs/bibliography.bib"\n'
                                         'essay = ""\nsuppress = ["LR110"]\n')
    assert main(["check", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["suppressed"] == 1


def test_list_codes(capsys) -> None:
    assert main(["check", "--list-codes"]) == 0
    out = capsys.readouterr().out
    assert "LR110  error    missing-required-field:" in out
    assert main(["check", "--list-codes", "--format", "json"]) == 0
    codes = json.loads(capsys.readouterr().out)["codes"]
    assert [c["code"] for c in codes][:3] == ["LR100", "LR101", "LR102"]
    assert set(codes[0]) == {"code", "name", "severity", "description", "hint", "area"}


def test_bad_usage_exits_2(capsys) -> None:
    assert main(["check", "--format", "xml"]) == 2


def test_unreadable_bibliography_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--bib", "missing.bib", "--essay", "none.md"]) == 2
    assert "bibliography not found" in capsys.readouterr().err


def test_online_reports_when_no_registry_answers(project, capsys, monkeypatch) -> None:
    from types import SimpleNamespace

    import litreview.registry.fetch as fetch

    project(CLEAN)
    monkeypatch.setattr(fetch, "fetch_all", lambda sources, config, **_: SimpleNamespace(offline=True, stopped=""))
    assert main(["check", "--online"]) == 0
    assert "no registry could be reached; checking against the snapshot" in capsys.readouterr().err


def test_unverified_doi_says_what_is_wrong_and_the_hint_what_to_do(project, capsys) -> None:
    # The finding's message and its hint are printed one under the other: each says its own thing.
    project(CLEAN.replace("  year      = {1983},\n", "  year      = {1983},\n  doi       = {10.5555/12345678},\n"))
    assert main(["check", "--format", "json"]) == 0
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "LR209"]
    assert [f["message"] for f in found] == [
        "DOI 10.5555/12345678 not yet verified: the snapshot has no registry record for this DOI"]
    assert "litreview fetch" in found[0]["hint"]


@pytest.mark.parametrize("name", ["refs.json", "refs.JSON", "refs.Yaml"])
def test_text_names_no_sync_fix_for_a_csl_bibliography_whatever_the_case_of_its_suffix(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # `sync --write` edits BibTeX only: a CSL file named refs.JSON was offered its fixes (one rule, bibliography.csl).
    items = [{"id": f"a{i}", "type": "article-journal", "title": f"Title {i}", "container-title": "J",
              "author": [{"family": "Roe", "given": "Ann"}], "issued": {"date-parts": [[2000 + i]]},
              "page": f"12{i}-3{i}"} for i in range(7)]
    (tmp_path / name).write_text(json.dumps(items), encoding="utf-8")  # JSON is YAML too
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(cache.ENV_DISABLE, "1")
    main(["check", "--essay", "", "--bib", name])
    out = capsys.readouterr().out
    assert "more LR138 (abbreviated-pages)" in out and "sync --write" not in out
