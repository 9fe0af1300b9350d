"""`check --since` in the repositories pull requests come from: inputs moved or added, shallow clones,
a first commit, export-ignored folders, a review in a subfolder of the repository."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import git, git_repo

from litreview.checks.gitref import verify_ref
from litreview.cli import main
from litreview.errors import InputError

OLD = "@book{old2000,\n  author = {Doe, Jane},\n  title = {Old},\n  publisher = {P},\n  year = {20000},\n}\n"
GOOD = "@book{good2001,\n  author = {Roe, Rita},\n  title = {Good},\n  publisher = {P},\n  year = {2001},\n}\n"
NEW_BAD = "@book{new2002,\n  author = {Poe, Paul},\n  title = {New},\n  publisher = {P},\n  year = {202},\n}\n"
ESSAY = "# One\n\nAn old claim [@old2000]. A good claim [@good2001]. A lost claim [@gone1999].\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def review(folder: Path, *, settings: str = 'essay = "essay.md"\nbibliography = "refs.bib"\n') -> Path:
    """A review whose base already has two errors: old2000's year and a citation of no entry."""
    write(folder / "refs.bib", OLD + "\n" + GOOD)
    write(folder / "essay.md", ESSAY)
    write(folder / "litreview.toml", settings)
    return folder


def scoped(*args: str, capsys) -> tuple[int, list[tuple[str, str | None]], str]:
    status = main(["check", "--no-cache", "--format", "json", *args])
    out, err = capsys.readouterr()
    found = [(f["code"], f["key"]) for f in json.loads(out)["findings"]] if out else []
    return status, found, err


def json_review_changed(folder: Path, monkeypatch: pytest.MonkeyPatch, items: str, essay: str, changed: str) -> None:
    """A review of essay.md and refs.json committed with `items`, refs.json then changed to `changed`."""
    write(folder / "refs.json", items)
    write(folder / "essay.md", essay)
    write(folder / "litreview.toml", 'essay = "essay.md"\nbibliography = "refs.json"\n')
    git_repo(folder)
    monkeypatch.chdir(folder)
    write(folder / "refs.json", changed)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git_repo(review(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_bibliography_added_to_the_list_brings_only_its_own_findings(repo: Path, capsys) -> None:
    write(repo / "more.bib", NEW_BAD)
    write(repo / "litreview.toml", 'essay = "essay.md"\nbibliography = ["refs.bib", "more.bib"]\n')
    write(repo / "essay.md", ESSAY + "\nA new claim [@new2002].\n")
    status, found, err = scoped("--since", "base", capsys=capsys)
    assert (status, found) == (1, [("LR124", "new2002")])
    assert "could not be checked" not in err


@pytest.mark.parametrize("moved", ["bibliography", "essay"])
def test_an_input_moved_with_its_setting_is_read_at_its_old_path(repo: Path, capsys, moved: str) -> None:
    old, new = ("refs.bib", "paper/references.bib") if moved == "bibliography" else ("essay.md", "paper/essay.md")
    (repo / "paper").mkdir()
    git(repo, "mv", old, new)
    settings = (repo / "litreview.toml").read_text(encoding="utf-8")
    write(repo / "litreview.toml", settings.replace(f'"{old}"', f'"{new}"'))
    status, found, err = scoped("--since", "base", capsys=capsys)
    assert (status, found) == (0, [])  # the base's problems, wherever the files went
    assert "could not be checked" not in err
    if moved == "bibliography":
        (repo / new).write_text(OLD + "\n" + GOOD + "\n" + NEW_BAD, encoding="utf-8")
        write(repo / "essay.md", ESSAY + "\nA new claim [@new2002].\n")
        assert scoped("--since", "base", capsys=capsys)[:2] == (1, [("LR124", "new2002")])


@pytest.mark.parametrize("given", ["command line", "environment"])
def test_inputs_given_outside_the_settings_are_read_at_the_name_they_had(tmp_path: Path, given: str,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          capsys) -> None:
    # No settings file names them: CI passes --bib/--essay (or LITREVIEW_BIB/ESSAY), and the pull
    # request moves both files and updates that line. git's rename detection pairs the names.
    repo = git_repo(review(tmp_path, settings=""))
    monkeypatch.chdir(repo)
    (repo / "paper").mkdir()
    git(repo, "mv", "refs.bib", "paper/references.bib")
    git(repo, "mv", "essay.md", "paper/essay.md")
    if given == "environment":
        monkeypatch.setenv("LITREVIEW_BIB", "paper/references.bib")
        monkeypatch.setenv("LITREVIEW_ESSAY", "paper/essay.md")
        paths: tuple[str, ...] = ()
    else:
        paths = ("--bib", "paper/references.bib", "--essay", "paper/essay.md")
    status, found, err = scoped(*paths, "--since", "base", capsys=capsys)
    assert (status, found) == (0, [])  # the base's problems, at the names the files had
    assert "could not be checked" not in err
    write(repo / "paper" / "references.bib", OLD + "\n" + GOOD + "\n" + NEW_BAD)
    write(repo / "paper" / "essay.md", ESSAY + "\nA new claim [@new2002].\n")
    assert scoped(*paths, "--since", "base", capsys=capsys)[:2] == (1, [("LR124", "new2002")])


@pytest.mark.parametrize(("suppress", "found"), [('suppress = ["LR124"]\n', []), ("", [("LR124", "old2000")])])
def test_settings_moved_to_pyproject_are_compared_with_the_file_the_base_had(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, suppress: str, found: list[tuple[str, str]]) -> None:
    # The base silences LR124 in litreview.toml; the change moves the settings into pyproject.toml,
    # keeping the suppression (nothing new) or dropping it (old2000's year is the change's to show).
    settings = 'essay = "essay.md"\nbibliography = "refs.bib"\nsuppress = ["LR124"]\n'
    repo = git_repo(review(tmp_path, settings=settings))
    write(repo / "pyproject.toml", '[project]\nname = "x"\n')
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "a pyproject.toml")
    git(repo, "tag", "-f", "base")
    git(repo, "rm", "-q", "litreview.toml")
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.litreview]\nessay = "essay.md"\n'
                                   f'bibliography = "refs.bib"\n{suppress}')
    monkeypatch.chdir(repo)
    assert scoped("--since", "base", capsys=capsys)[:2] == (1 if found else 0, found)


def test_export_ignored_inputs_are_read_at_the_base(repo: Path, capsys) -> None:
    # Software repositories keep a paper's folder out of their release archives (export-ignore).
    write(repo / ".gitattributes", "*.bib export-ignore\n*.md export-ignore\n")
    git(repo, "add", ".gitattributes")
    git(repo, "commit", "-q", "-m", "no papers in release archives")
    git(repo, "tag", "-f", "base")
    status, found, err = scoped("--since", "base", capsys=capsys)
    assert (status, found) == (0, [])
    assert "could not be checked" not in err


def test_the_first_commit_is_checked_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    # The pre-commit hook runs `--since HEAD` before a repository has any commit.
    review(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    monkeypatch.chdir(tmp_path)
    status, found, err = scoped("--since", "HEAD", capsys=capsys)
    assert (status, sorted(found, key=str)) == (1, [("LR124", "old2000"), ("LR300", None)])
    assert "no commit yet" in err


@pytest.mark.parametrize("ref", ["main", "origin/main", "HEAD~1"])
def test_a_ref_in_a_repository_with_no_commit_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys,
                                                      ref: str) -> None:
    review(tmp_path)
    git(tmp_path, "init", "-q")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "--since", ref]) == 2
    err = capsys.readouterr().err
    assert f"unknown git ref {ref!r}" in err
    assert "hint: this repository has no commit yet" in err
    assert "fetch" not in err  # there is nothing to fetch the ref into


def clone(origin: Path, dest: Path, *args: str) -> Path:
    subprocess.run(["git", "clone", "-q", *args, origin.as_uri(), str(dest)], check=True, capture_output=True)
    return dest


def run_the_hinted_fetch(cwd: Path, said: str) -> None:
    """Run the one ``git fetch`` the hint in ``said`` gives, as written."""
    commands = re.findall(r"\((git fetch [^()]*)\)", said)
    assert len(commands) == 1, said
    git(cwd, *commands[0].split()[1:])


@pytest.mark.parametrize("depth", [["--depth", "1"], []])
def test_the_fetch_hinted_in_a_single_branch_clone_brings_the_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys, depth: list[str]) -> None:
    # `git clone --depth 1 --branch pr` fetches pr alone: `git fetch --unshallow origin main` then only set
    # FETCH_HEAD, and origin/main stayed unknown; the hint names where the branch goes.
    origin = git_repo(review(tmp_path / "origin"))
    git(origin, "branch", "-M", "main")
    git(origin, "checkout", "-q", "-b", "pr")
    write(origin / "essay.md", ESSAY + "\nA new claim [@new2002].\n")
    git(origin, "commit", "-q", "-am", "pull request")
    single = clone(origin, tmp_path / "single", *depth, "--single-branch", "--branch", "pr")
    monkeypatch.chdir(single)
    assert main(["check", "--no-cache", "--since", "origin/main"]) == 2
    err = capsys.readouterr().err
    assert ("shallow" in err) is bool(depth)
    run_the_hinted_fetch(single, err)
    assert scoped("--since", "origin/main", capsys=capsys)[:2] == (1, [("LR300", None)])


