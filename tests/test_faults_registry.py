"""Fault injection: what a hostile or broken network does to `fetch` and the snapshot.

The fake registry's own fault kinds (5xx, 429, HTML, timeout, reset, truncated, short,
oversized) must leave nothing in the snapshot and end in a finding or an error. The
faults it cannot make are served here by a small server on 127.0.0.1: a slow drip, a
proxy's HTML 404, another DOI's record, a response nested 100,000 deep. Each must end in
a registry error that names the fault, with nothing stored.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from litreview.errors import LitreviewError

DOI = "10.5555/lr.culture.2005"
RECORD_FILE = Path(__file__).resolve().parents[1] / "litreview" / "testing" / "records" / "crossref_article.json"


def _work(doi: str) -> bytes:
    message = json.loads(RECORD_FILE.read_text(encoding="utf-8"))["record"]
    message["DOI"] = doi
    return json.dumps({"status": "ok", "message-type": "work", "message-version": "1.0.0",
                       "message": message}).encode()


class Hostile(BaseHTTPRequestHandler):
    """Answers the agency look-ups truthfully and the record request with ``server.mode``."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        mode = self.server.mode  # type: ignore[attr-defined]
        if self.path.startswith("/ra/"):
            return self._send(200, json.dumps([{"DOI": DOI.split("/")[0], "RA": "Crossref"}]).encode())
        if self.path.endswith("/agency"):
            return self._send(200, json.dumps({"status": "ok", "message-type": "work-agency",
                                               "message": {"DOI": DOI, "agency": {"id": "crossref"}}}).encode())
        if mode == "drip":
            body = _work(DOI)  # a complete record at 4 bytes a second: minutes, each read well within the timeout
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.25)
            return None
        if mode == "html404":
            return self._send(404, b"<!DOCTYPE html><html><body><h1>404</h1><p>This page is blocked by your "
                                   b"network. Sign in to the Wi-Fi.</p></body></html>", "text/html")
        if mode == "wrong":
            return self._send(200, _work("10.5555/lr.order.2004"))
        if mode == "types":  # a well-formed envelope whose record has a field of the wrong JSON type
            work = json.loads(_work(DOI))
            work["message"]["author"] = "Kim, A."
            return self._send(200, json.dumps(work).encode())
        if mode == "deep":
            return self._send(200, b"[" * 100_000 + b"]" * 100_000)
        return self._send(500, b"unknown mode")

    def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass


@pytest.fixture
def hostile(tmp_path: Path):
    from litreview.config import Config

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    config = Config(root=tmp_path, wayback_url=url, timeout=1.0).with_overrides(crossref_url=url, doi_url=url,
                                                                                datacite_url=url)
    yield server, config
    server.shutdown()
    server.server_close()


def _fetch(server: Any, config: Any, mode: str, attempts: int = 2) -> tuple[Any, float]:
    from litreview.registry.http import RetryPolicy
    from litreview.registry.single import fetch_record

    server.mode = mode
    start = time.monotonic()
    try:
        outcome: Any = fetch_record(DOI, config, foreign_ok=True,
                                    policy=RetryPolicy(attempts=attempts, wait_initial=0.05, wait_max=0.1,
                                                       wait_jitter=0.0, timeout=3.0))
    except LitreviewError as exc:
        outcome = exc
    assert "refusing to write records" not in str(outcome)  # the snapshot folder is this test's own
    return outcome, time.monotonic() - start


def _stored(config: Any) -> dict[str, Any] | None:
    from litreview.registry.snapshot import Snapshot

    path = Snapshot(config.path("metadata")).doi_file(DOI)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@pytest.mark.slow
def test_slow_drip_ends_within_the_configured_timeout(hostile) -> None:
    server, config = hostile
    outcome, _ = _fetch(server, config, "drip", attempts=1)
    # Without an overall deadline the drip would end in a stored record, minutes later.
    assert isinstance(outcome, LitreviewError), outcome
    assert "registry unreachable" in str(outcome) and "too slowly" in str(outcome), str(outcome)
    assert _stored(config) is None


def test_proxy_html_404_is_not_stored_as_not_found(hostile) -> None:
    server, config = hostile
    outcome, _ = _fetch(server, config, "html404")
    assert isinstance(outcome, LitreviewError)
    assert "proxy or captive portal" in str(outcome), str(outcome)
    stored = _stored(config)
    assert stored is None or stored["http_status"] != 404, stored


def test_another_dois_record_is_not_stored_as_this_one(hostile) -> None:
    server, config = hostile
    outcome, _ = _fetch(server, config, "wrong")
    assert "another DOI, 10.5555/lr.order.2004" in str(outcome), str(outcome)
    stored = _stored(config)
    assert stored is None or stored["record"]["DOI"].lower() == DOI, stored["record"]["DOI"]
    assert isinstance(outcome, LitreviewError) or outcome.doi.lower() == DOI


