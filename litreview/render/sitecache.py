"""Built pages kept between site builds, so a rebuild renders only the pages whose inputs changed.

Keyed like the check cache (``litreview.cache``): a page's key is a hash of everything the page
shows, the site's settings, and litreview's version and code. The pages' bytes live in one pack
file and their keys, offsets and search entries in one index, in ``.litreview-cache/site/``; a
rebuild appends the pages it rendered and rewrites the index (atomically, under the index's lock).
A miss, a corrupt, foreign or half-written file, or an unwritable folder is never an error: the
page is rendered again.

The index also keeps a stamp (size, mtime, inode) of each page as the last build left it in site/:
an adapter may leave such a page where it is rather than write the same bytes again.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..cache import sha256

FORMAT = 1
"""Bumped when the layout of the index or the pack changes."""
INDEX = "index.json"
#: The pack is rewritten with only the live pages when more than this share of it is dead.
DEAD_SHARE = 0.5
_CORRUPT = (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError)


def fingerprint(*parts: object) -> str:
    """sha256 of the repr of litreview's frozen values (dataclasses, tuples, mappings, strings, numbers):
    equal values, equal reprs; the type names are in the repr, so values of different types differ."""
    return sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


class SiteCache:
    """The pages of the last builds in ``folder`` for one ``site_key`` (settings, theme, version, code).

    ``get`` during a build, ``put`` the pages rendered, ``save`` once at the end.
    """

    def __init__(self, folder: str | os.PathLike[str], site_key: str) -> None:
        self.folder = Path(folder)
        self.site_key = site_key
        self._index_raw = b""
        self._pack = ""
        self._entries: dict[str, dict[str, Any]] = {}
        self._used: set[str] = set()
        self._fresh: dict[str, tuple[str, bytes, list[dict[str, str]]]] = {}
        self._readers: dict[str, Callable[[], bytes | None]] = {}
        self._stamps: dict[str, list[int]] = {}
        #: The site folder the stamps describe (absolute), as the last build recorded it.
        self.site_dir = ""
        self._new_site_dir = ""
        self._load()

    def key(self, path: str, inputs: str) -> str:
        """The key of the page at ``path`` whose inputs hash to ``inputs``."""
        return sha256(f"{self.site_key}\n{path}\n{inputs}".encode("utf-8", "surrogatepass")).hexdigest()

    def has(self, path: str, key: str) -> bool:
        """Whether the index holds the page at ``path`` for ``key`` (its bytes are not read)."""
        entry = self._entries.get(path)
        return entry is not None and entry.get("key") == key

    def stamp(self, path: str) -> list[int] | None:
        """The stamp of the page at ``path`` as the last build left it in ``site_dir``."""
        stamp = self._entries.get(path, {}).get("stamp")
        return stamp if isinstance(stamp, list) and all(isinstance(n, int) for n in stamp) else None

    def use(self, path: str, read: Callable[[], bytes | None]) -> None:
        """Keep the page at ``path`` (found with ``has``) without reading it; ``read`` gives its bytes
        should the pack need them (a pack that lost the page is mended from them)."""
        self._used.add(path)
        self._readers[path] = read

    def set_stamps(self, site_dir: str, stamps: dict[str, list[int]]) -> None:
        """Where this build wrote its pages and their stamps (saved with the index)."""
        self._new_site_dir, self._stamps = site_dir, stamps

    def get(self, path: str, key: str) -> bytes | None:
        """The built page kept for ``key``, or None (a miss, or a pack that does not hold it intact)."""
        entry = self._entries.get(path)
        if entry is None or entry.get("key") != key or not self._pack:
            return None
        try:
            offset, length, crc = entry["at"]
            with open(self.folder / self._pack, "rb") as handle:
                handle.seek(offset)
                data = handle.read(length)
        except _CORRUPT:
            return None
        if len(data) != length or zlib.crc32(data) != crc:
            return None
        self._used.add(path)
        return data

    def search(self, path: str) -> list[dict[str, str]]:
        """The search entries kept with the page at ``path`` (after a ``get`` that found it)."""
        entries = self._entries.get(path, {}).get("search")
        if not isinstance(entries, list):
            return []
        return [e for e in entries if isinstance(e, dict) and all(isinstance(v, str) for v in e.values())]

    def put(self, path: str, key: str, page: bytes, search: Iterable[dict[str, str]] = ()) -> None:
        """Keep a page this build rendered."""
        self._fresh[path] = (key, page, list(search))

    def set_search(self, path: str, search: Iterable[dict[str, str]]) -> None:
        """The search entries of a page ``put`` earlier (the index is written after the pages)."""
        if path in self._fresh:
            key, page, _ = self._fresh[path]
            self._fresh[path] = (key, page, list(search))

    def save(self) -> None:
        """Write the pages put and keep those got; a second writer since ``load`` wins, nothing is lost."""
        from ..errors import WriteError
        from ..fileio import write_atomic
        from ..safewrite import locked

        restamped = self._new_site_dir != self.site_dir or any(
            self._entries.get(path, {}).get("stamp") != stamp for path, stamp in self._stamps.items())
        lost = bool(self._pack) and not (self.folder / self._pack).is_file()
        if not self._fresh and self._used == set(self._entries) and not restamped and not lost:
            return
        index = self.folder / INDEX
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not (self.folder.parent / ".gitignore").exists():
                write_atomic(self.folder.parent / ".gitignore",
                             "# made by litreview: a local cache, never committed\n*\n")
            with locked(index, timeout=5):
                if (read_quietly(index) or b"") != self._index_raw:
                    return  # another build wrote the cache meanwhile: its pages stand
                entries = {path: self._entries[path] for path in self._used}
                live = sum(e["at"][1] for e in entries.values())
                old = self.folder / self._pack if self._pack else None
                size = old.stat().st_size if old is not None and old.exists() else 0
                if old is None or size == 0 or (size - live) > DEAD_SHARE * (size + 1):
                    pack, chunks = self._compact(entries, old)
                else:
                    pack, chunks = self._pack, []
                    with open(old, "ab") as handle:
                        for page in _laid_out(self._fresh, handle.tell(), entries):
                            handle.write(page)
                        handle.flush()
                        os.fsync(handle.fileno())
                if chunks:
                    write_atomic(self.folder / pack, b"".join(chunks))
                entries = {path: {**entry, "stamp": self._stamps[path]} if path in self._stamps
                           else {k: v for k, v in entry.items() if k != "stamp"} for path, entry in entries.items()}
                text = json.dumps({"format": FORMAT, "site": self.site_key, "pack": pack, "pages": entries,
                                   "site_dir": self._new_site_dir},
                                  ensure_ascii=False, separators=(",", ":"))
                write_atomic(index, text)
                if pack != self._pack and old is not None:
                    old.unlink(missing_ok=True)
        except (WriteError, OSError, TimeoutError):
            return

    def _compact(self, entries: dict[str, dict[str, Any]],
                 old: Path | None) -> tuple[str, list[bytes]]:
        """A new pack of the live pages (kept ones re-read from the old pack) and the fresh ones."""
        chunks: list[bytes] = []
        offset = 0
        kept = {}
        for path, entry in entries.items():
            data = self.get(path, entry["key"]) if old is not None else None
            if data is None and path in self._readers:
                data = self._readers[path]()
            if data is not None:
                chunks.append(data)
                kept[path] = _entry(entry["key"], offset, data, entry.get("search") or [])
                offset += len(data)
        chunks.extend(_laid_out(self._fresh, offset, kept))
        entries.clear()
        entries.update(kept)
        return f"pages-{os.urandom(6).hex()}.bin", chunks

    def _load(self) -> None:
        raw = read_quietly(self.folder / INDEX) or b""
        self._index_raw = raw
        try:
            data = json.loads(raw) if raw else None
            if (not isinstance(data, dict) or data.get("format") != FORMAT or data.get("site") != self.site_key
                    or not isinstance(data.get("pages"), dict)):
                return
            pack = data["pack"]
            if not isinstance(pack, str) or "/" in pack or "\\" in pack or not pack.startswith("pages-"):
                return
            entries = {}
            for path, entry in data["pages"].items():
                at = entry["at"]
                if (isinstance(entry.get("key"), str) and isinstance(at, list) and len(at) == 3
                        and all(isinstance(n, int) and n >= 0 for n in at)):
                    entries[path] = entry
            self._pack, self._entries = pack, entries
            site_dir = data.get("site_dir")
            self.site_dir = site_dir if isinstance(site_dir, str) else ""
        except _CORRUPT:
            return


class SiteFragments:
    """Parts of one page kept in a ``SiteCache`` beside the pages (``essay_page.Fragments``: the essay's paragraphs),
    each as ``page#name``: a part whose inputs changed is a miss, as a page is."""

    def __init__(self, store: SiteCache, page: str) -> None:
        self.store, self.page = store, page

    def get(self, name: str, inputs: str) -> str | None:
        path = f"{self.page}#{name}"
        data = self.store.get(path, self.store.key(path, inputs))
        try:
            return None if data is None else data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def put(self, name: str, inputs: str, html: str) -> None:
        path = f"{self.page}#{name}"
        self.store.put(path, self.store.key(path, inputs), html.encode("utf-8", "surrogatepass"))


def _entry(key: str, offset: int, page: bytes, search: list[dict[str, str]]) -> dict[str, Any]:
    return {"key": key, "at": [offset, len(page), zlib.crc32(page)], "search": search}


def _laid_out(fresh: dict[str, tuple[str, bytes, list[dict[str, str]]]], offset: int,
              entries: dict[str, dict[str, Any]]) -> list[bytes]:
    """The fresh pages in the order they go into the pack from ``offset`` on, each entered in ``entries`` at its
    place."""
    pages = []
    for path, (key, page, search) in fresh.items():
        pages.append(page)
        entries[path] = _entry(key, offset, page, search)
        offset += len(page)
    return pages


def read_quietly(path: Path) -> bytes | None:
    """The file's bytes, or None when it cannot be read (a cache treats that as a miss)."""
    try:
        return path.read_bytes()
    except OSError:
        return None
