"""Calendar values at a granularity and their TIMEX3 ``value`` strings.

A :class:`When` is a point of the calendar known to some granularity
(``2016-01``, ``2016-W03``, ``2016-01-18TMO``, ``XXXX-01-15``); the arithmetic
helpers shift concrete dates by calendar units.
"""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass, replace
from typing import Optional

#: Granularities from coarse to fine.
GRANULARITIES = (
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "weekend", "day", "pod", "minute",
)
_RANK = {name: i for i, name in enumerate(GRANULARITIES)}

#: Calendar unit code (see tables.json ``unit_info``) -> granularity of a point shifted by it.
UNIT_GRANULARITY = {
    "CE": "century", "DE": "decade", "Y": "year", "Q": "quarter", "M": "month", "W": "week", "FN": "week",
    "WE": "weekend", "D": "day", "H": "minute", "MIN": "minute", "S": "minute",
}

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def finer(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


def is_finer_or_equal(a: str, b: str) -> bool:
    return _RANK[a] >= _RANK[b]


@dataclass(frozen=True)
class When:
    """A calendar point; ``None`` fields are unknown (rendered as X)."""

    granularity: str
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    week: Optional[int] = None
    weekday: Optional[int] = None
    quarter: Optional[int] = None
    half: Optional[int] = None
    season: Optional[str] = None
    decade: Optional[int] = None
    century: Optional[int] = None
    pod: Optional[str] = None
    hour: Optional[int] = None
    minute: Optional[int] = None

    def date(self) -> Optional[dt.date]:
        if self.year is None or self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def value(self) -> str:
        """The TIMEX3 value; an unknown field is X at its width ("XX" for an unknown century), never an error."""
        g = self.granularity
        year = f"{self.year:04d}" if self.year is not None else "XXXX"
        if g == "century":
            return f"{self.century:02d}" if self.century is not None else "XX"
        if g == "decade":
            return f"{self.decade:03d}" if self.decade is not None else "XXX"
        if g == "year":
            return year
        if g == "half":
            return f"{year}-H{self.half}" if self.half else f"{year}-HX"
        if g == "quarter":
            return f"{year}-Q{self.quarter}" if self.quarter else f"{year}-QX"
        if g == "season":
            return f"{year}-{self.season}" if self.season else f"{year}-XX"
        if g == "month":
            return f"{year}-{self.month:02d}" if self.month else f"{year}-XX"
        if g in ("week", "weekend"):
            week = f"{year}-W{self.week:02d}" if self.week else f"{year}-WXX"
            return week + ("-WE" if g == "weekend" else "")
        if self.month is None and self.day is None and self.weekday is not None:
            day = f"{year}-WXX-{self.weekday}"
        else:
            month = f"{self.month:02d}" if self.month else "XX"
            dom = f"{self.day:02d}" if self.day else "XX"
            day = f"{year}-{month}-{dom}"
        if g == "pod":
            return f"{day}T{self.pod}" if self.pod else day
        if g == "minute":
            if self.hour is None:
                return f"{day}TXX:XX"
            return f"{day}T{self.hour:02d}:{(self.minute or 0):02d}"
        return day


def when_of(date: dt.date, granularity: str) -> When:
    """The period of ``granularity`` holding ``date``."""
    g = granularity
    if g == "century":
        return When("century", century=date.year // 100)
    if g == "decade":
        return When("decade", decade=date.year // 10)
    if g == "year":
        return When("year", year=date.year)
    if g == "half":
        return When("half", year=date.year, half=1 if date.month <= 6 else 2)
    if g == "quarter":
        return When("quarter", year=date.year, quarter=(date.month - 1) // 3 + 1)
    if g == "season":
        season, year = season_of(date)
        return When("season", year=year, season=season)
    if g == "month":
        return When("month", year=date.year, month=date.month)
    if g in ("week", "weekend"):
        iso = date.isocalendar()
        return When(g, year=iso[0], week=iso[1])
    return When("day", year=date.year, month=date.month, day=date.day)


def season_of(date: dt.date):
    month = date.month
    if month in (12, 1, 2):
        return "WI", date.year if month == 12 else date.year - 1
    if month <= 5:
        return "SP", date.year
    if month <= 8:
        return "SU", date.year
    return "FA", date.year


def at_time(when: When, hour: Optional[int], minute: Optional[int], pod: Optional[str]) -> When:
    """A day-level ``when`` refined by a clock time or a part of day."""
    if hour is not None:
        return replace(when, granularity="minute", hour=hour, minute=minute or 0, pod=None)
    if pod is not None:
        return replace(when, granularity="pod", pod=pod)
    return when


def add_months(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + (date.month - 1) + months
    year, month = divmod(index, 12)
    day = min(date.day, _calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def shift(date: dt.date, amount: int, unit: str) -> dt.date:
    """``date`` moved by ``amount`` calendar units (unit codes of tables.json)."""
    if unit in ("D",):
        return date + dt.timedelta(days=amount)
    if unit in ("W", "WE"):
        return date + dt.timedelta(weeks=amount)
    if unit == "FN":
        return date + dt.timedelta(weeks=2 * amount)
    if unit == "M":
        return add_months(date, amount)
    if unit == "Q":
        return add_months(date, 3 * amount)
    if unit == "Y":
        return add_months(date, 12 * amount)
    if unit == "DE":
        return add_months(date, 120 * amount)
    if unit == "CE":
        return add_months(date, 1200 * amount)
    raise ValueError(f"cannot shift a date by unit {unit!r}")


def valid_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
