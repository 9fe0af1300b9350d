"""The warm-start cache: hits give equal values, any change misses, bad files are ignored, warm runs stay light."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType

import pytest

from litreview import cache, review
from litreview.cli import main
from litreview.config import load_config
from litreview.model import Essay, Link, Person, Source, SourceMetadata

CASE = Path(__file__).parent / "cases" / "registry_snapshot"
NOW = datetime(2024, 5, 31, 10, 0, tzinfo=UTC)
# The record of stale2001 (see the fixture) turns stale 365 days after it was fetched.
FETCHED = "2023-06-01T12:00:00+00:00"
TURNS_STALE = datetime(2024, 5, 31, 12, 0, tzinfo=UTC)
ESSAY = """---
title: A small essay
date: 2024-05-01
tags: [security, culture]
---

Fernhill (2005) argues that world culture shapes military power. An Old Record by Oldman is cited too.

This sentence cites no one at all. Moved (2012) wrote about another place.
"""
CLAIMS = """links:
  - claim: p1-s1
    source: verified2005
    status: confirmed
    kind: marker
    note: the argument of the article
    anchor:
      exact: Fernhill (2005) argues that world culture shapes military power.
  - claim: p2-s3
    source: gone2010
    status: confirmed
    anchor:
      exact: A sentence that the essay no longer has.
