"""What the site needs around the pages: search entries, a skip link, a site URL, lean assets.

Pure functions over strings and values; the MkDocs adapter reads and writes the files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from ..model import Claim, Paragraph
from .citation import Citations
from .claim_text import plain_text, readable
from .essay_page import essay_title
from .index import ReviewIndex
from .layout import Layout
from .sanitize import esc, one_line

_SKIP_SLOT = re.compile(r'(<div data-md-component="skip">)\s*(</div>)')
# The theme's path (feature navigation.path): a nav landmark named as its main navigation ("Navigation").
_THEME_PATH = re.compile(r'(<nav class="md-path" aria-label=")[^"]*(")')
_BODY = re.compile(r"<body\b")
_GITHUB_REMOTE = re.compile(r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)"
                            r"([A-Za-z0-9-]{1,39})/([A-Za-z0-9._-]{1,100}?)(?:\.git)?/?$")
# Lunr language packs Material's search worker loads for a language besides the pack itself.
_LUNR_SUPPORT = ("lunr.stemmer.support.min.js", "lunr.multi.min.js")
_LUNR_EXTRA = {"ja": "tinyseg.js", "jp": "tinyseg.js", "th": "wordcut.js"}


def essay_search_entries(ix: ReviewIndex, layout: Layout, citations: Citations | None = None) -> list[dict[str, str]]:
    """One search entry per paragraph of the essay, with its anchor: its text as the page shows it (a Markdown
    manuscript's citations by their labels, its markup and raw LaTeX rendered), no marks after claims, no cards.
    A heading's entry is titled by its words, as Material's search titles a page's section by its heading."""
    essay = ix.review.essay
    if essay is None:
        return []
    url = layout.url(layout.essay)
    title = one_line(essay_title(ix))
    citations = citations or Citations()

    def shown(claim: Claim) -> str:
        if claim.citations is None:  # not read as Markdown: the text as written is what the page shows
            return claim.text
        text = claim.text
        if claim.citations:
            text = readable(text, claim.citations, lambda item: ix.reference(citations, item.key).cited(item)
                            if item.key in ix.sources else None)[0]
        return plain_text(text, numbers=ix.notes_of(claim.id), claim_id=claim.id)

    def paragraph_text(claims: Sequence[Claim], written: str) -> str:
        if not claims or all(c.citations is None for c in claims):
            return written
        return " ".join(shown(c) for c in claims)

    def entry(p: Paragraph) -> dict[str, str]:
        text = one_line(paragraph_text(p.claims, p.text))
        if p.heading:  # as Material indexes a heading: a section titled by its words, its prose in entries of its own
            return {"location": f"{url}#{p.anchor}", "title": esc(text), "text": ""}
        return {"location": f"{url}#{p.anchor}", "title": esc(f"{title}, {p.label or f'paragraph {p.number}'}"),
                "text": f"<p>{esc(text)}</p>"}

    return [entry(p) for p in essay.paragraphs]


def add_search_entries(index: dict, entries: Sequence[dict[str, str]]) -> dict:
    """Material's search index with ``entries`` added after the page they belong to."""
    if not entries:
        return index
    docs = list(index.get("docs", []))
    page = entries[0]["location"].split("#", 1)[0]
    at = next((i + 1 for i, doc in enumerate(docs) if doc.get("location") == page), len(docs))
    return {**index, "docs": docs[:at] + list(entries) + docs[at:]}


def add_skip_link(html: str, target: str = "lr-main", label: str = "Skip to content") -> str:
    """A "Skip to content" link (``label``: Material's in the site's language) where Material left none
    (pages whose headings are not in the TOC).

    It leads to the page's article, which gets the id ``target``.
    """
    article = '<article class="md-content__inner md-typeset">'
    if article not in html or not _SKIP_SLOT.search(html):
        return html
    html = html.replace(article, f'<article class="md-content__inner md-typeset" id="{target}">', 1)
    link = f'<a href="#{esc(target)}" class="md-skip">{esc(label)}</a>'
    return _SKIP_SLOT.sub(lambda m: m.group(1) + link + m.group(2), html, count=1)


def name_theme_path(html: str, name: str = "Breadcrumb") -> str:
    """The theme's breadcrumb trail named ``name``: Material names it as its main navigation, and two nav
    landmarks of one name cannot be told apart (axe's landmark-unique). ``name`` is the one the source pages'
    own trail bears, which the stylesheet hides the theme's behind, so one trail of that name shows."""
    return _THEME_PATH.sub(lambda m: m.group(1) + esc(name) + m.group(2), html, count=1)


def pass_search_name(html: str, name: str) -> str:
    """The page's body with the search dialog's name for the script, which names the dialog (``data-lr-search``;
    the script's English one when absent)."""
    if name == "Search":
        return html
    return _BODY.sub(lambda m: f'{m.group(0)} data-lr-search="{esc(name)}"', html, count=1)


def default_site_url(remote: str | None = None, repository: str | None = None) -> str | None:
    """Where GitHub Pages publishes the project: from ``owner/name`` (GITHUB_REPOSITORY) or a GitHub remote.

    None when neither is known (MkDocs then writes relative links only).
    """
    owner = name = None
    if repository and re.fullmatch(r"[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}", repository):
        owner, name = repository.split("/")
    elif remote and (m := _GITHUB_REMOTE.match(remote.strip())):
        owner, name = m.groups()
    if not owner or not name:
        return None
    host = f"{owner.lower()}.github.io"
    if name.lower() == host:
        return f"https://{host}/"
    return f"https://{host}/{quote(name)}/"


def unneeded_assets(paths: Iterable[str], languages: Sequence[str]) -> list[str]:
    """Built files no page loads: source maps, and Lunr language packs for languages the search does not use.

    ``paths`` are relative to the site folder, with forward slashes.
    """
    wanted = {f"lunr.{lang}.min.js" for lang in languages if lang != "en"}
    if wanted:
        wanted.update(_LUNR_SUPPORT)
    extras = {_LUNR_EXTRA[lang] for lang in languages if lang in _LUNR_EXTRA}
    def unneeded(path: str) -> bool:
        name = path.rsplit("/", 1)[-1]
        if path.startswith("assets/") and name.endswith(".map"):
            return True
        if path.startswith("assets/javascripts/lunr/min/"):
            return name not in wanted
        return path.startswith("assets/javascripts/lunr/") and name in ("tinyseg.js", "wordcut.js") \
            and name not in extras

    return [path for path in paths if unneeded(path)]


_VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
#: the white space around a line break that ``compact_html`` drops (``[ \t\r\f]*\n[ \t\r\n\f]*`` as one line break)
_BLANKS = " \t\r\f"


def compact_html(html: str) -> str:
    """The page with each run of white space that holds a line break written as one line break: the
    theme's templates indent every navigation item, and a browser shows such a run as one space anyway.
    What keeps its white space as written (pre, textarea, script, style) is left alone."""
    out: list[str] = []
    at = 0
    for match in _VERBATIM.finditer(html):
        out.append(_one_break(html[at:match.start()]))
        out.append(match.group(0))
        at = match.end()
    out.append(_one_break(html[at:]))
    return "".join(out)


def _one_break(text: str) -> str:
    """``text`` with each run of white space that holds a line break as one line break: cut at the breaks, the
    blanks around each cut dropped, and the lines left empty with them (twice as fast as a regular expression,
    which tries every position of the page)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    last = len(lines) - 1
    kept = [lines[0].rstrip(_BLANKS)]
    kept += [line for line in (inner.strip(_BLANKS) for inner in lines[1:last]) if line]
    kept.append(lines[last].lstrip(_BLANKS))
    return "\n".join(kept)


_CSS_TOKENS = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|/\*.*?\*/|\s+|[{};,]|[^"\'/\s{};,]+|/', re.S)


def minify_css(css: str) -> str:
    """A stylesheet without comments and with its white space cut to what the grammar needs (strings kept)."""
    out: list[str] = []
    for token in _CSS_TOKENS.findall(css):
        if token.startswith("/*"):
            continue
        if token.isspace():
            if out and out[-1] not in (" ", "{", "}", ";", ","):
                out.append(" ")
        elif token in ("{", "}", ";", ","):
            if out and out[-1] == " ":
                out.pop()
            out.append(token)
        else:
            out.append(token)
    return "".join(out).strip()
