"""Escaping and sanitising for the site: every untrusted string passes through here.

Text is escaped for HTML; URLs become links only with an allowed scheme; registry
abstracts (JATS XML) are reduced to a few harmless tags with nh3.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from ..doi import bare_doi, doi_problem, doi_url, is_short_doi  # noqa: F401  (doi_url: the render stage takes its helpers from here)
from ..lazyre import lazy
from ..spans import delimited
from ..text import CONTROLS, without_controls

#: Schemes a contributor's or a registry's URL may have to become a link.
ALLOWED_SCHEMES = frozenset({"http", "https"})
#: Tags an abstract may keep after sanitising (no attributes at all).
ABSTRACT_TAGS = frozenset({"p", "em", "strong", "sup", "sub", "br", "ul", "ol", "li", "i", "b"})
#: The inline ones: what a manuscript's raw HTML may keep on the essay page (no attributes; any other tag goes).
INLINE_TAGS = frozenset({"em", "strong", "sup", "sub", "i", "b"})

_SPACES = lazy(r"\s+")
_BACKTICKS = lazy(r"`([^`\n]+)`")
_SCHEME = lazy(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# A tag ends at its '>' or, left open, before the next '<': "[^>]*" scanned to the end of a record from each
# unclosed tag (quadratic); a title runs to its first closing tag (``spans.delimited``, linear).
_JATS_TITLE_OPENS = lazy(r"<jats:title[^<>]*>", re.IGNORECASE)
_JATS_TITLE_CLOSES = lazy(r"</jats:title>", re.IGNORECASE)
_JATS_TAG = lazy(r"<(/?)jats:([A-Za-z-]+)[^<>]*>", re.IGNORECASE)
_JATS_MAP = {"p": "p", "italic": "em", "bold": "strong", "sup": "sup", "sub": "sub",
             "list": "ul", "list-item": "li", "break": "br"}


def clean_text(text: object) -> str:
    """The string without control characters but its line ends (``text.without_controls``: never meaningful in
    metadata, Python-Markdown uses STX/ETX for its own placeholders, and a direction override would show the rest
    of a line of the page reversed, a file name after a title; words stay apart at a form feed); None becomes ''."""
    return without_controls("" if text is None else str(text), line_ends=True)


def esc(text: object) -> str:
    """Text escaped for HTML element content and quoted attribute values."""
    return html.escape(clean_text(text), quote=True)


def esc_code(text: object) -> str:
    """Escaped text with `backticked` spans (commands in messages and hints) as <code>."""
    return _BACKTICKS.sub(r"<code>\1</code>", esc(text))


def one_line(text: object) -> str:
    """Text with every run of whitespace made one space, for titles and cells."""
    text = clean_text(text)
    if text.isprintable() and "  " not in text:  # no whitespace but single ASCII spaces
        return text.strip(" ")
    return _SPACES.sub(" ", text).strip()


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word with an ellipsis."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:.") + "…"


def safe_url(url: str | None) -> str | None:
    """The URL ready for an ``href``, or None when it must not become a link.

    Only absolute http(s) URLs with a host pass; ``javascript:``, ``data:`` and
    relative URLs do not. Spaces and quotes are percent-encoded; the result still
    needs ``esc`` for the attribute.
    """
    if not url:
        return None
    raw = str(url).strip()
    if CONTROLS.search(raw) or any(c in raw for c in "\t\n"):  # (CONTROLS holds \r)
        return None
    match = _SCHEME.match(raw)
    if not match or match.group(1).lower() not in ALLOWED_SCHEMES:
        return None
    try:
        parts = urlsplit(raw)
    except ValueError:
        return None
    if not parts.netloc or not raw[match.end():].startswith("//"):
        return None
    return quote(raw, safe=":/?#[]@!$&'()*+,;=%~")


def safe_relative(url: str | None) -> str | None:
    """A relative address (``Other-page``, ``docs/a%20b.md#x``, as a wiki links its pages) ready for an ``href``,
    or None: one that names a scheme (``javascript:``, written in any case or percent-encoded), starts at the
    site's root or another host (``/x``, ``//host``), climbs (``..``, ``%2e%2e``) or holds a backslash, a space or a
    control character does not pass. The rest is percent-encoded; the result still needs ``esc``."""
    from urllib.parse import unquote

    raw = str(url or "")
    if not raw or raw.startswith("#") or CONTROLS.search(raw) or any(c in raw for c in " \t\n\\"):
        return None
    decoded = unquote(raw)
    # the path as the browser reads it: up to a written "?" or "#" (an encoded one is a letter of the path), decoded
    path = unquote(re.split(r"[?#]", raw, maxsplit=1)[0])
    if (decoded.startswith("/") or ":" in path.split("/", 1)[0] or CONTROLS.search(decoded)
            or any(c in decoded for c in "\t\n\\") or ".." in path.split("/")):
        return None
    return quote(raw, safe="/?#[]@!$&'()*+,;=%~:")


def normalise_doi(doi: str | None) -> str:
    """The bare DOI (``10.x/y``, case kept) without a resolver prefix, or a shortDOI (``10/bqhp9z``, which doi.org
    resolves and pandoc links as any DOI); '' when it is neither."""
    bare = bare_doi(clean_text(doi))
    return "" if not bare or (doi_problem(bare) and not is_short_doi(bare.lower())) else bare


def link(url: str | None, text: str | None = None, *, css: str = "") -> str:
    """An ``<a>`` for a safe URL, or the escaped URL as plain text when it is not safe."""
    label = esc(text if text is not None else (url or ""))
    href = safe_url(url)
    if href is None:
        return f'<span class="lr-unlinked">{label}</span>'
    klass = f' class="{esc(css)}"' if css else ""
    return f'<a{klass} href="{esc(href)}" rel="noopener noreferrer">{label}</a>'


def clean_abstract(jats: str | None) -> str:
    """A registry abstract (JATS XML or HTML) as a small, safe HTML fragment."""
    import nh3

    if not jats or not jats.strip():
        return ""
    text = clean_text(jats)
    text = _jats_titles(text)
    text = _JATS_TAG.sub(lambda m: _jats_tag(m.group(1), m.group(2).lower()), text)
    cleaned = nh3.clean(text, tags=set(ABSTRACT_TAGS), attributes={}, url_schemes=set(),
                        strip_comments=True, link_rel=None).strip()
    return cleaned if re.sub(r"<[^>]*>", "", cleaned).strip() else ""


def _jats_titles(text: str) -> str:
    """Each ``<jats:title>`` as a bold paragraph; the one that says "Abstract" dropped."""
    out, pos = [], 0
    for m, start, end in delimited(text, _JATS_TITLE_OPENS, lambda _: _JATS_TITLE_CLOSES):
        title = text[m.end():start]
        out += [text[pos:m.start()], "" if title.strip().lower() == "abstract" else f"<p><strong>{title}</strong></p>"]
        pos = end
    return "".join(out) + text[pos:]


def _jats_tag(slash: str, name: str) -> str:
    tag = _JATS_MAP.get(name)
    if tag is None:
        return ""
    return f"<{slash}{tag}>"
