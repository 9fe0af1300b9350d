"""Settings are type-checked into typed values with located errors; severity and reasons are tunable."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.checks import check_review
from litreview.checks.suppress import suppressed_summary
from litreview.cli import main
from litreview.config import load_config
from litreview.errors import ConfigError
from litreview.model import Review

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def settings(tmp_path: Path, body: str, name: str = "pyproject.toml") -> Path:
    head = '[project]\nname = "x"\n\n[tool.litreview]\n' if name == "pyproject.toml" else ""
    (tmp_path / name).write_text(head + body, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("body", "message", "line"), [
    ('suppress = "LR137"\n', "setting 'suppress' must be a list of codes, not a string ('LR137')", 5),
    ('essay = "e.md"\nsuppress_entries = { uscode10 = "LR136" }\n',
     "setting 'suppress_entries.uscode10' must be a list of codes, not a string", 6),
    ('severity = { LR307 = "warnin" }\n', "setting 'severity' gives LR307 the level 'warnin'", 5),
    ('severity = { LR3O7 = "warning" }\n', "names 'LR3O7', which is not a finding code", 5),
    ('timeout = "20"\n', "setting 'timeout' must be a number, not a string ('20')", 5),
    ('stale_days = true\n', "setting 'stale_days' must be a whole number, not true/false", 5),
    ('stale_days = -1\n', "setting 'stale_days' must be at least 0, not -1", 5),
    ('essay = 3\n', "setting 'essay' must be a string, not a number (3)", 5),
    ('crossref_url = "api.crossref.org"\n', "setting 'crossref_url' must be an http(s) URL", 5),
    ('essay = "e.md"\n\nsuppres = ["LR137"]\n', "unknown setting 'suppres'", 7),
    # A setting written as a table of its own was an error with no line.
    ('essay = "e.md"\n\n[tool.litreview.severty]\nLR307 = "info"\n', "unknown setting 'severty'", 7),
    ('essay = "e.md"\n[tool.litreview.severity]\nLR307 = "fatal"\n', "gives LR307 the level 'fatal'", 6),
    # Beyond these a date or a deadline computed from the setting overflows: a crash, not a message.
    ('stale_days = 99999999999999999999\n', "setting 'stale_days' must be at most 36500", 5),
    ('access_max_age_days = 10000000\n', "setting 'access_max_age_days' must be at most 36500", 5),
    ('timeout = nan\n', "setting 'timeout' must be a finite number, not nan", 5),
    ('timeout = inf\n', "setting 'timeout' must be a finite number, not inf", 5),
    ('crossref_url = "http://[::1"\n', "setting 'crossref_url' must be an http(s) URL, not 'http://[::1' (Invalid", 5),
    ('doi_url = "https://doi.org:port"\n', "setting 'doi_url' must be an http(s) URL", 5),
    ('essay = "e\\u0000.md"\n', "setting 'essay' holds a NUL character", 5),
    ('key_pattern = "{family:>99999999999}"\n', "key_pattern '{family:>99999999999}' formats a placeholder", 5),
    ('key_pattern = "{surname}"\n', "key_pattern '{surname}' uses unknown placeholders", 5),
    ('bibliography = ["a.bib", "b\\u0000.bib"]\n', "setting 'bibliography' must name one file or a list", 5),
])
def test_a_wrong_setting_is_a_located_error(tmp_path: Path, body: str, message: str, line: int) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(settings(tmp_path, body), env={})
    assert message in str(caught.value)
    assert caught.value.line == line and caught.value.path == str(tmp_path / "pyproject.toml")


@pytest.mark.parametrize(("body", "meant"), [('sitedir = "out"\n', "site_dir"), ('suppres = ["LR137"]\n', "suppress"),
                                            ('biblography = "refs.bib"\n', "bibliography"), ('colour = 1\n', None)])
def test_an_unknown_setting_names_the_one_it_most_likely_meant(tmp_path: Path, body: str, meant: str | None) -> None:
    # The hint listed all thirty settings, leaving the user to find which one "sitedir" was.
    with pytest.raises(ConfigError) as caught:
        load_config(settings(tmp_path, body), env={})
    assert caught.value.hint.startswith(f"did you mean {meant!r}? known settings: " if meant else "known settings: ")


def test_a_table_in_a_settings_file_of_its_own_is_located(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(settings(tmp_path, 'essay = "e.md"\n\n[tool]\nx = 1\n', "litreview.toml"), env={})
    assert "unknown setting 'tool'" in str(caught.value) and caught.value.line == 3


def test_valid_settings_become_typed_values(tmp_path: Path) -> None:
    config = load_config(settings(tmp_path, 'suppress = ["lr137"]\nseverity = { LR307 = "Warning" }\n'
                                            'timeout = 5\nsuppress_entries = { uscode10 = { LR136 = "a statute" } }\n'),
                         env={})
    assert config.suppress == ("LR137",)
    assert config.severity == {"LR307": "warning"}
    assert config.timeout == 5
    assert config.suppress_entries == {"uscode10": ("LR136",)}
    assert config.suppress_reasons == {"uscode10:LR136": "a statute"}


def test_litreview_toml_accepts_the_pyproject_form(tmp_path: Path) -> None:
    # A user copied [tool.litreview] from the README into litreview.toml.
    settings(tmp_path, '[tool.litreview]\nessay = "paper.md"\n', name="litreview.toml")
    assert load_config(tmp_path, env={}).essay == "paper.md"
    settings(tmp_path, 'essay = "paper2.md"\n', name="litreview.toml")
    assert load_config(tmp_path, env={}).essay == "paper2.md"


@pytest.mark.parametrize("body", ['tool = 3\n', 'tool = "x"\n'])
def test_a_pyproject_whose_tool_is_no_table_holds_no_settings(tmp_path: Path, body: str) -> None:
    # A pyproject.toml of another tool's making: its settings are none of litreview's (it raised AttributeError).
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    assert load_config(tmp_path, env={}).essay == "refs/essay.md"
    assert load_config(tmp_path, env={}).root == tmp_path.resolve()


BIB = """@book{used2001,
  author = {Holsti, K. J.}, title = {Taming the Sovereigns}, publisher = {Cambridge University Press},
  year = {2004},
}
@book{unused2001,
  author = {Doe, Jane}, title = {Nothing Cites This}, publisher = {Nowhere Press}, year = {2001},
}
"""


def test_severity_of_a_code_is_configurable(tmp_path: Path) -> None:
    from litreview.essay import parse_essay
    from litreview.linking import link

    bib = parse_bibliography(BIB, "refs.bib")
    essay = parse_essay("Holsti wrote about sovereigns in Taming the Sovereigns.\n", "essay.md")
    review = Review(bibliography=bib, essay=essay, linkage=link(essay, bib, None))
    default = check_review(review, load_config(settings(tmp_path, ""), env={}), now=NOW)
    assert ("LR307", "error") in {(f.code, f.severity) for f in default.findings if f.key == "unused2001"}
    tuned = check_review(review, load_config(settings(tmp_path, 'severity = { LR307 = "warning", LR13 = "info" }\n'),
                                             env={}), now=NOW)
    levels = {(f.code, f.severity) for f in tuned.findings}
    assert ("LR307", "warning") in levels and not any(s == "error" for _, s in levels)
    assert all(s == "info" for c, s in levels if c.startswith("LR13"))


def test_an_uncited_entry_of_a_shared_bibliography_has_no_error(tmp_path: Path) -> None:
    # A chapter cites one entry of a library it shares with other documents; init writes LR307 down to a note for
    # it. The uncited entries' own problems (a book with no publisher, a report with no institution) then are not
    # the chapter's errors either: no style prints those entries here. The cited entry's still are.
    from litreview.essay import parse_essay
    from litreview.linking import link

    bib = parse_bibliography("""@book{cited2001, author = {Roe, Jane}, title = {A Cited Book}, year = {2001}}
