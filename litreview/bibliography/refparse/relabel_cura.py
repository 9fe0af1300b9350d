"""Rules over the tagger's labels for the book and the chapter as Italian styles print them with the editors' role after
their names (part of ``relabel``): "Family, Given (a cura di), Book, Publisher, 2011." and "Author, «Chapter», Given
Family, Given Family (a cura di), Book, 129–137, Publisher, 1975."
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lazyre import lazy
from . import fields as F
from .tagger import Tagged

#: "(a cura di)" ("edited by") as three tokens, the last with its comma
_ROLE = lazy(rf"\([aA] {F.CURA_OF}\),")
_NAME_WORD = lazy(F.NAME_WORD)
#: a page range ("129–137,")
_RANGE = lazy(r"[A-Za-z]?\d+\s?[-–]\s?[A-Za-z]?\d+[.,;]?")
#: what closes a quoted title and its comma ("»,", "”,")
_QUOTED_CLOSE = tuple(f"{closer}," for closer in F.QUOTE_CLOSER.values())
#: the most words of the names before the role (five editors of three words each, and their commas)
_NAMES_RUN = 16
#: labels the model read the imprint after the book as, which the publisher takes
_IMPRINT_READ = frozenset(("location", "collection", "note", "editor", "container", "title", "journal", "publisher"))


def editors_before_a_cura_di(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The names between a quoted title's closing quote and "(a cura di)," are the editors' (with the role), and the
    words after the role are the book's, up to the page range's comma, or else up to the publisher the model read or
    the next comma; after the pages, the last part before the year is the publisher's (a known place before it the
    place's, a series' before them no publisher's): Bologna's "Barloewen, Wolf D., «Der
    gesellschaftliche Kontext der Talk Show», Constantin von Barloewen, Hans Brandenberg (a cura di), Talk Show,
    129–137, Carl Hanser Verlag, 1975." (the model, which was taught no Italian, read the names as the title's, the
    series' or the editors' with the book, and the pages as a place)."""
    words = [t.token.text for t in tagged]
    role = next((k for k in range(len(tagged) - 2) if _ROLE.fullmatch(" ".join(words[k:k + 3]))), None)
    if role is None:
        return tagged
    quote = next((k for k in range(role - 1, max(role - _NAMES_RUN, 0) - 2, -1) if words[k].endswith(_QUOTED_CLOSE)),
                 None)
    if quote is None or quote + 1 == role or tagged[quote].label != "title" \
            or not all(_NAME_WORD.fullmatch(w) for w in words[quote + 1:role]) or not words[quote + 1][:1].isupper():
        return tagged
    book = role + 3
    if book >= len(tagged) or not words[book][:1].isupper():
        return tagged
    pages = next((k for k in range(book + 1, len(tagged)) if _RANGE.fullmatch(words[k])), None)
    if pages is not None and words[pages - 1].endswith(","):
        end = pages - 1
    else:
        pages = None
        comma = next((k for k in range(book, len(tagged)) if words[k].endswith(",")), len(tagged) - 1)
        end = next((k - 1 for k in range(book + 1, len(tagged)) if tagged[k].label == "publisher"
                    and words[k - 1].endswith(",")), comma)
        # nor past a number after a comma ("…, Book, 2:527–561, vol. 2, Guilford Press, 1990.")
        end = next((k - 1 for k in range(book + 1, end + 1) if F.DIGIT.search(words[k]) and words[k - 1].endswith(",")),
                   end)
    out = list(tagged)
    if pages is None:  # a known place closing the book's span is the place's ("…, Book, Wiesbaden, Springer VS, 2021.")
        cut = next((k for k in range(end - 1, book, -1) if words[k].endswith(",")), None)
        if cut is not None and F.known_place(" ".join(words[cut + 1:end + 1]).rstrip(",")):
            out[cut + 1:end + 1] = [t._replace(label="location") for t in tagged[cut + 1:end + 1]]
            end = cut
    out[quote + 1:role + 3] = [t._replace(label="editor") for t in tagged[quote + 1:role + 3]]
    out[book:end + 1] = [t._replace(label="container") for t in tagged[book:end + 1]]
    if pages is not None:
        out[pages] = tagged[pages]._replace(label="pages")
        year = next((k for k in range(pages + 1, len(tagged)) if tagged[k].label == "date"), None)
        if year is not None and year > pages + 1 and all(t.label in _IMPRINT_READ for t in tagged[pages + 1:year]):
            # the last part before the year is the publisher ("…, Series, Berlin, De Gruyter, 2011."), a known place
            # before it the place's
            start = next((k + 1 for k in range(year - 2, pages, -1) if words[k].endswith(",")), pages + 1)
            out[start:year] = [t._replace(label="publisher") for t in tagged[start:year]]
            place = next((k + 1 for k in range(start - 2, pages, -1) if words[k].endswith(",")), pages + 1)
            if place < start and F.known_place(" ".join(words[place:start]).rstrip(",")):
                out[place:start] = [t._replace(label="location") for t in tagged[place:start]]
                start = place
            # the words before them, a series' ("Linguistik, Impulse & Tendenzen"), are no publisher's
            out[pages + 1:start] = [t._replace(label="collection") if t.label == "publisher" else t
                                    for t in tagged[pages + 1:start]]
    return out


#: the most words of the names that open a book's string before the role
_OPENING_RUN = 12


def editors_opening_with_a_cura_di(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The names that open the string, up to "(a cura di)," after them, and the role are the editors': Bologna's book
    "Petersen, Toni (a cura di), Art & Architecture Thesaurus, Oxford University Press." (the model read the given
    name and the role into the title)."""
    words = [t.token.text for t in tagged]
    role = next((k for k in range(min(len(tagged) - 3, _OPENING_RUN)) if _ROLE.fullmatch(" ".join(words[k:k + 3]))),
                None)
    if not role or not words[0][:1].isupper() or not all(_NAME_WORD.fullmatch(w) for w in words[:role]) \
            or tagged[role + 3].label != "title" or any(t.label not in ("author", "editor", "title") for t in
                                                         tagged[:role + 3]):
        return tagged
    return [t._replace(label="editor") if k < role + 3 else t for k, t in enumerate(tagged)]
