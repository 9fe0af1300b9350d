"""What pandoc refuses or reads otherwise than BibTeX and biber, for a manuscript pandoc builds (Markdown,
Quarto, R Markdown, notebooks, Manubot): not for a LaTeX paper, which BibTeX or biber builds.

pandoc 3.x reads a BibTeX entry only in braces: ``@Article(key, …)``, ``@string(…)``, ``@comment(…)``,
valid BibTeX that BibTeX, biber and pybtex read, make it refuse the whole file ("unexpected '('"). pandoc resolves
a ``crossref`` or ``xdata`` within its file only: an entry naming another file's entry inherits nothing there.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..bibliography.bibtex import MONTH_NAMES, MONTHS
from ..bibliography.latex import aas_journal
from ..bibliography.several import file_name, parents_elsewhere
from ..essay import BIBTEX
from ..model import Bibliography, Essay, Finding, Source
from ..pandoc_options import BIBTEX_SUFFIXES
from .bib import entry_finding
from .catalogue import finding
from .hints import csl_form

_PARENTHESISED = re.compile(r"^[ \t]*@[ \t]*(?P<type>\w+)[ \t]*\((?:[ \t]*(?P<key>[^,\s=()]+)[ \t]*,)?", re.M)


def check_pandoc_reads(bib: Bibliography, essay: Essay) -> list[Finding]:
    """LR100 for each entry written in parentheses in a .bib file of a manuscript pandoc builds; LR112 (a warning)
    for each crossref or xdata naming an entry of another file, which pandoc does not inherit from."""
    if essay.format == "latex":  # built with biber (biblatex), a month in another language is lost there too
        return [] if essay.meta.get(BIBTEX) else _other_language_month_words(bib)
    found = [_parent_elsewhere(*link) for link in parents_elsewhere(bib.sources)]
    found += [f for s in bib.sources for f in _journal_macro(s)]
    for file, text in bib.files:
        if file and file.lower().endswith(BIBTEX_SUFFIXES) and "month" in text.lower():
            found += _worded_months(file, text, bib)
    return found + _refused_files(bib)


_MONTH_WORD = re.compile(r"^[ \t]*month[ \t]*=[ \t]*(?:\{(?P<braced>[^{}\n]*)\}|\"(?P<quoted>[^\"{}\n]*)\")", re.M | re.I)
"""A month field written as text in braces or quotes on a line of its own ("month = {February},")."""
_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(][ \t]*([^,\s=(){}]*)", re.M)


def _worded_months(file: str, text: str, bib: Bibliography, *, english: bool = True) -> list[Finding]:
    """LR146 for each month given as a word pandoc's reader reads no month in ("{February}", "{Sept}", "{Feb.}",
    "{Srpanj}"): it reads a month in figures or the three letters of a month macro alone ("feb", "{Feb}", "{May}"),
    so the document prints the year alone; the macro is read by every tool. With ``english`` False (a bibliography
    checked alone, which BibTeX may print) an English month word is left: BibTeX prints it, biber reads it."""
    from bisect import bisect_left

    found = []
    entries = [(m.start(), m.group(1)) for m in _ENTRY_START.finditer(text)]
    starts = [at for at, _ in entries]
    breaks = [i for i, c in enumerate(text) if c == "\n"] if _MONTH_WORD.search(text) else []
    sources = {s.key: s for s in bib.sources if s.file == file}
    for match in _MONTH_WORD.finditer(text):
        word = (match.group("braced") if match.group("braced") is not None else match.group("quoted")).strip()
        if not word or word.isdigit() or word.lower() in MONTHS:
            continue
        meant = next((m for m, name in zip(MONTHS, MONTH_NAMES, strict=True)
                      if word.lower().rstrip(".").startswith(m) and name.lower().startswith(word.lower().rstrip("."))),
                     "")
        named = _other_language_months(word)
        if not english and (meant or not named):  # checked alone: a month's name in another language only
            continue
        before = bisect_left(starts, match.start())
        key = entries[before - 1][1] or None if before else None
        line = bisect_left(breaks, match.start()) + 1
        if meant or english:
            message = (f"month {{{word}}} is a word pandoc reads no month in (a month in figures or its three letters "
                       "alone): it prints the year alone")
        else:
            message = (f"month {{{word}}} is a word pandoc and biber read no month in: pandoc prints the year alone, "
                       "biber warns and drops it (BibTeX prints it as written)")
        if meant:
            hint = f"write month = {meant}, the macro BibTeX, biber and pandoc all read"
        elif len(named) == 1:
            hint = _month_hint(next(iter(named)), sources.get(key or ""))
        else:
            hint = "write the month as its macro (month = jan ... dec) or in figures" + (
                f" ({word} names {' or '.join(MONTH_NAMES[n - 1] for n in sorted(named))} in different languages)"
                if named else "")
        found.append(finding("LR146", message, hint=hint, key=key, file=file, line=line))
    return found


def _other_language_months(word: str) -> set[int]:
    """The months a month's name in another language than English names, whole ("Srpanj", "juillet", "června"):
    one, or several for a name two languages give different months ("listopad"); none for another word."""
    from ..bibliography.refparse.lexicon import CROATIAN_MONTH_NUMBERS, LOCALE_MONTH_NUMBERS, MONTH_NUMBERS

    word = word.casefold().rstrip(".")
    return {n for names in (MONTH_NUMBERS, LOCALE_MONTH_NUMBERS, CROATIAN_MONTH_NUMBERS) if (n := names.get(word))}


def _month_hint(month: int, source: Source | None) -> str:
    """"write month = jul (July), or date = {2024-07-23} with the day field folded in": the macro, and the date
    biblatex reads with the entry's year and day."""
    hint = f"write month = {MONTHS[month - 1]} ({MONTH_NAMES[month - 1]})"
    year = source.fields.get("year", "").strip() if source else ""
    if not (len(year) == 4 and year.isdigit()):
        return hint
    day = source.fields.get("day", "").strip() if source else ""
    if day.isdigit() and 1 <= int(day) <= 31:
        return hint + f", or date = {{{year}-{month:02d}-{int(day):02d}}} with the day field folded in"
    return hint + f", or date = {{{year}-{month:02d}}}"


