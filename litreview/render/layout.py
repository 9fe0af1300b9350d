"""Where each page of the site lives, and the relative links between them.

Source pages are named from citation keys, which are contributor text: ``key_slug``
encodes them so that no key can climb out of the folder or clash with another.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

_SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_MAX_SLUG = 120
#: Names Windows keeps for devices, whatever the extension: a folder ``sources/con/`` cannot be opened there.
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


def key_slug(key: str) -> str:
    """A file-name-safe, case-safe, reversible-looking encoding of a citation key.

    Lower-case letters, digits and ``-`` stay; an upper-case letter becomes ``_`` and
    the letter (so keys differing in case differ on case-insensitive disks too);
    anything else becomes ``~`` and its UTF-8 bytes in hex. Long keys are cut and
    completed with a hash of the whole key. A Windows device name (``con``, ``aux``,
    ``com1``...) has its last letter encoded the same way, so its folder opens on Windows;
    dots and spaces (which Windows drops at the end of a name) are always encoded.
    A key that is a URL (Manubot's ``http://zotero.org/groups/1/items/8C92G7E2``) is named by its
    last part instead (``url_slug``).
    """
    if _URL_KEY.match(key):
        return url_slug(key)
    out: list[str] = []
    for ch in key:
        if ch in _SAFE:
            out.append(ch)
        elif "A" <= ch <= "Z":
            out.append("_" + ch.lower())
        else:
            out.append("".join(f"~{b:02x}" for b in ch.encode("utf-8")))
    slug = "".join(out) or "~"
    if slug in _RESERVED:
        slug = slug[:-1] + f"~{ord(slug[-1]):02x}"
    if len(slug) > _MAX_SLUG:
        slug = slug[:100] + "~~" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return slug


def url_slug(key: str) -> str:
    """The slug of a key that is a URL: its last non-empty ``/`` part (the host when it has none), lower case, each
    run of other characters than letters and digits one ``-``, at most 60 of them; then ``~~`` and 16 hex digits of a
    hash of the whole key, which keeps apart keys of one last part or differing in case. A slug of ``key_slug``'s
    encoding has no ``~~`` (a ``~`` there is followed by two hex digits), or has it at character 100, cut: none is
    one of these."""
    rest = key.split("://", 1)[1]
    last = next((part for part in reversed(rest.split("/")) if part), "")
    name = "-".join(_NOT_SAFE.split(last.lower())).strip("-")[:60].strip("-") or "url"
    return f"{name}~~{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


_URL_KEY = re.compile(r"(?:url:)?[A-Za-z][A-Za-z0-9+.-]{0,15}://[^/]")
_NOT_SAFE = re.compile(r"[^a-z0-9]+")


def check_path(value: str, *, page: bool) -> str | None:
    """Why ``value`` is not an acceptable relative page (or folder) path, or None."""
    if not value or value.startswith("/") or "\\" in value:
        return "must be a relative path with forward slashes"
    parts = value.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "must not contain empty, '.' or '..' parts"
    if page and not value.endswith(".md"):
        return "must end in .md"
    return None


@lru_cache(maxsize=1 << 16)
def _relative(source: str, target: str) -> str:
    """The link from the page at URL ``source`` to URL ``target`` (both site-relative); a large site asks
    for the same few thousand pairs again and again."""
    base = source.rsplit("/", 1)[0] if "/" in source else ""
    rel = posixpath.relpath(target or ".", base or ".")
    if target == "" or target.endswith("/"):
        rel = "./" if rel == "." else rel.rstrip("/") + "/"
    return rel


@dataclass(frozen=True)
class Layout:
    """Paths of the generated pages (relative to the docs folder) and how URLs look."""

    home: str = "index.md"
    essay: str = "essay.md"
    bibliography: str = "bibliography.md"
    checks: str = "checks.md"
    codes: str = "codes.md"
    map: str = "map.md"
    downloads: str = "downloads.md"
    sources_dir: str = "sources"
    downloads_dir: str = "downloads"
    assets_dir: str = "assets/litreview"
    use_directory_urls: bool = True

    def source(self, key: str) -> str:
        """The page of one source."""
        return f"{self.sources_dir}/{key_slug(key)}.md"

    def download(self, name: str) -> str:
        """A file offered on the downloads page."""
        return f"{self.downloads_dir}/{name}"

    def asset(self, name: str) -> str:
        """A stylesheet or script of the site."""
        return f"{self.assets_dir}/{name}"

    def url(self, path: str) -> str:
        """The site-relative URL of a page or file, as MkDocs will write it."""
        if not path.endswith(".md"):
            return path
        stem = path[:-3]
        if not self.use_directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def href(self, from_page: str, to: str, fragment: str = "") -> str:
        """A relative link from one page to a page or file, with an optional #fragment."""
        rel = _relative(self.url(from_page), self.url(to))
        if fragment:
            rel += "#" + quote(fragment, safe="")
        return rel
