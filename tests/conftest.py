"""Shared fixtures: paths to the repository, the scenario cases and the shared folder; git helpers."""

from __future__ import annotations

import errno
import ipaddress
import os
import shutil
import socket
import subprocess
from pathlib import Path

# The test helpers' package, bound to the name "fuzz" before a test puts bench/ first on sys.path: bench/fuzz.py
# (the long campaign) would otherwise shadow it for the test files run after that one.
import fuzz  # noqa: F401
import pytest
from hypothesis import settings

# Property tests: no time limit per example (speed is measured in bench/, and a loaded machine is slow);
# in CI the examples are drawn from a fixed seed, so a pull request's run does not fail on a draw no one
# can reproduce; elsewhere each run draws afresh and keeps what failed in .hypothesis/.
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
SHARED = ROOT.parent / "shared"


_LOCAL_NAMES = {"localhost", "", None}


def _local(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _no_job_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test run in GitHub Actions never adds to its own job's summary (a test sets the variable it needs)."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never touch the network: a name or address other than the loopback is unreachable."""
    real_getaddrinfo, real_connect, real_connect_ex = socket.getaddrinfo, socket.socket.connect, socket.socket.connect_ex

    def refuse(host: object) -> OSError:
        return OSError(errno.ENETUNREACH, f"tests never touch the network (tried {host!r})")

    def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not _local(host):
            raise socket.gaierror(socket.EAI_NONAME, f"tests never touch the network (tried {host!r})")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self, address):  # type: ignore[no-untyped-def]
        if isinstance(address, tuple) and not _local(address[0]):
            raise refuse(address[0])
        return real_connect(self, address)

    def connect_ex(self, address):  # type: ignore[no-untyped-def]
        if isinstance(address, tuple) and not _local(address[0]):
            return errno.ENETUNREACH
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)


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


# -- the fake registry, shared by the registry tests ------------------------------------------------

@pytest.fixture
def fake():
    """A fake registry on 127.0.0.1 with the tests' generous limits (a test file may define its own)."""
    from litreview.testing.fake_registry import FakeRegistry
    from litreview.testing.helpers import FAKE_LIMITS

    with FakeRegistry(limits=FAKE_LIMITS) as server:
        yield server


def config_for(fake, tmp_path: Path, **settings):
    """Settings for a project in ``tmp_path`` whose registries are all ``fake``; registry settings
    (``openalex_api_key=...``) included."""
    from litreview.config import make_config

    return fake.configure(make_config(root=tmp_path, metadata="metadata", mailto="t@example.org", **settings))
