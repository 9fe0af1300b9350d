"""Scaling: the cost per 1,000 claims and per 1,000 entries must stay flat as the input grows.

Run from the repository root: ``python bench/bench_scaling.py`` (``--quick``: the essay sizes and the smaller
bibliography sizes three times each, the median taken).

1. Reading a synthetic Markdown essay (``parse_essay``) of 1k, 10k and 40k claims: CPU per 1k claims;
   goal: 40k claims within 4.5x the time of 10k.
2. Loading and checking a synthetic bibliography of 1k, 10k and 50k entries (``load_bibliography`` +
   ``check_review``; ``bench_check.synthetic_bib``: articles, books, chapters and web pages, a few with the defects
   checks look for, each book with an ISBN of its own from a realistic pool, valid, its publisher's prefix, one in
   400 copied from another book as careless entries are): CPU per 1k entries; goal: 50k within 5.5x the time of 10k (``--quick``: 1k, 4k
   and 16k entries, 16k within 4.4x of 4k: the same 1.1 bound on the per-1k cost).
3. Load + check of 10,000 entries as commands: ``litreview check --essay ""`` against a command that
   runs pybtex's ``parse_file`` on the same file, in five interleaved pairs; CPU time of each child, median of
   the pairs' ratios; goal <= 1.3x.

Sizes run in separate processes, one after the other, so that no run inherits another's caches.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _goals import goal  # noqa: E402
from bench_check import synthetic_bib  # noqa: E402

CLAIMS = (1_000, 10_000, 40_000)
ENTRIES = (1_000, 10_000, 50_000)
QUICK_ENTRIES = (1_000, 4_000, 16_000)  # --quick: the same 4x step, a fraction of the time

ESSAY_RUN = """
import sys, time
sys.path.insert(0, {bench!r})
from bench_check import synthetic_bib
from bench_essay import synthetic_essay
from litreview.essay import parse_essay
bib = synthetic_bib(400)
keys = [line.split("{{", 1)[1].rstrip(",") for line in bib.splitlines() if line.startswith("@")]
text = synthetic_essay({n}, keys[:300])
start = time.process_time()
essay = parse_essay(text, "essay.md")
print(time.process_time() - start, len(essay.claims))
"""

BIB_RUN = """
import sys, time
from datetime import UTC, datetime
from pathlib import Path
from litreview.bibliography.load import load_bibliography
from litreview.checks import check_review
from litreview.config import Config
from litreview.model import Review
path = Path({path!r})
start = time.process_time()
bib = load_bibliography(path)
found = check_review(Review(bibliography=bib), Config(root=path.parent), now=datetime.now(UTC)).findings
print(time.process_time() - start, len(bib.sources))
"""


def child(code: str) -> tuple[float, int]:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    seconds, count = done.stdout.split()[-2:]
    return float(seconds), int(count)


def command_cpu(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """User + system CPU seconds of one child command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr[-1000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def scale(name: str, unit: str, sizes: tuple[int, ...], run: object, runs: int) -> dict[int, float]:
    times: dict[int, list[float]] = {n: [] for n in sizes}
    counts: dict[int, int] = {}
    for _ in range(runs):
        for n in sizes:
            seconds, counts[n] = run(n)  # type: ignore[operator]
            times[n].append(seconds)
    medians = {n: statistics.median(v) for n, v in times.items()}
    print(f"{name}: CPU seconds, median of {runs}")
    print(f"   {unit:>10} {'read':>8} {'seconds':>9} {'per 1k':>9}")
    for n, seconds in medians.items():
        print(f"   {n:>10,} {counts[n]:>8,} {seconds:>9.2f} {seconds / n * 1000:>9.3f}")
    return medians


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="essay sizes and the quick bibliography sizes 3 times (a single run of each is too "
                             "noisy for the ratio: 16k / 4k entries read 4.9x once, 4.0x the next run)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        essay = scale("1. parse_essay on a synthetic Markdown essay", "claims", CLAIMS,
                      lambda n: child(ESSAY_RUN.format(bench=str(HERE), n=n)), 3 if args.quick else runs)
        ratio = essay[40_000] / essay[10_000]
        ok &= goal("parse_essay: 40k claims / 10k claims", ratio, 4.5,
                   detail="per 1k claims: " + ", ".join(f"{n // 1000}k {s / n * 1000:.3f} s"
                                                          for n, s in essay.items()))
        sizes = QUICK_ENTRIES if args.quick else ENTRIES
        for n in {*sizes, 10_000}:
            (folder / f"{n}.bib").write_text(synthetic_bib(n), encoding="utf-8")
        bib = scale("\n2. load + check a synthetic bibliography", "entries", sizes,
                    lambda n: child(BIB_RUN.format(path=str(folder / f"{n}.bib"))), 3 if args.quick else runs)
        mid, big = sizes[1], sizes[2]
        ok &= goal(f"load + check: {big // 1000}k entries / {mid // 1000}k entries", bib[big] / bib[mid],
                   round(1.1 * big / mid, 2),
                   detail="per 1k entries: " + ", ".join(f"{n // 1000}k {s / n * 1000:.3f} s" for n, s in bib.items()))

        path = folder / "10000.bib"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LITREVIEW_NO_CACHE": "1"}
        # Bytecode as an installed package has it: with PYTHONDONTWRITEBYTECODE set and no .pyc
        # files, every run would compile litreview's modules from source (0.1-0.2 s), as in bench_check.
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "litreview")], check=False,
                       stdout=subprocess.DEVNULL)
        ours = [sys.executable, "-m", "litreview", "check", "--essay", "", "--bib", str(path), "--claims", "",
                "--metadata-dir", str(folder / "meta"), "--format", "json"]
        theirs = [sys.executable, "-c", "import sys; from pybtex.database import parse_file; "
                                        "parse_file(sys.argv[1], bib_format='bibtex')", str(path)]
        pairs = [(command_cpu(theirs, folder, env), command_cpu(ours, folder, env)) for _ in range(5)]
        ratios = [o / t for t, o in pairs]
        base, mine = statistics.median(t for t, _ in pairs), statistics.median(o for _, o in pairs)
        print(f"\n3. 10,000 entries as commands, CPU seconds, median of {len(pairs)} interleaved pairs")
        print(f"   pybtex parse_file (python -c)     {base:7.2f}")
        print(f"   litreview check --essay ''         {mine:7.2f}")
        ok &= goal("load + check 10,000 entries / pybtex parse_file (commands)", statistics.median(ratios), 1.3,
                   detail=f"{mine:.2f} s vs {base:.2f} s CPU; paired ratios {json.dumps([round(r, 2) for r in ratios])}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
