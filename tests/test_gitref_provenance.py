"""SARIF's versionControlProvenance: the origin's address as an absolute URI with no credentials in it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from litreview.checks.gitref import provenance, repository_uri

ROOT = Path("/home/team/paper")


@pytest.mark.parametrize(("url", "uri"), [
    ("https://github.com/o/r.git", "https://github.com/o/r.git"),
    ("https://user:p@ss@github.com/o/r.git", "https://github.com/o/r.git"),  # the password holds an @
    ("https://github.com/o/r?private_token=abc", "https://github.com/o/r"),
    ("https://github.com/o/r.git#frag", "https://github.com/o/r.git"),
    ("ssh://git@example.org:2222/team/paper.git", "ssh://example.org:2222/team/paper.git"),
    ("git@github.com:o/r.git", "ssh://github.com/o/r.git"),
    ("oauth2:glpat-XYZ@gitlab.com:g/r.git", "ssh://gitlab.com/g/r.git"),
    ("/srv/git/paper.git", "file:///srv/git/paper.git"),
    ("../up.git", "file:///home/team/up.git"),
    ("C:/repos/x", "file:///C:/repos/x"),
    ("C:\\repos\\x", "file:///C:/repos/x"),
])
def test_the_origin_is_an_absolute_uri_without_credentials(url: str, uri: str) -> None:
    assert repository_uri(url, ROOT) == uri


@pytest.mark.parametrize("url", ["https://host:notaport/o/r", "host:"])
def test_an_origin_no_uri_can_be_made_of_is_left_out(url: str) -> None:
    assert repository_uri(url, ROOT) is None

    def runner(args: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        out = {"config": url, "rev-parse": "c" * 40, "symbolic-ref": "main"}[args[1]]
        return subprocess.CompletedProcess(args, 0, out.encode() + b"\n", b"")

    assert provenance(ROOT, runner) == {}
