"""Rules over the tagger's labels for the parts of a book or a chapter (part of ``relabel``): where a publisher's span
opened a sentence early, a book's publisher run into its name, a subtitle read as a container (with the publisher after
it or not), a publisher in parentheses after a chapter's editors, a work cited in a title read as an imprint.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...lazyre import lazy
from ..names import PARTICLES
from . import fields as F
from .lexicon import AND, IN, JOURNAL, PUBLISHER, TRANSLATOR
from .names import is_bare_initials, is_initials
from .relabel_names import EDITOR_WORDS, first_run
from .relabel_publisher import publishers_name
from .relabel_publisher_bodies import BODY_RUN
from .relabel_spans import IMPRINT_RUN, NOT_IMPRINT, SENTENCE_END
from .tagger import Tagged


def publisher_past_a_sentence(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words of a publisher's span up to a full stop that closes a sentence inside it are no publisher's: a style
    prints the publisher whole after a stop, and the model opened the span a sentence early at a name it did not know.
    They are the field's the span follows where that field runs on into them (a book's, an editor's: "In Book, eds.
    Jane Roe and Robert S. Alley. Greenwood Press, 329–52."); after a title, or after a field its own stop closed, they
    are a series' ("Title. Ein Leitfaden für Studenten, Forscher und Laien. Verlag für Sozialwissenschaften.": whether
    they end the title or name a series, the string does not say, and a title is not lengthened on a guess). Not where
    the words before the stop are a publisher's or a body's ("Academic Press. New York", "Univ. Press"), an edition's
    or a number's, or the words after it a place."""
    for i in range(1, len(tagged)):
        if tagged[i].label != "publisher" or tagged[i - 1].label == "publisher":
            continue
        if tagged[i - 1].label not in _SENTENCE_BEFORE:
            break
        j, stop = i, -1
        while j < len(tagged) and tagged[j].label == "publisher":
            if j + 1 < len(tagged) and tagged[j + 1].label == "publisher" and _STOPPED.fullmatch(tagged[j].token.text) \
                    and tagged[j].token.text[:-1].casefold() not in PUBLISHER:
                stop = j
            j += 1
        if stop < 0 or not tagged[stop + 1].token.text[:1].isupper():
            break
        head = [t.token.text.strip(".,;:") for t in tagged[i:stop + 1]]
        tail = " ".join(t.token.text for t in tagged[stop + 1:j]).strip(".,;: ")
        if any(w.casefold() in PUBLISHER or w.casefold() in NOT_IMPRINT or F.DIGIT.search(w) for w in head) \
                or F.PUBLISHER_WORDS.search(" ".join(head)) \
                or F.publishing_body(" ".join(head)) or F.known_place(tail):
            break
        closed = SENTENCE_END.search(tagged[i - 1].token.text) is not None
        label = "collection" if closed or tagged[i - 1].label == "title" else tagged[i - 1].label
        return [t._replace(label=label) if i <= n <= stop else t for n, t in enumerate(tagged)]
    return tagged


#: the fields a publisher's span may have taken the last sentence of (a translator's: "Titre ? Traduit par Marjorie
#: Burghart. Encyclopédie numérique. OpenEdition Press.")
_SENTENCE_BEFORE = frozenset(("title", "container", "editor", "collection", "translator"))
#: a word closing a sentence: three letters or more, one of them lower case, and its full stop (not an initial, "J.",
#: or a two-letter abbreviation, "St.", "Co.")
_STOPPED = lazy(r"(?=[^\W\d_]{3,}[.?!]$)[^\W\d_]*[a-zà-ÿß][^\W\d_]*[.?!]")


