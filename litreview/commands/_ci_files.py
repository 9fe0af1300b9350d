"""The CI files `init` offers (the GitHub workflow, the pre-commit hook), placed where GitHub and pre-commit read them.

Both read their files at the repository's root only: a review kept in a subfolder of a larger
repository gets them there, running litreview in its folder.
"""

from __future__ import annotations

import json
import re
import shlex
from importlib import resources
from pathlib import Path

WORKFLOW = Path(".github") / "workflows" / "review.yml"
HOOKS = Path(".pre-commit-config.yaml")


def ci_files(root: Path, *, workflow: bool, pre_commit: bool) -> tuple[dict[Path, str], list[str]]:
    """(path -> text, notes): the files asked for, at the root of the repository holding ``root``."""
    from ..checks.gitref import repository_root

    top = repository_root(root) or root
    folder = root.relative_to(top).as_posix() if top != root else ""
    files: dict[Path, str] = {}
    if workflow:
        files[top / WORKFLOW] = workflow_text(folder)
    if pre_commit:
        files[top / HOOKS] = hook_text(folder)
    notes = [f"GitHub and pre-commit read their files at the repository's root ({top}): written there, "
             f"to run litreview in {folder}/"] if folder and files else []
    return files, notes


def _template(name: str) -> str:
    return resources.files("litreview").joinpath("templates", name).read_text(encoding="utf-8")


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:  # the template changed: say so rather than write a workflow that misses the folder
        raise AssertionError(f"templates: {old!r} is not in the workflow once")
    return text.replace(old, new)


def workflow_text(folder: str = "") -> str:
    """The review workflow; for a review in ``folder``, its commands run there and its paths start there."""
    text = _template("review.yml")
    if not folder:
        return text
    text = _replace_once(text, "permissions:\n  contents: read\n",
                         f"permissions:\n  contents: read\n\ndefaults:\n  run:\n    working-directory: "
                         f"{json.dumps(folder)}  # where the review's settings are\n")
    text = _replace_once(text, "sarif_file: litreview.sarif", f"sarif_file: {json.dumps(folder + '/litreview.sarif')}")
    return _replace_once(text, "path: site\n", f"path: {json.dumps(folder + '/site')}\n")


def hook_text(folder: str = "") -> str:
    """The local pre-commit hook; for a review in ``folder``, it runs there, on that folder's files."""
    text = _template("pre-commit-config.yaml")
    if not folder:
        return text
    # pre-commit splits the entry as a shell would, and runs it without a shell: litreview -C, not cd.
    text = _replace_once(text, "entry: litreview check --since HEAD\n",
                         f"entry: {json.dumps(f'litreview -C {shlex.quote(folder)} check --since HEAD')}\n")
    files = re.search(r"files: \(\?i\)(.*)\n", text)
    if files is None:
        raise AssertionError("templates: the hook has no files: (?i)... pattern")
    within = "(?i)^" + re.escape(folder + "/") + ".*" + files.group(1)
    return text.replace(files.group(0), f"files: {json.dumps(within)}\n")


__all__ = ["HOOKS", "WORKFLOW", "ci_files", "hook_text", "workflow_text"]