@techreport{other2002, author = {Doe, Jan}, title = {A Report Another Chapter Cites}, year = {2002}}
""", "library.bib")
    essay = parse_essay("A claim [@cited2001].\n", "chapter.md")
    review = Review(bibliography=bib, essay=essay, linkage=link(essay, bib, None))

    def levels(text: str) -> set[tuple[str, str | None, str]]:
        config = load_config(settings(tmp_path, text), env={})
        return {(f.code, f.key, f.severity) for f in check_review(review, config, now=NOW).findings}

    default = levels("")
    assert {("LR307", "other2002", "error"), ("LR110", "other2002", "error")} <= default
    shared = levels('severity = { LR307 = "info" }\n')
    assert ("LR307", "other2002", "info") in shared and ("LR110", "other2002", "info") in shared
    assert ("LR110", "cited2001", "error") not in shared  # a book with an author: nothing required missing
    assert ("LR111", "cited2001", "warning") in shared  # the cited entry's problems keep their level
    silenced = levels('suppress = ["LR307"]\n')
    assert ("LR110", "other2002", "info") in silenced


def test_a_duplicate_of_a_cited_entry_that_is_cited_nowhere_is_a_note_of_a_shared_bibliography(
        tmp_path: Path) -> None:
    # A shared library holds one paper twice (its Zotero export and a later copy); the paper cites the later key.
    # pandoc prints that entry alone: the duplicate, reported at the cited entry, was still an error (LR106).
    from litreview.essay import parse_essay
    from litreview.linking import link

    bib = parse_bibliography("""@article{zotero2019, author = {Roe, Jane}, title = {First Results}, journal = {J},
  year = {2019}, doi = {10.1000/first}}
