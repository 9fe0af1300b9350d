"""The table of registry handlers: every module of this package that defines ``HANDLER``.

Pools, limits, agency names, record formats, settings (URLs, API keys), the fallback
routes of each identifier and the fake server's routes are all read from the handlers
found here; adding a registry is adding its module to this folder (no list to edit).
"""

from __future__ import annotations

from ..handler import Handler, Setting


def discover(package: str = __name__, path: list[str] | None = None) -> tuple[Handler, ...]:
    """The ``HANDLER`` of every module of ``package`` (folder ``path``), by rank then name."""
    import pkgutil
    from importlib import import_module

    found: list[Handler] = []
    for module in pkgutil.iter_modules(__path__ if path is None else path):
        handler = getattr(import_module(f"{package}.{module.name}"), "HANDLER", None)
        if isinstance(handler, Handler):
            found.append(handler)
    names = [h.name for h in found]
    if len(set(names)) != len(names):
        raise ValueError(f"two registry handlers share a name: {sorted(n for n in names if names.count(n) > 1)}")
    return tuple(sorted(found, key=lambda h: (h.rank, h.name)))


HANDLERS: tuple[Handler, ...] = discover()


def by_name(name: str) -> Handler:
    for handler in HANDLERS:
        if handler.name == name:
            return handler
    raise KeyError(name)


def for_format(fmt: str) -> Handler | None:
    """The handler that parses stored records of format ``fmt``."""
    return next((h for h in HANDLERS if fmt in h.formats), None)


def for_scheme(scheme: str) -> tuple[Handler, ...]:
    """Handlers that look up identifiers of ``scheme``, in fallback order (DOI resolution excepted)."""
    return tuple(h for h in HANDLERS if scheme in h.schemes and h.name not in ("crossref", "datacite", "doi"))


def routes(handlers: tuple[Handler, ...] | None = None) -> dict[str, tuple[str, ...]]:
    """Identifier scheme or search kind -> the registries asked, in fallback order (each handler's ``routes``)."""
    ranked: dict[str, list[tuple[int, int, str]]] = {}
    for place, handler in enumerate(HANDLERS if handlers is None else handlers):
        for scheme, priority in handler.routes:
            ranked.setdefault(scheme, []).append((priority, place, handler.name))
    return {scheme: tuple(name for *_, name in sorted(asked)) for scheme, asked in ranked.items()}


def settings(handlers: tuple[Handler, ...] | None = None) -> dict[str, Setting]:
    """Setting name -> the registry setting it is (URLs and API keys), from every handler."""
    return {s.name: s for h in (HANDLERS if handlers is None else handlers) for s in h.settings()}


def formats() -> frozenset[str]:
    return frozenset(f for h in HANDLERS for f in h.formats)


def agency_label(agency: str) -> str:
    """The name users see for an agency id ('' and 'unknown' mean doi.org answered)."""
    from .doi_org import OTHER_AGENCIES

    if agency in ("", "unknown"):
        return "doi.org"
    for handler in HANDLERS:
        if handler.name == agency:
            return handler.label
    return OTHER_AGENCIES.get(agency, agency)
