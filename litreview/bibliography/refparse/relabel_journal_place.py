"""A journal's place in parentheses between its name and its volume is its place, not its name's: an ACM export gives
a journal its publisher's address, and Chicago prints it so ("“Title.” Commun. ACM (New York, NY, USA) 51 (1):
107–13."); the model read the name as a publisher's or a collection's, or ran the journal on over the place."""

from __future__ import annotations

from collections.abc import Sequence

from .tagger import Tagged

#: the labels the journal's name may have been read with
_NAME = frozenset(("journal", "container", "publisher", "collection", "note", "location"))
#: the most words of the name and of its place
_RUN, _PLACE = 8, 5


def place_before_volume(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Words after a quoted title up to a parenthesis of a place with a comma and no digit ("(Secaucus, NJ, USA)")
    right before the volume: the words are the journal's name, the parenthesis its place."""
    for p in range(2, len(tagged) - 1):
        if not tagged[p].token.text.startswith("("):
            continue
        q = p
        while q < len(tagged) and q - p < _PLACE and not tagged[q].token.text.endswith(")"):
            q += 1
        if q + 1 >= len(tagged) or not tagged[q].token.text.endswith(")"):
            return tagged
        place = [t.token.text for t in tagged[p:q + 1]]
        if tagged[q + 1].label != "volume" or not tagged[q + 1].token.text[:1].isdigit() or q == p \
                or not any(w.endswith(",") for w in place) or any(c.isdigit() for w in place for c in w):
            return tagged
        s = p
        while s > 0 and p - s < _RUN and tagged[s - 1].label in _NAME:
            s -= 1
        if s == p or not s or tagged[s - 1].label != "title" or not tagged[s - 1].token.text.endswith(("”", '"', "»")):
            return tagged
        return [t._replace(label="journal") if s <= k < p else t._replace(label="location") if p <= k <= q else t
                for k, t in enumerate(tagged)]
    return tagged
