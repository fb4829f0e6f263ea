"""Property tests over random and adversarial text: the pipeline never breaks its contract."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import ArticleRecord
from pipeline import extract
from pipeline.decoding import decode_bytes
from pipeline.document import InputDocument, InputError
from pipeline.run import ExtractOptions, extract_one

# Pieces of outage news and of what breaks parsers, glued together at random.
FRAGMENTS = [
    "Twitter", "AWS", "the bank's app", "went down", "was restored", "outage", "at", "on", "from", "to",
    "3:40 a.m.", "a.m.", "p.m.", "12:35 PM", "12:35\u202fPM", "0630 GMT", "13:42 UTC", "ET", "PT", "IST",
    "Monday", "Tuesday morning", "Dec. 28, 2014", "2022-02-17", "09/07/2015", "July 2019", "last week",
    "two months ago", "three days earlier", "five hours, 25 minutes", "nearly an hour", "a few hours",
    "10- to 30-minute", "between 6:23 a.m. and 6:33 a.m. PT", "$27.30", "320 million users", "v2.3.1",
    "was not caused by a hack", "may have been", "a DDoS attack", "a configuration change", "said",
    "according to", "spokesperson", "\"", "\u201c", "\u201d", "'", "(", ")", ".", "...", "?", "!", ",", ";",
    "-", "\u2014", "\n", "\n\n", " ", "\t", "\r\n", "\x00", "\x07", "\u00e2\u20ac\u2122", "\ufeff",
    "<p>", "</div>", "&amp;", "a.m.a.m.", "1111111111", "::::", "U.S.", "e.g.", "Mr.", "\U0001F600",
    "\u0645\u0631\u062d\u0628\u0627", "\u65e5\u672c", "caf\u00e9", "\ud800",
]

news_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=60
).map(" ".join)
anything = st.one_of(news_like, st.text(max_size=400))

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def _run(text):
    try:
        return extract(text, reference_date="2021-06-08")
    except InputError:
        return None  # a refusal (empty, binary, not English ...) is a clean outcome


@SETTINGS
@given(anything)
def test_no_exception_escapes_and_every_record_keeps_the_contract(text):
    record = _run(text)
    if record is None:
        return
    # validates, and round-trips through JSON
    again = ArticleRecord.model_validate_json(record.model_dump_json())
    assert again == record
    ArticleRecord.model_validate(json.loads(record.model_dump_json()))
    # exact spans, valid sentence indexes
    n = len(record.sentences)
    for s in record.sentences:
        assert 0 <= s.start < s.end <= len(text)
    for item in [*record.timexes, *record.causes]:
        assert text[item.start : item.end] == item.text
        assert 0 <= item.sentence < max(n, 1)
    # timex ids t1..tn in text order
    assert [t.id for t in record.timexes] == [f"t{i}" for i in range(1, len(record.timexes) + 1)]
    starts = [(t.start, t.end) for t in record.timexes]
    assert starts == sorted(starts)
    # references between objects resolve
    ids = {t.id for t in record.timexes}
    incident_ids = {i.id for i in record.incidents}
    for cause in record.causes:
        assert cause.incident is None or cause.incident in incident_ids
    for incident in record.incidents:
        for point in (incident.start, incident.end):
            assert point is None or point.timex is None or point.timex in ids
        assert all(0 <= m < len(record.causes) for m in incident.cause.mentions)


@SETTINGS
@given(anything)
def test_same_input_same_output(text):
    first, second = _run(text), _run(text)
    assert (first is None) == (second is None)
    if first is not None:
        assert first.model_dump_json() == second.model_dump_json()


@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_give_exactly_one_clean_outcome(data):
    try:
        text, warnings = decode_bytes(data)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    outcome = extract_one(InputDocument("doc", text, warnings=warnings), ExtractOptions())
    error = getattr(outcome, "error", None)
    assert error is None or not error.startswith("internal error"), error
