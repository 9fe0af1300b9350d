"""`litreview init`'s bibliography: the one given, those the essay names, the one beside, above or below it, or
one imported from its reference list (``_bibliography``); and whether the settings may leave it out to follow the
essay (``_follows``). Part of ``_init_plan``'s plan; nothing is written here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..bibliography.csl import CSL_SUFFIXES, is_csl
from ..cache import LATEX_SUFFIXES
from ..config import quoted
from ..errors import InputError
from ..fileio import is_inside, shell_word
from ..text import plural

if TYPE_CHECKING:
    from ..bibliography.refparse.reference import ParsedReference
    from ._init_plan import Plan

_BIB_SUFFIXES = (".bib", *CSL_SUFFIXES)
#: How a note on the bibliography init found says to choose another (it is no option the user gave).
OTHER_BIB = "(to read another: litreview init --bib FILE)"


def _bibliography(plan: Plan, root: Path, essay_path: Path, essay_text: str,
                  bib: str | tuple[str, ...] | None) -> str | list[str]:
    """The bibliography setting: the one given, those named in the front matter, the one beside the essay,
    or one imported; several named ones are kept as a list, as pandoc reads them."""
    given = [bib] if isinstance(bib, str) else list(bib or ())
    if not given and essay_path.is_dir():
        from ..essay.manubot import manual_files  # the files the reader reads: every manual-references*.*

        manual = ", ".join(_rel(p, root) for p in manual_files(essay_path))
        described = f"; a plain key (@smith2020) names the item of that id in {manual}" if manual else ""
        plan.notes.append(f"the sources are the works the manuscript cites, by identifier (@doi:..., @arxiv:...) as "
                          f"Manubot reads them{described} (refs/bibliography.bib, once it exists, is used instead)")
        return "refs/bibliography.bib"
    candidates = [Path(b).resolve() for b in given] or _named_or_beside(plan, essay_path, essay_text)
    if candidates:
        settings = [_placed(plan, root, candidate) for candidate in candidates]
        return settings[0] if len(settings) == 1 else settings
    target = root / "refs" / "bibliography.bib"
    if target.exists():
        plan.kept.append(target)
        return _rel(target, root)
    if _has_inline_references(essay_path, essay_text):
        plan.notes.append(f"the sources are the references in {essay_path.name}'s front matter, as pandoc reads "
                          "them (refs/bibliography.bib, once it exists, is read too)")
        return _rel(target, root)
    imported, count = _import_references(plan, essay_path, without_front_matter(essay_text, essay_path))
    plan.writes[target] = imported
    _above_root(plan, essay_path, imported=count > 0)
    return _rel(target, root)


def _follows(plan: Plan, root: Path, essay_path: Path, essay_text: str, bib_setting: str | list[str]) -> bool:
    """Whether the settings may leave the bibliography out, to follow the essay (``review.follows_essay``): the
    essay, reviewed where it is, names the files, all of them existing inside the folder and none copied, and
    refs/bibliography.bib (which would be read instead) neither exists nor is written. The essay's front matter
    (or ``\\bibliography``) then stays the one place the bibliography is named: a file it adds or renames later
    is read, where a setting copied from it would go stale (LR321)."""
    default = root / "refs" / "bibliography.bib"
    if not essay_path.is_file() or not is_inside(essay_path, root) or default.exists() or default in plan.writes:
        return False
    named, remote = _named(essay_path, essay_text)  # (one it names that does not exist, or remote, stops a check)
    settings = [bib_setting] if isinstance(bib_setting, str) else bib_setting
    return (bool(named) and not remote and all(p.is_file() for p in named)
            and [p.resolve() for p in named] == [(root / s).resolve() for s in settings]
            and not any(p in plan.copies for p in (root / s for s in settings)))


def without_front_matter(text: str, path: Path) -> str:
    """The essay with its front matter blanked (lines kept): its YAML is no reference list to import
    (``init`` and ``import`` both read the list after it)."""
    from ..essay.yaml_meta import front_matter

    if path.suffix.lower() in LATEX_SUFFIXES:
        return text
    try:
        _, body, body_line = front_matter(text, str(path))
    except InputError:
        return text
    return "\n" * (body_line - 1) + body


def _placed(plan: Plan, root: Path, candidate: Path) -> str:
    """The setting for a bibliography file: where it is inside the folder, else copied into refs/. A PDF or a Word
    file under a bibliography's name stops init before anything is written."""
    from ..bibliography.load import not_a_bibliography
    from ..fileio import NOT_TEXT_HEAD

    try:
        with candidate.open("rb") as handle:
            head = handle.read(NOT_TEXT_HEAD)
    except OSError:  # missing or unreadable: said where it is read
        head = b""
    if (wrong := not_a_bibliography(head, str(candidate))) is not None:
        raise wrong
    if is_inside(candidate, root):
        return _rel(candidate, root)
    target = root / "refs" / candidate.name
    if target.exists():
        plan.kept.append(target)
    else:
        plan.copies[target] = candidate
    return _rel(target, root)


