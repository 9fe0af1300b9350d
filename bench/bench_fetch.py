"""Benchmark: fetching N DOIs from the fake registry at Crossref's polite limits.

The fake answers after 100 ms and enforces 10 requests/s with concurrency 3 (429
when exceeded). The bound is N/10 s whatever the client does; the goal is a total
time <= 1.1x the bound, printed beside a plain sequential httpx client measured in
the same run. A second run must send 0 requests (counted by the server).

    python bench/bench_fetch.py            # 500 DOIs (about two minutes)
    python bench/bench_fetch.py --quick    # 100 DOIs
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from litreview.config import Config
from litreview.model import Source
from litreview.registry.fetch import fetch_all
from litreview.registry.http import user_agent
from litreview.testing.fake_registry import FakeRegistry

MAILTO = "bench@example.org"
RATE, INTERVAL, CONCURRENCY, LATENCY = 10, 1, 3, 0.1


def sequential(fake: FakeRegistry, dois: list[str]) -> tuple[float, int]:
    """A plain httpx.Client asking for each DOI in turn; returns (seconds, non-200 answers)."""
    import httpx

    from litreview.doi import doi_path

    bad = 0
    start = time.perf_counter()
    with httpx.Client(headers={"User-Agent": user_agent(MAILTO)}, timeout=20) as client:
        for doi in dois:
            if client.get(f"{fake.url}/works/{doi_path(doi)}").status_code != 200:
                bad += 1
    return time.perf_counter() - start, bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 DOIs instead of 500")
    parser.add_argument("-n", type=int, default=None, help="number of DOIs")
    args = parser.parse_args(argv)
    n = args.n or (100 if args.quick else 500)
    limits = {"polite-single": (RATE, INTERVAL, CONCURRENCY), "polite-array": (3, 1, 3),
              "public-single": (5, 1, 1), "public-array": (1, 1, 1)}
    with FakeRegistry(latency=LATENCY, limits=limits, records=False) as fake, \
            tempfile.TemporaryDirectory() as tmp:
        dois = fake.add_synthetic_works(n)
        sources = [Source(key=f"w{i}", type="article", doi=doi) for i, doi in enumerate(dois)]
        config = fake.configure(Config(root=Path(tmp), metadata="metadata", mailto=MAILTO))

        seq_seconds, seq_bad = sequential(fake, dois)
        time.sleep(1.2)  # let the server's token bucket refill
        fake.reset()

        start = time.perf_counter()
        report = fetch_all(sources, config, discover=False, check_urls=False)
        ours = time.perf_counter() - start
        cold_requests = fake.count()
        cold_429 = fake.statuses().get(429, 0)
        verified = report.counts().get("verified", 0)

        fake.reset()
        start = time.perf_counter()
        fetch_all(sources, config, discover=False, check_urls=False)
        warm_seconds = time.perf_counter() - start
        warm_requests = fake.count()

    bound = n * INTERVAL / RATE
    print(f"fake registry: {LATENCY * 1000:.0f} ms latency, {RATE} requests/{INTERVAL}s, concurrency {CONCURRENCY}; "
          f"{n} DOIs")
    print(f"{'client':<34}{'seconds':>9}{'x bound':>9}{'requests':>10}{'429s':>6}")
    print(f"{'bound (n / rate)':<34}{bound:>9.1f}{1.0:>9.2f}")
    print(f"{'httpx.Client, sequential':<34}{seq_seconds:>9.1f}{seq_seconds / bound:>9.2f}{n:>10}{seq_bad:>6}")
    print(f"{'litreview fetch (cold)':<34}{ours:>9.1f}{ours / bound:>9.2f}{cold_requests:>10}{cold_429:>6}")
    print(f"{'litreview fetch (warm)':<34}{warm_seconds:>9.2f}{'':>9}{warm_requests:>10}")
    print(f"verified {verified}/{n}; retries {report.retries}; ours / sequential = {ours / seq_seconds:.2f}; "
          f"goal <= 1.10x bound: {'met' if ours / bound <= 1.10 else 'NOT met'}; "
          f"warm run requests: {warm_requests} ({'met' if warm_requests == 0 else 'NOT met'})")
    return 0 if ours / bound <= 1.10 and warm_requests == 0 and verified == n else 1


if __name__ == "__main__":
    raise SystemExit(main())
