"""Reports of the same outage in several articles, merged: one :class:`Outage` per real event.

Two incidents from different articles are the same outage when their services
match (case, a leading "the", a possessive and ".com" aside) and their time
windows overlap (:func:`time_window`). Merging is transitive. An incident
without a service, or dated no finer than a month, stays an outage of its own.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple

from models import ArticleRecord, Incident, TimePoint

from .timepoints import calendar_day, month_of, precision, utc_instant

ZONE_SLACK = dt.timedelta(hours=14)  # a local day without a zone may be any UTC day within this
OPEN_END = dt.timedelta(days=1)  # an exact start with no end and no duration: open for a day


@dataclass(frozen=True)
class Report:
    """One incident as one article reports it."""

    doc_id: str
    source: Optional[str]
    incident: Incident


@dataclass
class Outage:
    """One outage, from one or more reports."""

    id: str
    reports: List[Report] = field(default_factory=list)

    @property
    def articles(self) -> List[str]:
        return sorted({r.doc_id for r in self.reports})

    @property
    def service(self) -> Optional[str]:
        names = Counter(r.incident.service for r in self.reports if r.incident.service)
        return names.most_common(1)[0][0] if names else None

    @property
    def role(self) -> str:
        return "main" if any(r.incident.role == "main" for r in self.reports) else "related"

    def _points(self, attribute: str) -> List[TimePoint]:
        return [getattr(r.incident, attribute) for r in self.reports if getattr(r.incident, attribute)]

    @property
    def start(self) -> Optional[str]:
        """The finest start any report gives (the earliest among equally fine ones)."""
        return _finest(self._points("start"), earliest=True)

    @property
    def end(self) -> Optional[str]:
        return _finest(self._points("end"), earliest=False)

    @property
    def month(self) -> Optional[str]:
        return month_of(self.start)

    @property
    def duration_minutes(self) -> Optional[Tuple[float, float]]:
        """The range covering every report's duration (min of lows, max of highs)."""
        ranges = [r.incident.duration.minutes for r in self.reports if r.incident.duration]
        if not ranges:
            return None
        return min(m.min for m in ranges), max(m.max for m in ranges)

    @property
    def cause(self) -> str:
        return self._cause()[0]

    @property
    def cause_status(self) -> str:
        return self._cause()[1]

    def _cause(self) -> Tuple[str, str]:
        """The label most reports confirm, else the one most speculate about, else unknown."""
        for status in ("confirmed", "speculated"):
            labels = Counter(
                r.incident.cause.category
                for r in self.reports
                if r.incident.cause.status == status and r.incident.cause.category != "unknown"
            )
            if labels:
                best = max(labels.values())
                return sorted(label for label, n in labels.items() if n == best)[0], status
        return "unknown", "unknown"


_PRECISION_RANK = {"year": 0, "month": 1, "day": 2, "hour": 3, "minute": 4}


def _rank(value: str) -> int:
    return _PRECISION_RANK.get(precision(value) or "", -1)


def _order(value: str) -> str:
    instant = utc_instant(value)
    return instant.isoformat() if instant else value


def _finest(points: List[TimePoint], earliest: bool) -> Optional[str]:
    """The value of the finest precision among ``points``; of those the earliest or latest."""
    if not points:
        return None
    best = max(_rank(p.value) for p in points)
    values = [p.value for p in points if _rank(p.value) == best]
    return (min if earliest else max)(values, key=_order)


