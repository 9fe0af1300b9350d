"""LaTeX citation commands read as pandoc citations, and a paragraph's LaTeX turned into its text.

natbib's and biblatex's commands become pandoc citations (``\\citep[p.~3]{a,b}`` reads as
``[@{a}; @{b}, p. 3]``, as pandoc's LaTeX reader maps them); the rest of the markup is removed with
pylatexenc (inline math kept as ``$...$``, display math dropped). ``latex`` (the reader) re-exports ``COMMANDS``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from ..bibliography.bibtex import brace_pairs, brace_partners
from ..bibliography.latex import BABEL_SHORTHAND
from ..text import HARD_BREAK
from .latex_masked import commands_only
from .latex_specials import quick_specials
from .latex_units import ARGUMENTS as UNIT_ARGUMENTS
from .latex_units import printed_text as unit_text
from .latex_unknown import PANDOC_TEXT, TYPESET_TEXT, without_unknown

# (\citetitle, \citeurl, \citedate, natbib's \citenum and alias citations: pandoc reads none of them, but
# biber and BibTeX put their entries in the bibliography, as they do \fullcite's.)
_IN_TEXT = {"citet", "Citet", "textcite", "Textcite", "citeauthor", "Citeauthor", "textcites", "Textcites",
            "citealt", "Citealt", "citetitle", "Citetitle", "citetalias", "Citetalias"}
_YEAR = {"citeyear", "Citeyear", "citeyearpar", "Citeyearpar"}
_NORMAL = {"cite", "Cite", "citep", "Citep", "citealp", "Citealp", "parencite", "Parencite", "autocite",
           "Autocite", "footcite", "Footcite", "footcitetext", "Footcitetext", "smartcite", "Smartcite", "supercite",
           "Supercite", "fullcite", "footfullcite", "cites", "Cites", "parencites", "Parencites", "autocites",
           "Autocites", "footcites", "Footcites", "footcitetexts", "Footcitetexts", "smartcites", "supercites",
           "Supercites", "citeurl", "citedate", "citeurldate", "citenum", "citepalias", "Citepalias",
           # csquotes' quotations with a source, their text taken out first (``latex_csquotes``)
           "blockcquote", "textcquote"}
COMMANDS = _IN_TEXT | _YEAR | _NORMAL | {"nocite"}
"""The citation commands read (natbib and biblatex), with ``\\nocite``."""
_COMMAND = re.compile(r"\\([A-Za-z]+)\*?")
_LENGTH = r"-?(?:\d+(?:[.,]\d*)?|[.,]\d+)\s*(?:pt|em|ex|cm|mm|in|bp|pc|sp|dd|cc|mu|fil{1,3})"
TEX_PARAMETERS = frozenset({
    "overfullrule", "parindent", "parskip", "baselineskip", "emergencystretch", "hfuzz", "vfuzz", "hsize", "vsize",
    "lineskip", "lineskiplimit", "topskip", "leftskip", "rightskip", "parfillskip", "hangindent", "footnotesep",
    "tabcolsep", "arraycolsep", "columnsep", "fboxsep", "fboxrule", "arrayrulewidth", "itemsep", "topsep",
    "abovedisplayskip", "belowdisplayskip", "tolerance", "pretolerance", "hbadness", "vbadness", "looseness",
    "clubpenalty", "widowpenalty", "displaywidowpenalty", "brokenpenalty", "hyphenpenalty", "exhyphenpenalty",
    "linepenalty", "interlinepenalty", "hangafter"})
"""TeX's and LaTeX's parameters a text sets in passing (``\\overfullrule=0mm``, ``\\tolerance=1000``): their value,
a length or a number, is no word, and pandoc prints nothing of either."""
_DROP = re.compile(r"\\(?:label|includegraphics|bibliographystyle|bibliography|nobibliography|addbibresource"
                   r"|addglobalbib|addsectionbib|printbibliography|lstinputlisting)"
                   r"\*?(?:\[[^\]]*\])?(?:\{[^{}]*\})?"
                   # A file of code (listings, minted), which pandoc shows as a code block: not prose.
                   r"|\\inputminted(?:\[[^\]]*\])?\{[^{}]*\}\{[^{}]*\}"
                   # Generated text, not the author's: the date would make the claims change every day.
                   r"|\\(?:maketitle|tableofcontents|listoffigures|listoftables)(?![A-Za-z])|(?<![ \t])[ \t]*\\today(?![A-Za-z])"
                   # TeX's vertical and horizontal skips, whose length read as a word ("\\vskip 1em" read "1em").
                   r"|\\(?:[vh]skip|kern)\s*" + _LENGTH + r"(?:\s*(?:plus|minus)\s*" + _LENGTH + r")*"
                   # A TeX parameter set in the text ("\\overfullrule=0mm", "\\tolerance 1000"), which read "=0mm".
                   r"|\\(?:" + "|".join(sorted(TEX_PARAMETERS, key=len, reverse=True)) + r")(?![A-Za-z])\s*(?:=\s*)?(?:"
                   + _LENGTH + r"(?:\s*(?:plus|minus)\s*" + _LENGTH + r")*|-?\d+(?![\d.,]))"
                   # babel's German shorthands inside a word: a hyphenation point ("öffent\"-lich") or a break, no mark.
                   r"|" + BABEL_SHORTHAND)
_REF = re.compile(r"\\(eq|auto|c|C|page|name)?ref\*?\{([^{}]*)\}")
_NAME_BEFORE = re.compile(r"\\[A-Za-z]+$")
_PLACEHOLDER = re.compile(r"XCITE(\d{4})X|XLINE(\d+)X")
_NEWLINE = re.compile(r"\n")
_TEX_BRACES = r"\\[\s\S]|[{}]"
"""Braces as LaTeX pairs them: a backslash escapes the character after it (``\\{`` opens nothing)."""
_NOTE_EDGES = re.compile(r"^((?:XLINE\d+X)*)\s+|\s+((?:XLINE\d+X)*)$")


@lru_cache(maxsize=1)
def _converter() -> tuple[Any, Any]:
    """pylatexenc's converter and the parsing context it reads with. natbib's ``\\citetext{...}`` reads as
    its text in parentheses, as natbib prints it, and ``\\mbox{...}`` as its text (pylatexenc dropped both,
    and a citation inside with them); ``\\href[opt]{url}{text}`` as a Markdown link; ``\\makebox``, ``\\parbox``,
    ``\\resizebox``, ``\\scalebox`` and ``\\foreignlanguage``, ``\\texttt``, ``\\textsf``, ``\\textup`` and ``\\textmd`` as their text (not their options;
    pylatexenc failed on \\href, and printed nothing of the font commands.) Inline math is kept as ``$...$``, a
    citation in it dropped, as pandoc drops it."""
    from pylatexenc import latexwalker
    from pylatexenc.latex2text import (
        EnvironmentTextSpec,
        MacroTextSpec,
        fmt_equation_environment,
        get_default_latex_context_db,
    )
    from pylatexenc.macrospec import EnvironmentSpec, MacroSpec

    parsing = latexwalker.get_default_latex_context_db().filter_context()
    # name -> (arguments, which one is the text; 0: the text in parentheses)
    specs = {"href": ("[{{", 3), "citetext": ("{", 0), "mbox": ("{", 1), "makebox": ("[[{", 3),
             "parbox": ("[[[{{", 5), "foreignlanguage": ("[{{", 3), "resizebox": ("*{{{", 4), "scalebox": ("{[{", 3),
             # Font commands pylatexenc knows but printed nothing of (pandoc prints their text).
             "texttt": ("{", 1), "textsf": ("{", 1), "textup": ("{", 1), "textmd": ("{", 1),
             # A caption's text, not its short form for the list of figures ("\caption[]{.}" read "[].").
             "caption": ("*[{", 3),
             # A table's cell over columns or rows: its text, not its span, format or width (pylatexenc knew neither
             # command, so both were left out with their arguments, a table's note "Source: \citet{a}" with them).
             "multicolumn": ("{{{", 3), "multirow": ("[{[{", 4)}
    # Page layout and the table of contents, which pandoc prints nothing of (their arguments are no prose), and
    # packages' settings, key=value lists that read as a sentence ("font=small, labelfont=bf").
    layout = {"thispagestyle": "{", "pagestyle": "{", "pagenumbering": "{", "markboth": "{{", "markright": "{",
              "addcontentsline": "{{{", "addtocontents": "{{", "enlargethispage": "*{",
              "captionsetup": "*[{", "sisetup": "{", "hypersetup": "{", "graphicspath": "{", "geometry": "{",
              "newgeometry": "{", "setstretch": "{", "addtocounter": "{{", "addtolength": "{{",
              "DeclareGraphicsExtensions": "{",
              # An index's or glossary's entry (pandoc prints nothing of it; it read "propaganda propaganda"), a rule's
              # width and height ("1pt"), and a package's dummy text (\lipsum[4] read "[4]").
              "index": "{", "glossary": "{", "rule": "[{{", "lipsum": "[[", "blindtext": "[",
              # An author's address, e-mail and ORCID (revtex, elsarticle, the orcidlink package), printed as a block
              # beside the author, not prose (pandoc prints nothing of them): "author1@you.com Your institute" was a claim.
              "email": "[{", "affiliation": "[{", "altaffiliation": "[{", "address": "[{", "ead": "[{",
              # An author, authblk's with its mark (\author[a]{Name}): the title block's, which pandoc reads as
              # metadata, no text ("a]Valeria Cirillo" was a claim).
              "author": "[{",
              "orcidlink": "{"}
    # Margin notes (tufte-latex's \sidenote[mark][offset]{text}, \marginnote[offset]{text}): a note, as \footnote
    # reads, not words glued into the sentence ("L'arroganza epistemica, Il tema dell'arroganza...").
    # \footnotetext{text} (the note of a \footnotemark in a table or a box): a note too, as LaTeX sets it (pandoc 3.9
    # drops it with the citations in it); so are the endnotes package's \endnote{text} and \endnotetext{text}, which
    # LaTeX prints at the end (an article's "\let\footnote=\endnote"; pandoc 3.9 drops them too).
    notes = {"footnote": "[{", "sidenote": "[[{", "marginnote": "[{", "footnotetext": "[{", "endnote": "[{",
             "endnotetext": "[{"}
    # What a command prints that pylatexenc printed nothing of: TeX's logos, csquotes' and babel's quotation marks,
    # the section sign (pandoc prints them all).
    printed = {"TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2e", "BibTeX": "BibTeX", "S": "§", "glqq": "„",
               "grqq": "“", "glq": "‚", "grq": "‘", "flqq": "«", "frqq": "»", "flq": "‹", "frq": "›"}
    parsing.add_context_category("litreview", prepend=True,
                                 macros=[*(MacroSpec(name, args) for name, args in
                                           (*((n, a) for n, (a, _) in specs.items()), *layout.items(),
                                            *notes.items(), ("enquote", "*{"), ("textquote", "*[[{"), ("uv", "{"),
                                            *UNIT_ARGUMENTS.items())),
                                         MacroSpec("verb", args_parser=_starred_verb())],
                                 # LaTeX's own display math environment, which pylatexenc read as text ("d = 1");
                                 # a subfigure's, subtable's or minipage's position and width, which pylatexenc read
                                 # as words ("[t]0.49 A map"), pandoc as the box's (printing nothing of them)
                                 environments=[EnvironmentSpec("displaymath", is_math_mode=True),
                                               EnvironmentSpec("subfigure", "[{"), EnvironmentSpec("subtable", "[{"),
                                               EnvironmentSpec("minipage", "[[[{")])
    quick_specials(parsing)
    text = get_default_latex_context_db().filter_context()
    # A drawing (TikZ, PGF, LaTeX's picture), which pandoc keeps as raw LaTeX and prints nothing of: its nodes' labels
    # and coordinates read as a sentence ("at (0,0) Box A; (0,0) – (1,1);").
    drawings = ("tikzpicture", "pgfpicture", "picture", "tikzcd", "circuitikz")
    text.add_context_category("litreview", prepend=True, environments=[
        *(EnvironmentTextSpec(name, simplify_repl=_nothing) for name in drawings),
        EnvironmentTextSpec("displaymath", simplify_repl=fmt_equation_environment)], macros=[
        *(MacroTextSpec(name, simplify_repl=f"%({n})s" if n else "(%(1)s)") for name, (_, n) in specs.items()
          if name != "href"),
        *(MacroTextSpec(name, simplify_repl=_note_text) for name in notes),
        MacroTextSpec("\\", simplify_repl=HARD_BREAK),  # a forced line break, shown as one (verse lines)
        MacroTextSpec("newline", simplify_repl=HARD_BREAK),  # the same break; pylatexenc glued its words ("Anotherthird")
        MacroTextSpec("href", simplify_repl=_link_text), MacroTextSpec("url", simplify_repl=_url_text),
        MacroTextSpec("enquote", simplify_repl=_quoted_text), MacroTextSpec("textquote", simplify_repl=_quoted_text),
        # babel's Czech and Slovak quotation, \uv{text}: „text“ as LaTeX prints it. pandoc 3.9 drops it, words and
        # all ("Pojem , známý také jako tzv. , začal"): read as the PDF reads, as \enquote is.
        MacroTextSpec("uv", simplify_repl="„%(1)s“"),
        *(MacroTextSpec(name, simplify_repl=text) for name, text in printed.items()),
        *(MacroTextSpec(name, simplify_repl=unit_text) for name in UNIT_ARGUMENTS),  # siunitx's, as the PDF prints
        # \overline{y} as \bar{y} prints ("y̅": an adjoint, a mean); it printed y, another quantity.
        MacroTextSpec("overline", simplify_repl=text.get_macro_spec("bar").simplify_repl),
        *(MacroTextSpec(name, simplify_repl="") for name in layout)])

    known = {spec.macroname for db in (parsing, text) for spec in db.iter_macro_specs()} | PANDOC_TEXT | TYPESET_TEXT
    return _text_converter(text, known), parsing


def _starred_verb() -> Any:
    """pylatexenc's reading of ``\\verb|...|`` that reads ``\\verb*|...|`` too (it took the star for the delimiter,
    and what the verbatim text holds, a ``\\cite`` shown as code, for prose)."""
    from pylatexenc.macrospec import VerbatimArgsParser

    class StarredVerb(VerbatimArgsParser):
        def parse_args(self, w: Any, pos: int, parsing_state: Any = None) -> Any:
            star = w.s.startswith("*", pos)
            argd, at, length = super().parse_args(w, pos + star, parsing_state)
            return argd, at - star, length + star

    return StarredVerb("verb-macro")


def _text_converter(context: Any, known: set[str]) -> Any:
    """pylatexenc's converter over ``context``, reading math and unknown commands (not in ``known``) as pandoc does."""
    from pylatexenc import latexwalker
    from pylatexenc.latex2text import LatexNodes2Text

    class Text(LatexNodes2Text):
        """Inline math as its TeX between marks, which ``_math_text`` writes as pandoc's Markdown does (``$...$``, a
        citation in it dropped, as pandoc drops it); display math as its TeX between marks,
        which ``_displays`` takes out of the text. Outside math, a command neither pylatexenc nor pandoc knows is
        left out with its arguments (``latex_unknown``), as pandoc leaves it out."""

        math = 0

        def math_node_to_text(self, node: Any) -> str:
            if node.isNodeType(latexwalker.LatexEnvironmentNode) or node.displaytype == "display":
                return _DISPLAY_OPEN + _display_tex(node) + _DISPLAY_CLOSE
            self.math += 1
            try:
                read = str(super().math_node_to_text(node))
            finally:
                self.math -= 1
            return _MATH_OPEN + "".join(n.latex_verbatim() for n in node.nodelist or ()) + _MATH_READ + read + _MATH_CLOSE

        def nodelist_to_text(self, nodelist: Any) -> str:
            if self.math or not nodelist:
                return str(super().nodelist_to_text(nodelist))
            return "".join(part if isinstance(part, str) else str(super(Text, self).nodelist_to_text(part))
                           for part in without_unknown(list(nodelist), known))

    return Text(latex_context=context, math_mode="text", strict_latex_spaces=True)


