"""Rules over the tagger's labels that say where a publisher's or a container's span starts and ends (part of
``relabel``): a style prints each whole between its delimiters, and the model at times opened or closed the span a
word early or late, or at a word no such name starts with.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from . import fields as F
from .lexicon import (
    EDITOR,
    IN,
    JOURNAL,
    MONTHS,
    NUMBER,
    PAGES,
    PUBLISHER,
    REPOSITORY,
    THESIS,
    TRANSLATOR,
    VOLUME,
)
from .names import FUNCTION_WORDS
from .relabel_names import OPEN_WORD
from .relabel_names import RUN as _RUN
from .tagger import Tagged

#: what the model read the words of an imprint after "[place unknown]:" as
_IMPRINT_READ = {"note", "location", "publisher", "title"}


def imprint_unknown(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """An imprint printed as not known (``fields.UNKNOWN_IMPRINT``) is the note's, neither place nor publisher; the
    words after "[place unknown]:" up to the field's stop are the publisher, those up to a colon among them its place
    ("[place unknown]: Sage.", "[place unknown]: New York: Oxford University Press.", the place written into the
    entry's publisher)."""
    words = [t.token.text for t in tagged]
    for i in range(len(tagged) - 1):
        if words[i][:1] != "[" or not F.UNKNOWN_IMPRINT.fullmatch(f"{words[i]} {words[i + 1]}"):
            continue
        out = list(tagged)
        out[i], out[i + 1] = out[i]._replace(label="note"), out[i + 1]._replace(label="note")
        if words[i + 1].endswith(":") and words[i][1:].casefold() == "place":
            k = i + 2
            while k < len(out) - 1 and out[k].label in _IMPRINT_READ and not words[k].endswith((".", ",", ";")):
                k += 1
            if k < len(out) and all(t.label in _IMPRINT_READ for t in out[i + 2:k + 1]):
                colon = next((m for m in range(i + 2, k) if words[m].endswith(":")), i + 1)
                for m in range(i + 2, k + 1):
                    out[m] = out[m]._replace(label="location" if m <= colon else "publisher")
        return out
    return tagged



def publisher_after_semicolon(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words up to a semicolon that opens a publisher's span right after the title are the title's: MDPI and ACS
    print "Title; Publisher: Place, Year" ("… for Archaeologists: Tutorials; Zenodo, 2024"), and where the title runs
    on into the span (no comma or stop closes it), the words before the semicolon are no publisher's (a list of
    publishers, "University of West Grantham; University of East Grantham", follows a closed field)."""
    for i in range(1, len(tagged)):
        if tagged[i].label != "publisher" or tagged[i - 1].label == "publisher":
            continue
        before = tagged[i - 1].token.text
        if tagged[i - 1].label != "title" or before.endswith((",", ";")) or SENTENCE_END.search(before):
            break  # the title closed before the span: "Towers, University of West Grantham; University of …"
        j = i
        while j < len(tagged) - 1 and j - i < _RUN and tagged[j].label == "publisher" \
                and not tagged[j].token.text.endswith((";", ",", ".", ":")):
            j += 1
        if tagged[j].label == "publisher" and tagged[j].token.text.endswith(";") \
                and j + 1 < len(tagged) and tagged[j + 1].label == "publisher":
            return [t._replace(label="title") if i <= n <= j else t for n, t in enumerate(tagged)]
        break
    return tagged


def publisher_from_its_delimiter(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The capitalised words between a delimiter and the publisher the model read after them are the publisher's:
    every style prints the publisher whole after a comma, a full stop, a colon or a semicolon ("…, Deutscher
    Taschenbuch-Verlag", "Santa Fe, Santa Fe Institute Press", "…, John Benjamins Publishing Company"), so a
    publisher's span does not open in the middle of a run of words with no punctuation between them (the title's
    words excepted: a few styles print a title and the publisher with none between, "Digital System Design Prentice
    Hall 1987")."""
    for i in range(1, len(tagged)):
        if tagged[i].label != "publisher" or tagged[i - 1].label == "publisher":
            continue
        if not tagged[i].token.text[:1].isalpha():
            break  # "Boston - Little, Brown": the span opens at a delimiter of its own
        k = i
        while k > 0 and i - k < 3 and OPEN_WORD.fullmatch(tagged[k - 1].token.text) \
                and tagged[k - 1].label not in ("author", "date", "title"):
            k -= 1
        if k < i and k > 0 and tagged[k - 1].token.text[-1:] in _CLOSERS:
            return [t._replace(label="publisher") if k <= n < i else t for n, t in enumerate(tagged)]
        break
    return tagged


def publisher_from_its_parenthesis(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words of a publisher's span right after a title's or a book's, up to the parenthesis that opens the
    publisher and its year, are that name's: Science's and MHRA's "The Collected Works of Samuel Taylor Coleridge
    (Routledge and Kegan Paul, 1983)" and "Handbook of Zinc Oxide and Related Materials: Devices and Nano-Engineering
    (CRC Press, 2012)" print the publisher whole inside the parenthesis (the model opened the span early)."""
    for i in range(1, len(tagged)):
        if tagged[i].label != "publisher" or tagged[i - 1].label not in ("title", "container"):
            continue
        j = i
        while j < len(tagged) and j - i < _RUN and tagged[j].label == "publisher" \
                and not tagged[j].token.text.startswith("(") and tagged[j].token.text[-1:] not in _CLOSERS:
            j += 1
        if j == i or j == len(tagged) or tagged[j].label != "publisher" or not tagged[j].token.text.startswith("("):
            return tagged
        k = j
        while k < len(tagged) and tagged[k].label in ("publisher", "location") and ")" not in tagged[k].token.text:
            k += 1
        if k == len(tagged) or tagged[k].label != "date" or ")" not in tagged[k].token.text:
            return tagged  # the parenthesis closes after the year: "(Routledge and Kegan Paul, 1983)"
        return [t._replace(label=tagged[i - 1].label) if i <= n < j else t for n, t in enumerate(tagged)]
    return tagged


#: the year that closes a parenthesis holding a work's imprint ("2020)", "1983).", "2024),")
_YEAR_CLOSING = lazy(rf"{F.YEAR}[a-z]?\)[.,;:]?")
#: words no publisher's or place's name holds: a role's, an edition's, a volume's, a number's, a month's, a thesis's
NOT_IMPRINT = EDITOR | TRANSLATOR | VOLUME | NUMBER | MONTHS | THESIS | PAGES | frozenset(("edn", "edn.", "edition", "aufl.", "al"))
#: labels the words of such an imprint were read as and leave for the publisher and the place
_IMPRINT_LEAVES = frozenset(("title", "note", "author", "editor", "translator", "container", "journal", "location",
                             "publisher", "genre", "collection"))


def imprint_in_parenthesis(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A parenthesis after the words of a reference that holds a name closed by a comma and the year closing it is the
    publisher, and the words between that comma and the year its place: Science, PNAS, AIP and MHRA print a book's
    imprint as "Title (Routledge, 2020)", "Eds. (Waxmann, Münster, 2010)" with no colon (but a place and its state's
    code is a conference's place, "(Oxford, UK, 2016)"; after a publisher's name, its place, "Nodo XXI (Santiago, 2020)"), which the model, trained on "(London: Routledge, 1992)", read into
    the title, the note or the editors. No colon (the model reads that form well), role, edition, volume, month,
    "et al." or bare number is inside ("(2nd ed., 2020)", "(Feb. 25, 2026)", "(Allen et al., 1990)")."""
    words = [t.token.text for t in tagged]
    for j in range(1, len(tagged)):
        if not words[j].startswith("(") or words[j].startswith("((") or len(words[j]) < 2:
            continue
        k = j
        while k < len(tagged) and k - j < IMPRINT_RUN and ")" not in words[k]:
            k += 1
        if k == j or k == len(tagged) or not _YEAR_CLOSING.fullmatch(words[k]) or not words[k - 1].endswith(","):
            continue
        inner = [w.strip("(),.;:").casefold() for w in words[j:k]]
        if any(not w or w in NOT_IMPRINT or w.isdigit() for w in inner) or words[j][1:2] in "[(" \
                or tagged[j - 1].label == "publisher" \
                or any(":" in w for w in words[j:k]) \
                or any(t.label not in _IMPRINT_LEAVES for t in tagged[j:k]):
            continue
        commas = [m for m in range(j, k) if words[m].endswith(",")]
        starts = [j, *[m + 1 for m in commas[:-1]]]
        runs = [" ".join(words[a:b + 1]).strip("(,") for a, b in zip(starts, commas, strict=True)]
        # a place and its state's code or another place ("(Oxford, UK, 2016)"), or a place after a proceedings' title
        # ("In Proc. Conference on … (Berlin, 1996)"), is a conference's place, all of it
        where = F.known_place(runs[0]) and (tagged[j - 1].label in ("container", "journal") or (len(runs) > 1 and (
            bool(F.STATE_CODE.fullmatch(runs[1])) or F.known_place(runs[1]))))
        out = [t._replace(label="location" if where or n > commas[0] else "publisher") if j <= n < k else t
               for n, t in enumerate(tagged)]
        _title_to_imprint(out, j)
        return out
    return tagged


#: the most words an imprint in parentheses holds ("(Max Planck Institute for the Science of Human History, Jena,")
IMPRINT_RUN = 12


def _title_to_imprint(out: list[Tagged], j: int) -> None:
    """In ``out``, the words the model read as a note between a title and its imprint's parenthesis at ``j`` are the
    title's, where no stop or comma closed the title before them ("After the gig: How … and how to win it back
    (University of California Press, 2020)", the model's note opening at "to"); so are, in a reading with no title,
    those between the names' comma and the parenthesis ("S. Moran, D. McCloy, editors, PHOIBLE 2.0 (Max Planck …")."""
    i = j
    while i > 0 and j - i < _RUN and out[i - 1].label == "note":
        i -= 1
    if i == j or i == 0:
        return
    before = out[i - 1]
    titled = before.label == "title" and not before.token.text.endswith((",", ";", ":")) \
        and not SENTENCE_END.search(before.token.text)
    untitled = before.label in ("author", "editor") and before.token.text.endswith(",") \
        and not any(t.label == "title" for t in out)
    if titled or untitled:
        out[i:j] = [t._replace(label="title") for t in out[i:j]]


_IN_WORD = lazy(rf"(?i){F.IN_WORDS}:?")


def container_after_in(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A publisher's span that opens with the word a style prints before a container ("En", "In:", "Dans") and a
    capitalised word, in a reading with no container, is the container (the journal where a volume is read): ISO 690
    in Spanish prints "Title. En Women & Politics [en línea]. 1991, vol. 11" and "En Business History eJournal. 2017",
    which the model read as a publisher's; no style prints a publisher after "In"."""
    if any(t.label in ("container", "journal") for t in tagged):
        return tagged
    for i in range(len(tagged) - 1):
        if tagged[i].label != "publisher" or (i and tagged[i - 1].label == "publisher"):
            continue
        if not _IN_WORD.fullmatch(tagged[i].token.text) or tagged[i + 1].label != "publisher" \
                or not tagged[i + 1].token.text[:1].isupper():
            return tagged
        j = i
        while j < len(tagged) and tagged[j].label == "publisher":
            j += 1
        label = "journal" if any(t.label == "volume" for t in tagged) else "container"
        return [t._replace(label=label) if i <= n < j else t for n, t in enumerate(tagged)]
    return tagged


def container_inside_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words of a title's span from a capitalised "In:", or from "In" after a full stop, are the container's:
    Leeds Harvard prints a chapter's title with no stop before "In: Book", APA an entry's "Title. In Book." with no
    editors (the model ran the title on over it)."""
    i = next((i for i, t in enumerate(tagged) if t.label == "title"), -1)
    if i < 0:
        return tagged
    j = i
    while j < len(tagged) and tagged[j].label == "title":
        j += 1
    k = next((k for k in range(i + 1, j - 1) if tagged[k + 1].token.text[:1].isupper() and (
        tagged[k].token.text == "In:" or (tagged[k].token.text == "In" and SENTENCE_END.search(tagged[k - 1].token.text)))),
        0)
    if not k:
        return tagged
    label = "journal" if j < len(tagged) and tagged[j].label == "volume" else "container"
    return [t._replace(label=label) if k <= n < j else t for n, t in enumerate(tagged)]


def publisher_after_series(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The last sentence of a series' span whose words the model doubts with the publisher as their rival is the
    publisher: Chicago's "Working Paper. Working Paper Series. National Bureau of Economic Research." (a series' name
    is closed by its full stop; the body after it publishes the report)."""
    out = list(tagged)
    for i in range(1, len(tagged)):
        if tagged[i].label != "collection" or tagged[i - 1].label != "collection" \
                or not SENTENCE_END.search(tagged[i - 1].token.text):
            continue
        j = i
        while j < len(tagged) and tagged[j].label == "collection" and tagged[j].rival == "publisher":
            j += 1
        if j > i and (j == len(tagged) or tagged[j].label != "collection"):
            out[i:j] = [x._replace(label="publisher") for x in tagged[i:j]]
    return out


#: a page, a range or an article number closing a reference ("3668–3678.", "075007.", "S8.", "e0130205.")
_LAST_PAGES = lazy(r"[A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?\.?")


def publisher_before_pages(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words closed by a colon between a journal's volume and the pages that close the reference are the
    publisher, and the number after them the pages: SAGE Harvard prints "Journal 116(6). Acoustical Society of
    America: 3668–3678." and, for a publisher the record puts in brackets, "Journal 110(460). [Royal Economic
    Society, Wiley]: 92–112." (the model, which never saw a publisher there, read them as a volume's, a place's, a journal's
    or a note's words, and the pages as a note's, a publisher's or a volume's, at times with the publisher's first
    words read as such). So, after a journal's name closed by its stop, are a publisher's words ("Journal of the
    American Statistical Association. Taylor & Francis: 1–11.", "The annals of statistics. JSTOR: 1–67.": a record
    with no volume, its publisher taken from where it was found)."""
    last = len(tagged) - 1
    if last < 2 or not _LAST_PAGES.fullmatch(tagged[last].token.text) or tagged[last].label not in _PAGES_LEAVES \
            or not tagged[last - 1].token.text.endswith(":"):
        return tagged
    start = last - 1
    bracketed = tagged[start].token.text.endswith("]:")  # "[Royal Economic Society, Wiley]: 92–112."
    while start > 0 and last - start <= (2 * _RUN if bracketed else _RUN) and tagged[start - 1].label != "volume":
        if tagged[start].token.text.startswith("[") if bracketed else tagged[start - 1].token.text[-1:] in _CLOSERS:
            break
        start -= 1
    words = tagged[start:last]
    if start and not bracketed and tagged[start - 1].label == "journal" \
            and SENTENCE_END.search(tagged[start - 1].token.text) and all(t.label == "journal" for t in words) \
            and (_publishers_name([t.token.text for t in words]) or _ACRONYM.fullmatch(words[0].token.text)):
        pass  # "Journal. Taylor & Francis: 1–11."
    elif not start or tagged[start - 1].label != "volume" or not _VOLUME_CLOSED.fullmatch(tagged[start - 1].token.text) \
            or bracketed != words[0].token.text.startswith("[") \
            or any(t.label in ("url", "doi", "date") or not (t.token.text.lstrip("[")[:1].isalpha() or t.token.text == "&")
                   for t in words) or any(t.label == "publisher" for t in tagged[:start]):
        return tagged
    return [*tagged[:start], *(t._replace(label="publisher") for t in words), tagged[last]._replace(label="pages")]


#: labels the closing pages may have been read as after the publisher's colon (a note's, a publisher's, a volume's)
_PAGES_LEAVES = frozenset(("pages", "note", "publisher", "volume"))
#: a volume and its issue closed by a full stop ("116(6).", "130.")
_VOLUME_CLOSED = lazy(r"\d+(?:\([^()]+\))?\.")
#: one word in capitals closed by the colon before the pages: a publisher's acronym ("JSTOR:")
_ACRONYM = lazy(r"[A-Z]{3,}:")


def container_from_its_delimiter(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words that open a container's span after the title in lower case, up to the word a delimiter closes, are
    the title's: a journal's or a book's name opens with a capital (or with "in" after a delimiter), and Copernicus's "Title, Journal, 7, …"
    has the model split the title at a comma or a word inside it ("Meta-analysis | in clinical trials, Controlled
    clinical trials", "… for the social, | behavioral, and biomedical sciences, Behavior Research Methods")."""
    out = list(tagged)
    for i in range(1, len(tagged)):
        if tagged[i].label not in ("container", "journal") or tagged[i - 1].label != "title":
            continue
        k = i
        while k < len(tagged) and tagged[k].label == tagged[i].label and tagged[k].token.text[:1].islower() \
                and not _in_opening_name(tagged, k):
            j = k
            while j < len(tagged) and tagged[j].label == tagged[i].label and tagged[j].token.text[-1:] not in _CLOSERS:
                j += 1
            if j + 1 >= len(tagged) or tagged[j].label != tagged[i].label or tagged[j + 1].label != tagged[i].label:
                break  # no delimiter before the span ends: the words are the container's
            k = j + 1
        out[i:k] = [x._replace(label="title") for x in tagged[i:k]]
        break
    return out


def _in_opening_name(tagged: Sequence[Tagged], k: int) -> bool:
    """Whether the word at ``k`` is an "in" that opens a book's name: after a delimiter ("…, in: Book"), or before a
    capital in the same span that no stop or comma closes (Science's and PNAS's "Title in SESS ’06: Proceedings of …");
    not a title's "in" before its lower-case words ("Meta-analysis in clinical trials") or a word ending the title
    ("Juncture … reduction in English. Occasional Papers")."""
    if tagged[k].token.text.casefold() not in IN:
        return False
    if tagged[k - 1].token.text[-1:] in _CLOSERS + "”’\"»":
        return True
    return k + 1 < len(tagged) and tagged[k + 1].label == tagged[k].label and tagged[k + 1].token.text[:1].isupper() \
        and not tagged[k + 1].token.text.endswith((".", ","))  # "… reduction in English. Occasional Papers"


#: labels a publisher's last words may have been read as (not a date, a number or an identifier)
_PUBLISHER_TAIL = frozenset(("location", "note", "genre"))
#: at most this many of them ("… Publishing Group UK London.")
_TAIL_WORDS = 4


def publisher_to_its_delimiter(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words after a publisher's span that closes with no punctuation, up to the word a delimiter closes, are the
    publisher's: a style prints the publisher whole before its comma, colon or stop ("Acoustical Society of America:
    3668–3678", "University of Chicago Press: Chicago, IL", "Taylor & Francis:", "Oxford University Press, 2012");
    the model closed the span at a word it took for the place's or a note's. Unless those words are a place printed
    after the publisher with no comma (``fields.publisher_then_place``: "Springer-Verlag Berlin", "Westview Press
    Boulder, CO"), which they are not where a colon closes them and the place follows it ("R Foundation for Statistical
    Computing: Vienna, Austria") or they are the name's abbreviation in parentheses ("Oxford University Press (OUP).")."""
    out = list(tagged)
    start = 0
    for i in range(len(tagged) - 1):
        t = tagged[i]
        if t.label == "publisher" and (not i or tagged[i - 1].label != "publisher"):
            start = i
        if t.label != "publisher" or tagged[i + 1].label == "publisher" or t.token.text[-1:] in _CLOSERS:
            continue
        for j in range(i + 1, min(i + 1 + _TAIL_WORDS, len(tagged))):
            if tagged[j].label not in _PUBLISHER_TAIL:
                break
            if tagged[j].token.text[-1:] in _CLOSERS:
                name = " ".join(x.token.text for x in tagged[start:i + 1])
                tail = " ".join(x.token.text for x in tagged[i + 1:j + 1]).rstrip(_CLOSERS)
                colon = tagged[j].token.text.endswith(":") and j + 1 < len(tagged) and tagged[j + 1].label == "location"
                if colon or abbreviates(tail, name) or F.publisher_then_place(f"{name}, {tail}", ",") is None:
                    out[i + 1:j + 1] = [x._replace(label="publisher") for x in tagged[i + 1:j + 1]]
                break
    return out


def abbreviates(tail: str, name: str) -> bool:
    """``tail`` is the abbreviation of ``name`` in parentheses, its capitals the initials of the name's capitalised
    words: "(OUP)" of "Oxford University Press", "(AAAS)" of "American Association for the Advancement of Science",
    "(PLoS)" of "Public Library of Science"."""
    if not (tail.startswith("(") and tail.endswith(")")):
        return False
    capitals = "".join(c for c in tail[1:-1] if c.isupper())
    return len(capitals) > 1 and capitals == "".join(w[0] for w in name.split() if w[:1].isupper())


#: what closes a field's last word: a comma, a stop, a colon, a semicolon
_CLOSERS = ",.:;"
#: a word that ends a sentence: a full stop after a word of two letters or more, not an initial ("J.")
SENTENCE_END = lazy(r"[\w)’”»]{2,}[.?!][”»]?$")


def container_to_its_delimiter(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words after a container's span that the model closed on a word no name ends with ("of", "to", "the"), up to
    the word a delimiter closes, are the container's: "In The handbook of | narrative and psychotherapy.", "Essays
    Presented to | N. R. Ker.", "Statistics in | medicine." (the model read them as a name's, a place's, a note's or
    the date's). So are a note's or a place's words after a span closed on any other word with no delimiter, up to
    the delimiter or the number that follows them: "Journal of Child | Language, 12(3)", "Journal of cultural |
    heritage management.", "PhonLab Annual | Report 1(1)." (a style closes the name before the place it prints)."""
    out = list(tagged)
    for i in range(len(tagged) - 1):
        t = tagged[i]
        if t.label not in ("container", "journal") or tagged[i + 1].label == t.label \
                or t.token.text[-1:] in _CLOSERS + ")]":
            continue
        if t.token.text.casefold() not in FUNCTION_WORDS:
            if (j := _words_to_delimiter(tagged, i + 1)) > i:
                out[i + 1:j + 1] = [x._replace(label=t.label) for x in tagged[i + 1:j + 1]]
            continue
        for j in range(i + 1, min(i + 1 + _RUN, len(tagged))):
            word = tagged[j].token.text
            if tagged[j].label in _NOT_A_NAME or (tagged[j].label == "date" and F.DIGIT.search(word)):
                break  # "Presented at the (2009).": the date
            if word[-1:] in ",;:" or SENTENCE_END.search(word):  # not an initial's stop: "… Presented to N. R. Ker."
                out[i + 1:j + 1] = [x._replace(label=t.label) for x in tagged[i + 1:j + 1]]
                break
    return out


def _words_to_delimiter(tagged: Sequence[Tagged], i: int) -> int:
    """The last of the words from ``i`` read as a note's or a place's that run to a delimiter (a comma, a full stop
    after a word, a semicolon) or to a number, or -1: not a place closed by its colon before the publisher."""
    for j in range(i, min(i + _RUN, len(tagged))):
        word = tagged[j].token.text
        if tagged[j].label not in _CONTAINER_TAIL or not word[:1].isalpha():
            return j - 1 if j > i and word[:1].isdigit() else -1
        if word[-1:] in ",;" or SENTENCE_END.search(word):
            return -1 if _place_after(tagged, i, j) else j
        if word[-1:] in ":.":
            return -1
    return -1


def _place_after(tagged: Sequence[Tagged], i: int, j: int) -> bool:
    """The words ``i`` to ``j`` are a place printed after a book's name ("Proceedings … Intelligence Pisa, Italy.",
    "… Sciences. Atlantic Highlands, NJ: Humanities Press"): a place of the lexicon, or a place's words that a
    state's code or the publisher's colon follows."""
    words = " ".join(t.token.text for t in tagged[i:j + 1])
    if F.known_place(words):
        return True
    after = tagged[j + 1].token.text if j + 1 < len(tagged) else ""
    return all(t.label == "location" for t in tagged[i:j + 1]) and F.is_place(words.rstrip(",;.")) \
        and (after.endswith(":") or bool(F.STATE_CODE.fullmatch(after.rstrip(",.:;"))))


#: labels a container's last words may have been read as after a word with no delimiter
_CONTAINER_TAIL = frozenset(("note", "location"))


#: labels no container's last words are read as: numbers and identifiers
_NOT_A_NAME = frozenset(("volume", "pages", "url", "doi", "isbn"))


def publisher_closing_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The body's name after the last comma of a title that closes the reference (but for its date and links), in a
    reading with no publisher or container, is the publisher: APA's "Title, Royal Academy of Engineering." and
    Copernicus's "Title, ANPAL, 2019." print a report's body there (``fields.publishing_body`` says a name is one);
    so is a body's sentence between the date after the title and the links, ABNT's "Title, 2020. Inria and University
    of Pisa. Disponível em: …" (the model read it as a second title), and the title's last sentence closed by a comma
    before the place, Springer's "Title. World Health Organization, Geneva"."""
    if any(t.label in ("publisher", "container", "journal") for t in tagged):
        return tagged
    titled = [k for k, t in enumerate(tagged) if t.label == "title"]
    # before a place after its comma: Springer's "Title. World Health Organization, Geneva"
    placed = bool(titled) and titled[-1] + 1 < len(tagged) and tagged[titled[-1] + 1].label == "location" \
        and tagged[titled[-1]].token.text.endswith(",")
    if not titled or any(t.label not in _AFTER_TITLE | ({"location"} if placed else set())
                         for t in tagged[titled[-1] + 1:]):
        return tagged
    end = titled[-1] + 1
    start = end - 1 if placed else end  # the comma before the place closes the name
    while start > 0 and end - start < 2 * _RUN and tagged[start - 1].label == "title" \
            and not tagged[start - 1].token.text.endswith(",") \
            and not (placed and SENTENCE_END.search(tagged[start - 1].token.text)):
        start -= 1
    words = [t.token.text for t in tagged[start:end]]
    # after the date, a sentence of its own: ABNT's "Title, 2020. Inria and University of Pisa. Disponível em: …"
    dated = start > 1 and tagged[start - 1].label == "date" and tagged[start - 2].label == "title" \
        and SENTENCE_END.search(tagged[start - 1].token.text) is not None and SENTENCE_END.search(words[-1]) is not None
    sentence = placed and start > 0 and tagged[start - 1].label == "title" \
        and SENTENCE_END.search(tagged[start - 1].token.text) is not None
    if not start or not (dated or sentence or (tagged[start - 1].label == "title"
                                               and tagged[start - 1].token.text.endswith(","))) \
            or (not dated and end - start > _RUN) \
            or not all(w[:1].isupper() or w.casefold() in FUNCTION_WORDS for w in words) \
            or not _publishers_name(words) or (len(words) < 2 and words[0].strip(".,").casefold() not in PUBLISHER):
        return tagged
    return [t._replace(label="publisher") if start <= k < end else t for k, t in enumerate(tagged)]


#: labels that may follow a title closing the reference
_AFTER_TITLE = frozenset(("date", "url", "doi", "note"))


def _publishers_name(words: Sequence[str]) -> bool:
    """``words`` name a publisher: a body ("Royal Academy of Engineering", ``fields.publishing_body``), or a name with
    a publisher's word of the lexicon ("VS Verlag für Sozialwissenschaften", "Routledge", "Taylor & Francis")."""
    return F.publishing_body(" ".join(words)) or any(w.strip(".,;:").casefold() in PUBLISHER for w in words)


def publisher_closing_article(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The capitalised words after the date that follows a journal's volume or pages, closed by a full stop and by
    nothing but links and notes after them, are the publisher, in a reading with none: ABNT prints an article's
    publisher last, "Journal, v. 45, p. 467–492, 2019. Annual Reviews." (the model read it as a note's, a series' or a
    title's words), and APA after the pages when the entry names one, "Journal, 109(1), 23–34. JSTOR."."""
    if any(t.label == "publisher" for t in tagged) or not any(t.label in ("journal", "container") for t in tagged):
        return tagged
    for d in range(1, len(tagged) - 1):
        dated = tagged[d].label == "date" and tagged[d - 1].label in ("volume", "pages")
        if not (dated or (tagged[d].label == "pages" and tagged[d + 1].label not in ("pages", "date"))) \
                or not tagged[d].token.text.endswith(".") or tagged[d + 1].label == "date":
            continue
        j = d + 1
        while j < len(tagged) and j - d <= _RUN and tagged[j].label in _ARTICLE_TAIL \
                and (tagged[j].token.text[:1].isupper() or tagged[j].token.text.casefold() in FUNCTION_WORDS):
            if tagged[j].token.text.endswith("."):
                if all(t.label in _AFTER_PUBLISHER for t in tagged[j + 1:]) \
                        and not F.known_place(" ".join(t.token.text for t in tagged[d + 1:j + 1])):  # "Boston, MA."
                    return [t._replace(label="publisher") if d < k <= j else t for k, t in enumerate(tagged)]
                break
            j += 1
        break
    return tagged


#: labels an article's publisher may have been read as after the date
_ARTICLE_TAIL = frozenset(("note", "collection", "title", "genre", "journal", "container", "location"))
#: labels that may follow it: links and notes (an access date, "Disponível em:")
_AFTER_PUBLISHER = frozenset(("url", "doi", "note", "date"))


def repository_as_publisher(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """A repository of data sets, software or preprints (``lexicon.REPOSITORY``), printed as a field of its own
    after the title, in a reading with no publisher, is the publisher: "Title. Zenodo.", "Title, figshare, 2021",
    "Title [en ligne]. arXiv, 2023.", "«Title», OSF Preprints, 2025." (the model read it as a title's, a note's or a
    place's words). Not the platform's name inside the title ("Evidence from GitHub copilot"), after "In", or
    opening an identifier ("arXiv:2302.06590", "arXiv preprint arXiv:…")."""
    lowered = text.casefold()
    if not any(name in lowered for name in _REPOSITORY_FIRST) or any(t.label == "publisher" for t in tagged):
        return tagged
    for i in range(2, len(tagged)):
        for n in (1, 2):
            end = i + n
            if end > len(tagged):
                break
            words = [t.token.text for t in tagged[i:end]]
            name = " ".join(words).strip(".,;[(").casefold()
            if name not in REPOSITORY or any(":" in w for w in words) \
                    or not (end == len(tagged) or words[-1].endswith(_FIELD_CLOSE)) \
                    or any(t.label not in _REPOSITORY_READ for t in tagged[i:end]):
                continue
            before = tagged[i - 1]
            if not before.token.text.endswith((*_FIELD_CLOSE, "]", ")", *F.QUOTE_CLOSER.values())) \
                    or before.token.text.casefold().rstrip(":") in IN \
                    or not any(t.label == "title" for t in tagged[:i]):
                continue
            return [t._replace(label="publisher") if i <= k < end else t for k, t in enumerate(tagged)]
    return tagged


#: the first words of the repositories' names (a reference holding none of them holds no repository's name)
_REPOSITORY_FIRST = frozenset(name.split()[0] for name in REPOSITORY)
#: what closes a field: its stop, its comma or its semicolon
_FIELD_CLOSE = (".", ",", ";")
#: labels the model read a platform's name as
_REPOSITORY_READ = frozenset(("title", "note", "location", "container", "journal", "collection", "genre", "date"))


def publisher_closing_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A publishing body's name after the last comma or semicolon of a book's or a meeting's name, closing that span
    before the date, the pages or the reference's end, in a reading with no publisher, is the publisher: "In
    Proceedings of the 20th Conference on Composite Materials, ICCM20 Secretariat.", "2013 IEEE power & energy society
    general meeting, IEEE; 2013", "SEG technical program expanded abstracts 2001; Society of Exploration Geophysicists,
    January 2001" (the model ran the name on over it). A body's word or a publisher's of the lexicon says it is one;
    a place is not ("Proceedings of …, Bangalore, India"), nor a meeting's acronym ("…, ICML, 2019")."""
    if any(t.label == "publisher" for t in tagged):
        return tagged
    spans = [k for k, t in enumerate(tagged) if t.label in ("container", "journal")]
    if not spans or spans[-1] - spans[0] + 1 != len(spans):
        return tagged
    first, last = spans[0], spans[-1]
    after = tagged[last + 1].label if last + 1 < len(tagged) else ""
    if after not in _AFTER_CONTAINER_PUBLISHER or (last + 1 < len(tagged) and not tagged[last].token.text.endswith(
            (",", ";", ".", ":"))):
        return tagged
    words = [t.token.text for t in tagged]
    d = next((k for k in range(last - 1, max(first + 2, last - BODY_RUN) - 1, -1) if words[k].endswith((",", ";"))),
             None)
    if d is None:
        return tagged
    tail = [w.strip(".,;:") for w in words[d + 1:last + 1]]
    name = " ".join(tail)
    if not all(w[:1].isupper() or w.casefold() in FUNCTION_WORDS for w in tail) or F.known_place(name) \
            or not _publishers_name(tail):
        return tagged
    return [t._replace(label="publisher") if d < k <= last else t for k, t in enumerate(tagged)]


#: what may follow a book's or a meeting's name closed by its publisher
_AFTER_CONTAINER_PUBLISHER = frozenset(("", "date", "pages", "url", "doi"))
#: at most this many words of a publisher's name after the comma
BODY_RUN = 5


def series_before_imprint(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A sentence of its own after a book's title or edition, read as a publisher's or a container's, right before the
    imprint "Place: Publisher" is the book's series: Chicago's and Harvard's "Title. Third edn. Fast Computers. New
    York: Academic Press." (the model read the series as a first publisher, whose name the reading then took, or as
    the container of a book that is in none). Not a book's name after "In", which a chapter is in, nor one with the
    chapter's pages or a meeting's name."""
    words = [t.token.text for t in tagged]
    for i in range(1, len(tagged) - 2):
        if tagged[i].label not in ("publisher", "container") or tagged[i - 1].label not in ("title", "edition") \
                or not SENTENCE_END.search(words[i - 1]) or words[i].casefold().rstrip(":") in IN:
            continue
        j = i
        while j < len(tagged) - 1 and j - i < _RUN and tagged[j + 1].label == tagged[i].label \
                and not words[j].endswith((".", ",", ";", ":")):
            j += 1
        # the span closes with its stop, the place after it with its colon, the publisher's name after that
        if not words[j].endswith(".") or j + 1 >= len(tagged) or tagged[j + 1].label != "location":
            continue
        p = j + 1
        while p < len(tagged) - 1 and p - j <= 3 and tagged[p].label == "location" and not words[p].endswith(":"):
            p += 1
        if tagged[p].label != "location" or not words[p].endswith(":") or p + 1 >= len(tagged) or tagged[p + 1].label != "publisher":
            continue
        if tagged[i].label == "container" and (any(t.label == "pages" for t in tagged)
                                               or F.PERIODICAL.search(" ".join(words[i:j + 1]))):
            continue  # a chapter's book or a paper's proceedings, with its pages: "Title. Book. Place: Publisher, 1-20."
        return [t._replace(label="collection") if i <= k <= j else t for k, t in enumerate(tagged)]
    return tagged


def title_before_imprint_parenthesis(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words between the names and a parenthesis of publisher and year that closes the reference (but for its
    links) are the book's title, read by the model as a title cut at "in" and a container, or as a journal's name:
    Science's and PNAS's "V. S. Vladimirov, Generalized Functions in Mathematical Physics (MIR, 1979)." and
    "T. L. Pedersen, Patchwork: The Composer of Plots (2025; https://…)."; the words before the year in the
    parenthesis are the publisher. Not a chapter's quoted title and its book ("“Title” in Book (Publisher, 2013)"),
    nor a reference with pages or editors."""
    words = [t.token.text for t in tagged]
    start = next((k for k, t in enumerate(tagged) if t.label not in ("author", "number")), None)
    if start is None or start == 0 or tagged[start - 1].label != "author" or not words[start - 1].endswith(","):
        return tagged
    p = next((k for k in range(start + 1, len(tagged)) if words[k].startswith("(")), None)
    if p is None or any(t.label in ("volume", "pages", "editor") for t in tagged):
        return tagged
    q = next((k for k in range(p, min(p + _RUN, len(tagged))) if words[k].rstrip(".").endswith(")")), None)
    if q is None or any(t.label not in ("url", "doi") for t in tagged[q + 1:]):
        return tagged
    y = next((k for k in range(p, q + 1) if F.YEAR_RE.search(words[k])), None)
    run = tagged[start:p]
    if y is None or not any(t.label in ("container", "journal") for t in run) \
            or any(t.label not in ("title", "container", "journal") for t in run) \
            or any(w.endswith(tuple(F.QUOTE_CLOSER.values())) or w.startswith(tuple(F.QUOTE_CLOSER)) for w in words[start:p]) \
            or any(w.endswith((",", ";", ".")) for w in words[start:p]) or words[p - 1].endswith(":"):
        return tagged  # a title closed before a container's or a body's name: "Title, Google Research (2012)."
    out = list(tagged)
    out[start:p] = [t._replace(label="title") for t in run]
    if not any(w.strip("(),.;").casefold() in MONTHS for w in words[p:y + 1]):  # "(luglio 2012)" is a date
        out[p:y] = [t._replace(label="publisher") for t in tagged[p:y]]
    if out[y].label != "date":
        out[y] = out[y]._replace(label="date")
    return out


def publisher_read_as_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A short capitalised name between the title's delimiter and the date that closes the reference (but for links and
    notes), read as a container in a reading with no publisher, journal, volume, pages or editors, is the publisher: a
    book's "Title, Vh Winston, 1977." and "Title. SpringerWienNewYork, 2005." (no publisher's word the model knew).
    Not a book after "In", nor a periodical's or a meeting's name: a word of ``lexicon.JOURNAL`` ("Title. Nature,
    2019."), a single word ("IJCV, 2008.", a site's "GitHub, 2017."), abbreviated words ("Atm. Environ., 2008."), an
    identifier ("Arxiv Preprint Arxiv:2110.06271. 2021."), a day's date ("Wired, 7 March")."""
    if any(t.label in ("publisher", "volume", "pages", "editor") for t in tagged):
        return tagged
    spans = [k for k, t in enumerate(tagged) if t.label in ("container", "journal")]
    if not spans or spans[-1] - spans[0] + 1 != len(spans) or len(spans) > _SHORT_NAME:
        return tagged
    first, last = spans[0], spans[-1]
    words = [t.token.text for t in tagged[first:last + 1]]
    before = tagged[first - 1] if first else None
    if before is None or before.label != "title" or not before.token.text.endswith((",", ".")) \
            or words[0].casefold().rstrip(":") in IN or not words[-1].endswith((",", ".")) \
            or not all(w[:1].isupper() for w in words) or F.PERIODICAL.search(" ".join(words)) \
            or any(w.strip(".,").casefold() in JOURNAL for w in words) \
            or len(words) < 2 or any(F.DIGIT.search(w) or ":" in w for w in words) \
            or sum(w.rstrip(",").endswith(".") for w in words) > 1 \
            or any(t.label == "date" and t.token.text.strip("().,;").casefold() in MONTHS for t in tagged[last + 1:]) \
            or last + 1 >= len(tagged) or tagged[last + 1].label != "date" \
            or any(t.label not in _AFTER_PUBLISHER for t in tagged[last + 2:]):
        return tagged
    return [t._replace(label="publisher") if first <= k <= last else t for k, t in enumerate(tagged)]


#: at most this many words of a publisher's name read as a container
_SHORT_NAME = 3


def publisher_before_article_pages(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The capitalised words after a journal's volume and its full stop, up to the colon that the pages follow, are the
    article's publisher: SAGE's Harvard prints "Journal 22(2). Copernicus GmbH: 215–232." and "Journal 5(45). The Open
    Journal: 1943." (the model read the name as the volume's, the journal's or a note's words). A number after the
    colon is the pages where the reading has its date elsewhere."""
    v = next((k for k, t in enumerate(tagged) if t.label == "volume"), -1)
    if v < 1 or tagged[v - 1].label not in ("journal", "container"):
        return tagged
    start = v + 1
    while start < len(tagged) and start - v < 3 and tagged[start].label in ("volume", "date") \
            and not tagged[start - 1].token.text.endswith("."):
        start += 1  # the volume's issue or month: "222(October 2017)."
    if start >= len(tagged) or not tagged[start - 1].token.text.endswith(".") \
            or not tagged[start].token.text[:1].isupper():
        return tagged
    end = next((j for j in range(start, min(start + _RUN, len(tagged))) if tagged[j].token.text[-1:] in ",.;:"), -1)
    if end < 0 or not tagged[end].token.text.endswith(":") or end + 1 >= len(tagged) \
            or any(F.DIGIT.search(t.token.text) or t.label in ("url", "doi") for t in tagged[start:end + 1]):
        return tagged
    after = tagged[end + 1]
    dated = any(t.label == "date" for k, t in enumerate(tagged) if k != end + 1)
    if after.label != "pages" and not (dated and _ARTICLE_PAGES.fullmatch(after.token.text)):
        return tagged
    out = list(tagged)
    out[start:end + 1] = [t._replace(label="publisher") for t in tagged[start:end + 1]]
    out[end + 1] = after._replace(label="pages")
    return out


#: the pages or an article's number closing a reference ("215–232.", "1943.", "e1005510.")
_ARTICLE_PAGES = lazy(r"[A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?\.?")


def place_before_imprint_colon(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A publisher's span closed by a comma right before a place's that a colon closes, the publisher after the colon,
    is the place's first words: "Place: Publisher" prints every place before the colon ("Chichester, West Sussex, UK ;
    Hoboken, NJ: Wiley-Blackwell"; the model read the first place as a publisher's words)."""
    out: list[Tagged] | None = None
    for i in range(1, len(tagged) - 1):
        if tagged[i].label != "location" or not tagged[i].token.text.endswith(":") \
                or tagged[i + 1].label != "publisher":
            continue
        s = i
        while s > 0 and i - s < _RUN and tagged[s - 1].label == "location":
            s -= 1
        if not s or tagged[s - 1].label != "publisher" or not tagged[s - 1].token.text.endswith(","):
            continue
        p = s - 1
        while p > 0 and s - p < _RUN and tagged[p - 1].label == "publisher":
            p -= 1
        words = " ".join(t.token.text for t in tagged[p:s])
        if not p or tagged[p - 1].token.text[-1:] not in ".,;:" or words.count("(") != words.count(")"):
            continue  # the span opens at a delimiter of its own, not inside a parenthesis ("(tr. Jan Roe), Shannon:")
        out = out or list(tagged)
        out[p:s] = [t._replace(label="location") for t in tagged[p:s]]
    return tagged if out is None else out


def publisher_past_containers_date(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words after a year and its full stop inside a container's span, each doubted by the model with the publisher
    as its rival, are the publisher, and the year the date: SAGE's Harvard prints a proceedings' year after its name and
    the publisher after it, "In: Advances in Neural Information Processing Systems, 2015. Curran Associates, Inc."
    (the model ran the book's name on over both; no name goes on past its year's full stop)."""
    out: list[Tagged] | None = None
    for y in range(1, len(tagged) - 1):
        if tagged[y + 1].rival != "publisher":  # most words have no rival: the one test passes them over
            continue
        t = tagged[y]
        if t.label != "container" or not t.token.text.endswith(".") \
                or tagged[y - 1].label != "container" or not F.YEAR_RE.fullmatch(t.token.text[:-1]):
            continue
        end = y + 1
        while end < len(tagged) and end - y <= _RUN and tagged[end].label == "container" \
                and tagged[end].rival == "publisher":
            end += 1
        if end - y > _RUN or (end < len(tagged) and tagged[end].label == "container") \
                or not tagged[y + 1].token.text[:1].isupper():
            continue
        out = out or list(tagged)
        out[y] = t._replace(label="date")
        out[y + 1:end] = [x._replace(label="publisher") for x in tagged[y + 1:end]]
    return tagged if out is None else out
