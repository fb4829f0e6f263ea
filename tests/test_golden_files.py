"""The hand-written golden files are well formed and agree with the corpus text.

They are the reference the extraction is scored against, so a broken offset, a
dangling reference or a record the models reject must fail here, not in the
evaluation.
"""
import datetime as dt
import hashlib
import re
from zoneinfo import ZoneInfo

import pytest

from models import ArticleRecord
from pipeline.segmentation import sentence_index, sentence_spans

from tests.conftest import CORPUS, GOLDEN, corpus_ids, published

GOLDEN_IDS = sorted(p.stem for p in GOLDEN.glob("*.json"))
ISO_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
LOCAL_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$")


def load(doc_id):
    record = ArticleRecord.model_validate_json(
        (GOLDEN / f"{doc_id}.json").read_text(encoding="utf-8")
    )
    text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    return record, text


def minutes_between(start: str, end: str) -> float:
    a, b = dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end)
    return (b - a).total_seconds() / 60


def test_there_are_golden_files():
    assert GOLDEN_IDS, "no golden files found"


def test_every_corpus_article_has_a_golden_file():
    assert GOLDEN_IDS == corpus_ids()


@pytest.fixture(params=GOLDEN_IDS)
def golden(request):
    return load(request.param)


def test_golden_file_names_a_corpus_article(golden):
    record, text = golden
    assert (CORPUS / f"{record.doc_id}.txt").exists()
    assert record.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_reference_date_is_the_publication_date(golden):
    record, _ = golden
    assert record.reference_date.date == published(record.doc_id)
    assert record.reference_date.source == "metadata"


def test_sentences_are_the_splitters(golden):
    record, text = golden
    assert [(s.start, s.end) for s in record.sentences] == sentence_spans(text)


def test_every_span_matches_the_text_and_its_sentence(golden):
    record, text = golden
    starts = [s.start for s in record.sentences]
    for item in [*record.timexes, *record.causes]:
        assert text[item.start : item.end] == item.text, item
        assert item.sentence == sentence_index(starts, item.start), item
        assert item.end <= record.sentences[item.sentence].end, item
        assert item.rule == "golden"


def test_timex_ids_are_in_text_order(golden):
    record, _ = golden
    assert [t.id for t in record.timexes] == [f"t{i + 1}" for i in range(len(record.timexes))]
    positions = [(t.start, t.end) for t in record.timexes]
    assert positions == sorted(positions)
    for a, b in zip(positions, positions[1:]):
        assert a[1] <= b[0], f"overlapping timexes at {a} and {b}"


def test_timex_fields_fit_their_type(golden):
    record, _ = golden
    ids = {t.id for t in record.timexes}
    for t in record.timexes:
        assert t.anchor is None or t.anchor == "reference_date" or t.anchor in ids, t
        assert t.anchor != t.id
        if t.type == "DURATION":
            assert t.value.startswith("P"), t
            assert t.timezone is None and t.instant is None, t
        else:
            assert t.minutes is None, t
        if t.minutes is not None:
            assert t.minutes.min <= t.minutes.max, t
        if t.instant is not None:
            assert t.type == "TIME" and t.timezone is not None, t
            assert ISO_INSTANT.match(t.instant), t
            assert t.instant.startswith(t.value + ":00"), t
            assert t.instant.endswith(t.timezone.utc_offset), t


def test_timezone_offsets_are_those_in_force_on_the_date(golden):
    record, _ = golden
    for t in record.timexes:
        if t.timezone is None or t.timezone.iana is None:
            continue
        match = LOCAL_TIME.match(t.value)
        assert match, f"zone on a value without a clock time: {t}"
        local = dt.datetime.fromisoformat(t.value).replace(tzinfo=ZoneInfo(t.timezone.iana))
        assert local.isoformat()[-6:] == t.timezone.utc_offset, t


def test_cause_mentions_point_to_incidents(golden):
    record, _ = golden
    incidents = {e.id: e for e in record.incidents}
    for i, c in enumerate(record.causes):
        if c.incident is not None:
            assert c.incident in incidents, c
            assert i in incidents[c.incident].cause.mentions, (i, c.incident)
        if c.assertion == "affirmed":
            assert c.cue is None, c


def test_cues_and_speakers_are_written_in_the_article(golden):
    record, text = golden
    for c in record.causes:
        sentence = record.sentences[c.sentence]
        if c.cue is not None:
            assert c.cue in text[sentence.start : sentence.end], c
        if c.speaker is not None:
            assert c.speaker in text, c
        assert (c.speaker is None) == (c.attribution == "unattributed"), c


def test_incident_references_exist(golden):
    record, _ = golden
    timexes = {t.id: t for t in record.timexes}
    assert [e.id for e in record.incidents] == [f"e{i + 1}" for i in range(len(record.incidents))]
    assert [e.role for e in record.incidents].count("main") == 1
    assert record.incidents[0].role == "main"
    for e in record.incidents:
        for point in (e.start, e.end):
            if point is not None and point.timex is not None:
                assert point.timex in timexes, e
        if e.duration is not None and e.duration.timex is not None:
            assert timexes[e.duration.timex].type == "DURATION", e
        for m in e.cause.mentions:
            assert 0 <= m < len(record.causes), e
        assert all(0 <= s < len(record.sentences) for s in e.sentences), e
        assert e.sentences == sorted(set(e.sentences)), e


def test_incident_causes_follow_the_schema_rules(golden):
    record, _ = golden
    for e in record.incidents:
        mentions = [record.causes[m] for m in e.cause.mentions]
        assert (e.cause.category == "unknown") == (e.cause.status == "unknown"), e
        assert e.cause.category not in e.ruled_out, e
        assert e.cause.category not in e.speculated or e.cause.status == "speculated", e
        if e.cause.status == "confirmed":
            assert any(
                m.category == e.cause.category
                and m.assertion == "affirmed"
                and m.attribution in ("official", "unattributed")
                for m in mentions
            ), e
        if e.cause.status == "speculated":
            assert any(m.category == e.cause.category for m in mentions), e
        for label in e.ruled_out:
            assert any(m.category == label and m.assertion == "negated" for m in mentions), e
        for label in e.speculated:
            assert any(
                m.category == label
                and (m.assertion in ("possible", "hypothetical") or m.attribution == "third_party")
                for m in mentions
            ), e


def test_durations_agree_with_start_and_end(golden):
    record, _ = golden
    timexes = {t.id: t for t in record.timexes}
    for e in record.incidents:
        d = e.duration
        if d is None:
            continue
        assert d.minutes.min <= d.minutes.max, e
        if d.basis == "derived":
            assert e.start is not None and e.end is not None and d.timex is None, e
            span = minutes_between(e.start.value, e.end.value)
            assert d.minutes.min <= span <= d.minutes.max, e
        else:
            assert d.timex is not None, e
            stated = timexes[d.timex].minutes
            assert stated is not None, e
            assert (stated.min, stated.max) == (d.minutes.min, d.minutes.max), e


def test_times_carry_their_timex_values(golden):
    record, _ = golden
    timexes = {t.id: t for t in record.timexes}
    for e in record.incidents:
        for point in (e.start, e.end):
            if point is None or point.timex is None:
                continue
            t = timexes[point.timex]
            if t.instant is not None:
                assert point.value == t.instant, e
            else:
                assert point.value.startswith(t.value), e


def test_golden_readme_lists_every_file():
    readme = (GOLDEN / "README.md").read_text(encoding="utf-8")
    for doc_id in GOLDEN_IDS:
        assert doc_id in readme