def _nothing(n: Any, l2tobj: Any) -> str:
    """What pandoc prints of a raw LaTeX block (pylatexenc reads an empty replacement as none, and prints the body)."""
    return ""


@lru_cache(maxsize=128)
def _latex_text(shown: str) -> str:
    """pylatexenc's text of a paragraph (``_converter``), kept for one written again (a figure's caption copied
    down a page, a footnote repeated)."""
    converter, parsing = _converter()
    return str(converter.latex_to_text(shown, latex_context=parsing))


_MATH_OPEN, _MATH_CLOSE = "\ue0fe", "\ue0ff"  # private-use characters around inline math, dropped from the input
_MATH_READ = "\ue0fb"  # between inline math's TeX and its reading as text
_DISPLAY_OPEN, _DISPLAY_CLOSE = "\ue0fc", "\ue0fd"  # the same around display math
_DISPLAY = re.compile(f"{_DISPLAY_OPEN}([^{_DISPLAY_CLOSE}]*){_DISPLAY_CLOSE}")


def _display_tex(node: Any) -> str:
    """Display math's TeX as pandoc's LaTeX reader keeps it: what ``\\[ ... \\]``, ``$$ ... $$`` and ``displaymath``
    hold, an environment's whole text (``\\begin{equation} ... \\end{equation}``)."""
    if getattr(node, "environmentname", None) not in (None, "displaymath"):
        return str(node.latex_verbatim())
    return "".join(n.latex_verbatim() for n in node.nodelist or ()).strip()


