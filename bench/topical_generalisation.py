"""Variants of the topical re-ranker meant to carry to documents it never saw, and subsets of its suggestions
that might be shown by default: judged by leave-one-document-out over every development document (the
corpus development documents and each ``--extra-dev`` folder's papers, one pool), each document ranked by a
model fitted without it, recall@1/3/5 per part and over all (never the held-out documents).

Each row changes one thing against the shipped re-ranker: a baseline's score and rank over the whole
bibliography as features, reciprocal-rank fusion with the best baseline, the penalty, fewer features or every
one the suggester measures (the shipped re-ranker reads ``ranker.MODEL``), each feature standardised within its document, each feature's distance from the sentence's best candidate, a listwise
re-ranker, the entry's description length and age. Then the suggestions: the top candidate of each sentence
under rules of what supports it (the sentence names its author, a wide lead over the next candidate,
the cosine at 0.5 or more, ...), the rules cited most often with how many they hold; a default needs 8 in 10.

    python bench/topical_generalisation.py --extra-dev FOLDER [--extra-dev FOLDER ...] [--by-size]

``--by-size``: R@5 by the size of the document's bibliography (fewer than 30 entries, 30 to 69, 70 or more: where
the held-out documents trailed the baseline) instead of by part, and the variants for long bibliographies: rank fusion
with the baseline for the documents of 30 entries or more alone (the shipped re-ranker below 30), the baseline's own
order from 30 or from 70 entries, each feature also times the log of the bibliography's size, the ranks as the share
of the bibliography ranked below. (A calibration per document is no row: it keeps each document's order.)

Every row ends with its R@5 less the shipped re-ranker's, per citing sentence over all the documents, its 95%
interval by resampling documents, and the documents it wins and loses: how far a variant's lead is from noise.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_topical import (  # noqa: E402
    SIZES,
    extra_parts,
    paired,
    pairs,
    rank_bm25,
    recall_at,
    sentence_recalls,
    size_groups,
    wilson,
)
from topical_ablations import _listwise  # noqa: E402
from topical_corpus import DEFAULT_CORPUS, DEV, Document, load_split  # noqa: E402
from topical_fit import L2, out_of_fold  # noqa: E402

from litreview.linking import topical  # noqa: E402
from litreview.linking.index import build_index  # noqa: E402
from litreview.linking.ranker import FEATURES, MODEL  # noqa: E402

Where = list[tuple[str, str]]
Scores = list[float]

RELATIVE = ("cosine", "bm25", "bm25_rank", "rank")
"""Features read also as their distance from the best candidate of the same sentence."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--extra-dev", action="append", type=Path, default=[], metavar="FOLDER",
                        help="further development papers (FOLDER/SOURCES.tsv), each folder a part; repeatable")
    parser.add_argument("--by-size", action="store_true",
                        help="R@5 by the bibliography's size (< 30, 30-69, >= 70 entries) instead of by part")
    args = parser.parse_args(argv)
    parts = {"corpus dev": load_split(args.corpus, DEV), **extra_parts(args.extra_dev)}
    if not parts["corpus dev"]:
        print(f"corpus not found at {args.corpus}")
        return 1
    docs = [d for part in parts.values() for d in part]
    if args.by_size:
        parts = size_groups(docs)
    where: Where = []
    every, y, doc_of = pairs(docs, where)
    names = list(MODEL)  # the shipped re-ranker's features; ``every``: all the suggester measures
    x = [[row[FEATURES.index(n)] for n in names] for row in every]
    print(f"leave one document out over {len(docs)} development documents, {len(x)} candidates "
          f"({sum(y)} cited): R@1/R@3/R@5 of the candidates re-ranked")
    print(f"  {'variant':<52} " + " ".join(f"{name[:17]:>17}" for name in (*parts, "all"))
          + "  R@5 less the shipped's (95%), documents won/lost")
    shipped: Scores = []

    def row(label: str, p: Scores) -> None:
        cells = [recall_at(p, where, doc_of, among, k) for among in (*parts.values(), docs) for k in (1, 3, 5)]
        print(f"  {label:<52} " + " ".join("/".join(f"{v:.3f}" for v in cells[n:n + 3]).rjust(17)
                                           for n in range(0, len(cells), 3))
              + f"  {against_shipped(p, shipped or p, where, doc_of, docs)}")

    def fitted(rows: list[list[float]], labels: list[str], l2: float = L2) -> Scores:
        return out_of_fold(rows, y, doc_of, l2=l2, names=labels, calibrate=False)

    shipped.extend(fitted(x, names))
    row("shipped re-ranker", shipped)
    for label, query in BASELINES.items():
        share, rr = _baseline(docs, query, where, doc_of)
        row(f"+ {label}'s score and rank",
            fitted([[*r, s, q] for r, s, q in zip(x, share, rr, strict=True)], [*names, "share", "rr"]))
    _, rr = _baseline(docs, BASELINES["BM25 + par.+acr.+essay"], where, doc_of)
    row("BM25 + par.+acr.+essay's own order (no model)", rr)
    for k, weight in ((5, 0.5), (60, 1.0), (60, 2.0), (10, 1.0)):
        row(f"rank fusion with BM25 + par.+acr.+essay, k {k} x {weight:g}", _fused(shipped, rr, where, doc_of, k, weight))
    if args.by_size:
        long = {d.name for d in docs if len(d.bibliography.sources) >= SIZES[0]}
        for k, weight in ((2, 0.5), (2, 1.0)):
            fused = _fused(shipped, rr, where, doc_of, k, weight)
            row(f"the same, k {k} x {weight:g}, {SIZES[0]} entries or more alone",
                [f if d in long else p for f, p, d in zip(fused, shipped, doc_of, strict=True)])
        size = {d.name: len(d.bibliography.sources) for d in docs}
        entries = [size[d] for d in doc_of]
        for cut in SIZES:
            row(f"the baseline's own order from {cut} entries", _fallback(shipped, rr, entries, cut))
        row(f"+ each feature x log(entries / {SIZES[0]})", fitted(*_times_size(x, names, entries)))
        row("ranks as the share of the bibliography ranked below", fitted(_rank_shares(x, names, entries), names))
    for l2 in (3.0, 30.0, 100.0, 300.0, 1000.0):
        row(f"penalty {l2:g} (shipped {L2:g})", fitted(x, names, l2))
    for label, kept in feature_sets().items():
        cols = [FEATURES.index(n) for n in kept]
        row(f"features: {label}", fitted([[r[c] for c in cols] for r in every], list(kept)))
    row("each feature standardised within its document", fitted(_standardised(x, doc_of), names))
    relative = [names.index(n) for n in RELATIVE]
    row("+ each feature's distance from the sentence's best",
        fitted([[*r, *extra] for r, extra in zip(x, _from_best(x, where, doc_of, relative), strict=True)],
               [*names, *(f"{n}_gap" for n in RELATIVE)]))
    row("listwise: a softmax over each sentence's candidates, L2 3", _listwise(x, y, doc_of, where, 3.0))
    entry = _entries(docs, where, doc_of)
    for label, cols in (("+ the entry's description length (log)", (0,)), ("+ its age (log years before the newest)", (1,))):
        row(label, fitted([[*r, *(e[c] for c in cols)] for r, e in zip(x, entry, strict=True)],
                          [*names, *(f"entry{c}" for c in cols)]))
    print(shown_by_rule(every, y, doc_of, where, shipped))
    return 0


