"""Precision / recall / F1 from additive counts (micro-averaging is summing counts)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, Optional, Tuple


def ratio(numerator: float, denominator: float) -> Optional[float]:
    """``numerator / denominator``, or ``None`` when the denominator is zero."""
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class Score:
    """Counts of one measure: ``tp`` found and right, ``fp`` found but wrong or
    spurious, ``fn`` expected but not found (or found wrong).

    Conventions (those of the TempEval-3 toolkit): when there was nothing to
    find and nothing was found, precision, recall and F1 are all 1.0; otherwise
    an empty denominator gives 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        return self.tp == self.fp == self.fn == 0

    @property
    def precision(self) -> float:
        if self.empty:
            return 1.0
        return ratio(self.tp, self.tp + self.fp) or 0.0

    @property
    def recall(self) -> float:
        if self.empty:
            return 1.0
        return ratio(self.tp, self.tp + self.fn) or 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> Dict[str, float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class ScoreTable:
    """Named :class:`Score` rows that add up row by row (micro-averaging)."""

    rows: Tuple[Tuple[str, Score], ...] = ()

    @classmethod
    def of(cls, items: Iterable[Tuple[str, Score]]) -> "ScoreTable":
        merged: Dict[str, Score] = {}
        for key, score in items:
            merged[key] = merged.get(key, Score()) + score
        return cls(tuple(merged.items()))

    def __add__(self, other: "ScoreTable") -> "ScoreTable":
        return ScoreTable.of([*self.rows, *other.rows])

    def get(self, key: str) -> Score:
        return dict(self.rows).get(key, Score())

    def keys(self) -> Tuple[str, ...]:
        return tuple(key for key, _ in self.rows)

    def to_dict(self) -> Dict[str, Dict[str, float]]:
        return {key: score.to_dict() for key, score in self.rows}
