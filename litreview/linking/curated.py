"""The reviewers' file of confirmed and rejected links (refs/claims.yaml), read and edited in place.

Each link is anchored by a W3C text-quote selector, so it follows its sentence when the essay
changes (exactly, then fuzzily) or is reported as an orphan. This module holds the file's format
and its reader; the edits (accept, reject, record_group, reanchor) are in ``curated_edit``, re-exported here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ClaimsFileError
from ..model import KIND_RANK, LinkKind, LinkStatus
from .anchors import anchor as anchor  # re-exported: callers import it from here

if TYPE_CHECKING:  # at run time __getattr__ loads the editing functions on first use
    from collections.abc import Collection

    from .curated_edit import accept as accept
    from .curated_edit import reanchor as reanchor
    from .curated_edit import record_group as record_group
    from .curated_edit import reject as reject

STATUSES = ("confirmed", "rejected")
ENTRY_FIELDS = frozenset({"claim", "source", "status", "kind", "note", "locator", "anchor"})
ANCHOR_FIELDS = frozenset({"exact", "prefix", "suffix"})
GROUP_FIELDS = frozenset({"claim", "note", "anchor"})
TOP_FIELDS = frozenset({"version", "essay", "groups", "links"})

HEADER = """\
# Reviewer-curated links between the essay's claims and the bibliography.
#
# litreview finds links by itself (markers, named authors, titles, quotations,
# documents, and topical suggestions); this file records what a reviewer decided.
# Edit it by hand or with:
#   litreview links --accept p3-s5 paul2004international --note "quotes p. 3" --locator "p. 3"
#   litreview links --reject p4-s2 farrell2005world
#   litreview links --group p5-s2-3 --note "one argument over two sentences"
#
# A claim is a sentence unless `groups` joins several. Each entry under `groups`:
#   claim:   p<paragraph>-s<first>-<last>, consecutive sentences of one paragraph
#   note:    why they form one claim (optional)
#   anchor:  the sentences' text as it was, with a little text before and after.
# The group then replaces its sentences: litreview reports their links on the
# group's id, links may name it (claim: p5-s2-3), and it follows its sentences
# when the essay changes (exact or close match) or is reported as orphaned.
# Accepting or rejecting a link on a group id records the group if it is new.
#
# Each entry under `links`:
#   claim:   the claim id when recorded (p<paragraph>-s<sentence>, abstract-s2 in a front matter, or a group's id)
#   source:  the key of the entry in the bibliography
#   status:  confirmed | rejected
#   kind:    how the link was found (marker, attribution, title, quotation, reference, topical)
#   note:    how the source supports the claim (the annotation shown on the site)
#   locator: page or section, e.g. "p. 3" (optional)
#   anchor:  the sentence as it was (exact) with a little text before and after it.
#            When the essay changes, the link follows its sentence (exact or close
#            match); if the sentence is gone, `litreview links` reports it as orphaned.
"""


@dataclass(frozen=True, slots=True)
class CuratedLink:
    """One reviewer decision about a claim and a source."""

    claim_id: str
    source_key: str
    status: LinkStatus
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    locator: str = ""
    kind: LinkKind | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class CuratedGroup:
    """Consecutive sentences of one paragraph that a reviewer declared one claim."""

    claim_id: str
    """The group's id when recorded: ``p3-s5-7``."""
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class CuratedLinks:
    """The claims file as read: its decisions and its text (kept for round-trip edits)."""

    links: tuple[CuratedLink, ...] = ()
    path: str | None = None
    text: str = ""
    groups: tuple[CuratedGroup, ...] = ()
    essay: str = ""
    """The essay the file belongs to, as recorded (relative to the file's folder); "" if not recorded."""
    essay_line: int | None = None
    """The line of ``essay:`` in the file."""

    def belongs_to(self, essay_path: str | os.PathLike[str]) -> bool:
        """False when the file records another essay than ``essay_path``."""
        if not self.essay or not self.path:
            return True
        recorded = (Path(self.path).parent / self.essay).resolve()
        return recorded == Path(essay_path).resolve()


