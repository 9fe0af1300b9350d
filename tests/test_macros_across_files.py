"""An @string defined in one bibliography and used in another given with it: BibTeX and biber read the
files in order and share their macros; pandoc reads each file alone."""

from __future__ import annotations

from pathlib import Path

from litreview.bibliography.load import load_bibliography
from litreview.review import load_all

STRINGS = "@string{jnl = {Journal of Tests}}\n"
REFS = "@article{a, author = {Doe, Jane}, title = {T}, journal = JNL, year = {2001}}\n"


def _load(tmp_path: Path, *files: tuple[str, str]):
    paths = []
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    return load_all(tuple(paths), load_bibliography)


def _macro_findings(bib):
    return [(p.severity, p.file and Path(p.file).name, p.message) for p in bib.problems if "@string" in p.message]


def test_a_macro_of_an_earlier_file_is_named_and_only_a_warning(tmp_path: Path) -> None:
    bib = _load(tmp_path, ("strings.bib", STRINGS), ("refs.bib", REFS))
    assert _macro_findings(bib) == [(
        "warning", "refs.bib", "@string 'JNL' is defined in strings.bib, not in this file: BibTeX and biber, "
        "given strings.bib first, share it; pandoc reads each file alone and prints 'JNL'")]


def test_a_macro_only_a_later_file_defines_is_an_error_naming_it(tmp_path: Path) -> None:
    bib = _load(tmp_path, ("refs.bib", REFS), ("strings.bib", STRINGS))
    [(severity, where, message)] = _macro_findings(bib)
    assert (severity, where) == ("error", "refs.bib")
    assert message == ("BibTeX syntax error: undefined @string 'JNL': only strings.bib, given after this file, "
                       "defines it, and BibTeX and biber read the files in order")


def test_a_macro_no_file_defines_stays_undefined(tmp_path: Path) -> None:
    bib = _load(tmp_path, ("other.bib", "@string{journ = {J}}\n"), ("refs.bib", REFS))
    assert _macro_findings(bib) == [(
        "error", "refs.bib", "BibTeX syntax error: undefined @string 'JNL': BibTeX and biber leave the field empty")]


def test_a_macro_defined_below_its_use_says_to_move_it_up(tmp_path: Path) -> None:
    # A pull request appends the @string an old entry lacked: BibTeX, biber and pandoc all read the file in order,
    # so the field is still empty (pandoc prints the name); "define it with @string" misled, as it was defined.
    bib = _load(tmp_path, ("refs.bib", REFS + "\n" + STRINGS.replace("jnl", "Jnl")))
    [problem] = [p for p in bib.problems if "@string" in p.message]
    assert (problem.severity, problem.line) == ("error", 1)
    assert problem.hint == ("Move the @string on line 3 above the entries that use 'JNL': BibTeX, biber and pandoc "
                            "read the file in order, and pandoc prints 'JNL' here")
    bib = _load(tmp_path, ("refs.bib", REFS))
    assert [p.hint for p in bib.problems] == ["Write journal = {JNL} if it is text, or define it with @string in this file"]


def test_a_macro_of_a_file_a_comment_names_says_to_give_that_file_first(tmp_path: Path) -> None:
    # An Emacs bibtex-mode file that relies on its author's strings file ("% include: strings.bib"), given alone:
    # every field using one of its macros is empty, and the fix is the file the comment names, not 70 @strings.
    head = "% refs.bib\n% include: strings.bib\n\n"
    [problem] = [p for p in _load(tmp_path, ("refs.bib", head + REFS)).problems if "@string" in p.message]
    assert problem.line == 4 and problem.hint == (
        "Write journal = {JNL} if it is text, or define it with @string in this file, or give strings.bib (which a "
        "comment of this file names) before this file: BibTeX and biber share the @strings of the files of one build")
    # a file name that is a part of a template's placeholder names no file to give
    template = '% crossref = "<key-from-crossref.bib-or-crossref-short.bib>"\n\n'
    [problem] = [p for p in _load(tmp_path, ("refs.bib", template + REFS)).problems if "@string" in p.message]
    assert problem.hint == "Write journal = {JNL} if it is text, or define it with @string in this file"
    # a file a comment names for another reason (where the file came from) is no file to give first
    exported = "% This file was exported by JabRef from library.bib\n\n"
    [problem] = [p for p in _load(tmp_path, ("refs.bib", exported + REFS)).problems if "@string" in p.message]
    assert problem.hint == "Write journal = {JNL} if it is text, or define it with @string in this file"


