"""The table of registry handlers: every registry litreview knows, in fallback order.

Pools, limits, agency names, record formats, URL settings and fake-server routes are
all read from here; adding a registry is adding its module's ``HANDLER`` below.
"""

from __future__ import annotations

from .handler import Handler

_MODULES = ("crossref", "datacite", "doi_org", "openalex", "arxiv", "ncbi", "openlibrary", "googlebooks", "dblp",
            "semanticscholar")


def _load() -> tuple[Handler, ...]:
    from importlib import import_module

    return tuple(import_module(f"{__package__}.{name}").HANDLER for name in _MODULES)


HANDLERS: tuple[Handler, ...] = _load()


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