def publisher_past_books_stop(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The last sentence of a book's name printed after its editors or opened by "In", closing that span before the
    date, the pages, the ISBN, a link or its note, or the reference's end, in a reading with no publisher, is the
    publisher: Vancouver's and ISO 690's "In: Doe J, ed. Book. Subtitle. Wallstein, 2005: 47–52." and "In: Jane DOE
    (Hrsg.), Book. Mouton de Gruyter. ISBN …", Vancouver's "In: IIWeb. Citeseer, 2003: 73–8." and SAGE Harvard's "In:
    Book. InTech. Available at: …" print a chapter's or a paper's publisher after its book's stop (the model ran the
    name on over a publisher it did not know, read at times as a journal's after "In"). A few
    capitalised words (or a name's lower-case ones, "Mouton de Gruyter", "Leske + Budrich") after a word's stop (not an
    ordinal's, "Proc. 5th. BCS-FACS Workshop"), no number; not a place, a meeting's or a periodical's name."""
    if any(t.label == "publisher" for t in tagged):
        return tagged
    words = [t.token.text for t in tagged]
    if (run := _one_container_run(tagged)) is None:
        return tagged
    first, last = run
    edited = tagged[first - 1].label == "editor" and tagged[first].label == "container"
    if not (edited or words[first].casefold().rstrip(":") in IN):
        return tagged
    if last + 1 < len(tagged) and tagged[last + 1].label not in _AFTER_BOOKS_PUBLISHER:
        return tagged
    stop = next((k for k in range(last - 1, max(first, last - BODY_RUN) - 1, -1) if _STOPPED.fullmatch(words[k])), None)
    if stop is None or stop < first + 1 or not words[last].endswith((",", ".", ":")):
        return tagged
    tail = [w.strip(".,:") for w in words[stop + 1:last + 1]]
    if not tail[0][:1].isupper() or F.known_place(" ".join(tail)) or F.PERIODICAL.search(" ".join(tail)) or any(
            F.DIGIT.search(w) or _ROMAN.fullmatch(w) or not (w[:1].isupper() or (w.islower() and len(w) < 4) or w in ("+", "&"))
            for w in tail):
        return tagged
    # after "In" alone, a name abbreviated word by word ("In Proc. Intl. Joint Conf. Art. Intell."), a journal's word
    # before the stop ("In Proc. IJCAI") or acronyms after it that are not all publishers' ("IJCAI", "ACM SIGPLAN"):
    # the meeting's name, no publisher
    if not edited and (any(w.endswith(".") for w in words[first + 1:stop]) or words[stop][:-1].casefold() in JOURNAL
                       or (all(w.isupper() for w in tail) and not all(w.casefold() in PUBLISHER for w in tail))):
        return tagged
    return [t._replace(label="publisher") if stop < k <= last else t for k, t in enumerate(tagged)]


#: an abbreviated word of a journal's name ("Lett.", "Syst.", "Bull.")
_ABBREVIATED = lazy(r"[A-Z][a-z]{0,4}\.,?")
#: a number in Roman numerals ("XXIV"): a yearbook's or a volume's, no publisher's name
_ROMAN = lazy(r"[IVXLC]{2,}")
#: what may follow a book's name closed by its publisher's
_AFTER_BOOKS_PUBLISHER = frozenset(("date", "pages", "isbn", "url", "doi", "note"))


def _one_container_run(tagged: Sequence[Tagged]) -> tuple[int, int] | None:
    """The first and last index of the reading's one run of container (or journal) labels, when it has one run
    and does not open with it; None else."""
    spans = [k for k, t in enumerate(tagged) if t.label in ("container", "journal")]
    if not spans or spans[-1] - spans[0] + 1 != len(spans) or not spans[0]:
        return None
    return spans[0], spans[-1]


def _container_after_title(tagged: Sequence[Tagged], stop: re.Pattern[str], closed: bool = True
                           ) -> tuple[int, int, list[str]] | None:
    """The reading's one run of container (or journal) labels, right after a title whose last word ``stop`` finds,
    not opened by "In" and (``closed``) closed by a full stop: its first and last index and the reading's words (None
    for none)."""
    if (run := _one_container_run(tagged)) is None:
        return None
    first, last = run
    words = [t.token.text for t in tagged]
    if tagged[first - 1].label != "title" or not stop.search(words[first - 1]) \
            or words[first].casefold().rstrip(":") in IN or (closed and not words[last].endswith(".")):
        return None
    return first, last, words


def subtitle_read_as_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A sentence between a title's stop and the publisher, read as a container in a reading with no editors, volume or
    pages, is the title's: a book's subtitle printed after the title's stop, "Politainment. Politik in der medialen
    Erlebnisgesellschaft. Suhrkamp, 2001." (a book is in no container; a chapter's is printed after "In" or its
    editors). Not a periodical's or a series' name ("Title. Lecture Notes in Statistics. Springer")."""
    if any(t.label in ("volume", "pages", "editor") for t in tagged):
        return tagged
    if (found := _container_after_title(tagged, _SENTENCE_OR_ASKED)) is None:
        return tagged
    first, last, words = found
    if F.PERIODICAL.search(" ".join(words[first:last + 1])) \
            or any(w.strip(".,").casefold() in JOURNAL for w in words[first:last + 1]):
        return tagged
    return _title_before_publisher(tagged, first, last)


def _title_before_publisher(tagged: Sequence[Tagged], first: int, last: int) -> Sequence[Tagged]:
    """``tagged`` with its tokens ``first`` to ``last`` read as the title's when the publisher comes next (past a place
    or an edition); else ``tagged`` as it is."""
    after = next((k for k in range(last + 1, len(tagged)) if tagged[k].label not in _BEFORE_PUBLISHER), len(tagged))
    if after == len(tagged) or tagged[after].label != "publisher":
        return tagged
    return [t._replace(label="title") if first <= k <= last else t for k, t in enumerate(tagged)]


def title_run_into_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A container run opened by a lower-case word right after a title's word that no punctuation closes, and closed by
    its stop before the publisher (a place or an edition between), in a reading with no editors, volume or pages, is the
    title's end: the model cut a book's title mid-sentence ("… und Politikfeldern | in der Bundesrepublik Deutschland. 2.
    VS Verlag"). A container is printed after the title's stop or comma, or after "In:"; none runs on from its words."""
    if (run := _one_container_run(tagged)) is None:
        return tagged
    first, last = run
    before, opening = tagged[first - 1].token.text, tagged[first].token.text
    if tagged[first - 1].label != "title" or not before[-1:].isalnum() or not opening[:1].islower() \
            or opening.endswith(":") or not tagged[last].token.text.endswith("."):
        return tagged
    return _title_before_publisher(tagged, first, last)


def subtitle_opening_journal(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A sentence of three words or more that opens a journal's span right after the title's stop, in a reading with a
    volume or pages and no editors, and that another sentence of the span follows, is the title's subtitle: "Title.
    Fernsehen, Radio, Zeitung und Internet im Vergleich. Media Perspektiven, 1, 2–17" (a title stored with its subtitle
    after a stop; the model read the subtitle into the journal's name). Not where a journal's word or an abbreviation
    closes or fills the sentence ("Aptum. Zeitschrift für …", "Proc. Natl. Acad."), nor a book's span after "In"."""
    if not any(t.label in ("volume", "pages") for t in tagged) or any(t.label == "editor" for t in tagged):
        return tagged
    if (found := _container_after_title(tagged, _SENTENCE_OR_ASKED, closed=False)) is None:
        return tagged
    first, last, words = found
    stop = next((k for k in range(first, last) if _SENTENCE_OR_ASKED.search(words[k])), None)
    if stop is None or stop - first < 2 or not words[stop + 1][:1].isupper() or _ABBREVIATED.fullmatch(words[stop]) \
            or any(w.strip(".,:;").casefold() in JOURNAL for w in words[first:stop + 1]) \
            or any(_ABBREVIATED.fullmatch(w) for w in words[stop + 1:last + 1]):
        return tagged  # "IEEE Signal Process. Lett.", "Bank of St. Louis Review": an abbreviated word's stop
    return [t._replace(label="title") if first <= k <= stop else t for k, t in enumerate(tagged)]


def subtitle_and_publisher_read_as_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A container span after a title's stop, in a reading with no publisher, volume, pages or editors, that holds two
    sentences or more and closes the reference (but for its date, ISBN or link) is a book's subtitle and its publisher:
    "Reinemann, Carsten. 2003. Medienmacher Als Mediennutzer. Kommunikations- Und Einflussstrukturen Im Politischen
    Journalismus Der Gegenwart. Böhlau." (a title stored with its subtitle after a stop, German-style, before a publisher
    the model did not know). The last sentence is the publisher where it is a few capitalised words (or a name's
    lower-case ones), no number, no place, no periodical's name; the sentences before it are the title's."""
    if (found := _container_after_title(tagged, _TITLE_STOP)) is None:
        return tagged
    first, last, words = found
    if any(t.label not in _AFTER_BOOKS_PUBLISHER for t in tagged[last + 1:]):
        return tagged
    # a full stop, not a question mark: "The Why? Files." is a site's name, as MLA prints it
    stop = next((k for k in range(last - 1, max(first, last - BODY_RUN) - 1, -1)
                 if _STOPPED.fullmatch(words[k]) and words[k].endswith(".")), None)
    if stop is None or stop < first + 1:
        return tagged
    tail = [w.strip(".,:") for w in words[stop + 1:last + 1]]
    head = " ".join(words[first:stop + 1])
    if not tail[0][:1].isupper() or F.known_place(" ".join(tail)) or F.PERIODICAL.search(" ".join(words[first:last + 1])) \
            or any(w.strip(".,").casefold() in JOURNAL for w in words[first:last + 1]) or F.DIGIT.search(head) or any(
            F.DIGIT.search(w) or _ROMAN.fullmatch(w) or not (w[:1].isupper() or (w.islower() and len(w) < 4) or w in ("+", "&"))
            for w in tail):
        return tagged
    return [t._replace(label="title" if k <= stop else "publisher") if first <= k <= last else t
            for k, t in enumerate(tagged)]


#: a title's last word closed by its stop, a quote printed either side of it or an ellipsis ("Abend...", "Christiansen„."),
#: or by a question or exclamation mark and the stop a style prints after it all the same ("Öffentlichkeit?.")
_TITLE_STOP = lazy(r"\w{2,}[”“„»\"’]?(?:[.?!]|\.\.\.|…|[?!]\.)[”“„»\"’]?$")
#: a sentence's last word (as ``SENTENCE_END`` finds it), its question or exclamation mark followed by the style's stop or not
_SENTENCE_OR_ASKED = lazy(r"(?<![\w)’”»])[\w)’”»]{2,}(?:[.?!]|[?!]\.)[”»]?$")
#: what a style prints between a book's title and its publisher: the place, the edition ("Subtitle. 2. VS Verlag")
_BEFORE_PUBLISHER = frozenset(("location", "edition"))


def publisher_after_editors(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A parenthesis right after a chapter's editors that holds a name and nothing else (no year, number or role), and
    closes the span before the pages or the reference's end, is the book's publisher, and a name before a colon in it
    the place: Frontiers prints "in Book, eds. C. Roe and H. Poe (Carl Hanser Verlag), 10–16." (the model, trained on
    a year in such parentheses, ran the editors on into it); so is it where the model read the last editor's family
    name as the publisher's first word ("eds. C. Roe and H. Brandenberg (Carl Hanser Verlag)"), which is the editor's."""
    words = [t.token.text for t in tagged]
    for j in range(2, len(tagged)):
        if not words[j].startswith("(") or len(words[j]) < 2 \
                or (words[j - 1].endswith((",", ".", ";", ":")) and not _INITIAL.fullmatch(words[j - 1])):
            continue
        named = j > 2 and tagged[j - 1].label == "publisher" and tagged[j - 2].label == "editor" \
            and tagged[j].label == "publisher" and words[j - 1][:1].isupper() and words[j - 1].isalpha()
        if tagged[j - 1].label != "editor" and not named:
            continue
        k = next((m for m in range(j, min(j + IMPRINT_RUN, len(tagged))) if ")" in words[m]), -1)
        if k < 0 or not _CLOSED.fullmatch(words[k]) or any(t.label not in _AFTER_BOOKS_PUBLISHER | {"pages"}
                                                           for t in tagged[k + 1:]):
            return tagged
        inner = [w.strip("(),.;:").casefold() for w in words[j:k + 1]]
        if any(not w or w in NOT_IMPRINT or F.DIGIT.search(w) for w in inner) or words[j][1:2] in "[(" \
                or not words[j][1:2].isupper():
            return tagged
        colon = next((m for m in range(j, k) if words[m].endswith(":")), -1)
        return [t._replace(label="location" if n <= colon else "publisher") if j <= n <= k
                else t._replace(label="editor") if n == j - 1 else t for n, t in enumerate(tagged)]
    return tagged


#: an editor's initial closing the names before the parenthesis ("and G. (Routledge)" is rare: a family name closes them)
_INITIAL = lazy(r"[A-ZÀ-Þ]\.")
#: the word closing such a parenthesis, and the comma or stop after it
_CLOSED = lazy(r"\(?[^()]*\)[.,;]?")

def work_cited_in_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A parenthesis right after a title's words that lists names up to an "&" or an "and" and closes on a year, in a
    reference whose own year was printed before it, is the title's: a work the title cites, "(2014). A Secondary
    Replication Attempt of Stereotype Susceptibility (Shih, Pittinsky, & Ambady, 1999). Social Psychology" (the model
    read it as an imprint: a publisher, a place and a date)."""
    words = [t.token.text for t in tagged]
    for j in range(1, len(tagged)):
        if not words[j].startswith("(") or tagged[j - 1].label != "title":
            continue
        k = next((m for m in range(j, min(j + IMPRINT_RUN, len(tagged))) if ")" in words[m]), -1)
        if k < 0 or not _CITED_YEAR.fullmatch(words[k]) or not any(
                words[m].endswith(",") and words[m + 1].casefold() in ("&", "and") for m in range(j, k - 1)) \
                or not any(t.label == "date" and F.YEAR_RE.search(t.token.text) for t in tagged[:j]):
            continue
        return [t._replace(label="title") if j <= n <= k else t for n, t in enumerate(tagged)]
    return tagged


#: the year that closes a work's citation in parentheses, and the title's stop and quote after it ("1999).”")
_CITED_YEAR = lazy(rf"{F.YEAR}[a-z]?\)[.,;:]?[”’\"»]?")


#: Italian's "edited by" ("a cura di", "a cura del", "a cura della"), as three tokens
_A_CURA = ("a", "cura")
_A_CURA_OF = frozenset(F.A_CURA_OF)
_EDITOR_NAME_WORD = lazy(F.NAME_WORD)
#: at most this many words in a name written in direct order after "a cura di" ("Ferdinand Seibt")
_DIRECT_NAME = 5


def editors_after_a_cura_di(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """"a cura di" and the names after it, read into a title's or a book's span, are the editors': Italian's "edited
    by", before names in direct order up to a comma or a parenthesis ("in Europa im Hoch- und Spätmittelalter, a cura
    di Ferdinand Seibt (Handbuch der europäischen Geschichte), Klett-Cotta") or inverted, each closed by its comma and
    joined by dashes ("Nietzsche, Friedrich, a cura di Colli, Giorgio – Montinari, Mazzino, Sämtliche Werke"). The
    words the span goes on with are its own; a series in parentheses right after the names is the series'. The words
    before the role that open the string, which the model doubted with the author as their rival, are the author's
    ("Aristotle, a cura di Hicks, Robert Drew, De anima": a title before the role is as common, "Rime, a cura di …")."""
    words = [t.token.text for t in tagged]
    for i in range(len(tagged) - 3):
        if words[i].casefold() != _A_CURA[0] or words[i + 1].casefold() != _A_CURA[1] \
                or words[i + 2].casefold() not in _A_CURA_OF or tagged[i].label not in ("title", "container"):
            continue
        j = i + 3  # the first word of the names
        if not words[j][:1].isupper():
            return tagged  # a name opens with its capital ("a cura di tutti"; "a cura di de Sanctis" is not read)
        if words[j].endswith(","):  # inverted: "Family, Given Given," or "Family, Given – Family, Given,"
            while True:
                g = j + 1
                while g < len(tagged) and g - j <= 4 and _EDITOR_NAME_WORD.fullmatch(words[g]) \
                        and not words[g].endswith(","):
                    g += 1
                if g + 1 < len(tagged) and g > j + 1 and words[g] == "–" and words[g + 1].endswith(","):
                    j = g + 1
                    continue
                if g == len(tagged) or not words[g].endswith(",") or not _EDITOR_NAME_WORD.fullmatch(words[g]):
                    return tagged
                end = g
                break
        else:  # direct: "Ferdinand Seibt" up to its comma or a parenthesis
            end = j
            while end < len(tagged) and end - j < _DIRECT_NAME and _EDITOR_NAME_WORD.fullmatch(words[end]) \
                    and not words[end].endswith(",") and words[end + 1:end + 2] != ["–"] \
                    and not (end + 1 < len(tagged) and words[end + 1].startswith("(")):
                end += 1
            if end == len(tagged) or end - j >= _DIRECT_NAME or not _EDITOR_NAME_WORD.fullmatch(words[end]) \
                    or not words[end][:1].isupper():
                return tagged
        first = 0  # the words before the role, at the string's start, that the model doubted as the author's
        while first < i and tagged[first].label in ("author", "title") and (tagged[first].label == "author"
                                                                           or tagged[first].rival == "author"):
            first += 1
        author = first == i and i > 0 and words[i - 1].endswith(",")
        series = end  # "(Handbuch der europäischen Geschichte)," right after the names, in the span
        if end + 1 < len(tagged) and words[end + 1].startswith("(") and not words[end].endswith(","):
            series = next((k for k in range(end + 1, min(end + 1 + IMPRINT_RUN, len(tagged))) if ")" in words[k]), end)
            if any(t.label != tagged[i].label for t in tagged[end + 1:series + 1]):
                series = end
        return [t._replace(label="author") if author and n < i else t._replace(label="editor") if i <= n <= end
                else t._replace(label="collection") if end < n <= series else t for n, t in enumerate(tagged)]
    return tagged


#: what may follow an editors' role and still be theirs: a second role ("ed. and trans.", "Hrsg. u. übers.")
_NOT_BOOK = EDITOR_WORDS | frozenset(w.strip("()[].") for w in TRANSLATOR) | AND | {"u"}


def book_after_editors_role(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The capitalised words of an editors' span after the role that closes their names are the book's, in a reading
    with no book or journal: Vancouver's and AMA's "In: Doe B, ed. Hypertension Today. 2nd ed." and Springer's "In:
    Doe, B. (ed.) Hypertension Today, pp. 71–89." (the model ran the names on into a short title). The words before
    the role are names with initials: not a role printed before the names ("In: eds. C. Roe and H. Poe"), nor Chicago's
    book before it ("in Hypertension Today, ed. Bob Doe (London:", ``book_opening_editors``); nor a second role after
    the first ("ed. and trans.")."""
    if any(t.label in ("container", "journal") for t in tagged):
        return tagged
    if (run := first_run(tagged, "editor")) is None:
        return tagged
    start, end = run
    for r in range(start + 1, end - 1):
        if tagged[r].token.text.strip("()[].,;:").casefold() not in EDITOR_WORDS:
            continue
        named = any(is_initials(w) or is_bare_initials(w) for w in (t.token.text.rstrip(",;:") for t in tagged[start:r]))
        after = tagged[r + 1].token.text
        if not named or not after[:1].isupper() or after.strip("()[].,;:").casefold() in _NOT_BOOK:
            return tagged
        return [t._replace(label="container") if r < n < end else t for n, t in enumerate(tagged)]
    return tagged


