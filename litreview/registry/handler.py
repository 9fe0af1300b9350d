"""What a registry handler is: one class per registry, found in ``handlers.HANDLERS``.

A handler owns everything about its registry: its settings (base URL, API key) with
their defaults and environment variables, where it sits in the fallback order of each
identifier or search it answers (``routes``), its request pools and their published
limits, how a request is built, how an answer is parsed into a ``RegistryRecord``, the
agency name shown to users and the routes the fake test server answers for it (modelled
on manubot's per-identifier handlers). Adding a registry is one module in
``registry/handlers/`` (found there by name, no list to edit) plus its fixtures and tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from .limits import Limits

if TYPE_CHECKING:
    from ..model import RegistryRecord


@dataclass(frozen=True, slots=True)
class Setting:
    """One user setting a handler reads: ``name`` in [tool.litreview], overridden by ``env``."""

    name: str
    """Setting name (``openalex_url``); the settings file also accepts it with dashes."""
    default: str
    env: str
    """Environment variable that overrides the file (``LITREVIEW_OPENALEX_URL``)."""
    doc: str
    kind: Literal["url", "key"] = "url"
    """url: must be an http(s) URL; key: an API key (a secret, never shown)."""


@dataclass(frozen=True, slots=True)
class PoolSpec:
    """One kind of request to a registry, with its starting limits before the server says otherwise."""

    name: str
    polite: Limits
    """With a contact address (mailto) or API key."""
    public: Limits
    """Without one."""
    counted: bool = True
    """Failures count towards the stop-at-10%-errors rule (Crossref's request; the other registries'
    failures leave their works unverified without stopping the run)."""
    adapt: bool = True
    """Follow the server's ``x-rate-limit-*`` headers; False where they mean something else
    (OpenAlex's ``X-RateLimit-Limit`` is a daily budget, not a rate per second)."""


@dataclass(frozen=True, slots=True)
class Answer:
    """A registry's answer about one identifier: a raw record, or its 'no such work'."""

    registry: str
    """Handler name (openalex, arxiv, ...)."""
    ident: str
    """The identifier asked about, with its scheme (``arxiv:1605.08386``)."""
    outcome: Literal["found", "not-found"]
    raw: Mapping[str, Any] | None
    url: str
    """The URL asked."""
    base: str
    """The registry base URL that answered (provenance)."""
    http_status: int
    synthetic: bool = False


@dataclass(frozen=True, slots=True)
class FakeReply:
    """What the fake server sends for one request (see ``Handler.fake_reply``)."""

    status: int
    body: bytes = b""
    ctype: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    synthetic: bool = False


class Handler:
    """The interface every registry handler implements (see the module docstring)."""

    name: ClassVar[str]
    """Short id, used in pools, snapshot files and findings (crossref, openalex, ...)."""
    label: ClassVar[str]
    """Name shown to users (Crossref, OpenAlex, ...)."""
    setting: ClassVar[str]
    """The setting holding the base URL (default ``{name}_url``)."""
    env: ClassVar[str]
    """The environment variable that overrides it (default ``LITREVIEW_{NAME}_URL``)."""
    default_url: ClassVar[str]
    """The real registry's base URL."""
    url_doc: ClassVar[str] = ""
    """What the URL setting is, for the settings' documentation."""
    key_doc: ClassVar[str] = ""
    """Non-empty when the registry takes an API key: setting ``{name}_api_key``, env
    ``LITREVIEW_{NAME}_API_KEY`` (read with ``api_key(config)``)."""
    rank: ClassVar[int] = 1000
    """Place in ``HANDLERS`` (the order of messages naming several registries): lower first."""
    routes: ClassVar[tuple[tuple[str, int], ...]] = ()
    """(identifier scheme or search kind, priority) pairs: ``lookups.ROUTES`` asks this registry about
    an entry's identifier of that scheme, after the registries of lower priority. Schemes of ``schemes``."""
    pools: ClassVar[tuple[PoolSpec, ...]] = ()
    formats: ClassVar[tuple[str, ...]] = ()
    """Stored record formats this handler parses."""
    schemes: ClassVar[tuple[str, ...]] = ()
    """Identifier schemes it can look up (doi, arxiv, pmid, pmcid, isbn, dblp, openalex)."""
    fake_prefix: ClassVar[str] = ""
    """Path under which the fake server serves this registry ('' for the root)."""
    budgeted_search: ClassVar[bool] = False
    """Its title searches cost a daily budget: asked only when the registries before it in the
    route found nothing (OpenAlex)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        name = cls.__dict__.get("name")
        if name:  # the conventional setting names, unless the class gives its own
            if "setting" not in cls.__dict__:
                cls.setting = f"{name}_url"
            if "env" not in cls.__dict__:
                cls.env = f"LITREVIEW_{name.upper()}_URL"

    @classmethod
    def settings(cls) -> tuple[Setting, ...]:
        """The user settings this handler reads (its base URL, and its API key if it takes one)."""
        url = Setting(cls.setting, cls.default_url, cls.env, cls.url_doc or f"{cls.label} base URL.")
        if not cls.key_doc:
            return (url,)
        return url, Setting(f"{cls.name}_api_key", "", f"LITREVIEW_{cls.name.upper()}_API_KEY", cls.key_doc, "key")

    def api_key(self, config: Any) -> str:
        """The configured API key ('' when none is set or the registry takes none)."""
        return str(getattr(config, f"{self.name}_api_key", "") or "") if self.key_doc else ""

    def base_url(self, config: Any) -> str:
        """The configured base URL (no trailing slash)."""
        return str(getattr(config, self.setting, "") or self.default_url).rstrip("/")

    def is_real(self, config: Any) -> bool:
        """True when the configured base URL is the real registry's."""
        return same_origin(self.base_url(config), self.default_url)

    def parse(self, fmt: str, raw: Mapping[str, Any], agency: str = "") -> RegistryRecord:
        raise NotImplementedError(f"{self.name} stores no records of format {fmt!r}")

    async def lookup(self, http: Any, config: Any, ident: str) -> Answer:
        """Ask the registry about ``scheme:value``; raises FetchFailed/Unreachable on failure."""
        raise NotImplementedError(f"{self.name} does not look up identifiers")

    def fake_reply(self, fake: Any, method: str, path: str, params: Mapping[str, list[str]],
                   headers: Mapping[str, str]) -> FakeReply | None:
        """The fake server's answer for ``path`` (relative to ``fake_prefix``); None: not mine."""
        return None


class OverBudget(Exception):
    """The registry's allowance for this client is used up (e.g. OpenAlex's keyless daily budget)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def answer(handler: Handler, ident: str, raw: Mapping[str, Any] | None, url: str, base: str, resp: Any,
           status: int | None = None) -> Answer:
    """An Answer from a response: found with ``raw``, or not-found when ``raw`` is None."""
    code = resp.status if status is None else status
    return Answer(handler.name, ident, "found" if raw is not None else "not-found", raw, url, base,
                  code, bool(getattr(resp, "synthetic", False)))


def json_reply(data: Any, status: int = 200, ctype: str = "application/json", **headers: str) -> FakeReply:
    """A fake reply carrying JSON (compact, as most APIs send it)."""
    import json

    return FakeReply(status, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), ctype,
                     dict(headers))


@lru_cache(maxsize=1024)
def origin(url: str) -> str:
    """scheme://host[:port] of a URL, lower-case ('' when it has none)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def same_origin(a: str, b: str) -> bool:
    """True when two base URLs name the same service (scheme, host, port and path)."""
    return origin(a) == origin(b) and _path(a) == _path(b)


@lru_cache(maxsize=1024)
def _path(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url.strip()).path.rstrip("/")
