"""The four seed articles, with upstream annotations set by hand (tests/incidents/seed_annotations.py):
the incidents a careful reader sees."""
import pytest

from tests.incidents.seed_annotations import SEEDS


@pytest.fixture(scope="module")
def docs():
    from pipeline.nlp import build_pipeline

    nlp = build_pipeline()
    return [seed(nlp).run() for seed in SEEDS]


def summary(incident):
    return (
        incident.role,
        incident.service,
        incident.start.value if incident.start else None,
        incident.end.value if incident.end else None,
        (incident.duration.minutes.min, incident.duration.minutes.max, incident.duration.basis)
        if incident.duration else None,
        incident.status,
        incident.cause.category,
        incident.cause.status,
    )


def test_seed_000_main_and_three_earlier_outages(docs):
    incidents = docs[0]._.incidents
    assert [summary(i) for i in incidents] == [
        ("main", "Twitter", "2016-01-19T03:40:00-05:00", "2016-01-19T13:00:00-05:00", (560, 560, "derived"),
         "resolved", "software_change", "confirmed"),
        ("related", "Twitter", "2014-12-28", None, (325, 325, "stated"), "resolved", "unknown", "unknown"),
        ("related", "Twitter", "2016-01-18T06:23:00-08:00", "2016-01-18T06:33:00-08:00", (10, 10, "derived"),
         "resolved", "unknown", "unknown"),
        ("related", "Twitter", "2016-01-15T12:35:00-08:00", "2016-01-15T12:58:00-08:00", (23, 23, "derived"),
         "resolved", "unknown", "unknown"),
        ("related", "Twitter", "2015-11-19", None, (30, 30, "stated"), "resolved", "unknown", "unknown"),
        # "its DNS records were temporarily compromised ... Twitter.com was redirected for a while"
        ("related", "Twitter", "2009", None, None, "resolved", "cyberattack", "confirmed"),
    ]
    assert incidents[5].affected.platforms == ["web"]
    main = incidents[0]
    assert set(main.speculated) == {"cyberattack", "human_error", "configuration"}
    assert main.affected.users == "320 million"
    assert incidents[2].affected.platforms == incidents[3].affected.platforms == ["mobile", "web"]
    # the 2009 DNS compromise recalled at the end is no cause of this outage but of that one
    assert docs[0]._.causes[-1].incident == "e6"


def test_seed_001_ongoing_outage_with_hack_ruled_out(docs):
    incidents = docs[1]._.incidents
    assert [summary(i) for i in incidents] == [
        ("main", "Twitter", "2020-10-15T18:00:00-04:00", None, None, "ongoing", "unknown", "unknown"),
        ("related", "Twitter", "2019-07", None, (45, 60, "stated"), "resolved", "configuration", "confirmed"),
        ("related", "Twitter", "2020-02", None, None, "resolved", "unknown", "unknown"),
    ]
    assert incidents[0].ruled_out == ["cyberattack"]
    assert incidents[0].affected.platforms == ["api"]


def test_seed_002_friday_problems_thursday_outage_and_parallel_facebook(docs):
    """Friday's problems (present tense) are the main outage; Thursday's attack outage and
    Facebook's access problems that day are related."""
    incidents = docs[2]._.incidents
    assert [summary(i) for i in incidents] == [
        ("main", "Twitter", None, None, None, "ongoing", "cyberattack", "confirmed"),
        ("related", "Twitter", "2009-08-06T09:00:00-04:00", None, (120, 300, "stated"), "resolved",
         "cyberattack", "confirmed"),
        ("related", "Facebook", "2009-08-06", None, None, "unknown", "unknown", "unknown"),
    ]
    assert incidents[0].affected.platforms == ["apps", "sms"]


def test_seed_003_speculated_hacking_and_earlier_bug(docs):
    incidents = docs[3]._.incidents
    assert [summary(i) for i in incidents] == [
        ("main", "Twitter", "2022-02-17", None, None, "ongoing", "cyberattack", "speculated"),
        ("related", "Twitter", "2022-02-11", None, (50, 70, "stated"), "resolved", "software_bug", "confirmed"),
    ]
    assert incidents[1].affected.regions == ["India", "United States"]
    assert [c.incident for c in docs[3]._.causes] == ["e1", "e2"]