BASELINES: dict[str, dict[str, float | bool]] = {
    "BM25 + paragraph": {"paragraph": topical.PARAGRAPH},
    "BM25 + par.+acr.+essay": {"paragraph": topical.PARAGRAPH, "acronyms": True, "essay": 1.0},
}
"""The best baselines of bench/eval_topical.py (its ``rank_bm25`` arguments): each is the best on some part."""


FEWER: dict[str, tuple[str, ...]] = {
    "BM25's (score, rank, first) and named": ("bm25", "bm25_rank", "bm25_top", "named"),
    "the cosine's (score, rank, first) and named": ("cosine", "top", "rank", "named"),
    "the rank by cosine plus BM25 alone": ("rank",),
    "every feature the suggester measures": FEATURES,
    "every one but the sentence's and entry's own (cue, first person, length, spread, entries)":
        tuple(n for n in FEATURES if n not in ("cue", "first_person", "length", "spread", "entries", "linked")),
}
"""Re-rankers reading fewer or more of the suggester's features than the shipped one (``ranker.MODEL``)."""


def feature_sets() -> dict[str, tuple[str, ...]]:
    """The features of each re-ranker compared with the shipped one: ``FEWER``, then the shipped one without each of
    its features in turn (what each one carries that the others do not)."""
    return {**FEWER, **{f"the shipped but {name}": tuple(n for n in MODEL if n != name) for name in MODEL}}


