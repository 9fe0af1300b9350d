"""Compare two checkouts of litreview on the same runs: the cold check on the essay, or load + check of a
synthetic bibliography against pybtex's ``parse_file``. For a change meant to be faster, or to change nothing.

Run from the repository root: ``python bench/compare_trees.py --base ../other-checkout [--bib N] [--runs 9]``.
Both trees run with this interpreter (``PYTHONPATH`` set to each), round by round in alternating order,
in CPU time (user + system of each child), so a busy machine weighs on both alike; bytecode goes to a
temporary folder, so neither tree gets files written. Prints the medians, the load average and the
paired ratio (this tree / base) with each round's.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import check_modules  # noqa: E402


def cpu(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command[:4])} ... failed: {done.stderr[-1000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the other checkout (its folder)")
    parser.add_argument("--bib", type=int, default=0, metavar="N",
                        help="load + check N synthetic entries (bench_check's) instead of the cold check on refs/")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    trees = {"base": args.base.resolve(), "this": ROOT}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copy(ROOT / "pyproject.toml", work / "pyproject.toml")
        shutil.copytree(ROOT / "refs", work / "refs")
        commands: dict[str, tuple[list[str], dict[str, str]]] = {}
        clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "LITREVIEW_NO_CACHE")}
        if args.bib:
            from bench_check import synthetic_bib

            bib = work / "big.bib"
            bib.write_text(synthetic_bib(args.bib), encoding="utf-8")
            commands["pybtex parse_file"] = ([sys.executable, "-c", "import sys; from pybtex.database import "
                                              "parse_file; parse_file(sys.argv[1], bib_format='bibtex')", str(bib)],
                                             {**clean, "PYTHONPYCACHEPREFIX": str(work / "pyc-pybtex")})
        for name, tree in trees.items():
            env = {**clean, "CI": "true", "PYTHONPATH": str(tree), "PYTHONPYCACHEPREFIX": str(work / f"pyc-{name}")}
            check = [sys.executable, "-m", "litreview", "check", "--format", "json"]
            if args.bib:
                check += ["--essay", "", "--bib", str(work / "big.bib"), "--claims", "", "--metadata-dir",
                          str(work / "metadata")]
            commands[name] = (check, env)
            if not args.bib:  # the floor each tree's check stands on: importing exactly the modules it imports
                commands[f"{name} imports"] = ([sys.executable, "-c", "import " + ",".join(check_modules(work, env))],
                                               env)
        for command, env in commands.values():  # bytecode written, caches warm
            cpu(command, work, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for round_ in range(args.runs):
            for name in list(commands)[::-1 if round_ % 2 else 1]:
                times[name].append(cpu(*commands[name][:1], work, commands[name][1]))
    what = f"load + check of {args.bib:,} entries" if args.bib else "cold check on refs/ (CI=true)"
    print(f"{what}: CPU seconds, median of {args.runs} rounds, load average {os.getloadavg()[0]:.1f}")
    for name, values in times.items():
        label = f"{name} ({trees[name]})" if name in trees else (
            f"python -c 'import <{name.split()[0]}'s check modules>'" if name.endswith(" imports") else name)
        print(f"   {label:<60} {statistics.median(values):7.3f}")
    ratios = [t / b for t, b in zip(times["this"], times["base"], strict=True)]
    print(f"   this / base: {statistics.median(ratios):.3f} (rounds: {', '.join(f'{r:.2f}' for r in ratios)})")
    for name in trees if not args.bib else ():
        floor = statistics.median(c / i for c, i in zip(times[name], times[f"{name} imports"], strict=True))
        print(f"   {name}: cold check / importing the modules it imports: {floor:.2f}x")
    if args.bib:
        for name in trees:
            paired = statistics.median(t / p for t, p in zip(times[name], times["pybtex parse_file"], strict=True))
            print(f"   {name} / pybtex parse_file: {paired:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
