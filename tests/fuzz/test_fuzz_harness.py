"""The fuzz harness itself: the per-input CPU limit stops an input and keeps it, and a crash
or a process the kernel ended leaves its input under the target's name for replay."""

from __future__ import annotations

import importlib.util
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
