"""Run every benchmark in bench/ and gather each goal it prints into one JSON file and one Markdown table.

Usage: python bench/run_all.py [--quick] [--evals] [--out DIR]
  --quick  is passed to each benchmark (every one accepts it): the whole run takes about a quarter of an hour on 2 cores
  --evals  also runs the evaluation scripts (eval_*.py: accuracy on the corpora, not speed)
  --out    where run_all.json and run_all.md go (default bench/results/, which git ignores)
Each script prints its own figures and ratios against baselines measured in the same run; the goals
come from the ``GOAL`` lines the scripts print (bench/_goals.py), never typed in here.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _goals import read_goals  # noqa: E402


def scripts(evals: bool) -> list[Path]:
    found = sorted(p for p in HERE.glob("*.py") if p.name != "run_all.py" and not p.name.startswith("_"))
    benchmarks = [p for p in found if p.name.startswith("bench_") or p.name in ("fuzz.py", "guarantees.py")]
    return benchmarks + ([p for p in found if p.name.startswith("eval_")] if evals else [])


def run(script: Path, quick: bool) -> tuple[int, float, str]:
    """(exit code, seconds, standard output) of one script, its output echoed as it comes."""
    args = ["--quick"] if quick and not script.name.startswith("eval_") else []
    print(f"\n=== {script.name} {' '.join(args)}", flush=True)
    started = time.perf_counter()
    with subprocess.Popen([sys.executable, str(script), *args], cwd=HERE.parent, stdout=subprocess.PIPE,
                          text=True, bufsize=1) as child:
        assert child.stdout is not None
        lines = []
        for line in child.stdout:
            print(line, end="", flush=True)
            lines.append(line)
    seconds = time.perf_counter() - started
    print(f"=== {script.name}: exit {child.returncode} in {seconds:.1f} s", flush=True)
    return child.returncode, seconds, "".join(lines)


def _commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE.parent, capture_output=True, text=True,
                          check=False)
    return done.stdout.strip() or "unknown"


def markdown(result: dict) -> str:
    """The table of goals, as README and the site show it."""
    head = (f"Measured {result['date']} on {result['machine']} ({result['cpus']} cores, Python {result['python']}), "
            f"commit {result['commit']}, `python bench/run_all.py{' --quick' if result['quick'] else ''}`.\n\n")
    rows = ["| goal | measured | target | met | benchmark |", "|---|---|---|---|---|"]
    for g in result["goals"]:
        unit = g["unit"]
        value = f"{g['value']:.2f}{unit}" if unit == "x" else f"{g['value']:g} {unit}"
        target = ("<= " if g["at_most"] else ">= ") + (f"{g['target']}{unit}" if unit == "x" else f"{g['target']} {unit}")
        detail = f" ({g['detail']})" if g["detail"] else ""
        rows.append(f"| {g['goal']}{detail} | {value} | {target} | {'yes' if g['met'] else '**no**'} | "
                    f"`{g['script']}` |")
    failed = [s for s in result["scripts"] if s["exit"] != 0]
    tail = "\n\nScripts that exited non-zero: " + ", ".join(f"`{s['name']}` ({s['exit']})" for s in failed) \
        if failed else ""
    return head + "\n".join(rows) + tail + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--evals", action="store_true")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    args = parser.parse_args(argv)
    result: dict = {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "quick": args.quick,
                    "commit": _commit(), "python": platform.python_version(), "machine": platform.machine(),
                    "cpus": os.cpu_count(), "scripts": [], "goals": []}
    for script in scripts(args.evals):
        code, seconds, out = run(script, args.quick)
        result["scripts"].append({"name": script.name, "exit": code, "seconds": round(seconds, 1)})
        result["goals"].extend({**g, "script": script.name} for g in read_goals(out))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "run_all.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    table = markdown(result)
    (args.out / "run_all.md").write_text(table, encoding="utf-8")
    print("\n" + table)
    print(f"written: {args.out / 'run_all.json'}, {args.out / 'run_all.md'}")
    return 1 if any(s["exit"] != 0 for s in result["scripts"]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
