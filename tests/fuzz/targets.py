"""The fuzz targets, each called at the library function that owns its input, and how each
target's inputs are made. The pytest suite (test_fuzz_*.py) and the long campaign
(``bench/fuzz.py``) run these same functions.

A target either returns or raises one of ``ALLOWED`` (the error meant for users, carrying
file and line); anything else is a crash.
"""

from __future__ import annotations

import atexit
import json
import random
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from litreview.errors import LitreviewError

from .bibgen import plausible_bib
from .differential import bib_vs_pybtex
from .mutate import mutate, mutate_record, random_text, seeds

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def bib(text: str) -> None:
    """The loader and the bibliography's own checks (what ``check`` runs on a .bib)."""
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.bib import check_bibliography
    from litreview.checks.style import check_style

    loaded = parse_bibliography(text, "fuzz.bib")
    check_bibliography(loaded, now=NOW)
    check_style(loaded, now=NOW, access_max_age_days=365)


def import_round_trip(text: str) -> None:
    """A parsed reference always becomes BibTeX that the loader reads without a syntax error."""
    from litreview.bibliography.bibtex_out import make_keys, to_bibtex
    from litreview.bibliography.load import parse_bibliography
    from litreview.bibliography.refparse import parse_reference

    ref = parse_reference(text)
    bibtex = to_bibtex([ref], make_keys([ref]))
    loaded = parse_bibliography(bibtex, "imported.bib")
    syntax = [p for p in loaded.problems if p.code == "LR100"]
    assert not syntax, (bibtex, syntax)


def essay(text: str) -> None:
    from litreview.essay import parse_essay

    parse_essay(text, "fuzz.md")


def claims(text: str) -> None:
    from litreview.linking.curated import parse_curated

    parse_curated(text, "claims.yaml")


def registry_parse(text: str) -> None:
    """A registry record (``{"format", "agency", "record"}``) parsed and compared with an entry."""
    from litreview.model import Person, Source
    from litreview.registry.parse import parse_record
    from litreview.registry.reconcile import reconcile

    case = json.loads(text)
    source = Source(key="k", type="article", authors=(Person(family="Holsti", given="K. J."),), year=2004,
                    title="Taming the sovereigns", container="Journal", pages="1--10", doi="10.5555/x")
    reconcile(source, parse_record(case["format"], case["record"], case["agency"]))


_FOLDER: list[Path] = []


def _snapshot_folder() -> Path:
    if not _FOLDER:
        _FOLDER.append(Path(tempfile.mkdtemp(prefix="litreview-fuzz-snap-")))
        atexit.register(shutil.rmtree, _FOLDER[0], True)
    return _FOLDER[0]


def snapshot(text: str, folder: Path | None = None) -> None:
    """Whatever a snapshot file holds, reading the snapshot never raises (a corrupt file is absent)."""
    from litreview.model import Bibliography, Source
    from litreview.registry.snapshot import Snapshot, load_metadata

    folder = folder or _snapshot_folder()
    path = Snapshot(folder).doi_file("10.5555/x")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    loaded = Bibliography(sources=(Source(key="k", type="article", title="T", doi="10.5555/x"),), file="b.bib")
    load_metadata(loaded, folder, now=NOW, stale_days=365)


def entry(fmt: str, agency: str, record: dict[str, Any]) -> dict[str, Any]:
    """A snapshot file's content holding ``record``."""
    from litreview.registry.snapshot import SCHEMA

    return {"schema": SCHEMA, "kind": "doi", "doi": "10.5555/x", "agency": agency, "format": fmt,
            "http_status": 200, "fetched_at": "2026-11-30T00:00:00+00:00", "source_url": "", "synthetic": True,
            "record": record}


def record_case(rng: random.Random) -> str:
    fmt, agency, record = mutate_record(rng)
    return json.dumps({"format": fmt, "agency": agency, "record": record})


def snapshot_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return json.dumps(entry(*mutate_record(rng)))
    n = rng.randint(1_000, 100_000)
    return "[" * n + "]" * n


def reference(rng: random.Random) -> str:
    return mutate(rng, seeds("refs"), max_ops=4) if rng.random() < 0.5 else random_text(rng, 300)


@dataclass(frozen=True)
class Target:
    run: Callable[[str], None]
    make: Callable[[random.Random], str]
    allowed: tuple[type[BaseException], ...] = (LitreviewError,)


TARGETS: dict[str, Target] = {
    "bib": Target(bib, lambda rng: mutate(rng, seeds("bib"))),
    # The loader against pybtex on new, plausible files: a disagreement is an AssertionError.
    "bib-pybtex": Target(bib_vs_pybtex, plausible_bib, ()),
    "import": Target(import_round_trip, reference),
    "essay": Target(essay, lambda rng: mutate(rng, seeds("essay"))),
    "claims": Target(claims, lambda rng: mutate(rng, seeds("yaml"))),
    "registry-parse": Target(registry_parse, record_case),
    "snapshot": Target(snapshot, snapshot_text, ()),
}