_ALONE = " (for a document pandoc renders: BibTeX and biber read the file as it is)"


def check_pandoc_refusals(bib: Bibliography) -> list[Finding]:
    """For a bibliography checked alone (no manuscript tells which tool prints it): each LR100 of what makes pandoc
    refuse a whole .bib file (``check_pandoc_reads``), as a warning whose hint says that LaTeX reads it."""
    return [replace(f, severity="warning", hint=f.hint + _ALONE) for f in _refused_files(bib)] + \
        _other_language_month_words(bib)


def _other_language_month_words(bib: Bibliography) -> list[Finding]:
    """LR146 for each month written as its name in another language than English ("{Srpanj}"), which pandoc and
    biber read no month in: told for a bibliography checked alone and for a LaTeX paper biber builds."""
    return [f for file, text in bib.files if file and file.lower().endswith(BIBTEX_SUFFIXES) and "month" in text.lower()
            for f in _worded_months(file, text, bib, english=False)]


def _refused_files(bib: Bibliography) -> list[Finding]:
    """LR100 for each entry of a .bib file that makes pandoc refuse the whole file: written in parentheses, a type
    of other characters than letters, a key with a character pandoc does not read."""
    found: list[Finding] = []
    for file, text in bib.files:
        if not file or not file.lower().endswith(BIBTEX_SUFFIXES):
            continue
        for match in _PARENTHESISED.finditer(text):
            kind, key = match.group("type"), match.group("key")
            written = f"@{kind}({key}, …)" if key else f"@{kind}(…)"
            found.append(finding("LR100", f"{written} is written in parentheses: BibTeX and biber read it, "
                                          "pandoc refuses the whole file (\"unexpected '('\")",
                                 hint=f"write braces: {written.replace('(', '{', 1).replace(')', '}')}", key=key,
                                 file=file, line=text.count("\n", 0, match.start()) + 1))
        found += _types_not_letters(file, text)
        found += _keys_pandoc_refuses(file, text)
    return sorted(found, key=lambda f: (f.file or "", f.line or 0))


