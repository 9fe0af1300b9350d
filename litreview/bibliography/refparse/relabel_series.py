"""Rules over the tagger's labels that say which words around a container's name are no part of it, or are it (part
of ``relabel``): a reference manager's kind of entry printed before the journal ("[Journal Article]. Syst Biol",
"Journal Article, Evolution"), a proceedings' series printed after the book's name ("Proceedings of …, ICSE ’15",
"Computers Helping People with Special Needs, Lecture Notes in Computer Science"), and a site's name inside APA's
access phrase ("Retrieved May 3, 2021, from TheEuropean website: URL").
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from . import fields as F
from .relabel_journal import date_word
from .relabel_names import RUN
from .relabel_spans import SENTENCE_END
from .tagger import Tagged

_SPAN = ("container", "journal")
#: the kinds of entry reference managers export into a BibTeX ``type`` field, which styles print as the genre
#: (EndNote's and Zotero's names; one-word kinds such as "Text" are left out: a name may open with them)
_ENTRY_KINDS = frozenset(("journal article", "book section", "conference paper", "conference proceedings",
                          "electronic article", "magazine article", "newspaper article", "online multimedia"))
#: the most words of a description in brackets opening a container ("[Journal Article]")
_DESCRIPTION_RUN = 4


def kind_opening_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A kind of work opening a container's span is the genre's: in square brackets, a few capitalised words with no
    digit and no medium ("[Journal Article]. Syst Biol,"), or a reference manager's kind of entry before a comma
    ("Journal Article, Evolution,"); with the span's other words after it (or alone in it, as "Title [Journal
    Article]." printed with no journal). The model read such a description into the periodical's name."""
    i = next((k for k, t in enumerate(tagged) if t.label in _SPAN), None)
    if i is None or (i and tagged[i - 1].label == tagged[i].label):
        return tagged
    label = tagged[i].label
    end = i
    while end + 1 < len(tagged) and tagged[end + 1].label == label:
        end += 1
    words = [t.token.text for t in tagged]
    last = None
    if words[i].startswith("["):
        last = next((k for k in range(i, min(i + _DESCRIPTION_RUN, end + 1)) if "]" in words[k]), None)
        if last is not None:
            text = " ".join(words[i:last + 1])
            if not text[1:2].isupper() or F.DIGIT.search(text) or F.MEDIUM.match(text) \
                    or text.count("[") != 1 or not text.rstrip(".,;:").endswith("]"):
                last = None
    elif i + 1 <= end and words[i + 1].endswith(",") and words[i][:1].isupper() \
            and f"{words[i]} {words[i + 1][:-1]}".casefold() in _ENTRY_KINDS and i + 1 < end:
        last = i + 1
    if last is None:
        return tagged
    return [t._replace(label="genre") if i <= k <= last else t for k, t in enumerate(tagged)]


#: a proceedings' series printed after the book's name and a comma: an acronym of the conference and its year ("ICSE
#: ’15", "SIGCSE ’85", "FSE 2014", "ICSE companion 2014", "CHI EA ’09"); the acronym's second capital is its first
#: after the first letter (two runs of any letter each were quadratic in a long word of capitals)
_ACRONYM_YEAR = lazy(r"[A-Z](?:[^\WA-Z]|[/-])*[A-Z][\w/-]*(?: [\w/-]+)? (?:['’]\d{2}|(?:19|20)\d{2})[.,;:]?")
#: a book series of proceedings and monographs, by the words its name opens with ("Studies in …" of any field: "Studies
#: in Computational Intelligence", "Studies in Philosophy and the History of Philosophy")
_SERIES_HEAD = lazy(r"(?:Lecture Notes in|Lecture Notes of the|Advances in Intelligent Systems|Communications in "
                    r"Computer and Information Science|Studies in |IFIP Advances in|Leibniz "
                    r"International Proceedings in|CEUR Workshop Proceedings|ACM International Conference Proceeding)")
#: words of a conference's book: what the name before such a series says
PROCEEDINGS = lazy(r"(?i)\b(?:proceedings|conference|symposium|workshop|abstracts|companion|congress|meeting)\b")
#: the most words such a series runs to
_SERIES_RUN = 8


