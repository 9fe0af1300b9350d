"""Warm-start cache in ``.litreview-cache/``: derived values keyed by a hash of all they depend on.

A miss, a corrupt, foreign or stale file and an unwritable folder are never errors: the caller recomputes.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Collection, Mapping
from contextlib import suppress
from dataclasses import fields, is_dataclass
from datetime import date, datetime, timedelta
from pathlib import Path, PurePath
from types import MappingProxyType
from typing import Any

from . import model
from .config import SETTINGS_FILES, Config
from .doi import sha256  # the built-in one where it exists: quick to load
from .errors import WriteError
from .fileio import is_inside, nearest_file
from .model import Bibliography, Essay, Linkage, SourceMetadata
from .pandoc_options import BIBTEX_SUFFIXES, INPUT_SUFFIXES, YAML_SUFFIXES, is_build_file

FOLDER = ".litreview-cache"
"""Created in the project root (the folder of the config file); it ignores itself in git."""
ENV_DISABLE = "LITREVIEW_NO_CACHE"
"""Set to 1 to bypass the cache; set to 0 to use it on CI too."""
FORMAT = 1
"""Bumped when the layout of the files changes."""
PACKAGE = Path(__file__).resolve().parent

# Only litreview's own value types are rebuilt from a file: reading the cache never runs code.
_TYPES = {name: obj for name, obj in vars(model).items() if isinstance(obj, type) and is_dataclass(obj)}
_NAMES = {cls: name for name, cls in _TYPES.items()}
_CORRUPT = (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError)


class Unencodable(ValueError):
    """A value the cache's JSON cannot represent faithfully (the value is then not cached)."""


def enabled(env: Mapping[str, str] | None = None) -> bool:
    """False when LITREVIEW_NO_CACHE is set (other than 0), and on CI unless it is 0."""
    env = os.environ if env is None else env
    flag = env.get(ENV_DISABLE, "").strip()
    if flag:
        return flag == "0"
    # CI runs start cold, and a cache checked out with a pull request must not speak for its inputs.
    return env.get("CI", "").strip().lower() in ("", "0", "false")


def input_key(config: Config) -> str | None:
    """sha256 of every input's bytes, the input paths, litreview's version and source files, the
    interpreter and the installed packages; None when an input cannot be read (the loaders report it)."""
    from . import __version__

    digest = sha256()

    def add(*parts: object) -> None:
        for part in parts:
            raw = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
            digest.update(len(raw).to_bytes(8, "little"))
            digest.update(raw)

    essay_files: dict[Path, bytes] = {}

    def essay_file(file: Path) -> bytes:
        """One of the essay's files, read once (the digest of the files a followed bibliography was read from
        reads them too)."""
        if file not in essay_files:
            essay_files[file] = file.read_bytes()
        return essay_files[file]

    add(FORMAT, __version__, sys.version, sys.implementation.cache_tag)
    for entry in _package_files():
        add(*entry)
    # Installing or upgrading a dependency changes its site-packages folder.
    for packages in sys.path:
        if os.path.basename(packages) in ("site-packages", "dist-packages") and os.path.isdir(packages):
            add(packages, os.stat(packages).st_mtime_ns)
    # A hint's command names a file as typed in the working folder (the iconv of a .bib not in UTF-8).
    add(config.root, Path.cwd())
    # Which snapshot records count depends on the registry URLs (settings named *_url);
    # read from the settings, so a warm run imports nothing of the registry package.
    from dataclasses import fields

    add(*(f"{f.name}={getattr(config, f.name)}" for f in fields(config) if f.name.endswith("_url")),
        *(f"{name}={value}" for name, value in sorted(config.registry.items()) if name.endswith("_url")))
    try:
        # The style setting (its file, when there is one) decides how year letters are read.
        style = config.root / config.csl if config.csl and "://" not in config.csl else None
        add("csl", config.csl, style.read_bytes() if style is not None and style.is_file() else b"")
        for name in ("bibliography", "essay", "claims", "metadata"):
            value = getattr(config, name)
            path = config.path(name)
            add(name, value, path)
            if name in ("essay", "claims") and not value:
                continue  # none (--essay "", --claims ""): the path would be the project folder
            parts = essay_parts(path) if name == "essay" else None
            if parts is not None:
                folder = path if path.is_dir() else path.parent
                for file in parts:
                    add(file.relative_to(folder).as_posix(), essay_file(file))
                for file in outside_files(config, essay_file):  # (\input{../x}, a knitr child by here::here())
                    add("outside", file, file.read_bytes() if file.is_file() else "absent")  # (not yet written)
                if path.is_dir():
                    continue
            if name == "metadata" and path.is_dir():
                for file in sorted(p for p in path.rglob("*") if p.is_file()):
                    add(file.relative_to(path).as_posix(), file.read_bytes())
            elif name in ("claims", "metadata") and not path.exists():
                add("absent")  # optional inputs; a missing .bib or essay is the loaders' error
            elif name == "bibliography" and _follows_essay(config):
                files = followed_files(config, essay_file)  # the files the essay named at the last build, while it is as then
                if files is None:
                    return None
                add(*files, *(file.read_bytes() for file in files))
            elif name == "essay":
                add(essay_file(path))
                for _, file in knitting_files(path):  # the document that knits it as a child (essay.knitted_by)
                    if path.name.encode("utf-8", "surrogatepass") in (text := file.read_bytes()):
                        add(file, text)
                if path.suffix.lower() == ".rmd":  # its output formats beside it (essay.output_settings)
                    for beside in (path.parent / "_output.yml", path.parent / "_output.yaml"):
                        add(beside.name, beside.read_bytes() if beside.is_file() else "absent")
                if path.suffix.lower() in (".qmd", ".md", ".rmd"):  # its Quarto project's settings (essay.load_essay)
                    project = nearest_file(path, PROJECT_FILES)
                    add(*((project, project.read_bytes()) if project is not None else ("no project",)))
            else:
                add(*(p.read_bytes() for p in config.paths(name)))  # every bibliography, when several
        for entry in _beside_key(config):
            add(*entry)
    except OSError:
        return None
    return digest.hexdigest()