def test_a_record_of_wrong_field_types_is_not_stored(hostile) -> None:
    server, config = hostile
    outcome, _ = _fetch(server, config, "types")
    assert isinstance(outcome, LitreviewError)
    assert "'author' is a string, not a list" in str(outcome), str(outcome)
    assert _stored(config) is None


def test_response_nested_100000_deep_is_a_registry_error(hostile) -> None:
    server, config = hostile
    outcome, _ = _fetch(server, config, "deep")
    assert isinstance(outcome, LitreviewError)
    assert _stored(config) is None


@pytest.mark.parametrize("kind", ["500", "502", "503", "504", "html", "429", "timeout", "reset", "truncated",
                                  "short", "oversized", "oversized-declared"])
def test_fake_registry_faults_leave_nothing_wrong_in_the_snapshot(kind: str, tmp_path: Path) -> None:
    """Every fault kind of the fake, on every attempt: an error, and no record stored."""
    fake_registry = pytest.importorskip("litreview.testing.fake_registry")
    from litreview.config import Config
    from litreview.registry.http import RetryPolicy
    from litreview.registry.single import fetch_record

    with fake_registry.FakeRegistry(enforce_limits=False) as fake:
        fake.inject(f"/works/{DOI}", kind, times=10, retry_after=0, delay=3.0, size=3 * 1024 * 1024)
        config = fake.configure(replace(Config(root=tmp_path), timeout=2.0))
        with pytest.raises(LitreviewError) as info:
            fetch_record(DOI, config, foreign_ok=True, policy=RetryPolicy(attempts=2, wait_initial=0.05, wait_max=0.1,
                                                         wait_jitter=0.0, timeout=5.0))
    assert "refusing to write records" not in str(info.value)
    assert _stored(config) is None


@pytest.mark.parametrize(("ctype", "body", "marker", "stored"), [
    ("text/plain", b"Resource not found.", b"", True),  # Crossref's own
    ("application/json", b'{"errors": [{"status": "404"}]}', b"", True),  # DataCite's own
    ("text/html", b"<html><head><title>Error: DOI Not Found</title></head></html>", b"DOI Not Found", True),
    ("text/html", b"<html><body>Sign in to the Wi-Fi</body></html>", b"DOI Not Found", False),
    ("text/html", b"<html><body>404</body></html>", b"", False),
    ("", b"<!DOCTYPE html><html>404</html>", b"", False),  # a page without a content type
])
def test_only_the_registrys_own_404_is_taken_as_not_found(ctype: str, body: bytes, marker: bytes,
                                                          stored: bool) -> None:
    from litreview.registry.http import FetchFailed, Response, not_found_answer

    resp = Response(404, "https://registry.test/x", {"content-type": ctype} if ctype else {}, body)
    if stored:
        assert not_found_answer(resp, "Registry", marker)
    else:
        with pytest.raises(FetchFailed, match="not its own 'not found' answer"):
            not_found_answer(resp, "Registry", marker)
    assert not not_found_answer(Response(200, "u", {}, b"{}"), "Registry")


def _paced(chunk: bytes, count: int, pause: float) -> Any:
    """An httpx client whose every answer is ``count`` chunks of ``chunk``, ``pause`` seconds apart."""
    import asyncio

    import httpx

    class Paced(httpx.AsyncByteStream):
        async def __aiter__(self):
            for _ in range(count):
                await asyncio.sleep(pause)
                yield chunk

    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/plain"}, stream=Paced())

    return httpx.AsyncClient(transport=httpx.MockTransport(reply))


@pytest.mark.parametrize(("chunk", "ends_in"), [(b"x" * 20_000, "answer"), (b"x", "unreachable")])
def test_the_deadline_stretches_for_a_large_answer_and_not_for_a_drip(chunk: bytes, ends_in: str) -> None:
    """Ten pieces 0.1 s apart outlast a 0.3 s deadline: 200 KB arrive far above the minimum rate, 10 bytes do not."""
    import asyncio

    from litreview.registry.http import FetchFailed, Http, RetryPolicy

    async def go() -> Any:
        async with _paced(chunk, 10, 0.1) as client:
            http = Http(client, deadline=0.3, min_rate=2_000, policy=RetryPolicy(attempts=1, wait_initial=0.01))
            try:
                return await http.get("http://127.0.0.1:9/x", pool="web", json_body=False)
            except FetchFailed as exc:
                return exc

    outcome = asyncio.run(go())
    if ends_in == "answer":
        assert not isinstance(outcome, Exception) and outcome.body == chunk * 10
    else:
        assert isinstance(outcome, FetchFailed) and "registry unreachable" in str(outcome), outcome
