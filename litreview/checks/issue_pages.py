"""LR143 for an issue number that is a page range: CNKI's export (China's journal database) writes an article's pages
in the number field and leaves the volume empty, so styles print the pages as the issue and no pages."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Finding, Source
from .bib import entry_finding, shown
from .field_values import PAGE_RANGE, has_field, plain
from .hints import own_name


def issue_pages(source: Source) -> tuple[str, str] | None:
    """(first, last page) when an article's number (or issue) field holds its page range and it gives no pages; None
    else. A double or triple issue ("1-2", "9-11", "7-8") is a range too: a range is read as pages only when it is
    longer and ends past a year's issues (past 12), or when the entry writes its volume empty, as CNKI's export does."""
    fields = source.fields
    if source.type != "article" or has_field(fields, "pages") or has_field(fields, "page"):
        return None
    name = "number" if has_field(fields, "number") else "issue"
    written = PAGE_RANGE.fullmatch(plain(fields.get(name, "")))
    if written is None:
        return None
    first, last = int(written.group(1)), int(written.group(2))
    empty_volume = "volume" in fields and not has_field(fields, "volume")
    if last <= first or not (empty_volume or (last - first >= 2 and last > 12)):
        return None
    return written.group(1), written.group(2)


def check_issue_pages(source: Source) -> Iterable[Finding]:
    """LR143 for an article whose number field holds its pages (``issue_pages``)."""
    pages = issue_pages(source)
    if pages is None:
        return
    name = "number" if has_field(source.fields, "number") else "issue"
    first, last = pages
    yield entry_finding(
        "LR143", source, f"{own_name(name, source)} {shown(plain(source.fields[name]))} is a page range, not an issue: "
        "styles print it as the issue's number and print no pages (CNKI's export writes an article's pages there)",
        f"write pages = {{{first}--{last}}} and delete {own_name(name, source)} (or write the issue's number in it)",
        field=name)
