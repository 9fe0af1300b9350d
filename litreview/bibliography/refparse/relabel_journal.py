"""Rules over the tagger's labels that find a periodical's or a book's name the model read as the title's, a
publisher's, a genre's or a note's words (part of ``relabel``): where the date, the volume, "In:" and the title's
closing stop or quote, or a medium in brackets after a site's name or the link after it, say it is there (ISO 690, DIN,
ABNT, MDPI, PubMed, Chicago's newspapers, Harvard's and Frontiers' web pages).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from . import fields as F
from .lexicon import ACCESSED, MONTHS, PUBLISHER, THESIS
from .relabel_names import RUN as _RUN
from .relabel_spans import SENTENCE_END
from .tagger import Tagged


def site_before_medium(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words between a title's closing stop and a medium in brackets ("[online]", "[en ligne]"), in a reading with no
    container and no publisher or place after the medium, are the site or periodical the page is in: ISO 690 prints a
    web page as "Title. Site [online]. 23 August 2011. [Zugriff am: …]. Verfügbar unter: URL" and "Title. Site. [en
    ligne]. 25 août 2012." (the model read the site as a genre or a note, or ran the title on over it). A title's own
    last sentence of more than a few words is left as read."""
    if any(t.label in ("container", "journal") for t in tagged):
        return tagged
    words = [t.token.text for t in tagged]
    for m in range(2, len(tagged)):
        if not words[m].startswith("[") or not F.MEDIUM.match(" ".join(words[m:m + 3])):
            continue
        if any(t.label in ("publisher", "location") for t in tagged[m:]):
            return tagged
        label, s = tagged[m - 1].label, m - 1
        while s > 0 and tagged[s - 1].label == label and m - s < _SITE_RUN and not SENTENCE_END.search(words[s - 1]):
            s -= 1
        if label not in ("genre", "note", "title") or not s or tagged[s - 1].label != "title" \
                or not SENTENCE_END.search(words[s - 1]) or (label == "title" and m - s > _SITE_RUN - 2):
            return tagged
        return [t._replace(label="container") if s <= k < m else t for k, t in enumerate(tagged)]
    return tagged


#: a place and its state's two letters closing a sentence ("Ann Arbor, MI.")
_PLACE_STATE = lazy(r",\s+[A-Z]{2}\.?$")
#: the most words of a site's name before its medium (a title's last sentence, at most two fewer)
_SITE_RUN = 6


