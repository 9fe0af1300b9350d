"""build_review(config): load -> resolve -> link -> check, the one entry the CLI and the site share.

Only this module knows the order of the stages (``assemble``); each stage is a pure function
over the values the previous ones returned. A command that needs fewer stages (``sources``,
``metadata``, ``sync``, ``fetch``) asks ``assemble`` to stop early; none orders them itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .config import DEFAULT_BIBLIOGRAPHY, Config
from .errors import InputError
from .essay_bibliographies import (
    bibliography_names,
    named_bibliographies,
    naming_line,
    r_code_names,
    remote_bibliographies,
    unread_bibliographies,
)
from .essay_bibliographies import is_remote as is_remote  # re-exported: read from here before it had a module
from .model import Bibliography, Linkage, Review, UnreadBibliographies

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping

    from .linking.curated import CuratedLinks
    from .model import Essay, Finding, Source, SourceMetadata

Stage = Literal["load", "resolve", "link"]
"""How far ``assemble`` goes: read the inputs, add the snapshot's registry view, link claims to sources."""
EssayUse = Literal["read", "for-sources", "skip"]
"""Whether the essay is read: always (when configured), only when it decides where the sources come
from (a Manubot manuscript, a front-matter ``bibliography:``), or never (the bibliography file alone)."""


@dataclass(frozen=True, slots=True)
class Stages:
    """What the stages produced, in pipeline order; a run that stops early leaves the rest None."""

    bibliography: Bibliography
    """The sources under review (only the selected ``keys``, when some were named)."""
    essay: Essay | None = None
    """The essay as segmented: one claim per sentence (the claims file's groups not applied)."""
    curated: CuratedLinks | None = None
    """The reviewed decisions of the claims file (None without one)."""
    metadata: Mapping[str, SourceMetadata] | None = None
    """The snapshot's registry view per entry key (from "resolve" on)."""
    linkage: Linkage | None = None
    """Links, mentions and orphans (from "link" on, with an essay)."""

    def grouped_essay(self) -> Essay | None:
        """The essay with the claims file's groups in place of their sentences (the claims the links name)."""
        if self.essay is None or self.linkage is None:
            return self.essay
        from .linking import group_claims

        return group_claims(self.essay, self.curated)


def assemble(config: Config, *, now: datetime | None = None, through: Stage = "link",
             load: Callable[[Path], Bibliography] | None = None, essay: EssayUse = "read",
             keys: Collection[str] = (), all_suggestions: bool = False) -> Stages:
    """Run the stages in their one order, up to ``through``.

    ``load`` reads the bibliography file (default: ``load_bibliography``; the commands pass one
    that reports its problems). ``keys`` keeps only those entries (an unknown key is an
    InputError). ``all_suggestions`` keeps the topical suggestions below the calibrated threshold.
    Linking reads the snapshot's abstracts and subtitles, never the records' ages, so the
    bibliography, the essay and the linkage do not depend on the clock and may be cached.
    """
    if load is None:
        from .bibliography.load import load_bibliography

        load = load_bibliography
    if through == "link" and essay != "read":
        raise ValueError("linking needs the essay: essay='read'")
    # An empty essay setting reviews the bibliography alone; a missing file is an error.
    try:
        if essay == "skip":
            bibliography, text = load_all(bibliography_files(config), load), None
        else:
            bibliography, text = load_inputs(config, load, with_essay=essay == "read")
    except InputError as exc:
        raise _said_where_set(exc, config) from None
    if keys:
        bibliography = _select(bibliography, keys, config)
    if through == "load":
        return Stages(bibliography=bibliography, essay=text)
    from .registry.snapshot import load_metadata

    metadata = load_metadata(bibliography, config.path("metadata"), now=now or datetime.now(UTC),
                             stale_days=config.stale_days, config=config)
    if through == "resolve" or text is None:
        return Stages(bibliography=bibliography, essay=text, metadata=metadata)
    from .linking import link
    from .linking.curated import check_belongs, follow_essay, load_curated

    curated = load_curated(config.path("claims")) if config.claims else None  # --claims "" for none
    if curated is not None:
        curated = follow_essay(curated, config.path("essay"))
        check_belongs(curated, config.path("essay"))  # never apply another essay's decisions
    linkage = link(text, bibliography, curated, metadata=metadata, all_suggestions=all_suggestions,
                   letter_order=citation_style(config, text))
    return Stages(bibliography=bibliography, essay=text, curated=curated, metadata=metadata, linkage=linkage)


