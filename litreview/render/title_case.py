"""Title case of an English entry's titles, as pandoc's citeproc prints them in Chicago (``citation``'s references):
a BibTeX title first read in sentence case as pandoc reads it, its words in braces kept as written."""

from __future__ import annotations

import re

from ..bibliography.csl import csl_form_of
from ..bibliography.latex import decode_latex, field_text
from ..locale_terms import TITLE_SMALL_WORDS
from ..model import Source
from .sanitize import one_line

# English words citeproc leaves in lower case within a title (CSL's list, with "about" and name particles)
_STOP_WORDS = TITLE_SMALL_WORDS | frozenset({"down", "onto", "over", "so", "till", "up", "yet", "about",
                                             "van", "von", "de", "d", "l"})
# A title's pieces as citeproc splits them for its title case: runs of letters and digits, runs of white space, and
# each other character alone
_CASE_CHUNK = re.compile(r"[^\W_]+|\s+|.", re.S)
_OPENING = frozenset("([{“‘\"'«")
_WORD_BREAKS = frozenset(" -/\u2013\u2014")
_ENGLISH_LANGIDS = frozenset({"english", "american", "british", "usenglish", "ukenglish", "canadian", "australian",
                              "newzealand"})


def _english(s: Source, bibtex: bool) -> bool:
    """Whether citeproc reads the entry as English: no language given, or an English one (``_language``)."""
    return _language(s, bibtex) != "other"


def _language(s: Source, bibtex: bool) -> str:
    """The entry's language as citeproc tells it: "english" where it gives an English one (BibTeX's ``langid`` or
    ``hyphenation`` as pandoc reads them: "english", "british", "en-GB"; CSL's ``language``: "en", "en-US", not
    "English"), "other" where it gives another, '' where it gives none (the document's is the entry's)."""
    lang = one_line(field_text(s, "langid") or field_text(s, "hyphenation") if bibtex else s.field("language")).lower()
    lang = lang.replace("_", "-")  # "en_US", as citeproc reads it
    if not lang:
        return ""
    return "english" if lang == "en" or lang.startswith("en-") or (bibtex and lang in _ENGLISH_LANGIDS) else "other"


def _braced_whole(raw: str) -> bool:
    """Whether a BibTeX value is one group in braces, all of it kept as written ("{A {\\'e}tude}")."""
    raw = raw.strip()
    if not raw.startswith("{"):
        return False
    depth = 0
    for i, c in enumerate(raw):
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth == 0:
            return i == len(raw) - 1
    return False


def _protected(raw: str) -> dict[str, tuple[str, str]]:
    """The words a BibTeX value keeps as written, each with its form in sentence case and its form opening a title or
    following a colon: in braces ("{DNA}", "{I}"), or with a letter's accent in braces after one letter or none
    ("m{\\'e}thodes", "f{\\"u}r", "{\\'e}tude"), or with letters in braces so ("{f}unction", "x{y}z"). pandoc reads the letters before the braces as a word of their own,
    which citeproc's title case leaves alone when it is one letter ("bez{\\"u}glich" is "Bezüglich") but for a
    title's first word ("t{\\'e}l{\\'e}com x" is "Télécom x"), and sentence case puts in lower case
    ("T{\\'e}l{\\'e}com" is "t{\\'e}l{\\'e}com" in a title); and the symbols of its math (``_MATH``). A CSL value's
    words in a nocase span (``_NOCASE``) are kept as written too."""
    words = {w: (w, w) for group in re.findall(r"(?<![A-Za-z])\{([^{}]*)\}", raw) for w in re.findall(r"\w+", group)}
    for group in _COMMAND_GROUP.findall(raw) if "{\\" in raw else ():  # "{\\emph{N}}": kept as written too
        words.update((w, (w, w)) for w in re.findall(r"\w+", " ".join(group)))
    for span in _NOCASE.finditer(raw) if "nocase" in raw else ():  # a CSL value's nocase span, as citeproc keeps it
        words.update((w, (w, w)) for w in re.findall(r"\w+", span.group(1) or span.group(2) or ""))
    for math in _MATH.finditer(raw) if "$" in raw or "\\ensuremath" in raw else ():  # math, which title case leaves alone
        words.update((w, (w, w)) for w in re.findall(r"\w+", decode_latex(f"${math.group(1) or math.group(2)}$")))
    for token in _BRACED_TOKEN.findall(raw):
        if not (m := _BRACED_ACCENT.search(token) or _BRACED_LETTERS.search(token)):
            continue
        if m.re is _BRACED_LETTERS and "\\" in token[:m.start()]:  # a command's argument ('f\\"{u}r'), no group
            continue
        braced = bool(re.match(r"[^\w{]*\{", token)) and m.start() > 0  # "{M{\\'O}Wik}": in braces, as written
        if braced or len(before := re.sub(r"\W", "", token[:m.start()])) <= 1:
            for w in re.findall(r"\w+", decode_latex(token)):
                lead = not braced and before and w.startswith(before)  # its first letter a word of its own
                words.setdefault(w, (w[0].lower() + w[1:], w[0].upper() + w[1:]) if lead else (w, w))
        elif m.re is _BRACED_LETTERS and before.islower():  # "mi{RNA}s": its first letters title-cased ("MiRNAs")
            words.update((w, (w[0].upper() + w[1:],) * 2) for w in re.findall(r"\w+", decode_latex(token)))
    return words


