"""Random but plausible pandoc-Markdown and LaTeX manuscripts, for differential testing against pandoc.

A document is built from blocks (paragraphs, headings, lists, quotes, tables, footnotes, divs, code,
raw HTML and LaTeX, math, front matter, ...) holding citations in every form pandoc reads and the
same ``@key`` text in the places pandoc must not read as one. Every key carries a token ``q<n>z``
(``q17z:doi.x``), so a key that pandoc and litreview read differently names the construct that
wrote it: the disagreement's class. Made from a ``random.Random``: the same seed, the same documents.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from .mutate import random_text

TOKEN = re.compile(r"q(\d+)z")
_WORDS = ("power", "states", "alliances", "the theory", "balancing", "norms", "trade", "aid", "as shown",
          "in contrast", "the data", "critics", "Waltz", "institutions", "war", "peace", "sovereignty")
# Inside a key: pandoc's internal punctuation (followed by a word character), "//" as in URLs, Unicode.
_INNER = (":", ".", "_", "-", "/", "#", "$", "%", "&", "+", "?", "<", ">", "~", "//", ":.")
#: What TeX, HTML and math give a meaning to: keys holding these meet pandoc's parsers at their edges.
MARKUP = frozenset("#$%&<>~")
# ``edges=False`` leaves out the forms where litreview is known to differ from pandoc (docs/guarantees.md,
# "Known gaps"): keys holding MARKUP, "@" after a closing emphasis delimiter (unmatched "_@a*", or "_"
# emphasis pairing with the underscores of keys), a "]" inside a braced key, and a YAML block after the front
# matter (whose "---" lines end the tables pandoc reads from indented code before them).
_TAILS = ("", "", "", ".", ",", ";", ":", ")", "'s", "?", "!", "...", "-", "/", ".:", "--")


@dataclass
class Doc:
    """One generated manuscript."""

    fmt: str
    """"markdown" or "latex"."""
    text: str = ""
    files: dict[str, str] = field(default_factory=dict)
    """Other files beside it (LaTeX ``\\input``), by name."""
    places: dict[str, str] = field(default_factory=dict)
    """Token ("q17z") -> the construct that wrote the key holding it."""
    lines: dict[str, int] = field(default_factory=dict)
    """Token -> the 1-based line of the main file it was written on (absent for included files)."""
    constructs: set[str] = field(default_factory=set)
    """Every construct used."""


class _Keys:
    """Keys with unique tokens, and what wrote each."""

    def __init__(self, rng: random.Random, doc: Doc, edges: bool = True) -> None:
        self.rng, self.doc, self.n, self.edges = rng, doc, 0, edges
        self.construct = ""
        self.inner = _INNER if edges else tuple(p for p in _INNER if not MARKUP & set(p))

    def plain(self) -> str:
        """A key as written after ``@`` without braces (pandoc's key grammar, sometimes stretched)."""
        rng = self.rng
        self.n += 1
        token = f"q{self.n}z"
        self.doc.places[token] = self.construct
        lead = rng.choice(("", "", "", "", "_", "7", "Ü", "a"))
        body = token
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            body += rng.choice(self.inner) + rng.choice(("x", "2001", "doi", "b_c", "é", "10.1038", "Y"))
        return lead + body

    def braced(self) -> str:
        self.n += 1
        token = f"q{self.n}z"
        self.doc.places[token] = self.construct
        return self.rng.choice((token + " weird key", token + ",x", "https://x.org/" + token + "/", token + "@b",
                                token + "; x", token + "]" if self.edges else token + ".", token))

    def cite_key(self) -> str:
        """``@key`` with trailing punctuation, or ``@{...}``."""
        if self.rng.random() < 0.15:
            return "@{" + self.braced() + "}"
        return "@" + self.plain() + self.rng.choice(_TAILS)


def _safe_key(k: _Keys) -> str:
    """A key without the characters TeX, HTML and math give a meaning to (``MARKUP``): for the places where such a
    key would end the construct around it (an autolink, math, raw LaTeX), which no author writes."""
    return re.sub(r"[%#$&~<>]", "", k.plain())


def _words(rng: random.Random, n: int | None = None) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n if n is not None else rng.randint(1, 5)))


# --- Markdown ---------------------------------------------------------------------------

