import csv
import sys
import io
import json

import pytest
from typer.testing import CliRunner

from pipeline.analysis.table import COLUMN_NAMES, COLUMNS, TYPES
from pipeline.analysis.timepoints import precision, utc_instant
from pipeline.cli.app import app, extract_app
from tests.conftest import CORPUS, ROOT

runner = CliRunner()


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2009", "year"),
        ("2019-07", "month"),
        ("2019-13", None),
        ("2021-10-04", "day"),
        ("2024-07-18TEV", "day"),
        ("2021-10-04T15", "hour"),
        ("2021-10-04T15:39", "minute"),
        ("2021-10-04T11:40:00-04:00", "minute"),
        ("XXXX-01-15", None),
        ("2021-02-30", None),
        (None, None),
    ],
)
def test_precision_of_time_values(value, expected):
    assert precision(value) == expected


def test_utc_instant_only_for_values_with_an_offset():
    assert utc_instant("2021-10-04T11:40:00-04:00").isoformat() == "2021-10-04T15:40:00+00:00"
    assert utc_instant("2021-10-04T11:40") is None
    assert utc_instant("2021-10-04") is None


def test_every_column_has_a_documented_type_and_the_readme_lists_them_all():
    assert all(c.type in TYPES for c in COLUMNS)
    assert len(set(COLUMN_NAMES)) == len(COLUMN_NAMES)
    readme = (ROOT / "README.md").read_text()
    for column in COLUMNS:
        assert f"| `{column.name}` | {column.type} |" in readme, column.name


def _csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_table_has_one_row_per_incident_of_the_jsonl(corpus_jsonl, corpus_records):
    result = runner.invoke(app, ["table", str(corpus_jsonl)])
    assert result.exit_code == 0, result.output
    rows = _csv_rows(result.stdout)
    expected = [(r["doc_id"], i["id"]) for r in corpus_records for i in r["incidents"]]
    assert len(expected) > len(corpus_records)  # related incidents too
    assert [(row["doc_id"], row["incident_id"]) for row in rows] == expected
    assert f"{len(expected)} incidents from {len(corpus_records)} articles" in result.stderr


