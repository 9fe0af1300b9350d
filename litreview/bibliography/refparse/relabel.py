"""Rules over the tagger's labels, before its spans are read: where a pattern or the reading as a whole
says more than the label of one token. Each was measured by cross-validation on the training set and on the
development sets of unseen styles and real bibliographies (bench/eval_refparse.py --set devstyles, --bibs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...lazyre import lazy
from ...locale_terms import NO_DATE
from . import fields as F
from .lexicon import EDITOR, MONTHS, TRANSLATOR
from .relabel_journal import (
    abbreviation_opening_journal,
    arxiv_preprint,
    book_after_in,
    container_after_quoted_title,
    date_closing_container,
    initials_closing_journal,
    journal_before_date,
    journal_read_as_publisher,
    periodical_before_its_day,
    publisher_after_journal,
    qualifier_closing_journal,
    quoted_name_after_in,
    title_to_its_quote,
)
from .relabel_names import RUN as _RUN
from .relabel_names import (
    after_capital_names,
    body_opening_title,
    editors_read_as_container,
    given_name_not_date,
    initial_after_body,
    names_joined_by_dash,
    names_run_on,
    role_after_names,
    vancouver_end,
)
from .relabel_spans import (
    SENTENCE_END,
    container_after_in,
    container_from_its_delimiter,
    container_inside_title,
    container_to_its_delimiter,
    imprint_in_parenthesis,
    imprint_unknown,
    publisher_after_semicolon,
    publisher_after_series,
    publisher_before_pages,
    publisher_closing_article,
    publisher_closing_title,
    publisher_from_its_delimiter,
    publisher_from_its_parenthesis,
    publisher_to_its_delimiter,
)
from .tagger import Tagged


def relabel(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """The tokens of ``text`` with the rules below and those of ``relabel_names``, ``relabel_spans`` and
    ``relabel_journal`` applied, in the order written here."""
    tagged = _container_to_medium(_day_before_month(initial_after_body(body_opening_title(tagged))), text)
    tagged = role_after_names(_translated_by(_container_to_comma(given_name_not_date(vancouver_end(tagged)))))
    tagged = editors_read_as_container(_role_after_title(tagged))
    tagged = _pages_in_container(_volume_after_container(after_capital_names(names_run_on(names_joined_by_dash(tagged)))))
    tagged = _issue_before_labelled_pages(_year_before_page_label(_glued_pages(tagged)))
    tagged = _vancouver_volume(_numbers_closing_container(_name_inside_container(tagged)))
    tagged = publisher_after_semicolon(publisher_from_its_delimiter(_place_before_state(journal_before_date(tagged))))
    tagged = container_after_in(imprint_unknown(imprint_in_parenthesis(publisher_from_its_parenthesis(tagged))))
    tagged = container_inside_title(tagged)
    tagged = container_from_its_delimiter(publisher_to_its_delimiter(publisher_after_series(tagged)))
    tagged = publisher_closing_title(container_to_its_delimiter(tagged))
    tagged = book_after_in(journal_read_as_publisher(periodical_before_its_day(publisher_before_pages(tagged))))
    tagged = publisher_after_journal(tagged)
    tagged = container_after_quoted_title(publisher_closing_article(date_closing_container(tagged)))
    tagged = qualifier_closing_journal(quoted_name_after_in(abbreviation_opening_journal(title_to_its_quote(tagged))))
    tagged = arxiv_preprint(initials_closing_journal(tagged), text)
    tagged = _article_number_read_as_volume(_article_number_after_volume(_doubted_year(_no_date(tagged, text))))
    return _to_note(_links(_volume_in_note(_pages_in_parenthesis(tagged))), text)


#: a page label opening a parenthesis, and the pages closing it: APA's "Title (pp. 79–92).", "Titel (S. 31)."
_PAGES_IN_PARENTHESES = lazy(rf"{F.PAGES_IN_PARENTHESES}[.,;:]?")


def _pages_in_parenthesis(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A page label that opens a parenthesis and the pages that close it are the pages, whatever the model read them
    as: APA and the DGPs print a chapter's with no book right after its title ("Title (S. 79–92). Publisher."), which
    the model read as the title's, a note's or an editor's words."""
    out = list(tagged)
    for i in range(len(tagged) - 1):
        if _PAGES_IN_PARENTHESES.fullmatch(f"{tagged[i].token.text} {tagged[i + 1].token.text}"):
            out[i], out[i + 1] = tagged[i]._replace(label="pages"), tagged[i + 1]._replace(label="pages")
    return out