BESIDE_FILES = 50
"""How many BibTeX files of a folder ``bibtex_files`` lists (by name)."""


def bibtex_files(folder: Path) -> list[Path]:
    """The BibTeX files of ``folder`` (the first ``BESIDE_FILES`` by name; none when it cannot be listed): where a
    macro a bibliography leaves undefined may be defined (``review._macros_elsewhere``) and where a key the essay
    cites may be (``essay_bibliographies``). Kept here: the warm run keys on them."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in BIBTEX_SUFFIXES and p.is_file())[:BESIDE_FILES]
    except OSError:
        return []


def _beside_key(config: Config) -> list[tuple[str, int, int]]:
    """(path, size, mtime) of the BibTeX files in the folders of the bibliographies and of the essay (``bibtex_files``),
    which the loaders read when a macro or a cited key is missing: an edit of one must miss too."""
    folders = [p.parent for p in config.paths("bibliography")]
    if config.essay:
        essay = config.path("essay")
        folders.append(essay if essay.is_dir() else essay.parent)
    out = []
    for folder in dict.fromkeys(folders):
        for file in bibtex_files(folder):
            with suppress(OSError):
                stat = file.stat()
                out.append((str(file), stat.st_size, stat.st_mtime_ns))
    return out


KNITTING_LEVELS = 3
"""How many folders above a child document's own ``essay.knitted_by`` looks in for the file that knits it."""
KNITTING_SIZE = 2_000_000
"""Bytes: a larger file is no document that knits children (``essay.knitted_by`` does not read it)."""


def knitting_files(path: Path) -> list[tuple[Path, Path]]:
    """(folder, file) for each R Markdown or Quarto file that may knit ``path`` as a child document
    (``essay.knitted_by``): in its folder or one of the ``KNITTING_LEVELS`` above, of at most ``KNITTING_SIZE``
    bytes, not ``path`` itself; none for a file of another kind. Kept here: the warm run keys on them."""
    if path.suffix.lower() not in (".rmd", ".qmd", ".md"):
        return []
    own = path.resolve()
    found = []
    for folder in own.parents[:KNITTING_LEVELS + 1]:  # (parents[0] is its own folder)
        try:  # names first, a Path only for a match: a folder above may hold thousands of entries (/tmp)
            near = sorted(folder / name for name in os.listdir(folder)
                          if name[-4:].lower() in (".rmd", ".qmd") and len(name) > 4)  # (".rmd" alone has no suffix)
        except OSError:
            continue
        near = [p for p in near if p.is_file()]
        for file in near:
            with suppress(OSError):
                if file.resolve() != own and file.stat().st_size <= KNITTING_SIZE:
                    found.append((folder, file))
    return found


