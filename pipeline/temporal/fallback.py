"""Fallback normalisation: dateparser for a span the rules found but left underspecified.

Off by default (``timex_tagger`` config ``dateparser_fallback``): measured on the
TimeML and real-news sets it changes nothing that is scored (README, "Temporal
expressions"). When on, a DATE or TIME whose value still holds ``X`` although the
reference date is known ("1998-10-XX" for "that same day") is handed to
dateparser with the reference date as ``RELATIVE_BASE``, dates preferred from
the past, English only. Its answer is kept only when its granularity (dateparser's
``period``) is the span's and it agrees with every part the rules did settle.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Optional

#: dateparser's ``period`` -> the granularity of a TIMEX3 value.
_PERIOD_GRANULARITY = {"time": "minute", "day": "day", "month": "month", "year": "year"}


def _numeric(part: str, width: int) -> bool:
    return len(part) == width and all(ch.isdigit() or ch == "X" for ch in part)


def value_granularity(value: str) -> Optional[str]:
    """"year", "month", "day" or "minute" of a TIMEX3 date/time value (None for weeks, seasons, parts of day)."""
    date, _, clock = value.partition("T")
    parts = date.split("-")
    if len(parts) == 3 and parts[1] == "WXX" and len(parts[2]) == 1 and parts[2].isdigit():
        return None if clock else "day"  # XXXX-WXX-3: a weekday
    if not all(_numeric(part, width) for part, width in zip(parts, (4, 2, 2))):
        return None
    if clock:
        hour, _, minute = clock.partition(":")
        return "minute" if len(parts) == 3 and _numeric(hour, 2) and _numeric(minute, 2) else None
    return {1: "year", 2: "month", 3: "day"}.get(len(parts))


def is_underspecified(value: Optional[str]) -> bool:
    return bool(value) and "X" in value and not value.startswith("P") and value_granularity(value) is not None


def _render(moment: dt.datetime, granularity: str, like: str) -> str:
    if like.split("-")[1:2] and like.split("-")[1].startswith("W"):
        return moment.date().isoformat()
    return {
        "year": f"{moment.year:04d}",
        "month": f"{moment.year:04d}-{moment.month:02d}",
        "day": moment.date().isoformat(),
        "minute": moment.strftime("%Y-%m-%dT%H:%M"),
    }[granularity]


def _agrees(value: str, found: str, moment: dt.datetime) -> bool:
    """Every character the rules settled is the same in dateparser's value; a weekday is the same weekday."""
    parts = value.split("-")
    if len(parts) == 3 and parts[1].startswith("W"):
        return moment.isoweekday() == int(parts[2])
    return len(value) == len(found) and all(a == "X" or a == b for a, b in zip(value, found))


@lru_cache(maxsize=64)
def _parser(reference: dt.date):
    from dateparser.date import DateDataParser

    base = dt.datetime(reference.year, reference.month, reference.day, 12)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    return DateDataParser(languages=["en"], settings=settings)


def fallback_value(text: str, value: str, reference: dt.date) -> Optional[str]:
    """dateparser's value for the span ``text`` when it fits ``value``'s granularity and settled parts, else None."""
    granularity = value_granularity(value)
    if granularity is None:
        return None
    try:
        data = _parser(reference).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    moment = data["date_obj"] if data else None
    if moment is None or _PERIOD_GRANULARITY.get(data["period"]) != granularity:
        return None
    found = _render(moment, granularity, value)
    return found if _agrees(value, found, moment) else None
