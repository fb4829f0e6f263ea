"""Anchoring by tense and by the story's earlier points: bare weekdays, '-eed' verbs, restated comparisons."""
from __future__ import annotations

import pytest

import datetime as dt

from models import ReferenceDate
from pipeline.temporal.anchoring import Context, _weekday_date
from pipeline.temporal.calendar import When
from pipeline.temporal.tagger import tag, tense_near


def _values(text: str, reference: str) -> dict:
    result = tag(text, ReferenceDate(date=reference, source="given"))
    return {t.text: t.value for t in result.timexes}


TUESDAY = dt.date(2023, 3, 14)


@pytest.mark.parametrize(
    "weekday, tense, expected",
    [
        (3, None, "2023-03-15"),      # Wednesday: tomorrow is nearer than six days ago
        (1, None, "2023-03-13"),      # Monday: yesterday
        (6, None, "2023-03-11"),      # Saturday: three days back beats four ahead
        (4, None, "2023-03-09"),      # Thursday: five back beats two ahead (news looks back)
        (5, None, "2023-03-10"),      # Friday: four back
        (1, "future", "2023-03-20"),  # "will reopen Monday"
        (4, "past", "2023-03-09"),    # "went down Thursday"
        (2, "future", "2023-03-14"),  # today stays today
    ],
)
def test_bare_weekday_by_distance_and_tense(weekday, tense, expected):
    assert _weekday_date(TUESDAY, weekday, None, tense).isoformat() == expected


def test_last_and_next_weekdays_ignore_the_tense():
    assert _weekday_date(TUESDAY, 5, -1, "future").isoformat() == "2023-03-10"
    assert _weekday_date(TUESDAY, 1, 1, "past").isoformat() == "2023-03-20"


def test_eed_words_and_hundred_are_not_past_tense():
    text = "The carrier will need two hundred new routers Friday."
    start = text.index("Friday")
    assert tense_near(text, start, start + 6, (0, len(text))) == "future"
    text = "The ISP agreed on Friday to refund customers."
    start = text.index("Friday")
    assert tense_near(text, start, start + 6, (0, len(text))) == "past"


def test_future_tense_weekday_in_outage_news():
    values = _values("Nintendo says the eShop will be back online Monday after the outage.", "2023-03-14")
    assert values["Monday"] == "2023-03-20"
    values = _values("The airline's check-in systems were postponed until Saturday.", "2023-03-14")
    assert values["Saturday"] == "2023-03-18"


def test_past_weekday_in_outage_news():
    assert _values("Monday's outage knocked out card payments at the bank.", "2023-03-14")["Monday"] == "2023-03-13"


def test_a_year_earlier_restates_a_year_ago():
    values = _values(
        "Azure revenue grew 30% from a year ago. Operating costs were flat compared with a year earlier.",
        "2023-03-14",
    )
    assert values["a year ago"] == "2022"
    assert values["a year earlier"] == "2022"


def test_a_year_earlier_still_builds_on_a_plain_date():
    values = _values("The data center flooded in 2019. A year earlier, its generators failed.", "2023-03-14")
    assert values["A year earlier"] == "2018"


def test_year_earlier_after_last_year_is_last_year():
    values = _values("Outages at the bank fell from last year; year-earlier figures were restated.", "2023-03-14")
    assert values["year-earlier"] == "2022"
    values = _values("Fourth-quarter outages fell from last year; year-earlier figures were restated.", "2023-03-14")
    assert values["year-earlier"] == "2021-Q4"  # the fourth quarter (2022-Q4) a year before


def test_context_passes_over_offsets_of_the_same_unit_only():
    ctx = Context(reference=TUESDAY)
    ctx.add("t1", When("day", year=2023, month=3, day=1))
    ctx.add("t2", When("year", year=2022), offset_unit="Y")
    assert ctx.last_dated("year", unit="Y")[0] == "t1"
    assert ctx.last_dated("year", unit="D")[0] == "t2"
    assert ctx.last_point(unit="Y")[0] == "t1"
    assert ctx.last_point()[0] == "t2"


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The power grid failed in the summer of nineteen eighty-seven.", "the summer of nineteen eighty-seven", "1987-SU"),
        ("Nineteen Ninety-Nine ended with the Y2K scare.", "Nineteen Ninety-Nine", "1999"),
        ("Engineers rebuilt the switch in the year two thousand and three.", "the year two thousand and three", "2003"),
        ("In August nineteen sixty-five the blackout hit New York.", "August nineteen sixty-five", "1965-08"),
    ],
)
def test_spelled_out_years_in_broadcast_transcripts(text, span, value):
    assert _values(text, "2023-03-14")[span] == value