def _volume_in_note(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A volume, issue and pages glued in one token ("33(4):609–624.") that the model read into the note, in a reading
    with no volume and no pages, is the volume (assemble reads the run's parts): CSE's "Journal [Internet]. [accessed
    2020 Mar 3] 33(4):609–624." prints them after the date of access, which the model read on into them; with no date
    of access the model read the journal into the title, or into the note with the numbers ("Title? Journal.
    7(1):45–65").
    """
    if any(t.label in ("volume", "pages") for t in tagged):
        return tagged
    out = list(tagged)
    for i, t in enumerate(tagged):
        if t.label == "note" and _VOLUME_ISSUE_PAGES.fullmatch(t.token.text):
            out[i] = t._replace(label="volume")
            if i and tagged[i - 1].label == "title":  # "Title? Foreign Policy Analysis. 7(1):45–65"
                _journal_closing_title(out, tagged, i)
            elif i and tagged[i - 1].label == "note" and not any(x.label in ("container", "journal") for x in tagged):
                # "Title. World Development. 12(9):879–900": the note's words between the title's stop and the numbers
                k = i
                while k > 0 and i - k < _RUN and tagged[k - 1].label == "note":
                    k -= 1
                if k > 0 and tagged[k - 1].label == "title" and SENTENCE_END.search(tagged[k - 1].token.text):
                    out[k:i] = [x._replace(label="journal") for x in tagged[k:i]]
    return out


#: a locale's or a style's "no date" term as a whole word, in brackets in any case ("[kein Datum]", "[S.d.]"),
#: else as printed ("s. f.", "n.d."; not the initials "S. D.")
_NO_DATE_TERM = lazy(rf"(?<!\w)(?:{NO_DATE})(?!\w)")


def _no_date(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """A "no date" term the model read into the names is the date: ISO 690's "DOE, John, [kein Datum]. Title"
    (a term it never saw in training, whose words look like a name's); so is, where the reading has no date at all,
    a bracketed one or one closing the reference after a comma but for its link (Bologna's "«Title», GitHub, s.d.").
    3-fold CV on the training set unchanged; first eight dev styles author F1 0.929 -> 0.966."""
    dated = any(t.label == "date" for t in tagged)
    out = list(tagged)
    for m in _NO_DATE_TERM.finditer(text):
        inside = [i for i, t in enumerate(tagged) if m.start() <= t.token.start < m.end()]
        last = bool(inside) and all(t.label in ("url", "doi") for t in tagged[inside[-1] + 1:])
        if any(tagged[i].label in ("author", "editor") for i in inside) or (
                not dated and (m.group().startswith("[") or (last and inside[0] and tagged[inside[0] - 1].token.text.endswith(",")))):
            for i in inside:
                out[i] = tagged[i]._replace(label="date")
    return out


def _to_note(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """The words of "Accessed December 03, 2018." (the rules' pattern, which gives the urldate) are the note's:
    the year of access is not the year of publication, and "Retrieved" is no journal (ASA's "… Challenge.”
    Retrieved March 23, 2023. http://…"); so is "Epub ahead of print", which no container ends with; and a
    medium in brackets ("[online]") read into a title. A journal's span keeps its medium, as anystyle's training labels
    it ("IEEE Trans Rehabil Eng [Internet]."): moving it cost container F1 on 3-fold CV (assemble.container_name drops
    it from the journal's name). First eight dev styles: title
    0.935 -> 0.939, container 0.884 -> 0.905; 3-fold CV, anystyle dev 250 and Chicago unchanged."""
    marks = [(m.span(), _NOTE_LEAVES) for m in _AHEAD_OF_PRINT.finditer(text)]
    marks += [(m.span(), _MEDIUM_LEAVES) for m in F.MEDIUM.finditer(text)]
    if (accessed := F.accessed_span(text)) is not None:
        marks.append((accessed, _ACCESS_LEAVES))
    if not marks:
        return tagged
    return [t._replace(label="note") if any(a <= t.token.start < b and t.label in leaves for (a, b), leaves in marks)
            else t for t in tagged]


def _links(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A token that is a web address is the URL, whatever the model read it as: Copernicus prints a page with
    no author as "Title: http://…, last access: 28 August 2023.", and the model ran the title on over it."""
    return [t._replace(label="url") if t.label not in ("url", "doi") and F.is_url(t.token.text) else t
            for t in tagged]


#: labels the words of an access date or of "Epub ahead of print" may be read as and leave for the note
_NOTE_LEAVES = frozenset(("date", "container", "journal", "publisher", "location"))
_MEDIUM_LEAVES = frozenset(("title", "volume"))
#: an access date's words ("last access: 28 August 2023") are no title's either
_ACCESS_LEAVES = _NOTE_LEAVES | {"title", "url"}
#: NLM's, SAGE's and AMA's mark of an article published online first ("Journal. Epub ahead of print 2016.")
_AHEAD_OF_PRINT = lazy(r"(?i)\[?\b(?:e-?pub(?:lished)?|published online)\s+ahead\s+of\s+print\b\]?")


#: labels whose span a doubted year may leave for the date (not a title's, a volume's or the pages')
_YEAR_LEAVES = frozenset(("container", "journal", "publisher", "location", "note"))


def _day_before_month(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A day's number before a month the model read as the date is the date's, not a volume's or the pages': ISO 690's
    "Journal [online]. 1 Juni 2020. Bd. 31" (the volume follows its label)."""
    out = list(tagged)
    for i in range(len(tagged) - 1):
        t, month = tagged[i], tagged[i + 1]
        if t.label in ("volume", "pages") and month.label == "date" and _DAY.fullmatch(t.token.text) \
                and month.token.text.strip(".,").casefold() in MONTHS:
            out[i] = t._replace(label="date")
    return out


_DAY = lazy(r"(?:[1-9]|[12]\d|3[01])\.?")


def _article_number_after_volume(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A four-digit number after the volume that the model read as a second date, another year than the one the
    reference printed before, is the pages (an article's number), in a reading with no pages: APA's "Journal:
    General, 147(10), 1544." and Frontiers' "Frontiers in Psychology 8, 1990." after "(2018)" and "(2017)"."""
    if any(t.label == "pages" for t in tagged):
        return tagged
    years = [m.group() for t in tagged if t.label == "date" for m in F.YEAR_RE.finditer(t.token.text)]
    for i in range(1, len(tagged)):
        t = tagged[i]
        if t.label == "date" and tagged[i - 1].label == "volume" and _FOUR_DIGITS.fullmatch(t.token.text) \
                and years and years[0] != t.token.text.rstrip(".,;") and (i + 1 == len(tagged) or tagged[i + 1].label != "date"):
            return [*tagged[:i], t._replace(label="pages"), *tagged[i + 1:]]
    return tagged


_FOUR_DIGITS = lazy(r"\d{4}[.,;]?")


def _article_number_read_as_volume(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The one number of a reading with no pages, read as its volume with no label before it, is the pages when it is
    an article's number and no volume's: five digits or more, or lower-case letters before three ("Poetics, 101591.",
    SAGE's "Psychological Science 09567976241231506", Oxford's "The Economic Journal, uez032", "BMJ j2099")."""
    if any(t.label == "pages" for t in tagged):
        return tagged
    volumes = [i for i, t in enumerate(tagged) if t.label == "volume"]
    if len(volumes) != 1:
        return tagged
    i = volumes[0]
    if not _ARTICLE_NUMBER.fullmatch(tagged[i].token.text) \
            or (i and _VOLUME_LABEL_ALONE.fullmatch(tagged[i - 1].token.text.strip("(,"))):
        return tagged
    return [*tagged[:i], tagged[i]._replace(label="pages"), *tagged[i + 1:]]


#: an article's number as journals print it in place of pages; "v123" and "no123" are a label glued to its number
_ARTICLE_NUMBER = lazy(r"(?:\d{5,}|(?!(?:v|vol|n|no|p|pp)\d)[a-z]{1,5}\d{3,})[.,;:]?")
_VOLUME_LABEL_ALONE = lazy(rf"(?i)(?:{F.VOLUME_LABEL})")


def _doubted_year(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """In a reading with no date at all, a year the model doubts with the date as its rival is the date:
    "… Intelligence Theory Studies in Intelligence, 2008, 54-72." (a reference has a date; the model's
    runner-up says where)."""
    if any(t.label == "date" for t in tagged):
        return tagged
    return [t._replace(label="date") if t.rival == "date" and t.label in _YEAR_LEAVES
            and F.YEAR_ONLY.fullmatch(t.token.text.strip("()[].,;:")) else t for t in tagged]


def _volume_after_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The number closing a container span that the model doubts with the volume as its rival is the
    volume: "Critical Studies on Security 4, no. 1 (2016)" (Chicago's volume after the journal)."""
    out = list(tagged)
    for i, t in enumerate(tagged):
        if t.rival == "volume" and t.label in ("container", "journal") and t.token.text.rstrip(",.;:").isdigit() \
                and (i + 1 == len(tagged) or tagged[i + 1].label != t.label) and i and tagged[i - 1].label == t.label:
            out[i] = t._replace(label="volume")
    return out


def _place_before_state(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words between a container's full stop and the state the model read as the place are the place's: NLM's
    "In: StatPearls. Treasure Island (FL): StatPearls Publishing" (a state in parentheses closes a place's name)."""
    for i in range(2, len(tagged)):
        if tagged[i].label != "location" or not _STATE.fullmatch(tagged[i].token.text):
            continue
        p = i  # the place's words the model did read as the place ("Island (FL):")
        while p > 1 and i - p < 3 and tagged[p - 1].label == "location":
            p -= 1
        if tagged[p - 1].label not in ("container", "journal"):
            continue
        k = p - 1
        while k > 0 and i - k <= 3 and tagged[k - 1].label == tagged[p - 1].label:
            if SENTENCE_END.search(tagged[k - 1].token.text):
                return [t._replace(label="location") if k <= n < i else t for n, t in enumerate(tagged)]
            k -= 1
    return tagged


_STATE = lazy(r"\([A-Z]{2,3}\)[:,]?")
#: Vancouver's year and its semicolon ("2008;", "(2014);")
_YEAR_SEMI = rf"\(?{F.YEAR}[a-z]?\)?;"
#: Vancouver's date, volume, issue and pages in one token ("2006;560:93–108.", "2014;40(9):1477-81")
_GLUED = lazy(_YEAR_SEMI + r"\s?\d+(?:\([^()]+\))?:[\w–-]+[.,]?")
#: the number after Vancouver's "Year;": the volume, maybe with its issue, before the colon and the pages or alone
_AFTER_YEAR = lazy(r"\d+(?:\([^()]+\))?[:.,]?")


_YEAR_SEMICOLON = lazy(_YEAR_SEMI)
#: AMA's year, colon and pages after a book's publisher ("2019:1-20.", "2019:e1234")
_YEAR_PAGES = lazy(rf"{F.YEAR}:[A-Za-z]?\d+(?:[–-][A-Za-z]?\d+)?[.,;]?")
_VOLUME_ISSUE_PAGES = lazy(r"\d+(?:\([^()]+\))?:[A-Za-z]?\d+(?:[–-][A-Za-z]?\d+)?[.,;]?")


def _numbers_closing_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The numbers that close a container's span are the date and the volume: "… of the United States of America
    2008; 105: 3721–6." (Vancouver's year before its semicolon) and "… of America 107(4):1443–46." (ASA's volume,
    issue and pages in one token); no journal's name ends in them."""
    out = list(tagged)
    for i, t in enumerate(tagged):
        if t.label not in ("container", "journal") or not i or tagged[i - 1].label != t.label \
                or (i + 1 < len(tagged) and tagged[i + 1].label == t.label):
            continue
        if _YEAR_SEMICOLON.fullmatch(t.token.text):
            out[i] = t._replace(label="date")
        elif _VOLUME_ISSUE_PAGES.fullmatch(t.token.text):
            out[i] = t._replace(label="volume")
    return out


def _vancouver_volume(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Vancouver's (NLM's, The Lancet's) "Journal 2021; 181: 111031." prints the volume right after the year and its
    semicolon, then the pages after a colon; the model read the volume as the pages (or the run glued in one token,
    "2006;560:93–108.", as the title, and the journal's name before it too): there it is the volume (assemble reads
    a glued run's parts), and the title's last sentence before it the journal."""
    out = list(tagged)
    for i, t in enumerate(tagged):
        text = t.token.text
        if _GLUED.fullmatch(text) and t.label not in ("volume", "doi", "url"):
            out[i] = t._replace(label="volume")
            if t.label == "title":  # "… cultures. Hydrobiologia 2006;560:93–108."
                _journal_closing_title(out, tagged, i)
        elif t.label not in ("volume", "pages", "doi", "url") and i and tagged[i - 1].label == "publisher" \
                and tagged[i - 1].token.text.endswith(";") and _YEAR_PAGES.fullmatch(text):
            out[i] = t._replace(label="volume")  # AMA's book and chapter "Publisher; 2019:1-20." (assemble reads its parts)
        elif t.label == "title" and i and tagged[i - 1].label == "title" and _VOLUME_ISSUE_PAGES.fullmatch(text) \
                and (i + 1 == len(tagged) or tagged[i + 1].label != "title"):
            # Springer's "Title. Nat Commun 11:1234" (an article's number): the run closing the title's span is the volume
            # and the sentence before it the journal; where no journal is found there, the title keeps it
            _journal_closing_title(out, tagged, i)
            if out[i - 1].label == "journal":
                out[i] = t._replace(label="volume")
        elif i and t.label == "pages" and tagged[i - 1].label == "date" and tagged[i - 1].token.text.endswith(";") \
                and _AFTER_YEAR.fullmatch(text) and (text.endswith(":") or i + 1 == len(tagged)
                                                     or tagged[i + 1].label != "pages"):
            out[i] = t._replace(label="volume")
    return out


def _journal_closing_title(out: list[Tagged], tagged: Sequence[Tagged], i: int) -> None:
    """In ``out``, the title's last sentence right before the numbers at ``i`` (with its own closing stop) is the
    journal, in a reading with no container: no title ends in a volume's numbers."""
    if any(x.label in ("container", "journal") for x in tagged):
        return
    k = i - 1 if i and tagged[i - 1].token.text.endswith(".") else i  # the journal's own closing stop
    while k > 0 and i - k < _RUN and tagged[k - 1].label == "title" and not SENTENCE_END.search(tagged[k - 1].token.text):
        k -= 1
    if k > 0 and tagged[k - 1].label == "title" and k < i:
        out[k:i] = [x._replace(label="journal") for x in tagged[k:i]]


def _name_inside_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A name's word the model read inside a container's name, after the title, is the container's: the container
    runs on where its last word has no punctuation after it ("The SAA Archaeological Record. 2018", the model's
    "Record." read as a name)."""
    if not any(t.label == "title" for t in tagged):
        return tagged
    out = list(tagged)
    seen_title = False
    for i, t in enumerate(tagged):
        seen_title = seen_title or t.label == "title"
        if not seen_title or t.label != "author" or not i or tagged[i - 1].label not in ("container", "journal") \
                or tagged[i - 1].token.text[-1:] in ".,;:)":
            continue
        k = i
        while k < len(tagged) and k - i < 3 and tagged[k].label == "author":
            k += 1
        if k - i < 3:
            out[i:k] = [x._replace(label=tagged[i - 1].label) for x in tagged[i:k]]
    return out


#: a page range as one token ("44–59,", "1:243–334,"), and the word that labels pages ("Pp.")
_RANGE = lazy(r"(?:\d+:)?\d+[-–]\d+[,.;]?")
_PAGE_LABEL = frozenset(("p.", "pp.", "s."))


def _glued_pages(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A page label glued to its pages ("p.63–79,", ``fields.GLUED_PAGES``), in a reading with no pages, is the pages:
    ABNT prints "… the Human Mind. p.332–354, 2019." and the model, which saw the label apart from the number, read
    the word as a genre's, a note's or the title's."""
    if any(t.label == "pages" for t in tagged):
        return tagged
    return [t._replace(label="pages") if t.label not in ("url", "doi") and F.GLUED_PAGES.fullmatch(t.token.text)
            else t for t in tagged]


def _issue_before_labelled_pages(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Unlabelled pages that labelled pages follow (a date between them or not) are the issue: ISO 690's "Vol. 128,
    nᵒ 1, 1-2, p. 187-193", "vol. 116, nº 11-12, pp. 1529-1544" and an Italian style's "«Nature», 448 (2007), 7150,
    pp. 188–190" (an issue's number or range, which the model read as the pages)."""
    for i, t in enumerate(tagged):
        if t.label != "pages" or (i and tagged[i - 1].label == "pages") or t.token.text.casefold() in _PAGE_LABEL:
            continue
        j = i
        while j < len(tagged) and tagged[j].label == "pages" and j - i < 2 \
                and tagged[j].token.text.casefold() not in _PAGE_LABEL:
            j += 1
        k = j
        while k < len(tagged) and tagged[k].label == "date" and k - j < 3:
            k += 1
        if j > i and k + 1 < len(tagged) and tagged[k].label == "pages" and tagged[k].token.text.casefold() in _PAGE_LABEL \
                and tagged[j - 1].token.text.endswith(","):
            return [x._replace(label="volume") if i <= n < j else x for n, x in enumerate(tagged)]
        return tagged
    return tagged


#: a year in parentheses with the page label glued after it
_YEAR_THEN_LABEL = lazy(rf"\({F.YEAR}[a-z]?\)(?:pp?|s)\.")


def _year_before_page_label(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A year in parentheses glued to the label of the pages after it is the date: Science prints a chapter's or a
    book's "Title (1992)pp. 100–." with no space, one token the model read into the title or the pages."""
    return [t._replace(label="date") if _YEAR_THEN_LABEL.fullmatch(t.token.text) else t for t in tagged]


def _pages_in_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The pages printed inside a container span, in a reading with no pages, are the pages: ASA's "Pp. 161–91 in
    Studies in Aristotle" (the span opens with them), Bologna's "«Title», Some good book, 44–59. Some series" (the
    span closes with them)."""
    if any(t.label == "pages" for t in tagged):
        return tagged
    out = list(tagged)
    for i, t in enumerate(tagged):
        if t.label not in ("container", "journal") or (i and tagged[i - 1].label == t.label):
            continue
        j = i
        while j + 1 < len(tagged) and tagged[j + 1].label == t.label:
            j += 1
        if j > i + 1 and tagged[i].token.text.casefold() in _PAGE_LABEL and _RANGE.fullmatch(tagged[i + 1].token.text) \
                and tagged[i + 2].token.text.casefold() in ("in", "in:"):
            out[i:i + 2] = [x._replace(label="pages") for x in tagged[i:i + 2]]
        elif j > i and _RANGE.fullmatch(tagged[j].token.text):
            out[j] = tagged[j]._replace(label="pages")
        break
    return out


#: labels a container's last words or a translator's phrase may have been read as
_LOOSE = frozenset(("note", "genre", "location", "publisher"))
#: a conference's acronym closing its name: "(ICLR),", "(CVPR'16),"
_ACRONYM = re.compile(r"\([A-Z][\w'&-]*[A-Z][\w'&-]*\),")


def _container_to_comma(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Words after a container span that the model doubts with the container as rival, up to the acronym in
    parentheses and its comma that close the name, are the container's: IEEE's "in Proc. Int. Conf. Learn.
    Represent. (ICLR), 2015" and "… Pattern Recognit. (CVPR), Las Vegas, NV" (any comma-closed run, as
    "Machine Learning. Irvine, CA", took places into containers on cross-validation)."""
    out = list(tagged)
    for i in range(1, len(tagged)):
        head = tagged[i - 1]
        if head.label not in ("container", "journal") or tagged[i].label == head.label \
                or head.token.text.endswith((",", ";", ":")):
            continue
        for j in range(i, min(i + _RUN, len(tagged))):
            t = tagged[j]
            if t.label not in _LOOSE or t.rival != head.label or t.token.text.endswith((";", ":")):
                break
            if t.token.text.endswith(","):
                if _ACRONYM.fullmatch(t.token.text):
                    out[i:j + 1] = [x._replace(label=head.label) for x in tagged[i:j + 1]]
                break
    return out


def _container_to_medium(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """Words after a container span that the model doubts with the container as rival, up to the medium in brackets
    that closes the name, are the container's (and the medium with them, as a journal's span keeps it): CSE's
    "Journal of Human Evolution [Internet]. [accessed 2023 Oct 22] 27(1):139–158." (the model read the name's last
    words and the medium into the note, the date of access after them being one)."""
    media = [m.span() for m in F.MEDIUM.finditer(text)]
    if not media:
        return tagged
    out = list(tagged)
    for i in range(1, len(tagged)):
        head = tagged[i - 1]
        if head.label not in ("container", "journal") or tagged[i].label == head.label or head.token.text.endswith(
                (",", ";", ":", ".")):
            continue
        for j in range(i, min(i + _RUN, len(tagged))):
            t = tagged[j]
            if any(a <= t.token.start < b for a, b in media):
                if j > i:
                    out[i:j + 1] = [x._replace(label=head.label) for x in tagged[i:j + 1]]
                break
            if t.label not in _LOOSE or t.rival != head.label or t.token.text.endswith((",", ";", ":", ".")):
                break
    return out


def _role_after_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A translator's, an editor's or a revision's word opening the words after a title's comma, and the rest of the
    title's span, are a note's: "Mein Kampf, trans. James Vincent Murphy (London: …)", "Imagined Communities: …,
    rev. ed.", "De doctrina christiana, ed. Joseph Martin." (no title goes on after such a word)."""
    out = list(tagged)
    for i in range(1, len(tagged)):
        if tagged[i].label != "title" or tagged[i - 1].label != "title" or not tagged[i - 1].token.text.endswith(",") \
                or tagged[i].token.text.casefold() not in _ROLE_WORDS:
            continue
        j = i
        while j < len(tagged) and tagged[j].label == "title":
            j += 1
        out[i:j] = [t._replace(label="note") for t in tagged[i:j]]
        break
    return out


#: the words that open a translator's, an editor's or a revision's mention ("trans.", "tr.", "ed.", "rev.")
_ROLE_WORDS = TRANSLATOR | EDITOR | frozenset(("tr", "rev", "rev."))


_BY = frozenset(("by", "von", "v.", "par", "de"))


def _translated_by(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """"Translated by" (trans. by, übers. von, trad. par) and the names after it, up to the comma or the full
    stop that ends them, are the translator's, not the publisher's: MLA's "Translated by Alan Smith, Vintage
    Books, 1995." (a word list says so; the model reads the phrase into the publisher at times)."""
    out = list(tagged)
    for i in range(len(tagged) - 2):
        if tagged[i].token.text.casefold() not in TRANSLATOR or tagged[i + 1].token.text.casefold() not in _BY:
            continue
        for j in range(i + 2, min(i + 2 + _RUN, len(tagged))):
            t = tagged[j]
            if t.label not in _LOOSE | {"translator"}:
                break
            word = t.token.text
            if word.endswith((",", ";", ":")) or (word.endswith(".") and len(word.rstrip(".")) > 2):
                if any(x.label not in _LOOSE | {"translator"} for x in tagged[i:i + 2]):
                    break
                out[i:j + 1] = [x._replace(label="translator") for x in tagged[i:j + 1]]
                break
    return out