"""
HEAVY = ("pybtex", "pysbd", "numpy", "scipy", "ruamel", "httpx", "pandas", "mkdocs", "rich", "Stemmer")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with an essay, a .bib, a claims file and a snapshot (one record old enough to be stale)."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.litreview]\nessay = "refs/essay.md"\nbibliography = "refs/bibliography.bib"\n'
        'claims = "refs/claims.yaml"\nmetadata = "refs/metadata"\n', encoding="utf-8")
    refs = tmp_path / "refs"
    refs.mkdir()
    shutil.copy(CASE / "refs.bib", refs / "bibliography.bib")
    shutil.copytree(CASE / "metadata", refs / "metadata")
    old = refs / "metadata" / "doi" / "10.5555%2Flr.old.json"
    old.write_text(old.read_text(encoding="utf-8").replace("2020-01-01T00:00:00+00:00", FETCHED),
                   encoding="utf-8")
    (refs / "essay.md").write_text(ESSAY, encoding="utf-8")
    (refs / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(cache.ENV_DISABLE, "0")  # on, even where CI is set
    return tmp_path


def no_rebuild(*_args, **_kwargs):
    raise AssertionError("the cached values should have been used")


# ---- values ----

def test_encode_decode_keeps_values_and_types() -> None:
    source = Source(key="k", type="book", authors=(Person("Kant", "Immanuel"),), year=1983,
                    fields={"title": "Perpetual Peace", "year": "1983"})
    meta = {"date": date(2024, 5, 1), "when": datetime(2024, 5, 1, 9, 30, tzinfo=UTC), "tags": ["a", "b"],
            "nested": {"n": 1.5, 2: None, "ok": True}}
    essay = Essay(path="e.md", body="text", meta=meta)
    values = (source, essay, MappingProxyType({"x": (1, 2)}), Link("p1-s1", "k", "marker", 0.875, "confirmed", "K"))
    back = cache.decode(json.loads(json.dumps(cache.encode(values))))
    assert back == values
    assert type(back[0].fields) is dict and type(back[2]) is MappingProxyType
    assert type(back[1].meta["tags"]) is list and type(back[2]["x"]) is tuple
    assert type(back[1].meta["date"]) is date and back[1].meta["when"].tzinfo is not None


@pytest.mark.slow
def test_the_projects_own_review_round_trips() -> None:
    """Whatever the loaders and linkers put in their values must survive the cache, or it never hits."""
    built = review.build_review(load_config(Path(__file__).parents[1]), with_checks=False)
    values = (built.bibliography, built.essay, built.linkage)
    assert cache.decode(json.loads(json.dumps(cache.encode(values)))) == values


def test_only_known_types_are_encoded_or_decoded() -> None:
    with pytest.raises(cache.Unencodable):
        cache.encode({"a": {1, 2}})
    with pytest.raises(KeyError):
        cache.decode({"obj": ["Popen", {"args": "true"}]})


def test_hit_returns_equal_values(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(project)
    fresh = review.build_review(config, now=NOW)
    first = review.build_review(config, now=NOW, cache=True)
    assert (project / cache.FOLDER / "review.json").is_file()
    monkeypatch.setattr(review, "assemble", no_rebuild)
    second = review.build_review(config, now=NOW, cache=True)
    assert second == first == fresh
    assert second.linkage.orphans and second.linkage.links and second.essay.meta["date"] == date(2024, 5, 1)


def test_a_review_without_a_claims_file_is_cached_too(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    config = replace(load_config(project), claims="")  # --claims ""
    assert cache.input_key(config) is not None
    first = review.build_review(config, now=NOW, cache=True)
    monkeypatch.setattr(review, "assemble", no_rebuild)
    assert review.build_review(config, now=NOW, cache=True) == first


@pytest.mark.parametrize("change", [
    "essay", "bib", "claims", "claims-removed", "snapshot-file", "snapshot-added", "snapshot-removed",
    "package-file",
    "package-touched", "config-path", "version", "csl-setting", "csl-file", "working-folder"])
def test_every_change_misses(project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory, change: str) -> None:
    package = tmp_path_factory.mktemp("package")
    (package / "module.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "PACKAGE", package)
    config = load_config(project)
    if change == "csl-file":
        (project / "style.csl").write_text("<style/>", encoding="utf-8")
        config = config.with_overrides(csl="style.csl")
    key = cache.input_key(config)
    assert key and cache.input_key(config) == key
    refs = project / "refs"
    snapshot = refs / "metadata" / "doi"
    if change == "essay":
        (refs / "essay.md").write_text(ESSAY.replace("at all.", "at all!"), encoding="utf-8")
    elif change == "bib":
        (refs / "bibliography.bib").write_bytes((refs / "bibliography.bib").read_bytes() + b" ")
    elif change == "claims":
        (refs / "claims.yaml").write_text(CLAIMS.replace("status: confirmed", "status: rejected", 1))
    elif change == "claims-removed":
        (refs / "claims.yaml").unlink()
    elif change == "snapshot-file":
        path = snapshot / "10.5555%2Flr.elsewhere.json"
        path.write_bytes(path.read_bytes() + b"\n")
    elif change == "snapshot-added":
        (snapshot / "10.5555%2Flr.new.json").write_text("{}", encoding="utf-8")
    elif change == "snapshot-removed":
        shutil.rmtree(refs / "metadata")
    elif change == "package-file":
        (package / "module.py").write_text("X = 2\n", encoding="utf-8")
    elif change == "package-touched":
        stat = (package / "module.py").stat()
        os.utime(package / "module.py", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    elif change == "config-path":
        shutil.copy(refs / "essay.md", refs / "other.md")
        config = config.with_overrides(essay="refs/other.md")
    elif change == "version":
        monkeypatch.setattr("litreview.__version__", "99.0")
    elif change == "csl-setting":
        config = config.with_overrides(csl="apa")
    elif change == "csl-file":
        (project / "style.csl").write_text("<style>\n</style>", encoding="utf-8")
    elif change == "working-folder":  # a hint's command names files as typed there
        monkeypatch.chdir(refs)
    assert cache.input_key(config) not in (key, None)


def test_a_missed_key_rebuilds(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(project)
    review.build_review(config, now=NOW, cache=True)
    essay = project / "refs" / "essay.md"
    essay.write_text(ESSAY.replace("cites no one at all", "still cites no one"), encoding="utf-8")
    changed = review.build_review(config, now=NOW, cache=True)
    assert "still cites no one" in changed.essay.body
    assert changed == review.build_review(config, now=NOW)


def test_unreadable_input_gives_no_key(project: Path) -> None:
    (project / "refs" / "bibliography.bib").unlink()
    assert cache.input_key(load_config(project)) is None


@pytest.mark.parametrize("content", [
    b"not json at all", b"\xff\xfe", b"[]", b'{"format": 1}',
    b'{"format": 1, "key": "KEY", "value": {"bibliography": {"obj": ["Popen", {}]}, "essay": null, '
    b'"linkage": null}}',
    b'{"format": 1, "key": "KEY", "value": {"bibliography": {"obj": ["Person", {"family": "X"}]}, '
    b'"essay": null, "linkage": null}}',
])
def test_corrupt_cache_is_ignored_and_rewritten(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                 content: bytes) -> None:
    config = load_config(project)
    expected = review.build_review(config, now=NOW)
    path = project / cache.FOLDER / "review.json"
    path.parent.mkdir()
    path.write_bytes(content.replace(b"KEY", cache.input_key(config).encode()))
    assert review.build_review(config, now=NOW, cache=True) == expected
    monkeypatch.setattr(review, "assemble", no_rebuild)
    assert review.build_review(config, now=NOW, cache=True) == expected


def test_unwritable_cache_folder_is_not_an_error(project: Path) -> None:
    (project / cache.FOLDER).write_text("a file where the folder should be", encoding="utf-8")
    config = load_config(project)
    assert review.build_review(config, now=NOW, cache=True) == review.build_review(config, now=NOW)


def test_cache_folder_ignores_itself_in_git(project: Path) -> None:
    review.build_review(load_config(project), now=NOW, cache=True)
    assert (project / cache.FOLDER / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


@pytest.mark.parametrize(("env", "on"), [
    ({}, True), ({"LITREVIEW_NO_CACHE": "1"}, False), ({"CI": "true"}, False),
    ({"CI": "true", "LITREVIEW_NO_CACHE": "0"}, True), ({"LITREVIEW_NO_CACHE": "yes"}, False),
])
def test_enabled(env: dict[str, str], on: bool) -> None:
    assert cache.enabled(env) is on


# ---- the check report and the clock ----

def test_report_is_valid_on_its_day_until_a_record_turns_stale(project: Path) -> None:
    config = load_config(project)
    built = review.build_review(config, now=NOW)
    assert built.metadata["stale2001"].stale is False
    key = cache.input_key(config)
    cache.store_report(config, key, "json", NOW, built.metadata, {"text": "report"})
    assert cache.load_report(config, key, "json", NOW + timedelta(hours=1)) == {"text": "report"}
    assert cache.load_report(config, key, "text", NOW) is None
    assert cache.load_report(config, key, "json", TURNS_STALE + timedelta(minutes=1)) is None
    # The checks compare dates: the day before (when no record turned stale either) misses too.
    assert cache.load_report(config, key, "json", NOW.replace(hour=0)) == {"text": "report"}
    assert cache.load_report(config, key, "json", NOW.replace(hour=0) - timedelta(seconds=1)) is None
    other = config.with_overrides(stale_days=400)
    assert cache.load_report(other, key, "json", NOW) is None


def test_stale_moments_follow_the_snapshot(project: Path) -> None:
    """The rule the report's validity rests on agrees with load_metadata on both sides of the moment."""
    from litreview.registry.snapshot import load_metadata

    config = load_config(project)
    bib = review.build_review(config, now=NOW).bibliography
    for now, stale in ((TURNS_STALE - timedelta(seconds=2), False), (TURNS_STALE + timedelta(seconds=2), True)):
        metadata = load_metadata(bib, config.path("metadata"), now=now, stale_days=365)
        assert metadata["stale2001"].stale is stale
        moments = cache.stale_moments(metadata, 365, now)
        assert (TURNS_STALE.isoformat(), stale) in moments


