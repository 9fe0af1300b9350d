"""Unit tests of the site's building blocks: page paths, URL safety, abstracts, BibTeX text, CSL-JSON.

Expected values are written out by hand from the rules each function documents.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from litreview.bibliography.load import parse_bibliography
from litreview.model import Source
from litreview.render.bibtex import EntryTexts, rebuild
from litreview.render.csljson import csl_type, source_to_csl, to_csl_json
from litreview.render.layout import Layout, check_path, key_slug
from litreview.render.sanitize import clean_abstract, doi_url, esc, esc_code, link, safe_url, shorten


@pytest.mark.parametrize(("key", "slug"), [
    ("holsti2004taming", "holsti2004taming"),
    ("Paul2004:Order", "_paul2004~3a_order"),
    ("a/b", "a~2fb"),
    ("../x", "~2e~2e~2fx"),
    ("a_b", "a~5fb"),
    ("é", "~c3~a9"),
    ("evil<script>", "evil~3cscript~3e"),
    ("", "~"),
])
def test_key_slug(key, slug):
    assert key_slug(key) == slug


def test_key_slug_keeps_case_apart_and_bounds_length():
    assert key_slug("Ab") != key_slug("ab")
    long_a, long_b = "k" * 300 + "a", "k" * 300 + "b"
    assert len(key_slug(long_a)) <= 120
    assert key_slug(long_a) != key_slug(long_b)


@pytest.mark.parametrize(("source", "target", "fragment", "expected"), [
    ("essay.md", "sources/x.md", "", "../sources/x/"),
    ("index.md", "essay.md", "", "essay/"),
    ("essay.md", "index.md", "", "../"),
    ("essay.md", "essay.md", "p1-s1", "./#p1-s1"),
    ("sources/x.md", "essay.md", "p3-s6", "../../essay/#p3-s6"),
    ("downloads.md", "downloads/links.json", "", "links.json"),
    ("index.md", "downloads/links.json", "", "downloads/links.json"),
    ("sources/x.md", "sources/y.md", "", "../y/"),
])
def test_href_with_directory_urls(source, target, fragment, expected):
    assert Layout().href(source, target, fragment) == expected


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("essay.md", "sources/x.md", "sources/x.html"),
    ("sources/x.md", "index.md", "../index.html"),
    ("sources/x.md", "essay.md", "../essay.html"),
])
def test_href_without_directory_urls(source, target, expected):
    assert Layout(use_directory_urls=False).href(source, target) == expected


def test_fragment_is_encoded():
    assert Layout().href("essay.md", "essay.md", 'a"b c') == "./#a%22b%20c"


@pytest.mark.parametrize(("value", "page", "ok"), [
    ("essay.md", True, True), ("review/essay.md", True, True), ("essay.html", True, False),
    ("../essay.md", True, False), ("/essay.md", True, False), ("a//b.md", True, False),
    ("sources", False, True), ("a\\b", False, False), ("", False, False),
])
def test_check_path(value, page, ok):
    assert (check_path(value, page=page) is None) is ok


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
    ("http://example.org/", "http://example.org/"),
    ("HTTPS://Example.org/x", "HTTPS://Example.org/x"),
    ("http://example.org/a b", "http://example.org/a%20b"),
    ('http://example.org/"onmouseover=x', "http://example.org/%22onmouseover=x"),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    ("  javascript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>x</script>", None),
    ("vbscript:x", None),
    ("//evil.example/x", None),
    ("/relative/path", None),
    ("https:evil", None),
    ("http://exa\x00mple.org", None),
    ("", None),
    (None, None),
])
def test_safe_url(url, expected):
    assert safe_url(url) == expected


@pytest.mark.parametrize(("doi", "expected"), [
    ("10.1080/09636410500323187", "https://doi.org/10.1080/09636410500323187"),
    ("doi:10.1000/xyz", "https://doi.org/10.1000/xyz"),
    ("https://doi.org/10.1000/xyz", "https://doi.org/10.1000/xyz"),
    ('10.1234/"><script>', None),
    ("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
     "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0"),
    ("10.1000/a[b]#c", "https://doi.org/10.1000/a%5Bb%5D%23c"),
    ("not a doi", None),
    ("10.12/x", None),
])
def test_doi_url(doi, expected):
    assert doi_url(doi) == expected


def test_link_refuses_unsafe_schemes_and_escapes_text():
    assert link("javascript:alert(1)") == '<span class="lr-unlinked">javascript:alert(1)</span>'
    assert link("https://a.org/", "<b>") == '<a href="https://a.org/" rel="noopener noreferrer">&lt;b&gt;</a>'


def test_esc_removes_control_characters_and_quotes():
    assert esc('a\x02b"<\'') == "ab&quot;&lt;&#x27;"


@pytest.mark.parametrize(("text", "expected"), [
    ("run `litreview fetch` with network access", "run <code>litreview fetch</code> with network access"),
    ("`a` and `b`", "<code>a</code> and <code>b</code>"),
    ("try `<script>` here", "try <code>&lt;script&gt;</code> here"),
    ("a lone ` stays", "a lone ` stays"),
    ("no ``", "no ``"),
])
def test_esc_code_shows_backticked_commands_as_code(text, expected):
    assert esc_code(text) == expected


def test_shorten_cuts_at_a_word():
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("short", 12) == "short"


def test_clean_abstract_maps_jats():
    jats = ("<jats:title>Abstract</jats:title><jats:p>How <jats:italic>world culture</jats:italic> "
            "shapes <jats:bold>power</jats:bold>.</jats:p>")
    assert clean_abstract(jats) == "<p>How <em>world culture</em> shapes <strong>power</strong>.</p>"


def test_clean_abstract_removes_everything_active():
    hostile = ('<jats:p>Safe<script>x()</script><img src=x onerror=y()><a href="javascript:z()">c</a>'
               '<jats:italic onclick="w()">it</jats:italic></jats:p><style>b{}</style><iframe src="data:x"></iframe>')
    assert clean_abstract(hostile) == "<p>Safe<em>it</em></p>".replace("<em>", "c<em>")


def test_clean_abstract_of_nothing():
    assert clean_abstract("") == ""
    assert clean_abstract("<jats:title>Abstract</jats:title>") == ""


BIB = """% comment
@book(paren, title={A tricky) title}, year=2001)