@article{PaperI, author = {Roe, Jane}, title = {First Results}, journal = {J}, year = {2019}, doi = {10.1000/first}}
@article{a2020, author = {Doe, Jan}, title = {Second}, journal = {J}, year = {2020}, doi = {10.1000/second}}
@article{b2020, author = {Doe, Jan}, title = {Second}, journal = {J}, year = {2020}, doi = {10.1000/second}}
""", "library.bib")
    essay = parse_essay("A claim [@PaperI]. Another [@a2020; @b2020].\n", "paper.md")
    review = Review(bibliography=bib, essay=essay, linkage=link(essay, bib, None))

    def levels(text: str) -> set[tuple[str, str | None, str]]:
        config = load_config(settings(tmp_path, text), env={})
        return {(f.code, f.key, f.severity) for f in check_review(review, config, now=NOW).findings}

    shared = levels('severity = { LR307 = "info" }\n')
    assert ("LR106", "PaperI", "info") in shared  # its twin, zotero2019, is cited nowhere
    assert ("LR106", "b2020", "error") in shared  # both cited: the document prints the work twice
    assert ("LR106", "PaperI", "error") in levels("")  # uncited entries errors too, as by default


def test_a_doi_a_cited_entry_shares_with_an_uncited_work_of_another_title_stays_an_error(tmp_path: Path) -> None:
    # Two works of two titles under one DOI: the DOI is wrong in one of them, maybe in the cited one, which the
    # document prints. That is the document's error, though the other entry is cited nowhere. One work twice, the
    # uncited copy, stays a note of a shared bibliography.
    from litreview.essay import parse_essay
    from litreview.linking import link

    bib = parse_bibliography("""@article{cited2017, author = {Roe, Jane}, title = {Post Processor for Industrial Robots},
  journal = {J}, year = {2017}, doi = {10.1000/first}}
@article{other2018, author = {Doe, Jan}, title = {Welding Lines by Camera Calibration}, journal = {J}, year = {2018},
  doi = {10.1000/first}}
@article{copy2017, author = {Roe, Jane}, title = {Post Processor for Industrial Robots}, journal = {J},
  year = {2017}, doi = {10.1000/first}}
@article{uncited2016, author = {Loe, Al}, title = {Arc Interpolation of Tool Paths}, journal = {J}, year = {2016},
  doi = {10.1000/second}}
@article{cited2019, author = {Poe, Ed}, title = {Robotic Programs from Cutter Location Data}, journal = {J},
  year = {2019}, doi = {10.1000/second}}
