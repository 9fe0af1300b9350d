"""A rule over the tagger's labels for a chapter's editors as citeproc prints them in other languages (part of
``relabel``): "In Das Buch, herausgegeben von Max Moe und Paul Poe. Verlag." (de-DE), "édité par" (fr-FR), "editado
por" (es-ES), "a cura di" (it-IT), "organizado por" (pt-BR), and the short forms "Hrsg. von", "hg. v.", "éd. par".
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from ...locale_terms import CITATION_TERMS, and_words
from . import fields as F
from .lexicon import IN
from .tagger import Tagged

#: the "edited by" of citeproc's locales other than English, and the short forms German and French styles print, each
#: as its words in lower case
EDITED_BY_ABROAD: tuple[tuple[str, ...], ...] = tuple(sorted(
    {tuple(terms["edited by"].split()) for terms in CITATION_TERMS.values() if terms["edited by"] != "edited by"}
    | {("hrsg.", "von"), ("hrsg.", "v."), ("hg.", "von"), ("hg.", "v."), ("éd.", "par"), ("onder", "redactie", "van")}))
#: strings one of which a reference with such a role holds (``relabel``'s marks)
MARKS = ("herausgegeben", "Hrsg.", "hrsg.", "hg.", "par ", "por ", "cura di", "redactie")
_NAME_WORD = lazy(F.NAME_WORD)
#: the words joining the last two names
_AND = and_words("de", "fr", "es", "pt", "it", "nl")
#: the most words of the names after the role (four editors of three words each, their commas and the "and")
_NAMES_RUN = 16
#: the most words of a publisher's name after the editors ("Leske + Budrich", "Carl Hanser Verlag")
_PUBLISHER_WORDS = 5
#: the labels the model read the role and the names into, with the book's name before them
_READ_AS = frozenset(("title", "container", "editor", "journal", "note"))


def editors_after_locales_edited_by(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The locale's "edited by" after the book's comma, and the names after it in reading order up to the stop that
    closes the last (not an initial's), are the editors'; the book's words from "In" (capitalised: not the book's own
    "in der Geschichte") up to the comma, read into the
    same span, the container's (the model, taught English, read all of "In Das Buch, herausgegeben von Max Moe und
    Paul Poe." as one title, container or editors' span); the last sentence after the names, which the model ran the
    span on over, the publisher's ("… Paul Poe. M. Niemeyer.", "… Gustav Seibt. Valerio 2. Wallstein.")."""
    words = [t.token.text for t in tagged]
    folded = [w.casefold() for w in words]
    for i in range(1, len(tagged) - 1):
        if not words[i - 1].endswith(",") or tagged[i].label not in _READ_AS:
            continue
        role = next((r for r in EDITED_BY_ABROAD if tuple(folded[i:i + len(r)]) == r), None)
        if role is None:
            continue
        j = i + len(role)
        end = _names_end(words, j)
        if end is None:
            continue
        out = list(tagged)
        for k in range(i, end + 1):
            out[k] = tagged[k]._replace(label="editor")
        for k in _publisher_after(tagged, end, tagged[i].label):
            out[k] = tagged[k]._replace(label="publisher")
        opening = next((k for k in range(i - 1, 0, -1) if folded[k] in IN and words[k][:1].isupper()), None)
        if opening is not None and all(tagged[k].label == tagged[i].label for k in range(opening, i)):
            for k in range(opening, i):
                out[k] = tagged[k]._replace(label="container")
        return out
    return tagged


def _names_end(words: Sequence[str], start: int) -> int | None:
    """The last word of the names in reading order from ``start`` ("Max Moe und Paul Poe."), closed by a stop that is
    no initial's or by the string's end; None where the words are no names."""
    if start >= len(words) or not words[start][:1].isupper():
        return None
    for k in range(start, min(start + _NAMES_RUN, len(words))):
        word = words[k]
        if not (_NAME_WORD.fullmatch(word) or word in _AND):
            return None
        if word.endswith(".") and len(word.rstrip(".")) > 2 and k > start:
            return k
    return len(words) - 1 if len(words) - start <= _NAMES_RUN else None


def _publisher_after(tagged: Sequence[Tagged], end: int, label: str) -> range:
    """The words of the last sentence after the names that close at ``end``, up to the link, where the model ran the
    names' span (``label``) on over all the words after them and they are few and capitalised (a series' number's
    stop closes a sentence: "Valerio 2. Wallstein."); else none."""
    stop = next((k for k in range(end + 1, len(tagged)) if tagged[k].label in ("url", "doi")), len(tagged))
    after = range(end + 1, stop)
    if not after or any(tagged[k].label != label for k in after):
        return range(0)
    words = [tagged[k].token.text for k in after]
    cut = max((n + 1 for n, w in enumerate(words[:-1]) if w.endswith(".") and (len(w) > 3 or w[:-1].isdigit())),
              default=0)
    kept = words[cut:]
    if not 0 < len(kept) <= _PUBLISHER_WORDS or not all(w[:1].isupper() or w in ("+", "&", "und") for w in kept) \
            or not kept[-1].endswith("."):
        return range(0)
    return range(end + 1 + cut, stop)
