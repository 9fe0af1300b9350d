"""Benchmark `litreview check`: start-up on the essay, and load + check of a 10,000-entry bibliography.

Run from the repository root: ``python bench/bench_check.py`` (``--entries N`` and
``--runs N`` to change the sizes). Baselines are measured in the same run:

1. ``litreview check`` on refs/ (essay, bibliography, claims, snapshot) against
   ``python -c "import litreview"``: targets under 1 s and at most 1.5x. Reported cold
   (no cache: the first run after a change, and ``--no-cache``) and warm (a repeated
   run, served from ``.litreview-cache/``; and a run whose report must be recomputed,
   e.g. in another format or the next day), in a copy of the project so that the
   project's own cache is left alone.
2. Loading and checking a synthetic bibliography (``synthetic_bib``: each book an ISBN of its own
   from a realistic pool) against pybtex's ``parse_file`` of the same file: target at most 1.5x.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _goals import goal  # noqa: E402

JOURNALS = ["Security Studies", "International Organization", "World Politics", "Journal of Peace Research",
            "European Journal of International Relations", "International Security"]
PUBLISHERS = ["Cambridge University Press", "Routledge", "Westview Press", "Hackett", "Lynne Rienner",
              "Oxford University Press", "Palgrave Macmillan"]
WORDS = ["power", "order", "anarchy", "security", "alliance", "norms", "institutions", "theory", "war", "peace",
         "cooperation", "state", "sovereignty", "diplomacy", "intelligence", "strategy", "deterrence", "identity",
         "culture", "regimes"]
FAMILIES = ["Holsti", "Waltz", "Keohane", "Nye", "Wendt", "Bull", "Müller", "O'Neil", "García", "Smith",
            "van der Veen", "Mearsheimer", "Finnemore", "Katzenstein", "Jervis"]


def wall(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def start_up(runs: int) -> None:
    """Section 1: check on a copy of the project, cold and warm, against the import baseline.

    The runs are interleaved, round by round, so that a busy machine slows every row alike;
    each round's order leaves the cache in the state the next row needs.
    """
    python = sys.executable
    check = [python, "-m", "litreview", "check", "--format", "json"]
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
        shutil.copytree(ROOT / "refs", project / "refs")
        cache = project / ".litreview-cache"
        on = {**os.environ, "LITREVIEW_NO_CACHE": "0"}  # "0" uses the cache even where CI is set
        off = {**os.environ, "LITREVIEW_NO_CACHE": "1"}
        rows: dict[str, list[float]] = {
            "python -c 'import litreview' (baseline)": [],
            "cold: first run (cache empty, then written)": [],
            "cold: --no-cache (LITREVIEW_NO_CACHE=1)": [],
            "warm: review cached, report recomputed": [],
            "warm: repeated run (report cached)": [],
        }
        times = list(rows.values())
        for _ in range(runs):
            times[0].append(wall([python, "-c", "import litreview"], project, on))
            shutil.rmtree(cache, ignore_errors=True)
            times[1].append(wall(check, project, on))
            times[2].append(wall(check, project, off))
            for path in cache.glob("report-*.json"):
                path.unlink()
            times[3].append(wall(check, project, on))
            times[4].append(wall(check, project, on))
    baseline = statistics.median(times[0])
    for name, values in rows.items():
        seconds = statistics.median(values)
        ratio = seconds / baseline
        verdict = "" if values is times[0] else ("ok" if ratio <= 1.5 and seconds < 1 else "OVER")
        print(f"   {name:<45} {seconds * 1000:7.0f} ms  {ratio:5.2f}x  {verdict}")
    print("   targets: under 1 s and at most 1.5x the baseline")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("   note: PYTHONDONTWRITEBYTECODE is set, so every run compiles litreview's modules from source"
              " (an installed package has .pyc files)")


def cpu(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """User + system CPU seconds of one child command (steadier than wall time on a shared machine)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def check_modules(project: Path, env: dict[str, str]) -> list[str]:
    """The modules ``litreview check`` imports on ``project``, in import order (``__main__`` left out, and
    the names some packages register without a module behind them, such as ``typing.io``)."""
    probe = ("import contextlib, io, json, sys\n"
             "from litreview.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    main(['check', '--format', 'json'])\n"
             "print(json.dumps([name for name, m in sys.modules.items() if getattr(m, '__spec__', None)\n"
             "                  and name != '__main__' and not name.endswith('.__main__')]))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=project, env=env, capture_output=True, text=True,
                          check=True)
    modules = json.loads(done.stdout.splitlines()[-1])
    # Each imports on its own too (a failure would make the floor look cheap).
    subprocess.run([sys.executable, "-c", "import " + ",".join(modules)], cwd=project, env=env, check=True,
                   capture_output=True)
    return modules