def test_a_shallow_clone_without_the_branch_point_stops_with_a_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys) -> None:
    # main fixes old2000 after the pull request branched: compared with main's tip, the pull
    # request would be blamed for old2000's year; its branch point is not in a shallow clone.
    origin = git_repo(review(tmp_path / "origin"))
    git(origin, "branch", "-M", "main")
    git(origin, "checkout", "-q", "-b", "pr")
    write(origin / "essay.md", ESSAY + "\nMore prose.\n")
    git(origin, "commit", "-q", "-am", "pull request")
    git(origin, "checkout", "-q", "main")
    write(origin / "refs.bib", OLD.replace("20000", "2000") + "\n" + GOOD)
    git(origin, "commit", "-q", "-am", "main fixes the year")
    shallow = clone(origin, tmp_path / "shallow", "--depth", "1", "--no-single-branch", "--branch", "pr")
    monkeypatch.chdir(shallow)
    assert main(["check", "--no-cache", "--since", "origin/main"]) == 2
    err = capsys.readouterr().err
    assert "shallow" in err and "fetch-depth: 0" in err
    full = clone(origin, tmp_path / "full", "--branch", "pr")
    monkeypatch.chdir(full)
    assert scoped("--since", "origin/main", capsys=capsys)[:2] == (0, [])


def test_annotations_name_files_from_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys) -> None:
    # A review in a subfolder of a larger repository: GitHub places annotations and code-scanning
    # results by paths from the repository's root.
    folder = review(tmp_path / "papers" / "ir")
    git_repo(tmp_path)
    write(folder / "essay.md", ESSAY + "\nA new claim [@new2002].\n")
    monkeypatch.chdir(folder)
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    assert "::error file=papers/ir/essay.md,line=5," in capsys.readouterr().out
    assert main(["check", "--no-cache", "--format", "sarif"]) == 1
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(capsys.readouterr().out)["runs"][0]["results"]}
    assert uris == {"papers/ir/essay.md", "papers/ir/refs.bib"}
    assert main(["check", "--no-cache", "--format", "json"]) == 1  # for people and scripts: from the settings
    assert {f["file"] for f in json.loads(capsys.readouterr().out)["findings"]} == {"essay.md", "refs.bib"}


def test_a_bibliography_in_a_submodule_is_read_at_the_commit_the_base_recorded(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch,
                                                                               capsys) -> None:
    # Papers of one group share a bibliography repository as a submodule.
    write(tmp_path / "shared" / "refs.bib", OLD + "\n" + GOOD)
    shared = git_repo(tmp_path / "shared", tag=None)
    paper = tmp_path / "paper"
    write(paper / "essay.md", ESSAY)
    write(paper / "litreview.toml", 'essay = "essay.md"\nbibliography = "bib/refs.bib"\n')
    git(paper, "init", "-q")
    git(paper, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(shared), "bib")
    git_repo(paper)
    monkeypatch.chdir(paper)
    status, found, err = scoped("--since", "base", capsys=capsys)
    assert (status, found) == (0, [])
    assert "could not be checked" not in err
    (paper / "bib" / "refs.bib").write_text(OLD + "\n" + GOOD + "\n" + NEW_BAD, encoding="utf-8")
    git(paper / "bib", "commit", "-q", "-am", "a new entry")
    git(paper, "commit", "-q", "-am", "the shared bibliography moves on")
    assert scoped("--since", "base", capsys=capsys)[:2] == (1, [("LR307", "new2002"), ("LR124", "new2002")])


def test_a_pull_requests_annotations_start_with_what_it_adds_fixes_and_suppresses(repo: Path, capsys) -> None:
    # GitHub shows a step's first annotations only; the counts come first, a suppression included.
    many = "".join(NEW_BAD.replace("new2002", f"new{i}").replace("{New}", f"{{New {i}}}") for i in range(12))
    hidden = NEW_BAD.replace("new2002", "hidden").replace("{New}", "{Hidden}").replace(
        "year", "litreview-suppress = {LR124},\n  year")
    (repo / "refs.bib").write_text(OLD.replace("20000", "2000") + "\n" + GOOD + many + hidden, encoding="utf-8")
    write(repo / "essay.md", ESSAY + "".join(f"Claim [@new{i}]. " for i in range(12)) + "Hidden [@hidden].\n")
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    lines = capsys.readouterr().out.splitlines()
    point = subprocess.run(["git", "rev-parse", "base"], cwd=repo, capture_output=True, text=True).stdout[:12]
    assert lines[0] == (f"::notice title=litreview check::new since base ({point}): 12 errors, 0 warnings, 0 notes "
                        "(1 suppressed); 1 fixed, 1 older not shown")
    assert len(lines) == 13


def test_git_refusing_the_repository_is_said_with_its_advice(tmp_path: Path) -> None:
    # A container job whose checkout belongs to another user: git refuses every command.
    said = (b"fatal: detected dubious ownership in repository at '/w/repo'\nTo add an exception for this "
            b"directory, call:\n\n\tgit config --global --add safe.directory /w/repo\n")

    def refusing(args, **_):
        return subprocess.CompletedProcess(args, 128, b"", said)

    with pytest.raises(InputError) as exc:
        verify_ref("origin/main", tmp_path, runner=refusing)
    assert "dubious ownership" in exc.value.message and "unknown git ref" not in exc.value.message
    assert exc.value.hint.endswith("call: git config --global --add safe.directory /w/repo")


def test_the_base_settings_apply_when_the_temporary_folder_is_reached_through_a_link(
        repo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    # macOS's temporary folder (/var/folders/...) is a link to /private/var/...
    import tempfile

    real = tmp_path_factory.mktemp("real-tmp")
    link = real.parent / "linked-tmp"
    link.symlink_to(real, target_is_directory=True)
    monkeypatch.setattr(tempfile, "tempdir", str(link))
    (repo / "paper").mkdir()
    git(repo, "mv", "refs.bib", "paper/refs.bib")
    write(repo / "litreview.toml", 'essay = "essay.md"\nbibliography = "paper/refs.bib"\n')
    status, found, err = scoped("--since", "base", capsys=capsys)
    assert (status, found) == (0, [])
    assert "could not be checked" not in err


@pytest.mark.parametrize("form", ["latex", "quarto"])
def test_a_part_of_the_essay_renamed_keeps_its_old_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys, form: str) -> None:
    # The base's chapter (or \input file) is gone from the working tree: it is read at the base.
    write(tmp_path / "refs.bib", OLD + "\n" + GOOD)
    if form == "latex":
        essay, old, new = "paper.tex", "intro.tex", "introduction.tex"
        write(tmp_path / essay, "\\begin{document}\nOld \\cite{old2000}.\n\\input{intro}\n\\end{document}\n")
        write(tmp_path / old, "Good \\cite{good2001}. Lost \\cite{gone1999}.\n")
        main_text = "\\input{intro}", "\\input{introduction}"
    else:
        essay, old, new = "_quarto.yml", "intro.qmd", "introduction.qmd"
        write(tmp_path / essay, "book:\n  chapters: [index.qmd, intro.qmd]\n")
        write(tmp_path / "index.qmd", "# Start\n\nOld [@old2000].\n")
        write(tmp_path / old, "# Intro\n\nGood [@good2001]. Lost [@gone1999].\n")
        main_text = "intro.qmd]", "introduction.qmd]"
    write(tmp_path / "litreview.toml", f'essay = "{essay}"\nbibliography = "refs.bib"\n')
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "mv", old, new)
    write(tmp_path / essay, (tmp_path / essay).read_text(encoding="utf-8").replace(*main_text))
    status, found, err = scoped("--since", "base", capsys=capsys)
    assert (status, found) == (0, [])
    assert "could not be checked" not in err


def test_unrelated_histories_are_compared_with_the_ref_itself_and_said(repo: Path, capsys) -> None:
    git(repo, "checkout", "-q", "--orphan", "rewritten")
    git(repo, "commit", "-q", "-m", "the same files, a history of their own")
    write(repo / "essay.md", ESSAY + "\nA new claim [@new2002].\n")
    status, found, err = scoped("--since", "base", capsys=capsys)
    assert (status, found) == (1, [("LR300", None)])
    assert "base shares no history with HEAD" in err


