"""Pull-request scope (``check --since REF``): the findings a change adds, as a diff of two full checks.

The base (where the branch left REF) is checked in full from git's objects, extracted into a
temporary folder (the user's tree is never checked out or touched), and its findings are
matched against the working tree's. A finding is *new* when nothing in the base matches it,
*fixed* when a base finding has no match now, and *changed* when, on the text's use of an entry,
a new finding of another code stands where it was, or on an entry's field, a new finding no milder. Matching ignores where a finding sits (lines
and sentence numbers move when text is added or deleted above it) and compares what it is
about: code, entry key, message, and the sentence or source line it concerns. So deletions,
renames and claims.yaml edits that cause errors elsewhere are caught, and old problems in
moved text are not blamed on the change. Reading the base from git is ``gitbase``'s (which commit: ``gitref``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..model import SEVERITY_RANK, Bibliography, Finding

# Positions that move when text above changes: claim ids (p3-s5, p5-s2-3) and line numbers.
# A list of them ("p1-s3, p2-s5 and 3 more") counts as one: what is listed moves with the text.
_CLAIM_ID = re.compile(r"\bp\d+-s\d+(?:-\d+)?\b(?:(?:,| and) (?:p\d+-s\d+(?:-\d+)?\b|\d+ more\b))*")
_LINE_NO = re.compile(r"\b(lines?|at) \d+(?:[-–]\d+)?\b")
_LOOSE_CONTEXT = 60  # rapidfuzz ratio above which an edited sentence counts as the same sentence


@dataclass(frozen=True, slots=True)
class Side:
    """One version's findings and the text that locates them."""

    findings: tuple[Finding, ...]
    """Every finding of the version (suppressions applied)."""
    claims: Mapping[str, str] = field(default_factory=dict)
    """Claim id -> sentence text in that version."""
    files: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """File name as findings give it -> its lines in that version."""

    def context(self, f: Finding) -> str:
        """What the finding is about besides its code and key: its sentence, or its line's text."""
        if f.claim_id and f.claim_id in self.claims:
            return " ".join(self.claims[f.claim_id].split())
        if not f.key and f.file and f.line:
            lines = self.files.get(f.file)
            if lines is not None and 0 < f.line <= len(lines):
                return " ".join(lines[f.line - 1].split())
        return ""


@dataclass(frozen=True, slots=True)
class FindingsDiff:
    """Findings of the working tree split by whether the base had them."""

    new: tuple[Finding, ...]
    """In the working tree, not in the base: the change's findings."""
    fixed: tuple[Finding, ...]
    """In the base, gone from the working tree."""
    kept: tuple[Finding, ...]
    """In both."""
    uncompared: tuple[Finding, ...] = ()
    """In the base, in a file the working tree's version of which could not be read: neither fixed nor kept."""
    changed: tuple[Finding, ...] = ()
    """In the base, replaced by a new finding of another code on the same place (LR307 unused-entry become LR311
    for the same entry), or by one no milder on the same entry's field (LR209 unverified become LR120 malformed-doi):
    the problem changed, it was not fixed."""


def identity(f: Finding) -> tuple[str, str, str]:
    """Code, key and message with moving positions (claim ids, line numbers) blanked."""
    message = _LINE_NO.sub(r"\1 #", _CLAIM_ID.sub("p#", f.message))
    return f.code, f.key or "", message


def renamed_keys(old: Bibliography, new: Bibliography) -> dict[str, str]:
    """Old key -> new key for entries whose key changed: same type and fields, or else, for a key renamed in the
    commit that also edits the entry (a field added, a name mended), the one gone entry and the one new entry of a
    work (title, year and first author, ``work_signature``)."""
    from .bib import work_signature

    old_keys, new_keys = set(old.keys), set(new.keys)  # ``keys`` is built anew on each read: once each, not per entry
    gone_sources = [s for s in old.sources if s.key not in new_keys]
    added = [s for s in new.sources if s.key not in old_keys]
    gone = {(s.type, tuple(sorted(s.fields.items()))): s.key for s in gone_sources}
    out = {gone[sig]: s.key for s in added if (sig := (s.type, tuple(sorted(s.fields.items())))) in gone}
    if len(out) < min(len(gone_sources), len(added)):
        works: dict[tuple[str, tuple[str, int, str]], list[str]] = {}
        for side, sources in (("old", gone_sources), ("new", added)):
            for s in sources:
                if s.key not in out and s.key not in out.values() and (work := work_signature(s)) is not None:
                    works.setdefault((side, work), []).append(s.key)
        for (side, work), keys in works.items():
            if side == "old" and len(keys) == 1 and len(later := works.get(("new", work), [])) == 1:
                out[keys[0]] = later[0]  # one work gone under one key, back under one other
    return out


