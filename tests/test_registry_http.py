"""The HTTP layer with httpx.MockTransport: limits, retries, Retry-After, caps, content types, budget."""

from __future__ import annotations

import asyncio
import itertools
import time

import httpx
import pytest

from litreview.registry.http import (
    BudgetExceeded,
    FetchFailed,
    Http,
    Limits,
    RetryPolicy,
    Unreachable,
    user_agent,
)
from litreview.registry.limits import parse_limits, retry_after_seconds
from litreview.testing.helpers import FAST_LIMITS, FAST_POLICY

URL = "https://api.crossref.org/works/10.5555%2Fx"
WORK = {"status": "ok", "message-type": "work", "message": {"DOI": "10.5555/x"}}


def serve(*responses, seen: list | None = None) -> httpx.MockTransport:
    """Answer with the given responses in order (the last one repeats)."""
    queue = list(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append((time.monotonic(), request))
        item = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(item, Exception):
            raise item
        return item

    return httpx.MockTransport(handler)


def get(transport: httpx.MockTransport, url: str = URL, *, policy: RetryPolicy = FAST_POLICY, http_kw=None,
        **kw):
    async def go():
        async with httpx.AsyncClient(transport=transport) as client:
            http = Http(client, policy=policy, limits=FAST_LIMITS, **(http_kw or {}))
            return await http.get(url, pool="crossref-single", **kw), http

    return asyncio.run(go())


def ok_json(data=WORK, **headers) -> httpx.Response:
    return httpx.Response(200, json=data, headers=headers)


@pytest.mark.parametrize(("headers", "expected"), [
    ({"x-rate-limit-limit": "10", "x-rate-limit-interval": "1s", "x-concurrency-limit": "3"}, (10.0, 1.0, 3)),
    ({"x-ratelimit-limit": "50", "x-ratelimit-interval": "1s"}, (50.0, 1.0, None)),
    ({"x-rate-limit-limit": "3000", "x-rate-limit-interval": "60s"}, (3000.0, 60.0, None)),
    ({"x-rate-limit-limit": "5", "x-rate-limit-interval": "500ms"}, (5.0, 0.5, None)),
    ({"x-rate-limit-limit": "nonsense", "x-rate-limit-interval": "soon", "x-concurrency-limit": "-1"},
     (None, None, None)),
    ({}, (None, None, None)),
])
def test_parse_limits_reads_both_spellings_and_any_interval(headers, expected) -> None:
    assert parse_limits(headers) == expected


def test_retry_after_as_seconds_or_date() -> None:
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)
    assert retry_after_seconds("later") is None and retry_after_seconds(None) is None


def test_user_agent_names_the_tool_and_the_contact() -> None:
    ua = user_agent("me@example.org")
    assert ua.startswith("litreview/") and "(mailto:me@example.org)" in ua
    assert "mailto" not in user_agent("")


def test_limits_adapt_to_headers_and_are_capped() -> None:
    _resp, http = get(serve(ok_json(**{"x-rate-limit-limit": "3", "x-rate-limit-interval": "1s",
                                      "x-concurrency-limit": "2"})))
    assert http.pools["crossref-single"].limits == Limits(3, 1, 2)
    _, http = get(serve(ok_json(**{"x-rate-limit-limit": "100000", "x-concurrency-limit": "500"})))
    pool = http.pools["crossref-single"]
    assert pool.limits.concurrency == 10  # MAX_CONCURRENCY


def test_rate_limit_spaces_requests() -> None:
    """Every request waits its turn at the pool's pacer (the pacer's own spacing is tested on a fake clock)."""
    seen: list = []
    starts: list[float] = []

    async def go():
        async with httpx.AsyncClient(transport=serve(ok_json(), seen=seen)) as client:
            http = Http(client, policy=FAST_POLICY, limits={"crossref-single": Limits(20, 1, 5)})
            pacer = http.pool("crossref-single").pacer
            acquire = pacer.acquire

            async def counted() -> float:
                starts.append(await acquire())
                return starts[-1]

            pacer.acquire = counted  # type: ignore[method-assign]
            await asyncio.gather(*(http.get(URL, pool="crossref-single") for _ in range(6)))

    asyncio.run(go())
    assert len(starts) == len(seen) == 6
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) >= 1 / 20  # 20 per second, evenly spaced (not a burst)


def test_concurrency_never_exceeds_the_limit() -> None:
    active = 0
    peak = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.2)  # longer than the pacing gap (at most 50/s), so requests overlap
        active -= 1
        return ok_json()

    async def go():
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            http = Http(client, policy=FAST_POLICY, limits={"crossref-single": Limits(1000, 1, 2)})
            await asyncio.gather(*(http.get(URL, pool="crossref-single") for _ in range(8)))

    asyncio.run(go())
    assert peak == 2


def test_429_with_retry_after_is_honoured() -> None:
    seen: list = []
    transport = serve(httpx.Response(429, text="slow down", headers={"Retry-After": "1"}), ok_json(), seen=seen)
    resp, http = get(transport)
    assert resp.status == 200 and http.stats.retries == 1
    assert seen[1][0] - seen[0][0] >= 0.95


