"""What a document's own prose says of a phrase: whether it writes it in lower case (a term, not a name) or
writes it again and again (its own term for a thing, not a work it names once)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Claim


class Prose:
    """The document's prose, asked whether it writes a phrase in lower case or often (a term of its own, not a
    name); answers kept, and the text joined on the first question (most documents ask none)."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self._claims = claims
        self._text: str | None = None
        self._seen: dict[str, bool] = {}
        self._recurs: dict[str, bool] = {}

    def _joined(self) -> str:
        if self._text is None:
            self._text = "\n".join(c.text for c in self._claims)
        return self._text

    def as_term(self, phrase: str) -> bool:
        """Whether the prose writes ``phrase`` in lower case somewhere: its first letter as a sentence may start it
        ("Social cohesion needs trust") when it has more than one word, a word alone in lower case."""
        lowered = phrase.lower()
        if lowered == phrase:
            return False
        if lowered not in self._seen:
            firsts = {lowered[0]}
            if " " in lowered.strip() and lowered[0].isalpha():
                firsts.add(lowered[0].upper())
            self._seen[lowered] = _written(self._joined(), firsts, lowered[1:])
        return self._seen[lowered]

    def recurs(self, phrase: str) -> bool:
        """Whether the prose writes ``phrase`` as written (a whole word or phrase) in at least ``RECURRING`` places:
        the document's own term for a thing ("Textbook English" through a chapter on it), not a work it names."""
        if phrase not in self._recurs:
            self._recurs[phrase] = _count_written(self._joined(), phrase, RECURRING) >= RECURRING
        return self._recurs[phrase]


RECURRING = 3
"""A phrase written this often in plain words is the document's own term (a work is named once or twice)."""


def _count_written(text: str, phrase: str, stop: int) -> int:
    """How often ``text`` holds ``phrase`` as whole words, counted up to ``stop``."""
    n = 0
    at = text.find(phrase)
    while at >= 0 and n < stop:
        if not _word_character(text, at - 1) and not _word_character(text, at + len(phrase)):
            n += 1
        at = text.find(phrase, at + 1)
    return n


def _word_character(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def _written(text: str, firsts: set[str], rest: str) -> bool:
    """Whether ``text`` holds a word or phrase that starts with one of ``firsts`` and goes on with ``rest``, a
    whole word at each end (``(?<!\\w)[sS]ocial cohesion(?!\\w)``), found by the string's own search for ``rest``:
    a regular expression that opens with a class tried every offset of the document for each phrase asked, and
    a document of thousands of sentences asks thousands."""
    at = text.find(rest, 1) if rest else -1
    while at >= 0:
        start, end = at - 1, at + len(rest)
        if text[start] in firsts and not _word_character(text, start - 1) and not _word_character(text, end):
            return True
        at = text.find(rest, at + 1)
    return not rest and any(t in firsts and not _word_character(text, i - 1) and not _word_character(text, i + 1)
                            for i, t in enumerate(text))
