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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._install_spec import Requirement

WORKFLOW = Path(".github") / "workflows" / "review.yml"
REQUIREMENT_VAR = "LITREVIEW_REQUIREMENT"
EXAMPLE = '"litreview @ git+https://github.com/OWNER/REPO@COMMIT"'
HOOKS = Path(".pre-commit-config.yaml")


def ci_files(root: Path, *, workflow: bool, pre_commit: bool) -> tuple[dict[Path, str], list[str], list[str]]:
    """(path -> text, notes, warnings): the files asked for, at the root of the repository holding ``root``;
    the workflow installs the litreview running now (``_install_spec``), and a warning says where to write
    how to install it when that cannot be known."""
    from ..checks.formats import one_line
    from ..checks.gitref import repository_root
    from . import _install_spec
    from ._init_bib import _rel

    top = repository_root(root) or root
    folder = root.relative_to(top).as_posix() if top != root else ""
    files: dict[Path, str] = {}
    warnings: list[str] = []
    notes = [f"GitHub and pre-commit read their files at the repository's root ({top}): written there, "
             f"to run litreview in {folder}/"] if folder and (workflow or pre_commit) else []
    if workflow and (top / WORKFLOW).exists():
        files[top / WORKFLOW] = workflow_text(folder)  # kept as it is: what it installs is the user's to say
    elif workflow:
        requirement = _install_spec.running_requirement()
        files[top / WORKFLOW] = text = workflow_text(folder, requirement)
        if requirement.spec is None:
            line = text[:text.index(f"  {REQUIREMENT_VAR}:")].count("\n") + 1
            warnings.append(f"{_rel(top / WORKFLOW, root)}:{line}: {REQUIREMENT_VAR} is empty, so the workflow's "
                            f"jobs stop at their install step: {one_line(requirement.note)}. Write there how CI "
                            f"installs this litreview, e.g. {EXAMPLE} (a commit pushed to its repository)")
        else:
            notes.append(f"the workflow installs {requirement.spec} ({one_line(requirement.note)})")
    if pre_commit:
        files[top / HOOKS] = hook_text(folder)
    return files, notes, warnings


def _template(name: str) -> str:
    return resources.files("litreview").joinpath("templates", name).read_text(encoding="utf-8")


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:  # the template changed: say so rather than write a workflow that misses the folder
        raise AssertionError(f"templates: {old!r} is not in the workflow once")
    return text.replace(old, new)


def workflow_text(folder: str = "", requirement: Requirement | None = None) -> str:
    """The review workflow, installing ``requirement`` (left empty when None or unknown, which stops its
    jobs with a message); for a review in ``folder``, its commands run there and its paths start there."""
    text = _template("review.yml")
    lines = ["  # What each job installs: this litreview, as `litreview init` found it installed, never the name",
             "  # alone from a package index (on PyPI, \"litreview\" is not this project)."]
    # The note names the user's own folder: it goes to the terminal, never into a file that is committed.
    if requirement is None or requirement.spec is None:
        lines.append("  # Unknown: `litreview init` could not tell where a CI runner can install it from (it said why "
                     "when it wrote this file).")
        lines.append(f"  # Write here how CI installs this litreview, e.g. {EXAMPLE}")
    # A YAML string, given to the shell as a variable (never its script's text): one word, never run.
    lines.append(f"  {REQUIREMENT_VAR}: {json.dumps((requirement.spec if requirement else None) or '')}")
    text = _replace_once(text, f"  {REQUIREMENT_VAR}: <requirement>\n", "\n".join(lines) + "\n")
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