_COMMAND_GROUP = re.compile(r"(?<![A-Za-z])\{\\[A-Za-z]{2,}\s*\{([^{}]*)\}([^{}]*)\}")
"""A brace group opening with a command ("{\\emph{N}}", "{\\textit{a} Word}"): BibTeX's special character, whose words
pandoc keeps as written."""
_NOCASE = re.compile(r'<span\s+class="nocase">([^<]*)</span>|\[([^\[\]]*)\]\{\.nocase\}')
"""CSL's rich text for words no case change reaches (JSON's span, a YAML file's Markdown span): kept as written."""
_MATH = re.compile(r"(?<!\\)\$([^$]+)\$|\\ensuremath\s*\{([^{}$]+)\}")
"""TeX math in a BibTeX value ("$\\alpha$", "\\ensuremath{\\alpha}"): its symbols are kept as written ("α Centauri")."""
# A BibTeX value's words, split at white space outside braces ("{\\c c}a" is one word)
_BRACED_TOKEN = re.compile(r"(?:\{(?:[^{}]|\{[^{}]*\})*\}|\S)+")
_BRACED_ACCENT = re.compile(r"\{\\(?:[^A-Za-z\s{}]|[A-Za-z](?=[\s{]))")
"""A letter's accent in braces, as BibTeX writes it: "{\\'e}", "{\\"u}", "{\\c c}", "{\\v{s}}"."""
_BRACED_LETTERS = re.compile(r"\{[^\W\d_]+\}(?=[^\W\d_])")
"""Letters in braces that a word goes on after ("{f}unction", "x{y}z"): pandoc reads them as a word of their own too,
kept as written, so the word is kept as written where they open it or follow its one first letter."""


