"""Sentences: a cheap rule where a sentence surely ends, pysbd where it is unsure, corrected where pysbd
splits after initials or before a citation; claims from spans.

Every reader (Markdown, Manubot, LaTeX) cuts its text into spans and turns them into claims here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from ..lazyre import lazy
from ..locale_terms import (
    ABBREVIATIONS_IN_PROSE,
    CITATION_TERMS,
    OTHER_CLOSERS,
    QUOTES,
    abbreviation_ends,
    alternation,
)
from ..model import Claim, Essay, Paragraph, TextQuoteSelector
from .cites import citation_brackets, code_spans, find_citations
from .sbd import segmenter as _segmenter

CONTEXT = 32
"""Characters of prefix and suffix kept in a claim's selector."""

LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""Where a line of a manuscript ends, as CommonMark and TeX count lines (``str.splitlines`` also breaks at
form feeds, U+001C-U+001E, U+0085 and U+2028, which would shift every later line)."""


def split_lines(text: str, *, keepends: bool = False) -> list[str]:
    """``text`` cut into lines at ``LINE_BREAK``."""
    if not keepends:
        return LINE_BREAK.split(text) if text else []
    out, at = [], 0
    for m in LINE_BREAK.finditer(text):
        out.append(text[at:m.end()])
        at = m.end()
    if at < len(text):
        out.append(text[at:])
    return out

_WS = re.compile(r"\s+")
_BOUNDARY = re.compile(r"[.!?…](?:(?!\w)(?![\"'”’)\]]*$)|[A-Z])")
# Abbreviations after which pysbd may wrongly end a sentence when the next part
# is a continuation (lower case, digit, bracket) or a name ("Cf. Wendt").
# German and Italian ones too, before a noun, which German writes with a capital ("Diplom- bzw. Magisterarbeiten",
# "vgl. Müller"), and those of running prose in other languages (ABBREVIATIONS_IN_PROSE: 'tzw. "solenia"'); and a paper's names of its parts before a reference LaTeX prints as its label ("Eq. [eqn:filter]").
_NON_TERMINAL = re.compile(r"(?:\b(?:cf|Cf|vs|Dr|Mr|Mrs|Ms|Prof|St|e\.g|i\.e|bzw|vgl|Vgl|ggf|evtl|sog|Hrsg|Nr|ca|cfr|Cfr"
                           r"|Sig|Dott|pag|[Ee]qs?|[Ss]ecs?|[Rr]efs?|Thm|Lem|Prop|Cor|Chap|App|Alg"
                           # Czech and Slovak academic titles before a name ("Autor: Bc. Marek Čermák")
                           r"|Bc|Mgr|Ing|PhDr|RNDr|MUDr|JUDr|PaedDr|ThDr)\."
                           rf"|(?<![\w.])(?:{abbreviation_ends(ABBREVIATIONS_IN_PROSE, parts=False)}))"
                           r"\s*$")
# A German date's day and its month ("am 11. November 2012", "seit dem 6. Mai"): the ordinal's point ends no sentence.
_DAY = lazy(r"\b(?:[Aa]m|[Vv]om|[Zz]um|[Bb]is|[Ss]eit|[Aa]b|dem|den)\s+(?:[1-9]|[12]\d|3[01])\.\s*$")
_MONTH = lazy(rf"^(?:{alternation((*CITATION_TERMS['de']['months'].split(), 'Jänner'))})\b")  # Austria's "Jänner" too
# An abbreviation of running prose, or German's "s." (siehe), "S." (Seite) and "Hrsg.", that ends a sentence's part in
# a parenthesis still open ("(s. Culture, B [x](#x), C)": a link's own parenthesis kept pysbd from reading it whole).
_OPEN_PARENTHESIS_ABBREVIATION = lazy(rf"(?<!\w)(?:{abbreviation_ends((*ABBREVIATIONS_IN_PROSE, 's.', 'Hrsg.'))})$")
# A citation in parentheses goes on too: "It holds. ([@a])", a LaTeX "(\\cite{a})" after the stop.
# A dash before a word in lower case goes on: a parenthesis in dashes ends with its question ("why not? -- was new").
_CONTINUATION = re.compile(r"^(?:[a-z0-9,;:)\]&]|\(?\[-?@|\(\d|(?:--|[–—])-*\s?[a-z])")  # "&": "Inc. & others"
# A bare @key after a break continues the sentence only after "et al." or when it stands alone
# ("... as shown. @smith2001."); "@smith2001 shows it." begins a sentence of its own.
_CITED = r"(?:\[-?@[^\[\]]*\]|\(\[-?@[^\[\]()]*\]\))"
"""A citation's bracket, or one in parentheses ("([@a])", a LaTeX "(\\cite{a})")."""
_CITED_THEN = lazy(rf"\s*((?:{_CITED}[ \t]*)*{_CITED})\s+")
"""Citation brackets after a sentence's end, then blanks (``_cited_then_capital``)."""


