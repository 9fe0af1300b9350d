"""Concurrent-writer and kill trials against real `litreview` processes (tests and bench/).

Each trial runs ``python -m litreview ...`` in a scratch project and reports what it
found: a lost update (a decision or entry a process reported as recorded is missing),
a partial file (a file that is neither the old content nor a complete new one), or a
stall (a process that did not end within the trial's deadline: what it was doing, as
the operating system and its own Python stack tell, is kept before it is killed).
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

#: DOIs the fake registry serves from its own records (see fake_data.load_records).
ADD_DOIS = ("10.5555/lr.culture.2005", "10.5555/lr.order.2004", "10.5555/lr.deterrence.2019",
            "10.5072/lr.dataset.1")
#: Seconds a race trial's processes get in all. Every wait in `add` and `links` is bounded far
#: below this (a registry that never answers: about 4 minutes; another writer's lock: 1 minute).
TRIAL_TIMEOUT = 600.0
BASE_BIB = """@book{holsti2004taming,
  author = {Holsti, K. J.},
  title = {Taming the Sovereigns},
  publisher = {Cambridge University Press},
  year = {2004},
}
"""


@dataclass(frozen=True, slots=True)
class Trial:
    """The outcome of one trial."""

    lost: int = 0
    """Updates reported as done (exit 0) but missing from the file."""
    partial: int = 0
    """1 when the file is neither the old content nor a complete new one."""
    replaced: bool = False
    """The file holds a complete new version (the kill came after the rename, or never)."""
    exits: tuple[int, ...] = ()
    detail: str = ""
    stalled: int = 0
    """Processes that had not ended at the deadline (killed; ``detail`` says what they were doing)."""


def litreview(args: list[str], cwd: Path, env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    # PYTHONFAULTHANDLER: SIGABRT makes a stalled process print its Python stack before it dies.
    full = {**os.environ, **env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONFAULTHANDLER": "1"}
    if env:  # the fake registry's records go to a folder of their own, never the real snapshot
        full["LITREVIEW_METADATA_DIR"] = str(cwd / "refs" / "fake-metadata")
    # No terminal as standard input: a child of a harness run as a background job would be
    # stopped (SIGTTIN) by the first read of it.
    return subprocess.Popen([sys.executable, "-m", "litreview", *args], cwd=cwd, env=full,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def add_project(folder: Path) -> Path:
    """A scratch project whose bibliography has one entry."""
    (folder / "refs").mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text('[tool.litreview]\nbibliography = "refs/bibliography.bib"\n'
                                           'metadata = "refs/metadata"\n', encoding="utf-8")
    (folder / "refs" / "bibliography.bib").write_text(BASE_BIB, encoding="utf-8")
    return folder / "refs" / "bibliography.bib"


def _dois_in(path: Path) -> set[str]:
    from ..bibliography.load import load_bibliography

    return {s.doi.lower() for s in load_bibliography(path).sources if s.doi}


def add_race(folder: Path, env: Mapping[str, str], dois: tuple[str, str] = ADD_DOIS[:2], *,
             timeout: float = TRIAL_TIMEOUT) -> Trial:
    """Two `litreview add` at once, each adding one DOI: both must be in the file."""
    bib = add_project(folder)
    procs = [litreview(["add", doi], folder, env) for doi in dois]
    exits, errs, stalled = _finish(procs, timeout)
    present = _dois_in(bib)
    lost = sum(1 for doi, code in zip(dois, exits, strict=True) if code == 0 and doi not in present)
    return Trial(lost=lost, exits=exits, detail="" if not lost and not any(exits) else errs, stalled=stalled)


_LINKS = ["links", "--essay", "essay.md", "--bib", "refs.bib", "--claims", "claims.yaml", "--metadata-dir", "none"]
"""The command the links trials run, on the scratch project of ``_links_project``."""


def _links_project(folder: Path, case: Path) -> Path:
    """A scratch project of the case's essay and bibliography with no claims file yet; the claims file's path."""
    for name in ("essay.md", "refs.bib"):
        (folder / name).write_bytes((case / name).read_bytes())
    claims = folder / "claims.yaml"
    claims.unlink(missing_ok=True)
    return claims


def links_race(folder: Path, case: Path, decisions: list[tuple[str, str]], *,
               timeout: float = TRIAL_TIMEOUT) -> Trial:
    """`litreview links --accept` for each (claim, key) at once: every decision must be recorded."""
    from ..linking.curated import load_curated

    claims = _links_project(folder, case)
    procs = [litreview([*_LINKS, "--accept", claim, key], folder, {}) for claim, key in decisions]
    exits, errs, stalled = _finish(procs, timeout)
    recorded = {(lk.claim_id, lk.source_key) for lk in load_curated(claims).links}
    lost = sum(1 for d, code in zip(decisions, exits, strict=True) if code == 0 and d not in recorded)
    return Trial(lost=lost, exits=exits, detail="" if not lost and not any(exits) else errs, stalled=stalled)


def _finish(procs: list[subprocess.Popen[bytes]], timeout: float = TRIAL_TIMEOUT
            ) -> tuple[tuple[int, ...], str, int]:
    """Wait for every process, reading all their pipes at once, under one deadline.

    Returns the exit statuses, the end of each one's stderr, and how many stalled: a
    process still running at the deadline is described (``describe``), asked for its
    Python stack (SIGABRT, see ``litreview``), then killed.
    """
    out: list[bytes] = [b""] * len(procs)

    def drain(i: int) -> None:
        out[i] = procs[i].communicate()[1]

    readers = [threading.Thread(target=drain, args=(i,), daemon=True) for i in range(len(procs))]
    for r in readers:
        r.start()
    deadline = time.monotonic() + timeout
    notes = [""] * len(procs)
    for i, (p, r) in enumerate(zip(procs, readers, strict=True)):
        r.join(max(0.0, deadline - time.monotonic()))
        if r.is_alive():
            notes[i] = f"no answer in {timeout:.0f} s ({describe(p.pid)}); killed"
            _stop(p, r)
    errs = []
    for note, err in zip(notes, out, strict=True):
        text = err.decode("utf-8", "replace").strip()
        errs.append(f"{note}: {_stack(text)}" if note else text[-200:])
    return tuple(p.returncode for p in procs), " | ".join(errs), sum(1 for n in notes if n)


def _stop(p: subprocess.Popen[bytes], reader: threading.Thread) -> None:
    """SIGABRT (the stack goes to its stderr; SIGCONT lets a stopped process take it), then SIGKILL
    if it is still there (waiting in the kernel)."""
    for signals, wait in (((signal.SIGABRT, signal.SIGCONT), 10.0), ((signal.SIGKILL,), 60.0)):
        for sig in signals:
            if p.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    p.send_signal(sig)
        reader.join(wait)
        if not reader.is_alive():
            return


def describe(pid: int) -> str:
    """What a process is doing, as Linux's /proc says: state, kernel wait channel, CPU used."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2:].split()
        ticks = os.sysconf("SC_CLK_TCK")
        cpu = (int(fields[11]) + int(fields[12])) / ticks
        wchan = Path(f"/proc/{pid}/wchan").read_text().strip() or "-"
    except (OSError, ValueError, IndexError):
        return "state unknown"
    names = {"R": "running", "S": "sleeping", "D": "waiting in the kernel", "T": "stopped", "t": "traced",
             "Z": "exited, not reaped"}
    return f"state {fields[0]} ({names.get(fields[0], '?')}), wchan {wchan}, {cpu:.2f} s CPU"