_ENTRY_KEY = re.compile(r"^[ \t]*@[ \t]*(?P<type>[A-Za-z]+)[ \t]*\{[ \t]*(?P<key>[^,\s]+)[ \t]*,", re.M)
KEY_PUNCTUATION = ".:;?!`'()$/*@_+=-[]&"
"""What pandoc's BibTeX reader reads in an entry's key besides letters and digits (of any script); at any other
character ("<", "~", "#", "|", "^", a dash, a quotation mark) it refuses the whole file."""


def _keys_pandoc_refuses(file: str, text: str) -> list[Finding]:
    """LR100 for each entry whose key holds a character pandoc refuses (``KEY_PUNCTUATION``): BibTeX, biber and
    pybtex read the key, pandoc does not read the file ("unexpected '<'"), so the document does not render."""
    found = []
    for match in _ENTRY_KEY.finditer(text):
        key = match.group("key")
        if match.group("type").lower() in ("string", "comment", "preamble"):
            continue
        bad = next((c for c in key if not c.isalnum() and c not in KEY_PUNCTUATION), None)
        if bad is None:
            continue
        found.append(finding("LR100", f"the key {key!r} holds {bad!r}: pandoc reads a key of letters, digits and "
                                      f"{KEY_PUNCTUATION} alone and refuses the whole file (\"unexpected '{bad}'\"), "
                                      "so the document does not render",
                             hint=f"give the entry a key without {bad!r}, and cite it by that key", key=key, file=file, line=text.count("\n", 0, match.start()) + 1))
    return found


_NOT_LETTERS = re.compile(r"^[ \t]*@(?P<type>[^\W\d_]+(?P<bad>[\d_]|[^\w\s{(,@])[^\s{(,@]*)[ \t]*[{(][ \t]*"
                          r"(?P<key>[^,\s=(){}]*)", re.M)
"""An entry whose type holds a character other than a letter (``@web_page{``, ``@web-page{``, ``@bib2{``)."""


def _types_not_letters(file: str, text: str) -> list[Finding]:
    """LR100 for each entry whose type holds a character other than a letter: pandoc reads the type in letters alone
    and refuses the whole file at the first other (\"unexpected '_'\"); BibTeX and biber read it as a type of its
    own (LR102 tells what to write)."""
    found = []
    for match in _NOT_LETTERS.finditer(text):
        kind, bad, key = match.group("type"), match.group("bad"), match.group("key") or None
        found.append(finding("LR100", f"the entry type @{kind} holds {bad!r}: pandoc reads an entry type in letters "
                                      f"alone and refuses the whole file (\"unexpected '{bad}'\"), so the document "
                                      "does not render", hint="write a type of letters alone (LR102 says which)",
                             key=key, file=file, line=text.count("\n", 0, match.start()) + 1))
    return found


def _journal_macro(source: Source) -> list[Finding]:
    """LR142 for a journal named by an AASTeX macro alone (NASA ADS's ``journal = {\\jgr}``), which pandoc does not
    define: it prints the entry with no journal (BibTeX and biber print it where the document's class defines it)."""
    if csl_form(source):
        return []
    for name in ("journal", "journaltitle"):
        if (meant := aas_journal(source.fields.get(name, ""))):
            written = " ".join(source.fields[name].split())
            return [entry_finding("LR142", source, f"{name} {{{written}}} is AASTeX's journal macro for {meant!r}: "
                                  "LaTeX prints it with AASTeX or the MNRAS class, pandoc prints no journal at all "
                                  "(it defines no such macro)",
                                  f"write {name} = {{{meant}}} (or the journal's full name), which pandoc, BibTeX and "
                                  "biber all print", field=name)]
    return []


def _parent_elsewhere(source: Source, name: str, target: str, file: str | None) -> Finding:
    where = file_name(file, source.file)
    told = entry_finding("LR112", source, f"{name} names {target!r}, an entry of {where}: biber inherits its fields "
                         "across the files, pandoc reads each file alone and prints this entry without them",
                         f"keep {target!r} in the same file as {source.key!r} (or merge the files); a LaTeX build "
                         "with biber needs nothing", field=name)
    return replace(told, severity="warning")