def _cited_then_capital(text: str, at: int) -> int:
    """Where a sentence begins after the citation brackets at ``at`` (after a sentence's end), when a capital begins
    the word after them ("It holds. [@a] Next one.": the citations are the sentence's before); else 0."""
    m = _CITED_THEN.match(text, at)
    return m.end(1) if m is not None and text[m.end():m.end() + 1].isupper() else 0
_BARE_KEY = re.compile(r"^@[\w:.#$%&\-+?<>~/]+")
_LONE_KEY = lazy(r"^@[\w:.#$%&\-+?<>~/]*\w(?:\s*\[[^\]]*\])?\s*[.,;]?$")
_ET_AL = lazy(r"\bet al\.\s*$")
# A number in brackets after "et al." goes on: a rendered numeric citation ("Smith et al. [12] showed"), or a year a
# reference manager's export made a link ("Doe et al. [(2022)](https://...)").
_NUMBERED = lazy(r"^\[\(?\d")
# A quotation that opens a parenthesis and ends with a sentence's mark, and the rest of that parenthesis: a citation
# whose prefix is the words it quotes ("(„You shall know a word by the company it keeps.“ Firth 1957, 11)").
_QUOTED_IN_PARENTHESIS = lazy(r"\(\s*[„“\"«‹‚‘][^()]*[.!?…]\s*[“”\"»›‘’]$")
_PARENTHESIS_CLOSES = lazy(r"^[^()]{1,120}\)")
# Initialisms that pysbd keeps glued to a following capitalised sentence start; and a variable's capital letter after a
# word in lower case ("variables X and Y. First, one builds"), which pysbd takes for a name's initial.
_STARTERS = ("The|This|That|These|Those|It|Its|In|We|They|He|She|A|An|However|But|Yet|Thus|"
             "Moreover|Furthermore|Therefore|Such|Our|Their|There|Here")
# And a quotation ending a sentence whose citation follows its closing mark, then a capital ("… had a hand in it.'
# [@kitchin1911] However, Corelli"), which pysbd reads as one sentence: the citation is the quoting sentence's.
_GLUED = re.compile(
    rf"\b(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|et al\.|etc\.)\s+(?=(?:{_STARTERS})\s)"
    rf"|(?<=[a-z] )[A-Z]\.\s+(?=(?:{_STARTERS}|Then|First|Second|Third|Finally|Next|If|When)[\s,])"
    # citations after a closing quotation mark or a figure's full stop ("in 2005.[@a] Generace"), which pysbd reads
    # as no sentence's end, then a capital
    rf"|(?<=[.!?…][\"'”’»]|\d\.)[ \t]*(?:{_CITED}[ \t]*)*{_CITED}[ \t]+(?=[A-Z])"
)


