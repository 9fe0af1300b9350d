"""The reviewers' file of confirmed and rejected links (refs/claims.yaml), read and edited in place.

Each link is anchored by a W3C text-quote selector, so it follows its sentence when the essay
changes (exactly, then fuzzily) or is reported as an orphan; edits keep order and comments.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ClaimsFileError
from ..fileio import write_atomic
from ..model import Bibliography, Claim, Essay, LinkKind, Orphan

STATUSES = ("confirmed", "rejected")
KINDS = ("marker", "attribution", "title", "quotation", "reference", "topical")
ENTRY_FIELDS = frozenset({"claim", "source", "status", "kind", "note", "locator", "anchor"})
ANCHOR_FIELDS = frozenset({"exact", "prefix", "suffix"})
TOP_FIELDS = frozenset({"version", "links"})
FUZZY_CUTOFF = 80.0
"""rapidfuzz ratio above which an edited sentence is still the anchored one."""

HEADER = """\
# Reviewer-curated links between the essay's claims and the bibliography.
#
# litreview finds links by itself (markers, named authors, titles, quotations,
# documents, and topical suggestions); this file records what a reviewer decided.
# Edit it by hand or with:
#   litreview links --accept p3-s5 paul2004international --note "quotes p. 3" --locator "p. 3"
#   litreview links --reject p4-s2 farrell2005world
#
# Each entry under `links`:
#   claim:   the claim id when recorded (p<paragraph>-s<sentence>)
#   source:  the citation key in refs/bibliography.bib
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
    status: str
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    locator: str = ""
    kind: LinkKind | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class CuratedLinks:
    """The claims file as read: its decisions and its text (kept for round-trip edits)."""

    links: tuple[CuratedLink, ...] = ()
    path: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Anchored:
    """A decision placed on the essay as it is now."""

    link: CuratedLink
    claim_id: str
    moved: bool = False
    """True when the sentence was found elsewhere or changed (re-anchored)."""


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
    if not p.exists():
        return CuratedLinks(path=str(p))
    try:
        text = p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ClaimsFileError("claims file is not valid UTF-8", path=str(p), line=None,
                              hint=f"re-save it as UTF-8 (bad byte at offset {exc.start})") from None
    except OSError as exc:
        raise ClaimsFileError(f"cannot read claims file: {exc.strerror}", path=str(p)) from None
    return parse_curated(text, str(p))


def _load_doc(text: str, path: str) -> Any:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        # The construct left open (context) says more than where the parser gave up.
        mark = exc.context_mark or exc.problem_mark
        raise ClaimsFileError(f"not valid YAML: {exc.problem}", path=path,
                              line=mark.line + 1 if mark else None,
                              hint="fix the YAML syntax (indentation, quotes)") from None
    except YAMLError as exc:
        raise ClaimsFileError(f"not valid YAML: {exc}", path=path) from None


def parse_curated(text: str, path: str = "<string>") -> CuratedLinks:
    """Parse and validate the claims file's text."""
    doc = _load_doc(text, path)
    if doc is None:
        return CuratedLinks(path=path, text=text)
    if not isinstance(doc, dict):
        raise ClaimsFileError("the claims file must be a mapping with a `links` list", path=path, line=1)
    for name in doc:
        if name not in TOP_FIELDS:
            raise ClaimsFileError(f"unknown field {name!r}", path=path, line=_line_of(doc, name),
                                  hint="the file has `links:` (and optionally `version:`)")
    entries = doc.get("links") or []
    if not isinstance(entries, list):
        raise ClaimsFileError("`links` must be a list of entries", path=path, line=_line_of(doc, "links"))
    links: list[CuratedLink] = []
    seen: dict[tuple[str, str], int | None] = {}
    for i, entry in enumerate(entries):
        line = entries.lc.item(i)[0] + 1 if hasattr(entries, "lc") else None
        link = _entry(entry, path, line)
        pair = (link.claim_id, link.source_key)
        if pair in seen:
            raise ClaimsFileError(
                f"duplicate entry for {link.claim_id} and {link.source_key} (first at line {seen[pair]})",
                path=path, line=line, hint="keep one entry per claim and source")
        seen[pair] = line
        links.append(link)
    return CuratedLinks(links=tuple(links), path=path, text=text)


def _line_of(mapping: Any, key: str) -> int | None:
    try:
        return mapping.lc.key(key)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _entry(entry: Any, path: str, line: int | None) -> CuratedLink:
    if not isinstance(entry, dict):
        raise ClaimsFileError("each link must be a mapping (claim, source, status, ...)", path=path, line=line)
    for name in entry:
        if name not in ENTRY_FIELDS:
            raise ClaimsFileError(f"unknown field {name!r} in a link", path=path,
                                  line=_line_of(entry, name) or line,
                                  hint=f"known fields: {', '.join(sorted(ENTRY_FIELDS))}")
    for name in ("claim", "source", "status"):
        if not isinstance(entry.get(name), str) or not entry.get(name):
            raise ClaimsFileError(f"link is missing `{name}`", path=path, line=line,
                                  hint="each link needs claim, source and status")
    if entry["status"] not in STATUSES:
        raise ClaimsFileError(f"unknown status {entry['status']!r}", path=path,
                              line=_line_of(entry, "status") or line, hint="use confirmed or rejected")
    kind = entry.get("kind")
    if kind is not None and kind not in KINDS:
        raise ClaimsFileError(f"unknown kind {kind!r}", path=path, line=_line_of(entry, "kind") or line,
                              hint=f"use one of: {', '.join(KINDS)}")
    anchor = entry.get("anchor") or {}
    if not isinstance(anchor, dict) or any(k not in ANCHOR_FIELDS for k in anchor):
        raise ClaimsFileError("`anchor` must have exact, prefix and suffix", path=path,
                              line=_line_of(entry, "anchor") or line)
    return CuratedLink(
        claim_id=str(entry["claim"]), source_key=str(entry["source"]), status=str(entry["status"]),
        exact=str(anchor.get("exact") or ""), prefix=str(anchor.get("prefix") or ""),
        suffix=str(anchor.get("suffix") or ""), note=str(entry.get("note") or ""),
        locator=str(entry.get("locator") or ""), kind=kind, line=line,
    )