def test_rows_carry_the_record_values_and_exact_evidence(corpus_jsonl, corpus_records):
    rows = _csv_rows(runner.invoke(app, ["table", str(corpus_jsonl)]).stdout)
    incidents = [(r, i) for r in corpus_records for i in r["incidents"]]
    for row, (record, incident) in zip(rows, incidents):
        text = (CORPUS / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
        assert row["evidence"] == text[int(row["evidence_start"]) : int(row["evidence_end"])]
        first = record["sentences"][min(incident["sentences"])]
        assert int(row["evidence_start"]) == first["start"]
        assert row["service"] == (incident["service"] or "")
        assert row["start_value"] == ((incident["start"] or {}).get("value") or "")
        assert row["cause"] == incident["cause"]["category"]
        assert (row["ruled_out"].split(";") if row["ruled_out"] else []) == incident["ruled_out"]
        assert row["reference_date"] == (record["reference_date"]["date"] or "")
    facebook = next(row for row in rows if row["doc_id"] == "101_facebook_backbone" and row["role"] == "main")
    assert facebook["start_precision"] == "minute"
    assert facebook["start_utc"] == "2021-10-04 15:40:00+00:00"  # 11:40 EDT


def test_extract_format_csv_gives_the_same_table(corpus_jsonl):
    direct = runner.invoke(extract_app, [str(CORPUS), "--format", "csv"])
    assert direct.exit_code == 0, direct.output
    via_jsonl = runner.invoke(app, ["table", str(corpus_jsonl)])
    assert direct.stdout == via_jsonl.stdout


def test_evidence_is_empty_when_the_text_is_gone(tmp_path, corpus_records):
    moved = dict(corpus_records[0], source=str(tmp_path / "gone.txt"))
    records = tmp_path / "out.jsonl"
    records.write_text(json.dumps(moved) + "\n")
    result = runner.invoke(app, ["table", str(records)])
    assert result.exit_code == 0
    rows = _csv_rows(result.stdout)
    assert rows and all(row["evidence"] == "" and row["evidence_start"] for row in rows)
    assert "1 articles' texts not found" in result.stderr


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json\n", "line 1: not JSON"),
        ('{"doc_id": "x"}\n', "line 1: not an article record"),
        ("[1, 2]\n", "line 1: not a record"),
    ],
)
def test_bad_records_file_is_one_line_error(tmp_path, content, message):
    records = tmp_path / "out.jsonl"
    records.write_text(content)
    result = runner.invoke(app, ["table", str(records)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in result.stderr and result.stderr.strip().count("\n") == 0


def test_error_records_are_skipped_and_counted(tmp_path, corpus_records):
    records = tmp_path / "out.jsonl"
    error = {"schema_version": "1.0", "doc_id": "bad", "source": None, "error": "empty document"}
    records.write_text(json.dumps(corpus_records[0]) + "\n" + json.dumps(error) + "\n")
    result = runner.invoke(app, ["table", str(records)])
    assert result.exit_code == 0
    assert len(_csv_rows(result.stdout)) == len(corpus_records[0]["incidents"])
    assert "1 error records skipped" in result.stderr


def test_bad_table_targets_are_refused(corpus_jsonl, tmp_path):
    result = runner.invoke(app, ["table", str(corpus_jsonl), "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2 and "name it .csv or .parquet" in result.stderr
    result = runner.invoke(app, ["table", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 1 and "no such file" in result.stderr
    result = runner.invoke(extract_app, [str(CORPUS / "100_fastly_cdn.txt"), "--format", "parquet"])
    assert result.exit_code == 2 and "-o FILE.parquet" in result.stderr


# -- loading with one call (extra [table]) -----------------------------------------


@pytest.fixture(scope="module")
def table_files(corpus_jsonl, tmp_path_factory):
    pytest.importorskip("pyarrow")
    folder = tmp_path_factory.mktemp("table")
    for name in ("incidents.csv", "incidents.parquet"):
        result = runner.invoke(app, ["table", str(corpus_jsonl), "-o", str(folder / name)])
        assert result.exit_code == 0, result.output
    return folder / "incidents.csv", folder / "incidents.parquet"


PANDAS = {
    "string": "string",
    "timestamp": "datetime64[us, UTC]",
    "date": "datetime64[us]",
    "double": "float64",
    "boolean": "boolean",
    "int": "Int64",
}
DUCKDB = {
    "string": "VARCHAR",
    "timestamp": "TIMESTAMP WITH TIME ZONE",
    "date": "DATE",
    "double": "DOUBLE",
    "boolean": "BOOLEAN",
    "int": "BIGINT",
}


def test_pandas_loads_csv_and_parquet_with_one_call_and_the_same_types(table_files, corpus_records):
    pd = pytest.importorskip("pandas")
    from pipeline.analysis.table_files import read_incidents

    from_csv, from_parquet = (read_incidents(path) for path in table_files)
    pd.testing.assert_frame_equal(from_csv, from_parquet)
    assert list(from_csv.columns) == COLUMN_NAMES
    assert {c.name: str(from_csv[c.name].dtype) for c in COLUMNS} == {c.name: PANDAS[c.type] for c in COLUMNS}
    assert len(from_csv) == sum(len(r["incidents"]) for r in corpus_records)
    plain = pd.read_parquet(table_files[1])  # no helper needed for Parquet
    assert str(plain["start_utc"].dtype) == "datetime64[us, UTC]"
    assert plain["duration_min_high"].max() == from_csv["duration_min_high"].max()


def test_duckdb_loads_csv_and_parquet_with_one_call_and_the_documented_types(table_files, corpus_records):
    duckdb = pytest.importorskip("duckdb")
    from pipeline.analysis.table_files import duckdb_types

    expected = [DUCKDB[c.type] for c in COLUMNS]
    parquet = duckdb.read_parquet(str(table_files[1]))
    csv_relation = duckdb.read_csv(str(table_files[0]), dtype=duckdb_types())
    assert [str(t) for t in parquet.types] == expected
    assert [str(t) for t in csv_relation.types] == expected
    assert parquet.columns == csv_relation.columns == COLUMN_NAMES
    total = sum(len(r["incidents"]) for r in corpus_records)
    assert len(parquet.fetchall()) == len(csv_relation.fetchall()) == total
    query = "select count(*) from parquet where role = 'main'"
    assert duckdb.sql(query).fetchall()[0][0] == len(corpus_records)


def test_parquet_without_the_extra_is_a_one_line_error(corpus_jsonl, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if the [table] extra were not installed
    target = tmp_path / "incidents.parquet"
    result = runner.invoke(app, ["table", str(corpus_jsonl), "-o", str(target)])
    assert result.exit_code == 2 and '".[table]"' in result.stderr
    assert result.stderr.strip().count("\n") == 0 and not target.exists()


def test_evidence_from_an_html_source(tmp_path):
    pytest.importorskip("trafilatura")
    from tests.batch.test_formats import HTML

    page = tmp_path / "story.html"
    page.write_text(HTML, encoding="utf-8")
    records = tmp_path / "out.jsonl"
    assert runner.invoke(extract_app, [str(page), "-o", str(records)]).exit_code == 0
    rows = _csv_rows(runner.invoke(app, ["table", str(records)]).stdout)
    assert rows and rows[0]["evidence"].startswith("Cloud outage takes down streaming apps")
