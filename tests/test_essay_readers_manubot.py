"""The Manubot reader: a content/ folder whose citations by identifier (doi:, pmid:, tags, aliases, compact
identifiers) are its sources, located where they are first cited; what Manubot refuses is reported there.

Expected keys and findings are written by hand from the cases' text. Which spellings are one reference, and the
manual references' problems: test_manubot_references.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fuzz.essay_cases import MANUBOT, review


def _json_of(argv: list[str]) -> tuple[int, Any]:
    """The exit status of ``litreview ARGV`` (a ``--format json`` command) and its report, parsed."""
    import contextlib
    import io

    from litreview.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return code, json.loads(out.getvalue())


def test_manubot_folder_identifiers_are_the_bibliography() -> None:
    essay, bib, linkage, findings = review(MANUBOT, None)
    assert essay.format == "manubot"
    assert [s.key for s in bib.sources] == [
        "doi:10.1038/NATURE14539", "tag:review", "pmid:27118048", "pmc:PMC6103790", "arxiv:1512.03385v2",
        "isbn:978-0-262-51763-8", "url:https://github.com/manubot/rootstock", "deep-review"]
    rootstock = bib.get("url:https://github.com/manubot/rootstock")
    assert rootstock is not None and rootstock.title == "manubot/rootstock GitHub repository"
    assert rootstock.year == 2019 and rootstock.authors[0].family == "Himmelstein"
    assert bib.get("tag:review").doi == "10.1101/142760"  # the tag's target, from citation-tags.tsv
    marker = {(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "marker"}
    # The alias and the DOI it stands for are one source; the Jinja2 comment and @fig: are no citations.
    assert ("p3-s3", "deep-review") in marker and len({k for _, k in marker}) == 8
    assert [f for f in findings if f.code in ("LR300", "LR307", "LR310")] == []
    assert essay.claim("p3-s2").file.endswith("01.intro.md") and essay.claim("p3-s2").line == 4


def test_manubot_identifiers_resolve_to_the_entries_that_carry_them(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{lecun2015, author = {LeCun, Yann}, title = {Deep Learning}, journal = {Nature},"
                   " year = {2015}, doi = {10.1038/nature14539}}\n"
                   "@misc{he2015, author = {He, Kaiming}, title = {Deep Residual Learning}, year = {2015},"
                   " eprint = {1512.03385}, archiveprefix = {arXiv}}\n", encoding="utf-8")
    essay = tmp_path / "paper.md"
    essay.write_text("Deep nets [@doi:10.1038/NATURE14539; @arxiv:1512.03385v2] and [@pmid:27118048].\n",
                     encoding="utf-8")
    _, _, linkage, findings = review(essay, bib)
    assert {lk.source_key for lk in linkage.links if lk.kind == "marker"} == {"lecun2015", "he2015"}
    missing = [f for f in findings if f.code == "LR310"]
    assert len(missing) == 1 and missing[0].hint == "Add the work: litreview add pmid:27118048"
    assert not [f for f in findings if f.code == "LR300"]


def test_check_reads_a_manubot_folder_from_the_command_line(tmp_path: Path) -> None:
    code, report = _json_of(["check", "--essay", str(MANUBOT), "--claims", "",
                             "--metadata-dir", str(tmp_path / "meta"), "--bib", str(tmp_path / "none.bib"),
                             "--format", "json"])
    assert code in (0, 1)
    assert not [f for f in report["findings"] if f["code"] in ("LR300", "LR307", "LR310")]


def test_manubot_compact_identifiers_of_trials_and_databases_are_sources(tmp_path: Path) -> None:
    # Manubot resolves a compact identifier (clinicaltrials:NCT..., pdb:..., as Bioregistry names them) through its
    # address: each was an LR300 error, "matches no entry".
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.md").write_text("## M\n\nTwo trials [@clinicaltrials:NCT01234567; @clinicaltrials:nct07654321] "
                                   "and a structure [@pdb:1ABC].\n", encoding="utf-8")
    _, bib, linkage, findings = review(content, None)
    assert [(s.key, s.url) for s in bib.sources] == [
        ("clinicaltrials:NCT01234567", "https://clinicaltrials.gov/study/NCT01234567"),
        ("clinicaltrials:nct07654321", "https://clinicaltrials.gov/study/NCT07654321"),
        ("pdb:1ABC", "https://www.rcsb.org/structure/1ABC")]
    assert len({lk.source_key for lk in linkage.links if lk.kind == "marker"}) == 3
    assert not [f for f in findings if f.code in ("LR300", "LR310")]
    # In a manuscript with a bibliography, the entry whose address is the trial's is the one cited.
    refs = tmp_path / "refs.bib"
    refs.write_text("@misc{trial, title = {A Trial}, year = {2020},"
                    " url = {https://clinicaltrials.gov/ct2/show/NCT01234567}}\n", encoding="utf-8")
    essay = tmp_path / "paper.md"
    essay.write_text("A trial [@clinicaltrials:NCT01234567].\n", encoding="utf-8")
    _, _, linkage, findings = review(essay, refs)
    assert {lk.source_key for lk in linkage.links if lk.kind == "marker"} == {"trial"}
    assert not [f for f in findings if f.code in ("LR300", "LR310")]
    essay.write_text("Another [@clinicaltrials:NCT07654321].\n", encoding="utf-8")
    _, _, _, findings = review(essay, refs)
    assert [f.hint for f in findings if f.code == "LR310"] == [
        "Add an entry whose url is https://clinicaltrials.gov/study/NCT07654321"]
    # A citation key of that prefix that is no accession is a key like any other.
    essay.write_text("Data [@geo:smith2010].\n", encoding="utf-8")
    _, _, _, findings = review(essay, refs)
    assert [f.code for f in findings if f.code in ("LR300", "LR310")] == ["LR300"]


def test_manubot_identifier_sources_need_no_entry_fields_and_are_located_where_cited(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no settings file, no bibliography file: the identifiers are the sources
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.md").write_text("## M\n\nCited [@doi:10.1371/journal.pbio.3000860].\n", encoding="utf-8")
    code, report = _json_of(["check", "--essay", str(content), "--claims", "", "--metadata-dir", str(tmp_path / "meta"),
                             "--format", "json"])
    findings = report["findings"]
    # The registry, not an entry, gives an identifier's title: offline that is LR209, not an error.
    assert not [f for f in findings if f["code"] in ("LR110", "LR111")]
    assert code == 0
    keyed = [f for f in findings if f["key"] == "doi:10.1371/journal.pbio.3000860"]
    assert keyed and all(f["file"].endswith("01.md") and f["line"] == 3 for f in keyed)
    # An identifier the author describes in manual-references.json is checked as an entry, where the item is.
    (content / "manual-references.json").write_text('[{"id": "doi:10.1371/journal.pbio.3000860", "type": "book"}]',
                                                    encoding="utf-8")
    report = _json_of(["check", "--essay", str(content), "--claims", "", "--metadata-dir", str(tmp_path / "meta"),
                       "--format", "json", "--no-cache"])[1]
    assert [(f["code"], f["file"], f["line"]) for f in report["findings"]
            if f["code"] == "LR110"] == [("LR110", "content/manual-references.json", 1)]


def test_manubot_malformed_doi_is_reported_where_cited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # pandoc reads [@doi:10.1038/] as the id doi:10.1038 (manubot cite refuses it); it was no finding at all.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "01.md").write_text("## M\n\nFine [@doi:10.1038/nature14539].\nBad [@doi:10.1038/].\n",
                                                encoding="utf-8")
    code, report = _json_of(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta",
                             "--format", "json"])
    bad = [(f["code"], f["key"], f["line"]) for f in report["findings"] if f["severity"] == "error"]
    assert (code, bad) == (1, [("LR120", "doi:10.1038", 4)])


def test_manubot_identifiers_manubot_refuses_are_reported_where_cited(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # Manubot refuses a PubMed id with letters, an arXiv id of no form, a PMCID without PMC: no reference is made.
    # Such a citation was no finding at all (not even "not yet verified").
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "01.md").write_text(
        "## M\n\nFine [@pmid:19147090; @pmcid:PMC2701110; @arxiv:hep-th/9901001v2; @arxiv:2101.01234; "
        "@wikidata:Q42].\nBad [@pmid:0123; @arxiv:2001.99999x;\n@pmcid:12ab; @wikidata:foo].\n", encoding="utf-8")
    code, report = _json_of(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta",
                             "--format", "json"])
    bad = [(f["code"], f["key"], f["line"]) for f in report["findings"] if f["severity"] == "error"]
    # each at its citation's line: the sentence's second line holds the last two
    assert (code, sorted(bad)) == (1, [("LR126", "arxiv:2001.99999x", 4), ("LR126", "pmcid:12ab", 5),
                                       ("LR126", "pmid:0123", 4), ("LR126", "wikidata:foo", 5)])


def test_manubot_raw_citation_without_a_manual_reference_is_an_error(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # manubot cannot resolve @raw:... without a manual-references.json item; it was no finding at all.
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.md").write_text("## M\n\nManual [@raw:mine2020] and [@raw:described].\n", encoding="utf-8")
    (content / "manual-references.json").write_text(
        '[{"id": "raw:described", "type": "book", "title": "T", "publisher": "P", '
        '"author": [{"family": "D", "given": "E"}], "issued": {"date-parts": [[2001]]}}]', encoding="utf-8")
    report = _json_of(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"])[1]
    errors = [(f["code"], f["key"], f["line"]) for f in report["findings"] if f["severity"] == "error"]
    assert errors == [("LR310", "raw:mine2020", 3)]

def test_manubot_a_key_without_prefix_is_the_manual_reference_of_that_id(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Manubot gives a key with no prefix (@roe2001Title) to citeproc as it is, and its manual references are read
    # as a bibliography: the item of that id is the source. Such keys were each "matches no entry" (LR300).
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.md").write_text("## M\r\n\r\nAs shown [@roe2001Title; @doi:10.1234/abcd].\r\n\r\nAgain "
                                   "[@roe2001Title], not [@absent2002].\r\n\r\nTypo [@doi:10.1234/abcd,@doi:].\r\n",
                                   encoding="utf-8")
    (content / "manual-references.json").write_text(
        '[{"id": "roe2001Title", "type": "book", "title": "A Title", "publisher": "P",\n'
        '  "author": [{"family": "Roe", "given": "Jane"}], "issued": {"date-parts": [[2001]]}},\n'
        ' {"id": "unusedItem", "type": "book", "title": "Other", "publisher": "P"}]\n', encoding="utf-8")
    report = _json_of(["links", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"])[1]
    assert sorted({(x["claim_id"], x["source_key"]) for x in report if x["kind"] == "marker"}) == [
        ("p2-s1", "doi:10.1234/abcd"), ("p2-s1", "roe2001Title"), ("p3-s1", "roe2001Title"),
        ("p4-s1", "doi:10.1234/abcd")]
    report = _json_of(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"])[1]
    errors = [(f["code"], f["line"], f["message"]) for f in report["findings"]
              if f["severity"] == "error"]
    assert errors == [("LR300", 5, "citation '@absent2002' matches no entry"),
                      ("LR300", 7, "citation '@doi' matches no entry")]
    # The fix is a manual reference of that id (no bibliography file to add an entry to), or a citation by id;
    # for an identifier's prefix with nothing after it ("@doi:", which pandoc reads as "@doi"), the identifier.
    hints = [f["hint"] for f in report["findings"] if f["code"] == "LR300"]
    assert hints == ['Add an item with "id": "absent2002" to content/manual-references.json, or cite the work by its '
                     "identifier (@doi:..., @pmid:...)",
                     "'@doi:' has no identifier after its prefix: write it (@doi:...) or remove the citation"]


def test_manubot_manual_reference_problems_are_its_own_in_csl_terms(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # A manual reference is CSL-JSON, which citeproc reads with its rich text (<i>): its problems were put at the
    # citing sentence in BibTeX's words ("@article entry lacks journal"), and <i> in a title was LR141 html-in-field.
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.md").write_text("## M\n\nAs shown [@roe2001Title].\n", encoding="utf-8")
    (content / "manual-references.json").write_text(
        '[\n{"id": "roe2001Title", "type": "article-journal", "title": "On <i>Rattus</i> in rats",\n'
        ' "author": [{"family": "Roe", "given": "Jane"}], "issued": {"date-parts": [[2001]]}}\n]\n', encoding="utf-8")
    report = _json_of(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"])[1]
    found = [(f["code"], f["file"], f["line"], f["message"]) for f in report["findings"]
             if f["severity"] != "info"]
    assert found == [("LR110", "content/manual-references.json", 2, "article-journal item lacks container-title")]


ROOTSTOCK_FRONT = """\
{## Template to insert build date and source ##}
<small><em>
This manuscript
{% if manubot.html_url_versioned is defined -%}
([permalink]({{manubot.html_url_versioned}}))
{% endif -%}
was automatically generated
{% if manubot.ci_source is defined -%}
from [{{manubot.ci_source.repo_slug}}@{{manubot.ci_source.commit}}](https://github.com/{{manubot.ci_source.repo_slug}}/tree/{{manubot.ci_source.commit}})
{% endif -%}
on {{manubot.generated_date_long}}.
</em></small>

{% if manubot.date_long != manubot.generated_date_long -%}
Published: {{manubot.date_long}}
{% endif %}

## Authors

{% for author in manubot.authors %}
+ **{{author.name}}**
  {%- if author.orcid is defined and author.orcid is not none %}
    [{{author.orcid}}](https://orcid.org/{{author.orcid}})
  {%- endif %}

  <small>
     · Funded by {{author.funders | join('; ')}}
  </small>
{% endfor %}

::: {#correspondence}
✉ — Correspondence possible via {% if manubot.ci_source is defined -%}[GitHub Issues](https://github.com/{{manubot.ci_source.repo_slug}}/issues){% else %}GitHub Issues{% endif %}
:::
"""


def test_manubot_template_front_matter_makes_no_claims(tmp_path: Path) -> None:
    # Manubot renders content/ as a Jinja2 template: the text its statements ({% if %}, {% for %}) wrap or stand in
    # is the build's (dates, addresses, authors), one paragraph each once rendered, and no claim of the author's; a
    # variable in the author's prose ({{ n }}) leaves the prose a claim.
    from litreview.essay import load_essay

    content = tmp_path / "content"
    content.mkdir()
    (content / "00.front-matter.md").write_text(ROOTSTOCK_FRONT, encoding="utf-8")
    (content / "01.intro.md").write_text("## Introduction\n\nWe read {{ n_papers }} papers [@doi:10.1/x].\n"
                                         "{## a comment ##}\nThey agree.\n", encoding="utf-8")
    essay = load_essay(content)
    assert [(c.id, c.text) for c in essay.claims] == [
        ("p1-s1", "Authors"), ("p2-s1", "Introduction"), ("p3-s1", "We read papers [@doi:10.1/x]."),
        ("p4-s1", "They agree.")]  # (the comment's line stays, empty: pandoc reads two paragraphs)
    assert essay.claim("p3-s1").file.endswith("01.intro.md") and essay.claim("p3-s1").line == 3


def test_manubot_figure_attribute_is_no_jinja_comment(tmp_path: Path) -> None:
    # Manubot's Jinja2 comments are {## ... ##}: a figure's {#fig:a} is Markdown, and the prose after it stays
    # (read as {# ... #}, it ran to the comment's closing "#}" and blanked the paragraph between).
    from litreview.essay import load_essay

    content = tmp_path / "content"
    content.mkdir()
    (content / "01.results.md").write_text("![A figure.](f.png){#fig:a}\n\nThe result holds [@doi:10.1/y].\n\n"
                                           "{## to do ##}\n", encoding="utf-8")
    essay = load_essay(content)
    assert [c.text for c in essay.claims] == ["A figure.", "The result holds [@doi:10.1/y]."]
