"""Topical suggestions on de-marked real manuscripts, against the authors' own citations.

Every sentence of every block that cites is read with its citation markers removed (see
bench/topical_corpus.py); litreview's linker and six baselines (random, title-word overlap, BM25,
BM25 with the paragraph's words in its query as the linker's BM25 has them, that with the acronyms
the document defines spelled out as the linker reads them, and that with each word weighed down by how
many of the document's paragraphs use it, as the linker's cosine weighs its features) rank the document's bibliography for it.
Figures per split, development documents (DEV: the re-ranker was fitted and its threshold chosen there),
further development documents given with ``--extra-dev`` (papers pandoc reads, its Cite elements the gold:
see topical_corpus.load_extra) and held-out documents (never tuned on):

- shown, P(shown): topical suggestions shown by default (baselines: their first choice wherever
  they have one) and the share of them the authors cited in that sentence;
- R@1, R@3, R@5: per citing sentence, the share of its cited entries among the first k (mean);
  litreview ranks what its other linkers found (a name left in the prose) first, then every topical
  suggestion it would list with --all-suggestions, by confidence;
- quiet: the share of sentences that cite nothing and are shown no suggestion.

    python bench/eval_topical.py              # the table, each split by the size of its bibliographies,
                                              # reliability tables, the essay
    python bench/eval_topical.py --dev-only --per-document
                                              # also a row per document: litreview and the BM25 baselines
    python bench/eval_topical.py --fit        # refit the re-ranker on DEV and write its weights
    python bench/eval_topical.py --cv [--cv-table-only]
                                              # DEV alone, litreview's re-ranker fitted without the document
                                              # it ranks: the table, the differences from each baseline
                                              # (intervals by resampling documents; again by the size of the
                                              # bibliography), the calibration,
                                              # then the ranker variants
                                              # (with --per-document: also the whole linked output against
                                              # the topical suggester alone, per document)
    python bench/eval_topical.py --extra-dev FOLDER [--extra-dev FOLDER ...] [--fit | --dev-only | --cv]
                                              # with further development papers (FOLDER/SOURCES.tsv), each
                                              # folder a part of its own; with --cv one leave-one-document-out
                                              # over them all and DEV together, the figures and the documents
                                              # won and lost per part and over all (how the re-ranker is chosen)
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from topical_corpus import DEFAULT_CORPUS, DEV, HELD_OUT, Document, load_extra, load_split  # noqa: E402
from topical_fit import CALIBRATIONS, L2, fit, fit_calibrated, out_of_fold  # noqa: E402

from litreview.linking import link, ranker, readable, topical  # noqa: E402
from litreview.linking.index import build_index, source_text  # noqa: E402
from litreview.linking.ranker import CAP, FEATURES, SHOW, WEIGHTS, probability  # noqa: E402
from litreview.linking.text import content_stems  # noqa: E402
from litreview.linking.topical import candidates  # noqa: E402

Ranking = dict[str, list[tuple[str, float]]]
"""Claim id -> (key, score), best first."""


def rank_random(doc: Document) -> tuple[Ranking, Ranking]:
    rng = random.Random(f"random:{doc.name}")
    keys = list(doc.bibliography.keys)
    out = {}
    for c in doc.essay.claims:
        rng.shuffle(keys)
        out[c.id] = [(k, 1.0) for k in keys[:5]]
    return out, {cid: r[:1] for cid, r in out.items()}


def rank_title_overlap(doc: Document) -> tuple[Ranking, Ranking]:
    titles = {s.key: set(content_stems(s.title)) for s in doc.bibliography.sources}
    out = {}
    for c in doc.essay.claims:
        words = set(content_stems(c.text))
        scored = sorted(((len(words & t), k) for k, t in titles.items() if words & t), key=lambda x: -x[0])
        out[c.id] = [(k, float(n)) for n, k in scored[:5]]
    return out, {cid: r[:1] for cid, r in out.items()}


def rank_bm25(doc: Document, k1: float = 1.2, b: float = 0.75, paragraph: float = 0.0,
              depth: int = 5, acronyms: bool = False, essay: float = 0.0) -> tuple[Ranking, Ranking]:
    """Okapi BM25 over the entries' descriptions; ``paragraph``: the weight of the words of the
    paragraph's other sentences in the query (topical.PARAGRAPH in the linker; 0: the sentence alone);
    ``acronyms``: the paragraph read with the long forms of the acronyms the document defines, as the linker reads them
    (the sentence's own words as written);
    ``essay``: each word's idf also times (log((paragraphs + 1) / (paragraphs using it + 1)) + 1) to this power,
    as the linker's cosine weighs its features (what the whole document keeps saying tells no sentence apart)."""
    docs = {s.key: Counter(content_stems(source_text(s, doc.metadata))) for s in doc.bibliography.sources}
    n = len(docs)
    avg = sum(sum(d.values()) for d in docs.values()) / max(n, 1) or 1.0
    df: Counter[str] = Counter()
    for d in docs.values():
        df.update(d.keys())
    idf = {w: math.log(1 + (n - f + 0.5) / (f + 0.5)) for w, f in df.items()}
    claims = doc.essay.claims
    own = texts = [c.text for c in claims]
    if acronyms:
        texts = topical.spelled_out(own, own)
    if essay:
        used: dict[int, set[str]] = {}
        for c, text in zip(claims, texts, strict=True):
            used.setdefault(c.paragraph, set()).update(content_stems(text))
        spread = Counter(w for words in used.values() for w in words)
        idf = {w: v * (math.log((len(used) + 1) / (spread[w] + 1)) + 1.0) ** essay for w, v in idf.items()}
    context, context_of = topical.paragraphs(claims, texts, paragraph)
    out = {}
    for c, text, at in zip(claims, own, context_of, strict=True):
        query = Counter(dict.fromkeys(content_stems(text), 1.0))
        query.update(context[at])
        scores = []
        for key, d in docs.items():
            length = sum(d.values())
            s = sum(q * idf[w] * d[w] * (k1 + 1) / (d[w] + k1 * (1 - b + b * length / avg))
                    for w, q in query.items() if w in d)
            if s > 0:
                scores.append((s, key))
        scores.sort(key=lambda x: -x[0])
        out[c.id] = [(k, s) for s, k in scores[:depth]]
    return out, {cid: r[:1] for cid, r in out.items()}


def rank_bm25_paragraph(doc: Document) -> tuple[Ranking, Ranking]:
    return rank_bm25(doc, paragraph=topical.PARAGRAPH)


def rank_bm25_linker_query(doc: Document) -> tuple[Ranking, Ranking]:
    return rank_bm25(doc, paragraph=topical.PARAGRAPH, acronyms=True)


def rank_bm25_essay(doc: Document) -> tuple[Ranking, Ranking]:
    return rank_bm25(doc, paragraph=topical.PARAGRAPH, acronyms=True, essay=1.0)


def rank_litreview(doc: Document) -> tuple[Ranking, Ranking]:
    """Every link the linker makes, then the topical suggestions by confidence; shown: the default."""
    every = link(doc.essay, doc.bibliography, metadata=doc.metadata, all_suggestions=True)
    default = link(doc.essay, doc.bibliography, metadata=doc.metadata)
    return _by_claim(every.links), _by_claim(lk for lk in default.links if lk.kind == "topical")


def _by_claim(links) -> Ranking:
    out: dict[str, list[tuple[str, float]]] = {}
    for lk in sorted(links, key=lambda lk: (lk.kind == "topical", -lk.confidence)):
        if lk.status != "rejected" and all(k != lk.source_key for k, _ in out.get(lk.claim_id, [])):
            out.setdefault(lk.claim_id, []).append((lk.source_key, lk.confidence))
    return out


METHODS: dict[str, Callable[[Document], tuple[Ranking, Ranking]]] = {
    "random": rank_random, "title-word overlap": rank_title_overlap, "BM25": rank_bm25,
    "BM25 + paragraph": rank_bm25_paragraph, "BM25 + par. + acronyms": rank_bm25_linker_query,
    "BM25 + par.+acr.+essay": rank_bm25_essay, "litreview": rank_litreview,
}


def recalls(docs: list[Document], method: Callable[[Document], tuple[Ranking, Ranking]], k: int = 5
            ) -> dict[tuple[str, str], float]:
    """Per citing sentence (document, claim id), the share of its cited entries among the first ``k``."""
    out = {}
    for doc in docs:
        ranked = method(doc)[0]
        for cid, gold in doc.gold.items():
            if gold:
                out[(doc.name, cid)] = len(gold & {key for key, _ in ranked.get(cid, [])[:k]}) / len(gold)
    return out


def paired(a: dict[tuple[str, str], float], b: dict[tuple[str, str], float], rounds: int = 2000,
           seed: int = 0) -> tuple[float, float, float]:
    """Mean per-sentence difference ``a - b`` and its 95% interval by resampling whole documents
    (their sentences are not independent of one another: one document's words serve them all)."""
    by_doc: dict[str, list[float]] = {}
    for at, v in a.items():
        by_doc.setdefault(at[0], []).append(v - b[at])
    names = sorted(by_doc)
    sums = {d: (sum(v), len(v)) for d, v in by_doc.items()}
    rng = random.Random(seed)
    means = []
    for _ in range(rounds):
        drawn = [sums[rng.choice(names)] for _ in names]
        means.append(sum(t for t, _ in drawn) / max(1, sum(n for _, n in drawn)))
    means.sort()
    total = sum(t for t, _ in sums.values()) / max(1, sum(n for _, n in sums.values()))
    return total, means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]


