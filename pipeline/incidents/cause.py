"""An incident's cause from the cause mentions attached to it (rules of docs/schema.md).

``confirmed`` when an affirmed mention is official or the journalist's own
statement of fact; ``speculated`` when the best mention is only possible,
hypothetical or a third party's; ``unknown`` otherwise (category ``unknown``),
the denied labels going to ``ruled_out``. ``mentions`` lists every mention
about the incident; ``speculated`` every label suggested but not confirmed
(a label both suggested and denied is in both lists), except a speculation
the company or the journalist then denies by pointing back at it ("... but the
bank said there was no evidence of that"): that one is withdrawn, in
``ruled_out`` only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Sequence, Tuple

from models import CauseMention, IncidentCause

from ..causes.back_references import withdrawn

CONFIRMING = {"official": 2.0, "unattributed": 1.0}
SPECULATIVE = {"third_party_affirmed": 3.0, "possible": 2.0, "hypothetical": 1.0}


@dataclass(frozen=True)
class CauseVerdict:
    cause: IncidentCause
    ruled_out: List[str]
    speculated: List[str]


def _confirming(m: CauseMention) -> bool:
    return m.category != "unknown" and m.assertion == "affirmed" and m.attribution in CONFIRMING


def _speculative_weight(m: CauseMention) -> float:
    if m.category == "unknown":
        return 0.0
    if m.assertion == "affirmed" and m.attribution == "third_party":
        return SPECULATIVE["third_party_affirmed"]
    return SPECULATIVE.get(m.assertion, 0.0)


def _best(scored: Sequence[Tuple[int, CauseMention, float]]) -> str:
    """The category with the highest total weight; the earliest mentioned on ties."""
    totals: Dict[str, float] = {}
    first: Dict[str, int] = {}
    for index, mention, weight in scored:
        totals[mention.category] = totals.get(mention.category, 0.0) + weight
        first.setdefault(mention.category, index)
    return max(totals, key=lambda c: (totals[c], -first[c]))


def _unique(labels) -> List[str]:
    seen: List[str] = []
    for label in labels:
        if label not in seen:
            seen.append(label)
    return seen


def resolve_cause(mentions: Sequence[Tuple[int, CauseMention]]) -> CauseVerdict:
    """``mentions``: (index into the article's causes, mention) attached to one incident."""
    confirming = [(i, m, CONFIRMING[m.attribution]) for i, m in mentions if _confirming(m)]
    gone = withdrawn(mentions)
    speculative = [(i, m, w) for i, m in mentions for w in [_speculative_weight(m)] if w > 0 and i not in gone]
    negated = [m.category for _, m in mentions if m.assertion == "negated" and m.category != "unknown"]
    indexes = [i for i, _ in mentions]
    if confirming:
        cause = IncidentCause(category=_best(confirming), status="confirmed", mentions=indexes)
    elif speculative:
        cause = IncidentCause(category=_best(speculative), status="speculated", mentions=indexes)
    else:
        cause = IncidentCause(category="unknown", status="unknown", mentions=indexes)
    confirmed = cause.category if cause.status == "confirmed" else None
    ruled_out = _unique(c for c in negated if c != confirmed)
    speculated = _unique(m.category for _, m, _ in speculative if m.category != confirmed)
    return CauseVerdict(cause, ruled_out, speculated)