""", "library.bib")
    essay = parse_essay("A claim [@cited2017]. Another [@cited2019].\n", "paper.md")
    review = Review(bibliography=bib, essay=essay, linkage=link(essay, bib, None))
    config = load_config(settings(tmp_path, 'severity = { LR307 = "info" }\n'), env={})
    levels = {(f.code, f.key, f.severity) for f in check_review(review, config, now=NOW).findings if f.code == "LR106"}
    assert levels == {("LR106", "other2018", "error"), ("LR106", "copy2017", "info"), ("LR106", "cited2019", "error")}


def test_a_key_told_from_a_cited_one_by_case_alone_keeps_its_level_in_a_shared_bibliography(tmp_path: Path) -> None:
    # A pull request adds @article{Wang2016, ...} below the cited wang2016 of a shared library: BibTeX reads the two
    # as one key (a "Repeated entry" error, the first one kept), so the clash is the document's, though the entry
    # added is cited nowhere. Two uncited keys that clash stay notes.
    from litreview.essay import parse_essay
    from litreview.linking import link

    bib = parse_bibliography("""@book{wang2016, author = {Wang, Jin}, title = {Measures}, year = {2016}, publisher = {P}}
@book{Wang2016, author = {Wang, Jin}, title = {Other}, year = {2016}, publisher = {P}}
@book{lee2001, author = {Lee, Ann}, title = {One}, year = {2001}, publisher = {P}}
@book{Lee2001, author = {Lee, Ann}, title = {Two}, year = {2001}, publisher = {P}}
""", "library.bib")
    essay = parse_essay("A claim [@wang2016].\n", "paper.md")
    review = Review(bibliography=bib, essay=essay, linkage=link(essay, bib, None))
    config = load_config(settings(tmp_path, 'severity = { LR307 = "info" }\n'), env={})
    levels = {(f.code, f.key, f.severity) for f in check_review(review, config, now=NOW).findings if f.code == "LR108"}
    assert levels == {("LR108", "Wang2016", "warning"), ("LR108", "Lee2001", "info")}


@pytest.mark.parametrize(("body", "line", "hint"), [
    ('severity = { LR999 = "info" }\n', 5, "write a code that litreview check --list-codes lists, or remove LR999"),
    # two digits swapped, one mistyped: the code meant is named; in a table of its own, the code's own line
    ('essay = "e.md"\n\n[tool.litreview.severity]\nLR307 = "info"\nlr370 = "info"\n', 9, "did you mean LR307?"),
    ('severity = { LR307 = "info", LR191 = "info" }\n', 5, "did you mean LR190?"),
])
def test_a_severity_for_an_unknown_code_is_an_error_at_its_line(tmp_path: Path, body: str, line: int,
                                                                 hint: str) -> None:
    # It changed nothing and was only a warning once the checks ran, naming no line and no code meant.
    with pytest.raises(ConfigError) as info:
        load_config(settings(tmp_path, body), env={})
    assert "which is no finding code" in info.value.message and info.value.line == line
    assert info.value.hint.startswith(hint)


@pytest.mark.parametrize(("body", "setting", "code", "line", "near"), [
    ('suppress = ["LR137", "lr370"]\n', "suppress", "LR370", 5, "LR307"),
    ('suppress = { LR137 = "no DOIs", LR999 = "why" }\n', "suppress", "LR999", 5, None),
    # a list over several lines, and a table of its own: the code's own line
    ('essay = "e.md"\nsuppress = [\n  "LR137",\n  "lr888",\n]\n', "suppress", "LR888", 8, None),
    ('essay = "e.md"\n\n[tool.litreview.suppress]\nLR137 = "no DOIs"\nLR191 = "typo"\n', "suppress", "LR191", 9,
     "LR190"),
    ('suppress_entries = { uscode10 = ["LR136"], roe = ["LR316", "LR631"] }\n', "suppress_entries.roe", "LR631", 5,
     "LR136"),
    ('essay = "e.md"\n[tool.litreview.suppress_entries]\nuscode10 = ["LR136"]\nroe = { LR613 = "why" }\n',
     "suppress_entries.roe", "LR613", 8, "LR163"),
    ('suppress = ["LR50"]\n', "suppress", "LR50", 5, None),  # a family of no code
])
def test_a_suppression_of_an_unknown_code_is_an_error_at_its_line(tmp_path: Path, body: str, setting: str, code: str,
                                                                  line: int, near: str | None) -> None:
    # As a severity for one is: it silenced nothing and was only a warning (LR190) once the checks ran, naming
    # neither its line nor the code meant.
    with pytest.raises(ConfigError) as info:
        load_config(settings(tmp_path, body), env={})
    error = info.value
    assert error.message == f"setting {setting!r} names {code}, which is no finding code"
    assert error.path == str(tmp_path / "pyproject.toml") and error.line == line
    todo = f"a code that litreview check --list-codes lists, or remove {code} from {setting!r}"
    assert error.hint == (f"did you mean {near}? Write {todo}" if near else f"write {todo}")
    assert f"pyproject.toml:{line}" in str(error)


def test_a_suppression_of_a_code_or_family_in_any_case_loads(tmp_path: Path) -> None:
    config = load_config(settings(tmp_path, 'suppress = ["lr137", "LR3"]\nsuppress_entries = { a = ["Lr13"] }\n'),
                         env={})
    assert config.suppress == ("LR137", "LR3") and config.suppress_entries == {"a": ("LR13",)}


def test_a_severity_code_and_family_are_read_in_any_case(tmp_path: Path) -> None:
    config = load_config(settings(tmp_path, 'severity = { lr307 = "info", Lr13 = "warning" }\n'), env={})
    assert config.severity == {"LR307": "info", "LR13": "warning"}


def test_a_suppression_reason_is_shown_in_the_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    settings(tmp_path, 'essay = ""\nbibliography = "refs.bib"\n'
                       'suppress = { LR137 = "these publishers register DOIs we do not need" }\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "suppressed LR137 (1): these publishers register DOIs we do not need" in out
    assert main(["check", "--no-cache", "--format", "json"]) == 0
    assert '"reason": "these publishers register DOIs we do not need"' in capsys.readouterr().out


def test_suppressed_summary_prefers_the_entrys_reason() -> None:
    from litreview.model import Finding

    found = [Finding("LR136", "warning", "m", key="uscode10"), Finding("LR136", "warning", "m", key="other")]
    assert suppressed_summary(found, {"uscode10:LR136": "statute", "LR13": "family"}) == [
        {"code": "LR136", "count": 1, "reason": "family"}, {"code": "LR136", "count": 1, "reason": "statute"}]


def test_the_readme_settings_block_is_valid_and_names_every_setting(tmp_path: Path) -> None:
    # A user copies the README's [tool.litreview] block: it must load as written, and it is
    # where they look for the settings that exist (registry URLs and keys are listed in its prose).
    import re
    from dataclasses import fields

    from litreview.config import Config

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(\[tool\.litreview\]\n.*?)```", readme, re.S)
    assert block, "README.md has no [tool.litreview] block"
    (tmp_path / "pyproject.toml").write_text(block.group(1), encoding="utf-8")
    config = load_config(tmp_path, env={})
    internal = {"root", "source_file", "origins", "suppress_reasons", "registry"}
    named = set(re.findall(r"^(\w+) =", block.group(1), re.M))
    missing = sorted(f.name for f in fields(Config) if f.name not in internal and f.name not in named)
    assert not missing, f"README.md's settings block does not name: {missing}"
    assert config.severity == {"LR307": "warning"} and config.suppress == ("LR305",)


def test_a_registry_url_in_the_environment_that_is_no_url_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"LITREVIEW_CROSSREF_URL must be an http\(s\) URL, not 'http://\[::1'"):
        load_config(tmp_path, env={"LITREVIEW_CROSSREF_URL": "http://[::1"})


def test_fetch_timeout_of_nan_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["fetch", "--offline", "--timeout", "nan"]) == 2
    assert "nan is not a number of seconds" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["[" * 5000 + "]" * 5000, "{a=" * 5000 + "1" + "}" * 5000])
def test_settings_nested_thousands_deep_are_a_located_error(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError, match="nest arrays or tables too deeply") as caught:
        load_config(settings(tmp_path, f"severity = {value}\n", name="litreview.toml"), env={})
    assert caught.value.path == str(tmp_path / "litreview.toml")


@pytest.mark.parametrize(("body", "line"), [('essay = "e.md\nclaims = "c.yaml"\n', 5), ("essay =", 5)])
def test_a_toml_syntax_error_names_its_line(tmp_path: Path, body: str, line: int) -> None:
    # Python before 3.14 gives the line only inside the message: the error still carries it, as file:line.
    with pytest.raises(ConfigError, match="invalid TOML") as caught:
        load_config(settings(tmp_path, body), env={})
    assert (caught.value.path, caught.value.line) == (str(tmp_path / "pyproject.toml"), line)
    assert str(caught.value).startswith(f"{tmp_path / 'pyproject.toml'}:{line}: ")


def test_a_settings_file_that_is_a_folder_is_an_error_not_skipped(tmp_path: Path) -> None:
    # Skipped, the walk went on up to the settings of the folder above, another project's.
    (tmp_path / "litreview.toml").write_text('essay = "other.md"\n', encoding="utf-8")
    (tmp_path / "review" / "litreview.toml").mkdir(parents=True)
    with pytest.raises(ConfigError, match="the settings file is a folder"):
        load_config(tmp_path / "review", env={})


def test_an_orphaned_link_to_an_uncited_entry_keeps_its_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    # With uncited entries as notes (a shared bibliography), a reviewer's link to one of them whose sentence was
    # edited away fell to a note too, beside the same orphan on a cited entry as an error: the orphan is the claims
    # file's problem, which the document owns, not something the shared entry lacks.
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "chapter.md").write_text("A claim reworded [@cited2001].\n", encoding="utf-8")
    (tmp_path / "library.bib").write_text(
        "@book{cited2001, author = {Roe, Jane}, title = {A Cited Book}, year = {2001}, publisher = {P}}\n"
        "@book{other2002, author = {Doe, Jan}, title = {Another Book}, year = {2002}, publisher = {P}}\n",
        encoding="utf-8")
    link = ("  - claim: p1-s1\n    source: {key}\n    status: confirmed\n    anchor:\n"
            "      exact: A claim as it was [@cited2001].\n")
    (tmp_path / "claims.yaml").write_text("essay: chapter.md\nlinks:\n" + link.format(key="cited2001")
                                          + link.format(key="other2002"), encoding="utf-8")
    (tmp_path / "litreview.toml").write_text('essay = "chapter.md"\nbibliography = "library.bib"\n'
                                             'claims = "claims.yaml"\nseverity = { LR307 = "info" }\n',
                                             encoding="utf-8")
    main(["check", "--no-cache", "--format", "json"])
    found = {(f["code"], f["key"], f["severity"]) for f in json.loads(capsys.readouterr().out)["findings"]}
    assert {("LR400", "cited2001", "error"), ("LR400", "other2002", "error"), ("LR307", "other2002", "info")} <= found


@pytest.mark.parametrize("loop", [False, True])
def test_a_settings_file_linking_to_no_file_is_an_error_not_no_settings(tmp_path: Path, loop: bool) -> None:
    (tmp_path / "litreview.toml").symlink_to("shared.toml")
    if loop:
        (tmp_path / "shared.toml").symlink_to("litreview.toml")
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path, env={})
    assert err.value.path == str(tmp_path / "litreview.toml")
    assert "symbolic link to no file" in err.value.message and "point the link" in err.value.hint


def test_a_number_too_long_to_convert_is_a_settings_error(tmp_path: Path) -> None:
    (tmp_path / "litreview.toml").write_text("timeout = " + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="a number in the settings is too long to read") as err:
        load_config(tmp_path, env={})
    assert err.value.path == str(tmp_path / "litreview.toml")


def test_each_value_records_where_it_was_given(tmp_path: Path) -> None:
    # The file's line, a variable's name, or none (the default; the command line): what an error about the path says.
    settings(tmp_path, 'essay = "chapters/intro.qmd"\n\nbibliography = ["a.bib", "b.bib"]\n')
    config = load_config(tmp_path, env={"LITREVIEW_CLAIMS": "mine.yaml"})
    assert config.origin("essay") == (str(tmp_path / "pyproject.toml"), 5, False)
    assert config.origin("essay").said() == "set in pyproject.toml line 5"
    assert config.origin("bibliography").said() == "set in pyproject.toml line 7"
    assert config.origin("claims").said() == "set by LITREVIEW_CLAIMS"
    assert config.origin("metadata") is None  # left at its default
    given = config.with_overrides(essay="other.md", bibliography=None)
    assert given.origin("essay") is None and given.origin("bibliography") == config.origin("bibliography")