@misc{braces,
  title = {Nested {Braces} here},
  note  = {with a ) paren},
}
@misc{broken,
  title = {never closed,
@book{after, title={After}}
"""


def test_entry_texts_cut_each_entry_as_written():
    bib = parse_bibliography(BIB, "x.bib")
    texts = EntryTexts(bib)
    by_key = {s.key: texts.entry(s) for s in bib.sources}
    assert by_key["paren"] == "@book(paren, title={A tricky) title}, year=2001)"
    assert by_key["braces"] == "@misc{braces,\n  title = {Nested {Braces} here},\n  note  = {with a ) paren},\n}"
    # Unbalanced: cut before the next line that opens an entry.
    assert by_key["broken"] == "@misc{broken,\n  title = {never closed,"
    assert not [p for p in bib.problems if p.line == 2]


def test_entry_text_rebuilt_without_file_text():
    source = Source(key="k", type="book", title="T", fields={"title": "T", "year": "2001"}, line=3)
    assert rebuild(source) == "@book{k,\n  title = {T},\n  year  = {2001},\n}"


CSL_BIB = r"""
@article{farrell2005world,
  author  = {Farrell, Theo},
  title   = {World Culture and Military Power},
  journal = {Security Studies},
  volume  = {14},
  number  = {3},
  pages   = {448--88},
  year    = {2005},
  doi     = {https://doi.org/10.1080/09636410500323187},
}
@online{uscode10,
  title        = {U.S. Code: Title 10 – ARMED FORCES},
  howpublished = {LII / Legal Information Institute},
  url          = {https://www.law.cornell.edu/uscode/text/10},
  urldate      = {2018-12-03},
}
@misc{byrne2012public,
  author = {Byrne, Caitlyn}, title = {Public Diplomacy}, year = {2012}, month = apr, day = {4},
  url = {http://files.isanet.org/x.pdf},
}
@techreport{moroney2009framework,
  author = {Moroney, Jennifer D. P. and {RAND Corporation}}, title = {A Framework}, institution = {Rand},
  address = {Santa Monica, CA}, number = {MG-863}, year = {2009},
}
@incollection{c, author = {von Neumann, John and Smith, Jr., Bob}, title = {T}, booktitle = {B}, year = {1950}}
@misc{m, title = {No URL}}
"""


def test_csl_json_items():
    items = {i["id"]: i for i in to_csl_json(parse_bibliography(CSL_BIB, "x.bib").sources)}
    assert items["farrell2005world"] == {
        "id": "farrell2005world", "type": "article-journal",
        "author": [{"family": "Farrell", "given": "Theo"}],
        "title": "World Culture and Military Power", "container-title": "Security Studies",
        "volume": "14", "issue": "3", "page": "448–88", "issued": {"date-parts": [[2005]]},
        "DOI": "10.1080/09636410500323187",
    }
    assert items["uscode10"] == {
        "id": "uscode10", "type": "webpage", "title": "U.S. Code: Title 10 – ARMED FORCES",
        "container-title": "LII / Legal Information Institute",
        "URL": "https://www.law.cornell.edu/uscode/text/10", "accessed": {"date-parts": [[2018, 12, 3]]},
    }
    assert items["byrne2012public"]["type"] == "webpage"
    assert items["byrne2012public"]["issued"] == {"date-parts": [[2012, 4, 4]]}
    report = items["moroney2009framework"]
    assert report["type"] == "report"
    assert report["author"] == [{"family": "Moroney", "given": "Jennifer D. P."}, {"literal": "RAND Corporation"}]
    assert report["number"] == "MG-863" and report["publisher"] == "Rand"
    assert report["publisher-place"] == "Santa Monica, CA"
    assert items["c"]["type"] == "chapter"
    assert items["c"]["author"] == [{"family": "Neumann", "given": "John", "non-dropping-particle": "von"},
                                    {"family": "Smith", "given": "Bob", "suffix": "Jr."}]
    assert items["m"]["type"] == "document"


@pytest.mark.parametrize(("kind", "url", "expected"), [
    ("book", "", "book"), ("article", "", "article-journal"), ("incollection", "", "chapter"),
    ("inproceedings", "", "paper-conference"), ("phdthesis", "", "thesis"), ("online", "", "webpage"),
    ("misc", "https://x.org", "webpage"), ("misc", "", "document"), ("weird", "", "document"),
])
def test_csl_types(kind, url, expected):
    assert csl_type(Source(key="k", type=kind, url=url)) == expected
    assert source_to_csl(Source(key="k", type=kind, url=url))["type"] == expected


def test_file_labels_never_show_machine_paths(tmp_path):
    from litreview.model import Finding
    from litreview.render.fragments import file_label

    inside = Finding("LR100", "error", "m", file=str(tmp_path / "refs" / "x.bib"), line=3)
    outside = Finding("LR100", "error", "m", file="/elsewhere/y.bib")
    relative = Finding("LR100", "error", "m", file="refs/z.bib", line=1)
    assert file_label(inside, str(tmp_path)) == "refs/x.bib:3"
    assert file_label(outside, str(tmp_path)) == "y.bib"
    assert file_label(relative, None) == "refs/z.bib:1"


def test_blocks_round_trip_and_anchor_ids():
    from litreview.render.blocks import anchor_ids, join_blocks, split_blocks

    page = '---\ntitle: "T"\n---\n\n<h1 id="a&amp;b">T</h1>\n\n## Heading\n\n<div id="p1-s1">x</div>\n\n<!-- c -->\n'
    markdown, blocks = split_blocks(page)
    assert markdown == ('---\ntitle: "T"\n---\n\n<!--litreview-block:0-->\n\n## Heading\n\n'
                        "<!--litreview-block:1-->\n\n<!-- c -->\n")
    assert blocks == ['<h1 id="a&amp;b">T</h1>', '<div id="p1-s1">x</div>']
    assert join_blocks("<p><!--litreview-block:1--></p>", blocks) == '<p><div id="p1-s1">x</div></p>'
    assert anchor_ids(blocks) == {"a&b", "p1-s1"}


@pytest.mark.parametrize(("entry_type", "words"), [
    ("article", "article"), ("incollection", "chapter"), ("techreport", "report"), ("online", "web page"),
    ("misc", "other"), ("Book", "book"), ("patent", "patent"),
])
def test_type_words(entry_type, words):
    from litreview.render.fragments import type_words

    assert type_words(entry_type) == words


def test_severity_badge_says_note_for_info():
    from litreview.render.fragments import severity_badge

    assert severity_badge("info") == ('<span class="lr-sev lr-sev--info"><span aria-hidden="true">ℹ</span> '
                                      "note</span>")
    assert severity_badge("error").endswith("</span> error</span>")


def test_compact_html_keeps_what_shows_and_what_is_verbatim():
    from litreview.render.publish import compact_html

    html = ('<ul>\n      <li>\n        <a href="x">A\n   b</a>\n      </li>\n</ul>'
            '<pre>x\n    y</pre>\n\n  <script>if (a)\n    b();</script><textarea>1\n\n  2</textarea>')
    assert compact_html(html) == ('<ul>\n<li>\n<a href="x">A\nb</a>\n</li>\n</ul>'
                                  '<pre>x\n    y</pre>\n<script>if (a)\n    b();</script><textarea>1\n\n  2</textarea>')
    assert compact_html("<p>one  two</p>") == "<p>one  two</p>"  # runs without a line break: left alone


def test_compact_html_at_the_ends_and_between_blank_lines():
    from litreview.render.publish import compact_html

    assert compact_html(" \t\n  <p>") == "\n<p>"  # a run at the start, and one at the end
    assert compact_html("<p>\r\n \f\n\t") == "<p>\n"
    assert compact_html("a \n \n\n b\n c") == "a\nb\nc"  # lines of blanks are part of the run
    assert compact_html("a\v\nb\u2003\nc") == "a\v\nb\u2003\nc"  # other white space is text
    assert compact_html("\n\n") == "\n" and compact_html("") == ""


def test_search_marks_are_stripped_with_one_blank_before_each():
    from litreview.render.blocks import strip_search_marks

    assert strip_search_marks('<div  data-search-exclude="x" id="a">') == '<div  id="a">'  # one blank of two
    assert strip_search_marks('<p data-search-a="1" data-search-b="2">') == "<p>"
    assert strip_search_marks('<p\tdata-search-a="1"data-search-b="2">x') == "<p>x"
    assert strip_search_marks('data-search-a="1" rest') == " rest"
    assert strip_search_marks('<p data-search-a="">') == '<p data-search-a="">'  # no value: not a mark
    assert strip_search_marks("<p>no marks</p>") == "<p>no marks</p>"


def test_minify_css_drops_comments_and_spaces_but_not_strings():
    from litreview.render.publish import minify_css

    css = '/* a comment */\n.a  >  .b ,\n.c {\n  content: "x  /* y */  ; { }";\n  margin: 0 auto;\n}\n'
    assert minify_css(css) == '.a > .b,.c{content: "x  /* y */  ; { }";margin: 0 auto;}'


def test_a_csl_bibliographys_entries_are_written_as_bibtex_not_cut_from_its_json() -> None:
    # The text of a CSL file is no BibTeX: an "@" in it (an e-mail address) was cut out as the entry,
    # and the site's bibliography.bib download was the JSON itself.
    from litreview.bibliography.csl import parse_csl
    from litreview.model import Review
    from litreview.render.downloads import download_files

    text = ('[\n{"id": "doe2020", "type": "book", "title": "A Book", "publisher": "P", "note": "ask doe@example.org"},\n'
            '{"id": "roe2021", "type": "book", "title": "B", "URL": "https://example.org/@roe"}\n]\n')
    bib = parse_csl(text, "refs.json", yaml=False)
    texts = EntryTexts(bib)
    assert [texts.entry(s).splitlines()[0] for s in bib.sources] == ["@book{doe2020,", "@book{roe2021,"]
    download = download_files(Review(bibliography=bib))["bibliography.bib"]
    assert download.startswith("@book{doe2020,") and '"id"' not in download


def test_a_reviewers_link_without_words_of_its_own_shows_its_note_once() -> None:
    # The card said "Note: X" and then "Evidence: “X”": the note is not words of the sentence.
    from litreview.model import Link
    from litreview.render.citation import Reference
    from litreview.render.fragments import card_html

    (source,) = parse_bibliography("@book{k, title={T}, author={A, B}, year={2000}}").sources
    ref = Reference(html="A. T.", text="A. T.", short="A 2000")
    reviewed = Link("p1-s1", "k", "topical", 1.0, "confirmed", "read <b>p. 3</b>", note="read <b>p. 3</b>",
                    curated=True)
    html = card_html(reviewed, source, ref, "c1", claim_text="A sentence.")
    assert html.count("read &lt;b&gt;p. 3&lt;/b&gt;") == 1 and "Evidence" not in html
    found = Link("p1-s1", "k", "marker", 1.0, "confirmed", "[@k]", note="read p. 3", curated=True)
    html = card_html(found, source, ref, "c1", claim_text="A sentence [@k].")
    assert "Note: read p. 3" in html and "Evidence:" in html


@given(st.text(alphabet=st.sampled_from("ab \t\n\r\x00\x01\x1f\x7f\x85\x9b\u00a0\u2003\u2028\u202e\u2066é"), max_size=12))
def test_one_line_and_clean_text_keep_their_rule_on_every_text(text):
    import re

    from litreview.render.sanitize import clean_text, one_line

    # The controls that are white space but the carriage return (a line end) keep words apart; the rest go.
    spaced = re.sub(r"[\x0b\x0c\x1c-\x1f\x85]", " ", text)
    assert clean_text(text) == re.sub(r"[\x00-\x08\x0e-\x1b\x7f-\x9f\u202a-\u202e\u2066-\u2069]", "", spaced)
    assert one_line(text) == re.sub(r"\s+", " ", clean_text(text)).strip()


@given(st.text(alphabet=st.sampled_from("ab XY.,;:'\"()?!#%$/=+09é-\t*_`[]<>&~\\^"), max_size=30))
def test_a_claim_without_markup_is_shown_as_markdown_it_would_render_it(text):
    # Sentences with no markup skip markdown-it (the essay page rebuilt after one edit renders every claim):
    # what they show must be what markdown-it would have shown.
    import html

    from litreview.essay.cites import math_spans, raw_tex_spans
    from litreview.render.claim_text import _inline, claim_html

    assume("[^" not in text)  # a note reference prints as the note's mark, by its own rule (test_site_essay_markup)
    assume(not math_spans(text))  # TeX math prints as MathML, by its own rule (test_site_math)
    shown, placed = claim_html(text, (), lambda item: None)
    for start, end in reversed(raw_tex_spans(text)):  # raw LaTeX ("\\aX") prints nothing, as in pandoc's HTML
        text = text[:start] + text[end:]
    assert html.unescape(shown) == html.unescape(_inline().renderInline(text.replace("\ue000", "\ufffd")))
    assert placed == set()


def test_the_bibliography_download_is_the_file_without_its_control_characters() -> None:
    # It was served byte for byte: an escape sequence in a field ran in the terminal of a reader who printed the
    # download (curl, cat); the rest stays as written, line ends (CRLF, a form feed) included.
    from litreview.model import Review
    from litreview.render.downloads import download_files

    text = ("% refs\r\n@book{k,\r\n  title = {T\x1b]0;owned\x07itle \u202eevil},\r\n  author = {A, B},\r\n"
            "  year = {2000}}\r\n\x0c\r\n@misc{m, title = {Tab\there}}\r\n")
    bib = parse_bibliography(text, "refs.bib")
    assert bib.text == text
    download = download_files(Review(bibliography=bib))["bibliography.bib"]
    assert download == text.replace("\x1b]0;owned\x07", "").replace("\u202e", "")  # the whole sequence goes


def test_a_url_key_is_named_by_its_last_part_and_a_hash_of_the_whole_key():
    # Manubot's Zotero keys were escaped letter by letter: http~3a~2f~2fzotero~2eorg~2f...~2f8_c92_g7_e2.
    key = "http://zotero.org/groups/2323485/items/8C92G7E2"
    slug = key_slug(key)
    assert slug.startswith("8c92g7e2~~") and len(slug) <= 30 and slug == key_slug(key)  # stable
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-~")
    others = [key.lower(), key.replace("2323485", "1"), "url:" + key, "https://example.org/a/8C92G7E2/",
              "https://example.org/", "https://dialnet.unirioja.es/servlet/articulo?codigo=2315981",
              "8c92g7e2", "http://../../etc/passwd", "k" * 300 + "a"]
    slugs = [key_slug(k) for k in [key, *others]]
    assert len(set(slugs)) == len(slugs), slugs  # the hash keeps apart keys of one last part, or one case
    assert key_slug("https://example.org/a/8C92G7E2/").startswith("8c92g7e2~~")
    assert key_slug("https://example.org/").startswith("example-org~~")
    assert key_slug("https://dialnet.unirioja.es/servlet/articulo?codigo=2315981").startswith(
        "articulo-codigo-2315981~~")
    assert key_slug("http://../../etc/passwd").startswith("passwd~~")
    assert key_slug("http://zotero.org/" + "x" * 300).startswith("x" * 60 + "~~")