LATEX_SUFFIXES = (".tex", ".ltx", ".latex")
QUARTO_SUFFIXES = (".qmd", ".md", ".markdown", ".rmd", ".ipynb")
"""The chapters a Quarto book renders that litreview reads: those its markdown engine takes (``.qmd``, ``.md``,
``.markdown``), knitr's ``.Rmd`` and Jupyter's notebooks (``essay.quarto``; kept here, as ``LATEX_SUFFIXES``)."""
PROJECT_FILES = ("_quarto.yml", "_quarto.yaml")
"""A Quarto project's settings file, as quarto finds it in a document's folder or one above (``essay``: a file of
the project is rendered with them)."""
"""The suffixes the essay readers read as LaTeX (kept here: the warm path imports no reader)."""
MANUAL_SUFFIXES = (".json", ".yaml", ".yml", ".bib", ".bibtex")
"""The manual reference files (``manual-references*.*``) the Manubot reader reads, which the input key reads too
(kept here, as ``LATEX_SUFFIXES``); Manubot hands any other kind to pandoc."""


def essay_part_rule(path: Path) -> tuple[Path, Callable[[PurePath], bool]] | None:
    """Where an essay of several files finds its parts and which files there are parts (by their path
    relative to that folder); None for a one-file essay.

    A Manubot content/ folder, a LaTeX file whose \\input files sit beside it, a Quarto or bookdown book
    (``_quarto.yml``, ``_bookdown.yml``; essay.BOOKS, not imported here) whose chapters it lists, or a
    Quarto file whose ``{{< include >}}`` files (and ``{{< embed >}}`` notebooks) sit beside it (an R Markdown
    or Quarto file's knitr child documents).
    """
    suffix = path.suffix.lower()
    book = path.name in ("_quarto.yml", "_quarto.yaml", "_bookdown.yml")
    # a build file, pandoc defaults file or settings file listing the files pandoc joins (essay.pandoc_inputs)
    listing = not book and path.is_file() and (path.name in SETTINGS_FILES or is_build_file(path)
                                                or suffix in YAML_SUFFIXES)
    if not (path.is_dir() or suffix in (".qmd", ".rmd", *LATEX_SUFFIXES) or book or listing):
        return None
    kinds = ((".md", ".tsv", *MANUAL_SUFFIXES) if path.is_dir() else
             (*INPUT_SUFFIXES, *YAML_SUFFIXES) if listing else
             (*QUARTO_SUFFIXES, ".yml", ".yaml") if book else (".qmd", ".md", ".ipynb", ".rmd") if suffix == ".qmd"
             else (".rmd", ".md", ".qmd") if suffix == ".rmd" else (".tex",))

    def is_part(relative: PurePath) -> bool:
        return relative.suffix.lower() in kinds and not any(part.startswith(".") for part in relative.parts)

    return (path if path.is_dir() else path.parent), is_part


FOLLOWED = "followed.json"
"""The files a bibliography that follows the essay (``review.follows_essay``) was read from, kept with the digest
of the essay's files: the input key reads those files while the essay is unchanged."""


def followed_files(config: Config, read: Callable[[Path], bytes] = Path.read_bytes) -> list[Path] | None:
    """The files the essay named when the review was last built, while none of its files changed since (``read``
    reads them); else None."""
    names = _read(config, FOLLOWED, _essay_digest(config, read))
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return None
    return _bounded(config, [Path(config.root) / name for name in names], read)


def store_followed(config: Config, files: Collection[Path]) -> None:
    """Keep the files the bibliography that follows the essay was read from (see ``FOLLOWED``)."""
    root = Path(config.root).resolve()
    with suppress(OSError, ValueError):
        _write(config, FOLLOWED, _essay_digest(config), [os.path.relpath(f.resolve(), root) for f in files])


OUTSIDE = "outside.json"
"""The files the essay read or looked for outside the folder of its parts (``essay_parts``: a LaTeX
``\\input{../x}``, a knitr child reached by ``../`` or ``here::here()``; ``Essay.inputs``), kept with the digest of the
essay's files: the input key reads them (or that one is absent) while the essay is unchanged (an edit of the essay's
own files misses anyway, and the next build keeps them anew)."""


def outside_files(config: Config, read: Callable[[Path], bytes] = Path.read_bytes) -> list[Path]:
    """The files the essay read outside the folder of its parts when it was last built, while none of its own
    files changed since (``read`` reads them); [] when none, or nothing is kept for them."""
    names = _read(config, OUTSIDE, _essay_digest(config, read))
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return []
    return _bounded(config, [Path(config.root) / name for name in names], read)


