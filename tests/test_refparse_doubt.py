"""Which imported fields are doubted: field-level evidence, the fitted logistic model, its threshold."""

from __future__ import annotations

import json

from litreview.bibliography.refparse import (
    doubt,
    parse_reference,
    parse_reference_model,
    parse_reference_rules,
)
from litreview.bibliography.refparse.combine import combine
from litreview.bibliography.refparse.reference import ParsedReference
from litreview.bibliography.refparse.tagger import MODEL, _tagger
from litreview.model import Person

APA = "Keohane, R. O., & Martin, L. L. (1995). The promise of institutionalist theory. International Security, 20(1), 39–51."


def _readings(text: str) -> tuple[ParsedReference, ParsedReference, ParsedReference]:
    crf, rules = parse_reference_model(text), parse_reference_rules(text)
    return combine(crf, rules), crf, rules


def test_the_tagger_leaves_its_evidence_on_the_reading():
    evidence = dict(parse_reference_model(APA).evidence)
    least, mean, edge, size = evidence["title"]
    assert 0.0 <= least <= mean <= 1.0 and 0.0 <= edge <= 1.0 and size == 5
    assert evidence["*"][3] == len(APA.split())  # the whole string: its tokens
    doubtful = parse_reference_model("Smith. Things. Place, 2001.")
    rivals, spans = dict(doubtful.rivals), dict(doubtful.evidence)
    assert set(rivals) <= set(spans)
    labels = set(_tagger(str(MODEL)).labels())
    own = {"authors": "author", "title": "title", "year": "date", "publisher": "publisher", "place": "location"}
    # which span the model doubts is its call: the terse string gives it one to doubt and one to be sure of
    assert any(rivals.values()) and "" in rivals.values()
    for name, rival in rivals.items():
        assert not rival or (rival in labels and rival != own[name])  # a doubted span names another label
        assert spans[name][0] < 0.9 or rival == ""  # a span sure of every token names none


def test_shape_anomalies_are_seen():
    ref, crf, rules = _readings(APA)
    odd = ParsedReference(raw=APA, title="Smith, J., and Jones, K. 2001", container="Review 1999",
                          authors=(Person(family="of the 2nd"),))
    title = doubt.features("title", odd, crf, rules)
    assert title["names_in"] == 1.0 and title["year_in"] == 1.0 and title["disagree"] == 1.0
    assert doubt.features("container", odd, crf, rules)["year_in"] == 1.0
    assert doubt.features("authors", odd, crf, rules)["odd_family"] == 1.0
    plain = doubt.features("title", ref, crf, rules)
    assert plain["names_in"] == 0.0 and plain["year_in"] == 0.0 and plain["disagree"] == 0.0


def test_a_field_long_or_short_for_its_kind_is_seen():
    ref, crf, rules = _readings(APA)
    plain = {name: doubt.features(name, ref, crf, rules) for name in ("title", "container", "authors", "pages")}
    assert plain["title"]["few:title"] == plain["title"]["many:title"] == 0.0
    assert plain["container"]["longer_than_title"] == 0.0 and plain["authors"]["long_family"] == 0.0
    odd = ref.replace(title="Keohane", container="International Security and the Promise of Institutionalist Theory",
                      pages="39–51 and 52–60", authors=(Person(family="The promise of institutionalist theory"),))
    assert doubt.features("title", odd, crf, rules)["few:title"] == 1.0
    container = doubt.features("container", odd, crf, rules)
    assert container["many:container"] == 1.0 and container["longer_than_title"] == 1.0
    assert doubt.features("authors", odd, crf, rules)["long_family"] == 1.0
    assert doubt.features("pages", odd, crf, rules)["chars:pages"] == 1.0 > plain["pages"]["chars:pages"]


def test_what_borders_a_field_and_where_the_year_is_printed_are_seen():
    raw = "Smith, J. 1990. “Plain Title.” Journal of Things 3: 1–9. Reprinted 2001."
    ref, crf, rules = _readings(raw)
    whole = ref.replace(title="Plain Title", year="1990")
    title = doubt.features("title", whole, crf, rules)
    assert title["left:quote"] == 1.0 and title["right:stop"] == 1.0
    cut = doubt.features("title", whole.replace(title="Title.” Journal of"), crf, rules)
    assert cut["left:word"] == 1.0 and cut["right:word"] == 1.0
    assert doubt.features("title", whole.replace(title="Not Printed"), crf, rules)["left:lost"] == 1.0
    year = doubt.features("year", whole, crf, rules)
    assert year["year_once"] == 1.0 and year["year_later"] == 1.0
    assert doubt.features("year", whole.replace(year="2001"), crf, rules)["year_later"] == 0.0
    assert doubt._borders("a, b. c", "b") == ("mark", "stop") and doubt._borders("b", "b") == ("edge", "edge")


