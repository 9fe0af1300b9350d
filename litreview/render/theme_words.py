"""Material's own words in the site's language, for the few labels the review adds to the theme's page.

Read from the installed theme's translation table (``partials/languages/<lang>.html``, a Jinja macro over a
dictionary of quoted strings) as data: the template is never run. A language or word Material lacks gives the
English one.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

# One entry of the table: "action.skip": "Zum Inhalt", (a JSON string literal, as Jinja reads it).
_ENTRY = re.compile(r'^\s*"([A-Za-z0-9_.-]+)"\s*:\s*("(?:[^"\\\n]|\\.)*")\s*,?\s*$', re.MULTILINE)
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?")


def _languages_folder() -> Path | None:
    from importlib.util import find_spec

    spec = find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "templates" / "partials" / "languages"


@lru_cache(maxsize=16)
def theme_words(language: str) -> dict[str, str]:
    """Material's translation table for ``language`` (its ``theme.language``), or an empty one."""
    folder = _languages_folder()
    if folder is None or not _LANGUAGE.fullmatch(language):
        return {}
    try:
        text = (folder / f"{language}.html").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    words = {}
    for key, quoted in _ENTRY.findall(text):
        try:
            word = json.loads(quoted)
        except ValueError:
            continue
        if isinstance(word, str) and word.strip():
            words[key] = word
    return words


def theme_word(language: str | None, key: str, english: str) -> str:
    """Material's word ``key`` in ``language``; ``english`` where Material has none. Not escaped."""
    return theme_words(language or "en").get(key, english)
