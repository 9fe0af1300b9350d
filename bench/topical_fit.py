"""Fitting the topical re-ranker (litreview/linking/ranker.py): a logistic regression with a strong L2
penalty, which ranks best, then scaled back to calibrated probabilities (Platt: one slope and one
offset fitted on the penalised model's scores), the scaling folded into the weights so the library reads one model.

Used by bench/eval_topical.py (``--fit``, ``--cv``), bench/topical_ablations.py and bench/topical_generalisation.py.
"""

from __future__ import annotations

import math
from collections.abc import Collection

L2 = 10.0
"""Penalty on the re-ranker's weights per 1,000 candidates fitted on, so that a model fitted without one
document is shrunk as much as the one fitted on all (recall@5 by leave-one-document-out on the
development documents, about 3,500 candidates, with the paragraph in BM25's query: 0.3: 0.470,
3: 0.486, 10: 0.487, 30: 0.485; over the corpus development documents and further development papers
together, re-ranked candidates alone, with ``SCALED``: 3: 0.478, 10: 0.481, 30: 0.482; the penalty shrinks
the probabilities too, which calibration scales back)."""

SCALED: frozenset[str] = frozenset({"named"})
"""Features the penalty reads in units of their own spread (their standard deviation over the rows fitted
on), the rest in their own values. ``named`` (the sentence names an author of the entry) is met in one
candidate in two hundred (spread 0.07, every other feature 0.1 to 0.5): in its values the penalty shrank it
to nothing (recall@5 as above, 0.471 with it as without), in its units it counts (0.481). Every feature in
its units (``fit(..., scaled=True)``) did as well over both sets together (0.482 at 30) but worse where a
model is fitted on fewer documents: the corpus documents alone, 0.528 -> 0.505."""


def fit(x: list[list[float]], y: list[int], l2: float = L2, names: list[str] | None = None,
        scaled: bool | Collection[str] | None = None) -> dict[str, float]:
    """Logistic regression by Newton's method, an L2 penalty (``l2`` per 1,000 rows) on every weight but
    the intercept (``scaled``: see ``SCALED``). ``names``: the columns of ``x``, every one weighed; by default
    ``ranker.FEATURES``, of which only those of ``ranker.MODEL`` are weighed, the rest written as 0."""
    import numpy as np

    from litreview.linking.ranker import FEATURES, MODEL

    if names is None:
        read = [n for n, name in enumerate(FEATURES) if name in MODEL]
        inner = fit([[row[n] for n in read] for row in x], y, l2, [FEATURES[n] for n in read], scaled)
        return {"intercept": inner["intercept"], **{name: inner.get(name, 0.0) for name in FEATURES}}
    features = np.asarray(x, dtype=float).reshape(len(x), -1)
    which = SCALED if scaled is None else scaled
    spread = np.ones(features.shape[1])
    if len(x) and which:
        own = features.std(axis=0)
        chosen = [which is True or n in which for n in names]  # type: ignore[operator]
        spread[chosen] = own[chosen]
    spread[spread == 0] = 1.0
    a = np.hstack([np.ones((len(x), 1)), features / spread])
    t = np.asarray(y, dtype=float)
    w = np.zeros(a.shape[1])
    penalty = np.full(a.shape[1], l2 * len(x) / 1000)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(a @ w, -30, 30)))
        grad = a.T @ (p - t) + penalty * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"intercept": round(float(w[0]), 4),
            **{n: round(float(v), 4) for n, v in zip(names, w[1:] / spread, strict=True)}}


CALIBRATIONS = ("fitted", "out-of-fold")
"""Where the Platt slope and offset are fitted: on the scores the penalised fit gives the candidates it
was fitted on ("fitted"), or on out-of-fold scores of the same documents, each scored by a fit without it
("out-of-fold"). Fitted: the probabilities of documents left out match the share cited (leave one
document out on the development documents: a mean 0.052 against 0.055 cited, mean absolute gap per bin
0.006); out of fold they fell short (0.035 against 0.055, gap 0.022): a fit without one of nine unlike
documents scores the others less sharply than the fit on all of them, so the slope fitted on those scores
was too flat for it (bench/eval_topical.py --cv prints both)."""


def fit_calibrated(x: list[list[float]], y: list[int], doc_of: list[str], l2: float = L2,
                   names: list[str] | None = None, *, calibration: str = "fitted") -> dict[str, float]:
    """The penalised fit, its scores scaled to probabilities by a slope and an offset (``CALIBRATIONS``:
    fitted on the fit's own scores, or on out-of-fold scores, each document scored by a fit without it)."""
    if calibration not in CALIBRATIONS:
        raise ValueError(f"calibration {calibration!r}: one of {', '.join(CALIBRATIONS)}")
    weights = fit(x, y, l2, names)
    if calibration == "fitted":
        vector = _vector(weights, names)
        scores = [[_score(vector, row)] for row in x]
    elif len(set(doc_of)) < 2:
        return weights
    else:
        scores = [[0.0] for _ in x]
        for name in dict.fromkeys(doc_of):
            inside = [i for i, d in enumerate(doc_of) if d != name]
            vector = _vector(fit([x[i] for i in inside], [y[i] for i in inside], l2, names), names)
            for i, d in enumerate(doc_of):
                if d == name:
                    scores[i][0] = _score(vector, x[i])
    platt = fit(scores, y, 0.0, ["score"])
    slope, offset = platt["score"], platt["intercept"]
    return {k: round(v * slope + (offset if k == "intercept" else 0.0), 4) for k, v in weights.items()}


def out_of_fold(x: list[list[float]], y: list[int], doc_of: list[str], *, l2: float = L2,
                names: list[str] | None = None, train: list[bool] | None = None,
                calibrate: bool = True, calibration: str = "fitted", cap: float | None = None) -> list[float]:
    """Each candidate's probability from a model fitted, and calibrated, without its own document
    (``names``: the features ``x`` holds, all of them by default; ``train``: the candidates a model
    may learn from; ``calibrate`` False: uncalibrated, the same order; ``calibration``: see ``CALIBRATIONS``;
    ``cap``: the highest probability, the linker's ``ranker.CAP`` by default, 1 for none)."""
    from litreview.linking.ranker import CAP

    top = CAP if cap is None else cap
    out = [0.0] * len(x)
    for name in dict.fromkeys(doc_of):
        inside = [i for i, d in enumerate(doc_of) if d != name and (train is None or train[i])]
        xs, ys = [x[i] for i in inside], [y[i] for i in inside]
        weights = (fit_calibrated(xs, ys, [doc_of[i] for i in inside], l2, names, calibration=calibration)
                   if calibrate else fit(xs, ys, l2, names))
        vector = _vector(weights, names)
        for i, d in enumerate(doc_of):
            if d == name:
                out[i] = min(top, 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, _score(vector, x[i]))))))
    return out


def _vector(weights: dict[str, float], names: list[str] | None) -> tuple[float, tuple[float, ...]]:
    from litreview.linking.ranker import FEATURES

    return weights["intercept"], tuple(weights[n] for n in (FEATURES if names is None else names))


def _score(vector: tuple[float, tuple[float, ...]], row: list[float]) -> float:
    return vector[0] + sum(w * v for w, v in zip(vector[1], row, strict=True))
