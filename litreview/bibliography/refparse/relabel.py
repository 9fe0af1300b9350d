"""Rules over the tagger's labels, before its spans are read: where a pattern or the reading as a whole
says more than the label of one token. Each was measured by cross-validation on the training set and on the
development sets of unseen styles and real bibliographies (bench/eval_refparse.py --set devstyles, --bibs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import NamedTuple

from ...lazyre import lazy
from ...locale_terms import NO_DATE, NO_DATE_START
from . import fields as F
from .lexicon import EDITOR, POLISH_ROLES, TRANSLATOR
from .relabel_books import (
    book_after_closed_editors,
    book_after_editors_role,
    book_opening_editors,
    book_read_as_place,
    edition_closing_editors,
    editors_after_a_cura_di,
    place_closing_container,
    publisher_after_editors,
    publisher_past_a_sentence,
    publisher_past_books_stop,
    subtitle_and_publisher_read_as_container,
    subtitle_opening_journal,
    subtitle_read_as_container,
    title_run_into_container,
    work_cited_in_title,
)
from .relabel_cura import editors_before_a_cura_di, editors_opening_with_a_cura_di
from .relabel_edited_by import MARKS as _EDITED_BY_MARKS
from .relabel_edited_by import editors_after_locales_edited_by
from .relabel_journal import (
    AHEAD_OF_PRINT,
    date_closing_container,
    journal_before_ahead_of_print,
    journal_before_bare_year,
    journal_before_date,
    journal_read_as_publisher,
    periodical_before_its_day,
    publisher_after_journal,
    site_before_access,
    site_before_medium,
    year_closing_meetings_name,
)
from .relabel_journal_names import (
    abbreviation_opening_journal,
    arxiv_preprint,
    doubted_journal_closing_title,
    initials_closing_journal,
    journal_between_volume_and_page,
    periodical_closing_title,
    qualified_journal_before_numbers,
    qualifier_closing_journal,
    section_closing_journal,
)
from .relabel_journal_place import place_before_volume
from .relabel_meetings import meetings_book_title
from .relabel_month_day import day_closing_name
from .relabel_names import RUN as _RUN
from .relabel_names import (
    after_capital_names,
    body_opening_title,
    coined_name_closing_names,
    date_closing_names,
    editors_read_as_container,
    given_name_not_date,
    initial_after_body,
    label_before_names,
    names_joined_by_dash,
    names_run_on,
    role_after_names,
    role_closing_authors,
    title_before_access,
    title_in_caseless_script,
    title_read_as_names,
    vancouver_end,
    words_after_no_name,
)
from .relabel_numbers import (
    article_number_after_volume,
    article_number_read_as_volume,
    date_inside_title,
    day_before_month,
    edition_closing_title,
    edition_words_closing_title,
    glued_pages,
    issue_before_labelled_pages,
    journal_and_numbers_in_note,
    month_closing_title,
    numbers_after_journal_in_note,
    numbers_closing_container,
    page_after_volume,
    pages_before_year,
    pages_in_container,
    pages_in_parenthesis,
    range_closing_title,
    vancouver_volume,
    volume_after_container,
    volume_and_pages_closing_container,
    volume_before_dates_parenthesis,
    volume_in_note,
    volume_in_years_after_its_label,
    year_before_page_label,
)
from .relabel_opening_editors import (
    names_closed_by_role,
    title_run_into_container_after_editors,
    volume_opening_title,
)
from .relabel_publisher import (
    publisher_after_editors_stop,
    publisher_after_semicolon,
    publisher_after_series,
    publisher_before_pages,
    publisher_closing_article,
    publisher_closing_parenthesis,
    publisher_closing_title,
    publisher_from_its_delimiter,
    publisher_from_its_parenthesis,
    publisher_to_its_delimiter,
)
from .relabel_publisher_bodies import (
    imprint_read_as_container,
    publisher_before_article_pages,
    publisher_by_its_rival,
    publisher_closing_container,
    publisher_in_containers_parenthesis,
    publisher_past_containers_date,
    publisher_read_as_container,
    repository_as_publisher,
)
from .relabel_quoted import (
    book_after_in,
    bracket_opening_title,
    container_after_quoted_title,
    description_closing_title,
    quoted_journal_after_title,
    quoted_name_after_in,
    title_before_in_quoted_name,
    title_to_its_quote,
)
from .relabel_quoted_title import quoted_title_after_date
from .relabel_repository import repository_named_by_its_link
from .relabel_series import (
    imprint_after_books_semicolon,
    kind_alone,
    kind_opening_container,
    series_and_publisher_after_title,
    series_closing_container,
    site_in_access_phrase,
)
from .relabel_spans import (
    SENTENCE_END,
    container_after_in,
    container_from_its_delimiter,
    container_inside_title,
    container_to_its_delimiter,
    imprint_in_parenthesis,
    imprint_unknown,
    place_before_imprint_colon,
    place_read_as_journal,
    series_before_imprint,
    title_before_imprint_parenthesis,
)
from .relabel_volume_word import volume_part_closing_name, wordy_volume
from .tagger import Tagged


def relabel(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """The tokens of ``text`` with the rules below and those of ``relabel_names``, ``relabel_spans``, ``relabel_publisher``,
    ``relabel_publisher_bodies``, ``relabel_journal``, ``relabel_journal_names``, ``relabel_quoted``, ``relabel_numbers``,
    ``relabel_edited_by``, ``relabel_quoted_title``, ``relabel_opening_editors``, ``relabel_books``, ``relabel_month_day``,
    ``relabel_journal_place``, ``relabel_volume_word`` and ``relabel_repository`` applied, in the order of ``_RULES``.

    A rule is passed over where the reading cannot meet what it asks (``_Rule``): that is read off the rule's own
    tests, so the reading is the same as with every rule applied. Which rules a reading admits depends only on its
    labels (then its runners-up and the marks its string holds): ``_admitted`` asks once per set of labels."""
    labels = frozenset([t.label for t in tagged])
    rivals = {t.rival for t in tagged}  # no rule changes a runner-up: asked once
    present = {c for c in _MARKS if c in text}
    todo = _admitted(0, labels)
    i = 0
    while i < len(todo):
        at, apply, reads_text, wanted, marks = todo[i]
        i += 1
        if (wanted and wanted.isdisjoint(rivals)) or (marks and marks.isdisjoint(present)):
            continue
        out = apply(tagged, text) if reads_text else apply(tagged)
        if out is not tagged and out != tagged and (now := frozenset([t.label for t in out])) != labels:
            labels = now  # the rules after this one are admitted by the labels it left
            todo, i = _admitted(at + 1, labels), 0
        tagged = out
    return tagged


#: a locale's or a style's "no date" term as a whole word, in brackets in any case ("[kein Datum]", "[S.d.]"),
#: else as printed ("s. f.", "n.d."; not the initials "S. D.")
_NO_DATE_TERM = lazy(rf"{NO_DATE_START}(?<!\w)(?:{NO_DATE})(?!\w)")


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
    # each pattern asked only of a string holding its word or its bracket (no match is found without)
    marks = [(m.span(), _NOTE_LEAVES) for m in AHEAD_OF_PRINT.finditer(text)] if "ahead" in text.lower() else []
    if "[" in text:
        marks += [(m.span(), _MEDIUM_LEAVES) for m in F.MEDIUM.finditer(text)]
    if (accessed := F.accessed_span(text)) is not None:
        marks.append((accessed, _ACCESS_LEAVES))
    if not marks:
        return tagged
    return [t._replace(label="note") if any(a <= t.token.start < b and t.label in leaves for (a, b), leaves in marks)
            else t for t in tagged]


def _links(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """A token that is a web address is the URL, whatever the model read it as: Copernicus prints a page with
    no author as "Title: http://…, last access: 28 August 2023.", and the model ran the title on over it."""
    if "/" not in text and "www." not in text.lower():  # what ``is_url`` asks of a word, asked of them all at once
        return tagged
    return [t._replace(label="url") if t.label not in ("url", "doi") and F.is_url(t.token.text) else t
            for t in tagged]


#: labels the words of an access date or of "Epub ahead of print" may be read as and leave for the note
_NOTE_LEAVES = frozenset(("date", "container", "journal", "publisher", "location"))
_MEDIUM_LEAVES = frozenset(("title", "volume"))
#: an access date's words ("last access: 28 August 2023") are no title's either, nor the pages' or the volume's (ISO
#: 690's "nº 10 [cit. 01.05.2021].")
_ACCESS_LEAVES = _NOTE_LEAVES | {"title", "url", "pages", "volume"}


#: labels whose span a doubted year may leave for the date (not a title's, a volume's or the pages')
_YEAR_LEAVES = frozenset(("container", "journal", "publisher", "location", "note"))



def _doubted_year(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """In a reading with no date at all, a year the model doubts with the date as its rival is the date:
    "… Intelligence Theory Studies in Intelligence, 2008, 54-72." (a reference has a date; the model's
    runner-up says where). So is such a year opening the title right after the names, as IOP prints the date there
    ("Doe J and Roe R 2015 Title Journal 12 3–9"); a year inside a title stays the title's ("… WICSA 2015, …")."""
    if any(t.label == "date" for t in tagged):
        return tagged
    return [t._replace(label="date") if t.rival == "date" and (t.label in _YEAR_LEAVES or (
                t.label == "title" and i > 0 and tagged[i - 1].label in ("author", "editor")))
            and F.YEAR_ONLY.fullmatch(t.token.text.strip("()[].,;:")) else t for i, t in enumerate(tagged)]



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