def series_closing_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words after the last comma of a conference book's span, an acronym and its year ("…, ICSE ’15,") or a series
    of proceedings or monographs ("…, Lecture Notes in Computer Science,", "Studies in Aristotle, Studies in Philosophy
    and the History of Philosophy,"), are the series' (the ``series`` field of ACM's and Springer's BibTeX entries,
    which author-date styles print after the book's name): the model ran the book's name on over them."""
    out = list(tagged)
    words = [t.token.text for t in tagged]
    for end, t in enumerate(tagged):
        if t.label not in _SPAN or (end + 1 < len(tagged) and tagged[end + 1].label == t.label):
            continue
        start = end
        while start and tagged[start - 1].label == t.label:
            start -= 1
        comma = next((k for k in range(end - 1, max(start, end - _SERIES_RUN) - 1, -1) if words[k].endswith(",")),
                     None)
        if comma is None or comma - start < 2:
            continue
        tail = " ".join(words[comma + 1:end + 1])
        if _SERIES_HEAD.match(tail) or (_ACRONYM_YEAR.fullmatch(tail)
                                        and PROCEEDINGS.search(" ".join(words[start:comma + 1]))):
            out[comma + 1:end + 1] = [x._replace(label="collection") for x in tagged[comma + 1:end + 1]]
    return out


#: the most words of a site's name between "from" and "website:"
_SITE_RUN = 8


def site_in_access_phrase(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words between "from" and "website:" before a link, in a reading with no container, are the site's name: APA's
    6th edition prints a page as "Title. Retrieved May 3, 2021, from TheEuropean website: http://…" (the model read
    the whole phrase as the note's)."""
    if any(t.label in _SPAN for t in tagged):
        return tagged
    words = [t.token.text for t in tagged]
    for k in range(2, len(tagged) - 1):
        if words[k] != "website:" or tagged[k + 1].label != "url":
            continue
        f = next((j for j in range(k - 1, max(k - _SITE_RUN, 0) - 1, -1) if words[j].casefold() == "from"), None)
        if f is None or f + 1 == k or not words[f + 1][:1].isupper() or not words[f - 1].endswith(",") \
                or any(t.label not in ("note", "title", "genre", "publisher") for t in tagged[f + 1:k]):
            return tagged
        return [t._replace(label="container") if f < j < k else t for j, t in enumerate(tagged)]
    return tagged


#: the most words of a publisher's name after the book's semicolon
_PUBLISHER_RUN = 6


def imprint_after_books_semicolon(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words after the last semicolon of a book's span, closed by a colon right before the place the model read,
    are the publisher's, and a month alone there before the date is the date's: MDPI's and ACS's "In Proceedings of
    …; ACM: New York, NY, USA, 2011; pp. 627–638." and "In Proceedings of …; August 2010;" (the model ran the book's
    name on over them; a name of a book holds no semicolon)."""
    out = list(tagged)
    words = [t.token.text for t in tagged]
    for end, t in enumerate(tagged):
        if t.label not in _SPAN or end + 1 == len(tagged) or tagged[end + 1].label == t.label:
            continue
        semi = next((k for k in range(end - 1, max(end - _PUBLISHER_RUN, 0) - 1, -1) if words[k].endswith(";")), None)
        if semi is None or tagged[semi].label != t.label or any(x.label != t.label for x in tagged[semi:end + 1]):
            continue
        after = tagged[end + 1].label
        if after == "location" and words[end].endswith(":") and words[semi + 1][:1].isupper():
            out[semi + 1:end + 1] = [x._replace(label="publisher") for x in tagged[semi + 1:end + 1]]
        elif after == "date" and semi + 1 == end and date_word(words[end]) and not F.DIGIT.search(words[end]):
            out[end] = tagged[end]._replace(label="date")
    return out


#: one-word kinds of entry, taken only where they open a span (a name may hold them: "Oxford Book Company, ")
_KIND_WORDS = frozenset(("book", "thesis", "website", "webpage"))
#: the labels the model read such a kind as, where a periodical's or a publisher's name goes
_KIND_READ_AS = frozenset(("container", "journal", "publisher", "location"))


def kind_alone(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A reference manager's kind of entry standing alone between two stops, where a journal, a book or a publisher
    goes, is the genre's: an EndNote export's ``type = {Journal Article}`` printed as CSL's genre ("…segmentation. 39.
    Journal Article: 2481–2495.", "…, abs/1505.04597, Journal Article.", "(CVPR),. Conference Proceedings, 3828–36",
    "Digital image processing. Book, Publishing House"). The model read it as the journal's, the book's or the
    publisher's name. A one-word kind is taken only where it opens the span."""
    out = list(tagged)
    words = [t.token.text for t in tagged]
    for k in range(len(tagged)):
        label = tagged[k].label
        if label not in _KIND_READ_AS or (k and not words[k - 1].endswith((".", ",", ";", ":"))):
            continue
        for n in (1, 2):
            last = k + n - 1
            if last >= len(tagged) or any(t.label != label for t in tagged[k:last + 1]) \
                    or (last + 1 < len(tagged) and not words[last].endswith((".", ",", ";", ":"))):
                continue
            kind = " ".join(words[k:last + 1]).rstrip(".,;:").casefold()
            if kind in _ENTRY_KINDS or (kind in _KIND_WORDS and (not k or tagged[k - 1].label != label)):
                out[k:last + 1] = [t._replace(label="genre") for t in tagged[k:last + 1]]
    return out


#: what may follow a book's publisher at the end of its reference: its links
_LINKS = frozenset(("doi", "url"))


def series_and_publisher_after_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A title's last sentence the model doubts with the series as its runner-up, and the name after it that the model
    read as a periodical's, closing the reference but for its links, are a book's series and its publisher: Chicago's
    "Anatomie du nazisme. Idées reçues. Le Cavalier Bleu. https://doi.org/…" (a publisher with no publisher's word,
    in a reading with no publisher and no numbers: an article's journal has its numbers)."""
    if any(t.label in ("publisher", "volume", "pages", "collection") for t in tagged):
        return tagged
    start = next((k for k, t in enumerate(tagged) if t.label in _SPAN), None)
    if start is None or start < 2 or tagged[start - 1].label != "title":
        return tagged
    end = start
    while end < len(tagged) and tagged[end].label == tagged[start].label:
        end += 1
    if end - start > RUN or not tagged[start].token.text[:1].isupper() \
            or not SENTENCE_END.search(tagged[end - 1].token.text) \
            or any(t.label not in _LINKS for t in tagged[end:]):
        return tagged
    series = start - 1  # the series' first word: after the title's last full stop but one
    while series > 0 and tagged[series - 1].label == "title" and not SENTENCE_END.search(tagged[series - 1].token.text):
        series -= 1
    if series == 0 or tagged[series - 1].label != "title" or start - series > RUN \
            or any(t.rival != "collection" for t in tagged[series:start]):
        return tagged
    return [t._replace(label="collection") if series <= k < start else t._replace(label="publisher")
            if start <= k < end else t for k, t in enumerate(tagged)]
