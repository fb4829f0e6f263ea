import json

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import extract_app
from tests.conftest import CORPUS


@pytest.fixture(scope="session")
def corpus_jsonl(tmp_path_factory):
    """The corpus extracted once, as ``extract corpus/ -o out.jsonl`` writes it."""
    out = tmp_path_factory.mktemp("analysis") / "out.jsonl"
    result = CliRunner().invoke(extract_app, [str(CORPUS), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def corpus_records(corpus_jsonl):
    return [json.loads(line) for line in corpus_jsonl.read_text().splitlines()]