_OPTIONS = {"essay": "--essay", "bibliography": "--bib"}


def _said_where_set(exc: InputError, config: Config) -> InputError:
    """``exc`` naming where the essay or bibliography it is about was set (its settings file's line, or its variable)
    when that path is missing or a folder: a user who never typed the path finds where it comes from."""
    if not exc.path:
        return exc
    failed = Path(exc.path).resolve()
    for name, option in _OPTIONS.items():
        origin = config.origin(name)
        if origin is None or not getattr(config, name):
            continue
        if any(p.resolve() == failed and (p.is_dir() or not p.exists()) for p in config.paths(name)):
            exc.message = f"{exc.message} ({origin.said()}; {option} gives another)"
            exc.args = (exc.message,)
            break
    return exc


def citation_style(config: Config, essay: Essay) -> str:
    """How the style the essay is rendered with letters years (``linking.styles``): the ``csl`` setting's, else
    the one the essay's front matter (or _quarto.yml) names, read beside the essay; '' when not known."""
    from .linking.styles import csl_named, letter_order

    if config.csl:
        return letter_order(config.csl, config.root)
    return letter_order(csl_named(essay.meta), Path(essay.path).parent)


def build_review(config: Config, *, now: datetime | None = None, with_checks: bool = True,
                 cache: bool = False) -> Review:
    """Load everything under review and run the linking and the checks.

    With ``cache``, the loaded bibliography and essay and the linkage are kept in
    ``.litreview-cache/`` and reused while no input, setting or litreview file changes
    (see ``litreview.cache``); the metadata and the checks, which read the clock, always run.
    """
    now = now or datetime.now(UTC)
    key = None
    stages = None
    if cache:
        from . import cache as store

        key = store.input_key(config)
        stages = store.load_stages(config, key) if key else None
    if stages is None:
        built = assemble(config, now=now)
        bibliography, metadata, linkage = built.bibliography, built.metadata, built.linkage
        essay = built.grouped_essay()  # the claims file's groups replace their sentences, as `links` shows them
        if key:
            store.store_stages(config, key, bibliography, essay, linkage)
        elif cache and essay is not None:
            _remember_followed(config, essay)
        if cache and essay is not None:  # the files read outside the essay's folder are inputs of the next key
            store.store_outside(config, {*(c.file for c in essay.claims if c.file), *essay.inputs})
    else:
        from .registry.snapshot import load_metadata

        bibliography, essay, linkage = stages
        metadata = load_metadata(bibliography, config.path("metadata"), now=now,
                                 stale_days=config.stale_days, config=config)
    # Read on every run, cached or not: the files the essay names outside the settings are no input of the cache.
    unread = (unread_bibliographies(essay, bibliography, Path(config.root)) if essay is not None
              else UnreadBibliographies())
    review = Review(bibliography=bibliography, essay=essay, metadata=metadata or {},
                    linkage=linkage or Linkage(), unread=unread)
    if with_checks:
        from .checks import run_checks

        review = replace(review, findings=run_checks(review, config, now=now))
    return review


def _select(bibliography: Bibliography, keys: Collection[str], config: Config) -> Bibliography:
    """Only the entries named by ``keys``; InputError naming the keys the bibliography lacks."""
    from .errors import InputError

    unknown = sorted(set(keys) - set(bibliography.keys))
    if unknown:
        raise InputError(f"no entry with key {', '.join(unknown)}", path=bibliography.where or str(config.path("bibliography")))
    return replace(bibliography, sources=tuple(s for s in bibliography.sources if s.key in keys))


