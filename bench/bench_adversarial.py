"""Adversarial but plausible manuscripts: every shape must cost about what ordinary prose of its size costs to read.

Run from the repository root: ``python bench/bench_adversarial.py`` (``--quick``: 10 KB and 100 KB only, the
reading stage only, both sizes in one process, each manuscript read three times; ``--only NAME,...`` some shapes;
``--sizes 10,100,1000`` in KB; ``--no-check``; ``--repeats N``).

Each shape is a Markdown or LaTeX manuscript made of one pattern repeated with prose around it (``^[`` footnote
openers never closed, ``@book{`` entries typed into prose, unclosed brackets, backticks, dollars, comments, fences,
words without spaces, lists and quotes nested deep, thousands of footnotes, ...), at 10 KB, 100 KB and 1 MB.
Each size is read in a fresh process: the reading stage (``load_essay``, as ``check`` reads the manuscript) and,
without ``--quick``, the whole ``litreview check`` (in that process, its start-up not counted), CPU time. Ordinary
prose of the shape's format and size is read in the same process, in turn with the shape, and each figure is the
median of ``--repeats`` readings: on a shared machine one reading of a shape and one of prose minutes apart differed
twofold from run to run. Two goals, for the reading stage:

1. linear: per-KB cost at the largest size within 2x of the per-KB cost at 10 KB, for every shape;
2. within 5x of ordinary prose per KB, at the largest size, for every shape.

A size that takes longer than ``--timeout`` seconds counts as over both goals.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _goals import goal  # noqa: E402

KB = 1024
PHRASE = ("the state acts alone in an anarchic system where sovereignty is contested and power balances "
          "shift as alliances form and dissolve over decades of rivalry")
WORDS = PHRASE.split(" ")
BIB = "".join(f"@book{{k{i}, author={{Author{i}, A.}}, title={{Title number {i}}}, year={{{2000 + i}}}}}\n"
              for i in range(20))


def _sentence(i: int) -> str:
    words = [WORDS[(i * 7 + j * 3) % len(WORDS)] for j in range(9 + i % 5)]
    return " ".join(words).capitalize()


def _prose(i: int, cite: Callable[[int], str]) -> str:
    """A paragraph of four sentences, the first citing ``cite``'s marker for its key."""
    return f"{_sentence(i)} {cite(i % 20)}. {_sentence(i + 1)}. {_sentence(i + 2)}. {_sentence(i + 3)}.\n\n"


def _fill(size: int, unit: Callable[[int], str], head: str = "", tail: str = "") -> str:
    """``head``, then ``unit(0)``, ``unit(1)``, ... up to ``size`` characters, then ``tail``."""
    parts, n, i = [head], len(head) + len(tail), 0
    while n < size:
        part = unit(i)
        parts.append(part)
        n += len(part)
        i += 1
    return "".join(parts) + tail


def _md(i: int) -> str:
    return _prose(i, lambda k: f"[@k{k}]")


def _tex(i: int) -> str:
    return _prose(i, lambda k: f"\\citep{{k{k}}}")


TEX_HEAD = "\\documentclass{article}\n\\begin{document}\n"
TEX_TAIL = "\\bibliography{refs}\n\\end{document}\n"


