"""Linking at scale: synthetic essays of 10,000 and 100,000 claims against 10,000 sources.

Each size runs in its own process so that its peak memory is its own. The 10,000-claim run
is the baseline; the 100,000-claim run must take no more than 12 times as long (linear).

    python bench/bench_links.py            # 10k x 10k and 100k x 10k
    python bench/bench_links.py --quick    # 1k x 1k and 10k x 1k
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _goals import goal  # noqa: E402

LIMIT_SECONDS = 30.0
LIMIT_BYTES = 2 * 1024**3
MAX_RATIO = 12.0

_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vor", "sel", "dan", "bri", "gus", "hal", "mor", "ter", "vin", "can", "del", "fen", "ros", "tal", "pel"]
_GIVEN = ["Anna", "Boris", "Clara", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Karin", "Liam", "Mara", "Nils", "Olga", "Pavel"]


def _family(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


#: draws per word ``_vocabulary`` makes at most: the syllables make fewer than 168,400 distinct words
VOCABULARY_DRAWS = 50


def _vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    """``size`` distinct words of two to four syllables (ValueError when the draws run out, rather than drawing on
    for ever for a size the syllables cannot make)."""
    words: set[str] = set()
    for _ in range(VOCABULARY_DRAWS * size):
        if len(words) == size:
            break
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    if len(words) < size:
        raise ValueError(f"_vocabulary: {VOCABULARY_DRAWS * size:,} draws made {len(words):,} distinct words of the "
                         f"{size:,} asked for; ask for fewer or add syllables to _SYLLABLES")
    return sorted(words)


def make_bibliography(n_sources: int, seed: int = 7):
    """``n_sources`` entries with shared family names, Zipf-like title words and some same-year twins."""
    from litreview.model import Bibliography, Person, Source

    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    families = [_family(rng) for _ in range(max(50, n_sources // 3))]
    weights = [1 / (i + 1) for i in range(len(vocab))]
    sources = []
    for i in range(n_sources):
        people = tuple(Person(rng.choice(families), rng.choice(_GIVEN)) for _ in range(rng.choice((1, 1, 2, 3, 4))))
        title = " ".join(w.capitalize() for w in rng.choices(vocab, weights=weights, k=rng.randint(3, 9)))
        year = rng.randint(1950, 2024)
        sources.append(Source(key=f"k{i}", type=rng.choice(("article", "book")), authors=people, year=year,
                              title=title, container=" ".join(rng.choices(vocab, k=2)).title(),
                              fields={"year": str(year)}))
    return Bibliography(sources=tuple(sources)), vocab


def make_essay(n_claims: int, bibliography, vocab: list[str], seed: int = 11):
    """An essay of ``n_claims`` sentences: a fifth cite by marker, name, title or quotation."""
    from litreview.model import Claim, Essay, Paragraph, TextQuoteSelector

    rng = random.Random(seed)
    sources = bibliography.sources
    paragraphs = []
    claims: list[Claim] = []
    number = 1
    for i in range(n_claims):
        words = rng.choices(vocab, k=rng.randint(12, 28))
        s = rng.choice(sources)
        roll = rng.random()
        if roll < 0.05:
            words.append(f"[@{s.key}, p. {rng.randint(1, 300)}]")
        elif roll < 0.10:
            words.append(f"({s.authors[0].family} {s.year})")
        elif roll < 0.15:
            words.insert(0, f"{s.authors[0].given} {s.authors[0].family} argues that")
        elif roll < 0.18:
            words.insert(3, f"“{s.title}”")
        elif roll < 0.20:
            words.insert(2, "“" + " ".join(rng.choices(vocab, k=6)) + "”")
        text = " ".join(words)
        text = text[0].upper() + text[1:] + "."
        sentence = len(claims) + 1
        claims.append(Claim(id=f"p{number}-s{sentence}", paragraph=number, sentence=sentence, text=text,
                            selector=TextQuoteSelector(text), line=number))
        if len(claims) == 8 or i == n_claims - 1:
            paragraphs.append(Paragraph(number=number, text=" ".join(c.text for c in claims), line=number,
                                        claims=tuple(claims)))
            number += 1
            claims = []
    return Essay(path="<synthetic>", body="", paragraphs=tuple(paragraphs))


def run_one(n_claims: int, n_sources: int) -> dict:
    """Build the inputs, then time link() alone; peak memory is this process's."""
    from litreview.linking import link

    bibliography, vocab = make_bibliography(n_sources)
    essay = make_essay(n_claims, bibliography, vocab)
    small, small_vocab = make_bibliography(20)
    link(make_essay(20, small, small_vocab), small)  # imports and caches warm, outside the timing
    start, cpu = time.perf_counter(), time.process_time()
    linkage = link(essay, bibliography)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    kinds: dict[str, int] = {}
    for lk in linkage.links:
        kinds[lk.kind] = kinds.get(lk.kind, 0) + 1
    return {"claims": n_claims, "sources": n_sources, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "peak_bytes": peak,
            "links": len(linkage.links), "mentions": len(linkage.mentions), "kinds": kinds}


def _spawn(n_claims: int, n_sources: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--run", str(n_claims), str(n_sources)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run (1k and 10k claims, 1k sources)")
    parser.add_argument("--run", nargs=2, type=int, metavar=("CLAIMS", "SOURCES"),
                        help="time one size alone (e.g. --run 10000 10000) and print it as JSON; no goal is judged")
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(run_one(*args.run)))
        return 0
    sources = 1_000 if args.quick else 10_000
    base_n = 1_000 if args.quick else 10_000
    base = _spawn(base_n, sources)
    big = _spawn(base_n * 10, sources)
    ratio = big["seconds"] / max(base["seconds"], 1e-9)
    for r in (base, big):
        print(f"{r['claims']:>7} claims x {r['sources']:>6} sources: {r['seconds']:7.2f} s ({r['cpu_seconds']:.2f} s CPU), "
              f"peak {r['peak_bytes'] / 2**20:7.0f} MiB, {r['links']} links, {r['mentions']} mentions {r['kinds']}")
    print(f"time ratio {big['claims'] // base['claims']}x claims: {ratio:.2f}x (limit {MAX_RATIO:.0f}x)")
    ok = goal(f"linking: {big['claims']:,} / {base['claims']:,} claims x {sources:,} sources (time)", ratio, MAX_RATIO,
              detail=f"{base['seconds']:.1f} s and {big['seconds']:.1f} s")
    if not args.quick:
        ok &= goal(f"linking {base['claims']:,} x {sources:,}: seconds", base["seconds"], LIMIT_SECONDS, unit="s")
        ok &= goal(f"linking {base['claims']:,} x {sources:,}: peak memory", base["peak_bytes"] / 2**30,
                   LIMIT_BYTES / 2**30, unit="GiB")
        print(f"baseline {base['seconds']:.2f} s (limit {LIMIT_SECONDS:.0f} s), "
              f"{base['peak_bytes'] / 2**30:.2f} GiB (limit {LIMIT_BYTES / 2**30:.0f} GiB)")
    print("OK" if ok else "OVER LIMIT")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
