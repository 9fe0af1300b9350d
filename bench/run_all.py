"""Run every benchmark and evaluation script in bench/, one after the other.

Usage: python bench/run_all.py [--quick]   (--quick is passed to each script that accepts it)
Each script prints its own figures and ratios against a baseline measured in the same run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(p for p in HERE.glob("*.py") if p.name != "run_all.py" and not p.name.startswith("_"))
    failures = 0
    for script in scripts:
        print(f"\n=== {script.name} {' '.join(argv)}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script), *argv], check=False)
        print(f"=== {script.name}: exit {result.returncode} in {time.perf_counter() - started:.1f} s", flush=True)
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