def _stack(stderr: str) -> str:
    """The innermost frames of the main thread's stack in a faulthandler dump (or the end of stderr)."""
    at = stderr.find("Current thread")
    at = at if at >= 0 else stderr.find("most recent call first")
    if at < 0:
        return stderr[-300:] or "no stack (the process did not run its SIGABRT handler)"
    frames = [ln.strip() for ln in stderr[at:].splitlines()[1:] if ln.strip().startswith("File ")]
    return "stack: " + " <- ".join(frames[:8])


def _kill_at(proc: subprocess.Popen[bytes], delay: float) -> int:
    try:
        proc.communicate(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
    return proc.returncode


def add_kill(folder: Path, env: Mapping[str, str], rng: random.Random, within: float = 2.5) -> Trial:
    """`litreview add` killed with SIGKILL at a random moment: the .bib is old or complete."""
    bib = add_project(folder)
    before = bib.read_bytes()
    code = _kill_at(litreview(["add", *ADD_DOIS], folder, env), rng.uniform(0.0, within))
    after = bib.read_bytes()
    if after == before:
        return Trial(exits=(code,))
    complete = after.startswith(before) and _loads_cleanly(bib) and after.rstrip().endswith(b"}")
    return Trial(partial=0 if complete else 1, replaced=complete, exits=(code,),
                 detail="" if complete else after[-300:].decode())


def _loads_cleanly(path: Path) -> bool:
    from ..bibliography.load import load_bibliography

    try:
        return not [p for p in load_bibliography(path).problems if p.code == "LR100"]
    except Exception:
        return False


def links_kill(folder: Path, case: Path, rng: random.Random, claim: str, key: str, within: float = 3.0) -> Trial:
    """`litreview links --accept` killed at a random moment: claims.yaml is old or complete."""
    from ..linking.curated import load_curated

    claims = _links_project(folder, case)
    proc = litreview([*_LINKS, "--accept", claim, key], folder, {})
    code = _kill_at(proc, rng.uniform(0.0, within))
    if not claims.exists():
        return Trial(exits=(code,))
    try:
        links = load_curated(claims).links
    except Exception as exc:
        return Trial(partial=1, exits=(code,), detail=str(exc))
    ok = [(lk.claim_id, lk.source_key) for lk in links] == [(claim, key)]
    return Trial(partial=0 if ok else 1, replaced=ok, exits=(code,), detail="" if ok else claims.read_text()[-300:])


def fetch_kill(folder: Path, env: Mapping[str, str], rng: random.Random, within: float = 2.5) -> Trial:
    """`litreview fetch` killed at a random moment: every snapshot file is a complete record."""
    import json

    bib = add_project(folder)
    bib.write_text(BASE_BIB + "".join(
        f"@article{{w{i}, author={{Kim, A.}}, title={{Work {i}}}, journal={{J}}, year=2005, doi={{{doi}}}}}\n"
        for i, doi in enumerate(ADD_DOIS)), encoding="utf-8")
    code = _kill_at(litreview(["fetch"], folder, env), rng.uniform(0.0, within))
    broken = []
    for path in sorted((folder / "refs" / "fake-metadata").rglob("*.json")):
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            broken.append(path.name)
    return Trial(partial=len(broken), replaced=bool(broken) or code == 0, exits=(code,), detail=", ".join(broken))


def leftover_temps(folder: Path) -> list[Path]:
    """Temporary files a killed writer left (git-ignored; removed by the next writer after a minute)."""
    return sorted(folder.rglob(".*.tmp"))


__all__ = ["ADD_DOIS", "TRIAL_TIMEOUT", "Trial", "add_kill", "add_project", "add_race", "describe", "fetch_kill",
           "leftover_temps", "links_kill", "links_race"]