def site_before_access(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A short sentence read as a genre's or a note's words between a title's closing stop and the link or the phrase
    that opens it ("Available at:", "Retrieved from"), a medium in brackets before it or not, in a reading with no
    container, publisher or place, is the site the page is in: Frontiers' "Title. TheEuropean. Available at: URL",
    Harvard's "Title. [online] NachDenkSeiten. Available at: <URL>" (the model read the site's name as a genre). Not a
    kind of work ("Working paper.", "[Text].") nor a date."""
    if any(t.label in ("container", "journal", "publisher", "location") for t in tagged):
        return tagged
    words = [t.token.text for t in tagged]
    a = next((k for k, t in enumerate(tagged) if t.label == "url"
              or (t.label == "note" and words[k].casefold().rstrip(":") in ACCESSED)), 0)
    if a < 2 or tagged[a - 1].label not in ("genre", "note") or not SENTENCE_END.search(words[a - 1]):
        return tagged
    label, s = tagged[a - 1].label, a - 1
    while s > 0 and tagged[s - 1].label == label and a - s < _SITE_RUN and not SENTENCE_END.search(words[s - 1]):
        s -= 1
    if F.MEDIUM.match(words[s]):
        s += 1  # Harvard's "[online]" before the site's name is the medium's
    site = words[s:a]
    if not site or s < 1 or tagged[s - 1].label not in ("title", "genre") or any(
            w.startswith("[") or w.strip(".,").casefold() in THESIS or date_word(w) for w in site) \
            or F.known_place(" ".join(site).rstrip(".")) or _PLACE_STATE.search(" ".join(site)):
        return tagged  # "Ann Arbor, MI.": a place, no site
    t = s - 1 if tagged[s - 1].label == "title" else s - 2  # the title's last word, before the medium if any
    if t < 1 or tagged[t].label != "title" or not SENTENCE_END.search(words[t]) \
            or (t < s - 1 and not F.MEDIUM.match(words[t + 1])):
        return tagged
    return [x._replace(label="container") if s <= k < a else x for k, x in enumerate(tagged)]

def journal_before_date(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The last sentence of a title that a date and then the volume follow, in a reading with no container, is the
    journal: ISO 690 and DIN print "Title. Journal. 2004. Bd. 42, Nr. 1, S. 126–138", "Title. Journal. [en ligne].
    avril 2002. Vol. 13" and "Title. Journal [online]. 8 Juli 2016. Bd. 11", ABNT "Title. Journal, v. 13, n. 1" with no
    date there (the model ran the title on over the
    journal's name, or read it as a genre's or a publisher's, and the date's words into the title). With no volume, the
    pages stand for it and the sentence is the book a chapter is in: ISO 690's "Title. Book. 2011. S. 1–16", ABNT's
    "Title. Book, p. 14–28, 2005" and LNCS's "Title. Book. 35–48 (2011)" print it with no "In:" (not a publisher's
    name, which styles print before the pages: "In: Book. Springer, pp. 225–249")."""
    if any(t.label in ("container", "journal") for t in tagged):
        return tagged
    v = next((k for k, t in enumerate(tagged) if t.label == "volume"), 0)
    label = "journal"
    if not v:  # no volume: a book's pages ("Title. Book. 2011. S. 1–16", "Title. Book, p. 14–28, 2005")
        v, label = next((k for k, t in enumerate(tagged) if t.label == "pages"), 0), "container"
    d = v
    while d > 0 and v - d < _RUN and tagged[d - 1].label in _DATE_LEAVES and date_word(tagged[d - 1].token.text):
        d -= 1
    start = d - 1  # the journal's last word may end with its full stop (or, before a labelled volume, a comma)
    end = d
    if label == "journal" and d < v and _LABEL_AFTER_DATE.fullmatch(tagged[v].token.text):
        end = _publisher_before(tagged, d)  # ISO 690's "Title. Journal. Springer, 2022, Vol. 127"
        start = end - 1
    if d == v:  # no date before the volume: ABNT's "Title. Journal, v. 13, n. 1" labels it after the comma
        if start < 1 or not _labelled_after(tagged[start].token.text, tagged[v].token.text, label):
            return tagged
    elif not any(F.YEAR_RE.search(t.token.text) for t in tagged[d:v]) or tagged[start].token.text[-1:] in ",:;" \
            or (end < d and not SENTENCE_END.search(tagged[start].token.text)):
        return tagged  # "Technical report, Highway Loss Data Institute, April 2012. Vol. 29": a report's body
    leaves = _JOURNAL_LEAVES if label == "journal" else _BOOK_LEAVES
    if start < 1 or tagged[start].label not in leaves:
        return tagged
    while start > 0 and end - start < _RUN and tagged[start - 1].label in leaves \
            and not SENTENCE_END.search(tagged[start - 1].token.text):
        start -= 1
    if not start or tagged[start - 1].label != "title" \
            or not SENTENCE_END.search(tagged[start - 1].token.text):
        return tagged
    out = list(tagged)
    out[start:end] = [t._replace(label=label) for t in tagged[start:end]]
    out[d:v] = [t._replace(label="note" if _MEDIUM_WORD.fullmatch(t.token.text) else "date") for t in tagged[d:v]]
    return out


