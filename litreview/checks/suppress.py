"""Suppression of findings: per code and per entry in the configuration, per entry in the .bib.

Configuration: ``suppress = ["LR137"]`` and ``suppress_entries = {uscode10 = ["LR136"]}``,
or tables that give each code a reason (``suppress = { LR137 = "why" }``), shown in the report;
in the .bib: ``litreview-suppress = {LR203, LR305}`` in the entry itself. A code may
also be written as a prefix (``LR13``) to cover a family. ``severity = { LR307 = "warning" }``
changes the level a code is reported at, as ruff and ESLint allow.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..model import SEVERITY_RANK, Bibliography, Finding
from .catalogue import finding, known_code
from .duplicates import PAIR_CODES

BIB_FIELD = "litreview-suppress"
_SPLIT = re.compile(r"[\s,;{}]+")


@dataclass(frozen=True, slots=True)
class Suppressions:
    """Which codes are silenced everywhere and which for particular entries."""

    codes: tuple[str, ...] = ()
    """Codes (or code prefixes) silenced for every finding."""
    entries: Mapping[str, tuple[str, ...]] | None = None
    """Entry key -> codes silenced for findings about that entry."""

    def silences(self, f: Finding) -> bool:
        if _matches(f.code, self.codes):
            return True
        return bool(f.key and self.entries and _matches(f.code, self.entries.get(f.key, ())))


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code == p or (len(p) < 5 and code.startswith(p)) for p in patterns)


def parse_codes(value: str) -> tuple[str, ...]:
    """Codes from a field value such as ``{LR203, LR305}``, upper-cased."""
    return tuple(c.upper() for c in _SPLIT.split(value) if c)


def gather(config_codes: Sequence[str], config_entries: Mapping[str, Sequence[str]],
           bib: Bibliography) -> Suppressions:
    """Merge the configuration's suppressions with those written in the .bib entries."""
    entries: dict[str, tuple[str, ...]] = {k: tuple(c.upper() for c in v) for k, v in config_entries.items()}
    for source in bib.sources:
        value = source.fields.get(BIB_FIELD)  # (most entries have none)
        written = parse_codes(value) if value else ()
        if written:
            entries[source.key] = (*entries.get(source.key, ()), *written)
    return Suppressions(codes=tuple(c.upper() for c in config_codes), entries=entries)


def unknown_codes(config_codes: Sequence[str], config_entries: Mapping[str, Sequence[str]],
                  bib: Bibliography, *, config_file: str | None,
                  severity_codes: Iterable[str] = ()) -> list[Finding]:
    """LR190 for each suppression that names no known code, where it was written: an entry's field, or a setting of a
    configuration made in code (a settings file naming one is refused when read, at the code's line)."""
    found = []
    for code in config_codes:
        if not known_code(code):
            found.append(finding("LR190", f"suppress names unknown code {code!r}", file=config_file))
    for code in severity_codes:
        if not known_code(code):
            found.append(finding("LR190", f"severity names unknown code {code!r}", file=config_file))
    for key, codes in config_entries.items():
        for code in codes:
            if not known_code(code):
                found.append(finding("LR190", f"suppress_entries.{key} names unknown code {code!r}",
                                     key=key, file=config_file))
    for source in bib.sources:
        for code in parse_codes(source.fields.get(BIB_FIELD, "")):
            if not known_code(code):
                found.append(finding("LR190", f"{BIB_FIELD} names unknown code {code!r}", key=source.key,
                                     file=source.file, line=source.line))
    return found


def apply(findings: Iterable[Finding], suppressions: Suppressions) -> tuple[list[Finding], list[Finding]]:
    """Split findings into (kept, suppressed)."""
    if not suppressions.codes and not suppressions.entries:  # nothing silenced (most projects): no test per finding
        return list(findings), []
    kept: list[Finding] = []
    dropped: list[Finding] = []
    for f in findings:
        (dropped if suppressions.silences(f) else kept).append(f)
    return kept, dropped


def _most_specific(code: str, table: Mapping[str, str]) -> str | None:
    """The value for ``code`` itself, else for its longest matching prefix."""
    if code in table:
        return table[code]
    prefixes = [p for p in table if len(p) < 5 and code.startswith(p)]
    return table[max(prefixes, key=len)] if prefixes else None


