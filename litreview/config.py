"""Settings from one place: ``[tool.litreview]`` in pyproject.toml (or litreview.toml).

The file is found by walking up from the working folder; paths in it are relative
to the folder that holds it. Environment variables ``LITREVIEW_*`` override the file
(input paths, registry URLs, contact address); command-line options override both.
Every value is type-checked here, at the edge, into a frozen ``Config``; a wrong one is
a ConfigError naming the file, the line and the expected form.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import ConfigError
from .lazyre import lazy

ENV_OVERRIDES = {
    "essay": "LITREVIEW_ESSAY",
    "bibliography": "LITREVIEW_BIB",
    "claims": "LITREVIEW_CLAIMS",
    "metadata": "LITREVIEW_METADATA_DIR",
    "wayback_url": "LITREVIEW_WAYBACK_URL",
    "mailto": "LITREVIEW_MAILTO",
}
"""Settings of litreview itself -> their environment variable; each registry handler declares its own
(``Handler.settings()``: ``LITREVIEW_CROSSREF_URL``, ``LITREVIEW_OPENALEX_API_KEY``, ...)."""


DEFAULT_BIBLIOGRAPHY = "refs/bibliography.bib"
"""The bibliography setting's default: when it is left so, an essay's front matter may name the files instead."""


def quoted(text: str | list[str]) -> str:
    """A double-quoted string (or a list of them) that TOML and YAML read alike, accented letters kept
    as they are written (a hint or a file giving a setting writes its values so)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def registry_settings() -> dict[str, Any]:
    """Setting name -> ``handler.Setting``, for every registry handler's URL and API key."""
    from .registry.handlers import settings

    return settings()


def env_overrides() -> dict[str, str]:
    """Every setting an environment variable overrides -> that variable (litreview's and the handlers')."""
    return {**ENV_OVERRIDES, **{name: s.env for name, s in registry_settings().items()}}


class Origin(NamedTuple):
    """Where a setting's value was given: a settings file and its line, or an environment variable."""

    where: str
    """The settings file's path, or the variable's name."""
    line: int | None = None
    """The file's line that sets it (None for a variable, or when it cannot be told)."""
    variable: bool = False

    def said(self) -> str:
        """"set in litreview.toml line 3", "set by LITREVIEW_ESSAY"."""
        if self.variable:
            return f"set by {self.where}"
        return f"set in {Path(self.where).name}" + (f" line {self.line}" if self.line else "")


