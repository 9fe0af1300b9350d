"""The fuzz campaign by one command: inputs per target, uncaught exceptions, CPU per KB.

Usage:
  python bench/fuzz.py               1,000 inputs per target
  python bench/fuzz.py --long        100,000 inputs per target (hours of CPU: run it with nice)
  python bench/fuzz.py --examples N  N inputs per target
  python bench/fuzz.py --quick       150 inputs per target (what CI runs)
  python bench/fuzz.py --replay FILE   run one saved input again (its target is its folder's name)
  --jobs J        J processes at once (default: the CPU count); --budget S stops after S seconds of wall
                  time, with the counts actually run in the table
  --cpu-limit S   per-input CPU limit (default 30 s): an input that reaches it is stopped and saved
Runs tests/fuzz with LITREVIEW_FUZZ_SURVEY=1: an unexpected exception is counted by kind
instead of stopping the target, so the table says how many inputs crash, and where. The
campaign runs in rounds of --chunk inputs per target in each of the J processes, each
process with its own random seed; the figures of every round are merged and written to
bench/results/fuzz.json after each round, so a stopped campaign still leaves its counts.
Every input that crashes, takes over 2 s of CPU or reaches the limit is saved to
bench/results/fuzz-findings/<target>/ (crash-*, slow-*, hang-*.txt, with a .note beside it).
A process the kernel ends at the limit (stuck where Python cannot interrupt it) is counted
as a hang of the input it was running, which is saved too; the next round goes on.
Exit 1 when any target had a crash or an input over 2 s of CPU.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FINDINGS = HERE / "results" / "fuzz-findings"
#: The test that runs each target on one input (for --replay).
REPLAY = {"bib": "test_fuzz_inputs:test_bibliography_loader_and_checks",
          "import": "test_fuzz_inputs:test_importer_round_trip",
          "essay": "test_fuzz_inputs:test_essay_reader", "claims": "test_fuzz_inputs:test_claims_reader"}


def _process(examples: int, targets: str, out: Path, cpu_limit: float) -> subprocess.Popen[bytes]:
    env = {**os.environ, "LITREVIEW_FUZZ_EXAMPLES": str(examples), "LITREVIEW_FUZZ_SURVEY": "1",
           "LITREVIEW_FUZZ_STATS": str(out), "LITREVIEW_FUZZ_FINDINGS": str(FINDINGS),
           "LITREVIEW_FUZZ_CPU_LIMIT": str(cpu_limit)}
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
                                  "over_2s": 0, "over_limit": 0, "uncaught": 0, "crash_kinds": {}})
        for key in ("inputs", "bytes", "over_2s", "over_limit", "uncaught"):
            t[key] += s.get(key, 0)
        t["cpu_s"] = round(t["cpu_s"] + s["cpu_s"], 3)
        t["max_cpu_s"] = max(t["max_cpu_s"], s["max_cpu_s"])
        t["worst_ms_per_kb"] = max(t["worst_ms_per_kb"], s["worst_ms_per_kb"])
        t["crash_kinds"] = dict(Counter(t["crash_kinds"]) + Counter(s["crash_kinds"]))
    return out


def rescue(pid: int, returncode: int) -> dict[str, dict]:
    """The input a process was running when a signal ended it. SIGXCPU is the kernel's CPU limit:
    a hang, saved and counted; another signal (stopped from outside) keeps the input, uncounted."""
    found: dict[str, dict] = {}
    hang = returncode == -signal.SIGXCPU
    for current in FINDINGS.glob(f".current-{pid}-*.txt"):
        target = current.stem.split("-", 2)[2]
        raw = current.read_bytes()
        folder = FINDINGS / target
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / f"{'hang' if hang else 'stopped'}-{hashlib.sha1(raw).hexdigest()[:12]}.txt"
        current.replace(kept)
        kept.with_suffix(".note").write_text(f"the process was ended by signal {-returncode} while running it "
                                             f"({len(raw):,} bytes)\n", encoding="utf-8")
        print(f"  {target}: a process was ended by signal {-returncode}; its input is {kept}", flush=True)
        if hang:
            found[target] = {"inputs": 1, "bytes": len(raw), "cpu_s": 0.0, "max_cpu_s": 0.0,
                             "worst_ms_per_kb": 0.0, "over_2s": 1, "over_limit": 1, "uncaught": 0,
                             "crash_kinds": {}}
    if hang and not found:
        print("  a process was ended at the CPU limit between inputs (while hypothesis made one)", flush=True)
    return found


def run(examples: int, targets: str, *, jobs: int = 1, chunk: int = 0, budget: float = 0.0,
        cpu_limit: float = 30.0) -> dict[str, dict]:
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
            procs = [_process(n, targets, f, cpu_limit) for n, f in zip(sizes, files, strict=True)]
            parts = []
            for p in procs:
                if p.wait() < 0:
                    parts.append(rescue(p.pid, p.returncode))
            parts += [json.loads(f.read_text(encoding="utf-8")) for f in files if f.exists()]
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
    lines = [f"{'target':<16}{'inputs':>9}{'MB':>8}{'uncaught':>10}{'over 2 s':>10}{'at limit':>10}{'max CPU s':>11}"
             f"{'mean ms/KB':>12}{'worst ms/KB':>13}  crash kinds"]
    for name, s in stats.items():
        mean = s["cpu_s"] * 1000 / max(s["bytes"] / 1024, 1e-9)
        kinds = "; ".join(f"{n}x {k}" for k, n in s["crash_kinds"].items()) or "-"
        lines.append(f"{name:<16}{s['inputs']:>9,}{s['bytes'] / 1e6:>8.1f}{s['uncaught']:>10}{s['over_2s']:>10}"
                     f"{s.get('over_limit', 0):>10}{s['max_cpu_s']:>11.3f}{mean:>12.2f}{s['worst_ms_per_kb']:>13.1f}  {kinds}")
    return "\n".join(lines)


def replay(path: Path) -> int:
    """Run one saved input through its target, with its CPU time; exit 1 if it still fails."""
    import importlib
    import resource

    target = path.parent.name
    if target not in REPLAY:
        print(f"cannot replay a {target!r} input (replayable: {', '.join(REPLAY)})", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    module, name = REPLAY[target].split(":")
    test = getattr(importlib.import_module(f"tests.fuzz.{module}"), name)
    text = path.read_bytes().decode("utf-8", "surrogatepass")
    test.hypothesis.inner_test("x")  # lazy imports: not a figure about the input
    started = resource.getrusage(resource.RUSAGE_SELF)
    failed = None
    try:
        test.hypothesis.inner_test(text)
    except Exception as exc:
        failed = exc
    ended = resource.getrusage(resource.RUSAGE_SELF)
    cpu = ended.ru_utime + ended.ru_stime - started.ru_utime - started.ru_stime
    print(f"{target}: {len(text):,} characters, {cpu:.2f} s CPU, "
          + (f"failed: {type(failed).__name__}: {failed}" if failed else "no crash"))
    return 1 if failed or cpu > 2.0 else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--long", action="store_true", help="100,000 inputs per target")
    parser.add_argument("--quick", action="store_true", help="150 inputs per target")
    parser.add_argument("--examples", type=int, default=None)
    parser.add_argument("-k", dest="targets", default="", help="only the tests matching this pytest -k expression")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes at once")
    parser.add_argument("--chunk", type=int, default=0, help="inputs per target per process and round")
    parser.add_argument("--budget", type=float, default=0.0, help="stop starting rounds after this many seconds")
    parser.add_argument("--cpu-limit", type=float, default=30.0, help="per-input CPU limit in seconds")
    parser.add_argument("--replay", type=Path, default=None, help="run one saved input again")
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    examples = args.examples or (100_000 if args.long else 150 if args.quick else 1_000)
    started = time.perf_counter()
    stats = run(examples, args.targets, jobs=max(1, args.jobs), chunk=args.chunk, budget=args.budget,
                cpu_limit=args.cpu_limit)
    ran = min((s["inputs"] for s in stats.values()), default=0)
    print(f"\nfuzz: {examples:,} inputs asked per target, {ran:,} run (fewest of any target); "
          f"{time.perf_counter() - started:.0f} s wall, {args.jobs} processes")
    print(table(stats))
    if FINDINGS.exists() and any(FINDINGS.rglob("*.txt")):
        print(f"saved inputs: {FINDINGS.relative_to(ROOT)}/ (replay one: python bench/fuzz.py --replay FILE)")
    bad = any(s["uncaught"] or s["over_2s"] for s in stats.values())
    return 1 if bad or not stats else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
