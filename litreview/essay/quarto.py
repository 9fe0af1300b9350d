"""A Quarto book: the chapters ``_quarto.yml`` lists, read as one manuscript, as ``quarto render`` joins them
(a manuscript project: its article).

Each chapter is Markdown as pandoc reads it (its front matter blanked); claims keep their own file and
line. The project's ``bibliography``, ``csl`` (and ``format``'s) and title are the essay's front matter.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cache import QUARTO_SUFFIXES  # kept there: the input key reads the same files
from ..errors import EssayError
from ..essay_bibliographies import bibliography_names, is_remote
from ..fileio import NotUtf8, is_file, nearest_file, read_text
from ..model import Essay, Paragraph
from ..spans import blanked
from . import (
    CALLOUT_TITLE,
    CAPTIONED,
    CHILD_CHUNK,
    PROJECT_FILES,
    PROSE_CHUNK,
    encoding_notices,
    noted,
    with_inputs,
    with_missing,
)
from .cites import crossref_kinds
from .front import book_front, file_front
from .kable import kable_captions, latex_output
from .knitr_chunks import CHUNK, child_chunks, fenced, project_root
from .manubot import Lines
from .markdown import markdown_essay, read_body, without_crossrefs
from .segment import split_lines
from .yaml_meta import document_meta, front_matter, merge_meta, missing_chapter, parse_yaml

if TYPE_CHECKING:
    from .notebook import Embeds



def project_settings(project: Path, *, what: str = "Quarto project") -> Any:
    """The settings of a Quarto project file (``_quarto.yml``, or bookdown's), read as untrusted YAML; a Quarto
    project's with the keys of its ``metadata-files`` it does not set itself (``_quarto_settings``)."""
    text = read_text(project, what=what, error=EssayError, hint="save the file as UTF-8")
    data = parse_yaml(text, str(project), first_line=1, what=project.name, hint="fix the YAML")
    return _with_metadata_files(project, data) if project.name in PROJECT_FILES else data


def _with_metadata_files(project: Path, data: Any) -> Any:
    """The project's settings with the keys its ``metadata-files`` (YAML files, relative to the project, a later
    one over an earlier) give and it does not set itself, as Quarto merges them into every document's metadata
    (a book's ``bibliography:`` kept in ``_bibliography.yml``, say). A file that cannot be read gives nothing:
    ``quarto render`` says so."""
    files = data.get("metadata-files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        return data
    merged: dict[str, Any] = {}
    for name in files:
        extra = _optional_yaml(project.parent / name, "metadata file") if isinstance(name, str) and name.strip() \
            else None
        if isinstance(extra, dict):
            merged.update(extra)
    return {**merged, **data}


def project_of(path: Path) -> tuple[Path, dict[str, Any]]:
    """The folder and settings of the Quarto project a file belongs to (its nearest ``_quarto.yml``), as
    ``quarto render`` finds it; the file's own folder and {} outside a project or when the settings are bad."""
    found = nearest_file(path, PROJECT_FILES)
    if found is None:
        return Path(path).parent, {}
    try:
        data = project_settings(found)
    except EssayError:
        return found.parent, {}
    return found.parent, data if isinstance(data, dict) else {}


def has_other_parts(project: Path, path: Path) -> bool:
    """Whether ``path`` is one part of several of the Quarto project ``project``: a book's chapter, a file
    beside a manuscript's article; not the article itself, nor a page of a website or default project."""
    try:
        data = project_settings(project)
    except EssayError:
        return False
    book = data.get("book") if isinstance(data, dict) else None
    if isinstance(book, dict) and _chapters(book):
        return True
    article = _article(data)
    return bool(article) and (project.parent / article[0]).absolute() != Path(path).absolute()


def load_quarto(project: Path) -> Essay:
    """Read the chapters of the Quarto book ``project`` (its ``_quarto.yml``) into one essay."""
    data = project_settings(project)
    book = data.get("book") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(book, dict):
        book = {}
    names = chapter_names(data)
    if not names:
        raise EssayError("the project lists no chapters (book: chapters:)", path=str(project),
                         hint="list the chapters under book: chapters:, or review one chapter file")
    chapters: list[tuple[Path, str]] = []
    not_utf8: list[NotUtf8] = []
    for name in names:
        path = project.parent / name
        if path.suffix.lower() not in QUARTO_SUFFIXES:
            raise EssayError(f"chapter {name} is not a Markdown file or notebook (.qmd, .md, .markdown, .Rmd, "
                             ".ipynb)",
                             path=str(project), hint="litreview reads Markdown chapters and notebooks; review the "
                                                     "others separately")
        if not path.exists():
            raise missing_chapter(project, name, "book: chapters:")
        chapters.append((path, read_text(path, what="chapter", error=EssayError, not_utf8=not_utf8,
                                         hint=f"check the chapter list in {project.name}")))
    missing: list[tuple[str, int, str, str]] = []
    looked: list[Path] = []  # the files the chapters' includes and children were looked for at
    body, paragraphs = read_chapters(chapters, not_utf8, missing, looked=looked, apart=True)
    if not paragraphs:
        raise EssayError("the chapters have no paragraphs", path=str(project), hint="write the chapters' text")
    fronts = [_front(*chapter) for chapter in chapters]
    first = fronts[0][0]  # (a manuscript's title and abstract are its article's)
    front = book_front([chapter_front for _, chapter_front in fronts])
    meta: dict[str, Any] = {k: data[k] for k in ("bibliography", "nocite", "csl", "format") if k in data}
    named = _bibliographies(project, data, [(path, chapter_meta) for (path, _), (chapter_meta, _) in
                                            zip(chapters, fronts, strict=True)])
    if len(named) > len(bibliography_names(data)):  # (else the project's, as written: one name or a list)
        meta["bibliography"] = named
    title = book.get("title") or data.get("title") or first.get("title")
    if isinstance(title, str):
        meta["title"] = title
    essay = markdown_essay(str(project), body, meta, front + paragraphs)
    # the cross-reference kinds the project and its chapters declare
    kinds = crossref_kinds(data, *(chapter_meta for chapter_meta, _ in fronts))
    essay = with_missing(noted(without_crossrefs(essay, kinds), encoding_notices(not_utf8)), missing)
    return with_inputs(essay, [path for path, _ in chapters], looked)


def _bibliographies(project: Path, data: dict[str, Any], fronts: list[tuple[Path, dict[str, Any]]]) -> list[str]:
    """The bibliographies of a book: the project's, then those a chapter's front matter adds (each relative to its
    chapter, as Quarto resolves it; Quarto joins a chapter's list to the project's), as names relative to the
    project's folder; an address as written."""
    names = bibliography_names(data)
    for path, chapter_meta in fronts:
        names += directory_bibliographies(project.parent, path)
        names += [name if is_remote(name) else Path(os.path.relpath(path.parent / name, project.parent)).as_posix()
                  for name in bibliography_names(chapter_meta)]
    return list(dict.fromkeys(names))


def directory_bibliographies(folder: Path, path: Path) -> list[str]:
    """The bibliographies the directory metadata of a project's file names: the ``bibliography:`` of each
    ``_metadata.yml`` from the project's ``folder`` down to the file's own folder (each relative to its own
    folder, as Quarto resolves it), as names relative to ``folder``."""
    names: list[str] = []
    try:
        parts = path.parent.absolute().relative_to(folder.absolute()).parts
    except ValueError:
        return []
    for depth in range(len(parts) + 1):
        here = folder.joinpath(*parts[:depth])
        for settings in (here / "_metadata.yml", here / "_metadata.yaml"):
            data = _optional_yaml(settings, "directory metadata")
            if data is None:
                continue
            names += [name if is_remote(name) else Path(os.path.relpath(here / name, folder)).as_posix()
                      for name in bibliography_names(data if isinstance(data, dict) else {})]
    return names


def _optional_yaml(path: Path, what: str) -> Any:
    """A project's optional YAML file (a ``metadata-files`` entry, a ``_metadata.yml``), read as untrusted; None
    when it is not there or cannot be read (``quarto render`` says what is wrong with it)."""
    if not is_file(path):
        return None
    try:
        return parse_yaml(read_text(path, what=what, error=EssayError, hint="save it as UTF-8"), str(path),
                          first_line=1, what=path.name, hint="fix the YAML")
    except EssayError:
        return None


def load_quarto_file(path: Path, text: str, not_utf8: list[NotUtf8] | None = None) -> Essay:
    """One Quarto file with shortcodes: its includes read where they stand, other shortcodes blanked (an R
    Markdown file's child chunks read as its includes); ``not_utf8``: see ``read_chapters``."""
    meta, front = _front(path, text)
    missing: list[tuple[str, int, str, str]] = []
    kept: list[dict[str, Any]] = []  # the YAML blocks of its knitr children that pandoc reads as metadata
    looked: list[Path] = []  # the files its includes and children were looked for at (``Essay.inputs``)
    body, paragraphs = read_chapters([(path, text)], not_utf8, missing, kept, looked)
    if kept:
        meta = merge_meta([meta, *kept])
    if not paragraphs:
        raise EssayError("essay has no paragraphs", path=str(path), line=1,
                         hint="separate paragraphs of prose with blank lines; headings and code are skipped")
    essay = with_missing(markdown_essay(str(path), body, meta, front + paragraphs), missing)
    return replace(essay, inputs=tuple(dict.fromkeys(str(file) for file in looked)))


def _front(path: Path, text: str) -> tuple[dict[str, Any], list[Paragraph]]:
    """A chapter's front matter (a notebook's from its raw cell) and the paragraphs of its prose."""
    if path.suffix.lower() == ".ipynb":
        from .notebook import notebook_front

        return notebook_front(path, text)
    meta, _, body_line = document_meta(text, str(path))
    return meta, file_front(text, meta, body_line, file=str(path))


def read_chapters(files: list[tuple[Path, str]], not_utf8: list[NotUtf8] | None = None,
                  missing: list[tuple[str, int, str, str]] | None = None,
                  yaml_kept: list[dict[str, Any]] | None = None,
                  looked: list[Path] | None = None, *, apart: bool = False) -> tuple[str, list[Paragraph]]:
    """The files' bodies joined (front matter blanked, includes spliced in) and read, each claim in its file (``apart``:
    each file read on its own, as Quarto renders a book's chapters: a note's label, a link's reference, is its
    chapter's);
    an included file not in UTF-8 is read when its encoding is certain, and added to ``not_utf8``; an R Markdown
    child document not found is added to ``missing`` (``MISSING_INPUTS``), the rest read (``_included``); the fields
    of each YAML block a knitr child keeps (one not its front matter, which knitr strips) added to ``yaml_kept``, and
    each file an include or a child was looked for at, found or not, to ``looked``."""
    segments: list[tuple[str, int, str]] = []  # (file, its first line, text) in reading order
    chapters: list[int] = []  # where each file's segments begin
    notebooks: dict[Path, Embeds | None] = {}  # the embedded ones, each read once for all chapters
    for path, text in files:
        if segments:
            segments.append((segments[-1][0], 0, "\n\n"))  # chapters never run into each other
        chapters.append(len(segments))
        if path.suffix.lower() == ".ipynb":  # a notebook's prose, each piece on its line of the .ipynb
            from .notebook import notebook_segments

            segments += notebook_segments(path, text)[1]
            continue
        meta, body, body_line = front_matter(text, str(path))
        # (front matter blanked: lines kept)
        segments += _included(path, "\n" * (body_line - 1) + body, 0, not_utf8, notebooks, missing,
                              yaml_kept=yaml_kept, looked=looked, latex=latex_output(meta))
    if not apart or len(chapters) < 2:
        return read_segments(segments)
    bodies: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for chapter, (lo, hi) in enumerate(zip(chapters, [*chapters[1:], len(segments)], strict=True), 1):
        body, read = read_segments(segments[lo:hi], number=len(paragraphs) + 1)
        paragraphs += [replace(p, chapter=chapter, claims=tuple(replace(c, start=c.start + offset, end=c.end + offset)
                                                                for c in p.claims)) for p in read]
        bodies.append(body)
        offset += len(body)
    return "".join(bodies), paragraphs


def read_segments(segments: list[tuple[str, int, str]], *, number: int = 1) -> tuple[str, list[Paragraph]]:
    """The segments (file, its line, text; line 0: a separator) joined and read, each claim at its file and line; the
    paragraphs numbered from ``number``."""
    parts: list[tuple[str, int]] = []
    first: list[int] = []
    offset = 0
    for file, line, chunk in segments:
        if line:  # the separators belong to the part before them
            parts.append((file, offset))
            first.append(line)
        offset += len(chunk)
    body = "".join(chunk for _, _, chunk in segments)
    lines = Lines(body, parts, first)
    paragraphs = []
    for paragraph in read_body(body, 1, first=number):
        claims = []
        for claim in paragraph.claims:
            file, line = lines(claim.start)
            claims.append(replace(claim, file=file, line=line))
        paragraphs.append(replace(paragraph, claims=tuple(claims), line=claims[0].line if claims else paragraph.line))
    return body, paragraphs


# (Each line may end in "\r\n": a file saved on Windows is read as Quarto and knitr read it.)
# {{< embed notebook.ipynb#label >}} (options after it): a Quarto manuscript shows that notebook cell's output.
# (Blanks matched one way only: "\s+(?:\s+…)?\s*" tried a line of blanks in cubic time.)
_EMBED = re.compile(r"^[ \t]*\{\{<[ \t]*embed[ \t]+([^\s>]+)(?:[ \t][^>\n]*)?>\}\}[ \t]*\r?$", re.M)
# {{< include file >}} on a line of its own; any other shortcode ({{< pagebreak >}}, {{< var x >}}) prints no prose.
_INCLUDE = re.compile(r"^[ \t]*\{\{<\s*include\s+(\S+?)\s*>\}\}[ \t]*\r?$", re.M)
_KNITR_CAPTION = re.compile(r"""\bfig\.cap\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")
_R_HEADER = re.compile(r"[ \t]*r\b")
_KNITR_HIDDEN = re.compile(r"\b(?:include|eval)\s*=\s*(?:FALSE|F)\b")
_NO_ECHO = re.compile(r"\becho\s*=\s*(?:FALSE|F)\b")
_SHORTCODE_OPENS = re.compile(r"\{\{[<%]")  # a shortcode, {{< x >}} or {{% x %}}, to its first closing
MAX_DEPTH = 8
"""How deep includes may nest (a file that includes itself stops here)."""


def prose_chunks(text: str) -> str:
    """``text`` with the fences of the chunks knitr writes out as Markdown (``PROSE_CHUNK``) blanked, so their
    content reads as prose, in place: bookdown's ```` ```{theorem} ```` and ```` ```{proof} ```` (which
    ``bookdown::fence_theorems`` turns into fenced divs), ```` ```{block2, type="rmdnote"} ````, and
    ```` ```{asis} ```` unless ``echo=FALSE``; a chunk knitr does not run (``include=FALSE``, ``eval=FALSE``)
    stays code."""
    out: list[str] = []
    at = 0
    for m, body, end in fenced(CHUNK, text):
        header = m.group("header")
        if not PROSE_CHUNK.match(m.group()) or _KNITR_HIDDEN.search(header) or (
                header.strip().startswith("asis") and _NO_ECHO.search(header)):
            continue
        out += [text[at:m.start()], re.sub(r"[^\n]", " ", m.group()), text[m.end():body],
                re.sub(r"[^\n]", " ", text[body:end])]
        at = end
    return "".join(out) + text[at:]


def _included(path: Path, text: str, depth: int, not_utf8: list[NotUtf8] | None = None,
              notebooks: dict[Path, Embeds | None] | None = None,
              missing: list[tuple[str, int, str, str]] | None = None,
              root: Path | None = None, yaml_kept: list[dict[str, Any]] | None = None,
              looked: list[Path] | None = None, *, latex: bool = False) -> list[tuple[str, int, str]]:
    """``text`` (of ``path``; ``latex``: of a document made as a PDF, ``kable.latex_output``) as segments with each ``{{< include >}}`` replaced by its file and each ``{{< embed
    notebook.ipynb#label >}}`` by that cell's outputs and captions, as Quarto does, and each R Markdown child
    chunk by its files, as knitr does; ``notebooks``: those read so far in this load (each is read and parsed
    once). An include not found is an error (``quarto render`` stops on it); a child document not found is added
    to ``missing`` and costs only itself, as LaTeX's ``\\input`` of a missing file (``latex._expand``).

    An include's name is read from the including file's folder, as Quarto reads it; a child's from the folder of
    the file knitr renders (``root``: the top file's), where knitr reads it, then from the including file's."""
    if notebooks is None:
        notebooks = {}
    root = path.parent if root is None else root
    if path.suffix.lower() == ".rmd" and PROSE_CHUNK.search(text):
        text = prose_chunks(text)  # (a book's chapter, a child document)
    out: list[tuple[str, int, str]] = []
    at, line = 0, 1
    for start, end, names, kind in _inclusions(text) if depth < MAX_DEPTH else ():
        here = line + text.count("\n", at, start)
        knitr = bool(kind)
        files: list[tuple[str, Path]] = []  # (name as written, the file)
        for name in names:
            tried = ([project_root(root) / name] if kind == "here" else
                     dict.fromkeys((root / name, path.parent / name)) if knitr else [path.parent / name.partition("#")[0]])
            found = next((file for file in tried if is_file(file)), None)
            if looked is not None:
                looked += tried
            if found is not None:
                files.append((name, found))
            elif knitr:
                if missing is not None:
                    missing.append((str(path), here, name, CHILD_CHUNK))
            else:
                file = name.partition('#')[0]
                raise EssayError(f"included file {file} not found", path=str(path), line=here,
                                 hint=f"quarto render stops on it too: fix the name in the include, or create {file} "
                                      f"(Quarto reads it from the folder of {path.name}, the including file)")
        out += _titled(path, line, _blank_shortcodes(text[at:start]), latex)
        line += text.count("\n", at, end)
        at = end
        for name, child in files:
            if "#" in name and not knitr:  # {{< embed notebook.ipynb#label >}}: that cell's outputs and captions
                out += [(str(path), 0, "\n\n"), *_embedded(child, notebooks, name.partition("#")[2], path, here,
                                                            not_utf8), (str(path), 0, "\n\n")]
                continue
            sub = _read_included(child, not_utf8)
            if knitr:  # knitr strips a child's front matter; pandoc reads its other YAML blocks as metadata
                sub = knitr_child_text(sub)
                if yaml_kept is not None and "---" in sub:
                    from .md_blocks import later_yaml_blocks

                    yaml_kept += [data for _, data in later_yaml_blocks(sub)]
            out += _included(child, sub if sub.endswith("\n") else sub + "\n", depth + 1, not_utf8, notebooks,
                             missing, root, yaml_kept, looked, latex=latex)
            if len(files) > 1:
                out.append((str(child), 0, "\n"))  # (line 0: a separator) two children never run into each other
    out += _titled(path, line, _blank_shortcodes(text[at:]), latex)
    return [s for s in out if s[2]]


_FENCE_LINE = re.compile(r"---[ \t]*\r?")


def knitr_child_text(text: str) -> str:
    """A knitr child document's ``text`` as knitr inlines it: its front matter (when its first line is ``---``, the
    lines through the next ``---`` line) stripped, as knitr's ``knit`` does in child mode; the lines kept blank."""
    lines = text.split("\n")
    if not lines or not _FENCE_LINE.fullmatch(lines[0]):
        return text
    end = next((i for i in range(1, len(lines)) if _FENCE_LINE.fullmatch(lines[i])), None)
    return text if end is None else "\n" * (end + 1) + "\n".join(lines[end + 1:])


def _read_included(path: Path, not_utf8: list[NotUtf8] | None) -> str:
    return read_text(path, what="included file", error=EssayError, hint="save the file as UTF-8", not_utf8=not_utf8)


def _embedded(notebook: Path, notebooks: dict[Path, Embeds | None], label: str, path: Path, line: int,
              not_utf8: list[NotUtf8] | None) -> list[tuple[str, int, str]]:
    """The segments of the cell ``label`` of ``notebook`` that ``path`` embeds on its ``line``; an error
    naming the label when the notebook has no such cell (Quarto stops there too)."""
    from .notebook import Embeds

    if notebook not in notebooks:
        text = _read_included(notebook, not_utf8)  # (a file that is no notebook: an error reading it comes first)
        notebooks[notebook] = Embeds(notebook, text) if notebook.suffix.lower() == ".ipynb" else None
    embeds = notebooks[notebook]
    found = embeds.segments(label) if embeds is not None else None
    if found is None:
        raise EssayError(f"{notebook.name} has no code cell labelled {label}", path=str(path), line=line,
                         hint="check the label after # (the cell's #| label: or id), or that the notebook is "
                              "a Jupyter notebook")
    return found


# A callout's title attribute: "…" (pandoc's escapes), '…' or a bare word.
_TITLE = re.compile(r"""\btitle=(?:"(?P<double>(?:[^"\\]|\\.)*)"|'(?P<single>[^']*)'|(?P<bare>[^\s}"']+))""")


def callout_title(fence: str) -> str | None:
    """The ``title="…"`` of a Quarto callout's opening fence (``::: {.callout-note title="…"}``), as Quarto
    reads it (as Markdown); None when the line opens no callout with a title that may cite."""
    if "title=" not in fence or not CALLOUT_TITLE.fullmatch(fence.rstrip("\r\n")):
        return None
    title = _TITLE.search(fence)
    if title is None or not re.search(r"\.callout(?:-[\w-]+)?(?=[\s}])", fence):
        return None
    return title.group("single") or title.group("bare") or re.sub(r"\\(.)", r"\1", title.group("double") or "")


def _titled(path: Path, line: int, text: str, latex: bool) -> list[tuple[str, int, str]]:
    """``text`` (of ``path``, from its ``line``) as segments, each callout's ``title="…"`` that may cite a
    paragraph after its fence, at the fence's line: Quarto reads the title as Markdown and shows it as the
    callout's heading (``## Title`` inside the callout is the other way to write it, read as a paragraph too)."""
    out: list[tuple[str, int, str]] = []
    at, name = 0, str(path)
    for m in CALLOUT_TITLE.finditer(text) if "title=" in text else ():
        value = callout_title(m.group())
        if value is None:
            continue
        here = line + text.count("\n", 0, m.start())
        out += _captioned(path, line + text.count("\n", 0, at), text[at:m.end()], latex)
        out += [(name, 0, "\n\n"), (name, here, value), (name, 0, "\n\n")]
        at = m.end()
    return out + _captioned(path, line + text.count("\n", 0, at), text[at:], latex)


def _captioned(path: Path, line: int, text: str, latex: bool) -> list[tuple[str, int, str]]:
    """``text`` (of ``path``, from its ``line``) as segments, the captions of its code chunks after each chunk
    (``#| fig-cap:``, knitr's ``fig.cap=``, an R chunk's ``kable(x, caption = "…")``: ``kable.kable_captions``,
    ``latex`` as it has it): Quarto and knitr print them under the figure or table they make."""
    from .notebook import cell_captions, cell_options, hidden_output

    out: list[tuple[str, int, str]] = []
    at, name = 0, str(path)
    for m, body_end, end in fenced(CHUNK, text) if CAPTIONED.search(text) else ():
        first = line + text.count("\n", 0, m.end())
        pieces = [(first + n, row) for n, row in enumerate(split_lines(text[m.end():body_end], keepends=True))]
        options, rows = cell_options(pieces, name)
        header = m.group("header")
        if hidden_output(options) or options.get("eval") is False or _KNITR_HIDDEN.search(header):
            continue
        captions = cell_captions(options, rows)
        knitr = _KNITR_CAPTION.search(header)
        if knitr is not None:
            value = knitr.group(1) if knitr.group(1) is not None else knitr.group(2)
            captions.insert(0, [(first - 1, re.sub(r"\\(.)", r"\1", value))])  # an R string's escapes read
        if _R_HEADER.match(header):
            captions += [[found] for found in kable_captions(text[m.end():body_end], first, latex=latex)]
        if not captions:
            continue
        out.append((name, line + text.count("\n", 0, at), text[at:end]))
        for caption in captions:  # (line 0: a separator) each caption a paragraph of its own
            out += [(name, 0, "\n\n"), *((name, n, part) for n, part in caption)]
        out.append((name, 0, "\n\n"))
        at = end
    out.append((name, line + text.count("\n", 0, at), text[at:]))
    return out


def _inclusions(text: str) -> list[tuple[int, int, list[str], str]]:
    """(start, end, files, kind) of each ``{{< include >}}`` and ``{{< embed >}}`` (kind "") and R Markdown child
    chunk (``knitr_chunks.child_chunks``), in order."""
    found = [(m.start(), m.end(), [m.group(1)], "") for m in _INCLUDE.finditer(text)]
    found += [(m.start(), m.end(), [m.group(1)], "") for m in _EMBED.finditer(text) if "#" in m.group(1)]
    found += child_chunks(text)
    return sorted(found)


def _blank_shortcodes(text: str) -> str:
    """Each shortcode written as spaces, its line breaks kept (to its first closing, in linear time)."""
    return blanked(text, _SHORTCODE_OPENS, lambda m: ">}}" if m.group().endswith("<") else "%}}")


def _article(data: Any) -> list[str]:
    """A manuscript project's article (``manuscript: article:``, by default index.qmd), as its one chapter."""
    project = data.get("project") if isinstance(data, dict) else None
    if not isinstance(project, dict) or project.get("type") != "manuscript":
        return []
    manuscript = data.get("manuscript")
    article = manuscript.get("article") if isinstance(manuscript, dict) else None
    return [article if isinstance(article, str) and article.strip() else "index.qmd"]


def chapter_names(data: Any) -> list[str]:
    """The chapter files a Quarto project's settings (``_quarto.yml``'s data) list, in reading order: a book's
    (``_chapters``), else a manuscript's article (``_article``)."""
    book = data.get("book") if isinstance(data, dict) else None
    return _chapters(book if isinstance(book, dict) else {}) or _article(data)


def _chapters(book: dict[str, Any]) -> list[str]:
    """The chapter files in reading order: ``chapters`` then ``appendices``, parts opened."""
    names: list[str] = []
    for item in [*(book.get("chapters") or ()), *(book.get("appendices") or ())]:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            inner = item.get("chapters") or ()
            names.extend(n for n in inner if isinstance(n, str))
            part = item.get("part")
            if isinstance(part, str) and re.search(r"\.(qmd|md|rmd)$", part, re.I):
                names.insert(len(names) - len(inner), part)  # a part's own page comes before its chapters
    return names
