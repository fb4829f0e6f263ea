"""Score one predicted article record against its golden record."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

from models import ArticleRecord, Incident

from .incident_scoring import Extent, IncidentScore, score_incidents
from .span_scoring import SpanScore, score_spans
from .timex_scoring import score_timexes

#: cause-mention attributes compared on mentions whose spans overlap
CAUSE_ATTRIBUTES: Tuple[str, ...] = ("category", "assertion", "attribution")
TIMEX_FIELDS = {"start": "start", "end": "end"}
CAUSE_FIELDS = ("cause_category", "cause_status")
LABEL_FIELDS = ("ruled_out", "speculated")


@dataclass(frozen=True)
class DocumentEvaluation:
    doc_id: str
    text: str
    timexes: SpanScore
    causes: SpanScore
    incidents: IncidentScore


def span_of(items: Sequence, index: int) -> Optional[Extent]:
    return (items[index].start, items[index].end) if 0 <= index < len(items) else None


class Locator:
    """Where a record states an incident's field: a timex, a cause mention, the service name
    or, failing those, the incident's first sentence."""

    def __init__(self, gold: ArticleRecord, predicted: ArticleRecord, text: str) -> None:
        self.records = {"gold": gold, "predicted": predicted}
        self.text = text
        self.folded = text.casefold()

    def timex_span(self, record: ArticleRecord, timex_id: Optional[str]) -> Optional[Extent]:
        return next(((t.start, t.end) for t in record.timexes if timex_id and t.id == timex_id), None)

    def field_span(self, record: ArticleRecord, incident: Incident, name: str) -> Optional[Extent]:
        if name in TIMEX_FIELDS:
            point = getattr(incident, name)
            return self.timex_span(record, point.timex if point else None)
        if name == "duration":
            return self.timex_span(record, incident.duration.timex if incident.duration else None)
        if name in CAUSE_FIELDS:
            return next((s for s in (span_of(record.causes, i) for i in incident.cause.mentions) if s), None)
        if name in LABEL_FIELDS:
            labels = set(getattr(incident, name))
            return next(((c.start, c.end) for c in record.causes if c.category in labels), None)
        if name == "service" and incident.service:
            at = self.folded.find(incident.service.casefold())
            return (at, at + len(incident.service)) if at >= 0 else None
        return None

    def __call__(self, side: str, incident: Incident, name: str) -> Optional[Extent]:
        record = self.records[side]
        span = self.field_span(record, incident, name)
        if span is None and incident.sentences:
            sentences = record.sentences or self.records["predicted"].sentences
            span = span_of(sentences, incident.sentences[0])
        return span


def score_document(gold: ArticleRecord, predicted: ArticleRecord, text: str) -> DocumentEvaluation:
    """Timexes (TempEval-3), cause mentions and incidents of one document."""
    return DocumentEvaluation(
        doc_id=predicted.doc_id,
        text=text,
        timexes=score_timexes(gold.timexes, predicted.timexes),
        causes=score_spans(gold.causes, predicted.causes, CAUSE_ATTRIBUTES),
        incidents=score_incidents(gold.incidents, predicted.incidents, Locator(gold, predicted, text)),
    )
