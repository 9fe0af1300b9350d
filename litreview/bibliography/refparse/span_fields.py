"""A labelled span's text read as a field's value: quotes, roles and stray punctuation taken off, the names of an
author or editor span, a container's name, a publisher's place and name, pages and an edition."""

from __future__ import annotations

import re

from ...locale_terms import EDITION_WORDS, alternation, and_words, quote_marks
from ...model import Person
from . import fields as F
from .lexicon import GIVEN
from .names import is_initials, is_organisation, is_particle, scan_names
from .relabel_edited_by import EDITED_BY_ABROAD
from .tail import _names as reading_order_names

_QUOTES = quote_marks("“\"‘«„")
_ROLE_HEAD = re.compile(
    r"^(?:in:?\s+)?(?:(?:edited|translated|compiled|directed|produced)\s+by|eds?\.\s+by|trans\.\s+by|hrsg\.\s+v\.|"
    rf"hg\.\s+v\.|a\s+{F.CURA_OF})\s+|^(?:in|en|em|dans):?\s+", re.I)
#: another locale's "edited by" opening an editors' span ("herausgegeben von", "édité par"): citeproc prints the names
#: after it in reading order, the last two joined by the locale's "and" ("Max Moe und Paul Poe")
_EDITED_BY_ABROAD_HEAD = re.compile(
    r"^(?:" + "|".join(r"\s+".join(map(re.escape, words)) for words in EDITED_BY_ABROAD) + r")\s+", re.I)
# A role closes a parenthesis only when it opens it: "BMJ (Clinical research ed.)" is NLM's name of a journal.
_ROLE = r"(?:eds?|éds?|editors?|hrsg|hgg?|dir|coords?|orgs?|trans|transl)"
_ROLE_TAIL = re.compile(rf",?\s*(?:\({_ROLE}\.?\)|\(a\s+{F.CURA_OF}\)|\b{_ROLE}\.?)\s*[.,:;]?\s*$", re.I)
#: a page, a range, or an article's number with its letters ("S8", "e0158803", "uez032", "eaaw4694", "112560I",
#: AGU's "G00A06" and "2012GL051234", letters and digits in turn)
_PAGES = re.compile(r"(?<![A-Za-z])[A-Za-z]{0,4}\d+(?:[A-Za-z]{1,2}\d+)*(?:\s*[-–—]+\s*[A-Za-z]?\d+|[A-Za-z]\b)?")
# Each alternative starts where its run of digits or letters starts: the same leftmost match, found in
# linear time (tried at every letter of a long run, the search was quadratic).
# The edition words are read as prefixes ("editions", "Auflage"), but for "ed" and "edn", whole words.
_EDITION = re.compile(r"((?<!\d)\d+(?:st|nd|rd|th|e|re|er|ème|a|ª|\.ª|\.)?|(?<![A-Za-zÀ-ÿ])[A-Za-zÀ-ÿ]+)\s*"
                      rf"(?:ed\b|edn\b|{alternation(tuple(w for w in EDITION_WORDS if w != 'edn'))})", re.I)
