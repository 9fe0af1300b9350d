"""The fuzz campaign by one command: inputs per target, uncaught exceptions, CPU per KB.

Usage:
  python bench/fuzz.py               1,000 inputs per target
  python bench/fuzz.py --long        100,000 inputs per target (hours of CPU: run it with nice)
  python bench/fuzz.py --examples N  N inputs per target
  python bench/fuzz.py --quick       150 inputs per target (what CI runs)
  --jobs J        J processes at once (default: the CPU count); --budget S stops after S seconds of wall
                  time, with the counts actually run in the table
Runs tests/fuzz with LITREVIEW_FUZZ_SURVEY=1: an unexpected exception is counted by kind
instead of stopping the target, so the table says how many inputs crash, and where. The
campaign runs in rounds of --chunk inputs per target in each of the J processes, each
process with its own random seed; the figures of every round are merged and written to
bench/results/fuzz.json after each round, so a stopped campaign still leaves its counts.
Exit 1 when any target had a crash or an input over 2 s of CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _process(examples: int, targets: str, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "LITREVIEW_FUZZ_EXAMPLES": str(examples), "LITREVIEW_FUZZ_SURVEY": "1",
           "LITREVIEW_FUZZ_STATS": str(out)}
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "-m", "fuzz",
           "--runxfail", "--timeout=0", "-W", "ignore::pytest.PytestUnraisableExceptionWarning",
           str(ROOT / "tests" / "fuzz")]
    if targets:
        cmd += ["-k", targets]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def merge(total: dict[str, dict], part: dict[str, dict]) -> dict[str, dict]:
    """Figures of two runs as one: counts and CPU add up, maxima are the larger."""
    out = {k: dict(v) for k, v in total.items()}
    for name, s in part.items():
        t = out.setdefault(name, {"inputs": 0, "bytes": 0, "cpu_s": 0.0, "max_cpu_s": 0.0, "worst_ms_per_kb": 0.0,
                                  "over_2s": 0, "uncaught": 0, "crash_kinds": {}})
        for key in ("inputs", "bytes", "over_2s", "uncaught"):
            t[key] += s[key]
        t["cpu_s"] = round(t["cpu_s"] + s["cpu_s"], 3)
        t["max_cpu_s"] = max(t["max_cpu_s"], s["max_cpu_s"])
        t["worst_ms_per_kb"] = max(t["worst_ms_per_kb"], s["worst_ms_per_kb"])
        t["crash_kinds"] = dict(Counter(t["crash_kinds"]) + Counter(s["crash_kinds"]))
    return out


def run(examples: int, targets: str, *, jobs: int = 1, chunk: int = 0, budget: float = 0.0) -> dict[str, dict]:
    """Run rounds until every target has ``examples`` inputs or ``budget`` seconds have passed."""
    out = HERE / "results" / "fuzz.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    chunk = chunk or max(1, min(examples, 5_000) // max(jobs, 1))
    started = time.perf_counter()
    stats: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        round_no = 0
        while True:
            done = min((s["inputs"] for s in stats.values()), default=0)
            left = examples - done
            if left <= 0 or (budget and time.perf_counter() - started > budget):
                break
            round_no += 1
            sizes = [min(chunk, -(-left // jobs))] * jobs
            files = [Path(tmp) / f"r{round_no}-{i}.json" for i in range(jobs)]
            procs = [_process(n, targets, f) for n, f in zip(sizes, files, strict=True)]
            for p in procs:
                p.wait()
            parts = [json.loads(f.read_text(encoding="utf-8")) for f in files if f.exists()]
            if not parts:
                break  # the suite itself failed to run: nothing to merge
            for part in parts:
                stats = merge(stats, part)
            out.write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
            done = min(s["inputs"] for s in stats.values())
            print(f"round {round_no}: {done:,} inputs per target so far, {time.perf_counter() - started:.0f} s",
                  flush=True)
    return stats


def table(stats: dict[str, dict]) -> str:
    lines = [f"{'target':<16}{'inputs':>9}{'MB':>8}{'uncaught':>10}{'over 2 s':>10}{'max CPU s':>11}"
             f"{'mean ms/KB':>12}{'worst ms/KB':>13}  crash kinds"]
    for name, s in stats.items():
        mean = s["cpu_s"] * 1000 / max(s["bytes"] / 1024, 1e-9)
        kinds = "; ".join(f"{n}x {k}" for k, n in s["crash_kinds"].items()) or "-"
        lines.append(f"{name:<16}{s['inputs']:>9,}{s['bytes'] / 1e6:>8.1f}{s['uncaught']:>10}{s['over_2s']:>10}"
                     f"{s['max_cpu_s']:>11.3f}{mean:>12.2f}{s['worst_ms_per_kb']:>13.1f}  {kinds}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--long", action="store_true", help="100,000 inputs per target")
    parser.add_argument("--quick", action="store_true", help="150 inputs per target")
    parser.add_argument("--examples", type=int, default=None)
    parser.add_argument("-k", dest="targets", default="", help="only the tests matching this pytest -k expression")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes at once")
    parser.add_argument("--chunk", type=int, default=0, help="inputs per target per process and round")
    parser.add_argument("--budget", type=float, default=0.0, help="stop starting rounds after this many seconds")
    args = parser.parse_args(argv)
    examples = args.examples or (100_000 if args.long else 150 if args.quick else 1_000)
    started = time.perf_counter()
    stats = run(examples, args.targets, jobs=max(1, args.jobs), chunk=args.chunk, budget=args.budget)
    ran = min((s["inputs"] for s in stats.values()), default=0)
    print(f"\nfuzz: {examples:,} inputs asked per target, {ran:,} run (fewest of any target); "
          f"{time.perf_counter() - started:.0f} s wall, {args.jobs} processes")
    print(table(stats))
    bad = any(s["uncaught"] or s["over_2s"] for s in stats.values())
    return 1 if bad or not stats else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
