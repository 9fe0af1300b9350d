"""LaTeX to display text: what a reader should see of a BibTeX value (the one place this rule lives).

Accents, dashes and escapes are decoded by latexcodec (pybtex's own codec); text macros are
removed and their content kept (``\\emph{Taming}`` reads "Taming", ``\\mbox{U.S.}`` "U.S."),
logos keep their name (``\\LaTeX``), a sort key in ``\\noopsort{…}`` prints nothing, URLs in
``\\url{…}`` are kept verbatim (their ``~`` and ``%`` are characters, not LaTeX), and protective
braces go.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from ..lazyre import lazy

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..model import Source

_BRACES = lazy(r"(?<!\\)[{}]")
_SPACES = lazy(r"\s+")
_SINGLE_QUOTED = lazy(r"`([^`']*)'(?![A-Za-z])")
BABEL_SHORTHAND = r"(?<=\w)\"[-|\"](?=\w)"
"""babel's German shorthands inside a word: a hyphenation point ("Fernseh\"-gespräch"), a ligature's break (\"|) or a
break without a hyphen (\"\"); LaTeX with babel's German prints no mark for them, pandoc prints them as written."""
_LATEX_HINT = lazy(r"[\\~$`]|--|''")
# Text whose only LaTeX is a dash ligature ("195--679", the usual page range): the codec's answer
# is the same as replacing the dashes (checked against latexcodec in tests), at a fraction of the cost.
_DASHES_ONLY = lazy(r"[A-Za-z0-9 .,:;()/+-]*")
# \url{...} and the target of \href{...}{...}: verbatim, so protected from the codec.
_URL_ESCAPE = lazy(r"\\([#$%&_{}~])")
"""A mark escaped in an address in ``\\url{...}`` ("\\#", "\\%"): the url package and pandoc print the mark alone."""
_VERBATIM = lazy(r"\\(?:url|path|nolinkurl)\s*\{([^{}]*)\}|\\href\s*\{([^{}]*)\}")
_LOGOS = {"LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e", "XeTeX": "XeTeX",
          "XeLaTeX": "XeLaTeX", "LuaTeX": "LuaTeX", "LuaLaTeX": "LuaLaTeX", "ConTeXt": "ConTeXt", "BibLaTeX": "BibLaTeX",
          "biber": "biber"}
# The journal macros of ADS exports (``journal = {\\mnras}``), which AASTeX's aas_macros and the MNRAS class
# define, and the abbreviation each prints (pandoc, which does not define them, prints nothing).
_AAS_JOURNALS = {
    "aj": "AJ", "actaa": "Acta Astron.", "araa": "ARA&A", "apj": "ApJ", "apjl": "ApJL", "apjs": "ApJS",
    "ao": "Appl. Opt.", "apss": "Ap&SS", "aap": "A&A", "aapr": "A&A Rv", "aaps": "A&AS", "azh": "AZh",
    "baas": "BAAS", "bac": "Bull. astr. Inst. Czechosl.", "caa": "Chinese Astron. Astrophys.",
    "cjaa": "Chinese J. Astron. Astrophys.", "icarus": "Icarus", "jcap": "J. Cosmology Astropart. Phys.",
    "jrasc": "JRASC", "memras": "MmRAS", "mnras": "MNRAS", "na": "New A", "nar": "New A Rev.", "pasa": "PASA",
    "pra": "Phys. Rev. A", "prb": "Phys. Rev. B", "prc": "Phys. Rev. C", "prd": "Phys. Rev. D",
    "pre": "Phys. Rev. E", "prl": "Phys. Rev. Lett.", "pasp": "PASP", "pasj": "PASJ", "psj": "PSJ", "qjras": "QJRAS", "rnaas": "RNAAS",
    "rmxaa": "Rev. Mexicana Astron. Astrofis.", "skytel": "S&T", "solphys": "Sol. Phys.", "sovast": "Soviet Ast.",
    "ssr": "Space Sci. Rev.", "zap": "ZAp", "nat": "Nature", "iaucirc": "IAU Circ.", "aplett": "Astrophys. Lett.",
    "apspr": "Astrophys. Space Phys. Res.", "fcp": "Fund. Cosmic Phys.", "gca": "Geochim. Cosmochim. Acta",
    "grl": "Geophys. Res. Lett.", "jgr": "J. Geophys. Res.", "jqsrt": "J. Quant. Spec. Radiat. Transf.",
    "memsai": "Mem. Soc. Astron. Italiana", "nphysa": "Nucl. Phys. A", "physrep": "Phys. Rep.",
    "physscr": "Phys. Scr", "planss": "Planet. Space Sci.", "procspie": "Proc. SPIE",
}
# What the codec leaves: a control word (with a star), an optional [..] argument, and the
# space that ends it; "\\" is a line break.
_MACRO = lazy(r"\\\\|\\([A-Za-z]+)\*?(?:\s*\[[^\[\]{}]*\])?[ \t]*")
_SORT_ONLY = lazy(r"\\noopsort\s*\{[^{}]*\}")
"""BibTeX's ``\\noopsort{1973c}``: a key for the sort that prints nothing (xampl.bib's own definition)."""
IF_MATH = lazy(r"\\ifmmode(?![A-Za-z])((?:(?!\\else(?![A-Za-z])|\\fi(?![A-Za-z])).)*)"
                r"(?:\\else(?![A-Za-z])\s*((?:(?!\\fi(?![A-Za-z])).)*))?\\fi(?![A-Za-z])", re.S)
"""TeX's ``\\ifmmode <math>\\else <text>\\fi`` (APS's and some converters' way to write an accent, "Bon\\ifmmode
\\check{c}\\else \\v{c}\\fi{}a"): a field's text is set in text mode, so the second branch is what prints."""

# An accent over a braced dotless i or j (``\\'{\\i}``, as Crossref and Google Scholar export "í"): the codec reads
# ``\\'\\i`` and ``\\'{i}`` but left this one as "\\'ı". The accented letter is the same, so the dot goes.
_ACCENTED_DOTLESS = lazy(r"(\\[`'^\"~=.uvHcdbkr]\s*)\{\\([ij])\s*\}")
_COMBINING = {"`": "\u0300", "'": "\u0301", "^": "\u0302", "~": "\u0303", "=": "\u0304", "u": "\u0306", ".": "\u0307",
              '"': "\u0308", "r": "\u030a", "H": "\u030b", "v": "\u030c", "d": "\u0323", "c": "\u0327", "k": "\u0328",
              "b": "\u0331"}
"""The combining mark of each LaTeX accent command."""
_LEFT_ACCENT = lazy(r"\\(?:([`'^\"~=.])\s*|([uvHrdckb])(?:\s+|(?=\{)))(?:\{\s*(\\[ij](?![A-Za-z])|[A-Za-z])\s*\}"
                    r"|(\\[ij](?![A-Za-z])|[A-Za-z]))")
"""An accent on a letter that latexcodec's table lacks (``{\\`y}``, ``\\~e``, ``\\v{j}``), left as written by the codec:
its letter and combining mark are composed, as pandoc's biblatex reader composes them (ỳ, ẽ, ǰ)."""
# ``\\ensuremath{\\alpha}``: a math symbol in text ("\\ensuremath{\\alpha} Centauri"), read as ``$\\alpha$`` is, as pandoc
# reads it; other content of the command (``\\ensuremath{x_2}``) is kept as written, the command dropped.
_ENSURE_MATH = lazy(r"\\ensuremath\s*\{([^{}$]*)\}")
_COMMAND = lazy(r"\\[A-Za-z]+")
# TeX math in a value (``$...$``, ``$$...$$``, ``\\(...\\)``), read as pandoc reads it: math, however the codec would read
# the text around it ("CO$_2$" kept its dollars; "$n \\log n$" lost its operator). An escaped dollar is a character.
_DOLLAR_MATH = lazy(r"(?<!\\)\$\$([^$]+)\$\$|(?<!\\)\$([^$]+)\$")
_MATH_TOKEN = lazy(r"\\(?:([A-Za-z]+)\s*|([^A-Za-z]))")  # a control word, the spaces after it dropped
# Commands that set their argument in a font (printed as its text), operators printed by their name, and spaces
_MATH_FONTS = frozenset([
    "mathrm", "mathit", "mathbf", "mathsf", "mathtt", "mathnormal", "mathcal", "mathbb", "mathfrak", "mathscr",
    "boldsymbol", "bm", "text", "textrm", "textit", "textbf", "textsf", "texttt", "textnormal", "mbox", "rm", "it", "bf",
    "sf", "tt", "cal", "operatorname"])
_MATH_OPERATORS = frozenset([
    "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "arcsin", "arccos",
    "arctan", "max", "min", "sup", "inf", "lim", "det", "dim", "ker", "deg", "arg", "gcd", "Pr", "bmod"])
_MATH_SPACE = "\ue006"
"""A space math asks for (``\\,``, ``\\quad``, an operator's name, a ``\\text`` argument's), printed where the spaces
typed in it are not (pandoc's HTML: "$x y$" is "xy", "$x\\,y$" "x y")."""
_MATH_SPACES = {",": _MATH_SPACE, ";": _MATH_SPACE, ":": _MATH_SPACE, ">": _MATH_SPACE, "!": _MATH_SPACE,
                " ": _MATH_SPACE, "quad": _MATH_SPACE, "qquad": _MATH_SPACE}
_TEXT_ARGUMENT = lazy(r"\\(?:text[a-z]*|mbox|operatorname)\s*\{([^{}]*)\}")
"""A text argument in math ("\\text{for all}"), whose spaces are printed."""
_STYLED_LETTERS = lazy(r"\\(mathcal|mathscr|cal|mathbb|mathfrak)\s*(?:\{([A-Za-z]+)\}|([A-Za-z]))")
"""Letters in a calligraphic, script, double-struck or fraktur font ("\\mathcal{O}", "\\mathbb R")."""
_STYLE_NAMES = {"mathcal": ("SCRIPT", "SCRIPT"), "mathscr": ("SCRIPT", "SCRIPT"), "cal": ("SCRIPT", "SCRIPT"),
                "mathbb": ("DOUBLE-STRUCK", "DOUBLE-STRUCK"), "mathfrak": ("FRAKTUR", "BLACK-LETTER")}


def _styled(font: str, letter: str) -> str:
    """A letter as its mathematical character in ``font`` ("O" in mathcal is "𝒪", "R" in mathbb "ℝ"), as pandoc
    prints it; the letter itself where Unicode has none."""
    style, older = _STYLE_NAMES[font]
    case = "CAPITAL" if letter.isupper() else "SMALL"
    for name in (f"MATHEMATICAL {style} {case} {letter.upper()}", f"{older} {case} {letter.upper()}"):
        with contextlib.suppress(KeyError):
            return unicodedata.lookup(name)
    return letter
_MATH_ESCAPED = {"{": "\ue003", "}": "\ue004", "_": "\ue005", "$": "$", "%": "%", "&": "&", "#": "#"}
_MATH_UNESCAPED = str.maketrans({"\ue003": "{", "\ue004": "}", "\ue005": "_", "^": None, "_": None, "{": None, "}": None})
# Relations, spaced from what stands beside them, and binary operators, spaced between two operands (a minus sign
# opening a term, "10^{-3}", is not), as pandoc's HTML prints them ("a < b", "x + y", "10−3")
_RELATIONS = frozenset("<>=∼≤≥≈≠≡∝≪≫→←↔⇒⇐⇔∈∉⊂⊃⊆⊇≃≅")
_BINARY = frozenset("+−±∓×·÷∗")
_PROTECT = "\ue000"  # private-use characters never found in real values
_PROTECT_END = "\ue001"
_CONTROL_SPACE = "\ue002"
"""Stands for TeX's control space (``\\ `` after a control word: ``\\apj\\ and`` prints "ApJ and") while the
codec and the macros are read, whose own space after a control word TeX drops."""
_CONTROL_SPACE_AT = lazy(r"(?<!\\)((?:\\\\)*)\\ ")
# Text symbols LaTeX prints as one character, as Zotero and JabRef export "|", "<", ">" and "\\" in titles and
# abstracts ("Functions {\\textbar} Microsoft Docs"; they printed nothing), and the thin space of "10\\,000" (shown
# as a space). They are read before the codec, which decodes ``\\textbackslash`` into a backslash then read as a macro.
_SYMBOLS = {"textbar": "|", "textless": "<", "textgreater": ">", "textquotedbl": '"', "textunderscore": "_",
            "textbackslash": "\\", "slash": "/", "textvisiblespace": "\u2423", ",": " "}
_SYMBOL = lazy(r"(?<!\\)((?:\\\\)*)\\(?:(" + "|".join(name for name in _SYMBOLS if name.isalpha())
               + r")(?![A-Za-z])[ \t]*(?:\{\})?|(,))")
# Long values go through the codec in pieces: a long run of letters, digits, spaces and ".;:()"
# (tokens latexcodec passes through one by one, none of which forms a table entry with another
# plain token: "," is left out for its ",," ligature) is copied as it is, except for _CONTEXT
# characters other than spaces at each end, which go to the codec with their neighbours. The
# codec's table entries are at most 7 tokens long, so a neighbour never reaches past the context;
# control words (whose letters are not plain text), comments and "#1" parameters are skipped so
# that no run starts inside them. The codec is linear but slow (about 8 ms per KB).
_CONTEXT = 16
_PIECEWISE_FROM = 4096  # shorter values are decoded in one piece
_PLAIN_RUN = lazy(r"\\(?:[A-Za-z]+|.)|%[^\n]*|#[0-9]?|(?P<plain>[A-Za-z0-9.;:() ]{" + str(4 * _CONTEXT) + ",})",
                        re.DOTALL)
_CONTEXT_CHARS = lazy(r"(?: *[^ ]){" + str(_CONTEXT) + "}")


# Commands a bibliography value may use that neither latexcodec's table nor pylatexenc's lists
# hold: LaTeX's font, size, case, spacing and box commands, text symbols, biblatex's and BibTeX
# styles' text commands, the usual @preamble sorting tricks (and ``_AAS_JOURNALS``).
_MORE_COMMANDS = """
    em it bf sc rm tt sf sl up md normalfont textnormal tiny scriptsize footnotesize small normalsize large
    Large LARGE huge Huge uppercase lowercase MakeUppercase MakeLowercase MakeTextUppercase MakeTextLowercase
    NoCaseChange nocase textsuperscript textsubscript textless textgreater textbar textquotedbl
    textunderscore textvisiblespace P S slash hyphen relax protect unskip space nobreakspace newline
    linebreak nolinebreak allowbreak nobreak break hbox vbox mbox makebox fbox raisebox kern hskip vskip
    hfill vfill strut null ignorespaces xspace left right middle big Big bigg Bigg newblock bibinfo
    bibfield bibnamefont natexlab path nolinkurl doi eprint arxiv mkbibquote mkbibemph mkbibitalic mkbibbold
    mkbibacro mkbibparens mkbibbrackets mkbibsuperscript mkbibsubscript enquote psq psqq bibstring
    autocap smartof noopsort sortnoop SortNoop singleletter switchargs foreignlanguage textlang
    selectlanguage hyphenation textgreek textcyrillic cyrchar textlatin latintext greektext cyrillictext textipa
    begin end arabic roman Roman
    underset overset stackrel etal ie eg flqq frqq glq grq flq frq ifmmode else fi
"""


@functools.cache
def _codec_commands() -> frozenset[str]:
    import latexcodec.codec

    table = latexcodec.codec._LATEX_UNICODE_TABLE.unicode_map
    words = (token.text[1:] for tokens in table for token in tokens if token.name == "control_word")
    return frozenset(words) | frozenset(_LOGOS) | frozenset(_AAS_JOURNALS) | frozenset(_MORE_COMMANDS.split())


@functools.cache
def _pylatexenc_commands() -> frozenset[str]:
    from pylatexenc import latex2text, latexwalker

    dbs = (latexwalker.get_default_latex_context_db(), latex2text.get_default_latex_context_db())
    return frozenset(spec.macroname for db in dbs for category in db.categories()
                     for spec in db.iter_macro_specs([category]))


def known_command(name: str) -> bool:
    """Whether ``\\name`` is a command LaTeX, its usual packages or biblatex define (no backslash in
    ``name``); pylatexenc's lists are read only for a name the shorter ones lack."""
    return name in _codec_commands() or name in _pylatexenc_commands()


def text_mode(value: str) -> str:
    """``value`` with each ``\\ifmmode ... \\else ... \\fi`` replaced by its text-mode branch, as LaTeX prints it
    outside math ("{\\ifmmode\\ddot{U}\\else\\\"{U}\\fi}berblick" is "{\\\"{U}}berblick")."""
    return if_math_sub(lambda m: m.group(2) or "", value)


_FI = lazy(r"\\fi(?![A-Za-z])")


def if_math_sub(replace: Callable[[re.Match[str]], str], value: str) -> str:
    """``IF_MATH.sub(replace, value)`` in linear time: every match ends at a ``\\fi``, so the text after the last one
    is left out of the search (each ``\\ifmmode`` after it would scan to the end of the text, and fail)."""
    cut = max((m.end() for m in _FI.finditer(value)), default=0)
    return IF_MATH.sub(replace, value[:cut]) + value[cut:] if cut else value


def _ensure_math(text: str) -> str:
    """``text`` with each ``\\ensuremath{...}`` read as TeX reads it: in text, a symbol command made math
    (``$\\alpha$``) and other content kept as written; inside math already (after an odd number of ``$`` not
    escaped), its content alone."""
    out: list[str] = []
    at, inside = 0, False
    for m in _ENSURE_MATH.finditer(text):
        dollars = text.count("$", at, m.start()) - text.count("\\$", at, m.start())
        inside ^= dollars % 2 == 1
        content = m.group(1).strip()
        out += [text[at:m.start()], f"${content}$" if not inside and _COMMAND.fullmatch(content) else m.group(1)]
        at = m.end()
    return "".join(out) + text[at:]


@functools.lru_cache(maxsize=65536)
def decode_latex(value: str) -> str:
    """LaTeX to display text: accents and dashes decoded, macros dropped with their text kept."""
    if not value:
        return ""
    if not _LATEX_HINT.search(value):
        # Most values hold no LaTeX at all: skip the codec (the costliest step of loading).
        return _SPACES.sub(" ", _BRACES.sub("", value)).strip()
    if _DASHES_ONLY.fullmatch(value) and ",," not in value:  # ",," is a ligature too („)
        return " ".join(value.replace("---", "\u2014").replace("--", "\u2013").split())
    import latexcodec  # noqa: F401  (registers the "ulatex" codec; pybtex depends on it)

    kept: list[str] = []

    def protect(m: re.Match[str]) -> str:  # (an address's escaped marks are its characters: "a\\#b" is "a#b")
        kept.append(_URL_ESCAPE.sub(r"\1", m.group(1)) if m.group(1) is not None else "")
        return f"{_PROTECT}{len(kept) - 1}{_PROTECT_END}"

    def protect_text(shown: str) -> str:
        kept.append(shown)
        return f"{_PROTECT}{len(kept) - 1}{_PROTECT_END}"

    text = _SORT_ONLY.sub("", _VERBATIM.sub(protect, value)) if "\\" in value else value
    if "\\ifmmode" in text:
        text = text_mode(text)
    if "\\" in text:
        text = _SYMBOL.sub(lambda m: m.group(1) + protect_text(_SYMBOLS[m.group(2) or m.group(3)]), text)
    if "{\\i" in text or "{\\j" in text:
        text = _ACCENTED_DOTLESS.sub(r"\1{\2}", text)
    if "\\ensuremath" in text:
        text = _ensure_math(text)
    if "$" in text or "\\(" in text:
        text = _read_math(text, protect_text)
    spaced = "\\ " in text
    if spaced:
        text = _CONTROL_SPACE_AT.sub(lambda m: m.group(1) + _CONTROL_SPACE, text)
    with contextlib.suppress(ValueError, UnicodeError):  # not LaTeX the codec reads: shown as written
        text = _codec(text)
    if "\\" in text:
        text = _LEFT_ACCENT.sub(_composed, text)
        text = _MACRO.sub(_macro_text, text)
    if spaced:
        text = text.replace(_CONTROL_SPACE, " ")
    text = _BRACES.sub("", text).replace("\\{", "{").replace("\\}", "}").replace("\\$", "$")
    if "`" in text:  # TeX's left quote (the codec reads only the double one, ``), closed by the next '
        text = _SINGLE_QUOTED.sub("\u2018\\1\u2019", text).replace("`", "\u2018")
    for _ in range(2) if kept else ():  # (twice: math kept whole holds a symbol kept before it, "$x\\,y$")
        text = re.sub(f"{_PROTECT}(\\d+){_PROTECT_END}", lambda m: kept[int(m.group(1))], text)
    return _SPACES.sub(" ", text).strip()


def _read_math(text: str, keep: Callable[[str], str]) -> str:
    """``text`` with each TeX math in it replaced by ``keep`` of its reading (``math_text``), or of the math as written
    (between dollars) where it has none, as pandoc prints it. Linear: each ``\\(`` is paired with the next ``\\)``."""
    def shown(tex: str) -> str:
        reading = math_text(tex)
        return keep(f"${tex}$" if reading is None else reading)

    if "\\(" in text:
        pieces, at = [], 0
        while (start := text.find("\\(", at)) >= 0 and (end := text.find("\\)", start + 2)) >= 0:
            pieces += [text[at:start], shown(text[start + 2:end])]
            at = end + 2
        text = "".join(pieces) + text[at:]
    if "$" in text:
        text = _DOLLAR_MATH.sub(lambda m: shown(m.group(1) or m.group(2)), text)
    return text


@functools.lru_cache(maxsize=4096)
def math_text(tex: str) -> str | None:
    """TeX math (without its delimiters) as the text pandoc's HTML shows of it, its tags left out: a subscript or
    superscript after its base ("CO$_2$" is "CO2"), a symbol as its character ("$\\sim$" is "∼"), a font command's
    argument as its text, an operator by its name, relations and binary operators spaced ("a < b"), a hyphen a minus
    sign; None where it holds a command with no such reading (``\\frac``, ``\\sqrt``, one of the document's): pandoc
    prints that math as written. The text is data, escaped where it is printed."""
    unread = False

    def command(m: re.Match[str]) -> str:
        nonlocal unread
        name = m.group(1) or m.group(2)
        if name in _MATH_FONTS:
            return ""
        if name in _MATH_OPERATORS:
            return f"{_MATH_SPACE}{name}{_MATH_SPACE}"
        if name in _MATH_SPACES:
            return _MATH_SPACES[name]
        if name in _MATH_ESCAPED:
            return _MATH_ESCAPED[name]
        symbol = _text_symbol(name) if name.isalpha() else ""
        unread = unread or not symbol
        return symbol

    if "\\text" in tex or "\\mbox" in tex or "\\operatorname" in tex:
        tex = _TEXT_ARGUMENT.sub(lambda m: m.group().replace(m.group(1), m.group(1).replace(" ", _MATH_SPACE)), tex)
    if "\\ma" in tex or "\\cal" in tex:
        tex = _STYLED_LETTERS.sub(lambda m: "".join(_styled(m.group(1), c) for c in m.group(2) or m.group(3)), tex)
    shown = _MATH_TOKEN.sub(command, tex).replace("-", "\u2212")
    if unread:
        return None
    shown = "".join(shown.split())  # the spaces typed in math, which TeX and pandoc do not print
    out: list[str] = []
    last = ""  # the last character written that is no space
    content_to = len(shown.rstrip(" }")) - 1  # where the last character that is no space nor brace stands
    for i, c in enumerate(shown):
        written = c
        if c in _RELATIONS or c in _BINARY:
            left = bool(last) and last not in "^_{(" and last not in _RELATIONS and last not in _BINARY
            right = i < content_to
            if (left or right) if c in _RELATIONS else (left and right):
                written = f" {c} "
        elif c == "," and i < content_to:  # "a, b", as pandoc spaces it
            written = ", "
        out.append(written)
        if c != _MATH_SPACE:
            last = c
    text = "".join(out).replace(_MATH_SPACE, " ").translate(_MATH_UNESCAPED)
    return " ".join(text.split())


def _codec(text: str) -> str:
    """latexcodec's "ulatex" decoding of ``text``, long plain runs copied instead of decoded (same result)."""
    pieces: list[str] = []
    start = 0
    if len(text) >= _PIECEWISE_FROM:
        for m in _PLAIN_RUN.finditer(text):
            run = m.group("plain")
            if run is None:
                continue
            # The context is counted in characters other than spaces, which the codec skips after a
            # control word (``\' e`` is an accented e) and drops at the start of a piece.
            head, tail = _CONTEXT_CHARS.match(run), _CONTEXT_CHARS.match(run[::-1])
            if head is None or tail is None:
                continue
            copy_from, copy_to = m.start() + head.end(), m.end() - tail.end()
            if copy_to - copy_from < _CONTEXT:
                continue
            pieces += [_ulatex(text[start:copy_from]), text[copy_from:copy_to]]
            start = copy_to
    pieces.append(_ulatex(text[start:]))
    return "".join(pieces)


def _ulatex(text: str) -> str:
    # latexcodec's "ulatex" decodes str to str; typeshed types codecs.decode for bytes codecs only.
    return codecs.decode(text, "ulatex")  # type: ignore[call-overload]


def _composed(m: re.Match[str]) -> str:
    """The letter of an accent command the codec left (``_LEFT_ACCENT``) with its mark, composed where Unicode has
    the letter (ỳ), else the letter and the mark (a dotless ı̀)."""
    letter = m.group(3) or m.group(4)
    base = {"\\i": "\u0131", "\\j": "\u0237"}.get(letter, letter)
    return unicodedata.normalize("NFC", base + _COMBINING[m.group(1) or m.group(2)])


_ONE_MACRO = lazy(r"[\s{]*\\([A-Za-z]+)[\s}]*")


def aas_journal(value: str) -> str:
    """The journal an ADS export's field names by an AASTeX journal macro alone (``{\\jgr}``: "J. Geophys. Res."),
    which AASTeX and the MNRAS class define and pandoc does not; '' for any other value."""
    macro = _ONE_MACRO.fullmatch(value) if "\\" in value else None
    return _AAS_JOURNALS.get(macro.group(1), "") if macro else ""


def _macro_text(m: re.Match[str]) -> str:
    name = m.group(1)
    if name is None:  # "\\": a line break
        return " "
    if name in _LOGOS:
        return _LOGOS[name]
    if name in _AAS_JOURNALS:
        return _AAS_JOURNALS[name]
    return "" if name in _codec_commands() else _text_symbol(name)


@functools.cache
def _text_symbol(name: str) -> str:
    """A text symbol latexcodec's table lacks (``\\textquoteright`` ’, ``\\textquotedblleft`` “, ``\\texteuro``
    €, ``\\textellipsis`` …), as pylatexenc's table prints it; any other command prints nothing."""
    from pylatexenc import latex2text

    spec = latex2text.get_default_latex_context_db().get_macro_spec(name)
    text = getattr(spec, "simplify_repl", None)
    return text if isinstance(text, str) and len(text) <= 2 and "%" not in text else ""


def field_text(source: Source, name: str) -> str:
    """A field of ``source`` as a reader sees it (``decode_latex`` of its raw value; '' when it has none)."""
    return decode_latex(source.field(name))


def full_title(source: Source) -> str:
    """THE title as printed: with a biblatex ``subtitle`` field after a colon (a space alone after a title ending in
    "?" or "!": ``title_joined``), as pandoc prints it."""
    subtitle = field_text(source, "subtitle")
    return title_joined(source.title, ":", subtitle) if subtitle.strip() else source.title


def title_with_addon(source: Source) -> str:
    """The title with a biblatex ``titleaddon`` after a full stop ("Plans. A Commentary"), as pandoc reads it into
    CSL's ``title`` (its ``title-short`` is ``full_title``)."""
    return _with_addon(full_title(source), field_text(source, "titleaddon"))


def container_with_addon(source: Source) -> str:
    """The container's title with its biblatex subtitle after a colon (``journalsubtitle`` of an article,
    ``booksubtitle`` else: "Zeitung: Medien"), and a ``booktitleaddon`` or ``journaltitleaddon`` after a full stop,
    as pandoc reads them into CSL's ``container-title``."""
    addon = field_text(source, "booktitleaddon") or field_text(source, "journaltitleaddon")
    subtitle = field_text(source, "journalsubtitle" if source.type.lower() == "article" else "booksubtitle").strip()
    container = title_joined(source.container, ":", subtitle) if subtitle and source.container.strip() else source.container
    return _with_addon(container, addon)


def _with_addon(title: str, addon: str) -> str:
    return title_joined(title, ".", addon) if title.strip() else title


def title_joined(first: str, sep: str, then: str) -> str:
    """``first`` and ``then`` as pandoc's biblatex reader joins a title's parts (a subtitle after ``sep`` ":", an
    addon after "."): ``sep`` and a space between, the space alone where ``first`` ends in a stop of its own ("Why
    Now? Essays", "Letters. Vol Two"); either alone where the other is blank."""
    then = then.strip()
    if not first.strip() or not then:
        return first if first.strip() else then
    return first + ("" if first.rstrip()[-1] in "!?.,:;" else sep) + " " + then