def _rename(f: Finding, renamed: Mapping[str, str]) -> Finding:
    if not f.key or f.key not in renamed:
        return f
    return replace(f, key=renamed[f.key], message=f.message.replace(f.key, renamed[f.key]))


def diff_findings(base: Side, head: Side, renamed: Mapping[str, str] | None = None) -> FindingsDiff:
    """Match head findings to base findings; unmatched head findings are new.

    First pass: same identity and same context (the sentence text, or the line's text for
    findings without an entry). Second pass, for findings left over: a claim's with the same identity and
    a sentence that is an edit of the old one (a reworded sentence that keeps its problem), an entry's
    with the same code after its bibliography changed format, or a pair's told at its other entry (``_swapped``:
    the entries reordered). An entry whose key alone changed
    (``renamed``) keeps its findings.
    """
    from rapidfuzz import fuzz

    renamed = renamed or {}
    pool: dict[tuple[tuple[str, str, str], str], list[Finding]] = {}
    for original in base.findings:
        f = _rename(original, renamed)
        pool.setdefault((identity(f), base.context(f)), []).append(f)
    kept: list[Finding] = []
    left: list[Finding] = []
    raised: list[Finding] = []
    for f in head.findings:
        bucket = pool.get((identity(f), head.context(f)), [])
        match = next((i for i, b in enumerate(bucket) if not _worse(f, b)), None)
        if match is not None:
            bucket.pop(match)
            kept.append(f)
        elif bucket:
            bucket.pop(0)  # the same finding, raised: new at its new level, and not fixed either
            raised.append(f)
        else:
            left.append(f)
    remaining = [(ident, ctx, f) for (ident, ctx), fs in pool.items() for f in fs]
    new: list[Finding] = []
    for f in left:
        ident, ctx = identity(f), head.context(f)
        match = next((i for i, (bi, bctx, b) in enumerate(remaining) if not _worse(f, b) and (
                      (bi == ident and f.claim_id and b.claim_id and ctx and bctx
                       and fuzz.ratio(ctx, bctx) >= _LOOSE_CONTEXT) or _reworded(f, b) or _swapped(f, b))), None)
        if match is None:
            new.append(f)
        else:
            remaining.pop(match)
            kept.append(f)
    order = {id(f): i for i, f in enumerate(head.findings)}
    new = sorted([*new, *raised], key=lambda f: order[id(f)])
    fixed, changed = _changed([f for _, _, f in remaining], base, new, head)
    return FindingsDiff(new=tuple(new), fixed=tuple(fixed), kept=tuple(kept), changed=tuple(changed))


_USE_AREAS = ("LR3", "LR4")
"""The areas of findings on how the text uses an entry (text and bibliography, curated links): one of these that
becomes another on the same entry or sentence is the same use judged anew. A finding on an entry's fields
(bibliography, registry) that goes while another comes was fixed by the edit, and the other is new, unless the
other is on the same field and no milder (``_FIELD``)."""

_DOI_FIELD = frozenset({"LR120", "LR121", "LR200", "LR202", "LR204", "LR205", "LR206", "LR209", "LR210"})
"""The codes on an entry's DOI as it stands (not those on a DOI missing, LR137 and LR208): a DOI not yet verified
(LR209) made malformed (LR120) was not fixed, its finding changed."""


def _field(f: Finding) -> tuple[str, str, str] | None:
    """What an entry's finding on its fields is on: the entry and the field, told by the code (a finding of the
    same code on the same entry, LR110 'lacks year' become 'lacks author or editor, year or date', is on the same
    field; the DOI's codes share one). None: not a finding on an entry's fields."""
    if not f.key or f.code[:3] not in ("LR1", "LR2"):
        return None
    return "field", f.key, "doi" if f.code in _DOI_FIELD else f.code


