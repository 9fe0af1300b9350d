"""Pull-request scope (``check --since REF``): keep findings on what changed since a git ref.

An entry is in scope when it is new or any field changed; a claim when its sentence
is not in the old essay; a duplicate when either of the two entries is; a file-level
finding when its line is new. ``git_show`` and ``merge_base`` read git (the only I/O
here); everything else is pure.
"""

from __future__ import annotations

import difflib
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Bibliography, Essay, Finding

Runner = Callable[..., Any]
_DUPLICATE_CODES = frozenset({"LR106", "LR107"})
_GIT_HINT = "fetch the base first (git fetch origin main); in GitHub Actions use actions/checkout with fetch-depth: 0"


@dataclass(frozen=True, slots=True)
class Scope:
    """What changed since the base: entry keys, claim ids and new lines per file."""

    keys: frozenset[str] = frozenset()
    """Entries added or changed."""
    claims: frozenset[str] = frozenset()
    """Claims whose sentence is new or reworded."""
    lines: Mapping[str, frozenset[int]] = field(default_factory=dict)
    """File (as findings name it) -> 1-based lines added or changed."""
    duplicate_of: Mapping[str, str] = field(default_factory=dict)
    """Key of an entry reported as a duplicate (LR106, LR107) -> key of the earlier entry it copies."""
    essay_file: str | None = None
    """The essay, as findings name it: a line there is a whole paragraph, so its claims decide."""

    def covers(self, f: Finding) -> bool:
        """True when the finding concerns something the change touched."""
        if (f.key and f.key in self.keys) or (f.claim_id and f.claim_id in self.claims):
            return True
        # A copy added above the entry it duplicates is reported on the old entry.
        if f.code in _DUPLICATE_CODES and f.key and self.duplicate_of.get(f.key) in self.keys:
            return True
        if f.claim_id and f.file == self.essay_file:
            return False  # an untouched sentence in an edited paragraph
        return bool(f.file and f.line and f.line in self.lines.get(f.file, ()))

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if self.covers(f)]


def changed_lines(old: str | None, new: str) -> frozenset[int]:
    """1-based lines of ``new`` that are not in ``old`` (all of them when there was no old file)."""
    new_lines = new.splitlines()
    if old is None:
        return frozenset(range(1, len(new_lines) + 1))
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new_lines, autojunk=False)
    out: set[int] = set()
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            out.update(range(j1 + 1, j2 + 1))
    return frozenset(out)


def changed_entries(old: Bibliography | None, new: Bibliography) -> frozenset[str]:
    """Keys of entries that are new, or whose type or fields differ from the old file's."""
    if old is None:
        return frozenset(new.keys)
    before = {s.key: (s.type, dict(s.fields)) for s in old.sources}
    return frozenset(s.key for s in new.sources if before.get(s.key) != (s.type, dict(s.fields)))


def changed_claims(old_text: str | None, essay: Essay) -> frozenset[str]:
    """Ids of claims whose sentence (spacing aside) does not occur in the old essay."""
    if old_text is None:
        return frozenset(c.id for c in essay.claims)
    old = " ".join(old_text.split())
    return frozenset(c.id for c in essay.claims if " ".join(c.text.split()) not in old)


def build_scope(new_bib: Bibliography, old_bib: Bibliography | None, essay: Essay | None,
                old_essay: str | None, texts: Mapping[str, tuple[str | None, str]],
                essay_file: str | None = None) -> Scope:
    """The scope from old and new versions; ``texts`` maps finding file names to (old, new) text."""
    from .bib import duplicate_pairs

    return Scope(
        keys=changed_entries(old_bib, new_bib),
        claims=changed_claims(old_essay, essay) if essay is not None else frozenset(),
        lines={name: changed_lines(old, new) for name, (old, new) in texts.items()},
        duplicate_of={copy.key: first.key for _code, copy, first in duplicate_pairs(new_bib.sources)},
        essay_file=essay_file,
    )


def _run(runner: Runner, args: list[str], cwd: Path) -> Any:
    try:
        return runner(args, cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("--since needs git, which is not installed", hint="install git, or drop --since") from None


def verify_ref(ref: str, cwd: Path, runner: Runner = subprocess.run) -> None:
    """Raise InputError unless ``ref`` names a commit in the repository at ``cwd``."""
    if ref.startswith("-"):
        raise InputError(f"--since {ref!r} is not a git ref", hint="e.g. --since origin/main")
    proc = _run(runner, ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip() if proc.stderr else ""
        if "not a git repository" in detail:
            raise InputError("--since needs a git repository", path=str(cwd), hint="run it inside the checkout")
        raise InputError(f"--since: unknown git ref {ref!r}", hint=_GIT_HINT)


def merge_base(ref: str, cwd: Path, runner: Runner = subprocess.run) -> str:
    """Where the current branch left ``ref`` (as ``git diff REF...``), or ``ref`` when there is none.

    Comparing with the branch point keeps what the base gained since out of the change.
    """
    proc = _run(runner, ["git", "merge-base", ref, "HEAD"], cwd)
    if proc.returncode == 0 and proc.stdout.strip():
        return proc.stdout.decode("ascii", "replace").strip()
    return ref


def git_show(ref: str, path: Path, runner: Runner = subprocess.run) -> str | None:
    """The file's text at ``ref``, or None when the file did not exist there."""
    proc = _run(runner, ["git", "show", f"{ref}:./{path.name}"], path.parent)
    if proc.returncode == 0:
        return proc.stdout.decode("utf-8", "replace").removeprefix("\ufeff")
    detail = proc.stderr.decode("utf-8", "replace").strip()
    if "exists on disk, but not in" in detail or "does not exist in" in detail:
        return None
    raise InputError(f"--since: cannot read {path.name} at {ref}: {detail}", path=str(path), hint=_GIT_HINT)
