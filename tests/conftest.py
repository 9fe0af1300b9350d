"""Shared fixtures: paths to the repository, the scenario cases and the shared folder; git helpers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def cases() -> Path:
    return CASES


@pytest.fixture
def shared() -> Path:
    """The shared folder beside the clone; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared/ is not beside this clone (it holds the seed essay, fixtures and corpus)")
    return SHARED


def git(cwd: Path, *args: str) -> None:
    """Run git in ``cwd`` as a test author (no global git configuration needed)."""
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=cwd,
                   check=True, capture_output=True)


def git_repo(folder: Path, *, tag: str | None = "base") -> Path:
    """Make ``folder`` a git repository with its files committed as "base" (and tagged); skips without git."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "base")
    if tag:
        git(folder, "tag", tag)
    return folder
