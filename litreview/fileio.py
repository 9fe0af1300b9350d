"""Atomic file writes: a crash or Ctrl-C never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import InputError as _InputError
from .errors import WriteError


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8",
                 check: Callable[[], None] | None = None) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    ``check`` runs after the new content is safely on disk and just before the rename;
    when it raises, the temporary file is removed and the target is left as it was
    (litreview.safewrite uses it to verify the file is still what was read).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        if check is not None:
            check()
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteError(f"could not write: {exc.strerror}", path=str(target),
                             hint="check the folder exists and is writable") from exc
        raise


def read_text(path: str | os.PathLike[str], *, what: str = "file", error: type[_InputError] | None = None,
              hint: str = "check the path, or set it with --bib/--essay or in [tool.litreview]") -> str:
    """Read a UTF-8 text file, raising ``error`` (InputError) with the path and the bad line on failure."""
    InputError = error or _InputError
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} not found", path=str(p), hint=hint) from None
    except IsADirectoryError:
        raise InputError(f"{what} is a directory, not a file", path=str(p)) from None
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror}", path=str(p)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{what} is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            path=str(p), line=line,
            hint="re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
        ) from None
    return text.removeprefix("\ufeff")
