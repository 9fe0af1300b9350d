"""Benchmark essay reading: `litreview check` on a synthetic 10,000-claim Markdown essay.

Run from the repository root: ``python bench/bench_essay.py`` (``--claims N``, ``--runs N``).
The essay has pandoc citations in paragraphs, list items, a table and footnotes, code spans
and math; the bibliography has 400 entries. Target: at most 1.5x the time of the reference
build, given with ``--against DIR`` (a checkout of an earlier litreview, e.g. ``git archive
main | tar -x -C /tmp/lr-main``), run on the same files in the same session, interleaved.
Without ``--against`` the script prints this tree's time alone.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from _goals import goal  # noqa: E402
from bench_check import synthetic_bib  # noqa: E402

WORDS = [
    "power",
    "order",
    "anarchy",
    "security",
    "alliance",
    "norms",
    "institutions",
    "theory",
    "war",
    "peace",
    "cooperation",
    "state",
    "sovereignty",
    "diplomacy",
    "intelligence",
    "strategy",
    "deterrence",
    "identity",
    "culture",
    "regimes",
    "balance",
    "threat",
]


def synthetic_essay(claims: int, keys: list[str], seed: int = 7) -> str:
    """Paragraphs of five sentences; every third sentence cites one or two keys."""
    rnd = random.Random(seed)
    out = ["---\ntitle: A synthetic essay\nnocite: |\n  @" + keys[-1] + "\n---\n"]
    made = 0
    n = 0
    while made < claims:
        n += 1
        sentences = []
        for i in range(5):
            words = rnd.sample(WORDS, rnd.randint(8, 14))
            sentence = " ".join(words).capitalize()
            if i % 3 == 0:
                cited = rnd.sample(keys, rnd.randint(1, 2))
                sentence += " [" + "; ".join(f"@{k}" for k in cited) + ", p. 4]"
            elif n % 7 == 0 and i == 1:
                sentence += " with `code @decorator` and $x@y$ inline"
            sentences.append(sentence + ".")
        made += 5
        if n % 50 == 0:
            out.append("| a | b |\n|---|---|\n| " + sentences[0] + " | " + sentences[1] + " |\n")
            out.append(" ".join(sentences[2:]) + "\n")
        elif n % 13 == 0:
            out.append("\n".join("* " + s for s in sentences) + "\n")
        else:
            out.append(" ".join(sentences) + "\n")
    return "\n".join(out)


def manubot_review(citations: int, seed: int = 11) -> tuple[int, int, float]:
    """A Manubot content/ folder citing ``citations`` distinct DOIs (some through tags): read and linked
    in one process; returns (claims, sources, seconds)."""
    from litreview.essay import load_essay
    from litreview.essay.manubot import manuscript_sources
    from litreview.linking import link

    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        content.mkdir()
        ids = [f"doi:10.{1000 + n % 900}/review.{n}" for n in range(citations)]
        tags = {f"t{n}": ids[n] for n in range(0, citations, 10)}
        (content / "citation-tags.tsv").write_text(
            "tag\tcitation\n" + "".join(f"{t}\t{i}\n" for t, i in tags.items()), encoding="utf-8")
        per_file = citations // 8 + 1
        for f in range(8):
            lines = [f"## Section {f}\n"]
            for n in range(f * per_file, min(citations, (f + 1) * per_file)):
                words = " ".join(rnd.sample(WORDS, 10)).capitalize()
                key = f"tag:t{n}" if n % 10 == 0 else ids[n]
                lines.append(f"{words} [@{key}; @{ids[rnd.randrange(citations)]}].")
            (content / f"{f:02d}.section.md").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        start = time.perf_counter()
        essay = load_essay(content)
        bib = manuscript_sources(essay)
        link(essay, bib, None, metadata={})
        return len(essay.claims), len(bib.sources), time.perf_counter() - start


SPLIT_RUN = """
import sys, time
from litreview.essay import load_essay, segment
import litreview.essay.latex, litreview.essay.markdown
if {reference!r}:
    plain = segment.sentences
    def pysbd_whole(body, start, end):
        return plain(body, start, end, reference=True)
    litreview.essay.markdown.sentences = litreview.essay.latex.sentences = pysbd_whole