def _displays(plain: str, written: list[str], displays: list[str] | None) -> str:
    """``plain`` without its display math, whose TeX (the reader's placeholders in it as written) is added to
    ``displays``: no prose, as the text had it."""
    if _DISPLAY_OPEN not in plain:
        return plain

    def taken(m: re.Match[str]) -> str:
        if displays is not None:
            tex = _PLACEHOLDER.sub(lambda p: written[int(p.group(1))] if p.group(1) is not None else "", m.group(1))
            displays.append(tex.replace("XLBRACKX", "[").replace("XRBRACKX", "]").strip())
        return ""

    return _DISPLAY.sub(taken, plain)


_CITE_IN_MATH = re.compile(f"{_MATH_OPEN}[^{_MATH_CLOSE}]*{_MATH_CLOSE}")
_CITE_MARK = re.compile(r"XCITE\d{4}X")


def _math_text(plain: str) -> str:
    """The text with its inline math as pandoc keeps it (Math InlineMath, the TeX as written) and its Markdown writes
    it, ``$...$``, which the site shows as MathML, as a Markdown essay's (read as its text, ``$\\mathbf{y} =
    \\{y_i\\}_{i=1,\\dots,N}$`` was "𝐲 = {y_i}_i=1,…,N"): its citation marks dropped (pandoc drops a citation in
    math), and nothing of a math left empty; its reading as text where a digit follows it (pandoc's Markdown reads
    ``$x$2`` as no math). Beside math, a dollar of the text (``\\$``) is written ``\\$``, as pandoc's Markdown writes
    it: "\\$9.4 billion ... 9$\\%$" read as one math from the first dollar to the second."""
    if _MATH_OPEN not in plain:
        return plain
    pieces: list[str] = []
    at = 0
    for m in _CITE_IN_MATH.finditer(plain):
        pieces.append(plain[at:m.start()].replace("$", "\\$"))
        at = m.end()
        tex, _, read = _CITE_MARK.sub("", m.group()[1:-1]).partition(_MATH_READ)
        if plain[at:at + 1].isdigit():  # "$\\sim$200": no math to pandoc's Markdown, its reading shown
            pieces.append(read.strip().replace("$", "\\$"))
        elif tex.strip():
            pieces.append(f"${tex.strip()}$")
    pieces.append(plain[at:].replace("$", "\\$"))
    return "".join(pieces).replace(_MATH_OPEN, "").replace(_MATH_CLOSE, "").replace(_MATH_READ, "")


