import pytest

from models import Duration, MinuteRange, TimePoint
from pipeline.evaluation.tolerances import (
    dates_compatible,
    durations_overlap,
    same_service,
    same_time,
    time_key,
)


def tp(value, approximate=False):
    return TimePoint(value=value, approximate=approximate)


@pytest.mark.parametrize(
    "a, b",
    [
        ("2016-01-19T03:40:00-05:00", "2016-01-19T08:40:00+00:00"),  # same instant, other zone
        ("2016-01-19T03:40:00-05:00", "2016-01-19T08:40Z"),
        ("2020-10-15T17:30:59-04:00", "2020-10-15T17:30:00-04:00"),  # equal to the minute
        ("2022-02-17T21:41:00", "2022-02-17T21:41"),  # both without zone
        ("2015-11", "2015-11"),
    ],
)
def test_times_equal_to_the_minute_in_utc(a, b):
    assert same_time(tp(a), tp(b))


@pytest.mark.parametrize(
    "a, b",
    [
        ("2016-01-19T03:40:00-05:00", "2016-01-19T03:40:00"),  # zone missing
        ("2016-01-19T03:40:00-05:00", "2016-01-19T03:41:00-05:00"),
        ("2016-01-19", "2016-01-19T00:00:00"),  # a date is not a time
        ("2016-01", "2016-01-19"),
        ("2016-01-19TMO", "2016-01-19"),
    ],
)
def test_times_that_differ(a, b):
    assert not same_time(tp(a), tp(b))


def test_around_does_not_widen_a_time():
    assert not same_time(tp("2016-01-19T03:40:00-05:00", True), tp("2016-01-19T03:45:00-05:00", True))


def test_time_key_kinds():
    assert time_key("2009-08") == ("month", "2009-08")
    assert time_key("2009") == ("year", "2009")
    assert time_key("yesterday") == ("text", "yesterday")
    assert time_key("2009-08-06T25:00") == ("text", "2009-08-06T25:00")


def test_dates_compatible_at_the_coarser_precision():
    assert dates_compatible(tp("2019-07"), tp("2019-07-11T14:00:00-07:00"))
    assert dates_compatible(tp("2019-07-11"), tp("2019-07-11T14:00:00"))
    assert not dates_compatible(tp("2019-07-11"), tp("2019-07-12"))
    assert not dates_compatible(tp("2019-01"), tp("2019-11-01"))


def dur(low, high):
    return Duration(minutes=MinuteRange(min=low, max=high), basis="stated")


def test_durations_overlap():
    assert durations_overlap(dur(45, 60), dur(60, 60))
    assert durations_overlap(dur(120, 300), dur(180, 180))
    assert not durations_overlap(dur(45, 60), dur(61, 90))


@pytest.mark.parametrize("a, b, same", [("Twitter", "twitter", True), ("the PlayStation Network", "PlayStation  Network", True), ("AWS", "Amazon Web Services", False), ("The Guardian", "Guardian", True)])
def test_service_names(a, b, same):
    assert same_service(a, b) is same
