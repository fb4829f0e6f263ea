import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.evaluation.timeml import (
    TimemlError,
    default_timeml_dir,
    find_timeml_files,
    read_timeml,
)
from pipeline.evaluation.timeml_writer import inline_timexes, render_timeml
from tests.conftest import ROOT
from tests.evaluation.helpers import T, timeml_file

BODY = (
    "\nWASHINGTON (AP) _ Prices <EVENT eid=\"e1\" class=\"OCCURRENCE\">fell</EVENT> "
    '<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; rose '
    '<TIMEX3 tid="t2" type="DURATION" value="P3D" mod="APPROX">about three '
    '<SIGNAL sid="s1">days</SIGNAL></TIMEX3> later, a &lt;record&gt;.\n'
)


def test_reader_gives_plain_body_offsets_attributes_and_reference_date(tmp_path):
    path = tmp_path / "doc.tml"
    timeml_file(path, BODY, dct="1998-08-07T06:18:00")
    doc = read_timeml(path)
    assert doc.doc_id == "DOC1"
    assert doc.text == "\nWASHINGTON (AP) _ Prices fell Friday & rose about three days later, a <record>.\n"
    friday, days = doc.timexes
    assert (friday.tid, friday.type, friday.value, friday.mod) == ("t1", "DATE", "1998-08-07", None)
    assert (days.text, days.value, days.mod) == ("about three days", "P3D", "APPROX")
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert doc.dct == "1998-08-07T06:18:00" and doc.reference_date == "1998-08-07"


def test_reader_without_creation_time(tmp_path):
    path = tmp_path / "doc.tml"
    timeml_file(path, "No date here.", dct=None)
    doc = read_timeml(path)
    assert doc.reference_date is None and doc.timexes == ()


@pytest.mark.parametrize(
    "content, message",
    [("<TimeML><TEXT>unclosed</TimeML>", "not well-formed"), ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT>")],
)
def test_bad_files_raise_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.tml"
    path.write_text(content)
    with pytest.raises(TimemlError, match=message) as info:
        read_timeml(path)
    assert "\n" not in str(info.value)


def test_finding_files(tmp_path):
    with pytest.raises(TimemlError, match="no TimeML directory"):
        find_timeml_files(tmp_path / "absent")
    with pytest.raises(TimemlError, match="no TimeML files"):
        find_timeml_files(tmp_path)
    (tmp_path / "b").mkdir()
    timeml_file(tmp_path / "b" / "2.tml", "x")
    timeml_file(tmp_path / "1.tml", "y")
    assert [p.name for p in find_timeml_files(tmp_path)] == ["1.tml", "2.tml"]


def test_writer_escapes_and_skips_overlapping_timexes():
    text = 'At 3 p.m. & "later" <ok>'
    timexes = [T(3, 9, "TIME", "XXXX-XX-XXT15:00", text="3 p.m."), T(5, 9, "TIME", "X")]
    out = inline_timexes(text, timexes)
    assert out == 'At <TIMEX3 tid="t1" type="TIME" value="XXXX-XX-XXT15:00">3 p.m.</TIMEX3> &amp; "later" &lt;ok&gt;'


def test_writer_uses_the_timex_ids_and_the_mod():
    timex = T(0, 5, "DURATION", "PT1H", "APPROX", id="t7")
    assert inline_timexes("about", [timex]).startswith('<TIMEX3 tid="t7" type="DURATION" value="PT1H" mod="APPROX">')


def test_rendered_document_reads_back(tmp_path):
    text = "\nOn Friday, & three days later.\n"
    timexes = [T(4, 10, "DATE", "1998-08-07", text="Friday"), T(15, 31 - 7, "DURATION", "P3D", text="three days")]
    page = render_timeml(text, timexes, "doc-1", "1998-08-07")
    path = tmp_path / "out.tml"
    path.write_text(page, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.text == text and doc.reference_date == "1998-08-07" and doc.doc_id == "doc-1"
    assert [(t.start, t.end, t.type, t.value) for t in doc.timexes] == [
        (4, 10, "DATE", "1998-08-07"),
        (15, 24, "DURATION", "P3D"),
    ]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r") | st.sampled_from("<>&\"'\n"),
        min_size=1,
        max_size=60,
    ),
    cuts=st.lists(st.integers(min_value=0, max_value=60), max_size=8),
)
def test_write_then_read_round_trips(tmp_path_factory, text, cuts):
    points = sorted({c for c in cuts if c <= len(text)})
    spans = [(a, b) for a, b in zip(points[::2], points[1::2]) if b > a]
    timexes = [T(a, b, "DATE", f"v{a}", text=text[a:b]) for a, b in spans]
    path = tmp_path_factory.mktemp("rt") / "doc.tml"
    path.write_text(render_timeml(text, timexes, "d"), encoding="utf-8")
    doc = read_timeml(path)
    assert doc.text == text
    assert [(t.start, t.end, t.value) for t in doc.timexes] == [(a, b, f"v{a}") for a, b in spans]


def timeml_dir() -> Path:
    return default_timeml_dir(ROOT)


@pytest.mark.skipif(not timeml_dir().is_dir(), reason="TimeML data absent (set OUTAGES_TIMEML_DIR)")
def test_reads_every_shared_timeml_document():
    files = find_timeml_files(timeml_dir())
    assert len(files) >= 200
    for path in files:
        doc = read_timeml(path)
        assert doc.reference_date, path
        assert doc.timexes == tuple(sorted(doc.timexes, key=lambda t: t.start))
        for t in doc.timexes:
            assert doc.text[t.start : t.end] == t.text and t.type in {"DATE", "TIME", "DURATION", "SET"}


def test_timeml_dir_env_var_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("OUTAGES_TIMEML_DIR", str(tmp_path))
    assert default_timeml_dir(ROOT) == tmp_path
    monkeypatch.delenv("OUTAGES_TIMEML_DIR")
    assert default_timeml_dir(ROOT) == ROOT.resolve().parent / "shared" / "data" / "timeml"
    assert os.environ.get("OUTAGES_TIMEML_DIR") is None


@pytest.mark.skipif(not timeml_dir().is_dir(), reason="TimeML data absent (set OUTAGES_TIMEML_DIR)")
def test_pipeline_runs_on_shared_timeml_documents():
    from pipeline.evaluation.timeml_eval import evaluate_timeml

    files = find_timeml_files(timeml_dir())[:3]
    report = evaluate_timeml(files)
    assert not report.errors
    assert report.totals.gold == sum(len(read_timeml(p).timexes) for p in files)
    for result in report.documents:
        assert result.reference_date is not None
        assert result.counts.predicted == len(result.predicted)
