"""Incident times from timex values: dates, instants, re-dating, derived durations.

TIMEX3 values are read with plain string operations: ``2016-01-19T03:40``,
``2016-01-19TMO`` (part of day), ``2016-01-19``, ``2015-11``, ``2019``;
anything else (``XXXX-01-15``, ``PAST_REF``) dates nothing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional, Tuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from models import Duration, MinuteRange, Timex, TimePoint


@dataclass(frozen=True)
class DateValue:
    """The calendar part of a timex value, with its precision."""

    text: str
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``"""
    precision: str
    """year | month | day"""

    @property
    def day(self) -> Optional[dt.date]:
        return dt.date.fromisoformat(self.text) if self.precision == "day" else None

    def compatible(self, other: "DateValue") -> bool:
        """One contains the other ("2019" and "2019-07")."""
        return self.text.startswith(other.text) or other.text.startswith(self.text)


def _digits(part: str, n: int) -> bool:
    return len(part) == n and part.isdigit()


def date_value(value: Optional[str]) -> Optional[DateValue]:
    if not value:
        return None
    date = value.split("T", 1)[0]
    parts = date.split("-")
    if not _digits(parts[0], 4):
        return None
    if len(parts) == 1:
        return DateValue(date, "year")
    if len(parts) >= 2 and not (_digits(parts[1], 2) and 1 <= int(parts[1]) <= 12):
        return None
    if len(parts) == 2:
        return DateValue(date, "month")
    if len(parts) == 3 and _digits(parts[2], 2):
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            return None
        return DateValue(date, "day")
    return None


PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")


def part_of_day(value: Optional[str]) -> Optional[str]:
    """``2018-04-22TEV`` as is (a day and its part), else None."""
    if not value or "T" not in value:
        return None
    date, part = value.split("T", 1)
    value_date = date_value(date)
    if value_date is None or value_date.precision != "day" or part not in PARTS_OF_DAY:
        return None
    return value


def clock_value(value: Optional[str]) -> Optional[Tuple[int, int]]:
    """(hour, minute) of a TIME value with a clock time, else None."""
    if not value or "T" not in value:
        return None
    clock = value.split("T", 1)[1]
    pieces = clock.split(":")
    if len(pieces) < 2 or not (_digits(pieces[0], 2) and _digits(pieces[1][:2], 2)):
        return None
    hour, minute = int(pieces[0]), int(pieces[1][:2])
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def offset_on(timex: Timex, day: dt.date, hour: int, minute: int) -> Optional[str]:
    """The UTC offset of the timex's zone in force on that local date and time."""
    zone = timex.timezone
    if zone is None:
        return None
    if zone.iana:
        try:
            local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone.iana))
        except (ZoneInfoNotFoundError, ValueError):
            return zone.utc_offset
        total = int(local.utcoffset().total_seconds() // 60)
        sign = "-" if total < 0 else "+"
        return f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    return zone.utc_offset


@dataclass(frozen=True)
class Moment:
    """A point of an incident: its ISO value, and a datetime when it is a clock time."""

    value: str
    timex: Optional[str]
    approximate: bool
    clock: Optional[dt.datetime] = None
    explicit_date: bool = True

    def point(self) -> TimePoint:
        return TimePoint(value=self.value, timex=self.timex, approximate=self.approximate)


def moment(
    timex: Timex,
    approximate: bool,
    date_override: Optional[DateValue] = None,
    zone_from: Optional[Timex] = None,
    explicit_date: bool = True,
) -> Optional[Moment]:
    """The incident time a timex stands for.

    ``date_override`` re-dates a clock time written without a date of its own
    (it takes the incident's date); ``zone_from`` lends a zone to a clock time
    written without one (the zone the same incident's other times use).
    """
    date = date_value(timex.value)
    if date is None:
        return None
    clock = clock_value(timex.value) if timex.type == "TIME" else None
    if clock is None:
        return Moment(part_of_day(timex.value) or date.text, timex.id, approximate)
    if date_override is not None and date_override.precision == "day":
        date = date_override
    if date.precision != "day":
        return Moment(date.text, timex.id, approximate)
    day = date.day
    hour, minute = clock
    zoned = timex if timex.timezone is not None else zone_from
    offset = offset_on(zoned, day, hour, minute) if zoned is not None else None
    local = f"{date.text}T{hour:02d}:{minute:02d}:00"
    if offset is None:
        naive = dt.datetime(day.year, day.month, day.day, hour, minute)
        return Moment(local, timex.id, approximate, naive, explicit_date)
    sign = -1 if offset[0] == "-" else 1
    delta = dt.timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])) * sign
    aware = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.timezone(delta))
    return Moment(local + offset, timex.id, approximate, aware, explicit_date)


def iso_duration(minutes: int) -> str:
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    out = "P" + (f"{days}D" if days else "")
    clock = (f"{hours}H" if hours else "") + (f"{mins}M" if mins else "")
    if clock:
        out += "T" + clock
    return out if out != "P" else "PT0M"


def derived_duration(start: Optional[Moment], end: Optional[Moment]) -> Optional[Duration]:
    """end - start when both are clock times (a day added when an undated end is past midnight)."""
    if start is None or end is None or start.clock is None or end.clock is None:
        return None
    a, b = start.clock, end.clock
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    delta = b - a
    if delta.total_seconds() < 0 and not end.explicit_date:
        delta += dt.timedelta(days=1)
    minutes = int(delta.total_seconds() // 60)
    if minutes <= 0:
        return None
    return Duration(
        minutes=MinuteRange(min=minutes, max=minutes), iso=iso_duration(minutes), basis="derived", timex=None
    )


_UNITS = {"Y": 525600.0, "M": 43200.0, "W": 10080.0, "D": 1440.0}
_CLOCK_UNITS = {"H": 60.0, "M": 1.0, "S": 1 / 60}


def value_minutes(value: str) -> Optional[float]:
    """Minutes of a plain ISO 8601 duration value (``PT5H25M``, ``P2D``); None if vague."""
    if not value or value[0] != "P":
        return None
    total, number, in_clock = 0.0, "", False
    for ch in value[1:]:
        if ch == "T":
            in_clock = True
        elif ch.isdigit() or ch == ".":
            number += ch
        else:
            units = _CLOCK_UNITS if in_clock else _UNITS
            if ch not in units or not number:
                return None
            total += float(number) * units[ch]
            number = ""
    return total if not number else None


def stated_duration(timex: Timex) -> Optional[Duration]:
    if timex.minutes is not None:
        minutes = timex.minutes
    else:
        value = value_minutes(timex.value)
        if value is None:
            return None
        minutes = MinuteRange(min=value, max=value)
    return Duration(minutes=minutes, iso=timex.value or None, basis="stated", timex=timex.id)