def _named_or_beside(plan: Plan, essay_path: Path, text: str) -> list[Path]:
    """The bibliographies the essay names (front matter, _quarto.yml, \\addbibresource), else the one of its name
    beside it, else the one .bib beside it or above it."""
    named, remote = _named(essay_path, text)
    for url in remote:
        plan.notes.append(f"{essay_path.name} names the remote bibliography {url}, which litreview does not fetch: "
                          "download it and add the file to the bibliography setting")
    found = [p for p in named if p.is_file()]
    guessed = len(plan.notes)
    chosen = found or (_built_with(plan, essay_path) if not named and not remote else []) or \
        _beside(plan, essay_path, text)
    same = _same_names(plan, named) if named and not found and not chosen else []
    if same:  # what the names tell outweighs the guesses (and their notes)
        del plan.notes[guessed:]
        plan.notes.append(f"{essay_path.name} names the bibliography {', '.join(p.name for p in named)}, not beside "
                          f"it: the {'file' if len(same) == 1 else 'files'} of that name below this folder "
                          f"({', '.join(_rel(p, plan.root) for p in same)}) {'is' if len(same) == 1 else 'are'} read, "
                          "where TeX finds them when BIBINPUTS (a latexmkrc's) names their folder, and pandoc with "
                          "--resource-path (--bib names others)")
        return same
    if not named and not remote and chosen and essay_path.suffix.lower() in LATEX_SUFFIXES:
        _no_bibliography_named(plan, essay_path, text, chosen[0])
    elif not named and not remote and len(chosen) == 1 and not _is_project(essay_path):
        _given_by_r_code(plan, essay_path, text, chosen[0])
    for path in named:
        if path.is_file():
            continue
        stand_in = next((c for c in chosen if not found and c.name == path.name), None)
        if stand_in is None:
            written = (path.relative_to(essay_path.parent).as_posix() if path.is_relative_to(essay_path.parent)
                       else _rel(path, plan.root))  # as the essay names it: bib/refs.bib, not refs.bib
            plan.notes.append(f"{essay_path.name} names the bibliography {written}, which does not exist")
        else:  # pandoc reads a bibliography's path from the folder it runs in: a thesis's root, say
            where = ("the folder above" if stand_in.parent == essay_path.parent.parent else
                     "this folder" if stand_in.parent == plan.root else _rel(stand_in.parent, plan.root))
            plan.notes.append(f"{essay_path.name} names the bibliography {path.name}, which is not beside it: "
                              f"{_rel(stand_in, plan.root)} of {where} is used, where pandoc finds it when run from "
                              f"there {OTHER_BIB}")
    return chosen


def _same_names(plan: Plan, named: list[Path]) -> list[Path]:
    """When none of the files the essay names is where it names them and nothing else was found: the files of
    those names in this folder or below it (three levels), one for each name, as TeX finds them through
    ``BIBINPUTS`` or pandoc through ``--resource-path``; none when a name has no such file or several."""
    files = [*sorted(plan.root.glob("*.bib")), *_bibs_below(plan.root)]
    matches = [[f for f in files if f.name == path.name] for path in named]
    return [m[0] for m in matches] if all(len(m) == 1 for m in matches) else []


