"""The fake registry's request handler: routes, envelopes, headers and injected faults.

Each route answers like the real service as recorded (Crossref REST, doi.org Which-RA
and content negotiation, DataCite REST, the Wayback availability API, plain web pages).
"""

from __future__ import annotations

import json
import socket
import struct
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import httpx

from ..registry.handler import FakeReply
from ..registry.handlers import HANDLERS
from .fake_data import datacite_to_csl, search, to_csl

if TYPE_CHECKING:
    from .fake_registry import FakeRegistry, Fault

#: Crossref's headers on every REST response (as recorded in 2026).
CROSSREF_HEADERS = {
    "server": "Jetty(9.4.40.v20210413)",
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "X-Requested-With, Accept, Accept-Encoding, Accept-Charset, "
                                    "Accept-Language, Accept-Ranges, Cache-Control",
    "access-control-expose-headers": "Link",
    "permissions-policy": "interest-cohort=()",
}
PAGE_429 = ("<html><body><h1>429 Too Many Requests</h1>\nYou have sent too many requests in a given amount "
            "of time.\n</body></html>\n")
PAGE_504 = ("<html>\n<head><title>504 Gateway Time-out</title></head>\n<body>\n<center><h1>504 Gateway "
            "Time-out</h1></center>\n</body>\n</html>\n")

@dataclass(frozen=True, slots=True)
class Seen:
    """One request as the server saw it."""

    method: str
    path: str
    query: str
    status: int
    pool: str
    user_agent: str
    accept: str
    at: float


def _json(data: Any, status: int = 200, ctype: str = "application/json", **headers: str) -> FakeReply:
    # Compact with escaped slashes, as the live API sends it.
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("/", "\\/")
    return FakeReply(status, body.encode("utf-8"), ctype, dict(headers))


def _not_found(ctype: str = "text/plain") -> FakeReply:
    return FakeReply(404, b"Resource not found.", ctype)


