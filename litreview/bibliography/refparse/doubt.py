"""Which imported fields to doubt: a small logistic model over field-level evidence.

The evidence of a field: the CRF's marginals over its span (least, mean, at its edges), whether the rule
parser reads it otherwise, whether the value was taken from the rules, and shape anomalies (a title that is a
list of names, a container holding a year, a publisher full of digits ...), a field's length against its kind (a
title of one or two words, a container longer than the title, a family name of a sentence's length), what is printed
either side of a title, container or publisher (a full stop, a comma, a quotation mark, or a word the span cuts
through), whether the year chosen is printed elsewhere, and, in a list, whether the field is printed between other
marks than the rest of the list prints it between (``list_shares``: a list is printed in one style). The weights and the threshold are fitted on references the
tagger was not trained on (the out-of-fold readings of a cross-validation on the training set, and for the
weights also of the synthetic references rendered in other styles and of real bibliographies' entries rendered in
dev styles: ``bench/calibrate_refparse.py``; the threshold flags at most a tenth of the right fields of those
bibliographies, each judged by weights fitted without it) and ship as ``doubt.json``; without that file the CRF's least marginal
against ``assemble.THRESHOLD`` decides, as before. A string read with no list around it (or in a list too short to tell
its style) lacks the list's evidence, so its P(wrong) runs lower: it is cut at a threshold of its own
(``threshold_alone``), read by the same rule on those bibliographies' strings each judged alone.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ...doi import is_valid_doi
from . import fields as F
from .combine import ordered
from .combine import value_of as _value
from .combine import values as _values
from .reference import ParsedReference

WEIGHTS = Path(__file__).with_name("doubt.json")
#: The fields judged by the fitted model (those the evaluation material has gold for).
JUDGED = ("authors", "title", "year", "container", "volume", "pages", "publisher", "doi")

_YEAR = re.compile(rf"(?<!\d){F.YEAR}(?!\d)")
_NAME_LIST = re.compile(r"\b[A-ZÀ-Þ][\w'’-]+,\s+(?:[A-ZÀ-Þ]\.\s*){1,3}(?:,|&|\band\b)")
_CUT_SHORT = (":", ";", ",", " -")
#: words from which a title, a container or a publisher is long for its kind (a run-on reading)
_MANY_WORDS = {"title": 15, "container": 8, "publisher": 8}
#: characters from which a family name is long for a person's (an organisation or a sentence read as a name)
_LONG_FAMILY = 25
_YEAR_VOLUME = re.compile(rf"(?<!\d){F.YEAR}[a-z]?\s*;\s*\d")
_PAGE_WORD = re.compile(r"(?i)\b(?:pp?|vol|no|nr)\.\s*\d")
#: the words of a journal's name and of a publisher's, in lower case ("publish" opens "Publishing", "Publishers"), and
#: the case-blind patterns made of them; a value holding none of the words is not searched
_JOURNAL_WORDS = ("journal", "review", "quarterly", "proceedings", "revue", "revista", "zeitschrift")
_PUBLISHER_WORDS = ("press", "verlag", "publish", "books", "éditions", "editora", "university")
_JOURNAL_WORD = re.compile(r"(?i)\b(?:" + "|".join(_JOURNAL_WORDS) + r")\b")
_PUBLISHER_WORD = re.compile(r"(?i)\b(?:" + "|".join(w + r"\w*" if w == "publish" else w for w in _PUBLISHER_WORDS) + r")\b")
_BRACKETS = frozenset("“”\"‘’«»„()[]")
_BORDER = {**dict.fromkeys(".?!", "stop"), **dict.fromkeys(",;:", "mark"), **dict.fromkeys(_BRACKETS, "quote"),
           "": "edge"}


#: the fields whose printing is set against the rest of the list's, and the fewest other entries of the list printing a
#: field from which that counts (a list is printed in one style: a field printed unlike the others is suspect)
LISTED = ("authors", "title", "year", "container", "volume", "pages", "publisher")
_LIST_MIN = 5


def _borders(raw: str, value: str) -> tuple[str, str]:
    """What is printed either side of ``value``'s first place in ``raw`` (spaces skipped): "edge" (none),
    "stop" (. ? !), "mark" (, ; :), "quote" (a quotation mark or bracket) or "word"; ("lost", "lost") where
    ``value`` is not printed as such."""
    at = raw.find(value) if value else -1
    if at < 0:
        return "lost", "lost"
    return (_BORDER.get(raw[:at].rstrip()[-1:], "word"),
            _BORDER.get(raw[at + len(value):].lstrip()[:1], "word"))


def _text(ref: ParsedReference, name: str) -> str:
    if name == "authors":
        return "; ".join(f"{p.family}, {p.given}" for p in (ref.authors or ref.editors))
    return str(getattr(ref, name) or "")


def _has(ref: ParsedReference, name: str) -> bool:
    return bool(ref.authors or ref.editors) if name == "authors" else bool(getattr(ref, name))


class _Shared:
    """What every field's evidence of one reference draws on, computed once."""

    __slots__ = ("common", "crf_values", "evidence", "low", "ref_values", "rivals", "rules_values")

    def __init__(self, ref: ParsedReference, crf: ParsedReference, rules: ParsedReference,
                 read: tuple[dict[str, str], dict[str, str]] | None = None) -> None:
        self.evidence = dict(crf.evidence)
        self.rivals = dict(crf.rivals)
        self.low = [n for n, c in crf.confidence if c < 0.81]
        self.crf_values, self.rules_values = read or (_values(crf, JUDGED), _values(rules, JUDGED))
        mine = self.crf_values  # the reading shown keeps most of the CRF's values, the very same objects
        self.ref_values = {n: mine[n] if _same(ref, crf, n) else _value(ref, n) for n in JUDGED}
        whole = self.evidence.get("*", (1.0, 1.0, 0.0, 1.0))
        kind = ref.type if ref.type in ("article", "book", "incollection") else "other"
        self.common = {
            "whole": 1.0 - whole[0], "wholemean": 1.0 - whole[1],
            "type_differs": float(crf.type != rules.type and "type" not in rules.uncertain),
            "disagreements": min(sum(1 for n in JUDGED if self.crf_values[n] != self.rules_values[n]), 6) / 6,
            f"type:{kind}": 1.0,
            "note": float(bool(ref.note)), "note_long": min(len(ref.note.split()), 20) / 20,
        }