def test_how_the_rules_read_a_field_otherwise_and_an_unplaced_remnant_are_seen():
    ref, crf, rules = _readings(APA)
    on = doubt.features("title", ref, crf, rules.replace(title=ref.title + " International Security"))
    assert on["rules_longer"] == 1.0 and on["rules_shorter"] == 0.0
    short = doubt.features("title", ref, crf, rules.replace(title=ref.title.split()[0] + " promise"))
    assert short["rules_longer"] == 0.0
    assert doubt.features("title", ref, crf, rules.replace(title="The promise"))["rules_shorter"] == 1.0
    assert doubt.features("title", ref, crf, rules.replace(container=ref.title))["swapped"] == 1.0
    assert doubt.features("year", ref.replace(note="of no field"), crf, rules)["note"] == 1.0


def test_fit_learns_a_telling_feature_and_the_threshold_keeps_right_fields_unflagged():
    rows = [({"tell": 1.0, "noise": float(i % 2)}, True) for i in range(40)]
    rows += [({"tell": 0.0, "noise": float(i % 2)}, False) for i in range(160)]
    rows += [({"tell": 1.0, "noise": float(i % 2)}, False) for i in range(10)]  # the feature is not perfect
    weights = doubt.fit(rows)
    assert weights["tell"] > 2.0 and abs(weights["noise"]) < 0.5
    scores = [(doubt.p_wrong(f, weights), wrong) for f, wrong in rows]
    cut = doubt.threshold_for(scores, 0.10)
    right_flagged = sum(1 for p, wrong in scores if not wrong and p >= cut) / 170
    wrong_flagged = sum(1 for p, wrong in scores if wrong and p >= cut) / 40
    assert right_flagged <= 0.10 and wrong_flagged == 1.0
    assert doubt.fit(rows) == weights  # deterministic


def test_judge_marks_the_fields_the_model_doubts(tmp_path):
    ref, crf, rules = _readings(APA)
    doubt_title = ({"": -5.0, "bias:title": 10.0}, 0.5)
    judged = doubt.judge(ref, crf, rules, doubt_title)
    assert "title" in judged.uncertain and "container" not in judged.uncertain
    conf = dict(judged.confidence)
    assert conf["title"] < 0.01 and conf["container"] > 0.99
    trusting = doubt.judge(ref, crf, rules, ({"": -10.0}, 0.5))
    assert not set(trusting.uncertain) & set(doubt.JUDGED)


def test_a_missing_or_broken_weights_file_leaves_the_reading_as_it_is(tmp_path):
    assert doubt._load(str(tmp_path / "none.json")) is None
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"weights": {"a": "x"}}), encoding="utf-8")
    assert doubt._load(str(bad)) is None


def test_the_shipped_weights_judge_every_import():
    assert doubt.WEIGHTS.is_file()
    ref = parse_reference(APA)
    assert {name for name, _ in ref.confidence} >= {"authors", "title", "container", "year", "volume", "pages"}
    wrong_title = parse_reference("Smith, J., and K. Jones. Smith, J., Jones, K., Brown, L. 2001. Oxford.")
    assert set(wrong_title.uncertain) & {"title", "authors", "publisher", "container"}


def test_values_made_once_give_the_same_reading_as_values_made_in_each_step():
    from litreview.bibliography.refparse.combine import COMPARED, values

    assert set(COMPARED) <= set(doubt.JUDGED)  # parse_reference reads JUDGED once for both steps
    for text in (APA, "Smith. Things. Place, 2001.", "———. 1999. Another Book. New York: Norton.",
                 "Hudak, Paul, Simon Peyton Jones, and Philip Wadler, eds. Report. 1992. doi:10.1145/130697.130699"):
        crf, rules = parse_reference_model(text), parse_reference_rules(text)
        read = values(crf, doubt.JUDGED), values(rules, doubt.JUDGED)
        slow = doubt.judge(combine(crf, rules), crf, rules)
        fast = doubt.judge(combine(crf, rules, read=read), crf, rules, read=read)
        assert (fast, fast.evidence, fast.rivals) == (slow, slow.evidence, slow.rivals)
        assert parse_reference(text) == slow


