"""pysbd's sentence splitter, with two of its steps done in time linear in the text (the sentences unchanged)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..lazyre import lazy


@lru_cache(maxsize=1)
def segmenter() -> Any:
    """pysbd's English segmenter (``clean=False``), its abbreviations' periods and its sentences' places found in
    linear time."""
    import pysbd
    from pysbd.lang.english import English
    from pysbd.utils import TextSpan

    class Replacer(English.AbbreviationReplacer):
        def scan_for_replacements(self, txt: str, am: str, ind: int, char_array: list[str]) -> str:
            """pysbd's own, an abbreviation's replacement made once for a text: pysbd replaced its periods in the
            whole text again for each time the abbreviation is written (quadratic in a paragraph full of "pp.").
            The replacement depends on the text and the abbreviation alone, so the one made is the one it made."""
            if ind < len(char_array) and str(char_array[ind]).isupper() and \
                    am.strip().lower() not in self.lang.Abbreviation.PREPOSITIVE_ABBREVIATIONS:
                return txt  # pysbd replaces nothing here
            done: dict[str, tuple[str, str]] = self.__dict__.setdefault("_done", {})
            made = done.get(am.strip())
            if made is None or made[0] != txt:
                made = done[am.strip()] = txt, super().scan_for_replacements(txt, am, ind, char_array)
            return made[1]

    class Language(English):
        AbbreviationReplacer = Replacer

    class Segmenter(pysbd.Segmenter):
        def __init__(self) -> None:
            super().__init__(language="en", clean=False)
            self.language_module = Language

        def sentences_with_char_spans(self, sentences: list[str]) -> list[Any]:
            """pysbd's own, a sentence's places read on from where its last search stopped: pysbd went through
            every earlier place a sentence is written for each time it is (quadratic in a phrase written
            thousands of times). The places passed over end before the last sentence's, as they did then."""
            spans = []
            prior_end = 0
            text = self.original_text
            places: dict[str, tuple[Iterator[tuple[int, int]], tuple[int, int] | None]] = {}
            for sent in sentences:
                found, match = places.get(sent) or (_places(sent, text), None)
                match = match or next(found, None)
                while match is not None and match[1] <= prior_end:
                    match = next(found, None)
                places[sent] = found, match
                if match is not None:
                    spans.append(TextSpan(text[match[0]:match[1]], match[0], match[1]))
                    prior_end = match[1]
            return spans

    return Segmenter()


_SPACES = lazy(r"\s*")


def _places(sent: str, text: str) -> Iterator[tuple[int, int]]:
    """Where ``sent`` is written in ``text`` and the blanks after it, left to right, as pysbd's
    ``re.finditer(re.escape(sent) + r"\\s*", text)`` finds them, without making each sentence a pattern (a
    sentence of thousands of characters took tens of milliseconds to compile, each new one again)."""
    if not sent:
        yield from (m.span() for m in _SPACES.finditer(text))
        return
    at = text.find(sent)
    while at >= 0:
        blanks = _SPACES.match(text, at + len(sent))
        end = blanks.end() if blanks else at + len(sent)
        yield at, end
        at = text.find(sent, end)
