"""litreview: review an essay's citations.

The public API is listed in ``__all__``; everything else is internal.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not from typing: `import litreview` and `litreview --help` need no typing module

#: public name -> the module that defines it. Imported on first use, so that
#: ``litreview --help`` and ``import litreview.cli`` load nothing they do not print.
_WHERE = {
    "Config": "config", "load_config": "config", "build_review": "review",
    **{name: "errors" for name in ("BibliographyError", "ClaimsFileError", "ConfigError", "EssayError", "InputError",
                                   "LitreviewError", "OfflineError", "RegistryError", "WriteError")},
    **{name: "model" for name in ("Bibliography", "Claim", "Essay", "Finding", "Link", "Linkage", "Mention", "Person",
                                  "RegistryRecord", "Review", "Source", "SourceMetadata")},
}

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time __getattr__ loads these
    from typing import Any

    from .config import Config, load_config
    from .errors import (
        BibliographyError,
        ClaimsFileError,
        ConfigError,
        EssayError,
        InputError,
        LitreviewError,
        OfflineError,
        RegistryError,
        WriteError,
    )
    from .model import (
        Bibliography,
        Claim,
        Essay,
        Finding,
        Link,
        Linkage,
        Mention,
        Person,
        RegistryRecord,
        Review,
        Source,
        SourceMetadata,
    )
    from .review import build_review


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'litreview' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__version__ = "0.1.0"

__all__ = [
    "Bibliography",
    "BibliographyError",
    "Claim",
    "ClaimsFileError",
    "Config",
    "ConfigError",
    "Essay",
    "EssayError",
    "Finding",
    "InputError",
    "Link",
    "Linkage",
    "LitreviewError",
    "Mention",
    "OfflineError",
    "Person",
    "RegistryError",
    "RegistryRecord",
    "Review",
    "Source",
    "SourceMetadata",
    "WriteError",
    "__version__",
    "build_review",
    "load_config",
]
