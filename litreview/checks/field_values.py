"""A bibliography field's value as the checks read it: braces and runs of spaces aside."""

from __future__ import annotations

from collections.abc import Mapping

from ..lazyre import lazy

_BRACES = lazy(r"[{}]")


def plain(value: str) -> str:
    """A raw field value with braces removed and spaces collapsed."""
    if "{" not in value and "}" not in value and "  " not in value:
        return value.strip()
    return " ".join(_BRACES.sub("", value).split())


def has_field(fields: Mapping[str, str], name: str) -> bool:
    """Whether the entry gives ``name`` a value that is more than braces and spaces."""
    value = fields.get(name)
    if not value:
        return False
    first = value[0]
    if first != "{" and first != "}" and not first.isspace():  # plain(value) keeps it: not empty
        return True
    return bool(plain(value))