def test_stale_flags_that_break_the_rule_are_not_cached() -> None:
    fresh = SourceMetadata(key="a", status="verified", fetched_at="2024-05-30T00:00:00+00:00", stale=True)
    assert cache.stale_moments({"a": fresh}, 365, NOW) is None
    odd = SourceMetadata(key="b", status="no-doi", stale=True)
    assert cache.stale_moments({"b": odd}, 365, NOW) is None


# ---- the command ----

def run_check(capsys, *args: str) -> tuple[int, str]:
    status = main(["check", "--format", "json", *args])
    return status, capsys.readouterr().out


def test_check_warm_output_equals_cold(project: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run_check(capsys, "--no-cache")
    assert not (project / cache.FOLDER).exists()
    assert run_check(capsys) == cold
    assert sorted(p.name for p in (project / cache.FOLDER).glob("*.json")) == ["report-json.json", "review.json"]
    monkeypatch.setattr(review, "assemble", no_rebuild)
    assert run_check(capsys) == cold
    (project / cache.FOLDER / "report-json.json").unlink()
    assert run_check(capsys) == cold
    status, text = cold
    assert status == 1 and json.loads(text)["findings"]


def test_check_env_disables_cache(project: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_DISABLE, "1")
    run_check(capsys)
    assert not (project / cache.FOLDER).exists()


def test_check_corrupt_report_is_ignored(project: Path, capsys) -> None:
    cold = run_check(capsys, "--no-cache")
    run_check(capsys)
    path = project / cache.FOLDER / "report-json.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for bad in (["not", "a", "report"], {"text": "forged", "summary": "", "errors": "0", "warnings": 0}):
        data["value"]["report"] = bad
        path.write_text(json.dumps(data), encoding="utf-8")
        assert run_check(capsys) == cold
    path.write_text("{", encoding="utf-8")
    assert run_check(capsys) == cold


def test_check_report_follows_a_setting(project: Path, capsys) -> None:
    _, text = run_check(capsys)
    assert "LR210" in text  # the record fetched in 2023 is stale by now
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + 'suppress = ["LR210"]\n', encoding="utf-8")
    _, suppressed = run_check(capsys)
    report = json.loads(suppressed)  # the summary names the suppressed code (suppressed_by); findings do not
    assert "LR210" not in [f["code"] for f in report["findings"]] and report["summary"]["suppressed"] >= 1


