"""Hand-built Review fixtures for the site tests (tests/cases/site_*/), and a MkDocs build helper.

A case folder holds ``refs.bib`` (parsed by the loader) and ``review.json`` (the essay,
links, registry metadata and findings, written by hand), so the site can be tested
without the linking, registry and checks stages.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from litreview.bibliography.load import parse_bibliography
from litreview.model import (
    Claim,
    DoiSuggestion,
    Essay,
    Finding,
    Link,
    Linkage,
    Mismatch,
    Paragraph,
    Person,
    RegistryRecord,
    Review,
    SourceMetadata,
    TextQuoteSelector,
    Update,
    UrlCheck,
)

CASES = Path(__file__).resolve().parent / "cases"


def load_case(name: str) -> Review:
    """The Review described by tests/cases/<name>/."""
    folder = CASES / name
    bib_text = (folder / "refs.bib").read_text(encoding="utf-8")
    bibliography = parse_bibliography(bib_text, "refs/bibliography.bib")
    data = json.loads((folder / "review.json").read_text(encoding="utf-8"))
    essay = _essay(data["essay"]) if data.get("essay") else None
    linkage = Linkage(links=tuple(Link(**lk) for lk in data.get("links", ())))
    metadata = {key: _metadata(key, value) for key, value in data.get("metadata", {}).items()}
    findings = tuple(Finding(**f) for f in data.get("findings", ()))
    return Review(bibliography=bibliography, essay=essay, metadata=metadata, linkage=linkage, findings=findings)


def _essay(data: dict[str, Any]) -> Essay:
    paragraphs = []
    offset = 0
    line = 1
    for number, para in enumerate(data["paragraphs"], start=1):
        texts = [c["text"] for c in para["claims"]]
        text = para.get("text") or " ".join(texts)
        claims = []
        cursor = 0
        for sentence, (c, t) in enumerate(zip(para["claims"], texts, strict=True), start=1):
            at = text.find(t, cursor)
            cursor = at + len(t)
            claims.append(Claim(id=c["id"], paragraph=number, sentence=sentence, text=t,
                                selector=TextQuoteSelector(exact=t), line=line,
                                start=offset + at, end=offset + cursor))
        paragraphs.append(Paragraph(number=number, text=text, line=line, claims=tuple(claims)))
        offset += len(text) + 2
        line += 2
    body = "\n\n".join(p.text for p in paragraphs)
    return Essay(path=data.get("path", "essay.md"), body=body, meta=data.get("meta", {}),
                 paragraphs=tuple(paragraphs))


def _people(items) -> tuple[Person, ...]:
    return tuple(Person(**p) for p in items or ())


def _metadata(key: str, data: dict[str, Any]) -> SourceMetadata:
    record = None
    if data.get("record"):
        r = dict(data["record"])
        r["authors"] = _people(r.get("authors"))
        r["editors"] = _people(r.get("editors"))
        r["updates"] = tuple(Update(**u) for u in r.get("updates", ()))
        record = RegistryRecord(**r)
    return SourceMetadata(
        key=key, status=data["status"], record=record, fetched_at=data.get("fetched_at", ""),
        stale=data.get("stale", False),
        mismatches=tuple(Mismatch(**m) for m in data.get("mismatches", ())),
        suggestion=DoiSuggestion(**data["suggestion"]) if data.get("suggestion") else None,
        url_check=UrlCheck(**data["url_check"]) if data.get("url_check") else None,
        reason=data.get("reason", ""),
    )


MKDOCS_YML = """\
site_name: "litreview test site"
docs_dir: docs
site_dir: site
theme:
  name: material
  font: false
markdown_extensions:
  - admonition
  - attr_list
  - tables
  - toc:
      permalink: true
plugins:
  - search
  - litreview
"""


def build_site(review: Review, folder: Path, *, strict: bool = True, extra_yml: str = "") -> Path:
    """Build a Material site for ``review`` in ``folder`` with the real plugin; return site/."""
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(MKDOCS_YML + extra_yml, encoding="utf-8")
    config = load_config(config_file=str(folder / "mkdocs.yml"), strict=strict)
    config.plugins["litreview"].load_review = lambda settings: review
    build(config)
    return folder / "site"


def test_basic_case_is_consistent():
    review = load_case("site_basic")
    keys = set(review.bibliography.keys)
    claims = {c.id for c in review.essay.claims}
    assert len(review.bibliography.sources) == 4
    assert all(lk.source_key in keys and lk.claim_id in claims for lk in review.linkage.links)
    assert set(review.metadata) <= keys


def test_hostile_case_loads():
    review = load_case("site_hostile")
    assert review.bibliography.sources
    assert review.essay is not None and review.essay.claims
