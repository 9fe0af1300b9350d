"""Rules over the tagger's labels that find a publisher printed beside a container's or a journal's name (part of
``relabel``, beside ``relabel_publisher``): a repository named as a field of its own, a body closing a container or
read as one, a publisher before an article's pages or after a container's date, and a publisher the model ranked
second over the words it read as another field's.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from . import fields as F
from .lexicon import IN, JOURNAL, MONTHS, REPOSITORY, THESIS
from .names import FUNCTION_WORDS
from .relabel_names import RUN as _RUN
from .relabel_publisher import AFTER_PUBLISHER as _AFTER_PUBLISHER
from .relabel_publisher import named_after_sentence_case
from .relabel_publisher import publishers_name as _publishers_name
from .relabel_spans import CLOSERS as _CLOSERS
from .relabel_spans import SENTENCE_END
from .tagger import Tagged


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
        if not _may_open_repository(tagged[i].token.text):
            continue  # no repository's name starts at this word (the test below, asked of its first word alone)
        for n in (1, 2):
            end = i + n
            if end > len(tagged):
                break
            words = [t.token.text for t in tagged[i:end]]
            name = " ".join(words).strip(_NAME_STRIP).casefold()
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
#: the first words of the repositories' names of more than one word ("osf" of "osf preprints")
_REPOSITORY_HEADS = frozenset(name.split(" ")[0] for name in REPOSITORY if " " in name)
#: what ``repository_as_publisher`` strips from a name's words
_NAME_STRIP = ".,;[("


def _may_open_repository(word: str) -> bool:
    """Whether a repository's name read by ``repository_as_publisher`` may start at ``word``: the word alone, stripped
    and case-folded as the rule reads a name, is one (``REPOSITORY``), or is the first word of one of two words (whose
    stripping leaves the first word's start as it is). False only where the rule finds no name at the word."""
    head = word.lstrip(_NAME_STRIP).casefold()
    return head in _REPOSITORY_HEADS or word.strip(_NAME_STRIP).casefold() in REPOSITORY


#: what closes a field: its stop, its comma or its semicolon
_FIELD_CLOSE = (".", ",", ";")
#: labels the model read a platform's name as
_REPOSITORY_READ = frozenset(("title", "note", "location", "container", "journal", "collection", "genre", "date"))


def publisher_closing_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A publishing body's name after the last comma or semicolon of a book's or a meeting's name, closing that span
    before the date, the pages or the reference's end, in a reading with no publisher, is the publisher: "In
    Proceedings of the 20th Conference on Composite Materials, ICCM20 Secretariat.", "2013 IEEE power & energy society
    general meeting, IEEE; 2013", "SEG technical program expanded abstracts 2001; Society of Exploration Geophysicists,
    January 2001" (the model ran the name on over it); so is a body's name after the book's full stop, ISO 690's "In :
    Proceedings of the 2nd Symposium on Haskell. Association for Computing Machinery, 3 septembre 2009.". A body's word
    or a publisher's of the lexicon says it is one, or a name after a book's name in sentence case
    (``relabel_publisher.named_after_sentence_case``: Cambridge's "In J. Roe, ed., How to use corpora in language
    teaching, John Benjamins, pp. 185–199."; after a full stop, a body's word: ``fields.publishing_body``); a place is
    not ("Proceedings of …, Bangalore, India"), nor a meeting's acronym ("…, ICML, 2019"). Before a volume, a body's name
    closing a journal's ("Nature Communications, Springer Science and Business Media LLC, 16/1." as Spanish humanities
    styles print an article's publisher) is the publisher, but not a name with a periodical's word ("Speech and Audio
    Processing, IEEE Transactions on, Vol. 2") nor an acronym, which IEEE's journals put last ("Electron Device Letters,
    IEEE, vol. 32"), nor a word after a stop (an abbreviated journal's: "Sci. Comput. Program., Jg. 88")."""
    if any(t.label == "publisher" for t in tagged):
        return tagged
    spans = [k for k, t in enumerate(tagged) if t.label in ("container", "journal")]
    if not spans:
        return tagged
    first = last = spans[0]
    while last + 1 < len(tagged) and tagged[last + 1].label in ("container", "journal"):
        last += 1
    after = tagged[last + 1].label if last + 1 < len(tagged) else ""
    if (last != spans[-1] and after != "date") or after not in _AFTER_CONTAINER_PUBLISHER or (last + 1 < len(tagged) and not tagged[last].token.text.endswith(
            (",", ";", ".", ":"))):
        return tagged
    words = [t.token.text for t in tagged]
    near = range(last - 1, max(first + 1, last - BODY_RUN) - 1, -1)
    d = next((k for k in near if words[k].endswith((",", ";"))), None)
    stop = d is None  # ISO 690's "In : Proceedings of …. Association for Computing Machinery, 3 septembre 2009."
    if stop and after == "volume":  # a journal's abbreviated name before its volume: "Sci. Comput. Program., Jg. 88"
        return tagged
    if stop:
        d = next((k for k in near if SENTENCE_END.search(words[k])), None)
    if d is None:
        return tagged
    tail = [w.strip(".,;:") for w in words[d + 1:last + 1]]
    name = " ".join(tail)
    if not all(w.lstrip("(")[:1].isupper() or w.casefold() in FUNCTION_WORDS for w in tail) or F.known_place(name) \
            or (after == "volume" and (F.PERIODICAL.search(name) or name.isupper())) \
            or not (F.publishing_body(name) if stop else
                    _publishers_name(tail) or named_after_sentence_case(tagged, d + 1, last + 1)):
        return tagged
    return [t._replace(label="publisher") if d < k <= last else t for k, t in enumerate(tagged)]


#: what may follow a book's or a meeting's name closed by its publisher
_AFTER_CONTAINER_PUBLISHER = frozenset(("", "date", "volume", "pages", "url", "doi"))
#: at most this many words of a publisher's name after the comma
BODY_RUN = 6


def publisher_read_as_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A short capitalised name between the title's delimiter and the date that closes the reference (but for links and
    notes), read as a container in a reading with no publisher, journal, volume, pages or editors, is the publisher: a
    book's "Title, Vh Winston, 1977.", "Title. SpringerWienNewYork, 2005." and "Title, Chatto and Windus, 1962." (no
    publisher's word the model knew; capitalised words, a function word between them), and after the title's medium,
    ISO 690's "Title [en línea]. Chapman and Hall/CRC, 1993.".
    Not a book after "In", nor a periodical's or a meeting's name: a word of ``lexicon.JOURNAL`` ("Title. Nature,
    2019."), a single word ("IJCV, 2008.", a site's "GitHub, 2017."), abbreviated words ("Atm. Environ., 2008."), an
    identifier ("Arxiv Preprint Arxiv:2110.06271. 2021."), a day's date ("Wired, 7 March")."""
    if any(t.label in ("publisher", "volume", "pages", "editor") for t in tagged):
        return tagged
    spans = [k for k, t in enumerate(tagged) if t.label in ("container", "journal")]
    if not spans or spans[-1] - spans[0] + 1 != len(spans) or len(spans) > _SHORT_NAME + 1:
        return tagged
    first, last = spans[0], spans[-1]
    words = [t.token.text for t in tagged[first:last + 1]]
    if len(words) > _SHORT_NAME and not _partners(words):
        return tagged
    before = tagged[first - _medium_before(tagged, first) - 1] if first else None
    if before is None or before.label != "title" or not tagged[first - 1].token.text.endswith((",", ".")) \
            or words[0].casefold().rstrip(":") in IN or not (words[-1].endswith((",", ".", ";")) or last + 1 == len(tagged)) \
            or not (words[0][:1].isupper() and words[-1][:1].isupper()) \
            or not all(w[:1].isupper() or w.casefold() in FUNCTION_WORDS for w in words) \
            or F.PERIODICAL.search(" ".join(words)) \
            or any(w.strip(".,").casefold() in JOURNAL for w in words) \
            or len(words) < 2 or any(F.DIGIT.search(w) or ":" in w for w in words) \
            or sum(w.rstrip(",").endswith(".") for w in words) > 1 \
            or any(t.label == "date" and t.token.text.strip("().,;").casefold() in MONTHS for t in tagged[last + 1:]) \
            or not (_dated_after(tagged, last) or _dated_before_title(tagged, first, last)):
        return tagged
    return [t._replace(label="publisher") if first <= k <= last else t for k, t in enumerate(tagged)]


def _dated_after(tagged: Sequence[Tagged], last: int) -> bool:
    """The year follows the name at ``last``, and nothing but links, notes and an ISBN follows the year."""
    return last + 1 < len(tagged) and tagged[last + 1].label == "date" \
        and all(t.label in _AFTER_BOOKS_PUBLISHER for t in tagged[last + 2:])


def _dated_before_title(tagged: Sequence[Tagged], first: int, last: int) -> bool:
    """The name from ``first`` to ``last`` closes the reference and the year came between the names and the title, as
    author-date styles print a book: "Roe, A. 1990. Title. Hodder and Staughton". Not a name a link or a note follows:
    a web site's or an encyclopaedia's ("Title. Design Blog. Available at: …", "Title. Encyclopedia. Epub ahead …")."""
    opening = next((k for k, t in enumerate(tagged) if t.label == "title"), first)
    return last + 1 == len(tagged) and any(t.label == "date" for t in tagged[:opening]) \
        and not any(t.label == "date" for t in tagged[opening:first])


#: at most this many words of a publisher's name read as a container (one more for partners' names, ``_partners``)
_SHORT_NAME = 3


def _partners(words: Sequence[str]) -> bool:
    """``words`` name partners as a publisher's name does: "Darton, Longman and Todd", "Farrar, Straus & Giroux"."""
    return len(words) == 4 and words[0].endswith(",") and words[2].casefold() in ("and", "&")
#: what may follow a book's publisher and its year: links, notes and the book's ISBN
_AFTER_BOOKS_PUBLISHER = _AFTER_PUBLISHER | {"isbn"}


def _medium_before(tagged: Sequence[Tagged], k: int) -> int:
    """The number of words before ``k`` that print a medium closed by its stop (``fields.MEDIUM``: ISO 690's "Title
    [en línea]. Publisher, 1993."), or 0."""
    for n in (1, 2, 3):
        if k - n > 0 and tagged[k - 1].token.text.endswith("].") and tagged[k - n].token.text.startswith("[") \
                and F.MEDIUM.fullmatch(" " + " ".join(t.token.text for t in tagged[k - n:k]).rstrip(".")):
            return n
    return 0


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


def publisher_by_its_rival(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The run of capitalised words between two delimiters that closes a reference (but for its date, links and
    notes), whose last words the model doubts with the publisher as their rival, is the publisher, in a reading with
    none: a book's "Title, Routledge and Kegan Paul, 1972.", "Title. World Bank Publications. www.worldbank.org",
    "Title [online]. OECD. [Accessed …]", "Title. Series. European Mathematical Society." (the model read the name
    as a note's, a title's or a container's words, and knew the publisher next best). The run opens after its
    delimiter ("," "." ";", not a title's colon: "RDKit: Open-Source Software") and holds a publisher's name
    (``_publishers_name``, or a publisher's runner-up at every word); one word is a publisher's of the lexicon or an
    acronym ("SIAM", "OECD"), not any word ("Title. In.", "Foo, 2019. Bar"); not a place ("Boston, MA."), not an
    identifier or a number, not the title itself; and words read as a container's name a body's (``fields.
    publishing_body``), not a periodical's ("IJCV, 2008.", "The Times. Retrieved from …")."""
    if any(t.label == "publisher" for t in tagged):
        return tagged
    last = len(tagged)
    while last > 0 and tagged[last - 1].label in _AFTER_PUBLISHER and tagged[last - 1].rival != "publisher":
        last -= 1
    end = last - 1  # the run's last word
    if end < 1 or tagged[end].rival != "publisher" or tagged[end].label not in _RIVAL_READ \
            or not (end + 1 == len(tagged) or tagged[end].token.text[-1:] in _CLOSERS):
        return tagged
    start = end
    while start > 0 and end - start < _RUN and tagged[start - 1].token.text[-1:] not in _DELIMITERS:
        start -= 1
    if start < 2 or end - start >= _RUN or not any(t.label == "title" for t in tagged[:start]):
        return tagged
    start = _name_over_comma(tagged, start, end)
    run = tagged[start:end + 1]
    words = [t.token.text for t in run]
    name = " ".join(words).rstrip(_CLOSERS)
    if any(t.label in ("container", "journal") for t in run) and not F.publishing_body(name):
        return tagged  # a periodical's name the model doubted: "IJCV, 2008.", "The Times. Retrieved from …"
    if not (words[0][:1].isupper() and words[-1][:1].isupper()) or any(
            t.label not in _RIVAL_READ or F.DIGIT.search(t.token.text) or ":" in t.token.text
            or not (t.token.text[:1].isupper() or t.token.text.casefold() in FUNCTION_WORDS) for t in run) \
            or F.known_place(name) or F.PERIODICAL.search(name) \
            or not (all(t.rival == "publisher" for t in run) or _publishers_name(words)) \
            or (len(words) == 1 and not (_ACRONYM_WORD.fullmatch(words[0]) or _publishers_name(words)
                                         or _books_last_word(tagged, start))):
        return tagged
    return [t._replace(label="publisher") if start <= k <= end else t for k, t in enumerate(tagged)]


def _books_last_word(tagged: Sequence[Tagged], k: int) -> bool:
    """Whether the word at ``k`` stands alone in a book's last sentence, right after the full stop that closes its
    title or its date, and closes that sentence: a name of one word ("Title. Phaidon.", "Title. 2010. Umweltbundesamt.",
    the imprint's place left out), which the reading drops from the title anyway; not a word before the year ("Title.
    Paris, 1990.", a place or a publisher). Not in a reading with a container's or a journal's name, not a
    word of a kind the lexicon knows (a thesis's, a month's, a periodical's, "In"), not a short or lower-case word."""
    before, word = tagged[k - 1], tagged[k].token.text.rstrip(_CLOSERS)
    return before.label in ("title", "date") and SENTENCE_END.search(before.token.text) is not None \
        and (k + 1 == len(tagged) or tagged[k].token.text.endswith(".")) \
        and len(word) > 3 and word[:1].isupper() and word.replace("-", "").isalpha() \
        and word.casefold() not in _NOT_A_BOOKS_NAME \
        and not any(t.label in ("container", "journal") for t in tagged)


#: the words of a kind no publisher's one-word name is: a thesis's or a report's, a month's, a periodical's, "In"
_NOT_A_BOOKS_NAME = THESIS | MONTHS | JOURNAL | IN


def _name_over_comma(tagged: Sequence[Tagged], start: int, end: int) -> int:
    """Where the run opens after a comma, the start of the name the comma is inside of: the capitalised words back to
    the delimiter before them, read with the run's label (not the title's), within ``_RUN`` words of its end
    ("Doubleday, Page and Company.", "Churchill College, University of Cambridge."); else ``start``."""
    label = tagged[start].label
    if label == "title" or not tagged[start - 1].token.text.endswith(","):
        return start
    k = start - 1
    while k > 0 and end - k < _RUN and tagged[k].label == label and tagged[k].token.text[:1].isupper():
        if tagged[k - 1].token.text[-1:] in ".;" or tagged[k - 1].label != label:
            return k
        k -= 1
    return start


#: labels the model read a closing publisher as
_RIVAL_READ = frozenset(("note", "title", "container", "journal", "collection", "genre"))
#: what ends the field before a publisher's name
_DELIMITERS = (",", ".", ";")
#: a publisher's acronym closed by its delimiter ("SIAM.", "OECD,")
_ACRONYM_WORD = lazy(r"[A-Z]{2,}[.,;]?")


def publisher_in_containers_parenthesis(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The parenthesis of capitalised words that closes a book's or a meeting's name after its comma, before the
    pages, is the publisher, in a reading with none: Frontiers prints "in Proceedings of the Symposium on Haskell,
    (Association for Computing Machinery), 25–36." (the model ran the name on over it). Not a name's own qualifier
    before its comma ("Journal of Physics (London), 12–20"), nor words that name no publisher (``_publishers_name``).
    The parenthesis may be read as the volume: "…, (ACM), 97–106." (a volume with no digit is no volume,
    ``relabel_volume_word``)."""
    if any(t.label == "publisher" for t in tagged):
        return tagged
    for end in range(2, len(tagged) - 1):
        if tagged[end + 1].label != "pages" or tagged[end].label not in ("container", "journal", "volume") \
                or not tagged[end].token.text.endswith(("),", ")")):
            continue
        start = end
        while start > 0 and end - start < _RUN and not tagged[start].token.text.startswith("("):
            start -= 1
        if not tagged[start].token.text.startswith("(") or tagged[start - 1].label not in ("container", "journal") \
                or (tagged[start - 1].label != tagged[end].label and tagged[end].label != "volume") \
                or not tagged[start - 1].token.text.endswith(",") \
                or any(t.label != tagged[end].label for t in tagged[start:end + 1]):
            return tagged
        words = [t.token.text.strip("(),") for t in tagged[start:end + 1]]
        if not all(w[:1].isupper() or w.casefold() in FUNCTION_WORDS for w in words) \
                or any(F.DIGIT.search(w) for w in words) or not _publishers_name(words):
            return tagged
        return [t._replace(label="publisher") if start <= k <= end else t for k, t in enumerate(tagged)]
    return tagged


def imprint_read_as_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A container's span that prints a place of one to four words and its colon, then a capitalised name, after the
    title's full stop (or its medium in brackets) and before the closing date, links and notes, is the book's imprint, in a
    reading with no publisher, place, volume, pages or editors: "Title. Ebelsbach am Main: Gremer, 1987.", "Title.
    Frankfurt am Main: Fischer-Taschenbuch-Verl. http://…", "Title. [online] Київ: Інститут …. Available at: …" (the
    model read "Place: Publisher" as a journal's name and its subtitle). Not a periodical's name, a periodical's word
    on either side of the colon (``_periodical_word``: "Nature: Journal of …", "Nature Reviews: Neuroscience", "The
    Lancet: Oncology"), not a container after "In:", not a place holding a digit or a lower-case word but a function
    word."""
    spans = [k for k, t in enumerate(tagged) if t.label in ("container", "journal")]
    if not spans or spans[-1] - spans[0] + 1 != len(spans) or len(spans) < 2 or len(spans) > _RUN:
        return tagged
    first, last = spans[0], spans[-1]
    colon = next((k for k in range(first, min(first + 4, last)) if tagged[k].token.text.endswith(":")), None)
    before = tagged[first - 1] if first else None
    if colon is None or before is None or not any(t.label == "title" for t in tagged[:first]) or not (
            (before.label == "title" and SENTENCE_END.search(before.token.text))
            or (before.token.text.startswith("[") and before.token.text.rstrip(".").endswith("]"))):
        return tagged  # a title's own colon after the date ("2025. Lightgbm: Light Gradient Boosting Machine.")
    place = [t.token.text for t in tagged[first:colon + 1]]
    words = [t.token.text for t in tagged[first:last + 1]]
    if not place[0][:1].isupper() or place[0].casefold().rstrip(":") in IN or not tagged[colon + 1].token.text[:1].isupper() \
            or any(F.DIGIT.search(w) or not (w[:1].isupper() or w.casefold() in _PLACE_JOINS) for w in place) \
            or F.PERIODICAL.search(" ".join(words)) \
            or any(_periodical_word(w, not all(map(str.isupper, words))) for w in words) \
            or not (last + 1 == len(tagged) or words[-1].endswith((",", "."))) \
            or any(t.label not in _AFTER_BOOKS_PUBLISHER for t in tagged[last + 1:]):
        return tagged
    return [t._replace(label="location") if first <= k <= colon else t._replace(label="publisher")
            if colon < k <= last else t for k, t in enumerate(tagged)]


#: the lower-case words a place's name holds ("Frankfurt am Main", "Stratford-upon-Avon", "Newcastle upon Tyne")
_PLACE_JOINS = frozenset(("am", "an", "der", "upon", "on", "de", "del", "la", "le", "sur", "im", "in", "bei", "di"))


def _periodical_word(word: str, acronyms: bool) -> bool:
    """Whether ``word`` is a periodical's word of the lexicon (``lexicon.JOURNAL``) in any form: in any case, with its
    punctuation, in the plural ("Nature", "Reviews:", "LETTERS,"). A word of three letters or fewer (a periodical's
    abbreviation or acronym: "Rev", "Ann", "BMJ") only with its stop ("Rev.:") or, where ``acronyms`` (the words
    around it are not all in capitals), in capitals ("BMJ:"), as places' names hold such words whole ("Ann Arbor",
    "Frankfurt am Main", "FRANKFURT AM MAIN")."""
    core = word.strip(_WORD_MARKS).casefold()
    if len(core) <= _ABBREVIATION and not word.rstrip(_WORD_MARKS.replace(".", "")).endswith(".") \
            and not (acronyms and word.isupper()):
        return False
    return core in JOURNAL or (core.endswith("s") and core[:-1] in JOURNAL)


#: the punctuation around a word that ``_periodical_word`` reads past
_WORD_MARKS = ".,:;()[]"
#: the most letters of a periodical's abbreviation ("Rev", "Int", "BMJ")
_ABBREVIATION = 3
