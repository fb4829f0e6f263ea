"""Earlier outages announced by the sentence before them ("It was not the first time ...") and told
to the end of their paragraph. Invented articles; timexes and causes are set by hand."""

from tests.incidents.helpers import Builder, main_of, related


def test_announced_earlier_outage_is_related_and_keeps_its_cause(nlp):
    text = ("Monzo customers could not pay by card on Friday, the bank said.\n\n"
            "It was not the first time the bank's card systems had failed. "
            "On March 3, Monzo's card payments platform crashed for six hours. "
            "The bank said a faulty database upgrade had been to blame.")
    b = Builder(nlp, text, "2023-05-12")
    b.timex("Friday", "DATE", "2023-05-12")
    b.timex("March 3", "DATE", "2023-03-03")
    b.timex("six hours", "DURATION", "PT6H", minutes=(360, 360))
    b.cause("a faulty database upgrade", "software_change", attribution="official", speaker="The bank")
    doc = b.run()
    assert main_of(doc).start.value == "2023-05-12"
    (earlier,) = related(doc)
    assert earlier.start.value == "2023-03-03" and earlier.duration.minutes.min == 360
    assert earlier.cause.category == "software_change"


def test_other_services_earlier_outage_goes_on_to_the_end_of_its_paragraph(nlp):
    text = ("Slack went down for three hours on Monday, January 4, and Slack users could not send messages. "
            "Slack said service had been restored.\n\n"
            "The episode revived memories of earlier AWS failures. "
            "On November 25, AWS's Kinesis data-streaming service in its Virginia region failed for about 17 hours. "
            "Amazon said a small addition of servers had pushed the fleet past an operating-system limit.")
    b = Builder(nlp, text, "2021-01-05")
    b.timex("three hours", "DURATION", "PT3H", minutes=(180, 180))
    b.timex("Monday, January 4", "DATE", "2021-01-04")
    b.timex("November 25", "DATE", "2020-11-25")
    b.timex("about 17 hours", "DURATION", "PT17H", minutes=(1020, 1020), mod="APPROX")
    b.cause("pushed the fleet past an operating-system limit", "capacity")
    doc = b.run()
    assert main_of(doc).start.value == "2021-01-04" and main_of(doc).cause.category == "unknown"
    (aws,) = related(doc)
    assert aws.service == "AWS" and aws.start.value == "2020-11-25"
    assert aws.cause.category == "capacity"


def test_a_first_time_is_no_recall(nlp):
    text = ("It was the first time Ryanair's website went down for a whole day. "
            "The airline said on Tuesday its booking site was back up.")
    b = Builder(nlp, text, "2022-08-02")
    b.timex("Tuesday", "DATE", "2022-08-02")
    doc = b.run()
    assert related(doc) == []
