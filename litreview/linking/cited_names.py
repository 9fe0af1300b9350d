"""The names a Chicago author-date citation prints for entries whose family names alone read like another's:
names added before "et al.", then given names (citeproc's disambiguation before a year letter)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Source
from ..text import spelled
from .labels import CONTAINER_TYPES, WRITTEN_SUFFIX, group_key, nameless, names_key

ET_AL_MIN = 3
"""Authors from which Chicago author-date writes "et al." (the style's et-al-min)."""


@dataclass(frozen=True, slots=True)
class CitedNames:
    """The names a Chicago author-date citation prints for an entry whose family names alone read like another's:
    "J. Smith" beside "A. Smith", "John Smith" beside "Jane Smith", "Bull, Roe, et al." beside "Bull, Doe, et al."."""

    count: int
    """How many names it prints before "et al." (all of them: no "et al.")."""
    given: tuple[str, ...]
    """For each name printed, the given name as printed before it: '', its initials ("A. M.") or in full."""


def given_initials(given: str) -> str:
    """Given names as Chicago initialises them: "Anna Maria" "A. M.", "Yan-Bin" "Y.-B.", "J.R." "J. R."."""
    words = (w for w in re.split(r"[\s.]+", given) if w)
    return " ".join("-".join(p[:1] + "." for p in w.split("-") if p) for w in words)


def cited_names(sources: Mapping[str, Source], years: Mapping[str, int | None]) -> dict[str, CitedNames]:
    """Key -> the names a Chicago author-date citation prints, for the entries whose family names and year alone
    would print like another's (the others print their family names alone). citeproc's disambiguation before a
    year letter: names added before "et al." until the lists differ (add-names), then given names where the
    family names are the same, initials where they suffice, in full where they do not (add-givenname). Entries
    still alike are the ones ``year_labels`` letters: the same names in full (``names_key``)."""
    groups: dict[tuple[object, ...], list[str]] = defaultdict(list)
    names = {s.key: names_key(s) for s in sources.values()}
    for source in sources.values():
        if not (source.authors or source.editors) or source.type in CONTAINER_TYPES or nameless(source):
            continue
        written = WRITTEN_SUFFIX.search(source.field("year"))
        key = names[source.key]
        groups[(years.get(source.key), written and written.group(1), *group_key(source)[1:],
                _shown(key, _base_count(key)))].append(source.key)
    out: dict[str, CitedNames] = {}
    for members in groups.values():
        if len(members) > 1:
            out.update(_told_apart(members, {k: names[k] for k in members}, sources))
    return out


def _base_count(names: tuple[tuple[str, str], ...]) -> int:
    return 1 if len(names) >= ET_AL_MIN else len(names)


def _shown(names: tuple[tuple[str, str], ...], count: int) -> tuple[object, ...]:
    """What a citation printing ``count`` family names shows of the list ("et al." after them or not)."""
    shown = tuple(family for family, _ in names[:count])
    return shown, count < len(names)


def _told_apart(members: list[str], names: dict[str, tuple[tuple[str, str], ...]],
                sources: Mapping[str, Source]) -> dict[str, CitedNames]:
    # add-names: each list at the fewest names that leave the fewest others printed alike.
    counts: dict[str, int] = {}
    for key in members:
        def alike(count: int, key: str = key) -> int:
            return sum(_shown(names[o], count) == _shown(names[key], count) for o in members if o != key)
        counts[key] = min(range(_base_count(names[key]), len(names[key]) + 1), key=lambda c: (alike(c), c))
    given: dict[str, dict[int, str]] = {key: {} for key in members}
    classes: dict[tuple[object, ...], list[str]] = defaultdict(list)
    for key in members:
        classes[_shown(names[key], counts[key])].append(key)
    for cls in classes.values():
        _add_given(cls, 0, names, sources, counts, given)
    return {key: CitedNames(counts[key], tuple(given[key].get(i, "") for i in range(counts[key])))
            for key in members if counts[key] != _base_count(names[key]) or given[key]}


def _add_given(cls: list[str], at: int, names: dict[str, tuple[tuple[str, str], ...]],
               sources: Mapping[str, Source], counts: dict[str, int], given: dict[str, dict[int, str]]) -> None:
    """add-givenname over the entries ``cls`` printed alike, name by name from ``at``: where their names there
    differ, the given names (initials when each differs from the others' there) and as many names as that takes."""
    if len(cls) < 2 or all(at >= len(names[k]) for k in cls):
        return
    parts: dict[tuple[str, str] | None, list[str]] = defaultdict(list)
    for key in cls:
        parts[names[key][at] if at < len(names[key]) else None].append(key)
    if len(parts) > 1:
        by_family: dict[str, set[str]] = defaultdict(set)
        for name in parts:
            if name is not None:
                by_family[name[0]].add(name[1])
        for name, keys in parts.items():
            if name is None:
                continue
            others = by_family[name[0]] - {name[1]}
            if others:
                person = (sources[keys[0]].authors or sources[keys[0]].editors)[at]
                mine = spelled(given_initials(name[1]))
                alike = any(spelled(given_initials(o)) == mine for o in others)
                for key in keys:
                    given[key][at] = person.given if alike else given_initials(person.given)
            for key in keys:
                counts[key] = max(counts[key], min(at + 1, len(names[key])))
    for part in parts.values():
        _add_given(part, at + 1, names, sources, counts, given)
