"""Topical suggestions: TF-IDF cosine between each claim and each entry's title, container,
keywords and abstract, computed as one sparse product in row chunks (never a Python double loop).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

from ..model import Claim
from .hits import Hit
from .index import SourceIndex
from .text import content_stems, stem, tokens

TOP_K = 3
"""Suggestions kept per claim."""
PER_SOURCE = 8
"""Suggestions kept per source: its best-matching claims only."""
MIN_SCORE = 0.2
"""Cosine below which a suggestion is noise."""
SINGLE_WORD_SCORE = 0.3
"""A suggestion resting on one shared word needs this score and a word few entries use."""
LINKED_SCORE = 0.35
"""A claim that already has a confirmed source gets suggestions only above this score."""
CHUNK = 2048
"""Claims multiplied at a time: bounds memory on long essays."""


def suggest(claims: Sequence[Claim], index: SourceIndex, exclude: Collection[tuple[str, str]] = (),
            *, linked: Collection[str] = (), top_k: int | None = None, per_source: int | None = None,
            min_score: float | None = None) -> list[Hit]:
    """Up to ``top_k`` suggested entries per claim, best first, skipping ``exclude`` pairs.

    ``linked`` names claims that already have a confirmed source: they need a stronger match.
    """
    import numpy as np
    from scipy import sparse

    top_k = TOP_K if top_k is None else top_k
    per_source = PER_SOURCE if per_source is None else per_source
    min_score = MIN_SCORE if min_score is None else min_score
    keys = list(index.sources)
    if not keys or not claims:
        return []
    vocab: dict[str, int] = {}
    for key in keys:
        for s in index.stems.get(key, ()):
            vocab.setdefault(s, len(vocab))
    if not vocab:
        return []
    src = _matrix([index.stems.get(k, Counter()) for k in keys], vocab, sparse, np)
    claim_bags = [Counter(content_stems(c.text)) for c in claims]
    cl = _matrix(claim_bags, vocab, sparse, np)
    df = np.asarray((src > 0).sum(axis=0)).ravel() + np.asarray((cl > 0).sum(axis=0)).ravel()
    n_docs = src.shape[0] + cl.shape[0]
    idf = np.log((n_docs + 1) / (df + 1)) + 1.0
    src, cl = _weigh(src, idf, sparse, np), _weigh(cl, idf, sparse, np)
    src_t = src.T.tocsr()
    excluded = set(exclude)
    linked_ids = set(linked)
    linked_rows = np.fromiter((c.id in linked_ids for c in claims), dtype=bool, count=len(claims))
    src_df = np.asarray((src > 0).sum(axis=0)).ravel()
    want = top_k + 2  # a little headroom for pairs dropped below
    parts = []
    for lo in range(0, cl.shape[0], CHUNK):
        scores = (cl[lo:lo + CHUNK] @ src_t).tocsr()
        rows = np.repeat(np.arange(scores.shape[0]), np.diff(scores.indptr))
        floor = np.where(linked_rows[lo + rows], max(min_score, LINKED_SCORE), min_score)
        keep = scores.data >= floor
        rows, cols, data = rows[keep], scores.indices[keep], scores.data[keep]
        if len(data) == 0:
            continue
        order = np.lexsort((-data, rows))
        rows, cols, data = rows[order], cols[order], data[order]
        starts = np.searchsorted(rows, rows, side="left")
        keep = (np.arange(len(rows)) - starts) < want
        parts.append((rows[keep] + lo, cols[keep], data[keep]))
    if not parts:
        return []
    rows = np.concatenate([p[0] for p in parts])
    cols = np.concatenate([p[1] for p in parts])
    data = np.concatenate([p[2] for p in parts])
    # Each source keeps only its best claims, so one common word cannot flood the list.
    order = np.lexsort((-data, cols))
    rows, cols, data = rows[order], cols[order], data[order]
    starts = np.searchsorted(cols, cols, side="left")
    keep = (np.arange(len(cols)) - starts) < per_source * 2
    rows, cols, data = rows[keep], cols[keep], data[keep]
    order = np.lexsort((-data, rows))
    per_claim: Counter[int] = Counter()
    per_key: Counter[int] = Counter()
    hits: list[Hit] = []
    stems_of: dict[int, set[str]] = {}
    for r, c, d in zip(rows[order].tolist(), cols[order].tolist(), data[order].tolist(), strict=True):
        claim = claims[r]
        key = keys[c]
        if (claim.id, key) in excluded or per_claim[r] >= top_k or per_key[c] >= per_source:
            continue
        if r not in stems_of:
            stems_of[r] = set(claim_bags[r])
        shared = stems_of[r] & index.stems.get(key, Counter()).keys()
        if len(shared) < 2:
            rare = all(src_df[vocab[w]] <= 2 for w in shared if w in vocab)
            if not shared or not rare or d < SINGLE_WORD_SCORE:
                continue
        per_claim[r] += 1
        per_key[c] += 1
        hits.append(Hit(claim.id, key, "topical", round(float(d), 3),
                        _evidence(claim.text, index.stems.get(key, Counter())), confirmed=False))
    return hits


def _matrix(bags: list[Counter[str]], vocab: dict[str, int], sparse, np):
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for bag in bags:
        for word, count in bag.items():
            col = vocab.get(word)
            if col is not None:
                indices.append(col)
                data.append(count)
        indptr.append(len(indices))
    return sparse.csr_matrix((np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32),
                              np.asarray(indptr, dtype=np.int64)), shape=(len(bags), len(vocab)))


def _weigh(matrix, idf, sparse, np):
    """Sublinear term frequency times idf, rows scaled to unit length."""
    m = matrix.copy()
    m.data = (1.0 + np.log(m.data)) * idf[m.indices].astype(np.float32)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags((1.0 / norms).astype(np.float32)) @ m


def _evidence(text: str, source_stems: Counter[str]) -> str:
    shared: list[str] = []
    for tok in tokens(text):
        if stem(tok.text) in source_stems and tok.text.lower() not in (w.lower() for w in shared):
            shared.append(tok.text)
    return "shared words: " + ", ".join(shared[:6]) if shared else "similar wording"