def _built_with(plan: Plan, essay_path: Path) -> list[Path]:
    """The bibliographies a Markdown essay that names none is built with: those a Makefile or script beside it or
    above it hands pandoc (``--bibliography=refs.bib``), with a note; none when one of them does not exist."""
    from ._init_build import build_bibliographies

    if essay_path.suffix.lower() in LATEX_SUFFIXES or _is_project(essay_path) or not essay_path.is_file():
        return []
    files, build = build_bibliographies(essay_path, plan.root)
    if build is None:
        return []
    names = ", ".join(_rel(p, plan.root) for p in files)
    absent = [p for p in files if not p.is_file()]
    if absent:
        plan.notes.append(f"{_rel(build, plan.root)} hands pandoc the bibliography {names}, but {_rel(absent[0], plan.root)} does not "
                          "exist (built by another step?): run init again with --bib naming the files")
        return []
    plan.notes.append(f"the bibliography is {names}, which {_rel(build, plan.root)} hands pandoc ({essay_path.name} names none) {OTHER_BIB}")
    return files


def _no_bibliography_named(plan: Plan, essay_path: Path, text: str, chosen: Path) -> None:
    """A note for a whole LaTeX document that names no bibliography, which LaTeX would build with no reference
    list: the review reads the .bib found for it, and says which."""
    from ..essay.latex_declarations import lists_no_references

    if not lists_no_references(text):
        return
    which = ("the .bib of its name" if chosen.stem == essay_path.stem else "the one .bib beside it"
             if chosen.parent == essay_path.parent else "the one .bib in a folder above it"
             if is_inside(essay_path, chosen.parent) else "")  # (one below: a note of its own says so)
    reads = f": the review reads {_rel(chosen, plan.root)}, {which} {OTHER_BIB}" if which else ""
    plan.notes.append(f"{essay_path.name} names no bibliography (no \\bibliography or \\addbibresource), so LaTeX "
                      f"prints no reference list and its citations as ?{reads}")


def _given_by_r_code(plan: Plan, essay_path: Path, text: str, chosen: Path) -> None:
    """A note for a Markdown essay whose front matter gives its bibliography by R code (``!expr ...``), which
    rmarkdown runs and litreview does not: ``chosen``, the file found for it, is a guess, and the note says so."""
    from ..essay import parse_essay
    from ..review import r_code_names

    try:
        code = r_code_names(parse_essay(text, str(essay_path)))
    except InputError:
        return
    if not code:
        return
    written, line = code[0]
    which = ("the .bib of its name" if chosen.stem == essay_path.stem else "the one .bib beside it"
             if chosen.parent == essay_path.parent else "")
    plan.notes.append(f"{essay_path.name} gives its bibliography by R code" + (f" on line {line}" if line else "")
                      + f", {written}, which litreview does not run: the review reads {_rel(chosen, plan.root)}"
                      + (f", {which}" if which else "") + "; if R makes another file, name it in litreview.toml "
                      "(bibliography = [...])")


def _beside(plan: Plan, essay_path: Path, text: str) -> list[Path]:
    """The bibliography of the essay's name beside it, else the one .bib beside it or above it, else below it."""
    # The essay's own name with a bibliography's suffix (pandoc's pairing: paper.md, paper.json), then the one .bib
    # beside it or in a folder above it up to the one init runs in (a thesis's chapters/intro.tex, the .bib that the
    # main file names at the root).
    same = [] if _is_project(essay_path) else [essay_path.with_suffix(suffix) for suffix in _BIB_SUFFIXES
                                                if suffix != essay_path.suffix.lower()]
    for path in same:
        if path.is_file():
            return [path]
    folder = essay_path.parent
    while True:
        beside = sorted(p for p in folder.glob("*.bib") if p.is_file())
        if not beside and folder == essay_path.parent and not _has_inline_references(essay_path, text):
            # No .bib: the one CSL-JSON or CSL-YAML bibliography beside the essay (a brief's list of cases that
            # its build script hands to pandoc), told from settings files by holding items.
            beside = [p for p in sorted(folder.iterdir()) if is_csl(p) and _holds_csl_items(p)]
            if len(beside) == 1:
                plan.notes.append(f"the bibliography is {beside[0].name}, the one CSL bibliography beside "
                                  f"{essay_path.name} {OTHER_BIB}")
        if beside or folder == plan.root or not is_inside(folder, plan.root):
            if len(beside) == 1 and folder != essay_path.parent:  # beside the essay, the file says itself
                plan.notes.append(f"the bibliography is {_rel(beside[0], plan.root)}, the one .bib in a folder above "
                                  f"{essay_path.name} {OTHER_BIB}")
            return beside if len(beside) == 1 else [] if beside else _below(plan, essay_path)
        folder = folder.parent


