"""Rules over the tagger's labels that find a periodical's or a book's name the model read as the title's, a
publisher's, a genre's or a note's words (part of ``relabel``): where the date, the volume, "In:" and the title's
closing stop or quote, or a medium in brackets after a site's name, say it is there (ISO 690, DIN, ABNT, MDPI, PubMed, Chicago's
newspapers).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from ...locale_terms import NO_DATE
from . import fields as F
from .lexicon import EDITOR, IN, MONTHS
from .names import FUNCTION_WORDS
from .relabel_names import RUN as _RUN
from .relabel_numbers import PAGE_RUN
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


#: the most words of a site's name before its medium (a title's last sentence, at most two fewer)
_SITE_RUN = 6

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
    while d > 0 and v - d < _RUN and tagged[d - 1].label in _DATE_LEAVES and _date_word(tagged[d - 1].token.text):
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
_VOLUME = lazy(r"\d{1,4}[.,]?")
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


def _date_word(text: str) -> bool:
    """A word of a printed date (a day, a month in any language, a year) or of the medium printed before it."""
    word = text.strip("()[].,;:").casefold()
    return bool(word in MONTHS or F.YEAR_ONLY.fullmatch(word) or (word.isdigit() and len(word) <= 2)
                or _MEDIUM_WORD.fullmatch(text))


def date_closing_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words of a date (a year, a month, a season) closing a container's span after its comma or its full stop
    are the date's: "In: Conference on Data Mining, 2013, pp. 160–172" and "The Encyclopedia of Philosophy. Winter
    2011." (the model ran the book's name on over the year or the season; a year printed with no delimiter, "Neural
    Information Processing Systems 2012", may be the name's). So is the word that opens a page's date of publication
    after the site's name ("The Guardian. Published March 3, 2021.")."""
    out = list(tagged)
    for i, t in enumerate(tagged):
        if t.label not in ("container", "journal") or (i + 1 < len(tagged) and tagged[i + 1].label == t.label):
            continue
        j = i  # the span's last word that is no date's
        while j > 0 and i - j < 3 and tagged[j].label == t.label and _date_word(tagged[j].token.text):
            j -= 1
        last = tagged[j].token.text
        if j < i and tagged[j].label == t.label and (last.endswith(",") or SENTENCE_END.search(last)) \
                and any(_year_or_month(x.token.text) for x in tagged[j + 1:i + 1]):  # not a volume's "15"
            out[j + 1:i + 1] = [x._replace(label="date") for x in tagged[j + 1:i + 1]]
        elif i and i + 1 < len(tagged) and tagged[i + 1].label == "date" and t.token.text.casefold() in _DATE_LEADS \
                and tagged[i - 1].label == t.label and SENTENCE_END.search(tagged[i - 1].token.text):
            out[i] = t._replace(label="date")  # AMA's "The Guardian. Published March 3, 2021.": the date's word
    return out


#: the word a web page's date of publication or update opens with, after the site's name
_DATE_LEADS = frozenset(("published", "updated", "posted", "publié", "publiziert", "veröffentlicht", "publicado"))


