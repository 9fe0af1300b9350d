"""What ``check --since REF`` compares with, asked of git: the commit REF names, where the branch left it,
and what to do when the clone lacks it (a shallow clone, a remote not fetched, a range, a reflog entry).
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path, PureWindowsPath
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError

Runner = Callable[..., Any]
CI_DEPTH = "in GitHub Actions use actions/checkout with fetch-depth: 0, in GitLab CI set GIT_DEPTH: 0"
SHA = re.compile(r"[0-9a-fA-F]{7,64}")
_ANCESTRY = re.compile(r"(.+?)(?:~\d*|\^\d*)+")  # HEAD~3, main^2, origin/main^: a commit counted back from another
_DEFAULT_BRANCHES = ("main", "master")  # the names a repository's first branch is given
_HUNK = re.compile(r"@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def run_git(runner: Runner, args: list[str], cwd: Path, **kwargs: Any) -> Any:
    """``git ARGS`` in ``cwd``, its output captured; InputError when git is not installed."""
    try:
        return runner(args, cwd=cwd, capture_output=True, check=False, **kwargs)
    except FileNotFoundError:
        raise InputError("--since needs git, which is not installed", hint="install git, or drop --since") from None


def since_ref(ref: str) -> str:
    """The commit ``--since`` compares with: ``A...``, ``A...HEAD``, ``A..`` and ``A..HEAD`` (git's
    spellings of "this branch since A", as in ``git diff A...HEAD``) name A. A range that ends elsewhere
    is an InputError: the other side is always the working tree; so is an empty ref (a CI variable not set
    in this kind of run), which would otherwise check the whole review as if --since were not given."""
    if not ref.strip():
        raise InputError("--since was given an empty ref: the variable that names the base may not be set in this "
                         "kind of run (GitHub sets GITHUB_BASE_REF on pull_request events, GitLab "
                         "CI_MERGE_REQUEST_DIFF_BASE_SHA in merge request pipelines)",
                         hint="e.g. --since origin/main; leave --since out to check the whole review")
    for dots in ("...", ".."):
        start, sep, end = ref.partition(dots)
        if sep:
            if start and end in ("", "HEAD", "@"):
                return start
            raise InputError(f"--since {ref!r} is a range; --since takes where the change starts "
                             f"(the other side is the working tree)",
                             hint=f"e.g. --since {start}; check out {end} first to check it" if start
                             else "e.g. --since origin/main")
    return ref


def fetch_command(remote: str, branch: str, *options: str) -> str:
    """The ``git fetch`` that brings ``branch`` from ``remote`` as ``remote/branch``. The destination is named: a
    single-branch clone (``git clone --depth 1 --branch X``, a CI checkout) maps no other branch in its fetch setting,
    so ``git fetch origin main`` alone would only set FETCH_HEAD and origin/main would stay unknown."""
    return " ".join(["git fetch", *options, remote, f"{branch}:refs/remotes/{remote}/{branch}"])


def _shallow(cwd: Path, runner: Runner) -> bool:
    """True when the clone at ``cwd`` is shallow (its history cut off, as CI services clone)."""
    proc = run_git(runner, ["git", "rev-parse", "--is-shallow-repository"], cwd)
    return bool(proc.returncode == 0 and proc.stdout.strip() == b"true")


def _near_ref(ref: str, cwd: Path, runner: Runner) -> str:
    """The branch or tag of this clone that ``ref`` most probably means, else '': the same branch at another remote
    (``upstream/main`` for ``origin/main`` in a fork's clone that names the original ``upstream``), a branch held only
    at its remote (``origin/main`` for ``main`` in CI's checkout of a pull request), the first branch by its other
    name (``master`` for ``main``), else the one name a slip away (``upstream/mian``)."""
    proc = run_git(runner, ["git", "for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes", "refs/tags"], cwd)
    if proc.returncode != 0:
        return ""
    names = [name.removeprefix(prefix) for name in proc.stdout.decode("utf-8", "replace").split()
             for prefix in ("refs/heads/", "refs/remotes/", "refs/tags/") if name.startswith(prefix)
             and not name.endswith("/HEAD")]
    remote, sep, branch = ref.partition("/")
    if sep and branch and (elsewhere := [n for n in names if n != ref and n.partition("/")[2] == branch]):
        return elsewhere[0] if len(elsewhere) == 1 else ""
    if not sep and (tracked := [n for n in names if n.partition("/")[2] == ref]):  # main held as origin/main alone
        return tracked[0] if len(tracked) == 1 else ""
    if (branch if sep else ref) in _DEFAULT_BRANCHES:  # main for master, as git init and hosts name it
        others = [b for b in _DEFAULT_BRANCHES if b != (branch if sep else ref)]
        for wanted in ([f"{remote}/{b}" for b in others] if sep else others):
            if wanted in names:
                return wanted
        remotes = [n for n in names if n.partition("/")[2] in others]
        if len(remotes) == 1:
            return remotes[0]
    close = difflib.get_close_matches(ref, names, n=2, cutoff=0.75)
    return close[0] if len(close) == 1 else ""


def _ref_hint(ref: str, cwd: Path, runner: Runner) -> str:
    """What to do about a ref this clone does not have: the one it has that was meant, or fetch it from its remote,
    or add the remote."""
    near = "" if "@{" in ref or ":" in ref or SHA.fullmatch(ref) or _ANCESTRY.fullmatch(ref) else _near_ref(
        ref, cwd, runner)
    hint = _fetch_hint(ref, cwd, runner)
    return f"did you mean --since {near}? Else {hint}" if near else hint


def _fetch_hint(ref: str, cwd: Path, runner: Runner) -> str:
    """How to get a ref this clone does not have: fetch it from its remote, or add the remote."""
    remote, sep, branch = ref.partition("/")
    if re.search(r"@\{(u|upstream|push)\}$", ref, re.IGNORECASE):  # what this branch tracks
        return "name the base instead, e.g. --since origin/main (or set it: git branch --set-upstream-to origin/main)"
    if "@{" in ref:  # a reflog entry (main@{1}, @{yesterday}): a fresh clone's reflog is nearly empty
        return f"the reflog has no such entry (git reflog {ref.partition('@{')[0] or 'HEAD'} lists them): name a commit"
    if ref.startswith(":/"):  # git's search of commit messages
        return f"no commit's message matches {ref[2:]!r} (git log --oneline lists them): name a branch, tag or commit"
    if ":" in ref:  # REV:PATH, a file in a commit: fetching it as a branch would write a branch named PATH
        return f"{ref!r} names a file in a commit, not a commit: give --since {ref.partition(':')[0] or 'HEAD'}"
    if not commit_of("HEAD", cwd, runner):
        return ("this repository has no commit yet, so it holds no branch or commit to compare with: commit "
                "first, or give --since HEAD (a first commit is checked whole)")
    if SHA.fullmatch(ref):
        if _shallow(cwd, runner):
            return f"this clone is shallow: fetch the history first (git fetch --unshallow origin); {CI_DEPTH}"
        return "fetch the branch that holds this commit first (git fetch origin BRANCH)"
    if (walk := _ANCESTRY.fullmatch(ref)) and commit_of(stem := walk.group(1), cwd, runner):
        if _shallow(cwd, runner):
            return (f"this clone is shallow: its history stops before {ref} (git fetch --deepen=N origin, or git "
                    f"fetch --unshallow origin); {CI_DEPTH}")
        count = run_git(runner, ["git", "rev-list", "--count", stem], cwd).stdout.decode("ascii", "replace").strip()
        held = "1 commit" if count == "1" else f"{count or 'its'} commits"
        return f"{stem}'s history holds no commit {ref} names ({held}: git log --oneline --graph {stem} shows them)"
    if sep and not branch:  # origin/$BASE with the variable empty
        return (f"{ref!r} names no branch: the variable after {ref!r} may not be set in this kind of run (GitHub sets "
                "GITHUB_BASE_REF on pull_request events only)")
    if not sep:
        return f"check the name (git branch -a and git tag list them), or fetch it first; {CI_DEPTH}"
    proc = run_git(runner, ["git", "remote"], cwd)
    remotes = proc.stdout.decode("utf-8", "replace").split() if proc.returncode == 0 and proc.stdout else []
    if remote in remotes:
        if _shallow(cwd, runner):  # the branch point is missing too: one fetch for both
            return (f"this clone is shallow: fetch the branch and the history "
                    f"({fetch_command(remote, branch, '--unshallow')}); {CI_DEPTH}")
        return f"fetch it first ({fetch_command(remote, branch)}); {CI_DEPTH}"
    return (f"no branch {ref!r} here (git branch -a lists them) and no remote named {remote!r} (git remote -v): "
            f"add that remote (git remote add {remote} URL) and fetch it ({fetch_command(remote, branch)}), or fetch "
            "the branch by its URL and give --since FETCH_HEAD")


def verify_ref(ref: str, cwd: Path, runner: Runner = subprocess.run) -> bool:
    """True when ``ref`` names a commit in the repository at ``cwd``; False when it is ``HEAD`` of a
    repository with no commit yet (a first commit: nothing was there before it). Else InputError."""
    if ref.startswith("-"):
        raise InputError(f"--since {ref!r} is not a git ref", hint="e.g. --since origin/main")
    proc = run_git(runner, ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip() if proc.stderr else ""
        if "not a git repository" in detail:
            raise InputError("--since needs a git repository", path=str(cwd), hint="run it inside the checkout")
        if detail:  # --quiet keeps an unknown ref silent: git refuses the repository, or this ref (@{u})
            said, *advice = [line.strip() for line in detail.splitlines() if line.strip()]
            if "safe.directory" in detail or "ownership" in detail:
                raise InputError(f"--since: git cannot read the repository: {said}", path=str(cwd),
                                 hint=" ".join(advice) or "run git status there to see why")
            raise InputError(f"--since {ref}: git says {said.removeprefix('fatal: ')}",
                             hint=" ".join(advice) or _ref_hint(ref, cwd, runner))
        if ref in ("HEAD", "@") and run_git(runner, ["git", "symbolic-ref", "--quiet", "HEAD"], cwd).returncode == 0:
            return False  # HEAD names a branch that has no commit yet
        said = f"commit {ref} is not in this clone" if SHA.fullmatch(ref) else f"unknown git ref {ref!r}"
        raise InputError(f"--since: {said}", hint=_ref_hint(ref, cwd, runner))
    return True


def merge_base(ref: str, cwd: Path, runner: Runner = subprocess.run) -> str | None:
    """Where the current branch left ``ref`` (as ``git diff REF...``); None for unrelated histories.

    Comparing with the branch point keeps what the base gained since out of the change. In a
    shallow clone the branch point may be cut off: comparing with ``ref``'s tip instead would blame
    the change for what the base fixed since, so that is an InputError.
    """
    # While a merge is concluded the working tree holds MERGE_HEAD's changes too: the branch point is the one the
    # merge commit will have (git merge-base REF HEAD MERGE_HEAD), so what a merged base brings is not the change's.
    merging = merge_head(cwd, runner)
    proc = run_git(runner, ["git", "merge-base", ref, "HEAD", *([merging] if merging else [])], cwd)
    if proc.returncode == 0 and proc.stdout.strip():
        return proc.stdout.decode("ascii", "replace").strip()
    if _shallow(cwd, runner):
        raise InputError(f"--since {ref}: where this branch left {ref} is not in this shallow clone",
                         hint=f"fetch the history first (git fetch --unshallow origin); {CI_DEPTH}")
    return None


def commit_of(ref: str, cwd: Path, runner: Runner = subprocess.run) -> str:
    """The commit ``ref`` names ("" when git cannot say)."""
    proc = run_git(runner, ["git", "rev-parse", "--quiet", "--verify", f"{ref}^{{commit}}"], cwd)
    return proc.stdout.decode("ascii", "replace").strip() if proc.returncode == 0 else ""


def merge_head(cwd: Path, runner: Runner = subprocess.run) -> str | None:
    """The commit being merged into HEAD while a merge is concluded (git's MERGE_HEAD), else None."""
    proc = run_git(runner, ["git", "rev-parse", "--quiet", "--verify", "MERGE_HEAD^{commit}"], cwd)
    return (proc.stdout.decode("ascii", "replace").strip() or None) if proc.returncode == 0 else None


def unchanged(cwd: Path, runner: Runner = subprocess.run, *, untracked: bool = False) -> bool:
    """True when no tracked file differs from HEAD, staged or not (False outside a repository); ``untracked``: and
    no file git does not ignore is left untracked (a new chapter not yet added is a change the check reads)."""
    if run_git(runner, ["git", "diff", "--quiet", "HEAD", "--"], cwd).returncode != 0:
        return False
    if not untracked:
        return True
    listed = run_git(runner, ["git", "ls-files", "--others", "--exclude-standard", "-z"], cwd)
    return listed.returncode == 0 and not listed.stdout


def git_toplevel(cwd: Path, runner: Runner = subprocess.run) -> Path:
    """The repository's top folder."""
    proc = run_git(runner, ["git", "rev-parse", "--show-toplevel"], cwd)
    if proc.returncode != 0:
        raise InputError("--since needs a git repository", path=str(cwd), hint="run it inside the checkout")
    return Path(proc.stdout.decode("utf-8", "replace").strip()).resolve()


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_SCP_LIKE = re.compile(r"^(?P<host>[^@/:]+):(?!//)(?P<path>.+)$")
_WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]")


def repository_uri(url: str, root: Path) -> str | None:
    """The origin remote ``url`` as the absolute URI SARIF requires, with no user, password, token, query or fragment
    (scheme, host, port and path only): an scp-like ``user@host:path`` as ``ssh://host/path``, a local path (relative
    ones from the repository's ``root``, a Windows drive's too) as a ``file:`` URI; None when it cannot be one."""
    if _WINDOWS_PATH.match(url):
        return PureWindowsPath(url).as_uri()
    if _SCHEME.match(url):
        try:
            parts = urlsplit(url)
            host, port = parts.hostname or "", parts.port
        except ValueError:
            return None
        host = f"[{host}]" if ":" in host else host
        return f"{parts.scheme}://{host}{'' if port is None else f':{port}'}{parts.path}"
    head = url.split("/", 1)[0]
    if (scp := _SCP_LIKE.match(url[head.rfind("@") + 1:])) is not None:  # the user and token end at the last @
        return f"ssh://{scp.group('host')}/{scp.group('path').lstrip('/')}"
    if ":" in head:  # no scp-like address and no path
        return None
    return Path(os.path.normpath(root / url)).as_uri()


def origin_url(cwd: Path, runner: Runner = subprocess.run, **kwargs: Any) -> str:
    """The URL of the origin remote as git's settings give it; '' when there is none (``kwargs``: ``timeout``)."""
    url = run_git(runner, ["git", "config", "--get", "remote.origin.url"], cwd, **kwargs)
    return url.stdout.decode("utf-8", "replace").strip() if url.returncode == 0 else ""


def provenance(cwd: Path, runner: Runner = subprocess.run) -> dict[str, str]:
    """The working tree's commit as SARIF's ``versionControlDetails`` names it: ``repositoryUri`` (the origin remote,
    without user or token, ``repository_uri``), ``revisionId`` (HEAD) and ``branch``; {} when the repository has no
    origin, no URI can be made of it, or it has no commit (the URI is required)."""
    remote = origin_url(cwd, runner)
    head = commit_of("HEAD", cwd, runner)
    uri = repository_uri(remote, repository_root(cwd) or cwd.resolve()) if remote else None
    if not uri or not head:
        return {}
    details = {"repositoryUri": uri, "revisionId": head}
    branch = run_git(runner, ["git", "symbolic-ref", "--quiet", "--short", "HEAD"], cwd)
    if branch.returncode == 0 and (name := branch.stdout.decode("utf-8", "replace").strip()):
        details["branch"] = name
    return details


def repository_root(start: Path) -> Path | None:
    """The top folder of the git repository holding ``start`` (where ``.git`` is), without running git."""
    here = start.resolve()
    return next((folder for folder in (here, *here.parents) if (folder / ".git").exists()), None)


def changed_lines(commit: str, cwd: Path, files: Sequence[str], runner: Runner = subprocess.run) -> dict[str, set[int]]:
    """The lines of ``files`` (relative to ``cwd``) the working tree added or rewrote since ``commit``, as
    a pull request's diff shows them (``git diff -U0``, renamed files paired); a file git cannot compare is
    left out."""
    # The user's diff settings (external tools, textconv, prefixes, colour) stay out of the line numbers.
    # No pathspec: a renamed file pairs with its old name only when both are in the diff (which is the
    # change's own diff, as small as the pull request).
    proc = run_git(runner, ["git", "-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-ext-diff",
                            "--no-textconv", "--find-renames", "--relative", "--src-prefix=a/", "--dst-prefix=b/",
                            commit], cwd)
    out: dict[str, set[int]] = {}
    if proc.returncode != 0:
        return out
    wanted = set(files)
    lines: set[int] | None = None
    for row in proc.stdout.decode("utf-8", "replace").splitlines():
        if row.startswith("+++ "):
            name = row[6:].removesuffix("\t")  # git ends a name holding a space with a tab
            lines = out.setdefault(name, set()) if row.startswith("+++ b/") and name in wanted else None
        elif lines is not None and (m := _HUNK.match(row)):
            start, count = int(m.group(1)), int(m.group(2) or 1)
            lines.update(range(start, start + count))
    return out

def changed_files(commit: str, cwd: Path, runner: Runner = subprocess.run) -> list[str]:
    """The files (relative to ``cwd``) the working tree added or changed since ``commit``, and those git does not
    track yet (not ignored): where an entry the change took out of a file may have gone."""
    out: list[str] = []
    for args in (["diff", "--name-only", "--no-renames", "--diff-filter=AM", "--relative", "-z", commit],
                 ["ls-files", "--others", "--exclude-standard", "-z"]):
        proc = run_git(runner, ["git", "-c", "core.quotePath=false", *args], cwd)
        if proc.returncode == 0:
            out += [name for name in proc.stdout.decode("utf-8", "replace").split("\0") if name]
    return out


__all__ = ["CI_DEPTH", "Runner", "changed_files", "changed_lines", "commit_of", "git_toplevel", "merge_base", "merge_head", "repository_root", "run_git",
           "since_ref", "unchanged", "verify_ref"]