_CSL_SUFFIXES = tuple(s for s in _BIB_SUFFIXES if s != ".bib")
_SKIPPED = frozenset({"site", "_site", "_book", "_freeze", "node_modules", "refs"})
"""Folders whose .bib files are no manuscript's own (built sites, a book's output, packages, init's refs/)."""


def _below(plan: Plan, essay_path: Path) -> list[Path]:
    """The one .bib in a folder below the essay's (three levels at most) holding keys the essay cites, as a book's
    chapter finds its ``assets/refs.bib`` through the book's index; else, when no .bib lies below the essay's, the
    one below the folder init runs in, as a thesis's ``ch2/ch2.md`` is built with ``build/sources.bib`` by a
    Makefile; several that hold the keys cited between them (``_holding``); none when several do otherwise, with a
    note naming them."""
    top = essay_path.parent
    if _is_project(essay_path) or not is_inside(top, plan.root):
        return []
    found = _bibs_below(top)
    if found or top == plan.root:
        return _holding(plan, essay_path, found, essay_path.name) or _held_csl(plan, essay_path, top, found)
    found = _bibs_below(plan.root)
    return _holding(plan, essay_path, found, "this one") or _held_csl(plan, essay_path, top, found)


def _held_csl(plan: Plan, essay_path: Path, top: Path, bibs: list[Path]) -> list[Path]:
    """With no .bib below: the one CSL-JSON or CSL-YAML bibliography in a folder below the essay's (else below the
    folder init runs in) holding keys the essay cites, as a Zotero export in ``data/`` that a build hands pandoc."""
    if bibs:
        return []
    for folder, below in ((top, essay_path.name), (plan.root, "this one")):
        candidates = _bibs_below(folder, _CSL_SUFFIXES)
        found = [p for p in candidates if _holds_csl_items(p)] if len(candidates) <= 50 else []  # (a data folder)
        if found or folder == plan.root:
            return _holding(plan, essay_path, found, below, kind="CSL bibliography")
    return []


def _bibs_below(top: Path, suffixes: tuple[str, ...] = (".bib",), *, levels: int = 3,
                besides: Path | None = None) -> list[Path]:
    """The .bib files (or those of ``suffixes``) in the folders below ``top``, ``levels`` levels at most (hidden and
    built folders left out, and the folder ``besides``: one already looked in)."""
    found: list[Path] = []
    for folder, subfolders, files in os.walk(top):  # pruned as it goes: hidden and built folders, depth
        depth = len(Path(folder).relative_to(top).parts)
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in _SKIPPED
                               and Path(folder) / d != besides) if depth < levels else []
        if depth:
            found += [Path(folder) / f for f in sorted(files) if f.lower().endswith(suffixes)]
    return found


def _holding(plan: Plan, essay_path: Path, found: list[Path], below: str, *, kind: str = ".bib") -> list[Path]:
    """The one of ``found`` (the .bib files in the folders below ``below``: the essay, or "this one") holding keys
    the essay cites, with a note; several when they hold every key cited between them, none in two (``_split_between``);
    none when several do otherwise (a note names them) or none does."""
    holding, cited = _cited_held(essay_path, found)
    names = [_rel(p, plan.root) for p, _ in holding]
    cites = "it" if below == essay_path.name else essay_path.name
    if len(holding) == 1:
        plan.notes.append(f"the bibliography is {names[0]}, the one {kind} in a folder below {below} that holds keys "
                          f"{cites} cites ({len(holding[0][1])} of {len(cited)}) {OTHER_BIB}")
        return [holding[0][0]]
    if _split_between(holding, cited):
        # Primary and secondary sources in two files that a build gives pandoc (the essay names neither: its
        # bibliography_primary and bibliography_secondary are read as the essay's, essay_bibliographies): each file
        # holds its own share of the keys.
        shown = ", ".join(names[:-1]) + f" and {names[-1]}"
        plan.notes.append(f"the bibliography is {shown}, the {kind} files in folders below {below} that hold the "
                          f"{len(cited)} keys {cites} cites between them, none in two {OTHER_BIB}")
        return [path for path, _ in holding]
    if holding:
        plan.notes.append(f"several {kind} files below {below} hold keys {cites} cites ({', '.join(names)}): "
                          f"write bibliography = {quoted(names)} in the settings, or the ones the essay is built with")
    return []


