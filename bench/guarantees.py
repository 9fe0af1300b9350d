"""The safety guarantees, measured by one command (figures for docs/guarantees.md).

Usage:
  python bench/guarantees.py            100 concurrent-writer trials, 300 kills, bombs, linear scans
  python bench/guarantees.py --quick    10 trials, 20 kills (a smoke run)
  python bench/guarantees.py --races N --kills N --only races,kills,bombs,linear
Real `python -m litreview` processes run against the fake registry on 127.0.0.1 (no
network). Races: half are two `add` at once, half two `links --accept` at once; a lost
update is a change a process reported as done (exit 0) that is missing from the file; a
stall is a process with no answer within --race-timeout (its state and Python stack are
printed, then it is killed).
Kills: SIGKILL at a uniformly random moment of `add` (four DOIs), `links --accept` or `fetch`
(the window is the length of an unkilled run, measured first); a partial file is one that
is neither the old content nor a complete new one (for fetch: a snapshot file that is not
complete JSON). Bombs: YAML
alias bombs and 100,000-deep documents, refusal time and peak memory in a fresh process.
Linear scans: CPU per KB of each formerly quadratic spot at two sizes, and their ratio.
The fuzz figures come from bench/fuzz.py (bench/results/fuzz.json), shown when present.
Exit 1 when a guarantee is broken.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

CASE = ROOT / "tests" / "cases" / "linking_prose"
DECISIONS = [("p1-s1", "holsti2004taming"), ("p2-s1", "wendt1992anarchy")]


def races(n: int, budget: float, timeout: float | None = None) -> dict[str, object]:
    from litreview.testing.fake_registry import FakeRegistry
    from litreview.testing.races import TRIAL_TIMEOUT, add_race, links_race

    limit = timeout or TRIAL_TIMEOUT
    out: dict[str, object] = {}
    with FakeRegistry(latency=0.2) as fake, tempfile.TemporaryDirectory() as tmp:
        for kind in ("add", "links"):
            lost = failed = stalled = 0
            started = time.perf_counter()
            done = 0
            for i in range(n // 2):
                if time.perf_counter() - started > budget / 2:
                    break
                done += 1
                folder = Path(tmp) / f"{kind}{i}"
                folder.mkdir()
                trial = (add_race(folder, fake.env(), timeout=limit) if kind == "add"
                         else links_race(folder, CASE, DECISIONS, timeout=limit))
                lost += trial.lost
                failed += any(trial.exits)
                stalled += trial.stalled
                if trial.lost or any(trial.exits):
                    # A stall's detail (process state and Python stack) is printed whole: it is the evidence.
                    detail = trial.detail if trial.stalled else trial.detail[:200]
                    print(f"  {kind} trial {i}: lost {trial.lost}, exits {trial.exits}: {detail}")
                if (i + 1) % 10 == 0:
                    print(f"  {kind}: {i + 1} trials, {lost} lost, {stalled} stalled so far", flush=True)
            out[kind] = {"trials": done, "lost_updates": lost, "refused_or_failed": failed,
                         "stalled": stalled, "trial_timeout_s": limit,
                         "seconds": round(time.perf_counter() - started, 1)}
            print(f"races {kind}: {done} trials, {lost} lost updates, {failed} trials with a non-zero exit, "
                  f"{stalled} processes with no answer within {limit:.0f} s", flush=True)
    return out


def kills(n: int, budget: float, seed: int = 14, jobs: int = 1) -> dict[str, object]:
    """SIGKILL at a uniformly random moment of a run (its length measured first), per command.

    With ``jobs`` > 1 that many trials run at once, each in its own folder; the window is
    measured with the same number of unkilled runs at once, so it matches the load.
    """
    from litreview.testing.fake_registry import FakeRegistry
    from litreview.testing.races import add_kill, fetch_kill, leftover_temps, links_kill

    rng = random.Random(seed)
    out: dict[str, object] = {}
    kinds = ("add", "links", "fetch")
    with FakeRegistry(latency=0.05) as fake, tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:

            def trial(folder: Path, within: float, kind: str = kind):
                if kind == "add":
                    return add_kill(folder, fake.env(), rng, within)
                if kind == "fetch":
                    return fetch_kill(folder, fake.env(), rng, within)
                return links_kill(folder, CASE, rng, *DECISIONS[0], within=within)

            started = time.perf_counter()

            def full(j: int, trial=trial, kind: str = kind) -> float:
                calibrate = Path(tmp) / f"{kind}-full{j}"
                calibrate.mkdir()
                began = time.perf_counter()
                trial(calibrate, 600.0)  # an unkilled run: how long the command takes here, now
                return time.perf_counter() - began

            with ThreadPoolExecutor(max_workers=jobs) as pool:
                within = max(pool.map(full, range(jobs))) * 1.1
            partial = replaced = temps = done = 0
            started = time.perf_counter()

            def one(i: int, trial=trial, started: float = started, within: float = within, kind: str = kind):
                # Each trial mostly waits (for its random moment, or for the process to start), so
                # several run at once; the budget is checked as each one starts.
                if time.perf_counter() - started > budget / len(kinds):
                    return None
                folder = Path(tmp) / f"{kind}{i}"
                folder.mkdir()
                return folder, trial(folder, within)

            with ThreadPoolExecutor(max_workers=jobs) as pool:
                for i, got in enumerate(pool.map(one, range(n // len(kinds)))):
                    if got is None:
                        continue
                    folder, t = got
                    done += 1
                    partial += t.partial
                    replaced += t.replaced
                    temps += len(leftover_temps(folder))
                    if t.partial:
                        print(f"  {kind} kill {i}: PARTIAL FILE: {t.detail[:200]}")
                    if done % 25 == 0:
                        print(f"  {kind}: {done} kills, {partial} partial so far", flush=True)
            out[kind] = {"kills": done, "window_s": round(within, 2), "partial_files": partial,
                         "new_version_complete": replaced, "old_version_intact": done - replaced - partial,
                         "temp_files_left": temps, "seconds": round(time.perf_counter() - started, 1),
                         "at_once": jobs}
            print(f"kills {kind}: {done} SIGKILLs at random in a {within:.1f} s window: {partial} partial files, "
                  f"{replaced} complete new versions, {done - replaced - partial} old versions intact, "
                  f"{temps} temporary files left (git-ignored, cleaned by the next write)", flush=True)
    return out


BOMB_CHILD = r"""
import json, resource, sys, time, tracemalloc
sys.path.insert(0, sys.argv[1])
from litreview.essay import parse_essay
from litreview.linking.curated import parse_curated
from litreview.bibliography.load import parse_bibliography
kind, text = sys.argv[2], sys.stdin.read()
def run(text):
    try:
        if kind == "claims":
            parse_curated(text, "refs/claims.yaml")
        elif kind == "bib":
            bib = parse_bibliography(text, "refs/bibliography.bib")
            said = [p.message for p in bib.problems if p.code == "LR100"]
            return ("finding: " + said[0]) if said else "accepted"
        else:
            parse_essay(text, "refs/essay.md")
        return "accepted"
    except Exception as exc:
        return type(exc).__name__ + ": " + str(exc).splitlines()[0]
