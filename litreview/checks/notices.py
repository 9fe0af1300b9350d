"""What the manuscript readers noticed (LR315, LR316, LR319, LR322-LR327: listed in the essay's ``NOTICES``), LaTeX citation
commands in a Markdown manuscript, which pandoc keeps as raw LaTeX (LR317), and citations in another's suffix,
which pandoc's citeproc prints alone (LR318), placeholders where a citation belongs ("[CITE]", LR320), and a Manubot
citation of a URL that pandoc's key ends before (LR328)."""

from __future__ import annotations

import re

from ..essay import NOTICES
from ..essay.cites import in_suffix, keys_in, raw_block_citations, raw_latex_citations
from ..essay.segment import normalise_space
from ..lazyre import lazy
from ..model import Citation, Claim, Essay, Finding
from ..text import and_list
from .catalogue import finding

_CONNECTIVE = lazy(r"(?:[\s,]|\b(?:and|&)(?=\s*$))*$")
"""What ends the text before a citation in a suffix: a comma or "and", where ";" goes instead."""
_CODES = {"essay-not-utf8": "LR315", "empty-citation-key": "LR316", "duplicate-metadata-key": "LR319",
          "merge-conflict": "LR322", "braced-citation-key": "LR323", "bibliography-after-front-matter": "LR324", "settings-unreadable": "LR325",
          "unreferenced-note": "LR326", "duplicate-note-label": "LR327"}
"""The code of each kind of notice."""
_RMARKDOWN = {"bibliography-after-front-matter"}
"""The notices of what rmarkdown::render does: told of an R Markdown file alone."""


def check_notices(essay: Essay) -> list[Finding]:
    """A finding for each notice a reader listed, and LR317 for each raw LaTeX citation in Markdown."""
    rmarkdown = essay.path.lower().endswith(".rmd")  # (rendered by rmarkdown::render, not pandoc alone or Quarto)
    found = [finding(_CODES[kind], message, hint=hint, file=file, line=line)
             for kind, file, line, message, hint in essay.meta.get(NOTICES) or ()
             if kind in _CODES and (rmarkdown or kind not in _RMARKDOWN)]
    for claim in essay.claims:
        found += _placeholders(essay, claim)
    if essay.format == "latex":
        return found
    for claim in essay.claims:
        found += _in_suffix(essay, claim)
        if essay.format == "manubot" and "://" in claim.text:
            found += _cut_urls(essay, claim)
    for claim, command, line, keys in raw_latex_commands(essay):
        pandoc = "[" + "; ".join(f"@{k}" for k in keys) + "]"
        found.append(finding("LR317", f"{command} is raw LaTeX in a Markdown manuscript: only a LaTeX "
                                      "build with natbib or biblatex cites it, and litreview does not",
                             hint=f"write it as a pandoc citation: {pandoc}" if keys else "",
                             claim_id=claim.id,
                             file=claim.file or essay.path, line=line))
    return found


def raw_latex_commands(essay: Essay) -> list[tuple[Claim, str, int, list[str]]]:
    """(claim, command as written, its line, its keys) of each LaTeX citation command in a Markdown manuscript
    (LR317): what only a LaTeX build cites. LR317 is the one finding of each: the entries it names are not unused, nor
    the quotation it stands beside unattributed (``checks.text``)."""
    if essay.format == "latex":
        return []
    out = []
    for claim in essay.claims:
        if "\\" not in claim.text:
            continue
        text = _as_written(essay, claim) or claim.text
        for start, end in raw_latex_citations(text):
            out.append((claim, *_command(text[start:end], claim.line + text.count("\n", 0, start))))
    return out + _in_raw_blocks(essay)


def _command(written: str, line: int) -> tuple[str, int, list[str]]:
    """A LaTeX citation command as written, on one line; its line; its keys."""
    command = normalise_space(written)
    return command, line, [k.strip() for k in command[command.rindex("{") + 1:-1].split(",") if k.strip()]


