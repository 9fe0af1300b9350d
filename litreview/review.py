"""build_review(config): load -> link -> check, the one entry the CLI and the site share.

Only this module knows the order of the stages; each stage is a pure function over
the values the previous ones returned.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config
from .model import Linkage, Review

if TYPE_CHECKING:
    from collections.abc import Callable

    from .model import Bibliography, Essay, SourceMetadata


def build_review(config: Config, *, now: datetime | None = None, with_checks: bool = True,
                 cache: bool = False) -> Review:
    """Load everything under review and run the linking and the checks.

    With ``cache``, the loaded bibliography and essay and the linkage are kept in
    ``.litreview-cache/`` and reused while no input, setting or litreview file changes
    (see ``litreview.cache``); the metadata and the checks, which read the clock, always run.
    """
    now = now or datetime.now(UTC)
    key = None
    stages = None
    if cache:
        from . import cache as store

        key = store.input_key(config)
        stages = store.load_stages(config, key) if key else None
    if stages is None:
        bibliography, essay, metadata, linkage = _load_and_link(config, now)
        if key:
            store.store_stages(config, key, bibliography, essay, linkage)
    else:
        from .registry.snapshot import load_metadata

        bibliography, essay, linkage = stages
        metadata = load_metadata(bibliography, config.path("metadata"), now=now,
                                 stale_days=config.stale_days, config=config)
    review = Review(bibliography=bibliography, essay=essay, metadata=metadata, linkage=linkage or Linkage())
    if with_checks:
        from .checks import run_checks

        findings = run_checks(review, config, now=now)
        review = Review(bibliography=bibliography, essay=essay, metadata=metadata,
                        linkage=review.linkage, findings=findings)
    return review


def load_inputs(config: Config, load: Callable[[Path], Bibliography], *,
                with_essay: bool = True) -> tuple[Bibliography, Essay | None]:
    """The bibliography (read by ``load``) and the essay (None when the essay setting is empty).

    A Manubot manuscript (a folder) with no bibliography file has its identifiers as sources, as
    Manubot has it; an essay whose front matter names a ``bibliography:`` uses that file (beside
    the essay) when the configured one does not exist, as pandoc does. Without ``with_essay`` the
    essay is read only when it decides where the sources come from.
    """
    from .essay import load_essay

    essay_path, bib_path = config.path("essay"), config.path("bibliography")
    # The essay is read first only when it decides where the sources come from.
    early = bool(config.essay) and (essay_path.is_dir() or (not bib_path.exists() and essay_path.is_file()))
    essay = load_essay(essay_path) if early else None
    bibliography = _sources(bib_path, essay, load)
    if essay is None and config.essay and with_essay:
        essay = load_essay(essay_path)
    return bibliography, essay


def _sources(path: Path, essay: Essay | None, load: Callable[[Path], Bibliography]) -> Bibliography:
    if essay is not None and not path.exists():
        if essay.format == "manubot":
            from .essay.manubot import manuscript_sources

            return manuscript_sources(essay)
        named = essay.meta.get("bibliography")
        named = named[0] if isinstance(named, list) and named else named
        if isinstance(named, str) and named.strip():
            beside = Path(essay.path).parent / named.strip()
            if beside.is_file():
                return load(beside)
    return load(path)


def _load_and_link(config: Config, now: datetime) -> tuple[Bibliography, Essay | None,
                                                          dict[str, SourceMetadata], Linkage | None]:
    """Load the .bib, the essay and the snapshot, and link claims to sources.

    Linking reads the snapshot's abstracts and subtitles, never the records' ages, so the
    bibliography, the essay and the linkage do not depend on the clock and may be cached.
    """
    from .bibliography.load import load_bibliography
    from .linking import group_claims, link
    from .linking.curated import check_belongs, load_curated
    from .registry.snapshot import load_metadata

    # An empty essay setting reviews the bibliography alone; a missing file is an error.
    bibliography, essay = load_inputs(config, load_bibliography)
    metadata = load_metadata(bibliography, config.path("metadata"), now=now,
                             stale_days=config.stale_days, config=config)
    linkage = None
    if essay is not None:
        claims_path = config.path("claims") if config.claims else None  # --claims "" for none
        curated = load_curated(claims_path) if claims_path is not None and claims_path.exists() else None
        if curated is not None:
            check_belongs(curated, config.path("essay"))  # never apply another essay's decisions
        linkage = link(essay, bibliography, curated, metadata=metadata)
        # The claims file's groups replace their sentences, as `litreview links` shows them.
        essay = group_claims(essay, curated)
    return bibliography, essay, metadata, linkage