def test_the_hook_under_pre_commit_in_ci_checks_the_pull_request(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys) -> None:
    # CI runs pre-commit on a clean checkout of the pull request: `--since HEAD` alone compared HEAD
    # with itself, so the hook passed whatever the pull request added.
    write(repo / "refs.bib", OLD + "\n" + GOOD + "\n" + NEW_BAD)
    write(repo / "essay.md", ESSAY + "\nA new claim [@new2002].\n")
    git(repo, "commit", "-q", "-am", "the pull request")
    monkeypatch.setenv("PRE_COMMIT", "1")
    monkeypatch.delenv("GIT_INDEX_FILE", raising=False)  # no `git commit` under way
    monkeypatch.setenv("PRE_COMMIT_FROM_REF", "base")  # pre-commit run --from-ref base --to-ref HEAD
    monkeypatch.setenv("PRE_COMMIT_TO_REF", "HEAD")
    status, found, err = scoped("--since", "HEAD", capsys=capsys)
    assert (status, found) == (1, [("LR124", "new2002")]) and "pre-commit's range base..HEAD" in err
    monkeypatch.delenv("PRE_COMMIT_FROM_REF")
    monkeypatch.delenv("PRE_COMMIT_TO_REF")  # pre-commit run --all-files: the whole review
    status, found, err = scoped("--since", "HEAD", capsys=capsys)
    assert status == 1 and {("LR124", "old2000"), ("LR124", "new2002")} <= set(found)
    assert "the whole review is checked" in err
    monkeypatch.setenv("GIT_INDEX_FILE", ".git/index")  # git commit runs the hook: an empty commit adds nothing
    assert scoped("--since", "HEAD", capsys=capsys)[:2] == (0, [])
    write(repo / "essay.md", ESSAY + "\nA new claim [@new2002]. Another [@new2003].\n")  # a commit with a change
    assert scoped("--since", "HEAD", capsys=capsys)[:2] == (1, [("LR300", None)])


def test_concluding_a_merge_of_main_blames_only_what_the_branch_adds(repo: Path, capsys) -> None:
    # The hook runs `--since HEAD` when a merge of main into a branch is committed: what main
    # brings is main's, what the branch adds is new.
    git(repo, "branch", "-M", "main")
    git(repo, "checkout", "-q", "-b", "pr")
    write(repo / "refs.bib", OLD + "\n" + GOOD + "\n" + NEW_BAD)
    git(repo, "commit", "-q", "-am", "the branch adds an entry")
    git(repo, "checkout", "-q", "main")
    write(repo / "essay.md", ESSAY + "\nMain's claim [@main2020].\n")
    git(repo, "commit", "-q", "-am", "main cites a missing key")
    git(repo, "checkout", "-q", "pr")
    git(repo, "merge", "-q", "--no-commit", "--no-ff", "main")
    assert scoped("--since", "HEAD", capsys=capsys)[:2] == (0, [])
    write(repo / "essay.md", (repo / "essay.md").read_text(encoding="utf-8") + "The merge's claim [@merge2021].\n")
    status, found, _ = scoped("--since", "HEAD", capsys=capsys)
    assert (status, found) == (1, [("LR300", None)])


@pytest.mark.parametrize("spelling", ["base...HEAD", "base...", "base..HEAD", "base.."])
def test_a_range_ending_at_head_is_the_change_since_its_start(repo: Path, capsys, spelling: str) -> None:
    # `git diff base...HEAD` is how a reviewer spells "this branch since base".
    write(repo / "essay.md", ESSAY + "\nA new claim [@new2002].\n")
    status, found, err = scoped("--since", spelling, capsys=capsys)
    assert (status, found) == (1, [("LR300", None)])
    assert "unknown git ref" not in err


def test_a_range_ending_elsewhere_says_the_other_side_is_the_working_tree(repo: Path, capsys) -> None:
    assert main(["check", "--no-cache", "--since", "base...feature"]) == 2
    err = capsys.readouterr().err
    assert "is a range" in err and "e.g. --since base; check out feature first" in err


def test_an_unknown_ref_says_how_to_get_it_from_its_own_remote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys) -> None:
    # A pull request into develop, or from a fork whose upstream is not a remote of the clone.
    origin = git_repo(review(tmp_path / "origin"))
    monkeypatch.chdir(clone(origin, tmp_path / "clone"))
    assert main(["check", "--no-cache", "--since", "origin/develop"]) == 2
    assert "hint: fetch it first (git fetch origin develop:refs/remotes/origin/develop)" in capsys.readouterr().err
    assert main(["check", "--no-cache", "--since", "upstream/main"]) == 2
    err = capsys.readouterr().err
    assert "no branch 'upstream/main' here" in err and "no remote named 'upstream'" in err
    assert "git fetch origin" not in err
    git(tmp_path / "clone", "checkout", "-q", "-b", "topic")
    assert main(["check", "--no-cache", "--since", "@{upstream}"]) == 2
    err = capsys.readouterr().err
    assert "git says no upstream configured for branch 'topic'" in err
    assert "cannot read the repository" not in err and "--set-upstream-to" in err
    assert main(["check", "--no-cache", "--since", "origin/main@{5}"]) == 2  # a fresh clone's reflog is short
    err = capsys.readouterr().err
    assert "the reflog has no such entry (git reflog origin/main lists them)" in err and "upstream" not in err


def test_an_unknown_ref_names_the_one_this_clone_has_that_was_meant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys) -> None:
    # A fork's clone that names the original repository upstream has no origin/main but upstream/main; a slip of
    # the fingers (upstream/mian) names a branch one transposition away. A name like none is told nothing more.
    origin = git_repo(review(tmp_path / "origin"))
    git(origin, "branch", "-M", "main")
    monkeypatch.chdir(clone(origin, tmp_path / "clone", "--origin", "upstream"))
    for given, meant in (("origin/main", "upstream/main"), ("upstream/mian", "upstream/main"), ("mian", "main")):
        assert main(["check", "--no-cache", "--since", given]) == 2
        assert f"hint: did you mean --since {meant}? Else " in capsys.readouterr().err
    assert main(["check", "--no-cache", "--since", "nosuchbranch"]) == 2
    assert "did you mean" not in capsys.readouterr().err


def test_the_default_branch_by_its_other_name_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys) -> None:
    # `git init` names the first branch master where the user means main (and the other way round); a CI checkout
    # of the pull request's branch holds main only as origin/main. The hint names the branch that exists, and only
    # one that exists.
    origin = git_repo(review(tmp_path / "origin"))
    git(origin, "branch", "-M", "master")
    git(origin, "checkout", "-q", "-b", "pr")
    monkeypatch.chdir(origin)
    assert main(["check", "--no-cache", "--since", "main"]) == 2
    assert "hint: did you mean --since master? Else " in capsys.readouterr().err
    assert main(["check", "--no-cache", "--since", "trunk"]) == 2
    assert "did you mean" not in capsys.readouterr().err
    monkeypatch.chdir(clone(origin, tmp_path / "clone", "--branch", "pr"))
    for given, meant in (("main", "origin/master"), ("origin/main", "origin/master"), ("master", "origin/master")):
        assert main(["check", "--no-cache", "--since", given]) == 2
        assert f"hint: did you mean --since {meant}? Else " in capsys.readouterr().err


def test_a_ref_counted_back_past_the_history_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    # --since HEAD~1 in CI's clone of depth 1 (or HEAD~5 in a history of two commits) was told to check the name
    # and list the branches: the name is right, the history is too short or cut off.
    origin = git_repo(review(tmp_path / "origin"))
    write(origin / "essay.md", ESSAY + "\nMore.\n")
    git(origin, "commit", "-q", "-am", "more")
    monkeypatch.chdir(origin)
    for ref in ("HEAD~5", "HEAD^2"):
        assert main(["check", "--no-cache", "--since", ref]) == 2
        err = capsys.readouterr().err
        assert f"hint: HEAD's history holds no commit {ref} names (2 commits: git log --oneline --graph HEAD" in err
        assert "check the name" not in err and "did you mean" not in err
    monkeypatch.chdir(clone(origin, tmp_path / "shallow", "--depth", "1"))
    assert main(["check", "--no-cache", "--since", "HEAD~1"]) == 2
    assert "hint: this clone is shallow: its history stops before HEAD~1 (git fetch --deepen" in capsys.readouterr().err


def test_a_file_in_a_commit_or_a_message_search_is_no_branch_to_fetch(repo: Path, capsys) -> None:
    # "git fetch origin main:refs.bib" was the hint for --since origin/main:refs.bib: a refspec that writes a branch.
    assert main(["check", "--no-cache", "--since", "origin/main:refs.bib"]) == 2
    err = capsys.readouterr().err
    assert "hint: 'origin/main:refs.bib' names a file in a commit, not a commit: give --since origin/main" in err
    assert "git fetch" not in err
    assert main(["check", "--no-cache", "--since", ":/no such message"]) == 2
    assert "hint: no commit's message matches 'no such message'" in capsys.readouterr().err


def test_a_bibliography_moved_to_csl_json_keeps_its_old_problems(repo: Path, capsys) -> None:
    # The same missing journal is "lacks journal" in BibTeX and "lacks container-title" in CSL-JSON.
    write(repo / "refs.bib", OLD + "\n" + GOOD + "@article{art2003,\n  author = {Loe, Lu},\n  title = {Art},\n"
          "  year = {2003},\n}\n")
    write(repo / "essay.md", ESSAY + "\nAn article [@art2003].\n")
    git(repo, "commit", "-q", "-am", "an article without its journal")
    git(repo, "tag", "-f", "base")
    assert ("LR110", "art2003") in scoped(capsys=capsys)[1]
    items = [{"id": "old2000", "type": "book", "author": [{"family": "Doe", "given": "Jane"}], "title": "Old",
              "publisher": "P", "issued": {"date-parts": [[20000]]}},
             {"id": "good2001", "type": "book", "author": [{"family": "Roe", "given": "Rita"}], "title": "Good",
              "publisher": "P", "issued": {"date-parts": [[2001]]}},
             {"id": "art2003", "type": "article-journal", "author": [{"family": "Loe", "given": "Lu"}],
              "title": "Art", "issued": {"date-parts": [[2003]]}}]
    (repo / "refs.bib").unlink()
    write(repo / "refs.json", json.dumps(items, indent=2))
    write(repo / "litreview.toml", 'essay = "essay.md"\nbibliography = "refs.json"\n')
    assert ("LR110", "art2003") in scoped(capsys=capsys)[1]
    assert scoped("--since", "base", capsys=capsys)[:2] == (0, [])
    items[2]["DOI"] = "10.1000"  # a problem the move adds is still new
    write(repo / "refs.json", json.dumps(items, indent=2))
    assert scoped("--since", "base", capsys=capsys)[:2] == (1, [("LR120", "art2003")])