def _serial_number(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """"ISSN" or "ISBN" and the number after it are the note's or the ISBN's, never a publisher's, a page's or a
    title's words: a report series' "Scientific Technical Report; 09/02; ISSN 1610-0956" (the model read "ISSN" as
    the publisher, the number as the pages)."""
    if _SERIAL_WORD.search(text) is None:
        return tagged
    out = list(tagged)
    for i in range(len(tagged) - 1):
        word = tagged[i].token.text.rstrip(":").casefold()
        if word in _SERIAL and tagged[i + 1].token.text[:1].isdigit():
            label = "isbn" if word.startswith("isbn") else "note"
            out[i], out[i + 1] = tagged[i]._replace(label=label), tagged[i + 1]._replace(label=label)
    return out


#: the words that open a serial's or a book's standard number
_SERIAL = frozenset(("issn", "e-issn", "eissn", "isbn", "isbn-10", "isbn-13", "e-isbn"))
_SERIAL_WORD = lazy(r"(?i)is[sb]n")


def _title_to_medium(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """In a reading with no title, the words between the names' or the date's stop and the medium in brackets are the
    title: NLM's and ISO 690's "Team. 2019. ObsPy 1.1.1 [Internet]. [accessed …]" and "TEAM. ObsPy 1.1.1 [en ligne].
    Zenodo, 2019." for software and data (the model, which saw the medium after a journal's name, read a short name
    before it as a note's or a journal's words)."""
    if any(t.label == "title" for t in tagged):
        return tagged
    media = [m.span() for m in F.MEDIUM.finditer(text)]
    if not media:
        return tagged
    for i in range(1, len(tagged) - 1):
        before = tagged[i - 1]
        if before.label not in ("author", "date") or not before.token.text.endswith(".") \
                or tagged[i].label not in _TITLE_READ:
            continue
        j = i
        while j < len(tagged) and j - i < _RUN and tagged[j].label in _TITLE_READ \
                and not any(a <= tagged[j].token.start < b for a, b in media):
            j += 1
        if j > i and j < len(tagged) and any(a <= tagged[j].token.start < b for a, b in media) \
                and not tagged[j - 1].token.text.endswith((",", ";", ":", ".")):
            return [t._replace(label="title") if i <= k < j else t for k, t in enumerate(tagged)]
        break
    return tagged


#: labels the model read a short title before its medium as
_TITLE_READ = frozenset(("note", "journal", "container", "volume", "genre"))


def _container_to_medium(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """Words after a container span that the model doubts with the container as rival, up to the medium in brackets
    that closes the name, are the container's (and the medium with them, as a journal's span keeps it): CSE's
    "Journal of Human Evolution [Internet]. [accessed 2023 Oct 22] 27(1):139–158." (the model read the name's last
    words and the medium into the note, the date of access after them being one)."""
    media = [m.span() for m in F.MEDIUM.finditer(text)] if "[" in text else []  # each in its brackets
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


_ANY_ROLE = _ROLE_WORDS | POLISH_ROLES


def _role_read_as_publisher(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """An editor's or a translator's word after a comma, and the names after it up to their comma, are a note's where the
    model read the names as the publisher: Polish "Title, red. Jan Kowalski, 2001.", "„Title”, tłum. J. Nowak, 1892."."""
    out = list(tagged)
    for i in range(1, len(tagged) - 1):
        if tagged[i].token.text.casefold() not in _ANY_ROLE \
                or not tagged[i - 1].token.text.endswith(",") or tagged[i + 1].label != "publisher" \
                or not tagged[i + 1].token.text[:1].isupper():
            continue  # "J. Roe, Eds. (Springer, 2013)": the role closes the names, the publisher follows it
        j = i + 1
        while j < len(tagged) and tagged[j].label == "publisher" and not tagged[j - 1].token.text.endswith((",", ";")):
            j += 1
        out[i:j] = [t._replace(label="note") for t in tagged[i:j]]
    return out


_BY = frozenset(("by", "von", "v.", "par", "de", "por"))
#: the translator's word of citeproc's locales beside ``TRANSLATOR`` (a feature of the model, left as trained):
#: German "Übersetzt von", Spanish "Traducido por", Portuguese "Traduzido por", French "Traduction de"
_TRANSLATED = TRANSLATOR | frozenset(("übersetzt", "traducido", "traduzido", "traduction"))
#: the labels a translator's phrase that opens a sentence may have been read into: a title's, a container's (Chicago
#: in French: "« Titre ». Traduit par Valérie Nguyen. Revue d’Histoire de la Shoah 1 (186)")
_PHRASE_READ = _LOOSE | frozenset(("translator", "title", "container", "journal", "collection"))


def _translated_by(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """"Translated by" (trans. by, übers. von, trad. par, traducido por) and the names after it, up to the comma or the
    full stop that ends them, are the translator's, not the publisher's: MLA's "Translated by Alan Smith, Vintage
    Books, 1995." (a word list says so; the model reads the phrase into the publisher at times). The phrase opening a
    sentence, as citeproc prints it after the title in every locale ("Traduit par Marjorie Burghart.", "Übersetzt von
    Karl Berg."), runs to the full stop, whatever the model read it as: no title or container goes on after it."""
    out = list(tagged)
    for i in range(len(tagged) - 2):
        word = tagged[i].token.text
        if word.casefold() not in _TRANSLATED or tagged[i + 1].token.text.casefold() not in _BY:
            continue
        # read into a title or a container, the phrase opening a sentence runs to its full stop (a comma parts its
        # names: "Traduit par Ann Roe, Bo Li et Jo Poe."); read as loose words, to its comma ("…, Vintage Books")
        sentence = word[:1].isupper() and tagged[i].label in _PHRASE_READ - _LOOSE - {"translator"} \
            and (i == 0 or tagged[i - 1].token.text.endswith((".", "?", "!", "»", "”", '"')))
        read = _PHRASE_READ if sentence else _LOOSE | {"translator"}
        for j in range(i + 2, min(i + 2 + _RUN, len(tagged))):
            t = tagged[j]
            if t.label not in read:
                break
            word = t.token.text
            if (word.endswith((",", ";", ":")) and not sentence) or (word.endswith(".") and len(word.rstrip(".")) > 2):
                if any(x.label not in read for x in tagged[i:i + 2]):
                    break
                out[i:j + 1] = [x._replace(label="translator") for x in tagged[i:j + 1]]
                break
    return out


class _Rule(NamedTuple):
    """A rule of ``relabel`` and what a reading must hold for the rule to change it, read off the rule's own tests."""

    apply: Callable[..., Sequence[Tagged]]
    reads_text: bool
    """The rule takes the string as well as the tokens."""
    needs: frozenset[str]
    """Labels the reading must have, every one."""
    one_of: tuple[frozenset[str], ...]
    """Sets of labels: the reading must have one label of each."""
    unless: frozenset[str]
    """Labels whose presence leaves the reading as it is."""
    rivals: frozenset[str]
    """Runners-up one of which some word must have (empty: any)."""
    marks: frozenset[str]
    """Characters or strings one of which the string must hold (empty: any)."""

    def admits(self, labels: AbstractSet[str], rivals: AbstractSet[str], present: AbstractSet[str]) -> bool:
        """Whether the rule may change a reading with these ``labels`` and ``rivals``, of a string that holds the
        ``present`` ones of ``_MARKS``."""
        if not self.needs <= labels or not self.unless.isdisjoint(labels) \
                or (self.rivals and self.rivals.isdisjoint(rivals)) or (self.marks and self.marks.isdisjoint(present)):
            return False
        for one_of in self.one_of:  # noqa: SIM110 - a loop, not all(): asked some sixty times a reference
            if one_of.isdisjoint(labels):
                return False
        return True


def _rule(apply: Callable[..., Sequence[Tagged]], needs: str = "", *one_of: str, unless: str = "", rivals: str = "",
          marks: tuple[str, ...] = (), text: bool = False) -> _Rule:
    """A ``_Rule``; labels as space-separated words, one string per set of ``one_of``."""
    return _Rule(apply, text, frozenset(needs.split()), tuple(frozenset(s.split()) for s in one_of),
                 frozenset(unless.split()), frozenset(rivals.split()), frozenset(marks))


_SPAN = "container journal"
_NUMBERS = "volume pages"
#: the quotes a title may open with (``fields.QUOTE_CLOSER``'s one-character openers), and NLM's square bracket
_QUOTES = tuple(q for q in F.QUOTE_CLOSER if len(q) == 1)
_TITLE_OPENERS = (*_QUOTES, "[")

#: the rules in the order they are applied
_RULES = (
    _rule(label_before_names),
    _rule(words_after_no_name, "", "author editor", marks=("o.", "O.", "N.")),
    _rule(body_opening_title, "title", unless="author editor"),
    _rule(initial_after_body, "author title", marks=(":",)),
    _rule(day_before_month, "date", _NUMBERS),
    _rule(month_closing_title, "title date"),
    _rule(date_inside_title, "title date"),
    _rule(_container_to_medium, "", _SPAN, marks=("[",), text=True),
    _rule(_title_to_medium, unless="title", marks=("[",), text=True),
    _rule(title_in_caseless_script, "", "author date", unless="title"),
    _rule(title_before_access, unless="title", text=True),
    _rule(_serial_number, text=True),
    _rule(vancouver_end, "author"),
    _rule(coined_name_closing_names, "author title", marks=(":",)),
    _rule(given_name_not_date, "author date"),
    _rule(date_closing_names, "", "author editor"),
    _rule(title_read_as_names, "", "author editor"),
    _rule(_container_to_comma, "", _SPAN, rivals=_SPAN, marks=("(",)),
    _rule(_translated_by, "", " ".join(_PHRASE_READ)),
    _rule(role_after_names, "title", "author editor", marks=("(",)),
    _rule(names_closed_by_role, "editor", "author title"),
    _rule(title_run_into_container_after_editors, "editor title container"),
    _rule(role_closing_authors, "author"),
    _rule(editors_after_a_cura_di, "", "title container", marks=("cura",)),
    _rule(editors_before_a_cura_di, "title", marks=("cura",)),
    _rule(editors_opening_with_a_cura_di, "title", marks=("cura",)),
    _rule(quoted_title_after_date, "date", marks=_QUOTES),
    _rule(editors_after_locales_edited_by, marks=_EDITED_BY_MARKS),
    _rule(_role_after_title, "title"),
    _rule(editors_read_as_container, "editor", _SPAN),
    _rule(book_after_editors_role, "editor", unless=_SPAN),
    _rule(book_read_as_place, "editor", "location translator", unless=_SPAN),
    _rule(book_after_closed_editors, "editor", "note publisher title", unless=_SPAN),
    _rule(book_opening_editors, "editor", unless=_SPAN),
    _rule(names_joined_by_dash, "", "author editor", marks=("–",)),
    _rule(names_run_on, "author title"),
    _rule(after_capital_names, "author"),
    _rule(volume_after_container, "", _SPAN),
    _rule(pages_in_container, "", _SPAN, unless="pages"),
    _rule(pages_before_year, "date", _SPAN, unless="pages"),
    _rule(glued_pages, unless="pages"),
    _rule(year_before_page_label, marks=(")p", ")s")),
    _rule(issue_before_labelled_pages, "pages"),
    _rule(_name_inside_container, "title author", _SPAN),
    _rule(numbers_closing_container, "", _SPAN, marks=(";", ":")),
    _rule(vancouver_volume, marks=(";", ":")),
    _rule(place_read_as_journal, "title volume", _SPAN),
    _rule(journal_before_date, "title", _NUMBERS, unless=_SPAN),
    _rule(site_before_medium, "title", unless=_SPAN, marks=("[",)),
    _rule(site_before_access, "title url", unless="container journal publisher location"),
    _rule(journal_before_ahead_of_print, "title", unless=_SPAN, marks=("ahead",), text=True),
    _rule(journal_before_bare_year, "title publisher date", unless=_SPAN + " location volume pages"),
    _rule(_place_before_state, "location", _SPAN, marks=("(",)),
    _rule(publisher_from_its_delimiter, "publisher"),
    _rule(publisher_after_semicolon, "publisher title", marks=(";",)),
    _rule(publisher_from_its_parenthesis, "publisher date", "title container editor", marks=("(",)),
    _rule(imprint_in_parenthesis, marks=("(",)),
    _rule(work_cited_in_title, "title date", marks=("(",)),
    _rule(imprint_unknown, marks=("[",)),
    _rule(container_after_in, "", "publisher collection note", unless=_SPAN),
    _rule(container_inside_title, "title", marks=("In", ", in")),
    _rule(publisher_after_series, "collection", rivals="publisher"),
    _rule(publisher_to_its_delimiter, "publisher", "location note genre"),
    _rule(publisher_past_a_sentence, "publisher", "title container editor collection", marks=(".", "?", "!")),
    _rule(container_from_its_delimiter, "title", _SPAN),
    _rule(container_to_its_delimiter, "", _SPAN + " title"),
    _rule(publisher_closing_title, "title", unless="publisher container journal"),
    _rule(publisher_closing_parenthesis, "title", unless="publisher container journal volume", marks=("(",)),
    _rule(publisher_before_pages, "", "volume journal", marks=(":",)),
    _rule(periodical_before_its_day, "title", unless=_SPAN, marks=("”", "»", '"')),
    _rule(day_closing_name, "", "journal container publisher note"),
    _rule(journal_read_as_publisher, "publisher title", unless=_SPAN),
    _rule(book_after_in, "title", unless=_SPAN),
    _rule(publisher_after_journal, "", _NUMBERS, "journal container note publisher"),
    _rule(date_closing_container, "", _SPAN),
    _rule(year_closing_meetings_name, "date", _SPAN),
    _rule(publisher_closing_article, "", _SPAN, _NUMBERS, unless="publisher"),
    _rule(container_after_quoted_title, "title", _SPAN, marks=_TITLE_OPENERS),
    _rule(title_to_its_quote, "title", _SPAN, marks=_TITLE_OPENERS),
    _rule(abbreviation_opening_journal, "title journal"),
    _rule(quoted_name_after_in, "title", marks=tuple(q for q in _QUOTES if q != "‘")),
    _rule(quoted_journal_after_title, "title", unless=_SPAN, rivals="journal", marks=_QUOTES),
    _rule(qualifier_closing_journal, "", _SPAN, marks=("(",)),
    _rule(qualified_journal_before_numbers, "title", marks=("(",)),
    _rule(journal_between_volume_and_page, "title", marks=("(",)),
    _rule(initials_closing_journal, "", _SPAN, "publisher location"),
    _rule(section_closing_journal, "", _SPAN, "volume note"),
    _rule(arxiv_preprint, text=True),
    _rule(repository_as_publisher, "title", unless="publisher", text=True),
    _rule(publisher_closing_container, "", _SPAN, unless="publisher"),
    _rule(publisher_in_containers_parenthesis, "pages", _SPAN, unless="publisher", marks=("(",)),
    _rule(publisher_past_books_stop, "", _SPAN, unless="publisher", marks=(".", "?", "!")),
    _rule(series_before_imprint, "publisher", "title edition"),
    _rule(place_closing_container, "publisher", _SPAN, marks=(":",)),
    _rule(subtitle_read_as_container, "title publisher", _SPAN, unless="volume pages editor"),
    _rule(title_run_into_container, "title publisher", _SPAN, unless="volume pages editor"),
    _rule(subtitle_opening_journal, "title", _SPAN, _NUMBERS, unless="editor"),
    _rule(subtitle_and_publisher_read_as_container, "title", _SPAN, unless="publisher volume pages editor"),
    _rule(publisher_after_editors, "editor", marks=("(",)),
    _rule(publisher_after_editors_stop, "editor", unless="publisher"),
    _rule(title_before_imprint_parenthesis, "author", _SPAN, unless="volume pages editor", marks=("(",)),
    _rule(publisher_read_as_container, "title date", _SPAN, unless="publisher volume pages editor"),
    _rule(imprint_read_as_container, "", _SPAN, unless="publisher location volume pages editor", marks=(":",)),
    _rule(edition_closing_title, "title", "publisher location", unless=_SPAN),
    _rule(edition_words_closing_title, "title edition"),
    _rule(edition_closing_editors, "editor"),
    _rule(publisher_by_its_rival, "title", unless="publisher", rivals="publisher"),
    _rule(_no_date, text=True),
    _rule(_doubted_year, unless="date", rivals="date"),
    _rule(volume_in_years_after_its_label, "date volume"),
    _rule(article_number_after_volume, "date volume", unless="pages"),
    _rule(article_number_read_as_volume, "volume", unless="pages"),
    _rule(page_after_volume, "volume", unless="pages"),
    _rule(doubted_journal_closing_title, rivals="journal"),
    _rule(periodical_closing_title, "title", "volume pages", unless=_SPAN),
    _rule(volume_and_pages_closing_container, rivals=_NUMBERS),
    _rule(publisher_past_containers_date, rivals="publisher"),
    _rule(title_before_in_quoted_name, marks=("«", "“")),
    _rule(range_closing_title, rivals=_NUMBERS),
    _rule(bracket_opening_title, marks=_TITLE_OPENERS),
    _rule(description_closing_title, "title", marks=("[",)),
    _rule(kind_opening_container, "", _SPAN),
    _rule(series_closing_container, "", _SPAN),
    _rule(series_and_publisher_after_title, "title", _SPAN, unless="publisher volume pages collection"),
    _rule(site_in_access_phrase, "url", unless=_SPAN, marks=("website:",)),
    _rule(imprint_after_books_semicolon, "", _SPAN, "location date", marks=(";",)),
    _rule(publisher_before_article_pages, marks=(":",)),
    _rule(place_before_imprint_colon, marks=(":",)),
    _rule(pages_in_parenthesis, marks=("(",)),
    _rule(volume_in_note, "note", unless=_NUMBERS),
    _rule(journal_and_numbers_in_note, "note", unless=_NUMBERS + " " + _SPAN),
    _rule(numbers_after_journal_in_note, "note", _SPAN, unless=_NUMBERS),
    _rule(volume_before_dates_parenthesis, "date", _SPAN, unless="volume"),
    _rule(_role_read_as_publisher, "publisher"),
    _rule(meetings_book_title, "date", "title container journal collection"),
    _rule(volume_opening_title, "editor date title", unless="volume"),
    _rule(kind_alone, "", "container journal publisher location"),
    _rule(place_before_volume, "title volume", marks=("(",)),
    _rule(wordy_volume, "volume"),
    _rule(volume_part_closing_name, "volume", _SPAN, marks=("(",)),
    _rule(repository_named_by_its_link, marks=("/",), text=True),
    _rule(_links, text=True),
    _rule(_to_note, text=True),
)
#: every string some rule asks the reference for
_MARKS = frozenset().union(*(rule.marks for rule in _RULES))
@lru_cache(maxsize=4096)  # few distinct label sets: a list's references share them
def _admitted(start: int, labels: frozenset[str]) -> tuple[
        tuple[int, Callable[..., Sequence[Tagged]], bool, frozenset[str], frozenset[str]], ...]:
    """The rules from ``_RULES[start]`` on that a reading with ``labels`` admits, whatever its runners-up and its
    string: (index, rule, whether it takes the string, the runners-up and the marks it asks for)."""
    return tuple((k, rule.apply, rule.reads_text, rule.rivals, rule.marks) for k, rule in enumerate(_RULES[start:], start)
                 if rule.needs <= labels and rule.unless.isdisjoint(labels)
                 and not any(one_of.isdisjoint(labels) for one_of in rule.one_of))

