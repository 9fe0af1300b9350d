"""Benchmark: fetching N DOIs from the fake registry at Crossref's polite limits, then a mixed list.

The fake enforces 10 requests/s with concurrency 3 (429 when exceeded) and answers after
600 ms: the concurrency-bound regime, where three requests in flight at a time (not the
rate) set the pace: the bound is n x latency / concurrency (n / rate = half of it, and the
bound is never less than that), and a one-at-a-time client needs 3x the bound. At 300 ms the
two bounds are equal, so the even pacing's start-up and its 2% margin show in the ratio; at
100 ms a one-at-a-time client reaches the bound alone and the benchmark could not tell
(``--latency`` picks another regime). The goal is a total time <= 1.1x the bound while the
plain sequential httpx client, measured in the same run, takes >= 3x. The mixed list adds
books by ISBN (Open Library 3/s, Google Books 2/s), arXiv preprints (one request per 3 s, the
slowest) and PubMed ids (3/s). A second run of each must send 0 requests (counted by the server).

    python bench/bench_fetch.py            # 500 DOIs (about four minutes)
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _goals import goal

MAILTO = "bench@example.org"
RATE, INTERVAL, CONCURRENCY, LATENCY = 10, 1, 3, 0.6
MIXED_LATENCY = 0.1


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
    parser.add_argument("--latency", type=float, default=LATENCY, help="the fake's answer delay, seconds")
    args = parser.parse_args(argv)
    n = args.n or (100 if args.quick else 500)
    latency = args.latency
    limits = {"polite-single": (RATE, INTERVAL, CONCURRENCY), "polite-array": (3, 1, 3),
              "public-single": (5, 1, 1), "public-array": (1, 1, 1)}
    with FakeRegistry(latency=latency, limits=limits, records=False) as fake, \
            tempfile.TemporaryDirectory() as tmp:
        dois = fake.add_synthetic_works(n)
        sources = [Source(key=f"w{i}", type="article", doi=doi) for i, doi in enumerate(dois)]
        config = fake.configure(Config(root=Path(tmp), metadata="metadata", mailto=MAILTO))

        seq_seconds, seq_bad = sequential(fake, dois)
        time.sleep(1.2)  # let the server's token bucket refill
        fake.reset()

        start = time.perf_counter()
        report = fetch_all(sources, config, discover=False, check_urls=False, foreign_ok=True)
        ours = time.perf_counter() - start
        cold_requests = fake.count()
        cold_429 = fake.statuses().get(429, 0)
        verified = report.counts().get("verified", 0)

        fake.reset()
        start = time.perf_counter()
        fetch_all(sources, config, discover=False, check_urls=False, foreign_ok=True)
        warm_seconds = time.perf_counter() - start
        warm_requests = fake.count()

    bound = n * max(INTERVAL / RATE, latency / CONCURRENCY)
    print(f"fake registry: {latency * 1000:.0f} ms latency, {RATE} requests/{INTERVAL}s, concurrency {CONCURRENCY}; "
          f"{n} DOIs")
    print(f"{'client':<34}{'seconds':>9}{'x bound':>9}{'requests':>10}{'429s':>6}")
    which = "n x latency / concurrency" if latency / CONCURRENCY > INTERVAL / RATE else "n / rate"
    print(f"{'bound (' + which + ')':<34}{bound:>9.1f}{1.0:>9.2f}")
    print(f"{'httpx.Client, sequential':<34}{seq_seconds:>9.1f}{seq_seconds / bound:>9.2f}{n:>10}{seq_bad:>6}")
    print(f"{'litreview fetch (cold)':<34}{ours:>9.1f}{ours / bound:>9.2f}{cold_requests:>10}{cold_429:>6}")
    print(f"{'litreview fetch (warm)':<34}{warm_seconds:>9.2f}{'':>9}{warm_requests:>10}")
    print(f"verified {verified}/{n}; retries {report.retries}; ours / sequential = {ours / seq_seconds:.2f}")
    tells = goal("fetch: sequential client / bound (the regime tells)", seq_seconds / bound, 3.0, at_most=False,
                 detail=f"{n} DOIs, {latency * 1000:.0f} ms latency, {RATE}/s x {CONCURRENCY}")
    fast = goal("fetch: litreview cold / bound", ours / bound, 1.1,
                detail=f"{ours:.1f} s for {n} DOIs, bound {bound:.1f} s, sequential {seq_seconds:.1f} s")
    warm_ok = goal("fetch: requests on a warm run", warm_requests, 0, unit="requests")
    mixed_ok = mixed(n // 5)
    return 0 if tells and fast and warm_ok and verified == n and mixed_ok else 1


#: The client's starting rate per pool (requests per second), as the handlers publish them.
def _rates() -> dict[str, float]:
    from litreview.registry.limits import default_limits

    return {pool: polite.per_second for pool, (polite, _public) in default_limits().items()}


ARXIV_FEED = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns="http://www.w3.org/2005/Atom">
  <opensearch:totalResults>1</opensearch:totalResults>
  <entry><id>http://arxiv.org/abs/{ident}v1</id><title>Preprint {i}</title>
    <published>2024-01-15T10:00:00Z</published><author><name>Ann Author</name></author></entry>
</feed>
"""
PREFIX_POOL = {"/openalex/": "openalex", "/arxiv/": "arxiv", "/ncbi/": "ncbi", "/openlibrary/": "openlibrary",
               "/googlebooks/": "googlebooks"}


