"""Settings that make registry tests fast: quick retries and generous starting limits.

The fake registry still advertises (and enforces) its own limits; the client adapts.
"""

from __future__ import annotations

from pathlib import Path

from ..registry.http import Limits, RetryPolicy

FAST_POLICY = RetryPolicy(attempts=4, wait_initial=0.01, wait_max=0.05, wait_jitter=0.01, timeout=20.0,
                          max_retry_after=5.0)
"""Retries without real waiting (Retry-After is still honoured, up to 5 s)."""

FAST_LIMITS = {name: Limits(200, 1, 8) for name in ("crossref-single", "crossref-list", "doi", "doi-ra",
                                                   "datacite", "wayback", "web")}
"""Starting limits high enough that tests never wait on the client's own limiter."""

FAKE_LIMITS = {"polite-single": (200, 1, 8), "polite-array": (200, 1, 8),
               "public-single": (200, 1, 8), "public-array": (200, 1, 8)}
"""Limits for a fake registry in tests that are not about limits."""

def bibliography_for(path: Path, base_url: str) -> str:
    """A test bibliography whose ``FAKE/`` placeholders point at a running fake registry."""
    return path.read_text(encoding="utf-8").replace("FAKE/", base_url.rstrip("/") + "/")
