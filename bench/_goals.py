"""One line per goal of a benchmark, read back by ``run_all.py`` into its JSON and Markdown table.

A script calls ``goal(...)`` after printing its own figures; the line starts with ``GOAL `` and holds
JSON, so the table is built from what the scripts measured, never typed in by hand.
"""

from __future__ import annotations

import json

PREFIX = "GOAL "


def goal(name: str, value: float, target: float, *, unit: str = "x", detail: str = "",
         at_most: bool = True) -> bool:
    """Print the goal ``name`` (``value`` against ``target``; ``at_most`` when lower is better); True when met."""
    met = value <= target if at_most else value >= target
    print(PREFIX + json.dumps({"goal": name, "value": round(value, 4), "target": target, "unit": unit,
                               "at_most": at_most, "met": met, "detail": detail}, ensure_ascii=False), flush=True)
    return met


def read_goals(text: str) -> list[dict[str, object]]:
    """The goals printed in ``text`` (a script's standard output), in order."""
    return [json.loads(line[len(PREFIX):]) for line in text.splitlines() if line.startswith(PREFIX)]
