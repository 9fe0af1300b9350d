"""LR157's grouping of the names of a list (``style_names._repeats``): the indexed grouping against the plain scan
that compares each name with every group of its surname, on many random lists."""

from __future__ import annotations

import random
import time

from litreview.checks.style_names import _repeats, _same_person, et_al_as_name
from litreview.model import Person
from litreview.registry.compare import surname_key


def _scan(people: tuple[Person, ...]) -> list[list[int]]:
    """The grouping as a scan of every group of the surname finds it (quadratic in the groups of one surname)."""
    groups: list[list[int]] = []
    written: list[dict[Person, None]] = []
    by_surname: dict[str, list[int]] = {}
    for at, person in enumerate(people):
        if not person.family or (person.family == "others" and not person.given) or et_al_as_name(person):
            continue
        keys = {surname_key(person), surname_key(person, umlauts=True)} - {""}
        near = sorted({g for k in keys for g in by_surname.get(k, ())})
        found = next((g for g in near if all(_same_person(other, person) for other in written[g])), None)
        if found is None:
            found = len(groups)
            groups.append([])
            written.append({})
            for k in keys:
                by_surname.setdefault(k, []).append(found)
        groups[found].append(at)
        written[found][person] = None
    return [g for g in groups if len(g) > 1]


FAMILIES = ["Smith", "Müller", "Mueller", "Muller", "Smith Jr.", "García Márquez", "Márquez", "McKenzie", "others",
            "al.", ""]
PREFIXES = ["", "", "", "", "van", "de la"]
SUFFIXES = ["", "", "", "", "Jr.", "III"]
GIVEN_WORDS = ["J.", "John", "Jane", "Jo", "A.", "Anna", "Al", "B.", "Bob", "J", "Gabriel", "García", "M.", "Smith",
               "McKenzie", "Mueller", "K.-J.", "Ann-Marie"]


def _person(rng: random.Random) -> Person:
    family = rng.choice(FAMILIES)
    given = " ".join(rng.choice(GIVEN_WORDS) for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3, 10))))
    return Person(family, given, rng.choice(PREFIXES), rng.choice(SUFFIXES))


def test_the_indexed_grouping_is_the_scans_on_random_lists() -> None:
    rng = random.Random(157)
    seen = 0
    for _ in range(1000):
        pool = [_person(rng) for _ in range(rng.randint(1, 40))]  # few names, often repeated: many groups of one surname
        people = tuple(rng.choice(pool) for _ in range(rng.randint(2, 120)))
        expected = _scan(people)
        assert _repeats(people) == expected, people
        seen += bool(expected)
    assert seen > 300  # (the lists do hold repeats to group)


def test_one_surname_with_many_given_names_costs_what_its_length_does() -> None:
    """5,000 people of one surname and given names of their own, a few written twice: one group each, found without
    comparing each name with the thousands of groups before it."""
    given = [f"{a}{b}{c}{d}" for a in "ABCDEFGHIJ" for b in "aeiou" for c in "bcdfghjklmnpqrstvwxz" for d in "aeiou"]
    people = (*(Person("Smith", g) for g in given), Person("Smith", given[7]), Person("Smith", "A."))
    start = time.process_time()
    groups = _repeats(people)
    spent = time.process_time() - start
    assert len(people) == 5002
    assert groups == [[0, 5001], [7, 5000]]  # "Smith, A." is the first "Smith, A…"
    assert spent < 2.0  # (a scan of every group of the surname: over a minute)
