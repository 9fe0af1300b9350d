"""The fuzz suite's settings, seeds and statistics.

A short run in CI (``pytest -m fuzz``: LITREVIEW_FUZZ_EXAMPLES inputs per target, 150 by
default); a long run by ``python bench/fuzz.py --long``. Inputs are mutations of the
repository's own files (tests/cases, refs/, the fake registry's records) with hostile
pieces spliced in. With LITREVIEW_FUZZ_SURVEY=1 an unexpected exception is counted
instead of failing the test, so a campaign reports how many inputs crash and how.

With LITREVIEW_FUZZ_FINDINGS=DIR every input that crashes, takes over 2 s of CPU or reaches
the per-input limit (LITREVIEW_FUZZ_CPU_LIMIT seconds of CPU, 30 by default) is saved under
DIR/<target>/, so it can be replayed (``python bench/fuzz.py --replay FILE``). An input at the
limit is interrupted (a CPU timer); one stuck where Python cannot interrupt it is ended by the
kernel (RLIMIT_CPU), and bench/fuzz.py saves it from DIR/.current-<pid>-<target>.txt. In a
campaign (bench/fuzz.py) making each input has a looser kernel limit as well.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import resource
import signal
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("LITREVIEW_FUZZ_EXAMPLES", "150"))
SURVEY = os.environ.get("LITREVIEW_FUZZ_SURVEY") == "1"
STATS_FILE = os.environ.get("LITREVIEW_FUZZ_STATS", "")
FINDINGS = Path(os.environ["LITREVIEW_FUZZ_FINDINGS"]) if os.environ.get("LITREVIEW_FUZZ_FINDINGS") else None
CPU_LIMIT = float(os.environ.get("LITREVIEW_FUZZ_CPU_LIMIT", "30"))
SLOW_S = 2.0  # the goal: no input over 2 s of CPU
CAMPAIGN = bool(STATS_FILE) and FINDINGS is not None  # run by bench/fuzz.py, a process of its own

FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not SURVEY,
                suppress_health_check=list(HealthCheck), print_blob=True)

#: Pieces that broke parsers before, or that parsers of these formats often trip on.
HOSTILE = (
    "[", "]", "{", "}", "\\", "@", "%", "#", "&", "*a", "&a ", "~", "^", "$", "_", '"', "'", "`", ",", ";", ":",
    "\x00", "\x0b", "\u202e", "\ufeff", "\u00a0", "\u200b", "é", "ﬁ", "𝔄", "\r", "\r\n", "\n\n", "\t",
    "1" * 5000, "a" * 3000, "[" * 300, "{" * 300, "}" * 300, "- " * 200, "  " * 300, ". ," * 50,
    "https://[", "http://[::1", "doi:10.1/x", "10.1000/xyz", "pages = {", "title = {", "@article{k,",
    "---\n", "---", "!!python/object:os.system", "<script>", "Dr.", "et al.", "(2004)", "p. 3", "pp. 1--2",
    "A. B. C.", "& ", "*", "|", "? ", "- ", ": ", "{{", "}}", "\\{", "\\}", "\\url{", "$x$", "--", "—",
    # BibTeX pieces whose repetition was super-linear (a macro doubling itself, unclosed entries, keyless ones)
    '@string{a = "xy"}\n', "@string{a = a # a}\n", " # a", "\n@book{k, title={a}\n", "\n@a{\n",
    "@book{, t={a}}\n", " and ", "{\\'e}", "\\" * 3, "$x",
)
#: Pieces short enough to flood an input with (thousands of copies).
FLOOD = tuple(piece for piece in HOSTILE if len(piece) <= 24)


def _read(paths: list[Path]) -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8", errors="replace") for p in sorted(paths))


def seeds(kind: str) -> tuple[str, ...]:
    """The repository's own files of one kind, as seeds for mutation."""
    cases = ROOT / "tests" / "cases"
    if kind == "bib":
        found = _read([*cases.rglob("*.bib"), ROOT / "refs" / "bibliography.bib"])
    elif kind == "essay":
        found = _read([*cases.rglob("*.md"), ROOT / "refs" / "essay.md"])
    elif kind == "yaml":
        found = _read([*cases.rglob("*.yaml"), ROOT / "refs" / "claims.yaml"])
    elif kind == "refs":
        found = tuple(line for text in _read([*cases.rglob("*.txt")]) for line in text.splitlines() if len(line) > 30)
    else:
        raise ValueError(kind)
    return tuple(s for s in found if s.strip()) or ("",)


