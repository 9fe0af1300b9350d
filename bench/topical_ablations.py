"""Ideas tried for the topical re-ranker and not kept, scored the way its features were chosen:
recall@5 by leave-one-document-out on the development documents alone (never the held-out ones).

Each row changes one thing against the shipped re-ranker ("shipped") and says what it changed:
a BM25 prior added to the model's score, BM25's order where the model is unsure, the entry's own
BibTeX ``abstract`` field read as a registry abstract is, a feature for a capitalised name or
acronym shared with the title, a feature for the entry's BM25 rank in the neighbouring sentences,
reciprocal-rank fusion of the re-ranker's order with BM25's over the whole bibliography, a listwise
re-ranker (a softmax over each sentence's candidates); then BM25 alone: the weight of the paragraph's
words in its query (kept at topical.PARAGRAPH, in the linker's BM25), pseudo-relevance feedback (RM3),
its own k1 and b, the weight of each field of the entry, the neighbouring sentences in its query by
distance; and how often a sentence's paragraph neighbours cite an entry another linker found in it.

    python bench/topical_ablations.py
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_topical import pairs, rank_bm25, recall_at, score  # noqa: E402
from topical_corpus import DEFAULT_CORPUS, DEV, Document, load_split  # noqa: E402
from topical_fit import out_of_fold  # noqa: E402

from litreview.bibliography.latex import decode_latex  # noqa: E402
from litreview.linking import link, topical  # noqa: E402
from litreview.linking.index import _abstract, _keywords, source_text  # noqa: E402
from litreview.linking.ranker import FEATURES  # noqa: E402
from litreview.linking.text import content_stems, word_stems  # noqa: E402
from litreview.model import RegistryRecord, SourceMetadata  # noqa: E402

Where = list[tuple[str, str]]


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def _names(text: str) -> set[str]:
    """Stems of the words written with a capital, a digit or inner capitals, past the first word."""
    return {s for n, (w, s) in enumerate(word_stems(text))
            if n and len(w) > 2 and (w[0].isupper() or any(ch.isupper() or ch.isdigit() for ch in w[1:]))}


def _extra_features(docs: list[Document], where: Where, doc_of: list[str]) -> list[tuple[float, float]]:
    """(a name or acronym of the sentence is in the entry's title, 1/(1 + the entry's BM25 rank) in
    the best neighbouring sentence of the paragraph, 0 when it is not in their first five)."""
    by_doc = {}
    for doc in docs:
        claims = doc.essay.claims
        by_doc[doc.name] = (rank_bm25(doc)[0], claims, {c.id: n for n, c in enumerate(claims)},
                            {s.key: set(content_stems(s.title)) for s in doc.bibliography.sources})
    out = []
    for (cid, key), name in zip(where, doc_of, strict=True):
        ranked, claims, position, titles = by_doc[name]
        n = position[cid]
        near = 0.0
        for m in (n - 1, n + 1):
            if 0 <= m < len(claims) and claims[m].paragraph == claims[n].paragraph:
                keys = [k for k, _ in ranked.get(claims[m].id, [])]
                if key in keys:
                    near = max(near, 1.0 / (1 + keys.index(key)))
        out.append((float(bool(_names(claims[n].text) & titles.get(key, set()))), near))
    return out


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args(argv)
    docs = load_split(DEFAULT_CORPUS, DEV)
    if not docs:
        print(f"corpus not found at {DEFAULT_CORPUS}")
        return 1
    where: Where = []
    x, y, doc_of = pairs(docs, where)
    col = {name: n for n, name in enumerate(FEATURES)}
    oof = out_of_fold(x, y, doc_of)
    bm25_order = [v[col["bm25_rank"]] + 1e-3 * v[col["bm25"]] for v in x]
    rows: list[tuple[str, float]] = [("shipped re-ranker", recall_at(oof, where, doc_of, docs)),
                                     ("BM25 order over the same candidates", recall_at(bm25_order, where, doc_of, docs))]
    for a in (0.5, 1.0, 2.0, 4.0):
        stacked = [_logit(p) + a * v[col["bm25_rank"]] for p, v in zip(oof, x, strict=True)]
        rows.append((f"logit + {a} x BM25 rank prior", recall_at(stacked, where, doc_of, docs)))
    best: dict[tuple[str, str], float] = {}
    for p, (cid, _), d in zip(oof, where, doc_of, strict=True):
        best[(d, cid)] = max(best.get((d, cid), 0.0), p)
    for t in (0.05, 0.1, 0.2):
        fallback = [p if best[(d, cid)] >= t else b
                    for p, b, (cid, _), d in zip(oof, bm25_order, where, doc_of, strict=True)]
        rows.append((f"BM25 order where the best p < {t}", recall_at(fallback, where, doc_of, docs)))
    extra = _extra_features(docs, where, doc_of)
    names = list(FEATURES)
    for label, cols in (("+ name or acronym in the title", (0,)), ("+ BM25 rank in the neighbours", (1,)),
                        ("+ both", (0, 1))):
        xs = [[*row, *(e[c] for c in cols)] for row, e in zip(x, extra, strict=True)]
        p = out_of_fold(xs, y, doc_of, names=names + [f"extra{c}" for c in cols], calibrate=False)
        rows.append((label, recall_at(p, where, doc_of, docs)))
    rows.append(("the entry's own BibTeX abstract read", _with_bibtex_abstract(docs)))
    for l2 in (3.0, 30.0):
        rows.append((f"listwise: a softmax over each sentence's candidates, L2 {l2:g}",
                     recall_at(_listwise(x, y, doc_of, where, l2), where, doc_of, docs)))
    whole = {doc.name: rank_bm25(doc, paragraph=topical.PARAGRAPH, depth=20)[0] for doc in docs}
    for k, weight in ((1, 0.5), (1, 1.0), (5, 0.5), (5, 1.0), (20, 0.5), (60, 0.5), (60, 1.0)):
        rows.append((f"reciprocal-rank fusion with BM25, k {k}, BM25 x {weight}",
                     _fused(oof, where, doc_of, docs, whole, k, weight)))
    print(f"leave-one-document-out on the {len(docs)} development documents, {len(x)} candidates")
    print(f"  {'variant':<60} {'R@5':>6}")
    for label, r in rows:
        print(f"  {label:<60} {r:>6.3f}")
    print(f"the re-ranker by the weight of the paragraph's words in BM25's query (the linker's: {topical.PARAGRAPH})")
    print("  " + " ".join(f"{w:>6}" for w in (0.35, 0.5, 0.75, 1.0)))
    print("  " + " ".join(f"{_reranked_at(docs, w):>6.3f}" for w in (0.35, 0.5, 0.75, 1.0)))
    print("BM25 alone, the paragraph's words (the sentence's own too) added to the query at a weight "
          f"(the linker's: {topical.PARAGRAPH})")
    weights = (0.0, 0.05, 0.1, 0.2, 0.25, 0.35, 0.5, 1.0)
    print("  " + " ".join(f"{w:>6}" for w in weights))
    print("  " + " ".join(f"{score(docs, lambda d, w=w: rank_bm25(d, paragraph=w))['R@5']:>6.3f}" for w in weights))
    print("BM25 alone with pseudo-relevance feedback (RM3: the query widened by the best entries' words)")
    for n, share in ((1, 0.3), (3, 0.2), (3, 0.4), (5, 0.2), (5, 0.4), (10, 0.3)):
        print(f"  {n:>2} entries, {share} of the query: {score(docs, lambda d, n=n, s=share: _rm3(d, n, s))['R@5']:.3f}")
    print("BM25 alone over the whole bibliography, development documents (the baseline: k1 1.2, b 0.75)")
    print(f"  {'k1':>4} " + " ".join(f"{f'b {b}':>7}" for b in (0.3, 0.5, 0.75, 0.9)))
    for k1 in (0.6, 1.2, 2.0):
        cells = [score(docs, lambda doc, k1=k1, b=b: rank_bm25(doc, k1, b))["R@5"] for b in (0.3, 0.5, 0.75, 0.9)]
        print(f"  {k1:>4} " + " ".join(f"{c:>7.3f}" for c in cells))
    print("BM25 + paragraph + acronyms (the linker's query) by the weight of each field's words "
          "(title, container and abstract, keywords and subjects): R@1 R@3 R@5")
    for fields in ((1.0, 1.0, 1.0), (1.0, 0.5, 1.0), (1.0, 0.25, 1.0), (1.0, 0.0, 1.0), (1.0, 0.5, 0.5)):
        r = score(docs, lambda d, f=fields: _linker_query_bm25(d, fields=f))
        print(f"  {' '.join(f'{v:g}' for v in fields):<14} {r['R@1']:.3f} {r['R@3']:.3f} {r['R@5']:.3f}")
    print("... and with the sentences at distance 1 to 4 in its query, at a weight (near) halved per step further, "
          "times across for those of another paragraph: R@1 R@3 R@5")
    for near, across in ((0.0, 0.0), (0.25, 0.0), (0.5, 0.0), (0.25, 0.5), (0.5, 0.5)):
        r = score(docs, lambda d, n=near, a=across: _linker_query_bm25(d, near=n, across=a))
        print(f"  near {near:<4} across {across:<4} {r['R@1']:.3f} {r['R@3']:.3f} {r['R@5']:.3f}")
    same = other = 0
    for doc in docs:
        paragraph = {c.id: c.paragraph for c in doc.essay.claims}
        for lk in link(doc.essay, doc.bibliography, metadata=doc.metadata).links:
            if lk.kind != "topical":
                for c in doc.essay.claims:
                    if c.paragraph == paragraph.get(lk.claim_id) and c.id != lk.claim_id:
                        other += 1
                        same += lk.source_key in doc.gold[c.id]
    print(f"an entry another linker found in a sentence: cited by {same} of its {other} paragraph neighbours")
    return 0


def _linker_query_bm25(doc: Document, fields: tuple[float, float, float] = (1.0, 1.0, 1.0), near: float = 0.0,
                       across: float = 0.0) -> tuple[dict, dict]:
    """BM25 with the linker's query (the sentence, its paragraph at topical.PARAGRAPH, acronyms spelled
    out), each field's words counted at its weight in ``fields`` (title, container and abstract, keywords),
    the sentences ``near`` the claim added at ``near`` x 0.5 per step beyond the first (``across`` x that
    for sentences of another paragraph)."""
    descriptions = {}
    for s in doc.bibliography.sources:
        record = getattr(doc.metadata.get(s.key), "record", None)
        bag: Counter[str] = Counter()
        for text, weight in ((s.title, fields[0]), (s.container, fields[1]), (_abstract(record), fields[1]),
                             (_keywords(s, record), fields[2])):
            for w in content_stems(text or ""):
                bag[w] += weight
        descriptions[s.key] = Counter({w: v for w, v in bag.items() if v > 0})
    size = len(descriptions)
    df: Counter[str] = Counter()
    for bag in descriptions.values():
        df.update(bag.keys())
    idf = {w: math.log(1 + (size - f + 0.5) / (f + 0.5)) for w, f in df.items()}
    claims = doc.essay.claims
    texts = topical.spelled_out([c.text for c in claims], [c.text for c in claims])
    words = [set(content_stems(t)) for t in texts]
    context, context_of = topical.paragraphs(claims, texts)
    out = {}
    for n, claim in enumerate(claims):
        query = Counter(dict.fromkeys(words[n], 1.0))
        query.update(context[context_of[n]])
        for m in range(max(0, n - 4), min(len(claims), n + 5)):
            if m != n and near:
                weight = near * 0.5 ** (abs(m - n) - 1) * (1.0 if claims[m].paragraph == claim.paragraph else across)
                query.update(dict.fromkeys(words[m], weight))
        out[claim.id] = _bm25_weighted(descriptions, idf, query)
    return out, {cid: r[:1] for cid, r in out.items()}


def _listwise(x: list[list[float]], y: list[int], doc_of: list[str], where: Where, l2: float) -> list[float]:
    """Leave-one-document-out scores of a conditional logit: a softmax over the candidates of each
    sentence that cites one of them, fitted by Newton's method on standardised features."""
    import numpy as np

    a = np.asarray(x, dtype=float)
    a = (a - a.mean(axis=0)) / (a.std(axis=0) + 1e-9)
    t = np.asarray(y, dtype=float)
    groups: dict[tuple[str, str], list[int]] = {}
    for i, (d, (cid, _)) in enumerate(zip(doc_of, where, strict=True)):
        groups.setdefault((d, cid), []).append(i)
    out = np.zeros(len(x))
    for name in dict.fromkeys(doc_of):
        train = [np.asarray(g) for (d, _), g in groups.items() if d != name and 0 < t[g].sum() < len(g)]
        w = np.zeros(a.shape[1])
        for _ in range(30):
            grad, hess = l2 * w, np.diag(np.full(len(w), l2 + 1e-9))
            for g in train:
                rows, cited = a[g], t[g]
                s = rows @ w
                p = np.exp(s - s.max())
                p /= p.sum()
                mean = rows.T @ p
                grad = grad + cited.sum() * (rows.T @ (p - cited / cited.sum()))
                hess = hess + cited.sum() * ((rows * p[:, None]).T @ rows - np.outer(mean, mean))
            step = np.linalg.solve(hess, grad)
            w -= step
            if np.abs(step).max() < 1e-7:
                break
        inside = [i for i, d in enumerate(doc_of) if d == name]
        out[inside] = a[inside] @ w
    return out.tolist()


