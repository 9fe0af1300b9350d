"""Request rate and concurrency per pool, adapted from the limits a server publishes.

``parse_limits`` reads Crossref's headers (both spellings); ``Pool`` spaces requests
evenly with ``Pacer`` (no burst: no window of one interval ever carries more than the
limit) and bounds concurrency with ``anyio.CapacityLimiter``, which can be resized
while requests wait. The starting limits of each registry's pools come from its handler.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

from ..lazyre import lazy

MAX_RATE = 50.0
"""Requests per second never exceeded, whatever a server advertises."""
MAX_CONCURRENCY = 10
"""Concurrent requests per pool never exceeded, whatever a server advertises."""
_INTERVAL = lazy(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$", re.I)
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


#: Limits for pools no registry handler declares (each handler declares its own pools).
OTHER_LIMITS: dict[str, tuple[Limits, Limits]] = {
    # pool: (polite, public)
    "wayback": (Limits(1, 1, 2), Limits(1, 1, 1)),
    "web": (Limits(2, 1, 2), Limits(2, 1, 2)),
}


def default_limits() -> dict[str, tuple[Limits, Limits]]:
    """pool -> (polite, public) starting limits, from every registry handler's pools."""
    from .handlers import HANDLERS

    out = dict(OTHER_LIMITS)
    for handler in HANDLERS:
        for spec in handler.pools:
            out[spec.name] = (spec.polite, spec.public)
    return out


def fixed_pools() -> frozenset[str]:
    """Pools whose limits do not follow the server's rate-limit headers."""
    from .handlers import HANDLERS

    return frozenset(spec.name for handler in HANDLERS for spec in handler.pools if not spec.adapt)


def counted_pools() -> frozenset[str]:
    """Pools whose failures count towards the stop-at-10%-errors rule (the registries' own)."""
    from .handlers import HANDLERS

    return frozenset(spec.name for handler in HANDLERS for spec in handler.pools if spec.counted)


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
    import email.utils  # here: the check path reads limits but parses no header

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class Pacer:
    """Requests spaced evenly, at least ``1/rate`` seconds apart, with no initial burst.

    Callers go one at a time: each waits until the previous one's actual start plus the
    gap, and its own actual start (read after waking, so a late wake-up pushes the next
    caller back too) becomes the next reference. Any ``rate + 1`` starts thus span more
    than a second: no one-second window ever carries more than ``rate`` requests (a
    token bucket lets a full bucket go at once, twice the rate in the first second).
    ``clock`` and ``sleep`` are injected by tests.
    """

    #: Spacing is stretched by this factor so that clock jitter never squeezes one more
    #: request into a window than the limit allows.
    MARGIN = 1.02

    def __init__(self, per_second: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[object]] | None = None) -> None:
        import asyncio  # here, not at the top: the check path reads limits but sends nothing


        self.gap = self.MARGIN / max(per_second, 0.01)
        self._last = float("-inf")
        self._clock = clock
        self._sleep = sleep or asyncio.sleep
        self._lock: asyncio.Lock | None = None

    def set_rate(self, per_second: float) -> None:
        self.gap = self.MARGIN / max(per_second, 0.01)

    async def acquire(self) -> float:
        """Wait for this caller's turn; returns the start time it was given."""
        if self._lock is None:
            import asyncio

            self._lock = asyncio.Lock()
        async with self._lock:
            while True:
                now = self._clock()
                wait = self._last + self.gap - now
                if wait <= 0:
                    break
                await self._sleep(wait)
            self._last = now
            return now


class Pool:
    """Rate and concurrency for one kind of request, adapted from the server's headers."""

    def __init__(self, name: str, limits: Limits, *, adapt: bool = True) -> None:
        self.name = name
        self.limits = limits
        self.adapts = adapt
        self.penalty = 1.0  # halved on each 429: "try again at a lower rate"
        import anyio

        self._slots = anyio.CapacityLimiter(limits.concurrency)
        self.pacer = Pacer(self._rate())
        self._pause_until = 0.0

    def _rate(self) -> float:
        return min(self.limits.per_second * self.penalty, MAX_RATE)

    @property
    def concurrency(self) -> int:
        return int(self._slots.total_tokens)

    async def adapt(self, headers: Mapping[str, str]) -> None:
        if not self.adapts:
            return
        rate, interval, concurrency = parse_limits(headers)
        new = Limits(
            rate if rate is not None else self.limits.rate,
            interval if interval is not None and rate is not None else self.limits.interval,
            min(concurrency, MAX_CONCURRENCY) if concurrency is not None else self.limits.concurrency,
        )
        if new != self.limits:
            self.limits = new
            self.pacer.set_rate(self._rate())
            self._slots.total_tokens = new.concurrency

    def slow_down(self, pause: float) -> None:
        """After a 429: pause the whole pool and halve its rate."""
        self.penalty = max(self.penalty / 2, 1 / 16)
        self.pacer.set_rate(self._rate())
        self._pause_until = max(self._pause_until, time.monotonic() + pause)

    @asynccontextmanager
    async def slot(self, gate: Callable[[], None] = lambda: None):
        """Wait for a free slot and the rate limiter; ``gate`` may raise to give up on the way."""
        # A token per request (not per task): one task may hold requests in several pools.
        borrower = object()
        await self._slots.acquire_on_behalf_of(borrower)
        try:
            gate()
            delay = self._pause_until - time.monotonic()
            if delay > 0:
                import asyncio

                await asyncio.sleep(delay)
            gate()
            await self.pacer.acquire()
            gate()
            yield
        finally:
            self._slots.release_on_behalf_of(borrower)