def _bounded(config: Config, files: list[Path], read: Callable[[Path], bytes]) -> list[Path]:
    """Of ``files`` (names kept in the cache folder, which anyone may edit), those the input key may read: under the
    project's folder, or named by the manuscript (the name, or the name without its suffix as LaTeX's ``\\input``
    writes it, in the bytes of the essay or one of its parts)."""
    root = Path(config.root).resolve()
    texts: list[bytes] | None = None
    kept = []
    for file in files:
        if not is_inside(file, root):
            if texts is None:
                path = config.path("essay")
                texts = []
                for own in [path, *(essay_parts(path) or ())]:
                    with suppress(OSError):
                        texts.append(read(own))
            words = {file.name.encode("utf-8", "surrogatepass"), file.stem.encode("utf-8", "surrogatepass")}
            if not any(word and word in text for word in words for text in texts):
                continue
        kept.append(file)
    return kept


def store_outside(config: Config, read: Collection[str]) -> None:
    """Keep the files of ``read`` (the files an essay's sentences are in, and those it read or looked for:
    ``Essay.inputs``) that are not among its parts (see ``OUTSIDE``); only for an essay of several files."""
    path = config.path("essay")
    parts = essay_parts(path)
    if parts is None:
        return
    root = Path(config.root).resolve()
    with suppress(OSError, ValueError):
        own = {p.resolve() for p in (path, *parts)}
        outside = sorted({os.path.relpath(f, root) for f in (Path(name).resolve() for name in read) if f not in own})
        _write(config, OUTSIDE, _essay_digest(config), outside)


def _follows_essay(config: Config) -> bool:
    from .review import follows_essay  # (reads the settings only: no stage is imported)

    return follows_essay(config)


def _essay_digest(config: Config, read: Callable[[Path], bytes] = Path.read_bytes) -> str:
    """sha256 of the essay's bytes and those of the files it may read (``essay_parts``), each read by ``read``."""
    digest = sha256()
    path = config.path("essay")
    for file in [path, *(essay_parts(path) or ())]:
        with suppress(OSError):
            digest.update(str(file).encode("utf-8", "surrogatepass") + b"\0" + read(file) + b"\0")
    return digest.hexdigest()


def essay_parts(path: Path) -> list[Path] | None:
    """The files an essay of several files may read, besides ``path`` itself (None for a one-file essay).

    The cache keys on their bytes and ``check --since`` reads their base versions.
    """
    rule = essay_part_rule(path)
    if rule is None:
        return None
    folder, is_part = rule
    return sorted(p for p in folder.rglob("*") if p.is_file() and is_part(p.relative_to(folder)))


def code_key() -> str:
    """sha256 of litreview's version and own files, the interpreter and the installed packages: what
    any derived value depends on besides its inputs (the site's page cache keys on it too)."""
    from . import __version__

    digest = sha256()
    parts: list[object] = [FORMAT, __version__, sys.version, sys.implementation.cache_tag]
    parts += [item for entry in _package_files() for item in entry]
    parts += [(folder, os.stat(folder).st_mtime_ns) for folder in sys.path
              if os.path.basename(folder) in ("site-packages", "dist-packages") and os.path.isdir(folder)]
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _package_files(folder: str = "", prefix: str = "") -> list[tuple[str, int, int]]:
    """(name, size, mtime) of litreview's own files: editing the code never serves old results."""
    out = []
    with os.scandir(folder or PACKAGE) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_dir():
                if entry.name != "__pycache__":
                    out += _package_files(entry.path, f"{prefix}{entry.name}/")
            else:
                stat = entry.stat()
                out.append((prefix + entry.name, stat.st_size, stat.st_mtime_ns))
    return out


# ---- the loaded and linked review (bibliography, essay, linkage) ----

def load_stages(config: Config, key: str) -> tuple[Bibliography, Essay | None, Linkage | None] | None:
    """The cached (bibliography, essay, linkage) for ``key``, or None."""
    data = _read(config, "review.json", key)
    if data is None:
        return None
    try:
        bib, essay, linkage = (decode(data[name]) for name in ("bibliography", "essay", "linkage"))
    except _CORRUPT:
        return None
    if (not isinstance(bib, Bibliography) or not isinstance(essay, Essay | None)
            or not isinstance(linkage, Linkage | None)):
        return None
    return bib, essay, linkage


def store_stages(config: Config, key: str, bibliography: Bibliography, essay: Essay | None,
                 linkage: Linkage | None) -> None:
    """Keep the values built from the inputs that ``key`` describes."""
    try:
        data = {"bibliography": encode(bibliography), "essay": encode(essay), "linkage": encode(linkage)}
    except Unencodable:
        return
    if input_key(config) == key:  # else an input changed while the values were built
        _write(config, "review.json", key, data)


# ---- a rendered `check` report, valid while its clock-dependent findings cannot change ----

