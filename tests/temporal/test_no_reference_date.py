"""Without a reference date, relative expressions give underspecified values, never an exception (issue 16)."""
from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.temporal.calendar import GRANULARITIES, When
from pipeline.temporal.tagger import tag


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The worst network failures of this century hit banks.", "this century", "XX"),
        ("Engineers called it the longest blackout of the current century.", "the current century", "XX"),
        ("This decade has seen three major cloud outages.", "This decade", "XXX"),
        ("Outages were rarer earlier this decade, the report said.", "earlier this decade", "XXX"),
        ("Telephone exchanges failed often last century.", "last century", "XX"),
        ("This year the provider lost power twice.", "This year", "XXXX"),
        ("Trading halted last quarter after a feed failure.", "last quarter", "XXXX-QX"),
        ("The data centre flooded this summer.", "this summer", "XXXX-SU"),
        ("The maintenance window is this weekend.", "this weekend", "XXXX-WXX-WE"),
    ],
)
def test_relative_periods_without_a_reference_date_stay_underspecified(text, span, value):
    result = tag(text)
    found = {t.text: t.value for t in result.timexes}
    assert found.get(span) == value, found
    assert any("no reference date" in w for w in result.warnings)


@pytest.mark.parametrize("granularity", GRANULARITIES)
def test_an_unknown_calendar_point_renders_with_x_at_every_granularity(granularity):
    value = When(granularity).value()
    assert "None" not in value
    assert set(value) <= set("XTWEHQ-:0123456789") and "X" in value


def test_a_document_naming_this_century_without_a_date_is_extracted():
    record = extract("Payments stopped for hours in one of the largest bank outages of this century.")
    assert [t.value for t in record.timexes if t.text == "this century"] == ["XX"]
    assert record.reference_date.date is None
