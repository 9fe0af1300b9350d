"""The ``litreview`` entry of a MkDocs config's ``plugins``, read without MkDocs: its options as YAML nodes, and the
Markdown files its ``essay`` option lists (``essay: [ch1.md, ch2.md]``), which the essay readers join as pandoc joins
its inputs (``essay.pandoc_inputs``) with the config file standing for them, as a settings file's list does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MAX_BYTES = 1_000_000
"""A MkDocs config longer than this is not looked into for a list of essay files."""


def plugin_options(text: str) -> Any:
    """The YAML mapping node of the options the ``litreview`` entry of ``plugins`` gives (a list's
    ``- litreview: {...}``, or a mapping's ``litreview: {...}``); None when there is none or the text cannot be read
    (MkDocs says why). Composed, not constructed: MkDocs' own tags (``!ENV``, ``!!python/name:``) are left alone."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    plugins = _value(root, "plugins")
    items = plugins.value if isinstance(plugins, yaml.SequenceNode | yaml.MappingNode) else []
    for item in items:
        if isinstance(item, tuple):
            options = item[1] if getattr(item[0], "value", None) == "litreview" else None
        else:
            options = _value(item, "litreview")
        if isinstance(options, yaml.MappingNode):
            return options
    return None


def essay_list(path: Path) -> list[str]:
    """The files the litreview plugin's ``essay`` option lists in the MkDocs config ``path``, as written (relative to
    its folder); [] when the option is one file, absent, or the file cannot be read."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8") if path.is_file() and path.stat().st_size <= MAX_BYTES else ""
    except (OSError, UnicodeDecodeError):
        return []
    if "litreview" not in text or "essay" not in text:
        return []
    listed = _value(plugin_options(text), "essay")
    if not isinstance(listed, yaml.SequenceNode):
        return []
    return [item.value for item in listed.value if isinstance(item, yaml.ScalarNode) and item.value.strip()]


def _value(node: object, name: str) -> object:
    """The value a YAML mapping node gives ``name``, or None."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for key, value in node.value if getattr(key, "value", None) == name), None)