def check_belongs(curated: CuratedLinks, essay_path: str | os.PathLike[str]) -> None:
    """ClaimsFileError when the claims file records another essay (its links name other sentences); none when it
    holds no decision yet (``follow_essay`` records the new essay there)."""
    if curated.belongs_to(essay_path) or not (curated.links or curated.groups):
        return
    assert curated.path is not None  # belongs_to is True without one
    now = _relative_essay(str(essay_path), Path(curated.path))
    listed = _essay_list(Path(essay_path))
    other = (f"the files {Path(essay_path).name}'s essay list joins ({', '.join(listed)})" if listed
             else f"{now!r} (paths relative to it)")
    cause = "the essay is now the files the list joins" if listed else \
        "the essay was renamed or converted (say from Markdown to Quarto)"
    raise ClaimsFileError(
        f"this claims file belongs to the essay {curated.essay!r}, not to {other}",
        path=curated.path, line=curated.essay_line or 1,
        hint=f"if {cause}, write `essay: {now}` on this line: the links follow their sentences by text; otherwise "
             "pass this essay's own claims file with --claims, or --claims \"\" for none")


def follow_essay(curated: CuratedLinks, essay_path: str | os.PathLike[str]) -> CuratedLinks:
    """The claims file recording the essay ``essay_path`` where it records another and holds no decision yet (as
    ``init`` writes it, before the settings switched to another essay or to a list of files): its ``essay:`` line
    rewritten in the file, which is left as it was when it cannot be written; ``curated`` itself otherwise."""
    from dataclasses import replace

    if curated.belongs_to(essay_path) or curated.links or curated.groups or not curated.path:
        return curated
    now = _relative_essay(str(essay_path), Path(curated.path))
    lines = curated.text.split("\n")
    at = (curated.essay_line or 0) - 1
    if not 0 <= at < len(lines) or not lines[at].startswith("essay:"):
        return curated
    import json

    from ..fileio import write_atomic

    lines[at] = f"essay: {json.dumps(now)}" + ("\r" if lines[at].endswith("\r") else "")
    text = "\n".join(lines)
    try:
        write_atomic(curated.path, text)
    except OSError:
        return curated
    return replace(curated, text=text, essay=now)


def _essay_list(settings: Path) -> list[str]:
    """The files a settings file's essay list names; none for an essay of one file."""
    from ..config import SETTINGS_FILES

    if settings.name not in SETTINGS_FILES:
        return []
    from ..essay.pandoc_inputs import settings_list

    return settings_list(settings)


def _relative_essay(essay_path: str, claims_path: Path) -> str:
    return Path(os.path.relpath(Path(essay_path).resolve(), claims_path.resolve().parent)).as_posix()


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load_curated(path: str | os.PathLike[str]) -> CuratedLinks:
    """Read the claims file; a missing file is an empty set of decisions."""
    p = Path(path)
    try:
        p.stat()
    except FileNotFoundError:
        return CuratedLinks(path=str(p))
    except OSError:  # a loop of links, a folder that may not be entered: read_text says which, never "no decisions"
        pass
    from ..fileio import read_text

    text = read_text(p, what="claims file", error=ClaimsFileError,
                     hint="check the path, or set it with --claims or in [tool.litreview] claims")
    return parse_curated(text, str(p))


def _load_doc(text: str, path: str) -> Any:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from ..safeload import LoadLimitError, load_yaml, yaml_error_line, yaml_problem

    try:
        return load_yaml(text, _yaml())  # size, depth and aliases checked as it parses, before anything is built
    except LoadLimitError as exc:
        raise ClaimsFileError(exc.message, path=path, line=exc.line, hint=exc.hint) from None
    except MarkedYAMLError as exc:
        raise ClaimsFileError(f"not valid YAML: {yaml_problem(exc)}", path=path, line=yaml_error_line(exc),
                              hint="fix the YAML syntax (indentation, quotes)") from None
    except YAMLError as exc:
        raise ClaimsFileError(f"not valid YAML: {exc}", path=path,
                              hint="fix the YAML syntax (indentation, quotes)") from None