_URL_ESCAPE = re.compile(r"\\([_%#&$~{}])")


def _link_text(n: Any, l2tobj: Any) -> str:
    """``\\href[opt]{url}{text}`` as a Markdown link, ``[text](<url>)``, as pandoc reads it (the page printed the text
    alone, the address lost); its address as written, a TeX escape in it its character. A link whose text is its
    address reads as ``\\url`` does (``<url>``)."""
    args = getattr(getattr(n, "nodeargd", None), "argnlist", None) or []
    if len(args) < 3 or args[1] is None or args[2] is None:
        return ""
    text = l2tobj.nodelist_to_text([args[2]]).strip()
    url = _URL_ESCAPE.sub(r"\1", args[1].latex_verbatim().strip()[1:-1].strip())
    if not url or any(ch in url for ch in "<>\n") or _PLACEHOLDER.search(url):
        return text
    return _autolink(url) if text in ("", url) else f"[{text}](<{url}>)"


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:")
"""What a Markdown autolink starts with (CommonMark: a scheme of 2 to 32 characters and a colon)."""


def _autolink(url: str) -> str:
    """An address printed as itself: a Markdown autolink, ``<url>``, when it has a scheme; else its text as the
    page prints it (``shorturl.at/x``; pandoc links it relative to the page, and ``<shorturl.at/x>`` read as
    written, its angle brackets and all)."""
    return f"<{url}>" if _SCHEME.match(url) else re.sub(r"([\\`*_\[\]<>])", r"\\\1", url)


def _url_text(n: Any, l2tobj: Any) -> str:
    """``\\url{address}`` as ``_autolink`` prints it, a TeX escape in it its character."""
    args = getattr(getattr(n, "nodeargd", None), "argnlist", None) or []
    if not args or args[-1] is None:
        return ""
    url = _URL_ESCAPE.sub(r"\1", args[-1].latex_verbatim().strip()[1:-1].strip())
    if not url or any(ch in url for ch in "<>\n") or _PLACEHOLDER.search(url):
        return f"<{l2tobj.nodelist_to_text([args[-1]]).strip()}>"  # as pylatexenc printed it
    return _autolink(url)


def _note_text(n: Any, l2tobj: Any) -> str:
    """``\\footnote[num]{text}`` as Markdown's inline note, ``^[text]``: pandoc reads both as a note, and the essay
    page shows it as one (it was "[ text ]" in the sentence)."""
    args = getattr(getattr(n, "nodeargd", None), "argnlist", None) or [None]
    body = args[-1]
    text = " ".join(l2tobj.nodelist_to_text([body]).split()) if body is not None else ""
    # The marks of the lines it spans stay, the blanks beside them go: "^[<url>]", not "^[ <url> ]".
    text = _NOTE_EDGES.sub(lambda m: m.group(1) or m.group(2) or "", text)
    return f"^[{text}]" if _PLACEHOLDER.sub("", text).strip() else text


def _quoted_text(n: Any, l2tobj: Any) -> str:
    """csquotes' ``\\enquote{text}`` and ``\\textquote[cite][punct]{text}`` as “text” (‘text’ starred), as pandoc reads
    them (a quotation; pylatexenc printed the words without their marks); ``\\textquote``'s cite argument after it in
    parentheses, as csquotes prints it (``\\mkcitation``): "\\textquote[{\\cite{a}}]{words}" cites a."""
    args = getattr(getattr(n, "nodeargd", None), "argnlist", None) or [None]
    body = args[-1]
    text = l2tobj.nodelist_to_text([body]) if body is not None else ""
    quoted = f"‘{text}’" if getattr(args[0], "chars", "") == "*" else f"“{text}”"
    source = args[1] if len(args) > 3 else None
    cite = " ".join(l2tobj.nodelist_to_text([source]).split()) if source is not None else ""
    return f"{quoted} ({cite})" if cite else quoted