# --- anchoring ------------------------------------------------------------------------

def anchor(curated: CuratedLinks, essay: Essay,
           bibliography: Bibliography | None = None) -> tuple[list[Anchored], list[Orphan]]:
    """Place each decision on today's essay; decisions that fit nowhere are orphans."""
    claims = essay.claims
    by_id = {c.id: c for c in claims}
    by_text: dict[str, list[Claim]] = {}
    for c in claims:
        by_text.setdefault(c.text, []).append(c)
    keys = set(bibliography.keys) if bibliography is not None else None
    placed: list[Anchored] = []
    orphans: list[Orphan] = []
    for link in curated.links:
        target = None if keys is not None and link.source_key not in keys else _place(link, by_id, by_text, claims)
        if target is None:
            orphans.append(Orphan(link.claim_id, link.source_key, link.exact, link.line))
        else:
            placed.append(Anchored(link, target.id, moved=target.id != link.claim_id or target.text != link.exact))
    return placed, orphans


def _place(link: CuratedLink, by_id: dict[str, Claim], by_text: dict[str, list[Claim]],
           claims: Sequence[Claim]) -> Claim | None:
    same = by_id.get(link.claim_id)
    if not link.exact:
        return same
    if same is not None and same.text == link.exact:
        return same
    exact = by_text.get(link.exact, [])
    if len(exact) == 1:
        return exact[0]
    if exact:
        return max(exact, key=lambda c: _context_score(link, c))
    from rapidfuzz import fuzz, process

    texts = [c.text for c in claims]
    best = process.extract(link.exact, texts, scorer=fuzz.ratio, limit=3, score_cutoff=FUZZY_CUTOFF)
    if not best:
        return None
    # Among close candidates, the recorded context decides; then the recorded id.
    return max((claims[i] for _, _, i in best),
               key=lambda c: (round(fuzz.ratio(link.exact, c.text)) + _context_score(link, c) / 10,
                              c.id == link.claim_id))


def _context_score(link: CuratedLink, claim: Claim) -> float:
    from rapidfuzz import fuzz

    return (fuzz.ratio(link.prefix, claim.selector.prefix) + fuzz.ratio(link.suffix, claim.selector.suffix)) / 2


# --- editing --------------------------------------------------------------------------

def accept(path: str | os.PathLike[str], essay: Essay, claim_id: str, source_key: str, *,
           note: str = "", locator: str = "", kind: LinkKind | None = None,
           bibliography: Bibliography | None = None) -> CuratedLinks:
    """Record that the claim relies on the source; returns the file as written."""
    return _decide(path, essay, claim_id, source_key, "confirmed", note, locator, kind, bibliography)


def reject(path: str | os.PathLike[str], essay: Essay, claim_id: str, source_key: str, *,
           note: str = "", bibliography: Bibliography | None = None) -> CuratedLinks:
    """Record that the claim does not rely on the source (a rejected suggestion)."""
    return _decide(path, essay, claim_id, source_key, "rejected", note, "", None, bibliography)


def _decide(path: str | os.PathLike[str], essay: Essay, claim_id: str, source_key: str, status: str,
            note: str, locator: str, kind: LinkKind | None, bibliography: Bibliography | None) -> CuratedLinks:
    p = Path(path)
    claim = next((c for c in essay.claims if c.id == claim_id), None)
    if claim is None:
        raise ClaimsFileError(f"no claim {claim_id} in the essay", path=essay.path,
                              hint="claim ids are listed by `litreview links` (p<paragraph>-s<sentence>)")
    if bibliography is not None and source_key not in bibliography.keys:
        raise ClaimsFileError(f"no entry {source_key!r} in the bibliography", path=bibliography.file,
                              hint="check the key with `litreview sources`")
    current = load_curated(p)  # validates the file before anything is changed
    text = current.text if current.text.strip() else HEADER + "links:\n"
    doc = _load_doc(text, str(p))
    if doc is None:
        doc = _load_doc(text + "links:\n", str(p))
    if doc.get("links") is None:
        from ruamel.yaml.comments import CommentedSeq

        doc["links"] = CommentedSeq()
    entries = doc["links"]
    placed, _ = anchor(current, essay)
    index = next((i for i, a in enumerate(placed) if a.claim_id == claim_id and a.link.source_key == source_key),
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
    target["status"] = status
    if kind is not None:
        target["kind"] = kind
    if note:
        target["note"] = note
    if locator:
        target["locator"] = locator
    target["anchor"] = _anchor_map(claim)
    out = io.StringIO()
    _yaml().dump(doc, out)
    written = out.getvalue()
    result = parse_curated(written, str(p))  # never write a file we could not read back
    write_atomic(p, written)
    return result


def _anchor_map(claim: Claim) -> Any:
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap()
    m["exact"] = claim.selector.exact
    m["prefix"] = claim.selector.prefix
    m["suffix"] = claim.selector.suffix
    return m

