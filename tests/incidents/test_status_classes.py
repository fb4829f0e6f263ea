"""Status on real-news wording: work on the cause is no outage going on, and a stated duration stays
whatever the status. Own phrasings, several sectors."""
import pytest

from pipeline import extract
from tests.incidents.helpers import extracted_main


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
    assert extracted_main(text, reference).status == "resolved"


def test_a_stated_duration_stays_when_the_outage_is_told_as_going_on():
    text = ("Telvia's mobile network suffered a four-hour outage on Tuesday. Engineers are still "
            "working to fix the remaining faults.")
    main = extracted_main(text, "2022-05-11")
    assert main.duration is not None and main.duration.minutes.min == 240


@pytest.mark.parametrize(
    "text, reference",
    [
        ("Nestor's camera service went down on Monday. Nestor Aware subscribers could not view recordings "
         "either, and Nestor said both were back by the evening.", "2020-02-25"),
        ("Brightline Bank's app crashed on Friday morning. Later that day Brightline Bank's website also "
         "failed for an hour.", "2023-06-10"),
    ],
)
def test_the_main_service_told_again_is_one_outage(text, reference):
    record = extract(text, reference_date=reference)
    assert [i.role for i in record.incidents] == ["main"], [(i.role, i.service) for i in record.incidents]
