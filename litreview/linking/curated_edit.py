"""Edits to the reviewers' file of links (refs/claims.yaml): accept, reject, group sentences, re-anchor.

Each edit reads the file, changes one entry in place (keeping order and comments), checks the
result reads back, and writes it atomically unless another program saved the file meanwhile.
The reader and the file's format are in ``curated``, which re-exports these functions.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ClaimsFileError
from ..fileio import write_atomic
from ..model import Bibliography, Claim, Essay, LinkKind, LinkStatus
from .anchors import anchor
from .curated import (
    HEADER,
    CuratedGroup,
    CuratedLink,
    CuratedLinks,
    _load_doc,
    _relative_essay,
    _yaml,
    check_belongs,
    load_curated,
    parse_curated,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from .anchors import Grouping

def accept(path: str | os.PathLike[str], essay: Essay, claim_id: str, source_key: str, *,
           note: str = "", locator: str = "", kind: LinkKind | None = None,
           bibliography: Bibliography | None = None,
           read: Callable[[Path], CuratedLinks] | None = None) -> CuratedLinks:
    """Record that the claim relies on the source; returns the file as written.

    ``read`` reads the file before the edit (default ``load_curated``); when the file changes
    between that read and the write (another program saved it), nothing is written.
    """
    return _decide(path, essay, claim_id, source_key, "confirmed", note, locator, kind, bibliography, read)


def reject(path: str | os.PathLike[str], essay: Essay, claim_id: str, source_key: str, *,
           note: str = "", bibliography: Bibliography | None = None) -> CuratedLinks:
    """Record that the claim does not rely on the source (a rejected suggestion). The note and locator of an
    acceptance it replaces are dropped (they said how the source supported the claim), as a rejection's note is
    when the link is accepted after all; a decision taken again keeps its own unless given new ones."""
    return _decide(path, essay, claim_id, source_key, "rejected", note, "", None, bibliography)


def record_group(path: str | os.PathLike[str], essay: Essay, claim_id: str, *, note: str = "") -> CuratedLinks:
    """Declare consecutive sentences one claim (``p3-s5-7``); returns the file as written."""
    from .anchors import group_essay, parse_group_id

    p = Path(path)
    current = load_curated(p)  # validates the file before anything is changed
    grouping = group_essay(essay, current.groups)
    if parse_group_id(claim_id) is None:
        raise ClaimsFileError(f"{claim_id} does not name a group of sentences", path=essay.path,
                              hint="name the paragraph, first and last sentence: p3-s5-7 for sentences 5 to 7")
    claim = _claim_for(grouping, claim_id, essay)
    check_belongs(current, essay.path)
    doc = _open(current, p)
    _record_essay(doc, current, p, essay)
    _put_group(doc, current, grouping, claim, note)
    return _write(doc, p, current.text)


def _decide(path: str | os.PathLike[str], essay: Essay, claim_id: str, source_key: str, status: LinkStatus,
            note: str, locator: str, kind: LinkKind | None, bibliography: Bibliography | None,
            read: Callable[[Path], CuratedLinks] | None = None) -> CuratedLinks:
    from .anchors import group_essay

    p = Path(path)
    current = (read or load_curated)(p)  # validates the file before anything is changed
    grouping = group_essay(essay, current.groups)
    claim_id = decided_on(grouping, claim_id)
    claim = _claim_for(grouping, claim_id, essay)
    if bibliography is not None and source_key not in bibliography.keys:
        from ..bibliography.keys import near_key

        near = near_key(source_key, bibliography.keys)
        raise ClaimsFileError(f"no entry {source_key!r} in the bibliography", path=bibliography.where,
                              hint=f"did you mean {near!r}?" if near else "check the key with `litreview sources`")
    check_belongs(current, essay.path)
    doc = _open(current, p)
    _record_essay(doc, current, p, essay)
    if _is_new_group(grouping, claim_id):
        _put_group(doc, current, grouping, claim, "")
        # Decisions already recorded on its sentences now belong to the group: update, not duplicate.
        grouping = group_essay(essay, (*current.groups, CuratedGroup(
            claim.id, claim.selector.exact, claim.selector.prefix, claim.selector.suffix)))
    entries = doc["links"]
    placed, _ = anchor(current, essay, bibliography, grouping=grouping)
    index = next((i for i, a in enumerate(placed) if a.claim_id == claim_id and a.source_key == source_key),
                 None)
    target = None
    if index is not None:
        original = placed[index].link
        target = next(e for e, link in zip(entries, current.links, strict=True) if link == original)
    if target is None:
        from ruamel.yaml.comments import CommentedMap

        target = CommentedMap()
        target["claim"] = claim_id
        target["source"] = source_key
        entries.append(target)
    target["claim"] = claim_id
    target["source"] = source_key  # an old key kept as the entry's alias becomes the key
    if target.get("status") != status:  # the note and locator said why the former decision was taken: not this one's
        for said in ("note", "locator"):
            target.pop(said, None)
    target["status"] = status
    if kind is not None:
        target["kind"] = kind
    if note:
        target["note"] = note
    if locator:
        target["locator"] = locator
    target["anchor"] = _anchor_map(claim)
    return _write(doc, p, current.text)


def reanchor(path: str | os.PathLike[str], essay: Essay, claim_id: str, source_key: str, to: str, *,
             bibliography: Bibliography | None = None) -> CuratedLinks:
    """Move an orphaned decision (recorded on ``claim_id`` about ``source_key``, its sentence edited away) onto
    the claim ``to`` of today's essay, its status, kind, note and locator kept; returns the file as written."""
    from .anchors import entry_key, group_essay

    p = Path(path)
    current = load_curated(p)  # validates the file before anything is changed
    grouping = group_essay(essay, current.groups)
    orphaned = orphan(current, essay, claim_id, source_key, bibliography, grouping=grouping)
    to = decided_on(grouping, to)
    claim = _claim_for(grouping, to, essay)
    if _is_new_group(grouping, to):
        raise ClaimsFileError(f"{to} is not a claim of the essay yet", path=essay.path,
                              hint=f"record the group first: litreview links --group {to}")
    key = entry_key(bibliography)(source_key) or source_key
    placed, _ = anchor(current, essay, bibliography, grouping=grouping)
    if any(a.claim_id == claim.id and a.source_key == key for a in placed):
        raise ClaimsFileError(f"a decision about {claim.id} and {key} is already recorded", path=str(p),
                              line=orphaned.line, hint="delete the orphaned entry at this line instead")
    check_belongs(current, essay.path)
    doc = _open(current, p)
    target = next(e for e, link in zip(doc["links"], current.links, strict=True) if link is orphaned)
    target["claim"] = claim.id
    target["anchor"] = _anchor_map(claim)
    return _write(doc, p, current.text)


