import pytest

from pipeline.evaluation.span_alignment import align_spans
from pipeline.evaluation.timex_scoring import TimexCounts, score_timexes
from tests.evaluation.helpers import T


def test_perfect_prediction():
    gold = [T(0, 6, "DATE", "1998-08-07"), T(10, 17, "DURATION", "P2D")]
    result = score_timexes(gold, list(gold))
    c = result.counts
    assert c.strict.f1 == c.relaxed.f1 == 1.0
    assert c.attribute("type").f1 == c.attribute("value").f1 == 1.0
    assert c.accuracy("value") == 1.0
    assert result.mismatches == []


def test_overlapping_span_is_relaxed_not_strict():
    # gold "Sunday morning" (0-14), predicted "Sunday" (0-6)
    gold = [T(0, 14, "TIME", "1998-08-09TMO")]
    pred = [T(0, 6, "DATE", "1998-08-09")]
    c = score_timexes(gold, pred).counts
    assert c.relaxed.f1 == 1.0
    assert c.strict.f1 == 0.0 and c.strict.fp == 1 and c.strict.fn == 1
    assert c.accuracy("type") == 0.0 and c.attribute("value").f1 == 0.0
    (m,) = score_timexes(gold, pred).mismatches
    assert m.problems == ("extent", "type", "value")


def test_attribute_f1_is_accuracy_times_relaxed_f1():
    gold = [T(0, 5, value="A"), T(10, 15, value="B"), T(20, 25, value="C"), T(40, 45, value="D")]
    pred = [T(0, 5, value="A"), T(12, 14, value="X"), T(20, 25, value="C"), T(30, 33, value="E")]
    c = score_timexes(gold, pred).counts
    assert (c.relaxed_matches, c.strict_matches) == (3, 2)
    assert c.relaxed.precision == pytest.approx(3 / 4) and c.relaxed.recall == pytest.approx(3 / 4)
    assert c.strict.f1 == pytest.approx(0.5)
    assert c.accuracy("value") == pytest.approx(2 / 3)
    assert c.attribute("value").f1 == pytest.approx(2 / 3 * c.relaxed.f1)
    assert c.attribute("type").f1 == pytest.approx(c.relaxed.f1)


def test_no_gold_timexes():
    c = score_timexes([], [T(0, 5, value="2001")]).counts
    assert (c.gold, c.predicted, c.relaxed_matches) == (0, 1, 0)
    assert c.relaxed.precision == 0.0 and c.relaxed.f1 == 0.0
    assert c.accuracy("value") is None


def test_no_predictions():
    result = score_timexes([T(0, 5, value="2001"), T(8, 9, value="2002")], [])
    c = result.counts
    assert c.relaxed.recall == 0.0 and c.relaxed.f1 == 0.0 and c.attribute("value").f1 == 0.0
    assert [m.problems for m in result.mismatches] == [("missed",), ("missed",)]


def test_nothing_on_either_side_is_perfect():
    c = score_timexes([], []).counts
    assert c.relaxed.f1 == c.strict.f1 == c.attribute("value").f1 == 1.0


def test_timex_with_no_value_agrees_only_with_no_value():
    gold = [T(0, 5, "DURATION", None), T(10, 15, "DURATION", "")]
    both_missing = score_timexes(gold, [T(0, 5, "DURATION", ""), T(10, 15, "DURATION", None)])
    assert both_missing.counts.accuracy("value") == 1.0
    one_given = score_timexes(gold, [T(0, 5, "DURATION", "PXD"), T(10, 15, "DURATION", None)])
    assert one_given.counts.accuracy("value") == 0.5
    assert one_given.mismatches[0].problems == ("value",)
    assert one_given.mismatches[0].gold["value"] is None


def test_one_gold_overlapping_two_predictions_matches_once():
    # gold "between 6 and 7 p.m."; prediction splits it in two
    gold = [T(0, 20, "TIME", "X")]
    pred = [T(8, 9, "TIME", "X"), T(14, 20, "TIME", "X")]
    result = score_timexes(gold, pred)
    c = result.counts
    assert c.relaxed_matches == 1 and c.relaxed.precision == 0.5 and c.relaxed.recall == 1.0
    assert result.pairs == [(0, 1)]  # the larger overlap wins
    assert [m.problems for m in result.mismatches] == [("extent",), ("spurious",)]  # text order


def test_identical_extent_wins_over_larger_overlap():
    gold = [T(0, 10), T(5, 12)]
    pred = [T(5, 12), T(0, 9)]
    assert align_spans([(0, 10), (5, 12)], [(5, 12), (0, 9)]) == [(0, 1), (1, 0)]
    assert score_timexes(gold, pred).counts.strict_matches == 1


def test_mod_is_scored_as_an_extra():
    c = score_timexes([T(0, 5, "DURATION", "PT1H", "APPROX")], [T(0, 5, "DURATION", "PT1H")]).counts
    assert c.accuracy("value") == 1.0 and c.accuracy("mod") == 0.0


def test_counts_micro_average_over_documents():
    doc1 = score_timexes([T(0, 5, value="A")], [T(0, 5, value="A")]).counts
    doc2 = score_timexes([T(0, 5, value="B")] * 3, []).counts
    total = doc1 + doc2
    assert total.relaxed.recall == pytest.approx(1 / 4)  # macro would be 0.5
    assert total == TimexCounts() + doc1 + doc2
    data = total.to_dict()
    assert data["value"]["accuracy"] == 1.0 and data["gold"] == 4
