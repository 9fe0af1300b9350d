"""The lock and the verify-before-rename read-modify-write (litreview.safewrite)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from litreview.errors import WriteError
from litreview.fileio import write_atomic
from litreview.safewrite import FileChangedError, clean_stale_temps, lock_path, locked, update_file

ROOT = Path(__file__).resolve().parents[1]


def test_update_applies_the_change(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"one\n")
    assert update_file(path, lambda old: (old or b"") + b"two\n") == b"one\ntwo\n"
    assert path.read_bytes() == b"one\ntwo\n"


def test_update_creates_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "a.txt"
    update_file(path, lambda old: b"x" if old is None else b"wrong")
    assert path.read_bytes() == b"x"


def test_a_change_made_meanwhile_is_kept_and_the_update_reapplied(tmp_path: Path) -> None:
    """An editor saving between our read and our rename: its text survives, ours is added to it."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"one\n")
    calls: list[bytes | None] = []

    def change(old: bytes | None) -> bytes:
        calls.append(old)
        if len(calls) == 1:
            path.write_bytes(b"one\ntyped by hand\n")  # lands after the read, before the rename
        return (old or b"") + b"ours\n"

    update_file(path, change)
    assert path.read_bytes() == b"one\ntyped by hand\nours\n"
    assert calls == [b"one\n", b"one\ntyped by hand\n"]


def test_a_file_that_keeps_changing_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"0")

    def change(old: bytes | None) -> bytes:
        path.write_bytes((old or b"") + b"!")  # someone else writes every time
        return b"ours"

    with pytest.raises(FileChangedError, match="kept changing"):
        update_file(path, change)
    assert path.read_bytes() == b"0!!!"
    assert not list(tmp_path.glob(".a.txt.*.tmp"))


def test_write_atomic_check_failing_leaves_the_target(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")

    def check() -> None:
        raise FileChangedError("changed", path=str(path))

    with pytest.raises(FileChangedError):
        write_atomic(path, b"new", check=check)
    assert path.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_second_writer_waits_for_the_lock_then_gives_up_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with locked(path):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    try:
        with pytest.raises(WriteError, match="another litreview command") as info, locked(path, timeout=0.2):
            pass
        assert "wait for it to finish" in str(info.value)
    finally:
        release.set()
        thread.join()
    with locked(path, timeout=0.2):  # released when the holder is done
        pass
    assert lock_path(path).name == ".claims.yaml.litreview-lock"



def test_the_waiting_notice_names_the_file_from_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    """As the documented notice and the error after it do: refs/bibliography.bib, not the absolute path."""
    path = tmp_path / "refs" / "bibliography.bib"
    path.parent.mkdir()
    monkeypatch.chdir(tmp_path)
    said: list[str] = []
    with locked(path), pytest.raises(WriteError), locked(path, timeout=0.3, notify=said.append, notice_after=0.05):
        pass
    assert said and said[0].startswith("waiting for another litreview command to finish writing "
                                       "refs/bibliography.bib (lock: .bibliography.bib.litreview-lock)"), said

def test_a_waiter_says_once_what_it_waits_for_then_gives_up(tmp_path: Path) -> None:
    path = tmp_path / "bibliography.bib"
    said: list[str] = []
    with locked(path):
        started = time.monotonic()
        with pytest.raises(WriteError, match="nothing was written"), \
                locked(path, timeout=0.6, notify=said.append, notice_after=0.1):
            pass
        waited = time.monotonic() - started
    assert 0.6 <= waited < 5
    assert len(said) == 1
    assert str(path) in said[0] and ".bibliography.bib.litreview-lock" in said[0] and "giving up after" in said[0]


def test_a_short_wait_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    said: list[str] = []
    with locked(path, notify=said.append, notice_after=0.1):
        pass
    assert said == []


def test_lock_is_released_when_the_holder_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "a.bib"
    code = ("import os, sys, time\nfrom litreview.safewrite import locked\n"
            f"with locked({str(path)!r}):\n    print('held', flush=True)\n    time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"held"
        with pytest.raises(WriteError), locked(path, timeout=0.1):
            pass
        proc.kill()
        proc.wait(10)
        with locked(path, timeout=2):
            pass
    finally:
        proc.kill()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


def test_stale_temporary_files_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "bibliography.bib"
    path.write_bytes(b"x")
    old = tmp_path / ".bibliography.bib.k1ll3d.tmp"
    fresh = tmp_path / ".bibliography.bib.wr1t1ng.tmp"
    other = tmp_path / ".claims.yaml.abc.tmp"
    for p in (old, fresh, other):
        p.write_bytes(b"partial")
    past = time.time() - 3600
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    assert clean_stale_temps(path) == [old]
    assert fresh.exists() and other.exists()
    update_file(path, lambda b: b"y")
    assert not old.exists()


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs a git checkout")
@pytest.mark.parametrize("name", ["refs/.bibliography.bib.abc123.tmp", "refs/.claims.yaml.x_9.tmp",
                                  "refs/.bibliography.bib.litreview-lock", "refs/metadata/doi/.10.5555%2Fx.json.q.tmp"])
def test_temporary_and_lock_files_are_git_ignored(name: str) -> None:
    result = subprocess.run(["git", "check-ignore", "-q", name], cwd=ROOT)
    assert result.returncode == 0, f"{name} is not ignored by .gitignore"


def test_a_write_through_a_symbolic_link_updates_the_file_it_names_and_keeps_the_link(tmp_path: Path) -> None:
    shared = tmp_path / "shared" / "library.bib"
    shared.parent.mkdir()
    shared.write_bytes(b"@misc{a}\n")
    link = tmp_path / "refs" / "bibliography.bib"
    link.parent.mkdir()
    link.symlink_to(Path("..") / "shared" / "library.bib")
    update_file(link, lambda old: (old or b"") + b"@misc{b}\n")
    assert link.is_symlink()
    assert shared.read_bytes() == b"@misc{a}\n@misc{b}\n"
    # writers through the link and through the file's own name take turns on one lock
    assert lock_path(link) == lock_path(shared)


def test_write_atomic_into_a_folder_that_cannot_be_made_is_a_write_error(tmp_path: Path) -> None:
    (tmp_path / "metadata").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(WriteError) as err:
        write_atomic(tmp_path / "metadata" / "doi" / "x.json", "{}")
    assert err.value.path == str(tmp_path / "metadata" / "doi" / "x.json")
    assert "check the folder exists and is writable" in err.value.hint
