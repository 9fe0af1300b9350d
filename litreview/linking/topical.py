"""Topical suggestions: TF-IDF cosine between each claim and each entry's title, container,
keywords and abstract, computed as one sparse product in row chunks (never a Python double loop).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from ..model import Claim
from .hits import Hit
from .index import SourceIndex
from .text import phrase_stems, stem, tokens

TOP_K = 3
"""Suggestions kept per claim."""
PER_SOURCE = 8
"""Suggestions kept per source: its best-matching claims only."""
MIN_SCORE = 0.2
"""Cosine below which a suggestion is noise."""
SINGLE_WORD_SCORE = 0.3
"""A suggestion resting on one shared word needs this score, and a word few entries use in their main title."""
LINKED_SCORE = 0.35
"""A claim that already has a confirmed source gets suggestions only above this score (and on two words)."""
PAIR_WEIGHT = 0.5
"""Weight of a pair of neighbouring words against a single word."""
ESSAY_SPREAD = 0.25
"""A feature used in this share of the essay's paragraphs or more is generic..."""
SOURCE_SPREAD = 0.2
"""... and so is one used by this share of the entries or more..."""
MIN_SPREAD = 5
"""... when that is at least this many paragraphs or entries (short essays and lists have no generic words)."""
CHUNK = 2048
"""Claims multiplied at a time: bounds memory on long essays."""


def suggest(claims: Sequence[Claim], index: SourceIndex, exclude: Collection[tuple[str, str]] = (),
            *, linked: Collection[str] = (), explained: Mapping[str, Sequence[tuple[int, int]]] | None = None,
            top_k: int | None = None, per_source: int | None = None,
            min_score: float | None = None) -> list[Hit]:
    """Up to ``top_k`` suggested entries per claim, best first, skipping ``exclude`` pairs.

    Features are content words and pairs of neighbouring words ("national security"). A feature
    weighs by how rare it is among the entries and by how few of the essay's paragraphs use it:
    what the whole essay keeps saying ("international", "theory") is its subject, not a clue to
    which sentence relies on which entry. A suggestion needs a shared feature that is specific
    on both counts. ``linked`` names claims that already have a confirmed source: they need a
    stronger match. ``explained`` maps a claim id to spans of its text that other linkers used
    as evidence: those words do not count again.
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
    cl = _unit_rows(cl, ~pair, sparse, np)
    src_t = src.T.tocsr()
    excluded = set(exclude)
    linked_ids = set(linked)
    linked_rows = np.fromiter((c.id in linked_ids for c in claims), dtype=bool, count=len(claims))
    want = top_k + 2  # a little headroom for pairs dropped below
    parts = []
    for lo in range(0, cl.shape[0], CHUNK):
        scores = (cl[lo:lo + CHUNK] @ src_t).tocsr()
        np.minimum(scores.data, 1.0, out=scores.data)
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
    for r, c, d in zip(rows[order].tolist(), cols[order].tolist(), data[order].tolist(), strict=True):
        claim = claims[r]
        key = keys[c]
        if (claim.id, key) in excluded or per_claim[r] >= top_k or per_key[c] >= per_source:
            continue
        shared = claim_bags[r].keys() & index.topic.get(key, {}).keys()
        specific = [w for w in shared if not generic[vocab[w]]]
        if not specific:
            continue  # only the essay's (or the field's) common words in common
        words = {w for w in shared if " " not in w}
        if len(words) < 2 and (linked_rows[r] or src_df[vocab[specific[0]]] > 2 or d < SINGLE_WORD_SCORE
                               or index.topic[key][specific[0]] < 1.0):
            # One word: chance, unless it is in the entry's main title, few entries use it, the
            # match is strong, and the claim has no confirmed source yet.
            continue
        per_claim[r] += 1
        per_key[c] += 1
        hits.append(Hit(claim.id, key, "topical", round(float(d), 3), _evidence(claim.text, words),
                        confirmed=False))
    return hits


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
    shared: list[str] = []
    for tok in tokens(text):
        if stem(tok.text) in words and tok.text.lower() not in (w.lower() for w in shared):
            shared.append(tok.text)
    return "shared words: " + ", ".join(shared[:6]) if shared else "similar wording"
