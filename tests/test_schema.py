import pytest
from pydantic import ValidationError

from models import ArticleRecord, ErrorRecord, Timex
from models.schema import SCHEMA_PATH, render_schema


def test_committed_json_schema_is_current():
    assert SCHEMA_PATH.read_text() == render_schema(), (
        "schema/incident-v1.json is stale: run `outages schema > schema/incident-v1.json`"
    )


def test_models_are_strict():
    with pytest.raises(ValidationError):
        ErrorRecord(doc_id="a", source=None, error="x", unexpected=1)


def test_timex_rejects_unknown_type():
    with pytest.raises(ValidationError):
        Timex(id="t1", text="x", start=0, end=1, sentence=0, type="INSTANT", value="x", rule="r")


def test_article_record_defaults_and_version():
    record = ArticleRecord(doc_id="d", sha256="0" * 64)
    assert record.schema_version == "1.0"
    assert record.reference_date.source == "none"
    assert record.incidents == []