def _publisher_before(tagged: Sequence[Tagged], d: int) -> int:
    """Where a publisher's one sentence, closed by a comma, starts right before the date at ``d`` (``d`` if there is
    none there)."""
    if not tagged[d - 1].token.text.endswith(",") or tagged[d - 1].label != "publisher":
        return d
    p = d - 1
    while p > 0 and d - p < _RUN and tagged[p - 1].label == "publisher" and not tagged[p - 1].token.text.endswith("."):
        p -= 1
    return p if p > 1 and tagged[p].token.text[:1].isupper() else d


def _labelled_after(last: str, number: str, label: str) -> bool:
    """A journal's volume labelled after its comma ("Journal, v. 13"), or a book's pages labelled after its comma or
    its full stop ("Book, p. 14–28", "Book. p.38–45")."""
    if label == "journal":
        return last.endswith(",") and bool(_VOLUME_LABEL.fullmatch(number))
    closed = bool(SENTENCE_END.search(last))
    if _PAGE_LABEL.fullmatch(number) or F.GLUED_PAGES.fullmatch(number):
        return closed or last.endswith(",")
    return closed and bool(_RANGE.fullmatch(number))


#: a page range with no label ("35–48.")
_RANGE = lazy(r"\d+[-–]\d+[.,]?")


