"""The flat incident table: one row per incident, columns of fixed, documented types.

:data:`COLUMNS` is the contract (README "Incident table"): every row holds every
column, a value of the column's type or None. Lists of labels are joined with
``;`` so that CSV and Parquet hold the same thing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, List, Optional

from models import ArticleRecord, Incident, TimePoint

from .timepoints import precision, utc_instant

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # one of TYPES
    description: str


COLUMNS: List[Column] = [
    Column("doc_id", "string", "the article's id"),
    Column("source", "string", "the article's file or URL"),
    Column("incident_id", "string", "the incident's id in its record (e1, e2, ...)"),
    Column("role", "string", "main (what the article is about) or related"),
    Column("service", "string", "the service that failed"),
    Column("start_value", "string", "start as written in the record: 2021, 2021-10, 2021-10-04, an instant"),
    Column("start_utc", "timestamp", "start in UTC, when the record gives an instant with an offset"),
    Column("start_precision", "string", "year, month, day, hour or minute"),
    Column("start_approximate", "boolean", "the text hedged the start (about, around)"),
    Column("end_value", "string", "end, as start_value"),
    Column("end_utc", "timestamp", "end in UTC, as start_utc"),
    Column("end_precision", "string", "as start_precision"),
    Column("end_approximate", "boolean", "as start_approximate"),
    Column("duration_min_low", "double", "shortest duration the text allows, in minutes"),
    Column("duration_min_high", "double", "longest duration the text allows, in minutes"),
    Column("duration_basis", "string", "stated in the text, or derived from start and end"),
    Column("status", "string", "resolved, ongoing or unknown"),
    Column("cause", "string", "cause label (TAXONOMY.md), unknown when none is given"),
    Column("cause_status", "string", "confirmed, speculated or unknown"),
    Column("speculated", "string", "labels speculated about, joined with ';'"),
    Column("ruled_out", "string", "labels ruled out, joined with ';'"),
    Column("sentence_count", "int", "sentences of the article about this incident"),
    Column("evidence_start", "int", "offset of the incident's first sentence in the text"),
    Column("evidence_end", "int", "end offset of that sentence"),
    Column("evidence", "string", "that sentence's text (when the text is at hand)"),
    Column("reference_date", "date", "the date relative expressions were resolved against"),
    Column("reference_date_source", "string", "given, metadata, dateline, inferred or none"),
]
TYPES = ("string", "timestamp", "date", "double", "boolean", "int")
"""Column types: text, an instant in UTC, a calendar date, a float, true/false, an integer."""
COLUMN_NAMES = [c.name for c in COLUMNS]


def _point(point: Optional[TimePoint], prefix: str) -> Dict[str, Any]:
    value = point.value if point else None
    return {
        f"{prefix}_value": value,
        f"{prefix}_utc": utc_instant(value),
        f"{prefix}_precision": precision(value),
        f"{prefix}_approximate": point.approximate if point else None,
    }


def _labels(labels: Iterable[str]) -> Optional[str]:
    joined = LIST_SEPARATOR.join(labels)
    return joined or None


def incident_row(record: ArticleRecord, incident: Incident, text: Optional[str] = None) -> Dict[str, Any]:
    """One incident of ``record`` as a row of :data:`COLUMNS` (``text``: the article, for evidence)."""
    import datetime as dt

    first = min(incident.sentences) if incident.sentences else None
    span = record.sentences[first] if first is not None and first < len(record.sentences) else None
    reference = record.reference_date.date
    row: Dict[str, Any] = {
        "doc_id": record.doc_id,
        "source": record.source,
        "incident_id": incident.id,
        "role": incident.role,
        "service": incident.service,
        **_point(incident.start, "start"),
        **_point(incident.end, "end"),
        "duration_min_low": incident.duration.minutes.min if incident.duration else None,
        "duration_min_high": incident.duration.minutes.max if incident.duration else None,
        "duration_basis": incident.duration.basis if incident.duration else None,
        "status": incident.status,
        "cause": incident.cause.category,
        "cause_status": incident.cause.status,
        "speculated": _labels(incident.speculated),
        "ruled_out": _labels(incident.ruled_out),
        "sentence_count": len(incident.sentences),
        "evidence_start": span.start if span else None,
        "evidence_end": span.end if span else None,
        "evidence": text[span.start : span.end] if span and text is not None else None,
        "reference_date": (
            dt.date.fromisoformat(reference) if reference else None
        ),
        "reference_date_source": record.reference_date.source,
    }
    return row


def incident_rows(record: ArticleRecord, text: Optional[str] = None) -> Iterator[Dict[str, Any]]:
    """Every incident of ``record``, in order, as rows."""
    for incident in record.incidents:
        yield incident_row(record, incident, text)


@dataclass
class TableRows:
    rows: List[Dict[str, Any]]
    articles: int
    without_text: int  # articles whose source text was not at hand: no evidence text


def rows_from_records(articles: Iterable[ArticleRecord], read_text=None) -> TableRows:
    """Rows for every incident of every article, in order; ``read_text(record)`` gives the
    article's text or None (default: :func:`pipeline.analysis.records.source_text`)."""
    if read_text is None:
        from .records import source_text as read_text
    rows: List[Dict[str, Any]] = []
    count = without = 0
    for record in articles:
        count += 1
        text = read_text(record) if record.incidents else None
        if record.incidents and text is None:
            without += 1
        rows.extend(incident_rows(record, text))
    return TableRows(rows, count, without)
