"""`litreview build`: the review site, i.e. ``mkdocs build --strict`` with the project's mkdocs.yml.

Offline: the pages come from refs/ through the ``litreview`` MkDocs plugin. Exit
status 0 built, 1 a strict build stopped on warnings, 2 bad configuration or input.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..config import ENV_OVERRIDES, env_value
from ..errors import ConfigError, InputError, WriteError
from ..fileio import signals_deferred
from ._options import config_from, input_options

if TYPE_CHECKING:
    from ..config import Config

EXAMPLES = """\b
Examples:
  litreview build                         site/ from refs/, strict (warnings fail)
  litreview build --site-dir public       somewhere else
  litreview build --serve                 live preview, rebuilt when the essay, a .bib or claims change
  python -m http.server -d site           the built site works from any static host
"""


@click.command(epilog=EXAMPLES)
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Stop with exit status 1 when MkDocs reports any warning.")
@click.option("--site-dir", type=click.Path(file_okay=False), default=None,
              help="Where to write the site [default: from config, site/].")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="The MkDocs configuration [default: mkdocs.yml beside the project settings].")
@click.option("--serve", is_flag=True, help="Serve the site with live reload instead (mkdocs serve).")
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address for --serve.")
@input_options
def command(strict: bool, site_dir: str | None, config_file: str | None, serve: bool, dev_addr: str,
            **paths: str | None) -> int:
    """Build the review site with MkDocs and the litreview plugin.

    Same as `mkdocs build --strict` run with the project's mkdocs.yml, but the
    site folder and the inputs come from [tool.litreview]. No network is used:
    fonts, scripts and styles are all served from the site itself.
    """
    # Material 9.8 prints a notice about MkDocs 2.0 on every build unless told not to.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    settings = config_from(site_dir=site_dir)
    mkdocs_yml = Path(config_file).resolve() if config_file else settings.path("mkdocs_config")
    if not mkdocs_yml.is_file():
        raise ConfigError("MkDocs configuration not found", path=str(mkdocs_yml), hint=_no_mkdocs_hint(settings))
    site = settings.path("site_dir").resolve()
    # The plugin reads [tool.litreview]; input paths given here reach it through the environment.
    chosen = config_from(paths)
    _check_site_dir(site, mkdocs_yml, chosen)
    saved = {var: os.environ.get(var) for var in ENV_OVERRIDES.values()}
    for name, value in paths.items():
        if value is not None:
            os.environ[ENV_OVERRIDES[name]] = env_value(getattr(chosen, name))
    handler = _log_to_stderr()
    try:
        if serve:
            return _serve(mkdocs_yml, strict, dev_addr)
        return _build(mkdocs_yml, site, strict)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        for var, value in saved.items():
            if value is None:
                os.environ.pop(var, None)
            else:
                os.environ[var] = value


def _build(mkdocs_yml: Path, site: Path, strict: bool) -> int:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    try:
        with _docs_dir(mkdocs_yml) as docs:
            config = load_config(config_file=str(mkdocs_yml), strict=strict, site_dir=str(site), docs_dir=docs)
            return _build_into(config, mkdocs_yml, site)
    except (ConfigurationError, Abort) as exc:
        _unknown_plugin_option(mkdocs_yml)
        # MkDocs has logged the details above; Abort carries only "Aborted with a configuration error!".
        detail = "" if isinstance(exc, Abort) else f": {exc}"
        raise ConfigError(f"invalid MkDocs configuration{detail}", path=str(mkdocs_yml),
                          hint="see https://www.mkdocs.org/user-guide/configuration/") from None
    except RecursionError:  # PyYAML composes nested lists and mappings by recursion
        raise ConfigError("invalid MkDocs configuration: it nests lists or mappings too deeply to read",
                          path=str(mkdocs_yml), hint="see https://www.mkdocs.org/user-guide/configuration/") from None


def _unknown_plugin_option(mkdocs_yml: Path) -> None:
    """ConfigError at the line of an option litreview's plugin does not know (MkDocs names neither line nor fix)."""
    from ..mkdocs_options import option_names, unknown_option

    try:
        found = unknown_option(mkdocs_yml.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return
    if found is not None:
        name, line, near = found
        raise ConfigError(f"the litreview plugin has no option {name!r}", path=str(mkdocs_yml), line=line,
                          hint=(f"did you mean {near!r}? " if near else "")
                          + f"known options: {', '.join(option_names())}")


@contextlib.contextmanager
def _docs_dir(mkdocs_yml: Path) -> Iterator[str | None]:
    """An empty docs folder when mkdocs.yml's does not exist: litreview generates every page itself.

    None keeps mkdocs.yml's own (MkDocs ignores options set to None)."""
    import yaml
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with mkdocs_yml.open("rb") as handle:
            data = yaml_load(handle) or {}
    except (OSError, ValueError, yaml.YAMLError, ConfigurationError, RecursionError):
        data = {}  # MkDocs reports a broken file itself, with its details
    docs = data.get("docs_dir", "docs") if isinstance(data, dict) else "docs"
    if isinstance(docs, str) and (mkdocs_yml.parent / docs).is_dir():
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="litreview-docs-") as empty:
        yield empty


