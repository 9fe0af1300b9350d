"""Rules over the tagger's labels that find where a journal's name opens and closes (part of ``relabel``, beside
``relabel_journal``): an abbreviated first word, initials or a qualifier closing it, an arXiv preprint's number, and a
name the model doubted before the journal's numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from ...locale_terms import NO_DATE
from . import fields as F
from .lexicon import EDITOR, JOURNAL
from .names import FUNCTION_WORDS
from .relabel_journal import date_word as _date_word
from .relabel_names import RUN as _RUN
from .relabel_numbers import PAGE_RUN
from .relabel_spans import SENTENCE_END
from .tagger import Tagged


def abbreviation_opening_journal(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Abbreviated words after the title's last comma or closing stop, right before a journal's span that opens with
    another or with an acronym, are the journal's first words: Copernicus's "Title, Scand. | J. Trauma Resusc. Emerg.
    Med., 31", "Title, Angew. | Chem. Int. Ed., 45" and INSPIRE's "Title, DAE Symp. | Nucl. Phys., 65", Vancouver's
    "Ring currents. Prog. | Nucl. Magn. Reson. Spectrosc. 36", ABNT's "Title. Commun. | ACM, v. 38" (the model read
    them as the title's). At most ``_OPENING`` words, an acronym among them only before an abbreviated one."""
    for k in range(1, len(tagged) - 1):
        if tagged[k + 1].label == "journal" and tagged[k].label == "title":
            first = tagged[k + 1].token.text.rstrip(",")
            if not (_ABBREVIATION.fullmatch(first) or F.JOURNAL_ACRONYM.fullmatch(first)):
                break
            start = k
            while start > 1 and k - start + 1 < _OPENING and tagged[start - 1].label == "title" \
                    and F.JOURNAL_ACRONYM.fullmatch(tagged[start - 1].token.text) \
                    and _ABBREVIATION.fullmatch(tagged[start].token.text):
                start -= 1
            before = tagged[start - 1].token.text
            if tagged[start - 1].label == "title" and (before.endswith(",") or (
                    SENTENCE_END.search(before) is not None and not _ABBREVIATION.fullmatch(before))) \
                    and _ABBREVIATION.fullmatch(tagged[k].token.text):
                return [t._replace(label="journal") if start <= n <= k else t for n, t in enumerate(tagged)]
            break
    return tagged


#: at most this many words of a journal's name the title may have run on over
_OPENING = 2


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


def section_closing_journal(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """One capital letter with no stop after an abbreviated journal's name, right before a number, is the name's last
    word, the journal's section: "Phys. Rev. C 58, 1184–1203", "Phys. Lett. B 58: 1184" (the model read the letter as
    the volume's or a note's, and the journal lost it); so are the abbreviated words between the name's span and the
    letter that the model read as a note's ("Phys. | Rev. C 52:3026–31"). Where the letter was the reading's only
    volume, the number after it that the model read as the pages is the volume ("Phys. Rev. C 74 (2006): 054905")."""
    out: list[Tagged] | None = None
    for i in range(1, len(tagged) - 1):
        if tagged[i - 1].label not in ("journal", "container") or not _ABBREVIATION.fullmatch(tagged[i - 1].token.text):
            continue
        j = i
        while j < len(tagged) - 1 and tagged[j].label == "note" and _ABBREVIATION.fullmatch(tagged[j].token.text):
            j += 1
        if tagged[j].label in ("volume", "note") and _SECTION.fullmatch(tagged[j].token.text) \
                and j + 1 < len(tagged) and tagged[j + 1].token.text[:1].isdigit():
            out = out or list(tagged)
            out[i:j + 1] = [t._replace(label=tagged[i - 1].label) for t in tagged[i:j + 1]]
            after = tagged[j + 1]
            if tagged[j].label == "volume" and after.label == "pages" and _BARE_NUMBER.fullmatch(after.token.text) \
                    and not any(t.label == "volume" for k, t in enumerate(tagged) if k != j):
                out[j + 1] = after._replace(label="volume")
    return tagged if out is None else out


#: a number alone, maybe closed by a comma or a colon
_BARE_NUMBER = lazy(r"\d+[,:]?")


#: a journal's section after its name: one capital letter, no stop, none a roman volume's ("Studies in History. V 12")
_SECTION = lazy(r"[A-HJKN-UWYZ]")


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


def periodical_closing_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words after a title's last comma or full stop, right before the volume (or a date and then the volume), are
    the journal where one of them is a periodical's word of the lexicon (``lexicon.JOURNAL``: "Journal", "Annals",
    "Proceedings", "Studies"), in a reading with no container; before the pages alone, they are the book or the
    proceedings a paper is in. Copernicus's "Title, Trends in Cognitive Sciences, 16, 458–466", ABNT's "Title. Annals of
    the New York Academy of Sciences, v. 935" and Vancouver's "Title. Proceedings of the Royal Society B 1997; 264:"
    (the model, sure of itself, ran the title on over a name it had not seen); a name with no such word stays the
    title's."""
    if any(t.label in ("container", "journal") for t in tagged):
        return tagged
    for i in range(2, len(tagged)):
        if tagged[i - 1].label != "title" or not _numbers_follow(tagged, i):
            continue
        s = i - 1
        while s > 0 and i - s < _PERIODICAL_RUN and tagged[s - 1].label == "title" \
                and not (tagged[s - 1].token.text.endswith(",") or SENTENCE_END.search(tagged[s - 1].token.text)):
            s -= 1
        words = [t.token.text.strip(".,;:()").casefold() for t in tagged[s:i]]
        if s < 2 or tagged[s - 1].label != "title" or not tagged[s].token.text[:1].isupper() \
                or not any(len(w) > 3 and w in JOURNAL for w in words):
            return tagged
        label = "container" if tagged[i].label == "pages" else "journal"
        return [t._replace(label=label) if s <= n < i else t for n, t in enumerate(tagged)]
    return tagged


