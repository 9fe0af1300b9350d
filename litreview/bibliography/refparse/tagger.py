"""Label the tokens of a reference string with the trained CRF, with each label's probability.

The model (``model.crfsuite`` in this package) is opened on first use only, so commands that
parse no reference never import python-crfsuite.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from ...errors import LitreviewError
from ...locale_terms import NO_DATE_TERMS, alternation
from .features import Token, sequence_features, tokenize

MODEL = Path(__file__).with_name("model.crfsuite")

#: the page range a publisher prints for an article not yet paginated ("Ecography, n/a–n/a", "pp.n/a-n/a")
UNPAGED = re.compile(r"(?i)(?<![\w/])n/a\s*[-–—]+\s*n/a(?![\w/])")


#: a locale's no-date term of two letters, each closed by its full stop ("s.d.", "s.f.", "b.d.", "z.d."), as printed
#: (not the initials "S.D."): the model has seen "n.d." in training, few of the others
_NO_DATE_LETTER_TERMS = tuple(t for t in NO_DATE_TERMS if t != "n.d." and re.fullmatch(r"[^\W\d_]\.[^\W\d_]\.", t))
_NO_DATE_FIRST = re.escape("".join(sorted({t[0] for t in _NO_DATE_LETTER_TERMS})))
_NO_DATE_LETTERS = re.compile(rf"(?=[{_NO_DATE_FIRST}])(?<!\w)(?:{alternation(_NO_DATE_LETTER_TERMS)})(?!\w)")


class Tagged(NamedTuple):
    """One token with the label the model gave it."""

    token: Token
    label: str
    """The label of the most likely labelling."""
    prob: float
    """Marginal probability of that label at this token."""
    before: float
    """Where the previous token has another label: the marginal probability that it has this one."""
    after: float
    """Where the next token has another label: the marginal probability that it has this one."""
    rival: str = ""
    """Where the label is in doubt (probability < 0.9): the next most likely label."""


@lru_cache(maxsize=4)
def _tagger(path: str) -> Any:
    try:
        import pycrfsuite
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise LitreviewError("python-crfsuite is not installed: pip install python-crfsuite") from exc
    if not Path(path).is_file():
        raise LitreviewError(f"the reference model {path} is missing: reinstall litreview, or rebuild it with "
                             "python -m litreview.bibliography.refparse.train")
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


@lru_cache(maxsize=4)
def _label_set(tagger: Any) -> tuple[tuple[str, bytes], ...]:
    """The model's labels in its order, each with its UTF-8 form (python-crfsuite's ``marginal`` would
    encode a str label at every call)."""
    return tuple((label, label.encode()) for label in tagger.labels())


def _paged(m: re.Match[str]) -> str:
    """The unpaginated range with a page number in place of each "n/a"."""
    return m.group().replace("n/a", "100").replace("N/A", "100")


def _stand_ins(text: str) -> str:
    """``text`` as the model is shown it (``text`` itself where nothing stands in): "n/a–n/a" read as a page range
    and "s.d." (Catalan, Italian, Spanish, Portuguese, French), "s.f.", "b.d." and the rest as "n.d." (Catalan
    report's "Ministerio del Interior. s.d. Título." read the names and the term as its title)."""
    seen = UNPAGED.sub(_paged, text) if ("n/a" in text or "N/A" in text) else text
    seen = _NO_DATE_LETTERS.sub("n.d.", seen)
    return text if seen == text else seen


def tag(text: str, model: Path | None = None) -> list[Tagged]:
    """Tokens of ``text`` (already whitespace-normalised) with labels and marginals."""
    return tag_all([text], model)[0]


def tag_all(texts: list[str], model: Path | None = None) -> list[list[Tagged]]:
    """``tag`` of each of ``texts``: the features of them all first, then the model's labels of each (one stage at a
    time keeps its code and data in the processor's caches, as ``refparse._read`` does)."""
    tokens = [tokenize(text) for text in texts]
    # the model sees an unpaginated article's range as a range of page numbers (it has seen few "n/a") and a locale's
    # no-date term as "n.d.", the words tagged are the printed ones: each stand-in keeps every word's length, so the
    # tokens are the same
    features = [sequence_features(toks if (seen := _stand_ins(text)) is text else tokenize(seen))
                for text, toks in zip(texts, tokens, strict=True)]
    tagger = _tagger(str(model or MODEL)) if any(tokens) else None
    return [_labelled(tagger, toks, feats) if toks else [] for toks, feats in zip(tokens, features, strict=True)]


def _labelled(tagger: Any, tokens: list[Token], features: list[list[bytes]]) -> list[Tagged]:
    """``tokens`` with the labels and marginals the model gives them from their ``features``."""
    tagger.set(features)
    labels = tagger.tag()
    marginal = tagger.marginal
    labels_of = _label_set(tagger)
    encoded = dict(labels_of)
    new = tuple.__new__  # Tagged(...) without its Python-level __new__
    out = []
    # the first token has no token before it, the last none after: their own label stands for the neighbour
    previous = labels[0]
    for i, (token, label, nxt) in enumerate(zip(tokens, labels, [*labels[1:], labels[-1]], strict=True)):
        y = encoded[label]
        prob = marginal(y, i)
        # inside a span the neighbours share the label: only a span's edges need their look
        before = marginal(y, i - 1) if previous != label else 0.0
        after = marginal(y, i + 1) if nxt != label else 0.0
        rival = ""
        if prob < 0.9:  # the first of the most likely other labels, in the model's label order
            best, unread = -1.0, 1.0 - prob
            for x, xb in labels_of:
                if x != label:
                    p = marginal(xb, i)
                    if p > best:
                        best, rival = p, x
                    unread -= p
                    # a token's marginals sum to one (to about 1e-14): once ``best`` exceeds what the labels
                    # not yet asked hold together, none of them can beat it (each marginal call costs)
                    if best > unread + 1e-9:
                        break
        out.append(new(Tagged, (token, label, prob, before, after, rival)))
        previous = label
    return out