@pytest.mark.slow
def test_warm_runs_import_no_heavy_module(project: Path) -> None:
    env = {**os.environ, cache.ENV_DISABLE: "0"}
    command = [sys.executable, "-m", "litreview", "check", "--format", "json"]
    cold = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert cold.returncode == 1, cold.stderr
    probe = ("import io, json, sys, contextlib\nfrom litreview.cli import main\nout = io.StringIO()\n"
             "with contextlib.redirect_stdout(out):\n    status = main(['check', '--format', 'json'])\n"
             "print(json.dumps({'status': status, 'out': out.getvalue(), 'modules': sorted(sys.modules)}))\n")
    for report_cached in (True, False):
        if not report_cached:
            (project / cache.FOLDER / "report-json.json").unlink()
        warm = subprocess.run([sys.executable, "-c", probe], cwd=project, env=env, capture_output=True,
                              text=True, check=False)
        data = json.loads(warm.stdout)
        assert (data["status"], data["out"]) == (1, cold.stdout)
        loaded = {m.split(".")[0] for m in data["modules"]}
        assert not loaded & set(HEAVY), report_cached
        if report_cached:  # nothing but the command and the cache
            stages = ("litreview.checks", "litreview.linking", "litreview.registry", "litreview.essay")
            assert not [m for m in data["modules"] if m in stages or m.startswith(tuple(s + "." for s in stages))]


def test_the_latex_suffixes_are_written_once() -> None:
    # The readers, the cache key, init and --since must agree on what a LaTeX essay is: one tuple.
    package = Path(cache.__file__).parent
    where = [path.relative_to(package).as_posix() for path in sorted(package.rglob("*.py"))
             if '".ltx"' in path.read_text(encoding="utf-8")]
    assert where == ["cache.py"]
    from litreview.essay import load_essay

    assert load_essay.__globals__["LATEX_SUFFIXES"] is cache.LATEX_SUFFIXES


def test_the_manual_reference_suffixes_are_written_once() -> None:
    # The Manubot reader and the cache key must agree on which manual-references*.* files are read: one tuple.
    from litreview.essay.manubot import manual_files

    assert manual_files.__globals__["MANUAL_SUFFIXES"] is cache.MANUAL_SUFFIXES


