"""The bibliographies pandoc's command-line options name (``--bibliography FILE``, ``-M bibliography=FILE``, a
metadata file's or a defaults file's ``bibliography:``): in a build script's pandoc command, or in R Markdown's
``pandoc_args``."""

from __future__ import annotations

from pathlib import Path

from .lazyre import lazy

_YAML_SUFFIXES = (".yaml", ".yml")
_SEPARATORS = frozenset({"&&", "||", ";", "|", ">", ">>"})
"""Words that end the pandoc command of a line."""
_METADATA_BIB = lazy(r"bibliography[ \t]*[=:][ \t]*(\S.*)")
_TAKING = frozenset({"--bibliography", "--metadata", "--metadata-file", "--defaults", "--output", "--csl", "--from",
                     "--to", "--read", "--write", "--template", "--resource-path", "--data-dir", "--lua-filter",
                     "--filter", "--citation-abbreviations", "--reference-doc", "--include-in-header",
                     "--include-before-body", "--include-after-body", "--variable", "--pdf-engine", "--log"})
"""pandoc's long options whose value may be the next word (``--bibliography refs.bib``)."""
_MAX_BYTES = 200_000
"""A defaults or metadata file larger than this is not read."""


def pandoc_bibliographies(words: list[str], folder: Path | None) -> list[str]:
    """The bibliographies named by pandoc's options among ``words`` (those after the word ``pandoc`` when there is
    one, up to the command's end): ``--bibliography FILE``, ``-M``/``--metadata bibliography=FILE``, and the
    ``bibliography:`` of a metadata file or a defaults file (``-d FILE``) in ``folder`` (none read without one)."""
    start = next((i + 1 for i, w in enumerate(words) if Path(w).name in ("pandoc", "pandoc.exe")), 0)
    names: list[str] = []
    taken = False  # the word is the value of the option before it (``--bibliography refs.bib``, ``-o out.yaml``)
    for i in range(start, len(words)):
        word, following = words[i], words[i + 1] if i + 1 < len(words) else ""
        if word in _SEPARATORS:
            break
        if taken:
            taken = False
            continue
        option, eq, value = word.partition("=")
        if option.startswith("--"):
            value, taken = (value, False) if eq else (following, option in _TAKING)
        elif word[:2] in ("-M", "-d", "-o"):
            option, value, taken = word[:2], word[2:] or following, not word[2:]
        elif not word.startswith("-") and folder is not None and Path(word).suffix.lower() in _YAML_SUFFIXES:
            names += _from_yaml(folder / word, metadata=True)  # an input file of metadata alone: pandoc meta.yaml a.md
            continue
        else:
            continue
        if option == "--bibliography":
            names.append(value)
        elif option in ("-M", "--metadata"):
            m = _METADATA_BIB.match(value)
            names += [m.group(1).strip()] if m else []
        elif folder is None:
            continue
        elif option == "--metadata-file":
            names += _from_yaml(folder / value, metadata=True)
        elif option in ("-d", "--defaults"):
            path = folder / value
            names += _from_yaml(path if path.suffix.lower() in _YAML_SUFFIXES else path.with_suffix(".yaml"))
    return names


def _from_yaml(path: Path, *, metadata: bool = False) -> list[str]:
    """The bibliographies a pandoc defaults file names (``bibliography:``, or under ``metadata:``), or a metadata
    file's ``bibliography:``; none when it cannot be read."""
    from .errors import InputError
    from .essay.yaml_meta import parse_yaml

    try:
        text = path.read_text(encoding="utf-8") if path.is_file() and path.stat().st_size <= _MAX_BYTES else ""
    except (OSError, UnicodeDecodeError):
        return []
    if not text:
        return []
    lines = text.strip().splitlines()
    if metadata and lines and lines[0].rstrip() == "---":  # a metadata block in a file of its own, delimited
        end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), len(lines))
        text = "\n".join(lines[1:end])
    try:
        data = parse_yaml(text, str(path), first_line=1, what=path.name, hint="fix the YAML")
    except InputError:
        return []
    if not isinstance(data, dict):
        return []
    inner = data.get("metadata")
    named = data.get("bibliography") if metadata or "bibliography" in data else (
        inner.get("bibliography") if isinstance(inner, dict) else None)
    return [n for n in (named if isinstance(named, list) else [named]) if isinstance(n, str) and n.strip()]
