"""A service named with its owner ("Valve's Steam", "Meta's WhatsApp") and brands with a domain in their name."""
from pipeline.incidents import detect_service
from pipeline.incidents.services import owns

from tests.incidents.helpers import Builder


def _nlp():
    from pipeline.nlp import build_pipeline

    return build_pipeline()


def test_owner_written_as_possessor_of_the_service():
    text = "Gamers said Valve's Steam store was down."
    assert owns(text, "Valve", "Steam")
    assert owns("Meta\u2019s WhatsApp stopped working.", "Meta", "WhatsApp")
    assert not owns(text, "Steam", "Valve")
    assert not owns("Valve and Steam were down.", "Valve", "Steam")


def test_outage_told_under_the_owners_name_is_the_main_one():
    text = (
        "Valve's Steam store down overnight\n\n"
        "Players of Valve's games were unable to sign in from Saturday afternoon until Sunday morning, "
        "the company said.\n\n"
        "Steam went down at 14:00 GMT on Saturday and came back online at 08:10 GMT on Sunday."
    )
    b = Builder(_nlp(), text, "2024-03-04")
    b.timex("Saturday afternoon", "TIME", "2024-03-02TAF")
    b.timex("Sunday morning", "TIME", "2024-03-03TMO")
    b.timex("14:00 GMT", "TIME", "2024-03-02T14:00", zone="GMT", offset="+00:00", anchor=None)
    b.timex("Saturday", "DATE", "2024-03-02", occurrence=2)
    b.timex("08:10 GMT", "TIME", "2024-03-03T08:10", zone="GMT", offset="+00:00", anchor=None)
    b.timex("Sunday", "DATE", "2024-03-03", occurrence=2)
    doc = b.run()
    assert [(i.role, i.service) for i in doc._.incidents] == [("main", "Steam")]


def test_a_domain_that_is_part_of_the_brand_is_kept():
    text = ("Battle.net went down on Friday evening. Battle.net users could not sign in "
            "and Battle.net said a database upgrade had failed.")
    assert detect_service(text) == "Battle.net"


def test_a_domain_of_a_company_written_alone_too_is_dropped():
    text = ("Zapnet.com went down on Friday evening. Zapnet users could not log in, "
            "and Zapnet said a database upgrade had failed.")
    assert detect_service(text) == "Zapnet"
