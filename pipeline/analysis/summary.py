"""The summary ``outages summarize`` prints: counts by cause, service and month, durations."""
from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from .outages import Outage, merge_reports, reports_of
from .records import LoadedRecords

NO_SERVICE = "(no service named)"
NO_MONTH = "(not dated to a month)"


@dataclass(frozen=True)
class Quartiles:
    """Duration (minutes, the midpoint of each outage's range) of one cause's outages."""

    count: int
    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float


@dataclass
class Summary:
    articles: int
    error_records: int
    incidents: int
    outages: List[Outage]
    by_cause: List[Tuple[str, int]] = field(default_factory=list)
    by_service: List[Tuple[str, int]] = field(default_factory=list)
    by_month: List[Tuple[str, int]] = field(default_factory=list)
    duration_by_cause: Dict[str, Quartiles] = field(default_factory=dict)

    @property
    def merged(self) -> List[Outage]:
        """Outages reported by more than one article."""
        return [o for o in self.outages if len(o.articles) > 1]

    @property
    def unknown_cause(self) -> int:
        return sum(1 for o in self.outages if o.cause == "unknown")

    @property
    def unknown_cause_share(self) -> float:
        return self.unknown_cause / len(self.outages) if self.outages else 0.0


def midpoint(outage: Outage) -> Optional[float]:
    minutes = outage.duration_minutes
    return None if minutes is None else (minutes[0] + minutes[1]) / 2


def quartiles(values: Sequence[float]) -> Quartiles:
    """Quartiles by linear interpolation between the sorted values (``inclusive``)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        q1 = median = q3 = ordered[0]
    else:
        q1, median, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return Quartiles(len(ordered), ordered[0], q1, median, q3, ordered[-1])


def _ranked(counter: Counter) -> List[Tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def summarize(loaded: LoadedRecords, main_only: bool = False) -> Summary:
    """Merge the records' incidents into outages and count them (``main_only``: only the
    incidents the articles are about, not the earlier outages they mention)."""
    reports = reports_of(loaded.articles, main_only)
    outages = merge_reports(reports)
    summary = Summary(
        articles=len(loaded.articles),
        error_records=loaded.error_records,
        incidents=len(reports),
        outages=outages,
    )
    summary.by_cause = _ranked(Counter(o.cause for o in outages))
    summary.by_service = _ranked(Counter(o.service or NO_SERVICE for o in outages))
    months = Counter(o.month or NO_MONTH for o in outages)
    summary.by_month = sorted(months.items(), key=lambda item: (item[0] == NO_MONTH, item[0]))
    durations: Dict[str, List[float]] = {}
    for outage in outages:
        value = midpoint(outage)
        if value is not None:
            durations.setdefault(outage.cause, []).append(value)
    summary.duration_by_cause = {
        cause: quartiles(values) for cause, values in sorted(durations.items(), key=lambda i: (-len(i[1]), i[0]))
    }
    return summary
