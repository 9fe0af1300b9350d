"""`litreview init`'s plan: which essay, which bibliography (given, named, beside it, or imported from
the reference list), and the text of every file to write; nothing is written here (``init.apply`` does).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import LATEX_SUFFIXES
from ..config import quoted, read_toml
from ..errors import ConfigError, InputError
from ..fileio import TEMP_PATTERN, is_inside, relative_name, similar_file
from ..safewrite import LOCK_PATTERN
from ..text import plural
from ._init_bib import _bibliography, _follows, _is_project, _placed, _rel

_TAG = re.compile(r"<[^<>]*>")
#: What init's .gitignore holds: the built site, the cache, and the lock and temporary files litreview's writers
#: leave (a lock file stays beside its file; a killed write leaves its temporary file).
IGNORED = ("site/", ".litreview-cache/", LOCK_PATTERN, TEMP_PATTERN)
_SETTINGS_KEYS = ("essay", "bibliography", "claims", "metadata", "site_dir")


@dataclass
class Plan:
    """What init writes (path -> text), copies (path -> source) and keeps, in order."""

    root: Path
    writes: dict[Path, str] = field(default_factory=dict)
    appends: dict[Path, str] = field(default_factory=dict)
    """Text added at the end of an existing file (the [tool.litreview] section of pyproject.toml)."""
    copies: dict[Path, Path] = field(default_factory=dict)
    kept: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What the user must still do for a written file to work (where, and what to write)."""
    differs: bool = False
    """A kept settings file names another essay or bibliography than this run would write (said in a note)."""
    quiet_unused: tuple[str, ...] = ()
    """The bibliographies (as the settings name them) whose uncited entries the settings written report as notes."""

    def write(self, path: Path, text: str) -> None:
        if path.exists():
            self.kept.append(path)
        else:
            self.writes[path] = text



def plan_init(root: Path, essay: str | None, bib: str | tuple[str, ...] | None, *, workflow: bool = False,
              pre_commit: bool = False) -> Plan:
    """Decide every file init would write; nothing is written here."""
    plan = Plan(root)
    if (root / "refs").exists() and not (root / "refs").is_dir():
        raise InputError("refs exists and is not a folder", path=str(root / "refs"),
                         hint="init keeps the review's files in refs/: rename that file, then run init again")
    if essay is None and bib and not (root / "refs" / "essay.md").is_file():
        _plan_bibliography_alone(plan, root, [bib] if isinstance(bib, str) else list(bib))
    else:
        _plan_essay(plan, root, essay, bib)
    gitignore = root / ".gitignore"
    if gitignore.exists():
        missing = [line for line in IGNORED
                   if line not in gitignore.read_text(encoding="utf-8", errors="replace").splitlines()]
        if missing:
            plan.notes.append(f"add {', '.join(missing)} to .gitignore (built and cached files, the writers' "
                              "lock and temporary files)")
    else:
        plan.write(gitignore, "".join(f"{line}\n" for line in IGNORED))
    if workflow or pre_commit:
        from ._ci_files import ci_files

        files, notes, warnings = ci_files(root, workflow=workflow, pre_commit=pre_commit)
        for path, text in files.items():
            plan.write(path, text)
        plan.notes += notes
        plan.warnings += warnings
        if plan.quiet_unused:
            plan.notes.append(_uncited_in_ci(plan.quiet_unused))
    return plan


def _uncited_in_ci(bibs: tuple[str, ...]) -> str:
    """What CI then lets through: an entry no sentence cites has no finding worse than a note, so a pull request
    (or commit) adding one with a missing field or another entry's DOI passes; how a maintainer has it fail."""
    import shlex

    given = " ".join(f"--bib {shlex.quote(b)}" for b in bibs)
    return ("with that severity line, a pull request that adds an entry no sentence cites passes even when the "
            "entry lacks a required field or repeats another entry's DOI (its findings are notes); for a "
            "bibliography that grows through pull requests, delete the line, or review the bibliography alone "
            f"in a folder of its own: litreview init {given} --workflow")


