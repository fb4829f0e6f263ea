"""Clock times without a zone take the one zone of the places the story names (place_zones.json)."""
import pytest

from tests.incidents.helpers import extracted_main
from pipeline.incidents.place_zones import load_places, place_zone


@pytest.mark.parametrize("example", load_places().examples, ids=lambda e: e["text"][:40])
def test_place_zone_examples(example):
    zone = place_zone(example["text"])
    assert (zone.iana if zone else None) == example["expect"]


@pytest.mark.parametrize(
    "text, reference, offset",
    [
        ("Customers of Coastal Bank in Mumbai could not use UPI on Monday. The outage began at 11 AM.",
         "2024-09-17", "+05:30"),
        ("Self-checkouts at Greenway stores in Glasgow and Leeds crashed at 9.30am on Saturday.",
         "2024-07-14", "+01:00"),
        ("M-Tel's mobile money service in Nairobi went down at 7am on Friday.", "2023-03-11", "+03:00"),
    ],
)
def test_a_story_told_in_local_time_gets_the_places_zone(text, reference, offset):
    main = extracted_main(text, reference)
    assert main.start is not None and main.start.value.endswith(offset)


def test_places_in_several_zones_lend_none():
    text = "Flights from Sydney and Perth were grounded when Skyline's booking system went down at 6am on Monday."
    main = extracted_main(text, "2024-01-09")
    assert main.start is None or "+" not in main.start.value


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        # a local time told again in another zone: the zoned restatement is the instant
        ("Nordtel's mobile network went down at 0930 local time (0630 GMT) on Monday.", "2017-04-24",
         "2017-04-24T06:30:00+00:00"),
        # a zone written in parentheses belongs to the time
        ("Kestrel Bank's app went down at 7:45 am (AEST) on Monday.", "2023-07-12", "2023-07-10T07:45:00+10:00"),
    ],
)
def test_zones_in_asides_and_parentheses(text, reference, expected):
    main = extracted_main(text, reference)
    assert main.start is not None and main.start.value == expected