def sentences(body: str, start: int, end: int, *, reference: bool = False) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) within body[start:end].

    A cheap rule cuts the text where a sentence surely ends; pysbd reads only the pieces the rule
    is unsure of. ``reference=True`` gives pysbd the whole text, as before the rule existed (the
    benchmark checks that both give the same sentences).
    """
    flat = _as_english_quotations(body[start:end].replace("\r", " ").replace("\n", " "))  # same length: offsets hold
    return [(start + a, start + b) for a, b in _spans(flat, reference)]


_LOW_OPENED_QUOTATION = lazy(f"„[^„{QUOTES['„']}{OTHER_CLOSERS['„']}]*[{QUOTES['„']}{OTHER_CLOSERS['„']}]")
"""A quotation opened low, „…“ (German, Czech) or „…” (Polish, Dutch)."""


def _as_english_quotations(flat: str) -> str:
    """``flat`` with each quotation opened low („…“, „…”) written “…”, as English writes it: its closing mark “ read
    as an English opener paired with the ” of a later quotation ("„Schaubühne“. In der Studie … „die Erfüllung” dazu"),
    and no sentence between them ended; the opener „, unknown to pysbd, left the mark closing one that ends with its
    full stop a sentence of its own ("„… výrobku.“[@k]" cut before "“[@k]")."""
    if "„" not in flat:
        return flat
    return _LOW_OPENED_QUOTATION.sub(lambda m: "“" + m.group()[1:-1] + "”", flat)


@lru_cache(maxsize=256)
def _spans(flat: str, reference: bool) -> tuple[tuple[int, int], ...]:
    """``sentences``' spans of a text (offsets in it), kept for a paragraph written again (a caption copied down a
    page): pysbd takes a millisecond a paragraph."""
    whole = reference or _pysbd_reads_across(flat)
    if _one(flat, loose=False) or (not whole and _one(flat)):
        spans = [[0, len(flat)]]
    elif whole:
        spans = _pysbd_spans(flat, 0, len(flat))
    else:
        spans = []
        lo = 0
        for cut in [*_sure_breaks(flat), len(flat)]:
            spans.extend([[lo, cut]] if _one(flat[lo:cut]) else _pysbd_spans(flat, lo, cut))
            lo = cut
    spans = _split_glued(flat, _merge_false_breaks(flat, spans))
    if "{" in flat:
        spans = _attributes_stay(flat, spans)
    spans = _closing_marks_stay(flat, spans)
    if _NOTE_MARKS.search(flat):
        spans = _notes_stay(flat, spans)
    if len(spans) > 1 and "@" in flat:
        spans = _citations_stay(flat, spans)
    if len(spans) > 1 and "`" in flat:
        spans = _code_stays(flat, spans)
    out = []
    for a, b in spans:
        while a < b and flat[a].isspace():
            a += 1
        while b > a and flat[b - 1].isspace():
            b -= 1
        if a < b and any(ch.isalnum() for ch in flat[a:b]):
            out.append((a, b))
    return tuple(out)


_CLOSERS = lazy(r"[*_]+(?=\s|$)")


def _attributes_stay(flat: str, spans: list[list[int]]) -> list[list[int]]:
    """An element's attributes after a sentence's end (a caption's, "Bowling scores. {#tbl:bowling .striped}") end
    that sentence: they are its markup, no sentence of their own nor the next one's start."""
    out: list[list[int]] = []
    for a, b in spans:
        m = _ATTRIBUTES.match(flat, a) if out else None
        if m is not None and m.end() <= b:
            out[-1][1] = a = m.end()
            if not any(ch.isalnum() for ch in flat[a:b]):
                continue
        out.append([a, b])
    return out


def _closing_marks_stay(flat: str, spans: list[list[int]]) -> list[list[int]]:
    """Markdown read whole: a sentence that ends inside emphasis (``*A caption.* With``, ``**All of it.**``) keeps
    the closing marks, which the next one started with or were a span of their own; and an image's "!" opens no sentence end (``See ![icon](i.png) here``)."""
    out: list[list[int]] = []
    for span in spans:
        prev = out[-1] if out else None
        at = span[0]
        if prev is not None and prev[1] == at and flat.startswith("![", at - 1):
            prev[1] = span[1]
            continue
        m = _CLOSERS.match(flat, at) if prev is not None and prev[1] == at and flat[at - 1] in ".!?…" else None
        if prev is not None and m is not None:
            prev[1] = span[0] = m.end()
            if not flat[m.end():span[1]].strip():
                continue  # the closing marks were all of it ("**One sentence in bold.**"): no sentence of their own
        out.append(span)
    return out


NOTE_LABEL = r"[^\]\s^]+"
"""The label of a note's reference (``[^1]``, ``[^cn-multiple]``), as pandoc reads it."""
_NOTE_REF = lazy(rf"\[\^{NOTE_LABEL}\]")
"""A note's reference (``[^1]``), its note a paragraph of its own."""
_NOTE_MARKS = re.compile(r"\^\[|\[\^")


def note_spans(flat: str) -> dict[int, int]:
    """Where each inline note (pandoc's ``^[...]``, as a LaTeX ``\\footnote`` is read too) and each note's reference
    (``[^1]``) starts -> where it ends."""
    from ..bibliography.bibtex import brace_partners

    partners = brace_partners(flat, r"(?<!\\)[\[\]]")
    notes = {at - 1: partners[at] for at in partners if at and flat[at - 1] == "^" and partners[at] > 0}
    notes.update((m.start(), m.end()) for m in _NOTE_REF.finditer(flat))
    return notes


def _notes_stay(flat: str, spans: list[list[int]]) -> list[list[int]]:
    """A note is part of the sentence it is attached to: no sentence ends inside an inline note, and notes placed
    after a sentence's end ("It holds.^[A note.][^2] Next.") end that sentence, not the next one."""
    notes = note_spans(flat)
    out: list[list[int]] = []
    for a, b in spans:
        prev = out[-1] if out else None
        if prev is not None and a < prev[1]:  # the sentence before took its note, which this span began
            if b <= prev[1]:
                continue
            a = prev[1]
        if prev is not None and (any(s < prev[1] < e for s, e in notes.items())
                                 or not any(ch.isalnum() for ch in flat[a:b])):
            prev[1] = b
            continue
        while prev is not None and a < b and (first := len(flat[a:b]) - len(flat[a:b].lstrip()) + a) in notes:
            prev[1] = a = notes[first]
        if a >= b:
            continue
        if prev is not None and prev[1] == a and not any(ch.isalnum() for ch in flat[a:b]):
            prev[1] = b
            continue
        out.append([a, b])
    return out


def _citations_stay(flat: str, spans: list[list[int]]) -> list[list[int]]:
    """No sentence ends inside a citation's bracket (``cites.citation_brackets``): pandoc reads "[On doit ce nom à
    Lanson. Voir @a, p. 3]" as one citation, its prefix two sentences; cut there, the bracket was lost, "@a" read as
    an in-text citation without its locator."""
    # A bracket open where a sentence ends (most paragraphs have none: no more to do): more "[" than "]" before it, or
    # a "[" after the last "]" (a stray "]" before it leaves the count short).
    depth = at = 0
    last_open = last_close = -1
    for _, end in spans[:-1]:
        depth += flat.count("[", at, end) - flat.count("]", at, end)
        last_open, last_close = max(last_open, flat.rfind("[", at, end)), max(last_close, flat.rfind("]", at, end))
        at = end
        if depth > 0 or last_open > last_close:
            break
    else:
        return spans
    return _joined_across(spans, citation_brackets(flat))


def _code_stays(flat: str, spans: list[list[int]]) -> list[list[int]]:
    """No sentence ends inside an inline code span: pandoc reads "`r x %>% .$prop`" as one Code inline (cut after its
    ". ", the page printed each half with a lone backtick)."""
    return _joined_across(spans, code_spans(flat))


def _joined_across(spans: list[list[int]], regions: Sequence[tuple[int, int]]) -> list[list[int]]:
    """``spans`` with each sentence that ends inside one of ``regions`` (sorted (start, end) pairs: citation brackets,
    code spans) joined to the sentence after it."""
    if not regions:
        return spans
    starts = [start for start, _ in regions]
    out: list[list[int]] = []
    for a, b in spans:
        if out and (n := bisect_left(starts, out[-1][1])) and regions[n - 1][1] > out[-1][1]:
            out[-1][1] = b  # the sentence before ended inside the region that starts before its end
            continue
        out.append([a, b])
    return out


def _one(text: str, *, loose: bool = True) -> bool:
    """True when ``text`` has no sentence-ending mark before its end: one sentence, no pysbd needed.

    ``loose``: a mark followed by what continues a sentence (a comma, a lower-case word, a number,
    a citation) does not count, since a break pysbd made there would be merged again.
    """
    tail = text.rstrip()
    if not (tail[-1:].isalnum() or tail[-1:] in ".!?)]\"”’"):
        return False
    if not loose:
        return not _BOUNDARY.search(tail)
    if _also_ends(tail):
        return False
    inside = {i for m in _INITIALISM.finditer(tail) if m.group().upper().replace(".", "") not in _RESTORED and m.group()[-2] not in "Ii"
              for i in range(m.start(), m.end())}
    return all(m.start() in inside or (_GOES_ON.match(tail, m.start() + 1) is not None
                                       and not _name_begins(tail[:m.end()], tail[m.end():].lstrip())
                                       and not _cited_then_capital(tail, m.end()))
               for m in _BOUNDARY.finditer(tail))


# A sure end: ". ", "! " or "? " (or '." ' closing a quotation) after a word of two letters or more (not an
# abbreviation pysbd knows) or a closing bracket, before a capitalised word, an initial, or (with no closing
# quotation mark) a bare @key that a word in lower case follows ("[@a, p. 3]. @b says"), outside brackets and quotes.
_SCAN = re.compile(r"""(?P<mark>[()\[\]"“”])|[.!?](?P<close>[”"]?)\s+(?=[A-Z][a-z]*[\s,;:’']|[A-Z]\.)"""
                   r"""|[.!?]\s+(?=@[\w:.#$%&\-+?<>~/]*\w\s+[a-z])""")
# pysbd never ends a sentence inside or after an initialism ("K.J. Holsti", "T.V. Paul") but these.
_INITIALISM = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\.")
_RESTORED = frozenset({"US", "UK", "EU", "USA", "IV", "AM", "PM"})
_GOES_ON = re.compile(r"[)\]]*\s*(?:[a-z0-9,;:&]|\(?\[-?@|\(\d|(?:--|[–—])-*\s?[a-z])")  # what _CONTINUATION merges
# Where pysbd ends a sentence with no mark of its own: a bracketed or quoted passage before a capital.
_QUOTE_ENDS = re.compile(r"""['"”](?=\s[A-Z])""")
_CLOSE_ENDS = re.compile(r"\)(?=\s[A-Z])")


def _also_ends(text: str) -> bool:
    r"""Whether ``text`` has a quotation mark, or a bracketed passage of two characters or more (from any "(" with no
    ")" between), before a space and a capital: what the regex ``\((?:[^)]){2,}\)(?=\s[A-Z])`` finds, without
    scanning from each "(" of a long run to its ")" (a line of 50,000 took seconds)."""
    if _QUOTE_ENDS.search(text):
        return True
    for close in _CLOSE_ENDS.finditer(text):
        opening = text.find("(", text.rfind(")", 0, close.start()) + 1, close.start())
        if opening >= 0 and close.start() - opening > 2:
            return True
    return False
# What pysbd reads across sentences (quotes in single marks, dashes, lists, unpaired quotes): such a text goes
# to pysbd whole.
_RISKY = re.compile(r"(?:^|\s)['‘]|«|--")
_UNPAIRED = re.compile(r"“[^”]*(?:“|$)|(?:^|”)[^“]*”")
_LIST_MARK = re.compile(r"(?:^|[\s(\-⁃])(?:\d{1,2}|[a-z]|[ivx]{1,4})(?=\.[\s)]|\))|(?:^|\s)[a-z](?=\.)")
# pysbd's abbreviations (pysbd.lang.common.standard), lower case: a period after one is left to pysbd.
_ABBREVIATIONS = frozenset(["adj", "adm", "adv", "al", "ala", "alta", "apr", "arc", "ariz", "ark", "art", "assn", "asst", "attys", "aug", "ave", "bart", "bld", "bldg", "blvd", "brig", "bros", "btw", "cal", "calif", "capt", "cl", "cmdr", "co", "col", "colo", "comdr", "con", "conn", "corp", "cpl", "cres", "ct", "dak", "dec", "del", "dept", "det", "dist", "dr", "drs", "ens", "esp", "esq", "etc", "exp", "expy", "ext", "feb", "fed", "fig", "fla", "ft", "fwy", "fy", "ga", "gen", "gov", "hon", "hosp", "hr", "hway", "hwy", "ia", "id", "ida", "ill", "inc", "ind", "ing", "insp", "is", "jan", "jr", "jul", "jun", "kan", "kans", "ken", "ky", "la", "lt", "ltd", "maj", "man", "mar", "mass", "may", "md", "me", "med", "messrs", "mex", "mfg", "mich", "min", "minn", "miss", "mlle", "mm", "mme", "mo", "mont", "mr", "mrs", "ms", "msgr", "mssrs", "mt", "mtn", "neb", "nebr", "nev", "no", "nos", "nov", "nr", "oct", "ok", "okla", "ont", "op", "ord", "ore", "p", "pa", "pd", "pde", "penn", "penna", "pfc", "ph", "pl", "plz", "pp", "prof", "pvt", "que", "rd", "ref", "rep", "reps", "res", "rev", "rs", "rt", "sask", "sec", "sen", "sens", "sep", "sept", "sfc", "sgt", "sr", "st", "supt", "surg", "tce", "tenn", "tex", "univ", "usafa", "ut", "v", "va", "ver", "viz", "vs", "vt", "wash", "wis", "wisc", "wy", "wyo", "yuk", "am", "pm"])


def _pysbd_reads_across(flat: str) -> bool:
    return bool(_RISKY.search(flat) or flat.count('"') % 2 or _UNPAIRED.search(flat) or _list_like(flat))


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def _list_like(flat: str) -> bool:
    """Two markers in sequence ("1." and "2.", "(a)" and "(b)", "i." and "ii."): pysbd reads them as a list."""
    seen: set[tuple[str, int]] = set()
    for mark in _LIST_MARK.findall(flat):
        mark = mark.lstrip(" (-⁃\t")
        values = [("n", int(mark))] if mark.isdigit() else [("a", ord(mark[0]))] if len(mark) == 1 else []
        if mark in _ROMAN:
            values.append(("r", _ROMAN[mark]))
        for kind, value in values:
            if ((kind, value - 1) in seen or (kind, value + 1) in seen
                    or (kind == "n" and value in (0, 9) and (kind, 9 - value) in seen)):
                return True
            seen.add((kind, value))
    return False


def _sure_breaks(flat: str) -> list[int]:
    """Offsets where a sentence surely begins (after the space that follows its predecessor's end)."""
    cuts: list[int] = []
    paren = bracket = curly = 0
    quote = False
    for m in _SCAN.finditer(flat):
        mark = m.group("mark")
        if mark:
            paren += (mark == "(") - (mark == ")")
            bracket += (mark == "[") - (mark == "]")
            curly += (mark == "“") - (mark == "”")
            quote ^= mark == '"'
            if paren < 0 or bracket < 0 or curly < 0:
                break  # a closer with no opener: pysbd pairs it across sentences
            continue
        close = m.group("close")
        curly -= close == "”"
        quote ^= close == '"'
        if curly < 0:
            break
        if paren or bracket or curly or quote:
            continue
        at = m.start()
        if at and flat[at - 1] in ")]":
            cuts.append(m.end())
            continue
        lo = at
        while lo and flat[lo - 1].isalpha():
            lo -= 1
        word = flat[lo:at]
        if (len(word) >= 2 and word.isascii() and (word[1:].islower() or word.isupper())
                and (lo == 0 or flat[lo - 1].isspace()) and word.lower() not in _ABBREVIATIONS):
            cuts.append(m.end())
    return cuts


def _pysbd_spans(flat: str, lo: int, hi: int) -> list[list[int]]:
    """pysbd's sentences of flat[lo:hi], as spans of ``flat``; its runs of hyphens given to pysbd as en dashes (as
    many), which it reads as any other word: pysbd ends no sentence between two "--", which it takes for the ends of
    a parenthesis, and pandoc Markdown writes each dash so ("problem---ponieważ tak jest. Omówię sposoby---krótko",
    "pages 3--5. Pages 7--9")."""
    spans: list[list[int]] = []
    text = flat[lo:hi]
    if "--" in text:
        text = _HYPHENS.sub(lambda m: "\u2013" * len(m.group()), text)
    cursor = 0
    for part in _pieces(text):
        for sent in _segmenter().segment(part):
            piece = sent.strip()
            if not piece:
                continue
            at = text.find(piece, cursor)
            if at < 0:  # pysbd altered the text: keep the rest as one sentence
                spans.append([lo + cursor, hi])
                return spans
            spans.append([lo + at, lo + at + len(piece)])
            cursor = at + len(piece)
    return spans


_HYPHENS = lazy(r"-{2,}")


#: pysbd's time grows faster than the text: a paragraph is fed to it in pieces of at most this many
#: characters, cut after a sentence end (or a space) when there is one.
MAX_PIECE = 5_000


def _pieces(flat: str) -> Iterator[str]:
    lo = 0
    while len(flat) - lo > MAX_PIECE:
        cut = flat.rfind(". ", lo, lo + MAX_PIECE) + 1
        cut = cut if cut > lo else flat.rfind(" ", lo, lo + MAX_PIECE)
        cut = cut if cut > lo else lo + MAX_PIECE
        yield flat[lo:cut]
        lo = cut
    yield flat[lo:]


_TAIL = 300
"""How much of a sentence's last words (its closing blanks aside) the tests of its end read: more than any of their
patterns reaches ("Figure 3 (a), (b) and"; an abbreviation; "et al.")."""


def _merge_false_breaks(text: str, spans: list[list[int]]) -> list[list[int]]:
    """Join a break pysbd made after an abbreviation or before a citation."""
    merged: list[list[int]] = []
    for span in spans:
        if merged:
            start, end = merged[-1]
            nxt = text[span[0]:span[1]]
            # the tests read the sentence's last words (``_TAIL``): a sentence joined to is read again at the next break
            words_end = end
            while words_end > start and text[words_end - 1].isspace():
                words_end -= 1
            prev = text[max(start, words_end - _TAIL):end]
            opened = text.rfind("(", start, end)  # where a quotation in a parenthesis may open: at its last "("
            if (cited := _cited_then_capital(text, span[0])) and prev.rstrip()[-1:] in ".!?…":
                # "It holds. [@a] Next one.": the citation is the sentence's before, the capital begins the next
                merged[-1][1] = cited
                merged.append([cited, span[1]])
                continue
            if (_CONTINUATION.match(nxt) and not _name_begins(prev, nxt)) or (
                _NON_TERMINAL.search(prev) and not _starts_sentence(nxt)
            ) or (_DAY.search(prev) and _MONTH.match(nxt)) or (
                _BARE_KEY.match(nxt) and (_ET_AL.search(prev) or _LONE_KEY.match(nxt))) or (
                _NUMBERED.match(nxt) and _ET_AL.search(prev)) or (
                # "686(1)" then "(a)": pysbd's list item glued to the word before, a statute's subsection
                span[0] == merged[-1][1] and nxt[:1] == "(" and (prev[-1:].isalnum() or prev[-1:] == ")")) or (
                # "3543?" then "**jsessionid=ef3d**": a URL's query, no blank after its "?"; "extensió ." then
                # "DAT", "CONV." then "/JxCAT": a file's extension, an abbreviation joined to a name (not markup
                # after a full stop: emphasis closing, a note)
                span[0] == merged[-1][1] and ((text[span[0] - 1] in "?!" and nxt[:1].strip())
                                              or (text[span[0] - 1] == "." and (nxt[:1].isalnum() or nxt[:1] == "/")))) or (
                # "(see panel" then "(b) of Figure 3)": a part's label, named in the sentence, begins no sentence
                _ITEM.match(nxt) and _PART_NAMED.search(prev)) or (
                opened >= 0 and _QUOTED_IN_PARENTHESIS.match(text, opened, end) and _PARENTHESIS_CLOSES.match(nxt)) or (
                _OPEN_PARENTHESIS_ABBREVIATION.search(prev)
                and text.count("(", start, end) > text.count(")", start, end)):
                merged[-1][1] = span[1]
                continue
        merged.append(list(span))
    return merged


_ATTRIBUTES = lazy(r"\{[#.][^{}\n]*\}")
"""An element's attributes (pandoc's ``{#tbl:a .striped}``), which a caption writes after its last full stop."""
_ITEM = re.compile(r"\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)(?=[\s).,;:]|$)")
"""A list item's mark in parentheses, "(b) ", which pysbd takes for a sentence's start wherever it stands."""
_PART_NAMED = lazy(r"(?<![\w.])(?:panels?|sub-?panels?|figures?|fig\.?|subfigures?|tables?|tab\.|abb\.?|parts?|"
                         r"steps?|equations?|eqs?\.?|items?|columns?|rows?|plates?|boxes|box|appendix|cases?|options?)"
                         # the part's number, "Figure 3" or "Fig. 4a", then its label
                         r"(?:\s*\d+[a-z]?)?"
                         # "panels (c) and" then "(d)"
                         r"(?:\s*\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s*(?:,|and|or|to|&|und|et|y))*\s*$",
                         re.IGNORECASE)
"""A word naming a labelled part just before its label, its number between them: "panel (b)", "Figure 2 (a)",
"Fig. 2 (a)", "Abb. 2 (a)", "Tab. 2 (a)"."""


# A name written in lower case with capitals inside ("netNMF-sc", "eQTL", "mRNA"), which may begin a sentence; and a
# sentence's end before it: a full stop after a word of two letters or more or after a bracket.
_LOWER_NAME = re.compile(r"[a-z][a-z0-9]*[A-Z]")
_WORD_END = lazy(r"(?:(?P<close>[)\]])|(?<![\w.])(?P<word>[A-Za-z]{2,}))[.!?]$")


def _name_begins(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` begins a sentence with a name in lower case after ``prev``, which ends with a full stop that ends
    a word, not an abbreviation ("of interest. netNMF-sc uses", not "e.g. mRNA levels")."""
    if not _LOWER_NAME.match(nxt):
        return False
    m = _WORD_END.search(prev.rstrip())
    return m is not None and (m.group("close") is not None or m.group("word").lower() not in _ABBREVIATIONS)


def _starts_sentence(text: str) -> bool:
    first = text.split(" ", 1)[0]
    return first in {"The", "This", "That", "These", "Those", "It", "In", "We", "They", "He",
                     "She", "A", "An", "However", "But", "Yet", "Thus", "Such", "Our", "There"}


def _split_glued(text: str, spans: list[list[int]]) -> list[list[int]]:
    """Split after "U.S.", "et al." or a variable's letter ("X and Y.") when a plain sentence start follows, outside a
    parenthesis or bracket still open ("(Peute et al. In preparation)": a year field citeproc prints as written)."""
    out: list[list[int]] = []
    for a, b in spans:
        cut = a
        for m in _GLUED.finditer(text, a, b):
            before = text[a:m.start()]
            if before.count("(") > before.count(")") or before.count("[") > before.count("]"):
                continue
            out.append([cut, m.end()])
            cut = m.end()
        out.append([cut, b])
    return out


def make_claim(body: str, body_line: int, paragraph: int, sentence: int, start: int, end: int,
               masked: str | None = None, file: str | None = None, line: int | None = None) -> Claim:
    """The claim for body[start:end]; ``masked`` (that text after ``cites.mask_inline``) gives its citations."""
    text = _WS.sub(" ", body[start:end]).strip()
    prefix = _WS.sub(" ", body[max(0, start - CONTEXT * 2):start])[-CONTEXT:]
    suffix = _WS.sub(" ", body[end:end + CONTEXT * 2])[:CONTEXT]
    return Claim(
        id=f"p{paragraph}-s{sentence}", paragraph=paragraph, sentence=sentence, text=text,
        selector=TextQuoteSelector(exact=text, prefix=prefix, suffix=suffix),
        line=line if line is not None else body_line + body.count("\n", 0, start), start=start, end=end,
        citations=find_citations(_WS.sub(" ", masked).strip(), text) if masked is not None else None,
        file=file,
    )


def follow_paragraph(paragraphs: list[Paragraph], leading: list[str], shown: str) -> None:
    """Display math that stands alone (``shown``, as pandoc's Markdown writes it), which claims nothing: kept after the
    last of ``paragraphs`` (``Paragraph.after``), or in ``leading`` before the first (``Paragraph.before``), where the
    site prints it. Every reader attaches it so."""
    if paragraphs:
        paragraphs[-1] = replace(paragraphs[-1], after=(*paragraphs[-1].after, shown))
    else:
        leading.append(shown)


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace, as claim texts and selectors do."""
    return _WS.sub(" ", text).strip()


def inline_label(claim_id: str, n: int) -> str:
    """The key of a claim's ``n``-th inline note (0-based) in ``note_numbers``: no note's label holds a ^."""
    return f"{claim_id}^{n}"


def note_key(label: str, chapter: int) -> str:
    """THE key of the note ``label`` of a paragraph of ``chapter`` (``Paragraph.chapter``) in ``note_numbers``: the
    label itself in an essay read as one text; a book's chapter's note under its chapter too (no label holds a ^, no
    claim id is a number: no inline note's key is one)."""
    return f"{chapter}^{label}" if chapter else label


def chapter_notes(numbers: Mapping[str, tuple[int, str]], chapter: int) -> Mapping[str, tuple[int, str]]:
    """``note_numbers``' notes as a paragraph of ``chapter`` names them: by label, its own chapter's (and every
    inline note, under ``inline_label``)."""
    if not chapter or not numbers:
        return numbers
    out: dict[str, tuple[int, str]] = {}
    for key, value in numbers.items():
        head, caret, label = key.partition("^")
        if caret and head.isdigit():
            if head == str(chapter):
                out[label] = value
        else:
            out[key] = value
    return out


def note_numbers(essay: Essay) -> dict[str, tuple[int, str]]:
    """THE numbers of an essay's notes, as pandoc prints them: every note (an inline one, ``^[...]``, too) numbered
    in the order of its first reference, whatever its label (``[^ver_lerdahl]`` is note 1 when referenced first);
    with each the id of the claim holding that reference, for the note's way back; an inline note under
    ``inline_label``, a book's chapter's note under ``note_key`` (its chapter's own: ``chapter_notes``). Only notes the
    essay defines count (pandoc prints a reference to another as written), and no reference inside a note."""
    defined = {note_key(p.note, p.chapter) for p in essay.paragraphs if p.note}
    numbers: dict[str, tuple[int, str]] = {}
    count = 0
    for paragraph in essay.paragraphs:
        if paragraph.note:
            continue
        for claim in paragraph.claims:
            if "^" not in claim.text:
                continue
            inline = 0
            spans = note_spans(claim.text) if claim.text.count("^[") > 1 else {}
            for m in _NOTE_START.finditer(claim.text):
                label = m.group(2)
                if label is not None:
                    label = note_key(label, paragraph.chapter)
                if m.group(1) is not None or (label is not None and (label not in defined or label in numbers)):
                    continue
                if label is None:
                    label, inline = inline_label(claim.id, inline), inline + 1
                    if any(s < m.start() < e for s, e in spans.items()):
                        continue  # a note in a note: pandoc numbers it after the text's (left unnumbered here)
                count += 1
                numbers[label] = (count, claim.id)
    return numbers


# Where a note starts: its reference (``[^4]``) or an inline note (``^[...]``), not in code.
_NOTE_START = lazy(r"(`+)[\s\S]*?(?<!`)\1(?!`)" rf"|\[\^({NOTE_LABEL})\]|(?<!\\)\^\[")
