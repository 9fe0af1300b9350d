"""Duplicate entries (LR106 same DOI, LR107 same work) that the check reports on real bibliographies.

Material: every ``.bib`` under ../shared/corpus/ (the BibTeX parsers' test suites, the manuscripts'
bibliographies, the other corpus folders) and the manuscripts' CSL-JSON ``references.json``. Every
LR107 pair printed with ``--show`` must be a real duplicate: a pair that is not is a false flag of the
rule (``checks.duplicates.same_work``). "subtitle" counts the pairs found only because one entry adds a
subtitle to the other's main title (``text.same_title``).

    python bench/eval_duplicates.py          # counts per corpus folder
    python bench/eval_duplicates.py --show   # and each LR107 pair with both titles
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.bibliography.load import load_bibliography  # noqa: E402
from litreview.checks.bib import full_title  # noqa: E402
from litreview.checks.duplicates import duplicate_pairs  # noqa: E402
from litreview.errors import LitreviewError  # noqa: E402
from litreview.text import same_title  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show", action="store_true", help="print each LR107 pair")
    args = parser.parse_args()
    files = sorted(args.corpus.rglob("*.bib")) + sorted((args.corpus / "manuscripts").rglob("references.json"))
    counts: Counter[tuple[str, str]] = Counter()
    unread = 0
    for path in files:
        folder = path.relative_to(args.corpus).parts[0]
        try:
            sources = load_bibliography(path).sources
        except LitreviewError:
            unread += 1
            continue
        counts[folder, "files"] += 1
        for code, entry, first in duplicate_pairs(sources):
            counts[folder, code] += 1
            if code == "LR107" and same_title(full_title(first), full_title(entry)) == "same main title":
                counts[folder, "subtitle"] += 1
            if code == "LR107" and args.show:
                print(f"{path.relative_to(args.corpus)}: {entry.key} ~ {first.key}\n    {full_title(first)!r}\n"
                      f"    {full_title(entry)!r}")
    print(f"{'folder':<20} {'files':>6} {'LR106':>6} {'LR107':>6} {'subtitle':>8}")
    for folder in sorted({f for f, _ in counts}):
        print(f"{folder:<20} " + " ".join(f"{counts[folder, c]:>{w}}" for c, w in
                                          (("files", 6), ("LR106", 6), ("LR107", 6), ("subtitle", 8))))
    print(f"{len(files)} files, {unread} unreadable")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