@pytest.mark.parametrize("suffix", [".tex", ".ltx", ".latex"])
def test_an_input_file_of_a_latex_essay_is_part_of_the_key(tmp_path: Path, suffix: str) -> None:
    # The readers take .ltx and .latex as LaTeX too: an edit in an \input file must miss.
    (tmp_path / f"paper{suffix}").write_text("\\begin{document}\n\\input{intro}\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "intro.tex").write_text("Old text.\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("", encoding="utf-8")
    config = load_config(tmp_path, env={"LITREVIEW_ESSAY": f"paper{suffix}", "LITREVIEW_BIB": "refs.bib"})
    key = cache.input_key(config)
    (tmp_path / "intro.tex").write_text("New text \\cite{x}.\n", encoding="utf-8")
    assert cache.input_key(config) not in (key, None)


@pytest.mark.parametrize(("essay", "text", "child"), [
    ("paper/paper.tex", "\\begin{document}\nAs shown.\n\\input{../shared/intro}\n\\end{document}\n",
     "shared/intro.tex"),
    ("paper/paper.Rmd", "---\ntitle: T\n---\n\nAs shown.\n\n```{r, child = '../shared/intro.Rmd'}\n```\n",
     "shared/intro.Rmd"),
    ("paper/paper.Rmd", "---\ntitle: T\n---\n\nAs shown.\n\n```{r, child = here::here('shared', 'intro.Rmd')}\n"
     "```\n", "shared/intro.Rmd"),
])
def test_a_child_outside_the_essays_folder_is_an_input_of_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     essay: str, text: str, child: str) -> None:
    # A LaTeX \input{../x} and a knitr child reached by ../ or here::here() lie outside the main file's folder,
    # whose files alone were the key's: a warm check after the child was edited showed the old text.
    monkeypatch.setenv(cache.ENV_DISABLE, "0")
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".here").write_text("", encoding="utf-8")  # here::here()'s project root
    (tmp_path / "paper").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / essay).write_text(text, encoding="utf-8")
    (tmp_path / child).write_text("The old sentence of the child.\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{x, author={Roe, A.}, title={T}, publisher={P}, year={2001}}\n",
                                       encoding="utf-8")
    config = load_config(tmp_path, env={"LITREVIEW_ESSAY": essay, "LITREVIEW_BIB": "refs.bib"})
    for _ in range(2):  # cold, then warm
        built = review.build_review(config, now=NOW, cache=True)
        assert "The old sentence of the child." in [c.text for c in built.essay.claims]
    (tmp_path / child).write_text("The new sentence of the child.\n", encoding="utf-8")
    warm = review.build_review(config, now=NOW, cache=True)
    assert "The new sentence of the child." in [c.text for c in warm.essay.claims]


@pytest.mark.parametrize(("essay", "text", "child"), [
    ("paper/paper.tex", "\\begin{document}\nAs shown.\n\\input{../shared/intro}\n\\end{document}\n",
     "shared/intro.tex"),
    ("paper/paper.Rmd", "---\ntitle: T\n---\n\nAs shown.\n\n```{r, child = '../shared/intro.Rmd'}\n```\n",
     "shared/intro.Rmd"),
])
@pytest.mark.parametrize("before", [None, ""])
def test_a_child_outside_the_essays_folder_with_no_sentence_yet_is_an_input_of_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, essay: str, text: str, child: str, before: str | None) -> None:
    # The child outside the main file's folder was an input only when a sentence of it was read: one not yet written
    # (missing, or empty) stayed out of the key, and the warm check after its first sentence was written
    # showed none of it (and a missing one still missing).
    monkeypatch.setenv(cache.ENV_DISABLE, "0")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / essay).write_text(text, encoding="utf-8")
    if before is not None:
        (tmp_path / child).write_text(before, encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{x, author={Roe, A.}, title={T}, publisher={P}, year={2001}}\n",
                                       encoding="utf-8")
    config = load_config(tmp_path, env={"LITREVIEW_ESSAY": essay, "LITREVIEW_BIB": "refs.bib"})
    for _ in range(2):  # cold, then warm
        built = review.build_review(config, now=NOW, cache=True)
        assert [c.text for c in built.essay.claims if c.file.endswith(child)] == []
    (tmp_path / child).write_text("The first sentence of the child.\n", encoding="utf-8")
    warm = review.build_review(config, now=NOW, cache=True)
    assert "The first sentence of the child." in [c.text for c in warm.essay.claims]