def score(docs: list[Document], method: Callable[[Document], tuple[Ranking, Ranking]]) -> dict[str, float]:
    shown = right = quiet = silent_total = 0
    recall = {1: 0.0, 3: 0.0, 5: 0.0}
    citing = 0
    for doc in docs:
        ranked, default = method(doc)
        for cid, gold in doc.gold.items():
            got = [k for k, _ in default.get(cid, [])]
            shown += len(got)
            right += sum(1 for k in got if k in gold)
            if not gold:
                silent_total += 1
                quiet += not got
                continue
            citing += 1
            order = [k for k, _ in ranked.get(cid, [])]
            for k in recall:
                recall[k] += len(gold & set(order[:k])) / len(gold)
    return {"shown": shown, "right": right, "P(shown)": right / shown if shown else float("nan"),
            **{f"R@{k}": v / citing if citing else float("nan") for k, v in recall.items()},
            "quiet": quiet / silent_total if silent_total else float("nan"),
            "citing": citing, "silent": silent_total}


def rank_every_candidate(doc: Document) -> tuple[Ranking, Ranking]:
    """As ``rank_litreview``, with every candidate the suggester scores listed (no cap per claim or per
    entry): an entry missing from it is one litreview cannot suggest there, however it ranks."""
    top_k, per_source = topical.TOP_K, topical.PER_SOURCE
    topical.TOP_K = topical.PER_SOURCE = 10**9
    try:
        return rank_litreview(doc)
    finally:
        topical.TOP_K, topical.PER_SOURCE = top_k, per_source


def rank_topical_alone(doc: Document) -> tuple[Ranking, Ranking]:
    """The topical suggester alone, every candidate by its score, on the sentences as the linker reads them (no other
    linker's links before it, no cap per claim or per entry): what the whole output is held against (``whole_against_alone``)."""
    index = build_index(doc.bibliography, doc.metadata)
    hits = topical.suggest([readable(c) for c in doc.essay.claims], index, top_k=10**9, per_source=10**9)
    out: Ranking = {}
    for hit in hits:  # each claim's best first (by the uncapped score where the cap makes them equal)
        out.setdefault(hit.claim_id, []).append((hit.key, hit.confidence))
    return out, {}


def whole_against_alone(docs: list[Document], methods: dict[str, Callable[[Document], tuple[Ranking, Ranking]]],
                        weights: dict[str, dict[str, float]], k: int = 5) -> str:
    """litreview's whole linked output (``methods``' "litreview (unseen)") against its topical suggester alone
    (``rank_topical_alone``), each document with its own re-ranker (``weights``): per document R@k of both and the
    cited entries among the suggester's first k and not the whole output's (lost: to a cap, to the links other
    linkers put first, to what they change in the suggester's reading) or the reverse (gained)."""
    lines = [f"whole linked output against the topical suggester alone, R@{k} per document (each with the re-ranker "
             f"fitted without it); cited entries lost/gained by the whole output against the suggester's first {k}",
             f"  {'document':<34} {'citing':>6} {'whole':>6} {'alone':>6} {'lost/gained':>11}"]
    lost_all = gained_all = 0
    for doc in docs:
        whole = methods["litreview (unseen)"](doc)[0]
        shipped = ranker.WEIGHTS
        ranker.WEIGHTS = weights[doc.name]
        try:
            alone = rank_topical_alone(doc)[0]
        finally:
            ranker.WEIGHTS = shipped
        lost = gained = citing = 0
        r_whole = r_alone = 0.0
        for cid, gold in doc.gold.items():
            if not gold:
                continue
            citing += 1
            a = gold & {key for key, _ in whole.get(cid, [])[:k]}
            b = gold & {key for key, _ in alone.get(cid, [])[:k]}
            r_whole += len(a) / len(gold)
            r_alone += len(b) / len(gold)
            lost += len(b - a)
            gained += len(a - b)
        lost_all += lost
        gained_all += gained
        if citing:
            lines.append(f"  {doc.name[:34]:<34} {citing:>6} {r_whole / citing:>6.3f} {r_alone / citing:>6.3f} "
                         f"{f'{lost}/{gained}':>11}")
    lines.append(f"  over {len(docs)} documents: cited entries lost {lost_all}, gained {gained_all}")
    return "\n".join(lines)