def _reranked_at(docs: list[Document], paragraph: float) -> float:
    """Recall@5 out of fold of the re-ranker when BM25's query holds the paragraph's words at ``paragraph``."""
    shipped = topical.PARAGRAPH
    topical.PARAGRAPH = paragraph
    try:
        where: Where = []
        x, y, doc_of = pairs(docs, where)
    finally:
        topical.PARAGRAPH = shipped
    return recall_at(out_of_fold(x, y, doc_of, calibrate=False), where, doc_of, docs)


def _fused(p: list[float], where: Where, doc_of: list[str], docs: list[Document],
           whole: dict[str, dict[str, list[tuple[str, float]]]], k: int, weight: float) -> float:
    """Recall@5 of reciprocal-rank fusion: the re-ranker's order (``p``) and BM25's over the whole
    bibliography (``whole``), each entry scoring 1 / (k + rank), BM25's times ``weight``."""
    order: dict[tuple[str, str], list[tuple[float, str]]] = {}
    for v, (cid, key), d in zip(p, where, doc_of, strict=True):
        order.setdefault((d, cid), []).append((-v, key))
    total = citing = 0.0
    for doc in docs:
        for cid, gold in doc.gold.items():
            if not gold:
                continue
            citing += 1
            fused: Counter[str] = Counter()
            for r, (_, key) in enumerate(sorted(order.get((doc.name, cid), []))):
                fused[key] += 1.0 / (k + r + 1)
            for r, (key, _) in enumerate(whole[doc.name].get(cid, [])):
                fused[key] += weight / (k + r + 1)
            total += len(gold & {key for key, _ in fused.most_common(5)}) / len(gold)
    return total / citing


