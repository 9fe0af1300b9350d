"""``bench/eval_explicit.py``: each explicit link judged by the authors' citations of its sentence and paragraph."""

from __future__ import annotations

import sys
from pathlib import Path

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_explicit import Verdict, missed_listing, named, table, typed, verdicts
from bench.topical_corpus import Document

BIB = """@book{holsti2004, author={Holsti, K. J.}, title={Taming the Sovereigns}, year={2004}}
@book{kant1983, author={Kant, Immanuel}, title={Perpetual Peace}, year={1983}}
"""


def test_links_are_right_near_or_wrong_by_the_citations_of_the_sentence_and_paragraph() -> None:
    essay = parse_essay("Holsti argues that order rests on custom. As Holsti notes, it changes.\n\n"
                        "Kant argues that peace needs republics.\n")
    gold = {"p1-s1": {"holsti2004"}, "p1-s2": set(), "p2-s1": set()}
    doc = Document("d", essay, parse_bibliography(BIB), gold)
    found = verdicts(doc)
    assert [(v.claim[:12], v.key, v.verdict) for v in found] == [
        ("Holsti argue", "holsti2004", "right"), ("As Holsti no", "holsti2004", "near"),
        ("Kant argues ", "kant1983", "wrong")]
    assert "attribution      3     1     1     1      0    0.333    0.667" in table({"dev": found})


def test_a_link_in_a_sentence_citing_a_key_the_bibliography_lacks_is_unjudged() -> None:
    # The sentence cites a key its bibliography lacks (a key changed since): what it relies on is unknown, so the
    # link is not judged wrong; a sentence that cites nothing still is.
    essay = parse_essay("Holsti argues that order rests on custom.\n\nKant argues that peace needs republics.\n")
    doc = Document("d", essay, parse_bibliography(BIB), {"p1-s1": set(), "p2-s1": set()}, unresolved={"p1-s1"})
    found = verdicts(doc)
    assert [(v.key, v.verdict) for v in found] == [("holsti2004", "unjudged"), ("kant1983", "wrong")]
    row = next(line for line in table({"dev": found}).splitlines() if " all " in line)
    assert row.split()[2:] == ["2", "0", "0", "2", "0", "0.000", "0.000", "2", "0.000", "1", "0.000"]


def test_a_kind_with_no_confirmed_link_has_no_confirmed_precision() -> None:
    found = [Verdict("d", "title", "A claim.", "k", "Title", "wrong", ambiguous=True, confirmed=False)]
    (row,) = [line for line in table({"dev": found}).splitlines() if " title " in line]
    assert row.split()[-4:-2] == ["0", "-"]


def test_citations_whose_sentence_names_the_entry_are_listed_with_whether_linked() -> None:
    essay = parse_essay("Holsti argues that order rests on custom. Order rests on custom. Holsti on custom.\n\n"
                        "The book Perpetual Peace asks for republics. The Kantian view asks for republics.\n")
    gold = {"p1-s1": {"holsti2004"}, "p1-s2": {"holsti2004"}, "p1-s3": {"holsti2004"}, "p2-s1": {"kant1983"},
            "p2-s2": {"kant1983"}}
    found = named(Document("d", essay, parse_bibliography(BIB), gold))
    # "Order rests on custom." names no one; "Kantian" is not the word "Kant"; a lone name opening a sentence with
    # nothing that appeals to the person is not linked.
    assert [(n.claim[:12], n.key, n.by, n.linked) for n in found] == [
        ("Holsti argue", "holsti2004", "Holsti", True), ("Holsti on cu", "holsti2004", "Holsti", False),
        ("The book Per", "kant1983", "title", True)]
    assert missed_listing(found).splitlines()[:2] == ["  named in the sentence: 3, linked explicitly: 2 (0.667)",
                                                      "  missed d: holsti2004  [Holsti]"]


def test_a_citation_typed_in_plain_text_counts_as_the_authors_with_typed_gold() -> None:
    # "See Holsti (2004) for ...": the authors cite the entry without a key, so pandoc's gold lacks it and the
    # marker link was judged wrong (every one of them on a development set). With typed_gold it is theirs; a name
    # with another year, or a year far from the name, is not.
    sources = list(parse_bibliography(BIB).sources)
    assert typed("See Holsti (2004) for more.", sources) == {"holsti2004"}
    assert typed("This is custom (Holsti, 2004; Kant 1983).", sources) == {"holsti2004", "kant1983"}
    assert typed("Holsti and colleagues (2004) find it.", sources) == {"holsti2004"}
    assert typed("Holsti (2005) and Kant wrote on peace after 1983.", sources) == set()
    assert typed("Holsti, who wrote on order and custom and many other things, (2004) was cited.", sources) == set()
    essay = parse_essay("Order rests on custom, as Holsti (2004) shows.\n")
    doc = Document("d", essay, parse_bibliography(BIB), {"p1-s1": set()})
    assert [v.verdict for v in verdicts(doc)] == ["wrong"]
    assert [(v.kind, v.verdict) for v in verdicts(doc, typed_gold=True)] == [("marker", "right")]


def test_a_wrong_link_to_an_entry_the_authors_cite_elsewhere_in_the_document_is_counted_apart() -> None:
    # "Julie Netherland and Helena Hansen's article titled ..." cites its entry in another paragraph only: still
    # wrong by the sentence and paragraph, but shown apart (column "elsew.") from a link to an entry never cited.
    essay = parse_essay("Holsti argues that order rests on custom.\n\nKant argues that peace needs republics.\n\n"
                        "Order rests on custom.\n")
    gold = {"p1-s1": set(), "p2-s1": set(), "p3-s1": {"holsti2004"}}
    found = verdicts(Document("d", essay, parse_bibliography(BIB), gold))
    assert [(v.key, v.verdict, v.elsewhere) for v in found] == [("holsti2004", "wrong", True),
                                                                ("kant1983", "wrong", False)]
    header, row = table({"dev": found}).splitlines()[0], next(
        line for line in table({"dev": found}).splitlines() if " all " in line)
    assert header.split()[5:7] == ["wrong", "elsew."]
    assert row.split()[2:8] == ["2", "0", "0", "2", "1", "0.000"]
