"""`litreview init [ESSAY]`: from an essay file to a built review site in a fresh folder."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from litreview.cli import main
from litreview.config import load_config

CASE = Path(__file__).parent / "cases" / "init_essay"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and ".git" not in p.parts and "site" not in p.parts}


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(CASE / "essay.md", tmp_path / "essay.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.slow
def test_init_then_build_in_a_fresh_folder(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "essay.md"]) == 0
    out = capsys.readouterr().out
    assert "litreview check" in out and "litreview build" in out and "litreview fetch" in out
    config = load_config(fresh, env={})
    assert config.source_file == str(fresh / "litreview.toml")
    assert (config.essay, config.bibliography) == ("essay.md", "refs/bibliography.bib")
    bib = (fresh / "refs" / "bibliography.bib").read_text(encoding="utf-8")
    # The three references of the essay's list, imported.
    assert {"@book{jervis1976perception,", "@book{walt1987origins,", "@book{waltz1979theory,"} <= set(bib.split())
    assert "essay: \"../essay.md\"" in (fresh / "refs" / "claims.yaml").read_text(encoding="utf-8")
    assert not (fresh / "docs").exists()  # no other folder is needed
    assert main(["build"]) == 0
    assert (fresh / "site" / "index.html").is_file()
    assert (fresh / "site" / "bibliography" / "index.html").is_file()


def test_init_is_idempotent_and_never_overwrites(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (fresh / "mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    assert main(["init", "essay.md", "--workflow", "--pre-commit"]) == 0
    assert (fresh / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: mine\n"
    assert "kept   mkdocs.yml (exists)" in capsys.readouterr().out
    before = snapshot(fresh)
    assert main(["init", "essay.md", "--workflow", "--pre-commit"]) == 0
    assert "Nothing to do" in capsys.readouterr().out
    assert snapshot(fresh) == before
    assert "litreview check --since HEAD" in before[".pre-commit-config.yaml"].decode()
    assert b"--since" in before[".github/workflows/review.yml"]


def test_init_adds_a_section_to_an_existing_pyproject(fresh: Path) -> None:
    (fresh / "pyproject.toml").write_text('[project]\nname = "paper"\n', encoding="utf-8")
    assert main(["init", "essay.md"]) == 0
    data = tomllib.loads((fresh / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"] == {"name": "paper"}
    assert data["tool"]["litreview"]["essay"] == "essay.md"
    assert not (fresh / "litreview.toml").exists()
    text = (fresh / "pyproject.toml").read_text(encoding="utf-8")
    assert main(["init", "essay.md"]) == 0
    assert (fresh / "pyproject.toml").read_text(encoding="utf-8") == text


@pytest.mark.parametrize(("content", "message"), [
    (b'[project]\nname = "caf\xe9"\n', "pyproject.toml:2: settings file is not valid UTF-8"),
    (b"[project]\nv = " + b"[" * 3000 + b"]" * 3000 + b"\n", "pyproject.toml: the settings nest arrays"),
    (b'[project]\nname = "paper\n', "pyproject.toml:2: invalid TOML"),
])
def test_init_beside_a_pyproject_it_cannot_read_says_where_and_changes_nothing(
        fresh: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str) -> None:
    (fresh / "pyproject.toml").write_bytes(content)
    assert main(["init", "essay.md"]) == 2
    err = capsys.readouterr().err
    assert message in err and "hint: " in err and "bug in litreview" not in err
    assert sorted(p.name for p in fresh.iterdir()) == ["essay.md", "pyproject.toml"]


def test_init_copies_an_essay_from_outside_and_uses_a_bib_beside_it(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    drafts, repo = tmp_path / "drafts", tmp_path / "repo"
    drafts.mkdir()
    repo.mkdir()
    shutil.copy(CASE / "essay.md", drafts / "paper.md")
    (drafts / "paper.bib").write_text("@book{walt1987origins,\n  author = {Walt, Stephen M.},\n"
                                      "  title = {The Origins of Alliances},\n  publisher = {Cornell University Press},\n"
                                      "  year = {1987},\n}\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["init", str(drafts / "paper.md")]) == 0
    config = load_config(repo, env={})
    assert (config.essay, config.bibliography) == ("refs/paper.md", "refs/paper.bib")
    assert (repo / "refs" / "paper.bib").read_bytes() == (drafts / "paper.bib").read_bytes()


def test_the_claims_file_names_no_bibliography_the_review_does_not_read(fresh: Path) -> None:
    # Its comment said a link's source is "the citation key in refs/bibliography.bib" beside a chapter's quellen.bib.
    (fresh / "paper.md").write_text("A claim [@doe2001].\n", encoding="utf-8")
    (fresh / "quellen.bib").write_text("@book{doe2001, title = {T}}\n", encoding="utf-8")
    assert main(["init", "paper.md"]) == 0
    text = (fresh / "refs" / "claims.yaml").read_text(encoding="utf-8")
    assert "refs/bibliography.bib" not in text and "source:  the key of the entry in the bibliography" in text


def test_init_without_an_essay_names_the_manuscripts_of_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    # The hint said "e.g. litreview init paper.md" whatever the folder held; a README is no manuscript.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("# Repo\n", encoding="utf-8")
    (tmp_path / "thesis.qmd").write_text("Text.\n", encoding="utf-8")
    assert main(["init"]) == 2
    assert "hint: name it: litreview init thesis.qmd\n" in capsys.readouterr().err
    (tmp_path / "notes.tex").write_text("Text.\n", encoding="utf-8")
    assert main(["init"]) == 2
    assert "hint: name one: litreview init notes.tex (or thesis.qmd)\n" in capsys.readouterr().err
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\n", encoding="utf-8")
    assert main(["init"]) == 2  # a book is reviewed through its settings file
    assert "hint: name it: litreview init _quarto.yml\n" in capsys.readouterr().err


def test_init_without_an_essay_says_what_to_do(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init"]) == 2
    assert "name it: litreview init essay.md" in capsys.readouterr().err  # the folder's one manuscript
    assert main(["init", "missing.md"]) == 2


def test_ci_files_go_to_the_repository_root_for_a_review_in_a_subfolder(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # GitHub reads workflows, and pre-commit its configuration, at the repository's root only.
    import re
    import shlex
    import subprocess

    import yaml

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    folder = tmp_path / "papers" / "i r"
    folder.mkdir(parents=True)
    shutil.copy(CASE / "essay.md", folder / "essay.md")
    monkeypatch.chdir(folder)
    assert main(["init", "essay.md", "--workflow", "--pre-commit"]) == 0
    assert "repository's root" in capsys.readouterr().out
    assert not (folder / ".github").exists() and not (folder / ".pre-commit-config.yaml").exists()
    workflow = yaml.safe_load((tmp_path / ".github" / "workflows" / "review.yml").read_text(encoding="utf-8"))
    assert workflow["defaults"]["run"]["working-directory"] == "papers/i r"
    steps = {key: value for job in workflow["jobs"].values() for step in job.get("steps", [])
             for key, value in step.get("with", {}).items()}
    assert (steps["sarif_file"], steps["path"]) == ("papers/i r/litreview.sarif", "papers/i r/site")
    hook = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    # pre-commit splits the entry as a shell would and runs it, without a shell, from the repository's root.
    entry = shlex.split(hook["entry"])
    assert entry == ["litreview", "-C", "papers/i r", "check", "--since", "HEAD"]
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache"]) == 2  # no review at the root itself
    capsys.readouterr()
    assert main([*entry[1:], "--no-cache"]) in (0, 1)
    assert "every finding counts as new" in capsys.readouterr().err  # the review checked, before its first commit
    assert re.search(hook["files"], "papers/i r/refs/bibliography.bib")
    assert not re.search(hook["files"], "papers/other/essay.md")


def test_the_workflow_needs_no_requirements_file(fresh: Path) -> None:
    # setup-python's pip cache stops the job in a repository without requirements.txt or pyproject.toml.
    import yaml

    assert main(["init", "essay.md", "--workflow"]) == 0
    assert not (fresh / "pyproject.toml").exists()
    workflow = yaml.safe_load((fresh / ".github" / "workflows" / "review.yml").read_text(encoding="utf-8"))
    setups = [step for job in workflow["jobs"].values() for step in job.get("steps", [])
              if step.get("uses", "").startswith("actions/setup-python@")]
    assert setups and all("cache" not in step["with"] for step in setups)


@pytest.mark.slow
def test_plain_mkdocs_build_works_as_the_written_mkdocs_yml_says(fresh: Path) -> None:
    # It said "No docs/ folder is needed", but plain `mkdocs build` (and `mkdocs serve`, which the
    # README offered) stopped with "docs_dir ... isn't an existing directory" without one.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config as mkdocs_config

    assert main(["init", "essay.md"]) == 0
    written = (fresh / "mkdocs.yml").read_text(encoding="utf-8")
    assert "`mkdir docs`" in written and "No docs/ folder is needed" not in written
    (fresh / "docs").mkdir()  # what it says to do
    build(mkdocs_config(config_file=str(fresh / "mkdocs.yml"), site_dir=str(fresh / "plain")))
    assert (fresh / "plain" / "essay" / "index.html").is_file()


def test_the_written_mkdocs_yml_offers_the_light_and_the_dark_palette(fresh: Path) -> None:
    # The project's own site had the light/dark toggle, a user's review site none (Material's light palette only).
    from mkdocs.config import load_config as mkdocs_config

    assert main(["init", "essay.md"]) == 0
    (fresh / "docs").mkdir()
    palette = mkdocs_config(config_file=str(fresh / "mkdocs.yml"))["theme"]["palette"]
    assert [(p["media"], p["scheme"]) for p in palette] == [("(prefers-color-scheme: light)", "default"),
                                                            ("(prefers-color-scheme: dark)", "slate")]
    assert all(p["toggle"]["icon"] and p["toggle"]["name"] for p in palette)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_init_git_ignores_the_lock_and_temporary_files_the_writers_leave(fresh: Path) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q"], cwd=fresh, check=True)
    assert main(["init", "essay.md"]) == 0
    assert main(["links", "--accept", "p1-s1", "jervis1976perception"]) == 0  # leaves refs/.claims.yaml.litreview-lock
    (fresh / "refs" / ".claims.yaml.x1y2.tmp").write_bytes(b"partial")  # what a killed write leaves
    untracked = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=fresh, check=True,
                               capture_output=True, text=True).stdout
    assert (fresh / "refs" / ".claims.yaml.litreview-lock").exists() and "litreview-lock" not in untracked
    assert ".tmp" not in untracked


def test_init_in_another_folder_says_next_how_to_run_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "papers" / "ir").mkdir(parents=True)
    shutil.copy(CASE / "essay.md", tmp_path / "papers" / "ir" / "essay.md")
    monkeypatch.chdir(tmp_path)
    assert main(["-C", "papers/ir", "init", "essay.md"]) == 0
    out = capsys.readouterr().out  # a plain `litreview check` started here finds no settings
    assert "\n  litreview -C papers/ir check   " in out and "\n  litreview -C papers/ir build   " in out


_SHARED_BIB = """@article{cited, author = {Waltz, Kenneth}, title = {One}, journal = {J}, year = {1979}}
@article{other, author = {Walt, Stephen}, title = {Two}, journal = {J}, year = {1987}}
@article{third, author = {Jervis, Robert}, title = {Three}, journal = {J}, year = {1976}}
"""


def test_init_writes_unused_entries_down_to_notes_for_a_paper_citing_part_of_its_bib(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A chapter or paper citing a part of a shared .bib: one LR307 error per other entry was noise.
    (tmp_path / "paper.md").write_text("---\nbibliography: refs.bib\n---\n\nStates balance [@cited].\n",
                                       encoding="utf-8")
    (tmp_path / "refs.bib").write_text(_SHARED_BIB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "paper.md"]) == 0
    out = capsys.readouterr().out
    assert "2 of the 3 entries in refs.bib are cited nowhere in paper.md" in out
    assert 'severity = { LR307 = "info" }' in out
    settings = tomllib.loads((tmp_path / "litreview.toml").read_text(encoding="utf-8"))
    assert settings["severity"] == {"LR307": "info"}
    assert main(["check"]) == 0  # the two entries are notes
    assert "LR307 [other]" in capsys.readouterr().out


def test_init_workflow_with_uncited_entries_as_notes_says_what_pull_requests_then_pass(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A bibliography maintainer's repository (a .bib and a short essay citing a few of its entries) set up for CI:
    # with LR307 as a note, a pull request adding an uncited entry that lacks its journal passes. Init says so.
    (tmp_path / "paper.md").write_text("---\nbibliography: refs.bib\n---\n\nStates balance [@cited].\n",
                                       encoding="utf-8")
    (tmp_path / "refs.bib").write_text(_SHARED_BIB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "paper.md", "--workflow"]) == 0
    out = capsys.readouterr().out
    assert 'severity = { LR307 = "info" }' in out
    assert "a pull request that adds an entry no sentence cites passes" in out
    assert "litreview init --bib refs.bib --workflow" in out
    # Without CI files there is no pull request to speak of.
    for name in ("litreview.toml", "mkdocs.yml", ".gitignore"):
        (tmp_path / name).unlink()
    shutil.rmtree(tmp_path / "refs")
    assert main(["init", "paper.md"]) == 0
    assert "a pull request that adds" not in capsys.readouterr().out


def test_init_counts_raw_latex_citations_of_a_markdown_chapter_as_its_citations(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A thesis chapter in pandoc Markdown citing a shared .bib only with \\citep{...} (its build is LaTeX): the
    # entries it never cites were one LR307 error each, and the entry it cites one more.
    (tmp_path / "paper.md").write_text("---\nbibliography: refs.bib\n---\n\nStates balance \\citep[p. 3]{cited}.\n",
                                       encoding="utf-8")
    (tmp_path / "refs.bib").write_text(_SHARED_BIB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "paper.md"]) == 0
    assert "2 of the 3 entries in refs.bib are cited nowhere in paper.md" in capsys.readouterr().out
    assert main(["check", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "LR317" in out and "LR307 [other]" in out and "LR307 [cited]" not in out


def test_init_writes_unused_entries_down_to_notes_for_a_shared_bib_given_from_outside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A thesis chapter set up in its own folder with --bib naming the thesis's .bib above it: the .bib is copied
    # into refs/, and its entries the chapter does not cite were one LR307 error each (the note was left out).
    chapter = tmp_path / "thesis" / "ch3"
    chapter.mkdir(parents=True)
    (chapter / "ch3.Rmd").write_text("# Theory\n\nStates balance [@cited].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(_SHARED_BIB, encoding="utf-8")
    monkeypatch.chdir(chapter)
    assert main(["init", "ch3.Rmd", "--bib", "../../refs.bib"]) == 0
    out = capsys.readouterr().out
    assert "copied refs/refs.bib" in out
    assert "2 of the 3 entries in refs.bib are cited nowhere in ch3.Rmd" in out
    assert tomllib.loads((chapter / "litreview.toml").read_text(encoding="utf-8"))["severity"] == {"LR307": "info"}
    assert main(["check", "--no-cache"]) == 0  # the two entries are notes


@pytest.mark.parametrize(("folder", "name", "there", "here"), [
    ("thesis", "ch3.Rmd", "`litreview init thesis/ch3/ch3.Rmd` in ../..", "`litreview init ch3.Rmd --bib ../../refs.bib`"),
    # names with spaces: the commands to type were given unquoted, so the shell split each name in two
    ("my thesis", "ch 3.Rmd", "`litreview init 'my thesis/ch3/ch 3.Rmd'` in ../..",
     "`litreview init 'ch 3.Rmd' --bib ../../refs.bib`"),
])
def test_init_names_the_bib_above_the_folder_it_runs_in_that_holds_the_chapters_keys(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], folder: str, name: str,
        there: str, here: str) -> None:
    # An R Markdown child chapter set up in its own folder: the thesis's .bib lies two folders up, outside the
    # review's folder, so it is not read; init said only that the chapter has no reference section, and check
    # then reported every citation as matching no entry. Then it named the .bib but wrote the settings and an empty
    # refs/bibliography.bib all the same, and asked for them to be deleted before either command it gave would
    # work (init never overwrites a file): it stops before writing anything.
    chapter = tmp_path / folder / "ch3"
    chapter.mkdir(parents=True)
    (chapter / name).write_text("# Theory\n\nStates balance [@cited; @other; @nowhere]. Fear misleads [@third].\n",
                                encoding="utf-8")
    (tmp_path / "refs.bib").write_text(_SHARED_BIB, encoding="utf-8")
    (tmp_path / folder / "other.bib").write_text("@book{unrelated, title = {X}, year = {2000}}\n", encoding="utf-8")
    monkeypatch.chdir(chapter)
    assert main(["init", name]) == 2
    captured = capsys.readouterr()
    err = " ".join(captured.err.split())
    assert f"../../refs.bib, above this folder, holds 3 of the 4 keys {name} cites" in err
    assert f"run {there} (it is read where it is), or here {here} (it is copied into refs/)" in err
    assert "nothing was written" in err and "deleted" not in err
    assert "other.bib" not in err + captured.out  # it holds none of the keys
    assert sorted(p.name for p in chapter.iterdir()) == [name]
    assert main(["init", name, "--bib", "../../refs.bib"]) == 0  # the command it gave works at once
    assert "copied refs/refs.bib" in capsys.readouterr().out


def test_init_names_the_bib_in_a_folder_beside_the_chapters_that_holds_its_keys(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A LaTeX thesis's chapter set up in its own folder, the thesis's .bib in a folder beside the chapters'
    # (TeX/02_Mainmatter/02_Literature.tex and TeX/Styles/Bibliography.bib, a master-thesis template): only the
    # folders above were looked at, so init wrote an empty refs/bibliography.bib and check reported every one of
    # the chapter's 68 citations as matching no entry. It names the .bib and stops, as for one right above.
    chapters = tmp_path / "Thesis main" / "TeX" / "02_Mainmatter"
    chapters.mkdir(parents=True)
    (chapters / "02_Literature.tex").write_text(
        "\\chapter{Returns}\n\nAs \\cite{cited} showed, schooling pays \\citep{other, third}.\n", encoding="utf-8")
    (chapters.parent / "Styles").mkdir()
    (chapters.parent / "Styles" / "Bibliography.bib").write_text(_SHARED_BIB, encoding="utf-8")
    (chapters.parent / "Images").mkdir()
    (chapters.parent / "Images" / "unrelated.bib").write_text("@book{unrelated, title = {X}, year = {2000}}\n",
                                                             encoding="utf-8")
    monkeypatch.chdir(chapters)
    assert main(["init", "02_Literature.tex"]) == 2
    captured = capsys.readouterr()
    err = " ".join(captured.err.split())
    assert "../Styles/Bibliography.bib, outside this folder, holds 3 of the 3 keys 02_Literature.tex cites" in err
    assert ("run `litreview init 02_Mainmatter/02_Literature.tex` in .. (it is read where it is), or here "
            "`litreview init 02_Literature.tex --bib ../Styles/Bibliography.bib` (it is copied into refs/)") in err
    assert "unrelated" not in err + captured.out
    assert sorted(p.name for p in chapters.iterdir()) == ["02_Literature.tex"]
    monkeypatch.chdir(chapters.parent)  # the first command it gave
    assert main(["init", "02_Mainmatter/02_Literature.tex"]) == 0
    assert "the bibliography is Styles/Bibliography.bib" in " ".join(capsys.readouterr().out.split())
    assert main(["check", "--no-cache"]) == 0


def test_init_looks_beside_no_folder_of_the_home_folder_or_above_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # The folders beside the one init runs in are a thesis's own below the home folder; beside a project in the
    # home folder (or in / itself) lie other projects, and walking / lists every folder of /proc and /usr.
    home = tmp_path / "home"
    (home / "paper").mkdir(parents=True)
    (home / "paper" / "paper.tex").write_text("Text \\cite{cited, other, third}.\n", encoding="utf-8")
    (home / "other").mkdir()
    (home / "other" / "refs.bib").write_text(_SHARED_BIB, encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home / "paper")
    assert main(["init", "paper.tex"]) == 0
    assert "other/refs.bib" not in " ".join(capsys.readouterr().out.split())


def test_init_names_a_bib_above_that_holds_few_of_the_keys_and_sets_up_the_review(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # One or two cited keys found in a .bib above may be chance (a scratch folder's refs.bib, keys as short as
    # "a"): init names it and sets up the review all the same; it stops only for three keys or more, most of them.
    chapter = tmp_path / "thesis" / "ch3"
    chapter.mkdir(parents=True)
    (chapter / "ch3.Rmd").write_text("# Theory\n\nStates balance [@cited; @nowhere].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(_SHARED_BIB, encoding="utf-8")
    monkeypatch.chdir(chapter)
    assert main(["init", "ch3.Rmd"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "../../refs.bib, above this folder, holds 1 of the 2 keys ch3.Rmd cites" in out
    assert (chapter / "litreview.toml").is_file() and (chapter / "refs" / "bibliography.bib").is_file()


def test_init_imports_the_chapters_own_reference_list_and_names_the_bib_above(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A chapter with a reference list of its own is imported from it, as before: the .bib above is named in a note.
    chapter = tmp_path / "thesis" / "ch3"
    chapter.mkdir(parents=True)
    (chapter / "ch3.md").write_text("# Theory\n\nStates balance [@cited].\n\n# References\n\n"
                                    "Waltz, Kenneth N. 1979. Theory of International Politics. Reading: "
                                    "Addison-Wesley.\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(_SHARED_BIB, encoding="utf-8")
    monkeypatch.chdir(chapter)
    assert main(["init", "ch3.md"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "imported 1 reference from ch3.md" in out
    assert "../../refs.bib, above this folder, holds 1 of the 1 keys ch3.md cites" in out
    assert (chapter / "refs" / "bibliography.bib").is_file()


def test_init_imports_a_renderings_reference_list_printed_with_no_heading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # pandoc -t plain prints a LaTeX paper's list after its text with no heading: `import paper.txt` took its
    # references, while init said "paper.txt has no reference section" and started an empty bibliography, so
    # check read the list as prose (its editors and journals "invoked as an authority", LR302).
    (tmp_path / "paper.txt").write_text(
        "Balancing is the rule among states, and bandwagoning the exception, as the structural account of "
        "international politics holds and as the study of alliances in the Middle East confirms (Waltz 1979; "
        "Walt 1987). Perception matters as much as power (Jervis 1976).\n\n"
        "Jervis, Robert. 1976. Perception and Misperception in International Politics. Princeton: Princeton "
        "University Press.\n\n"
        "Walt, Stephen M. 1987. The Origins of Alliances. Ithaca: Cornell University Press.\n\n"
        "Waltz, Kenneth N. 1979. Theory of International Politics. Reading: Addison-Wesley.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "paper.txt"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "imported 3 references from the list with no heading at the end (lines 3-7) of paper.txt" in out, out
    bib = (tmp_path / "refs" / "bibliography.bib").read_text(encoding="utf-8")
    assert bib.count("\n@book{") == 3, bib


def test_init_leaves_unused_entries_errors_when_the_paper_cites_its_whole_bib(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "paper.md").write_text("---\nbibliography: refs.bib\n---\n\nStates balance [@cited; @other]. "
                                       "Fear misleads [@third].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(_SHARED_BIB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "paper.md"]) == 0
    assert "cited nowhere" not in capsys.readouterr().out
    assert "severity" not in tomllib.loads((tmp_path / "litreview.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("pyproject", [False, True])
def test_init_run_again_with_another_bibliography_says_the_kept_settings_differ(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pyproject: bool) -> None:
    # A chapter whose .bib init did not find: run again with --bib, it said "Nothing to do: the review is set up"
    # and the settings went on naming the empty refs/bibliography.bib.
    monkeypatch.chdir(tmp_path)
    if pyproject:
        (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "ch.md").write_text("# One\n\nAs shown [@roe2001].\n", encoding="utf-8")
    assert main(["init", "ch.md"]) == 0
    capsys.readouterr()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "refs.bib").write_text("@book{roe2001, title = {T}, author = {Roe, J.}, year = {2001}, "
                                                  "publisher = {P}}\n", encoding="utf-8")
    before = snapshot(tmp_path)
    assert main(["init", "ch.md", "--bib", "assets/refs.bib"]) == 0
    out = capsys.readouterr().out
    name = "pyproject.toml" if pyproject else "litreview.toml"
    assert (f'note: {name} is kept, and its bibliography is "refs/bibliography.bib", not "assets/refs.bib": write '
            f'bibliography = "assets/refs.bib" there (init never changes a settings file)') in out
    assert "Nothing to do" not in out
    assert snapshot(tmp_path) == before


def test_init_finds_the_bib_in_a_subfolder_that_holds_the_keys_the_essay_cites(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A book's chapter with its .bib in assets/ (the book's index names it): init found none, imported an empty one
    # from a text with no reference list, and every citation was "matches no entry". A figure's label is no key.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ch.Rmd").write_text("# One\n\nAs shown [@roe2001], and by @doe2002 (@fig-map).\n", encoding="utf-8")
    for folder, key in (("assets", "roe2001"), ("notes", "other1999"), (".cache", "roe2001"), ("site", "doe2002")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "refs.bib").write_text(f"@book{{{key}, title = {{T}}}}\n", encoding="utf-8")
    assert main(["init", "ch.Rmd"]) == 0
    out = capsys.readouterr().out
    assert load_config(tmp_path, env={}).bibliography == "assets/refs.bib"
    assert ("note: the bibliography is assets/refs.bib, the one .bib in a folder below ch.Rmd that holds keys it cites "
            "(1 of 2) (to read another: litreview init --bib FILE)") in out
    assert not (tmp_path / "refs" / "bibliography.bib").exists()


def test_init_says_which_file_stands_for_a_named_bibliography_not_beside_the_essay(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # plan/thesis.md names refs.bib, which lies at the root (pandoc, run there, finds it): init said "names the
    # bibliography refs.bib, which does not exist" and then used the root's refs.bib without a word.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan" / "thesis.md").write_text("---\n  bibliography: refs.bib\n---\n\nAs shown [@roe2001].\n",
                                                 encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{roe2001, title = {T}}\n", encoding="utf-8")
    assert main(["init", "plan/thesis.md"]) == 0
    out = capsys.readouterr().out
    assert load_config(tmp_path, env={}).bibliography == "refs.bib"
    assert ("note: thesis.md names the bibliography refs.bib, which is not beside it: refs.bib of the folder above "
            "is used, where pandoc finds it when run from there (to read another: litreview init --bib FILE)") in out
    assert "which does not exist" not in out


def test_init_says_which_bib_above_the_chapter_it_took(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A LaTeX chapter (chapitres/chapitre1.tex) with the thesis's bibliographie.bib at the root, named by the main
    # file: init took the root's .bib without a word, where it names the one it finds below the chapter.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "chapitres").mkdir()
    (tmp_path / "chapitres" / "chapitre1.tex").write_text("Comme le dit \\cite{roe2001}.\n", encoding="utf-8")
    (tmp_path / "bibliographie.bib").write_text("@book{roe2001, title = {T}}\n", encoding="utf-8")
    assert main(["init", "chapitres/chapitre1.tex"]) == 0
    out = capsys.readouterr().out
    assert load_config(tmp_path, env={}).bibliography == "bibliographie.bib"
    assert ("note: the bibliography is bibliographie.bib, the one .bib in a folder above chapitre1.tex "
            "(to read another: litreview init --bib FILE)") in out
    # the close case: the .bib beside the essay needs no note
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "p.md").write_text("As shown [@roe2001].\n", encoding="utf-8")
    (tmp_path / "b" / "p.bib").write_text("@book{roe2001, title = {T}}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "b")
    assert main(["init", "p.md"]) == 0
    assert "the one .bib" not in capsys.readouterr().out


def test_init_finds_the_bib_in_a_folder_beside_the_chapters_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A thesis's thesis/ch2/ch2.md, built by a Makefile in thesis/build/ that passes --bibliography sources.bib:
    # init searched only beside, above and below the chapter, and started an empty refs/bibliography.bib.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "thesis" / "ch2").mkdir(parents=True)
    (tmp_path / "thesis" / "build").mkdir()
    (tmp_path / "thesis" / "ch2" / "ch2.md").write_text("# Two\n\nAs shown [@roe2001].\n", encoding="utf-8")
    (tmp_path / "thesis" / "build" / "sources.bib").write_text("@book{roe2001, title = {T}}\n", encoding="utf-8")
    assert main(["init", "thesis/ch2/ch2.md"]) == 0
    out = capsys.readouterr().out
    assert load_config(tmp_path, env={}).bibliography == "thesis/build/sources.bib"
    assert ("note: the bibliography is thesis/build/sources.bib, the one .bib in a folder below this one that holds "
            "keys ch2.md cites (1 of 1) (to read another: litreview init --bib FILE)") in out
    assert not (tmp_path / "refs" / "bibliography.bib").exists()


def test_a_bibliography_alone_of_several_files_is_named_by_its_folder(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # A shared bibliography of several files (history.bib, automl.bib, orca.json) was named by its first file alone
    # ("Review: history"), as if the others were not part of it; its folder (the repository) names all of them.
    shared = tmp_path / "shared-library"
    (shared / "bib").mkdir(parents=True)
    monkeypatch.chdir(shared)
    (shared / "bib" / "history.bib").write_text("@book{gibbon1776, author = {Gibbon, Edward}, title = {Decline}, "
                                                "publisher = {Strahan}, year = {1776}}\n", encoding="utf-8")
    (shared / "bib" / "orca.json").write_text('[{"id": "ford2016", "type": "book", "title": "Orcas"}]\n',
                                              encoding="utf-8")
    assert main(["init", "--bib", "bib/history.bib", "--bib", "bib/orca.json"]) == 0
    assert 'site_name: "Review: shared-library"' in (shared / "mkdocs.yml").read_text(encoding="utf-8")


def test_init_sets_up_a_bibliography_kept_without_an_essay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # A bibliography that grows through pull requests, with no essay: init stopped with "name the essay to review",
    # so its maintainer could not have the workflow written.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text("@book{waltz1979theory, author = {Waltz, Kenneth N.}, title = {Theory of "
                                       "International Politics}, publisher = {Addison-Wesley}, year = {1979}}\n",
                                       encoding="utf-8")
    assert main(["init", "--bib", "refs.bib", "--workflow"]) == 0
    assert "a bibliography alone" in capsys.readouterr().out
    config = load_config(tmp_path, env={})
    assert (config.essay, config.bibliography, config.claims) == ("", "refs.bib", "")
    assert (tmp_path / ".github" / "workflows" / "review.yml").is_file()
    assert 'site_name: "Review: refs"' in (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert not (tmp_path / "refs" / "claims.yaml").exists()
    assert main(["check"]) == 0
    before = snapshot(tmp_path)
    assert main(["init", "--bib", "refs.bib", "--workflow"]) == 0  # run again: nothing changes
    assert snapshot(tmp_path) == before


def test_init_finds_the_csl_json_in_a_subfolder_that_holds_the_keys_the_essay_cites(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A memoir built with `pandoc -C --bibliography=data/memoire.json` (its front matter names none): init looked for
    # a CSL file beside the essay only, started an empty refs/bibliography.bib, and every citation matched no entry.
    # A JSON file of no CSL items (a settings file) is no bibliography.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "memoire.md").write_text("Comme dit [@roe2001, p. 3] et [@doe2002].\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "memoire.json").write_text(
        '[{"id": "roe2001", "type": "book", "title": "T", "issued": {"date-parts": [[2001]]}}]', encoding="utf-8")
    (tmp_path / "data" / "settings.json").write_text('{"lang": "fr-FR"}', encoding="utf-8")
    assert main(["init", "memoire.md"]) == 0
    out = capsys.readouterr().out
    assert load_config(tmp_path, env={}).bibliography == "data/memoire.json"
    assert ("note: the bibliography is data/memoire.json, the one CSL bibliography in a folder below memoire.md that "
            "holds keys it cites (1 of 2) (to read another: litreview init --bib FILE)") in out


def test_init_prefers_a_bib_below_to_a_csl_file_below(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # the close case: a .bib below that holds the keys is the bibliography, as before, whatever CSL lies beside it
    monkeypatch.chdir(tmp_path)
    (tmp_path / "memoire.md").write_text("Comme dit [@roe2001].\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "refs.bib").write_text("@book{roe2001, title = {T}}\n", encoding="utf-8")
    (tmp_path / "data" / "memoire.json").write_text('[{"id": "roe2001", "type": "book", "title": "T"}]',
                                                      encoding="utf-8")
    assert main(["init", "memoire.md"]) == 0
    assert load_config(tmp_path, env={}).bibliography == "data/refs.bib"


def test_a_draft_that_cites_nothing_checks_clean_after_init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    # init writes refs/bibliography.bib without entries for a draft with no citations and no reference list; the
    # first `check` then failed on it (LR100 "the bibliography has no entries"), with nothing cited to resolve.
    (tmp_path / "essay.md").write_text("# Draft\n\nA first paragraph, no sources yet.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "essay.md"]) == 0
    capsys.readouterr()
    assert main(["check", "--no-cache", "--format", "json"]) == 0
    import json

    [note] = json.loads(capsys.readouterr().out)["findings"]
    assert (note["code"], note["severity"], note["message"]) == (
        "LR100", "info", "the bibliography has no entries, and the essay cites nothing yet")
    # Once the essay cites a work, the empty bibliography is the error it was.
    (tmp_path / "essay.md").write_text("# Draft\n\nA claim [@doe2020].\n", encoding="utf-8")
    assert main(["check", "--no-cache", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert ("LR100", "error") in {(f["code"], f["severity"]) for f in found}


PRIMARY = "@misc{shelby2013, title = {Shelby County v. Holder}, year = {2013}, howpublished = {570 U.S. 529}}\n"
SECONDARY = ("@article{hall1992, author = {Hall, Melinda Gann}, title = {Electoral Politics and Strategic Voting}, "
             "journal = {J. Polit.}, volume = {54}, pages = {427--446}, year = {1992}}\n")
SPLIT = """---
bibliography_primary: references/primary.bib
bibliography_secondary: references/secondary.bib
---