def journal_read_as_publisher(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A publisher's span (with a place in parentheses after it) right before the volume, after the title's full
    stop, in a reading with no container, is the journal: PubMed's "Title. Lancet (London, England) 337(8746):
    867–872.", and AMA's and ISO 690's "Lancet (London, England). 2020;395(10223):497-506." with the name's closing stop
    (a journal's name that holds its place; the model read it as a publisher and its place)."""
    if any(t.label in ("container", "journal") for t in tagged):
        return tagged
    v = next((k for k, t in enumerate(tagged) if t.label == "volume"), 0)
    while v > 0 and tagged[v - 1].label == "date" and tagged[v - 1].token.text[-1:] in ",;":
        v -= 1  # MDPI's "Journal 1991, 337, 867–872"
    end = v
    while end > 0 and tagged[end - 1].label == "location" and v - end < 3:
        end -= 1
    if end < v and not (tagged[end].token.text.startswith("(") and tagged[v - 1].token.text.rstrip(",.").endswith(")")):
        return tagged  # a place after a publisher, not one in parentheses in a journal's name
    start = end
    while start > 0 and end - start < _RUN and tagged[start - 1].label == "publisher":
        start -= 1
    if start == end or not start or tagged[start - 1].label != "title" \
            or not SENTENCE_END.search(tagged[start - 1].token.text):
        return tagged
    return [t._replace(label="journal") if start <= k < v else t for k, t in enumerate(tagged)]


def publisher_after_journal(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The last sentence of a journal's span, closed by a comma before the date that a labelled volume or page
    follows, is the article's publisher (a place before its colon the location): ISO 690 prints "Title. Journal.
    Springer, 2006, Vol. 560, nᵒ 1, p. 93–108" and "Journal. Los Alamitos : IEEE Press, 2003, Vol. 20", and "Journal.
    2021, Vol. 199" with no publisher (the model, or the rule above, ran the journal on over the publisher's name); after
    the journal's medium, "Journal [en ligne]. Routledge, 2019, Vol. 46", the words the model read as a note's."""
    v = next((k for k, t in enumerate(tagged) if t.label in ("volume", "pages")), 0)
    d = v  # the date before the labelled volume ("2019," the model may have read as a note's)
    while d > 0 and v - d < 3 and tagged[d - 1].label in ("date", "note") and _year_or_month(tagged[d - 1].token.text):
        d -= 1
    if d == v or not d or not _LABEL_AFTER_DATE.fullmatch(tagged[v].token.text) \
            or not tagged[v - 1].token.text.endswith(",") or tagged[d - 1].label not in _BEFORE_DATE \
            or not tagged[d - 1].token.text.endswith(","):
        return tagged
    label = tagged[d - 1].label
    if label in ("note", "publisher"):  # after the journal's medium: "Journal [en ligne]. Routledge, 2019, Vol. 46"
        k = d - 1
        while k > 0 and d - k < _RUN and tagged[k - 1].label in ("note", "publisher") \
                and not _MEDIUM_WORD.fullmatch(tagged[k - 1].token.text):
            k -= 1
        m = k
        while m > 0 and k - m < 2 and _MEDIUM_WORD.fullmatch(tagged[m - 1].token.text):
            m -= 1
        if m == k or not m or tagged[m - 1].label not in ("journal", "container") \
                or not tagged[k - 1].token.text.endswith("."):
            return tagged
        s = k = k - 1
    else:
        s = d - 1
        while s > 0 and d - s < 2 * _RUN and tagged[s - 1].label == label:
            s -= 1
        k = next((k for k in range(d - 2, s - 1, -1) if SENTENCE_END.search(tagged[k].token.text)), -1)
    if k < s or any(t.token.text.rstrip(",").endswith(".") for t in tagged[k + 1:d]) \
            or not tagged[k + 1].token.text[:1].isupper() or tagged[k].token.text.rstrip(".")[-1:].isdigit() \
            or F.PERIODICAL.search(" ".join(t.token.text for t in tagged[k + 1:d])):
        return tagged  # no sentence before the comma, an abbreviated name's words ("Phys. Rev. Lett.,") or a
        # proceedings' ("OCEANS, 2005. Proceedings of MTS/IEEE, September 2005")
    colon = next((j for j in range(k + 1, d) if tagged[j].token.text.endswith(":")), 0)
    out = list(tagged)
    for j in range(k + 1, d):
        out[j] = tagged[j]._replace(label="location" if j <= colon else "publisher")
    out[d:v] = [t._replace(label="date") for t in tagged[d:v]]
    return out


#: what the words before an article's date may have been read as: the journal's, or after the journal's medium, a
#: note's or a publisher's
_BEFORE_DATE = frozenset(("journal", "container", "note", "publisher"))


#: the label of a volume, a number or the pages
_LABEL_AFTER_DATE = lazy(rf"(?i)(?:{F.VOLUME_LABEL}|{F.PAGE_LABEL}|n[ᵒo°]\.?|núm\.)")


def periodical_before_its_day(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words between a title closed by its quote and a month and day, closed by a comma, are the periodical's
    name, in a reading with no container: Chicago's "“Title.” Daily Nation, December 4." and "“Title.”
    openDemocracy, June 27." (a newspaper's or a site's issue of that day; the model read the name as a note's, a
    date's or a publisher's words)."""
    if any(t.label in ("container", "journal") for t in tagged):
        return tagged
    for i in range(1, len(tagged) - 2):
        if tagged[i - 1].label != "title" or tagged[i].label == "title" \
                or not tagged[i - 1].token.text.endswith(("”", "»", '"')):
            continue
        j = i
        while j < len(tagged) - 2 and j - i < _RUN and tagged[j].label in _NAME_LEAVES \
                and not tagged[j].token.text.endswith(","):
            j += 1
        if j + 2 >= len(tagged):
            break
        month, day = tagged[j + 1].token.text, tagged[j + 2].token.text
        if tagged[j].label in _NAME_LEAVES and tagged[j].token.text.endswith(",") \
                and month.strip(".,").casefold() in MONTHS and day.strip(".,").isdigit() and len(day.strip(".,")) <= 2:
            out = list(tagged)
            out[i:j + 1] = [t._replace(label="journal") for t in tagged[i:j + 1]]
            out[j + 1:j + 3] = [t._replace(label="date") for t in tagged[j + 1:j + 3]]
            return out
        break
    return tagged


#: a volume's number ("97,", "12.")
VOLUME = lazy(r"\d{1,4}[.,]?")
#: labels a periodical's name after a quoted title may have been read as
_NAME_LEAVES = frozenset(("note", "date", "publisher", "genre", "location"))


#: a volume's label as a word of its own ("v.", "Vol.", "Bd.")
_VOLUME_LABEL = lazy(rf"(?i)(?:{F.VOLUME_LABEL})")
#: a page's label as a word of its own ("p.", "pp.", "S.")
_PAGE_LABEL = lazy(rf"(?i)(?:{F.PAGE_LABEL})")
#: labels a journal's name may have been read as after the title (the title's, a genre's, a publisher's)
_JOURNAL_LEAVES = frozenset(("title", "genre", "publisher"))
#: those a book's name may have been read as before its pages (a publisher's name is printed there: "Springer, pp. 5–9")
_BOOK_LEAVES = frozenset(("title", "genre"))
#: labels a date's words before the volume may have been read as
_DATE_LEAVES = frozenset(("date", "title", "genre", "note", "publisher"))
#: ISO 690's medium before the date, as one or two words ("[online].", "[en", "ligne].")
_MEDIUM_WORD = lazy(r"(?i)\[?(?:online|en|em|ligne|l[ií]nea|linha|internet)\]?[.,]?")


def _year_or_month(text: str) -> bool:
    word = text.strip("()[].,;:").casefold()
    return word in MONTHS or bool(F.YEAR_ONLY.fullmatch(word))


def date_word(text: str) -> bool:
    """A word of a printed date (a day, a month in any language, a year) or of the medium printed before it."""
    word = text.strip("()[].,;:").casefold()
    return bool(word in MONTHS or F.YEAR_ONLY.fullmatch(word) or (word.isdigit() and len(word) <= 2)
                or _MEDIUM_WORD.fullmatch(text))


def date_closing_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words of a date (a year, a month, a season) closing a container's span after its comma or its full stop
    are the date's: "In: Conference on Data Mining, 2013, pp. 160–172" and "The Encyclopedia of Philosophy. Winter
    2011." (the model ran the book's name on over the year or the season; a year printed with no delimiter, "Neural
    Information Processing Systems 2012", may be the name's), and a medium alone before the date (ISO 690 in English:
    "Journal of Soil Science. Online. 2011. Vol. 42"). So is the word that opens a page's date of publication
    after the site's name ("The Guardian. Published March 3, 2021.")."""
    out = list(tagged)
    for i, t in enumerate(tagged):
        if t.label not in ("container", "journal") or (i + 1 < len(tagged) and tagged[i + 1].label == t.label):
            continue
        j = i  # the span's last word that is no date's
        while j > 0 and i - j < 3 and tagged[j].label == t.label and date_word(tagged[j].token.text):
            j -= 1
        last = tagged[j].token.text
        if j < i and tagged[j].label == t.label and (last.endswith(",") or SENTENCE_END.search(last)) \
                and (any(_year_or_month(x.token.text) for x in tagged[j + 1:i + 1])  # not a volume's "15"
                     or (i + 1 < len(tagged) and tagged[i + 1].label == "date"  # a medium alone before the date
                         and all(_MEDIUM_WORD.fullmatch(x.token.text) for x in tagged[j + 1:i + 1]))):
            out[j + 1:i + 1] = [x._replace(label="date") for x in tagged[j + 1:i + 1]]
        elif i and i + 1 < len(tagged) and tagged[i + 1].label == "date" and t.token.text.casefold() in _DATE_LEADS \
                and tagged[i - 1].label == t.label and SENTENCE_END.search(tagged[i - 1].token.text):
            out[i] = t._replace(label="date")  # AMA's "The Guardian. Published March 3, 2021.": the date's word
    return out


def year_closing_meetings_name(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A year printed right after a container's last word, with no delimiter between, and read as the date, is the
    name's where the reference prints its date elsewhere too: "Neural Information Processing Systems 2012, December
    2012." and, author-date, "2012. Title. Neural Information Processing Systems 2012. [Online]." (a meeting named
    with its year). A journal's name before the year of an article that prints no other ("Nature 2012, 485, 1–9")
    keeps it as its date."""
    for i in range(1, len(tagged)):
        t, before = tagged[i], tagged[i - 1]
        if t.label != "date" or before.label not in ("container", "journal") or before.token.text[-1:] in ",.;:)" \
                or F.YEAR_ONLY.fullmatch(t.token.text.rstrip(".,;:")) is None:
            continue
        if any(k != i and x.label == "date" and F.YEAR_ONLY.fullmatch(x.token.text.strip("()[].,;:")) is not None
               for k, x in enumerate(tagged)):
            return [x._replace(label=before.label) if k == i else x for k, x in enumerate(tagged)]
        return tagged
    return tagged


#: the word a web page's date of publication or update opens with, after the site's name
_DATE_LEADS = frozenset(("published", "updated", "posted", "publié", "publiziert", "veröffentlicht", "publicado"))


#: NLM's, SAGE's and AMA's mark of an article published online first ("Journal. Epub ahead of print 2016.")
AHEAD_OF_PRINT = lazy(r"(?i)\[?\b(?:e-?pub(?:lished)?|published online)\s+ahead\s+of\s+print\b\]?")
#: the most words of a journal's name before "Epub ahead of print" ("Annals of the New York Academy of Sciences.")
_JOURNAL_RUN = 10


def journal_before_ahead_of_print(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """The last sentence of a title right before "Epub ahead of print" (``AHEAD_OF_PRINT``), in a reading with no
    container, is the journal: SAGE prints an article with no volume yet "Doe J (1980) Title. Cognitive psychology.
    Epub ahead of print 1980." (the model ran the title on over the journal's name). The sentence opens with a capital
    and the title has a sentence of its own before it."""
    if any(t.label in ("container", "journal") for t in tagged) or (m := AHEAD_OF_PRINT.search(text)) is None:
        return tagged
    a = next((k for k, t in enumerate(tagged) if t.token.start >= m.start()), None)
    words = [t.token.text for t in tagged]
    if a is None or a < 2 or tagged[a - 1].label != "title" or not SENTENCE_END.search(words[a - 1]):
        return tagged
    s = a - 1
    while s > 0 and tagged[s - 1].label == "title" and a - s < _JOURNAL_RUN and not SENTENCE_END.search(words[s - 1]):
        s -= 1
    if s < 1 or tagged[s - 1].label != "title" or not SENTENCE_END.search(words[s - 1]) or not words[s][:1].isupper():
        return tagged
    return [t._replace(label="journal") if s <= k < a else t for k, t in enumerate(tagged)]


def journal_before_bare_year(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A publisher's span after the title's stop, run into the year with no stop, comma or semicolon between them and
    closing the reference, in a reading with no container, place, volume or pages, is the journal: Vancouver prints an
    article with no volume "Doe J. Title. Philosophical Topics 2000." and a book "Title. Place: Publisher; 2000.", MDPI
    a book "Publisher: Place, 2000". Not a name with a publisher's word ("Oxford University Press 2003")."""
    if any(t.label in ("container", "journal", "location", "volume", "pages") for t in tagged) or len(tagged) < 3:
        return tagged
    y = len(tagged) - 1
    year, before = tagged[y].token.text, tagged[y - 1].token.text
    if tagged[y].label != "date" or not F.YEAR_ONLY.fullmatch(year.rstrip(".")) or tagged[y - 1].label != "publisher" \
            or not before[-1:].isalnum():
        return tagged
    s = y - 1
    while s > 0 and tagged[s - 1].label == "publisher":
        s -= 1
    if s < 1 or tagged[s - 1].label != "title" or not SENTENCE_END.search(tagged[s - 1].token.text) \
            or any(t.token.text.strip(".,;:()").casefold() in PUBLISHER for t in tagged[s:y]):
        return tagged
    return [t._replace(label="journal") if s <= k < y else t for k, t in enumerate(tagged)]
