"""Dense text: a paragraph full of one abbreviation, or a LaTeX figure whose caption is copied down the page, must
cost about what plain prose of its length costs to read.

Run from the repository root: ``python bench/bench_dense_text.py``.

1. Sentences (``segment.sentences``) of a 40,000-character paragraph of "see pp. 3--4, ..." against one of plain
   sentences of that length: CPU per 1,000 characters; goal: within 6x (4x; pysbd replaced an abbreviation's periods
   in the whole text again for each time it is written: 26x).
2. A LaTeX manuscript of 400 copies of one figure paragraph (``parse_latex``) against 400 different paragraphs of
   that length: CPU; goal: at most 0.7x (0.4x; each copy was read again: 0.95x).

Each ratio is the median of ``--pairs`` paired ratios: the two arms run in turn (ABBA: the order alternates from one
pair to the next), each run's CPU time (``time.process_time``) taken after every cache the readers key by their input
is emptied and a garbage collection. Three runs of each arm in two blocks let the load of a shared machine fall on one
arm: the figure-copies ratio swung from 0.45x to 0.83x between runs; paired, repeated runs agree within about 10%.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _goals import goal  # noqa: E402

from litreview import text  # noqa: E402
from litreview.essay import latex, latex_cites, segment  # noqa: E402
from litreview.essay.latex import parse_latex  # noqa: E402

SIZE = 40_000
COPIES = 400
PAIRS = 9
"""Paired runs of the two arms of each goal (``--quick``: 5)."""


def cpu(run: Callable[[], object]) -> float:
    """CPU seconds of one run of ``run``, every cache keyed by the text read emptied and garbage collected before."""
    for cached in (segment._spans, latex_cites._latex_text, latex._spaced, text.fold, text.spelled):
        cached.cache_clear()
    gc.collect()
    start = time.process_time()
    run()
    return time.process_time() - start


def paired(a: Callable[[], object], b: Callable[[], object], pairs: int) -> tuple[float, float, float, float, float]:
    """``a`` and ``b`` run in turn ``pairs`` times (ABBA): the median CPU seconds of each, the median of the
    per-pair ratios a/b, and the lowest and highest of those ratios."""
    a_s: list[float] = []
    b_s: list[float] = []
    for n in range(pairs):
        if n % 2:
            b_s.append(cpu(b))
            a_s.append(cpu(a))
        else:
            a_s.append(cpu(a))
            b_s.append(cpu(b))
    ratios = [x / y for x, y in zip(a_s, b_s, strict=True)]
    return statistics.median(a_s), statistics.median(b_s), statistics.median(ratios), min(ratios), max(ratios)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 pairs of runs instead of 9")
    parser.add_argument("--pairs", type=int, default=0, help=f"pairs of runs of each goal's arms (default {PAIRS})")
    args = parser.parse_args()
    pairs = args.pairs or (5 if args.quick else PAIRS)
    segment.sentences("Warm up. The splitter loads.", 0, 28)
    dense = ("The figures are in the report, see pp. 3--4, pp. 7--9 and pp. 12, as pp. 5 says. " * 600)[:SIZE]
    plain = ("The figures are in the report. They were collected over years, and checked. " * 600)[:SIZE]
    dense_s, plain_s, sentences_x, low, high = paired(lambda: segment.sentences(dense, 0, len(dense)),
                                                      lambda: segment.sentences(plain, 0, len(plain)), pairs)
    print(f"sentences, {SIZE:,} characters, CPU, medians of {pairs} pairs: dense "
          f"{1000 * dense_s / SIZE * 1000:.2f} ms/1k chars, plain {1000 * plain_s / SIZE * 1000:.2f} ms/1k chars; "
          f"paired ratios {low:.2f}-{high:.2f}x")
    figure = ("\\begin{figure}\n  \\includegraphics{map.png}\n  \\caption{A map of alliances \\citep{div2015}.}\n"
              "\\end{figure}\n\nThe alliances shifted \\citep{div2015}, as the map shows.\n\n")
    copies = figure * COPIES
    different = "".join(figure.replace("map", f"map{n}").replace("alliances", f"alliances {n}") for n in range(COPIES))
    parse_latex(figure, "warm.tex")  # its first call imports the macro reader and builds pylatexenc's context
    copies_s, different_s, copies_x, low, high = paired(lambda: parse_latex(copies, "copies.tex"),
                                                        lambda: parse_latex(different, "different.tex"), pairs)
    print(f"parse_latex, {COPIES} figures, CPU, medians of {pairs} pairs: copies {copies_s:.3f} s, "
          f"different {different_s:.3f} s; paired ratios {low:.2f}-{high:.2f}x")
    detail = f"CPU, median of {pairs} paired ratios"
    ok = goal("sentences: dense abbreviations / plain prose (CPU per 1k characters)", sentences_x, 6.0, detail=detail)
    ok &= goal(f"parse_latex: {COPIES} copies of a figure / {COPIES} different figures", copies_x, 0.7,
               detail=detail)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