def _bracket(k: _Keys) -> str:
    rng = k.rng
    items = []
    for _ in range(rng.randint(1, 3)):
        pre = rng.choice(("", "", "see ", "cf. ", "e.g., ", "also "))
        dash = "-" if rng.random() < 0.2 else ""
        key = k.plain() if rng.random() < 0.85 else "{" + k.braced() + "}"
        loc = rng.choice(("", "", ", p. 3", ", pp. 33-35", " chap. 2", ", sec. 4.1", " and @" + k.plain(),
                          ", 12", " p. 3 *et al.*"))
        items.append(f"{pre}{dash}@{key}{loc}")
    if rng.random() < 0.1:
        items.append(rng.choice(("no key here", "p. 3")))  # an item without a key: not a citation list
    return "[" + "; ".join(items) + "]"


def _narrative(k: _Keys) -> str:
    rng = k.rng
    form = rng.randrange(4)
    if form == 0:
        return k.cite_key()
    if form == 1:
        return f"@{k.plain()} [p. {rng.randint(1, 99)}]"
    if form == 2:
        return f"@{k.plain()} [-@{k.plain()}]"
    return f"-@{k.plain()}"


#: Inline pieces: construct -> maker. Names ending "-no" hold keys pandoc must not read.
def _inline_makers() -> dict[str, object]:
    return {
        "bracket": _bracket,
        "suppress": lambda k: f"[-@{k.plain()}]",
        "narrative": _narrative,
        "braced": lambda k: "@{" + k.braced() + "}" + k.rng.choice(_TAILS),
        "span": lambda k: f"[{_words(k.rng, 1)} @{k.plain()}]{{.mark}}",
        "bracket-link": lambda k: f"[@{k.plain()}](https://example.org)",
        "inline-note": lambda k: f"^[See @{k.plain()}.]",
        "emphasis": lambda k: (k.rng.choice(("*", "**", "_", "~~")) + f"@{k.plain()}" + "*" if k.edges
                               else k.rng.choice(("*{}*", "**{}**", "~~{}~~")).format("@" + k.plain())),
        "quoted": lambda k: f'"@{k.plain()}"',
        "email-no": lambda k: f"{k.rng.choice(('me', 'a.b', 'x'))}@{k.plain()}.org",
        "escaped-no": lambda k: f"\\@{k.plain()}",
        "code-no": lambda k: k.rng.choice(("`@{}`", "``a ` @{}``", "`[@{}]`")).format(k.plain()),
        "math-no": lambda k: k.rng.choice(("$@{}$", "$$x @{}$$", "$a_{{@{}}}$")).format(k.plain()),
        "html-no": lambda k: k.rng.choice(('<span title="@{}">x</span>', '<a href="mailto:@{}">m</a>',
                                           "<kbd>@{}</kbd>")).format(k.plain()),
        "comment-no": lambda k: f"<!-- [@{k.plain()}] -->",
        "url-no": lambda k: k.rng.choice(("[site](https://x.org/@{})", '[t](u "title @{}")',
                                          "<https://x.org/@{}>", "https://x.org/@{}")).format(k.plain()),
        "rawtex-no": lambda k: k.rng.choice(("\\textbf{{@{}}}", "\\cite{{{}}}", "\\mbox{{@{}}}")).format(k.plain()),
        "after-word-no": lambda k: k.rng.choice(("x@{}", "a.@{}", "1@{}")).format(k.plain()),
        "raw-attr-no": lambda k: f"`@{k.plain()}`{{=html}}",
        "image-alt": lambda k: f"![{_words(k.rng, 1)} [@{k.plain()}]](img.png)",
        # Attributes after a span, link, image or code span: their values are no text.
        "attr-no": lambda k: k.rng.choice(('[{w}]{{.x key="@{k}"}}', '![{w}](i.png){{#fig-a fig-alt="by @{k}"}}',
                                           '`{w}`{{.py title="[@{k}]"}}', "[{w}](https://x.org){{title='@{k}'}}",
                                           "[{w}]{{data-k=@{k}}}")).format(w=_words(k.rng, 1), k=_safe_key(k)),
        "span-attr": lambda k: f'[{_words(k.rng, 1)} [@{k.plain()}]]{{#s{k.n} .note lang="de"}}',
        # Escaped brackets around a citation: the brackets are text, the key an author-in-text citation.
        "escaped-bracket": lambda k: k.rng.choice(("\\[@{}\\]", "\\[see @{}, p. 3\\]")).format(k.plain()),
        "autolink-email-no": lambda k: k.rng.choice(("<me@{}.org>", "<mailto:a.b@{}.org>")).format(_safe_key(k)),
        "math-bracket-no": lambda k: k.rng.choice(("$[@{}]$", "$x \\in [a, @{}]$", "$f(@{})$")).format(_safe_key(k)),
        "html-inline": lambda k: k.rng.choice(("<em>@{}</em>", '<span class="x">see [@{}]</span>',
                                               "<sup>[-@{}]</sup>")).format(k.plain()),
        "rawtex-inline-no": lambda k: k.rng.choice(("\\footnote{{see [@{}]}}", "\\emph{{@{}}}",
                                                    "\\hspace{{1em}}\\textit{{[@{}]}}")).format(_safe_key(k)),
        "shortcode": lambda k: k.rng.choice(("{{{{< pagebreak >}}}} @{}", "{{{{< var version >}}}} [@{}]",
                                             "{{{{< video https://x.org/v >}}}} see @{}")).format(k.plain()),
        "url-query-no": lambda k: f"<https://x.org/p?u=@{_safe_key(k)}&a=1>",
    }