def _baseline(docs: list[Document], query: dict[str, float | bool], where: Where,
              doc_of: list[str]) -> tuple[Scores, Scores]:
    """Each candidate's score under a baseline ranking the whole bibliography (as a share of the sentence's
    best) and 1 / (1 + its rank there); 0, 0 where it does not score it."""
    table: dict[tuple[str, str, str], tuple[float, float]] = {}
    for doc in docs:
        for cid, ranked in rank_bm25(doc, depth=10**9, **query)[0].items():  # type: ignore[arg-type]
            for n, (key, s) in enumerate(ranked):
                table[(doc.name, cid, key)] = (s / ranked[0][1] if ranked[0][1] else 0.0, 1.0 / (1 + n))
    got = [table.get((d, cid, key), (0.0, 0.0)) for (cid, key), d in zip(where, doc_of, strict=True)]
    return [s for s, _ in got], [r for _, r in got]


def _fused(p: Scores, rr: Scores, where: Where, doc_of: list[str], k: int, weight: float) -> Scores:
    """Reciprocal-rank fusion over each sentence's candidates: 1 / (k + the re-ranker's rank) plus ``weight``
    / (k + the baseline's rank) (``rr``: 1 / (1 + the baseline's rank), 0 past its list)."""
    out = [0.0] * len(p)
    for members in _sentences(where, doc_of).values():
        for n, i in enumerate(sorted(members, key=lambda i: -p[i])):
            out[i] = 1.0 / (k + n + 1) + (weight / (k + 1 / rr[i]) if rr[i] else 0.0)
    return out


def against_shipped(p: Scores, shipped: Scores, where: Where, doc_of: list[str], docs: list[Document],
                    k: int = 5) -> str:
    """R@k under ``p`` less the shipped re-ranker's, per citing sentence, with its 95% interval (documents resampled)
    and the documents it wins and loses."""
    a, b = sentence_recalls(p, where, doc_of, docs, k), sentence_recalls(shipped, where, doc_of, docs, k)
    mean, low, high = paired(a, b)
    by_doc: dict[str, float] = {}
    for (name, cid), v in a.items():
        by_doc[name] = by_doc.get(name, 0.0) + v - b[(name, cid)]
    won, lost = sum(1 for v in by_doc.values() if v > 1e-9), sum(1 for v in by_doc.values() if v < -1e-9)
    return f"{mean:+.3f} ({low:+.3f},{high:+.3f}) {won}/{lost}"


def _fallback(p: Scores, rr: Scores, entries: list[int], cut: int) -> Scores:
    """The baseline's order (``rr``: 1 / (1 + its rank)) for the candidates of bibliographies of ``cut`` entries or
    more, ``p``'s below (a document's candidates are compared with one another alone)."""
    return [b if n >= cut else a for a, b, n in zip(p, rr, entries, strict=True)]


def _times_size(x: list[list[float]], names: list[str], entries: list[int]) -> tuple[list[list[float]], list[str]]:
    """Each feature but ``named`` also times log(entries / 30): weights that change with the bibliography's size."""
    cols = [n for n, name in enumerate(names) if name != "named"]
    scale = [math.log(n / SIZES[0]) for n in entries]
    return ([[*r, *(r[c] * s for c in cols)] for r, s in zip(x, scale, strict=True)],
            [*names, *(f"{names[c]}_x_size" for c in cols)])


def _rank_shares(x: list[list[float]], names: list[str], entries: list[int]) -> list[list[float]]:
    """The ranks (1 / (1 + rank) among the candidates, 0 past them) as the share of the bibliography ranked below:
    second of 10 entries and of 200 no longer read alike."""
    cols = [n for n, name in enumerate(names) if name in ("rank", "bm25_rank")]
    out = []
    for r, size in zip(x, entries, strict=True):
        r = list(r)
        for c in cols:
            r[c] = 1.0 - (1.0 / r[c] - 1.0) / size if r[c] > 0 else 0.0
        out.append(r)
    return out


