"""The report of ``outages eval``: per-document scores, micro-averaged rows, mismatches."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from .context import context_line
from .document_scoring import CAUSE_ATTRIBUTES, DocumentEvaluation
from .incident_scoring import FIELD_NAMES, ROLES
from .metrics import Score, ScoreTable
from .span_scoring import SpanCounts
from .timex_scoring import ATTRIBUTES as TIMEX_ATTRIBUTES


@dataclass(frozen=True)
class MetricRow:
    section: str  # timexes | causes | incidents.main | incidents.related
    name: str
    score: Score
    accuracy: Optional[float] = None

    @property
    def key(self) -> str:
        return f"{self.section}.{self.name}"

    def metrics(self) -> Dict[str, float]:
        out = {
            f"{self.key}.precision": self.score.precision,
            f"{self.key}.recall": self.score.recall,
            f"{self.key}.f1": self.score.f1,
        }
        if self.accuracy is not None:
            out[f"{self.key}.accuracy"] = self.accuracy
        return out


def span_rows(section: str, counts: SpanCounts, attributes, span_names=("strict", "relaxed")) -> List[MetricRow]:
    rows = [MetricRow(section, name, getattr(counts, name)) for name in span_names]
    rows += [MetricRow(section, name, counts.attribute(name), counts.accuracy(name)) for name in attributes]
    return rows


@dataclass(frozen=True)
class DocumentError:
    doc_id: str
    message: str


@dataclass(frozen=True)
class EvalReport:
    documents: List[DocumentEvaluation]
    errors: List[DocumentError] = field(default_factory=list)

    @property
    def timexes(self) -> SpanCounts:
        return sum((d.timexes.counts for d in self.documents), SpanCounts())

    @property
    def causes(self) -> SpanCounts:
        return sum((d.causes.counts for d in self.documents), SpanCounts())

    @property
    def incidents(self) -> ScoreTable:
        return sum((d.incidents.table for d in self.documents), ScoreTable())

    def rows(self) -> List[MetricRow]:
        """Every row of the table, micro-averaged over documents."""
        rows = span_rows("timexes", self.timexes, TIMEX_ATTRIBUTES)
        rows += span_rows("causes", self.causes, CAUSE_ATTRIBUTES)
        table = self.incidents
        for role in ROLES:
            names = ("incident", *FIELD_NAMES, "all")
            rows += [MetricRow(f"incidents.{role}", name, table.get(f"{role}.{name}")) for name in names]
        return rows

    def metrics(self) -> Dict[str, float]:
        """Flat ``{"<section>.<row>.<precision|recall|f1|accuracy>": value}``."""
        out: Dict[str, float] = {}
        for row in self.rows():
            out.update(row.metrics())
        return out

    def find(self, name: str) -> DocumentEvaluation:
        """The document with this id, or the only one whose id starts with it."""
        exact = [d for d in self.documents if d.doc_id == name]
        found = exact or [d for d in self.documents if d.doc_id.startswith(name)]
        if len(found) != 1:
            known = ", ".join(d.doc_id for d in self.documents) or "none"
            what = "no document" if not found else "several documents"
            raise KeyError(f"{what} matching {name!r} among the evaluated ones ({known})")
        return found[0]

    def to_dict(self) -> Dict[str, Any]:
        return {
            "documents": [d.doc_id for d in self.documents],
            "errors": [{"doc_id": e.doc_id, "error": e.message} for e in self.errors],
            "metrics": self.metrics(),
            "rows": [dict(key=r.key, accuracy=r.accuracy, **r.score.to_dict()) for r in self.rows()],
            "per_document": [document_dict(d) for d in self.documents],
        }


def document_dict(d: DocumentEvaluation) -> Dict[str, Any]:
    def with_context(item: Dict[str, Any], span) -> Dict[str, Any]:
        return dict(item, context=context_line(d.text, span))

    return {
        "doc_id": d.doc_id,
        "timexes": d.timexes.counts.to_dict(),
        "causes": d.causes.counts.to_dict(),
        "incidents": d.incidents.table.to_dict(),
        "mismatches": {
            "timexes": [with_context(m.to_dict(), (m.start, m.end)) for m in d.timexes.mismatches],
            "causes": [with_context(m.to_dict(), (m.start, m.end)) for m in d.causes.mismatches],
            "incidents": [with_context(m.to_dict(), m.span) for m in d.incidents.mismatches],
        },
    }
