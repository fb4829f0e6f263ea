"""'<amount> later' right after a span's end time restates the span: it counts from the start, not the end."""
from __future__ import annotations

import pytest

from models import ReferenceDate
from pipeline.temporal.tagger import tag


def _later(text: str, reference: str = "2024-06-04"):
    result = tag(text, ReferenceDate(date=reference, source="given"))
    return [t for t in result.timexes if t.text.endswith("later")][0], result.timexes


@pytest.mark.parametrize(
    "text, value",
    [
        ("Trains stopped at 4:15 p.m. and ran again from 7:02 p.m., nearly three hours later.", "2024-06-04T19:15"),
        ("The game's login servers fell over at 01:00 BST and were back at 03:30 BST (more than two hours later).",
         "2024-06-04T03:00"),
        ("Card payments failed from 10:20 and recovered at 10:58 - about 40 minutes later.", "2024-06-04T11:00"),
        # the end time followed by its date
        ("Sign-ins broke at 22:10 CEST on Saturday and worked again at 09:40 CEST on Monday, about 35 hours later.",
         "2024-06-03T09:10"),
    ],
)
def test_offset_after_a_span_end_counts_from_the_start(text, value):
    later, timexes = _later(text)
    assert later.value == value
    assert later.anchor == timexes[0].id


@pytest.mark.parametrize(
    "text, value",
    [
        # the distance does not fit the span: a new point after the last time
        ("Alarms went off at 2 p.m. and stopped at 2:10 p.m., three hours later the operator posted a fix.",
         "2024-06-04T17:10"),
        # a word between the time and the offset: a new step in the story
        ("Mail stalled at 8 a.m. and resumed at 10 a.m., and two hours later it failed again.", "2024-06-04T12:00"),
        # only one clock time in the sentence
        ("Mail stalled at 8 a.m., two hours later users were still waiting.", "2024-06-04T10:00"),
    ],
)
def test_offset_that_is_no_restatement_counts_from_the_last_time(text, value):
    later, _ = _later(text)
    assert later.value == value


def test_offset_in_the_next_sentence_is_not_a_restatement():
    later, timexes = _later("Mail stalled at 8 a.m. and resumed at 10 a.m. Two hours later the company apologised.")
    assert later.value == "2024-06-04T12:00"
    assert later.anchor == timexes[1].id