def test_a_base_commit_missing_from_a_shallow_clone_says_to_fetch_history(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           capsys) -> None:
    # GitLab gives a merge request's base as a commit (CI_MERGE_REQUEST_DIFF_BASE_SHA) and clones 20 commits deep.
    origin = git_repo(review(tmp_path / "origin"))
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=origin, capture_output=True, text=True).stdout.strip()
    write(origin / "essay.md", ESSAY + "\nMore prose.\n")
    git(origin, "commit", "-q", "-am", "the merge request")
    monkeypatch.chdir(clone(origin, tmp_path / "shallow", "--depth", "1"))
    assert main(["check", "--no-cache", "--since", base]) == 2
    err = capsys.readouterr().err
    assert f"commit {base} is not in this clone" in err
    assert "this clone is shallow" in err and "GIT_DEPTH: 0" in err


def test_a_check_that_cannot_run_is_an_annotation_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys) -> None:
    # With --format github a stop (exit 2) was only in the job's log: the pull request said "exit code 2".
    folder = review(tmp_path / "papers" / "ir")
    write(folder / "claims.yaml", "essay: essay.md\nlinks:\n  - claim: p1-s1\n    source: old2000\n"
          "    status: confirmd\n")
    write(folder / "litreview.toml", 'essay = "essay.md"\nbibliography = "refs.bib"\nclaims = "claims.yaml"\n')
    git_repo(tmp_path)
    monkeypatch.chdir(folder)
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 2
    out, err = capsys.readouterr()
    assert out == ("::error file=papers/ir/claims.yaml,line=5,title=litreview check could not run::"
                   "unknown status 'confirmd'%0Ahint: use confirmed or rejected\n")
    assert "unknown status 'confirmd'" in err  # the log says it as before
    write(folder / "claims.yaml", "essay: essay.md\nlinks: []\n")
    assert main(["check", "--no-cache", "--format", "github", "--since", "origin/main"]) == 2
    out = capsys.readouterr().out
    assert out.startswith("::error title=litreview check could not run::--since: unknown git ref 'origin/main'%0A")
    assert main(["check", "--no-cache", "--since", "origin/main"]) == 2  # text: the log only
    assert capsys.readouterr().out == ""


def test_a_citation_of_a_key_the_change_renamed_says_to_what(repo: Path, capsys) -> None:
    write(repo / "refs.bib", OLD + "\n" + GOOD.replace("good2001,", "roe2001good,"))
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    found = {f["code"]: f for f in json.loads(capsys.readouterr().out)["findings"]}
    assert found["LR300"]["message"] == "citation '@good2001' matches no entry"
    assert found["LR300"]["hint"] == ("This change renamed the entry 'good2001' to 'roe2001good': cite it by its new "
                                      "key, or give the entry its old key back")
    write(repo / "refs.bib", OLD + "\n" + GOOD.replace("good2001,", "roe2001good,").replace("{Good}", "{Better}"))
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1  # not only renamed: no claim
    hints = {f["code"]: f["hint"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "LR300" in hints and not any("renamed" in hint for hint in hints.values())


def test_a_manual_reference_the_change_renamed_says_to_what(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys) -> None:
    # A Manubot manuscript's bibliography holds only the manual references it cites: an item whose id the change
    # renamed away from its citation is in neither side's, and was told "removed".
    item = ('[{"id": "%s", "type": "book", "title": "Global Assessment", "publisher": "IPBES", '
            '"issued": {"date-parts": [[2019]]}, "author": [{"literal": "IPBES"}]}]\n')
    write(tmp_path / "content/01.intro.md", "## Intro\n\nSpecies decline [@ipbes2019].\n")
    write(tmp_path / "content/manual-references.json", item % "ipbes2019")
    write(tmp_path / "litreview.toml", 'essay = "content"\n')
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "content/manual-references.json", item % "IPBES-2019")
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "LR300"]
    assert [f["hint"] for f in found] == ["This change renamed the entry 'ipbes2019' to 'IPBES-2019': cite it by "
                                          "its new key, or give the entry its old key back"]


def test_a_finding_an_entrys_mended_syntax_error_had_hidden_says_it_may_be_older(repo: Path, capsys) -> None:
    # good2001 lacks its publisher at the base too, but a missing comma there kept its fields from being checked:
    # the change that mends the comma brings LR111 to light. It counts as new, and says why it may be older.
    damaged = "@book{good2001,\n  author = {Roe, Rita}\n  title = {Good},\n  year = {2001},\n}\n"
    write(repo / "refs.bib", OLD + "\n" + damaged)
    git(repo, "commit", "-q", "-am", "good2001 without its comma")
    git(repo, "tag", "damaged")
    write(repo / "refs.bib", OLD + "\n" + damaged.replace("Rita}", "Rita},"))
    assert main(["check", "--no-cache", "--format", "json", "--since", "damaged"]) == 0
    (found,) = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["key"] == "good2001"]
    assert found["code"] == "LR111"
    assert found["hint"].endswith("; the base could not check this entry (its syntax error, which this change "
                                  "mends, hid its fields), so this may be older than the change")


def test_a_citation_of_an_entry_the_change_removed_says_so(repo: Path, capsys) -> None:
    # The pull request deletes good2001 from the .bib alone: the citation's line is not in its diff, and the
    # annotation there ("matches no entry") read as the manuscript's fault.
    write(repo / "refs.bib", OLD)
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    [found] = json.loads(capsys.readouterr().out)["findings"]
    assert (found["code"], found["message"]) == ("LR300", "citation '@good2001' matches no entry")
    assert found["hint"] == "This change removed the entry 'good2001' from refs.bib: restore it, or cite another entry there"
    write(repo / "refs.bib", OLD + "\n" + GOOD)
    write(repo / "essay.md", ESSAY + "\nA new claim [@good2002].\n")  # a key that never was: the usual hint
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    [found] = json.loads(capsys.readouterr().out)["findings"]
    assert "removed" not in found["hint"]