def _numbers_follow(tagged: Sequence[Tagged], i: int) -> bool:
    """The volume or the pages open at ``i``, or a date does with the volume right after it."""
    if tagged[i].label in ("volume", "pages"):
        return True
    j = i
    while j < len(tagged) and j - i < 3 and tagged[j].label == "date":
        j += 1
    return j > i and j < len(tagged) and tagged[j].label == "volume"


#: at most this many words in a journal's name closing a title ("The Ohio State University Research Foundation Project
#: on Linguistic Analysis")
_PERIODICAL_RUN = 14


#: what the model may read a journal printed between the title and the numbers as
_DOUBTED_JOURNAL = frozenset(("title", "publisher", "location", "note", "genre"))


def journal_between_volume_and_page(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """After a title closed by its quote and a year in parentheses, "volume, journal, first page" up to the end (or to
    a link or a note) are the volume, the journal and the pages: the law styles' article, OSCOLA's "‘Title’ (1991) 93
    American Anthropologist 9" and McGill's "« Title » (2007) 36:2 Aquacultural engineering 115‑121." (the model,
    which never saw a journal printed between its volume and its page, ran the title on over them, read the page as
    the volume, or the year as the run's first word and the volume as a date); the quoted title's words are the title's (the model may read its last word as a name's). Left
    as read where the quote opens no title's word, where a word between the numbers has a digit or a field's comma
    or semicolon, or where the run holds another label than a title's, a container's, a journal's, a note's, a
    publisher's or a number's."""
    for d in range(1, len(tagged) - 3):
        date = tagged[d]
        if date.label not in _YEAR_READ or not _YEAR_IN_PARENS.fullmatch(date.token.text) \
                or tagged[d - 1].token.text.rstrip(".,")[-1:] not in _QUOTE_CLOSERS:
            continue
        opened = next((k for k in range(d - 1, max(d - 1 - _QUOTED_RUN, -1), -1)
                       if tagged[k].token.text[:1] in F.QUOTE_CLOSER), -1)
        if opened < 0 or (tagged[opened].label != "title" and tagged[min(opened + 1, d - 1)].label != "title"):
            continue
        end = d + 1
        while end < len(tagged) and tagged[end].label not in ("url", "doi") and not F.is_url(tagged[end].token.text) \
                and not tagged[end].token.text.startswith("<"):
            end += 1
        run = tagged[d + 1:end]
        words = [t.token.text for t in run[1:-1]]
        if not 1 <= len(words) <= _LAW_JOURNAL_WORDS or any(t.label not in _LAW_RUN_READ for t in run[1:]) \
                or run[0].label not in _YEAR_READ \
                or not _LAW_VOLUME.fullmatch(run[0].token.text) or not _LAW_PAGE.fullmatch(run[-1].token.text) \
                or not words[0][:1].isalpha() or any(F.DIGIT.search(w) or w.endswith((",", ";")) for w in words):
            continue
        return [*tagged[:opened], *(t._replace(label="title") for t in tagged[opened:d]), date._replace(label="date"),
                run[0]._replace(label="volume"), *(t._replace(label="journal") for t in run[1:-1]),
                run[-1]._replace(label="pages"), *tagged[end:]]
    return tagged


_QUOTE_CLOSERS = frozenset(F.QUOTE_CLOSER.values())
#: the quoted title is looked for this many words back from its closing quote
_QUOTED_RUN = 40
#: a law style's volume: "93", McGill's "36:2" (volume and issue), IEICE's "94-A"
_LAW_VOLUME = lazy(r"\d{1,4}(?::\d{1,4}|[-–‑][A-Z]{1,2})?")
#: its first page or page range, or an article number and page ("782575:1")
_LAW_PAGE = lazy(r"[A-Za-z]?\d+(?:[-–‑][A-Za-z]?\d+|:\d+)?\.?")
_LAW_JOURNAL_WORDS = 8
_LAW_RUN_READ = frozenset(("title", "container", "journal", "note", "volume", "pages", "publisher"))
#: the year in parentheses after the quote, as the model may read it: the date, or a word of the run it opens
_YEAR_READ = _LAW_RUN_READ | {"date"}