def _plan_essay(plan: Plan, root: Path, essay: str | None, bib: str | tuple[str, ...] | None) -> None:
    """The essay's part of the plan: its setting (copied into refs/ from outside the folder), its bibliography,
    refs/claims.yaml recording it, the settings and mkdocs.yml."""
    essay_path = _essay(root, essay)
    essay_text = "" if essay_path.is_dir() else _read(essay_path)
    if essay and essay_path.is_dir() and not Path(essay).expanduser().is_dir():
        plan.notes.append(f"{Path(essay).name} is one section of a Manubot manuscript, which Manubot reads whole (the "
                          f".md files of {_rel(essay_path, root)}/ with their aliases, metadata and manual references): "
                          f"litreview reviews all its sections, as `litreview init {_rel(essay_path, root)}` does")
    if essay and essay_path.is_file() and Path(essay).expanduser().resolve() != essay_path and _is_project(essay_path):
        plan.notes.append(f"{Path(essay).name} is one of the files {essay_path.name} has pandoc join into one "
                          f"manuscript: litreview reviews them together, as `litreview init {_rel(essay_path, root)}` "
                          "does (list them by hand in litreview.toml: essay = [\"a.md\", \"b.md\"])")
    missing: list[str] = []
    if is_inside(essay_path, root):
        essay_setting = _rel(essay_path, root)
        missing = _parts_missing(essay_path, root)
        if missing:
            plan.notes.append(f"{essay_path.name} reads {plural(len(missing), 'file')} that {'is' if len(missing) == 1 else 'are'} "
                              f"not here ({', '.join(missing[:3])}{', ...' if len(missing) > 3 else ''}): "
                              "their text and citations are not reviewed (`litreview check` reports each, LR314)")
        style = _style_missing(essay_path)
        if style:
            plan.notes.append(f"{essay_path.name} names the citation style {style}, which is not in its folder: pandoc "
                              "stops rendering without it (\"File ... not found in resource path\"), unless its data "
                              "directory's csl/ holds it; litreview reviews the citations all the same")
    else:
        target = root / "refs" / essay_path.name
        essay_setting = _rel(target, root)
        if target.exists():
            plan.kept.append(target)
        else:
            plan.copies[target] = essay_path
        others = _parts_read(essay_path)
        if others:
            plan.notes.append(f"{essay_path.name} reads other files ({', '.join(others[:3])}"
                              f"{', ...' if len(others) > 3 else ''}), which are not copied with it: run litreview "
                              "init in its own folder to review it where it is")
    bib_setting = _bibliography(plan, root, essay_path, essay_text, bib)
    book = _book_of(essay_path) if essay_path.is_file() else ""
    if book:
        plan.notes.append(f"{essay_path.name} is one chapter of a book and litreview reviews it alone: "
                          "entries cited only in the other chapters are reported as unused (LR307); "
                          f"`litreview init {book}` reviews the book's chapters together")
    claims = root / "refs" / "claims.yaml"
    plan.write(claims, _claims_text(root / essay_setting, claims))
    uncited = _uncited(root, essay_path, bib_setting, plan.copies) if essay_path.is_file() and not book else None
    follows = not bib and not book and _follows(plan, root, essay_path, essay_text, bib_setting)
    _settings(plan, root, essay_setting, bib_setting, quiet_unused=bool(uncited),
              named_by=essay_path.name if follows else "")
    written = [p.name for p in (root / "litreview.toml", root / "pyproject.toml") if p in plan.writes or p in plan.appends]
    if uncited and written:
        count, total, names = uncited
        unread = f"counted without the {plural(len(missing), 'file')} not here; " if missing else ""
        plan.notes.append(f"{count} of the {plural(total, 'entry', 'entries')} in {names} {'is' if count == 1 else 'are'} cited "
                          f"nowhere in {_whole(essay_path)} ({unread}a shared bibliography? pandoc and LaTeX leave them out "
                          f"of the reference list): {written[0]} reports them, and what they lack, as notes, not errors "
                          f'(severity = {{ LR307 = "info" }}); delete that line to have each one fail the check')
        plan.quiet_unused = tuple([bib_setting] if isinstance(bib_setting, str) else bib_setting)
    plan.write(root / "mkdocs.yml", _mkdocs_text(_title(essay_text, essay_path), essay_text,
                                                 _essay_words(essay_path, essay_text)))


def _whole(essay_path: Path) -> str:
    """The manuscript, as a note names it: a book's settings file stands for its chapters."""
    return f"the chapters {essay_path.name} lists" if _is_project(essay_path) else essay_path.name