def book_after_in(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words of a title span after a full stop or a comma and "In:" are the book the chapter is in, in a reading
    with no container: "Title. In: The Rhythm of Modernization: How Values Change over Time. Brill, 2021." and
    Copernicus's "Title, in: Book, edited by: …" (the model ran the title on over the book's name)."""
    if any(t.label in ("container", "journal") for t in tagged):
        return tagged
    for i in range(1, len(tagged) - 2):
        if (spaced := _in_spaced_colon(tagged, i)) is not None:
            return spaced
    for i in range(1, len(tagged) - 1):
        if tagged[i].label == "title" and tagged[i - 1].label == "title" and tagged[i].token.text in _IN_COLON \
                and (SENTENCE_END.search(tagged[i - 1].token.text) or tagged[i - 1].token.text.endswith(",")) \
                and tagged[i + 1].label == "title":
            j = i + 1
            while j < len(tagged) and tagged[j].label == "title":
                j += 1
            return [t._replace(label="container") if i <= k < j else t for k, t in enumerate(tagged)]
    return tagged


_IN_COLON = frozenset(("In:", "IN:", "in:"))
#: what the words of a book's name after "Dans :" may have been read as (the title's, or an imprint's)
_BOOK_AFTER_IN = frozenset(("title", "publisher", "location", "genre", "note"))


def _in_spaced_colon(tagged: Sequence[Tagged], i: int) -> list[Tagged] | None:
    """With ``tagged[i]`` a capitalised "In", "Dans", "En" and a colon apart after it (French typography: ISO 690's "Title.
    Dans : Book. [S.l.] : Publisher"), after the title's full stop or comma: those words and the book's name up to its
    full stop relabelled as the container (the model read them as the title's, or the name as a publisher and "Dans :"
    as a place); None where it is not so."""
    word, prev = tagged[i].token.text, tagged[i - 1]
    if not word[:1].isupper() or word.casefold() not in IN or tagged[i + 1].token.text != ":" \
            or prev.label != "title" or not (SENTENCE_END.search(prev.token.text) or prev.token.text.endswith(",")):
        return None
    j = i + 2
    while j < len(tagged) and j - i <= 2 * _RUN and tagged[j].label in _BOOK_AFTER_IN:
        if SENTENCE_END.search(tagged[j].token.text):
            return [t._replace(label="container") if i <= k <= j else t for k, t in enumerate(tagged)]
        j += 1
    return None


def quoted_name_after_in(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A quoted name that closes a title span after a comma and "in" is the journal or the book the item is in, in a
    reading with no container elsewhere: Italian styles' "Title, in «Rivista», 97 (2002), pp. 431–456" and "Title, in
    “Book”, a cura di …" (the model ran the title on over the name in its quotes), also where it read the name's last
    words alone as the journal's ("in «SIGCSE | Bull.»", "in «Future Generation Comp. | Syst.»"): the whole name is."""
    named = [k for k, t in enumerate(tagged) if t.label in ("container", "journal")]
    for i in range(1, len(tagged) - 1):
        opener = tagged[i + 1].token.text[:1]
        if tagged[i].label == "title" and tagged[i - 1].label == "title" and tagged[i].token.text in IN \
                and tagged[i - 1].token.text.endswith(",") and tagged[i + 1].label == "title" \
                and opener in F.QUOTE_CLOSER and opener != "‘":
            closer, j = F.QUOTE_CLOSER[opener], i + 1
            while j < len(tagged) and j - i <= 3 * _RUN and closer not in tagged[j].token.text[1 if j == i + 1 else 0:]:
                j += 1
            m = j + 1  # a volume the model ran the title on over ("in «Rivista», 97 (2002)")
            while m < len(tagged) and m - j <= 2 and tagged[m].label == "title" and _VOLUME.fullmatch(tagged[m].token.text):
                m += 1
            if j == len(tagged) or (m < len(tagged) and tagged[m].label == "title"):
                return tagged
            labels = {t.label for t in tagged[i + 1:j + 1]} - {"title"}
            if len(labels) > 1 or labels - {"container", "journal"} or any(not i < k <= j for k in named):
                return tagged
            label = labels.pop() if labels else "container"
            return [t._replace(label=label) if i <= k <= j else t._replace(label="volume") if j < k < m else t
                    for k, t in enumerate(tagged)]
    return tagged


def title_before_in_quoted_name(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The container's words before ", in" and a quoted name, right after the title, are the title's: Italian styles
    print "Title, in «Journal», 79 (2006)", and the model opened the container at a title's last words that start with
    "in" ("… countryside woodlands | in Great Britain, in «Forestry»"); the name in its quotes after "in" is the
    container."""
    for i in range(2, len(tagged) - 1):
        word = tagged[i].token.text
        if word not in IN or not tagged[i - 1].token.text.endswith(",") \
                or tagged[i + 1].token.text[:1] not in F.QUOTE_CLOSER or tagged[i + 1].token.text[:1] == "‘":
            continue
        label = tagged[i].label
        if label not in ("container", "journal") or tagged[i + 1].label != label:
            return tagged
        s = i
        while s > 0 and i - s < _RUN and tagged[s - 1].label == label:
            s -= 1
        if s == i or not s or tagged[s - 1].label != "title":
            return tagged
        return [t._replace(label="title") if s <= k < i else t for k, t in enumerate(tagged)]
    return tagged


def container_after_quoted_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The capitalised words after a title's closing quote and its comma, read as the title's, that the journal or
    the book the model read follows, are that name's first words: Bologna's "«Title», Perspectives on | Psychological
    Science, vol. 15" and "«Title», Religion, | Brain & Behavior, vol. 11" (a name with a comma or a function word,
    which the model opened late; a quoted title ends at its quote)."""
    start = next((k for k, t in enumerate(tagged) if t.label == "title"), None)
    if start is None or tagged[start].token.text[:1] not in _TITLE_CLOSER:
        return tagged
    closer = _TITLE_CLOSER[tagged[start].token.text[0]]
    end = start
    while end < len(tagged) and tagged[end].label == "title" and closer not in tagged[end].token.text[1:]:
        end += 1
    if end + 1 >= len(tagged) or tagged[end].label != "title" or not tagged[end].token.text.endswith(closer + ","):
        return tagged
    j = end + 1
    while j < len(tagged) and j - end <= _RUN and tagged[j].label == "title":
        j += 1
    if j == end + 1 or j == len(tagged) or tagged[j].label not in ("container", "journal") \
            or not tagged[end + 1].token.text[:1].isupper() or any("(" in t.token.text for t in tagged[end + 1:j]):
        return tagged  # "«Title», Giorgio Colli (a cura di), Book": the editors' names and their role
    return [t._replace(label=tagged[j].label) if end < k < j else t for k, t in enumerate(tagged)]


def title_to_its_quote(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words after a title opened by a quote, up to the word that closes the quote, are the title's where the model
    read them as the container's or the journal's: MHRA's "‘Datenbasierte Schulentwicklung. Editorial.’, Journal …"
    and "‘Aggregation Issues of Spatial Information in Environmental Research’, International Journal …" (the model
    closed the title at a full stop or a function word inside the quotes; a quoted title ends at its quote)."""
    start = next((k for k, t in enumerate(tagged) if t.label == "title"), None)
    if start is None or tagged[start].token.text[:1] not in _TITLE_CLOSER:
        return tagged
    closer = _TITLE_CLOSER[tagged[start].token.text[0]]
    end = start
    while end < len(tagged) and tagged[end].label == "title":
        if _closes(tagged[end].token.text, closer, end == start):
            return tagged  # the model closed the title at its quote
        end += 1
    j = end
    while j < len(tagged) and j - end < _RUN and tagged[j].label in ("container", "journal"):
        if _closes(tagged[j].token.text, closer, False):
            if j + 1 < len(tagged) and tagged[j + 1].label == tagged[j].label:  # the name goes on after the quote
                return [t._replace(label="title") if end <= k <= j else t for k, t in enumerate(tagged)]
            return tagged
        j += 1
    return tagged


def bracket_opening_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The word before the title that opens a square bracket the title's words close, and nothing closes before, is the
    title's first: NLM prints a title translated into English in square brackets ("Doe J. [Letter: The defense of
    French medical publications. I protest!]. Journal"), whose first word the model read as the names' last."""
    start = next((k for k, t in enumerate(tagged) if t.label == "title"), 0)
    if not start or not tagged[start - 1].token.text.startswith("[") or "]" in tagged[start - 1].token.text:
        return tagged
    end = start
    while end < len(tagged) and tagged[end].label == "title" and "]" not in tagged[end].token.text:
        end += 1
    if end == len(tagged) or tagged[end].label != "title" or "[" in "".join(t.token.text for t in tagged[start:end + 1]):
        return tagged
    return [t._replace(label="title") if k == start - 1 else t for k, t in enumerate(tagged)]


#: what closes a title opened by a quote, or by the square bracket of NLM's title translated into English
_TITLE_CLOSER = {**F.QUOTE_CLOSER, "[": "]"}


def _closes(word: str, closer: str, first: bool) -> bool:
    """``word`` ends with the quote ``closer`` (and a stop or a comma after it); an opening word closes only past its
    own opening quote."""
    core = word.rstrip(".,;:")
    return core.endswith(closer) and (not first or len(core) > 1)


def abbreviation_opening_journal(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """An abbreviated word after the title's last comma or closing stop, right before a journal's span that opens with
    another, is the journal's first word: Copernicus's "Title, Scand. | J. Trauma Resusc. Emerg. Med., 31" and "Title,
    Angew. | Chem. Int. Ed., 45", Vancouver's "Ring currents. Prog. | Nucl. Magn. Reson. Spectrosc. 36" (the model read it
    as the title's)."""
    for k in range(1, len(tagged) - 1):
        if tagged[k + 1].label == "journal" and tagged[k].label == "title":
            before = tagged[k - 1].token.text
            if tagged[k - 1].label == "title" and (before.endswith(",") or (
                    SENTENCE_END.search(before) is not None and not _ABBREVIATION.fullmatch(before))) \
                    and _ABBREVIATION.fullmatch(tagged[k].token.text) \
                    and _ABBREVIATION.fullmatch(tagged[k + 1].token.text.rstrip(",")):
                return [t._replace(label="journal") if n == k else t for n, t in enumerate(tagged)]
            break
    return tagged


#: a word abbreviated with a stop in a journal's name ("J.", "Scand.", "Chem.")
_ABBREVIATION = lazy(r"[A-ZÀ-Þ][a-zà-ÿ]{0,7}\.")


def arxiv_preprint(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """"arXiv preprint arXiv:1706.03762" (the journal Google Scholar's and arXiv's BibTeX give a preprint, printed as any
    journal's name) is the journal, whatever the model read its words as: printed in lower case, as styles that keep a
    name's case do, the model ran the title on over it or read it as a note's."""
    m = _ARXIV.search(text) if "xiv" in text or "Xiv" in text or "XIV" in text else None
    if m is None:
        return tagged
    inside = [t.token.start < m.end() and t.token.end > m.start() for t in tagged]  # "«arXiv" holds its quote
    if any(t.label in ("container", "journal") and not within for t, within in zip(tagged, inside, strict=True)):
        return tagged
    return [t._replace(label="journal") if within and t.label in _ARXIV_LEAVES else t
            for t, within in zip(tagged, inside, strict=True)]


_ARXIV = lazy(r"(?i)\barxiv\s+preprint\s+arxiv\s*:\s*[\w./-]*\w")
#: what the words of "arXiv preprint arXiv:…" may have been read as
_ARXIV_LEAVES = frozenset(("title", "note", "genre", "publisher", "container", "journal", "volume", "pages", "url"))


def initials_closing_journal(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Capital letters with their stops ("U. S. A.") right after an abbreviated journal's name, which the model read as
    a publisher's or a place's words, are the name's last words when the date, the volume or the pages follow: ISO 690's
    and Cell's "Proc. Natl. Acad. Sci. U. S. A. 2019, vol. 116" (no publisher's name is initials alone)."""
    out = list(tagged)
    for i in range(1, len(tagged) - 1):
        head = tagged[i - 1]
        if head.label not in ("journal", "container") or tagged[i].label not in ("publisher", "location") \
                or not _ABBREVIATION.fullmatch(head.token.text):
            continue
        j = i
        while j < len(tagged) and j - i < 4 and tagged[j].label == tagged[i].label and _INITIAL.fullmatch(tagged[j].token.text):
            j += 1
        if j - i >= 2 and j < len(tagged) and tagged[j].label in ("date", "volume", "pages") \
                and (j == len(tagged) - 1 or tagged[j].label != tagged[i].label):
            out[i:j] = [t._replace(label=head.label) for t in tagged[i:j]]
    return out


#: one capital letter and its stop (a comma after the last one)
_INITIAL = lazy(r"[A-Z]\.,?")


def qualifier_closing_journal(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A parenthesis right after a journal's name, closed within four words with no digit in them, before the volume,
    the pages or the date, is the name's end: NLM's journal titles tell like names apart by a place or an edition
    ("Science (New York, N.Y.) 319", "Cell Cycle (Georgetown, Tex.), 9.20", "Economics and Finance (Finance a uver),
    64(1)"), which the model read as a place's, a note's, a date's or the volume's words, also after the name's span the
    model read as a container's when the volume or the pages follow ("Lancet (London, England) 395, 497–506"). A book's
    place in parentheses after its name (MHRA's "Proceedings of the Symposium (New York, NY, USA), 2006") is no
    journal's, nor a date there ("Autism Research, n/a (n.d.)")."""
    out = list(tagged)
    for i in range(1, len(tagged) - 1):
        head, opening = tagged[i - 1], tagged[i]
        if head.label not in ("journal", "container") or not opening.token.text.startswith("(") \
                or head.token.text[-1:] in ".,;:":
            continue
        j = next((k for k in range(i, min(i + 4, len(tagged)))
                  if tagged[k].token.text.rstrip(".,;:").endswith(")")), None)
        after = tagged[j + 1].label if j is not None and j + 1 < len(tagged) else ""
        if j is None or all(t.label == head.label for t in tagged[i:j + 1]) \
                or any(t.label == "date" and (_date_word(t.token.text) or _NO_DATE_TERM.search(t.token.text))
                       for t in tagged[i:j + 1]) \
                or (after and after not in _AFTER_QUALIFIER) \
                or (head.label == "container" and after not in ("volume", "pages")):
            continue  # a book's place in parentheses is followed by its date ("Proceedings (New York, NY, USA), 2006")
        words = [t.token.text.strip("().,;:").casefold() for t in tagged[i:j + 1]]
        if any(F.DIGIT.search(w) or ":" in w for w in words) or words[0] in _NOT_QUALIFIER \
                or (len(words) == 1 and words[0] in EDITOR) or (head.label == "container" and EDITOR.intersection(words)):
            continue  # a book's editors in parentheses: "Book (R. Chellappa, ed.), pp. 131-157"
        out[i:j + 1] = [t._replace(label=head.label) for t in tagged[i:j + 1]]
    return out


_AFTER_QUALIFIER = frozenset(("volume", "pages", "date", "doi", "url"))
#: a "no date" term ("n.d.", "s.f."): a date's words, whatever the parenthesis they are in
_NO_DATE_TERM = lazy(rf"(?<!\w)(?:{NO_DATE})(?!\w)")
#: a language's, a state of publication's or an editor's mark in parentheses, not a qualifier of the name
_NOT_QUALIFIER = frozenset(("in", "en", "auf", "im", "forthcoming", "a"))


def qualified_journal_before_numbers(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A name printed as a field of its own after the title, with a parenthesis of words right after it, and then a
    journal's run of numbers ("395:497–506", "2019;365:l1234", "12(3):45", MHRA's "12.3 (2008)") is a journal's
    whole name, qualified as NLM's titles are, with no stop after it: "Lancet (London, England) 395:497–506", "BMJ
    (Clinical research ed.) 2019;365:l1234" (the model read the name as a publisher's, an editor's or the title's, the
    parenthesis as a place or an edition, the numbers as their words). MHRA prints the journal's place there before
    its "volume.issue (year)": "IEEE Internet Computing (Piscataway, NJ, USA), 12.3 (2008)", the name alone is the
    journal's. A book's place in parentheses is followed by its year alone ("Proceedings (New York, NY, USA), 2006"),
    which is no journal's run."""
    words = [t.token.text for t in tagged]
    for i in range(2, len(tagged) - 1):
        if not words[i].startswith("(") or words[i - 1][-1:] in ".,;:)":
            continue
        j = next((k for k in range(i, min(i + 4, len(tagged) - 1)) if _PAREN_CLOSE.search(words[k])), None)
        if j is None or any(F.DIGIT.search(w) for w in words[i:j + 1]) \
                or words[i].strip("(").casefold() in _NOT_QUALIFIER \
                or (i == j and words[i].strip("().,").casefold() in EDITOR) \
                or not _journal_numbers(words[j + 1], words[j + 2] if j + 2 < len(words) else ""):
            continue
        h = i - 1  # the name runs back to the field's delimiter that closes the title
        while h > 0 and i - h < _QUALIFIED_RUN and not _TITLE_CLOSE.search(words[h - 1]):
            h -= 1
        if h == 0 or not _TITLE_CLOSE.search(words[h - 1]) or tagged[h - 1].label != "title" \
                or not all(w[:1].isupper() or w.casefold() in FUNCTION_WORDS for w in words[h:i]) \
                or any(t.label in _NO_QUALIFIED_NAME for t in tagged[h:j + 2]) \
                or any(_date_word(w) or _NO_DATE_TERM.search(w) for w in words[i:j + 1]):
            continue
        out = list(tagged)
        mhra = _VOLUME_ISSUE.fullmatch(words[j + 1]) is not None
        out[h:j + 1] = [t._replace(label="location" if mhra and k >= i else "journal") for k, t in
                        enumerate(tagged[h:j + 1], h)]
        if out[j + 1].label not in ("volume", "pages"):
            out[j + 1] = out[j + 1]._replace(label="volume")
        if mhra and out[j + 2].label != "date":
            out[j + 2] = out[j + 2]._replace(label="date")
        return out
    return tagged


#: a parenthesis's last word, with the field's delimiter after it
_PAREN_CLOSE = lazy(r"\)[.,;:]?$")
#: a title's last word: its stop, comma, question or quotation mark
_TITLE_CLOSE = lazy(r"""(?:[.,?!]["”’'»]?|["”’'»][.,]?)$""")
#: at most this many words of a name before its parenthesis
_QUALIFIED_RUN = 7
#: labels no qualified journal's name, nor its numbers, is read as (a date's may be: "Science (New York, N.Y.)")
_NO_QUALIFIED_NAME = frozenset(("author", "url", "doi"))
#: a journal's run of numbers after its name: "395:497–506", "12(3):45-67", "2019;365:l1234", "12(3)."
_JOURNAL_RUN = lazy(rf"(?:{F.YEAR};)?\d{{1,4}}(?:\(\d[\w/–-]*\))?:{PAGE_RUN}"
                    rf"|{F.YEAR};\d{{1,4}}(?:\(\d[\w/–-]*\))?[.,;:]?|\d{{1,4}}\(\d[\w/–-]*\)[.,;:]?")
#: MHRA's "volume.issue" before "(year)"
_VOLUME_ISSUE = lazy(r"\d{1,4}\.\d{1,4}[.,]?")
_YEAR_IN_PARENS = lazy(rf"\({F.YEAR}\)[.,;:]?")


def _journal_numbers(word: str, after: str) -> bool:
    return bool(_JOURNAL_RUN.fullmatch(word)) or bool(_VOLUME_ISSUE.fullmatch(word) and _YEAR_IN_PARENS.fullmatch(after))



def doubted_journal_closing_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words between the title and the volume or the pages, each of which the model doubts with the journal as its
    rival, in a reading with no container, are the journal: the words closing the title after its last comma
    (Copernicus's "Title, Ecography, n/a–n/a, https://…") or a publisher's, a place's or a note's span after the title's
    stop (APA's "Title. Oikos, 101–109." for an article printed with no volume). The title's comma or stop is the field's
    end; a word the model believes its label of (a publisher's before a chapter's pages) stays."""
    out: list[Tagged] | None = None
    for i in range(2, len(tagged)):
        if tagged[i - 1].rival != "journal":  # most words have no rival: the one test passes them over
            continue
        label = tagged[i - 1].label
        if tagged[i].label not in ("volume", "pages") or label not in _DOUBTED_JOURNAL \
                or any(t.label in ("container", "journal") for t in tagged):
            continue
        start = i - 1
        while start > 0 and i - start < _RUN and tagged[start - 1].label == label \
                and not (label == "title" and tagged[start - 1].token.text.endswith(",")):
            start -= 1
        before = tagged[start - 1].token.text if start else ""
        if start < 1 or tagged[start - 1].label != "title" or not tagged[i - 1].token.text.endswith(",") \
                or not (before.endswith(",") if label == "title" else SENTENCE_END.search(before)) \
                or any(t.prob >= 0.6 or t.rival != "journal" for t in tagged[start:i]):
            continue
        out = out or list(tagged)
        out[start:i] = [t._replace(label="journal") for t in tagged[start:i]]
    return tagged if out is None else out


#: what the model may read a journal printed between the title and the numbers as
_DOUBTED_JOURNAL = frozenset(("title", "publisher", "location", "note", "genre"))
