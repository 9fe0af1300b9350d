"""The pacing of requests and the resizable concurrency gate (counted, not timed on the wall clock)."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from litreview.registry.limits import Limits, Pacer, Pool


def most_in_any_window(times: list[float], width: float = 1.0) -> int:
    """The largest number of instants in a half-open window [t, t + width)."""
    times = sorted(times)
    return max(sum(1 for u in times if t <= u < t + width) for t in times)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


class LateClock(FakeClock):
    """A loaded machine: every other sleep wakes up late."""

    def __init__(self, late: float) -> None:
        super().__init__()
        self.late = late
        self.sleeps = 0

    async def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        self.now += seconds + (self.late if self.sleeps % 2 else 0.0)


def starts(pacer: Pacer, n: int) -> list[float]:
    async def go() -> list[float]:
        # n callers arrive together (the worst case: a fetch run starting).
        return list(await asyncio.gather(*(pacer.acquire() for _ in range(n))))

    return asyncio.run(go())


@pytest.mark.parametrize("rate", [1, 3, 5, 10])
def test_no_one_second_window_carries_more_than_the_rate(rate: int) -> None:
    clock = FakeClock()
    got = starts(Pacer(rate, clock=clock, sleep=clock.sleep), 40)
    assert most_in_any_window(got) == rate
    # And the pace is the rate (within the 2% safety margin), not slower.
    assert max(got) - min(got) == pytest.approx(39 / rate * Pacer.MARGIN)


@pytest.mark.parametrize("late", [0.05, 0.3, 2.0])
def test_late_wake_ups_never_squeeze_a_window(late: float) -> None:
    """A caller that wakes late pushes the next one back: spacing holds on the actual start times."""
    clock = LateClock(late)
    got = starts(Pacer(5, clock=clock, sleep=clock.sleep), 30)
    assert most_in_any_window(got) <= 5
    assert min(b - a for a, b in itertools.pairwise(got)) >= 0.2


def test_callers_that_come_later_than_the_gap_do_not_wait() -> None:
    clock = FakeClock()
    pacer = Pacer(2, clock=clock, sleep=clock.sleep)

    async def go() -> tuple[float, float]:
        first = await pacer.acquire()
        clock.now += 5
        return first, await pacer.acquire()

    first, second = asyncio.run(go())
    assert (first, second) == (100.0, 105.0)


def test_a_lower_rate_applies_to_the_next_caller() -> None:
    clock = FakeClock()
    pacer = Pacer(10, clock=clock, sleep=clock.sleep)

    async def go() -> list[float]:
        out = [await pacer.acquire()]
        pacer.set_rate(1)
        out += [await pacer.acquire(), await pacer.acquire()]
        return out

    got = asyncio.run(go())
    assert got[1] - got[0] == pytest.approx(Pacer.MARGIN) and got[2] - got[1] == pytest.approx(Pacer.MARGIN)


def test_concurrency_gate_resizes_while_requests_wait() -> None:
    """anyio.CapacityLimiter: lowered from 4 to 1 mid-run, then raised; the peak follows."""

    async def scenario() -> list[int]:
        pool = Pool("test", Limits(1000, 1, 4))
        active = 0
        peaks: list[int] = []
        phase_peak = 0

        async def one() -> None:
            nonlocal active, phase_peak
            async with pool.slot():
                active += 1
                phase_peak = max(phase_peak, active)
                await asyncio.sleep(0.2)  # longer than the pacing gap (at most 50/s), so requests overlap
                active -= 1

        async def phase(n: int) -> None:
            nonlocal phase_peak
            phase_peak = 0
            await asyncio.gather(*(one() for _ in range(n)))
            peaks.append(phase_peak)

        await phase(12)
        await pool.adapt({"x-concurrency-limit": "1"})
        await phase(6)
        await pool.adapt({"x-concurrency-limit": "3"})
        await phase(9)
        return peaks

    assert asyncio.run(scenario()) == [4, 1, 3]


def test_one_task_may_hold_slots_in_two_pools_and_two_in_one() -> None:
    async def scenario() -> int:
        a, b = Pool("a", Limits(1000, 1, 2)), Pool("b", Limits(1000, 1, 1))
        async with a.slot(), b.slot(), a.slot():
            return a.concurrency

    assert asyncio.run(scenario()) == 2


def _paced_fetch(tmp_path, monkeypatch, *, burst: bool) -> tuple[dict[int, tuple[float, list[float]]], int]:
    """Fetch 12 DOIs and 3 searches from Crossref's public pools (singles 5/s, lists 1/s) through the
    fake server; each Pacer's starts as it gave them (read on its own clock) and the requests the
    server saw. ``burst`` replaces the pacing with none at all, to show the check can fail."""
    from litreview.config import Config
    from litreview.model import Source
    from litreview.registry.fetch import fetch_all
    from litreview.testing.fake_registry import FakeRegistry
    from litreview.testing.helpers import FAST_POLICY

    given: dict[int, tuple[float, list[float]]] = {}  # pacer -> (its gap, the starts it gave)
    paced = Pacer.acquire

    async def recorded(self: Pacer) -> float:
        start = await paced(self)
        given.setdefault(id(self), (self.gap, []))[1].append(start)
        return start

    async def no_wait(self: Pacer) -> float:
        return 0.0

    monkeypatch.setattr(Pacer, "acquire", no_wait if burst else recorded)
    # The server counts and never refuses: what is judged is the schedule the client kept.
    with FakeRegistry(records=False, enforce_limits=False,
                      limits={"public-single": (5, 1, 1), "public-array": (1, 1, 1)}) as fake:
        dois = fake.add_synthetic_works(12)
        config = fake.configure(Config(root=tmp_path, metadata="metadata"))  # no mailto: the public pool
        sources = [Source(key=f"w{i}", type="article", doi=d) for i, d in enumerate(dois)]
        sources += [Source(key=f"s{i}", type="article", title=f"Synthetic benchmark work number {i} in a search",
                           year=2000 + i) for i in range(3)]
        report = fetch_all(sources, config, policy=FAST_POLICY, check_urls=False, foreign_ok=True)
        assert report.errors == () and fake.statuses().get(429, 0) == 0 and fake.count("/works") >= 15
        return given, fake.count()


def _within_limits(given: dict[int, tuple[float, list[float]]], requests: int) -> bool:
    """Every request was given a start by its pool's pacer, and no second of a pool's starts holds more
    than its rate (the pacer's gap is its rate's inverse, stretched by Pacer.MARGIN)."""
    paced = sum(len(starts) for _, starts in given.values())
    return paced == requests and all(most_in_any_window(starts) <= round(Pacer.MARGIN / gap)
                                     for gap, starts in given.values())


@pytest.mark.slow
def test_every_request_of_a_fetch_is_paced_by_its_pool(tmp_path, monkeypatch) -> None:
    """Counted on the pacers' clock, not on arrival times, so a loaded machine cannot fail it (the
    pacing under late wake-ups is tested above with an injected clock)."""
    given, requests = _paced_fetch(tmp_path, monkeypatch, burst=False)
    assert {1, 5} <= {round(Pacer.MARGIN / gap) for gap, _ in given.values()}  # both public pools were used
    assert _within_limits(given, requests)


@pytest.mark.slow
def test_unpaced_requests_are_caught(tmp_path, monkeypatch) -> None:
    given, requests = _paced_fetch(tmp_path, monkeypatch, burst=True)
    assert requests >= 15 and not _within_limits(given, requests)