@dataclass(frozen=True)
class Config:
    """Where the review's files live and how the registries are reached."""

    root: Path = field(default_factory=Path.cwd)
    """Folder the relative paths below start from (the config file's folder)."""
    essay: str = "refs/essay.md"
    """The document under review (Markdown, Quarto, R Markdown, LaTeX, or a Manubot content/ folder); "" for none.
    A settings file's list of Markdown files (``essay = ["a.md", "b.md"]``), joined as pandoc joins its inputs, is
    given as the settings file's own name, which stands for them (``essay.pandoc_inputs``)."""
    bibliography: str | tuple[str, ...] = DEFAULT_BIBLIOGRAPHY
    """The bibliography: BibTeX, biblatex, CSL-JSON or CSL-YAML; several as a tuple (``bibliography =
    ["a.bib", "b.json"]``, ``LITREVIEW_BIB`` joined by os.pathsep, ``--bib`` repeated), read as pandoc
    reads them (a key defined twice: the later entry). ``path("bibliography")`` is the first,
    the one ``add`` and ``sync --write`` write to; ``paths("bibliography")`` gives them all."""
    csl: str = ""
    """The citation style the essay is rendered with, as pandoc's ``csl`` names it (a .csl file, a style name such
    as "apa", or a URL, never fetched); '' for the one the essay's front matter or _quarto.yml names, if any. Year
    letters ("Doe 2011a") are read in its order when it is known (``linking.styles``)."""
    claims: str = "refs/claims.yaml"
    """Reviewer-curated links between claims and sources."""
    metadata: str = "refs/metadata"
    """Snapshot folder of fetched registry records (committed)."""
    site_dir: str = "site"
    """Where ``litreview build`` writes the site."""
    mkdocs_config: str = "mkdocs.yml"
    """The MkDocs configuration used by ``litreview build``."""
    wayback_url: str = "https://archive.org"
    """Internet Archive base URL (availability API at /wayback/available)."""
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
    """Finding codes to suppress everywhere, e.g. ["LR305"] (or a table code -> reason)."""
    suppress_entries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per entry key, codes to suppress for that entry."""
    suppress_reasons: dict[str, str] = field(default_factory=dict)
    """Why a suppression was made: "LR137" or "key:LR136" -> the reason, shown in the report."""
    severity: dict[str, str] = field(default_factory=dict)
    """Per code (or code prefix), the severity to report it at: error, warning or info."""
    source_file: str | None = None
    """The file the settings were read from, if any."""
    origins: Mapping[str, Origin] = field(default_factory=dict)
    """Setting name -> where its value was given (the settings file's line, or a ``LITREVIEW_*`` variable); a
    setting left at its default, or given on the command line (``with_overrides``), has none."""
    registry: Mapping[str, str] = field(default_factory=dict)
    """Registry settings set by the file or the environment (``crossref_url``, ``openalex_api_key``, ...;
    see ``registry_settings()``); read them as attributes (``config.crossref_url``), which gives the
    handler's default when unset."""

    if not TYPE_CHECKING:  # typed code reads registry settings through their handler
        def __getattr__(self, name: str) -> str:
            if name.startswith("_"):
                raise AttributeError(name)
            spec = registry_settings().get(name)
            if spec is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            return self.registry.get(name, spec.default)

    def path(self, name: str) -> Path:
        """Resolve one of the path settings (essay, bibliography, ...) against root."""
        return self.paths(name)[0]

    def paths(self, name: str) -> tuple[Path, ...]:
        """Every path of a path setting (several only for the bibliography), resolved against root."""
        value = getattr(self, name)
        return tuple(p if p.is_absolute() else self.root / p
                     for p in map(Path, value if isinstance(value, tuple) else (value,)))

    def with_overrides(self, **values: Any) -> Config:
        """A copy with the given settings replaced (None values are ignored); registry settings included."""
        clean = {k: v for k, v in values.items() if v is not None}
        if not clean:
            return self
        origins = {name: origin for name, origin in self.origins.items() if name not in clean}
        return replace(self, **_split({"origins": origins, **clean}, self.registry))

    def origin(self, name: str) -> Origin | None:
        """Where setting ``name`` was given (``Origin``), or None: its default, or the command line's."""
        return self.origins.get(name)


def env_value(value: str | tuple[str, ...]) -> str:
    """A setting as its ``LITREVIEW_*`` variable holds it: several bibliographies joined by os.pathsep."""
    return os.pathsep.join(value) if isinstance(value, tuple) else str(value)


def several(values: Any) -> str | tuple[str, ...]:
    """A bibliography setting from a list of paths: one as a string, several as a tuple (blanks dropped)."""
    kept = tuple(str(v) for v in values if str(v).strip())
    return kept[0] if len(kept) == 1 else kept or ""


def make_config(**values: Any) -> Config:
    """A Config from settings by name, registry settings (``crossref_url=...``) included."""
    return Config(**_split(values))


def _split(values: dict[str, Any], base: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Config's own fields as they are; registry settings gathered into ``registry``."""
    own = {f.name for f in fields(Config)}
    extra = {k: v for k, v in values.items() if k not in own}
    if not extra:
        return values
    known = registry_settings()
    unknown = sorted(set(extra) - set(known))
    if unknown:
        raise TypeError(f"unknown settings: {', '.join(unknown)}")
    out = {k: v for k, v in values.items() if k in own}
    out["registry"] = {**(base or {}), **values.get("registry", {}), **extra}
    return out


#: The files settings are read from, in each folder from the working one up, in this order.
SETTINGS_FILES = ("litreview.toml", "pyproject.toml")


def _find_config_file(start: Path) -> tuple[Path, str, dict[str, Any]] | None:
    """The settings file that applies to ``start``: its path, its text and its settings table."""
    own, pyproject = SETTINGS_FILES
    for folder in (start, *start.parents):
        candidate = folder / own
        if candidate.is_dir():  # else the walk goes on up and may apply another project's settings
            raise ConfigError("the settings file is a folder", path=str(candidate),
                              hint="remove or rename the folder; litreview.toml is a file of settings")
        if candidate.is_symlink() and not candidate.exists():  # else its settings are silently not applied
            raise ConfigError("the settings file is a symbolic link to no file (broken, or a loop of links)",
                              path=str(candidate), hint="point the link at the settings file, or remove it")
        if candidate.is_file():
            text, data = read_toml(candidate)
            return candidate, text, settings_table(own, data)
        candidate = folder / pyproject
        if candidate.is_file():
            text, data = read_toml(candidate)
            section = settings_table(pyproject, data)
            if section is not None:
                if not isinstance(section, dict):
                    raise ConfigError("[tool.litreview] must be a table", path=str(candidate))
                return candidate, text, section
    return None


def settings_table(name: str, data: dict[str, Any]) -> Any:
    """The settings in a settings file's values (``name``: one of ``SETTINGS_FILES``): a pyproject.toml's
    [tool.litreview] table (None without one), a litreview.toml's values, or its [tool.litreview] table when it is
    written in the pyproject.toml form."""
    tool = data.get("tool")  # (``tool = 3``: no [tool] table, so no settings of litreview's)
    if name == SETTINGS_FILES[1] or (set(data) == {"tool"} and isinstance(tool, dict) and "litreview" in tool):
        return tool.get("litreview") if isinstance(tool, dict) else None
    return data


def _toml_error_line(exc: tomllib.TOMLDecodeError, text: str) -> int:
    """The line a TOML syntax error is at (Python 3.14 gives it as ``lineno``, earlier ones only in the message)."""
    line = getattr(exc, "lineno", None)
    if isinstance(line, int):
        return line
    found = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
    return int(found.group(1)) if found else text.count("\n") + (not text.endswith("\n"))


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """A TOML settings file's text and values; a file that cannot be read raises ConfigError at its line."""
    from .fileio import read_text

    text = read_text(path, what="settings file", error=ConfigError)
    try:
        return text, tomllib.loads(text)
    except RecursionError:  # tomllib reads nested arrays and inline tables by recursion
        raise ConfigError("the settings nest arrays or tables too deeply to read", path=str(path),
                          hint="settings are flat: a value is a string, a number, a list or a table of them") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path), line=_toml_error_line(exc, text),
                          hint="fix the syntax; see https://toml.io") from None
    except ValueError as exc:  # a number of thousands of digits: Python's limit on converting it
        raise ConfigError(f"a number in the settings is too long to read ({exc})", path=str(path),
                          hint="settings' numbers are small: write it with a few digits") from None


