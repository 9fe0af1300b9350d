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
    MONTHS,
    NUMBER,
    PAGES,
    THESIS,
    TRANSLATOR,
    VOLUME,
)
from .names import FUNCTION_WORDS
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
    """A publisher's, a series' or a note's span that opens with the word a style prints before a container ("En",
    "In:", "Dans") and a capitalised word, in a reading with no container, is the container (the journal where a volume
    is read): ISO 690 in Spanish prints "Title. En Women & Politics [en línea]. 1991, vol. 11" and "En Business History
    eJournal. 2017", which the model read as a publisher's; AMA's "In: Book of Essays. Publisher; 2021" and APA's "In
    Book of Essays (pp. 1–8)", which it read as a series' or a note's. No style prints a publisher or a series after
    "In"; "In press" is no book, nor a paragraph of prose that opens with "In" (``_BOOK_RUN``), nor a title's words
    after an "in" that no delimiter stands before ("A review of research in Language Processing, arXiv")."""
    if any(t.label in ("container", "journal") for t in tagged):
        return tagged
    for i in range(len(tagged) - 1):
        label = tagged[i].label
        if label not in _READ_AFTER_IN or (i and tagged[i - 1].label == label):
            continue
        if not _IN_WORD.fullmatch(tagged[i].token.text) or tagged[i + 1].label != label \
                or not tagged[i + 1].token.text[:1].isupper() or tagged[i + 1].token.text.casefold().strip(".,") in _NO_BOOK:
            if label == "publisher":
                return tagged
            continue
        j = i
        while j < len(tagged) and tagged[j].label == label:
            j += 1
        if label != "publisher" and (j - i > _BOOK_RUN or (i and tagged[i - 1].token.text[-1:] not in _BEFORE_IN)):
            continue  # a paragraph of prose that opens with "In", a title's words "… research in Language, …"
        new = "journal" if any(t.label == "volume" for t in tagged) else "container"
        return [t._replace(label=new) if i <= n < j else t for n, t in enumerate(tagged)]
    return tagged


#: the spans a container opened by "In" may have been read as
_READ_AFTER_IN = frozenset(("publisher", "collection", "note"))
#: at most this many words in a book's name after "In" read as a series' or a note's
_BOOK_RUN = 25
#: what closes the field before a book's "In" read as a series' or a note's words
_BEFORE_IN = frozenset(".,;:”’\"»)")
#: what follows "In" where no book does ("In press", "In preparation")
_NO_BOOK = frozenset(("press", "preparation", "print", "review"))


#: what may follow a book's name run into the title after ", in"
_AFTER_BOOK = frozenset(("collection", "volume", "editor", "publisher", "location", "pages", "edition"))


def container_inside_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words of a title's span from a capitalised "In:", or from "In" after a full stop, are the container's:
    Leeds Harvard prints a chapter's title with no stop before "In: Book", APA an entry's "Title. In Book." with no
    editors (the model ran the title on over it); so are those from "in" after the title's comma where a book's
    series, volume, editors or imprint follow the span, Italian styles' "Title, in Book (Series), vol. 8842, Publisher"."""
    i = next((i for i, t in enumerate(tagged) if t.label == "title"), -1)
    if i < 0:
        return tagged
    j = i
    while j < len(tagged) and tagged[j].label == "title":
        j += 1
    k = next((k for k in range(i + 1, j - 1) if tagged[k + 1].token.text[:1].isupper() and (
        tagged[k].token.text == "In:" or (tagged[k].token.text == "In" and SENTENCE_END.search(tagged[k - 1].token.text))
        or (tagged[k].token.text in ("in", "in:") and k - i > 1 and tagged[k - 1].token.text.endswith(",")
            and j < len(tagged) and tagged[j].label in _AFTER_BOOK))), 0)
    if not k:
        return tagged
    label = "journal" if j < len(tagged) and tagged[j].label == "volume" else "container"
    return [t._replace(label=label) if k <= n < j else t for n, t in enumerate(tagged)]


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
            while j < len(tagged) and tagged[j].label == tagged[i].label and tagged[j].token.text[-1:] not in CLOSERS:
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
    if tagged[k - 1].token.text[-1:] in CLOSERS + "”’\"»":
        return True
    return k + 1 < len(tagged) and tagged[k + 1].label == tagged[k].label and tagged[k + 1].token.text[:1].isupper() \
        and not tagged[k + 1].token.text.endswith((".", ","))  # "… reduction in English. Occasional Papers"


