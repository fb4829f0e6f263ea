"""Incident assembly on invented articles (airlines, banks, cloud, games, telecoms) whose
timexes and cause mentions are set by hand, as the upstream components would set them."""

from tests.incidents.helpers import Builder, main_of


AIRLINE = (
    "Southwest Airlines grounded hundreds of flights on Tuesday after a computer outage. "
    "The outage began at about 6 a.m. CT and service was restored by 10:30 a.m. CT, the airline said. "
    "A spokesperson said it was caused by a faulty firewall.\n\n"
    "The airline suffered a similar outage in July 2016, when a router failure took down its systems for 12 hours."
)


def airline(nlp):
    b = Builder(nlp, AIRLINE, "2023-03-14")
    b.timex("Tuesday", "DATE", "2023-03-14")
    b.timex("about 6 a.m. CT", "TIME", "2023-03-14T06:00", zone="CT", offset="-05:00", mod="APPROX")
    b.timex("10:30 a.m. CT", "TIME", "2023-03-14T10:30", zone="CT", offset="-05:00")
    b.timex("July 2016", "DATE", "2016-07", anchor=None)
    b.timex("12 hours", "DURATION", "PT12H", minutes=(720, 720))
    b.cause("a faulty firewall", "hardware", attribution="official", speaker="A spokesperson")
    b.cause("a router failure", "hardware")
    return b.run()


def test_main_incident_times_status_and_cause(nlp):
    doc = airline(nlp)
    main = main_of(doc)
    assert main.id == "e1" and main.service == "Southwest Airlines"
    assert main.start.value == "2023-03-14T06:00:00-05:00" and main.start.approximate
    assert main.end.value == "2023-03-14T10:30:00-05:00" and not main.end.approximate
    assert main.duration.basis == "derived" and main.duration.minutes.min == 270 and main.duration.iso == "PT4H30M"
    assert main.status == "resolved"
    assert (main.cause.category, main.cause.status) == ("hardware", "confirmed")


def test_earlier_outage_is_a_related_incident_with_its_own_date_duration_and_cause(nlp):
    doc = airline(nlp)
    related = [i for i in doc._.incidents if i.role == "related"]
    assert len(related) == 1
    old = related[0]
    assert old.id == "e2" and old.start.value == "2016-07"
    assert old.duration.basis == "stated" and old.duration.minutes.max == 720
    assert old.status == "resolved"
    assert (old.cause.category, old.cause.status) == ("hardware", "confirmed")
    assert [c.incident for c in doc._.causes] == ["e1", "e2"]


def test_parallel_outage_of_another_service_is_related(nlp):
    text = ("Cloudflare went down on Friday, taking thousands of sites offline, while Discord "
            "experienced connection problems at the same time. Cloudflare said a bad software deploy was to blame.")
    b = Builder(nlp, text, "2022-06-24")
    b.timex("Friday", "DATE", "2022-06-24")
    b.cause("a bad software deploy", "software_change", attribution="official", speaker="Cloudflare")
    doc = b.run()
    main = main_of(doc)
    assert main.service == "Cloudflare" and main.cause.category == "software_change"
    others = [i for i in doc._.incidents if i.role == "related"]
    assert [o.service for o in others] == ["Discord"]
    assert others[0].start.value == "2022-06-24"
    assert others[0].cause.status == "unknown"


GAME = (
    "Fortnite players could not log in on Saturday after Fortnite went down for the second time this month. "
    "Epic Games said it was working on a fix.\n\n"
    "Previously, Fortnite went down for six hours after a botched update. "
    "At that time, Epic Games blamed a database migration."
)


def test_recalled_outage_without_date_and_anaphora(nlp):
    b = Builder(nlp, GAME, "2021-11-13")
    b.timex("Saturday", "DATE", "2021-11-13")
    b.timex("six hours", "DURATION", "PT6H", minutes=(360, 360))
    b.cause("a botched update", "software_change")
    b.cause("a database migration", "software_change", attribution="official", speaker="Epic Games")
    doc = b.run()
    main = main_of(doc)
    assert main.service == "Fortnite" and main.status == "ongoing"
    assert main.start.value == "2021-11-13" and main.duration is None
    assert main.cause.status == "unknown"
    related = [i for i in doc._.incidents if i.role == "related"]
    assert len(related) == 1
    assert related[0].duration.minutes.min == 360 and related[0].status == "resolved"
    assert related[0].cause.category == "software_change" and related[0].cause.mentions == [0, 1]
    assert related[0].sentences == [2, 3]


