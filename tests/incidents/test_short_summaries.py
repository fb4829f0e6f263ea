"""Short post-mortem-style summaries (one to three sentences, own phrasings across sectors) still
yield a main incident with the stated cause; a data theft that took nothing offline does not."""
import pytest

from pipeline import extract

SUMMARIES = [
    ("A bad firewall rule blocked the forum for an hour.", "configuration"),
    ("Lightning hit the data centre twice and cut power to its storage, taking the site down for a day.",
     "natural_disaster"),
    ("A construction crew cut a fibre cable, knocking Telco One's broadband offline across the city.", "network"),
    ("An engineer mistyped a command and deleted the production database, taking the booking site offline.",
     "human_error"),
    ("Heavy demand on launch day overwhelmed the ticket site's servers.", "capacity"),
    ("An expired certificate broke logins to the Helix app on Tuesday.", "software_bug"),
    ("The chillers failed at the colocation site and servers overheated, taking customer sites offline.", "power"),
    ("A broken load-balancer config took the API offline for 40 minutes.", "configuration"),
    ("Moving millions of accounts onto a new platform locked customers out of online banking for days.",
     "software_change"),
    ("A blown transformer cut power to the hospital's records system.", "power"),
    ("A DDoS attack took the ministry's website offline for two days.", "cyberattack"),
    ("A failed switch in the core network took the airline's check-in system down.", "hardware"),
]


@pytest.mark.parametrize("text, label", SUMMARIES, ids=[label for _, label in SUMMARIES])
def test_a_short_summary_gives_its_stated_cause(text, label):
    main = [i for i in extract(text, reference_date="2023-05-10").incidents if i.role == "main"]
    assert main and main[0].cause.category == label


def test_a_short_text_about_stolen_data_is_no_outage():
    text = ("Hackers stole data from 10 million customers of Coral Mobile, the company said on Monday. "
            "The accounts were compromised through a test server.")
    assert extract(text, reference_date="2021-08-16").incidents == []


def test_a_short_summary_keeps_its_stated_length():
    main = next(i for i in extract(SUMMARIES[7][0], reference_date="2023-05-10").incidents if i.role == "main")
    assert main.duration is not None and main.duration.minutes.min == 40
