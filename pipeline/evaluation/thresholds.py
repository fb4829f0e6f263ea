"""``--fail-under`` thresholds: ``KEY=MIN`` on one metric, or a bare ``MIN`` on every F1.

``KEY`` names a metric of :meth:`EvalReport.metrics` (``timexes.relaxed.f1``,
``timexes.value.accuracy``, ``incidents.main.start.f1``, ...); a key without a
measure means its F1 (``incidents.related.all`` = ``incidents.related.all.f1``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Sequence

MEASURES = ("precision", "recall", "f1", "accuracy")


class ThresholdError(ValueError):
    """A threshold that cannot be understood; the message is one line."""


@dataclass(frozen=True)
class Threshold:
    key: str  # a metric name, or "*.f1" for every F1
    minimum: float


@dataclass(frozen=True)
class Shortfall:
    key: str
    value: float
    minimum: float

    def __str__(self) -> str:
        return f"{self.key} = {self.value:.3f} < {self.minimum:g}"


def parse_minimum(text: str, spec: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ThresholdError(f"--fail-under {spec!r}: {text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise ThresholdError(f"--fail-under {spec!r}: the minimum must be between 0 and 1")
    return value


def parse_thresholds(specs: Sequence[str], known: Sequence[str]) -> List[Threshold]:
    """Parse ``KEY=MIN`` / ``MIN`` specs against the known metric names."""
    known_set = set(known)
    thresholds: List[Threshold] = []
    for spec in specs:
        key, sep, minimum = spec.rpartition("=")
        if not sep:
            thresholds.append(Threshold("*.f1", parse_minimum(spec, spec)))
            continue
        key = key.strip()
        if key.rsplit(".", 1)[-1] not in MEASURES:
            key = f"{key}.f1"
        if key not in known_set:
            raise ThresholdError(f"--fail-under {spec!r}: unknown metric {key!r} (see 'metrics' in --json)")
        thresholds.append(Threshold(key, parse_minimum(minimum, spec)))
    return thresholds


def shortfalls(metrics: Dict[str, float], thresholds: Sequence[Threshold]) -> List[Shortfall]:
    """The metrics below their minimum."""
    out: List[Shortfall] = []
    for threshold in thresholds:
        if threshold.key == "*.f1":
            keys = [k for k in metrics if k.endswith(".f1")]
        else:
            keys = [threshold.key]
        out += [Shortfall(k, metrics[k], threshold.minimum) for k in keys if metrics[k] < threshold.minimum]
    return out