def cold_cpu(runs: int) -> None:
    """Cold ``check`` in CI (``CI=true``: no cache) and ``--help``, in CPU time, paired with their baselines.

    Also ``python -c pass``, the interpreter's own start-up, which every figure includes.
    """
    import shutil as _shutil

    python = sys.executable
    manubot = _shutil.which("manubot", path=str(Path(python).parent)) or _shutil.which("manubot")
    # The commands as a user types them: the console script beside this Python (``python -m``,
    # which adds runpy and ``__main__``, only when the script is not installed), like manubot's.
    script = _shutil.which("litreview", path=str(Path(python).parent))
    litreview = [script] if script else [python, "-m", "litreview"]
    commands = {
        "import": [python, "-c", "import litreview"],
        "check": [*litreview, "check", "--format", "json"],
        "help": [*litreview, "--help"],
        "command help": [*litreview, "check", "--help"],
        "pass": [python, "-c", "pass"],
    }
    if manubot:
        commands["manubot"] = [manubot, "cite", "--help"]
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
        shutil.copytree(ROOT / "refs", project / "refs")
        env = {**os.environ, "CI": "true", "PYTHONPATH": str(ROOT)}
        env.pop("LITREVIEW_NO_CACHE", None)
        subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "litreview")], check=False,
                       stdout=subprocess.DEVNULL)
        # The floor a check stands on: importing exactly the modules it imports, and nothing else.
        commands["check imports"] = [python, "-c", "import " + ",".join(check_modules(project, env))]
        times: dict[str, list[float]] = {name: [] for name in commands}
        for round_ in range(runs):  # alternating order: a slow spell weighs on every row alike
            for name in list(commands)[::-1 if round_ % 2 else 1]:
                times[name].append(cpu(commands[name], project, env))
    med = {name: statistics.median(v) for name, v in times.items()}
    ratios = [c / i for c, i in zip(times["check"], times["import"], strict=True)]
    print(f"   CPU time (user + system), median of {runs} interleaved runs, order alternating:")
    labels = {"import": 'python -c "import litreview"', "check": "litreview check, CI=true (cold, no cache)",
              "help": "litreview --help", "command help": "litreview check --help",
              "manubot": "manubot cite --help", "pass": 'python -c "pass"',
              "check imports": f"python -c \"import <{len(commands['check imports'][2].split(','))} check modules>\""}
    for name, seconds in med.items():
        print(f"     {labels[name]:<45} {seconds * 1000:7.0f} ms")
    floor = statistics.median(c / i for c, i in zip(times["check"], times["check imports"], strict=True))
    print(f"     cold check / importing the modules it imports: {floor:.2f}x (what reading, linking and "
          "checking add to the code they need)")
    goal("cold check on the essay (CI=true) / python -c 'import litreview'", statistics.median(ratios), 1.5,
         detail=f"CPU {med['check'] * 1000:.0f} ms vs {med['import'] * 1000:.0f} ms")
    goal("cold check on the essay (CI=true), CPU seconds", med["check"], 0.5, unit="s",
         detail=f"python -c pass: {med['pass'] * 1000:.0f} ms")
    if manubot:
        goal("litreview --help / manubot cite --help", statistics.median(
            h / m for h, m in zip(times["help"], times["manubot"], strict=True)), 1.0,
            detail=f"CPU {med['help'] * 1000:.0f} ms vs {med['manubot'] * 1000:.0f} ms")
    else:
        print("     manubot is not installed: litreview --help is not compared with manubot cite --help")


#: each publisher's ISBN groups and registrants (the prefixes their books print), taken up in order: a
#: registrant of six digits with its group leaves 1,000 title numbers, fewer than a large bibliography's
#: books of one small press, so those presses have more than one
ISBN_PREFIXES = {"Cambridge University Press": ("0-521",), "Routledge": ("0-415",), "Westview Press": ("0-8133",),
                 "Hackett": ("0-87220", "1-60384", "1-62466"), "Lynne Rienner": ("1-55587", "1-58826", "1-62637"),
                 "Oxford University Press": ("0-19",), "Palgrave Macmillan": ("0-333",)}
