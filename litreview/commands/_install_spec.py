"""How a CI job installs the litreview that wrote its workflow: a PEP 508 direct reference read from the
running distribution's PEP 610 ``direct_url.json``, never the bare name from a package index.

Only URLs a CI runner can reach and a shell or YAML cannot misread are used (https, ssh; no file:,
no query, no credentials); anything else leaves no requirement and the caller says what to write.
"""

from __future__ import annotations

import json
import re
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from ..checks.gitref import SHA, Runner, commit_of, run_git

NAME = "litreview"
_VCS = {"git", "hg", "svn", "bzr"}
_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
_USER = re.compile(r"[A-Za-z0-9._-]+")
_PATH = re.compile(r"/[A-Za-z0-9._~/%+-]*")  # no @ (pip reads a revision after it), no quotes, braces or spaces
_HASH = re.compile(r"(sha256|sha384|sha512)=[0-9a-fA-F]{64,128}")
_SUBDIR = re.compile(r"[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*")
_SCP_LIKE = re.compile(r"(?P<user>[^@/:]+)@(?P<host>[^@/:]+):(?P<path>[^:].*)")


class Requirement(NamedTuple):
    """What the workflow installs, or why nothing could be said."""

    spec: str | None
    """``litreview @ URL``, safe to place in YAML and a shell; None when no reachable source is known."""
    note: str
    """Where it came from and what the user must do (push the commit, write the requirement)."""


def reachable_url(url: str, *, schemes: frozenset[str] = frozenset({"https", "ssh"})) -> str | None:
    """``url`` rebuilt from checked parts (scheme, ssh user, host, port, path; no password, token, query or
    fragment), or None when a CI runner could not reach it (file:, http:, a local path) or it holds
    characters a shell, YAML or pip would read otherwise. An scp-like ``git@host:owner/repo`` is ssh."""
    if (scp := _SCP_LIKE.fullmatch(url)) is not None and "://" not in url:
        url = f"ssh://{scp.group('user')}@{scp.group('host')}/{scp.group('path').lstrip('/')}"
    try:
        parts = urlsplit(url)
        host, port, user = parts.hostname or "", parts.port, parts.username
    except ValueError:
        return None
    scheme = parts.scheme.lower().removeprefix("git+")
    if scheme not in schemes or not _HOST.fullmatch(host) or not _PATH.fullmatch(parts.path) or parts.path == "/":
        return None
    if parts.query or parts.fragment:
        return None
    who = f"{user}@" if scheme == "ssh" and user and _USER.fullmatch(user) else ""  # git@; a password is dropped
    return f"{scheme}://{who}{host}{'' if port is None else f':{port}'}{parts.path}"


def _subdirectory(value: Any) -> str | None:
    """``#subdirectory=...`` for a project below the repository's top, "" at the top, None when unsafe."""
    if not value:
        return ""
    value = str(value).strip("/")
    if not _SUBDIR.fullmatch(value) or ".." in value.split("/"):
        return None
    return f"#subdirectory={value}"


def from_direct_url(info: dict[str, Any], runner: Runner = subprocess.run) -> Requirement:
    """The requirement PEP 610's ``direct_url.json`` (``info``) gives: a VCS commit, an archive (with its
    hash), or a local folder that is a git checkout with a reachable remote (its HEAD, to be pushed)."""
    url = info.get("url")
    if not isinstance(url, str):
        return Requirement(None, "its installation record names no URL")
    subdir = _subdirectory(info.get("subdirectory"))
    if subdir is None:
        return Requirement(None, f"its installation record names an unusual subdirectory {info.get('subdirectory')!r}")
    if isinstance(vcs := info.get("vcs_info"), dict):
        kind, commit = vcs.get("vcs"), vcs.get("commit_id")
        remote = reachable_url(url, schemes=frozenset({"https", "ssh"}))
        if kind not in _VCS or not isinstance(commit, str) or not SHA.fullmatch(commit) or remote is None:
            return Requirement(None, f"it was installed from {json.dumps(url)}, which a CI runner cannot reach "
                                     "or which is not a plain https or ssh URL with a commit")
        return Requirement(f"{NAME} @ {kind}+{remote}@{commit}{subdir}", f"installed from {remote} at {commit}")
    if isinstance(archive := info.get("archive_info"), dict):
        remote = reachable_url(url, schemes=frozenset({"https"}))
        if remote is None:
            return Requirement(None, f"it was installed from the archive {json.dumps(url)}, which a CI runner cannot "
                                     "reach or which is not a plain https URL")
        hashes = archive.get("hashes")
        named = [f"{algo}={value}" for algo, value in sorted((hashes if isinstance(hashes, dict) else {}).items())
                 if isinstance(value, str)]
        digest = next((h for h in [*named, str(archive.get("hash", ""))] if _HASH.fullmatch(h)), "")
        fragment = "&".join(part.lstrip("#") for part in (digest, subdir) if part)
        return Requirement(f"{NAME} @ {remote}{'#' if fragment else ''}{fragment}", f"installed from {remote}")
    if isinstance(info.get("dir_info"), dict) and url.startswith("file:"):
        return _from_checkout(Path(unquote(urlsplit(url).path)), runner)
    return Requirement(None, "its installation record is of a kind not known")


