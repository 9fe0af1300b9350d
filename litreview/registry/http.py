"""The one module that talks HTTP: an injected ``httpx.AsyncClient`` made polite and safe.

Per pool of requests it keeps the rate and concurrency the registry publishes
(``x-rate-limit-*``, ``x-ratelimit-*``, ``x-concurrency-limit``), paced evenly (``limits.Pool``), retries
429/5xx/timeouts/bad bodies with stamina (exponential backoff with jitter, honouring
``Retry-After``), caps response sizes, checks content types, and stops the whole run
when more than 10% of registry requests fail, as Crossref asks.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import OfflineError, RegistryError
from ..safeload import load_json
from .limits import Limits, Pool, counted_pools, default_limits, fixed_pools, retry_after_seconds

if TYPE_CHECKING:  # asyncio and httpx load when a request is sent, not when a handler is imported
    import asyncio

    import httpx


JSON_TYPES = ("application/json", "application/vnd.api+json", "application/vnd.citationstyles.csl+json")
MAX_BYTES = 10 * 1024 * 1024
"""Largest registry response read (a Crossref record with thousands of references is ~2 MB)."""
MIN_RATE = 8 * 1024
"""Slowest transfer accepted (bytes a second) once the deadline of one request has passed: a server
that drips its answer a byte at a time never resets a per-read timeout, so each request also gets an
overall deadline of ``timeout + bytes received / MIN_RATE`` (a large record still arrives at this rate)."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try: attempts, backoff (seconds) and the longest Retry-After honoured."""

    attempts: int = 4
    wait_initial: float = 0.5
    wait_max: float = 8.0
    wait_jitter: float = 0.5
    timeout: float = 90.0
    max_retry_after: float = 120.0


@dataclass(frozen=True, slots=True)
class Response:
    """What one request returned (after redirects), body capped and checked."""

    status: int
    url: str
    headers: Mapping[str, str]
    body: bytes = b""
    data: Any = None
    """The decoded JSON when JSON was expected and the status was 2xx."""
    redirects: tuple[str, ...] = ()
    """URLs that redirected, in order."""
    synthetic: bool = False
    """True when the fake registry served it (header ``x-litreview-synthetic``)."""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def text(self, limit: int = 300) -> str:
        return self.body[:limit].decode("utf-8", "replace")


