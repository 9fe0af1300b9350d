"""The whole site as a mapping from path (relative to the docs folder) to content.

``render_site`` is what the MkDocs adapter calls; it needs nothing but a Review,
a Layout and the options below, so any static-site tool could use it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from importlib import resources

from ..model import Review
from .bibtex import EntryTexts
from .citation import Citations
from .downloads import DESCRIPTIONS, download_files
from .essay_page import Fragments
from .graph import NARROW, map_svg
from .index import ReviewIndex, index_review
from .layout import Layout
from .pages import (
    CatalogueEntry,
    Download,
    bibliography_page,
    checks_page,
    codes_page,
    downloads_page,
    essay_page,
    home_page,
    map_page,
    source_page,
)

#: Files of ``litreview/render/assets`` served with every site.
ASSETS = ("litreview.css", "litreview.js")


def render_site(review: Review, layout: Layout | None = None, *, citations: Citations | None = None,
                root: str | None = None, catalogue: Sequence[CatalogueEntry] = (),
                downloads: dict[str, str] | None = None, skip: Collection[str] = (),
                index: ReviewIndex | None = None, fragments: Fragments | None = None) -> dict[str, str | bytes]:
    """Every generated page and data file, keyed by its path in the docs folder.

    ``root`` is the project folder, used to show file names relative to it;
    ``downloads`` replaces the default data files (e.g. with the checks' formatters);
    ``skip`` names source pages not to render (an adapter has them from an earlier build);
    ``index`` is ``index_review(review, root)`` where the caller has made it already;
    ``fragments`` keeps the essay's paragraphs between builds (``essay_page``).
    """
    layout = layout or Layout()
    citations = citations or Citations()
    ix = index or index_review(review, root)
    files: dict[str, str | bytes] = {}
    data = downloads if downloads is not None else download_files(review, root=root)
    offered = [Download(name, DESCRIPTIONS.get(name, name), len(content.encode("utf-8")))
               for name, content in data.items()]
    for name, content in data.items():
        files[layout.download(name)] = content
    bib_name = ", ".join(f.replace("\\", "/").rsplit("/", 1)[-1] for f, _ in review.bibliography.files if f)
    files[layout.home] = home_page(ix, layout, bibliography_name=bib_name)
    files[layout.essay] = essay_page(ix, layout, citations, fragments)
    files[layout.bibliography] = bibliography_page(ix, layout, citations)
    files[layout.checks] = checks_page(ix, layout, root=root, catalogue=catalogue)
    files[layout.codes] = codes_page(layout, catalogue)
    files[layout.map] = map_page(map_svg(ix, layout, citations), ix, layout,
                                 narrow=map_svg(ix, layout, citations, NARROW))
    files[layout.downloads] = downloads_page(offered, layout)
    entries = EntryTexts(review.bibliography)
    for source in ix.sources.values():
        path = layout.source(source.key)
        if path in skip:
            continue
        files[path] = source_page(ix, layout, citations, entries, source)
    return files


def source_page_digests(review: Review, layout: Layout | None = None,
                        index: ReviewIndex | None = None) -> dict[str, str]:
    """A hash of each source page's inputs, keyed by the page's path: equal hashes, equal pages
    (for a given litreview version and site settings, which the page cache adds to its keys).
    ``index`` as for ``render_site``."""
    from .sitecache import fingerprint
    from .source_page import source_page_inputs

    layout = layout or Layout()
    ix = index or index_review(review)
    entries = EntryTexts(review.bibliography)
    return {layout.source(s.key): fingerprint(layout.source(s.key), layout, source_page_inputs(ix, entries, s))
            for s in ix.sources.values()}


def search_entries(review: Review, layout: Layout | None = None, index: ReviewIndex | None = None,
                   citations: Citations | None = None) -> list[dict[str, str]]:
    """Entries to add to the site's search index: the essay, one per paragraph (``index`` and ``citations`` as for
    ``render_site``)."""
    from .publish import essay_search_entries

    return essay_search_entries(index or index_review(review), layout or Layout(), citations)


def default_catalogue() -> list[CatalogueEntry]:
    """The checks' code catalogue, for the checks page."""
    from ..checks.catalogue import CATALOGUE

    return [CatalogueEntry(c.code, c.severity, c.name, f"{c.description} {c.hint}".strip())
            for c in CATALOGUE.values()]


def asset_files(layout: Layout | None = None) -> dict[str, bytes]:
    """The site's own stylesheet and script (vendored, no CDN), keyed by path."""
    from .publish import minify_css

    layout = layout or Layout()
    folder = resources.files("litreview.render") / "assets"
    files = {layout.asset(name): (folder / name).read_bytes() for name in ASSETS}
    for path, content in files.items():
        if path.endswith(".css"):  # every page loads it: its comments and indents stay in the source
            files[path] = minify_css(content.decode("utf-8")).encode("utf-8")
    return files


def page_paths(layout: Layout) -> list[tuple[str, str]]:
    """Navigation titles and paths of the generated pages, in reading order."""
    return [("Home", layout.home), ("Essay", layout.essay), ("Bibliography", layout.bibliography),
            ("Checks", layout.checks), ("Finding codes", layout.codes), ("Map", layout.map),
            ("Downloads", layout.downloads)]