Federal oversight narrowed after @shelby2013. Elected judges vote strategically [@hall1992].

## Bibliography

::: {#refs_primary}
:::

::: {#refs_secondary}
:::
"""
UNNAMED = SPLIT.split("---\n", 2)[2]
"""The paper built by a Makefile that gives pandoc the two files (--bibliography twice): its text names neither."""


def _split_paper(tmp_path: Path, text: str, *, combined: bool = False) -> None:
    (tmp_path / "references").mkdir()
    (tmp_path / "references" / "primary.bib").write_text(PRIMARY, encoding="utf-8")
    (tmp_path / "references" / "secondary.bib").write_text(SECONDARY, encoding="utf-8")
    if combined:
        (tmp_path / "references" / "bib.bib").write_text(PRIMARY + SECONDARY, encoding="utf-8")
    (tmp_path / "article.md").write_text(text, encoding="utf-8")


def test_bibliographies_below_that_split_the_keys_cited_between_them_are_all_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Primary and secondary sources in two files that the paper's text does not name: init noted the two files and
    # imported the empty "## Bibliography" section instead, so check reported every citation as missing. Two files
    # holding different keys the paper cites, every one of them between them, are its bibliography.
    monkeypatch.chdir(tmp_path)
    _split_paper(tmp_path, UNNAMED)
    assert main(["init", "article.md"]) == 0
    out = capsys.readouterr().out
    assert load_config(tmp_path, env={}).bibliography == ("references/primary.bib", "references/secondary.bib")
    assert not (tmp_path / "refs" / "bibliography.bib").exists()
    assert ("the bibliography is references/primary.bib and references/secondary.bib, the .bib files in folders "
            "below article.md that hold the 2 keys it cites between them, none in two") in out
    assert main(["check", "--no-cache"]) == 0


def test_the_multiple_bibliographies_filters_fields_are_the_bibliographies_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # The same files named by the multiple-bibliographies filter's bibliography_primary and bibliography_secondary:
    # read as the paper names them (a file renamed there later is followed), an older combined copy beside them left.
    monkeypatch.chdir(tmp_path)
    _split_paper(tmp_path, SPLIT, combined=True)
    assert main(["init", "article.md"]) == 0
    capsys.readouterr()
    settings = (tmp_path / "litreview.toml").read_text(encoding="utf-8")
    assert load_config(tmp_path, env={}).bibliography == "refs/bibliography.bib"  # the default: the paper's own
    assert "# bibliography: left out, so the files article.md names are read" in settings
    assert 'bibliography = ["references/primary.bib", "references/secondary.bib"] would pin them' in settings
    assert not (tmp_path / "refs" / "bibliography.bib").exists()
    assert main(["check", "--no-cache"]) == 0


def test_bibliographies_below_that_repeat_keys_cited_are_named_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # An older combined copy beside the two: which ones the paper is built with is not known, so none is chosen.
    monkeypatch.chdir(tmp_path)
    _split_paper(tmp_path, UNNAMED, combined=True)
    assert main(["init", "article.md"]) == 0
    assert "several .bib files below article.md hold keys it cites" in capsys.readouterr().out
    assert load_config(tmp_path, env={}).bibliography == "refs/bibliography.bib"


def test_init_reads_and_segments_the_essay_once(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # init asks several questions of one essay (its title, its citations, its reference list, the keys a
    # bibliography holds); each asked again read and segmented the whole essay, 8 times for a rendered paper.
    import litreview.essay as essay_module

    texts: list[str] = []
    real = essay_module.parse_markdown

    def counting(text: str, path: str = "<string>", **kwargs: object) -> object:
        texts.append(text)
        return real(text, path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(essay_module, "parse_markdown", counting)
    assert main(["init", "essay.md"]) == 0
    assert texts and len(texts) == len(set(texts))  # each text segmented once
    # outside init, a second reading reads again: nothing is kept from one command to the next
    essay_module.load_essay(fresh / "essay.md")
    essay_module.load_essay(fresh / "essay.md")
    assert len(texts) == len(set(texts)) + 2
