"""The relabelling rules are passed over only where they could not change the reading (``relabel._Rule``)."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

from litreview.bibliography.refparse import find_reference_section
from litreview.bibliography.refparse.relabel import _MARKS, _RULES, relabel
from litreview.bibliography.refparse.rules import normalise
from litreview.bibliography.refparse.tagger import Tagged, tag

CASES = Path(__file__).parent / "cases"
WORLD = json.loads((CASES / "refparse_world" / "cases.json").read_text("utf-8"))
LISTED = find_reference_section((CASES / "refparse_styles" / "references.txt").read_text("utf-8"))[0]
TEXTS = [normalise(text) for text in [*(case["text"] for case in WORLD), *LISTED]]
LABELS = ("author", "editor", "translator", "title", "container", "journal", "collection", "date", "volume", "pages",
          "publisher", "location", "edition", "genre", "note", "url", "doi", "isbn", "number")


def _varied(tagged: list[Tagged], rnd: random.Random) -> list[Tagged]:
    """The model's reading with a run or two of words given another label, and a few words other runners-up: the
    readings the rules are written for, misread in the ways a rule may mend."""
    out = list(tagged)
    for _ in range(rnd.randint(1, 2)):
        start = rnd.randrange(len(out))
        label, end = rnd.choice(LABELS), start + rnd.randint(1, 4)
        out[start:end] = [t._replace(label=label) for t in out[start:end]]
    return [t._replace(rival=rnd.choice(LABELS), prob=rnd.random()) if rnd.random() < 0.2 else t for t in out]


def _readings(text: str, rnd: random.Random) -> list[list[Tagged]]:
    tagged = tag(text)
    return [tagged, *(_varied(tagged, rnd) for _ in range(40))]


def test_a_rule_passed_over_would_have_left_the_reading_as_it_is() -> None:
    rnd = random.Random(7)
    passed = 0
    for text in TEXTS:
        present = {c for c in _MARKS if c in text}
        for reading in _readings(text, rnd):
            labels, rivals = {t.label for t in reading}, {t.rival for t in reading}
            for rule in _RULES:
                if rule.admits(labels, rivals, present):
                    continue
                passed += 1
                out = rule.apply(reading, text) if rule.reads_text else rule.apply(reading)
                assert list(out) == reading, (rule.apply.__name__, text)
    assert passed > 10_000


def test_relabel_gives_what_every_rule_applied_in_turn_gives() -> None:
    rnd = random.Random(11)
    for text in TEXTS:
        for reading in _readings(text, rnd)[:5]:
            every: Sequence[Tagged] = reading
            for rule in _RULES:
                every = rule.apply(every, text) if rule.reads_text else rule.apply(every)
            assert list(relabel(reading, text)) == list(every), text