def parse_curated(text: str, path: str = "<string>") -> CuratedLinks:
    """Parse and validate the claims file's text."""
    doc = _load_doc(text, path)
    if doc is None:
        return CuratedLinks(path=path, text=text)
    if not isinstance(doc, dict):
        raise ClaimsFileError("the claims file must be a mapping with a `links` list", path=path, line=1,
                              hint=f"start it with `links:`, {_LINK_SHAPE}")
    for name in doc:
        if name not in TOP_FIELDS:
            raise ClaimsFileError(f"unknown field {name!r}", path=path, line=_line_of(doc, name),
                                  hint="the file has `links:` (and optionally `groups:` and `version:`)")
    groups = _groups(doc, path)
    essay = doc.get("essay") or ""
    if not isinstance(essay, str):
        raise ClaimsFileError("`essay` must be the essay's path, relative to the claims file", path=path,
                              line=_line_of(doc, "essay"), hint="e.g. essay: essay.md")
    entries = doc.get("links") or []
    if not isinstance(entries, list):
        raise ClaimsFileError("`links` must be a list of entries", path=path, line=_line_of(doc, "links"),
                              hint=f"under `links:`, {_LINK_SHAPE}; `links: []` for none")
    links: list[CuratedLink] = []
    seen: dict[tuple[str, str, str], int | None] = {}
    for i, entry in enumerate(entries):
        line = _item_line(entries, i) or _line_of(doc, "links")
        link = _entry(entry, path, line)
        # Ids shift when the essay is edited: an entry recorded as p1-s1 on another sentence
        # (another anchor) is another decision, not a duplicate.
        pair = (link.claim_id, link.source_key, link.exact)
        if pair in seen:
            raise ClaimsFileError(
                f"duplicate entry for {link.claim_id} and {link.source_key} (first at line {seen[pair]})",
                path=path, line=line, hint="keep one entry per claim and source")
        seen[pair] = line
        links.append(link)
    return CuratedLinks(links=tuple(links), path=path, text=text, groups=groups, essay=essay,
                        essay_line=_line_of(doc, "essay"))


def _groups(doc: Any, path: str) -> tuple[CuratedGroup, ...]:
    from .anchors import parse_group_id

    entries = doc.get("groups") or []
    if not isinstance(entries, list):
        raise ClaimsFileError("`groups` must be a list of entries", path=path, line=_line_of(doc, "groups"),
                              hint=f"under `groups:`, {_GROUP_SHAPE}; or delete `groups:`")
    out: list[CuratedGroup] = []
    seen: dict[tuple[str, str], int | None] = {}
    for i, entry in enumerate(entries):
        line = _item_line(entries, i) or _line_of(doc, "groups")
        if not isinstance(entry, dict):
            raise ClaimsFileError("each group must be a mapping (claim, anchor, note)", path=path, line=line,
                                  hint=_GROUP_SHAPE)
        _known_fields(entry, GROUP_FIELDS, "a group", path, line)
        claim_id = entry.get("claim")
        parsed = parse_group_id(claim_id) if isinstance(claim_id, str) else None
        if not isinstance(claim_id, str) or parsed is None or parsed[2] <= parsed[1]:
            raise ClaimsFileError(f"a group's claim must read p<paragraph>-s<first>-<last>, not {claim_id!r}",
                                  path=path, line=_line_of(entry, "claim") or line,
                                  hint="e.g. p3-s5-7 for sentences 5 to 7 of paragraph 3")
        exact, prefix, suffix = _anchor_fields(entry, path, line)
        if (claim_id, exact) in seen:  # the same id on other sentences: recorded before an edit shifted ids
            raise ClaimsFileError(f"duplicate group {claim_id} (first at line {seen[claim_id, exact]})", path=path,
                                  line=line, hint="keep one entry per group")
        seen[claim_id, exact] = line
        out.append(CuratedGroup(claim_id=claim_id, exact=exact, prefix=prefix, suffix=suffix,
                                note=_text(entry, "note", path, line), line=line))
    return tuple(out)


