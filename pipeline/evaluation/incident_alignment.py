"""Pair gold incidents with predicted ones before their fields are compared.

The main incident pairs with the main incident. Related incidents pair by
what dates and durations they share: a start or end on incompatible days
rules a pair out; each agreeing start day, end day or overlapping duration
counts 2, the same service 1; a pair whose shared date/duration fields all
disagree is ruled out. Pairs are taken greedily, best first (ties in text
order), each incident at most once.
"""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

from models import Incident

from .span_alignment import Matching
from .tolerances import dates_compatible, durations_overlap, same_service


def affinity(gold: Incident, predicted: Incident) -> Optional[int]:
    """How well two related incidents agree; ``None`` when they cannot be the same."""
    shared = agreeing = 0
    for name in ("start", "end"):
        g, p = getattr(gold, name), getattr(predicted, name)
        if g is None or p is None:
            continue
        if not dates_compatible(g, p):
            return None
        shared += 1
        agreeing += 1
    if gold.duration is not None and predicted.duration is not None:
        shared += 1
        agreeing += durations_overlap(gold.duration, predicted.duration)
    if shared and not agreeing:
        return None
    score = 2 * agreeing
    if gold.service and predicted.service and same_service(gold.service, predicted.service):
        score += 1
    return score or None


def align_incidents(
    gold: Sequence[Incident], predicted: Sequence[Incident]
) -> List[Tuple[int, int]]:
    """Pairs ``(gold index, predicted index)``, sorted by gold index."""
    matching = Matching()
    gold_main = next((i for i, x in enumerate(gold) if x.role == "main"), None)
    pred_main = next((i for i, x in enumerate(predicted) if x.role == "main"), None)
    if gold_main is not None and pred_main is not None:
        matching.add(gold_main, pred_main)
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g.role == p.role == "related" and matching.free(gi, pi):
                score = affinity(g, p)
                if score is not None:
                    candidates.append((-score, gi, pi))
    matching.add_best_first(candidates)
    return matching.pairs