@pytest.mark.parametrize(("essay", "listing", "main"), [
    ("book/_bookdown.yml", "rmd_files: [index.Rmd, ../shared/ch.Rmd]\n", "book/index.Rmd"),
    ("book/_quarto.yml", "project:\n  type: book\nbook:\n  chapters: [index.qmd, ../shared/ch.Rmd]\n",
     "book/index.qmd"),
    ("book/defaults.yaml", "input-files: [index.md, ../shared/ch.Rmd]\n", "book/index.md"),
])
def test_a_chapter_outside_the_books_folder_with_no_sentence_yet_is_an_input_of_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, essay: str, listing: str, main: str) -> None:
    # A bookdown or Quarto book's chapter, or a file a pandoc defaults file lists, outside the book's folder was an
    # input only once a sentence of it was read (Essay.inputs held none of the chapters): the warm check after its
    # first sentence was written showed none of it.
    monkeypatch.setenv(cache.ENV_DISABLE, "0")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "book").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / essay).write_text(listing, encoding="utf-8")
    (tmp_path / main).write_text("---\ntitle: T\n---\n\nAs shown.\n", encoding="utf-8")
    (tmp_path / "shared/ch.Rmd").write_text("", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{x, author={Roe, A.}, title={T}, publisher={P}, year={2001}}\n",
                                       encoding="utf-8")
    config = load_config(tmp_path, env={"LITREVIEW_ESSAY": essay, "LITREVIEW_BIB": "refs.bib"})
    for _ in range(2):  # cold, then warm
        built = review.build_review(config, now=NOW, cache=True)
        assert "As shown." in [c.text for c in built.essay.claims]
        assert str(tmp_path / "shared/ch.Rmd") in {str(Path(p).resolve()) for p in built.essay.inputs}
    (tmp_path / "shared/ch.Rmd").write_text("The first sentence of the chapter.\n", encoding="utf-8")
    warm = review.build_review(config, now=NOW, cache=True)
    assert "The first sentence of the chapter." in [c.text for c in warm.essay.claims]


def test_a_tampered_outside_list_cannot_make_the_key_read_files_the_manuscript_does_not_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # .litreview-cache/outside.json names the files the essay read outside its folder, and the input key reads each:
    # a list written by hand (its key is the essay's digest, which anyone can compute) made it read any file at all.
    # Kept: a file under the project, and one outside it whose name the manuscript writes (\input{../../shared/intro}).
    project = tmp_path / "proj"
    (project / "paper").mkdir(parents=True)
    (tmp_path / "shared").mkdir()
    (project / "paper/paper.tex").write_text("\\begin{document}\nAs shown.\n\\input{../../shared/intro}\n"
                                             "\\end{document}\n", encoding="utf-8")
    (tmp_path / "shared/intro.tex").write_text("The child.\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not the manuscript's\n", encoding="utf-8")
    (project / "notes.txt").write_text("the project's\n", encoding="utf-8")
    (project / "refs.bib").write_text("", encoding="utf-8")
    config = load_config(project, env={"LITREVIEW_ESSAY": "paper/paper.tex", "LITREVIEW_BIB": "refs.bib"})
    cache.store_outside(config, [str(tmp_path / "shared/intro.tex"), str(tmp_path / "secret.txt"),
                                 str(project / "notes.txt"), "/etc/hostname"])
    kept = {p.resolve() for p in cache.outside_files(config)}
    assert kept == {(tmp_path / "shared/intro.tex").resolve(), (project / "notes.txt").resolve()}