def _anchor_fields(entry: Any, path: str, line: int | None) -> tuple[str, str, str]:
    anchor = entry.get("anchor") or {}
    if not isinstance(anchor, dict) or any(k not in ANCHOR_FIELDS for k in anchor):
        raise ClaimsFileError("`anchor` must have exact, prefix and suffix", path=path,
                              line=_line_of(entry, "anchor") or line,
                              hint="indent `exact:`, `prefix:` and `suffix:` (the sentence and the text around "
                                   "it) under `anchor:`, or delete the anchor: litreview records it again")
    return (_text(anchor, "exact", path, line), _text(anchor, "prefix", path, line),
            _text(anchor, "suffix", path, line))


def _text(mapping: Any, name: str, path: str, line: int | None) -> str:
    """A field's text ("" when absent); a list or mapping there is a mistake (it was kept as "['x']")."""
    value = mapping.get(name)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise ClaimsFileError(f"`{name}` must be text, not a {'list' if isinstance(value, list) else 'mapping'}",
                              path=path, line=_line_of(mapping, name) or line,
                              hint=f"quote it if it holds brackets or a colon: {name}: \"see [p. 3]\"")
    return str(value)


_LINK_SHAPE = "write each link as `- claim: p1-s1` with `source: <key>` and `status: confirmed` indented under it"
_GROUP_SHAPE = "write each group as `- claim: p3-s5-7` with its `anchor:` indented under it"


def _item_line(items: Any, i: int) -> int | None:
    """The line of a list's ``i``-th item, or None (a tagged list, ``!!python/...``, keeps no positions)."""
    try:
        return items.lc.item(i)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _line_of(mapping: Any, key: str) -> int | None:
    try:
        return mapping.lc.key(key)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _known_fields(entry: dict[Any, Any], known: Collection[str], what: str, path: str, line: int | None) -> None:
    """ClaimsFileError at a field of ``what`` (a link, a group) that the claims file does not define."""
    for name in entry:
        if name not in known:
            raise ClaimsFileError(f"unknown field {name!r} in {what}", path=path, line=_line_of(entry, name) or line,
                                  hint=f"known fields: {', '.join(sorted(known))}")


def _entry(entry: Any, path: str, line: int | None) -> CuratedLink:
    if not isinstance(entry, dict):
        raise ClaimsFileError("each link must be a mapping (claim, source, status, ...)", path=path, line=line,
                              hint=_LINK_SHAPE)
    _known_fields(entry, ENTRY_FIELDS, "a link", path, line)
    for name in ("claim", "source", "status"):
        if entry.get(name) is None or entry.get(name) == "":
            raise ClaimsFileError(f"link is missing `{name}`", path=path, line=line,
                                  hint="each link needs claim, source and status")
        if not isinstance(entry.get(name), str) and (name == "claim" or isinstance(entry[name], (dict, list))):
            raise ClaimsFileError(f"`{name}` must be text, not {entry[name]!r}", path=path,
                                  line=_line_of(entry, name) or line,
                                  hint="a claim id reads p<paragraph>-s<sentence>, e.g. p3-s5" if name == "claim"
                                  else "each link needs claim, source and status as text")
    if entry["status"] not in STATUSES:
        raise ClaimsFileError(f"unknown status {entry['status']!r}", path=path,
                              line=_line_of(entry, "status") or line, hint="use confirmed or rejected")
    kind = entry.get("kind")
    if kind is not None and kind not in KIND_RANK:
        raise ClaimsFileError(f"unknown kind {kind!r}", path=path, line=_line_of(entry, "kind") or line,
                              hint=f"use one of: {', '.join(KIND_RANK)}")
    exact, prefix, suffix = _anchor_fields(entry, path, line)
    return CuratedLink(
        claim_id=str(entry["claim"]), source_key=str(entry["source"]), status=entry["status"],
        exact=exact, prefix=prefix, suffix=suffix, note=_text(entry, "note", path, line),
        locator=_text(entry, "locator", path, line), kind=kind, line=line,
    )


def __getattr__(name: str) -> Any:
    """``accept``, ``reject``, ``record_group`` and ``reanchor`` live in ``curated_edit``, imported on first use."""
    if name in ("accept", "reject", "record_group", "reanchor"):
        from . import curated_edit

        return getattr(curated_edit, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
