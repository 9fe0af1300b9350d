"""The one set of folding rules: how text is compared when case, accents and punctuation must not matter.

Three named variants, each built on the one before, so two stages that compare titles or names
always agree:

- :func:`fold`: lower case (``casefold``, so "ß" is "ss"), accents removed, typographic apostrophes
  and dashes made plain; punctuation and offsets within a word are kept (for tokens).
- :func:`fold_words`: :func:`fold`, "&" read as "and", every run of punctuation and space one space
  (for comparing titles, containers and names).
- :func:`fold_umlauts`: :func:`fold_words` with German umlauts written out ("Müller" is "mueller", as
  registries often spell it; "ß" is "ss" already): for telling whether two spellings of a name are one.
- :func:`canonical`: :func:`fold`, "&" read as "and", other punctuation but apostrophes and hyphens
  dropped, possessive "'s" removed, single spaces (for matching phrases in running text).
- :func:`spelled`: :func:`canonical` with accents kept (NFKC: ligatures read as letters): how citation styles tell names apart
  ("Šmith" is not "Smith").
- :func:`fold_ascii`: ASCII letters and digits only, every script transliterated by anyascii
  ("Łasiński" gives "lasinski", "Đorđević" "dordevic"): for citation keys and file names.

:data:`CONTROLS` is the one set of characters a terminal or an editor acts on instead of showing:
:func:`visible` writes them as escapes (terminal output), :func:`without_controls` removes them (text
written into a file, a reference pasted in).

:func:`plural` counts in words ("1 entry", "3 entries"), for every message and page. And the one
rule for when two titles name the same work, :func:`same_title`: folded alike, or one
is the other's main title (before its colon) of at least four words, the other giving a subtitle
it leaves out (a registry's search hit, a duplicate entry). :func:`closest_name` is the name a mistyped one most
likely meant, for every "did you mean" hint.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .lazyre import lazy

HARD_BREAK = "\u2028"
"""A line break the author forced (LaTeX's ``\\\\`` in a verse or a paragraph, pandoc's LineBreak), as the essay's text
holds it: Unicode's line separator, white space to every reader (a claim's text has a space there), a line break on
the essay page."""

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-"})
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_NON_WORD = re.compile(r"[\W_]+")
_NON_ASCII_WORD = lazy(r"[^a-z0-9]+")
_NON_PHRASE = re.compile(r"[^\w\s'-]")
_QUOTE_MARK = re.compile(r"(?<!\w)'|'(?!\w)")
"""A single quotation mark, not an apostrophe inside a word: styles print a title's inner quotes as single ones
("‘Very Problematic’" for "very problematic")."""
_SPACE = re.compile(r"\s+")

#: The shortest main title (in words) that may stand for a title with a subtitle.
MIN_MAIN_TITLE_WORDS = 4


_DOTLESS = str.maketrans({"ı": "i", "ȷ": "j"})
"""Dotless letters: LaTeX's accented i is {\\'\\i}, which pandoc prints as a dotless i and an accent ("Garcı́a")."""


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, with plain apostrophes and hyphens."""
    text = text.translate(_APOSTROPHES).translate(_DASHES)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_DOTLESS)
    return text.casefold()


def fold_words(text: str) -> str:
    """Folded words separated by single spaces; punctuation dropped, "&" read as "and"."""
    return _NON_WORD.sub(" ", fold(text or "").replace("&", " and ")).strip()


def fold_umlauts(text: str) -> str:
    """:func:`fold_words` with German umlauts transliterated: "Müller" and "Mueller" are both "mueller"."""
    return fold_words(unicodedata.normalize("NFC", text or "").translate(_UMLAUTS))


def canonical(text: str) -> str:
    """Folded words separated by single spaces, punctuation dropped ("&" reads "and")."""
    text = _QUOTE_MARK.sub(" ", fold(text).replace("&", " and "))
    return _SPACE.sub(" ", _NON_PHRASE.sub(" ", text).replace("'s ", " ")).strip()


_DOTLESS_ACCENTED = re.compile(r"[ıȷ](?=[\u0300-\u036f])")
"""A dotless letter carrying an accent: LaTeX's {\\'\\i} as pandoc prints it ("Garcı́a"), the accented i."""


