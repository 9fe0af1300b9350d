"""Rules over the tagger's labels that find a book's or a periodical's name after "In:" or a quoted title, and a
title's own opening and closing quote or bracket (part of ``relabel``, beside ``relabel_journal``): where "In:", the
title's quotes or a bracket say the words the model read as the title's are a container's, or the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...locale_terms import quote_closers
from . import fields as F
from .lexicon import IN
from .relabel_journal import VOLUME as _VOLUME
from .relabel_names import RUN as _RUN
from .relabel_spans import SENTENCE_END
from .tagger import Tagged


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
    closing = _closing_word([t.token.text for t in tagged[start:]], closer)
    end = start
    while end < len(tagged) and tagged[end].label == "title":
        if closing == end - start:
            return tagged  # the model closed the title at its quote
        end += 1
    j = end
    while j < len(tagged) and j - end < _RUN and tagged[j].label in ("container", "journal"):
        if closing == j - start:
            if j + 1 < len(tagged) and tagged[j + 1].label == tagged[j].label:  # the name goes on after the quote
                return [t._replace(label="title") if end <= k <= j else t for k, t in enumerate(tagged)]
            return tagged
        j += 1
    return tagged


def bracket_opening_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The word before the title that opens a square bracket the title's words close, and nothing closes before, is the
    title's first: NLM prints a title translated into English in square brackets ("Doe J. [Letter: The defense of
    French medical publications. I protest!]. Journal"), whose first word the model read as the names' last; so is the
    word that opens a quote the title's words close (OSCOLA's "Shore B, ‘Twice-Born, Once Conceived: …’ (1991)")."""
    start = next((k for k, t in enumerate(tagged) if t.label == "title"), 0)
    opener = tagged[start - 1].token.text[:1] if start else ""
    if opener not in _TITLE_CLOSER or _TITLE_CLOSER[opener] in tagged[start - 1].token.text[1:]:
        return tagged
    closer = _TITLE_CLOSER[opener]
    end = start
    while end < len(tagged) and tagged[end].label == "title" and closer not in tagged[end].token.text:
        end += 1
    if end == len(tagged) or tagged[end].label != "title" or opener in "".join(t.token.text for t in tagged[start:end + 1]):
        return tagged
    return [t._replace(label="title") if k == start - 1 else t for k, t in enumerate(tagged)]


def description_closing_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A description in square brackets closing the title, a few capitalised words with no digit, is the genre's: APA
    prints the kind of work there ("Title [SSRN Scholarly Paper].", "Title [Text].", "Title [Computer software]."), no
    part of the title, which goes on before it (NLM's title translated into English is all in brackets)."""
    run = [k for k, t in enumerate(tagged) if t.label == "title"]
    if not run or run[-1] - run[0] + 1 != len(run):
        return tagged
    last = run[-1]
    if not tagged[last].token.text.rstrip(".,;:").endswith("]"):
        return tagged
    opens = next((k for k in range(last, max(run[0], last - _DESCRIPTION_RUN) - 1, -1)
                  if tagged[k].token.text.startswith("[")), None)
    if opens is None or opens - run[0] < 2:
        return tagged
    words = " ".join(t.token.text for t in tagged[opens:last + 1])
    if not words[1:2].isupper() or F.DIGIT.search(words) or words.count("[") != 1 or words.count("]") != 1:
        return tagged
    return [t._replace(label="genre") if opens <= k <= last else t for k, t in enumerate(tagged)]


#: the most words of a description in brackets closing a title ("[Doctoral dissertation, University of Kent]")
_DESCRIPTION_RUN = 6


#: what closes a title opened by a quote, or by the square bracket of NLM's title translated into English
_TITLE_CLOSER = {**F.QUOTE_CLOSER, "[": "]"}


def _closing_word(words: list[str], closer: str) -> int:
    """Which of ``words`` (the first opening a quote) the quote closes at the end of (``fields.quote_end``; a stop or a
    comma may follow it), -1 where none does."""
    text = " ".join(words)
    at = F.quote_end(text, 1, closer)
    k = text.count(" ", 0, at)
    starts = text[:at].rfind(" ") + 1
    return k if at > 0 and at == starts + len(words[k].rstrip(".,;:")) - len(closer) else -1


def _closes(word: str, closer: str, first: bool) -> bool:
    """``word`` ends with the quote ``closer`` (and a stop or a comma after it); an opening word closes only past its
    own opening quote."""
    core = word.rstrip(".,;:")
    return core.endswith(closer) and (not first or len(core) > 1)


def quoted_journal_after_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Quoted words after an unquoted title's comma, which the model doubts with the journal as runner-up, right before
    the date or the volume, are the journal, in a reading with no container: Polish (PN-ISO 690) "Names, Title of the
    article, „Journal” 2016, t. 8, nr 17" (the model read the quoted name as the title's last words)."""
    for q in range(2, len(tagged) - 1):
        opener = tagged[q].token.text[:1]
        if opener not in F.QUOTE_CLOSER or tagged[q].label != "title" or tagged[q - 1].label != "title" \
                or not tagged[q - 1].token.text.endswith(","):
            continue
        start = q
        while start > 0 and tagged[start - 1].label == "title":
            start -= 1
        if any(t.token.text[:1] in F.QUOTE_CLOSER for t in tagged[start:q]) \
                or any(t.label in ("container", "journal") for t in tagged):
            return tagged  # a quoted title's own words, or a reading with a container already
        words = [t.token.text for t in tagged[q:q + _RUN]]
        k = max(_closing_word(words, closer) for closer in quote_closers(opener))  # „ closes with “ or ”
        end = q + k + 1
        if k < 0 or end >= len(tagged) or tagged[end].label not in ("date", "volume") \
                or any(t.label != "title" or t.rival != "journal" for t in tagged[q:end]):
            return tagged
        return [t._replace(label="journal") if q <= n < end else t for n, t in enumerate(tagged)]
    return tagged