class Handler(BaseHTTPRequestHandler):
    fake: FakeRegistry
    protocol_version = "HTTP/1.1"
    server_version = "FakeRegistry"
    timeout = 10
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stalls

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        with self.fake._lock:
            self.fake._sockets.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.fake._lock:
                self.fake._sockets.discard(self.connection)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    # -- dispatch --------------------------------------------------------------------------------

    def _serve(self, method: str) -> None:
        fake = self.fake
        parts = urlsplit(self.path)
        path, query = parts.path, parts.query
        ua = self.headers.get("User-Agent", "")
        polite = "mailto:" in ua or "mailto=" in query
        pool = pool_of(path, query, polite)
        admitted = fake._admit(pool)
        held = [admitted]

        def release() -> None:
            # Release before the response goes out, so a client that has read its
            # response never finds its slot still counted by the server.
            if held[0]:
                held[0] = False
                fake._release(pool)

        # Record the request before its response goes out, so a client that has read the
        # response always finds it counted (counting afterwards raced with fast clients).
        self._seen = (method, unquote(path), unquote(query), pool, ua, self.headers.get("Accept", ""))
        self._recorded = False
        status = 0
        try:
            if fake.latency:
                time.sleep(fake.latency)
            if not admitted:
                headers = {"retry-after": str(fake.retry_after)} if fake.retry_after is not None else {}
                status = self._send(method, FakeReply(429, PAGE_429.encode(), "text/html", headers), pool)
                return
            fault = fake._take_fault(unquote(path) + ("?" + unquote(query) if query else ""))
            if fault is not None:
                release()
                status = self._fault(method, fault, pool)
                return
            reply = self._route(method, path, query)
            release()
            status = self._send(method, reply, pool)
        finally:
            release()
            self._record(status)

    def _record(self, status: int) -> None:
        """Count this request once, with the status it is answered with (0: no answer)."""
        if self._recorded:
            return
        self._recorded = True
        method, path, query, pool, ua, accept = self._seen
        with self.fake._lock:
            self.fake.requests.append(Seen(method, path, query, status, pool, ua, accept, time.monotonic()))

    def _send(self, method: str, reply: FakeReply, pool: str, *, length: int | None = None,
              body: bytes | None = None) -> int:
        fake = self.fake
        data = reply.body if body is None else body
        self._record(reply.status)
        self.send_response(reply.status)
        headers: dict[str, str] = {}
        if pool:
            headers |= CROSSREF_HEADERS | fake.rate_headers(pool)
        headers |= reply.headers
        # Every answer of a test server is marked, whatever record it serves (even a real
        # recorded one): nothing it sends may pass for a registry's answer.
        headers["x-litreview-synthetic"] = "true"
        headers["content-type"] = reply.ctype
        headers["content-length"] = str(len(reply.body) if length is None else length)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(data)
        return reply.status

    def _fault(self, method: str, fault: Fault, pool: str) -> int:
        kind = fault.kind
        if kind in ("500",):
            body = {"status": "error", "message-type": "exception", "message-version": "1.0.0",
                    "message": {"name": "class clojure.lang.ExceptionInfo", "description": "injected"}}
            return self._send(method, _json(body, 500, "application/json;charset=utf-8"), pool)
        if kind in ("502", "503"):
            page = f"<html><body><h1>{kind} Service Unavailable</h1></body></html>\n".encode()
            return self._send(method, FakeReply(int(kind), page, "text/html"), pool)
        if kind == "504":
            return self._send(method, FakeReply(504, PAGE_504.encode(), "text/html"), pool)
        if kind == "html":
            page = b"<!DOCTYPE html><html><body><h1>Scheduled maintenance</h1></body></html>\n"
            return self._send(method, FakeReply(200, page, "text/html; charset=utf-8"), pool)
        if kind == "429":
            headers = {"retry-after": str(fault.retry_after)} if fault.retry_after is not None else {}
            return self._send(method, FakeReply(429, PAGE_429.encode(), "text/html", headers), pool)
        if kind in ("timeout", "reset"):
            self._record(0)  # no answer will come; count it now, before the client gives up
        if kind == "timeout":
            time.sleep(fault.delay)
            self.close_connection = True
            return 0
        if kind == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return 0
        parts = urlsplit(self.path)
        real = self._route("GET", parts.path, parts.query)
        if kind == "truncated":
            cut = real.body[: max(1, len(real.body) // 2)]
            return self._send(method, replace(real, body=cut), pool)
        if kind == "short":
            self.close_connection = True
            return self._send(method, real, pool, body=real.body[: len(real.body) // 2])
        if kind == "oversized-declared":
            self.close_connection = True
            return self._send(method, FakeReply(200, b"", "application/json"), pool, length=fault.size, body=b"{")
        # oversized: chunked, no length given, so only counting the bytes can catch it.
        self._record(200)
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        chunk = b" " * 65536
        try:
            for _ in range(fault.size // len(chunk) + 1):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass
        self.close_connection = True
        return 200

    def _route(self, method: str, path: str, query: str) -> FakeReply:
        fake = self.fake
        params = parse_qs(query)
        # Registries served under a prefix of their own answer from their handler's routes.
        for handler in HANDLERS:
            if handler.fake_prefix and path.startswith(handler.fake_prefix + "/"):
                got = handler.fake_reply(fake, method, path[len(handler.fake_prefix):], params,
                                         httpx.Headers(self.headers.items()))
                if got is None:
                    return FakeReply(404, b"<html><body>Not Found</body></html>", "text/html")
                return replace(got, synthetic=True)
        if path == "/works":
            return self._search(params)
        for prefix in ("/works/", "/v1/works/"):
            if path.startswith(prefix):
                return self._work(path[len(prefix):], params)
        if path.startswith("/ra/"):
            return self._ra(path[len("/ra/"):])
        if path.startswith("/dois/"):
            stored = fake.works.get(unquote(path[len("/dois/"):]).lower())
            if stored is None or stored.kind != "datacite":
                body = {"errors": [{"status": "404", "title": "The resource you are looking for doesn't exist."}]}
                return _json(body, 404, "application/json; charset=utf-8")
            return replace(_json(stored.record, 200, "application/json; charset=utf-8"), synthetic=stored.synthetic)
        if path.startswith("/conneg/"):
            stored = fake.works.get(unquote(path[len("/conneg/"):]).lower())
            if stored is None:
                return FakeReply(404, b"<html><body>DOI not found</body></html>", "text/html")
            item = datacite_to_csl(stored.record) if stored.kind == "datacite" else (
                stored.record if stored.kind == "csl" else to_csl(stored.record))
            return replace(_json(item, 200, "application/vnd.citationstyles.csl+json"), synthetic=stored.synthetic)
        if path == "/wayback/available":
            return self._wayback(params)
        if path.startswith("/10."):
            return self._conneg(unquote(path[1:]))
        route = fake.urls.get(path)
        if route is None:
            return FakeReply(404, b"<html><body>Not Found</body></html>", "text/html")
        if route.delay:
            time.sleep(route.delay)
        status = route.head_status if method == "HEAD" and route.head_status else route.status
        headers = {"location": route.location} if route.location and 300 <= status < 400 else {}
        return FakeReply(status, b"<html><body>page</body></html>", "text/html; charset=utf-8", headers)

    def _work(self, rest: str, params: Mapping[str, list[str]]) -> FakeReply:
        fake = self.fake
        suffix = ""
        for tail in ("/agency", "/transform"):
            at = rest.find(tail)
            if at > 0 and (rest.endswith(tail) or rest[at:].startswith("/transform/")):
                rest, suffix = rest[:at], tail
                break
        doi = unquote(rest).lower()
        if any(k.startswith("query.") for k in params):
            body: dict[str, Any] = {"status": "failed", "message-type": "validation-failure", "message": [
                {"type": "parameter-not-allowed", "value": "query.*",
                 "message": "This route does not support field query parameters"}]}
            return _json(body, 400, "application/json;charset=utf-8")
        stored = fake.works.get(doi)
        if suffix == "/agency":
            if stored is None:
                return _not_found("application/json;charset=utf-8")
            agency = {"id": stored.agency, "label": {"crossref": "Crossref", "datacite": "DataCite",
                                                     "medra": "mEDRA"}.get(stored.agency, stored.agency)}
            body = {"status": "ok", "message-type": "work-agency", "message-version": "1.0.0",
                    "message": {"DOI": stored.doi, "agency": agency}}
            return replace(_json(body, 200, "application/json;charset=utf-8", vary="Accept"),
                           synthetic=stored.synthetic)
        if stored is None or stored.kind != "crossref":
            return _not_found()
        if suffix == "/transform":
            accept = self.headers.get("Accept", "")
            if "csl+json" not in accept and "/transform/application/vnd.citationstyles.csl+json" not in self.path:
                return FakeReply(406, b"Not Acceptable", "text/plain")
            return replace(_json(to_csl(stored.record), 200, "application/vnd.citationstyles.csl+json",
                                 vary="Accept"), synthetic=stored.synthetic)
        body = {"status": "ok", "message-type": "work", "message-version": "1.0.0", "message": stored.record}
        return replace(_json(body, vary="Accept-Encoding"), synthetic=stored.synthetic)

    def _search(self, params: Mapping[str, list[str]]) -> FakeReply:
        rows_text = (params.get("rows") or ["20"])[0]
        if not rows_text.isdigit() or int(rows_text) > 1000:
            body: dict[str, Any] = {"status": "failed", "message-type": "validation-failure", "message": [
                {"type": "integer-not-valid", "value": rows_text, "message": "Integer specified as "
                 f"{rows_text} but must be a positive integer less than or equal to 1000."}]}
            return _json(body, 400, "application/json;charset=utf-8")
        query = (params.get("query.bibliographic") or params.get("query") or [""])[0]
        works = [s.record for s in self.fake.works.values() if s.kind == "crossref"]
        items = search(works, query, int(rows_text))
        synthetic = any(self.fake.works[i["DOI"].lower()].synthetic for i in items)
        terms = None if "query.bibliographic" in params else query
        body = {"status": "ok", "message-type": "work-list", "message-version": "1.0.0", "message": {
            "facets": {}, "total-results": len(items), "items": items, "items-per-page": int(rows_text),
            "query": {"start-index": 0, "search-terms": terms}}}
        return replace(_json(body, vary="Accept-Encoding"), synthetic=synthetic)

    def _ra(self, names: str) -> FakeReply:
        out = []
        for name in unquote(names).split(","):
            prefix = name.split("/", 1)[0]
            agency = self.fake.prefix_agency.get(prefix.lower())
            if agency:
                label = {"crossref": "Crossref", "datacite": "DataCite", "medra": "mEDRA"}.get(agency, agency)
                out.append({"DOI": name, "RA": label})
            else:
                out.append({"DOI": name, "status": "DOI does not exist"})
        body = json.dumps(out, indent=2).encode()
        return FakeReply(200, body, "application/json;charset=UTF-8", {"server": "cloudflare"})

    def _conneg(self, doi: str) -> FakeReply:
        stored = self.fake.works.get(doi.lower())
        if stored is None:
            return FakeReply(404, b"<html><head><title>Error: DOI Not Found</title></head></html>", "text/html")
        accept = self.headers.get("Accept", "")
        if not accept or "text/html" in accept:
            target = str(stored.record.get("URL") or "") if stored.kind != "datacite" else ""
        elif stored.kind == "crossref":
            target = f"{self.fake.url}/v1/works/{quote(stored.doi, safe='')}/transform"
        else:
            target = f"{self.fake.url}/conneg/{quote(stored.doi, safe='')}"
        page = (f'<html><head><title>Handle Redirect</title></head>\n<body><a href="{target}">{target}</a>'
                "</body></html>").encode()
        return FakeReply(302, page, "text/html;charset=utf-8", {"location": target, "vary": "Origin, Accept",
                                                               "server": "cloudflare"})

    def _wayback(self, params: Mapping[str, list[str]]) -> FakeReply:
        url = (params.get("url") or [""])[0]
        stamp = (params.get("timestamp") or ["20200101"])[0].ljust(14, "0")[:14]
        snapshot = self.fake.archive.get(url, "" if "/web/" in url else None)
        closest: dict[str, Any] = {}
        if snapshot is not None:
            closest = {"closest": {"status": "200", "available": True, "timestamp": stamp,
                                   "url": snapshot or f"http://web.archive.org/web/{stamp}/{url}"}}
        return _json({"url": url, "archived_snapshots": closest}, 200, "application/json")


def pool_of(path: str, query: str, polite: bool) -> str:
    """Crossref's pool for a request: single records vs lists, polite vs public."""
    if path == "/works":
        kind = "array"
    elif path.startswith(("/works/", "/v1/works/")):
        kind = "single"
    else:
        return ""
    return f"{'polite' if polite else 'public'}-{kind}"