def _split_between(holding: list[tuple[Path, frozenset[str]]], cited: frozenset[str]) -> bool:
    """Whether several files hold every key cited between them, none of those keys in two of them: the document's
    bibliography split in parts. A copy of them beside them (an older combined file) repeats keys: no choice then."""
    if len(holding) < 2:
        return False
    held = [keys for _, keys in holding]
    return frozenset().union(*held) == cited and sum(len(keys) for keys in held) == len(cited)


def _keys_held(essay_path: Path, found: list[Path]) -> tuple[list[tuple[Path, int]], int]:
    """(each of ``found`` holding keys the essay cites, with how many), and how many keys it cites (crossrefs left
    out); none for more than 50 files (a collection: --bib says which) or an essay that cannot be read."""
    holding, cited = _cited_held(essay_path, found)
    return [(path, len(keys)) for path, keys in holding], len(cited)


def _cited_held(essay_path: Path, found: list[Path]) -> tuple[list[tuple[Path, frozenset[str]]], frozenset[str]]:
    """(each of ``found`` holding keys the essay cites, with those keys), and the keys it cites (crossrefs left
    out); none for more than 50 files (a collection: --bib says which) or an essay that cannot be read."""
    from ..bibliography.load import load_bibliography
    from ..errors import LitreviewError
    from ..essay import load_essay

    if not found or len(found) > 50:
        return [], frozenset()
    try:
        essay = load_essay(essay_path)
    except LitreviewError:
        return [], frozenset()
    from ..essay.cites import crossref_kinds, is_crossref

    kinds = crossref_kinds(essay.meta)  # a figure's label (@fig-map) is no key any bibliography is asked for
    cited = frozenset(c.key for claim in essay.claims for c in claim.citations or () if not is_crossref(c.key, kinds))
    holding = []
    for path in found:
        try:
            keys = set(load_bibliography(path).keys)
        except LitreviewError:
            continue
        if keys & cited:
            holding.append((path, frozenset(keys & cited)))
    return holding, cited


_LEVELS_ABOVE = 3
"""How many folders above the one init runs in are looked at for a .bib it does not read (``_above_root``)."""
_LEVELS_BESIDE = 2
"""How many levels below a folder above are looked at for that .bib (``_above_root``): TeX/Styles/refs.bib."""
_HELD_TO_STOP = 3
"""How many of the keys the essay cites (and more than half of them) a .bib above must hold for init to stop rather
than start from an empty bibliography: one or two may be shared by chance (keys as short as ``a``, a scratch folder's
refs.bib), three and most of them make it the bibliography of the chapter's thesis (``_above_root``)."""


