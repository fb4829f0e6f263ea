"""One-to-one alignment of gold and predicted character spans.

Identical extents pair first; the remaining spans pair by largest overlap
(ties: earlier gold span, then earlier predicted span). Each span is used at
most once, so the number of matches is the same seen from either side, as
with the ids the TempEval-3 toolkit's normaliser gives overlapping entities.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Sequence, Set, Tuple

Extent = Tuple[int, int]


class Matching:
    """A one-to-one matching of gold indexes with predicted indexes, built greedily."""

    def __init__(self) -> None:
        self.gold: Set[int] = set()
        self.predicted: Set[int] = set()
        self._pairs: List[Tuple[int, int]] = []

    def free(self, gi: int, pi: int) -> bool:
        return gi not in self.gold and pi not in self.predicted

    def add(self, gi: int, pi: int) -> bool:
        """Pair ``gi`` with ``pi`` if neither is paired yet."""
        if not self.free(gi, pi):
            return False
        self.gold.add(gi)
        self.predicted.add(pi)
        self._pairs.append((gi, pi))
        return True

    def add_best_first(self, candidates: Iterable[Tuple[float, int, int]]) -> None:
        """Take ``(cost, gold index, predicted index)`` candidates cheapest first."""
        for _, gi, pi in sorted(candidates):
            self.add(gi, pi)

    @property
    def pairs(self) -> List[Tuple[int, int]]:
        """``(gold index, predicted index)``, sorted by gold index."""
        return sorted(self._pairs)


def overlap(a: Extent, b: Extent) -> int:
    """Number of characters two half-open spans share (0 when disjoint)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def align_spans(gold: Sequence[Extent], pred: Sequence[Extent]) -> List[Tuple[int, int]]:
    """Pairs ``(gold index, predicted index)``, sorted by gold index."""
    matching = Matching()
    by_extent: Dict[Extent, List[int]] = {}
    for pi, extent in enumerate(pred):
        by_extent.setdefault(tuple(extent), []).append(pi)
    for gi, extent in enumerate(gold):
        any(matching.add(gi, pi) for pi in by_extent.get(tuple(extent), ()))
    matching.add_best_first(
        (-overlap(g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if matching.free(gi, pi) and overlap(g, p) > 0
    )
    return matching.pairs