def orphan(current: CuratedLinks, essay: Essay, claim_id: str, source_key: str,
           bibliography: Bibliography | None = None, *, grouping: Grouping | None = None) -> CuratedLink:
    """The recorded decision on ``claim_id`` about ``source_key`` that no longer anchors (ClaimsFileError if none)."""
    placed, orphans = anchor(current, essay, bibliography, grouping=grouping)
    lines = {o.line for o in orphans if o.claim_id == claim_id and o.source_key == source_key and not o.no_entry}
    found = [link for link in current.links if link.line in lines and link.claim_id == claim_id]
    if found:
        return found[0]
    now = next((a.claim_id for a in placed if a.link.claim_id == claim_id and a.link.source_key == source_key), None)
    raise ClaimsFileError(
        f"the decision {claim_id} -> {source_key} is not orphaned: it anchors on {now}" if now else
        f"no decision {claim_id} -> {source_key} is recorded", path=current.path,
        hint="`litreview links` warns about the orphaned ones (their claim and source as recorded)")


def reanchor_candidates(link: CuratedLink, essay: Essay, citing: frozenset[str] = frozenset(),
                        limit: int = 5) -> list[tuple[Claim, float]]:
    """Today's claims an orphaned decision may belong on, with how close their wording is (rapidfuzz ratio,
    as anchoring scores): the claims in ``citing`` (which cite the source) first, then the closest."""
    from rapidfuzz import fuzz

    scored = [(c, fuzz.ratio(link.exact, c.text)) for c in essay.claims]
    scored.sort(key=lambda cs: (cs[0].id in citing, cs[1]), reverse=True)
    return scored[:limit]


def decided_on(grouping: Grouping, claim_id: str) -> str:
    """The claim a decision on ``claim_id`` is recorded on: the recorded group a sentence belongs to (the group
    takes the place of its sentences, so a decision on one of them is the group's), else the claim itself."""
    return grouping.owner.get(claim_id, claim_id)


def _claim_for(grouping: Grouping, claim_id: str, essay: Essay) -> Claim:
    """The claim (sentence, group, or group to be recorded) that an id names today."""
    from .anchors import parse_group_id, propose_group

    for claim in (*grouping.essay.claims, *(c for members in grouping.members.values() for c in members)):
        if claim.id == claim_id:
            return claim
    if parse_group_id(claim_id) is None:
        raise ClaimsFileError(f"no claim {claim_id} in the essay", path=essay.path,
                              hint="claim ids are listed by `litreview links` (p<paragraph>-s<sentence>)")
    try:
        return propose_group(grouping, claim_id)
    except ValueError as exc:
        raise ClaimsFileError(f"cannot group {claim_id}: {exc}", path=essay.path,
                              hint="a group is consecutive sentences of one paragraph, e.g. p3-s5-7") from None