def dotted_accented(text: str) -> str:
    """``text`` with each accented dotless i or j the accented letter ("Garcı́a", as pandoc prints LaTeX's
    ``{\\'\\i}``, is "García"; composed where Unicode has the letter); a dotless letter with no accent is kept."""
    if not _DOTLESS_ACCENTED.search(text):
        return text
    return unicodedata.normalize("NFC", _DOTLESS_ACCENTED.sub(lambda m: m.group().translate(_DOTLESS), text))


@lru_cache(maxsize=65536)
def spelled(text: str) -> str:
    """:func:`canonical` with accents kept: "Šmith" stays "šmith" (citeproc compares names as spelled); an accented
    dotless i is the accented i ("Garcı́a" is "garcía")."""
    text = unicodedata.normalize("NFKC", dotted_accented(text)).translate(_APOSTROPHES).translate(_DASHES).casefold()
    text = _QUOTE_MARK.sub(" ", text.replace("&", " and "))
    return _SPACE.sub(" ", _NON_PHRASE.sub(" ", text).replace("'s ", " ")).strip()


def fold_ascii(text: str) -> str:
    """Lower-case ASCII letters and digits only: 'Müller-Lüdenscheidt' -> 'mullerludenscheidt'."""
    from anyascii import anyascii

    return _NON_ASCII_WORD.sub("", anyascii(fold(text or "")).lower())


DIGIT_LOOKALIKES = str.maketrans("OoDlIiSs", "00011155")
"""Letters typed for the digits they look like, each as that digit: O, o and D for 0; l, I and i for 1; S and s
for 5 ("2O07", "20l5", a key typed from print as ``kabir2O10``)."""


def fold_alnum(text: str) -> str:
    """Case folded, letters and digits only, accents and scripts kept: 'Epstein_1996' -> 'epstein1996',
    'Müller-2000' -> 'müller2000' (entry keys compared as their writer spelled them)."""
    return "".join(c for c in text.casefold() if c.isalnum())


def latin_script(text: str) -> bool:
    """Whether every letter of ``text`` is a Latin one (Vietnamese's too): false for a name written in Chinese,
    Japanese, Cyrillic or Greek."""
    return not any(ch.isalpha() and ch > "\u024f" and not "\u1e00" <= ch <= "\u1eff" for ch in text)


def main_title(title: str) -> str:
    """The folded title before its first colon, when long enough to stand for the title ('' otherwise)."""
    if ":" not in title:
        return ""
    head = fold_words(title.split(":", 1)[0])
    return head if len(head.split()) >= MIN_MAIN_TITLE_WORDS else ""


def same_title(a: str, b: str) -> str:
    """'same title' when ``a`` and ``b`` fold alike, 'same main title' when one is the other's main title
    (the other gives a subtitle it leaves out; two different subtitles are two works), else ''."""
    folded_a, folded_b = fold_words(a), fold_words(b)
    if not folded_a or not folded_b:
        return ""
    if folded_a == folded_b:
        return "same title"
    return "same main title" if folded_b == main_title(a) or folded_a == main_title(b) else ""


def clipped(text: str, limit: int) -> str:
    """``text`` on one line (each run of whitespace one space), cut to ``limit`` characters with "…" where it is cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


ESCAPED_SPACE = "\\ "
"""pandoc Markdown's escaped space ("«\\ non\\ »", "p.\\ 3"), which it reads as a no-break space."""


def pandoc_spaces(text: str) -> str:
    """A Markdown excerpt shown as text: its escaped spaces (``ESCAPED_SPACE``) the no-break spaces pandoc reads."""
    return text.replace(ESCAPED_SPACE, "\u00a0")