#: ": Bioinformatics", "(in Russian). Doklady ...", "Forum, (p.227)" and ABNT's "ArXiv, v." (the label of a volume
#: or pages the model did not read as such): not the container's words
_CONTAINER_LEAD = re.compile(r"^(?:[:;,.]\s*|\((?:in|en|auf)\s+[A-Z][a-z]+\)\.?\s*)+")
_CONTAINER_TRAIL = re.compile(r",?\s*\((?:pp?\.|S\.)\s*[\d–-]+\)$|,?\s*\([^()]*\b(?:pp?|S)\.?$|,\s*(?:v|vol|n|no|fasc|p|pp)\.$")
_INITIAL_END = re.compile(r"\b[A-Z]\.$")
IN_HEAD = re.compile(rf"^(?:(?:chap(?:ter|\.)?|ch\.)\s*\w+\s+)?{F.IN_WORDS}\b:?\s+", re.I)
_IN_ALONE = re.compile(rf"(?i){F.IN_WORDS}\W*")
_INITIAL_AFTER_COMMA = re.compile(r",\s*(?:[A-ZÀ-Þ]\.|[A-ZÀ-Þ]{1,3}\b)")
_ET_AL = re.compile(r",?\s*\bet\s+al\b\.?")
_ET_AL_WORDS = re.compile(r"\bet\s+al\b")
_OTHERS = re.compile(r"\bet\s+al\b\.?|\bothers\b", re.I)
_AND_OTHERS = re.compile(r",?\s*\bet\s+al\b\.?|,?\s*\b(?:and\s+)?others\b", re.I)
_PAGE_WORD = re.compile(r"(?i)\b(?:pp?|pages?|s|pág)(?:\.|\s)\s*")  # a label's stop or space: not the "S" of "S8"


#: a dash alone opening a span, then its space; one closing a span after its space
_DASH_OPENING = frozenset(("- ", "– ", "— "))
_DASH_CLOSING = frozenset(d[::-1] for d in _DASH_OPENING)


def clean_span(text: str) -> str:
    """The span without its quotes, its closing comma, semicolon or colon, and an opening bracket nothing closes."""
    return F.unopened(text.strip().strip(_QUOTES + " ").rstrip(",;:").strip().strip(_QUOTES + " "))


def clean_title(text: str) -> str:
    """A title span without its medium, its quotes, its closing stop (not the stop of an initial) and the dash that
    parts it from the names before it (NP 405's "QURESHI, Fahad - Title")."""
    text = F.without_medium(text).strip()
    if text[:2] in _DASH_OPENING:
        text = text[2:].lstrip()
    if text[:1] in "“\"‘«„'" and text.rstrip(" .,;:")[-1:] in "”\"’»“'":
        text = text[1:].rstrip(" .,;:")[:-1]
    text = clean_span(text)
    if text.endswith(".") and not text.endswith("..") and not _INITIAL_END.search(text):
        text = text[:-1]
    return text.strip()


_MEDIUM_AFTER = re.compile(rf",?(?:{F.MEDIUM.pattern})[.,]?\s*$", re.I)


def container_name(text: str) -> str:
    """"In Journal of X," -> "Journal of X"; "Chap. 4 in Book" -> "Book"; "Curr. Opin. Neurobiol." kept whole;
    "Science, [online]", "J Neurosci Methods [Internet]": the medium after a journal is no part of its name."""
    if _IN_ALONE.fullmatch(text.strip()):
        return ""  # "Title. In." with nothing after it (a chapter whose book the entry lacks): no container's name
    text = _MEDIUM_AFTER.sub("", IN_HEAD.sub("", text.strip()))
    text = clean_span(_CONTAINER_TRAIL.sub("", _CONTAINER_LEAD.sub("", text))) or clean_span(text)
    words = text.split()
    if text.endswith(".") and not (len(words) > 1 and words[-1][0].isupper() and len(words[-1]) <= 12
                                   and any(w.endswith(".") for w in words[:-1])):
        text = text[:-1]
    return text


def _closing(text: str, opener: str, closer: str) -> int:
    """Where the quote opened at the start of ``text`` closes (-1: it does not; ``fields.quote_end``)."""
    return F.quote_end(text, len(opener), closer)


def split_quoted(text: str) -> tuple[str, str]:
    """("“Title.”", "what follows the closing quote") for a title span that runs past its quote: the quote closes
    on a stop or comma, inside it (“Title,” Container) or just after it (“Title”, Container; « Titre ». Revue).
    With single and TeX quotes and the stop after the quote: 5-fold CV on the training set container 0.824 -> 0.825,
    title unchanged; dev 250 one title fewer (two quoted titles in one reference)."""
    stripped = text.lstrip()
    opener = "``" if stripped.startswith("``") else stripped[:1]
    closer = F.QUOTE_CLOSER.get(opener)
    if closer is None:
        return text, ""
    end = _closing(stripped, opener, closer)
    if end < 0:
        return text, ""
    after = stripped[end + len(closer):]
    if not after.strip(" .,;:") or (stripped[:end].rstrip()[-1:] not in ".,?!" and after.lstrip()[:1] not in ".,"):
        return text, ""  # “Behind the Store”: Montreal ... or "Title". Rest: the quote is part of the title
    return stripped[:end + len(closer)], after.strip(" .,;:")


