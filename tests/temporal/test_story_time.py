"""The story's own time (issue 16): a past story told in the article sets the time of what is told inside it."""
from __future__ import annotations

import datetime as dt

import pytest

from models import ReferenceDate
from pipeline.temporal.calendar import When
from pipeline.temporal.story import ends_before
from pipeline.temporal.tagger import tag


def _values(text, reference="2016-01-19"):
    result = tag(text, ReferenceDate(date=reference, source="given"))
    return [(t.text, t.value) for t in result.timexes]


def test_a_year_right_after_a_month_sets_the_months_year():
    assert ("March", "2009-03") in _values("That March night in 2009, the regional grid failed.")
    assert ("October", "2011-10") in _values("The exchange had failed once before, one October evening in 2011.")


def test_a_weekday_with_a_year_after_it_is_that_weekday_of_the_year():
    assert ("Sunday", "2012-WXX-7") in _values("The clearing house went dark on a Sunday in 2012.")


def test_a_weekday_followed_by_an_unrelated_year_keeps_the_article_week():
    values = _values("The bank's app failed Monday, in 2015 money terms the worst loss.")
    assert ("Monday", "2016-01-18") in values


def test_a_weekday_and_a_clock_time_inside_a_past_story_take_its_time():
    values = _values("Back in 2012, the exchange failed on Sunday. At 3 p.m. the price feed died.")
    assert ("Sunday", "2012-WXX-7") in values
    assert ("3 p.m.", "2012-WXX-7T15:00") in values


def test_a_clock_time_after_a_dated_night_in_the_past_is_on_that_night():
    values = _values("On the night of June 29, 2012, storms cut power to a data centre. By 11 p.m. the video site was down.")
    assert ("11 p.m.", "2012-06-29T23:00") in values


@pytest.mark.parametrize(
    "text, weekday, value",
    [
        # a year used as a name ("that 1978 law") tells no story
        ("That 1978 telecoms law was blamed on Friday by the regulator.", "Friday", "2016-01-15"),
        # a new paragraph is back in the article's own days
        ("In 2012 the exchange went dark.\n\nThe new outage began on Sunday.", "Sunday", "2016-01-17"),
        # a weekday in the next sentence is the article's week unless told in the same sentence
        ("The carrier first joined the scheme in July 2012. It has rolled back the update on Tuesday.", "Tuesday", "2016-01-19"),
        # the future is never inside a past story
        ("In 2012 the exchange went dark for a day, and it will close again on Sunday.", "Sunday", "2016-01-24"),
    ],
)
def test_the_article_week_stays_where_no_past_story_is_told(text, weekday, value):
    assert (weekday, value) in _values(text)


def test_the_end_of_the_year_told_in_the_past_is_last_years_end():
    text = "The bank said its systems crashed at the end of the year."
    assert ("the end of the year", "2015") in _values(text, "2016-03-10")
    assert ("the end of the year", "2016") in _values(text, "2016-12-20")  # this year's end may be past already
    assert ("the end of the year", "2016") in _values("The bank will finish at the end of the year.", "2016-03-10")


@pytest.mark.parametrize(
    "when, limit, before",
    [
        (When("day", year=2012, month=6, day=29), "2016-01-12", True),
        (When("month", year=2016, month=1), "2016-01-12", False),
        (When("season", year=2015, season="WI"), "2016-02-10", False),  # winter 2015 runs into February 2016
        (When("season", year=2015, season="WI"), "2016-03-10", True),
        (When("quarter", year=2015, quarter=4), "2016-01-12", True),
        (When("year", year=2015), "2015-12-20", False),
    ],
)
def test_a_story_point_ends_before_the_reference_week_only_when_its_whole_period_does(when, limit, before):
    assert ends_before(when, dt.date.fromisoformat(limit)) is before