def _above_root(plan: Plan, essay_path: Path, *, imported: bool) -> None:
    """A note naming the .bib in a folder above the one init runs in (three levels at most, the nearest first)
    that holds keys the essay cites, as a thesis's chapter set up in its own folder misses the thesis's .bib: init
    reads nothing outside its folder unless told, so the note says how to have it read. When the essay's own
    reference list gave nothing to import (``imported`` false) and the .bib holds most of its keys (three at least,
    ``_HELD_TO_STOP``), the review would start from an empty bibliography, every citation an error: init stops
    before writing anything, so that either command the error gives works at once (init never overwrites a file
    it wrote, and a settings file written now would lack the note level of a shared .bib's uncited entries)."""
    folder = plan.root
    for _ in range(_LEVELS_ABOVE):
        if folder.parent == folder:
            return
        came_from, folder = folder, folder.parent
        # Its own .bib files, else those of the folders beside the one init came from (a thesis's TeX/Styles/
        # beside its chapters' TeX/02_Mainmatter/), two levels at most: init run up there finds them below it.
        holding, cited = _keys_held(essay_path, sorted(p for p in folder.glob("*.bib") if p.is_file()))
        if not holding and not _shared(folder):
            holding, cited = _keys_held(essay_path, _bibs_below(folder, levels=_LEVELS_BESIDE, besides=came_from))
        if holding:
            path, count = max(holding, key=lambda held: held[1])
            shown = Path(os.path.relpath(path, plan.root)).as_posix()
            essay = _rel(essay_path, plan.root)
            inside = Path(os.path.relpath(essay_path, folder)).as_posix()
            up = Path(os.path.relpath(folder, plan.root)).as_posix()
            where = "above this folder" if path.parent == folder else "outside this folder"
            held = (f"{shown}, {where}, holds {count} of the {cited} keys {essay_path.name} cites; init "
                    "reads no bibliography outside the folder it runs in")
            how = (f"run `litreview init {shell_word(inside)}` in {up} (it is read where it is), or here "
                   f"`litreview init {shell_word(essay)} --bib {shell_word(shown)}` (it is copied into refs/)")
            if not imported and count >= _HELD_TO_STOP and 2 * count > cited:
                raise InputError(f"{held}, and {essay_path.name} has no reference list to import instead: nothing "
                                 "was written", path=essay, hint=f"to review the essay with it, {how}")
            plan.notes.append(f"{held}: to review the essay with it, {how}, once the files init wrote now are deleted "
                              "(init never overwrites a file)")
            return


def _shared(folder: Path) -> bool:
    """Whether the folders below ``folder`` are other projects' rather than one thesis's: the home folder, a folder
    above it, or the file system's root (walking it would list every folder of /proc and /usr)."""
    try:
        home = Path.home().resolve()
    except (RuntimeError, OSError):  # no home folder known
        home = None
    return folder.parent == folder or (home is not None and (folder == home or folder in home.parents))


def _has_inline_references(essay_path: Path, text: str) -> bool:
    """Whether the essay's front matter holds its references (pandoc reads those, not a file beside it)."""
    from ..bibliography.csl import inline_references

    return essay_path.is_file() and inline_references(text, str(essay_path)) is not None


def _holds_csl_items(path: Path) -> bool:
    """Whether the file is a CSL bibliography with at least one item (not a settings or package file)."""
    from .. import safeload
    from ..bibliography.csl import parse_csl

    try:  # a file over the size parse_csl reads is no bibliography to offer, and is not read
        if not path.is_file() or path.stat().st_size > safeload.MAX_BYTES:
            return False
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return bool(parse_csl(text, str(path), yaml=path.suffix.lower() != ".json").sources)


def _named(essay_path: Path, text: str) -> tuple[list[Path], list[str]]:
    """Every bibliography file the essay names, in order, resolved as its tool resolves them (a book's
    chapter: the book's, as check reads them: review.named_bibliographies); and the addresses it names."""
    from ..essay import load_essay, parse_essay
    from ..review import is_remote, named_bibliographies, remote_bibliographies

    latex = essay_path.suffix.lower() in LATEX_SUFFIXES
    try:  # a LaTeX paper's \addbibresource or \bibliography may be in an \input file
        essay = load_essay(essay_path) if latex or _is_project(essay_path) else parse_essay(text, str(essay_path))
    except InputError:  # (a paper without text yet: its own file's commands)
        from ..essay.latex_declarations import bibliography_files

        names = bibliography_files(text, jobname=essay_path.stem) if latex else []
        return [essay_path.parent / n for n in names if not is_remote(n)], [n for n in names if is_remote(n)]
    return list(named_bibliographies(essay)), remote_bibliographies(essay)


def _is_project(path: Path) -> bool:
    """A book's settings file (_quarto.yml, _bookdown.yml), or a file listing the files pandoc joins (a build file):
    the book's chapters are the essay."""
    from ..essay import BOOKS, lists_inputs

    return path.name in BOOKS or lists_inputs(path)