#: what closes a field's last word: a comma, a stop, a colon, a semicolon
CLOSERS = ",.:;"
#: a word that ends a sentence: a full stop after a word of two letters or more, not an initial ("J."); tried
#: from a word's first letter only (the match starts there anyway): from each, a long word cost its length squared
SENTENCE_END = lazy(r"(?<![\w)’”»])[\w)’”»]{2,}[.?!][”»]?$")


def container_to_its_delimiter(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words after a container's span that the model closed on a word no name ends with ("of", "to", "the"), up to
    the word a delimiter closes, are the container's: "In The handbook of | narrative and psychotherapy.", "Essays
    Presented to | N. R. Ker.", "Statistics in | medicine." (the model read them as a name's, a place's, a note's or
    the date's). So are a note's or a place's words after a span closed on any other word with no delimiter, up to
    the delimiter or the number that follows them: "Journal of Child | Language, 12(3)", "Journal of cultural |
    heritage management.", "PhonLab Annual | Report 1(1)." (a style closes the name before the place it prints).
    A title's span closed so is run on the same way over a note's or a place's words: Copernicus's "Enriching word
    vectors with | subword information, arXiv preprint …" and "Template for writing a | PhD thesis in markdown, https://…"
    print the title whole before its comma; not where the note runs on past the comma ("Le scénario | Negatep, Sauvons le
    Climat, 2014": the words may be the title's and the note's alike)."""
    out = list(tagged)
    for i in range(len(tagged) - 1):
        t = tagged[i]
        if t.label not in ("container", "journal", "title") or tagged[i + 1].label == t.label \
                or t.token.text[-1:] in CLOSERS + ")]" + ("”’\"»" if t.label == "title" else ""):
            continue
        if t.label == "title" or t.token.text.casefold() not in FUNCTION_WORDS:
            j = _words_to_delimiter(tagged, i + 1)
            if j > i and not (t.label == "title" and j + 1 < len(tagged) and tagged[j + 1].label == tagged[j].label):
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


def series_before_imprint(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A sentence of its own after a book's title or edition, read as a publisher's or a container's, right before the
    imprint "Place: Publisher" is the book's series: Chicago's and Harvard's "Title. Third edn. Fast Computers. New
    York: Academic Press." (the model read the series as a first publisher, whose name the reading then took, or as
    the container of a book that is in none). So is such a sentence right before the publisher with no place, read as a
    container's name whose words the model doubts with the series as a runner-up: "Coin Hoards in the Roman World.
    Oxford Studies in the Roman Economy. Oxford University Press." Not a book's name after "In", which a chapter is in,
    nor one with the chapter's pages or a meeting's name."""
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
        if not words[j].endswith(".") or j + 1 >= len(tagged):
            continue
        if tagged[j + 1].label == "publisher" and tagged[i].label == "container" \
                and any(t.rival == "collection" for t in tagged[i:j + 1]) and not any(t.label == "pages" for t in tagged) \
                and not F.PERIODICAL.search(" ".join(words[i:j + 1])):
            return [t._replace(label="collection") if i <= k <= j else t for k, t in enumerate(tagged)]
        if tagged[j + 1].label != "location":
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




#: a volume's label after the journal and its place ("v. 28", "vol. 28")
_VOLUME_LABEL = frozenset(("v.", "vol.", "v", "vol"))


def place_read_as_journal(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A journal's span that is a known place closed by a comma, before the volume's label, is the journal's place, and
    the title's last sentence before it, closed by a comma, the journal: ABNT prints "Title: subtitle. Revista Brasileira
    de Cardiologia, São Paulo, v. 28, n. 4" (the model read the journal's name into the title and the place as it)."""
    for i in range(1, len(tagged) - 1):
        if tagged[i].label not in ("journal", "container") or tagged[i - 1].label != "title":
            continue
        j = i
        while j < len(tagged) and tagged[j].label == tagged[i].label:
            j += 1
        if j == len(tagged) or tagged[j].token.text.casefold() not in _VOLUME_LABEL \
                or not tagged[j - 1].token.text.endswith(",") or not tagged[i - 1].token.text.endswith(",") \
                or not F.known_place(" ".join(t.token.text for t in tagged[i:j])):
            return tagged
        s = i - 1
        while s > 0 and tagged[s - 1].label == "title" and not SENTENCE_END.search(tagged[s - 1].token.text):
            s -= 1
        if not s or tagged[s - 1].label != "title" or not tagged[s].token.text[:1].isupper():
            return tagged
        return [t._replace(label="journal") if s <= n < i else t._replace(label="location") if i <= n < j else t
                for n, t in enumerate(tagged)]
    return tagged