def _same(a: ParsedReference, b: ParsedReference, name: str) -> bool:
    """``a`` holds ``b``'s very value of field ``name`` (so ``value_of`` reads the same from both)."""
    if name == "authors":
        return a.authors is b.authors and a.editors is b.editors
    return getattr(a, name) is getattr(b, name)


class _Keys(NamedTuple):
    """The per-field feature names of one field (made once, not per reference)."""

    bias: str
    doubt: str
    logdoubt: str
    disagree: str
    long: str
    journal_word: str
    publisher_word: str
    few: str
    many: str
    chars: str
    list_odd: str


_KEYS = {name: _Keys(*(f"{kind}:{name}" for kind in _Keys._fields)) for name in JUDGED}


# Measured with bench/calibrate_refparse.py --inner and not kept (the held-aside part and dev 250 got no
# better): a title, container or publisher whose brackets do not pair or that a word continues with no
# punctuation between (fit part by fold 304 -> 312 of 391 wrong fields flagged, but held-aside 207 -> 206 of
# 263 wrong and 271 -> 274 of 2,652 right, dev 44 -> 48 of 1,308 right); the least marginal inside a span, not
# at its ends; a sentence end inside the value; words
# after a title, container or publisher (up to the next mark) that no field holds; the share of the string's
# words in no field; a title ending in "In", "ed.", "of" ...; a title of one or two words, or over 25; editor
# words next to the authors; two page ranges in the string; a volume of over four digits or a leading zero;
# what borders a volume or pages, or each field's borders apart (fit part by fold and the dev rows no better).
# Nor (no more dev rows meeting both shares, among them dev styles 2 and five folders of real bibliographies in
# both dev groups; dev styles 2 stays .80/.22-.23 of wrong/right fields flagged): the rules reading on past the mark,
# bracket or "in" where the shown value stops (right fields of dev styles, yet not of the training set); where
# the shown value lies inside the other parser's longer reading (its front, back or middle); a field's log
# doubt less the mean of the string's other fields', or their highest or mean doubt; no rival labels, no
# per-field doubt weights, no borders. With the synthetic references in the fit too, the first four: pooled
# dev rows within .005 of wrong and right flagged, fit part by fold .82 -> .81-.82 of wrong.
# Nor, with real bibliographies in the fit (each of three folders judged by weights fitted with the other two, wrong
# fields flagged at .10 of right ones, .83/.79/.81 now): the string naming a URL or an access date, alone and by
# field; a script beyond Latin; the reference's type by field; a year inside a printed range of years ("(1999–2008)");
# a sole author with no given name in a web reference (.83-.84/.77-.79/.80-.82).
# Nor, for strings read alone (each of six dev folders judged by weights and a threshold fitted without it, once as lists
# and once string by string, mean wrong / right fields flagged .76/.10 and .67/.09 with the lone string's cut): the
# CRF's marginal entropy over a field's tokens (mean, most), the odds of the best labelling against the same with the
# field's tokens given their likeliest rival label, the whole labelling's probability (re-tagging each string:
# .76/.09 and .67/.09 with all of them); a publisher that is a known place, a container holding a run of three digits, a
# title in capitals, a family name that is a known place (.76/.10, .67/.09); a field's log doubt against its list's
# median (.76/.09, .68/.10); the folders' rows judged alone beside them in the fit (.75/.09, .68/.10).
def printed_borders(ref: ParsedReference) -> dict[str, tuple[str, str]]:
    """What is printed either side of each LISTED field ``ref`` holds (``_borders``; the authors by the first family
    name)."""
    out: dict[str, tuple[str, str]] = {}
    for name in LISTED:
        if name == "authors":
            people = ref.authors or ref.editors
            value = people[0].family if people else ""
        else:
            value = str(getattr(ref, name) or "")
        if value:
            out[name] = _borders(ref.raw, value)
    return out


