"""The fuzz inputs: the repository's own files (tests/cases, refs/, the fake registry's records)
with random edits and hostile pieces spliced in, made from a ``random.Random``.

One definition for both runs: the pytest suite draws a ``Random`` from hypothesis
(``conftest.mutated``), and the long campaign (``bench/fuzz.py``) seeds its own, so a campaign
input costs microseconds to make instead of a hypothesis example's milliseconds.

Sizes: an input is a whole seed file (0.1-17 KB; longer ones are cut to ``max_len``) after
0-6 edits; a "flood" edit adds 100-2,000 copies of a short piece (up to 48 KB), so about a
third of inputs are over 10 KB and the largest near 100 KB.
"""

from __future__ import annotations

import json
import random
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

#: Pieces that broke parsers before, or that parsers of these formats often trip on.
HOSTILE = (
    "[", "]", "{", "}", "\\", "@", "%", "#", "&", "*a", "&a ", "~", "^", "$", "_", '"', "'", "`", ",", ";", ":",
    "\x00", "\x0b", "\u202e", "\ufeff", "\u00a0", "\u200b", "é", "ﬁ", "𝔄", "\r", "\r\n", "\n\n", "\t",
    "1" * 5000, "a" * 3000, "[" * 300, "{" * 300, "}" * 300, "- " * 200, "  " * 300, ". ," * 50,
    "https://[", "http://[::1", "doi:10.1/x", "10.1000/xyz", "pages = {", "title = {", "@article{k,",
    "---\n", "---", "!!python/object:os.system", "<script>", "Dr.", "et al.", "(2004)", "p. 3", "pp. 1--2",
    "A. B. C.", "& ", "*", "|", "? ", "- ", ": ", "{{", "}}", "\\{", "\\}", "\\url{", "$x$", "--", "—",
    # BibTeX pieces whose repetition was super-linear (a macro doubling itself, unclosed entries, keyless ones)
    '@string{a = "xy"}\n', "@string{a = a # a}\n", " # a", "\n@book{k, title={a}\n", "\n@a{\n",
    "@book{, t={a}}\n", " and ", "{\\'e}", "\\" * 3, "$x",
    # one long word of a pasted reference list, whose every letter a search for an address once started from
    "d’", "a.", "www.", "http://",
)
#: Pieces short enough to flood an input with (thousands of copies).
FLOOD = tuple(piece for piece in HOSTILE if len(piece) <= 24)
#: The edits, twice as many inserts as each other kind (as the suite always drew them).
OPS = ("insert", "insert", "cut", "double", "random", "repeat", "flood")
#: Edits of a document's structure, for the readers of nested formats (Quarto, LaTeX, CSL): a line
#: repeated many times, a closing fence, brace or tag taken out, a span nested deep in an opening and
#: its closing.
STRUCTURAL = ("lines", "unclose", "nest")
#: The most characters one structural edit adds (the inputs stay near the sizes above).
GROWTH = 100_000
#: What ``unclose`` takes out (one occurrence) and ``nest`` wraps a span in.
CLOSERS = ("}", "]", ")", "```", ":::", ">}}", "\\end{", "</", "---\n", "\n---", "\"")
PAIRS = (("{", "}"), ("[", "]"), ("\\textbf{", "}"), ("\\begin{quote}\n", "\n\\end{quote}\n"),
         ("::: {.callout-note title=\"T\"}\n", "\n:::\n"), ("```{r}\n", "\n```\n"), ("> ", ""), ("- ", ""),
         ("<group>", "</group>"), ("<macro name=\"m\"><text macro=\"m\"/>", "</macro>"), ('{"a": [', "]}"),
         ("{{< include ", " >}}"), ("\\newcommand{\\x}{\\x\\x ", "}"))

#: Code point ranges a random snippet draws from: ASCII, controls, Latin and other scripts, the
#: rest of the BMP and astral planes (no surrogates: they cannot be written as UTF-8).
_RANGES = ((0x20, 0x7E), (0x20, 0x7E), (0x00, 0x1F), (0xA0, 0x24F), (0x250, 0xD7FF), (0xE000, 0xFFFD),
           (0x10000, 0x10FFFF))


def random_text(rng: random.Random, max_size: int = 40) -> str:
    """Up to ``max_size`` random characters from every part of Unicode."""
    out = []
    for _ in range(rng.randint(0, max_size)):
        lo, hi = rng.choice(_RANGES)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def _read(paths: list[Path]) -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8", errors="replace") for p in sorted(paths))


