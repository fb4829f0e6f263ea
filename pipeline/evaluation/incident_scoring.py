"""Score predicted incidents against gold ones, field by field.

Incidents are aligned first (:mod:`.incident_alignment`). Each field is then a
slot: right -> tp; wrong -> fp and fn; predicted where gold has none -> fp; gold
where nothing was predicted -> fn; absent on both sides -> nothing. A missed
gold incident costs a fn for each field it fills, an extra predicted incident
a fp for each field it fills. List fields (``ruled_out``, ``speculated``)
count label by label. Counts are kept per role of the gold incident (of the
predicted one for extras): ``main.start``, ``related.duration``, ...; the row
``<role>.incident`` counts aligned / missed / extra incidents and
``<role>.all`` sums that role's fields.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from models import Incident

from .incident_alignment import align_incidents
from .metrics import Score, ScoreTable
from .tolerances import durations_overlap, same_service, same_time

ROLES = ("main", "related")
Extent = Tuple[int, int]
#: finds where in the text a field of an incident is stated: (side, incident, field) -> span
Locator = Callable[[str, Incident, str], Optional[Extent]]


def show_duration(duration) -> str:
    low, high = duration.minutes.min, duration.minutes.max
    minutes = f"{low:g} min" if low == high else f"{low:g}-{high:g} min"
    return f"{minutes} ({duration.iso})" if duration.iso else minutes


def equal(a: Any, b: Any) -> bool:
    return a == b


@dataclass(frozen=True)
class FieldSpec:
    name: str
    read: Callable[[Incident], Any]  # the value, or None when the field is empty
    same: Callable[[Any, Any], bool]
    show: Callable[[Any], str] = str
    labels: bool = False  # a list of labels, scored label by label


FIELDS: Tuple[FieldSpec, ...] = (
    FieldSpec("service", lambda i: i.service, same_service),
    FieldSpec("start", lambda i: i.start, same_time, lambda t: t.value),
    FieldSpec("end", lambda i: i.end, same_time, lambda t: t.value),
    FieldSpec("duration", lambda i: i.duration, durations_overlap, show_duration),
    FieldSpec("status", lambda i: i.status, equal),
    FieldSpec("cause_category", lambda i: i.cause.category, equal),
    FieldSpec("cause_status", lambda i: i.cause.status, equal),
    FieldSpec("ruled_out", lambda i: i.ruled_out, equal, lambda v: ", ".join(v) or "none", True),
    FieldSpec("speculated", lambda i: i.speculated, equal, lambda v: ", ".join(v) or "none", True),
)
FIELD_NAMES = tuple(spec.name for spec in FIELDS)


def compare_field(spec: FieldSpec, gold: Optional[Incident], predicted: Optional[Incident]) -> Score:
    g = spec.read(gold) if gold is not None else None
    p = spec.read(predicted) if predicted is not None else None
    if spec.labels:
        gs, ps = set(g or ()), set(p or ())
        return Score(tp=len(gs & ps), fp=len(ps - gs), fn=len(gs - ps))
    if g is None and p is None:
        return Score()
    if g is None:
        return Score(fp=1)
    if p is None:
        return Score(fn=1)
    return Score(tp=1) if spec.same(g, p) else Score(fp=1, fn=1)


def field_problem(gold_value: Any, predicted_value: Any) -> str:
    """wrong (both given), missed (only gold) or spurious (only predicted)."""
    if gold_value and predicted_value:
        return "wrong"
    return "missed" if gold_value else "spurious"


def incident_summary(incident: Incident) -> str:
    parts = [incident.id, incident.role, incident.service or "service?"]
    if incident.start is not None:
        parts.append(f"from {incident.start.value}")
    if incident.duration is not None:
        parts.append(show_duration(incident.duration))
    return ", ".join(parts)


@dataclass(frozen=True)
class IncidentMismatch:
    role: str
    field: str  # a field name, or "incident" for a missed / extra incident
    problem: str  # wrong | missed | spurious
    gold_id: Optional[str]
    predicted_id: Optional[str]
    gold: Optional[str]  # values as shown to the user
    predicted: Optional[str]
    span: Optional[Extent] = None  # where the text states it, for context

    def to_dict(self) -> Dict[str, Any]:
        return {
            "role": self.role,
            "field": self.field,
            "problem": self.problem,
            "gold_id": self.gold_id,
            "predicted_id": self.predicted_id,
            "gold": self.gold,
            "predicted": self.predicted,
            "span": list(self.span) if self.span else None,
        }


@dataclass(frozen=True)
class IncidentScore:
    table: ScoreTable
    mismatches: List[IncidentMismatch] = field(default_factory=list)
    pairs: List[Tuple[int, int]] = field(default_factory=list)


def locate_either(
    locate: Optional[Locator], gold: Optional[Incident], predicted: Optional[Incident], name: str
) -> Optional[Extent]:
    if locate is None:
        return None
    for side, incident in (("gold", gold), ("predicted", predicted)):
        if incident is not None:
            span = locate(side, incident, name)
            if span is not None:
                return span
    return None


def field_rows(
    role: str,
    gold: Optional[Incident],
    predicted: Optional[Incident],
    locate: Optional[Locator],
) -> Tuple[List[Tuple[str, Score]], List[IncidentMismatch]]:
    rows: List[Tuple[str, Score]] = []
    mismatches: List[IncidentMismatch] = []
    both = gold is not None and predicted is not None
    for spec in FIELDS:
        score = compare_field(spec, gold, predicted)
        rows.append((f"{role}.{spec.name}", score))
        rows.append((f"{role}.all", score))
        if both and (score.fp or score.fn):
            g, p = spec.read(gold), spec.read(predicted)
            mismatches.append(
                IncidentMismatch(
                    role=role,
                    field=spec.name,
                    problem=field_problem(g, p),
                    gold_id=gold.id,
                    predicted_id=predicted.id,
                    gold=None if g is None else spec.show(g),
                    predicted=None if p is None else spec.show(p),
                    span=locate_either(locate, gold, predicted, spec.name),
                )
            )
    return rows, mismatches


def unpaired(
    incident: Incident, side: str, locate: Optional[Locator]
) -> Tuple[List[Tuple[str, Score]], IncidentMismatch]:
    """The rows and the mismatch of a missed gold incident or an extra predicted one."""
    is_gold = side == "gold"
    gold, predicted = (incident, None) if is_gold else (None, incident)
    rows, _ = field_rows(incident.role, gold, predicted, locate)
    rows.append((f"{incident.role}.incident", Score(fn=1) if is_gold else Score(fp=1)))
    summary = incident_summary(incident)
    mismatch = IncidentMismatch(
        role=incident.role,
        field="incident",
        problem="missed" if is_gold else "spurious",
        gold_id=incident.id if is_gold else None,
        predicted_id=None if is_gold else incident.id,
        gold=summary if is_gold else None,
        predicted=None if is_gold else summary,
        span=locate(side, incident, "incident") if locate else None,
    )
    return rows, mismatch


def score_incidents(
    gold: Sequence[Incident], predicted: Sequence[Incident], locate: Optional[Locator] = None
) -> IncidentScore:
    """Align and score one document's incidents; ``locate`` adds text spans to mismatches."""
    pairs = align_incidents(gold, predicted)
    names = ("incident", *FIELD_NAMES, "all")
    rows: List[Tuple[str, Score]] = [(f"{role}.{name}", Score()) for role in ROLES for name in names]
    mismatches: List[IncidentMismatch] = []
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        rows.append((f"{g.role}.incident", Score(tp=1)))
        more_rows, more_mismatches = field_rows(g.role, g, p, locate)
        rows += more_rows
        mismatches += more_mismatches
    for side, incidents, paired in (
        ("gold", gold, {gi for gi, _ in pairs}),
        ("predicted", predicted, {pi for _, pi in pairs}),
    ):
        for i, incident in enumerate(incidents):
            if i not in paired:
                more_rows, mismatch = unpaired(incident, side, locate)
                rows += more_rows
                mismatches.append(mismatch)
    return IncidentScore(table=ScoreTable.of(rows), mismatches=mismatches, pairs=pairs)
