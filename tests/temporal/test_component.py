"""The outages_timex component on spacy.blank("en") via build_pipeline()."""
from __future__ import annotations

import pytest

from models import ReferenceDate
from pipeline.spans import doc_sentence_spans


def _run(nlp, text, reference=None):
    doc = nlp.make_doc(text)
    doc._.reference_date = reference or ReferenceDate()
    return nlp(doc)


def test_component_is_registered_after_the_sentencizer(nlp):
    names = nlp.pipe_names
    assert names.index("outages_timex") == names.index("outages_sentencizer") + 1


def test_ids_spans_and_sentences(nlp):
    text = "Gmail failed on Monday. It came back after 49 minutes, at 3 p.m. ET."
    doc = _run(nlp, text, ReferenceDate(date="2021-03-10", source="given"))
    timexes = doc._.timexes
    assert [t.id for t in timexes] == ["t1", "t2", "t3"]
    for t in timexes:
        assert text[t.start : t.end] == t.text
    assert [t.sentence for t in timexes] == [0, 1, 1]
    assert len(doc_sentence_spans(doc)) == 2
    assert timexes[0].value == "2021-03-08"
    assert doc._.reference_date.source == "given"


def test_dateline_sets_the_reference_date(nlp):
    doc = _run(nlp, "UPDATED 21:42 EDT / SEPTEMBER 04 2018\nOutlook users could not log in yesterday.")
    assert doc._.reference_date == ReferenceDate(date="2018-09-04", source="dateline")
    assert doc._.timexes[-1].value == "2018-09-03"


def test_dateline_with_label(nlp):
    doc = _run(nlp, " date 2022-02-17 New Delhi: Twitter faced its second outage on Thursday.")
    assert doc._.reference_date.source == "dateline"
    assert doc._.reference_date.date == "2022-02-17"


@pytest.mark.parametrize(
    "text, date",
    [
        ("Cloudflare outage knocks websites offline\n\nBy Jane Doe\nJune 21, 2022\n\nSites went down on Tuesday.", "2022-06-21"),
        ("Bank app down\nBy Staff Reporter | Reuters\nPublished: 3 March 2021 10:15 GMT\nPayments failed yesterday.", "2021-03-03"),
        ("Game servers crash\nSubtitle: players locked out\nBy A. Writer\nUpdated Dec. 8, 2021 at 9:02 a.m. ET\nLogins failed today.", "2021-12-08"),
    ],
)
def test_a_short_date_line_below_headline_and_byline_is_a_dateline(nlp, text, date):
    doc = _run(nlp, text)
    assert doc._.reference_date == ReferenceDate(date=date, source="dateline")


@pytest.mark.parametrize(
    "text",
    [
        # a short line of prose with a date in it is no date line
        "Outage report\nBy Jane Doe\nJune 21, 2022 was the day the bank's app went down for good.\nMore later.",
        # below the first long line (the body), dates are the story's
        "Headline\nBy Jane Doe\n" + "The airline said its check-in systems were back after a long outage that hit every airport in the country on Monday, stranding thousands. " + "\nJune 21, 2022",
        # 'On <date>' opens a sentence, not a date line
        "Headline\nBy Jane Doe\nOn June 21, 2022 it failed.",
    ],
)
def test_dates_below_the_head_that_are_not_date_lines(nlp, text):
    assert _run(nlp, text)._.reference_date.source != "dateline"


def test_a_date_in_the_first_sentence_is_not_a_dateline(nlp):
    doc = _run(nlp, "On Dec. 28, 2014, the site dealt with an access issue.")
    assert doc._.reference_date.source == "none"


def test_reference_inferred_from_a_full_date_next_to_today(nlp):
    doc = _run(nlp, "Banks were hit again.\nToday, March 3, 2021, payments failed for hours.")
    assert doc._.reference_date == ReferenceDate(date="2021-03-03", source="inferred")


def test_reference_inferred_from_weekday_and_date(nlp):
    text = "The 2020 outage was short.\nThis one began on Thursday, February 17, and lasted all day."
    doc = _run(nlp, text)
    assert doc._.reference_date == ReferenceDate(date="2022-02-17", source="inferred")


def test_without_reference_values_stay_underspecified_and_warn(nlp):
    doc = _run(nlp, "The bank's app failed on Jan. 15 and again yesterday.")
    values = {t.text: t.value for t in doc._.timexes}
    assert values["Jan. 15"] == "XXXX-01-15"
    assert values["yesterday"].startswith("XXXX")
    assert doc._.reference_date.source == "none"
    assert any("reference date" in w for w in doc._.warnings)


def test_dst_aware_offsets(nlp):
    summer = _run(nlp, "It failed at 3 p.m. ET.", ReferenceDate(date="2020-07-15", source="given"))
    winter = _run(nlp, "It failed at 3 p.m. ET.", ReferenceDate(date="2020-01-15", source="given"))
    assert summer._.timexes[0].timezone.utc_offset == "-04:00"
    assert winter._.timexes[0].timezone.utc_offset == "-05:00"
    assert summer._.timexes[0].timezone.iana == "America/New_York"
    assert summer._.timexes[0].instant == "2020-07-15T15:00:00-04:00"
