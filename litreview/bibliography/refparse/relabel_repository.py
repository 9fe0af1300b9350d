"""A rule over the tagger's labels for a code repository cited by its name (part of ``relabel``): the owner's and the
repository's names joined by a slash that the reference's own link ends with ("numpy/numpy", "https://github.com/
numpy/numpy") are the work's title, as every style prints a repository with no title of its own ("jupyter/notebook:
https://…, last access: …", "numpy, Numpy/numpy, https://…, consulté le …", "greenelab Greenelab/Hetmech Available
online: https://…"); the model, which saw few such names, read it as the link's, the names', or a date's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import fields as F
from .tagger import Tagged

#: what a repository's name may carry before and after it as printed ("‘Greenelab/Deep-Review’,", "numpy/numpy:")
_AROUND = "‘’“”\"'«».,:;()[]"


def repository_named_by_its_link(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """The word that is a repository's name ("owner/name"), the same as the last two parts of the path of a link the
    reference holds (case aside), is the title where the reading has no other title; the words just before it that
    are the owner's or the repository's name alone ("greenelab Greenelab/Hetmech", "matplotlib matplotlib,
    matplotlib/matplotlib") are the authors' where the reading has no other names. Not a name inside a longer title
    ("pandas-dev/pandas: Pandas 1.0.3", read as one), nor the link itself."""
    linked = {_bare(m.group(1)).casefold() for m in F.REPOSITORY_PATH.finditer(text)}
    if not linked:
        return tagged
    at = next((k for k, t in enumerate(tagged) if not F.is_url(t.token.text)
               and F.REPOSITORY_NAME.fullmatch(name := t.token.text.strip(_AROUND)) is not None
               and name.casefold() in linked), None)
    if at is None:
        return tagged
    parts = set(tagged[at].token.text.strip(_AROUND).casefold().split("/"))
    handle = at
    while handle > 0 and tagged[handle - 1].token.text.strip(_AROUND).casefold() in parts:
        handle -= 1
    if any(t.label == "title" for k, t in enumerate(tagged) if not handle <= k <= at):
        return tagged
    named = any(t.label in ("author", "editor") for k, t in enumerate(tagged) if not handle <= k < at)
    return [t._replace(label="title") if k == at
            else t._replace(label="author") if handle <= k < at and not named
            else t for k, t in enumerate(tagged)]


def _bare(path: str) -> str:
    """A repository's path as its name: no closing stop or ".git" ("numpy/numpy.git" is "numpy/numpy")."""
    path = path.rstrip(".")
    return path[:-4] if path.endswith(".git") else path