def service_key(name: Optional[str]) -> Optional[str]:
    """``"The Facebook's"``, ``"facebook.com"`` -> ``"facebook"``; None for no name."""
    if not name:
        return None
    key = " ".join(name.casefold().split())
    if key.startswith("the "):
        key = key[4:]
    for suffix in ("'s", "\u2019s", ".com"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return key.strip() or None


def _naive_utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _bound(point: Optional[TimePoint], low: bool, slack: dt.timedelta = ZONE_SLACK) -> Optional[dt.datetime]:
    """The earliest (``low``) or latest UTC moment a time point allows, at day precision or finer."""
    if point is None:
        return None
    instant = utc_instant(point.value)
    if instant is not None:
        return _naive_utc(instant)
    day = calendar_day(point.value)
    if day is None:
        return None
    midnight = dt.datetime.combine(day, dt.time())
    return midnight - slack if low else midnight + dt.timedelta(days=1) + slack


def is_exact(incident: Incident) -> bool:
    """Whether the incident has an instant (a time with its offset) at either end."""
    return any(p is not None and utc_instant(p.value) is not None for p in (incident.start, incident.end))


def time_window(incident: Incident, slack: dt.timedelta = ZONE_SLACK) -> Optional[Tuple[dt.datetime, dt.datetime]]:
    """The UTC window (naive) the incident may have covered, or None if it is not dated to a day.

    From the start (an instant, or its local day widened by 14 hours for the zone)
    to the end likewise; with no end, the start plus the longest duration; with no
    duration either, the end of the start's day (an exact start: a day later).
    Two incidents dated by days only are compared without the slack (``slack=0``):
    the same calendar day, not the next one.
    """
    low = _bound(incident.start, True, slack) or _bound(incident.end, True, slack)
    if low is None:
        return None
    high = _bound(incident.end, False, slack)
    if high is None:
        exact = incident.start is not None and utc_instant(incident.start.value) is not None
        if incident.duration is not None and exact:
            high = low + dt.timedelta(minutes=incident.duration.minutes.max)
        elif exact:
            high = low + OPEN_END
        else:
            high = _bound(incident.start, False, slack)
    return low, max(low, high)


@dataclass(frozen=True)
class _Timing:
    exact: bool
    wide: Tuple[dt.datetime, dt.datetime]  # with the zone slack
    local: Tuple[dt.datetime, dt.datetime]  # without it


def _timing(incident: Incident) -> Optional[_Timing]:
    wide = time_window(incident)
    if wide is None:
        return None
    return _Timing(is_exact(incident), wide, time_window(incident, dt.timedelta(0)))


def same_time(a: _Timing, b: _Timing) -> bool:
    """Whether two windows overlap (without the zone slack when neither has an instant)."""
    if a.exact or b.exact:
        return _overlap(a.wide, b.wide)
    return _overlap(a.local, b.local)


def _overlap(a: Tuple[dt.datetime, dt.datetime], b: Tuple[dt.datetime, dt.datetime]) -> bool:
    """Windows share time (one that only touches the other's end does not; a point inside does)."""
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return low < high or (low == high and (a[0] == a[1] or b[0] == b[1]))


def reports_of(articles: Iterable[ArticleRecord], main_only: bool = False) -> List[Report]:
    """Every incident of every article as a report (``main_only``: only role ``main``)."""
    return [
        Report(a.doc_id, a.source, i) for a in articles for i in a.incidents if not main_only or i.role == "main"
    ]


def merge_reports(reports: List[Report]) -> List[Outage]:
    """Group reports into outages (union-find over matching pairs); outages numbered in order
    of their first report."""
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_service: Dict[str, List[Tuple[dt.datetime, int, _Timing]]] = {}
    for index, report in enumerate(reports):
        key = service_key(report.incident.service)
        timing = _timing(report.incident)
        if key is not None and timing is not None:
            by_service.setdefault(key, []).append((timing.wide[0], index, timing))
    for timings in by_service.values():  # a sweep in start order: only windows still open are compared
        active: List[Tuple[int, _Timing]] = []
        for low, index, timing in sorted(timings, key=lambda item: (item[0], item[1])):
            active = [(i, t) for i, t in active if t.wide[1] >= low]
            for other, other_timing in active:
                if reports[other].doc_id != reports[index].doc_id and same_time(timing, other_timing):
                    parent[find(index)] = find(other)
            active.append((index, timing))
    groups: Dict[int, Outage] = {}
    for index, report in enumerate(reports):
        root = find(index)
        if root not in groups:
            groups[root] = Outage(id=f"o{len(groups) + 1}")
        groups[root].reports.append(report)
    return list(groups.values())