#: random draws for a free title number under one prefix before the free ones are listed and one is chosen
ISBN_DRAWS = 1_000


def _title_number(rnd: random.Random, publisher: str, used: dict[str, set[int]]) -> tuple[str, int, int]:
    """A prefix of ``publisher``, a title number under it not in ``used`` (added to it) and the number's width.

    The first prefix with a free number gives it: at most ``ISBN_DRAWS`` draws each, then a choice among the
    free ones, so that no pool, however full, makes the draws go on for ever."""
    prefixes = ISBN_PREFIXES[publisher]
    for prefix in prefixes:
        width = 9 - len(prefix.replace("-", ""))
        taken = used.setdefault(prefix, set())
        if len(taken) == 10 ** width:
            continue
        for _ in range(ISBN_DRAWS):
            number = rnd.randrange(10 ** width)
            if number not in taken:
                break
        else:
            number = rnd.choice(sorted(set(range(10 ** width)) - taken))
        taken.add(number)
        return prefix, number, width
    room = sum(10 ** (9 - len(p.replace("-", ""))) for p in prefixes)
    raise ValueError(f"synthetic ISBNs: {publisher}'s prefixes ({', '.join(prefixes)}) hold {room:,} books and "
                     "all are given; ask for fewer entries or give the publisher another prefix in ISBN_PREFIXES")


def synthetic_isbn(rnd: random.Random, publisher: str, year: int, used: dict[str, set[int]]) -> str:
    """A valid ISBN of ``publisher`` whose title number is not in ``used`` (prefix -> numbers given; added to
    it): ISBN-10 for a book of ``year`` before 2007, ISBN-13 from then on, hyphenated three times in four."""
    prefix, number, width = _title_number(rnd, publisher, used)
    core = f"{prefix}-{number:0{width}d}"
    digits = core.replace("-", "")
    if year < 2007:
        total = sum((10 - i) * int(d) for i, d in enumerate(digits))
        check = "0123456789X"[(11 - total % 11) % 11]
        isbn = f"{core}-{check}"
    else:
        total = sum((3 if i % 2 else 1) * int(d) for i, d in enumerate("978" + digits))
        isbn = f"978-{core}-{(10 - total % 10) % 10}"
    return isbn if rnd.random() < 0.75 else isbn.replace("-", "")


def synthetic_bib(n: int, seed: int = 5) -> str:
    """Realistic entries (articles, books, chapters, web pages), a few with the defects checks look for.

    Every book gives an ISBN of its own from a realistic pool (``synthetic_isbn``): valid check digits, one of
    its publisher's registrant prefixes (the next once one's title numbers are all given), ISBN-10 before 2007
    and ISBN-13 after, hyphenated or not, as real entries give them; one book in 400 gives the ISBN of an earlier book of another title (the copied ISBN LR164
    reports), as a careless real bibliography might, not every book one ISBN."""
    rnd = random.Random(seed)
    isbn_rnd = random.Random(seed + 1)  # a stream of its own: every other field is what it was before the pool
    given_isbns: list[str] = []
    used: dict[str, set[int]] = {}
    out = []
    for i in range(n):
        family = rnd.choice(FAMILIES)
        given = rnd.choice(["K. J.", "Robert O.", "Alexander", "Martha", "R.j.", "Ann"])
        words = rnd.sample(WORDS, rnd.randint(3, 7))
        title = " ".join(w.capitalize() for w in words)
        if i % 97 == 0:
            title = title.upper()
        elif i % 89 == 0:
            title += ":"
        year = rnd.randint(1950, 2024)
        key = f"{family.split()[-1].lower().replace(chr(39), '')}{year}{words[0]}{i}"
        kind = i % 4
        fields = [("author", f"{family}, {given} and {rnd.choice(FAMILIES)}, {rnd.choice(['A.', 'B. C.'])}"),
                  ("title", title), ("year", str(year))]
        if kind == 0:
            fields += [("journal", rnd.choice(JOURNALS)), ("volume", str(rnd.randint(1, 60))),
                       ("number", str(rnd.randint(1, 4))), ("pages", f"{rnd.randint(1, 400)}--{rnd.randint(401, 900)}"),
                       ("doi", f"10.{rnd.randint(1000, 9999)}/{rnd.randint(10**6, 10**7)}")]
            entry_type = "article"
        elif kind == 1:
            publisher = rnd.choice(PUBLISHERS)
            if given_isbns and isbn_rnd.random() < 1 / 400:
                isbn = isbn_rnd.choice(given_isbns)
            else:
                isbn = synthetic_isbn(isbn_rnd, publisher, year, used)
                given_isbns.append(isbn)
            fields += [("publisher", publisher), ("address", "London"), ("isbn", isbn)]
            entry_type = "book"
        elif kind == 2:
            fields += [("booktitle", "Readings in " + rnd.choice(WORDS).capitalize()),
                       ("publisher", rnd.choice(PUBLISHERS)), ("pages", f"{rnd.randint(1, 99)}--{rnd.randint(100, 300)}")]
            entry_type = "incollection"
        else:
            fields += [("howpublished", "Legal Information Institute"),
                       ("url", f"https://www.example.org/{key}"), ("urldate", "2018-12-03")]
            entry_type = "online"
        width = max(len(f) for f, _ in fields)
        body = "\n".join(f"  {f.ljust(width)} = {{{v}}}," for f, v in fields)
        out.append(f"@{entry_type}{{{key},\n{body}\n}}\n")
    return "\n".join(out)


