"""The fuzz harness itself: the per-input CPU limit stops an input and keeps it, and a crash
or a process the kernel ended leaves its input under the target's name for replay."""

from __future__ import annotations

import importlib.util
import json
import signal
from pathlib import Path

import pytest

from . import conftest

ROOT = Path(__file__).resolve().parents[2]


def _bench_fuzz():
    spec = importlib.util.spec_from_file_location("bench_fuzz", ROOT / "bench" / "fuzz.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(conftest, "FINDINGS", tmp_path)
    monkeypatch.setattr(conftest, "STATS", conftest.Stats())
    return tmp_path


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs a CPU timer (POSIX)")
def test_an_input_at_the_cpu_limit_is_stopped_and_kept(findings: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "CPU_LIMIT", 0.2)

    def spin() -> None:
        while True:
            pass

    with pytest.raises(pytest.fail.Exception, match=r"over 0\.2 s of CPU"):
        conftest.run_target("bib", "@book{k, title={spin}}", spin)
    kept = list((findings / "bib").glob("hang-*.txt"))
    assert [p.read_text(encoding="utf-8") for p in kept] == ["@book{k, title={spin}}"]
    assert "stopped at the limit" in kept[0].with_suffix(".note").read_text(encoding="utf-8")
    assert conftest.STATS.over_limit["bib"] == 1
    assert not list(findings.glob(".current-*"))  # the guard cleans up after each input
    conftest.run_target("bib", "fine", lambda: None)  # the limit is disarmed after the input
    assert conftest.STATS.inputs["bib"] == 2


def test_a_crash_is_kept_with_its_traceback(findings: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "SURVEY", True)
    conftest.run_target("claims", "links: [", lambda: {}["missing"])
    kept = list((findings / "claims").glob("crash-*.txt"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "links: ["
    assert "KeyError" in kept[0].with_suffix(".note").read_text(encoding="utf-8")
    assert conftest.STATS.crashes["claims"]


def test_a_process_ended_at_the_kernel_limit_leaves_its_input_as_a_hang(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fuzz = _bench_fuzz()
    monkeypatch.setattr(fuzz, "FINDINGS", tmp_path)
    (tmp_path / ".current-4242-import.txt").write_text("Holsti, K. J. {{{", encoding="utf-8")
    (tmp_path / ".current-4343-bib.txt").write_text("@book{", encoding="utf-8")
    counted = fuzz.rescue(4242, -signal.SIGXCPU)
    assert counted["import"]["over_limit"] == 1
    assert [p.read_text(encoding="utf-8") for p in (tmp_path / "import").glob("hang-*.txt")] == ["Holsti, K. J. {{{"]
    assert fuzz.rescue(4343, -signal.SIGTERM) == {}  # stopped from outside: kept, not counted as a hang
    assert len(list((tmp_path / "bib").glob("stopped-*.txt"))) == 1


def test_a_worker_ended_between_inputs_leaves_nothing_to_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fuzz = _bench_fuzz()
    monkeypatch.setattr(fuzz, "FINDINGS", tmp_path)
    (tmp_path / ".current-4545-essay.txt").write_bytes(b"")  # emptied after its last input
    assert fuzz.rescue(4545, -signal.SIGXCPU) == {}
    assert not list(tmp_path.rglob("*.txt"))


def test_the_guard_keeps_the_running_input_and_empties_it_after(tmp_path: Path) -> None:
    from .guard import Guard

    guard = Guard(5.0, tmp_path)
    current: Path | None = None
    with guard.input("bib", "@book{k,"):
        current = next(tmp_path.glob(".current-*-bib.txt"))
        assert current.read_text(encoding="utf-8") == "@book{k,"
    assert current is not None and current.read_bytes() == b""
    with guard.input("bib", "x"):
        assert current.read_text(encoding="utf-8") == "x"  # rewritten in place, the longer text gone
    guard.close()
    assert not current.exists()


def test_a_campaign_chunk_is_the_same_inputs_for_the_same_seed_and_others_for_another() -> None:
    import random

    from .targets import TARGETS

    for name, spec in TARGETS.items():
        first = [spec.make(random.Random(f"{name}:1")) for _ in range(3)]
        assert first == [spec.make(random.Random(f"{name}:1")) for _ in range(3)], name
        assert first != [spec.make(random.Random(f"{name}:2")) for _ in range(3)], name


def test_a_worker_counts_its_inputs_and_their_sizes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fuzz = _bench_fuzz()
    monkeypatch.setattr(fuzz, "FINDINGS", tmp_path / "findings")
    out = tmp_path / "part.json"
    fuzz.work("registry-parse", 20, 60.0, "registry-parse:0", out, cpu_limit=5.0)
    part = json.loads(out.read_text(encoding="utf-8"))["registry-parse"]
    assert part["inputs"] == 20 and sum(part["sizes_kb"].values()) == 20 and part["uncaught"] == 0
    assert part["bytes"] > 0 and part["chunks"] == 1
    merged = fuzz.merge(fuzz.merge({}, {"registry-parse": part}), {"registry-parse": part})
    assert merged["registry-parse"]["inputs"] == 40 and merged["registry-parse"]["chunks"] == 2
    assert not list((tmp_path / "findings").glob(".current-*"))


def test_a_slow_input_is_timed_again_in_a_fresh_process(tmp_path: Path) -> None:
    fuzz = _bench_fuzz()
    kept = tmp_path / "bib" / "slow-0.txt"
    kept.parent.mkdir()
    kept.write_text("@book{k, title={Taming the Sovereigns}, year=2004}\n", encoding="utf-8")
    again = fuzz._replayed_cpu(kept)
    assert again is not None and 0 <= again < fuzz.SLOW_S