def _build_into(config: Any, mkdocs_yml: Path, site: Path) -> int:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort

    # MkDocs empties its site folder first: build beside it and swap in only a finished site,
    # so a failed build (or Ctrl-C) leaves the previous site as it was.
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(site)
        staging = Path(tempfile.mkdtemp(prefix=f".{site.name}.building-", dir=site.parent))
    except OSError as exc:  # the site is built beside its folder, so that folder's parent must be writable
        raise WriteError(f"cannot build the site here: {exc.strerror}", path=str(site),
                         hint="choose a folder you can write to, e.g. --site-dir site (or site_dir in the "
                              "settings); the site is built beside it, then moved in") from exc
    config["site_dir"] = str(staging)
    kept = "the previous site is kept" if site.exists() else "no site was written"
    # MkDocs names the folder it builds in ("Building documentation to directory: .../.site.building-x1y2"):
    # the reader knows the site's, which is where the pages end up.
    named = _NamedAs(str(staging), str(site))
    handlers = logging.getLogger("mkdocs").handlers
    for handler in handlers:
        handler.addFilter(named)
    try:
        try:
            build(config)
        except Abort as exc:
            if "BuildError" in str(exc):
                raise InputError(f"the site was not built (the error is above); {kept}",
                                 path=str(mkdocs_yml)) from None
            click.echo(f"error: {exc}; {kept}", err=True)
            return 1
        with signals_deferred():  # Ctrl-C now would leave the old site or the staging folder half removed
            _swap_in(staging, site)
    finally:
        for handler in handlers:
            handler.removeFilter(named)
        with signals_deferred():
            shutil.rmtree(staging, ignore_errors=True)
    click.echo(f"site written to {site}", err=True)
    return 0


class _NamedAs(logging.Filter):
    """Log messages with the folder ``staging`` named as ``site``."""

    def __init__(self, staging: str, site: str) -> None:
        super().__init__()
        self.staging, self.site = staging, site

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.staging in message:
            record.msg, record.args = message.replace(self.staging, self.site), ()
        return True


#: A staging folder older than this beside the site is a killed build's (SIGKILL, a power cut), not a running one's.
STALE_BUILD_SECONDS = 3600.0


def _remove_leftovers(site: Path) -> None:
    """Remove what killed builds left beside ``site``: old sites being removed, and stale staging folders."""
    import glob
    import time

    now, name = time.time(), glob.escape(site.name)
    for pattern, age in ((f".{name}.old-*", 0.0), (f".{name}.building-*", STALE_BUILD_SECONDS)):
        for folder in site.parent.glob(pattern):
            with contextlib.suppress(OSError):
                if folder.is_dir() and not folder.is_symlink() and now - folder.stat().st_mtime >= age:
                    shutil.rmtree(folder, ignore_errors=True)


