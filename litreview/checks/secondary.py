"""A secondary source: a work cited through another ("(Madero 2011, citado en Castillo et al. 2013b, 160)"), which
the reference list leaves out on purpose (APA's "as cited in", "zit. n.", "cité dans", "apud"): the citation of the
first work matches no entry, and that is no error."""

from __future__ import annotations

import re

from ..bibliography.dates import COMMON_YEAR
from ..lazyre import lazy
from ..model import Claim, Mention

_THROUGH = lazy(
    r"[,;]?[ \t\n]+(?:"
    r"(?:as[ \t\n]+)?(?:cited|quoted)[ \t\n]+(?:in|by)"  # English (APA: "as cited in")
    r"|citad[oa]s?[ \t\n]+(?:en|em|por|in)|cit\.[ \t\n]+(?:en|em|por|in)"  # Spanish, Portuguese
    r"|zit\.[ \t\n]+(?:n\.|nach|in)|zitiert[ \t\n]+(?:nach|in)"  # German
    r"|cit[ée]e?s?[ \t\n]+(?:dans|par|in)|citat[oa][ \t\n]+(?:in|da)"  # French, Italian
    r"|apud"  # Latin, in Portuguese and Spanish
    r")[ \t\n]+", re.I)
"""The words that say the work before them is read through the work after them."""
_YEAR = lazy(rf"\b{COMMON_YEAR}[a-z]?\b")


def cited_through(mention: Mention, claim: Claim | None) -> tuple[str, str, str] | None:
    """(the work cited, the work it is cited through, the words between them) when an unresolved citation is a secondary source's: its text
    holds "citado en" and the work after it ("Madero 2011, citado en Castillo et al. 2013b, 160"), or its sentence
    writes those words right after it; None otherwise. The second work is given up to its year, without a locator."""
    found = _THROUGH.search(mention.text)
    if found is not None and found.start() > 0:
        cited, words, rest = mention.text[:found.start()], found.group(), mention.text[found.end():]
    elif claim is not None and mention.text:
        at = claim.text.find(mention.text)
        while at >= 0:
            after = at + len(mention.text)
            found = _THROUGH.match(claim.text, after)
            if found is not None:
                break
            at = claim.text.find(mention.text, after)
        if found is None:
            return None
        cited, words = mention.text, found.group()
        rest = re.split(r"[);]", claim.text[found.end():], maxsplit=1)[0]
    else:
        return None
    year = _YEAR.search(rest)
    if year is None:
        return None  # ("cited in passing": no work after the words)
    through = rest[:year.end()]
    cited, through = cited.strip(" \t\n,;(["), through.strip(" \t\n,;)]")
    if not cited or not through:
        return None
    return cited, through, " ".join(words.strip(" \t\n,;").split())


def secondary_note(mention: Mention, claim: Claim | None) -> tuple[str, str] | None:
    """The message and hint of the note for a secondary source's citation (``cited_through``), or None."""
    found = cited_through(mention, claim)
    if found is None:
        return None
    cited, through, words = found
    return (f"{cited!r} is cited through {through!r} ({words}): a secondary source, which the reference list may "
            "leave out", "if you read the work itself, add its entry (litreview add) and cite it; else nothing "
            "needs doing")
