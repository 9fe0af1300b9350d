"""The topical evaluation's corpus reader: citation markers out, the authors' keys kept per sentence."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from topical_corpus import DEV, HELD_OUT, _cited, load_document, load_extra, strip_markers

from tests.fuzz.pandoc_diff import pandoc_path


@pytest.mark.parametrize(("written", "plain"), [
    ("GPR was used in geophysics \\citep{kriging}, and since.", "GPR was used in geophysics, and since."),
    ("as shown by \\citet[see][p. 3]{a,b} in 1992.", "as shown by in 1992."),
    ("NGOs face closing space [@Chaudhry:2016; @DPR2016, 12].", "NGOs face closing space."),
    ("Drug costs rose [@doi:10.1038/nrd3681].", "Drug costs rose."),
    ("@Smith2020 [p. 4] says so, see <x@y.org>.", "says so, see <x@y.org>."),
])
def test_markers_come_out(written: str, plain: str) -> None:
    assert strip_markers(written) == plain


def test_a_citation_after_et_al_stays_in_that_names_sentence() -> None:
    # "so Roe et al. \\autocite*{roe} aus einer Sicht": the sentence was cut after "et al.", and its citation
    # went to the next one. After "et al." a capital still starts one.
    block = "Es ist so, wie Roe et al. \\autocite*{roe} aus einer Sicht sagen. Poe et al. Dann \\cite{poe} nicht."
    at = block.index("\\autocite")
    cites = [(at, at + len("\\autocite*{roe}"), ["roe"]), (block.index("\\cite{"), len(block) - 7, ["poe"])]
    assert [(c["sentence"][:12], c["keys"]) for c in _cited(block, cites, {"roe": "roe", "poe": "poe"})] == [
        ("Es ist so, w", ["roe"]), ("Dann \\cite{p", ["poe"])]


def test_a_year_after_et_al_ends_no_sentence() -> None:
    # A typed citation "(Voors et al. 2012)" was cut after "et al.", so its year went to the next sentence and
    # the name's sentence lost the year that tells which work it names.
    block = "Risk rises after conflict (Voors et al. 2012) in the field \\cite{vo}. Then \\cite{x} more."
    cites = [(block.index("\\cite{vo}"), block.index("\\cite{vo}") + 10, ["vo"]),
             (block.index("\\cite{x}"), block.index("\\cite{x}") + 9, ["x"])]
    assert [(c["sentence"][:12], c["keys"]) for c in _cited(block, cites, {"vo": "vo", "x": "x"})] == [
        ("Risk rises a", ["vo"]), ("Then \\cite{x", ["x"])]


def test_an_initial_or_an_abbreviation_of_prose_ends_no_sentence() -> None:
    # German capitalises every noun, so "bzw. Oberfläche" looked like a sentence's end, as did the initial of
    # "Charles J. Fillmore": the cited sentence was cut, and its citation went to a fragment.
    block = ("Kritiker war Charles J. Fillmore, der sie so nannte \\cite{fi}. Die Oberfläche bzw. Routinen sind "
             "z. B. Wörter, vgl. Busse \\cite{bu}. Smith et al. Dann endet es in den U.S. Das ist \\cite{us}.")
    cites = [(block.index("\\cite{fi}"), block.index("\\cite{fi}") + 10, ["fi"]),
             (block.index("\\cite{bu}"), block.index("\\cite{bu}") + 10, ["bu"]),
             (block.index("\\cite{us}"), block.index("\\cite{us}") + 10, ["us"])]
    assert [(c["sentence"][:12], c["keys"]) for c in _cited(block, cites, {k: k for k in ("fi", "bu", "us")})] == [
        ("Kritiker war", ["fi"]), ("Die Oberfläc", ["bu"]), ("Das ist \\cit", ["us"])]


def test_the_split_is_by_document_and_disjoint() -> None:
    assert not set(DEV) & set(HELD_OUT)


def test_a_manuscript_reads_with_its_gold(shared: Path) -> None:
    doc = load_document(shared / "corpus", "latex-araa-gps")
    assert doc is not None
    keys = {s.key for s in doc.bibliography.sources}
    cited = [c for c in doc.essay.claims if doc.gold[c.id]]
    assert cited and all(doc.gold[c.id] <= keys for c in cited)
    assert any(not doc.gold[c.id] for c in doc.essay.claims)  # sentences that cite nothing are kept
    assert not any("\\cite" in c.text or "@" in c.text for c in cited)


def test_the_penalised_fit_is_scaled_back_to_calibrated_probabilities() -> None:
    pytest.importorskip("numpy")
    from topical_fit import fit, fit_calibrated, out_of_fold

    from litreview.linking import ranker

    # three documents alike: a telling feature cited 27 times in 30, its absence 2 times in 30
    x = [[1.0]] * 30 + [[0.0]] * 30
    y = [1] * 27 + [0] * 3 + [1] * 2 + [0] * 28
    xs, ys, docs = x * 3, y * 3, [d for d in "abc" for _ in x]

    def p(weights: dict[str, float], v: float) -> float:
        return 1.0 / (1.0 + math.exp(-(weights["intercept"] + weights["0"] * v)))

    shrunk, calibrated = fit(xs, ys, 100.0, ["0"]), fit_calibrated(xs, ys, docs, 100.0, ["0"])
    assert p(shrunk, 1.0) < 0.8  # the penalty pulls the telling feature's probability down...
    assert p(calibrated, 1.0) == pytest.approx(0.9, abs=0.02)  # ...calibration gives it back
    assert p(calibrated, 0.0) == pytest.approx(2 / 30, abs=0.02)
    held = out_of_fold(xs, ys, docs, l2=100.0, names=["0"], cap=1.0)
    assert held[0] == pytest.approx(0.9, abs=0.02) and held[-1] == pytest.approx(2 / 30, abs=0.02)
    capped = out_of_fold(xs, ys, docs, l2=100.0, names=["0"])  # as the linker has it: never above its cap
    assert capped[0] == ranker.CAP < held[0] and capped[-1] == held[-1]


def test_the_penalty_reads_each_feature_in_units_of_its_own_spread() -> None:
    pytest.importorskip("numpy")
    from topical_fit import fit

    # a rare telling feature (1 row in 50, cited there 4 times in 5) beside a common one that tells nothing
    x = [[1.0, float(n % 2)] for n in range(5)] + [[0.0, float(n % 2)] for n in range(245)]
    y = [1, 1, 1, 1, 0] + [1 if n % 10 == 0 else 0 for n in range(245)]
    names = ["rare", "common"]
    raw, scaled = fit(x, y, 30.0, names, scaled=False), fit(x, y, 30.0, names, scaled=True)
    assert raw["rare"] < 0.5 < scaled["rare"]  # in raw units the rare feature is shrunk to little
    # the rare one alone in its units: it counts, the common one (spread 0.5) is shrunk as in raw units, more
    only = fit(x, y, 30.0, names, scaled={"rare"})
    assert only["rare"] > 0.5 and abs(only["common"]) < abs(scaled["common"])
    # the weights come back in the features' own units: unpenalised, both ways are the same model
    free = fit(x, y, 0.0, names, scaled=False), fit(x, y, 0.0, names, scaled=True)
    assert free[0] == pytest.approx(free[1], abs=1e-3)


def test_each_method_ranks_a_document_once_however_many_tables_read_it() -> None:
    from types import SimpleNamespace

    import eval_topical

    calls: list[str] = []

    def method(doc: SimpleNamespace) -> tuple[dict, dict]:
        calls.append(doc.name)
        return {}, {}

    one, two = SimpleNamespace(name="one"), SimpleNamespace(name="two")
    methods = eval_topical.memoised({"m": method})
    for doc in (one, two, one, two, one):
        methods["m"](doc)
    assert calls == ["one", "two"]


def test_what_the_linker_shows_is_counted_by_threshold_with_each_document_s_own_weights() -> None:
    import eval_topical
    from topical_corpus import Document

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay
    from litreview.linking import ranker

    essay = parse_essay("Gaussian processes model light curves.\n\nButter is cooked with Gaussian care.\n")
    bib = parse_bibliography("@article{a, title={Gaussian processes}}\n@article{b, title={Cooking with butter}}\n")
    first, second = (c.id for c in essay.claims)
    doc = Document("gp", essay, bib, {first: {"a"}, second: set()})
    sure = [" ".join(line.split()) for line in
            eval_topical.shown_by_threshold([doc], {"gp": {"intercept": 30.0}}, (0.4, ranker.CAP + 0.01, 0.8))
            .splitlines()]
    # every suggestion listed (two entries of the first sentence, one of the second), one of them cited
    # in one document, which shows three: its own precision is the lowest and the highest
    assert sure[1] == "from 0.4 : 3 shown, precision 0.333 (0.06-0.79), 1 documents; per document 0.33-0.33 (1)"
    # however sure the model, a topical suggestion's confidence stops at the cap (below the default threshold)
    assert ranker.CAP < ranker.SHOW and sure[3] == "from 0.8 (default): 0 shown, precision -, 0 documents"
    assert sure[2].endswith(": 0 shown, precision -, 0 documents") and len(sure) == 4
    unsure = [" ".join(line.split()) for line in
              eval_topical.shown_by_threshold([doc], {"gp": {"intercept": -30.0}}).splitlines()]
    assert unsure[1:] and all(line.endswith(": 0 shown, precision -, 0 documents") for line in unsure[1:])


@pytest.mark.skipif(pandoc_path() is None, reason="pandoc (the test extra, pypandoc-binary) is not installed")
def test_further_papers_read_with_pandocs_citations_as_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "paper.md").write_text(
        "---\ntitle: A\n---\n\n# Intro\n\nRivers carry silt to the sea [e.g. @Smith2020; @gone]. "
        "@jones1999 measured it in 1999. Nothing is cited here at all.\n\n"
        "A paragraph that cites nothing stays out of the essay.\n", encoding="utf-8")
    (tmp_path / "a" / "paper.bib").write_text(
        "@article{smith2020, title={Silt}, author={Smith, A}, year={2020}}\n"
        "@article{jones1999, title={Deltas}, author={Jones, B}, year={1999}}\n", encoding="utf-8")
    (tmp_path / "b.tex").write_text("\\begin{document}\nSee \\citep{,k3}.\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("name\tsource\tbib\npaper-a\ta/paper.md\ta/paper.bib\n"
                                          "paper-b\tb.tex\ta/paper.bib\n", encoding="utf-8")
    docs = load_extra(tmp_path)
    assert [d.name for d in docs] == ["paper-a"]  # pandoc refuses b.tex (an empty key): skipped, with a message
    assert "paper-b: skipped, pandoc refused it" in capsys.readouterr().err
    doc = docs[0]
    assert [(c.text, sorted(doc.gold[c.id])) for c in doc.essay.claims] == [
        ("Rivers carry silt to the sea.", ["smith2020"]),  # the key as the .bib spells it; one it lacks dropped
        ("measured it in 1999.", ["jones1999"]),
        ("Nothing is cited here at all.", []),
    ]


@pytest.mark.skipif(pandoc_path() is None, reason="pandoc (the test extra, pypandoc-binary) is not installed")
def test_sentences_citing_a_key_the_bibliography_lacks_are_known(tmp_path: Path) -> None:
    # "Deltas grow fast [@jones1999a]": the key was dropped from the gold, so the sentence read as citing nothing and
    # a link to Jones's entry there as wrong; a cross-reference (@sec-intro) is no entry the bibliography lacks.
    (tmp_path / "paper.md").write_text(
        "Rivers carry silt to the sea [@smith2020]. Deltas grow fast [@jones1999a]. "
        "See @sec-intro for the setting of the rivers. Nothing is cited here at all.\n", encoding="utf-8")
    (tmp_path / "paper.bib").write_text(
        "@article{smith2020, title={Silt}, author={Smith, A}, year={2020}}\n"
        "@article{jones1999, title={Deltas}, author={Jones, B}, year={1999}}\n", encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("name\tsource\tbib\npaper\tpaper.md\tpaper.bib\n", encoding="utf-8")
    (doc,) = load_extra(tmp_path)
    text = {c.id: c.text for c in doc.essay.claims}
    assert [text[c] for c in sorted(doc.unresolved)] == ["Deltas grow fast."]
    assert sorted(doc.gold[c] == set() for c in doc.unresolved) == [True]


def test_the_scaling_is_fitted_on_the_penalised_fits_own_scores() -> None:
    pytest.importorskip("numpy")
    from topical_fit import fit, fit_calibrated

    # one document (no fold to leave out): a telling feature cited 27 times in 30, its absence 2 in 30;
    # a slope and an offset over the fit's own two scores give back exactly those shares
    x = [[1.0]] * 30 + [[0.0]] * 30
    y = [1] * 27 + [0] * 3 + [1] * 2 + [0] * 28

    def shares(weights: dict[str, float]) -> tuple[float, float]:
        """The probability of a candidate with the feature and of one without it."""
        return tuple(1.0 / (1.0 + math.exp(-(weights["intercept"] + weights["0"] * v))) for v in (1.0, 0.0))

    # the penalised fit alone is shrunk towards the middle (0.64 and 0.33): the scaling is what calibrates it
    shrunk = shares(fit(x, y, 100.0, ["0"]))
    assert shrunk[0] < 0.75 and shrunk[1] > 0.25
    calibrated = shares(fit_calibrated(x, y, ["a"] * len(x), 100.0, ["0"]))
    assert calibrated == (pytest.approx(0.9, abs=1e-3), pytest.approx(2 / 30, abs=1e-3))
    with pytest.raises(ValueError, match="calibration"):
        fit_calibrated(x, y, ["a"] * len(x), calibration="isotonic")


def test_differences_from_a_baseline_resample_whole_documents() -> None:
    from eval_topical import paired

    same = {("x", "s1"): 0.5, ("x", "s2"): 0.5, ("y", "s1"): 1.0}
    assert paired(same, {("x", "s1"): 0.0, ("x", "s2"): 0.0, ("y", "s1"): 0.5}) == (0.5, 0.5, 0.5)
    # x gains 1 in each of its two sentences, y loses 1 in its one: 1/3 per sentence; drawing two
    # documents gives x twice (+1), y twice (-1) or one of each (+1/3): the interval runs from -1 to +1
    mean, lo, hi = paired({("x", "s1"): 1.0, ("x", "s2"): 1.0, ("y", "s1"): 0.0},
                          {("x", "s1"): 0.0, ("x", "s2"): 0.0, ("y", "s1"): 1.0})
    assert (mean, lo, hi) == (pytest.approx(1 / 3), -1.0, 1.0)


def test_cross_validated_litreview_ranks_each_document_with_a_model_fitted_without_it(shared: Path) -> None:
    pytest.importorskip("numpy")
    from eval_topical import cross_validated, fold_weights, pairs
    from topical_fit import fit_calibrated

    from litreview.linking import ranker

    docs = [d for d in (load_document(shared / "corpus", n) for n in ("joss-gmr", "joss-hypothesize", "joss-mwarp1d"))
            if d is not None]
    assert len(docs) == 3
    x, y, doc_of = pairs(docs)
    others = [i for i, d in enumerate(doc_of) if d != "joss-gmr"]
    weights = fold_weights(docs)
    assert weights["joss-gmr"] == fit_calibrated([x[i] for i in others], [y[i] for i in others],
                                                 [doc_of[i] for i in others])
    shipped = ranker.WEIGHTS
    methods = cross_validated(docs)
    assert "litreview" not in methods  # the in-sample row has no place in this table
    ranked, _ = methods["litreview (unseen)"](docs[0])
    assert ranker.WEIGHTS is shipped
    where: list[tuple[str, str]] = []
    fx, _, _ = pairs(docs[:1], where)
    expected = {at: round(ranker.probability(row, weights["joss-gmr"]), 3) for at, row in zip(where, fx, strict=True)}
    got = {(cid, key): p for cid, row in ranked.items() for key, p in row if (cid, key) in expected}
    assert got and all(got[at] == expected[at] for at in got)


def test_the_listwise_ablation_ranks_within_each_sentence() -> None:
    pytest.importorskip("numpy")
    from topical_ablations import _listwise

    # two documents of two sentences, three candidates each; the cited one has the larger first feature
    # and the second feature is noise: the model fitted on the other document puts the cited one first
    x, y, doc_of, where = [], [], [], []
    for d in "ab":
        for s, cited in (("s1", 2), ("s2", 0)):
            for n in range(3):
                x.append([float(n == cited) + 0.1 * n, float((n + len(s)) % 2)])
                y.append(int(n == cited))
                doc_of.append(d)
                where.append((s, f"k{n}"))
    scores = _listwise(x, y, doc_of, where, 1.0)
    for start in range(0, len(x), 3):
        group = scores[start:start + 3]
        assert y[start + group.index(max(group))] == 1


def test_the_essay_weighted_bm25_baseline_weighs_down_what_every_paragraph_says() -> None:
    from eval_topical import rank_bm25
    from topical_corpus import Document

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay

    essay = parse_essay("The network uses a router.\n\nA network grows.\n\nEvery network fails.\n")
    bib = parse_bibliography("@article{a, title={Network models}}\n@article{b, title={Router models}}\n")
    doc = Document("d", essay, bib, {c.id: set() for c in essay.claims})
    first = essay.claims[0].id
    # alike to BM25 (one word each, each in one entry of two): the entry listed first wins the tie;
    # "network" is in all three paragraphs, "router" in one: weighed by the essay, the router entry wins
    assert [k for k, _ in rank_bm25(doc)[0][first]] == ["a", "b"]
    assert [k for k, _ in rank_bm25(doc, essay=1.0)[0][first]] == ["b", "a"]


def test_the_linker_query_baseline_reads_a_long_form_at_the_paragraph_s_weight() -> None:
    from eval_topical import rank_bm25
    from topical_corpus import Document

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay

    essay = parse_essay("Artificial intelligence (AI) is everywhere.\n\nNewlyweds use AI.\n")
    bib = parse_bibliography("@article{x, title={Artificial Intelligence for Intelligent Artificial Agents}}\n"
                             "@article{y, title={Newlyweds}}\n")
    doc = Document("d", essay, bib, {c.id: set() for c in essay.claims})
    # as the linker's BM25 reads it: the sentence's own word first, the acronym's long form still met
    assert [k for k, _ in rank_bm25(doc, paragraph=0.5, acronyms=True)[0][essay.claims[1].id]] == ["y", "x"]


def test_the_ceiling_counts_every_candidate_litreview_scores_and_no_other() -> None:
    from eval_topical import ceilings, rank_every_candidate, recalls
    from topical_corpus import Document

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay
    from litreview.linking import topical

    essay = parse_essay("Gaussian processes model light curves.\n")
    bib = parse_bibliography("@article{a, title={Gaussian processes}}\n@article{b, title={Cooking with butter}}\n"
                             + "".join(f"@article{{c{n}, title={{Light curves {n}}}}}\n" for n in range(6)))
    claim = essay.claims[0].id
    doc = Document("d", essay, bib, {claim: {"a", "b", "c5"}})
    # the six light-curve entries and the Gaussian one are scored, more than a claim lists; "b" shares no word
    assert len(rank_every_candidate(doc)[0][claim]) == 7 > topical.TOP_K
    assert recalls([doc], rank_every_candidate, k=100) == {("d", claim): pytest.approx(2 / 3)}
    assert (topical.TOP_K, topical.PER_SOURCE) == (5, 100)  # restored
    assert "d          litreview 0.667" in ceilings({"d": [doc]})


def test_the_per_document_rows_mark_where_litreview_trails_a_baseline(monkeypatch: pytest.MonkeyPatch) -> None:
    import eval_topical
    from topical_corpus import Document

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay

    essay = parse_essay("Gaussian processes model light curves.\n\nButter is cooked.\n")
    bib = parse_bibliography("@article{a, title={Gaussian processes}}\n@article{b, title={Cooking with butter}}\n")
    first, second = (c.id for c in essay.claims)
    doc = Document("gp", essay, bib, {first: {"a"}, second: set()})
    # the baseline ranks the cited entry first; "litreview" lists only the other, and shows it on both sentences
    monkeypatch.setitem(eval_topical.METHODS, "base", lambda d: ({first: [("a", 1.0)]}, {first: [("a", 1.0)]}))
    wrong = {first: [("b", 0.9)], second: [("b", 0.9)]}
    monkeypatch.setitem(eval_topical.METHODS, "litreview", lambda d: (wrong, wrong))
    rows = eval_topical.per_document({"dev": [doc]}, ("base", "litreview")).splitlines()
    assert rows[2].startswith("  dev: gp") and rows[2].endswith("0/2  <")
    assert "1.000/1.000/1.000" in rows[2] and "0.000/0.000/0.000" in rows[2]
    monkeypatch.setitem(eval_topical.METHODS, "litreview", eval_topical.METHODS["base"])
    assert not eval_topical.per_document({"dev": [doc]}, ("base", "litreview")).splitlines()[2].endswith("<")
    # the methods of a leave-one-document-out run, litreview under its own label there
    unseen = {"base": eval_topical.METHODS["base"], "litreview (unseen)": lambda d: (wrong, wrong)}
    rows = eval_topical.per_document({"dev (cv)": [doc]}, ("base", "litreview (unseen)"), unseen).splitlines()
    assert rows[2].startswith("  dev (cv): gp") and rows[2].endswith("0/2  <")


def test_the_documents_won_and_lost_are_counted_per_part_and_over_all() -> None:
    from eval_topical import against_baselines, memoised
    from topical_corpus import Document

    docs = [Document(name, None, None, {"s1": {"a"}}) for name in ("x", "y", "z")]  # type: ignore[arg-type]
    # litreview ranks the cited entry first in x and z, the baseline only in y
    first = {"x": "a", "y": "b", "z": "a"}
    methods = memoised({"BM25": lambda d: ({"s1": [("b" if d.name != "y" else "a", 1.0)]}, {}),
                        "litreview (unseen)": lambda d: ({"s1": [(first[d.name], 1.0)]}, {})})
    row = against_baselines(docs, methods, {"U": docs[:2], "V": docs[2:]}).splitlines()[-1]
    assert row.startswith("  BM25 ") and row.endswith("      2/1  (U 1/1, V 1/0)")
    assert against_baselines(docs, methods).splitlines()[-1].endswith(" 2/1")


def test_each_further_folder_is_a_part_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    import eval_topical

    monkeypatch.setattr(eval_topical, "load_extra", lambda folder: [f"{folder.parent.name}:{folder.name}"])
    parts = eval_topical.extra_parts([Path("a/setU"), Path("b/setV"), Path("c/setV")])
    assert parts == {"setU": ["a:setU"], "b/setV": ["b:setV"], "c/setV": ["c:setV"]}


def test_rank_fusion_and_the_gap_from_the_best_are_read_within_each_sentence() -> None:
    from topical_generalisation import _from_best, _fused

    where = [("s1", "a"), ("s1", "b"), ("s2", "a"), ("s2", "b")]
    doc_of = ["d"] * 4
    # the re-ranker prefers a in both sentences; the baseline ranks b first in s2 and has no a there
    fused = _fused([2.0, 1.0, 2.0, 1.0], [1.0, 0.5, 0.0, 1.0], where, doc_of, k=1, weight=1.0)
    assert fused[0] > fused[1]  # first in both orders
    assert fused[3] > fused[2]  # s2: b first by the baseline, a missing from it, outweighs the re-ranker's order
    assert _from_best([[1.0], [3.0], [5.0], [2.0]], where, doc_of, [0]) == [[-2.0], [0.0], [0.0], [-3.0]]


def test_each_of_the_shipped_features_is_left_out_in_turn() -> None:
    # What each feature of the re-ranker carries that the others do not: a row without it, the rest kept in order.
    from topical_generalisation import feature_sets

    from litreview.linking.ranker import MODEL

    sets = feature_sets()
    for name in MODEL:
        assert tuple(n for n in MODEL if n != name) in sets.values()
    assert ("rank",) in sets.values()


def test_the_shown_rules_count_each_sentence_s_top_candidate_alone() -> None:
    from topical_generalisation import shown_by_rule

    from litreview.linking.ranker import FEATURES

    named = FEATURES.index("named")
    x, y, where = [], [], []
    for s in range(12):
        # the top candidate names its author and is cited in 9 sentences of 12; the runner-up names it too, never cited
        for n, cited in ((0, s < 9), (1, False)):
            row = [0.0] * len(FEATURES)
            row[named] = 1.0
            x.append(row)
            y.append(int(cited))
            where.append((f"s{s}", f"k{n}"))
    text = shown_by_rule(x, y, ["d"] * len(x), where, [1.0 - n % 2 for n in range(len(x))])
    assert "9 of 12 cited" in text
    assert "   9/12    0.750" in text and "  named" in text
    assert "/24" not in text  # the runners-up are not counted


def test_the_lead_over_a_baseline_is_reported_per_document_with_its_spread() -> None:
    # The mean lead hid that it rests on a few documents: the quartiles over documents and each part's mean with its
    # standard deviation show it (each document counts once, however many sentences it has).
    import eval_topical
    from topical_corpus import Document

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay

    bib = parse_bibliography("@article{a, title={A}}\n@article{b, title={B}}\n")
    docs = [Document(name, parse_essay("One claim here.\n"), bib, {"p1-s1": {"a"}}) for name in ("d1", "d2", "d3")]
    found = {"d1": "a", "d2": "a", "d3": "b"}  # ours finds the cited entry in two documents, the baseline in one

    def ours(doc: Document) -> tuple[dict, dict]:
        return {"p1-s1": [(found[doc.name], 1.0)]}, {}

    def baseline(doc: Document) -> tuple[dict, dict]:
        return {"p1-s1": [("a" if doc.name == "d3" else "b", 1.0)]}, {}

    text = eval_topical.spread(docs, {"litreview (unseen)": ours, "BM25": baseline}, {"p": docs[:2], "q": docs[2:]})
    row = text.splitlines()[1].split()
    assert row[:10] == ["BM25", "-1.000", "/", "-1.000", "/", "+1.000", "/", "+1.000", "/", "+1.000"]
    assert "(p +1.000±0.000, q -1.000±0.000)" in text


def test_what_is_shown_by_default_is_counted_by_kind() -> None:
    import eval_topical
    from topical_corpus import Document

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay

    essay = parse_essay("The files are read by ParaView.\n\nThey are drawn by VisIt as well.\n")
    bib = parse_bibliography("@misc{pv, title={ParaView: An End-User Tool}}\n@misc{vi, title={VisIt: A Tool}}\n")
    first, second = (c.id for c in essay.claims)
    doc = Document("tools", essay, bib, {first: {"pv"}, second: set()})
    lines = [" ".join(line.split()) for line in eval_topical.shown_by_kind([doc], {"tools": {"intercept": -30.0}})
             .splitlines()]
    assert lines[1:] == ["named work 1/2 precision 0.500 (0.09-0.91), 1 documents",
                         "re-ranker 0/0 precision -, 0 documents"]


def test_the_fit_weighs_the_model_s_features_alone_unless_given_its_columns() -> None:
    # ranker.MODEL: the features the re-ranker reads; the fit gives every other feature 0, so --fit writes that model;
    # with its columns named, a variant reads all it is given.
    import random

    from topical_fit import fit

    from litreview.linking.ranker import FEATURES, MODEL

    rng = random.Random(1)
    x = [[rng.random() for _ in FEATURES] for _ in range(400)]
    y = [int(row[0] + row[-1] + rng.random() > 1.5) for row in x]
    weights = fit(x, y)
    assert all(weights[n] == 0.0 for n in FEATURES if n not in MODEL)
    assert weights[FEATURES[0]] != 0.0
    every = fit(x, y, names=list(FEATURES))
    assert sum(1 for n in FEATURES if every[n] != 0.0) > len(MODEL)


def test_the_lead_over_the_best_baseline_is_reported_by_the_bibliography_s_size() -> None:
    # A lead over many documents with short bibliographies can hide a loss where bibliographies are long: the
    # documents are grouped by how many entries their bibliography holds, against the baseline best over them all.
    import eval_topical
    from topical_corpus import Document

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay

    def bib(n: int):
        return parse_bibliography("".join(f"@article{{k{i}, title={{T{i}}}}}\n" for i in range(n)))

    essay = parse_essay("One claim here.\n")
    docs = [Document("short1", essay, bib(3), {"p1-s1": {"k0"}}), Document("short2", essay, bib(5), {"p1-s1": {"k0"}}),
            Document("long", essay, bib(80), {"p1-s1": {"k0"}})]

    def ours(doc: Document) -> tuple[dict, dict]:
        return {"p1-s1": [("k1" if doc.name == "long" else "k0", 1.0)]}, {}

    def good(doc: Document) -> tuple[dict, dict]:  # the best baseline: right on the long document alone
        return {"p1-s1": [("k0" if doc.name == "long" else "k1", 1.0)]}, {}

    def poor(doc: Document) -> tuple[dict, dict]:
        return {"p1-s1": [("k2", 1.0)]}, {}

    text = eval_topical.by_size(docs, {"random": good, "BM25": poor, "BM25 + paragraph": good,
                                       "litreview (unseen)": ours})
    rows = [" ".join(line.split()) for line in text.splitlines()]
    assert "BM25 + paragraph" in rows[0] and "random" not in rows[0]
    assert rows[1:] == [
        "< 30 entries: 2 documents, 2 citing sentences, litreview 1.000, baseline 0.000, "
        "+1.000 (+1.000,+1.000), won/lost 2/0",
        ">= 70 entries: 1 documents, 1 citing sentences, litreview 0.000, baseline 1.000, "
        "-1.000 (-1.000,-1.000), won/lost 0/1"]
    # The shipped model's figures (a split not cross-validated, the held-out documents among them) are grouped too.
    shipped = eval_topical.by_size(docs, {"BM25": poor, "BM25 + paragraph": good, "litreview": ours}, part="held-out")
    assert shipped.startswith("held-out: litreview against the best baseline (BM25 + paragraph)")
    assert shipped.splitlines()[1:] == text.splitlines()[1:]


def test_the_whole_output_is_compared_with_the_topical_suggester_alone() -> None:
    import eval_topical
    from topical_corpus import Document

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay
    from litreview.linking import ranker

    essay = parse_essay("Gaussian processes model light curves.\n\nButter is cooked.\n")
    bib = parse_bibliography("@article{a, title={Gaussian processes}}\n@article{b, title={Cooking with butter}}\n"
                             "@article{c, title={Light curves of stars}}\n")
    first, second = (c.id for c in essay.claims)
    doc = Document("gp", essay, bib, {first: {"a", "c"}, second: set()})
    alone = eval_topical.rank_topical_alone(doc)[0]
    assert {key for key, _ in alone[first]} >= {"a", "c"}
    # the whole output (another linker's pick first) keeps "a" and loses "c" that the suggester alone ranks
    crowded = {first: [("b", 1.0), ("a", 0.4)]}
    methods = {"litreview (unseen)": lambda d: (crowded, {})}
    lines = eval_topical.whole_against_alone([doc], methods, {"gp": ranker.WEIGHTS}).splitlines()
    row = next(line for line in lines if line.startswith("  gp"))
    assert "0.500" in row and "1.000" in row and row.rstrip().endswith("1/0")
    assert lines[-1].endswith("lost 1, gained 0")


def test_the_variants_can_be_read_by_the_bibliography_s_size() -> None:
    # bench/topical_generalisation.py --by-size groups the documents as eval_topical's size table does (one rule).
    import eval_topical
    from topical_corpus import Document

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay

    essay = parse_essay("One claim here.\n")
    docs = [Document(f"d{n}", essay, parse_bibliography("".join(f"@article{{k{i}, title={{T{i}}}}}\n"
                                                                for i in range(n))), {"p1-s1": {"k0"}})
            for n in (3, 29, 30, 69, 70, 200)]
    groups = eval_topical.size_groups(docs)
    assert {label: [d.name for d in group] for label, group in groups.items()} == {
        "< 30 entries": ["d3", "d29"], "30-69 entries": ["d30", "d69"], ">= 70 entries": ["d70", "d200"]}


def test_a_variant_is_compared_with_the_shipped_re_ranker_sentence_by_sentence() -> None:
    # bench/topical_generalisation.py: each row's R@5 less the shipped re-ranker's, per citing sentence, with an
    # interval by resampling documents and the documents it wins and loses.
    import eval_topical
    from topical_corpus import Document
    from topical_generalisation import against_shipped

    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay

    essay = parse_essay("One claim here.\n\nAnother claim there.\n")
    ids = [c.id for c in essay.claims]
    bib = parse_bibliography("@article{a, title={A}}\n@article{b, title={B}}\n")
    docs = [Document("d1", essay, bib, {ids[0]: {"a"}, ids[1]: {"b"}}), Document("d2", essay, bib, {ids[0]: {"a"}, ids[1]: set()})]
    where = [(ids[0], "a"), (ids[0], "b"), (ids[1], "a"), (ids[1], "b")] * 2
    doc_of = ["d1"] * 4 + ["d2"] * 4
    shipped = [1.0, 2.0, 1.0, 2.0] * 2  # b first everywhere
    variant = [2.0, 1.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0]  # a first in d1's first sentence alone
    per = eval_topical.sentence_recalls(variant, where, doc_of, docs, k=1)
    assert per == {("d1", ids[0]): 1.0, ("d1", ids[1]): 1.0, ("d2", ids[0]): 0.0}  # no row for a sentence citing nothing
    assert eval_topical.recall_at(variant, where, doc_of, docs, k=1) == pytest.approx(2 / 3)
    line = against_shipped(variant, shipped, where, doc_of, docs, k=1)
    assert line.startswith("+0.333 (") and line.endswith(") 1/0")


def test_the_variants_for_long_bibliographies_read_each_document_s_size() -> None:
    from topical_generalisation import _fallback, _rank_shares, _times_size

    names = ["cosine", "rank", "bm25_rank", "named"]
    rows = [[0.5, 1.0, 0.5, 1.0], [0.2, 0.25, 0.0, 0.0]]
    # ranks (1 / (1 + rank) among the candidates) as the share of the bibliography ranked below: 0 stays 0
    assert _rank_shares(rows, names, [10, 60]) == [[0.5, 1.0, 0.9, 1.0], [0.2, pytest.approx(1 - 3 / 60), 0.0, 0.0]]
    # every feature but the author's name also times log(entries / 30): nothing at 30 entries
    extra, labels = _times_size(rows, names, [30, 60])
    assert labels == [*names, "cosine_x_size", "rank_x_size", "bm25_rank_x_size"]
    assert extra[0] == [*rows[0], 0.0, 0.0, 0.0]
    assert extra[1][4:] == pytest.approx([0.2 * math.log(2), 0.25 * math.log(2), 0.0])
    # the baseline's order where the bibliography holds ``cut`` entries or more, the re-ranker's below
    assert _fallback([3.0, 1.0, 3.0, 1.0], [0.0, 0.5, 0.0, 0.5], [29, 29, 30, 30], 30) == [3.0, 1.0, 0.0, 0.5]