def test_a_citation_of_an_entry_in_a_file_the_change_left_unreadable_says_to_mend_it(tmp_path: Path,
                                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                                      capsys) -> None:
    # A comma missing inside its only item: no entry of the file is read, none was removed.
    items = '[\n  {"id": "good2001", "type": "book", "title": "Good", "issued": {"date-parts": [[2001]]}}\n]\n'
    json_review_changed(tmp_path, monkeypatch, items, "# One\n\nA good claim [@good2001].\n",
                        items.replace('"Good"', '"Good" "x"'))
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    hints = {f["code"]: f["hint"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert hints["LR300"] == "refs.json, which holds 'good2001', cannot be read now: mend its syntax (its LR100 says where)"


def test_an_annotation_on_an_edited_old_entry_sits_on_the_line_the_change_touched(repo: Path, capsys) -> None:
    # GitHub shows a pull request's annotations on changed lines only: the entry's first line is not one.
    write(repo / "refs.bib", OLD + "\n" + GOOD.replace("{2001}", "{201}"))
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::error")]
    assert len(errors) == 1 and errors[0].startswith("::error file=refs.bib,line=12,title=LR124 ")
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1  # the year's line, changed
    assert [(f["code"], f["line"]) for f in json.loads(capsys.readouterr().out)["findings"]] == [("LR124", 12)]
    write(repo / "refs.bib", OLD + "\n" + GOOD.replace("good2001,", "good2001 ,").replace("{2001}", "{201}"))
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1  # its own line touched: stays
    assert "::error file=refs.bib,line=12,title=LR124 " in capsys.readouterr().out


def test_a_finding_on_a_field_the_change_left_alone_is_annotated_on_the_line_it_touched(tmp_path: Path,
                                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                                       capsys) -> None:
    # The change edits the year (line 12); the title (line 10), untouched, now contradicts it: LR135 is the
    # title's, and GitHub would not show it on line 10.
    review(tmp_path)
    dated = GOOD.replace("{Good}", "{Good (1990)}").replace("{2001}", "{1990}")
    write(tmp_path / "refs.bib", OLD + "\n" + dated)
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "refs.bib", OLD + "\n" + dated.replace("{1990}", "{2001}"))
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 0
    assert [(f["code"], f["line"]) for f in json.loads(capsys.readouterr().out)["findings"]] == [("LR135", 10)]
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 0
    assert "::warning file=refs.bib,line=12,title=LR135 " in capsys.readouterr().out


def test_a_key_the_change_defines_again_is_annotated_where_it_did(repo: Path, capsys) -> None:
    # LR101 sits on the entry pandoc drops (the old one); on a pull request, the new definition is the change.
    write(repo / "refs.bib", OLD + "\n" + GOOD + "\n" + GOOD.replace("{Good}", "{Good Again}"))
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    out = capsys.readouterr().out
    # The message said "defined again on line 15" on line 15, then "; the other: refs.bib line 8".
    assert ("::error file=refs.bib,line=15,title=LR101 duplicate-key::[good2001] duplicate key 'good2001': also "
            "defined on line 8 (pandoc uses this one, the last entry with it; BibTeX and biber the first); the fields "
            "of the one on line 8 are not checked until it has a key of its own%0A") in out
    # Every format of a --since run, which is about the change: at the definition it added, naming the other.
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    found = [(f["code"], f["line"], f["message"]) for f in json.loads(capsys.readouterr().out)["findings"]]
    # the copies differ: the one not used is not checked (a full check says so at it, a pull request here)
    assert ("LR101", 15, "duplicate key 'good2001': also defined on line 8 (pandoc uses this one, the last entry with "
            "it; BibTeX and biber the first); the fields of the one on line 8 are not checked until it has a key of "
            "its own") in found
    assert main(["check", "--no-cache", "--since", "base"]) == 1
    assert "refs.bib:15: LR101 [good2001] duplicate key 'good2001': also defined on line 8" in capsys.readouterr().out
    assert main(["check", "--no-cache", "--format", "sarif", "--since", "base"]) == 1
    sarif = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in sarif
            if r["ruleId"] == "LR101"] == [15]
    assert main(["check", "--no-cache", "--format", "json"]) == 1  # a full check: at the entry pandoc drops
    assert ("LR101", 8) in [(f["code"], f["line"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def test_a_key_defined_again_in_a_file_the_change_did_not_touch_keeps_its_line(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                                 capsys) -> None:
    # The change names a second, committed bibliography in the settings: it touched neither definition, so the
    # finding stays where a full check puts it.
    review(tmp_path)
    write(tmp_path / "more.bib", GOOD.replace("{Good}", "{Good Again}"))
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "litreview.toml", 'essay = "essay.md"\nbibliography = ["refs.bib", "more.bib"]\n')
    assert main(["check", "--no-cache", "--format", "json"]) == 1
    full = [(f["code"], f["file"], f["line"]) for f in json.loads(capsys.readouterr().out)["findings"]
            if f["code"] == "LR101"]
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    since = [(f["code"], f["file"], f["line"]) for f in json.loads(capsys.readouterr().out)["findings"]
             if f["code"] == "LR101"]
    assert len(full) == 1 and since == full


def test_a_key_a_second_file_defines_again_is_annotated_there_naming_the_first(repo: Path, capsys) -> None:
    items = "references:\n- id: good2001\n  type: book\n  title: Good again\n  issued: 2001\n"
    write(repo / "more.yaml", items)
    write(repo / "litreview.toml", 'essay = "essay.md"\nbibliography = ["refs.bib", "more.yaml"]\n')
    git(repo, "add", "more.yaml")  # committed, as in a pull request
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    out = capsys.readouterr().out
    assert ("::error file=more.yaml,line=2,title=LR101 duplicate-key::[good2001] duplicate key 'good2001': also "
            "defined on refs.bib line 8 (pandoc uses this one") in out


def test_a_key_added_above_one_it_clashes_with_in_case_is_annotated_where_it_was_added(repo: Path, capsys) -> None:
    # LR108 sits on the later of the two in the file: the old entry, when the change writes the new one above it.
    write(repo / "refs.bib", GOOD.replace("good2001,", "Old2000,") + "\n" + OLD + "\n" + GOOD)
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1  # (and LR307: cited nowhere)
    out = capsys.readouterr().out
    assert ("::warning file=refs.bib,line=1,title=LR108 key-case-clash::[Old2000] key 'Old2000' differs only in case "
            "from 'old2000' (line 8)%0A") in out
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1  # every format: where it was added
    assert ("LR108", "Old2000", 1) in [(f["code"], f["key"], f["line"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def test_an_edited_entry_in_a_renamed_bibliography_is_annotated_on_the_edit(repo: Path, capsys) -> None:
    # A pull request shows a renamed file's changed lines only (git pairs the names); git ends a name
    # holding a space with a tab in its diff.
    git(repo, "mv", "refs.bib", "my refs.bib")
    write(repo / "my refs.bib", OLD + "\n" + GOOD.replace("{2001}", "{201}"))
    write(repo / "litreview.toml", 'essay = "essay.md"\nbibliography = "my refs.bib"\n')
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::error")]
    assert len(errors) == 1 and errors[0].startswith("::error file=my refs.bib,line=12,title=LR124 ")


def test_why_every_finding_counts_as_new_is_an_annotation_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys) -> None:
    # The pull request fixes a claims file its base could not read: the old errors count as new, and the
    # pull request says why, not only the job's log.
    review(tmp_path, settings='essay = "essay.md"\nbibliography = "refs.bib"\nclaims = "claims.yaml"\n')
    write(tmp_path / "claims.yaml", "essay: essay.md\nlinks:\n  - claim: p1-s1\n    source: old2000\n"
          "    status: confirmd\n")
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "claims.yaml", "essay: essay.md\nlinks: []\n")
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("::warning title=litreview check::the base (base) could not be checked, so every finding "
                          "counts as new:%0A  ")
    assert "unknown status 'confirmd'" in out.splitlines()[0]
    assert "note: the base (base) could not be checked" in err
    assert main(["check", "--no-cache", "--since", "base"]) == 1  # text: the note on standard error only
    assert "::warning" not in capsys.readouterr().out


def test_a_bibliography_renamed_in_the_front_matter_alone_says_what_the_essay_names(
        repo: Path, capsys) -> None:
    # init writes the front matter's bibliography into the settings; a pull request that renamed the file and
    # the front matter's line stopped on "bibliography not found", and its annotation named no file at all.
    write(repo / "essay.md", "---\nbibliography: bib/library.bib\n---\n\n" + ESSAY)
    (repo / "bib").mkdir()
    (repo / "refs.bib").rename(repo / "bib" / "library.bib")
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 2
    out, err = capsys.readouterr()
    assert out.startswith("::error title=litreview check could not run::refs.bib: bibliography not found "
                          "(set in litreview.toml line 2; --bib gives another)%0A")
    assert ('hint: essay.md names bib/library.bib: write bibliography = "bib/library.bib" in litreview.toml'
            in err)


def test_a_bibliography_added_in_the_front_matter_alone_is_named_as_not_read(repo: Path, capsys) -> None:
    # The settings name refs.bib (init writes the front matter's file there); a pull request added more.bib to the
    # front matter and cited its entry: pandoc reads it, litreview did not, and said only "matches no entry".
    write(repo / "essay.md", "---\nbibliography:\n  - refs.bib\n  - more.bib\n---\n\n" + ESSAY + "\nNew [@new2002].\n")
    write(repo / "more.bib", NEW_BAD)
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    found = [f for f in json.loads(capsys.readouterr().out)["findings"]]
    assert [(f["code"], f["file"], f["line"]) for f in found] == [("LR321", "essay.md", 4), ("LR300", "essay.md", 11)]
    assert found[0]["hint"].startswith('Read them all: bibliography = ["refs.bib", "more.bib"] in the settings')
    # A file the settings' files copy whole (a combined bibliography) is read in effect: no LR321.
    write(repo / "refs.bib", OLD + "\n" + GOOD + "\n" + NEW_BAD)
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    assert "LR321" not in capsys.readouterr().out


def test_a_citation_of_no_entry_is_annotated_at_its_marker_line(repo: Path, capsys) -> None:
    # A sentence over three lines whose last line a pull request changed: the annotation was at the sentence's
    # first line, outside what the pull request touched (a LaTeX one: the next test).
    write(repo / "essay.md", ESSAY + "\nA claim that runs\nover lines [@good2001] and\ncites [@new2002; @gone1999].\n")
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    out = capsys.readouterr().out
    assert "::error file=essay.md,line=7,title=LR300 unresolved-citation::[p3-s1] citation '@new2002'" in out
    assert "line=3,title=LR300" not in out  # the old citation of no entry (gone1999, line 3) is no new finding
    write(repo / "essay.md", ESSAY + "\nA claim [@good2001] that\ncites [@Good2001].\n")
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    assert "::error file=essay.md,line=6,title=LR309 key-case-mismatch::" in capsys.readouterr().out


def test_a_latex_citation_of_no_entry_is_annotated_at_its_command_line(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    # A LaTeX sentence wraps over lines as a Markdown one does; the annotation was at the sentence's first line (its
    # text is pandoc's reading, not the source), a line the pull request had not touched. In an \input file too.
    write(tmp_path / "refs.bib", GOOD)
    essay = "\\documentclass{article}\n\\begin{document}\nA good claim \\cite{good2001}.\n\\input{more}\n\\end{document}\n"
    write(tmp_path / "essay.tex", essay)
    write(tmp_path / "more.tex", "A second claim.\n")
    write(tmp_path / "litreview.toml", 'essay = "essay.tex"\nbibliography = "refs.bib"\n')
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "essay.tex", essay.replace("\\cite{good2001}.", "\\cite{good2001}, and one\nthat runs over\n"
                                                "lines \\citep{good2001,\n  new2002} and\ncites \\citet{Good2001}."))
    write(tmp_path / "more.tex", "A second claim\nover lines \\cite{new2003}.\n")
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    found = [(f["code"], f["file"], f["line"]) for f in json.loads(capsys.readouterr().out)["findings"]]
    assert found == [("LR300", "essay.tex", 5), ("LR309", "essay.tex", 7), ("LR300", "more.tex", 2)]


def test_a_bibliography_that_cannot_be_read_now_fixes_none_of_its_findings(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           capsys) -> None:
    # A syntax error leaves nothing read from the file: its old findings are not compared, not counted as fixed.
    items = [{"id": "old2000", "type": "book", "author": [{"family": "Doe", "given": "Jane"}], "title": "Old",
              "publisher": "P", "issued": {"date-parts": [[20000]]}},
             {"id": "good2001", "type": "book", "author": [{"family": "Roe", "given": "Rita"}], "title": "Good",
              "publisher": "P", "issued": {"date-parts": [[2001]]}}]
    write(tmp_path / "refs.json", json.dumps(items, indent=2))
    (review(tmp_path, settings='essay = "essay.md"\nbibliography = "refs.json"\n') / "refs.bib").unlink()
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "refs.json", json.dumps(items, indent=2).removeprefix("["))  # (an item broken alone costs itself)
    assert main(["check", "--no-cache", "--since", "base"]) == 1
    out = capsys.readouterr().out
    assert ("; 0 fixed, 1 not compared (refs.json could not be read: no entry of it was compared with the base)"
            in out.splitlines()[-1]), out
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (summary["fixed"], summary["not_compared"], summary["unreadable"]) == (0, 1, ["refs.json"])
    assert list(summary)[-7:] == ["since", "base", "branch_point", "fixed", "older", "not_compared", "unreadable"]  # (scripts may read them in order)


@pytest.mark.parametrize("name", ["refs.yaml", "refs.json"])
def test_a_csl_bibliography_broken_by_the_change_is_said_not_compared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                       capsys, name: str) -> None:
    # The base's file read clean (no finding in it); the branch adds an entry with a bad DOI and breaks the file's
    # syntax: nothing of it is read, so the new entry's findings are hidden. The parse error is shown, and the
    # summary and a note say that the file was not compared with the base.
    item = '{"id": "good2001", "type": "book", "author": [{"family": "Roe", "given": "Rita"}], "title": "Good", '
    item += '"publisher": "P", "issued": {"date-parts": [[2001]]}}'
    added = '{"id": "new2002", "type": "book", "title": "New", "DOI": "notadoi", "issued": {"date-parts": [[2002]]}}'
    write(tmp_path / name, f"[{item}]\n" if name.endswith(".json") else f"references: [{item}]\n")
    (review(tmp_path, settings=f'essay = "essay.md"\nbibliography = "{name}"\n') / "refs.bib").unlink()
    write(tmp_path / "essay.md", "Good work [@good2001].\n")
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    broken = f"[{item},\n {added}\n" if name.endswith(".json") else f"references: [{item},\n {added}\n"
    write(tmp_path / name, broken)
    assert main(["check", "--no-cache", "--since", "base"]) == 1
    out, err = capsys.readouterr()
    assert f"{name}:3: LR100" in out or f"{name}:2: LR100" in out, out
    assert out.splitlines()[-1].endswith(f"0 fixed; {name} could not be read: no entry of it was compared with the "
                                         "base"), out
    assert f"note: {name} could not be read (its LR100 says where): its entries were not compared with the base" in err
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (summary["not_compared"], summary["unreadable"]) == (0, [name])
    # The base broken the same way: the error is old, and still shown, since it stops the comparison.
    git(tmp_path, "commit", "-qam", "broken")
    git(tmp_path, "tag", "broken")
    assert main(["check", "--no-cache", "--format", "json", "--since", "broken"]) == 1
    assert [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["LR100"]


def test_an_item_the_change_broke_alone_fixes_none_of_its_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys) -> None:
    # The change breaks mid's syntax; the file's other items are read. mid's malformed DOI was counted as fixed, the
    # third item's LR159 ("item 3") as fixed and new again ("item 2"), and the citation of mid blamed on its removal.
    items = ('[\n  {"id": "old", "type": "book", "title": "Old", "publisher": "P", "issued": {"date-parts": [[2000]]}},\n'
             '  {"id": "mid", "type": "book", "title": "Mid", "publisher": "P", "DOI": "notadoi",\n'
             '   "issued": {"date-parts": [[2001]]}},\n'
             '  {"id": "late", "type": "book", "title": "Late", "publisher": "P", "year": 2002}\n]\n')
    json_review_changed(tmp_path, monkeypatch, items, "# One\n\nA claim [@old]. Another [@mid]. A third [@late].\n",
                        items.replace('"Mid",', '"Mid" "x",'))
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert [(f["code"], f["key"]) for f in report["findings"]] == [("LR300", None), ("LR100", "mid")]
    assert report["findings"][0]["message"] == ("citation '@mid': the entry 'mid' is in the bibliography but left "
                                                "unread, for the syntax error at refs.json:3 (LR100)")
    summary = report["summary"]
    assert (summary["fixed"], summary["not_compared"], summary["unreadable_entries"]) == (0, 1, {"mid": "refs.json"})
    assert "unreadable" not in summary
    assert "note: the entry 'mid' in refs.json could not be read (its LR100 says where)" in err
    assert main(["check", "--no-cache", "--since", "base"]) == 1
    assert capsys.readouterr().out.splitlines()[-1].endswith(
        "0 fixed, 1 not compared (the entry 'mid' in refs.json could not be read: its findings were not compared "
        "with the base), 2 older not shown")


def test_a_new_item_broken_alone_is_said_after_the_older_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys) -> None:
    # "2 fixed; the entry ... was not compared with the base, 23 older not shown": the count read as the entry's.
    items = '[\n  {"id": "old", "type": "book", "title": "Old", "publisher": "P", "DOI": "notadoi"}\n]\n'
    write(tmp_path / "refs.json", items)
    write(tmp_path / "litreview.toml", 'essay = ""\nbibliography = "refs.json"\n')
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "refs.json", items.replace("}\n]", '},\n  {"id": "new", "type": "book", "title": "New" "x"}\n]'))
    assert main(["check", "--no-cache", "--since", "base"]) == 1
    assert capsys.readouterr().out.splitlines()[-1].endswith(
        "0 fixed, 2 older not shown; the entry 'new' in refs.json could not be read: its findings were not compared "
        "with the base")