def _swap_in(staging: Path, site: Path) -> None:
    """Replace ``site`` by ``staging`` with two renames (the old site is removed afterwards)."""
    old = None
    try:
        if site.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
            os.replace(site, old / site.name)
        try:
            os.replace(staging, site)
        except OSError:
            if old is not None:
                os.replace(old / site.name, site)
            raise
    except OSError as exc:  # a site folder that is a mount point, or one another program holds (Windows)
        raise WriteError(f"cannot move the built site into place: {exc.strerror}; the previous site is kept",
                         path=str(site), hint="choose a folder of its own that can be replaced, e.g. --site-dir "
                                              "site (a mount point cannot be)") from exc
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _port_free(dev_addr: str) -> None:
    """ConfigError in one line when the address cannot be listened on (busy port, bad address)."""
    host, _, port_text = dev_addr.rpartition(":")
    if not host or not port_text.isdigit():
        raise ConfigError(f"--dev-addr {dev_addr!r} is not HOST:PORT", hint="e.g. --dev-addr 127.0.0.1:8000")
    port = int(port_text)
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as exc:
            busy = exc.errno == errno.EADDRINUSE
            reason = "is already in use" if busy else f"cannot be used ({exc.strerror})"
            raise ConfigError(f"port {port} on {host} {reason}",
                              hint=f"stop the other server, or pick another port: --dev-addr {host}:{port + 1}"
                              ) from None


def _serve(mkdocs_yml: Path, strict: bool, dev_addr: str) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, ConfigurationError

    _port_free(dev_addr)
    try:
        with _docs_dir(mkdocs_yml) as docs:
            serve(config_file=str(mkdocs_yml), strict=strict, dev_addr=dev_addr, docs_dir=docs)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        raise ConfigError(f"{dev_addr} is already in use", hint="pick another port with --dev-addr") from None
    except ConfigurationError as exc:
        raise ConfigError(f"invalid MkDocs configuration: {exc}", path=str(mkdocs_yml)) from None
    except Abort as exc:
        raise InputError(f"the site was not served: {exc} (the error is above)", path=str(mkdocs_yml)) from None
    return 0


def _no_mkdocs_hint(settings: Config) -> str:
    """What to do without mkdocs.yml: in a review set up with an essay file, the init that writes it again."""
    essay = settings.path("essay") if settings.source_file and settings.essay else None
    if essay is not None and essay.is_file() and essay.name != Path(settings.source_file or "").name:
        import shlex

        return (f"run from the project folder, or pass --config path/to/mkdocs.yml; `litreview init "
                f"{shlex.quote(settings.essay)}` writes it again (and keeps the files that exist)")
    return ("run from the project folder, or pass --config path/to/mkdocs.yml; a review not set up yet gets one "
            "from `litreview init paper.md`")


def _check_site_dir(site: Path, mkdocs_yml: Path, settings: Config) -> None:
    """ConfigError when building into ``site`` would destroy anything but a site built before.

    MkDocs empties its site folder and the build swaps the new site in for the old one, so the
    folder must be a folder of its own: not the project or a parent of it, not a file, not a
    folder holding the review's inputs, and not a folder of other files."""
    hint = "choose a folder of its own, e.g. --site-dir site (or site_dir = \"site\" in the settings)"
    project = mkdocs_yml.parent
    if site == project or site in project.parents or site == Path(site.anchor):
        raise ConfigError("the site folder would contain the project, and MkDocs empties it first",
                          path=str(site), hint=hint)
    if site.exists() and not site.is_dir():
        raise ConfigError("the site folder is a file: building would replace it with the site", path=str(site),
                          hint=hint)
    inputs = [mkdocs_yml] + ([Path(settings.source_file)] if settings.source_file else [])
    inputs += [p for name in ("essay", "bibliography", "claims", "metadata") if getattr(settings, name)
               for p in settings.paths(name)]
    for path in inputs:
        path = path.resolve()
        if path == site or site in path.parents:
            raise ConfigError(f"the site folder holds {path.name}, an input of the review: building would replace "
                              "it with the site", path=str(site), hint=hint)
    if site.is_dir() and any(site.iterdir()) and not any((site / name).is_file() for name in _SITE_MARKS):
        raise ConfigError("the site folder holds files but no built site (no index.html): building would "
                          "replace them with the site", path=str(site),
                          hint=hint + "; or remove the folder if its files can go")


#: Files every site MkDocs builds has: a folder holding none of them is not a site built before.
_SITE_MARKS = ("index.html", "sitemap.xml", "404.html")


def _log_to_stderr() -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.INFO)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler
