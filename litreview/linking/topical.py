"""Topical suggestions: each claim's best entries by TF-IDF cosine and BM25 over the entry's title,
subtitle, container, keywords and abstract (sparse products in row chunks, never a Python double
loop), then scored by the ranker: the probability that a reviewer accepts the suggestion.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from ..model import Claim
from .hits import Hit
from .index import SourceIndex
from .ranker import claim_cues, probability
from .text import content_stems, phrase_stems, stem, tokens

TOP_K = 5
"""Suggestions kept per claim (what ``--all-suggestions`` lists)."""
PER_SOURCE = 50
"""Suggestions kept per source: its best-matching claims only."""
CANDIDATES = 6
"""Entries of each claim scored by the ranker: the best by cosine plus BM25 (relative to the claim's best)."""
MIN_SCORE = 0.0
"""Probability below which a suggestion is not listed even on request (0: the top candidates all)."""
PAIR_WEIGHT = 0.5
"""Weight of a pair of neighbouring words against a single word."""
ESSAY_SPREAD = 0.25
"""A feature used in this share of the essay's paragraphs or more is generic..."""
SOURCE_SPREAD = 0.2
"""... and so is one used by this share of the entries or more..."""
MIN_SPREAD = 5
"""... when that is at least this many paragraphs or entries (short essays and lists have no generic words)."""
CHUNK = 2048
"""Claims multiplied at a time: bounds memory on long essays..."""
DENSE_CELLS = 1 << 23
"""... and claims x entries scored densely at a time (fewer claims per chunk for long bibliographies)."""


def suggest(claims: Sequence[Claim], index: SourceIndex, exclude: Collection[tuple[str, str]] = (),
            *, linked: Collection[str] = (), explained: Mapping[str, Sequence[tuple[int, int]]] | None = None,
            top_k: int | None = None, per_source: int | None = None,
            min_score: float | None = None, weights: Mapping[str, float] | None = None) -> list[Hit]:
    """Up to ``top_k`` suggested entries per claim, best first, skipping ``exclude`` pairs; each
    hit's confidence is the probability that a reviewer accepts it (``ranker``).

    Features are content words and pairs of neighbouring words ("national security"). A feature
    weighs by how rare it is among the entries and by how few of the essay's paragraphs use it:
    what the whole essay keeps saying ("international", "theory") is its subject, not a clue to
    which sentence relies on which entry: a candidate that shares only such words is scored as
    such. ``linked`` names claims that already have a confirmed source. ``explained``
    maps a claim id to spans of its text that other linkers used as evidence: those words do not
    count again. ``min_score`` is the lowest probability kept.
    """
    rows = candidates(claims, index, linked=linked, explained=explained)
    top_k = TOP_K if top_k is None else top_k
    per_source = PER_SOURCE if per_source is None else per_source
    floor = MIN_SCORE if min_score is None else min_score
    excluded = set(exclude)
    scored = sorted(((probability(c.features, weights), n) for n, c in enumerate(rows)), key=lambda t: -t[0])
    per_claim: Counter[int] = Counter()
    per_key: Counter[str] = Counter()
    hits: list[Hit] = []
    for p, n in scored:
        cand = rows[n]
        claim = claims[cand.row]
        if p < floor:
            break  # best first: the rest are lower still
        if (claim.id, cand.key) in excluded or per_claim[cand.row] >= top_k or per_key[cand.key] >= per_source:
            continue
        per_claim[cand.row] += 1
        per_key[cand.key] += 1
        hits.append(Hit(claim.id, cand.key, "topical", round(p, 3), _evidence(claim.text, cand.words),
                        confirmed=False))
    order = {c.id: n for n, c in enumerate(claims)}
    hits.sort(key=lambda h: (order[h.claim_id], -h.confidence))
    return hits


@dataclass(frozen=True, slots=True)
class Candidate:
    """A (claim, entry) pair worth scoring, with what the ranker reads of it."""

    row: int
    """The claim's position in the claims given."""
    key: str
    features: tuple[float, ...]
    """In ``ranker.FEATURES`` order."""
    words: frozenset[str]
    """Shared single-word stems (the evidence shown)."""


def candidates(claims: Sequence[Claim], index: SourceIndex, *, linked: Collection[str] = (),
               explained: Mapping[str, Sequence[tuple[int, int]]] | None = None) -> list[Candidate]:
    """The best ``CANDIDATES`` entries of each claim by TF-IDF cosine plus BM25, with their ranker features."""
    import numpy as np
    from scipy import sparse  # imported here: only essays with claims and entries pay for it

    keys = list(index.sources)
    if not keys or not claims:
        return []
    vocab: dict[str, int] = {}
    for key in keys:
        for s in index.topic.get(key, ()):
            vocab.setdefault(s, len(vocab))
    if not vocab:
        return []
    src = _source_matrix(keys, index, vocab, sparse, np)
    spans = explained or {}
    claim_bags = [Counter(phrase_stems(_unexplained(c.text, spans.get(c.id, ())))) for c in claims]
    cl = _matrix(claim_bags, vocab, sparse, np)
    src_df = np.asarray((src > 0).sum(axis=0)).ravel()
    para_df, n_paras = _paragraph_df(claims, claim_bags, vocab, np)
    idf = (np.log((len(keys) + 1) / (src_df + 1)) + 1.0) * (np.log((n_paras + 1) / (para_df + 1)) + 1.0)
    generic = ((para_df >= max(MIN_SPREAD, ESSAY_SPREAD * n_paras))
               | (src_df >= max(MIN_SPREAD, SOURCE_SPREAD * len(keys))))
    # A pair of words adds to a match but does not count in a text's length: titles are short,
    # and their pairs would otherwise halve every single-word match.
    pair = np.fromiter((" " in w for w in vocab), dtype=bool, count=len(vocab))
    weight = (idf * np.where(pair, PAIR_WEIGHT, 1.0)).astype(np.float32)
    src.data = src.data * weight[src.indices]
    src = _unit_rows(src, ~pair, sparse, np)
    cl.data = (1.0 + np.log(cl.data)) * weight[cl.indices]
    ctx = _unit_rows(_neighbours(claims, sparse, np) @ cl, ~pair, sparse, np)
    cl = _unit_rows(cl, ~pair, sparse, np)
    src_t = src.T.tocsr()
    bm25_src, words = _bm25_matrix(keys, index, sparse, np)
    bm25_t = bm25_src.T.tocsr()
    queries = _matrix([Counter(set(content_stems(_unexplained(c.text, spans.get(c.id, ()))))) for c in claims],
                      words, sparse, np)
    parts = []
    step = max(1, min(CHUNK, DENSE_CELLS // len(keys)))
    take = min(CANDIDATES, len(keys))
    tie = np.arange(len(keys)) * 1e-12  # equal scores: the entry listed first wins
    for lo in range(0, cl.shape[0], step):
        cos_part = (cl[lo:lo + step] @ src_t).toarray()
        np.minimum(cos_part, 1.0, out=cos_part)
        bm_part = (queries[lo:lo + step] @ bm25_t).toarray()
        row_max = bm_part.max(axis=1, keepdims=True)
        bm_part /= np.where(row_max > 0, row_max, 1.0)
        # Candidates by both measures: cosine over weighted features, BM25 over the entry's words;
        # a partial sort per row (dense within a chunk) keeps the cost linear in the entries.
        scores = cos_part.astype(np.float64) + bm_part - tie
        best_cols = np.argpartition(-scores, take - 1, axis=1)[:, :take]
        values = np.take_along_axis(scores, best_cols, axis=1)
        order = np.argsort(-values, axis=1, kind="stable")
        best_cols = np.take_along_axis(best_cols, order, axis=1)
        values = np.take_along_axis(values, order, axis=1)
        rows = np.repeat(np.arange(best_cols.shape[0]), take)
        cols = best_cols.ravel()
        rank = np.tile(np.arange(take), best_cols.shape[0])
        keep = values.ravel() > 0
        rows, cols, rank = rows[keep], cols[keep], rank[keep]
        parts.append((rows + lo, cols, cos_part[rows, cols], bm_part[rows, cols], rank))
    rows = np.concatenate([p[0] for p in parts])
    cols = np.concatenate([p[1] for p in parts])
    cosine = np.concatenate([p[2] for p in parts])
    bm25 = np.concatenate([p[3] for p in parts])
    rank = np.concatenate([p[4] for p in parts])
    if not len(rows):
        return []
    context = np.asarray(ctx[rows].multiply(src[cols]).sum(axis=1)).ravel()
    best = np.zeros(len(claims))
    second = np.zeros(len(claims))
    np.maximum.at(best, rows, np.where(rank == 0, cosine, 0.0))
    np.maximum.at(second, rows, np.where(rank == 1, cosine, 0.0))
    margin = np.where(rank == 0, cosine - second[rows], cosine - best[rows])
    top_cos = np.zeros(len(claims))
    np.maximum.at(top_cos, rows, cosine)
    relative = cosine / np.where(top_cos[rows] > 0, top_cos[rows], 1.0)
    spread = np.bincount(cols, minlength=len(keys))
    # Is this the entry's best claim, and by how much: most entries are cited in one or two places.
    own_best = np.zeros(len(keys))
    np.maximum.at(own_best, cols, cosine)
    runner = np.zeros(len(keys))
    np.maximum.at(runner, cols, np.where(cosine < own_best[cols], cosine, 0.0))
    source_gap = np.where(cosine >= own_best[cols], cosine - runner[cols], cosine - own_best[cols])
    n_claims = math.log1p(len(claims))
    entries = math.log10(len(keys) + 1)
    rare = np.log((len(keys) + 1) / (src_df + 1)) / math.log(len(keys) + 1)
    linked_ids = set(linked)
    cues = [claim_cues(c.text) for c in claims]
    lengths = [math.log1p(sum(1 for w in bag if " " not in w)) / 4.0 for bag in claim_bags]
    titles: dict[str, list[str]] = {}
    generic_words = {w for w, flag in zip(vocab, generic.tolist(), strict=True) if flag}
    rarity = rare.tolist()
    items = []
    for r, c, cos, ctx_score, top, gap, own, bm, rel in zip(rows.tolist(), cols.tolist(), cosine.tolist(),
                                                       context.tolist(), (rank == 0).tolist(), margin.tolist(),
                                                       source_gap.tolist(), bm25.tolist(), relative.tolist(), strict=True):
        key = keys[c]
        topic = index.topic.get(key, {})
        common = claim_bags[r].keys() & topic.keys()
        if not common:
            continue  # BM25 met only words that say what kind of publication it is: nothing to show
        # The essay's (or the field's) common words are weak evidence: counted apart.
        shared = [w for w in common if w not in generic_words]
        words = frozenset(w for w in shared if " " not in w)
        if key not in titles:
            titles[key] = [w for w, v in topic.items() if v >= 1.0 and " " not in w]
        main = titles[key]
        cover = sum(1 for w in main if w in claim_bags[r]) / len(main) if main else 0.0
        features = (cos, ctx_score, float(top), gap, math.log1p(len(words)), float(len(shared) - len(words)),
                    float(any(topic[w] >= 1.0 for w in words)), cover,
                    max((rarity[vocab[w]] for w in words), default=0.0), float(claims[r].id in linked_ids),
                    *cues[r], lengths[r],
                    math.log1p(spread[c]) / max(n_claims, 1.0), entries, own, bm, float(not shared), rel)
        items.append(Candidate(r, key, features, words or frozenset(w for w in common if " " not in w)))
    return items


def _bm25_matrix(keys: list[str], index: SourceIndex, sparse, np, k1: float = 1.2, b: float = 0.75):
    """Okapi BM25 term weights of each entry's words (title, container, keywords, abstract), and the
    column of each word."""
    words: dict[str, int] = {}
    bags = [index.stems.get(key) or Counter() for key in keys]
    lengths = [sum(bag.values()) for bag in bags]
    avg = (sum(lengths) / len(lengths) if lengths else 0.0) or 1.0
    indptr, indices, data = [0], [], []
    for bag, length in zip(bags, lengths, strict=True):
        norm = k1 * (1 - b + b * length / avg)
        for w, tf in bag.items():
            indices.append(words.setdefault(w, len(words)))
            data.append(tf * (k1 + 1) / (tf + norm))
        indptr.append(len(indices))
    columns = np.asarray(indices, dtype=np.int64)
    df = np.bincount(columns, minlength=len(words))
    idf = np.log(1 + (len(keys) - df + 0.5) / (df + 0.5))
    values = (np.asarray(data, dtype=np.float64) * idf[columns]).astype(np.float32)
    matrix = sparse.csr_matrix((values, columns.astype(np.int32), np.asarray(indptr, dtype=np.int64)),
                               shape=(len(keys), len(words)))
    return matrix, words


def _neighbours(claims: Sequence[Claim], sparse, np):
    """The sentences just before and after each claim in its paragraph, as a claims x claims matrix."""
    rows, cols = [], []
    for n, claim in enumerate(claims):
        for m in (n - 1, n + 1):
            if 0 <= m < len(claims) and claims[m].paragraph == claim.paragraph:
                rows.append(n)
                cols.append(m)
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(claims), len(claims)))


def _unexplained(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The claim's text with the spans other linkers explained cut out (as clause breaks)."""
    for start, end in sorted((s for s in spans if 0 <= s[0] < s[1]), reverse=True):
        text = text[:start] + " ; " + text[end:]
    return text


def _source_matrix(keys: list[str], index: SourceIndex, vocab: dict[str, int], sparse, np):
    """Each entry's weighted topic features as a sparse row."""
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for key in keys:
        for feature, weight in index.topic.get(key, {}).items():
            indices.append(vocab[feature])
            data.append(weight)
        indptr.append(len(indices))
    return sparse.csr_matrix((np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32),
                              np.asarray(indptr, dtype=np.int64)), shape=(len(keys), len(vocab)))


def _paragraph_df(claims: Sequence[Claim], bags: list[Counter[str]], vocab: dict[str, int], np):
    """How many of the essay's paragraphs use each feature, and how many paragraphs there are."""
    seen: dict[int, set[int]] = {}
    for claim, bag in zip(claims, bags, strict=True):
        seen.setdefault(claim.paragraph, set()).update(vocab[w] for w in bag if w in vocab)
    df = np.zeros(len(vocab), dtype=np.float64)
    for columns in seen.values():
        df[list(columns)] += 1
    return df, len(seen)


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


def _unit_rows(m, counted, sparse, np):
    """Rows scaled to unit length, measured over the ``counted`` columns only."""
    sq = m.multiply(m).tocsr()
    sq.data = sq.data * counted[sq.indices]
    norms = np.sqrt(np.asarray(sq.sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (sparse.diags((1.0 / norms).astype(np.float32)) @ m).tocsr()


def _evidence(text: str, words: Collection[str]) -> str:
    """The claim's words that the entry shares, as written."""
    shared: list[str] = []
    for tok in tokens(text):
        if stem(tok.text) in words and tok.text.lower() not in (w.lower() for w in shared):
            shared.append(tok.text)
    return "shared words: " + ", ".join(shared[:6]) if shared else "similar wording"
