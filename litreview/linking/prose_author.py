"""The author of a year-only citation named in the prose: "Kell et al. also note (2008)", "as Carothers
points out ... (2015b, 15)". The name list written last before the year is read as a narrative citation's
names would be; failing that, the entries whose authors the sentence names most closely.
"""

from __future__ import annotations

from . import cited_letters
from .author_names import GIVEN_WORDS, fit, lookup_tail
from .index import SourceIndex, persons_of
from .printed_years import candidates
from .text import fold, strip_possessive, tokens


def named_in_prose(context: str, year: str, suffix: str, index: SourceIndex) -> list[str]:
    """The entries of ``year`` + ``suffix`` whose authors ``context`` (the sentence before the citation) names."""
    listed = _list_written(context, year, suffix, index)
    if listed:
        return listed
    named: dict[str, int] = {}  # name -> where it is last written (token number)
    for n, t in enumerate(tokens(context)):
        if t.is_capitalised:
            named[fold(strip_possessive(t.text)[0])] = n
    keys: list[str] = []
    for name in named:
        keys.extend(role.key for role in index.roles(name))
    keys = candidates(list(dict.fromkeys(keys)), year, suffix, index)
    if not keys:
        return []

    def share(key: str) -> tuple[bool, int, int]:
        """Whether the first author is named ("Menzel et al. note (2015)" is not Dohmen, Menzel, ...), how many
        are, and how close to the citation the first author is named."""
        people = persons_of(index.sources[key])
        first = fold(people[0].family) if people else ""
        return first in named, sum(1 for p in people if fold(p.family) in named), named.get(first, -1)

    best = max(share(k) for k in keys)
    return [k for k in keys if share(k) == best]


def _list_written(context: str, year: str, suffix: str, index: SourceIndex) -> list[str]:
    """The entries of ``year`` + ``suffix`` that the name list written last in ``context`` names, as a
    narrative citation's would be read: "Doe et al. also notes (1995)" is not Doe's own 1995 book, and
    "Kopp and Leymann also note (2008)" not a paper by Kopp and four others."""
    toks = tokens(context)
    reach = index.max_signature_words + GIVEN_WORDS
    for end in range(len(toks) - 1, -1, -1):
        window = toks[max(0, end - reach + 1):end + 1]
        span = strip_possessive(context[window[0].start:window[-1].end])[0]
        sig_keys, size = lookup_tail(span, index)
        words = span.split()
        if size < 2 or size > len(words) or not words[-size][:1].isupper():
            continue  # one name ("Ralley") is left to the names written around it; "the brown fox" names nobody
        # The writer's "et al." says nothing of how the style prints the names: letters count among all the
        # lists "et al." makes alike, unless the document shows a style that adds names to tell them apart.
        pooled = not cited_letters.adds_names(index)
        keys = candidates(sig_keys, year, suffix, index, pooled) or candidates(sig_keys, year, suffix, index)
        keys = fit(span, keys, index)
        if keys:
            return keys
    return []
