"""The start when no cue names one: the earliest clock time in a sentence about the outage that no
end, observation or report cue claims. Own phrasings, several sectors and countries."""
import datetime as dt

import pytest

from tests.incidents.helpers import extracted_main


def utc(value: str) -> str:
    moment = dt.datetime.fromisoformat(value)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("At 4.12am PT on Monday, Harbour Credit Union suffered a failure of its card systems. "
         "Members could not pay at tills.", "2023-03-07", "2023-03-06T12:12Z"),
        ("The airline's check-in system crashed at 07:50 CET on Friday, leaving passengers queuing "
         "at Frankfurt and Munich.", "2022-11-25", "2022-11-25T06:50Z"),
        ("Nordwave's mobile network suffered a nationwide outage on Tuesday at roughly 10:40 a.m. GMT. "
         "Calls and data were affected.", "2021-02-03", "2021-02-02T10:40Z"),
        ("Clearlink's trading platform went down on Wednesday, in the morning, at about 9:05 a.m. AEST, "
         "according to the operator.", "2020-08-13", "2020-08-11T23:05Z"),
    ],
)
def test_an_unclaimed_zoned_clock_time_of_the_outage_is_its_start(text, reference, expected):
    main = extracted_main(text, reference)
    assert main.start is not None and "T" in main.start.value
    assert utc(main.start.value) == expected


def test_a_report_time_is_not_a_start():
    text = ("Kestrel Bank's app went down on Monday. The bank said at 3 p.m. ET that it was working on a fix.")
    main = extracted_main(text, "2024-04-09")
    assert main.start is None or "T15:00" not in main.start.value


def test_an_observation_is_not_a_start():
    text = ("The rail operator's booking site crashed on Thursday and was still down at 6 p.m. GMT.")
    main = extracted_main(text, "2023-01-13")
    assert main.start is None or "T18:00" not in main.start.value


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        # going on for less than a day as the story is written, no date: the story's own day
        ("Kestrel Mutual's mobile app has been down for more than an hour, leaving customers unable to pay.",
         "2023-06-14", "2023-06-14"),
        ("Passengers of Transit Nord cannot buy tickets online: the booking site has been offline for "
         "three hours.", "2022-01-20", "2022-01-20"),
        # the outage sentence has no date; the article names an earlier day of the same outage
        ("Fans of Arclight Games could not log in to its servers. Players first noticed the problem on "
         "Saturday evening, and the studio apologised on Monday.", "2023-06-13", "2023-06-10"),
    ],
)
def test_a_main_outage_no_sentence_dates_gets_the_earliest_day_of_the_week_before(text, reference, expected):
    main = extracted_main(text, reference)
    assert main.start is not None and main.start.value.startswith(expected)


def test_an_undated_outage_told_without_its_length_keeps_no_day():
    text = "Because of defensive measures against the attack, some clients of Chirpline cannot connect to the site."
    main = extracted_main(text, "2021-05-07")
    assert main.start is None
