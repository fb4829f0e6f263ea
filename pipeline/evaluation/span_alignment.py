"""One-to-one alignment of gold and predicted character spans.

Identical extents pair first; the remaining spans pair by largest overlap
(ties: earlier gold span, then earlier predicted span). Each span is used at
most once, so the number of matches is the same seen from either side, as
with the ids the TempEval-3 toolkit's normaliser gives overlapping entities.
"""
from __future__ import annotations

from typing import Dict, List, Sequence, Set, Tuple

Extent = Tuple[int, int]


def overlap(a: Extent, b: Extent) -> int:
    """Number of characters two half-open spans share (0 when disjoint)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def align_spans(gold: Sequence[Extent], pred: Sequence[Extent]) -> List[Tuple[int, int]]:
    """Pairs ``(gold index, predicted index)``, sorted by gold index."""
    pairs: List[Tuple[int, int]] = []
    used_gold: Set[int] = set()
    used_pred: Set[int] = set()
    by_extent: Dict[Extent, List[int]] = {}
    for pi, extent in enumerate(pred):
        by_extent.setdefault(tuple(extent), []).append(pi)
    for gi, extent in enumerate(gold):
        for pi in by_extent.get(tuple(extent), ()):
            if pi not in used_pred:
                pairs.append((gi, pi))
                used_gold.add(gi)
                used_pred.add(pi)
                break
    candidates = sorted(
        (-overlap(g, p), gi, pi)
        for gi, g in enumerate(gold)
        if gi not in used_gold
        for pi, p in enumerate(pred)
        if pi not in used_pred and overlap(g, p) > 0
    )
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        pairs.append((gi, pi))
        used_gold.add(gi)
        used_pred.add(pi)
    return sorted(pairs)
