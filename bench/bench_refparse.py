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

``--stages`` adds where the time goes: the same pipeline run one stage at a time over the list (``staged``:
its readings are ``parse_references``' own, a test holds it to that), in CPU milliseconds per stage, median of
the rounds, each round with fresh word caches.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _goals import goal  # noqa: E402

DEV = "corpus/refparse/anystyle_gold_dev250.jsonl"
#: the stages of ``parse_references`` that ``staged`` times, in the order they run; the relabelling rules are part of
#: the assembly (timed again on their own, after it: an "of which" row, not added to the total)
STAGES = ("normalise and tokens", "features", "CRF: set, tag, marginals", "assembly of the CRF's reading",
          "  of which the relabelling rules", "rule parser", "combination", "doubt model")


def staged(strings: list[str]) -> tuple[list[Any], dict[str, float]]:
    """``parse_references(strings)`` one stage at a time, as ``refparse._readings`` runs them (the collector paused, as
    there): the readings and each stage's CPU seconds. The "———" of a repeated author is not filled in (a pass over the
    readings, untimed): for a list without one the readings are ``parse_references``' own."""
    from litreview.bibliography.refparse import tagger as T
    from litreview.bibliography.refparse.assemble import THRESHOLD, assemble
    from litreview.bibliography.refparse.combine import combine, values
    from litreview.bibliography.refparse.doubt import JUDGED, judge_list
    from litreview.bibliography.refparse.features import sequence_features, tokenize
    from litreview.bibliography.refparse.relabel import relabel
    from litreview.bibliography.refparse.rules import normalise
    from litreview.bibliography.refparse.rules import parse_normalised as rules

    seconds: dict[str, float] = {}
    clock = time.process_time

    def stage(name: str, work: Any) -> Any:
        start = clock()
        out = work()
        seconds[name] = seconds.get(name, 0.0) + clock() - start
        return out

    paused = gc.isenabled()
    gc.disable()
    try:
        norms = stage(STAGES[0], lambda: [normalise(text) for text in strings])
        tokens = stage(STAGES[0], lambda: [tokenize(text) for text in norms])
        features = stage(STAGES[1], lambda: [  # tag_all's stand-in for an unpaginated range, as there
            sequence_features(tokenize(T.UNPAGED.sub(T._paged, text)) if ("n/a" in text or "N/A" in text) else toks)
            for text, toks in zip(norms, tokens, strict=True)])
        tagger = T._tagger(str(T.MODEL)) if any(tokens) else None
        tagged = stage(STAGES[2], lambda: [T._labelled(tagger, toks, feats) if toks else []
                                           for toks, feats in zip(tokens, features, strict=True)])
        crfs = stage(STAGES[3], lambda: [assemble(text, norm, tags, THRESHOLD)
                                         for text, norm, tags in zip(strings, norms, tagged, strict=True)])
        stage(STAGES[4], lambda: [relabel(tags, norm) for tags, norm in zip(tagged, norms, strict=True)])
        read = stage(STAGES[5], lambda: [rules(norm) for norm in norms])
        both = stage(STAGES[6], lambda: [(values(crf, JUDGED), values(rule, JUDGED)) for crf, rule in zip(crfs, read, strict=True)])
        combined = stage(STAGES[6], lambda: [combine(crf, rule, read=pair) for crf, rule, pair in zip(crfs, read, both, strict=True)])
        readings = stage(STAGES[7], lambda: judge_list(list(zip(combined, crfs, read, both, strict=True))))
    finally:
        if paused:
            gc.enable()
    return readings, seconds


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
    parser.add_argument("--stages", action="store_true", help="also the CPU time of each stage of the parse")
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
    if args.stages:
        print_stages(strings, rounds)
    goal("import: references parsed per second, one core", rate, 1000, unit="refs/s", at_most=False,
         detail=f"anystyle dev 250, fresh word caches, median of {rounds}")
    return 0


def print_stages(strings: list[str], rounds: int) -> None:
    """Each stage's median CPU time over ``rounds`` runs of ``staged``, each with fresh word caches."""
    from eval_refparse import clear_word_caches

    runs: dict[str, list[float]] = {name: [] for name in STAGES}
    for _ in range(rounds):
        clear_word_caches()
        for name, seconds in staged(strings)[1].items():
            runs[name].append(seconds)
    med = {name: statistics.median(v) for name, v in runs.items()}
    total = sum(v for name, v in med.items() if not name.startswith(" "))
    print(f"  stages, one at a time over the list (median CPU ms of {rounds} rounds, fresh word caches):")
    for name, seconds in med.items():
        print(f"    {name:<36} {seconds * 1000:7.1f} ms  {seconds / total:6.1%}")
    print(f"    {'total':<36} {total * 1000:7.1f} ms  ({len(strings) / total:,.0f} references/s)")


if __name__ == "__main__":
    sys.exit(main())
