"""Rules over the tagger's labels for an edited book whose editors open the reference (part of ``relabel``): DBLP's
``@proceedings`` and edited volumes, printed "Doe, Jane, Bob Roe, and Al Poe, eds. 2016. Book." (APSA), "Doe J, Roe
B, editors. Book." (Vancouver), "DOE, Jane und Bob ROE (Hrsg.), 2016. Book." (ISO 690).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from ..names import PARTICLES
from .lexicon import AND, IN
from .names import is_initials
from .relabel_books import CLOSING_ROLES
from .tagger import Tagged

#: the most words of the names before the role (a dozen editors, a family name and initials each)
_NAMES_RUN = 40
#: the labels the model read such names as
_NAMES_READ_AS = frozenset(("author", "editor", "title"))


def _name_word(word: str) -> bool:
    """``word`` may be a word of a list of names: capitalised, or the "and" or a particle between them; not "In" nor
    a word that closes a sentence (a stop after more than initials) or a clause (a colon: a title's)."""
    bare = word.rstrip(",;")
    if not bare or word.endswith(":") or word.casefold() in IN or any(c.isdigit() for c in bare) \
            or (bare.endswith(".") and not is_initials(bare)):
        return False
    return bare[:1].isupper() or bare.casefold() in AND or bare in PARTICLES or bare == "&"


def names_closed_by_role(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The names opening the reference (after a list's number), up to the editors' role that closes them ("eds.",
    "editors.", "(Hrsg.),", "(éd.)."), are the editors' every one, where the model read the role as the editors' and
    some of the names as an author's or a title's words (it saw few books opened by their editors: "Clear, Alison,
    Ernesto Cuadros-Vargas, …, eds." became an author, a title and editors). Not a chapter's editors after "In"
    (``book_after_editors_role``), nor names with a lower-case word or a number among them."""
    start = 1 if tagged and tagged[0].label == "number" else 0
    if start >= len(tagged) or tagged[start].token.text.casefold() in IN:
        return tagged
    for r in range(start + 2, min(start + _NAMES_RUN, len(tagged))):
        t = tagged[r]
        if t.token.text.strip("()[].,;:").casefold() in CLOSING_ROLES:
            break
        if t.label not in _NAMES_READ_AS or not _name_word(t.token.text):
            return tagged
    else:
        return tagged
    names = tagged[start:r]
    if tagged[r].label != "editor" or all(x.label == "editor" for x in names) \
            or any(x.label not in _NAMES_READ_AS or not _name_word(x.token.text) for x in names):
        return tagged
    return [x._replace(label="editor") if start <= k < r else x for k, x in enumerate(tagged)]


#: a volume's number (not a year a title may open with: ``_YEARS``) and what may follow it, the title's first word
_NUMBER = lazy(r"[1-9]\d{0,4}")
_ORDINAL = lazy(r"\d{1,3}(?:st|nd|rd|th)")
_YEARS = range(1450, 2100)


def volume_opening_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A number opening the title of a book opened by its editors, right after the year, is the book's volume: APSA
    prints a volume there ("…, eds. 2015. 8606 Central European Functional Programming School …", "eds. 2021. 194 35th
    European Conference …": a DBLP proceedings' volume in its series). Not a year ("eds. 2009. 1968 Revisited"), nor
    in a reading with a volume elsewhere, nor before a word in lower case."""
    i = next((k for k, t in enumerate(tagged) if t.label == "title"), None)
    if i is None or i + 1 >= len(tagged) or not i or tagged[i - 1].label != "date" or tagged[i + 1].label != "title" \
            or not any(t.label == "editor" for t in tagged[:i]) or any(t.label == "volume" for t in tagged):
        return tagged
    word, after = tagged[i].token.text, tagged[i + 1].token.text
    if not _NUMBER.fullmatch(word) or int(word) in _YEARS or not (after[:1].isupper() or _ORDINAL.match(after)):
        return tagged
    return [t._replace(label="volume") if k == i else t for k, t in enumerate(tagged)]


#: what may come before the title of a book opened by its editors: a list's number, the names, the year
_BEFORE_TITLE = frozenset(("number", "editor", "date", "volume"))


def title_run_into_container_after_editors(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A container's span right after the title of a book opened by its editors, with no stop, comma or colon between
    them, is the title's end: the model cut "Models, Languages, and Tools for | Concurrent and Distributed Programming
    - Essays …" mid-phrase (a container follows a title's stop, or "In"). Such a book is in no container."""
    i = next((k for k, t in enumerate(tagged) if t.label not in _BEFORE_TITLE), None)
    if i is None or tagged[i].label != "title" or not any(t.label == "editor" for t in tagged[:i]):
        return tagged
    j = i
    while j < len(tagged) and tagged[j].label == "title":
        j += 1
    if j == len(tagged) or tagged[j].label != "container" or not tagged[j - 1].token.text[-1:].isalnum() \
            or tagged[j].token.text.casefold() in IN:
        return tagged
    end = j
    while end < len(tagged) and tagged[end].label == "container":
        end += 1
    return [t._replace(label="title") if j <= k < end else t for k, t in enumerate(tagged)]