def stage_times() -> list[tuple[str, float]]:
    """Where `litreview check` spends its CPU time on the essay, stage by stage (one in-process run)."""
    out = []

    def timed(name, func):
        start = time.process_time()
        value = func()
        out.append((name, time.process_time() - start))
        return value

    import litreview.config as cfg

    config = cfg.load_config(ROOT)
    now = datetime.now(UTC)
    from litreview.bibliography.load import load_bibliography

    bib = timed("load the .bib (with pybtex)", lambda: load_bibliography(config.path("bibliography")))
    from litreview.essay import load_essay

    essay = timed("segment the essay", lambda: load_essay(config.path("essay")))
    from litreview.registry.snapshot import load_metadata

    meta = timed("read the snapshot", lambda: load_metadata(bib, config.path("metadata"), now=now,
                                                           stale_days=config.stale_days))
    from litreview.linking.curated import load_curated

    claims = config.path("claims")
    curated = timed("read the claims file", lambda: load_curated(claims) if claims.exists() else None)
    from litreview.linking import link

    linkage = timed("link claims to sources", lambda: link(essay, bib, curated, metadata=meta))
    from litreview.checks import check_review
    from litreview.model import Review

    timed("run the checks", lambda: check_review(Review(bib, essay, meta, linkage), config, now=now))
    return out


def best_of(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="fewer runs and entries (for bench/run_all.py --quick)")
    parser.add_argument("--cold-only", action="store_true", help="only the cold check and --help against their baselines")
    args = parser.parse_args()
    if args.cold_only:
        cold_cpu(args.runs)
        return 0
    if args.quick:
        args.entries, args.runs = min(args.entries, 2_000), min(args.runs, 3)

    print("1. litreview check --format json on the essay (refs/, with the snapshot); median wall time")
    start_up(args.runs)
    print("   cold check in CI and --help against their baselines:")
    cold_cpu(max(args.runs, 5))
    print("   stages of a cold run, in one process, CPU time (imports included):")
    for name, seconds in stage_times():
        print(f"     {name:<30} {seconds * 1000:7.0f} ms")

    from pybtex.database import parse_file

    from litreview.bibliography.load import load_bibliography
    from litreview.checks import check_review
    from litreview.config import Config
    from litreview.model import Review

    print(f"\n2. synthetic bibliography of {args.entries:,} entries")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.bib"
        path.write_text(synthetic_bib(args.entries), encoding="utf-8")
        now = datetime.now(UTC)
        config = Config(root=Path(tmp))
        result = {}

        def ours() -> None:
            bib = load_bibliography(path)
            result["findings"] = check_review(Review(bibliography=bib), config, now=now).findings

        runs = max(1, min(args.runs, 3))
        pybtex_time = best_of(lambda: parse_file(str(path), bib_format="bibtex"), runs)
        load_time = best_of(lambda: load_bibliography(path), runs)
        bib = load_bibliography(path)
        check_time = best_of(lambda: check_review(Review(bibliography=bib), config, now=now), runs)
        total = best_of(ours, runs)
    ratio = total / pybtex_time
    print(f"   pybtex parse_file              {pybtex_time:7.2f} s")
    print(f"   litreview load                 {load_time:7.2f} s")
    print(f"   litreview checks               {check_time:7.2f} s  ({len(result['findings']):,} findings)")
    print(f"   load + check                   {total:7.2f} s")
    print(f"   ratio {ratio:.2f}x (target <= 1.5x)  {'ok' if ratio <= 1.5 else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
