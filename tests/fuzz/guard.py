"""The per-input CPU limit and the saved findings, shared by the pytest suite (conftest.py)
and the campaign (bench/fuzz.py).

A profiling timer (ITIMER_PROF), armed once per input, raises OverLimit in Python code;
RLIMIT_CPU, a few seconds later, lets the kernel end a process stuck where Python cannot be
interrupted (SIGXCPU). Before each input its text is written to FINDINGS/.current-<pid>-<target>.txt
(one open file per target, rewritten in place), so bench/fuzz.py can save the input a process
the kernel ended was running; the file is emptied when the input is done.
"""

from __future__ import annotations

import hashlib
import math
import os
import resource
import signal
from pathlib import Path

HAS_TIMER = hasattr(signal, "setitimer")


class OverLimit(BaseException):
    """One input reached the per-input CPU limit (a BaseException: no ``except Exception`` eats it)."""


def _over_limit(signum: int, frame: object) -> None:
    raise OverLimit


def encoded(data: str | bytes) -> bytes:
    return data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data


def save_finding(findings: Path | None, target: str, kind: str, data: str | bytes, note: str = "") -> Path | None:
    """Keep one input under <findings>/<target>/<kind>-<hash>.txt (and what happened, beside it)."""
    if findings is None:
        return None
    raw = encoded(data)
    folder = findings / target
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}-{hashlib.sha1(raw).hexdigest()[:12]}.txt"
    path.write_bytes(raw)
    if note:
        path.with_suffix(".note").write_text(note, encoding="utf-8")
    return path


def limit_rest(seconds: float) -> None:
    """Let the kernel end this process after ``seconds`` more of CPU (0: no limit)."""
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if not seconds:
        resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))
        return
    used = resource.getrusage(resource.RUSAGE_SELF)
    stop = math.ceil(used.ru_utime + used.ru_stime + seconds)
    if hard == resource.RLIM_INFINITY or stop < hard:
        resource.setrlimit(resource.RLIMIT_CPU, (stop, hard))


class Guard:
    """Arms the limit around one input at a time: ``with guard.input(target, data): ...``.

    ``between`` is the kernel limit left armed between inputs (making the next one); 0 disarms it.
    """

    def __init__(self, cpu_limit: float, findings: Path | None, *, between: float = 0.0) -> None:
        self.limit = cpu_limit if cpu_limit > 0 and HAS_TIMER else 0.0
        self.findings = findings
        self.between = between
        self._fds: dict[str, int] = {}
        self._target = ""
        self._rlimit = resource.getrlimit(resource.RLIMIT_CPU)
        if self.limit:
            signal.signal(signal.SIGPROF, _over_limit)

    def input(self, target: str, data: str | bytes) -> Guard:
        self._target = target
        if self.findings is not None:
            fd = self._fds.get(target)
            if fd is None:
                self.findings.mkdir(parents=True, exist_ok=True)
                path = self.findings / f".current-{os.getpid()}-{target}.txt"
                fd = self._fds[target] = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            raw = encoded(data)
            os.pwrite(fd, raw, 0)
            os.ftruncate(fd, len(raw))
        return self

    def __enter__(self) -> Guard:
        if self.limit:
            limit_rest(self.limit + 5)
            signal.setitimer(signal.ITIMER_PROF, self.limit)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.limit:
            signal.setitimer(signal.ITIMER_PROF, 0)
            if self.between:
                limit_rest(self.between)
            else:
                resource.setrlimit(resource.RLIMIT_CPU, self._rlimit)
        fd = self._fds.get(self._target)
        if fd is not None:
            os.ftruncate(fd, 0)  # done: an empty file means "between inputs"

    def close(self) -> None:
        """Disarm everything and remove the .current files."""
        if self.limit:
            signal.setitimer(signal.ITIMER_PROF, 0)
            resource.setrlimit(resource.RLIMIT_CPU, self._rlimit)
            signal.signal(signal.SIGPROF, signal.SIG_DFL)
        for target, fd in self._fds.items():
            os.close(fd)
            if self.findings is not None:
                (self.findings / f".current-{os.getpid()}-{target}.txt").unlink(missing_ok=True)
        self._fds.clear()


def where(exc: BaseException) -> str:
    """The innermost litreview frame of a traceback: module/file.py:function."""
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