def load_config(start: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read the settings that apply to ``start`` (default: the working folder)."""
    start_path = Path(start or Path.cwd()).resolve()
    environ: Mapping[str, str] = os.environ if env is None else env
    found = _find_config_file(start_path)
    values: dict[str, Any] = {}
    origins: dict[str, Origin] = {}
    root = start_path
    source_file = None
    if found:
        path, text, section = found
        root = path.parent
        source_file = str(path)
        values = _validate(section, path=source_file, text=text)
        origins = {name.replace("-", "_"): Origin(source_file, _line_of(text, name)) for name in section}
    # The registry handlers are imported only when a registry setting may be set (a warm check reads none):
    # their variables are LITREVIEW_*_URL and LITREVIEW_*_API_KEY (a test holds every handler to it).
    own_vars = set(ENV_OVERRIDES.values())
    registry_env = any(var.startswith("LITREVIEW_") and var.endswith(("_URL", "_API_KEY")) and var not in own_vars
                       for var in environ)
    for attr, var in (env_overrides() if registry_env else ENV_OVERRIDES).items():
        if environ.get(var):
            if attr.endswith("_url") and url_problem(environ[var]):
                raise ConfigError(f"{var} must be an http(s) URL, not {environ[var]!r} ({url_problem(environ[var])})",
                                  hint=f"unset it, or set it to a base URL such as {var}=https://example.org")
            values[attr] = several(environ[var].split(os.pathsep)) if attr == "bibliography" else environ[var]
            origins[attr] = Origin(var, variable=True)
    return make_config(root=root, source_file=source_file, origins=origins, **values)


# -- validation: a small schema of our own (no import beyond the standard library) -------------------

SEVERITIES = ("error", "warning", "info")
_CODE = lazy(r"^LR\d{1,3}$", re.IGNORECASE)
_POSITIVE = frozenset({"timeout"})
#: The largest value of a number setting: beyond it a date or a deadline computed from it overflows.
_LARGEST = {"timeout": 3600, "stale_days": 36_500, "access_max_age_days": 36_500}
#: Settings naming a file or folder: a NUL there is no path any system can open.
_PATHS = frozenset({"essay", "bibliography", "claims", "metadata", "site_dir", "mkdocs_config", "csl"})
_CODES_EXAMPLE = 'e.g. suppress = ["LR137"], or with reasons: suppress = { LR137 = "why" }'


def _validate(section: dict[str, Any], *, path: str, text: str) -> dict[str, Any]:
    """Type-check the settings table into Config's values; ConfigError at the offending line."""
    hidden = {"root", "source_file", "origins", "suppress_reasons", "registry"}
    defaults = {f.name: f.default for f in fields(Config) if f.name not in hidden}
    if any(name.replace("-", "_") not in defaults for name in section):
        defaults.update({name: spec.default for name, spec in registry_settings().items()})
    known = sorted(defaults)
    values: dict[str, Any] = {}
    reasons: dict[str, str] = {}

    def fail(name: str, message: str, hint: str) -> ConfigError:
        return ConfigError(f"setting {name!r} {message}", path=path, line=_line_of(text, name), hint=hint)

    for name, value in section.items():
        attr = name.replace("-", "_")
        if attr not in known:
            from .text import closest_name

            near = closest_name(attr, known)
            raise ConfigError(f"unknown setting {name!r}", path=path, line=_line_of(text, name),
                              hint=(f"did you mean {near!r}? " if near else "")
                              + f"known settings: {', '.join(known)}")
        if attr == "suppress":
            values[attr] = _codes(value, lambda m, h, n=name: fail(n, m, h), reasons, "")
            _codes_known(name, values[attr], text, path, _line_of(text, name))
        elif attr == "suppress_entries":
            if not isinstance(value, dict):
                raise fail(name, f"must be a table of entry keys, not {_kind(value)}",
                           'e.g. suppress_entries = { uscode10 = ["LR136"] }')
            values[attr] = {str(key): _codes(codes, lambda m, h, n=f"{name}.{key}": fail(n, m, h), reasons,
                                             f"{key}:") for key, codes in value.items()}
            for key, codes in values[attr].items():
                _codes_known(f"{name}.{key}", codes, text, path, _line_of(text, name))
        elif attr == "bibliography" and isinstance(value, list):
            if not value or not all(isinstance(v, str) and v.strip() and "\0" not in v for v in value):
                raise fail(name, "must name one file or a list of files", 'e.g. bibliography = ["refs.bib", "more.json"]')
            if long := next((v for v in value if path_too_long(v)), None):
                raise fail(name, f"names a path too long for any file system ({path_too_long(long)})",
                           'e.g. bibliography = ["refs.bib", "more.json"]')
            values[attr] = several(value)
        elif attr == "essay" and isinstance(value, list):
            example = 'e.g. essay = ["intro.md", "methods.md", "results.md"], in the order pandoc joins them'
            if not value or not all(isinstance(v, str) and v.strip() and "\0" not in v for v in value):
                raise fail(name, "must name one file or a list of files", example)
            if long := next((v for v in value if path_too_long(v)), None):
                raise fail(name, f"names a path too long for any file system ({path_too_long(long)})", example)
            from .pandoc_options import not_markdown, reads_as_markdown  # only when set so

            if bad := next((v for v in value if not reads_as_markdown(v)), None):
                raise fail(name, f"lists {bad!r}, {not_markdown(bad)}", "list the Markdown files pandoc "
                           f"joins into the manuscript; review another kind of file on its own; {example}")
            # one file is that file; several: the settings file stands for them (essay.pandoc_inputs reads them)
            values[attr] = value[0] if len(value) == 1 else Path(path).name
        elif attr == "severity":
            values[attr] = _severity(value, lambda m, h, n=name: fail(n, m, h))
            _codes_known(name, values[attr], text, path, _line_of(text, name))
        elif attr == "key_pattern" and isinstance(value, str):
            from .bibliography.keys import check_pattern  # only when set: most settings files do not

            try:
                check_pattern(value)
            except ConfigError as exc:
                raise ConfigError(exc.message, path=path, line=_line_of(text, name), hint=exc.hint) from None
            values[attr] = value
        else:
            values[attr] = _scalar(attr, value, defaults[attr], lambda m, h, n=name: fail(n, m, h))
    if reasons:
        values["suppress_reasons"] = reasons
    return values


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {str: "a string", int: "a number", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__)


def _code(code: Any, fail: Any) -> str:
    if not isinstance(code, str) or not _CODE.match(code.strip()):
        raise fail(f"names {code!r}, which is not a finding code", "codes look like LR137 (or LR13 for a family); "
                   "see litreview check --list-codes")
    return code.strip().upper()


def _codes(value: Any, fail: Any, reasons: dict[str, str], prefix: str) -> tuple[str, ...]:
    """A list of codes, or a table code -> reason (the reason is kept for the report)."""
    if isinstance(value, str):
        # A bare string would otherwise be read letter by letter ("LR137" -> L, R, 1, 3, 7).
        raise fail(f"must be a list of codes, not a string ({value!r})", _CODES_EXAMPLE)
    if isinstance(value, dict):
        out = []
        for code, reason in value.items():
            if not isinstance(reason, str):
                raise fail(f"gives {code} a reason that is not a string", _CODES_EXAMPLE)
            out.append(_code(code, fail))
            if reason.strip():
                reasons[prefix + out[-1]] = reason.strip()
        return tuple(out)
    if not isinstance(value, list):
        raise fail(f"must be a list of codes, not {_kind(value)}", _CODES_EXAMPLE)
    return tuple(_code(code, fail) for code in value)


def _severity(value: Any, fail: Any) -> dict[str, str]:
    example = 'e.g. severity = { LR307 = "warning" }'
    if not isinstance(value, dict):
        raise fail(f"must be a table of codes, not {_kind(value)}", example)
    out = {}
    for code, level in value.items():
        if not isinstance(level, str) or level.strip().lower() not in SEVERITIES:
            raise fail(f"gives {code} the level {level!r}", f"levels are {', '.join(SEVERITIES)}; {example}")
        out[_code(code, fail)] = level.strip().lower()
    return out


def _codes_known(setting: str, codes: Iterable[str], text: str, path: str | None, line: int | None) -> None:
    """ConfigError at the first code of ``setting`` (``suppress``, ``suppress_entries.KEY``, ``severity``) that the
    catalogue lacks, on the code's own line: it would silence or change nothing. The hint names the nearest code.
    Codes are read in any case (lr307 is LR307)."""
    from .checks.catalogue import known_code, nearest_code

    for code in codes:
        if known_code(code):
            continue
        near = nearest_code(code)
        at = next((line + i for i, row in enumerate(text.splitlines()[line - 1:])
                   if re.search(rf"(?<!\w){code}(?!\w)", row, re.IGNORECASE)), line) if line else None
        todo = f"a code that litreview check --list-codes lists, or remove {code} from {setting!r}"
        raise ConfigError(f"setting {setting!r} names {code}, which is no finding code", path=path, line=at,
                          hint=f"did you mean {near}? Write {todo}" if near else f"write {todo}")


def _scalar(attr: str, value: Any, default: Any, fail: Any) -> Any:
    """A setting whose type is that of its default (str, int, float, bool, tuple of str)."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise fail(f"must be true or false, not {_kind(value)}", f"e.g. {attr} = true")
        return value
    if isinstance(default, int | float):
        whole = isinstance(default, int)
        if isinstance(value, bool) or not isinstance(value, int if whole else int | float):
            raise fail(f"must be {'a whole number' if whole else 'a number'}, not {_kind(value)} ({value!r})",
                       f"e.g. {attr} = {default}")
        if not math.isfinite(value):
            raise fail(f"must be a finite number, not {value}", f"e.g. {attr} = {default}")
        if value < 0 or (attr in _POSITIVE and value == 0):
            raise fail(f"must be {'above' if attr in _POSITIVE else 'at least'} 0, not {value}",
                       f"e.g. {attr} = {default}")
        largest = _LARGEST.get(attr)
        if largest is not None and value > largest:
            raise fail(f"must be at most {largest}, not {value}", f"e.g. {attr} = {default}")
        return value
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"must be a list of strings, not {_kind(value)}", f'e.g. {attr} = ["..."]')
        return tuple(value)
    if not isinstance(value, str):
        raise fail(f"must be a string, not {_kind(value)} ({value!r})", f'e.g. {attr} = "{default}"')
    if attr.endswith("_url") and url_problem(value):
        raise fail(f"must be an http(s) URL, not {value!r} ({url_problem(value)})", f'e.g. {attr} = "{default}"')
    if attr in _PATHS and "\0" in value:
        raise fail("holds a NUL character, which no file name can", f'e.g. {attr} = "{default}"')
    if attr in _PATHS and (long := path_too_long(value)):
        raise fail(f"names a path too long for any file system ({long})", f'e.g. {attr} = "{default}"')
    return value


#: The longest name of one file or folder, and of a whole path, that Linux, macOS and Windows file systems take.
NAME_MAX, PATH_MAX = 255, 4096


def path_too_long(value: str) -> str:
    """What makes ``value`` a path no file system opens (a name of its folders or file over 255 bytes, or a whole
    path over 4,096: the system refuses it with an error, not "not found"), or ''."""
    size = len(value.encode("utf-8", "surrogatepass"))
    if size > PATH_MAX:
        return f"{size:,} bytes, more than {PATH_MAX:,}"
    longest = max(len(part.encode("utf-8", "surrogatepass")) for part in re.split(r"[/\\]", value))
    return f"a name of {longest:,} bytes, more than {NAME_MAX}" if longest > NAME_MAX else ""


def url_problem(value: str) -> str:
    """Why ``value`` is no base URL a registry can be asked at ('' when it is one)."""
    from urllib.parse import urlsplit

    if not value.startswith(("https://", "http://")):
        return "it must start with https:// or http://"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError as exc:
        return str(exc)
    return "" if parts.hostname else "it names no host"


def _line_of(text: str, name: str) -> int | None:
    """The line that sets ``name`` (first key of a dotted name) or opens its table, after [tool.litreview] when
    present."""
    lines = text.splitlines()
    first = 0
    for i, line in enumerate(lines):
        if line.strip().replace(" ", "") in ("[tool.litreview]",):
            first = i
            break
    key = re.escape(name.split(".")[0])
    # key = ..., key.sub = ..., or a table of its own: [key], [key.sub], [tool.litreview.key]
    pattern = re.compile(rf'^\s*(?:\[\[?\s*(?:tool\.litreview\.)?)?["\']?{key}["\']?\s*[.=\]]')
    for i in range(first, len(lines)):
        if pattern.match(lines[i]):
            return i + 1
    return None
