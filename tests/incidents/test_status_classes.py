"""Status on real-news wording: work on the cause is no outage going on, and a stated duration stays
whatever the status. Own phrasings, several sectors."""
import pytest

from pipeline import extract


def main_of(text, reference):
    return next(i for i in extract(text, reference_date=reference).incidents if i.role == "main")


@pytest.mark.parametrize(
    "text, reference",
    [
        ("Pinecrest Bank's app went down on Monday morning. Services were restored by noon, the bank said, "
         "adding that it was still investigating the root cause.", "2024-02-13"),
        ("Skyhop's booking system crashed on Friday. The airline said it was working to understand what "
         "happened. The system was back up by 3pm.", "2023-09-09"),
    ],
)
def test_investigating_the_cause_does_not_make_a_recovered_outage_ongoing(text, reference):
    assert main_of(text, reference).status == "resolved"


def test_a_stated_duration_stays_when_the_outage_is_told_as_going_on():
    text = ("Telvia's mobile network suffered a four-hour outage on Tuesday. Engineers are still "
            "working to fix the remaining faults.")
    main = main_of(text, "2022-05-11")
    assert main.duration is not None and main.duration.minutes.min == 240
