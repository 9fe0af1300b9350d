"""`litreview links`: which claims rely on which sources, with evidence; accept or reject links."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import click

from ..errors import InputError
from ..model import LINK_KINDS, Bibliography, Claim, Essay, Link, Linkage, LinkKind
from ..text import of_total, plural, visible
from ._options import config_from, emit_csv, emit_json, format_option, input_options

EXAMPLES = """\b
Examples:
  litreview links                                  every link, with its evidence
  litreview links --source holsti2004taming        the claims that rely on one source
  litreview links --suggest                        suggestions waiting for a reviewer, best first
  litreview links --suggest --all-suggestions      also the less likely topical ones
  litreview links --format json | jq '.[] | select(.status == "confirmed")'
  litreview links --accept p3-s5 paul2004international --note "quotes its definition" --locator "p. 3"
  litreview links --reject p4-s3 keohane2012power
  litreview links --group p5-s2-3 --note "one argument"   sentences 2 and 3 of paragraph 5 as one claim
  litreview links --accept p5-s2-3 wendt1995anarchy       a link on a group (recorded with it if new)
  litreview links --reanchor p3-s5 paul2004international   where an orphaned link may belong now
  litreview links --reanchor p3-s5 paul2004international --to p3-s4   move it there

\b
Kinds of link, strongest evidence first:
""" + "\n".join(f"  {k.name:<12} {k.explains}" for k in LINK_KINDS) + "\n"


@click.command(epilog=EXAMPLES)
@input_options
@format_option("table", "json", "csv")
@click.option("--source", "source_key", metavar="KEY", default=None,
              help="Only the links to this entry.")
@click.option("--suggest", is_flag=True, help="Only suggested links (for review), most worth a look first; with none, says why.")
@click.option("--all-suggestions", is_flag=True,
              help="Also topical suggestions below the calibrated threshold (less likely to be right).")
@click.option("--accept", nargs=2, metavar="CLAIM KEY", default=None,
              help="Record that claim CLAIM relies on entry KEY (in the claims file).")
@click.option("--reject", nargs=2, metavar="CLAIM KEY", default=None,
              help="Record that claim CLAIM does not rely on entry KEY.")
@click.option("--group", "group", metavar="CLAIM", default=None,
              help="Record that consecutive sentences of a paragraph form one claim: p3-s5-7 is "
                   "sentences 5 to 7 of paragraph 3.")
@click.option("--reanchor", nargs=2, metavar="CLAIM KEY", default=None,
              help="An orphaned decision (its sentence edited away), by the claim and entry recorded: list the "
                   "claims it may belong on now, or with --to move it there.")
@click.option("--to", "to", metavar="CLAIM", default=None, help="With --reanchor: the claim to move it onto.")
@click.option("--note", default="", help="With --accept/--reject/--group: how the source supports the claim "
                                         "(or why it does not, or why the sentences form one). A decision "
                                         "changed drops the note and locator of the former one.")
@click.option("--locator", default="", help="With --accept: page or section, e.g. \"p. 3\".")
def command(fmt: str, source_key: str | None, suggest: bool, all_suggestions: bool, accept: tuple[str, str] | None,
            reject: tuple[str, str] | None, group: str | None, reanchor: tuple[str, str] | None, to: str | None,
            note: str, locator: str, **paths: str | None) -> int:
    """Show which claims of the essay rely on which sources.

    A claim is a sentence (p3-s6: paragraph 3, sentence 6) unless the claims
    file groups consecutive sentences of a paragraph into one (p3-s5-7:
    sentences 5 to 7); a group's links are those of its sentences, and it
    follows its sentences when the essay is edited, or is reported as orphaned.

    Each link has a kind (see "Kinds of link" below), a confidence from 0 to 1, a status (confirmed, suggested or
    rejected) and its evidence: the words of the sentence that support it.
    JSON and CSV give one row per link with exactly the keys claim_id,
    paragraph, sentence, text, source_key, kind, confidence, status, evidence
    (for a group, sentence is its first sentence and text all of them;
    paragraph is null for a claim in the front matter, abstract-s2).
    Decisions recorded with --accept, --reject and --group go to
    refs/claims.yaml and override what litreview finds; --reanchor moves
    an orphaned one (its sentence edited away) onto the claim you name.
    """
    if sum(bool(x) for x in (accept, reject, group, reanchor)) > 1:
        raise click.UsageError("use one of --accept, --reject, --group and --reanchor at a time")
    if to and not reanchor:
        raise click.UsageError("--to goes with --reanchor CLAIM KEY")
    if note and not (accept or reject or group):  # else dropped without a word, the user believing it recorded
        raise click.UsageError("--note goes with --accept, --reject or --group (it is recorded with the decision)")
    if locator and not accept:
        raise click.UsageError("--locator goes with --accept CLAIM KEY (the page the source supports the claim on)")
    writes = bool(accept or reject or group or to)
    config = config_from(paths, must_exist=() if writes else ("claims",))
    from ..linking.curated import record_group
    from ..review import assemble
    from .sources import load_or_fail

    if not config.essay:
        if writes:
            raise click.UsageError('--accept, --reject, --group and --reanchor need an essay; --essay "" has none')
        assemble(config, through="load", load=load_or_fail, essay="skip")  # still report a broken bibliography
        if fmt == "json":
            emit_json([])
        elif fmt == "csv":
            from ..linking.output import JSON_KEYS

            emit_csv(list(JSON_KEYS), [])
        else:
            origin = config.origin("essay")  # the settings' essay = "" (a bibliography kept alone), or --essay ""
            given = f'essay = "" {origin.said()}' if origin else '--essay ""'
            click.echo(f"No essay under review ({given}), so no claims to link; "
                       "`litreview sources` lists the bibliography.")
        return 0
    if not config.claims and writes:
        raise click.UsageError('--accept, --reject and --group record decisions in a claims file; --claims "" has none')
    stages = assemble(config, load=load_or_fail, all_suggestions=all_suggestions)
    bibliography, essay, linkage = stages.bibliography, stages.essay, stages.linkage
    assert essay is not None and linkage is not None  # config.essay is set here
    claims_path = config.path("claims")
    from ..fileio import relative_name

    shown_claims = relative_name(claims_path, config.root)  # as check names files
    if accept or reject:
        with _locked(claims_path):  # one writer at a time; the file is re-read under the lock
            return _decide(claims_path, essay, bibliography, linkage, accept, reject, note, locator, shown_claims)
    if group:
        with _locked(claims_path):
            record_group(claims_path, essay, group, note=note)
        click.echo(f"grouped: {group} is one claim (recorded in {shown_claims})")
        return 0
    if reanchor:
        return _reanchor(claims_path, essay, bibliography, linkage, reanchor, to, shown_claims)
    essay = stages.grouped_essay() or essay  # the claims the links name
    links = list(linkage.links)
    if source_key is not None:
        if source_key not in bibliography.keys:
            _known_key(bibliography, source_key, "--source {}",
                       unknown_hint=_unknown_source(source_key, essay, linkage, bibliography, config.root))
        links = [lk for lk in links if lk.source_key == source_key]
    if suggest:
        from ..linking.ranker import review_order

        links = review_order([lk for lk in links if lk.status == "suggested"], linkage.links)
    shown = Linkage(links=tuple(links), mentions=linkage.mentions, orphans=linkage.orphans)
    _warn_orphans(linkage, claims_path, bibliography, config.root)
    _warn_unresolved(linkage, essay, bibliography, config.root)
    if fmt == "json":
        from ..linking import to_rows

        emit_json(to_rows(shown, essay))
    elif fmt == "csv":
        from ..linking import to_rows
        from ..linking.output import JSON_KEYS

        emit_csv(list(JSON_KEYS), to_rows(shown, essay))
    elif suggest and not links:
        click.echo(_nothing_suggested(linkage, source_key, all_suggestions))
        click.echo(_coverage(linkage, essay, bibliography))
    elif source_key is not None and not links:
        click.echo(_nothing_links(linkage, essay, source_key))
        click.echo(_coverage(linkage, essay, bibliography))
    else:
        from ._layout import emit

        emit(_table(shown, essay, bibliography, linkage, source_key))
    return 0


@contextlib.contextmanager
def _locked(claims_path: Path) -> Iterator[None]:
    """The claims file's lock (``safewrite.locked``), for a decision. Taking it creates the lock file, and the
    claims folder when there is none yet (a review's first decision); a decision refused (an unknown claim or key)
    before the claims file exists leaves neither behind, as if never run."""
    from ..safewrite import lock_path, locked

    lock = lock_path(claims_path)
    had_lock = lock.exists()
    missing = [folder for folder in (lock.parent, *lock.parent.parents) if not folder.exists()]  # innermost first
    try:
        with locked(claims_path):
            yield
    except BaseException:
        if not had_lock and not claims_path.exists():
            lock.unlink(missing_ok=True)
            for folder in missing:
                try:
                    folder.rmdir()
                except OSError:  # not empty: something else was written there meanwhile
                    break
        raise


def _nothing_suggested(full: Linkage, source_key: str | None, all_suggestions: bool) -> str:
    """Why ``--suggest`` lists nothing, in place of an empty table."""
    reviewed = {(lk.claim_id, lk.source_key) for lk in full.links if lk.curated}
    weaker = [lk for lk in full.hidden
              if (lk.claim_id, lk.source_key) not in reviewed and source_key in (None, lk.source_key)]
    head = "No suggested links" + (f" to {source_key}" if source_key else "") + ": "
    if weaker and not all_suggestions:
        return head + ("the topical suggestions are all below the calibrated threshold (less likely to be right); "
                       "`litreview links --suggest --all-suggestions` lists them.")
    return head + ("every link found is confirmed by a citation or already reviewed in the claims file, and no "
                   "source shares enough of a claim's words to be suggested.")


def _nothing_links(full: Linkage, essay: Essay, source_key: str) -> str:
    """Why ``--source KEY`` lists nothing, in place of an empty table."""
    weaker = any(lk.source_key == source_key for lk in full.hidden)  # a few kept per entry: no count
    text = (f"Nothing links to {source_key}: no citation in the essay cites it, and no claim names its authors "
            "or title or quotes it")
    if weaker:
        text += ("; some claims share its words, but too few to be suggested by default (topical suggestions "
                 f"below the calibrated threshold): `litreview links --source {source_key} --all-suggestions` "
                 "lists them.")
    else:
        text += " or shares enough of its words to be suggested."
    if source_key in essay.nocite or "*" in essay.nocite:
        text += " The essay lists it in nocite: it is in the reference list on purpose."
    return text + f" Link a claim to it by hand: litreview links --accept CLAIM {source_key}"


def _coverage(full: Linkage, essay: Essay, bibliography: Bibliography) -> str:
    """The review's figures, under every table of links."""
    from ..linking import coverage

    figures = coverage(full, essay, bibliography)
    claims = of_total(figures["claims_with_confirmed_source"], figures["claims"], "claim", ("has", "have"))
    sources = of_total(len(figures["sources_without_claim"]), figures["sources"], "source", ("has", "have"))
    return f"{claims} a confirmed source; {sources} no confirmed claim."


def _decide(claims_path: Path, essay: Essay, bibliography: Bibliography, linkage: Linkage,
            accept: tuple[str, str] | None, reject: tuple[str, str] | None, note: str, locator: str,
            shown: str) -> int:
    from ..linking import curated
    from ..linking.anchors import parse_group_id

    claim_id, key = accept or reject  # type: ignore[misc]
    option = f"--{'accept' if accept else 'reject'} {claim_id} {{}}"
    from ..bibliography.keys import near_key

    _known_key(bibliography, key, option,  # a slip of a key: the claims file's own check names it
               unknown_hint="" if near_key(key, bibliography.keys) else _of_name_and_year(key, bibliography, option))
    group = _group_of(claims_path, essay, claim_id)
    if group != claim_id:  # the edit records it on the group; say so, and name the group below
        click.echo(f"note: {claim_id} is a sentence of the group {group} (recorded in {shown}): the decision is "
                   f"the group's")
        claim_id = group
    ids = {claim_id}
    parsed = parse_group_id(claim_id)
    if parsed:  # a group: what was found in its sentences
        ids.update(f"p{parsed[0]}-s{n}" for n in range(parsed[1], parsed[2] + 1))
    if accept:
        found = [lk for lk in linkage.links if lk.claim_id in ids and lk.source_key == key and not lk.curated]
        kind = max(found, key=lambda lk: lk.confidence).kind if found else _named_kind(linkage, ids, key)
        curated.accept(claims_path, essay, claim_id, key, note=note, locator=locator, kind=kind,
                       bibliography=bibliography)
        click.echo(f"confirmed: {claim_id} relies on {key} (recorded in {shown})")
    else:
        curated.reject(claims_path, essay, claim_id, key, note=note, bibliography=bibliography)
        click.echo(f"rejected: {claim_id} does not rely on {key} (recorded in {shown})")
    _say_dropped(linkage, claim_id, key, "confirmed" if accept else "rejected")
    if reject and any(lk.claim_id in ids and lk.source_key == key and lk.kind == "marker" and not lk.curated
                      for lk in linkage.links):
        # Rejecting a suggestion (a quotation, a title) of a cited source rejects the citation too.
        click.echo(f"note: the text of {claim_id} cites {key} itself; the rejection overrides that citation, "
                   "and the claim is shown as not relying on it (to keep the citation, delete this entry of "
                   f"{shown})", err=True)
    return 0


def _say_dropped(linkage: Linkage, claim_id: str, key: str, status: str) -> None:
    """Name the note and locator of the decision a new one replaced (``curated_edit`` drops them: they said why the
    former was taken), so that no reviewer's words go without a word."""
    former = next((lk for lk in linkage.links if lk.curated and lk.claim_id == claim_id and lk.source_key == key
                   and lk.status != status), None)
    if former is None:
        return
    said = [f"the {name} {value!r}" for name, value in (("note", former.note), ("locator", former.locator)) if value]
    if said:
        decision = "acceptance" if former.status == "confirmed" else "rejection"
        click.echo(f"note: {' and '.join(said)} recorded with its {decision} "
                   f"{'are' if len(said) > 1 else 'is'} dropped (give --note for this decision's own)")


def _group_of(claims_path: Path, essay: Essay, claim_id: str) -> str:
    """The claim the edit records a decision on ``claim_id`` on (its group, for a grouped sentence), for the
    messages; read under the lock."""
    from ..linking.anchors import group_essay
    from ..linking.curated import load_curated
    from ..linking.curated_edit import decided_on

    return decided_on(group_essay(essay, load_curated(claims_path).groups), claim_id)


def _reanchor(claims_path: Path, essay: Essay, bibliography: Bibliography, linkage: Linkage,
              recorded: tuple[str, str], to: str | None, shown: str) -> int:
    from ..linking import curated_edit
    from ..linking.anchors import group_essay
    from ..render.shown import shown_source

    claim_id, key = recorded
    if to:
        with _locked(claims_path):  # one writer at a time; the file is re-read under the lock
            curated_edit.reanchor(claims_path, essay, claim_id, key, to, bibliography=bibliography)
        click.echo(f"moved: the decision {claim_id} -> {key} is now on {to} (recorded in {shown})")
        return 0
    current = curated_edit.load_curated(claims_path)
    grouping = group_essay(essay, current.groups)
    link = curated_edit.orphan(current, essay, claim_id, key, bibliography, grouping=grouping)
    citing = frozenset(lk.claim_id for lk in linkage.links if lk.source_key == key and not lk.curated)
    click.echo(visible(f"{shown}:{link.line}: the {link.status} link {claim_id} -> {key} no longer anchors: "
                       f"\"{_excerpt(link.exact, 100)}\"\nclaims it may belong on now (wording alike, %; those "
                       f"citing {key} first):"))
    for claim, score in curated_edit.reanchor_candidates(link, grouping.essay, citing):
        cites = f" cites {key}" if claim.id in citing else ""
        text = shown_source(claim.text, claim, essay.format)
        click.echo(visible(f"  {claim.id:<10} {score:3.0f}{cites}  {_excerpt(text, 90)}"))
    click.echo(f"move it with: litreview links --reanchor {claim_id} {key} --to CLAIM\n"
               f"or, if its sentence was deleted, delete its entry at {shown}:{link.line}")
    return 0


def _known_key(bibliography: Bibliography, key: str, option: str, unknown_hint: str = "") -> None:
    """Stop on a key that is an entry's ``ids`` alias, naming the entry and the ``option`` (``--source {}``) to
    give; on any other key no entry has only with an ``unknown_hint`` (else the caller's own check says it)."""
    if key in bibliography.keys:
        return
    from ..bibliography.inherit import aliases

    entry = next((s.key for s in bibliography.sources if key in aliases(s.fields)), None)
    if entry or unknown_hint:
        raise InputError(f"no entry {key!r} in the bibliography", path=bibliography.where,
                         hint=f"{key!r} is an alias (ids) of {entry!r}: {option.format(entry)}" if entry
                         else unknown_hint)


def _unknown_source(key: str, essay: Essay, linkage: Linkage, bibliography: Bibliography, root: Path) -> str:
    """What to do about ``--source KEY`` when no entry has KEY: where the text cites it (check's LR300), or the
    entry it is a slip of."""
    from ..bibliography.keys import near_key
    from ..checks.text import (
        manual_references_of,
        marks_its_citations,
        unresolved_citation,
        unresolved_markers,
    )
    from ..fileio import relative_name

    claims = {c.id: c for c in essay.claims}
    places = []
    marked = marks_its_citations(essay, linkage)
    manual = manual_references_of(essay, bibliography)
    todo = "add the entry (litreview add) or fix the key in the text"
    for m in unresolved_markers(essay, linkage, bibliography):
        if m.detail != key:
            continue
        claim = claims.get(m.claim_id)
        path = claim.file if claim is not None and claim.file else essay.path
        found = unresolved_citation(m, claim, essay, path, bibliography, marked=marked, manual=manual)
        if manual is not None and found.hint:  # a Manubot manuscript's item goes into its manual references
            todo = found.hint[:1].lower() + found.hint[1:]
        places.append(f"{relative_name(path, root)}:{found.line}" if found.line else relative_name(path, root))
    if places:
        shown = ", ".join(dict.fromkeys(places[:3])) + (f" and {len(places) - 3} more" if len(places) > 3 else "")
        return f"the essay cites it ({shown}) and no entry has the key: {todo}"
    near = near_key(key, bibliography.keys)
    return f"did you mean {near!r}?" if near else \
        _of_name_and_year(key, bibliography, "--source {}") or "list the keys with `litreview sources`"


def _of_name_and_year(key: str, bibliography: Bibliography, option: str) -> str:
    """A hint naming the entries whose keys open with ``key``'s letters and hold its digits (``mason_2018_cup``
    for ``mason2018``, ``redlawsk_et-al_2010`` for ``redlawsk2010``: a key remembered as its author and year), with
    the ``option`` to give for one; "" when the key has no name and year of 3 letters and 4 digits, or no entry."""
    from ..text import fold_alnum

    folded = fold_alnum(key)
    name, digits = folded.rstrip("0123456789"), "".join(c for c in folded if c.isdigit())
    if len(name) < 3 or len(digits) < 4 or not folded.endswith(digits):
        return ""
    found = [k for k in bibliography.keys
             if fold_alnum(k).startswith(name) and "".join(c for c in fold_alnum(k) if c.isdigit()) == digits]
    if len(found) == 1:
        return f"the entry of that name and year is {found[0]!r}: {option.format(found[0])}"
    shown = ", ".join(repr(k) for k in found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
    return f"the entries of that name and year are {shown}" if found else ""


def _named_kind(linkage: Linkage, ids: set[str], key: str) -> LinkKind | None:
    """The kind of a link the prose supports but the linkers did not pick (an ambiguous name's other entry)."""
    from ..linking import mention_kind

    kinds = [mention_kind(m) for m in linkage.mentions if m.claim_id in ids and key in m.keys]
    return next((k for k in kinds if k), None)


def _warn_unresolved(linkage: Linkage, essay: Essay, bibliography: Bibliography, root: Path) -> None:
    """Citation markers that match no entry: never dropped silently (in the words of check's LR300 and its hint, its
    files named as check names them)."""
    from ..checks.text import (
        manual_references_of,
        marks_its_citations,
        unresolved_citation,
        unresolved_markers,
    )
    from ..fileio import relative_name

    claims = {c.id: c for c in essay.claims}
    missing = unresolved_markers(essay, linkage, bibliography)
    marked = marks_its_citations(essay, linkage)
    manual = manual_references_of(essay, bibliography)  # a Manubot manuscript's: where its missing keys go
    for m in missing[:_NAMED_UNRESOLVED]:
        claim = claims.get(m.claim_id)
        path = claim.file if claim is not None and claim.file else essay.path  # a Manubot or \input file
        shown = relative_name(path, root)
        found = unresolved_citation(m, claim, essay, path, bibliography, marked=marked, manual=manual)  # its line
        where = f"{shown}:{found.line}" if found.line else shown
        _warn(f"warning: {where}: [{m.claim_id}] {found.message}\n    hint: {found.hint}")
    if len(missing) > _NAMED_UNRESOLVED:
        rest = len(missing) - _NAMED_UNRESOLVED
        click.echo(f"warning: {rest} more {'citation matches' if rest == 1 else 'citations match'} no entry "
                   "(`litreview check` lists every one)", err=True)


_NAMED_UNRESOLVED = 10
"""How many citations that match no entry ``links`` names before the table (a draft whose bibliography lacks most of
its keys printed a line for each)."""


def _warn_orphans(linkage: Linkage, claims_path: Path, bibliography: Bibliography, root: Path) -> None:
    from ..fileio import relative_name

    shown = relative_name(claims_path, root)
    files = ", ".join(relative_name(f, root) for f, _ in bibliography.files if f) or "the bibliography"
    for orphan in linkage.orphans:
        where = f"{shown}:{orphan.line}" if orphan.line else shown
        if orphan.no_entry:
            _warn(f"warning: {where}: the link {orphan.claim_id} -> {orphan.source_key} names no entry "
                  f"'{orphan.source_key}' in {files} (fix the key, or add the entry)")
            continue
        if not orphan.exact and orphan.source_key:
            _warn(f"warning: {where}: the link {orphan.claim_id} -> {orphan.source_key} has no anchor and the "
                  f"essay has no claim {orphan.claim_id} (fix the claim id; `litreview links` lists them)")
            continue
        if not orphan.source_key:
            _warn(f"warning: {where}: the group {orphan.claim_id} no longer anchors (its sentences changed, "
                  f"were removed, or now overlap another group): \"{_excerpt(orphan.exact, 60)}\"")
            continue
        _warn(f"warning: {where}: the link {orphan.claim_id} -> {orphan.source_key} no longer anchors "
              f"(its sentence changed or was removed, or the entry is gone): "
              f"\"{_excerpt(orphan.exact, 60)}\"")
    from ..checks.text import known_lines, record_anchor

    for c in linkage.conflicts:
        where = f"{shown}:{c.lines[-1]}" if c.lines[-1] else shown
        lines = known_lines(c.lines)
        _warn(f"warning: {where}: the links on {c.claim_id} -> {c.source_key}{f' at lines {lines}' if lines else ''} "
              "confirm and reject it; the later one is applied (delete the one you no longer mean)")
    for u in linkage.unanchored:
        where = f"{shown}:{u.line}" if u.line else shown
        _warn(f"warning: {where}: the link {u.claim_id} -> {u.source_key} has no anchor, so it stays on whatever "
              f"sentence is {u.claim_id} today; if that is the one you meant, record its anchor: "
              f"{record_anchor(u)}")


def _warn(text: str) -> None:
    """A warning on standard error; a key or a sentence of the claims file or the essay shown as text, never acted
    on by the terminal."""
    click.echo(visible(text), err=True)


def _excerpt(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _table(shown: Linkage, essay: Essay, bibliography: Bibliography, full: Linkage,
           source_key: str | None, width: int | None = None) -> str:
    """The links as a table (wide) or a list (narrow); the sentence is never left out."""
    from ..linking.output import written
    from ..render.shown import shown_source
    from ._layout import NARROW, Column, output_width, render

    width = width or output_width()
    claims = {c.id: c for c in essay.claims}
    title = plural(len(shown.links), "link") + (f" to {source_key}" if source_key else "")
    footer = _coverage(full, essay, bibliography)
    rows = []
    for lk in shown.links:
        claim = claims.get(lk.claim_id)
        # The sentence and the evidence as the essay page shows them ("«\\ mot\\ »" with its no-break spaces).
        sentence = _excerpt(shown_source(written(claim, essay), claim, essay.format) if claim else "",
                            160 if width < NARROW else 100)
        evidence = _excerpt(_evidence(lk, claim, essay.format), 160 if width < NARROW else 100)
        rows.append([lk.claim_id, lk.source_key, lk.kind, f"{lk.confidence:.2f}", _status(lk), evidence,
                     f"“{sentence}”" if width < NARROW else sentence])
    if width < NARROW:
        columns = [Column("claim"), Column("source", fold=True), Column("kind"), Column("conf"), Column("status"),
                   Column("evidence"), Column("sentence")]
        return render(title, columns, rows, width=width, heads=(0, 1, 2, 3, 4), footer=footer)
    columns = [Column("claim"), Column("source", fold=True), Column("kind / conf"), Column("status"),
               Column("evidence / sentence", grow=True)]
    joined = [[r[0], r[1], f"{r[2]} {r[3]}", r[4], f"{r[5]}\n{r[6]}"] for r in rows]
    return render(title, columns, joined, width=width, footer=footer)


def _status(lk: Link) -> str:
    marks = []
    if lk.ambiguous:
        marks.append("ambiguous")
    if lk.curated:
        marks.append("reviewed")
    return lk.status + (f" ({', '.join(marks)})" if marks else "")


def _evidence(lk: Link, claim: Claim | None, essay_format: str) -> str:
    from ..render.shown import shown_source

    text = shown_source(lk.evidence, claim, essay_format)
    if lk.locator and lk.locator not in lk.evidence:  # a marker's evidence writes its page already
        text += f" [{shown_source(lk.locator, claim, essay_format)}]"
    if lk.note and lk.note != lk.evidence:  # a reviewer's link with no words of its own: the note once
        text += f" — {lk.note}"
    return text