def written_notes(text: str) -> str:
    """``text`` (a claim of a LaTeX manuscript) with each note read as ``^[...]`` (``_note_text``) written as the file
    writes it, ``\\footnote{...}``: what a reviewer finds in their file."""
    if "^[" not in text:
        return text
    from .segment import note_spans

    edits = [edit for start, end in note_spans(text).items() if text[start] == "^"
             for edit in ((start, 2, "\\footnote{"), (end - 1, 1, "}"))]
    for at, size, written in sorted(edits, reverse=True):
        text = text[:at] + written + text[at + size:]
    return text


def _convert(source: str, nocite: list[str], empty: list[tuple[int, str, str]] | None = None,
             labels: Mapping[str, tuple[str, str]] | None = None,
             commands: list[tuple[int, str, str]] | None = None,
             displays: list[str] | None = None) -> tuple[str, list[tuple[int, int]]]:
    """The paragraph as text, its citation commands as pandoc citations; and where its lines start in
    that text, as (offset, line index) anchors (a line that starts inside a command has none).

    A command with an empty key before another (``\\citep{,a}``, ``\\cite{a,,b}``: pandoc refuses the file,
    LaTeX cites an undefined key) is read for its other keys and added to ``empty`` as (line index, command,
    ``"empty-citation-key"``); an empty last key (``\\cite{a,}``) pandoc reads as if it were not there. A key in
    braces (``\\cite{{a}}``, which pandoc refuses too) is read as LaTeX reads it (``_latex_key``) and the command added
    to ``empty`` as ``"braced-citation-key"``. ``labels``: what a ``\\ref`` prints for
    each label pandoc numbers (``latex_labels.label_numbers``). ``commands`` (when given) gets each citation
    command as (its offset in the text, its pandoc form there, the command as written); ``displays`` the TeX of each
    display math (``_display_tex``), which the text leaves out."""
    markers: list[str] = []
    written: list[str] = []
    pieces: list[str] = []
    pos = 0
    line_starts = [m.end() for m in _NEWLINE.finditer(source)]
    ends = group_ends(source) if "{" in source else (lambda at: -1)
    for m, groups, end in _commands(source, ends):
        pieces.append(_with_line_marks(source, pos, m.start(), line_starts))
        pos = end
        keys = _keyed_notes(groups)
        if empty is not None:
            written_keys = [k for _, _, ks in groups for k in ks.split(",")]
            for kind, odd in (("empty-citation-key", any(not k.strip() for k in written_keys[:-1])),
                              ("braced-citation-key", any(k.strip().startswith("{") for k in written_keys))):
                if odd:
                    empty.append((bisect_right(line_starts, m.start()), source[m.start():end], kind))
        if m.group(1) == "nocite":
            nocite.extend("*" if k == "*" else k for _, _, k in keys)
            continue
        # After a command's name ("\\protect\\cite{a}") an empty group ends the name, which would take in the mark.
        pieces.append(("{}" if _NAME_BEFORE.search(pieces[-1]) else "") + f"XCITE{len(markers):04d}X")
        markers.append(_marker(m.group(1) + ("*" if m.group(0).endswith("*") else ""), keys, labels))
        written.append(source[m.start():end])
    pieces.append(_with_line_marks(source, pos, len(source), line_starts))
    text = _REF.sub(lambda m: _reference(m, labels or {}), _DROP.sub("", "".join(pieces)))
    marks = (_MATH_OPEN, _MATH_READ, _MATH_CLOSE, _DISPLAY_OPEN, _DISPLAY_CLOSE)
    if any(mark in text for mark in marks):
        text = "".join(ch for ch in text if ch not in marks)
    try:
        shown, runs = _prose_runs(_open_brackets_as_text(text))
        plain = _math_text(_RUN_MARK.sub(lambda m: runs[int(m.group(1))], _latex_text(shown)))
        plain = _displays(plain, written, displays)
    except Exception:  # pylatexenc raises plain exceptions on malformed input
        plain = text
    plain = plain.replace("XLBRACKX", "[").replace("XRBRACKX", "]")  # before the anchors are measured
    if "`" in plain or "''" in plain:
        plain = tex_quotes(plain)
    out: list[str] = []
    anchors: list[tuple[int, int]] = []
    size = at = 0
    for p in _PLACEHOLDER.finditer(plain):
        out.append(plain[at:p.start()])
        size += p.start() - at
        at = p.end()
        if p.group(1) is not None:
            out.append(markers[int(p.group(1))])
            if commands is not None and out[-1]:
                commands.append((size, out[-1], written[int(p.group(1))]))
            size += len(out[-1])
        else:
            anchors.append((size, int(p.group(2))))
    out.append(plain[at:])
    converted = "".join(out).replace("\xa0", " ")
    lead = len(converted) - len(converted.lstrip())
    if commands and lead:
        commands[:] = [(max(0, o - lead), marker, command) for o, marker, command in commands]
    return converted.strip(), [(max(0, o - lead), n) for o, n in anchors]


_OPEN_BRACKETS = 4
"""Unclosed brackets a paragraph may have before they are read as text (``_open_brackets_as_text``): four take
pylatexenc 10 ms; fewer leave every reading as it was."""


def _open_brackets_as_text(text: str) -> str:
    """``text`` with each ``[`` that no ``]`` closes written as a placeholder the text gets back as ``[``, when there
    are several (``_OPEN_BRACKETS``): after a command, pylatexenc reads one as an optional argument left open, and
    tries again at each one after it, in time that doubles with each (fourteen ``\\citep[see][pp. 3`` in a paragraph
    took eight seconds, thirty of them hours). Only a bracket after what takes an argument (``_TAKES_NEXT``: a
    command, ``}``, ``]``) is replaced, with an empty group before the placeholder as that argument, so the placeholder
    stays whole; others are characters to pylatexenc (a group and a placeholder for each of ninety thousand "[" took
    seven seconds to read)."""
    if text.count("[") < _OPEN_BRACKETS:
        return text
    unclosed = [opened for opened, closed, _ in brace_pairs(text, r"\\[\s\S]|[\[\]]") if closed < 0 <= opened]
    if len(unclosed) < _OPEN_BRACKETS:
        return text
    pieces: list[str] = []
    at = 0
    for opened in unclosed:
        before = opened
        while before > at and text[before - 1].isspace():
            before -= 1
        if not _TAKES_NEXT.search(text, max(0, before - 40), before):
            continue  # nothing takes it as an optional argument: pylatexenc reads it as a character
        pieces += [text[at:opened], "{}XLBRACKX"]
        at = opened + 1
    return "".join(pieces) + text[at:]