run({"claims": "links: []\n", "bib": "@book{k, title={T}}\n"}.get(kind, "---\na: 1\n---\n\nA sentence.\n"))  # imports
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
wall, cpu = time.perf_counter(), time.process_time()
outcome = run(text)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
run(text)
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"seconds": cpu, "wall_seconds": wall, "peak_mb": peak / 1e6,
                  "rss_growth_mb": (after - before) / 1024, "outcome": outcome}))
"""


def _laughs(levels: int, width: int = 9) -> str:
    text = f"a: &a [{', '.join(['lol'] * width)}]\n"
    for i in range(1, levels):
        text += f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join([f'*{chr(96 + i)}'] * width)}]\n"
    return text


def bombs() -> dict[str, object]:
    cases = {
        "claims: billion laughs (10 levels x 9)": ("claims", _laughs(10)),
        "claims: 12 levels x 12 (10^13 nodes)": ("claims", _laughs(12, 12)),
        "front matter: 8 levels x 7": ("essay", "---\n" + _laughs(8, 7) + "---\n\nA sentence.\n"),
        "claims: 100,000-deep flow list": ("claims", "links: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        "claims: 1,000-deep block mapping": ("claims", "".join("  " * i + f"k{i}:\n" for i in range(1000)) + "  " * 1000
                                             + "x: 1\n"),
        "front matter: 100,000-deep flow list": ("essay", "---\nx: " + "[" * 100_000 + "]" * 100_000
                                                 + "\n---\n\nA sentence.\n"),
        "bib: @string doubling itself 40 times (1 TB)": ("bib", '@string{a = "xy"}\n' + "@string{a = a # a}\n" * 40
                                                         + "@book{k, title = a}\n"),
    }
    out = {}
    for name, (kind, text) in cases.items():
        proc = subprocess.run([sys.executable, "-c", BOMB_CHILD, str(ROOT), kind], input=text, text=True,
                              capture_output=True, timeout=120)
        try:
            result = json.loads(proc.stdout)
        except ValueError:
            result = {"outcome": f"child failed: {proc.stderr.strip().splitlines()[-1:]}", "seconds": None,
                      "peak_mb": None, "rss_growth_mb": None}
        result["bytes"] = len(text.encode())
        out[name] = result
        print(f"bomb {name}: {result['bytes']:,} bytes -> {result['outcome'][:70]}; "
              f"{(result['seconds'] or 0) * 1000:.1f} ms CPU ({(result.get('wall_seconds') or 0) * 1000:.1f} ms wall), "
              f"peak {result['peak_mb'] or 0:.2f} MB traced, "
              f"RSS +{result['rss_growth_mb'] or 0:.1f} MB", flush=True)
    return out


def _cpu(fn) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def linear() -> dict[str, object]:
    from litreview.bibliography.csl import parse_csl
    from litreview.bibliography.load import parse_bibliography
    from litreview.bibliography.names import family_first
    from litreview.bibliography.refparse import parse_reference
    from litreview.bibliography.refparse.joining import join_lines
    from litreview.bibliography.refparse.tail import sentence_end
    from litreview.checks.braced_people import people_in_literal
    from litreview.checks.required_hints import _cited_in_title
    from litreview.checks.style import _doubled
    from litreview.checks.style_names import _repeats
    from litreview.essay import conflict_notices, parse_essay
    from litreview.essay.cites import find_citations, in_suffix, math_spans
    from litreview.essay.manubot import load_manubot, manual_item_id
    from litreview.linking.attribution import find_attributions
    from litreview.linking.hits import Found
    from litreview.linking.index import build_index
    from litreview.linking.quotations import quoted
    from litreview.model import Claim, Person, TextQuoteSelector
    from litreview.render.sanitize import clean_abstract

    bib = parse_bibliography("@book{h, author={Holsti, K. J.}, title={Taming the Sovereigns}, year=2004}\n"
                             "@book{b, author={Bull, Hedley}, title={The Anarchical Society}, year=1977}\n", "b.bib")
    index = build_index(bib)

    def names(n: int) -> None:
        text = "Holsti and Bull and Mann, " * (n // 26) + "argue that."
        find_attributions([Claim("p1-s1", 1, 1, text, TextQuoteSelector(text), 1)], index, Found())

    def linked(n: int) -> None:
        from litreview.linking import link
        link(parse_essay("Holsti argues that " + "the state and " * (n // 14) + "acts alone.\n", "e.md"), bib)

    fresh = iter(range(10**9))  # decode_latex caches its answers: each run gets a text of its own

    def years_only(n: int) -> None:
        from litreview.linking import link
        sentence = "Holsti argues that " + "(2004) " * 600 + "it holds. "
        link(parse_essay(sentence * max(1, n // len(sentence)) + "\n", "e.md"), bib)

    def rendered_citations(n: int) -> None:
        from litreview.render.claim_text import readable
        claim = parse_essay("[@h][@b]" * (n // 8) + "\n", "e.md").claims[0]
        readable(claim.text, claim.citations, lambda c: "Holsti 2004")

    def latex_field(n: int) -> None:
        parse_bibliography("@book{k, title={\\'e" + "1" * n + str(next(fresh)) + "}}\n", "b.bib")

    def _quarto(text: str) -> None:
        from pathlib import Path

        from litreview.essay.quarto import load_quarto_file
        load_quarto_file(Path("r.qmd"), text)

    def _in_file(read, text: str, name: str = "01.md") -> None:
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / name).write_text(text, encoding="utf-8")
            read(Path(tmp) if read is load_manubot else Path(tmp) / name)

    def _manubot_jinja(n: int) -> None:
        _in_file(load_manubot, "Para [@doi:10.1/x].\n\n" + "{{" * (n // 2) + "\n")

    spots = {
        "bibliography/latex: one field of LaTeX (fuzz: 246 KB in 2.8 s, latexcodec per character)": (
            latex_field, 240_000),
        "bibliography/load: unclosed entries (148 KB: 84 s before)": (
            lambda n: parse_bibliography("@book{k, title={a}\n" * (n // 19), "b.bib"), 148_000),
        "bibliography/load: keyless entries (148 KB: 8 s before)": (
            lambda n: parse_bibliography("@book{, title={a}}\n" * (n // 19), "b.bib"), 148_000),
        "linking: one 100 KB sentence (every linker read it whole before)": (linked, 100_000),
        "linking/author_date: year-only citations filling each sentence of a paragraph (\"(2004) \" x 600 a sentence; "
        "25 KB: 10 s before)": (years_only, 48_000),
        "render/claim_text: a claim of back-to-back citations shown as text (\"[@a][@a]\" x 4,000: 2.4 s before)": (
            rendered_citations, 64_000),
        "checks/style _PERIOD_THEN_MARK (64 KB title: 41 s before)": (lambda n: _doubled("a" * n + ". b"), 64_000),
        "refparse_tail.sentence_end (48 KB reference: 13 s before)": (lambda n: sentence_end("J. " * (n // 3)), 48_000),
        "refparse/joining: lines of one long word (a 16,000-character line: 0.5 s before, \"a.a.…\" cubic)": (
            lambda n: join_lines(["Smith, J. 2001. A title.", "d’" * (n // 8) + ".", "Jones, K. 2002. Other",
                                  "a." * (n // 8), "é" * (n // 4), "Brown, L. 2003. Third."]), 256_000),
        "attribution._context_cue + listed (24 KB sentence: 3.8 s before)": (names, 24_000),
        "bibliography/csl: CSL-JSON items, each located (10,000 items, 1.2 MB: 37 s before)": (
            lambda n: parse_csl(json.dumps([{"id": f"k{i}", "type": "book", "title": "T", "page": "1-2"}
                                            for i in range(n // 60)], indent=1), "b.json"), 1_200_000),
        "essay/quarto: unclosed code chunks (1.4 MB: minutes before)": (
            lambda n: _quarto("Para [@a].\n\n" + "```{r fig.cap='x'}\n#| fig-cap: x\n" * (n // 34)), 400_000),
        "essay/markdown: fenced-div lines, blanked (1.2 MB: minutes before)": (
            lambda n: parse_essay("Para [@a].\n\n" + '::: {.callout-note title="x"}\n' * (n // 30) + "End.\n", "e.md"),
            400_000),
        "essay/manubot: Jinja2 openings never closed (40 KB line: 6 s before)": (_manubot_jinja, 400_000),
        "refparse/relabel_series: a long word of capitals after a proceedings' comma (20 KB: 13 s before)": (
            lambda n: parse_reference("Smith, J. (2020). A title. In Proceedings of the Big Conference, Lecture, "
                                      + "A" * n + " x, 1-2. Springer."), 400_000),
        "essay/manubot: a manual reference's note, braced fields never closed (100 KB: 65 s before)": (
            lambda n: manual_item_id({"note": "{:a: " * (n // 5) + "\nstandard_id: a" + " " * n + "b"}), 400_000),
        "essay: HTML comment openings never closed, merge conflicts sought (80 KB: 7 s before)": (
            lambda n: _in_file(conflict_notices, "<!--" * (n // 4) + "\n<<<<<<< a\nx\n=======\ny\n>>>>>>> b\n"),
            400_000),
        "render/sanitize: JATS titles never closed (96 KB: 3.6 s before)": (
            lambda n: clean_abstract("<jats:p>A.</jats:p>" + "<jats:title>" * (n // 12)), 400_000),
        "essay/cites: in-text citations of one sentence, each sought in a bracket (40 KB: 17 s before)": (
            lambda n: in_suffix(find_citations("Para " + "[@x]" * (n // 4) + " [@e, see @f].")), 400_000),
        "bibliography/names: initials glued to a long word (\"J.aaa…1\", 8 KB: 6.5 s before)": (
            lambda n: family_first("J." + "a" * n + "1, K. Segeth"), 400_000),
        "bibliography/csl: the id line of a broken CSL-YAML item (8 KB of spaces: 5.5 s before)": (
            lambda n: parse_csl("references:\n- id: a" + " " * n + "b#\n  title: \"x\n  note:\tx\n- id: c\n  title: U\n",
                                "r.yaml", yaml=True), 400_000),
        "checks/bib: a title read for its journal's citation (8 KB title: 4 s before)": (
            lambda n: _cited_in_title("A. B" * (n // 4)), 400_000),
        "checks/style_names: one person named again and again in an author list (\"A and A and …\", 10 KB: 12 s before)": (
            lambda n: _repeats((Person("Smith", "John"),) * (n // 16)), 400_000),
        "checks/style_names: one surname, a given name of its own for each person of an author list (\"Smith, Aaaa "
        "and Smith, Baaa and …\", 5,000 names: 100 s before)": (
            lambda n: _repeats(tuple(Person("Smith", "".join(chr(97 + i // 26**k % 26) for k in range(4)).title())
                                     for i in range(n // 16))), 80_000),
        "refparse/title_misread: a reference of thousands of authors, the names read as its title (48 KB: 1.9 s "
        "before)": (lambda n: parse_reference(", ".join(f"Author{i}, A." for i in range(n // 12))
                                              + ", & Last, Z. (2001). A paper. Journal, 1, 1-2."), 48_000),
        "checks/braced_people: a CSL name of people with a long run of spaces (20 KB: 10 s before)": (
            lambda n: people_in_literal("{Kane, Stephen" + " " * n + "x, Gelino, Dawn M.}"), 400_000),
        "essay/cites: TeX math with \\text{ groups never closed (\"$x\\text{ \" again and again, 90 KB: 20 s before)": (
            lambda n: math_spans("$x\\text{ " * (n // 9)), 400_000),
        "linking/quotations: opening quotation marks never closed (\"“a \" again and again, 60 KB: 3.7 s before)": (
            lambda n: list(quoted("“a " * (n // 3))), 400_000),
        "essay: one-line paragraph through pysbd (10 MB: > 15 min before)": (
            lambda n: parse_essay("The state is sovereign and acts alone in it. " * (n // 45), "e.md"), 200_000),
    }
    out = {}
    for name, (run, n) in spots.items():
        run(n // 16)
        small, large = _cpu(lambda run=run, n=n: run(n // 4)), _cpu(lambda run=run, n=n: run(n))
        out[name] = {"bytes": n, "cpu_s": round(large, 3), "ms_per_kb": round(large * 1000 / (n / 1024), 3),
                     "ratio_4x": round(large / max(small, 1e-6), 1)}
        print(f"linear {name}: {n // 1024} KB in {large:.3f} s CPU ({out[name]['ms_per_kb']} ms/KB); "
              f"4x the input -> {out[name]['ratio_4x']}x the time", flush=True)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--races", type=int, default=None)
    parser.add_argument("--kills", type=int, default=None)
    parser.add_argument("--kill-budget", type=float, default=3600.0, help="seconds for all kills (stops early)")
    parser.add_argument("--race-budget", type=float, default=3600.0, help="seconds for all races (stops early)")
    parser.add_argument("--race-timeout", type=float, default=None,
                        help="seconds a race trial's processes get before they count as stalled [default: 600]")
    parser.add_argument("--only", default="races,kills,bombs,linear")
    parser.add_argument("--jobs", type=int, default=4, help="kill trials run at once (each mostly waits)")
    parser.add_argument("--out", default=str(HERE / "results" / "guarantees.json"), help="figures (JSON) go here")
    args = parser.parse_args(argv)
    n_races = args.races or (10 if args.quick else 100)
    n_kills = args.kills or (20 if args.quick else 300)
    only = set(args.only.split(","))
    results: dict[str, object] = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    if "bombs" in only:
        results["bombs"] = bombs()
    if "linear" in only:
        results["linear"] = linear()
    if "races" in only:
        results["races"] = races(n_races, args.race_budget, args.race_timeout)
    if "kills" in only:
        results["kills"] = kills(n_kills, args.kill_budget, jobs=max(1, args.jobs))
    fuzz = HERE / "results" / "fuzz.json"
    if fuzz.exists():
        results["fuzz"] = json.loads(fuzz.read_text(encoding="utf-8"))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    kept = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    out.write_text(json.dumps({**kept, **results}, indent=1) + "\n", encoding="utf-8")  # --only keeps the rest
    broken = []
    for kind, r in (results.get("races") or {}).items():
        broken += [f"races {kind}: {r['lost_updates']} lost"] if r["lost_updates"] else []
        broken += [f"races {kind}: {r['stalled']} stalled"] if r.get("stalled") else []
    for kind, r in (results.get("kills") or {}).items():
        broken += [f"kills {kind}: {r['partial_files']} partial"] if r["partial_files"] else []
    for name, r in (results.get("bombs") or {}).items():
        if r["outcome"] == "accepted" or (r["seconds"] or 1) > 0.1 or (r["peak_mb"] or 99) > 50:
            broken.append(f"bomb {name}: {r['outcome'][:40]}, {r['seconds']} s, {r['peak_mb']} MB")
    for name, r in (results.get("linear") or {}).items():
        broken += [f"{name}: ratio {r['ratio_4x']}"] if r["ratio_4x"] > 8 else []
    print(f"\nwritten to {out}; " + ("all guarantees held" if not broken else
                                                       "BROKEN: " + "; ".join(broken)))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