def ceilings(splits: dict[str, list[Document]], depths: tuple[int, ...] = (10, 20, 30)) -> str:
    """Per split, the share of the cited entries among all litreview scores in a sentence (its links and
    every topical candidate: no ranking reaches past it), and what the best baseline's deeper ranks hold."""
    lines = [f"ceiling: cited entries among all litreview scores in the sentence, against the best "
             f"{'/'.join(map(str, depths))} of BM25 + par.+acr.+essay (mean per citing sentence)"]
    for name, docs in splits.items():
        pool = recalls(docs, rank_every_candidate, k=10**9)
        deep = [recalls(docs, lambda d, k=k: rank_bm25(d, paragraph=topical.PARAGRAPH, acronyms=True, essay=1.0,
                                                          depth=k), k=k) for k in depths]
        mean = [sum(r.values()) / max(1, len(r)) for r in (pool, *deep)]
        lines.append(f"  {name:<10} litreview {mean[0]:.3f}   baseline "
                     + "  ".join(f"@{k} {v:.3f}" for k, v in zip(depths, mean[1:], strict=True)))
    return "\n".join(lines)


PER_DOCUMENT = ("BM25", "BM25 + paragraph", "BM25 + par.+acr.+essay", "litreview")
"""The methods of ``per_document``: the BM25 baselines (one of them is the best on each split) and litreview."""


def per_document(splits: dict[str, list[Document]], labels: tuple[str, ...] = PER_DOCUMENT,
                 methods: dict[str, Callable[[Document], tuple[Ranking, Ranking]]] | None = None) -> str:
    """One row per document: recall@1/3/5 of each of ``labels`` (``METHODS``, or ``methods``) and litreview's
    suggestions shown by default (right/shown); a document where litreview's R@5 is below a baseline's is
    marked ``<`` (where to look when a split trails its baseline)."""
    chosen = METHODS if methods is None else methods
    head = "  ".join(f"{label[:22]:>22}" for label in labels)
    lines = [f"per document, R@1/R@3/R@5 ({'; '.join(labels)}), litreview's shown by default (right/shown)",
             f"  {'document':<34} {'citing':>6}  {head}  {'shown':>6}"]
    for name, docs in splits.items():
        for doc in docs:
            rows = {label: score([doc], chosen[label]) for label in labels}
            cells = "  ".join(f"{r['R@1']:.3f}/{r['R@3']:.3f}/{r['R@5']:.3f}".rjust(22) for r in rows.values())
            mine = next((label for label in labels if label.startswith("litreview")), "")
            ours = rows.get(mine)
            trails = ours is not None and any(r["R@5"] > ours["R@5"] + 1e-9 for label, r in rows.items()
                                              if label != mine)
            shown = f"{ours['right']}/{ours['shown']}" if ours is not None else "-"
            first = next(iter(rows.values()))
            lines.append(f"  {f'{name}: {doc.name}'[:34]:<34} {first['citing']:>6}  {cells}  {shown:>6}"
                         f"{'  <' if trails else ''}")
    lines.append("  (<: litreview's R@5 below a baseline's on that document)")
    return "\n".join(lines)


def fold_weights(docs: list[Document]) -> dict[str, dict[str, float]]:
    """Per document, the re-ranker as ``--fit`` would write it from the other documents alone
    (penalised fit, calibrated on their own out-of-fold scores)."""
    x, y, doc_of = pairs(docs)
    out = {}
    for doc in docs:
        inside = [i for i, d in enumerate(doc_of) if d != doc.name]
        out[doc.name] = fit_calibrated([x[i] for i in inside], [y[i] for i in inside], [doc_of[i] for i in inside])
    return out


def cross_validated(docs: list[Document], weights: dict[str, dict[str, float]] | None = None
                    ) -> dict[str, Callable[[Document], tuple[Ranking, Ranking]]]:
    """``METHODS`` with litreview's re-ranker fitted without the document it ranks (leave one document
    out): the honest estimate of what carries to documents the weights never saw (``weights``: those of
    ``fold_weights(docs)`` when already made)."""
    weights = fold_weights(docs) if weights is None else weights

    def rank_unseen(doc: Document) -> tuple[Ranking, Ranking]:
        shipped = ranker.WEIGHTS
        ranker.WEIGHTS = weights[doc.name]
        try:
            return rank_litreview(doc)
        finally:
            ranker.WEIGHTS = shipped

    return memoised({**{k: v for k, v in METHODS.items() if k != "litreview"}, "litreview (unseen)": rank_unseen})


def memoised(methods: dict[str, Callable[[Document], tuple[Ranking, Ranking]]]
             ) -> dict[str, Callable[[Document], tuple[Ranking, Ranking]]]:
    """``methods`` each ranking a document once however many tables read it (by document name)."""
    memo: dict[tuple[str, str], tuple[Ranking, Ranking]] = {}

    def cached(label: str, method: Callable[[Document], tuple[Ranking, Ranking]]
               ) -> Callable[[Document], tuple[Ranking, Ranking]]:
        def run(doc: Document) -> tuple[Ranking, Ranking]:
            if (label, doc.name) not in memo:
                memo[(label, doc.name)] = method(doc)
            return memo[(label, doc.name)]
        return run

    return {label: cached(label, method) for label, method in methods.items()}