def test_an_entry_the_change_cut_short_fixes_none_of_its_findings(repo: Path, capsys) -> None:
    # A comma lost after old2000's author: its fields after it are not read, and its year's LR124 counted as fixed.
    write(repo / "refs.bib", OLD.replace("Jane},", "Jane}") + "\n" + GOOD)
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in report["findings"]] == ["LR100"]
    assert (report["summary"]["fixed"], report["summary"]["not_compared"]) == (0, 1)
    assert report["summary"]["unreadable_entries"] == {"old2000": "refs.bib"}


def test_a_key_defined_again_fixes_none_of_the_first_entrys_findings(repo: Path, capsys) -> None:
    # The change adds old2000 again with its year right: pandoc reads the later entry, but the first, with its
    # five-digit year, is still in the file. Its LR124 was counted as fixed.
    write(repo / "refs.bib", OLD + "\n" + GOOD + "\n" + OLD.replace("{20000}", "{2000}"))
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["key"]) for f in report["findings"]] == [("LR101", "old2000")]
    assert report["summary"]["fixed"] == 0


def actions_checkout(origin: Path, dest: Path) -> Path:
    """A pull request as actions/checkout gives it by default: its merge ref alone, one commit deep, detached."""
    git(origin, "checkout", "-q", "-b", "merged", "main")
    git(origin, "merge", "-q", "--no-ff", "--no-edit", "pr")
    git(origin, "update-ref", "refs/pull/1/merge", "HEAD")
    git(origin, "checkout", "-q", "main")
    dest.mkdir()
    git(dest, "init", "-q")
    git(dest, "remote", "add", "origin", origin.as_uri())
    git(dest, "fetch", "-q", "--no-tags", "--depth=1", "origin", "+refs/pull/1/merge:refs/remotes/pull/1/merge")
    git(dest, "checkout", "-q", "--detach", "refs/remotes/pull/1/merge")
    return dest


def test_the_default_actions_checkout_says_the_one_fetch_that_makes_it_work(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           capsys) -> None:
    # fetch-depth: 1 holds neither origin/main nor the branch point: `git fetch origin main` alone led to a
    # second stop (the branch point not in this shallow clone); the hint gives the fetch that brings both.
    origin = git_repo(review(tmp_path / "origin"))
    git(origin, "branch", "-M", "main")
    git(origin, "checkout", "-q", "-b", "pr")
    write(origin / "essay.md", ESSAY + "\nA new claim [@new2002].\n")
    git(origin, "commit", "-q", "-am", "pull request")
    ci = actions_checkout(origin, tmp_path / "ci")
    monkeypatch.chdir(ci)
    assert main(["check", "--no-cache", "--format", "github", "--since", "origin/main"]) == 2
    out = capsys.readouterr().out
    assert ("this clone is shallow: fetch the branch and the history (git fetch --unshallow origin "
            "main:refs/remotes/origin/main)") in out
    run_the_hinted_fetch(ci, out)
    assert scoped("--since", "origin/main", capsys=capsys)[:2] == (1, [("LR300", None)])


