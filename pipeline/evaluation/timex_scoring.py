"""TempEval-3 Task A scoring of temporal expressions.

Strict and relaxed span P/R/F1 and type / value attribute F1 (accuracy over
relaxed matches x relaxed F1), as the official TempEval-3 toolkit computes
them; see :mod:`.span_scoring` for the alignment and the definitions. ``mod``
is scored the same way as an extra (TempEval-3 itself scores only type and
value). A timex with no value agrees only with another timex with no value.
"""
from __future__ import annotations

from typing import Optional, Protocol, Sequence, Tuple

from .span_scoring import SpanCounts, SpanMismatch, SpanScore, score_spans

#: attributes compared on relaxed matches; TempEval-3 reports type and value.
ATTRIBUTES: Tuple[str, ...] = ("type", "value", "mod")

TimexCounts = SpanCounts
TimexMismatch = SpanMismatch
TimexScore = SpanScore


class TimexLike(Protocol):
    start: int
    end: int
    text: str
    type: str
    value: Optional[str]
    mod: Optional[str]


def score_timexes(gold: Sequence[TimexLike], predicted: Sequence[TimexLike]) -> SpanScore:
    """Score one document's predicted timexes against its gold ones."""
    return score_spans(gold, predicted, ATTRIBUTES)
