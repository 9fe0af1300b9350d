"""A fake Crossref + DataCite + doi.org + Wayback server on 127.0.0.1, over real HTTP.

It speaks the real APIs' paths, envelopes, headers and status codes (as recorded), so
tests, benchmarks and demos run the real client code with no network::

    with FakeRegistry(latency=0.1) as fake:
        config = fake.configure(config)          # every base URL points at the fake
        fake.inject("/works/10.5555", "503")     # the next matching request fails once
        ...
        fake.count("/works/")                    # requests the server saw

Limits are enforced like Crossref's (token bucket per pool, concurrency per pool; a
429 when exceeded, with ``Retry-After`` if configured). Demo:
``python -m litreview.testing.fake_registry --port 8765`` prints the variables to export.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any

from .fake_data import Stored, load_other_records, load_records, synthetic_work
from .fake_routes import Handler, Seen

#: pool -> (requests, interval seconds, concurrency), Crossref's limits as recorded in 2026.
DEFAULT_LIMITS: dict[str, tuple[float, float, int]] = {
    "polite-single": (10, 1, 3), "polite-array": (3, 1, 3),
    "public-single": (5, 1, 1), "public-array": (1, 1, 1),
}
FAULTS = ("500", "502", "503", "504", "html", "429", "timeout", "reset", "truncated", "short", "oversized",
          "oversized-declared")


@dataclass
class Fault:
    """An injected failure for the next ``times`` requests whose path contains ``match``."""

    match: str
    kind: str
    times: int = 1
    retry_after: int | None = None
    delay: float = 5.0
    size: int = 11 * 1024 * 1024


@dataclass
class _Bucket:
    rate: float
    interval: float
    concurrency: int
    tokens: float = 0.0
    stamp: float = field(default_factory=time.monotonic)
    active: int = 0
    admitted: list[float] = field(default_factory=list)


@dataclass
class UrlRoute:
    """A web page for URL checks: status for GET (and HEAD unless ``head_status``)."""

    status: int = 200
    location: str = ""
    head_status: int | None = None
    delay: float = 0.0


class FakeRegistry:
    """The fake server; see the module docstring."""

    def __init__(self, *, latency: float = 0.0, limits: Mapping[str, tuple[float, float, int]] | None = None,
                 enforce_limits: bool = True, retry_after: int | None = None, header_style: str = "modern",
                 records: bool = True, port: int = 0, strict_window: bool = False,
                 window_slack: float = 0.0) -> None:
        self.latency = latency
        self.strict_window = strict_window
        """Count requests per sliding window of one interval (no bucket to burst from), as strict servers do."""
        self.window_slack = window_slack
        """Seconds taken off that window: arrival times jitter on a loaded machine, sending times do not."""
        self.limits = dict(DEFAULT_LIMITS if limits is None else limits)
        self.enforce_limits = enforce_limits
        self.retry_after = retry_after
        self.header_style = header_style  # modern, legacy (x-ratelimit-*) or both
        self.port = port
        self.works: dict[str, Stored] = {}
        self.prefix_agency: dict[str, str] = {}
        self.urls: dict[str, UrlRoute] = {
            "/web/ok": UrlRoute(200), "/web/moved": UrlRoute(301, "/web/ok"), "/web/found": UrlRoute(302, "/web/ok"),
            "/web/gone": UrlRoute(404), "/web/nohead": UrlRoute(200, head_status=405),
            "/web/error": UrlRoute(500), "/web/forbidden": UrlRoute(403),
        }
        self.archive: dict[str, str | None] = {}
        self.registry_data: dict[str, dict[str, Any]] = {}
        """Per registry served under a prefix (openalex, arxiv, ...): lookup key -> response body."""
        self.faults: list[Fault] = []
        self.requests: list[Seen] = []
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._sockets: set[socket.socket] = set()
        if records:
            for stored in load_records():
                self.add(stored)
            for registry, key, body in load_other_records():
                self.add_record(registry, key, body)

    # -- data ----------------------------------------------------------------------------------

    def add(self, stored: Stored) -> None:
        self.works[stored.doi.lower()] = stored
        self.prefix_agency.setdefault(stored.doi.split("/", 1)[0], stored.agency)

    def add_work(self, message: Mapping[str, Any], *, synthetic: bool = True, agency: str = "crossref") -> None:
        """Serve a Crossref work message at ``/works/{DOI}``."""
        self.add(Stored(str(message["DOI"]).lower(), "crossref", agency, dict(message), synthetic))

    def add_synthetic_works(self, n: int, prefix: str = "10.5555") -> list[str]:
        """Add ``n`` invented works; returns their DOIs."""
        dois = []
        for i in range(n):
            work = synthetic_work(i, prefix)
            self.add_work(work)
            dois.append(work["DOI"])
        return dois

    def add_record(self, registry: str, key: str, body: Any) -> None:
        """Serve ``body`` for ``key`` from the registry ``registry`` (see each handler's ``fake_reply``)."""
        self.registry_data.setdefault(registry, {})[key] = body

    def add_url(self, path: str, status: int = 200, *, location: str = "", head_status: int | None = None,
                delay: float = 0.0) -> str:
        """A web page for URL checks; returns its full URL."""
        self.urls[path] = UrlRoute(status, location, head_status, delay)
        return self.url + path

    def set_archive(self, url: str, snapshot: str | None) -> None:
        """What the Wayback availability API answers for ``url`` (None: no snapshot)."""
        self.archive[url] = snapshot

    def inject(self, match: str, kind: str, times: int = 1, *, retry_after: int | None = None,
               delay: float = 5.0, size: int = 11 * 1024 * 1024) -> None:
        """Fail the next ``times`` requests whose path (and query) contains ``match``."""
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; known: {', '.join(FAULTS)}")
        with self._lock:
            self.faults.append(Fault(match, kind, times, retry_after, delay, size))

    # -- counting ------------------------------------------------------------------------------

    def count(self, prefix: str = "", *, method: str | None = None) -> int:
        """Requests whose path starts with ``prefix`` (all when empty)."""
        with self._lock:
            return sum(1 for r in self.requests if r.path.startswith(prefix) and (method is None or r.method == method))

    def counts(self) -> Counter[str]:
        """Requests per path."""
        with self._lock:
            return Counter(r.path for r in self.requests)

    def statuses(self) -> Counter[int]:
        with self._lock:
            return Counter(r.status for r in self.requests)

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.faults.clear()

    # -- life cycle ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the fake registry is not running")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def bases(self) -> dict[str, str]:
        """setting -> base URL on this server, for every registry handler and the Wayback Machine."""
        from ..registry.handlers import HANDLERS

        return {"wayback_url": self.url, **{h.setting: self.url + h.fake_prefix for h in HANDLERS}}

    def env(self) -> dict[str, str]:
        """Environment variables pointing litreview at this server."""
        from ..registry.handlers import HANDLERS

        envs = {"wayback_url": "LITREVIEW_WAYBACK_URL", **{h.setting: h.env for h in HANDLERS}}
        return {envs[setting]: url for setting, url in self.bases().items()}

    def configure(self, config: Any) -> Any:
        """A copy of a ``litreview.config.Config`` with every registry URL pointing here."""
        return config.with_overrides(**self.bases())

    def start(self) -> FakeRegistry:
        handler = type("Handler", (Handler,), {"fake": self})
        self._server = _Server(("127.0.0.1", self.port), handler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-registry", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        with self._lock:
            for sock in list(self._sockets):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None

    def __enter__(self) -> FakeRegistry:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- limits ----------------------------------------------------------------------------------

    def _admit(self, pool: str) -> bool:
        """Token bucket per pool (capacity = the limit) plus a concurrency count."""
        if not pool or pool not in self.limits:
            return True
        rate, interval, concurrency = self.limits[pool]
        with self._lock:
            b = self._buckets.get(pool)
            if b is None:
                b = self._buckets[pool] = _Bucket(rate, interval, concurrency, tokens=rate)
            now = time.monotonic()
            b.tokens = min(rate, b.tokens + (now - b.stamp) * rate / interval)
            b.stamp = now
            if not self.enforce_limits:
                b.active += 1
                return True
            if self.strict_window:
                b.admitted = [t for t in b.admitted if t > now - (interval - self.window_slack)]
                if b.active >= concurrency or len(b.admitted) >= rate:
                    return False
                b.admitted.append(now)
                b.active += 1
                return True
            if b.active >= concurrency or b.tokens < 1:
                return False
            b.tokens -= 1
            b.active += 1
            return True

    def _release(self, pool: str) -> None:
        with self._lock:
            b = self._buckets.get(pool)
            if b is not None and b.active > 0:
                b.active -= 1

    def _take_fault(self, target: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.match in target and fault.times > 0:
                    fault.times -= 1
                    if fault.times == 0:
                        self.faults.remove(fault)
                    return fault
        return None

    def rate_headers(self, pool: str) -> dict[str, str]:
        if pool not in self.limits:
            return {}
        rate, interval, concurrency = self.limits[pool]
        r, i = f"{rate:g}", f"{interval:g}s"
        headers = {"x-api-pool": pool}
        if self.header_style in ("modern", "both"):
            headers |= {"x-rate-limit-limit": r, "x-rate-limit-interval": i, "x-concurrency-limit": str(concurrency)}
        if self.header_style in ("legacy", "both"):
            headers |= {"x-ratelimit-limit": r, "x-ratelimit-interval": i}
        return headers


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeRegistry

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up mid-response is part of the game here


def _iter_env(fake: FakeRegistry) -> Iterator[str]:
    for name, value in fake.env().items():
        yield f"export {name}={value}"


def from_args(argv: list[str] | None = None) -> FakeRegistry:
    """The (not yet started) fake registry the command line asks for."""
    parser = argparse.ArgumentParser(prog="python -m litreview.testing.fake_registry", description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every response")
    parser.add_argument("--no-limits", action="store_true", help="do not enforce Crossref's rate limits")
    parser.add_argument("--fault", action="append", default=[], metavar="MATCH:KIND[:TIMES]",
                        help="fail the next TIMES (default 1) requests whose path contains MATCH; KIND is one of "
                             f"{', '.join(FAULTS)} (repeatable), e.g. --fault lr.culture.2005:503:2")
    args = parser.parse_args(argv)
    fake = FakeRegistry(latency=args.latency, enforce_limits=not args.no_limits, port=args.port)
    for spec in args.fault:
        # MATCH may itself hold ':' (SICI DOIs), so KIND and TIMES are taken from the right.
        parts = spec.rsplit(":", 2)
        if len(parts) == 3 and not parts[2].isdigit():
            parts = [f"{parts[0]}:{parts[1]}", parts[2]]
        if len(parts) < 2 or parts[-1 if len(parts) == 2 else 1] not in FAULTS:
            parser.error(f"--fault {spec!r}: expected MATCH:KIND[:TIMES] with KIND one of {', '.join(FAULTS)}")
        match, kind, times = (*parts, "1") if len(parts) == 2 else parts
        fake.inject(match, kind, int(times))
    return fake


def main(argv: list[str] | None = None) -> int:
    """Run the fake registry until interrupted (for demos)."""
    fake = from_args(argv).start()
    print(f"fake registry (synthetic records only) at {fake.url}")
    for line in _iter_env(fake):
        print(line)
    print("LITREVIEW_MAILTO=you@example.org gets the polite pool; Ctrl-C stops.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
