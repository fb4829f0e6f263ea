import json

from typer.testing import CliRunner

from pipeline.cli.app import app, extract_app
from pipeline.evaluation.timeml import read_timeml
from tests.conftest import CORPUS, corpus_ids
from tests.evaluation.helpers import timeml_file

runner = CliRunner()

BODY = (
    '\nThe bank said <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> its '
    'systems were down for <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>.\n'
)


def make_corpus(tmp_path):
    (tmp_path / "A").mkdir(parents=True)
    (tmp_path / "B").mkdir()
    timeml_file(tmp_path / "A" / "one.tml", BODY, doc_id="ONE")
    timeml_file(tmp_path / "B" / "two.tml", "\nNothing temporal here.\n", doc_id="TWO")
    return tmp_path


def test_timeml_eval_prints_table_and_writes_json(tmp_path):
    corpus = make_corpus(tmp_path / "tml")
    report_path = tmp_path / "report.json"
    result = runner.invoke(app, ["timeml-eval", str(corpus), "--json", str(report_path)])
    assert result.exit_code == 0, result.output
    assert "relaxed span" in result.stdout and "value" in result.stdout
    assert "2 documents scored" in result.stderr and "2 documents scored" not in result.stdout
    report = json.loads(report_path.read_text())
    assert report["documents"] == 2 and report["errors"] == 0
    assert report["totals"]["gold"] == 2
    assert set(report["by_folder"]) == {"A", "B"}
    one = report["per_document"][0]
    assert one["doc_id"] == "ONE" and one["reference_date"] == "1998-08-07"
    predicted = one["counts"]["predicted"]
    missed = [m for m in one["mismatches"] if m["problems"] == ["missed"]]
    assert len(missed) == 2 - one["counts"]["relaxed"]["tp"]
    assert report["totals"]["predicted"] >= predicted


def test_timeml_eval_limit_and_json_to_stdout(tmp_path):
    corpus = make_corpus(tmp_path)
    result = runner.invoke(app, ["timeml-eval", str(corpus), "--limit", "1", "--json", "-"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 1 and report["per_document"][0]["doc_id"] == "ONE"


def test_timeml_eval_bad_directory_is_one_line_error(tmp_path):
    for target in (tmp_path / "absent", tmp_path):
        result = runner.invoke(app, ["timeml-eval", str(target)])
        assert result.exit_code == 2
        assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr


def test_timeml_eval_reports_unreadable_file_and_goes_on(tmp_path):
    corpus = make_corpus(tmp_path)
    (corpus / "A" / "broken.tml").write_text("<TimeML><TEXT>")
    result = runner.invoke(app, ["timeml-eval", str(corpus), "--json", "-"])
    assert result.exit_code == 0
    assert "broken.tml" in result.stderr and "not well-formed" in result.stderr
    assert json.loads(result.stdout)["errors"] == 1


def test_extract_format_timeml_single_document_reads_back(tmp_path):
    text = 'Payments failed at 9 a.m. on Monday & "recovered" <later>.'
    result = runner.invoke(extract_app, ["--format", "timeml", "--reference-date", "2024-01-10"], input=text)
    assert result.exit_code == 0, result.output
    out = tmp_path / "stdin.tml"
    out.write_text(result.stdout)
    doc = read_timeml(out)
    assert doc.text == text and doc.reference_date == "2024-01-10"
    record = json.loads(runner.invoke(extract_app, ["--reference-date", "2024-01-10"], input=text).stdout)
    assert [(t.start, t.end, t.value) for t in doc.timexes] == [
        (t["start"], t["end"], t["value"]) for t in record["timexes"]
    ]


def test_extract_format_timeml_several_documents_need_a_directory(tmp_path):
    result = runner.invoke(extract_app, [str(CORPUS), "--format", "timeml"])
    assert result.exit_code == 2 and "-o DIR" in result.stderr
    out = tmp_path / "tml"
    result = runner.invoke(app, ["extract", str(CORPUS), "--format", "timeml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in out.glob("*.tml")) == corpus_ids()
    first = corpus_ids()[0]
    doc = read_timeml(out / f"{first}.tml")
    assert doc.text == (CORPUS / f"{first}.txt").read_text(encoding="utf-8")
    assert doc.reference_date is not None


def test_extract_rejects_unknown_format():
    result = runner.invoke(extract_app, ["--format", "xml"], input="text")
    assert result.exit_code == 2


def test_timeml_eval_writes_our_output_as_timeml_mirroring_the_folder(tmp_path):
    corpus = make_corpus(tmp_path / "gold")
    out = tmp_path / "system"
    result = runner.invoke(app, ["timeml-eval", str(corpus), "--write-tml", str(out), "--json", "-"])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.tml"))
    assert written == ["A/one.tml", "B/two.tml"]
    ours, gold = read_timeml(out / "A" / "one.tml"), read_timeml(corpus / "A" / "one.tml")
    assert ours.text == gold.text and ours.reference_date == gold.reference_date
    report = json.loads(result.stdout)
    assert len(ours.timexes) == report["per_document"][0]["counts"]["predicted"]
    for m in report["per_document"][0]["mismatches"]:
        assert "[[" in m["context"]