def list_shares(refs: Sequence[ParsedReference]) -> list[dict[str, float]]:
    """Per reference of one list, per field it holds: the share of the list's other entries holding that field that
    print it between the same kinds of marks (``printed_borders``); a field fewer than ``_LIST_MIN`` others hold is left
    out (too few to tell the list's style)."""
    borders = [printed_borders(ref) for ref in refs]
    counts = Counter((name, b) for found in borders for name, b in found.items())
    totals = Counter(name for found in borders for name in found)
    return [{name: (counts[name, b] - 1) / (totals[name] - 1) for name, b in found.items()
             if totals[name] - 1 >= _LIST_MIN} for found in borders]


def features(name: str, ref: ParsedReference, crf: ParsedReference, rules: ParsedReference,
             shared: _Shared | None = None, listed: dict[str, float] | None = None) -> dict[str, float]:
    """The evidence on field ``name`` of ``ref`` (the reading shown), from the CRF's and the rules' readings;
    ``listed``: ``list_shares`` of ``ref`` in its list, where it was read in one."""
    sh = shared or _Shared(ref, crf, rules)
    least, mean, edge, size = sh.evidence.get(name if name != "authors" else ("authors" if crf.authors else "editors"),
                                              (1.0, 1.0, 0.0, 1.0))
    mine, theirs, shown = sh.crf_values[name], sh.rules_values[name], sh.ref_values[name]
    disagree = float(bool(theirs) and theirs != shown)
    longer = float(bool(disagree) and len(theirs) > len(shown) and shown in theirs)  # the rules read on
    shorter = float(bool(disagree) and len(theirs) < len(shown) and theirs in shown)  # or stopped sooner
    logdoubt = math.log10(max(1.0 - least, 1e-4)) / 4 + 1
    k = _KEYS[name]
    f: dict[str, float] = {
        **sh.common,
        k.bias: 1.0,
        "doubt": 1.0 - least, k.doubt: 1.0 - least,
        "logdoubt": logdoubt, "meandoubt": 1.0 - mean, "edge": edge, k.logdoubt: logdoubt,
        "size": min(size, 40.0) / 40,
        "disagree": disagree, k.disagree: disagree, "disagree_doubt": (1.0 - least) * disagree,
        "rules_longer": longer, "rules_shorter": shorter,
        "rules_none": float(not theirs), "rules_unsure": float(name in rules.uncertain),
        "from_rules": float(shown != mine), "crf_none": float(not _has(crf, name)),
        "marked": float(name in crf.uncertain),
        "unsure_others": min(len(sh.low) - sh.low.count(name), 4) / 4,
        f"rival:{name}:{sh.rivals.get(name if name != 'authors' or crf.authors else 'editors', '')}": 1.0,
    }
    if listed and (share := listed.get(name)) is not None:  # printed unlike the rest of its list
        f["list_odd"] = f[k.list_odd] = 1.0 - share
        f["list_rare"] = float(share < 0.1)
    if name in ("title", "container", "publisher"):
        value = _text(ref, name)
        words = value.split()
        digits = any(map(str.isdigit, value))  # a year and a page number need one, a list of names a comma
        f["year_in"] = float(digits and bool(_YEAR.search(value)))
        f["digits_in"] = float(digits)
        f["lower_start"] = float(value[:1].islower())
        f["one_word"] = float(len(words) <= 1)
        f[k.long] = min(len(words), 30) / 30
        f[k.few] = float(len(words) <= 2)  # its length against its kind
        f[k.many] = float(len(words) >= _MANY_WORDS[name])
        if name != "title":
            f["longer_than_title"] = float(len(words) > len(ref.title.split()))
        f["names_in"] = float("," in value and bool(_NAME_LIST.search(value)))
        f["pages_in"] = float(digits and bool(_PAGE_WORD.search(value)))
        f["colon_end"] = float(value.rstrip().endswith((":", ";", ",")))
        folded = F.case_blind(value)
        f[k.journal_word] = float(any(w in folded for w in _JOURNAL_WORDS) and bool(_JOURNAL_WORD.search(value)))
        f[k.publisher_word] = float(any(w in folded for w in _PUBLISHER_WORDS) and bool(_PUBLISHER_WORD.search(value)))
        f["same_as_title"] = float(name != "title" and sh.ref_values["title"] == shown)
        left, right = _borders(ref.raw, value)
        f[f"left:{left}"] = 1.0
        f[f"right:{right}"] = 1.0
        f["digit_start"] = float(value[:1].isdigit())
        f["swapped"] = float(bool(shown) and any(sh.rules_values[o] == shown for o in JUDGED if o != name))
    elif name == "authors":
        people = ref.authors or ref.editors
        f["people"] = min(len(people), 10) / 10
        f["no_given"] = float(all(not p.given for p in people))
        f["odd_family"] = float(any(any(map(str.isdigit, p.family)) or len(p.family.split()) > 3
                                    or p.family[:1].islower() for p in people))
        f["editors_only"] = float(not ref.authors)
        f["count_differs"] = float(len(people) != len(rules.authors or rules.editors))
        f["long_family"] = float(any(len(p.family) > _LONG_FAMILY for p in people))
    elif name in ("volume", "pages"):
        value = _text(ref, name)
        f["no_digit"] = float(not any(map(str.isdigit, value)))
        f["long_number"] = float(len(value) > 12)
        f["single_page"] = float(name == "pages" and not any(c in value for c in "-–—"))
        f[k.chars] = min(len(value), 15) / 15
    elif name == "year":
        found, year = _YEAR.findall(ref.raw), ref.year[:4]  # the years printed
        f["years"] = min(len(set(found)), 4) / 4
        f["year_volume"] = float(";" in ref.raw and bool(_YEAR_VOLUME.search(ref.raw)))  # the pattern needs one
        f["year_once"] = float(found.count(year) == 1)  # printed once
        f["year_later"] = float(bool(found) and year in found and found[-1] != year)  # before another year
    elif name == "doi":
        f["bad_doi"] = float(not is_valid_doi(_text(ref, name)))
    return f