def _in_raw_blocks(essay: Essay) -> list[tuple[Claim, str, int, list[str]]]:
    """``raw_latex_commands``' commands in the raw LaTeX environments of a Markdown body (``\\begin{citacao}`` ...
    ``\\cite[p. 41]{key}`` ... ``\\end{citacao}``, ``md_blocks.raw_tex_blocks``), which hold no claim: each with the
    claim before it in its file (else the one after it), and its line counted from that claim."""
    body = essay.body
    if "\\begin{" not in body:
        return []
    from bisect import bisect_right

    from ..essay.md_blocks import code_lines, raw_tex_blocks

    blocks = raw_tex_blocks(body)
    if blocks:  # (not one in a code block: "\\begin{table}" in an R string)
        code = code_lines(body)
        blocks = [(start, end) for start, end in blocks if body.count("\n", 0, start) not in code]
    claims = sorted((c for c in essay.claims if c.paragraph > 0 and c.end), key=lambda c: c.start)
    starts = [c.start for c in claims]
    out = []
    for start, end in blocks:
        start = body.index("}", start) + 1  # the environment's inside, LaTeX (no Markdown is read in it)
        block = body[start:body.rindex("\\end{", start, end)]
        for a, b in raw_block_citations(block) if "\\" in block else ():
            at = start + a
            i = bisect_right(starts, at)
            before, after = (claims[i - 1] if i else None), (claims[i] if i < len(claims) else None)
            if before is not None and (after is None or after.file == before.file):
                out.append((before, *_command(block[a:b], before.line + body.count("\n", before.start, at))))
            elif after is not None:
                out.append((after, *_command(block[a:b], after.line - body.count("\n", at, after.start))))
    return out


_PLACEHOLDER = lazy(r"\[(?:CITE|CITES|CITATION|CITATIONS|REF|REFS|REFERENCE|REFERENCES|"
                    r"(?i:citations?\s+needed|refs?\s+needed|references?\s+needed))\]|\((?:CITE|CITATION|REF|REFS)\)"
                    r"|\[(?:CITE|CITATIONS?)(?:[-_ ][A-Z]+)*(?::[^\[\]]*)?\]")
"""A placeholder where a citation belongs, never filled in: "[CITE]", "[citation needed]", "(REF)", and a CITE written
with a word or a note of what to cite ("[CITE-CHECK: dates of the dune layers]", "[CITE: survey]"); "[REF: 3]" may point at
anything."""


def _placeholders(essay: Essay, claim: Claim) -> list[Finding]:
    """LR320 for each citation placeholder left in the claim, which pandoc and LaTeX print as written."""
    if "[" not in claim.text and "(" not in claim.text:
        return []
    from .text import cite_as, in_latex

    written = _as_written(essay, claim)
    text = written or claim.text
    hint = f"cite the work ({cite_as('key', in_latex(claim, essay.path))}), or delete the placeholder"  # its own syntax
    return [finding("LR320", f"{normalise_space(m.group())!r} holds the place of a citation: it is printed as written",
                    hint=hint, claim_id=claim.id, file=claim.file or essay.path,
                    line=claim.line + (text.count("\n", 0, m.start()) if written else 0))
            for m in _PLACEHOLDER.finditer(text)]