def with_severity(findings: Iterable[Finding], levels: Mapping[str, str]) -> list[Finding]:
    """Findings at the level the configuration gives their code (``severity = {LR307 = "warning"}``)."""
    if not levels:
        return list(findings)
    out = []
    for f in findings:
        level = _most_specific(f.code, levels)
        out.append(replace(f, severity=level) if level and level != f.severity else f)  # type: ignore[arg-type]
    return out


def uncited_at_most(findings: Iterable[Finding], suppressions: Suppressions,
                    partners: Callable[[], Mapping[tuple[str, str], tuple[str, bool]]] | None = None,
                    same_but_case: Callable[[], Mapping[str, Sequence[str]]] | None = None) -> list[Finding]:
    """Findings about an entry the document cites nowhere at no worse a level than that entry's LR307 (info when
    LR307 is silenced for it). A bibliography whose uncited entries are notes (``severity = { LR307 = "info" }``,
    which ``init`` writes for one the document shares with others) holds them for other documents: no style
    prints them here, so a field one of them lacks is not this document's error (BibTeX and biber check only the
    entries a document cites). With LR307 an error, as by default, nothing changes. Only the entry's own findings
    (LR1xx, LR2xx) are capped: the text's (LR3xx) and the claims file's (LR4xx, a reviewer's link orphaned) are the
    document's, whatever entry they name. ``partners``: the other entry of each duplicate and whether the two are
    one work (``duplicates.duplicate_partners``), asked only when there is one to cap: two works of two titles
    under one DOI, one of them cited, are not capped (the DOI is wrong in one of them, maybe in the one printed). A key told apart from a cited one by
    case alone (LR108) is not capped: BibTeX reads the two as one key, so the entry nobody cites can stand in for
    the one cited (``same_but_case``: key -> those keys, ``duplicates.case_partners``)."""
    findings = list(findings)
    cap = {f.key: "info" if suppressions.silences(f) else f.severity
           for f in findings if f.code == "LR307" and f.key}
    if not cap or all(level == "error" for level in cap.values()):
        return findings
    # A duplicate (LR106, LR107) of which one entry is cited nowhere: the document prints the other alone, so
    # it is the uncited entry's finding, whichever of the two it is reported at.
    pair = partners() if partners is not None and any(f.code in PAIR_CODES for f in findings) else {}
    clash = same_but_case() if same_but_case is not None and any(f.code == "LR108" for f in findings) else {}

    def level(f: Finding) -> str | None:
        if f.code == "LR108" and any(k not in cap for k in clash.get(f.key or "", ())):
            return None  # the other key is cited
        partner, one_work = pair.get((f.code, f.key or ""), ("", True))
        if not one_work and not (partner in cap and f.key in cap):
            return None  # one of the two works is cited: its DOI may be the wrong one
        levels = [cap[k] for k in (f.key, partner) if k in cap]
        return max(levels, key=lambda v: SEVERITY_RANK.get(v, 2)) if levels else None

    out = []
    for f in findings:
        most = level(f) if f.key and f.code[:3] in _OF_THE_ENTRY else None
        raised = most and SEVERITY_RANK.get(f.severity, 2) < SEVERITY_RANK.get(most, 2)
        out.append(replace(f, severity=most) if raised else f)  # type: ignore[arg-type]
    return out


_OF_THE_ENTRY = ("LR1", "LR2")
"""The families of findings about what an entry holds (its fields, its registry record)."""


def reason_for(f: Finding, reasons: Mapping[str, str]) -> str | None:
    """The reason written for the suppression that silenced ``f``: for its entry first, then for its code."""
    if f.key:
        for_entry = {k.split(":", 1)[1]: v for k, v in reasons.items() if k.startswith(f"{f.key}:")}
        found = _most_specific(f.code, for_entry)
        if found:
            return found
    return _most_specific(f.code, {k: v for k, v in reasons.items() if ":" not in k})


def suppressed_summary(suppressed: Iterable[Finding], reasons: Mapping[str, str]) -> list[dict[str, object]]:
    """Per code and reason, how many findings were suppressed (for the report)."""
    counts: dict[tuple[str, str], int] = {}
    for f in suppressed:
        key = (f.code, reason_for(f, reasons) or "")
        counts[key] = counts.get(key, 0) + 1
    return [{"code": code, "count": n, "reason": reason or None} for (code, reason), n in sorted(counts.items())]