def _from_checkout(folder: Path, runner: Runner) -> Requirement:
    """A local folder: its git checkout's HEAD at a remote a runner can reach (origin first)."""
    from ..errors import InputError

    try:
        top = run_git(runner, ["git", "rev-parse", "--show-toplevel"], folder) if folder.is_dir() else None
        commit = commit_of("HEAD", folder, runner) if top is not None and top.returncode == 0 else ""
    except InputError:  # git is not installed
        top, commit = None, ""
    if top is None or top.returncode != 0 or not commit:
        return Requirement(None, f"it was installed from the folder {folder}, which is not a git checkout with a commit")
    root = Path(top.stdout.decode("utf-8", "replace").strip()).resolve()
    here = folder.resolve()
    subdir = _subdirectory(here.relative_to(root).as_posix() if here != root and here.is_relative_to(root) else "")
    names = run_git(runner, ["git", "remote"], folder).stdout.decode("utf-8", "replace").split()
    for name in (["origin"] if "origin" in names else []) + [name for name in names if name != "origin"]:
        got = run_git(runner, ["git", "config", "--get", f"remote.{name}.url"], folder)
        remote = reachable_url(got.stdout.decode("utf-8", "replace").strip()) if got.returncode == 0 else None
        if remote is not None and subdir is not None and SHA.fullmatch(commit):
            return Requirement(f"{NAME} @ git+{remote}@{commit}{subdir}",
                               f"the commit {commit[:12]} of {folder}, at its remote {name} ({remote}): push it "
                               "there before the workflow runs")
    return Requirement(None, f"it was installed from the folder {folder}, whose git checkout has no remote a CI "
                             "runner could reach (an https or ssh URL)")


def _runs_from(dist: metadata.Distribution, info: dict[str, Any], package: Path) -> bool:
    """True when ``dist`` is the litreview running now (at ``package``): an installed copy beside its
    metadata, or the folder its record names (an editable install), not another one on the path."""
    package = package.resolve()
    if isinstance(info.get("dir_info"), dict) and str(info.get("url", "")).startswith("file:"):
        folder = Path(unquote(urlsplit(str(info["url"])).path)).resolve()
        return package.is_relative_to(folder)
    return Path(str(dist.locate_file(NAME))).resolve() == package


def running_requirement(dist: metadata.Distribution | None = None, package: Path | None = None,
                        runner: Runner = subprocess.run) -> Requirement:
    """The requirement that installs the litreview running now (``dist`` and ``package``: its
    distribution and its package folder, found when not given)."""
    if package is None:
        package = Path(__file__).resolve().parent.parent
    if dist is None:
        try:
            dist = metadata.distribution(NAME)
        except metadata.PackageNotFoundError:
            return Requirement(None, "litreview runs from a folder with no installation record")
    text = dist.read_text("direct_url.json")
    if not text:
        return Requirement(None, "it was installed from a package index, which says nothing of where its "
                                 "source is")
    try:
        info = json.loads(text)
    except ValueError:
        return Requirement(None, "its installation record (direct_url.json) cannot be read")
    if not isinstance(info, dict) or not _runs_from(dist, info, package):
        return Requirement(None, "the litreview running is not the one its installation record describes")
    return from_direct_url(info, runner)


__all__ = ["Requirement", "from_direct_url", "reachable_url", "running_requirement"]
