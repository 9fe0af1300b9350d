"""LaTeX to display text: what a reader should see of a BibTeX value (the one place this rule lives).

Accents, dashes and escapes are decoded by latexcodec (pybtex's own codec); text macros are
removed and their content kept (``\\emph{Taming}`` reads "Taming", ``\\mbox{U.S.}`` "U.S."),
logos keep their name (``\\LaTeX``), URLs in ``\\url{…}`` are kept verbatim (their ``~`` and
``%`` are characters, not LaTeX), and protective braces go.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re

_BRACES = re.compile(r"(?<!\\)[{}]")
_SPACES = re.compile(r"\s+")
_LATEX_HINT = re.compile(r"[\\~$`]|--|''")
# Text whose only LaTeX is a dash ligature ("195--679", the usual page range): the codec's answer
# is the same as replacing the dashes (checked against latexcodec in tests), at a fraction of the cost.
_DASHES_ONLY = re.compile(r"[A-Za-z0-9 .,:;()/+-]*")
# \url{...} and the target of \href{...}{...}: verbatim, so protected from the codec.
_VERBATIM = re.compile(r"\\(?:url|path|nolinkurl)\s*\{([^{}]*)\}|\\href\s*\{([^{}]*)\}")
_LOGOS = {"LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e", "XeTeX": "XeTeX",
          "XeLaTeX": "XeLaTeX", "LuaTeX": "LuaTeX", "LuaLaTeX": "LuaLaTeX", "ConTeXt": "ConTeXt", "BibLaTeX": "BibLaTeX",
          "biber": "biber"}
# What the codec leaves: a control word (with a star), an optional [..] argument, and the
# space that ends it; "\\" is a line break.
_MACRO = re.compile(r"\\\\|\\([A-Za-z]+)\*?(?:\s*\[[^\[\]{}]*\])?[ \t]*")
_PROTECT = "\ue000"  # private-use characters never found in real values
_PROTECT_END = "\ue001"


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

    def protect(m: re.Match[str]) -> str:
        kept.append(m.group(1) if m.group(1) is not None else "")
        return f"{_PROTECT}{len(kept) - 1}{_PROTECT_END}"

    text = _VERBATIM.sub(protect, value) if "\\" in value else value
    with contextlib.suppress(ValueError, UnicodeError):  # not LaTeX the codec reads: shown as written
        # latexcodec's "ulatex" decodes str to str; typeshed types codecs.decode for bytes codecs only.
        text = codecs.decode(text, "ulatex")  # type: ignore[call-overload]
    if "\\" in text:
        text = _MACRO.sub(_macro_text, text)
    text = _BRACES.sub("", text).replace("\\{", "{").replace("\\}", "}")
    if kept:
        text = re.sub(f"{_PROTECT}(\\d+){_PROTECT_END}", lambda m: kept[int(m.group(1))], text)
    return _SPACES.sub(" ", text).strip()


def _macro_text(m: re.Match[str]) -> str:
    name = m.group(1)
    if name is None:  # "\\": a line break
        return " "
    return _LOGOS.get(name, "")