def test_429_without_retry_after_backs_off_and_halves_the_rate() -> None:
    transport = serve(httpx.Response(429, html="<h1>429 Too Many Requests</h1>"), ok_json())
    resp, http = get(transport)
    assert resp.status == 200 and http.stats.retries == 1
    assert http.pools["crossref-single"].penalty == 0.5


def test_retry_after_beyond_the_limit_gives_up_with_a_message() -> None:
    transport = serve(httpx.Response(429, headers={"Retry-After": "3600"}))
    with pytest.raises(FetchFailed, match=r"retry after 3600 s, longer than a run waits") as got:
        get(transport)
    assert got.value.message.count("3600") == 1  # the wait said once


@pytest.mark.parametrize("first", [
    httpx.Response(503, html="<html><body>503</body></html>"),
    httpx.Response(500, json={"status": "error", "message-type": "exception"}),
    httpx.Response(200, html="<html>maintenance</html>"),
    httpx.Response(200, content=b'{"status":"ok","mess', headers={"content-type": "application/json"}),
    httpx.ReadTimeout("timed out"),
    httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
])
def test_transient_failures_are_retried(first) -> None:
    resp, http = get(serve(first, ok_json()))
    assert resp.status == 200 and resp.data == WORK
    assert http.stats.retries == 1 and http.stats.failures == 1


def test_persistent_5xx_gives_up_with_the_reason() -> None:
    with pytest.raises(FetchFailed, match=r"server error 504 \(HTML error page\).*gave up after 4 attempts"):
        get(serve(httpx.Response(504, html="<h1>504 Gateway Time-out</h1>")))


def test_404_plain_text_is_an_answer_not_a_failure() -> None:
    resp, http = get(serve(httpx.Response(404, text="Resource not found.")))
    assert resp.status == 404 and resp.data is None and http.stats.failures == 0


def test_wrong_content_type_is_refused() -> None:
    with pytest.raises(FetchFailed, match=r"expected JSON.*got application/x-bibtex"):
        get(serve(httpx.Response(200, text="@article{x}", headers={"content-type": "application/x-bibtex"})))


def test_declared_oversized_body_is_refused_without_reading() -> None:
    big = httpx.Response(200, content=b"x" * 2000, headers={"content-type": "application/json"})
    with pytest.raises(FetchFailed, match="over the 1,000-byte cap"):
        get(serve(big), http_kw={"max_bytes": 1000})


def test_streamed_oversized_body_is_cut_off() -> None:
    async def chunks():
        for _ in range(10):
            yield b" " * 500

    big = httpx.Response(200, content=chunks(), headers={"content-type": "application/json"})
    with pytest.raises(FetchFailed, match="over the 1,000-byte cap"):
        get(serve(big), http_kw={"max_bytes": 1000})


def test_unreachable_host_fails_fast_and_stays_down() -> None:
    seen: list = []

    async def go():
        async with httpx.AsyncClient(transport=serve(httpx.ConnectError("Name or service not known"),
                                                     seen=seen)) as client:
            http = Http(client, policy=FAST_POLICY, limits=FAST_LIMITS)
            results = await asyncio.gather(*(http.get(URL, pool="crossref-single") for _ in range(5)),
                                           return_exceptions=True)
            return results, http

    results, http = asyncio.run(go())
    assert all(isinstance(r, Unreachable) for r in results)
    assert "cannot connect to api.crossref.org" in str(results[0])
    assert len(seen) <= 5 and http.stats.retries == 0  # no retry waits: one attempt per request at most
    assert http.down and not http.reached_any


def test_error_budget_stops_the_run() -> None:
    async def go():
        transport = serve(httpx.Response(503, html="x"))
        async with httpx.AsyncClient(transport=transport) as client:
            http = Http(client, policy=RetryPolicy(attempts=2, wait_initial=0.001, wait_jitter=0, wait_max=0.001),
                        limits=FAST_LIMITS, min_sample=10)
            results = await asyncio.gather(*(http.get(f"{URL}{i}", pool="crossref-single") for i in range(20)),
                                           return_exceptions=True)
            return results, http

    results, http = asyncio.run(go())
    assert any(isinstance(r, BudgetExceeded) for r in results)
    assert "registry requests failed" in http.stopped and "more than 10%" in http.stopped
    assert http.stats.requests < 40  # stopped before trying everything twice


def test_web_pools_do_not_count_towards_the_budget() -> None:
    async def go():
        async with httpx.AsyncClient(transport=serve(httpx.Response(500, html="x"))) as client:
            http = Http(client, policy=RetryPolicy(attempts=1), limits=FAST_LIMITS, min_sample=1)
            for i in range(5):
                with pytest.raises(FetchFailed):
                    await http.get(f"https://example.org/{i}", pool="web:example.org", json_body=False)
            return http

    assert asyncio.run(go()).stopped == ""


def test_an_address_too_long_to_ask_for_is_a_failure_of_that_request() -> None:
    # a search built from pasted text: httpx refuses the URL before any request is made
    seen: list = []
    long_url = "https://api.crossref.org/works?query.bibliographic=" + "a%20" * 20_000
    with pytest.raises(FetchFailed, match=r"cannot ask a registry at this address: URL too long \(80,051 characters\)"):
        get(serve(ok_json(), seen=seen), long_url)
    assert seen == []
