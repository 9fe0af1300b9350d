"""build_review(config): load -> link -> check, the one entry the CLI and the site share.

Only this module knows the order of the stages; each stage is a pure function over
the values the previous ones returned.
"""

from __future__ import annotations

from datetime import UTC, datetime

from .config import Config
from .model import Review


def build_review(config: Config, *, now: datetime | None = None, with_checks: bool = True) -> Review:
    """Load everything under review and run the linking and the checks."""
    from .bibliography.load import load_bibliography
    from .essay import load_essay
    from .linking import link
    from .linking.curated import load_curated
    from .registry.snapshot import load_metadata

    now = now or datetime.now(UTC)
    bibliography = load_bibliography(config.path("bibliography"))
    # An empty essay setting reviews the bibliography alone; a missing file is an error.
    essay = load_essay(config.path("essay")) if config.essay else None
    metadata = load_metadata(bibliography, config.path("metadata"), now=now, stale_days=config.stale_days)
    linkage = None
    if essay is not None:
        claims_path = config.path("claims")
        curated = load_curated(claims_path) if claims_path.exists() else None
        linkage = link(essay, bibliography, curated, metadata=metadata)
    review = Review(bibliography=bibliography, essay=essay, metadata=metadata)
    if linkage is not None:
        review = Review(bibliography=bibliography, essay=essay, metadata=metadata, linkage=linkage)
    if with_checks:
        from .checks import run_checks

        findings = run_checks(review, config, now=now)
        review = Review(bibliography=bibliography, essay=essay, metadata=metadata,
                        linkage=review.linkage, findings=findings)
    return review