#: "et" (French), "y" (Spanish), "e" (Portuguese, Italian), "und" (German), "en" (Dutch), "och" (Swedish), "i" (Catalan,
#: Polish) or a slash between two names, read as a "; " between names.
_FOREIGN_AND = re.compile(rf"\s+(?:{alternation(tuple(sorted(and_words('fr', 'es', 'pt', 'it', 'de', 'nl', 'sv', 'ca', 'pl'))))})\s+(?=[A-ZÀ-Þ])"
                          r"|(?<=[\w.])\s*/\s*(?=[A-ZÀ-Þ])|(?<=[\w.])\s+–\s+(?=[A-ZÀ-Þ])")


#: a spaced dash between two names
_DASH = re.compile(r"\s+[–—]\s+")


def _names_joined(names: str) -> str:
    """"Pérez, J. y Rodríguez, M." -> "Pérez, J.; Rodríguez, M."; "Müller, Hans/Schmidt, Petra", "Kirk, Jo – Li, Bo" too.

    Only after the first name's comma: "Ortega y Gasset, José" is one name. With no comma, names given first, each
    opening with an initial, joined by spaced dashes, are joined by commas: "J. Doe – R. Roe" -> "J. Doe, R. Roe" (the
    German Archaeological Institute's lists)."""
    head, comma, rest = names.partition(",")
    if comma:
        return head + comma + _FOREIGN_AND.sub("; ", rest)
    parts = [p.split() for p in _DASH.split(names)]
    return ", ".join(" ".join(p) for p in parts) if len(parts) > 1 and all(
        len(p) > 1 and is_initials(p[0]) for p in parts) else names


def _inverted_pair(chunks: list[list[str]]) -> bool:
    """Two comma-separated parts with no "and" between them that are one name inverted, a compound family name and its
    given names ("Suárez Pascal, Carlos David"), not two names in reading order ("Paolo Weiss, Marta Lenz"): the
    second part opens with a given name (``lexicon.GIVEN``) and the first does not."""
    return (len(chunks) == 2 and not {"and", "&"} & set(chunks[1])
            and chunks[1][0].casefold() in GIVEN and chunks[0][0].casefold() not in GIVEN)


