import pytest

from pipeline.evaluation.metrics import Score


def test_precision_recall_f1_from_counts():
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_nothing_to_find_and_nothing_found_is_perfect():
    assert (Score().precision, Score().recall, Score().f1) == (1.0, 1.0, 1.0)


def test_nothing_found_scores_zero_and_spurious_only_scores_zero():
    assert (Score(fn=4).precision, Score(fn=4).recall, Score(fn=4).f1) == (0.0, 0.0, 0.0)
    assert (Score(fp=2).precision, Score(fp=2).recall, Score(fp=2).f1) == (0.0, 0.0, 0.0)


def test_scores_add_up_for_micro_averaging():
    total = Score(1, 0, 0) + Score(0, 1, 3)
    assert total == Score(1, 1, 3)
    assert total.to_dict()["recall"] == pytest.approx(0.25)