@pytest.mark.parametrize("ref", ["", " ", "origin/"])
def test_a_base_named_by_a_variable_that_is_not_set_stops_the_check(repo: Path, capsys, ref: str) -> None:
    # `--since "$CI_MERGE_REQUEST_DIFF_BASE_SHA"` outside a merge request pipeline, `origin/$GITHUB_BASE_REF` on a
    # push: the empty ref checked the whole review as if --since were not given, blaming the change for all.
    assert main(["check", "--no-cache", "--format", "github", "--since", ref]) == 2
    out = capsys.readouterr().out
    assert out.startswith("::error title=litreview check could not run::")
    assert "may not be set in this kind of run" in out and "LR124" not in out


def test_a_finding_an_edited_string_brings_to_an_old_entry_is_annotated_on_the_string(tmp_path: Path,
                                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                                       capsys) -> None:
    # The pull request empties @string jn (line 1); old2001, untouched on lines 3-9, now lacks a journal: on its
    # own first line the annotation sat outside the diff.
    article = "@article{old2001,\n  author = {Roe, Rita},\n  title = {Good},\n  journal = jn,\n  year = {2001},\n}\n"
    write(tmp_path / "refs.bib", '@string{jn = "Journal of Tests"}\n\n' + article)
    write(tmp_path / "essay.md", "# One\n\nA claim [@old2001].\n")
    write(tmp_path / "litreview.toml", 'essay = "essay.md"\nbibliography = "refs.bib"\n')
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "refs.bib", '@string{jn = ""}\n\n' + article)
    assert main(["check", "--no-cache", "--format", "github", "--since", "base"]) == 1
    out = capsys.readouterr().out
    assert ("::error file=refs.bib,line=1,title=LR110 missing-required-field::[old2001] @article entry lacks journal "
            "or journaltitle (the entry on line 3 takes 'jn' from the @string this change edited)%0A") in out
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1  # the log: at the entry
    assert [(f["code"], f["line"]) for f in json.loads(capsys.readouterr().out)["findings"]] == [("LR110", 3)]


def test_the_report_names_the_branch_point_it_compared_with(repo: Path, capsys) -> None:
    # The base moved on after the branch left it: "new since main" alone hid that the branch point, not
    # main's tip, was checked, and that the review's older findings were left out, not absent.
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo / "refs.bib", OLD + "\n" + GOOD + "\n" + NEW_BAD)
    git(repo, "commit", "-q", "-am", "a new entry")
    git(repo, "checkout", "-q", "base")
    git(repo, "checkout", "-q", "-b", "trunk")
    write(repo / "essay.md", ESSAY + "\nMore [@good2001].\n")
    git(repo, "commit", "-q", "-am", "the base moves on")
    git(repo, "checkout", "-q", "topic")
    point = subprocess.run(["git", "rev-parse", "base"], cwd=repo, capture_output=True, text=True).stdout.strip()
    assert main(["check", "--no-cache", "--since", "trunk"]) == 1
    out = capsys.readouterr().out
    assert out.rstrip().endswith(f"new since trunk (branch point {point[:12]}): 2 errors, 0 warnings, 0 notes; "
                                 "0 fixed, 2 older not shown")
    assert main(["check", "--no-cache", "--format", "json", "--since", "trunk"]) == 1
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (summary["since"], summary["base"], summary["branch_point"], summary["older"]) == ("trunk", point, True, 2)
    write(repo / "refs.bib", OLD + "\n" + GOOD)
    assert main(["check", "--no-cache", "--since", "trunk"]) == 0
    assert capsys.readouterr().out == (f"No new problems since trunk (branch point {point[:12]}; 0 fixed, "
                                       "2 older not shown).\n")
    assert main(["check", "--no-cache", "--since", "base"]) == 0  # the ref's tip: the commit, without "branch point"
    assert capsys.readouterr().out == f"No new problems since base ({point[:12]}; 0 fixed, 2 older not shown).\n"


def test_a_merge_of_the_base_under_way_leaves_the_bases_findings_out(repo: Path, capsys) -> None:
    # Checking while merging the base branch in (git merge trunk, not yet committed): the base's own new
    # findings came with the merge, not from the change; they were reported as new.
    git(repo, "checkout", "-q", "-b", "trunk")
    write(repo / "more.bib", NEW_BAD.replace("new2002", "trunk2002").replace("{New}", "{Trunk}"))
    write(repo / "litreview.toml", 'essay = "essay.md"\nbibliography = ["refs.bib", "more.bib"]\n')
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "the base moves on")
    git(repo, "checkout", "-q", "base")
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo / "refs.bib", OLD + "\n" + GOOD + "\n" + NEW_BAD)
    git(repo, "commit", "-q", "-am", "a new entry")
    git(repo, "merge", "-q", "--no-commit", "--no-ff", "trunk")
    status, found, _ = scoped("--since", "trunk", capsys=capsys)
    assert (status, found) == (1, [("LR307", "new2002"), ("LR124", "new2002")])


def test_sarif_since_names_the_base_and_the_branch_point(repo: Path, capsys) -> None:
    # The base moved on since the branch left it: the base checked is the branch point, not the ref's tip. The
    # origin's address is given without its user and token.
    git(repo, "remote", "add", "origin", "https://someone:secret@example.org/team/paper.git")
    git(repo, "checkout", "-q", "-b", "change")
    git(repo, "checkout", "-q", "base")
    git(repo, "checkout", "-q", "-b", "moved")
    write(repo / "other.txt", "the base branch moves on\n")
    git(repo, "add", "other.txt")
    git(repo, "commit", "-q", "-m", "later on the base branch")
    git(repo, "checkout", "-q", "change")
    write(repo / "essay.md", ESSAY + "\nNew [@new2002].\n")
    assert main(["check", "--no-cache", "--format", "sarif", "--since", "moved"]) == 1
    run = json.loads(capsys.readouterr().out)["runs"][0]
    point = subprocess.run(["git", "rev-parse", "base^{commit}"], cwd=repo, capture_output=True, text=True).stdout.strip()
    tip = subprocess.run(["git", "rev-parse", "moved"], cwd=repo, capture_output=True, text=True).stdout.strip()
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    assert run["properties"]["since"] == "moved" and run["properties"]["sinceRevision"] == tip
    assert run["properties"]["baseRevision"] == point and run["properties"]["baseIsBranchPoint"] is True
    assert run["versionControlProvenance"] == [{"repositoryUri": "https://example.org/team/paper.git",
                                                "revisionId": head, "branch": "change"}]
    assert run["results"] and {r["baselineState"] for r in run["results"]} == {"new"}


def test_a_base_whose_settings_cannot_be_read_says_it_was_checked_with_todays(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch,
                                                                            capsys) -> None:
    # The base commit's settings file is broken (an unclosed string): its check used the working tree's settings,
    # which was said nowhere, though its findings may differ for that alone.
    repo = git_repo(review(tmp_path, settings='essay = "essay.md"\nbibliography = "refs.bib\n'))
    write(repo / "litreview.toml", 'essay = "essay.md"\nbibliography = "refs.bib"\n')
    monkeypatch.chdir(repo)
    status = main(["check", "--no-cache", "--format", "json", "--since", "base"])
    out, err = capsys.readouterr()
    said = "the base's settings could not be read (litreview.toml line 2: invalid TOML"
    assert status == 0 and f"note: base: {said}" in err and "checked with the working tree's settings" in err
    notices = json.loads(out)["summary"]["base_settings"]
    assert len(notices) == 1 and notices[0].startswith(said)
    assert str(tmp_path) not in err  # the base's temporary folder is not named
    write(repo / "litreview.toml", 'essay = "essay.md"\nbibliography = "refs.bib"\nsuppress = ["LR124"]\n')
    git(repo, "commit", "-qam", "settings mended")
    git(repo, "tag", "-f", "base")
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 0
    out, err = capsys.readouterr()
    assert "base_settings" not in json.loads(out)["summary"] and "could not be read" not in err


@pytest.mark.parametrize("bib", [OLD.replace("Jane},", "Jane}") + "\n" + GOOD, "@article{\n"])
def test_check_help_names_every_key_the_since_summary_gives(repo: Path, capsys, bib: str) -> None:
    # One entry cut short (unreadable_entries) or the whole file unread (unreadable): the help told neither.
    write(repo / "refs.bib", bib)
    main(["check", "--no-cache", "--format", "json", "--since", "base"])
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert {"not_compared", "branch_point"} <= set(summary)
    assert main(["check", "--help"]) == 0
    help_words = set(re.findall(r"\w+", capsys.readouterr().out))
    assert set(summary) - help_words == set()