def _sentences(where: Where, doc_of: list[str]) -> dict[tuple[str, str], list[int]]:
    groups: dict[tuple[str, str], list[int]] = {}
    for i, ((cid, _), d) in enumerate(zip(where, doc_of, strict=True)):
        groups.setdefault((d, cid), []).append(i)
    return groups


def _standardised(x: list[list[float]], doc_of: list[str]) -> list[list[float]]:
    import numpy as np

    a = np.asarray(x, dtype=float)
    names = np.asarray(doc_of)
    for name in dict.fromkeys(doc_of):
        m = names == name
        spread = a[m].std(axis=0)
        a[m] = (a[m] - a[m].mean(axis=0)) / np.where(spread > 0, spread, 1.0)
    return a.tolist()


def _from_best(x: list[list[float]], where: Where, doc_of: list[str], cols: list[int]) -> list[list[float]]:
    out = [[0.0] * len(cols) for _ in x]
    for members in _sentences(where, doc_of).values():
        best = [max(x[i][c] for i in members) for c in cols]
        for i in members:
            out[i] = [x[i][c] - b for c, b in zip(cols, best, strict=True)]
    return out


def _entries(docs: list[Document], where: Where, doc_of: list[str]) -> list[tuple[float, float]]:
    """(log1p of the words describing the entry, log1p of the years it precedes the bibliography's newest)."""
    table: dict[tuple[str, str], tuple[float, float]] = {}
    for doc in docs:
        index = build_index(doc.bibliography, doc.metadata)
        newest = max((year for year, _ in index.years.values() if year), default=None)
        for key in index.sources:
            year = index.years.get(key, (None, ""))[0]
            age = math.log1p(max(0, newest - year)) if year and newest else 0.0
            table[(doc.name, key)] = (math.log1p(sum((index.stems.get(key) or {}).values())), age)
    return [table[(d, key)] for (_, key), d in zip(where, doc_of, strict=True)]


RULES_SHOWN = 12
"""Rules ``shown_by_rule`` prints, the most often cited first."""


def shown_by_rule(x: list[list[float]], y: list[int], doc_of: list[str], where: Where, p: Scores,
                  least: int = 10) -> str:
    """The top candidate of each sentence (by ``p``, out of fold), under every rule of up to three conditions
    on what supports it: the rules whose candidates were cited most often (at least ``least`` of them), with
    the 95% interval. Many rules are tried: the best one's share flatters it."""
    col = {name: n for n, name in enumerate(FEATURES)}
    top, lead = [False] * len(x), [0.0] * len(x)
    for members in _sentences(where, doc_of).values():
        ranked = sorted(members, key=lambda i: -p[i])
        top[ranked[0]] = True
        lead[ranked[0]] = p[ranked[0]] - p[ranked[1]] if len(ranked) > 1 else math.inf
    conditions: dict[str, Callable[[int], bool]] = {
        "named": lambda i: x[i][col["named"]] > 0, "BM25's first": lambda i: x[i][col["bm25_top"]] > 0,
        "cosine's first": lambda i: x[i][col["top"]] > 0,
        "lead > 1": lambda i: lead[i] > 1, "lead > 2": lambda i: lead[i] > 2,
        "cosine >= 0.5": lambda i: x[i][col["cosine"]] >= 0.5, "citation cue": lambda i: x[i][col["cue"]] > 0,
        "its own words": lambda i: x[i][col["from_paragraph"]] == 0,
    }
    held = {name: {i for i in range(len(x)) if top[i] and test(i)} for name, test in conditions.items()}
    found = []
    for size in (1, 2, 3):
        for rule in combinations(conditions, size):
            chosen = set.intersection(*(held[c] for c in rule))
            if len(chosen) >= least:
                cited = sum(y[i] for i in chosen)
                found.append((cited / len(chosen), len(chosen), cited, " & ".join(rule)))
    found.sort(key=lambda t: (-t[0], -t[1], t[3]))
    every = [i for i in range(len(x)) if top[i]]
    lines = [f"each sentence's top candidate (out of fold): {sum(y[i] for i in every)} of {len(every)} cited; "
             f"rules of up to three conditions with {least}+ candidates ({len(found)}), the most often cited:"]
    for share, n, cited, rule in found[:RULES_SHOWN]:
        lo, hi = wilson(cited, n)
        lines.append(f"  {cited:>4}/{n:<5} {share:.3f} ({lo:.2f}-{hi:.2f})  {rule}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
