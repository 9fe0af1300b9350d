"""The exception tree for failures that stop a command.

    LitreviewError            anything litreview raises on purpose (exit status 2)
    ├── ConfigError           a bad setting in pyproject.toml, mkdocs.yml or the environment
    ├── InputError            an input file is missing, unreadable or malformed
    │   ├── BibliographyError the .bib has problems (carries them as findings)
    │   ├── EssayError        the essay is empty, not UTF-8, or has no paragraphs
    │   └── ClaimsFileError   the curated claims file is malformed
    ├── RegistryError         a registry could not be reached or answered nonsense
    │   └── OfflineError      the command needs the network and there is none
    └── WriteError            a file could not be written (nothing was changed)

Every message says what failed, where (file and line when known) and what to do.
Problems that do not stop a command are findings (``litreview.model.Finding``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Finding


class LitreviewError(Exception):
    """Base class: a failure with a message meant for the user."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class ConfigError(LitreviewError):
    """A setting is missing or invalid."""


class InputError(LitreviewError):
    """An input file is missing, unreadable or malformed."""


class BibliographyError(InputError):
    """The bibliography could not be loaded cleanly; ``problems`` lists each one."""

    def __init__(self, message: str, problems: tuple[Finding, ...] = (), **kwargs) -> None:
        super().__init__(message, **kwargs)
        self.problems = problems

    def __str__(self) -> str:
        if not self.problems:
            return super().__str__()
        lines = [self.message]
        for p in self.problems:
            where = f"{p.file}:{p.line}: " if p.line else (f"{p.file}: " if p.file else "")
            lines.append(f"{where}{p.code} {p.message}")
            if p.hint:
                lines.append(f"  hint: {p.hint}")
        return "\n".join(lines)


class EssayError(InputError):
    """The essay cannot be read or segmented."""


class ClaimsFileError(InputError):
    """The curated claims file is malformed."""


class RegistryError(LitreviewError):
    """A registry could not be reached or answered something unusable."""


class OfflineError(RegistryError):
    """The command needs the network and none is available."""


class WriteError(LitreviewError):
    """A file could not be written; the original is untouched."""
