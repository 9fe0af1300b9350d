"""Dense text: a paragraph full of one abbreviation, or a LaTeX figure whose caption is copied down the page, must
cost about what plain prose of its length costs to read.

Run from the repository root: ``python bench/bench_dense_text.py``.

1. Sentences (``segment.sentences``) of a 40,000-character paragraph of "see pp. 3--4, ..." against one of plain
   sentences of that length: CPU per 1,000 characters; goal: within 6x (4x; pysbd replaced an abbreviation's periods
   in the whole text again for each time it is written: 26x).
2. A LaTeX manuscript of 400 copies of one figure paragraph (``parse_latex``) against 400 different paragraphs of
   that length: CPU; goal: at most 0.7x (0.4x; each copy was read again: 0.95x).

Each figure is the median of three runs, caches emptied before each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _goals import goal  # noqa: E402

from litreview.essay import latex_cites, segment  # noqa: E402
from litreview.essay.latex import parse_latex  # noqa: E402

SIZE = 40_000
COPIES = 400


def cpu(run: Callable[[], object]) -> float:
    """Median CPU seconds of three runs of ``run``, the readers' caches emptied before each."""
    times = []
    for _ in range(3):
        segment._spans.cache_clear()
        latex_cites._latex_text.cache_clear()
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="accepted for bench/run_all.py; the run is short already")
    parser.parse_args()
    segment.sentences("Warm up. The splitter loads.", 0, 28)
    dense = ("The figures are in the report, see pp. 3--4, pp. 7--9 and pp. 12, as pp. 5 says. " * 600)[:SIZE]
    plain = ("The figures are in the report. They were collected over years, and checked. " * 600)[:SIZE]
    dense_s = cpu(lambda: segment.sentences(dense, 0, len(dense)))
    plain_s = cpu(lambda: segment.sentences(plain, 0, len(plain)))
    print(f"sentences, {SIZE:,} characters: dense {1000 * dense_s / SIZE * 1000:.2f} ms/1k chars, "
          f"plain {1000 * plain_s / SIZE * 1000:.2f} ms/1k chars")
    figure = ("\\begin{figure}\n  \\includegraphics{map.png}\n  \\caption{A map of alliances \\citep{div2015}.}\n"
              "\\end{figure}\n\nThe alliances shifted \\citep{div2015}, as the map shows.\n\n")
    copies = figure * COPIES
    different = "".join(figure.replace("map", f"map{n}").replace("alliances", f"alliances {n}") for n in range(COPIES))
    copies_s = cpu(lambda: parse_latex(copies, "copies.tex"))
    different_s = cpu(lambda: parse_latex(different, "different.tex"))
    print(f"parse_latex, {COPIES} figures: copies {copies_s:.3f} s, different {different_s:.3f} s")
    ok = goal("sentences: dense abbreviations / plain prose (CPU per 1k characters)", dense_s / plain_s, 6.0)
    ok &= goal(f"parse_latex: {COPIES} copies of a figure / {COPIES} different figures", copies_s / different_s, 0.7)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
