"""Findings as text, JSON, GitHub workflow commands and SARIF 2.1.0.

Each formatter is a pure function from findings to a string or a JSON-ready dict; the
``check`` command chooses one and writes it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

from ..bibliography.csl import csl_form_of
from ..lazyre import lazy
from ..model import Finding
from ..text import escape_match, visible
from .catalogue import CATALOGUE, catalogue_json

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
_HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
_EXCERPT = 100
_SHARED_HINT = 3  # findings of one code with one hint from which the report prints the hint once
_SHOWN = 5  # findings of one code in one file the text report shows before it counts the others on one line

Styler = Callable[..., str]


def _plain_style(text: str, **_: Any) -> str:
    return text


def summary_line(summary: Mapping[str, Any]) -> str:
    """'2 errors, 5 warnings, 3 notes (1 suppressed)'."""
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    text = ", ".join([n(summary["errors"], "error"), n(summary["warnings"], "warning"),
                      n(summary["info"], "note")])
    if summary.get("suppressed"):
        text += f" ({summary['suppressed']} suppressed)"
    if summary.get("since"):
        point = f" ({branch_point(summary)})" if branch_point(summary) else ""
        text = f"new since {summary['since']}{point}: {text}; {fixed_count(summary)}"
    return text


def branch_point(summary: Mapping[str, Any]) -> str:
    """The commit checked as the base, 'branch point 1a2b3c4d5e6f' when it is not the ref's tip (the base branch
    moved on since the change left it); "" when the ref spells the commit already, or there was none."""
    since, base = str(summary.get("since") or ""), str(summary.get("base") or "")
    if not base or base.startswith(since):
        return ""
    return f"branch point {base[:12]}" if summary.get("branch_point") else base[:12]


def fixed_count(summary: Mapping[str, Any]) -> str:
    """'3 fixed', those now a finding of another code in the same place ('1 changed'), the base findings of a file
    that could not be read now (not fixed, not compared) and that file, and the findings older than the change,
    which a report of what it adds leaves out."""
    text = f"{summary.get('fixed') or 0} fixed"
    if summary.get("changed"):
        text += f", {summary['changed']} changed"  # a finding of another code in its place: not fixed
    why = []
    if summary.get("unreadable"):
        files = ", ".join(summary.get("unreadable") or ())
        why.append(f"{files} could not be read: no entry of {'it' if len(summary['unreadable']) == 1 else 'them'} "
                   "was compared with the base")
    if entries := summary.get("unreadable_entries"):
        named = ", ".join(f"{key!r} in {name}" for key, name in entries.items())
        one = len(entries) == 1
        why.append(f"the {'entry' if one else 'entries'} {named} could not be read: {'its' if one else 'their'} "
                   "findings were not compared with the base")
    if why and summary.get("not_compared"):
        text += f", {summary['not_compared']} not compared ({'; '.join(why)})"
    if summary.get("older"):
        text += f", {summary['older']} older not shown"
    if why and not summary.get("not_compared"):
        text += f"; {'; '.join(why)}"
    return text


def excerpt(text: str, limit: int = _EXCERPT) -> str:
    """The claim's text on one line, cut at a word boundary."""
    text = " ".join(visible(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + " …"


# What a log reader (Python's splitlines, the GitHub Actions runner) takes for the end of a line.
_LINE_BREAKS = lazy(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with its line breaks written as escapes (a key "a\\n::error::x" as ``a\\n::error::x``): a
    finding of the text report stays one line, and a CI log never reads a contributor's text as a
    workflow command (``::error``, ``::stop-commands``)."""
    return _LINE_BREAKS.sub(escape_match, visible(text))


def finding_name(f: Finding) -> str:
    """The name a finding is shown with: its code's, but for a syntax error (LR100) in a CSL file the format's
    ("csl-yaml-syntax"), which is no BibTeX syntax error; '' for a code not in the catalogue."""
    if f.code == "LR100" and (form := csl_form_of(f.file or "")):
        return f"csl-{form}-syntax"
    return CATALOGUE[f.code].name if f.code in CATALOGUE else ""


def render_text(findings: Sequence[Finding], summary: Mapping[str, Any], *,
                excerpts: Mapping[str, str] | None = None, style: Styler | None = None,
                fixable: Collection[tuple[str, str]] = ()) -> str:
    """Findings grouped by severity, then by file, each with ``file:line``, the claim and a hint (a hint
    three findings or more of one code share printed once, at the first of them). Of one code in one file,
    the first few are shown and one line counts the others, with what fixes them all when one thing does.

    ``style`` is ``click.style`` for colour on a terminal, or None for plain text; ``fixable`` holds the
    (entry key, code) pairs of the findings `sync --write` fixes.
    """
    style = style or _plain_style
    excerpts = excerpts or {}
    lines: list[str] = []
    for severity in ("error", "warning", "info"):
        every = [f for f in findings if f.severity == severity]
        if not every:
            continue
        # Dozens of findings of one code in one file (a pages field in one export's form throughout) drown the
        # report: past the first few of a code in a file, the others are counted on one line (JSON and SARIF keep
        # every finding).
        kept: dict[tuple[str | None, str], list[Finding]] = {}
        for f in every:
            kept.setdefault((f.file, f.code), []).append(f)
        rest = {k: v[_SHOWN:] for k, v in kept.items() if len(v) > _SHOWN + 1}
        last_shown = {id(v[_SHOWN - 1]): k for k, v in kept.items() if k in rest}
        hidden = {id(f) for v in rest.values() for f in v}
        group = [f for f in every if id(f) not in hidden]
        if lines:
            lines.append("")
        lines.append(style(f"{_HEADINGS[severity]} ({len(every)})", fg=_COLOURS[severity], bold=True))
        # A hint that many findings of one code share ("Run `litreview fetch` ...") is printed once, at the
        # first of them, saying so; a hint of its own ("Write pages = {361--370}") stays with its finding.
        shared = Counter((f.code, f.hint) for f in group if f.hint)
        hinted: set[tuple[str, str]] = set()
        current: str | None = None
        for f in group:
            if f.file != current:
                current = f.file
                lines.append("")
            where = f"{f.file}:{f.line}" if f.file and f.line else (f.file or "-")
            subject = one_line(f.key or f.claim_id or "")
            label = finding_name(f)
            head = f"{style(one_line(where), bold=True)}: {style(f.code, fg=_COLOURS[severity])} "
            head += f"[{subject}] " if subject else ""
            lines.append(head + one_line(f.message) + (style(f"  ({label})", dim=True) if label else ""))
            if f.claim_id and f.claim_id in excerpts:
                lines.append(f"    > {excerpt(excerpts[f.claim_id])}")
            if f.hint and (f.code, f.hint) not in hinted:
                many = shared[f.code, f.hint]
                if many >= _SHARED_HINT:
                    hinted.add((f.code, f.hint))
                # "and ... below": other findings of the code may have hints of their own.
                label = f"hint (and for the {many - 1} {f.code} below with this hint)" if many >= _SHARED_HINT else "hint"
                lines.append(style(f"    {label}: {one_line(f.hint)}", dim=True))
            if id(f) in last_shown:
                lines.append(style(_more_line(rest[last_shown[id(f)]], fixable, hinted), dim=True))
    if lines:
        lines.append("")
    if findings or summary.get("suppressed"):
        lines.append(summary_line(summary))
        for item in summary.get("suppressed_by") or ():
            if item.get("reason"):
                lines.append(style(f"  suppressed {item['code']} ({item['count']}): {one_line(item['reason'])}", dim=True))
    elif summary.get("since"):
        said = "; ".join(part for part in (branch_point(summary), fixed_count(summary)) if part)
        lines.append(f"No new problems since {summary['since']} ({said}).")
    else:
        lines.append(f"No problems found{checked_line(summary)}.")
    return "\n".join(lines) + "\n"


def checked_line(summary: Mapping[str, Any]) -> str:
    """' (12 entries; 96 claims, 55 citations checked)': what a clean report read ('' when the summary does not say),
    so that it is told from a report that read nothing."""
    checked = summary.get("checked")
    if not checked:
        return ""

    def n(count: int, one: str, many: str) -> str:
        return f"{count} {one if count == 1 else many}"

    essay = (f"; {n(checked['claims'], 'claim', 'claims')}, {n(checked['citations'], 'citation', 'citations')}"
             if checked["claims"] else "")
    return f" ({n(checked['entries'], 'entry', 'entries')}{essay} checked)"


def _more_line(more: Sequence[Finding], fixable: Collection[tuple[str, str]], said: Collection[tuple[str, str]]) -> str:
    """The line that counts the findings of one code in one file not shown, with the one fix for them all (or
    for those it fixes); ``said`` holds the (code, hint) pairs whose hint is printed above as shared."""
    code = more[0].code
    name = f" ({label})" if (label := finding_name(more[0])) else ""
    head = f"    ... and {len(more)} more {code}{name} in this file"
    hints = {f.hint for f in more}
    fixed = sum((f.key, code) in fixable for f in more)
    if fixed == len(more):
        return f"{head}: `litreview sync --write` makes each change (it asks first)"
    if len(hints) == 1 and more[0].hint:
        shared = "the hint above" if (code, more[0].hint) in said else f"the hint: {one_line(more[0].hint)}"
        return f"{head}, each with {shared}"
    listed = "`litreview check --format json` lists every one, with its hint"
    return f"{head}: `litreview sync --write` makes {fixed} of the changes; {listed}" if fixed else f"{head} ({listed})"


def to_json(findings: Iterable[Finding], summary: Mapping[str, Any]) -> dict[str, Any]:
    """``{"findings": [...], "summary": {...}}`` with absent values as null."""
    return {"findings": [f.to_json() for f in findings], "summary": dict(summary)}


def escape_data(text: str) -> str:
    """Escape a workflow command's message as the GitHub Actions runner expects (and its terminal controls, which
    the log viewer acts on, as ``visible`` writes them)."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a workflow command property (file, title): also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Iterable[Finding], summary: Mapping[str, Any] | None = None) -> str:
    """One ``::error file=…,line=…,title=…::message`` line per finding (info becomes notice).

    A pull request's summary (what it adds, fixes and suppresses), when given, comes first as a
    notice: GitHub shows only the first annotations of each level of a step on the pull request,
    so the counts say when the job's log holds more.
    """
    out = [f"::notice title=litreview check::{escape_data(summary_line(summary))}"] if summary else []
    for f in findings:
        props = []
        if f.file:
            props.append(f"file={escape_property(f.file)}")
            if f.line:
                props.append(f"line={f.line}")
        name = finding_name(f)
        props.append(f"title={escape_property(f'{f.code} {name}'.strip())}")
        subject = f"[{f.key or f.claim_id}] " if (f.key or f.claim_id) else ""
        message = subject + f.message + (f"\nhint: {f.hint}" if f.hint else "")
        out.append(f"::{_GITHUB_COMMAND[f.severity]} {','.join(props)}::{escape_data(message)}")
    return "\n".join(out) + ("\n" if out else "")


def render_github_stop(message: str, hint: str = "", file: str | None = None, line: int | None = None) -> str:
    """An ``::error`` line for a check that could not run (exit status 2), at its file when it has one."""
    props = [f"file={escape_property(file)}", *([f"line={line}"] if line else [])] if file else []
    props.append(f"title={escape_property('litreview check could not run')}")
    text = message + (f"\nhint: {hint}" if hint else "")
    return f"::error {','.join(props)}::{escape_data(text)}\n"


def fingerprint(f: Finding) -> str:
    """A stable identity that survives the finding moving to another line."""
    import hashlib  # machine formats only: the text report never loads it

    basis = "\x1f".join((f.code, f.key or "", f.claim_id or "", f.file or "", f.message))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def to_sarif(findings: Iterable[Finding], *, version: str = "", fallback_file: str | None = None,
             since: Mapping[str, Any] | None = None, provenance: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run; every catalogue code is a rule.

    ``fallback_file`` locates findings that have no file (code scanning wants a location). ``since``: the summary of
    ``check --since`` (its ``since``, ``base``, ``branch_point``, counts; ``since_revision``, the commit the ref names):
    the run's properties name the base and the branch point, and each result's ``baselineState`` is "new".
    ``provenance``: the working tree's ``versionControlDetails`` (``gitref.provenance``).
    """
    codes = list(CATALOGUE)
    rules = []
    for item in catalogue_json():
        rules.append({
            "id": item["code"],
            "name": item["name"],
            "shortDescription": {"text": item["description"]},
            "fullDescription": {"text": f"{item['area']}: {item['description']}"},
            "help": {"text": item["hint"]},
            "defaultConfiguration": {"level": _SARIF_LEVEL[item["severity"]]},
            "properties": {"tags": [item["area"]]},
        })
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message + (f"\nHint: {f.hint}" if f.hint else "")},
            "partialFingerprints": {"litreviewFinding/v1": fingerprint(f)},
        }
        if f.code in CATALOGUE:
            result["ruleIndex"] = codes.index(f.code)
        file = f.file or fallback_file
        if file:
            physical: dict[str, Any] = {"artifactLocation": {"uri": quote(file), "uriBaseId": "%SRCROOT%"}}
            if f.line and f.file:
                physical["region"] = {"startLine": f.line}
            result["locations"] = [{"physicalLocation": physical}]
        props = {k: v for k, v in (("key", f.key), ("claim_id", f.claim_id)) if v}
        if props:
            result["properties"] = props
        results.append(result)
    driver: dict[str, Any] = {"name": "litreview", "rules": rules}
    if version:
        driver["version"] = version
    run: dict[str, Any] = {"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}
    if provenance:
        run["versionControlProvenance"] = [dict(provenance)]
    if since:
        for result in results:
            result["baselineState"] = "new"  # what a report of the change shows: findings the base did not have
        run["properties"] = _since_properties(since)
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _since_properties(since: Mapping[str, Any]) -> dict[str, Any]:
    """The run's properties of a ``check --since`` report: the ref, the commit it names, the base checked (the branch
    point when the ref's branch moved on since the change left it), and what the summary counts besides."""
    props: dict[str, Any] = {"since": since.get("since"), "sinceRevision": since.get("since_revision") or None,
                             "baseRevision": since.get("base"), "baseIsBranchPoint": bool(since.get("branch_point")),
                             "fixed": since.get("fixed", 0), "changed": since.get("changed") or None,
                             "older": since.get("older", 0)}
    if since.get("unreadable") or since.get("unreadable_entries"):
        props.update(notCompared=since.get("not_compared", 0), unreadable=list(since.get("unreadable") or ()))
    if since.get("unreadable_entries"):
        props.update(unreadableEntries=dict(since["unreadable_entries"]))
    return {k: v for k, v in props.items() if v is not None}


def render_codes(style: Styler | None = None) -> str:
    """The catalogue as text, grouped by area: code, severity, name and description, then the hint."""
    style = style or _plain_style
    lines: list[str] = []
    current = ""
    for item in catalogue_json():
        if item["area"] != current:
            current = item["area"]
            if lines:
                lines.append("")
            lines.append(style(current, bold=True))
        sev = style(f"{item['severity']:<7}", fg=_COLOURS[item["severity"]])
        lines.append(f"  {style(item['code'], bold=True)}  {sev}  {item['name']}: {item['description']}")
        lines.append(style(f"                   {item['hint']}", dim=True))
    return "\n".join(lines) + "\n"


__all__ = ["escape_data", "escape_property", "fixed_count", "one_line", "render_codes", "render_github",
           "render_github_stop", "render_text", "summary_line", "to_json", "to_sarif"]
