"""Run the pipeline on TimeML documents and score its timexes TempEval-3 style."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

from .context import context_line
from .timeml import TimemlDocument, TimemlError, read_timeml
from .timex_scoring import TimexCounts, TimexMismatch, score_timexes


@dataclass(frozen=True)
class TimemlDocumentResult:
    doc_id: str
    path: str
    reference_date: Optional[str]
    counts: TimexCounts
    mismatches: List[TimexMismatch] = field(default_factory=list)
    error: Optional[str] = None  # the document could not be read or extracted
    text: str = field(default="", repr=False)  # the body that was scored
    predicted: Sequence[Any] = field(default=(), repr=False)  # our timexes (models.Timex)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "path": self.path,
            "reference_date": self.reference_date,
            "error": self.error,
            "counts": self.counts.to_dict(),
            "mismatches": [
                dict(m.to_dict(), context=context_line(self.text, (m.start, m.end)))
                for m in self.mismatches
            ],
        }


@dataclass(frozen=True)
class TimemlReport:
    """Per-document results; :attr:`totals` micro-averages them (TempEval-3 style)."""

    documents: List[TimemlDocumentResult]

    @property
    def totals(self) -> TimexCounts:
        return sum((d.counts for d in self.documents), TimexCounts())

    def totals_by_folder(self) -> Dict[str, TimexCounts]:
        groups: Dict[str, TimexCounts] = {}
        for d in self.documents:
            folder = Path(d.path).parent.name
            groups[folder] = groups.get(folder, TimexCounts()) + d.counts
        return groups

    @property
    def errors(self) -> List[TimemlDocumentResult]:
        return [d for d in self.documents if d.error]

    def to_dict(self) -> Dict[str, Any]:
        return {
            "documents": len(self.documents),
            "errors": len(self.errors),
            "totals": self.totals.to_dict(),
            "by_folder": {k: v.to_dict() for k, v in self.totals_by_folder().items()},
            "per_document": [d.to_dict() for d in self.documents],
        }


def predict_timexes(document: TimemlDocument, nlp) -> list:
    """Our pipeline's timexes for the document body, with the DCT as reference date."""
    from ..document import InputDocument
    from ..extraction import extract_document

    source = InputDocument(doc_id=document.doc_id, text=document.text, source=str(document.path))
    return extract_document(source, nlp, reference_date=document.reference_date).timexes


def evaluate_timeml_file(path: Path, nlp) -> TimemlDocumentResult:
    """Score one ``.tml`` file; a failure is recorded in the result, never raised."""
    try:
        document = read_timeml(path)
    except TimemlError as exc:
        return TimemlDocumentResult(path.stem, str(path), None, TimexCounts(), error=str(exc))
    try:
        predicted = predict_timexes(document, nlp)
        error = None
    except Exception as exc:  # a pipeline bug scores as "found nothing" and is reported
        predicted, error = [], f"{type(exc).__name__}: {exc}".splitlines()[0]
    score = score_timexes(document.timexes, predicted)
    return TimemlDocumentResult(
        doc_id=document.doc_id,
        path=str(path),
        reference_date=document.reference_date,
        counts=score.counts,
        mismatches=score.mismatches,
        error=error,
        text=document.text,
        predicted=tuple(predicted),
    )


def evaluate_timeml(
    paths: Sequence[Path],
    nlp=None,
    on_document: Optional[Callable[[TimemlDocumentResult], None]] = None,
) -> TimemlReport:
    """Run the pipeline on every file and score it; ``on_document`` sees each result."""
    if nlp is None:
        from ..nlp import build_pipeline

        nlp = build_pipeline()
    results: List[TimemlDocumentResult] = []
    for path in paths:
        result = evaluate_timeml_file(Path(path), nlp)
        results.append(result)
        if on_document is not None:
            on_document(result)
    return TimemlReport(results)
