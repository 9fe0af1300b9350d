"""Shared fixtures: paths to the repository, the scenario cases and the shared folder."""

from __future__ import annotations

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
