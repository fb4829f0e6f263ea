"""Command-line conventions: help as written, -h, --version, flags, formats, --quiet."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline import __version__
from pipeline.cli.app import app, extract_app
from tests.conftest import CORPUS

runner = CliRunner()
TEXTS = sorted(CORPUS.glob("*.txt"))[:2]


@pytest.mark.parametrize("option", ["-h", "--help"])
def test_help_reads_as_written(option):
    result = runner.invoke(extract_app, [option], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())  # as read, whatever the wrapping
    assert "dask ([dask] extra)" in text  # square brackets kept
    assert "[default: 1000000; 0: no limit]" in text
    assert "<bool>" not in text and "--pretty " in text and "--quiet" in text
    assert "Examples:" in text and "extract corpus/ --format json > records.json" in text
    assert "Exit codes:" in text and "130 interrupted" in text and "2 bad usage" in text


@pytest.mark.parametrize("command", ["extract", "eval", "timeml-eval", "schema"])
def test_every_command_takes_dash_h(command):
    result = runner.invoke(app, [command, "-h"])
    assert result.exit_code == 0 and result.stdout.startswith("Usage: outages " + command)


def test_eval_help_lists_examples_and_exit_codes():
    text = runner.invoke(app, ["eval", "-h"]).stdout
    assert "--fail-under KEY=MIN" in text and "Examples:" in text and "Exit codes:" in text


@pytest.mark.parametrize("application", [app, extract_app])
def test_version(application):
    result = runner.invoke(application, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"outage-extract {__version__}\n"


def test_a_value_after_a_flag_is_a_usage_error_not_a_path():
    result = runner.invoke(extract_app, [str(TEXTS[0]), "--pretty", "true"])
    assert result.exit_code == 2
    assert "flags such as --pretty" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("pretty", [[], ["--pretty"]])
def test_format_json_is_one_array(pretty):
    result = runner.invoke(extract_app, [*map(str, TEXTS), "--format", "json", *pretty])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["doc_id"] for r in records] == [p.stem for p in TEXTS]


def test_format_json_to_a_file_and_with_nothing_extracted(tmp_path):
    out = tmp_path / "records.json"
    result = runner.invoke(extract_app, [str(TEXTS[0]), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0 and json.loads(out.read_text())[0]["doc_id"] == TEXTS[0].stem
    empty = runner.invoke(extract_app, ["--format", "json"], input="   ")
    assert empty.exit_code == 1 and json.loads(empty.stdout) == []


def test_format_jsonl_is_the_default():
    result = runner.invoke(extract_app, [*map(str, TEXTS)])
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and [json.loads(line)["doc_id"] for line in lines] == [p.stem for p in TEXTS]


@pytest.mark.parametrize("extra", [["--resume"], ["--engine", "dask"]])
def test_format_json_refuses_resume_and_dask(tmp_path, extra):
    result = runner.invoke(extract_app, [str(CORPUS), "--format", "json", "-o", str(tmp_path / "o"), *extra])
    assert result.exit_code == 2 and "--format json writes one JSON array" in result.stderr


def test_quiet_leaves_out_notes_but_not_errors(tmp_path):
    missing = str(tmp_path / "missing.txt")
    loud = runner.invoke(extract_app, [str(TEXTS[0]), missing])
    quiet = runner.invoke(extract_app, [str(TEXTS[0]), missing, "--quiet"])
    assert "1 of 2 documents failed" in loud.stderr
    assert "documents failed" not in quiet.stderr and "no such file" in quiet.stderr
    assert quiet.exit_code == loud.exit_code == 1
    assert runner.invoke(extract_app, [str(TEXTS[0]), missing]).stderr == loud.stderr  # not left quiet
