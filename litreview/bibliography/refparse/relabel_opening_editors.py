"""A rule over the tagger's labels for an edited book whose editors open the reference (part of ``relabel``): DBLP's
``@proceedings`` and edited volumes, printed "Doe, Jane, Bob Roe, and Al Poe, eds. 2016. Book." (APSA), "Doe J, Roe
B, editors. Book." (Vancouver), "DOE, Jane und Bob ROE (Hrsg.), 2016. Book." (ISO 690).
"""

from __future__ import annotations

from collections.abc import Sequence

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
