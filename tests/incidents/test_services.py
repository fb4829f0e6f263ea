"""Service detection: the affected service from outage context, with or without the well-known list."""
import pytest

from pipeline.incidents import detect_service, same_service


@pytest.mark.parametrize("text,expected", [
    # not in the well-known list: found from outage context and repetition
    ("Zapnet went down on Tuesday morning. Zapnet users could not log in for three hours, "
     "and a Zapnet spokesperson apologised.", "Zapnet"),
    ("Customers of Kestrel Bank were unable to pay by card on Friday. The outage at Kestrel Bank "
     "lasted most of the day.", "Kestrel Bank"),
    # the outage's service, not the monitor or the sites it took down
    ("According to Downdetector, an outage at Fastly took down Reddit and the Guardian on Tuesday. "
     "Fastly said a customer's configuration change triggered a bug.", "Fastly"),
    # title-case headline: only words the body capitalises count
    ("Optus Outage Leaves Millions Without Phone Service\n\nMillions of Optus customers were left "
     "without service on Wednesday after the Optus network went down.", "Optus"),
    # a second service named in passing does not win
    ("Hackers on Thursday shut down the messaging service Twitter for hours, while Facebook "
     "experienced intermittent access problems. The Twitter outage began at 9 a.m.", "Twitter"),
    # games and airlines
    ("Xbox Live players could not sign in on Christmas Day. Xbox Live was down for six hours.", "Xbox Live"),
    ("A computer outage at Delta grounded flights worldwide. Delta said power was restored.", "Delta"),
])
def test_detects_the_affected_service(text, expected):
    assert detect_service(text) == expected


def test_sentence_initial_common_words_are_not_services():
    assert detect_service("Shares went down 3 percent. Revenue was up.") is None


def test_no_outage_context_and_no_known_name_gives_none():
    assert detect_service("The weather was fine and the match went ahead as planned.") is None


def test_domain_and_possessive_forms_group_with_the_name():
    text = ("Twitter.com was unreachable for an hour. Twitter's servers were down, "
            "and Twitter users could not tweet. Twitter said it was investigating.")
    assert detect_service(text) == "Twitter"


def test_written_form_is_reported():
    text = ("An outage at Amazon Web Services took down websites. Amazon Web Services said "
            "a network device failed. Amazon Web Services customers in Virginia were hit.")
    assert detect_service(text) == "Amazon Web Services"


@pytest.mark.parametrize("name,service,expected", [
    ("Twitter", "Twitter", True),
    ("Twitter Support", "Twitter", True),
    ("Twitter's", "Twitter", True),
    ("the Barclays spokesperson", "Barclays", True),
    ("twitter.com", "Twitter", True),
    ("Amazon Web Services", "AWS", True),
    ("Travis Smith", "Twitter", False),
    ("Downdetector", "Optus", False),
    (None, "Optus", False),
])
def test_same_service(name, service, expected):
    assert same_service(name, service) is expected


#: phrasings the cause tagger's attribution relies on (pipeline.causes.subject reads this detector)
ATTRIBUTION_SUBJECTS = [
    ('Back in July 2019 Twitter went down for nearly an hour.', 'Twitter'),
    ('Slack was down for three hours on Monday.', 'Slack'),
    ("Cloudflare, one of Fastly's main rivals, was knocked offline for about 30 minutes.", 'Cloudflare'),
    ('The outage at Fastly took down Reddit.', 'Fastly'),
    ('A disruption at Optus left millions without phone service.', 'Optus'),
    ('The Twitter outage lasted hours.', 'Twitter'),
    ("Twitter's server is down.", 'Twitter'),
    ("It was Facebook's biggest disruption since March 2019.", 'Facebook'),
    ('Twitter faced its second outage in a week on Thursday.', 'Twitter'),
    ('Facebook experienced intermittent access problems.', 'Facebook'),
    ('Twitter users could not post.', 'Twitter'),
    ('The outage cut off Facebook, Instagram, WhatsApp and Messenger for nearly six hours.', 'Facebook'),
    ('Facebook blames faulty router change for six-hour blackout of its apps', 'Facebook'),
]


@pytest.mark.parametrize("text,name", ATTRIBUTION_SUBJECTS)
def test_affected_companies_for_attribution(text, name):
    from pipeline.incidents import detect_services

    assert name in [n for n, _ in detect_services(text)]


def test_a_company_that_only_speaks_is_not_the_service_its_product_lost():
    text = ("Microsoft says faulty update caused Teams outage\n\n"
            "Microsoft said on Thursday that a faulty update was behind the Teams outage. "
            "Microsoft said engineers had rolled the change back. Microsoft said it would review its testing, "
            "and Microsoft apologised. Microsoft shares were flat.")
    assert detect_service(text) == "Teams"


def test_the_company_telling_of_its_products_outage_speaks_officially():
    from pipeline import extract

    text = ("Google says storage glitch caused Drive outage\n\n"
            "Google said on Monday that a storage quota issue had caused the Drive outage. "
            "Google said it had added capacity. Google said it would review its limits, and Google apologised "
            "to customers.")
    record = extract(text, reference_date="2024-03-05")
    assert record.incidents[0].service == "Drive"
    (quota,) = [c for c in record.causes if c.category == "capacity"]
    assert (quota.attribution, quota.speaker) == ("official", "Google")


@pytest.mark.parametrize("text,expected", [
    # a nationality adjective before a plural noun names no service
    ("Qantas passengers could not check in on Monday, the latest in a run of IT failures at "
     "Australian airlines. Qantas said systems were restored by noon.", "Qantas"),
    ("Customers of Orbiton Telecom lost mobile data for hours on Sunday, after outages at "
     "European telcos last year.", "Orbiton Telecom"),
])
def test_demonyms_before_plural_nouns_are_not_services(text, expected):
    assert detect_service(text) == expected


def test_a_group_name_and_its_short_name_are_one_service():
    text = ("Customers of Nimbus Holdings could not reach their cloud consoles on Tuesday. "
            "A Nimbus spokesperson said the outage at Nimbus was over by 3pm.")
    assert detect_service(text) in ("Nimbus", "Nimbus Holdings")
    assert same_service("Nimbus Holdings", "Nimbus")


@pytest.mark.parametrize("text", [
    "Ryanair, Wizz Air and easyJet passengers stranded\n\nPassengers of Ryanair could not check in "
    "on Saturday after a check-in outage at Ryanair. Ryanair said the system was back by 6pm.",
    "Fortnite and Rocket League players kicked offline\n\nFortnite players could not log in for three "
    "hours on Tuesday. Fortnite said servers were back by 9pm.",
])
def test_brands_listed_with_the_service_in_one_mention_are_one_incident(text):
    from pipeline import extract

    record = extract(text, reference_date="2024-01-10")
    assert [i.role for i in record.incidents] == ["main"], [(i.role, i.service) for i in record.incidents]