@pytest.mark.parametrize(
    "text",
    [
        "Nineteen people were stuck in the lift.",
        "two thousand flights were cancelled after the outage",
        "the carrier paid nineteen twenty-dollar credits",
    ],
)
def test_spelled_numbers_that_are_not_years(text):
    assert _values(text, "2023-03-14") == {}


def test_be_before_a_past_cue_word_is_no_past_tense():
    text = "The data-center migration would still be held on April 24."
    assert _values(text, "2023-02-10")["April 24"] == "2023-04-24"


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Cloud margins should recover in the back half of the year.", "the back half of the year", "2023-H2"),
        ("The telecom cut its outage minutes in the latter half of 2021.", "the latter half of 2021", "2021-H2"),
        ("Over the winter, the ski resort's booking site crashed twice.", "the winter", "2022-WI"),
        ("The regulator expects fewer bank outages in the current fiscal year.", "the current fiscal year", "2023"),
    ],
)
def test_halves_seasons_and_the_current_fiscal_year(text, span, value):
    assert _values(text, "2023-03-14")[span] == value


def test_rates_are_sets_not_durations():
    text = "The outages cost the carrier $500 million a year, and 700 flights a week were delayed."
    result = tag(text, ReferenceDate(date="2023-03-14", source="given"))
    assert [(t.text, t.type, t.value) for t in result.timexes] == [("a year", "SET", "P1Y"), ("a week", "SET", "P1W")]


def test_hours_a_day_is_a_duration_and_a_rate():
    result = tag("Support staff worked 18 hours a day during the outage.", ReferenceDate(date="2023-03-14", source="given"))
    assert [(t.text, t.type, t.value) for t in result.timexes] == [("18 hours", "DURATION", "PT18H"), ("a day", "SET", "P1D")]


def test_rate_veto_leaves_sets_and_offsets_alone():
    values = _values("Its API failed three times a day. A week after the fix, it failed again.", "2023-03-14")
    assert "a day" in values or "three times a day" in values
    assert "A week after" in values or "A week" in values


@pytest.mark.parametrize(
    "text, span, value, mod",
    [
        ("Telstra expects the network to be fully restored by the end of the week.", "the end of the week", "2023-W11", "END"),
        ("The exchange will migrate its matching engine at the beginning of the month.", "the beginning of the month", "2023-03", "START"),
    ],
)
def test_edges_of_the_current_unit(text, span, value, mod):
    result = tag(text, ReferenceDate(date="2023-03-14", source="given"))
    found = {t.text: (t.value, t.mod) for t in result.timexes}
    assert found[span] == (value, mod)


def test_year_ago_quarter_is_a_quarter_even_after_a_day():
    text = "For the quarter ended June 30, the streaming service lost subscribers after the outage. It had gained 2 million in the year-ago quarter."
    assert _values(text, "2023-07-20")["the year-ago quarter"] == "2022-Q2"


def test_the_year_quarter_without_ordinal_is_the_reported_quarter():
    assert _values("The airline lost $40m in the 2022 quarter.", "2023-07-20")["the 2022 quarter"] == "2022-Q2"
    values = _values("In the 2022 period, it earned $3m.", "2023-07-20")
    assert values["the 2022 period"] == "2022"  # a period may be nine months: only the year is sure


def test_un_ed_adjectives_are_no_past_tense():
    text = "The exchange will halt trading for unscheduled maintenance Friday."
    start = text.index("Friday")
    assert tense_near(text, start, start + 6, (0, len(text))) == "future"


def test_a_deadline_before_a_clock_time_reaches_its_weekday():
    values = _values("Ofcom extended the carrier's deadline until 5 p.m. Wednesday.", "2023-03-14")
    assert values["5 p.m. Wednesday"] == "2023-03-15T17:00"  # one timex, as TimeML writes it


def test_slated_looks_ahead():
    assert _values("The data-center move is slated for September.", "2023-02-20")["September"] == "2023-09"


def test_planned_to_looks_ahead():
    # a plan told in the past still points forward: "planned to ... on Thursday" is the coming Thursday
    values = _values("The operator planned to switch the backup link back on Thursday.", "2023-03-14")
    assert values["Thursday"] == "2023-03-16"
    values = _values("The bank's engineers were planning to restart the core system on Saturday.", "2023-03-14")
    assert values["Saturday"] == "2023-03-18"
