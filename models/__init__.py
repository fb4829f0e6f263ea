"""Pydantic models of the output contract (``docs/schema.md``)."""
from .cause import Assertion, Attribution, CauseMention
from .common import SCHEMA_VERSION, CauseLabel, Span, StrictModel
from .incident import Affected, Duration, Incident, IncidentCause, TimePoint
from .record import ArticleRecord, ErrorRecord, Producer, ReferenceDate, SentenceSpan
from .timex import MinuteRange, Timex, Timezone

__all__ = [
    "SCHEMA_VERSION",
    "Affected",
    "ArticleRecord",
    "Assertion",
    "Attribution",
    "CauseLabel",
    "CauseMention",
    "Duration",
    "ErrorRecord",
    "Incident",
    "IncidentCause",
    "MinuteRange",
    "Producer",
    "ReferenceDate",
    "SentenceSpan",
    "Span",
    "StrictModel",
    "TimePoint",
    "Timex",
    "Timezone",
]
