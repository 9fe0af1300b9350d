"""The fuzz suite's settings, seeds and statistics.

A short run in CI (``pytest -m fuzz``: LITREVIEW_FUZZ_EXAMPLES inputs per target, 150 by
default); a long run by ``python bench/fuzz.py --long``. Inputs are mutations of the
repository's own files (tests/cases, refs/, the fake registry's records) with hostile
pieces spliced in. With LITREVIEW_FUZZ_SURVEY=1 an unexpected exception is counted
instead of failing the test, so a campaign reports how many inputs crash and how.
"""

from __future__ import annotations

import json
import os
import time
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
)


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
        op = draw(st.sampled_from(("insert", "insert", "cut", "double", "random", "repeat")))
        at = draw(st.integers(0, len(text)))
        if op == "insert":
            text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at:]
        elif op == "cut":
            text = text[:at] + text[at + draw(st.integers(0, 400)):]
        elif op == "double":
            text = text[:at] + text[at:at + draw(st.integers(0, 400))] + text[at:]
        elif op == "random":
            text = text[:at] + draw(st.text(max_size=40)) + text[at:]
        else:
            piece = draw(st.sampled_from(HOSTILE))
            text = text[:at] + piece * draw(st.integers(2, 50)) + text[at:]
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
    crashes: dict[str, Counter[str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {t: {"inputs": self.inputs[t], "bytes": self.size[t], "cpu_s": round(self.cpu[t], 3),
                    "max_cpu_s": round(self.max_cpu.get(t, 0.0), 4),
                    "worst_ms_per_kb": round(self.worst_ms_per_kb.get(t, 0.0), 3),
                    "over_2s": self.over_2s[t], "uncaught": sum(self.crashes.get(t, Counter()).values()),
                    "crash_kinds": dict(self.crashes.get(t, Counter()))}
                for t in sorted(self.inputs)}


STATS = Stats()


def run_target(target: str, data: str | bytes, fn: Callable[[], object],
               allowed: tuple[type[BaseException], ...] = ()) -> None:
    """Run one input: an ``allowed`` exception is a clean refusal; anything else is a crash."""
    start = time.process_time()
    try:
        fn()
    except allowed:
        pass
    except Exception as exc:
        kind = f"{type(exc).__name__} in {_where(exc)}"
        STATS.crashes.setdefault(target, Counter())[kind] += 1
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
            STATS.over_2s[target] += spent > 2.0
            per_kb = spent * 1000 / max(size / 1024, 1.0)
            STATS.worst_ms_per_kb[target] = max(STATS.worst_ms_per_kb.get(target, 0.0), per_kb)


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
    if STATS_FILE:
        Path(STATS_FILE).write_text(json.dumps(STATS.to_json(), indent=1) + "\n", encoding="utf-8")