Model = tuple[dict[str, float], float] | tuple[dict[str, float], float, float]
"""(weights, threshold) or (weights, threshold, the threshold of a reading judged with no list around it): with two,
one threshold for both."""


@lru_cache(maxsize=2)
def _load(path: str) -> tuple[dict[str, float], float, float] | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        threshold = float(data["threshold"])
        return ({str(k): float(v) for k, v in data["weights"].items()}, threshold,
                float(data.get("threshold_alone", threshold)))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def p_wrong(feats: dict[str, float], weights: dict[str, float]) -> float:
    get = weights.get
    # in the features' order; a feature of value 0 adds nothing (most are flags, most of them off)
    z = get("", 0.0) + sum([get(k, 0.0) * v for k, v in feats.items() if v])
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def judge(ref: ParsedReference, crf: ParsedReference, rules: ParsedReference,
          weights: Model | None = None,
          read: tuple[dict[str, str], dict[str, str]] | None = None,
          listed: dict[str, float] | None = None) -> ParsedReference:
    """``ref`` with its judged fields' unsure marks and confidences from the fitted model.

    ``read``: ``combine.values`` of ``crf`` and ``rules`` over JUDGED, where already made; ``listed``: ``ref``'s
    ``list_shares`` in the list it was read in. A reading with no list evidence (read alone, or in a list too short to
    tell its style) is cut at the model's threshold for a lone string: without that evidence its P(wrong) runs lower."""
    model = weights or _load(str(WEIGHTS))
    if model is None:
        return ref
    w = model[0]
    threshold = model[1] if listed else model[-1]  # the last of a (weights, threshold) pair is that one threshold
    confidence = dict(ref.confidence)
    unsure = [n for n in ref.uncertain if n not in JUDGED or not _has(ref, n)]
    shared = _Shared(ref, crf, rules, read)
    for name in JUDGED:
        if not _has(ref, name):
            continue
        p = p_wrong(features(name, ref, crf, rules, shared, listed), w)
        confidence[name] = round(1.0 - p, 4)
        if p >= threshold or (name == "title" and ref.title.endswith(_CUT_SHORT)):
            unsure.append(name)  # a title ending in ":" was cut short or misprinted: always checked
    if not ref.authors and ref.editors:  # the editors stand for the authors: judged as "authors"
        unsure = [("editors" if n == "authors" else n) for n in unsure if n != "editors"]
    return ref.replace(uncertain=ordered(unsure), confidence=tuple(sorted(confidence.items())))


