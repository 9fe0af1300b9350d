"""Compare two checkouts of litreview on the same runs: the cold check on the essay, load + check of a
synthetic bibliography against pybtex's ``parse_file``, or the essay's site build. For a change meant to be
faster, or to change nothing.

Run from the repository root: ``python bench/compare_trees.py --base ../other-checkout [--bib N | --site] [--runs 9]``.
Both trees run with this interpreter (``PYTHONPATH`` set to each), round by round in alternating order,
in CPU time (user + system of each child), so a busy machine weighs on both alike; bytecode goes to a
temporary folder, so neither tree gets files written. Prints the medians, the load average and the
paired ratio (this tree / base) with each round's.

``--site`` builds this tree's project (mkdocs.yml, docs/, refs/) with each tree's code, as bench_site.py's
essay build does: one process per tree and round, three builds in it (the first pays the imports), each
build's CPU time (``time.process_time``) and wall time. The same inputs for both trees, so a difference is
the code's.
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
    parser.add_argument("--site", action="store_true",
                        help="the essay's site build in-process (bench_site.py's) instead of the cold check")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    trees = {"base": args.base.resolve(), "this": ROOT}
    if args.site:
        return compare_site(trees, args.runs)
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


#: One process's essay builds, as bench_site.build_essay makes them: (wall, CPU) seconds of each, as JSON.
SITE_BUILDS = """
import json, logging, os, sys, time
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
logging.getLogger("mkdocs").setLevel(logging.ERROR)
out = []
for i in range(int(sys.argv[2])):
    wall, cpu = time.perf_counter(), time.process_time()
    from mkdocs.commands.build import build  # in the first build's time, as in bench_site.py
    from mkdocs.config import load_config
    build(load_config(config_file="mkdocs.yml", strict=True, site_dir=os.path.join(sys.argv[1], f"site{i}")))
    out.append((time.perf_counter() - wall, time.process_time() - cpu))
print(json.dumps(out))
"""
BUILDS = 3
"""Builds per process: the first imports MkDocs, the theme and litreview; bench_site.py reports the median."""


def compare_site(trees: dict[str, Path], runs: int) -> int:
    """The essay's site built with each tree's code from the same copy of this tree's project, paired by round."""
    import json

    results: dict[str, list[list[tuple[float, float]]]] = {name: [] for name in trees}
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "LITREVIEW_NO_CACHE", "CI")}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in trees:  # one project folder per tree: each keeps its own .litreview-cache/
            project = work / name
            project.mkdir()
            for file in ("mkdocs.yml", "pyproject.toml"):
                shutil.copy(ROOT / file, project / file)
            for folder in ("refs", "docs"):
                shutil.copytree(ROOT / folder, project / folder)
        for round_ in range(-1, runs):  # round -1: bytecode written, not counted
            for name in list(trees)[::-1 if round_ % 2 else 1]:
                env = {**clean, "PYTHONPATH": str(trees[name]), "PYTHONPYCACHEPREFIX": str(work / f"pyc-{name}")}
                out = work / f"out-{name}"
                shutil.rmtree(out, ignore_errors=True)
                done = subprocess.run([sys.executable, "-c", SITE_BUILDS, str(out), str(BUILDS)], cwd=work / name,
                                      env=env, capture_output=True, text=True, check=False)
                if done.returncode:
                    raise SystemExit(f"the site build with {trees[name]} failed: {done.stderr[-1000:]}")
                if round_ >= 0:
                    results[name].append(json.loads(done.stdout.splitlines()[-1]))
    print(f"essay site build in-process ({BUILDS} builds a process, {runs} rounds): CPU and wall seconds, medians; "
          f"load average {os.getloadavg()[0]:.1f}")
    for i in range(BUILDS):
        what = "first build (imports included)" if i == 0 else f"build {i + 1}"
        for name, tree in trees.items():
            cpu_s = statistics.median(r[i][1] for r in results[name])
            wall_s = statistics.median(r[i][0] for r in results[name])
            print(f"   {what:<32} {name} ({tree}): CPU {cpu_s:6.3f}  wall {wall_s:6.3f}")
        ratios = [t[i][1] / b[i][1] for t, b in zip(results["this"], results["base"], strict=True)]
        print(f"   {'':<32} this / base, CPU: {statistics.median(ratios):.3f} "
              f"(rounds: {', '.join(f'{r:.2f}' for r in ratios)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
