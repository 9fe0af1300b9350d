"""How the title-search match rule (litreview/registry/matching.py) fares on recorded registry answers.

Material: the real recorded responses under ../shared/fixtures/registries/ and ../shared/fixtures/crossref/
(works of other projects' tests, none of them the essay's), and the essay's bibliography (refs/bibliography.bib).

Three figures:
1. the essay's sources without a DOI: which registries the fetch would ask (by identifier or by title), and how
   many of them any recorded answer could verify (a recorded record passing the rule);
2. cross-registry pairs: every recorded record, written as an entry (title, first author, year), searched for
   among every other registry's recorded records; a pass is right when both carry the same DOI or arXiv id;
3. the recorded title-search answers, each asked for the title its request searched (the intended work is the
   one whose title it is, when the answer holds it).

    python bench/eval_registry_match.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.bibliography.load import load_bibliography  # noqa: E402
from litreview.model import RegistryRecord  # noqa: E402
from litreview.registry.handlers import by_name  # noqa: E402
from litreview.registry.lookups import questions  # noqa: E402
from litreview.registry.matching import Query, best_match, parse_query, title_match  # noqa: E402


def recorded_records(shared: Path) -> list[tuple[str, str, RegistryRecord]]:
    """(registry, file, record) for every recorded work the handlers parse."""
    from litreview.registry.handlers.arxiv import entries
    from litreview.registry.parse import parse_record

    reg = shared / "fixtures" / "registries"
    out: list[tuple[str, str, RegistryRecord]] = []

    def add(name: str, path: Path, raw: object, fmt: str | None = None) -> None:
        if isinstance(raw, dict):
            try:
                record = parse_record(fmt, raw, name) if fmt else by_name(name).parse(by_name(name).formats[0], raw)
            except (ValueError, KeyError, TypeError, AttributeError):  # a recording the handler does not read
                return
            if record.title:
                out.append((name, path.name, record))

    for path in sorted((reg / "openalex").glob("*.json")):
        if path.name.endswith(".meta.json"):
            continue
        data = json.loads(path.read_bytes())
        for work in data.get("results", [data]):
            add("openalex", path, work)
    for path in sorted((reg / "semanticscholar").glob("*.json")):
        if path.name.endswith(".meta.json"):
            continue
        data = json.loads(path.read_bytes())
        items = data if isinstance(data, list) else data.get("data", [data])
        for paper in items:
            if isinstance(paper, dict) and paper.get("authors"):
                add("semanticscholar", path, paper)
    dblp = json.loads((reg / "dblp" / "search-publ-api-json-h1.json").read_bytes())
    for hit in dblp["result"]["hits"]["hit"]:
        add("dblp", reg / "dblp" / "search-publ-api-json-h1.json", hit["info"])
    for path in sorted((reg / "arxiv").glob("*.xml")):
        try:
            for entry in entries(path.read_bytes())[1]:
                add("arxiv", path, entry)
        except ValueError:
            pass
    for path in sorted((reg / "googlebooks").glob("*.json")):
        if not path.name.endswith(".meta.json"):
            add("googlebooks", path, json.loads(path.read_bytes()))
    ol = reg / "openlibrary" / "api-books-jscmd-data-ISBN-9780262033848.json"
    for book in json.loads(ol.read_bytes()).values():
        add("openlibrary", ol, book)
    for folder in (reg / "crossref", shared / "fixtures" / "crossref"):
        for path in sorted(folder.glob("works*.json")):
            if path.name.endswith(".meta.json"):
                continue
            message = json.loads(path.read_bytes()).get("message", {})
            for item in message.get("items", [message]) if isinstance(message, dict) else ():
                add("crossref", path, item, fmt="crossref")
    return out


def same_work(a: RegistryRecord, b: RegistryRecord) -> bool:
    ids = lambda r: {r.doi.lower()} - {""} | {f"arxiv:{r.ids['arxiv']}"} if r.ids.get("arxiv") else {r.doi.lower()} - {""}  # noqa: E731
    return bool(ids(a) & ids(b))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    if not (args.shared / "fixtures" / "registries").is_dir():
        print(f"no recordings at {args.shared}/fixtures/registries: nothing to measure")
        return 2
    records = recorded_records(args.shared)
    by_registry = Counter(name for name, _, _ in records)
    print(f"recorded works parsed: {len(records)} ({', '.join(f'{k} {v}' for k, v in sorted(by_registry.items()))})")

    # 1. The essay's sources without a DOI.
    bib = load_bibliography(ROOT / "refs" / "bibliography.bib")
    no_doi = [s for s in bib.sources if not s.doi.strip()]
    asked: Counter[str] = Counter()
    verified: Counter[str] = Counter()
    unasked = []
    for source in no_doi:
        qs = questions(source)
        if not qs:
            unasked.append(source.key)
        for registry, ident in qs:
            asked[registry] += 1
            pool = [r for name, _, r in records if name == registry]
            if ":" in ident and ident.split(":", 1)[0] in ("title", "paper-title", "work-title"):
                hit = best_match(parse_query(ident), ((r.title, r) for r in pool))
            else:
                hit = next((r for r in pool if ident.split(":", 1)[1] in r.ids.values()), None)
            verified[registry] += hit is not None
    print(f"\n1. essay sources without a DOI: {len(no_doi)} of {len(bib.sources)}; "
          f"asked of no registry: {len(unasked)} ({', '.join(unasked)})")
    for registry in sorted(asked):
        print(f"   {registry:16} asked about {asked[registry]:2} sources; verifiable from the recordings: "
              f"{verified[registry]}")

    # 2. Cross-registry pairs.
    passes = right = truth = 0
    wrong = []
    for name_a, file_a, a in records:
        if not (a.authors and a.year):
            continue
        query = Query(a.title + (f": {a.subtitle}" if a.subtitle else ""), a.authors[0].family, a.year)
        for name_b, file_b, b in records:
            if name_b == name_a:
                continue
            same = same_work(a, b)
            truth += same
            if title_match(query, b) is not None:
                passes += 1
                right += same
                if not same:
                    wrong.append(f"{name_a}/{file_a} -> {name_b}/{file_b}: {a.title!r} vs {b.title!r}")
    print(f"\n2. cross-registry pairs: {passes} passes, {right} of them the same work (same DOI or arXiv id); "
          f"{truth} pairs are the same work")
    print(f"   precision {right}/{passes}; recall {right}/{truth}")
    for line in wrong:
        print(f"   wrong: {line}")

    # 3. Recorded title-search answers, asked for their own title.
    reg = args.shared / "fixtures" / "registries"
    cases = [("openalex", "openalex/works-filter-title-search.json"),
             ("openalex", "openalex/works-filter-title-search-2.json"),
             ("semanticscholar", "semanticscholar/search-match-title.json"),
             ("crossref", "crossref/works-query-title-rows1.json")]
    print("\n3. recorded title searches, asked for the title each request searched:")
    for _registry, rel in cases:
        meta = json.loads((reg / rel.replace(".json", ".meta.json")).read_bytes())
        params = parse_qs(urlsplit(meta["request"]["uri"]).query)
        title = (params.get("query") or params.get("query.title") or [""])[0] or \
            params["filter"][0].removeprefix("title.search:")
        pool = [r for name, f, r in records if f == Path(rel).name]
        holder = next((r for r in pool if title_match(Query(title, r.authors[0].family if r.authors else "x",
                                                              r.year), r)), None)
        family = holder.authors[0].family if holder and holder.authors else (pool[0].authors[0].family
                                                                             if pool and pool[0].authors else "x")
        year = holder.year if holder else (pool[0].year if pool else None)
        got = best_match(Query(title, family, year), ((r, r) for r in pool))
        print(f"   {rel}: {len(pool)} results; the searched title is {'in' if holder else 'NOT in'} the answer; "
              f"rule takes: {got[0].title if got else None!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
