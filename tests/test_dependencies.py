"""The declared runtime dependencies are exactly the third-party packages the code imports."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Imported only by training code, declared in the ``train`` extra (numpy is also imported at run time, by
# linking/nearest.py for thousands of claims, and declared as a runtime dependency).
TRAINING_ONLY = {"pypandoc"}  # refparse/synth.py: the synthetic references of ``train --synthetic N``
# Windows-only standard module, imported behind a platform check.
PLATFORM = {"msvcrt"}
# Declared and never imported: the theme the site names in its mkdocs.yml.
USED_BY_NAME = {"mkdocs-material"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~; \[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def imported_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "litreview").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "litreview" and m not in PLATFORM}


def test_every_imported_package_is_declared_and_every_declared_one_imported() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"]}
    train = {_name(r) for r in project["optional-dependencies"]["train"]}
    dists = packages_distributions()
    modules = imported_modules()
    needed = {m: {d.lower().replace("_", "-") for d in dists.get(m, [m])} for m in modules}
    undeclared = sorted(m for m, names in needed.items()
                        if not names & (train if m in TRAINING_ONLY else declared))
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"
    runtime = {d for m, names in needed.items() if m not in TRAINING_ONLY for d in names}
    unused = sorted(declared - runtime - USED_BY_NAME)
    assert not unused, f"declared in pyproject.toml but never imported by litreview/: {unused}"


def test_the_suite_cannot_reach_the_internet() -> None:
    import socket

    import pytest

    # Names and addresses that lead nowhere even without the guard: a reserved top-level domain
    # (RFC 6761) and TEST-NET-1 (RFC 5737). Only the guard's own message passes.
    with pytest.raises(OSError, match="never touch the network"):
        socket.getaddrinfo("registry.invalid", 443)
    with socket.socket() as sock, pytest.raises(OSError, match="never touch the network"):
        sock.connect(("192.0.2.1", 80))
