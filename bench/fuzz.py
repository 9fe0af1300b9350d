"""The fuzz campaign by one command: inputs per target, uncaught exceptions, CPU per KB.

Usage:
  python bench/fuzz.py                1,000 inputs per target
  python bench/fuzz.py --long         100,000 inputs per target (about 1.5 hours of one core: run it with nice)
  python bench/fuzz.py --examples N   N inputs per target
  python bench/fuzz.py --quick        150 inputs per target
  python bench/fuzz.py --resume ...   go on from bench/results/fuzz.json (a stopped campaign keeps its counts)
  python bench/fuzz.py --replay FILE  run one saved input again (its target is its folder's name)
  --jobs J          J worker processes at once (default: the CPU count)
  --until HH:MM     (UTC) or --budget S: start no chunk after it; running workers stop at it too
  --chunk-cpu S     a worker runs one target for about S seconds of CPU, then reports (default 60)
  --cpu-limit S     per-input CPU limit (default 30 s): an input that reaches it is stopped and saved

The targets and their inputs are tests/fuzz/targets.py and tests/fuzz/mutate.py, the same ones the
pytest suite (``pytest -m fuzz``) runs through hypothesis: the loader with the bibliography checks,
the importer's round trip (reference -> BibTeX -> loader), the essay reader, the claims-file reader,
the registry record parsers with reconcile, and the snapshot reader. Here a worker process loops
over many inputs of one target in process: it makes each input with ``random.Random`` (seeded per
chunk, so no chunk repeats another), arms a CPU timer for it, and calls the target. The next chunk
goes to the target with the fewest inputs, so the counts stay even and partial runs count.

After every chunk the merged figures go to bench/results/fuzz.json and one progress line is printed.
Every input that crashes, takes over 2 s of CPU or reaches the limit is saved to
bench/results/fuzz-findings/<target>/ (crash-*, slow-*, hang-*.txt, with a .note beside it).
A worker the kernel ends at the limit (stuck where Python cannot interrupt it) is counted as a
hang of the input it was running, which is saved too.
Exit 1 when any target had a crash or an input over 2 s of CPU.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import re
import resource
import signal
import subprocess
import sys
import time
import traceback
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FINDINGS = HERE / "results" / "fuzz-findings"
STATE = HERE / "results" / "fuzz.json"
SLOW_S = 2.0  # the goal: no input over 2 s of CPU
#: Input sizes counted by bucket (upper bounds in KB), so the table can say what was fuzzed.
SIZE_BUCKETS = (1, 10, 100)


def empty() -> dict:
    return {"inputs": 0, "bytes": 0, "cpu_s": 0.0, "max_cpu_s": 0.0, "worst_ms_per_kb": 0.0, "over_2s": 0,
            "over_limit": 0, "uncaught": 0, "crash_kinds": {}, "make_cpu_s": 0.0, "process_cpu_s": 0.0,
            "chunks": 0, "sizes_kb": {}, "slow_once": 0}


def merge(total: dict[str, dict], part: dict[str, dict]) -> dict[str, dict]:
    """Figures of two runs as one: counts and CPU add up, maxima are the larger."""
    out = {k: dict(v) for k, v in total.items()}
    for name, s in part.items():
        t = out.setdefault(name, empty())
        for key in ("inputs", "bytes", "over_2s", "over_limit", "uncaught", "chunks", "slow_once"):
            t[key] = t.get(key, 0) + s.get(key, 0)
        for key in ("cpu_s", "make_cpu_s", "process_cpu_s", "unmeasured_cpu_s"):
            t[key] = round(t.get(key, 0.0) + s.get(key, 0.0), 3)
        t["max_cpu_s"] = max(t["max_cpu_s"], s.get("max_cpu_s", 0.0))
        t["worst_ms_per_kb"] = max(t["worst_ms_per_kb"], s.get("worst_ms_per_kb", 0.0))
        t["crash_kinds"] = dict(Counter(t["crash_kinds"]) + Counter(s.get("crash_kinds", {})))
        t["sizes_kb"] = dict(Counter(t.get("sizes_kb", {})) + Counter(s.get("sizes_kb", {})))
    return out


def _bucket(size: int) -> str:
    kb = size / 1024
    return next((f"<{b}" for b in SIZE_BUCKETS if kb < b), f">={SIZE_BUCKETS[-1]}")


# -- the worker: one target, many inputs, in one process ------------------------------------------------

def work(target: str, examples: int, seconds: float, seed: str, out: Path, cpu_limit: float,
         deadline: float = 0.0) -> dict:
    """Run up to ``examples`` inputs of ``target`` (stopping after ``seconds`` of CPU or at ``deadline``)."""
    sys.path.insert(0, str(ROOT))
    from tests.fuzz.guard import Guard, OverLimit, save_finding, where
    from tests.fuzz.targets import TARGETS

    spec = TARGETS[target]
    rng = random.Random(seed)
    guard = Guard(cpu_limit, FINDINGS, between=4 * cpu_limit + 30)
    with contextlib.suppress(Exception):
        spec.run(spec.make(random.Random(0)))  # lazy imports: not a figure about any input
    s = empty()
    s["chunks"] = 1
    sizes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    started = time.process_time()
    flushed = time.monotonic()
    try:
        while s["inputs"] < examples and time.process_time() - started < seconds:
            if deadline and time.time() > deadline:
                break
            t0 = time.process_time()
            data = spec.make(rng)
            t1 = time.process_time()
            before = resource.getrusage(resource.RUSAGE_SELF)
            stopped = False
            try:
                with guard.input(target, data), contextlib.suppress(*spec.allowed):
                    spec.run(data)
            except OverLimit:
                stopped = True
            except Exception as exc:
                s["uncaught"] += 1
                kinds[f"{type(exc).__name__} in {where(exc)}"] += 1
                save_finding(FINDINGS, target, "crash", data, "".join(traceback.format_exception(exc)))
            spent = time.process_time() - t1
            size = len(data.encode("utf-8", "surrogatepass"))
            s["inputs"] += 1
            s["bytes"] += size
            s["cpu_s"] += spent
            s["make_cpu_s"] += t1 - t0
            s["max_cpu_s"] = max(s["max_cpu_s"], spent)
            s["worst_ms_per_kb"] = max(s["worst_ms_per_kb"], spent * 1000 / max(size / 1024, 1.0))
            sizes[_bucket(size)] += 1
            if stopped or spent > SLOW_S:
                after = resource.getrusage(resource.RUSAGE_SELF)
                note = (f"{spent:.2f} s CPU ({after.ru_utime - before.ru_utime:.2f} user, "
                        f"{after.ru_stime - before.ru_stime:.2f} system; {after.ru_majflt - before.ru_majflt:,} major "
                        f"and {after.ru_minflt - before.ru_minflt:,} minor page faults), {size:,} bytes"
                        + (" (stopped at the limit)" if stopped else ""))
                kept = save_finding(FINDINGS, target, "hang" if stopped else "slow", data, note)
                again = None if stopped or kept is None else _replayed_cpu(kept)
                if again is not None and again <= SLOW_S:
                    # A fresh process reads it in under 2 s: the first figure was the machine (memory
                    # pressure, a busy core), not the input. Counted apart, and kept for a look.
                    s["slow_once"] = s.get("slow_once", 0) + 1
                    kept.with_suffix(".note").write_text(f"{note}; {again:.2f} s in a fresh process\n",
                                                         encoding="utf-8")
                else:
                    s["over_2s"] += 1
                    s["over_limit"] += stopped
            if time.monotonic() - flushed > 10:
                _write(out, target, s, sizes, kinds)  # a worker the kernel ends still leaves its counts
                flushed = time.monotonic()
    finally:
        guard.close()
        _write(out, target, s, sizes, kinds)
    return s


def _replayed_cpu(path: Path) -> float | None:
    """The CPU seconds a saved input takes in a fresh process (``--replay``); None if it cannot say."""
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--replay", str(path)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    found = re.search(r"([\d.]+) s CPU", done.stdout)
    return float(found.group(1)) if found else None


def _write(out: Path, target: str, s: dict, sizes: Counter[str], kinds: Counter[str]) -> None:
    figures = {**s, "cpu_s": round(s["cpu_s"], 3), "make_cpu_s": round(s["make_cpu_s"], 3),
               "max_cpu_s": round(s["max_cpu_s"], 4), "worst_ms_per_kb": round(s["worst_ms_per_kb"], 3),
               "sizes_kb": dict(sizes), "crash_kinds": dict(kinds)}
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({target: figures}) + "\n", encoding="utf-8")
    tmp.replace(out)


# -- the campaign: chunks handed to worker processes, merged as they finish -----------------------------

def rescue(pid: int, returncode: int) -> dict[str, dict]:
    """The input a worker was running when a signal ended it. SIGXCPU is the kernel's CPU limit:
    a hang, saved and counted; another signal (stopped from outside) keeps the input, uncounted."""
    found: dict[str, dict] = {}
    hang = returncode == -signal.SIGXCPU
    for current in FINDINGS.glob(f".current-{pid}-*.txt"):
        target = current.stem.split("-", 2)[2]
        raw = current.read_bytes()
        if not raw:  # the worker was between inputs
            current.unlink()
            continue
        folder = FINDINGS / target
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / f"{'hang' if hang else 'stopped'}-{hashlib.sha1(raw).hexdigest()[:12]}.txt"
        current.replace(kept)
        kept.with_suffix(".note").write_text(f"the process was ended by signal {-returncode} while running it "
                                             f"({len(raw):,} bytes)\n", encoding="utf-8")
        print(f"  {target}: a process was ended by signal {-returncode}; its input is {kept}", flush=True)
        if hang:
            found[target] = {**empty(), "inputs": 1, "bytes": len(raw), "over_2s": 1, "over_limit": 1}
    if hang and not found:
        print("  a process was ended at the CPU limit between inputs (while making one)", flush=True)
    return found


def _worker_cmd(target: str, examples: int, seconds: float, seed: str, out: Path, cpu_limit: float,
                deadline: float) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--worker", target, "--examples", str(examples),
            "--chunk-cpu", str(seconds), "--seed", seed, "--out", str(out), "--cpu-limit", str(cpu_limit),
            "--deadline", str(deadline)]


def campaign(examples: int, targets: list[str], *, jobs: int, chunk_cpu: float, cpu_limit: float,
             deadline: float = 0.0, resume: bool = False) -> dict[str, dict]:
    """Hand chunks to ``jobs`` workers until every target has ``examples`` inputs or ``deadline`` (epoch s)."""
    STATE.parent.mkdir(parents=True, exist_ok=True)
    stats: dict[str, dict] = {}
    if resume and STATE.exists():
        stats = {k: v for k, v in json.loads(STATE.read_text(encoding="utf-8")).items() if k in targets}
    for name in targets:
        stats.setdefault(name, empty())
    work_dir = HERE / "results" / "fuzz-work"
    work_dir.mkdir(parents=True, exist_ok=True)
    for left in sorted(work_dir.glob("*.json")):  # chunks of a stopped campaign: counted up to their last flush
        if resume:  # their process CPU is not known: their CPU is left out of the harness share
            stats = merge(stats, {k: {**v, "unmeasured_cpu_s": v["cpu_s"]}
                                  for k, v in json.loads(left.read_text(encoding="utf-8")).items() if k in stats})
        left.unlink()
    for current in FINDINGS.glob(".current-*.txt"):  # inputs a stopped worker was running: not findings
        current.unlink()
    running: dict[int, tuple[subprocess.Popen[bytes], str, Path, int]] = {}
    started = time.monotonic()
    next_chunk = {t: stats[t]["chunks"] for t in targets}

    def pick() -> tuple[str, int] | None:
        """The target with the fewest inputs (done or asked of running workers) and how many it still needs."""
        asked = Counter[str]()
        busy = Counter[str]()
        for _, t, _, n in running.values():
            asked[t] += n
            busy[t] += 1
        left = {t: examples - stats[t]["inputs"] - asked[t] for t in targets}
        open_ = [t for t in targets if left[t] > 0]
        if not open_:
            return None
        target = min(open_, key=lambda t: (busy[t], stats[t]["inputs"]))
        return target, left[target]

    while True:
        while len(running) < jobs and not (deadline and time.time() > deadline):
            picked = pick()
            if picked is None:
                break
            target, want = picked
            done = stats[target]
            if done["inputs"] and done["cpu_s"]:  # what one chunk of CPU will run, at the rate so far
                want = min(want, int(chunk_cpu * done["inputs"] / done["cpu_s"]) + 1)
            chunk_no = next_chunk[target]
            next_chunk[target] += 1
            seed = f"{target}:{chunk_no}"
            out = work_dir / f"{target}-{chunk_no}.json"
            out.unlink(missing_ok=True)
            p = subprocess.Popen(_worker_cmd(target, want, chunk_cpu, seed, out, cpu_limit, deadline), cwd=ROOT)
            running[p.pid] = (p, target, out, want)
        if not running:
            break
        pid, status, usage = os.wait4(-1, 0)
        if pid not in running:
            continue
        p, target, out, _ = running.pop(pid)
        p.returncode = os.waitstatus_to_exitcode(status)
        parts = rescue(pid, p.returncode) if p.returncode < 0 else {}
        if out.exists():
            parts = merge(parts, json.loads(out.read_text(encoding="utf-8")))
            out.unlink()
        elif p.returncode > 0:
            print(f"  {target}: a worker failed (exit {p.returncode}); see its error above", flush=True)
            if not parts:
                continue
        part = parts.get(target, empty())
        parts.setdefault(target, part)["process_cpu_s"] = usage.ru_utime + usage.ru_stime
        stats = merge(stats, parts)
        tmp = STATE.with_suffix(".tmp")
        tmp.write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
        tmp.replace(STATE)
        ms = part["cpu_s"] * 1000 / max(part["inputs"], 1)
        fewest = min(stats[t]["inputs"] for t in targets)
        print(f"{datetime.now(UTC):%H:%M:%S} {target}: +{part['inputs']:,} ({ms:.1f} ms each), "
              f"{stats[target]['inputs']:,} in all; fewest of any target {fewest:,}; "
              f"{time.monotonic() - started:.0f} s", flush=True)
    return stats


def table(stats: dict[str, dict]) -> str:
    lines = [f"{'target':<16}{'inputs':>9}{'MB':>7}{'uncaught':>9}{'over 2 s':>9}{'at limit':>9}{'max CPU s':>10}"
             f"{'ms/input':>9}{'mean ms/KB':>11}{'worst ms/KB':>12}{'harness %':>10}{'slow once':>10}"
             "  sizes (KB: inputs)  crash kinds"]
    for name, s in stats.items():
        mean = s["cpu_s"] * 1000 / max(s["bytes"] / 1024, 1e-9)
        per = s["cpu_s"] * 1000 / max(s["inputs"], 1)
        total = s.get("process_cpu_s", 0.0)
        measured = s["cpu_s"] - s.get("unmeasured_cpu_s", 0.0)
        harness = f"{100 * (total - measured) / total:.0f}" if total else "-"
        sizes = " ".join(f"{k}:{v:,}" for k, v in sorted(s.get("sizes_kb", {}).items(), key=_bucket_order))
        kinds = "; ".join(f"{n}x {k}" for k, n in s["crash_kinds"].items()) or "-"
        lines.append(f"{name:<16}{s['inputs']:>9,}{s['bytes'] / 1e6:>7.1f}{s['uncaught']:>9}{s['over_2s']:>9}"
                     f"{s.get('over_limit', 0):>9}{s['max_cpu_s']:>10.3f}{per:>9.2f}{mean:>11.2f}"
                     f"{s['worst_ms_per_kb']:>12.1f}{harness:>10}{s.get('slow_once', 0):>10}  {sizes}  {kinds}")
    return "\n".join(lines)


def _bucket_order(item: tuple[str, int]) -> float:
    key = item[0]
    return float(key[2:]) + 0.5 if key.startswith(">=") else float(key[1:])


def replay(path: Path) -> int:
    """Run one saved input through its target, with its CPU time; exit 1 if it still fails."""
    sys.path.insert(0, str(ROOT))
    from tests.fuzz.targets import TARGETS

    target = path.parent.name
    if target not in TARGETS:
        print(f"cannot replay a {target!r} input (replayable: {', '.join(TARGETS)})", file=sys.stderr)
        return 2
    spec = TARGETS[target]
    text = path.read_bytes().decode("utf-8", "surrogatepass")
    with contextlib.suppress(Exception):
        spec.run(spec.make(random.Random(0)))  # lazy imports: not a figure about the input
    started = time.process_time()
    failed = None
    try:
        spec.run(text)
    except spec.allowed:
        pass
    except Exception as exc:
        failed = exc
    cpu = time.process_time() - started
    print(f"{target}: {len(text):,} characters, {cpu:.2f} s CPU, "
          + (f"failed: {type(failed).__name__}: {failed}" if failed else "no crash"))
    return 1 if failed or cpu > SLOW_S else 0


def _deadline(until: str, budget: float) -> float:
    if until:
        hh, mm = (int(x) for x in until.split(":"))
        now = datetime.now(UTC)
        at = now.replace(hour=hh, minute=mm, second=0, microsecond=0)
        return at.timestamp() if at > now else at.timestamp() + 86_400
    return time.time() + budget if budget else 0.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--long", action="store_true", help="100,000 inputs per target")
    parser.add_argument("--quick", action="store_true", help="150 inputs per target")
    parser.add_argument("--examples", type=int, default=None)
    parser.add_argument("-k", dest="targets", default="", help="only these targets (comma-separated)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes at once")
    parser.add_argument("--chunk-cpu", type=float, default=60.0, help="CPU seconds a worker runs before reporting")
    parser.add_argument("--budget", type=float, default=0.0, help="stop after this many seconds of wall time")
    parser.add_argument("--until", default="", help="stop at this UTC time (HH:MM)")
    parser.add_argument("--resume", action="store_true", help="go on from bench/results/fuzz.json")
    parser.add_argument("--cpu-limit", type=float, default=30.0, help="per-input CPU limit in seconds")
    parser.add_argument("--replay", type=Path, default=None, help="run one saved input again")
    parser.add_argument("--worker", default="", help=argparse.SUPPRESS)
    parser.add_argument("--seed", default="0", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--deadline", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    examples = args.examples or (100_000 if args.long else 150 if args.quick else 1_000)
    if args.worker:
        work(args.worker, examples, args.chunk_cpu, args.seed, args.out, args.cpu_limit, args.deadline)
        return 0
    sys.path.insert(0, str(ROOT))
    from tests.fuzz.targets import TARGETS

    targets = [t for t in (args.targets.split(",") if args.targets else TARGETS) if t]
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        print(f"unknown target {', '.join(unknown)} (targets: {', '.join(TARGETS)})", file=sys.stderr)
        return 2
    started = time.perf_counter()
    stats = campaign(examples, targets, jobs=max(1, args.jobs), chunk_cpu=args.chunk_cpu,
                     cpu_limit=args.cpu_limit, deadline=_deadline(args.until, args.budget), resume=args.resume)
    ran = min((s["inputs"] for s in stats.values()), default=0)
    print(f"\nfuzz: {examples:,} inputs asked per target, {ran:,} run (fewest of any target); "
          f"{time.perf_counter() - started:.0f} s wall this run, {args.jobs} processes")
    print(table(stats))
    print("ms/input: the target's own CPU per input; harness %: the rest of the workers' CPU (start-up, "
          "imports, making inputs, the CPU timer); over 2 s: confirmed by a rerun in a fresh process; "
          "slow once: over 2 s in the campaign but not in a fresh process (the machine, not the input)")
    if FINDINGS.exists() and any(FINDINGS.rglob("*.txt")):
        print(f"saved inputs: {FINDINGS.relative_to(ROOT)}/ (replay one: python bench/fuzz.py --replay FILE)")
    bad = any(s["uncaught"] or s["over_2s"] for s in stats.values())
    return 1 if bad or not stats else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