def _plan_bibliography_alone(plan: Plan, root: Path, given: list[str]) -> None:
    """A bibliography kept without an essay (one that grows through pull requests): the settings name no essay
    and no claims file (`--essay ""`), so the checks, the registry records, the site and CI review its entries."""
    settings = [_placed(plan, root, Path(b).resolve()) for b in given]
    _settings(plan, root, "", settings[0] if len(settings) == 1 else settings, claims="")
    plan.notes.append(f"no essay: {', '.join(settings)} {'is' if len(settings) == 1 else 'are'} reviewed as a "
                      'bibliography alone (essay = "" in the settings; name an essay there, or run `litreview init '
                      'paper.md`, to link its claims)')
    # One file names the site; several, their folder (the repository of a shared bibliography), not the first alone.
    plan.write(root / "mkdocs.yml", _mkdocs_text(Path(settings[0]).stem if len(settings) == 1 else root.name))


def _essay(root: Path, essay: str | None) -> Path:
    if essay is None:
        default = root / "refs" / "essay.md"
        if default.is_file():
            return default
        raise InputError("name the essay to review", hint=essay_hint(root))
    path = Path(essay).expanduser().resolve()
    if path.is_dir():  # a Manubot content/ folder
        if not any(p.suffix.lower() == ".md" for p in path.iterdir() if p.is_file()):
            raise InputError("the folder has no .md files", path=essay,
                             hint="give a Markdown, Quarto, R Markdown or LaTeX file, or a Manubot content/ folder")
        if not is_inside(path, root):
            raise InputError("a manuscript folder is reviewed where it is: it must lie inside this folder",
                             path=essay, hint="run litreview init in the manuscript's repository")
        return path
    if not path.is_file():
        near = similar_file(path)
        raise InputError("essay not found", path=essay, hint="check the path" if near is None else
                         f"did you mean {relative_name(near, Path.cwd())}?")
    from ..essay import check_manuscript, enclosing_inputs, load_essay
    from ..essay.manubot import section_folder
    from ._not_text import not_a_manuscript

    if (wrong := not_a_manuscript(path, essay)) is not None:  # a .bib, a PDF, a .docx: what to run instead
        raise wrong

    if (folder := section_folder(path)) is not None:  # read alone, its @doi: citations would be unknown keys
        return _essay(root, str(folder))
    if (listing := enclosing_inputs(path, root)) is not None:  # read alone, the others' citations would be missed
        return listing
    check_manuscript(path)
    if _is_project(path):
        load_essay(path)  # a book without chapters, or a chapter missing, stops here
    elif path.suffix.lower() not in LATEX_SUFFIXES:
        from ..essay.yaml_meta import front_matter

        # A front matter that is not YAML stops here, at its line: the bibliography it names could not be
        # read, and the settings init writes are never rewritten by a second run.
        front_matter(_read(path), str(path))
        load_essay(path)  # an include or a child document missing stops here, as it stops check and the render
    return path


def essay_hint(root: Path) -> str:
    """How to name the essay: with the manuscripts found in ``root`` when there are some."""
    from ..essay import manuscripts_in
    from ..text import visible

    found = [visible(name) for name in manuscripts_in(root)]
    if not found:
        return ("e.g. litreview init paper.md (a Markdown, Quarto, R Markdown or LaTeX file, or a Manubot content/ "
                "folder); a bibliography kept without an essay: litreview init --bib refs.bib")
    others = f" (or {', '.join(found[1:6])}{', ...' if len(found) > 6 else ''})" if len(found) > 1 else ""
    return f"{'name it' if len(found) == 1 else 'name one'}: litreview init {found[0]}{others}"


def _read(path: Path) -> str:
    from ..fileio import read_text

    text = read_text(path, what="essay")
    if path.suffix.lower() == ".ipynb":  # its front matter and prose, as Quarto reads them
        from ..essay.notebook import notebook_markdown

        return notebook_markdown(path, text)
    return text


def _parts_missing(essay_path: Path, root: Path) -> list[str]:
    """The files the essay reads that are not there (\\input files, child documents), each with the place that
    names it: ``ch/two.tex at thesis.tex:4``."""
    from ..essay import MISSING_INPUTS, load_essay

    try:
        essay = load_essay(essay_path)
    except InputError:
        return []
    return [f"{name} at {_rel(Path(file), root)}:{line}" for file, line, name, *_ in essay.meta.get(MISSING_INPUTS) or ()]


