"""Court cases named in the prose by their parties ("Roe v. Wade", "R v Smith", "Brown v. Board of Education").

A party's name is no author's: the span of a case's name is covered before people are looked for, so "Roe" of "Roe
v. Wade" is not Jane Roe who wrote on abortion law. When the bibliography has the case (a biblatex @jurisdiction,
CSL's legal_case), the name is linked to it as a title is, whatever its length (``cited_titles.titled``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Claim, Mention
from .cited_titles import titled
from .hits import Found, Hit
from .index import SourceIndex
from .text import STOPWORDS, Token, fold, tokens

_VERSUS = frozenset({"v", "v."})
"""The word between the parties, in lower case as law writes it: a capital "V." is an initial, and "vs." sets two
things or people against each other in ordinary prose ("Keynes vs. Hayek")."""
_JOINING = frozenset({"of", "the", "and", "&", "for", "de", "ex", "rel."})
"""Lower-case words inside a party's name ("Board of Education", "United States ex rel. Smith")."""
MAX_PARTY = 8
"""The most words of a party's name read."""


def find_cases(claims: Sequence[Claim], index: SourceIndex) -> Found:
    """The cases each claim names: the span of each is covered, and linked to the entry of that case if any."""
    found = Found()
    for claim in claims:
        toks = tokens(claim.text)
        for at, tok in enumerate(toks):
            if tok.text not in _VERSUS or not 0 < at < len(toks) - 1:
                continue
            first, last = _party(toks, claim.text, at, -1), _party(toks, claim.text, at, 1)
            if first is None or last is None:
                continue
            found.cover(claim.id, toks[first].start, toks[last].end)
            for start in range(first, at):  # "In Roe v. Wade": the words before the case's name are not of it
                text = claim.text[toks[start].start:toks[last].end]
                keys = titled(text, index)
                if keys and len(keys) == 1:
                    found.mention(toks[start].start, Mention(claim.id, "work", text, tuple(keys),
                                                             index.sources[keys[0]].title))
                    found.hits.append(Hit(claim.id, keys[0], "title", 0.95, text, toks[start].start,
                                          toks[last].end))
                    break
    return found


def _party(toks: list[Token], text: str, at: int, step: int) -> int | None:
    """The index of the first (``step`` -1) or last (1) word of the party's name beside "v." at ``at``; None when no
    capitalised word stands there, a space between."""
    end = None
    i = at + step
    while 0 <= i < len(toks) and abs(i - at) <= MAX_PARTY:
        near = toks[i - step]
        gap = text[toks[i].end:near.start] if step == -1 else text[near.end:toks[i].start]
        if not gap.isspace():
            break
        if toks[i].is_capitalised:
            end = i
        elif fold(toks[i].text) not in _JOINING:
            break
        i += step
    if end is not None and step == -1:
        while end < at - 1 and fold(toks[end].text) in STOPWORDS and toks[end].start == 0:
            end += 1  # the sentence's first word ("In Roe v. Wade")
    return end