def test_an_undefined_macro_empties_its_field_alone(tmp_path: Path) -> None:
    # The entry is read whole, its journal empty: the LR100 on the journal's line says so, once, and the entry's
    # other checks run (an entry a syntax error cut short skips them: here LR137, told of an article with a volume
    # and no DOI). "Lacks journal" repeated the LR100.
    from litreview.checks import check_review
    from litreview.config import Config
    from litreview.model import Review

    text = "@article{a, author = {Doe, Jane}, title = {T}, journal = JNL, volume = {3}, year = {2019}}\n"
    bib = _load(tmp_path, ("refs.bib", text))
    found = check_review(Review(bib), Config(root=str(tmp_path))).findings
    assert sorted(f.code for f in found if f.key == "a") == ["LR100", "LR137"]
    bib = _load(tmp_path, ("refs.bib", text.replace(", year = {2019}", "")))  # a field it lacks is still told
    assert "LR110" in {f.code for f in check_review(Review(bib), Config(root=str(tmp_path))).findings}


def test_a_macro_a_file_beside_defines_names_that_file_to_give_first(tmp_path: Path) -> None:
    # A strings file kept beside the entries (strings.bib, defs.bib, papers.bib of one repository), the entries'
    # file given alone: each use of a macro was an error saying "define it with @string in this file", 167 times
    # for one file, when the fix is to give the file beside it that defines them all.
    (tmp_path / "strings.bib").write_text(STRINGS + "@string{other = {O}}\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("@string{jnl = {not a bibliography}}\n", encoding="utf-8")
    bib = _load(tmp_path, ("refs.bib", REFS))
    [problem] = [p for p in bib.problems if "@string" in p.message]
    assert (problem.severity, problem.line) == ("error", 1)
    # (the message as a check without the file beside makes it: --since compares it with the base's)
    assert problem.message == "BibTeX syntax error: undefined @string 'JNL': BibTeX and biber leave the field empty"
    assert problem.hint == ("strings.bib, beside this file but not given, defines this @string: give it before "
                            "this file, --bib strings.bib --bib refs.bib (bibliography: [strings.bib, refs.bib] in a front matter, "
                            "\\bibliography{strings,refs} in LaTeX)")
    # a file beside that does not define the macro is not named; nor one given with it (told as before)
    (tmp_path / "strings.bib").write_text("@string{other = {O}}\n", encoding="utf-8")
    [problem] = [p for p in _load(tmp_path, ("refs.bib", REFS)).problems if "@string" in p.message]
    assert problem.message.endswith("leave the field empty")
    assert problem.hint == "Write journal = {JNL} if it is text, or define it with @string in this file"


def test_a_file_that_defines_no_macro_and_uses_many_is_told_to_be_given_after_its_strings_file(tmp_path: Path) -> None:
    # defs.bib alone, its strings file not at hand: each of 167 uses was "define it with @string in this file" (32
    # macros to define again), where the file is one part of a build whose strings file comes first.
    text = "".join(f"@article{{k{i}, author = {{Doe, J.}}, title = {{T}}, year = {{2001}}, journal = s-j{i % 4}}}\n"
                   for i in range(6))
    problems = [p for p in _load(tmp_path, ("defs.bib", text)).problems if "@string" in p.message]
    assert len(problems) == 6 and len({p.hint for p in problems}) == 1
    assert problems[0].hint == ("This file uses 4 @string macros and defines none: give the file that defines them "
                                "before it (--bib strings.bib --bib defs.bib; \\bibliography{strings,defs} in LaTeX), "
                                "as BibTeX and biber share the macros of a build's files; or put a value that is text "
                                "in braces")
    # one or two undefined in a file that defines others of its own: a value typed without braces, told as before
    few = "@string{a = {A}}\n" + text.replace("s-j0", "a").replace("s-j1", "a")
    hints = {p.hint for p in _load(tmp_path, ("defs.bib", few)).problems if "@string" in p.message}
    assert all(h.startswith("Write journal = {s-j") for h in hints)