def _rm3(doc: Document, n: int, share: float) -> tuple[dict, dict]:
    """BM25 with RM3-style feedback: the query (at 1 - ``share``) plus the ten words that weigh most
    in its ``n`` best entries (tf / length x idf, at ``share``), ranked again."""
    descriptions = {s.key: Counter(content_stems(source_text(s, doc.metadata))) for s in doc.bibliography.sources}
    df: Counter[str] = Counter()
    for bag in descriptions.values():
        df.update(bag.keys())
    size = len(descriptions)
    idf = {w: math.log(1 + (size - f + 0.5) / (f + 0.5)) for w, f in df.items()}
    first, _ = rank_bm25(doc, depth=n)
    out = {}
    for claim in doc.essay.claims:
        query = Counter(dict.fromkeys(content_stems(claim.text), 1.0))
        extra: Counter[str] = Counter()
        for key, _ in first.get(claim.id, []):
            bag = descriptions[key]
            for w, tf in bag.items():
                extra[w] += tf / sum(bag.values()) * idf[w]
        top = dict(extra.most_common(10))
        widened = Counter({w: (1 - share) * v / max(1, len(query)) for w, v in query.items()})
        for w, v in top.items():
            widened[w] += share * v / (sum(top.values()) or 1.0)
        out[claim.id] = _bm25_weighted(descriptions, idf, widened)
    return out, {cid: r[:1] for cid, r in out.items()}