def test_ongoing_outage_since_with_region(nlp):
    text = ("Rogers customers across Canada have been without service since early Friday. "
            "The Rogers network has been down for more than 15 hours, and the company said it is "
            "working to restore service.")
    b = Builder(nlp, text, "2022-07-08")
    b.timex("early Friday", "DATE", "2022-07-08", mod="START")
    b.timex("more than 15 hours", "DURATION", "PT15H", minutes=(900, 1080), mod="MORE_THAN")
    doc = b.run()
    main = main_of(doc)
    assert main.service == "Rogers"
    assert main.start.value == "2022-07-08" and main.start.approximate
    assert main.duration.minutes.min == 900 and main.status == "ongoing"
    assert main.affected.regions == ["Canada"]


def test_time_without_date_takes_the_incidents_date(nlp):
    """'9 a.m. EDT' resolved against the publication day belongs to Thursday's outage."""
    text = ("Hackers on Thursday shut down the bank's website for hours, TSB said on Friday.\n\n"
            "The TSB outage began at about 9 a.m. EDT and lasted a few hours.")
    b = Builder(nlp, text, "2009-08-07")
    b.timex("Thursday", "DATE", "2009-08-06")
    b.timex("Friday", "DATE", "2009-08-07")
    b.timex("about 9 a.m. EDT", "TIME", "2009-08-07T09:00", zone="ET", offset="-04:00", mod="APPROX")
    b.timex("a few hours", "DURATION", "PTXH", minutes=(120, 300))
    doc = b.run()
    main = main_of(doc)
    assert main.start.value == "2009-08-06T09:00:00-04:00"
    assert main.duration.minutes.max == 300 and main.status == "resolved"
    assert len(doc._.incidents) == 1


def test_end_without_zone_takes_the_start_zone_and_derives_duration(nlp):
    text = ("UPDATE: Azure said the issue was resolved around 1 p.m. today.\n\n"
            "Azure has confirmed an outage shut out some of its users earlier today. "
            "It started around 3:40 a.m. ET and had yet to be resolved as of noon ET.")
    b = Builder(nlp, text, "2016-01-19")
    b.timex("around 1 p.m. today", "TIME", "2016-01-19T13:00", mod="APPROX")
    b.timex("earlier today", "DATE", "2016-01-19")
    b.timex("around 3:40 a.m. ET", "TIME", "2016-01-19T03:40", zone="ET", offset="-05:00", mod="APPROX")
    b.timex("noon ET", "TIME", "2016-01-19T12:00", zone="ET", offset="-05:00")
    doc = b.run()
    main = main_of(doc)
    assert main.start.value == "2016-01-19T03:40:00-05:00"
    assert main.end.value == "2016-01-19T13:00:00-05:00"
    assert (main.duration.iso, main.duration.basis) == ("PT9H20M", "derived")
    assert main.status == "resolved"


def test_end_after_midnight(nlp):
    text = "The Telstra outage began at 11 p.m. and service was restored at 2 a.m., Telstra said."
    b = Builder(nlp, text, "2023-05-02")
    b.timex("11 p.m.", "TIME", "2023-05-02T23:00")
    b.timex("2 a.m.", "TIME", "2023-05-02T02:00")
    main = main_of(b.run())
    assert main.duration.minutes.min == 180 and main.start.value == "2023-05-02T23:00:00"


def test_range_gives_start_end_and_platforms(nlp):
    text = ("An outage also hit Slack between 6:23 a.m. and 6:33 a.m. PT Monday morning, when some users "
            "were experiencing issues accessing Slack via mobile and web. That issue was resolved.\n\n"
            "Today's Slack outage is the third in a four-day span.")
    b = Builder(nlp, text, "2016-01-19")
    b.timex("6:23 a.m.", "TIME", "2016-01-18T06:23", zone="PT", offset="-08:00")
    b.timex("6:33 a.m. PT", "TIME", "2016-01-18T06:33", zone="PT", offset="-08:00")
    b.timex("Monday morning", "DATE", "2016-01-18TMO")
    b.timex("Today", "DATE", "2016-01-19")
    b.timex("four-day", "DURATION", "P4D", minutes=(5760, 5760))
    doc = b.run()
    main = main_of(doc)
    assert main.duration is None and main.start.value == "2016-01-19"
    monday = [i for i in doc._.incidents if i.role == "related"][0]
    assert monday.start.value == "2016-01-18T06:23:00-08:00"
    assert monday.end.value == "2016-01-18T06:33:00-08:00"
    assert monday.duration.minutes.min == 10 and monday.status == "resolved"
    assert monday.affected.platforms == ["mobile", "web"]