def book_after_closed_editors(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The span right after the role that closes a chapter's editors opened by "In", read as a note's, a publisher's
    or a second title's words, is the book, in a reading with no book or journal: Vancouver's "In: Doe B, Roe C,
    editors. Book of Essays, Place: Publisher", ISO 690's "In : DOE, Bob (éd.), Book of Essays. Place :", APA's "In B.
    Doe (Ed.), Book of Essays (pp. 1–9)" (the model, which saw few books there, read it as what follows one). The words
    before the role are names (``_names_only``). Of a publisher's span, the words
    after its last comma or in its parentheses stay the publisher's ("editors. Book of Essays, Erlbaum; 2003")."""
    if any(t.label in ("container", "journal") for t in tagged) or (run := first_run(tagged, "editor")) is None:
        return tagged
    start, end = run
    if end >= len(tagged) or end - start < 3 or tagged[start].token.text.casefold() not in IN \
            or tagged[end - 1].token.text.strip("()[].,;:").casefold() not in CLOSING_ROLES:
        return tagged
    label = tagged[end].label
    if label not in _BOOK_READ_AS or (label == "title" and not any(t.label == "title" for t in tagged[:start])) \
            or not tagged[end].token.text[:1].isupper() \
            or not _names_only([t.token.text.rstrip(",;:") for t in tagged[start + 1:end - 1]]):
        return tagged
    stop = end
    while stop < len(tagged) and tagged[stop].label == label:
        stop += 1
    out = list(tagged)
    # "Book of Essays, Erlbaum;", "Book of Essays (Routledge,": the publisher closes the span (of a note's, a name of the
    # lexicon's, "Book of Essays, Lawrence Erlbaum; 2003.": the year after it is ``_doubted_year``'s)
    last = stop
    while last > end and F.YEAR_ONLY.fullmatch(tagged[last - 1].token.text.strip("()[].,;:")):
        last -= 1
    cut = next((k for k in range(last - 1, end, -1) if tagged[k].token.text.startswith("(")
                or (tagged[k - 1].token.text.endswith((",", ";")) and last - k <= BODY_RUN)), None)
    if cut is not None and (label == "publisher" or publishers_name([t.token.text for t in tagged[cut:last]])):
        out[cut:last] = [t._replace(label="publisher") for t in tagged[cut:last]]
        stop = cut
    out[end:stop] = [t._replace(label="container") for t in tagged[end:stop]]
    return out


def _names_only(words: Sequence[str]) -> bool:
    """``words`` are names: an initial or a family name in capitals (ISO 690's "DOE, Bob") at least, and no lower-case
    word but "and" and a name's particles (MDPI's "In Book of Essays; Doe, B., Eds.;" has the book's words before the
    names)."""
    return any(is_initials(w) or is_bare_initials(w) or (len(w) > 1 and w.isupper()) for w in words) and all(
        not w.islower() or w in AND or w in PARTICLES for w in words)


#: the roles that close a chapter's editors' names: the lexicon's, and French "(éd.)", "(éds.)"
CLOSING_ROLES = EDITOR_WORDS | frozenset(("éd", "éds"))
#: labels the model read a chapter's book after its editors as (a second title: the chapter's is the first)
_BOOK_READ_AS = frozenset(("note", "publisher", "title"))


#: at most this many words in a place's name ("Frankfurt am Main", "Rio de Janeiro", "Thousand Oaks, CA")
_PLACE_RUN = 4


def place_closing_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The last sentence of a container's span, a few capitalised words (or a place's particles) closed by the colon
    before the publisher, is the place: "Vergangene Zukunft. Zur Semantik geschichtlicher Zeiten. Frankfurt am Main:
    Suhrkamp." (the model read a book's subtitle as a container and ran it on over the place), the colon set apart
    in French ("Paris : Seuil"); the subtitle before it is then read as ``subtitle_read_as_container`` reads one."""
    for i in range(1, len(tagged)):
        if tagged[i].label != "publisher" or tagged[i - 1].label not in ("container", "journal") \
                or not tagged[i - 1].token.text.endswith(":"):
            continue
        s = i - 1
        while s > 0 and i - s <= _PLACE_RUN and tagged[s - 1].label == tagged[i - 1].label \
                and not SENTENCE_END.search(tagged[s - 1].token.text):
            s -= 1
        if i - s > _PLACE_RUN or not s or tagged[s - 1].label != tagged[i - 1].label \
                or not tagged[s].token.text[:1].isupper() \
                or any(not (w[:1].isupper() or (w.islower() and len(w) <= 3) or w == ":") or F.DIGIT.search(w)
                       for w in (t.token.text for t in tagged[s:i])):
            return tagged
        return [t._replace(label="location") if s <= n < i else t for n, t in enumerate(tagged)]
    return tagged


def book_read_as_place(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The sentences of a place's span right after the editors' role, up to the place's own sentence, are the book's,
    in a reading with no book or journal: "En: Pérez, J. (ed.). Historia urbana. Madrid: Cátedra" (the model read a
    short book title as the place's first words); so is a translator's span there with no translator's word, "In :
    DOE, Bob (dir.). Traité d'hypertension. Paris :". A chapter's book follows its editors."""
    if any(t.label in ("container", "journal") for t in tagged):
        return tagged
    for i in range(1, len(tagged)):
        label = tagged[i].label
        if label not in ("location", "translator") or tagged[i - 1].label != "editor" \
                or tagged[i - 1].token.text.strip("()[].,;:").casefold() not in EDITOR_WORDS:
            continue
        j = i
        while j < len(tagged) and tagged[j].label == label:
            j += 1
        if label == "translator":
            if any(t.token.text.strip("()[].,;:").casefold() in _NOT_BOOK for t in tagged[i:j]) \
                    or not tagged[i].token.text[:1].isupper():
                return tagged
            return [t._replace(label="container") if i <= n < j else t for n, t in enumerate(tagged)]
        stop = next((k for k in range(j - 2, i - 1, -1) if SENTENCE_END.search(tagged[k].token.text)), None)
        if stop is None or not tagged[j - 1].token.text.endswith(":") or not tagged[i].token.text[:1].isupper():
            return tagged
        return [t._replace(label="container") if i <= n <= stop else t for n, t in enumerate(tagged)]
    return tagged


