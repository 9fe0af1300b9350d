"""How likely a reviewer is to accept a topical suggestion: a small logistic model over evidence
the suggester measures, fitted on the citations of real manuscripts (bench/eval_topical.py --fit; a
strong L2 penalty for the ranking, then a slope and an offset for calibrated probabilities: bench/topical_fit.py).

The weights below are data written by that command; nothing is downloaded or trained at run time.
A probability is capped below 1: topical evidence alone never makes a link certain.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from operator import mul

from ..model import Link

FEATURES = (
    "cosine", "context", "top", "margin", "title_word", "linked", "cue", "first_person", "length", "spread",
    "entries", "source_margin", "bm25", "bm25_rank", "bm25_top", "rank", "from_paragraph", "named",
)
"""What the model reads of a (claim, entry) candidate, in this order (see ``topical.suggest``). Three that
restated others are gone (the shared words' rarity, the count of generic shared words, the cosine as a share
of the claim's best), and so are three counts of the words the sentence shares with the entry (how many, the
share of the title's words written, whether they are all generic words): they restate BM25 and the cosine, and
they did not carry. By leave-one-document-out over the 19 development documents (re-ranked candidates alone:
bench/topical_generalisation.py --extra-dev FOLDER ...), the re-ranker that read them was above BM25's own order on the
corpus documents it was first written on (0.521 against 0.465) and below it on the papers gathered since (0.523
against 0.555, 0.624 against 0.643); without them, corpus documents 0.521 -> 0.517, further papers 0.523 -> 0.563
and 0.624 -> 0.637, all 0.546 -> 0.555. Without whether a shared word is a title word too, all 0.560, but the
essay's labelled links fell (its 25 most confident suggestions right 14 -> 11), with it they stay at 14."""

MODEL = ("cosine", "top", "rank", "bm25", "bm25_rank", "bm25_top", "named")
"""The features the model weighs (the rest of ``FEATURES`` at 0): the cosine's and BM25's scores and ranks, and
whether the sentence names an author of the entry. By leave-one-document-out over 25 development documents (9
corpus documents and 16 papers gathered since), each document linked by a re-ranker fitted without it, recall@5
0.504 with every feature against 0.494 for the best baseline (BM25 + paragraph + acronyms + essay), 0.509 with
these seven (0.520 and the baseline 0.494 once ``topical.PER_SOURCE`` was 100: every part above it, 12 documents
won and 3 lost; bench/eval_topical.py --dev-only --cv --extra-dev FOLDER ...). Re-ranked candidates alone
(bench/topical_generalisation.py), every feature 0.511, these seven 0.520, BM25's three and the author 0.502; a
stronger penalty (30 to 1000: 0.513 to 0.515), the baseline's score and rank as features (0.507 to 0.510) or a
rank fusion with it (0.498 to 0.514) did not carry as well. Seven was chosen among some fifteen variants on these
same documents: its lead is measured where it was chosen. Over 33 development documents (8 papers more, read first after
that choice), each linked by a re-ranker fitted without it: recall@5 0.529 against 0.490 for the best baseline (+0.039,
95% interval +0.020 to +0.063 by resampling documents; 15 documents won, 3 lost). What carries it is the suggester's own
order, not what the model learns over it: re-ranked candidates alone, the seven 0.527, without any one of BM25's three or
``top`` 0.527 to 0.529, without ``rank`` 0.518, without ``cosine`` 0.520, and the rank by cosine plus BM25 alone, no
model, 0.528 (bench/topical_generalisation.py). The seven are kept: linked as a whole, cosine, rank and named alone gave
0.527 and fell below the baseline on five papers (0.617 against 0.632; the seven 0.647), and a choice made again among
these variants on the same documents would be more optimistic still. Over 38 development documents (5 papers more), each
linked by a re-ranker fitted without it: 0.525 against 0.479 (+0.046, +0.025 to +0.071; 18 won, 4 lost). The lead
shrinks with the bibliography (bench/eval_topical.py --cv, by the bibliography's size): under 30 entries +0.073 (18
documents), 30 to 69 +0.021 (9), 70 or more +0.034 (+0.009 to +0.048; 8 documents, 451 sentences, 5 won, 2 lost). Three
variants meant for long bibliographies did not carry, re-ranked candidates alone (0.522 as shipped; long ones 0.436): the
essay's weighting in BM25's own scores 0.511 (0.419), the bibliography's size times the cosine's and BM25's scores and
ranks 0.518 (0.432), a model fitted on long bibliographies alone for them 0.522 (0.435). Over 43 development documents (5 papers
more; re-ranked candidates alone, each document by a model fitted without it, bench/topical_generalisation.py
--by-size): the seven 0.503 against the baseline's 0.462; fewer than 30 entries 0.609 against 0.536, 30 to 69 0.573
against 0.556 (5 documents won, 2 lost), 70 or more 0.420 against 0.390 (7 won, 2 lost). Of some forty-five
variants (that command's rows and thirty meant for the longer bibliographies), one was ahead on both 30 to 69 and 70
or more: the entry's description length as a feature, 0.580 and 0.422 (0.508 over all; against the seven +0.005, 95%
interval -0.003 to +0.015, 11 documents won, 3 lost), not kept: chosen among so many on the same documents, and
short of the held-out documents' gap. The thirty, none ahead on both (0.501 to 0.504 over all): the
penalty from 1 to 1000; each feature left out, or three fewer sets (0.486 to 0.502); the claim's place in the
document times the scores; the baseline's rank as a feature (for all or for 30 entries or more); a model fitted
on 30 entries or more for them; rank fusion with the baseline from 30 entries (70 or more up to 0.425, 30 to 69
down to 0.564); the baseline's order where the re-ranker's lead is small (30 to 69 0.580, 70 or more 0.416 to
0.418); the re-ranker's first three, then the baseline's (0.577, 0.413) (the last three and the claim's place
measured once, as that command measures the rest). Where the baseline wins a sentence of
a long bibliography, the cited entry is the baseline's fourth or fifth and the re-ranker's sixth to twelfth,
behind entries sharing the document's subject words (the baseline weighs them down by how many paragraphs use
them); four times in 28 it was no candidate at all. Over 52 development documents (9 papers more, read first
after those choices: 28 to 254 entries, 6 of them 30 to 69; each linked by a re-ranker fitted without it,
bench/eval_topical.py --cv): 0.516 against 0.465 for the best baseline (+0.051, +0.033 to +0.073; 29 won, 6 lost);
fewer than 30 entries +0.082 (19 documents, 11 won, 1 lost), 30 to 69 +0.065 (+0.028 to +0.105; 17, 11 won, 1 lost),
70 or more +0.027 (+0.008 to +0.042; 13, 7 won, 4 lost). The nine do not show the held-out documents' loss at 30 to
69 entries (the six there all won); the two of 70 or more were both lost (0.246 against 0.250, 0.438 against 0.453).
Of the 39 variants measured on the 52 (the
rows of bench/topical_generalisation.py --by-size, each with its R@5 less the seven's, 95% interval by resampling
documents, and four more measured once: rank fusion with the baseline from 30 entries at two weights, the ranks and
named alone, a model fitted on 30 entries or more for them), none is ahead beyond noise: the best, without
``bm25_rank``, +0.001 (+0.000 to +0.003) and the ranks as the share of the bibliography ranked below +0.001 (-0.001 to
+0.003); rank fusion with the baseline from 30 entries +0.002 (-0.006 to +0.010; 70 or more 0.416 against 0.411, 30
to 69 0.584 against 0.587); the baseline's own order from 70 entries -0.012 (-0.022 to -0.001), from 30 -0.024;
the description length, ahead on 43, +0.000 (-0.008 to +0.009). A calibration per document keeps its order. Where
the baseline wins a sentence of 70 entries or more, the cited entry is the re-ranker's sixth to tenth 21 times in
30, further 3 times, no candidate 6 times, and 18 of the 30 are not in plain BM25 + paragraph's first five either:
what lifts them is the baseline's weighing down of the words many paragraphs use (a wage-bargaining paper: entries
on "wage dispersion" and "collective bargaining" above the cited "tournaments" and "gift exchange")."""

CAP = 0.45
"""The highest probability a topical suggestion can show. Out of fold the scaled probabilities run past
what is cited: over every development document (25), each scored by a model fitted and scaled without it, the
13 candidates scored from 0.45 were cited 8 times (0.615; earlier, on 19 documents with every feature, 5 in 11).
Capped anywhere from 0.45 to 0.8 the log loss out of fold is the same within 0.00004 (0.12699 here, 0.12695 at
0.7; bench/eval_topical.py --cv --extra-dev FOLDER ...: under the calibration table): kept here, below what is
cited; the suggester orders candidates by the uncapped score."""

# Written by `python bench/eval_topical.py --fit --extra-dev FOLDER ...`: fitted on 9 corpus documents and 24 further papers (development only).
WEIGHTS: dict[str, float] = {"intercept": -4.2208, "cosine": 0.4798, "context": 0.0, "top": 0.4408, "margin": 0.0, "title_word": 0.0, "linked": 0.0, "cue": 0.0, "first_person": 0.0, "length": 0.0, "spread": 0.0, "entries": 0.0, "source_margin": 0.0, "bm25": 0.3825, "bm25_rank": 0.4987, "bm25_top": 0.3667, "rank": 0.659, "from_paragraph": 0.0, "named": 6.0882}
SHOW = 0.8
"""Default threshold: a suggestion is shown (site, ``links --suggest``) at this probability or above.
The probabilities are calibrated, so what is shown is expected to be right at least 8 times in 10
(the reliability tables of bench/eval_topical.py check it on development and held-out documents). On the
corpus development documents and further development papers, each linked by a re-ranker fitted without it
(eval_topical.py --cv --extra-dev), no threshold reaches 0.8, and none is above ``CAP``: by default no suggestion
of the re-ranker is shown (`links --all-suggestions` lists them, the surest, from 0.4, right 8 times in 13 over 25
documents). Nor does any kind of its suggestions: of each sentence's top candidate under rules of what supports it
(the sentence names the entry's author, a wide lead over the next candidate, BM25's first, a cosine of 0.5 or
more, ...), the rule cited most often held 5 in 10 (the sentence names the entry's author: 10 in 21; BM25's first
with a cosine of 0.5 or more: 69 in 175; bench/topical_generalisation.py over 25 documents). Over 33 development
documents, out of fold, the candidates from 0.3 were cited 10 times in 15 (0.67, 95% interval 0.42-0.85), from 0.4
8 in 13: still short of 0.8; over 38, from 0.4, 9 in 16 (0.33-0.77); over 52, from 0.4, 26 in 41 (0.63, 0.48-0.76), from
0.3, 29 in 49. What is shown by default is the entry whose title opens with a name the
sentence is the first of the document to write (``topical.NAMED_WORK``): over 52 development documents, each
linked by a re-ranker fitted without it, 46 shown, 46 cited (95% interval 0.92-1.00; in 12 documents, 19 of the 46 in
one of them; by document 12 in 12, 0.76-1.00)."""

_CUES = re.compile(
    r"\b(?:studies|study|research|researchers|literature|scholars?|work(?:s)? (?:by|of|on)|previous(?:ly)?|"
    r"recent(?:ly)?|has been|have been|was (?:first|later)|were (?:first|later)|(?:is|are) known|shown|"
    r"showed|shows|found|finds|reported|proposed|introduced|developed|described|argued|argues|suggests?|"
    r"demonstrated|according to|e\.g\.|for example|for instance|such as|see|elsewhere|widely|commonly|"
    r"often|typically|popular|standard|well[- ]known|seminal)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|this paper|this article|here)\b", re.IGNORECASE)


def claim_cues(text: str) -> tuple[float, float]:
    """(cue, first_person): does the sentence use a citation habit; does it speak of its own work."""
    return (1.0 if _CUES.search(text) else 0.0), (1.0 if _FIRST_PERSON.search(text) else 0.0)


def weight_vector(weights: Mapping[str, float] | None = None) -> tuple[float, tuple[float, ...]]:
    """The intercept and the weights in ``FEATURES`` order (``WEIGHTS`` by default), for ``probability``."""
    w = WEIGHTS if weights is None else weights
    return w.get("intercept", 0.0), tuple(w.get(name, 0.0) for name in FEATURES)


def probability(row: Sequence[float], weights: Mapping[str, float] | None = None, *,
                vector: tuple[float, tuple[float, ...]] | None = None) -> float:
    """The model's probability for one candidate (``row`` in ``FEATURES`` order), capped; ``vector``
    (from ``weight_vector``) saves reading the weights again for each of many candidates."""
    return capped(score(row, weights, vector=vector))


def score(row: Sequence[float], weights: Mapping[str, float] | None = None, *,
          vector: tuple[float, tuple[float, ...]] | None = None) -> float:
    """The model's log-odds for one candidate, uncapped: candidates the cap makes equal keep their order."""
    intercept, coefficients = weight_vector(weights) if vector is None else vector
    if len(row) != len(coefficients):
        raise ValueError(f"{len(row)} features given, the model reads {len(coefficients)}")
    return max(-30.0, min(30.0, intercept + sum(map(mul, coefficients, row))))


def capped(z: float) -> float:
    """The probability of log-odds ``z``, never above ``CAP``."""
    return min(CAP, 1.0 / (1.0 + math.exp(-z)))


def review_order(suggested: Iterable[Link], every: Iterable[Link]) -> list[Link]:
    """Suggestions most worth a reviewer's time first: by expected value, the confidence times how
    little else supports the claim (1 minus the best confidence among its other links, confirmed
    ones in full, other suggestions at half weight)."""
    support: dict[str, list[tuple[str, float]]] = {}
    for lk in every:
        if lk.status != "rejected":
            weight = 1.0 if lk.status == "confirmed" else 0.5
            support.setdefault(lk.claim_id, []).append((lk.source_key, weight * lk.confidence))
    items = list(suggested)

    def value(lk: Link) -> float:
        others = [v for key, v in support.get(lk.claim_id, ()) if key != lk.source_key]
        return lk.confidence * (1.0 - max(others, default=0.0))

    ranked = sorted(range(len(items)), key=lambda n: (-round(value(items[n]), 6), -items[n].confidence, n))
    return [items[n] for n in ranked]
