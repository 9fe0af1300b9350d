"""Write every reading of the reference parser to JSON, to check that a change keeps them byte for byte.

Run from the repository root:  python bench/dump_refparse.py OUT.json [--shared PATH]
then, after the change, again into another file and compare the two (``cmp a.json b.json``).

Dumped: every field of ``parse_reference`` (with its confidence map, span evidence and rival
labels) for the dev 250 strings, the 115 Chicago strings and the anystyle training strings, and of
``parse_references`` for the seed essay's reference list.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_refparse import anystyle_rows, chicago_full_rows, training_rows  # noqa: E402

from litreview.bibliography.refparse import find_reference_section, parse_reference, parse_references  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the JSON file to write")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding corpus/ and seed/ [default: ../shared beside the repository]")
    args = parser.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"error: no corpus folder under {args.shared} (use --shared)", file=sys.stderr)
        return 2
    out = {"dev": [dataclasses.asdict(parse_reference(raw)) for raw, _ in anystyle_rows(args.shared)],
           "chicago": [dataclasses.asdict(parse_reference(raw)) for raw, _ in chicago_full_rows(args.shared)],
           "train": [dataclasses.asdict(parse_reference(raw)) for raw, _ in training_rows(args.shared)]}
    essay = args.shared / "seed" / "essay.txt"
    if essay.is_file():
        strings, _ = find_reference_section(essay.read_text(encoding="utf-8"))
        out["essay"] = [dataclasses.asdict(r) for r in parse_references(strings)]
    args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False, sort_keys=True, default=repr) + "\n",
                        encoding="utf-8")
    print(", ".join(f"{k} {len(v)}" for k, v in out.items()) + f" readings written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
