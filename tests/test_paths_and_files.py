"""Quiet wrong turns made loud: missing explicit paths, another essay's claims file, an empty
--essay for links, a failed build, a busy port, and the codec named in encoding hints."""

from __future__ import annotations

import codecs
import shutil
import socket
from pathlib import Path

import pytest

from litreview.cli import main
from litreview.errors import InputError
from litreview.fileio import encoding_hint, folders_up, guess_encoding, nearest_file, read_text

ROOT = Path(__file__).resolve().parent.parent
OTHER_ESSAY = "Holsti wrote about sovereigns in a book. Alliances endure when they pay.\n"
OTHER_BIB = "@book{doe2001alliances,\n  author = {Doe, Jane},\n  title = {Alliances},\n  publisher = {Nowhere Press},\n  year = {2001},\n}\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "refs", tmp_path / "refs")
    (tmp_path / "pyproject.toml").write_text('[tool.litreview]\nessay = "refs/essay.md"\n', encoding="utf-8")
    (tmp_path / "other.md").write_text(OTHER_ESSAY, encoding="utf-8")
    (tmp_path / "other.bib").write_text(OTHER_BIB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_mistyped_claims_path_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-cache", "--claims", "refs/claim.yaml"]) == 2
    err = capsys.readouterr().err
    assert "refs/claim.yaml: claims file not found" in err and "did you mean refs/claims.yaml?" in err
    assert main(["links", "--claims", "refs/claim.yaml"]) == 2


def test_a_missing_essay_is_said_alone_not_after_a_note_on_the_claims_file(project: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    # `check --essay prospectus.qmd` (a slip of the essay's name) began with a note that refs/claims.yaml "is not
    # applied to prospectus.qmd", about a file that does not exist, before the error that says so.
    assert main(["check", "--no-cache", "--essay", "othr.md"]) == 2
    err = capsys.readouterr().err
    assert "othr.md: essay not found" in err and "claims" not in err


def test_the_projects_claims_are_not_applied_to_another_essay(project: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", "--no-cache", "--format", "json", "--essay", "other.md", "--bib", "other.bib"])
    out, err = capsys.readouterr()
    # Both files named from the folder the command runs in (the claims file records "essay.md", beside itself).
    assert "refs/claims.yaml belongs to the essay refs/essay.md, so it is not applied to other.md" in err
    # With refs/claims.yaml applied, its links would name keys other.bib does not have (LR401).
    assert '"LR401"' not in out and '"LR400"' not in out
    assert status in (0, 1)
    import json

    assert {f["key"] for f in json.loads(out)["findings"]} <= {None, "doe2001alliances"}
    # Named explicitly, the file refuses to be applied to an essay it does not record.
    assert main(["check", "--no-cache", "--essay", "other.md", "--bib", "other.bib",
                 "--claims", "refs/claims.yaml"]) == 2
    assert "belongs to the essay 'essay.md'" in capsys.readouterr().err


def test_a_claims_file_written_for_an_essay_records_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["links", "--essay", "other.md", "--bib", "other.bib", "--claims", "other-claims.yaml",
                 "--accept", "p1-s2", "doe2001alliances"]) == 0
    text = (project / "other-claims.yaml").read_text(encoding="utf-8")
    assert "\nessay: other.md\n" in text
    assert main(["links", "--essay", "other.md", "--bib", "other.bib", "--claims", "other-claims.yaml",
                 "--format", "json"]) == 0


def test_links_with_no_essay(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["links", "--essay", ""]) == 0
    assert 'No essay under review (--essay "")' in capsys.readouterr().out


def test_links_with_no_essay_in_the_settings_says_where_it_is_set(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A bibliography kept alone (`init --bib refs.bib`: essay = "" in the settings): links blamed an --essay ""
    # the user never typed.
    (project / "litreview.toml").write_text('essay = ""\nbibliography = "other.bib"\n', encoding="utf-8")
    assert main(["links"]) == 0
    out = capsys.readouterr().out
    assert 'No essay under review (essay = "" set in litreview.toml line 1)' in out and "--essay" not in out
    assert main(["links", "--essay", "", "--format", "json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert main(["links", "--essay", "", "--accept", "p1-s1", "holsti2004taming"]) == 2


def test_0x93_is_named_windows_1252_not_latin1(tmp_path: Path) -> None:
    raw = "He called it “organized relations” – twice.\n".encode("cp1252")
    assert guess_encoding(raw) == "cp1252"
    hint = encoding_hint(raw, "essay.md")
    assert "Windows-1252" in hint and "iconv -f WINDOWS-1252" in hint and "latin1" not in hint.lower()
    path = tmp_path / "essay.md"
    path.write_bytes(raw)
    with pytest.raises(InputError) as caught:
        read_text(path, what="essay")
    assert "byte 0x93" in str(caught.value) and "cp1252" in str(caught.value)


def test_other_codecs_are_named_too() -> None:
    assert guess_encoding("Zażółć gęślą jaźń, powiedział.".encode("cp1250")) == "cp1250"
    assert guess_encoding("Жили-были дед да баба, и была у них курочка.".encode("cp1251")) == "cp1251"


def test_a_bibliography_in_cp1252_gets_the_hint_as_a_finding(tmp_path: Path) -> None:
    from litreview.bibliography.load import load_bibliography

    path = tmp_path / "refs.bib"
    path.write_bytes("@book{a,\n  title = {“Quoted”},\n  year = {2001},\n}\n".encode("cp1252"))
    (problem,) = [p for p in load_bibliography(path).problems if p.code == "LR105"]
    assert "Windows-1252" in problem.hint


@pytest.mark.slow
def test_a_failed_build_keeps_the_previous_site(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    assert main(["build"]) == 0
    before = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*") if p.is_file())
    assert len(before) > 20
    claims = project / "refs" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "links: [\n", encoding="utf-8")
    assert main(["build"]) == 2
    assert "the previous site is kept" in capsys.readouterr().err
    after = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*") if p.is_file())
    assert after == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []  # no staging left behind


def test_a_busy_port_is_a_one_line_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["build", "--serve", "--dev-addr", f"127.0.0.1:{port}"]) == 2
    err = capsys.readouterr().err
    assert f"error: port {port} on 127.0.0.1 is already in use" in err
    assert f"--dev-addr 127.0.0.1:{port + 1}" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 2  # the error and its hint


def test_a_claims_file_not_written_yet_is_a_note(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A fresh path in an existing folder (what a first review or a script passes) reviews without curated links.
    (project / "fresh").mkdir()
    status = main(["links", "--claims", "fresh/claims.yaml", "--format", "json"])
    out, err = capsys.readouterr()
    assert status == 0 and out.startswith("[")
    assert "fresh/claims.yaml does not exist yet" in err
    assert main(["check", "--no-cache", "--claims", "nofolder/claims.yaml"]) == 2
    assert "claims file not found" in capsys.readouterr().err


@pytest.mark.parametrize(("claims", "hint"), [("ref/claims.yaml", "hint: fix the setting"),
                                              ("refs/claim.yaml", "hint: did you mean refs/claims.yaml? Fix the setting")])
def test_a_mistyped_claims_setting_is_an_error_at_its_line(project: Path, capsys: pytest.CaptureFixture[str],
                                                          claims: str, hint: str) -> None:
    # The setting was read as no decisions: every confirmed and rejected link left the check and the site, unsaid.
    (project / "pyproject.toml").write_text(f'[tool.litreview]\nessay = "refs/essay.md"\nclaims = "{claims}"\n',
                                            encoding="utf-8")
    assert main(["check", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: pyproject.toml:3: setting 'claims' names {claims}, which does not exist") and hint in err
    assert main(["links", "--format", "json"]) == 2
    capsys.readouterr()
    (project / "pyproject.toml").write_text('[tool.litreview]\nessay = "refs/essay.md"\nclaims = "refs/new.yaml"\n',
                                            encoding="utf-8")
    assert main(["check", "--no-cache"]) in (0, 1)  # a new file in an existing folder: no decisions yet


def test_a_failed_first_build_says_no_site_was_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    claims = project / "refs" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "links: [\n", encoding="utf-8")
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert "no site was written" in err and "previous site" not in err  # there was none to keep
    assert not (project / "site").exists()


def test_a_claims_setting_naming_a_folder_says_what_to_do(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[tool.litreview]\nessay = "refs/essay.md"\nclaims = "refs"\n',
                                            encoding="utf-8")
    assert main(["check", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "refs: claims file is a directory, not a file" in err and "hint: check the path" in err
    (project / "pyproject.toml").write_text('[tool.litreview]\nessay = "refs/essay.md"\n', encoding="utf-8")
    (project / "refs" / "claims.yaml").write_bytes("links: []\n# caf\xe9\n".encode("cp1252"))
    assert main(["check", "--no-cache"]) == 2  # not UTF-8: the line and the encoding it looks like
    assert "claims.yaml:2: claims file is not valid UTF-8" in capsys.readouterr().err


def test_the_iconv_hint_runs_from_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "my chapters").mkdir()
    path = tmp_path / "my chapters" / "results.qmd"
    path.write_bytes("Buri\u00e9l rates.\n".encode("cp1252"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as err:
        read_text(path, what="chapter")
    assert "iconv -f WINDOWS-1252 -t UTF-8 'my chapters/results.qmd' > 'my chapters/results.qmd.utf8'" in err.value.hint
    dashed = tmp_path / "-results.qmd"  # a name iconv and mv would take for an option
    dashed.write_bytes(path.read_bytes())
    with pytest.raises(InputError) as err:
        read_text(dashed, what="chapter")
    assert "iconv -f WINDOWS-1252 -t UTF-8 ./-results.qmd > ./-results.qmd.utf8 && mv ./-results.qmd.utf8 ./-results.qmd" in err.value.hint


def test_the_iconv_hint_of_a_bibliography_in_a_subfolder_runs_from_the_working_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from litreview.bibliography.load import load_bibliography

    (tmp_path / "bib").mkdir()
    path = tmp_path / "bib" / "extra.bib"
    path.write_bytes("@book{a,\n  author = {M\u00fcller, J\u00fcrgen},\n  title = {Caf\u00e9},\n}\n".encode("cp1252"))
    monkeypatch.chdir(tmp_path)
    hint = load_bibliography(path).problems[0].hint
    assert "iconv -f WINDOWS-1252 -t UTF-8 bib/extra.bib > bib/extra.bib.utf8 && mv bib/extra.bib.utf8 bib/extra.bib" in hint
    path.write_bytes(codecs.BOM_UTF16_LE + "@book{a, title={T}}\n".encode("utf-16-le"))
    assert "-t UTF-8 bib/extra.bib > bib/extra.bib.utf8" in load_bibliography(path).problems[0].hint


def test_a_metadata_setting_naming_a_file_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[tool.litreview]\nessay = "refs/essay.md"\n'
                                            'metadata = "refs/bibliography.bib"\n', encoding="utf-8")
    assert main(["check", "--no-cache"]) == 2  # not an empty snapshot, silently
    assert "bibliography.bib: the snapshot is a file, not a folder" in capsys.readouterr().err


def test_a_claims_file_that_is_a_loop_of_links_is_an_error_not_no_decisions(project: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    claims = project / "refs" / "claims.yaml"
    claims.unlink()
    claims.symlink_to("decisions.yaml")
    (project / "refs" / "decisions.yaml").symlink_to("claims.yaml")
    assert main(["check", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "refs/claims.yaml: cannot read claims file" in err
    assert "hint: it is a loop of symbolic links" in err
    (project / "refs" / "decisions.yaml").unlink()  # a link to a file not there yet: no decisions so far
    assert main(["check", "--no-cache"]) in (0, 1)


@pytest.mark.parametrize(("setting", "folder", "said"), [
    ('essay = "chapters/intro.qmd"', False, "chapters/intro.qmd: essay not found (set in pyproject.toml line 2; "),
    ('essay = "chapters/intro.qmd"', True, "chapters/intro.qmd: the folder has no .md files (set in pyproject.toml "
                                           "line 2; "),
    ('bibliography = "refs/missing.bib"', False, "refs/missing.bib: bibliography not found (set in pyproject.toml "
                                                 "line 2; --bib gives another)"),
    ('bibliography = "chapters/intro.qmd"', True, "chapters/intro.qmd: bibliography is a directory, not a file (set "
                                                  "in pyproject.toml line 2; --bib gives another)"),
])
def test_a_missing_input_the_settings_name_says_where_it_was_set(project: Path, capsys: pytest.CaptureFixture[str],
                                                                 setting: str, folder: bool, said: str) -> None:
    # A user who never typed the path (a project set up by someone else) could not tell where it came from.
    (project / "pyproject.toml").write_text(f"[tool.litreview]\n{setting}\n", encoding="utf-8")
    if folder:
        (project / "chapters" / "intro.qmd").mkdir(parents=True)
    assert main(["check", "--no-cache"]) == 2
    assert said in capsys.readouterr().err
    given = "chapters/other.qmd" if setting.startswith("essay") else "refs/other.bib"
    assert main(["check", "--no-cache", "--essay" if setting.startswith("essay") else "--bib", given]) == 2
    err = capsys.readouterr().err
    assert f"{given}: " in err and "set in" not in err  # typed on the command line: nothing to find


def test_a_mistyped_claims_variable_is_named_as_the_variable(project: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # The settings file's claims line was blamed for a path the variable gave.
    (project / "pyproject.toml").write_text('[tool.litreview]\nessay = "refs/essay.md"\nclaims = "refs/claims.yaml"\n',
                                            encoding="utf-8")
    monkeypatch.setenv("LITREVIEW_CLAIMS", "refs/claim.yaml")
    assert main(["check", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: LITREVIEW_CLAIMS names refs/claim.yaml, which does not exist")
    assert "did you mean refs/claims.yaml? Fix the variable" in err


def test_folders_up_stops_at_the_top_and_outside_it() -> None:
    top = Path("/project")
    assert list(folders_up(Path("/project/book/ch1"), top)) == [Path("/project/book/ch1"), Path("/project/book"), top]
    assert list(folders_up(top, top)) == [top]
    assert list(folders_up(Path("/elsewhere/notes"), top)) == [Path("/elsewhere/notes")]


def test_nearest_file_is_the_first_name_in_the_nearest_folder_holding_one(tmp_path: Path) -> None:
    (tmp_path / "book" / "part" / "ch1").mkdir(parents=True)
    (tmp_path / "book" / "_bookdown.yml").write_text("", encoding="utf-8")
    (tmp_path / "_quarto.yml").write_text("", encoding="utf-8")
    (tmp_path / "book" / "part" / "_quarto.yml").mkdir()  # a folder of that name is no settings file
    chapter = tmp_path / "book" / "part" / "ch1" / "ch1.md"
    assert nearest_file(chapter, ("_quarto.yml", "_bookdown.yml")) == tmp_path / "book" / "_bookdown.yml"
    assert nearest_file(chapter, ("_quarto.yml",)) == tmp_path / "_quarto.yml"
    assert nearest_file(chapter, ("_quarto.yaml",)) is None


@pytest.fixture
def chapters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A thesis of two chapters reviewed from the first one, as `init source/ch1.md` sets it up."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "ch1.md").write_text("# Intro\n\nSleep matters [@doe2001alliances].\n", encoding="utf-8")
    (tmp_path / "source" / "ch2.md").write_text("# Method\n\nWe follow Doe (2001).\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(OTHER_BIB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "source/ch1.md", "--bib", "refs.bib"]) == 0
    return tmp_path


def _list_the_chapters(folder: Path) -> None:
    settings = folder / "litreview.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('essay = "source/ch1.md"', 'essay = ["source/ch1.md", "source/ch2.md"]'),
                        encoding="utf-8")


def test_a_claims_file_of_no_decisions_follows_the_essay_switched_to_a_list(
        chapters: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Switching to `essay = [...]` made every command fail: "belongs to the essay '../source/ch1.md', not to
    # '../litreview.toml'", about the file init had just written, holding no decision.
    _list_the_chapters(chapters)
    capsys.readouterr()
    assert main(["check", "--no-cache"]) in (0, 1)
    assert "belongs to" not in capsys.readouterr().err
    claims = (chapters / "refs" / "claims.yaml").read_text(encoding="utf-8")
    assert '\nessay: "../litreview.toml"\n' in claims and "ch1.md" not in claims.split("essay:")[-1]
    assert main(["links", "--accept", "p1-s1", "doe2001alliances"]) == 0


def test_a_claims_file_of_decisions_for_a_chapter_names_the_files_the_list_joins(
        chapters: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["links", "--accept", "p1-s1", "doe2001alliances"]) == 0
    _list_the_chapters(chapters)
    capsys.readouterr()
    assert main(["check", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "belongs to the essay '../source/ch1.md', not to the files litreview.toml's essay list joins " \
           "(source/ch1.md, source/ch2.md)" in err
    assert "write `essay: ../litreview.toml` on this line" in err


def test_the_first_decision_in_a_claims_file_of_none_records_the_essay_it_is_about(
        chapters: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from litreview.essay import load_essay
    from litreview.linking.curated import accept, load_curated

    _list_the_chapters(chapters)
    claims = chapters / "refs" / "claims.yaml"
    accept(claims, load_essay(chapters / "litreview.toml"), "p1-s1", "doe2001alliances")
    assert load_curated(claims).essay == "../litreview.toml"