start = time.process_time()
essay = load_essay({path!r})
print(time.process_time() - start)
print([(c.id, c.start, c.end, c.line) for c in essay.claims])
"""


def documents() -> list[tuple[str, Path]]:
    """The essay (refs/) and the corpus manuscripts (dev set) when ../shared is there."""
    import json

    docs = [("refs/essay.md", ROOT / "refs" / "essay.md")]
    corpus = ROOT.parent / "shared" / "corpus" / "manuscripts"
    if corpus.is_dir():
        for folder in sorted(p for p in corpus.iterdir() if (p / "SOURCE.json").exists()):
            source = json.loads((folder / "SOURCE.json").read_text(encoding="utf-8"))
            first = source["docs"][0]
            docs.append((folder.name, folder / Path(first).parent if source.get("manubot") else folder / first))
    return docs


def splitting(runs: int) -> bool:
    """Reading each document with the rule splitter and with pysbd on every paragraph, in fresh processes:
    CPU of ``load_essay`` (pysbd's import and first-call set-up included) and the claims each gives."""
    import ast

    def child(path: Path, reference: bool) -> tuple[float, list]:
        out = subprocess.run([sys.executable, "-c", SPLIT_RUN.format(reference=reference, path=str(path))],
                             capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        seconds, claims = out.stdout.splitlines()[-2:]
        return float(seconds), ast.literal_eval(claims)

    print(f"sentence splitting: load_essay CPU in a fresh process, paired medians ({runs} runs on the essay, "
          f"{max(1, runs // 3)} on each manuscript), rule vs pysbd on every paragraph; claims (id, span, line) compared")
    print(f"   {'document':<30} {'claims':>7} {'pysbd ms':>9} {'rule ms':>8} {'ratio':>6}  same claims")
    differ = 0
    essay_ratio = 0.0
    for name, path in documents():
        rule_t, pysbd_t = [], []
        for _ in range(runs if name == "refs/essay.md" else max(1, runs // 3)):
            seconds, rule_claims = child(path, False)
            rule_t.append(seconds)
            seconds, pysbd_claims = child(path, True)
            pysbd_t.append(seconds)
        same = rule_claims == pysbd_claims
        differ += 0 if same else sum(a != b for a, b in zip(rule_claims, pysbd_claims, strict=False)) + abs(
            len(rule_claims) - len(pysbd_claims))
        rule_s, pysbd_s = statistics.median(rule_t), statistics.median(pysbd_t)
        ratio = rule_s / pysbd_s
        if name == "refs/essay.md":
            essay_ratio = ratio
        print(f"   {name:<30} {len(rule_claims):>7} {pysbd_s * 1000:>9.0f} {rule_s * 1000:>8.0f} {ratio:>6.2f}  "
              f"{'yes' if same else 'NO'}")
    ok = goal("sentence splitting: claims that differ from pysbd's (essay + dev manuscripts)", differ, 0,
              unit="claims")
    goal("reading the essay: rule splitter / pysbd on every paragraph (CPU)", essay_ratio, 0.5,
         detail="load_essay in a fresh process, pysbd's set-up included")
    return ok


def one_run(python: str, env: dict[str, str], args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [python, "-m", "litreview", "check", *args, "--format", "json"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"check failed (exit {done.returncode}): {done.stderr[-400:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, default=None, help="a checkout of the reference build")
    parser.add_argument("--quick", action="store_true", help="2,000 claims, one run")
    args = parser.parse_args()
    if args.quick:
        args.claims, args.runs = 2_000, 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bib = synthetic_bib(400)
        keys = [line.split("{", 1)[1].rstrip(",") for line in bib.splitlines() if line.startswith("@")]
        (folder / "refs.bib").write_text(bib, encoding="utf-8")
        (folder / "essay.md").write_text(synthetic_essay(args.claims, keys[:300]), encoding="utf-8")
        common = ["--essay", "essay.md", "--bib", "refs.bib", "--claims", "", "--metadata-dir", "meta"]
        env = {**os.environ, "LITREVIEW_NO_CACHE": "1"}
        builds = {"this tree": dict(env, PYTHONPATH=str(ROOT))}
        if args.against is not None:
            builds = {"reference": dict(env, PYTHONPATH=str(args.against.resolve())), **builds}
        times: dict[str, list[float]] = {name: [] for name in builds}
        for _ in range(args.runs):
            for name, build_env in builds.items():
                times[name].append(one_run(sys.executable, build_env, common, folder))
        print(f"litreview check on a {args.claims:,}-claim Markdown essay, 400 entries; median of {args.runs}")
        base = statistics.median(times["reference"]) if "reference" in times else None
        for name, values in times.items():
            seconds = statistics.median(values)
            ratio = f"{seconds / base:5.2f}x" if base else ""
            verdict = "" if name == "reference" or base is None else ("ok" if seconds <= 1.5 * base else "OVER")
            print(f"   {name:<12} {seconds:7.2f} s  {ratio}  {verdict}")
        if base:
            print("   target: this tree at most 1.5x the reference")
    same = splitting(5 if args.quick else 9)
    claims, sources, seconds = manubot_review(850)
    print(f"a Manubot content/ folder citing 850 identifiers: {claims:,} claims, {sources} sources, read and "
          f"linked in {seconds:.2f} s (this tree, in one process)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