def load_inputs(config: Config, load: Callable[[Path], Bibliography], *,
                with_essay: bool = True) -> tuple[Bibliography, Essay | None]:
    """The bibliography (read by ``load``) and the essay (None when the essay setting is empty).

    A Manubot manuscript (a folder) with no bibliography file has its identifiers as sources, as
    Manubot has it; an essay whose front matter names a ``bibliography:`` uses that file (beside
    the essay) when none is configured and the default one does not exist, as pandoc does. Without ``with_essay`` the
    essay is read only when it decides where the sources come from.
    """
    from .essay import load_essay

    essay_path = config.path("essay")
    # The essay is read first only when it decides where the sources come from. A bibliography
    # named by --bib, LITREVIEW_BIB or the settings is never replaced by the front matter's.
    named = config.bibliography != DEFAULT_BIBLIOGRAPHY
    # A missing essay is read first too when no bibliography is named, so that it is what the stop names (not the
    # default bibliography nobody wrote).
    early = bool(config.essay) and (essay_path.is_dir() or follows_essay(config)
                                    or (not named and not essay_path.exists()
                                        and not config.path("bibliography").exists()))
    essay = load_essay(essay_path) if early else None
    if named and config.essay and essay_path.is_file() and not all(p.exists() for p in config.paths("bibliography")):
        _stale_setting(config, load_essay(essay_path))
    inline = _inline_references(essay_path) if config.essay else None
    read = essay or (_front_read(essay_path) if config.essay else None)  # its front matter tells who builds it
    bibliography = _sources(config.paths("bibliography"), essay, load, inline,
                            first=bool(config.essay) and built_by_bibtex(essay_path, read))
    if essay is None and config.essay and with_essay:
        essay = read or load_essay(essay_path)
    return bibliography, essay


def _front_read(essay_path: Path) -> Essay | None:
    """The essay of an R Markdown or Quarto file or book, whose output settings may have BibTeX or biber build its
    PDF (``built_by_bibtex``); None for another file, or one that cannot be read (the essay's own reading reports it)."""
    from .essay import BOOKS, load_essay

    if (essay_path.suffix.lower() not in (".rmd", ".qmd") and essay_path.name not in BOOKS) or not essay_path.is_file():
        return None
    try:
        return load_essay(essay_path)
    except (InputError, OSError):
        return None


def built_by_bibtex(essay_path: Path, essay: Essay | None = None) -> bool:
    """Whether the manuscript's bibliography is read by BibTeX or biber, which keep the first entry of a key defined
    twice, not by pandoc, which keeps the last (``several.as_bibtex_reads``): a LaTeX document, or ``essay`` when
    its PDF is built with natbib or biblatex (R Markdown's ``citation_package``, Quarto's ``cite-method``), the
    stricter reading of its two (``checks.renderers.renderer_of``)."""
    from .cache import LATEX_SUFFIXES
    from .checks.renderers import CITEPROC, renderer_of

    if essay_path.suffix.lower() in LATEX_SUFFIXES:
        return True
    told = renderer_of(essay) if essay is not None and essay.format != "latex" else None
    return told is not None and told.name != CITEPROC


def follows_essay(config: Config) -> bool:
    """Whether the bibliography is the files the essay names (its front matter's ``bibliography:``, its book's,
    LaTeX's ``\\bibliography``), as pandoc and LaTeX read them, followed when the essay names others: the setting
    is left out (its default, refs/bibliography.bib, which does not exist) and the essay is one file."""
    return (bool(config.essay) and config.bibliography == DEFAULT_BIBLIOGRAPHY
            and not config.path("bibliography").exists() and config.path("essay").is_file())


def followed_bibliographies(config: Config) -> tuple[Path, ...]:
    """The files the essay names that exist, when the bibliography follows the essay (``follows_essay``); else ()."""
    if not follows_essay(config):
        return ()
    from .essay import load_essay

    return tuple(p for p in named_bibliographies(load_essay(config.path("essay"))) if p.is_file())