Reading = tuple[ParsedReference, ParsedReference, ParsedReference, tuple[dict[str, str], dict[str, str]] | None]
"""(reading shown before judging, the CRF's reading, the rules' reading, ``read`` of ``judge``)."""


def judge_list(readings: Sequence[Reading], weights: Model | None = None) -> list[ParsedReference]:
    """``judge`` of each reading of one reference list, each field's printing set against the rest of the list's."""
    shares = list_shares([ref for ref, _, _, _ in readings])
    return [judge(ref, crf, rules, weights, read, listed)
            for (ref, crf, rules, read), listed in zip(readings, shares, strict=True)]


def fit(rows: Sequence[tuple[dict[str, float], bool]], l2: float = 3.0, rounds: int = 30) -> dict[str, float]:
    """Logistic regression of "wrong" on the features (Newton's method, L2 penalty; deterministic)."""
    import numpy as np

    names = sorted({k for feats, _ in rows for k in feats})
    index = {k: i + 1 for i, k in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, 0] = 1.0
    for r, (feats, _) in enumerate(rows):
        for k, v in feats.items():
            x[r, index[k]] = v
    y = np.array([1.0 if wrong else 0.0 for _, wrong in rows])
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ (p - y) + penalty * beta
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    out = {"": round(float(beta[0]), 6)}
    out.update({k: round(float(beta[i]), 6) for k, i in index.items()})
    return out


def threshold_for(scores: Sequence[tuple[float, bool]], right_share: float = 0.10) -> float:
    """The lowest P(wrong) cut that flags at most ``right_share`` of the right fields."""
    right = sorted((p for p, wrong in scores if not wrong), reverse=True)
    if not right:
        return 0.5
    k = int(right_share * len(right))  # this many right fields may be flagged
    return right[k] + 1e-9 if k < len(right) else 0.0
