"""JSON shapes for registry results (``litreview metadata`` and ``fetch --format json``).

Pure: values in, plain dicts out. The record is summarised (selected fields), never
dumped raw: the raw record stays in the snapshot file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import DoiSuggestion, Mismatch, RegistryRecord, SourceMetadata, Update, UrlCheck

#: Update types that make a work unreliable, most serious first.
SERIOUS_UPDATES = ("retraction", "withdrawal", "removal", "expression_of_concern")


def update_json(u: Update) -> dict[str, Any]:
    return {"type": u.type, "doi": u.doi, "label": u.label, "source": u.source, "date": u.date,
            "direction": u.direction}


def record_json(r: RegistryRecord) -> dict[str, Any]:
    """The fields of a registry record that reviewers compare, plus its updates."""
    return {
        "doi": r.doi, "agency": r.agency, "type": r.type, "title": r.title, "subtitle": r.subtitle,
        "authors": [p.to_json() for p in r.authors], "editors": [p.to_json() for p in r.editors],
        "year": r.year, "container": r.container, "volume": r.volume, "issue": r.issue, "pages": r.pages,
        "publisher": r.publisher, "isbn": list(r.isbn), "url": r.url, "has_abstract": bool(r.abstract),
        "updates": [update_json(u) for u in r.updates],
    }


def mismatch_json(m: Mismatch) -> dict[str, Any]:
    return {"field": m.field, "entry": m.entry_value, "registry": m.registry_value, "kind": m.kind,
            "likely_right": m.likely_right}


def suggestion_json(s: DoiSuggestion) -> dict[str, Any]:
    return {"doi": s.doi, "score": s.score, "title": s.title, "reasons": list(s.reasons)}


def url_json(u: UrlCheck) -> dict[str, Any]:
    return {"url": u.url, "ok": u.ok, "status": u.status, "final_url": u.final_url, "error": u.error,
            "archive_url": u.archive_url, "checked_at": u.checked_at}


def worst_update(record: RegistryRecord | None) -> Update | None:
    """The most serious notice saying this work was updated (retraction first), if any."""
    if record is None:
        return None
    notices = [u for u in record.updates if u.direction == "updated-by"]
    for kind in SERIOUS_UPDATES:
        for u in notices:
            if u.type == kind:
                return u
    return notices[0] if notices else None


def metadata_json(meta: SourceMetadata, doi: str = "") -> dict[str, Any]:
    """One entry's registry view as the JSON the commands print."""
    return {
        "key": meta.key,
        "status": meta.status,
        "doi": doi,
        "fetched_at": meta.fetched_at or None,
        "stale": meta.stale,
        "record": record_json(meta.record) if meta.record else None,
        "suggested_doi": suggestion_json(meta.suggestion) if meta.suggestion else None,
        "mismatches": [mismatch_json(m) for m in meta.mismatches],
        "url_check": url_json(meta.url_check) if meta.url_check else None,
        "registries": registries_json(meta),
        "ignored_records_from": list(meta.ignored),
        "reason": meta.reason,
    }


#: How each registry state reads in tables and on the site.
STATE_WORDS = {"found": "answered", "not-found": "not found", "unreachable": "unreachable",
               "over-budget": "over budget", "failed": "failed", "not-asked": "not asked"}


def registry_states(meta: SourceMetadata) -> list[tuple[str, str]]:
    """(registry label, state in words) for each registry asked about the entry, merged per registry.

    A registry asked several questions (a title search and an id) shows its best answer.
    """
    if not meta.registries:
        return []
    from .handlers import agency_label

    order = list(STATE_WORDS)
    best: dict[str, str] = {}
    for name, state in meta.registries:
        label = agency_label(name)
        if label not in best or order.index(state) < order.index(best[label]):
            best[label] = state
    return [(label, STATE_WORDS.get(state, state)) for label, state in best.items()]


def registries_text(meta: SourceMetadata) -> str:
    """'Crossref: answered; OpenAlex: over budget' ('' when none was asked)."""
    return "; ".join(f"{label}: {words}" for label, words in registry_states(meta))


def registries_json(meta: SourceMetadata) -> list[dict[str, str]]:
    """Which registries were asked about the entry and how each answered."""
    from .handlers import agency_label

    return [{"registry": agency_label(name), "state": state} for name, state in meta.registries]


#: Notices a retraction watch reports, most serious first.
WATCHED = ("retraction", "partial_retraction", "withdrawal", "removal", "expression_of_concern", "correction",
           "erratum", "corrigendum")


def notices_markdown(keys: list[str], metadata: Mapping[str, SourceMetadata]) -> str:
    """A Markdown list of the cited works with retractions, concerns or corrections, each citing its sources.

    '' when there are none (the retraction watch closes its issue then).
    """
    lines = []
    for key in keys:
        meta = metadata.get(key)
        if meta is None or meta.record is None:
            continue
        found: dict[str, list[str]] = {}
        for u in meta.record.updates:
            kind = u.type.casefold().replace("-", "_")
            if u.direction == "updated-by" and kind in WATCHED:
                where = ", ".join(p for p in (u.source, u.date[:10], f"notice {_shown(u.doi)}" if u.doi else "") if p)
                found.setdefault(kind, []).append(where or "registry record")
        if found:
            kinds = sorted(found, key=WATCHED.index)
            said = "; ".join(f"{k.replace('_', ' ')} ({'; '.join(dict.fromkeys(found[k]))})" for k in kinds)
            lines.append(f"- {_shown(key, bold=True)}: {_shown(meta.record.title)}: {said}")
    return "\n".join(lines) + ("\n" if lines else "")


def _shown(text: str, *, bold: bool = False) -> str:
    """A contributor's key or a registry's title on one line of the notices' Markdown (``text.markdown_literal``)."""
    from ..text import markdown_literal

    return markdown_literal(text, bold=bold)