def plural(n: int, word: str, words: str | None = None) -> str:
    """``n`` and the noun agreeing with it: plural(1, "digit") is "1 digit", plural(2, "entry", "entries") "2 entries"."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def and_list(words: Iterable[str]) -> str:
    """The words as a sentence lists them: "a", "a and b", "a, b and c" (at least one)."""
    *rest, last = words
    return f"{', '.join(rest)} and {last}" if rest else last


def of_total(n: int, total: int, word: str, verbs: tuple[str, str], words: str | None = None) -> str:
    """``n`` of ``total`` and a verb agreeing with ``n``: of_total(1, 9, "source", ("has", "have")) is
    "1 of 9 sources has", of_total(2, 9, ...) "2 of 9 sources have" (the noun agrees with ``total``)."""
    return f"{n:,} of {plural(total, word, words)} {verbs[0] if n == 1 else verbs[1]}"


# Control characters a terminal acts on, bar tab and line feed: ESC starts the sequences that retitle the
# window, clear the screen, hide text or write the clipboard (C1's CSI and OSC do the same alone), and a
# carriage return makes what follows overwrite what a line showed. The bidirectional embeddings, overrides
# and isolates reorder what a line shows, in a terminal and in an editor alike (a key or a title that reads
# other than it is). Marks that only set a direction (U+200E, U+200F, U+061C) belong to right-to-left text.
CONTROLS = lazy(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: A whole terminal sequence begun by ESC: CSI (ESC [, parameters, intermediates and a final byte: colours, cursor
#: moves) and OSC (ESC ] up to its terminator on the same line: a window title, a link, the clipboard). Text
#: copied from a terminal carries them ("\x1b[31m"); without them only the ESC would go and "[31m" stay. An OSC
#: with no terminator, and C1's one-character CSI and OSC (also what "›" becomes in Windows-1252 text read as
#: Latin-1), are left to :data:`CONTROLS`, which takes the control character alone: the text after it may be
#: the reader's own.
TERMINAL_SEQUENCES = lazy(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)")


def visible(text: str) -> str:
    """``text`` with the :data:`CONTROLS` written as escapes (``\\x1b``, ``\\u202e``): a contributor's title or
    key is shown as text, never run as a terminal command."""
    return text if text.isprintable() else CONTROLS.sub(escape_match, text)


def escape_match(m: re.Match[str]) -> str:
    """The matched text as Python writes it in a string literal (``\\x1b``, ``\\n``)."""
    return m.group().encode("unicode_escape").decode("ascii")


def without_controls(text: str, *, breaks: bool = False, line_ends: bool = False) -> str:
    """``text`` without its :data:`TERMINAL_SEQUENCES` and :data:`CONTROLS`; those that are white space (carriage return, form feed, next
    line, the information separators) become a space, so words stay apart, or with ``breaks`` stay as they
    are: the line breaks a reader splits a pasted text at (a PDF's text has a form feed between pages). With
    ``line_ends`` a carriage return alone stays: Markdown reads it as a line end (a page's text)."""
    if text.isprintable():
        return text
    if "\x1b" in text:
        text = TERMINAL_SEQUENCES.sub("", text)
    return CONTROLS.sub(_kept_breaks if breaks else _line_ends if line_ends else _spaced, text)


def _spaced(m: re.Match[str]) -> str:
    return " " if m.group().isspace() else ""  # words end at the controls Python reads as white space


def _kept_breaks(m: re.Match[str]) -> str:
    return m.group() if m.group().isspace() else ""


def _line_ends(m: re.Match[str]) -> str:
    return "\r" if m.group() == "\r" else _spaced(m)


def markdown_literal(text: str, *, bold: bool = False) -> str:
    """A contributor's text (a key, a title, a message) on one line of Markdown GitHub shows (an issue, a job
    summary): as it is (in bold with ``bold``) when it holds nothing Markdown or GitHub acts on, else as a code
    span, so that no link (a bare ``https://...`` too), image, HTML, heading, issue reference (``#12``, ``GH-12``)
    or @mention that notifies someone comes of it. Line breaks and controls become spaces."""
    text = " ".join(without_controls(text).split())
    if not re.search(r"[<>\[\]`*_@#\\~]|://|GH-", text):  # a bare URL or "GH-12" is a link on GitHub too
        return f"**{text}**" if bold else text
    return markdown_code(text)


def markdown_code(text: str) -> str:
    """``text`` as one CommonMark code span, which shows it as it is: fenced by one backtick more than its longest
    run of them, padded with a space where it starts or ends with a backtick or with a space at both ends (a span
    drops one space at each end then); '' for ''. Line breaks and controls become spaces."""
    text = _LINE_BREAKS.sub(" ", without_controls(text))
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" or (text[0] == text[-1] == " " and text.strip(" ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_LINE_BREAKS = lazy(r"[\r\n]")
_BACKTICKS = lazy(r"`+")
#: A word GitHub makes a link or a mention of however it is escaped: a bare URL, an address or @mention, an issue
#: reference (#12, GH-12); "www." where GFM's extended autolink takes it (a word's start, after "(", "*", "_", "~").
_GITHUB_ACTIVE = lazy(r"://|(?:^|[(*_~])www\.|@|#\w|\bGH-\d", re.IGNORECASE)
#: What CommonMark or GFM acts on in a line of text (an emphasis, a link, HTML, an entity, a list's dash; a table's
#: '|' is its own).
_MARKDOWN_ACTIVE = lazy(r"[\\`*_\[\]<>&~!-]")
#: What opens a block at the start of a line: a heading, a quotation, a list item (bullet or "1." "1)").
_BLOCK_OPENING = lazy(r"^(?:[#>+=-]|\d{1,9}[.)])")
#: Punctuation kept out of a code span made of a word: what precedes or ends it in a sentence.
_WORD_EDGES = "([{\"'", ".,;:!?)]}\"'"


def markdown_text(text: str) -> str:
    """A message or a hint as one line of Markdown text that shows as written: what Markdown acts on escaped
    (so no emphasis, link, image, HTML or entity comes of it), its `backticked` commands as code spans, and each
    word GitHub would make a link or a mention of (a bare URL, @name, #12) as a code span of its own, the rest
    of the text staying text. Line breaks and controls become spaces."""
    text = " ".join(without_controls(text).split())
    out: list[str] = []
    at = 0
    for start, end, fence in _code_spans(text):
        out.append(_escaped_words(text[at:start]))
        inner = text[start + fence:end - fence]
        out.append(markdown_code(inner[1:-1] if inner[:1] == inner[-1:] == " " and inner.strip(" ") else inner))
        at = end
    out.append(_escaped_words(text[at:]))
    line = "".join(out)
    opening = _BLOCK_OPENING.match(line)
    return line if not opening else line[:opening.end() - 1] + "\\" + line[opening.end() - 1:]


def _code_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, fence length) of each code span of ``text`` as CommonMark pairs backticks: a run of them opens
    one that the next run of as many closes; a run no such run follows is text."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    later: dict[int, list[int]] = {}  # run length -> indexes of the runs of that length, last first
    for i in range(len(runs) - 1, -1, -1):
        later.setdefault(runs[i][1] - runs[i][0], []).append(i)
    spans = []
    i = 0
    while i < len(runs):
        length = runs[i][1] - runs[i][0]
        same = later[length]
        while same and same[-1] <= i:
            same.pop()
        if same:
            close = same.pop()
            spans.append((runs[i][0], runs[close][1], length))
            i = close + 1
        else:
            i += 1
    return spans


def markdown_escaped(text: str) -> str:
    """``text`` with what markdown-it (CommonMark, GFM) reads as markup escaped, to show as written where it stands
    inside a line (``markdown_text`` also takes a line's start and what GitHub links)."""
    return _MARKDOWN_ACTIVE.sub(r"\\\g<0>", text)


def _escaped_words(text: str) -> str:
    words = []
    for word in text.split(" "):
        if not _GITHUB_ACTIVE.search(word):
            words.append(markdown_escaped(word))
            continue
        scheme = word.find("://")
        while scheme > 0 and ((word[scheme - 1].isascii() and word[scheme - 1].isalnum()) or word[scheme - 1] in "+.-"):
            scheme -= 1  # a URL's code span starts at its scheme ("[site](https://...": at "https")
        core = word[scheme:] if scheme > 0 else word.lstrip(_WORD_EDGES[0])
        lead = word[:len(word) - len(core)]
        inner = core.rstrip(_WORD_EDGES[1])
        trail = core[len(inner):]
        words.append(markdown_escaped(lead) + markdown_code(inner or core) + markdown_escaped(trail if inner else ""))
    return " ".join(words)


def closest_name(name: str, names: Iterable[str]) -> str | None:
    """The one of ``names`` that ``name`` most likely mistypes ("sitedir": "site_dir"), or None: the closest by
    difflib's ratio, if 0.75 or more. Every "did you mean" of a setting, option, type or file name asks it."""
    import difflib

    found = difflib.get_close_matches(name, list(names), n=1, cutoff=0.75)
    return found[0] if found else None
