"""Segmentation and timing rules on invented articles: tense, continuation, asides, planned
shutdowns, parallel outages, attribution per incident. Timexes and causes are set by hand."""

from tests.incidents.helpers import Builder, main_of, related


def test_present_tense_outage_is_the_main_one_and_yesterdays_is_related(nlp):
    text = ("Many Monzo customers cannot log in to the app, the bank said on Saturday.\n\n"
            "On Friday, Monzo went down for two hours after a faulty database upgrade.")
    b = Builder(nlp, text, "2023-03-11")
    b.timex("Saturday", "DATE", "2023-03-11")
    b.timex("Friday", "DATE", "2023-03-10")
    b.timex("two hours", "DURATION", "PT2H", minutes=(120, 120))
    b.cause("a faulty database upgrade", "software_change")
    doc = b.run()
    main = main_of(doc)
    assert main.start is None and main.duration is None
    (friday,) = related(doc)
    assert friday.start.value == "2023-03-10" and friday.duration.minutes.min == 120
    assert friday.cause.category == "software_change" and main.cause.status == "unknown"


def test_still_reaches_the_main_outage_back_to_its_first_day(nlp):
    text = ("Hundreds of thousands of Revolut customers were still unable to pay on Wednesday. "
            "When the new system came online on Sunday evening, many customers found they could not log in. "
            "Revolut said it was working on a fix.")
    b = Builder(nlp, text, "2022-05-04")
    b.timex("Wednesday", "DATE", "2022-05-04")
    b.timex("Sunday evening", "TIME", "2022-05-01TEV")
    doc = b.run()
    assert len(doc._.incidents) == 1
    main = main_of(doc)
    assert main.start.value == "2022-05-01TEV" and main.status == "ongoing" and main.end is None


def test_planned_shutdown_is_no_outage(nlp):
    text = ("The bank warned that online banking would be switched off from 4pm on Friday until 6pm on Sunday. "
            "Since Sunday evening, NatWest customers could not log in.")
    b = Builder(nlp, text, "2019-06-03")
    b.timex("4pm", "TIME", "2019-05-31T16:00")
    b.timex("Friday", "DATE", "2019-05-31")
    b.timex("6pm", "TIME", "2019-06-02T18:00")
    b.timex("Sunday", "DATE", "2019-06-02")
    b.timex("Sunday evening", "TIME", "2019-06-02TEV")
    doc = b.run()
    main = main_of(doc)
    assert main.end is None and main.start.value == "2019-06-02TEV"
    assert len(doc._.incidents) == 1


def test_dateline_and_zone_asides_do_not_date_the_outage(nlp):
    text = ("SYDNEY, November 9 — Telstra's mobile network went down shortly after 4am AEDT on Wednesday, "
            "or 1705 GMT on Tuesday, the company said.")
    b = Builder(nlp, text, "2023-11-09")
    b.timex("November 9", "DATE", "2023-11-09")
    b.timex("shortly after 4am AEDT", "TIME", "2023-11-08T04:00", zone="AEST", offset="+11:00", mod="AFTER",
            anchor="t3")
    b.timex("Wednesday", "DATE", "2023-11-08")
    b.timex("1705 GMT", "TIME", "2023-11-07T17:05", zone="GMT", offset="+00:00", anchor="t5")
    b.timex("Tuesday", "DATE", "2023-11-07")
    doc = b.run()
    assert len(doc._.incidents) == 1
    assert main_of(doc).start.value == "2023-11-08T04:00:00+11:00"


def test_a_definite_outage_mention_keeps_its_incident(nlp):
    text = ("Vodafone went down across the UK on Monday. Asked whether the outage was connected to the "
            "data breach of customers in March 2021, Vodafone said it had no indication of that.")
    b = Builder(nlp, text, "2023-04-03")
    b.timex("Monday", "DATE", "2023-04-03")
    b.timex("March 2021", "DATE", "2021-03")
    doc = b.run()
    assert len(doc._.incidents) == 1
    assert main_of(doc).affected.regions == ["United Kingdom"]


