"""Benchmark `litreview import`'s reference parser: references per second on one core.

Run from the repository root: ``python bench/bench_refparse.py [--quick] [--rounds N] [--shared PATH]``.

Material: the 250 strings of ``refparse/anystyle_gold_dev250.jsonl`` in the shared corpus folder
(many styles and languages; without the folder the script says so and measures nothing).
Measured as ``litreview import`` parses a list (``parse_references``: the CRF, the rule parser, the
combination and the doubt model), in CPU time of this process, after a first reference that loads
the model (timed on its own). Each round starts with empty word caches, as a fresh process does; the
"words cached" line parses the same strings again without clearing them. The rule parser alone is
measured in the same rounds as the baseline (the ratio says what the model costs over it). Goal:
at least 1,000 references per second with fresh caches.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _goals import goal  # noqa: E402

DEV = "corpus/refparse/anystyle_gold_dev250.jsonl"
def timed(parse: object, strings: list[str], fresh: bool) -> float:
    """CPU seconds of one pass of ``parse`` over ``strings``."""
    if fresh:
        from eval_refparse import clear_word_caches  # after the first reference: it imports the parser

        clear_word_caches()
    start = time.process_time()
    parse(strings)  # type: ignore[operator]
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding corpus/ [default: ../shared beside the repository]")
    parser.add_argument("--rounds", type=int, default=7, help="rounds of each measurement [default: 7]")
    parser.add_argument("--quick", action="store_true", help="3 rounds (for bench/run_all.py --quick)")
    args = parser.parse_args(argv)
    path = args.shared / DEV
    if not path.is_file():
        print(f"skipped: {path} not found (use --shared)")
        return 0
    rounds = 3 if args.quick else max(1, args.rounds)
    strings = [json.loads(line)["raw"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    from litreview.bibliography.refparse import parse_reference, parse_reference_rules, parse_references

    start = time.process_time()
    parse_reference(strings[0])
    first = time.process_time() - start

    def rules(texts: list[str]) -> None:
        for text in texts:
            parse_reference_rules(text)

    fresh, cached, baseline = [], [], []
    for _ in range(rounds):  # alternated, so that a change of load touches all three alike
        baseline.append(timed(rules, strings, fresh=True))
        fresh.append(timed(parse_references, strings, fresh=True))
        cached.append(timed(parse_references, strings, fresh=False))
    n = len(strings)
    rate = n / statistics.median(fresh)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"reference parsing, {n} strings of the anystyle dev set, {rounds} rounds, median CPU time, "
          f"one core (load average {load:.1f}):")
    print(f"  first reference, loading the model: {first * 1000:.0f} ms")
    print(f"  import (fresh word caches): {rate:,.0f} references/s "
          f"(rounds {min(fresh) * 1000:.0f}-{max(fresh) * 1000:.0f} ms)")
    print(f"  import (words cached):      {n / statistics.median(cached):,.0f} references/s")
    print(f"  rule parser alone (fresh):  {n / statistics.median(baseline):,.0f} references/s; import costs "
          f"{statistics.median(fresh) / statistics.median(baseline):.1f}x the rules")
    goal("import: references parsed per second, one core", rate, 1000, unit="refs/s", at_most=False,
         detail=f"anystyle dev 250, fresh word caches, median of {rounds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