def _style_missing(essay_path: Path) -> str:
    """The citation style (``csl:``) the essay's front matter or its Quarto project names when it is a file that
    is not there (``essay_bibliographies.missing_style``); '' otherwise."""
    from ..essay import load_essay
    from ..essay_bibliographies import missing_style

    if not essay_path.is_file():
        return ""
    try:
        missing = missing_style(load_essay(essay_path))
    except InputError:
        return ""
    return missing[0] if missing else ""


def _parts_read(essay_path: Path) -> list[str]:
    """The names of the other files the essay's reader reads (\\input files, includes, child documents)."""
    from ..essay import load_essay

    try:
        essay = load_essay(essay_path)
    except InputError:
        return []
    return list(dict.fromkeys(Path(c.file).name for c in essay.claims if c.file and Path(c.file) != essay_path))


def _book_of(path: Path) -> str:
    """The name of the settings file of the Quarto project or bookdown book ``path`` is one chapter of, or ""."""
    from ..essay import enclosing_book

    book = enclosing_book(path)
    return book.name if book is not None else ""


def _claims_text(essay: Path, claims: Path) -> str:
    from ..linking.curated import HEADER

    rel = Path(os.path.relpath(essay, claims.parent)).as_posix()
    return HEADER + f"essay: {quoted(rel)}\nlinks: []\n"


def _uncited(root: Path, essay_path: Path, bib: str | list[str],
             copies: Mapping[Path, Path]) -> tuple[int, int, str] | None:
    """(entries cited nowhere, entries, the bibliographies' names) for a manuscript that cites by markers
    (pandoc, LaTeX), whose existing bibliography holds entries it never cites; None otherwise. A bibliography
    init copies into refs/ (``copies``: target -> original, a ``--bib`` from outside the folder) is read where it is.

    LR307 decides what counts as cited (``nocite``, crossref parents, ...): its rule is not repeated here.
    """
    from ..bibliography.load import load_bibliography
    from ..checks.notices import raw_latex_commands
    from ..checks.text import check_unused, cited_outside_claims
    from ..errors import LitreviewError
    from ..essay import load_essay
    from ..model import Bibliography, Linkage, Mention

    paths = [copies.get(root / b, root / b) for b in ([bib] if isinstance(bib, str) else bib)]
    if not paths or not all(p.is_file() for p in paths):
        return None  # imported by init (every entry is cited), or missing: check says so
    try:
        essay = load_essay(essay_path)
        sources = tuple(s for p in paths for s in load_bibliography(p).sources)
    except LitreviewError:
        return None  # check reports what cannot be read
    raw = {key for *_, keys in raw_latex_commands(essay) for key in keys}  # a Markdown chapter's \\citep{key}
    if not (essay.marked or raw) or not sources:
        return None
    mentions = tuple(Mention(c.id, "marker", "", tuple(m.key for m in c.citations or ()))
                     for c in essay.claims if c.citations)
    unused = [f for f in check_unused(Bibliography(sources), Linkage(mentions=mentions), cited_outside_claims(essay),
                                      markers_only=True) if f.code == "LR307"]
    return (len(unused), len(sources), ", ".join(p.name for p in paths)) if unused else None


def _settings(plan: Plan, root: Path, essay: str, bib: str | list[str], *, quiet_unused: bool = False,
              named_by: str = "", claims: str = "refs/claims.yaml") -> None:
    """[tool.litreview] appended to pyproject.toml if there is one, else litreview.toml (same keys).

    ``quiet_unused``: the essay cites a part of its bibliography, so LR307 is written down to a note. ``named_by``:
    the essay that names the bibliography, which the settings then leave out (a comment says so) to follow it."""
    values = {"essay": essay, "bibliography": bib, "claims": claims, "metadata": "refs/metadata",
              "site_dir": "site"}
    body = "".join(f"{k} = {quoted(values[k])}\n" if not (k == "bibliography" and named_by) else
                   f"# bibliography: left out, so the files {named_by} names are read (as pandoc and LaTeX read "
                   f"them),\n# followed when it names others; bibliography = {quoted(bib)} would pin them (these files, whatever "
                   f"{named_by} names later)\n"
                   for k in _SETTINGS_KEYS)
    if quiet_unused:
        body += ('severity = { LR307 = "info" }  # entries the essay does not cite, and their problems, are notes, '
                 'not errors (a shared bibliography)\n')
    else:
        body += '# severity = { LR307 = "warning" }       # tune a code\'s level\n'
    body += '# suppress = { LR137 = "why it is fine" }  # silence a code, with the reason shown in the report\n'
    pyproject = root / "pyproject.toml"
    if (root / "litreview.toml").exists():
        plan.kept.append(root / "litreview.toml")  # read before pyproject.toml
        _kept_differs(plan, root / "litreview.toml", values)
    elif pyproject.is_file():
        _text, data = read_toml(pyproject)
        if "litreview" in data.get("tool", {}):
            plan.kept.append(pyproject)
            _kept_differs(plan, pyproject, values)
        else:
            plan.appends[pyproject] = "[tool.litreview]\n" + body
    else:
        plan.write(root / "litreview.toml",
                   "# litreview settings (the same keys as [tool.litreview] in pyproject.toml)\n" + body)


