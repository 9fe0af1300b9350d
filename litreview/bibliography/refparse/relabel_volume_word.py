"""A volume is a number: words with no digit and no roman numeral read as one are the name's they close, else a note's.
Chicago prints a proceedings' name as BibTeX holds it, inverted ("Data Engineering (ICDE), 2010 IEEE 26th
International Conference on, 996–1005."), and the model read its last word as the volume."""

from __future__ import annotations

from collections.abc import Sequence

from . import fields as F
from .lexicon import NUMBER, ORDINALS, VOLUME
from .tagger import Tagged

#: the letters of a roman numeral ("IV", "xii"): a word of these alone may be a volume
_ROMAN_LETTERS = "ivxlcdmIVXLCDM"
#: the labels of a name a volume's words may close
_NAME = frozenset(("journal", "container", "collection"))


def _numberless(word: str) -> bool:
    core = word.strip(".,;:()[]")
    return not any(c.isdigit() for c in core) and bool(core.strip(_ROMAN_LETTERS))


def _labelled(words: list[str]) -> bool:
    """A volume's or an issue's label opens the words: a volume printed in words ("Volume Two", "Vol. Three"), or the
    label alone, its number read apart ("nos. 38-39")."""
    first = words[0].lower()
    return first.strip(".,;:()[]") in VOLUME or first in VOLUME or first in ORDINALS or first in NUMBER


def wordy_volume(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A run of words read as the volume, none holding a digit or standing as a roman numeral ("on"), goes to the
    name right before it ("… Conference on"), else to the note, a month's name to the date ("Journal, February,
    147–67"); not a volume's label and a number in words ("Volume Two")."""
    out = list(tagged)
    i = 0
    while i < len(out):
        if out[i].label != "volume":
            i += 1
            continue
        j = i
        while j < len(out) and out[j].label == "volume":
            j += 1
        if all(_numberless(t.token.text) for t in out[i:j]) and not _labelled([t.token.text for t in out[i:j]]):
            month = F.parse_date(" ".join(t.token.text for t in out[i:j]).strip(" .,;:()"))
            label = "date" if month is not None and month.month else \
                out[i - 1].label if i and out[i - 1].label in _NAME else "note"
            out[i:j] = [t._replace(label=label) for t in out[i:j]]
        i = j
    return out


#: how many words a part's name after its number may have ("(Volume 1: Long Papers)")
_PART_NAME = 4


def volume_part_closing_name(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A parenthesis right after a proceedings' or a journal's name that opens with a volume's label and its number and
    its colon, then words with no digit, is part of the name, not its volume: the ACL Anthology's "Proceedings of the
    …Linguistics (Volume 1: Long Papers)" (the model read it as the volume and a series). Not a parenthesis after the
    name's comma or stop, nor one whose number has no colon ("(Vol. 3)", the volume)."""
    out = list(tagged)
    for i in range(1, len(tagged) - 2):
        opening, number = tagged[i].token.text, tagged[i + 1].token.text
        if not opening.startswith("(") or opening[1:].casefold() not in VOLUME \
                or not (number.endswith(":") and number[:-1].isdigit()) \
                or tagged[i - 1].label not in _NAME or tagged[i - 1].token.text.endswith((",", ".", ";", ":")):
            continue
        for j in range(i + 2, min(i + 2 + _PART_NAME, len(tagged))):
            word = tagged[j].token.text
            if any(c.isdigit() for c in word) or "(" in word:
                break
            if ")" in word:
                if word.rstrip(".,;:").endswith(")"):
                    out[i:j + 1] = [t._replace(label=tagged[i - 1].label) for t in tagged[i:j + 1]]
                break
    return out