def mixed(n: int) -> bool:
    """DOIs, ISBNs, arXiv ids and PMIDs in one run: within 1.1x of the slowest registry's bound?"""
    from litreview.registry.ids import isbn13

    limits = {"polite-single": (RATE, INTERVAL, CONCURRENCY), "polite-array": (3, 1, 3),
              "public-single": (5, 1, 1), "public-array": (1, 1, 1)}
    with FakeRegistry(latency=MIXED_LATENCY, limits=limits, records=False) as fake, \
            tempfile.TemporaryDirectory() as tmp:
        sources = [Source(key=f"d{i}", type="article", doi=d) for i, d in enumerate(fake.add_synthetic_works(n))]
        for i in range(n // 2):
            stem = f"97809999{i:04d}"
            isbn = next(stem + d for d in "0123456789" if isbn13(stem + d))
            fake.add_record("openlibrary", f"ISBN:{isbn}", {"title": f"Synthetic book {i}", "publish_date": "2001",
                                                             "authors": [{"name": f"Ann Author{i}"}]})
            sources.append(Source(key=f"b{i}", type="book", title=f"Synthetic book {i}", fields={"isbn": isbn}))
        for i in range(5):
            ident = f"2401.{10000 + i}"
            fake.add_record("arxiv", ident, ARXIV_FEED.format(ident=ident, i=i))
            sources.append(Source(key=f"a{i}", type="misc", title=f"Preprint {i}",
                                  fields={"eprint": ident, "archiveprefix": "arXiv"}))
        for i in range(n // 4):
            fake.add_record("ncbi", f"pmid:{90000000 + i}", {"uid": str(90000000 + i), "title": f"Trial {i}.",
                                                              "pubdate": "2010", "authors": []})
            sources.append(Source(key=f"p{i}", type="article", title=f"Trial {i}", fields={"pmid": str(90000000 + i)}))
        config = fake.configure(Config(root=Path(tmp), metadata="metadata", mailto=MAILTO))
        start = time.perf_counter()
        report = fetch_all(sources, config, discover=False, check_urls=False, foreign_ok=True)
        seconds = time.perf_counter() - start
        per_pool: dict[str, int] = {}
        for seen in list(fake.requests):
            pool = next((p for prefix, p in PREFIX_POOL.items() if seen.path.startswith(prefix)), "")
            pool = pool or ("doi-ra" if seen.path.startswith("/ra/") else "crossref-single")
            per_pool[pool] = per_pool.get(pool, 0) + 1
        rates = _rates()
        bounds = {pool: count / rates[pool] for pool, count in per_pool.items()}
        slowest = max(bounds, key=bounds.__getitem__)
        fake.reset()
        fetch_all(sources, config, discover=False, check_urls=False, foreign_ok=True)
        warm = fake.count()
    ratio = seconds / bounds[slowest]
    print(f"\nmixed list: {len(sources)} entries ({n} DOIs, {n // 2} ISBNs, 5 arXiv ids, {n // 4} PMIDs)")
    print(f"{'registry pool':<18}{'requests':>10}{'rate/s':>8}{'bound s':>9}")
    for pool in sorted(per_pool):
        print(f"{pool:<18}{per_pool[pool]:>10}{rates[pool]:>8.2f}{bounds[pool]:>9.1f}")
    print(f"fetch took {seconds:.1f} s = {ratio:.2f}x the slowest bound ({slowest}); statuses {report.counts()}; "
          f"errors {len(report.errors)}; goal <= 1.10x: {'met' if ratio <= 1.10 else 'NOT met'}; "
          f"warm run requests: {warm} ({'met' if warm == 0 else 'NOT met'})")
    met = goal("fetch, mixed registries: litreview / slowest bound", ratio, 1.1,
               detail=f"{len(sources)} entries, slowest pool {slowest}")
    return met and warm == 0 and not report.errors


if __name__ == "__main__":
    raise SystemExit(main())
