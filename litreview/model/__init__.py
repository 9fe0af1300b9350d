"""Frozen value types shared by every pipeline stage.

Stages pass these values along and never mutate them; each type says what one
field means in one line. The types live by stage in private modules (``_findings``,
``_sources``, ``_essay``, ``_links``, ``_registry``); this module holds the whole review and
is where every type is imported from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from litreview.model._essay import Citation as Citation
from litreview.model._essay import CitationMode as CitationMode
from litreview.model._essay import Claim, Essay, Paragraph, TextQuoteSelector
from litreview.model._findings import SEVERITY_RANK as SEVERITY_RANK
from litreview.model._findings import Finding, Severity
from litreview.model._links import KIND_RANK as KIND_RANK
from litreview.model._links import LINK_KINDS as LINK_KINDS
from litreview.model._links import Conflict, Link, Linkage, LinkKind, LinkStatus, Mention, Orphan
from litreview.model._links import LinkKindInfo as LinkKindInfo
from litreview.model._registry import (
    DoiSuggestion,
    Mismatch,
    RegistryRecord,
    SourceMetadata,
    Update,
    UrlCheck,
)
from litreview.model._registry import MetadataStatus as MetadataStatus
from litreview.model._sources import Bibliography, Person, Source, UnreadBibliographies, _empty


@dataclass(frozen=True, slots=True)
class Review:
    """The whole review: what the CLI prints and the site shows."""

    bibliography: Bibliography
    """The loaded bibliography."""
    essay: Essay | None = None
    """The essay, when one is configured."""
    metadata: Mapping[str, SourceMetadata] = field(default_factory=_empty)
    """Registry view per entry key."""
    linkage: Linkage = field(default_factory=Linkage)
    """Links, mentions and orphans."""
    findings: tuple[Finding, ...] = ()
    """Every finding, sorted by file and line."""
    unread: UnreadBibliographies = field(default_factory=UnreadBibliographies)
    """The bibliography files the essay names that the settings leave unread (found when loading)."""


__all__ = [
    "Bibliography",
    "Claim",
    "Conflict",
    "DoiSuggestion",
    "Essay",
    "Finding",
    "Link",
    "LinkKind",
    "LinkStatus",
    "Linkage",
    "Mention",
    "Mismatch",
    "Orphan",
    "Paragraph",
    "Person",
    "RegistryRecord",
    "Review",
    "Severity",
    "Source",
    "SourceMetadata",
    "TextQuoteSelector",
    "UnreadBibliographies",
    "Update",
    "UrlCheck",
]