@cache
def seeds(kind: str) -> tuple[str, ...]:
    """The repository's own files of one kind, as seeds for mutation."""
    cases = ROOT / "tests" / "cases"
    own = Path(__file__).resolve().parent / "seeds"  # small valid documents of the forms tests/cases lacks
    if kind == "bib":
        found = _read([*cases.rglob("*.bib"), ROOT / "refs" / "bibliography.bib"])
    elif kind == "essay":
        found = _read([*cases.rglob("*.md"), ROOT / "refs" / "essay.md"])
    elif kind == "yaml":
        found = _read([*cases.rglob("*.yaml"), ROOT / "refs" / "claims.yaml"])
    elif kind == "csl":
        found = _read([own / "refs.json", own / "refs.yaml", *cases.rglob("manual-references.json")])
    elif kind in ("qmd", "Rmd"):
        found = _read([own / f"essay.{kind}"])
    elif kind == "tex":
        found = _read([own / "macros.tex", *cases.rglob("*.tex")])
    elif kind == "style":
        found = _read([own / "style.csl"])
    elif kind == "toml":
        found = _read([own / "litreview.toml", *cases.rglob("*.toml"), ROOT / "pyproject.toml"])
    elif kind == "refs":
        found = tuple(line for text in _read([*cases.rglob("*.txt")]) for line in text.splitlines() if len(line) > 30)
    else:
        raise ValueError(kind)
    return tuple(s for s in found if s.strip()) or ("",)


def mutate(rng: random.Random, pool: tuple[str, ...], max_ops: int = 6, max_len: int = 60_000,
           ops: tuple[str, ...] = OPS) -> str:
    """A seed with a few random edits: hostile pieces spliced in, spans cut, doubled, repeated or flooded
    (and with ``ops`` holding ``STRUCTURAL``, lines repeated, closers taken out, spans nested)."""
    text = rng.choice(pool)
    if len(text) > max_len:
        start = rng.randint(0, len(text) - max_len)
        text = text[start:start + max_len]
    for _ in range(rng.randint(0, max_ops)):
        op = rng.choice(ops)
        at = rng.randint(0, len(text))
        if op in STRUCTURAL:
            text = _restructure(rng, op, text, at)
        elif op == "insert":
            text = text[:at] + rng.choice(HOSTILE) + text[at:]
        elif op == "cut":
            text = text[:at] + text[at + rng.randint(0, 400):]
        elif op == "double":
            text = text[:at] + text[at:at + rng.randint(0, 400)] + text[at:]
        elif op == "random":
            text = text[:at] + random_text(rng) + text[at:]
        elif op == "repeat":
            text = text[:at] + rng.choice(HOSTILE) * rng.randint(2, 50) + text[at:]
        else:
            text = text[:at] + rng.choice(FLOOD) * rng.randint(100, 2_000) + text[at:]
    return text


def _restructure(rng: random.Random, op: str, text: str, at: int) -> str:
    if op == "lines":  # the line holding ``at`` (with its line break), 100-5,000 times
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end + 1
        times = min(rng.randint(100, 5_000), GROWTH // max(end - start, 1))
        return text[:start] + text[start:end] * times + text[end:]
    if op == "unclose":  # the first closer at or after ``at`` taken out
        closer = rng.choice(CLOSERS)
        found = text.find(closer, at)
        found = text.rfind(closer, 0, at) if found < 0 else found
        return text if found < 0 else text[:found] + text[found + len(closer):]
    opening, closing = rng.choice(PAIRS)  # nest: a span of up to 40 characters, 10-5,000 deep
    depth = min(rng.randint(10, 5_000), GROWTH // len(opening + closing))
    end = min(len(text), at + rng.randint(0, 40))
    return text[:at] + opening * depth + text[at:end] + closing * depth * (rng.random() < 0.7) + text[end:]


def random_json(rng: random.Random, leaves: int = 6) -> Any:
    """A small JSON value of any type: null, a boolean, a number, a string, or lists and objects of them."""
    if leaves <= 1 or rng.random() < 0.6:
        kind = rng.randrange(5)
        if kind == 0:
            return None
        if kind == 1:
            return rng.random() < 0.5
        if kind == 2:
            return rng.choice((0, -1, 1, 2**31, -(2**63), rng.randint(-10**6, 10**6)))
        if kind == 3:
            return rng.choice((0.0, -0.5, 1e308, rng.uniform(-1e6, 1e6)))
        return random_text(rng, 20)
    budget = rng.randint(1, min(3, leaves - 1))
    items = [random_json(rng, max(1, (leaves - 1) // budget)) for _ in range(budget)]
    if rng.random() < 0.5:
        return items
    return {random_text(rng, 8): v for v in items}


@cache
def seed_records() -> tuple[str, ...]:
    """The fake registry's records (as JSON text: each mutation starts from a fresh copy)."""
    paths = sorted((ROOT / "litreview" / "testing" / "records").glob("*.json"))
    return tuple(p.read_text(encoding="utf-8") for p in paths)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def mutate_record(rng: random.Random) -> tuple[str, str, dict[str, Any]]:
    """(format, agency, record): a registry record with 1-4 values replaced by JSON of another type."""
    seed = json.loads(rng.choice(seed_records()))
    record = seed["record"]
    replace_values(rng, record, rng.randint(1, 4))
    return seed["kind"], seed["agency"], record


def replace_values(rng: random.Random, data: Any, times: int) -> None:
    """Replace ``times`` values found anywhere in the JSON ``data`` (in place) by JSON of any type."""
    paths = [p for p in _paths(data) if p]
    for _ in range(times if paths else 0):
        path = rng.choice(paths)
        parent = data
        try:
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = random_json(rng)
        except (KeyError, IndexError, TypeError):
            continue
