"""The fuzz suite's settings and statistics.

A short run in CI (``pytest -m fuzz``: LITREVIEW_FUZZ_EXAMPLES inputs per target, 150 by
default, derandomised); a long run by ``python bench/fuzz.py --long``, which calls the same
targets (targets.py) on the same kind of inputs (mutate.py) in process, without hypothesis.
Inputs are mutations of the repository's own files (tests/cases, refs/, the fake registry's
records) with hostile pieces spliced in. With LITREVIEW_FUZZ_SURVEY=1 an unexpected exception
is counted instead of failing the test (LITREVIEW_FUZZ_STATS=FILE: the counts, as JSON).

Each input runs under a CPU limit (LITREVIEW_FUZZ_CPU_LIMIT seconds, 30 by default; guard.py),
so a hang fails the test instead of stalling CI. With LITREVIEW_FUZZ_FINDINGS=DIR every input
that crashes, takes over 2 s of CPU or reaches the limit is saved under DIR/<target>/, so it
can be replayed (``python bench/fuzz.py --replay FILE``).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from . import guard
from .mutate import mutate

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("LITREVIEW_FUZZ_EXAMPLES", "150"))
SURVEY = os.environ.get("LITREVIEW_FUZZ_SURVEY") == "1"
STATS_FILE = os.environ.get("LITREVIEW_FUZZ_STATS", "")
FINDINGS = Path(os.environ["LITREVIEW_FUZZ_FINDINGS"]) if os.environ.get("LITREVIEW_FUZZ_FINDINGS") else None
CPU_LIMIT = float(os.environ.get("LITREVIEW_FUZZ_CPU_LIMIT", "30"))
SLOW_S = 2.0  # the goal: no input over 2 s of CPU

FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not SURVEY,
                suppress_health_check=list(HealthCheck), print_blob=True)


@st.composite
def mutated(draw: st.DrawFn, pool: tuple[str, ...], max_ops: int = 6, max_len: int = 60_000) -> str:
    """A seed with a few random edits (mutate.mutate, driven by a Random hypothesis draws)."""
    return mutate(draw(st.randoms(use_true_random=False)), pool, max_ops, max_len)


@dataclass
class Stats:
    """Per target: inputs run, bytes, CPU, the slowest input per KB, and crashes by kind."""

    inputs: Counter[str] = field(default_factory=Counter)
    size: Counter[str] = field(default_factory=Counter)
    cpu: Counter[str] = field(default_factory=Counter)
    worst_ms_per_kb: dict[str, float] = field(default_factory=dict)
    max_cpu: dict[str, float] = field(default_factory=dict)
    over_2s: Counter[str] = field(default_factory=Counter)
    over_limit: Counter[str] = field(default_factory=Counter)
    crashes: dict[str, Counter[str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {t: {"inputs": self.inputs[t], "bytes": self.size[t], "cpu_s": round(self.cpu[t], 3),
                    "max_cpu_s": round(self.max_cpu.get(t, 0.0), 4),
                    "worst_ms_per_kb": round(self.worst_ms_per_kb.get(t, 0.0), 3),
                    "over_2s": self.over_2s[t], "over_limit": self.over_limit[t], "uncaught": sum(self.crashes.get(t, Counter()).values()),
                    "crash_kinds": dict(self.crashes.get(t, Counter()))}
                for t in sorted(self.inputs)}


STATS = Stats()


def save_finding(target: str, kind: str, data: str | bytes, note: str = "") -> Path | None:
    """Keep one input under FINDINGS/<target>/<kind>-<hash>.txt (and what happened, beside it)."""
    return guard.save_finding(FINDINGS, target, kind, data, note)


def run_target(target: str, data: str | bytes, fn: Callable[[], object],
               allowed: tuple[type[BaseException], ...] = ()) -> None:
    """Run one input: an ``allowed`` exception is a clean refusal; anything else is a crash."""
    start = time.process_time()
    stopped = False
    try:
        limit = guard.Guard(CPU_LIMIT, FINDINGS)
        try:
            with limit.input(target, data), contextlib.suppress(*allowed):
                fn()
        finally:
            limit.close()
    except guard.OverLimit:
        stopped = True
    except Exception as exc:
        kind = f"{type(exc).__name__} in {guard.where(exc)}"
        STATS.crashes.setdefault(target, Counter())[kind] += 1
        save_finding(target, "crash", data, "".join(traceback.format_exception(exc)))
        if not SURVEY:
            raise
    finally:
        spent = time.process_time() - start
        size = len(data.encode("utf-8", "replace") if isinstance(data, str) else data)
        STATS.inputs[target] += 1
        STATS.size[target] += size
        STATS.cpu[target] += spent
        if STATS.inputs[target] > 1:  # the first input pays for lazy imports: not a figure about it
            STATS.max_cpu[target] = max(STATS.max_cpu.get(target, 0.0), spent)
            STATS.over_2s[target] += spent > SLOW_S
            per_kb = spent * 1000 / max(size / 1024, 1.0)
            STATS.worst_ms_per_kb[target] = max(STATS.worst_ms_per_kb.get(target, 0.0), per_kb)
        if stopped or (spent > SLOW_S and STATS.inputs[target] > 1):
            STATS.over_limit[target] += stopped
            save_finding(target, "hang" if stopped else "slow", data,
                         f"{spent:.2f} s CPU, {size:,} bytes" + (" (stopped at the limit)" if stopped else ""))
        if STATS_FILE and sum(STATS.inputs.values()) % 100 == 0:
            _flush()  # a process the kernel ends still leaves its counts
    if stopped and not SURVEY:
        pytest.fail(f"{target}: an input took over {CPU_LIMIT:g} s of CPU")


@pytest.fixture(scope="session", autouse=True)
def _write_stats():
    yield
    if STATS_FILE:
        _flush()


def _flush() -> None:
    Path(STATS_FILE).write_text(json.dumps(STATS.to_json(), indent=1) + "\n", encoding="utf-8")