def _listed_refs(odd_at: int, n: int = 7) -> list[ParsedReference]:
    """A list in one style (titles in quotation marks), but for entry ``odd_at``, whose title is printed bare."""
    refs = []
    for i in range(n):
        title = f"A study of things, part {i + 1}"
        shown = title if i == odd_at else f"“{title}.”"
        raw = f"Smith, J. 200{i}. {shown} Journal of Things {i + 1}: 1–9."
        refs.append(ParsedReference(raw=raw, type="article", authors=(Person(family="Smith", given="J."),),
                                    title=title, container="Journal of Things", volume=str(i + 1), pages="1–9",
                                    year=f"200{i}"))
    return refs


def test_a_field_printed_unlike_the_rest_of_its_list_is_seen():
    refs = _listed_refs(odd_at=3)
    shares = doubt.list_shares(refs)
    assert shares[3]["title"] == 0.0 and all(s["title"] == 5 / 6 for i, s in enumerate(shares) if i != 3)
    assert all(s["pages"] == s["year"] == 1.0 for s in shares)  # printed alike in every entry
    assert doubt.list_shares(refs[:5]) == [{}] * 5  # fewer than five others: too few to tell the list's style
    feats = doubt.features("title", refs[3], refs[3], refs[3], listed=shares[3])
    assert feats["list_odd"] == feats["list_odd:title"] == 1.0 and feats["list_rare"] == 1.0
    assert "list_odd" not in doubt.features("title", refs[3], refs[3], refs[3])  # read alone: no such evidence


def test_judge_list_doubts_the_field_its_list_prints_otherwise():
    refs = _listed_refs(odd_at=2)
    odd_weights = ({"": -5.0, "list_odd": 10.0}, 0.5)
    judged = doubt.judge_list([(ref, ref, ref, None) for ref in refs], odd_weights)
    assert [("title" in ref.uncertain) for ref in judged] == [i == 2 for i in range(len(refs))]
    assert judged[0] == doubt.judge(refs[0], refs[0], refs[0], odd_weights, listed=doubt.list_shares(refs)[0])


def test_an_imported_list_is_judged_as_one_list(monkeypatch):
    from litreview.bibliography import refparse

    seen: list[int] = []
    real = doubt.judge_list
    monkeypatch.setattr(doubt, "judge_list", lambda readings, weights=None: seen.append(len(readings)) or
                        real(readings, weights))
    monkeypatch.setattr(refparse, "BATCH", 2)  # read two at a time, judged as one list of three
    assert len(refparse.parse_references([APA, APA.replace("1995", "1996"), APA.replace("1995", "1997")])) == 3
    assert seen == [3]


def test_a_reading_judged_with_no_list_around_it_is_cut_at_its_own_threshold(tmp_path):
    refs = _listed_refs(odd_at=2)
    even = ({"": 0.0}, 0.9, 0.4)  # every field at P(wrong) 0.5: under the list's cut, over the lone string's
    alone = doubt.judge(refs[0], refs[0], refs[0], even)
    listed = doubt.judge(refs[0], refs[0], refs[0], even, listed=doubt.list_shares(refs)[0])
    assert "title" in alone.uncertain and "title" not in listed.uncertain
    assert "title" not in doubt.judge(refs[0], refs[0], refs[0], even[:2]).uncertain  # one cut for both
    in_list = doubt.judge_list([(ref, ref, ref, None) for ref in refs], even)
    assert not any("title" in ref.uncertain for ref in in_list)
    short = doubt.judge_list([(ref, ref, ref, None) for ref in refs[:3]], even)  # too short to tell its style
    assert all("title" in ref.uncertain for ref in short)
    path = tmp_path / "doubt.json"
    path.write_text(json.dumps({"weights": {"": 0.0}, "threshold": 0.9, "threshold_alone": 0.4}), encoding="utf-8")
    assert doubt._load(str(path)) == ({"": 0.0}, 0.9, 0.4)
    older = tmp_path / "older.json"  # a file of one threshold: that one for both
    older.write_text(json.dumps({"weights": {"": 0.0}, "threshold": 0.9}), encoding="utf-8")
    assert doubt._load(str(older)) == ({"": 0.0}, 0.9, 0.9)
