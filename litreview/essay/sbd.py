"""pysbd's sentence splitter, with two of its steps done in time linear in the text (the sentences unchanged)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any


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
            places: dict[str, tuple[Iterator[re.Match[str]], re.Match[str] | None]] = {}
            for sent in sentences:
                found, match = places.get(sent) or (re.finditer(rf"{re.escape(sent)}\s*", self.original_text), None)
                match = match or next(found, None)
                while match is not None and match.end() <= prior_end:
                    match = next(found, None)
                places[sent] = found, match
                if match is not None:
                    spans.append(TextSpan(match.group(), match.start(), match.end()))
                    prior_end = match.end()
            return spans

    return Segmenter()