def book_opening_editors(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words of an editors' span after its "in", up to the comma before the names, are the book's in a reading with
    no book or journal: IEEE's "in Hypertension Today, B. Doe, Ed. London" (names after the book, initials first, the
    role closing the span) and Chicago's "in Hypertension Today, ed. Bob Doe (London:" (the role after the book's
    comma, then the names); the model read a short book title into the editors' names. Not Harvard's "in Doe, B. (ed.)
    Book" (a family name before the comma, initials and the role after it)."""
    if any(t.label in ("container", "journal") for t in tagged):
        return tagged
    run = first_run(tagged, "editor")
    if run is None or tagged[run[0]].token.text.casefold().rstrip(":") not in IN:
        return tagged
    start, end = run
    comma = next((k for k in range(start + 1, end - 2) if tagged[k].token.text.endswith(",")), None)
    if end - start < 4 or comma is None or not tagged[start + 1].token.text[:1].isupper():
        return tagged
    role = tagged[comma + 1].token.text.strip("()[].,;:").casefold() in EDITOR_WORDS
    if role:  # Chicago: "ed. Bob Doe", a name's capitalised words after the role
        if not tagged[comma + 2].token.text[:1].isupper() or is_initials(tagged[comma + 2].token.text):
            return tagged
    else:  # IEEE: "B. Doe, Ed.", initials and a family name, the role closing the span
        initials, family = tagged[comma + 1].token.text, tagged[comma + 2].token.text
        if tagged[end - 1].token.text.strip("()[].,;:").casefold() not in EDITOR_WORDS or not is_initials(initials) \
                or initials.endswith(",") or not family[:1].isupper() or is_initials(family) \
                or family.strip("()[].,;:").casefold() in EDITOR_WORDS:
            return tagged
    return [t._replace(label="container") if start <= n <= comma else t for n, t in enumerate(tagged)]


#: a book's edition as Chicago prints it after the editors ("edited by César Benjamin, 3rd ed., Vol. 2"): an ordinal
#: number, then the edition's word
_ORDINAL = lazy(r"\d{1,2}(?:st|nd|rd|th)")
_EDITION_WORD = lazy(r"(?i)(?:ed|edn|edition)\.?,?")


def edition_closing_editors(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """An ordinal number and the edition's word closing the editors' span, after a comma, are the book's edition: the
    model read "edited by César Benjamin, 3rd ed.," whole as the editors (and "3rd" became a name's suffix)."""
    for i in range(1, len(tagged) - 1):
        if tagged[i].label != "editor" or tagged[i + 1].label != "editor" \
                or not _ORDINAL.fullmatch(tagged[i].token.text) or not _EDITION_WORD.fullmatch(tagged[i + 1].token.text) \
                or not tagged[i - 1].token.text.endswith(",") or tagged[i - 1].label != "editor" \
                or (i + 2 < len(tagged) and tagged[i + 2].label == "editor"):
            continue
        return [t._replace(label="edition") if n in (i, i + 1) else t for n, t in enumerate(tagged)]
    return tagged
