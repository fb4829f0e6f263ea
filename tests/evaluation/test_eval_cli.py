import json

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app
from tests.evaluation.helpers import ARTICLE, golden_article, predicted_article

runner = CliRunner()


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """A one-article corpus, its golden file, and a pipeline stand-in returning a fixed prediction."""
    corpus, golden = tmp_path / "corpus", tmp_path / "golden"
    corpus.mkdir()
    golden.mkdir()
    (corpus / "acme.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "acme.meta.json").write_text('{"published": "2024-01-09"}')
    (corpus / "unannotated.txt").write_text("Not scored: it has no golden file.")
    (golden / "acme.json").write_text(json.dumps(golden_article()), encoding="utf-8")
    monkeypatch.setattr("pipeline.extraction.extract_document", lambda document, nlp=None, reference_date=None: predicted_article())
    return ["--corpus", str(corpus), "--golden", str(golden)]


def test_eval_prints_the_table(folders):
    result = runner.invoke(app, ["eval", *folders])
    assert result.exit_code == 0, result.output
    for label in ("timexes", "causes", "main", "related", "cause_category", "attribution", "85.7"):
        assert label in result.stdout
    assert "1 documents evaluated, 0 failed" in result.stderr


def test_eval_json_report(folders, tmp_path):
    result = runner.invoke(app, ["eval", *folders, "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 0
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["documents"] == ["acme"]
    assert report["metrics"]["timexes.relaxed.f1"] == pytest.approx(6 / 7)
    assert report["metrics"]["incidents.related.incident.recall"] == 0.0
    assert report["per_document"][0]["mismatches"]["incidents"]


def test_show_lists_every_mismatch_with_context(folders):
    result = runner.invoke(app, ["eval", *folders, "--show", "ac"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "timex extent, type, value: gold 'Monday morning'" in out
    assert "cause missed: gold 'a cyberattack' cyberattack negated third_party" in out
    assert "main incident [e1↔e1] status wrong: gold resolved  ≠  predicted unknown" in out
    assert "related incident missed [e2↔-]" in out
    assert "[[Back in July 2019, Acme Cloud was down for nearly an hour.]]" in out
    assert "for [[nearly an hour]]." in out


def test_fail_under_sets_the_exit_code(folders):
    ok = runner.invoke(app, ["eval", *folders, "--fail-under", "incidents.main.incident=1", "--fail-under", "causes.category.accuracy=1"])
    assert ok.exit_code == 0, ok.output
    low = runner.invoke(app, ["eval", *folders, "--fail-under", "timexes.relaxed=0.95"])
    assert low.exit_code == 1
    assert "below threshold: timexes.relaxed.f1 = 0.857 < 0.95" in low.stderr
    bad = runner.invoke(app, ["eval", *folders, "--fail-under", "timexes.nothing=0.9"])
    assert bad.exit_code == 2 and "unknown metric" in bad.stderr


def test_unknown_document_and_missing_golden(folders, tmp_path):
    result = runner.invoke(app, ["eval", *folders, "--show", "nope"])
    assert result.exit_code == 2 and "no document matching 'nope'" in result.stderr
    result = runner.invoke(app, ["eval", "--golden", str(tmp_path / "none")])
    assert result.exit_code == 2 and "no golden directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_golden_file_is_reported_and_fails_the_run(folders, tmp_path):
    (tmp_path / "golden" / "ghost.json").write_text(json.dumps(golden_article()))
    (tmp_path / "golden" / "acme.json").write_text("{}")
    result = runner.invoke(app, ["eval", *folders])
    assert result.exit_code == 1
    assert "ghost: no corpus text" in result.stderr
