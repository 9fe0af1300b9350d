"""The CSL items the synthetic references are rendered from: the corpus's test bibliographies (read by
pandoc) and the web pages of its CSL records, with the split that keeps a quarter of them held aside.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

#: Test files left out: JabRef's testjabref.bib is another benchmark's held-aside file; pandoc does not
#: finish on biber's cross-reference and xdata loops.
EXCLUDED = ("jablib_src_test_resources_testbib_testjabref.bib", "t_tdata_crossrefs.bib", "t_tdata_xdata.bib",
            "t_tdata_full-dot.bib")
#: CSL JSON records of real documents (DOI and URL lookups): their web pages with a site name
#: (container-title, which anystyle labels container-title as well) are rendered too.
CSL_RECORDS = ("csl/deep-review-references.json",)
_WEB_TYPES = {"webpage", "post-weblog", "post"}

_JUNK = re.compile(r"[<>{}$\\]|^[a-z]+-\s?\d+$", re.IGNORECASE)
"""Field values of parser tests, not of bibliographies: markup, LaTeX, "title-12"."""


def is_dev(name: str) -> bool:
    """The corpus's split of documents: dev when the first byte of sha1(name) is even."""
    return hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 0


def is_held_bibliography(name: str) -> bool:
    """A quarter of the bibliographies (by sha1 of their path) never feed the training material."""
    return hashlib.sha1(name.encode("utf-8")).digest()[0] % 4 == 0


def bibliographies(corpus: Path) -> list[tuple[str, Path]]:
    """(name, .bib) of the test suites and the dev manuscripts, sorted by name."""
    out = [(str(p.relative_to(corpus)), p) for p in sorted((corpus / "bibtex-suites").rglob("*.bib"))
           if p.name not in EXCLUDED]
    manifest = corpus / "manuscripts" / "manifest.json"
    for doc in json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else []:
        if is_dev(doc["name"]):
            out += [(f"manuscripts/{doc['name']}/{f}", corpus / "manuscripts" / doc["name"] / f)
                    for f in doc["files"] if f.endswith(".bib")]
    return sorted((n, p) for n, p in out if p.is_file())


def csl_records(corpus: Path) -> list[tuple[str, Path]]:
    """(name, CSL JSON file) of the corpus's records and of the dev manuscripts' Manubot builds."""
    out = [(name, corpus / name) for name in CSL_RECORDS]
    manifest = corpus / "manuscripts" / "manifest.json"
    for doc in json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else []:
        if is_dev(doc["name"]):
            out.append((f"manuscripts/{doc['name']}/output/references.json",
                        corpus / "manuscripts" / doc["name"] / "output" / "references.json"))
    return sorted((n, p) for n, p in out if p.is_file())


def web_pages(path: Path) -> list[dict[str, Any]]:
    """The file's web pages that name their site (container-title) and have a URL, without their note;
    [] when the file is unreadable."""
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    # their notes are the lookup tool's ("This CSL JSON Item was loaded by Manubot..."), not the page's
    return [{k: v for k, v in i.items() if k != "note"} for i in items
            if isinstance(i, dict) and is_web(i) and isinstance(i.get("title"), str) and isinstance(i.get("URL"), str)
            and not junk(i) and not any(re.search(r"\d", str(p)) for p in i.get("author") or ())]  # "Lowe 11"


def is_web(item: dict[str, Any]) -> bool:
    return item.get("type") in _WEB_TYPES and isinstance(item.get("container-title"), str)


def csl_items(pandoc: str, bib: Path) -> list[dict[str, Any]]:
    """The entries of ``bib`` (BibTeX, or CSL-JSON/CSL-YAML by its suffix) as CSL JSON (pandoc's reading);
    [] when pandoc cannot read the file."""
    items = pandoc_reading(pandoc, bib, timeout=20) or []
    return [i for i in items if isinstance(i, dict) and isinstance(i.get("title"), str) and not junk(i)
            and any(i.get(k) for k in ("author", "editor", "container-title", "publisher", "URL"))]


#: A Lua filter putting the references pandoc reads from ``--bibliography`` (``pandoc.utils.references``, the
#: reading its citeproc makes) into the document's metadata, which ``-t csljson`` writes.
_REFERENCES_FILTER = """function Pandoc(doc)
  doc.meta.references = pandoc.utils.references(doc)
  doc.meta.bibliography = nil
  return doc
end
"""


def pandoc_reading(pandoc: str, path: Path, timeout: float) -> list[Any] | None:
    """The items pandoc reads from the bibliography file ``path`` (``-t csljson``): BibTeX with ``-f bibtex``,
    CSL-JSON with ``-f csljson``, CSL-YAML as ``--bibliography`` reads it (every item cited; an item is read by its
    ``id`` alone, not ``ID``, which the markdown reader takes in front matter); None when pandoc refuses the file or
    does not finish."""
    from ..csl import is_csl

    if not is_csl(path):
        command, text = [pandoc, "-f", "bibtex", "-t", "csljson", str(path)], None
    elif path.suffix.lower() == ".json":
        command, text = [pandoc, "-f", "csljson", "-t", "csljson", str(path)], None
    else:
        return _bibliography_option_reading(pandoc, path, timeout)
    try:
        done = subprocess.run(command, input=None if text is None else text.encode("utf-8"), capture_output=True,
                              timeout=timeout, check=False)
        items = json.loads(done.stdout.decode("utf-8") or "[]") if done.returncode == 0 else None
    except (subprocess.TimeoutExpired, ValueError):
        return None
    return items if isinstance(items, list) else None


def _bibliography_option_reading(pandoc: str, path: Path, timeout: float) -> list[Any] | None:
    """The items of the CSL-YAML file ``path`` as ``pandoc --bibliography`` reads them, every one cited; None when
    pandoc refuses the file or does not finish."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        lua = Path(folder) / "references.lua"
        lua.write_text(_REFERENCES_FILTER, encoding="utf-8")
        command = [pandoc, "-f", "markdown", "-t", "csljson", "--bibliography", str(path), "--lua-filter", str(lua)]
        try:
            done = subprocess.run(command, input=b"---\nnocite: '@*'\n...\n", capture_output=True,
                                  timeout=timeout, check=False)
            items = json.loads(done.stdout.decode("utf-8") or "[]") if done.returncode == 0 else None
        except (subprocess.TimeoutExpired, ValueError):
            return None
    return items if isinstance(items, list) else None


def junk(item: Any) -> bool:
    if isinstance(item, str):
        return bool(_JUNK.search(item))
    if isinstance(item, dict):
        return any(junk(v) for k, v in item.items() if k != "id")
    return isinstance(item, list) and any(junk(v) for v in item)
