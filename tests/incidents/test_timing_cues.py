"""Start / end / duration cues on invented articles: a part of the outage is not its length, a start
told by the users' errors, the time someone learned of it is no end. Timexes are set by hand."""
import pytest

from tests.incidents.helpers import Builder, main_of


def test_the_first_hours_of_an_outage_are_not_its_duration(nlp):
    text = ("Azure went down at 9:37 a.m. ET on Tuesday and was not restored until 1:54 p.m. ET. "
            "Even the Azure status page could not show the problem for the first two hours.")
    b = Builder(nlp, text, "2024-03-05")
    b.timex("9:37 a.m. ET", "TIME", "2024-03-05T09:37", zone="ET", offset="-05:00")
    b.timex("Tuesday", "DATE", "2024-03-05")
    b.timex("1:54 p.m. ET", "TIME", "2024-03-05T13:54", zone="ET", offset="-05:00")
    b.timex("the first two hours", "DURATION", "PT2H", minutes=(120, 120))
    main = main_of(b.run())
    assert main.duration.basis == "derived" and main.duration.minutes.min == 257


def test_users_hitting_errors_start_the_outage_and_a_late_alert_ends_nothing(nlp):
    text = ("Players began hitting errors at about 6 a.m. ET on Saturday, and by 7 a.m. the Steam store "
            "had stopped loading for most of them. Valve's engineers were not alerted until 6:45 a.m.")
    b = Builder(nlp, text, "2024-03-09")
    b.timex("about 6 a.m. ET", "TIME", "2024-03-09T06:00", zone="ET", offset="-05:00", mod="APPROX")
    b.timex("Saturday", "DATE", "2024-03-09")
    b.timex("7 a.m.", "TIME", "2024-03-09T07:00", zone="ET", offset="-05:00")
    b.timex("6:45 a.m.", "TIME", "2024-03-09T06:45", zone="ET", offset="-05:00")
    main = main_of(b.run())
    assert main.start.value.startswith("2024-03-09T06:00")
    assert main.end is None


@pytest.mark.parametrize(
    "text, part, clock",
    [
        ("Thousands of websites went offline on Tuesday morning after a fault at the CDN provider. "
         "The outage began at 06:27 UTC.", "Tuesday morning", "06:27 UTC"),
        ("Monzo went down on Friday evening. Payments started failing at 6:40 p.m., the bank said.",
         "Friday evening", "6:40 p.m."),
    ],
)
def test_a_clock_time_beats_an_earlier_part_of_day_as_the_start(nlp, text, part, clock):
    b = Builder(nlp, text, "2022-06-21")
    value = {"Tuesday morning": "2022-06-21TMO", "Friday evening": "2022-06-17TEV"}[part]
    b.timex(part, "TIME", value)
    day = value.split("T")[0]
    hour = {"06:27 UTC": "06:27", "6:40 p.m.": "18:40"}[clock]
    zone = "UTC" if "UTC" in clock else "GMT"
    b.timex(clock, "TIME", f"{day}T{hour}", zone=zone, offset="+00:00" if zone == "UTC" else "+01:00")
    main = main_of(b.run())
    assert main.start.value.startswith(f"{day}T{hour}")