def against_baselines(docs: list[Document],
                      methods: dict[str, Callable[[Document], tuple[Ranking, Ranking]]] | None = None,
                      parts: dict[str, list[Document]] | None = None) -> str:
    """litreview (fitted without each document) against each baseline: the mean per-sentence difference
    in recall@1/3/5 with a 95% interval by resampling documents, and the documents it wins and loses
    (``methods``: those of ``cross_validated(docs)``, made here when not given; ``parts``: the documents it
    wins and loses in each of them too)."""
    methods = cross_validated(docs) if methods is None else methods

    def cached(label: str) -> Callable[[Document], tuple[Ranking, Ranking]]:
        return methods[label]

    ours = "litreview (unseen)"
    lines = ["litreview (unseen) minus each baseline, per citing sentence (95% interval, documents resampled); "
             "documents won/lost at R@5", f"  {'baseline':<22} {'R@1':>22} {'R@3':>22} {'R@5':>22} {'won/lost':>9}"]
    for label in [m for m in methods if m != ours and m != "random"]:
        cells = []
        for k in (1, 3, 5):
            a, b = recalls(docs, cached(ours), k), recalls(docs, cached(label), k)
            mean, lo, hi = paired(a, b)
            cells.append(f"{mean:+.3f} ({lo:+.3f},{hi:+.3f})")
        outcome = {}
        for doc in docs:
            mine, theirs = recalls([doc], cached(ours)), recalls([doc], cached(label))
            diff = sum(mine.values()) - sum(theirs.values())
            outcome[doc.name] = (diff > 1e-9, diff < -1e-9)

        by_part = ", ".join(f"{name} {_tally(outcome, among)}" for name, among in (parts or {}).items())
        lines.append(f"  {label:<22} {cells[0]:>22} {cells[1]:>22} {cells[2]:>22} {_tally(outcome, docs):>9}"
                     + (f"  ({by_part})" if by_part else ""))
    return "\n".join(lines)


def spread(docs: list[Document], methods: dict[str, Callable[[Document], tuple[Ranking, Ranking]]],
           parts: dict[str, list[Document]], k: int = 5) -> str:
    """How much litreview's lead over each baseline varies from document to document, not only its mean: per
    document, its R@k minus the baseline's (mean over the document's citing sentences), their quartiles and
    extremes over every document, and per part the mean over documents with its standard deviation (each
    document counts once, whatever its length; ``methods``: those of ``cross_validated``)."""
    ours = "litreview (unseen)"
    lines = [f"litreview (unseen) minus each baseline, R@{k} per document: min / 25% / median / 75% / max over "
             f"{len(docs)} documents; per part the mean over its documents ± their standard deviation"]
    for label in [m for m in methods if m != ours and m != "random"]:
        diff: dict[str, float] = {}
        for doc in docs:
            mine, theirs = recalls([doc], methods[ours], k), recalls([doc], methods[label], k)
            if mine:
                diff[doc.name] = sum(mine[at] - theirs[at] for at in mine) / len(mine)
        values = sorted(diff.values())
        if not values:
            continue
        q = [values[round(f * (len(values) - 1))] for f in (0.0, 0.25, 0.5, 0.75, 1.0)]
        per_part = []
        for name, among in parts.items():
            got = [diff[d.name] for d in among if d.name in diff]
            if got:
                mean = sum(got) / len(got)
                sd = math.sqrt(sum((v - mean) ** 2 for v in got) / max(1, len(got) - 1))
                per_part.append(f"{name} {mean:+.3f}±{sd:.3f}")
        lines.append(f"  {label:<22} " + " / ".join(f"{v:+.3f}" for v in q) + f"  ({', '.join(per_part)})")
    return "\n".join(lines)


SIZES = (30, 70)
"""Bibliography sizes at which ``by_size`` groups the documents: fewer than 30 entries, 30 to 69, 70 or more."""


def by_size(docs: list[Document], methods: dict[str, Callable[[Document], tuple[Ranking, Ranking]]],
            edges: tuple[int, ...] = SIZES, k: int = 5, part: str = "") -> str:
    """litreview (the method of ``methods`` so named: the shipped model, or ``cross_validated``'s fitted without each
    document) against the best baseline (the highest R@k over all of ``docs``; never random) by the size of the
    documents' bibliographies: per group the documents, their citing sentences, both R@k, the mean per-sentence
    difference with its 95% interval (documents resampled) and the documents won and lost. Whether the lead holds
    where a sentence has many entries to be told from (``part``: the material's name, heading the lines)."""
    ours = next(label for label in methods if label.startswith("litreview"))
    mine = recalls(docs, methods[ours], k)
    theirs = {label: recalls(docs, methods[label], k) for label in methods if label not in (ours, "random")}
    best = max(theirs, key=lambda label: sum(theirs[label].values()))
    lines = [f"{part + ': ' if part else ''}{ours} against the best baseline ({best}), R@{k} by the bibliography's "
             f"size (difference per citing sentence, 95% interval by resampling documents)"]
    for label, group in size_groups(docs, edges).items():
        among = {d.name for d in group}
        a = {at: v for at, v in mine.items() if at[0] in among}
        if not a:
            continue
        b = {at: theirs[best][at] for at in a}
        mean, lo, hi = paired(a, b)
        per_doc: dict[str, float] = {}
        for at, v in a.items():
            per_doc[at[0]] = per_doc.get(at[0], 0.0) + v - b[at]
        lines.append(f"  {label + ':':<16} {len(per_doc)} documents, {len(a)} citing sentences, "
                     f"litreview {sum(a.values()) / len(a):.3f}, baseline {sum(b.values()) / len(b):.3f}, "
                     f"{mean:+.3f} ({lo:+.3f},{hi:+.3f}), won/lost "
                     f"{sum(v > 1e-9 for v in per_doc.values())}/{sum(v < -1e-9 for v in per_doc.values())}")
    return "\n".join(lines)


def size_groups(docs: list[Document], edges: tuple[int, ...] = SIZES) -> dict[str, list[Document]]:
    """``docs`` by the size of their bibliographies (``edges``: fewer than 30 entries, 30 to 69, 70 or more), each
    group named by its sizes ("30-69 entries")."""
    out: dict[str, list[Document]] = {}
    for low, high in pairwise((0, *edges, math.inf)):
        label = f"< {high}" if low == 0 else f">= {low}" if high == math.inf else f"{low}-{high - 1}"
        out[f"{label} entries"] = [d for d in docs if low <= len(d.bibliography.sources) < high]
    return out


def _tally(outcome: dict[str, tuple[bool, bool]], among: list[Document]) -> str:
    """Won/lost among ``among``, from each document's (won, lost)."""
    return f"{sum(outcome[d.name][0] for d in among)}/{sum(outcome[d.name][1] for d in among)}"