class Transient(Exception):
    """A failed attempt worth retrying (429, 5xx, timeout, reset, truncated or wrong body)."""

    def __init__(self, reason: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


class FetchFailed(RegistryError):
    """A request failed for good (after retries, or at once for a permanent error)."""

    def __init__(self, message: str, *, status: int | None = None, url: str = "", registry: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.url = url
        self.registry = registry
        """The handler (its ``name``) whose answer failed, when known ('' otherwise)."""


class BudgetExceeded(RegistryError):
    """More than 10% of registry requests failed: the run stops, as Crossref asks."""


class Unreachable(OfflineError):
    """The host could not be connected to at all (no network, DNS failure, refused)."""


def not_found_answer(resp: Response, what: str, page_marker: bytes = b"") -> bool:
    """True when a 404 is the registry's own "no such record" answer, which may be stored as such.

    Registry APIs answer a missing record in JSON or plain text (Crossref: ``Resource not
    found.``). An HTML 404 is what a proxy, captive portal or misconfigured mirror sends;
    it says nothing about the record, so it raises FetchFailed rather than be taken as
    evidence of absence. A registry whose own 404 is an HTML page names a marker its page
    carries (doi.org: ``DOI Not Found``).
    """
    if resp.status != 404:
        return False
    if resp.content_type in ("text/html", "application/xhtml+xml") or resp.body.lstrip()[:1] == b"<":
        if page_marker and page_marker.lower() in resp.body[:4096].lower():
            return True
        raise FetchFailed(f"{what} answered 404 with a web page that is not its own 'not found' answer "
                          f"(a proxy or captive portal?) from {resp.url}; the record was not checked",
                          status=404, url=resp.url)
    return True


@dataclass(slots=True)
class Stats:
    """Counters for progress and the summary."""

    requests: int = 0
    retries: int = 0
    failures: int = 0
    counted_requests: int = 0
    counted_failures: int = 0
    responses: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.requests / elapsed if elapsed > 0 else 0.0


def user_agent(mailto: str) -> str:
    """A User-Agent naming the tool and, as Crossref asks, a contact address."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version("litreview")
    except PackageNotFoundError:
        ver = "0"
    contact = f" (mailto:{mailto})" if mailto else ""
    return f"litreview/{ver}{contact} httpx"


def _client_timeout(client: Any) -> float | None:
    """The read timeout an ``httpx.AsyncClient`` was made with (None: no deadline)."""
    timeout = getattr(client, "timeout", None)
    read = getattr(timeout, "read", None)
    return float(read) if isinstance(read, int | float) and read > 0 else None


def make_client(timeout: float, mailto: str) -> httpx.AsyncClient:
    """A client with the polite User-Agent, timeouts and a modest connection pool."""
    import httpx

    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
        headers={"User-Agent": user_agent(mailto)},
    )


class Http:
    """Polite, capped, retrying GET/HEAD over an injected ``httpx.AsyncClient``."""

    def __init__(self, client: httpx.AsyncClient, *, mailto: str = "", policy: RetryPolicy | None = None,
                 max_bytes: int = MAX_BYTES, budget: float = 0.10, min_sample: int = 10,
                 limits: Mapping[str, Limits] | None = None, deadline: float | None = None,
                 min_rate: float = MIN_RATE) -> None:
        self.client = client
        # One request's overall deadline: the client's configured timeout unless given.
        self.deadline = deadline if deadline is not None else _client_timeout(client)
        self.min_rate = min_rate
        self.limits = dict(limits or {})
        self.polite = bool(mailto)
        self.policy = policy or RetryPolicy()
        self.max_bytes = max_bytes
        self.budget = budget
        self.min_sample = min_sample
        self.stats = Stats()
        self.pools: dict[str, Pool] = {}
        self.stopped = ""
        self._reached: set[str] = set()
        self._down: dict[str, str] = {}
        self.registry_state: dict[str, dict[str, Any]] = {}
        """Per registry, what a handler learnt during this run (e.g. OpenAlex's budget is used up)."""
        self._defaults = default_limits()
        self._counted = counted_pools()
        self._fixed = fixed_pools()

    def pool(self, name: str) -> Pool:
        if name not in self.pools:
            base = name.split(":", 1)[0]
            polite, public = self._defaults.get(base, self._defaults["web"])
            self.pools[name] = Pool(name, self.limits.get(base) or (polite if self.polite else public),
                                    adapt=base not in self._fixed)
        return self.pools[name]

    @property
    def reached_any(self) -> bool:
        """True once any host has answered (with any HTTP status)."""
        return bool(self._reached)

    @property
    def down(self) -> dict[str, str]:
        """Hosts that could not be connected to, with the reason."""
        return dict(self._down)

    async def get(self, url: str, *, pool: str, accept: str = "application/json", json_body: bool = True,
                  method: str = "GET", follow_redirects: bool = True, read_body: bool = True,
                  attempts: int | None = None, headers: Mapping[str, str] | None = None) -> Response:
        """One request with retries; returns the final response or raises FetchFailed & co.

        ``headers`` are sent besides Accept (an API key a registry wants as a header)."""
        import stamina

        _quiet_stamina()

        policy = self.policy

        def backoff(exc: BaseException) -> bool | float:
            if isinstance(exc, Transient):
                return exc.retry_after if exc.retry_after is not None else True
            return False

        last: Transient | None = None
        try:
            async for attempt in stamina.retry_context(
                on=backoff, attempts=attempts or policy.attempts, timeout=policy.timeout,
                wait_initial=policy.wait_initial, wait_max=policy.wait_max, wait_jitter=policy.wait_jitter,
            ):
                with attempt:
                    if attempt.num > 1:
                        self.stats.retries += 1
                    try:
                        return await self._attempt(url, pool, accept, json_body, method, follow_redirects,
                                                   read_body, headers)
                    except Transient as exc:
                        last = exc
                        self._count_failure(pool)
                        if exc.retry_after is not None and exc.retry_after > policy.max_retry_after:
                            asks = f"retry after {exc.retry_after:.0f} s"
                            said = exc.reason if asks in exc.reason else f"{exc.reason}; the server asks to wait " \
                                f"{exc.retry_after:.0f} s"
                            raise FetchFailed(f"{said}, longer than a run waits ({policy.max_retry_after:.0f} s)",
                                              status=exc.status, url=url) from None
                        raise
        except Transient as exc:
            raise FetchFailed(f"{exc.reason} (gave up after {attempts or policy.attempts} attempts)",
                              status=exc.status, url=url) from None
        except BudgetExceeded as exc:
            if last is None:
                raise
            # The retry that met the stop would otherwise hide what went wrong with this request.
            raise BudgetExceeded(f"{last.reason}; {exc.message}") from None
        raise FetchFailed(last.reason if last else "request failed", url=url)  # pragma: no cover

    def _count_failure(self, pool: str) -> None:
        self.stats.failures += 1
        if pool.split(":", 1)[0] in self._counted:
            self.stats.counted_failures += 1
            s = self.stats
            if s.counted_requests >= self.min_sample and s.counted_failures > self.budget * s.counted_requests:
                self.stopped = (f"stopped: {s.counted_failures} of {s.counted_requests} registry requests failed "
                                f"({100 * s.counted_failures / s.counted_requests:.0f}%, more than "
                                f"{100 * self.budget:.0f}%); try again later")

    async def _attempt(self, url: str, pool_name: str, accept: str, json_body: bool, method: str,
                       follow_redirects: bool, read_body: bool, extra: Mapping[str, str] | None = None) -> Response:
        import asyncio

        import httpx

        try:
            host = httpx.URL(url).host
        except httpx.InvalidURL as exc:  # built from untrusted text (a pasted reference, a title): too long
            raise FetchFailed(f"cannot ask a registry at this address: {exc} ({len(url):,} characters)",
                              url=url[:200]) from None

        def gate() -> None:
            # Requests queued behind the limiter give up at once when the run has stopped
            # or their host has proved unreachable meanwhile.
            if self.stopped:
                raise BudgetExceeded(self.stopped)
            if host in self._down:
                raise Unreachable(self._down[host])

        gate()
        pool = self.pool(pool_name)
        async with pool.slot(gate):
            self.stats.requests += 1
            if pool_name.split(":", 1)[0] in self._counted:
                self.stats.counted_requests += 1
            try:
                # The per-read timeout of httpx does not bound a slow drip: an overall deadline,
                # pushed back only as fast as bytes arrive at the minimum rate, does.
                started = asyncio.get_running_loop().time()
                async with asyncio.timeout(self.deadline) as limit:
                    async with self.client.stream(method, url, headers={"Accept": accept, **(extra or {})},
                                                  follow_redirects=follow_redirects) as resp:
                        self._reached.add(host)
                        self.stats.responses += 1
                        await pool.adapt(resp.headers)
                        body = (await self._read(resp, url, limit, started) if read_body and method != "HEAD" else b"")
                        redirects = tuple(str(r.url) for r in resp.history)
                        status, headers, final = resp.status_code, resp.headers, str(resp.url)
            except TimeoutError:
                raise Transient(f"registry unreachable: {host} sent its answer too slowly (not complete within "
                                f"{self.deadline or 0:g} s, or at {self.min_rate / 1024:g} KB/s after that)") from None
            except httpx.TimeoutException as exc:
                raise Transient(f"timed out ({type(exc).__name__}) reaching {host}") from None
            except httpx.ConnectError as exc:
                if host not in self._reached:
                    self._down[host] = f"cannot connect to {host}: {exc or type(exc).__name__}"
                    raise Unreachable(self._down[host]) from None
                raise Transient(f"connection to {host} failed: {exc}") from None
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                raise Transient(f"connection to {host} broke off: {exc or type(exc).__name__}") from None
            except httpx.TooManyRedirects:
                raise FetchFailed(f"too many redirects from {url}", url=url) from None
        return self._check(pool, url, status, headers, body, final, redirects, accept, json_body)

    async def _read(self, resp: httpx.Response, url: str, limit: asyncio.Timeout | None = None,
                    started: float = 0.0) -> bytes:
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchFailed(f"response of {int(declared):,} bytes is over the {self.max_bytes:,}-byte cap",
                              status=resp.status_code, url=url)
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.aiter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchFailed(f"response is over the {self.max_bytes:,}-byte cap", status=resp.status_code,
                                  url=url)
            chunks.append(chunk)
            if limit is not None and self.deadline is not None:
                limit.reschedule(max(limit.when() or 0.0, started + self.deadline + size / self.min_rate))
        return b"".join(chunks)

    def _check(self, pool: Pool, url: str, status: int, headers: Any, body: bytes, final: str,
               redirects: tuple[str, ...], accept: str, json_body: bool) -> Response:
        plain = {k.lower(): v for k, v in headers.items()}
        synthetic = plain.get("x-litreview-synthetic", "") == "true"
        ctype = plain.get("content-type", "").split(";")[0].strip().lower()
        if status == 429:
            wait = retry_after_seconds(plain.get("retry-after"))
            pool.slow_down(wait if wait is not None else self.policy.wait_initial)
            raise Transient("rate limited (429)" + (f", retry after {wait:.0f} s" if wait else ""), status=429,
                            retry_after=wait)
        if status >= 500:
            kind = " (HTML error page)" if ctype == "text/html" else ""
            raise Transient(f"server error {status}{kind} from {url}", status=status)
        data = None
        if json_body and 200 <= status < 300:
            # A missing content type is tolerated (a recorded Crossref transform had none);
            # a wrong one (an HTML error page from a proxy) is not.
            if ctype and ctype not in JSON_TYPES:
                raise Transient(f"expected JSON from {url}, got {ctype}", status=status)
            try:
                data = load_json(body)  # size and depth bounded: a 100,000-deep answer is no RecursionError
            except ValueError:
                raise Transient(f"invalid or truncated JSON from {url} ({len(body)} bytes)", status=status) from None
        return Response(status=status, url=final, headers=plain, body=body, data=data, redirects=redirects,
                        synthetic=synthetic)


def _quiet_stamina() -> None:
    """stamina logs each scheduled retry as a warning; without a handler Python would print
    them on stderr over the progress bar. Retries are counted and shown by us instead; an
    application that configures logging still receives them."""
    import logging

    stamina_log = logging.getLogger("stamina")
    if not stamina_log.handlers:
        stamina_log.addHandler(logging.NullHandler())