def _remember_followed(config: Config, essay: Essay) -> None:
    """Keep the files a bibliography that follows the essay was read from, so that the next run's input key reads
    them; only when the essay's own text names them (a chapter naming none reads its book's, whose settings file the
    cache does not watch), and by name (a pattern biblatex globs would match a file added later)."""
    from .essay import GLOBBED

    if follows_essay(config) and bibliography_names(essay.meta) and not essay.meta.get(GLOBBED):
        from . import cache as store

        store.store_followed(config, named_bibliographies(essay))


def bibliography_files(config: Config) -> tuple[Path, ...]:
    """The bibliography files: the ones the settings name or, when the bibliography follows the essay, the files it
    names (what ``add`` and ``sync --write`` write to, and what ``sync`` corrects)."""
    return followed_bibliographies(config) or config.paths("bibliography")


def _stale_setting(config: Config, essay: Essay) -> None:
    """A bibliography the settings (or --bib) name is missing while the essay names files that exist (a pull
    request renamed it, or moved it, in the front matter alone): say which, and how to follow the essay."""
    import shlex

    from .config import quoted
    from .errors import InputError
    from .fileio import relative_name

    beside = [p for p in named_bibliographies(essay) if p.is_file()]
    missing = next(p for p in config.paths("bibliography") if not p.exists())
    if not beside or {p.resolve() for p in beside} <= {p.resolve() for p in config.paths("bibliography")}:
        return
    root = Path(config.root).resolve()
    names = [relative_name(p.resolve(), root, up=True) for p in beside]
    listed = quoted(names[0] if len(names) == 1 else names)
    where = Path(config.source_file).name if config.source_file else "the settings"
    raise InputError("bibliography not found", path=str(missing),
                     hint=f"{Path(essay.path).name} names {', '.join(names)}: write bibliography = {listed} in "
                          f"{where} (or leave the setting out to follow the essay), or give it with "
                          + " ".join(f"--bib {shlex.quote(n)}" for n in names))


def _inline_references(essay_path: Path) -> Bibliography | None:
    """The references of a Markdown essay's front matter (None for other forms, or when it cannot be read:
    the essay's reader reports that); a bookdown book's, and one of its chapters', are its last chapter's that gives
    some, as pandoc joins the YAML blocks of the text bookdown makes of the chapters; a Quarto project's, its
    chapters' (``_project_references``)."""
    from .essay import BOOK_FILE, PROJECT_FILES

    if essay_path.name == BOOK_FILE and essay_path.is_file():
        from .errors import EssayError
        from .essay.bookdown import chapter_files

        try:
            files = chapter_files(essay_path)
        except EssayError:
            return None
        return next((found for found in map(_chapter_references, reversed(files)) if found is not None), None)
    if essay_path.suffix.lower() == ".rmd" and (book := _book_file(essay_path)) is not None:
        return _inline_references(book)
    if essay_path.name in PROJECT_FILES and essay_path.is_file():
        return _project_references(essay_path)
    return _chapter_references(essay_path)


def _project_references(project: Path) -> Bibliography | None:
    """The references the chapters of a Quarto project give in their front matter: Quarto renders each chapter with
    its own, so the book's are all of them; a key two chapters give is the later one's, and an LR101 only when the
    two items are different works (``several.chapters_key``): each chapter's is right for Quarto."""
    from .errors import EssayError
    from .essay.quarto import chapter_names, project_settings

    try:
        names = chapter_names(project_settings(project))
    except EssayError:
        return None
    given = {path: found for path in dict.fromkeys(project.parent / name for name in names)
             if (found := _chapter_references(path)) is not None}
    if len(given) < 2:
        return next(iter(given.values()), None)
    from .bibliography.several import chapters_key

    chosen: dict[str, Source] = {}
    problems: list[Finding] = []
    for bib in given.values():
        problems += bib.problems
        for source in bib.sources:
            earlier = chosen.pop(source.key, None)
            chosen[source.key] = source
            if earlier is not None and (clash := chapters_key(earlier, source)) is not None:
                problems.append(clash)
    first = next(iter(given.values()))
    return Bibliography(tuple(chosen.values()), tuple(problems), first.file, first.text,
                        tuple((bib.file, bib.text) for bib in given.values()))


