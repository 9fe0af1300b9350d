"""Each claim's nearest entries by TF-IDF cosine and BM25, over inverted lists (``topical.candidates``).

Two ways to the same answer. With few claims (a review's essay), plain dictionaries: nothing
heavier than the standard library is imported on the way to a check. With many claims, numpy
(installed with pandas) sums the same products in the same order, a block of claims at a time,
so both ways pick the same entries with the same scores.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence

NUMPY_FROM = 2000
"""Claims from which the sums run in numpy (below it, importing numpy costs more than it saves)."""
BLOCK_CELLS = 4_000_000
"""Claims x entries summed at once in numpy (32 MB of float64 per score)."""

Postings = Mapping[str, Sequence[tuple[int, float]]]
Picked = list[tuple[int, float, float, int, int]]
"""One claim's candidates, best first: (entry column, cosine, BM25 share of the claim's best,
rank by cosine plus that share, rank by BM25 alone); a rank not among the best is the count kept."""


def pick(rows: Sequence[Mapping[str, float]], words: Sequence[Sequence[str]], cosine: Postings, bm25: Postings,
         n_keys: int, take: int, bm_take: int, *, context: Sequence[Mapping[str, float]] = (),
         context_of: Sequence[int] = (), engine: str | None = None) -> list[Picked]:
    """For each claim (its weighted features ``rows[r]`` and its distinct BM25 words ``words[r]``), the
    ``take`` best entries by cosine (capped at 1) plus BM25 share, and the ``bm_take`` best by BM25
    alone; equal scores: the entry listed first wins. ``context``: weighted BM25 queries shared by
    several claims (a paragraph's words), ``context_of[r]`` the one whose BM25 scores claim ``r`` adds
    to its own (summed once for all its claims). ``engine``: "python" or "numpy" (default: by size)."""
    if engine is None:
        engine = "numpy" if len(rows) >= NUMPY_FROM and _has_numpy() else "python"
    run: Callable[..., list[Picked]] = _pick_numpy if engine == "numpy" else _pick_python
    if not context:
        context, context_of = [{}], [0] * len(rows)
    return run(rows, words, cosine, bm25, n_keys, take, bm_take, context, context_of)


def _has_numpy() -> bool:
    try:
        import numpy  # noqa: F401
    except ImportError:  # pragma: no cover - numpy comes with pandas
        return False
    return True


def _best(scores: dict[int, float], k: int) -> list[tuple[int, float]]:
    """The ``k`` best (column, score) of ``scores``, best first; equal scores: the entry listed first."""
    return heapq.nlargest(k, scores.items(), key=lambda t: (t[1], -t[0]))


def _assemble(cos: Mapping[int, float], bm: Mapping[int, float], scale: float,
              chosen: list[tuple[int, float]], by_bm: list[int], take: int, bm_take: int) -> Picked:
    rank_bm = {c: n for n, c in enumerate(by_bm)}
    rank_both = {c: n for n, (c, _) in enumerate(chosen)}
    every = chosen + [(c, cos.get(c, 0.0) + bm.get(c, 0.0) * scale) for c in by_bm if c not in rank_both]
    every.sort(key=lambda t: (-t[1], t[0]))
    return [(c, cos.get(c, 0.0), bm.get(c, 0.0) * scale, rank_both.get(c, take), rank_bm.get(c, bm_take))
            for c, v in every if v > 0]


def _pick_python(rows: Sequence[Mapping[str, float]], words: Sequence[Sequence[str]], cosine: Postings,
                 bm25: Postings, n_keys: int, take: int, bm_take: int, context: Sequence[Mapping[str, float]],
                 context_of: Sequence[int]) -> list[Picked]:
    out = []
    shared: dict[int, dict[int, float]] = {}
    for row, claim_words, group in zip(rows, words, context_of, strict=True):
        cos: dict[int, float] = {}
        add = cos.get
        for w, v in row.items():
            for c, s in cosine.get(w, ()):
                cos[c] = add(c, 0.0) + v * s
        bm: dict[int, float] = {}
        add = bm.get
        for w in claim_words:
            for c, s in bm25.get(w, ()):
                bm[c] = add(c, 0.0) + s
        if group not in shared:
            shared[group] = _weighted_sums(context[group], bm25)
        for c, v in shared[group].items():
            bm[c] = add(c, 0.0) + v
        scale = 1.0 / (max(bm.values(), default=0.0) or 1.0)
        if max(cos.values(), default=0.0) > 1.0:
            for c, v in cos.items():
                if v > 1.0:
                    cos[c] = 1.0
        both = cos.copy()
        add = both.get
        for c, v in bm.items():
            both[c] = add(c, 0.0) + v * scale
        chosen = _best(both, take)
        out.append(_assemble(cos, bm, scale, chosen, [c for c, _ in _best(bm, bm_take)], take, bm_take))
    return out


def _weighted_sums(query: Mapping[str, float], table: Postings) -> dict[int, float]:
    sums: dict[int, float] = {}
    add = sums.get
    for w, q in query.items():
        for c, s in table.get(w, ()):
            sums[c] = add(c, 0.0) + q * s
    return sums


def _pick_numpy(rows: Sequence[Mapping[str, float]], words: Sequence[Sequence[str]], cosine: Postings,
                bm25: Postings, n_keys: int, take: int, bm_take: int, context: Sequence[Mapping[str, float]],
                context_of: Sequence[int]) -> list[Picked]:
    import numpy as np

    cos_lists, bm_lists = _csr(np, cosine), _csr(np, bm25)
    out: list[Picked] = []
    step = max(1, BLOCK_CELLS // max(1, n_keys))
    for start in range(0, len(rows), step):
        block = range(start, min(len(rows), start + step))
        cos = _sums(np, cos_lists, [list(rows[r].items()) for r in block], n_keys)
        bm = _sums(np, bm_lists, [[(w, 1.0) for w in words[r]] for r in block], n_keys)
        groups = list(dict.fromkeys(context_of[r] for r in block))
        if any(context[g] for g in groups):
            shared = _sums(np, bm_lists, [list(context[g].items()) for g in groups], n_keys)
            at = {g: n for n, g in enumerate(groups)}
            bm += shared[[at[context_of[r]] for r in block]]
        np.minimum(cos, 1.0, out=cos)
        top = bm.max(axis=1)
        scale = 1.0 / np.where(top > 0, top, 1.0)
        both = cos + bm * scale[:, None]
        best_both, best_bm = _np_best(np, both, take), _np_best(np, bm, bm_take)
        for n in range(len(block)):
            chosen = [(c, float(both[n, c])) for c in best_both[n]]
            cols = best_both[n] + best_bm[n]
            out.append(_assemble({c: float(cos[n, c]) for c in cols}, {c: float(bm[n, c]) for c in cols},
                                 float(scale[n]), chosen, best_bm[n], take, bm_take))
    return out


def _csr(np, table: Postings):
    """The inverted lists as arrays: word -> number, where each word's list starts, entries, weights."""
    ids = {w: n for n, w in enumerate(table)}
    sizes = np.fromiter((len(v) for v in table.values()), dtype=np.int64, count=len(table))
    starts = np.zeros(len(table) + 1, dtype=np.int64)
    np.cumsum(sizes, out=starts[1:])
    total = int(starts[-1])
    cols = np.fromiter((c for v in table.values() for c, _ in v), dtype=np.int64, count=total)
    vals = np.fromiter((s for v in table.values() for _, s in v), dtype=np.float64, count=total)
    return ids, starts, cols, vals


def _sums(np, lists, terms: list[list[tuple[str, float]]], n_keys: int):
    """Claims x entries: each claim's sum of factor x weight over its words' lists, added in the
    order the dictionaries add them (bincount adds in array order), so the sums are the same."""
    ids, starts, cols, vals = lists
    word, factor, owner = [], [], []
    for n, claim_terms in enumerate(terms):
        for w, v in claim_terms:
            i = ids.get(w)
            if i is not None:
                word.append(i)
                factor.append(v)
                owner.append(n * n_keys)
    if not word:
        return np.zeros((len(terms), n_keys))
    at = np.asarray(word, dtype=np.int64)
    sizes = starts[at + 1] - starts[at]
    ends = np.cumsum(sizes)
    picked = np.repeat(starts[at] - (ends - sizes), sizes) + np.arange(int(ends[-1]), dtype=np.int64)
    where = cols[picked] + np.repeat(np.asarray(owner, dtype=np.int64), sizes)
    weight = vals[picked] * np.repeat(np.asarray(factor, dtype=np.float64), sizes)
    return np.bincount(where, weights=weight, minlength=len(terms) * n_keys).reshape(len(terms), n_keys)


def _np_best(np, scores, k: int) -> list[list[int]]:
    """Per row, the columns of its ``k`` best positive scores, best first; ties: the lower column.
    Sorted over the cells at or above each row's k-th best only (with a paragraph's words in the
    query, most cells of a row are positive: a sort over all of them is slower)."""
    n = scores.shape[1]
    keep = scores > 0
    if 0 < k < n:
        kth = np.partition(scores, n - k, axis=1)[:, n - k]
        keep &= scores >= kth[:, None]
    rows, cols = np.nonzero(keep)
    values = scores[rows, cols]
    order = np.lexsort((cols, -values, rows))
    rows, cols = rows[order], cols[order]
    first = np.searchsorted(rows, rows)  # where each row's cells start
    keep = np.arange(len(rows)) - first < k
    out: list[list[int]] = [[] for _ in range(scores.shape[0])]
    for r, c in zip(rows[keep].tolist(), cols[keep].tolist(), strict=True):
        out[r].append(c)
    return out
