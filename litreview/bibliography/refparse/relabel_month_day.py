"""A month's name and a day closing a periodical's or a site's name after its comma are the article's date: citeproc
prints a web or newspaper article's date after the name in the locale's words and order (pl-PL "Blog, czerwca 27",
the month in the genitive), and Chicago an article published online with no volume yet so ("Journal, December 20,
1–45."); the model, which knows the months of the languages it was trained on only, read the month as the name's
last word and the day as its volume or pages."""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from . import fields as F
from .tagger import Tagged

#: the labels a periodical's or a site's name may have been read with, and those its day may have
_NAME = frozenset(("journal", "container", "publisher", "note"))
_DAY = frozenset(("volume", "pages", "issue", "journal", "container", "publisher", "note"))
#: what may follow the date: nothing, or the address and the date of access
_AFTER = frozenset(("url", "doi", "urldate", "note"))
#: a page range, which an article published online before its volume may have after its date
_RANGE = lazy(r"\d{1,5}[-–]\d{1,5}")


def day_closing_name(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Two words after a comma, a month's name in any language citeproc prints (``fields.parse_date``) read as a
    name's and a day of one or two digits, at the reading's end or before its page range or its address, are the
    date (the name before the comma may have been run into the title: "“Title”. Blog, czerwca 27" with "Blog," the
    title's)."""
    for i in range(len(tagged) - 2, 0, -1):
        month, day, before = tagged[i], tagged[i + 1], tagged[i - 1]
        if month.label not in _NAME or day.label not in _DAY or not before.token.text.endswith(","):
            continue
        after = tagged[i + 2:]
        if after and after[0].label == "pages" and _RANGE.fullmatch(after[0].token.text.rstrip(".,")):
            after = after[1:]  # an online-first article's pages: "Journal, December 20, 1–45." (Chicago)
        if any(t.label not in _AFTER for t in after):
            continue
        days = day.token.text.rstrip(".,")
        date = F.parse_date(f"{month.token.text} {days}") if days.isdigit() and len(days) <= 2 else None
        if date is None or date.month is None or date.year:
            return tagged
        return [t._replace(label="date") if k in (i, i + 1) else t for k, t in enumerate(tagged)]
    return tagged
