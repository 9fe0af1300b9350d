"""URL checks (HEAD, then GET where HEAD is refused) and the Wayback Machine's closest snapshot.

The checks run through ``http.Http`` like every other request; ``urls_from`` and the
decision of what counts as broken are pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

from ..model import UrlCheck
from .http import FetchFailed, Http, Unreachable

#: Statuses after which a HEAD is retried as a GET: servers that refuse or mishandle HEAD.
_RETRY_AS_GET = frozenset({400, 401, 403, 404, 405, 406, 429, 500, 501, 503})


def checkable(url: str) -> str:
    """'' when the URL can be checked, otherwise why not (only http and https are fetched)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        return f"not an http(s) URL: {url!r}"
    if not parts.hostname:
        return f"URL has no host: {url!r}"
    return ""


def host_pool(url: str) -> str:
    """One politeness pool per host."""
    return "web:" + (urlsplit(url).hostname or "").lower()


def answered(check: UrlCheck) -> bool:
    """True when the site itself answered (2xx-4xx): a result worth keeping in the snapshot.

    Timeouts, refused connections, 5xx and 429 may pass; they are reported but not stored.
    """
    return check.status is not None and check.status < 500 and check.status != 429


async def check_url(http: Http, url: str, *, checked_at: str) -> UrlCheck:
    """HEAD the URL (redirects followed); if HEAD is refused or fails, GET it once more."""
    url = url.strip()
    problem = checkable(url)
    if problem:
        return UrlCheck(url=url, ok=False, error=problem, checked_at=checked_at)
    pool = host_pool(url)
    resp = None
    try:
        resp = await http.get(url, pool=pool, accept="*/*", json_body=False, method="HEAD", attempts=1)
    except FetchFailed:
        resp = None  # a HEAD that failed outright (5xx, timeout, reset): the GET decides
    except Unreachable as exc:
        return UrlCheck(url=url, ok=False, error=exc.message, checked_at=checked_at)
    if resp is None or resp.status in _RETRY_AS_GET:
        try:
            resp = await http.get(url, pool=pool, accept="*/*", json_body=False, read_body=False, attempts=2)
        except (FetchFailed, Unreachable) as exc:
            return UrlCheck(url=url, ok=False, status=getattr(exc, "status", None), error=exc.message,
                            checked_at=checked_at)
    ok = 200 <= resp.status < 300
    final = resp.url if resp.redirects else ""
    error = "" if ok else f"HTTP {resp.status}"
    return UrlCheck(url=url, ok=ok, status=resp.status, final_url=final, error=error, checked_at=checked_at)


def wayback_query(base: str, url: str, urldate: str = "") -> str:
    """The availability API URL; ``timestamp`` asks for the snapshot closest to the access date."""
    params = {"url": url}
    stamp = "".join(c for c in urldate if c.isdigit())[:8]
    if stamp:
        params["timestamp"] = stamp
    return f"{base}/wayback/available?{urlencode(params)}"


def parse_wayback(data: Any) -> str:
    """The closest available snapshot's URL from an availability API answer, or ''."""
    if not isinstance(data, Mapping):
        return ""
    closest = (data.get("archived_snapshots") or {}).get("closest") or {}
    if isinstance(closest, Mapping) and closest.get("available") and isinstance(closest.get("url"), str):
        snap = closest["url"]
        return snap if checkable(snap) == "" else ""
    return ""


async def closest_snapshot(http: Http, base: str, url: str, urldate: str = "") -> tuple[str, Any]:
    """(snapshot URL or '', raw answer) from the Wayback availability API."""
    resp = await http.get(wayback_query(base, url, urldate), pool="wayback", attempts=3)
    if resp.status != 200:
        raise FetchFailed(f"Wayback availability API answered {resp.status}", status=resp.status, url=resp.url)
    return parse_wayback(resp.data), resp.data