@pytest.mark.parametrize(("change", "hint"), [
    ("@proceedings{proc2019mbl,", "This change renamed the entry 'proc2019' to 'proc2019mbl': write crossref = "
     "{proc2019mbl} here, or give that entry its old key back"),
    ("", "This change removed the entry 'proc2019' from refs.bib, which crossref still names: restore it, or delete "
     "crossref here (and write in this entry the fields it took from there)"),
])
@pytest.mark.parametrize("linked", ["proc2019", "Proc2019"])  # keys compared ignoring case, as LR112 does
def test_a_crossref_to_an_entry_the_change_renamed_or_removed_says_so(repo: Path, capsys, change: str,
                                                                      hint: str, linked: str) -> None:
    # The paper's crossref line is not in the change's diff: "add the entry 'proc2019', or correct the key" read
    # as the paper's fault.
    proc = "@proceedings{proc2019,\n  title = {Proceedings},\n  publisher = {P},\n  year = {2019},\n}\n"
    talk = ("@inproceedings{talk2019,\n  author = {Novak, Ana},\n  title = {Talk},\n  crossref = {" + linked
            + "},\n}\n")
    write(repo / "refs.bib", OLD + "\n" + GOOD + "\n" + proc + "\n" + talk)
    git(repo, "commit", "-q", "-am", "a paper and its proceedings")
    git(repo, "tag", "with-proc")
    write(repo / "refs.bib", OLD + "\n" + GOOD + "\n" + (proc.replace("@proceedings{proc2019,", change) if change
                                                       else "") + "\n" + talk)
    assert main(["check", "--no-cache", "--format", "json", "--since", "with-proc"]) == 1
    found = {f["code"]: f for f in json.loads(capsys.readouterr().out)["findings"]}
    assert found["LR112"]["hint"] == hint


@pytest.mark.parametrize(("essay", "listing"), [
    ("book/_quarto.yml", "book:\n  chapters: [index.qmd, ../shared/ch.qmd]\n"),
    ("book/_bookdown.yml", "rmd_files: [index.Rmd, ../shared/ch.Rmd]\n"),
    ("book/defaults.yaml", "input-files: [index.md, ../shared/ch.md]\n"),
])
def test_a_chapter_outside_the_books_folder_is_read_at_the_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys, essay: str, listing: str) -> None:
    # A chapter the book lists outside its own folder was not extracted at the base (only the book's folder was):
    # the base's book could not be read, and the chapter's old problems counted as the change's.
    suffix = listing.split("../shared/ch")[1][:4].rstrip("]")
    write(tmp_path / "refs.bib", OLD + "\n" + GOOD)
    write(tmp_path / essay, listing)
    write(tmp_path / f"book/index{suffix}", "# Start\n\nOld [@old2000].\n")
    write(tmp_path / f"shared/ch{suffix}", "# Chapter\n\nGood [@good2001]. Lost [@gone1999].\n")
    write(tmp_path / "litreview.toml", f'essay = "{essay}"\nbibliography = "refs.bib"\n')
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / f"book/index{suffix}", "# Start\n\nOld [@old2000]. Again [@good2001].\n")
    status, found, err = scoped("--since", "HEAD", capsys=capsys)
    assert (status, found) == (0, [])
    assert "could not be checked" not in err


def test_since_the_commit_checked_out_says_only_uncommitted_changes_are_compared(repo: Path, capsys) -> None:
    # On the base branch itself, `check --since main` compares HEAD with HEAD: a new error committed there was
    # "no new problems" with nothing to say why. The note says what was compared and what to give instead.
    write(repo / "refs.bib", OLD + "\n" + GOOD + "\n" + NEW_BAD)
    write(repo / "essay.md", ESSAY + "\nA new claim [@new2002].\n")
    git(repo, "commit", "-q", "-am", "a bad entry, committed on the base branch")
    git(repo, "tag", "tip")
    status, found, err = scoped("--since", "tip", capsys=capsys)
    assert (status, found) == (0, [])
    err = " ".join(err.split())
    assert "note: tip is the commit checked out (HEAD): only changes not yet committed are compared" in err
    assert "--since HEAD~1" in err
    # Not said for HEAD itself (the pre-commit hook), nor for a ref the branch left.
    assert "is the commit checked out" not in " ".join(scoped("--since", "HEAD", capsys=capsys)[2].split())
    assert "is the commit checked out" not in scoped("--since", "base", capsys=capsys)[2]


def test_a_new_file_not_yet_added_is_a_change_the_note_does_not_deny(repo: Path, capsys) -> None:
    # A chapter written and not yet `git add`ed: its findings were shown as new, under a note that said the
    # changes not yet committed "are none" (git diff sees tracked files alone).
    write(repo / "essay2.md", "A new claim [@missing2003].\n")
    git(repo, "tag", "tip")
    err = " ".join(scoped("--since", "tip", capsys=capsys)[2].split())
    assert "is the commit checked out" not in err, err
    (repo / "essay2.md").unlink()
    err = " ".join(scoped("--since", "tip", capsys=capsys)[2].split())
    assert "note: tip is the commit checked out (HEAD): only changes not yet committed are compared, and there are none" in err


def test_a_duplicate_the_change_adds_is_an_error_though_uncited_entries_are_notes(tmp_path, monkeypatch, capsys) -> None:
    # `init` writes LR307 = "info" for a bibliography shared with other documents; an entry's findings are then
    # capped at its LR307's level where the document does not cite it. A change adding a second entry with the DOI
    # of an uncited one, and citing the new one, passed: LR106 was a note (the document prints the new entry alone).
    # The duplicate is the change's, in a bibliography others use: an error on `check --since`.
    shared = ("@article{shared2001,\n  author = {Roe, Rita},\n  title = {Shared},\n  journal = {J},\n"
              "  year = {2001},\n  doi = {10.1234/shared.2001},\n}\n")
    copy = shared.replace("shared2001", "roe2001shared")
    write(tmp_path / "refs.bib", GOOD + "\n" + shared)
    write(tmp_path / "essay.md", "# One\n\nA good claim [@good2001].\n")
    write(tmp_path / "litreview.toml", 'essay = "essay.md"\nbibliography = "refs.bib"\n\n[severity]\nLR307 = "info"\n')
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "refs.bib", GOOD + "\n" + shared + "\n" + copy)
    write(tmp_path / "essay.md", "# One\n\nA good claim [@good2001]. The same work [@roe2001shared].\n")
    assert main(["check", "--no-cache", "--format", "json", "--since", "base"]) == 1
    found = [(f["code"], f["key"], f["severity"]) for f in json.loads(capsys.readouterr().out)["findings"]]
    assert [f for f in found if f[2] != "info"] == [("LR106", "roe2001shared", "error")], found
    # A full check still caps it, as the document prints the cited entry alone (the uncited one is the shared
    # bibliography's): a note, as before.
    assert main(["check", "--no-cache", "--format", "json"]) == 0
    assert [(f["code"], f["severity"]) for f in json.loads(capsys.readouterr().out)["findings"]
            if f["code"] == "LR106"] == [("LR106", "info")]


def test_a_duplicate_the_change_adds_uncited_names_itself_as_the_entry_cited_nowhere(tmp_path: Path,
                                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                                      capsys) -> None:
    """A shared bibliography (uncited entries are notes): a pull request adds, under a new key nobody cites, a copy
    of an entry the essay cites. The duplicate is reported at its own level, and the hint says that the entry it is
    on, the one added, is cited nowhere, not the other one (which the essay cites)."""
    git_repo(review(tmp_path, settings='essay = "essay.md"\nbibliography = "refs.bib"\n'
                                       'severity = { LR307 = "info" }\n'))
    monkeypatch.chdir(tmp_path)
    copy = GOOD.replace("good2001", "goodcopy2001")
    write(tmp_path / "refs.bib", OLD + "\n" + GOOD + "\n" + copy)
    assert main(["check", "--no-cache", "--format", "json", "--since", "HEAD"]) == 0
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "LR107"]
    assert [(f["key"], f["severity"]) for f in found] == [("goodcopy2001", "warning")]
    assert "'goodcopy2001' is cited nowhere" in found[0]["hint"]
    assert "the other entry is cited nowhere" not in found[0]["hint"]


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_a_bibliography_file_the_change_adds_unlisted_to_a_bibliography_kept_alone_is_said(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, fmt: str) -> None:
    # A shared bibliography kept alone (essay = ""), its files listed in the settings: a pull request adding a new
    # file with its entries, but not to the list, was "No new problems": its entries were never read.
    write(tmp_path / "refs.bib", GOOD)
    write(tmp_path / "litreview.toml", 'essay = ""\nbibliography = ["refs.bib"]\nclaims = ""\n')
    git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "bib" / "more.bib", NEW_BAD)
    write(tmp_path / "bib" / "notes.json", '{"not": "a bibliography"}\n')  # (a JSON file that holds no items)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    main(["check", "--no-cache", "--format", fmt, "--since", "HEAD"])
    out, err = capsys.readouterr()
    said = ("bib/more.bib: this change adds a bibliography file that the settings do not list (bibliography in "
            "litreview.toml), so its entries were not checked: add it to that list")
    assert said in err
    assert "notes.json" not in err + out
    if fmt == "github":
        assert "::warning file=bib/more.bib,title=litreview check::" in out
        summary = (tmp_path / "summary.md").read_text(encoding="utf-8")  # the run's page says it too
        assert "Not checked: `bib/more.bib`" in summary
    if fmt == "json":
        assert json.loads(out)["summary"]["unlisted"] == ["bib/more.bib"]
        assert main(["check", "--help"]) == 0
        assert "unlisted" in capsys.readouterr().out
