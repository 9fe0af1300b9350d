"""The pre-commit hook and the GitHub workflow: valid YAML, real commands, and what they check."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import tomllib
from importlib import resources
from pathlib import Path

import pytest
import yaml
from conftest import git_repo

from litreview.cli import main

ROOT = Path(__file__).parents[1]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
WORKFLOW = ROOT / ".github" / "workflows" / "review.yml"
SCOPE_CASE = Path(__file__).parent / "cases" / "checks_scope"


def scripts() -> dict[str, str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]


def hook() -> dict:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == "litreview-check")


def workflow() -> dict:
    # PyYAML reads the key `on` as True.
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


# Every kind of file a review reads: essays of each form, bibliographies, claims, snapshot, settings.
REVIEW_FILES = ("refs/bibliography.bib", "refs/essay.md", "refs/claims.yaml", "refs/metadata/doi/x.json",
                "paper.tex", "parts/intro.ltx", "chapter.qmd", "index.Rmd", "notes.rmd", "_quarto.yml",
                "content/01.intro.md", "content/citation-tags.tsv", "refs.bibtex", "refs.JSON", "refs.yaml",
                "litreview.toml", "pyproject.toml")


def test_hook_runs_the_installed_command_on_review_files() -> None:
    h = hook()
    assert h["language"] == "python" and h["pass_filenames"] is False
    assert shlex.split(h["entry"])[0] in scripts()
    # The hook this repository offers and the one `init --pre-commit` writes watch the same files.
    local = yaml.safe_load(resources.files("litreview").joinpath("templates", "pre-commit-config.yaml")
                           .read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    for files in (re.compile(h["files"]), re.compile(local["files"])):
        for name in REVIEW_FILES:
            assert files.search(name), name
        assert not files.search("litreview/cli.py")


@pytest.mark.slow
def test_hook_blocks_a_commit_only_for_its_own_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys) -> None:
    # The base already has an error (protocol2007modern has no author): committing an unrelated
    # edit must pass; committing a new entry that lacks a field must not.
    shutil.copytree(SCOPE_CASE / "base", tmp_path, dirs_exist_ok=True)
    git_repo(tmp_path, tag=None)
    monkeypatch.chdir(tmp_path)
    for name in ("PRE_COMMIT", "PRE_COMMIT_FROM_REF", "PRE_COMMIT_TO_REF"):  # a commit, not a CI run
        monkeypatch.delenv(name, raising=False)
    argv = [*shlex.split(hook()["entry"])[1:], *hook().get("args", []), "--no-cache"]
    assert main(["check", "--no-cache"]) == 1  # the whole review has an old error
    (tmp_path / "README.md").write_text("Notes.\n", encoding="utf-8")
    assert main(argv) == 0
    shutil.copytree(SCOPE_CASE / "change", tmp_path, dirs_exist_ok=True)
    assert main(argv) == 1
    assert "treverton2006toward" in capsys.readouterr().out


def test_workflow_checks_pull_requests_against_their_base_with_history() -> None:
    wf = workflow()
    assert "pull_request" in wf[True] and wf[True]["push"]["branches"] == ["main"]
    steps = wf["jobs"]["check"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # --since needs the base branch's commits
    runs = [s["run"] for s in steps if "run" in s]
    check = next(r for r in runs if "--since" in r)
    assert check == 'litreview check --format github --since "origin/$BASE_REF"'
    assert next(s for s in steps if s.get("run") == check)["env"]["BASE_REF"] == "${{ github.base_ref }}"


def test_workflow_commands_exist_and_parse() -> None:
    wf = workflow()
    runs = [s["run"] for job in wf["jobs"].values() for s in job.get("steps", []) if "run" in s]
    calls = [r.split("||")[0].strip() for r in runs if r.startswith("litreview ")]
    assert {c.split()[1] for c in calls} == {"check", "build"}
    for call in calls:
        args = [a for a in shlex.split(call)[1:] if "$" not in a]
        args = [a if a != "--since" else "--since=HEAD" for a in args]
        assert main([*args, "--help"]) == 0, call
    assert wf["jobs"]["scan"]["permissions"]["security-events"] == "write"


def test_workflow_publishes_only_from_main() -> None:
    wf = workflow()
    assert wf["jobs"]["deploy"]["needs"] == "site"
    assert wf["jobs"]["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    # Cancelling a running publication would leave Pages half-deployed.
    assert wf["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


# The first major of each action that runs on Node 24 (GitHub stopped running Node 20 actions in 2026),
# and CodeQL Action v4 (v3 is deprecated in December 2026).
NODE24 = {"actions/checkout": 5, "actions/setup-python": 6, "actions/upload-artifact": 6,
          "actions/configure-pages": 6, "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5,
          "github/codeql-action/upload-sarif": 4}


def shipped_workflows() -> dict[str, str]:
    files = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / ".github" / "workflows").glob("*.yml")}
    files["template review.yml"] = resources.files("litreview").joinpath("templates", "review.yml").read_text(
        encoding="utf-8")
    return files


def test_shipped_workflows_use_actions_that_still_run() -> None:
    used = [(name, m.group(1), int(m.group(2))) for name, text in shipped_workflows().items()
            for m in re.finditer(r"uses: ([\w./-]+)@v(\d+)", text)]
    assert {action for _, action, _ in used} <= set(NODE24)
    assert [(name, action, major) for name, action, major in used if major < NODE24[action]] == []


def test_the_written_workflow_publishes_from_the_default_branch_whatever_its_name() -> None:
    # A repository whose default branch is master never ran the scan, the build or the deployment.
    wf = yaml.safe_load(resources.files("litreview").joinpath("templates", "review.yml").read_text(encoding="utf-8"))
    assert "master" in wf[True]["push"]["branches"] and "main" in wf[True]["push"]["branches"]
    assert wf["jobs"]["deploy"]["if"] == "github.ref_name == github.event.repository.default_branch"
    assert wf["jobs"]["scan"]["permissions"] == {"contents": "read", "security-events": "write", "actions": "read"}


def test_the_written_workflow_checks_what_a_merge_queue_merges() -> None:
    # A required check that never runs on merge_group leaves every pull request waiting in the queue.
    wf = yaml.safe_load(resources.files("litreview").joinpath("templates", "review.yml").read_text(encoding="utf-8"))
    assert "merge_group" in wf[True]
    assert "merge_group" in wf["jobs"]["check"]["if"] and "pull_request" in wf["jobs"]["check"]["if"]
    assert all("merge_group" not in wf["jobs"][job]["if"] and "pull_request" not in wf["jobs"][job]["if"]
               for job in ("scan", "site"))
    step = next(s for s in wf["jobs"]["check"]["steps"] if "--since" in s.get("run", ""))
    assert step["env"]["BASE_REF"] == "${{ github.base_ref || github.event.merge_group.base_ref }}"
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    for given in ("main", "refs/heads/main"):  # a pull request's base_ref, a merge group's base_ref
        ref = subprocess.run(["bash", "-c", step["run"].replace("litreview check --format github --since", "echo")],
                             env={"BASE_REF": given}, capture_output=True, text=True, check=True).stdout
        assert ref == "origin/main\n"
