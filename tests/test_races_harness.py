"""The race harness itself (litreview.testing.races): it waits fairly and keeps evidence of a stall."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from litreview.testing.races import _finish

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals and /proc are POSIX")


def _python(code: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "PYTHONFAULTHANDLER": "1"},
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_both_processes_pipes_are_read_at_once(tmp_path: Path) -> None:
    """The second process fills its pipe before the first can end: reading one after the other deadlocks."""
    flag = tmp_path / "second-done"
    first = _python(f"import pathlib, time\nwhile not pathlib.Path({str(flag)!r}).exists():\n    time.sleep(0.05)\n")
    second = _python(f"import pathlib, sys\nsys.stdout.write('x' * 1_000_000)\nsys.stdout.flush()\n"
                     f"pathlib.Path({str(flag)!r}).touch()\n")
    exits, errs, stalled = _finish([first, second], timeout=30)
    assert (exits, stalled) == ((0, 0), 0), errs


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process states are read from /proc")
def test_a_stalled_process_is_described_with_its_python_stack() -> None:
    sleeper = _python("import time\ndef waiting_for_ever():\n    print('ready', flush=True)\n    time.sleep(600)\n"
                      "waiting_for_ever()\n")
    assert sleeper.stdout is not None and sleeper.stdout.readline() == b"ready\n"
    exits, errs, stalled = _finish([sleeper], timeout=1.5)
    assert stalled == 1 and exits[0] != 0
    assert "no answer in 2 s (state S (sleeping)" in errs, errs
    assert "stack: " in errs and "waiting_for_ever" in errs, errs


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process states are read from /proc")
def test_a_stopped_process_is_reported_stopped_with_its_stack() -> None:
    stopped = _python("import time\ndef stopped_here():\n    print('ready', flush=True)\n    time.sleep(600)\n"
                      "stopped_here()\n")
    assert stopped.stdout is not None and stopped.stdout.readline() == b"ready\n"  # stopped inside, not at start-up
    os.kill(stopped.pid, signal.SIGSTOP)
    exits, errs, stalled = _finish([stopped], timeout=1)
    assert stalled == 1 and exits == (-signal.SIGABRT,)
    assert "state T (stopped)" in errs and "stopped_here" in errs, errs