def _import_references(plan: Plan, essay_path: Path, text: str) -> tuple[str, int]:
    """refs/bibliography.bib imported from the essay's reference list, and how many references it holds."""
    from ..bibliography.bibtex_out import make_keys, to_bibtex
    from ..bibliography.refparse import find_reference_section, parse_references, reference_heading
    from ..essay.latex_bibitems import bibtex_keys, own_list

    head = f"% Imported by `litreview init` from the reference list of {essay_path.name}.\n"
    if items := own_list(essay_path, text):  # a LaTeX thebibliography: each item under its \bibitem key
        refs = parse_references([item.text for item in items])
        unsure = sum(1 for r in refs if r.uncertain)
        plan.notes.append(f"imported {plural(len(refs), 'reference')} from the thebibliography list of "
                          f"{essay_path.name}, each under its \\bibitem key (the keys its \\cite commands name); "
                          f"{unsure} with fields marked '% uncertain' in refs/bibliography.bib: check those by hand")
        keys, renamed = bibtex_keys(items)
        if renamed:
            plan.notes.append(renamed)
        return head + "% Fields the parser was unsure of are listed above each entry: check them.\n\n" + \
            to_bibtex(refs, keys), len(refs)
    unheaded = None
    if reference_heading(text, None) is None:
        from ..bibliography.refparse.section import unheaded_list

        unheaded = unheaded_list(text)  # a rendering's list printed after the text with no heading, as import takes it
    if reference_heading(text, None) is None and unheaded is None:
        plan.notes.append(f"{essay_path.name} has no reference section (References, Bibliography, Works Cited, "
                          "Citations): refs/bibliography.bib starts empty; add entries with `litreview add`")
        return head + "% No reference section was found; add entries with `litreview add DOI`.\n", 0
    try:
        strings, _ = find_reference_section(text, None, path=str(essay_path))
    except InputError as exc:  # an empty heading where pandoc prints the list: nothing to import
        plan.notes.append(f"{essay_path.name}: {exc.message}, so refs/bibliography.bib starts empty: run init again "
                          "with --bib naming the bibliography the essay is built with, or add entries with "
                          "`litreview add`")
        return head + "% The reference section is empty; add entries with `litreview add DOI`.\n", 0
    refs = parse_references(strings)
    keys, adopted = cited_keys(refs, make_keys(refs), essay_path, text)
    unsure = sum(1 for r in refs if r.uncertain)
    where = (f"the list with no heading at the end (lines {unheaded[0] + 1}-{unheaded[1] + 1}) of " if unheaded
             else "")
    plan.notes.append(f"imported {plural(len(refs), 'reference')} from {where}{essay_path.name}; {unsure} with fields "
                      "marked '% uncertain' in refs/bibliography.bib: check those by hand")
    if adopted:
        plan.notes.append(adopted)
    return head + "% Fields the parser was unsure of are listed above each entry: check them.\n\n" + \
        to_bibtex(refs, keys), len(refs)


def cited_keys(refs: Sequence[ParsedReference], keys: list[str], path: Path | None,
               text: str) -> tuple[list[str], str]:
    """The imported entries' keys, each entry that a key the manuscript cites without an entry names
    (``keys.adopt_cited_keys``) given that key; and a sentence saying how many took the manuscript's keys
    ('' when none did). The manuscript is read as check reads it (``path``'s reader; ``text`` as Markdown when
    there is no file: standard input); one that cannot be read cites nothing."""
    from ..bibliography.keys import adopt_cited_keys
    from ..essay import load_essay, parse_essay
    from ..essay.cites import is_crossref

    try:
        essay = load_essay(path) if path is not None and path.is_file() else parse_essay(text, "<stdin>")
    except InputError:
        return keys, ""
    cited = [c.key for claim in essay.claims for c in claim.citations or () if not is_crossref(c.key)]
    if not cited:
        return keys, ""
    works = [(r.authors or r.editors, r.year, r.title) for r in refs]
    new = adopt_cited_keys(cited, works, keys, [r.year_letter() for r in refs], [r.undated() for r in refs])
    taken = sum(a != b for a, b in zip(keys, new, strict=True))
    open_keys = len(set(cited) - set(new))
    if not taken:
        return keys, ""
    left = f"; {plural(open_keys, 'cited key')} still without an entry" if open_keys else ""
    changed = [k for a, k in zip(keys, new, strict=True) if a != k]
    shown = ", ".join(changed[:3]) + (", ..." if len(changed) > 3 else "")
    return new, (f"{plural(taken, 'imported entry', 'imported entries')} took the keys the manuscript cites "
                 f"({shown}){left}")



def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)
