"""The fuzz campaign by one command: inputs per target, uncaught exceptions, CPU per KB.

Usage:
  python bench/fuzz.py               1,000 inputs per target
  python bench/fuzz.py --long        100,000 inputs per target (hours on one core: run it with nice)
  python bench/fuzz.py --examples N  N inputs per target
  python bench/fuzz.py --quick       150 inputs per target (what CI runs)
Runs tests/fuzz with LITREVIEW_FUZZ_SURVEY=1: an unexpected exception is counted by kind
instead of stopping the target, so the table says how many inputs crash, and where.
Figures are written to bench/results/fuzz.json. Exit 1 when any target had a crash or an
input over 2 s of CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def run(examples: int, targets: str) -> dict[str, dict]:
    out = HERE / "results" / "fuzz.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    env = {**os.environ, "LITREVIEW_FUZZ_EXAMPLES": str(examples), "LITREVIEW_FUZZ_SURVEY": "1",
           "LITREVIEW_FUZZ_STATS": str(out)}
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "-m", "fuzz",
           "--runxfail", "--timeout=0", "-W", "ignore::pytest.PytestUnraisableExceptionWarning", str(ROOT / "tests" / "fuzz")]
    if targets:
        cmd += ["-k", targets]
    subprocess.run(cmd, cwd=ROOT, env=env, check=False)
    return json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}


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
    args = parser.parse_args(argv)
    examples = args.examples or (100_000 if args.long else 150 if args.quick else 1_000)
    started = time.perf_counter()
    stats = run(examples, args.targets)
    print(f"\nfuzz: {examples:,} inputs asked per target; {time.perf_counter() - started:.0f} s wall")
    print(table(stats))
    bad = any(s["uncaught"] or s["over_2s"] for s in stats.values())
    return 1 if bad or not stats else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
