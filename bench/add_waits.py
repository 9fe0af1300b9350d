"""How long `litreview add` can wait: one DOI against a registry that never answers well, and
against another litreview command that holds the .bib's lock. Every case must end by itself
(no kill), with exit 1 or 2 and a message, well inside the race trials' deadline
(litreview.testing.races.TRIAL_TIMEOUT).

    python bench/add_waits.py                    every case at once (about four minutes)
    python bench/add_waits.py --only lock,429

Servers on 127.0.0.1: ``silent`` accepts and never answers, ``backlog`` never accepts (the
connection waits in the listen queue), ``drip`` sends one body byte every 0.5 s, ``429`` and
``503`` answer every request so. ``lock``: a second process holds the lock for longer than
the wait (the registry is the fake one).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from litreview.registry.handlers import HANDLERS
from litreview.testing.fake_registry import FakeRegistry
from litreview.testing.races import ADD_DOIS, TRIAL_TIMEOUT, add_project, litreview

CASES = ("silent", "backlog", "drip", "429", "503", "lock")
HOLD = ("import sys, time\nfrom litreview.safewrite import locked\n"
        "with locked(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(float(sys.argv[2]))\n")


def _answer(conn: socket.socket, case: str) -> None:
    with conn:
        try:
            while conn.recv(65536):
                if case == "silent":
                    time.sleep(3600)
                elif case == "drip":
                    conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 99999\r\n\r\n")
                    while True:
                        conn.sendall(b" ")
                        time.sleep(0.5)
                else:
                    conn.sendall(f"HTTP/1.1 {case} No\r\ncontent-type: text/html\r\ncontent-length: 2\r\n\r\nno"
                                 .encode())
        except OSError:
            pass


def hostile(case: str) -> str:
    """A server misbehaving as ``case`` says; returns its base URL."""
    server = socket.create_server(("127.0.0.1", 0), backlog=1 if case == "backlog" else 50)

    def serve() -> None:
        while True:
            conn, _ = server.accept()
            threading.Thread(target=_answer, args=(conn, case), daemon=True).start()

    if case != "backlog":
        threading.Thread(target=serve, daemon=True).start()
    return f"http://127.0.0.1:{server.getsockname()[1]}"


def run(case: str, folder: Path, fake: FakeRegistry) -> dict[str, Any]:
    add_project(folder)
    if case == "lock":
        env = fake.env()
        holder = subprocess.Popen([sys.executable, "-c", HOLD, str(folder / "refs" / "bibliography.bib"),
                                   str(TRIAL_TIMEOUT)], stdout=subprocess.PIPE, env={**os.environ,
                                   "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
        assert holder.stdout is not None
        holder.stdout.readline()
    else:
        url = hostile(case)
        env = {h.env: url + h.fake_prefix for h in HANDLERS} | {"LITREVIEW_WAYBACK_URL": url}
        holder = None
    started = time.perf_counter()
    proc = litreview(["add", ADD_DOIS[0]], folder, env)
    try:
        _, err = proc.communicate(timeout=TRIAL_TIMEOUT)
        said = err.decode("utf-8", "replace").strip().splitlines()
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        said = [f"no answer in {TRIAL_TIMEOUT:.0f} s: killed"]
    finally:
        if holder is not None:
            holder.kill()
            holder.wait()
    return {"seconds": round(time.perf_counter() - started, 1), "exit": proc.returncode, "said": said}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(CASES))
    args = parser.parse_args(argv)
    cases = [c for c in args.only.split(",") if c in CASES]
    results: dict[str, dict[str, Any]] = {}
    with FakeRegistry() as fake, tempfile.TemporaryDirectory() as tmp:
        def one(case: str) -> None:
            folder = Path(tmp) / case
            folder.mkdir()
            results[case] = run(case, folder, fake)

        threads = [threading.Thread(target=one, args=(c,)) for c in cases]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    late = []
    for case in cases:
        r = results[case]
        last = [ln for ln in r["said"] if ln.startswith(("not added", "error", "no answer"))]
        print(f"{case:8} exit {r['exit']} after {r['seconds']:6.1f} s: {(last or r['said'] or [''])[-1][:150]}")
        if r["exit"] in (0, None) or r["seconds"] >= TRIAL_TIMEOUT:
            late.append(case)
    print("every wait ended by itself" if not late else f"NOT BOUNDED: {', '.join(late)}")
    return 1 if late else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
