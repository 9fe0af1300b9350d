"""Reusing the source pages of the last site build.

Before MkDocs empties ``site/``, the source-page folder is moved aside with one rename
(``keep_built_pages``); pages whose cache key still matches (``find_reusable``) and whose file
has the size, mtime and inode the last build recorded (``save_stamps``) go back instead of
being removed and written again. Pages not in ``site/`` come from the pack (``SiteCache``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from ..model import Review
    from .index import ReviewIndex
    from .layout import Layout
    from .sitecache import SiteCache


def keep_built_pages(pages: Path, cache: Path) -> Path | None:
    """Move the last build's source pages (``pages``) into the cache folder; where they went, or None."""
    if not pages.is_dir() or not cache.is_dir():
        return None
    kept = cache / "kept"
    try:
        remove(kept)
        os.rename(pages, kept)
    except OSError:  # another disk, say: MkDocs removes the pages as usual
        return None
    return kept


def find_reusable(review: Review, layout: Layout, store: SiteCache, kept: Path | None,
                  site: Path, index: ReviewIndex | None = None) -> tuple[dict[str, bytes | None], dict[str, str]]:
    """(pages reused: their bytes, or None for those put back in site/; keys of the pages to build).
    ``index``: ``index_review(review)``, where the caller has made it already."""
    from .site import source_page_digests

    reused: dict[str, bytes | None] = {}
    keys: dict[str, str] = {}
    found = {}
    for path, inputs in source_page_digests(review, layout, index).items():
        key = store.key(path, inputs)
        if store.has(path, key):
            found[path] = key
        else:
            keys[path] = key
    for path in restore(kept, site, layout, store, found):
        built = site / built_path(layout, path)
        store.use(path, _reader(built))
        reused[path] = None
        del found[path]
    for path, key in found.items():
        page = store.get(path, key)
        if page is None:
            keys[path] = key
        else:
            reused[path] = page
    return reused, keys


def _reader(path: Path) -> Callable[[], bytes | None]:
    from .sitecache import read_quietly

    return lambda: read_quietly(path)


def restore(kept: Path | None, site: Path, layout: Layout, store: SiteCache, found: dict[str, str]) -> set[str]:
    """Put back the kept pages of ``found`` that are in site/ as the last build left them (same stamp);
    remove everything else that was kept. The pages put back."""
    if kept is None:
        return set()
    target = site / layout.sources_dir
    if not found or store.site_dir != os.path.abspath(site) or target.exists():
        remove(kept)
        return set()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(kept, target)
    except OSError:
        remove(kept)
        return set()
    back, names = set(), set()
    start = len(layout.sources_dir) + 1
    for path in found:
        built = built_path(layout, path)
        if store.stamp(path) == stamp(site, built, layout.sources_dir):
            back.add(path)
            names.add(built[start:].split("/", 1)[0])
    with os.scandir(target) as entries:
        stale = [Path(e.path) for e in entries if e.name not in names]
    for old in stale:
        remove(old)
    return back


def save_stamps(store: SiteCache, site: Path, layout: Layout, paths: Iterable[str]) -> None:
    """Record where this build wrote the source pages ``paths`` and their stamps, and save the cache."""
    stamps = {path: stamp(site, built_path(layout, path), layout.sources_dir) for path in paths}
    store.set_stamps(os.path.abspath(site), {p: s for p, s in stamps.items() if s is not None})
    store.save()


def built_path(layout: Layout, path: str) -> str:
    """Where MkDocs writes the page ``path`` in site/."""
    url = layout.url(path)
    return url + "index.html" if url == "" or url.endswith("/") else url


def stamp(site: Path, built: str, folder: str) -> list[int] | None:
    """Size, mtime and inode of a built page, and the mtime of its own folder (an entry added or
    removed there changes it); None when it is not a plain file."""
    import stat

    try:
        st = os.stat(site / built, follow_symlinks=False)
        parent = built.rsplit("/", 1)[0]
        folder_time = os.stat(site / parent, follow_symlinks=False).st_mtime_ns if parent != folder else -1
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino, folder_time] if stat.S_ISREG(st.st_mode) else None


def remove(path: Path | None) -> None:
    """Remove a file or folder tree if it is there (a symlink itself, never what it points to)."""
    import shutil

    if path is None:
        return
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def site_key(config: MkDocsConfig, files: Files) -> str:
    """What every page's HTML depends on besides its own content: litreview's code and version, the
    installed packages, every setting of mkdocs.yml (theme, nav, plugins, extensions) and the other
    docs pages (their titles are in the navigation). Not the docs folder's path: `litreview build` makes a new
    empty one for each build of a project that has none, and its pages' bytes are counted below."""
    import hashlib

    from ..cache import code_key

    parts: list[object] = [code_key()]
    for name in sorted(config):
        if name in ("site_dir", "docs_dir", "config_file_path", "watch", "dev_addr", "plugins", "theme", "strict"):
            continue
        parts.append((name, stable(config[name])))
    theme = config.theme
    parts.append(("theme", theme.name, sorted((k, stable(v)) for k, v in theme.items()), list(theme.dirs)))
    if theme.custom_dir and Path(theme.custom_dir).is_dir():
        parts += sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in Path(theme.custom_dir).rglob("*") if p.is_file())
    for name, plugin in config.plugins.items():
        parts.append((name, type(plugin).__qualname__, sorted((k, stable(v)) for k, v in plugin.config.items())))
    for file in files.documentation_pages():
        if not file.generated_by:
            parts.append((file.src_uri, hashlib.sha256(file.content_bytes).hexdigest()))
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def stable(value: object, depth: int = 0) -> str:
    """A repr that names no memory address (such a value makes the key differ every build: a miss)."""
    if depth > 8:
        return type(value).__qualname__
    if isinstance(value, str | int | float | bool | type(None)):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ",".join(stable(v, depth + 1) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{stable(k, depth + 1)}:{stable(v, depth + 1)}"
                              for k, v in sorted(value.items(), key=repr)) + "}"
    if hasattr(value, "__fspath__") or type(value).__repr__ is not object.__repr__:
        return f"{type(value).__qualname__}:{value!r}"
    if hasattr(value, "__dict__"):
        return f"{type(value).__qualname__}:{stable(dict(vars(value)), depth + 1)}"
    return type(value).__qualname__
