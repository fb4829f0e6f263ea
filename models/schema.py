"""JSON Schema generation from the models (committed as schema/incident-v1.json)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict

from .record import ArticleRecord, ErrorRecord

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "incident-v1.json"


def json_schema() -> Dict[str, Any]:
    """The JSON Schema of one output line: an article record or an error record."""
    article = ArticleRecord.model_json_schema(mode="serialization")
    error = ErrorRecord.model_json_schema(mode="serialization")
    defs = dict(article.pop("$defs", {}))
    defs.update(error.pop("$defs", {}))
    defs["ArticleRecord"] = article
    defs["ErrorRecord"] = error
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.org/outages/incident-v1.json",
        "title": "Outage article record, schema version 1.0",
        "oneOf": [{"$ref": "#/$defs/ArticleRecord"}, {"$ref": "#/$defs/ErrorRecord"}],
        "$defs": defs,
    }


def render_schema() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
