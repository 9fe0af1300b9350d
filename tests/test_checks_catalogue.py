"""The code catalogue: complete, well-formed, and in step with the codes the checks emit."""

from __future__ import annotations

import re
from pathlib import Path

from litreview.checks.catalogue import AREAS, CATALOGUE, catalogue_json, finding

PACKAGE = Path(__file__).parents[1] / "litreview"
LOADER = ("load.py", "prescan.py", "several.py")
"""The loader's modules: the codes met while loading a .bib are emitted there."""


def test_codes_are_well_formed_and_unique() -> None:
    names = [c.name for c in CATALOGUE.values()]
    assert len(names) == len(set(names))
    for code, info in CATALOGUE.items():
        assert info.code == code
        assert re.fullmatch(r"LR[1-4]\d\d", code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", info.name)
        assert info.severity in ("error", "warning", "info")
        assert info.description.endswith(".") and info.hint.endswith(".")
        assert code[:3] in AREAS


def test_loader_codes_are_catalogued() -> None:
    source = "".join((PACKAGE / "bibliography" / name).read_text(encoding="utf-8") for name in LOADER)
    emitted = set(re.findall(r'code="(LR\d{3})"', source))
    assert emitted == {"LR100", "LR101", "LR102", "LR103", "LR104", "LR105", "LR108", "LR109", "LR155", "LR163"}
    assert emitted <= set(CATALOGUE)


def test_every_catalogued_code_is_emitted_somewhere_and_nothing_else() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "checks").glob("*.py")
                   if p.name != "catalogue.py")
    text += "".join((PACKAGE / "bibliography" / name).read_text(encoding="utf-8") for name in LOADER)
    emitted = set(re.findall(r'"(LR\d{3})"', text))
    assert emitted == set(CATALOGUE)


def test_finding_takes_severity_and_hint_from_the_catalogue() -> None:
    f = finding("LR110", "@book entry lacks author or editor", key="k", file="a.bib", line=3)
    assert (f.severity, f.hint) == ("error", CATALOGUE["LR110"].hint)
    assert finding("LR110", "m", hint="specific").hint == "Specific"  # hints read as sentences


def test_json_form_for_the_site() -> None:
    rows = catalogue_json()
    assert [r["code"] for r in rows] == list(CATALOGUE)
    assert rows[0] == {"code": "LR100", "name": "bibtex-syntax", "severity": "error",
                       "description": CATALOGUE["LR100"].description, "hint": CATALOGUE["LR100"].hint,
                       "area": "Bibliography"}
