"""The MkDocs plugin ``litreview``: a thin adapter from MkDocs to ``litreview.render``.

Each hook is a few lines: settings come from ``[tool.litreview]`` (overridable
here), the review from ``build_review``, the pages from ``render.site.render_site``;
pages are in-memory ``File`` objects, never written into the docs folder.

    plugins:
      - search
      - litreview:
          essay: refs/essay.md           # default: [tool.litreview] essay
          sources_dir: sources           # where the per-source pages go
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .mkdocs_options import FOLDER_OPTIONS, PAGE_OPTIONS, LitreviewPluginConfig

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from .config import Config as LitreviewSettings
    from .model import Review
    from .render.index import ReviewIndex
    from .render.layout import Layout
    from .render.sitecache import SiteCache

log = get_plugin_logger(__name__)


class _InPlace(File):
    """A page the page cache put back in site/ as the last build wrote it: MkDocs lists it like any file, and
    copying it onto itself (two folder checks, two stats and a SameFileError per page) is skipped."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


class LitreviewPlugin(BasePlugin[LitreviewPluginConfig]):
    """Generates the review site's pages from the essay, bibliography, claims and snapshot."""

    #: How the review is obtained; tests and other tools may replace it (default: build_review).
    load_review: Callable[[LitreviewSettings], Review] | None = None

    def __init__(self) -> None:
        from .render.citation import Citations

        self._settings: LitreviewSettings | None = None
        self._layout: Layout | None = None
        self._citations = Citations()
        # Raw HTML of each generated page, kept out of Markdown (render.blocks).
        self._blocks: dict[str, list[str]] = {}
        self._search: list[dict[str, str]] = []
        # The page cache of this build: pages reused from it, and keys of pages to keep in it.
        self._store: SiteCache | None = None
        # Reused pages: their bytes from the cache, or None for those left in place in site/.
        self._reused: dict[str, bytes | None] = {}
        self._kept: Path | None = None
        self._keys: dict[str, str] = {}
        self._source_pages: list[str] = []
        # The files this build read the bibliography from (the ones the essay names, when the settings leave the
        # bibliography out), for `serve` to watch.
        self._read_bibliographies: list[Path] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        from mkdocs.config.config_options import ExtraScriptValue

        from .render.layout import Layout

        self._settings = _settings(self.config, config.config_file_path)
        if not config.site_url:
            config.site_url = self.config.site_url or _default_site_url(config.config_file_path)
        self._layout = Layout(use_directory_urls=config.use_directory_urls,
                              **{name.removesuffix("_page"): _path_option(self.config, name, config)
                                 for name in PAGE_OPTIONS},
                              **{name: _path_option(self.config, name, config) for name in FOLDER_OPTIONS})
        config.extra_css.append(self.layout.asset("litreview.css"))
        script = ExtraScriptValue(self.layout.asset("litreview.js"))
        script.defer = True
        config.extra_javascript.append(script)
        return config

    @property
    def settings(self) -> LitreviewSettings:
        """The litreview settings ``on_config`` read (MkDocs calls it before every other hook)."""
        if self._settings is None:
            raise PluginError("litreview: the plugin was used before MkDocs configured it (on_config)")
        return self._settings

    @property
    def layout(self) -> Layout:
        """The site's page paths, from ``on_config``."""
        if self._layout is None:
            raise PluginError("litreview: the plugin was used before MkDocs configured it (on_config)")
        return self._layout

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        from .render.index import index_review
        from .render.pagereuse import built_path
        from .render.site import asset_files, default_catalogue, render_site, search_entries
        from .render.sitecache import SiteFragments

        review = self._review()
        # made once for the page cache's keys, the nav, the pages and the search entries
        index = index_review(review, str(self.settings.root), lang=self.config.essay_language)
        listed = 0 < len(review.bibliography.sources) <= self.config.nav_sources
        if config.nav is None and self.config.nav:
            config.nav = _default_nav(files, self.layout, self._nav_sources(review, index.lang) if listed else None)
        else:
            listed = False
        self._source_pages = sorted({self.layout.source(s.key) for s in review.bibliography.sources})
        self._read_bibliographies = [Path(self.settings.root) / f for f, _ in review.bibliography.files if f]
        self._reuse(review, config, files, listed, index)
        generated = render_site(review, self.layout, citations=self._citations, root=str(self.settings.root),
                                catalogue=default_catalogue() if self.config.checks else (), skip=self._reused,
                                index=index,
                                fragments=SiteFragments(self._store, self.layout.essay) if self._store is not None else None)
        generated.update(asset_files(self.layout))
        self._search = search_entries(review, self.layout, index, self._citations)
        self._add(files, generated, config, listed)
        for path, built in self._reused.items():
            if built is None:  # in site/ already: listed (for links to it and the sitemap), never copied
                files.append(_InPlace(built_path(self.layout, path), config.site_dir, config.site_dir,
                                      config.use_directory_urls, inclusion=InclusionLevel.NOT_IN_NAV))
            else:
                files.append(File.generated(config, built_path(self.layout, path), content=built,
                                            inclusion=InclusionLevel.NOT_IN_NAV))
        why = ("; they are listed in the navigation, which every page shows, so they are rebuilt each time "
               f"while the bibliography has at most nav_sources = {self.config.nav_sources} entries" if listed else "")
        log.info("generated %d pages and files for %d sources (%d source pages reused from the cache%s)",
                 len(generated) + len(self._reused), len(review.bibliography.sources), len(self._reused), why)
        return files

    @property
    def reused_pages(self) -> frozenset[str]:
        """The source pages the last build took from the page cache (paths in the docs folder)."""
        return frozenset(self._reused)

    def _nav_sources(self, review: Review, language: str) -> list[tuple[str, str]]:
        """(title, path) of each source page, by how it is cited in ``language`` (the essay's); titles escaped (the
        theme prints them raw)."""
        from .render.sanitize import esc
        from .render.short_labels import PLAIN, marks
        from .text import fold_words

        seen = {s.key: s for s in reversed(review.bibliography.sources)}
        shown = marks(review.bibliography.sources)
        labelled = [(self._citations.reference(s, shown.get(key, PLAIN), language).short, key) for key, s in seen.items()]
        return [(esc(label or key), self.layout.source(key))
                for label, key in sorted(labelled, key=lambda p: (fold_words(p[0]), p[1]))]

    def _reuse(self, review: Review, config: MkDocsConfig, files: Files, listed: bool, index: ReviewIndex) -> None:
        """Find the source pages an earlier build made from the same inputs (none when they are in the nav,
        which every page shows); see ``render.pagereuse``."""
        from .cache import FOLDER, enabled
        from .render.pagereuse import find_reusable, remove, site_key
        from .render.sitecache import SiteCache

        kept, self._kept = self._kept, None
        self._store, self._reused, self._keys = None, {}, {}
        if listed or not self.config.page_cache or not enabled():
            remove(kept)
            return
        store = self._store = SiteCache(Path(self.settings.root) / FOLDER / "site", site_key(config, files))
        self._reused, self._keys = find_reusable(review, self.layout, store, kept, Path(config.site_dir), index)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Move the source pages of the last build out of site/ before MkDocs empties it, so that those
        whose inputs did not change go back instead of being removed and written again."""
        from .cache import FOLDER, enabled
        from .render.pagereuse import keep_built_pages

        self._kept = None
        if self.config.page_cache and enabled():
            self._kept = keep_built_pages(Path(config.site_dir) / self.layout.sources_dir,
                                          Path(self.settings.root) / FOLDER / "site")

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Keep the theme's compiled templates in the cache folder, so a rebuild does not compile them again
        (Jinja's own bytecode cache: keyed by template and source, written atomically, Python-version checked)."""
        from jinja2 import FileSystemBytecodeCache

        from .cache import FOLDER, enabled

        if self.config.page_cache and enabled() and env.bytecode_cache is None:
            folder = Path(self.settings.root) / FOLDER / "site" / "templates"
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:  # an unwritable folder: templates are compiled as usual
                return env
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        from .render.blocks import anchor_ids, join_blocks, search_excluded

        blocks = self._blocks.get(page.file.src_uri)
        if not blocks:
            return html
        # The raw HTML skipped Markdown; MkDocs still checks links to its anchors.
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(blocks)
        # What search skips goes in after indexing (on_post_page): the indexer need not parse it.
        return join_blocks(html, blocks, leave=search_excluded(blocks))

    @event_priority(-100)  # the page as written, after every other plugin
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        from .render.blocks import join_blocks, strip_search_marks
        from .render.publish import add_skip_link, compact_html, name_theme_path, pass_search_name
        from .render.theme_words import theme_word

        blocks = self._blocks.get(page.file.src_uri)
        if blocks:
            output = join_blocks(output, [strip_search_marks(b) for b in blocks])
        language = config.theme.get("language")
        if 'class="md-skip"' not in output:
            output = add_skip_link(output, label=theme_word(language, "action.skip", "Skip to content"))
        # No word of Material's names a breadcrumb trail (its "nav" is the name this one must not share), nor a
        # table: those two stay English, as the review's own words do.
        output = name_theme_path(output)
        output = pass_search_name(output, theme_word(language, "search", "Search"))
        output = compact_html(output)
        key = self._keys.get(page.file.src_uri)
        if key is not None and self._store is not None:
            self._store.put(page.file.src_uri, key, output.encode("utf-8"))
        return output

    @event_priority(-100)
    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        from .render.publish import compact_html

        return compact_html(output_content) if template_name.endswith(".html") else output_content

    def on_template_context(self, context: TemplateContext, /, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        if template_name == "sitemap.xml" and self._reused and config.site_url:
            from types import SimpleNamespace

            from mkdocs.utils import get_build_date

            base, date = config.site_url.rstrip("/") + "/", get_build_date()
            urls = sorted(self.layout.url(path) for path in self._reused)
            # Stand-ins with what the sitemap template reads of a page (the reused ones are plain files).
            stand_ins = [SimpleNamespace(page=SimpleNamespace(is_link=False, canonical_url=base + url, abs_url=None,
                                                              update_date=date)) for url in urls]
            context["pages"] = [*context["pages"], *stand_ins]  # type: ignore[list-item]
        return context

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        import json

        from .fileio import write_atomic
        from .jsontext import escaped_controls
        from .render.publish import add_search_entries, unneeded_assets

        site = Path(config.site_dir)
        index_file = site / "search" / "search_index.json"
        if (self._search or self._source_pages) and index_file.exists():
            index = self._source_search(json.loads(index_file.read_text(encoding="utf-8")))
            text = escaped_controls(json.dumps(add_search_entries(index, self._search), ensure_ascii=False,
                                               separators=(",", ":")))
            write_atomic(index_file, text)
        if self._store is not None:
            from .render.pagereuse import save_stamps

            save_stamps(self._store, site, self.layout,
                        [p for p in self._source_pages if p in self._keys or p in self._reused])
        if self.config.prune_assets:
            search = config.plugins.get("search") or config.plugins.get("material/search")
            languages = list(getattr(search, "config", {}).get("lang") or [config.theme.get("language") or "en"])
            assets = site / "assets"
            paths = [p.relative_to(site).as_posix() for p in assets.rglob("*")] if assets.is_dir() else []
            for path in unneeded_assets(paths, languages):
                (site / path).unlink(missing_ok=True)
            for folder in sorted({(site / path).parent for path in paths}, key=lambda p: -len(p.parts)):
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        from .cache import essay_parts

        essay = self.settings.path("essay")
        paths = [p for name in ("essay", "bibliography", "claims", "metadata") for p in self.settings.paths(name)]
        for path in dict.fromkeys([*paths, *self._read_bibliographies, *(essay_parts(essay) or ())]):
            if path.exists():
                server.watch(str(path))
        return server

    def _source_search(self, index: dict) -> dict:
        """The search index with the reused pages' entries, each built source page's entries kept for the
        next build, and the source pages in one order whether built or reused (the same index either way)."""
        docs = index.get("docs") or []
        pages = {self.layout.url(path): path for path in self._source_pages}
        own: dict[str, list[dict[str, str]]] = {path: [] for path in pages.values()}
        rest: list[dict[str, str]] = []
        for doc in docs:
            path = pages.get(str(doc.get("location", "")).split("#", 1)[0])
            (own[path] if path is not None else rest).append(doc)
        if self._store is not None:
            for path in self._keys:
                self._store.set_search(path, own[path])
            for path in self._reused:
                own[path] = self._store.search(path)
        return {**index, "docs": rest + [doc for path in sorted(own) for doc in own[path]]}

    def _add(self, files: Files, generated: dict[str, str | bytes], config: MkDocsConfig,
             listed: bool = False) -> None:
        """Each page and file as an in-memory File; data (and source pages, unless listed) stay out of the nav."""
        from .render.blocks import split_blocks

        self._blocks.clear()
        outside = (self.layout.downloads_dir + "/",) + (() if listed else (self.layout.sources_dir + "/",))
        for path, content in generated.items():
            clash = files.get_file_from_path(path)
            if clash is not None and not clash.generated_by:
                raise PluginError(f"{Path(config.docs_dir) / path}: clashes with a page litreview generates; "
                                  "remove the file or change the litreview page paths in mkdocs.yml")
            if path.endswith(".md") and isinstance(content, str):
                content, self._blocks[path] = split_blocks(content)
            inclusion = InclusionLevel.NOT_IN_NAV if path.startswith(outside) else InclusionLevel.UNDEFINED
            files.append(File.generated(config, path, content=content, inclusion=inclusion))

    def _review(self) -> Review:
        from .errors import LitreviewError

        loader = self.load_review
        if loader is None:
            from .review import build_review

            def loader(settings):
                return build_review(settings, with_checks=self.config.checks)
        try:
            return loader(self.settings)
        except LitreviewError as exc:
            raise PluginError(f"litreview: {exc}") from None


def _default_site_url(config_file: str | None) -> str | None:
    """The GitHub Pages address of the repository (GitHub Actions' GITHUB_REPOSITORY, else the origin remote)."""
    import os
    import subprocess

    from .checks.gitref import origin_url
    from .errors import InputError
    from .render.publish import default_site_url

    repository = os.environ.get("GITHUB_REPOSITORY")
    remote = None
    if not repository:
        folder = Path(config_file).resolve().parent if config_file else Path.cwd()
        try:
            remote = origin_url(folder, timeout=5)
        except (InputError, OSError, subprocess.SubprocessError):  # no git, or it hung
            remote = None
    return default_site_url(remote, repository)


def _default_nav(files: Files, layout, sources: list[tuple[str, str]] | None = None) -> list:
    """The review's pages first, then the other docs pages in file order. With ``sources`` (title, path),
    the bibliography opens a "Sources" section that lists each source page."""
    from .render.site import page_paths

    ours = page_paths(layout)
    taken = {path for _, path in ours}
    rest = sorted(f.src_uri for f in files.documentation_pages() if f.inclusion.is_in_nav())
    nav: list = [{title: path} for title, path in ours]
    if sources is not None:
        nav = [{"Sources": [item, *({title: path} for title, path in sources)]}
               if layout.bibliography in item.values() else item for item in nav]
    return nav + [uri for uri in rest if uri not in taken]


def _settings(options: LitreviewPluginConfig, config_file: str | None) -> LitreviewSettings:
    """``[tool.litreview]`` for mkdocs.yml's folder, with this plugin's path options on top."""
    from .config import load_config
    from .errors import ConfigError

    folder = Path(config_file).resolve().parent if config_file else Path.cwd()
    try:
        settings = load_config(folder)
    except ConfigError as exc:
        raise PluginError(f"litreview: {exc}") from None
    overrides: dict[str, Any] = {}
    for name in ("essay", "bibliography", "claims", "metadata"):
        value = options[name]
        if isinstance(value, list):  # the essay's files: one is that file, several the config file stands for
            value = _essay_files(value, config_file)
        if value is not None:
            overrides[name] = str((folder / value).resolve())
    return settings.with_overrides(**overrides)


def _essay_files(files: list[Any], config_file: str | None) -> str:
    """The essay option's list of Markdown files: the one file, or the MkDocs config file, which stands for several
    (``mkdocs_listing.essay_list``: the readers join them as pandoc joins its inputs, read from that file)."""
    from .mkdocs_listing import essay_list
    from .pandoc_options import not_markdown, reads_as_markdown

    where = f"{config_file}: " if config_file else ""
    example = "e.g. essay: [intro.md, methods.md, results.md], in the order pandoc joins them"
    if not files or not all(isinstance(f, str) and f.strip() for f in files):
        raise PluginError(f"{where}plugins.litreview.essay must name one file or a list of files ({example})")
    if bad := next((f for f in files if not reads_as_markdown(f)), None):
        raise PluginError(f"{where}plugins.litreview.essay lists {bad!r}, {not_markdown(bad)}: list "
                          f"the Markdown files pandoc joins into the manuscript ({example})")
    if len(files) == 1:
        return files[0]
    if config_file is None or essay_list(Path(config_file)) != files:
        # The readers take the list from the config file's text: one built in memory (or given other options than
        # its file's) has none to read, and reading only its first file would drop the others unsaid.
        held = (f"{Path(config_file).name} does not list them" if config_file else "this MkDocs config has no file")
        raise PluginError(f"{where}plugins.litreview.essay lists several files, which litreview reads from the "
                          f"MkDocs config file, but {held}: write the list in the plugin's options in mkdocs.yml, or "
                          'leave the option out and list them in litreview.toml: essay = ["intro.md", "methods.md"]')
    return Path(config_file).name


def _path_option(options: LitreviewPluginConfig, name: str, config: MkDocsConfig) -> str:
    from .render.layout import check_path

    value = options[name]
    problem = check_path(value, page=name.endswith("_page"))
    if problem:
        raise PluginError(f"{config.config_file_path}: plugins.litreview.{name} = {value!r} {problem}")
    return value
