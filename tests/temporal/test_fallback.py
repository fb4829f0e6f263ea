"""The dateparser fallback for underspecified values (off by default; see temporal/fallback.py)."""
import datetime as dt

import pytest

from models import Timex
from pipeline.temporal.fallback import fallback_value, is_underspecified, value_granularity

REFERENCE = dt.date(1998, 10, 20)


@pytest.mark.parametrize(
    "value, granularity",
    [("XXXX", "year"), ("XXXX-03", "month"), ("XXXX-10-05", "day"), ("1998-10-XX", "day"), ("XXXX-WXX-2", "day"),
     ("XXXX-10-05T10:30", "minute"), ("XXXX-WXX", None), ("XXXX-FA", None), ("XXXX-10-05TMO", None)],
)
def test_value_granularity(value, granularity):
    assert value_granularity(value) == granularity


def test_only_underspecified_dates_are_tried():
    assert is_underspecified("XXXX-10-05") and is_underspecified("1998-10-XX")
    assert not is_underspecified("1998-10-05") and not is_underspecified("PXD") and not is_underspecified("XXXX-WXX")


@pytest.mark.parametrize(
    "text, value, expected",
    [
        ("Oct. 5", "XXXX-10-05", "1998-10-05"),  # the year from the reference date
        ("Oct. 5", "1998-10-XX", "1998-10-05"),
        ("March", "XXXX-03", "1998-03"),  # the past: this year's March
        ("last year", "XXXX", "1997"),
        ("Oct. 5", "XXXX-11-05", None),  # disagrees with what the rules settled
        ("Oct. 5", "XXXX-10", None),  # a day where the span is a month
        ("that same day", "1998-10-XX", None),  # dateparser has no answer
    ],
)
def test_fallback_value(text, value, expected):
    assert fallback_value(text, value, REFERENCE) == expected


def test_the_component_counts_and_keeps_only_agreeing_values(nlp):
    tagger = nlp.get_pipe("timex_tagger")
    timexes = [
        Timex(id="t1", text="Oct. 5", start=0, end=6, sentence=0, type="DATE", value="XXXX-10-05", rule="r"),
        Timex(id="t2", text="that same day", start=7, end=20, sentence=0, type="DATE", value="1998-10-XX", rule="r"),
        Timex(id="t3", text="Oct. 6", start=21, end=27, sentence=0, type="DATE", value="1998-10-06", rule="r"),
    ]
    before = dict(tagger.fallback_counts)
    out = tagger._fallback(timexes, REFERENCE)
    assert [t.value for t in out] == ["1998-10-05", "1998-10-XX", "1998-10-06"]
    assert tagger.fallback_counts["tried"] - before.get("tried", 0) == 2
    assert tagger.fallback_counts["kept"] - before.get("kept", 0) == 1
    assert tagger.dateparser_fallback is False  # off unless configured