def test_the_output_settings_beside_an_r_markdown_essay_are_part_of_the_key(tmp_path: Path) -> None:
    # _output.yml beside paper.Rmd says who prints its bibliography (citation_package: natbib keeps the first entry
    # of a key defined twice): an edit of it must miss, or the warm check keeps the other entry.
    (tmp_path / "paper.Rmd").write_text("Text [@x].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("", encoding="utf-8")
    config = load_config(tmp_path, env={"LITREVIEW_ESSAY": "paper.Rmd", "LITREVIEW_BIB": "refs.bib"})
    key = cache.input_key(config)
    (tmp_path / "_output.yml").write_text("pdf_document:\n  citation_package: natbib\n", encoding="utf-8")
    written = cache.input_key(config)
    assert written not in (key, None)
    (tmp_path / "_output.yml").write_text("pdf_document:\n  citation_package: biblatex\n", encoding="utf-8")
    assert cache.input_key(config) not in (key, written, None)


@pytest.mark.parametrize("name", ["paper.qmd", "paper.md", "paper.Rmd"])
def test_the_quarto_project_of_a_document_in_it_is_part_of_the_key(tmp_path: Path, name: str) -> None:
    # _quarto.yml, in the folder or one above, says how quarto renders a file of the project (its cite-method, its
    # cross-reference kinds): mended after a check that found it no valid YAML (LR325), the warm check kept the error.
    (tmp_path / "_quarto.yml").write_text("project:\n  type: [default\n", encoding="utf-8")
    (tmp_path / "ch").mkdir()
    (tmp_path / "ch" / name).write_text("Text [@x].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("", encoding="utf-8")
    config = load_config(tmp_path, env={"LITREVIEW_ESSAY": f"ch/{name}", "LITREVIEW_BIB": "refs.bib"})
    key = cache.input_key(config)
    (tmp_path / "_quarto.yml").write_text("project:\n  type: default\n", encoding="utf-8")
    assert cache.input_key(config) not in (key, None)


def test_a_document_that_knits_the_essay_as_a_child_is_part_of_the_key(tmp_path: Path) -> None:
    # A knitr child checked alone is a chapter of the file that knits it (essay.knitted_by: LR307 a warning that
    # names it). That file written after a check, or edited to knit the child no more, must miss: the warm check kept
    # the error "no claim relies on" of the cold one.
    (tmp_path / "text/thesis/03").mkdir(parents=True)
    (tmp_path / "text/thesis/03/lit.Rmd").write_text("Roe says so [@roe].\n", encoding="utf-8")
    (tmp_path / "text/refs.bib").write_text(
        "@book{roe, author={Roe, Ann}, title={T}, publisher={P}, year={2001}}\n"
        "@book{lee, author={Lee, Kim}, title={U}, publisher={P}, year={2002}}\n", encoding="utf-8")
    config = load_config(tmp_path, env={"LITREVIEW_ESSAY": "text/thesis/03/lit.Rmd", "LITREVIEW_BIB": "text/refs.bib"})

    def unused() -> list[str]:
        return [f.severity for f in review.build_review(config, now=NOW, cache=True).findings if f.code == "LR307"]

    assert unused() == unused() == ["error"]  # cold, then warm
    parent = tmp_path / "text/thesis.Rmd"
    parent.write_text("```{r, child = 'thesis/03/lit.Rmd'}\n```\n", encoding="utf-8")
    assert unused() == ["warning"]
    parent.write_text("```{r, child = 'thesis/03/other.Rmd'}\n```\n\nOn lit.Rmd, later.\n", encoding="utf-8")
    assert unused() == ["error"]
    (tmp_path / "text/other.Rmd").write_text("A document above that knits nothing.\n", encoding="utf-8")
    key = cache.input_key(config)
    (tmp_path / "text/other.Rmd").write_text("Edited, still nothing.\n", encoding="utf-8")
    assert cache.input_key(config) == key  # a file that does not name the child is no part of it


def test_a_bibtex_file_beside_the_bibliography_is_part_of_the_key(tmp_path: Path) -> None:
    # An undefined @string macro is told to be defined in the .bib file beside the bibliography (review's
    # _macros_elsewhere reads the files beside it): that file edited to define it no more must miss, or the warm
    # check keeps naming a file that does not define the macro.
    (tmp_path / "paper.md").write_text("Text [@roe].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@article{roe, author={Roe, Ann}, title={T}, journal=jn, year={2001}}\n",
                                       encoding="utf-8")
    strings = tmp_path / "strings.bib"
    strings.write_text('@string{jn = "Journal of Names"}\n', encoding="utf-8")
    config = load_config(tmp_path, env={"LITREVIEW_ESSAY": "paper.md", "LITREVIEW_BIB": "refs.bib"})

    def told() -> list[bool]:
        return ["strings.bib" in f"{f.message} {f.hint}" for f in review.build_review(config, now=NOW, cache=True)
                .findings if f.code == "LR100"]

    assert told() == told() == [True]  # cold, then warm
    strings.write_text('@string{other = "Journal of Other Names"}\n', encoding="utf-8")
    assert told() == [False]
