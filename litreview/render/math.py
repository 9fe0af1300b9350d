"""A manuscript's TeX math (``$\\lambda$``, ``$$...$$``) as MathML, which browsers render with no script and no
download; what the converter cannot read safely prints as its TeX source in a ``<code class="math-tex">``.

The TeX is untrusted: the converter's output is parsed and written anew from a list of MathML elements and
attributes, so nothing it passes through (``\\text{<script>}``, ``\\href{javascript:...}``) reaches the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache

from .sanitize import clean_text, esc

_NS = "{http://www.w3.org/1998/Math/MathML}"
_XMLNS = 'xmlns="http://www.w3.org/1998/Math/MathML"'
#: Presentation MathML the page may show (MathML Core, as latex2mathml writes it).
_ELEMENTS = frozenset({
    "math", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msub", "msup", "msubsup", "mfrac", "msqrt",
    "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mstyle", "mpadded", "mphantom",
    "menclose", "mfenced", "merror", "mmultiscripts", "mprescripts", "none", "semantics", "annotation",
})
_ATTRIBUTES = frozenset({
    "display", "displaystyle", "scriptlevel", "mathvariant", "stretchy", "fence", "separator", "lspace", "rspace",
    "minsize", "maxsize", "movablelimits", "accent", "accentunder", "linethickness", "width", "height", "depth",
    "columnalign", "columnspacing", "rowspacing", "rowalign", "columnlines", "rowlines", "frame", "notation",
    "open", "close", "separators", "form", "largeop", "symmetric", "linebreak", "mathsize", "mathcolor",
    "mathbackground", "align", "numalign", "denomalign", "bevelled", "columnspan", "rowspan",
})
# A command the converter did not know, which it prints as written (``<mi>\foo</mi>``).
_UNKNOWN = re.compile(r"\\[A-Za-z]")
_COLOUR = re.compile(r"#?[A-Za-z0-9]+")
# A LaTeX manuscript's equation environment, which pandoc's reader keeps around its math: the math inside it is shown.
_EQUATION = re.compile(r"\\begin\{(equation\*?)\}(.*)\\end\{\1\}", re.S)
# ``\\ensuremath{...}`` (a LaTeX macro's way to be math anywhere), which the converter leaves unread: in math, pandoc
# reads its argument, a group.
_ENSUREMATH = re.compile(r"\\ensuremath(?![A-Za-z])")


@lru_cache(maxsize=2048)
def math_html(tex: str, *, display: bool = False) -> str:
    """The HTML of the math ``tex`` (without its ``$`` delimiters): MathML with the TeX as its ``alttext`` and
    annotation, or the TeX in a ``<code class="math-tex">`` when the converter fails, leaves a command unread or
    writes what MathML does not hold."""
    tex = clean_text(tex).strip()
    element = _mathml(tex, display)
    if element is None:
        return f'<code class="math-tex">{esc(tex)}</code>'
    # Written as XML: "<" escaped in attributes too; the HTML parser reads ``<mspace />`` in MathML as XML does.
    return ET.tostring(element, encoding="unicode").replace("<math ", f"<math {_XMLNS} ", 1)


def _mathml(tex: str, display: bool) -> ET.Element | None:
    if not tex:
        return None
    try:
        from latex2mathml.converter import convert

        wrapped = _EQUATION.fullmatch(tex)
        written = convert(_ENSUREMATH.sub("", wrapped.group(2) if wrapped else tex), display="block" if display else "inline")
        root = ET.fromstring(written)
    except Exception:  # its errors share no base class, and its parser lets StopIteration out: any prints the TeX
        return None
    out = _copy(root)
    if out is None:
        return None
    out.set("alttext", tex)
    # The TeX beside what is shown (``semantics``): a reader can copy it; the browser shows the first child only.
    body = ET.Element("semantics")
    shown = ET.SubElement(body, "mrow")
    shown.extend(list(out))
    for child in list(out):
        out.remove(child)
    annotation = ET.SubElement(body, "annotation", {"encoding": "application/x-tex"})
    annotation.text = tex
    out.append(body)
    return out


def _copy(node: ET.Element) -> ET.Element | None:
    """``node`` written anew with the allowed elements and attributes only, or None when it holds another element
    or a command the converter left unread."""
    name = node.tag.removeprefix(_NS)
    if name not in _ELEMENTS or any(_UNKNOWN.search(t or "") for t in (node.text, node.tail)):
        return None
    attributes = {k: v for k, v in node.attrib.items()
                  if k in _ATTRIBUTES and (not k.startswith("math") or k == "mathvariant" or _COLOUR.fullmatch(v))}
    out = ET.Element(name, attributes)
    out.text, out.tail = node.text, node.tail
    for child in node:
        copied = _copy(child)
        if copied is None:
            return None
        out.append(copied)
    return out
