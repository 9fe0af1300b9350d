"""Commands the LaTeX reader does not know, read as pandoc reads them: the command with its options and braced
arguments left out (``\\todo[inline]{see \\cite{a}}`` prints nothing and cites nothing), not its arguments as prose.

pandoc keeps an unknown command as raw LaTeX, which no output prints; pylatexenc printed its arguments as words of
the sentence. ``PANDOC_TEXT`` lists what pandoc prints the text of although pylatexenc does not know it, and
``TYPESET_TEXT`` the few commands of common packages whose text LaTeX sets as the document's words, read too.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from typing import Any

PANDOC_TEXT = frozenset({
    # glossaries and acronym: the label, as pandoc prints it
    "gls", "Gls", "glspl", "Glspl", "glsdesc", "Glsdesc", "GLSdesc", "glsdescplural", "Glsdescplural",
    "GLSdescplural", "acrshort", "Acrshort", "acrlong", "Acrlong", "acrfull", "Acrfull", "ac", "Ac", "acf", "Acf",
    "acs", "Acs", "acl", "Acl", "acp", "Acp", "acfp", "Acfp", "acsp", "Acsp", "aclp", "Aclp",
    # fonts, sizes, case, marks and boxes
    "em", "it", "bf", "rm", "sl", "tt", "itshape", "bfseries", "slshape", "scshape", "textnormal", "tiny",
    "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge", "hl", "ul",
    "uline", "sout", "st", "textsuperscript", "textsubscript", "lowercase", "uppercase", "MakeUppercase",
    "MakeLowercase", "MakeTextUppercase", "MakeTextLowercase", "hbox", "vbox", "centerline", "raggedright",
    "lettrine", "xspace",
    # babel's and polyglossia's languages
    "textenglish", "textfrench", "textgerman", "textspanish", "textportuguese", "textitalian", "textlatin",
    "textgreek", "textarabic", "texthebrew", "textrussian", "textjapanese", "textdutch", "textswedish",
    "textpolish", "textczech", "textcatalan",
    # quotations, notes, links, code, units (siunitx)
    "blockquote", "foreignquote", "hyphenquote", "foreignblockquote", "hyphenblockquote", "epigraph", "thanks",
    "dedication", "subtitle", "hyperlink", "hypertarget", "nolinkurl", "lstinline", "mintinline", "SI", "si", "num",
    "qty", "unit", "ang", "SIrange", "numrange", "SIlist", "numlist", "qtyrange", "vref",
    # biblatex's formatting commands
    "mkbibquote", "mkbibemph", "mkbibitalic", "mkbibbold", "mkbibparens", "mkbibbrackets", "autocap", "bibstring",
    "adddot", "adddotspace", "addabbrvspace", "hyphen",
    # characters and the names of document parts
    "P", "lq", "rq", "sep", "qed", "ps", "pounds", "euro", "copyright", "slash", "hyp", "bshyp", "fshyp", "dothyp",
    "colonhyp", "mdots", "newtie", "textcircled", "textogonekcentered", "textless", "textgreater", "faCheck",
    "faClose", "figurename", "tablename", "chaptername", "partname", "refname", "bibname", "abstractname",
    "contentsname", "listfigurename", "listtablename", "indexname", "prefacename", "proofname", "glossaryname",
    "pagename", "seename", "seealsoname", "enclname", "ccname", "headtoname", "lstlistingname",
})
"""Commands pylatexenc does not know whose text pandoc prints (each checked against ``pandoc -f latex``)."""

TYPESET_TEXT = frozenset({"newthought", "subcaption", "abstract", "numprint"})
"""Commands of common classes and packages that typeset their argument as the document's words, which pandoc leaves
out: tufte-latex's ``\\newthought{In a word}`` opening a sentence, ``\\subcaption{...}``, a class's ``\\abstract{...}``,
the numprint package's ``\\numprint{3146}`` (a claim's figure: "sent on average messages a month").
Their text is read (the sentence lost its first words), as before."""


def without_unknown(nodes: list[Any], known: Container[str]) -> Iterator[list[Any] | str]:
    """``nodes`` (pylatexenc's) in runs to print, each unknown command (not in ``known``) left out with what pandoc
    takes as its arguments: ``[...]`` options and the braced groups after it. What is left out is given as its line
    marks (``XLINE<n>X``), so that the sentences after it keep their lines."""
    from pylatexenc.latexwalker import LatexCharsNode, LatexGroupNode, LatexMacroNode

    from .latex_cites import line_marks

    run: list[Any] = []
    at = 0
    while at < len(nodes):
        node = nodes[at]
        at += 1
        if not (isinstance(node, LatexMacroNode) and node.macroname.isalpha()
                and node.macroname not in known):
            run.append(node)
            continue
        dropped = [node]
        tail = ""
        while at < len(nodes):
            after = nodes[at]
            if isinstance(after, LatexGroupNode) and after.delimiters == ("{", "}"):
                dropped.append(after)
            elif isinstance(after, LatexCharsNode) and after.chars.startswith("[") \
                    and (last := _option_end(nodes, at)) is not None:
                dropped += nodes[at:last]  # an option holding a command: "[type=\\acronymtype, style=index]"
                at = last
                after = nodes[at]
                close = after.chars.index("]") + 1
                dropped.append(after)
                tail = after.chars[close:]
                if tail:
                    break
            elif isinstance(after, LatexCharsNode) and not after.chars.strip() and at + 1 < len(nodes) \
                    and isinstance(nodes[at + 1], LatexGroupNode):
                dropped.append(after)  # pandoc takes a braced argument after blanks too
            else:
                break
            at += 1
        if len(dropped) == 1:  # a command without arguments: pylatexenc prints nothing of it already
            run.append(node)
            continue
        if tail:
            at += 1
        yield run
        run = []
        yield line_marks("".join(n.latex_verbatim() for n in dropped)) + tail
    yield run


def _option_end(nodes: list[Any], at: int) -> int | None:
    """The index of the node of ``nodes`` closing the ``[...]`` option that ``nodes[at]`` (characters) opens: that
    node itself, or a later one when commands or groups stand inside the option; None when no ``]`` closes it."""
    from pylatexenc.latexwalker import LatexCharsNode

    for index in range(at, len(nodes)):
        node = nodes[index]
        if isinstance(node, LatexCharsNode) and "]" in node.chars:
            return index
        if isinstance(node, LatexCharsNode) and "\n\n" in node.chars:
            return None  # an option does not run over a paragraph's end
    return None
