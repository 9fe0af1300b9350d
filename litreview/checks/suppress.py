"""Suppression of findings: per code and per entry in the configuration, per entry in the .bib.

Configuration: ``suppress = ["LR137"]`` and ``suppress_entries = {uscode10 = ["LR136"]}``;
in the .bib: ``litreview-suppress = {LR203, LR305}`` in the entry itself. A code may
also be written as a prefix (``LR13``) to cover a family.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Bibliography, Finding
from .catalogue import CATALOGUE, finding

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
        written = parse_codes(source.fields.get(BIB_FIELD, ""))
        if written:
            entries[source.key] = (*entries.get(source.key, ()), *written)
    return Suppressions(codes=tuple(c.upper() for c in config_codes), entries=entries)


def unknown_codes(config_codes: Sequence[str], config_entries: Mapping[str, Sequence[str]],
                  bib: Bibliography, *, config_file: str | None) -> list[Finding]:
    """LR190 for each suppression that names no known code, where it was written."""
    found = []

    def known(code: str) -> bool:
        code = code.upper()
        return code in CATALOGUE or (len(code) in (3, 4) and any(c.startswith(code) for c in CATALOGUE))

    for code in config_codes:
        if not known(code):
            found.append(finding("LR190", f"suppress names unknown code {code!r}", file=config_file))
    for key, codes in config_entries.items():
        for code in codes:
            if not known(code):
                found.append(finding("LR190", f"suppress_entries.{key} names unknown code {code!r}",
                                     key=key, file=config_file))
    for source in bib.sources:
        for code in parse_codes(source.fields.get(BIB_FIELD, "")):
            if not known(code):
                found.append(finding("LR190", f"{BIB_FIELD} names unknown code {code!r}", key=source.key,
                                     file=source.file, line=source.line))
    return found


def apply(findings: Iterable[Finding], suppressions: Suppressions) -> tuple[list[Finding], list[Finding]]:
    """Split findings into (kept, suppressed)."""
    kept: list[Finding] = []
    dropped: list[Finding] = []
    for f in findings:
        (dropped if suppressions.silences(f) else kept).append(f)
    return kept, dropped