def _bm25_weighted(descriptions: dict[str, Counter[str]], idf: dict[str, float], query: Counter[str],
                   k1: float = 1.2, b: float = 0.75) -> list[tuple[str, float]]:
    avg = sum(sum(d.values()) for d in descriptions.values()) / max(1, len(descriptions)) or 1.0
    scores = []
    for key, d in descriptions.items():
        norm = k1 * (1 - b + b * sum(d.values()) / avg)
        s = sum(q * idf[w] * d[w] * (k1 + 1) / (d[w] + norm) for w, q in query.items() if w in d)
        if s > 0:
            scores.append((key, s))
    return sorted(scores, key=lambda t: -t[1])[:5]


def _with_bibtex_abstract(docs: list[Document]) -> float:
    """Recall@5 out of fold when an entry with no registry record is described by its own abstract
    field, given to the linker as a registry record holding that abstract."""
    changed = []
    for doc in docs:
        metadata = dict(doc.metadata)
        for source in doc.bibliography.sources:
            if source.key not in metadata and source.field("abstract"):
                record = RegistryRecord(doi="", agency="bibtex", abstract=decode_latex(source.field("abstract")))
                metadata[source.key] = SourceMetadata(source.key, "verified", record)
        changed.append(replace(doc, metadata=metadata))
    where: Where = []
    x, y, doc_of = pairs(changed, where)
    return recall_at(out_of_fold(x, y, doc_of, calibrate=False), where, doc_of, changed)


if __name__ == "__main__":
    raise SystemExit(main())
