"""Fields an entry inherits through ``crossref`` and ``xdata``, as biber (and BibTeX) resolve them.

Look-ups ignore case, as BibTeX's do; a child's own fields always win. biblatex renames some
fields on the way down: a book's ``title`` is its chapter's ``booktitle``, a periodical's
``title`` its article's ``journaltitle``.
"""

from __future__ import annotations

from collections.abc import Mapping

LINK_FIELDS = ("crossref", "xdata", "xref", "related", "entryset")
"""Fields whose value names other entries (entryset: the members of a biblatex @set)."""
NOT_INHERITED = frozenset({"ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label",
                           "options", "presort", "related", "relatedoptions", "relatedstring", "relatedtype",
                           "shorthand", "shorthandintro", "sortkey"})
_BOOKS = ("book", "mvbook", "collection", "mvcollection", "reference", "mvreference", "proceedings",
          "mvproceedings")
_IN_BOOKS = ("inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inreference",
             "inproceedings", "conference")
_MV = ("mvbook", "mvcollection", "mvreference", "mvproceedings")
_VOLUMES = ("book", "collection", "reference", "proceedings", "inbook", "bookinbook", "suppbook", "incollection",
            "suppcollection", "inreference", "inproceedings", "conference")
MAX_DEPTH = 8
"""Longest crossref chain followed (biber stops at cycles; a bound also stops runaway files)."""


def _renames(parent_type: str, child_type: str) -> dict[str, str]:
    """Parent field -> the child field it fills (biblatex's default inheritance table)."""
    if parent_type in _MV and child_type in _VOLUMES:
        return {"title": "maintitle", "subtitle": "mainsubtitle", "titleaddon": "maintitleaddon",
                "shorttitle": "", "sorttitle": "", "indextitle": "", "indexsorttitle": ""}
    if parent_type in _BOOKS and child_type in _IN_BOOKS:
        renames = {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon",
                   "shorttitle": "", "sorttitle": "", "indextitle": "", "indexsorttitle": ""}
        if child_type in ("inbook", "bookinbook", "suppbook"):
            renames["author"] = "bookauthor"
        return renames
    if parent_type == "periodical" and child_type in ("article", "suppperiodical"):
        return {"title": "journaltitle", "subtitle": "journalsubtitle", "shorttitle": "", "sorttitle": "",
                "indextitle": "", "indexsorttitle": ""}
    return {}


def targets(value: str) -> list[str]:
    """The keys a crossref/xdata/related value names (a comma-separated list, braces removed)."""
    return [part.strip() for part in value.replace("{", "").replace("}", "").split(",") if part.strip()]


def aliases(fields: Mapping[str, str]) -> list[str]:
    """The other keys an entry answers to: biblatex's ``ids`` (Better BibTeX keeps a changed key there)."""
    return targets(fields.get("ids", "")) if "ids" in fields else []


def resolve(entries: Mapping[str, tuple[str, Mapping[str, str]]]) -> dict[str, dict[str, str]]:
    """Every entry's fields with what it inherits added: key -> fields.

    ``entries`` maps each key to (entry type, own fields); look-ups ignore case.
    """
    folded: dict[str, str] = {}
    for key in entries:
        folded.setdefault(key.casefold(), key)
    done: dict[str, dict[str, str]] = {}

    def fields_of(key: str, depth: int, path: frozenset[str]) -> dict[str, str]:
        if key in done:
            return done[key]
        kind, own = entries[key]
        merged = dict(own)
        if depth < MAX_DEPTH and ("xdata" in own or "crossref" in own):  # (most entries inherit nothing)
            for name in ("xdata", "crossref"):
                for target in targets(own.get(name, "")):
                    parent_key = folded.get(target.casefold())
                    if parent_key is None or parent_key in path:
                        continue
                    parent_fields = fields_of(parent_key, depth + 1, path | {parent_key})
                    renames = {} if name == "xdata" else _renames(entries[parent_key][0], kind)
                    for field, value in parent_fields.items():
                        if field in NOT_INHERITED:
                            continue
                        target_field = renames.get(field, field)
                        if target_field and target_field not in merged:
                            merged[target_field] = value
                        if field == "author" and target_field == "bookauthor" and "author" not in merged:
                            merged["author"] = value
        done[key] = merged
        return merged

    return {key: fields_of(key, 0, frozenset({key})) for key in entries}
