"""A rule over the tagger's labels for a title in quotes that the model cut into pieces (part of ``relabel``): the
title right after the date, as Chicago prints it in German with its own full stop inside the closing quote ("2007.
„Logik der Politik. Zur Rhetorik der Wahlen 2002 und 2005.“ In Buch, …"), where the model read the words before the
year inside as a container or as editors and the rest as the title or the container."""

from __future__ import annotations

from collections.abc import Sequence

from . import fields as F
from .tagger import Tagged

#: the most words a quoted title runs to
_RUN = 60
#: the labels the model may have cut a quoted title into
_CUT_INTO = frozenset(("title", "container", "journal", "editor", "date", "note", "publisher", "location"))


def quoted_title_after_date(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words from a quote opening right after the date to the word closing it on a stop or a comma (inside or
    after the quote), with a capitalised word after them, are the title's, where the model gave them more than one
    label: a quote the title opens with, closed on its stop, ends the title."""
    date = next((k for k, t in enumerate(tagged) if t.label == "date"), None)
    if date is None or date + 2 >= len(tagged) or any(t.label != "author" for t in tagged[:date]):
        return tagged
    start = date + 1
    closer = F.QUOTE_CLOSER.get(tagged[start].token.text[:1])
    if closer is None:
        return tagged
    words = [t.token.text for t in tagged[start:start + _RUN]]
    text = " ".join(words)
    at = F.quote_end(text, 1, closer)
    if at < 0:
        return tagged
    end = start + text.count(" ", 0, at)
    closing = tagged[end].token.text
    if not (closing.endswith((f".{closer}", f",{closer}", f"?{closer}", f"!{closer}"))
            or closing.endswith((f"{closer}.", f"{closer},"))) or end + 1 >= len(tagged) \
            or not tagged[end + 1].token.text[:1].isupper():
        return tagged
    span = tagged[start:end + 1]
    if len({t.label for t in span}) < 2 or any(t.label not in _CUT_INTO for t in span):
        return tagged
    return [t._replace(label="title") if start <= k <= end else t for k, t in enumerate(tagged)]
