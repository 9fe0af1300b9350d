"""Settings from one place: ``[tool.litreview]`` in pyproject.toml (or litreview.toml).

The file is found by walking up from the working folder; paths in it are relative
to the folder that holds it. Environment variables ``LITREVIEW_*`` override the file
(input paths, registry URLs, contact address); command-line options override both.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

ENV_OVERRIDES = {
    "essay": "LITREVIEW_ESSAY",
    "bibliography": "LITREVIEW_BIB",
    "claims": "LITREVIEW_CLAIMS",
    "metadata": "LITREVIEW_METADATA_DIR",
    "crossref_url": "LITREVIEW_CROSSREF_URL",
    "doi_url": "LITREVIEW_DOI_URL",
    "datacite_url": "LITREVIEW_DATACITE_URL",
    "wayback_url": "LITREVIEW_WAYBACK_URL",
    **{f"{name}_url": f"LITREVIEW_{name.upper()}_URL"
       for name in ("openalex", "dblp", "arxiv", "ncbi", "openlibrary", "googlebooks")},
    **{f"{name}_api_key": f"LITREVIEW_{name.upper()}_API_KEY" for name in ("openalex", "ncbi", "googlebooks")},
    "mailto": "LITREVIEW_MAILTO",
}


@dataclass(frozen=True)
class Config:
    """Where the review's files live and how the registries are reached."""

    root: Path = field(default_factory=Path.cwd)
    """Folder the relative paths below start from (the config file's folder)."""
    essay: str = "refs/essay.md"
    """The document under review (Markdown, optional YAML front matter); "" for none."""
    bibliography: str = "refs/bibliography.bib"
    """The BibTeX bibliography."""
    claims: str = "refs/claims.yaml"
    """Reviewer-curated links between claims and sources."""
    metadata: str = "refs/metadata"
    """Snapshot folder of fetched registry records (committed)."""
    site_dir: str = "site"
    """Where ``litreview build`` writes the site."""
    mkdocs_config: str = "mkdocs.yml"
    """The MkDocs configuration used by ``litreview build``."""
    crossref_url: str = "https://api.crossref.org"
    """Crossref REST API base URL."""
    doi_url: str = "https://doi.org"
    """doi.org resolver base URL (content negotiation and /ra/)."""
    datacite_url: str = "https://api.datacite.org"
    """DataCite REST API base URL."""
    wayback_url: str = "https://archive.org"
    """Internet Archive base URL (availability API at /wayback/available)."""
    openalex_url: str = "https://api.openalex.org"
    """OpenAlex API base URL."""
    openalex_api_key: str = ""
    """OpenAlex API key (without one a small daily budget applies)."""
    dblp_url: str = "https://dblp.org"
    """DBLP base URL (publication search at /search/publ/api)."""
    arxiv_url: str = "https://export.arxiv.org"
    """arXiv API base URL (/api/query)."""
    ncbi_url: str = "https://eutils.ncbi.nlm.nih.gov"
    """NCBI E-utilities base URL (the PMC ID converter is asked beside it)."""
    ncbi_api_key: str = ""
    """NCBI API key (10 requests/s instead of 3)."""
    openlibrary_url: str = "https://openlibrary.org"
    """Open Library base URL."""
    googlebooks_url: str = "https://www.googleapis.com"
    """Google Books API base URL (/books/v1/volumes)."""
    googlebooks_api_key: str = ""
    """Google Books API key (optional)."""
    mailto: str = ""
    """Contact address sent in the User-Agent, as Crossref asks (polite pool)."""
    timeout: float = 20.0
    """Seconds before one HTTP request times out."""
    stale_days: int = 365
    """Snapshot records older than this are reported as stale."""
    access_max_age_days: int = 5 * 365
    """Web sources accessed longer ago than this get a warning."""
    key_pattern: str = "{family}{year}{word}"
    """Pattern for new citation keys (``litreview add``)."""
    suppress: tuple[str, ...] = ()
    """Finding codes to suppress everywhere, e.g. ["LR305"]."""
    suppress_entries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per entry key, codes to suppress for that entry."""
    source_file: str | None = None
    """The file the settings were read from, if any."""

    def path(self, name: str) -> Path:
        """Resolve one of the path settings (essay, bibliography, ...) against root."""
        value = getattr(self, name)
        p = Path(value)
        return p if p.is_absolute() else self.root / p

    def with_overrides(self, **values: Any) -> Config:
        """A copy with the given settings replaced (None values are ignored)."""
        clean = {k: v for k, v in values.items() if v is not None}
        return replace(self, **clean) if clean else self


def _find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    for folder in (start, *start.parents):
        candidate = folder / "litreview.toml"
        if candidate.is_file():
            return candidate, _read_toml(candidate)
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            data = _read_toml(candidate)
            section = data.get("tool", {}).get("litreview")
            if section is not None:
                return candidate, {"tool": {"litreview": section}}
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path),
                          hint="fix the syntax; see https://toml.io") from None


def load_config(start: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> Config:
    """Read the settings that apply to ``start`` (default: the working folder)."""
    start_path = Path(start or Path.cwd()).resolve()
    env = os.environ if env is None else env
    found = _find_config_file(start_path)
    values: dict[str, Any] = {}
    root = start_path
    source_file = None
    if found:
        path, data = found
        root = path.parent
        source_file = str(path)
        section = data.get("tool", {}).get("litreview", data) if path.name == "pyproject.toml" else data
        known = {f.name for f in fields(Config)} - {"root", "source_file"}
        for name, value in section.items():
            attr = name.replace("-", "_")
            if attr not in known:
                raise ConfigError(f"unknown setting {name!r}", path=str(path),
                                  hint=f"known settings: {', '.join(sorted(known))}")
            if attr == "suppress":
                value = tuple(value)
            elif attr == "suppress_entries":
                value = {k: tuple(v) for k, v in value.items()}
            values[attr] = value
    for attr, var in ENV_OVERRIDES.items():
        if env.get(var):
            values[attr] = env[var]
    return Config(root=root, source_file=source_file, **values)