def table(splits: dict[str, list[Document]],
          methods: Callable[[list[Document]], dict[str, Callable[[Document], tuple[Ranking, Ranking]]]] | None = None
          ) -> str:
    """One row per method and split; ``methods``: the methods of a split (``METHODS`` by default)."""
    lines = [f"{'split':<13} {'method':<22} {'shown':>6} {'P(shown)':>9} {'95% CI':>13} {'R@1':>6} {'R@3':>6} "
             f"{'R@5':>6} {'quiet':>6}"]
    for name, docs in splits.items():
        for label, method in (METHODS if methods is None else methods(docs)).items():
            r = score(docs, method)
            lo, hi = wilson(r["right"], r["shown"])
            lines.append(f"{name:<13} {label:<22} {r['shown']:>6} {r['P(shown)']:>9.3f} {f'{lo:.2f}-{hi:.2f}':>13} "
                         f"{r['R@1']:>6.3f} "
                         f"{r['R@3']:>6.3f} {r['R@5']:>6.3f} {r['quiet']:>6.3f}")
        lines.append(f"{'':<13} ({len(docs)} documents, {r['citing']} citing sentences, "
                     f"{r['silent']} that cite nothing)")
    return "\n".join(lines)


def wilson(right: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson interval of a proportion (the shown counts are small)."""
    if not n:
        return float("nan"), float("nan")
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def essay_figures() -> str:
    """The essay under review against its own topical labels (bench/essay_gold.yaml, development labels:
    written before the suggester was tuned, never used to fit it), by default and with every suggestion."""
    from eval_links import eval_topical
    from ruamel.yaml import YAML

    from litreview.bibliography.load import load_bibliography
    from litreview.essay import parse_essay
    from litreview.model import Linkage

    gold = YAML(typ="safe").load((ROOT / "bench" / "essay_gold.yaml").read_text(encoding="utf-8"))["topical"]
    essay = parse_essay((ROOT / "refs" / "essay.md").read_text(encoding="utf-8"), "refs/essay.md")
    bibliography = load_bibliography(ROOT / "refs" / "bibliography.bib")
    default = link(essay, bibliography)
    every = link(essay, bibliography, all_suggestions=True)
    lines = ["essay (refs/essay.md against bench/essay_gold.yaml, topical links of every linker)",
             f"  {'shown':<22} {'shown':>6} {'P':>6} {'R':>6}  wrong"]
    topical_links = sorted((lk for lk in every.links if lk.kind == "topical"), key=lambda lk: -lk.confidence)
    others = tuple(lk for lk in every.links if lk.kind != "topical")
    for label, t in ((f"by default ({SHOW})", None), ("from 0.5", 0.5), ("from 0.35", 0.35), ("from 0.2", 0.2),
                     ("the 10 most confident", 10), ("the 25 most confident", 25)):
        if t is None:
            shown = default
        elif isinstance(t, int):  # whatever the calibration: how well the suggestions are ordered
            shown = Linkage(links=others + tuple(topical_links[:t]))
        else:
            shown = Linkage(links=others + tuple(lk for lk in topical_links if lk.confidence >= t))
        r = eval_topical(shown, gold)
        precision = f"{r['precision']:.3f}" if r["suggestions"] else "-"  # nothing shown: no precision
        lines.append(f"  {label:<22} {r['suggestions']:>6} {precision:>6} {r['recall']:>6.3f}  "
                     f"{', '.join(r['wrong'][:4])}{' ...' if len(r['wrong']) > 4 else ''}")
    capacity = [lk for lk in every.links if (lk.claim_id, lk.source_key) == ("p2-s2", "terry2010principles")]
    lines.append("  'In this capacity' (p2-s2) and Building Partnership Capacity: "
                 + (f"listed with --all-suggestions at {capacity[0].confidence:.2f}, "
                    f"{'shown' if capacity[0].confidence >= SHOW else 'not shown'} by default"
                    if capacity else "not suggested"))
    return "\n".join(lines)


def pairs(docs: list[Document], where: list[tuple[str, str]] | None = None
          ) -> tuple[list[list[float]], list[int], list[str]]:
    """Every candidate the suggester scores in ``docs``: features, 1 when the authors cited it there,
    and the document it comes from (``where`` collects each one's claim id and key)."""
    x, y, doc_of = [], [], []
    for doc in docs:
        claims = doc.essay.claims
        for cand in candidates(claims, build_index(doc.bibliography, doc.metadata)):
            x.append(list(cand.features))
            y.append(int(cand.key in doc.gold[claims[cand.row].id]))
            doc_of.append(doc.name)
            if where is not None:
                where.append((claims[cand.row].id, cand.key))
    return x, y, doc_of


def recall_at(p: list[float], where: list[tuple[str, str]], doc_of: list[str], docs: list[Document],
              k: int = 5) -> float:
    """Mean recall@k over citing sentences when the candidates are ordered by ``p`` (topical only)."""
    per = sentence_recalls(p, where, doc_of, docs, k)
    return sum(per.values()) / len(per) if per else float("nan")


def sentence_recalls(p: list[float], where: list[tuple[str, str]], doc_of: list[str], docs: list[Document],
                     k: int = 5) -> dict[tuple[str, str], float]:
    """Per citing sentence (document, claim id), the share of its cited entries among the first ``k`` candidates
    when they are ordered by ``p`` (as ``recalls``, for ``paired``)."""
    ranked: dict[tuple[str, str], list[tuple[float, str]]] = {}
    for v, (cid, key), d in zip(p, where, doc_of, strict=True):
        ranked.setdefault((d, cid), []).append((-v, key))
    out = {}
    for doc in docs:
        for cid, gold in doc.gold.items():
            if gold:
                top = {key for _, key in sorted(ranked.get((doc.name, cid), []))[:k]}
                out[(doc.name, cid)] = len(gold & top) / len(gold)
    return out


def _pairwise_oof(x: list[list[float]], y: list[int], doc_of: list[str], claim: list[str], l2: float) -> list[float]:
    """Leave-one-document-out scores of a pairwise model: logistic regression on the difference
    between a cited and an uncited candidate of the same sentence (a score, not a probability)."""
    out = [0.0] * len(x)
    groups: dict[tuple[str, str], list[int]] = {}
    for i, key in enumerate(zip(doc_of, claim, strict=True)):
        groups.setdefault(key, []).append(i)
    for name in dict.fromkeys(doc_of):
        dx, dy = [], []
        for (d, _), members in groups.items():
            if d == name:
                continue
            for i in members:
                for j in members:
                    if y[i] and not y[j]:
                        diff = [a - b for a, b in zip(x[i], x[j], strict=True)]
                        dx += [diff, [-v for v in diff]]
                        dy += [1, 0]
        w = fit(dx, dy, l2, [str(n) for n in range(len(x[0]))])
        coef = [w[str(n)] for n in range(len(x[0]))]
        for i, d in enumerate(doc_of):
            if d == name:
                out[i] = sum(a * b for a, b in zip(coef, x[i], strict=True))
    return out


def cross_validation(docs: list[Document], variant: str = "") -> str:
    """Methods compared on the development documents alone, each document scored by a model fitted
    without it (how the ranker's features and pool were chosen; never the held-out documents)."""
    where: list[tuple[str, str]] = []
    x, y, doc_of = pairs(docs, where)
    col = {name: n for n, name in enumerate(FEATURES)}
    new = ("bm25_rank", "bm25_top", "rank", "from_paragraph")
    old = [n for n, name in enumerate(FEATURES) if name not in new]
    own_words = [x[i][col["from_paragraph"]] == 0 for i in range(len(x))]
    in_old = [x[i][col["rank"]] > 0 and own_words[i] for i in range(len(x))]
    lines = [f"cross-validation on the development documents (leave one document out), {len(x)} candidates",
             f"  {'method':<58} {'R@5':>6}"]

    def run(label: str, feats: list[int], keep: list[bool], l2: float = L2, citing_only: bool = False,
            pairwise: bool = False) -> None:
        idx = [i for i in range(len(x)) if keep[i]]
        xs = [[x[i][f] for f in feats] for i in idx]
        ys = [y[i] for i in idx]
        ds = [doc_of[i] for i in idx]
        cites = {(doc_of[i], where[i][0]) for i in idx if y[i]}
        train = [(doc_of[i], where[i][0]) in cites for i in idx] if citing_only else [True] * len(idx)
        if pairwise:
            oof = _pairwise_oof(xs, ys, ds, [where[i][0] for i in idx], l2)
        else:
            oof = out_of_fold(xs, ys, ds, l2=l2, names=[FEATURES[f] for f in feats], train=train, calibrate=False)
        lines.append(f"  {label:<58} {recall_at(oof, [where[i] for i in idx], ds, docs):>6.3f}")

    every = [True] * len(x)
    if variant:
        lines[0] += f" ({variant})"
        run("shipped features", list(range(len(FEATURES))), every)
        run("shipped features, L2 0.3 (1 in all)", list(range(len(FEATURES))), every, l2=0.3)
        run("shipped features, pairwise", list(range(len(FEATURES))), every, pairwise=True)
        return "\n".join(lines)
    lines.append(f"  {'BM25 order, over the whole pool (no model)':<58} "
                 f"{recall_at([v[col['bm25_rank']] + 1e-3 * v[col['bm25']] for v in x], where, doc_of, docs):>6.3f}")
    run("old features, old pool (6 by cosine+BM25)", old, in_old)
    run("old features, pool + BM25's best 5", old, own_words)
    shipped = list(range(len(FEATURES)))
    run("old + BM25 ranks, pool + BM25's best 5 (the claim's own words)",
        [n for n in shipped if FEATURES[n] != "from_paragraph"], own_words)
    run("shipped: + entries only the paragraph shares words with", shipped, every)
    run("shipped, L2 0.3 (1 in all)", shipped, every, l2=0.3)
    run("shipped, fitted on citing sentences", shipped, every, citing_only=True)
    return "\n".join(lines)


def calibration_gap(p: list[float], y: list[int]) -> float:
    """Mean absolute gap between predicted and cited in the bins of ``reliability``, weighted by their size."""
    bins: dict[int, list[int]] = {}
    for i, v in enumerate(p):
        bins.setdefault(min(9, int(v * 10)), []).append(i)
    return sum(abs(sum(p[i] for i in idx) - sum(y[i] for i in idx)) for idx in bins.values()) / max(1, len(p))


def calibrations(docs: list[Document]) -> str:
    """How well each way of fitting the Platt scaling (topical_fit.CALIBRATIONS) carries to a document
    left out: each document's candidates scored by a model fitted and calibrated without it."""
    x, y, doc_of = pairs(docs)
    lines = [f"calibration, each document scored by a model fitted and calibrated without it ({len(x)} candidates, "
             f"{sum(y) / max(1, len(y)):.3f} cited)",
             f"  {'Platt fitted on':<14} {'mean p':>7} {'gap':>6} {f'from {SHOW}':>17} {'from 0.5':>17}"]
    for way in CALIBRATIONS:
        p = out_of_fold(x, y, doc_of, calibration=way)
        cells = []
        for t in (SHOW, 0.5):
            kept = [y[i] for i, v in enumerate(p) if v >= t]
            cells.append(f"{len(kept)} shown, P {sum(kept) / len(kept):.2f}" if kept else "none shown")
        lines.append(f"  {way:<14} {sum(p) / max(1, len(p)):>7.3f} {calibration_gap(p, y):>6.3f} "
                     f"{cells[0]:>17} {cells[1]:>17}")
    lines.append("  (gap: mean absolute difference between predicted and cited over the bins of the reliability table)")
    free = out_of_fold(x, y, doc_of, cap=1.0)
    lines.append(f"  the cap (ranker.CAP, now {CAP}), out of fold: log loss, mean squared error, the candidates it "
                 "holds down and the share cited among them")
    for cap in CAPS:
        p = [min(cap, v) for v in free]
        held = [y[i] for i, v in enumerate(free) if v >= cap]
        share = f"{sum(held) / len(held):.3f}" if held else "-"
        lines.append(f"    {cap:.2f}: {log_loss(p, y):.5f} {sum((v - t) ** 2 for v, t in zip(p, y, strict=True)) / max(1, len(p)):.6f}"
                     f" {len(held):>4} {share}")
    return "\n".join(lines)


CAPS = (0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.95)
"""The caps ``calibrations`` compares."""


def log_loss(p: list[float], y: list[int]) -> float:
    """Mean negative log likelihood of ``y`` under ``p``."""
    return -sum(math.log(v if t else 1.0 - v) for v, t in zip(p, y, strict=True)) / max(1, len(p))


def thresholds(docs: list[Document], candidates_of: tuple[list[list[float]], list[int], list[str]] | None = None,
               material: str = "development documents") -> str:
    """The reliability table of ``docs``' candidates, each document scored by a model fitted and calibrated
    without it, and what each threshold would show (how many, the share cited, its 95% interval): how the
    default (ranker.SHOW) is chosen. ``candidates_of``: ``pairs(docs)`` when already made."""
    x, y, doc_of = pairs(docs) if candidates_of is None else candidates_of
    oof = out_of_fold(x, y, doc_of)
    lines = [f"reliability, {material} (each document scored by a model fitted without it), "
             f"threshold shown: {SHOW}", reliability(oof, y),
             "  out of fold, every candidate by threshold (no cap per claim or entry, no other linker: "
             "what the linker shows is counted apart)"]
    for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        kept = [y[i] for i, v in enumerate(oof) if v >= t]
        lo, hi = wilson(sum(kept), len(kept))
        precision = f"{sum(kept) / len(kept):.3f} ({lo:.2f}-{hi:.2f})" if kept else "-"
        lines.append(f"    from {t:.1f}{' (default)' if abs(t - SHOW) < 1e-9 else '':<10}: {len(kept):>3} shown, "
                     f"precision {precision}")
    return "\n".join(lines)


def shown_by_threshold(docs: list[Document], weights: dict[str, dict[str, float]],
                       edges: tuple[float, ...] = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)) -> str:
    """What ``link`` would show from each threshold (every linker run, the suggestions capped per claim and
    per entry, as the site and ``links --suggest`` have them), each document linked with ``weights[name]``
    (its re-ranker fitted without it): how many topical suggestions, the share the authors cited there."""
    shown: list[tuple[float, int, str]] = []
    for doc in docs:
        shipped = ranker.WEIGHTS
        ranker.WEIGHTS = weights[doc.name]
        try:
            every = link(doc.essay, doc.bibliography, metadata=doc.metadata, all_suggestions=True)
        finally:
            ranker.WEIGHTS = shipped
        shown += [(lk.confidence, int(lk.source_key in doc.gold.get(lk.claim_id, ())), doc.name)
                  for lk in every.links if lk.kind == "topical" and lk.claim_id in doc.gold]
    lines = [f"topical suggestions the linker shows, by threshold (each document linked by a re-ranker fitted "
             f"without it; {len(shown)} listed with --all-suggestions), and in how many documents, with the "
             f"lowest and highest precision of a document showing 3 or more"]
    for t in edges:
        kept = [right for p, right, _ in shown if p >= t]
        lo, hi = wilson(sum(kept), len(kept))
        precision = f"{sum(kept) / len(kept):.3f} ({lo:.2f}-{hi:.2f})" if kept else "-"
        by_doc: dict[str, list[int]] = {}
        for p, right, name in shown:
            if p >= t:
                by_doc.setdefault(name, []).append(right)
        each = sorted(sum(v) / len(v) for v in by_doc.values() if len(v) >= 3)
        ranged = f"; per document {each[0]:.2f}-{each[-1]:.2f} ({len(each)})" if each else ""
        lines.append(f"    from {t:.1f}{' (default)' if abs(t - SHOW) < 1e-9 else '':<10}: {len(kept):>3} shown, "
                     f"precision {precision}, {len(by_doc)} documents{ranged}")
    return "\n".join(lines)


def shown_by_kind(docs: list[Document], weights: dict[str, dict[str, float]]) -> str:
    """The topical suggestions ``link`` shows by default, by what made them (the entry whose title's opening name
    the sentence is the first to write, ``topical.named_works``; the re-ranker's probability), each document linked
    with ``weights[name]`` (its re-ranker fitted without it): how many, the share cited there, in how many documents."""
    kinds: dict[str, list[tuple[int, str]]] = {"named work": [], "re-ranker": []}
    for doc in docs:
        shipped = ranker.WEIGHTS
        ranker.WEIGHTS = weights[doc.name]
        try:
            default = link(doc.essay, doc.bibliography, metadata=doc.metadata)
        finally:
            ranker.WEIGHTS = shipped
        for lk in default.links:
            if lk.kind == "topical" and lk.claim_id in doc.gold:
                kind = "named work" if topical.NAMED_EVIDENCE in lk.evidence else "re-ranker"
                kinds[kind].append((int(lk.source_key in doc.gold[lk.claim_id]), doc.name))
    lines = ["topical suggestions shown by default, by kind (each document linked by a re-ranker fitted without it)"]
    for kind, shown in kinds.items():
        right = sum(r for r, _ in shown)
        lo, hi = wilson(right, len(shown))
        precision = f"{right / len(shown):.3f} ({lo:.2f}-{hi:.2f})" if shown else "-"
        lines.append(f"  {kind:<11} {right:>3}/{len(shown):<3} precision {precision}, "
                     f"{len({d for _, d in shown})} documents")
    return "\n".join(lines)


def reliability(p: list[float], y: list[int]) -> str:
    """Predicted probability against the share the authors cited, in bins."""
    edges = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
    lines = [f"  {'bin':<11} {'n':>6} {'mean p':>7} {'cited':>7}"]
    for lo, hi in pairwise(edges):
        idx = [i for i, v in enumerate(p) if lo <= v < hi or (hi == 1.0 and v == 1.0)]
        if idx:
            lines.append(f"  {lo:.1f}-{hi:.1f}    {len(idx):>6} {sum(p[i] for i in idx) / len(idx):>7.3f} "
                         f"{sum(y[i] for i in idx) / len(idx):>7.3f}")
    return "\n".join(lines)


def write_weights(weights: dict[str, float], corpus: int, extra: int) -> None:
    """The weights into litreview/linking/ranker.py, the comment above them saying what they were fitted on."""
    path = ROOT / "litreview" / "linking" / "ranker.py"
    text = path.read_text(encoding="utf-8")
    body = ", ".join(f'"{k}": {v}' for k, v in weights.items())
    command = "--fit --extra-dev FOLDER ..." if extra else "--fit"
    material = f"{corpus} corpus documents" + (f" and {extra} further papers" if extra else "")
    comment = f"# Written by `python bench/eval_topical.py {command}`: fitted on {material} (development only).\n"
    text = re.sub(r"# Written by `python bench/eval_topical\.py[^\n]*\n(?=WEIGHTS)", lambda _: comment, text)
    text = re.sub(r"WEIGHTS: dict\[str, float\] = \{.*?\}\n", lambda _: f"WEIGHTS: dict[str, float] = {{{body}}}\n",
                  text, flags=re.DOTALL)
    path.write_text(text, encoding="utf-8")


def by_fit_material(docs: list[Document], extra: list[Document]) -> str:
    """Recall@5 of the topical candidates and precision at the threshold, each document scored by a model
    fitted without it, on the corpus documents alone or with the further ones: how much the further papers
    help, measured on development material only (the shipped weights play no part)."""
    where: list[tuple[str, str]] = []
    x, y, doc_of = pairs(docs + extra, where)
    corpus = {d.name for d in docs}
    lines = [f"out of fold, by what the model is fitted on ({len(docs)} corpus documents, {len(extra)} further papers)",
             f"  {'fitted on':<34} {'R@5 corpus':>10} {'R@5 further':>11} {'shown':>6} {'P(shown)':>9} {'95% CI':>11}"]
    for label, train in ((f"the {len(docs)} corpus documents", [d in corpus for d in doc_of]),
                         ("corpus documents and further papers", None)):
        p = out_of_fold(x, y, doc_of, train=train)
        kept = [y[i] for i, v in enumerate(p) if v >= SHOW]
        lo, hi = wilson(sum(kept), len(kept))
        precision = f"{sum(kept) / len(kept):.3f}" if kept else "-"
        lines.append(f"  {label:<34} {recall_at(p, where, doc_of, docs):>10.3f} {recall_at(p, where, doc_of, extra):>11.3f} "
                     f"{len(kept):>6} {precision:>9} {f'{lo:.2f}-{hi:.2f}' if kept else '-':>11}")
    lines.append("  (corpus documents: each scored by a model fitted without it; further papers: by the model of the "
                 "corpus documents, or one fitted without the paper; shown: from the threshold, over both)")
    return "\n".join(lines)


def extra_parts(folders: list[Path]) -> dict[str, list[Document]]:
    """The further development papers of each ``--extra-dev`` folder, by the folder's name (the parent's
    too when two folders share a name: each material keeps a part of its own)."""
    names = [folder.name for folder in folders]
    out: dict[str, list[Document]] = {}
    for folder, name in zip(folders, names, strict=True):
        label = name if names.count(name) == 1 else f"{folder.parent.name}/{name}"
        out.setdefault(label, []).extend(load_extra(folder))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--fit", action="store_true", help="refit the re-ranker on the development documents")
    parser.add_argument("--extra-dev", action="append", type=Path, default=[], metavar="FOLDER",
                        help="further development papers: a folder whose SOURCES.tsv lists them (name, source, bib); "
                             "repeatable; they are fitted on with --fit")
    parser.add_argument("--dev-only", action="store_true",
                        help="the development documents alone (while tuning: the held-out figures stay unseen)")
    parser.add_argument("--cv", action="store_true",
                        help="compare rankers by leave-one-document-out on the development documents, then stop")
    parser.add_argument("--per-document", action="store_true",
                        help="after the table, a row per document: litreview and the BM25 baselines")
    parser.add_argument("--cv-table-only", action="store_true",
                        help="with --cv: the cross-validated table alone (litreview and the baselines), not the variants")
    args = parser.parse_args(argv)
    splits = {"dev": load_split(args.corpus, DEV)}
    if not (args.dev_only or args.cv or args.fit):
        splits["held-out"] = load_split(args.corpus, HELD_OUT)
    if not splits["dev"]:
        print(f"corpus not found at {args.corpus}")
        return 1
    # Each folder's papers are a part of their own in the tables (the material they came from), fitted on as one.
    parts_extra = extra_parts(args.extra_dev)
    extra = [d for docs in parts_extra.values() for d in docs]
    fitted = splits["dev"] + extra
    if args.fit:
        x, y, doc_of = pairs(fitted)
        write_weights(fit_calibrated(x, y, doc_of), len(splits["dev"]), len(extra))
        further = f" and {len(extra)} further papers" if extra else ""
        print(f"fitted on {len(x)} candidates of {len(splits['dev'])} corpus development documents{further} "
              f"({sum(y)} cited); weights written to litreview/linking/ranker.py")
        return 0
    if extra:
        splits = {"dev": splits["dev"], **parts_extra, **{k: v for k, v in splits.items() if k != "dev"}}
    if args.cv:
        # One pool of development documents: each ranked by a re-ranker fitted and calibrated on all the others
        # (corpus documents and further papers alike), its figures shown per part and over the whole.
        every = fitted
        print("leave one document out: litreview's re-ranker fitted and calibrated without the document it ranks"
              + (f" (the {len(splits['dev'])} corpus documents and {len(extra)} further papers in one pool)"
                 if extra else ""))
        weights = fold_weights(every)
        methods = cross_validated(every, weights)
        parts = {"dev (cv)": splits["dev"]}
        if extra:
            parts.update({f"{name} (cv)": docs for name, docs in parts_extra.items()})
            parts["all (cv)"] = every
        print(table(parts, lambda _docs: methods))
        print(against_baselines(every, methods, {k: v for k, v in parts.items() if k != "all (cv)"} if extra else None))
        print(spread(every, methods, {k: v for k, v in parts.items() if k != "all (cv)"}))
        print(by_size(every, methods))
        if args.per_document:
            labels = (*PER_DOCUMENT[:-1], "litreview (unseen)")
            print(per_document({k: v for k, v in parts.items() if k != "all (cv)"}, labels, methods))
            print(whole_against_alone(every, methods, weights))
        print(calibrations(every))
        print(thresholds(every))
        print(shown_by_threshold(every, weights))
        print(shown_by_kind(every, weights))
        if args.cv_table_only:
            return 0
        print(cross_validation(every))
        paragraph = topical.PARAGRAPH
        topical.PARAGRAPH = 0.0
        print(cross_validation(every, "BM25's query without the paragraph's words"))
        topical.PARAGRAPH = paragraph
        spelled_out = topical.spelled_out
        topical.spelled_out = lambda texts, defining: list(texts)
        print(cross_validation(every, "acronyms not spelled out"))
        topical.spelled_out = spelled_out
        for pool in ((6, 10), (8, 15), (6, 20)):
            topical.CANDIDATES, topical.BM25_CANDIDATES = pool
            print(cross_validation(every, f"pool: {pool[0]} by cosine+BM25, {pool[1]} by BM25"))
        return 0
    methods = memoised(METHODS)  # each document ranked once by each method, however many tables read it
    print(table(splits, lambda _docs: methods))
    if args.per_document:
        print(per_document(splits, methods=methods))
    for name, docs in splits.items():
        print(by_size(docs, methods, part=name))
    print(ceilings(splits))
    x, y, doc_of = pairs(fitted)
    refit = fit_calibrated(x, y, doc_of)
    same = all(abs(refit[k] - WEIGHTS.get(k, 0.0)) < 1e-3 for k in refit)
    material = "development documents'" if not extra else "corpus development documents' and further papers'"
    print(f"\nshipped weights {'are' if same else 'are NOT'} the fit on the {material} "
          f"{len(x)} candidates ({sum(y)} cited)")
    if extra:
        print(by_fit_material(splits["dev"], extra))
    print(thresholds(fitted, (x, y, doc_of), "development documents" + (" and further papers" if extra else "")))
    if "held-out" in splits:
        hx, hy, _ = pairs(splits["held-out"])
        print("reliability, held-out documents (the shipped model)")
        print(reliability([probability(r) for r in hx], hy))
    print(essay_figures())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