def persons(text: str) -> tuple[tuple[Person, ...], bool]:
    """Names of an author or editor segment: (persons, et al.)."""
    clean = text.strip()
    if (abroad := _EDITED_BY_ABROAD_HEAD.match(clean)) is not None and not clean[abroad.end():].split(None, 1)[0].endswith(","):
        # in reading order ("a cura di Colli, Giorgio – Montinari, Mazzino", inverted, is read below)
        direct = _FOREIGN_AND.sub(", ", clean[abroad.end():]).strip(" ,;:.")
        return tuple(p for p in reading_order_names(direct) if p.family), False
    for _ in range(2):
        before = clean
        clean = _ROLE_HEAD.sub("", clean)
        tail = len(clean) - 24 if len(clean) > 24 else 0
        clean = (clean[:tail] + _ROLE_TAIL.sub("", clean[tail:])).strip()
        if clean == before:  # nothing taken off: a second pass would take nothing either
            break
    clean = clean.strip(" ,;:()")
    if clean[-2:] in _DASH_CLOSING:  # NP 405's "QURESHI, Fahad - Title": the dash that parts the names from the title
        clean = clean[:-2].rstrip(" ,;:")
    if not clean:
        return (), False
    clean = _names_joined(clean)
    chunks = [c.split() for c in clean.split(",")]
    head = chunks[0]
    if len(chunks) > 1 and 2 <= len(head) <= 3 and all(w[:1].isupper() and not w.endswith(".") for w in head) \
            and len([w for w in chunks[1] if w not in ("and", "&")]) >= 2 and not is_particle(head[0]) \
            and not _INITIAL_AFTER_COMMA.search(clean) and not _inverted_pair(chunks):
        # "Paul Hudak, Simon Peyton Jones, and Philip Wadler": given names first, nothing inverted
        found = reading_order_names(_ET_AL.sub("", clean))
        return tuple(p for p in found if p.family), bool(_ET_AL_WORDS.search(clean))
    names = scan_names(clean, span=True)
    if names is not None and names.end >= len(clean.rstrip(". ")) - 1:
        return names.persons, names.et_al
    et_al = bool(_OTHERS.search(clean))
    clean = _AND_OTHERS.sub("", clean).strip(" ,.")
    if names is not None and not et_al and names.end >= len(clean) - 1:
        return names.persons, names.et_al
    if names is None and "," not in clean and is_organisation(clean.split()):
        return (Person(family=clean),), et_al  # "US Bureau of Labor Statistics": one body, no person
    found = reading_order_names(clean)
    return tuple(p for p in found if p.family), et_al


def span_pubfacts(text: str) -> F.PubFacts | None:
    """A publisher's span read as its place and name: "Blackwell, Oxford", "New York: Academic Press", "Cambridge, MA,
    USA: MIT Press"."""
    pub = F.publisher_then_place(clean_span(text)) or F.parse_pubfacts(clean_span(text)) or F.place_then_publisher(clean_span(text))
    if pub is None and ":" in text:  # "Cambridge, MA, USA: MIT Press"
        place, _, name = clean_span(text).rpartition(":")
        pub = F.PubFacts(place.strip(), name.strip())
    return pub


def after_colon(pages: str, text: str) -> bool:
    """``pages`` is the number after the colon that closes ``text`` (Vancouver's "2020;11(1):1234.")."""
    return bool(pages) and re.search(rf":\s*{re.escape(pages)}\W*$", text) is not None


#: what joins two parts of an article's pages in a list ("431–456, 791–823", "1,3", "234-237 et 237-241")
_PAGES_JOIN = re.compile(r"\s*(?:[,;&]|\b(?:and|et|und|e|y)\b)\s*")
_FIRST_DIGITS = re.compile(r"\d+")


def span_pages(text: str) -> str:
    """The pages in a span the model read as the pages: a page, a range, an article's number, or a list of them, each
    part after the one before it ("pp. 431–456, 791–823" as a list, "1, 3"; not "45–67, 1999" nor "12, 5")."""
    text = _PAGE_WORD.sub(" ", text)
    m = _PAGES.search(text)
    if not m:
        return ""
    parts, at = [m.group()], m.end()
    while (join := _PAGES_JOIN.match(text, at)) and (more := _PAGES.match(text, join.end())):
        before, after = _FIRST_DIGITS.findall(parts[-1])[-1], _FIRST_DIGITS.findall(more.group())
        if not after or int(after[0]) < int(before) or F.YEAR_ONLY.fullmatch(more.group()):
            break
        parts.append(more.group())
        at = more.end()
    return ", ".join(F.dash(p) for p in parts)


def span_edition(text: str) -> str:
    m = _EDITION.search(text)
    if m:
        return m.group(1).rstrip(".") if m.group(1)[0].isdigit() else m.group(1)
    bare = clean_span(text).strip("()")
    return bare.rstrip(".)") if _BARE_NUMBER.fullmatch(bare) else bare  # "1.", "(1)": the number alone


#: a bare edition number as printed after a title ("1.", "2).")
_BARE_NUMBER = re.compile(r"\d{1,2}[.)]*")
