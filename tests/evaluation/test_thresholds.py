import pytest

from pipeline.evaluation.thresholds import ThresholdError, parse_thresholds, shortfalls

METRICS = {"timexes.relaxed.f1": 0.9, "timexes.value.accuracy": 0.95, "incidents.main.start.f1": 1.0}


def test_key_without_measure_means_f1_and_bare_number_means_every_f1():
    ts = parse_thresholds(["timexes.relaxed=0.95", "timexes.value.accuracy=0.9", "0.5"], list(METRICS))
    assert [(t.key, t.minimum) for t in ts] == [
        ("timexes.relaxed.f1", 0.95),
        ("timexes.value.accuracy", 0.9),
        ("*.f1", 0.5),
    ]
    (short,) = shortfalls(METRICS, ts)
    assert short.key == "timexes.relaxed.f1" and "0.900 < 0.95" in str(short)
    assert [s.key for s in shortfalls(METRICS, parse_thresholds(["0.95"], list(METRICS)))] == ["timexes.relaxed.f1"]


@pytest.mark.parametrize("spec, message", [("causes.nothing=0.5", "unknown metric"), ("timexes.relaxed=high", "not a number"), ("95", "between 0 and 1")])
def test_bad_thresholds(spec, message):
    with pytest.raises(ThresholdError, match=message):
        parse_thresholds([spec], list(METRICS))