def _book_file(chapter: Path) -> Path | None:
    """The ``_bookdown.yml`` of the book whose chapters include ``chapter``; None outside one."""
    from .errors import EssayError
    from .essay.bookdown import book_file, chapter_files

    book = book_file(chapter)
    try:
        return book if book is not None and chapter.resolve() in {f.resolve() for f in chapter_files(book)} else None
    except EssayError:
        return None


def _chapter_references(essay_path: Path) -> Bibliography | None:
    """The references of one Markdown file's front matter and YAML blocks (``_inline_references``)."""
    from .cache import LATEX_SUFFIXES
    from .essay import BOOKS

    if not essay_path.is_file() or essay_path.suffix.lower() in LATEX_SUFFIXES or essay_path.name in BOOKS:
        return None
    from .bibliography.csl import inline_references
    from .errors import InputError
    from .fileio import read_text

    try:  # read as the essay's reader reads it (a UTF-16 file too), which notes the encoding
        text = read_text(essay_path, what="essay", not_utf8=[])
    except InputError:
        return None
    return inline_references(text, str(essay_path)) if "---" in text else None  # (a YAML block's opening)


def _sources(paths: tuple[Path, ...], essay: Essay | None, load: Callable[[Path], Bibliography],
             inline: Bibliography | None = None, *, first: bool = False) -> Bibliography:
    if essay is not None and not paths[0].exists():
        if essay.format == "manubot":
            from .essay.manubot import manuscript_sources

            return manuscript_sources(essay)
        remote = remote_bibliographies(essay)
        if remote:
            from .errors import InputError

            name = remote[0].split("?")[0].rstrip("/").rsplit("/", 1)[-1] or "remote.bib"
            raise InputError(f"{Path(essay.path).name} names a remote bibliography, {remote[0]}, which litreview "
                             "does not fetch", path=essay.path,
                             hint=f"download it (curl -o {name} '{remote[0]}') and give the file with --bib or in the "
                                  "settings (bibliography = [...], with the other files the essay names)")
        beside = named_bibliographies(essay)
        absent = [p for p in beside if not p.is_file()]
        if absent:
            from .errors import InputError

            line = naming_line(essay, absent[0])  # (a file renamed, its name in the essay left as it was)
            what = "is a folder, not a file" if absent[0].is_dir() else "not found"
            raise InputError(f"bibliography {what}", path=str(absent[0]),
                             hint=f"{Path(essay.path).name} names it" + (f" on line {line}" if line else "")
                                  + ": fix the name there, or give the bibliography with --bib or in the settings")
        if beside:
            return load_all(beside, load, inline, first=first)
        if inline is not None:  # the front matter's references are the whole bibliography
            return inline
        from .errors import InputError

        # The bibliography follows the essay, which names none (a key misspelt, front matter broken): "not found"
        # alone sent the user to a default file nobody wrote.
        name = Path(essay.path).name
        if code := r_code_names(essay):  # (bibliography: !expr here::here("refs.bib"), which rmarkdown runs)
            raise InputError(f"the bibliography is given by R code, which litreview does not run: {code[0][0]}",
                             path=essay.path, line=code[0][1],
                             hint="give the file it makes with --bib (--bib refs.bib), or in litreview.toml "
                                  '(bibliography = ["refs.bib"])')
        if essay.format == "latex" and _own_list(essay):
            raise InputError("bibliography not found", path=str(paths[0]),
                             hint=f"{name} writes its own reference list (thebibliography): `litreview init {name}` "
                                  f"imports its \\bibitem entries under their keys, or `litreview import {name}` "
                                  "prints them as BibTeX; or give a bibliography with --bib or in the settings")
        raise InputError("bibliography not found", path=str(paths[0]),
                         hint=f"{name} names no bibliography file (a front matter's bibliography:, LaTeX's "
                              "\\bibliography or \\addbibresource) and this default one does not exist: name the "
                              f"file in {name}, or give it with --bib or in the settings")
    return load_all(paths, load, inline, first=first)