def _is_new_group(grouping: Grouping, claim_id: str) -> bool:
    from .anchors import parse_group_id

    return parse_group_id(claim_id) is not None and grouping.essay.claim(claim_id) is None


def _record_essay(doc: Any, current: CuratedLinks, p: Path, essay: Essay) -> None:
    """Record the essay the decisions are about, so they are never applied to another."""
    check_belongs(current, essay.path)
    if essay.path.startswith("<"):
        return
    if "essay" not in doc:
        doc.insert(0, "essay", _relative_essay(essay.path, p))
    elif not current.belongs_to(essay.path):  # a file of no decisions yet (check_belongs): it follows the essay
        doc["essay"] = _relative_essay(essay.path, p)


def _open(current: CuratedLinks, p: Path) -> Any:
    """The file's YAML document, ready for edits (a new file starts with the header)."""
    text = current.text if current.text.strip() else HEADER + "links:\n"
    doc = _load_doc(text, str(p))
    if doc is None:
        doc = _load_doc(text + "links:\n", str(p))
    if doc.get("links") is None:
        from ruamel.yaml.comments import CommentedSeq

        doc["links"] = CommentedSeq()
    return doc


def _put_group(doc: Any, current: CuratedLinks, grouping: Grouping, claim: Claim, note: str) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if doc.get("groups") is None:
        # Groups read best before the links that name them.
        at = list(doc).index("links") if "links" in doc else len(doc)
        doc.insert(at, "groups", CommentedSeq())
    entries = doc["groups"]
    recorded = next((g for g, now in grouping.placed if now == claim.id), None)
    target = None
    if recorded is not None:
        target = next(e for e, g in zip(entries, current.groups, strict=True) if g == recorded)
    if target is None:
        target = CommentedMap()
        entries.append(target)
    target["claim"] = claim.id
    if note:
        target["note"] = note
    target["anchor"] = _anchor_map(claim)


_FIRST_ITEM = re.compile(r"^(?:links|groups):[ \t]*(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*( *)-( +)\S", re.M)
"""The first item of the file's ``links`` or ``groups`` list: the dash's indentation, the spaces after it."""
_NESTED = re.compile(r"^( +)anchor:[ \t]*\r?\n( +)\S", re.M)
"""An item's ``anchor:`` and its first key: how far the file indents a mapping inside another."""


def _write(doc: Any, p: Path, before: str | None = None) -> CuratedLinks:
    out = io.StringIO()
    yaml = _yaml()
    if before and (m := _FIRST_ITEM.search(before)):
        # The lists as the file indents them (``- claim`` at the margin, say), so its lines stay as they were.
        nested = _NESTED.search(before)
        mapping = len(nested[2]) - len(nested[1]) if nested and len(nested[2]) > len(nested[1]) else 2
        yaml.indent(mapping=mapping, sequence=len(m[1]) + 1 + len(m[2]), offset=len(m[1]))
    yaml.dump(doc, out)
    written = out.getvalue().replace("\r\n", "\n")  # ruamel writes LF (keeping "\r" on comment lines)
    if before:
        written = _as_before(written, before)
    result = parse_curated(written, str(p))  # never write a file we could not read back
    from ..safewrite import read_bytes, unchanged_since

    check = unchanged_since(p, before) if before is not None else None  # still what was read, or refuse
    if before is not None and (read_bytes(p) or b"").startswith(b"\xef\xbb\xbf"):  # its byte order mark stays
        written = "\ufeff" + written
    write_atomic(p, written, check=check)
    return result


def _as_before(written: str, before: str) -> str:
    """``written`` (LF lines) with the line endings of ``before``: the lines the edit left alone end as
    they did; new lines end in CRLF when every line of the file did, else in LF."""
    import difflib

    old = before.split("\n")
    new = written.split("\n")
    crlf = "\r\n" in before and before.count("\n") == before.count("\r\n")
    ends = ["\r\n" if crlf else "\n"] * (len(new) - 1) + [""]  # split's last piece follows the last newline
    bare = [line.removesuffix("\r") for line in old]
    for i, j, size in difflib.SequenceMatcher(None, bare, new, autojunk=False).get_matching_blocks():
        for k in range(size):
            if j + k < len(new) - 1 and i + k < len(old) - 1:
                ends[j + k] = "\r\n" if old[i + k].endswith("\r") else "\n"
    return "".join(line + end for line, end in zip(new, ends, strict=True))


def _anchor_map(claim: Claim) -> Any:
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap()
    m["exact"] = claim.selector.exact
    m["prefix"] = claim.selector.prefix
    m["suffix"] = claim.selector.suffix
    return m