def _kept_differs(plan: Plan, path: Path, values: dict[str, str | list[str]]) -> None:
    """A note for each of the essay and bibliography settings that the kept settings file gives otherwise than this
    run would (init run again with another --bib): init never changes the file, so it says what to write there."""
    try:
        _text, data = read_toml(path)
    except ConfigError:
        return  # check reports an unreadable settings file, at its line
    tool = data.get("tool")
    table = tool.get("litreview") if isinstance(tool, dict) and "litreview" in tool else \
        ({} if path.name == "pyproject.toml" else data)
    if not isinstance(table, dict):
        return
    for name in ("essay", "bibliography"):
        kept, wanted = table.get(name), values[name]
        if kept is not None and kept != wanted:
            plan.notes.append(f"{path.name} is kept, and its {name} is {quoted(kept)}, not {quoted(wanted)}: write "
                              f"{name} = {quoted(wanted)} there (init never changes a settings file)")
            plan.differs = True


def _title(text: str, path: Path) -> str:
    from ..cache import LATEX_SUFFIXES
    from ..essay import load_essay, parse_essay
    from ..essay.sections import headings

    if path.is_dir():  # a Manubot content/ folder: its metadata.yaml's title, else the manuscript's folder's name
        named = _manubot_title(path / "metadata.yaml")
        return named or (path.parent if path.name == "content" else path).name
    try:
        # A LaTeX file as its reader reads it (its \\chapter a heading); the text itself, else (the front matter).
        essay = load_essay(path) if path.suffix.lower() in LATEX_SUFFIXES else parse_essay(text, str(path))
    except InputError:
        essay = None
    meta = essay.meta if essay is not None else {}
    if _is_project(path):
        try:
            meta = load_essay(path).meta  # the book's title (Quarto's book: title:, bookdown's index.Rmd)
        except InputError:
            meta = {}
    title = meta.get("title")
    if not (isinstance(title, str) and title.strip()) and essay is not None:
        # A LaTeX document's \\title, read as its claims are (its front matter is no metadata): "Review: ms" before.
        title = next((p.text for p in essay.paragraphs if p.label == "title"), None)
    markdown = essay is None or essay.format != "latex"
    if isinstance(title, str) and title.strip():
        return _plain_title(title, markdown)
    # The first top heading as the reader has it: a code chunk's "# Load packages" is a comment, not a title;
    # a LaTeX chapter's \chapter (or \part) names it.
    # A LaTeX report's or thesis's several \chapters name none of them (its first is its introduction).
    top = 2 if not markdown else 1
    found = [heading for _, heading in headings(essay)] if essay is not None else []
    tops = [heading for heading in found if heading is not None and heading[0] <= top and heading[1]]
    if tops and (markdown or sum(heading[0] == tops[0][0] for heading in tops) == 1):
        return _plain_title(tops[0][1], markdown, heading=True)
    # A chapter's file that opens with its one heading of that level, every other below it (\section{Theoretical
    # framework} and its \subsections), is named by it; a paper of several sections is not named by its first.
    first = found[0] if found else None
    if first is not None and first[1] and all(h is None or h[0] > first[0] for h in found[1:]):
        return _plain_title(first[1], markdown, heading=True)
    return path.stem.replace("_", " ").replace("-", " ")