_INLINE = _inline_makers()


def _sentence(k: _Keys, noise: bool = True) -> str:
    """A sentence with one to three inline pieces among words."""
    rng = k.rng
    parts = [_words(rng).capitalize()]
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(tuple(_INLINE))
        k.construct = k.construct.split("/")[0] + "/" + name
        k.doc.constructs.add(name)
        parts.append(_INLINE[name](k))  # type: ignore[operator]
        parts.append(_words(rng))
    if noise and rng.random() < 0.05:
        parts.append(random_text(rng, 6).replace("\n", " "))
    return " ".join(parts) + rng.choice((".", ".", "!", "?", ""))


def _para(k: _Keys) -> str:
    return "\n".join(_sentence(k) for _ in range(k.rng.randint(1, 3)))


def _md_blocks() -> dict[str, object]:
    def heading(k: _Keys) -> str:
        if k.rng.random() < 0.3:
            s = _sentence(k, noise=False)
            return s + "\n" + k.rng.choice(("=", "-")) * max(3, len(s) // 2)
        return "#" * k.rng.randint(1, 4) + " " + _sentence(k, noise=False) + k.rng.choice(("", " ##", " {#sec-x}"))

    def bullets(k: _Keys) -> str:
        mark = k.rng.choice(("*", "-", "+", "1.", "a)", "#."))
        return "\n".join(f"{mark} {_sentence(k)}" + ("\n\n    " + _sentence(k) if k.rng.random() < 0.2 else "")
                         for _ in range(k.rng.randint(1, 3)))

    def quote(k: _Keys) -> str:
        depth = "> " * k.rng.randint(1, 2)
        return "\n".join(depth + _sentence(k) for _ in range(k.rng.randint(1, 2)))

    def footnote(k: _Keys) -> str:
        label = f"n{k.n}"
        body = _sentence(k)
        return f"{_sentence(k)}[^{label}]\n\n[^{label}]: {body}\n" + (
            "\n    " + _sentence(k) if k.rng.random() < 0.3 else "")

    def pipe_table(k: _Keys) -> str:
        rows = ["| A | B |", "|---|:--|"]
        for _ in range(k.rng.randint(1, 3)):
            rows.append(f"| {_sentence(k, noise=False).replace('|', '')} | {_words(k.rng)} |")
        if k.rng.random() < 0.5:
            rows += ["", f": Caption {_sentence(k, noise=False)}"]
        return "\n".join(rows)

    def grid_table(k: _Keys) -> str:
        cell = _sentence(k, noise=False).replace("|", "").replace("+", "")[:30]
        width = max(len(cell), 4) + 2
        line = "+" + "-" * width + "+"
        return "\n".join([line, "| " + "A".ljust(width - 1) + "|", line.replace("-", "="),
                          "| " + cell.ljust(width - 1) + "|", line])

    def div(k: _Keys) -> str:
        return f"::: {{.callout-note #d{k.n}}}\n{_para(k)}\n:::"

    def line_block(k: _Keys) -> str:
        return "\n".join("| " + _sentence(k) for _ in range(k.rng.randint(1, 3)))

    def example_list(k: _Keys) -> str:
        label = k.rng.choice(("(@)", f"(@ex{k.n})"))
        return f"{label} {_sentence(k)}"

    def figure(k: _Keys) -> str:
        return f"![A figure {_sentence(k, noise=False)}](map.png){{#fig:m{k.n}}}"

    def deflist(k: _Keys) -> str:
        return f"Term {_words(k.rng, 1)}\n:   {_sentence(k)}"

    def fenced_no(k: _Keys) -> str:
        fence = k.rng.choice(("```", "~~~", "```python", "```{r}", "```{=latex}"))
        close = fence[:3]
        return f"{fence}\n@decorator\nx = \"[@{k.plain()}]\"\n{close}"

    def indented_no(k: _Keys) -> str:
        return f"    [@{k.plain()}] in code\n    @{k.plain()}"

    def html_block_no(k: _Keys) -> str:
        return k.rng.choice((f"<pre>[@{k.plain()}]</pre>", f"<!--\n[@{k.plain()}]\n-->",
                             f"<script>\nvar a = '@{k.plain()}';\n</script>"))

    def html_div(k: _Keys) -> str:  # pandoc reads Markdown inside <div>
        return f"<div class=\"box\">\n{_sentence(k)}\n</div>"

    def display_math_no(k: _Keys) -> str:
        return f"$$\nx = @{k.plain()}\n$$"

    def raw_latex_no(k: _Keys) -> str:
        # Keys as LaTeX holds them: "#", "%", "$" in raw LaTeX make pandoc's LaTeX parse fail.
        return f"\\begin{{figure}}\n[@{_tex_key(k)}] \\cite{{{_tex_key(k)}}}\n\\end{{figure}}"

    def simple_table(k: _Keys) -> str:
        # Columns as wide as their cells (pandoc cuts a simple table's cells at the dashes' columns).
        # Some right-aligned, as pandoc's manual draws them: the header and rows then start four or more
        # spaces in (pandoc reads a table before indented code).
        cells = [(_sentence(k, noise=False), _words(k.rng, 1)) for _ in range(k.rng.randint(1, 2))]
        pad = (0, 5, 9)[len(cells[0][0]) % 3]  # from the text, not the generator, so other documents stay as they were
        width = max(len(c) for c, _ in cells) + 2 + pad
        align = str.rjust if pad else str.ljust
        rows = [f"{align(c, width - 2)}  {d}" for c, d in cells]
        return "\n".join([f"{align('Left', width - 2)}  Right", f"{'-' * (width - 2)}  -----", *rows, "",
                          f": Caption {_words(k.rng)}"])

    def multiline_table(k: _Keys) -> str:
        first, second = _sentence(k, noise=False), _words(k.rng, 2)
        width = len(first) + 2
        rule = "-" * (width + 12)
        return "\n".join([rule, f"{'A'.ljust(width)}B", f"{'-' * (width - 2)}  ----------", f"{first.ljust(width)}{second}",
                          f"{''.ljust(width)}more words", "", f"{'x'.ljust(width)}y", rule])

    def para_breaks(k: _Keys) -> str:
        # Pieces over two lines, in a paragraph: a comment, and a hard line break after a citation.
        k.construct = "para-breaks/" + k.rng.choice(("comment-lines-no", "hard-break"))
        piece = (f"<!-- {_words(k.rng, 2)}\n[@{k.plain()}] -->" if k.construct.endswith("-no")
                 else f"[@{k.plain()}]\\\n{_words(k.rng, 2)}")
        return f"{_sentence(k)} {_words(k.rng)} {piece} {_words(k.rng)}.\n{_sentence(k)}"

    def details(k: _Keys) -> str:
        return f"<details>\n<summary>{_words(k.rng)}</summary>\n\n{_para(k)}\n\n</details>"

    def deflist_more(k: _Keys) -> str:
        # A definition over two paragraphs (the second indented four spaces), and compact definitions ("~").
        if k.rng.random() < 0.5:
            return f"Term {_words(k.rng, 1)}\n:   {_sentence(k)}\n\n    {_sentence(k)}"
        return f"Term {_words(k.rng, 1)}\n~ {_sentence(k)}\n~ {_sentence(k)}"

    def example_more(k: _Keys) -> str:
        # A labelled example item with a paragraph of its own, indented four spaces, and a reference to it.
        label = f"ex{k.n}"
        return f"(@{label}) {_sentence(k)}\n\n    {_sentence(k)}\n\nAs (@{label}) shows, {_sentence(k)}"

    def nested_div(k: _Keys) -> str:
        return (f"::: {{#box{k.n} .note title=\"about @{_safe_key(k)}\"}}\n{_para(k)}\n\n"
                f":::: {{.inner}}\n{_sentence(k)}\n::::\n:::")

    def callout(k: _Keys) -> str:
        kind = k.rng.choice(("note", "tip", "warning"))
        return f"::: {{.callout-{kind} collapse=\"true\"}}\n## {_words(k.rng, 2)}\n\n{_para(k)}\n:::"

    def grid_table_lines(k: _Keys) -> str:
        # A grid table whose cells run over two lines, a citation in each.
        cells = [(f"{_words(k.rng, 1)} [@{_safe_key(k)}]", f"@{_safe_key(k)} {_words(k.rng, 1)}") for _ in range(2)]
        width = max(len(c) for pair in cells for c in pair) + 2
        line = "+" + "-" * width + "+" + "-" * width + "+"
        rows = [line, "| " + "A".ljust(width - 1) + "| " + "B".ljust(width - 1) + "|", line.replace("-", "=")]
        for first, second in cells:
            rows += ["| " + first.ljust(width - 1) + "| " + second.ljust(width - 1) + "|",
                     "| " + _words(k.rng, 1).ljust(width - 1) + "| " + "".ljust(width - 1) + "|", line]
        return "\n".join(rows)

    def pipe_table_escapes(k: _Keys) -> str:
        # A pipe table with an escaped bar and a code span holding one in its cells.
        return "\n".join(["| A | B |", "|---|---|", f"| a \\| b [@{k.plain()}] | `x | @{k.plain()}` c |",
                          f"| {_sentence(k, noise=False).replace('|', '')} | d |"])

    def yaml_block_no(k: _Keys) -> str:
        # A YAML block later in the document: pandoc reads its fields as metadata, not text. (Not without the known
        # gaps' forms: its "---" lines close a table that pandoc reads from the indented code before it on.)
        if not k.edges:
            return _para(k)
        return f"---\nauthor: \"Ann (@{_safe_key(k)})\"\nemail: ann@{_safe_key(k)}.org\n---"

    def comment_block_no(k: _Keys) -> str:
        return f"<!--\nTODO: add [@{k.plain()}]\n\nand @{k.plain()} here\n-->\n\n{_sentence(k)}"

    def note_blocks(k: _Keys) -> str:
        # A footnote of several blocks: a paragraph, fenced code (no citation) and a paragraph.
        label = f"m{k.n}"
        return (f"{_sentence(k)}[^{label}]\n\n[^{label}]: {_sentence(k)}\n\n    ```\n    @{k.plain()} in code\n"
                f"    ```\n\n    {_sentence(k)}")

    return {"para": _para, "heading": heading, "list": bullets, "quote": quote, "footnote": footnote,
            "deflist-more": deflist_more, "example-more": example_more, "nested-div": nested_div,
            "callout": callout, "grid-table-lines": grid_table_lines, "pipe-table-escapes": pipe_table_escapes,
            "yaml-block-no": yaml_block_no, "comment-block-no": comment_block_no, "note-blocks": note_blocks,
            "pipe-table": pipe_table, "grid-table": grid_table, "div": div, "line-block": line_block,
            "example-list": example_list, "figure": figure, "deflist": deflist, "html-div": html_div,
            "fenced-no": fenced_no, "indented-no": indented_no, "html-block-no": html_block_no,
            "display-math-no": display_math_no, "raw-latex-no": raw_latex_no, "simple-table": simple_table,
            "multiline-table": multiline_table, "details": details, "para-breaks": para_breaks}


_MD_BLOCKS = _md_blocks()


def _front_matter(k: _Keys) -> str:
    rng = k.rng
    lines = ["---", "title: A generated essay"]
    if rng.random() < 0.6:
        k.construct = "yaml-nocite"
        k.doc.constructs.add("yaml-nocite")
        keys = [f"@{k.plain()}" for _ in range(rng.randint(1, 3))]
        form = rng.randrange(3)
        if form == 0:
            lines.append("nocite: |\n  " + ", ".join(keys))
        elif form == 1:
            lines.append(f"nocite: \"{'; '.join(keys)}\"")
        else:
            lines.append("nocite:\n" + "".join(f"  - \"{x}\"\n" for x in keys).rstrip("\n"))
    if rng.random() < 0.4:
        k.construct = "yaml-references-no"
        k.doc.constructs.add("yaml-references-no")
        lines.append(f"references:\n  - id: {k.plain()}\n    title: \"@{k.plain()} in a title\"")
    if rng.random() < 0.4:
        lines.append("bibliography: refs.bib")
    lines.append("---")
    return "\n".join(lines)


def markdown_doc(rng: random.Random, edges: bool = True) -> Doc:
    """A pandoc-Markdown manuscript of 2-10 blocks (``edges``: with the known gaps' forms too)."""
    doc = Doc("markdown")
    k = _Keys(rng, doc, edges)
    blocks = []
    if rng.random() < 0.5:
        blocks.append(_front_matter(k))
    blocks.append("Opening words of the essay.")
    for _ in range(rng.randint(2, 10)):
        name = rng.choice(tuple(_MD_BLOCKS))
        k.construct = name
        doc.constructs.add(name)
        blocks.append(_MD_BLOCKS[name](k))  # type: ignore[operator]
    return _joined(doc, blocks, "\n\n")


def _joined(doc: Doc, blocks: list[str], sep: str) -> Doc:
    doc.text = sep.join(blocks) + "\n"
    for m in TOKEN.finditer(doc.text):
        doc.lines.setdefault(m.group(), doc.text.count("\n", 0, m.start()) + 1)
    return doc


# --- LaTeX --------------------------------------------------------------------------------

_LATEX_COMMANDS = ("cite", "citep", "citet", "citet*", "citep*", "citealp", "citealt", "citeauthor", "citeauthor*",
                   "citeyear", "citeyearpar", "Cite", "parencite", "Parencite", "textcite", "Textcite", "autocite",
                   "Autocite", "footcite", "Footcite", "footcitetext", "Footcitetext", "smartcite", "Smartcite",
                   "supercite", "Supercite", "Citeyear")
#: natbib and biblatex commands that pandoc's LaTeX reader does not read (pandoc 3.9; litreview reads
#: them as the packages define them): their keys are written under the construct "unread-by-pandoc", as are the
#: keys of a ``\footnotetext`` note (which pandoc drops, and LaTeX sets).
UNREAD_BY_PANDOC = ("Citet", "Citep", "Citealp", "Citealt", "Citeauthor", "fullcite", "footfullcite", "smartcites")


#: Commands a document defines around citation commands, as real manuscripts do (used by the "tex-wrapper" block).
LATEX_PREAMBLE = ("\\newcommand{\\mycite}[1]{\\citep{#1}}\n\\newcommand{\\site}[2]{\\citep[S.~#2]{#1}}\n"
                  "\\def\\pc#1{\\citep{#1}}\n\\newcommand*{\\seecite}[1]{see \\citet{#1}}\n")


def _tex_key(k: _Keys) -> str:
    key = k.plain()
    return re.sub(r"[%#$&~<>]", "", key)


def _tex_cite(k: _Keys) -> str:
    rng = k.rng
    k.doc.constructs.add(k.construct.split("/")[-1])
    keys = ",".join(rng.choice(("", " ")) + _tex_key(k) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.1:
        k.construct = k.construct.split("/")[0] + "/unread-by-pandoc"
        k.doc.constructs.add("unread-by-pandoc")
        return "\\" + rng.choice(UNREAD_BY_PANDOC) + "{" + _tex_key(k) + "}"
    if k.construct.endswith("cites"):
        groups = "".join(rng.choice(("", "[p.~3]", "[see][12]")) + "{" + _tex_key(k) + "}"
                         for _ in range(rng.randint(1, 3)))
        return "\\" + rng.choice(("cites", "parencites", "Parencites", "textcites", "Textcites", "autocites",
                                  "Autocites", "footcites", "Footcites", "supercites", "footcitetexts")) + \
            rng.choice(("", "(pre)(post)", "(all)")) + groups
    if k.construct.endswith("nocite"):
        return "\\nocite{" + (keys if rng.random() < 0.8 else "*") + "}"
    options = rng.choice(("", "", "[p.~3]", "[see][]", "[see][p.~3]", "[{[}a{]}]", "[chap.\\ 2]"))
    return "\\" + rng.choice(_LATEX_COMMANDS) + options + rng.choice(("", " ")) + "{" + keys + "}"


def _tex_sentence(k: _Keys) -> str:
    rng = k.rng
    base = k.construct.split("/")[0]
    parts = [_words(rng).capitalize()]
    for _ in range(rng.randint(1, 2)):
        k.construct = base + "/" + rng.choice(("cite", "cite", "cite", "cites", "nocite"))
        parts.append(_tex_cite(k))
        parts.append(_words(rng))
    return " ".join(parts) + "."


def _tex_blocks() -> dict[str, object]:
    def para(k: _Keys) -> str:
        return "\n".join(_tex_sentence(k) for _ in range(k.rng.randint(1, 3)))

    def section(k: _Keys) -> str:
        return f"\\{k.rng.choice(('section', 'subsection', 'section*'))}{{{_tex_sentence(k).rstrip('.')}}}"

    def itemize(k: _Keys) -> str:
        env = k.rng.choice(("itemize", "enumerate"))
        items = "\n".join(f"  \\item {_tex_sentence(k)}" for _ in range(k.rng.randint(1, 3)))
        return f"\\begin{{{env}}}\n{items}\n\\end{{{env}}}"

    def footnote(k: _Keys) -> str:
        return f"{_tex_sentence(k)}\\footnote{{{_tex_sentence(k)}}}"

    def caption(k: _Keys) -> str:
        return f"\\begin{{figure}}\n\\centering\n\\caption{{{_tex_sentence(k)}}}\n\\label{{fig:a{k.n}}}\n\\end{{figure}}"

    def tabular(k: _Keys) -> str:
        return f"\\begin{{tabular}}{{ll}}\nA & {_tex_sentence(k)} \\\\\nB & c \\\\\n\\end{{tabular}}"

    def comment_no(k: _Keys) -> str:
        return k.rng.choice(("% \\cite{{{}}} is commented out", "Text % and \\citep{{{}}} after a comment",
                             "100\\% sure \\cite{{{}}}")).format(_tex_key(k))

    def verbatim_no(k: _Keys) -> str:
        env = k.rng.choice(("verbatim", "lstlisting", "comment"))
        return f"\\begin{{{env}}}\n\\cite{{{_tex_key(k)}}}\n\\end{{{env}}}"

    def verb_no(k: _Keys) -> str:
        return f"Code \\verb|\\cite{{{_tex_key(k)}}}| inline."

    def math_no(k: _Keys) -> str:
        return k.rng.choice(("$x \\cite{{{}}}$ in math.", "\\[ y = \\cite{{{}}} \\]")).format(_tex_key(k))

    def input_file(k: _Keys) -> str:
        name = f"part{k.n}"
        if k.rng.random() < 0.5:
            k.doc.files[name + ".tex"] = para(k) + "\n"
        else:
            k.construct = "input-missing"
        return f"\\input{{{name}}}"

    def skipped_inline(k: _Keys) -> str:
        # Text TeX skips, opened and closed within a line, then text that is read.
        opening, closing = k.rng.choice((("\\iffalse ", " \\fi"), ("\\begin{comment}", "\\end{comment}"),
                                         ("\\begin{verbatim}", "\\end{verbatim}")))
        hidden = f"{opening}\\cite{{{_tex_key(k)}}}{closing}"
        k.construct = "tex-skipped-inline"
        return f"{_words(k.rng).capitalize()} {hidden} {_tex_sentence(k)}"

    def iffalse_block(k: _Keys) -> str:
        return f"\\iffalse\n{_tex_sentence(k)}\n\\fi {_words(k.rng)}" if k.rng.random() < 0.5 else \
            f"\\iffalse\n\\cite{{{_tex_key(k)}}}\n\\fi"

    def styled(k: _Keys) -> str:
        command = k.rng.choice(("emph", "textbf", "textit", "mbox", "textsc"))
        return f"{_words(k.rng).capitalize()} \\{command}{{{_tex_sentence(k)}}} {_words(k.rng)}."

    def quote(k: _Keys) -> str:
        # (not abstract: pandoc moves it to the metadata, which the comparison does not walk)
        env = k.rng.choice(("quote", "quotation", "center", "minipage}{0.5\\textwidth"))
        return f"\\begin{{{env}}}\n{para(k)}\n\\end{{{env.split('}')[0]}}}"

    def description(k: _Keys) -> str:
        items = "\n".join(f"  \\item[{_words(k.rng)}] {_tex_sentence(k)}" for _ in range(k.rng.randint(1, 3)))
        return f"\\begin{{description}}\n{items}\n\\end{{description}}"

    def tilde(k: _Keys) -> str:
        return f"{_words(k.rng).capitalize()}~\\cite{{{_tex_key(k)}}} and {_words(k.rng)}~\\citep[p.~2]{{{_tex_key(k)}}}."

    def percent_lines(k: _Keys) -> str:
        # A citation over lines joined by "%" (its keys, its note and its braces apart), a comment after a key.
        return k.rng.choice((
            f"{_words(k.rng).capitalize()} \\citep{{{_tex_key(k)},%\n  {_tex_key(k)}}} and {_words(k.rng)}.",
            f"{_words(k.rng).capitalize()} \\citep[p.~3]%\n{{{_tex_key(k)}}} {_words(k.rng)}.",
            f"{_words(k.rng).capitalize()}%\n\\cite{{{_tex_key(k)}}}% a comment \\cite{{{_tex_key(k)}}}\n{_words(k.rng)}."))

    def wrapper(k: _Keys) -> str:
        # Commands the document defines around a citation command (LATEX_PREAMBLE), used in the text.
        return k.rng.choice((f"\\mycite{{{_tex_key(k)}}}", f"\\site{{{_tex_key(k)}}}{{80}}",
                             f"\\pc{{{_tex_key(k)}}}", f"\\seecite{{{_tex_key(k)}}}")).join(
            (_words(k.rng).capitalize() + " ", " " + _words(k.rng) + "."))

    def verbatim_more_no(k: _Keys) -> str:
        return k.rng.choice((f"\\begin{{minted}}{{python}}\n\\cite{{{_tex_key(k)}}}\n\\end{{minted}}",
                             f"Code \\verb*|\\cite{{{_tex_key(k)}}}| and \\verb+\\citep{{{_tex_key(k)}}}+ here.",
                             f"\\begin{{Verbatim}}\n\\cite{{{_tex_key(k)}}}\n\\end{{Verbatim}}"))

    def multicolumn(k: _Keys) -> str:
        return (f"\\begin{{tabular}}{{ll}}\n\\multicolumn{{2}}{{c}}{{{_tex_sentence(k)}}} \\\\\n"
                f"\\multirow{{2}}{{*}}{{\\cite{{{_tex_key(k)}}}}} & b \\\\\n & c \\\\\n\\end{{tabular}}")

    def titles(k: _Keys) -> str:
        # Citations in a sectioning title with a short form, a caption with a short form, a starred command.
        form = k.rng.randrange(4)
        if form == 0:
            return f"\\section[{_words(k.rng, 2)}]{{{_tex_sentence(k).rstrip('.')}}}"
        if form == 1:
            return f"\\begin{{figure}}\n\\caption[{_words(k.rng, 2)}]{{{_tex_sentence(k)}}}\n\\end{{figure}}"
        if form == 2:
            return f"\\paragraph{{{_words(k.rng, 2)} \\cite{{{_tex_key(k)}}}.}} {_tex_sentence(k)}"
        return f"{_words(k.rng).capitalize()} \\{k.rng.choice(('cite*', 'parencite*', 'textcite'))}{{{_tex_key(k)}}}."

    def notes_more(k: _Keys) -> str:
        if k.rng.random() < 0.5:
            return f"{_words(k.rng).capitalize()}\\footnote[2]{{{_tex_sentence(k)}}} {_words(k.rng)}."
        return footnotetext(k)

    def footnotetext(k: _Keys) -> str:
        # \footnotetext's note, which pandoc drops and LaTeX sets: its keys counted apart, as unread by pandoc.
        k.construct = "tex-notes-more/unread-by-pandoc"
        k.doc.constructs.add("unread-by-pandoc")
        return (f"{_words(k.rng).capitalize()}\\footnotemark{{}} {_words(k.rng)}.\n"
                f"\\footnotetext{{{_words(k.rng).capitalize()} \\citep{{{_tex_key(k)}}} {_words(k.rng)}.}}")

    def brackets_in_notes(k: _Keys) -> str:
        return (f"{_words(k.rng).capitalize()} \\citep[see {{[}}1{{]}}][p.~{{[}}2{{]}}]{{{_tex_key(k)}}} and "
                f"\\citep[{{\\emph{{e.g.}}}}][]{{{_tex_key(k)}}}.")

    def include(k: _Keys) -> str:
        name = f"inc{k.n}"
        k.doc.files[name + ".tex"] = para(k) + "\n"
        return f"\\include{{{name}}}"

    return {"tex-para": para, "tex-section": section, "tex-list": itemize, "tex-footnote": footnote,
            "tex-percent-lines": percent_lines, "tex-wrapper": wrapper, "tex-verbatim-more-no": verbatim_more_no,
            "tex-multicolumn": multicolumn, "tex-titles": titles, "tex-notes-more": notes_more,
            "tex-brackets-in-notes": brackets_in_notes, "tex-include": include,
            "tex-caption": caption, "tex-tabular": tabular, "tex-comment-no": comment_no,
            "tex-verbatim-no": verbatim_no, "tex-verb-no": verb_no, "tex-math-no": math_no,
            "tex-input": input_file, "tex-skipped-inline": skipped_inline, "tex-iffalse": iffalse_block,
            "tex-styled": styled, "tex-quote": quote, "tex-description": description, "tex-tilde": tilde}


_TEX_BLOCKS = _tex_blocks()


def latex_doc(rng: random.Random, edges: bool = True) -> Doc:
    """A LaTeX manuscript: a preamble, then 2-8 blocks in the document environment."""
    doc = Doc("latex")
    k = _Keys(rng, doc, edges)
    blocks = ["\\documentclass{article}\n\\usepackage{natbib}\n" + LATEX_PREAMBLE + "\\begin{document}", "Opening words."]
    for _ in range(rng.randint(2, 8)):
        name = rng.choice(tuple(_TEX_BLOCKS))
        k.construct = name
        doc.constructs.add(name)
        blocks.append(_TEX_BLOCKS[name](k))  # type: ignore[operator]
    blocks.append("\\end{document}")
    return _joined(doc, blocks, "\n\n")


def generate(rng: random.Random, fmt: str | None = None, edges: bool = True) -> Doc:
    """A Markdown manuscript (three in four) or a LaTeX one; ``edges``: with the known gaps' forms too."""
    fmt = fmt or ("latex" if rng.random() < 0.25 else "markdown")
    return latex_doc(rng, edges) if fmt == "latex" else markdown_doc(rng, edges)
