"""Rules over the tagger's labels that say which words are a reference's numbers (part of ``relabel``): the volume, the
issue, the pages and an article's number, printed alone, labelled, or glued in one word with the date (Vancouver's
"2006;560:93–108.", AMA's "Publisher; 2019:1-20.", CSE's "33(4):609–624."), and the journal such a run closes.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from . import fields as F
from .lexicon import MONTH_ABBREVIATIONS, MONTHS
from .relabel_names import RUN as _RUN
from .relabel_spans import SENTENCE_END
from .tagger import Tagged

#: a page label opening a parenthesis, and the pages closing it: APA's "Title (pp. 79–92).", "Titel (S. 31)."
_PAGES_IN_PARENTHESES = lazy(rf"{F.PAGES_IN_PARENTHESES}[.,;:]?")


def pages_in_parenthesis(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A page label that opens a parenthesis and the pages that close it are the pages, whatever the model read them
    as: APA and the DGPs print a chapter's with no book right after its title ("Title (S. 79–92). Publisher."), which
    the model read as the title's, a note's or an editor's words."""
    out = list(tagged)
    for i in range(len(tagged) - 1):
        if tagged[i].token.text[:1] == "(" and \
                _PAGES_IN_PARENTHESES.fullmatch(f"{tagged[i].token.text} {tagged[i + 1].token.text}"):
            out[i], out[i + 1] = tagged[i]._replace(label="pages"), tagged[i + 1]._replace(label="pages")
    return out