def _plain_title(title: str, markdown: bool, *, heading: bool = False) -> str:
    """A title or heading as pandoc prints it, for the site's name: a Markdown one's emphasis and tags gone
    ("L'Analphabète" of "_L'Analphabète_"), a heading's notes too ("východiska[^zbc]", "Title^[A note.]")."""
    if markdown:
        from ..bibliography.csl_markdown import markdown_plain
        from ..essay.front import meta_markdown
        from ..essay.segment import note_spans
        from ..text import pandoc_spaces

        if heading:
            notes = sorted(note_spans(title).items())
            kept, at = [], 0
            for start, end in notes:
                if start >= at:
                    kept.append(title[at:start])
                    at = end
            title = "".join(kept) + title[at:]
        title = markdown_plain(pandoc_spaces(title if heading else meta_markdown(title)))
    return " ".join(title.split())[:120]


def _manubot_title(path: Path) -> str:
    """The ``title`` of a Manubot manuscript's ``metadata.yaml``, or ""."""
    from ..essay.yaml_meta import parse_yaml

    if not path.is_file():
        return ""
    try:
        data = parse_yaml(_read(path), str(path), first_line=1, what="metadata", hint="")
    except InputError:
        return ""
    title = data.get("title") if isinstance(data, dict) else None
    return " ".join(title.split())[:120] if isinstance(title, str) else ""


def _search_plugin(text: str) -> str:
    """The search plugin's entry: English, and a language of the essay written without spaces (its segmenter)."""
    from ..essay.language import JAPANESE_SEARCH_SEPARATOR, unspaced_languages

    langs = unspaced_languages(text)
    if "ja" in langs:
        return f"  - search:\n      lang: [en, {', '.join(langs)}]\n      separator: '{JAPANESE_SEARCH_SEPARATOR}'\n"
    return f"  - search:\n      lang: [en, {', '.join(langs)}]\n" if langs else "  - search\n"


def _essay_words(path: Path, text: str) -> str:
    """The essay's sentences as litreview reads them (a LaTeX paper's \\input chapters, a book's chapters, a
    Manubot folder's files), which its language is guessed from; its own ``text`` when it does not load."""
    from ..essay import load_essay

    try:
        claims = load_essay(path).claims
    except InputError:
        return text
    return " ".join(claim.text for claim in claims) or text


def _mkdocs_text(title: str, text: str = "", words: str = "") -> str:
    # MkDocs puts site_name into every page unescaped: the essay's title is text, never markup.
    title = _TAG.sub("", title).replace("<", "").replace(">", "").strip() or "essay"
    return (f"# The review site: `litreview build` writes it to site/ (offline: no fonts or scripts from the web).\n"
            f"# It needs no docs/ folder (litreview generates every page); plain `mkdocs build` or `mkdocs serve`\n"
            f"# needs one: `mkdir docs`, where pages of your own may go.\n"
            f"site_name: {quoted('Review: ' + title)}\n"
            "theme:\n  name: material\n  font: false\n" + _PALETTE +
            "markdown_extensions:\n  - admonition\n  - attr_list\n  - tables\n  - toc:\n      permalink: true\n"
            "plugins:\n" + _search_plugin(words or text) + _litreview_plugin(text, words or text))


#: Material's light and dark palettes, the reader's system preference first, with the toggle between them.
_PALETTE = "  palette:\n" + "".join(
    f'    - media: "(prefers-color-scheme: {media})"\n      scheme: {scheme}\n      primary: indigo\n'
    f"      accent: indigo\n      toggle:\n        icon: material/{icon}\n        name: Switch to the {to} palette\n"
    for media, scheme, icon, to in (("light", "default", "weather-night", "dark"),
                                    ("dark", "slate", "weather-sunny", "light")))


_LANG_META = re.compile(r"^lang:\s*\S", re.MULTILINE)


def _litreview_plugin(text: str, words: str) -> str:
    """The plugin's entry: with the language of the essay's ``words`` when it is not English and its ``text``'s
    metadata does not say it (the site gives the essay's text that ``lang``; the review's own words stay English)."""
    from ..essay.language import guess_language

    lang = "" if _LANG_META.search(text[:5000]) else guess_language(words)
    if not lang or lang == "en":
        return "  - litreview\n"
    return (f"  - litreview:\n      essay_language: {lang}   # guessed from its common words; the lang of its text on "
            "the site\n")
