import datetime as dt

import pytest

from models import Duration, Incident, IncidentCause, MinuteRange, TimePoint
from pipeline.analysis.outages import Report, merge_reports, service_key, time_window
from pipeline.analysis.summary import quartiles


def incident(service="Zoomly", start=None, end=None, minutes=None, cause="unknown", status="unknown", role="main"):
    return Incident(
        id="e1",
        role=role,
        service=service,
        start=TimePoint(value=start) if start else None,
        end=TimePoint(value=end) if end else None,
        duration=Duration(minutes=MinuteRange(min=minutes, max=minutes), basis="stated") if minutes else None,
        cause=IncidentCause(category=cause, status=status),
    )


@pytest.mark.parametrize(
    "name, key",
    [("Facebook", "facebook"), ("The  Facebook's", "facebook"), ("facebook.com", "facebook"), ("", None), (None, None)],
)
def test_service_key(name, key):
    assert service_key(name) == key


def test_time_window_of_an_instant_with_a_duration():
    low, high = time_window(incident(start="2024-03-05T09:15:00-05:00", minutes=120))
    assert (low, high) == (dt.datetime(2024, 3, 5, 14, 15), dt.datetime(2024, 3, 5, 16, 15))


def test_time_window_of_a_day_allows_every_zone():
    low, high = time_window(incident(start="2024-03-05"))
    assert low == dt.datetime(2024, 3, 4, 10) and high == dt.datetime(2024, 3, 6, 14)


def test_no_window_without_a_day():
    assert time_window(incident(start="2024-03")) is None
    assert time_window(incident(start=None)) is None


def _reports(*items):
    return [Report(doc, None, inc) for doc, inc in items]


def test_same_service_overlapping_time_in_two_articles_is_one_outage():
    outages = merge_reports(
        _reports(
            ("a", incident(start="2024-03-05T09:15:00-05:00", minutes=120, cause="configuration", status="confirmed")),
            ("b", incident(service="zoomly.com", start="2024-03-05T10:00:00-05:00", end="2024-03-05T11:30:00-05:00")),
            ("c", incident(start="2024-03-05", cause="cyberattack", status="speculated")),
        )
    )
    (outage,) = outages
    assert outage.articles == ["a", "b", "c"]
    assert outage.start == "2024-03-05T09:15:00-05:00" and outage.end == "2024-03-05T11:30:00-05:00"
    assert (outage.cause, outage.cause_status) == ("configuration", "confirmed")  # confirmed beats speculated


@pytest.mark.parametrize(
    "second",
    [
        ("b", incident(service="Slack", start="2024-03-05T10:00:00-05:00")),  # another service
        ("b", incident(start="2024-03-08T10:00:00-05:00")),  # another time
        ("b", incident(start="2024-03-06T09:30:00-05:00")),  # the next day
        ("b", incident(start="2024-03")),  # only a month
        ("b", incident(service=None, start="2024-03-05T10:00:00-05:00")),  # no service
        ("a", incident(start="2024-03-05T10:00:00-05:00")),  # the same article told them apart
    ],
)
def test_reports_that_are_not_the_same_outage_stay_apart(second):
    first = ("a", incident(start="2024-03-05T09:15:00-05:00", minutes=120))
    assert len(merge_reports(_reports(first, second))) == 2


def test_dates_alone_merge_on_the_same_day_only():
    same = merge_reports(_reports(("a", incident(start="2024-03-05")), ("b", incident(start="2024-03-05"))))
    next_day = merge_reports(_reports(("a", incident(start="2024-03-05")), ("b", incident(start="2024-03-06"))))
    with_zone = merge_reports(  # 23:30 in New York is already the 6th in UTC: a date of the 5th may be it
        _reports(("a", incident(start="2024-03-05")), ("b", incident(start="2024-03-05T23:30:00-05:00")))
    )
    assert (len(same), len(next_day), len(with_zone)) == (1, 2, 1)


def test_merging_is_transitive():
    outages = merge_reports(
        _reports(
            ("a", incident(start="2024-03-05T09:00:00+00:00", minutes=60)),
            ("b", incident(start="2024-03-05T09:30:00+00:00", minutes=120)),
            ("c", incident(start="2024-03-05T11:00:00+00:00", minutes=10)),
        )
    )
    assert [o.articles for o in outages] == [["a", "b", "c"]]


def test_quartiles():
    q = quartiles([10, 20, 30, 40, 50])
    assert (q.count, q.minimum, q.q1, q.median, q.q3, q.maximum) == (5, 10, 20, 30, 40, 50)
    assert quartiles([7]).median == 7