def _place(f: Finding, side: Side) -> tuple[str, str, str] | None:
    """What a finding on the text's use of an entry is on, whatever its code: its area and entry, else its sentence
    or its line's text (None: not such a finding, or nothing known, as for a finding of the whole review)."""
    area = f.code[:3]
    if area not in _USE_AREAS:
        return None
    if f.key:
        return area, f.key, ""
    context = side.context(f)
    return (area, f.file or "", context) if context else None


def _changed(gone: list[Finding], base: Side, new: list[Finding], head: Side) -> tuple[list[Finding], list[Finding]]:
    """The base findings left unmatched split into the fixed and the changed: those whose place (``_place``) a new
    finding of another code of their area is on, or whose entry's field (``_field``) a new finding no milder is on,
    each new finding standing for one."""
    places: dict[tuple[str, str, str], list[Finding]] = {}
    for f in new:
        if (place := _place(f, head) or _field(f)) is not None:
            places.setdefault(place, []).append(f)
    fixed: list[Finding] = []
    changed: list[Finding] = []
    for f in gone:
        if (field_place := _field(f)) is not None:  # the same field's finding, no milder: the problem changed
            there = places.get(field_place, [])
            now = next((i for i, g in enumerate(there) if not _worse(f, g)), None)
        else:
            there = places.get(_place(f, base) or ("", "", ""), [])
            now = next((i for i, g in enumerate(there) if g.code != f.code), None)
        if now is None:
            fixed.append(f)
        else:
            there.pop(now)
            changed.append(f)
    return fixed, changed


def _reworded(now: Finding, before: Finding) -> bool:
    """The same entry's finding after its bibliography changed format (BibTeX to CSL-JSON or back): the
    message names the fields in the new format's words (journal, container-title), the problem is the same."""
    from ..bibliography.csl import is_csl

    return bool(now.key and now.key == before.key and now.code == before.code and now.file and before.file
                and is_csl(now.file) != is_csl(before.file))


def _swapped(now: Finding, before: Finding) -> bool:
    """The same pair of entries' finding told at the other entry of the pair: two entries with one DOI (LR106) are
    reported at the later one, which becomes the other when a reference manager re-saves the file in another
    order. Same code, each names the other's key, and the messages agree once the two keys trade places."""
    a, b = now.key, before.key
    if not a or not b or a == b or now.code != before.code:
        return False
    ours, theirs = repr(a), repr(b)
    if theirs not in now.message or ours not in before.message:
        return False
    traded = now.message.replace(theirs, "\0").replace(ours, theirs).replace("\0", ours)
    return identity(replace(now, key=b, message=traded)) == identity(before)


def _worse(now: Finding, before: Finding) -> bool:
    """True when the finding is now reported at a higher level (a severity raised in the settings)."""
    return SEVERITY_RANK.get(now.severity, 3) < SEVERITY_RANK.get(before.severity, 3)


def count_new(base: Iterable[Finding], head: Iterable[Finding]) -> list[Finding]:
    """Head findings beyond what the base had, by identity alone (for suppressed counts)."""
    have = Counter(identity(f) for f in base)
    out = []
    for f in head:
        if have[identity(f)]:
            have[identity(f)] -= 1
        else:
            out.append(f)
    return out


def set_aside(diff: FindingsDiff, unread: Iterable[str], entries: Iterable[str] = ()) -> FindingsDiff:
    """``diff`` with the base findings of files that could not be read now taken out of the fixed ones: a file
    that could not be read fixes nothing, and what it holds cannot be compared. Its syntax error (LR100) is shown
    even when the base had it: it is why the comparison could not be made. ``entries``: the keys of entries that
    could not be read now in files read otherwise (a CSL item broken alone); their base findings are set aside
    the same way."""
    unread, entries = set(unread), set(entries)
    if not unread and not entries:
        return diff

    def aside(f: Finding) -> bool:
        return f.file in unread or (bool(f.key) and f.key in entries)

    blocking = [f for f in diff.kept if f.file in unread and f.code == "LR100"]
    gone = (*diff.fixed, *diff.changed)
    return replace(diff, fixed=tuple(f for f in diff.fixed if not aside(f)),
                   changed=tuple(f for f in diff.changed if not aside(f)),
                   new=(*diff.new, *blocking), kept=tuple(f for f in diff.kept if f not in blocking),
                   uncompared=(*diff.uncompared, *(f for f in gone if aside(f))))


__all__ = ["FindingsDiff", "Side", "count_new", "diff_findings", "identity", "renamed_keys", "set_aside"]