def volume_in_note(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
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


#: an article's pages closing a note's run ("45‑51.", with citeproc's non-breaking hyphen)
_NOTE_PAGES = lazy(r"[A-Za-z]?\d+[-–‑][A-Za-z]?\d+\.?")


def journal_and_numbers_in_note(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A note's run that opens a sentence after the title (or its translator) and reads "Name, label N: pages." is an
    article's journal, its volume or issue, and its pages, in a reading with no container and no numbers: Chicago in
    French, "« Titre ». Matériaux pour l’histoire de notre temps, nᵒˢ 143-144: 45‑51." (the model read the journal's
    name in small letters, and its numbers, as a note)."""
    if any(t.label in ("volume", "pages", "container", "journal") for t in tagged):
        return tagged
    i = next((k for k, t in enumerate(tagged) if t.label == "note"), 0)
    if i == 0 or tagged[i - 1].label not in ("title", "translator") \
            or not SENTENCE_END.search(tagged[i - 1].token.text) or not tagged[i].token.text[:1].isupper():
        return tagged
    end = i
    while end < len(tagged) and tagged[end].label == "note" and end - i <= _RUN + 3:
        end += 1
    comma = next((k for k in range(i, end) if tagged[k].token.text.endswith(",")), end)
    if comma - i >= _RUN or not 2 <= end - comma - 1 <= 4 or not _NOTE_PAGES.fullmatch(tagged[end - 1].token.text):
        return tagged
    numbers = " ".join(t.token.text for t in tagged[comma + 1:end - 1])
    read = F.parse_numbers(numbers)
    if not numbers.endswith(":") or numbers[:1].isdigit() or read.pages or not (read.volume or read.issue):
        return tagged  # a label first ("nᵒˢ", "vol."), its number closed by the colon before the pages
    return [t._replace(label="journal") if i <= k <= comma else t._replace(label="volume") if comma < k < end - 1
            else t._replace(label="pages") if k == end - 1 else t for k, t in enumerate(tagged)]


def numbers_after_journal_in_note(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """One or two bare numbers each closed by its comma, then the year, then perhaps a page, an article's number or a
    range, right after a journal's name and read as a note's words, in a reading with no volume and no pages, are the
    volume and its issue, the date and the pages: DIN 1505's "Langmuir 14, 1, 1998, 17–30", "Journal of Biomedical
    Optics 14, 5, 2009, 054018" and "Science Advances 4, 10, 2018" (no label before any of them; the model read the
    run as a note's)."""
    for i in range(1, len(tagged)):
        if tagged[i].label != "note" or tagged[i - 1].label not in ("journal", "container"):
            continue
        j = i
        while j < len(tagged) and j - i < 2 and tagged[j].label == "note" \
                and _NUMBER_COMMA.fullmatch(tagged[j].token.text):
            j += 1
        if j == i or j == len(tagged) or tagged[j].label != "note" or not _YEAR_ALONE.fullmatch(tagged[j].token.text):
            return tagged
        out = [*tagged[:i], *(t._replace(label="volume") for t in tagged[i:j]), tagged[j]._replace(label="date"),
               *tagged[j + 1:]]
        p = j + 1
        if p < len(tagged) and tagged[p].label == "note" and tagged[j].token.text.endswith(",") \
                and _LONE_PAGE.fullmatch(tagged[p].token.text) and not _YEAR_ALONE.fullmatch(tagged[p].token.text):
            out[p] = tagged[p]._replace(label="pages")
        return out
    return tagged


#: a volume's or an issue's bare number closed by its comma ("14,", "61–I,")
_NUMBER_COMMA = lazy(r"\d{1,4}(?:[-–][A-Za-z\d]{1,4})?,")


def volume_before_dates_parenthesis(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A bare number read as the date, right after a journal's or a book's name and right before the parenthesis of a
    date that holds the year, is the volume, in a reading with no volume: Italian styles' "in «Physical Review E», 83
    (aprile 2011), 4" and "in «Frontiers in Neuroanatomy», 12 (2018)." (the model read the number into the date after
    it). Not a year ("2018 (2019)", a reprint's)."""
    if any(t.label == "volume" for t in tagged):
        return tagged
    for i in range(1, len(tagged) - 1):
        t = tagged[i]
        if t.label != "date" or tagged[i - 1].label not in ("journal", "container") \
                or not _BARE_VOLUME.fullmatch(t.token.text) or F.YEAR_ONLY.fullmatch(t.token.text) \
                or tagged[i + 1].label != "date" or not tagged[i + 1].token.text.startswith("("):
            continue
        j = i + 1
        while j < len(tagged) and j - i <= 3 and tagged[j].label == "date" and ")" not in tagged[j].token.text:
            j += 1
        if j < len(tagged) and tagged[j].label == "date" and ")" in tagged[j].token.text \
                and any(F.YEAR_RE.search(x.token.text) for x in tagged[i + 1:j + 1]):
            return [*tagged[:i], t._replace(label="volume"), *tagged[i + 1:]]
        return tagged
    return tagged


#: a volume's number alone, no comma after it
_BARE_VOLUME = lazy(r"\d{1,4}")


def day_before_month(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
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


_MONTH_WORDS = MONTHS | MONTH_ABBREVIATIONS


def date_inside_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A day and month the model read as a date right after a title's word, no mark between them, are the title's
    where the reference printed its date before the title: "WDR (2011) Gesetz über den WDR vom 23. März 1985, in der
    Fassung vom 5. Juli 2011. Available at: …" and "(n.d.) Die Beschlüsse des Bundestages am 29. und 30. September."
    (the model closed the title at the day's number). The words up to the stop that ends the run are the title's; a
    date printed after the title, none before it, stays the date ("Doe J. A study of May 2019.")."""
    s = next((k for k, t in enumerate(tagged) if t.label == "title"), None)
    if not s or not any(t.label == "date" for t in tagged[:s]):
        return tagged
    e = s
    while e < len(tagged) and tagged[e].label == "title":
        e += 1
    last = tagged[e - 1].token.text
    if e == len(tagged) or tagged[e].label != "date" or last[-1:] in ",;:" or (
            SENTENCE_END.search(last) and not _DAY.fullmatch(last)):
        return tagged
    j = e
    while j < len(tagged) and j - e < 4 and tagged[j].label == "date" and not tagged[j].token.text.startswith("("):
        j += 1
        if tagged[j - 1].token.text[-1:] in ".,;" and not _DAY.fullmatch(tagged[j - 1].token.text):
            break
    run = [t.token.text.strip(".,;").casefold() for t in tagged[e - 1:j]]
    if tagged[j - 1].token.text[-1:] != "." or not any(w in _MONTH_WORDS for w in run) \
            or not _DAY.fullmatch(tagged[e - 1].token.text if tagged[e - 1].token.text[:1].isdigit() else tagged[e].token.text):
        return tagged
    return [t._replace(label="title") if e <= k < j else t for k, t in enumerate(tagged)]


def month_closing_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A month closing a title after the title's comma or full stop, right before the year the model read as the date,
    is the date's: ABNT's "Title., dez. 2022." and "Title, ago. 2018." (the model ran the title on over the month).
    Not a title's own last word, which no stop sets apart ("Seven Days in May. 1964")."""
    out = list(tagged)
    for i in range(1, len(tagged) - 1):
        t, year = tagged[i], tagged[i + 1]
        if t.label == "title" and year.label == "date" and tagged[i - 1].label == "title" \
                and tagged[i - 1].token.text[-1:] in ",." and F.YEAR_RE.search(year.token.text) \
                and t.token.text.rstrip(".,").casefold() in _MONTH_WORDS:
            out[i] = t._replace(label="date")
    return out


def volume_in_years_after_its_label(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A four-digit number right after a volume's label that the model read as the date, where the label is all the
    volume and the reading has another date, is the volume: ABNT's "Transportation Research Record, v. 1748, p. 26–39,
    2001." (a volume in the years' range)."""
    for i in range(1, len(tagged)):
        t, label = tagged[i], tagged[i - 1]
        if t.label == "date" and label.label == "volume" and _FOUR_DIGITS.fullmatch(t.token.text) \
                and _VOLUME_LABEL_ALONE.fullmatch(label.token.text) \
                and not any(u.label == "volume" for k, u in enumerate(tagged) if k != i - 1) \
                and any(u.label == "date" and F.YEAR_RE.search(u.token.text) for k, u in enumerate(tagged) if k != i):
            return [*tagged[:i], t._replace(label="volume"), *tagged[i + 1:]]
    return tagged


def article_number_after_volume(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
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


def article_number_read_as_volume(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
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


def volume_after_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The number closing a container span that the model doubts with the volume as its rival is the
    volume: "Critical Studies on Security 4, no. 1 (2016)" (Chicago's volume after the journal). So is a volume's label
    closing the span after its comma, right before the volume's number: German "in: Zeitschrift, Jg. 42, S. 5–9"
    (the model knows no "Jg.", Jahrgang, and read it into the journal's name)."""
    out = list(tagged)
    for i, t in enumerate(tagged):
        if t.label not in ("container", "journal") or not i or tagged[i - 1].label != t.label \
                or (i + 1 < len(tagged) and tagged[i + 1].label == t.label):
            continue
        if (t.rival == "volume" and t.token.text.rstrip(",.;:").isdigit()) or (
                i + 1 < len(tagged) and tagged[i + 1].label == "volume" and tagged[i - 1].token.text.endswith(",")
                and _VOLUME_LABEL_ALONE.fullmatch(t.token.text)):
            out[i] = t._replace(label="volume")
    return out


#: Vancouver's year and its semicolon ("2008;", "(2014);")
_YEAR_SEMI = rf"\(?{F.YEAR}[a-z]?\)?;"
#: Vancouver's date, volume, issue and pages in one token ("2006;560:93–108.", "2014;40(9):1477-81")
_GLUED = lazy(_YEAR_SEMI + r"\s?\d+(?:\([^()]+\))?:[\w–-]+[.,]?")
#: the same after the year printed apart, glued to its month or day ("2010 Apr;28(4):712-9.", "2010 Apr 15;28:712-9.")
_DATED_GLUED = lazy(r"(?:[A-Z][a-z]{2}(?:-[A-Z][a-z]{2})?|\d{1,2});\d+(?:\([^()]+\))?:[\w–-]+[.,]?")
#: the number after Vancouver's "Year;": the volume, maybe with its issue, before the colon and the pages or alone
_AFTER_YEAR = lazy(r"\d+(?:\([^()]+\))?[:.,]?")


_YEAR_SEMICOLON = lazy(_YEAR_SEMI)
#: AMA's year, colon and pages after a book's publisher ("2019:1-20.", "2019:e1234")
#: the pages after a colon in a journal's glued run: a page, an article's number or a range ("1-20.", "e1234", "l1234")
PAGE_RUN = r"[A-Za-z]?\d+(?:[–-][A-Za-z]?\d+)?[.,;]?"
_YEAR_PAGES = lazy(rf"{F.YEAR}:{PAGE_RUN}")
_VOLUME_ISSUE_PAGES = lazy(r"\d+(?:\([^()]+\))?:" + PAGE_RUN)


def volume_and_pages_closing_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Two numbers each closed by a comma that close a container's span, the model doubting both with the volume or the
    pages as their rivals, are the volume and the pages: Copernicus's "Title, Intelligence, 108, 101880, https://…"
    and "Journal, 82, WB9–WB19, https://…" (no journal's name ends in two numbers)."""
    out: list[Tagged] | None = None
    for i in range(2, len(tagged)):
        volume, pages = tagged[i - 1], tagged[i]
        if pages.rival not in ("volume", "pages"):  # most words have no rival: the one test passes them over
            continue
        label = tagged[i - 2].label
        if pages.label != volume.label or label != pages.label or label not in ("container", "journal") \
                or (i + 1 < len(tagged) and tagged[i + 1].label == label) \
                or not (volume.token.text.endswith(",") and pages.token.text.endswith(",")) \
                or not tagged[i - 2].token.text.endswith(",") \
                or volume.rival not in ("volume", "pages") or pages.rival not in ("volume", "pages") \
                or not _VOLUME_NUMBER.fullmatch(volume.token.text) or not _CLOSING_PAGES.fullmatch(pages.token.text):
            continue
        out = out or list(tagged)
        out[i - 1], out[i] = volume._replace(label="volume"), pages._replace(label="pages")
    return tagged if out is None else out


def range_closing_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A range of numbers closing the title after its comma, which the model doubts more than it believes with the volume
    or the pages as its rival, is the pages: Copernicus's "Title, 1631–1642, https://…, 2013." of a paper printed with
    no proceedings."""
    for i in range(1, len(tagged)):
        t = tagged[i]
        if t.rival in ("volume", "pages") and t.label == "title" and t.prob < 0.5 \
                and tagged[i - 1].label == "title" and tagged[i - 1].token.text.endswith(",") \
                and (i + 1 == len(tagged) or tagged[i + 1].label != "title") and _TITLE_RANGE.fullmatch(t.token.text):
            return [*tagged[:i], t._replace(label="pages"), *tagged[i + 1:]]
    return tagged


#: a range of pages and the comma or stop after it
_TITLE_RANGE = lazy(r"\d+[-–]\d+[.,]?")
#: a volume's number and its comma
_VOLUME_NUMBER = lazy(r"\d{1,4},")
#: pages, a range or an article's number and its comma ("101880,", "WB9–WB19,", "e0158803,")
_CLOSING_PAGES = lazy(r"[A-Za-z]{0,4}\d+(?:[-–][A-Za-z]{0,4}\d+)?,")


def page_after_volume(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Of two bare numbers read as the volume right after the journal's name or its year, in a reading with no pages,
    the second is the page or the article's number: the volume comes first and closes with its comma, MDPI's
    "Sensors 2022, 22, 371, doi:…", Copernicus's "PLoS ONE, 6, e19254, 2011.", LNCS's "Journal of Geodesy. 92, 1371
    (2018)." (a volume is one number; the model read both into it). Not a year where the reading has no date."""
    if any(t.label == "pages" for t in tagged):
        return tagged
    volumes = [i for i, t in enumerate(tagged) if t.label == "volume"]
    if len(volumes) != 2 or volumes[1] != volumes[0] + 1 or not volumes[0]:
        return tagged
    i = volumes[0]
    if tagged[i - 1].label not in ("container", "journal", "date") or not _VOLUME_NUMBER.fullmatch(tagged[i].token.text) \
            or not _LONE_PAGE.fullmatch(tagged[i + 1].token.text):
        return tagged
    if F.YEAR_ONLY.fullmatch(tagged[i + 1].token.text.strip(".,;")) and not any(t.label == "date" for t in tagged):
        return tagged
    return [*tagged[:i + 1], tagged[i + 1]._replace(label="pages"), *tagged[i + 2:]]


#: a page, a range or an article's number, closed by a comma, a stop or nothing ("371,", "e19254,", "1371", "830,")
_LONE_PAGE = lazy(r"[A-Za-z]{0,4}\d+(?:[-–][A-Za-z]{0,4}\d+)?[.,;]?")

def numbers_closing_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
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


def vancouver_volume(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Vancouver's (NLM's, The Lancet's) "Journal 2021; 181: 111031." prints the volume right after the year and its
    semicolon, then the pages after a colon; the model read the volume as the pages (or the run glued in one token,
    "2006;560:93–108.", as the title, and the journal's name before it too): there it is the volume (assemble reads
    a glued run's parts), and the title's last sentence before it the journal. So is the run glued to the month or the
    day of a date whose year is printed apart ("2010 Apr;28(4):712-9.", PubMed's form)."""
    out = list(tagged)
    for i, t in enumerate(tagged):
        text = t.token.text
        # each pattern needs its semicolon or colon: most words are passed over on that test alone
        if ";" in text and t.label not in ("volume", "doi", "url") and (
                _GLUED.fullmatch(text) or (i and tagged[i - 1].label == "date" and _DATED_GLUED.fullmatch(text))):
            out[i] = t._replace(label="volume")
            if t.label == "title":  # "… cultures. Hydrobiologia 2006;560:93–108."
                _journal_closing_title(out, tagged, i)
        elif t.label not in ("volume", "pages", "doi", "url") and i and tagged[i - 1].label == "publisher" \
                and tagged[i - 1].token.text.endswith(";") and _YEAR_PAGES.fullmatch(text):
            out[i] = t._replace(label="volume")  # AMA's book and chapter "Publisher; 2019:1-20." (assemble reads its parts)
        elif t.label == "title" and ":" in text and i and tagged[i - 1].label == "title" \
                and _VOLUME_ISSUE_PAGES.fullmatch(text) \
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


#: a page range as one token ("44–59,", "1:243–334,"), and the word that labels pages ("Pp.")
_RANGE = lazy(r"(?:\d+:)?\d+[-–]\d+[,.;]?")
_PAGE_LABEL = frozenset(("p.", "pp.", "s."))


def glued_pages(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A page label glued to its pages ("p.63–79,", ``fields.GLUED_PAGES``), in a reading with no pages, is the pages:
    ABNT prints "… the Human Mind. p.332–354, 2019." and the model, which saw the label apart from the number, read
    the word as a genre's, a note's or the title's."""
    if any(t.label == "pages" for t in tagged):
        return tagged
    return [t._replace(label="pages") if t.label not in ("url", "doi") and F.GLUED_PAGES.fullmatch(t.token.text)
            else t for t in tagged]


def issue_before_labelled_pages(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
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


#: a range of pages closed by its comma (citeproc's non-breaking hyphen too), and a year alone after it
_RANGE_BEFORE_YEAR = lazy(r"([A-Za-z]?\d{1,6})[-–‑][A-Za-z]?\d{1,6},?")
_YEAR_ALONE = lazy(rf"\(?{F.YEAR}[a-z]?\)?[.,;]?")
_A_YEAR = lazy(F.YEAR)


def pages_before_year(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A range the model read into the date, right after a journal's or a book's name and right before the year, is
    the pages: Copernicus prints an article's with no volume ("Journal, 1–34, 2018."). A range of years ("1990–1995,
    2001") stays the date, and so does one after a month (a span of days)."""
    out = list(tagged)
    for i in range(1, len(tagged) - 1):
        t, year = tagged[i], tagged[i + 1]
        if t.label == "date" and tagged[i - 1].label in ("journal", "container") and year.label == "date" \
                and (m := _RANGE_BEFORE_YEAR.fullmatch(t.token.text)) and not _A_YEAR.fullmatch(m.group(1)) \
                and _YEAR_ALONE.fullmatch(year.token.text):
            out[i] = t._replace(label="pages")
    return out


#: a year in parentheses with the page label glued after it
_YEAR_THEN_LABEL = lazy(rf"\({F.YEAR}[a-z]?\)(?:pp?|s)\.")


def year_before_page_label(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A year in parentheses glued to the label of the pages after it is the date: Science prints a chapter's or a
    book's "Title (1992)pp. 100–." with no space, one token the model read into the title or the pages."""
    return [t._replace(label="date") if t.token.text[:1] == "(" and _YEAR_THEN_LABEL.fullmatch(t.token.text) else t
            for t in tagged]


def pages_in_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
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


def edition_closing_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A bare number of one or two digits that closes a book's title after its comma, or in parentheses, right before
    the publisher or the place, is the edition: a .bib's edition "1" printed by the style as it is, "Title, 1. Springer,
    2013", "Title (1). Springer.", "Title, 1., Cambridge University Press" (the model read it as the title's last word).
    Not in a reading with a journal or a container, where such a number is a volume's."""
    for i in range(1, len(tagged) - 1):
        t = tagged[i]
        if t.label != "title" or tagged[i + 1].label not in ("publisher", "location") \
                or not _BARE_EDITION.fullmatch(t.token.text) or tagged[i - 1].label != "title" \
                or not (t.token.text.startswith("(") or tagged[i - 1].token.text.endswith(",")):
            continue
        if any(x.label in ("journal", "container") for x in tagged):
            return tagged
        return [x._replace(label="edition") if k == i else x for k, x in enumerate(tagged)]
    return tagged


def edition_words_closing_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The title's last words from an ordinal number after its comma or stop ("26.,", "5.") up to the edition the model
    read, the words between them in lower case, are the edition's: German "Title, 26., völlig neu bearb. Aufl. München:
    Beck" and "Title., 5., neu bearb. Aufl." (the model read the edition's number and its words as the title's, only
    "Aufl." as the edition)."""
    for e in range(2, len(tagged)):
        if tagged[e].label != "edition" or tagged[e - 1].label != "title":
            continue
        k = e - 1
        while k > 1 and e - k < _EDITION_WORDS and tagged[k].label == "title" \
                and not _ORDINAL_EDITION.fullmatch(tagged[k].token.text):
            k -= 1
        if _ORDINAL_EDITION.fullmatch(tagged[k].token.text) and tagged[k].label == "title" \
                and tagged[k - 1].label == "title" and tagged[k - 1].token.text.endswith((",", ".")) \
                and all(t.token.text[:1].islower() for t in tagged[k + 1:e]):
            return [t._replace(label="edition") if k <= n < e else t for n, t in enumerate(tagged)]
        return tagged
    return tagged


#: at most this many words of an edition's statement before its word ("26., völlig neu bearb.")
_EDITION_WORDS = 5
#: an edition's number as German and other styles print it, an ordinal's full stop after it ("26.,", "5.")
_ORDINAL_EDITION = lazy(r"[1-9]\d?\.,?")


#: a bare number of one or two digits, or one in parentheses closed by a stop or a comma ("1.", "2,", "(1)."); not a
#: report's number ("(08) (IOM, 2024)")
_BARE_EDITION = lazy(r"[1-9]\d?[.,]{0,2}|\([1-9]\d?\)[.,]{1,2}")