def _every(n: int, what: str, base: Callable[[int], str] = _md) -> Callable[[int], str]:
    """Prose paragraphs, ``what`` put into the middle of one sentence of each (``n`` times)."""
    def unit(i: int) -> str:
        text = base(i)
        cut = text.index(" ", len(text) // 2)
        return text[:cut] + " " + what * n + text[cut:]
    return unit


def _repeat(what: str, per_line: int = 0) -> Callable[[int], str]:
    """``what`` over and over, a newline after each ``per_line`` copies (none when 0)."""
    return lambda i: what + ("\n" if per_line and i % per_line == per_line - 1 else "")


def _nested_list(i: int) -> str:
    depth = i % 200
    return "  " * depth + f"- item {_sentence(i)} [@k{i % 20}]\n"


def _nested_quote(i: int) -> str:
    return ">" * (i % 200 + 1) + f" {_sentence(i)} [@k{i % 20}].\n"


def _footnotes(i: int) -> str:
    return f"{_sentence(i)}[^n{i}].\n\n[^n{i}]: {_sentence(i + 1)} [@k{i % 20}].\n\n"


def _inline_notes(i: int) -> str:
    return f"{_sentence(i)}^[{_sentence(i + 1)} [@k{i % 20}].] {_sentence(i + 2)}.\n\n"


def _macro_chain(i: int) -> str:
    """A definition of a macro using the one before, the first of them citing: a chain as long as the document."""
    def name(n: int) -> str:
        return "m" + "".join(chr(97 + n // 26**k % 26) for k in range(4))
    return f"\\newcommand{{\\{name(i + 1)}}}{{\\{name(i)} w}}\n"


# name: (suffix, unit, head, tail); the first of each suffix is its ordinary prose
SHAPES: dict[str, tuple[str, Callable[[int], str], str, str]] = {
    "md prose": (".md", _md, "", ""),
    "md ^[ unclosed": (".md", _every(30, "^["), "", ""),
    "md ^[ unclosed, one paragraph": (".md", _repeat("word ^["), "", ""),
    "md @book{ entries in prose": (".md", lambda i: f"@book{{k{i % 20}, title={{{_sentence(i)}}}, year=2001}}\n", "", ""),
    "md @book{ lines": (".md", _repeat("@book{\n"), "Para [@k1].\n\n", ""),
    "md @book{ in a sentence": (".md", _every(10, "@book{ "), "", ""),
    "md ^[ run": (".md", _repeat("^["), "Para [@k1].\n\n", "\n"),
    "md ^[ closed at the end": (".md", _repeat("^[a "), "Para [@k1].\n\n", "]\n"),
    "md [^ unclosed, notes defined": (".md", _repeat("a[^b"), "Para[^n].\n\n[^n]: A note [@k1].\n\n", "\n"),
    "md [ unclosed": (".md", _every(30, "["), "", ""),
    "md [ one paragraph": (".md", _repeat("word ["), "", ""),
    "md [@ unclosed": (".md", _every(30, "[@k1 "), "", ""),
    "md [@ one paragraph": (".md", _repeat("see [@k1 "), "", ""),
    "md @ bare": (".md", _every(30, "@k1 "), "", ""),
    "md @ alone": (".md", _repeat("word @ "), "", ""),
    "md { unclosed": (".md", _every(30, "{"), "", ""),
    "md \\cite{ unclosed": (".md", _every(20, "\\cite{k1 "), "", ""),
    "md backticks": (".md", _every(30, "`"), "", ""),
    "md backtick runs": (".md", _repeat("`` a ``` b ` ", 20), "", ""),
    "md $ unclosed": (".md", _every(30, "$x "), "", ""),
    "md $ one paragraph": (".md", _repeat("$x "), "", ""),
    "md <!-- unclosed": (".md", _every(20, "<!-- "), "", ""),
    "md ::: fences": (".md", lambda i: ":::\n" + _md(i), "", ""),
    "md long word": (".md", _repeat("abcdefghij"), "Para [@k1].\n\n", "\n"),
    "md long dotted word": (".md", _repeat("a.b,c;"), "Para [@k1].\n\n", "\n"),
    "md nested lists": (".md", _nested_list, "", ""),
    "md nested quotes": (".md", _nested_quote, "", ""),
    "md footnotes": (".md", _footnotes, "", ""),
    "md inline footnotes": (".md", _inline_notes, "", ""),
    "md links unclosed": (".md", _every(20, "[a]("), "", ""),
    "md emphasis": (".md", _every(30, "*_"), "", ""),
    "md html tags": (".md", _every(20, "<span "), "", ""),
    "tex prose": (".tex", _tex, TEX_HEAD, TEX_TAIL),
    "tex { unclosed": (".tex", _every(30, "{", _tex), TEX_HEAD, TEX_TAIL),
    "tex \\cite{ unclosed": (".tex", _every(20, "\\cite{k1 ", _tex), TEX_HEAD, TEX_TAIL),
    "tex \\cite{ one paragraph": (".tex", _repeat("see \\cite{k1,"), TEX_HEAD, TEX_TAIL),
    "tex $ unclosed": (".tex", _every(30, "$x ", _tex), TEX_HEAD, TEX_TAIL),
    "tex % comments": (".tex", _every(5, "% note\n", _tex), TEX_HEAD, TEX_TAIL),
    "tex \\begin{ unclosed": (".tex", _every(10, "\\begin{quote} ", _tex), TEX_HEAD, TEX_TAIL),
    "tex \\footnote{ nested": (".tex", _every(10, "\\footnote{", _tex), TEX_HEAD, TEX_TAIL),
    "tex [ unclosed": (".tex", _every(30, "[", _tex), TEX_HEAD, TEX_TAIL),
    "tex backslashes": (".tex", _every(30, "\\\\", _tex), TEX_HEAD, TEX_TAIL),
    "tex long word": (".tex", _repeat("abcdefghij"), TEX_HEAD + "Para \\cite{k1}.\n\n", "\n" + TEX_TAIL),
    "tex @book{ in prose": (".tex", _every(10, "@book{ ", _tex), TEX_HEAD, TEX_TAIL),
    "tex \\newcommand chain": (".tex", _macro_chain, "\\documentclass{article}\n\\newcommand{\\maaaa}{\\cite{k1}}\n",
                                "\\begin{document}\nPara \\maaaa.\n" + TEX_TAIL),
    "tex macros in prose": (".tex", _every(10, "\\Name{} ", _tex), "\\newcommand{\\Name}{dynoNet}\n" + TEX_HEAD,
                            TEX_TAIL),
}


def manuscript(name: str, size: int) -> tuple[str, str]:
    """(suffix, text) of the shape ``name`` at ``size`` characters."""
    suffix, unit, head, tail = SHAPES[name]
    return suffix, _fill(size, unit, head, tail)


CHILD = """
import os, sys, time, json
from pathlib import Path
sys.path.insert(0, {root!r})
folder = Path({folder!r})
os.chdir(folder)
warm = folder / {warm_name!r}  # the imports and set-up, paid once by any manuscript
if {stage!r} == "read":
    from litreview.essay import load_essay as run
else:
    from litreview.cli import main
    def run(path):
        main(["check", "--no-cache", "--essay", str(path), "--bib", "refs.bib", "--claims", "none.yaml",
              "--metadata-dir", "meta", "--format", "json", "--output", "out.json"])
run(warm)
for _ in range({repeats!r}):
    for name in {essays!r}:
        start = time.process_time()
        run(folder / name)
        print(name, time.process_time() - start, flush=True)
"""


def measure(name: str, sizes: list[int], stage: str, timeout: float,
            repeats: int = 1) -> tuple[list[float | None], list[float | None]]:
    """CPU seconds of ``stage`` (read: ``load_essay``; check: ``litreview check``) on the shape ``name`` at each of
    ``sizes`` characters, and on ordinary prose of its format at each size, in one fresh process (warmed on ordinary
    prose): the shape and the prose in turn, ``repeats`` times, the median of each (paired: the load of a shared
    machine weighs on both alike); None for a size not done within ``timeout`` (or failed)."""
    suffix = SHAPES[name][0]
    prose = f"{suffix[1:]} prose"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        essays = []
        for size in sizes:
            essays.append(f"essay{size}{suffix}")
            (folder / essays[-1]).write_text(manuscript(name, size)[1], encoding="utf-8")
            if name != prose:
                essays.append(f"prose{size}{suffix}")
                (folder / essays[-1]).write_text(manuscript(prose, size)[1], encoding="utf-8")
        (folder / "refs.bib").write_text(BIB, encoding="utf-8")
        warm = _fill(2 * KB, _tex if suffix == ".tex" else _md, *SHAPES[prose][2:])
        (folder / f"warm{suffix}").write_text(warm, encoding="utf-8")
        code = CHILD.format(root=str(ROOT), folder=tmp, warm_name=f"warm{suffix}", stage=stage, essays=essays,
                            repeats=repeats)
        try:
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  timeout=timeout * repeats, check=False)
            out, err = done.stdout, done.stderr if done.returncode else ""
        except subprocess.TimeoutExpired as over:
            out = over.stdout.decode() if isinstance(over.stdout, bytes) else (over.stdout or "")
            err = ""
    if err:
        print(f"  {name}, {stage}, failed: {err[-600:]}", flush=True)
    times: dict[str, list[float]] = {}
    for line in out.splitlines():
        essay, seconds = line.rsplit(" ", 1)
        times.setdefault(essay, []).append(float(seconds))

    def medians(kind: str) -> list[float | None]:
        got = [times.get(f"{kind}{size}{suffix}", []) for size in sizes]
        return [statistics.median(t) if len(t) == repeats else None for t in got]

    shape = medians("essay")
    return shape, (shape if name == prose else medians("prose"))


def _ms_per_kb(seconds: float | None, size: int) -> float | None:
    return None if seconds is None else 1000 * seconds / (size / KB)


def _show(value: float | None) -> str:
    return "  >limit" if value is None else f"{value:8.3f}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 KB and 100 KB, the reading stage only")
    parser.add_argument("--only", default="", help="comma-separated shape names (substrings)")
    parser.add_argument("--sizes", default="", help="comma-separated sizes in KB (default 10,100,1000)")
    parser.add_argument("--no-check", action="store_true", help="time the reading stage only")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--repeats", type=int, default=0,
                        help="times each manuscript is read in its process, the median taken (default: 3 with --quick, "
                             "else 1)")
    args = parser.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 1)
    sizes = [int(s) * KB for s in args.sizes.split(",") if s] or ([10 * KB, 100 * KB] if args.quick
                                                                     else [10 * KB, 100 * KB, 1000 * KB])
    check = not (args.quick or args.no_check)
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    names = [n for n in SHAPES if n in ("md prose", "tex prose") or not wanted or any(w in n for w in wanted)]
    figures: dict[str, dict[int, dict[str, float | None]]] = {}
    print(f"CPU ms per KB ({'reading' + (', check' if check else '')}), sizes {[s // KB for s in sizes]} KB",
          flush=True)
    for name in names:
        figures[name] = {}
        for size in sizes:
            figures[name][size] = {}
        for stage in ("read", "check") if check else ("read",):
            # --quick: every size in one process; else each size in a process of its own
            runs = [sizes] if args.quick else [[size] for size in sizes]
            measured = [measure(name, run, stage, args.timeout * len(run), repeats) for run in runs]
            seconds = [t for shape, _ in measured for t in shape]
            prose = [t for _, of_prose in measured for t in of_prose]
            for size, t, p in zip(sizes, seconds, prose, strict=True):
                figures[name][size][stage] = _ms_per_kb(t, size)
                figures[name][size][f"{stage} prose"] = _ms_per_kb(p, size)  # in the same process, in turn
        row = "  ".join(f"{s // KB}KB read {_show(figures[name][s]['read'])}"
                        + (f" check {_show(figures[name][s].get('check'))}" if check else "") for s in sizes)
        print(f"{name:34} {row}", flush=True)
    small, large = sizes[0], sizes[-1]
    stages = ("read", "check") if check else ("read",)
    worst = {stage: {"growth": (0.0, ""), "prose": (0.0, "")} for stage in stages}
    for name, by_size in figures.items():
        for stage in stages:
            prose = by_size[large][f"{stage} prose"]  # measured beside the shape, in its process
            a, b = by_size[small][stage], by_size[large][stage]
            growth = float("inf") if a is None or b is None else b / a
            versus = float("inf") if b is None or not prose else b / prose
            worst[stage]["growth"] = max(worst[stage]["growth"], (growth, name))
            worst[stage]["prose"] = max(worst[stage]["prose"], (versus, name))
            print(f"  {name:34} {stage:5}: {large // KB} KB / {small // KB} KB per KB {growth:6.2f}x; "
                  f"/ prose per KB {versus:6.2f}x", flush=True)
    if args.json:
        args.json.write_text(json.dumps({n: {str(s): v for s, v in f.items()} for n, f in figures.items()},
                                        indent=1) + "\n", encoding="utf-8")
    for stage in stages:
        what = "reading (load_essay)" if stage == "read" else "litreview check"
        growth, name = worst[stage]["growth"]
        goal(f"adversarial manuscripts, {what}: per KB at {large // KB} KB / at {small // KB} KB, worst shape",
             growth, 2.0, detail=f"{name}; {len(names)} shapes")
        versus, name = worst[stage]["prose"]
        goal(f"adversarial manuscripts, {what}: per KB / ordinary prose per KB at {large // KB} KB, worst shape",
             versus, 5.0, detail=name)
    return 0  # an unmet goal is a figure in the table, as in the other benchmarks, not a failed script


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
