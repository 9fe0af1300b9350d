"""Benchmark the review site: the essay's build, and a synthetic 10,000-source review.

Run from the repository root: ``python bench/bench_site.py`` (``--quick`` for 1,000
sources and claims, ``--size N`` and ``--runs N`` to choose). Baselines in the same run:

1. ``litreview build`` of refs/ (the essay), in-process: target under 10 s.
2. The synthetic review through the plugin against a plain ``mkdocs build`` of the
   same number of Markdown pages (same theme, search on, pages outside the nav):
   target at most 1.5x.
3. Page weight per page kind of the essay's site: the page's HTML, the stylesheets and
   scripts it links, and what its search loads (worker, index); and the whole site/ folder.
   ``--weight SITE`` measures an already built site/ (e.g. one built from another commit).
4. ``--incremental`` (also at the end of every other run): the synthetic review (2,000 sources unless ``--size``) built cold, then rebuilt
   after one entry's title changed, with the page cache: target at most 0.2x the cold build.
   Each pair runs in a fresh folder (cold = no .litreview-cache/); wall and CPU time.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _goals import goal  # noqa: E402

sys.path.insert(0, str(ROOT))

from litreview.bibliography.load import parse_bibliography  # noqa: E402
from litreview.model import (  # noqa: E402
    Citation,
    Claim,
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
)

WORDS = ["power", "order", "anarchy", "security", "alliance", "norms", "institutions", "theory", "war", "peace",
         "cooperation", "state", "sovereignty", "diplomacy", "intelligence", "strategy", "deterrence"]
FAMILIES = ["Holsti", "Waltz", "Keohane", "Nye", "Wendt", "Bull", "Müller", "O'Neil", "García", "Smith"]
THEME = """\
site_name: bench
docs_dir: docs
theme:
  name: material
  font: false
