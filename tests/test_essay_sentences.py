"""The sentence splitter's cheap rule gives the sentences pysbd gives (``reference=True``), on the essay,
on the manuscripts of the corpus, and on generated paragraphs full of the marks that mislead a rule."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from litreview.essay import load_essay, segment
from litreview.essay.segment import sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

WORDS = ["the", "state", "power", "order", "anarchy", "Waltz", "Holsti", "DOD", "NATO", "U.S.", "U.K.", "U.N.", "e.g.", "i.e.", "et", "al.", "etc.", "cf.", "Cf.", "vs.", "Dr.", "Mr.", "St.", "Fig.", "fig.", "p.", "pp.", "no.", "No.", "3", "1979", "12", "(see)", "(Waltz", "1979)", "[@waltz1979]", "[@a;", "@b,", "p.", "4]", "@smith2001", "K.J.", "T.V.", "A", "I", "“quoted”", '"said"', "'single'", "(a)", "(b)", "1.", "2.", "a.", "b.", "i.", "ii.", "--", "—", "…", "...", "?!", "Kant’s", "it's", "may", "is", "gen.", "approx.", "Inc.", "Ltd.", "Jan.", "a.m.", "p.m.", "5.3", "v2.1", "www.example.com", "x@y.org"]
PLAIN = ["word", "states", "theory", "war", "peace", "Holsti", "norms"]
ENDS = [".", ".", ".", "?", "!", ".”", ".\"", ".)", "]."]
STARTS = ["The", "This", "A", "However,", "It", "Waltz", "K.J.", "In", "We", "@smith2001", "[@a]", "(The", "“The",
          "i", "3"]


def _paragraph(rnd: random.Random) -> str:
    out = []
    for _ in range(rnd.randint(1, 6)):
        words = [rnd.choice(STARTS)] + [rnd.choice(WORDS) if rnd.random() < 0.4 else rnd.choice(PLAIN)
                                        for _ in range(rnd.randint(2, 12))]
        out.append(" ".join(words) + rnd.choice(ENDS))
    return " ".join(out)


def _both(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    return sentences(text, 0, len(text)), sentences(text, 0, len(text), reference=True)


def test_generated_paragraphs_split_as_pysbd_splits_them() -> None:
    rnd = random.Random(15)
    for _ in range(600):
        text = _paragraph(rnd)
        fast, reference = _both(text)
        assert fast == reference, text


@pytest.mark.parametrize("text", [
    "Realism dominates. K.J. Holsti disagrees with “the view.” In the end it holds.",
    "The U.S. The alliance holds. Hedley Bull et al. argue so [@bull1977, p. 4]. Cf. Wendt.",
    "It grew (see the 1990s) and shrank. (The Holsti state.) A new order came.",
    "Two cases: 1. alliances and 2. regimes. Both matter.",
    # a bare key after a closing quotation mark continues the sentence for pysbd; after a bracket it begins one
    'Power "shifts." @waltz1979 says so. Power shifts [@a, p. 3]. @b says wetlands move.',
    'It ended “there.” @b agrees. Cf. @c argues it. See e.g. @d says it. As Smith et al. @e notes.',
])
def test_hard_cases_split_as_pysbd_splits_them(text: str) -> None:
    fast, reference = _both(text)
    assert fast == reference


def _fresh_split(text: str) -> tuple[str, str]:
    """The sentences of ``text`` split in a fresh process, and whether that process imported pysbd."""
    code = ("import sys; from litreview.essay.segment import sentences; "
            f"t = {text!r}; print([t[a:b] for a, b in sentences(t, 0, len(t))]); print('pysbd' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    spans, imported = done.stdout.splitlines()
    return spans, imported


def test_the_rule_leaves_plain_prose_to_no_pysbd_call() -> None:
    spans, imported = _fresh_split(
        "Realism dominates the field. States seek power [@waltz1979]. Others disagree (Keohane 1984). Why not?")
    assert spans == str(["Realism dominates the field.", "States seek power [@waltz1979].",
                         "Others disagree (Keohane 1984).", "Why not?"])
    assert imported == "False"


def test_a_bare_key_opening_a_sentence_after_a_bracket_needs_no_pysbd_call() -> None:
    spans, imported = _fresh_split(
        "Sovereignty changed after the war [@holsti2004, p. 3]. @nguyen2019 says wetlands move. It holds.")
    assert spans == str(["Sovereignty changed after the war [@holsti2004, p. 3].", "@nguyen2019 says wetlands move.",
                         "It holds."])
    assert imported == "False"


def _documents() -> list[Path]:
    docs = [ROOT / "refs" / "essay.md"]
    folder = SHARED / "corpus" / "manuscripts"
    if folder.is_dir():
        for doc in sorted(p for p in folder.iterdir() if (p / "SOURCE.json").exists()):
            source = json.loads((doc / "SOURCE.json").read_text(encoding="utf-8"))
            first = source["docs"][0]
            docs.append(doc / Path(first).parent if source.get("manubot") else doc / first)
    return docs


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.parent.name if p.name != "essay.md" else "refs")
def test_claims_of_real_documents_are_those_pysbd_gives(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [(c.id, c.start, c.end, c.line) for c in load_essay(path).claims]
    original = segment.sentences

    def reference(body: str, start: int, end: int) -> list[tuple[int, int]]:
        return original(body, start, end, reference=True)

    for module in ("litreview.essay.markdown", "litreview.essay.latex"):
        monkeypatch.setattr(f"{module}.sentences", reference)
    assert fast == [(c.id, c.start, c.end, c.line) for c in load_essay(path).claims]


@pytest.mark.parametrize(("text", "expected"), [
    # A sentence that ends inside emphasis ends after its closing marks, as pandoc reads the emphasis whole: the
    # next sentence started with them ("* With two sentences."), and the page showed both halves as raw markup.
    ("*A caption.* With two sentences.", ["*A caption.*", "With two sentences."]),
    ("It is **done.** Then more.", ["It is **done.**", "Then more."]),
    # An image's "!" ends no sentence.
    ("See ![icon](i.png) here. Then.", ["See ![icon](i.png) here.", "Then."]),
])
def test_a_sentence_ending_in_emphasis_keeps_its_closing_marks(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Pandoc's inline note (``^[...]``, also what a LaTeX \footnote reads as) is part of the sentence it is attached
    # to: no sentence ends inside it, and one placed after a sentence's full stop ends that sentence. The note began
    # the next sentence ("^[A note. See @a.] The next one."), and sentences were cut inside it.
    ("It holds.^[A note. See @a for more.] The next one starts here.",
     ["It holds.^[A note. See @a for more.]", "The next one starts here."]),
    ("It is at <https://x.org>^[The files are there. The code is, too.]. Then more.",
     ["It is at <https://x.org>^[The files are there. The code is, too.].", "Then more."]),
    ("One.^[Note [see @a]. Second part of it.] Two. Three.", ["One.^[Note [see @a]. Second part of it.]", "Two.",
                                                              "Three."]),
    # A note's reference ("[^1]", its note a paragraph of its own) after a full stop, and notes one after another.
    ("It holds.[^1] The next one starts here.", ["It holds.[^1]", "The next one starts here."]),
    ("One.^[A note.]^[Another.][^n2] Two.", ["One.^[A note.]^[Another.][^n2]", "Two."]),
])
def test_an_inline_note_stays_with_its_sentence(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A sentence may begin with a name written in lower case with capitals inside ("netNMF-sc", "eQTL", "mRNA"): after
    # a full stop that ends a word (not an abbreviation) or a bracket, it begins a sentence, as pysbd reads it. Such
    # sentences were joined to the one before, as a continuation after an abbreviation ("e.g. mRNA") is.
    ("Edges are correlations of interest. netNMF-sc uses networks [@a]. The network helps.",
     ["Edges are correlations of interest.", "netNMF-sc uses networks [@a].", "The network helps."]),
    ("It smooths (in the eQTL model). eQTL data is used too.", ["It smooths (in the eQTL model).",
                                                               "eQTL data is used too."]),
    ("Levels rise, e.g. mRNA levels do. See et al. iPSC lines. Then more.",
     ["Levels rise, e.g. mRNA levels do.", "See et al. iPSC lines.", "Then more."]),
    ("It ends here. the next part goes on.", ["It ends here. the next part goes on."]),
])
def test_a_sentence_may_begin_with_a_name_in_lower_case(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "et al." before a number in brackets goes on: a rendered numeric citation ("Smith et al. [12] showed") or a
    # year that a reference manager's export made a link ("Vandvik et al. [(2022)](https://...)"). pysbd cut there,
    # and the citation began a sentence of its own.
    ("As Smith et al. [12] showed, it works. Next one.", ["As Smith et al. [12] showed, it works.", "Next one."]),
    ("See Doe et al. [(2022)](https://x.org/a?b=1) and more. Next one.",
     ["See Doe et al. [(2022)](https://x.org/a?b=1) and more.", "Next one."]),
])
def test_et_al_before_a_bracketed_number_goes_on(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A statute's subsections ("section 686(1)(b)(iii)") are no list: pysbd cut the sentence at each one, and
    # inside a citation's locator too ("[@code, ss. 686(1)(a)(ii)]").
    ("It is an error of law under section 686(1)(a)(ii) of the Code. The proviso (s. 686(1)(b)(iii)) does not "
     "apply.", ["It is an error of law under section 686(1)(a)(ii) of the Code.",
                "The proviso (s. 686(1)(b)(iii)) does not apply."]),
    ("[@code, ss. 686(1)(a)(ii), 686(1)(b)(iii)] [@khan, para. 28]",
     ["[@code, ss. 686(1)(a)(ii), 686(1)(b)(iii)] [@khan, para. 28]"]),
    # A list written in the sentence, each item after a space, is still cut as pysbd cuts it.
    ("Two cases: (a) alliances and (b) regimes. Both matter.",
     ["Two cases:", "(a) alliances and", "(b) regimes.", "Both matter."]),
])
def test_a_statutes_subsections_are_no_list(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A figure's panel named in the sentence ("see panel (b) of Figure 3"): pysbd cut before each label, leaving
    # "(see panel" and "(b) Figure 3)." as two claims.
    ("The index is interleaved (see panel (b) Figure 3). As seen in panel (a) of Figure 3, it forms a curve.",
     ["The index is interleaved (see panel (b) Figure 3).", "As seen in panel (a) of Figure 3, it forms a curve."]),
    ("Panels (c) and (d) are both examples. Cells (purple in panel (b)) are few.",
     ["Panels (c) and (d) are both examples.", "Cells (purple in panel (b)) are few."]),
    # The figure's number between the word and the label: "Figure 3 (b)", "Fig. 3 (b)", "Abb. 3 (b)", "Tab. 2 (c)"
    ("The results are shown in two figures (see Figure 3 (b) and Table 2 (c)). Both agree.",
     ["The results are shown in two figures (see Figure 3 (b) and Table 2 (c)).", "Both agree."]),
    ("The curve rises (Fig. 3 (b)). It falls (Fig. 4a (ii) and Tab. 2 (c)). Die Kurve steigt (Abb. 3 (b)).",
     ["The curve rises (Fig. 3 (b)).", "It falls (Fig. 4a (ii) and Tab. 2 (c)).", "Die Kurve steigt (Abb. 3 (b))."]),
])
def test_a_labelled_part_named_in_a_sentence_begins_no_sentence(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A quotation that opens a parenthesis, then the citation it is taken from: pysbd cut after the quotation's full
    # stop, and the citation's names and year began a sentence of their own, its parenthesis left open in the one
    # before.
    ("Er zeigt („You shall know a word by the company it keeps.“ Firth 1957, 11) und dass. Das gilt.",
     ["Er zeigt („You shall know a word by the company it keeps.“ Firth 1957, 11) und dass.", "Das gilt."]),
    ("It shows (“You shall know a word by the company it keeps.” Firth 1957, 11) and more. Next one.",
     ["It shows (“You shall know a word by the company it keeps.” Firth 1957, 11) and more.", "Next one."]),
])
def test_a_quotation_opening_a_citations_parenthesis_ends_no_sentence(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # German abbreviations before a noun, which German capitalises: pysbd ended a sentence at each.
    ("Es gibt einige Diplom- bzw. Magisterarbeiten dazu. Vgl. Müller dazu. Das gilt (vgl. Meier 2001). Neu.",
     ["Es gibt einige Diplom- bzw. Magisterarbeiten dazu.", "Vgl. Müller dazu.", "Das gilt (vgl. Meier 2001).",
      "Neu."]),
    # A German date's day: "Seit dem 11." and "September 2011 strahlt ..." were two claims.
    ("Seit dem 11. September 2011 strahlt das Erste fünf Talks aus. So hatte am 6. Mai eine Premiere.",
     ["Seit dem 11. September 2011 strahlt das Erste fünf Talks aus.", "So hatte am 6. Mai eine Premiere."]),
    # A reference LaTeX prints as its label after the name of what it refers to.
    ("Differentiating the left hand side of Eq. [eqn:filterA] w.r.t. b yields it. See Sec. [s:a] and Ref. [3]. Done.",
     ["Differentiating the left hand side of Eq. [eqn:filterA] w.r.t. b yields it.", "See Sec. [s:a] and Ref. [3].",
      "Done."]),
    # A day's number that ends a sentence before another word, or a month after a number of another kind, still ends it.
    ("Wir kamen am 11. Danach gingen wir. It rose in Table 11. May saw more.",
     ["Wir kamen am 11.", "Danach gingen wir.", "It rose in Table 11.", "May saw more."]),
])
def test_german_abbreviations_dates_and_a_papers_parts_end_no_sentence(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


def test_one_short_sentence_written_thousands_of_times_is_each_its_own() -> None:
    # pysbd reads a quotation left open whole; the places of a sentence it finds many times are each read once.
    text = "She answered: 'No. " + "No. " * 3000
    spans = sentences(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == ["She answered: 'No.", *["No."] * 3000]
    assert spans[-1] == (len(text) - 4, len(text) - 1)


def test_pysbd_still_finds_sentence_places_through_the_override(monkeypatch: pytest.MonkeyPatch) -> None:
    # The splitter replaces a method of pysbd's own (its quadratic search for where each sentence is): should a new
    # pysbd stop calling it, the override would be dropped without a word, and the test above would only time out.
    import pysbd
    from pysbd.utils import TextSpan

    splitter = segment._segmenter()
    own = type(splitter).sentences_with_char_spans
    assert own is not pysbd.Segmenter.sentences_with_char_spans
    calls: list[list[str]] = []

    def spy(self: object, sents: list[str]) -> list[TextSpan]:
        calls.append(list(sents))
        return own(self, sents)

    monkeypatch.setattr(type(splitter), "sentences_with_char_spans", spy)
    assert splitter.segment("It rained. We stayed in.") == ["It rained. ", "We stayed in."]
    assert calls == [["It rained.", "We stayed in."]]


ABBREVIATED = ("See pp. 3 and PP. 4 of it. Dr. Smith came, as dr. who did. Fig. 2 shows it. Fig. A is shown. "
               "Mr. Brown and mr. brown met on p. 5, e.g. here. Pp. 6 says no. No. 7 is there. ") * 4


def test_abbreviations_are_read_as_pysbd_reads_them() -> None:
    # The splitter replaces an abbreviation's periods once for a text, where pysbd did it once for each time the
    # abbreviation is written: the sentences are pysbd's own.
    import pysbd

    splitter = segment._segmenter()
    assert splitter.segment(ABBREVIATED) == pysbd.Segmenter(language="en", clean=False).segment(ABBREVIATED)


def test_pysbd_still_replaces_abbreviations_through_the_override(monkeypatch: pytest.MonkeyPatch) -> None:
    # Should a new pysbd stop calling the method replaced, the override would be dropped without a word.
    replacer = segment._segmenter().language_module.AbbreviationReplacer
    own = replacer.scan_for_replacements
    calls: list[str] = []

    def spy(self: object, txt: str, am: str, ind: int, char_array: list[str]) -> str:
        calls.append(am.strip())
        return own(self, txt, am, ind, char_array)

    monkeypatch.setattr(replacer, "scan_for_replacements", spy)
    assert segment._segmenter().segment("See pp. 3 of it. It rained.") == ["See pp. 3 of it. ", "It rained."]
    assert "pp" in calls


def test_a_paragraph_written_again_has_its_sentences_where_it_is() -> None:
    paragraph = "It rained. See pp. 3 of it. We stayed in."
    body = paragraph + "\n\n" + paragraph
    first = sentences(body, 0, len(paragraph))
    again = sentences(body, len(paragraph) + 2, len(body))
    assert [body[a:b] for a, b in first] == [body[a:b] for a, b in again] == [
        "It rained.", "See pp. 3 of it.", "We stayed in."]
    assert again == [(a + len(paragraph) + 2, b + len(paragraph) + 2) for a, b in first]


def test_no_sentence_ends_inside_a_citations_bracket(tmp_path: Path) -> None:
    # pandoc 3.9's AST: "[On doit ce nom à Lanson. Voir @m, Le corpus ...]" is one NormalCitation, its prefix "On doit
    # ce nom à Lanson. Voir" and its suffix "Le corpus ..."; "[@p, p. 3\. La suite]" one with the suffix "p. 3. La
    # suite". Cut at their full stops, each bracket was lost: "@m" read as an in-text citation without its suffix.
    path = tmp_path / "a.md"
    path.write_text("Les romans «\\  personnels »[On doit ce nom à Lanson. Voir @m, Le corpus de «\\  romans » de "
                    "*René* (1802).] forment une famille. Le paratexte[Gasparini reprend ici Genette, Seuils, 1987. Il "
                    "y regroupe le titre. @g, p. 61] est clair. Un mot [@p, p. 3\\. La suite] encore.\n\n"
                    "Close: A claim [@a]. Next sentence [@b]. Then @c [p. 4] says so.\n",
                    encoding="utf-8")
    claims = load_essay(path).claims
    assert [[(c.key, c.mode, c.suffix) for c in claim.citations or ()] for claim in claims] == [
        [("m", "normal", "Le corpus de «\\ romans » de *René* (1802).")], [("g", "normal", "p. 61")],
        [("p", "normal", "p. 3\\. La suite")],
        [("a", "normal", "")], [("b", "normal", "")], [("c", "author-in-text", "p. 4")]]
    assert claims[0].citations[0].prefix == "On doit ce nom à Lanson. Voir"
    assert [c.text.split()[-1] for c in claims[3:]] == ["[@a].", "[@b].", "so."]


def test_no_sentence_ends_inside_a_code_span(tmp_path: Path) -> None:
    # An R Markdown paper's inline R code "`r cov %>% .$prop %>% round(2)`": pysbd cut after ". ", before "$prop",
    # and the essay page printed each half with a lone backtick ("<code>) than the rest (</code>"). pandoc reads a
    # code span whole (checked with pypandoc-binary: one Code inline).
    path = tmp_path / "a.Rmd"
    path.write_text("Journals have a lower rate (`r cov %>% .$prop %>% round(2)`) than the others "
                    "(`r cov %>% .$prop`; $\\chi^2(1) =$ `` r round(chi$statistic, 2). A ``, *p* < .001). "
                    "Next one. A `lone backtick. Then more.\n", encoding="utf-8")
    texts = [c.text for c in load_essay(path).claims]
    assert texts == ["Journals have a lower rate (`r cov %>% .$prop %>% round(2)`) than the others (`r cov %>% .$prop`; "
                     "$\\chi^2(1) =$ `` r round(chi$statistic, 2). A ``, *p* < .001).", "Next one.",
                     "A `lone backtick.", "Then more."]


def test_an_escaped_backtick_opens_no_code_span_a_sentence_ends_in(tmp_path: Path) -> None:
    # pandoc reads "\`" as a backtick, text (pypandoc-binary: Str "`", then Code "make"): the sentence ends at "quote."
    path = tmp_path / "a.md"
    path.write_text("Type a \\` to quote. Then run `make` now. It works.\n", encoding="utf-8")
    assert [c.text for c in load_essay(path).claims] == ["Type a \\` to quote.", "Then run `make` now.", "It works."]


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text, 0, len(text))]


@pytest.mark.parametrize("closer", ["“", "”"])
def test_a_german_quotations_closing_mark_opens_no_quotation_a_later_one_closes(closer: str) -> None:
    # „…“ closes with “: read as an English opener, it paired with the ” of a later quotation and the sentence
    # between them was never ended
    text = f"Er fand „Schaubühne“. In der Studie sagt er „die Erfüllung{closer} dazu."
    assert _texts(text) == ["Er fand „Schaubühne“.", f"In der Studie sagt er „die Erfüllung{closer} dazu."]


def test_an_english_quotation_after_a_german_one_keeps_its_sentence_whole() -> None:
    text = "Er fand „Schaubühne“. Er sagt “one. two” dazu. Weiter."
    assert _texts(text) == ["Er fand „Schaubühne“.", "Er sagt “one. two” dazu.", "Weiter."]


@pytest.mark.parametrize("abbreviation", ["s.", "S.", "vgl.", "bzw.", "z. B.", "u. a.", "Hrsg.", "d. h."])
def test_an_abbreviation_in_an_open_parenthesis_ends_no_sentence_before_a_link(abbreviation: str) -> None:
    # the link's own parenthesis kept pysbd from reading the outer one whole: it ended a sentence after "(s."
    text = f"Sie sein ({abbreviation} Culture, B [x](#x), C). Weiter."
    assert _texts(text) == [f"Sie sein ({abbreviation} Culture, B [x](#x), C).", "Weiter."]



def test_citation_after_a_full_stop_ends_its_sentence_before_the_next() -> None:
    # "It holds. [@a] Next one." (a citation placed after the full stop, as some styles and many students write it):
    # the citation is the sentence's before; the sentence after it begins at its capital, a claim of its own (joined,
    # one claim held both and the citation seemed to back the second). A LaTeX paragraph the author parts with
    # \newline\newline reads so too. A citation alone after the stop ("[@a].") stays with the sentence before.
    from litreview.essay import parse_essay

    essay = parse_essay("Alpha holds here. [@a] Beta follows now. Gamma ends [@b; @c]. [-@d] [@e] Öland is last.\n\n"
                        "Delta holds. [@f].\n", "essay.md")
    assert [(c.text, [x.key for x in c.citations or ()]) for c in essay.claims] == [
        ("Alpha holds here. [@a]", ["a"]), ("Beta follows now.", []), ("Gamma ends [@b; @c]. [-@d] [@e]",
                                                                       ["b", "c", "d", "e"]),
        ("Öland is last.", []), ("Delta holds. [@f].", ["f"])]
    from litreview.essay.latex import parse_latex

    latex = parse_latex("\\documentclass{article}\n\\begin{document}\nIt holds here. \\citep{a}\n\\newline\n\\newline\n"
                        "Next one follows.\n\\end{document}\n", "essay.tex")
    assert [c.text for c in latex.claims] == ["It holds here. [@{a}]", "Next one follows."]


@pytest.mark.parametrize(("text", "expected"), [
    # A paragraph that is one sentence in bold (a thesis's hypothesis, "**H1: Donors will precede support.**"): pysbd
    # gave the closing "**" a span of its own, which has no letter and was dropped; the claim opened a bold it never
    # closed, and the page showed the rest of the paragraph in bold.
    ("**H1: Donors will precede, or cause, support.**", ["**H1: Donors will precede, or cause, support.**"]),
    ("**Każda metoda jest wrażliwa na kontekst.** Następnie obiekt.",
     ["**Każda metoda jest wrażliwa na kontekst.**", "Następnie obiekt."]),
    ("It holds. __All of it.__", ["It holds.", "__All of it.__"]),
])
def test_a_sentence_wholly_in_emphasis_keeps_its_closing_marks(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Polish and Finnish abbreviations of running prose ("tzw." so-called, "np." for example, "zob." see, "m.in." among
    # others, "esim." for example, "vrt." compare) end no sentence before a capital or a quotation: pysbd, which knows
    # English ones, cut "używając tzw." from the word it abbreviates ('"solenia"').
    ('Można się zabezpieczyć używając tzw. "solenia" (ang. *salting*). Proces ten polega na tym.',
     ['Można się zabezpieczyć używając tzw. "solenia" (ang. *salting*).', "Proces ten polega na tym."]),
    ("Robią to duże firmy, np. Google i Yahoo. Inne też.", ["Robią to duże firmy, np. Google i Yahoo.", "Inne też."]),
    ("Atakujący mógł m.in. Twittera zablokować. Potem tak.", ["Atakujący mógł m.in. Twittera zablokować.", "Potem tak."]),
    ("Hajautettu laskenta, esim. Hadoop, on nopeaa. Se toimii.", ["Hajautettu laskenta, esim. Hadoop, on nopeaa.",
                                                                  "Se toimii."]),
    ("Tulokset ovat samat (vrt. Google) kuin ennen. Se toimii.", ["Tulokset ovat samat (vrt. Google) kuin ennen.",
                                                                  "Se toimii."]),
    ("Katso s. 107 ja ks. Dean. Se oli hyvä.", ["Katso s. 107 ja ks. Dean.", "Se oli hyvä."]),
    # German's, known in a parenthesis, outside one too
    ("Das sagen u. a. Müller und Meier. Dann mehr.", ["Das sagen u. a. Müller und Meier.", "Dann mehr."]),
])
def test_polish_and_finnish_abbreviations_end_no_sentence(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Two dashes (pandoc Markdown's "---" em dash, "--" en dash) with a sentence's end between them: pysbd reads
    # what lies between two "--" as one parenthesis and ends no sentence in it, so a paragraph that used the em dash
    # twice was one claim ("zapobiec. Omówię", a Polish chapter's footnotes of three sentences each one claim).
    ("Jest to problem---ponieważ tak jest. Omówię sposoby---krótko.",
     ["Jest to problem---ponieważ tak jest.", "Omówię sposoby---krótko."]),
    ("He has a cat -- bad weather. She has a dog -- good.", ["He has a cat -- bad weather.", "She has a dog -- good."]),
    ("See pages 3--5. Pages 7--9 say more.", ["See pages 3--5.", "Pages 7--9 say more."]),
    # a parenthesis in dashes that ends no sentence stays whole, one that ends in a question mark too
    ("The model---see Fig. 3---holds. It works.", ["The model---see Fig. 3---holds.", "It works."]),
    ("The idea -- why not? -- was new. It worked.", ["The idea -- why not? -- was new.", "It worked."]),
    ("The idea — why not? — was new. It worked.", ["The idea — why not? — was new.", "It worked."]),
])
def test_a_sentence_ends_between_two_dashes(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


def test_a_citation_in_parentheses_after_a_full_stop_is_the_sentences_before() -> None:
    # "It holds. (\cite[pp. xiii--xiv]{a})" (a thesis's introduction) and "It holds. ([@a])": the citation in its
    # parentheses after the stop was a claim of its own, "([@{a}, pp. xiii–xiv])", and the sentence it backs had none.
    # As a bracket placed there ("It holds. [@a] Next one."), it is the sentence's before, and a capital after it
    # begins the next.
    from litreview.essay import parse_essay
    from litreview.essay.latex import parse_latex

    essay = parse_essay("Alpha holds here. ([@a]) Beta follows now. Gamma ends. ([@b; @c])\n\n"
                        "Delta holds. ([@d]) and more.\n", "essay.md")
    assert [(c.text, [x.key for x in c.citations or ()]) for c in essay.claims] == [
        ("Alpha holds here. ([@a])", ["a"]), ("Beta follows now.", []), ("Gamma ends. ([@b; @c])", ["b", "c"]),
        ("Delta holds. ([@d]) and more.", ["d"])]
    latex = parse_latex("\\documentclass{article}\n\\begin{document}\nIt rests on returns. "
                        "(\\cite[pp. xiii--xiv]{a})\n\\end{document}\n", "essay.tex")
    assert [c.text for c in latex.claims] == ["It rests on returns. ([@{a}, pp. xiii–xiv])"]


@pytest.mark.parametrize(("text", "expected"), [
    # A "?" inside a URL (its query) ends no sentence: pysbd cut "http://example.com/pics/3543?" from the rest of the
    # address, "**jsessionid=ef3d9c3d00**", a claim of its own with no word in it.
    ("http://example.com/pics/3543?**jsessionid=ef3d9c3d00**", ["http://example.com/pics/3543?**jsessionid=ef3d9c3d00**"]),
    ("Open example.com/a?Id=3 in a browser. Then wait.", ["Open example.com/a?Id=3 in a browser.", "Then wait."]),
])
def test_a_question_mark_with_no_blank_after_it_ends_no_sentence(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A variable's one capital letter ends a sentence before a sentence's first word ("variables X and Y. First, one
    # builds"): pysbd takes any capital and full stop for a name's initial and went on; a name's middle initial has its
    # given name before it, not a word in lower case ("George W. Bush"), and its family name after it.
    ("It takes two variables X and Y. First, one builds a model to predict Y. Then, a second model is built.",
     ["It takes two variables X and Y.", "First, one builds a model to predict Y.", "Then, a second model is built."]),
    ("There is a confounding variable Z. This analysis was done.",
     ["There is a confounding variable Z.", "This analysis was done."]),
    ("It was written by J. Smith and George W. Bush. Then more.",
     ["It was written by J. Smith and George W. Bush.", "Then more."]),
])
def test_a_variables_letter_ends_a_sentence_before_a_sentences_first_word(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A caption's attributes after its full stop (pandoc-crossref's "Table: Bowling scores. {#tbl:bowling-scores}")
    # are its markup, no sentence: they were a claim of their own, "{#tbl:bowling-scores}".
    ("Table: A table with merged cells. {#tbl:merged-cells}", ["Table: A table with merged cells. {#tbl:merged-cells}"]),
    ("Bowling scores. {#tbl:bowling .striped} Next one.", ["Bowling scores. {#tbl:bowling .striped}", "Next one."]),
])
def test_a_captions_attributes_are_no_sentence_of_their_own(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A quotation that ends a sentence, its citation after the closing mark, then a capital: the citation is the
    # quoting sentence's, the capital begins the next (a musicology chapter: "…had a hand in it.' [@kitchin1911]
    # However, Corelli was …" was one claim, its citation the second sentence's too).
    ("He states that 'it tempts us to think so.' [@kitchin1911] However, Corelli was in Rome.",
     ["He states that 'it tempts us to think so.' [@kitchin1911]", "However, Corelli was in Rome."]),
    ('He wrote "the music will speak for itself." [@kitson1931, p. 185] Given the critique, he does not.',
     ['He wrote "the music will speak for itself." [@kitson1931, p. 185]', "Given the critique, he does not."]),
    ("She wrote “it holds.” [@a; @b] [@c] This follows.", ["She wrote “it holds.” [@a; @b] [@c]", "This follows."]),
    # a quotation inside a sentence, lower case after its citation; one in a parenthesis still open
    ("He called it 'a fact.' [@k] and left. Next one.", ["He called it 'a fact.' [@k] and left.", "Next one."]),
    ("It holds (he said 'so it is.' [@k] Then he left) here. Next one.",
     ["It holds (he said 'so it is.' [@k] Then he left) here.", "Next one."]),
])
def test_a_citation_after_a_quotations_closing_mark_ends_the_quoting_sentence(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A full stop with no blank after it ends no sentence: a file's extension in capitals ("extensió .DAT", a Catalan
    # report), an abbreviation joined to the next name ("CONV./JxCAT"), which pysbd cut there.
    ("Cada resultat conté 10 fitxers d'extensió .DAT, així com 1 fitxer .doc. Aquests dos expliquen.",
     ["Cada resultat conté 10 fitxers d'extensió .DAT, així com 1 fitxer .doc.", "Aquests dos expliquen."]),
    ("It was explained by the parties CONV./JxCAT and PSC. Next one.",
     ["It was explained by the parties CONV./JxCAT and PSC.", "Next one."]),
    ("It reads files of extension .DAT and .CSV here. Next one.",
     ["It reads files of extension .DAT and .CSV here.", "Next one."]),
])
def test_a_full_stop_with_no_blank_after_it_ends_no_sentence(text: str, expected: list[str]) -> None:
    for reference in (False, True):
        assert [text[a:b] for a, b in sentences(text, 0, len(text), reference=reference)] == expected


@pytest.mark.parametrize("closer", ["“", "”"])
def test_a_low_opened_quotations_closing_mark_after_its_full_stop_stays_with_its_sentence(closer: str) -> None:
    # A Czech (babel's \uv), German, Polish or Dutch quotation ending with its full stop, its citation after the
    # mark: the mark and the citation were a sentence of their own ("“[@{k}]"), as an English “…” is not.
    text = f"Definuje ji jako „Taktiky výrobku. A jeho ceny.{closer}[@{{k}}] Obyčejně je jiná."
    assert _texts(text) == [f"Definuje ji jako „Taktiky výrobku. A jeho ceny.{closer}[@{{k}}]", "Obyčejně je jiná."]


@pytest.mark.parametrize("text", ["Autor: Bc. Marek Čermák", "Lektor: Mgr. Tomáš Zdražil", "Vedoucí: Ing. Jan Novák, "
                                  "PhDr. Eva Malá a RNDr. Petr Dvořák"])
def test_a_czech_academic_title_ends_no_sentence_before_the_name(text: str) -> None:
    # A Czech thesis's title page: "Autor: Bc." and "Marek Čermák" were two claims, as "Dr." before a name is not.
    assert _texts(text) == [text]


def test_a_citation_after_a_years_full_stop_ends_the_sentence_before_a_capital() -> None:
    # "rok 2005.\cite{r} Generace baby boomu…": the year's full stop ends the sentence (pandoc's reading: "2005.
    # Generace"), the citation its own; the next sentence was glued to it.
    text = "Horní mezník je rok 2005.[@{r}] Generace baby boomu začala rodit později. Je 2.5 % lidí."
    assert _texts(text) == ["Horní mezník je rok 2005.[@{r}]", "Generace baby boomu začala rodit později.",
                            "Je 2.5 % lidí."]
