"""litreview: review an essay's citations.

The public API is listed in ``__all__``; everything else is internal.
"""

from __future__ import annotations

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