def test_same_groups_next_failure_keeps_the_parallel_service(nlp):
    text = ("Lloyds customers could not log in on Tuesday. Lloyds said its app was down for six hours "
            "and that Lloyds engineers had found the fault.\n\n"
            "In June 2012, a failed software update at Royal Bank of Scotland left millions unable to make "
            "payments for about a month. The same group's card payments failed again on 2 December 2013, "
            "when shoppers could not use their cards between 6.30pm and 9.30pm.")
    b = Builder(nlp, text, "2018-05-01")
    b.timex("Tuesday", "DATE", "2018-05-01")
    b.timex("June 2012", "DATE", "2012-06")
    b.timex("about a month", "DURATION", "P1M", minutes=(43200, 43200), mod="APPROX")
    b.timex("2 December 2013", "DATE", "2013-12-02")
    b.timex("6.30pm", "TIME", "2013-12-02T18:30", anchor="t4")
    b.timex("9.30pm", "TIME", "2013-12-02T21:30", anchor="t4")
    doc = b.run()
    old = related(doc)
    assert [i.service for i in old] == ["Royal Bank of Scotland", "Royal Bank of Scotland"]
    assert old[0].start.value == "2012-06" and old[0].duration.minutes.min == 43200
    # the story's only place is in the UK (Royal Bank of Scotland): 6.30pm is UK time, GMT in December
    assert old[1].start.value == "2013-12-02T18:30:00+00:00" and old[1].duration.minutes.min == 180


def test_a_parallel_services_founder_speaks_officially_for_it(nlp):
    text = ("WhatsApp went down worldwide on Monday. Signal founder Moxie Marlinspike said the messaging app "
            "had slower speeds on Monday because millions of new users were signing up at once.")
    b = Builder(nlp, text, "2021-10-04")
    b.timex("Monday", "DATE", "2021-10-04")
    b.timex("Monday", "DATE", "2021-10-04", occurrence=2)
    b.cause("millions of new users were signing up at once", "capacity", attribution="third_party",
            speaker="Moxie Marlinspike")
    doc = b.run()
    (signal,) = related(doc)
    assert signal.service == "Signal"
    assert (signal.cause.category, signal.cause.status) == ("capacity", "confirmed")
    assert main_of(doc).cause.status == "unknown"


def test_a_recovery_contradicted_in_the_same_sentence_is_still_ongoing(nlp):
    text = ("Barclays' app went down on Friday. At 3.40am on Saturday the bank said the app was working again, "
            "but customers spent the morning reporting error messages.")
    b = Builder(nlp, text, "2023-09-02")
    b.timex("Friday", "DATE", "2023-09-01")
    b.timex("3.40am", "TIME", "2023-09-02T03:40", anchor="t3")
    b.timex("Saturday", "DATE", "2023-09-02")
    b.timex("the morning", "TIME", "2023-09-02TMO")
    main = main_of(b.run())
    assert main.status == "ongoing"


def test_a_statement_opening_with_the_service_returns_to_the_main_outage(nlp):
    text = ("Qantas check-in systems crashed on Monday. Unions said the airline had outsourced IT work to a "
            "contractor last year. Qantas rejected that, saying the failure had nothing to do with outsourcing. "
            "Chief executive Alan Joyce said there was no evidence of a cyber attack.")
    b = Builder(nlp, text, "2023-06-06")
    b.timex("Monday", "DATE", "2023-06-05")
    b.timex("last year", "DATE", "2022")
    b.cause("a cyber attack", "cyberattack", "negated", "official", "Alan Joyce", "no evidence of")
    doc = b.run()
    assert main_of(doc).ruled_out == ["cyberattack"]
    assert doc._.causes[0].incident == "e1"


def test_a_speaking_official_is_no_service(nlp):
    text = ("Optus went down nationwide on Wednesday. Communications Minister Michelle Rowland said the outage "
            "did not appear to be the result of a cyber incident.")
    b = Builder(nlp, text, "2023-11-08")
    b.timex("Wednesday", "DATE", "2023-11-08")
    doc = b.run()
    assert [i.service for i in doc._.incidents] == ["Optus"]
