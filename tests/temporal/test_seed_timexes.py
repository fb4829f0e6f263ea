"""The seed articles' temporal expressions, read off the articles by hand (values per ANNOTATION.md)."""
from __future__ import annotations

import pytest

from pipeline.document import InputDocument
from pipeline.extraction import extract_document
from tests.conftest import CORPUS, published

# (text, type, value, extra checks) in text order; extra: mod, utc_offset, instant, minutes.
EXPECTED = {
    "000_790299afd8b4487d": [
        ("around 1 p.m. today", "TIME", "2016-01-19T13:00", {"mod": "APPROX"}),
        ("earlier today", "DATE", "2016-01-19", {}),
        ("around 3:40 a.m. ET", "TIME", "2016-01-19T03:40",
         {"mod": "APPROX", "utc_offset": "-05:00", "instant": "2016-01-19T03:40:00-05:00"}),
        ("noon ET", "TIME", "2016-01-19T12:00", {"instant": "2016-01-19T12:00:00-05:00"}),
        ("10- to 30-minute", "DURATION", None, {"minutes": (10, 30)}),
        ("Dec. 28, 2014", "DATE", "2014-12-28", {}),
        ("five hours, 25 minutes", "DURATION", "PT5H25M", {"minutes": (325, 325)}),
        ("today", "DATE", "2016-01-19", {}),
        ("Today", "DATE", "2016-01-19", {}),
        ("four-day", "DURATION", "P4D", {}),
        ("6:23 a.m.", "TIME", "2016-01-18T06:23", {"instant": "2016-01-18T06:23:00-08:00"}),
        ("6:33 a.m. PT", "TIME", "2016-01-18T06:33", {"instant": "2016-01-18T06:33:00-08:00"}),
        ("Monday morning", "TIME", "2016-01-18TMO", {}),
        ("three days earlier", "DATE", "2016-01-15", {}),
        ("Jan. 15", "DATE", "2016-01-15", {}),
        ("12:35 p.m.", "TIME", "2016-01-15T12:35", {"instant": "2016-01-15T12:35:00-08:00"}),
        ("12:58 p.m. PT", "TIME", "2016-01-15T12:58", {"instant": "2016-01-15T12:58:00-08:00"}),
        ("two months ago", "DATE", "2015-11", {}),
        ("Nov. 19", "DATE", "2015-11-19", {}),
        ("30-minute", "DURATION", "PT30M", {"minutes": (30, 30)}),
        ("third-quarter", "DATE", "2015-Q3", {}),
        ("October", "DATE", "2015-10", {}),
        ("Seven years ago", "DATE", "2009", {}),
    ],
    "001_a1b7d6eb5328a1af": [
        ("nearly an hour", "DURATION", "PT1H", {"mod": "LESS_THAN", "minutes": (45, 60)}),
        ("July", "DATE", "2020-07", {}),
        ("shortly after 6 p.m. Eastern", "TIME", "2020-10-15T18:00",
         {"utc_offset": "-04:00", "instant": "2020-10-15T18:00:00-04:00"}),
        ("July 31", "DATE", "2020-07-31", {}),
        ("45 years", "DURATION", "P45Y", {}),
        ("five years", "DURATION", "P5Y", {}),
        ("2019", "DATE", "2019", {}),
        ("July 2019", "DATE", "2019-07", {}),
        ("February 2020", "DATE", "2020-02", {}),
    ],
    "002_30f81317c5d80190": [
        ("Thursday", "DATE", "2009-08-06", {}),
        ("Friday", "DATE", "2009-08-07", {}),
        ("the past 24 hours", "DURATION", "PT24H", {}),
        ("this morning", "TIME", "2009-08-07TMO", {}),
        ("June", "DATE", "2009-06", {}),
        ("a year earlier", "DATE", "2008-06", {}),
        ("about 9 a.m. EDT", "TIME", "2009-08-06T09:00",
         {"mod": "APPROX", "instant": "2009-08-06T09:00:00-04:00"}),
        ("a few hours", "DURATION", "PTXH", {"minutes": (120, 300)}),
    ],
    "003_9a6707bff7f4985b": [
        ("2022-02-17", "DATE", "2022-02-17", {}),
        ("Thursday, February 17", "DATE", "2022-02-17", {}),
        ("about 9:41 pm Indian Standard Time", "TIME", "2022-02-17T21:41",
         {"instant": "2022-02-17T21:41:00+05:30"}),
        ("February 11", "DATE", "2022-02-11", {}),
        ("about an hour", "DURATION", "PT1H", {"mod": "APPROX"}),
        ("almost an hour", "DURATION", "PT1H", {"mod": "LESS_THAN"}),
    ],
}

# Numbers in the seeds that are not temporal expressions.
NOT_TIMEXES = {
    "000_790299afd8b4487d": ["320 million", "$27.30", "$4.04", "$17", "58 percent", "2.0"],
    "001_a1b7d6eb5328a1af": ["$100,000", "130 accounts", "426 transfers", "17,", "22,", "30 felony", "$2,500", "COVID-19"],
    "002_30f81317c5d80190": ["20.1 million", "593,000", "34 times"],
    "003_9a6707bff7f4985b": ["three ways"],
}


def _record(nlp, doc_id):
    text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    document = InputDocument(doc_id=doc_id, text=text, published=published(doc_id))
    return text, extract_document(document, nlp=nlp)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_seed_timexes(nlp, doc_id):
    _, record = _record(nlp, doc_id)
    remaining = list(record.timexes)
    for text, type_, value, extra in EXPECTED[doc_id]:
        match = next((t for t in remaining if t.text == text), None)
        assert match is not None, f"{text!r} missing from {[t.text for t in record.timexes]}"
        remaining = remaining[remaining.index(match) + 1 :]
        assert match.type == type_, text
        if value is not None:
            assert match.value == value, text
        if "mod" in extra:
            assert match.mod == extra["mod"], text
        if "utc_offset" in extra:
            assert match.timezone.utc_offset == extra["utc_offset"], text
        if "instant" in extra:
            assert match.instant == extra["instant"], text
        if "minutes" in extra:
            assert (match.minutes.min, match.minutes.max) == pytest.approx(extra["minutes"]), text


@pytest.mark.parametrize("doc_id", sorted(NOT_TIMEXES))
def test_seed_numbers_that_are_not_timexes(nlp, doc_id):
    text, record = _record(nlp, doc_id)
    for phrase in NOT_TIMEXES[doc_id]:
        start = text.index(phrase)
        end = start + len(phrase)
        clashing = [t.text for t in record.timexes if t.start < end and start < t.end]
        assert not clashing, f"{phrase!r} tagged as {clashing}"