def _reference(m: re.Match[str], labels: Mapping[str, tuple[str, str]]) -> str:
    """What pandoc prints for a reference: the label's number, or the label in brackets when it numbers none (an
    equation's, one defined in another file); nothing for ``\\pageref`` and ``\\nameref``. ``\\autoref``, ``\\Cref``
    and ``\\cref`` print the kind's name before the number, as LaTeX does (``latex_labels``)."""
    command = m.group(1)
    if command in ("page", "name"):
        return ""
    found = labels.get(m.group(2))
    if found is None:
        return "XLBRACKX" + m.group(2) + "XRBRACKX"
    kind, number = found
    if command in ("auto", "C"):
        return f"{kind.capitalize()} {number}"
    return f"{kind} {number}" if command == "c" else number


# Plain prose: a word, or words joined by spaces, line breaks, ".,;:()/" or a single "-" or "'" (a doubled one is a
# dash or a quote to pylatexenc); no backslash, brace, "$", "~", "%", "&", "`" or other character LaTeX gives a
# meaning. A run starts where a word does (tried at each letter of a 3,000-letter ``\\subsecaaaa...``, it took a
# second).
_RUN = re.compile(r"(?<![^\W_])[^\W_]+(?:(?:[ \n.,;:()/]+|(?<![-'])[-'](?![-']))[^\W_]+)*")
# What makes the text after it an argument: a command (``\emph word`` takes "w"), ``}`` or ``]`` (``\textcolor{red}
# word``), "^" or "_" (math).
_TAKES_NEXT = re.compile(r"(?:\\[A-Za-z@]+\*?|\\.|[}\]^_])$", re.S)
_RUN_MARK = re.compile("\ue000(\\d+)\ue001")
_MIN_RUN = 12
_WORD = re.compile(r"[^\W_]+")
_ARGUMENTS = 9  # TeX's most: what a command may take of the run after it (a character each at least) stays put


def _prose_runs(text: str) -> tuple[str, list[str]]:
    """``text`` with each long run of plain prose outside braces replaced by a placeholder (after a command,
    past the characters it may take), and the runs. pylatexenc reads text a character at a time, and reads
    such a run as itself: the runs are put back after it, the result unchanged and the paragraph read in
    about half the time."""
    if "\ue000" in text or "\\verb" in text or "{verbatim" in text:  # (pylatexenc reads verbatim to a delimiter)
        return text, []
    runs: list[str] = []
    pieces: list[str] = []
    at = scanned = depth = 0
    for m in _RUN.finditer(text):
        start = m.start()
        while scanned < start:  # the brace depth at the run's start (an escaped brace is no group)
            c = text[scanned]
            if c == "\\":
                scanned += 2
                continue
            depth += (c == "{") - (c == "}")
            scanned += 1
        if depth != 0 or m.end() - start < _MIN_RUN:
            continue
        named = scanned > start  # the run starts with a command's name (``\\item Two ...``): the rest is after it
        while named and start < m.end() and text[start].isalpha():  # (pylatexenc's rule for a name)
            start += 1
        before = start
        while before > 0 and text[before - 1].isspace():
            before -= 1
        if named or _TAKES_NEXT.search(text, max(0, before - 40), before):
            start = _past_arguments(text, start, m.end())
        if m.end() - start < _MIN_RUN:
            continue
        pieces += [text[at:start], f"\ue000{len(runs)}\ue001"]
        runs.append(text[start:m.end()])
        at = m.end()
    pieces.append(text[at:])
    return "".join(pieces), runs


def _past_arguments(text: str, start: int, end: int) -> int:
    """Where the run ``text[start:end]`` goes on past what a command before it may take (``_ARGUMENTS``
    characters that are not blanks), at a word's character; ``end`` when it does not."""
    taken = 0
    at = start
    while at < end and taken < _ARGUMENTS:
        taken += not text[at].isspace()
        at += 1
    while at < end and not _WORD.match(text, at):
        at += 1
    return at if taken == _ARGUMENTS else end


def convert_text(source: str) -> str:
    """LaTeX text (a title, a date) as the reader reads a paragraph: citations as pandoc's, markup removed."""
    return _convert(source, [])[0]


def convert_cited(source: str) -> tuple[str, str]:
    """``convert_text``'s text of ``source``, and that text as its citations are read (``commands_only``)."""
    commands: list[tuple[int, str, str]] = []
    text = _convert(source, [], commands=commands)[0]
    return text, commands_only(text, commands)


_LINE_MARK = re.compile(r"XLINE\d+X")


def line_marks(text: str) -> str:
    """The line marks (``_with_line_marks``) ``text`` holds, without the rest."""
    return "".join(_LINE_MARK.findall(text))


def _with_line_marks(source: str, start: int, end: int, line_starts: list[int]) -> str:
    """``source[start:end]`` with a mark (``XLINE<n>X``) where each of its lines (n = 1, 2, ...) starts."""
    pieces = []
    at = start
    for n in range(bisect_left(line_starts, start), bisect_right(line_starts, end)):
        pieces.append(source[at:line_starts[n]])
        pieces.append(f"XLINE{n + 1}X")
        at = line_starts[n]
    pieces.append(source[at:end])
    return "".join(pieces)


def _latex_key(written: str) -> str:
    """A citation key as LaTeX's ``\\cite`` reads it: the braces around the whole key go (``\\@for`` splits the keys as
    TeX's delimited arguments, which lose them), then a leading group's (``\\@firstofone``): ``{a}`` cites ``a``."""
    key = written.strip()
    for _ in range(2):
        end = tex_group_end(key, 0, "{", "}") if key.startswith("{") else -1
        if end < 0:
            break
        key = (key[1:end - 1] + key[end:]).strip()
    return key


