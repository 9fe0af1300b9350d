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
from .mutate import OPS, STRUCTURAL, mutate, mutate_record, random_text, seeds

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
    """A parsed reference always becomes BibTeX that the loader reads without a syntax error; a list
    is cut into its references as ``litreview import`` cuts it (its lines joined into references)."""
    from litreview.bibliography.bibtex_out import make_keys, to_bibtex
    from litreview.bibliography.load import parse_bibliography
    from litreview.bibliography.refparse import find_reference_section, parse_reference

    ref = parse_reference(text)
    bibtex = to_bibtex([ref], make_keys([ref]))
    loaded = parse_bibliography(bibtex, "imported.bib")
    syntax = [p for p in loaded.problems if p.code == "LR100"]
    assert not syntax, (bibtex, syntax)
    find_reference_section(text)


def essay(text: str) -> None:
    from litreview.essay import parse_essay

    parse_essay(text, "fuzz.md")


def csl(text: str) -> None:
    """A CSL-JSON (text opening with ``[`` or ``{``) or CSL-YAML bibliography, with the checks ``bib`` runs."""
    from litreview.bibliography.csl import parse_csl
    from litreview.checks.bib import check_bibliography
    from litreview.checks.style import check_style

    as_json = text.lstrip("\ufeff \t\r\n").startswith(("[", "{"))
    loaded = parse_csl(text, "fuzz.json" if as_json else "fuzz.yaml", yaml=not as_json)
    check_bibliography(loaded, now=NOW)
    check_style(loaded, now=NOW, access_max_age_days=365)


def _essay_folder() -> Path:
    """A temporary folder holding the files the seeds include (``{{< include >}}``, a child, ``\\input``)."""
    folder = _temporary("litreview-fuzz-essay-")
    for name in ("_part.qmd", "_part.Rmd", "part.tex", "notebook.ipynb"):
        if not (folder / name).exists():
            shutil.copyfile(Path(__file__).resolve().parent / "seeds" / name, folder / name)
    return folder


def essay_file(text: str, suffix: str) -> None:
    """A manuscript read as ``check`` reads it (``load_essay``: the reader its suffix calls for, includes resolved
    inside the temporary folder)."""
    from litreview.essay import load_essay

    path = _essay_folder() / f"fuzz{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    load_essay(path)


def csl_style(text: str) -> None:
    """A .csl style read as untrusted XML: its letter order, or '' for what is no style."""
    from litreview.linking.styles import order_of_csl

    order_of_csl(text.encode("utf-8", "surrogatepass"))


def claims(text: str) -> None:
    from litreview.linking.curated import parse_curated

    parse_curated(text, "claims.yaml")


def settings(text: str) -> None:
    """A contributor's ``[tool.litreview]`` read as every command reads it (``load_config``): a bad value is a
    ConfigError naming the file, never another error."""
    from litreview.config import load_config

    folder = _temporary("litreview-fuzz-settings-")
    (folder / "pyproject.toml").write_bytes(text.encode("utf-8", "surrogatepass"))
    load_config(folder, env={})


def registry_parse(text: str) -> None:
    """A registry record (``{"format", "agency", "record"}``) parsed and compared with an entry."""
    from litreview.model import Person, Source
    from litreview.registry.parse import parse_record
    from litreview.registry.reconcile import reconcile

    case = json.loads(text)
    source = Source(key="k", type="article", authors=(Person(family="Holsti", given="K. J."),), year=2004,
                    title="Taming the sovereigns", container="Journal", pages="1--10", doi="10.5555/x")
    reconcile(source, parse_record(case["format"], case["record"], case["agency"]))


_FOLDERS: dict[str, Path] = {}


def _temporary(prefix: str) -> Path:
    """One temporary folder per ``prefix`` for the process, removed at its exit."""
    if prefix not in _FOLDERS:
        _FOLDERS[prefix] = Path(tempfile.mkdtemp(prefix=prefix))
        atexit.register(shutil.rmtree, _FOLDERS[prefix], True)
    return _FOLDERS[prefix]


def snapshot(text: str, folder: Path | None = None) -> None:
    """Whatever a snapshot file holds, reading the snapshot never raises (a corrupt file is absent)."""
    from litreview.model import Bibliography, Source
    from litreview.registry.snapshot import Snapshot, load_metadata

    folder = folder or _temporary("litreview-fuzz-snap-")
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
    """One reference, a list of a few wrapped onto lines of their own (a block to join), or random text."""
    if rng.random() < 0.2:
        listed = "\n".join(rng.choice(seeds("refs")) for _ in range(rng.randint(2, 6)))
        return mutate(rng, (listed,), max_ops=4)
    return mutate(rng, seeds("refs"), max_ops=4) if rng.random() < 0.6 else random_text(rng, 300)


def structural(kind: str) -> Callable[[random.Random], str]:
    """Inputs from the seeds of ``kind`` by the usual edits and the structural ones."""
    return lambda rng: mutate(rng, seeds(kind), ops=OPS + STRUCTURAL)


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
    # the same, read from a file as ``check`` reads it: its bytes' encoding, its front matter's bibliography
    "essay-md": Target(lambda text: essay_file(text, ".md"), lambda rng: mutate(rng, seeds("essay"))),
    "essay-qmd": Target(lambda text: essay_file(text, ".qmd"), structural("qmd")),
    "essay-rmd": Target(lambda text: essay_file(text, ".Rmd"), structural("Rmd")),
    "latex": Target(lambda text: essay_file(text, ".tex"), structural("tex")),
    "csl": Target(csl, structural("csl")),
    "csl-style": Target(csl_style, structural("style"), ()),
    "claims": Target(claims, lambda rng: mutate(rng, seeds("yaml"))),
    "settings": Target(settings, lambda rng: mutate(rng, seeds("toml"))),
    "registry-parse": Target(registry_parse, record_case),
    "snapshot": Target(snapshot, snapshot_text, ()),
}
