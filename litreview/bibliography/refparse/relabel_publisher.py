"""Rules over the tagger's labels that say where a publisher's span starts and ends, and which words are a
publisher's the model read as another field's (part of ``relabel``, beside ``relabel_spans``): a style prints the
publisher whole between its delimiters, after a title's, a book's or a journal's, or in parentheses with its year.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from . import fields as F
from .lexicon import PUBLISHER
from .names import FUNCTION_WORDS
from .relabel_names import EDITOR_WORDS, OPEN_WORD, first_run
from .relabel_names import RUN as _RUN
from .relabel_spans import CLOSERS as _CLOSERS
from .relabel_spans import SENTENCE_END
from .tagger import Tagged


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
    """The words of a publisher's span right after a title's, a book's or its editors' names, up to the parenthesis
    that opens the publisher and its year, are not the publisher's: Science's and MHRA's "The Collected Works of Samuel
    Taylor Coleridge (Routledge and Kegan Paul, 1983)" and "Handbook of Zinc Oxide and Related Materials: Devices and
    Nano-Engineering (CRC Press, 2012)" print the publisher whole inside the parenthesis (the model opened the span
    early). After a title or a book they are its words; after editors, the words up to the first comma are the last
    editor's ("ed. by Shuvra S. Bhattacharyya and others (Springer, 2013)") and any after it the series' ("ed. by
    D. W. Lucas, Clarendon Aristotle (Clarendon Press, 1968)")."""
    for i in range(1, len(tagged)):
        before = tagged[i - 1].label
        if tagged[i].label != "publisher" or before not in ("title", "container", "editor"):
            continue
        names = before == "editor"  # an editor's name closes with a comma: the span may run over one
        j = i
        while j < len(tagged) and j - i < _RUN and tagged[j].label == "publisher" \
                and not tagged[j].token.text.startswith("(") and (names or tagged[j].token.text[-1:] not in _CLOSERS):
            j += 1
        if j == i or j == len(tagged) or tagged[j].label != "publisher" or not tagged[j].token.text.startswith("("):
            return tagged
        k = j
        while k < len(tagged) and tagged[k].label in ("publisher", "location") and ")" not in tagged[k].token.text:
            k += 1
        if k == len(tagged) or tagged[k].label != "date" or ")" not in tagged[k].token.text:
            return tagged  # the parenthesis closes after the year: "(Routledge and Kegan Paul, 1983)"
        comma = next((n for n in range(i, j) if tagged[n].token.text[-1:] in _CLOSERS), j) if names else j
        return [t._replace(label=before) if i <= n <= comma and n < j else t._replace(label="collection")
                if comma < n < j else t for n, t in enumerate(tagged)]
    return tagged


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
            and (publishers_name([t.token.text for t in words]) or _ACRONYM.fullmatch(words[0].token.text)):
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
    Computing: Vienna, Austria"), they are the name's abbreviation in parentheses ("Oxford University Press (OUP).") or
    the place is printed before the publisher ("London: Palgrave Macmillan UK.": one imprint has one place)."""
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
                placed = start > 0 and tagged[start - 1].label == "location"  # "London: Palgrave Macmillan UK."
                if colon or placed or abbreviates(tail, name) or F.publisher_then_place(f"{name}, {tail}", ",") is None:
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
            or not (named_after_sentence_case(tagged, start, end) or (publishers_name(words)
                    and (len(words) > 1 or words[0].strip(".,").casefold() in PUBLISHER))):
        return tagged
    return [t._replace(label="publisher") if start <= k < end else t for k, t in enumerate(tagged)]


def named_after_sentence_case(tagged: Sequence[Tagged], start: int, end: int) -> bool:
    """The capitalised words ``tagged[start:end]``, after the comma that closes a title's or a book's name printed in
    sentence case, are a name, not the span's last words: APA's and Cambridge's "Corpora and cross-linguistic research:
    Theory, method, and case studies, Rodopi." and "In J. Roe, ed., How to use corpora in language teaching, John
    Benjamins, pp. 185–199." print the name with its words in lower case but for the first of each part, and the
    publisher after its comma. The span's words before the comma (the first of each part, after its colon or stop,
    and the function words left out) must be mostly lower case, at least ``_LOWER_WORDS`` of them; the name has no
    digit, no stop but at its end, is no place (``fields.known_place``: "…, Berlin.") and is no acronyms alone (a
    project's, a database's or a meeting's: "…, RETIB.", "…, DOA and ODBASE")."""
    if not start or not tagged[start - 1].token.text.endswith(",") or end - start > _TAIL_WORDS:
        return False
    words = [t.token.text for t in tagged[start:end]]
    bare = [w.strip(".,;") for w in words]
    if F.DIGIT.search(" ".join(words)) or any(w.endswith(".") for w in words[:-1]) \
            or not any(w[1:] and not w.isupper() and w.casefold() not in FUNCTION_WORDS for w in bare) \
            or F.known_place(" ".join(bare)):
        return False
    label, first = tagged[start - 1].label, start - 1
    while first and tagged[first - 1].label == label:
        first -= 1
    span = [t.token.text for t in tagged[first:start]]
    content = [w for n, w in enumerate(span) if n and not span[n - 1].endswith((":", ".", "?", "!"))
               and w[:1].isalpha() and w.casefold() not in FUNCTION_WORDS]
    lower = sum(w[:1].islower() for w in content)
    return lower >= _LOWER_WORDS and lower >= 0.8 * len(content)


#: the lower-case words a title shows before its closing name is read as a publisher's (``named_after_sentence_case``)
_LOWER_WORDS = 3


#: labels that may follow a title closing the reference
_AFTER_TITLE = frozenset(("date", "url", "doi", "note"))


def publishers_name(words: Sequence[str]) -> bool:
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
                if all(t.label in AFTER_PUBLISHER for t in tagged[j + 1:]) \
                        and not F.known_place(" ".join(t.token.text for t in tagged[d + 1:j + 1])):  # "Boston, MA."
                    return [t._replace(label="publisher") if d < k <= j else t for k, t in enumerate(tagged)]
                break
            j += 1
        break
    return tagged


#: labels an article's publisher may have been read as after the date
_ARTICLE_TAIL = frozenset(("note", "collection", "title", "genre", "journal", "container", "location"))
#: labels that may follow it: links and notes (an access date, "Disponível em:")
AFTER_PUBLISHER = frozenset(("url", "doi", "note", "date"))


def publisher_closing_parenthesis(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words of a parenthesis that closes a book's reading (but for its link), right after the title, are the
    publisher where they name one (``publishers_name``, or a publisher's runner-up at every word): the physics styles'
    "Popper K 2005 The logic of scientific discovery (Routledge)" and "Il a neigé à Port-au-Prince (Alhambra)" print
    the publisher alone in parentheses (the model read it as a note or the title's). Left as read with a digit or a
    word of lower case inside the parenthesis, or in a reading with a container, a journal or a volume."""
    end = len(tagged) - 1
    while end > 0 and tagged[end].label in ("url", "doi"):
        end -= 1
    if end < 2 or not tagged[end].token.text.rstrip(".").endswith(")"):
        return tagged
    start = end
    while start > 0 and end - start < _RUN and not tagged[start].token.text.startswith("("):
        start -= 1
    run = tagged[start:end + 1]
    words = [t.token.text.strip("().,;") for t in run]
    if start < 2 or not tagged[start].token.text.startswith("(") or tagged[start - 1].label not in ("title", "note") \
            or any(t.label not in _PARENTHESIS_READ for t in run) or any(F.DIGIT.search(w) for w in words) \
            or not all(w[:1].isupper() or w.casefold() in FUNCTION_WORDS for w in words) \
            or not (publishers_name(words) or all(t.rival == "publisher" for t in run)):
        return tagged
    return [*tagged[:start], *(t._replace(label="publisher") for t in run), *tagged[end + 1:]]


#: labels a publisher alone in the closing parenthesis may have been read as
_PARENTHESIS_READ = frozenset(("title", "note", "genre", "location"))


def publisher_after_editors_stop(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The capitalised words after the full stop that closes a chapter's editors' names, which the model ran the
    editors' span on over up to the pages, the date or the reference's end, are the publisher, in a reading with none:
    APSA's "In Book, eds. Ann Roe and Bob Poe. Kessler Verlag, 93–132." and ASA's "Pp. 3–9 in Book, edited by A. Roe.
    Society of Small Things." (the last stop that closes a word, not an initial: "ed. Ann McK. Roe. Kessler"). The span
    opens with the role."""
    if any(t.label == "publisher" for t in tagged) or (run := first_run(tagged, "editor")) is None:
        return tagged
    start, end = run
    words = [t.token.text for t in tagged]
    if words[start].strip("()[].,;:").casefold() not in _OPENING_ROLES \
            or (end < len(tagged) and tagged[end].label not in _AFTER_EDITORS_PUBLISHER):
        return tagged
    stop = next((k for k in range(end - 2, start + 1, -1) if words[k].endswith(".") and len(words[k]) > 3
                 and words[k][:-1].replace("-", "").isalpha() and words[k][:1].isupper()), None)
    if stop is None:
        return tagged
    name = [w.strip(".,;:") for w in words[stop + 1:end]]
    if not 0 < len(name) <= _TAIL_WORDS + 2 or not all(w[:1].isupper() or w.casefold() in FUNCTION_WORDS for w in name) \
            or F.known_place(" ".join(name)) or F.DIGIT.search(" ".join(name)):
        return tagged
    return [t._replace(label="publisher") if stop < n < end else t for n, t in enumerate(tagged)]


#: the role words a chapter's editors' span opens with ("eds.", "ed.", "edited by")
_OPENING_ROLES = EDITOR_WORDS | frozenset(("edited",))
#: what may follow a publisher read on into the editors' span
_AFTER_EDITORS_PUBLISHER = frozenset(("pages", "date", "doi", "url"))