def title_cased(s: Source, text: str, terms: dict[str, str], field: str = "") -> str:
    """A title (``field``: the BibTeX field it was read from, "" for a container) in title case, as citeproc prints
    an English entry's titles in Chicago (one of no language when the document is in English: ``terms``'
    "title-case"): each word in lower case capitalised but a stop word or a single letter within it, a word with
    capitals in it as written. A
    BibTeX title is first read in sentence case as pandoc reads it in an English document ("Maintenance As a
    Function" is "Maintenance as a Function"; "Part I" is "Part i"); its words in braces are printed as written."""
    bibtex = not csl_form_of(s.file or "")  # a front matter's ``references:`` are CSL
    language = _language(s, bibtex)  # an English entry is title-cased in any document, one of no language in English
    if not text or language == "other" or not (language or terms.get("title-case")):
        return text
    raw = s.field(field or "booktitle")  # pandoc reads a title or book title in sentence case, not a journal's
    if bibtex and _braced_whole(raw):  # "{{A title as written}}"
        return text
    sentence_case = bibtex and bool(raw) and bool(terms.get("title-case"))  # (pandoc's reader: in English alone)
    keep = _protected(raw or ("" if field else s.field("journaltitle") or s.field("journal")))
    chunks = _CASE_CHUNK.findall(text)
    # (the last word is the whole of a hyphenated one: "Follow-up", its stop word after the hyphen in lower case)
    last_break = max((i for i, c in enumerate(chunks) if (c[0] in _WORD_BREAKS and c != "-") or c.isspace()),
                     default=-1)
    last_word = next((i for i in range(last_break + 1, len(chunks)) if chunks[i].isalnum()), -1) if field else -1
    state = "start"
    out = []
    for i, chunk in enumerate(chunks):
        if chunk.isalnum():
            if i == last_word and state == "word-end":
                state = "last"
            if chunk in keep:
                within, opening = keep[chunk]
                # (a title's first word, and one after a colon or full stop, capitalised where its first letter is a
                # word of its own; else sentence case puts that letter in lower case)
                out.append(opening if state in ("start", "sentence") else within if sentence_case else chunk)
            else:
                out.append(_title_word(chunk, state, sentence_case))
        else:
            out.append(chunk)
        end = chunk[-1]
        if state in ("start", "sentence", "word-end") and (chunk in _OPENING or _leading_mark(chunk)):
            continue  # "(transformation", "“the" and "+plus" are capitalised as the word they open
        if end in ".?!:":
            state = "sentence-end"
        elif end.isalnum():
            state = "in-word"
        elif end.isspace() and state == "sentence-end":
            state = "sentence"
        elif end in _WORD_BREAKS or end.isspace():
            state = "word-end"
        else:
            state = "other"
    return "".join(out)


def _leading_mark(chunk: str) -> bool:
    """Whether a chunk is a mark that, opening a word, leaves it a word's start for citeproc ("+Plus", "&Hellip;",
    "…Ell"): one character neither a letter, a digit, white space nor a sentence's end (".Dots" is in a sentence)."""
    return len(chunk) == 1 and not chunk.isalnum() and not chunk.isspace() and chunk not in ".?!:"


def _title_word(word: str, state: str, sentence_case: bool) -> str:
    lower = word.lower()
    if sentence_case and state not in ("start", "sentence") and word[:1].isupper() and word[1:] == lower[1:]:
        word = lower  # pandoc reads it in sentence case first ("Accountability.Org" is "Accountability.org")
    if any(c.isupper() for c in word):
        return word
    if state in ("start", "sentence") or (state == "word-end" and lower not in _STOP_WORDS and len(word) > 1) \
            or (state == "last" and len(word) > 1):
        return word[:1].upper() + word[1:]
    return word


def sentence_cased(s: Source, text: str, terms: dict[str, str], field: str) -> str:
    """A BibTeX field (``field``: "series") of an English entry in sentence case, as pandoc's biblatex reader reads it
    and the Chicago styles print it where they put no title case on it (an article's series): each capitalised word
    in lower case ("Lecture Notes in Computer Science" is "Lecture notes in computer science", "Part I" "Part i",
    "X-Ray" "x-ray"), but the first, one after a colon or full stop, one with more capitals ("LNCS", "McGraw") and one
    in braces; as written where the document or the entry is not English (``title_cased``' rule) or all is braced."""
    raw = s.field(field)
    if not text or not terms.get("title-case") or csl_form_of(s.file or "") or not _english(s, True) \
            or _braced_whole(raw):
        return text
    keep = _protected(raw)
    out = []
    opening = True  # the first word, or one after a colon or full stop
    for chunk in _CASE_CHUNK.findall(text):
        if chunk.isalnum():
            capitalised = chunk[:1].isupper() and chunk[1:] == chunk[1:].lower()
            out.append(chunk.lower() if capitalised and not opening and chunk not in keep else chunk)
            opening = False
        else:
            out.append(chunk)
            if chunk[-1] in ".?!:":
                opening = True
    return "".join(out)
