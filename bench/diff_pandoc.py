"""Differential testing of the manuscript readers against pandoc, the oracle, on generated documents.

Usage:
  python bench/diff_pandoc.py --docs 500 --seed 100        500 documents from seed 100
  python bench/diff_pandoc.py --seeds 100-109 --docs 300   300 documents from each seed of a range
  --fmt markdown|latex   only one kind (default: three Markdown documents in four, one LaTeX)
  --no-edges             leave out the forms of the known gaps (tests/fuzz/pandoc_docs.py: the pytest run)
  --show N               print the first N disagreeing documents with what differs
  --json FILE            the figures as JSON

Documents come from tests/fuzz/pandoc_docs.py (seeded: the same seed, the same documents); each is
read by ``pandoc -f markdown|latex -t json`` and by litreview (tests/fuzz/pandoc_diff.py). Prints
agreement per construct (documents using it whose keys all agree) and the disagreements by class
(kind and the construct that wrote the key). Exit 1 when any document disagrees. Needs the test extra
(pypandoc-binary).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _seeds(text: str) -> list[int]:
    lo, _, hi = text.partition("-")
    return list(range(int(lo), int(hi or lo) + 1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=300, help="documents per seed")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--seeds", default=None, help="a range such as 100-109")
    ap.add_argument("--fmt", choices=("markdown", "latex"), default=None)
    ap.add_argument("--no-edges", action="store_true",
                    help="leave out the forms of the known gaps (keys holding #$%%&<>~, unmatched emphasis, ...)")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from tests.fuzz.pandoc_diff import compare, pandoc_path
    from tests.fuzz.pandoc_docs import generate

    pandoc = pandoc_path()
    if pandoc is None:
        print("pandoc not found: install the test extra (pypandoc-binary)", file=sys.stderr)
        return 2
    seeds = _seeds(args.seeds) if args.seeds else [args.seed if args.seed is not None else 0]
    used: Counter[str] = Counter()
    agreed: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    examples: dict[str, str] = {}
    docs = bad_docs = shown = refused = known = 0
    start = time.process_time()
    for seed in seeds:
        rng = random.Random(seed)
        for _ in range(args.docs):
            doc = generate(rng, args.fmt, edges=not args.no_edges)
            found = compare(doc, pandoc)
            if found is not None:
                known += sum(d.known for d in found)
                found = [d for d in found if not d.known]
            if found is None:
                refused += 1
                if refused <= args.show:
                    print("=" * 70, "\npandoc refused:\n" + doc.text)
                continue
            docs += 1
            bad_docs += bool(found)
            failing = {part for d in found for part in d.construct.split("/")}
            for name in doc.constructs | {doc.fmt}:
                used[name] += 1
                agreed[name] += name not in failing and not (name == doc.fmt and found)
            for d in found:
                label = f"{d.kind:14} {d.construct}"
                classes[label] += 1
                examples.setdefault(label, d.key)
            if found and shown < args.show:
                shown += 1
                print("=" * 70, "\n" + doc.text + "".join(f"--- {n}\n{t}" for n, t in doc.files.items()))
                for d in found:
                    print(f"  {d.kind}: {d.key!r} ({d.construct})")
    print(f"{docs} documents (seeds {seeds[0]}-{seeds[-1]}, {args.docs} each), {bad_docs} disagree, {refused} more refused by pandoc; "
          f"{known} keys of commands pandoc's LaTeX reader does not read (documented, not counted); "
          f"{time.process_time() - start:.1f} s CPU in this process")
    print("\nagreement per construct (documents using it whose keys all agree):")
    for name in sorted(used):
        print(f"  {name:22} {agreed[name]:6}/{used[name]:<6} {agreed[name] / used[name]:.3f}")
    print("\ndisagreements by class (kind, construct: count, an example key):")
    for label, n in classes.most_common():
        print(f"  {label:40} {n:6}  {examples[label]!r}")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "seeds": seeds, "docs": docs, "disagreeing_docs": bad_docs,
            "constructs": {n: {"docs": used[n], "agree": agreed[n]} for n in sorted(used)},
            "classes": dict(classes.most_common())}, indent=1) + "\n", encoding="utf-8")
    return 1 if bad_docs else 0


if __name__ == "__main__":
    sys.exit(main())
