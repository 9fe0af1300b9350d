"""Concurrent-writer and kill trials against real `litreview` processes (tests and bench/).

Each trial runs ``python -m litreview ...`` in a scratch project and reports what it
found: a lost update (a decision or entry a process reported as recorded is missing),
or a partial file (a file that is neither the old content nor a complete new one).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

#: DOIs the fake registry serves from its own records (see fake_data.load_records).
ADD_DOIS = ("10.5555/lr.culture.2005", "10.5555/lr.order.2004", "10.5555/lr.deterrence.2019",
            "10.5072/lr.dataset.1")
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


def litreview(args: list[str], cwd: Path, env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    full = {**os.environ, **env, "PYTHONDONTWRITEBYTECODE": "1"}
    if env:  # the fake registry's records go to a folder of their own, never the real snapshot
        full["LITREVIEW_METADATA_DIR"] = str(cwd / "refs" / "fake-metadata")
    return subprocess.Popen([sys.executable, "-m", "litreview", *args], cwd=cwd, env=full,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


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


def add_race(folder: Path, env: Mapping[str, str], dois: tuple[str, str] = ADD_DOIS[:2]) -> Trial:
    """Two `litreview add` at once, each adding one DOI: both must be in the file."""
    bib = add_project(folder)
    procs = [litreview(["add", doi], folder, env) for doi in dois]
    exits, errs = _finish(procs)
    present = _dois_in(bib)
    lost = sum(1 for doi, code in zip(dois, exits, strict=True) if code == 0 and doi not in present)
    return Trial(lost=lost, exits=exits, detail="" if not lost and not any(exits) else errs)


def links_race(folder: Path, case: Path, decisions: list[tuple[str, str]]) -> Trial:
    """`litreview links --accept` for each (claim, key) at once: every decision must be recorded."""
    from ..linking.curated import load_curated

    for name in ("essay.md", "refs.bib"):
        (folder / name).write_bytes((case / name).read_bytes())
    claims = folder / "claims.yaml"
    claims.unlink(missing_ok=True)
    common = ["--essay", "essay.md", "--bib", "refs.bib", "--claims", "claims.yaml", "--metadata-dir", "none"]
    procs = [litreview(["links", *common, "--accept", claim, key], folder, {}) for claim, key in decisions]
    exits, errs = _finish(procs)
    recorded = {(lk.claim_id, lk.source_key) for lk in load_curated(claims).links}
    lost = sum(1 for d, code in zip(decisions, exits, strict=True) if code == 0 and d not in recorded)
    return Trial(lost=lost, exits=exits, detail="" if not lost and not any(exits) else errs)


def _finish(procs: list[subprocess.Popen[bytes]], timeout: float = 600) -> tuple[tuple[int, ...], str]:
    errs = []
    for p in procs:
        try:
            errs.append(p.communicate(timeout=timeout)[1].decode("utf-8", "replace").strip()[-200:])
        except subprocess.TimeoutExpired:
            p.kill()
            p.communicate()
            errs.append(f"no answer in {timeout:.0f} s: killed")
    return tuple(p.returncode for p in procs), " | ".join(errs)


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

    for name in ("essay.md", "refs.bib"):
        (folder / name).write_bytes((case / name).read_bytes())
    claims = folder / "claims.yaml"
    claims.unlink(missing_ok=True)
    proc = litreview(["links", "--essay", "essay.md", "--bib", "refs.bib", "--claims", "claims.yaml",
                      "--metadata-dir", "none", "--accept", claim, key], folder, {})
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


__all__ = ["ADD_DOIS", "Trial", "add_kill", "add_project", "add_race", "fetch_kill", "leftover_temps",
           "links_kill", "links_race"]
