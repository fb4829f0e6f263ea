"""An incident's time value (TIMEX3-style ISO text) as precision and, when it is an instant, UTC."""
from __future__ import annotations

import datetime as dt
from typing import Optional

PRECISIONS = ("year", "month", "day", "hour", "minute")
"""``*_precision`` values, coarsest first."""

_PART_OF_DAY = ("MO", "AF", "EV", "NI", "DT")  # TIMEX3 parts of day: "2024-07-18TEV"


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def precision(value: Optional[str]) -> Optional[str]:
    """``year`` ("2009"), ``month`` ("2019-07"), ``day`` ("2021-10-04", "2024-07-18TEV"),
    ``hour`` ("2021-10-04T15"), ``minute`` ("2021-10-04T15:39", with or without an
    offset; seconds count as minutes), or None for what is none of these ("XXXX-01-15")."""
    if not value:
        return None
    date, _, clock = value.partition("T")
    parts = date.split("-")
    if not all(_digits(p) for p in parts) or len(parts[0]) != 4 or len(parts) > 3:
        return None
    if len(parts) == 1:
        return "year" if not clock else None
    if len(parts) == 2:
        return "month" if not clock and 1 <= int(parts[1]) <= 12 else None
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        return None
    if not clock or clock in _PART_OF_DAY:
        return "day"
    if _digits(clock) and len(clock) == 2:
        return "hour"
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return "minute"


def utc_instant(value: Optional[str]) -> Optional[dt.datetime]:
    """The UTC instant of a value that carries an offset ("...T11:40:00-04:00"), else None."""
    if not value or "T" not in value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(dt.timezone.utc)


def calendar_day(value: Optional[str]) -> Optional[dt.date]:
    """The local calendar day a value at day precision or finer falls on, else None."""
    if precision(value) not in ("day", "hour", "minute"):
        return None
    return dt.date.fromisoformat(value[:10])


def month_of(value: Optional[str]) -> Optional[str]:
    """``YYYY-MM`` of a value at month precision or finer, else None."""
    if precision(value) in (None, "year"):
        return None
    return value[:7]