def _keyed_notes(groups: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(prenote, postnote, key) of each key of a command's (prenote, postnote, keys) groups, as pandoc's reader gives
    them: a group's prenote to its first key, its postnote to its last (natbib's ``\\citep[see][p.~3]{a,b}`` prints
    "(see Doe 2001; Roe 2003, p. 3)"); each group of ``\\parencites[p.~3]{a}[p.~3]{b}`` keeps its own, the same or not."""
    out: list[tuple[str, str, str]] = []
    for pre, post, written in groups:
        keys = [_latex_key(k) for k in written.split(",") if k.strip()]
        out += [(pre if n == 0 else "", post if n == len(keys) - 1 else "", key) for n, key in enumerate(keys)]
    return out


_SUPPRESS_AUTHOR = {"cite*", "Cite*", "parencite*", "Parencite*", "autocite*", "Autocite*"}
"""biblatex's starred commands that omit the author (year only), read by pandoc as "-@key"; its other starred ones
(``\\footcite*``, ``\\smartcite*``, ``\\supercite*``, the multicite ``\\parencites*``) read as the unstarred ones."""


def _marker(command: str, keys: list[tuple[str, str, str]],
            labels: Mapping[str, tuple[str, str]] | None = None) -> str:
    if not keys:
        return ""
    if command.rstrip("*") in _IN_TEXT:  # the prenote stays in the text before the author, where biblatex prints it
        pre, post, first = keys[0]
        first_pre, first_post = _note(pre, labels), _note(post, labels)
        text = (f"{first_pre} " if first_pre else "") + f"@{{{first}}}" + (f" [{first_post}]" if first_post else "")
        rest = keys[1:]
        return text + ("" if not rest else " [" + "; ".join(_item(p, q, k, labels=labels) for p, q, k in rest) + "]")
    dash = "-" if command.rstrip("*") in _YEAR or command in _SUPPRESS_AUTHOR else ""
    return "[" + "; ".join(_item(p, q, k, dash, labels) for p, q, k in keys) + "]"


def _item(pre: str, post: str, key: str, dash: str = "",
          labels: Mapping[str, tuple[str, str]] | None = None) -> str:
    pre, post = _note(pre, labels), _note(post, labels)
    return (f"{pre} " if pre else "") + f"{dash}@{{{key}}}" + (f", {post}" if post else "")


# A font or box command in a note, which pandoc prints as its text ("\\textsf{tinygp}": "tinygp").
_NOTE_STYLE = re.compile(r"\\(?:emph|text(?:it|bf|sf|tt|sc|rm|up|md|sl|normal)|mbox|hbox)\s*\{([^{}]*)\}")
# biblatex's page marks in a note (\\psq "f.", \\psqq "ff.", \\pno "p.", \\ppno "pp."), which pandoc's reader drops.
_POSTNOTE_MARKS = re.compile(r"\\p(?:sqq?|p?no)(?![A-Za-z])(?:\{\})?")


# The signs and spaces a note writes as commands (pandoc prints "§ 3" of "\\S~3", "p. 4 f." of "p.~4\\,f."), and the
# font switches it prints nothing of ("{\\itshape 3}": "3").
_NOTE_SIGNS = {"S": "§", "P": "¶", ",": " ", ";": " ", ":": " ", " ": " ", "!": "", "slash": "/"}
_NOTE_COMMANDS = re.compile(r"\\(S|P|slash)(?![A-Za-z])(?:\{\})?|\\([,;:! ])"
                            r"|\\(?:itshape|bfseries|scshape|upshape|slshape|mdseries|rmfamily|sffamily|ttfamily"
                            r"|normalfont|em|it|bf|sc|sl|rm|sf|tt)(?![A-Za-z])\s*")
_NOTE_GROUP = re.compile(r"@\{[^{}\s]*\}|\\[{}]|([{}])")
"""A note's braces: a group's, which print nothing (``p.~{3}``, ``{see, e.g.,}``), apart from a nested citation's
key (``@{b}``) and an escaped brace."""


def _note(text: str, labels: Mapping[str, tuple[str, str]] | None = None) -> str:
    """A pre- or postnote as pandoc prints it. A citation command in it is a citation of its own, as pandoc's reader
    reads it and LaTeX prints it: natbib's "see also \\citealp{b}" in a postnote reads "see also [@{b}]". A reference
    prints what ``_reference`` gives (``labels``: each label's kind and number), a sign its character, a group its
    text."""
    if "\\" in text:
        text = _NOTE_STYLE.sub(r"\1", _POSTNOTE_MARKS.sub("", _nested_citations(text)))
        if "ref" in text:
            text = _REF.sub(lambda m: _reference(m, labels or {}).replace("XLBRACKX", "[").replace("XRBRACKX", "]"),
                            text)
        text = _NOTE_COMMANDS.sub(lambda m: _NOTE_SIGNS.get(m.group(1) or m.group(2) or "", ""), text)
    if "{" in text or "}" in text:
        text = _NOTE_GROUP.sub(lambda m: "" if m.group(1) else m.group(), text)
    return tex_quotes(text.replace("~", " ").replace("---", "—").replace("--", "–").replace("\\", "")).strip()


_TEX_QUOTES = re.compile(r"``|''|`")
"""TeX's quotation marks typed as ligatures, which pandoc's LaTeX reader prints as the marks themselves."""
_SINGLE_CLOSE = re.compile(r"(‘(?:[^‘’'\n]|'(?=\w))*)'(?!\w)")
"""A single quotation TeX opens with ` and closes with ' (an apostrophe inside it, "`the object's data'", stays one)."""


def tex_quotes(text: str) -> str:
    """``text`` with TeX's ligature quotation marks as the characters they print: ````` `` ````` “, ``''`` ”, a
    single backquote ‘ (German „…`` and ‚…` close with them), and the ``'`` that closes a ‘ ’ ("‘jitter'" read so).
    Left as written, a backquote read as Markdown opened code on the essay page ("‚quantitativ` und ‚qualitativ`": a
    code span between them)."""
    quoted = _TEX_QUOTES.sub(lambda m: {"``": "“", "''": "”", "`": "‘"}[m.group()], text)
    return _SINGLE_CLOSE.sub(r"\1’", quoted) if "‘" in quoted and "'" in quoted else quoted


def _nested_citations(text: str) -> str:
    """``text`` (a note) with each citation command's keys written as pandoc writes citations in a note: an in-text
    command's as "@{b}, @{c}", another's in brackets, "[@{b}; @{c}]", a citation of its own in normal mode (as
    pandoc's reader reads natbib's "see also \\citealp{b}"; without them, "@{b}" in a prenote took the place of the
    note's own key, and read in the text's mode in a postnote)."""
    pieces: list[str] = []
    pos = 0
    ends = group_ends(text)
    for m, groups, end in _commands(text, ends):
        if m.group(1) == "nocite":
            continue
        keys = [k.strip() for _, _, ks in groups for k in ks.split(",") if k.strip()]
        written = (", ".join(f"@{{{k}}}" for k in keys) if m.group(1) in _IN_TEXT
                   else "[" + "; ".join(f"@{{{k}}}" for k in keys) + "]")
        pieces += [text[pos:m.start()], written]
        pos = end
    return "".join(pieces) + text[pos:]


def _commands(text: str, ends: Callable[[int], int]) -> Iterator[tuple[re.Match[str], list[tuple[str, str, str]], int]]:
    """(command, its (prenote, postnote, keys) groups, its end) of each citation command of ``text`` in order; one
    inside another's arguments is read with them, not here."""
    pos = 0
    options: dict[str, Callable[[int], int]] = {}  # the ends of brackets and parentheses, matched when first needed
    for m in _COMMAND.finditer(text):
        if m.start() < pos or m.group(1) not in COMMANDS:
            continue
        parsed = _arguments(text, m.end(), ends, options, multi=m.group(1).endswith(("cites", "citetexts")))
        if parsed is not None:
            yield m, parsed[0], parsed[1]
            pos = parsed[1]


def _arguments(text: str, at: int, ends: Callable[[int], int], option_ends: dict[str, Callable[[int], int]], *,
               multi: bool) -> tuple[list[tuple[str, str, str]], int] | None:
    """[(prenote, postnote, keys)] and the end offset; None when no key group follows. ``ends`` is
    ``group_ends(text)``: thousands of unclosed ``\\citet{`` in a paragraph each scanned the rest of it;
    ``option_ends`` keeps the same for brackets and parentheses (``[`` or ``(`` to ``group_ends``), made when
    first needed."""
    groups: list[tuple[str, str, str]] = []
    whole: list[str] = []  # a multicite command's notes for the whole list, "(pre)(post)" or "(post)" before its first
    while True:
        options: list[str] = []
        pos = _skip(text, at)
        while pos < len(text) and text[pos] in "[(":
            opener = text[pos]
            if opener not in option_ends:
                option_ends[opener] = group_ends(text, opener, "]" if opener == "[" else ")")
            close = option_ends[opener](pos)
            if close < 0:
                return None
            if text[pos] == "[":
                options.append(text[pos + 1:close - 1])
            elif multi and not groups and not options:
                whole.append(text[pos + 1:close - 1])
            pos = _skip(text, close)
        if pos >= len(text) or text[pos] != "{":
            break
        close = ends(pos)
        if close < 0:
            return None
        pre, post = (options[0], options[1]) if len(options) >= 2 else ("", options[0] if options else "")
        groups.append((pre.strip(), post.strip(), text[pos + 1:close - 1]))
        at = close
        if not multi:
            break
    return (_with_whole_notes(groups, whole), at) if groups else None


def _with_whole_notes(groups: list[tuple[str, str, str]], whole: list[str]) -> list[tuple[str, str, str]]:
    """``groups`` with a multicite command's notes for the whole list (biblatex's ``\\parencites(pre)(post)[p.~3]{a}{b}``;
    one alone is the postnote) added as pandoc's reader adds them: the prenote before the first group's, the postnote
    after the last's, a comma between ("see Doe 2001, p. 3; Roe 2003, post"). They were dropped."""
    pre, post = (whole[0], whole[1]) if len(whole) >= 2 else ("", whole[0] if whole else "")
    pre, post = pre.strip(), post.strip()
    if not pre and not post:
        return groups
    out = list(groups)
    first_pre, first_post, first_keys = out[0]
    out[0] = (f"{pre} {first_pre}".strip(), first_post, first_keys)
    last_pre, last_post, last_keys = out[-1]
    out[-1] = (last_pre, f"{last_post}, {post}" if last_post and post else last_post or post, last_keys)
    return out


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def group_ends(text: str, open_ch: str = "{", close_ch: str = "}") -> Callable[[int], int]:
    """``tex_group_end(text, pos, open_ch, close_ch)`` for many ``pos`` of one ``text``, the braces (or brackets)
    matched in one pass: a document of thousands of unclosed ``\\title{`` scanned the rest of the text for each
    (quadratic)."""
    marks = _TEX_BRACES if open_ch == "{" else rf"\\[\s\S]|[{re.escape(open_ch + close_ch)}]"
    ends = brace_partners(text, marks)
    # A brace the pass read as escaped (after a backslash) is scanned from there, as tex_group_end would.
    return lambda pos: ends[pos] if pos in ends else tex_group_end(text, pos, open_ch, close_ch)


def tex_group_end(text: str, pos: int, open_ch: str, close_ch: str) -> int:
    """Offset past the group ``text[pos]`` opens (``{...}`` or ``[...]``), or -1 when it never closes.

    LaTeX's rule, not BibTeX's (``bibliography.bibtex.group_end``): in a document ``\\{`` is a
    literal brace and opens nothing.
    """
    depth = 0
    i = pos
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == open_ch:
            depth += 1
        elif c == close_ch:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1