@st.composite
def mutated(draw: st.DrawFn, pool: tuple[str, ...], max_ops: int = 6, max_len: int = 60_000) -> str:
    """A seed with a few random edits: hostile pieces spliced in, spans cut, doubled or shuffled."""
    text = draw(st.sampled_from(pool))
    if len(text) > max_len:
        start = draw(st.integers(0, len(text) - max_len))
        text = text[start:start + max_len]
    for _ in range(draw(st.integers(0, max_ops))):
        op = draw(st.sampled_from(("insert", "insert", "cut", "double", "random", "repeat", "flood")))
        at = draw(st.integers(0, len(text)))
        if op == "insert":
            text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at:]
        elif op == "cut":
            text = text[:at] + text[at + draw(st.integers(0, 400)):]
        elif op == "double":
            text = text[:at] + text[at:at + draw(st.integers(0, 400))] + text[at:]
        elif op == "random":
            text = text[:at] + draw(st.text(max_size=40)) + text[at:]
        elif op == "repeat":
            piece = draw(st.sampled_from(HOSTILE))
            text = text[:at] + piece * draw(st.integers(2, 50)) + text[at:]
        else:
            text = text[:at] + draw(st.sampled_from(FLOOD)) * draw(st.integers(100, 2_000)) + text[at:]
    return text


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


class OverLimit(BaseException):
    """One input reached the per-input CPU limit (a BaseException: no ``except Exception`` eats it)."""


def _over_limit(signum: int, frame: object) -> None:
    raise OverLimit


def save_finding(target: str, kind: str, data: str | bytes, note: str = "") -> Path | None:
    """Keep one input under FINDINGS/<target>/<kind>-<hash>.txt (and what happened, beside it)."""
    if FINDINGS is None:
        return None
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    folder = FINDINGS / target
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}-{hashlib.sha1(raw).hexdigest()[:12]}.txt"
    path.write_bytes(raw)
    if note:
        path.with_suffix(".note").write_text(note, encoding="utf-8")
    return path


class _Guard:
    """The per-input CPU limit: a profiling timer raises OverLimit in Python code, and
    RLIMIT_CPU (a few seconds later) lets the kernel end a process stuck where it cannot."""

    def __init__(self, target: str, data: str | bytes) -> None:
        self.on = CPU_LIMIT > 0 and hasattr(signal, "setitimer")
        self.current: Path | None = None
        if FINDINGS is not None:
            FINDINGS.mkdir(parents=True, exist_ok=True)
            self.current = FINDINGS / f".current-{os.getpid()}-{target}.txt"
            raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
            self.current.write_bytes(raw)

    def __enter__(self) -> _Guard:
        if self.on:
            self.previous = signal.signal(signal.SIGPROF, _over_limit)
            signal.setitimer(signal.ITIMER_PROF, CPU_LIMIT)
            self.rlimit = resource.getrlimit(resource.RLIMIT_CPU)
            _limit_rest(CPU_LIMIT + 5)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.on:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, self.previous)
            resource.setrlimit(resource.RLIMIT_CPU, self.rlimit)
            if CAMPAIGN:  # making the next input (hypothesis) gets a looser limit too
                _limit_rest(4 * CPU_LIMIT + 30)
        if self.current is not None:
            self.current.unlink(missing_ok=True)


def _limit_rest(seconds: float) -> None:
    """Let the kernel end this process after ``seconds`` more of CPU (0: no limit)."""
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if not seconds:
        resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))
        return
    used = resource.getrusage(resource.RUSAGE_SELF)
    stop = math.ceil(used.ru_utime + used.ru_stime + seconds)
    if hard == resource.RLIM_INFINITY or stop < hard:
        resource.setrlimit(resource.RLIMIT_CPU, (stop, hard))


def run_target(target: str, data: str | bytes, fn: Callable[[], object],
               allowed: tuple[type[BaseException], ...] = ()) -> None:
    """Run one input: an ``allowed`` exception is a clean refusal; anything else is a crash."""
    start = time.process_time()
    stopped = False
    try:
        with _Guard(target, data), contextlib.suppress(*allowed):
            fn()
    except OverLimit:
        stopped = True
    except Exception as exc:
        kind = f"{type(exc).__name__} in {_where(exc)}"
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


def _where(exc: BaseException) -> str:
    tb = exc.__traceback__
    last = None
    while tb is not None:
        if "litreview" in tb.tb_frame.f_code.co_filename:
            last = tb
        tb = tb.tb_next
    if last is None:
        return "?"
    path = Path(last.tb_frame.f_code.co_filename)
    return f"{path.parent.name}/{path.name}:{last.tb_frame.f_code.co_name}"


@pytest.fixture(scope="session", autouse=True)
def _write_stats():
    yield
    if CAMPAIGN and CPU_LIMIT > 0 and hasattr(signal, "setitimer"):
        _limit_rest(0)
    if STATS_FILE:
        _flush()


def _flush() -> None:
    Path(STATS_FILE).write_text(json.dumps(STATS.to_json(), indent=1) + "\n", encoding="utf-8")
