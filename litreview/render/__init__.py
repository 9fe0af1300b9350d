"""The review as a web site: pages, citations, the map and downloads, as strings.

Pure functions over a ``Review``; the MkDocs adapter (``litreview.mkdocs_plugin``)
turns their output into in-memory files. Start at ``site.render_site``.
"""
