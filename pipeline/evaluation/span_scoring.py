"""Score annotated spans (timexes, cause mentions) the TempEval-3 way.

Gold and predicted spans are aligned one-to-one (:mod:`.span_alignment`), then:

- **relaxed** match: the aligned spans overlap; **strict** match: identical extent;
  P = matches / predicted, R = matches / gold, F1 their harmonic mean;
- **attribute** accuracy = right attribute / relaxed matches, and attribute
  F1 = accuracy x relaxed F1 (equivalently P = right / predicted, R = right /
  gold), so a missed or spurious span also costs attribute F1.

Attributes compare as exact strings; a missing and an empty attribute are the
same "no value", which agrees only with another "no value". Counts add up over
documents: corpus figures are micro-averages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Protocol, Sequence, Tuple

from .metrics import Score, ratio
from .span_alignment import align_spans


class SpanLike(Protocol):
    start: int
    end: int
    text: str


def attribute_of(item: Any, name: str) -> Optional[str]:
    """The attribute as compared: missing and empty are the same (no value)."""
    return getattr(item, name, None) or None


def span_view(item: Optional[SpanLike], attributes: Sequence[str]) -> Optional[Dict[str, Any]]:
    if item is None:
        return None
    view: Dict[str, Any] = {"text": item.text, "start": item.start, "end": item.end}
    view.update({name: attribute_of(item, name) for name in attributes})
    return view


@dataclass(frozen=True)
class SpanCounts:
    """Additive counts of one or many documents (sum them to micro-average)."""

    gold: int = 0
    predicted: int = 0
    relaxed_matches: int = 0
    strict_matches: int = 0
    correct: Tuple[Tuple[str, int], ...] = ()  # (attribute, right on relaxed matches)

    def __add__(self, other: "SpanCounts") -> "SpanCounts":
        merged = dict(self.correct)
        for name, count in other.correct:
            merged[name] = merged.get(name, 0) + count
        return SpanCounts(
            gold=self.gold + other.gold,
            predicted=self.predicted + other.predicted,
            relaxed_matches=self.relaxed_matches + other.relaxed_matches,
            strict_matches=self.strict_matches + other.strict_matches,
            correct=tuple(merged.items()),
        )

    @property
    def attributes(self) -> Tuple[str, ...]:
        return tuple(name for name, _ in self.correct)

    def _score(self, hits: int) -> Score:
        return Score(tp=hits, fp=self.predicted - hits, fn=self.gold - hits)

    @property
    def strict(self) -> Score:
        return self._score(self.strict_matches)

    @property
    def relaxed(self) -> Score:
        return self._score(self.relaxed_matches)

    def attribute(self, name: str) -> Score:
        """TempEval-3 attribute score: its F1 is accuracy x relaxed F1."""
        return self._score(dict(self.correct).get(name, 0))

    def accuracy(self, name: str) -> Optional[float]:
        """Share of relaxed matches whose attribute is right (None without matches)."""
        return ratio(dict(self.correct).get(name, 0), self.relaxed_matches)

    def to_dict(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {
            "gold": self.gold,
            "predicted": self.predicted,
            "strict": self.strict.to_dict(),
            "relaxed": self.relaxed.to_dict(),
        }
        for name in self.attributes:
            out[name] = dict(self.attribute(name).to_dict(), accuracy=self.accuracy(name))
        return out


@dataclass(frozen=True)
class SpanMismatch:
    """One gold/predicted pair that is not perfect, or an unpaired span.

    ``problems`` holds ``missed`` (gold without prediction), ``spurious``
    (prediction without gold), ``extent`` (overlap but not identical) and the
    names of attributes that differ.
    """

    problems: Tuple[str, ...]
    gold: Optional[Dict[str, Any]]
    predicted: Optional[Dict[str, Any]]

    @property
    def start(self) -> int:
        return min(v["start"] for v in (self.gold, self.predicted) if v is not None)

    @property
    def end(self) -> int:
        return max(v["end"] for v in (self.gold, self.predicted) if v is not None)

    def to_dict(self) -> Dict[str, Any]:
        return {"problems": list(self.problems), "gold": self.gold, "predicted": self.predicted}


@dataclass(frozen=True)
class SpanScore:
    counts: SpanCounts
    mismatches: List[SpanMismatch] = field(default_factory=list)
    pairs: List[Tuple[int, int]] = field(default_factory=list)  # (gold index, predicted index)


def score_spans(
    gold: Sequence[SpanLike], predicted: Sequence[SpanLike], attributes: Sequence[str]
) -> SpanScore:
    """Score one document's predicted spans against its gold ones.

    ``pairs`` in the result index into ``gold`` and ``predicted`` as given.
    """
    pairs = align_spans([(t.start, t.end) for t in gold], [(t.start, t.end) for t in predicted])
    correct = dict.fromkeys(attributes, 0)
    strict = 0
    mismatches: List[SpanMismatch] = []
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        problems: List[str] = []
        if (g.start, g.end) == (p.start, p.end):
            strict += 1
        else:
            problems.append("extent")
        for name in attributes:
            if attribute_of(g, name) == attribute_of(p, name):
                correct[name] += 1
            else:
                problems.append(name)
        if problems:
            mismatches.append(
                SpanMismatch(tuple(problems), span_view(g, attributes), span_view(p, attributes))
            )
    paired_gold = {gi for gi, _ in pairs}
    paired_pred = {pi for _, pi in pairs}
    mismatches += [
        SpanMismatch(("missed",), span_view(t, attributes), None)
        for i, t in enumerate(gold)
        if i not in paired_gold
    ]
    mismatches += [
        SpanMismatch(("spurious",), None, span_view(t, attributes))
        for i, t in enumerate(predicted)
        if i not in paired_pred
    ]
    mismatches.sort(key=lambda m: m.start)
    counts = SpanCounts(
        gold=len(gold),
        predicted=len(predicted),
        relaxed_matches=len(pairs),
        strict_matches=strict,
        correct=tuple((name, correct[name]) for name in attributes),
    )
    return SpanScore(counts=counts, mismatches=mismatches, pairs=pairs)