markdown_extensions: [admonition, attr_list, tables, {toc: {permalink: true}}]
"""


def synthetic_review(n: int, seed: int = 7) -> Review:
    """n sources and n claims (10 per paragraph), each claim linked to one or two sources."""
    rng = random.Random(seed)
    entries = []
    for i in range(n):
        title = " ".join(rng.choice(WORDS) for _ in range(6)).title()
        family = rng.choice(FAMILIES)
        if i % 3 == 0:
            entries.append(f"@article{{k{i},\n  author = {{{family}, A. and Other, B.}},\n  title = {{{title}}},\n"
                           f"  journal = {{Security Studies}},\n  volume = {{{i % 40}}},\n  pages = {{1--20}},\n"
                           f"  year = {{{1950 + i % 70}}},\n  doi = {{10.1000/b{i}}},\n}}")
        else:
            entries.append(f"@book{{k{i},\n  author = {{{family}, A.}},\n  title = {{{title}}},\n"
                           f"  publisher = {{Press}},\n  address = {{Cambridge}},\n  year = {{{1950 + i % 70}}},\n}}")
    bibliography = parse_bibliography("\n\n".join(entries) + "\n", "refs/bibliography.bib")
    paragraphs, links, findings, offset = [], [], [], 0
    for p in range(n // 10):
        claims = []
        for s in range(10):
            text = " ".join(rng.choice(WORDS) for _ in range(14)).capitalize()
            cid = f"p{p + 1}-s{s + 1}"
            key = f"k{(p * 10 + s) % n}"
            # As the Markdown reader gives them: every claim read for citations, one in two citing its source
            # in brackets (its mark stands there on the essay page), the others linked by attribution.
            cites: tuple[Citation, ...] = ()
            if s % 2:
                bracket = f"[@{key}]"
                cites = (Citation(key, len(text) + 1, len(text) + 1 + len(bracket), f"@{key}"),)
                text += " " + bracket
            text += "."
            claims.append(Claim(cid, p + 1, s + 1, text, TextQuoteSelector(text), 2 * p + 1, offset, offset + len(text),
                                citations=cites))
            offset += len(text) + 1
            links.append(Link(cid, key, "marker" if cites else "attribution", 0.9, "confirmed", text[:12],
                              note="A note."))
            if s % 3 == 0:
                links.append(Link(cid, f"k{rng.randrange(n)}", "topical", 0.3, "suggested", "shared words"))
            if s % 5 == 0:
                findings.append(Finding("LR302", "warning", "An authority has no entry.", "Add it.", claim_id=cid))
        paragraphs.append(Paragraph(p + 1, " ".join(c.text for c in claims), 2 * p + 1, tuple(claims)))
    metadata = {}
    for source in bibliography.sources:
        if source.doi:
            record = RegistryRecord(source.doi, "crossref", "journal-article", source.title, "",
                                    (*source.authors, Person("Third", "C.")), (), source.year, source.container,
                                    abstract="<jats:p>An <jats:italic>abstract</jats:italic>.</jats:p>")
            metadata[source.key] = SourceMetadata(source.key, "verified", record, "2026-01-01T00:00:00Z",
                                                  mismatches=(Mismatch("authors", "", "", "missing"),))
            findings.append(Finding("LR201", "warning", "Authors differ from the registry.", key=source.key))
        else:
            metadata[source.key] = SourceMetadata(source.key, "no-doi")
    essay = Essay("refs/essay.md", "", {}, tuple(paragraphs))
    return Review(bibliography, essay, metadata, Linkage(tuple(links)), tuple(findings))


def build_with_plugin(review: Review, folder: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(THEME + "plugins: [search, litreview]\n", encoding="utf-8")
    start = time.perf_counter()
    config = load_config(config_file=str(folder / "mkdocs.yml"), strict=True)
    config.plugins["litreview"].load_review = lambda settings: review
    build(config)
    return time.perf_counter() - start


def edited(review: Review, index: int) -> Review:
    """The review with the title of entry ``index`` changed (what a contributor's fix looks like)."""
    from dataclasses import replace

    sources = list(review.bibliography.sources)
    sources[index] = replace(sources[index], title=sources[index].title + " Revisited")
    return replace(review, bibliography=replace(review.bibliography, sources=tuple(sources)))


def timed(build, *args) -> tuple[float, float]:
    """(wall, CPU) seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    build(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def report_incremental(size: int, runs: int, work: Path) -> None:
    """Cold build, then a rebuild after one edit, ``runs`` pairs; medians of wall and CPU time."""
    os.environ["LITREVIEW_NO_CACHE"] = "0"  # the cache on, CI or not
    review = synthetic_review(size)
    cold, warm = [], []
    for i in range(runs):
        folder = work / f"incremental{i}"
        cold.append(timed(build_with_plugin, review, folder))
        warm.append(timed(build_with_plugin, edited(review, (i * 7919) % size), folder))
    for name, pairs in (("cold build", cold), ("rebuild after one edit", warm)):
        print(f"{name} of {size:,} sources: wall {statistics.median(p[0] for p in pairs):.2f} s, "
              f"CPU {statistics.median(p[1] for p in pairs):.2f} s  (medians of {runs})")
    ratio = statistics.median(w[0] / c[0] for c, w in zip(cold, warm, strict=True))
    cpu_ratio = statistics.median(w[1] / c[1] for c, w in zip(cold, warm, strict=True))
    print(f"rebuild / cold: wall {ratio:.2f}x, CPU {cpu_ratio:.2f}x  (target <= 0.2x) "
          f"{'OK' if ratio <= 0.2 else 'SLOW'}")
    goal(f"Site rebuild after one edit / cold build, {size:,} sources (CPU)", cpu_ratio, 0.2,
         detail=f"wall {ratio:.2f}x, medians of {runs}")


def plain_pages(n: int, folder: Path) -> None:
    """n Markdown pages about the size of a source page, plus six pages in the nav."""
    docs = folder / "docs"
    (docs / "sources").mkdir(parents=True, exist_ok=True)
    for name in ("index", "essay", "bibliography", "checks", "map", "downloads"):
        (docs / f"{name}.md").write_text(f"# {name.title()}\n\nSome text.\n", encoding="utf-8")
    body = ("## Claims relying on this source\n\n" + "1. A claim of the essay, quoted here. [Claim](../essay.md)\n" * 3
            + "\n## Bibliography and registry\n\n| Field | Bibliography | Registry |\n|---|---|---|\n"
            + "| title | A title | A title |\n" * 6 + "\n## BibTeX\n\n```\n@book{k,\n  title = {T},\n}\n```\n")
    for i in range(n):
        (docs / "sources" / f"k{i}.md").write_text(f"# Source {i}\n\nAuthor, A. *Title {i}*. Press, 2000.\n\n{body}",
                                                   encoding="utf-8")
    nav = "nav: [index.md, essay.md, bibliography.md, checks.md, map.md, downloads.md]\nnot_in_nav: /sources/\n"
    (folder / "mkdocs.yml").write_text(THEME + "plugins: [search]\n" + nav, encoding="utf-8")


def build_plain(folder: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    build(load_config(config_file=str(folder / "mkdocs.yml"), strict=True))
    return time.perf_counter() - start


def build_essay(folder: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(folder / "site"))
    build(config)
    return time.perf_counter() - start


def run_cli(folder: Path) -> float:
    import subprocess

    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "litreview", "build", "--site-dir", str(folder / "site")], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


#: One page of each kind of the essay's site (site-relative paths of the HTML files).
PAGE_KINDS = {"home": "index.html", "essay": "essay/index.html", "bibliography": "bibliography/index.html",
              "checks": "checks/index.html", "codes": "codes/index.html", "map": "map/index.html",
              "downloads": "downloads/index.html", "source": "sources/holsti2004taming/index.html",
              "404": "404.html"}


def page_weight(site: Path, page: str) -> tuple[int, int]:
    """(HTML bytes, bytes a browser loads for the page): the HTML, its linked CSS and JS, the search worker
    and index (the theme's search loads both on every page). Images and fonts: none (font: false)."""
    import re
    from urllib.parse import urljoin, urlsplit

    html_file = site / page
    html = html_file.read_text(encoding="utf-8")
    base = "http://site/" + page
    loaded = set()
    for ref in re.findall(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"', html):
        url = urlsplit(urljoin(base, ref))
        if url.netloc == "site":
            loaded.add(url.path.lstrip("/"))
    loaded.update(p.relative_to(site).as_posix() for p in (site / "assets" / "javascripts" / "workers").glob("*.js"))
    loaded.add("search/search_index.json")
    total = len(html.encode("utf-8")) + sum((site / p).stat().st_size for p in loaded if (site / p).is_file())
    return len(html.encode("utf-8")), total


def report_weights(site: Path) -> None:
    print(f"page weight of {site} (KB: the HTML alone / everything the page loads):")
    for kind, page in PAGE_KINDS.items():
        if (site / page).is_file():
            html, total = page_weight(site, page)
            print(f"  {kind:<13} {html / 1024:7.1f} / {total / 1024:7.1f}")
        else:
            print(f"  {kind:<13} (no such page)")
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    print(f"  whole site/: {size / 1024 / 1024:.2f} MB in {sum(1 for p in site.rglob('*') if p.is_file())} files")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 sources and claims instead of 10,000")
    parser.add_argument("--size", type=int, default=None, help="number of sources and of claims")
    parser.add_argument("--runs", type=int, default=None, help="runs per measurement (median is reported)")
    parser.add_argument("--weight", type=Path, default=None, metavar="SITE",
                        help="only report the page weights of an already built site/ folder")
    parser.add_argument("--essay-only", action="store_true", help="only the essay's build and page weights")
    parser.add_argument("--incremental", action="store_true",
                        help="only the cold build against a rebuild after one edit (2,000 sources by default)")
    args = parser.parse_args(argv)
    if args.weight:
        report_weights(args.weight)
        return 0
    size = args.size or (1000 if args.quick else 2000 if args.incremental else 10_000)
    runs = args.runs or (3 if size <= 2000 else 1)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.incremental:
            report_incremental(size, runs, work)
            return 0
        os.chdir(ROOT)
        builds = [timed(build_essay, work / f"essay{i}") for i in range(runs)]
        essay = statistics.median(wall for wall, _ in builds)
        # CPU beside wall: on a shared machine the wall time moves with the load, the CPU time much less
        # (compare_trees.py --site pairs two trees' builds).
        essay_cpu = statistics.median(cpu for _, cpu in builds)
        print(f"essay build (refs/, strict, in-process): {essay:.2f} s, CPU {essay_cpu:.2f} s  (target < 10 s) "
              f"{'OK' if essay < 10 else 'SLOW'}")
        goal("Essay site build, in-process (wall)", essay, 10.0, unit="s",
             detail=f"median of {runs}, CPU {essay_cpu:.2f} s")
        report_weights(work / "essay0" / "site")
        if args.essay_only:
            return 0
        cli = statistics.median(run_cli(work / f"cli{i}") for i in range(runs))
        print(f"`litreview build` of the essay (new process, wall time): {cli:.2f} s  (target < 10 s) "
              f"{'OK' if cli < 10 else 'SLOW'}")
        start = time.perf_counter()
        review = synthetic_review(size)
        print(f"synthetic review of {size:,} sources, {len(review.essay.claims):,} claims, "
              f"{len(review.linkage.links):,} links, {len(review.findings):,} findings made in "
              f"{time.perf_counter() - start:.1f} s (not timed below)")
        plain_pages(size, work / "plain")
        plain, ours = [], []
        for i in range(runs):
            plain.append(build_plain(work / "plain"))
            ours.append(build_with_plugin(review, work / f"ours{i}"))
        p, o = statistics.median(plain), statistics.median(ours)
        ratio = o / p
        print(f"plain mkdocs build of {size + 6:,} Markdown pages: {p:.2f} s")
        print(f"litreview site of the same review ({size + 6:,} pages + data files): {o:.2f} s")
        print(f"ratio: {ratio:.2f}x  (target <= 1.5x) {'OK' if ratio <= 1.5 else 'SLOW'}")
        goal(f"Site of {size:,} sources / plain mkdocs build of as many pages (wall)", ratio, 1.5,
             detail=f"{o:.1f} s vs {p:.1f} s, median of {runs}")
        report_incremental(2000, 3, work)  # the rebuild goal is stated at 2,000 sources
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
