"""The options of the MkDocs plugin ``litreview`` (``plugins: - litreview: ...`` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

PAGE_OPTIONS = ("home_page", "essay_page", "bibliography_page", "checks_page", "codes_page", "map_page",
                "downloads_page")
FOLDER_OPTIONS = ("sources_dir", "downloads_dir", "assets_dir")


class LitreviewPluginConfig(base.Config):
    """Options of the ``litreview`` plugin; paths are relative to mkdocs.yml's folder."""

    essay = c.Optional(c.Type((str, list)))
    """The essay under review, or a list of the Markdown files pandoc joins into it (``[ch1.md, ch2.md]``, in the
    order pandoc takes them). Default: ``essay`` in ``[tool.litreview]`` (refs/essay.md)."""
    bibliography = c.Optional(c.Type(str))
    """The BibTeX bibliography. Default: ``bibliography`` in ``[tool.litreview]``."""
    claims = c.Optional(c.Type(str))
    """The curated claims file. Default: ``claims`` in ``[tool.litreview]`` (refs/claims.yaml)."""
    metadata = c.Optional(c.Type(str))
    """The registry snapshot folder. Default: ``metadata`` in ``[tool.litreview]`` (refs/metadata)."""
    essay_language = c.Optional(c.Type(str))
    """The essay's language as a BCP 47 tag ("pt", "de-CH"), given to its text's ``lang`` attributes (the
    review's own words stay English). Default: the essay's ``lang`` metadata, else a guess from its common words
    (``litreview init`` writes the guess here)."""
    citation_style = c.Choice(("chicago",), default="chicago")
    """How references are formatted: Chicago notes-bibliography (the only style so far)."""
    checks = c.Type(bool, default=True)
    """Run the checks and show their findings (off: links and metadata only)."""
    nav = c.Type(bool, default=True)
    """When mkdocs.yml has no ``nav``, list the review's pages first, then the other docs pages."""
    home_page = c.Type(str, default="index.md")
    """The home page with the summary figures."""
    essay_page = c.Type(str, default="essay.md")
    """The annotated essay."""
    bibliography_page = c.Type(str, default="bibliography.md")
    """The table of all sources."""
    checks_page = c.Type(str, default="checks.md")
    """All findings, by severity and code."""
    codes_page = c.Type(str, default="codes.md")
    """The catalogue of finding codes."""
    map_page = c.Type(str, default="map.md")
    """The SVG map of claims and sources."""
    downloads_page = c.Type(str, default="downloads.md")
    """Links to the data files."""
    sources_dir = c.Type(str, default="sources")
    """Folder of the per-source pages (kept out of the navigation)."""
    downloads_dir = c.Type(str, default="downloads")
    """Folder of the data files (BibTeX, CSL-JSON, links, findings)."""
    assets_dir = c.Type(str, default="assets/litreview")
    """Folder of the plugin's stylesheet and script."""
    site_url = c.Optional(c.Type(str))
    """Where the site is published, when mkdocs.yml has no ``site_url``. Default: the GitHub Pages address
    of the repository (from GITHUB_REPOSITORY in GitHub Actions, else the ``origin`` remote)."""
    prune_assets = c.Type(bool, default=True)
    """Leave out of site/ what no page loads: source maps and unused search language packs."""
    nav_sources = c.Type(int, default=60)
    """When the plugin makes the navigation: list each source under "Sources" when the bibliography has
    at most this many entries (above it, "Sources" holds the bibliography page; 0: never)."""
    page_cache = c.Type(bool, default=True)
    """Keep built source pages in .litreview-cache/site/ and reuse those whose inputs did not change
    (off on CI unless LITREVIEW_NO_CACHE=0, like the check cache). Source pages listed in the navigation
    (see ``nav_sources``) are rebuilt every time: every page shows the navigation."""


def option_names() -> list[str]:
    """The plugin's options, in the order they are documented."""
    return [name for name, _ in LitreviewPluginConfig._schema]


def unknown_option(text: str) -> tuple[str, int, str | None] | None:
    """The first option the ``litreview`` entry of mkdocs.yml's ``plugins`` gives that the plugin lacks: (its name,
    its line, the option of the closest name or None); None when every option is known or the text cannot be read
    (MkDocs says why)."""
    import yaml

    from .mkdocs_listing import plugin_options
    from .text import closest_name

    options = plugin_options(text)
    known = option_names()
    for key, _ in options.value if options is not None else ():
        if isinstance(key, yaml.ScalarNode) and key.value not in known:
            return key.value, key.start_mark.line + 1, closest_name(key.value, known)
    return None