def test_observation_time_is_no_start(nlp):
    """'remained down at 9:41 pm' says when it was seen down, not when it began."""
    text = ("New Delhi: Jio faced its second outage in a week on Thursday, February 17. "
            "The Jio network remained down at about 9:41 pm IST.")
    b = Builder(nlp, text, "2022-02-17")
    b.timex("a week", "DURATION", "P1W", minutes=(10080, 10080))
    b.timex("Thursday, February 17", "DATE", "2022-02-17")
    b.timex("about 9:41 pm IST", "TIME", "2022-02-17T21:41", zone="IST", offset="+05:30", mod="APPROX")
    main = main_of(b.run())
    assert main.start.value == "2022-02-17" and main.start.timex == "t2"
    assert main.status == "ongoing" and main.duration is None


def test_security_incident_without_outage_is_no_incident(nlp):
    text = ("Hackers stole data from 10 million T-Mobile customers, the company said on Monday. "
            "The accounts were compromised through a test server.")
    b = Builder(nlp, text, "2021-08-16")
    b.timex("Monday", "DATE", "2021-08-16")
    b.cause("Hackers", "cyberattack", attribution="official", speaker="T-Mobile")
    doc = b.run()
    assert doc._.incidents == []
    assert doc._.causes[0].incident is None


def test_generic_statement_is_no_incident(nlp):
    doc = Builder(nlp, "Bank outages typically last less than an hour.", "2021-01-01").run()
    assert doc._.incidents == []


def test_outage_reported_days_later_is_still_the_main_one(nlp):
    text = ("In June, Akamai suffered an outage that took down airline and bank websites for about an hour. "
            "Akamai said a software configuration update triggered a bug.")
    b = Builder(nlp, text, "2021-07-05")
    b.timex("June", "DATE", "2021-06")
    b.timex("about an hour", "DURATION", "PT1H", minutes=(50, 70), mod="APPROX")
    b.cause("a software configuration update", "configuration", attribution="official", speaker="Akamai")
    doc = b.run()
    main = main_of(doc)
    assert len(doc._.incidents) == 1
    assert main.start.value == "2021-06" and main.duration.minutes.min == 50
    assert main.cause.category == "configuration"


def test_earlier_hack_paragraph_does_not_lend_its_cause(nlp):
    text = ("PayPal says its outage was not caused by a hack. The company is still investigating.\n\n"
            "PayPal Was Hacked in July\n\n"
            "The platform was hacked in July. More than 100 accounts were compromised by a phishing scam.")
    b = Builder(nlp, text, "2020-10-15")
    b.timex("July", "DATE", "2020-07")
    b.timex("July", "DATE", "2020-07", occurrence=2)
    b.cause("a hack", "cyberattack", "negated", "official", "PayPal", "not caused by")
    b.cause("a phishing scam", "cyberattack")
    doc = b.run()
    main = main_of(doc)
    assert len(doc._.incidents) == 1
    assert (main.cause.category, main.cause.status) == ("unknown", "unknown")
    assert main.ruled_out == ["cyberattack"] and main.status == "ongoing"
    assert [c.incident for c in doc._.causes] == ["e1", None]


def test_window_durations_are_no_outage_durations():
    from models import Timex
    from pipeline.incidents.article import Article
    from pipeline.incidents.roles import classify

    text = "The attacks have continued over the past 24 hours."
    start = text.index("the past")
    a = Article.build(text, [(0, len(text))])
    t = Timex(id="t1", text="the past 24 hours", start=start, end=start + 17, sentence=0, type="DURATION",
              value="PT24H", rule="test")
    assert classify(a, [t])["t1"].role != "duration"