def _in_suffix(essay: Essay, claim: Claim) -> list[Finding]:
    """LR318 for each bracket that holds citations in a suffix or prefix ("[@a, @b]", "[@a, see [@b]]"), with the
    bracket to write: one finding for a bracket with several ("[@a, @b, @c]"), as pandoc's citeproc prints only the
    last of them for the whole bracket ("Cc (2003)"), all the others gone."""
    out = []
    brackets: dict[tuple[int, int], tuple[list[Citation], list[Citation]]] = {}
    for items, inner in in_suffix(claim.citations or ()):
        brackets.setdefault((items[0].start, items[0].end), (items, []))[1].append(inner)
    for (start, end), (items, inners) in brackets.items():
        bracket = fixed = claim.text[start:end]
        where = "suffix"
        for inner in sorted(inners, key=lambda c: c.start, reverse=True):  # a fix changes the text after its cut
            cut = inner.start - start
            if inner.mode == "author-in-text":
                fixed = _CONNECTIVE.sub("", fixed[:cut]) + "; " + fixed[cut:]
                continue
            # a bracket of its own ("[@a, see [@b] too]"): its items join this one's
            own, after = fixed[cut + 1:inner.end - start - 1], fixed[inner.end - start:]
            if any(claim.text[inner.start:inner.end] in c.prefix for c in items):  # "[see [@b] @a]"
                where, fixed = "prefix", fixed[:cut] + own + ";" + after
            else:
                fixed = _CONNECTIVE.sub("", fixed[:cut]) + "; " + own + after
        printed = max(inners, key=lambda c: c.start)
        held = and_list(dict.fromkeys(f"@{c.key}" for c in sorted(inners, key=lambda c: c.start)))
        written = [f"@{key}" for key in keys_in(bracket)]  # in the bracket's order ("@a" is no part of "@ab")
        lost_keys = dict.fromkeys(sorted({f"@{c.key}" for c in [*items, *inners]} - {f"@{printed.key}"},
                                         key=lambda k: (written.index(k) if k in written else len(written), k)))
        lost = and_list(lost_keys) if lost_keys else ""
        line = claim.line + (_as_written(essay, claim) or claim.text).count("\n", 0, start)
        gone = f", and {lost} {'vanish' if len(lost_keys) > 1 else 'vanishes'} from the rendered text" if lost else ""
        out.append(finding("LR318", f"{bracket} holds {held} in a citation's {where}: pandoc prints only "
                                    f"@{printed.key}'s citation there{gone}",
                           hint=f"separate the citations with \";\": {normalise_space(fixed)}",
                           claim_id=claim.id, file=claim.file or essay.path, line=line))
    return out


_URL_RUN = lazy(r"[^\s\];]*")
"""What a URL written as a key goes on with after the key pandoc reads: up to a blank, the bracket's end or the next
citation's ";"."""
_URL_KEY = lazy(r"(?:https?|url):", re.I)
_TRAILING = ".,:!?'\""
"""A sentence's punctuation after a URL, no part of it."""


def _cut_urls(essay: Essay, claim: Claim) -> list[Finding]:
    """LR328 for each citation by URL that pandoc ends before the URL does (at "=", "(", "!", ...: a key holds
    letters, digits, "_" and internal :.#$%&-+?<>~/ alone), so that Manubot cites another address, which both readers
    agree on and nothing else tells."""
    out = []
    for cite in claim.citations or ():
        key = cite.alias or cite.key
        if cite.alias or not _URL_KEY.match(key):
            continue  # (an alias's target is written whole, in its definition)
        at = claim.text.find("@" + key, cite.start)
        if at < 0:
            continue
        rest = _URL_RUN.match(claim.text, at + 1 + len(key))
        went_on = _url_rest(rest.group() if rest else "")
        if not any(ch.isalnum() for ch in went_on):
            continue
        whole = key + went_on
        written = _as_written(essay, claim)
        line = claim.line + (written.count("\n", 0, at) if written else 0)
        out.append(finding("LR328", f"citation '@{whole}' is read as '@{key}': pandoc ends a key at "
                                    f"{went_on[0]!r}, so Manubot cites {key}, not {whole}",
                           hint=f"write the key in braces, [@{{{whole}}}], or define an alias on a line of its own, "
                                f"as Manubot's documentation says ([@{_alias_name(whole)}]: {whole}) and cite "
                                f"[@{_alias_name(whole)}]",
                           key=key, claim_id=claim.id, file=claim.file or essay.path, line=line))
    return out


def _url_rest(run: str) -> str:
    """The part of ``run`` (what follows a key) that is still the URL: the sentence's punctuation after it left out,
    and a closing parenthesis that opens nowhere in it."""
    while run and (run[-1] in _TRAILING or (run[-1] == ")" and run.count(")") > run.count("("))):
        run = run[:-1]
    return run


def _alias_name(url: str) -> str:
    """A short name for an alias of ``url``: its host's first word and the URL's last digits or word."""
    host = url.split("://", 1)[-1].split("/", 1)[0].removeprefix("www.").split(".")[0]
    tail = [w for w in re.split(r"[^0-9A-Za-z]+", url) if w][-1]
    return f"{host}-{tail}" if tail != host else host


def _as_written(essay: Essay, claim: Claim) -> str:
    """The sentence as the file writes it, when the claim's offsets hold it ('' otherwise): its line breaks give
    the line of each offset in it."""
    written = essay.body[claim.start:claim.end] if claim.end else ""
    return written if written and normalise_space(written) == claim.text else ""
