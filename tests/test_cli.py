import json

from typer.testing import CliRunner

from pipeline.cli.app import app, extract_app
from tests.conftest import CORPUS, corpus_ids

runner = CliRunner()


def lines(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_file_gives_one_valid_record_with_exact_sentence_spans():
    from models import ArticleRecord

    path = CORPUS / f"{corpus_ids()[0]}.txt"
    result = runner.invoke(extract_app, [str(path)])
    assert result.exit_code == 0, result.output
    (record,) = lines(result.stdout)
    ArticleRecord.model_validate(record)
    text = path.read_text(encoding="utf-8")
    assert record["reference_date"]["source"] == "metadata"
    assert record["sentences"]
    for s in record["sentences"]:
        chunk = text[s["start"] : s["end"]]
        assert chunk == chunk.strip() and chunk


def test_stdin_and_outages_extract_are_the_same_command():
    text = "Slack went down on Monday. It was back an hour later."
    a = runner.invoke(extract_app, [], input=text)
    b = runner.invoke(app, ["extract", "-"], input=text)
    assert a.exit_code == b.exit_code == 0
    assert lines(a.stdout) == lines(b.stdout)
    assert lines(a.stdout)[0]["doc_id"] == "stdin"


def test_directory_to_output_file(tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(extract_app, [str(CORPUS), "-o", str(out), "--reference-date", "2020-01-02"])
    assert result.exit_code == 0, result.output
    records = lines(out.read_text())
    assert [r["doc_id"] for r in records] == corpus_ids()
    assert all(r["reference_date"] == {"date": "2020-01-02", "source": "given"} for r in records)
    assert not list(tmp_path.glob(".*.tmp"))


def test_missing_path_is_one_line_error():
    result = runner.invoke(extract_app, ["/no/such/file.txt"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "no such file" in result.stderr


def test_bad_reference_date():
    for bad in ["02/03/2022", "1645056000", "the day after"]:  # ambiguous, a bare number, no date
        result = runner.invoke(extract_app, ["--reference-date", bad], input="text")
        assert result.exit_code == 2
        assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr
        assert result.stderr.strip().count("\n") == 0


def test_reference_date_in_other_formats():
    for typed in ["17/02/2022", "17 February 2022", "Thu, 17 Feb 2022 09:00:00 GMT"]:
        result = runner.invoke(extract_app, ["--reference-date", typed], input="The site failed today.")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["reference_date"] == {"date": "2022-02-17", "source": "given"}


def test_sidecar_date_in_another_format(tmp_path):
    (tmp_path / "a.txt").write_text("The bank's app failed yesterday.")
    (tmp_path / "a.meta.json").write_text('{"published": "5. Dezember 2023", "url": "https://example.de/a"}')
    (tmp_path / "b.txt").write_text("The bank's app failed yesterday.")
    (tmp_path / "b.meta.json").write_text('{"published": "2 hours ago", "crawled": "2023-12-06T01:00:00Z"}')
    result = runner.invoke(extract_app, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 0, result.stderr
    a, b = lines(result.stdout)
    assert a["reference_date"] == {"date": "2023-12-05", "source": "metadata"}
    assert b["reference_date"] == {"date": "2023-12-05", "source": "metadata"}


def test_several_inputs_one_bad_gives_error_record_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The API failed at noon.")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t ")
    result = runner.invoke(extract_app, [str(empty), str(good), str(tmp_path / "gone.txt")])
    assert result.exit_code == 1
    records = lines(result.stdout)
    assert [r["doc_id"] for r in records] == ["empty", "good", "gone"]
    assert "empty" in records[0]["error"] and "error" not in records[1]
    assert "2 of 3 documents failed" in result.stderr


def test_non_utf8_bytes_decode_with_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("The caf\u00e9 payment system was down.".encode("cp1252"))
    result = runner.invoke(extract_app, [str(path)])
    assert result.exit_code == 0
    (record,) = lines(result.stdout)
    assert any("not valid UTF-8" in w for w in record["warnings"])


def test_directory_without_texts(tmp_path):
    result = runner.invoke(extract_app, [str(tmp_path)])
    assert result.exit_code == 1
    assert "no input files (.txt" in result.stderr


def test_schema_command_prints_committed_schema():
    from models.schema import render_schema

    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == render_schema()


def test_unreadable_file_is_one_line_error(tmp_path, monkeypatch):
    import pipeline.formats.text as inputs  # where .txt files are read

    path = tmp_path / "locked.txt"
    path.write_text("The bank's app failed.")
    real = inputs.read_regular

    def deny(where):
        if where == path:
            raise PermissionError(13, "Permission denied")
        return real(where)

    monkeypatch.setattr(inputs, "read_regular", deny)
    result = runner.invoke(extract_app, [str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: cannot read {str(path)!r}: Permission denied"


def test_unknown_model_is_one_line_error():
    result = runner.invoke(extract_app, ["--model", "no_such_pipeline_xyz"], input="text")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot load spaCy model")
    assert result.stderr.strip().count("\n") == 0


def test_console_entry_point_runs_as_a_process(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "extract", "-", "--pretty"],
        input="Azure was down for 2 hours.".encode(),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout)
    assert record["doc_id"] == "stdin" and proc.stdout.decode().startswith("{\n")
    empty = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "extract"], input=b"   ", capture_output=True, timeout=120
    )
    assert empty.returncode == 1 and b"Traceback" not in empty.stderr
    assert empty.stderr.decode().strip().startswith("error: empty document")