def load_report(config: Config, key: str, variant: str, now: datetime) -> dict[str, Any] | None:
    """The report cached for these inputs, settings and ``variant`` (format, colour) when ``now`` is
    on the day it was made and no snapshot record has turned stale (or fresh) since; else None."""
    data = _read(config, f"report-{variant}.json", _report_key(key, config, variant))
    if data is None:
        return None
    try:
        if data["date"] != now.date().isoformat():
            return None
        for when, stale in data["stale"]:
            moment = datetime.fromisoformat(when)
            # A second's margin either way: the snapshot compares fractional days.
            if abs((now - moment).total_seconds()) < 1 or (now > moment) != stale:
                return None
        report = data["report"]
        return report if isinstance(report, dict) else None
    except _CORRUPT:
        return None


def store_report(config: Config, key: str, variant: str, now: datetime,
                 metadata: Mapping[str, SourceMetadata], report: dict[str, Any]) -> None:
    """Keep a report made at ``now``. The checks read the clock as ``now.date()`` and the snapshot as
    each record's age, so the day and the moments records turn stale bound its validity."""
    moments = stale_moments(metadata, config.stale_days, now)
    if moments is None or input_key(config) != key:  # an input changed while the report was made
        return
    _write(config, f"report-{variant}.json", _report_key(key, config, variant),
           {"date": now.date().isoformat(), "stale": moments, "report": report})


def _report_key(key: str, config: Config, variant: str) -> str:
    return sha256(f"{key}\n{config!r}\n{variant}".encode("utf-8", "surrogatepass")).hexdigest()


def stale_moments(metadata: Mapping[str, SourceMetadata], stale_days: int,
                  now: datetime) -> list[tuple[str, bool]] | None:
    """When each snapshot record turns stale, with whether it was at ``now``; None when the
    metadata's stale flags do not follow that rule (the report is then not cached)."""
    out = []
    for meta in metadata.values():
        timed = meta.status in ("verified", "not-found") and meta.fetched_at
        try:
            when = datetime.fromisoformat(meta.fetched_at) if timed else None
        except ValueError:
            when = None
        if when is None:
            if meta.stale:
                return None
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=now.tzinfo)
        moment = when + timedelta(days=stale_days)
        stale = now > moment
        if stale != meta.stale or abs((now - moment).total_seconds()) < 1:
            return None
        out.append((moment.isoformat(), stale))
    return out


# ---- files ----

def _read(config: Config, name: str, key: str) -> Any:
    try:
        data = json.loads((Path(config.root) / FOLDER / name).read_bytes())
        if data["format"] == FORMAT and data["key"] == key:
            return data["value"]
    except _CORRUPT:
        pass
    return None


def _write(config: Config, name: str, key: str, value: Any) -> None:
    from .fileio import write_atomic

    folder = Path(config.root) / FOLDER
    text = json.dumps({"format": FORMAT, "key": key, "value": value}, ensure_ascii=False,
                      separators=(",", ":"))
    try:
        if not (folder / ".gitignore").exists():
            write_atomic(folder / ".gitignore", "# made by litreview: a local cache, never committed\n*\n")
        write_atomic(folder / name, text)
    except (WriteError, OSError):
        pass


# ---- JSON that keeps tuples, mappings, dates and litreview's value types ----

def encode(value: Any) -> Any:
    """A JSON-ready form of ``value`` that ``decode`` turns back into an equal value of the same types."""
    kind = type(value)
    if value is None or kind in (str, int, float, bool):
        return value
    if kind is tuple:
        return [encode(v) for v in value]
    if kind is list:
        return {"list": [encode(v) for v in value]}
    if kind in (dict, MappingProxyType):
        tag = "dict" if kind is dict else "proxy"
        return {tag: [[encode(k), encode(v)] for k, v in value.items()]}
    if kind in (date, datetime):
        return {kind.__name__: value.isoformat()}
    if kind in _NAMES:
        return {"obj": [_NAMES[kind], {f.name: encode(getattr(value, f.name)) for f in fields(value)}]}
    raise Unencodable(f"cannot cache a {kind.__name__}")


def decode(data: Any) -> Any:
    """The value ``encode`` was given."""
    if isinstance(data, list):
        return tuple(decode(v) for v in data)
    if not isinstance(data, dict):
        return data
    ((tag, body),) = data.items()
    if tag == "list":
        return [decode(v) for v in body]
    if tag in ("dict", "proxy"):
        mapping = {decode(k): decode(v) for k, v in body}
        return mapping if tag == "dict" else MappingProxyType(mapping)
    if tag == "date":
        return date.fromisoformat(body)
    if tag == "datetime":
        return datetime.fromisoformat(body)
    if tag == "obj":
        name, values = body
        return _TYPES[name](**{k: decode(v) for k, v in values.items()})
    raise ValueError(f"unknown tag {tag!r}")
