"""Request rate and concurrency per pool, adapted from the limits a server publishes.

``parse_limits`` reads Crossref's headers (both spellings); ``Pool`` spaces requests
evenly with aiolimiter and bounds concurrency with a resizable semaphore.
"""

from __future__ import annotations

import asyncio
import email.utils
import re
import time
from collections.abc import Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

MAX_RATE = 50.0
"""Requests per second never exceeded, whatever a server advertises."""
MAX_CONCURRENCY = 10
"""Concurrent requests per pool never exceeded, whatever a server advertises."""
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$", re.I)
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, None: 1.0}


@dataclass(frozen=True, slots=True)
class Limits:
    """A request rate (``rate`` per ``interval`` seconds) and a concurrency limit."""

    rate: float
    interval: float
    concurrency: int

    @property
    def per_second(self) -> float:
        return self.rate / self.interval


#: Limits used before a server says otherwise: Crossref's published polite/public pools
#: (singles 10/s x3 and lists 3/s x3 polite; 5/s x1 and 1/s x1 public), DataCite's
#: 1000 requests per 5 minutes for identified clients, and gentle defaults elsewhere.
DEFAULT_LIMITS: dict[str, tuple[Limits, Limits]] = {
    # pool: (polite, public)
    "crossref-single": (Limits(10, 1, 3), Limits(5, 1, 1)),
    "crossref-list": (Limits(3, 1, 3), Limits(1, 1, 1)),
    "doi": (Limits(5, 1, 2), Limits(5, 1, 1)),
    "doi-ra": (Limits(5, 1, 2), Limits(5, 1, 2)),
    "datacite": (Limits(3, 1, 2), Limits(1.5, 1, 1)),
    "wayback": (Limits(1, 1, 2), Limits(1, 1, 1)),
    "web": (Limits(2, 1, 2), Limits(2, 1, 2)),
}
#: Pools whose failures count towards the stop-at-10%-errors rule (the registries).
COUNTED_POOLS = frozenset({"crossref-single", "crossref-list", "doi", "datacite"})


def parse_limits(headers: Mapping[str, str]) -> tuple[float | None, float | None, int | None]:
    """(rate, interval seconds, concurrency) from rate-limit headers, None where absent.

    Both spellings are read (``x-rate-limit-limit`` and the legacy ``x-ratelimit-limit``);
    the interval is parsed generically ("1s", "60s", "500ms", "1m").
    """
    def first(*names: str) -> str | None:
        for name in names:
            value = headers.get(name)
            if value:
                return value.split(",")[0].strip()
        return None

    rate = interval = None
    concurrency = None
    raw_rate = first("x-rate-limit-limit", "x-ratelimit-limit")
    raw_interval = first("x-rate-limit-interval", "x-ratelimit-interval")
    raw_conc = first("x-concurrency-limit", "x-concurrency-limit-limit")
    try:
        rate = float(raw_rate) if raw_rate else None
    except ValueError:
        rate = None
    if raw_interval:
        m = _INTERVAL.match(raw_interval)
        if m:
            interval = float(m.group(1)) * _UNIT[(m.group(2) or "s").lower() if m.group(2) else None]
    try:
        concurrency = int(raw_conc) if raw_conc else None
    except ValueError:
        concurrency = None
    if rate is not None and rate <= 0:
        rate = None
    if interval is not None and interval <= 0:
        interval = None
    if concurrency is not None and concurrency <= 0:
        concurrency = None
    return rate, interval, concurrency


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class _Slots:
    """A semaphore whose size can change while requests wait (asyncio's cannot)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.active = 0
        self._cond = asyncio.Condition()

    async def __aenter__(self) -> None:
        async with self._cond:
            await self._cond.wait_for(lambda: self.active < self.size)
            self.active += 1

    async def __aexit__(self, *exc: object) -> None:
        async with self._cond:
            self.active -= 1
            self._cond.notify_all()

    async def resize(self, size: int) -> None:
        async with self._cond:
            self.size = size
            self._cond.notify_all()


class Pool:
    """Rate and concurrency for one kind of request, adapted from the server's headers."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.penalty = 1.0  # halved on each 429: "try again at a lower rate"
        self._slots = _Slots(limits.concurrency)
        self._limiter = self._make_limiter()
        self._pause_until = 0.0

    def _make_limiter(self):
        from aiolimiter import AsyncLimiter

        # Capacity 1: requests are spaced evenly (1/rate apart) instead of bursting, so a
        # server counting per window never sees more than its limit.
        rate = min(self.limits.per_second * self.penalty, MAX_RATE)
        return AsyncLimiter(1, 1.0 / max(rate, 0.01))

    async def adapt(self, headers: Mapping[str, str]) -> None:
        rate, interval, concurrency = parse_limits(headers)
        new = Limits(
            rate if rate is not None else self.limits.rate,
            interval if interval is not None and rate is not None else self.limits.interval,
            min(concurrency, MAX_CONCURRENCY) if concurrency is not None else self.limits.concurrency,
        )
        if new != self.limits:
            self.limits = new
            self._limiter = self._make_limiter()
            await self._slots.resize(new.concurrency)

    def slow_down(self, pause: float) -> None:
        """After a 429: pause the whole pool and halve its rate."""
        self.penalty = max(self.penalty / 2, 1 / 16)
        self._limiter = self._make_limiter()
        self._pause_until = max(self._pause_until, time.monotonic() + pause)

    @asynccontextmanager
    async def slot(self, gate: Callable[[], None] = lambda: None):
        """Wait for a free slot and the rate limiter; ``gate`` may raise to give up on the way."""
        async with self._slots:
            gate()
            delay = self._pause_until - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            gate()
            await self._limiter.acquire()
            gate()
            yield
