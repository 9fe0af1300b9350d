"""Safe read-modify-write of a user's file: an advisory lock, and a check before the rename.

Two litreview commands editing one file take turns (``locked``); a writer that does not
take the lock (an editor, a script) is caught because the file is compared with what was
read just before the atomic rename: the change is then applied again to the new content,
or refused with a message, and nothing is lost.

    with locked(path):                       # litreview writers, one at a time
        update_file(path, change)            # read -> change(bytes) -> verify -> rename
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import WriteError
from .fileio import link_target, relative_name, write_atomic

#: How long a command waits for another litreview command to finish writing the same file.
LOCK_TIMEOUT = 60.0
#: After this long waiting for the lock, the waiter says on stderr what it waits for.
NOTICE_AFTER = 3.0
#: A temporary file of ours older than this, found while holding the lock, is a killed writer's.
STALE_SECONDS = 60.0
#: How many times a change is re-applied when the file keeps changing underneath us.
ATTEMPTS = 3


class FileChangedError(WriteError):
    """The file changed between reading and writing it; nothing was written."""


#: The lock files' names as a .gitignore pattern (``init`` writes it): a lock file stays beside its file.
LOCK_PATTERN = ".*.litreview-lock"


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file beside ``path`` (``refs/.bibliography.bib.litreview-lock``; git-ignored by LOCK_PATTERN)."""
    p = link_target(path)  # writers through a link and through the file's own name share one lock
    return p.with_name(f".{p.name}.litreview-lock")


def _to_stderr(message: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def locked(path: str | os.PathLike[str], *, timeout: float | None = None,
           notify: Callable[[str], None] = _to_stderr, notice_after: float | None = None) -> Iterator[None]:
    """Hold the advisory lock of ``path`` (shared by every litreview writer of that file).

    The lock is released by the operating system when the process dies, so a killed
    command never leaves the file locked. Nested use in one process is not supported.
    A waiter gives up after ``timeout`` seconds (default LOCK_TIMEOUT; WriteError, nothing
    written); after ``notice_after`` (NOTICE_AFTER) seconds of waiting it tells ``notify``
    (stderr) what it waits for.
    """
    lp = lock_path(path)
    lp.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(lp, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise WriteError(f"cannot create the lock file: {exc.strerror}", path=str(lp),
                         hint="check the folder is writable") from exc
    try:
        _acquire(fd, lp, Path(path), LOCK_TIMEOUT if timeout is None else timeout, notify,
                 NOTICE_AFTER if notice_after is None else notice_after)
        clean_stale_temps(path)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _acquire(fd: int, lp: Path, target: Path, timeout: float, notify: Callable[[str], None],
             notice_after: float) -> None:
    started = time.monotonic()
    deadline = started + timeout
    delay = 0.005
    told = False
    while True:
        if _try_lock(fd):
            return
        now = time.monotonic()
        if not told and now - started >= notice_after and now < deadline:
            told = True
            # named as the user would type it, as the error below is (relative to the working folder)
            notify(f"waiting for another litreview command to finish writing {relative_name(target, Path.cwd())} "
                   f"(lock: {lp.name}); giving up after {timeout:.0f} s")
        if now >= deadline:
            raise WriteError(f"another litreview command has been writing {target.name} for over "
                             f"{timeout:.0f} s; nothing was written", path=str(target),
                             hint=f"wait for it to finish and run again (lock: {lp.name})")
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def clean_stale_temps(path: str | os.PathLike[str], *, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove ``.<name>.*.tmp`` files a killed writer left beside ``path``; returns what was removed."""
    p = link_target(path)
    removed = []
    now = time.time()
    with contextlib.suppress(OSError):
        for tmp in p.parent.glob(f".{_glob_escape(p.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if now - tmp.stat().st_mtime > older_than:
                    tmp.unlink()
                    removed.append(tmp)
    return removed


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def read_bytes(path: str | os.PathLike[str]) -> bytes | None:
    """The file's bytes, or None when it does not exist."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteError(f"cannot read the file before changing it: {exc.strerror}", path=str(path)) from exc


def unchanged_since(path: str | os.PathLike[str], before: bytes | str | None) -> Callable[[], None]:
    """A ``write_atomic`` check: raise FileChangedError unless ``path`` still holds ``before``.

    ``before`` is the bytes read (None: the file did not exist), or the decoded text,
    compared after dropping a UTF-8 byte-order mark.
    """
    def check() -> None:
        now = read_bytes(path)
        if isinstance(before, str):
            same = now is not None and now.decode("utf-8", "replace").removeprefix("\ufeff") == before
            same = same or (now is None and before == "")
        else:
            same = now == before
        if not same:
            raise FileChangedError(f"{Path(path).name} changed while litreview was writing it; "
                                   f"nothing was written", path=str(path),
                                   hint="run the command again (it starts from the new content)")
    return check


def update_file(path: str | os.PathLike[str], change: Callable[[bytes | None], bytes | None], *,
                attempts: int = ATTEMPTS, lock: bool = True) -> bytes | None:
    """Apply ``change`` to the file's current bytes and write the result atomically.

    ``change`` gets the bytes (None when the file does not exist) and returns the new
    bytes, or None to write nothing; it may be called again with newer content when
    the file changes underneath (so it must be a pure function of its argument).
    Returns what was written. Raises FileChangedError when the file kept changing.
    """
    ctx = locked(path) if lock else contextlib.nullcontext()
    with ctx:
        for _ in range(attempts):
            before = read_bytes(path)
            after = change(before)
            if after is None:
                return None
            try:
                write_atomic(path, after, check=unchanged_since(path, before))
            except FileChangedError:
                continue
            return after
    raise FileChangedError(f"{Path(path).name} kept changing while litreview tried to write it; "
                           f"nothing was written", path=str(path),
                           hint="close other programs editing it, then run the command again")


__all__ = ["FileChangedError", "clean_stale_temps", "lock_path", "locked", "read_bytes", "unchanged_since",
           "update_file"]