def _own_list(essay: Essay) -> bool:
    """Whether a LaTeX manuscript's files write a ``thebibliography`` list (``essay.latex_bibitems``)."""
    from .errors import LitreviewError
    from .essay.latex_bibitems import bibitems
    from .fileio import read_text

    for file in dict.fromkeys([essay.path, *essay.inputs]):
        try:
            if bibitems(read_text(file, what="manuscript")):
                return True
        except LitreviewError:  # (only a hint depends on it: a file unread now holds no list for it)
            continue
    return False


def load_all(paths: tuple[Path, ...], load: Callable[[Path], Bibliography],
             inline: Bibliography | None = None, *, first: bool = False) -> Bibliography:
    """Several bibliographies read as one, as pandoc reads them: a key defined in two files takes the
    later file's entry, and the earlier one is an LR101 duplicate naming both places; with ``first``, as BibTeX and
    biber read them (a LaTeX document's): the first entry of a key, in a file and across files; a crossref or xdata
    naming another file's entry inherits from it, as biber resolves it (pandoc does not); an essay's
    front matter ``references`` (``inline``) come last, taking precedence. The result's
    ``file`` and ``text`` are the first file's (the one ``add`` and ``sync --write`` write to)."""
    from .bibliography.several import as_bibtex_reads, duplicate_key, inherit_across, macro_in_other_file

    once = {path.resolve(): path for path in reversed(paths)}  # a file named twice is read once
    loaded = [load(path) for path in reversed(once.values())] + ([inline] if inline is not None else [])
    if first:
        loaded = [as_bibtex_reads(bib) for bib in loaded]
    head, *rest = loaded
    if not rest:
        return _macros_elsewhere(head, paths)
    chosen = {s.key: s for s in head.sources}
    problems = [macro_in_other_file(p, [], rest) for p in head.problems]
    for i, bib in enumerate(rest, 1):
        # A macro defined in another of the files: named, as BibTeX and biber share them in order.
        problems += [macro_in_other_file(p, loaded[:i], loaded[i + 1:]) for p in bib.problems]
        for source in bib.sources:
            if first and (kept := chosen.get(source.key)) is not None:
                problems.append(duplicate_key(source.key, (source.file, source.line), (kept.file, kept.line),
                                              first=True))
                continue
            earlier = chosen.pop(source.key, None)
            chosen[source.key] = source
            if earlier is not None:
                problems.append(duplicate_key(source.key, (earlier.file, earlier.line), (source.file, source.line)))
    # A crossref or xdata naming another file's entry inherits from it, as biber reads the files of a document.
    merged = Bibliography(inherit_across(tuple(chosen.values())), tuple(problems), head.file, head.text,
                          tuple((bib.file, bib.text) for bib in loaded))
    return _macros_elsewhere(merged, paths)


def _macros_elsewhere(bib: Bibliography, paths: tuple[Path, ...]) -> Bibliography:
    """``bib`` with each "undefined @string" finding told where the macro may be: in the .bib file beside the files
    given (in one of their folders, not given) that defines it, else, for a file that defines none and leaves several
    undefined, in a strings file to give first (``several.macros_of_a_strings_file``). The files beside are read only
    when a macro is undefined."""
    from .bibliography.several import macro_beside, macro_undefined, macros_of_a_strings_file

    if not any(macro_undefined(p) for p in bib.problems):
        return bib
    bib = replace(bib, problems=tuple(macros_of_a_strings_file(bib.problems, bib.files)))
    from .bibliography import bibtex
    from .cache import bibtex_files
    from .checks.size import MAX_ESSAY
    from .errors import LitreviewError
    from .fileio import read_text

    given = {p.resolve() for p in paths}
    beside: list[tuple[str, frozenset[str]]] = []
    for folder in dict.fromkeys(p.parent for p in paths):
        for file in bibtex_files(folder):
            try:
                if file.resolve() in given or file.stat().st_size > MAX_ESSAY:
                    continue
                if names := bibtex.string_names(read_text(file)):
                    beside.append((file.name, names))
            except (OSError, LitreviewError):  # (a file beside that cannot be read names nothing)
                continue
    if not beside:
        return bib
    return replace(bib, problems=tuple(macro_beside(p, beside) for p in bib.problems))
