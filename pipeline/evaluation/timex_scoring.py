"""TempEval-3 Task A scoring of temporal expressions.

For one document, gold and predicted timexes are aligned one-to-one by span
(:mod:`.span_alignment`). Then, as in the official TempEval-3 toolkit:

- **relaxed** match: the aligned spans overlap; **strict** match: identical extent;
  P = matches / predicted, R = matches / gold, F1 their harmonic mean;
- **attribute** (type, value) accuracy = correct attribute / relaxed matches, and
  attribute F1 = accuracy x relaxed F1 (equivalently P = correct / predicted,
  R = correct / gold), so a missed or spurious timex also costs attribute F1.

Values compare as exact strings; a timex with no value (``None`` or ``""``)
agrees only with another timex with no value. ``mod`` is scored the same way as
an extra (TempEval-3 itself scores only type and value). Counts add up over
documents: the corpus figures are micro-averages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Protocol, Sequence, Tuple

from .metrics import Score, ratio
from .span_alignment import align_spans

#: attributes compared on relaxed matches; TempEval-3 reports type and value.
ATTRIBUTES: Tuple[str, ...] = ("type", "value", "mod")


class TimexLike(Protocol):
    start: int
    end: int
    text: str
    type: str
    value: Optional[str]
    mod: Optional[str]


def attribute_of(timex: TimexLike, name: str) -> Optional[str]:
    """The attribute as compared: missing and empty are the same (no value)."""
    return getattr(timex, name, None) or None


def timex_view(timex: Optional[TimexLike]) -> Optional[Dict[str, Any]]:
    if timex is None:
        return None
    view: Dict[str, Any] = {"text": timex.text, "start": timex.start, "end": timex.end}
    view.update({name: attribute_of(timex, name) for name in ATTRIBUTES})
    return view


@dataclass(frozen=True)
class TimexCounts:
    """Additive counts of one or many documents (sum them to micro-average)."""

    gold: int = 0
    predicted: int = 0
    relaxed_matches: int = 0
    strict_matches: int = 0
    correct: Tuple[Tuple[str, int], ...] = tuple((name, 0) for name in ATTRIBUTES)

    def __add__(self, other: "TimexCounts") -> "TimexCounts":
        mine, theirs = dict(self.correct), dict(other.correct)
        return TimexCounts(
            gold=self.gold + other.gold,
            predicted=self.predicted + other.predicted,
            relaxed_matches=self.relaxed_matches + other.relaxed_matches,
            strict_matches=self.strict_matches + other.strict_matches,
            correct=tuple((n, mine.get(n, 0) + theirs.get(n, 0)) for n in ATTRIBUTES),
        )

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
        return self._score(dict(self.correct)[name])

    def accuracy(self, name: str) -> Optional[float]:
        """Share of relaxed matches whose attribute is right (None without matches)."""
        return ratio(dict(self.correct)[name], self.relaxed_matches)

    def to_dict(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {
            "gold": self.gold,
            "predicted": self.predicted,
            "strict": self.strict.to_dict(),
            "relaxed": self.relaxed.to_dict(),
        }
        for name in ATTRIBUTES:
            out[name] = dict(self.attribute(name).to_dict(), accuracy=self.accuracy(name))
        return out


@dataclass(frozen=True)
class TimexMismatch:
    """One gold/predicted pair that is not perfect, or an unpaired timex.

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

    def to_dict(self) -> Dict[str, Any]:
        return {"problems": list(self.problems), "gold": self.gold, "predicted": self.predicted}


@dataclass(frozen=True)
class TimexScore:
    counts: TimexCounts
    mismatches: List[TimexMismatch] = field(default_factory=list)
    pairs: List[Tuple[int, int]] = field(default_factory=list)


def score_timexes(gold: Sequence[TimexLike], predicted: Sequence[TimexLike]) -> TimexScore:
    """Score one document's predicted timexes against its gold ones.

    ``pairs`` in the result index into ``gold`` and ``predicted`` as given.
    """
    pairs = align_spans([(t.start, t.end) for t in gold], [(t.start, t.end) for t in predicted])
    correct = dict.fromkeys(ATTRIBUTES, 0)
    strict = 0
    mismatches: List[TimexMismatch] = []
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        problems: List[str] = []
        if (g.start, g.end) == (p.start, p.end):
            strict += 1
        else:
            problems.append("extent")
        for name in ATTRIBUTES:
            if attribute_of(g, name) == attribute_of(p, name):
                correct[name] += 1
            else:
                problems.append(name)
        if problems:
            mismatches.append(TimexMismatch(tuple(problems), timex_view(g), timex_view(p)))
    paired_gold = {gi for gi, _ in pairs}
    paired_pred = {pi for _, pi in pairs}
    mismatches += [
        TimexMismatch(("missed",), timex_view(t), None)
        for i, t in enumerate(gold)
        if i not in paired_gold
    ]
    mismatches += [
        TimexMismatch(("spurious",), None, timex_view(t))
        for i, t in enumerate(predicted)
        if i not in paired_pred
    ]
    mismatches.sort(key=lambda m: m.start)
    counts = TimexCounts(
        gold=len(gold),
        predicted=len(predicted),
        relaxed_matches=len(pairs),
        strict_matches=strict,
        correct=tuple((name, correct[name]) for name in ATTRIBUTES),
    )
    return TimexScore(counts=counts, mismatches=mismatches, pairs=pairs)
